"""The advice commands: advise (a file or the interview) and schema."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from commands.common import (
    EXIT_INTERRUPTED,
    evaluate,
    fail,
    format_option,
    lang_option,
    load_scenario,
    out_option,
    write_output,
)


def _render(scenario, outcome, fmt: str, lang: str, detail: bool = False) -> str | bytes:
    """The advice document in one format: JSON, text, or the memo (Markdown, HTML, Word)."""
    from plan.build import build_document, memo_context
    if fmt == "json":
        return build_document(scenario, lang, outcome).to_json()
    if fmt == "text":
        from render.text import to_text
        return to_text(build_document(scenario, lang, outcome), detail=detail)
    from render import memo
    doc, ctx = memo_context(scenario, lang, outcome)
    if fmt == "docx":
        from render.word import to_docx
        return to_docx(doc, ctx)
    markdown = memo.to_markdown(doc, ctx)
    return markdown if fmt == "markdown" else memo.to_html(doc, markdown)


@click.command()
@click.argument("file", required=False)
@format_option("text", "json", "markdown", "html", "docx")
@out_option
@click.option("--detail", is_flag=True, help="Text: also every recommendation with its rationale and sources.")
@lang_option
@click.option("--save", metavar="FILE", help="Interview: write the answers to this scenario file after every question.")
@click.option("--resume", metavar="FILE", help="Interview: continue from the answers in this file (and keep saving there); "
              "answers that do not hold are asked again, the language is remembered.")
@click.option("--force", is_flag=True, help="Interview: let --save/--resume overwrite a file the interview did not write.")
def advise(file: str | None, fmt: str, out: str | None, detail: bool, lang: str, save: str | None,
           resume: str | None, force: bool) -> None:
    """Advise on the scenario in FILE (YAML or JSON; '-' for stdin), or interview
    when no FILE is given.

    \b
    Examples:
      bijeenkomstwijzer advise examples/azc-informatiemarkt.yaml
      bijeenkomstwijzer advise examples/azc-informatiemarkt.yaml --format markdown > memo.md
      bijeenkomstwijzer advise examples/azc-informatiemarkt.yaml --format html > memo.html
      bijeenkomstwijzer advise examples/azc-informatiemarkt.yaml --format docx -o memo.docx
      bijeenkomstwijzer advise examples/azc-informatiemarkt.yaml --detail
      bijeenkomstwijzer advise --save situatie.yaml --lang en
      bijeenkomstwijzer advise --resume situatie.yaml
    """
    if fmt == "docx" and out is None:
        fail("advise: --format docx is a binary Word file and is not written to the terminal; give -o/--out FILE")
    if file is not None and (save is not None or resume is not None or force):
        fail("advise: --save, --resume and --force are for the interview; give no FILE with them")
    closing = None  # the interview's last line: where the answers are, how to make the memo
    if file is None:
        given = click.get_current_context().get_parameter_source("lang") == click.core.ParameterSource.COMMANDLINE
        scenario, lang, closing = _interview(lang, save, resume, force, given)
    else:
        scenario = load_scenario(file)
    outcome = evaluate(scenario)
    inputs = [file] if file and file != "-" else [f for f in (save, resume) if f]  # never -o over the answers
    write_output(out, _render(scenario, outcome, fmt, lang, detail), inputs=inputs)
    if closing:
        click.echo(closing, err=True)


def _interview(lang: str, save: str | None, resume: str | None, force: bool = False,
               lang_given: bool = False):
    """Run the interview with its saving, rescue and final check; return (scenario, language, closing line).

    The answers go to --save (or the --resume file) after every answer; without either they
    are written to a new file at the end (or when the interview stops), whose name the
    closing line gives. SIGTERM and SIGHUP are treated like Ctrl-C: the answers are rescued
    and the exit code is 130."""
    import signal

    from analysis.explain import why
    from commands.common import Interrupted
    from facts.files import OutputError, raise_interrupted
    from facts.loader import InputError, validate
    from interview import (
        interview,
        is_own_save,
        is_plain_answers,
        load_answers,
        msg,
        rescue_file,
        write_answers,
    )
    for option, value in (("--save", save), ("--resume", resume)):
        if value is not None and not value.strip():
            fail(f"advise: {option}: give a file name")
    answers: dict[str, Any] = {}
    refused: dict[str, str] = {}
    if resume:
        try:
            answers, refused, saved_lang = load_answers(Path(resume))
        except InputError as exc:
            fail(exc.line())
        if saved_lang and not lang_given:
            lang = saved_lang
    target = save or resume
    if target and not force and not is_own_save(Path(target)) and not (target == resume and is_plain_answers(Path(target))):
        fail(f"{target}: exists and was not written by the interview; "
             + ("add --save NEW.yaml to keep it, or --force to overwrite it" if target == resume
                else "choose another file, or add --force to overwrite it"))
    progress: dict[str, Any] = dict(answers)
    state = {"target": target}

    def keep(current: dict[str, Any]) -> str:
        """Write the answers where they belong; a rescue file when there is no target."""
        path = state["target"]
        if path is None:
            path = state["target"] = str(rescue_file())
        try:
            write_answers(Path(path), current, lang)
        except OutputError as exc:
            if target is not None or path.startswith(tempfile_dir()):
                fail(exc.line())
            path = state["target"] = str(rescue_file(temporary=True))  # cwd read-only: the temp folder
            try:
                write_answers(Path(path), current, lang)
            except OutputError as again:
                fail(msg(lang, "lost", reason=again.line()))
        return path

    def on_answer(current: dict[str, Any]) -> None:
        progress.clear()
        progress.update(current)
        if target:
            keep(current)

    if target:
        keep(answers)  # fails now, not after twenty answers, when the file cannot be written
    if sys.stdin is None or sys.stdin.closed:
        fail("advise: the interview needs input, but stdin is closed")
    saved = {s: signal.getsignal(s) for s in (signal.SIGTERM, getattr(signal, "SIGHUP", None)) if s}
    try:
        for s in saved:
            signal.signal(s, raise_interrupted)
        answers = interview(lang, answers, on_answer=on_answer, why=why, refused=refused)
    except (click.Abort, EOFError, KeyboardInterrupt, Interrupted):
        for s, handler in saved.items():
            signal.signal(s, handler)
        if not progress and not target:
            fail(msg(lang, "stopped_empty"), EXIT_INTERRUPTED)
        path = keep(progress)
        fail(msg(lang, "stopped", n=len(progress), path=path), EXIT_INTERRUPTED)
    finally:
        for s, handler in saved.items():
            signal.signal(s, handler)
    path = keep(answers)
    try:
        scenario = validate(dict(answers), path, default_name=answers.get("name") or "interview")
    except InputError as exc:
        fail(msg(lang, "refused_final", field=exc.field or "?", reason=exc.message, path=path))
    return scenario, lang, msg(lang, "closing", path=path)


def tempfile_dir() -> str:
    import tempfile
    return tempfile.gettempdir()


@click.command()
@click.option("--output", "of_output", is_flag=True, help="The schema of the advice document (advise --format json) instead.")
@out_option
def schema(of_output: bool, out: str | None) -> None:
    """Print the JSON Schema (Draft 2020-12) of a scenario file, or with --output of the advice
    document; both generated from the models.

    \b
    Examples:
      bijeenkomstwijzer schema > scenario.schema.json
      bijeenkomstwijzer schema --output -o advies.schema.json
    """
    if of_output:
        from plan.document import json_schema
    else:
        from facts.schema import json_schema
    write_output(out, json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n")
