"""Pushing a kg store of about ``--triples`` triples to an Oxigraph server, in one run.

What ``kg build --store S --endpoint URL`` does after its build (``graph.remote_sync.push_store``),
at a size ``bench/dask_cluster.py`` cannot reach on this machine. The store is fabricated:
the sample corpus is built once, then its document graphs are copied under new IRIs (the
document's own IRIs and long literals get the copy's number; actors stay shared, as in news)
until the store holds ``--triples``; one actors and one aggregates graph, a manifest.

For each protocol (Graph Store Protocol ``/store``, SPARQL Update ``/update``), on a fresh
``oxigraph serve`` on a free loopback port: the push in a fresh process (its peak RSS is its
``VmHWM``), the server's peak RSS, the triples it then holds, and a second push with nothing
changed (what an incremental build pushes when no document changed).

    python bench/push.py                     # about 1,000,000 triples
    python bench/push.py --triples 100000    # a quick look
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pyoxigraph as ox

sys.path[:0] = [str(Path(__file__).resolve().parent), str(Path(__file__).resolve().parents[1])]  # graph from this checkout

from dask_cluster import child_env, peak_mb, remote_triples, start_endpoint  # noqa: E402

ID = "https://w3id.org/influence-kg/id/"
CHILD = """
import json, sys
from graph.remote_sync import push_store
r = push_store(sys.argv[1], sys.argv[2], timeout=600)
kb = next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM:"))
print(json.dumps({"pushed": r.pushed, "triples": r.triples, "seconds": r.seconds, "peak_mb": kb / 1024}))
"""


def sample_graphs(tmp: Path) -> dict[str, list[ox.Triple]]:
    """The graphs of a store built from the sample corpus."""
    from graph.pipeline import SAMPLE_CORPUS
    from graph.store import build_into_store, store_graphs

    build_into_store([SAMPLE_CORPUS], tmp / "sample")
    return store_graphs(tmp / "sample")


def renamed(term: ox.NamedNode | ox.BlankNode | ox.Literal, copy: int) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """The term in copy ``copy``: its own IRIs and long texts distinct, actors and vocabulary shared."""
    if isinstance(term, ox.NamedNode) and term.value.startswith(ID) and not term.value.startswith(ID + "actor/"):
        return ox.NamedNode(f"{term.value}-c{copy}")
    if isinstance(term, ox.Literal) and len(term.value) > 40:
        return ox.Literal(f"{term.value} [{copy}]", language=term.language) if term.language else \
            ox.Literal(f"{term.value} [{copy}]", datatype=term.datatype)
    return term


def fabricate(root: Path, graphs: dict[str, list[ox.Triple]], wanted: int) -> int:
    """A kg store of the sample's graphs, document graphs copied until ``wanted`` triples; returns its triples."""
    from graph.store import StoreDir, graph_digest

    documents = {k: v for k, v in graphs.items() if "/document/" in k}
    digests = {k: graph_digest(v) for k, v in graphs.items() if k not in documents}
    store = ox.Store(str(root / "oxigraph"))
    store.bulk_extend(ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode(k))
                      for k in digests for t in graphs[k])
    total, copy = sum(len(graphs[k]) for k in digests), 0
    while total < wanted:
        for key, triples in documents.items():
            name = f"{key}-c{copy}"
            copied = [ox.Triple(renamed(t.subject, copy), t.predicate, renamed(t.object, copy)) for t in triples]
            store.bulk_extend(ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode(name)) for t in copied)
            digests[name] = graph_digest(copied)
            total += len(copied)
        copy += 1
    store.flush()
    del store
    StoreDir(root).write_digests(digests)
    return total


def push(store: Path, url: str) -> dict:
    done = subprocess.run([sys.executable, "-c", CHILD, str(store), url], capture_output=True, text=True,
                          env=child_env())
    if done.returncode:
        raise SystemExit(f"push failed ({done.returncode}): {done.stderr.strip()[-500:]}")
    return json.loads(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--triples", type=int, default=1_000_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "store"
        root.mkdir()
        total = fabricate(root, sample_graphs(Path(tmp)), args.triples)
        graphs = len(json.loads((root / "manifest.json").read_text())["graphs"])
        print(f"store: {total:,} triples in {graphs:,} graphs; load average {os.getloadavg()[0]:.1f}")
        for path in ("/store", "/update"):
            (root / "pushed.json").unlink(missing_ok=True)
            url, server = start_endpoint(Path(tmp) / f"server{path.replace('/', '-')}")
            try:
                first, again = push(root, url + path), push(root, url + path)
                held, server_mb = remote_triples(url), peak_mb(server.pid)
            finally:
                server.terminate()
                server.wait(timeout=60)
            rate = first["triples"] / first["seconds"]
            print(f"{path}: {first['pushed']:,} graphs, {first['triples']:,} triples in {first['seconds']:.1f} s = "
                  f"{rate:,.0f} triples/s; client peak RSS {first['peak_mb']:.0f} MB, server {server_mb:.0f} MB, "
                  f"server holds {held:,}; again, nothing changed: {again['pushed']} graphs in {again['seconds']:.1f} s; "
                  f"load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
