"""Commands over many scenarios: batch (expectations) and verify (the input space)."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from commands.common import (EXIT_EXPECT, EXIT_OK, emit, fail,
                             format_option)


@click.command()
@click.argument("paths", nargs=-1, required=True)
@format_option("table", "json", "jsonl", "csv", default="table")
@click.option("--out", type=click.Path(dir_okay=False), help="Write the output to this file (atomically).")
@click.option("--jobs", type=click.IntRange(1, 64), default=None, help="Worker processes [default: number of cores].")
def batch(paths: tuple[str, ...], fmt: str, out: str | None, jobs: int | None) -> None:
    """Evaluate every scenario in PATHS (files, directories, globs) against its `expect:`.

    Bad files are reported as invalid and the batch goes on. A summary line goes to stderr.
    Exit 0 when all pass, 1 when an expectation fails, 2 when an input is invalid.

    \b
    Examples:
      bijeenkomstwijzer batch examples/ tests/cases/
      bijeenkomstwijzer batch 'oefeningen/**/*.yaml' --format csv --out uitslag.csv
      bijeenkomstwijzer batch examples/ --format json --jobs 2
    """
    from analysis import batch as b
    from plan.build import to_json
    from interview import atomic_write
    items = b.load_all(paths)
    jobs = jobs or b.default_jobs()
    if sys.stderr.isatty() and not os.environ.get("CI"):  # a progress bar on a terminal only
        with click.progressbar(length=len(items), label="scenarios", file=sys.stderr) as bar:
            results = list(b.evaluate_items(items, jobs, bar.update))
    else:
        results = list(b.evaluate_items(items, jobs))
    render = {"json": to_json, "jsonl": b.to_jsonl, "csv": b.to_csv, "table": b.to_table}[fmt]
    text = render(results)
    if out:
        try:
            atomic_write(Path(out), text)
        except OSError as exc:
            fail(f"{out}: cannot write ({exc.strerror or exc})")
    else:
        click.echo(text, nl=False)
    click.echo(b.summary(results), err=True)
    sys.exit(b.exit_code(results))


@click.command()
@click.option("--samples", type=click.IntRange(1, 10_000_000), default=20000, show_default=True,
              help="How many scenarios to draw from the input space.")
@click.option("--seed", type=int, default=20261122, show_default=True, help="Seed of the sample.")
@click.option("--jobs", type=click.IntRange(1, 64), default=None, help="Worker processes [default: number of cores].")
@format_option("text", "json")
def verify(samples: int, seed: int, jobs: int | None, fmt: str) -> None:
    """Run the rules over the input space and report scenarios without a decision,
    conflicting recommendations, unreached rules and entries, and broken invariants.
    Exit 1 on any finding.

    \b
    Examples:
      bijeenkomstwijzer verify
      bijeenkomstwijzer verify --samples 2000 --format json
    """
    from analysis.batch import default_jobs
    from render.knowledge import verify_text
    from analysis.verify import verify as run_verify
    report = run_verify(samples, seed, jobs or default_jobs())
    emit(fmt, report, lambda: verify_text(report, samples))
    sys.exit(EXIT_OK if report["ok"] else EXIT_EXPECT)
