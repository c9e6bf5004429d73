"""The committed byte fixtures are exactly what their generator writes."""

from __future__ import annotations

import importlib.util

import pytest

from ._paths import FIXTURES


def _generated() -> dict[str, bytes]:
    spec = importlib.util.spec_from_file_location("make_fixtures", FIXTURES / "make_fixtures.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.fixtures()


@pytest.mark.parametrize("name", sorted(_generated()))
def test_committed_fixture_matches_generator(name: str) -> None:
    assert (FIXTURES / name).read_bytes() == _generated()[name]
