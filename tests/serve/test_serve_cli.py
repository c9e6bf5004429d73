"""`kg serve` as a user runs it: a real process, queried, then stopped."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_kg_serve_answers_then_stops(graph_file: Path) -> None:
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-c", "from graph.cli import app; app()", "serve",
                             str(graph_file), "--port", str(port)],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        url = f"http://127.0.0.1:{port}/sparql?query={quote('ASK { ?s a ikg:Country }')}"
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(url, timeout=2) as r:
                    assert b"true" in r.read()
                break
            except OSError:
                assert proc.poll() is None and time.monotonic() < deadline, "kg serve did not start"
                time.sleep(0.2)
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_kg_serve_on_a_missing_graph_is_one_line_and_non_zero(tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, "-c", "from graph.cli import app; app()", "serve",
                           str(tmp_path / "missing.ttl")], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert proc.returncode != 0
    assert "no such graph file" in proc.stderr and len(proc.stderr.strip().splitlines()) == 1


def test_kg_serve_with_a_missing_documents_folder_is_one_line_and_non_zero(graph_file: Path, tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, "-c", "from graph.cli import app; app()", "serve", str(graph_file),
                           "--port", "0", "--documents", str(tmp_path / "absent")],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert proc.returncode != 0
    assert "absent: no such folder; give --documents" in proc.stderr and len(proc.stderr.strip().splitlines()) == 1
