"""Places the settlement list does not know, found by natasha's NER (LOC) and put into the
nominative; the model is loaded only for a document that needs it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import TVER

from resolutions_kg.loaders import load_file
from resolutions_kg.loaders.settlements import settlements
from resolutions_kg.records import UNCERTAIN

HEADING = "РЕЗОЛЮЦИЯ\nмежрайонного семинара «Сельская библиотека: книга и краеведение»\n\n"
ITEMS = ("Участники семинара рекомендуют:\n\n"
         "1. Сельским библиотекам Заполярного района продолжить сбор краеведческих материалов.\n"
         "2. Межпоселенческой центральной библиотеке организовать выездные консультации.\n\n"
         "Резолюция принята единогласно.\n")


@pytest.mark.parametrize(
    ("header", "written", "how"),
    [
        # the place in the locative, in the sentence that says the seminar took place
        ("Межрайонный семинар библиотекарей Заполярного района состоялся 14 мая 2019 года в "
         "Нижней Пеше. В его работе приняли участие 32 специалиста из 11 сельских библиотек.",
         "Нижней Пеше", "sentence saying the event took place"),
        # the place in a dateline, without «г.» or «с.»
        ("Нижняя Пеша, 14 мая 2019 г.", "Нижняя Пеша", "beside the event's date"),
    ],
)
def test_a_settlement_not_in_the_list_is_recognised(tmp_path: Path, header: str, written: str,
                                                     how: str) -> None:
    assert "Нижняя Пеша" not in settlements()  # the premise: the list does not know it
    path = tmp_path / "pesha-2019.txt"
    path.write_text(HEADING + header + "\n\n" + ITEMS, encoding="utf-8")
    res = load_file(path)
    place = res.event.place
    assert place is not None and place.value == "Нижняя Пеша"
    assert path.read_text(encoding="utf-8")[place.span.start : place.span.end] == written
    assert place.certainty.confidence < UNCERTAIN  # flagged: a label without a listed place
    assert place.certainty.method.startswith("natasha NER (LOC): " + how)
    assert res.event.start is not None and str(res.event.start.value) == "2019-05-14"


def test_regions_are_not_places(tmp_path: Path) -> None:
    path = tmp_path / "region.txt"
    path.write_text(HEADING + "Семинар состоялся 14 мая 2019 года в Ненецком автономном округе."
                    "\n\n" + ITEMS, encoding="utf-8")
    assert load_file(path).event.place is None


def test_the_model_is_loaded_only_when_the_list_finds_no_place() -> None:
    """Neither the command line, the server nor a document whose place is listed loads
    natasha."""
    script = (
        "import sys\n"
        "import resolutions_kg.cli, resolutions_kg.endpoint.app, resolutions_kg.endpoint.server\n"
        "assert 'natasha' not in sys.modules and 'yargy' not in sys.modules\n"
        "from resolutions_kg.loaders import load_file\n"
        f"res = load_file({str(TVER)!r})\n"
        "assert res.event.place.value == 'Тверь'\n"
        "assert 'natasha' not in sys.modules, 'natasha loaded for a listed place'\n"
        "assert 'yargy' in sys.modules  # the noun-phrase grammar\n"
    )
    subprocess.run([sys.executable, "-c", script], check=True)
