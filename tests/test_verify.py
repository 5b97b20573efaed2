"""`verify` finds nothing on the shipped knowledge base, and does find what it looks for."""
from __future__ import annotations

import json

from click.testing import CliRunner

import kb
from cli import main
from analysis import verify as v


def test_verify_reports_no_findings_on_a_small_sample():
    r = CliRunner().invoke(main, ["verify", "--samples", "300", "--jobs", "1", "--format", "json"])
    report = json.loads(r.stdout)
    assert r.exit_code == 0, report
    assert report["ok"] and report["scenarios"] == 300 + len(v.risk_grid())
    assert report["unreached_entries"] == [] and report["unreached_rules"] == []


def test_sample_is_seeded_and_uses_the_scale_boundaries():
    assert [s.model_dump() for s in v.sample(20, 5)] == [s.model_dump() for s in v.sample(20, 5)]
    values = v.visitor_values()
    for low in kb.load().parameters.scale.values():
        assert low in values and max(0, low - 1) in values
    assert v.space_size() > 20000


def test_verify_finds_a_declared_conflict(monkeypatch):
    knowledge = kb.load()
    pair = frozenset({"meeting_type.inform", "meeting_type.clear_status"})  # always together for inform
    monkeypatch.setattr(type(knowledge), "conflicts", lambda self: {pair})
    report = v.verify(n=40, seed=1, jobs=1)
    assert not report["ok"] and report["counts"]["conflicting_recommendations"] > 0
    assert report["conflicting_recommendations"][0]["ids"] == sorted(pair)


def test_verify_finds_a_broken_monotonicity(monkeypatch):
    import rules.assessment as assessment
    original = assessment.risk_for

    def inverted(**factors):  # more media attention -> lower risk: must be caught
        level = original(**factors)
        return type(level)("low") if factors["media_attention"].value == "national" else level
    monkeypatch.setattr(assessment, "risk_for", inverted)
    report = v.verify(n=10, seed=1, jobs=1)
    assert any("raising media_attention" in b["invariant"] for b in report["broken_invariants"])


def test_verify_cli_exit_1_on_findings(monkeypatch):
    knowledge = kb.load()
    monkeypatch.setattr(type(knowledge), "conflicts",
                        lambda self: {frozenset({"meeting_type.inform", "meeting_type.clear_status"})})
    r = CliRunner().invoke(main, ["verify", "--samples", "30", "--jobs", "1"])
    assert r.exit_code == 1 and "FINDINGS" in r.stdout
