"""Reading request bodies within the ``max_body`` limit, and the parameters of a request.

:func:`nesting_depth` measures how deep a JSON or XML body nests, for the ``max_body_depth``
limit: pyoxigraph's JSON-LD parser recurses (a body nested 20,000 objects deep overflows the
stack and kills the process) and its RDF/XML parser slows down with depth, so such bodies are
refused before they are parsed.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl
from xml.parsers import expat

import pyoxigraph as ox
from starlette.requests import Request

from resolutions_kg.endpoint.errors import HTTPError
from resolutions_kg.endpoint.negotiation import media_type_of


async def read_body(request: Request) -> bytes:
    """The whole body; 413 past the ``max_body`` setting (checked before and while reading)."""
    limit = int(request.app.state.ctx.settings.get("max_body") or 0)
    declared = request.headers.get("content-length")
    if limit and declared and declared.isdigit() and int(declared) > limit:
        raise HTTPError(413, f"The request body is larger than the limit of {limit} bytes.")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if limit and size > limit:
            raise HTTPError(413, f"The request body is larger than the limit of {limit} bytes.")
        chunks.append(chunk)
    return b"".join(chunks)


def utf8_text(body: bytes, content_type: str | None) -> str:
    """A body as text: only UTF-8 (or US-ASCII) is accepted (415 otherwise, 400 if undecodable)."""
    _, params = media_type_of(content_type)
    charset = params.get("charset", "utf-8").lower()
    if charset not in ("utf-8", "utf8", "us-ascii", "ascii"):
        raise HTTPError(415, f"Only UTF-8 request bodies are accepted, not charset={charset}.")
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise HTTPError(400, f"The request body is not valid UTF-8: {exc}") from exc


def form_params(body: bytes) -> list[tuple[str, str]]:
    """Parameters of an application/x-www-form-urlencoded body (strict UTF-8)."""
    try:
        text = body.decode("utf-8")
        return parse_qsl(text, keep_blank_values=True, encoding="utf-8", errors="strict")
    except (UnicodeDecodeError, ValueError) as exc:
        raise HTTPError(400, f"The form body is not valid UTF-8 URL-encoded text: {exc}") from exc


def is_iri(text: str) -> bool:
    """True when ``text`` is an IRI Oxigraph accepts (a request may name one that is not:
    ``/resolution/a%20b``, ``default-graph-uri=a b``)."""
    try:
        ox.NamedNode(text)
    except ValueError:
        return False
    return True


class Params:
    """Multi-valued request parameters (URL query string plus form body)."""

    def __init__(self, items: list[tuple[str, str]]) -> None:
        self.items = items

    def all(self, name: str) -> list[str]:
        return [v for k, v in self.items if k == name]

    def one(self, name: str) -> str | None:
        """The single value of ``name``, None if absent; 400 if given more than once."""
        values = self.all(name)
        if len(values) > 1:
            raise HTTPError(400, f"The parameter {name!r} is given {len(values)} times.")
        return values[0] if values else None

    def iris(self, name: str, *, empty: bool = False) -> list[str]:
        """The values of ``name``, each an absolute IRI (400 naming the parameter otherwise;
        ``empty``: the empty string is allowed too)."""
        values = self.all(name)
        for value in values:
            if not (empty and value == "") and not (":" in value and is_iri(value)):
                raise HTTPError(400, f"The parameter {name!r} must be an absolute IRI, not "
                                     f"{value!r}.")
        return values

    def __contains__(self, name: str) -> bool:
        return any(k == name for k, _ in self.items)


#: A string (an unterminated one runs to the end: linear, and the JSON parser stops there too),
#: or a bracket.
_JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|".*|[\[{]|[\]}]', re.DOTALL)


def json_depth(text: str, limit: int) -> int:
    """How deep a JSON text nests (objects and arrays; strings skipped), counted up to just past
    ``limit``: the count stops there, so a hostile body costs no more than a legitimate one."""
    depth = deepest = 0
    for m in _JSON_TOKEN.finditer(text):
        char = m.group()[0]
        if char in "[{":
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > limit:
                    break
        elif char in "]}":
            depth -= 1
    return deepest


class _TooDeep(Exception):
    pass


def xml_depth(text: str, limit: int) -> int:
    """How deep an XML text nests (elements), counted up to just past ``limit`` by expat
    (which does not recurse); 0 for text expat cannot read (the RDF parser says why)."""
    parser = expat.ParserCreate()
    depth = deepest = 0

    def start(name: str, attributes: object) -> None:
        nonlocal depth, deepest
        depth += 1
        deepest = max(deepest, depth)
        if deepest > limit:
            raise _TooDeep

    def end(name: str) -> None:
        nonlocal depth
        depth -= 1

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    try:
        parser.Parse(text, True)
    except _TooDeep:
        pass
    except expat.ExpatError:
        return 0
    return deepest
