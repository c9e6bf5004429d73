"""A trigger's own clause: where its amount, its share and its modality are read.

The clause is the subtree of the trigger's verb (the trigger itself, or the
verb that carries a nominal trigger) without the subordinate clauses that
do not contain the trigger: "X bought Y for $2bn, after Z had paid $1bn for
W" gives X's purchase $2bn, never $1bn. A participial or infinitive clause
with no sum of its own reads its governing clause ("spent $2.4bn buying Y").
"""

from __future__ import annotations

from decimal import Decimal

from spacy.tokens import Span, Token

from graph.extract.common import per_span, sums_in
from graph.extract.frames import frame_lexicon, is_debt, is_trigger_word, lent_debt
from graph.extract.lexicon import lexicon
from graph.extract.tree import within
from graph.extract.word_lists import word_list
from graph.model import Money
from graph.normalize.money import MoneyMatch
from graph.normalize.percent import find_percents

SUBORDINATE = frozenset({"relcl", "advcl", "ccomp", "conj", "parataxis", "acl", "csubj"})
CLIMB_FROM = frozenset({"xcomp", "advcl", "acl", "pcomp"})


def clause_verb(token: Token) -> Token:
    """The verb heading ``token``'s clause (``token`` itself if it is one)."""
    for candidate in (token, *token.ancestors):
        if candidate.pos_ in {"VERB", "AUX"}:
            return candidate
    return token.sent.root


GENERIC_DEALS = frozenset({"deal", "transaction"})  # "completing a $620m deal" names the deal it follows


def clause_tokens(verb: Token, *, keep: Token) -> list[Token]:
    """``verb``'s subtree without subordinate clauses that do not contain ``keep``."""
    dropped: set[int] = set()
    for child in verb.children:
        subordinate = child.dep_ in SUBORDINATE and child.pos_ in {"VERB", "AUX"} and not _names_the_deal(child)
        if subordinate and not within(keep, child):
            dropped.update(t.i for t in child.subtree)
    for token in verb.subtree:  # "owned by X, which bought its 35% for $2m": another deal's relative clause,
        # "X, which reported …,"; "bought Y, whose market value is $900m": a clause describing a name
        if token.i in dropped:
            continue  # inside a clause dropped already (a chain of "which" clauses is read once, not once per link)
        described = token.dep_ == "relcl" and (token.head.dep_ in {"nsubj", "nsubjpass"} or _whose(token))
        if (described or _other_deal(token, verb)) and not within(keep, token):
            dropped.update(t.i for t in token.subtree)
    return [t for t in verb.subtree if t.i not in dropped]


def _whose(clause: Token) -> bool:
    """A relative clause whose subject is the name's own attribute ("whose market value is …"), telling
    no deal ("whose board approved a €90m loan" tells one)."""
    attribute = any(s.dep_ in {"nsubj", "nsubjpass"} and any(c.lower_ == "whose" for c in s.children) for s in clause.children)
    return attribute and not any(is_trigger_word(t) for t in clause.subtree)


