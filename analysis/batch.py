"""Batch evaluation of scenario files with expectations (CONTRACT §4).

One bad file never stops the batch: it becomes a result with ``error`` set. Results come
in input order whatever the number of worker processes.
"""
from __future__ import annotations

import csv
import glob
import io
import json
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from tabulate import tabulate

from facts.loader import InputError, Loaded, load_file

SUFFIXES = (".yaml", ".yml", ".json")
FIELDS = ("file", "name", "ok", "error", "decisions", "recommendation_ids", "expect_failures")


def expand(paths: Iterable[str]) -> list[Path | InputError]:
    """Files as given; directories recursively (*.yaml, *.yml, *.json); globs; sorted per argument.

    A glob that matches nothing becomes an InputError in its place."""
    out: list[Path | InputError] = []
    for p in paths:
        path = Path(p)
        if any(ch in p for ch in "*?[") and not path.exists():
            matches = sorted(glob.glob(p, recursive=True))
            if not matches:
                out.append(InputError(p, "no file matches this pattern"))
            out += expand(matches) if matches else []
        elif path.is_dir():
            out += sorted(f for f in path.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES)
        else:
            out.append(path)
    return out


def load_all(paths: Iterable[str]) -> list[Loaded]:
    items: list[Loaded] = []
    for path in expand(paths):
        if isinstance(path, InputError):
            items.append(Loaded(path.file, path.file, error=path))
        else:
            items += load_file(path)
    return items


def _result(item: Loaded) -> dict[str, Any]:
    """Evaluate one loaded scenario (runs in a worker process when --jobs > 1)."""
    result = {"file": item.file, "name": item.name, "ok": False, "error": None,
              "decisions": None, "recommendation_ids": None, "expect_failures": []}
    if item.error:
        result["error"] = item.error.line()
        return result
    import kb
    from rules.engine import evaluate
    scenario = item.scenario
    try:
        outcome = evaluate(scenario)
    except Exception as exc:  # a rule-engine failure for this scenario must not stop the batch
        result["error"] = f"{item.file}: the rules could not finish: {exc}"
        return result
    knowledge = kb.load()
    ids = sorted(i for i in outcome.advice if knowledge[i].kind.value == "recommendation")
    failures = scenario.expect.failures(outcome.decisions, set(outcome.advice)) if scenario.expect else []
    result.update(decisions=dict(outcome.decisions), recommendation_ids=ids,
                  expect_failures=failures, ok=not failures)
    return result


def evaluate_items(items: list[Loaded], jobs: int = 1,
                   progress: Callable[[int], None] | None = None) -> Iterator[dict[str, Any]]:
    """Results in input order; ``jobs`` worker processes when > 1."""
    if jobs <= 1 or len(items) < 2:
        for item in items:
            yield _result(item)
            if progress:
                progress(1)
        return
    chunk = max(1, min(64, len(items) // (jobs * 4)))
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for result in pool.map(_result, items, chunksize=chunk):
            yield result
            if progress:
                progress(1)


def evaluate_paths(paths: Iterable[str], jobs: int = 1) -> list[dict[str, Any]]:
    return list(evaluate_items(load_all(paths), jobs))


def counts(results: list[dict[str, Any]]) -> dict[str, int]:
    invalid = sum(1 for r in results if r["error"])
    passed = sum(1 for r in results if r["ok"])
    return {"scenarios": len(results), "passed": passed,
            "failed": len(results) - invalid - passed, "invalid": invalid}


def summary(results: list[dict[str, Any]]) -> str:
    c = counts(results)
    return f"{c['scenarios']} scenarios: {c['passed']} passed, {c['failed']} failed, {c['invalid']} invalid"


def exit_code(results: list[dict[str, Any]]) -> int:
    c = counts(results)
    return 2 if c["invalid"] else 1 if c["failed"] else 0


def _first_problem(r: dict[str, Any]) -> str:
    return r["error"] or (r["expect_failures"][0] if r["expect_failures"] else "")


def to_table(results: list[dict[str, Any]]) -> str:
    rows = []
    for r in results:
        d = r["decisions"] or {}
        status = "invalid" if r["error"] else ("pass" if r["ok"] else "FAIL")
        rows.append([r["file"], r["name"], d.get("meeting_type", ""), d.get("police_visibility", ""),
                     d.get("risk_level", ""), status, _first_problem(r)])
    return tabulate(rows, headers=["file", "name", "meeting_type", "police", "risk", "result", "first problem"]) + "\n"


def to_jsonl(results: list[dict[str, Any]]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in results)


def to_csv(results: list[dict[str, Any]]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(["file", "name", "ok", "error", "meeting_type", "police_visibility", "risk_level",
                     "recommendation_ids", "expect_failures"])
    for r in results:
        d = r["decisions"] or {}
        writer.writerow([r["file"], r["name"], str(r["ok"]).lower(), r["error"] or "",
                         d.get("meeting_type", ""), d.get("police_visibility", ""), d.get("risk_level", ""),
                         " ".join(r["recommendation_ids"] or []), "; ".join(r["expect_failures"])])
    return buf.getvalue()


def default_jobs() -> int:
    return os.cpu_count() or 1
