from __future__ import annotations

from pathlib import Path, PurePath

import pytest

from graph.ingest.ids import FALLBACK_SLUG, IdAllocator, doc_id_for, slugify


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("002_serbia_china_balkans", "002-serbia-china-balkans"),
        ("Vučić & Xi — Belgrade", "vucic-xi-belgrade"),
        ("Đurđevac Straße", "durdevac-strasse"),
        ("  __Leading and trailing__  ", "leading-and-trailing"),
        ("UPPER.case.Name", "upper-case-name"),
        ("北京", FALLBACK_SLUG),
    ],
    ids=["sample-file", "accents-and-symbols", "letters-nfkd-keeps", "trimmed",
         "dots", "no-ascii-left"],
)
def test_slugify(name: str, expected: str) -> None:
    assert slugify(name) == expected


def test_doc_id_uses_the_stem_only() -> None:
    path = Path("data/corpus/002_serbia_china_balkans.txt")
    assert doc_id_for(path) == "002-serbia-china-balkans"


def test_repeated_slug_gets_a_deterministic_suffix() -> None:
    def allocate_all() -> list[str]:
        ids = IdAllocator()
        return [
            ids.allocate("report", relative_path=PurePath("a/report.txt")),
            ids.allocate("report", relative_path=PurePath("b/report.md")),
            ids.allocate("report", relative_path=PurePath("b/report.md")),
        ]

    first, second, third = allocate_all()
    assert first == "report"
    assert second.startswith("report-") and len(second) == len("report-") + 8
    assert len({first, second, third}) == 3
    assert allocate_all() == [first, second, third]
