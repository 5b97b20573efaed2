"""The engine's working memory and the small API every rule module uses.

Layers of facts (each declared once, never modified, so firing order cannot change a
result):

1. input:       ``Context`` (one per scenario, every scenario field) and ``Nearby``
                (one per nearby stakeholder);
2. assessments: ``Assessed(scale=...)``, ``Assessed(risk_level=...)``;
3. decisions:   ``Decided(meeting_type=...)``, ``Decided(police_visibility=...)``;
4. advice:      ``Advice(id=..., rule=..., because=...)`` for recommendations, warnings
                and trade-offs; the texts live in kb/, never in a rule.

Rules match on enum members from ``facts.vocab`` (a typo fails at import) and use
``at_least``/``at_most``/``one_of`` for ordinal comparisons. A rule lists the entry ids it
may emit with ``@emits(...)``; ``self.recommend()`` declares them, with ``because`` filled in
from the facts the rule matched. Rules never negate derived facts (``NOT(Decided(...))``):
a derived fact may not exist yet when the rule is tried.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Iterable

import rules._compat  # noqa: F401  (must come before experta)
from experta import AND, MATCH, NOT, OR, TEST, Fact, KnowledgeEngine, P, Rule  # noqa: F401  (re-exported for rule modules)
from experta.fact import InitialFact
from experta.matchers import ReteMatcher

from facts.scenario import INPUT_FIELDS, Scenario

#: A rule-firing budget per scenario; a knowledge base that loops hits it and is reported.
MAX_STEPS = 5000


class Context(Fact):
    """The scenario's input fields (enum members, ints, bools)."""


class Nearby(Fact):
    """One nearby stakeholder: ``Nearby(nearby_stakeholders=Stakeholder.school)``."""


class Assessed(Fact):
    """An assessment: ``Assessed(scale=Scale.large)`` or ``Assessed(risk_level=RiskLevel.high)``."""


class Decided(Fact):
    """A decision: ``Decided(meeting_type=...)`` or ``Decided(police_visibility=...)``."""


class Advice(Fact):
    """An emitted knowledge-base entry (recommendation, warning or trade-off)."""


DERIVED_KEYS = {"scale": Assessed, "risk_level": Assessed,
                "meeting_type": Decided, "police_visibility": Decided}


def at_least(value) -> P:
    """Field constraint: the ordinal value is ``value`` or higher."""
    return P(lambda v, _min=value: v >= _min)


def at_most(value) -> P:
    """Field constraint: the ordinal value is ``value`` or lower."""
    return P(lambda v, _max=value: v <= _max)


def one_of(*values) -> P:
    """Field constraint: the value is one of ``values``."""
    allowed = frozenset(values)
    return P(lambda v: v in allowed)


def emits(*ids: str) -> Callable:
    """Declare the knowledge-base ids a rule may emit (checked at run time and in tests)."""
    def mark(fn):
        fn._emits = tuple(ids)
        return fn
    return mark


def raises(priority) -> Callable:
    """Declare that the entries this rule emits matter more in its situation: their priority
    is raised to ``priority`` (a ``facts.vocab.Priority``); the advice shows this rule and the
    facts it matched as the reason."""
    def mark(fn):
        fn._raises = priority
        return fn
    return mark


def cites(entry_id: str) -> Callable:
    """For a rule that emits no entry (an assessment): the entry whose citations it rests on."""
    def mark(fn):
        fn._cites = entry_id
        return fn
    return mark


def concludes(key: str) -> Callable:
    """Declare the assessment or decision a rule concludes (``scale``, ``risk_level``,
    ``meeting_type`` or ``police_visibility``)."""
    if key not in DERIVED_KEYS:
        raise ValueError(f"unknown conclusion {key!r}; one of {sorted(DERIVED_KEYS)}")

    def mark(fn):
        fn._concludes = key
        return fn
    return mark


class RuleLoopError(RuntimeError):
    """The rules kept firing past MAX_STEPS: a loop in the knowledge base."""


class RuleContractError(RuntimeError):
    """A rule emitted an id it did not declare with @emits, or concluded twice."""


@dataclass(frozen=True)
class Firing:
    """One emitted entry or conclusion: which rule, on which matched values."""
    rule: str
    because: tuple[tuple[str, Any], ...]
    #: the priority this firing raises the entry to (``@raises``), or None
    priority: Any = None

    def because_dict(self) -> dict[str, Any]:
        return dict(self.because)


def _plain(value: Any) -> Any:
    if hasattr(value, "value") and isinstance(value, str):
        return value.value
    if isinstance(value, (tuple, list, frozenset)):
        return [_plain(v) for v in value]
    return value


def _pattern_keys(ce, acc: dict[type, set[str]], negated: bool = False) -> dict[type, set[str]]:
    """The fact keys each fact class is constrained on in a rule's left-hand side."""
    if isinstance(ce, Fact):
        if not negated:
            keys = {k for k in ce if isinstance(k, str) and not k.startswith("_")}
            acc.setdefault(type(ce), set()).update(keys)
    elif isinstance(ce, TEST):
        pass
    elif isinstance(ce, tuple):
        for sub in ce:
            _pattern_keys(sub, acc, negated or isinstance(ce, NOT))
    return acc


