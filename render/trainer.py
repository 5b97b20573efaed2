"""Trainers' views: what-if, sweep, sensitivity, explain and why-not, as text, Markdown and CSV.

Text and Markdown speak the user's language and show labels, never codes; ids appear only
quoted (`setup.information_market`). Free text from the input passes ``render.safe``
(terminal escapes never reach the output; Markdown is escaped). Text tables fit the
terminal's width (80 columns when it is unknown).
"""
from __future__ import annotations

import re
import shutil
from typing import Any

from tabulate import tabulate

from render.labels import TRAINER as _T
from render.labels import field_label, label, value_label
from render.safe import csv_cell, md_escape, one_line

DECISION_KEYS = ("meeting_type", "police_visibility", "risk_level")



def t(lang: str, key: str) -> str:
    return _T[lang][key]


def width() -> int:
    return shutil.get_terminal_size((80, 24)).columns or 80


def table(rows: list[list[Any]], headers: list[str], fmt: str) -> str:
    """A table: GitHub Markdown, or plain text that fits the terminal's width."""
    if fmt == "markdown":
        code = re.compile(r"`[^`]+`")  # a quoted id stays a code span
        esc = [[c if isinstance(c, str) and code.fullmatch(c) else md_escape(c) for c in r] for r in rows]
        return tabulate(esc, headers=[md_escape(h) for h in headers], tablefmt="github")
    rows = [[one_line(c) for c in r] for r in rows]
    n = len(headers)
    budget = max(n * 8, width() - 2 * (n - 1))
    # tabulate pads a header by 2 (MIN_PADDING): a column is as wide as its widest cell or header + 2
    natural = [max([len(str(h)) + 2] + [len(str(r[i])) for r in rows]) for i, h in enumerate(headers)]
    if sum(natural) <= budget:
        return tabulate(rows, headers=headers, tablefmt="simple", disable_numparse=True)
    widths = list(natural)  # shrink the widest columns first (the first, the key, last)
    while sum(widths) > budget and max(widths[1:]) > 8:
        rest = widths[1:]
        widths[1 + rest.index(max(rest))] -= 1
    while sum(widths) > budget and widths[0] > 8:
        widths[0] -= 1
    return tabulate(rows, headers=headers, tablefmt="simple", disable_numparse=True,
                    maxcolwidths=widths, maxheadercolwidths=[w - 2 for w in widths])


def fit(text: str, fmt: str = "text") -> str:
    """Text: wrap every line wider than the terminal (tables are already fitted), keeping its
    indentation; Markdown is left to the viewer."""
    if fmt == "markdown":
        return text
    import textwrap
    w = width()
    out = []
    for line in text.split("\n"):
        if len(line) <= w:
            out.append(line)
            continue
        pad = line[: len(line) - len(line.lstrip())]
        out += textwrap.wrap(line, w, initial_indent="", subsequent_indent=pad + "  ",
                             break_on_hyphens=False) or [line]
    return "\n".join(out)


def _heading(text: str, fmt: str, level: int = 1) -> list[str]:
    if fmt == "markdown":
        return ["#" * level + " " + md_escape(text), ""]
    return [one_line(text), "=" * min(len(text), width()) if level == 1 else "-" * min(len(text), width()), ""]


def _id(entry_id: str) -> str:
    return f"`{one_line(entry_id)}`"


def _changes(changes: dict[str, Any], lang: str) -> str:
    return f" {t(lang, 'and')} ".join(f"{field_label(lang, k)} = {value_label(lang, k, v)}" for k, v in changes.items())


def _decision(lang: str, key: str, value: str) -> str:
    return value_label(lang, key, value)


def _by_category(items: list[dict[str, Any]], lang: str) -> list[tuple[str, list[dict[str, Any]]]]:
    from facts.vocab import Category
    groups = []
    for c in Category:
        its = [i for i in items if i["category"] == c.value]
        if its:
            groups.append((label(lang, "category." + c.value), its))
    return groups


