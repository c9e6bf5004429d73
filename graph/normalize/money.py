"""Money amounts in news English → :class:`graph.model.Money`.

Amounts are found with one regular expression built from small tables
(currency symbols, ISO codes, currency names, scale words, qualifiers), so
that a new currency or scale is one line of data, not new code. An amount
needs a currency: a bare number ("1,200,000 jobs", "in 2018") is never money.

Qualifiers are normalised to a closed set (see ``QUALIFIERS``):
``approximately`` | ``up to`` | ``more than`` | ``less than`` | ``at least`` |
``nearly``. Ranges ("€5-10 million") keep the upper bound with ``up to``, so
that no amount is ever invented below what the text states.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal

from graph.model import Money

__all__ = ["QUALIFIERS", "find_money", "parse_money"]

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

# Symbols and prefixes written before the number. "$" alone is US dollars and
# "¥" alone is yuan unless the text is about Japan (see ``_yen``); the
# letter-prefixed dollars win over "$".
_PREFIX_SYMBOLS: dict[str, str] = {
    "US$": "USD", "U.S.$": "USD", "US $": "USD", "USD$": "USD",
    "A$": "AUD", "AU$": "AUD", "C$": "CAD", "CA$": "CAD", "Can$": "CAD",
    "HK$": "HKD", "NZ$": "NZD", "S$": "SGD", "NT$": "TWD", "R$": "BRL",
    "Mex$": "MXN", "$": "USD", "€": "EUR", "£": "GBP", "¥": "CNY",
    "RMB¥": "CNY", "CN¥": "CNY", "JP¥": "JPY", "₹": "INR", "₽": "RUB",
    "₩": "KRW", "₺": "TRY", "₴": "UAH", "Fr.": "CHF",
}

# ISO 4217 codes (and "RMB") accepted before or after the number, upper case only.
_CODES: dict[str, str] = {
    code: code
    for code in (
        "EUR USD GBP CNY JPY RSD HUF CHF AUD CAD HKD NZD SGD TWD BRL MXN INR "
        "RUB KRW TRY UAH PLN CZK RON BGN BAM MKD ALL HRK SEK NOK DKK ISK "
        "AED SAR QAR KWD ZAR EGP NGN KES IDR MYR THB VND PHP PKR KZT GEL AMD AZN"
    ).split()
} | {"RMB": "CNY", "YUAN": "CNY"}

# Currency names written after the number (lower case; matched case-insensitively).
_NAMES: dict[str, str] = {
    "us dollars": "USD", "u.s. dollars": "USD", "american dollars": "USD",
    "australian dollars": "AUD", "canadian dollars": "CAD",
    "hong kong dollars": "HKD", "new zealand dollars": "NZD",
    "singapore dollars": "SGD", "taiwan dollars": "TWD", "dollars": "USD",
    "dollar": "USD", "euros": "EUR", "euro": "EUR",
    "pounds sterling": "GBP", "british pounds": "GBP", "pounds": "GBP",
    "sterling": "GBP", "serbian dinars": "RSD", "dinars": "RSD", "dinar": "RSD",
    "yuan": "CNY", "renminbi": "CNY", "chinese yuan": "CNY", "yen": "JPY",
    "japanese yen": "JPY", "forints": "HUF", "forint": "HUF",
    "swiss francs": "CHF", "francs": "CHF", "rubles": "RUB", "roubles": "RUB",
    "rupees": "INR", "indian rupees": "INR", "won": "KRW", "lira": "TRY",
    "turkish lira": "TRY", "hryvnias": "UAH", "hryvnia": "UAH",
    "zlotys": "PLN", "zloty": "PLN", "korunas": "CZK", "crowns": "CZK",
    "lei": "RON", "leu": "RON", "leva": "BGN", "lev": "BGN",
    "convertible marks": "BAM", "denars": "MKD", "denar": "MKD",
    "kuna": "HRK", "reais": "BRL", "rand": "ZAR", "ringgit": "MYR",
    "rupiah": "IDR", "dirhams": "AED", "riyals": "SAR",
}

_SCALES: dict[str, int] = {
    "thousand": 10**3, "k": 10**3,
    "million": 10**6, "millions": 10**6, "mln": 10**6, "mn": 10**6, "m": 10**6,
    "billion": 10**9, "billions": 10**9, "bln": 10**9, "bn": 10**9, "b": 10**9,
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
# Currency names that are also ordinary words ("200 pounds", "3 won").
_NEEDS_SCALE_NAMES = frozenset({"won", "pounds", "lei", "lev", "rand", "crowns", "marks"})


def _alternation(words: Iterable[str]) -> str:
    """Longest first, so that "US$" wins over "$" and "bn" over "b"."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def is_currency_code(text: str) -> bool:
    """"PLN", "EUR", "RMB": a currency, never an actor."""
    return text.strip() in _CODES


