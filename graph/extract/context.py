"""Context a sentence inherits from the paragraph around it.

News writes "In 2018, Serbia saw a surge in Chinese investment. The
construction of a tyre factory … by Linglong …": the year of the first
sentence dates the facts of the next ones.
"""

from __future__ import annotations

from spacy.tokens import Span

from graph.extract.common import first_date, previous_sentence
from graph.model import PartialDate

LOOK_BACK = 3


def date_near(sent: Span) -> PartialDate | None:
    """The sentence's own date, else the latest one stated earlier in its paragraph."""
    own = first_date(sent)
    if own is not None:
        return own
    current = sent
    for _ in range(LOOK_BACK):
        earlier = previous_sentence(current)
        if earlier is None or "\n" in sent.doc.text[earlier.end_char : current.start_char]:
            return None
        tail = _last_paragraph(earlier)
        found = first_date(tail)
        if found is not None or tail is not earlier:
            return found
        current = earlier
    return None


def _last_paragraph(sent: Span) -> Span:
    """The part of a sentence after its last line break (segmentation may span two)."""
    cut = sent.text.rstrip().rfind("\n")
    if cut < 0:
        return sent
    tail = sent.doc.char_span(sent.start_char + cut + 1, sent.end_char, alignment_mode="expand")
    return tail if tail is not None else sent
