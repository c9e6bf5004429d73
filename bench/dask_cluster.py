"""``kg build --dask`` on a real cluster on this machine, as docs/SCALING.md tells users to run it.

A scheduler and the workers are started from the ``dask`` CLI (``dask scheduler``,
``dask worker ADDR --nworkers N --nthreads 1``), then ``kg build CORPUS --store S
--dask ADDR`` runs as a user would, into an on-disk store. Printed, from one run:

- the build's wall time and documents/s, and its own (client) peak RSS;
- per worker: documents and words per second of compute (Dask's task stream:
  time each worker spent in ``extract_batch``; also without each worker's first
  batch, which loads the spaCy model), per CPU second of the worker process (what
  a worker with a core of its own gives, whatever else runs here), and its peak RSS;
- how long the client worked alone after the last batch (resolution, store sync);
- the arithmetic for 1M articles at the measured per-worker rates.

``--sink endpoint`` also starts ``oxigraph serve`` on a free loopback port and adds
``--endpoint URL/store`` to the build (the store is then pushed to it: changed
graphs, a bounded number of triples per request); ``--sink endpoint-file`` builds in
memory (``--output``, no store) and pushes that. Also printed then: the time spent
pushing and its triples/s, the server's peak RSS, the triples the server holds
afterwards, and the 1M-article arithmetic of the push.

Every child (scheduler, workers, ``kg build``) imports ``graph`` from this checkout
(``PYTHONPATH``), and the build's peak RSS is its ``VmHWM``, read as it exits.

    python bench/dask_cluster.py                  # 300 documents, 2 workers
    python bench/dask_cluster.py --docs 100 --workers 1
    python bench/dask_cluster.py --sink endpoint  # the same, pushed to an Oxigraph server
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scaling import make_corpus  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DASK = Path(sys.executable).with_name("dask")
OXIGRAPH = Path(sys.executable).with_name("oxigraph")
# `kg` as its console script runs it, writing its peak RSS (VmHWM) to argv[1] as it exits
KG = """
import atexit, sys
def peak():
    kb = next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM:"))
    open(PEAK, "w").write(str(kb))
PEAK = sys.argv.pop(1)
atexit.register(peak)
sys.argv[0] = "kg"
from graph.cli import app
app()
"""


def child_env() -> dict[str, str]:
    """This checkout's ``graph`` first on every child's path, whatever the venv has installed."""
    return {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_cluster(port: int, workers: int, log_dir: Path) -> tuple[str, list[subprocess.Popen]]:
    """The documented commands: a scheduler, then workers pointed at its address."""
    address = f"tcp://127.0.0.1:{port}"
    scheduler = subprocess.Popen([str(DASK), "scheduler", "--port", str(port), "--dashboard-address", ":0"],
                                 stdout=subprocess.DEVNULL, stderr=(log_dir / "scheduler.log").open("wb"), env=child_env())
    worker = subprocess.Popen([str(DASK), "worker", address, "--nworkers", str(workers), "--nthreads", "1"],
                              stdout=subprocess.DEVNULL, stderr=(log_dir / "workers.log").open("wb"), env=child_env())
    return address, [worker, scheduler]


def start_endpoint(location: Path) -> tuple[str, subprocess.Popen]:
    """``oxigraph serve`` on a free loopback port; returns its base URL once it answers."""
    url = f"http://127.0.0.1:{free_port()}"
    server = subprocess.Popen([str(OXIGRAPH), "serve", "--location", str(location), "--bind", url[len("http://"):]],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and server.poll() is None:
        try:
            with urllib.request.urlopen(f"{url}/query?query=ASK%7B%7D", timeout=1):
                return url, server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit(f"oxigraph serve did not answer on {url}")


def peak_mb(pid: int) -> float:
    """A live process's peak RSS (``VmHWM``)."""
    with open(f"/proc/{pid}/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:")) / 1024


