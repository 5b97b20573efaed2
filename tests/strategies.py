"""Hypothesis strategies: random valid scenarios built from the model's own vocabularies."""
from __future__ import annotations

from hypothesis import strategies as st

from facts.scenario import MAX_VISITORS, Scenario
from facts.vocab import (Area, Format, Initiator, Media, Phase, PriorityValue, Protest, Room,
                         SocialMedia, Stakeholder, Subject, Trust)

FIELDS = {
    "subject": st.sampled_from(list(Subject)),
    "phase": st.sampled_from(list(Phase)),
    "room_for_decision": st.sampled_from(list(Room)),
    "expected_visitors": st.one_of(st.integers(0, 600), st.integers(0, MAX_VISITORS)),
    "existing_protest": st.sampled_from(list(Protest)),
    "creativity_needed": st.booleans(),
    "outside_groups": st.booleans(),
    "threats_to_officials": st.booleans(),
    "social_media": st.sampled_from(list(SocialMedia)),
    "media_attention": st.sampled_from(list(Media)),
    "trust_in_government": st.sampled_from(list(Trust)),
    "area": st.sampled_from(list(Area)),
    "format": st.sampled_from(list(Format)),
    "council_meeting": st.booleans(),
    "initiator": st.sampled_from(list(Initiator)),
    "nearby_stakeholders": st.lists(st.sampled_from(list(Stakeholder)), unique=True, max_size=4),
    "supporting_initiatives": st.booleans(),
    "priority_value": st.sampled_from(list(PriorityValue)),
    "implementation_room": st.booleans(),
    "municipality_supports_initiative": st.booleans(),
}


def _valid(d: dict) -> bool:
    """COA never initiates labour-migrant housing (invalid input, CONTRACT §1)."""
    return not (d["subject"] == Subject.labour_migrant_housing and d["initiator"] == Initiator.coa)


scenarios = st.fixed_dictionaries(FIELDS).filter(_valid).map(lambda d: Scenario(name="random", **d))