def clause_money(trigger: Token, *, funding: bool = False) -> Money | None:
    """The sum stated in the trigger's clause, nearest the trigger; else in the clause that governs
    it; else the sentence's only sum ("X bought Y, the exchange said, for $4bn"). Beyond its own
    clause, a sum inside another deal's noun ("secured a $300m loan to build Y") is not the trigger's;
    nor, for a grant or loan (``funding``), the size of the asset it goes to ("subsidies toward the
    €2.2bn plant") or what the other side gives in exchange ("granted Y a tax freeze in exchange for a
    $2.4bn investment")."""
    verb, starts = clause_verb(trigger), _sum_starts(trigger.sent)  # a sum is read where it starts: only those words count
    tokens = [t for t in clause_tokens(verb, keep=trigger) if t.i in starts and not _means(t, trigger)]
    given_back = _given_in_exchange(trigger.sent) if funding else frozenset()  # "in exchange for": the other side's
    if funding:
        tokens = [t for t in tokens if not sizes_an_asset(t, trigger) and t.i not in given_back]
    found = _money_in(tokens, trigger)
    # "the €2.2bn plant X is building"; for a grant or loan only the sum or deal noun it describes
    # ("a $250m credit line provided by X", "a tranche of $350m provided by X")
    told = not funding or verb.head.ent_type_ == "MONEY" or is_trigger_word(verb.head)
    if found is None and told and verb.dep_ in {"relcl", "acl"}:
        found = _money_in([t for t in verb.head.lefts for t in t.subtree], trigger) or _sum_of(verb.head)
    if found is None and verb.dep_ in CLIMB_FROM:
        governing = clause_verb(verb.head)
        governed = [t for t in clause_tokens(governing, keep=trigger) if t.i in starts]
        found = _money_in([t for t in _own(governed, trigger) if t.i not in given_back], trigger)
    if found is None and len(_amounts(trigger.sent)) == 1:  # one sum in the sentence, not in a clause of ours
        sums = [t for t in trigger.sent if t.i in starts]
        ours = [t for t in _own(sums, trigger) if not _other_deal_clause(t, verb) and not _described(t, trigger)
                and not _sibling_clause(t, verb) and not (funding and sizes_an_asset(t, trigger)) and t.i not in given_back]
        found = _money_in(ours, trigger, nearest=False)
    return found


MEANS = frozenset({"with", "through", "via", "using"})


def _means(token: Token, trigger: Token) -> bool:
    """"X is building the plant with a $175m loan from Y": a sum of another deal's noun that the clause
    does its deal with is that deal's, not the trigger's."""
    nouns = [a for a in (token, *token.ancestors) if a.pos_ == "NOUN" and a != trigger]
    return any(n.dep_ == "pobj" and n.head.lower_ in MEANS and is_debt(n) and not within(trigger, n)
               for n in nouns[:3])


def _given_in_exchange(sent: Span) -> frozenset[int]:
    """The words inside the sentence's "in exchange for …" / "in return for …" phrases."""
    fors = [t for t in sent if t.lower_ == "for" and t.head.lower_ in {"exchange", "return"} and t.head.head.lower_ == "in"]
    return frozenset(w.i for f in fors for w in f.subtree if w != f)


def _sum_of(noun: Token) -> Money | None:
    """"the $150m of financing it received": the sum whose "of" the clause's noun is."""
    of = noun.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else None
    return money_of(of.head) if of is not None and of.head.ent_type_ == "MONEY" else None


def money_of(head: Token) -> Money | None:
    """The sum a phrase headed by ``head`` states ("$3.5 billion for the first plant"; of "$800m and
    $600m", the first)."""
    others = {t.i for c in head.children if c.dep_ in {"conj", "cc"} for t in c.subtree}
    return _money_in([t for t in head.subtree if (t.ent_type_ == "MONEY" or t == head) and t.i not in others], head)


def money_at(span: Span) -> Money | None:
    """The sum an amount's own words state ("$45m"), whatever the parser made of them."""
    return _money_in(list(span), span.root, nearest=False)


def _other_deal(clause: Token, verb: Token) -> bool:
    """A relative clause on a participant that states a deal of its own; "in 2024, when it bought
    …" elaborates the same deal."""
    return (clause.dep_ == "relcl" and clause != verb and is_trigger_word(clause)
            and clause.head.ent_type_ not in {"DATE", "TIME"})


def _promised(clause: Token, verb: Token) -> bool:
    """"X took over Y in 2018, pledging to invest $1.26bn": a promise made beside the deal is a deal of its own."""
    chain = [clause, *(a for a in clause.ancestors if verb in a.ancestors)]
    return any(t.lemma_.lower() in lexicon().pledge for t in chain)


