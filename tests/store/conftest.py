"""Fixtures for store tests (helpers live in ``store_helpers.py``)."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    """An empty folder to fill with sample articles."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    return folder
