"""Recommendations: communication.

Social-media monitoring and analysis (asiel-2021 §8, arbeidsmigranten-2025 §7), the
message and its messengers (asiel-2021 §3-4, bewonersbijeenkomst-2021 §2.A and §2.C.1,
arbeidsmigranten-2025 §5.1 and §5.3.1, twente-2016 §1-5) and the five-phase communication
plan for labour-migrant housing (arbeidsmigranten-2025 Bijlage 1). What the guides give for
every meeting is advised for every meeting; the rest rises with protest, social media and
media attention (``at_least``), never falls. Twente's figures and its "one government"
approach concern refugee reception and status holders, so they are not advised for labour
migrants.
"""
from __future__ import annotations

from facts.vocab import (
    Media,
    Phase,
    Priority,
    Protest,
    Room,
    SocialMedia,
    Subject,
)
from rules.base import (
    MATCH,
    OR,
    Context,
    Decided,
    Rule,
    at_least,
    at_most,
    emits,
    one_of,
    raises,
)

REFUGEES = (Subject.asylum_reception, Subject.status_holder_housing)


class CommunicationRules:
    # --- standing preparation: every meeting -----------------------------------
    @Rule(Decided(meeting_type=MATCH.meeting_type))
    @emits("communication.social_media_monitoring")
    def communication_monitor_always(self):
        """Every meeting: monitor social media before, during and after the decision.

        asiel-2021 §8.2: organise the monitoring of social media before, during and after
        the decision; monitor before the announcement, so there is room to assess messages
        and agree a joint way of working; start from a broad search query.
        arbeidsmigranten-2025 §7.2: monitor actively before, during and after decisions;
        start broad.
        """
        self.recommend()

    @Rule(Context(social_media=at_least(SocialMedia.mobilising)))
    @raises(Priority.essential)
    @emits("communication.social_media_monitoring")
    def communication_monitor_mobilising(self):
        """Mobilising social media: monitoring becomes essential.

        asiel-2021 §8.1: social media are used to bring many people out quickly, through
        closed and open channels; open sources can be monitored to act on them. §8.2:
        monitoring ahead lets you assess messages and agree a way of working also when the
        pressure rises.
        """
        self.recommend()

    @Rule(Decided(meeting_type=MATCH.meeting_type))
    @emits("communication.monitor_during_meeting")
    def communication_monitor_during_meeting(self):
        """Every meeting: watch social media during the meeting as well.

        bewonersbijeenkomst-2021 §2.A (preparation of every meeting): monitor social media
        during the meeting too and anticipate the coverage; visitors are often in direct
        contact with (social) media. arbeidsmigranten-2025 §5.1: residents are often active
        on (social) media; take that into account.
        """
        self.recommend()

    @Rule(Decided(meeting_type=MATCH.meeting_type))
    @emits("communication.spokesperson_arrangements", "communication.qa_for_staff")
    def communication_standing_preparation(self):
        """Every meeting: press and spokesmanship; a Q&A and a line to take for staff and front desk.

        bewonersbijeenkomst-2021 §2.A (preparation of every meeting): how to deal with the
        media, who speaks to them; do not forget to brief front-desk and front-line staff
        and give them a line to take; an extensive Q&A with factual and
        administrative-political questions divided. asiel-2021 §4.1: how spokesmanship is
        arranged. arbeidsmigranten-2025 §5.1:
        open meeting or press moment, who talks to the press; a Q&A for staff, front desk
        included, and a joint line to take.
        """
        self.recommend()

    @Rule(Context(media_attention=at_least(Media.regional)))
    @raises(Priority.essential)
    @emits("communication.spokesperson_arrangements")
    def communication_spokesperson_media_attention(self):
        """Regional or national media attention: press arrangements become essential.

        asiel-2021 §8: media attention and news value, local, regional and national, drive
        the dynamics; §8.2: monitoring ahead lets you tell local residents apart when
        national media attention comes. bewonersbijeenkomst-2021 §2.A: who speaks to the
        media, is the meeting open to them or is there a separate press conference.
        """
        self.recommend()

    @Rule(Decided(meeting_type=MATCH.meeting_type))
    @emits("communication.communicate_unknowns")
    def communication_unknowns(self):
        """Every meeting: share only reliable information and say what is not yet known.

        asiel-2021 §3: sharing information is very important, but only when it is reliable;
        communicate what is not yet known as such. bewonersbijeenkomst-2021 §2.A: do not
        answer on content when you do not know; procedurally you can.
        arbeidsmigranten-2025 §2: share information only when it is correct; say so
        honestly when something is not yet known.
        """
        self.recommend()

    @Rule(Decided(meeting_type=MATCH.meeting_type))
    @emits("communication.facts_in_proportion")
    def communication_at_the_meeting(self):
        """Every meeting: facts with an eye for framing; no bigger and no smaller than it is.

        bewonersbijeenkomst-2021 §2.C.1 and asiel-statushouders-2016 §6.4 (during the
        meeting): you can meet concerns with facts, but information is never neutral, it is
        always framed; acknowledge that it is exciting for everyone and make the arrival of
        newcomers no bigger than it is, but no smaller either. arbeidsmigranten-2025
        §5.3.1: facts are always seen from a perspective; do not exaggerate or play it down.
        """
        self.recommend()

    # --- social media: monitoring, tied to the situation ------------------------
    @Rule(Decided(meeting_type=MATCH.meeting_type))
    @emits("communication.environment_analysis_ibs")
    def communication_environment_analysis(self):
        """Every process: interpret the monitoring with periodic environment analyses (IBS).

        asiel-2021 §3 (tips for the starting situation, not tied to unrest): make periodic
        environment analyses of social media to gauge the sentiment and see how the
        municipality's communication lands; not only as a risk assessment, also to see
        chances for contact. §8.2: the IBS method, a short daily report, analyses more often
        a day when the dynamics rise. arbeidsmigranten-2025 §2 and §7.2: look regularly at
        how the subject is discussed online; use environment analyses, e.g. IBS.
        """
        self.recommend()

    @Rule(Context(social_media=at_least(SocialMedia.active)))
    @emits("communication.social_media_not_representative")
    def communication_monitor_online_activity(self):
        """Active or mobilising social media: do not read them as public opinion.

        asiel-2021 §8: social media are not representative of public opinion but an echo
        chamber of questions, emotions, associations and behaviour; §8.1: those who join in
        online mostly hold a view already. arbeidsmigranten-2025 §7: no representative
        picture, but a strong gauge of emotions, concerns and behaviour.
        """
        self.recommend()

    @Rule(OR(Context(existing_protest=at_least(Protest.organised)),
             Context(social_media=at_least(SocialMedia.mobilising))))
    @emits("communication.follow_platform_shift")
    def communication_follow_platform_shift(self):
        """Organised opposition or mobilising online: follow the conversation where it moves.

        asiel-2021 §8.1: with organised protest and polarisation the conversation often
        shifts to Facebook, into open pages and closed groups; §8.2: move along when the
        online conversation moves and look at the interaction on the pages.
        arbeidsmigranten-2025 §7.2: follow the conversation, also when it moves.
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
    @Rule(Context(subject=one_of(*REFUGEES)),
          OR(Context(social_media=at_least(SocialMedia.mobilising)),
             Context(media_attention=at_least(Media.regional))))
    @emits("communication.webcare_rapid_response")
    def communication_webcare(self):
        """Asylum or status holders, mobilising online or wide media: webcare, perhaps a rapid response team.

        asiel-2021 §8.2: be able to do webcare and analyses on several sources at once; §8:
        media attention and national action groups drive social-media dynamics.
        asiel-statushouders-2016 §7.4: social media play an important role in the debate;
        decide your way of working; you can, for example, organise a rapid response team
        that refutes factual inaccuracies. arbeidsmigranten-2025 §7.2 names neither webcare
        nor a response team, so this is not advised for labour migrants.
        """
        self.recommend()

    @Rule(Context(social_media=at_least(SocialMedia.active),
                  existing_protest=at_least(Protest.concerns)))
    @emits("communication.invite_negative_voices")
    def communication_invite_online_critics(self):
        """Concerns voiced while social media are active: the online critics can be invited.

        asiel-2021 §8.1: you can invite the people who are (negatively) active for a
        conversation. arbeidsmigranten-2025 §5.1: talk to active opponents beforehand to hear
        their concerns. twente-2016 §5: keep talking with every party concerned.
        """
        self.recommend()

    @Rule(OR(Context(phase=at_least(Phase.decided)),
             Context(social_media=at_least(SocialMedia.active))))
    @emits("communication.show_what_happens")
    def communication_show_practice(self):
        """Decided or online activity: show the practice, honestly and balanced.

        asiel-2021 §8.1-8.2: residents value insight into how reception takes shape; do not
        only correct or inform but show what happens, with honest and balanced messages, not
        only success stories. arbeidsmigranten-2025 §7.1-7.2: show practice, not only
        policy; an honest picture, challenges included.
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

    # --- plan, one government ---------------------------------------------------
    @Rule(Context(subject=one_of(*REFUGEES)))
    @emits("communication.communication_plan")
    def communication_plan_asylum_status_holders(self):
        """Asylum reception or status-holder housing: a communication plan.

        asiel-2021 §4.1: organise the provision of information and make a communication
        plan (who, how, when, spokesmanship, internal organisation); COA's communication
        department can support. asiel-statushouders-2016 §4.1: organise the provision of
        information. §3: clarity enables clear communication and an equal level of
        knowledge. (Labour-migrant housing follows the step plan of Bijlage 1 below.)
        """
        self.recommend()

    @Rule(Context(subject=one_of(*REFUGEES)))
    @emits("communication.one_government_one_message")
    def communication_one_message(self):
        """Refugee reception or status holders: one government with one message.

        twente-2016 introduction: what must happen – act as one government with one
        message; the Twente approach aims to prevent social unrest, so it does not wait for
        opposition or media. §2: administrators represent one government and convey one
        message as far as possible; §5: a core message that administrators use as a frame
        and that guides the answers to residents' questions. The Twente approach concerns
        refugee reception and status holders, not labour migrants.
        """
        self.recommend()

    # --- content of the message -------------------------------------------------
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

    @Rule(Context(subject=one_of(*REFUGEES)),
          OR(Context(existing_protest=at_least(Protest.concerns)),
             Context(phase=at_least(Phase.implementation))))
    @emits("communication.incident_figures_in_perspective")
    def communication_incidents(self):
        """Refugee reception or status holders, with concerns or a location in use: facts on incidents.

        twente-2016 §2: knowledge is actively gathered, especially crime figures per
        location and neighbourhood, and put in perspective where possible and needed; §4:
        crime figures around refugee reception are gathered with reference areas and uniform
        registration from the start; §1: give people enough facts for a debate. Twente's
        approach concerns refugee reception, not labour migrants.
        """
        self.recommend()

    # --- labour-migrant housing: the five-phase step plan ---------------------------
    @Rule(Context(subject=Subject.labour_migrant_housing, phase=at_most(Phase.decided)))
    @emits("communication.labour_explain_need_and_nuisance")
    def communication_labour_explain_nuisance(self):
        """Labour migrants, before and at the decision: explain the need and how nuisance is prevented.

        arbeidsmigranten-2025 §Bijlage 1, tips for communication advisers: explain well why
        it is needed, what it brings and how you prevent nuisance; aim for mutual
        understanding from the start; phase 2: is management well arranged (supervision,
        support)?
        """
        self.recommend()

    @Rule(Context(subject=Subject.labour_migrant_housing, phase=Phase.exploration))
    @emits("communication.labour_plan_preparation", "communication.labour_plan_location")
    def communication_labour_exploration(self):
        """Labour migrants, exploration: step plan phases 1 and 2.

        arbeidsmigranten-2025 §3.1: organise the provision of information and make a
        communication plan (see Bijlage 1). Bijlage 1, phase 1 (environment analysis, advice
        to the executive, partners such as housing providers and employment agencies) and
        phase 2 (check the facts, revise the analysis, communication strategy with a central
        web page and Q&As).
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
        where, how and who, talk with the surroundings and answer questions and signals
        quickly. §7.1: most online criticism concerns the (lack of) timely and clear
        communication.
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
        """Labour migrants, in use: step plan phase 5, evaluation and safeguarding.

        arbeidsmigranten-2025 §Bijlage 1, phase 5: keep communicating with updates, report
        improvements and share positive stories or results; evaluate with housing providers,
        businesses and neighbourhood representatives and learn for future projects.
        """
        self.recommend()
