"""Keys of actor references: what makes two names one entity before any vote.

Accent and case folding, gazetteer canonical names, legal forms dropped, and
asset head classes ("Smederevo Steel Mill" = "Smederevo steel plant").
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from graph.gazetteer import load_gazetteer
from graph.model import ActorKind, ActorRef

ASSET_CLASSES = {"mill": "plant", "factory": "plant", "works": "plant", "plant": "plant", "steelworks": "plant"}
LEGAL_FORM = re.compile(r"[\s,]+(inc|ltd|llc|plc|ag|gmbh|s\.?a|n\.?v|b\.?v|co|corp|s\.?p\.?a|jsc|pjsc|oao|ooo|d\.?o\.?o|a\.?s|s\.?r\.?o)\.?$", re.IGNORECASE)


def fold(text: str) -> str:
    """Lower case, accents removed, typographic apostrophes unified."""
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower().strip()


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-") or "unnamed"


def base_key(ref: ActorRef) -> str:
    """The key of a reference before fuzzy merging."""
    return _base_key(ref.name, ref.kind)


@lru_cache(maxsize=1 << 16)
def _base_key(name: str, kind: ActorKind) -> str:
    """Remembered: merging and serialising ask again for the same names, thousands of times
    in a long document (the default gazetteer it reads is loaded once per process)."""
    entry = load_gazetteer().lookup(name)
    if entry is not None:
        return slug(entry.name)
    if kind is ActorKind.ASSET:
        return _asset_key(name)
    return slug(_without_legal_form(name))


def forget_keys() -> None:
    """Empty the memo of :func:`base_key` (a store build does so between phases, issue 11)."""
    _base_key.cache_clear()


def _without_legal_form(name: str) -> str:
    stripped = name
    while (shorter := LEGAL_FORM.sub("", stripped)) != stripped and shorter:
        stripped = shorter
    return stripped


def _asset_key(name: str) -> str:
    words = fold(name).replace("–", " ").replace("-", " ").split()
    return "-".join(ASSET_CLASSES.get(w, w) for w in words) or "asset"
