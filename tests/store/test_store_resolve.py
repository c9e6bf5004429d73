"""A store resolved from per-document indexes, a batch at a time, equals resolving every
document's facts at once (issue 11: incremental resolution from the store).

The oracle is the build before issue 11: ``resolve`` over every cached document's facts,
``corpus_to_dataset`` and the aggregates, i.e. what ``kg build --output`` writes.
"""

from __future__ import annotations

import gc
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from graph.aggregates import add_aggregates
from graph.errors import StoreError
from graph.ingest import iter_documents, read_document
from graph.keys import base_key
from graph.model import (ActorKind, ActorRef, DocumentFacts, Event, Evidence, Investment, Mention, Money,
                         PartialDate)
from graph.rdf.serialize import corpus_to_dataset
from graph.resolve import resolve, resolve_refs
from graph.store import StoreDir, build_into_store, dataset_graphs
from graph.store_resolve import (_tabled, batch_graphs, forget_names, load_index, resolution_for,
                                  resolve_indexes)
from graph.validate import validate

from store_helpers import SAMPLES, graphs_of  # type: ignore[import-not-found]

DEV = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "dev"
ADDED = "\n\nOn 3 March 2025 Qorvane Holdings agreed to invest 250 million dollars in the Tarsk steel plant.\n"


def scratch(corpus: Path, store: Path) -> dict[str, frozenset[str]]:
    """The graphs of resolving every document's cached facts at once (the oracle)."""
    sdir = StoreDir(store)
    kept = [sdir.load_facts(d.without_text()) for d in iter_documents([corpus], on_error=lambda e: None)]
    dataset = corpus_to_dataset(resolve(kept))
    add_aggregates(dataset)
    return {g: frozenset(str(t) for t in triples) for g, triples in dataset_graphs(dataset).items()}


def stored(store: Path) -> dict[str, frozenset[str]]:
    return {g.strip("<>"): triples for g, triples in graphs_of(store).items()}


# --------------------------------------------------------------------------
# Real articles: the sample corpus and the dev corpus


