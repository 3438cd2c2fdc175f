"""A resolution's facts as a careful reader cites them, in the schema of the corpus's
``expected.json`` (nominative labels, ISO dates, counts, addressee groups in document order).
A participating group's ``mode`` there is ``"online"`` or absent: a group said to be there in
person («очно –») is published as ``schema:OfflineEventAttendanceMode`` but cited without one.

    reader_facts(resolution)         → dict with the fields below
    compare(expected, observed)      → {field: True/False} for the fields ``expected`` states

Used by the labelled-corpus tests, ``bench/accuracy.py`` and ``reskg validate FILE --facts``.
"""

from __future__ import annotations

from typing import Any

from resolutions_kg.records import Resolution

FIELDS = ("document_type", "event_type", "title", "place", "start_date", "end_date", "adopted",
          "participants", "participants_minimum", "organisers", "participating",
          "topics_discussed", "addressees", "recommendations", "proposals")


def _iso(value: Any) -> str | None:
    return None if value is None else value.value.isoformat()


def cited_mode(mode: str | None) -> dict[str, str]:
    """A participating group's mode as the labelled schema cites it: ``{"mode": "online"}`` or
    nothing (in person, mixed or not said)."""
    return {"mode": mode} if mode == "online" else {}


def addressee_groups(res: Resolution) -> list[dict[str, Any]]:
    """Consecutive recommendations with the same addressee, in document order, with counts."""
    groups: list[dict[str, Any]] = []
    for rec in res.recommendations:
        label = rec.addressee.label if rec.addressee else None
        if groups and groups[-1]["addressee"] == label:
            groups[-1]["count"] += 1
        else:
            groups.append({"addressee": label, "count": 1})
    return groups


def reader_facts(res: Resolution) -> dict[str, Any]:
    event = res.event
    return {
        "file": res.source.name,
        "document_type": res.document_type.value,
        "event_type": event.kind.value,
        "title": event.title.value if event.title else None,
        "place": event.place.value if event.place else None,
        "start_date": _iso(event.start),
        "end_date": _iso(event.end),
        "adopted": _iso(res.adopted),
        "participants": event.participants.value if event.participants else None,
        "participants_minimum": event.participants_is_minimum,
        "organisers": [o.name.value for o in event.organisers],
        "participating": [
            {"who": c.label.value, **({"count": c.count} if c.count is not None else {}),
             **cited_mode(c.mode)}
            for c in event.cohorts],
        "topics_discussed": len(event.topics),
        "addressees": addressee_groups(res),
        "recommendations": len(res.recommendations),
        "proposals": [
            {"addressee": p.addressee.label if p.addressee else None,
             "planned_event_year": p.planned_event.year.value
             if p.planned_event and p.planned_event.year else None}
            for p in res.proposals],
    }


def compare(expected: dict[str, Any], observed: dict[str, Any]) -> dict[str, bool]:
    """Field → whether the observed value is the expected one, for each field ``expected`` has.

    ``participants_minimum`` defaults to false where ``expected`` does not state it, and a
    proposal's ``planned_event_year`` to null (no year: labellers write it either way)."""
    out = {}
    for field in FIELDS:
        if field == "participants_minimum":
            out[field] = bool(expected.get(field, False)) == bool(observed.get(field))
        elif field == "proposals" and field in expected:
            out[field] = _proposals(expected[field]) == _proposals(observed.get(field))
        elif field in expected:
            out[field] = expected[field] == observed.get(field)
    return out


def _proposals(value: Any) -> Any:
    if not isinstance(value, list):
        return value
    return [{"planned_event_year": None, **p} if isinstance(p, dict) else p for p in value]
