"""Views of the knowledge base, the rules, coverage and verification as text."""
from __future__ import annotations

from typing import Any

from tabulate import tabulate

from render.common import cite_line

_K = {
    "nl": {"id": "id", "kind": "soort", "title": "titel", "sections": "bron", "rules": "regels",
           "category": "onderwerp", "sources": "bronnen"},
    "en": {"id": "id", "kind": "kind", "title": "title", "sections": "source", "rules": "rules",
           "category": "topic", "sources": "sources"},
}


def entries_text(items: list[dict[str, Any]], lang: str, fmt: str = "text") -> str:
    """The entries as a table in the user's language: id (quoted in Markdown), kind, title, sources."""
    from render.labels import value_label
    from render.trainer import table
    k = _K[lang]
    from render.trainer import width
    rows = [[f"`{i['id']}`" if fmt == "markdown" else i["id"], value_label(lang, "Kind", i["kind"]),
             i["title"][lang], ", ".join(i["sections"])] for i in items]
    headers = [k["id"], k["kind"], k["title"], k["sections"]]
    if fmt != "markdown" and width() < 160:  # a narrow terminal: the sources are in kb show
        rows, headers = [r[:3] for r in rows], headers[:3]
    return table(rows, headers, fmt) + "\n"


def entry_text(item: dict[str, Any], lang: str, fmt: str = "text") -> str:
    """One entry: title, topic and kind, text, rationale, citations and the rules that emit it."""
    from render.labels import label, value_label
    from render.safe import md_escape
    from render.trainer import fit
    k = _K[lang]
    kind = value_label(lang, "Kind", item["kind"])
    topic = label(lang, "category." + item["category"])
    if fmt == "markdown":
        lines = [f"# {md_escape(item['title'][lang])}", "", f"`{item['id']}` – {topic}, {kind}", "",
                 md_escape(item["text"][lang]), "", f"*{md_escape(item['rationale'][lang])}*", "",
                 f"## {k['sources'].capitalize()}", ""]
        lines += ["- " + md_escape(cite_line(c)) for c in item["citations"]]
        lines += ["", f"{k['rules'].capitalize()}: " + ", ".join(f"`{r}`" for r in item["rules"])]
        return "\n".join(lines) + "\n"
    import textwrap

    from render.trainer import width
    lines = [f"{item['title'][lang]}", f"{item['id']}  [{topic}, {kind}]", "",
             textwrap.fill(item["text"][lang], width()), "", textwrap.fill(item["rationale"][lang], width()), ""]
    lines += ["- " + cite_line(c) for c in item["citations"]]
    lines += ["", f"{k['rules']}: " + ", ".join(item["rules"])]
    return fit("\n".join(lines) + "\n")


def sources_text(items: list[dict[str, Any]]) -> str:
    lines = []
    for s in items:
        lines.append(f"{s['id']}: {s['title']} ({s['publisher']}, {s['date']})")
        for label_, title in s["sections"].items():
            mark = "*" if label_ in s["actionable"] else " "
            lines.append(f"  {mark} §{label_} {title}")
    return "\n".join(lines) + "\n"


def rules_text(items: list[dict[str, Any]]) -> str:
    lines = []
    for r in items:
        lines.append(f"{r['name']}  [{r['area']}]  sources: {', '.join(r['sources'])}")
        lines.append("    " + r["doc"].replace("\n", "\n    "))
        lines.append("    -> " + ", ".join(list(r["concludes"]) + list(r["emits"])))
        lines.append("")
    return "\n".join(lines) + "\n"


def coverage_text(report: dict[str, Any]) -> str:
    lines = [(f"{report['scenarios']} scenarios: entries {report['entries_fired']}/{report['entries_total']} fired, "
             f"rules {report['rules_fired']}/{report['rules_total']} fired")]
    for key in ("unfired_entries", "unfired_rules"):
        lines += [f"  {key.replace('_', ' ')[:-1]}: {name}" for name in report[key]]
    return "\n".join(lines) + "\n"


def verify_text(report: dict[str, Any], samples: int) -> str:
    lines = [(f"{report['scenarios']} scenarios checked (sample of {samples} from a space of "
             f"{report['space_size']:,}, seed {report['seed']}, plus the risk-factor grid)")]
    for key, count in report["counts"].items():
        lines.append(f"  {key.replace('_', ' ')}: {count}")
        lines += [f"    - {f.get('invariant') or f.get('ids') or f.get('missing')}" for f in report[key][:5]]
    for key in ("unreached_entries", "unreached_rules"):
        lines.append(f"  {key.replace('_', ' ')}: {len(report[key])}")
        lines += [f"    - {name}" for name in report[key]]
    lines.append("verify: " + ("no findings" if report["ok"] else "FINDINGS"))
    return "\n".join(lines) + "\n"


def exact_text(report: dict[str, Any]) -> str:
    """The exact verification: each property, the combinations it needed, and every finding
    with its counterexample as a scenario file."""
    lines = [(f"verify --exact: {report['combinations_total']} combinations in {report['seconds']} s "
             f"(visitor classes: {', '.join(map(str, report['visitor_classes']))})"), ""]
    lines += [f"  {name}: {detail}" for name, detail in report["properties"].items()]
    lines += ["", tabulate(sorted(report["combinations"].items()), headers=["property", "combinations"]), ""]
    if report["ok"]:
        lines.append("no findings: every property holds over the whole input space")
    for f in report["findings"]:
        lines.append(f"FINDING {f['property']}: {f['message']}")
        if "yaml" in f:
            lines.append(f"  counterexample (reproduced by the experta engine: {f['reproduced']}):")
            lines += ["    " + line for line in f["yaml"].splitlines()]
    return "\n".join(lines) + "\n"
