from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from graph.ingest.html import html_to_text

from ._paths import FIXTURES


def _extract(name: str):
    path = FIXTURES / name
    return html_to_text(path.read_text(encoding="utf-8"), path=path)


def test_article_text_keeps_paragraphs_and_drops_boilerplate() -> None:
    found = _extract("article.html")
    paragraphs = found.text.split("\n\n")
    assert paragraphs[0] == "Serbia and China sign free trade deal"
    assert paragraphs[1].startswith("Serbia and China signed a free trade agreement in Belgrade")
    assert len(paragraphs) == 4
    assert "MARKER" not in found.text
    assert "tracking code" not in found.text and "font-family" not in found.text


@pytest.mark.parametrize(
    ("field", "expected"),
    [("title", "Serbia and China sign free trade deal"), ("published", dt.date(2024, 5, 8))],
    ids=["title", "published"],
)
def test_article_metadata(field: str, expected: object) -> None:
    assert getattr(_extract("article.html"), field) == expected


def test_tiny_page_falls_back_without_the_nav_menu() -> None:
    found = _extract("tiny.html")
    assert found.text == "Vučić met Xi."
    assert found.title == "Short note"


def test_page_of_only_scripts_has_no_text() -> None:
    assert _extract("scripts_only.html").text == ""


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ('<script type="application/ld+json">{"@type": "NewsArticle", '
         '"datePublished": "2023-11-02T08:00:00Z"}</script>', dt.date(2023, 11, 2)),
        ('<meta name="date" content="2022-01-15">', dt.date(2022, 1, 15)),
        ('<meta name="citation_publication_date" content="2021/03/04">', dt.date(2021, 3, 4)),
        ('<meta property="article:published_time" content="2024-05">', None),
    ],
    ids=["json-ld", "meta-date", "found-by-trafilatura", "month-only-is-not-a-day"],
)
def test_publication_date_from_markup(head: str, expected: dt.date | None) -> None:
    page = (
        f"<html><head><title>A page</title>{head}</head><body>"
        "<p>Serbia and China agreed to cooperate on infrastructure projects.</p></body></html>"
    )
    assert html_to_text(page, path=Path("x.html")).published == expected


def test_dateline_in_the_text_when_markup_has_none() -> None:
    page = "<html><body><p>Updated May 3, 2024</p><p>Some text about things.</p></body></html>"
    assert html_to_text(page, path=Path("x.html")).published == dt.date(2024, 5, 3)


def test_xml_declaration_is_accepted() -> None:
    page = '<?xml version="1.0" encoding="utf-8"?><html><body><p>Serbia exports.</p></body></html>'
    assert html_to_text(page, path=Path("x.html")).text == "Serbia exports."
