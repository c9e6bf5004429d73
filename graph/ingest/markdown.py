"""Markdown → plain text the NLP can read, and the title it declares.

No Markdown library: we need text, not HTML, and a line-by-line pass keeps the
paragraph structure (blank lines) the sentence splitter relies on.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
import dataclasses
from dataclasses import dataclass

from graph.ingest.metadata import Extracted, find_published, parse_full_date

_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_ATX = re.compile(r"^\s{0,3}#{1,6}(?:\s+(?P<text>.*?))?\s*#*\s*$")
_RULE = re.compile(r"^\s{0,3}(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,}|=+\s*)$")
_SETEXT = re.compile(r"^\s{0,3}(?:=+|-+)\s*$")
_REF_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S+")
_QUOTE = re.compile(r"^\s{0,3}(?:>\s?)+")
_ORDERED = re.compile(r"^\s*\d{1,9}[.)]\s+")
_BULLET = re.compile(r"^(\s*)[-*+]\s+(?:\[[ xX]\]\s+)?")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
_CODE_SPAN = re.compile(r"(`+)(.{1,1000}?)\1")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>~|])")
_PRIVATE = 0xE000  # escaped punctuation hides here while emphasis is stripped
# Each span is bounded (link text, URL, emphasis): an unclosed "[" or "**" would otherwise make every later
# one scan to the end of the line, quadratic on a long line (a 60 KB line took seconds).
_INLINE: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"!\[([^\[\]]{0,1000})\]\([^)]{0,2000}\)"), r"\1"),
    (re.compile(r"\[([^\[\]]{1,1000})\]\([^)]{0,2000}\)"), r"\1"),
    (re.compile(r"\[([^\[\]]{1,1000})\]\[[^\]]{0,1000}\]"), r"\1"),
    (re.compile(r"<((?:https?|ftp|mailto):[^>\s]+)>"), r"\1"),
    (re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>"), ""),
    (re.compile(r"(\*\*|__)(?=\S)(.{1,1000}?)(?<=\S)\1"), r"\2"),
    (re.compile(r"(?<![*\w])\*(?=[^\s*])(.{1,1000}?)(?<=[^\s*])\*(?![*\w])"), r"\1"),
    (re.compile(r"(?<![_\w])_(?=[^\s_])(.{1,1000}?)(?<=[^\s_])_(?![_\w])"), r"\1"),
    (re.compile(r"~~(?=\S)(.{1,1000}?)(?<=\S)~~"), r"\1"),
)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<body>.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_FRONT_FIELD = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)\s*:\s*(?P<value>.*?)\s*$", re.M)


def markdown_to_text(source: str) -> Extracted:
    """Headings, links and emphasis reduced to their words; code kept as text."""
    fields, body = _split_front_matter(source)
    headings: list[str] = []
    lines = _join_soft_breaks(_convert_lines(body.split("\n"), headings))
    text = "\n".join(lines).strip("\n")
    title = fields.get("title") or (headings[0] if headings else None)
    date_field = fields.get("date") or fields.get("published")
    published = parse_full_date(date_field) if date_field else None
    return Extracted(text=text, title=title, published=published or find_published(text))


def _split_front_matter(source: str) -> tuple[dict[str, str], str]:
    match = _FRONT_MATTER.match(source)
    if match is None:
        return {}, source
    fields = {
        m.group("key").lower(): m.group("value").strip("'\"")
        for m in _FRONT_FIELD.finditer(match.group("body"))
    }
    return fields, source[match.end():]


@dataclass(frozen=True, slots=True)
class _Line:
    """A converted line; soft-wrapped paragraph lines are joined later."""

    text: str
    starts_block: bool = False
    ends_block: bool = False


def _join_soft_breaks(lines: Iterator[_Line]) -> Iterator[str]:
    """Hard-wrapped paragraph lines → one line, so sentences are not cut."""
    current: _Line | None = None
    for line in lines:
        if current is not None and _continues(current, line):
            current = _Line(f"{current.text} {line.text.strip()}", current.starts_block,
                            line.ends_block)
            continue
        if current is not None:
            yield current.text
        current = line
    if current is not None:
        yield current.text


def _continues(previous: _Line, line: _Line) -> bool:
    return bool(
        previous.text.strip() and line.text.strip()
        and not previous.ends_block and not line.starts_block
    )


def _convert_lines(lines: list[str], headings: list[str]) -> Iterator[_Line]:
    """Converted lines, held back by one: a setext underline ends its heading."""
    fence: str | None = None
    pending = _Line("", ends_block=True)
    for line in lines:
        marker = _FENCE.match(line)
        if marker and (fence is None or marker.group(1)[0] == fence):
            fence = None if fence else marker.group(1)[0]
            pending = dataclasses.replace(pending, ends_block=True)
            continue
        converted = (
            _Line(line, starts_block=True, ends_block=True) if fence
            else _convert_line(line, pending, headings)
        )
        if converted is None:
            pending = dataclasses.replace(pending, ends_block=True)
            continue
        yield pending
        pending = converted
    yield pending


def _convert_line(line: str, previous: _Line, headings: list[str]) -> _Line | None:
    """The plain text of one line outside code fences; None drops it."""
    if _SETEXT.match(line) and previous.text.strip() and not previous.ends_block:
        headings.append(previous.text.strip())
        return None
    if _RULE.match(line) or _REF_DEF.match(line) or _TABLE_RULE.match(line):
        return None
    heading = _ATX.match(line)
    if heading:
        text = _inline(heading.group("text") or "")
        if text:
            headings.append(text)
        return _Line(text, starts_block=True, ends_block=True)
    hard_break = line.endswith(("  ", "\\"))
    starts = bool(_BULLET.match(line) or _ORDERED.match(line) or line.lstrip().startswith("|"))
    text = _inline(_BULLET.sub(r"\1", _QUOTE.sub("", line.rstrip("\\ \t"))))
    return _Line(text, starts_block=starts, ends_block=hard_break or text.rstrip().endswith("|"))


def _inline(line: str) -> str:
    """Inline markup removed; code spans keep their content untouched."""
    parts: list[str] = []
    last = 0
    for span in _CODE_SPAN.finditer(line):
        parts.append(_strip_inline(line[last:span.start()]))
        parts.append(span.group(2).strip())
        last = span.end()
    parts.append(_strip_inline(line[last:]))
    return "".join(parts)


def _strip_inline(segment: str) -> str:
    hidden = _ESCAPE.sub(lambda m: chr(_PRIVATE + ord(m.group(1))), segment)
    for pattern, replacement in _INLINE:
        hidden = pattern.sub(replacement, hidden)
    return "".join(
        chr(ord(c) - _PRIVATE) if _PRIVATE <= ord(c) < _PRIVATE + 128 else c for c in hidden
    )
