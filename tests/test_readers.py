"""Readers: every format and encoding gives the same rendition facts; bad input is refused."""

from __future__ import annotations

import os
from pathlib import Path

import docx
import pytest

from resolutions_kg.errors import InputError, NotAResolutionError, UnreadableInputError
from resolutions_kg.loaders import SUPPORTED_SUFFIXES, load_file
from resolutions_kg.loaders.encoding import decode
from resolutions_kg.loaders.plaintext import join_broken_words
from resolutions_kg.loaders.readers import read_bytes, read_path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
TVER = (CORPUS / "tver-2012.txt").read_text(encoding="utf-8")
#: KOI8-R has no guillemets and no en dash: a KOI8-R file of the text uses ASCII ones.
KOI8_SAFE = str.maketrans({"«": '"', "»": '"', "–": "-"})


def test_supported_suffixes() -> None:
    assert set(SUPPORTED_SUFFIXES) >= {".txt", ".md", ".html", ".htm", ".docx"}


@pytest.mark.parametrize(
    ("encoding", "bom", "newline"),
    [
        ("utf-8", b"", "\n"),
        ("utf-8", b"\xef\xbb\xbf", "\n"),
        ("utf-8", b"", "\r\n"),
        ("utf-8", b"\xef\xbb\xbf", "\r\n"),
        ("cp1251", b"", "\n"),
        ("cp1251", b"", "\r\n"),
        ("koi8_r", b"", "\n"),
        ("koi8_r", b"", "\r"),
    ],
)
def test_tver_in_every_encoding_reads_to_the_same_rendition(
    tmp_path: Path, encoding: str, bom: bytes, newline: str
) -> None:
    text = TVER.translate(KOI8_SAFE) if encoding == "koi8_r" else TVER
    path = tmp_path / "tver.txt"
    path.write_bytes(bom + text.replace("\n", newline).encode(encoding))
    rendition = read_path(path)
    assert rendition.text == text
    assert rendition.source.encoding in (encoding, "utf-8-sig")
    res = load_file(path)
    assert res.event.place is not None and res.event.place.value == "Тверь"
    assert len(res.recommendations) == 12


@pytest.mark.parametrize("encoding", ["cp1251", "koi8_r"])
def test_short_russian_text_is_detected(encoding: str) -> None:
    text = "Резолюция семинара. Принята единогласно."
    assert decode(text.encode(encoding)) == (text, encoding)


def test_plain_text_keeps_markers_but_lines_exclude_them() -> None:
    path = CORPUS / "tver-2012.txt"
    rendition = read_path(path)
    assert rendition.text == TVER
    first = rendition.lines[0]
    assert rendition.line_text(first) == "Резолюция" and first.bold
    italic = [rendition.line_text(line) for line in rendition.lines if line.italic]
    assert italic == ["Органам местного самоуправления:", "Библиотекам муниципальных образований:"]


def test_markdown_is_rendered_without_emphasis_markers() -> None:
    rendition = read_path(CORPUS / "novgorod-2014.md")
    assert "**" not in rendition.text
    assert rendition.text.startswith("РЕЗОЛЮЦИЯ\n")
    headings = [line for line in rendition.lines if line.bold and line.marker]
    assert [(line.label, rendition.text[line.body : line.end]) for line in headings] == [
        ("1", "Министерству культуры Новгородской области:"),
        ("2", "Российской библиотечной ассоциации:"),
        ("3", "Библиотекам Новгородской области:"),
    ]
    assert "1.1. Разработать" in rendition.text


def test_markdown_headings_and_hashes(tmp_path: Path) -> None:
    path = tmp_path / "r.md"
    path.write_text("# Резолюция\n\n## Конференции «Х»\n\nТекст *курсив* и __жирный__.\n",
                    encoding="utf-8")
    rendition = read_path(path)
    assert rendition.text == "Резолюция\n\nКонференции «Х»\n\nТекст курсив и жирный.\n"
    assert [line.heading for line in rendition.lines] == [1, 2, None]


def test_html_blocks_lists_and_emphasis() -> None:
    rendition = read_path(CORPUS / "vologda-2013.html")
    texts = [rendition.line_text(line) for line in rendition.lines]
    assert texts[0].startswith("Резолюция круглого стола")
    assert rendition.lines[0].heading == 1
    items = [line for line in rendition.lines if line.list_item]
    assert [line.label for line in items] == ["1", "2", "3", "4"]
    assert "<" not in rendition.text and "Резолюция круглого стола\n" not in rendition.text[:30]


def test_html_nested_lists_bold_and_italic(tmp_path: Path) -> None:
    path = tmp_path / "r.htm"
    path.write_text(
        "<html><body><p><strong>Органам власти:</strong></p><ol><li>Первое"
        "<ol><li>вложенное</li></ol></li><li><em>Второе</em></li></ol>"
        "<ul><li>пункт</li></ul></body></html>",
        encoding="utf-8",
    )
    rendition = read_path(path)
    lines = {rendition.line_text(line): line for line in rendition.lines}
    assert lines["Органам власти:"].bold
    assert lines["Первое"].label == "1" and lines["вложенное"].label == "1.1"
    assert lines["Второе"].italic and lines["Второе"].label == "2"
    assert lines["пункт"].marker == "•" and lines["пункт"].label is None


