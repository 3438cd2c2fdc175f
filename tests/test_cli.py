"""The ``reskg`` command as a user runs it: help everywhere, settings from the environment,
one-line errors with the file named, non-zero exit codes, the store unchanged."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import TVER

from resolutions_kg.cli import commands, main
from resolutions_kg.settings import SETTINGS

RESKG = str(Path(sys.executable).with_name("reskg"))


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [RESKG, *args], capture_output=True, text=True, timeout=300,
        env={**os.environ, **(env or {})},
    )


def dump(store: Path) -> bytes:
    out = run("export", "--store", str(store), "--format", "nquads")
    assert out.returncode == 0, out.stderr
    return out.stdout.encode()


COMMANDS = sorted(commands())


def test_every_planned_command_exists() -> None:
    assert {"load", "export", "validate", "stats", "settings"} <= set(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command: str) -> None:
    result = CliRunner().invoke(main, [command, "--help"])
    assert result.exit_code == 0
    assert "Usage: " in result.output
    assert len(commands()[command].help or "") > 20


def test_settings_are_documented_in_the_readme() -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    for setting in SETTINGS:
        assert setting.envvar in readme, setting.envvar


def test_load_prints_what_was_published_and_stats_count_it(tmp_path: Path) -> None:
    store = tmp_path / "store"
    out = run("load", str(TVER), "--store", str(store))
    assert out.returncode == 0, out.stderr
    assert "1 loaded" in out.stdout
    assert "tver-2012" in out.stdout
    stats = run("stats", "--store", str(store))
    assert stats.returncode == 0
    assert "reskg:Recommendation" in stats.stdout


def test_store_option_is_read_from_the_environment(tmp_path: Path) -> None:
    store = tmp_path / "envstore"
    out = run("load", str(TVER), env={"RESKG_STORE": str(store)})
    assert out.returncode == 0, out.stderr
    assert (store / "CURRENT").exists()


def test_loading_the_same_bytes_again_is_skipped(tmp_path: Path) -> None:
    store = tmp_path / "store"
    assert run("load", str(TVER), "--store", str(store)).returncode == 0
    again = run("load", str(TVER), "--store", str(store))
    assert again.returncode == 0
    assert "0 loaded, 1 unchanged" in again.stdout


BAD_INPUTS = {
    "empty.txt": b"",
    "garbage.txt": bytes(range(256)) * 20,
    "invalid-utf8.txt": b"\xff\xfe\xfd plain \x80\x81 text \xc3\x28 " * 10,
    "recipe.txt": "Борщ. Свёкла, капуста, картофель. Варить два часа.\n".encode(),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_is_one_line_naming_the_file_and_leaves_the_store_unchanged(
    tmp_path: Path, name: str, tver_store: Path
) -> None:
    store = tmp_path / "store"
    shutil.copytree(tver_store, store)  # a store holding Tver (a closed store's folder copied)
    before = dump(store)
    bad = tmp_path / name
    bad.write_bytes(BAD_INPUTS[name])
    out = run("load", str(bad), "--store", str(store), "-q")
    assert out.returncode != 0
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1, out.stderr
    assert lines[0].startswith("reskg: error: ") and str(bad) in lines[0]
    assert "Traceback" not in out.stderr
    assert dump(store) == before


def test_a_bad_document_does_not_stop_the_others(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a-empty.txt").write_bytes(b"")
    (folder / "b-tver.txt").write_bytes(TVER.read_bytes())
    out = run("load", str(folder), "--store", str(tmp_path / "store"))
    assert out.returncode == 1
    assert "1 loaded, 0 unchanged, 1 failed" in out.stdout
    assert "a-empty.txt" in out.stderr


def test_missing_path_is_a_clear_error(tmp_path: Path) -> None:
    out = run("load", str(tmp_path / "nope.txt"), "--store", str(tmp_path / "s"))
    assert out.returncode == 1
    assert out.stderr.strip() == f"reskg: error: {tmp_path / 'nope.txt'}: no such file or folder"


def test_export_of_an_unknown_graph_is_a_clear_error(tver_store: Path) -> None:
    out = run("export", "--store", str(tver_store), "--graph", "http://example.org/none")
    assert out.returncode == 1
    assert "no graph <http://example.org/none>" in out.stderr


def test_validate_reports_conformance_of_the_store(tver_store: Path) -> None:
    out = run("validate", "--store", str(tver_store))
    assert out.returncode == 0, out.stdout
    assert out.stdout.startswith("Conforms")


def test_validate_finds_a_violation_in_a_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text(
        "@prefix reskg: <https://w3id.org/resolutions-kg/ontology#> .\n"
        "<http://example.org/r/1> a reskg:Recommendation .\n",
        encoding="utf-8",
    )
    out = run("validate", str(bad))
    assert out.returncode == 1
    assert "Does not conform" in out.stdout
    assert "position" in out.stdout


def test_serve_without_a_store_says_so_and_exits(tmp_path: Path) -> None:
    for store in (tmp_path / "missing", tmp_path):  # nothing there; a folder that is no store
        out = run("serve", "--store", str(store), "--port", "0")
        assert out.returncode == 1
        assert f"{store}: no store here" in out.stderr and "Traceback" not in out.stderr


def test_serve_stops_when_its_processes_cannot_start(tmp_path: Path) -> None:
    """A store folder that looks like a store but cannot be opened: every server process fails
    at start-up; the command says so and exits instead of restarting them for ever."""
    store = tmp_path / "broken"
    store.mkdir()
    (store / "CURRENT").write_text("MANIFEST-999999\n")
    for memory in ("5000000", "0"):  # the processes open the store first, copy or not
        out = run("serve", "--store", str(store), "--port", "0", "--memory-triples", memory)
        assert out.returncode == 1
        assert f"{store}: cannot open the store" in out.stderr  # each server process's log
        assert "reskg: error: the server could not start" in out.stderr


def test_help_lists_each_command_with_its_whole_first_sentence() -> None:
    from click.testing import CliRunner

    from resolutions_kg.cli import main as reskg_main

    out = CliRunner().invoke(reskg_main, ["--help"], terminal_width=200).output
    commands = out.split("Commands:")[1]
    assert "..." not in commands
    assert "Load resolution files (or every supported file below a folder) into the store." in out
