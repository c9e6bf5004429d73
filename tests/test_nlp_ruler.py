"""Issue 11: the gazetteer's phrase patterns are tokenised without the tagger, parser and NER
(2.5 s less start-up per process, paid by every --jobs/--dask worker), and are the very
patterns the whole pipeline before the ruler made: LOWER depends on token boundaries alone."""

from __future__ import annotations

from collections import Counter

from graph.gazetteer import load_gazetteer
from graph.nlp import _as_phrase, get_nlp


def _key(label: str, ent_id: str | None) -> str:
    return f"{label}||{ent_id}" if ent_id else label  # how the EntityRuler files a pattern with an id


def test_phrase_patterns_equal_those_of_the_full_pipeline() -> None:
    nlp = get_nlp()
    ruler = nlp.get_pipe("entity_ruler")
    made = Counter((label, tuple(t.lower_ for t in doc))
                   for label, docs in ruler.phrase_patterns.items() for doc in docs)
    phrases = [p for p in map(_as_phrase, load_gazetteer().ruler_patterns()) if isinstance(p["pattern"], str)]
    before_ruler = nlp.pipe_names[:nlp.pipe_names.index("entity_ruler")]
    with nlp.select_pipes(enable=before_ruler):
        full = Counter((_key(p["label"], p.get("id")), tuple(t.lower_ for t in doc))
                       for p, doc in zip(phrases, nlp.pipe([p["pattern"] for p in phrases])))
    assert len(phrases) > 1000
    assert made == full
