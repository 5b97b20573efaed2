"""The invariants of the core advisor, as plain checks shared by the hypothesis tests."""
from __future__ import annotations

import re

import kb
from facts.scenario import Scenario
from facts.vocab import (
    Format,
    Kind,
    Media,
    Phase,
    PoliceVisibility,
    Protest,
    RiskLevel,
    Room,
    SocialMedia,
    Trust,
)
from rules.assessment import risk_breakdown
from rules.engine import Outcome, evaluate

RANK = {"risk_level": [r.value for r in RiskLevel], "police_visibility": [p.value for p in PoliceVisibility]}
#: Raising one of these (in this order) must never lower risk_level or police_visibility.
RAISES = {
    "existing_protest": list(Protest),
    "social_media": list(SocialMedia),
    "media_attention": list(Media),
    "outside_groups": [False, True],
    "threats_to_officials": [False, True],
    "trust_in_government": list(Trust),
}
#: Entries whose texts may mention a frontal/plenary layout, because they advise against it.
LAYOUT_WARNINGS = {"setup.avoid_frontal_layout"}
FRONTAL = re.compile(r"frontal|plenair|plenary", re.IGNORECASE)


def check_decisions(scenario: Scenario, outcome: Outcome) -> None:
    """Exactly one value for each decision; the room for decision sets the meeting type."""
    assert set(outcome.decisions) == {"meeting_type", "police_visibility", "risk_level"}
    for key, order in RANK.items():
        assert outcome.decisions[key] in order
    meeting_type = outcome.decisions["meeting_type"]
    if scenario.room_for_decision == Room.none:
        assert meeting_type == "inform"
    elif scenario.room_for_decision == Room.conditions:
        assert meeting_type == "consult"
    elif scenario.phase >= Phase.decided:
        assert meeting_type == "consult"  # open room after the decision: no co-production (asiel-2021 §4.2)
    elif scenario.creativity_needed:
        assert meeting_type == "coproduce"
    else:
        assert meeting_type in ("consult", "coproduce")


def check_no_frontal_layout(outcome: Outcome) -> None:
    knowledge = kb.load()
    for entry_id in outcome.advice:
        entry = knowledge[entry_id]
        if entry.kind != Kind.recommendation or entry_id in LAYOUT_WARNINGS:
            continue
        for text in (entry.title.nl, entry.title.en, entry.text.nl, entry.text.en):
            assert not FRONTAL.search(text), (entry_id, text)


def check_monotone(scenario: Scenario, before: Outcome, field: str, higher) -> None:
    after = evaluate(scenario.model_copy(update={field: higher})).decisions
    for key, order in RANK.items():
        assert order.index(after[key]) >= order.index(before.decisions[key]), (field, higher, key)


#: Advice that needs a venue: never for an online meeting.
VENUE_ONLY = {"security.venue_safety_protocol", "security.house_rules", "security.location_security",
              "security.announce_as_event", "setup.invitation_check_at_entrance",
              "police.discreet", "police.visible", "police.reinforced"}
#: bewonersbijeenkomst-2021 §4 ("als het ondanks alles toch uit de hand is gelopen"): only
#: after disorder has happened.
AFTER_ESCALATION = {"escalation.conflict_diagnosis", "escalation.municipality_as_party",
                    "escalation.independent_mediator", "escalation.restorative_mediation",
                    "escalation.evaluate_intervention"}
#: Standing preparation for every meeting (bewonersbijeenkomst-2021 §2.E and §3.A,
#: asiel-2021 §7.4); the venue protocol for every meeting with a venue.
STANDING = {"security.risk_inventory", "security.local_triangle", "security.scenarios",
            "escalation.prepare_staff_for_emotions"}


def has_intent(scenario: Scenario) -> bool:
    """A signal of intent: organised opposition or more, outside groups, threats."""
    return (scenario.existing_protest >= Protest.organised or scenario.outside_groups
            or scenario.threats_to_officials)


def check_proportionate(scenario: Scenario, outcome: Outcome) -> None:
    """The calibration and conditions of issue 9 hold for this scenario."""
    decisions, ids = outcome.decisions, set(outcome.advice)
    assert decisions["risk_level"] == risk_breakdown(scenario)["level"]
    if not has_intent(scenario):
        assert RiskLevel(decisions["risk_level"]) <= RiskLevel.elevated, decisions
    if scenario.format == Format.online:
        assert decisions["police_visibility"] == PoliceVisibility.informed.value, decisions
        assert not ids & VENUE_ONLY, sorted(ids & VENUE_ONLY)
    else:
        assert "security.venue_safety_protocol" in ids
    if scenario.existing_protest != Protest.disorder:
        assert not ids & AFTER_ESCALATION, sorted(ids & AFTER_ESCALATION)
    if scenario.existing_protest != Protest.demonstration:
        assert "security.right_to_demonstrate" not in ids
    assert STANDING <= ids, sorted(STANDING - ids)
