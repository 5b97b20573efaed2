"""Exact verification of the whole input space (``verify --exact``): every property checked
over every combination of the inputs that can affect it, with a runnable counterexample.

How it stays small and exact:

- **Equivalence classes.** An enumerated field takes each of its values; a bool both; the number
  of visitors one value on each side of every limit in kb/parameters.yaml (rules see visitors
  only through those limits: no number lives in a rule); the nearby stakeholders every subset of
  those the rules name.
- **Cone of influence.** A rule depends on the input fields its patterns test and on the derived
  facts it matches (scale, risk_level, meeting_type, police_visibility), each of which depends
  on the fields of the rules that conclude it, and so on (closed over the derived facts).
- **Tables per layer.** Each derived fact is tabulated once over its own rules' direct fields and
  the values of the derived facts those rules match. A property over some rules is first checked
  over their direct fields × the reachable values of what they match (an over-approximation:
  nothing can be missed); each violation found there is then confirmed by a search for a concrete
  input, so no false alarm is reported either.

Properties: exactly one value per decision; the ``conflicts_with`` pairs never co-fire;
monotonicity (raising a risk factor never lowers risk or police visibility); every rule and entry
reachable, with a witness; no rule loop (the rules' conclusions form an acyclic order); every
entry only for its subjects, owners that fit the subject, and no other subject's terms in its
words.
"""
from __future__ import annotations

import itertools
import re
import time
from dataclasses import dataclass
from enum import Enum
from typing import Any, Iterable, get_args

import kb
from analysis.verify import ADVISES_AGAINST_FRONTAL, FRONTAL, RISK_FACTORS
from facts.scenario import INPUT_FIELDS, MAX_VISITORS, Scenario
from facts.vocab import Initiator, Kind, Owner, Stakeholder, Subject
from rules.base import DERIVED_KEYS, Context, Nearby, RuleContractError
from rules.compiled import CompiledEngine, CompiledRule, compiled_engine
from rules.engine import MIXINS

#: Raising one of these (to the next value) must never lower these decisions (the same
#: invariants as the sampled verify).
RAISES = RISK_FACTORS
MONOTONE = ("risk_level", "police_visibility")
DECISIONS = ("scale", "risk_level", "meeting_type", "police_visibility")
STAKEHOLDERS = "nearby_stakeholders"
_MISSING = "(none)"


def visitor_classes(parameters: Any | None = None) -> list[int]:
    """0, the maximum, and each side of every whole number in kb/parameters.yaml outside the
    risk table (the scale classes, the online limit and any other visitor limit)."""
    params = (parameters or kb.load().parameters).model_dump()
    params.pop("risk", None)
    limits: set[int] = set()

    def walk(value: Any) -> None:
        if isinstance(value, bool):
            return
        if isinstance(value, int):
            limits.add(value)
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, (list, tuple)):
            for v in value:
                walk(v)
    walk(params)
    values = {0, MAX_VISITORS}
    for t in limits:
        values |= {t - 1, t, t + 1}
    return sorted(v for v in values if 0 <= v <= MAX_VISITORS)


def _field_values(field: str, visitors: list[int]) -> list[Any]:
    if field == "expected_visitors":
        return visitors
    ann = Scenario.model_fields[field].annotation
    inner = [a for a in get_args(ann) if a is not type(None)] or [ann]
    kind = inner[0]
    if kind is bool:
        return [False, True]
    if isinstance(kind, type) and issubclass(kind, Enum):
        return list(kind)
    raise TypeError(f"{field}: no equivalence classes for {ann!r}")


@dataclass(frozen=True)
class Part:
    """Some rules evaluated together: their direct input fields and the derived keys they match."""
    rules: tuple[CompiledRule, ...]
    direct: tuple[str, ...]
    needs: tuple[str, ...]
    stakeholders: tuple[Stakeholder, ...]


def _direct(rule: CompiledRule) -> tuple[set[str], set[Stakeholder]]:
    fields, named = set(), set()
    for fact_type, keys in rule.keys.items():
        if fact_type is Context:
            fields |= keys
        elif fact_type is Nearby:
            fields.add(STAKEHOLDERS)
            named |= _stakeholders_named(rule)
    return fields, named


def _stakeholders_named(rule: CompiledRule) -> set[Stakeholder]:
    named: set[Stakeholder] = set()
    for branch in rule.branches:
        for pattern in (*branch.positives, *branch.negatives):
            if pattern.fact_type is not Nearby:
                continue
            for _, _, expected in pattern.checks:
                value = getattr(expected, "value", None) if type(expected).__name__ == "L" else None
                if isinstance(value, Stakeholder):
                    named.add(value)
                else:
                    return set(Stakeholder)  # a predicate: every stakeholder may matter
    return named


