"""Long fictitious news prose for the length benches (issue 9): every name, place and figure invented.

A long document is paragraphs of a few sentences each, written for this bench
from templates: investments, agreements, meetings, ownership and plain
commentary, about a pool of a few hundred invented companies, a dozen invented
countries and their towns and officials. The same seed and length give the
same text, so runs compare.
"""

from __future__ import annotations

import random

_STEMS = ("Velora", "Tarnside", "Orvane", "Fennick", "Marlow", "Quenby", "Halvik", "Brenholt", "Lindmoor",
          "Corvath", "Ishmere", "Pellow", "Drayden", "Ostrel", "Kavanth", "Morrick", "Saltvik", "Ebbridge",
          "Norcott", "Gallant", "Vestry", "Holloway", "Ardent", "Caskell", "Rothby", "Wrenfield", "Tamsin",
          "Oberlin", "Brightwater", "Kestrel", "Alderton", "Penhallow", "Siskin", "Larchmont", "Fairholm")
_KINDS = ("Holdings", "Energy", "Mining", "Capital", "Rail", "Steel", "Logistics", "Telecom", "Group",
          "Infrastructure", "Ports", "Bank")
COUNTRIES = {  # invented country: (demonym, capital, other towns)
    "Kestria": ("Kestrian", "Halvik", ("Lindmoor", "Varosh", "Pell Harbour")),
    "Dravonia": ("Dravonian", "Ostrava Nova", ("Tessin", "Grale", "Morvik")),
    "Valdoria": ("Valdorian", "Brenholt", ("Saltmere", "Caddon", "Irvay")),
    "Ostmark": ("Ostmarker", "Feldhaven", ("Rotheim", "Ambel", "Kurtz Bay")),
    "Serravia": ("Serravian", "Porto Lume", ("Calvena", "Ristra", "Monte Orso")),
    "Tallinor": ("Tallinorian", "Eskerby", ("Hollin", "Marr", "Dunmere")),
    "Quorra": ("Quorran", "Sabeth", ("Ilium Flats", "Neres", "Kadoor")),
    "Lunmark": ("Lunmarkian", "Vesterholm", ("Brisk", "Aldhaven", "Solvang")),
    "Carpathe": ("Carpathian", "Mireaux", ("Belcourt", "Trevise", "Orlan")),
    "Amberly": ("Amberlian", "Kingsreach", ("Wolden", "Harrow Point", "Tealby")),
    "Zembria": ("Zembrian", "Otavo", ("Lisk", "Parnu Vale", "Cosmin")),
    "Norvane": ("Norvanian", "Grimsholt", ("Elder Ford", "Stavik", "Oddny")),
}
_FIRST = ("Mara", "Tomas", "Ilse", "Dario", "Nadia", "Oskar", "Lena", "Viktor", "Petra", "Anselm", "Greta", "Milo")
_LAST = ("Haldane", "Varga", "Okonkwo", "Lindqvist", "Moreau", "Castell", "Brandt", "Sorensen", "Petrov", "Adeyemi")
_ROLES = ("chief executive", "finance minister", "trade minister", "chairman", "prime minister", "ambassador")
_ASSETS = ("rail yard", "copper smelter", "container terminal", "solar park", "wind farm", "steel mill",
           "data centre", "gas pipeline", "lithium mine", "cement plant", "toll motorway", "fibre network")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")
_CURRENCIES = ("million euros", "million dollars", "billion dollars", "million pounds", "billion yuan")

TEMPLATES = (
    "{company} agreed on {date} to invest {amount} in the {asset} at {town}, {country}'s {ordinal} largest "
    "project of its kind. The company said the money would be spent over {years} years. {person}, its "
    "{role}, told reporters in {capital} that the first phase would open in {year}.",
    "The government of {country} signed a memorandum of understanding with {company} on {date} covering a "
    "{asset} near {town}. Under the agreement, {company} will build and operate the site for {years} years. "
    "Opposition lawmakers in {capital} said the terms had not been published.",
    "{company} acquired a {percent} percent stake in {company2} for {amount}, according to a filing on "
    "{date}. The purchase gives {company} control of the {asset} at {town}. Analysts at {company3} said the "
    "price was in line with recent deals in the region.",
    "Officials from {country} and {country2} met in {capital} on {date} to discuss a trade agreement worth "
    "{amount}. {person}, the {demonym} {role}, said talks would continue next month. No date was set for a "
    "signing.",
    "{company2}, which is owned by {company}, reported higher revenue for the year. The {demonym} group did "
    "not comment on reports that it was seeking a buyer for its {asset} in {town}. Its shares rose "
    "{percent} percent in early trading.",
    "A consortium led by {company} won the tender for the {asset} at {town} on {date}. The contract, worth {amount}, "
    "is financed by a loan from {company3}. Construction is due to start in {year} and to employ "
    "{workers} people.",
    "{person} visited {country2} on {date}, the first trip by a {demonym} {role} in {years} years. The visit "
    "ended without an agreement on the {asset} that {company} plans to build in {town}.",
    "Residents of {town} protested on {date} against the {asset} that {company} is building there. Police "
    "said about {workers} people took part. The company said the project met every environmental rule "
    "of {country}.",
    "{company} said on {date} it had cancelled its planned investment of {amount} in {company2}, citing "
    "rising costs. The deal had been announced in {year}. {company2} said it would look for other partners "
    "in {country} and abroad.",
    "Trade between {country} and {country2} grew by {percent} percent last year, according to figures "
    "published in {capital} on {date}. Most of the growth came from exports of steel and machinery.",
)


def _pools(rng: random.Random) -> tuple[list[str], list[str]]:
    companies = sorted({f"{s} {k}" for s in _STEMS for k in _KINDS})
    rng.shuffle(companies)
    people = [f"{f} {l}" for f in _FIRST for l in _LAST]
    return companies[:300], people


def _slots(rng: random.Random, companies: list[str], people: list[str]) -> dict[str, str]:
    country, country2 = rng.sample(sorted(COUNTRIES), 2)
    demonym, capital, towns = COUNTRIES[country]
    c1, c2, c3 = rng.sample(companies, 3)
    year = rng.randrange(2015, 2027)
    return {
        "company": c1, "company2": c2, "company3": c3, "country": country, "country2": country2,
        "demonym": demonym, "capital": capital, "town": rng.choice(towns), "person": rng.choice(people),
        "role": rng.choice(_ROLES), "asset": rng.choice(_ASSETS), "years": str(rng.randrange(2, 30)),
        "date": f"{rng.randrange(1, 29)} {rng.choice(_MONTHS)} {year}", "year": str(year + rng.randrange(1, 4)),
        "amount": f"{rng.randrange(2, 900)} {rng.choice(_CURRENCIES)}", "percent": str(rng.randrange(2, 75)),
        "ordinal": rng.choice(("second", "third", "fourth")), "workers": f"{rng.randrange(2, 40) * 100:,}",
    }


def prose(chars: int, *, sep: str = "\n\n", seed: int = 0) -> str:
    """Exactly ``chars`` characters of paragraphs joined by ``sep`` (the last one cut)."""
    rng = random.Random(seed)
    companies, people = _pools(rng)
    out: list[str] = []
    size = 0
    while size < chars:
        out.append(rng.choice(TEMPLATES).format(**_slots(rng, companies, people)))
        size += len(out[-1]) + len(sep)
    return sep.join(out)[:chars]
