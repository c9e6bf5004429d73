"""When an agreement was signed and took effect: the signing verb's own clause dates the signing,
an effective cue ("entered into force on") the entry into force; an expiry ("valid until") is
neither, and a date inside another subordinate clause dates that clause only.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from graph.extract.clauses import clause_verb
from graph.extract.common import dateline, dates_in, has_cue, lemma_text, published
from graph.extract.context import earlier_sentences
from graph.extract.lexicon import lexicon
from graph.extract.roles import children
from graph.extract.tree import marked
from graph.extract.word_lists import word_list
from graph.model import PartialDate

# "while X signed …" is a clause of its own; "when X visited in 2019, Y signed" dates the signing
CONTRAST = frozenset({"while", "whereas", "although", "though"})
WHEN = frozenset({"when", "as", "during"})
SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def split_dates(sent: Span, anchor: Token | None = None) -> tuple[PartialDate | None, PartialDate | None]:
    """"signed in July 2002, which entered into force on 1 July 2003"; "valid until" is neither.
    The signing date is one of the signing verb's own clause when there is one
    ("X agreed in 2015 to lend …; the two governments signed … in November 2015")."""
    cues = lexicon().effective_cues
    signing: list[tuple[bool, PartialDate]] = []
    effective = None
    for ent, value in dates_in(sent):
        before = lemma_text(sent.doc[max(sent.start, ent.start - 6) : ent.start])
        near = lemma_text(sent.doc[max(sent.start, ent.start - 2) : ent.start])
        if has_cue(near, word_list("expiry_cues")) or dateline(ent):
            continue
        if has_cue(before, cues):
            effective = effective or value
        elif anchor is None or not _other_clause(ent, anchor):
            signing.append((anchor is not None and clause_verb(ent.root) == clause_verb(anchor), value))
    own = [value for mine, value in signing if mine]
    return (own or [value for _, value in signing] or [None])[0], effective


def _other_clause(ent: Span, anchor: Token) -> bool:
    """A date in another clause with a subject of its own, not one above the signing, is that
    clause's ("since X bought a stake in 2016, while Y has signed …")."""
    verb, mine = clause_verb(ent.root), clause_verb(anchor)
    if verb == mine:
        return False
    if children(mine, SUBJECTS) and marked(mine, CONTRAST):
        return ent.root not in mine.subtree
    if verb in anchor.ancestors:
        return False
    return bool(children(verb, SUBJECTS)) and not marked(verb, WHEN)


def paragraph_signing_date(sent: Span) -> PartialDate | None:
    """The signing date an earlier sentence of the paragraph states ("In 2019, … . They signed …")."""
    earlier = earlier_sentences(sent, limit=3, paragraph=True)
    return next((signed for s in earlier if (signed := split_dates(s, s.root)[0]) is not None and main_clause_date(s)), None)


def main_clause_date(sent: Span) -> bool:
    """A date of the main clause: one inside a subordinate clause dates that clause only."""
    return any(clause_verb(ent.root) == sent.root for ent, _ in dates_in(sent))


def year_of(head: Token) -> PartialDate | None:
    """A year in front of the noun is the year it was signed ("a 2016 credit agreement"); a year
    not yet come is a target, not a signing."""
    day = published(head.doc)
    for token in head.doc[head.left_edge.i : head.i]:
        if token.ent_type_ == "DATE" and token.is_digit and len(token.text) == 4 and token.head.i <= head.i:
            year = int(token.text)
            if 1900 < year and (day is None or year <= day.year):
                return PartialDate(year)
    return None
