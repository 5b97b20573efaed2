"""The scenario model: the single source of truth for the input of the advisor.

Types, defaults, descriptions, the interview question and the "why we ask" text
(Dutch and English) live here, on each field. The interactive prompts, the JSON
Schema (``bijeenkomstwijzer schema``) and the field table in the docs are all
generated from this model.
"""
from __future__ import annotations

from typing import Annotated, Any, Optional

from pydantic import BaseModel, ConfigDict, Field, Strict, ValidationInfo, field_validator, model_validator

from facts.vocab import (
    Area, Format, Initiator, MeetingType, Media, Phase, PoliceVisibility, PriorityValue,
    Protest, RiskLevel, Room, SocialMedia, Stakeholder, Subject, Trust,
)

MAX_VISITORS = 100_000

StrictInt = Annotated[int, Strict()]
StrictBool = Annotated[bool, Strict()]


def ask(default: Any = ..., *, description: str, q_nl: str, q_en: str, why_nl: str,
        why_en: str, **kw: Any) -> Any:
    """A model field that also carries its interview question and its reason, nl and en."""
    extra = {"x-question": {"nl": q_nl, "en": q_en}, "x-why": {"nl": why_nl, "en": why_en}}
    return Field(default, description=description, json_schema_extra=extra, **kw)


