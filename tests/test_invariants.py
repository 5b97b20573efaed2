"""Properties that must hold for every scenario (hypothesis, 500 random cases each)."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import kb
from facts.vocab import RiskLevel, Room
from invariants import RAISES, check_decisions, check_monotone, check_no_frontal_layout
from rules.engine import evaluate
from strategies import scenarios


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
    from facts.scenario import Scenario
    from invariants import FRONTAL
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
    levels = [params.levels[level.value] for level in RiskLevel]
    assert levels == sorted(levels)
