"""Money amounts in news English → :class:`graph.model.Money`.

Amounts are found with one regular expression built from small tables:
currencies (symbols, ISO codes, names) come from ``data/currencies.json`` so
that an analyst adds a currency without touching code; scale words ("bn",
"crore" = 10^7, "lakh" = 10^5) and qualifiers are language and live here. An
amount needs a currency: a bare number ("1,200,000 jobs", "in 2018") or a
percentage is never money. "$" alone is USD; "R" touching a number is rand.

Qualifiers are normalised to a closed set (see ``QUALIFIERS``):
``approximately`` | ``up to`` | ``more than`` | ``less than`` | ``at least`` |
``nearly``. Ranges ("€5-10 million") keep the upper bound with ``up to``, so
that no amount is ever invented below what the text states: "$1-2 billion"
is up to 2 billion USD, not 1 billion.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple, TypeVar

from graph import paths
from graph.errors import NormalizeError
from graph.model import Money

__all__ = [
    "CURRENCIES_PATH", "QUALIFIERS", "CurrencyForms", "CurrencyTableError", "MoneyMatch",
    "UNSETTLED", "currency_forms", "find_money", "is_currency_code", "local_dollar", "parse_money",
]

# Surface qualifier → normalised qualifier (the only values Money.qualifier takes).
QUALIFIERS: dict[str, str] = {
    "approximately": "approximately",
    "approx.": "approximately",
    "about": "approximately",
    "around": "approximately",
    "roughly": "approximately",
    "some": "approximately",
    "an estimated": "approximately",
    "estimated": "approximately",
    "an approximate": "approximately",
    "close to": "nearly",
    "nearly": "nearly",
    "almost": "nearly",
    "just under": "nearly",
    "up to": "up to",
    "as much as": "up to",
    "a maximum of": "up to",
    "more than": "more than",
    "over": "more than",
    "just over": "more than",
    "well over": "more than",
    "in excess of": "more than",
    "upwards of": "more than",
    "above": "more than",
    "at least": "at least",
    "a minimum of": "at least",
    "no less than": "at least",
    "less than": "less than",
    "under": "less than",
    "below": "less than",
}

# Words after which "over"/"under" are prepositions, not qualifiers:
# "handed over $5 million", "a dispute over €2 million".
_NOT_QUALIFYING_AFTER = frozenset(
    "hand hands handed handing take takes took taken taking turn turns turned turning "
    "sign signs signed signing pass passes passed passing dispute disputes row rows fight "
    "battle argument arguments concern concerns clash talks control".split()
)

CURRENCIES_PATH = paths.DATA / "currencies.json"
UNSETTLED = "XXX"  # ISO 4217's "no currency": an amount in a name no country of the text settles


class CurrencyTableError(NormalizeError):
    """data/currencies.json cannot be read or says one thing two ways."""


@dataclass(frozen=True, slots=True)
class CurrencyForms:
    """Every way the currency table lets a currency be written, by surface form."""

    symbols: dict[str, str]  # before the number, space allowed: "US$", "Rs"
    touching: dict[str, str]  # before the number, no space: "R"
    codes: dict[str, str]  # ISO codes and code-like words: "EUR", "RMB"
    names: dict[str, str]  # lower case, after the number: "euros"
    needs_scale: frozenset[str]  # names that are also ordinary words: "won"
    local_dollars: dict[str, str] = field(default_factory=dict)  # country → the dollar a bare "$" is there
    local_names: dict[str, dict[str, str]] = field(default_factory=dict)  # "pesos" → country (or "default") → code
    local_symbols: dict[str, dict[str, str]] = field(default_factory=dict)  # "Sh" → country → code
    shared_symbols: dict[str, str] = field(default_factory=dict)  # "Rs" → the local name it stands for: "rupees"


class MoneyMatch(NamedTuple):
    """An amount found in text: ``text[start:end]`` states ``money``."""

    start: int
    end: int
    money: Money


_SCALES: dict[str, int] = {
    "thousand": 10**3, "k": 10**3, "lakh": 10**5, "lakhs": 10**5, "lac": 10**5,
    "million": 10**6, "millions": 10**6, "mln": 10**6, "mn": 10**6, "mil": 10**6, "m": 10**6,
    "crore": 10**7, "crores": 10**7, "cr": 10**7,
    "thousand crore": 10**10, "lakh crore": 10**12, "lakh crores": 10**12,  # "₹1.5 lakh crore": 1.5 trillion rupees
    "billion": 10**9, "billions": 10**9, "bln": 10**9, "bil": 10**9, "bn": 10**9, "b": 10**9,  # "RM1.2bil", "P500-mil"
    "trillion": 10**12, "trillions": 10**12, "tn": 10**12, "trn": 10**12,
}

_WORD_NUMBERS: dict[str, Decimal] = {
    word: Decimal(i)
    for i, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve "
        "thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
    )
} | {
    f"{tens}{sep}{unit}" if unit else tens: Decimal(10 * t + u)
    for t, tens in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)
    for u, unit in enumerate(["", *"one two three four five six seven eight nine".split()])
    for sep in ("-", " ")
} | {
    "a hundred": Decimal(100), "a": Decimal(1), "an": Decimal(1),
    "half a": Decimal("0.5"), "a quarter of a": Decimal("0.25"),
}
# Article-like numbers that only make sense with a scale word ("a billion");
# "one and a half billion" is not read (it would come out as "half a").
_NEEDS_SCALE = frozenset({"a", "an", "half a", "a quarter of a", "a hundred"})
_FORM_KEYS = ("symbols", "touching_symbols", "codes", "names", "names_needing_scale")


def _alternation(words: Iterable[str]) -> str:
    """Longest first, so that "US$" wins over "$" and "bn" over "b"; grouped by first character.

    Why grouped: Python's regex engine tries every alternative of a case-insensitive list in turn
    at each word of the text; "seventy(?:-three|…)|…" rules out a group with one character
    test, the number words' list went 5× faster (issue 11). The matches are the same: words of
    one group keep their order, and groups cannot match at the same place, their first characters
    being distinct ASCII ones even ignoring case (else the list is left ungrouped)."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    firsts = {w[:1] for w in ordered}
    if "" in firsts or not all(c.isascii() for c in firsts) or len({c.lower() for c in firsts}) != len(firsts):
        return "|".join(re.escape(w) for w in ordered)
    groups: dict[str, list[str]] = {}
    for word in ordered:
        groups.setdefault(word[0], []).append(re.escape(word[1:]))
    return "|".join(f"{re.escape(first)}(?:{'|'.join(rests)})" for first, rests in groups.items())


