"""The memo a project lead can send: Markdown and self-contained printable HTML, rendered from the advice document.

Order: the summary (page 1), the action list by moment, the scenario plan, the trade-offs, the
advice per topic with numbered references, then the annex (quotes, risk, derivation, what
would change the advice). Before the annex every value is in words, in the memo's language.
Free text from the input (the scenario's name) goes through ``md_escape``, and the HTML keeps
no link, image or other resource it did not make itself.
"""
from __future__ import annotations

import html as _html
import re
from typing import Any

from facts.vocab import Category, Priority
from plan.build import facts_sentence
from plan.document import DECISION_KEYS, AdviceDocument, MemoContext
from render.common import (
    References,
    action_groups,
    first_sentence,
    is_optional,
    long_date,
    moment_heading,
    owner_label,
    priority_label,
    situation,
    source_title,
)
from render.labels import field_label, label, value_label
from render.safe import md_escape, one_line

PAGE_BREAK = '<div class="page-break"></div>'
COLUMNS, END_COLUMNS = '<div class="columns" markdown="1">', "</div>"


def _cell(text: str) -> str:
    """Text inside a Markdown table cell: one line, no pipe that ends the cell."""
    return text.replace("\n", " ").replace("|", "\\|")


def name_of(doc: AdviceDocument) -> str:
    return doc.scenario.get("name") or "-"


def tradeoff_lines(item, doc: AdviceDocument) -> list[str]:
    """What each side of a trade-off gives, and which side the municipality's priority favours."""
    lang = doc.lang

    def name(v):
        return label(lang, "value." + getattr(v, "value", v))

    if item.favoured_by_priority:
        return [f"{label(lang, 'favours').format(value=name(item.favoured_value))}: {item.favoured_gives}",
                f"{label(lang, 'other_choice').format(value=name(item.other_value))}: {item.other_gives}"]
    return [label(lang, "priority_not_at_stake").format(value=name(doc.scenario["priority_value"])),
            f"{label(lang, 'choosing').format(value=name(item.favoured_value))}: {item.favoured_gives}",
            f"{label(lang, 'choosing').format(value=name(item.other_value))}: {item.other_gives}"]


def raised_reason(lang: str, ctx: MemoContext, entry_id: str) -> str:
    r = ctx.raised.get(entry_id)
    if r is None:
        return ""
    facts = facts_sentence(lang, r.because)
    return label(lang, "raised_because").format(facts=facts[:1].lower() + facts[1:] if facts else "")


def _header(doc: AdviceDocument, ctx: MemoContext) -> list[str]:
    lang = doc.lang
    return [f"# {label(lang, 'memo_title')}: {md_escape(name_of(doc))}", "",
            (f"**{label(lang, 'memo_scenario')}:** {md_escape(name_of(doc))} · "
             f"**{label(lang, 'memo_date')}:** {long_date(ctx.date, lang)} · "
             f"**{label(lang, 'memo_version')}:** {ctx.knowledge_version}"), "",
            label(lang, "memo_intro"), ""]


def summary_lines(doc: AdviceDocument, ctx: MemoContext) -> list[str]:
    lang = doc.lang
    out = [f"## {label(lang, 'summary')}", "", f"### {label(lang, 'summary_situation')}", "",
           " · ".join(f"{k}: **{md_escape(v)}**" for k, v in situation(doc)), "",
           f"### {label(lang, 'summary_decisions')}", "",
           f"| {label(lang, 'decision')} | {label(lang, 'value')} | {label(lang, 'why')} |", "|---|---|---|"]
    for d in doc.summary.decisions:
        out.append(f"| {label(lang, d.decision)} | **{_cell(d.label)}** | {_cell(d.reason)} |")
    out += ["", f"### {label(lang, 'summary_essentials')}", ""]
    for n, rid in enumerate(doc.summary.essentials, 1):
        r = doc.item(rid)
        out.append(f"{n}. **{r.title}** – {owner_label(lang, r.owner)}; {moment_heading(lang, r.moment).lower()}")
    if doc.warnings:
        out += ["", f"### {label(lang, 'summary_warnings')}", ""]
        out += [f"- **{w.title}.** {first_sentence(w.text)}" for w in doc.warnings]
    return out