class Space:
    """The input space as the rules see it, with tables for the derived facts."""

    def __init__(self, mixins: Iterable[type] = MIXINS, knowledge: kb.KnowledgeBase | None = None):
        self.knowledge = knowledge or kb.load()
        self.engine = compiled_engine(tuple(mixins)) if tuple(mixins) == MIXINS else CompiledEngine(tuple(mixins))
        self.rules = self.engine.rules
        self.visitors = visitor_classes(self.knowledge.parameters)
        self.producers = {k: tuple(r for r in self.rules if r.concludes == k) for k in DERIVED_KEYS}
        self.combinations: dict[str, int] = {}
        self._cone: dict[str, frozenset[str]] = {}
        self._tables: dict[str, dict[tuple, Any]] = {}
        self._images: dict[str, dict[Any, list[dict[str, Any]]]] = {}
        self.stakeholders = tuple(sorted({s for r in self.rules for s in _direct(r)[1]}, key=list(Stakeholder).index))

    # -- structure ---------------------------------------------------------------------
    def part(self, rules: Iterable[CompiledRule]) -> Part:
        rules = tuple(rules)
        direct, named = set(), set()
        for r in rules:
            f, s = _direct(r)
            direct |= f
            named |= s
        needs = sorted({k for r in rules for k in r.needs})
        return Part(rules, tuple(sorted(direct)), tuple(needs), tuple(sorted(named, key=list(Stakeholder).index)))

    def cone(self, key: str) -> frozenset[str]:
        """The input fields a derived key depends on (closed over derived facts)."""
        if key not in self._cone:
            part = self.part(self.producers[key])
            fields = set(part.direct)
            for k in part.needs:
                fields |= self.cone(k)
            self._cone[key] = frozenset(fields)
        return self._cone[key]

    def values(self, field: str) -> list[Any]:
        if field == STAKEHOLDERS:
            return [tuple(s for i, s in enumerate(self.stakeholders) if mask >> i & 1)
                    for mask in range(2 ** len(self.stakeholders))]
        return _field_values(field, self.visitors)

    # -- evaluation ------------------------------------------------------------------------
    def run(self, part: Part, assign: dict[str, Any], derived: dict[str, Any]) -> CompiledEngine:
        engine = getattr(part, "_engine", None) or self._engine_for(part)  # built once per part
        return engine.run(assign, assign.get(STAKEHOLDERS, ()), {k: v for k, v in derived.items() if v is not None})

    def _engine_for(self, part: Part) -> CompiledEngine:
        engine = CompiledEngine.of_rules(part.rules)
        object.__setattr__(part, "_engine", engine)
        return engine

    def abstract(self, part: Part, extra: Iterable[str] = ()):
        """Every combination of the part's direct fields (and ``extra`` fields) and the
        reachable values of the derived keys it matches."""
        fields = tuple(dict.fromkeys((*part.direct, *extra)))
        value_lists = [self.values(f) for f in fields] + [list(self.image(k)) for k in part.needs]
        for combo in itertools.product(*value_lists):
            assign = dict(zip(fields, combo[:len(fields)]))
            derived = dict(zip(part.needs, combo[len(fields):]))
            if _valid(assign):
                yield assign, derived

    def table(self, key: str) -> dict[tuple, Any]:
        """The value of ``key`` for each combination of its rules' direct fields and matched
        derived values: a value, None (nothing concluded) or an error text."""
        if key not in self._tables:
            part = self.part(self.producers[key])
            table, n = {}, 0
            for assign, derived in self.abstract(part):
                n += 1
                try:
                    value = self.run(part, assign, derived).conclusions.get(key, (None,))[0]
                except RuleContractError as exc:
                    value = _Error(exc)
                table[_key(part.direct, assign) + tuple(derived.get(k) for k in part.needs)] = value
            self._tables[key] = table
            self.combinations[f"table {key}"] = n
        return self._tables[key]

    def derive(self, assign: dict[str, Any], keys: Iterable[str] | None = None) -> dict[str, Any]:
        """The derived values for a concrete assignment of (at least) the keys' cones."""
        out: dict[str, Any] = {}

        def value(key: str) -> Any:
            if key not in out:
                part = self.part(self.producers[key])
                needs = tuple(value(k) for k in part.needs)
                out[key] = self.table(key)[_key(part.direct, assign) + needs]
            return out[key]
        for key in keys or DERIVED_KEYS:
            value(key)
        return out

    def concrete(self, fields: Iterable[str], fixed: dict[str, Any] | None = None):
        """Every valid assignment of ``fields`` (those in ``fixed`` kept)."""
        fixed = fixed or {}
        free = [f for f in sorted(set(fields)) if f not in fixed]
        for combo in itertools.product(*(self.values(f) for f in free)):
            assign = {**fixed, **dict(zip(free, combo))}
            if _valid(assign):
                yield assign

    def image(self, key: str) -> dict[Any, list[dict[str, Any]]]:
        """The values ``key`` takes over its whole cone, each with the assignments giving it."""
        if key not in self._images:
            image: dict[Any, list[dict[str, Any]]] = {}
            n = 0
            for assign in self.concrete(self.cone(key)):
                n += 1
                image.setdefault(self.derive(assign, (key,))[key], []).append(assign)
            self._images[key] = image
            self.combinations[f"cone {key}"] = n
        return self._images[key]

    def find(self, fixed: dict[str, Any], derived: dict[str, Any]) -> dict[str, Any] | None:
        """A concrete assignment that agrees with ``fixed`` and gives these derived values
        (a join over the assignments of each derived key, with backtracking)."""
        keys = [k for k in derived]
        if not keys:
            return dict(fixed) if _valid(fixed) else None
        failed: set[tuple] = set()

        def extend(i: int, partial: dict[str, Any]) -> dict[str, Any] | None:
            if i == len(keys):
                return partial
            later = set().union(*(self.cone(k) for k in keys[i:])) if i < len(keys) else set()
            memo = (i, tuple(sorted((f, repr(v)) for f, v in partial.items() if f in later)))
            if memo in failed:
                return None
            for assign in self.image(keys[i]).get(derived[keys[i]], ()):
                if all(partial.get(f, v) == v for f, v in assign.items()):
                    merged = {**partial, **assign}
                    if _valid(merged):
                        found = extend(i + 1, merged)
                        if found is not None:
                            return found
            failed.add(memo)
            return None
        return extend(0, dict(fixed))

    def scenario(self, assign: dict[str, Any]) -> Scenario:
        """A full scenario from an assignment: the other fields at their defaults (or the first
        value for a required one)."""
        values: dict[str, Any] = {}
        for field in INPUT_FIELDS:
            if field == "name":
                continue
            if field in assign:
                values[field] = assign[field]
            elif Scenario.model_fields[field].is_required():
                values[field] = self.values(field)[0]
        if values.get("initiator") == Initiator.coa and "subject" not in assign:
            values["subject"] = Subject.asylum_reception
        return Scenario(name="tegenvoorbeeld", **values)


