"""Properties over many random valid scenarios (2000 in CI: HYPOTHESIS_PROFILE=ci)."""
from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings

import kb
from report.advice import build, to_json
from rules.engine import evaluate
from strategies import scenarios

settings.register_profile("ci", max_examples=2000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", max_examples=300, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))


@given(scenarios)
def test_advice_is_stable_bilingual_and_cited(scenario):
    knowledge = kb.load()
    first = to_json(build(scenario, "nl"))            # no exception
    outcome = evaluate(scenario)
    second = build(scenario, "nl", outcome)
    assert to_json(second) == first                   # byte-identical on a second run
    english = build(scenario, "en", outcome)
    assert english["decisions"] == second["decisions"]
    for key in ("recommendations", "tradeoffs", "warnings"):
        assert [i["id"] for i in english[key]] == [i["id"] for i in second[key]]
        for item in second[key]:                      # every item cited, texts in both languages
            assert item["citations"], item["id"]
            assert knowledge[item["id"]].text.en in {i["text"] for i in english[key]}
    assert set(second["decisions"]) == {"meeting_type", "police_visibility", "risk_level"}
