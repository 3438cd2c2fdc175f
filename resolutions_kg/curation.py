"""Corrections as data: reading a curator's ``<name>.corrections.yaml``.

A corrections file sits beside its source document (same folder, same stem: ``tver-2012.txt``
→ ``tver-2012.corrections.yaml``) and asserts, replaces or removes facts of that document by a
stable key («recommendation 5 addressee», «event place», «participants»)::

    curator: Анна Смирнова          # the default for every correction below
    date: 2026-12-01
    corrections:
      - key: recommendation 5 addressee
        was: учредители библиотек       # optional: what the loader extracted (drift check)
        set: органы местного самоуправления
        note: the heading names the addressee, not the item

This module reads and checks a file (:func:`read_corrections`); :mod:`resolutions_kg.corrections`
applies it to the records. A file that cannot be used — bad YAML, an unknown key, a value of the
wrong type — raises :class:`~resolutions_kg.errors.CorrectionsError` with the file and line, and
nothing of it applies. The format is documented in ``docs/curation.md``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import yaml

from resolutions_kg.errors import CorrectionsError

#: What follows a source document's stem in the name of its corrections file.
CORRECTIONS_SUFFIX = ".corrections.yaml"
#: Largest corrections file read (bytes), and most corrections in one file.
MAX_CORRECTIONS_BYTES = 256 * 1024
MAX_CORRECTIONS = 2000
#: Longest value, note or curator name (characters).
MAX_VALUE_LENGTH = 20_000

FieldKind = Literal["text", "date", "count"]

#: Field → (value kind, whether it may be removed). Keys of the document and its event.
DOCUMENT_FIELDS: dict[str, tuple[FieldKind, bool]] = {
    "document type": ("text", False),
    "heading": ("text", True),
    "adopted": ("date", True),
    "event kind": ("text", False),
    "event title": ("text", True),
    "event place": ("text", True),
    "event start": ("date", True),
    "event end": ("date", True),
    "participants": ("count", True),
}
#: Other spellings of a key.
ALIASES = {"event date": "event start", "title": "event title", "place": "event place"}
#: Item kind → field → (value kind, whether it may be removed).
ITEM_FIELDS: dict[str, dict[str, tuple[FieldKind, bool]]] = {
    "recommendation": {"text": ("text", False), "addressee": ("text", True),
                       "action": ("text", True)},
    "proposal": {"text": ("text", False), "addressee": ("text", True)},
    "statement": {"text": ("text", False)},
}
_ITEM_KEY = re.compile(r"^(recommendation|proposal|statement) ([1-9][0-9]{0,4}) ([a-z]+)$")
_TOP = {"curator", "date", "note", "corrections"}
_ENTRY = {"key", "set", "remove", "was", "at", "curator", "date", "note"}
#: Marks an entry without ``was:`` (``was: null`` means «the loader extracted nothing»).
UNSET: Any = object()


@dataclass(frozen=True)
class Key:
    """A stable key: ``item``/``number`` for an item's field, else a document field."""

    field: str
    item: str | None = None
    number: int | None = None

    def __str__(self) -> str:
        return f"{self.item} {self.number} {self.field}" if self.item else self.field

    @property
    def field_name(self) -> str:
        """The key without its number: «recommendation addressee»."""
        return f"{self.item} {self.field}" if self.item else self.field

    @property
    def spec(self) -> tuple[FieldKind, bool]:
        return ITEM_FIELDS[self.item][self.field] if self.item else DOCUMENT_FIELDS[self.field]


@dataclass(frozen=True)
class Entry:
    """One correction as written in the file."""

    key: Key
    action: Literal["set", "remove"]
    value: object | None
    was: object
    at: str | None
    curator: str
    note: str | None
    date: dt.date | None
    line: int


@dataclass(frozen=True)
class CorrectionsFile:
    path: Path
    sha256: str
    entries: tuple[Entry, ...]


def corrections_path(source: str | Path) -> Path:
    """Where the corrections of ``source`` are: beside it, same stem."""
    path = Path(source)
    return path.with_name(path.stem + CORRECTIONS_SUFFIX)


def is_corrections_file(path: Path) -> bool:
    return path.name.lower().endswith(CORRECTIONS_SUFFIX)


