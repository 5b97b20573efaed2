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
    node = _step(firing.rule, firing.because_dict(), outcome, key, _citations(info.basis[:1]),
                 value=value.value)
    if key == "risk_level":  # how the level was reached: the same function the rule uses
        from rules.assessment import risk_breakdown
        node["breakdown"] = risk_breakdown(outcome.scenario)
    return node


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


_WHY_ENTRIES_ONLY = {
    "nl": "Dit antwoord kan {n} aanbevelingen, waarschuwingen of afwegingen veranderen, waaronder",
    "en": "This answer can change {n} recommendations, warnings or trade-offs, among them",
}


# --- WHY: what an answer can change ---------------------------------------------------

@functools.cache
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
    through = {i for r in catalog() if r.keys & keys for i in r.emits if i in knowledge}  # entries, not runbook
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
        if decisions:
            lines.append("  " + label(lang, "why_entries").format(n=len(entries)) + ":")
        else:  # no decision to continue: a sentence of its own, not a dangling "and 22 ..."
            lines.append("  " + _WHY_ENTRIES_ONLY[lang].format(n=len(entries)) + ":")
        for entry_id in entries[:limit]:
            e = knowledge[entry_id]
            c = e.citations[0]
            lines.append(f"    - {e.title[lang]} ({entry_id}; {c.source} §{c.section})")
        if len(entries) > limit:
            lines.append("    - ... " + label(lang, "why_more").format(n=len(entries) - limit))
    return "\n".join(lines)


# --- WHY NOT: an entry that was not advised ----------------------------------------------

def _facts(scenario: Scenario, outcome: Outcome) -> dict[str, list[dict[str, Any]]]:
    """The working memory the rules saw, by fact class name (as the engine declares it)."""
    context = {f: getattr(scenario, f) for f in INPUT_FIELDS if f != "name"}
    facts: dict[str, list[dict[str, Any]]] = {
        "Context": [context],
        "Nearby": [{"nearby_stakeholders": s} for s in scenario.nearby_stakeholders],
        "Assessed": [], "Decided": []}
    for key, (value, _) in outcome.conclusions.items():
        cls = DERIVED_KEYS.get(key)
        if cls is not None:
            facts[cls.__name__].append({key: value})
    return facts


def _plain(value: Any) -> Any:
    if isinstance(value, (list, tuple, frozenset, set)):
        return [_plain(v) for v in value]
    return getattr(value, "value", value)


def _words(lang: str, key: str, value: Any) -> str:
    from render.labels import value_label
    return value_label(lang, key, _plain(value))


def _constraint(c: Any):
    """(test, describe) for one field constraint of a pattern: ``test(value) -> bool`` and
    ``describe(lang, key) -> str`` (what it needs, in words). Reads the P() predicates of
    rules.base.at_least / at_most / one_of from their closures."""
    from experta.fieldconstraint import ANDFC, NOTFC, ORFC, L, P, W

    if isinstance(c, W):
        return (lambda v: True), (lambda lang, key: "-")
    if isinstance(c, P):
        fn = c[0]
        kind = getattr(fn, "__qualname__", "").split(".")[0]
        if kind in ("at_least", "at_most"):
            bound = fn.__defaults__[0]
            in_time = type(bound).__name__ in ("Phase", "Moment")  # a phase is earlier or later
            suffix = {"at_least": {"nl": "of later" if in_time else "of hoger", "en": "or later" if in_time else "or higher"},
                      "at_most": {"nl": "of eerder" if in_time else "of lager", "en": "or earlier" if in_time else "or lower"}}[kind]
            return fn, (lambda lang, key: f"{_words(lang, key, bound)} {suffix[lang]}")
        if kind == "one_of":
            allowed = next(cell.cell_contents for cell in fn.__closure__ or () if isinstance(cell.cell_contents, frozenset))
            ordered = sorted(allowed, key=lambda v: (getattr(v, "rank", 0), str(v)))

            def describe(lang: str, key: str) -> str:
                words = [_words(lang, key, v) for v in ordered]
                return (", ".join(words[:-1]) + f" {'of' if lang == 'nl' else 'or'} " + words[-1]) if len(words) > 1 else words[0]
            return (lambda v: v in allowed), describe
        return fn, (lambda lang, key: {"nl": "een andere waarde", "en": "another value"}[lang])
    if isinstance(c, L):
        value = c[0]
        return (lambda v: v == value), (lambda lang, key: _words(lang, key, value))
    if isinstance(c, NOTFC):
        test, desc = _constraint(c[0])
        return (lambda v: not test(v)), (lambda lang, key: f"{'niet' if lang == 'nl' else 'not'} {desc(lang, key)}")
    if isinstance(c, (ANDFC, ORFC)):
        parts = [_constraint(x) for x in c]
        join = all if isinstance(c, ANDFC) else any
        word = {"nl": " en " if isinstance(c, ANDFC) else " of ", "en": " and " if isinstance(c, ANDFC) else " or "}
        return ((lambda v: join(t(v) for t, _ in parts)),
                (lambda lang, key: word[lang].join(d(lang, key) for _, d in parts if d(lang, key) != "-")))
    return (lambda v: v == c), (lambda lang, key: _words(lang, key, c))