def action_lines(doc: AdviceDocument, ctx: MemoContext) -> list[str]:
    lang = doc.lang
    out = [f"## {label(lang, 'actions')}", "", label(lang, "actions_intro"), "", COLUMNS]
    for moment, items in action_groups(doc):
        main = [r for r in items if not is_optional(r)]
        optional = [r for r in items if is_optional(r)]
        out += ["", f"### {moment_heading(lang, moment)}", ""]
        if main:
            out += [f"| {label(lang, 'action')} | {label(lang, 'owner')} | {label(lang, 'priority')} |",
                    "|---|---|---|"]
            for r in main:
                prio = priority_label(lang, r.priority)
                if r.id in ctx.raised:
                    prio += f" ({label(lang, 'raised_mark')})"
                out.append(f"| {_cell(r.title)} | {owner_label(lang, r.owner)} | {prio} |")
        if optional:
            out += ["", f"*{label(lang, 'actions_optional')}:* "
                    + "; ".join(f"{r.title} ({owner_label(lang, r.owner).lower()})" for r in optional) + "."]
    return out + ["", END_COLUMNS]


def runbook_lines(doc: AdviceDocument, refs: References) -> list[str]:
    lang = doc.lang
    out = [f"## {label(lang, 'runbook')}", ""]
    if not doc.runbook:
        return out + [label(lang, "runbook_none")]
    out += [label(lang, "runbook_intro"), "", COLUMNS]
    for s in doc.runbook:
        out += ["", f"### {s.title} {refs.mark(s.citations)}", "",
                f"**{label(lang, 'runbook.description')}.** {s.description}", ""]
        for key in ("prevention", "response"):
            out.append(f"- **{label(lang, 'runbook.' + key)}:** " + " ".join(_end(t) for t in getattr(s, key)))
        out.append(f"- **{label(lang, 'runbook.roles')}** "
                   + " ".join(f"{owner_label(lang, r.owner)}: {_end(r.task)}" for r in s.roles))
        for key in ("attention", "social_media"):
            out.append(f"- **{label(lang, 'runbook.' + key)}:** " + " ".join(_end(t) for t in getattr(s, key)))
    return out + ["", END_COLUMNS]


