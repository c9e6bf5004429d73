"""Where the ingest tests find their inputs."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "data" / "ingest"
CORPUS = ROOT / "data" / "corpus"
