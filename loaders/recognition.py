"""Places by recognition: natasha's named-entity model (its ``LOC`` spans), the fallback of
:func:`.header.choose_place` when neither the settlement list nor «г.» gives the event's place.

    locations(text, a, b)   the places natasha's NER finds in ``text[a:b]``, as :class:`.Found`

The model (natasha's ``NewsNERTagger`` over its ``NewsEmbedding``, shipped in natasha's wheel) is
loaded on the first call, about a second, and only in a process that reads a document whose
header names no place the list knows: never at import, never for every document. A span is put
into the nominative («Нижней Пеше» → «Нижняя Пеша») and is never a listed settlement
(``known`` is False), so the place is published with its label only and flagged as uncertain.
Regions, countries and districts («Тверской области», «Республике Коми», «России») are not
settlements and are left out.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from .places import COUNTRIES
from .russian import lemma, place_nominative, words
from .settlements import Found

#: Head words of a LOC span that is no settlement.
NOT_SETTLEMENTS = frozenset(
    "область край республика округ район федерация регион страна улица проспект площадь "
    "россия рф ссср снг европа азия север юг арктика сибирь урал поволжье кавказ "
    "дальний восток".split())
#: The longest block given to the model (a dateline or a sentence of the header).
LONGEST = 400


@cache
def _model() -> tuple[Any, Any]:
    from natasha import NewsEmbedding, NewsNERTagger, Segmenter

    return Segmenter(), NewsNERTagger(NewsEmbedding())


def _settlement(span: str) -> bool:
    toks = words(span)
    if not toks or not span[:1].isupper():
        return False
    if " ".join(span.lower().split()) in COUNTRIES:
        return False
    if any(w[:1].islower() and w.lower() not in ("на", "де", "ла", "эль") for w, _, _ in toks):
        return False  # «Полоцкий историко-культурный музей-заповедник»: a name with a town's
        # adjective in it, not a town's («Ростов-на-Дону» is one word)
    return not any(lemma(w) in NOT_SETTLEMENTS or w.lower() in NOT_SETTLEMENTS
                   for w, _, _ in toks)


def locations(text: str, a: int, b: int) -> list[Found]:
    """Settlements natasha's NER finds in ``text[a:b]`` (LOC spans), in the nominative."""
    from natasha import Doc

    segmenter, tagger = _model()
    doc = Doc(text[a : min(b, a + LONGEST)])
    doc.segment(segmenter)
    doc.tag_ner(tagger)
    out = []
    for span in doc.spans:
        name = re.sub(r"^(?:г\.|гор\.|город)\s*", "", span.text)
        if span.type != "LOC" or not _settlement(name):
            continue
        start = a + span.stop - len(name)
        out.append(Found(start, a + span.stop, place_nominative(name), known=False,
                         marked=False))
    return out
