"""Ingest: files and folders → :class:`graph.model.Document` objects.

Decoding (UTF-8/16, legacy code pages), HTML and Markdown to text, title and
publication date, one-for-one character normalisation, stable ids.
"""

from graph.ingest.chars import normalize_chars
from graph.ingest.ids import slugify
from graph.ingest.reader import (
    DEFAULT_MAX_BYTES,
    SUPPORTED_SUFFIXES,
    iter_documents,
    read_document,
)

__all__ = [
    "DEFAULT_MAX_BYTES",
    "SUPPORTED_SUFFIXES",
    "iter_documents",
    "normalize_chars",
    "read_document",
    "slugify",
]