class _Error(str):
    """A rule contract error in a table cell (two conclusions that differ)."""

    def __new__(cls, exc: Exception):
        return super().__new__(cls, f"error: {exc}")


def _key(fields: tuple[str, ...], assign: dict[str, Any]) -> tuple:
    return tuple(assign[f] for f in fields)


def _valid(assign: dict[str, Any]) -> bool:
    """COA never initiates labour-migrant housing (invalid input, CONTRACT §1)."""
    return not (assign.get("subject") == Subject.labour_migrant_housing and assign.get("initiator") == Initiator.coa)


def counterexample(scenario: Scenario) -> str:
    import yaml
    data = {k: v for k, v in scenario.input_dict().items() if v not in (None, [], ())}
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


@dataclass
class Finding:
    property: str
    message: str
    scenario: Scenario | None = None
    #: does the counterexample show the finding when run through the experta engine?
    reproduces: Any = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"property": self.property, "message": self.message}
        if self.scenario is not None:
            out["counterexample"] = self.scenario.input_dict()
            out["yaml"] = counterexample(self.scenario)
            out["reproduced"] = bool(self.reproduces(self.scenario)) if self.reproduces else None
        return out


def _reference(scenario: Scenario):
    """The outcome of the reference (experta) engine, or the error it raises."""
    from rules.engine import evaluate
    try:
        return evaluate(scenario, "experta")
    except RuleContractError as exc:
        return exc


