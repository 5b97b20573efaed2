"""Batch semantics (issue 12, item 4; CONTRACT §4): each row is passed, failed, invalid or
unchecked; the summary counts each with correct plurals; exit 1 on a failure, 2 on an invalid
row (2 wins); CSV has a result column; the run's own output is never read as an input."""
from __future__ import annotations

import csv
import io
import json

from click.testing import CliRunner

from cli import main
from conftest import ROOT

EXAMPLE = ROOT / "examples" / "arbeidsmigranten-online.yaml"
FIELDS = ["file", "name", "ok", "result", "error", "decisions", "recommendation_ids", "expect_failures"]


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def files(tmp_path):
    text = EXAMPLE.read_text()
    body = text.split("expect:")[0]
    (tmp_path / "passed.yaml").write_text(text)
    (tmp_path / "unchecked.yaml").write_text(body)
    (tmp_path / "failed.yaml").write_text(body + "expect:\n  meeting_type: inform\n  includes: [setup.information_market]\n")
    (tmp_path / "invalid.yaml").write_text("subject: refugees\n")
    return {name: tmp_path / f"{name}.yaml" for name in ("passed", "unchecked", "failed", "invalid")}


def test_each_row_has_one_of_four_results_in_contract_order(tmp_path):
    f = files(tmp_path)
    r = run("batch", f["passed"], f["unchecked"], f["failed"], f["invalid"], "--format", "json", "-l", "en")
    rows = json.loads(r.stdout)
    assert [list(x) for x in rows] == [FIELDS] * 4
    assert [x["result"] for x in rows] == ["passed", "unchecked", "failed", "invalid"]
    assert [x["ok"] for x in rows] == [True, True, False, False]
    assert rows[1]["expect_failures"] == [] and rows[1]["decisions"]
    assert r.stderr.strip() == "4 scenarios: 1 passed, 1 failed, 1 invalid, 1 unchecked"


def test_a_scenario_without_expectations_is_unchecked_not_passed(tmp_path):
    f = files(tmp_path)
    r = run("batch", f["unchecked"], "-l", "en")
    assert r.exit_code == 0
    assert r.stderr.strip() == "1 scenario: 0 passed, 0 failed, 0 invalid, 1 unchecked"


def test_exit_codes_and_which_wins(tmp_path):
    f = files(tmp_path)
    assert run("batch", f["passed"], f["unchecked"]).exit_code == 0
    assert run("batch", f["passed"], f["failed"]).exit_code == 1
    assert run("batch", f["passed"], f["invalid"]).exit_code == 2
    assert run("batch", f["failed"], f["invalid"]).exit_code == 2  # an invalid input wins


def test_csv_has_a_result_column(tmp_path):
    f = files(tmp_path)
    r = run("batch", f["passed"], f["unchecked"], f["failed"], f["invalid"], "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert [x["result"] for x in rows] == ["passed", "unchecked", "failed", "invalid"]


def test_the_table_shows_the_result(tmp_path):
    f = files(tmp_path)
    r = run("batch", f["unchecked"], f["failed"], "-l", "en")
    lines = r.stdout.splitlines()[2:]  # the file name holds the word once, the result column again
    assert lines[0].count("unchecked") == 2 and lines[1].count("failed") == 2


def test_the_table_and_summary_speak_the_language(tmp_path):
    """-l nl (the default): Dutch words and decision labels, no codes; the JSON keeps codes."""
    f = files(tmp_path)
    r = run("batch", f["passed"], f["unchecked"], f["failed"], f["invalid"])
    assert r.stderr.strip() == "4 scenario's: 1 geslaagd, 1 mislukt, 1 ongeldig, 1 niet gecontroleerd"
    header, _, first = r.stdout.splitlines()[:3]
    assert "uitslag" in header and "type bijeenkomst" in header and "geslaagd" in first
    decision_cells = first.split("  ")
    assert not {"inform", "consult", "coproduce", "informed", "discreet", "low", "elevated"} & {c.strip() for c in decision_cells}
    assert json.loads(run("batch", f["passed"], "-f", "json").stdout)[0]["result"] == "passed"


def test_the_runs_own_output_is_never_read_and_an_old_one_is_a_clear_invalid_row(tmp_path):
    files(tmp_path)
    out = tmp_path / "res.json"
    first = run("batch", tmp_path, "--format", "json", "--out", out)
    second = run("batch", tmp_path, "--format", "json", "--out", out)  # res.json is in the folder now
    assert first.exit_code == second.exit_code == 2
    rows = json.loads(out.read_text())
    assert len(rows) == 4 and str(out) not in [x["file"] for x in rows]
    other = run("batch", tmp_path, "--format", "json")  # an earlier run's output, not this run's
    rows = json.loads(other.stdout)
    old = [x for x in rows if x["file"] == str(out)]
    assert old and old[0]["result"] == "invalid" and "earlier 'batch' run" in old[0]["error"]


def test_jsonl_rows_match_json_rows(tmp_path):
    f = files(tmp_path)
    a = json.loads(run("batch", *f.values(), "--format", "json").stdout)
    b = [json.loads(line) for line in run("batch", *f.values(), "--format", "jsonl").stdout.splitlines()]
    assert a == b