def firing_for(name: str, keys: dict[type, set[str]], facts: Iterable[Fact], priority: Any = None) -> Firing:
    """The firing of rule ``name`` on the matched ``facts``: ``because`` holds every key the
    rule's patterns constrain, with the value in the fact that matched (input facts first)."""
    because = {}
    for fact in facts:
        if isinstance(fact, InitialFact):
            continue
        for key in keys.get(type(fact), ()):
            if key in fact:
                because[key] = _plain(fact[key])
    return Firing(name, tuple(sorted(because.items())), priority)


class _Matcher(ReteMatcher):
    """experta's Rete matcher, polling only the conflict-set nodes that changed.

    The stock ``changes`` asks every rule's terminal node for its activations after every
    firing (and each answer allocates two new sets); with ~200 rules that was half the run
    time. Skipping the nodes with nothing to report gives the same activations in the same
    order.
    """

    def changes(self, adding=None, deleting=None):
        for fact in deleting or ():
            self.root_node.remove(fact)
        for fact in adding or ():
            self.root_node.add(fact)
        added, removed = [], []
        for node in self._get_conflict_set_nodes():
            if node.added or node.removed:
                a, r = node.get_activations()
                added.extend(a)
                removed.extend(r)
        return added, removed


class BaseEngine(KnowledgeEngine):
    """Shared machinery: declare a scenario, run with a step limit, record firings."""

    __matcher__ = _Matcher
    #: Advice is the last layer: no rule matches on it today (tests/test_kb.py checks), so
    #: emitted entries are recorded in ``self.advice`` without a trip through the Rete
    #: network (about 40% of the run time). Set True when a rule starts matching Advice.
    ADVICE_IN_WORKING_MEMORY = False

    def __init__(self):
        super().__init__()
        self._keys_cache: dict[str, dict[type, set[str]]] = {}
        self._activation = None
        self.advice: dict[str, list[Firing]] = {}
        self.conclusions: dict[str, tuple[Any, Firing]] = {}

    # -- running -------------------------------------------------------------
    def evaluate(self, scenario: Scenario, max_steps: int = MAX_STEPS) -> "BaseEngine":
        """Reset, declare the scenario's facts and run to quiescence (or RuleLoopError)."""
        self.reset()
        self.advice, self.conclusions = {}, {}
        values = {f: getattr(scenario, f) for f in INPUT_FIELDS if f != "name"}
        self.declare(Context(**values))
        for stakeholder in scenario.nearby_stakeholders:
            self.declare(Nearby(nearby_stakeholders=stakeholder))
        self.run(max_steps)
        return self

    def run(self, steps: int = MAX_STEPS):
        """experta's run loop, keeping the current activation for ``because``."""
        self.running = True
        limit = steps
        try:
            while self.running:
                added, removed = self.get_activations()
                self.strategy.update_agenda(self.agenda, added, removed)
                activation = self.agenda.get_next()
                if activation is None:
                    return
                if steps <= 0:
                    raise RuleLoopError(f"the rules fired more than {limit} times "
                                        f"(last: {activation.rule.__name__}); a rule loop?")
                steps -= 1
                self._activation = activation
                activation.rule(self, **{k: v for k, v in activation.context.items()
                                         if not k.startswith("__")})
        finally:
            self._activation = None
            self.running = False

    # -- what rules call -----------------------------------------------------
    def _firing(self) -> Firing:
        activation = self._activation
        rule = activation.rule
        name = rule.__name__
        keys = self._keys_cache.get(name)
        if keys is None:
            keys = self._keys_cache[name] = _pattern_keys(tuple(rule), {})
        return firing_for(name, keys, activation.facts, getattr(rule, "_raises", None))

    def recommend(self, *ids: str) -> None:
        """Emit knowledge-base entries (all that the rule declares, when none are named)."""
        rule = self._activation.rule
        declared = getattr(rule, "_emits", ())
        for entry_id in ids or declared:
            if entry_id not in declared:
                raise RuleContractError(f"rule {rule.__name__} emits {entry_id!r} "
                                        f"without declaring it in @emits")
            firing = self._firing()
            self.advice.setdefault(entry_id, []).append(firing)
            if self.ADVICE_IN_WORKING_MEMORY:
                self.declare(Advice(id=entry_id, rule=firing.rule))

    def conclude(self, **assignment: Any) -> None:
        """Declare one assessment or decision, e.g. ``conclude(scale=Scale.large)``."""
        (key, value), = assignment.items()
        rule = self._activation.rule
        if getattr(rule, "_concludes", None) != key:
            raise RuleContractError(f"rule {rule.__name__} concludes {key!r} without declaring "
                                    f"it with @concludes")
        fact_class = DERIVED_KEYS[key]
        firing = self._firing()
        if key in self.conclusions:
            old_value, old_firing = self.conclusions[key]
            if old_value != value:
                raise RuleContractError(f"{key} concluded twice: {old_value} ({old_firing.rule}) "
                                        f"and {value} ({firing.rule})")
            # several activations may conclude the same value: keep the same one whatever the
            # firing order, so every engine records the same derivation
            firing = min(old_firing, firing, key=lambda f: (f.rule, f.because))
        self.conclusions[key] = (value, firing)
        self.declare(fact_class(**{key: value}))


def rule_methods(cls: type) -> Iterable[tuple[str, Rule]]:
    """The rules a class (or mixin) defines itself, by name."""
    for name, value in vars(cls).items():
        if isinstance(value, Rule):
            yield name, value
