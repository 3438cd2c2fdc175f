"""Lemmas of Russian text, for search without a full-text index.

Oxigraph has no full-text index, so the mapper stores with each recommendation, proposal and
statement a literal ``reskg:lemmas``: the space-separated lemmas (normal forms) of its words, in
lowercase, each once, in order of first appearance. The named query ``search`` lemmatises the
user's words the same way and matches them against that literal, so «библиотека» finds
«библиотек» and «библиотекам».

The pymorphy3 analyser is built once per process (it loads its dictionaries in about a second).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

import pymorphy3

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)


@cache
def analyzer() -> pymorphy3.MorphAnalyzer:
    """The process-wide morphological analyser."""
    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    """The normal form of one word, lowercase (the word itself when it is not Russian)."""
    lowered = word.lower().replace("ё", "е")
    parses = analyzer().parse(lowered)
    return parses[0].normal_form.replace("ё", "е") if parses else lowered


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
