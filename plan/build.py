"""Building the advice document (plan/document.py) from the engine's outcome and the KB's texts.

The order of everything is stable (category, then id; the action list by moment), never the
firing order, so the same input gives byte-identical JSON in every process.
"""
from __future__ import annotations

import datetime as _dt
import os
from typing import Any

import kb
from rules.assessment import risk_breakdown
from facts.scenario import INPUT_FIELDS, Scenario
from facts.vocab import Category, Kind, Moment, Priority
from plan.document import (
    DECISION_KEYS,
    AdviceDocument,
    MemoContext,
    Raised,
    Recommendation,
    Role,
    RunbookItem,
    Summary,
    SummaryDecision,
    Tradeoff,
    Warning,
    to_json,
)
from render.labels import fact_phrase, label, sentence, value_label
from rules.engine import Outcome, evaluate

__all__ = ["CATEGORY_ORDER", "MAX_ESSENTIALS", "build", "build_document", "memo_context", "to_json"]

CATEGORY_ORDER = {c.value: i for i, c in enumerate(Category)}
MAX_ESSENTIALS = 10
#: Order of the facts in a reason: derived keys first, then the input fields as the model lists them.
FACT_ORDER = {k: i for i, k in enumerate(("risk_level", "scale", "meeting_type", "police_visibility", *INPUT_FIELDS))}


def _raised(entry: kb.Entry, outcome: Outcome) -> Raised | None:
    """The highest priority a firing raises the entry to, when above its own (with the reason)."""
    best: Raised | None = None
    for firing in outcome.advice[entry.id]:
        if firing.priority is None:
            continue
        priority = Priority(firing.priority)
        if priority > entry.priority and (best is None or priority > best.priority):
            best = Raised(priority, firing.rule, firing.because_dict())
    return best


def _item(entry: kb.Entry, outcome: Outcome, lang: str, raised: Raised | None) -> dict[str, Any]:
    firing = outcome.advice[entry.id][0]
    title, text, rationale, owner = entry.worded(outcome.scenario.subject)
    item = {
        "id": entry.id,
        "category": entry.category,
        "title": title[lang],
        "text": text[lang],
        "rationale": rationale[lang],
        "citations": [c.model_dump() for c in entry.citations],
        "rule": firing.rule,
        "because": firing.because_dict(),
        "priority": raised.priority if raised else entry.priority,
        "moment": entry.moment,
        "owner": owner,
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
        "values": [first, second],
        "favoured_value": favoured,
        "favoured_by_priority": priority in (first, second),
        "favoured_gives": entry.favours[favoured][lang],
        "other_value": other,
        "other_gives": entry.favours[other][lang],
    }


def facts_sentence(lang: str, because: dict[str, Any]) -> str:
    """What a rule matched, in words: one sentence without codes (no full stop)."""
    keys = sorted(because, key=lambda k: FACT_ORDER.get(k, len(FACT_ORDER)))
    return sentence(lang, [fact_phrase(lang, k, because[k]) for k in keys])


def _as_value(field: str, raw: str) -> Any:
    return {"true": True, "false": False}.get(raw, raw) if field in ("outside_groups", "threats_to_officials") else raw


def _risk_reason(lang: str, breakdown: dict[str, Any]) -> str:
    from facts.vocab import RiskLevel
    rows = breakdown.get("factors", [])  # rules.assessment.risk_breakdown: a list of factor rows
    factors = {r["factor"]: r["value"] for r in rows}
    points = {r["factor"]: r["points"] for r in rows}
    scored = sorted((n for n in factors if points.get(n)), key=lambda n: (-points[n], FACT_ORDER.get(n, 99)))
    clauses = [fact_phrase(lang, n, _as_value(n, str(factors[n]))) for n in scored]
    level = breakdown["level"]
    thresholds = breakdown.get("thresholds", {})
    by_score = max((lvl for lvl in RiskLevel if breakdown.get("score", 0) >= thresholds.get(lvl.value, 0)),
                   default=RiskLevel.low)
    facts = sentence(lang, clauses) or label(lang, "reason_risk_none")
    reason = label(lang, "reason_risk").format(facts=facts, score=breakdown.get("score", 0),
                                               level=value_label(lang, "risk_level", by_score.value),
                                               threshold=thresholds.get(by_score.value, 0))
    if RiskLevel(level) > by_score:
        floors = [f for f in breakdown.get("floors", []) if f.get("level") == level] or breakdown.get("floors", [])
        if floors:
            f = floors[0]
            reason += "; " + label(lang, "reason_risk_floor").format(
                fact=fact_phrase(lang, f["factor"], _as_value(f["factor"], str(f["value"]))),
                level=value_label(lang, "risk_level", level))
    elif RiskLevel(level) < by_score:
        caps = [c for c in breakdown.get("caps", []) if c.get("level") == level]
        if caps:
            reason += "; " + caps[0]["label"][lang]
    return reason + "."


