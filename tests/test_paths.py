"""graph.paths.read_json: the one reader of the project's JSON data files."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.paths import read_json


class _DataError(Exception):
    pass


@pytest.mark.parametrize(("content", "reason"), [(None, "No such file"), ("{not json", "Expecting property name")],
                         ids=["missing", "not-json"])
def test_an_unreadable_data_file_is_one_error_naming_the_file(tmp_path: Path, content: str | None, reason: str) -> None:
    path = tmp_path / "frames.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(_DataError, match=rf"frames\.json: cannot read the frames \(.*{reason}.*restore it from git"):
        read_json(path, _DataError, "the frames")


def test_a_readable_data_file_is_its_json(tmp_path: Path) -> None:
    path = tmp_path / "lists.json"
    path.write_text('{"about": ["x"], "words": ["ñandú"]}', encoding="utf-8")
    assert read_json(path, _DataError, "the lists") == {"about": ["x"], "words": ["ñandú"]}
