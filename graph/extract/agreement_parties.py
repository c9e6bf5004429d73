"""Who signed an agreement: the parties news names, and those it leaves to context.

"X and Y signed", "signed with Y", "between X and Y", "signed by X": the
syntax names them. Where it does not, news conventions do: "the government"
is the article's country, "the two governments" its two countries, "They"
the parties just named, and a signing with only a counterpart ("the
agreement signed with HRADF") was signed by the company or country the
previous sentences are about.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from graph.extract.actors import actors_in, find_actors
from graph.extract.common import is_headline, previous_sentence
from graph.extract.phrases import actor_at, demonym_country, phrase_ref, phrase_refs
from graph.model import ActorKind, ActorRef, PartialDate

PARTY_KINDS = frozenset({ActorKind.COUNTRY, ActorKind.COMPANY, ActorKind.ORGANIZATION, ActorKind.GOVERNMENT_BODY})
PAIR_WORDS = frozenset({"country", "government", "side", "nation", "state", "leader", "president", "capital", "party"})
STATE_WORDS = frozenset({"government", "ministry", "cabinet", "administration", "authorities", "executive", "state", "parliament"})
COMPANY_WORDS = frozenset({"company", "firm", "group", "investor", "buyer", "bank", "lender", "operator", "carmaker", "steelmaker", "maker", "fund", "conglomerate", "developer", "contractor", "giant", "subsidiary"})
SETTLEMENT_WORDS = frozenset({"municipality", "city", "town", "region", "province", "county", "district"})
LEADER_TITLES = frozenset({"president", "premier", "chancellor", "king", "emir", "prime", "minister"})
THEY = frozenset({"they", "both"})
PARTY_PREPS = frozenset({"between", "with", "among"})
INCLUDING = frozenset({"including", "like", "as"})


@dataclass
class Context:
    """What the document tells about an agreement beyond its sentence.

    ``focus``: the article's countries, most mentioned first ("the government"
    is the first); ``lede``: the date of the news; ``recent``: the sentence
    number and parties of the last agreement ("They also signed …");
    ``recent_name``: that agreement's name ("an expanded version" is a new one of it);
    ``bundle``: the sentence number, parties and date of the last unnamed
    batch signed ("signed four MoUs"), which "The MoUs cover X and Y" names.
    """

    focus: list[str]
    lede: PartialDate | None
    recent: tuple[int, tuple[ActorRef, ...]] | None = None
    bundle: tuple[int, tuple[ActorRef, ...], PartialDate | None] | None = None
    recent_name: str = ""
    names: dict[str, ActorRef] = field(default_factory=dict)
    companies: Counter[str] = field(default_factory=Counter)


def known_names(doc: Doc) -> dict[str, ActorRef]:
    """Each company, body or country of the doc by its name, surface and unambiguous
    leading words: a short re-mention ("Harbor Ridge" for "Harbor Ridge Capital")
    the NER mislabels locally still names the party."""
    full: dict[str, ActorRef] = {}
    short: dict[str, set[str]] = {}
    refs: dict[str, ActorRef] = {}
    for actor in find_actors(doc):
        ref = actor.ref
        if ref.kind not in PARTY_KINDS:
            continue
        refs[ref.name] = ref
        for key in {ref.name, ref.surface or ref.name}:
            full.setdefault(key, ref)
        words = ref.name.split()
        for n in range(1, len(words)):
            short.setdefault(" ".join(words[:n]), set()).add(ref.name)
    out = {key: refs[next(iter(names))] for key, names in short.items() if len(names) == 1}
    return out | full


def definite(head: Token) -> bool:
    """"the agreement", "this deal": a thing the reader already knows of."""
    return any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in head.children)


def parties(head: Token, anchor: Token | None, sent: Span, ctx: Context, number: int, *, name_end: int) -> list[ActorRef]:
    """Who signed the agreement ``head`` names; ``name_end`` ends its name (actors there are its topic)."""
    counterparts = counterparts_of(head, anchor, ctx, number)
    tokens = signer_tokens(anchor)
    signers = [r for t in tokens for r in _resolve(t, ctx, number, exclude=counterparts)]
    found = unique(signers + counterparts)
    if len(found) < 2 and not tokens and found:
        found = unique(_implicit_signer(sent, ctx, number, exclude=found) + found)
    if not found:
        found = _pair_in(sent, ctx) or _sentence_actors(head, sent, name_end)
    return [p for p in found if p.kind is not ActorKind.ASSET]


def counterparts_of(head: Token, anchor: Token | None, ctx: Context, number: int) -> list[ActorRef]:
    """The other side: "with Y", "between X and Y" ("framework agreements with A and B" has two)."""
    holders = [head, *(c for p in head.children if p.lower_ == "of" for c in p.children if c.dep_ == "pobj")]
    if anchor is not None:
        holders.append(anchor)
    refs: list[ActorRef] = []
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ == "prep" and prep.lower_ in PARTY_PREPS:
                obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if obj is not None:
                    refs += _resolve(obj, ctx, number, exclude=[]) + _listed_before(obj)
    return unique(refs + _under_which(head, ctx, number))


def _under_which(head: Token, ctx: Context, number: int) -> list[ActorRef]:
    """"a partnership under which Adani was to build lines": who the clause says acts under it."""
    for clause in (c for c in head.children if c.dep_ == "relcl"):
        opener = next((t for t in clause.subtree if t.dep_ == "prep" and t.lower_ in {"under", "by"}), None)
        if opener is None or not any(g.lower_ == "which" for g in opener.children):
            continue
        subject = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is not None:
            return _resolve(subject, ctx, number, exclude=[])
    return []


def _listed_before(obj: Token) -> list[ActorRef]:
    """"with Hanwha and Hyundai Rotem" parsed as one name: every party named up to the
    object's head word (not those of a clause after it)."""
    span = obj.doc[obj.left_edge.i : obj.i + 1]
    return [a.ref for a in actors_in(span) if a.ref.kind in PARTY_KINDS]


