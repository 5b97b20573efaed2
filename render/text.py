"""The advice as plain text for a terminal: decisions, summary and action list (80 columns); --detail adds every recommendation with its sources.

Free text from the input goes through ``plain``/``one_line``: no terminal escape reaches the screen.
"""
from __future__ import annotations

import shutil
import textwrap

from tabulate import tabulate

from facts.vocab import Category
from plan.document import AdviceDocument
from render.common import (
    action_groups,
    cite_line,
    moment_heading,
    owner_label,
    priority_label,
    situation,
)
from render.labels import label
from render.memo import tradeoff_lines
from render.safe import one_line


def terminal_width() -> int:
    """The terminal's width (80 when unknown), at least 60 and at most 120."""
    return max(60, min(120, shutil.get_terminal_size((80, 24)).columns))


def _wrap(text: str, width: int, indent: str = "", first: str | None = None) -> list[str]:
    return textwrap.wrap(text, width, initial_indent=indent if first is None else first,
                         subsequent_indent=indent, break_long_words=True, break_on_hyphens=False) or [indent]


def _heading(text: str) -> list[str]:
    return ["", f"== {text} =="]


def summary_text(doc: AdviceDocument, width: int) -> list[str]:
    lang = doc.lang
    out = [f"{label(lang, 'advice_for')}: {one_line(doc.scenario.get('name') or '-')}"]
    out += _wrap(" · ".join(f"{k}: {v}" for k, v in situation(doc)), width)
    out += _heading(label(lang, "decisions"))
    name_w = max(len(label(lang, d)) for d in ("meeting_type", "police_visibility", "risk_level")) + 2
    for d in doc.summary.decisions:
        head = f"{label(lang, d.decision):<{name_w}}"
        out += _wrap(d.label, width, " " * name_w, head)
        out += _wrap(d.reason, width, " " * (name_w + 2))
    out += _heading(label(lang, "summary_essentials"))
    for n, rid in enumerate(doc.summary.essentials, 1):
        r = doc.item(rid)
        out += _wrap(f"{r.title} – {owner_label(lang, r.owner)}", width, "    ", f"{n:>2}. ")
    out += _heading(label(lang, "warnings"))
    out += [label(lang, "none")] if not doc.warnings else []
    for w in doc.warnings:
        out += _wrap(f"{w.title}: {w.text}", width, "  ", "* ")
    out += _heading(label(lang, "tradeoffs"))
    out += [label(lang, "none")] if not doc.tradeoffs else []
    for t in doc.tradeoffs:
        out += _wrap(f"{t.title}: {t.text}", width, "  ", "* ")
        for line in tradeoff_lines(t, doc):
            out += _wrap(line, width, "    ", "  - ")
    if doc.runbook:
        out += _heading(label(lang, "runbook"))
        for s in doc.runbook:
            out += _wrap(f"{s.title}: {s.description}", width, "  ", "* ")
    return out


def actions_text(doc: AdviceDocument, width: int) -> list[str]:
    lang = doc.lang
    out = _heading(label(lang, "actions"))
    prio_w = max(len(priority_label(lang, p)) for p in ("essential", "recommended", "optional")) + 2
    for moment, items in action_groups(doc):
        out += ["", moment_heading(lang, moment)]
        for r in items:
            first = f"  {priority_label(lang, r.priority):<{prio_w}}"
            text = f"{r.title} – {owner_label(lang, r.owner)}"
            out += _wrap(text, width, " " * len(first), first)
    return out


def detail_text(doc: AdviceDocument, width: int) -> list[str]:
    """Every recommendation with its rationale and sources, by category (the full listing)."""
    lang = doc.lang
    out = []
    col = max(18, (width - 10) // 3)
    for category in Category:
        items = [r for r in doc.recommendations if r.category == category]
        if not items:
            continue
        out += _heading(label(lang, "category." + category.value))
        rows = []
        for r in items:
            cites = "\n".join("\n".join(textwrap.wrap(cite_line(c.model_dump()), col)) for c in r.citations)
            rows.append(["\n".join(textwrap.wrap(f"{r.title}: {r.text}", col)),
                         "\n".join(textwrap.wrap(r.rationale, col)), cites])
        out.append(tabulate(rows, headers=[label(lang, "advice"), label(lang, "why"), label(lang, "source")],
                            tablefmt="grid"))
    for key in ("tradeoffs", "warnings"):
        out += _heading(label(lang, key) + " – " + label(lang, "sources").lower())
        if not getattr(doc, key):
            out.append(label(lang, "none"))
        for item in getattr(doc, key):
            out += _wrap(f"{item.title}", width, "  ", "* ")
            for c in item.citations:
                out += _wrap(cite_line(c.model_dump()), width, "    ", "  - ")
    if doc.runbook:
        out += _heading(label(lang, "runbook"))
        for s in doc.runbook:
            out += ["", s.title]
            out += _wrap(s.description, width, "  ")
            for key in ("prevention", "response", "attention", "social_media"):
                out.append(f"  {label(lang, 'runbook.' + key)}:")
                for t in getattr(s, key):
                    out += _wrap(t, width, "      ", "    - ")
            out.append(f"  {label(lang, 'runbook.roles')}")
            for role in s.roles:
                out += _wrap(f"{owner_label(lang, role.owner)}: {role.task}", width, "      ", "    - ")
            for c in s.citations:
                out += _wrap(cite_line(c.model_dump()), width, "      ", "    - ")
    return out


def to_text(doc: AdviceDocument, detail: bool = False, width: int | None = None) -> str:
    """Decisions, summary and action list; with ``detail`` also every recommendation with its sources."""
    width = width or terminal_width()
    out = summary_text(doc, width) + actions_text(doc, width)
    if detail:
        out += detail_text(doc, width)
    return "\n".join(out) + "\n"

