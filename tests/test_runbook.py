"""The runbook of asiel-2021 §7.4: scenarios as knowledge, and the rules that decide which apply.

Every scenario has the six topics the guides name ("Beschrijving scenario, Preventieve
maatregelen, Maatregelen voor de respons, Rollen en taken: wie doet wat?, Aandachtspunten,
(Actief) gebruik van social media"), citations that hold inside the section they name, and a
rule that emits it. Tense situations get the scenarios that fit them, calm ones get none, and
more protest, threats or social-media pressure never removes a scenario.
"""
from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, SHARED
from test_sections import ANCHORS, _spans

import kb
from facts.loader import load_file
from facts.scenario import Scenario
from facts.vocab import Owner, Subject
from rules.engine import catalog, evaluate

#: the three scenarios asiel-2021 §7.4 names, and the three more the guides support.
NAMED = ("runbook.public_order", "runbook.council_meeting_disruption", "runbook.threats_intimidation")
MORE = ("runbook.online_mobilisation", "runbook.demonstration_at_venue", "runbook.escalation_in_meeting")
TOPICS = ("prevention", "response", "roles", "attention", "social_media")


def _file(name: str) -> Path:
    return (SHARED / "scenarios" / name[len("shared/"):]) if name.startswith("shared/") else ROOT / name


def _runbook(name: str) -> set[str]:
    (item,) = load_file(_file(name))
    outcome = evaluate(item.scenario)
    return set(outcome.runbook)


# --- the knowledge ---------------------------------------------------------------------

def test_the_named_scenarios_and_the_supported_ones_exist(knowledge):
    assert set(NAMED + MORE) <= set(knowledge.runbook)


@pytest.mark.parametrize("rid", NAMED + MORE)
def test_every_scenario_has_all_six_topics_in_both_languages(knowledge, rid):
    s = knowledge.runbook[rid]
    assert s.title.nl.strip() and s.title.en.strip() and s.description.nl.strip() and s.description.en.strip()
    for topic in TOPICS:
        items = getattr(s, topic)
        assert items, f"{rid}: no {topic}"
        for item in items:
            text = item.task if topic == "roles" else item
            assert text.nl.strip() and text.en.strip() and text.nl != text.en, (rid, topic, text)


def _texts(scenario):
    yield scenario.title
    yield scenario.description
    for topic in ("prevention", "response", "attention", "social_media"):
        yield from getattr(scenario, topic)
    for role in scenario.roles:
        yield role.task


def test_texts_name_no_subject_the_scenario_applies_to_but_another(knowledge):
    """A scenario for all subjects speaks of none (arbeidsmigranten-2025 §7.1: terms get mixed);
    the other subjects' terms are the project's list, kb/subject_terms.yaml."""
    terms = yaml.safe_load((kb.HERE / "subject_terms.yaml").read_text(encoding="utf-8"))
    found = []
    assert knowledge.runbook
    for s in knowledge.runbook.values():
        for subject in s.subjects:
            for lang in ("nl", "en"):
                patterns = [re.compile(p, re.IGNORECASE) for p in terms[subject.value][lang]]
                for text in _texts(s):
                    found += [(s.id, subject.value, lang, m.group(0)) for p in patterns
                              for m in p.finditer(text[lang])]
                if lang == "nl":  # the quotes are shown in the memo's annex, in every subject
                    found += [(s.id, subject.value, "quote", m.group(0)) for c in s.citations
                              for p in patterns for m in p.finditer(c.quote)]
    assert found == []


def test_roles_fit_the_subject_and_the_legal_roles(knowledge):
    assert knowledge.runbook
    for s in knowledge.runbook.values():
        if Subject.labour_migrant_housing in s.subjects:
            assert all(r.owner != Owner.coa for r in s.roles), s.id
        assert len({r.owner for r in s.roles}) == len(s.roles), f"{s.id}: an owner listed twice"
        for text in _texts(s):
            # a demonstration is facilitated, not permitted; criminal law is for police and
            # public prosecutor, never the municipality's own step (issue 9's legal slips)
            assert not re.search(r"\bsta\b.*\btoe\b|\btoestaan\b", text.nl, re.IGNORECASE), (s.id, text.nl)
            if "strafrechtelijk" in text.nl:
                assert "politie" in text.nl or "Openbaar Ministerie" in text.nl, (s.id, text.nl)


