"""verify --exact finds injected faults, each with a counterexample that advise reproduces."""
from __future__ import annotations

import copy
import json

import yaml
from click.testing import CliRunner

import kb
from analysis import exact
from cli import main
from facts.vocab import Stakeholder
from rules.base import Context, Rule, emits
from rules.engine import MIXINS


def _advise(tmp_path, finding) -> dict:
    path = tmp_path / "tegenvoorbeeld.yaml"
    path.write_text(finding["yaml"], encoding="utf-8")
    r = CliRunner().invoke(main, ["advise", str(path), "--format", "json"])
    assert r.exit_code == 0, r.output
    return json.loads(r.stdout if hasattr(r, "stdout") else r.output)


def test_the_shipped_rules_fit_their_decisions_conflicts_and_monotonicity():
    report = exact.verify_exact()
    wrong = [f for f in report["findings"] if f["property"] in
             ("one value per decision", "conflicts never co-fire", "monotonicity")]
    assert wrong == []
    assert report["combinations"]["monotone: police_visibility"] > 1000


def test_visitor_classes_sit_on_both_sides_of_every_limit():
    classes = exact.visitor_classes()
    for limit in kb.load().parameters.scale.values():
        if limit:
            assert {limit - 1, limit} <= set(classes)
    assert classes[0] == 0 and classes[-1] == 100_000


def test_an_injected_conflict_is_found_with_a_counterexample_that_advise_reproduces(tmp_path, monkeypatch):
    knowledge = kb.load()
    witness = _advise(tmp_path, {"yaml": "subject: asylum_reception\nphase: exploration\nroom_for_decision: open\n"
                                          "expected_visitors: 40\nexisting_protest: none\n"})
    a, b = sorted(r["id"] for r in witness["recommendations"])[:2]  # advised together somewhere
    patched = copy.copy(knowledge)
    patched.conflicts = lambda: knowledge.conflicts() | {frozenset((a, b))}
    report = exact.verify_exact(knowledge=patched)
    found = [f for f in report["findings"] if f["property"] == "conflicts never co-fire"]
    assert found and found[0]["reproduced"] is True
    doc = _advise(tmp_path, found[0])
    ids = {r["id"] for r in doc["recommendations"]} | {w["id"] for w in doc["warnings"]}
    assert {a, b} <= ids


def test_an_injected_monotonicity_break_is_found_and_reproduced(tmp_path, monkeypatch):
    knowledge = kb.load()
    risk = knowledge.parameters.risk
    points = {**risk.points, "social_media": {"quiet": 0, "active": 6, "mobilising": 0}}
    broken = copy.copy(knowledge)
    broken.parameters = knowledge.parameters.model_copy(update={"risk": risk.model_copy(update={"points": points})})
    monkeypatch.setattr(kb, "load", lambda *a, **k: broken)
    report = exact.verify_exact()
    found = [f for f in report["findings"] if f["property"] == "monotonicity"]
    assert found, report["findings"][:3]
    assert "social_media" in found[0]["message"] and found[0]["reproduced"] is True
    scenario = yaml.safe_load(found[0]["yaml"])
    assert scenario["social_media"] == "active"
    before = _advise(tmp_path, found[0])["decisions"]
    raised = dict(found[0], yaml=yaml.safe_dump({**scenario, "social_media": "mobilising"}))
    after = _advise(tmp_path, raised)["decisions"]
    ranks = {"risk_level": ["low", "elevated", "high", "critical"],
             "police_visibility": ["informed", "discreet", "visible", "reinforced"]}
    assert any(ranks[k].index(after[k]) < ranks[k].index(before[k]) for k in ranks)


class _Impossible:
    @Rule(Context(council_meeting=True), Context(council_meeting=False))
    @emits("setup.never_advised")
    def setup_never_advised(self):
        """Injected for the test: a rule whose conditions contradict each other."""
        self.recommend()


def test_an_injected_unreachable_entry_is_found(monkeypatch):
    knowledge = kb.load()
    entry = next(iter(knowledge.entries.values()))
    extra = entry.model_copy(update={"id": "setup.never_advised", "conflicts_with": ()})
    patched = copy.copy(knowledge)
    patched.entries = {**knowledge.entries, extra.id: extra}
    report = exact.verify_exact(mixins=(*MIXINS, _Impossible), knowledge=patched)
    messages = [f["message"] for f in report["findings"] if f["property"].startswith("every")]
    assert "rule setup_never_advised never fires" in messages
    assert "setup.never_advised: no input fires a rule that emits it" in messages


def test_stakeholders_named_by_rules_are_enumerated():
    space = exact.Space()
    assert Stakeholder.school in space.stakeholders
    assert len(space.values("nearby_stakeholders")) == 2 ** len(space.stakeholders)


def test_cli_verify_exact_reports_and_exits_by_findings():
    r = CliRunner().invoke(main, ["verify", "--exact", "--format", "json"])
    report = json.loads(r.output[r.output.index("{"):])
    assert r.exit_code == (0 if report["ok"] else 1)
    assert report["mode"] == "exact" and report["combinations_total"] > 0
