"""The advice commands: advise (a file or the interview) and schema."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from commands.common import (evaluate, fail,
                             format_option, lang_option, load_scenario)


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


@click.command()
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
        scenario = load_scenario(file)
    from plan.build import build
    outcome = evaluate(scenario)
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


@click.command()
def schema() -> None:
    """Print the JSON Schema (Draft 2020-12) of a scenario file, generated from the model."""
    from facts.schema import json_schema
    click.echo(json.dumps(json_schema(), ensure_ascii=False, indent=2))
