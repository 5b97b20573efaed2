#!/usr/bin/env python3
"""Benchmarks (never timed tests): wall-clock numbers with the commands that produce them.

  python scripts/benchmark.py            # all
  python scripts/benchmark.py engine     # ms per scenario, in-process
  python scripts/benchmark.py sensitivity  # counterfactual search per example (limit 1 s)
  python scripts/benchmark.py bad        # every tests/bad file through `advise`, as a process
"""
from __future__ import annotations

import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def engine(n: int = 1000) -> None:
    from facts.scenario import Scenario
    from analysis.verify import random_inputs
    from rules.engine import evaluate, get_engine
    t = time.perf_counter()
    get_engine()
    build = time.perf_counter() - t
    scenarios = [Scenario(name="b", **v) for v in random_inputs(n, random.Random(1))]
    times = []
    for s in scenarios:
        t = time.perf_counter()
        evaluate(s)
        times.append(time.perf_counter() - t)
    print(f"engine: built in {build * 1000:.0f} ms; {n} scenarios: median {statistics.median(times) * 1000:.1f} ms, "
          f"p95 {sorted(times)[int(n * .95)] * 1000:.1f} ms, max {max(times) * 1000:.1f} ms")


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


def bad(limit: float = 2.0) -> int:
    cli = [sys.executable, str(ROOT / "cli.py"), "advise"]
    worst, slow = 0.0, []
    files = sorted((ROOT / "tests" / "bad").iterdir())
    for path in files:
        t = time.perf_counter()
        p = subprocess.run(cli + [str(path)], capture_output=True, text=True, stdin=subprocess.DEVNULL)
        elapsed = time.perf_counter() - t
        worst = max(worst, elapsed)
        if p.returncode != 2 or elapsed > limit or len(p.stderr.strip().splitlines()) != 1:
            slow.append(f"{path.name}: exit {p.returncode}, {elapsed:.2f} s, {p.stderr.strip()[:120]}")
    print(f"bad input: {len(files)} files through `advise` as a process, slowest {worst:.2f} s "
          f"(limit {limit} s): {'all within the limit, exit 2, one line' if not slow else 'PROBLEMS'}")
    for line in slow:
        print("  " + line)
    return 1 if slow else 0


if __name__ == "__main__":
    which = sys.argv[1:] or ["engine", "sensitivity", "bad"]
    rc = 0
    if "engine" in which:
        engine()
    if "sensitivity" in which:
        rc |= sensitivity()
    if "bad" in which:
        rc |= bad()
    sys.exit(rc)
