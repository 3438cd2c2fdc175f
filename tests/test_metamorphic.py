"""Metamorphic tests: every labelled document, re-rendered in another layout, format or encoding,
gives the same facts as the original gives by its labels.

The variants are what the same resolution looks like elsewhere: copied from a web page (news
timestamp and breadcrumbs above, contacts and share buttons below), the place/date line laid out
otherwise (date first, one line aligned with tabs, in parentheses, emphasised, the day quoted),
bullets of another kind, Windows line endings, Windows-1251 or KOI8-R bytes, Markdown with bold
headings, HTML paragraphs inside a site's navigation and footer.

``make test`` sweeps a fixed sample of the labelled documents (the shared corpus and every
tenth of tests/data/dev); CI, ``make test CORPUS=all``, every one (``labelled.swept``).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from labelled import KNOWN_MISSES, labelled, swept

from resolutions_kg.loaders.facts import compare, reader_facts
from resolutions_kg.loaders.readers import read_bytes

FORMATS = {".txt": "text/plain", ".md": "text/markdown", ".html": "text/html"}
_SWEPT = set(swept([path for path, _ in labelled()]))
DOCUMENTS = [(path, doc) for path, doc in labelled() if path in _SWEPT]
_MONTHS = r"(?:январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр)[а-я]*"
_DATE = re.compile(
    rf"[«\"]?\d{{1,2}}[»\"]?(?:\s*[–—-]\s*\d{{1,2}})?\s+{_MONTHS}(?:\s*[–—-]\s*\d{{1,2}}\s+"
    rf"{_MONTHS})?\s+\d{{4}}(?:\s*(?:г\.|года))?|\d{{1,2}}(?:[–-]\d{{1,2}})?\.\d{{2}}\.\d{{4}}"
    rf"(?:\s*г\.)?")


def _dateline(text: str, place: str | None) -> re.Match[str] | None:
    """The short line that holds the event's date and its place, as «place, date» or
    «date, place» — the layout the variants rearrange."""
    if place is None:
        return None
    stem = re.escape(place[: max(4, len(place) - 2)])
    pattern = re.compile(
        rf"^(?P<pre>[ \t*_]*)(?:(?P<p1>(?:г\.\s*)?{stem}[а-яё-]*(?:\s[А-ЯЁ][а-яё]+)?)\s*,\s*"
        rf"(?P<d1>{_DATE.pattern})|(?P<d2>{_DATE.pattern})\s*,\s*(?P<p2>(?:г\.\s*)?{stem}"
        rf"[а-яё-]*(?:\s[А-ЯЁ][а-яё]+)?))(?P<post>[ \t*_.]*)$", re.M)
    return pattern.search(text)


def _relayout(style: str) -> Callable[[str, dict[str, Any]], str | None]:
    def apply(text: str, doc: dict[str, Any]) -> str | None:
        m = _dateline(text, doc.get("place"))
        if m is None:
            return None
        place = m["p1"] or m["p2"]
        date = m["d1"] or m["d2"]
        line = {
            "date-first": f"{date}, {place}",
            "place-first": f"{place}, {date}",
            "tabs": f"{place}\t\t\t\t{date}",
            "spaces": f"{place}{' ' * 30}{date}",
            "parentheses": f"({place} {date})",
            "emphasis": f"*{place}, {date}*",
        }[style]
        return text[: m.start()] + line + text[m.end() :]
    return apply


def _web_page(text: str, doc: dict[str, Any]) -> str:
    """As copied from a news page: timestamp and breadcrumbs above, the site's footer below."""
    top = "Главная / Новости / Документы\n\nНовости | 12.03.2021 09:15\n\n"
    bottom = ("\n\nПросмотров: 245 | Поделиться | Версия для печати\n\n"
              "© МБУК «Централизованная библиотечная система», 2021\n\n"
              "Адрес: 162600, г. Череповец, ул. Ленина, д. 12\n\n"
              "Тел.: +7 (8202) 55-12-34, e-mail: info@example.ru\n")
    return top + text.rstrip() + bottom


def _bullets(text: str, doc: dict[str, Any]) -> str | None:
    changed = re.sub(r"^([ \t]*)[–—-](?=\s)", r"\1•", text, flags=re.M)
    return changed if changed != text else None


