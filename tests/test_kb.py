"""Checks on the knowledge base itself (as SigmaHQ checks its rules)."""
from __future__ import annotations

import json

import pytest

from conftest import SHARED
from facts.vocab import Category, Kind
from analysis.knowledge import export
from rules.engine import catalog

CORE_IDS = [
    "setup.information_market", "setup.avoid_frontal_layout", "setup.multiple_sessions",
    "setup.small_group_dialogue", "setup.sounding_board_group", "setup.independent_facilitator",
    "setup.separate_stakeholder_sessions", "setup.separate_hearing_evening",
    "setup.invitation_check_at_entrance", "setup.online_keep_small", "security.risk_inventory",
    "security.scenarios", "security.local_triangle", "security.venue_safety_protocol",
    "security.house_rules", "security.administrative_measures", "security.ela_protocol",
    "escalation.listen_three_levels", "escalation.set_boundaries", "escalation.conflict_diagnosis",
    "escalation.restorative_mediation", "communication.social_media_monitoring",
    "communication.transparent_about_room", "process.private_initiator_dialogue",
    "aftercare.fixed_contact_person",
]


def test_sources_match_the_shared_index(knowledge):
    index = json.loads((SHARED / "seeds" / "index.json").read_text(encoding="utf-8"))
    assert set(knowledge.sources) == set(index)
    for sid, meta in index.items():
        src = knowledge.sources[sid]
        assert src.title == meta["title"] and src.date == meta["date"]
        assert src.sections == meta["sections"]
        assert list(src.actionable) == meta["actionable"]


@pytest.mark.parametrize("entry_id", CORE_IDS)
def test_core_ids_exist(knowledge, entry_id):
    assert entry_id in knowledge


def test_at_least_120_entries_with_both_languages(knowledge):
    assert len(knowledge.entries) >= 120
    for e in knowledge.entries.values():
        for field in ("title", "text", "rationale"):
            text = getattr(e, field)
            assert text.nl.strip() and text.en.strip(), (e.id, field)
            assert text.nl.strip() != text.en.strip(), f"{e.id}.{field}: nl and en are the same text"


def test_every_id_a_rule_can_emit_exists(knowledge):
    unknown = {(r.name, i) for r in catalog() for i in r.emits
               if i not in knowledge and i not in knowledge.runbook}
    assert not unknown


def test_every_entry_can_be_emitted_by_some_rule(knowledge):
    emitted = {i for r in catalog() for i in r.emits}
    assert sorted(set(knowledge.entries) - emitted) == []


def test_every_rule_has_a_docstring_naming_a_source(knowledge):
    for rule in catalog():
        assert rule.doc, rule.name
        assert any(sid in rule.doc for sid in knowledge.sources), f"{rule.name}: no source named"
        assert "§" in rule.doc, f"{rule.name}: no section named"


def test_rule_names_are_unique_across_areas():
    from rules.base import rule_methods
    from rules.engine import MIXINS
    seen = {}
    for mixin in MIXINS:
        for name, _ in rule_methods(mixin):
            assert name not in seen, f"{name} in {mixin.__name__} and {seen[name]}"
            seen[name] = mixin.__name__


def test_rules_never_negate_derived_facts():
    """A NOT over a derived fact could be tried before that fact exists (order-dependent)."""
    from rules.base import NOT, Advice, Assessed, Decided

    def walk(ce, negated=False):
        if isinstance(ce, (Assessed, Decided, Advice)):
            assert not negated, ce
        elif isinstance(ce, tuple):
            for sub in ce:
                walk(sub, negated or isinstance(ce, NOT))

    for rule in catalog():
        walk(tuple(rule.rule))


def test_categories_and_kinds(knowledge):
    for e in knowledge.entries.values():
        assert e.category in Category
        if e.kind == Kind.recommendation:
            assert e.id.startswith(e.category.value + ".")


def test_every_citation_holds_in_the_guides(checker):
    module, index = checker
    problems, cited, count = module.check(export(), index)
    assert count > 0
    assert problems == []


def test_every_actionable_section_is_cited(checker):
    module, index = checker
    _, cited, _ = module.check(export(), index)
    missing = [(s, sec) for s, m in index.items() for sec in m["actionable"] if (s, sec) not in cited]
    assert missing == []


def test_tradeoffs_name_two_values_and_what_each_gives(knowledge):
    tradeoffs = [e for e in knowledge.entries.values() if e.kind == Kind.tradeoff]
    assert len(tradeoffs) >= 2
    for e in tradeoffs:
        assert len(set(e.values)) == 2
        assert set(e.favours) == set(e.values)


def test_export_shape():
    items = export()
    assert [i["id"] for i in items] == sorted(i["id"] for i in items)
    for item in items:
        assert {"id", "category", "title", "text", "rationale", "citations", "rules"} <= set(item)
        assert set(item["title"]) == {"nl", "en"}
        assert item["rules"], item["id"]


def test_every_rule_matches_something_and_rests_on_a_citation(knowledge):
    """So every step of an explanation leads back to input fields and cites a guide."""
    for rule in catalog():
        assert rule.keys, f"{rule.name} matches no field"
        assert rule.basis and all(i in knowledge or i in knowledge.runbook for i in rule.basis), rule.name


def test_no_rule_matches_advice_while_advice_stays_out_of_working_memory():
    from rules.base import Advice, BaseEngine

    def uses_advice(ce):
        if isinstance(ce, Advice):
            return True
        return isinstance(ce, tuple) and any(uses_advice(sub) for sub in ce)

    if not BaseEngine.ADVICE_IN_WORKING_MEMORY:
        assert not [r.name for r in catalog() if uses_advice(tuple(r.rule))]
