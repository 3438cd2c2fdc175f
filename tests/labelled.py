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
    ("e03-khanty-mansiysk-2017.md", "title"):
        "the heading names two events («… конгресса: XI Ежегодной конференции …») and the "
        "title is quoted after the second",
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
    ("i01-petrozavodsk-2019.html", "participating"):
        "«ещё 40 участников подключились к трансляции в режиме онлайн»: the label keeps «в "
        "режиме онлайн», which the labeller left out",
    ("i02-yoshkar-ola-2021.md", "participating"):
        "«около 60 человек — сотрудники … из Козьмодемьянска, …, а также писатели, переводчики "
        "и преподаватели …»: a list after a dash is not split into groups",
    ("i03-naberezhnye-chelny-2017.txt", "addressees"):
        "«Управлению культуры …» opening a heading: cited in lower case («управление» is a kind"
        " of body); the labeller kept the capital (either reading is defensible)",
    ("i04-kaliningrad-2022.html", "participating"):
        "«12 музеев из Москвы, Санкт-Петербурга, Пскова и Великого Новгорода»: the places are "
        "split from their counted group; the labeller kept one group «музеи Москвы, …»",
    ("i06-bishkek-2023.txt", "topics_discussed"):
        "«Участники обсудили вопросы создания …, обмена … и …» in running text without a colon:"
        " not read as a list of topics",
    ("i07-komsomolsk-na-amure-2020.html", "organisers"):
        "«министерство культуры Хабаровского края» written in lower case: capitalised, as the "
        "addressee (see there)",
    ("i07-komsomolsk-na-amure-2020.html", "addressees"):
        "«министерство культуры Хабаровского края» written in lower case: the loader "
        "capitalises a ministry's name everywhere (one label per organisation)",
    ("i10-nizhny-tagil-2016.txt", "participating"):
        "the groups stand in a sentence without a verb of taking part («Были представлены» is "
        "read, «Представлены были 14 музеев …» is not)",
    ("i12-cheboksary-2014.html", "participating"):
        "«Национальной библиотеки Чувашской Республики и Чувашской республиканской "
        "детско-юношеской библиотеки»: two named libraries joined by «и» stay one group",
    ("j01-petrozavodsk-2017.txt", "participating"):
        "«органов управления культурой 11 муниципальных районов …»: the count is given to the "
        "districts, the labeller gave it to the bodies; two museums joined by «и» stay one "
        "group",
    ("j04-komsomolsk-na-amure-2021.txt", "participating"):
        "«представители 38 организаций – источников комплектования, …»: the sentence has no "
        "verb of taking part the loader knows",
    ("j05-stary-oskol-2018.md", "participating"):
        "a list of kinds of bodies without counts joined by commas: only the named ones are "
        "read, and the last two stay one group",
    ("j06-grodno-2019.txt", "start_date"):
        "the header's dateline gives the day of adoption («„15“ ноября 2019 г. г. Гродно»); "
        "the body says the conference was held 14–15 ноября: the dateline wins",
    ("j06-grodno-2019.txt", "participating"):
        "a second sentence about the museums the specialists came from is read as one more "
        "group",
    ("j07-khanty-mansiysk-2022.html", "participating"):
        "«14 архивов, 11 музеев и 22 библиотек автономного округа»: the shared genitive tail is"
        " given to the last only; two cities joined by «и» stay one group",
    ("j08-velikiy-ustyug-2016.txt", "participating"):
        "«руководители и специалисты муниципальных архивов районов …» without a count: an "
        "occupation, not read as a group",
    ("j10-sergiev-posad-2014.txt", "participating"):
        "groups without counts after the counted one («а также представители органов управления"
        " культурой, общественных организаций, музеев Москвы …»): not read",
    ("j11-naryan-mar-2020.html", "participating"):
        "the online mode is said of the whole event («совещание прошло в режиме "
        "видеоконференцсвязи»), not of the group; a list of named bodies joined by commas stays"
        " one group",
    ("f09-tula-2016.md", "organisers"):
        "«министерством культуры и туризма Тульской области» written in lower case: a "
        "ministry's name is capitalised everywhere, so that the store has one label for it",
    ("g04-bishkek-2022.txt", "addressees"):
        "the store: j09 names the same ministry with «молодежной» (е for ё); the organisation "
        "gets both labels and the named query returns a row for each",
    ("j09-bishkek-2023.md", "proposals"):
        "the store: g04 names the same ministry with «молодёжной» (see g04)",
    ("j04-komsomolsk-na-amure-2021.txt", "addressees"):
        "the store: «управление делами администрации города» is minted as the same organisation "
        "as another document's «управление …», whose label the named query returns too",
}


def labelled() -> list[tuple[Path, dict[str, Any]]]:
    """(path, expected facts) of every labelled document."""
    out = []
    for folder in (CORPUS, DEV):
        for expected in sorted(folder.glob("expected*.json")):
            for doc in json.loads(expected.read_text(encoding="utf-8"))["documents"]:
                out.append((folder / doc["file"], doc))
    return out
