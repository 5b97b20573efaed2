"""Communication and aftercare advice speaks of the user's own subject, says no more than its
guide, and matters more where the situation makes it matter more (issues 9 and 10)."""
from __future__ import annotations

import itertools

import pytest

import kb
from facts.scenario import Scenario
from facts.vocab import Subject
from rules.engine import evaluate

MINE = ("communication.", "aftercare.")
ASYLUM_TERMS = ("opvang", "coa", "asielzoek", "azc", "vluchteling")


def _entries():
    return [e for e in kb.load().entries.values() if e.id.startswith(MINE)]


def _words(entry, subject: Subject) -> str:
    """Title, text and rationale (nl and en) as the user of ``subject`` reads them."""
    parts = entry.worded(subject)[:3] if hasattr(entry, "worded") else (entry.title, entry.text, entry.rationale)
    return " ".join(f"{p.nl} {p.en}" for p in parts).lower()


def _subjects(entry) -> tuple[Subject, ...]:
    return tuple(getattr(entry, "subjects", tuple(Subject)))


def test_labour_migrant_advice_names_no_asylum_terms():
    """arbeidsmigranten-2025 §7.1 warns that the terms get mixed up online: our own words
    for labour migrants never speak of reception, COA or asylum seekers."""
    wrong = {e.id: t for e in _entries() if Subject.labour_migrant_housing in _subjects(e)
             for t in ASYLUM_TERMS if t in _words(e, Subject.labour_migrant_housing)}
    assert wrong == {}


def test_asylum_and_status_holder_advice_names_no_labour_migrants():
    wrong = {(e.id, s.value) for e in _entries() for s in (Subject.asylum_reception, Subject.status_holder_housing)
             if s in _subjects(e) and ("arbeidsmigrant" in _words(e, s) or "labour migrant" in _words(e, s))}
    assert wrong == set()


def test_nuisance_policy_follows_each_guide():
    """bewonersbijeenkomst-2021 §2.C.2 names nuisance, crime and norms for asylum seekers or
    status holders; arbeidsmigranten-2025 §5.3.2 names enforcement on nuisance and norms only."""
    entry = kb.load()["aftercare.clear_policy_on_nuisance"]
    labour = _words(entry, Subject.labour_migrant_housing)
    assert "criminaliteit" not in labour and "crime" not in labour and "handhaa" in labour
    assert "asielzoekers" in _words(entry, Subject.asylum_reception)
    assert "statushouders" in _words(entry, Subject.status_holder_housing)


def test_one_dutch_term_for_the_rapid_response_team():
    dutch = " ".join(f"{e.title.nl} {e.text.nl} {e.rationale.nl}" for e in _entries()).lower()
    assert "rapid response" not in dutch
    assert "snel reactieteam" in dutch


def test_one_government_is_not_a_private_party():
    """twente-2016 §2: administrators represent one government; the initiator is no government."""
    entry = kb.load()["communication.one_government_one_message"]
    assert "initiatiefnemer" not in _words(entry, Subject.asylum_reception)
    assert Subject.labour_migrant_housing not in _subjects(entry)


SWEEP = [{"subject": s, "phase": p, "room_for_decision": "conditions", "expected_visitors": 80,
              "existing_protest": pr, "initiator": i, "media_attention": m, "social_media": sm}
         for s, p, pr, i, m, sm in itertools.product(
             ("asylum_reception", "status_holder_housing", "labour_migrant_housing"),
             ("exploration", "decided", "occupied"), ("none", "concerns", "disorder"),
             ("municipality", "coa", "private"), ("none", "national"), ("quiet", "mobilising"))
         if not (s == "labour_migrant_housing" and i == "coa")]


def test_entries_are_only_advised_for_their_subjects():
    knowledge = kb.load()
    wrong = set()
    for raw in SWEEP:
        scenario = Scenario.model_validate(raw)
        for entry_id in evaluate(scenario).advice:
            entry = knowledge.entries.get(entry_id)
            if entry is not None and entry_id.startswith(MINE) and scenario.subject not in _subjects(entry):
                wrong.add((entry_id, scenario.subject.value))
    assert wrong == set()