def signer_tokens(anchor: Token | None) -> list[Token]:
    """The subject of the signing ("X signed", "signed by X", "X met Y and signed")."""
    if anchor is None or anchor.dep_ in {"acl", "relcl"}:
        return []
    verb = anchor
    while True:
        subjects = [c for c in verb.children if c.dep_ in {"nsubj", "agent"}]
        behalf = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "on" and any(g.lower_ == "behalf" for g in c.children)]
        if subjects or behalf or verb.dep_ != "conj" or verb.head is verb:
            break
        verb = verb.head
    tokens = []
    for child in subjects + behalf:
        if child.lower_ == "on":
            tokens += [g for g in child.subtree if g.dep_ == "pobj"][-1:]
        else:
            tokens.append(child)
    return tokens


def resolve(token: Token, ctx: Context, number: int, *, exclude: list[ActorRef]) -> list[ActorRef]:
    """The parties one noun phrase (and its conjuncts) stands for."""
    return _resolve(token, ctx, number, exclude=exclude)


def _resolve(token: Token, ctx: Context, number: int, *, exclude: list[ActorRef]) -> list[ActorRef]:
    refs: list[ActorRef] = []
    for item in (token, *token.conjuncts):
        refs += _resolve_one(item, ctx, number, exclude)
    return unique(refs)


def _resolve_one(token: Token, ctx: Context, number: int, exclude: list[ActorRef]) -> list[ActorRef]:
    lemma = token.lemma_.lower()
    if token.dep_ == "agent":
        return _agent_parties(token)
    if token.lower_ in THEY:
        return _they(token, ctx, number)
    if _is_pair(token):
        return _pair(token.sent, ctx)
    named_by = _appositions(token, ctx)
    if named_by:
        return named_by
    examples = [g for c in token.children if c.dep_ == "prep" and c.lower_ in INCLUDING for g in c.children if g.dep_ == "pobj"]
    if examples:
        return _resolve(examples[0], ctx, number, exclude=exclude)
    one = phrase_ref(token)
    named = [one] if one is not None and one.kind is not ActorKind.ASSET else []
    local = _local_government(token)
    if local:
        return local
    if lemma in STATE_WORDS and actor_at(token) is None:
        country = [r for r in named if r.kind is ActorKind.COUNTRY] or _demonym(token)
        return country or _recent_subject(token.sent, ctx, exclude=exclude, kinds={ActorKind.COUNTRY}) or _focus_country(ctx, exclude)
    if lemma in COMPANY_WORDS and token.pos_ == "NOUN" and definite(token):
        recent = _recent_subject(token.sent, ctx, exclude=exclude, kinds={ActorKind.COMPANY, ActorKind.ORGANIZATION})
        return _main_company(ctx, recent, exclude) or recent
    if token.pos_ == "PROPN" and (one is None or one.kind in {ActorKind.ASSET, ActorKind.PERSON}):
        known = ctx.names.get(_compound_name(token))
        if known is not None:
            return [known]
    if named and all(r.kind is ActorKind.PERSON for r in named):
        return _represented(token, named) or (_focus_country(ctx, exclude) if _leader_title(token) else [])
    return [r for r in named if r.kind is not ActorKind.PERSON] or _collective(token) or _in_phrase(token)