class Scenario(BaseModel):
    """The context of one residents' meeting (CONTRACT §1)."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=False,
                              title="bijeenkomstwijzer scenario")

    name: Optional[str] = ask(
        None, description="Free text label; defaults to the file name.",
        q_nl="Hoe noemt u deze situatie (een korte naam)?",
        q_en="What do you call this situation (a short name)?",
        why_nl="De naam staat boven het advies en in de memo.",
        why_en="The name heads the advice and the memo.", max_length=200)
    subject: Subject = ask(
        description="What is coming: asylum reception, housing for status holders or for labour migrants.",
        q_nl="Waar gaat het om: asielopvang, huisvesting van statushouders of van arbeidsmigranten?",
        q_en="What is it about: asylum reception, housing for status holders or for labour migrants?",
        why_nl="Elk onderwerp heeft een eigen handreiking, eigen rollen (COA, particuliere initiatiefnemer) en eigen wettelijke kaders.",
        why_en="Each subject has its own guide, its own roles (COA, private initiator) and its own legal framework.")
    phase: Phase = ask(
        description="Where the decision process stands.",
        q_nl="In welke fase zit het proces: verkenning, voorstel, besluit genomen, uitvoering of in gebruik?",
        q_en="Which phase is the process in: exploration, proposal, decided, implementation or occupied?",
        why_nl="De vorm van de bijeenkomst moet passen bij de fase van het besluitvormingsproces.",
        why_en="The form of the meeting must fit the phase of the decision process.")
    room_for_decision: Room = ask(
        description="How much residents can still influence: none, conditions and suggestions only, or open.",
        q_nl="Hoeveel ruimte is er nog voor inbreng: geen, alleen voor voorwaarden en suggesties, of open?",
        q_en="How much room is there for input: none, only for conditions and suggestions, or open?",
        why_nl="De ruimte voor inbreng bepaalt het type bijeenkomst: informeren, raadplegen of coproduceren.",
        why_en="The room for input decides the meeting type: inform, consult or co-produce.")
    implementation_room: StrictBool = ask(
        False, description="After the decision, residents still have a say in its implementation "
                           "(design, management, house rules), while the decision itself is closed.",
        q_nl="Is er na het besluit nog ruimte voor inbreng op de uitvoering (inrichting, beheer, huisregels)?",
        q_en="After the decision, is there still room for input on the implementation (design, management, house rules)?",
        why_nl="Ook na het besluit kunnen omwonenden meepraten over de uitwerking, bijvoorbeeld in een klankbordgroep.",
        why_en="Even after the decision, neighbours can help shape the implementation, for instance in a sounding board group.")
    expected_visitors: StrictInt = ask(
        description="How many people are expected, 0 to 100000.",
        q_nl="Hoeveel bezoekers verwacht u?",
        q_en="How many visitors do you expect?",
        why_nl="Bij veel bezoekers past een informatiemarkt of meerdere bijeenkomsten beter dan één grote zaal.",
        why_en="With many visitors an information market or several sessions works better than one big hall.",
        ge=0, le=MAX_VISITORS)
    existing_protest: Protest = ask(
        description="The heaviest form of opposition so far: none, concerns, organised, demonstration, disorder.",
        q_nl="Welk verzet is er al: geen, zorgen/bezwaren, georganiseerd verzet, een aangekondigde demonstratie, of eerdere ordeverstoring/bedreiging?",
        q_en="What opposition is there already: none, concerns, organised opposition, an announced demonstration, or earlier disorder/threats?",
        why_nl="Bestaand verzet weegt zwaar in de risico-inschatting en daarmee in de veiligheidsmaatregelen en de rol van de politie.",
        why_en="Existing opposition weighs heavily in the risk assessment and so in the security measures and the role of the police.")
    creativity_needed: StrictBool = ask(
        False, description="New ideas and solutions are needed from the participants.",
        q_nl="Is creativiteit van deelnemers nodig om tot nieuwe inzichten of oplossingen te komen?",
        q_en="Is creativity from participants needed to reach new insights or solutions?",
        why_nl="Coproductie past als er ruimte is én creativiteit nodig is.",
        why_en="Co-production fits when there is room and creativity is needed.")
    outside_groups: StrictBool = ask(
        False, description="Groups from outside the municipality or national groups take part.",
        q_nl="Doen groepen van buiten de gemeente of landelijke groeperingen mee?",
        q_en="Do groups from outside the municipality or national groups take part?",
        why_nl="De diagnose van veiligheidsrisico's kijkt uitdrukkelijk naar groepen van buiten de gemeente.",
        why_en="The safety diagnosis looks explicitly at groups from outside the municipality.")
    threats_to_officials: StrictBool = ask(
        False, description="Threats or intimidation aimed at administrators, council members, speakers or staff.",
        q_nl="Zijn er bedreigingen of intimidatie gericht op bestuurders, raadsleden, sprekers of medewerkers?",
        q_en="Are there threats or intimidation aimed at administrators, council members, speakers or staff?",
        why_nl="Bij bedreiging gelden de landelijke afspraken (ELA) en zwaardere veiligheidsmaatregelen.",
        why_en="Threats bring in the national agreements (ELA) and heavier security measures.")
    social_media: SocialMedia = ask(
        SocialMedia.quiet, description="Activity on social media: quiet, active or mobilising.",
        q_nl="Hoe actief is het op sociale media: rustig, actief of mobiliserend?",
        q_en="How active are social media: quiet, active or mobilising?",
        why_nl="Sociale media worden gebruikt om snel veel mensen op de been te brengen; dat vraagt monitoring.",
        why_en="Social media are used to bring many people out quickly; that calls for monitoring.")
    media_attention: Media = ask(
        Media.none, description="Attention of the news media: none, local, regional or national.",
        q_nl="Hoeveel media-aandacht is er: geen, lokaal, regionaal of landelijk?",
        q_en="How much media attention is there: none, local, regional or national?",
        why_nl="Media-aandacht en landelijke actiegroepen voeden de dynamiek rond een bijeenkomst.",
        why_en="Media attention and national action groups feed the dynamics around a meeting.")
    trust_in_government: Trust = ask(
        Trust.mixed, description="Residents' trust in the local government: high, mixed or low.",
        q_nl="Hoe groot is het vertrouwen van inwoners in het gemeentebestuur: hoog, wisselend of laag?",
        q_en="How much do residents trust the local government: high, mixed or low?",
        why_nl="Het vertrouwen in het bestuur hoort bij de diagnose van de startsituatie.",
        why_en="Trust in the government is part of the diagnosis of the start situation.")
    area: Area = ask(
        Area.rural, description="Urban or rural setting.",
        q_nl="Is het een stedelijk of landelijk gebied?",
        q_en="Is it an urban or a rural area?",
        why_nl="Hoe stedelijker het gebied, hoe groter de activiteit op sociale media.",
        why_en="The more urban the area, the more activity on social media.")
    format: Format = ask(
        Format.in_person, description="In person, online or hybrid.",
        q_nl="Wordt de bijeenkomst fysiek, online of hybride?",
        q_en="Will the meeting be in person, online or hybrid?",
        why_nl="Online is de interactie beperkter; dat vraagt een andere opzet.",
        why_en="Online, interaction is more limited; that calls for a different setup.")
    council_meeting: StrictBool = ask(
        False, description="The moment is a council meeting with public gallery and speakers.",
        q_nl="Is het moment een raadsvergadering met publieke tribune en insprekers?",
        q_en="Is the moment a council meeting with a public gallery and speakers?",
        why_nl="Een raadsvergadering over dit onderwerp is in feite ook een bewonersbijeenkomst.",
        why_en="A council meeting on this subject is in effect also a residents' meeting.")
    initiator: Optional[Initiator] = ask(
        None, description="Who initiates: the municipality, COA or a private party. Default: private for "
                          "labour-migrant housing, else the municipality; COA is invalid with labour-migrant housing.",
        q_nl="Wie is initiatiefnemer: de gemeente, het COA of een particuliere partij?",
        q_en="Who is the initiator: the municipality, COA or a private party?",
        why_nl="Een particuliere initiatiefnemer voert zelf het gesprek met de omgeving; de gemeente heeft dan een andere rol.",
        why_en="A private initiator holds the dialogue with the surroundings; the municipality then has another role.")
    municipality_supports_initiative: StrictBool = ask(
        False, description="The municipality is positive about the private initiative (arbeidsmigranten-2025 §3).",
        q_nl="Staat de gemeente positief tegenover het initiatief van de particuliere initiatiefnemer?",
        q_en="Is the municipality positive about the private party's initiative?",
        why_nl="Staat de gemeente positief tegenover het initiatief, dan denkt zij mee, is zij aanwezig en legt zij uit waarom.",
        why_en="If the municipality is positive about the initiative, it thinks along, is present and explains why.")
    nearby_stakeholders: tuple[Stakeholder, ...] = ask(
        (), description="Special stakeholders near the location.",
        q_nl="Welke bijzondere belanghebbenden zijn er in de buurt (school, kinderopvang, vakantiepark, bedrijven, zorginstelling, sportclub, wijkraad)?",
        q_en="Which special stakeholders are nearby (school, daycare, holiday park, businesses, care home, sports club, neighbourhood council)?",
        why_nl="Bijzondere doelgroepen vragen een eigen gesprek, vaak vóór de grote bijeenkomst.",
        why_en="Special target groups need their own conversation, often before the big meeting.")
    supporting_initiatives: StrictBool = ask(
        False, description="Residents' initiatives in support exist.",
        q_nl="Zijn er initiatieven van inwoners die de opvang of huisvesting willen steunen?",
        q_en="Are there residents' initiatives that want to support the reception or housing?",
        why_nl="Ondersteunende initiatieven kunnen een rol krijgen in het proces.",
        why_en="Supporting initiatives can be given a role in the process.")
    priority_value: PriorityValue = ask(
        PriorityValue.support, description="Which municipal value weighs most: contribution, support or safety.",
        q_nl="Welke waarde weegt voor de gemeente het zwaarst: een bijdrage leveren, een gedragen besluit, of veiligheid?",
        q_en="Which value weighs most for the municipality: making a contribution, a supported decision, or safety?",
        why_nl="De waarden geven houvast bij dilemma's; ze bepalen welke kant een afweging op valt.",
        why_en="The values guide dilemmas; they decide which way a trade-off falls.")
    expect: Optional["Expect"] = Field(
        None, description="Expected outcomes, for batch evaluation and tests (CONTRACT §4).")

    @model_validator(mode="before")
    @classmethod
    def _initiator_default(cls, data: Any) -> Any:
        """The initiator defaults by subject: private for labour migrants, else the municipality."""
        if isinstance(data, dict) and data.get("initiator") is None and isinstance(data.get("subject"), str):
            default = "private" if data["subject"] == Subject.labour_migrant_housing.value else "municipality"
            data = {**data, "initiator": default}
        return data

    @field_validator("initiator")
    @classmethod
    def _initiator_fits_subject(cls, value: Optional[Initiator], info: ValidationInfo) -> Optional[Initiator]:
        if value == Initiator.coa and info.data.get("subject") == Subject.labour_migrant_housing:
            raise ValueError("'coa' is not allowed with labour_migrant_housing (COA houses asylum seekers "
                             "and status holders); use private or municipality")
        return value

    @field_validator("nearby_stakeholders", mode="before")
    @classmethod
    def _stakeholders_as_list(cls, value: Any) -> Any:
        if not isinstance(value, (list, tuple)):
            raise ValueError("must be a list")
        return value

    @field_validator("nearby_stakeholders")
    @classmethod
    def _sorted_unique(cls, value: tuple[Stakeholder, ...]) -> tuple[Stakeholder, ...]:
        order = list(Stakeholder)
        return tuple(sorted(set(value), key=order.index))

    def input_dict(self) -> dict[str, Any]:
        """The validated input with defaults filled in, as plain JSON values (no `expect`)."""
        return self.model_dump(mode="json", exclude={"expect"})


class Expect(BaseModel):
    """Expectations a scenario may carry (CONTRACT §4)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    meeting_type: Optional[MeetingType] = None
    police_visibility: Optional[PoliceVisibility] = None
    risk_level: Optional[RiskLevel] = None
    includes: tuple[str, ...] = ()
    excludes: tuple[str, ...] = ()

    @field_validator("includes", "excludes", mode="before")
    @classmethod
    def _as_list(cls, value: Any) -> Any:
        if not isinstance(value, (list, tuple)):
            raise ValueError("must be a list of recommendation ids")
        return value

    @field_validator("includes", "excludes")
    @classmethod
    def _known_ids(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        import kb  # the expectations name knowledge-base ids; a typo would never match
        known = kb.load().entries
        unknown = [i for i in value if i not in known]
        if unknown:
            raise ValueError(f"unknown recommendation id {unknown[0]!r} (see 'bijeenkomstwijzer kb export')")
        return value

    def failures(self, decisions: dict[str, str], ids: set[str]) -> list[str]:
        """Every way the outcome misses these expectations, as short sentences."""
        out = []
        for key in ("meeting_type", "police_visibility", "risk_level"):
            want = getattr(self, key)
            if want is not None and decisions.get(key) != want.value:
                out.append(f"{key} is {decisions.get(key)}, expected {want.value}")
        out += [f"missing recommendation {i}" for i in self.includes if i not in ids]
        out += [f"unexpected recommendation {i}" for i in self.excludes if i in ids]
        return out


Scenario.model_rebuild()

#: The fields a user answers (everything but the expectations), in interview order.
INPUT_FIELDS: tuple[str, ...] = tuple(f for f in Scenario.model_fields if f != "expect")
