"""Recommendations: security.

The four coherent steps for dealing with safety risks (asiel-2021 §7.1-7.4,
asiel-statushouders-2016 §7.1-7.4, arbeidsmigranten-2025 §6.1): diagnose, set goals and
principles, draw up a strategic timeline, work out scenarios with measures; completed by
the venue and the local triangle (bewonersbijeenkomst-2021 §2.E) and by the Twente approach
to social unrest (twente-2016 §1-4, §6), including its preventive side (dialogue,
resilience, perspective, protection). Standing preparation (risk inventory, local
triangle, venue protocol, scenarios) holds for every meeting; measures are subsidiary and
proportional (twente-2016 §1): the heavier ones only fire as the risk rises, and nothing
that needs a venue fires for an online meeting.
"""
from __future__ import annotations

from facts.vocab import (
    Format,
    Media,
    Phase,
    Priority,
    Protest,
    RiskLevel,
    Scale,
    Stakeholder,
    Subject,
)
from rules.base import (
    MATCH,
    OR,
    Assessed,
    Context,
    Nearby,
    Rule,
    at_least,
    emits,
    one_of,
    raises,
)

_PHYSICAL = one_of(Format.in_person, Format.hybrid)
#: twente-2016 is about refugee reception: its own preventive advice is for these subjects.
_REFUGEES = one_of(Subject.asylum_reception, Subject.status_holder_housing)


