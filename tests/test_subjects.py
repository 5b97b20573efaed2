"""Every subject's advice speaks of that subject only (issue 9).

The rules run for each subject over every phase, every initiator the subject allows and every
level of protest, with a few toggles on top (council meeting, online, threats, nearby
stakeholders, room on the implementation, a supported private initiative, scale and pressure).
For every entry emitted, the words for that subject (``Entry.worded(subject)``: title, text and
rationale, nl and en) and, for runbook scenarios, every text of the scenario must name no other
subject's terms. Labour-migrant advice never names COA, asylum seekers or "opvang" (the
labour-migrant guide warns that these terms get mixed up online, arbeidsmigranten-2025 §7.1);
asylum advice names no labour migrants or status holders; status-holder advice names no labour
migrants, asylum seekers or "opvang". An entry is only emitted for the subjects it lists, and
its owner is never COA for labour migrants.
"""
from __future__ import annotations

import functools
import itertools
import re

import pytest
import yaml

import kb
from facts.scenario import Scenario
from facts.vocab import Initiator, Owner, Phase, Protest, Stakeholder, Subject
from rules.engine import evaluate

def forbidden(subject: Subject) -> dict[str, list[re.Pattern]]:
    """Per language, the other subjects' terms (kb/subject_terms.yaml, the list
    ``verify --exact`` uses too)."""
    terms = yaml.safe_load((kb.HERE / "subject_terms.yaml").read_text(encoding="utf-8"))[subject.value]
    return {lang: [re.compile(p, re.IGNORECASE) for p in patterns] for lang, patterns in terms.items()}


INITIATORS = {
    Subject.asylum_reception: tuple(Initiator),
    Subject.status_holder_housing: tuple(Initiator),
    Subject.labour_migrant_housing: (Initiator.municipality, Initiator.private),
}

#: the room for decision that goes with each phase in the base grid.
ROOM = {Phase.exploration: {"room_for_decision": "open", "creativity_needed": True},
        Phase.proposal: {"room_for_decision": "conditions"},
        Phase.decided: {"room_for_decision": "none"},
        Phase.implementation: {"room_for_decision": "conditions"},
        Phase.occupied: {"room_for_decision": "none"}}

TOGGLES = (
    {},
    {"council_meeting": True},
    {"format": "online"},
    {"threats_to_officials": True, "outside_groups": True},
    {"nearby_stakeholders": [s.value for s in Stakeholder]},
    {"implementation_room": True},
    {"municipality_supports_initiative": True},
    {"room_for_decision": "open", "creativity_needed": True},
    {"expected_visitors": 600, "social_media": "mobilising", "media_attention": "national"},
    {"trust_in_government": "low", "supporting_initiatives": True, "priority_value": "safety"},
    {"priority_value": "contribution", "area": "urban"},
)


def scenarios(subject: Subject):
    for phase, initiator, protest, toggle in itertools.product(
            Phase, INITIATORS[subject], Protest, TOGGLES):
        data = {"subject": subject.value, "phase": phase.value, "initiator": initiator.value,
                "expected_visitors": 40, "existing_protest": protest.value, **ROOM[phase], **toggle}
        yield Scenario.model_validate(data)


@functools.cache
def emitted(subject: Subject) -> frozenset[str]:
    """Every id the rules emit for ``subject`` anywhere on the grid: entries and runbook
    scenarios (``Outcome.runbook``)."""
    ids: set[str] = set()
    for scenario in scenarios(subject):
        outcome = evaluate(scenario)
        ids |= set(outcome.advice) | set(getattr(outcome, "runbook", {}))
    return frozenset(ids)


def _texts(knowledge, entry_id: str, subject: Subject):
    """(field, lang, text) for every user-facing text of an emitted entry or runbook scenario."""
    if entry_id in knowledge.entries:
        words = knowledge.entries[entry_id].worded(subject)
        for field in ("title", "text", "rationale"):
            for lang in ("nl", "en"):
                yield field, lang, getattr(words, field)[lang]
        return
    scenario = knowledge.runbook[entry_id]
    for field in ("title", "description"):
        for lang in ("nl", "en"):
            yield field, lang, getattr(scenario, field)[lang]
    for field in ("prevention", "response", "attention", "social_media"):
        for i, item in enumerate(getattr(scenario, field)):
            for lang in ("nl", "en"):
                yield f"{field}[{i}]", lang, item[lang]
    for i, role in enumerate(scenario.roles):
        for lang in ("nl", "en"):
            yield f"roles[{i}]", lang, role.task[lang]


