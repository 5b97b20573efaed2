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
import signal
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

from tabulate import tabulate

from facts.loader import InputError, Loaded, load_file

SUFFIXES = (".yaml", ".yml", ".json")
FIELDS = ("file", "name", "ok", "result", "error", "decisions", "recommendation_ids", "expect_failures")
RESULTS = ("passed", "failed", "invalid", "unchecked")


def expand(paths: Iterable[str], exclude: Iterable[str] = ()) -> list[tuple[Path, bool] | InputError]:
    """(file, named) for every input; directories recursively (*.yaml, *.yml, *.json); globs;
    sorted per argument, each file once.

    ``named`` is true for a file the user named (not found by a walk or a glob). A glob that
    matches nothing, an empty or unreadable folder and an unreadable subfolder become an
    InputError in their place, so all of them are invalid rows. Files in ``exclude`` (what this
    run writes, ``--out``) are left out when a walk or a glob finds them."""
    excluded = {os.path.realpath(e) for e in exclude}
    seen: set[str] = set()
    out: list[tuple[Path, bool] | InputError] = []

    def add(path: Path, named: bool) -> None:
        real = os.path.realpath(path)
        if real in seen or (not named and real in excluded):
            return
        seen.add(real)
        out.append((path, named))

    for p in paths:
        path = Path(p)
        if not p.strip():
            out.append(InputError("''", "an empty file name"))
        elif any(ch in p for ch in "*?[") and not os.path.lexists(p):
            matches = sorted(glob.glob(p, recursive=True))
            errors: list[InputError] = []
            found = 0
            for m in matches:
                if os.path.isdir(m):
                    found += _walk(Path(m), add, errors)
                elif Path(m).suffix.lower() in SUFFIXES or not any(map(os.path.isdir, matches)):
                    add(Path(m), False)  # 'tree/**' names folders and files: take the scenario files
                    found += 1
            if not matches:
                errors.insert(0, InputError(p, "no file matches this pattern"))
            elif not found and not errors:
                errors.insert(0, InputError(p, "matches no scenario files (*.yaml, *.yml, *.json)"))
            out += errors
        elif path.is_dir():
            errors = []
            if not _walk(path, add, errors) and not errors:
                errors.append(InputError(p, "holds no scenario files (*.yaml, *.yml, *.json)"))
            out += errors
        else:
            add(path, True)
    return out


def _walk(folder: Path, add, errors: list[InputError]) -> int:
    """Add the scenario files under ``folder`` (sorted); an unreadable folder is an error."""
    found = 0

    def onerror(exc: OSError) -> None:
        where = exc.filename or str(folder)
        reason = "permission denied" if isinstance(exc, PermissionError) else (exc.strerror or str(exc))
        errors.append(InputError(str(where), f"folder cannot be read ({reason})"))

    for root, dirs, files in os.walk(folder, onerror=onerror):
        dirs.sort()
        for name in sorted(files):
            if Path(name).suffix.lower() in SUFFIXES:
                add(Path(root) / name, False)
                found += 1
    return found


def load_all(paths: Iterable[str], exclude: Iterable[str] = ()) -> list[Loaded]:
    items: list[Loaded] = []
    for entry in expand(paths, exclude):
        if isinstance(entry, InputError):
            items.append(Loaded(entry.file, entry.file, error=entry))
        else:
            path, named = entry
            items += load_file(path, named=named)
    return items


def _row(item: Loaded) -> dict[str, Any]:
    return {"file": item.file, "name": item.name, "ok": False, "result": "invalid", "error": None,
            "decisions": None, "recommendation_ids": None, "expect_failures": []}


def _result(item: Loaded) -> dict[str, Any]:
    """Evaluate one loaded scenario (runs in a worker process when --jobs > 1)."""
    result = _row(item)
    if item.error:
        result["error"] = item.error.line()
        return result
    import kb
    from rules.engine import evaluate
    scenario = item.scenario
    try:
        outcome = evaluate(scenario)
        knowledge = kb.load()
        ids = sorted(i for i in outcome.advice if knowledge[i].kind.value == "recommendation")
        failures = scenario.expect.failures(outcome.decisions, set(outcome.advice)) if scenario.expect else []
    except Exception as exc:  # a rule-engine failure for this scenario must not stop the batch
        from render.safe import one_line
        result["error"] = one_line(f"{item.file}: the rules could not finish: {exc}")
        return result
    result.update(decisions=dict(outcome.decisions), recommendation_ids=ids, expect_failures=failures,
                  ok=not failures,
                  result="unchecked" if scenario.expect is None else "failed" if failures else "passed")
    return result


def _results(items: list[Loaded]) -> list[dict[str, Any]]:
    return [_result(item) for item in items]


def _stopped(item: Loaded) -> dict[str, Any]:
    result = _row(item)
    result["error"] = (f"{item.file}: not evaluated: a worker process stopped unexpectedly "
                       "(killed, or out of memory?); run it again, or with --jobs 1")
    return result


