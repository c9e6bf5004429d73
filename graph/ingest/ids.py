"""Stable document ids: the file name as a slug, unique within one run.

Ids become IRIs (``…/id/document/<id>``), so they must not depend on the
machine, the folder the corpus sits in, or the order files were listed in.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import PurePath

# Letters NFKD does not split into base letter + accent.
_FOLD = str.maketrans({
    "ß": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ø": "o", "Ø": "o",
    "đ": "d", "Đ": "d", "ł": "l", "Ł": "l", "þ": "th", "Þ": "th", "ð": "d", "Ð": "d",
    "ı": "i",
})
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
FALLBACK_SLUG = "document"
SUFFIX_CHARS = 8


def slugify(name: str) -> str:
    """Lower-case ASCII, accents folded, other runs of characters → ``-``."""
    folded = unicodedata.normalize("NFKD", name.translate(_FOLD))
    ascii_only = folded.encode("ascii", "ignore").decode("ascii").lower()
    return _NON_ALNUM.sub("-", ascii_only).strip("-") or FALLBACK_SLUG


def doc_id_for(path: PurePath) -> str:
    """The id of the file at ``path``: its stem, slugified."""
    return slugify(path.stem)


class IdAllocator:
    """Hands out ids; a repeated slug gets a suffix hashed from its path."""

    def __init__(self) -> None:
        self._taken: set[str] = set()

    def allocate(self, slug: str, *, relative_path: PurePath) -> str:
        """``slug`` itself the first time, else ``slug-<hash of relative_path>``."""
        candidate = slug
        salt = 0
        while candidate in self._taken:
            candidate = f"{slug}-{_path_hash(relative_path, salt)}"
            salt += 1
        self._taken.add(candidate)
        return candidate


def _path_hash(relative_path: PurePath, salt: int) -> str:
    key = relative_path.as_posix() + (f"#{salt}" if salt else "")
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:SUFFIX_CHARS]