V = TypeVar("V")


def _with_singulars(names: dict[str, V]) -> dict[str, V]:
    """"a 15 million Kuwaiti dinar loan", "100 million rial": a currency name's singular reads as its plural."""
    return names | {n[:-1]: value for n, value in names.items() if n.endswith("s") and n[:-1] not in names}


@lru_cache(maxsize=4)
def currency_forms(path: Path = CURRENCIES_PATH) -> CurrencyForms:
    """The currency table at ``path``, checked: one currency per surface form."""
    raw = paths.read_json(path, CurrencyTableError, "the currency table")
    try:
        table = raw["currencies"]
        forms = {key: _invert(table, key) for key in _FORM_KEYS}
        local = dict(raw.get("local_dollar", {}))
        local_names = {name.lower(): dict(codes) for name, codes in raw.get("local_names", {}).items()}
        local_names = _with_singulars(local_names)
        shared_symbols = dict(raw.get("shared_symbols", {}))
        if any(name not in local_names for name in shared_symbols.values()):
            raise ValueError("shared_symbols name a currency that local_names does not list")
        local_symbols = {symbol: dict(codes) for symbol, codes in raw.get("local_symbols", {}).items()}
        listed = [*local.values(), *(code for shared in (local_names, local_symbols) for codes in shared.values() for code in codes.values())]
        unknown = sorted({code for code in listed if code not in table})
        if unknown:
            raise ValueError(f"local_dollar, local_names or local_symbols name {', '.join(unknown)}, which the table does not list")
    except (ValueError, KeyError, TypeError, AttributeError) as e:
        raise CurrencyTableError(f"{path}: malformed currency table ({e!r}); compare it with git") from e
    codes = {code: code for code in table} | forms["codes"]
    names = {k.lower(): v for k, v in (forms["names"] | forms["names_needing_scale"]).items()}
    names = _with_singulars(names)
    return CurrencyForms(
        symbols=forms["symbols"], touching=forms["touching_symbols"], codes=codes,
        names=names, needs_scale=frozenset(k.lower() for k in forms["names_needing_scale"]), local_dollars=local,
        local_names=local_names, local_symbols=local_symbols, shared_symbols=shared_symbols,
    )


def _invert(table: dict[str, dict[str, list[str]]], key: str) -> dict[str, str]:
    """Surface form → ISO code for one kind of form; a form under two codes is an error."""
    found: dict[str, str] = {}
    for code, entry in table.items():
        for form in entry.get(key, []):
            if found.setdefault(form, code) != code:
                raise ValueError(f"{key[:-1]} {form!r} is listed under {found[form]} and {code}")
    return found


