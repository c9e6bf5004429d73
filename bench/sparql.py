"""SPARQL speed: the saved queries on an Oxigraph store vs rdflib's in-memory engine.

The bench generates a synthetic graph shaped like a real build (a named graph
per document with investments, agreements, events, their factuality and
evidence, one sentence in eight attributed to a source; an actors graph),
loads it into an on-disk Oxigraph store laid out as ``kg build --store``
leaves it (the merge in the default graph, the aggregates graph of issue 11
computed by ``graph.aggregates``) and the same triples into an rdflib ``Graph``,
runs every saved query of ``ontology/queries`` on both and prints the times
and the ratio, all measured in this one run. Each query runs in a forked child
killed after ``--timeout`` seconds (a ratio is then a bound, printed ``>``).

    python bench/sparql.py                      # 100k triples, a few minutes
    python bench/sparql.py --triples 1000000    # the issue's size
    python bench/sparql.py --all-rows           # listings unpaged (--param limit=all)
    python bench/sparql.py --queries DIR        # other .rq files (e.g. an older version) on the same data
    python bench/sparql.py --with-params        # also the queries with parameters set (Oxigraph only)
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from graph.aggregates import AGGREGATES_GRAPH, aggregate_triples  # noqa: E402
from graph.query import bind_params, list_saved_queries, with_standard_prefixes  # noqa: E402
from graph.store_merge import query_options  # noqa: E402

IKG = "https://w3id.org/influence-kg/ontology#"
ID = "https://w3id.org/influence-kg/id/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
SKOS_ALT = "http://www.w3.org/2004/02/skos/core#altLabel"
PROV_DERIVED = "http://www.w3.org/ns/prov#wasDerivedFrom"
PROV_ATTRIBUTED = "http://www.w3.org/ns/prov#wasAttributedTo"
FACTUALITY = [("Asserted", 85), ("Planned", 10), ("Possible", 4), ("Denied", 1)]  # percent of facts
SCHEMA = "https://schema.org/"
XSD = "http://www.w3.org/2001/XMLSchema#"
ANALYTIC = {"most_connected", "investments_by_country", "timeline", "contested"}
PARAMS = {"actor_profile": {"actor": "Company 7"}}
PARAM_CASES = [  # --with-params: the parameter paths, on Oxigraph alone
    ("timeline", {"from": "2016", "to": "2020-05"}), ("timeline", {"factuality": "planned"}),
    ("timeline", {"factuality": "all"}), ("evidence", {"fact_type": "investment"}),
    ("investments_by_country", {"investor_country": "Country 3"}),
    ("investments_by_country", {"target_country": "country 7", "factuality": "all"}),
    ("claims_by_source", {"actor": "Company 7"}), ("actor_profile", {"actor": "https://w3id.org/influence-kg/id/actor/company-7"}),
    ("contested", {"factuality": "all"}), ("most_connected", {"min_facts": "20"}),
]
TRIPLES_PER_DOC = 82  # measured: the graph has about --triples triples

Quad = tuple[str, str, object, str]  # s, p, o (IRI str or Literal tuple), graph


def nn(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def lit(value: object, datatype: str | None = None, lang: str | None = None) -> ox.Literal:
    if lang:
        return ox.Literal(str(value), language=lang)
    return ox.Literal(str(value), datatype=nn(XSD + datatype)) if datatype else ox.Literal(str(value))


class Synth:
    """A deterministic synthetic corpus graph of about ``triples`` triples."""

    def __init__(self, triples: int, *, seed: int = 7) -> None:
        self.rng = random.Random(seed)
        self.docs = max(1, triples // TRIPLES_PER_DOC)
        self.countries = [f"{ID}actor/country-{i}" for i in range(60)]
        self.companies = [f"{ID}actor/company-{i}" for i in range(max(50, self.docs // 3))]
        self.actors_graph = nn(f"{ID}graph/actors")

    def quads(self) -> Iterator[ox.Quad]:
        yield from self._actor_quads()
        for d in range(self.docs):
            yield from self._document_quads(d)

    def _actor_quads(self) -> Iterator[ox.Quad]:
        g = self.actors_graph
        for i, c in enumerate(self.countries):
            yield ox.Quad(nn(c), nn(RDF_TYPE), nn(IKG + "Country"), g)
            yield ox.Quad(nn(c), nn(RDFS_LABEL), lit(f"Country {i}"), g)
        for i, c in enumerate(self.companies):
            yield ox.Quad(nn(c), nn(RDF_TYPE), nn(IKG + "Company"), g)
            yield ox.Quad(nn(c), nn(RDFS_LABEL), lit(f"Company {i}"), g)
            yield ox.Quad(nn(c), nn(SKOS_ALT), lit(f"Co {i}"), g)
            yield ox.Quad(nn(c), nn(IKG + "country"), nn(self.rng.choice(self.countries)), g)

    def _document_quads(self, d: int) -> Iterator[ox.Quad]:
        g = nn(f"{ID}document/doc-{d}")
        doc = nn(f"{ID}document/doc-{d}")
        yield from (ox.Quad(s, p, o, g) for s, p, o in [
            (doc, nn(RDF_TYPE), nn(IKG + "Document")), (doc, nn(RDFS_LABEL), lit(f"Doc {d}")),
            (doc, nn(IKG + "fileName"), lit(f"doc-{d}.txt")), (doc, nn(IKG + "contentHash"), lit(f"{d:064x}"))])
        for k in range(3):
            yield from (ox.Quad(s, p, o, g) for s, p, o in self._investment(d, k, doc))
        yield from (ox.Quad(s, p, o, g) for s, p, o in self._nary(d, doc, "Agreement", "party"))
        yield from (ox.Quad(s, p, o, g) for s, p, o in self._nary(d, doc, "Event", "participant"))

    def _date(self) -> ox.Literal:
        return lit(f"{self.rng.randint(2005, 2025)}-{self.rng.randint(1, 12):02d}", "gYearMonth")

    def _evidence(self, fact: ox.NamedNode, doc: ox.NamedNode, name: str) -> list[tuple]:
        """The sentence stating ``fact``, one in eight attributed to a source; and the fact's factuality."""
        e = nn(f"{ID}evidence/{name}")
        start = self.rng.randint(0, 5000)
        factuality = self.rng.choices([f for f, _ in FACTUALITY], weights=[w for _, w in FACTUALITY])[0]
        claim = [(e, nn(PROV_ATTRIBUTED), nn(self.rng.choice(self.companies)))] if self.rng.random() < 0.125 else []
        return [(fact, nn(PROV_DERIVED), doc), (fact, nn(IKG + "evidence"), e),
                (fact, nn(IKG + "factuality"), nn(IKG + factuality)),
                (e, nn(RDF_TYPE), nn(IKG + "Evidence")), (e, nn(IKG + "text"), lit(f"Sentence {name}.")),
                (e, nn(IKG + "charStart"), lit(start, "integer")),
                (e, nn(IKG + "charEnd"), lit(start + 80, "integer")), (e, nn(PROV_DERIVED), doc), *claim]

    def _investment(self, d: int, k: int, doc: ox.NamedNode) -> list[tuple]:
        f = nn(f"{ID}investment/d{d}-{k}")
        m = nn(f"{ID}amount/d{d}-{k}")
        investor, target = self.rng.sample(self.companies, 2)
        return [(f, nn(RDF_TYPE), nn(IKG + "Investment")), (f, nn(IKG + "investor"), nn(investor)),
                (f, nn(IKG + "target"), nn(target)), (f, nn(IKG + "amount"), m),
                (f, nn(IKG + "date"), self._date()), (f, nn(RDFS_LABEL), lit(f"Investment {d}-{k}")),
                (m, nn(RDF_TYPE), nn(SCHEMA + "MonetaryAmount")),
                (m, nn(SCHEMA + "value"), lit(self.rng.randint(1, 500) * 1_000_000, "decimal")),
                (m, nn(SCHEMA + "currency"), lit(self.rng.choice(["EUR", "USD", "CNY"]))),
                *self._evidence(f, doc, f"d{d}-i{k}")]

    def _nary(self, d: int, doc: ox.NamedNode, cls: str, role: str) -> list[tuple]:
        f = nn(f"{ID}{cls.lower()}/d{d}")
        a, b = self.rng.sample(self.countries, 2)
        extra = [(f, nn(IKG + "eventType"), nn(IKG + "Meeting"))] if cls == "Event" else []
        return [(f, nn(RDF_TYPE), nn(IKG + cls)), (f, nn(IKG + role), nn(a)), (f, nn(IKG + role), nn(b)),
                (f, nn(IKG + "date"), self._date()), (f, nn(RDFS_LABEL), lit(f"{cls} {d}")),
                *extra, *self._evidence(f, doc, f"d{d}-{cls}")]


