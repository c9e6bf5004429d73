"""Parse documents of any length: long ones in paragraph-aligned chunks.

Why: spaCy refuses texts over ``nlp.max_length`` (1,000,000 characters, error
E088), and its parser's memory and some pipeline components' time grow
faster than a text's length. A long document is therefore cut after paragraph
breaks into pieces of at most ``chunk_chars`` that concatenate back to the
exact text, each piece is parsed on its own, and the parsed pieces are joined
into one ``Doc`` whose text, token offsets and entity offsets are those of a
whole-text parse. Documents under the limit are parsed as before.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable, Iterator
from typing import Any

from graph.model import Document

CHUNK_CHARS = 20_000  # small pieces also bound the per-piece cost of quadratic components
# Cut points, best first: a blank line, a line break, a sentence end, any space.
_CUTS = (re.compile(r"\n[ \t]*\n\s*"), re.compile(r"\n\s*"), re.compile(r"[.!?][\"')\]]*\s+"), re.compile(r"\s+"))
# Doc-level extension values set by graph.nlp components: lists of (start, end)
# character pairs are shifted per piece; any other value is the first piece's
# (the dateline and byline sit at the top of an article).
SHIFTED_CHAR_LISTS = ("ticker_chars",)


def split_for_parsing(text: str, *, limit: int = CHUNK_CHARS) -> list[str]:
    """Pieces of ``text``, each at most ``limit`` characters, that join back to it exactly."""
    pieces: list[str] = []
    start = 0
    while len(text) - start > limit:
        end = _cut(text, start, start + limit)
        pieces.append(text[start:end])
        start = end
    pieces.append(text[start:])
    return pieces


def _cut(text: str, start: int, stop: int) -> int:
    """The end of the last best separator in ``text[start:stop]`` (past its half if possible)."""
    window = text[start:stop]
    for pattern in _CUTS:
        ends = [m.end() for m in pattern.finditer(window)]
        good = [e for e in ends if e >= len(window) // 2] or [e for e in ends if 0 < e < len(window)]
        if good:
            return start + good[-1]
    return stop


def parse_documents(nlp: Any, docs: Iterable[Document], *, batch_size: int = 16,
                    chunk_chars: int = CHUNK_CHARS) -> Iterator[tuple[Any, Document]]:
    """``(Doc, Document)`` pairs in input order, long documents parsed piece by piece."""
    chunk_chars = min(chunk_chars, nlp.max_length)

    def pieces() -> Iterator[tuple[str, tuple[Document, int, int]]]:
        for doc in docs:
            parts = split_for_parsing(doc.text, limit=chunk_chars)
            for i, part in enumerate(parts):
                yield part, (doc, i, len(parts))

    from graph.nlp import tokenized  # noqa: PLC0415 (graph.nlp loads spaCy)

    pending: list[Any] = []
    made = ((tokenized(nlp, text), context) for text, context in pieces())  # each piece's text kept with its doc
    for parsed, (document, index, count) in nlp.pipe(made, as_tuples=True, batch_size=batch_size):
        pending.append(parsed)
        if index == count - 1:
            yield (pending[0] if count == 1 else join_parsed(pending)), document
            pending = []


def join_parsed(parts: list[Any]) -> Any:
    """One Doc from parsed consecutive pieces of a text (offsets shifted, nothing lost)."""
    from spacy.tokens import Doc

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # W101: doc-level extension values, restored below
        joined = Doc.from_docs(parts, ensure_whitespace=False, exclude=["tensor"])
    offset = 0
    for part in parts:
        for key, value in part.user_data.items():
            if not (isinstance(key, tuple) and len(key) == 4 and key[0] == "._." and key[2] is None):
                continue
            name = key[1]
            if name in SHIFTED_CHAR_LISTS:
                shifted = tuple((s + offset, e + offset) for s, e in value)
                joined.user_data[key] = joined.user_data.get(key, ()) + shifted
            elif key not in joined.user_data:
                joined.user_data[key] = value
        offset += len(part.text)
    return joined
