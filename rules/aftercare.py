"""Recommendations: aftercare.

After the meeting: answer, summarise, follow up, keep people informed, thank the staff
(bewonersbijeenkomst-2021 §2.C.2 and §2.G, asiel-statushouders-2016 §6.5,
arbeidsmigranten-2025 §5.3.2 and §5.5); by-catch (bewonersbijeenkomst-2021 §2.F,
arbeidsmigranten-2025 §5.4); and staying in touch once the location is being realised or
occupied, with an evaluation with partners ("Het gesprek aangaan in de wijk",
arbeidsmigranten-2025 Bijlage 1).
"""
from __future__ import annotations

from facts.vocab import Initiator, Phase, Protest, Subject
from rules.base import MATCH, OR, Context, Decided, Rule, at_least, emits, one_of


class AftercareRules:
    # -- after every meeting -----------------------------------------------------------
    @Rule(Decided(meeting_type=MATCH.meeting_type))
    @emits("aftercare.answer_questions_quickly", "aftercare.summarise_and_register")
    def aftercare_answer_and_summarise(self):
        """Every meeting: answer quickly, summarise the questions, record follow-up points.

        bewonersbijeenkomst-2021 §2.G and asiel-statushouders-2016 §6.5: answer all questions
        as soon as possible; summarise the most frequent questions (a quick analysis of the
        field of forces); §2.C.2: register points that need follow-up and say how you will
        report back. arbeidsmigranten-2025 §5.5: say when people can expect a reply.
        """
        self.recommend()

    @Rule(Decided(meeting_type=MATCH.meeting_type))
    @emits("aftercare.organise_follow_up", "aftercare.keep_informed")
    def aftercare_follow_up_and_inform(self):
        """Every meeting: arrange follow-up and keep interested people informed.

        asiel-statushouders-2016 §6.5 and bewonersbijeenkomst-2021 §2.C.2: arrange follow-up,
        also through civil-society partners; keep a live blog or web page and an e-mail
        address or phone number. arbeidsmigranten-2025 §5.3.2: announce follow-up meetings
        in good time.
        """
        self.recommend()

    @Rule(Decided(meeting_type=MATCH.meeting_type))
    @emits("aftercare.thank_staff")
    def aftercare_thank_staff(self):
        """Every meeting: administrators thank the staff.

        bewonersbijeenkomst-2021 §2.G and arbeidsmigranten-2025 §5.5: administrators thank
        all staff, colleagues and partners for their extra effort.
        """
        self.recommend()

    @Rule(Decided(meeting_type=MATCH.meeting_type))
    @emits("aftercare.bijvangst")
    def aftercare_bijvangst(self):
        """Every meeting: other issues raised (by-catch) deserve registration and follow-up.

        bewonersbijeenkomst-2021 §2.F: around every location something is going on;
        residents use the meeting to air existing frustrations; register points needing
        follow-up and tell residents what happened with them. arbeidsmigranten-2025 §5.4:
        record follow-up points even when they are not directly about the housing.
        """
        self.recommend()

    # -- tied to the situation ---------------------------------------------------------
    @Rule(Context(initiator=Initiator.private))
    @emits("aftercare.initiator_shares_updates")
    def aftercare_initiator_updates(self):
        """A private initiator: the initiator can also keep the surroundings up to date.

        arbeidsmigranten-2025 §5.3.2: a live blog or web page with progress and answers to
        frequently asked questions keeps people involved; the initiator can take this up.
        """
        self.recommend()

    @Rule(OR(Context(phase=at_least(Phase.decided)),
             Context(existing_protest=at_least(Protest.concerns))))
    @emits("aftercare.fixed_contact_person")
    def aftercare_fixed_contact_person(self):
        """Decision taken, or residents with concerns: a fixed contact person.

        bewonersbijeenkomst-2021 §2.C.2 and asiel-statushouders-2016 §6.5: provide a fixed
        contact person for residents and a lasting dialogue (such as a sounding board
        group); arbeidsmigranten-2025 §5.3.2: a recognisable point of contact gives
        continuity.
        """
        self.recommend()

    @Rule(Context(phase=at_least(Phase.decided)))
    @emits("aftercare.neighbourhood_dialogue")
    def aftercare_neighbourhood_dialogue(self):
        """Decision taken: engage with the neighbourhood on its needs and mutual benefit.

        bewonersbijeenkomst-2021 §2.C.2 ("Het gesprek aangaan in de wijk"),
        asiel-statushouders-2016 §6.5 and arbeidsmigranten-2025 §5.3.2: find out what the
        neighbourhood needs, what the municipality can offer, and look for mutual benefit.
        """
        self.recommend()

    @Rule(Context(subject=one_of(Subject.status_holder_housing, Subject.labour_migrant_housing)))
    @emits("aftercare.wider_housing_benefit")
    def aftercare_wider_housing_benefit(self):
        """Housing for status holders or labour migrants: show the benefit for other residents.

        bewonersbijeenkomst-2021 §2.C.2: think of benefits when extra housing is created, not
        only for status holders; arbeidsmigranten-2025 §5.3.2: extra housing also benefits
        other home-seekers.
        """
        self.recommend()

    @Rule(Context(phase=at_least(Phase.implementation)))
    @emits("aftercare.keep_in_touch_after_arrival", "aftercare.clear_policy_on_nuisance")
    def aftercare_after_arrival(self):
        """Implementation or occupied: keep in touch and be clear about support and enforcement.

        arbeidsmigranten-2025 §Bijlage 1 (phase 4, occupation): announce when the first
        residents arrive, say where people can go, keep a finger on the pulse;
        bewonersbijeenkomst-2021 §2.C.2 and arbeidsmigranten-2025 §5.3.2: be clear about the
        municipality's policy on support and on nuisance and norms.
        """
        self.recommend()

    @Rule(Context(phase=at_least(Phase.occupied)))
    @emits("aftercare.evaluate_with_partners")
    def aftercare_evaluate_with_partners(self):
        """Location occupied: evaluate with partners and report improvements.

        arbeidsmigranten-2025 §Bijlage 1 (phase 5, evaluation and safeguarding): discuss with
        housing providers, businesses and neighbourhood representatives how it is going, tell
        people which improvements have been made, and learn for future projects.
        """
        self.recommend()
