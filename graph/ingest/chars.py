"""One-for-one character normalisation of decoded text.

Evidence offsets index ``Document.text`` and must also point at the same
characters of ``Document.source_text``, so every replacement here maps one
code point to exactly one code point: the two strings always have equal length.
"""

from __future__ import annotations

import re

_SPACES = (
    "\u00a0"  # no-break space
    "\u1680"  # ogham space mark
    "\u2000\u2001\u2002\u2003\u2004\u2005\u2006"  # en/em quads and spaces
    "\u2007"  # figure space
    "\u2008"  # punctuation space
    "\u2009"  # thin space
    "\u200a"  # hair space
    "\u202f"  # narrow no-break space
    "\u205f"  # medium mathematical space
    "\u3000"  # ideographic space
)
_SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u2032"  # ‘ ’ ‚ ‛ ′
_DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u2033"  # “ ” „ ‟ ″
_LINE_BREAKS = "\u2028\u2029\u0085"  # line/paragraph separators, NEL

TRANSLATION: dict[int, str] = {
    **{ord(c): " " for c in _SPACES},
    **{ord(c): "'" for c in _SINGLE_QUOTES},
    **{ord(c): '"' for c in _DOUBLE_QUOTES},
    **{ord(c): "\n" for c in _LINE_BREAKS},
}


def normalize_chars(text: str) -> str:
    """Plain spaces and straight quotes, so patterns need not list variants.

    En and em dashes are kept: they carry meaning (ranges, asides).
    """
    # Only the few characters to replace are visited: ``str.translate`` with a dict looks every
    # character up (a third of reading a file; issue 11). Same result, one code point for one.
    return _REPLACED.sub(_replacement, text)


_REPLACED = re.compile("[" + re.escape("".join(map(chr, TRANSLATION))) + "]")


def _replacement(match: re.Match[str]) -> str:
    return TRANSLATION[ord(match.group())]


# "Read more: X signs deal in Y | Z explained": links to other articles, whose titles state no fact of this one
_LINK_LINE = re.compile(r"(?im)^[ \t]*(?:read (?:more|also)|also read|related(?: articles?| stories)?|see also|more on this)[ \t]*[:|\-–][^\n]*")


def blank_link_lines(text: str) -> str:
    """Lines that list other articles, blanked with spaces: the text keeps its length, so every
    offset into it still points into the file, and no fact is read from another story's title."""
    return _LINK_LINE.sub(lambda m: " " * len(m.group()), text)
