"""No dead code: vulture finds nothing unused in the package but the exceptions listed here.

Vulture reads the package's folders and, as users of the package, ``bench/`` and ``scripts/``;
the tests are not counted as users, so code only a test calls is reported too (then listed below
if it is there on purpose, or removed). ``resolutions_kg/namespaces.py`` is not read: a closed
namespace lists its vocabulary's terms, used or not, so that a misspelt term is an error.
"""

from __future__ import annotations

from pathlib import Path

import vulture

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ("resolutions_kg", "loaders", "endpoint", "queries", "ontology")
USERS = ("bench", "scripts")
EXCLUDE = ["endpoint/static", "resolutions_kg/namespaces.py"]

#: (file, name) vulture reports → why it stays. A listed one vulture no longer reports fails
#: the test too, so the list only shrinks.
WHITELIST: dict[tuple[str, str], str] = {
    ("endpoint/bodies.py", "attributes"): "expat's StartElementHandler signature",
    ("endpoint/bodies.py", "StartElementHandler"): "expat calls the handler it is set to",
    ("endpoint/bodies.py", "EndElementHandler"): "expat calls the handler it is set to",
    ("endpoint/edge.py", "compressor"): "overrides the compressor GZipResponder builds itself",
    ("endpoint/protocol.py", "keep_alive"): "uvicorn's RequestResponseCycle reads it when the "
                                            "response starts (Connection: close)",
    ("endpoint/sparql.py", "init_headers"): "overrides Response.init_headers, which Response calls",
    ("endpoint/documents.py", "count_minimum"): "read by templates/summary_event.html",
    ("endpoint/dumps.py", "builds"): "a count of dump builds: what tests/test_dumps_background.py "
                                     "sees of one build per burst of writes",
    ("loaders/grammar.py", "constrain"): "yargy's Predicate interface: the parser calls it to "
                                         "narrow a word's forms",
    ("resolutions_kg/formats.py", "XML"): "a row of the ResultsFormat table, used by iterating it",
    ("resolutions_kg/linking.py", "linkset_counts"): "public, documented in docs/registry.md",
    ("resolutions_kg/parallel.py", "prepare_document"): "the one-document Task publish(task=…) "
                                                         "takes; the tests' tasks wrap it",
    ("resolutions_kg/push.py", "requires_request_body"): "read by httpx.Auth",
    ("resolutions_kg/review.py", "ignore_aliases"): "PyYAML's Dumper hook",
    ("resolutions_kg/store.py", "readable"): "io.RawIOBase's method, called by io.BufferedReader",
    ("resolutions_kg/store.py", "readinto"): "io.RawIOBase's method, called by io.BufferedReader",
    ("resolutions_kg/sparql_guard.py", "nesting_depth"): "the measure check() limits, public for "
                                                          "its tests",
    ("resolutions_kg/sparql_guard.py", "chain_length"): "the measure check() limits, public for "
                                                         "its tests",
    ("resolutions_kg/validation/evidence.py", "evidence_quotes"): "called by name "
                                                                  "(compiler.NATIVE)",
    # loaders/ is another engineer's work in progress as this is written: reported, to be
    # removed (or used) there
    ("loaders/__init__.py", "__getattr__"): "a module's __getattr__ (PEP 562): Python calls it",
    ("loaders/events.py", "words_start"): "loaders/ in progress elsewhere",
    ("loaders/rendition.py", "line_text"): "loaders/ in progress elsewhere (tests use it)",
}


def unused() -> set[tuple[str, str, int]]:
    finder = vulture.Vulture()
    finder.scavenge([str(ROOT / p) for p in (*PACKAGE, *USERS)],
                    exclude=[str(ROOT / p) for p in EXCLUDE])
    found = set()
    for item in finder.get_unused_code():
        path = Path(item.filename).resolve().relative_to(ROOT).as_posix()
        if path.split("/")[0] in PACKAGE:
            found.add((path, item.name, item.first_lineno))
    return found


def test_vulture_finds_no_dead_code() -> None:
    found = unused()
    dead = sorted(f for f in found if f[:2] not in WHITELIST)
    assert not dead, "unused code (remove it, or list it in WHITELIST with the reason):\n" + (
        "\n".join(f"  {path}:{line}: {name}" for path, name, line in dead))
    stale = sorted(set(WHITELIST) - {f[:2] for f in found})
    assert not stale, f"no longer reported, drop from WHITELIST: {stale}"


def test_vulture_sees_dead_code(tmp_path: Path) -> None:
    """The check above would see it: an unused function in a module is reported."""
    module = tmp_path / "module.py"
    module.write_text("def used() -> int:\n    return 1\n\n\ndef unused() -> int:\n"
                      "    return used()\n", encoding="utf-8")
    finder = vulture.Vulture()
    finder.scavenge([str(module)])
    assert [item.name for item in finder.get_unused_code()] == ["unused"]
