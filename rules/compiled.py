"""The same rules without a Rete network: each rule's experta conditions compiled into plain
predicates and evaluated in the order of the layers.

Why this is exact: facts are never modified or retracted, rules never negate a derived fact
(``NOT`` only on ``Context``/``Nearby``, tests/test_kb.py checks it), and every derived key is
concluded by rules declared with ``@concludes``. So the set of activations does not depend on the
order of firing; evaluating the rules once each, in an order where every rule comes after the
rules that conclude what it matches, gives the activations experta finds. ``Firing`` and
``because`` are computed by the same code as in ``rules.base``. Tests and ``verify --exact``
compare both engines; ``rules.engine.evaluate(..., engine="experta")`` keeps the reference.
"""
from __future__ import annotations

import functools
import itertools
from dataclasses import dataclass, field
from typing import Any, Iterable

import rules._compat  # noqa: F401  (must come before experta)
from experta import AND, NOT, OR, TEST, Fact
from experta.fact import InitialFact
from experta.fieldconstraint import FieldConstraint, L, P, W
from experta.matchers.rete.check import FeatureCheck
from experta.matchers.rete.utils import prepare_rule

from facts.scenario import INPUT_FIELDS, Scenario
from rules.base import (DERIVED_KEYS, MAX_STEPS, Context, Firing, Nearby, RuleContractError,
                        RuleLoopError, _pattern_keys, _plain, rule_methods)

@dataclass(frozen=True)
class Pattern:
    """One fact pattern: the fact class and a check per constrained key (experta's own check
    functions, called on the field's value)."""
    fact_type: type
    checks: tuple[tuple[str, Any, Any], ...]  # (key, check function, expected)

    def match(self, fact: Fact) -> dict[str, Any] | None:
        """The bindings when ``fact`` matches (an empty dict for a match without bindings)."""
        bound: dict[str, Any] | None = None
        for key, check, expected in self.checks:
            try:
                value = fact[key]
            except KeyError:
                return None
            # a literal or a predicate without a binding: the check experta would make, inlined
            kind = type(expected)
            if kind is L and expected.__bind__ is None:
                if expected[0] == value:
                    continue
                return None
            if kind is P and expected.__bind__ is None:
                if expected.match(value):
                    continue
                return None
            res = check(value, expected)
            if res is False:
                return None
            if res is not True:
                if bound is None:
                    bound = {}
                bound.update(res)
        return bound if bound is not None else _NO_BINDINGS


_NO_BINDINGS: dict[str, Any] = {}


@dataclass(frozen=True)
class Branch:
    """One conjunction of the rule's disjunctive normal form."""
    positives: tuple[Pattern, ...]
    negatives: tuple[Pattern, ...]
    tests: tuple[Any, ...]


@dataclass
class CompiledRule:
    name: str
    fn: Any
    branches: tuple[Branch, ...]
    keys: dict[type, set[str]]
    emits: tuple[str, ...]
    concludes: str | None
    raises: Any
    needs: frozenset[str] = field(default_factory=frozenset)  # derived keys it matches
    args: frozenset[str] | None = None  # the body's parameters (None: it takes **kwargs)
    single: Pattern | None = None  # the only pattern, when the rule has one branch of one pattern


def _pattern(fact: Fact) -> Pattern:
    if type(fact) not in (Context, Nearby, *DERIVED_KEYS.values()):
        raise TypeError(f"rules match only Context, Nearby, Assessed and Decided facts, not {type(fact).__name__}")
    checks = []
    for key, value in fact.items():
        if isinstance(key, str) and key.startswith("__"):
            continue
        if not isinstance(key, str):
            raise TypeError(f"positional fact patterns are not supported: {fact!r}")
        how = value if isinstance(value, FieldConstraint) else L(value)
        check = FeatureCheck(key, how)
        checks.append((key, check.check, check.expected))
    if getattr(fact, "__bind__", None):
        raise TypeError(f"fact bindings (<<) are not supported: {fact!r}")
    return Pattern(type(fact), tuple(checks))


def _branch(ces: Iterable[Any]) -> Branch:
    pos, neg, tests = [], [], []
    for ce in ces:
        if isinstance(ce, InitialFact):
            continue
        if isinstance(ce, Fact):
            pos.append(_pattern(ce))
        elif isinstance(ce, NOT) and len(ce) == 1 and isinstance(ce[0], Fact):
            pattern = _pattern(ce[0])
            if pattern.fact_type in DERIVED_KEYS.values():
                raise TypeError("rules never negate a derived fact")
            neg.append(pattern)
        elif isinstance(ce, TEST):
            tests.append(ce[0])
        else:
            raise TypeError(f"unsupported condition {ce!r}")
    return Branch(tuple(pos), tuple(neg), tuple(tests))


class _NotSimple(Exception):
    """A condition the fast rewrite does not handle: experta's own rewrite is used."""