def _crlf(text: str, doc: dict[str, Any]) -> str:
    return text.replace("\n", "\r\n")


def _to_html(text: str, doc: dict[str, Any]) -> str | None:
    """Plain text as a site's page: each paragraph a <p> (lines kept by <br>), inside a layout
    with navigation, a sidebar of other news and a footer. Not for a text whose sub-items are
    marked by indentation alone: <br> lines lose it (a page would nest its lists)."""
    if re.search(r"^[ \t]{2,}(?:[-–—•*]|\d{1,2}[.)]|[а-я][.)])\s", text, re.M):
        return None
    # (a Markdown heading's underline «=====» and a rule «---» are markup too)
    text = re.sub(r"^[ \t]*(?:={3,}|-{3,}|\*{3,})[ \t]*$", "", text, flags=re.M)
    paragraphs = [p for p in re.split(r"\n[ \t]*\n", text.strip()) if p.strip()]
    # (a Markdown hard break «\» at a line's end is markup, as the emphasis is, and so is the
    # backslash that escapes a character: «4\. Правлению …» is «4. Правлению …» on a page; an
    # entity «&nbsp;» stays an entity; a code span's backticks are markup, and so is strong
    # emphasis inside a line («**г. Пенза** · **12 марта**»); a bullet «* » is a dash the page
    # types)
    body = "\n".join(_table(p) if _is_table(p) else "<p>" + "<br>\n".join(html.escape(
        html.unescape(_MD_ESCAPE.sub("", _BULLET.sub("– ", line.rstrip().removesuffix(
            "\\"))).replace("`", "").replace("**", "")).strip(
            "*_ ").lstrip("#> ").strip("*_ "))
                                           for line in p.splitlines()) + "</p>"
                      for p in paragraphs)
    return ("<!DOCTYPE html><html lang=\"ru\"><head><meta charset=\"utf-8\"><title>Новость"
            "</title></head><body><nav class=\"menu\"><a href=\"/\">Главная</a> <a>Новости</a>"
            " <a>Контакты</a></nav><div class=\"crumbs\">Главная / Новости</div><main>"
            f"{body}</main><aside><h3>Другие новости</h3><p>15.02.2021</p><p>В Вологде прошёл "
            "семинар для сельских библиотекарей</p></aside><footer>© 2021 Библиотека. "
            "Тел.: 8 (8172) 72-33-45</footer></body></html>")


_MD_ESCAPE = re.compile(r"\\(?=[\\`*_{}\[\]()#+.!|-])")
_BULLET = re.compile(r"^[ \t]*[*+][ \t]+")


def _is_table(paragraph: str) -> bool:
    """A Markdown table: every line a row between pipes."""
    return all(line.strip().startswith("|") for line in paragraph.splitlines())


def _table(paragraph: str) -> str:
    """A Markdown table as a page shows it: an HTML table (its separator row left out)."""
    rows = []
    for line in paragraph.splitlines():
        cells = [c.strip().strip("*_ ") for c in line.strip().strip("|").split("|")]
        if all(re.fullmatch(r":?-*:?", c) for c in cells):
            continue
        rows.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in cells) + "</tr>")
    return "<table>" + "".join(rows) + "</table>"


