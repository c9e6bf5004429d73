"""Shared fixtures of the ingest tests."""

from __future__ import annotations

import pytest

from graph.errors import IngestError


@pytest.fixture
def errors() -> list[IngestError]:
    """A list to pass as ``on_error=errors.append``."""
    return []
