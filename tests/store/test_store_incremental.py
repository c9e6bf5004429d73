"""Incremental builds into a store equal a build from scratch."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.errors import NoDocumentsError
from graph.pipeline import build
from graph.store import build_into_store, dataset_graphs

from store_helpers import A, B, C, graphs_of, put, quads, remove  # type: ignore[import-not-found]

pytestmark = pytest.mark.slow


def test_add_change_remove_equals_a_scratch_build(corpus: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    put(corpus, A)
    put(corpus, B)
    first = build_into_store([corpus], store)
    assert (first.read, first.extracted, first.unchanged, first.removed) == (2, 2, 0, 0)

    put(corpus, C)
    put(corpus, B, edited=True)
    remove(corpus, A)
    second = build_into_store([corpus], store)
    assert (second.read, second.extracted, second.unchanged, second.removed) == (2, 2, 0, 1)

    build_into_store([corpus], tmp_path / "scratch")
    assert quads(store) == quads(tmp_path / "scratch")
    assert not any("/document/" + Path(A).stem.replace("_", "-") in g for g in graphs_of(store))


def test_store_equals_the_in_memory_build(corpus: Path, tmp_path: Path) -> None:
    for name in (A, B, C):
        put(corpus, name)
    build_into_store([corpus], tmp_path / "store")
    expected = {g: frozenset(str(t) for t in triples)
                for g, triples in dataset_graphs(build([corpus]).dataset).items()}
    got = {g.strip("<>"): triples for g, triples in graphs_of(tmp_path / "store").items()}
    assert got == expected


def test_rerun_skips_unchanged_documents_and_writes_nothing(corpus: Path, tmp_path: Path) -> None:
    put(corpus, A)
    put(corpus, C)
    build_into_store([corpus], tmp_path / "store")
    before = quads(tmp_path / "store")
    again = build_into_store([corpus], tmp_path / "store")
    assert (again.extracted, again.unchanged, again.graphs_written) == (0, 2, 0)
    assert quads(tmp_path / "store") == before


def test_a_new_extractor_re_extracts_every_document(corpus: Path, tmp_path: Path, monkeypatch) -> None:
    """Cached facts are keyed by the extractor's fingerprint: an upgrade never serves stale facts."""
    import graph.pipeline

    put(corpus, A)
    put(corpus, C)
    build_into_store([corpus], tmp_path / "store")
    monkeypatch.setattr(graph.pipeline, "extractor_fingerprint", lambda: "upgraded")
    again = build_into_store([corpus], tmp_path / "store")
    assert (again.extracted, again.unchanged) == (2, 0)
    cached = sorted(p.name for p in (tmp_path / "store" / "facts").iterdir())
    assert len(cached) == 4 and len({name.split(".")[0] for name in cached}) == 2  # facts and index; the stale pruned


def _facts(store: Path) -> set[str]:
    return {q.split()[0] for q in quads(store) if "/investment/" in q.split()[0]}


def test_a_fact_stated_by_a_removed_document_stays_while_another_supports_it(corpus: Path, tmp_path: Path) -> None:
    put(corpus, C)
    (corpus / "copy_of_c.txt").write_text((corpus / C).read_text(encoding="utf-8"), encoding="utf-8")
    build_into_store([corpus], tmp_path / "store")
    both = _facts(tmp_path / "store")
    remove(corpus, C)
    report = build_into_store([corpus], tmp_path / "store")
    assert report.removed == 1 and both and _facts(tmp_path / "store") == both
    remove(corpus, "copy_of_c.txt")
    put(corpus, A)
    build_into_store([corpus], tmp_path / "store")
    assert not _facts(tmp_path / "store") & both


def test_no_readable_document_leaves_the_store_untouched(corpus: Path, tmp_path: Path) -> None:
    put(corpus, A)
    build_into_store([corpus], tmp_path / "store")
    before = quads(tmp_path / "store")
    remove(corpus, A)
    with pytest.raises(NoDocumentsError, match="left as it was"):
        build_into_store([corpus], tmp_path / "store")
    assert quads(tmp_path / "store") == before
