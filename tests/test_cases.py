"""Scenario cases as data: every file in examples/, tests/cases/ and ../shared/scenarios
meets its `expect:` block."""
from __future__ import annotations

import pytest

from conftest import CASES, EXAMPLES, SAMPLES
from facts.loader import load_file
from facts.vocab import MeetingType, Protest, Subject
from rules.engine import evaluate


def _items(paths):
    for path in paths:
        for item in load_file(path):
            yield pytest.param(item, id=f"{path.parent.name}/{path.name}:{item.name}")


@pytest.mark.parametrize("item", list(_items(EXAMPLES + CASES + SAMPLES)))
def test_scenario_meets_its_expectations(item, knowledge):
    assert item.error is None, item.error.line()
    expect = item.scenario.expect
    assert expect is not None, "every case carries expect:"
    for entry_id in expect.includes + expect.excludes:
        assert entry_id in knowledge, f"expect names unknown id {entry_id}"
    outcome = evaluate(item.scenario)
    assert expect.failures(outcome.decisions, set(outcome.advice)) == []


def test_examples_cover_subjects_meeting_types_and_protest_levels():
    scenarios = [i.scenario for p in EXAMPLES for i in load_file(p)]
    assert len(EXAMPLES) >= 8
    assert {s.subject for s in scenarios} == set(Subject)
    assert {s.existing_protest for s in scenarios} == set(Protest)
    assert {evaluate(s).decisions["meeting_type"] for s in scenarios} == {m.value for m in MeetingType}
    assert all(s.expect is not None for s in scenarios)


def test_cases_fire_every_rule_and_entry():
    """Like a rule-coverage report: no rule and no entry that no case reaches."""
    from analysis.knowledge import coverage
    report = coverage([str(p) for p in EXAMPLES + CASES + SAMPLES])
    assert report["scenarios"] >= 70
    assert report["unfired_entries"] == []
    assert report["unfired_rules"] == []
