"""Trade-offs for trainers: what-if, sweeps and counterfactuals (sensitivity).

Values given on the command line are parsed like interview answers and the changed
scenario is validated by the same model, so `--set` accepts exactly what a file accepts.
"""
from __future__ import annotations

import itertools
from collections.abc import Iterable
from typing import Any

import kb
from analysis.explain import DECISIONS, dependencies
from facts.loader import InputError
from facts.scenario import INPUT_FIELDS, MAX_VISITORS, Scenario
from facts.vocab import DECISIONS as DECISION_VOCABS
from interview import _field_kind, parse_answer
from rules.engine import Outcome, decide, evaluate


def check_field(field: str, where: str) -> None:
    if field not in INPUT_FIELDS or field == "name":
        raise InputError(where, f"unknown field; one of: {', '.join(f for f in INPUT_FIELDS if f != 'name')}", field)


def parse_assignment(text: str, where: str = "--set") -> tuple[str, Any]:
    """'field=value' -> (field, value), with the value parsed like an interview answer."""
    field, sep, raw = text.partition("=")
    field = field.strip()
    if not sep:
        raise InputError(where, f"{text!r}: use FIELD=VALUE")
    check_field(field, where)
    try:
        return field, parse_answer(field, raw, "en")
    except ValueError as exc:
        raise InputError(where, str(exc).strip(), field) from None


def changed(scenario: Scenario, changes: dict[str, Any], where: str = "--set") -> Scenario:
    from facts.loader import validate
    data = {**scenario.model_dump(mode="json", exclude={"expect"}), **changes}
    return validate(data, where, scenario.name or "scenario")


def values_of(field: str) -> list[Any]:
    """Every value of an enumerated field (visitors: the scale boundaries)."""
    kind, enum = _field_kind(field)
    if kind == "enum":
        return [m.value for m in enum]
    if kind == "bool":
        return [False, True]
    if field == "expected_visitors":
        return visitor_thresholds()
    if kind == "list":
        return [[]] + [[m.value] for m in enum]
    raise InputError("--vary", "give the values to try (FIELD=V1,V2,...)", field)


def visitor_thresholds() -> list[int]:
    """The visitor numbers where the advice can change, derived from kb/parameters.yaml: 0,
    the smallest number of each scale class, and one above every other visitor limit (any
    other whole-number parameter: more than that many)."""
    params = kb.load().parameters
    values = {0} | set(params.scale.values())
    for name, value in params:
        if name != "scale" and isinstance(value, int) and not isinstance(value, bool):
            values.add(value + 1)
    return sorted(v for v in values if 0 <= v <= MAX_VISITORS)


def threshold_ranges(values: list[int]) -> list[str]:
    """'0–49', '50–149', ..., '400–100000' for the thresholds of ``visitor_thresholds``."""
    out = []
    for n, lo in enumerate(values):
        hi = values[n + 1] - 1 if n + 1 < len(values) else MAX_VISITORS
        out.append(f"{lo}–{hi}" if hi > lo else f"{lo}")
    return out


def _ids(outcome: Outcome, kind: str) -> list[str]:
    knowledge = kb.load()
    return sorted(i for i in outcome.advice if knowledge[i].kind.value == kind)


def _summary(outcome: Outcome) -> dict[str, Any]:
    return {"decisions": dict(outcome.decisions),
            "recommendations": _ids(outcome, "recommendation"),
            "tradeoffs": _ids(outcome, "tradeoff"),
            "warnings": _ids(outcome, "warning")}


def _item(entry_id: str, lang: str) -> dict[str, str]:
    e = kb.load()[entry_id]
    return {"id": entry_id, "kind": e.kind.value, "category": e.category.value, "title": e.title[lang]}


def whatif(scenario: Scenario, changes: dict[str, Any], lang: str = "nl") -> dict[str, Any]:
    """The scenario before and after the changes, and the entries added and removed."""
    after_scenario = changed(scenario, changes)
    before, after = evaluate(scenario), evaluate(after_scenario)
    b, a = set(before.advice), set(after.advice)
    return {"changes": {k: after_scenario.model_dump(mode="json")[k] for k in changes},
            "before": _summary(before), "after": _summary(after),
            "added": [_item(i, lang) for i in sorted(a - b)],
            "removed": [_item(i, lang) for i in sorted(b - a)]}


def sweep(scenario: Scenario, vary: list[tuple[str, list[Any]]], ids: Iterable[str] = (),
          steps: str | None = None, lang: str = "nl") -> list[dict[str, Any]]:
    """One row per combination of the varied values: the decisions (and chosen ids present).

    With ``steps`` (a category, or "all") and one field, each row after the first also lists
    the entries of that category ``added`` and ``removed`` compared with the row before."""
    ids = list(ids)
    rows = []
    previous: set[str] | None = None
    knowledge = kb.load()
    for combo in itertools.product(*(values for _, values in vary)):
        changes = {field: value for (field, _), value in zip(vary, combo)}
        outcome = evaluate(changed(scenario, changes, "--vary"))
        row = {"values": changes, "decisions": dict(outcome.decisions)}
        if ids:
            row["ids"] = {i: i in outcome.advice for i in ids}
        if steps and len(vary) == 1:
            now = {i for i in outcome.advice if steps == "all" or knowledge[i].category.value == steps}
            if previous is not None:
                row["added"] = [_item(i, lang) for i in sorted(now - previous)]
                row["removed"] = [_item(i, lang) for i in sorted(previous - now)]
            previous = now
        rows.append(row)
    return rows


def sensitivity(scenario: Scenario, max_fields: int = 2) -> dict[str, Any]:
    """Counterfactuals: per field, the other values that change a decision; and per decision
    and target value, the smallest sets of changes (one field, else two) that flip it."""
    base = decide(scenario)
    current = scenario.model_dump(mode="json")
    alternatives = {f: [v for v in values_of(f) if v != current[f]]
                    for f in sorted({f for d in DECISIONS for f in dependencies(d)})}
    cache: dict[tuple, dict[str, str]] = {}

    def outcome_of(changes: dict[str, Any]) -> dict[str, str]:
        key = tuple(sorted((k, str(v)) for k, v in changes.items()))
        if key not in cache:
            cache[key] = decide(changed(scenario, changes, "sensitivity"))
        return cache[key]

    per_field = []
    for field, values in alternatives.items():
        for value in values:
            result = outcome_of({field: value})
            diff = {d: result[d] for d in DECISIONS if result[d] != base[d]}
            if diff:
                per_field.append({"field": field, "value": value, "decisions": diff})
    flips, out_of_reach = [], []
    for decision in DECISIONS:
        fields = dependencies(decision)
        targets = [v.value for v in DECISION_VOCABS[decision] if v.value != base[decision]]
        for target in targets:
            found = []
            for size in range(1, max_fields + 1):
                for combo_fields in itertools.combinations([f for f in fields if f in alternatives], size):
                    for combo_values in itertools.product(*(alternatives[f] for f in combo_fields)):
                        changes = dict(zip(combo_fields, combo_values))
                        if outcome_of(changes)[decision] == target:
                            found.append(changes)
                if found:
                    break
            flips += [{"decision": decision, "from": base[decision], "to": target, "changes": c} for c in found]
            if not found:
                out_of_reach.append({"decision": decision, "from": base[decision], "to": target})
    fixed = [f for f in INPUT_FIELDS if f != "name" and f not in alternatives]
    return {"decisions": base, "per_field": per_field, "flips": flips, "out_of_reach": out_of_reach,
            "fields_without_effect_on_decisions": fixed, "evaluated": len(cache)}
