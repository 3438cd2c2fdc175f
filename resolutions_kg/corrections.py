"""Applying a curator's corrections (:mod:`resolutions_kg.curation`) to a document's records.

:func:`apply_corrections` runs after extraction and before mapping, so a corrected fact is
mapped, validated and published like any other — with a :class:`~resolutions_kg.records.Certainty`
of 1.0 by the method ``curator`` that carries the :class:`~resolutions_kg.records.Correction`
(who, when, why, the value the loader had extracted), from which the mapper writes the
provenance.

The rule when a correction no longer fits its document (the item is gone, the loader now reads
something else than ``was:``, there is nothing to remove): that correction is skipped with a
warning naming the corrections file and line; every other correction of the file applies. Each
correction changes one field, so none is ever half-applied.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path
from typing import Any

from resolutions_kg.curation import (
    UNSET,
    CorrectionsFile,
    Entry,
    corrections_path,
    read_corrections,
)
from resolutions_kg.records import (
    Addressee,
    Certainty,
    Correction,
    Curation,
    Resolution,
    Span,
    Spanned,
)

#: The extraction method of every fact a curator asserted.
CURATOR_METHOD = "curator"

#: Document field → (record attribute on the resolution or its event, True for the event).
_DOCUMENT_ATTRS = {
    "document type": ("document_type", False),
    "heading": ("heading", False),
    "adopted": ("adopted", False),
    "event kind": ("kind", True),
    "event title": ("title", True),
    "event place": ("place", True),
    "event start": ("start", True),
    "event end": ("end", True),
    "participants": ("participants", True),
}
_ITEMS = {"recommendation": "recommendations", "proposal": "proposals",
          "statement": "statements"}


class _Misfit(Exception):
    """A correction that does not fit the document as the loader now reads it."""


def with_corrections(resolution: Resolution, source: str | Path) -> Resolution:
    """``resolution`` with the corrections beside ``source`` applied, if it has any."""
    path = corrections_path(source)
    if not path.is_file():
        return resolution
    return apply_corrections(resolution, read_corrections(path))


def apply_corrections(resolution: Resolution, corrections: CorrectionsFile) -> Resolution:
    """Apply every correction that fits; each one that does not is a warning (file:line)."""
    applied: list[Correction] = []
    warnings: list[str] = []
    for entry in corrections.entries:
        try:
            resolution, correction = _apply(resolution, entry, corrections.path.name)
        except _Misfit as why:
            warnings.append(f"{corrections.path}:{entry.line}: correction '{entry.key}' no "
                            f"longer fits the document: {why}; not applied")
            continue
        applied.append(correction)
    settled = tuple(f"uncertain: {_warning_name(c.key)} «" for c in applied)
    kept = tuple(w for w in resolution.warnings if not w.startswith(settled))
    return dataclasses.replace(
        resolution,
        warnings=(*kept, *warnings),
        curation=Curation(corrections.path.name, corrections.sha256, tuple(applied)),
    )


def _warning_name(key: str) -> str:
    """How the loader's warning about an uncertain fact names the fact of ``key`` (a fact a
    curator settled is no longer uncertain)."""
    if key in ("event start", "event end"):
        return key + " date"
    words = key.split()
    if len(words) == 3 and words[0] == "recommendation" and words[2] == "addressee":
        return f"addressee of recommendation {words[1]}"
    return key


def plain(current: object) -> object | None:
    """The value of a record field as a curator writes it (a label, date or number)."""
    if isinstance(current, Spanned):
        value: object = current.value
        return value
    if isinstance(current, Addressee):
        return current.label
    return None


def _same(a: object, b: object) -> bool:
    if isinstance(a, str) and isinstance(b, str):
        return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()
    return a == b


def _apply(res: Resolution, entry: Entry, file: str) -> tuple[Resolution, Correction]:
    key = entry.key
    index: int | None = None
    if key.item is None:
        attr, on_event = _DOCUMENT_ATTRS[key.field]
        holder: Any = res.event if on_event else res
        parent_span = res.event.kind.span if on_event else res.document_type.span
        record_attr = attr
    else:
        items = getattr(res, _ITEMS[key.item])
        index = next((i for i, it in enumerate(items) if it.position == key.number), None)
        if index is None:
            raise _Misfit(f"the document has no {key.item} {key.number} (it has "
                         f"{len(items)} {key.item}{'s' if len(items) != 1 else ''})")
        holder = items[index]
        parent_span = holder.text.span
        record_attr = key.field
    current = getattr(holder, record_attr)
    original = plain(current)
    if entry.was is not UNSET and not _same(entry.was, original):
        raise _Misfit(f"it expects the extracted value {_show(entry.was)}, the loader now reads "
                     f"{_show(original)}")
    if entry.action == "remove" and current is None:
        raise _Misfit("the loader extracted no value to remove")
    same = entry.action == "set" and original is not None and _same(entry.value, original)
    correction = Correction(
        key=str(key), field=key.field_name,
        action="remove" if entry.action == "remove"
        else "assert" if original is None or same else "replace",
        curator=entry.curator, file=file, line=entry.line, note=entry.note, date=entry.date,
        original=original, value=entry.value,
    )
    certainty = Certainty(1.0, CURATOR_METHOD, correction)
    new: object | None = None
    if entry.action == "set":
        span = _span(res, entry, current, parent_span)
        if record_attr == "addressee":
            new = (dataclasses.replace(current, certainty=certainty) if same
                   else Addressee(str(entry.value), span, None, certainty))
        else:
            new = Spanned(entry.value, span, certainty)
    changes: dict[str, object] = {record_attr: new}
    if record_attr == "participants" and not same:
        changes["participants_is_minimum"] = False
    changed = dataclasses.replace(holder, **changes)
    if key.item is not None and index is not None:
        items = list(getattr(res, _ITEMS[key.item]))
        items[index] = changed
        updated: dict[str, Any] = {_ITEMS[key.item]: tuple(items)}
        return dataclasses.replace(res, **updated), correction
    if holder is res.event:
        return dataclasses.replace(res, event=changed), correction
    return changed, correction


def _span(res: Resolution, entry: Entry, current: object, parent: Span) -> Span:
    """Where a curated fact stands: the extracted fact's words, the words ``at:`` quotes, or
    else the item (or event, or document type) the fact is about."""
    if entry.at is not None:
        words = [re.escape(w) for w in entry.at.split()]
        found = re.search(r"\s+".join(words), res.source.text)
        if found is None:
            raise _Misfit(f"the text at: {_show(entry.at)} is not in the document")
        return Span(found.start(), found.end())
    if isinstance(current, (Spanned, Addressee)):
        return current.span
    return parent


def _show(value: object) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, dt.date):
        return value.isoformat()
    return repr(value) if isinstance(value, str) else str(value)
