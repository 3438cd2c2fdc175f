"""Loaders: a resolution file (plain text, Markdown, HTML, DOCX) → plain records.

    load_file(path)            read and parse a file → records.Resolution
    parse_text(text, name=…)   parse already decoded text → records.Resolution
    SUPPORTED_SUFFIXES         the file suffixes load_file reads

Readers (:mod:`.readers`) make the fixed plain-text rendition every span points into; the parser
(:mod:`.parser`) reads the genre from it. Bad input raises
:class:`~resolutions_kg.errors.UnreadableInputError`; readable text that is no resolution raises
:class:`~resolutions_kg.errors.NotAResolutionError`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from resolutions_kg.errors import InputError

if TYPE_CHECKING:
    from resolutions_kg.records import Resolution

    from .readers import MEDIA_TYPES, SUPPORTED_SUFFIXES

__all__ = ["SUPPORTED_SUFFIXES", "MEDIA_TYPES", "load_file", "parse_text"]


def __getattr__(name: str) -> object:
    """``SUPPORTED_SUFFIXES`` and ``MEDIA_TYPES`` from :mod:`.readers`, imported when first
    asked for: importing a light submodule (``loaders.russian``, ``loaders.settlements``) does
    not import the parser and the HTML reader (about a second)."""
    if name in ("SUPPORTED_SUFFIXES", "MEDIA_TYPES"):
        from . import readers

        return getattr(readers, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def load_file(path: str | Path) -> Resolution:
    """Read the resolution in the file at ``path``.

    Errors name the file as given (``path``), not only its name."""
    from .parser import parse
    from .readers import read_path

    rendition = read_path(path)
    try:
        return parse(rendition)
    except InputError as exc:
        exc.path = str(path)
        raise


def parse_text(text: str, *, name: str = "<text>", media_type: str = "text/plain") -> Resolution:
    """Read the resolution in ``text`` (already decoded) of the given media type."""
    from .parser import parse
    from .readers import render

    return parse(render(text, name=name, media_type=media_type))
