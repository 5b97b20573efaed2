"""HOW and WHY: derivation trees of the advice, and what an answer can change.

Both read the rules themselves: the facts each firing matched (``because``) and, for the
interview's WHY, the fields each rule's patterns constrain.
"""
from __future__ import annotations

import functools
from typing import Any

import kb
from facts.scenario import INPUT_FIELDS, Scenario
from rules.base import DERIVED_KEYS
from rules.engine import Outcome, catalog, evaluate, rule_info

DECISIONS = ("meeting_type", "police_visibility", "risk_level")


def _citations(entry_ids) -> list[dict[str, str]]:
    knowledge = kb.load()
    out = []
    for entry_id in entry_ids:
        out += [c.model_dump() for c in knowledge[entry_id].citations]
    return out


def _step(rule_name: str, matched: dict[str, Any], outcome: Outcome, node_id: str,
          citations: list[dict[str, str]], **extra) -> dict[str, Any]:
    info = rule_info(rule_name)
    return {"id": node_id, **extra, "rule": rule_name, "doc": info.summary, "matched": matched,
            "because": [_child(k, v, outcome) for k, v in matched.items()], "citations": citations}


def _child(key: str, value: Any, outcome: Outcome) -> dict[str, Any]:
    if key in DERIVED_KEYS:
        return conclusion_node(key, outcome)
    return {"id": f"input.{key}", "field": key, "value": value}


def conclusion_node(key: str, outcome: Outcome) -> dict[str, Any]:
    value, firing = outcome.conclusions[key]
    info = rule_info(firing.rule)
    return _step(firing.rule, firing.because_dict(), outcome, key, _citations(info.basis[:1]),
                 value=value.value)


def entry_node(entry_id: str, outcome: Outcome, lang: str) -> dict[str, Any]:
    entry = kb.load()[entry_id]
    firing = outcome.advice[entry_id][0]
    return _step(firing.rule, firing.because_dict(), outcome, entry_id, _citations([entry_id]),
                 kind=entry.kind.value, title=entry.title[lang])


def explain(scenario: Scenario, lang: str = "nl", only: str | None = None,
            outcome: Outcome | None = None) -> list[dict[str, Any]]:
    """Derivation trees: the three decisions, then every emitted entry (category, id order)."""
    from plan.build import CATEGORY_ORDER
    outcome = outcome or evaluate(scenario)
    knowledge = kb.load()
    ids = sorted(outcome.advice, key=lambda i: (CATEGORY_ORDER[knowledge[i].category.value], i))
    trees = [conclusion_node(k, outcome) for k in DECISIONS] + [entry_node(i, outcome, lang) for i in ids]
    if only is not None:
        trees = [t for t in trees if t["id"] == only]
        if not trees:
            raise KeyError(only)
    return trees


def leaves(node: dict[str, Any]):
    if not node.get("because"):
        yield node
    for child in node.get("because", []):
        yield from leaves(child)


def steps(node: dict[str, Any]):
    if "rule" in node:
        yield node
    for child in node.get("because", []):
        yield from steps(child)


def to_text(trees: list[dict[str, Any]]) -> str:
    lines: list[str] = []

    def walk(node: dict[str, Any], depth: int) -> None:
        pad = "    " * depth
        arrow = "<- " if depth else ""
        if "field" in node:
            lines.append(f"{pad}{arrow}{node['field']} = {_show(node['value'])}   (input)")
            return
        head = f"{node['id']} = {node['value']}" if "value" in node else f"{node['id']}: {node['title']}"
        lines.append(f"{pad}{arrow}{head}")
        lines.append(f"{pad}    rule {node['rule']}: {node['doc']}")
        for c in node["citations"][:1]:
            lines.append(f"{pad}    cites {c['source']} §{c['section']}: \u201c{c['quote']}\u201d")
        for child in node["because"]:
            walk(child, depth + 1)

    for tree in trees:
        walk(tree, 0)
        lines.append("")
    return "\n".join(lines)


def _show(value: Any) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(map(str, value)) + "]"
    return str(value).lower() if isinstance(value, bool) else str(value)


# --- WHY: what an answer can change ---------------------------------------------------

@functools.lru_cache(maxsize=None)
def influence(field: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(decisions, entry ids) that an input field can change, through the derived facts."""
    keys = {field}
    changed = True
    while changed:  # close over the assessments and decisions the field feeds
        changed = False
        for r in catalog():
            if r.concludes and r.keys & keys and not set(r.concludes) <= keys:
                keys |= set(r.concludes)
                changed = True
    from plan.build import CATEGORY_ORDER
    knowledge = kb.load()
    direct = {i for r in catalog() if field in r.keys for i in r.emits}
    through = {i for r in catalog() if r.keys & keys for i in r.emits}
    decisions = tuple(d for d in DECISIONS if d in keys)
    # entries the field triggers directly first, then those it reaches through a decision
    entries = tuple(sorted(through, key=lambda i: (i not in direct, CATEGORY_ORDER[knowledge[i].category.value], i)))
    return decisions, entries


def dependencies(decision: str) -> tuple[str, ...]:
    """The input fields a decision can depend on (the inverse of ``influence``)."""
    return tuple(f for f in INPUT_FIELDS if decision in influence(f)[0])


def why(field: str, lang: str, limit: int = 8) -> str:
    """The interview's `?`: which decisions and recommendations this answer can change."""
    from render.labels import label
    decisions, entries = influence(field)
    knowledge = kb.load()
    lines = []
    if decisions:
        lines.append("  " + label(lang, "why_decisions") + ": " + ", ".join(label(lang, d) for d in decisions))
    if entries:
        lines.append("  " + label(lang, "why_entries").format(n=len(entries)) + ":")
        for entry_id in entries[:limit]:
            e = knowledge[entry_id]
            c = e.citations[0]
            lines.append(f"    - {e.title[lang]} ({entry_id}; {c.source} §{c.section})")
        if len(entries) > limit:
            lines.append("    - ... " + label(lang, "why_more").format(n=len(entries) - limit))
    return "\n".join(lines)
