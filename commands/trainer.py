"""The trainer's commands: explain, whatif, sweep and sensitivity."""
from __future__ import annotations


import click

from commands.common import (emit, fail,
                             format_option, lang_option, load_scenario, set_values)


@click.command()
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
    scenario = load_scenario(file)
    try:
        trees = build(scenario, lang, only)
    except KeyError:
        fail(f"{file}: --id: {only!r} is not a decision or an entry advised for this scenario")
    emit(fmt, trees, lambda: to_text(trees))


@click.command()
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
    scenario = load_scenario(file)
    from facts.loader import InputError
    try:
        result = compare(scenario, set_values(pairs, "--set"), lang)
    except InputError as exc:
        fail(exc.line())
    emit(fmt, result, lambda: whatif_text(result, lang))


@click.command()
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
    scenario = load_scenario(file)
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


@click.command()
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
    result = run(load_scenario(file))
    emit(fmt, result["flips"], lambda: sensitivity_text(result))
