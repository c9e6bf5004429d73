"""Load the hand-written passages of ``tests/data/passages.json`` for extractor tests."""

from __future__ import annotations

import json
from functools import lru_cache

from graph.evaluate import normalise_name
from graph.model import ActorRef, DocumentFacts
from tests.conftest import DATA, make_document


@lru_cache(maxsize=1)
def passages() -> list[dict]:
    return json.loads((DATA / "passages.json").read_text(encoding="utf-8"))


def cases(kind: str) -> list[tuple[str, dict, dict]]:
    """(case id, passage, expected fact) for every expected fact of ``kind``."""
    out = []
    for p in passages():
        facts = [f for f in p["facts"] if f["type"] == kind]
        for i, fact in enumerate(facts):
            out.append((p["id"] + (f"-{i + 1}" if len(facts) > 1 else ""), p, fact))
    return out


def params(kind: str, known_misses: dict[str, str]) -> list:
    """``cases(kind)`` as pytest params; a known miss is a strict xfail, so a fix shows."""
    import pytest

    return [
        pytest.param(
            passage,
            fact,
            id=case_id,
            marks=[pytest.mark.xfail(reason=known_misses[case_id], strict=True)] if case_id in known_misses else [],
        )
        for case_id, passage, fact in cases(kind)
    ]


@lru_cache(maxsize=None)
def _extract(passage_id: str) -> DocumentFacts:
    from graph.pipeline import extract_document

    p = next(p for p in passages() if p["id"] == passage_id)
    return extract_document(make_document(p["text"], doc_id=p["id"], published=p.get("published")))


def extracted(passage: dict) -> DocumentFacts:
    return _extract(passage["id"])


def names(passage: dict, name: str) -> set[str]:
    """The gold name and every alias the passage's actor list gives it."""
    forms = {normalise_name(name)}
    for actor in (f for f in passage["facts"] if f["type"] == "actor"):
        all_forms = {normalise_name(n) for n in [actor["name"], *actor.get("aliases", [])]}
        if forms & all_forms:
            forms |= all_forms
    return forms


def same(ref: ActorRef, passage: dict, name: str) -> bool:
    return bool({normalise_name(ref.name), normalise_name(ref.surface)} & names(passage, name))