class SecurityRules:
    # --- step 1: diagnosis ---------------------------------------------------------------
    @Rule(Assessed(risk_level=MATCH.risk_level))
    @emits("security.risk_inventory")
    def security_risk_inventory(self):
        """Every meeting starts from a risk inventory (step 1: the diagnosis).

        asiel-2021 §7.1 and asiel-statushouders-2016 §7.1: the diagnosis gives insight into
        safety risks and the measures needed, with information from the police, COA and
        analyses of the surroundings; it covers the nature of the issue, those involved and
        the context. bewonersbijeenkomst-2021 §2.A: "Zorg voor een risico-inventarisatie".
        """
        self.recommend()

    @Rule(OR(Context(outside_groups=True), Context(media_attention=at_least(Media.national))))
    @emits("security.outside_groups_in_diagnosis")
    def security_outside_groups_in_diagnosis(self):
        """Outside groups or national attention: widen the diagnosis.

        asiel-2021 §7.1: among those involved, think of groups and individuals from outside
        the municipality and national groups; in the context, of international and national
        developments and incidents. arbeidsmigranten-2025 §6.1 likewise.
        """
        self.recommend()

    # --- step 2: goals and principles ----------------------------------------------------
    @Rule(Assessed(risk_level=at_least(RiskLevel.elevated)))
    @emits("security.goals_and_principles", "security.proportional_measures")
    def security_goals_and_principles(self):
        """Safety risks present: set goals and principles and keep measures proportional.

        asiel-2021 §7.2 and asiel-statushouders-2016 §7.2: goals and principles guide the
        security measures so choices are consistent and explainable (examples: residents
        and council members are not hindered in being heard; an inviting meeting).
        arbeidsmigranten-2025 §6.1 step 2. twente-2016 §1: measures are subsidiary and
        proportional; asiel-2021 §7: measures aim at prevention and response.
        """
        self.recommend()

    @Rule(Context(existing_protest=Protest.demonstration))
    @emits("security.right_to_demonstrate")
    def security_right_to_demonstrate(self):
        """A demonstration is announced: facilitate it, and say when it is stopped.

        asiel-2021 §7.2 and asiel-statushouders-2016 §7.2: residents have the right to
        demonstrate unless public order is disturbed, offences are committed or the orderly
        course of the meeting is at stake; arbeidsmigranten-2025 §6.1: facilitate
        demonstrations within the limits. Earlier disorder alone is no announced
        demonstration.
        """
        self.recommend()

    @Rule(OR(Context(threats_to_officials=True), Context(existing_protest=Protest.disorder)))
    @emits("security.ela_protocol")
    @raises(Priority.essential)
    def security_ela_protocol(self):
        """Threats to officials or earlier disorder: protect the person, follow the ELA.

        asiel-2021 §7.2, arbeidsmigranten-2025 §6.1: for aggression and violence against
        officials with a public task, follow the Eenduidige Landelijke Afspraken (ELA) (one of
        the example principles of step 2; the tool gives it, as essential, when threats or
        disorder are present);
        asiel-2021 §7: threats, intimidation or violence against individuals occur.
        twente-2016 §3: persons who break the (house) rules are followed; the 'Veilige
        Publieke Taak' guidance is used.
        """
        self.recommend()

    @Rule(Assessed(risk_level=at_least(RiskLevel.high)))
    @emits("warning.not_only_repression")
    def security_warn_not_only_repression(self):
        """High risk: warn against relying on repression alone.

        twente-2016 §1: pursuing a solely repressive approach is unwise and leads to
        unwanted long-lasting tensions; the goals start with contact and dialogue.
        """
        self.recommend()

    # --- step 3: strategic timeline ------------------------------------------------------
    @Rule(Assessed(risk_level=at_least(RiskLevel.elevated)))
    @emits("security.strategic_timeline")
    def security_strategic_timeline(self):
        """Safety risks present: map the decisive moments (step 3).

        asiel-2021 §7.3 and asiel-statushouders-2016 §7.3: make the decisive moments and
        decisions explicit where safety may be at stake (exploratory talks, residents'
        meeting, council meeting, announced protest), short and long term.
        arbeidsmigranten-2025 §6.1 step 3.
        """
        self.recommend()

    @Rule(Context(format=_PHYSICAL),
          OR(Assessed(scale=at_least(Scale.very_large)), Assessed(risk_level=at_least(RiskLevel.high))))
    @emits("security.announce_as_event")
    def security_announce_as_event(self):
        """A very large crowd or high risk at a venue: announce in time, prepare as an event.

        twente-2016 §2: meetings, demonstrations and the like are announced in time (14 days
        ahead) and prepared as if they were an event; bewonersbijeenkomst-2021 §2.B asks
        whether the meeting is large or small and what the maximum is. The guide states this
        for every meeting; limiting it to a very large crowd or high risk is the tool's
        choice, for proportion (twente-2016 §1).
        """
        self.recommend()

    # --- step 4: scenarios and measures --------------------------------------------------
    @Rule(Assessed(risk_level=MATCH.risk_level))
    @emits("security.scenarios")
    def security_scenarios(self):
        """Every meeting: prepare it with scenarios (step 4).

        asiel-2021 §7.4 and asiel-statushouders-2016 §7.4: prepare decisive moments, such as
        information meetings, with scenarios (description, preventive and response
        measures, roles and tasks, points of attention, social media) and agree how to act;
        bewonersbijeenkomst-2021 §2.A: think about safety aspects and make scenarios.
        twente-2016 §3: a scenario's risk is likelihood times impact.
        """
        self.recommend()

    @Rule(Assessed(risk_level=at_least(RiskLevel.high)))
    @emits("security.scenarios", "security.local_triangle")
    @raises(Priority.essential)
    def security_scenarios_and_triangle_at_high_risk(self):
        """High risk: the scenarios and the local triangle become essential.

        asiel-2021 §7: where needed, measures are taken to limit safety risks; §7.4:
        prepare the decisive moments with scenarios; bewonersbijeenkomst-2021 §2.E: discuss
        the meeting beforehand in the local safety triangle.
        """
        self.recommend()

    @Rule(Assessed(risk_level=at_least(RiskLevel.elevated)))
    @emits("security.partner_expertise", "security.evaluate_and_adjust")
    def security_partners_and_evaluation(self):
        """Safety risks present: use the partners' expertise and evaluate the measures.

        asiel-2021 §7.4 and asiel-statushouders-2016 §7.4 (tips): use the expertise of
        partners such as the police and COA; evaluate meetings and adjust the measures.
        arbeidsmigranten-2025 §6.1 tips.
        """
        self.recommend()

    @Rule(Assessed(risk_level=at_least(RiskLevel.high)))
    @emits("security.scenario_session", "security.shared_norms")
    def security_scenario_session(self):
        """High risk: a multidisciplinary scenario session and shared norms among partners.

        asiel-2021 §7.4 and arbeidsmigranten-2025 §6.1: organise a multidisciplinary
        scenario session with the relevant partners; make sure OM, police, mayor and
        officials share the same principles on which behaviour is unacceptable.
        """
        self.recommend()

    @Rule(Assessed(risk_level=MATCH.risk_level))
    @emits("security.local_triangle")
    def security_local_triangle(self):
        """Every meeting: discuss it beforehand in the local triangle.

        bewonersbijeenkomst-2021 §2.E: discuss the meeting beforehand in the local safety
        triangle; arbeidsmigranten-2025 §6.1: mayor, police, OM; twente-2016 §3:
        interventions on enforcement and investigation are coordinated in the triangle.
        """
        self.recommend()

    @Rule(Assessed(risk_level=at_least(RiskLevel.high)))
    @emits("security.tolerance_limits")
    def security_tolerance_limits(self):
        """High risk: set tolerance limits and have them enforced directly.

        twente-2016 §2: tolerance limits apply (persistent chanting that disrupts a meeting,
        insulting or inciting statements, threats, obstruction of government action,
        offences); insulting or discriminating people is not accepted.
        """
        self.recommend()

    # --- the venue -----------------------------------------------------------------------
    @Rule(Context(format=_PHYSICAL))
    @emits("security.venue_safety_protocol")
    def security_venue_safety_protocol(self):
        """A physical venue: go through its safety protocol with the officials.

        bewonersbijeenkomst-2021 §2.E: go through the venue's safety protocol with all
        participating officials, the emergency exits, and the risks with the security staff;
        arbeidsmigranten-2025 §6.1 likewise.
        """
        self.recommend()

    @Rule(Context(format=_PHYSICAL),
          OR(Context(existing_protest=at_least(Protest.organised)),
             Assessed(risk_level=at_least(RiskLevel.high))))
    @emits("security.house_rules")
    def security_house_rules(self):
        """Organised opposition or high risk at a physical meeting: strict house rules.

        twente-2016 §2: at meetings (house) rules apply and are strictly enforced by people
        who are competent and resilient; they can concern banners, clothing and behaviour.
        §3: administrative interventions include setting (house) rules for the public debate.
        The guide states house rules for every meeting; the threshold (organised opposition
        or high risk) is the tool's choice, for proportion (twente-2016 §1).
        """
        self.recommend()

    @Rule(Context(format=_PHYSICAL), Assessed(risk_level=at_least(RiskLevel.high)))
    @emits("security.location_security")
    def security_location_security(self):
        """High risk at a venue: secure the location, proportionally.

        twente-2016 §3 (interventions regarding the location): there are many technical and
        organisational options to secure locations; they are used proportionally.
        """
        self.recommend()

    # --- interventions and administrative measures ---------------------------------------
    @Rule(OR(Context(existing_protest=at_least(Protest.organised)), Context(outside_groups=True)))
    @emits("security.group_interventions")
    def security_group_interventions(self):
        """Organised opposition or outside groups: follow action groups, agree how violations are met.

        twente-2016 §3: action groups are followed and monitored and fitting measures taken;
        against groups that reject or break the (house) rules, administrative and/or
        criminal interventions can be used, in an integrated approach; resolutely when a
        group turns violent; further analyses where needed.
        """
        self.recommend()

    @Rule(Assessed(risk_level=RiskLevel.critical))
    @emits("security.administrative_measures")
    def security_administrative_measures(self):
        """Critical risk: prepare administrative measures.

        twente-2016 §3: where unrest or disturbances threaten, administrative measures can be
        taken (emergency order, emergency ordinance, security risk area, ban on gatherings),
        coordinated in the local triangle.
        """
        self.recommend()

    @Rule(Assessed(risk_level=at_least(RiskLevel.high)))
    @emits("security.mayor_takes_lead")
    def security_mayor_takes_lead(self):
        """High risk: the mayor takes the lead under the Protocol for Social Unrest and speaks on public order.

        twente-2016 §6: when public order is at stake or social unrest (or a serious threat
        of it) exists, the mayor takes the initiative under the Protocol Maatschappelijke
        Onrust; §2: the mayor is spokesperson on public order and safety, the municipal
        executive communicates about incidents. bewonersbijeenkomst-2021 §2.A and
        arbeidsmigranten-2025 §5.1: the mayor is responsible for safety in any case.
        """
        self.recommend()

    @Rule(Assessed(risk_level=RiskLevel.critical))
    @emits("security.mayor_takes_lead", "security.administrative_measures")
    @raises(Priority.essential)
    def security_mayor_and_measures_at_critical_risk(self):
        """Critical risk: the mayor's lead and the prepared administrative measures are essential.

        twente-2016 §6: with social unrest or a serious threat of it, the mayor takes the
        initiative under the Protocol Maatschappelijke Onrust; §3: where unrest or
        disturbances threaten, administrative measures can be taken.
        """
        self.recommend()

    # --- the preventive side of the Twente approach --------------------------------------
    @Rule(Context(subject=_REFUGEES, existing_protest=at_least(Protest.concerns)))
    @emits("security.close_neighbours_dialogue", "security.perspective_left_behind")
    def security_close_neighbours_and_perspective(self):
        """Worried residents around refugee reception: talk with close neighbours, offer perspective.

        twente-2016 §3 (interventions regarding groups): the government talks with the
        residents closely involved with reception locations, offers them perspective such as
        extra safety provisions, thinks along and offers solutions where possible; §2: where
        residents reasonably feel 'disadvantaged' and there really are disadvantages,
        perspective is offered where possible.
        """
        self.recommend()

    @Rule(Context(subject=_REFUGEES), Assessed(risk_level=at_least(RiskLevel.elevated)))
    @emits("security.resident_resilience", "security.protect_supporters_and_opponents")
    def security_resilience_and_protection(self):
        """Tension around refugee reception: resilient residents, protected supporters and opponents.

        twente-2016 §1 (goal 3): residents must be resilient – able to give their opinion and
        to call others out on indecent behaviour and on keeping the house rules; §2:
        supporters and opponents get the opportunity to voice their views and are protected
        where needed.
        """
        self.recommend()

    @Rule(Context(subject=_REFUGEES),
          OR(Context(supporting_initiatives=True), Nearby(nearby_stakeholders=Stakeholder.sports_club)))
    @emits("security.local_dialogue_initiatives")
    def security_local_dialogue_initiatives(self):
        """Initiatives or clubs in the community: promote local initiatives for dialogue.

        twente-2016 §2 (goal 1): the municipal executive promotes initiatives from the local
        community that further dialogue and judges whether to facilitate, organise or direct
        them; social organisations such as football clubs can contribute; §1: contact and
        dialogue, especially initiatives from society.
        """
        self.recommend()

    @Rule(Context(subject=_REFUGEES, existing_protest=at_least(Protest.concerns)))
    @emits("security.answer_what_it_means")
    def security_answer_what_it_means(self):
        """Worried residents around refugee reception: answer what is going on and what it means for them.

        twente-2016 §5 (interpretation): communication starts from staying in conversation
        with everyone concerned; residents ask what is actually going on, what it means for
        them and what they have to do; the core message gives direction. §1: give people
        enough facts to hold a discussion.
        """
        self.recommend()

    @Rule(Context(subject=Subject.asylum_reception, phase=at_least(Phase.implementation)))
    @emits("security.inform_about_rights_and_norms")
    def security_inform_about_rights_and_norms(self):
        """Asylum reception being realised or in use: inform about rights, values and norms.

        twente-2016 §1 (goal 2): it is important to inform the refugees and, where needed, the
        residents about fundamental rights, values and norms, so that people know what is
        and is not allowed; §2: COA makes sure the refugees are well informed.
        """
        self.recommend()
