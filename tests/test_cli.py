"""The ``kg`` command line as users run it: one line per error, exit codes, summaries."""

from __future__ import annotations

import subprocess
import sys

import pytest
from typer.testing import CliRunner

from graph.cli import app
from tests.conftest import CORPUS, DATA

runner = CliRunner()


def test_help_lists_every_command():
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in ("build", "validate", "evaluate", "query", "render", "export", "serve"):
        assert command in result.output


def test_build_warns_about_a_broken_file_and_builds_the_rest(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text((CORPUS / "001_stocktwits_stellantis.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (corpus / "broken.pdf").write_bytes(b"%PDF-1.4 binary")
    out = tmp_path / "g.nq"
    result = runner.invoke(app, ["build", str(corpus), "--output", str(out), "--no-progress"])
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 1 and "broken.pdf" in warnings[0]
    assert "1 documents read, 1 skipped" in result.stdout
    assert out.exists() and out.stat().st_size > 0


def test_build_with_nothing_readable_exits_non_zero_with_one_line(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    result = runner.invoke(app, ["build", str(tmp_path), "--output", str(tmp_path / "g.ttl"), "--no-progress"])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "empty.txt" in errors[0]


def test_evaluate_prints_scores_per_fact_type(seeds_graph):
    result = runner.invoke(app, ["evaluate", str(seeds_graph), "--gold", str(DATA / "gold_seeds.json")])
    assert result.exit_code == 0, result.output
    rows = {line.split()[0]: line.split() for line in result.stdout.splitlines()[1:]}
    assert set(rows) == {"investment", "agreement", "event", "actor"}
    assert float(rows["investment"][-1]) >= 0.9


def test_validate_accepts_the_build_and_rejects_a_broken_stake(seeds_graph, tmp_path):
    assert runner.invoke(app, ["validate", str(seeds_graph)]).exit_code == 0
    bad = tmp_path / "bad.ttl"
    bad.write_text(
        """@prefix ikg: <https://w3id.org/influence-kg/ontology#> .
<https://w3id.org/influence-kg/id/investment/x> a ikg:Investment ; ikg:stake 1.5 .
""",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["validate", str(bad)])
    assert result.exit_code == 1 and "violations" in result.stderr


def test_build_refuses_an_unknown_output_format_before_reading_anything(tmp_path):
    result = runner.invoke(app, ["build", str(CORPUS), "--output", str(tmp_path / "g.docx"), "--no-progress"])
    assert result.exit_code == 1 and "g.docx" in result.stderr and ".ttl" in result.stderr
    assert "documents read" not in result.stdout


def test_unknown_graph_format_is_one_line(tmp_path):
    path = tmp_path / "g.xyz"
    path.write_text("x")
    result = runner.invoke(app, ["evaluate", str(path), "--gold", str(DATA / "gold_seeds.json")])
    assert result.exit_code == 1
    assert len(result.stderr.strip().splitlines()) == 1 and "g.xyz" in result.stderr


@pytest.mark.slow
def test_console_script_builds_the_sample_corpus(tmp_path):
    """The README's main job: ``kg build`` with no path builds data/corpus."""
    kg = [sys.executable, "-c", "from graph.cli import app; app()"]
    result = subprocess.run([*kg, "build", "--output", str(tmp_path / "g.ttl"), "--no-progress"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "3 documents read, 0 skipped" in result.stdout


@pytest.mark.parametrize(
    ("args", "must_name"),
    [
        (["render", "{views}/sample.trig", "--output", "{tmp}/n.html", "--country", "Narnia"], ["'Narnia'", "Serbia", "France"]),
        (["render", "{views}/sample.trig", "--output", "{tmp}/n.html", "--type", "treaty"], ["treaty", "investment", "event"]),
        (["query", "{views}/sample.trig", "actor_profile"], ["actor_profile", "--param actor=VALUE", "none"]),
        (["build", "{tmp}/empty", "--output", "{tmp}/g.ttl", "--no-progress"], ["empty", ".txt", ".md", ".html"]),
    ],
    ids=["unknown-country", "unknown-fact-type", "missing-required-param", "empty-folder"],
)
def test_bad_choices_are_one_line_naming_what_was_given_and_what_is_accepted(tmp_path, args, must_name):
    """issue 10: these used to write an empty page, print 0 rows or say only "no input files found"."""
    (tmp_path / "empty").mkdir()
    argv = [a.format(views=DATA / "views", tmp=tmp_path) for a in args]
    result = runner.invoke(app, argv)
    assert result.exit_code == 1, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    for text in must_name:
        assert text in lines[0]
    assert not (tmp_path / "n.html").exists()


def test_a_required_param_given_runs_the_saved_query():
    result = runner.invoke(app, ["query", str(DATA / "views" / "sample.trig"), "actor_profile", "--param", "actor=Serbia", "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert len(result.stdout.strip().splitlines()) > 1
