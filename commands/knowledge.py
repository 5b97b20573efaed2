"""Commands that look into the knowledge: kb (export, list, show, sources, coverage), rules list and monitor-query."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from commands.common import (
    EXIT_EXPECT,
    EXIT_INPUT,
    emit,
    fail,
    format_option,
    lang_option,
    out_option,
    write_output,
)


def _show(fmt: str, data, text, out: str | None) -> None:
    """JSON (canonical) or the rendered view, to stdout or atomically to -o FILE."""
    from plan.build import to_json
    write_output(out, to_json(data) if fmt == "json" else text())


@click.group()
def kb() -> None:
    """Look into the knowledge base: export, list, show, sources, coverage.

    \b
    Examples:
      bijeenkomstwijzer kb list -l en
      bijeenkomstwijzer kb show setup.information_market
      bijeenkomstwijzer kb export -f json -o kb.json
    """


@kb.command("export")
@format_option("json", default="json")
@out_option
def kb_export(fmt: str, out: str | None) -> None:
    """Every knowledge-base entry with its texts, citations and the rules that emit it.

    \b
    Examples:
      bijeenkomstwijzer kb export --format json | python3 ../shared/tools/check_citations.py - --coverage
      bijeenkomstwijzer kb export -o kb.json
    """
    from analysis.knowledge import export
    _show("json", export(), None, out)


@kb.command("list")
@click.option("--category", type=click.Choice(["meeting_type", "setup", "police", "security", "escalation",
                                               "communication", "process", "aftercare"]), help="Only this category.")
@format_option("text", "markdown", "json")
@lang_option
@out_option
def kb_list(category: str | None, fmt: str, lang: str, out: str | None) -> None:
    """List the entries (id, kind, title, cited sections), in the chosen language.

    \b
    Examples:
      bijeenkomstwijzer kb list --category security
      bijeenkomstwijzer kb list -l en -f markdown -o kennisbank.md
    """
    from analysis.knowledge import entry_list
    from render.knowledge import entries_text
    items = entry_list(category)
    _show(fmt, items, lambda: entries_text(items, lang, fmt), out)


@kb.command("show")
@click.argument("entry_id")
@format_option("text", "markdown", "json")
@lang_option
@out_option
def kb_show(entry_id: str, fmt: str, lang: str, out: str | None) -> None:
    """Show one entry: texts, citations and the rules that emit it.

    \b
    Examples:
      bijeenkomstwijzer kb show setup.information_market --lang en
      bijeenkomstwijzer kb show setup.information_market -f json
    """
    from analysis.knowledge import export
    from render.knowledge import entry_text
    item = next((i for i in export() if i["id"] == entry_id), None)
    if item is None:
        fail(f"kb show: no entry {entry_id!r} (see 'bijeenkomstwijzer kb list')")
    _show(fmt, item, lambda: entry_text(item, lang, fmt), out)


@kb.command("sources")
@format_option("text", "json")
@out_option
def kb_sources(fmt: str, out: str | None) -> None:
    """The five guides with their sections (actionable ones marked *).

    \b
    Examples:
      bijeenkomstwijzer kb sources
      bijeenkomstwijzer kb sources -f json -o bronnen.json
    """
    from analysis.knowledge import sources
    from render.knowledge import sources_text
    items = sources()
    _show(fmt, items, lambda: sources_text(items), out)


@kb.command("coverage")
@click.argument("paths", nargs=-1)
@format_option("text", "json")
@out_option
def kb_coverage(paths: tuple[str, ...], fmt: str, out: str | None) -> None:
    """Run every scenario in PATHS (default: the examples/ and tests/cases/ that come with
    the program, from any directory) and report the entries and rules that no scenario fires.
    A file that is not a valid scenario, an empty folder or a pattern that matches nothing is
    named on stderr, and the exit code is 2; unfired entries or rules give exit 1.

    \b
    Example:
      bijeenkomstwijzer kb coverage --format json
      bijeenkomstwijzer kb coverage mijn-oefeningen/
    """
    from analysis.knowledge import coverage
    from render.knowledge import coverage_text
    from render.safe import one_line
    if not paths:
        root = Path(__file__).resolve().parent.parent
        paths = tuple(str(root / p) for p in ("examples", "tests/cases") if (root / p).is_dir())
        if not paths:
            fail("kb coverage: the examples/ and tests/cases/ of the program are not installed; give PATHS")
    report = coverage(paths)
    emit(fmt, report, lambda: coverage_text(report), out)
    for line in report["invalid"]:
        click.echo(f"bijeenkomstwijzer: kb coverage: {one_line(line)}", err=True)
    if report["invalid"]:
        sys.exit(EXIT_INPUT)
    if report["unfired_entries"] or report["unfired_rules"]:
        sys.exit(EXIT_EXPECT)


@click.group("rules")
def rules_group() -> None:
    """Look into the rules.

    \b
    Example:
      bijeenkomstwijzer rules list
    """


@rules_group.command("list")
@format_option("text", "json")
@out_option
def rules_list(fmt: str, out: str | None) -> None:
    """Every rule with its area, docstring, sources and what it emits or concludes (the
    rules' docstrings are English).

    \b
    Examples:
      bijeenkomstwijzer rules list
      bijeenkomstwijzer rules list -f json -o regels.json
    """
    from analysis.knowledge import rule_list
    from render.knowledge import rules_text
    items = rule_list()
    _show(fmt, items, lambda: rules_text(items), out)


@click.command("monitor-query")
@click.option("--subject", type=click.Choice(["asylum_reception", "status_holder_housing", "labour_migrant_housing"]),
              default="asylum_reception", show_default=True, help="Whose terms to search for.")
@click.option("--place", help="Place name (plaatsnaam).")
@click.option("--location", help="The reception or housing location (opvanglocatie).")
@click.option("--street", help="Street name.")
@click.option("--nickname", help="Nickname of the place.")
@click.option("--municipality", help="Name of the municipality.")
@click.option("--mayor", help="Name of the mayor.")
@click.option("--account", help="The municipality's social-media account.")
@out_option
def monitor_query(subject: str, out: str | None, **names: str | None) -> None:
    """Build the broad social-media search query of asiel-2021 §8.2, ready to paste.

    \b
    Examples:
      bijeenkomstwijzer monitor-query --place Enschede --street "Hengelosestraat" --mayor "Van Dijk"
      bijeenkomstwijzer monitor-query --place Enschede -o zoekopdracht.txt
    """
    from facts.vocab import Subject
    from kb.monitor import monitor_query as build_query
    try:
        query = build_query(Subject(subject), **names)
    except ValueError as exc:
        fail(f"monitor-query: {exc}")
    write_output(out, query + "\n")