def _summary_decisions(outcome: Outcome, lang: str, breakdown: dict[str, Any]) -> list[SummaryDecision]:
    out = []
    for key in DECISION_KEYS:
        value, firing = outcome.conclusions[key]
        value = value.value
        if key == "risk_level":
            reason = _risk_reason(lang, breakdown)
        else:
            reason = facts_sentence(lang, firing.because_dict()) + "."
        out.append(SummaryDecision(decision=key, value=value, label=label(lang, f"decision.{key}.{value}"),
                                   reason=reason))
    return out


def essentials(recommendations: list[Recommendation], raised: dict[str, Raised]) -> list[str]:
    """At most ten ids that must happen, in moment order: the essential ones (those a rule
    raised first, then the decisions, then by moment); without any, the recommended ones."""
    top = max((r.priority for r in recommendations), default=Priority.essential)
    pool = [r for r in recommendations if r.priority == top]

    def weight(r: Recommendation):
        return (r.id not in raised, r.category.value not in ("meeting_type", "police"),
                r.moment.rank, CATEGORY_ORDER[r.category.value], r.id)

    chosen = sorted(pool, key=weight)[:MAX_ESSENTIALS]
    return [r.id for r in sorted(chosen, key=action_order)]


def action_order(r: Recommendation):
    """The action list's order: moment, then priority (highest first), category and id."""
    return (Moment(r.moment).rank, -Priority(r.priority).rank, CATEGORY_ORDER[r.category.value], r.id)


def _runbook(outcome: Outcome, lang: str, knowledge: kb.KnowledgeBase) -> list[RunbookItem]:
    ids = sorted(getattr(outcome, "runbook", None) or ())
    out = []
    for rid in ids:
        s = knowledge.runbook[rid]
        out.append(RunbookItem(
            id=s.id, title=s.title[lang], description=s.description[lang],
            prevention=[t[lang] for t in s.prevention], response=[t[lang] for t in s.response],
            roles=[Role(owner=r.owner, task=r.task[lang]) for r in s.roles],
            attention=[t[lang] for t in s.attention], social_media=[t[lang] for t in s.social_media],
            citations=[c.model_dump() for c in s.citations]))
    return out


def assemble(scenario: Scenario, lang: str = "nl",
             outcome: Outcome | None = None) -> tuple[AdviceDocument, dict[str, Raised], dict[str, Any]]:
    """The document, why priorities were raised, and the risk breakdown."""
    knowledge = kb.load()
    outcome = outcome or evaluate(scenario)
    by_kind: dict[Kind, list[dict[str, Any]]] = {k: [] for k in Kind}
    raised: dict[str, Raised] = {}
    for entry_id in outcome.advice:
        entry = knowledge[entry_id]
        r = _raised(entry, outcome)
        if r:
            raised[entry_id] = r
        by_kind[entry.kind].append(_item(entry, outcome, lang, r))
    for items in by_kind.values():
        items.sort(key=lambda i: (CATEGORY_ORDER[i["category"].value], i["id"]))
    recommendations = [Recommendation(**i) for i in by_kind[Kind.recommendation]]
    warnings = [Warning(**i) for i in by_kind[Kind.warning]]
    breakdown = risk_breakdown(scenario)  # the function the risk rule concludes with
    doc = AdviceDocument(
        scenario=scenario.input_dict(),
        language=lang,
        decisions=dict(outcome.decisions),
        recommendations=recommendations,
        tradeoffs=[Tradeoff(**i) for i in by_kind[Kind.tradeoff]],
        warnings=warnings,
        summary=Summary(decisions=_summary_decisions(outcome, lang, breakdown),
                        essentials=essentials(recommendations, raised),
                        warnings=[w.id for w in warnings]),
        runbook=_runbook(outcome, lang, knowledge),
    )
    return doc, raised, breakdown


def build_document(scenario: Scenario, lang: str = "nl", outcome: Outcome | None = None) -> AdviceDocument:
    """The full advice for one scenario as the typed document."""
    return assemble(scenario, lang, outcome)[0]


def build(scenario: Scenario, lang: str = "nl", outcome: Outcome | None = None) -> dict[str, Any]:
    """The full advice for one scenario as a JSON-ready dict (CONTRACT §3)."""
    return build_document(scenario, lang, outcome).to_dict()


def memo_date() -> str:
    """The memo's date: SOURCE_DATE_EPOCH (reproducible builds) when set, else today (UTC)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return _dt.datetime.fromtimestamp(int(epoch), _dt.timezone.utc).date().isoformat()
    return _dt.datetime.now(_dt.timezone.utc).date().isoformat()


def memo_context(scenario: Scenario, lang: str = "nl", outcome: Outcome | None = None,
                 annex: bool = True) -> tuple[AdviceDocument, MemoContext]:
    """The document and what the memo adds: date, knowledge version, reasons, derivation."""
    outcome = outcome or evaluate(scenario)
    doc, raised, breakdown = assemble(scenario, lang, outcome)
    trees, flips = [], []
    if annex:
        from analysis.compare import sensitivity
        from analysis.explain import explain
        trees = explain(scenario, lang, outcome=outcome)
        flips = sensitivity(scenario)["flips"]
    return doc, MemoContext(date=memo_date(), knowledge_version=getattr(kb.load(), "version", ""),
                            raised=raised, trees=trees, flips=flips, risk=breakdown)
