"""Many concurrent clients for a bounded time: no error, no leaked connection."""

from __future__ import annotations

import threading
import time
import urllib.request
from urllib.parse import quote

import psutil
import pytest

from graph.serve import SparqlServer

pytestmark = pytest.mark.slow

CLIENTS = 20
SECONDS = 2.0
QUERY = quote("SELECT ?a ?label WHERE { ?a rdfs:label ?label } ORDER BY ?label")


def _open_tcp(port: int) -> int:
    """Established or half-closed TCP connections of this process touching ``port``."""
    conns = psutil.Process().net_connections(kind="tcp")
    return sum(1 for c in conns if c.status != psutil.CONN_LISTEN
               and (c.laddr and c.laddr.port == port or c.raddr and c.raddr.port == port))


def _hammer(url: str, stop: float, counts: dict[str, int], lock: threading.Lock) -> None:
    while time.monotonic() < stop:
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                ok = response.status == 200 and b"Zijin Mining" in response.read()
        except OSError:
            ok = False
        with lock:
            counts["ok" if ok else "error"] += 1


def test_concurrent_clients_get_answers_and_connections_close(server: SparqlServer) -> None:
    port = server.server_address[1]
    baseline = _open_tcp(port)
    counts = {"ok": 0, "error": 0}
    lock = threading.Lock()
    stop = time.monotonic() + SECONDS
    url = f"{server.url}/sparql?query={QUERY}"
    threads = [threading.Thread(target=_hammer, args=(url, stop, counts, lock)) for _ in range(CLIENTS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=SECONDS + 15)
    assert counts["error"] == 0 and counts["ok"] > CLIENTS
    deadline = time.monotonic() + 5
    while _open_tcp(port) > baseline and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _open_tcp(port) == baseline
