"""Forms read in session 15 (docs/loader.md, «Read in session 15»): each case is a sentence or a
short document of the genre, written here, read through the whole loader."""

from __future__ import annotations

import pytest
from test_loader_genre import HEADER, doc, parsed


@pytest.mark.parametrize(("sentence", "topics"), [
    # «…, а также Z»: the last topic keeps the commas and «и» of its own
    ("Участники обсудили состояние фондов районных библиотек, практику их списания, проблемы "
     "подписки, а также работу с читателями, школами, музеями и клубами.",
     ["состояние фондов районных библиотек", "практику их списания", "проблемы подписки",
      "работу с читателями, школами, музеями и клубами"]),
    # a gerund's list of topics ends where the main clause begins
    ("Заслушав и обсудив выступления о ходе модернизации библиотек района, опыте создания "
     "модельных библиотек и потребностях жителей в новых услугах, участники семинара "
     "отмечают значение этой работы.",
     ["о ходе модернизации библиотек района", "опыте создания модельных библиотек",
      "потребностях жителей в новых услугах"]),
    ("Заслушав и обсудив информацию о состоянии сети, об итогах года и о планах на 2024 год, "
     "участники совещания отмечают рост посещений.",
     ["о состоянии сети", "об итогах года", "о планах на 2024 год"]),
    # «В центре обсуждения были: A; B; C»
    ("В центре обсуждения были: роль сельской библиотеки в жизни поселения; краеведение; "
     "новые формы продвижения чтения.",
     ["роль сельской библиотеки в жизни поселения", "краеведение",
      "новые формы продвижения чтения"]),
])
def test_topics_discussed_in_running_text(sentence: str, topics: list[str]) -> None:
    res = parsed(doc(HEADER + sentence))
    assert [t.value for t in res.event.topics] == topics


def test_two_named_bodies_joined_by_and_at_the_end_of_a_list() -> None:
    # the second opens with adjectives in lower case before its head («городского … клуба»)
    res = parsed(doc(HEADER + "В работе семинара приняли участие представители Центральной "
                     "районной библиотеки, Курганского государственного университета имени "
                     "Т. С. Мальцева и районного краеведческого общества «Истоки»."))
    assert [c.label.value for c in res.event.cohorts] == [
        "Центральная районная библиотека",
        "Курганский государственный университет имени Т. С. Мальцева",
        "районное краеведческое общество «Истоки»"]
