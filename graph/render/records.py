"""What the page says about one fact or actor: captions, amounts, panel records.

Plain data only: document strings stay strings and the page shows them with
``textContent``. The side panel, tooltips, the CSV export and the timeline
all read these records, so they agree with each other.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from graph.render.facts import ActorView, FactSet, FactView, date_bounds

CURRENCY_SYMBOL = {"EUR": "€", "USD": "US$", "GBP": "£", "CNY": "CN¥", "JPY": "¥", "RUB": "₽"}


def money_text(amount: Decimal | None, currency: str | None) -> str:
    """A short amount for an edge label: 42000000 EUR → "€42M"."""
    if amount is None:
        return ""
    symbol = CURRENCY_SYMBOL.get(currency or "", f"{currency} " if currency else "")
    for scale, suffix in ((Decimal(10) ** 12, "T"), (Decimal(10) ** 9, "B"), (Decimal(10) ** 6, "M"), (Decimal(1000), "K")):
        if abs(amount) >= scale:
            short = f"{amount / scale:.1f}".removesuffix(".0")
            return f"{symbol}{short}{suffix}"
    return f"{symbol}{amount.normalize():f}"


def humanise(kind: str) -> str:
    """"StateVisit" → "state visit"."""
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", kind).lower()


def fact_caption(fact: FactView) -> str:
    """What an edge or fact node says at a glance: "invested €42M (2016)"."""
    when = f" ({fact.date})" if fact.date else ""
    if fact.fact_type == "investment":
        money = money_text(fact.amount, fact.currency)
        if fact.stake is not None:
            stake = f"{fact.stake * 100:.0f}%"
            return f"bought {stake}" + (f" for {money}" if money else "") + when
        return "invested" + (f" {money}" if money else "") + when
    if fact.fact_type == "agreement":
        return "agreement" + when
    return humanise(fact.kind or "event") + when


def fact_record(facts: FactSet, fact: FactView) -> dict[str, Any]:
    """Everything the panel, tooltip, filters and CSV need about one fact."""
    low, high = date_bounds(fact.date) if fact.date else ("", "")
    return {
        "ft": fact.fact_type,
        "label": fact.label,
        "caption": fact_caption(fact),
        "kind": humanise(fact.kind) if fact.kind else fact.fact_type,
        "roles": [[role, actor] for role, actor in fact.roles if actor in facts.actors],
        "amount": "" if fact.amount is None else f"{fact.amount.normalize():f}",
        "cur": fact.currency or "",
        "money": money_text(fact.amount, fact.currency),
        "stake": "" if fact.stake is None else f"{(fact.stake * 100).normalize():f}%",
        "date": fact.date or "",
        "status": fact.status or "",
        "fq": fact.factuality or "",
        "cs": sorted(facts.countries_of(fact)),
        "d0": low,
        "d1": high,
        "ev": [[e.text, e.file_name or "", e.published or "", e.start, e.end, e.document_id or ""] for e in fact.evidence],
    }


def actor_tip(actor: ActorView, degree: int) -> dict[str, Any]:
    """The hover card of an actor node."""
    rows = [["class", humanise(actor.kind)], ["facts", str(degree)]]
    if actor.country:
        rows.insert(1, ["country", actor.country])
    if actor.aliases:
        rows.append(["also", ", ".join(actor.aliases)])
    return {"h": actor.label, "rows": rows}