def offending_terms(subject: Subject) -> list[tuple[str, str, str, str]]:
    """(category, id, field.lang, term) for every other-subject term in ``subject``'s advice."""
    knowledge = kb.load()
    patterns = forbidden(subject)
    found = []
    for entry_id in sorted(emitted(subject)):
        category = (knowledge.entries[entry_id].category.value if entry_id in knowledge.entries
                    else "runbook")
        for field, lang, text in _texts(knowledge, entry_id, subject):
            for pattern in patterns[lang]:
                for match in sorted({m.group(0) for m in pattern.finditer(text)}):
                    found.append((category, entry_id, f"{field}.{lang}", match))
    return found


def _report(subject: Subject, found) -> str:
    by_category: dict[str, set[str]] = {}
    for category, entry_id, _, _ in found:
        by_category.setdefault(category, set()).add(entry_id)
    entries = sum(len(v) for v in by_category.values())
    lines = [f"{subject.value}: {len(found)} other-subject terms in {entries} entries"]
    lines += [f"  {c}: {len(ids)} entries" for c, ids in sorted(by_category.items())]
    lines += [f"  {entry_id}  {field}  {term!r}" for _, entry_id, field, term in found]
    return "\n".join(lines)


@pytest.mark.parametrize("subject", list(Subject), ids=lambda s: s.value)
def test_advice_names_no_other_subject(subject):
    found = offending_terms(subject)
    if found:
        pytest.fail(_report(subject, found), pytrace=False)


@pytest.mark.parametrize("subject", list(Subject), ids=lambda s: s.value)
def test_entries_are_emitted_only_for_their_subjects(subject):
    knowledge = kb.load()
    stray = []
    for entry_id in sorted(emitted(subject)):
        allowed = (knowledge.entries[entry_id].subjects if entry_id in knowledge.entries
                   else knowledge.runbook[entry_id].subjects)
        if subject not in allowed:
            stray.append(entry_id)
    assert not stray, f"emitted for {subject.value} outside their `subjects`: {stray}"


def test_the_grid_reaches_the_runbook():
    """The grid is not too calm to test the runbook's texts: tense cells choose scenarios."""
    for subject in Subject:
        assert any(i.startswith("runbook.") for i in emitted(subject)), subject


def test_owner_is_never_coa_for_labour_migrants():
    knowledge = kb.load()
    subject = Subject.labour_migrant_housing
    coa = [i for i in sorted(emitted(subject)) if i in knowledge.entries
           and knowledge.entries[i].worded(subject).owner == Owner.coa]
    coa += [i for i in sorted(emitted(subject)) if i in knowledge.runbook
            and any(r.owner == Owner.coa for r in knowledge.runbook[i].roles)]
    assert not coa, f"owner coa in labour-migrant advice: {coa}"


def test_the_term_lists_catch_what_they_must():
    """The patterns are not vacuous: they flag the words they name and spare look-alikes."""
    labour_nl = forbidden(Subject.labour_migrant_housing)["nl"]
    hits = lambda text: [p.pattern for p in labour_nl if p.search(text)]
    assert hits("Werk samen met het COA.")
    assert hits("de opvang van asielzoekers")
    assert hits("bij de opvanglocatie")
    assert hits("statushouders huisvesten")
    assert not hits("ouders van de kinderopvang naast de locatie")
    assert not hits("Huisvesting van arbeidsmigranten, met de initiatiefnemer en de werkgever.")
    asylum_en = forbidden(Subject.asylum_reception)["en"]
    assert any(p.search("the labour migrants and their employer") for p in asylum_en)
    assert not any(p.search("the reception centre run by COA") for p in asylum_en)