def test_dutch_uses_the_en_dash_and_no_anglicisms(knowledge):
    assert knowledge.runbook
    for s in knowledge.runbook.values():
        for text in _texts(s):
            assert " - " not in text.nl, (s.id, text.nl)
            assert not re.search(r"\b(webcare|rapid response|time-out|social media)\b", text.nl, re.IGNORECASE), (s.id, text.nl)


def test_citations_hold_in_the_guides(knowledge, checker):
    module, index = checker
    doc = {"runbook": [{"id": s.id, "citations": [c.model_dump() for c in s.citations]}
                       for s in knowledge.runbook.values()]}
    problems, cited, count = module.check(doc, index)
    assert count >= 3 * len(knowledge.runbook) and problems == []
    # the scenario method itself is cited from both guides that prescribe it
    assert {("asiel-2021", "7.4"), ("asiel-statushouders-2016", "7.4")} <= cited


def test_every_quote_sits_in_its_section(knowledge, checker):
    module, _ = checker
    spans = {source: _spans(source) for source in ANCHORS}
    misplaced = []
    assert knowledge.runbook
    for s in knowledge.runbook.values():
        for c in s.citations:
            body = spans[c.source][c.section]
            if not module.quote_found(c.quote, (module._norm(body, True), module._norm(body, False))):
                misplaced.append(f"{s.id}: {c.source} §{c.section}: {c.quote[:60]!r}")
    assert misplaced == []


# --- the rules -------------------------------------------------------------------------

def test_every_scenario_is_emitted_by_a_rule_and_every_rule_emits_known_ones(knowledge):
    emitted = {i for r in catalog() for i in r.emits if i.startswith("runbook.")}
    assert set(NAMED + MORE) <= emitted == set(knowledge.runbook)
    for r in catalog():
        if r.area == "runbook":
            assert r.emits and all(i in knowledge.runbook for i in r.emits), r.name
            assert not r.concludes, r.name
            assert any(sid in r.doc for sid in knowledge.sources) and "§" in r.doc, r.name


def test_runbook_ids_stay_out_of_the_advice_and_their_rules_count_as_fired():
    outcome = evaluate(Scenario(name="t", subject="asylum_reception", phase="proposal",
                                room_for_decision="conditions", expected_visitors=200,
                                existing_protest="demonstration", threats_to_officials=True,
                                social_media="mobilising", council_meeting=True))
    assert set(outcome.runbook) == set(NAMED) | {"runbook.online_mobilisation", "runbook.demonstration_at_venue"}
    assert not [i for i in outcome.advice if i.startswith("runbook.")]
    assert {"runbook_public_order", "runbook_threats", "runbook_council_meeting"} <= outcome.fired_rules
    assert all(i in kb.load().entries for i in outcome.advice)


#: what each example and shared scenario must (and must not) get.
TENSE = {
    # announced demonstration, outside groups, mobilising social media
    "examples/azc-demonstratie.yaml": (
        {"runbook.public_order", "runbook.demonstration_at_venue", "runbook.online_mobilisation",
         "runbook.escalation_in_meeting"},
        {"runbook.council_meeting_disruption", "runbook.threats_intimidation"}),
    "shared/demonstratie-aangekondigd.yaml": (
        {"runbook.public_order", "runbook.demonstration_at_venue", "runbook.online_mobilisation"},
        {"runbook.council_meeting_disruption", "runbook.threats_intimidation"}),
    # earlier disorder and threats to officials
    "examples/azc-eerdere-ordeverstoring.yaml": (
        {"runbook.public_order", "runbook.threats_intimidation", "runbook.demonstration_at_venue"},
        {"runbook.council_meeting_disruption", "runbook.online_mobilisation"}),
    # an action group, high risk, no demonstration announced, active (not mobilising) media
    "examples/arbeidsmigranten-actiegroep.yaml": (
        {"runbook.public_order", "runbook.escalation_in_meeting"},
        {"runbook.demonstration_at_venue", "runbook.threats_intimidation",
         "runbook.online_mobilisation", "runbook.council_meeting_disruption"}),
    # a council meeting with organised opposition: the council scenario, no meeting-room one
    "shared/raadsvergadering-veel-insprekers.yaml": (
        {"runbook.council_meeting_disruption"},
        {"runbook.escalation_in_meeting", "runbook.demonstration_at_venue", "runbook.public_order"}),
    "examples/statushouders-raad.yaml": (
        {"runbook.council_meeting_disruption"},
        {"runbook.escalation_in_meeting", "runbook.demonstration_at_venue", "runbook.public_order"}),
}
CALM = ["examples/statushouders-rustig.yaml", "examples/azc-informatiemarkt.yaml",
        "examples/arbeidsmigranten-klankbordgroep.yaml", "examples/arbeidsmigranten-online.yaml",
        "examples/coa-klankbordgroep-na-besluit.yaml", "shared/informatiemarkt-besluit-genomen.yaml",
        "shared/klankbordgroep-verkenning.yaml", "shared/online-bijeenkomst.yaml"]


