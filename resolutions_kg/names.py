"""Names of organisations and places folded for matching, and the index that finds them.

A name is looked up under two keys (:func:`name_keys`): its normalised form (case, «ё», quotes,
punctuation and common abbreviations folded) and its words' lemmas, so the inflected forms a
resolution uses («Администрацией города Твери») find the nominative entry («администрация
города Твери»). The registry (:mod:`resolutions_kg.registry`) and the gazetteer
(:mod:`resolutions_kg.gazetteer`) index their names with :class:`NameIndex`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from resolutions_kg.errors import RegistryError
from resolutions_kg.lemmas import analyzer

#: A word of a name: letters and digits, with inner hyphens («Северо-Запада», «№ 5» → «5»).
_TOKEN = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
_QUOTES = str.maketrans({c: " " for c in "«»\"“”„'()"})
#: Abbreviations written in names, expanded before matching.
_ABBREVIATIONS = {"им": "имени", "обл": "области", "г": "города", "гор": "города"}


def normal_name(text: str) -> str:
    """``text`` folded for matching: lowercase, «ё» → «е», no quotes or punctuation, common
    abbreviations («им.», «г.», «обл.») expanded, single spaces."""
    folded = text.lower().replace("ё", "е").translate(_QUOTES)
    tokens = [_ABBREVIATIONS.get(w, w) for w in _TOKEN.findall(folded)]
    return " ".join(tokens)


@lru_cache(maxsize=20_000)
def name_lemma(word: str) -> str:
    """The normal form of a word of a name: the adjective reading where there is one, since
    names are noun phrases of adjectives and nouns («Тверская» → «тверской», not the street)."""
    parses = analyzer().parse(word)
    chosen = next((p for p in parses if p.tag.POS == "ADJF"), parses[0] if parses else None)
    return chosen.normal_form.replace("ё", "е") if chosen is not None else word


def lemma_key(text: str) -> str:
    """The lemmas of ``text``'s words in order: the same for every case of a phrase."""
    return " ".join(name_lemma(w) for w in normal_name(text).split())


def name_keys(text: str) -> tuple[str, ...]:
    """The keys a name is indexed and looked up under (normalised form, then lemmas)."""
    return tuple(dict.fromkeys(k for k in (normal_name(text), lemma_key(text)) if k))


class NameIndex:
    """Names → slugs; a name that would point at two entries is an error of the file."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._slugs: dict[str, str] = {}

    def add(self, name: str, slug: str, line: int) -> None:
        for key in name_keys(name):
            other = self._slugs.setdefault(key, slug)
            if other != slug:
                raise RegistryError(f"name {name!r} is ambiguous: it also names {other!r}",
                                    path=self.path, line=line)

    def find(self, name: str) -> str | None:
        for key in name_keys(name):
            if key in self._slugs:
                return self._slugs[key]
        return None
