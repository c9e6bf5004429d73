"""Plain-text tables: "Project | Lender | Year | Amount | Status", then one deal a row. Reports and
briefs list their loans and investments so; each row is a fact whose evidence is the row's line,
its roles read from the columns the header names (``data/word_lists.json``, ``table_*_columns``),
and the sentences the parser made of the rows tell nothing else.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from spacy.tokens import Doc, Span

from graph.extract.common import doc_text, evidence_between, per_doc
from graph.extract.docmodel import registry
from graph.extract.word_lists import word_list
from graph.model import ActorKind, ActorRef, Investment, Money, PartialDate
from graph.normalize.money import find_money
from graph.normalize.percent import find_percents

SEPARATOR = "|"
MIN_CELLS = 3
YEAR = re.compile(r"\b(19|20)\d\d\b")
ROLES = ("lender", "investor", "target", "amount", "year", "stake")


@dataclass(frozen=True, slots=True)
class Cell:
    text: str
    start: int  # offsets into the document's text
    end: int


@dataclass(frozen=True, slots=True)
class Table:
    start: int
    end: int
    columns: dict[str, int]  # a role's column
    rows: tuple[tuple[Cell, ...], ...]


def tables(doc: Doc) -> list[Table]:
    """The document's tables with a column of givers and one of what they gave to (read once per doc)."""
    return per_doc(doc, "ikg_tables", lambda: list(_tables(doc_text(doc))))


def in_table(sent: Span) -> bool:
    """Whether the sentence lies in a table's rows: the table's facts are read from its cells."""
    return any(t.start <= sent.start_char < t.end for t in tables(sent.doc))


def table_facts(doc: Doc) -> Iterator[Investment]:
    """One fact a row: who gave (the lender or investor column) to what (the project column), with the
    row's sum, share and year."""
    for table in tables(doc):
        giver = "lender" if "lender" in table.columns else "investor"
        for row in table.rows:
            investor = _actor(doc, row[table.columns[giver]])
            target = _actor(doc, row[table.columns["target"]], ActorKind.ASSET)
            if investor is None or target is None:
                continue
            filled = [c for c in row if c.text]  # "| a | b |": the line's outer bars are no cells
            evidence = evidence_between(doc, filled[0].start, filled[-1].end)
            yield Investment(investor, target, evidence, amount=_money(row, table), stake=_stake(row, table),
                             date=_year(row, table), kind="loan" if giver == "lender" else "investment")


def _tables(text: str) -> Iterator[Table]:
    if SEPARATOR not in text:
        return  # most articles: no line to read
    lines = [(m.start(), m.group()) for m in re.finditer(r"[^\n]+", text)]
    block: list[tuple[int, str]] = []
    for start, line in [*lines, (len(text), "")]:
        if line.count(SEPARATOR) >= MIN_CELLS - 1:
            block.append((start, line))
            continue
        if len(block) > 1 and (table := _table(block)) is not None:
            yield table
        block = []


def _table(block: list[tuple[int, str]]) -> Table | None:
    header, *rows = [_cells(start, line) for start, line in block]
    columns = _columns([c.text for c in header])
    if "target" not in columns or not {"lender", "investor"} & set(columns):
        return None
    rows = [row for row in rows if len(row) == len(header)]
    return Table(block[1][0], block[-1][0] + len(block[-1][1]), columns, tuple(rows)) if rows else None


def _cells(start: int, line: str) -> tuple[Cell, ...]:
    cells, position = [], 0
    for part in line.split(SEPARATOR):
        stripped = part.strip()
        offset = start + position + (len(part) - len(part.lstrip()))
        cells.append(Cell(stripped, offset, offset + len(stripped)))
        position += len(part) + len(SEPARATOR)
    return tuple(cells)


def _columns(header: list[str]) -> dict[str, int]:
    """Each role's column: the leftmost header, not taken by a role before, whose words name it."""
    columns: dict[str, int] = {}
    for role in ROLES:
        words = word_list(f"table_{role}_columns")
        found = [i for i, cell in enumerate(header) if words & set(cell.lower().split()) and i not in columns.values()]
        if found:
            columns[role] = found[0]
    return columns


def _actor(doc: Doc, cell: Cell, kind: ActorKind = ActorKind.COMPANY) -> ActorRef | None:
    """The actor the recogniser found as the whole cell, else the cell's text as a name of ``kind``."""
    named = [e.ref for e in registry(doc)
             if cell.start <= doc[e.position].idx < cell.end and cell.text in {e.ref.name, e.ref.surface}]
    if named:
        return named[0]
    return ActorRef(cell.text, kind, cell.text, None) if cell.text[:1].isupper() else None


def _money(row: tuple[Cell, ...], table: Table) -> Money | None:
    column = table.columns.get("amount")
    found = find_money(row[column].text) if column is not None else []
    return found[0].money if found else None


def _stake(row: tuple[Cell, ...], table: Table) -> Decimal | None:
    column = table.columns.get("stake")
    found = find_percents(row[column].text) if column is not None else []
    return found[0].fraction if found else None


def _year(row: tuple[Cell, ...], table: Table) -> PartialDate | None:
    column = table.columns.get("year")
    found = YEAR.search(row[column].text) if column is not None else None
    return PartialDate(int(found.group())) if found else None
