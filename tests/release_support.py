"""What the release tests share: names in the corpus, ``reskg`` in a subprocess, and
:func:`build`, which makes a folder with ``sources/`` (three corpus documents, then one of them
edited and a fourth added), ``store/`` and ``releases/`` (the default folder, beside the store)
holding releases 1.0.0 and 1.1.0 made by ``reskg release``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import CORPUS

RESKG = str(Path(sys.executable).with_name("reskg"))
BASE = "https://w3id.org/resolutions-kg/"
VOLOGDA = "vologda-2013-kraevedcheskie-fondy-bibliotek-otsifrovka-i"
NOVGOROD = "velikii-novgorod-2014-chtenie-na-puti-k-uspekhu-biblioteka-i-molodezh"
TVER = "tver-2012-biblioteki-i-obshchestvo-vektor-razvitiya"
REC = f"{BASE}resolution/{VOLOGDA}/recommendation/1"
OLD_TEXT = "Сформировать единый план оцифровки краеведческих изданий библиотек области."
NEW_TEXT = "Сформировать общий план оцифровки краеведческих изданий библиотек области."


def reskg(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("RESKG_")}
    return subprocess.run([RESKG, *args], capture_output=True, text=True, timeout=600, env=env)


def ok(*args: str) -> str:
    out = reskg(*args)
    assert out.returncode == 0, out.stderr
    return out.stdout


def build(root: Path) -> Path:
    """``store/`` and ``releases/`` (the default folder, beside the store) after releases 1.0.0
    and 1.1.0."""
    sources = root / "sources"
    sources.mkdir()
    for name in ("tver-2012.txt", "lipetsk-2016.txt", "vologda-2013.html"):
        shutil.copy(CORPUS / name, sources / name)
    store = str(root / "store")
    ok("load", str(sources), "--store", store, "-q")
    ok("release", "1.0.0", "--store", store)
    page = sources / "vologda-2013.html"
    page.write_text(page.read_text("utf-8").replace(OLD_TEXT, NEW_TEXT), "utf-8")
    shutil.copy(CORPUS / "novgorod-2014.md", sources / "novgorod-2014.md")
    ok("load", str(sources), "--store", store, "-q")
    ok("release", "1.1.0", "--store", store)
    return root


def release(work: Path, version: str) -> Path:
    return work / "releases" / version
