from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graph.errors import (
    DecodeError,
    DocumentTooLarge,
    EmptyDocument,
    IngestError,
    UnsupportedFileType,
)
from graph.ingest import SUPPORTED_SUFFIXES, iter_documents, normalize_chars, read_document

from ._paths import CORPUS, FIXTURES

SAMPLES = sorted(CORPUS.glob("*.txt"))


def test_supported_suffixes() -> None:
    assert SUPPORTED_SUFFIXES == {".txt", ".text", ".md", ".markdown", ".html", ".htm"}


@pytest.mark.parametrize(
    ("name", "doc_id", "title", "published"),
    [
        ("000_thewesternbalkans_stellantis.txt", "000-thewesternbalkans-stellantis", None, None),
        ("001_stocktwits_stellantis.txt", "001-stocktwits-stellantis",
         "China Steps Up For Stellantis After Serbia's Push; Xi Pledges Faster EV Export Permits",
         dt.date(2025, 7, 2)),
        ("002_serbia_china_balkans.txt", "002-serbia-china-balkans",
         "Serbia: A Central Piece of China's Presence in the Balkans", None),
    ],
    ids=["000", "001", "002"],
)
def test_sample_article_metadata(name: str, doc_id: str, title: str | None, published) -> None:
    document = read_document(CORPUS / name)
    assert (document.id, document.file_name, document.title, document.published) == (
        doc_id, name, title, published,
    )


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name[:3])
def test_sample_text_is_normalised_without_shifting_offsets(path: Path) -> None:
    document = read_document(path)
    assert document.source_text == path.read_text(encoding="utf-8")
    assert len(document.text) == len(document.source_text)
    assert "\u00a0" not in document.text and "\u2019" not in document.text
    step = max(1, len(document.text) // 50)
    for i in range(0, len(document.text), step):
        j = min(len(document.text), i + 37)
        assert document.text[i:j] == normalize_chars(document.source_text[i:j])


def test_002_non_breaking_spaces_become_spaces_in_place() -> None:
    document = read_document(CORPUS / "002_serbia_china_balkans.txt")
    positions = [i for i, c in enumerate(document.source_text) if c == "\u00a0"]
    assert positions, "002 is the sample with non-breaking spaces"
    assert all(document.text[i] == " " for i in positions)


def test_sha256_is_of_the_file_bytes() -> None:
    import hashlib

    path = CORPUS / "001_stocktwits_stellantis.txt"
    assert read_document(path).sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize(
    ("name", "error"),
    [
        ("empty.txt", EmptyDocument),
        ("whitespace.md", EmptyDocument),
        ("utf16_whitespace.txt", EmptyDocument),
        ("scripts_only.html", EmptyDocument),
        ("binary_nul.txt", DecodeError),
        ("pdf_renamed.txt", DecodeError),
        ("make_fixtures.py", UnsupportedFileType),
    ],
    ids=["empty", "whitespace-only", "utf16-whitespace", "html-without-text", "binary",
         "pdf-renamed", "unsupported-suffix"],
)
def test_bad_file_raises_one_line_error_naming_it(name: str, error: type[IngestError]) -> None:
    with pytest.raises(error) as caught:
        read_document(FIXTURES / name)
    message = str(caught.value)
    assert name in message and "\n" not in message
    assert caught.value.path == str(FIXTURES / name)


def test_too_large_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("Serbia. " * 200, encoding="utf-8")
    with pytest.raises(DocumentTooLarge, match=r"big\.txt: 1,600 bytes, over the limit of 1,000"):
        read_document(path, max_bytes=1000)
    assert read_document(path, max_bytes=1600).text.startswith("Serbia.")


@pytest.mark.parametrize(
    ("name", "title"),
    [("article.html", "Serbia and China sign free trade deal"),
     ("article.md", "Zijin Mining expands in Bor"),
     ("frontmatter.markdown", "Linglong tyre factory opens in Zrenjanin")],
    ids=["html", "md", "markdown"],
)
def test_other_formats_keep_text_and_source_aligned(name: str, title: str) -> None:
    document = read_document(FIXTURES / name)
    assert document.title == title
    assert len(document.text) == len(document.source_text)


def test_missing_file_raises_ingest_error(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="no such file"):
        read_document(tmp_path / "gone.txt")


def _mixed_folder(root: Path) -> Path:
    """good files at two depths, one broken, one unsupported, hidden ones."""
    (root / "sub").mkdir(parents=True)
    (root / ".git").mkdir()
    (root / ".git" / "notes.txt").write_text("hidden folder text", encoding="utf-8")
    (root / ".draft.txt").write_text("hidden file text", encoding="utf-8")
    shutil.copy(CORPUS / "001_stocktwits_stellantis.txt", root / "b_article.txt")
    shutil.copy(FIXTURES / "article.md", root / "sub" / "a_article.md")
    shutil.copy(FIXTURES / "binary_nul.txt", root / "c_broken.txt")
    shutil.copy(FIXTURES / "article.html", root / "sub" / "z_page.HTML")
    (root / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0")
    return root


def test_folder_with_bad_files_still_yields_the_good_ones(tmp_path: Path, errors: list) -> None:
    folder = _mixed_folder(tmp_path / "corpus")
    documents = list(iter_documents([folder], on_error=errors.append))
    assert [d.file_name for d in documents] == ["b_article.txt", "a_article.md", "z_page.HTML"]
    assert [type(e) for e in errors] == [DecodeError, UnsupportedFileType]
    assert [Path(e.path).name for e in errors] == ["c_broken.txt", "photo.jpg"]
    assert all("\n" not in str(e) and Path(e.path).name in str(e) for e in errors)


def test_linked_folder_is_reported_not_followed(tmp_path: Path, errors: list) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "a.txt").write_text("Serbia.", encoding="utf-8")
    (tmp_path / "real" / "loop").symlink_to(tmp_path / "real")
    documents = list(iter_documents([tmp_path / "real"], on_error=errors.append))
    assert [d.file_name for d in documents] == ["a.txt"]
    assert len(errors) == 1 and "loop: symbolic link to a folder" in str(errors[0])


def test_order_and_ids_are_deterministic(tmp_path: Path) -> None:
    folder = _mixed_folder(tmp_path / "corpus")
    runs = [
        [(d.id, d.sha256) for d in iter_documents([folder], on_error=lambda e: None)]
        for _ in range(2)
    ]
    assert runs[0] == runs[1]
    assert [doc_id for doc_id, _ in runs[0]] == ["b-article", "a-article", "z-page"]


def test_same_slug_twice_gets_a_path_hash_suffix(tmp_path: Path) -> None:
    for sub in ("one", "two"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "Report.txt").write_text(f"Report {sub} text.", encoding="utf-8")
    (tmp_path / "two" / "report.md").write_text("Markdown report.", encoding="utf-8")
    ids = [d.id for d in iter_documents([tmp_path], on_error=lambda e: None)]
    assert ids[0] == "report"
    assert len(set(ids)) == 3 and all(i.startswith("report-") for i in ids[1:])
    moved = tmp_path.rename(tmp_path.parent / "elsewhere")
    assert [d.id for d in iter_documents([moved], on_error=lambda e: None)] == ids


def test_missing_path_is_reported_and_the_rest_read(tmp_path: Path, errors: list) -> None:
    missing = tmp_path / "missing"
    documents = list(iter_documents([missing, CORPUS / SAMPLES[0].name], on_error=errors.append))
    assert [d.file_name for d in documents] == [SAMPLES[0].name]
    assert len(errors) == 1 and "missing: no such file or folder" in str(errors[0])


def test_explicit_file_with_unsupported_suffix_is_reported(errors: list) -> None:
    assert list(iter_documents([FIXTURES / "make_fixtures.py"], on_error=errors.append)) == []
    assert [type(e) for e in errors] == [UnsupportedFileType]


def test_file_listed_twice_is_read_once(errors: list) -> None:
    documents = list(iter_documents([CORPUS, SAMPLES[1]], on_error=errors.append))
    assert [d.file_name for d in documents] == [p.name for p in SAMPLES]
    assert errors == []


def test_documents_are_streamed_one_at_a_time(tmp_path: Path, errors: list) -> None:
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(f"Text of {name}.", encoding="utf-8")
    stream = iter_documents([tmp_path], on_error=errors.append)
    assert next(stream).file_name == "a.txt"
    os.remove(tmp_path / "b.txt")  # not read yet, so its loss shows up as an error
    assert list(stream) == []
    assert len(errors) == 1 and "b.txt" in str(errors[0])


def test_max_bytes_applies_to_every_file(tmp_path: Path, errors: list) -> None:
    (tmp_path / "small.txt").write_text("Small.", encoding="utf-8")
    (tmp_path / "large.txt").write_text("Large text. " * 100, encoding="utf-8")
    documents = list(iter_documents([tmp_path], on_error=errors.append, max_bytes=100))
    assert [d.file_name for d in documents] == ["small.txt"]
    assert [type(e) for e in errors] == [DocumentTooLarge]


_MARKUP = "<>/ab pdivscript=\"'!-#*_[]()`~|\n\u00a0\u2019&;"


@settings(max_examples=150, deadline=None)
@given(
    data=st.one_of(
        st.binary(max_size=300),
        st.text(max_size=300).map(str.encode),
        st.text(alphabet=_MARKUP, max_size=200).map(str.encode),
    ),
    suffix=st.sampled_from([".txt", ".md", ".html"]),
)
def test_any_bytes_give_a_document_or_a_one_line_ingest_error(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"fuzz{suffix}"
        path.write_bytes(data)
        try:
            document = read_document(path)
        except IngestError as e:
            assert "\n" not in str(e) and "fuzz" in str(e)
            return
        assert len(document.text) == len(document.source_text)
        assert document.text.strip()
