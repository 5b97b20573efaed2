"""The command line, through click's CliRunner (and a subprocess where the process matters)."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
import yaml
from click.testing import CliRunner

from cli import main
from conftest import ROOT, SAMPLES

SAMPLE = ROOT / "examples" / "azc-informatiemarkt.yaml"


def run(*args, input=None, env=None):
    return CliRunner().invoke(main, [str(a) for a in args], input=input, env=env)


def test_advise_text_has_decisions_categories_and_citations():
    r = run("advise", SAMPLE, "--detail")
    assert r.exit_code == 0, r.output
    out = r.output
    assert out.startswith("Advies voor: Noodopvang sporthal, informatiemarkt\n")
    assert "Type bijeenkomst" in out and "inform" in out
    assert "== Opzet en inrichting ==" in out
    assert "Handreiking Besluitvorming opvang asielzoekers" in out and "§5.2" in out
    assert "== Waarschuwingen ==" in out and "== Afwegingen ==" in out


def test_advise_text_in_english():
    r = run("advise", SAMPLE, "--lang", "en", "--detail")
    assert r.exit_code == 0
    assert r.output.startswith("Advice for: ") and "== Setup ==" in r.output


def test_lang_from_environment():
    r = run("advise", SAMPLE, "--format", "json", env={"BIJEENKOMSTWIJZER_LANG": "en"})
    assert json.loads(r.output)["language"] == "en"


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_advise_json_follows_the_contract(sample):
    r = run("advise", sample, "--format", "json")
    assert r.exit_code == 0, r.output
    doc = json.loads(r.output)
    assert list(doc) == ["scenario", "language", "decisions", "recommendations", "tradeoffs", "warnings",
                         "summary", "runbook"]
    assert doc["language"] == "nl"
    assert list(doc["decisions"]) == ["meeting_type", "police_visibility", "risk_level"]
    assert doc["scenario"]["name"] and "expect" not in doc["scenario"]
    for rec in doc["recommendations"]:
        assert {"id", "category", "title", "text", "rationale", "citations", "rule", "because"} <= set(rec)
        assert rec["citations"] and isinstance(rec["because"], dict)
    for item in doc["tradeoffs"] + doc["warnings"]:
        assert item["id"] and item["text"] and item["citations"]
    expect = yaml.safe_load(sample.read_text())["expect"]
    ids = {r["id"] for r in doc["recommendations"]}
    assert set(expect.get("includes", [])) <= ids
    assert doc["decisions"]["meeting_type"] == expect["meeting_type"]


def test_json_is_the_same_in_both_languages_but_for_texts():
    nl = json.loads(run("advise", SAMPLE, "--format", "json").output)
    en = json.loads(run("advise", SAMPLE, "--format", "json", "--lang", "en").output)
    assert nl["decisions"] == en["decisions"]
    for key in ("recommendations", "tradeoffs", "warnings"):
        assert [i["id"] for i in nl[key]] == [i["id"] for i in en[key]]
    assert nl["recommendations"][0]["text"] != en["recommendations"][0]["text"]


def test_json_is_byte_identical_across_processes_and_hash_seeds():
    outs = set()
    for seed in ("0", "1", "123"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        p = subprocess.run([sys.executable, str(ROOT / "cli.py"), "advise", str(SAMPLE), "--format", "json"],
                           capture_output=True, env=env, cwd=ROOT)
        assert p.returncode == 0, p.stderr
        outs.add(p.stdout)
    assert len(outs) == 1


def test_advise_markdown_memo():
    r = run("advise", SAMPLE, "--format", "markdown")
    assert r.exit_code == 0
    assert r.output.startswith("# Memo: advies bewonersbijeenkomst: Noodopvang sporthal")
    assert "## Aanbevelingen" in r.output and "## Bronnen" in r.output
    assert "*Handreiking Besluitvorming opvang asielzoekers*" in r.output


def test_advise_reads_stdin():
    r = run("advise", "-", "--format", "json", input=SAMPLE.read_text())
    assert r.exit_code == 0
    assert json.loads(r.output)["decisions"]["meeting_type"] == "inform"


ANSWERS = [
    "Sporthal",           # name (asked first)
    "asylum_reception",   # subject
    "decided",            # phase
    "?",                  # why is room asked?
    "none",               # room_for_decision  (creativity is then skipped)
    "",                   # implementation_room (phase decided)
    "veel",               # not a number
    "350",                # expected_visitors
    "concerns",           # existing_protest
    "", "", "",           # outside_groups, threats, social_media: defaults
    "", "", "", "", "",   # media, trust, area, format, council
    "",                   # initiator
    "school, bogus",      # unknown stakeholder
    "school",             # nearby_stakeholders
    "", "",               # supporting_initiatives, priority_value
    "",                   # the review: make the advice
]


def test_interview_with_scripted_input_and_save(tmp_path):
    saved = tmp_path / "antwoorden.yaml"
    r = run("advise", "--save", saved, "--format", "json", input="\n".join(ANSWERS) + "\n")
    assert r.exit_code == 0, r.output
    assert "creativiteit" not in r.output.lower()  # skipped: cannot matter without room
    assert "De ruimte voor inbreng bepaalt het type bijeenkomst" in r.stderr  # the '?' help
    assert "Geef een heel getal" in r.stderr and "Onbekend: bogus" in r.stderr
    doc = json.loads(r.stdout)  # the questions go to stderr: stdout is the advice only
    assert doc["decisions"]["meeting_type"] == "inform"
    answers = yaml.safe_load(saved.read_text())
    assert answers["expected_visitors"] == 350 and answers["nearby_stakeholders"] == ["school"]
    again = run("advise", saved, "--format", "json")
    assert json.loads(again.output)["decisions"] == doc["decisions"]


def test_interview_interrupted_keeps_answers(tmp_path):
    saved = tmp_path / "half.yaml"
    r = run("advise", "--save", saved, input="Hal\nasylum_reception\nproposal\nconditions\n")
    assert r.exit_code == 130  # interrupted (here: the input ends)
    assert yaml.safe_load(saved.read_text()) == {
        "name": "Hal", "subject": "asylum_reception", "phase": "proposal", "room_for_decision": "conditions"}


@pytest.mark.parametrize("content, field", [
    ("subject: asylum_reception\nphase: decidd\nroom_for_decision: none\nexpected_visitors: 3\nexisting_protest: none\n", "phase"),
    ("subject: asylum_reception\nphase: decided\nroom_for_decision: none\nexpected_visitors: 3\nexisting_protest: none\nsocial_meda: quiet\n", "social_meda"),
    ("subject: asylum_reception\nsubject: asylum_reception\n", "subject"),
    ("subject: asylum_reception\nphase: decided\nroom_for_decision: none\nexpected_visitors: -4\nexisting_protest: none\n", "expected_visitors"),
])
def test_bad_input_gives_one_line_naming_file_and_field(tmp_path, content, field):
    f = tmp_path / "bad.yaml"
    f.write_text(content)
    r = run("advise", f)
    assert r.exit_code == 2
    lines = r.output.strip().splitlines()
    assert len(lines) == 1 and str(f) in lines[0] and field in lines[0]
    assert "Traceback" not in r.output


def test_missing_file_is_exit_2():
    r = run("advise", "/nonexistent/x.yaml")
    assert r.exit_code == 2 and r.output.strip() == "bijeenkomstwijzer: /nonexistent/x.yaml: no such file"


def test_schema_is_draft_2020_12_from_the_model():
    r = run("schema")
    schema = json.loads(r.output)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["additionalProperties"] is False
    assert set(schema["required"]) == {"subject", "phase", "room_for_decision", "expected_visitors", "existing_protest"}
    assert schema["properties"]["phase"]["x-question"]["nl"]
    assert schema["properties"]["expected_visitors"]["maximum"] == 100000


def test_kb_export_json():
    r = run("kb", "export", "--format", "json")
    items = json.loads(r.output)
    assert r.exit_code == 0 and len(items) >= 120
    assert all(i["rules"] for i in items)


def test_batch_json_and_exit_codes(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("- just a list\n")
    r = run("batch", ROOT / "examples", bad, "--format", "json", "-l", "en")
    results = json.loads(r.stdout)
    assert r.stderr.strip().endswith("passed, 0 failed, 1 invalid, 0 unchecked")
    assert r.exit_code == 2
    assert all(list(x) == ["file", "name", "ok", "result", "error", "decisions", "recommendation_ids",
                           "expect_failures"] for x in results)
    assert [x["ok"] for x in results if x["file"] != str(bad)] and all(x["ok"] for x in results if x["file"] != str(bad))
    assert results[-1]["error"].startswith(str(bad))


def test_interview_interrupted_after_three_answers_can_be_resumed(tmp_path):
    saved = tmp_path / "situatie.yaml"
    first = run("advise", "--save", saved, input="Klankbord\nlabour_migrant_housing\nexploration\nopen\n")
    assert first.exit_code == 130
    assert f"de 4 antwoorden tot nu toe staan in {saved}" in first.output
    assert f"advise --resume {saved}" in first.output
    rest = ["30", "none", "yes"] + [""] * 13 + [""]  # + municipality_supports_initiative; the review
    second = run("advise", "--resume", saved, "--format", "json", input="\n".join(rest) + "\n")
    assert second.exit_code == 0, second.output
    assert "Waar gaat het om" not in second.output  # answered questions are not asked again
    doc = json.loads(second.stdout)
    assert doc["scenario"]["subject"] == "labour_migrant_housing"
    assert doc["scenario"]["initiator"] == "private"  # the default for labour migrants
    assert doc["decisions"]["meeting_type"] == "coproduce"
    assert yaml.safe_load(saved.read_text())["name"] == "Klankbord"


def test_interview_without_save_still_keeps_answers(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = run("advise", input="Hal\nasylum_reception\nproposal\n")
    assert r.exit_code == 130
    rescued = list(tmp_path.glob("bijeenkomstwijzer-antwoorden-*.yaml"))
    assert len(rescued) == 1 and str(rescued[0]) in r.output
    assert yaml.safe_load(rescued[0].read_text()) == {"name": "Hal", "subject": "asylum_reception", "phase": "proposal"}


def test_resume_asks_a_bad_saved_answer_again(tmp_path):
    f = tmp_path / "x.yaml"
    f.write_text("subject: refugees\n")
    r = run("advise", "--resume", f, input="Hal\n")
    assert "Het opgeslagen antwoord voor 'onderwerp' klopt niet" in r.stderr and "Waar gaat het om" in r.stderr
    f.write_text("subject: [a, b]\nbogus: 1\n")
    r = run("advise", "--resume", f)
    assert r.exit_code == 2 and "bogus" in r.output and str(f) in r.output


def test_batch_jobs_2_equals_jobs_1_on_1000_generated_scenarios(tmp_path):
    import random
    from analysis.verify import random_inputs
    rows = [{"name": f"s{i}", **values} for i, values in enumerate(random_inputs(1000, random.Random(7)))]
    f = tmp_path / "thousand.yaml"
    f.write_text(yaml.safe_dump({"scenarios": rows}, sort_keys=False))
    one = run("batch", f, "--format", "jsonl", "--jobs", "1")
    two = run("batch", f, "--format", "jsonl", "--jobs", "2")
    assert one.exit_code == two.exit_code == 0
    assert one.stdout == two.stdout and len(one.stdout.splitlines()) == 1000


@pytest.mark.parametrize("fmt", ["table", "json", "jsonl", "csv"])
def test_batch_out_writes_the_file(tmp_path, fmt):
    out = tmp_path / f"result.{fmt}"
    r = run("batch", ROOT / "examples", "--format", fmt, "--out", out, "--jobs", "1")
    assert r.exit_code == 0 and r.stdout == ""
    text = out.read_text()
    assert "azc-informatiemarkt.yaml" in text
    assert not list(tmp_path.glob(".*.tmp"))  # the temporary file was renamed, not left behind


def test_batch_glob_and_summary():
    r = run("batch", str(ROOT / "examples" / "azc-*.yaml"), "--jobs", "1", "-l", "en")
    assert r.exit_code == 0
    assert r.stderr.strip() == "3 scenarios: 3 passed, 0 failed, 0 invalid, 0 unchecked"
    nothing = run("batch", str(ROOT / "examples" / "nope-*.yaml"))
    assert nothing.exit_code == 2 and "no file matches" in nothing.stdout


def test_batch_failed_expectation_is_exit_1(tmp_path):
    f = tmp_path / "wrong.yaml"
    f.write_text((ROOT / "examples" / "azc-informatiemarkt.yaml").read_text().replace(
        "meeting_type: inform", "meeting_type: coproduce"))
    r = run("batch", f, "--format", "json")
    assert r.exit_code == 1
    assert json.loads(r.stdout)[0]["expect_failures"] == ["meeting_type is inform, expected coproduce"]


@pytest.mark.parametrize("args, mentions", [
    (["advise", str(SAMPLE), "--format", "xml"], "--format"),
    (["frobnicate"], "frobnicate"),
    (["whatif", str(SAMPLE)], "--set"),
    (["batch"], "PATHS"),
])
def test_usage_errors_are_one_line_exit_2(args, mentions):
    r = run(*args)
    assert r.exit_code == 2
    lines = r.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("bijeenkomstwijzer: ") and mentions in lines[0]


def test_help_lists_every_command_with_examples():
    r = run("--help")
    assert r.exit_code == 0
    for command in ("advise", "batch", "explain", "whatif", "sweep", "sensitivity", "verify", "kb", "rules",
                    "monitor-query", "schema"):
        assert command in r.output
    assert "Examples:" in run("advise", "--help").output


def test_a_rule_loop_is_reported_by_the_cli_not_a_hang(monkeypatch):
    import rules.engine
    from test_engine import Looping
    monkeypatch.setenv("BIJEENKOMSTWIJZER_ENGINE", "experta")  # the reference engine runs the loop
    monkeypatch.setattr(rules.engine, "get_engine", lambda: Looping())
    r = run("advise", SAMPLE)
    assert r.exit_code == 3
    lines = r.output.strip().splitlines()
    assert len(lines) == 1 and "the rules could not finish" in lines[0] and "more than" in lines[0]
