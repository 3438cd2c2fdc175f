"""mypy, with the project's configuration, sees our own modules with their types (not as ``Any``)
and checks strictly: a small module outside the source tree that misuses our functions fails."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

#: line of the misuse → what mypy must say about it (error code, words of the message)
PROBE = {
    "from resolutions_kg.endpoint.negotiation import negotiate_media_type": None,
    "from resolutions_kg.loaders.russian import infinitive_lemma": None,
    "from resolutions_kg.queries import named_query": None,
    # ontology/ holds data files only: a name it lacks is an error only if mypy reads it
    "from resolutions_kg.ontology import no_such_name": ("attr-defined", "no_such_name"),
    "negotiate_media_type(5, ['text/html'])": ("arg-type", "negotiate_media_type"),
    "infinitive_lemma(b'word')": ("arg-type", "infinitive_lemma"),
    "named_query(42)": ("arg-type", "named_query"),
    # right use passes: the errors above are about the arguments, not the modules
    "negotiate_media_type('text/html', ['text/html'])": None,
    "length: int = len(infinitive_lemma('бегу')) + len(named_query('x').text)": None,
    # strict: an unannotated function is an error
    "def untyped(x): return x": ("no-untyped-def", "missing a type annotation"),
}

ERROR = re.compile(r"^probe\.py:(\d+): error: (.*)  \[([a-z-]+)\]$")


@pytest.mark.slow
def test_mypy_sees_our_modules_with_their_types_and_is_strict(tmp_path: Path) -> None:
    work = tmp_path / "work"
    work.mkdir()
    (work / "probe.py").write_text("\n".join(PROBE) + "\n", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", str(ROOT / "pyproject.toml"),
         "--cache-dir", str(tmp_path / "cache"), "--no-error-summary", "probe.py"],
        cwd=work, capture_output=True, text=True, timeout=300, check=False,
    )
    assert proc.returncode == 1, proc.stdout + proc.stderr
    found: dict[int, tuple[str, str]] = {}
    for line in proc.stdout.splitlines():
        m = ERROR.match(line)
        assert m, f"unexpected mypy output (an error outside the probe?): {line}"
        found[int(m[1])] = (m[3], m[2])
    expected = {n: want for n, want in enumerate(PROBE.values(), start=1) if want}
    assert sorted(found) == sorted(expected), proc.stdout
    for n, (code, words) in expected.items():
        assert found[n][0] == code and words in found[n][1], (n, found[n])
