"""bijeenkomstwijzer: a thin command line over the advisor (read -> validate -> run -> render).

Run ``bijeenkomstwijzer --help`` or ``python cli.py --help``.
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import click

EXIT_OK, EXIT_EXPECT, EXIT_INPUT, EXIT_INTERNAL = 0, 1, 2, 3
LANG_ENV = "BIJEENKOMSTWIJZER_LANG"


def fail(message: str, code: int = EXIT_INPUT) -> None:
    """One line on stderr and exit: no traceback."""
    click.echo(f"bijeenkomstwijzer: {message}", err=True)
    sys.exit(code)


lang_option = click.option("--lang", type=click.Choice(["nl", "en"]), default="nl", show_default=True,
                           envvar=LANG_ENV, help=f"Language of the advice (also from ${LANG_ENV}).")


def _emit(fmt: str, data: Any, text) -> None:
    """Print ``data`` as canonical JSON, or what ``text()`` renders for people."""
    from plan.build import to_json
    out = to_json(data) if fmt == "json" else text()
    click.echo(out, nl=not out.endswith("\n"))


def format_option(*choices: str, default: str = "text"):
    return click.option("--format", "fmt", type=click.Choice(choices), default=default, show_default=True,
                        help="Output format.")


class Group(click.Group):
    """Click group that reports usage errors as one line on stderr, exit 2."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        try:
            code = super().main(args=args, prog_name=prog_name, complete_var=complete_var,
                                standalone_mode=False, **extra)
        except click.UsageError as exc:
            where = f"{exc.ctx.command_path}: " if exc.ctx else ""
            fail(f"{where}{exc.format_message()} (see --help)")
        except click.ClickException as exc:
            fail(exc.format_message())
        except click.Abort:
            fail("aborted")
        sys.exit(code if isinstance(code, int) else EXIT_OK)


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="bijeenkomstwijzer", message="%(prog)s %(version)s")
def main() -> None:
    """Advice for residents' meetings about asylum reception, status-holder housing and
    labour-migrant housing, with every recommendation cited from the five Dutch guides.

    \b
    Examples:
      bijeenkomstwijzer advise examples/azc-informatiemarkt.yaml
      bijeenkomstwijzer advise examples/azc-informatiemarkt.yaml --format json --lang en
      bijeenkomstwijzer advise --save mijn-situatie.yaml      # interview
      bijeenkomstwijzer batch examples/ --format json
      bijeenkomstwijzer kb export --format json
      bijeenkomstwijzer schema
    """


def _load_scenario(file: str):
    from facts.loader import MAX_BYTES, InputError, decode, load_one, parse_text, validate
    try:
        if file == "-":
            text = decode(sys.stdin.buffer.read(MAX_BYTES + 1), "<stdin>")
            data = parse_text(text, "<stdin>")
            return validate(data, "<stdin>", "stdin")
        return load_one(Path(file))
    except InputError as exc:
        fail(exc.line())


def _render(doc: dict[str, Any], fmt: str, scenario, outcome) -> str:
    from render import advice as render
    from plan.build import to_json
    if fmt == "json":
        return to_json(doc)
    if fmt in ("markdown", "html"):
        from analysis.compare import sensitivity
        from analysis.explain import explain
        trees = explain(scenario, doc["language"], outcome=outcome)
        sections = render.memo_sections(doc, trees, sensitivity(scenario)["flips"])
        memo = render.to_markdown(doc, sections)
        return memo if fmt == "markdown" else render.to_html(doc, memo)
    return render.to_text(doc)


def _evaluate(scenario):
    """Run the rules once; a loop or a broken rule contract is one line and exit 3."""
    from rules.base import RuleContractError, RuleLoopError
    from rules.engine import evaluate
    try:
        return evaluate(scenario)
    except (RuleLoopError, RuleContractError) as exc:
        fail(f"{scenario.name}: the rules could not finish: {exc}", EXIT_INTERNAL)


