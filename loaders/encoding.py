"""Decoding the bytes of a text file: UTF-8 (with or without BOM), Windows-1251 or KOI8-R.

Strict UTF-8 is tried first. Otherwise the two Russian single-byte encodings are both tried and
scored by how Russian the result looks (share of letters that are Cyrillic, and of Cyrillic
letters that are lower case and frequent), which is more reliable on short Russian texts than
free detection. Line endings become ``\\n``; the BOM is dropped.
"""

from __future__ import annotations

import codecs
import re

from resolutions_kg.errors import UnreadableInputError

#: Single-byte encodings tried when the bytes are not UTF-8, in order of preference.
RUSSIAN_ENCODINGS: tuple[str, ...] = ("cp1251", "koi8_r")

_FREQUENT = set("оеаинтсрвлкмдпуяыьгзбч")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_NEWLINES = re.compile(r"\r\n?|\u2028|\u2029")
#: Below this share of text characters a file is taken for binary.
MIN_TEXT_SHARE = 0.9
#: Below this Russian-likeness a single-byte decoding is rejected.
MIN_RUSSIAN_SCORE = 0.45


def normalise_newlines(text: str) -> str:
    return _NEWLINES.sub("\n", text)


def text_share(text: str) -> float:
    """Share of characters that are printable or ordinary whitespace."""
    if not text:
        return 0.0
    good = sum(1 for c in text if c.isprintable() or c in "\n\t\r\f\u00a0")
    return good / len(text)


def russian_score(text: str) -> float:
    """How much ``text`` looks like Russian: 0 (not at all) … 1."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    cyr = [c for c in letters if _CYRILLIC.match(c)]
    if not cyr:
        return 0.0
    cyr_share = len(cyr) / len(letters)
    frequent = sum(1 for c in cyr if c in _FREQUENT) / len(cyr)
    return cyr_share * (0.4 + 0.6 * frequent)


def decode(data: bytes, *, path: str | None = None) -> tuple[str, str]:
    """Decode ``data`` to text with ``\\n`` line endings; return ``(text, encoding)``.

    Raises :class:`UnreadableInputError` for empty, binary or undecodable input.
    """
    if not data.strip():
        raise UnreadableInputError("the file is empty", path=path)
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                     (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError as exc:
                raise UnreadableInputError(
                    f"invalid {enc} after a byte-order mark at byte {exc.start}", path=path
                ) from exc
            if enc == "utf-16":
                text = text.lstrip("\ufeff")
            return _checked(text, enc, path), enc
    if b"\x00" in data:
        raise UnreadableInputError("binary data (NUL bytes), not text", path=path)
    try:
        return _checked(data.decode("utf-8"), "utf-8", path), "utf-8"
    except UnicodeDecodeError as exc:
        _refuse_mixed(data, exc.start, path)
    best: tuple[float, str, str] | None = None
    for enc in _candidates(data):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        score = russian_score(text) * text_share(text)
        if best is None or score > best[0]:
            best = (score, enc, text)
    if best is None or best[0] < MIN_RUSSIAN_SCORE:
        raise UnreadableInputError(
            "undecodable: not UTF-8, and not Russian text in Windows-1251 or KOI8-R", path=path
        )
    return _checked(best[2], best[1], path), best[1]


#: A two-byte UTF-8 Cyrillic letter (U+0400–U+04FF).
_UTF8_CYRILLIC = re.compile(rb"[\xd0\xd1][\x80-\xbf]")


def _refuse_mixed(data: bytes, bad: int, path: str | None) -> None:
    """Raise when the bytes before the first invalid UTF-8 byte are Russian in UTF-8: the file
    mixes encodings (a UTF-8 heading pasted over a Windows-1251 body), and any one reading of it
    garbles a part."""
    if len(_UTF8_CYRILLIC.findall(data[:bad])) >= 3:
        line = data.count(b"\n", 0, bad) + 1
        raise UnreadableInputError(
            f"mixed encodings: UTF-8 up to line {line}, then a byte that is not UTF-8 "
            f"(0x{data[bad]:02x} at byte {bad}; Windows-1251 or KOI8-R?) — save the whole file "
            "in one encoding", path=path, line=line)


def _candidates(data: bytes) -> list[str]:
    """The Russian encodings, the one charset-normalizer prefers (restricted to them) first."""
    try:
        from charset_normalizer import from_bytes

        guess = from_bytes(data, cp_isolation=list(RUSSIAN_ENCODINGS)).best()
    except Exception:  # noqa: BLE001 - detection is only a hint for the order
        guess = None
    order = list(RUSSIAN_ENCODINGS)
    if guess is not None and guess.encoding in order:
        order.remove(guess.encoding)
        order.insert(0, guess.encoding)
    return order


def _checked(text: str, encoding: str, path: str | None) -> str:
    text = normalise_newlines(text.lstrip("\ufeff"))
    if not text.strip():
        raise UnreadableInputError("the file is empty", path=path)
    if text_share(text) < MIN_TEXT_SHARE:
        raise UnreadableInputError(
            f"binary data: too few text characters after decoding as {encoding}", path=path
        )
    return text
