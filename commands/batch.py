"""Commands over many scenarios: batch (expectations) and verify (the input space)."""
from __future__ import annotations

import os
import sys

import click

from commands.common import EXIT_EXPECT, EXIT_OK, emit, fail, format_option, lang_option, out_option


@click.command()
@click.argument("paths", nargs=-1, required=True)
@format_option("table", "json", "jsonl", "csv", default="table")
@out_option
@lang_option
@click.option("--jobs", type=click.IntRange(1, 64), default=None, help="Worker processes [default: number of cores].")
def batch(paths: tuple[str, ...], fmt: str, out: str | None, lang: str, jobs: int | None) -> None:
    """Evaluate every scenario in PATHS (files, directories, globs) against its `expect:`.

    The table and the summary line are in --lang (the JSON, JSON lines and CSV keep the
    codes of CONTRACT §4). Each row is passed, failed (an expectation does not hold), invalid (the file cannot be
    read or is not a valid scenario) or unchecked (no `expect:`); bad files are reported and
    the batch goes on. A summary line goes to stderr. A folder with no scenario files, an
    unreadable folder and a pattern that matches nothing are invalid rows. The --out file is
    never read as an input.

    Exit 0 when nothing failed and nothing was invalid, 1 when an expectation failed, 2 when
    an input is invalid (2 wins when both happen).

    \b
    Examples:
      bijeenkomstwijzer batch examples/ tests/cases/
      bijeenkomstwijzer batch 'oefeningen/**/*.yaml' --format csv --out uitslag.csv
      bijeenkomstwijzer batch examples/ --format json --jobs 2
    """
    from analysis import batch as b
    from facts.files import OutputError, check_target, discard_stdout, safe_write
    from plan.build import to_json
    named = [p for p in paths if p.strip() and p != "-"]
    if out is not None:
        try:  # refuse a bad --out before the run, not after it
            check_target(out, inputs=named)
        except OutputError as exc:
            fail(exc.line())
    items = b.load_all(paths, exclude=[out] if out else [])
    jobs = jobs or b.default_jobs()
    if sys.stderr.isatty() and not os.environ.get("CI"):  # a progress bar on a terminal only
        with click.progressbar(length=len(items), label="scenarios", file=sys.stderr) as bar:
            results = list(b.evaluate_items(items, jobs, bar.update))
    else:
        results = list(b.evaluate_items(items, jobs))
    render = {"json": to_json, "jsonl": b.to_jsonl, "csv": b.to_csv,
              "table": lambda rows: b.to_table(rows, lang)}[fmt]
    text = render(results)
    if out:
        try:
            safe_write(out, text, inputs=named + sorted({item.file for item in items}))
        except OutputError as exc:
            fail(exc.line())
    else:
        try:
            click.echo(text, nl=False)
        except BrokenPipeError:  # `| head`: the reader has what it wants; the summary still counts
            discard_stdout()
    click.echo(b.summary(results, lang), err=True)
    sys.exit(b.exit_code(results))


@click.command()
@click.option("--samples", type=click.IntRange(1, 10_000_000), default=20000, show_default=True,
              help="How many scenarios to draw from the input space.")
@click.option("--seed", type=int, default=20261122, show_default=True, help="Seed of the sample.")
@click.option("--jobs", type=click.IntRange(1, 64), default=None, help="Worker processes [default: number of cores].")
@click.option("--exact", is_flag=True,
              help="Check every property over every combination of the inputs that can affect it "
                   "(the cone of influence), instead of a sample.")
@format_option("text", "json")
@out_option
def verify(samples: int, seed: int, jobs: int | None, exact: bool, fmt: str, out: str | None) -> None:
    """Run the rules over the input space and report scenarios without a decision,
    conflicting recommendations, unreached rules and entries, and broken invariants.
    Exit 1 on any finding.

    With --exact every property is proven over the whole input space: one value per decision,
    conflicting entries never together, monotone risk and police visibility, every rule and
    entry reachable, no rule loop, entries only for their subjects; each finding comes with a
    counterexample scenario you can run with `advise`.

    \b
    Examples:
      bijeenkomstwijzer verify --exact
      bijeenkomstwijzer verify --exact --format json
      bijeenkomstwijzer verify --samples 2000 --format json -o verify.json
    """
    if exact:
        from analysis.exact import verify_exact
        from render.knowledge import exact_text
        report = verify_exact()
        emit(fmt, report, lambda: exact_text(report), out)
        sys.exit(EXIT_OK if report["ok"] else EXIT_EXPECT)
    from analysis.batch import default_jobs
    from analysis.verify import verify as run_verify
    from render.knowledge import verify_text
    report = run_verify(samples, seed, jobs or default_jobs())
    emit(fmt, report, lambda: verify_text(report, samples), out)
    sys.exit(EXIT_OK if report["ok"] else EXIT_EXPECT)
