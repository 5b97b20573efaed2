"""The advice document (CONTRACT §3 with the plan's additions): schema, summary, essentials, runbook, determinism."""
from __future__ import annotations

import json

import jsonschema
import pytest
from click.testing import CliRunner
from conftest import EXAMPLES, SAMPLES

from hypothesis import given, settings
from hypothesis import strategies as st

from cli import main
from facts.scenario import Scenario
from facts.vocab import Priority

ALL = EXAMPLES + SAMPLES
TOPICS = ("description", "prevention", "response", "roles", "attention", "social_media")


def run(*args, env=None):
    return CliRunner().invoke(main, [str(a) for a in args], env=env)


@pytest.fixture(scope="module")
def schema():
    r = run("schema", "--output")
    assert r.exit_code == 0, r.output
    return json.loads(r.output)


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_json_validates_against_schema_output_and_has_the_plan(path, schema):
    doc = json.loads(run("advise", path, "--format", "json").output)
    jsonschema.validate(doc, schema)
    ids = [r["id"] for r in doc["recommendations"]]
    essentials = doc["summary"]["essentials"]
    assert 1 <= len(essentials) <= 10 and set(essentials) <= set(ids)
    moments = ["process", "preparation", "meeting", "after", "occupation"]
    by_id = {r["id"]: r for r in doc["recommendations"]}
    assert [moments.index(by_id[i]["moment"]) for i in essentials] == sorted(
        moments.index(by_id[i]["moment"]) for i in essentials)
    assert doc["summary"]["warnings"] == [w["id"] for w in doc["warnings"]]
    assert [d["decision"] for d in doc["summary"]["decisions"]] == ["meeting_type", "police_visibility", "risk_level"]
    for d in doc["summary"]["decisions"]:
        assert d["value"] == doc["decisions"][d["decision"]]
        assert d["label"] and d["reason"].endswith(".") and "_" not in d["reason"]
    if doc["scenario"]["subject"] == "labour_migrant_housing":
        assert all(r["owner"] != "coa" for r in doc["recommendations"])
        assert all(role["owner"] != "coa" for s in doc["runbook"] for role in s["roles"])


def test_schema_without_output_is_still_the_scenario_schema():
    plain = json.loads(run("schema").output)
    assert "expected_visitors" in plain["properties"] and "recommendations" not in plain["properties"]


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_runbook_for_tense_meetings_with_all_six_topics(path):
    doc = json.loads(run("advise", path, "--format", "json").output)
    risk = doc["decisions"]["risk_level"]
    if risk in ("high", "critical"):
        assert doc["runbook"], f"{path.name}: {risk} risk without a scenario plan"
    if risk == "low":
        assert len(doc["runbook"]) <= 1, f"{path.name}: a calm meeting gets none or a light one"
    for scenario in doc["runbook"]:
        for topic in TOPICS:
            assert scenario[topic], (scenario["id"], topic)
        assert scenario["citations"]


def test_json_has_no_date_and_is_the_same_on_another_day():
    sample = EXAMPLES[0]
    a = run("advise", sample, "--format", "json", env={"SOURCE_DATE_EPOCH": "0"}).output
    b = run("advise", sample, "--format", "json", env={"SOURCE_DATE_EPOCH": "1900000000"}).output
    assert a == b


def test_memo_date_follows_source_date_epoch():
    sample = EXAMPLES[0]
    nl = run("advise", sample, "--format", "markdown", env={"SOURCE_DATE_EPOCH": "1767225600"}).output
    en = run("advise", sample, "--format", "markdown", "--lang", "en", env={"SOURCE_DATE_EPOCH": "1767225600"}).output
    import kb
    assert "1 januari 2026" in nl and "1 January 2026" in en
    assert kb.load().version in nl and len(kb.load().version) == 12


def test_a_raised_priority_is_applied_and_its_reason_is_in_the_memo(monkeypatch):
    """@raises lifts an entry above its own priority; the memo says why in words."""
    from facts.loader import load_one
    from plan.build import memo_context
    from render.memo import to_markdown
    from rules.base import Firing
    from rules.engine import evaluate
    scenario = load_one(EXAMPLES[0])
    outcome = evaluate(scenario)
    target = next(i for i in sorted(outcome.advice) if i.startswith(("setup.", "security.")))
    import kb
    entry = kb.load()[target]
    if entry.priority == Priority.essential:
        pytest.skip("every candidate is essential already")  # pragma: no cover
    firing = Firing("some_rule", (("risk_level", "high"),), Priority.essential)
    outcome.advice[target] = (firing,) + tuple(outcome.advice[target])
    doc, ctx = memo_context(scenario, "nl", outcome, annex=False)
    item = next(r for r in doc.recommendations if r.id == target)
    assert item.priority == Priority.essential and item.rule == "some_rule"
    assert ctx.raised[target].rule == "some_rule"
    memo = to_markdown(doc, ctx)
    assert "Essentieel in deze situatie: het risico is hoog." in memo
    assert "some_rule" not in memo.split("## Bijlage")[0]


def test_text_shows_decisions_summary_and_actions_in_80_columns_and_detail_adds_everything():
    sample = EXAMPLES[3]
    doc = json.loads(run("advise", sample, "--format", "json").output)
    short = run("advise", sample, env={"COLUMNS": "80"}).output
    assert max(len(line) for line in short.splitlines()) <= 80
    for d in doc["summary"]["decisions"]:
        assert d["label"].split()[0] in short
    assert "== Wat in elk geval moet gebeuren ==" in short and "== Actielijst ==" in short
    assert "== Opzet en inrichting ==" not in short and "§" not in short
    detail = run("advise", sample, "--detail", env={"COLUMNS": "80"}).output
    assert detail.startswith(short.rstrip("\n")) and "== Opzet en inrichting ==" in detail and "§" in detail
    assert max(len(line) for line in detail.splitlines()) <= 80


@settings(max_examples=300, deadline=None)
@given(name=st.text(min_size=1, max_size=60))
def test_fast_json_equals_the_canonical_json_for_any_name(name):
    """AdviceDocument.to_json (pydantic-core) gives exactly json.dumps(..., indent=2)."""
    from plan.build import build_document
    from plan.document import to_json
    scenario = Scenario(name=name, subject="asylum_reception", phase="proposal", room_for_decision="conditions",
                        expected_visitors=120, existing_protest="concerns")
    doc = build_document(scenario, "nl")
    assert doc.to_json() == to_json(doc.to_dict())