def _described(token: Token, trigger: Token) -> bool:
    """"X, which reported a profit of ¥148bn, invested in Y": a relative clause's sum describes a participant."""
    return any(a.dep_ == "relcl" and not within(trigger, a) for a in token.ancestors)


def _other_deal_clause(token: Token, verb: Token) -> bool:
    """The token lies in the clause of another deal verb (not one conjoined with ours on a shared subject)."""
    other = clause_verb(token)
    if other == verb or not (is_trigger_word(other) or takes_a_deal(other)):
        return False
    if any(c.dep_ == "neg" for c in other.children):
        return False  # "buy the 70% it does not already own for $800m": a negated holding states no deal
    if _names_the_deal(other) and other.head in {verb, *verb.ancestors}:
        return False  # "… to take control of Y, completing a $620m deal": the deal is ours
    if verb in other.ancestors:  # a relative clause of ours that states a deal of its own, or a promise of one
        return _other_deal(other, verb) or _promised(other, verb)
    shared = verb in other.conjuncts and any(  # "the $1.8bn plant is built by X and financed by Y"
        within(token, s) for s in other.children if s.dep_ in {"nsubj", "nsubjpass"})
    return not shared


def _names_the_deal(participle: Token) -> bool:
    """A participle whose object is a generic deal noun ("…, completing a $620m deal", "sealing a €2bn
    transaction") tells the sum of the deal it hangs on, not a deal of its own."""
    objects = [c for c in participle.children if c.dep_ == "dobj" and c.lemma_.lower() in GENERIC_DEALS]
    return participle.tag_ == "VBG" and participle.dep_ == "advcl" and bool(objects)


def _sibling_clause(token: Token, verb: Token) -> bool:
    """"X rejected a $2bn approach from Z and raised its stake in Y to 80%": a conjoined verb's own
    words (not the subject both share) are that verb's."""
    other = clause_verb(token)
    shared = any(within(token, s) for s in other.children if s.dep_ in {"nsubj", "nsubjpass"})
    return other != verb and other in verb.conjuncts and not shared


def takes_a_deal(verb: Token) -> bool:
    """"… would receive C$13bn in subsidies", "won a $50m grant": a clause whose object is a deal
    noun, or a sum "in" one, states that deal, whatever its verb."""
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        named = [obj] if obj.ent_type_ != "MONEY" else [o for p in obj.children if p.lower_ == "in" for o in p.children]
        if any(n.pos_ == "NOUN" and is_trigger_word(n) for n in named):
            return True
    return False


def sizes_an_asset(token: Token, trigger: Token) -> bool:
    """Whether ``token`` lies in the modifiers of an asset noun that is not the trigger ("the €2.2bn plant")."""
    heads = lexicon().asset_heads
    for ancestor in token.ancestors:
        if ancestor.pos_ in {"VERB", "AUX"} and ancestor.dep_ in {"relcl", "acl"} and ancestor.head != trigger:
            sized = ancestor.head  # "the plant, which cost $2bn, was financed by …"
            return sized.pos_ in {"NOUN", "PROPN"} and sized.lemma_.lower() in heads
        if ancestor == trigger or ancestor.pos_ in {"VERB", "AUX", "ADP"}:
            return False
        if ancestor.pos_ == "NOUN" and ancestor.lemma_.lower() in heads:
            if ancestor.dep_ == "compound" and (ancestor.head == trigger or is_trigger_word(ancestor.head)):
                return False  # "a 13.6bn-baht project loan": the sum is the loan's, "project" its kind
            return not (is_trigger_word(ancestor) or lent_debt(ancestor))  # "a $250m credit line" is a loan's sum
    return False


def _own(tokens: list[Token], trigger: Token) -> list[Token]:
    return [t for t in tokens if not _in_other_deal(t, trigger)]


def _in_other_deal(token: Token, trigger: Token) -> bool:
    """Whether ``token`` lies inside a deal noun other than ``trigger`` ("a $300m loan")."""
    for ancestor in token.ancestors:
        if ancestor == trigger:
            return False
        if ancestor.pos_ == "NOUN" and is_trigger_word(ancestor):
            return not _summing_up(ancestor)
    return False


