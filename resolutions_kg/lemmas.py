"""Lemmas of Russian text, for search without a full-text index.

Oxigraph has no full-text index, so the mapper stores with each recommendation, proposal and
statement a literal ``reskg:lemmas``: the space-separated lemmas (normal forms) of its words, in
lowercase, each once, in order of first appearance. The named query ``search`` lemmatises the
user's words the same way and matches them against that literal, so «библиотека» finds
«библиотек» and «библиотекам».

The morphology is the loader's (:mod:`resolutions_kg.loaders.russian`): one pymorphy3 analyser per
process, one cache of parses; a search word is lemmatised as the loader lemmatises a word of a
source text, after lower-casing and «ё» → «е».
"""

from __future__ import annotations

import re
from functools import lru_cache

from resolutions_kg.loaders import russian

#: The process-wide morphological analyser (the loader's).
analyzer = russian.morph

#: Letters with inner hyphens: what a search matches, so no digits (the loader's words have them).
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)


@lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    """The normal form of one word, lowercase (the word itself when it is not Russian)."""
    return russian.lemma(word.lower().replace("ё", "е"))


def words(text: str) -> list[str]:
    """The words of ``text`` (letters, with inner hyphens)."""
    return _WORD.findall(text)


def lemmas(text: str) -> list[str]:
    """Distinct lemmas of the words of ``text``, in order of first appearance."""
    seen: dict[str, None] = {}
    for word in words(text):
        seen.setdefault(lemma(word), None)
    return list(seen)


def lemma_string(text: str) -> str:
    """What the mapper stores as ``reskg:lemmas``: lemmas joined by single spaces, padded with a
    space at both ends so that ``CONTAINS(?lemmas, " библиотека ")`` matches whole lemmas."""
    return " " + " ".join(lemmas(text)) + " "