class Verifier:
    def __init__(self, space: Space):
        self.space = space
        self.findings: list[Finding] = []
        self.counts: dict[str, int] = {}
        self.witnesses: dict[str, Scenario] = {}

    def _firing_inputs(self, part: Part, want, extra: Iterable[str] = (), skip=None):
        """Concrete inputs (assignments) for the abstract combinations where ``want(engine)``
        holds, each confirmed by a search; ``skip(assign)`` passes over combinations already
        answered. ``self.counted`` counts the combinations tried."""
        space = self.space
        self.counted = 0
        for assign, derived in space.abstract(part, extra):
            self.counted += 1
            if skip is not None and skip(assign):
                continue
            if want(space.run(part, assign, derived)):
                concrete = space.find(assign, derived)
                if concrete is not None:
                    yield concrete

    def single_values(self) -> None:
        for key in DECISIONS:
            space = self.space
            table = space.table(key)
            part = space.part(space.producers[key])
            n = len(table)
            for combo, value in table.items():
                if not isinstance(value, Enum):
                    assign = dict(zip(part.direct, combo[:len(part.direct)]))
                    derived = dict(zip(part.needs, combo[len(part.direct):]))
                    concrete = space.find(assign, derived)
                    if concrete is not None:
                        what = "no value" if value is None else value
                        self.findings.append(Finding(
                            "one value per decision", f"{key}: {what}", space.scenario(concrete),
                            lambda sc, key=key: isinstance(_reference(sc), Exception) or key not in _reference(sc).conclusions))
                        break
            self.counts[f"one value: {key}"] = n

    def conflicts(self) -> None:
        space = self.space
        emitters = self._emitters()
        for pair in sorted(tuple(sorted(p)) for p in space.knowledge.conflicts()):
            a, b = pair
            part = space.part(list({r.name: r for r in (*emitters.get(a, ()), *emitters.get(b, ()))}.values()))
            found = next(self._firing_inputs(part, lambda ran, a=a, b=b: a in ran.advice and b in ran.advice), None)
            self.counts[f"conflict: {a} / {b}"] = self.counted
            if found:
                self.findings.append(Finding("conflicts never co-fire", f"{a} and {b} are advised together",
                                             space.scenario(found),
                                             lambda sc, a=a, b=b: {a, b} <= set(_reference(sc).advice)))

    def monotone(self) -> None:
        space = self.space
        for key in MONOTONE:
            cone = space.cone(key)
            image = space.image(key)
            order = None
            value_at: dict[tuple, Any] = {}
            fields = tuple(sorted(cone))
            for value, assigns in image.items():
                for assign in assigns:
                    value_at[_key(fields, assign)] = value
            order = {v: v.rank for v in image if isinstance(v, Enum)}
            broken = None
            for combo, value in value_at.items():
                assign = dict(zip(fields, combo))
                for factor in RAISES:
                    if factor not in cone:
                        continue
                    values = space.values(factor)
                    i = values.index(assign[factor])
                    if i + 1 == len(values):
                        continue
                    higher = value_at.get(_key(fields, {**assign, factor: values[i + 1]}))
                    if higher in order and value in order and order[higher] < order[value]:
                        broken = (assign, factor, values[i + 1], value, higher)
                        break
                if broken:
                    break
            self.counts[f"monotone: {key}"] = len(value_at)
            if broken:
                assign, factor, up, was, now = broken
                def lowered(sc, key=key, factor=factor, up=up):
                    before = _reference(sc).conclusions[key][0]
                    after = _reference(sc.model_copy(update={factor: up})).conclusions[key][0]
                    return after < before
                self.findings.append(Finding(
                    "monotonicity", f"raising {factor} to {getattr(up, 'value', up)} lowers {key} from "
                    f"{was.value} to {now.value}", space.scenario(assign), lowered))

    def reachable(self) -> None:
        space = self.space
        n_total = 0
        for rule in space.rules:
            part = space.part([rule])
            found = next(self._firing_inputs(part, lambda ran: bool(ran.advice or ran.conclusions)), None)
            n_total += self.counted
            if found:
                self.witnesses[rule.name] = space.scenario(found)
            else:
                self.findings.append(Finding("every rule reachable", f"rule {rule.name} never fires"))
        emitted = {i for r in space.rules for i in r.emits}
        for entry_id in sorted((*space.knowledge.entries, *space.knowledge.runbook)):
            if entry_id not in emitted:
                self.findings.append(Finding("every entry reachable", f"no rule emits {entry_id}"))
            elif not any(r.name in self.witnesses for r in space.rules if entry_id in r.emits):
                self.findings.append(Finding("every entry reachable", f"{entry_id}: no input fires a rule that emits it"))
        self.counts["reachable: rules and entries"] = n_total

    def subjects(self, terms: dict[str, dict[str, list[str]]]) -> None:
        """Each entry only for its subjects; for each subject it can be advised for, an owner
        that fits and no other subject's terms in its words."""
        space = self.space
        knowledge = space.knowledge
        emitters = self._emitters()
        n_total = 0
        patterns = {(s, lang): re.compile("|".join(t), re.I) for s, langs in terms.items() for lang, t in langs.items()}
        for entry_id, entry in sorted(knowledge.entries.items()):
            part = space.part(emitters.get(entry_id, ()))
            if not part.rules:
                continue
            seen: set[Subject] = set()
            for concrete in self._firing_inputs(part, lambda ran, entry_id=entry_id: entry_id in ran.advice, extra=("subject",),
                                                skip=lambda assign, seen=seen: assign["subject"] in seen):
                subject = concrete["subject"]
                seen.add(subject)
                scenario = space.scenario(concrete)
                advised = (lambda sc, entry_id=entry_id: entry_id in _reference(sc).advice)
                if subject not in entry.subjects:
                    self.findings.append(Finding("entries only for their subjects",
                                                 f"{entry_id} is advised for {subject.value}", scenario, advised))
                    continue
                worded = entry.worded(subject)
                if subject == Subject.labour_migrant_housing and worded.owner == Owner.coa:
                    self.findings.append(Finding("owners fit the subject", f"{entry_id}: owner coa for labour migrants",
                                                 scenario, advised))
                for field in ("title", "text", "rationale"):
                    for lang in ("nl", "en"):
                        text = getattr(worded, field)[lang]
                        pattern = patterns.get((subject.value, lang))
                        hit = pattern.search(text) if pattern else None
                        if hit:
                            self.findings.append(Finding("texts fit the subject",
                                                         f"{entry_id} {field}.{lang} says {hit.group(0)!r} for {subject.value}",
                                                         scenario, advised))
                if entry.kind == Kind.recommendation and entry_id not in ADVISES_AGAINST_FRONTAL:
                    if any(FRONTAL.search(t) for t in (worded.title.nl, worded.title.en, worded.text.nl, worded.text.en)):
                        self.findings.append(Finding("no frontal layout", f"{entry_id} proposes a frontal or plenary layout",
                                                     scenario, advised))
            n_total += self.counted
        self.counts["subjects: entries"] = n_total

    def _emitters(self) -> dict[str, list[CompiledRule]]:
        out: dict[str, list[CompiledRule]] = {}
        for r in self.space.rules:
            for i in r.emits:
                out.setdefault(i, []).append(r)
        return out


