"""issue 9: symbolic-link loops, fifos and hostile file names cost a one-line warning, never the build."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from graph.errors import IngestError
from graph.ingest import iter_documents

ROOT = Path(__file__).resolve().parents[2]
GOOD = "Velora Holdings opened an office in Tarn on 3 March 2021.\n"


def _read(folder: Path) -> tuple[list[str], list[str]]:
    errors: list[IngestError] = []
    docs = [d.file_name for d in iter_documents([folder], on_error=errors.append)]
    return docs, [str(e) for e in errors]


@pytest.mark.parametrize(
    "make",
    [
        pytest.param(lambda d: os.symlink(d / "self.txt", d / "self.txt"), id="file-link-to-itself"),
        pytest.param(lambda d: (os.symlink(d / "b.txt", d / "a.txt"), os.symlink(d / "a.txt", d / "b.txt")),
                     id="two-links-in-a-ring"),
        pytest.param(lambda d: os.symlink(d, d / "loop"), id="folder-link-to-its-parent"),
        pytest.param(lambda d: os.mkfifo(d / "pipe.txt"), id="fifo"),
    ],
)
def test_issue_9_loops_and_fifos_are_warnings(tmp_path: Path, make) -> None:
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    make(tmp_path)
    docs, errors = _read(tmp_path)
    assert docs == ["good.txt"]
    assert errors and all("\n" not in e for e in errors)


def test_issue_9_control_characters_in_names_are_escaped(tmp_path: Path) -> None:
    (tmp_path / "x\nerror: forged.txt").write_text("", encoding="utf-8")
    (tmp_path / "bell\x07\x1b[31m.txt").write_text("", encoding="utf-8")
    _, errors = _read(tmp_path)
    assert len(errors) == 2
    assert all("\n" not in e and "\x1b" not in e and "\x07" not in e for e in errors)
    assert any("x\\nerror: forged.txt" in e for e in errors)


@pytest.mark.slow
def test_issue_9_kg_build_prints_no_forged_line(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text(GOOD, encoding="utf-8")
    (corpus / "x\nerror: forged.txt").write_text("", encoding="utf-8")
    os.symlink(corpus / "ring.txt", corpus / "ring.txt")
    done = subprocess.run([sys.executable, "-c", "from graph.cli import app; app()", "build", str(corpus),
                           "-o", str(tmp_path / "g.ttl"), "--no-progress"],
                          cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 2 and all(line.startswith("warning: ") for line in lines), lines
    assert not any(line.startswith("error:") for line in lines)