def _build_pattern() -> re.Pattern[str]:
    qual = _alternation(QUALIFIERS)
    sym = _alternation(_PREFIX_SYMBOLS)
    code = _alternation(_CODES)
    name = _alternation(_NAMES)
    scale = _alternation(_SCALES)
    words = _alternation(_WORD_NUMBERS)
    digits = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
    num = rf"(?:{digits}|(?i:{words})(?![A-Za-z]))"
    amount = (
        rf"(?P<num>{num})(?:\s?[-–]\s?(?:{sym})?(?P<hi>{digits}))?"
        rf"(?:[\s-]?(?P<scale>(?i:{scale}))(?![A-Za-z]))?"
    )
    prefix = rf"(?:(?P<sym>{sym})|(?P<pcode>{code})(?![A-Za-z])\s?)\s?"
    suffix = rf"[\s-]?(?:(?P<scode>{code})|(?P<name>(?i:{name})))(?![A-Za-z])"
    return re.compile(
        rf"(?<![\w$€£¥.,])(?:(?P<qual>(?i:{qual}))\s+)?"
        rf"(?:{prefix}{amount}|(?<!\d\s){amount.replace('?P<', '?P<s_')}{suffix})"
        rf"(?![\d%])"
    )


_PATTERN = _build_pattern()
_SPACES = re.compile(r"\s*")


def _plain_amount(raw: str, name: str | None) -> bool:
    """Whether "<number> <currency>" without a scale is money, not "2018 euro crisis"."""
    if name is not None and name.lower() in _NEEDS_SCALE_NAMES:
        return False
    return not (raw.isdigit() and len(raw) == 4 and 1800 <= int(raw) <= 2100)


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


def _money_of(match: re.Match[str]) -> Money | None:
    """The Money a regex match denotes, or None for "a dollar"-like matches."""
    g = match.groupdict()
    side = "" if g["num"] is not None else "s_"
    raw, hi, scale = g[f"{side}num"], g[f"{side}hi"], g[f"{side}scale"]
    if raw.lower() in _NEEDS_SCALE and scale is None:
        return None
    if scale is None and side == "s_" and not _plain_amount(raw, g["name"]):
        return None
    value = _number(hi if hi else raw)
    value *= _SCALES[scale.lower()] if scale else 1
    currency = _currency(g)
    qualifier = "up to" if hi else (QUALIFIERS[g["qual"].lower()] if g["qual"] else None)
    return Money(_canonical(value), currency, qualifier)


def _is_preposition(match: re.Match[str]) -> bool:
    """Whether the matched "over"/"under" follows a word that makes it a preposition."""
    qual = match["qual"]
    if qual is None or qual.lower() not in {"over", "under"}:
        return False
    before = match.string[: match.start()].split()
    return bool(before) and before[-1].lower().strip(",;:") in _NOT_QUALIFYING_AFTER


def _currency(groups: dict[str, str | None]) -> str:
    """ISO 4217 code of whichever currency group matched."""
    if groups["sym"]:
        return _PREFIX_SYMBOLS[groups["sym"]]
    code = groups["pcode"] or groups["scode"]
    if code:
        return _CODES[code]
    return _NAMES[" ".join((groups["name"] or "").lower().split())]


_JAPAN = re.compile(r"\b(?:Japan|Japanese|Tokyo|JICA|JBIC|yen)\b")


def _yen(text: str, yen: str | None) -> str:
    """The currency "¥" means: the caller's choice, else JPY in text about Japan."""
    if yen is not None:
        return yen
    return "JPY" if _JAPAN.search(text) else "CNY"


def find_money(text: str, *, yen: str | None = None) -> list[tuple[int, int, Money]]:
    """Every amount in ``text`` as (start, end, Money), in order, non-overlapping.

    The span includes a qualifier directly before the amount ("up to €300
    million"), so that evidence highlighting shows what the value means.
    ``yen`` is the ISO code for a bare "¥"; by default JPY when ``text``
    names Japan (or JICA, the yen…), else CNY.
    """
    found: list[tuple[int, int, Money]] = []
    for match in _PATTERN.finditer(text):
        money = _money_of(match)
        if money is None:
            continue
        if match["sym"] == "¥":
            money = Money(money.value, _yen(text, yen), money.qualifier)
        start = match.start()
        if _is_preposition(match):
            start = _SPACES.match(text, match.end("qual")).end()  # type: ignore[union-attr]
            money = Money(money.value, money.currency, None)
        found.append((start, match.end(), money))
    return found


def parse_money(text: str, *, yen: str | None = None) -> Money | None:
    """The one amount ``text`` states (e.g. a spaCy MONEY entity), else None.

    None when there is no amount or more than one ("$5 million to $10
    million"): a caller that wants all of them uses :func:`find_money`. An
    entity alone does not say whose "¥" it is: pass ``yen`` from its sentence.
    """
    found = find_money(text, yen=yen)
    return found[0][2] if len(found) == 1 else None