def _main_company(ctx: Context, recent: list[ActorRef], exclude: list[ActorRef]) -> list[ActorRef]:
    """"The company" in a story about one firm is that firm, even after a sentence about its
    lender: when it is named far more often than the last subject."""
    if not ctx.companies:
        return []
    main, count = ctx.companies.most_common(1)[0]
    ref = ctx.names.get(main)
    if ref is None or main in {r.name for r in exclude} or (recent and recent[0].name == main):
        return []
    return [ref] if count >= 3 * max(1, ctx.companies[recent[0].name] if recent else 0) else []


def _appositions(token: Token, ctx: Context) -> list[ActorRef]:
    """"Chile's state copper company Codelco and India's KABIL": the names in apposition
    are the parties, not the possessor country; a name after a company word is a company."""
    refs: list[ActorRef] = []
    for appos in (c for c in token.children if c.dep_ == "appos" and c.pos_ == "PROPN"):
        for item in (appos, *appos.conjuncts):
            if any(c.dep_ == "case" for c in item.children):  # "India's …": a possessor
                continue
            one = phrase_ref(item)
            name = _compound_name(item)
            if one is not None and one.kind in PARTY_KINDS:
                refs.append(one)
            elif name in ctx.names:
                refs.append(ctx.names[name])
            elif token.lemma_.lower() in COMPANY_WORDS:
                refs.append(ActorRef(name, ActorKind.COMPANY, name, None))
    return unique(refs)


def _compound_name(token: Token) -> str:
    """"Harbor Ridge" of "Harbor Ridge": the proper name ``token`` ends."""
    first = token.i
    while first > 0 and token.doc[first - 1].dep_ == "compound" and token.doc[first - 1].pos_ == "PROPN" and token.doc[first - 1].head.i == token.i:
        first -= 1
    return token.doc[first : token.i + 1].text


def _they(token: Token, ctx: Context, number: int) -> list[ActorRef]:
    """"They also signed …": the parties just named, else the previous sentence's subjects
    (leaders stand for their countries)."""
    if ctx.recent is not None and number - ctx.recent[0] <= 2:
        return list(ctx.recent[1])
    earlier = previous_sentence(token.sent)
    subject = next((c for c in earlier.root.children if c.dep_ == "nsubj"), None) if earlier is not None else None
    if subject is None or subject.lower_ in THEY:
        return []
    refs: list[ActorRef] = []
    for item in (subject, *subject.conjuncts):
        one = phrase_ref(item)
        if one is not None and one.kind is ActorKind.PERSON:
            refs += _represented(item, [one])
        elif one is not None and one.kind in PARTY_KINDS:
            refs.append(one)
    return unique(refs) if len(refs) >= 2 else []


def _agent_parties(agent: Token) -> list[ActorRef]:
    """"signed by X chief executive Y and representatives of the seller, fund Z":
    the parser often breaks the list after "by", so take the parties named after it."""
    span = agent.doc[agent.i : agent.sent.end]
    refs = [a.ref for a in actors_in(span)]
    bodies = [r for r in refs if r.kind in PARTY_KINDS - {ActorKind.COUNTRY}]
    countries = [r for r in refs if r.kind is ActorKind.COUNTRY and r.surface == r.name]
    people = [r for r in refs if r.kind is ActorKind.PERSON]
    return unique(bodies + countries) or _represented(agent, people)


def _local_government(token: Token) -> list[ActorRef]:
    """"the municipality of Debrecen" signs as Debrecen."""
    if token.lemma_.lower() not in SETTLEMENT_WORDS:
        return []
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            obj = next((c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "PROPN"), None)
            if obj is not None:
                name = token.doc[obj.left_edge.i : obj.i + 1].text
                return [ActorRef(name, ActorKind.GOVERNMENT_BODY, token.doc[token.left_edge.i : obj.i + 1].text, None)]
    return []


def _leader_title(token: Token) -> bool:
    """"President William Ruto" with no country named: news means the article's own country's leader."""
    words = {t.lower_ for t in token.lefts if t.dep_ == "compound"}
    return bool(words & LEADER_TITLES) and not any(t.ent_type_ in {"NORP", "GPE"} for t in token.subtree)


