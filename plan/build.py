"""The advice document (CONTRACT §3): the engine's outcome joined with the KB's texts.

The order of everything is stable (category, then id), never the firing order, so the
same input gives byte-identical JSON in every process.
"""
from __future__ import annotations

import json
from typing import Any

import kb
from facts.scenario import Scenario
from facts.vocab import Category, Kind
from rules.engine import Outcome, evaluate

CATEGORY_ORDER = {c.value: i for i, c in enumerate(Category)}


def _citations(entry: kb.Entry) -> list[dict[str, str]]:
    return [c.model_dump() for c in entry.citations]


def _item(entry_id: str, outcome: Outcome, lang: str, knowledge: kb.KnowledgeBase) -> dict[str, Any]:
    entry = knowledge[entry_id]
    firing = outcome.advice[entry_id][0]
    item = {
        "id": entry.id,
        "category": entry.category.value,
        "title": entry.title[lang],
        "text": entry.text[lang],
        "rationale": entry.rationale[lang],
        "citations": _citations(entry),
        "rule": firing.rule,
        "because": firing.because_dict(),
    }
    if entry.kind == Kind.tradeoff:
        item.update(_tradeoff_teaching(entry, outcome.scenario, lang))
    return item


def _tradeoff_teaching(entry: kb.Entry, scenario: Scenario, lang: str) -> dict[str, Any]:
    """Which of the two values the scenario's priority favours, and what the other gives."""
    first, second = entry.values
    priority = scenario.priority_value
    favoured = priority if priority in (first, second) else first
    other = second if favoured == first else first
    return {
        "values": [first.value, second.value],
        "favoured_value": favoured.value,
        "favoured_by_priority": priority in (first, second),
        "favoured_gives": entry.favours[favoured][lang],
        "other_value": other.value,
        "other_gives": entry.favours[other][lang],
    }


def build(scenario: Scenario, lang: str = "nl", outcome: Outcome | None = None) -> dict[str, Any]:
    """The full advice for one scenario as a JSON-ready dict."""
    knowledge = kb.load()
    outcome = outcome or evaluate(scenario)
    by_kind: dict[Kind, list[dict[str, Any]]] = {k: [] for k in Kind}
    for entry_id in outcome.advice:
        by_kind[knowledge[entry_id].kind].append(_item(entry_id, outcome, lang, knowledge))
    for items in by_kind.values():
        items.sort(key=lambda i: (CATEGORY_ORDER[i["category"]], i["id"]))
    return {
        "scenario": scenario.input_dict(),
        "language": lang,
        "decisions": dict(outcome.decisions),
        "recommendations": by_kind[Kind.recommendation],
        "tradeoffs": by_kind[Kind.tradeoff],
        "warnings": by_kind[Kind.warning],
    }


def to_json(doc: Any) -> str:
    """Canonical JSON: stable key order, UTF-8 text, trailing newline."""
    return json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
