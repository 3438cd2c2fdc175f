"""The labelled documents the loader is held to: ../shared/corpus (expected.json) and our
development corpus tests/data/dev (expected-*.json), with the few facts it is known to miss.

A known miss is a fact the loader gets wrong today, listed with why; the tests mark it as an
expected failure (strict: fixing it makes the test fail until the entry goes).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from conftest import CORPUS

DEV = Path(__file__).parent / "data" / "dev"

#: (file, field) → why the loader misses it.
KNOWN_MISSES: dict[tuple[str, str], str] = {
    ("d13-petrozavodsk-2014.md", "proposals"):
        "a «## Предложения» section after the list: its second proposal has no verb of "
        "proposing and is not read as a proposal",
    ("e02-salekhard-2019.txt", "addressees"):
        "a table flattened into «1. | Адресат | текст» lines: the loader reads no table rows",
    ("e03-khanty-mansiysk-2017.md", "title"):
        "the heading names two events («… конгресса: XI Ежегодной конференции …») and the "
        "title is quoted after the second",
    ("e12-pangody-2022.txt", "organisers"):
        "«Органи-\nзаторы семинара – …»: the word that introduces them is broken at the line end",
    ("f03-tambov-2019.html", "organisers"):
        "bodies «при участии» are labelled organisers here; the loader reads only «организован»,"
        " «проведён», «Организаторы:»",
    ("g02-minsk-2018.md", "proposals"):
        "«… и предлагают ей провести …»: the proposal's addressee is a pronoun for the library "
        "named in the sentence before, which the loader does not resolve",
    ("h01-arkhangelsk-2017.txt", "addressees"):
        "a heading in capitals with «ИМЕНИ»: the loader keeps «Областная» capitalised, the "
        "labeller did not (a name that is proper or not: either reading is defensible)",
    ("h10-kyzyl-2023.md", "participating"):
        "«кожуунов республики» is kept as written; the labeller expanded it to «Республики Тыва»",
}


def labelled() -> list[tuple[Path, dict[str, Any]]]:
    """(path, expected facts) of every labelled document."""
    out = []
    for folder in (CORPUS, DEV):
        for expected in sorted(folder.glob("expected*.json")):
            for doc in json.loads(expected.read_text(encoding="utf-8"))["documents"]:
                out.append((folder / doc["file"], doc))
    return out
