from __future__ import annotations

import datetime as dt

import pytest

from graph.ingest.markdown import markdown_to_text

from ._paths import FIXTURES


def _article():
    return markdown_to_text((FIXTURES / "article.md").read_text(encoding="utf-8"))


def test_article_title_is_the_first_heading_without_markup() -> None:
    assert _article().title == "Zijin Mining expands in Bor"


def test_article_published_from_its_dateline() -> None:
    assert _article().published == dt.date(2024, 3, 3)


@pytest.mark.parametrize(
    "expected",
    [
        "Zijin Mining expands in Bor\n\nPublished: 3 March 2024",
        "Zijin Mining bought a 63% stake in RTB Bor in 2018, the Serbian copper miner",
        "for $1.26 billion of investment pledges.",
        "\n\nBackground\n\n",
        "Serbia's government called the deal \"a new start\" for the region.",
        "Bor mine\nMajdanpek mine",
        "# kept as text, not a heading\ntotal = **1.26** billion",
        "See RTB_Bor and the map of Bor figure.",
    ],
    ids=["heading-and-dateline", "link-text-and-soft-wrap-joined", "strong-underscores",
         "subheading",
         "blockquote-emphasis", "bullets", "code-fence-kept", "code-span-and-image"],
)
def test_article_text_contains(expected: str) -> None:
    assert expected in _article().text


def test_reference_definitions_and_urls_are_dropped() -> None:
    assert "http" not in _article().text


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("**bold** and *it* and _it_ and __b__", "bold and it and it and b"),
        ("snake_case_name stays", "snake_case_name stays"),
        ("2 * 3 * 4", "2 * 3 * 4"),
        (r"\*escaped\* stars", "*escaped* stars"),
        ("~~struck~~ word", "struck word"),
        ("<https://example.com>", "https://example.com"),
        ("a <br/> b", "a  b"),
        ("Title\n=====\nbody", "Title\nbody"),
        ("- [x] done task", "done task"),
        ("wrapped\nparagraph  \nhard break\n\n- item\n  continued\n- next",
         "wrapped paragraph\nhard break\n\nitem continued\nnext"),
        ("> quoted\n> lines\n\n1. one\n2. two", "quoted lines\n\n1. one\n2. two"),
        ("| a | b |\n|---|---|\n| 1 | 2 |", "| a | b |\n| 1 | 2 |"),
        ("[a " * 50 + "[Orlan](https://example.com) and **Vestry**", "[a " * 50 + "Orlan and Vestry"),
    ],
    ids=["emphasis", "intraword-underscores", "arithmetic", "escapes", "strikethrough",
         "autolink", "inline-html", "setext-heading", "task-list", "soft-and-hard-breaks",
         "quote-and-ordered-list", "table-rule", "unclosed-brackets-before-a-link"],
)
def test_inline_and_block_markup(line: str, expected: str) -> None:
    assert markdown_to_text(line).text == expected


def test_front_matter_gives_title_and_date_and_is_not_text() -> None:
    found = markdown_to_text((FIXTURES / "frontmatter.markdown").read_text(encoding="utf-8"))
    assert found.title == "Linglong tyre factory opens in Zrenjanin"
    assert found.published == dt.date(2024, 5, 8)
    assert found.text == "Linglong plans opened its tyre factory in Zrenjanin."
