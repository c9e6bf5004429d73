"""The one exception hierarchy of influence-kg.

Every error a user can meet is a subclass of :class:`KGError`; the CLI prints
its message on one line and exits non-zero. Messages say what to do next.
"""

from __future__ import annotations

_UNSAFE = {0x85: "\\x85", 0x2028: "\\u2028", 0x2029: "\\u2029"}


def printable(name: object) -> str:
    """``name`` with control characters escaped as Python would write them.

    Why: a file named ``x\nerror: …`` must not print a forged line (issue 9);
    ordinary non-ASCII letters stay as they are.
    """
    text = str(name)
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() or ch == " " else _escape(ch) for ch in text)


def _escape(ch: str) -> str:
    return _UNSAFE.get(ord(ch)) or repr(ch)[1:-1]


class KGError(Exception):
    """Base class of every error influence-kg raises on purpose."""


class IngestError(KGError):
    """A document could not be read; the message names the file and why."""

    def __init__(self, path: object, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{printable(self.path)}: {reason}")


class UnsupportedFileType(IngestError):
    """The file has an extension influence-kg does not read."""


class EmptyDocument(IngestError):
    """The file holds no text once decoded."""


class DecodeError(IngestError):
    """The bytes are not text in any encoding we can detect."""


class DocumentTooLarge(IngestError):
    """The file is bigger than the configured limit."""


class ExtractionFailed(IngestError):
    """Extraction stopped on one document (a fault of ours that the article met): that document is
    left out and named, the others are built."""

    def __init__(self, path: object, document_id: str, reason: str) -> None:
        super().__init__(path, reason)
        self.document_id = document_id
        self.args = (self.path, document_id, reason)  # what a worker process's result is rebuilt from

    def __str__(self) -> str:
        return f"{printable(self.path)}: {self.reason}"


class NoDocumentsError(KGError):
    """Not one document of the corpus could be read."""


class NormalizeError(KGError):
    """A value (money, date, percentage) could not be normalised."""


class GazetteerError(KGError):
    """The gazetteer file is malformed."""


class GraphFormatError(KGError):
    """A graph file or store has an unknown format or does not parse."""


class QueryError(KGError):
    """A SPARQL query is malformed or failed; the message holds the position."""


class UnknownQuery(QueryError):
    """A saved query name that does not exist."""


class ValidationError(KGError):
    """A graph does not conform to the SHACL shapes."""


class GoldFormatError(KGError):
    """A gold file does not follow the documented format."""


class StoreError(KGError):
    """A persistent store cannot be opened or written."""


class EndpointError(KGError):
    """A remote SPARQL endpoint refused or failed a request."""


class StoreCorrupted(StoreError):
    """The store's database files are damaged; it must be rebuilt."""


class StoreOutdated(StoreError):
    """The store lacks what this version reads and cannot be updated in place; rebuild it."""


class RenderError(KGError):
    """The network view could not be written."""