def is_currency_code(text: str) -> bool:
    """"PLN", "EUR", "RMB": a currency, never an actor."""
    return text.strip() in currency_forms().codes


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    forms = currency_forms()
    qual, scale = _alternation(QUALIFIERS), _alternation(_SCALES)
    sym, touching, local = _alternation(forms.symbols), _alternation(forms.touching), _alternation(forms.local_symbols)
    code, name = _alternation(forms.codes), _alternation([*forms.names, *forms.local_names])
    words = _alternation(_WORD_NUMBERS)
    # Indian grouping first ("30,58,28,70,000": lakhs and crores), then thousands, then plain digits
    digits = r"\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
    num = rf"(?:{digits}|(?i:{words})(?![A-Za-z]))"
    amount = (
        rf"(?P<num>{num})(?:\s?[-–]\s?(?:{sym})?(?P<hi>{digits}))?"
        rf"(?:[\s-]?(?P<scale>(?i:{scale}))(?![A-Za-z]))?"
    )
    prefix = (
        rf"(?:(?P<sym>{sym})(?![A-Za-z])\s?|(?P<tsym>{touching})(?=\d)|(?P<lsym>{local})(?=\d)"
        rf"|(?P<pcode>{code})(?![A-Za-z])\s?)"
    )
    suffix = rf"[\s-]?(?:(?P<scode>{code})|(?P<name>(?i:{name})))(?![A-Za-z])"
    return re.compile(
        rf"(?<![\w$€£¥.,])(?:(?P<qual>(?i:{qual}))\s+)?"
        rf"(?:{prefix}{amount}|(?<!\d\s){amount.replace('?P<', '?P<s_')}{suffix})"
        rf"(?![\d%])"
    )


_SPACES = re.compile(r"\s*")


def _year_like(raw: str) -> bool:
    return raw.isdigit() and len(raw) == 4 and 1800 <= int(raw) <= 2100


def _plain_amount(raw: str, name: str | None) -> bool:
    """Whether "<number> <currency>" without a scale is money, not "2018 euro crisis"."""
    if name is not None and " ".join(name.lower().split()) in currency_forms().needs_scale:
        return False
    return not _year_like(raw)


def _number(text: str) -> Decimal:
    """The value of a digit string or a number word."""
    key = text.lower()
    if key in _WORD_NUMBERS:
        return _WORD_NUMBERS[key]
    return Decimal(text.replace(",", ""))  # the regex admits only digits, "," and "."


def _canonical(value: Decimal) -> Decimal:
    """Integral amounts as plain integers so that literals print the same way."""
    if value == value.to_integral_value():
        return Decimal(int(value))
    return value.normalize()


def _money_of(match: re.Match[str], country: str | None = None, *, settle: bool = True) -> Money | None:
    """The Money a regex match denotes, or None for "a dollar"-like matches and for a name of
    several countries' currencies ("pesos") that ``country`` does not settle."""
    g = match.groupdict()
    side = "" if g["num"] is not None else "s_"
    raw, hi, scale = g[f"{side}num"], g[f"{side}hi"], g[f"{side}scale"]
    if raw.lower() in _NEEDS_SCALE and scale is None:
        return None
    if scale is None and side == "s_" and not _plain_amount(raw, g["name"]):
        return None
    if scale is None and g["tsym"] and _year_like(raw):
        return None  # "R2019" is a model name, not 2,019 rand
    if scale is None and g["lsym"]:
        return None  # "N95", "K9": a model name unless a scale word says it is money ("K300 million")
    value = _number(hi if hi else raw)
    value *= _SCALES[scale.lower()] if scale else 1
    currency = _currency(g, country)
    if currency is None and settle:
        return None
    qualifier = "up to" if hi else (QUALIFIERS[g["qual"].lower()] if g["qual"] else None)
    return Money(_canonical(value), currency or UNSETTLED, qualifier)


def _is_preposition(match: re.Match[str]) -> bool:
    """Whether the matched "over"/"under" follows a word that makes it a preposition."""
    qual = match["qual"]
    if qual is None or qual.lower() not in {"over", "under"}:
        return False
    before = match.string[: match.start()].split()
    return bool(before) and before[-1].lower().strip(",;:") in _NOT_QUALIFYING_AFTER


