"""Recommendations: process.

The start situation, the municipality's values, the council, the steps of the decision
process and the people involved (asiel-2021 §3-4, asiel-statushouders-2016 §3-4,
arbeidsmigranten-2025 §1-3 and Bijlage 1, bewonersbijeenkomst-2021 §2.D).
"""
from __future__ import annotations

from facts.vocab import (
    Initiator,
    Phase,
    PriorityValue,
    Protest,
    Room,
    Stakeholder,
    Subject,
    Trust,
)
from rules.base import MATCH, Context, Nearby, Rule, at_least, at_most, emits, one_of

_ASYLUM_OR_STATUS = one_of(Subject.asylum_reception, Subject.status_holder_housing)
_ASYLUM_OR_LABOUR = one_of(Subject.asylum_reception, Subject.labour_migrant_housing)
_LABOUR = Subject.labour_migrant_housing


class ProcessRules:
    # --- the start situation ---------------------------------------------------------

    @Rule(Context(phase=at_most(Phase.proposal)))
    @emits("process.diagnose_start_situation")
    def process_diagnose_start_situation(self):
        """Before the decision: diagnose the issue, the fixed frameworks and the known facts.

        asiel-2021 §3 and asiel-statushouders-2016 §3: clarity about the start situation is
        the basis for every further step; ask which frameworks others have fixed, what room
        there is for an own decision and which facts are known; communicate what is not yet
        known as such. arbeidsmigranten-2025 §2: a clear picture at the start is important
        for all steps.
        """
        self.recommend()

    @Rule(Context(subject=_LABOUR, phase=at_most(Phase.proposal)))
    @emits("process.labour_migrant_frameworks", "process.labour_local_context")
    def process_labour_migrant_frameworks(self):
        """Labour migrants before the decision: the fixed frameworks and the local context.

        arbeidsmigranten-2025 §2: fixed frameworks are the province's conditions, municipal
        policy and European rules; legal frameworks include the Omgevingswet and the Wet
        regie volkshuisvesting; national political plans may weigh in. The context: is the
        site inside or outside the built-up area, which sectors, the ratio of residents to
        labour migrants and other priority groups.
        """
        self.recommend()

    @Rule(Context(phase=at_most(Phase.proposal)))
    @emits("process.context_and_trust")
    def process_context_and_trust(self):
        """Before the decision, whatever the trust: examine the governance context and trust.

        asiel-2021 §3, asiel-statushouders-2016 §3, arbeidsmigranten-2025 §2: the questions of
        the start situation, for every municipality, include the context: the usual way of
        deciding and involving residents, whether residents trust the administration and
        vice versa, and the relation between executive and council.
        """
        self.recommend()

    @Rule(Context(trust_in_government=Trust.low))
    @emits("process.context_and_trust")
    def process_context_and_trust_low(self):
        """Low trust in the government, in any phase: the governance context and mutual trust.

        asiel-2021 §3, asiel-statushouders-2016 §3, arbeidsmigranten-2025 §2: the diagnosis
        asks whether residents trust the administration and vice versa and how executive and
        council relate; asiel-2021 §7.1 uses that diagnosis again for the safety risks.
        """
        self.recommend()

    # --- the municipality's values ---------------------------------------------------

    @Rule(Context(priority_value=MATCH.priority_value))
    @emits("process.apply_values_consistently", "process.value_safety")
    def process_apply_values_consistently(self):
        """Always: apply the values consistently, and make safety part of the preparation.

        asiel-2021 §3: apply the municipality's values consistently during the decision
        process and communicate them regularly; they give a footing in dilemmas
        (asiel-statushouders-2016 §3, arbeidsmigranten-2025 §2). asiel-2021 §3 and
        arbeidsmigranten-2025 §2, whichever value weighs most: make safety an integral part
        of the preparation and weigh it in major decisions, such as the use of meetings.
        """
        self.recommend()

    @Rule(Context(subject=_ASYLUM_OR_LABOUR, phase=at_most(Phase.proposal)))
    @emits("process.value_contribution")
    def process_value_contribution(self):
        """Asylum or labour migrants before the decision: make an expressed contribution explicit.

        asiel-2021 §3 and arbeidsmigranten-2025 §2, for every municipality whatever value
        weighs most: make it explicit when the wish has been expressed or the proposal made
        that the municipality will contribute (to asylum reception; to housing labour
        migrants).
        """
        self.recommend()

    @Rule(Context(priority_value=PriorityValue.support, phase=at_most(Phase.proposal)))
    @emits("process.value_support")
    def process_value_support(self):
        """A supported decision weighs most, before the decision: say why residents are involved.

        asiel-2021 §3: careful democratic decision-making and a supported decision is one of
        the values the municipality weighs, and the values are applied consistently; §4.2 and
        arbeidsmigranten-2025 §3.2: involving residents can serve to broaden support or to
        solve a problem together; what is possible depends on the situation, and the aim
        decides which form of participation fits.
        """
        self.recommend()

    # --- the council -------------------------------------------------------------------

    @Rule(Context(subject=_ASYLUM_OR_STATUS, phase=at_most(Phase.proposal)))
    @emits("process.council_involvement")
    def process_council_involvement(self):
        """Asylum or status holders before the decision: how to involve the council (art. 169.4).

        asiel-2021 §4.2 and asiel-statushouders-2016 §4.2: the executive decides formally, but
        given the foreseeable impact article 169.4 Gemeentewet is relevant and council
        involvement often desirable, depending on the local situation; the executive informs
        the council beforehand when it asks or when consequences can be far-reaching, and
        then decides only after the council could state its wishes and concerns. Which role
        does the council take?
        """
        self.recommend()

    @Rule(Context(subject=_LABOUR, phase=at_most(Phase.proposal)))
    @emits("process.council_role_labour_migrants", "process.council_member_information")
    def process_council_role_labour_migrants(self):
        """Labour migrants before the decision: say who decides what; council members' right.

        arbeidsmigranten-2025 §3.2: the council takes the formal decision and the executive
        carries it out, or the executive proposes and the council decides; the executive
        must inform the council beforehand when asked or when consequences are major; also
        individual council members may always ask for information, and the executive is
        obliged to give it.
        """
        self.recommend()

    @Rule(Context(subject=_LABOUR, council_meeting=True, phase=at_least(Phase.decided)))
    @emits("process.council_member_information")
    def process_council_member_information_meeting(self):
        """Labour migrants, a council meeting after the decision: council members' information.

        arbeidsmigranten-2025 §3.2: the executive always answers to the council; individual
        council members may always ask for information, and the executive must give it.
        Who takes the decision, and informing the council beforehand, concern the decision
        still to be taken, so they are not repeated after it.
        """
        self.recommend()

    # --- mapping the process and the people ----------------------------------------

    @Rule(Context(phase=at_most(Phase.proposal)))
    @emits("process.map_process_steps", "process.stakeholder_map", "process.key_figures",
           "process.know_concerns_and_history")
    def process_map_process_and_people(self):
        """Before the decision: map the steps, the players, key figures and concerns.

        asiel-2021 §4.1 and asiel-statushouders-2016 §4.1: map the steps (when the final
        proposal comes, when a decision is final, the deadline) and all important players
        and key figures with their role per step; arbeidsmigranten-2025 §3-3.1: a clear
        process manages expectations; the players include the initiator, housing providers
        and employers. asiel-2021 §3 and arbeidsmigranten-2025 §2 (tips for the start
        situation, whatever the protest): use key figures where possible; know residents'
        concrete concerns and past controversies.
        """
        self.recommend()

    @Rule(Context(phase=Phase.exploration))
    @emits("process.plan_interaction_early")
    def process_plan_interaction_early(self):
        """Exploration: plan the interaction with residents and council from the first talks.

        bewonersbijeenkomst-2021 §2.D a-b and arbeidsmigranten-2025 §3.2: from the first
        talks about a location think about involving residents and others; decide early what
        room there is to influence the decision, and be clear about it.
        """
        self.recommend()

    @Rule(Context(phase=at_most(Phase.decided)))
    @emits("process.meeting_in_series")
    def process_meeting_in_series(self):
        """During the decision process: each meeting is one of a series.

        bewonersbijeenkomst-2021 §2.D d: see every meeting as part of a series; adapt form and
        intensity to the moment in the decision process. arbeidsmigranten-2025 §4.1: which
        form fits depends on the phase.
        """
        self.recommend()

    @Rule(Context(trust_in_government=Trust.low))
    @emits("process.key_figures")
    def process_key_figures_low_trust(self):
        """Low trust: involve key figures from the community.

        asiel-2021 §3 and arbeidsmigranten-2025 §2: use key figures in the community where
        possible; §4.1: include them in the map of those involved.
        """
        self.recommend()

    @Rule(Context(existing_protest=at_least(Protest.concerns)))
    @emits("process.key_figures", "process.know_concerns_and_history")
    def process_key_figures_concerns(self):
        """Concerns or opposition, in any phase: key figures; know the concrete concerns.

        asiel-2021 §3 and arbeidsmigranten-2025 §2: use key figures where possible, to see
        opportunities for contact and not only risks; know residents' concrete concerns and
        controversies, including earlier conflicts (asiel-statushouders-2016 §3); attend to
        feelings and images, not only facts.
        """
        self.recommend()

    @Rule(Context(phase=at_most(Phase.implementation)))
    @emits("process.integral_project_organisation")
    def process_integral_project_organisation(self):
        """Until the location is in use: organise internally across domains.

        asiel-2021 §4.1 and asiel-statushouders-2016 §4.1: are social domain, housing and
        safety connected; is an integrated project organisation needed; what role for the
        contact centre? arbeidsmigranten-2025 §3.1 adds physical environment, civil affairs,
        supervision and enforcement.
        """
        self.recommend()

    # --- opponents, supporters, concerns -------------------------------------------

    @Rule(Context(existing_protest=at_least(Protest.organised)))
    @emits("process.engage_organised_opponents")
    def process_engage_organised_opponents(self):
        """Organised opposition: talk with those groups beforehand.

        asiel-2021 §3: are there organised groups that have voiced opposition? Talk with them
        beforehand as far as possible to hear their interests and concerns.
        arbeidsmigranten-2025 §2 likewise.
        """
        self.recommend()

    @Rule(Context(supporting_initiatives=True))
    @emits("process.role_for_supporting_initiatives")
    def process_role_for_supporting_initiatives(self):
        """Supporting initiatives exist: give them a role in the process.

        asiel-2021 §3 and arbeidsmigranten-2025 §2: consider the role supporting initiatives
        can play; bewonersbijeenkomst-2021 §2.D e: be sincere towards supporters and
        opponents alike.
        """
        self.recommend()

    @Rule(Context(subject=_LABOUR, existing_protest=at_least(Protest.concerns)))
    @emits("process.petitions")
    def process_petitions(self):
        """Labour migrants with objections: treat a petition as a signal to talk.

        arbeidsmigranten-2025 §7.1: residents can collect signatures against housing quickly
        online; §2: try to understand what occupies residents; §3.2: be clear whether and
        when there is room for influence.
        """
        self.recommend()

    # --- subject-specific roles ----------------------------------------------------

    @Rule(Context(subject=Subject.asylum_reception))
    @emits("process.coa_beside_college")
    def process_coa_beside_college(self):
        """Asylum reception: work with COA from the start; COA beside the executive.

        asiel-2021 §4.2: the municipality negotiates with COA, and COA works with it on
        communication from the start; in practice COA stands beside the executive at
        residents' meetings.
        """
        self.recommend()

    @Rule(Context(initiator=Initiator.coa, subject=Subject.status_holder_housing))
    @emits("process.coa_beside_college")
    def process_coa_beside_college_initiator(self):
        """Status holders with COA as the initiator: work with COA.

        asiel-statushouders-2016 §4.2: COA works with the municipality on communication from
        the start (property director, unit manager, communications adviser) and stands
        beside the executive at residents' meetings.
        """
        self.recommend()

    # The sounding boards below are bodies in the process after the decision (asiel-2021 and
    # asiel-statushouders-2016 §4.2 "Rol van het COA", arbeidsmigranten-2025 §3.2 "Rol
    # klankbordgroep/wijkraad"), not the form of the meeting at hand: they hold whatever the
    # moment is, a council meeting too. setup.sounding_board_group is the form of a
    # co-producing meeting (§5.2 "Alleen genodigden") and stays out of a council meeting.
    @Rule(Context(subject=Subject.asylum_reception, phase=at_least(Phase.decided),
                  implementation_room=True))
    @emits("process.coa_sounding_board_after_decision")
    def process_coa_sounding_board_after_decision(self):
        """Asylum reception after the decision, with room on the implementation: COA's sounding board.

        asiel-2021 §4.2 and asiel-statushouders-2016 §4.2: COA has good experience with a
        sounding-board group that helps shape the details after the decision is taken; the
        decision itself stays closed. The guide ties it to the process, not to the kind of
        meeting: it holds at a council meeting too.
        """
        self.recommend()

    @Rule(Context(subject=Subject.asylum_reception, phase=at_least(Phase.decided),
                  room_for_decision=at_least(Room.conditions)))
    @emits("process.coa_sounding_board_after_decision")
    def process_coa_sounding_board_conditions(self):
        """Asylum reception after the decision, room for conditions: COA's sounding board.

        asiel-2021 §4.2: a sounding-board group that thinks along about the details and the
        implementation after the decision, at a council meeting too.
        """
        self.recommend()

    @Rule(Context(initiator=Initiator.coa, subject=Subject.status_holder_housing,
                  phase=at_least(Phase.decided), implementation_room=True))
    @emits("process.coa_sounding_board_after_decision")
    def process_coa_sounding_board_initiator(self):
        """Status holders with COA after the decision, room on the implementation: sounding board.

        asiel-statushouders-2016 §4.2: COA's positive experience with a sounding-board group
        that thinks along about the details after the decision, at a council meeting too.
        """
        self.recommend()

    @Rule(Context(initiator=Initiator.coa, subject=Subject.status_holder_housing,
                  phase=at_least(Phase.decided), room_for_decision=at_least(Room.conditions)))
    @emits("process.coa_sounding_board_after_decision")
    def process_coa_sounding_board_initiator_conditions(self):
        """Status holders with COA after the decision, room for conditions: sounding board.

        asiel-statushouders-2016 §4.2: a sounding-board group that thinks along about the
        details and the implementation after the decision, at a council meeting too.
        """
        self.recommend()

    @Rule(Context(subject=Subject.status_holder_housing))
    @emits("process.status_holder_legal_task")
    def process_status_holder_legal_task(self):
        """Status-holder housing: state the legal duty as a fixed framework.

        asiel-statushouders-2016 §3: the duty to house status holders is a legal framework;
        §4.2: be transparent about the motivation and the legal tasks and regional
        agreements that apply.
        """
        self.recommend()

    @Rule(Context(subject=_LABOUR, initiator=Initiator.private,
                  phase=at_most(Phase.implementation)))
    @emits("process.private_initiator_dialogue", "process.labour_partners")
    def process_private_initiator_dialogue(self):
        """Labour migrants with a private initiator, until occupation: the initiator's dialogue.

        arbeidsmigranten-2025 §1 and §3: the initiator is responsible for a good dialogue
        with the surroundings; §3.2: work together on communication from the start;
        municipality and initiator often work together at meetings. Bijlage 1: name the
        partners (housing providers, employment agencies) and the roles of municipality,
        businesses and residents; involve housing providers and employers.
        """
        self.recommend()

    @Rule(Context(subject=_LABOUR, initiator=Initiator.private, phase=at_most(Phase.proposal)))
    @emits("process.permit_stage_dialogue")
    def process_permit_stage_dialogue(self):
        """Labour migrants with a private initiator, before the decision: the permit stage.

        arbeidsmigranten-2025 §3.2: under the Omgevingswet the initiator holds the dialogue
        with the surroundings as part of the environmental permit, and then submits the
        proposal to the municipality; §3: a clear process tells everyone when they have
        influence.
        """
        self.recommend()

    @Rule(Context(subject=_LABOUR, initiator=Initiator.private,
                  municipality_supports_initiative=True, phase=at_most(Phase.implementation)))
    @emits("process.municipality_supports_initiative")
    def process_municipality_supports_initiative(self):
        """Labour migrants, the municipality is positive about the private initiative.

        arbeidsmigranten-2025 §1 and §3: a municipality that is positive about the initiative
        thinks along, is present and explains why it is positive; §3.1 (example): it thought
        along about the drop-in evening and was present with officials and administrators.
        """
        self.recommend()

    @Rule(Context(subject=_LABOUR, initiator=Initiator.municipality,
                  phase=at_most(Phase.implementation)))
    @emits("process.municipality_led_labour_location", "process.labour_partners")
    def process_municipality_led_labour_location(self):
        """Labour migrants, the municipality designates the site: its role changes.

        arbeidsmigranten-2025 §3: when the municipality designates a location and looks for
        a developer, its role changes; §3.2: agree with the developer at the outset, also on
        communication; municipality and initiator often work together at meetings.
        Bijlage 1: name the partners and their roles.
        """
        self.recommend()

    @Rule(Context(subject=_LABOUR, phase=at_least(Phase.decided), implementation_room=True))
    @emits("process.labour_sounding_board_not_consent")
    def process_labour_sounding_board(self):
        """Labour migrants after the decision, room on the implementation: a sounding board.

        arbeidsmigranten-2025 §3.2: a sounding-board group can be informed periodically on
        the implementation plan, advise on bottlenecks and think along about design and
        management; thinking along does not mean agreeing or giving up objections. A role
        in the process, so it holds at a council meeting too.
        """
        self.recommend()

    @Rule(Context(subject=_LABOUR, phase=at_least(Phase.decided),
                  room_for_decision=at_least(Room.conditions)))
    @emits("process.labour_sounding_board_not_consent")
    def process_labour_sounding_board_conditions(self):
        """Labour migrants after the decision, room for conditions: a sounding board.

        arbeidsmigranten-2025 §3.2: a sounding-board group thinks along about the
        implementation, such as design and management; thinking along is not consent;
        at a council meeting too.
        """
        self.recommend()

    @Rule(Context(subject=_LABOUR, phase=at_most(Phase.proposal)),
          Nearby(nearby_stakeholders=Stakeholder.neighbourhood_council))
    @emits("process.labour_sounding_board_not_consent")
    def process_labour_sounding_board_council(self):
        """Labour migrants with a neighbourhood council, before the decision: its role.

        arbeidsmigranten-2025 §3.2: the role of a sounding-board group or neighbourhood
        council; thinking along does not mean agreeing or giving up objections.
        """
        self.recommend()

    @Rule(Context(subject=_LABOUR))
    @emits("warning.eu_free_movement")
    def process_warn_eu_free_movement(self):
        """Labour migrants: quotas aimed at this group conflict with EU free movement.

        arbeidsmigranten-2025 §2: limiting housing of labour migrants with quotas aimed at
        this group is at odds with free movement under EU law, which allows no distinction
        by nationality.
        """
        self.recommend()

    # --- decision-making -----------------------------------------------------------

    @Rule(Context(subject=MATCH.subject))
    @emits("process.transparent_about_motives", "process.sincere_about_interests")
    def process_transparent_about_motives(self):
        """Always: be open about the motives; gather interests sincerely, from both sides.

        bewonersbijeenkomst-2021 §2.D c, asiel-statushouders-2016 §4.2,
        arbeidsmigranten-2025 §3.2: be transparent about the motivation, the executive's
        values, and the legal tasks or regional agreements. bewonersbijeenkomst-2021 §2.D e
        and arbeidsmigranten-2025 §5.3.1, for every meeting: be sincere in gathering the
        interests of supporters and opponents and clear about what you do with them.
        """
        self.recommend()
