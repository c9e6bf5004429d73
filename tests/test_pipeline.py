"""The build end to end on the sample corpus: quality floors, determinism, bad input.

Figures are measured against ``tests/data/gold_seeds.json`` (issue 2 sets the floors).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.errors import NoDocumentsError
from graph.evaluate import evaluate, junk_actors
from graph.pipeline import build
from graph.rdf.io import write_graph
from tests.conftest import CORPUS, DATA

JUNK = ["Image Credit", "COVID-19", "Healthcare System", "Growing Balkans Presence"]


@pytest.fixture(scope="module")
def scores(seeds_graph):
    return evaluate(seeds_graph, DATA / "gold_seeds.json")


def test_investments_f1_at_least_0_9(scores):
    assert scores["investment"].f1 >= 0.9, scores["investment"]


@pytest.mark.parametrize("kind", ["agreement", "event"])
def test_agreement_and_event_recall_at_least_0_7(scores, kind):
    assert scores[kind].recall >= 0.7, scores[kind]


def test_actor_recall_at_least_0_9(scores):
    assert scores["actor"].recall >= 0.9, scores["actor"]


def test_no_junk_actor(seeds_graph):
    assert junk_actors(seeds_graph, JUNK) == []


def test_summary_counts_what_the_graph_holds(seeds_build):
    report = seeds_build.report
    assert report.read == 3 and report.skipped == []
    assert report.investments >= 9 and report.agreements >= 3 and report.events >= 9
    triples = {q[:3] for q in seeds_build.dataset.quads((None, None, None, None))}
    assert report.triples == len(triples) > 0


@pytest.mark.parametrize("suffix", [".ttl", ".nq"])
def test_same_input_gives_the_same_file(seeds_build, tmp_path, suffix):
    again = build([CORPUS])
    first, second = tmp_path / f"a{suffix}", tmp_path / f"b{suffix}"
    write_graph(seeds_build.dataset, first)
    write_graph(again.dataset, second)
    assert first.read_bytes() == second.read_bytes()


def test_broken_documents_are_reported_and_the_rest_is_built(tmp_path):
    (tmp_path / "good.txt").write_text((CORPUS / "000_thewesternbalkans_stellantis.txt").read_text())
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "junk.txt").write_bytes(b"\x00\x01\x02\xff" * 100)
    seen: list[str] = []
    result = build([tmp_path], on_error=lambda e: seen.append(str(e)))
    assert result.report.read == 1
    assert len(seen) == 2 and all("\n" not in s for s in seen)
    assert any("empty.txt" in s for s in seen) and any("junk.txt" in s for s in seen)


def test_no_readable_document_is_an_error(tmp_path):
    (tmp_path / "empty.txt").write_text("   ")
    with pytest.raises(NoDocumentsError, match="empty.txt"):
        build([tmp_path])


def test_a_missing_path_is_an_error_not_a_crash(tmp_path):
    with pytest.raises(NoDocumentsError):
        build([Path(tmp_path) / "nope"])


def test_every_evidence_is_the_exact_text_at_its_offsets(seeds_graph):
    """Offsets index the document as read (non-breaking spaces and curly quotes included)."""
    from graph.ingest import read_document
    from graph.query import run_query

    rows = run_query(
        seeds_graph,
        """SELECT ?file ?text ?start ?end WHERE {
             ?e a ikg:Evidence ; ikg:text ?text ; ikg:charStart ?start ; ikg:charEnd ?end ;
                prov:wasDerivedFrom/ikg:fileName ?file }""",
    ).records()
    assert len(rows) >= 20
    sources = {f.name: read_document(f).source_text for f in CORPUS.glob("*.txt")}
    for row in rows:
        assert sources[row["file"]][int(row["start"]) : int(row["end"])] == row["text"]


def test_issue_2_the_pledge_reported_by_two_articles_is_one_event(seeds_graph):
    """000 and 001 both report China's export-permit pledge of 29 June 2025."""
    from graph.query import run_query

    rows = run_query(
        seeds_graph,
        """SELECT ?e (COUNT(DISTINCT ?d) AS ?docs) (COUNT(DISTINCT ?l) AS ?labels) WHERE {
             ?e ikg:eventType ikg:ExportPermitPledge ; ikg:date ?date ; prov:wasDerivedFrom ?d ; rdfs:label ?l .
             FILTER(STR(?date) = "2025-06-29") } GROUP BY ?e""",
    ).records()
    assert [(r["docs"], r["labels"]) for r in rows] == [(2, 1)]


