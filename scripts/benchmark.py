#!/usr/bin/env python3
"""Benchmarks (never timed tests): wall-clock numbers with the commands that produce them,
measured in one run on one machine, reported as ratios where a ratio is the claim.

  python scripts/benchmark.py            # all, with a summary table at the end
  python scripts/benchmark.py startup    # cold `advise` against the import floor
  python scripts/benchmark.py engine     # per scenario: compiled, experta reused, a new experta engine
  python scripts/benchmark.py batch      # `batch --jobs 1` and `--jobs 2` over 2,000 JSON files
  python scripts/benchmark.py exact      # `verify --exact` wall time
  python scripts/benchmark.py sensitivity  # counterfactual search per example (limit 1 s)
  python scripts/benchmark.py bad        # every tests/bad file through `advise`, as a process
  python scripts/benchmark.py serve      # 2,000 POST /api/advise over 8 connections to `serve` on 127.0.0.1
"""
from __future__ import annotations

import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


ROWS: list[list[str]] = []  # the summary table: what, measured, against, ratio


def _row(what: str, value: str, against: str = "", ratio: str = "") -> None:
    ROWS.append([what, value, against, ratio])


def _process_seconds(args: list[str], runs: int = 7, env: dict | None = None) -> float:
    """Median wall time of a whole process (start-up included)."""
    import os
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        environ = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        subprocess.run(args, capture_output=True, stdin=subprocess.DEVNULL, env={**environ, **(env or {})})
        times.append(time.perf_counter() - t)
    return statistics.median(times)


#: The import floor: the library names the program uses (pydantic 2 and experta load their
#: submodules on first use, so a bare `import pydantic` would measure almost nothing of them).
FLOOR = ("import sys; sys.path.insert(0, %r); import rules._compat; "
         "from experta import AND, MATCH, NOT, OR, P, Fact, KnowledgeEngine, Rule; "
         "from pydantic import BaseModel, ConfigDict, Field, Strict, ValidationError; "
         "import click, yaml, tabulate")


def startup() -> None:
    """Cold `advise` on an example as a whole process, against importing its libraries."""
    example = str(ROOT / "examples" / "azc-informatiemarkt.yaml")
    cli = [sys.executable, str(ROOT / "cli.py")]
    environ = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run(cli + ["advise", example], capture_output=True, env=environ)  # KB and bytecode caches
    floor, advise, text = [], [], []
    for _ in range(9):  # interleaved, so machine load hits both alike
        floor.append(_process_seconds([sys.executable, "-c", FLOOR % str(ROOT)], runs=1))
        advise.append(_process_seconds(cli + ["advise", example, "--format", "json"], runs=1))
        text.append(_process_seconds(cli + ["advise", example], runs=1))
    floor, advise, text = (statistics.median(x) for x in (floor, advise, text))
    print(f"start-up: import floor {floor * 1000:.0f} ms; advise --format json {advise * 1000:.0f} ms "
          f"({advise / floor:.2f}x); advise (text) {text * 1000:.0f} ms ({text / floor:.2f}x)")
    _row("cold advise --format json (process)", f"{advise * 1000:.0f} ms", f"import floor {floor * 1000:.0f} ms",
         f"{advise / floor:.2f}x")


def engine(n: int = 1000, fresh: int = 40) -> None:
    """Per scenario: the compiled engine, the reused experta engine and a new experta engine
    per scenario (what most experta code does)."""
    from analysis.verify import random_inputs
    from facts.scenario import Scenario
    from rules.engine import Advisor, evaluate, get_engine
    t = time.perf_counter()
    get_engine()
    build = time.perf_counter() - t
    scenarios = [Scenario(name="b", **v) for v in random_inputs(n, random.Random(1))]

    def median_ms(run, items) -> float:
        times = []
        for s in items:
            t = time.perf_counter()
            run(s)
            times.append(time.perf_counter() - t)
        return statistics.median(times) * 1000

    evaluate(scenarios[0])  # compile once
    compiled = median_ms(lambda s: evaluate(s, "compiled"), scenarios)
    reused = median_ms(lambda s: evaluate(s, "experta"), scenarios)
    new = median_ms(lambda s: Advisor().evaluate(s), scenarios[:fresh])
    print(f"engine: experta network built in {build * 1000:.0f} ms; median per scenario: compiled {compiled:.2f} ms, "
          f"experta reused {reused:.2f} ms, a new experta engine per scenario {new:.1f} ms "
          f"({new / compiled:.0f}x the compiled engine)")
    _row("engine, median per scenario (compiled)", f"{compiled:.2f} ms", f"experta reused {reused:.2f} ms",
         f"{reused / compiled:.1f}x")
    _row("engine, a new experta engine per scenario", f"{new:.1f} ms", "compiled", f"{new / compiled:.0f}x")


