"""A built wheel, installed in a fresh venv, carries everything ``kg`` needs (issue 10).

The wheel is built offline from a copy of the sources (no build isolation, so
setuptools and wheel come from this environment), installed with ``--no-deps``
into a new venv that sees this environment's dependencies through a ``.pth``
line (not its editable install), and run from a folder outside the checkout.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ("graph", "data", "ontology", "pyproject.toml", "setup.py", "MANIFEST.in", "README.md")

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """The ``bin`` folder of a fresh venv with the built wheel installed."""
    base = tmp_path_factory.mktemp("packaging")
    wheel = _build_wheel(base)
    return _fresh_venv_with(wheel, base / "venv")


def _build_wheel(base: Path) -> Path:
    src = base / "src"
    for name in SOURCES:
        path = ROOT / name
        copy = shutil.copytree if path.is_dir() else shutil.copy2
        copy(path, src / name, **({"ignore": shutil.ignore_patterns("__pycache__")} if path.is_dir() else {}))  # type: ignore[operator]
    out = base / "dist"
    _run([sys.executable, "-m", "pip", "wheel", str(src), "--no-deps", "--no-build-isolation", "-q", "-w", str(out)], cwd=base)
    (wheel,) = out.glob("influence_kg-*.whl")
    return wheel


def _fresh_venv_with(wheel: Path, target: Path) -> Path:
    venv.EnvBuilder(with_pip=True).create(target)
    python = target / "bin" / "python"
    purelib = _run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], cwd=target).strip()
    # A path line only: this environment's .pth files (its editable finder) are not run.
    (Path(purelib) / "project_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    _run([str(python), "-m", "pip", "install", "-q", "--no-deps", "--no-index", str(wheel)], cwd=target)
    return target / "bin"


def _run(command: list[str], *, cwd: Path) -> str:
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, f"{' '.join(command)}\n{result.stdout}\n{result.stderr}"
    return result.stdout


def test_the_installed_package_reads_its_data_from_the_wheel(installed: Path, tmp_path: Path) -> None:
    where = _run([str(installed / "python"), "-c", "import graph.paths as p; print(p.ROOT)"], cwd=tmp_path).strip()
    assert Path(where).parts[-2:] == ("graph", "_data") and "site-packages" in where
    assert not Path(where).is_relative_to(ROOT)


def test_saved_queries_are_listed(installed: Path, tmp_path: Path) -> None:
    listing = _run([str(installed / "kg"), "query", "--list"], cwd=tmp_path)
    assert {"actor_profile", "investments_by_country", "timeline"} <= set(listing.split())


def test_build_then_validate_the_sample_corpus(installed: Path, tmp_path: Path) -> None:
    summary = _run([str(installed / "kg"), "build", "--output", "g.ttl", "--no-progress"], cwd=tmp_path)
    assert summary.startswith("3 documents read, 0 skipped;")
    counts = dict((kind, int(n)) for n, kind in re.findall(r"(\d+) (investments|agreements|events)", summary))
    assert set(counts) == {"investments", "agreements", "events"} and min(counts.values()) > 0, summary
    assert _run([str(installed / "kg"), "validate", "g.ttl"], cwd=tmp_path).strip() == "g.ttl: conforms"


def test_the_query_page_and_its_editor_bundle_are_in_the_wheel(installed: Path, tmp_path: Path) -> None:
    """kg serve's page works offline from a wheel: every asset it links is package data."""
    script = ("import re; from graph.serve_pages import asset, query_page; page = query_page('n').decode(); "
              "names = re.findall(r'/assets/([^?\"]+)', page); "
              "print(' '.join(f'{n}={len(asset(n).body)}' for n in names))")
    sizes = dict(item.split("=") for item in _run([str(installed / "python"), "-c", script], cwd=tmp_path).split())
    assert {"codemirror.min.js", "query.js", "query.css", "codemirror.LICENSE.txt"} <= set(sizes)
    assert int(sizes["codemirror.min.js"]) > 100_000 and all(int(v) > 0 for v in sizes.values())