def whatif_text(result: dict[str, Any], lang: str, fmt: str = "text") -> str:
    """Decisions before and after, then the advice added and removed, by title and topic."""
    out = _heading(f"{t(lang, 'what_if')}: {_changes(result['changes'], lang)}", fmt)
    rows = []
    for k in DECISION_KEYS:
        b, a = result["before"]["decisions"][k], result["after"]["decisions"][k]
        rows.append([label(lang, k), _decision(lang, k, b), _decision(lang, k, a), "" if a == b else "*"])
    out += [table(rows, [label(lang, "decision"), t(lang, "before"), t(lang, "after"), t(lang, "changed")], fmt), ""]
    for key, sign in (("added", "+"), ("removed", "-")):
        out += _heading(f"{t(lang, key)} ({len(result[key])})", fmt, 2)
        if not result[key]:
            out += [t(lang, "nothing"), ""]
            continue
        for topic, items in _by_category(result[key], lang):
            out.append(f"**{md_escape(topic)}**" if fmt == "markdown" else f"{topic}:")
            if fmt == "markdown":
                out.append("")
            for item in items:
                title = md_escape(item["title"]) if fmt == "markdown" else one_line(item["title"])
                out.append(f"- {title}" if fmt == "markdown" else f"  {sign} {title}")
            out.append("")
    return fit("\n".join(out).rstrip("\n") + "\n", fmt)


def _cell(decisions: dict[str, str], lang: str) -> str:
    return " / ".join(_decision(lang, k, decisions[k]) for k in DECISION_KEYS)


def _value(field: str, value: Any, lang: str) -> str:
    if isinstance(value, list) and not value:
        return "-"
    return value_label(lang, field, value)


def sweep_text(plan: list, rows: list[dict[str, Any]], lang: str = "nl", fmt: str = "text",
               current: dict[str, Any] | None = None, ranges: list[str] | None = None) -> str:
    """One row per value (the current one marked with *), or a matrix for two fields; with
    ``ranges`` (visitor thresholds) each row is a range and the advice that changes at each
    step is listed beside the decisions."""
    current = current or {}
    fields = [f for f, _ in plan]
    mark = lambda f, v: " *" if current.get(f) == v else ""
    title = f"{t(lang, 'sweep')}: " + " × ".join(field_label(lang, f) for f in fields)
    out = _heading(title, fmt)
    legend = f"* = {t(lang, 'current')}"
    if len(fields) == 2:
        (f1, v1), (f2, v2) = plan
        body = []
        for a in v1:
            row = [_value(f1, a, lang) + mark(f1, a)]
            for b in v2:
                r = next(r for r in rows if r["values"][f1] == a and r["values"][f2] == b)
                row.append(_cell(r["decisions"], lang))
            body.append(row)
        cells = " / ".join(label(lang, k) for k in DECISION_KEYS)
        out += [(f"{t(lang, 'cells')}: {cells}; {t(lang, 'rows')}: {field_label(lang, f1)}; "
                f"{t(lang, 'columns')}: {field_label(lang, f2)}; {legend}"), ""]
        out.append(table(body, [f"{field_label(lang, f1)} \\ {field_label(lang, f2)}"]
                         + [_value(f2, b, lang) + mark(f2, b) for b in v2], fmt))
        return fit("\n".join(out) + "\n", fmt)
    field = fields[0]
    ids = list(rows[0].get("ids", {})) if rows else []
    body = []
    for n, r in enumerate(rows):
        value = r["values"][field]
        shown = ranges[n] if ranges else _value(field, value, lang)
        if ranges:
            hit = _in_range(current.get(field), ranges[n])
        else:
            hit = current.get(field) == value
        body.append([shown + (" *" if hit else "")] + [_decision(lang, k, r["decisions"][k]) for k in DECISION_KEYS]
                    + [value_label(lang, "bool", r["ids"][i]) for i in ids])
    out += [legend, ""]
    out.append(table(body, [field_label(lang, field), *(label(lang, k) for k in DECISION_KEYS), *ids], fmt))
    if any("added" in r for r in rows):
        out += [""] + _heading(t(lang, "steps"), fmt, 2)
        for n, r in enumerate(rows):
            step = ranges[n].split("–")[0] if ranges else _value(field, r["values"][field], lang)
            items = [("+", x) for x in r.get("added", [])] + [("-", x) for x in r.get("removed", [])]
            if n == 0:
                continue
            head = f"{t(lang, 'from')} {step}"
            if fmt == "markdown":
                out.append(f"- **{md_escape(head)}**: " + ("; ".join(f"{s} {md_escape(x['title'])}" for s, x in items)
                                                             or t(lang, "no_change")))
            else:
                out.append(f"{head}:")
                out += [f"  {s} {one_line(x['title'])}" for s, x in items] or [f"  {t(lang, 'no_change')}"]
    return fit("\n".join(out).rstrip("\n") + "\n", fmt)


def _in_range(value: Any, text: str) -> bool:
    if not isinstance(value, int):
        return False
    lo, _, hi = text.partition("–")
    return int(lo) <= value <= (int(hi) if hi else int(lo))