@pytest.mark.parametrize("name", sorted(TENSE))
def test_tense_situations_get_the_scenarios_that_fit(name):
    includes, excludes = TENSE[name]
    got = _runbook(name)
    assert includes <= got, f"{name}: missing {sorted(includes - got)}"
    assert not (excludes & got), f"{name}: should not get {sorted(excludes & got)}"


@pytest.mark.parametrize("name", CALM)
def test_calm_meetings_get_no_runbook(name):
    assert _runbook(name) == set()


def test_every_example_at_high_risk_has_a_full_runbook(knowledge):
    files = sorted((ROOT / "examples").glob("*.yaml")) + sorted((SHARED / "scenarios").glob("*.yaml"))
    high = 0
    for path in files:
        for item in load_file(path):
            outcome = evaluate(item.scenario)
            if outcome.decisions["risk_level"] in ("high", "critical"):
                high += 1
                assert outcome.runbook, path.name
                for rid in outcome.runbook:
                    s = knowledge.runbook[rid]
                    assert all(getattr(s, t) for t in TOPICS) and s.description.nl, rid
    assert high >= 3


# --- monotone: more pressure never removes a scenario -----------------------------------

PRESSURE = {
    "existing_protest": ["none", "concerns", "organised", "demonstration", "disorder"],
    "social_media": ["quiet", "active", "mobilising"],
    "threats_to_officials": [False, True],
    "outside_groups": [False, True],
    "media_attention": ["none", "national"],
    "trust_in_government": ["high", "low"],
}
OTHER = {
    "subject": ["asylum_reception", "labour_migrant_housing"],
    "council_meeting": [False, True],
    "format": ["in_person", "online"],
}


@pytest.fixture(scope="module")
def grid():
    keys = list(OTHER) + list(PRESSURE)
    out = {}
    for combo in itertools.product(*OTHER.values(), *PRESSURE.values()):
        values = dict(zip(keys, combo))
        scenario = Scenario(name="grid", phase="proposal", room_for_decision="conditions",
                            expected_visitors=200, **values)
        out[combo] = frozenset(evaluate(scenario).runbook)
    return keys, out


def test_more_pressure_never_removes_a_scenario(grid):
    keys, runbooks = grid
    assert any(runbooks.values()), "no scenario applies anywhere on the grid"
    broken = []
    for combo, got in runbooks.items():
        for field, order in PRESSURE.items():
            i = keys.index(field)
            j = order.index(combo[i])
            if j + 1 < len(order):
                raised = combo[:i] + (order[j + 1],) + combo[i + 1:]
                lost = got - runbooks[raised]
                if lost:
                    broken.append((dict(zip(keys, combo)), field, sorted(lost)))
    assert broken == [], broken[:3]


def test_every_scenario_is_reachable_and_the_calmest_meeting_gets_none(grid, knowledge):
    _, runbooks = grid
    assert set(NAMED + MORE) <= set().union(*runbooks.values()) == set(knowledge.runbook)
    calm = tuple(v[0] for v in OTHER.values()) + tuple(v[0] for v in PRESSURE.values())
    assert runbooks[calm] == frozenset()
