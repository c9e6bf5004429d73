"""Shared fixtures: the sample corpus is parsed once per test session."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
from pathlib import Path

import pytest

from graph.model import Document

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
CORPUS = ROOT / "data" / "corpus"


@pytest.fixture(scope="session")
def seeds_build():
    """The sample corpus built once (a ``graph.pipeline.BuildResult``)."""
    from graph.pipeline import build

    return build([CORPUS])


@pytest.fixture(scope="session")
def seeds_graph(seeds_build, tmp_path_factory) -> Path:
    from graph.rdf.io import write_graph

    path = tmp_path_factory.mktemp("seeds") / "graph.trig"
    write_graph(seeds_build.dataset, path)
    return path


def make_document(text: str, *, doc_id: str = "passage", published: str | None = None) -> Document:
    """A Document straight from text, as ingest would give for a .txt file."""
    return Document(
        id=doc_id,
        file_name=f"{doc_id}.txt",
        text=text,
        source_text=text,
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        published=dt.date.fromisoformat(published) if published else None,
    )


def require_browser() -> str:
    """Path of Chromium; skip (or fail in CI, KG_REQUIRE_BROWSER=1) when absent."""
    path = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        if os.environ.get("KG_REQUIRE_BROWSER"):
            pytest.fail("KG_REQUIRE_BROWSER is set but chromium is not installed")
        pytest.skip("Debian chromium is not installed")
    return path
