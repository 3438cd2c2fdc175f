"""``reskg validate --store`` agrees with ``reskg load``: a store that load built without an error
conforms to the shapes when validated as a whole (it did not: «Шире использовать …» was read as
the addressee «Шир», minted as an audience and an organisation that failed the shapes together)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

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
