"""What actor resolution needs of one document, kept beside its cached facts (issue 11).

Why: resolution is global (labels, kinds and countries are voted over every
reference in the corpus; two articles reporting one day-dated event make one
event), yet what it reads of a document is small: the distinct references its
facts and mentions make, and its day-dated events. A store build resolves from
these indexes (a few hundred bytes each) and then loads facts a batch at a time,
so it never holds the corpus's facts.

An index is derived from the facts by :func:`graph.merge.merge_document`, so its
file name carries a hash of the code that makes it: other code, another index.
"""

from __future__ import annotations

import hashlib
import pickle
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from graph.errors import StoreError
from graph.merge import merge_document, on_a_day
from graph.model import ActorRef, Agreement, DocumentFacts, Event, Evidence, Investment, fact_refs

_SOURCES = ("merge.py", "keys.py", "model.py", "store_index.py")  # what an index is computed by
_NO_EVIDENCE = Evidence(doc_id="", text="", start=0, end=0)


@dataclass(frozen=True, slots=True)
class DocumentIndex:
    """``refs``: every reference but the participants and places of day-dated events, which
    the union with other documents' reports decides; ``dated``: (position among the merged
    document's events, the event without its evidence, its ``concerns`` without text)."""

    refs: frozenset[ActorRef]
    dated: tuple[tuple[int, Event], ...]


def document_index(facts: DocumentFacts) -> DocumentIndex:
    """The index of one document's facts (as :func:`graph.merge.merge_document` merges them)."""
    merged = merge_document(facts)
    refs: set[ActorRef] = {m.actor for m in merged.mentions}
    for fact in [*merged.investments, *merged.agreements]:
        refs.update(fact_refs(fact))
    dated: list[tuple[int, Event]] = []
    for j, event in enumerate(merged.events):
        if not on_a_day(event):
            refs.update(fact_refs(event))
            continue
        if event.evidence.attributed_to is not None:
            refs.add(event.evidence.attributed_to)
        dated.append((j, replace(event, evidence=_NO_EVIDENCE, concerns=_without_text(event.concerns))))
    return DocumentIndex(frozenset(refs), tuple(dated))


def _without_text(fact: Investment | Agreement | None) -> Investment | Agreement | None:
    """What serialising another document's event reads of the fact it concerns: its roles'
    names and its sentence's start (``graph.rdf.serialize._concerned``), not the sentence."""
    if fact is None:
        return None
    return replace(fact, evidence=replace(fact.evidence, text="", attributed_to=None))


@lru_cache(maxsize=1)
def index_suffix() -> str:
    """The end of an index file's name: ``.idx-<hash of the code that computes it>.pkl``."""
    digest = hashlib.sha256()
    for name in _SOURCES:
        digest.update((Path(__file__).parent / name).read_bytes())
    return f".idx-{digest.hexdigest()[:12]}.pkl"


def index_path(fact_file: Path) -> Path:
    """The index beside a fact file ``<key>.pkl``."""
    return fact_file.with_name(fact_file.stem + index_suffix())


def save_index(fact_file: Path, facts: DocumentFacts) -> DocumentIndex:
    """Compute and write the index of the facts cached in ``fact_file``."""
    from graph.store import _atomic_write

    index = document_index(facts)
    _atomic_write(index_path(fact_file), pickle.dumps(index, protocol=5))
    return index


def read_index(fact_file: Path) -> DocumentIndex | None:
    """The index written beside ``fact_file``, or None when there is none yet."""
    path = index_path(fact_file)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as e:
        raise StoreError(f"{path}: unreadable ({e}); delete it and build again") from e
    try:
        index = pickle.loads(data)
    except (pickle.UnpicklingError, EOFError, AttributeError, ValueError) as e:
        raise StoreError(f"{path}: unreadable ({e}); delete it and build again") from e
    if not isinstance(index, DocumentIndex):
        raise StoreError(f"{path}: not a document index; delete it and build again")
    return index
