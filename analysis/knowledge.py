"""Views on the knowledge base (export, listings)."""
from __future__ import annotations

from typing import Any

import kb
from rules.engine import catalog


def emitters() -> dict[str, list[str]]:
    """Entry id -> names of the rules that can emit it."""
    out: dict[str, list[str]] = {}
    for rule in catalog():
        for entry_id in rule.emits:
            out.setdefault(entry_id, []).append(rule.name)
    return out


def export() -> list[dict[str, Any]]:
    """CONTRACT §5: every entry, sorted by id."""
    who = emitters()
    entries = kb.load().entries
    out = []
    for entry_id in sorted(entries):
        e = entries[entry_id]
        item = {
            "id": e.id,
            "category": e.category.value,
            "kind": e.kind.value,
            "title": e.title.model_dump(),
            "text": e.text.model_dump(),
            "rationale": e.rationale.model_dump(),
            "citations": [c.model_dump() for c in e.citations],
            "rules": sorted(who.get(e.id, [])),
        }
        if e.values:
            item["values"] = [v.value for v in e.values]
            item["favours"] = {k.value: v.model_dump() for k, v in e.favours.items()}
        out.append(item)
    return out


def entry_list(category: str | None = None) -> list[dict[str, Any]]:
    entries = kb.load().entries
    out = []
    for entry_id in sorted(entries):
        e = entries[entry_id]
        if category and e.category.value != category:
            continue
        out.append({"id": e.id, "category": e.category.value, "kind": e.kind.value,
                    "title": e.title.model_dump(), "sections": sorted({f"{c.source} §{c.section}" for c in e.citations})})
    return out


def sources() -> list[dict[str, Any]]:
    return [{"id": s.id, "title": s.title, "publisher": s.publisher, "date": s.date,
             "sections": s.sections, "actionable": list(s.actionable)}
            for s in kb.load().sources.values()]


def rule_list() -> list[dict[str, Any]]:
    knowledge = kb.load()
    out = []
    for r in catalog():
        cited = sorted({sid for sid in knowledge.sources if sid in r.doc})
        out.append({"name": r.name, "area": r.area, "doc": r.doc, "sources": cited,
                    "emits": list(r.emits), "concludes": list(r.concludes)})
    return out


def coverage(paths) -> dict[str, Any]:
    """Run every scenario in ``paths`` and report the entries and rules none of them fires.

    Files that cannot be read or are not valid scenarios (and folders or patterns that give
    none) are listed in ``invalid``, one line each, never skipped in silence."""
    from analysis.batch import load_all
    from render.safe import one_line
    from rules.engine import evaluate
    fired_ids, fired_rules, scenarios, invalid = set(), set(), 0, []
    for item in load_all(paths):
        if item.scenario is None:
            invalid.append(item.error.line())
            continue
        try:
            outcome = evaluate(item.scenario)
        except Exception as exc:  # noqa: BLE001 - one scenario's rule failure is reported, the rest go on
            invalid.append(one_line(f"{item.file}: the rules could not finish: {exc}"))
            continue
        scenarios += 1
        fired_ids |= set(outcome.advice) | set(outcome.runbook)
        fired_rules |= outcome.fired_rules
    entries = set(kb.load().entries)
    runbook = set(kb.load().runbook)
    rules = {r.name for r in catalog()}
    return {"scenarios": scenarios,
            "entries_total": len(entries), "entries_fired": len(entries & fired_ids),
            "unfired_entries": sorted(entries - fired_ids),
            "runbook_total": len(runbook), "runbook_fired": len(runbook & fired_ids),
            "unfired_runbook": sorted(runbook - fired_ids),
            "rules_total": len(rules), "rules_fired": len(rules & fired_rules),
            "unfired_rules": sorted(rules - fired_rules),
            "invalid": invalid}
