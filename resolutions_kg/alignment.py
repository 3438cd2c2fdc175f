"""Addressee classes aligned to the UNESCO Thesaurus.

Addressee classes are minted from the labels the resolutions use («органы местного
самоуправления», «библиотеки муниципальных образований»), so their alignment is decided by rule:
``ontology/audience-alignments.csv`` lists sets of lemmas, and a class whose label contains all the
lemmas of a row gets that row's SKOS mapping (``closeMatch`` or ``broadMatch``) to the target. The
first matching row wins; rows go from the most to the least specific. Only UNESCO concepts listed
in ``../shared/MODELING.md`` are used.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import cache
from importlib import resources

from resolutions_kg.lemmas import lemmas

ALIGNMENTS_FILE = "audience-alignments.csv"


@dataclass(frozen=True)
class Alignment:
    lemmas: frozenset[str]
    predicate: str  # a SKOS mapping property name: closeMatch, exactMatch, broadMatch …
    target: str


@cache
def alignments() -> tuple[Alignment, ...]:
    """The rules of the packaged alignment file, in order."""
    text = (resources.files("resolutions_kg.ontology") / ALIGNMENTS_FILE).read_text("utf-8")
    return tuple(
        Alignment(frozenset(row["lemmas"].split()), row["predicate"], row["target"])
        for row in csv.DictReader(io.StringIO(text))
    )


@cache
def audience_alignment(label: str) -> Alignment | None:
    """The alignment of the addressee class labelled ``label``, if a rule fits."""
    found = set(lemmas(label))
    return next((a for a in alignments() if a.lemmas <= found), None)
