"""Per-field accuracy of the loader on labelled documents (``expected*.json`` beside them).

    python bench/accuracy.py [FOLDER ...] [--show]

Default folders: ``tests/data/dev`` (our labelled development corpus) and ``../shared/corpus``.
``--show`` prints every wrong fact with what was expected and what was read.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

from resolutions_kg.errors import InputError
from resolutions_kg.loaders import load_file
from resolutions_kg.loaders.facts import compare, reader_facts

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = [ROOT / "tests" / "data" / "dev", ROOT.parent / "shared" / "corpus"]


def labelled(folder: Path) -> list[tuple[Path, dict[str, Any]]]:
    out = []
    for expected in sorted(folder.glob("expected*.json")):
        for doc in json.loads(expected.read_text(encoding="utf-8"))["documents"]:
            out.append((folder / doc["file"], doc))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("folders", nargs="*", type=Path)
    parser.add_argument("--show", action="store_true", help="print every wrong fact")
    args = parser.parse_args(argv)
    right: dict[str, int] = defaultdict(int)
    total: dict[str, int] = defaultdict(int)
    documents = 0
    for folder in args.folders or DEFAULT:
        for path, expected in labelled(folder):
            documents += 1
            try:
                observed = reader_facts(load_file(path))
            except InputError as exc:
                observed = {}
                if args.show:
                    print(f"{path.name}: {exc}")
            for field, ok in compare(expected, observed).items():
                total[field] += 1
                right[field] += ok
                if not ok and args.show:
                    print(f"{path.name} {field}:\n  want {expected.get(field)!r}\n"
                          f"  got  {observed.get(field)!r}")
    print(f"\n{documents} documents")
    print("| field | right | of | accuracy |\n|---|---|---|---|")
    for field in total:
        print(f"| {field} | {right[field]} | {total[field]} | "
              f"{100 * right[field] / total[field]:.1f} % |")
    all_right, all_total = sum(right.values()), sum(total.values())
    print(f"| **all** | {all_right} | {all_total} | {100 * all_right / max(all_total, 1):.1f} % |")
    return 0 if all_right == all_total else 1


if __name__ == "__main__":
    sys.exit(main())
