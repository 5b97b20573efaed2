"""Renderers of the advice document: plain text (tabulate) and a Markdown memo."""
from __future__ import annotations

import textwrap
from typing import Any

from tabulate import tabulate

import kb
from facts.vocab import Category
from report.labels import label


def _source_title(source: str) -> str:
    return kb.load().sources[source].title


def cite_line(c: dict[str, str]) -> str:
    return f"{_source_title(c['source'])} ({c['source']}) §{c['section']}: \u201c{c['quote']}\u201d"


def decision_rows(doc: dict[str, Any]) -> list[list[str]]:
    lang = doc["language"]
    knowledge = kb.load()
    rows = []
    for key, value in doc["decisions"].items():
        if key == "risk_level":
            gloss = label(lang, f"risk.{value}")
        else:
            prefix = "meeting_type" if key == "meeting_type" else "police"
            entry = knowledge.entries.get(f"{prefix}.{value}")
            gloss = entry.title[lang] if entry else value
        rows.append([label(lang, key), value, gloss])
    return rows


def _wrap(text: str, width: int) -> str:
    return "\n".join(textwrap.wrap(text, width)) or ""


def to_text(doc: dict[str, Any], width: int = 100) -> str:
    lang = doc["language"]
    out = [f"{label(lang, 'advice_for')}: {doc['scenario'].get('name') or '-'}", ""]
    out.append(tabulate(decision_rows(doc), headers=[label(lang, "decision"), label(lang, "value"), ""],
                        tablefmt="simple"))
    col = max(24, (width - 10) // 3)
    for category in Category:
        items = [r for r in doc["recommendations"] if r["category"] == category.value]
        if not items:
            continue
        out += ["", f"== {label(lang, 'category.' + category.value)} =="]
        rows = []
        for r in items:
            cites = "\n".join(_wrap(cite_line(c), col) for c in r["citations"])
            rows.append([_wrap(f"{r['title']}: {r['text']}", col), _wrap(r["rationale"], col), cites])
        out.append(tabulate(rows, headers=[label(lang, "advice"), label(lang, "why"), label(lang, "source")],
                            tablefmt="grid"))
    for key in ("tradeoffs", "warnings"):
        out += ["", f"== {label(lang, key)} =="]
        if not doc[key]:
            out.append(label(lang, "none"))
        for item in doc[key]:
            out.append(f"* {item['title']}: {item['text']}")
            if "favoured_value" in item:
                out.append("  " + _wrap(f"{label(lang, 'favours').format(value=label(lang, 'value.' + doc['scenario']['priority_value']))}: "
                                        f"{item['favoured_gives']}", width - 2).replace("\n", "\n  "))
                out.append("  " + _wrap(f"{label(lang, 'other_choice').format(value=label(lang, 'value.' + item['other_value']))}: "
                                        f"{item['other_gives']}", width - 2).replace("\n", "\n  "))
            for c in item["citations"]:
                out.append("  - " + _wrap(cite_line(c), width - 4).replace("\n", "\n    "))
    return "\n".join(out) + "\n"


def _md_cites(citations: list[dict[str, str]]) -> list[str]:
    return [f"  - *{_source_title(c['source'])}*, §{c['section']}: \u201c{c['quote']}\u201d" for c in citations]


def to_markdown(doc: dict[str, Any], extra_sections: list[tuple[str, list[str]]] = ()) -> str:
    """A memo a project lead can send to the mayor."""
    lang = doc["language"]
    name = doc["scenario"].get("name") or "-"
    out = [f"# {label(lang, 'memo_title')}: {name}", "", label(lang, "memo_intro"), "",
           f"## {label(lang, 'decisions')}", ""]
    out += [f"- **{row[0]}**: {row[2]} (`{row[1]}`)" for row in decision_rows(doc)]
    out += ["", f"## {label(lang, 'scenario')}", "",
            tabulate([[k, ", ".join(v) if isinstance(v, list) else v] for k, v in doc["scenario"].items()],
                     headers=[label(lang, "field"), label(lang, "value")], tablefmt="github")]
    for key in ("warnings", "tradeoffs"):
        if doc[key]:
            out += ["", f"## {label(lang, key)}", ""]
            for item in doc[key]:
                out.append(f"- **{item['title']}.** {item['text']}")
                if "favoured_value" in item:
                    prio = label(lang, "value." + doc["scenario"]["priority_value"])
                    out.append(f"  {label(lang, 'favours').format(value=prio)}: {item['favoured_gives']} "
                               f"{label(lang, 'other_choice').format(value=label(lang, 'value.' + item['other_value']))}: "
                               f"{item['other_gives']}")
                out += _md_cites(item["citations"])
    out += ["", f"## {label(lang, 'recommendations')}"]
    for category in Category:
        items = [r for r in doc["recommendations"] if r["category"] == category.value]
        if not items:
            continue
        out += ["", f"### {label(lang, 'category.' + category.value)}", ""]
        for r in items:
            out.append(f"- **{r['title']}.** {r['text']}")
            out.append(f"  *{label(lang, 'why')}:* {r['rationale']}")
            out += _md_cites(r["citations"])
    for title, lines in extra_sections:
        out += ["", f"## {title}", ""] + list(lines)
    used = sorted({c["source"] for key in ("recommendations", "tradeoffs", "warnings")
                   for r in doc[key] for c in r["citations"]})
    out += ["", f"## {label(lang, 'sources')}", ""]
    for sid in used:
        s = kb.load().sources[sid]
        out.append(f"- *{s.title}* ({s.publisher}, {s.date}) [`{sid}`]")
    return "\n".join(out) + "\n"