@main.command()
@click.argument("file", required=False)
@format_option("text", "json", "markdown", "html")
@lang_option
@click.option("--save", type=click.Path(dir_okay=False), help="Interview: write the answers to this scenario file after every question.")
@click.option("--resume", type=click.Path(dir_okay=False), help="Interview: continue from the answers in this file (and keep saving there).")
def advise(file: str | None, fmt: str, lang: str, save: str | None, resume: str | None) -> None:
    """Advise on the scenario in FILE (YAML or JSON; '-' for stdin), or interview
    when no FILE is given.

    \b
    Examples:
      bijeenkomstwijzer advise examples/azc-informatiemarkt.yaml
      bijeenkomstwijzer advise examples/azc-informatiemarkt.yaml --format markdown > memo.md
      bijeenkomstwijzer advise examples/azc-informatiemarkt.yaml --format html > memo.html
      bijeenkomstwijzer advise --save situatie.yaml --lang en
      bijeenkomstwijzer advise --resume situatie.yaml
    """
    if file is not None and (save or resume):
        fail("advise: --save and --resume are for the interview; give no FILE with them")
    if file is None:
        scenario = _interview(lang, save or resume, resume)
    else:
        scenario = _load_scenario(file)
    from plan.build import build
    outcome = _evaluate(scenario)
    click.echo(_render(build(scenario, lang, outcome), fmt, scenario, outcome), nl=False)


def _interview(lang: str, save: str | None, resume: str | None):
    from facts.loader import InputError, validate
    from analysis.explain import why
    from interview import interview, load_answers, rescue_file, write_answers
    answers: dict[str, Any] = {}
    if resume:
        try:
            answers = load_answers(Path(resume))
        except InputError as exc:
            fail(exc.line())
    progress: dict[str, Any] = dict(answers)

    def on_answer(current: dict[str, Any]) -> None:
        progress.clear()
        progress.update(current)
        if save:
            write_answers(Path(save), current)

    try:
        answers = interview(lang, answers, on_answer=on_answer, why=why)
    except (click.Abort, EOFError, KeyboardInterrupt):
        if save:
            fail(f"interview stopped; the {len(progress)} answers so far are in {save} "
                 f"(continue with: advise --resume {save})")
        if progress:
            path = rescue_file()
            write_answers(path, progress)
            fail(f"interview stopped; the {len(progress)} answers so far are in {path} "
                 f"(continue with: advise --resume {path})")
        fail("interview stopped before the first answer")
    try:
        return validate(answers, save or "<interview>", "interview")
    except InputError as exc:
        fail(exc.line())


@main.command()
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


def _set_values(pairs: tuple[str, ...], where: str) -> dict[str, Any]:
    from facts.loader import InputError
    from analysis.compare import parse_assignment
    out = {}
    for pair in pairs:
        try:
            field, value = parse_assignment(pair, where)
        except InputError as exc:
            fail(exc.line())
        out[field] = value
    return out


@main.command()
@click.argument("file")
@click.option("--id", "only", help="Only this decision (meeting_type, police_visibility, risk_level) or entry id.")
@format_option("text", "json")
@lang_option
def explain(file: str, only: str | None, fmt: str, lang: str) -> None:
    """HOW: for each decision and recommendation, the rule that fired, the facts it matched
    and, for derived facts, their own derivation down to the input fields, each step cited.

    \b
    Examples:
      bijeenkomstwijzer explain examples/azc-informatiemarkt.yaml --id setup.information_market
      bijeenkomstwijzer explain examples/azc-demonstratie.yaml --id police_visibility --format json
    """
    from analysis.explain import explain as build, to_text
    scenario = _load_scenario(file)
    try:
        trees = build(scenario, lang, only)
    except KeyError:
        fail(f"{file}: --id: {only!r} is not a decision or an entry advised for this scenario")
    _emit(fmt, trees, lambda: to_text(trees))


@main.command()
@click.argument("file")
@click.option("--set", "pairs", multiple=True, required=True, metavar="FIELD=VALUE",
              help="A changed input; repeat for several.")
