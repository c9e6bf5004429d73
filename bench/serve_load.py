"""Queries per second of ``kg serve`` under many concurrent clients on loopback.

Serves the synthetic graph of ``bench/sparql.py`` (``--triples``) from an
on-disk Oxigraph store and runs ``--clients`` threads sending a mix of lookup
queries for ``--seconds``; prints queries per second, latency percentiles,
errors, and the process's open TCP connections before and after.

With ``--runaway N`` (issue 9) N more clients send, over and over, a cross
join that runs past the time limit; the figures printed are those of the
well-behaved clients (errors must be 0), plus how many runaway queries were
stopped and the peak memory of the query workers.

    python bench/serve_load.py                     # 100k triples, 20 clients, 10 s
    python bench/serve_load.py --runaway 4 --seconds 60 --timeout 5
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
import urllib.error
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


RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?o . ?b ?q ?r . ?c ?x ?y }"


def runaway(url: str, stop: float, stopped: list[int]) -> None:
    """Send the cross join until ``stop``; count the 503s (query killed at its deadline)."""
    while time.monotonic() < stop:
        try:
            with urllib.request.urlopen(f"{url}/sparql?query={quote(RUNAWAY)}", timeout=120) as r:
                r.read()
        except urllib.error.HTTPError as e:
            stopped.append(e.code)
        except OSError:
            stopped.append(0)


def worker_peak(pids: list[int], peak: list[int]) -> None:
    total = 0
    for pid in pids:
        try:
            total += psutil.Process(pid).memory_info().rss
        except psutil.Error:
            pass
    peak[0] = max(peak[0], total)


def open_tcp(port: int) -> int:
    return sum(1 for c in psutil.Process().net_connections(kind="tcp")
               if c.status != psutil.CONN_LISTEN and port in (c.laddr.port, c.raddr.port if c.raddr else 0))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--triples", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--runaway", type=int, default=0, help="Extra clients sending runaway queries.")
    parser.add_argument("--timeout", type=float, default=10.0, help="Time limit per query (s).")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = ox.Store(str(Path(tmp) / "db"))
        store.bulk_extend(Synth(args.triples).quads())
        store.flush()
        quads = len(store)
        del store  # the workers open it read-only
        limits = ServeLimits(workers=args.workers, timeout=args.timeout)
        server = make_server(Path(tmp) / "db", port=0, limits=limits).start()
        port = server.server_address[1]
        before = open_tcp(port)
        latencies: list[float] = []
        errors: list[str] = []
        stopped: list[int] = []
        peak = [0]
        stop = time.monotonic() + args.seconds
        threads = [threading.Thread(target=client, args=(server.url, stop, n, latencies, errors))
                   for n in range(args.clients)]
        threads += [threading.Thread(target=runaway, args=(server.url, stop, stopped)) for _ in range(args.runaway)]
        for t in threads:
            t.start()
        while any(t.is_alive() for t in threads):
            worker_peak(server.runner.pool.pids(), peak)
            time.sleep(0.2)
        time.sleep(0.5)
        after = open_tcp(port)
        server.stop()
    q = statistics.quantiles(latencies, n=100) if len(latencies) > 2 else [0.0] * 99
    print(f"{quads:,} quads, {args.clients} clients + {args.runaway} runaway, {args.seconds:g} s, "
          f"{args.workers} query workers, time limit {args.timeout:g} s")
    print(f"{len(latencies) / args.seconds:.0f} queries/s, p50 {q[49] * 1000:.1f} ms, "
          f"p99 {q[98] * 1000:.1f} ms, errors {len(errors)}, open connections {before} -> {after}")
    if args.runaway:
        print(f"runaway queries stopped: {len(stopped)} (statuses {sorted(set(stopped))}), "
              f"peak memory of all query workers {peak[0] / 2**20:.0f} MB")
    if errors:
        print("first errors:", errors[:3])


if __name__ == "__main__":
    main()
