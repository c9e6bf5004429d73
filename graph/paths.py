"""Where the project's own files live: one place instead of a path per module.

The ontology, saved queries, gazetteer, word lists and sample corpus sit beside
the package in the checkout (``pip install -e .``), as the product layout asks.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
ONTOLOGY = ROOT / "ontology"
QUERIES = ONTOLOGY / "queries"
GAZETTEER = DATA / "gazetteer"
LEXICON = DATA / "lexicon.json"
FRAMES = DATA / "frames.json"
SAMPLE_CORPUS = DATA / "corpus"
