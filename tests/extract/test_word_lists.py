"""graph.extract.word_lists: the readers' word lists in data/word_lists.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph.extract.word_lists import WORD_LISTS_PATH, WordListError, _lists, word_list


def test_every_list_is_described_and_the_file_is_formatted() -> None:
    text = WORD_LISTS_PATH.read_text(encoding="utf-8")
    raw = json.loads(text)
    assert text == json.dumps(raw, indent=2, ensure_ascii=False) + "\n"
    described = {line.split(":")[0] for line in raw["about"][1:]}
    assert described == set(raw) - {"about"}
    assert "say" in word_list("attribution_verbs")


@pytest.mark.parametrize("content", ["{not json", '["a list"]', '{"x": 3}'], ids=["not-json", "list", "number"])
def test_bad_file_names_the_file(tmp_path: Path, content: str) -> None:
    path = tmp_path / "word_lists.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(WordListError, match="word_lists.json"):
        _lists(path)