def _failure(key: str, saw: Any, describe) -> dict[str, Any]:
    return {"field": key, "saw": None if saw is _MISSING else _plain(saw),
            "need_text": {lang: describe(lang, key) for lang in ("nl", "en")}}


_MISSING = object()


def _pattern_failures(pattern, facts: dict[str, list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """The constraints of one fact pattern that the closest fact of its class misses."""
    constraints = [(k, _constraint(v)) for k, v in pattern.items() if isinstance(k, str) and not k.startswith("_")]
    candidates = facts.get(type(pattern).__name__, [])
    best: list[dict[str, Any]] | None = None
    for fact in candidates:
        missed = []
        for key, (test, describe) in constraints:
            value = fact.get(key, _MISSING)
            try:
                ok = value is not _MISSING and bool(test(value))
            except TypeError:  # an ordinal compared with a value of another vocabulary
                ok = False
            if not ok:
                missed.append(_failure(key, value, describe))
        if best is None or len(missed) < len(best):
            best = missed
    if best is None:  # no fact of this class at all (no stakeholders, a conclusion not drawn)
        best = []
        for key, (_, describe) in constraints:
            saw: Any = _MISSING
            if type(pattern).__name__ == "Nearby":
                saw = []
            best.append(_failure(key, saw, describe))
    return best


def _ce_failures(ce, facts) -> list[dict[str, Any]]:
    from experta import AND, NOT, OR, TEST
    from experta import Fact as _Fact
    if isinstance(ce, _Fact):
        return _pattern_failures(ce, facts)
    if isinstance(ce, TEST):
        return []  # a test on bound values: judged by running the rules, not here
    if isinstance(ce, NOT):
        inner = [f for sub in ce for f in _ce_failures(sub, facts)]
        if inner:
            return []
        out = []
        for sub in ce:
            if isinstance(sub, _Fact):
                for key, value in sub.items():
                    if isinstance(key, str) and not key.startswith("_"):
                        _, describe = _constraint(value)
                        seen = next((f[key] for f in facts.get(type(sub).__name__, []) if key in f), _MISSING)
                        out.append(_failure(key, seen, lambda lang, k, d=describe: f"{'niet' if lang == 'nl' else 'not'} {d(lang, k)}"))
        return out
    if isinstance(ce, OR):
        branches = [_ce_failures(sub, facts) for sub in ce]
        if any(not b for b in branches):
            return []
        return min(branches, key=len)
    if isinstance(ce, (AND, tuple)):
        return [f for sub in ce for f in _ce_failures(sub, facts)]
    return []


def _candidates(scenario: Scenario, field: str) -> list[Any]:
    """The other values a field can take, for the search of the smallest change."""
    from analysis.compare import values_of
    current = scenario.model_dump(mode="json")[field]
    if field == "nearby_stakeholders":
        from facts.vocab import Stakeholder
        order = [m.value for m in Stakeholder]
        have = set(current)
        out = [sorted(have | {s}, key=order.index) for s in order if s not in have]
        return out + [sorted(have - {s}, key=order.index) for s in order if s in have]
    if field == "expected_visitors":
        from analysis.compare import visitor_thresholds
        return [v for v in visitor_thresholds() if v != current]
    return [v for v in values_of(field) if v != current]


def smallest_change(scenario: Scenario, entry_id: str, fields: list[str] | None = None,
                    max_fields: int = 3, goal=None) -> tuple[dict[str, Any], str] | None:
    """The smallest change (one field, else two; three only among ``fields``, the facts the
    rules missed) that makes the rules emit ``entry_id``, found and confirmed by running the
    real engine: (changes, rule that emits it)."""
    import itertools

    from analysis.compare import changed
    from facts.loader import InputError
    order = [f for f in INPUT_FIELDS if f != "name"]
    first = [f for f in (fields or []) if f in order]
    ranked = first + [f for f in order if f not in first]
    values = {f: _candidates(scenario, f) for f in ranked}

    def fires(changes: dict[str, Any]) -> str | None:
        try:
            new = changed(scenario, changes, "why-not")
        except InputError:
            return None
        out = evaluate(new)
        if goal is not None:  # another aim than the entry itself (a step of _stepwise)
            return goal(new, out)
        firings = out.advice.get(entry_id)
        return firings[0].rule if firings else None

    for field in ranked:
        for value in values[field]:
            rule = fires({field: value})
            if rule:
                return {field: value}, rule
    if max_fields < 2:
        return None
    relevant = set(first)
    for r in catalog():
        if entry_id in r.emits:
            for key in r.keys:
                relevant |= {key} if key in order else set(dependencies(key)) if key in DECISIONS else set()
                if key == "scale":
                    relevant.add("expected_visitors")
    # pairs among the fields the rules test first, then one of them with any other field (a
    # change can need a second one to stay valid: labour migrants with COA as initiator)
    near = [f for f in ranked if f in relevant] or ranked
    combos = list(itertools.combinations(near, 2))
    combos += [(a, b) for a in near for b in ranked if b not in near]
    for a, b in combos:
        for va, vb in itertools.product(values[a], values[b]):
            rule = fires({a: va, b: vb})
            if rule:
                return {a: va, b: vb}, rule
    if max_fields < 3 or not 3 <= len(first) <= 6:
        return None
    for combo in itertools.combinations(first, 3):
        for vals in itertools.product(*(values[f] for f in combo)):
            rule = fires(dict(zip(combo, vals)))
            if rule:
                return dict(zip(combo, vals)), rule
    return None


def _stepwise(scenario: Scenario, entry_id: str, lhs) -> tuple[dict[str, Any], str] | None:
    """When no change of up to three facts gives the entry: meet the rule's missed conditions
    one at a time (each with its own smallest change), then confirm the whole by running it."""
    from analysis.compare import changed
    from facts.loader import InputError
    total: dict[str, Any] = {}
    current = scenario
    for _ in range(6):
        out = evaluate(current)
        if entry_id in out.advice:
            return (total, out.advice[entry_id][0].rule) if total else None
        failed = _ce_failures(lhs, _facts(current, out))
        if not failed:
            return None
        field = failed[0]["field"]
        fields = ([field] if field in INPUT_FIELDS else list(dependencies(field)) if field in DECISIONS
                  else ["expected_visitors"] if field == "scale" else [])

        def goal(new, o, field=field):
            return "met" if all(f["field"] != field for f in _ce_failures(lhs, _facts(new, o))) else None
        found = smallest_change(current, entry_id, fields, goal=goal)
        if not found:
            return None
        total.update(found[0])
        try:
            current = changed(scenario, total, "why-not")
        except InputError:
            return None
    return None


def why_not(scenario: Scenario, entry_id: str, lang: str = "nl", outcome: Outcome | None = None) -> dict[str, Any]:
    """WHY NOT: the rules that could emit ``entry_id``, for each the conditions it missed
    (the fact it saw, the value it needed), and the smallest change that makes it fire."""
    knowledge = kb.load()
    entry = knowledge[entry_id]
    outcome = outcome or evaluate(scenario)
    facts = _facts(scenario, outcome)
    rules = []
    failed_fields: list[str] = []
    for r in catalog():
        if entry_id not in r.emits:
            continue
        failed = _ce_failures(tuple(r.rule), facts)
        rules.append({"rule": r.name, "doc": r.summary, "failed": failed})
        failed_fields += [f["field"] for f in failed if f["field"] not in failed_fields]
    subjects = [getattr(s, "value", s) for s in (getattr(entry, "subjects", None) or ())]
    excluded = bool(subjects) and scenario.subject.value not in subjects
    if excluded and "subject" not in failed_fields:
        failed_fields.insert(0, "subject")
    inputs = [f for f in failed_fields if f in INPUT_FIELDS]
    for f in failed_fields:  # a derived fact: the inputs it depends on come next
        if f in DECISIONS:
            inputs += [d for d in dependencies(f) if d not in inputs]
        if f == "scale" and "expected_visitors" not in inputs:
            inputs.append("expected_visitors")
    found = smallest_change(scenario, entry_id, inputs)
    if found is None:  # more than three facts: condition by condition, confirmed as a whole
        steps = [_stepwise(scenario, entry_id, tuple(r.rule)) for r in catalog() if entry_id in r.emits]
        steps = [s for s in steps if s]
        found = min(steps, key=lambda s: len(s[0])) if steps else None
    return {"id": entry_id, "title": entry.title[lang], "kind": entry.kind.value, "advised": False,
            "subject": scenario.subject.value, "subject_excluded": excluded, "rules": rules,
            "change": found[0] if found else None, "change_rule": found[1] if found else None}
