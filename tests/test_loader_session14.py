"""Forms read from blind batches bc and bd (docs/loader.md, «Read in session 14»): each case is a
sentence or a short document of the genre, written here, read through the whole loader."""

from __future__ import annotations

import pytest
from test_loader_genre import HEADER, doc, parsed


@pytest.mark.parametrize(("sentence", "groups"), [
    # adjectives in the nominative that share one plural head: each is a place of its own
    ("На семинаре были представлены Кадуйский, Бабаевский и Чагодощенский районы.",
     [("Кадуйский район", None), ("Бабаевский район", None), ("Чагодощенский район", None)]),
    ("На форуме были представлены 14 районов края, а также Омская, Томская и Новосибирская "
     "области.",
     [("районы края", 14), ("Омская область", None), ("Томская область", None),
      ("Новосибирская область", None)]),
    # the people before the bodies a count belongs to may be several, a deputy among them
    ("В совещании приняли участие заместители директоров и методисты централизованных "
     "библиотечных систем 12 районов Псковской области.",
     [("централизованные библиотечные системы районов Псковской области", 12)]),
])
def test_participating_groups(sentence: str, groups: list[tuple[str, int | None]]) -> None:
    res = parsed(doc(HEADER + sentence))
    assert [(c.label.value, c.count) for c in res.event.cohorts] == groups
