"""Attribution: who a sentence says makes the claim it reports (issue 8).

Analysts weigh a fact by its source: "the ministry said X would build Y" is the
ministry's claim, "according to Reuters" the agency's. Read from the parse:
the subject of a reporting verb that governs the sentence ("X said", "said X",
"X told reporters", "X announced"), the object of "according to", and the
holder of a statement, filing or report ("in a statement, X said", "a filing by
X", "X's statement"). Pronouns and descriptions ("it said", "the company
said") resolve like any actor; a sentence that reports nobody gives ``None``.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from graph.extract.arguments import argument_at
from graph.extract.common import first_found, per_span
from graph.extract.tree import object_of
from graph.extract.word_lists import word_list
from graph.model import ActorKind, ActorRef

CLAUSE_DEPS = frozenset({"ccomp", "parataxis"})


def attribution(sent: Span) -> ActorRef | None:
    """The actor the sentence attributes its claim to, or None (read once per sentence: each of its facts asks)."""
    return per_span(sent, "ikg_attribution", _attribution)


def _attribution(sent: Span) -> ActorRef | None:
    return _according_to(sent) or _reporter(sent) or _statement_holder(sent)


def _according_to(sent: Span) -> ActorRef | None:
    """"according to X"; a statement's holder ("according to a statement by X") is ``_statement_holder``'s."""
    for token in sent:
        if token.lower_ == "according" and token.i + 1 < sent.end and sent.doc[token.i + 1].lower_ == "to":
            obj = object_of(sent.doc[token.i + 1])
            if obj is not None:
                return _actor(obj)
    return None


def _reporter(sent: Span) -> ActorRef | None:
    """The subject of the reporting verb at the top of the sentence, or of one it hangs on."""
    root = sent.root
    verbs = [root, *(c for c in root.children if c.dep_ in CLAUSE_DEPS | {"advcl"})]
    reporting = [v for v in verbs if v.lemma_.lower() in word_list("attribution_verbs") and v.pos_ in {"VERB", "AUX"}]
    subjects = (s for v in reporting for s in v.children if s.dep_ == "nsubj")
    return first_found(_actor, subjects)


def _statement_holder(sent: Span) -> ActorRef | None:
    """"In a statement, X said", "a filing by X showed", "X's statement"."""
    return first_found(_holder, (token for token in sent if token.pos_ == "NOUN"))


def _holder(noun: Token) -> ActorRef | None:
    """Who issued a statement noun: its possessor or its "by"/"from" phrase."""
    if noun.lemma_.lower() not in word_list("statement_nouns"):
        return None
    for child in noun.children:
        if child.dep_ == "poss":
            return _actor(child)
        if child.dep_ == "prep" and child.lower_ in {"by", "from"}:
            obj = object_of(child)
            if obj is not None:
                return _actor(obj)
    return None


def _actor(head: Token) -> ActorRef | None:
    argument = argument_at(head)
    if argument is None or argument.ref.kind is ActorKind.ASSET:
        return None
    return argument.ref
