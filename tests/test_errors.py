"""Bad input gives one Swedish line on stderr and exit code 1 – never a traceback."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile

import pytest
from conftest import FIXTURES, REALDOCS

from remissdraft.cli import main


def _run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _assert_one_swedish_line(code: int, err: str, *words: str) -> None:
    assert code == 1
    lines = [line for line in err.strip().splitlines() if line.strip()]
    assert len(lines) == 1 and "Traceback" not in err
    assert err.startswith("Fel:")
    for word in words:
        assert word in err


def test_missing_file(capsys, tmp_path):
    code, _, err = _run(capsys, "sections", str(tmp_path / "finns-inte.pdf"))
    _assert_one_swedish_line(code, err, "finns inte")


def test_zero_byte_file(capsys, tmp_path):
    empty = tmp_path / "tom.pdf"
    empty.write_bytes(b"")
    code, _, err = _run(capsys, "sections", str(empty))
    _assert_one_swedish_line(code, err, "tom")


def test_unsupported_type(capsys, tmp_path):
    other = tmp_path / "remiss.xyz"
    other.write_text("text")
    code, _, err = _run(capsys, "sections", str(other))
    _assert_one_swedish_line(code, err, "stöds inte")


def test_corrupt_docx(capsys, tmp_path):
    broken = tmp_path / "trasig.docx"
    broken.write_bytes(b"PK\x03\x04" + b"\x00" * 300)
    code, _, err = _run(capsys, "sections", str(broken))
    _assert_one_swedish_line(code, err, "skadad")


def test_docx_that_is_a_zip_without_a_document(capsys, tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hej.txt", "inte word")
    broken = tmp_path / "zip.docx"
    broken.write_bytes(buffer.getvalue())
    code, _, err = _run(capsys, "sections", str(broken))
    _assert_one_swedish_line(code, err, "skadad")


def test_corrupt_pdf(capsys, tmp_path):
    broken = tmp_path / "trasig.pdf"
    broken.write_bytes(b"%PDF-1.7\n" + b"garbage" * 100)
    code, _, err = _run(capsys, "sections", str(broken))
    _assert_one_swedish_line(code, err, "skadad")


def test_binary_file_named_txt(capsys, tmp_path):
    binary = tmp_path / "bild.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    code, _, err = _run(capsys, "sections", str(binary))
    _assert_one_swedish_line(code, err, "inte en textfil")


@pytest.mark.skipif(not (FIXTURES / "encrypted.pdf").exists(), reason="fixture saknas")
def test_encrypted_pdf(capsys):
    code, _, err = _run(capsys, "sections", str(FIXTURES / "encrypted.pdf"))
    _assert_one_swedish_line(code, err, "lösenordsskyddad")


@pytest.mark.skipif(not (FIXTURES / "scanned.pdf").exists(), reason="fixture saknas")
def test_scanned_pdf_fixture(capsys):
    code, _, err = _run(capsys, "sections", str(FIXTURES / "scanned.pdf"))
    _assert_one_swedish_line(code, err, "PDF-filen saknar textlager – den behöver OCR-tolkas först")


@pytest.mark.skipif(not REALDOCS.is_dir(), reason="../shared/realdocs saknas")
def test_real_scanned_pdf_needs_ocr():
    """Run as a user would: a separate process, checking nothing but one line reaches stderr."""
    scanned = REALDOCS / "lansstyrelsen_vg_granskningsyttrande_scanned.pdf"
    result = subprocess.run(
        [sys.executable, "-m", "remissdraft.cli", "sections", str(scanned)], capture_output=True, text=True
    )
    assert result.returncode == 1
    assert result.stdout == ""
    assert "PDF-filen saknar textlager – den behöver OCR-tolkas först" in result.stderr
    assert "Traceback" not in result.stderr


def test_usage_error_exits_2(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["sections"])
    assert exit_info.value.code == 2
    assert "följande argument krävs" in capsys.readouterr().err
