"""Properties over many random valid scenarios (2000 in CI: HYPOTHESIS_PROFILE=ci)."""
from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kb
from plan.build import build, to_json
from rules.engine import evaluate
from invariants import RAISES, check_decisions, check_monotone, check_no_frontal_layout
from strategies import scenarios

settings.register_profile("ci", max_examples=2000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", max_examples=300, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))


@given(scenarios, st.sampled_from(sorted(RAISES)), st.data())
def test_advice_is_stable_bilingual_cited_and_keeps_the_invariants(scenario, field, data):
    knowledge = kb.load()
    first = to_json(build(scenario, "nl"))            # no exception
    outcome = evaluate(scenario)
    check_decisions(scenario, outcome)                # the invariants of the core advisor
    check_no_frontal_layout(outcome)
    order = RAISES[field]
    check_monotone(scenario, outcome, field, data.draw(st.sampled_from(order[order.index(getattr(scenario, field)):])))
    second = build(scenario, "nl", outcome)
    assert to_json(second) == first                   # byte-identical on a second run
    english = build(scenario, "en", outcome)
    assert english["decisions"] == second["decisions"]
    for key in ("recommendations", "tradeoffs", "warnings"):
        assert [i["id"] for i in english[key]] == [i["id"] for i in second[key]]
        for item in second[key]:                      # every item cited, texts in both languages
            assert item["citations"], item["id"]
            assert knowledge[item["id"]].worded(scenario.subject).text.en in {i["text"] for i in english[key]}
    assert set(second["decisions"]) == {"meeting_type", "police_visibility", "risk_level"}
