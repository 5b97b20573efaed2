"""Decision: police visibility, from restraint to reinforced presence.

Start from restraint (police linked in; present, not prominent, not in uniform; measures
subsidiary and proportional) and rise to visible enforcement and prepared administrative
measures only where public order is at stake (twente-2016 §1-3, asiel-2021 §7). An online
meeting has no venue: the police are linked in, never present in uniform at a venue.
"""
from __future__ import annotations

from facts.vocab import Format, PoliceVisibility, Priority, RiskLevel
from rules.base import (
    OR,
    Assessed,
    Context,
    Decided,
    Rule,
    at_least,
    concludes,
    emits,
    one_of,
    raises,
)

_PHYSICAL = one_of(Format.in_person, Format.hybrid)


class PoliceRules:
    @Rule(OR(Assessed(risk_level=RiskLevel.low), Context(format=Format.online)))
    @concludes("police_visibility")
    @emits("police.informed")
    def police_informed(self):
        """Low risk, or an online meeting: link the police in, without presence at a venue.

        bewonersbijeenkomst-2021 §2.A: think about the role of the police using the start
        diagnosis; where there are sensitivities, make sure the police are linked in.
        twente-2016 §1: measures must be subsidiary and proportional; an online meeting has
        no venue to be present at.
        """
        self.conclude(police_visibility=PoliceVisibility.informed)
        self.recommend()

    @Rule(Context(format=_PHYSICAL), Assessed(risk_level=RiskLevel.elevated))
    @concludes("police_visibility")
    @emits("police.discreet")
    def police_discreet(self):
        """Elevated risk at a venue: police present, but not prominent and not in uniform.

        bewonersbijeenkomst-2021 §2.A and asiel-statushouders-2016 §6.1: consider having
        the police present not prominently / not in uniform; arbeidsmigranten-2025 §5.1:
        visible police leadership need not always be in uniform.
        """
        self.conclude(police_visibility=PoliceVisibility.discreet)
        self.recommend()

    @Rule(Context(format=_PHYSICAL), Assessed(risk_level=RiskLevel.high))
    @concludes("police_visibility")
    @emits("police.visible")
    def police_visible(self):
        """High risk at a venue: visible police; offences are enforced directly and visibly.

        bewonersbijeenkomst-2021 §2.A: the role of the police follows from the start
        diagnosis; twente-2016 §2: offences such as calls to violence are punished and
        enforced "direct en zichtbaar".
        """
        self.conclude(police_visibility=PoliceVisibility.visible)
        self.recommend()

    @Rule(Context(format=_PHYSICAL), Assessed(risk_level=RiskLevel.critical))
    @concludes("police_visibility")
    @emits("police.reinforced")
    @raises(Priority.essential)
    def police_reinforced(self):
        """Critical risk at a venue: visible presence and administrative measures ready.

        twente-2016 §3: where unrest or disorder threatens, administrative measures can be
        taken, coordinated in the local triangle; §6: when extra resources are needed, their
        use is coordinated at the administrative level. The levels follow the tool's risk
        level; the guides ask for the role of the police to follow from the diagnosis
        (bewonersbijeenkomst-2021 §2.A).
        """
        self.conclude(police_visibility=PoliceVisibility.reinforced)
        self.recommend()

    @Rule(Decided(police_visibility=at_least(PoliceVisibility.visible)))
    @emits("tradeoff.inviting_vs_visible_security")
    def tradeoff_inviting_vs_security(self):
        """Visible security pulls against an inviting meeting.

        asiel-2021 §7.2: an example goal is that the meeting keeps an inviting character
        "zoals zo min mogelijk zichtbare veiligheidsmaatregelen"; twente-2016 §2: offences
        are enforced directly and visibly.
        """
        self.recommend()