def parse_key(text: str) -> Key:
    """The :class:`Key` written as ``text``; raises ``ValueError`` naming the keys there are."""
    words = " ".join(text.lower().split())
    words = ALIASES.get(words, words)
    if words in DOCUMENT_FIELDS:
        return Key(words)
    match = _ITEM_KEY.match(words)
    if match:
        item, number, field = match.group(1), int(match.group(2)), match.group(3)
        if field in ITEM_FIELDS[item]:
            return Key(field, item, number)
        raise ValueError(f"a {item} has no field {field!r} (it has: "
                         f"{', '.join(ITEM_FIELDS[item])})")
    raise ValueError(f"unknown key {text!r}: use one of {', '.join(DOCUMENT_FIELDS)}, or "
                     "'recommendation N text|addressee|action', 'proposal N text|addressee', "
                     "'statement N text'")


def read_corrections(path: Path) -> CorrectionsFile:
    """Read and check the corrections file at ``path``; raises
    :class:`~resolutions_kg.errors.CorrectionsError` (file and line) if it cannot be used."""
    try:
        size = path.stat().st_size
        if size > MAX_CORRECTIONS_BYTES:
            raise CorrectionsError(f"too large ({size} bytes; at most {MAX_CORRECTIONS_BYTES})",
                                   path=str(path))
        data = path.read_bytes()
    except OSError as exc:
        raise CorrectionsError(f"cannot read: {exc.strerror}", path=str(path)) from exc
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CorrectionsError("not UTF-8 text", path=str(path)) from exc
    root = _compose(text, path)
    return CorrectionsFile(path, hashlib.sha256(data).hexdigest(), _entries(root, path))


def _compose(text: str, path: Path) -> yaml.Node | None:
    """The YAML node tree (safe loader), refusing aliases; errors name the line."""
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.AliasEvent):
                raise CorrectionsError("YAML aliases (*name) are not allowed here", path=str(path),
                                       line=_line(event))
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "not valid YAML"
        raise CorrectionsError(f"not valid YAML: {problem}", path=str(path),
                               line=mark.line + 1 if mark else None,
                               column=mark.column + 1 if mark else None) from exc
    except yaml.YAMLError as exc:
        raise CorrectionsError(f"not valid YAML: {exc}", path=str(path)) from exc
    except RecursionError as exc:
        raise CorrectionsError("YAML nested too deep", path=str(path)) from exc


def _line(node: yaml.Node | yaml.Event) -> int | None:
    mark = node.start_mark
    return mark.line + 1 if mark is not None else None


def _scalar(node: yaml.Node, path: Path, what: str) -> object:
    if not isinstance(node, yaml.ScalarNode):
        raise CorrectionsError(f"{what} must be a single value, not a list or mapping",
                               path=str(path), line=_line(node))
    try:
        value: object = yaml.SafeLoader("").construct_object(node)
    except yaml.YAMLError as exc:
        raise CorrectionsError(f"{what}: {exc}", path=str(path), line=_line(node)) from exc
    if isinstance(value, str) and len(value) > MAX_VALUE_LENGTH:
        raise CorrectionsError(f"{what} is longer than {MAX_VALUE_LENGTH} characters",
                               path=str(path), line=_line(node))
    return value


def _mapping(node: yaml.Node, path: Path, allowed: set[str], what: str
             ) -> dict[str, tuple[yaml.Node, yaml.Node]]:
    if not isinstance(node, yaml.MappingNode):
        raise CorrectionsError(f"{what} must be a mapping (key: value lines)", path=str(path),
                               line=_line(node))
    out: dict[str, tuple[yaml.Node, yaml.Node]] = {}
    for k, v in node.value:
        name = _scalar(k, path, "a field name")
        if not isinstance(name, str) or name not in allowed:
            raise CorrectionsError(f"unknown field {name!r} in {what} (allowed: "
                                   f"{', '.join(sorted(allowed))})", path=str(path), line=_line(k))
        if name in out:
            raise CorrectionsError(f"field {name!r} given twice", path=str(path), line=_line(k))
        out[name] = (k, v)
    return out


def _text(node: yaml.Node, path: Path, what: str, *, optional: bool = True) -> str | None:
    value = _scalar(node, path, what)
    if value is None and optional:
        return None
    if not isinstance(value, str) or not value.strip():
        raise CorrectionsError(f"{what} must be text", path=str(path), line=_line(node))
    return " ".join(value.split()) if what != "note" else value.strip()


def _date(node: yaml.Node, path: Path) -> dt.date | None:
    value = _scalar(node, path, "date")
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    raise CorrectionsError("date must be a date (YYYY-MM-DD)", path=str(path), line=_line(node))