def _end(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else text + "."


def tradeoff_section(doc: AdviceDocument, refs: References) -> list[str]:
    if not doc.tradeoffs:
        return []
    out = [f"## {label(doc.lang, 'tradeoffs')}", ""]
    for t in doc.tradeoffs:
        out.append(f"- **{t.title}.** {t.text} {refs.mark(t.citations)}")
        out.append("    " + " ".join(tradeoff_lines(t, doc)))
    return out


def topic_lines(doc: AdviceDocument, ctx: MemoContext, refs: References, level: int = 0) -> list[str]:
    """The advice by category; ``level`` 0 gives every text, 1 the first sentence of each,
    2 keeps the short rationale for essentials only, 3 gives only the essentials' words and
    lists the others by title (optional items: one line each), 4 lists the non-essentials in one
    paragraph per category, 5 gives the essentials only (the rest is in the action list)."""
    lang = doc.lang
    out = [f"## {label(lang, 'recommendations')} – {label(lang, 'topics').lower()}", "", COLUMNS]
    for category in Category:
        items = [r for r in doc.recommendations if r.category == category]
        if not items:
            continue
        out += ["", f"### {label(lang, 'category.' + category.value)}", ""]
        if level >= 4:
            main = [r for r in items if Priority(r.priority) == Priority.essential]
            rest = [r for r in items if Priority(r.priority) != Priority.essential]
            for r in sorted(main, key=lambda r: r.id):
                reason = raised_reason(lang, ctx, r.id)
                out.append(f"- **{r.title}.** {first_sentence(r.text)} *{first_sentence(r.rationale)}*"
                           f"{' ' + reason if reason else ''} {refs.mark(r.citations)}")
            if rest and level == 4:
                out += ["", f"*{label(lang, 'actions_optional')}:* " + "; ".join(
                    f"{r.title} {refs.mark(r.citations)}" for r in sorted(rest, key=lambda r: (-Priority(r.priority).rank, r.id))) + "."]
            continue
        for r in sorted(items, key=lambda r: (-Priority(r.priority).rank, r.id)):
            essential = Priority(r.priority) == Priority.essential
            if is_optional(r) or (level >= 3 and not essential):
                out.append(f"- *{r.title}.* {refs.mark(r.citations)}" if level >= 2 else
                           f"- *{r.title}.* {first_sentence(r.text)} {refs.mark(r.citations)}")
                continue
            text = r.text if level == 0 else first_sentence(r.text)
            why = first_sentence(r.rationale) if level < 2 or essential else ""
            reason = raised_reason(lang, ctx, r.id)
            extra = "".join(f" {x}" for x in (f"*{why}*" if why else "", reason) if x)
            out.append(f"- **{r.title}.** {text}{extra} {refs.mark(r.citations)}")
    return out + ["", END_COLUMNS]


#: What fits before the annex, in characters of memo text (calibrated on the examples with
#: headless Chromium, A4, 8.5 pt; tests/test_memo.py checks the page count).
BUDGET = 24_000


def _level(doc: AdviceDocument, ctx: MemoContext) -> int:
    """The richest level of the advice per topic that keeps the memo before the annex within budget."""
    fixed = sum(len(line) for line in summary_lines(doc, ctx) + action_lines(doc, ctx)
                + runbook_lines(doc, References()) + tradeoff_section(doc, References()))
    for level in (0, 1, 2, 3, 4):
        if fixed + sum(map(len, topic_lines(doc, ctx, References(), level))) <= BUDGET:
            return level
    return 5


def _plain(lang: str, field: str, value: Any) -> str:
    return value_label(lang, field, value)


def annex_lines(doc: AdviceDocument, ctx: MemoContext, refs: References) -> list[str]:
    lang = doc.lang
    out = [f"## {label(lang, 'annex')}", "", f"### {label(lang, 'sources')}: {label(lang, 'annex_quotes').lower()}", ""]
    for n, title, publisher, section in refs.listing():
        quotes = " ".join(f"\u201c{q}\u201d" for q in refs.quotes[n])
        out.append(f"{n}. *{title}* ({publisher}), §{section}: {quotes}")
    if ctx.risk:
        out += ["", f"### {label(lang, 'annex_risk')}", "", risk_table(lang, ctx.risk)]
    derivation = []
    for tree in ctx.trees:
        if tree["id"] in DECISION_KEYS:
            derivation.append("- " + label(lang, "derivation_line").format(
                decision=label(lang, tree["id"]), value=tree["value"], rule=tree["rule"], because=_short(lang, tree)))
            for c in tree["citations"][:1]:
                derivation.append(f"    - *{source_title(c['source'])}*, §{c['section']}: \u201c{c['quote']}\u201d")
    if derivation:
        out += ["", f"### {label(lang, 'derivation')}", ""] + derivation
    if ctx.flips:
        out += ["", f"### {label(lang, 'what_changes')}", "", label(lang, "what_changes_intro"), ""]
        for f in ctx.flips:
            what = f" {label(lang, 'and')} ".join(f"`{k}` = {_code(v)}" for k, v in f["changes"].items())
            out.append(f"- {label(lang, f['decision'])}: {f['from']} \u2192 **{f['to']}** — {what}")
    return out


def risk_table(lang: str, risk: dict[str, Any]) -> str:
    rows = [f"| {label(lang, 'risk_factor')} | {label(lang, 'value')} | {label(lang, 'risk_points')} |",
            "|---|---|---|"]
    for f in risk.get("factors", []):  # rules.assessment.risk_breakdown: a list of factor rows
        name = f["factor"]
        rows.append(f"| {field_label(lang, name)} | {_plain(lang, name, _bool(f['value']))} | {f['points']} |")
    rows.append(f"| **{label(lang, 'risk_total')}** | | **{risk.get('score', 0)}** |")
    lines = ["\n".join(rows), ""]
    thresholds = risk.get("thresholds", {})
    if thresholds:
        lines.append(f"{label(lang, 'risk_thresholds')}: " + ", ".join(
            f"{value_label(lang, 'risk_level', k)} \u2265 {v}" for k, v in thresholds.items()) + ".")
    for f in risk.get("floors", []) or []:
        if isinstance(f, dict):
            lines.append("- " + label(lang, "risk_floor_line").format(
                field=field_label(lang, f.get("factor", "")), value=_plain(lang, f.get("factor", ""), _bool(f.get("value"))),
                level=value_label(lang, "risk_level", f.get("level", ""))))
    for c in risk.get("caps", []) or []:
        lines.append("- " + label(lang, "risk_cap_line").format(text=c["label"][lang]))
    if risk.get("note", {}).get(lang):
        lines.append("")
        lines.append(risk["note"][lang])
    return "\n".join(lines)


def _bool(value: Any) -> Any:
    return {"true": True, "false": False}.get(value, value) if isinstance(value, str) else value


def _code(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(map(str, value)) or "-"
    return str(value).lower() if isinstance(value, bool) else str(value)


def _short(lang: str, node: dict[str, Any]) -> str:
    parts = []
    for child in node["because"]:
        if "field" in child:
            parts.append(f"`{child['field']}` = {_code(child['value'])}")
        else:
            parts.append(f"`{child['id']}` = {child['value']} ({_short(lang, child)})")
    return f" {label(lang, 'and')} ".join(parts)


def to_markdown(doc: AdviceDocument, ctx: MemoContext) -> str:
    """The memo in Markdown (page breaks as HTML blocks, which the HTML memo prints)."""
    refs = References()
    out = _header(doc, ctx) + summary_lines(doc, ctx)
    out += ["", PAGE_BREAK, ""] + action_lines(doc, ctx)
    out += [""] + runbook_lines(doc, refs)
    trade = tradeoff_section(doc, refs)
    if trade:
        out += [""] + trade
    out += [""] + topic_lines(doc, ctx, refs, level=_level(doc, ctx))
    out += ["", PAGE_BREAK, ""] + annex_lines(doc, ctx, refs)
    return "\n".join(out) + "\n"


HTML_STYLE = """
body { font-family: 'DejaVu Sans', Arial, sans-serif; max-width: 50em; margin: 2em auto; padding: 0 1em;
       line-height: 1.3; color: #111; font-size: 10.5pt; }
h1 { font-size: 1.45em; border-bottom: 2px solid #333; padding-bottom: .15em; margin: 0 0 .4em; }
h2 { font-size: 1.2em; margin: 1.1em 0 .4em; border-bottom: 1px solid #999; }
h3 { font-size: 1.02em; margin: .8em 0 .3em; }
p { margin: .35em 0; }
table { border-collapse: collapse; margin: .4em 0; width: 100%; }
th, td { border: 1px solid #aaa; padding: .12em .45em; text-align: left; vertical-align: top; }
code { font-family: 'DejaVu Sans Mono', monospace; font-size: .88em; }
ul, ol { margin: .3em 0; padding-left: 1.5em; }
li { margin: .12em 0; }
li li { color: #333; }
.page-break { break-before: page; page-break-before: always; }
.columns { column-count: 2; column-gap: 1.4em; }
.columns h3 { break-after: avoid; }
.columns table { font-size: .95em; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 8.5pt; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  tr { break-inside: avoid; page-break-inside: avoid; }
}
@page { size: A4; margin: 12mm 12mm; }
"""

_SAFE_HREF = re.compile(r"^#[\w.-]*$")
_TAG_A = re.compile(r"<a\b[^>]*>|</a>", re.IGNORECASE)
_HREF = re.compile(r"""\bhref\s*=\s*("([^"]*)"|'([^']*)')""", re.IGNORECASE)
_RESOURCE = re.compile(r"<(img|script|iframe|object|embed|link|video|audio|source|svg|style)\b[^>]*>(?:</\1>)?",
                       re.IGNORECASE)


def sanitize(body: str) -> str:
    """Keep no link but to this page itself and no element that loads a resource."""
    def keep_a(m: re.Match) -> str:
        tag = m.group(0)
        if tag.startswith("</"):
            return tag
        href = _HREF.search(tag)
        target = (href.group(2) or href.group(3) or "") if href else ""
        return tag if href and _SAFE_HREF.match(target) else "<a>"

    body = _RESOURCE.sub("", body)
    return _TAG_A.sub(keep_a, body)


def to_html(doc: AdviceDocument, markdown_text: str) -> str:
    """The Markdown memo as one self-contained, printable HTML file (no outside resources)."""
    import markdown
    body = sanitize(markdown.markdown(markdown_text, extensions=["tables", "md_in_html"], output_format="html"))
    title = _html.escape(f"{label(doc.lang, 'memo_title')}: {one_line(name_of(doc))}")
    return (f"<!DOCTYPE html>\n<html lang=\"{doc.lang}\">\n<head>\n<meta charset=\"utf-8\">\n"
            f"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            f"<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
            f"<title>{title}</title>\n<style>{HTML_STYLE}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n")
