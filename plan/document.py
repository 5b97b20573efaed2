"""The advice document as a typed model (CONTRACT §3): what plan/build.py fills and every renderer reads.

The JSON of ``advise --format json`` is ``AdviceDocument.to_json()``; ``schema --output``
prints ``AdviceDocument.model_json_schema()``. Field order is the JSON key order, so it must
not change. What only the memo shows (date, knowledge version, why a priority was raised,
the derivation) is in ``MemoContext``, never in the JSON: the same input gives the same bytes.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from facts.vocab import (
    Category,
    Lang,
    MeetingType,
    Moment,
    Owner,
    PoliceVisibility,
    Priority,
    PriorityValue,
    RiskLevel,
)

DECISION_KEYS = ("meeting_type", "police_visibility", "risk_level")


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Citation(_Model):
    """A verbatim quote (20-300 characters) from a section of one of the five guides."""
    source: str
    section: str
    quote: str = Field(min_length=20, max_length=300)


class Recommendation(_Model):
    """One piece of advice from the knowledge base, with the rule that emitted it."""
    id: str = Field(pattern=r"^[a-z_]+\.[a-z0-9_]+$")
    category: Category
    title: str
    text: str
    rationale: str
    citations: list[Citation] = Field(min_length=1)
    rule: str = Field(description="Name of the rule that fired.")
    because: dict[str, Any] = Field(description="The facts the rule matched (field or derived key: value).")
    priority: Priority = Field(description="The entry's priority, raised where a rule says it matters more here.")
    moment: Moment
    owner: Owner


class Warning(Recommendation):
    """A warning: something that goes wrong in this situation unless handled."""


class Tradeoff(Recommendation):
    """Two municipal values that pull apart, and what each choice gives."""
    values: list[PriorityValue] = Field(min_length=2, max_length=2)
    favoured_value: PriorityValue
    favoured_by_priority: bool
    favoured_gives: str
    other_value: PriorityValue
    other_gives: str


class Decisions(_Model):
    meeting_type: MeetingType
    police_visibility: PoliceVisibility
    risk_level: RiskLevel


class SummaryDecision(_Model):
    """A decision in plain words, with a one-sentence reason built from what the rule matched."""
    decision: Literal["meeting_type", "police_visibility", "risk_level"]
    value: str
    label: str
    reason: str


class Summary(_Model):
    decisions: list[SummaryDecision] = Field(min_length=3, max_length=3)
    essentials: list[str] = Field(min_length=1, max_length=10,
                                  description="Ids of recommendations that must happen, in moment order.")
    warnings: list[str] = Field(description="Ids of the warnings.")


class Role(_Model):
    owner: Owner
    task: str


class RunbookItem(_Model):
    """A scenario of the scenario plan (asiel-2021 §7.4) with its six topics."""
    id: str = Field(pattern=r"^runbook\.[a-z0-9_]+$")
    title: str
    description: str
    prevention: list[str]
    response: list[str]
    roles: list[Role]
    attention: list[str]
    social_media: list[str]
    citations: list[Citation] = Field(min_length=1)


class AdviceDocument(_Model):
    """The full advice for one scenario."""
    model_config = ConfigDict(extra="forbid", frozen=True, title="bijeenkomstwijzer advice document")

    scenario: dict[str, Any] = Field(description="The validated input, defaults filled in (see `schema`).")
    language: Lang
    decisions: Decisions
    recommendations: list[Recommendation]
    tradeoffs: list[Tradeoff]
    warnings: list[Warning]
    summary: Summary
    runbook: list[RunbookItem]

    def to_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json")

    def to_json(self) -> str:
        """The canonical JSON (the bytes of ``to_json(self.to_dict())``), serialised by
        pydantic-core: the same text at a tenth of the cost (tests/test_plan.py compares)."""
        return self.model_dump_json(indent=2) + "\n"

    @property
    def lang(self) -> str:
        return self.language.value

    def item(self, entry_id: str) -> Recommendation:
        for key in ("recommendations", "warnings", "tradeoffs"):
            for item in getattr(self, key):
                if item.id == entry_id:
                    return item
        raise KeyError(entry_id)


def to_json(data: Any) -> str:
    """Canonical JSON: stable key order, UTF-8 text, trailing newline."""
    if isinstance(data, BaseModel):
        data = data.model_dump(mode="json")
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def json_schema() -> dict[str, Any]:
    """JSON Schema (Draft 2020-12) of the advice document, generated from the model."""
    schema = AdviceDocument.model_json_schema(mode="serialization")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


@dataclass(frozen=True)
class Raised:
    """Why an entry's priority is higher than the knowledge base's own: the rule and its match."""
    priority: Priority
    rule: str
    because: dict[str, Any]


@dataclass
class MemoContext:
    """What the memo adds to the document: date, knowledge version, reasons and the annex."""
    date: str                       # ISO date (SOURCE_DATE_EPOCH, else today)
    knowledge_version: str
    raised: dict[str, Raised] = field(default_factory=dict)
    trees: list[dict[str, Any]] = field(default_factory=list)     # analysis.explain derivation
    flips: list[dict[str, Any]] = field(default_factory=list)     # analysis.compare sensitivity
    risk: dict[str, Any] | None = None                          # rules.assessment.risk_breakdown
