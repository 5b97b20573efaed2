"""Assessments: the scale of the meeting and the level of risk.

The guides name the factors (who comes, existing opposition, outside and national
groups, social media, media attention, trust); the weights are the tool's own and live in
kb/parameters.yaml.
"""
from __future__ import annotations

import kb
from facts.vocab import RiskLevel, Scale
from rules.base import MATCH, Context, Rule, cites, concludes

RISK_FACTORS = ("existing_protest", "outside_groups", "threats_to_officials", "social_media",
                "media_attention", "trust_in_government")


def _key(value) -> str:
    return str(value).lower() if isinstance(value, bool) else getattr(value, "value", str(value))


def scale_for(visitors: int) -> Scale:
    """The largest scale whose minimum the number of visitors reaches."""
    bounds = kb.load().parameters.scale
    return max((s for s in Scale if visitors >= bounds[s.value]), default=Scale.small)


def risk_for(**factors) -> RiskLevel:
    """Risk level from the points table and single-factor floors in kb/parameters.yaml."""
    params = kb.load().parameters.risk
    score = sum(params.points[name][_key(value)] for name, value in factors.items())
    level = max((lvl for lvl in RiskLevel if score >= params.levels[lvl.value]), default=RiskLevel.low)
    for name, value in factors.items():
        floor = params.floors.get(name, {}).get(_key(value))
        if floor:
            level = max(level, RiskLevel(floor))
    return level


class AssessmentRules:
    @Rule(Context(expected_visitors=MATCH.visitors))
    @concludes("scale")
    @cites("setup.multiple_sessions")
    def assess_scale(self, visitors):
        """The number of expected visitors sets the scale of the meeting.

        asiel-2021 §5.2: with many visitors, hold an open afternoon or information market
        with open walk-in, or several meetings in different places; bewonersbijeenkomst-2021
        §2.A asks whether the meeting is large or small and what the maximum is.
        """
        self.conclude(scale=scale_for(visitors))

    @Rule(Context(existing_protest=MATCH.existing_protest, outside_groups=MATCH.outside_groups,
                  threats_to_officials=MATCH.threats_to_officials, social_media=MATCH.social_media,
                  media_attention=MATCH.media_attention, trust_in_government=MATCH.trust_in_government))
    @concludes("risk_level")
    @cites("security.risk_inventory")
    def assess_risk(self, existing_protest, outside_groups, threats_to_officials, social_media,
                    media_attention, trust_in_government):
        """The diagnosis of the situation gives the risk level.

        asiel-2021 §7.1 (step 1 of the four steps): the diagnosis looks at the nature of the
        issue, those involved (including groups from outside the municipality and national
        groups) and the context; asiel-2021 §8 names media attention, national action groups
        and the municipality's reputation as drivers of social-media dynamics; §3 asks about
        trust in the government. twente-2016 §3 expresses a scenario's risk as likelihood and
        impact.
        """
        self.conclude(risk_level=risk_for(
            existing_protest=existing_protest, outside_groups=outside_groups,
            threats_to_officials=threats_to_officials, social_media=social_media,
            media_attention=media_attention, trust_in_government=trust_in_government))
