"""Word lists of the event, agreement and attribution readers, in ``data/word_lists.json`` so
that a user can extend them for a new corpus without touching the readers."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from graph import paths
from graph.errors import KGError

WORD_LISTS_PATH = paths.DATA / "word_lists.json"


class WordListError(KGError):
    """``data/word_lists.json`` is missing or malformed."""


@lru_cache(maxsize=1)
def _lists(path: Path = WORD_LISTS_PATH) -> dict[str, frozenset[str]]:
    raw = paths.read_json(path, WordListError, "the word lists")
    try:
        return {name: frozenset(words) for name, words in raw.items() if name != "about"}
    except (AttributeError, TypeError) as e:
        raise WordListError(f"{path}: malformed word lists ({e!r}); compare it with git") from e


def word_list(name: str) -> frozenset[str]:
    """The list ``name`` of ``data/word_lists.json`` (its "about" key says what each is for)."""
    return _lists()[name]
