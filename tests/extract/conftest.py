"""Known misses of the frame-based investment extractor (issue 7), as strict xfails.

``known_misses.txt`` lists test ids, one per line; a listed test that starts
passing fails the run, so the register shrinks as coverage grows.
"""

from __future__ import annotations

from pathlib import Path

import pytest

REGISTER = Path(__file__).with_name("known_misses.txt")


def _known() -> set[str]:
    lines = REGISTER.read_text(encoding="utf-8").splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    known = _known()
    for item in items:
        test_id = item.nodeid.split("tests/extract/", 1)[-1]
        if test_id in known:
            item.add_marker(pytest.mark.xfail(reason="issue 7: not yet covered by the frame extractor (known_misses.txt)", strict=True))
