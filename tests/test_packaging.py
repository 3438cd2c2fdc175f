"""The built wheel works on its own: a fresh virtualenv, ``reskg --help``, a load, and the
commands that talk to other stores over HTTP (``reskg serve --backend``, ``reskg push``: their
HTTP client must be a run-time dependency, not a test one)."""

from __future__ import annotations

import contextlib
import subprocess
import sys
import time
import venv
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from conftest import REPO, TVER
from endpoint_support import free_port


@contextlib.contextmanager
def _serving(reskg: str, *args: str, cwd: Path) -> Iterator[str]:
    """``reskg serve ARGS`` of the wheel on a free port; its URL while it runs."""
    port = free_port()
    log = cwd / f"serve-{port}.log"
    with log.open("wb") as out:
        process = subprocess.Popen([reskg, "serve", *args, "--port", str(port)], cwd=cwd,
                                   stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            assert process.poll() is None, log.read_text()
            with contextlib.suppress(httpx.TransportError):
                if httpx.get(f"{url}/health", timeout=5).status_code == 200:
                    break
            assert time.monotonic() < deadline, log.read_text()
            time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        process.wait(60)


@pytest.mark.slow
def test_wheel_installs_in_a_fresh_venv_and_loads(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(REPO)],
        check=True, capture_output=True, timeout=600,
    )
    wheels = list(dist.glob("resolutions_kg-*.whl"))
    assert len(wheels) == 1
    env_dir = tmp_path / "venv"
    # A virtualenv without pip of its own (ensurepip costs seconds of processor time): this
    # pip installs into it (``--python``) the wheel and the dependencies its metadata names,
    # not compiled to bytecode ahead of time (Python compiles what it imports).
    venv.create(env_dir, with_pip=False)
    subprocess.run([sys.executable, "-m", "pip", "--python", str(env_dir / "bin" / "python"),
                    "install", "--quiet", "--no-compile", str(wheels[0])],
                   check=True, timeout=900)
    reskg = str(env_dir / "bin" / "reskg")
    help_out = subprocess.run([reskg, "--help"], capture_output=True, text=True, check=True)
    assert "load" in help_out.stdout and "export" in help_out.stdout
    store = tmp_path / "store"
    load = subprocess.run([reskg, "load", str(TVER), "--store", str(store)],
                          capture_output=True, text=True, cwd=tmp_path, timeout=600)
    assert load.returncode == 0, load.stderr
    assert "1 loaded" in load.stdout
    # The package data travelled with the wheel: ontology and shapes graphs are in the store.
    stats = subprocess.run([reskg, "stats", "--store", str(store), "--json"],
                           capture_output=True, text=True, check=True, cwd=tmp_path)
    assert "graph/ontology" in stats.stdout and "graph/shapes" in stats.stdout
    # serve --backend and push use the HTTP client the wheel installed
    ask = {"query": "ASK { ?s ?p ?o }"}
    json_results = {"Accept": "application/sparql-results+json"}
    with _serving(reskg, "--store", str(store), cwd=tmp_path) as origin:
        with _serving(reskg, "--backend", f"{origin}/sparql", cwd=tmp_path) as front:
            answer = httpx.get(f"{front}/sparql", params=ask, headers=json_results, timeout=30)
            assert answer.status_code == 200 and answer.json()["boolean"] is True
    target = tmp_path / "target"
    with _serving(reskg, "--store", str(target), "--update-token", "wheel-token",
                  cwd=tmp_path) as writable:
        pushed = subprocess.run([reskg, "push", "--store", str(store), "--to",
                                 f"{writable}/store", "--token", "wheel-token", "--quiet"],
                                capture_output=True, text=True, cwd=tmp_path, timeout=600)
        assert pushed.returncode == 0, pushed.stderr
        answer = httpx.get(f"{writable}/sparql", params=ask, headers=json_results, timeout=30)
        assert answer.json()["boolean"] is True
    # Nothing is installed under a generic top-level name.
    site = next((env_dir / "lib").glob("python*/site-packages"))
    for generic in ("loaders", "ontology", "queries", "endpoint"):
        assert not (site / generic).exists()
