"""`verify`: run the rules over the input space and report what should never happen.

The full product of the discrete fields (with visitors at the scale boundaries) is far too
large, so a seeded sample of scenarios is drawn from it; the risk factors, where the
monotonicity invariant lives, are enumerated exhaustively on a few base scenarios.
"""
from __future__ import annotations

import itertools
import math
import random
import re
from concurrent.futures import ProcessPoolExecutor
from typing import Any, Iterable

import kb
from facts.scenario import Scenario
from facts.vocab import (Area, Format, Initiator, Kind, Media, Phase, PoliceVisibility, PriorityValue,
                         Protest, RiskLevel, Room, SocialMedia, Stakeholder, Subject, Trust)
from rules.engine import catalog

#: Every value of every discrete field, in order.
DISCRETE: dict[str, list[Any]] = {
    "subject": list(Subject), "phase": list(Phase), "room_for_decision": list(Room),
    "existing_protest": list(Protest), "creativity_needed": [False, True],
    "outside_groups": [False, True], "threats_to_officials": [False, True],
    "social_media": list(SocialMedia), "media_attention": list(Media),
    "trust_in_government": list(Trust), "area": list(Area), "format": list(Format),
    "council_meeting": [False, True], "initiator": list(Initiator),
    "supporting_initiatives": [False, True], "priority_value": list(PriorityValue),
    "implementation_room": [False, True], "municipality_supports_initiative": [False, True],
}
#: Risk factors and their order: raising one must never lower risk or police visibility.
RISK_FACTORS = ("existing_protest", "social_media", "media_attention", "outside_groups", "threats_to_officials")
RANKED = {"risk_level": [r.value for r in RiskLevel], "police_visibility": [p.value for p in PoliceVisibility]}
FRONTAL = re.compile(r"frontal|plenair|plenary", re.I)
ADVISES_AGAINST_FRONTAL = {"setup.avoid_frontal_layout"}


def visitor_values() -> list[int]:
    """The visitor classes of ``verify --exact``: 0, the maximum, and each side of every limit
    in kb/parameters.yaml (analysis.exact.visitor_classes)."""
    from analysis.exact import visitor_classes
    return visitor_classes()


def stakeholder_sets() -> list[tuple[Stakeholder, ...]]:
    members = list(Stakeholder)
    return [tuple(m for i, m in enumerate(members) if mask >> i & 1) for mask in range(2 ** len(members))]


def space_size() -> int:
    return math.prod(len(v) for v in DISCRETE.values()) * len(visitor_values()) * len(stakeholder_sets())


def sample(n: int, seed: int) -> list[Scenario]:
    """A seeded sample of n scenarios (the whole space when it is smaller than n)."""
    if space_size() <= n:  # pragma: no cover - the space is far larger today
        combos = itertools.product(*DISCRETE.values(), visitor_values(), stakeholder_sets())
        return [_scenario(dict(zip(list(DISCRETE) + ["expected_visitors", "nearby_stakeholders"], c)))
                for c in combos]
    return [_scenario(values) for values in random_inputs(n, random.Random(seed))]


def random_inputs(n: int, rnd: random.Random) -> list[dict[str, Any]]:
    """n random scenario inputs as plain values (visitors at the scale boundaries)."""
    visitors, stakeholders = visitor_values(), stakeholder_sets()
    out = []
    for _ in range(n):
        values = {k: getattr(v, "value", v) for k, v in ((k, rnd.choice(vs)) for k, vs in DISCRETE.items())}
        values["expected_visitors"] = rnd.choice(visitors)
        values["nearby_stakeholders"] = [m.value for m in rnd.choice(stakeholders)]
        if values["subject"] == Subject.labour_migrant_housing and values["initiator"] == Initiator.coa:
            values["initiator"] = Initiator.private.value  # COA is invalid input for labour migrants
        out.append(values)
    return out


def _scenario(values: dict[str, Any]) -> Scenario:
    return Scenario(name="verify", **values)


def risk_grid() -> list[Scenario]:
    """Every combination of the risk factors (and trust) on one base scenario per subject."""
    out = []
    factors = list(RISK_FACTORS) + ["trust_in_government"]
    for subject in Subject:
        base = {"subject": subject, "phase": Phase.proposal, "room_for_decision": Room.conditions,
                "expected_visitors": 200}
        for combo in itertools.product(*(DISCRETE[f] for f in factors)):
            out.append(_scenario({**base, **dict(zip(factors, combo))}))
    return out