def batch(n: int = 2000) -> None:
    """`batch` over n generated JSON files, whole process, with --jobs 1 and --jobs 2."""
    import json
    import tempfile
    from analysis.verify import random_inputs
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "scenarios"
        folder.mkdir()
        for i, values in enumerate(random_inputs(n, random.Random(2))):
            (folder / f"s{i:05d}.json").write_text(json.dumps({"name": f"s{i}", **values}), encoding="utf-8")
        out = {}
        for jobs in (1, 2):
            target = Path(tmp) / f"out{jobs}.jsonl"
            seconds = _process_seconds([sys.executable, str(ROOT / "cli.py"), "batch", str(folder), "--format",
                                        "jsonl", "--jobs", str(jobs), "--out", str(target)], runs=3)
            out[jobs] = target.read_bytes()
            print(f"batch --jobs {jobs}: {n} files in {seconds:.2f} s = {n / seconds:.0f} scenarios/s")
            _row(f"batch --jobs {jobs}, {n} JSON files (process)", f"{n / seconds:.0f} scenarios/s")
        print(f"batch output --jobs 1 == --jobs 2: {out[1] == out[2]}")


def exact() -> None:
    """`verify --exact` as a whole process."""
    seconds = _process_seconds([sys.executable, str(ROOT / "cli.py"), "verify", "--exact", "--format", "json"], runs=1)
    print(f"verify --exact: {seconds:.1f} s")
    _row("verify --exact (process)", f"{seconds:.1f} s", "limit 120 s")


def sensitivity(limit: float = 1.0) -> int:
    """`sensitivity` on each example, in-process after start-up (the requirement: under 1 s)."""
    from facts.loader import load_one
    from analysis.compare import sensitivity as run
    from rules.engine import get_decision_engine
    get_decision_engine()
    worst = 0.0
    for path in sorted((ROOT / "examples").glob("*.yaml")):
        scenario = load_one(path)
        t = time.perf_counter()
        result = run(scenario)
        elapsed = time.perf_counter() - t
        worst = max(worst, elapsed)
        print(f"  sensitivity {path.name}: {elapsed * 1000:.0f} ms, {result['evaluated']} scenarios decided, "
              f"{len(result['flips'])} flips")
    print(f"sensitivity: slowest {worst * 1000:.0f} ms (limit {limit * 1000:.0f} ms)")
    t = time.perf_counter()
    p = subprocess.run([sys.executable, str(ROOT / "cli.py"), "sensitivity", str(ROOT / "examples" / "azc-informatiemarkt.yaml")],
                       capture_output=True, text=True)
    print(f"sensitivity as a whole process (start-up included): {time.perf_counter() - t:.2f} s, exit {p.returncode}")
    return 0 if worst < limit else 1


def _measured(args: list[str]) -> tuple[int, float, float, str]:
    """Run one whole process: exit code, wall seconds, peak resident memory (MB), stderr.

    The memory is the process's own peak (os.wait4 gives the rusage of that one child)."""
    t = time.perf_counter()
    p = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
    err = p.stderr.read()
    _, status, usage = os.wait4(p.pid, 0)
    p.returncode = os.waitstatus_to_exitcode(status)
    elapsed = time.perf_counter() - t
    peak = usage.ru_maxrss / 1024 if sys.platform != "darwin" else usage.ru_maxrss / 2 ** 20
    return p.returncode, elapsed, peak, err.decode("utf-8", "replace")


