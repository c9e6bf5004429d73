"""Queries per second of ``kg serve`` under many concurrent clients on loopback.

Serves the synthetic graph of ``bench/sparql.py`` (``--triples``) from an
on-disk Oxigraph store and runs ``--clients`` threads sending a mix of lookup
queries for ``--seconds``; prints queries per second, latency percentiles,
errors, and the process's open TCP connections before and after.

    python bench/serve_load.py                     # 100k triples, 20 clients, 10 s
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote

import psutil
import pyoxigraph as ox

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from graph.serve import ServeLimits, make_server  # noqa: E402
from sparql import Synth  # noqa: E402

QUERIES = [
    "SELECT ?f ?t WHERE { ?f ikg:investor <https://w3id.org/influence-kg/id/actor/company-%d> ; ikg:target ?t }",
    "SELECT ?l WHERE { <https://w3id.org/influence-kg/id/actor/company-%d> rdfs:label ?l }",
    "SELECT (COUNT(*) AS ?n) WHERE { ?f ikg:party <https://w3id.org/influence-kg/id/actor/country-%d> }",
]


def client(url: str, stop: float, seed: int, latencies: list[float], errors: list[str]) -> None:
    i = seed
    while time.monotonic() < stop:
        query = QUERIES[i % len(QUERIES)] % (i % 50)
        i += 1
        start = time.perf_counter()
        try:
            with urllib.request.urlopen(f"{url}/sparql?query={quote(query)}", timeout=30) as r:
                r.read()
            latencies.append(time.perf_counter() - start)
        except OSError as e:
            errors.append(str(e))


def open_tcp(port: int) -> int:
    return sum(1 for c in psutil.Process().net_connections(kind="tcp")
               if c.status != psutil.CONN_LISTEN and port in (c.laddr.port, c.raddr.port if c.raddr else 0))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--triples", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--workers", type=int, default=4)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = ox.Store(str(Path(tmp) / "db"))
        store.bulk_extend(Synth(args.triples).quads())
        server = make_server(store, port=0, limits=ServeLimits(workers=args.workers)).start()
        port = server.server_address[1]
        before = open_tcp(port)
        latencies: list[float] = []
        errors: list[str] = []
        stop = time.monotonic() + args.seconds
        threads = [threading.Thread(target=client, args=(server.url, stop, n, latencies, errors))
                   for n in range(args.clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        time.sleep(0.5)
        after = open_tcp(port)
        server.stop()
    q = statistics.quantiles(latencies, n=100) if len(latencies) > 2 else [0.0] * 99
    print(f"{len(store):,} quads, {args.clients} clients, {args.seconds:g} s, {args.workers} query workers")
    print(f"{len(latencies) / args.seconds:.0f} queries/s, p50 {q[49] * 1000:.1f} ms, "
          f"p99 {q[98] * 1000:.1f} ms, errors {len(errors)}, open connections {before} -> {after}")


if __name__ == "__main__":
    main()
