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
    ("d15-izhevsk-2024.html", "title"):
        "the event's title stands in a news lead above the document's own heading, which the "
        "loader does not read (a sidebar there would give wrong facts)",
    ("d15-izhevsk-2024.html", "participants"): "in the news lead above the heading (see title)",
    ("d15-izhevsk-2024.html", "organisers"): "in the news lead above the heading (see title)",
    ("e02-salekhard-2019.txt", "addressees"):
        "a table flattened into «1. | Адресат | текст» lines: the loader reads no table rows",
    ("e03-khanty-mansiysk-2017.md", "title"):
        "the heading names two events («… конгресса: XI Ежегодной конференции …») and the "
        "title is quoted after the second",
    ("e12-pangody-2022.txt", "organisers"):
        "«Органи-\nзаторы семинара – …»: the word that introduces them is broken at the line end",
    ("f02-pskov-2018.md", "organisers"):
        "«проведён по инициативе X» with no «организован»: the initiator is not read as organiser",
    ("f03-tambov-2019.html", "organisers"):
        "bodies «при участии» are labelled organisers here; the loader reads only «организован»,"
        " «проведён», «Организаторы:»",
    ("g02-minsk-2018.md", "proposals"):
        "«… и предлагают ей провести …»: the proposal's addressee is a pronoun for the library "
        "named in the sentence before, which the loader does not resolve",
    ("h01-arkhangelsk-2017.txt", "organisers"):
        "«… Добролюбова и Северным (Арктическим) федеральным университетом …»: a parenthesis "
        "inside the second organiser's name ends the list",
    ("h01-arkhangelsk-2017.txt", "addressees"):
        "a heading in capitals with «ИМЕНИ»: the loader keeps «Областная» capitalised, the "
        "labeller did not (a name that is proper or not: either reading is defensible)",
    ("h02-syktyvkar-2019.md", "topics_discussed"):
        "the topics are the rows of a Markdown table, which the loader does not read",
    ("h05-staraya-russa-2021.md", "addressees"):
        "«Рекомендовать также оргкомитету …» after the list is counted under the heading above "
        "it, not as its own group",
    ("h06-erevan-2019.html", "participants"):
        "«Свыше 70 специалистов … обсудили …»: the count has no verb of taking part",
    ("h06-erevan-2019.html", "participants_minimum"): "see participants",
    ("h07-tashkent-2022.txt", "participating"):
        "three cohorts in two sentences, one of them «в дистанционном формате»: only the first "
        "is read, and the mode is given to it",
    ("h07-tashkent-2022.txt", "topics_discussed"):
        "the topics are dash items after a sentence without a colon",
    ("h08-nizhny-tagil-2016.txt", "organisers"):
        "«Съезд … созван Союзом музеев …»: «созван» is not a verb of organising the loader knows",
    ("h08-nizhny-tagil-2016.txt", "addressees"):
        "sub-items а)–в) under a «Рекомендовать X:» paragraph are read as recommendations",
    ("h08-nizhny-tagil-2016.txt", "recommendations"): "see addressees",
    ("h09-gorno-altaisk-2020.html", "addressees"):
        "«… Комитету … совместно с Правительством Республики Алтай»: the partner is read as a "
        "heading of its own",
    ("h10-kyzyl-2023.md", "participating"):
        "«кожуунов республики» is kept as written; the labeller expanded it to «Республики Тыва»",
    ("h11-murmansk-2019.txt", "addressees"):
        "addressee headings in the nominative on lines of their own («Издательства, работающие "
        "…»): the loader knows dative headings",
    ("h11-murmansk-2019.txt", "recommendations"): "see addressees",
    ("h12-suzdal-2024.html", "title"):
        "the event's title, date and participants stand in a news lead above the document's "
        "heading (as d15)",
    ("h12-suzdal-2024.html", "participants"): "in the news lead above the heading (see title)",
    ("h12-suzdal-2024.html", "organisers"): "in the news lead above the heading (see title)",
    ("h12-suzdal-2024.html", "participating"): "in the news lead above the heading (see title)",
    ("h12-suzdal-2024.html", "addressees"):
        "«Оргкомитету направить …» and «Провести … в 2025 году» after the list are read as "
        "recommendations, not proposals",
    ("h12-suzdal-2024.html", "recommendations"): "see addressees",
    ("h12-suzdal-2024.html", "proposals"): "see addressees",
    ("f08-smolensk-2012.txt", "organisers"):
        "organisers in two sentences («по инициативе X», «организатор — Y»): only the second is "
        "read",
}


def labelled() -> list[tuple[Path, dict[str, Any]]]:
    """(path, expected facts) of every labelled document."""
    out = []
    for folder in (CORPUS, DEV):
        for expected in sorted(folder.glob("expected*.json")):
            for doc in json.loads(expected.read_text(encoding="utf-8"))["documents"]:
                out.append((folder / doc["file"], doc))
    return out