def _priority(raw: dict, entry_id: str) -> str:
    """The entry's own priority, or the highest a firing rule raises it to (``@raises``)."""
    firings = evaluate(Scenario.model_validate(raw)).advice[entry_id]
    own = kb.load()[entry_id].priority
    return str(max([own, *(type(own)(f.priority) for f in firings if f.priority is not None)]))


CALM = {"subject": "asylum_reception", "phase": "proposal", "room_for_decision": "conditions",
            "expected_visitors": 80, "existing_protest": "concerns"}


@pytest.mark.parametrize("entry_id, raised_by", [
    ("communication.social_media_monitoring", {"social_media": "mobilising"}),
    ("communication.spokesperson_arrangements", {"media_attention": "national"}),
])
def test_a_tense_situation_raises_the_step(entry_id, raised_by):
    assert _priority(CALM, entry_id) == "recommended"
    assert _priority({**CALM, **raised_by}, entry_id) == "essential"


def test_priority_follows_the_guides_wording():
    """"Wat moet er gebeuren" (twente-2016) and "erg belangrijk" (asiel-2021 §3) are
    essential; "U kunt" is optional."""
    knowledge = kb.load()
    assert str(knowledge["communication.one_government_one_message"].priority) == "essential"
    assert str(knowledge["communication.communicate_unknowns"].priority) == "essential"
    assert str(knowledge["communication.invite_negative_voices"].priority) == "optional"
    # bewonersbijeenkomst-2021 §2.A and arbeidsmigranten-2025 §5.1: "Let op" – visitors and
    # residents are in direct contact with (social) media.
    assert str(knowledge["communication.monitor_during_meeting"].priority) == "essential"



def test_step_plan_announcement_names_no_meeting_format():
    """arbeidsmigranten-2025 Bijlage 1, phase 3 is advised around a council meeting too, so
    its words name no residents' evening or kitchen-table talks (issue 9: no meeting formats
    at a council meeting); what stays is announcing in time and room for questions."""
    words = _words(kb.load()["communication.labour_plan_announcement"], Subject.labour_migrant_housing)
    assert not any(t in words for t in ("keukentafel", "kitchen-table", "bewonersavond",
                                        "residents' evening", "informatiebijeenkomst"))
    assert "tijdig" in words and "vragen" in words


def test_webcare_is_not_advised_on_the_asylum_guides_for_labour_migrants():
    """Webcare (asiel-2021 §8.2) and a rapid response team (asiel-statushouders-2016 §7.4)
    have no passage in arbeidsmigranten-2025 §7.2."""
    entry = kb.load()["communication.webcare_rapid_response"]
    assert Subject.labour_migrant_housing not in _subjects(entry)
    assert {c.source for c in entry.citations} <= {"asiel-2021", "asiel-statushouders-2016"}
    loud = {"subject": "labour_migrant_housing", "phase": "proposal", "room_for_decision": "conditions",
            "expected_visitors": 120, "existing_protest": "organised", "social_media": "mobilising",
            "media_attention": "national"}
    assert "communication.webcare_rapid_response" not in evaluate(Scenario.model_validate(loud)).advice


def test_the_initiator_live_blog_is_the_labour_migrant_guides_tip():
    """arbeidsmigranten-2025 §5.3.2: the live blog "kan zeker ook door de initiatiefnemer
    opgepakt worden" – one entry with the asylum guides' live blog, not a second one."""
    knowledge = kb.load()
    assert "aftercare.initiator_shares_updates" not in knowledge.entries
    entry = knowledge["aftercare.keep_informed"]
    assert "initiatiefnemer" in _words(entry, Subject.labour_migrant_housing)
    assert "initiatiefnemer" not in _words(entry, Subject.status_holder_housing)
    assert "initiatiefnemer" not in _words(entry, Subject.asylum_reception)
