"""``using-graph-uri`` / ``using-named-graph-uri`` for SPARQL Update.

pyoxigraph's ``Store.update`` takes no dataset, so the protocol's dataset is written into the
update text: every ``DELETE``/``INSERT … WHERE`` operation gets ``USING <g>`` / ``USING NAMED <g>``
clauses before its ``WHERE``, and the ``DELETE WHERE { P }`` shorthand becomes
``DELETE { P } USING … WHERE { P }``. As the protocol requires, an operation that already has
``USING`` or ``WITH`` is refused (:class:`DatasetConflictError`).

A small lexer finds the top-level keywords: it skips strings, IRIs, comments and braces, so text
inside them is never mistaken for a keyword. Text it cannot make sense of is left alone; the SPARQL
parser reports real syntax errors afterwards.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from resolutions_kg.errors import DatasetConflictError

_TOKEN = re.compile(
    r"""
      (?P<ws>\s+)
    | (?P<comment>\#[^\n]*)
    | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
                 |'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")
    | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
    | (?P<var>[?$][A-Za-z0-9_\u00b7-\uffff]+)
    | (?P<word>[A-Za-z_][A-Za-z0-9_\-]*(?::[^\s{}();,]*)?)
    | (?P<open>\{)
    | (?P<close>\})
    | (?P<semi>;)
    | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)


@dataclass
class _Op:
    words: list[tuple[str, int, int]]  # (keyword, start, end) at depth 0
    blocks: list[tuple[int, int]]  # top-level {...} spans


def _operations(update: str) -> list[_Op]:
    ops = [_Op([], [])]
    depth = 0
    block_start = 0
    for m in _TOKEN.finditer(update):
        kind = m.lastgroup
        if kind == "open":
            if depth == 0:
                block_start = m.start()
            depth += 1
        elif kind == "close":
            depth -= 1
            if depth == 0:
                ops[-1].blocks.append((block_start, m.end()))
        elif depth == 0 and kind == "semi":
            ops.append(_Op([], []))
        elif depth == 0 and kind == "word" and ":" not in m.group():
            ops[-1].words.append((m.group().upper(), m.start(), m.end()))
    return ops


def add_using(update: str, using: Sequence[str], using_named: Sequence[str]) -> str:
    """``update`` with the protocol dataset written into each of its DELETE/INSERT operations."""
    if not using and not using_named:
        return update
    clauses = " ".join(
        [f"USING <{iri}>" for iri in using] + [f"USING NAMED <{iri}>" for iri in using_named]
    )
    edits: list[tuple[int, int, str]] = []
    for op in _operations(update):
        names = [w for w, _, _ in op.words]
        if "WHERE" not in names or not ({"DELETE", "INSERT"} & set(names)):
            continue
        if "USING" in names or "WITH" in names:
            raise DatasetConflictError(
                "using-graph-uri/using-named-graph-uri cannot be combined with USING or WITH "
                "in the update"
            )
        where = names.index("WHERE")
        _, where_start, where_end = op.words[where]
        if where > 0 and names[where - 1] == "DELETE":
            # DELETE WHERE { P }  →  DELETE { P } USING … WHERE { P }
            pattern = next((b for b in op.blocks if b[0] >= where_end), None)
            if pattern is None:
                continue
            text = update[pattern[0] : pattern[1]]
            edits.append((where_start, pattern[1], f"{text} {clauses} WHERE {text}"))
        else:
            edits.append((where_start, where_start, f"{clauses} "))
    for start, end, text in sorted(edits, reverse=True):
        update = update[:start] + text + update[end:]
    return update