@pytest.fixture(scope="module")
def real(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """v1: the sample and 30 dev articles; v2: 8 of those removed, the rest added, 4 edited."""
    if not DEV.is_dir():
        pytest.skip(f"{DEV}: no dev corpus here")
    root = tmp_path_factory.mktemp("real")
    dev = sorted(DEV.glob("*.txt"))
    v1, v2 = root / "v1", root / "v2"
    for folder, files in ((v1, [*SAMPLES.glob("*.txt"), *dev[:30]]), (v2, [*SAMPLES.glob("*.txt"), *dev[8:]])):
        folder.mkdir()
        for path in files:
            shutil.copyfile(path, folder / path.name)
    for path in sorted(v2.glob("*.txt"))[::9][:4]:
        path.write_text(path.read_text(encoding="utf-8") + ADDED, encoding="utf-8")
    return {"root": root, "v1": v1, "v2": v2}


@pytest.mark.slow
def test_sample_and_dev_corpus_add_edit_remove_equal_a_full_resolution(real: dict[str, Path]) -> None:
    store = real["root"] / "store"
    build_into_store([real["v1"]], store)
    assert stored(store) == scratch(real["v1"], store)
    report = build_into_store([real["v2"]], store)
    names = {folder: {p.name for p in real[folder].iterdir()} for folder in ("v1", "v2")}
    edited = {p.name for p in real["v2"].iterdir() if ADDED.strip() in p.read_text(encoding="utf-8")}
    assert (report.removed, report.extracted) == (8, len(names["v2"] - names["v1"]) + len(edited & names["v1"]))
    assert stored(store) == scratch(real["v2"], store)
    again = build_into_store([real["v2"]], store)
    assert (again.extracted, again.graphs_written) == (0, 0)


@pytest.mark.slow
def test_the_dev_corpus_store_conforms_to_the_shapes(real: dict[str, Path]) -> None:
    """Issue 7: a company the tagger called a place was voted an asset and made a party."""
    store = real["root"] / "shaped"
    build_into_store([real["v1"]], store)
    report = validate(store, inference="none")
    assert report.conforms, report.text


@pytest.mark.slow
def test_a_store_without_indexes_gets_them_and_the_same_graphs(real: dict[str, Path]) -> None:
    """A store built before issue 11 has facts but no index: they are computed from the facts."""
    store = real["root"] / "old-store"
    build_into_store([real["v2"]], store)
    expected = stored(store)
    for index in (store / "facts").glob("*.idx-*"):
        index.unlink()
    (store / "manifest.json").unlink()  # and no input digests: every graph is serialised again
    report = build_into_store([real["v2"]], store)
    assert report.extracted == 0 and report.graphs_written == report.documents  # every document; the actors
    # graph already holds what it must: compared, not rewritten (issue 11)
    assert stored(store) == expected
    assert len(list((store / "facts").glob("*.idx-*"))) == report.documents


# --------------------------------------------------------------------------
# Fabricated facts: a vote that flips, an event two documents report, a concerns link


def _ref(name: str, kind: ActorKind = ActorKind.COMPANY, surface: str = "") -> ActorRef:
    return ActorRef(name, kind, surface or name)


CHINA, SERBIA = _ref("China", ActorKind.COUNTRY), _ref("Serbia", ActorKind.COUNTRY)
PLANT = _ref("Tarsk steel plant", ActorKind.ASSET)
DAY = PartialDate(2025, 6, 29)


def _facts(path: Path, investor: ActorRef, *others: ActorRef, day: PartialDate = DAY) -> DocumentFacts:
    """One document's facts: an investment, the day-dated signing it concerns, mentions."""
    doc = read_document(path).without_text()
    evidence = Evidence(doc.id, f"{investor.surface} signed for the plant.", 10, 50)
    investment = Investment(investor, PLANT, evidence, amount=Money(Decimal(500_000_000), "USD"), date=day)
    signing = Event("signing", (CHINA, SERBIA, investor), evidence, date=day, concerns=investment)
    mentions = [Mention(ref, evidence) for ref in (investor, CHINA, SERBIA, *others)]
    return DocumentFacts(doc, mentions=mentions, investments=[investment], events=[signing])


def _put(corpus: Path, store: Path, name: str, investor: ActorRef, *others: ActorRef, text: str = "",
         day: PartialDate = DAY) -> None:
    """A tiny article file and its facts, cached as if extracted."""
    path = corpus / f"{name}.txt"
    path.write_text(f"Report {name}\n\nA fabricated article {name}. {text}\n", encoding="utf-8")
    sdir = StoreDir(store)
    sdir.create()
    sdir.save_facts(_facts(path, investor, *others, day=day))


def test_a_flipped_label_and_a_shared_event_rewrite_the_older_documents(corpus: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    _put(corpus, store, "a", _ref("Qorvane Holdings"))
    build_into_store([corpus], store)
    assert stored(store) == scratch(corpus, store)
    first = stored(store)
    ltd = _ref("Qorvane Holdings Ltd")
    _put(corpus, store, "b", ltd, _ref("Qorvane Holdings Ltd", surface="QORVANE HOLDINGS LTD"))
    report = build_into_store([corpus], store)
    assert stored(store) == scratch(corpus, store)
    a = next(g for g in first if g.endswith("/document/a"))
    assert stored(store)[a] != first[a]  # the label voted by b is in a's graph: a was written again
    assert report.graphs_written == 4  # a, b, actors, aggregates


def test_removing_and_editing_the_first_report_of_a_shared_event(corpus: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    for name in ("a", "b", "c"):
        _put(corpus, store, name, _ref("Qorvane Holdings"), _ref(f"Observer {name.upper()}", ActorKind.PERSON))
    build_into_store([corpus], store)
    assert stored(store) == scratch(corpus, store)
    (corpus / "a.txt").unlink()
    build_into_store([corpus], store)
    assert stored(store) == scratch(corpus, store)
    _put(corpus, store, "b", _ref("Qorvane Holdings Ltd"), text="Edited.")
    build_into_store([corpus], store)
    assert stored(store) == scratch(corpus, store)


def test_the_part_of_the_index_a_document_reads_writes_its_graph_as_the_whole_index(corpus: Path,
                                                                                    tmp_path: Path) -> None:
    store = tmp_path / "store"  # three reports of one event: the later ones read the first's concerns
    for name in ("a", "b", "c"):
        _put(corpus, store, name, _ref("Qorvane Holdings"), _ref(f"Observer {name.upper()}", ActorKind.PERSON))
    _put(corpus, store, "d", _ref("Pelmora Gas"), day=PartialDate(2025, 7, 1))
    sdir = StoreDir(store)
    order = [d.without_text() for d in iter_documents([corpus], on_error=lambda e: None)]
    whole = resolve_indexes(load_index(sdir, doc) for doc in order)
    assert whole.shared
    for position, doc in enumerate(order):
        part = resolution_for(whole, [(position, load_index(sdir, doc))])
        assert len(part.actors) < len(whole.actors)
        assert batch_graphs(sdir, [(position, doc)], part) == batch_graphs(sdir, [(position, doc)], whole)
    part = resolution_for(whole, [(0, load_index(sdir, order[0]))])
    with pytest.raises(StoreError, match="outside the part of the index"):
        batch_graphs(sdir, [(3, order[3])], part)  # another document's actors: an error, not a graph without them


def test_documents_sharing_nothing_are_not_serialised_again(corpus: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    _put(corpus, store, "a", _ref("Qorvane Holdings"))
    build_into_store([corpus], store)
    _put(corpus, store, "z", _ref("Wistmar Shipping"), _ref("Harbour of Tarsk", ActorKind.ASSET),
         day=PartialDate(2024, 2, 2))
    report = build_into_store([corpus], store)
    assert stored(store) == scratch(corpus, store)
    assert report.graphs_written == 3  # z, actors, aggregates: a's graph is made of what it was


def test_a_build_leaves_the_cycle_collector_as_it_found_it(corpus: Path, tmp_path: Path) -> None:
    """A batch is made with the collector paused (``store_resolve._collected_young``, issue 11):
    running or paused before a build, it is so after it, and the graphs are the same."""
    on, off = tmp_path / "on", tmp_path / "off"
    for store in (on, off):
        _put(corpus, store, "a", _ref("Qorvane Holdings"))
    assert gc.isenabled()
    build_into_store([corpus], on)
    assert gc.isenabled()
    gc.disable()
    try:
        build_into_store([corpus], off)
        assert not gc.isenabled()
    finally:
        gc.enable()
    assert stored(off) == stored(on) == scratch(corpus, on)


def test_the_keys_table_answers_as_the_resolution_and_keys_other_names_as_before() -> None:
    """The resolution keeps its names' keys in a table (the name memos are then emptied, issue 11)."""
    refs = {_ref("Kestrelmoor Industrial Holdings"), _ref("Kestrelmoor Industrial Holding"), _ref("Qorvane Ltd"), CHINA}
    _, key_of = resolve_refs(refs)
    tabled = _tabled(key_of, refs)
    forget_names()
    for ref in [*refs, _ref("Wistmar Shipping"), _ref("Qorvane Ltd", surface="QORVANE")]:
        assert tabled(ref) == key_of(ref)
    alias, root = _ref("Kestrelmoor Industrial Holdings"), _ref("Kestrelmoor Industrial Holding")
    assert tabled(alias) == tabled(root) != base_key(alias)  # a fuzzy alias, answered from the table
