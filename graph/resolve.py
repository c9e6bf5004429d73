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

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import replace

from rapidfuzz import fuzz

from graph.gazetteer import load_gazetteer
from graph.model import (
    ActorKind,
    ActorRecord,
    ActorRef,
    Agreement,
    Corpus,
    DocumentFacts,
    Event,
    Investment,
)

ASSET_CLASSES = {"mill": "plant", "factory": "plant", "works": "plant", "plant": "plant", "steelworks": "plant"}
KIND_ORDER = [ActorKind.COUNTRY, ActorKind.COMPANY, ActorKind.GOVERNMENT_BODY, ActorKind.ORGANIZATION, ActorKind.PERSON, ActorKind.ASSET]
FUZZY_MIN = 94.0
# "Arrowcrest Minerals Inc." and "Arrowcrest Minerals" are one company
LEGAL_FORM = re.compile(r"[\s,]+(inc|ltd|llc|plc|ag|gmbh|s\.?a|n\.?v|b\.?v|co|corp|s\.?p\.?a|jsc|pjsc|oao|ooo|d\.?o\.?o)\.?$", re.IGNORECASE)


def fold(text: str) -> str:
    """Lower case, accents removed, typographic apostrophes unified."""
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower().strip()


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-") or "unnamed"


def base_key(ref: ActorRef) -> str:
    """The key of a reference before fuzzy merging."""
    entry = load_gazetteer().lookup(ref.name)
    if entry is not None:
        return slug(entry.name)
    if ref.kind is ActorKind.ASSET:
        return _asset_key(ref.name)
    return slug(_without_legal_form(ref.name))


def _without_legal_form(name: str) -> str:
    stripped = name
    while (shorter := LEGAL_FORM.sub("", stripped)) != stripped and shorter:
        stripped = shorter
    return stripped


def _asset_key(name: str) -> str:
    words = fold(name).replace("–", " ").replace("-", " ").split()
    return "-".join(ASSET_CLASSES.get(w, w) for w in words) or "asset"


def resolve(documents: Iterable[DocumentFacts]) -> Corpus:
    """Resolve the actors of all documents and merge repeated facts."""
    docs = [merge_document(d) for d in documents]
    refs = sorted({r for d in docs for r in _refs_of(d)}, key=_ref_sort_key)
    aliases = _fuzzy_aliases(refs)

    def key_of(ref: ActorRef) -> str:
        key = base_key(ref)
        return aliases.get(key, key)

    groups: dict[str, list[ActorRef]] = defaultdict(list)
    for ref in refs:
        groups[key_of(ref)].append(ref)
    actors = {key: _record(key, group) for key, group in sorted(groups.items())}
    return Corpus(documents=docs, actors=_with_countries(actors), key_of=key_of)


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


def _refs_of(doc: DocumentFacts) -> Iterable[ActorRef]:
    yield from (m.actor for m in doc.mentions)
    for fact in doc.facts:
        yield from fact_refs(fact)


def fact_refs(fact: Investment | Agreement | Event) -> list[ActorRef]:
    if isinstance(fact, Investment):
        refs = [fact.investor, fact.target]
    elif isinstance(fact, Agreement):
        refs = list(fact.parties)
    else:
        refs = list(fact.participants)
    place = getattr(fact, "place", None)
    return refs + ([place] if place is not None else [])


def _fuzzy_aliases(refs: list[ActorRef]) -> dict[str, str]:
    """Unknown names spelt nearly alike, of one kind, map to one key."""
    gaz = load_gazetteer()
    by_kind: dict[ActorKind, list[str]] = defaultdict(list)
    for ref in refs:
        key = base_key(ref)
        if gaz.lookup(ref.name) is None and len(key) >= 6 and key not in by_kind[ref.kind]:
            by_kind[ref.kind].append(key)
    aliases: dict[str, str] = {}
    for keys in by_kind.values():
        for i, key in enumerate(keys):
            for earlier in keys[:i]:
                if earlier not in aliases and fuzz.ratio(key, earlier) >= FUZZY_MIN:
                    aliases[key] = earlier
                    break
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


def merge_document(doc: DocumentFacts) -> DocumentFacts:
    """Repeated statements of one fact in a document get the same content."""
    return replace(
        doc,
        investments=_merge_investments(_locate_assets(doc)),
        agreements=_merge_agreements(doc.agreements),
        events=_merge_events(doc.events),
    )


