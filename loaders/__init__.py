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

from resolutions_kg.errors import InputError
from resolutions_kg.records import Resolution

from .parser import parse
from .readers import MEDIA_TYPES, SUPPORTED_SUFFIXES, read_path, render

__all__ = ["SUPPORTED_SUFFIXES", "MEDIA_TYPES", "load_file", "parse_text"]


def load_file(path: str | Path) -> Resolution:
    """Read the resolution in the file at ``path``.

    Errors name the file as given (``path``), not only its name."""
    rendition = read_path(path)
    try:
        return parse(rendition)
    except InputError as exc:
        exc.path = str(path)
        raise


def parse_text(text: str, *, name: str = "<text>", media_type: str = "text/plain") -> Resolution:
    """Read the resolution in ``text`` (already decoded) of the given media type."""
    return parse(render(text, name=name, media_type=media_type))