def _conjunctions(ces: Iterable[Any]) -> list[list[Any]]:
    """The disjunctive normal form of an implicit AND of conditions, for the shapes the rules
    use (Fact patterns with literal, predicate or binding fields; AND; OR; NOT of one Fact;
    TEST). tests/test_compiled.py checks it against experta's own rewrite for every rule."""
    branches: list[list[Any]] = [[]]
    for ce in ces:
        alternatives = _alternatives(ce)
        branches = [b + a for b in branches for a in alternatives]
    return branches


def _alternatives(ce: Any) -> list[list[Any]]:
    if isinstance(ce, OR):
        return [conj for sub in ce for conj in _alternatives(sub)]
    if isinstance(ce, AND):
        return _conjunctions(ce)
    if isinstance(ce, NOT):
        if len(ce) == 1 and isinstance(ce[0], Fact) and _simple_fact(ce[0]):
            return [[ce]]
        raise _NotSimple
    if isinstance(ce, Fact):
        if not _simple_fact(ce):
            raise _NotSimple
        return [[ce]]
    if isinstance(ce, TEST):
        return [[ce]]
    raise _NotSimple


def _simple_fact(fact: Fact) -> bool:
    return all(not isinstance(v, FieldConstraint) or type(v) in (L, P, W) for v in fact.values())


def _experta_conjunctions(rule) -> list[tuple[Any, ...]]:
    """experta's own rewrite (prepare_rule), as a list of conjunctions."""
    prepared = prepare_rule(rule)
    if len(prepared) == 1 and isinstance(prepared[0], OR):
        return [alt if isinstance(alt, AND) else (alt,) for alt in prepared[0]]
    return [tuple(prepared)]


def compile_rule(name: str, rule) -> CompiledRule:
    try:
        alternatives = _conjunctions(rule)
    except _NotSimple:
        alternatives = _experta_conjunctions(rule)
    branches = tuple(_branch(alt) for alt in alternatives)
    keys = _pattern_keys(tuple(rule), {})
    needs = frozenset(k for t, ks in keys.items() if t in DERIVED_KEYS.values() for k in ks)
    only = branches[0] if len(branches) == 1 else None
    single = only.positives[0] if only and len(only.positives) == 1 and not only.negatives and not only.tests else None
    return CompiledRule(name, rule._wrapped, branches, keys, tuple(getattr(rule, "_emits", ())),
                        getattr(rule, "_concludes", None), getattr(rule, "_raises", None), needs,
                        frozenset(rule._wrapped_args) if rule._wrapped_args else None, single)


def _order(compiled: list[CompiledRule]) -> tuple[CompiledRule, ...]:
    """Every rule after the rules that conclude the derived keys it matches (a cycle is a
    loop in the knowledge base: RuleLoopError)."""
    producers: dict[str, list[CompiledRule]] = {}
    for r in compiled:
        if r.concludes:
            producers.setdefault(r.concludes, []).append(r)
    depth: dict[str, int] = {}

    def level(r: CompiledRule, seen: tuple[str, ...] = ()) -> int:
        if r.name in depth:
            return depth[r.name]
        if r.name in seen:
            raise RuleLoopError(f"rules depend on each other's conclusions in a cycle: {' -> '.join(seen)}")
        lv = 0
        for key in r.needs:
            for p in producers.get(key, ()):
                lv = max(lv, level(p, seen + (r.name,)) + 1)
        depth[r.name] = lv
        return lv

    return tuple(sorted(compiled, key=lambda r: (level(r), r.name)))