def saved_queries(folder: Path | None = None, *, all_rows: bool = False) -> dict[str, str]:
    """Every saved query's text (or each ``.rq`` of ``folder``), its parameters bound where the bench sets them."""
    texts = ({p.stem: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.rq"))} if folder
             else {q.name: q.text for q in list_saved_queries()})
    out = {}
    for name, text in texts.items():
        params = dict(PARAMS.get(name, {}))
        if all_rows and "$limit" in text:
            params["limit"] = "all"
        out[name] = with_standard_prefixes(bind_params(text, params))
    return out


_ENGINES: dict[str, object] = {}  # set in the parent before forking; children inherit them


def _run(engine: str, text: str) -> int:
    if engine == "oxigraph":
        store = _ENGINES["oxigraph"]
        return sum(1 for _ in store.query(text, **query_options(store)))  # type: ignore[attr-defined]
    return sum(1 for _ in _ENGINES["rdflib"].query(text))  # type: ignore[attr-defined]


def _child(engine: str, text: str, repeat: int, conn: object) -> None:
    times, rows = [], 0
    for _ in range(repeat):
        start = time.perf_counter()
        rows = _run(engine, text)
        times.append(time.perf_counter() - start)
    conn.send((statistics.median(times), rows))  # type: ignore[attr-defined]


def timed(engine: str, text: str, *, repeat: int, timeout: float) -> tuple[float | None, int | None]:
    """Median time in a forked child; ``(None, None)`` when it runs past ``timeout``."""
    ctx = multiprocessing.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(engine, text, repeat, child))
    proc.start()
    result = parent.recv() if parent.poll(timeout) else (None, None)
    if proc.is_alive():
        proc.kill()
    proc.join()
    return result


