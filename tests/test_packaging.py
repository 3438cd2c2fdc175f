"""The built wheel works on its own: a fresh virtualenv, ``reskg --help`` and a load."""

from __future__ import annotations

import subprocess
import sys
import venv
from pathlib import Path

import pytest
from conftest import REPO, TVER


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
    venv.create(env_dir, with_pip=True)
    pip = env_dir / "bin" / "pip"
    subprocess.run([str(pip), "install", "--quiet", str(wheels[0])], check=True, timeout=900)
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
    # Nothing is installed under a generic top-level name.
    site = next((env_dir / "lib").glob("python*/site-packages"))
    for generic in ("loaders", "ontology", "queries", "endpoint"):
        assert not (site / generic).exists()