def _summing_up(noun: Token) -> bool:
    """"…, a deal worth €540m": a deal noun set off by a comma that only prices it sums up the clause before."""
    start = noun.left_edge.i
    priced = any(c.lower_ in {"worth", "valued"} for c in noun.children)
    set_off = priced and start > noun.sent.start and noun.doc[start - 1].text == ","
    return set_off or (noun.dep_ == "dobj" and _names_the_deal(noun.head))  # "…, completing a $620m deal" too


def _money_in(tokens: list[Token], trigger: Token, *, nearest: bool = True) -> Money | None:
    """The sum in ``tokens`` nearest the trigger (or the first); a conversion in brackets after
    another sum ("€2.2bn ($2.4bn)") is never the amount."""
    if not tokens:
        return None
    sent = trigger.sent
    kept = {t.i for t in tokens}
    best: tuple[int, Money] | None = None
    for start, _end, money in _amounts(sent):
        token = _token_at(sent, sent.start_char + start)
        if token is None or token.i not in kept:
            continue
        distance = abs(token.i - trigger.i) if nearest else token.i
        if best is None or distance < best[0]:
            best = (distance, money)
    return best[1] if best else None


def _sum_starts(sent: Span) -> frozenset[int]:
    """The positions of the words the sentence's sums start at (what ``_money_in`` reads)."""
    return frozenset(t.i for start, _end, _money in _amounts(sent) if (t := _token_at(sent, sent.start_char + start)) is not None)


def _amounts(sent: Span) -> list:
    """``_unconverted_sums``, read once per sentence: every trigger of the sentence asks."""
    return per_span(sent, "ikg_amounts", _unconverted_sums)


def _unconverted_sums(sent: Span) -> list:
    """Each sum of the sentence but a conversion bracketed right after the one before ("€2.2bn ($2.4bn)")
    and a price per share ("¥2,450 a share"), which is no sum paid for a deal."""
    text = sent.text
    kept = []
    for match in sums_in(sent):
        before = text[: match.start].rstrip()
        after = text[match.end :].lstrip().lower()
        per_share = priced_per_unit(text, match)
        per_share |= before.lower().endswith(" at") and after.startswith(("each", "apiece"))  # "338m shares at €5.63 each"
        if not per_share and not (before.endswith("(") and kept and len(before) - kept[-1].end <= 3):
            kept.append(match)
    return kept


def priced_per_unit(text: str, match: MoneyMatch) -> bool:
    """A price per share or unit ("¥2,450 a share", "₹3.18 per kWh"): no sum paid for a deal."""
    return text[match.end :].lstrip().lower().startswith(tuple(word_list("per_share_phrases")))


def _token_at(sent: Span, char: int) -> Token | None:
    """The token that covers document offset ``char``."""
    span = sent.doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def clause_share(trigger: Token) -> Decimal | None:
    """A percentage in the clause that states a holding: on a stake word, a partitive "of"/"in", or "to N%"."""
    kept = {t.i for t in clause_tokens(clause_verb(trigger), keep=trigger)}
    sent = trigger.sent
    for start, _end, value in find_percents(sent.text):
        token = _token_at(sent, sent.start_char + start)
        if token is not None and token.i in kept and _holding_percent(token, trigger):
            return value
    return None


def _holding_percent(token: Token, trigger: Token) -> bool:
    """The percentage or one of its three nearest heads is the trigger, a stake word or a "to"/"of" on it."""
    for node in [token, *list(token.ancestors)[:3]]:
        if node.lemma_.lower() in frame_lexicon().stake_nouns or node == trigger:
            return True
        if node.dep_ == "pobj" and node.head.lower_ in {"to", "of"} and node.head.head == trigger:
            return True
    return False
