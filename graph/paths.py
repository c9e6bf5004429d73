"""Where the project's own files live: one place instead of a path per module.

``data/`` and ``ontology/`` sit at the top of the checkout. A built wheel
carries copies of both as package data under ``graph/_data/`` (``setup.py``
copies them at build time), found here through :mod:`importlib.resources`;
an editable install or a plain checkout has no ``_data`` and reads the
checkout's own folders, so an edit there is seen at once.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

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