def _currency(groups: dict[str, str | None], country: str | None = None) -> str | None:
    """ISO 4217 code of whichever currency group matched; a name several countries use is the
    currency of ``country`` if it is one of them, else the table's default, else unknown."""
    forms = currency_forms()
    if groups["sym"]:
        shared = forms.local_names.get(forms.shared_symbols.get(groups["sym"], ""))  # "Rs" in a Pakistani report
        return (shared.get(country or "") or shared.get("default")) if shared else forms.symbols[groups["sym"]]
    if groups["tsym"]:
        return forms.touching[groups["tsym"]]
    if groups["lsym"]:
        return forms.local_symbols[groups["lsym"]].get(country or "")
    code = groups["pcode"] or groups["scode"]
    if code:
        return forms.codes[code]
    name = " ".join((groups["name"] or "").lower().split())
    shared = forms.local_names.get(name)
    if shared is not None:
        return shared.get(country or "") or shared.get("default")
    return forms.names[name]


_JAPAN = re.compile(r"\b(?:Japan|Japanese|Tokyo|JICA|JBIC|yen)\b")
_CHINA = re.compile(r"\b(?:China|Chinese|Beijing|yuan|renminbi|RMB)\b")
_NAMED = {"JPY": re.compile(r"\byen\b", re.IGNORECASE), "CNY": re.compile(r"\b(?:yuan|renminbi)\b", re.IGNORECASE)}


def yen_in(text: str) -> str | None:
    """What a bare "¥" means in a whole report that is about neither Japan nor China: the one
    currency it names in words, else the one country its cues point to; None when both or neither."""
    for found in ({c for c, words in _NAMED.items() if words.search(text)},
                  {c for c, cues in (("JPY", _JAPAN), ("CNY", _CHINA)) if cues.search(text)}):
        if len(found) == 1:
            return found.pop()
        if found:
            return None
    return None


def _yen(text: str, yen: str | None) -> str:
    """The currency "¥" means: the caller's choice, else JPY in text about Japan."""
    if yen is not None:
        return yen
    return "JPY" if _JAPAN.search(text) else "CNY"


def local_dollar(text: str, country: str | None, path: Path = CURRENCIES_PATH) -> str | None:
    """The currency a bare "$" means in a report filed from ``country``: its own dollar
    (a Canadian report's "$7 billion" is CAD), unless the text writes that dollar's own
    symbol or "US$" — then the writer keeps "$" for the US dollar."""
    forms = currency_forms(path)
    code = forms.local_dollars.get(country or "")
    if code is None:
        return None
    own = [s for s, c in forms.symbols.items() if c in {code, "USD"} and s != "$"]
    return None if any(symbol in text for symbol in own) else code


def find_money(text: str, *, yen: str | None = None, dollar: str | None = None, country: str | None = None,
               settle: bool = True) -> list[MoneyMatch]:
    """Every amount in ``text`` as (start, end, Money), in order, non-overlapping.

    The span includes a qualifier directly before the amount ("up to €300
    million"), so that evidence highlighting shows what the value means.
    ``yen`` is the ISO code for a bare "¥"; by default JPY when ``text``
    names Japan (or JICA, the yen…), else CNY. ``dollar`` is the code for a
    bare "$" (:func:`local_dollar`); by default USD. ``country`` is the country the text is about,
    which settles "pesos" or "rupees" (``local_names`` in the table); an amount it does not settle
    is left out, or, without ``settle``, kept in the currency ``UNSETTLED`` (ISO 4217 "XXX").
    """
    found: list[MoneyMatch] = []
    position = 0
    while (match := _pattern().search(text, position)) is not None:
        money = _money_of(match, country, settle=settle)
        position = match.start() + 1 if money is None else match.end()
        if money is None:
            continue  # "a BRL" is no sum, and must not swallow the code of "a BRL 600 million loan"
        if match["sym"] == "¥":
            money = Money(money.value, _yen(text, yen), money.qualifier)
        elif match["sym"] == "$" and dollar is not None:
            money = Money(money.value, dollar, money.qualifier)
        start = match.start()
        if _is_preposition(match):
            start = _SPACES.match(text, match.end("qual")).end()  # type: ignore[union-attr]
            money = Money(money.value, money.currency, None)
        found.append(MoneyMatch(start, match.end(), money))
    return found


def parse_money(text: str, *, yen: str | None = None, dollar: str | None = None) -> Money | None:
    """The one amount ``text`` states (e.g. a spaCy MONEY entity), else None.

    None when there is no amount or more than one ("$5 million to $10
    million"): a caller that wants all of them uses :func:`find_money`. An
    entity alone does not say whose "¥" it is: pass ``yen`` from its sentence.
    """
    found = find_money(text, yen=yen, dollar=dollar)
    return found[0].money if len(found) == 1 else None
