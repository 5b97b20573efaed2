"""The advisor engine: every decision area's rules combined into one engine.

Two engines run the same rules: ``experta`` (the reference: experta's Rete network, built once
by ``get_engine()`` and reset per scenario) and ``compiled`` (the default: the rules' own
conditions compiled into plain predicates, rules/compiled.py). Both give identical outcomes;
tests and ``verify --exact`` check it. Choose with ``evaluate(..., engine=...)`` or the
environment variable BIJEENKOMSTWIJZER_ENGINE.
"""
from __future__ import annotations

import functools
import inspect
import os
from dataclasses import dataclass, field
from typing import Any

from facts.scenario import Scenario
from rules.aftercare import AftercareRules
from rules.assessment import AssessmentRules
from rules.base import BaseEngine, Firing, Rule, _pattern_keys, rule_methods
from rules.communication import CommunicationRules
from rules.escalation import EscalationRules
from rules.meeting_type import MeetingTypeRules
from rules.police import PoliceRules
from rules.process import ProcessRules
from rules.runbook import RunbookRules
from rules.security import SecurityRules
from rules.setup import SetupRules

#: The decision areas in the order the layers build on each other.
MIXINS = (AssessmentRules, MeetingTypeRules, PoliceRules, SetupRules, SecurityRules,
          EscalationRules, CommunicationRules, ProcessRules, AftercareRules, RunbookRules)


class Advisor(*MIXINS, BaseEngine):
    """One engine with the rules of every area."""


@dataclass(frozen=True)
class RuleInfo:
    name: str
    area: str
    doc: str
    emits: tuple[str, ...]
    concludes: tuple[str, ...]
    rule: Rule

    @property
    def basis(self) -> tuple[str, ...]:
        """The entries whose citations support this rule: what it emits, or what it cites."""
        cited = getattr(self.rule, "_cites", None)
        return self.emits or ((cited,) if cited else ())

    @functools.cached_property
    def keys(self) -> frozenset[str]:
        """Every fact key the rule's patterns constrain (input fields and derived keys)."""
        return frozenset(k for ks in _pattern_keys(tuple(self.rule), {}).values() for k in ks)

    @property
    def summary(self) -> str:
        return self.doc.split("\n", 1)[0]


def _declared_conclusion(rule: Rule) -> tuple[str, ...]:
    key = getattr(rule, "_concludes", None)
    return (key,) if key else ()


@functools.lru_cache(maxsize=None)
def rule_info(name: str) -> RuleInfo:
    return next(r for r in catalog() if r.name == name)


@functools.lru_cache(maxsize=None)
def catalog() -> tuple[RuleInfo, ...]:
    """Every rule with its area, docstring and the entry ids it may emit, sorted by name."""
    out = []
    for mixin in MIXINS:
        area = mixin.__module__.rsplit(".", 1)[-1]
        for name, rule in rule_methods(mixin):
            out.append(RuleInfo(name, area, inspect.cleandoc(rule._wrapped.__doc__ or ""),
                                tuple(getattr(rule, "_emits", ())), _declared_conclusion(rule), rule))
    return tuple(sorted(out, key=lambda r: r.name))


@dataclass(frozen=True)
class Outcome:
    """What the engine concluded for one scenario (no texts: those come from kb/)."""
    scenario: Scenario
    decisions: dict[str, str]
    conclusions: dict[str, tuple[Any, Firing]]
    advice: dict[str, tuple[Firing, ...]]
    #: the runbook scenarios that apply (ids ``runbook.*``), with the firings that chose them
    runbook: dict[str, tuple[Firing, ...]] = field(default_factory=dict)

    @property
    def fired_rules(self) -> set[str]:
        """Names of the rules that concluded or emitted something for this scenario."""
        return ({f.rule for fs in (*self.advice.values(), *self.runbook.values()) for f in fs}
                | {firing.rule for _, firing in self.conclusions.values()})


@functools.lru_cache(maxsize=1)
def get_engine() -> Advisor:
    return Advisor()


def _concluding_mixins() -> tuple[type, ...]:
    """The areas whose rules conclude assessments or decisions."""
    return tuple(m for m in MIXINS
                 if any(getattr(r, "_concludes", None) for _, r in rule_methods(m)))


@functools.lru_cache(maxsize=1)
def get_decision_engine() -> BaseEngine:
    """An engine with only the areas that conclude assessments and decisions: the same
    rules, without the recommendation areas, for fast what-if search (sensitivity)."""
    engine_class = type("DecisionAdvisor", (*_concluding_mixins(), BaseEngine), {})
    return engine_class()


ENGINES = ("compiled", "experta")
ENGINE_ENV = "BIJEENKOMSTWIJZER_ENGINE"


def _engine_name(engine: str | None) -> str:
    name = engine or os.environ.get(ENGINE_ENV) or "compiled"
    if name not in ENGINES:
        raise ValueError(f"unknown engine {name!r}; one of {', '.join(ENGINES)}")
    return name


def _runner(engine: str | None, decisions_only: bool = False):
    if _engine_name(engine) == "experta":
        return get_decision_engine() if decisions_only else get_engine()
    from rules.compiled import compiled_engine
    return compiled_engine(_concluding_mixins() if decisions_only else MIXINS)


DECISION_KEYS = ("meeting_type", "police_visibility", "risk_level")


def decide(scenario: Scenario, engine: str | None = None) -> dict[str, str]:
    """The three decisions only (same rules as ``evaluate``, fewer of them run)."""
    ran = _runner(engine, decisions_only=True).evaluate(scenario)
    return {key: ran.conclusions[key][0].value for key in DECISION_KEYS if key in ran.conclusions}


def _sorted(firings) -> tuple[Firing, ...]:
    return tuple(sorted(set(firings), key=lambda x: (x.rule, x.because, str(x.priority))))


def evaluate(scenario: Scenario, engine: str | None = None) -> Outcome:
    """Run the rules on one scenario (``engine``: "compiled", the default, or "experta")."""
    ran = _runner(engine).evaluate(scenario)
    conclusions = dict(ran.conclusions)
    decisions = {key: conclusions[key][0].value for key in DECISION_KEYS if key in conclusions}
    advice = {i: _sorted(f) for i, f in ran.advice.items() if not i.startswith("runbook.")}
    runbook = {i: _sorted(f) for i, f in ran.advice.items() if i.startswith("runbook.")}
    return Outcome(scenario, decisions, conclusions, advice, runbook)