def test_plants_without_a_known_town_are_placed_in_the_country_the_article_is_about(seeds_graph):
    from graph.query import load_saved_query, run_query

    query = load_saved_query("investments_by_country").text
    rows = run_query(seeds_graph, query, params={"investor_country": "China", "target_country": "Serbia"}).records()
    assert {"Smederevo Steel Mill", "Mining and Smelting Combine Bor", "Serbia"} <= {r["target"] for r in rows}


def _fail_on_marked_documents(monkeypatch) -> None:
    """An extractor fault that only a document holding "Quillfeather" meets (a stand-in for a bug of ours
    that one article triggers, such as the recursion blind14 found in session 17)."""
    import graph.extract

    real = graph.extract.extract_facts

    def extract_facts(doc):
        if "Quillfeather" in doc.text:
            raise RecursionError("maximum recursion depth exceeded")
        return real(doc)

    monkeypatch.setattr(graph.extract, "extract_facts", extract_facts)


def _corpus_with_one_faulty_article(folder: Path) -> Path:
    (folder / "good.txt").write_text((CORPUS / "000_thewesternbalkans_stellantis.txt").read_text())
    (folder / "faulty.txt").write_text("Quillfeather Holdings bought a 30% stake in Brantley Foods for $40 million.")
    return folder


def test_issue_7_a_document_the_extractors_fail_on_is_named_and_the_rest_is_built(tmp_path, monkeypatch):
    """Session 17: one article that met an extractor fault ended the whole build with a traceback."""
    _fail_on_marked_documents(monkeypatch)
    seen: list[str] = []
    result = build([_corpus_with_one_faulty_article(tmp_path)], on_error=lambda e: seen.append(str(e)))
    assert result.report.read == 1 and result.report.actors > 0
    assert len(seen) == 1 and "\n" not in seen[0]
    assert "faulty.txt" in seen[0] and "extraction failed (RecursionError" in seen[0]
    assert result.report.skipped == seen


def test_issue_7_a_store_build_leaves_out_only_the_document_the_extractors_fail_on(tmp_path, monkeypatch):
    from graph.errors import ExtractionFailed
    from graph.store import build_into_store, open_store

    _fail_on_marked_documents(monkeypatch)
    (tmp_path / "in").mkdir()
    seen: list[Exception] = []
    report = build_into_store([_corpus_with_one_faulty_article(tmp_path / "in")], tmp_path / "store", on_error=seen.append,
                              progress=False)
    assert report.read == 1 and report.extracted == 1
    assert [type(e) for e in seen] == [ExtractionFailed] and "faulty.txt" in str(seen[0])
    documents = {str(row[0]) for row in open_store(tmp_path / "store").query(
        "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")}
    assert not any("faulty" in g for g in documents)


def test_issue_7_extracting_without_keep_going_raises_the_fault(monkeypatch):
    """Tests and notebooks call the extractors directly: there a fault must surface, not be reported."""
    from graph.pipeline import extract_document
    from tests.conftest import make_document

    _fail_on_marked_documents(monkeypatch)
    with pytest.raises(RecursionError):
        extract_document(make_document("Quillfeather Holdings bought a 30% stake in Brantley Foods."))


def test_issue_7_a_failed_document_crosses_process_boundaries_whole():
    """A worker process (or Dask) sends the failure back pickled: the message and the document survive."""
    import pickle

    from graph.errors import ExtractionFailed

    error = ExtractionFailed("in/faulty.txt", "faulty", "extraction failed (RecursionError: too deep)")
    again = pickle.loads(pickle.dumps(error))
    assert (str(again), again.document_id, again.path) == (str(error), "faulty", "in/faulty.txt")