@format_option("text", "json")
@lang_option
def whatif(file: str, pairs: tuple[str, ...], fmt: str, lang: str) -> None:
    """Run the scenario and a changed one side by side: decisions before and after, and the
    recommendations, trade-offs and warnings that appear or disappear.

    \b
    Examples:
      bijeenkomstwijzer whatif examples/azc-informatiemarkt.yaml --set existing_protest=disorder
      bijeenkomstwijzer whatif examples/azc-informatiemarkt.yaml --set expected_visitors=40 --set trust_in_government=low
    """
    from analysis.compare import whatif as compare
    from render.trainer import whatif_text
    scenario = _load_scenario(file)
    from facts.loader import InputError
    try:
        result = compare(scenario, _set_values(pairs, "--set"), lang)
    except InputError as exc:
        fail(exc.line())
    _emit(fmt, result, lambda: whatif_text(result, lang))


@main.command()
@click.argument("file")
@click.option("--vary", multiple=True, required=True, metavar="FIELD[=V1,V2,...]",
              help="A field to vary (all values of an enumerated field when none are given); at most two.")
@click.option("--ids", default="", metavar="ID,...", help="Also show whether these entries are advised.")
@format_option("text", "json", "csv")
def sweep(file: str, vary: tuple[str, ...], ids: str, fmt: str) -> None:
    """The decisions for every value of one field, or a matrix for two.

    \b
    Examples:
      bijeenkomstwijzer sweep examples/azc-informatiemarkt.yaml --vary existing_protest
      bijeenkomstwijzer sweep examples/azc-informatiemarkt.yaml --vary existing_protest --vary trust_in_government
      bijeenkomstwijzer sweep examples/azc-informatiemarkt.yaml --vary expected_visitors=40,150,400 --ids setup.information_market
    """
    from facts.loader import InputError
    from plan.build import to_json
    from analysis.compare import check_field, parse_assignment, sweep as run_sweep, values_of
    from render.trainer import sweep_csv, sweep_text
    if len(vary) > 2:
        fail("sweep: --vary: at most two fields")
    scenario = _load_scenario(file)
    plan = []
    try:
        for item in vary:
            field, sep, raw = item.partition("=")
            field = field.strip()
            check_field(field, "--vary")
            if not sep:
                plan.append((field, values_of(field)))
            else:
                plan.append((field, [parse_assignment(f"{field}={v}", "--vary")[1] for v in raw.split(",")]))
        wanted = [i.strip() for i in ids.split(",") if i.strip()]
        import kb as knowledge
        for i in wanted:
            if i not in knowledge.load().entries:
                raise InputError("--ids", "unknown entry id", i)
        rows = run_sweep(scenario, plan, wanted)
    except InputError as exc:
        fail(exc.line())
    if fmt == "json":
        click.echo(to_json({"vary": [f for f, _ in plan], "rows": rows}), nl=False)
    elif fmt == "csv":
        click.echo(sweep_csv(plan, rows), nl=False)
    else:
        click.echo(sweep_text(plan, rows), nl=False)


@main.command()
@click.argument("file")
@format_option("text", "json")
def sensitivity(file: str, fmt: str) -> None:
    """Counterfactuals: which other values of each field would change a decision, and the
    smallest set of changes (one or two fields) that flips each decision to each other value.

    \b
    Example:
      bijeenkomstwijzer sensitivity examples/azc-informatiemarkt.yaml
    """
    from analysis.compare import sensitivity as run
    from render.trainer import sensitivity_text
    result = run(_load_scenario(file))
    _emit(fmt, result["flips"], lambda: sensitivity_text(result))


@main.group()
def kb() -> None:
    """Look into the knowledge base."""


@kb.command("export")
@format_option("json", default="json")
def kb_export(fmt: str) -> None:
    """Every knowledge-base entry with its texts, citations and the rules that emit it.

    \b
    Example:
      bijeenkomstwijzer kb export --format json | python3 ../shared/tools/check_citations.py - --coverage
    """
    from plan.build import to_json
    from analysis.knowledge import export
    click.echo(to_json(export()), nl=False)


@kb.command("list")
@click.option("--category", type=click.Choice(["meeting_type", "setup", "police", "security", "escalation",
                                               "communication", "process", "aftercare"]), help="Only this category.")