def _emphasised_md(text: str, doc: dict[str, Any]) -> str | None:
    """Markdown: the heading in bold — the first line that opens with the document type (not a
    stamp «Принято на итоговом заседании …» above it)."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        hashes, words = re.match(r"(#*\s*)(.*)", line.strip()).groups()  # type: ignore[union-attr]
        if _HEADING_WORD.match(words.strip("*_ ")):
            lines[i] = f"{hashes}**{words.strip('*_ ')}**"  # («## **Резолюция …**»)
            return "\n".join(lines)
    return None


_HEADING_WORD = re.compile(r"(?:проект\s+)?(?:резолюци|рекомендаци|итогов\w*\s+документ"
                           r"|решени|обращени|р\s+е\s+з)", re.I)


#: Variant name → (transformation, suffix of the result or None for the original's).
VARIANTS: dict[str, tuple[Callable[[str, dict[str, Any]], str | None], str | None]] = {
    "date-first": (_relayout("date-first"), None),
    "place-first": (_relayout("place-first"), None),
    "tabs": (_relayout("tabs"), None),
    "spaces": (_relayout("spaces"), None),
    "parentheses": (_relayout("parentheses"), None),
    "emphasis": (_relayout("emphasis"), ".md"),
    "web-page": (_web_page, None),
    "bullets": (_bullets, None),
    "crlf": (_crlf, None),
    "html": (_to_html, ".html"),
    "markdown-bold-heading": (_emphasised_md, ".md"),
}
ENCODINGS = ("cp1251", "koi8-r")
_PLAIN = [(p, d) for p, d in DOCUMENTS if p.suffix in (".txt", ".md")]


def _facts(data: bytes, name: str) -> dict[str, Any]:
    media_type = FORMATS[Path(name).suffix]
    from resolutions_kg.loaders.parser import parse

    return reader_facts(parse(read_bytes(data, name=name, media_type=media_type)))


def _wrong(expected: dict[str, Any], observed: dict[str, Any]) -> dict[str, Any]:
    """The fields read otherwise than labelled (but for the loader's known misses)."""
    name = expected["file"]
    return {field: (expected.get(field), observed.get(field))
            for field, ok in compare(expected, observed).items()
            if not ok and (name, field) not in KNOWN_MISSES}


@pytest.mark.parametrize("variant", list(VARIANTS))
@pytest.mark.parametrize(("path", "doc"), _PLAIN, ids=[p.name for p, _ in _PLAIN])
def test_layout_variant_gives_the_same_facts(path: Path, doc: dict[str, Any],
                                             variant: str) -> None:
    transform, suffix = VARIANTS[variant]
    changed = transform(path.read_text(encoding="utf-8"), doc)
    if changed is None:
        pytest.skip(f"{variant} does not apply to {path.name}")
    name = path.stem + (suffix or path.suffix)
    assert _wrong(doc, _facts(changed.encode("utf-8"), name)) == {}


#: What a writer in a one-byte encoding types instead of what it lacks.
_PLAIN_TYPING = str.maketrans({"«": '"', "»": '"', "“": '"', "”": '"', "„": '"', "–": "-",
                               "—": "-", "…": "...", "№": "N", "\u00a0": " ", "’": "'",
                               "\u200b": "", "\u00ad": "", "•": "-"})


def _typed(value: Any, encoding: str) -> Any:
    """``value`` (and every string in it) as it reads in ``encoding``."""
    if isinstance(value, str):
        out = value.translate(_PLAIN_TYPING)
        return out.encode(encoding, errors="replace").decode(encoding)
    if isinstance(value, list):
        return [_typed(v, encoding) for v in value]
    if isinstance(value, dict):
        return {k: _typed(v, encoding) for k, v in value.items()}
    return value


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize(("path", "doc"), DOCUMENTS, ids=[p.name for p, _ in DOCUMENTS])
def test_encoding_gives_the_same_facts(path: Path, doc: dict[str, Any], encoding: str) -> None:
    """The document saved in a one-byte Cyrillic encoding (typographic characters the encoding
    lacks typed plainly, as such files have them) gives the same facts."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".html":  # the characters behind entities are typed plainly as well
        text = re.sub(r"&(laquo|raquo|mdash|ndash|bdquo|ldquo|rdquo);", lambda m: {
            "laquo": "«", "raquo": "»", "mdash": "—", "ndash": "–", "bdquo": "„",
            "ldquo": "“", "rdquo": "”"}[m.group(1)], text)
    lacking = {c for c in text.translate(_PLAIN_TYPING) if c.isalpha()
               and c.encode(encoding, errors="replace") == b"?"}
    if lacking:  # «Рухани жаңғыру»: no file in that encoding has those letters
        pytest.skip(f"{path.name} has letters {encoding} lacks: {''.join(sorted(lacking))}")
    text = _typed(text, encoding)
    if path.suffix == ".html":
        text = text.replace('charset="utf-8"', f'charset="{encoding}"')
    observed = _facts(text.encode(encoding), path.name)
    assert _wrong(_typed(doc, encoding), observed) == {}


def test_every_dateline_variant_applies_somewhere() -> None:
    """The rearrangements are not silently skipped everywhere."""
    for style in ("date-first", "place-first", "tabs", "parentheses"):
        transform = VARIANTS[style][0]
        applied = [p.name for p, d in _PLAIN if transform(p.read_text(encoding="utf-8"), d)]
        assert len(applied) >= 8, (style, applied)
