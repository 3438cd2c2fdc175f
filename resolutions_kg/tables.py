"""The CSV tables shipped with the ontology (the registry, the gazetteer, the reviewed links):
their rows read and checked, and the identifiers their columns hold.

:func:`read_rows` reads a whole file before anything uses it; a bad file or row raises
:class:`~resolutions_kg.errors.RegistryError` with the file and line. The formats are in
``docs/registry.md``.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from resolutions_kg.errors import RegistryError
from resolutions_kg.iris import slugify

WIKIDATA = "http://www.wikidata.org/entity/"
VIAF = "http://viaf.org/viaf/"

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
WIKIDATA_ID = re.compile(r"^Q[1-9][0-9]*$")


@dataclass(frozen=True)
class Row:
    """One data row of a registry file: its cells by column and its line number."""

    cells: Mapping[str, str]
    line: int
    path: str

    def __getitem__(self, column: str) -> str:
        return self.cells.get(column, "").strip()

    def optional(self, column: str) -> str | None:
        return self[column] or None

    def error(self, message: str) -> RegistryError:
        return RegistryError(message, path=self.path, line=self.line)

    def checked(self, column: str, pattern: re.Pattern[str], what: str) -> str | None:
        value = self.optional(column)
        if value is not None and not pattern.match(value):
            raise self.error(f"{column}: {value!r} is not {what}")
        return value

    def required(self, column: str) -> str:
        value = self[column]
        if not value:
            raise self.error(f"{column} is empty")
        return value

    def slug(self) -> str:
        value = self.required("slug")
        if not SLUG.match(value) or slugify(value, max_length=80) != value:
            raise self.error(f"slug {value!r} is not a lowercase ASCII slug (a-z, 0-9, '-')")
        return value

    def aliases(self) -> tuple[str, ...]:
        return tuple(a.strip() for a in self["aliases"].split("|") if a.strip())


def read_rows(path: str | Path, columns: Iterable[str]) -> list[Row]:
    """The data rows of the CSV file ``path`` (UTF-8, a header naming ``columns``)."""
    name = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise RegistryError(f"cannot read: {exc}", path=name) from exc
    reader = csv.reader(text.splitlines(keepends=True))
    header = next(reader, None)
    if header is None:
        raise RegistryError("empty file (no header)", path=name, line=1)
    header = [h.strip() for h in header]
    missing = [c for c in columns if c not in header]
    if missing:
        raise RegistryError(f"header lacks column(s): {', '.join(missing)}", path=name, line=1)
    rows: list[Row] = []
    line = reader.line_num + 1
    for record in reader:
        if any(cell.strip() for cell in record):
            if len(record) > len(header):
                raise RegistryError(f"{len(record)} cells for {len(header)} columns",
                                    path=name, line=line)
            rows.append(Row(dict(zip(header, record, strict=False)), line, name))
        line = reader.line_num + 1
    return rows


def check_parents(rows: Iterable[tuple[str, str | None, Row]]) -> None:
    """Every parent slug exists, and following parents never loops."""
    table = list(rows)
    parents = {slug: parent for slug, parent, _ in table}
    for slug, parent, row in table:
        if parent is not None and parent not in parents:
            raise row.error(f"parent {parent!r} is not a slug of this file")
        seen = {slug}
        while parent is not None:
            if parent in seen:
                raise row.error(f"parent chain of {slug!r} loops back to {parent!r}")
            seen.add(parent)
            parent = parents.get(parent)


def package_file(name: str) -> Path:
    """The path of a file shipped in ``resolutions_kg.ontology``."""
    return Path(str(resources.files("resolutions_kg.ontology") / name))