def sweep_csv(plan: list, rows: list[dict[str, Any]]) -> str:
    import csv
    import io
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    fields = [f for f, _ in plan]
    ids = list(rows[0].get("ids", {})) if rows else []
    w.writerow(fields + list(DECISION_KEYS) + ids)
    for r in rows:
        w.writerow([csv_cell(_csv_value(r["values"][f])) for f in fields] + [r["decisions"][k] for k in DECISION_KEYS]
                   + [str(r["ids"][i]).lower() for i in ids])
    return buf.getvalue()


def _csv_value(v: Any) -> str:
    if isinstance(v, list):
        return "+".join(v) or "-"
    return str(v).lower() if isinstance(v, bool) else str(v)


def sensitivity_text(result: dict[str, Any], lang: str = "nl", fmt: str = "text") -> str:
    bullet = "- " if fmt == "markdown" else "  "
    esc = md_escape if fmt == "markdown" else one_line
    out = _heading(t(lang, "decisions_now"), fmt)
    out += [bullet + esc(f"{label(lang, k)}: {_decision(lang, k, v)}") for k, v in result["decisions"].items()] + [""]
    out += _heading(t(lang, "single"), fmt, 2)
    for item in result["per_field"]:
        diff = ", ".join(f"{label(lang, k)} \u2192 {_decision(lang, k, v)}" for k, v in item["decisions"].items())
        out.append(bullet + esc(f"{_changes({item['field']: item['value']}, lang)}: {diff}"))
    out += [""] + _heading(t(lang, "flips"), fmt, 2)
    for f in result["flips"]:
        out.append(bullet + esc(f"{label(lang, f['decision'])} {_decision(lang, f['decision'], f['from'])} \u2192 "
                                f"{_decision(lang, f['decision'], f['to'])}: {_changes(f['changes'], lang)}"))
    for item in result["out_of_reach"]:
        out.append(bullet + esc(f"{label(lang, item['decision'])} {_decision(lang, item['decision'], item['from'])} \u2192 "
                                f"{_decision(lang, item['decision'], item['to'])}: {t(lang, 'out_of_reach')}"))
    out += ["", esc(f"{t(lang, 'no_effect')}: "
                    + ", ".join(field_label(lang, f) for f in result["fields_without_effect_on_decisions"]))]
    return fit("\n".join(out) + "\n", fmt)


# --- explain (HOW) and why-not ---------------------------------------------------------

def _node_head(node: dict[str, Any], lang: str) -> str:
    if "field" in node:
        return f"{field_label(lang, node['field'])} = {_value(node['field'], node['value'], lang)} ({t(lang, 'input')})"
    if "value" in node:
        return f"{field_label(lang, node['id'])} = {_decision(lang, node['id'], node['value'])}"
    return f"{t(lang, 'kind.' + node.get('kind', 'recommendation'))}: {node['title']} ({_id(node['id'])})"


def _citation(c: dict[str, str], lang: str) -> str:
    return f"{t(lang, 'source')} `{c['source']}` §{c['section']}: \u201c{c['quote']}\u201d"


def explain_text(trees: list[dict[str, Any]], lang: str = "nl", fmt: str = "text") -> str:
    """The derivation trees: each step names its rule (quoted) and its source; in English
    also the rule's summary (the rules' docstrings are English)."""
    lines: list[str] = []
    md = fmt == "markdown"
    esc = md_escape if md else one_line
    if md:
        lines += [f"# {t(lang, 'explain')}", ""]

    def walk(node: dict[str, Any], depth: int) -> None:
        pad = ("  " if md else "    ") * depth
        head = esc(_node_head(node, lang)) if "field" in node or "value" in node else (
            esc(f"{t(lang, 'kind.' + node.get('kind', 'recommendation'))}: {node['title']}") + f" ({_id(node['id'])})")
        if md:
            lines.append(f"{pad}- {'**' + head + '**' if depth == 0 else head}")
        else:
            lines.append(f"{pad}{'<- ' if depth else ''}{head}")
        if "rule" in node:
            sub = pad + ("  " if md else "    ")
            rule = f"{t(lang, 'rule')} `{node['rule']}`" + (f": {esc(node['doc'])}" if lang == "en" and node.get("doc") else "")
            lines.append(f"{sub}{'- ' if md else ''}{rule}")
            for c in node["citations"][:1]:
                lines.append(f"{sub}{'- ' if md else ''}{esc(_citation(c, lang))}")
            if "breakdown" in node:  # risk_level: how the level was reached
                lines.extend(f"{sub}{'- ' if md else ''}{esc(line)}" for line in _breakdown_lines(node["breakdown"], lang))
        for child in node.get("because", []):
            walk(child, depth + 1)

    for tree in trees:
        walk(tree, 0)
        lines.append("")
    return fit("\n".join(lines), fmt)


