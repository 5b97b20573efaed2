"""Closed vocabularies of the scenario and the decisions (CONTRACT §1-2).

Every value a rule can match on is an enum member, so a typo in a rule is an
AttributeError at import time instead of a pattern that silently never matches.
Ordinal vocabularies compare by their position in the declaration.
"""
from __future__ import annotations

from enum import Enum
from functools import total_ordering


class Vocab(str, Enum):
    """A closed vocabulary whose members serialise as their plain string value."""

    def __str__(self) -> str:  # pragma: no cover - trivial
        return self.value

    @classmethod
    def values(cls) -> list[str]:
        return [m.value for m in cls]


@total_ordering
class Ordinal(Vocab):
    """A vocabulary with an order: members compare by declaration position."""

    @property
    def rank(self) -> int:
        """Position in the declaration (computed once per member: rules compare often)."""
        try:
            return self.__dict__["_rank"]
        except KeyError:
            rank = self.__dict__["_rank"] = list(type(self)).index(self)
            return rank

    def __lt__(self, other):
        if isinstance(other, type(self)):
            return self.rank < other.rank
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, type(self)):
            return self.rank >= other.rank
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, type(self)):
            return self.rank <= other.rank
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, type(self)):
            return self.rank > other.rank
        return NotImplemented

    __hash__ = Vocab.__hash__
    __eq__ = Vocab.__eq__


# --- scenario vocabularies (CONTRACT §1) ---------------------------------

class Subject(Vocab):
    asylum_reception = "asylum_reception"
    status_holder_housing = "status_holder_housing"
    labour_migrant_housing = "labour_migrant_housing"


class Phase(Ordinal):
    exploration = "exploration"
    proposal = "proposal"
    decided = "decided"
    implementation = "implementation"
    occupied = "occupied"


class Room(Ordinal):
    none = "none"
    conditions = "conditions"
    open = "open"


class Protest(Ordinal):
    none = "none"
    concerns = "concerns"
    organised = "organised"
    demonstration = "demonstration"
    disorder = "disorder"


class SocialMedia(Ordinal):
    quiet = "quiet"
    active = "active"
    mobilising = "mobilising"


class Media(Ordinal):
    none = "none"
    local = "local"
    regional = "regional"
    national = "national"


class Trust(Ordinal):
    high = "high"
    mixed = "mixed"
    low = "low"


class Area(Vocab):
    urban = "urban"
    rural = "rural"


class Format(Vocab):
    in_person = "in_person"
    online = "online"
    hybrid = "hybrid"


class Initiator(Vocab):
    municipality = "municipality"
    coa = "coa"
    private = "private"


class Stakeholder(Vocab):
    school = "school"
    daycare = "daycare"
    holiday_park = "holiday_park"
    businesses = "businesses"
    care_home = "care_home"
    sports_club = "sports_club"
    neighbourhood_council = "neighbourhood_council"


class PriorityValue(Vocab):
    contribution = "contribution"
    support = "support"
    safety = "safety"


# --- derived vocabularies -------------------------------------------------

class Scale(Ordinal):
    """Size of the expected turnout; boundaries live in kb/parameters.yaml."""
    small = "small"
    medium = "medium"
    large = "large"
    very_large = "very_large"


class MeetingType(Ordinal):
    inform = "inform"
    consult = "consult"
    coproduce = "coproduce"


class PoliceVisibility(Ordinal):
    informed = "informed"
    discreet = "discreet"
    visible = "visible"
    reinforced = "reinforced"


class RiskLevel(Ordinal):
    low = "low"
    elevated = "elevated"
    high = "high"
    critical = "critical"


class Category(Vocab):
    meeting_type = "meeting_type"
    setup = "setup"
    police = "police"
    security = "security"
    escalation = "escalation"
    communication = "communication"
    process = "process"
    aftercare = "aftercare"


class Kind(Vocab):
    recommendation = "recommendation"
    warning = "warning"
    tradeoff = "tradeoff"


class Priority(Ordinal):
    """How much a recommendation matters; ordered so that ``max`` raises it."""
    optional = "optional"
    recommended = "recommended"
    essential = "essential"


class Moment(Ordinal):
    """When a recommendation is acted on, in the order of the process."""
    process = "process"
    preparation = "preparation"
    meeting = "meeting"
    after = "after"
    occupation = "occupation"


class Owner(Vocab):
    """Who acts on a recommendation (never ``coa`` for labour migrants)."""
    mayor = "mayor"
    college = "college"
    council = "council"
    project_lead = "project_lead"
    communication = "communication"
    safety = "safety"
    police = "police"
    coa = "coa"
    initiator = "initiator"
    chair = "chair"
    staff = "staff"


class Lang(Vocab):
    nl = "nl"
    en = "en"


DECISIONS: dict[str, type[Ordinal]] = {
    "meeting_type": MeetingType,
    "police_visibility": PoliceVisibility,
    "risk_level": RiskLevel,
}
