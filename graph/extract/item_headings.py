"""List items that open with a heading: "• Galle harbour. Built with loans from X: $361m in 2010 …",
"2. Esmeraldas refinery rehabilitation. Paid for out of a $1bn loan from Y." Reports, briefs and
digests name the project an item is about once, in a verbless phrase that opens the paragraph; the
item's sentences then tell its money without naming it again.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from graph.extract.common import doc_text, next_sentence, previous_sentence
from graph.extract.context import paragraph_break
from graph.extract.lexicon import lexicon
from graph.extract.phrases import asset_ref, named_asset
from graph.model import ActorKind, ActorRef

MARKERS = frozenset({"•", "·", "-", "–", "—", "*", "▪", "○", "►"})
HEADING_WORDS = 12  # longer than a heading, a verbless line is a fragment of text


def item_heading(sent: Span) -> ActorRef | None:
    """The named asset a verbless phrase that opens a paragraph names, where the paragraph goes on
    (an item without one keeps the topic before it: the asset may be told there)."""
    if len(sent) > 2 * HEADING_WORDS or not _opens_paragraph(sent) or not _goes_on(sent):
        return None  # most sentences: read no further
    words = [t for t in sent if not t.is_space and not _marker(t)]
    if not words or len(words) > HEADING_WORDS:
        return None
    if any(t.pos_ in {"VERB", "AUX"} for t in words):
        return None
    found = next((ref for t in words if (ref := asset_ref(t)) is not None and named_asset(ref)), None) or _as_written(words)
    return _unmarked(found) if found is not None else None


def _unmarked(ref: ActorRef) -> ActorRef:
    """The name without the bullet the parser may have read as its first word."""
    name, surface = (text.lstrip("".join(MARKERS) + " ") for text in (ref.name, ref.surface))
    return ActorRef(name, ref.kind, surface, ref.country) if name != ref.name else ref


def _as_written(words: list[Token]) -> ActorRef | None:
    """The heading itself, up to its bracket or comma, where it starts with a capital and has an asset's
    word (the tagger may take "Esmeraldas" for a preposition, and the asset for no name)."""
    end = next((i for i, t in enumerate(words) if t.text in {"(", ",", ".", ":"}), len(words))
    name = words[0].doc[words[0].i : words[end - 1].i + 1].text if end else ""
    heads = lexicon().asset_heads
    if not name[:1].isupper() or not any(t.lemma_.lower() in heads for t in words[:end]):
        return None
    return ActorRef(name, ActorKind.ASSET, name, None)


def _marker(token: Token) -> bool:
    """A bullet, or an item's number ("2.") and its point."""
    first = token.i == token.sent.start or token.doc[token.i - 1].is_space
    return token.text in MARKERS or (first and token.like_num) or (token.is_punct and token.i <= token.sent.start + 1)


def _number_alone(sent: Span | None) -> bool:
    return sent is not None and len(sent.text.strip()) <= 4 and all(t.like_num or t.is_punct or t.is_space for t in sent)


def _opens_paragraph(sent: Span) -> bool:
    """A line break before the sentence, or before an item number the splitter made a sentence of its own."""
    before = previous_sentence(sent)
    first = before if _number_alone(before) else sent
    earlier = previous_sentence(first)
    return earlier is None or paragraph_break(earlier, first)


def _goes_on(sent: Span) -> bool:
    """The paragraph continues after the sentence, which is one line (a crosshead stands alone)."""
    after = next_sentence(sent)
    one_line = "\n" not in doc_text(sent.doc)[sent.start_char : sent.end_char].rstrip()
    return after is not None and one_line and not paragraph_break(sent, after)
