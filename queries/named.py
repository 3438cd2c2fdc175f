"""The named queries: ``.rq`` files read with their ``#+`` header (title, description,
parameters, examples), and the catalogue of those shipped in this folder."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

from resolutions_kg.errors import ParameterError, QueryError, UnknownQueryError
from resolutions_kg.queries.params import TYPE_HELP, TYPES, Parameter, Term

_HEADER = re.compile(r"#\+ ?(?P<key>[a-z]+):\s*(?P<value>.*)")
_CONTINUATION = re.compile(r"#\+ {2,}(?P<value>\S.*)")
_PARAM = re.compile(
    r"(?P<name>[A-Za-z_]\w*)\s*\((?P<type>[a-z]+)(?:,\s*(?P<opts>[^)]*))?\)\s*:\s*(?P<desc>.*)"
)
_KEYS = ("title", "description", "param", "example")


@dataclass(frozen=True)
class NamedQuery:
    name: str
    text: str
    title: str = ""
    description: str = ""
    parameters: tuple[Parameter, ...] = ()
    examples: tuple[str, ...] = ()
    path: Path | None = field(default=None, compare=False)

    @property
    def parameter(self) -> dict[str, Parameter]:
        return {p.name: p for p in self.parameters}

    @property
    def body(self) -> str:
        """The query without its ``#+`` header lines (and the blank lines after them): what a
        person edits."""
        lines = self.text.splitlines(keepends=True)
        start = 0
        while start < len(lines) and (lines[start].strip().startswith("#+")
                                      or not lines[start].strip()):
            start += 1
        return "".join(lines[start:])

    def bindings(self, values: Mapping[str, str | Term] | None = None) -> dict[str, Term]:
        """Typed terms for ``values`` (plus defaults), checked against the declared parameters."""
        values = dict(values or {})
        declared = self.parameter
        for name in values:
            if name not in declared:
                known = ", ".join(declared) or "none"
                raise ParameterError(
                    f"query {self.name!r} has no parameter {name!r} (parameters: {known})"
                )
        bound: dict[str, Term] = {}
        for param in self.parameters:
            value = values.get(param.name, param.default)
            if value is None:
                if not param.optional:
                    raise ParameterError(
                        f"query {self.name!r} needs parameter {param.name!r} "
                        f"({TYPE_HELP[param.type]})"
                    )
                continue
            bound[param.name] = param.convert(value)
        return bound


def parse_query(text: str, *, name: str, path: Path | None = None) -> NamedQuery:
    """A :class:`NamedQuery` from the text of an ``.rq`` file (its ``#+`` header read)."""
    fields: dict[str, list[str]] = {key: [] for key in _KEYS}
    last: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped.startswith("#+"):
            if stripped and not stripped.startswith("#"):
                break  # the header ends where the query starts
            continue
        where = f"{path or name}:{number}"
        continuation = _CONTINUATION.fullmatch(stripped)
        if continuation and last is not None:
            fields[last][-1] += " " + continuation["value"].strip()
            continue
        header = _HEADER.fullmatch(stripped)
        if header is None or header["key"] not in _KEYS:
            raise QueryError(f"{where}: cannot read header line {stripped!r}")
        last = header["key"]
        fields[last].append(header["value"].strip())
    params = tuple(_parse_param(value, f"{path or name}") for value in fields["param"])
    if len({p.name for p in params}) != len(params):
        raise QueryError(f"{path or name}: a parameter is declared twice")
    return NamedQuery(
        name=name,
        text=text,
        title=" ".join(fields["title"]),
        description=" ".join(fields["description"]),
        parameters=params,
        examples=tuple(fields["example"]),
        path=path,
    )


def _parse_param(value: str, where: str) -> Parameter:
    match = _PARAM.fullmatch(value)
    if match is None:
        raise QueryError(f"{where}: cannot read parameter {value!r} (want 'name (type, …): …')")
    if match["type"] not in TYPES:
        raise QueryError(f"{where}: parameter {match['name']!r} has unknown type {match['type']!r}")
    optional, default = False, None
    for option in filter(None, (o.strip() for o in (match["opts"] or "").split(","))):
        if option == "optional":
            optional = True
        elif option.startswith("default "):
            default = option.removeprefix("default ").strip()
        else:
            raise QueryError(f"{where}: parameter {match['name']!r}: unknown option {option!r}")
    return Parameter(match["name"], match["type"], optional, default, match["desc"].strip())


def load_query_file(path: str | Path) -> NamedQuery:
    """The named query in the file ``path`` (any ``.rq`` file, with or without a header)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise QueryError(f"{path}: cannot read the query: {exc}") from exc
    return parse_query(text, name=path.stem, path=path)


@cache
def catalogue() -> dict[str, NamedQuery]:
    """Every named query shipped with the package, by name, sorted."""
    folder = resources.files("resolutions_kg.queries")
    found = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".rq"):
            name = entry.name.removesuffix(".rq")
            found[name] = parse_query(
                entry.read_text(encoding="utf-8"), name=name, path=Path(str(entry))
            )
    return found


def named_query(name: str) -> NamedQuery:
    """The named query ``name``; :class:`UnknownQueryError` listing the known names when
    unknown."""
    try:
        return catalogue()[name]
    except KeyError:
        raise UnknownQueryError(
            f"no named query {name!r} (known: {', '.join(catalogue())})"
        ) from None
