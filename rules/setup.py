"""Recommendations: setup.

Format, layout, venue, chair and experts, access, roles, invitations and target groups,
the council meeting as a residents' meeting, and online/hybrid meetings. The tables in
asiel-2021 §5.2, asiel-statushouders-2016 §5.2 and arbeidsmigranten-2025 §4.2 tie the
layout, venue and chair to the meeting type; the checklists in asiel-statushouders-2016
§6.1-6.4, bewonersbijeenkomst-2021 §2.A-2.C.1 and arbeidsmigranten-2025 §5.1-5.3.1 give
the rest.

Three boundaries run through this module:
- a council meeting gets only what the guides say for a council meeting ("De
  raadsvergadering is ook een bewonersbijeenkomst", asiel-statushouders-2016 §6.3,
  bewonersbijeenkomst-2021 §2.C, arbeidsmigranten-2025 §5.3.1): no work forms, venues,
  target-group sessions or invitations of a residents' meeting;
- an online meeting gets nothing that needs a room (layout, venue, a check at the door,
  other places);
- advice that grows with the turnout matches on ``Assessed(scale=...)``, whose boundaries
  live in kb/parameters.yaml, never on a number of visitors.
"""
from __future__ import annotations

from facts.vocab import (
    Format,
    Initiator,
    Media,
    MeetingType,
    Phase,
    Priority,
    Protest,
    RiskLevel,
    Scale,
    SocialMedia,
    Stakeholder,
    Subject,
)
from rules.base import (
    AND,
    OR,
    Assessed,
    Context,
    Decided,
    Nearby,
    Rule,
    at_least,
    at_most,
    emits,
    one_of,
    raises,
)

#: Formats with people in a room (a hybrid meeting has one too).
IN_ROOM = one_of(Format.in_person, Format.hybrid)
#: Formats with an online part.
ONLINE_PART = one_of(Format.online, Format.hybrid)


