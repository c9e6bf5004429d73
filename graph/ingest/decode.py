"""Bytes → str: BOMs, UTF-8, legacy code pages, and refusing binary junk.

News files come from many tools; a cp1252 export or a UTF-16 file from Word
must read as text, while a PDF renamed ``.txt`` must be reported, not turned
into mojibake that the NLP then "finds" entities in.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path
from typing import TYPE_CHECKING

from graph.errors import DecodeError

if TYPE_CHECKING:
    from charset_normalizer.models import CharsetMatch

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: same first bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF"),
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"PK\x03\x04", "ZIP (or DOCX/XLSX/EPUB)"),
    (b"\x1f\x8b", "gzip"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "MS Office (OLE)"),
    (b"\x7fELF", "ELF executable"),
    (b"Rar!\x1a\x07", "RAR"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip"),
    (b"{\\rtf", "RTF"),
)
# Western first: on a tie (the bytes decode to the same letters) prefer the
# code page English-language newsrooms actually used.
LEGACY_ENCODINGS: tuple[str, ...] = (
    "cp1252", "cp1250", "cp1251", "cp1253", "cp1254", "cp1257",
    "latin_1", "iso8859_15", "iso8859_2", "koi8_r",
)
_CHAOS_SLACK = 0.03
_COHERENCE_SLACK = 0.02
_MAX_CONTROL_RATIO = 0.05
# Control characters (Unicode category Cc: U+0000-001F, U+007F-009F) but tab, line feed, carriage
# return, form feed and vertical tab: one regex scan, not a category lookup per character (issue 11).
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_MAX_STRAY_SEQUENCES = 16
_WHATWG_ALIASES = {
    name: "cp1252" for name in ("iso-8859-1", "iso8859-1", "latin1", "latin-1", "us-ascii", "ascii")
}
_CONVERT = "save its text as a UTF-8 .txt file"
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)


def decode_bytes(data: bytes, *, path: Path, html: bool = False) -> str:
    """The text of ``data``, with line ends as ``\\n`` and no BOM.

    Raises :class:`DecodeError` for binary content or undetectable bytes.
    """
    _reject_signature(data, path=path)
    text = _decode_bom(data, path=path)
    if text is None:
        if b"\x00" in data:
            raise DecodeError(path, f"binary content (NUL bytes), not text; {_CONVERT}")
        text = _decode_without_bom(data, path=path, html=html)
    _reject_control_chars(text, path=path)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _reject_signature(data: bytes, *, path: Path) -> None:
    for magic, kind in _SIGNATURES:
        if data.startswith(magic):
            raise DecodeError(path, f"binary {kind} file, not text; {_CONVERT}")


def _decode_bom(data: bytes, *, path: Path) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding)
            except UnicodeDecodeError as e:
                reason = f"has a {encoding} byte-order mark but invalid bytes at {e.start}"
                raise DecodeError(path, f"{reason}; re-save it as UTF-8") from e
    return None


def _decode_without_bom(data: bytes, *, path: Path, html: bool) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    mostly_utf8 = _decode_mostly_utf8(data)
    if mostly_utf8 is not None:
        return mostly_utf8
    if html:
        declared = _declared_charset(data)
        if declared is not None:
            return declared
    return _detect_legacy(data, path=path)


def _decode_mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with a few stray cp1252 bytes, as pasted-together pages often are.

    Only when the valid part proves it is UTF-8 (it has multi-byte sequences);
    a file whose every non-ASCII byte is invalid is in a legacy code page.
    """
    valid: list[str] = []
    parts: list[str] = []
    position = 0
    for _ in range(_MAX_STRAY_SEQUENCES + 1):
        try:
            valid.append(data[position:].decode("utf-8"))
        except UnicodeDecodeError as e:
            valid.append(data[position: position + e.start].decode("utf-8"))
            stray = data[position + e.start: position + e.end]
            parts += [valid[-1], stray.decode("cp1252", "replace")]
            position += e.end
            continue
        parts.append(valid[-1])
        return "".join(parts) if not "".join(valid).isascii() else None
    return None


def _declared_charset(data: bytes) -> str | None:
    """Honour ``<meta charset>`` when the bytes really decode with it.

    Like browsers (WHATWG), read a declared latin-1 or ASCII as cp1252.
    """
    match = _META_CHARSET.search(data[:4096])
    if match is None:
        return None
    declared = match.group(1).decode("ascii").lower()
    try:
        return data.decode(_WHATWG_ALIASES.get(declared, declared))
    except (LookupError, UnicodeDecodeError):
        return None  # a wrong declaration: fall back to detection


def _detect_legacy(data: bytes, *, path: Path) -> str:
    import charset_normalizer  # lazy: its import builds large tables

    isolated = charset_normalizer.from_bytes(data, cp_isolation=list(LEGACY_ENCODINGS))
    matches = list(isolated)
    if not matches:
        best = charset_normalizer.from_bytes(data).best()
        if best is None:
            reason = "bytes are not text in any encoding we can detect"
            raise DecodeError(path, f"{reason}; re-save it as UTF-8")
        return str(best)
    return str(_pick_legacy(matches))


def _pick_legacy(matches: list[CharsetMatch]) -> CharsetMatch:
    """Least chaos, then most coherence, then our preference order."""
    least_chaos = min(m.chaos for m in matches)
    calm = [m for m in matches if m.chaos <= least_chaos + _CHAOS_SLACK]
    most_coherent = max(m.coherence for m in calm)
    good = [m for m in calm if m.coherence >= most_coherent - _COHERENCE_SLACK]
    return min(good, key=lambda m: _preference(m.encoding))


def _preference(encoding: str) -> int:
    try:
        return LEGACY_ENCODINGS.index(encoding)
    except ValueError:
        return len(LEGACY_ENCODINGS)


def _reject_control_chars(text: str, *, path: Path) -> None:
    if "\x00" in text:
        raise DecodeError(path, f"binary content (NUL characters), not text; {_CONVERT}")
    sample = text[:65536]
    controls = len(_CONTROL_CHARS.findall(sample))
    if sample and controls / len(sample) > _MAX_CONTROL_RATIO:
        share = f"{controls} of the first {len(sample)} characters are control characters"
        raise DecodeError(path, f"binary content ({share}), not text; {_CONVERT}")
