"""``reskg validate --store`` agrees with ``reskg load``: a store that load built without an error
conforms to the shapes when validated as a whole (it did not: «Шире использовать …» was read as
the addressee «Шир», minted as an audience and an organisation that failed the shapes together)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import TVER

from resolutions_kg.loaders import parse_text

REPO = Path(__file__).resolve().parents[1]
RESKG = str(Path(sys.executable).parent / "reskg")


def test_a_comparative_opening_an_item_is_no_addressee() -> None:
    res = parse_text("Резолюция конференции «Чтение»\n\nТверь, 25 октября 2012 г.\n\n"
                     "Конференция рекомендует:\n\n1. Шире использовать электронные ресурсы.\n\n"
                     "2. Активнее привлекать волонтёров.\n")
    assert [r.addressee for r in res.recommendations] == [None, None]
    assert [r.action.value for r in res.recommendations if r.action] == ["использовать",
                                                                         "привлекать"]


def test_validate_store_agrees_with_load(tmp_path: Path) -> None:
    corpus, store = tmp_path / "corpus", tmp_path / "store"
    subprocess.run([sys.executable, str(REPO / "bench" / "generate_corpus.py"), "-n", "60",
                    str(corpus)], check=True, capture_output=True, timeout=300)
    load = subprocess.run([RESKG, "load", str(corpus), "--store", str(store), "-q"],
                          capture_output=True, text=True, timeout=600)
    assert load.returncode == 0, load.stderr
    validate = subprocess.run([RESKG, "validate", "--store", str(store)], capture_output=True,
                              text=True, timeout=600)
    assert validate.returncode == 0, validate.stdout[-2000:]
    assert validate.stdout.startswith("Conforms.")


@pytest.mark.parametrize("name", ["tver-2012.txt", "b01-khanty-mansiysk-2015.md"])
def test_validate_file_gives_the_verdict_load_gives(name: str, tmp_path: Path) -> None:
    """``reskg validate FILE`` checks a resolution with the registry and gazetteer its mentions
    are looked up in, as ``reskg load`` does (it reported 18 violations for the shipped seed,
    places of the gazetteer «not schema:Place», while load conformed)."""
    path = TVER if name == "tver-2012.txt" else REPO / "tests" / "data" / "dev" / name
    validate = subprocess.run([RESKG, "validate", str(path)], capture_output=True, text=True,
                              timeout=300)
    load = subprocess.run([RESKG, "load", str(path), "--store", str(tmp_path / "s"), "-q"],
                          capture_output=True, text=True, timeout=300)
    assert (validate.returncode, load.returncode) == (0, 0), validate.stdout[:2000]
    assert validate.stdout.startswith("Conforms.")


def test_warnings_are_counted_alike_by_load_and_validate(tmp_path: Path) -> None:
    """Issue 15: a load table said «warnings 0» where `validate --store` reported one. Now
    `load` and `validate FILE` count a document's warnings alike (the loader's and the shapes'),
    and `validate --store` counts the shapes' warnings of all of them."""
    docs = [REPO.parent / "shared" / "corpus" / "lipetsk-2016.txt", TVER,
            REPO / "tests" / "data" / "dev" / "e11-osh-2018.txt"]
    store = tmp_path / "store"
    load = subprocess.run([RESKG, "load", *map(str, docs), "--store", str(store)],
                          capture_output=True, text=True, timeout=600,
                          env={**os.environ, "COLUMNS": "250"})  # one table line a document
    assert load.returncode == 0, load.stderr
    table = {line.split("│")[1].strip(): int(line.split("│")[5])
             for line in load.stdout.splitlines()
             if line.startswith("│") and line.split("│")[2].strip() == "loaded"}
    shapes = sum("shapes: " in line for line in load.stderr.splitlines())
    assert shapes >= 2 and sum(table.values()) > shapes  # both kinds are there
    for doc in docs:
        validate = subprocess.run([RESKG, "validate", str(doc)], capture_output=True, text=True,
                                  timeout=600)
        head = validate.stdout.splitlines()[0]
        said = int(head.split()[1]) if "warnings" in head else 0
        assert said == table[str(doc)], (doc, head)
        assert said == load.stderr.count(f"reskg: warning: {doc}: ")
    whole = subprocess.run([RESKG, "validate", "--store", str(store)], capture_output=True,
                           text=True, timeout=600)
    assert whole.stdout.splitlines()[0] == f"Conforms. {shapes} warnings."
