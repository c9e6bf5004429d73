"""Which of several candidates an article is about: the one it has named most so far, weighting
its headline, its lede and its subjects (the document model's tie-breaker, ``graph.extract.docmodel``)."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from graph.extract.common import is_headline, lede_sentence, per_doc
from graph.model import ActorKind, ActorRef

if TYPE_CHECKING:
    from graph.extract.docmodel import Entry


def most_salient(candidates: Sequence[Entry], mentions: Sequence[Entry]) -> ActorRef:
    """The candidate the document has named most so far among its ``mentions`` (the registry),
    counting every mention before the last candidate (a shorter form counts for the longer: "Great
    Wall" for "Great Wall Motor"; a mention in the headline or the lede counts three times, since
    news names its protagonist there first, and a subject twice); of equals, the nearest."""
    limit = max(c.position for c in candidates)
    doc = candidates[0].sentence.doc
    index = per_doc(doc, "ikg_salience", lambda: _named_mentions(doc, mentions))
    scores = {name: _salience(index, name, limit) for name in {c.ref.name for c in candidates}}
    return max(candidates, key=lambda e: (scores[e.ref.name], e.position)).ref


@dataclass(frozen=True, slots=True)
class _Named:
    """Every mention of one name: word set, positions and running weight (a per-document index, so
    that a long document's many descriptions do not each rescan all its mentions, issue 9)."""

    words: frozenset[str]
    positions: list[int]
    totals: list[int]
    country: bool = False
    related: list[_Named] = field(default_factory=list)


def _named_mentions(doc: Doc, mentions: Sequence[Entry]) -> dict[str, _Named]:
    first = lede_sentence(doc)
    index: dict[str, _Named] = {}
    for entry in mentions:
        prominent = is_headline(entry.sentence) or (first is not None and entry.sentence.start == first.start)
        weight = (3 if prominent else 1) * (2 if entry.subject else 1)
        words = frozenset(w.lower() for w in entry.ref.name.split())
        named = index.setdefault(entry.ref.name, _Named(words, [], [], entry.ref.kind is ActorKind.COUNTRY))
        named.positions.append(entry.position)
        named.totals.append((named.totals[-1] if named.totals else 0) + weight)
    return index


def _salience(index: dict[str, _Named], name: str, limit: int) -> int:
    """The weight of the mentions of ``name`` and its related forms up to position ``limit``."""
    counts = ((other, bisect_right(other.positions, limit)) for other in _related(index, name))
    return sum(other.totals[count - 1] for other, count in counts if count)


def _related(index: dict[str, _Named], name: str) -> list[_Named]:
    """The names that are shorter or longer forms of ``name`` (itself included), found once; a
    country's name is no short form of a body named after it ("Export Credit Peru")."""
    named = index[name]
    related = named.related
    if not related:
        own = named.words
        related.extend(o for o in index.values() if (o.words <= own or own <= o.words) and o.country == named.country)
    return related
