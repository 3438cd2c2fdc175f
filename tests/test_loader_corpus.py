"""The loaders hold to the hand-checked facts of the corpus (``../shared/corpus/expected.json``)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from resolutions_kg.loaders import load_file
from resolutions_kg.records import Resolution, Span, Spanned

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
EXPECTED = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))["documents"]
BY_FILE = {doc["file"]: doc for doc in EXPECTED}
_LOADED: dict[str, Resolution] = {}


def loaded(name: str) -> Resolution:
    if name not in _LOADED:
        _LOADED[name] = load_file(CORPUS / name)
    return _LOADED[name]


def spanned_values(obj: Any) -> list[tuple[Any, Span]]:
    """Every (value, span) pair reachable from ``obj`` (Spanned values and Addressee spans)."""
    found: list[tuple[Any, Span]] = []
    if isinstance(obj, Spanned):
        found.append((obj.value, obj.span))
        found += spanned_values(obj.value)
    elif dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        for f in dataclasses.fields(obj):
            value = getattr(obj, f.name)
            if isinstance(value, Span):
                found.append((getattr(obj, "label", None), value))
            else:
                found += spanned_values(value)
    elif isinstance(obj, tuple | list):
        for item in obj:
            found += spanned_values(item)
    return found


def assert_spans_valid(res: Resolution) -> None:
    text = res.source.text
    for value, span in spanned_values(res):
        assert 0 <= span.start < span.end <= len(text), (value, span)
        quoted = text[span.start : span.end]
        assert quoted == quoted.strip(), (value, quoted)
        assert "**" not in quoted[:2] and "**" not in quoted[-2:], (value, quoted)


def groups(res: Resolution) -> list[tuple[str | None, int]]:
    out: list[tuple[str | None, int]] = []
    for rec in res.recommendations:
        label = rec.addressee.label if rec.addressee else None
        if out and out[-1][0] == label:
            out[-1] = (label, out[-1][1] + 1)
        else:
            out.append((label, 1))
    return out


def cases(field: str) -> list[Any]:
    return [pytest.param(doc["file"], doc[field], id=f"{doc['file']}-{field}")
            for doc in EXPECTED if field in doc]


@pytest.mark.parametrize(("name", "expected"), cases("document_type"))
def test_document_type(name: str, expected: str) -> None:
    assert loaded(name).document_type.value == expected


@pytest.mark.parametrize(("name", "expected"), cases("event_type"))
def test_event_kind(name: str, expected: str) -> None:
    assert loaded(name).event.kind.value == expected


@pytest.mark.parametrize(("name", "expected"), cases("title"))
def test_title(name: str, expected: str) -> None:
    title = loaded(name).event.title
    assert title is not None and title.value == expected


@pytest.mark.parametrize(("name", "expected"), cases("place"))
def test_place(name: str, expected: str) -> None:
    place = loaded(name).event.place
    assert place is not None and place.value == expected


@pytest.mark.parametrize(("name", "expected"), cases("start_date"))
def test_start_date(name: str, expected: str) -> None:
    start = loaded(name).event.start
    assert start is not None and start.value == dt.date.fromisoformat(expected)


@pytest.mark.parametrize(("name", "expected"), cases("end_date"))
def test_end_date(name: str, expected: str) -> None:
    end = loaded(name).event.end
    assert end is not None and end.value == dt.date.fromisoformat(expected)


@pytest.mark.parametrize(("name", "expected"), cases("adopted"))
def test_adopted(name: str, expected: str | None) -> None:
    adopted = loaded(name).adopted
    if expected is None:
        assert adopted is None
    else:
        assert adopted is not None and adopted.value == dt.date.fromisoformat(expected)


@pytest.mark.parametrize(("name", "expected"), cases("participants"))
def test_participants(name: str, expected: int) -> None:
    participants = loaded(name).event.participants
    assert participants is not None and participants.value == expected


@pytest.mark.parametrize(("name", "expected"), cases("organisers"))
def test_organisers(name: str, expected: list[str]) -> None:
    assert [o.name.value for o in loaded(name).event.organisers] == expected


@pytest.mark.parametrize(("name", "expected"), cases("participating"))
def test_cohort_counts_and_modes(name: str, expected: list[dict[str, Any]]) -> None:
    cohorts = loaded(name).event.cohorts
    assert [(c.count, c.mode) for c in cohorts] == [
        (e.get("count"), e.get("mode")) for e in expected
    ]


@pytest.mark.parametrize(("name", "expected"), cases("participating"))
def test_cohort_labels(name: str, expected: list[dict[str, Any]]) -> None:
    """Cohorts are labelled as a reader cites them: a city alone by its name («города Клина» →
    «Клин»), ellipses spelled out («Твери и области» → «Твери и Тверской области»)."""
    labels = [c.label.value for c in loaded(name).event.cohorts]
    assert labels == [want["who"] for want in expected]


@pytest.mark.parametrize(("name", "expected"), cases("topics_discussed"))
def test_topics_discussed(name: str, expected: int) -> None:
    assert len(loaded(name).event.topics) == expected


@pytest.mark.parametrize(("name", "expected"), cases("addressees"))
def test_addressee_groups(name: str, expected: list[dict[str, Any]]) -> None:
    assert groups(loaded(name)) == [(e["addressee"], e["count"]) for e in expected]


@pytest.mark.parametrize(("name", "expected"), cases("recommendations"))
def test_recommendation_count(name: str, expected: int) -> None:
    res = loaded(name)
    assert len(res.recommendations) == expected
    assert [r.position for r in res.recommendations] == list(range(1, expected + 1))


@pytest.mark.parametrize(("name", "expected"), cases("proposals"))
def test_proposals(name: str, expected: list[dict[str, Any]]) -> None:
    got = [
        (p.addressee.label if p.addressee else None,
         p.planned_event.year.value if p.planned_event and p.planned_event.year else None)
        for p in loaded(name).proposals
    ]
    assert got == [(e["addressee"], e["planned_event_year"]) for e in expected]


@pytest.mark.parametrize("name", sorted(BY_FILE))
def test_every_span_quotes_its_evidence(name: str) -> None:
    assert_spans_valid(loaded(name))


@pytest.mark.parametrize("name", sorted(BY_FILE))
def test_every_recommendation_has_an_action_and_topics(name: str) -> None:
    for rec in loaded(name).recommendations:
        assert rec.action is not None, rec.text.value
        assert rec.topics, rec.text.value


def test_tver_recommendation_actions() -> None:
    actions = [r.action.value for r in loaded("tver-2012.txt").recommendations if r.action]
    assert actions[:6] == ["сохранить", "учитывать", "способствовать", "осуществлять",
                           "предусматривать", "оказывать"]
    assert actions[10] == "предоставлять"


def test_tver_statement_and_planned_event() -> None:
    res = loaded("tver-2012.txt")
    assert res.statements[0].text.value.startswith("Участники конференции отмечают")
    planned = res.proposals[0].planned_event
    assert planned is not None and planned.kind.value == "конференция"


def test_tver_organiser_unit_has_parent() -> None:
    directorate = loaded("tver-2012.txt").event.organisers[1]
    assert directorate.parent is not None
    assert directorate.parent.name.value == "Союз городов Центра и Северо-Запада России"


def test_novgorod_qualifiers_supporter_and_unanimity() -> None:
    res = loaded("novgorod-2014.md")
    assert res.event.qualifiers == ("межрегиональная", "научно-практическая")
    assert [s.name.value for s in res.event.supporters] == ["Российская библиотечная ассоциация"]
    assert res.adopted_unanimously
    assert [r.label for r in res.recommendations] == ["1.1", "1.2", "2.1", "3.1", "3.2", "3.3"]


def test_lipetsk_lettered_items_keep_their_labels() -> None:
    res = loaded("lipetsk-2016.txt")
    assert [r.label for r in res.recommendations] == ["а", "б", "а", "б", "в", None]
    assert res.event.qualifiers == ("областной",)
