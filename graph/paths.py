"""Where the project's own files live: one place instead of a path per module.

``data/`` and ``ontology/`` sit at the top of the checkout. A built wheel
carries copies of both as package data under ``graph/_data/`` (``setup.py``
copies them at build time), found here through :mod:`importlib.resources`;
an editable install or a plain checkout has no ``_data`` and reads the
checkout's own folders, so an edit there is seen at once.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

PACKAGE = Path(__file__).resolve().parent
CHECKOUT = PACKAGE.parent
PACKAGED_DIR = "_data"


def _data_root() -> Path:
    """The folder holding ``data/`` and ``ontology/``: packaged copy first."""
    packaged = resources.files("graph").joinpath(PACKAGED_DIR)
    if isinstance(packaged, Path) and (packaged / "ontology" / "influence.ttl").is_file():
        return packaged
    return CHECKOUT


ROOT = _data_root()
DATA = ROOT / "data"
ONTOLOGY = ROOT / "ontology"
QUERIES = ONTOLOGY / "queries"
GAZETTEER = DATA / "gazetteer"
LEXICON = DATA / "lexicon.json"
FRAMES = DATA / "frames.json"
SAMPLE_CORPUS = DATA / "corpus"


def read_json(path: Path, error: type[Exception], what: str) -> Any:
    """The JSON of one of the project's data files, or ``error`` naming the file: a reader then
    checks the shape it needs and says "malformed" itself."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as e:
        raise error(f"{path}: cannot read {what} ({e}); restore it from git") from e
