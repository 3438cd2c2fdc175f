"""Addressee classes are aligned to the UNESCO Thesaurus by rule."""

from __future__ import annotations

import re

import pytest
from conftest import SHARED

from resolutions_kg.alignment import alignments, audience_alignment

UNESCO = "http://vocabularies.unesco.org/thesaurus/concept"


@pytest.mark.parametrize(
    ("label", "predicate", "concept"),
    [
        ("органы местного самоуправления", "closeMatch", 1406),
        ("органы местного самоуправления муниципальных районов и городских округов Липецкой "
         "области", "closeMatch", 1406),
        ("библиотеки муниципальных образований", "closeMatch", 3839),
        ("муниципальные библиотеки области", "closeMatch", 3839),
        ("публичные библиотеки", "closeMatch", 3847),
        ("библиотеки Новгородской области", "broadMatch", 496),
    ],
)
def test_addressee_classes_are_aligned(label: str, predicate: str, concept: int) -> None:
    found = audience_alignment(label)
    assert found is not None
    assert (found.predicate, found.target) == (predicate, f"{UNESCO}{concept}")


def test_no_alignment_where_none_fits() -> None:
    assert audience_alignment("Российская библиотечная ассоциация") is None


def test_alignments_only_use_concepts_seen_in_public_sources() -> None:
    modeling = (SHARED / "MODELING.md").read_text(encoding="utf-8")
    known = set(re.findall(r"\b(\d{3,5}) [A-Z]", modeling))
    for alignment in alignments():
        assert alignment.target.startswith(UNESCO)
        assert alignment.target.removeprefix(UNESCO) in known, alignment.target
        assert alignment.predicate in {"exactMatch", "closeMatch", "broadMatch", "narrowMatch"}