def _run(scenario: Scenario) -> tuple[dict[str, str], tuple[str, ...], tuple[str, ...]]:
    """(decisions, emitted ids, fired rules) of one scenario; an error becomes a decision-less row."""
    from rules.engine import evaluate
    try:
        outcome = evaluate(scenario)
    except Exception as exc:  # reported, not raised: verify must see the whole space
        return {"error": f"{type(exc).__name__}: {exc}"}, (), ()
    return dict(outcome.decisions), tuple(sorted(outcome.advice)), tuple(sorted(outcome.fired_rules))


def _run_all(scenarios: list[Scenario], jobs: int) -> list[tuple]:
    if jobs <= 1:
        return [_run(s) for s in scenarios]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        return list(pool.map(_run, scenarios, chunksize=256))


def verify(n: int = 20000, seed: int = 20261122, jobs: int = 1, extra: Iterable[Scenario] = ()) -> dict[str, Any]:
    knowledge = kb.load()
    conflicts = knowledge.conflicts()
    scenarios = sample(n, seed) + list(extra)
    grid = risk_grid()
    results = _run_all(scenarios + grid, jobs)
    findings: dict[str, list[Any]] = {"without_decision": [], "conflicting_recommendations": [],
                                      "broken_invariants": []}
    fired_ids: set[str] = set()
    fired_rules: set[str] = set()
    for scenario, (decisions, ids, rules) in zip(scenarios + grid, results):
        fired_ids.update(ids)
        fired_rules.update(rules)
        missing = [k for k in ("meeting_type", "police_visibility", "risk_level") if k not in decisions]
        if missing:
            findings["without_decision"].append({"scenario": scenario.input_dict(), "missing": missing,
                                                 "error": decisions.get("error")})
            continue
        for pair in conflicts:
            if pair <= set(ids):
                findings["conflicting_recommendations"].append({"scenario": scenario.input_dict(), "ids": sorted(pair)})
        findings["broken_invariants"] += [{"scenario": scenario.input_dict(), "invariant": b}
                                          for b in _outcome_invariants(scenario, decisions, ids, knowledge)]
    findings["broken_invariants"] += _monotonicity(grid, results[len(scenarios):])
    report = {
        "scenarios": len(scenarios) + len(grid),
        "space_size": space_size(),
        "seed": seed,
        **{k: v[:50] for k, v in findings.items()},
        "counts": {k: len(v) for k, v in findings.items()},
        "unreached_entries": sorted(set(knowledge.entries) - fired_ids),
        "unreached_rules": sorted({r.name for r in catalog()} - fired_rules),
    }
    report["ok"] = not any(report["counts"].values()) and not report["unreached_entries"] and not report["unreached_rules"]
    return report


def _outcome_invariants(scenario: Scenario, decisions: dict[str, str], ids: tuple[str, ...], knowledge) -> list[str]:
    broken = []
    expected = {Room.none: "inform", Room.conditions: "consult"}.get(scenario.room_for_decision)
    if scenario.room_for_decision == Room.open and scenario.creativity_needed:
        # open room after the decision is no room in the process: consult (asiel-2021 §4.2)
        expected = "coproduce" if scenario.phase <= Phase.proposal else "consult"
    if expected and decisions["meeting_type"] != expected:
        broken.append(f"room_for_decision={scenario.room_for_decision.value} gave meeting_type={decisions['meeting_type']}")
    for entry_id in ids:
        entry = knowledge[entry_id]
        if entry.kind == Kind.recommendation and entry_id not in ADVISES_AGAINST_FRONTAL:
            if any(FRONTAL.search(t) for t in (entry.title.nl, entry.title.en, entry.text.nl, entry.text.en)):
                broken.append(f"{entry_id} proposes a frontal or plenary layout")
    return broken


def _monotonicity(grid: list[Scenario], results: list[tuple]) -> list[dict[str, Any]]:
    """Raising one risk factor by one step never lowers risk_level or police_visibility."""
    key = lambda s: tuple(getattr(s, f) for f in ("subject",) + RISK_FACTORS + ("trust_in_government",))  # noqa: E731
    by_key = {key(s): r[0] for s, r in zip(grid, results)}
    broken = []
    for s, (decisions, _, _) in zip(grid, results):
        for factor in RISK_FACTORS:
            order = DISCRETE[factor]
            i = order.index(getattr(s, factor))
            if i + 1 == len(order):
                continue
            raised = s.model_copy(update={factor: order[i + 1]})
            after = by_key[key(raised)]
            for decision, ranks in RANKED.items():
                if decision in decisions and decision in after and \
                        ranks.index(after[decision]) < ranks.index(decisions[decision]):
                    broken.append({"scenario": s.input_dict(), "invariant":
                                   f"raising {factor} to {order[i + 1]} lowered {decision} "
                                   f"from {decisions[decision]} to {after[decision]}"})
    return broken
