"""Renderers of the advice document: plain text (tabulate), the Markdown memo and its HTML."""
from __future__ import annotations

import textwrap
from typing import Any

from tabulate import tabulate

import kb

DECISION_KEYS = ("meeting_type", "police_visibility", "risk_level")
from facts.vocab import Category
from render.labels import label


def _source_title(source: str) -> str:
    return kb.load().sources[source].title


def cite_line(c: dict[str, str]) -> str:
    return f"{_source_title(c['source'])} ({c['source']}) §{c['section']}: \u201c{c['quote']}\u201d"


def tradeoff_lines(item: dict[str, Any], doc: dict[str, Any]) -> list[str]:
    """What each side of a trade-off gives, and which side the municipality's priority favours."""
    if "favoured_value" not in item:
        return []
    lang = doc["language"]
    name = lambda v: label(lang, "value." + v)  # noqa: E731
    if item["favoured_by_priority"]:
        return [f"{label(lang, 'favours').format(value=name(item['favoured_value']))}: {item['favoured_gives']}",
                f"{label(lang, 'other_choice').format(value=name(item['other_value']))}: {item['other_gives']}"]
    return [label(lang, "priority_not_at_stake").format(value=name(doc["scenario"]["priority_value"])),
            f"{label(lang, 'choosing').format(value=name(item['favoured_value']))}: {item['favoured_gives']}",
            f"{label(lang, 'choosing').format(value=name(item['other_value']))}: {item['other_gives']}"]


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
            out.append(_wrap(f"* {item['title']}: {item['text']}", width).replace("\n", "\n  "))
            for line in tradeoff_lines(item, doc):
                out.append("  " + _wrap(line, width - 2).replace("\n", "\n  "))
            for c in item["citations"]:
                out.append("  - " + _wrap(cite_line(c), width - 4).replace("\n", "\n    "))
    return "\n".join(out) + "\n"


def _md_cites(citations: list[dict[str, str]]) -> list[str]:
    return [f"    - *{_source_title(c['source'])}*, §{c['section']}: \u201c{c['quote']}\u201d" for c in citations]


def memo_sections(doc: dict[str, Any], trees: list[dict[str, Any]], flips: list[dict[str, Any]]) -> list[tuple[str, list[str]]]:
    """The memo's derivation in short and 'what would change this advice'."""
    lang = doc["language"]

    def short(node: dict[str, Any]) -> str:
        parts = []
        for child in node["because"]:
            if "field" in child:
                parts.append(f"`{child['field']}` = {_plain(child['value'])}")
            else:
                parts.append(f"`{child['id']}` = {child['value']} ({short(child)})")
        return f" {label(lang, 'and')} ".join(parts)

    derivation = []
    for tree in trees:
        if tree["id"] in DECISION_KEYS:
            derivation.append("- " + label(lang, "derivation_line").format(
                decision=label(lang, tree["id"]), value=tree["value"], rule=tree["rule"], because=short(tree)))
            for c in tree["citations"][:1]:
                derivation.append(f"    - *{_source_title(c['source'])}*, §{c['section']}: \u201c{c['quote']}\u201d")
    changes = [label(lang, "what_changes_intro"), ""]
    for f in flips:
        what = f" {label(lang, 'and')} ".join(f"`{k}` = {_plain(v)}" for k, v in f["changes"].items())
        changes.append(f"- {label(lang, f['decision'])}: {f['from']} \u2192 **{f['to']}** — {what}")
    return [(label(lang, "derivation"), derivation), (label(lang, "what_changes"), changes)]


def _plain(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(value) or "-"
    return str(value).lower() if isinstance(value, bool) else str(value)


def to_markdown(doc: dict[str, Any], extra_sections: list[tuple[str, list[str]]] = ()) -> str:
    """A memo a project lead can send to the mayor."""
    import html
    lang = doc["language"]
    name = html.escape(doc["scenario"].get("name") or "-", quote=False)  # user text: no raw HTML
    out = [f"# {label(lang, 'memo_title')}: {name}", "", label(lang, "memo_intro"), "",
           f"## {label(lang, 'decisions')}", ""]
    out += [f"- **{row[0]}**: {row[2]} (`{row[1]}`)" for row in decision_rows(doc)]
    for title, lines in extra_sections:
        out += ["", f"## {title}", ""] + list(lines)
    out += ["", f"## {label(lang, 'scenario')}", "",
            tabulate([[k, html.escape(_plain(v), quote=False)] for k, v in doc["scenario"].items()],
                     headers=[label(lang, "field"), label(lang, "value")], tablefmt="github")]
    for key in ("warnings", "tradeoffs"):
        if doc[key]:
            out += ["", f"## {label(lang, key)}", ""]
            for item in doc[key]:
                out.append(f"- **{item['title']}.** {item['text']}")
                if "favoured_value" in item:
                    out.append("    " + " ".join(tradeoff_lines(item, doc)))
                out += _md_cites(item["citations"])
    out += ["", f"## {label(lang, 'recommendations')}"]
    for category in Category:
        items = [r for r in doc["recommendations"] if r["category"] == category.value]
        if not items:
            continue
        out += ["", f"### {label(lang, 'category.' + category.value)}", ""]
        for r in items:
            out.append(f"- **{r['title']}.** {r['text']}")
            out.append(f"    *{label(lang, 'why')}:* {r['rationale']}")
            out += _md_cites(r["citations"])
    used = sorted({c["source"] for key in ("recommendations", "tradeoffs", "warnings")
                   for r in doc[key] for c in r["citations"]})
    out += ["", f"## {label(lang, 'sources')}", ""]
    for sid in used:
        s = kb.load().sources[sid]
        out.append(f"- *{s.title}* ({s.publisher}, {s.date}) [`{sid}`]")
    return "\n".join(out) + "\n"


HTML_STYLE = """
body { font-family: Georgia, 'Times New Roman', serif; max-width: 48em; margin: 2em auto; padding: 0 1em;
       line-height: 1.45; color: #111; }
h1 { font-size: 1.6em; border-bottom: 2px solid #333; padding-bottom: .2em; }
h2 { font-size: 1.25em; margin-top: 1.6em; border-bottom: 1px solid #999; }
h3 { font-size: 1.05em; margin-top: 1.2em; }
table { border-collapse: collapse; margin: .8em 0; font-size: .9em; }
th, td { border: 1px solid #999; padding: .25em .6em; text-align: left; vertical-align: top; }
code { font-family: 'DejaVu Sans Mono', monospace; font-size: .88em; }
li { margin: .25em 0; }
li li { font-size: .92em; color: #333; }
@media print {
  body { max-width: none; margin: 0; font-size: 10.5pt; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  li, tr { break-inside: avoid; page-break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
@page { size: A4; margin: 18mm 16mm; }
"""


def to_html(doc: dict[str, Any], markdown_text: str) -> str:
    """The Markdown memo as one self-contained, printable HTML file (no outside resources)."""
    import html
    import markdown
    body = markdown.markdown(markdown_text, extensions=["tables"], output_format="html")
    title = html.escape(f"{label(doc['language'], 'memo_title')}: {doc['scenario'].get('name') or '-'}")
    return (f"<!DOCTYPE html>\n<html lang=\"{doc['language']}\">\n<head>\n<meta charset=\"utf-8\">\n"
            f"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            f"<title>{title}</title>\n<style>{HTML_STYLE}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n")