def _write_docx(path: Path) -> None:
    document = docx.Document()
    document.add_heading("Резолюция", level=1)
    p = document.add_paragraph()
    p.add_run("семинара «Сельская библиотека сегодня»").bold = True
    document.add_paragraph("Тверь, 5 марта 2015 г.")
    document.add_paragraph("Семинар проведён Тверской областной библиотекой. В семинаре приняли "
                           "участие 40 человек.")
    document.add_paragraph("Участники семинара рекомендуют:")
    document.add_paragraph("Сохранить сельские библиотеки.", style="List Number")
    document.add_paragraph("Обновлять фонды сельских библиотек.", style="List Number")
    document.add_paragraph("Принято единогласно.")
    document.save(str(path))


def test_docx_paragraphs_styles_and_numbering(tmp_path: Path) -> None:
    path = tmp_path / "r.docx"
    _write_docx(path)
    rendition = read_path(path)
    assert rendition.lines[0].heading == 1
    assert rendition.lines[1].bold
    numbered = [line for line in rendition.lines if line.list_item]
    assert [rendition.line_text(line) for line in numbered] == [
        "Сохранить сельские библиотеки.", "Обновлять фонды сельских библиотек."]
    res = load_file(path)
    assert res.event.kind.value == "семинар"
    assert res.event.title is not None and res.event.title.value == "Сельская библиотека сегодня"
    assert [r.action.value for r in res.recommendations if r.action] == ["сохранить", "обновлять"]
    assert res.adopted is None and res.adopted_unanimously
    assert res.source.media_type.endswith("wordprocessingml.document")


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("empty.txt", b""),
        ("blank.txt", b"  \n\r\n\t"),
        ("nul.txt", "Резолюция\x00\x00\x00".encode()),
        ("binary.txt", bytes(range(256)) * 4),
        ("garbage.txt", bytes([0x80 + (i * 7) % 64 for i in range(400)])),
        ("broken.docx", b"PK\x03\x04 not really a zip"),
        ("empty.docx", b""),
        ("image.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
    ],
)
def test_unreadable_input_is_refused_with_the_path(tmp_path: Path, name: str, data: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(UnreadableInputError) as info:
        load_file(path)
    assert info.value.path is not None and name in info.value.path


def test_invalid_utf8_that_is_no_russian_text_is_refused(tmp_path: Path) -> None:
    # «é» in Latin-1: not UTF-8, and as cp1251/KOI8-R it is no Russian text either
    path = tmp_path / "latin.txt"
    path.write_bytes("Résolution adoptée à l'unanimité, café crème.".encode("latin-1"))
    with pytest.raises(InputError):
        load_file(path)


@pytest.mark.parametrize("suffix", [".pdf", ".rtf", ".doc", ""])
def test_unsupported_suffix(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"resolution{suffix}"
    path.write_text(TVER, encoding="utf-8")
    with pytest.raises(UnreadableInputError, match="unsupported"):
        load_file(path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(UnreadableInputError):
        load_file(tmp_path / "nothing.txt")


@pytest.mark.parametrize(
    "text",
    [
        "Погода в Твери 25 октября 2012 г. была солнечной.\n",
        "Список покупок:\n1. Хлеб.\n2. Молоко.\n",
        "Lorem ipsum dolor sit amet.\n",
    ],
)
def test_readable_text_that_is_no_resolution(tmp_path: Path, text: str) -> None:
    path = tmp_path / "note.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(NotAResolutionError) as info:
        load_file(path)
    assert info.value.path == os.fspath(path.name) or str(path.name) in str(info.value)


@pytest.mark.parametrize(("text", "rendered"), [
    # a soft hyphen of a text copied from Word or a PDF: the word is joined on the first line
    ("по инициативе библиоте-\nки имени", "по инициативе библиотеки\nимени"),
    ("Органи-\nзаторы семинара", "Организаторы\nсеминара"),
    # what followed the word stays on its line: a colon at a line's end opens a list
    ("38 – ди-\n  станционно: специалисты", "38 – дистанционно\n  : специалисты"),
    # … unless the word's rest was all of its line; the next broken word is joined too
    ("Ненецкого окру-\nга:\n1) пред-\nусмотреть. Засе-\nдания", "Ненецкого округа:\n1) "
     "предусмотреть\n. Заседания"),
    # the hyphen of a compound whose join is no word, and before a capital, stays
    ("историко-\nхудожественный музей", "историко-художественный\nмузей"),
    ("в г. Нарьян-\nМаре", "в г. Нарьян-Маре"),
    # a dash between words, and a hyphen before a digit, are no broken words
    ("участники -\nпредставители", "участники -\nпредставители"),
    ("2020-\n2021 годы", "2020-\n2021 годы"),
])
def test_words_broken_at_line_ends_are_joined(text: str, rendered: str) -> None:
    assert join_broken_words(text) == rendered


def test_a_broken_word_in_html_is_joined_across_its_br() -> None:
    page = "<p>Органи-<br>\nзаторы семинара – Ненецкая центральная библиотека</p>"
    rendition = read_bytes(page.encode(), name="p.html", media_type="text/html")
    assert "Организаторы" in rendition.source.text
    # a plain text keeps «<br>» as written: it is no line break there
    assert join_broken_words("Органи-<br>\nзаторы") == "Органи-<br>\nзаторы"