def subject_terms() -> dict[str, dict[str, list[str]]]:
    """Per subject and language, the terms that must not appear in its advice
    (kb/subject_terms.yaml, shared with tests/test_subjects.py)."""
    import yaml
    return yaml.safe_load((kb.HERE / "subject_terms.yaml").read_text(encoding="utf-8"))


def verify_exact(mixins: Iterable[type] = MIXINS, knowledge: kb.KnowledgeBase | None = None) -> dict[str, Any]:
    started = time.perf_counter()
    space = Space(mixins, knowledge)
    verifier = Verifier(space)
    layers = sorted({_layer(space, r) for r in space.rules})
    verifier.single_values()
    verifier.conflicts()
    verifier.monotone()
    verifier.reachable()
    verifier.subjects(subject_terms())
    counts = {**verifier.counts, **space.combinations}
    report = {
        "mode": "exact",
        "properties": {
            "one value per decision": [k for k in DECISIONS],
            "conflicts never co-fire": len(space.knowledge.conflicts()),
            "monotonicity": {k: list(RAISES) for k in MONOTONE},
            "every rule and entry reachable": {"rules": len(space.rules),
                                               "entries": len(space.knowledge.entries) + len(space.knowledge.runbook)},
            "no rule loop": f"the rules' conclusions form an acyclic order of {len(layers)} layers",
            "entries fit their subject": len(space.knowledge.entries),
        },
        "visitor_classes": space.visitors,
        "combinations": counts,
        "combinations_total": sum(counts.values()),
        "findings": [f.to_dict() for f in verifier.findings],
        "seconds": round(time.perf_counter() - started, 1),
    }
    report["ok"] = not verifier.findings
    return report


def _layer(space: Space, rule: CompiledRule) -> int:
    """0 for a rule on input facts only, else one more than the rules concluding what it matches."""
    return max((1 + _layer(space, p) for k in rule.needs for p in space.producers[k]), default=0)