_BREAKDOWN = {
    "nl": {"head": "Weging (drempels: {t})", "point": "punt", "points": "punten",
           "intent": "opzet", "amplifier": "versterker", "impact": "gevolgen",
           "score": "score {s} (waarvan opzet {i}): {l}", "cap": "plafond: {x}",
           "floor": "vloer: {f} = {v}, minstens {l}", "level": "niveau: {l}", "note": "let op: {n}"},
    "en": {"head": "Weighting (thresholds: {t})", "point": "point", "points": "points",
           "intent": "intent", "amplifier": "amplifier", "impact": "impact",
           "score": "score {s} (intent {i}): {l}", "cap": "cap: {x}",
           "floor": "floor: {f} = {v}, at least {l}", "level": "level: {l}", "note": "note: {n}"},
}


def _breakdown_lines(b: dict[str, Any], lang: str) -> list[str]:
    """The risk breakdown (rules.assessment.risk_breakdown) in words: factors and points,
    thresholds, caps, floors, the level and the calibration note."""
    w = _BREAKDOWN[lang]

    def shown(field: str, value: str) -> str:
        raw = {"true": True, "false": False}.get(value, value)
        return value_label(lang, field, raw)

    risk = lambda level: value_label(lang, "risk_level", level)
    out = [w["head"].format(t=", ".join(f"{risk(k)} {v}" for k, v in b["thresholds"].items()))]
    for f in b["factors"]:
        unit = w["point"] if f["points"] == 1 else w["points"]
        out.append(f"  {field_label(lang, f['factor'])} = {shown(f['factor'], f['value'])}: "
                   f"{f['points']} {unit} ({w.get(f['kind'], f['kind'])})")
    out.append("  " + w["score"].format(s=b["score"], i=b["intent_points"], l=risk(b["score_level"])))
    out += ["  " + w["cap"].format(x=c["label"][lang]) for c in b["caps"]]
    out += ["  " + w["floor"].format(f=field_label(lang, f["factor"]), v=shown(f["factor"], f["value"]),
                                     l=risk(f["level"])) for f in b["floors"]]
    out.append("  " + w["level"].format(l=risk(b["level"])))
    if b["note"].get(lang):
        out.append("  " + w["note"].format(n=b["note"][lang]))
    return out


def why_not_text(result: dict[str, Any], lang: str = "nl", fmt: str = "text") -> str:
    """Why an entry was not advised: the rules that could give it, the condition each missed
    (what it saw, what it needed), and the smallest change that gives it, confirmed."""
    md = fmt == "markdown"
    esc = md_escape if md else one_line
    bullet = "- " if md else "  "
    out = _heading(f"{t(lang, 'why_not')}: {result['title']}", fmt)
    out += [f"{_id(result['id'])} {t(lang, 'not_advised')}", ""]
    if result.get("subject_excluded"):
        out += [esc(t(lang, "subject_excluded") + f" ({value_label(lang, 'subject', result['subject'])})."), ""]
    out += _heading(t(lang, "could_emit"), fmt, 2)
    if not result["rules"]:
        out += [t(lang, "no_rule"), ""]
    for r in result["rules"]:
        out.append(f"{bullet}{t(lang, 'rule')} `{r['rule']}`" + (f": {esc(r['doc'])}" if lang == "en" and r.get("doc") else ""))
        for f in r["failed"]:
            out.append(f"{'  - ' if md else '    '}{t(lang, 'failed')}: " + esc(_condition(f, lang)))
    changes = result.get("change")
    out += [""] + _heading(t(lang, "smallest"), fmt, 2)
    if changes:
        out.append(esc(_changes(changes, lang)) + f" ({t(lang, 'confirmed')}"
                   + (f", {t(lang, 'rule')} `{result['change_rule']}`" if result.get("change_rule") else "") + ")")
    else:
        out.append(t(lang, "none_found"))
    return fit("\n".join(out) + "\n", fmt)


def _condition(f: dict[str, Any], lang: str) -> str:
    """'bestaand verzet: gezien geen, nodig georganiseerd verzet of hoger'."""
    field = f["field"]
    saw = f.get("saw")
    seen = t(lang, "absent") if saw is None else _value(field, saw, lang)
    need = f.get("need_text", {}).get(lang) or _value(field, f.get("need"), lang)
    return f"{field_label(lang, field)}: {t(lang, 'saw')} {seen}, {t(lang, 'needed')} {need}"
