"""The engine machinery: step limit, declared emits, reuse, `because`."""
from __future__ import annotations


import pytest

from facts.scenario import Scenario
from facts.vocab import Room
from rules.base import BaseEngine, Context, Fact, MATCH, Rule, RuleContractError, RuleLoopError, emits
from rules.engine import evaluate, get_engine

BASE = dict(name="t", subject="asylum_reception", phase="decided", room_for_decision="none",
            expected_visitors=10, existing_protest="none")


class Counter(Fact):
    pass


class Looping(BaseEngine):
    @Rule(Context(room_for_decision=Room.none))
    def start(self):
        """test rule"""
        self.declare(Counter(n=0))

    @Rule(Counter(n=MATCH.n))
    def count_up(self, n):
        """test rule: never ends"""
        self.declare(Counter(n=n + 1))


class Undeclared(BaseEngine):
    @Rule(Context(room_for_decision=Room.none))
    @emits("setup.information_market")
    def sneaky(self):
        """test rule"""
        self.recommend("setup.multiple_sessions")


def test_a_rule_loop_is_cut_off_and_reported():
    with pytest.raises(RuleLoopError, match="more than"):
        Looping().evaluate(Scenario(**BASE), max_steps=200)


def test_emitting_an_undeclared_id_is_an_error():
    with pytest.raises(RuleContractError, match="without declaring"):
        Undeclared().evaluate(Scenario(**BASE))


def test_engine_is_built_once_and_reused():
    assert get_engine() is get_engine()
    first = evaluate(Scenario(**BASE))
    evaluate(Scenario(**{**BASE, "room_for_decision": "open", "creativity_needed": True}))
    again = evaluate(Scenario(**BASE))
    assert first.decisions == again.decisions and set(first.advice) == set(again.advice)


def test_because_names_the_matched_fields():
    outcome = evaluate(Scenario(**BASE))
    firing = outcome.advice["meeting_type.inform"][0]
    assert firing.rule == "meeting_type_inform"
    assert firing.because_dict() == {"room_for_decision": "none"}


def test_scale_boundaries_follow_the_parameters():
    import kb
    from rules.assessment import scale_for
    bounds = kb.load().parameters.scale
    for name, low in bounds.items():
        assert scale_for(low).value == name
        if low:
            assert scale_for(low - 1).value != name


class UndeclaredConclusion(BaseEngine):
    @Rule(Context(room_for_decision=Room.none))
    def decides_quietly(self):
        """test rule"""
        from facts.vocab import MeetingType
        self.conclude(meeting_type=MeetingType.inform)


def test_concluding_without_declaring_is_an_error():
    with pytest.raises(RuleContractError, match="without declaring"):
        UndeclaredConclusion().evaluate(Scenario(**BASE))


def test_each_decision_is_concluded_by_declared_rules_only():
    from rules.engine import catalog
    by_key = {}
    for rule in catalog():
        for key in rule.concludes:
            by_key.setdefault(key, []).append(rule.name)
    assert set(by_key) == {"scale", "risk_level", "meeting_type", "police_visibility"}
    assert len(by_key["police_visibility"]) == 4 and len(by_key["meeting_type"]) == 4