@format_option("text", "json")
@lang_option
def kb_list(category: str | None, fmt: str, lang: str) -> None:
    """List the entries (id, kind, title, cited sections).

    \b
    Example:
      bijeenkomstwijzer kb list --category security
    """
    from analysis.knowledge import entry_list
    from render.knowledge import entries_text
    items = entry_list(category)
    _emit(fmt, items, lambda: entries_text(items, lang))


@kb.command("show")
@click.argument("entry_id")
@format_option("text", "json")
@lang_option
def kb_show(entry_id: str, fmt: str, lang: str) -> None:
    """Show one entry: texts, citations and the rules that emit it.

    \b
    Example:
      bijeenkomstwijzer kb show setup.information_market --lang en
    """
    from analysis.knowledge import export
    from render.knowledge import entry_text
    item = next((i for i in export() if i["id"] == entry_id), None)
    if item is None:
        fail(f"kb show: no entry {entry_id!r} (see 'bijeenkomstwijzer kb list')")
    _emit(fmt, item, lambda: entry_text(item, lang))


@kb.command("sources")
@format_option("text", "json")
def kb_sources(fmt: str) -> None:
    """The five guides with their sections (actionable ones marked *)."""
    from analysis.knowledge import sources
    from render.knowledge import sources_text
    items = sources()
    _emit(fmt, items, lambda: sources_text(items))


@kb.command("coverage")
@click.argument("paths", nargs=-1)
@format_option("text", "json")
def kb_coverage(paths: tuple[str, ...], fmt: str) -> None:
    """Run every scenario in PATHS (default: examples/ and tests/cases/) and report the
    entries and rules that no scenario fires.

    \b
    Example:
      bijeenkomstwijzer kb coverage --format json
    """
    from analysis.knowledge import coverage
    from render.knowledge import coverage_text
    paths = paths or tuple(p for p in ("examples", "tests/cases") if Path(p).is_dir())
    if not paths:
        fail("kb coverage: no scenario folders given (and no examples/ or tests/cases/ here)")
    report = coverage(paths)
    _emit(fmt, report, lambda: coverage_text(report))
    if report["unfired_entries"] or report["unfired_rules"]:
        sys.exit(EXIT_EXPECT)


@main.group("rules")
def rules_group() -> None:
    """Look into the rules."""


@rules_group.command("list")
@format_option("text", "json")
def rules_list(fmt: str) -> None:
    """Every rule with its area, docstring, sources and what it emits or concludes."""
    from analysis.knowledge import rule_list
    from render.knowledge import rules_text
    items = rule_list()
    _emit(fmt, items, lambda: rules_text(items))


@main.command("monitor-query")
@click.option("--subject", type=click.Choice(["asylum_reception", "status_holder_housing", "labour_migrant_housing"]),
              default="asylum_reception", show_default=True, help="Whose terms to search for.")
@click.option("--place", help="Place name (plaatsnaam).")
@click.option("--location", help="The reception or housing location (opvanglocatie).")
@click.option("--street", help="Street name.")
@click.option("--nickname", help="Nickname of the place.")
@click.option("--municipality", help="Name of the municipality.")
@click.option("--mayor", help="Name of the mayor.")
@click.option("--account", help="The municipality's social-media account.")
def monitor_query(subject: str, **names: str | None) -> None:
    """Build the broad social-media search query of asiel-2021 §8.2, ready to paste.

    \b
    Example:
      bijeenkomstwijzer monitor-query --place Enschede --street "Hengelosestraat" --mayor "Van Dijk"
    """
    from facts.vocab import Subject
    from kb.monitor import monitor_query as build_query
    try:
        click.echo(build_query(Subject(subject), **names))
    except ValueError as exc:
        fail(f"monitor-query: {exc}")


@main.command()
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
    _emit(fmt, report, lambda: verify_text(report, samples))
    sys.exit(EXIT_OK if report["ok"] else EXIT_EXPECT)


@main.command()
def schema() -> None:
    """Print the JSON Schema (Draft 2020-12) of a scenario file, generated from the model."""
    from facts.schema import json_schema
    click.echo(json.dumps(json_schema(), ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