def bad(limit: float = 2.0, memory: float = 200.0) -> int:
    """Every file of tests/bad through `advise` as a whole process, and the whole corpus
    through one `batch`: refused (exit 2, one line, no traceback) within 2 s and 200 MB."""
    from tabulate import tabulate
    cli = [sys.executable, str(ROOT / "cli.py")]
    files = sorted((ROOT / "tests" / "bad").iterdir())
    rows, problems = [], []
    for path in files:
        code, elapsed, peak, err = _measured(cli + ["advise", str(path)])
        lines = err.strip().splitlines()
        ok = code == 2 and len(lines) == 1 and "Traceback" not in err and elapsed <= limit and peak <= memory
        rows.append([path.name, path.stat().st_size if path.is_file() else "-", code, f"{elapsed:.2f}",
                     f"{peak:.0f}", "ok" if ok else "PROBLEM"])
        if not ok:
            problems.append(f"{path.name}: exit {code}, {elapsed:.2f} s, {peak:.0f} MB, {err.strip()[:120]}")
    code, elapsed, peak, err = _measured(cli + ["batch", str(ROOT / "tests" / "bad"), "--jobs", "2"])
    ok = code == 2 and "Traceback" not in err and elapsed <= limit * 5 and peak <= memory
    rows.append(["(batch tests/bad, --jobs 2)", "-", code, f"{elapsed:.2f}", f"{peak:.0f} (main)",
                 "ok" if ok else "PROBLEM"])
    if not ok:
        problems.append(f"batch tests/bad: exit {code}, {elapsed:.2f} s, {peak:.0f} MB, {err.strip()[-200:]}")
    print(tabulate(rows, headers=["file", "bytes", "exit", "seconds", "peak MB", f"≤ {limit} s, ≤ {memory:.0f} MB"]))
    worst_t = max(float(r[3]) for r in rows[:-1])
    worst_m = max(float(r[4]) for r in rows[:-1])
    print(f"bad input: {len(files)} files through `advise` as a process: slowest {worst_t:.2f} s, largest "
          f"peak {worst_m:.0f} MB (limits {limit} s, {memory:.0f} MB): "
          f"{'all refused within the limits, exit 2, one line' if not problems else 'PROBLEMS'}")
    for line in problems:
        print("  " + line)
    _row("bad input, slowest file through advise (process)", f"{worst_t:.2f} s", f"limit {limit} s")
    _row("bad input, largest peak memory (process)", f"{worst_m:.0f} MB", f"limit {memory:.0f} MB")
    return 1 if problems else 0


def serve(n: int = 2000, connections: int = 8) -> int:
    """`serve` as a real process on a free 127.0.0.1 port: ``n`` POST /api/advise requests over
    ``connections`` concurrent keep-alive connections (one thread each); median and p99 latency,
    requests/s, and every answer checked against the first (byte-identical)."""
    import http.client
    import json
    import re
    import signal
    import threading

    import yaml
    body = json.dumps(yaml.safe_load((ROOT / "examples" / "azc-informatiemarkt.yaml").read_text(encoding="utf-8"))).encode()
    proc = subprocess.Popen([sys.executable, str(ROOT / "cli.py"), "serve", "--port", "0"], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, stdin=subprocess.DEVNULL)
    try:
        found = re.search(r"http://127\.0\.0\.1:(\d+)/", proc.stdout.readline())
        if not found:
            print(f"serve: did not start: {proc.stderr.read().strip()}")
            return 1
        port = int(found.group(1))
        headers = {"Content-Type": "application/json"}

        def request(conn) -> tuple[int, bytes]:
            conn.request("POST", "/api/advise", body=body, headers=headers)
            answer = conn.getresponse()
            return answer.status, answer.read()

        warm = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        for _ in range(20):
            status, expected = request(warm)
        warm.close()
        left = iter(range(n))
        lock = threading.Lock()
        latencies: list[float] = []
        errors: list[str] = []

        def worker() -> None:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            mine = []
            while True:
                with lock:
                    if next(left, None) is None:
                        break
                t = time.perf_counter()
                try:
                    status, data = request(conn)
                    if status != 200 or data != expected:
                        errors.append(f"status {status}")
                except (OSError, http.client.HTTPException) as exc:
                    errors.append(type(exc).__name__)
                    conn.close()
                    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                mine.append(time.perf_counter() - t)
            conn.close()
            with lock:
                latencies.extend(mine)

        threads = [threading.Thread(target=worker) for _ in range(connections)]
        t = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        wall = time.perf_counter() - t
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
    median = statistics.median(latencies) * 1000
    p99 = statistics.quantiles(latencies, n=100)[98] * 1000
    rate = len(latencies) / wall
    print(f"serve: {len(latencies)} POST /api/advise over {connections} connections in {wall:.2f} s: "
          f"median {median:.1f} ms, p99 {p99:.1f} ms, {rate:.0f} requests/s, {len(errors)} errors "
          f"({len(expected)} bytes each, byte-identical to the first answer); server exit {proc.returncode}")
    _row(f"serve: {n} POST /api/advise, {connections} connections", f"{rate:.0f} requests/s",
         f"median {median:.1f} ms, p99 {p99:.1f} ms", f"{len(errors)} errors")
    return 1 if errors or len(latencies) != n else 0


if __name__ == "__main__":
    which = sys.argv[1:] or ["startup", "engine", "batch", "exact", "sensitivity", "bad", "serve"]
    rc = 0
    for name in ("startup", "engine", "batch", "exact"):
        if name in which:
            globals()[name]()
    if "sensitivity" in which:
        rc |= sensitivity()
    if "bad" in which:
        rc |= bad()
    if "serve" in which:
        rc |= serve()
    if ROWS:
        import platform
        from tabulate import tabulate
        print(f"\n{time.strftime('%Y-%m-%d')}, {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
        print(tabulate(ROWS, headers=["measured", "value", "against", "ratio"], tablefmt="github"))
    sys.exit(rc)
