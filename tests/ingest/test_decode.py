from __future__ import annotations

from pathlib import Path

import pytest

from graph.errors import DecodeError
from graph.ingest.decode import decode_bytes

from ._paths import FIXTURES

LATIN = (
    "Serbia\u2019s caf\u00e9 society met the na\u00efve \u201cinvestors\u201d \u2013 "
    "Stellantis invested \u20ac190 million in the Kragujevac plant.\n"
)
SERBIAN = "Aleksandar Vu\u010di\u0107 met Xi Jinping in Belgrade on May 8, 2024.\n"


def _decode(name: str) -> str:
    path = FIXTURES / name
    return decode_bytes(path.read_bytes(), path=path)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("utf8_bom.txt", LATIN + SERBIAN),
        ("utf16_le.txt", LATIN + SERBIAN),
        ("utf16_be.txt", LATIN + SERBIAN),
        ("cp1252.txt", LATIN),
        ("latin1.txt", "M\u00fcnchen and Z\u00fcrich signed na\u00efve deals.\n"),
        ("crlf.txt", "Headline Of A Windows File\n\nFirst paragraph.\nSecond line.\n"),
    ],
    ids=["utf8-bom", "utf16-le", "utf16-be", "cp1252", "latin1", "crlf-to-lf"],
)
def test_fixture_decodes_to_its_text(name: str, expected: str) -> None:
    assert _decode(name) == expected


def test_bom_is_not_part_of_the_text() -> None:
    assert not _decode("utf8_bom.txt").startswith("\ufeff")


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Predsednik Aleksandar Vu\u010di\u0107 je rekao da \u0107e \u0161ef "
         "kineske dr\u017eave posetiti Srbiju. \u017delimo saradnju.\n" * 3, "cp1250"),
        ("Президент Сербии встретился с председателем Китая в Белграде.\n" * 3, "cp1251"),
        ("Serbia and China signed a deal worth €3 billion – it is “historic”.\n",
         "cp1252"),
    ],
    ids=["serbian-latin-cp1250", "russian-cp1251", "english-cp1252-euro"],
)
def test_legacy_code_page_is_detected(text: str, encoding: str) -> None:
    assert decode_bytes(text.encode(encoding), path=Path("x.txt")) == text


def test_utf8_with_a_few_stray_cp1252_bytes_keeps_its_utf8() -> None:
    data = "Vučić said “yes”.".encode() + b" caf\xe9 \x93quoted\x94"
    assert decode_bytes(data, path=Path("x.txt")) == "Vučić said “yes”. café “quoted”"


def test_declared_latin1_is_read_as_cp1252_like_browsers() -> None:
    page = '<html><head><meta charset="iso-8859-1"></head><body>“quoted” café</body></html>'
    decoded = decode_bytes(page.encode("cp1252"), path=Path("x.html"), html=True)
    assert decoded == page


def test_html_meta_charset_is_honoured() -> None:
    page = '<html><head><meta charset="windows-1250"></head><body>Vu\u010di\u0107</body></html>'
    decoded = decode_bytes(page.encode("cp1250"), path=Path("x.html"), html=True)
    assert decoded == page


@pytest.mark.parametrize(
    ("name", "needle"),
    [
        ("binary_nul.txt", "NUL"),
        ("binary_controls.txt", "control characters"),
        ("pdf_renamed.txt", "PDF"),
    ],
    ids=["nul-bytes", "control-chars", "pdf-signature"],
)
def test_binary_junk_raises_decode_error(name: str, needle: str) -> None:
    with pytest.raises(DecodeError) as caught:
        _decode(name)
    message = str(caught.value)
    assert needle in message
    assert name in message
    assert "\n" not in message


@pytest.mark.parametrize(
    "data",
    [b"\x89PNG\r\n\x1a\n\x00\x00", b"PK\x03\x04rest", b"\x1f\x8b\x08\x00"],
    ids=["png", "zip", "gzip"],
)
def test_known_binary_signatures_are_refused(data: bytes) -> None:
    with pytest.raises(DecodeError):
        decode_bytes(data, path=Path("renamed.txt"))


def test_a_few_stray_control_characters_are_tolerated() -> None:
    text = "A form feed\f and a bell\x07 in a long enough line of ordinary text.\n" * 3
    assert decode_bytes(text.encode("utf-8"), path=Path("x.txt")) == text


def test_invalid_utf16_after_bom_raises_decode_error() -> None:
    with pytest.raises(DecodeError, match="byte-order mark"):
        decode_bytes(b"\xff\xfe\x00\xd8", path=Path("x.txt"))
