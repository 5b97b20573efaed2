"""Batch evaluation of scenario files with expectations (CONTRACT §4)."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable

from tabulate import tabulate

from facts.loader import InputError, Loaded, load_file
from rules.engine import evaluate

SUFFIXES = (".yaml", ".yml", ".json")


def expand(paths: Iterable[str]) -> list[Path]:
    """Files as given; directories recursively (*.yaml, *.yml, *.json), sorted."""
    out: list[Path] = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            out += sorted(f for f in path.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES)
        else:
            out.append(path)
    return out


def evaluate_loaded(item: Loaded) -> dict[str, Any]:
    result = {"file": item.file, "name": item.name, "ok": False, "error": None,
              "decisions": None, "recommendation_ids": None, "expect_failures": []}
    if item.error:
        result["error"] = item.error.line()
        return result
    scenario = item.scenario
    try:
        outcome = evaluate(scenario)
    except Exception as exc:  # a rule-engine failure for this scenario must not stop the batch
        result["error"] = f"{item.file}: the rules could not finish: {exc}"
        return result
    import kb
    knowledge = kb.load()
    ids = sorted(i for i in outcome.advice if knowledge[i].kind.value == "recommendation")
    failures = scenario.expect.failures(outcome.decisions, set(outcome.advice)) if scenario.expect else []
    result.update(decisions=dict(outcome.decisions), recommendation_ids=ids,
                  expect_failures=failures, ok=not failures)
    return result


def evaluate_paths(paths: Iterable[str]) -> list[dict[str, Any]]:
    results = []
    for path in expand(paths):
        for item in load_file(path):
            results.append(evaluate_loaded(item))
    return results


def summary(results: list[dict[str, Any]]) -> str:
    invalid = sum(1 for r in results if r["error"])
    passed = sum(1 for r in results if r["ok"])
    failed = len(results) - invalid - passed
    return f"{len(results)} scenarios: {passed} passed, {failed} failed, {invalid} invalid"


def to_table(results: list[dict[str, Any]]) -> str:
    rows = []
    for r in results:
        d = r["decisions"] or {}
        status = "invalid" if r["error"] else ("pass" if r["ok"] else "FAIL")
        first = r["error"] or (r["expect_failures"][0] if r["expect_failures"] else "")
        rows.append([r["file"], r["name"], d.get("meeting_type", ""), d.get("police_visibility", ""),
                     d.get("risk_level", ""), status, first])
    return tabulate(rows, headers=["file", "name", "meeting_type", "police", "risk", "result", "first problem"])
