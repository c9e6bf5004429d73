"""A small hand-built Corpus (no NLP) shared by the RDF and validation tests.

Two documents state the same HeSteel acquisition (so it must become one node
with two derivations); the second adds an agreement, an event and a stake.
Texts are short invented paraphrases of data/corpus/002_serbia_china_balkans.txt.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from decimal import Decimal

from graph.model import (
    ActorKind,
    ActorRecord,
    ActorRef,
    Agreement,
    Corpus,
    Document,
    DocumentFacts,
    Event,
    Evidence,
    Investment,
    Mention,
    Money,
    PartialDate,
    Status,
)

TEXT_A = (
    "In 2016 the Chinese HeSteel Group bought the Smederevo steel mill for €42 million. "
    "President Vucic welcomed the deal."
)
TEXT_B = (
    "HeSteel bought the Smederevo Steel Mill in 2016 for €42 million. "
    "Zijin Mining acquired a 63 percent share of RTB Bor in 2018. "
    "China and Serbia signed a free trade agreement on 8 May 2024. "
    "Xi Jinping paid a state visit to Serbia in May 2024."
)

SERBIA = ActorRef("Serbia", ActorKind.COUNTRY, "Serbia")
CHINA = ActorRef("China", ActorKind.COUNTRY, "China")
HESTEEL_A = ActorRef("HeSteel Group", ActorKind.COMPANY, "HeSteel Group")
HESTEEL_B = ActorRef("HeSteel Group", ActorKind.COMPANY, "HeSteel")
MILL_A = ActorRef("Smederevo steel mill", ActorKind.ASSET, "Smederevo steel mill")
MILL_B = ActorRef("Smederevo steel mill", ActorKind.ASSET, "Smederevo Steel Mill")
VUCIC = ActorRef("Aleksandar Vučić", ActorKind.PERSON, "Vucic")
ZIJIN = ActorRef("Zijin Mining", ActorKind.COMPANY, "Zijin Mining")
BOR = ActorRef("RTB Bor", ActorKind.COMPANY, "RTB Bor")
XI = ActorRef("Xi Jinping", ActorKind.PERSON, "Xi Jinping")

RECORDS = {
    r.key: r
    for r in [
        ActorRecord("serbia", "Serbia", ActorKind.COUNTRY, wikidata="Q403"),
        ActorRecord("china", "China", ActorKind.COUNTRY, wikidata="Q148"),
        ActorRecord("hesteel-group", "HeSteel Group", ActorKind.COMPANY, country="china"),
        ActorRecord("smederevo-steel-mill", "Smederevo steel mill", ActorKind.ASSET, country="serbia"),
        ActorRecord("aleksandar-vucic", "Aleksandar Vučić", ActorKind.PERSON,
                    alt_labels=frozenset({"Vucic"}), country="serbia", wikidata="Q15965"),
        ActorRecord("zijin-mining", "Zijin Mining", ActorKind.COMPANY, country="china"),
        ActorRecord("rtb-bor", "RTB Bor", ActorKind.COMPANY, country="serbia"),
        ActorRecord("xi-jinping", "Xi Jinping", ActorKind.PERSON, country="china"),
    ]
}


def key_of(ref: ActorRef) -> str:
    """The toy resolver: canonical name → slug."""
    return {"Aleksandar Vučić": "aleksandar-vucic"}.get(
        ref.name, ref.name.lower().replace(" ", "-")
    )


def document(doc_id: str, text: str) -> Document:
    return Document(
        id=doc_id, file_name=f"{doc_id}.txt", text=text, source_text=text,
        sha256=hashlib.sha256(text.encode()).hexdigest(), title=f"Title of {doc_id}",
        published=dt.date(2024, 6, 1),
    )


def evidence(doc_id: str, text: str, sentence: str) -> Evidence:
    start = text.index(sentence)
    return Evidence(doc_id, sentence, start, start + len(sentence))


def hesteel(doc_id: str, text: str, investor: ActorRef, target: ActorRef, sentence: str) -> Investment:
    return Investment(
        investor=investor, target=target, evidence=evidence(doc_id, text, sentence),
        amount=Money(Decimal("42000000"), "EUR"), date=PartialDate(2016),
        status=Status.COMPLETED, kind="acquisition",
    )


def facts_a() -> DocumentFacts:
    doc = document("doc-a", TEXT_A)
    first = TEXT_A.split(". ")[0] + "."
    return DocumentFacts(
        document=doc,
        mentions=[Mention(VUCIC, evidence("doc-a", TEXT_A, "President Vucic welcomed the deal."))],
        investments=[hesteel("doc-a", TEXT_A, HESTEEL_A, MILL_A, first)],
    )


def facts_b() -> DocumentFacts:
    doc = document("doc-b", TEXT_B)
    s = [x + "." for x in TEXT_B.rstrip(".").split(". ")]
    return DocumentFacts(
        document=doc,
        investments=[
            hesteel("doc-b", TEXT_B, HESTEEL_B, MILL_B, s[0]),
            Investment(ZIJIN, BOR, evidence("doc-b", TEXT_B, s[1]), stake=Decimal("0.63"),
                       date=PartialDate(2018), kind="share purchase"),
        ],
        agreements=[Agreement("free trade agreement", (CHINA, SERBIA), evidence("doc-b", TEXT_B, s[2]),
                              date=PartialDate(2024, 5, 8), effective=PartialDate(2024, 7, 1))],
        events=[Event("State Visit", (XI, SERBIA), evidence("doc-b", TEXT_B, s[3]),
                      date=PartialDate(2024, 5), place=SERBIA)],
    )


def two_document_corpus() -> Corpus:
    """doc-a and doc-b, both stating the HeSteel acquisition."""
    return Corpus(documents=[facts_a(), facts_b()], actors=dict(RECORDS), key_of=key_of)
