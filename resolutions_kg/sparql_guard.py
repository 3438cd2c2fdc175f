"""What a client's SPARQL text may ask for, checked before the engine sees it.

pyoxigraph's parsers recurse: a query or update nested a few thousand levels deep (``{{{…``,
``(((…``, ``[[[…``, ``!!!…``) overflows the stack of the thread that parses it, and the whole
process dies. ``SERVICE <iri>`` and ``LOAD <iri>`` make the engine fetch a URL of the client's
choosing, from inside our network. :func:`check` refuses both before pyoxigraph sees the text:

- **nesting**: the deepest nesting of ``{``, ``(``, ``[`` and ``<<`` (quoted triples, whose
  parsing takes time growing with a high power of their depth: docs/performance-notes.md), plus the
  length of a run of the prefix operators ``!`` and ``^`` at that point, may not exceed
  ``max_depth``;
- **chains**: the number of operators (``|| && + - * / |``) and group keywords (``BIND``,
  ``OPTIONAL``, ``UNION`` …) in the brackets open at a point may not exceed ``max_chain``:
  the engine builds a tree as deep as such a chain (``1+1+…+1``, 16 kB, crashed it); data
  blocks (``INSERT DATA``, ``VALUES``) do not count;
- **remote calls**: ``SERVICE`` (also ``SERVICE SILENT``) and ``LOAD`` are refused unless their
  target, resolved against ``BASE`` and ``PREFIX`` declarations, starts with one of the IRI
  prefixes of ``service_allow``; a variable target (``SERVICE ?x``) is always refused.

A small lexer reads the text the way the SPARQL grammar does: string literals (all four quote
forms, with escapes), IRIs ``<…>``, comments, variables, prefixed names (with ``\\``-escapes in
their local part) and language tags are single tokens, so a keyword or a bracket inside them is
never taken for syntax. Where the grammar itself is ambiguous — ``<`` is also less-than, and
``1<((((…))))>0`` is an IRI to a lexer but a comparison to a parser that backtracks — the
brackets inside an IRI are counted too (an IRI that nests deeply is refused): the check errs on
the side of refusing. It knows nothing else about SPARQL; the engine reports syntax errors.

Library code: raises :class:`~resolutions_kg.errors.QueryRefusedError`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from urllib.parse import urljoin

from resolutions_kg.errors import QueryRefusedError

_PN_CHARS = r"A-Za-z0-9_\-\u00b7\u00c0-\ufffd\U00010000-\U000effff"
_NAME_START = r"A-Za-z_\u00c0-\ufffd\U00010000-\U000effff"
# Every alternative is linear, and text no alternative can finish is consumed whole: an
# unterminated string runs to the end (the engine stops there too), a name up to its last dot.
_TOKEN = re.compile(
    rf"""
      (?P<ws>\s+)
    | (?P<comment>\#[^\r\n]*)
    | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
                 |'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*")
    | (?P<unterminated>['"].*)
    | (?P<iri><(?:[^<>"{{}}|^`\\\x00-\x20]|\\u[0-9A-Fa-f]{{4}}|\\U[0-9A-Fa-f]{{8}})*>)
    | (?P<var>[?$][{_PN_CHARS}]+)
    | (?P<langtag>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
    | (?P<pname>(?:[{_NAME_START}][{_PN_CHARS}.]*+)?:
                (?:[{_PN_CHARS}:.%]|\\[_~.\-!$&'()*+,;=/?\#@%])*)
    | (?P<name>[{_NAME_START}][{_PN_CHARS}.]*+)
    | (?P<open>[{{(\[]|<<)
    | (?P<close>[}})\]]|>>)
    | (?P<ne>!=)
    | (?P<op>\|\||&&|[+\-*/|])
    | (?P<prefix_op>[!^])
    | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)
_SKIPPED = frozenset(("ws", "comment"))
#: Keywords that add a node to the algebra of the group they are in (operators, ``op`` tokens,
#: do the same in expressions and paths): long chains of either crash the engine too (8,000
#: ``+``, 3,000 ``BIND``, as the 16 kB ``1+1+…+1``).
_CHAIN_WORDS = frozenset(("BIND", "OPTIONAL", "UNION", "MINUS", "FILTER", "VALUES", "GRAPH",
                          "SERVICE"))
_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_LOCAL_ESCAPE = re.compile(r"\\(.)")
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:")


@dataclass(frozen=True)
class _Token:
    kind: str
    text: str
    start: int


def _tokens(text: str) -> Iterator[_Token]:
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup or "other"
        if kind == "name":  # words joined by dots (``true.SERVICE``): each a word
            start = m.start()
            for part in m.group().split("."):
                if part:
                    yield _Token("word", part, start)
                start += len(part) + 1
        elif kind not in _SKIPPED:
            yield _Token(kind, m.group(), m.start())


def _levels(text: str) -> Iterator[tuple[_Token, int, int]]:
    """Each token with the nesting level at it — open brackets (and ``<<``), the run of
    ``!``/``^`` before it, and for an IRI the brackets inside it — and the length of the chain
    of operators and group keywords (:data:`_CHAIN_WORDS`) in the brackets open at it, data
    blocks (``INSERT DATA``, ``VALUES``) left out."""
    depth = run = chain = 0
    frames: list[list[int]] = []  # per open bracket: [chain links in it, data block outside]
    in_data = data_next = False
    for token in _tokens(text):
        kind = token.kind
        run = run + 1 if kind == "prefix_op" else 0
        word = token.text.upper() if kind == "word" else ""
        if kind == "open":
            depth += 1
            frames.append([0, in_data])
            if data_next and token.text == "{":
                in_data, data_next = True, False
        elif kind == "close":
            depth = max(0, depth - 1)
            if frames:
                links, outside = frames.pop()
                chain -= links
                in_data = bool(outside)
        elif not in_data and (kind == "op" or word in _CHAIN_WORDS):
            chain += 1
            if frames:
                frames[-1][0] += 1
        if word in ("DATA", "VALUES"):
            data_next = True
        inner = _nesting(token.text) if kind == "iri" else 0
        yield token, depth + run + inner, chain


def nesting_depth(text: str) -> int:
    """The deepest nesting :func:`check` measures in ``text``."""
    return max((level for _, level, _ in _levels(text)), default=0)


def chain_length(text: str) -> int:
    """The longest chain :func:`check` measures in ``text``."""
    return max((chain for _, _, chain in _levels(text)), default=0)


def check(text: str, *, max_depth: int = 0, max_chain: int = 0,
          service_allow: Iterable[str] | None = (), base_iri: str | None = None) -> None:
    """Raise :class:`QueryRefusedError` when ``text`` (a query or an update) nests deeper than
    ``max_depth``, chains more than ``max_chain`` operators (0: no limit, for either), or calls
    ``SERVICE``/``LOAD`` on an IRI outside ``service_allow`` (IRI prefixes; none: every call is
    refused; None: calls are not checked). Relative IRIs resolve against ``BASE``
    declarations, then ``base_iri``."""
    remote = service_allow is not None
    allow = tuple(a for a in service_allow or () if a)
    if _plainly_fine(text, max_depth, max_chain, remote=remote):
        return
    prefixes: dict[str, str] = {}
    base = base_iri or ""
    # ``pending``: the keyword whose operand comes next (SERVICE, LOAD, BASE, PREFIX).
    pending: str | None = None
    prefix_name = ""
    for token, level, chain in _levels(text):
        if max_depth and level > max_depth:
            line, column = _position(text, token.start)
            raise QueryRefusedError(
                f"The text nests deeper than {max_depth} levels (brackets, braces, parentheses, "
                f"<<, runs of ! or ^) at line {line}, column {column}; at most {max_depth} are "
                f"accepted (setting max_query_depth).",
                setting="max_query_depth",
            )
        if max_chain and chain > max_chain:
            line, column = _position(text, token.start)
            raise QueryRefusedError(
                f"The text chains more than {max_chain} operators and group keywords (|| && + - "
                f"* / |, BIND OPTIONAL UNION MINUS FILTER VALUES GRAPH SERVICE) at line {line}, "
                f"column {column}; at most {max_chain} are accepted (setting max_query_chain).",
                setting="max_query_chain",
            )
        kind = token.kind
        if pending is None:
            if kind == "word" and token.text.upper() in ("SERVICE", "LOAD", "BASE", "PREFIX"):
                pending = token.text.upper()
            continue
        keyword, pending = pending, None
        if keyword in ("SERVICE", "LOAD") and remote:
            if kind == "word" and token.text.upper() == "SILENT":
                pending = keyword
            elif kind == "var":
                _refuse_variable(keyword, token.text)
            else:
                target = _iri(token, prefixes, base)
                if target is not None:
                    _allowed(keyword, target, allow)
        elif keyword == "BASE" and kind == "iri":
            base = _resolve(token.text, base)
        elif keyword == "PREFIX" and kind == "pname" and token.text.endswith(":"):
            prefix_name, pending = token.text[:-1], "PREFIX-IRI"
        elif keyword == "PREFIX-IRI" and kind == "iri":
            prefixes[prefix_name] = _resolve(token.text, base)


def _nesting(iri: str) -> int:
    """How deep the brackets and ``!`` runs inside an IRI token would nest as syntax."""
    depth = deepest = run = 0
    for char in iri[1:-1]:
        run = run + 1 if char == "!" else 0
        if char in "([":
            depth += 1
        elif char in ")]":
            depth = max(0, depth - 1)
        deepest = max(deepest, depth + run)
    return deepest


def _plainly_fine(text: str, max_depth: int, max_chain: int, *, remote: bool = True) -> bool:
    """True when no keyword SERVICE or LOAD can occur in ``text`` (or ``remote`` is False), it
    has no more opening brackets and prefix operators in all than ``max_depth``, and no more
    operator characters and group keywords than ``max_chain``: the answer for most queries, at
    a fraction of the cost of lexing them."""
    if max_depth and sum(text.count(c) for c in ("{", "(", "[", "!", "^", "<<")) > max_depth:
        return False
    lowered = text.lower()
    if max_chain and (sum(text.count(c) for c in "|&+-*/")
                      + sum(lowered.count(w.lower()) for w in _CHAIN_WORDS)) > max_chain:
        return False
    return not remote or ("service" not in lowered and "load" not in lowered)


def _refuse_variable(keyword: str, variable: str) -> None:
    raise QueryRefusedError(
        f"{keyword} {variable}: a {keyword} whose target is a variable is not allowed here "
        f"(setting service_allow).",
        setting="service_allow",
    )


def _allowed(keyword: str, target: str, allow: tuple[str, ...]) -> None:
    if not any(target.startswith(prefix) for prefix in allow):
        where = ("this server makes no remote calls" if not allow else
                 "allowed targets start with " + ", ".join(allow))
        raise QueryRefusedError(
            f"{keyword} <{target}> is not allowed: {where} (setting service_allow).",
            setting="service_allow",
        )


def _iri(token: _Token, prefixes: dict[str, str], base: str) -> str | None:
    """The absolute IRI a token names (an IRI or a prefixed name), None for other tokens."""
    if token.kind == "iri":
        return _resolve(token.text, base)
    if token.kind == "pname":
        prefix, _, local = token.text.partition(":")
        namespace = prefixes.get(prefix, f"{prefix}:")
        return namespace + _LOCAL_ESCAPE.sub(r"\1", local)
    return None


def _resolve(iri_token: str, base: str) -> str:
    iri = _ESCAPE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), iri_token[1:-1])
    if _SCHEME.match(iri) or not base:
        return iri
    return urljoin(base, iri)


def _position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1