def remote_triples(url: str) -> int:
    """Quads in the named graphs of the server (what was pushed)."""
    request = urllib.request.Request(f"{url}/query", data=b"SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }",
                                     headers={"Content-Type": "application/sparql-query", "Accept": "text/csv"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return int(response.read().decode().split()[-1])


def stop_cluster(processes: list[subprocess.Popen]) -> None:
    for process in processes:  # workers first, then the scheduler
        process.terminate()
        process.wait(timeout=60)


def worker_usage() -> tuple[float, float]:
    """(peak RSS in MB, CPU seconds) of this worker process (run on each worker by ``Client.run``)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def busy_seconds(stream: list[dict]) -> dict[str, list[float]]:
    """Compute seconds of each ``extract_batch`` task per worker, in start order (Dask's task stream)."""
    spans: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for task in stream:
        if "extract_batch" not in str(task.get("key")):
            continue
        compute = [s for s in task.get("startstops", ()) if s.get("action") == "compute"]
        spans[task["worker"]] += [(s["start"], s["stop"] - s["start"]) for s in compute]
    return {worker: [seconds for _, seconds in sorted(items)] for worker, items in spans.items()}


def after_last_batch(stream: list[dict], start: float, wall: float) -> float:
    """Seconds the client worked alone after the last batch ended (resolution, store sync)."""
    stops = [s["stop"] for task in stream for s in task.get("startstops", ()) if s.get("action") == "compute"]
    return start + wall - max(stops)


def run_build(corpus: Path, sink: list[str], address: str, batch: int, peak_file: Path) -> tuple[float, str]:
    """Wall seconds and stdout of ``kg build CORPUS SINK --dask ADDRESS``."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", KG, str(peak_file), "build", str(corpus), *sink, "--dask", address,
                           "--batch-size", str(batch), "--no-progress"], capture_output=True, text=True, env=child_env())
    if done.returncode:
        raise SystemExit(f"kg build --dask failed ({done.returncode}): {done.stderr.strip()[-500:]}")
    return time.perf_counter() - start, done.stdout


def push_figures(output: str) -> tuple[int, float]:
    """(triples, seconds) of the push, from what `kg build --endpoint` printed."""
    seconds = float(re.search(r" in ([0-9.]+) s", output).group(1))
    triples = re.search(r"\(([0-9]+) triples\)", output)
    return (int(triples.group(1)) if triples else 0), seconds


def report_push(args: argparse.Namespace, output: str, server: tuple[float, int], wall: float) -> None:
    triples, seconds = push_figures(output)
    server_mb, held = server
    triples = triples or held  # the in-memory push prints graphs, not triples: all of them went
    rate = triples / max(seconds, 1e-9)
    print(f"push ({args.sink}): {triples} triples in {seconds:.1f} s = {rate:,.0f} triples/s "
          f"({seconds / wall:.0%} of the build's wall time); server peak RSS {server_mb:.0f} MB, "
          f"holds {held} triples in its named graphs")
    per_doc = held / args.docs
    hours = 1_000_000 * per_doc / rate / 3600
    print(f"1M articles, push: 1e6 × {per_doc:.0f} triples/article / {rate:,.0f} triples/s / 3600 = {hours:.1f} h")

def report(args: argparse.Namespace, corpus: Path, wall: float, stream: list[dict], usage: dict,
           client: tuple[float, float]) -> None:
    words_per_doc = sum(len(p.read_text(encoding="utf-8").split()) for p in corpus.iterdir()) / args.docs
    print(f"kg build --dask ({args.workers} workers, {args.sink} sink): {args.docs} docs in {wall:.1f} s wall, "
          f"{args.docs / wall:.2f} docs/s; client (kg build) peak RSS {client[0]:.0f} MB, "
          f"{client[1]:.1f} s alone after the last batch (resolution, store sync, push)")
    tasks = busy_seconds(stream)
    for worker, seconds in sorted(tasks.items()):
        print(f"  worker {worker}: {len(seconds)} batches in {sum(seconds):.1f} s compute (first batch, "
              f"model load included: {seconds[0]:.1f} s), {usage[worker][1]:.1f} s CPU during the build; "
              f"peak RSS {usage[worker][0]:.0f} MB")
    cpu = sum(u[1] for u in usage.values())
    print(f"per worker CPU (what a core of its own gives): {args.docs / cpu:.2f} docs/s, "
          f"{args.docs / cpu * words_per_doc:.0f} words/s, model load included")
    total = sum(sum(seconds) for seconds in tasks.values())
    steady = sum(sum(seconds[1:]) for seconds in tasks.values())  # each worker's first batch loads the model
    steady_docs = args.docs - len(tasks) * args.batch_size
    rate, steady_rate = args.docs / total, steady_docs / steady
    print(f"per worker: {rate:.2f} docs/s, {rate * words_per_doc:.0f} words/s with model load; "
          f"{steady_rate:.2f} docs/s, {steady_rate * words_per_doc:.0f} words/s after it ({words_per_doc:.0f} words/doc)")
    for what, per_worker in (("a core per worker (CPU)", args.docs / cpu), ("as measured here (wall)", steady_rate)):
        hours = 1_000_000 / per_worker / 3600
        print(f"1M articles, {what}: 1e6 / {per_worker:.2f} / 3600 = {hours:.0f} worker-hours of extraction, "
              f"e.g. {hours / 16:.1f} h on 16 workers, {hours / 64:.1f} h on 64")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--workers", type=int, default=2, help="worker processes (`dask worker --nworkers`)")
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--port", type=int, default=8786, help="scheduler port (the `dask scheduler` default)")
    parser.add_argument("--sink", choices=("store", "endpoint", "endpoint-file"), default="store",
                        help="store: --store S; endpoint: --store S --endpoint (oxigraph serve); "
                             "endpoint-file: --output F --endpoint, no store")
    args = parser.parse_args()
    from distributed import Client

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        make_corpus(corpus, args.docs)
        sink = ["--output", str(Path(tmp) / "graph.nq")] if args.sink == "endpoint-file" else ["--store", str(Path(tmp) / "store")]
        server = None
        if args.sink != "store":
            url, server = start_endpoint(Path(tmp) / "oxigraph-server")
            sink += ["--endpoint", f"{url}/store"]
        address, processes = start_cluster(args.port, args.workers, Path(tmp))
        try:
            with Client(address, timeout="60s") as client:
                client.wait_for_workers(args.workers, timeout=120)
                client.get_task_stream()  # installs the scheduler's task-stream plugin before the build
                before = client.run(worker_usage)
                start = time.time()
                wall, output = run_build(corpus, sink, address, args.batch_size, Path(tmp) / "peak")
                client_mb = int((Path(tmp) / "peak").read_text()) / 1024
                stream = client.get_task_stream(start=start)
                usage = {w: (mb, cpu - before[w][1]) for w, (mb, cpu) in client.run(worker_usage).items()}
            served = (peak_mb(server.pid), remote_triples(url)) if server else None
        finally:
            stop_cluster(processes + ([server] if server else []))
        report(args, corpus, wall, stream, usage, (client_mb, after_last_batch(stream, start, wall)))
        if served:
            report_push(args, output, served, wall)
    print(f"cores: {os.cpu_count()}; load average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
