"""A made-up network with planted communities, for the clustering tests.

Every name is invented. Actors fall into ``communities`` tight groups (most
facts stay inside a group) and, independently, into five fictitious
countries, so grouping by country and by community give different clusters.
"""

from __future__ import annotations

import random
from decimal import Decimal

from graph.render.facts import ActorView, EvidenceView, FactSet, FactView

ID = "https://w3id.org/influence-kg/id/"
COUNTRIES = ("Aurelia", "Borovia", "Caldera", "Dunmark", "Estrava")
FIRST = ("Val", "Kor", "Mira", "Tes", "Bran", "Oro", "Lun", "Sel", "Dar", "Fen", "Quor", "Ysl")
SECOND = ("dor", "vex", "lith", "mar", "quin", "tova", "ren", "bask")
SUFFIX = ("Holdings", "Mining", "Ports", "Energy", "Bank", "Rail")
KINDS = ("Company", "Company", "Company", "Organization", "GovernmentBody", "Asset")
ACCENTED = "Vëlmora Štěpánik Holdings"  # found by typing "Velmora Stepanik"


def made_up_names(count: int, rng: random.Random) -> list[str]:
    """``count`` distinct invented company names, one of them accented."""
    names = [f"{a}{b} {c}" for a in FIRST for b in SECOND for c in SUFFIX]
    rng.shuffle(names)
    if count > len(names):
        raise ValueError(f"at most {len(names)} made-up names")
    return [ACCENTED, *names[: count - 1]]


def made_up_graph(*, actors: int = 240, communities: int = 6, facts: int = 700, seed: int = 3) -> FactSet:
    """Actors in planted communities; 90% of the facts link two actors of one community."""
    rng = random.Random(seed)
    names = made_up_names(actors, rng)
    views = {f"{ID}actor/country-{c.lower()}": ActorView(iri=f"{ID}actor/country-{c.lower()}", label=c, kind="Country") for c in COUNTRIES}
    members: list[list[str]] = [[] for _ in range(communities)]
    for n, name in enumerate(names):
        iri = f"{ID}actor/made-up-{n}"
        country = None if n % 17 == 5 else COUNTRIES[rng.randrange(len(COUNTRIES))]
        views[iri] = ActorView(iri=iri, label=name, kind=KINDS[n % len(KINDS)], country=country)
        members[n % communities].append(iri)
    made = [_fact(rng, i, members) for i in range(facts)]
    return FactSet(actors=views, facts=tuple(sorted(made, key=lambda f: f.iri)))


def planted_community(iri: str, *, communities: int = 6) -> int:
    """The community an actor of :func:`made_up_graph` was planted in."""
    return int(iri.rsplit("-", 1)[1]) % communities


def _fact(rng: random.Random, i: int, members: list[list[str]]) -> FactView:
    group = rng.randrange(len(members))
    a = rng.choice(members[group])
    other = group if rng.random() < 0.9 else rng.randrange(len(members))
    b = rng.choice([m for m in members[other] if m != a])
    year = str(rng.randint(2008, 2024))
    evidence = (EvidenceView(text=f"Made-up sentence {i}.", file_name=f"made_up_{i % 9}.txt", start=0, end=20),)
    if rng.random() < 0.7:
        amount = Decimal(rng.randint(1, 90) * 10**6)
        return FactView(iri=f"{ID}investment/made-up-{i}", fact_type="investment", label=f"investment {i}",
                        roles=(("investor", a), ("target", b)), date=year, amount=amount, currency="EUR", evidence=evidence)  # fmt: skip
    return FactView(iri=f"{ID}agreement/made-up-{i}", fact_type="agreement", label=f"agreement {i}",
                    roles=(("party", a), ("party", b)), date=year, evidence=evidence)  # fmt: skip