def load_rdflib(store: ox.Store) -> object:
    """The same triples (union of graphs) in an rdflib in-memory Graph."""
    import rdflib

    graph = rdflib.Graph()
    graph.parse(data=store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()), format="nt")
    return graph


def add_merge_and_aggregates(store: ox.Store) -> None:
    """What a store build adds: the merge in the default graph, the aggregates graph (and its share of the merge)."""
    merged = [ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph()) for q in store]
    store.bulk_extend(merged)
    graph = ox.NamedNode(AGGREGATES_GRAPH)
    triples = aggregate_triples(store)
    store.bulk_extend([ox.Quad(t.subject, t.predicate, t.object, g) for t in triples for g in (graph, ox.DefaultGraph())])


def main() -> None:
    args = _args()
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        store = ox.Store(str(Path(tmp) / "db"))
        store.bulk_extend(Synth(args.triples).quads())
        add_merge_and_aggregates(store)
        store.optimize()
        count = sum(1 for _ in store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
        print(f"synthetic graph: {count:,} triples (their merge, aggregates included; {len(store):,} quads), "
              f"Oxigraph load {time.perf_counter() - start:.1f} s")
        start = time.perf_counter()
        _ENGINES["oxigraph"] = store
        _ENGINES["rdflib"] = load_rdflib(store)
        print(f"rdflib in-memory load: {time.perf_counter() - start:.1f} s")
        _report(store, args)


def _report(store: ox.Store, args: argparse.Namespace) -> None:
    print(f"{'query':24} {'rows':>8} {'oxigraph s':>11} {'rdflib s':>10} {'ratio':>9}  kind")
    for name, text in saved_queries(args.queries, all_rows=args.all_rows).items():
        ox_time, ox_rows = timed("oxigraph", text, repeat=args.repeat, timeout=args.timeout)
        rl_time, rl_rows = timed("rdflib", text, repeat=1, timeout=args.timeout)
        kind = "analytic" if name in ANALYTIC else "lookup"
        if rl_rows is not None and ox_rows is not None and rl_rows != ox_rows:
            kind += f" (rdflib rows {rl_rows})"
        print(f"{name:24} {_shown(ox_rows):>8} {_secs(ox_time, args):>11} {_secs(rl_time, args):>10} "
              f"{_ratio(ox_time, rl_time, args):>9}  {kind}", flush=True)
    if args.with_params:
        _report_params(args)


def _report_params(args: argparse.Namespace) -> None:
    """The saved queries with parameters set: each takes another path through its query."""
    saved = {q.name: q.text for q in list_saved_queries()}
    for name, params in PARAM_CASES:
        text = with_standard_prefixes(bind_params(saved[name], params))
        ox_time, ox_rows = timed("oxigraph", text, repeat=args.repeat, timeout=args.timeout)
        shown = " ".join(f"{k}={v}" for k, v in params.items())
        print(f"  {name} {shown}: {_shown(ox_rows)} rows, {_secs(ox_time, args)} s (Oxigraph)", flush=True)


def _shown(rows: int | None) -> str:
    return "?" if rows is None else str(rows)


def _secs(value: float | None, args: argparse.Namespace) -> str:
    return f">{args.timeout:g}" if value is None else f"{value:.3f}"


def _ratio(ox_time: float | None, rl_time: float | None, args: argparse.Namespace) -> str:
    if ox_time is None:
        return "n/a"
    if rl_time is None:
        return f">{args.timeout / ox_time:.0f}x"
    return f"{rl_time / ox_time:.1f}x"


def _args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--triples", type=int, default=100_000, help="size of the synthetic graph")
    parser.add_argument("--repeat", type=int, default=3, help="Oxigraph runs per query (median)")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds before a query is stopped")
    parser.add_argument("--queries", type=Path, default=None, help="run the .rq files of this folder instead")
    parser.add_argument("--all-rows", action="store_true", help="bind limit=all: every row of the listings")
    parser.add_argument("--with-params", action="store_true", help="also time parameter paths (Oxigraph only)")
    return parser.parse_args()


if __name__ == "__main__":
    main()
