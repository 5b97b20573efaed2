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
    out = []
    for entry_id in sorted(kb.load().entries):
        e = kb.load().entries[entry_id]
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