def _collective(token: Token) -> list[ActorRef]:
    """"Serbian pro-government media": a group named by its country and kind."""
    country = demonym_country(token)
    if country is None or token.lemma_.lower() in STATE_WORDS:
        return []
    name = token.doc[token.left_edge.i : token.i + 1].text
    return [ActorRef(name, ActorKind.ORGANIZATION, name, country.name)]


def _demonym(token: Token) -> list[ActorRef]:
    found = demonym_country(token)
    return [found] if found is not None else []


def _in_phrase(token: Token) -> list[ActorRef]:
    """Parties named inside a phrase phrase_refs does not resolve."""
    span = token.doc[token.left_edge.i : token.right_edge.i + 1]
    return [a.ref for a in actors_in(span) if a.ref.kind in PARTY_KINDS]


def _represented(token: Token, persons: list[ActorRef]) -> list[ActorRef]:
    """"ADQ chief executive X" signs for ADQ; a head of state for the country."""
    span = token.doc[token.left_edge.i : token.right_edge.i + 1]
    bodies = [a.ref for a in actors_in(span) if a.ref.kind in PARTY_KINDS - {ActorKind.COUNTRY}]
    if bodies:
        return bodies
    countries = [ActorRef(p.country, ActorKind.COUNTRY, p.surface or p.name, p.country) for p in persons if p.country]
    return countries


def _is_pair(token: Token) -> bool:
    """"the two governments", "both sides"."""
    if token.lemma_.lower() not in PAIR_WORDS or token.tag_ not in {"NNS", "NNPS"}:
        return False
    return any(c.lower_ in {"two", "both"} for c in token.children)


def _pair_in(sent: Span, ctx: Context) -> list[ActorRef]:
    return _pair(sent, ctx) if any(_is_pair(t) for t in sent) else []


def _pair(sent: Span, ctx: Context) -> list[ActorRef]:
    """The two countries: those the sentence names (or its people's), then the article's main ones."""
    names: list[str] = []
    for actor in actors_in(sent):
        country = actor.ref.name if actor.ref.kind is ActorKind.COUNTRY else actor.ref.country if actor.ref.kind is ActorKind.PERSON else None
        if country and country not in names:
            names.append(country)
    for name in ctx.focus:
        if len(names) >= 2:
            break
        if name not in names:
            names.append(name)
    return [ActorRef(n, ActorKind.COUNTRY, n, n) for n in names[:2]] if len(names) >= 2 else []


def _focus_country(ctx: Context, exclude: list[ActorRef]) -> list[ActorRef]:
    """"The government signed …": the article's main country, not the counterpart's."""
    taken = {r.name for r in exclude} | {r.country for r in exclude if r.country}
    name = next((n for n in ctx.focus if n not in taken), None)
    return [ActorRef(name, ActorKind.COUNTRY, name, name)] if name else []


def _implicit_signer(sent: Span, ctx: Context, number: int, *, exclude: list[ActorRef]) -> list[ActorRef]:
    """"Under the agreement signed with X, COSCO committed …": the clause's subject,
    else the company or country the previous sentences are about."""
    subject = next((c for c in sent.root.children if c.dep_ == "nsubj"), None)
    if subject is not None:
        found = [r for r in _resolve(subject, ctx, number, exclude=exclude) if r.name not in {e.name for e in exclude}]
        if found:
            return found[:1]
    return _recent_subject(sent, ctx, exclude=exclude, kinds=PARTY_KINDS)


def _recent_subject(sent: Span, ctx: Context, *, exclude: list[ActorRef], kinds: frozenset | set) -> list[ActorRef]:
    taken = {r.name for r in exclude}
    current = sent
    for _ in range(2):
        current = previous_sentence(current)
        if current is None or is_headline(current):
            return []
        subjects = [t for t in current if t.dep_ in {"nsubj", "nsubjpass"}]
        for token in reversed(subjects):
            refs = [r for r in phrase_refs(token) if r.kind in kinds and r.name not in taken]
            if refs:
                return refs[:1]
    return []


def _sentence_actors(head: Token, sent: Span, name_end: int) -> list[ActorRef]:
    """Last resort ("relations between X and Y began with the signing of …"):
    the sentence's parties, outside the agreement's own name."""
    return unique([a.ref for a in actors_in(sent) if a.ref.kind in PARTY_KINDS and not head.i <= a.span.start <= name_end])


def unique(refs: list[ActorRef]) -> list[ActorRef]:
    seen: dict[str, ActorRef] = {}
    for ref in refs:
        seen.setdefault(ref.name, ref)
    return list(seen.values())
