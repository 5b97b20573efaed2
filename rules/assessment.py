"""Assessments: the scale of the meeting and the level of risk.

The guides name the factors (who comes, existing opposition, outside and national
groups, threats, social media, media attention, trust); the weights, thresholds, caps and
floors are the tool's own calibration and live in kb/parameters.yaml. ``risk_breakdown``
shows how a level is reached; the rule that concludes ``risk_level`` uses it, so the
explanation and the decision can never differ.
"""
from __future__ import annotations

from typing import Any

import kb
from facts.vocab import Format, RiskLevel, Scale
from rules.base import MATCH, Context, Rule, cites, concludes

#: The scenario fields the risk level is computed from (scale comes from expected_visitors).
RISK_FACTORS = ("existing_protest", "outside_groups", "threats_to_officials", "social_media",
                "media_attention", "trust_in_government")
#: The order of the factors in a breakdown: the points table's order in kb/parameters.yaml.
_INPUTS = RISK_FACTORS + ("expected_visitors", "format")


def _key(value) -> str:
    return str(value).lower() if isinstance(value, bool) else getattr(value, "value", str(value))


def scale_for(visitors: int) -> Scale:
    """The largest scale whose minimum the number of visitors reaches."""
    bounds = kb.load().parameters.scale
    return max((s for s in Scale if visitors >= bounds[s.value]), default=Scale.small)


def risk_breakdown(scenario: Any = None, **factors: Any) -> dict[str, Any]:
    """How the risk level is reached, as a plain JSON-ready dict.

    Takes a scenario, or its values as keywords (the six ``RISK_FACTORS``, and optionally
    ``expected_visitors`` and ``format``). Returns ``factors`` (each factor, its value, its
    points and its kind), ``intent_points``, ``score``, ``thresholds``, ``score_level`` (the
    level the score alone reaches), the ``caps`` that lowered it, the ``floors`` that apply, the
    final ``level`` and the calibration ``note`` (nl, en) from kb/parameters.yaml.
    """
    if scenario is not None:
        factors = {name: getattr(scenario, name) for name in _INPUTS}
    params = kb.load().parameters.risk
    rows = []
    for name in RISK_FACTORS:
        value = _key(factors[name])
        rows.append({"factor": name, "value": value, "points": params.points[name][value],
                     "kind": params.kinds.get(name, "intent")})
    if "expected_visitors" in factors:
        scale = scale_for(factors["expected_visitors"]).value
        fmt = _key(factors.get("format", Format.in_person))
        counts = fmt in params.impact_formats
        rows.append({"factor": "scale", "value": scale,
                     "points": params.points["scale"][scale] if counts else 0,
                     "kind": params.kinds.get("scale", "impact")})
    score = sum(r["points"] for r in rows)
    intent = sum(r["points"] for r in rows if r["kind"] == "intent")
    score_level = max((lvl for lvl in RiskLevel if score >= params.levels[lvl.value]), default=RiskLevel.low)
    level = score_level
    caps = []
    for cap in params.caps:  # the caps that lower the level the score reached
        if intent < cap.intent_below and level > RiskLevel(cap.level):
            caps.append({"intent_below": cap.intent_below, "level": cap.level, "label": cap.label.model_dump()})
            level = RiskLevel(cap.level)
    floors = []
    for row in rows:
        floor = params.floors.get(row["factor"], {}).get(row["value"])
        if floor:
            floors.append({"factor": row["factor"], "value": row["value"], "level": floor})
            level = max(level, RiskLevel(floor))
    note = params.note.model_dump() if params.note else {"nl": "", "en": ""}
    return {"factors": rows, "intent_points": intent, "score": score,
            "thresholds": dict(params.levels), "score_level": score_level.value,
            "caps": caps, "floors": floors, "level": level.value, "note": note}


def risk_for(**factors: Any) -> RiskLevel:
    """The risk level of ``risk_breakdown`` (same arguments)."""
    return RiskLevel(risk_breakdown(**factors)["level"])


class AssessmentRules:
    @Rule(Context(expected_visitors=MATCH.visitors))
    @concludes("scale")
    @cites("setup.multiple_sessions")
    def assess_scale(self, visitors):
        """The number of expected visitors sets the scale of the meeting.

        asiel-2021 §5.2: with many visitors, hold an open afternoon or information market
        with open walk-in, or several meetings in different places; bewonersbijeenkomst-2021
        §2.B asks whether the meeting is large or small and what the maximum is. The visitor
        bounds of each scale are the tool's own (kb/parameters.yaml).
        """
        self.conclude(scale=scale_for(visitors))

    @Rule(Context(existing_protest=MATCH.existing_protest, outside_groups=MATCH.outside_groups,
                  threats_to_officials=MATCH.threats_to_officials, social_media=MATCH.social_media,
                  media_attention=MATCH.media_attention, trust_in_government=MATCH.trust_in_government,
                  expected_visitors=MATCH.expected_visitors, format=MATCH.format))
    @concludes("risk_level")
    @cites("security.risk_inventory")
    def assess_risk(self, existing_protest, outside_groups, threats_to_officials, social_media,
                    media_attention, trust_in_government, expected_visitors, format):
        """The diagnosis of the situation gives the risk level (the tool's own weighting).

        asiel-2021 §7.1 (step 1 of the four steps): the diagnosis looks at the nature of the
        issue, those involved (including groups from outside the municipality and national
        groups) and the context; asiel-2021 §7: demonstrations that lead to disorder and
        threats against individuals are the risks; §8 names media attention, national
        action groups and the municipality's reputation as drivers of social-media dynamics
        and warns that social media are not representative of public opinion; §3 asks about
        trust in the government. twente-2016 §3 expresses a scenario's risk as likelihood
        and impact; §1: measures are subsidiary and proportional. Signals of intent drive
        the level; amplifiers alone never make it more than elevated (kb/parameters.yaml).
        """
        self.conclude(risk_level=risk_for(
            existing_protest=existing_protest, outside_groups=outside_groups,
            threats_to_officials=threats_to_officials, social_media=social_media,
            media_attention=media_attention, trust_in_government=trust_in_government,
            expected_visitors=expected_visitors, format=format))
