"""Recommendations: communication.

Social-media monitoring and analysis (asiel-2021 §8, arbeidsmigranten-2025 §7), the
message and its messengers (asiel-2021 §3-4, bewonersbijeenkomst-2021 §2.A,
arbeidsmigranten-2025 §5.1, twente-2016 §1-5) and the five-phase communication plan for
labour-migrant housing (arbeidsmigranten-2025 Bijlage 1). Rules only rise with protest,
social media and media attention (``at_least``), never fall.
"""
from __future__ import annotations

from facts.vocab import (
    Area, Initiator, Media, Phase, Protest, RiskLevel, Room, SocialMedia, Subject, Trust,
)
from rules.base import MATCH, OR, Assessed, Context, Decided, Rule, at_least, at_most, emits, one_of


class CommunicationRules:
    # --- social media: monitoring ------------------------------------------
    @Rule(Context(phase=at_most(Phase.proposal)))
    @emits("communication.social_media_monitoring", "communication.broad_search_query")
    def communication_monitor_before_announcement(self):
        """Before the plans are announced: start monitoring, with a broad search query.

        asiel-2021 §8.2: monitor online messages before the announcement, so there is room to
        assess them and agree a joint way of working before the pressure rises; start with a
        broad search query. arbeidsmigranten-2025 §7.2: monitor actively before, during and
        after decisions; be aware of the online conversation early.
        """
        self.recommend()

    @Rule(Context(social_media=at_least(SocialMedia.active)))
    @emits("communication.social_media_monitoring", "communication.broad_search_query",
           "communication.environment_analysis_ibs")
    def communication_monitor_online_activity(self):
        """Active or mobilising social media: monitor and interpret with IBS analyses.

        asiel-2021 §8.1: social media are used to inform, participate and mobilise; open
        sources can be monitored with available technology. §8.2: make periodic environment
        analyses (IBS), summarised in a short daily report, more often when dynamics rise;
        start from a broad search query. twente-2016 §4: a periodic media monitor.
        """
        self.recommend()

    @Rule(Context(area=Area.urban))
    @emits("communication.social_media_monitoring", "communication.broad_search_query",
           "communication.environment_analysis_ibs")
    def communication_monitor_urban(self):
        """Urban area: more online activity, so monitor and analyse.

        asiel-2021 §8: the more urban the area, the more activity on social media;
        arbeidsmigranten-2025 §7: in urban areas online activity is larger and more dynamic.
        """
        self.recommend()

    @Rule(Context(existing_protest=at_least(Protest.organised)))
    @emits("communication.social_media_monitoring", "communication.broad_search_query",
           "communication.follow_platform_shift")
    def communication_monitor_organised_opposition(self):
        """Organised opposition: monitor, and follow the conversation where it moves.

        asiel-2021 §8.1: with organised protest and polarisation the conversation often
        shifts to Facebook, into open pages and closed groups; §8.2: move along when the
        online conversation moves and look at the interaction on the pages.
        arbeidsmigranten-2025 §7.2: follow the conversation, also when it moves.
        """
        self.recommend()

    @Rule(OR(Context(social_media=at_least(SocialMedia.active)),
             Context(existing_protest=at_least(Protest.organised)),
             Context(media_attention=at_least(Media.regional))))
    @emits("communication.monitor_during_meeting")
    def communication_monitor_during_meeting(self):
        """Online activity, organised opposition or wider media: watch online during the meeting.

        bewonersbijeenkomst-2021 §2.A: monitor social media during the meeting too and
        anticipate the coverage; visitors are often in direct contact with (social) media.
        twente-2016 §2: work proactively and reactively around meetings.
        """
        self.recommend()

    @Rule(OR(Context(outside_groups=True),
             Context(media_attention=at_least(Media.regional))))
    @emits("communication.target_group_lists")
    def communication_target_group_lists(self):
        """Outside groups or regional/national media: lists of groups and their accounts.

        asiel-2021 §8.2: distinguish target groups in advance; keep lists of groups with
        their accounts (journalists, politicians, action groups, organisations); monitoring
        ahead lets you tell local residents apart when national media attention comes.
        arbeidsmigranten-2025 §7.2: tell local residents apart from outside participants.
        """
        self.recommend()

    # --- social media: responding ---------------------------------------------
    @Rule(Context(social_media=at_least(SocialMedia.mobilising)))
    @emits("communication.webcare_rapid_response", "communication.follow_platform_shift")
    def communication_mobilising_online(self):
        """Mobilising social media: webcare on several sources and a rapid response team.

        asiel-2021 §8.2: be able to do webcare and analyses on several sources at once;
        §8.1: social media bring many people out quickly, via closed and open channels.
        asiel-statushouders-2016 §7.4: a rapid response team can refute factual
        inaccuracies. arbeidsmigranten-2025 Bijlage 1: answer questions and signals quickly.
        """
        self.recommend()

    @Rule(Context(media_attention=at_least(Media.regional)))
    @emits("communication.webcare_rapid_response")
    def communication_webcare_media_attention(self):
        """Regional or national media attention: webcare and a rapid response capacity.

        asiel-2021 §8: media attention and national action groups drive social-media
        dynamics; §8.2: be able to do webcare on several sources at once.
        asiel-statushouders-2016 §7.4: a rapid response team refutes factual inaccuracies.
        """
        self.recommend()

    @Rule(Context(social_media=at_least(SocialMedia.active),
                  existing_protest=at_least(Protest.concerns)))
    @emits("communication.invite_negative_voices")
    def communication_invite_online_critics(self):
        """Concerns voiced while social media are active: invite the online critics to talk.

        asiel-2021 §8.1: you can invite the people who are (negatively) active for a
        conversation. arbeidsmigranten-2025 §5.1: talk to active opponents beforehand to hear
        their concerns. twente-2016 §5: keep talking with every party concerned.
        """
        self.recommend()

    @Rule(OR(Context(phase=at_least(Phase.decided)),
             Context(social_media=at_least(SocialMedia.active))))
    @emits("communication.show_what_happens", "communication.honest_balanced_messages")
    def communication_show_practice(self):
        """Decided or online activity: show the practice, honestly and balanced.

        asiel-2021 §8.1-8.2: residents value insight into how reception takes shape; do not
        only correct or inform but show what happens, with honest and balanced messages, not
        only success stories. arbeidsmigranten-2025 §7.1-7.2 likewise; Bijlage 1: be honest,
        clear and reachable.
        """
        self.recommend()

    @Rule(OR(Context(media_attention=at_least(Media.local)),
             Context(social_media=at_least(SocialMedia.active))))
    @emits("communication.consistent_terms")
    def communication_consistent_terms(self):
        """Media or online attention: use one term regularly and consistently.

        asiel-2021 §8.1: online, refugees, asylum seekers and status holders are mixed up;
        users adopt a term only when news media or governments use it regularly and
        consistently. arbeidsmigranten-2025 §7.1: clear, consistent communication by
        government and media limits confusion.
        """
        self.recommend()

    # --- plan, spokesmanship, staff ---------------------------------------------
    @Rule(Context(subject=one_of(Subject.asylum_reception, Subject.status_holder_housing)))
    @emits("communication.communication_plan")
    def communication_plan_asylum_status_holders(self):
        """Asylum reception or status-holder housing: a communication plan.

        asiel-2021 §4.1: organise the provision of information and make a communication
        plan (who, how, when, spokesmanship, internal organisation); COA's communication
        department can support. §3: clarity enables clear communication and an equal level
        of knowledge. (Labour-migrant housing follows the step plan of Bijlage 1 below.)
        """
        self.recommend()

    @Rule(Context(media_attention=at_least(Media.local)))
    @emits("communication.spokesperson_arrangements")
    def communication_spokesperson(self):
        """Media attention: agree who speaks to the press and how.

        bewonersbijeenkomst-2021 §2.A and arbeidsmigranten-2025 §5.1: is the meeting open
        to the media or is there a separate press moment, and who speaks to the press;
        asiel-2021 §4.1: how is spokesmanship arranged.
        """
        self.recommend()

    @Rule(Assessed(risk_level=at_least(RiskLevel.high)))
    @emits("communication.mayor_spokesperson_public_order")
    def communication_mayor_public_order(self):
        """High or critical risk: the mayor is the spokesperson on public order.

        twente-2016 §2: the mayor is spokesperson on public order and safety; the executive
        communicates about incidents and makes clear what is and is not allowed.
        arbeidsmigranten-2025 §5.1: the mayor is always responsible for safety.
        """
        self.recommend()

    @Rule(OR(Context(initiator=one_of(Initiator.coa, Initiator.private)),
             Context(existing_protest=at_least(Protest.organised)),
             Context(media_attention=at_least(Media.regional))))
    @emits("communication.one_government_one_message")
    def communication_one_message(self):
        """Several parties, organised opposition or wide media: one government, one message.

        twente-2016 §1, §2: act as one government with one message, prepared jointly;
        §5: a core message that administrators use as a frame. arbeidsmigranten-2025 §5.1:
        organise with the initiator and keep a joint line to take.
        """
        self.recommend()

    @Rule(Decided(meeting_type=MATCH.meeting_type))
    @emits("communication.qa_for_staff")
    def communication_qa_for_staff(self):
        """Every meeting: a Q&A for staff, factual and political questions divided.

        bewonersbijeenkomst-2021 §2.A: make an extensive Q&A for the staff involved and
        distinguish factual from administrative-political questions; arbeidsmigranten-2025
        §5.1: draw up a Q&A and decide who answers which kind of question.
        """
        self.recommend()

    @Rule(OR(Context(phase=at_least(Phase.proposal)),
             Context(social_media=at_least(SocialMedia.active)),
             Context(media_attention=at_least(Media.local))))
    @emits("communication.brief_front_office")
    def communication_front_office(self):
        """Plans public or drawing attention: brief the front desk and contact centre.

        bewonersbijeenkomst-2021 §2.A: do not forget to brief front-desk and front-line
        staff and give them a line to take; asiel-2021 §4.1: what role does the customer
        contact centre get; arbeidsmigranten-2025 §5.1: give staff, front desk included, an
        overview of frequent questions and clear answers.
        """
        self.recommend()

    # --- content of the message -------------------------------------------------
    @Rule(OR(Context(phase=at_most(Phase.proposal)),
             Context(trust_in_government=at_least(Trust.low))))
    @emits("communication.communicate_unknowns")
    def communication_unknowns(self):
        """Early in the process or low trust: say what is not yet known as such.

        asiel-2021 §3: share only reliable information; communicate what is not yet known
        as such, which gives clarity and trust in the process. bewonersbijeenkomst-2021
        §2.A: do not answer on content when you do not know; procedurally you can.
        """
        self.recommend()

    @Rule(OR(Context(room_for_decision=at_most(Room.conditions)),
             Context(phase=at_least(Phase.decided))))
    @emits("communication.transparent_about_room")
    def communication_transparent_room(self):
        """Limited room or a decision taken: be transparent about where influence ends.

        asiel-2021 §4.2: communicate transparently how far there is room and where/when
        not; do not suggest room in a decision already taken. arbeidsmigranten-2025
        Bijlage 1: give room for input, but be clear about the limits.
        """
        self.recommend()

    @Rule(OR(Context(phase=at_least(Phase.implementation)),
             Context(existing_protest=at_least(Protest.disorder))))
    @emits("communication.incident_figures_in_perspective")
    def communication_incidents(self):
        """Location in use or earlier disorder: facts on incidents, in perspective.

        twente-2016 §4: crime figures around reception are collected, with uniform
        registration from the start; §2: this information is put in perspective and the
        executive communicates about incidents; §1: give people enough facts for a debate.
        """
        self.recommend()

    # --- labour-migrant housing: the five-phase step plan ---------------------------
    @Rule(Context(subject=Subject.labour_migrant_housing, phase=Phase.exploration))
    @emits("communication.labour_plan_preparation", "communication.labour_plan_location")
    def communication_labour_exploration(self):
        """Labour migrants, exploration: step plan phases 1 and 2.

        arbeidsmigranten-2025 §3.1: organise the provision of information and make a
        communication plan (see Bijlage 1). Bijlage 1, phase 1 (environment analysis, advice
        to the executive) and phase 2 (check the facts, revise the analysis, communication
        strategy with a central web page and Q&As).
        """
        self.recommend()

    @Rule(Context(subject=Subject.labour_migrant_housing, phase=Phase.proposal))
    @emits("communication.labour_plan_location", "communication.labour_plan_announcement")
    def communication_labour_proposal(self):
        """Labour migrants, proposal: step plan phases 2 and 3.

        arbeidsmigranten-2025 §3.1: a communication plan (see Bijlage 1). Bijlage 1, phase 2
        (preparing the location) and phase 3 (announcement in time, dialogue, monitoring and
        follow-up).
        """
        self.recommend()

    @Rule(Context(subject=Subject.labour_migrant_housing, phase=Phase.decided))
    @emits("communication.labour_plan_announcement")
    def communication_labour_decided(self):
        """Labour migrants, decided: step plan phase 3.

        arbeidsmigranten-2025 Bijlage 1, phase 3: announce the plans in time, explain why,
        where, how and who, talk with the surroundings and follow up signals quickly. §7.1:
        most online criticism concerns the (lack of) timely and clear communication.
        """
        self.recommend()

    @Rule(Context(subject=Subject.labour_migrant_housing, phase=at_least(Phase.implementation)))
    @emits("communication.labour_plan_occupation")
    def communication_labour_occupation(self):
        """Labour migrants, implementation or in use: step plan phase 4.

        arbeidsmigranten-2025 Bijlage 1, phase 4: communicate about the start, how
        supervision and management are arranged and where to go with questions; involve the
        neighbourhood. §7.1: once the first residents arrive, the tone online changes.
        """
        self.recommend()

    @Rule(Context(subject=Subject.labour_migrant_housing, phase=Phase.occupied))
    @emits("communication.labour_plan_evaluation")
    def communication_labour_evaluation(self):
        """Labour migrants, in use: step plan phase 5.

        arbeidsmigranten-2025 Bijlage 1, phase 5: keep communicating with updates and
        improvements, evaluate with housing providers, businesses and neighbourhood
        representatives. §3.1: make a communication plan (see Bijlage 1).
        """
        self.recommend()