def _worker_init() -> None:
    """In a worker: Ctrl-C is the main process's to handle; SIGTERM and SIGHUP end the worker
    at once; and the worker ends when the main process does (Linux), never outliving it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_DFL)
    try:
        import ctypes
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    if os.getppid() == 1:  # the main process is already gone
        os._exit(1)


def _stop(pool: ProcessPoolExecutor) -> None:
    """End the worker processes now (on an interrupt or an error)."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        try:
            process.terminate()
        except (OSError, AttributeError):
            pass
    for process in processes:
        try:
            process.join(2)
        except (OSError, AssertionError, AttributeError):
            pass


def evaluate_items(items: list[Loaded], jobs: int = 1,
                   progress: Callable[[int], None] | None = None,
                   run: Callable[[list[Loaded]], list[dict[str, Any]]] = _results) -> Iterator[dict[str, Any]]:
    """Results in input order; ``jobs`` worker processes when > 1.

    A worker that dies (the OOM killer, a kill) makes its scenarios invalid rows, and the
    batch reports the rest; an interrupt ends the workers before it goes on."""
    if jobs <= 1 or len(items) < 2:
        for item in items:
            yield run([item])[0]
            if progress:
                progress(1)
        return
    size = max(1, min(64, len(items) // (jobs * 4)))
    chunks = [items[i:i + size] for i in range(0, len(items), size)]
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_worker_init)
    finished = False
    try:
        futures = [pool.submit(run, chunk) for chunk in chunks]
        for chunk, future in zip(chunks, futures):
            try:
                results = future.result()
            except BrokenProcessPool:
                results = [_stopped(item) for item in chunk]
            for result in results:
                yield result
                if progress:
                    progress(1)
        finished = True
    finally:
        if finished:
            pool.shutdown(wait=True)
        else:
            _stop(pool)


def evaluate_paths(paths: Iterable[str], jobs: int = 1) -> list[dict[str, Any]]:
    return list(evaluate_items(load_all(paths), jobs))


def counts(results: list[dict[str, Any]]) -> dict[str, int]:
    c = {"scenarios": len(results), **{name: 0 for name in RESULTS}}
    for r in results:
        c[r["result"]] += 1
    return c


def summary(results: list[dict[str, Any]], lang: str = "en") -> str:
    from render.labels import BATCH
    words = BATCH[lang]
    c = counts(results)
    noun = words["scenario"] if c["scenarios"] == 1 else words["scenarios"]
    return f"{c['scenarios']} {noun}: " + ", ".join(f"{c[name]} {words[name]}" for name in RESULTS)


def exit_code(results: list[dict[str, Any]]) -> int:
    """2 when any row is invalid (an input problem wins), else 1 when any failed, else 0."""
    c = counts(results)
    return 2 if c["invalid"] or not results else 1 if c["failed"] else 0


def _first_problem(r: dict[str, Any]) -> str:
    return r["error"] or (r["expect_failures"][0] if r["expect_failures"] else "")


def to_table(results: list[dict[str, Any]], lang: str = "en") -> str:
    """The rows for people: decisions and results in ``lang`` (codes with ``en``)."""
    from render.labels import BATCH, value_label
    from render.safe import one_line
    words = BATCH[lang]

    def shown(key: str, value: str) -> str:
        return value if lang == "en" or not value else value_label(lang, key, value)
    rows = []
    for r in results:
        d = r["decisions"] or {}
        rows.append([one_line(x) for x in (r["file"], r["name"], shown("meeting_type", d.get("meeting_type", "")),
                                           shown("police_visibility", d.get("police_visibility", "")),
                                           shown("risk_level", d.get("risk_level", "")),
                                           words[r["result"]], _first_problem(r))])
    headers = [words[k] for k in ("file", "name", "meeting_type", "police", "risk", "result", "problem")]
    return tabulate(rows, headers=headers, disable_numparse=True) + "\n"


def to_jsonl(results: list[dict[str, Any]]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in results)


def to_csv(results: list[dict[str, Any]]) -> str:
    """CSV for a spreadsheet: no cell from input starts a formula (render.safe.csv_cell)."""
    from render.safe import csv_cell, one_line
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(["file", "name", "ok", "result", "error", "meeting_type", "police_visibility", "risk_level",
                     "recommendation_ids", "expect_failures"])
    for r in results:
        d = r["decisions"] or {}
        writer.writerow([csv_cell(one_line(x)) for x in (
            r["file"], r["name"], str(r["ok"]).lower(), r["result"], r["error"] or "",
            d.get("meeting_type", ""), d.get("police_visibility", ""), d.get("risk_level", ""),
            " ".join(r["recommendation_ids"] or []), "; ".join(r["expect_failures"]))])
    return buf.getvalue()


def default_jobs() -> int:
    return os.cpu_count() or 1