def _locate_assets(doc: DocumentFacts) -> list[Investment]:
    """An asset invested in without a known country ("the Smederevo Steel Mill")
    lies in the country the article is about: its most-mentioned country other
    than the investor's, if named at least twice. Without it, "investments into
    Serbia" would miss every plant whose town the gazetteer does not know."""
    counts = Counter(m.actor.name for m in doc.mentions if m.actor.kind is ActorKind.COUNTRY)
    out = []
    for fact in doc.investments:
        target = fact.target
        if target.kind is ActorKind.ASSET and target.country is None:
            others = [(n, c) for c, n in counts.most_common() if c != fact.investor.country and n >= 2]
            if others:
                fact = replace(fact, target=replace(target, country=others[0][1]))
        out.append(fact)
    return out


def _merge_investments(facts: list[Investment]) -> list[Investment]:
    """A statement without an amount joins the same investor→target with one."""
    full: dict[tuple[str, str], Investment] = {}
    for fact in facts:
        pair = (base_key(fact.investor), base_key(fact.target))
        if fact.amount is not None and fact.status is None:
            full.setdefault(pair, fact)
    out = []
    for fact in facts:
        pair = (base_key(fact.investor), base_key(fact.target))
        if fact.amount is None and pair in full and _restates(fact, full[pair]):
            fact = replace(full[pair], evidence=fact.evidence)
        out.append(fact)
    return out


def _restates(short: Investment, full: Investment) -> bool:
    """An amountless statement repeats a deal only if its stake and date do not differ
    ("later raised its stake to 56%" is a new fact, not the 51% purchase again)."""
    stake_ok = short.stake is None or short.stake == full.stake
    return stake_ok and _dates_compatible(short.date, full.date)


def _merge_events(facts: list[Event]) -> list[Event]:
    return _cluster(facts, _same_event, _union_event)


def _cluster(facts: list, same, union) -> list:
    """Group facts that state the same thing; each keeps its evidence."""
    canon: list = []
    members: list[list[int]] = []
    for i, fact in enumerate(facts):
        for c, rep in enumerate(canon):
            if same(rep, fact):
                canon[c] = union(rep, fact)
                members[c].append(i)
                break
        else:
            canon.append(fact)
            members.append([i])
    out = list(facts)
    for rep, idxs in zip(canon, members):
        for i in idxs:
            out[i] = replace(rep, evidence=facts[i].evidence)
    return out


def _same_event(a: Event, b: Event) -> bool:
    if a.event_type != b.event_type or not _dates_compatible(a.date, b.date):
        return False
    keys_a = {base_key(p) for p in a.participants}
    return bool(keys_a & {base_key(p) for p in b.participants})


def _union_event(a: Event, b: Event) -> Event:
    participants = {base_key(p): p for p in (*a.participants, *b.participants)}
    dates = [d for d in (a.date, b.date) if d is not None]
    date = min(dates, key=_rank) if dates else None
    return replace(a, participants=tuple(participants[k] for k in sorted(participants)), date=date, place=a.place or b.place)


def _rank(date) -> int:
    return {"day": 0, "month": 1, "year": 2}[date.precision.value]


def _dates_compatible(a, b) -> bool:
    if a is None or b is None:
        return True
    return a.iso().startswith(b.iso()) or b.iso().startswith(a.iso())


def _merge_agreements(facts: list[Agreement]) -> list[Agreement]:
    return _cluster(facts, _same_agreement, _union_agreement)


def _same_agreement(a: Agreement, b: Agreement) -> bool:
    parties_a, parties_b = ({base_key(p) for p in x.parties} for x in (a, b))
    if not (parties_a <= parties_b or parties_b <= parties_a):
        return False
    names = {fold(a.name), fold(b.name)}
    if len(names) > 1 and not _name_contains(names):
        return False
    return _dates_compatible(a.date, b.date) and _dates_compatible(a.effective, b.effective)


def _name_contains(names: set[str]) -> bool:
    a, b = sorted(names, key=len)
    return a in b


def _union_agreement(a: Agreement, b: Agreement) -> Agreement:
    parties = {base_key(p): p for p in (*a.parties, *b.parties)}
    name = max((a.name, b.name), key=lambda n: (len(n.split()), n))
    return replace(
        a,
        name=name,
        parties=tuple(parties[k] for k in sorted(parties)),
        date=a.date or b.date,
        effective=a.effective or b.effective,
    )
