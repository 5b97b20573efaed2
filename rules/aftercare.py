"""Recommendations: aftercare.

After the meeting: answer, summarise, follow up, keep people informed, a fixed contact
person, thank the staff (bewonersbijeenkomst-2021 §2.C and §2.G, asiel-statushouders-2016
§6.3 and §6.5, arbeidsmigranten-2025 §5.3, §5.3.2 and §5.5) – the guides give these for
every meeting; by-catch (bewonersbijeenkomst-2021 §2.F, arbeidsmigranten-2025 §5.4); the
conversation in the neighbourhood once a decision is taken ("Het gesprek aangaan in de
wijk"). Once the location is in use, the standing entries above still apply; the
labour-migrant step plan's phases 4 and 5 are in rules/communication.py.
"""
from __future__ import annotations

from facts.vocab import Phase, Subject
from rules.base import MATCH, Context, Decided, Rule, at_least, emits, one_of


class AftercareRules:
    # -- after every meeting -----------------------------------------------------------
    @Rule(Decided(meeting_type=MATCH.meeting_type))
    @emits("aftercare.answer_questions_quickly", "aftercare.summarise_and_register")
    def aftercare_answer_and_summarise(self):
        """Every meeting: answer quickly, summarise the questions, record and follow up points.

        bewonersbijeenkomst-2021 §2.G and asiel-statushouders-2016 §6.5: answer all questions
        as soon as possible; summarise the most frequent questions (a quick analysis of the
        field of forces); §2.C.2: register points that need follow-up, say how you will
        report back, arrange follow-up where needed, also through civil-society partners.
        arbeidsmigranten-2025 §5.5: say when people can expect a reply; §5.3.2: the
        municipality need not always do the follow-up itself.
        """
        self.recommend()

    @Rule(Decided(meeting_type=MATCH.meeting_type))
    @emits("aftercare.keep_informed")
    def aftercare_keep_informed(self):
        """Every meeting: keep interested people informed.

        asiel-statushouders-2016 §6.5 and bewonersbijeenkomst-2021 §2.C.2: keep a live blog
        or web page and an e-mail address or phone number; are there other meetings, how do
        you keep people informed of them. arbeidsmigranten-2025 §5.3.2: a live blog or web
        page keeps people involved, and the initiator can certainly take this up as well.
        """
        self.recommend()

    @Rule(Decided(meeting_type=MATCH.meeting_type), Context(council_meeting=False))
    @emits("aftercare.collect_contact_details")
    def aftercare_collect_contact_details(self):
        """Every residents' meeting: collect names and e-mail addresses of those who want to stay informed.

        bewonersbijeenkomst-2021 §2.C and asiel-statushouders-2016 §6.3 (tips for the
        meeting itself, not for the council meeting): collect names and e-mail addresses of
        residents and stakeholders who want to be kept informed and/or help.
        arbeidsmigranten-2025 §5.3: ask who wants to be kept informed by e-mail, collect
        names and addresses and inform them regularly, also without concrete news.
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
    @Rule(Decided(meeting_type=MATCH.meeting_type))
    @emits("aftercare.fixed_contact_person")
    def aftercare_fixed_contact_person(self):
        """Every meeting: a fixed contact person for residents.

        bewonersbijeenkomst-2021 §2.C.2 and asiel-statushouders-2016 §6.5 (after every
        meeting): provide a fixed contact person for residents and a lasting dialogue (such
        as a sounding board group); arbeidsmigranten-2025 §5.3.2: appoint a fixed contact
        person; a recognisable point of contact gives continuity.
        """
        self.recommend()

    @Rule(Context(phase=at_least(Phase.decided)))
    @emits("aftercare.neighbourhood_dialogue", "aftercare.clear_policy_on_nuisance")
    def aftercare_neighbourhood_dialogue(self):
        """Decision taken: engage with the neighbourhood; be clear about support and enforcement.

        bewonersbijeenkomst-2021 §2.C.2 ("Het gesprek aangaan in de wijk"),
        asiel-statushouders-2016 §6.5 and arbeidsmigranten-2025 §5.3.2: find out what the
        neighbourhood needs, what the municipality can offer, and look for mutual benefit;
        be clear about the policy on support and on nuisance and norms and values (for
        labour migrants: enforcement on nuisance and norms; the guide names no crime).
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
