"""The trainer's commands: explain (HOW and WHY NOT), whatif, sweep and sensitivity."""
from __future__ import annotations

import click

from commands.common import (
    fail,
    format_option,
    lang_option,
    load_scenario,
    out_option,
    set_values,
    write_output,
)


def _show(fmt: str, data, text, out: str | None, file: str) -> None:
    """JSON (canonical) or the rendered text/Markdown, to stdout or atomically to -o FILE."""
    from plan.build import to_json
    write_output(out, to_json(data) if fmt == "json" else text(), inputs=(file,) if file != "-" else ())


@click.command()
@click.argument("file")
@click.option("--id", "only", metavar="ID",
              help="Only this decision (meeting_type, police_visibility, risk_level) or entry id; "
                   "for an entry that was not advised: why not, and the smallest change that gives it.")
@format_option("text", "markdown", "json")
@lang_option
@out_option
def explain(file: str, only: str | None, fmt: str, lang: str, out: str | None) -> None:
    """HOW: for each decision and recommendation, the rule that fired, the facts it matched
    and, for derived facts, their own derivation down to the input fields, each step cited.
    WHY NOT: with --id for an entry that was not advised, the rules that could give it, the
    condition each missed (the fact it saw, the value it needed) and the smallest change to
    the scenario that gives it, confirmed by running the rules.

    \b
    Examples:
      bijeenkomstwijzer explain examples/azc-informatiemarkt.yaml --id setup.information_market
      bijeenkomstwijzer explain examples/azc-informatiemarkt.yaml --id setup.sounding_board_group
      bijeenkomstwijzer explain examples/azc-demonstratie.yaml --id police_visibility -f json
      bijeenkomstwijzer explain examples/azc-informatiemarkt.yaml -f markdown -l en -o uitleg.md
    """
    import kb as knowledge
    from analysis.explain import explain as build
    from analysis.explain import why_not
    from render.trainer import explain_text, why_not_text
    scenario = load_scenario(file)
    try:
        trees = build(scenario, lang, only)
    except KeyError:
        if only not in knowledge.load().entries:
            fail(f"{file}: --id: {only!r} is not a decision or a knowledge-base entry "
                 "(see 'bijeenkomstwijzer kb list')")
        result = why_not(scenario, only, lang)
        _show(fmt, result, lambda: why_not_text(result, lang, fmt), out, file)
        return
    _show(fmt, trees, lambda: explain_text(trees, lang, fmt), out, file)


@click.command()
@click.argument("file")
@click.option("--set", "pairs", multiple=True, required=True, metavar="FIELD=VALUE",
              help="A changed input; repeat for several.")
@format_option("text", "markdown", "json")
@lang_option
@out_option
def whatif(file: str, pairs: tuple[str, ...], fmt: str, lang: str, out: str | None) -> None:
    """Run the scenario and a changed one side by side: decisions before and after, and the
    advice (recommendations, trade-offs, warnings) that appears or disappears, by topic.

    \b
    Examples:
      bijeenkomstwijzer whatif examples/azc-informatiemarkt.yaml --set existing_protest=disorder
      bijeenkomstwijzer whatif examples/azc-informatiemarkt.yaml --set expected_visitors=40 --set trust_in_government=low
      bijeenkomstwijzer whatif examples/azc-informatiemarkt.yaml --set expected_visitors=400 -f markdown -o wat-als.md
    """
    from analysis.compare import whatif as compare
    from facts.loader import InputError
    from render.trainer import whatif_text
    scenario = load_scenario(file)
    try:
        result = compare(scenario, set_values(pairs, "--set"), lang)
    except InputError as exc:
        fail(exc.line())
    _show(fmt, result, lambda: whatif_text(result, lang, fmt), out, file)


@click.command()
@click.argument("file")
@click.option("--vary", multiple=True, required=True, metavar="FIELD[=V1,V2,...]",
              help="A field to vary (all values of an enumerated field when none are given; for "
                   "expected_visitors the thresholds in kb/parameters.yaml); at most two.")
