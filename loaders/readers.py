"""From a path (or a string) to a :class:`~.rendition.Rendition`, by file suffix."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from resolutions_kg.errors import UnreadableInputError

from .docx import MEDIA_TYPE as DOCX_MEDIA_TYPE
from .docx import read_docx
from .encoding import decode, normalise_newlines, text_share
from .html import read_html
from .plaintext import read_markdown, read_plain
from .rendition import INVISIBLE, Rendition

#: File suffixes a loader reads, with the media type of each.
MEDIA_TYPES: dict[str, str] = {
    ".txt": "text/plain",
    ".md": "text/markdown",
    ".markdown": "text/markdown",
    ".html": "text/html",
    ".htm": "text/html",
    ".docx": DOCX_MEDIA_TYPE,
}
SUPPORTED_SUFFIXES: tuple[str, ...] = tuple(MEDIA_TYPES)


#: The largest document read unless ``RESKG_MAX_DOCUMENT_SIZE`` (``reskg load
#: --max-document-size``) says otherwise, in bytes. Real resolutions are 2–50 KB; a 1 MB one
#: (about 6,500 recommendations) takes about 2 minutes and 2 GB to validate (bench/large_bench.py).
DEFAULT_MAX_DOCUMENT_SIZE = 1_000_000
#: How many times its limit a .docx package may unpack to (its XML and media around the text).
DOCX_UNPACKED_FACTOR = 20


def max_document_size() -> int:
    """The largest document read, in bytes (the setting ``max_document_size``, which reaches
    worker processes as ``RESKG_MAX_DOCUMENT_SIZE``)."""
    value = os.environ.get("RESKG_MAX_DOCUMENT_SIZE", "")
    try:
        return int(value) if value.strip() else DEFAULT_MAX_DOCUMENT_SIZE
    except ValueError:
        raise UnreadableInputError(
            f"RESKG_MAX_DOCUMENT_SIZE={value!r} is not a whole number of bytes") from None


def read_path(path: str | Path) -> Rendition:
    """Read the file at ``path`` into its rendition."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in MEDIA_TYPES:
        raise UnreadableInputError(
            f"unsupported file type {suffix or '(no suffix)'!r}; supported: "
            + ", ".join(SUPPORTED_SUFFIXES),
            path=str(path),
        )
    limit = max_document_size()
    try:
        size = path.stat().st_size
        if size > limit:
            raise UnreadableInputError(
                f"the file is {size:,} bytes, over the largest document accepted "
                f"({limit:,} bytes; --max-document-size)", path=str(path))
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableInputError(
            f"cannot read the file ({exc.strerror})", path=str(path)
        ) from exc
    return read_bytes(data, name=path.name, media_type=MEDIA_TYPES[suffix], path=str(path))


def read_bytes(data: bytes, *, name: str, media_type: str, path: str | None = None) -> Rendition:
    """Read ``data`` of the given media type into its rendition."""
    where = path or name
    digest = hashlib.sha256(data).hexdigest()
    limit = max_document_size()
    if len(data) > limit:
        raise UnreadableInputError(
            f"the document is {len(data):,} bytes, over the largest accepted ({limit:,} bytes; "
            "--max-document-size)", path=where)
    if media_type == DOCX_MEDIA_TYPE:
        if not data:
            raise UnreadableInputError("the file is empty", path=where)
        rendition = read_docx(data, name=name, original_sha256=digest,
                              max_unpacked=limit * DOCX_UNPACKED_FACTOR)
    else:
        text, encoding = decode(data, path=where)
        rendition = render(text, name=name, media_type=media_type, original_sha256=digest,
                           encoding=encoding)
    if not rendition.lines:
        raise UnreadableInputError("no text in the file", path=where)
    return rendition


def render(text: str, *, name: str, media_type: str = "text/plain",
           original_sha256: str | None = None, encoding: str = "utf-8") -> Rendition:
    """The rendition of already decoded ``text`` of a text media type."""
    text = normalise_newlines(text.lstrip("\ufeff")).translate(INVISIBLE)
    if not text.strip():
        raise UnreadableInputError("the text is empty", path=name)
    if text_share(text) < 0.9:
        raise UnreadableInputError("binary data, not text", path=name)
    digest = original_sha256 or hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    if media_type == "text/markdown":
        return read_markdown(text, name=name, original_sha256=digest, encoding=encoding)
    if media_type == "text/html":
        return read_html(text, name=name, original_sha256=digest, encoding=encoding)
    return read_plain(text, name=name, original_sha256=digest, encoding=encoding,
                      media_type=media_type)
