"""Paths → :class:`Document`: one file at a time, never stopping the corpus.

A corpus of scraped news always holds a few bad files; one of them must cost
a warning, not the build. So :func:`iter_documents` reports every problem
through ``on_error`` and goes on, and streams documents so memory stays flat
however large the corpus is.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path, PurePath

from graph.errors import DocumentTooLarge, EmptyDocument, IngestError, UnsupportedFileType
from graph.ingest.chars import blank_link_lines, normalize_chars
from graph.ingest.decode import decode_bytes
from graph.ingest.html import html_to_text
from graph.ingest.ids import IdAllocator, doc_id_for
from graph.ingest.markdown import markdown_to_text
from graph.ingest.metadata import Extracted, find_published, guess_title
from graph.model import Document

DEFAULT_MAX_BYTES = 20_000_000
_KINDS: dict[str, str] = {
    ".txt": "text", ".text": "text",
    ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html",
}
SUPPORTED_SUFFIXES: frozenset[str] = frozenset(_KINDS)

ErrorHandler = Callable[[IngestError], None]


def read_document(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """The document in the file at ``path``; raises an :class:`IngestError`."""
    path = Path(path)
    kind = _kind(path)
    data = _read_bytes(path, max_bytes=max_bytes)
    decoded = decode_bytes(data, path=path, html=kind == "html")
    if not decoded.strip():
        raise EmptyDocument(path, "empty document (no text); add text or remove the file")
    extracted = _extract(kind, decoded, path=path)
    if not extracted.text.strip():
        raise EmptyDocument(path, "no article text in the page; check it is not only menus/scripts")
    return Document(
        id=doc_id_for(path),
        file_name=path.name,
        text=blank_link_lines(normalize_chars(extracted.text)),
        source_text=extracted.text,
        sha256=hashlib.sha256(data).hexdigest(),
        title=_clean_title(extracted.title),
        published=extracted.published,
        path=path,
    )


def iter_documents(
    paths: Iterable[str | Path],
    *,
    on_error: ErrorHandler,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Document]:
    """Documents of files and folders (recursively, in sorted order).

    Bad files, unsupported files inside folders and missing paths go to
    ``on_error``; a file listed twice is read once. Ids are unique per call.
    """
    ids = IdAllocator()
    seen: set[Path] = set()
    for raw in paths:
        for file, relative in _files(Path(raw), on_error=on_error):
            resolved = Path(os.path.realpath(file))  # Path.resolve raises on a link loop
            if resolved in seen:
                continue
            seen.add(resolved)
            try:
                document = read_document(file, max_bytes=max_bytes)
            except IngestError as e:
                on_error(e)
                continue
            unique = ids.allocate(document.id, relative_path=relative)
            yield dataclasses.replace(document, id=unique)


def _kind(path: Path) -> str:
    try:
        return _KINDS[path.suffix.lower()]
    except KeyError:
        raise _unsupported(path) from None


def _read_bytes(path: Path, *, max_bytes: int) -> bytes:
    """The file's bytes; the size is checked before anything is read."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise IngestError(path, "not a regular file; pass a text, Markdown or HTML file")
        _check_size(path, info.st_size, max_bytes=max_bytes)
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except FileNotFoundError as e:
        raise IngestError(path, "no such file; check the path") from e
    except OSError as e:
        raise IngestError(path, f"cannot be read ({e.strerror}); check its permissions") from e
    _check_size(path, len(data), max_bytes=max_bytes)
    return data


def _check_size(path: Path, size: int, *, max_bytes: int) -> None:
    if size > max_bytes:
        reason = f"{size:,} bytes, over the limit of {max_bytes:,}"
        raise DocumentTooLarge(path, f"{reason}; split the file or raise max_bytes")


def _extract(kind: str, decoded: str, *, path: Path) -> Extracted:
    if kind == "html":
        return html_to_text(decoded, path=path)
    if kind == "markdown":
        return markdown_to_text(decoded)
    title = guess_title(normalize_chars(decoded))
    return Extracted(text=decoded, title=title, published=find_published(decoded))


def _clean_title(title: str | None) -> str | None:
    if not title:
        return None
    return " ".join(normalize_chars(title).split()) or None


def _files(root: Path, *, on_error: ErrorHandler) -> Iterator[tuple[Path, PurePath]]:
    """Files to read under ``root``, each with the path its id hash uses."""
    if root.is_dir():
        for file in _walk(root, on_error=on_error):
            yield file, file.relative_to(root)
    elif root.exists() or root.is_symlink():
        yield root, PurePath(root.as_posix())
    else:
        on_error(IngestError(root, "no such file or folder; check the path"))


def _walk(folder: Path, *, on_error: ErrorHandler) -> Iterator[Path]:
    """Supported files, depth first in name order; hidden entries skipped.

    Symbolic links to folders are not followed, so a link loop cannot hang.
    """
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except OSError as e:
        reason = f"cannot list this folder ({e.strerror})"
        on_error(IngestError(folder, f"{reason}; check its permissions"))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(path, on_error=on_error)
        elif _broken_link(entry):
            on_error(IngestError(path, "symbolic link loop or dangling link; fix or remove it"))
        elif entry.is_dir():
            reason = "symbolic link to a folder, not followed"
            on_error(IngestError(path, f"{reason}; pass the folder it points to instead"))
        elif path.suffix.lower() in SUPPORTED_SUFFIXES:
            yield path
        else:
            on_error(_unsupported(path))


def _unsupported(path: Path) -> UnsupportedFileType:
    shown = repr(path.suffix) if path.suffix else "(no extension)"
    supported = ", ".join(sorted(SUPPORTED_SUFFIXES))
    reason = f"unsupported file type {shown}"
    return UnsupportedFileType(path, f"{reason}; convert it to one of {supported}")


def _broken_link(entry: os.DirEntry[str]) -> bool:
    """A link whose target cannot be reached (following a loop raises ELOOP)."""
    if not entry.is_symlink():
        return False
    try:
        os.stat(entry.path)
    except OSError:
        return True
    return False
