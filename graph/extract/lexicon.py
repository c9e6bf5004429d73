"""Word lists the extractors share, loaded from ``data/lexicon.json``.

Patterns live in data, not code, so that a user can extend them for a new
corpus without touching the extractors.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import lru_cache
from pathlib import Path

from graph import paths
from graph.errors import KGError

LEXICON_PATH = paths.LEXICON


class LexiconError(KGError):
    """``data/lexicon.json`` is missing or malformed."""


@dataclass(frozen=True, slots=True)
class Lexicon:
    titles: frozenset[str]
    legal_forms: frozenset[str]  # "PJSC", "Sdn Bhd": the end of a company's name, whatever the tagger made of it
    company_words: frozenset[str]
    leading_company_words: frozenset[str]  # "Grupo X", "PT X": a company's designator before its name
    organization_words: frozenset[str]
    government_words: frozenset[str]
    descriptors: frozenset[str]
    staff_words: frozenset[str]  # "X chairman Y", "X's board": only an organisation has them
    asset_heads: frozenset[str]
    generic_asset_heads: frozenset[str]  # "the project", "the facility": may name an asset of any head
    synonymous_asset_heads: frozenset[str]  # groups, each one string of heads: "the plant" may be "the factory" named before
    unchained_asset_heads: frozenset[str]  # a stake, a venture: not one asset under several descriptions
    regional_words: frozenset[str]  # "European", "Gulf": where an asset is, not which one
    leading_asset_words: frozenset[str]  # "Estádio X", "Mina X": an asset's kind before its name
    generic_targets: frozenset[str]
    junk_heads: frozenset[str]
    debt_words: frozenset[str]  # "funds its share through a bond": what one borrows by
    stake: frozenset[str]
    pledge: frozenset[str]
    cancelled: frozenset[str]
    sign_verbs: frozenset[str]
    effective_cues: frozenset[str]
    anaphora_heads: frozenset[str]


@lru_cache(maxsize=1)
def lexicon(path: Path = LEXICON_PATH) -> Lexicon:
    raw = paths.read_json(path, LexiconError, "the lexicon")
    try:
        return Lexicon(**{f.name: frozenset(raw[f.name]) for f in fields(Lexicon)})
    except (KeyError, TypeError) as e:
        raise LexiconError(f"{path}: malformed lexicon ({e!r}); compare with git") from e