class SetupRules:
    # --- layout and work form -----------------------------------------------------

    @Rule(Decided(meeting_type=MeetingType.inform), Assessed(scale=at_least(Scale.large)),
          Context(council_meeting=False, format=IN_ROOM))
    @emits("setup.information_market")
    def setup_information_market(self):
        """Many visitors at an informing meeting: an information market with open walk-in.

        asiel-2021 §5.2 (and asiel-statushouders-2016 §5.2, arbeidsmigranten-2025 §4.2): with
        many visitors, organise an open afternoon or information market with open walk-in;
        an open walk-in with a market layout works better than a frontal layout.
        """
        self.recommend()

    @Rule(Decided(meeting_type=MeetingType.inform), Assessed(scale=at_most(Scale.medium)),
          Context(council_meeting=False, format=IN_ROOM))
    @emits("setup.walk_in_standing_tables")
    def setup_walk_in_standing_tables(self):
        """A smaller informing meeting in a room: walk-in with standing tables.

        asiel-statushouders-2016 §6.3: informing, walk-in and standing tables;
        bewonersbijeenkomst-2021 §2.C: standing tables keep the dynamics;
        arbeidsmigranten-2025 §5.3: walk-in and standing tables.
        """
        self.recommend()

    @Rule(Decided(meeting_type=MeetingType.inform), Context(council_meeting=False, format=ONLINE_PART))
    @emits("setup.digital_walk_in")
    def setup_digital_walk_in(self):
        """An informing meeting with an online part, of any size: a digital walk-in.

        bewonersbijeenkomst-2021 §2.C: informing, walk-in and standing tables, a walk-in
        quarter (digital); arbeidsmigranten-2025 §5.3: a walk-in moment, "eventueel ook
        digitaal". Standing tables need a room, so an online meeting gets only this.
        """
        self.recommend()

    @Rule(OR(Decided(meeting_type=MeetingType.inform), Assessed(risk_level=at_least(RiskLevel.elevated))),
          Context(council_meeting=False, format=IN_ROOM))
    @emits("setup.avoid_frontal_layout")
    def setup_avoid_frontal_layout(self):
        """Informing, or tension in the air, in a room: no frontal layout.

        asiel-2021 §5.2 and asiel-statushouders-2016 §5.2: a frontal layout invites
        escalation, an open walk-in with a market layout works better; arbeidsmigranten-2025
        §5.3: the room layout matters to the conversation.
        """
        self.recommend()

    @Rule(Assessed(risk_level=at_least(RiskLevel.high)), Context(council_meeting=False, format=IN_ROOM))
    @raises(Priority.essential)
    @emits("setup.avoid_frontal_layout")
    def setup_avoid_frontal_layout_high_risk(self):
        """High risk in a room: avoiding a frontal layout becomes essential.

        asiel-2021 §5.2 and asiel-statushouders-2016 §5.2: a frontal layout "werkt escalatie
        in de hand", an open walk-in with a market layout works better. Raising it at high
        risk is this tool's choice: the guides name the layout as a cause of escalation.
        """
        self.recommend()

    @Rule(Decided(meeting_type=MeetingType.inform), Assessed(scale=at_least(Scale.large)),
          Context(council_meeting=False, format=IN_ROOM))
    @emits("setup.multiple_sessions")
    def setup_multiple_sessions_inform(self):
        """Many visitors at an informing meeting in a room: several sessions at different places.

        asiel-2021 §5.2 and asiel-statushouders-2016 §5.2: with many visitors, an
        information market or several meetings at different places; arbeidsmigranten-2025
        §5.2: with great interest, plan an extra meeting. Places are for a meeting in a room;
        online, setup.online_keep_small splits a large group over several sessions.
        """
        self.recommend()

    @Rule(Decided(meeting_type=MeetingType.consult), Assessed(scale=at_least(Scale.medium)),
          Context(council_meeting=False, format=IN_ROOM))
    @emits("setup.multiple_sessions")
    def setup_multiple_sessions_consult(self):
        """Consulting more than a small group in a room: several sessions close to the people.

        asiel-2021 §5.2: for consulting, several meetings close to the people concerned, to
        give as many people as possible the chance to voice concerns and give advice. Online,
        setup.online_keep_small splits the group instead.
        """
        self.recommend()

    @Rule(Decided(meeting_type=MeetingType.coproduce), Assessed(scale=at_least(Scale.large)),
          Context(council_meeting=False))
    @emits("setup.broad_track_beside_coproduction")
    def setup_broad_track_beside_coproduction(self):
        """Co-producing while many people are interested: an open track beside it.

        asiel-2021 §5.1: the decision process can contain all three elements (inform,
        consult, co-produce); asiel-statushouders-2016 §5.1: co-production is for a limited
        group, those most affected; asiel-2021 §5.2: when many people are expected, an
        information market with open walk-in or several meetings at different places.
        """
        self.recommend()

    @Rule(Decided(meeting_type=MeetingType.consult), Context(council_meeting=False))
    @emits("setup.small_group_dialogue")
    def setup_small_group_dialogue(self):
        """Consulting: talk in small groups with varied work forms.

        asiel-2021 §5.2: room for different work forms and for talking in smaller groups,
        e.g. doorstep conversations or touring in a van; arbeidsmigranten-2025 §4.2: one or
        more discussion leaders. Not at a council meeting: the guides give the council
        meeting its own advice (asiel-statushouders-2016 §6.3).
        """
        self.recommend()

    @Rule(Context(phase=Phase.exploration, council_meeting=False, format=IN_ROOM))
    @emits("setup.force_field_sessions")
    def setup_force_field_sessions(self):
        """Exploring in person: consider small sessions on site to learn the field of forces.

        asiel-statushouders-2016 §6.3 and bewonersbijeenkomst-2021 §2.C: fit the form to the
        goal, standing tables are no cure-all; for a force-field analysis, many small
        meetings on site; arbeidsmigranten-2025 §5.3: consider several small sessions on
        site, close to those involved. The guides tie this to no phase; this tool offers it
        in the exploration, before the field of forces is known.
        """
        self.recommend()

    @Rule(Decided(meeting_type=MeetingType.coproduce), Context(council_meeting=False))
    @emits("setup.creative_work_forms")
    def setup_creative_work_forms(self):
        """Co-producing: creative work forms.

        asiel-2021 §5.2: creative work forms in which interests, wishes and options are
        discussed, then a joint decision; bewonersbijeenkomst-2021 §2.C and
        arbeidsmigranten-2025 §5.3: creative, interactive work forms to organise
        collaboration.
        """
        self.recommend()

    @Rule(Decided(meeting_type=MeetingType.coproduce), Context(council_meeting=False))
    @emits("setup.sounding_board_group", "setup.independent_facilitator")
    def setup_sounding_board_group(self):
        """Co-producing: invitees only, in a sounding board group with an independent chair.

        asiel-2021 §5.2 and asiel-statushouders-2016 §5.2: co-production is for invitees
        only, for instance a (self-)formed sounding board group, led by an independent
        facilitator or mediator; arbeidsmigranten-2025 §4.2: an independent chair and
        representation of the target group are essential in a sounding board group.
        """
        self.recommend()

    # --- venue ----------------------------------------------------------------------

    @Rule(Decided(meeting_type=MeetingType.inform), Context(council_meeting=False, format=IN_ROOM))
    @emits("setup.accessible_public_venue")
    def setup_accessible_public_venue(self):
        """Informing: a venue that is easy to reach and open to the public.

        asiel-2021 §5.2 and arbeidsmigranten-2025 §4.2: "In ieder geval goed bereikbaar en
        publiek toegankelijk."
        """
        self.recommend()

    @Rule(Decided(meeting_type=MeetingType.consult), Context(council_meeting=False, format=IN_ROOM))
    @emits("setup.dialogue_venue")
    def setup_dialogue_venue(self):
        """Consulting: a low-threshold public place with room for tables.

        asiel-2021 §5.2 and asiel-statushouders-2016 §5.2: room for dialogue literally needs
        room for tables; a low-threshold public facility such as a library, school or mobile
        venue.
        """
        self.recommend()

    @Rule(Decided(meeting_type=MeetingType.coproduce), Context(council_meeting=False, format=IN_ROOM))
    @emits("setup.neutral_venue_near_site")
    def setup_neutral_venue_near_site(self):
        """Co-producing: a neutral place close to the future site.

        asiel-2021 §5.2 and arbeidsmigranten-2025 §4.2: neutral, it is important that
        everyone feels at home, and/or close to the future site to mark the connection.
        """
        self.recommend()

    # --- chair, experts, roles ---------------------------------------------------------

    @Rule(Context(council_meeting=False))
    @emits("setup.mayor_and_college_visible", "setup.assign_roles")
    def setup_roles_and_mayor(self):
        """Every residents' meeting: decide the mayor's role, involve the executive, divide the roles.

        asiel-statushouders-2016 §6.1 and bewonersbijeenkomst-2021 §2.A: host, speaker or
        chair, always responsible for safety; visible involvement of the executive, for
        instance a greeting at the door; arbeidsmigranten-2025 §5.1: divide the roles;
        asiel-statushouders-2016 §6.4 and bewonersbijeenkomst-2021 §2.C.1: are the right
        people present, can everyone fulfil their role?
        """
        self.recommend()

    @Rule(Decided(meeting_type=MeetingType.inform), Context(council_meeting=False))
    @emits("setup.college_figurehead")
    def setup_college_figurehead(self):
        """Informing: the executive is the figurehead of the decision.

        asiel-2021 §5.2 and arbeidsmigranten-2025 §4.2, the informing column: the executive is
        the figurehead of the decision, the mayor (or alderman) is present. Not when
        co-producing, where the municipality is a fellow player and not decisive
        (asiel-statushouders-2016 §5.1).
        """
        self.recommend()

    @Rule(Decided(meeting_type=MeetingType.inform), Context(council_meeting=False))
    @emits("setup.external_chair")
    def setup_external_chair_inform(self):
        """Informing: an external chair can steer the questions.

        asiel-2021 §5.2 and asiel-statushouders-2016 §5.2: an external chair can keep the
        questions on track; bewonersbijeenkomst-2021 §2.A: mayor, spokesperson or external
        chair?
        """
        self.recommend()

    @Rule(Decided(meeting_type=MeetingType.consult), Assessed(risk_level=at_least(RiskLevel.elevated)),
          Context(council_meeting=False))
    @raises(Priority.recommended)
    @emits("setup.external_chair")
    def setup_external_chair_tension(self):
        """Consulting in a tense atmosphere: an external chair matters more.

        arbeidsmigranten-2025 §5.1: choose the mayor, a municipal spokesperson or an external
        chair "afhankelijk van de sfeer en doelstelling".
        """
        self.recommend()

    @Rule(Decided(meeting_type=one_of(MeetingType.inform, MeetingType.consult)),
          Context(council_meeting=False))
    @emits("setup.enough_experts")
    def setup_enough_experts(self):
        """Informing or consulting: enough experts and staff to answer questions.

        asiel-2021 §5.2: in both columns, enough experts who can answer questions.
        """
        self.recommend()

    @Rule(Assessed(scale=at_least(Scale.large)), Context(council_meeting=False))
    @raises(Priority.essential)
    @emits("setup.enough_experts")
    def setup_enough_experts_large(self):
        """A large meeting, of any type: many staff.

        bewonersbijeenkomst-2021 §2.C and asiel-statushouders-2016 §6.3: organise it so that
        stakeholders can get in touch with staff; "Een grote bijeenkomst vraagt dus om veel
        medewerkers."
        """
        self.recommend()

    @Rule(Context(council_meeting=False))
    @emits("setup.coaching_training")
    def setup_coaching_training(self):
        """Preparing a residents' meeting: coaching or training where needed.

        asiel-statushouders-2016 §6.1 and bewonersbijeenkomst-2021 §2.A: organise short
        coaching or training for administrators and officials where needed, to communicate
        more effectively, also in (incipient) conflicts; arbeidsmigranten-2025 §5.1: consider
        a short training to communicate firmly and clearly.
        """
        self.recommend()

    @Rule(Assessed(risk_level=at_least(RiskLevel.elevated)))
    @raises(Priority.recommended)
    @emits("setup.coaching_training")
    def setup_coaching_training_tension(self):
        """Tension in the air, also at a council meeting: coaching matters more.

        bewonersbijeenkomst-2021 §2.A: "ook bij (beginnende) conflicten";
        arbeidsmigranten-2025 §5.1: "ook als er spanning ontstaat".
        """
        self.recommend()

    @Rule(Context(council_meeting=False, format=IN_ROOM))
    @emits("setup.visible_question_point")
    def setup_visible_question_point(self):
        """A residents' meeting in a room: a visible place for questions still open.

        asiel-statushouders-2016 §6.3 and bewonersbijeenkomst-2021 §2.C: create a visible
        collection point for questions that cannot be answered on the spot;
        arbeidsmigranten-2025 §5.3: and make sure they are answered later.
        """
        self.recommend()

    @Rule(Context(council_meeting=False, subject=Subject.asylum_reception))
    @emits("setup.organise_with_coa")
    def setup_organise_with_coa_subject(self):
        """Asylum reception: organise the meeting together with COA.

        bewonersbijeenkomst-2021 §2.A: organise the meeting with COA, each in its own role,
        with a joint start moment beforehand; asiel-2021 §4.2: COA stands beside the
        executive at residents' meetings.
        """
        self.recommend()

    @Rule(Context(council_meeting=False, initiator=Initiator.coa))
    @emits("setup.organise_with_coa")
    def setup_organise_with_coa_initiator(self):
        """COA is the initiator (asylum or status holders): organise the meeting together with COA.

        bewonersbijeenkomst-2021 §2.A: organise the meeting with COA, each in its own role.
        """
        self.recommend()

    @Rule(Context(council_meeting=False, initiator=Initiator.private))
    @emits("setup.organise_with_initiator")
    def setup_organise_with_initiator(self):
        """A private initiator: organise the meeting together with the initiator.

        arbeidsmigranten-2025 §5.1: organise the meeting with the initiator, each in its own
        role, cooperation and alignment are crucial, plan a joint briefing just before;
        §5.3.1: the housing provider or developer is present.
        """
        self.recommend()

    # --- access and registration ----------------------------------------------------------

    @Rule(Assessed(scale=at_least(Scale.large)), Context(council_meeting=False))
    @emits("setup.registration_and_maximum")
    def setup_registration_and_maximum(self):
        """A large turnout: decide on sign-up and a maximum.

        bewonersbijeenkomst-2021 §2.B: large or small, what is the maximum, consider sign-up,
        plan a second meeting if there are too many; asiel-statushouders-2016 §6.1 and
        arbeidsmigranten-2025 §5.1: open access or sign-up? The passage ties this to the
        number of participants, not to risk; strong resistance has its own step, the check
        at the entrance (setup.invitation_check_at_entrance).
        """
        self.recommend()

    @Rule(OR(Context(council_meeting=False, format=IN_ROOM,
                     existing_protest=at_least(Protest.organised)),
             AND(Context(council_meeting=False, format=IN_ROOM),
                 Assessed(risk_level=at_least(RiskLevel.high)))))
    @emits("setup.invitation_check_at_entrance", "tradeoff.open_access_vs_invitation_check")
    def setup_invitation_check_at_entrance(self):
        """Strong resistance, people in a room: discuss checking invitations at the entrance.

        bewonersbijeenkomst-2021 §2.B and arbeidsmigranten-2025 §5.2: with much resistance
        to the site and the meeting, discuss whether invitees identify themselves by showing
        their invitation; this pulls against being inviting (bewonersbijeenkomst-2021 §2.A),
        hence the trade-off. An online meeting has no entrance.
        """
        self.recommend()

    # --- the council meeting ----------------------------------------------------------------

    @Rule(Context(council_meeting=True))
    @emits("setup.council_welcome_speakers", "setup.council_acknowledge_shortcomings")
    def setup_council_meeting(self):
        """The council meeting is a residents' meeting too: welcome speakers, be open.

        bewonersbijeenkomst-2021 §2.C and asiel-statushouders-2016 §6.3: welcome speakers
        personally, acknowledge shortcomings, separate the decision from the process;
        arbeidsmigranten-2025 §5.3.1 likewise.
        """
        self.recommend()

    @Rule(OR(AND(Context(council_meeting=True), Assessed(scale=at_least(Scale.medium))),
             Context(council_meeting=True, existing_protest=at_least(Protest.organised)),
             Context(council_meeting=True, media_attention=at_least(Media.regional))))
    @emits("setup.council_full_gallery")
    def setup_council_full_gallery(self):
        """A council meeting with a full public gallery: mind agenda, focus, clarity.

        asiel-statushouders-2016 §6.3 and bewonersbijeenkomst-2021 §2.C: with a full public
        gallery be extra alert to agenda and focus; trust lies in an understandable debate;
        arbeidsmigranten-2025 §5.3.1: with great interest, mind the structure, "Zeker wanneer
        er veel maatschappelijke aandacht is". The scenario has no field for the gallery: the
        expected turnout, organised opposition and regional or national media attention
        stand for it.
        """
        self.recommend()

    @Rule(OR(Context(council_meeting=True, existing_protest=at_least(Protest.organised)),
             AND(Context(council_meeting=True), Assessed(scale=at_least(Scale.large))),
             Context(council_meeting=True, social_media=at_least(SocialMedia.mobilising))))
    @raises(Priority.recommended)
    @emits("setup.separate_hearing_evening")
    def setup_separate_hearing_evening(self):
        """A council meeting amid commotion: a separate evening for speakers.

        bewonersbijeenkomst-2021 §2.C and asiel-statushouders-2016 §6.3: with much public
        commotion many will want to speak, a separate evening is an option;
        arbeidsmigranten-2025 §5.3.1: with great unrest or many sign-ups it is wise to
        organise a separate hearing evening (hence recommended, not only an option).
        """
        self.recommend()

    # --- invitations and target groups ------------------------------------------------------

    @Rule(Context(council_meeting=False))
    @emits("setup.invitation_wording", "setup.define_target_group")
    def setup_invitation_and_target_group(self):
        """Every residents' meeting: define the target group, invite clearly and positively.

        asiel-statushouders-2016 §6.2, bewonersbijeenkomst-2021 §2.B and
        arbeidsmigranten-2025 §5.2: decide the target group; say explicitly in the invitation
        what the meeting is and is not about; be inviting and positive.
        """
        self.recommend()

    @Rule(Decided(meeting_type=at_least(MeetingType.consult)), Context(council_meeting=False, format=IN_ROOM))
    @emits("setup.alternative_places_times")
    def setup_alternative_places_times(self):
        """Consulting or co-producing in person: meet people at other places and times.

        asiel-statushouders-2016 §6.2, bewonersbijeenkomst-2021 §2.B and
        arbeidsmigranten-2025 §5.2: think of alternative places and times, such as a sports
        club on Saturday afternoon, coffee in the care home, or at the primary school.
        """
        self.recommend()

    @Rule(Nearby(nearby_stakeholders=one_of(Stakeholder.school, Stakeholder.care_home,
                                            Stakeholder.sports_club)),
          Context(council_meeting=False, format=IN_ROOM))
    @emits("setup.alternative_places_times")
    def setup_alternative_places_nearby(self):
        """A school, care home or sports club nearby: meet people there.

        asiel-statushouders-2016 §6.2: meetings can take place on a Saturday afternoon at a
        sports club, over coffee in the care home or around three at a primary school.
        """
        self.recommend()

    @Rule(Nearby(nearby_stakeholders=one_of(*Stakeholder)), Context(council_meeting=False))
    @emits("setup.separate_stakeholder_sessions")
    def setup_separate_stakeholder_sessions(self):
        """Special stakeholders nearby: separate, small sessions for them.

        bewonersbijeenkomst-2021 §2.B: separate meetings for special target groups with
        targeted invitations; asiel-statushouders-2016 §6.3 and arbeidsmigranten-2025 §5.3:
        dialogue with those with a large interest, small and closed.
        """
        self.recommend()

    @Rule(Nearby(nearby_stakeholders=Stakeholder.school), Context(council_meeting=False))
    @emits("setup.school_parents")
    def setup_school_parents(self):
        """A school nearby: involve its parents and board.

        bewonersbijeenkomst-2021 §2.B: parents of the nearby school as stakeholders, school
        boards as a special target group; arbeidsmigranten-2025 §5.2: a meeting when the
        primary school lets out.
        """
        self.recommend()

    @Rule(Nearby(nearby_stakeholders=Stakeholder.daycare), Context(council_meeting=False))
    @emits("setup.daycare_parents")
    def setup_daycare_parents(self):
        """A daycare next to the site: a separate session for its parents.

        asiel-statushouders-2016 §6.2 and bewonersbijeenkomst-2021 §2.B: do not forget the
        parents of a daycare next to the intended site, who are not always part of the
        neighbourhood or municipality; organise separate meetings for them with a targeted
        invitation.
        """
        self.recommend()

    @Rule(Nearby(nearby_stakeholders=Stakeholder.holiday_park), Context(council_meeting=False))
    @emits("setup.holiday_park_owners")
    def setup_holiday_park_owners(self):
        """A holiday park nearby: involve its private owners.

        bewonersbijeenkomst-2021 §2.B and asiel-statushouders-2016 §6.2: do not forget the
        private owners on a holiday park, who are not always part of the neighbourhood or
        municipality; organise a separate meeting for them with a targeted invitation.
        arbeidsmigranten-2025 §5.2 lists them among those who should certainly attend.
        """
        self.recommend()

    @Rule(Nearby(nearby_stakeholders=Stakeholder.businesses), Context(council_meeting=False))
    @emits("setup.local_entrepreneurs")
    def setup_local_entrepreneurs(self):
        """Businesses nearby: include local entrepreneurs.

        arbeidsmigranten-2025 §5.2: local entrepreneurs among those who must attend;
        bewonersbijeenkomst-2021 §2.C: partners such as small businesses tell their story.
        """
        self.recommend()

    @Rule(Nearby(nearby_stakeholders=Stakeholder.neighbourhood_council), Context(council_meeting=False))
    @emits("setup.neighbourhood_council")
    def setup_neighbourhood_council(self):
        """A neighbourhood council: invite it specifically.

        bewonersbijeenkomst-2021 §2.B: separate meetings for neighbourhood committees;
        arbeidsmigranten-2025 §5.2: neighbourhood representatives in the target group.
        """
        self.recommend()

    # --- partners and speakers ----------------------------------------------------------------

    @Rule(OR(Context(council_meeting=False,
                     subject=one_of(Subject.asylum_reception, Subject.status_holder_housing)),
             Context(council_meeting=False, supporting_initiatives=True)))
    @emits("setup.social_partners_session")
    def setup_social_partners_session(self):
        """Asylum or status holders, or supporting initiatives: a session with social partners.

        bewonersbijeenkomst-2021 §2.B and asiel-statushouders-2016 §6.2: organise a separate
        meeting with the social partners that will play a role; invite broadly.
        """
        self.recommend()

    @Rule(Context(council_meeting=False, phase=at_most(Phase.implementation)))
    @emits("setup.experienced_administrators", "setup.partner_speakers")
    def setup_experienced_speakers(self):
        """Before the site is in use: experienced administrators and partners as speakers.

        asiel-statushouders-2016 §6.1-6.2, bewonersbijeenkomst-2021 §2.C and
        arbeidsmigranten-2025 §5.1, §5.3: invite experienced administrators from neighbouring
        municipalities and partners to share experiences; let labour migrants or their key
        persons speak.
        """
        self.recommend()

    # --- online and hybrid ----------------------------------------------------------------------

    @Rule(Context(council_meeting=False, format=ONLINE_PART), Assessed(scale=at_least(Scale.medium)))
    @emits("setup.online_keep_small")
    def setup_online_keep_small(self):
        """An online or hybrid meeting beyond a small group: keep sessions small.

        bewonersbijeenkomst-2021 §2.C: keep it small so stakeholders can get in touch with
        staff; the footnote (printed under §2.C.1): this applies to online meetings too, the
        interaction is more limited.
        """
        self.recommend()

    @Rule(Context(council_meeting=False, format=ONLINE_PART),
          Decided(meeting_type=at_least(MeetingType.consult)))
    @emits("setup.online_format_fits_goal")
    def setup_online_format_fits_goal(self):
        """Dialogue or co-production online: check the format fits the goal.

        bewonersbijeenkomst-2021 §2.C: does the form (physical, online) fit the goal?
        arbeidsmigranten-2025 §5.3: choose deliberately between physical, online or hybrid;
        online the interaction is more limited (bewonersbijeenkomst-2021 footnote).
        """
        self.recommend()