def typed_value(kind: FieldKind, value: object) -> object:
    """``value`` as the field's kind wants it; raises ``ValueError`` saying what it must be."""
    if kind == "date":
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value.strip())
            except ValueError:
                pass
        raise ValueError("must be a date (YYYY-MM-DD)")
    if kind == "count":
        if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 10**9:
            return value
        raise ValueError("must be a whole number, 0 or more")
    if isinstance(value, str) and value.strip():
        return " ".join(value.split())
    raise ValueError("must be text")


def _entries(root: yaml.Node | None, path: Path) -> tuple[Entry, ...]:
    if root is None:
        return ()
    top = _mapping(root, path, _TOP, "the file")
    curator = _text(top["curator"][1], path, "curator") if "curator" in top else None
    date = _date(top["date"][1], path) if "date" in top else None
    note = _text(top["note"][1], path, "note") if "note" in top else None
    if "corrections" not in top:
        return ()
    seq = top["corrections"][1]
    if isinstance(seq, yaml.ScalarNode) and seq.value in ("", "~", "null"):
        return ()
    if not isinstance(seq, yaml.SequenceNode):
        raise CorrectionsError("'corrections' must be a list (lines starting with '- ')",
                               path=str(path), line=_line(seq))
    if len(seq.value) > MAX_CORRECTIONS:
        raise CorrectionsError(f"more than {MAX_CORRECTIONS} corrections", path=str(path),
                               line=_line(seq))
    entries: list[Entry] = []
    seen: dict[Key, int] = {}
    for node in seq.value:
        entry = _entry(node, path, curator, date, note)
        if entry.key in seen:
            raise CorrectionsError(f"key '{entry.key}' is corrected twice (also on line "
                                   f"{seen[entry.key]})", path=str(path), line=entry.line)
        seen[entry.key] = entry.line
        entries.append(entry)
    return tuple(entries)


def _entry(node: yaml.Node, path: Path, curator: str | None, date: dt.date | None,
           note: str | None) -> Entry:
    fields = _mapping(node, path, _ENTRY, "a correction")
    line = _line(node) or 0
    if "key" not in fields:
        raise CorrectionsError("a correction needs a 'key' (e.g. 'recommendation 5 addressee')",
                               path=str(path), line=line)
    key_text = _scalar(fields["key"][1], path, "key")
    try:
        key = parse_key(str(key_text))
    except ValueError as exc:
        raise CorrectionsError(str(exc), path=str(path), line=_line(fields["key"][1])) from exc
    kind, removable = key.spec
    if ("set" in fields) == ("remove" in fields):
        raise CorrectionsError(f"correction '{key}' needs exactly one of 'set: VALUE' or "
                               "'remove: true'", path=str(path), line=line)
    value: object | None = None
    if "set" in fields:
        node_value = fields["set"][1]
        try:
            value = typed_value(kind, _scalar(node_value, path, "set"))
        except ValueError as exc:
            raise CorrectionsError(f"'{key}': set {exc}", path=str(path),
                                   line=_line(node_value)) from exc
    else:
        if _scalar(fields["remove"][1], path, "remove") is not True:
            raise CorrectionsError("write 'remove: true' to remove a fact", path=str(path),
                                   line=_line(fields["remove"][1]))
        if not removable:
            raise CorrectionsError(f"'{key}' cannot be removed, only set", path=str(path),
                                   line=line)
    was: object = UNSET
    if "was" in fields:
        raw = _scalar(fields["was"][1], path, "was")
        try:
            was = None if raw is None else typed_value(kind, raw)
        except ValueError as exc:
            raise CorrectionsError(f"'{key}': was {exc}", path=str(path),
                                   line=_line(fields["was"][1])) from exc
    who = _text(fields["curator"][1], path, "curator") if "curator" in fields else curator
    if who is None:
        raise CorrectionsError(f"correction '{key}' names no curator (give 'curator:' at the "
                               "top of the file or in the correction)", path=str(path), line=line)
    return Entry(
        key=key,
        action="set" if "set" in fields else "remove",
        value=value,
        was=was,
        at=_text(fields["at"][1], path, "at") if "at" in fields else None,
        curator=who,
        note=_text(fields["note"][1], path, "note") if "note" in fields else note,
        date=_date(fields["date"][1], path) if "date" in fields else date,
        line=line,
    )
