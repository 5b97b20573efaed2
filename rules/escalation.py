"""Recommendations: escalation.

In the room: every meeting prepares staff for emotions, listens on three levels and keeps
listening apart from agreeing; with tension, a toolkit for strong emotions (acknowledge, set
boundaries, time-out, call for help) (bewonersbijeenkomst-2021 §3.A-3.B,
arbeidsmigranten-2025 §6.2). After things got out of hand – earlier disorder, not a
forecast: a conflict diagnosis, the municipality as a party, an independent mediator,
restorative mediation and evaluation (bewonersbijeenkomst-2021 §4.A-4.B,
arbeidsmigranten-2025 §6.3).
"""
from __future__ import annotations

from facts.vocab import Protest, RiskLevel, Room
from rules.base import (
    MATCH,
    Assessed,
    Context,
    Decided,
    Rule,
    at_least,
    at_most,
    emits,
)


class EscalationRules:
    # -- in the room -------------------------------------------------------------------
    @Rule(Decided(meeting_type=MATCH.meeting_type))
    @emits("escalation.listen_three_levels")
    def escalation_listen_three_levels(self):
        """Every meeting: listen to content, emotion and intention.

        bewonersbijeenkomst-2021 §3.A: in every story three levels can be told apart (the
        content, the emotion, the intention); people who feel heard listen better to
        others. arbeidsmigranten-2025 §6.2: listen actively to all three levels; answer a
        question only once it is clear.
        """
        self.recommend()

    @Rule(Decided(meeting_type=MATCH.meeting_type))
    @emits("escalation.listening_not_agreeing")
    def escalation_listening_not_agreeing(self):
        """Every meeting: listening is not agreeing.

        bewonersbijeenkomst-2021 §3.A (what to do with rising emotions, which come "vrijwel
        zeker"): listening and being engaged is not the same as proving people right; be very
        clear about what is and is not possible. arbeidsmigranten-2025 §6.2, the first of
        the tips to prevent escalation: listening is not the same as promising. Neither guide
        ties this to a meeting type or to the level of tension.
        """
        self.recommend()

    @Rule(Context(room_for_decision=at_most(Room.conditions),
                  existing_protest=at_least(Protest.concerns)))
    @emits("warning.false_impression_of_room")
    def escalation_warn_false_impression_of_room(self):
        """Limited room and worried residents: seeming room is what makes people angriest.

        bewonersbijeenkomst-2021 §3.B: people get angriest when they have the impression
        they may contribute while there is in fact no room. arbeidsmigranten-2025 §6.2:
        explain beforehand whether and how residents may think along; uncertainty leads to
        frustration.
        """
        self.recommend()

    @Rule(Decided(meeting_type=MATCH.meeting_type))
    @emits("escalation.prepare_staff_for_emotions")
    def escalation_prepare_staff(self):
        """Every meeting: prepare administrators and staff for emotions.

        bewonersbijeenkomst-2021 §3.A: a meeting on this subject comes "vrijwel zeker" with
        emotions; do not suppress or ignore them but make them productive; §3.B: be alert to
        your own emotions. arbeidsmigranten-2025 §6.2: such a meeting almost always raises
        emotions; handle them well so that tensions do not end in escalation.
        """
        self.recommend()

    @Rule(Assessed(risk_level=at_least(RiskLevel.elevated)))
    @emits("escalation.acknowledge_strong_emotions", "escalation.time_out")
    def escalation_strong_emotions(self):
        """Elevated risk or higher: acknowledge strong emotions and be ready for a time-out.

        bewonersbijeenkomst-2021 §3.B: with strong emotions, discussion and explanation are
        pointless; acknowledge and name the emotions, and agree another moment to continue.
        arbeidsmigranten-2025 §6.2: do not argue when emotions run high; consider a
        time-out.
        """
        self.recommend()

    @Rule(Assessed(risk_level=at_least(RiskLevel.elevated)))
    @emits("escalation.set_boundaries", "escalation.call_for_help")
    def escalation_boundaries_and_help(self):
        """Elevated risk or higher: set boundaries and know whom to call for help.

        bewonersbijeenkomst-2021 §3.B: when someone becomes aggressive or personal, draw a
        line, stay calm but firm; call in a colleague or security. arbeidsmigranten-2025
        §6.2: name visible behaviour and set boundaries; ask a colleague or security for
        support.
        """
        self.recommend()

    # -- after an escalation (bewonersbijeenkomst-2021 §4: "als het ondanks alles toch uit
    # de hand is gelopen"): only when disorder has happened, never on a forecast ------------
    @Rule(Context(existing_protest=Protest.disorder))
    @emits("escalation.conflict_diagnosis", "escalation.evaluate_intervention",
           "escalation.municipality_as_party", "escalation.restorative_mediation")
    def escalation_after_disorder(self):
        """Earlier disorder: diagnose the conflict, take the lead as a party, repair, evaluate.

        bewonersbijeenkomst-2021 §4 is for when things got out of hand despite everything.
        §4.A: with a signalled escalation, have a conflict diagnosis made as the basis for a
        considered approach; the municipality is often seen as a party: take direction, time
        sharpens the differences; restorative mediation or mediation with the municipality
        as one of the parties fits; an intervention is tailor-made and always evaluated.
        §4.B: when administrators or residents become victims after an escalated situation,
        restorative mediation can offer a way forward. arbeidsmigranten-2025 §6.3 likewise.
        """
        self.recommend()

    @Rule(Context(existing_protest=Protest.disorder), Assessed(risk_level=RiskLevel.critical))
    @emits("escalation.independent_mediator")
    def escalation_independent_mediator(self):
        """Earlier disorder that still weighs critically: an independent conflict expert.

        bewonersbijeenkomst-2021 §4.A: the larger the escalation, the more a conflict expert
        is advisable, such as a registered MfN mediator specialised in groups.
        arbeidsmigranten-2025 §6.3: with serious tensions, engage an independent expert such
        as an MfN mediator.
        """
        self.recommend()
