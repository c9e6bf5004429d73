"""HTML → the article's text, title and publication date.

trafilatura finds the article body; before it runs we cut what is never
article text (scripts, styles, menus, asides, comments, page header/footer),
because its fallback for short pages would otherwise keep a nav menu.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import TYPE_CHECKING

from graph.errors import DecodeError
from graph.ingest.metadata import Extracted, find_published, full_dates, parse_full_date

if TYPE_CHECKING:
    from lxml.html import HtmlElement

_NEVER_TEXT = (
    "//script|//style|//noscript|//template|//nav|//aside|//form|//iframe|//svg"
    "|//button|//select|//*[@role='navigation' or @role='banner' or @role='contentinfo']"
    "|//footer|//header[not(ancestor::article or ancestor::main)]|//comment()"
)
_DATE_META = (
    "//meta[@property='article:published_time' or @name='article:published_time'"
    " or @property='og:published_time' or @itemprop='datePublished'"
    " or @name='date' or @name='pubdate' or @name='publishdate' or @name='publish-date'"
    " or @name='dc.date' or @name='DC.date' or @name='dc.date.issued' or @name='DC.date.issued'"
    " or @name='dcterms.created' or @name='sailthru.date' or @name='parsely-pub-date']/@content"
    "|//time[@itemprop='datePublished' or @pubdate]/@datetime"
)
_BLOCKS = frozenset(
    "p div li h1 h2 h3 h4 h5 h6 br tr td th section article main blockquote pre "
    "table ul ol dl dt dd figcaption".split()
)
_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>")
_SPACES = re.compile(r"[ \t\f\v]+")


def html_to_text(source: str, *, path: Path) -> Extracted:
    """The article text (paragraphs separated by blank lines) and metadata."""
    tree = _parse(source, path=path)
    title = _page_title(tree)
    published = _meta_published(tree)
    _drop_boilerplate(tree)
    text, found_title, found_date = _trafilatura(tree)
    if not text:
        text = _fallback_text(tree)
    published = published or _written_date(found_date, source) or find_published(text)
    return Extracted(text=text, title=found_title or title, published=published)


def _parse(source: str, *, path: Path) -> HtmlElement:
    import lxml.etree
    import lxml.html

    try:
        return lxml.html.document_fromstring(_XML_DECLARATION.sub("", source))
    except (lxml.etree.ParserError, ValueError) as e:
        raise DecodeError(path, f"cannot be parsed as HTML ({e}); check it is an HTML page") from e


def _page_title(tree: HtmlElement) -> str | None:
    title = tree.findtext(".//title")
    return " ".join(title.split()) or None if title else None


def _meta_published(tree: HtmlElement) -> dt.date | None:
    for value in tree.xpath(_DATE_META):
        found = parse_full_date(str(value))
        if found:
            return found
    return _json_ld_published(tree)


def _json_ld_published(tree: HtmlElement) -> dt.date | None:
    for script in tree.xpath("//script[@type='application/ld+json']/text()"):
        match = re.search(r'"datePublished"\s*:\s*"([^"]*)"', str(script))
        if match:
            found = parse_full_date(match.group(1))
            if found:
                return found
    return None


def _drop_boilerplate(tree: HtmlElement) -> None:
    for element in tree.xpath(_NEVER_TEXT):
        if element.getparent() is not None:
            element.drop_tree()  # keeps the tail text that follows it


def _trafilatura(tree: HtmlElement) -> tuple[str, str | None, str | None]:
    import trafilatura  # lazy: heavy import

    found = trafilatura.bare_extraction(
        tree,
        include_comments=False,
        include_tables=True,
        with_metadata=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if found is None or not (found.text or "").strip():
        return "", None, None
    return _paragraphs(found.text.split("\n")), found.title, found.date


def _fallback_text(tree: HtmlElement) -> str:
    """Block elements as paragraphs, for pages too small for trafilatura."""
    body = tree.find("body")
    if body is None:
        return ""
    for element in body.iter():
        if isinstance(element.tag, str) and element.tag.lower() in _BLOCKS:
            element.tail = "\n" + (element.tail or "")
    return _paragraphs(body.text_content().split("\n"))


def _paragraphs(lines: list[str]) -> str:
    kept = (_SPACES.sub(" ", line).strip() for line in lines)
    return "\n\n".join(line for line in kept if line)


def _written_date(value: str | None, source: str) -> dt.date | None:
    """trafilatura's date, only if the page writes that full date somewhere.

    htmldate completes a month-only date with today's day; a date the page
    never states is an invented one.
    """
    found = parse_full_date(value) if value else None
    return found if found is not None and found in full_dates(source) else None
