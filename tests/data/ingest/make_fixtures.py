"""Write the byte-level ingest fixtures of this folder (run from anywhere).

Encodings and binary junk cannot be typed into a text editor reliably, so they
are generated from the strings below; ``tests/ingest/test_fixtures.py`` checks
the committed files still equal what this script writes.
"""

from __future__ import annotations

import codecs
from pathlib import Path

HERE = Path(__file__).resolve().parent

# Sentences in the style of the corpus; the accents and typographic quotes
# are what each encoding must get right.
LATIN = (
    "Serbia\u2019s caf\u00e9 society met the na\u00efve \u201cinvestors\u201d \u2013 "
    "Stellantis invested \u20ac190 million in the Kragujevac plant.\n"
)
SERBIAN = "Aleksandar Vu\u010di\u0107 met Xi Jinping in Belgrade on May 8, 2024.\n"


def fixtures() -> dict[str, bytes]:
    """File name → exact bytes."""
    return {
        "utf8_bom.txt": codecs.BOM_UTF8 + (LATIN + SERBIAN).encode("utf-8"),
        "utf16_le.txt": codecs.BOM_UTF16_LE + (LATIN + SERBIAN).encode("utf-16-le"),
        "utf16_be.txt": codecs.BOM_UTF16_BE + (LATIN + SERBIAN).encode("utf-16-be"),
        "cp1252.txt": LATIN.encode("cp1252"),
        "latin1.txt": "M\u00fcnchen and Z\u00fcrich signed na\u00efve deals.\n".encode("latin-1"),
        "crlf.txt": b"Headline Of A Windows File\r\n\r\nFirst paragraph.\r\nSecond line.\r\n",
        "binary_nul.txt": bytes(range(256)) * 4,
        "binary_controls.txt": bytes(range(1, 9)) * 64 + b"some words",
        "pdf_renamed.txt": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n",
        "empty.txt": b"",
        "whitespace.md": b"  \n\t\n   \n",
        "utf16_whitespace.txt": codecs.BOM_UTF16_LE + " \n \n".encode("utf-16-le"),
    }


def main() -> None:
    for name, data in fixtures().items():
        (HERE / name).write_bytes(data)


if __name__ == "__main__":
    main()
