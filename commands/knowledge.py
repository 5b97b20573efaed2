"""Commands that look into the knowledge: kb (export, list, show, sources, coverage), rules list and monitor-query."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from commands.common import (EXIT_EXPECT, EXIT_INPUT, emit, fail,
                             format_option, lang_option)


@click.group()
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
    emit(fmt, items, lambda: entries_text(items, lang))


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
    emit(fmt, item, lambda: entry_text(item, lang))


@kb.command("sources")
@format_option("text", "json")
def kb_sources(fmt: str) -> None:
    """The five guides with their sections (actionable ones marked *)."""
    from analysis.knowledge import sources
    from render.knowledge import sources_text
    items = sources()
    emit(fmt, items, lambda: sources_text(items))


@kb.command("coverage")
@click.argument("paths", nargs=-1)
@format_option("text", "json")
def kb_coverage(paths: tuple[str, ...], fmt: str) -> None:
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
    emit(fmt, report, lambda: coverage_text(report))
    for line in report["invalid"]:
        click.echo(f"bijeenkomstwijzer: kb coverage: {one_line(line)}", err=True)
    if report["invalid"]:
        sys.exit(EXIT_INPUT)
    if report["unfired_entries"] or report["unfired_rules"]:
        sys.exit(EXIT_EXPECT)


@click.group("rules")
def rules_group() -> None:
    """Look into the rules."""


@rules_group.command("list")
@format_option("text", "json")
def rules_list(fmt: str) -> None:
    """Every rule with its area, docstring, sources and what it emits or concludes."""
    from analysis.knowledge import rule_list
    from render.knowledge import rules_text
    items = rule_list()
    emit(fmt, items, lambda: rules_text(items))


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
