"""Properties that must hold for every scenario (hypothesis, 500 random cases each)."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from invariants import (
    RAISES,
    check_decisions,
    check_monotone,
    check_no_frontal_layout,
    check_proportionate,
)
from strategies import scenarios

import kb
from facts.vocab import Priority, RiskLevel, Room, Scale
from rules.engine import evaluate


@settings(max_examples=500, deadline=None)
@given(scenarios)
def test_exactly_one_value_for_each_decision_and_room_sets_the_type(scenario):
    check_decisions(scenario, evaluate(scenario))


@settings(max_examples=500, deadline=None)
@given(scenarios, st.sampled_from(sorted(RAISES)), st.data())
def test_raising_a_risk_factor_never_lowers_risk_or_police(scenario, field, data):
    order = RAISES[field]
    higher = data.draw(st.sampled_from(order[order.index(getattr(scenario, field)):]))
    check_monotone(scenario, evaluate(scenario), field, higher)


@settings(max_examples=500, deadline=None)
@given(scenarios)
def test_no_recommendation_proposes_a_frontal_or_plenary_layout(scenario):
    check_no_frontal_layout(evaluate(scenario))


@settings(max_examples=200, deadline=None)
@given(scenarios, st.booleans())
def test_creativity_only_matters_when_room_is_open(scenario, creativity):
    """The interview skips `creativity_needed` unless the room is open: that must be safe."""
    if scenario.room_for_decision == Room.open:
        return
    a = evaluate(scenario)
    b = evaluate(scenario.model_copy(update={"creativity_needed": creativity}))
    assert a.decisions == b.decisions and set(a.advice) == set(b.advice)


def test_the_checks_catch_a_violation():
    """The shared checks are not vacuous: a frontal layout text would be caught."""
    import pytest
    from invariants import FRONTAL

    from facts.scenario import Scenario
    assert FRONTAL.search("Kies een frontale opstelling") and FRONTAL.search("a plenary session")
    s = Scenario(name="x", subject="asylum_reception", phase="decided", room_for_decision="none",
                 expected_visitors=10, existing_protest="none")
    outcome = evaluate(s)
    wrong = type(outcome)(s, {**outcome.decisions, "meeting_type": "consult"}, outcome.conclusions, outcome.advice)
    with pytest.raises(AssertionError):
        check_decisions(s, wrong)


def test_parameter_tables_are_monotone():
    params = kb.load().parameters.risk
    for field, order in RAISES.items():
        keys = [str(v).lower() if isinstance(v, bool) else v.value for v in order]
        points = [params.points[field][k] for k in keys]
        assert points == sorted(points), field
    scale_points = [params.points["scale"][s.value] for s in Scale]
    assert scale_points == sorted(scale_points)
    levels = [params.levels[level.value] for level in RiskLevel]
    assert levels == sorted(levels)
    # a cap with a higher intent bound never allows a lower level
    caps = sorted(params.caps, key=lambda c: c.intent_below)
    assert [RiskLevel(c.level) for c in caps] == sorted(RiskLevel(c.level) for c in caps)


def test_every_intent_signal_lifts_the_first_cap():
    """Each signal of intent alone is worth the first cap's bound; worried residents are not."""
    params = kb.load().parameters.risk
    bound = min(c.intent_below for c in params.caps)
    assert params.points["existing_protest"]["concerns"] < bound
    for field, value in (("existing_protest", "organised"), ("outside_groups", "true"),
                         ("threats_to_officials", "true")):
        assert params.kinds[field] == "intent" and params.points[field][value] >= bound, field
    for field in ("social_media", "media_attention", "trust_in_government"):
        assert params.kinds[field] == "amplifier", field


@settings(max_examples=500, deadline=None)
@given(scenarios)
def test_advice_stays_proportionate(scenario):
    """Online: no venue measures; no intent: at most elevated; §4 only after disorder;
    demonstration advice only for an announced demonstration; standing preparation always."""
    check_proportionate(scenario, evaluate(scenario))


@settings(max_examples=300, deadline=None)
@given(scenarios, st.integers(0, 2000))
def test_a_larger_crowd_never_lowers_risk_or_police(scenario, more):
    check_monotone(scenario, evaluate(scenario), "expected_visitors",
                   min(scenario.expected_visitors + more, 100_000))


def test_the_proportionality_check_catches_a_violation():
    import pytest

    from facts.scenario import Scenario
    s = Scenario(name="x", subject="asylum_reception", phase="proposal", room_for_decision="conditions",
                 expected_visitors=30, existing_protest="none", format="online")
    outcome = evaluate(s)
    check_proportionate(s, outcome)
    wrong = type(outcome)(s, {**outcome.decisions, "police_visibility": "visible"}, outcome.conclusions,
                          outcome.advice)
    with pytest.raises(AssertionError):
        check_proportionate(s, wrong)
    missing = type(outcome)(s, outcome.decisions, outcome.conclusions,
                            {k: v for k, v in outcome.advice.items() if k != "security.local_triangle"})
    with pytest.raises(AssertionError):
        check_proportionate(s, missing)


def test_security_steps_are_raised_to_essential_at_high_risk():
    from facts.scenario import Scenario
    base = {"name": "x", "subject": "asylum_reception", "phase": "proposal",
            "room_for_decision": "conditions", "expected_visitors": 100}
    calm = evaluate(Scenario(**base, existing_protest="none"))
    tense = evaluate(Scenario(**base, existing_protest="demonstration"))
    for entry_id in ("security.scenarios", "security.local_triangle"):
        assert all(f.priority is None for f in calm.advice[entry_id]), entry_id
        assert Priority.essential in {f.priority for f in tense.advice[entry_id]}, entry_id


def test_the_risk_rule_and_the_breakdown_agree_and_the_note_is_the_calibration():
    from facts.scenario import Scenario
    from rules.assessment import risk_breakdown
    s = Scenario(name="x", subject="asylum_reception", phase="proposal", room_for_decision="conditions",
                 expected_visitors=120, existing_protest="none", social_media="mobilising",
                 media_attention="national", trust_in_government="low")
    b = risk_breakdown(s)
    assert b["level"] == evaluate(s).decisions["risk_level"] == "elevated"
    assert b["score_level"] == "high" and b["caps"] and b["caps"][0]["level"] == "elevated"
    assert {f["kind"] for f in b["factors"]} == {"intent", "amplifier", "impact"}
    assert b["score"] == sum(f["points"] for f in b["factors"])
    assert "kalibratie" in b["note"]["nl"] and "calibration" in b["note"]["en"]
