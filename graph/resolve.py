"""Entity resolution and fact merging.

Actors: every ``ActorRef`` gets a key (the IRI slug). Known names resolve to
the gazetteer's canonical entry; unknown ones to their accent- and case-folded
name; near-identical spellings of the same kind are merged with a strict
character ratio (never token-set: "HBIS Group" and "HBIS Group Serbia Iron &
Steel" are a parent and its subsidiary). Assets are keyed by their proper
words and a head class, so "Smederevo Steel Mill" = "Smederevo steel plant".

Facts: within a document, repeated statements of one fact are rewritten to
the same content (their evidence differs), so they serialise to one node with
several evidences; across documents, equal content gives equal IRIs.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from graph.gazetteer import load_gazetteer
from graph.keys import base_key, fold, slug
from graph.merge import merge_across, merge_document
from graph.model import (
    ActorKind,
    ActorRecord,
    ActorRef,
    Corpus,
    DocumentFacts,
    fact_refs,
)

KIND_ORDER = [ActorKind.COUNTRY, ActorKind.COMPANY, ActorKind.GOVERNMENT_BODY, ActorKind.ORGANIZATION, ActorKind.PERSON, ActorKind.ASSET]
FUZZY_MIN = 94.0


def resolve(documents: Iterable[DocumentFacts]) -> Corpus:
    """Resolve the actors of all documents and merge repeated facts."""
    docs = merge_across([merge_document(d) for d in documents])
    actors, key_of = resolve_refs({r for d in docs for r in refs_of(d)})
    return Corpus(documents=docs, actors=actors, key_of=key_of)


def resolve_refs(refs: Iterable[ActorRef]) -> tuple[dict[str, ActorRecord], Callable[[ActorRef], str]]:
    """The records of the distinct references of a corpus, and the key of each reference.

    Only the set of references counts (not how often each occurs), so a store can
    resolve from each document's set of references without its facts (issue 11).
    """
    ordered = sorted(set(refs), key=_ref_sort_key)
    key_of = KeyOf(_fuzzy_aliases(ordered))
    groups: dict[str, list[ActorRef]] = defaultdict(list)
    for ref in ordered:
        groups[key_of(ref)].append(ref)
    actors = {key: _record(key, group) for key, group in sorted(groups.items())}
    return _with_countries(actors), key_of


@dataclass(frozen=True, slots=True)
class KeyOf:
    """The key of a reference: its base key, or the earlier key it is a fuzzy alias of.

    A class, not a closure, so that a resolution can be pickled to the process that
    asked for it (a store build resolves in a child process, issue 11).
    """

    aliases: dict[str, str]

    def __call__(self, ref: ActorRef) -> str:
        key = base_key(ref)
        return self.aliases.get(key, key)


def _with_countries(actors: dict[str, ActorRecord]) -> dict[str, ActorRecord]:
    """Every country an actor belongs to is a node too (``ikg:country`` points at it)."""
    known = {slug(e.name): e for e in load_gazetteer().entries() if e.kind is ActorKind.COUNTRY}
    out = dict(actors)
    for record in actors.values():
        if record.country and record.country not in out:
            entry = known.get(record.country)
            label = entry.name if entry is not None else record.country.replace("-", " ").title()
            qid = entry.qid if entry is not None else None
            out[record.country] = ActorRecord(record.country, label, ActorKind.COUNTRY, wikidata=qid)
    return dict(sorted(out.items()))


def _ref_sort_key(ref: ActorRef) -> tuple:
    return (ref.name, ref.kind.value, ref.surface, ref.country or "")


def refs_of(doc: DocumentFacts) -> Iterable[ActorRef]:
    """Every reference a document's mentions and facts make (what resolution votes over)."""
    yield from (m.actor for m in doc.mentions)
    for fact in doc.facts:
        yield from fact_refs(fact)


def _fuzzy_aliases(refs: list[ActorRef]) -> dict[str, str]:
    """Unknown names spelt nearly alike, of one kind, map to one key: each key to the first
    earlier key of its kind that is no alias itself."""
    gaz = load_gazetteer()
    by_kind: dict[ActorKind, dict[str, None]] = defaultdict(dict)  # keys in order, each once
    for ref in refs:
        key = base_key(ref)
        if gaz.lookup(ref.name) is None and len(key) >= 6:
            by_kind[ref.kind].setdefault(key, None)
    aliases: dict[str, str] = {}
    for keys in by_kind.values():
        roots: list[str] = []  # the earlier keys of this kind that are no alias
        for key in keys:
            # every match at once in C++, not a Python loop per pair (10,000s of names, issue 11)
            matches = process.extract(key, roots, scorer=fuzz.ratio, score_cutoff=FUZZY_MIN, limit=None)
            if matches:
                aliases[key] = roots[min(index for _, _, index in matches)]
            elif key not in aliases:
                roots.append(key)
    return aliases


def _record(key: str, refs: list[ActorRef]) -> ActorRecord:
    entry = load_gazetteer().lookup(refs[0].name)
    forms = {r.surface or r.name for r in refs} | {r.name for r in refs}
    if entry is not None:
        label, kind, qid = entry.name, entry.kind, entry.qid
        country = entry.name if kind is ActorKind.COUNTRY else entry.country
    else:
        label = _best_label([r.name for r in refs])
        kind = _vote([r.kind for r in refs])
        country = _vote_country([r.country for r in refs])
        qid = None
    country_key = base_key(ActorRef(country, ActorKind.COUNTRY)) if country else None
    return ActorRecord(key, label, kind, frozenset(forms - {label}), country_key, qid)


def _best_label(names: list[str]) -> str:
    """Most frequent; then with diacritics ("Vučić" over "Vucic"); then longest."""
    counts = Counter(names)
    return min(counts, key=lambda n: (-counts[n], n == fold(n) or n.isascii(), -len(n), n))


def _vote(kinds: list[ActorKind]) -> ActorKind:
    counts = Counter(kinds)
    return min(counts, key=lambda k: (-counts[k], KIND_ORDER.index(k)))


def _vote_country(countries: list[str | None]) -> str | None:
    counts = Counter(c for c in countries if c)
    return min(counts, key=lambda c: (-counts[c], c)) if counts else None


