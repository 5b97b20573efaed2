"""What every command shares: exit codes, one-line errors, the shared options, reading a
scenario and running the rules."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

EXIT_OK, EXIT_EXPECT, EXIT_INPUT, EXIT_INTERNAL = 0, 1, 2, 3
EXIT_INTERRUPTED = 130
LANG_ENV = "BIJEENKOMSTWIJZER_LANG"


def fail(message: str, code: int = EXIT_INPUT) -> None:
    """One line on stderr and exit: no traceback. The line is made safe for a terminal
    (render.safe.one_line), so text from input cannot fake another line or send escapes."""
    from render.safe import one_line
    try:
        click.echo(f"bijeenkomstwijzer: {one_line(message)}", err=True)
    except (OSError, ValueError):
        pass  # stderr closed or full: the exit code still tells
    sys.exit(code)


lang_option = click.option("-l", "--lang", type=click.Choice(["nl", "en"]), default="nl", show_default=True,
                           envvar=LANG_ENV, help=f"Language of the output (also from ${LANG_ENV}).")

out_option = click.option("-o", "--out", type=click.Path(dir_okay=False), default=None, metavar="FILE",
                          help="Write the output to FILE (atomically) instead of stdout.")


from facts.files import Interrupted  # noqa: E402,F401  (SIGTERM/SIGHUP as an exception; one class)


def write_output(out: str | None, data: str | bytes, *, inputs=()) -> None:
    """Print ``data`` to stdout when no ``-o/--out`` is given; otherwise write it atomically
    with ``facts.files.safe_write`` (str or bytes; an unsafe target is one line and exit 2)."""
    if out is None:
        if isinstance(data, bytes):
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
        else:
            click.echo(data, nl=not data.endswith("\n"))
        return
    from facts.files import OutputError, safe_write
    try:
        safe_write(out, data, inputs=inputs)
    except OutputError as exc:
        fail(exc.line())


def emit(fmt: str, data: Any, text, out: str | None = None) -> None:
    """Print ``data`` as canonical JSON, or what ``text()`` renders for people; with ``out``
    (-o/--out) write it there atomically instead."""
    from plan.build import to_json
    write_output(out, to_json(data) if fmt == "json" else text())


def format_option(*choices: str, default: str = "text"):
    return click.option("-f", "--format", "fmt", type=click.Choice(choices), default=default, show_default=True,
                        help="Output format.")



def load_scenario(file: str):
    """The scenario in FILE ('-': standard input), or one line and exit 2."""
    from facts.loader import InputError, load_one, load_stdin
    try:
        if file == "-":
            return load_stdin()
        if not file.strip():  # Path("") is "."
            raise InputError("''", "an empty file name; give the path of a scenario file")
        return load_one(Path(file))
    except InputError as exc:
        fail(exc.line())


def evaluate(scenario):
    """Run the rules once; a loop or a broken rule contract is one line and exit 3."""
    from rules.base import RuleContractError, RuleLoopError
    from rules.engine import evaluate
    try:
        return evaluate(scenario)
    except (RuleLoopError, RuleContractError) as exc:
        fail(f"{scenario.name}: the rules could not finish: {exc}", EXIT_INTERNAL)


def set_values(pairs: tuple[str, ...], where: str) -> dict[str, Any]:
    from analysis.compare import parse_assignment
    from facts.loader import InputError
    out = {}
    for pair in pairs:
        try:
            field, value = parse_assignment(pair, where)
        except InputError as exc:
            fail(exc.line())
        out[field] = value
    return out
