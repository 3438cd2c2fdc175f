"""Text as pages show it: Markdown markup taken out, and a sort key that orders numbers as numbers.

The source renditions keep the markup of their files (``**Конференция рекомендует:**``, ``# …``,
backticks), since every evidence span counts code points in them; a page shows the words only.
"""

from __future__ import annotations

import re
from functools import lru_cache

_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+", re.MULTILINE)
_BULLET = re.compile(r"^([ \t]*)[*+][ \t]+", re.MULTILINE)
_STRONG = re.compile(r"\*\*|__")
#: a run of * or _ that opens or closes emphasis: not between two word characters (snake_case)
_EMPHASIS = re.compile(r"(?<!\w)[*_]+|[*_]+(?!\w)")
_CODE = re.compile(r"`+")
_DIGITS = re.compile(r"(\d+)")


def plain(text: str) -> str:
    """``text`` without Markdown markup: headings' ``#``, ``**``/``__``, ``*``/``_`` emphasis and
    backticks go; list bullets ``*``/``+`` become ``•``."""
    text = _HEADING.sub("", text)
    text = _BULLET.sub(r"\1• ", text)
    text = _STRONG.sub("", text)
    text = _EMPHASIS.sub("", text)
    return _CODE.sub("", text)


@lru_cache(maxsize=8192)
def natural_key(text: str) -> tuple[tuple[int, int | str], ...]:
    """Sorts ``…/recommendation/2`` before ``…/recommendation/10``."""
    return tuple((0, int(part)) if part.isdigit() else (1, part)
                 for part in _DIGITS.split(text) if part)
