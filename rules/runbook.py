"""The runbook: which scenarios of the scenario plan (asiel-2021 §7.4) apply to this situation.

asiel-2021 §7.4 and asiel-statushouders-2016 §7.4 ask to prepare the defining moments with
scenarios, and name three: disruption of public order and safety, disruption of a council
meeting, threats and intimidation of speakers or administrators. The guides support three more
(a demonstration at the venue, online mobilisation, escalation in the room). The scenarios and
their topics live in kb/runbook.yaml; these rules only say which apply. Every condition is a
lower bound on protest, threats, social media or the risk level, so more pressure never removes
a scenario; a calm meeting gets none.
"""
from __future__ import annotations

from facts.vocab import Format, Protest, RiskLevel, SocialMedia
from rules.base import OR, Assessed, Context, Rule, at_least, emits, one_of

#: formats with people in a room (an online meeting has no venue to demonstrate at).
IN_A_ROOM = one_of(Format.in_person, Format.hybrid)


class RunbookRules:
    @Rule(OR(Context(existing_protest=at_least(Protest.demonstration)),
             Assessed(risk_level=at_least(RiskLevel.high))))
    @emits("runbook.public_order")
    def runbook_public_order(self):
        """An announced protest, earlier disorder or a high risk: the public-order scenario.

        asiel-2021 §7: demonstrations sometimes lead to disturbances of public order;
        asiel-2021 §7.4 and asiel-statushouders-2016 §7.4 name "verstoring van de openbare orde
        en veiligheid" as a scenario to work out; twente-2016 §3 and §6: administrative
        measures where unrest threatens, and the mayor takes the lead when public order is at
        stake.
        """
        self.recommend()

    @Rule(Context(council_meeting=True),
          OR(Context(existing_protest=at_least(Protest.organised)),
             Context(threats_to_officials=True),
             Context(social_media=at_least(SocialMedia.mobilising)),
             Assessed(risk_level=at_least(RiskLevel.elevated))))
    @emits("runbook.council_meeting_disruption")
    def runbook_council_meeting(self):
        """A council meeting under tension: the scenario of a disrupted council meeting.

        asiel-2021 §7.4 names "verstoring van een raadsbijeenkomst" as a scenario; §7.2: the
        regular meeting must follow its normal procedure and council members and residents may
        not be kept from being heard; bewonersbijeenkomst-2021 §2.C: with a full public gallery
        and much commotion, many will want to speak.
        """
        self.recommend()

    @Rule(OR(Context(threats_to_officials=True),
             Context(existing_protest=at_least(Protest.disorder))))
    @emits("runbook.threats_intimidation")
    def runbook_threats(self):
        """Threats or earlier intimidation: the scenario of threatened speakers or administrators.

        asiel-2021 §7: threats, intimidation or violence against individuals occur; §7.4 names
        "bedreiging en intimidatie van sprekers of bestuurders" as a scenario; §7.2: for
        aggression and violence against public officials the ELA are followed; twente-2016 §2:
        threatening or harassing those involved is not tolerated.
        """
        self.recommend()

    @Rule(Context(social_media=at_least(SocialMedia.mobilising)))
    @emits("runbook.online_mobilisation")
    def runbook_online_mobilisation(self):
        """Social media mobilising: the scenario of online mobilisation around the meeting.

        asiel-2021 §8.1 and arbeidsmigranten-2025 §7.1: social media are used to bring many
        people out fast, through closed and open channels; asiel-2021 §8.2: organise the
        monitoring before, during and after the decision; asiel-statushouders-2016 §7.4: work
        out the (active) use of social media in every scenario.
        """
        self.recommend()

    @Rule(Context(existing_protest=at_least(Protest.demonstration), format=IN_A_ROOM))
    @emits("runbook.demonstration_at_venue")
    def runbook_demonstration_at_venue(self):
        """A protest announced or disorder before, at a meeting in a room: a demonstration there.

        asiel-2021 §7.2: the right to demonstrate, unless public order is disturbed, offences
        are committed or the orderly course of the meeting is at stake; arbeidsmigranten-2025
        §6.1: facilitate demonstrations within the limits; twente-2016 §2: meetings and
        demonstrations are prepared as if they were an event.
        """
        self.recommend()

    @Rule(Context(council_meeting=False, format=IN_A_ROOM),
          OR(Context(existing_protest=at_least(Protest.organised)),
             Context(threats_to_officials=True),
             Assessed(risk_level=at_least(RiskLevel.high))))
    @emits("runbook.escalation_in_meeting")
    def runbook_escalation_in_meeting(self):
        """Organised opposition or a high risk at a residents' meeting: escalation in the room.

        bewonersbijeenkomst-2021 §2.C.1: "Wat doet u als het escaleert? Heeft u scenario's
        opgesteld?"; §3.B and arbeidsmigranten-2025 §6.2: what to do with strong emotions and
        escalation (no discussion, set a boundary, call in a colleague or security).
        """
        self.recommend()
