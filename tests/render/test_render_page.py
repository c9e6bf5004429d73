"""The page as a file: self-contained, escaped, filtered (no browser needed)."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

from graph.errors import RenderError
from graph.render import render_html
from graph.render.facts import date_bounds, load_facts
from graph.render.html import script_json
from graph.render.page import fact_caption, money_text

DATA = Path(__file__).parents[1] / "data" / "views"
SAMPLE = DATA / "sample.trig"


@pytest.fixture(scope="module")
def facts():
    return load_facts(SAMPLE)


def test_page_is_self_contained(tmp_path: Path) -> None:
    html = (render_html(SAMPLE, tmp_path / "n.html").output).read_text(encoding="utf-8")
    assert "vis-network" in html and "9.1.2" in html
    assert all("src=" not in tag for tag in re.findall(r"<script[^>]*>", html))
    assert "<link" not in html and "bootstrap" not in html.lower()
    assert "sourceMappingURL" not in html
    assert "default-src 'none'" in html  # CSP: the page may not load anything
    assert "innerHTML" not in (Path(__file__).parents[2] / "graph" / "render" / "app.js").read_text()


def test_script_json_cannot_close_the_script() -> None:
    text = script_json({"a": "</script><!-- & -->"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"a": "</script><!-- & -->"}


def test_document_strings_never_reach_the_markup_raw(tmp_path: Path) -> None:
    html = render_html(DATA / "injection.trig", tmp_path / "e.html", title="<b>t</b>").output.read_text("utf-8")
    assert "<img src=x" not in html and "</script><script>window" not in html
    assert "<title>&lt;b&gt;t&lt;/b&gt;</title>" in html


@pytest.mark.parametrize(
    ("amount", "currency", "text"),
    [
        ("42000000", "EUR", "€42M"), ("10000000000", "USD", "US$10B"), ("1200000000", "EUR", "€1.2B"),
        ("950", "RSD", "RSD 950"), ("2500", None, "2.5K"),
    ],
    ids=["eur-million", "usd-billion", "decimal-billion", "other-currency", "no-currency"],
)
def test_money_text(amount: str, currency: str | None, text: str) -> None:
    assert money_text(Decimal(amount), currency) == text


@pytest.mark.parametrize(
    ("fact", "caption"),
    [
        ("investment/hesteel-smederevo", "invested €42M (2016)"),
        ("investment/zijin-bor", "bought 63% for €1B (2018)"),
        ("agreement/china-serbia-fta", "agreement (2024-05-08)"),
        ("event/xi-visit-serbia", "state visit (2024-05-08)"),
    ],
    ids=["investment", "stake", "agreement", "event"],
)
def test_captions_read_at_a_glance(facts, fact: str, caption: str) -> None:
    found = next(f for f in facts.facts if f.iri.endswith(fact))
    assert fact_caption(found) == caption


@pytest.mark.parametrize(
    ("options", "facts_kept", "actors"),
    [
        ({}, 10, 12),
        ({"fact_types": ["investment"]}, 6, 8),
        ({"countries": ["france"]}, 2, 4),
        ({"date_from": "2018", "date_to": "2024-05"}, 4, 6),
        ({"max_nodes": 3}, 4, 3),
    ],
    ids=["all", "investments", "country", "date-range", "max-nodes"],
)
def test_filters(tmp_path: Path, options: dict, facts_kept: int, actors: int) -> None:
    stats = render_html(SAMPLE, tmp_path / "n.html", **options)
    assert (stats.facts, stats.actors) == (facts_kept, actors)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"view": "tree"}, "unknown view"),
        ({"fact_types": ["bombing"]}, "unknown fact type"),
        ({"date_from": "May 2016"}, "YYYY"),
        ({"max_nodes": 0}, "at least 1"),
    ],
    ids=["view", "fact-type", "date", "max-nodes"],
)
def test_bad_options_say_what_to_do(tmp_path: Path, options: dict, message: str) -> None:
    with pytest.raises(RenderError, match=message):
        render_html(SAMPLE, tmp_path / "n.html", **options)


@pytest.mark.parametrize(
    ("value", "bounds"),
    [("2016", ("2016-01-01", "2016-12-31")), ("2024-02", ("2024-02-01", "2024-02-29")), ("2024-05-08", ("2024-05-08",) * 2)],
    ids=["year", "leap-month", "day"],
)
def test_date_bounds(value: str, bounds: tuple[str, str]) -> None:
    assert date_bounds(value) == bounds


def test_output_is_deterministic(tmp_path: Path) -> None:
    a = render_html(SAMPLE, tmp_path / "a.html").output.read_bytes()
    b = render_html(SAMPLE, tmp_path / "b.html").output.read_bytes()
    assert a == b