@click.option("--ids", default="", metavar="ID,...", help="Also show whether these entries are advised.")
@format_option("text", "markdown", "json", "csv")
@lang_option
@out_option
def sweep(file: str, vary: tuple[str, ...], ids: str, fmt: str, lang: str, out: str | None) -> None:
    """The decisions for every value of one field (the scenario's own value marked *), or a
    matrix for two. Varying expected_visitors without values walks the thresholds that matter
    and lists the setup advice that changes at each step.

    \b
    Examples:
      bijeenkomstwijzer sweep examples/azc-informatiemarkt.yaml --vary existing_protest
      bijeenkomstwijzer sweep examples/azc-informatiemarkt.yaml --vary expected_visitors
      bijeenkomstwijzer sweep examples/azc-informatiemarkt.yaml --vary existing_protest --vary trust_in_government
      bijeenkomstwijzer sweep examples/azc-informatiemarkt.yaml --vary expected_visitors=40,150,400 --ids setup.information_market
      bijeenkomstwijzer sweep examples/azc-informatiemarkt.yaml --vary area -f csv -o verloop.csv
    """
    import kb as knowledge
    from analysis.compare import (
        check_field,
        parse_assignment,
        threshold_ranges,
        values_of,
    )
    from analysis.compare import sweep as run_sweep
    from facts.loader import InputError
    from plan.build import to_json
    from render.trainer import sweep_csv, sweep_text
    if len(vary) > 2:
        fail("sweep: --vary: at most two fields")
    scenario = load_scenario(file)
    plan = []
    ranges = None
    try:
        for item in vary:
            field, sep, raw = item.partition("=")
            field = field.strip()
            check_field(field, "--vary")
            if field in [f for f, _ in plan]:
                raise InputError("--vary", "this field is given twice; vary two different fields", field)
            if not sep:
                plan.append((field, values_of(field)))
                if field == "expected_visitors" and len(vary) == 1:
                    ranges = threshold_ranges(plan[-1][1])
            else:
                plan.append((field, [parse_assignment(f"{field}={v}", "--vary")[1] for v in raw.split(",")]))
        wanted = [i.strip() for i in ids.split(",") if i.strip()]
        for i in wanted:
            if i not in knowledge.load().entries:
                raise InputError("--ids", "unknown entry id", i)
        steps = ("setup" if plan[0][0] == "expected_visitors" else "all") if len(plan) == 1 else None
        rows = run_sweep(scenario, plan, wanted, steps=steps, lang=lang)
    except InputError as exc:
        fail(exc.line())
    current = scenario.model_dump(mode="json")
    if fmt == "json":
        data = to_json({"vary": [f for f, _ in plan], "current": {f: current[f] for f, _ in plan},
                        **({"ranges": ranges} if ranges else {}), "rows": rows})
    elif fmt == "csv":
        data = sweep_csv(plan, rows)
    else:
        data = sweep_text(plan, rows, lang, fmt, current, ranges)
    write_output(out, data, inputs=(file,) if file != "-" else ())


@click.command()
@click.argument("file")
@format_option("text", "markdown", "json")
@lang_option
@out_option
def sensitivity(file: str, fmt: str, lang: str, out: str | None) -> None:
    """Counterfactuals: which other values of each field would change a decision, and the
    smallest set of changes (one or two fields) that flips each decision to each other value.

    \b
    Examples:
      bijeenkomstwijzer sensitivity examples/azc-informatiemarkt.yaml
      bijeenkomstwijzer sensitivity examples/azc-informatiemarkt.yaml -l en -f markdown -o gevoeligheid.md
    """
    from analysis.compare import sensitivity as run
    from render.trainer import sensitivity_text
    result = run(load_scenario(file))
    _show(fmt, result["flips"], lambda: sensitivity_text(result, lang, fmt), out, file)
