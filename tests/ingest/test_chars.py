from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from graph.ingest.chars import TRANSLATION, blank_link_lines, normalize_chars


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("Serbia\u00a0China", "Serbia China"),
        ("10\u202f000", "10 000"),
        ("1\u2007000", "1 000"),
        ("a\u2009b", "a b"),
        ("Stellantis\u2019 plant", "Stellantis' plant"),
        ("\u2018quoted\u2019", "'quoted'"),
        ("\u201ashared\u201b", "'shared'"),
        ("5\u2032", "5'"),
        ("\u201cshared future\u201d", '"shared future"'),
        ("\u201eDeal\u201f", '"Deal"'),
        ("6\u2033", '6"'),
        ("2024\u20132025 \u2014 aside", "2024\u20132025 \u2014 aside"),
        ("line\u2028next", "line\nnext"),
        ("Vu\u010di\u0107", "Vu\u010di\u0107"),
    ],
    ids=[
        "nbsp", "narrow-nbsp", "figure-space", "thin-space", "apostrophe",
        "single-quotes", "low-single-quotes", "prime", "double-quotes",
        "low-double-quotes", "double-prime", "dashes-kept", "line-separator",
        "accents-kept",
    ],
)
def test_normalize_chars_replaces_one_for_one(source: str, expected: str) -> None:
    assert normalize_chars(source) == expected


def test_translation_maps_every_char_to_exactly_one_char() -> None:
    assert all(len(value) == 1 for value in TRANSLATION.values())


@given(st.text())
def test_normalisation_keeps_length_and_offsets(text: str) -> None:
    normalised = normalize_chars(text)
    assert len(normalised) == len(text)
    for i, (before, after) in enumerate(zip(text, normalised)):
        assert normalize_chars(before) == after, i


@given(st.text(alphabet=st.sampled_from("ab \u00a0\u2019\u201c\u201d\u2013\n")), st.data())
def test_any_slice_of_normalised_text_is_the_normalised_slice(
    text: str, data: st.DataObject
) -> None:
    i = data.draw(st.integers(0, len(text)))
    j = data.draw(st.integers(i, len(text)))
    assert normalize_chars(text)[i:j] == normalize_chars(text[i:j])


@given(st.text())
def test_normalisation_is_idempotent(text: str) -> None:
    once = normalize_chars(text)
    assert normalize_chars(once) == once


@pytest.mark.parametrize(("line", "blanked"), [
    pytest.param("Read more: Tarn signs lithium deal in Varnia | Why it matters", True, id="read-more"),
    pytest.param("ALSO READ - Kessa to buy Orvo", True, id="also-read-capitals"),
    pytest.param("Related: Orvo's bid explained", True, id="related"),
    pytest.param("The related party said it would read more filings.", False, id="prose-with-the-words"),
    pytest.param("Read the full statement here", False, id="no-link-marker"),
])
def test_issue_7_lines_listing_other_articles_are_blanked(line: str, blanked: bool) -> None:
    """Session 11: a "Read more: X signs lithium deal in Y" line gave a fact of another story."""
    text = f"Kessa bought Orvo.\n{line}\nThe deal closed."
    out = blank_link_lines(text)
    assert len(out) == len(text)
    assert (out.split("\n")[1].strip() == "") is blanked
    assert out.split("\n")[0] == "Kessa bought Orvo." and out.split("\n")[2] == "The deal closed."
