"""Size and hostile input: limits that are clear errors, nothing that recursion or a zip bomb can
reach, mixed encodings named as such. Through the real CLI where a user would meet them."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from conftest import TVER

from resolutions_kg.errors import UnreadableInputError
from resolutions_kg.loaders import load_file, parse_text
from resolutions_kg.loaders.readers import read_bytes

RESKG = [str(Path(sys.executable).parent / "reskg")]


def reskg(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*RESKG, *args], capture_output=True, text=True, timeout=300)


def test_a_document_over_the_size_limit_is_refused_and_the_store_kept(tmp_path: Path) -> None:
    store = tmp_path / "store"
    assert reskg("load", str(TVER), "--store", str(store), "-q").returncode == 0
    before = reskg("export", "--store", str(store), "--format", "nquads").stdout
    big = tmp_path / "big.txt"
    big.write_text(TVER.read_text(encoding="utf-8") * 3, encoding="utf-8")
    run = reskg("load", str(big), "--store", str(store), "--max-document-size", "20000")
    assert run.returncode == 1
    assert f"{big}: the file is" in run.stderr
    assert "over the largest document accepted (20,000 bytes; --max-document-size)" in run.stderr
    assert reskg("export", "--store", str(store), "--format", "nquads").stdout == before


def test_the_size_limit_is_also_an_environment_variable(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RESKG_MAX_DOCUMENT_SIZE", "1000")
    with pytest.raises(UnreadableInputError, match="--max-document-size"):
        load_file(TVER)


def _docx_bomb(padding: int) -> bytes:
    """A real .docx with a resolution in it and a large, highly compressible extra part."""
    document = docx.Document()
    for line in TVER.read_text(encoding="utf-8").splitlines():
        document.add_paragraph(line.strip("*"))
    buffer = io.BytesIO()
    document.save(buffer)
    out = io.BytesIO()
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info))
        dst.writestr("word/media/padding.bin", b"\0" * padding)
    return out.getvalue()


def test_a_docx_that_unpacks_past_the_limit_is_refused_before_unpacking(
        tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.docx"
    bomb.write_bytes(_docx_bomb(60_000_000))
    assert bomb.stat().st_size < 1_000_000
    run = reskg("validate", str(bomb))
    assert run.returncode == 1
    assert "bomb.docx: the .docx unpacks to" in run.stderr
    assert "--max-document-size" in run.stderr


def test_a_docx_within_the_limit_still_reads() -> None:
    res = read_bytes(_docx_bomb(1000), name="ok.docx",
                     media_type="application/vnd.openxmlformats-officedocument"
                                ".wordprocessingml.document")
    assert "Тверь" in res.text


def test_deep_html_nesting_is_read_without_recursion() -> None:
    depth = 20_000
    page = ("<html><body>" + "<div>" * depth + "<h1>Резолюция конференции «Чтение»</h1>"
            "<p>Тверь, 25 октября 2012 г.</p><p>Конференция рекомендует:</p><ol>"
            "<li>Сохранить сеть библиотек.</li></ol>" + "</div>" * depth + "</body></html>")
    res = parse_text(page, name="deep.html", media_type="text/html")
    assert res.event.place is not None and res.event.place.value == "Тверь"
    assert len(res.recommendations) == 1


def test_mixed_encodings_are_named_as_such(tmp_path: Path) -> None:
    mixed = tmp_path / "mixed.txt"
    mixed.write_bytes("Резолюция конференции «Библиотеки и общество»\n".encode()
                      + "Тверь, 25 октября 2012 г.\n\nКонференция рекомендует:\n".encode("cp1251"))
    run = reskg("validate", str(mixed))
    assert run.returncode == 1
    assert f"{mixed}:2: mixed encodings: UTF-8 up to line 2" in run.stderr
