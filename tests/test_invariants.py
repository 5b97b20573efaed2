"""Properties that must hold for every scenario (hypothesis, hundreds of random cases)."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

import kb
from facts.vocab import (Kind, Media, MeetingType, PoliceVisibility, Protest, RiskLevel, Room,
                         SocialMedia)
from rules.engine import evaluate
from strategies import scenarios

RANK = {"risk_level": list(RiskLevel), "police_visibility": list(PoliceVisibility)}
#: Entries whose texts may mention a frontal/plenary layout, because they advise against it.
LAYOUT_WARNINGS = {"setup.avoid_frontal_layout"}
FRONTAL = re.compile(r"frontal|plenair|plenary", re.I)


def _rank(decisions, key):
    return [m.value for m in RANK[key]].index(decisions[key])


@settings(max_examples=500, deadline=None)
@given(scenarios)
def test_exactly_one_value_for_each_decision(scenario):
    outcome = evaluate(scenario)
    assert set(outcome.decisions) == {"meeting_type", "police_visibility", "risk_level"}
    assert outcome.decisions["meeting_type"] in MeetingType.values()
    assert outcome.decisions["police_visibility"] in PoliceVisibility.values()
    assert outcome.decisions["risk_level"] in RiskLevel.values()


@settings(max_examples=500, deadline=None)
@given(scenarios)
def test_room_for_decision_sets_the_meeting_type(scenario):
    meeting_type = evaluate(scenario).decisions["meeting_type"]
    if scenario.room_for_decision == Room.none:
        assert meeting_type == "inform"
    elif scenario.room_for_decision == Room.conditions:
        assert meeting_type == "consult"
    elif scenario.creativity_needed:
        assert meeting_type == "coproduce"


RAISES = {
    "existing_protest": list(Protest),
    "social_media": list(SocialMedia),
    "media_attention": list(Media),
    "outside_groups": [False, True],
    "threats_to_officials": [False, True],
}


@settings(max_examples=500, deadline=None)
@given(scenarios, st.sampled_from(sorted(RAISES)), st.data())
def test_raising_a_risk_factor_never_lowers_risk_or_police(scenario, field, data):
    order = RAISES[field]
    current = order.index(getattr(scenario, field))
    higher = data.draw(st.sampled_from(order[current:]))
    before = evaluate(scenario).decisions
    after = evaluate(scenario.model_copy(update={field: higher})).decisions
    for key in RANK:
        assert _rank(after, key) >= _rank(before, key), (field, higher, key)


@settings(max_examples=500, deadline=None)
@given(scenarios)
def test_no_recommendation_proposes_a_frontal_or_plenary_layout(scenario):
    knowledge = kb.load()
    for entry_id in evaluate(scenario).advice:
        entry = knowledge[entry_id]
        if entry.kind != Kind.recommendation or entry_id in LAYOUT_WARNINGS:
            continue
        for text in (entry.title.nl, entry.title.en, entry.text.nl, entry.text.en):
            assert not FRONTAL.search(text), (entry_id, text)


@settings(max_examples=200, deadline=None)
@given(scenarios, st.booleans())
def test_creativity_only_matters_when_room_is_open(scenario, creativity):
    """The interview skips `creativity_needed` unless the room is open: that must be safe."""
    if scenario.room_for_decision == Room.open:
        return
    a = evaluate(scenario)
    b = evaluate(scenario.model_copy(update={"creativity_needed": creativity}))
    assert a.decisions == b.decisions and set(a.advice) == set(b.advice)


def test_parameter_tables_are_monotone():
    params = kb.load().parameters.risk
    for field, order in RAISES.items():
        keys = [str(v).lower() if isinstance(v, bool) else v.value for v in order]
        points = [params.points[field][k] for k in keys]
        assert points == sorted(points), field
    levels = [params.levels[level.value] for level in RiskLevel]
    assert levels == sorted(levels)
