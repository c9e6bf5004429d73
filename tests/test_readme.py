"""README.md says what the code does: its snippets run, its commands and options exist,
and the build summary it shows is the one ``kg build`` prints (issue 10)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from graph.cli import app

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
PYTHON_BLOCKS = re.findall(r"```python\n(.*?)```", README, flags=re.S)
SH_BLOCKS = re.findall(r"```sh\n(.*?)```", README, flags=re.S)
COMMAND_LINES = [line.split("#")[0].strip() for block in SH_BLOCKS for line in block.splitlines() if line.startswith("kg ")]


def _kg(args: list[str], *, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-c", "from graph.cli import app; app()", *args]
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)


@pytest.mark.parametrize("line", COMMAND_LINES, ids=[" ".join(line.split()[:2]) + f"-{i}" for i, line in enumerate(COMMAND_LINES)])
def test_every_command_and_option_shown_exists(line: str) -> None:
    words = line.split()
    help_text = CliRunner().invoke(app, [words[1], "--help"], terminal_width=200).output
    assert "Usage:" in help_text, f"{line}: no command {words[1]!r}"
    for option in (w for w in words if w.startswith("--")):
        assert option in help_text, f"{line}: kg {words[1]} has no {option}"


@pytest.mark.slow
def test_the_build_summary_shown_is_what_kg_build_prints(tmp_path: Path) -> None:
    shown = re.search(r"\$ kg build\n(.+)\n", README)
    assert shown, "README: the 'What you get' block no longer shows `$ kg build` and its output"
    result = _kg(["build", "--output", "out/graph.ttl", "--no-progress"], cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == shown.group(1).strip(), "update README.md's figures to what kg build prints"


@pytest.mark.slow
@pytest.mark.parametrize("block", PYTHON_BLOCKS, ids=[f"python-{i}" for i in range(len(PYTHON_BLOCKS))])
def test_python_snippets_run(block: str, tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-c", block], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip(), "a README snippet should show something"