class CompiledEngine:
    """Evaluates the compiled rules of some mixins; records what ``BaseEngine`` records."""

    def __init__(self, mixins: Iterable[type]):
        compiled = [compile_rule(name, rule) for mixin in mixins for name, rule in rule_methods(mixin)]
        self.rules = _order(compiled)
        self.advice: dict[str, list[Firing]] = {}
        self.conclusions: dict[str, tuple[Any, Firing]] = {}

    @classmethod
    def of_rules(cls, rules: Iterable[CompiledRule]) -> "CompiledEngine":
        """An engine over some compiled rules only (analysis/exact.py evaluates parts)."""
        engine = cls(())
        engine.rules = _order(list(rules))
        return engine

    def evaluate(self, scenario: Scenario, max_steps: int = MAX_STEPS) -> "CompiledEngine":
        values = {f: getattr(scenario, f) for f in INPUT_FIELDS if f != "name"}
        return self.run(values, scenario.nearby_stakeholders, {}, max_steps)

    def run(self, values: dict[str, Any], stakeholders: Iterable[Any], derived: dict[str, Any],
            max_steps: int = MAX_STEPS) -> "CompiledEngine":
        """Fire the rules on these input values, stakeholders and already derived facts."""
        self.advice, self.conclusions = {}, {}
        self._plain: dict[int, dict[str, Any]] = {}
        facts: dict[type, list[Fact]] = {Context: [Context(**values)],
                                        Nearby: [Nearby(nearby_stakeholders=s) for s in stakeholders]}
        for cls in set(DERIVED_KEYS.values()):
            facts.setdefault(cls, [])
        for key, value in derived.items():
            facts[DERIVED_KEYS[key]].append(DERIVED_KEYS[key](**{key: value}))
        steps = max_steps
        for rule in self.rules:
            for activation_facts, context in self._activations(rule, facts):
                if steps <= 0:
                    raise RuleLoopError(f"the rules fired more than {max_steps} times (last: {rule.name}); a rule loop?")
                steps -= 1
                _Firer(self, rule, activation_facts, facts).fire(context)
        return self

    @staticmethod
    def _activations(rule: CompiledRule, facts: dict[type, list[Fact]]):
        pattern = rule.single
        if pattern is not None:  # the common case: one pattern, no joins
            out = []
            for fact in facts[pattern.fact_type]:
                bound = pattern.match(fact)
                if bound is not None:
                    out.append(((fact,), bound))
            return out
        return list(CompiledEngine._joined(rule, facts))

    @staticmethod
    def _joined(rule: CompiledRule, facts: dict[type, list[Fact]]):
        seen = set()
        for branch in rule.branches:
            if len(branch.positives) == 1 and not branch.negatives and not branch.tests:
                pattern = branch.positives[0]  # one pattern: no join, no product
                for fact in facts[pattern.fact_type]:
                    bound = pattern.match(fact)
                    if bound is None:
                        continue
                    key = (frozenset((id(fact),)), tuple(sorted(bound.items())) if bound else ())
                    if key not in seen:
                        seen.add(key)
                        yield (fact,), bound
                continue
            candidates = []
            for pattern in branch.positives:
                options = []
                for fact in facts.get(pattern.fact_type, ()):
                    bound = pattern.match(fact)
                    if bound is not None:
                        options.append((fact, bound))
                if not options:
                    break
                candidates.append(options)
            else:
                for combo in itertools.product(*candidates):
                    context: dict[str, Any] = {}
                    consistent = True
                    for _, bound in combo:
                        for k, v in bound.items():
                            if k in context and context[k] != v:
                                consistent = False
                            context[k] = v
                    if not consistent:
                        continue
                    if any(any(p.match(f) is not None for f in facts.get(p.fact_type, ())) for p in branch.negatives):
                        continue
                    if any(not test(**context) for test in branch.tests):
                        continue
                    chosen = tuple(f for f, _ in combo)
                    key = (frozenset(map(id, chosen)), tuple(sorted(context.items(), key=lambda kv: kv[0])))
                    if key in seen:
                        continue
                    seen.add(key)
                    yield chosen, context


class _Firer:
    """What a rule body sees as ``self``: ``recommend`` and ``conclude``, as in BaseEngine."""

    def __init__(self, engine: CompiledEngine, rule: CompiledRule, matched: tuple[Fact, ...],
                 facts: dict[type, list[Fact]]):
        self._engine, self._rule, self._matched, self._facts = engine, rule, matched, facts

    def fire(self, context: dict[str, Any]) -> None:
        args = self._rule.args  # as experta's Rule.__call__: only the names the body takes
        self._rule.fn(self, **{k: v for k, v in context.items()
                               if not k.startswith("__") and (args is None or k in args)})

    def _firing(self) -> Firing:
        """As rules.base.firing_for, with each fact's plain values computed once per run."""
        firing = self.__dict__.get("_cached")
        if firing is None:
            plain = self._engine._plain
            because = {}
            for fact in self._matched:
                values = plain.get(id(fact))
                if values is None:
                    values = plain[id(fact)] = {k: _plain(v) for k, v in fact.items() if isinstance(k, str)}
                for key in self._rule.keys.get(type(fact), ()):
                    if key in values:
                        because[key] = values[key]
            firing = self._cached = Firing(self._rule.name, tuple(sorted(because.items())), self._rule.raises)
        return firing

    def recommend(self, *ids: str) -> None:
        declared = self._rule.emits
        for entry_id in ids or declared:
            if entry_id not in declared:
                raise RuleContractError(f"rule {self._rule.name} emits {entry_id!r} without declaring it in @emits")
            self._engine.advice.setdefault(entry_id, []).append(self._firing())

    def conclude(self, **assignment: Any) -> None:
        (key, value), = assignment.items()
        if self._rule.concludes != key:
            raise RuleContractError(f"rule {self._rule.name} concludes {key!r} without declaring it with @concludes")
        firing = self._firing()
        conclusions = self._engine.conclusions
        if key in conclusions:
            old_value, old_firing = conclusions[key]
            if old_value != value:
                raise RuleContractError(f"{key} concluded twice: {old_value} ({old_firing.rule}) and {value} ({firing.rule})")
            firing = min(old_firing, firing, key=lambda f: (f.rule, f.because))
        conclusions[key] = (value, firing)
        fact_class = DERIVED_KEYS[key]
        bucket = self._facts[fact_class]
        if not any(f.get(key) == value and len(f) == 1 for f in bucket):
            bucket.append(fact_class(**{key: value}))


@functools.lru_cache(maxsize=None)
def compiled_engine(mixins: tuple[type, ...]) -> CompiledEngine:
    return CompiledEngine(mixins)
