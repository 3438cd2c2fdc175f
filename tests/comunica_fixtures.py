"""Comunica, the JavaScript linked-data client, for the tests (a pytest plugin:
``pytest_plugins = ["comunica_fixtures"]``).

- ``comunica``: the ``node_modules/.bin`` folder of ``@comunica/query-sparql`` 4
  (``comunica-sparql``);
- ``comunica_traversal``: that of ``@comunica/query-sparql-link-traversal``
  (``comunica-sparql-link-traversal``; its latest release is built on Comunica 3, so it lives in a
  folder of its own; ``…-link-traversal-solid`` 0.6, built on Comunica 4, fails at its first
  request with the Comunica 4.5 actors npm installs beside it).

Each is installed once by ``npm install`` from the npm registry, from
``tests/node/NAME/package.json`` (exact versions) into ``build/node/NAME/``, kept between runs and
reinstalled when the ``package.json`` changes (under a file lock: the pytest-xdist workers of
``make test`` may ask at the same time). Skipped only when Node.js is missing outside CI
(``.ci/run`` installs it).

- ``local_tver_server``: a read-only server over the Tver 2012 resolution published with the base
  IRI of the server itself (``http://127.0.0.1:PORT/``), so that a client following our links
  stays on our server.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from endpoint_support import Server

from resolutions_kg.publish import publish

REPO = Path(__file__).resolve().parents[1]
PACKAGES = REPO / "tests" / "node"
NODE_DIR = REPO / "build" / "node"
TVER = REPO.parent / "shared" / "corpus" / "tver-2012.txt"


def npm_install(name: str, command: str) -> Path:
    """``tests/node/{name}`` installed into ``build/node/{name}``; its ``.bin`` folder, which
    holds ``command``."""
    folder = NODE_DIR / name
    folder.mkdir(parents=True, exist_ok=True)
    with (NODE_DIR / f"{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        return _install(folder, name, command)


def _install(folder: Path, name: str, command: str) -> Path:
    wanted = (PACKAGES / name / "package.json").read_text(encoding="utf-8")
    installed = folder / "package.json"
    bin_dir = folder / "node_modules" / ".bin"
    if not (installed.exists() and installed.read_text(encoding="utf-8") == wanted
            and (bin_dir / command).exists()):
        installed.write_text(wanted, encoding="utf-8")
        done = subprocess.run(["npm", "install", "--no-audit", "--no-fund"],
                              cwd=folder, capture_output=True, text=True, timeout=900)
        if done.returncode != 0:
            installed.unlink()
            raise RuntimeError(f"npm install in {folder} failed:\n{done.stdout}\n{done.stderr}")
    return bin_dir


def _need_node() -> None:
    if shutil.which("node") is None or shutil.which("npm") is None:
        if os.environ.get("CI"):
            raise RuntimeError("Node.js and npm are missing (.ci/run installs them)")
        pytest.skip("needs Node.js and npm (in CI, .ci/run installs them: never skipped)")


@pytest.fixture(scope="session")
def comunica() -> Path:
    _need_node()
    return npm_install("sparql", "comunica-sparql")


@pytest.fixture(scope="session")
def comunica_traversal() -> Path:
    _need_node()
    return npm_install("link-traversal", "comunica-sparql-link-traversal")


@pytest.fixture(scope="session")
def local_tver_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    folder = tmp_path_factory.mktemp("tver-local") / "store"
    server = Server(folder, "--query-timeout", "20")
    base = server.url + "/"
    server.args += ["--base-iri", base]
    report = publish([TVER], folder, base_iri=base)
    assert not report.failed, [d.error for d in report.failed]
    with server:
        yield server
