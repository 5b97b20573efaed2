"""Interface labels in Dutch and English (headings, column names). Advice texts live in kb/."""
from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "nl": {
        "advice_for": "Advies voor",
        "decisions": "Besluiten",
        "decision": "Besluit",
        "value": "Uitkomst",
        "meeting_type": "Type bijeenkomst",
        "police_visibility": "Zichtbaarheid politie",
        "risk_level": "Risiconiveau",
        "recommendations": "Aanbevelingen",
        "advice": "Advies",
        "why": "Waarom",
        "source": "Bron",
        "tradeoffs": "Afwegingen",
        "warnings": "Waarschuwingen",
        "none": "geen",
        "because": "Omdat",
        "rule": "regel",
        "sources": "Bronnen",
        "scenario": "Situatie",
        "field": "Gegeven",
        "memo_title": "Memo: advies bewonersbijeenkomst",
        "memo_intro": "Dit advies is opgesteld met bijeenkomstwijzer op basis van vijf handreikingen (VNG, COA, Veiligheidsregio Twente). Elke aanbeveling noemt de bron waarop zij steunt.",
        "favours": "De prioriteit van de gemeente ({value}) wijst naar",
        "other_choice": "De andere keuze ({value}) geeft",
        "priority_not_at_stake": "De prioriteit van de gemeente ({value}) is hier geen van beide kanten.",
        "choosing": "Kiezen voor {value} geeft",
        "category.meeting_type": "Type bijeenkomst",
        "category.setup": "Opzet en inrichting",
        "category.police": "Politie",
        "category.security": "Veiligheid",
        "category.escalation": "Emoties en escalatie",
        "category.communication": "Communicatie",
        "category.process": "Proces",
        "category.aftercare": "Nazorg",
        "value.contribution": "een bijdrage leveren",
        "value.support": "een gedragen besluit",
        "value.safety": "veiligheid",
        "derivation": "Hoe de besluiten tot stand kwamen",
        "derivation_line": "**{decision}: {value}**, volgens regel `{rule}` omdat {because}.",
        "what_changes": "Wat dit advies zou veranderen",
        "what_changes_intro": "De kleinste wijzigingen in de situatie die een besluit doen omslaan:",
        "and": "en",
        "why_decisions": "Dit antwoord kan deze besluiten veranderen",
        "why_entries": "en {n} aanbevelingen, waarschuwingen of afwegingen, waaronder",
        "why_more": "en nog {n}",
        "risk.low": "laag",
        "risk.elevated": "verhoogd",
        "risk.high": "hoog",
        "risk.critical": "kritiek",
    },
    "en": {
        "advice_for": "Advice for",
        "decisions": "Decisions",
        "decision": "Decision",
        "value": "Outcome",
        "meeting_type": "Meeting type",
        "police_visibility": "Police visibility",
        "risk_level": "Risk level",
        "recommendations": "Recommendations",
        "advice": "Advice",
        "why": "Why",
        "source": "Source",
        "tradeoffs": "Trade-offs",
        "warnings": "Warnings",
        "none": "none",
        "because": "Because",
        "rule": "rule",
        "sources": "Sources",
        "scenario": "Situation",
        "field": "Fact",
        "memo_title": "Memo: advice for the residents' meeting",
        "memo_intro": "This advice was drawn up with bijeenkomstwijzer from five Dutch guides (VNG, COA, Veiligheidsregio Twente). Every recommendation names the source it rests on.",
        "favours": "The municipality's priority ({value}) points to",
        "other_choice": "The other choice ({value}) gives",
        "priority_not_at_stake": "The municipality's priority ({value}) is on neither side here.",
        "choosing": "Choosing {value} gives",
        "category.meeting_type": "Meeting type",
        "category.setup": "Setup",
        "category.police": "Police",
        "category.security": "Security",
        "category.escalation": "Emotions and escalation",
        "category.communication": "Communication",
        "category.process": "Process",
        "category.aftercare": "Aftercare",
        "value.contribution": "making a contribution",
        "value.support": "a supported decision",
        "value.safety": "safety",
        "derivation": "How the decisions were reached",
        "derivation_line": "**{decision}: {value}**, by rule `{rule}` because {because}.",
        "what_changes": "What would change this advice",
        "what_changes_intro": "The smallest changes to the situation that flip a decision:",
        "and": "and",
        "why_decisions": "This answer can change these decisions",
        "why_entries": "and {n} recommendations, warnings or trade-offs, among them",
        "why_more": "and {n} more",
        "risk.low": "low",
        "risk.elevated": "elevated",
        "risk.high": "high",
        "risk.critical": "critical",
    },
}


def label(lang: str, key: str) -> str:
    return LABELS[lang][key]


# --- labels of vocabulary values and scenario fields (interview, trainer views) -----------
# One place for the words a person sees instead of a code. Keyed by the vocabulary's class name
# in facts/vocab.py; each value maps to (nl, en). Labels are unique within a vocabulary in each
# language, so the interview can read them back. PriorityValue, RiskLevel and Category reuse the
# labels above.

_VALUES: dict[str, dict[str, tuple[str, str]]] = {
    "Subject": {"asylum_reception": ("asielopvang", "asylum reception"),
                "status_holder_housing": ("huisvesting van statushouders", "housing for status holders"),
                "labour_migrant_housing": ("huisvesting van arbeidsmigranten", "housing for labour migrants")},
    "Phase": {"exploration": ("verkenning", "exploration"), "proposal": ("voorstel", "proposal"),
              "decided": ("besluit genomen", "decided"), "implementation": ("uitvoering", "implementation"),
              "occupied": ("in gebruik", "occupied")},
    "Room": {"none": ("geen", "none"), "conditions": ("alleen voorwaarden en suggesties", "conditions and suggestions only"),
             "open": ("open", "open")},
    "Protest": {"none": ("geen", "none"), "concerns": ("zorgen en bezwaren", "concerns"),
                "organised": ("georganiseerd verzet", "organised opposition"),
                "demonstration": ("aangekondigde demonstratie", "announced demonstration"),
                "disorder": ("ordeverstoring of bedreiging", "disorder or threats")},
    "SocialMedia": {"quiet": ("rustig", "quiet"), "active": ("actief", "active"), "mobilising": ("mobiliserend", "mobilising")},
    "Media": {"none": ("geen", "none"), "local": ("lokaal", "local"), "regional": ("regionaal", "regional"),
              "national": ("landelijk", "national")},
    "Trust": {"high": ("hoog", "high"), "mixed": ("wisselend", "mixed"), "low": ("laag", "low")},
    "Area": {"urban": ("stedelijk", "urban"), "rural": ("landelijk", "rural")},
    "Format": {"in_person": ("fysiek", "in person"), "online": ("online", "online"), "hybrid": ("hybride", "hybrid")},
    "Initiator": {"municipality": ("gemeente", "municipality"), "coa": ("COA", "COA"),
                  "private": ("particuliere partij", "private party")},
    "Stakeholder": {"school": ("school", "school"), "daycare": ("kinderopvang", "daycare"),
                    "holiday_park": ("vakantiepark", "holiday park"), "businesses": ("bedrijven", "businesses"),
                    "care_home": ("zorginstelling", "care home"), "sports_club": ("sportclub", "sports club"),
                    "neighbourhood_council": ("wijkraad", "neighbourhood council")},
    "Scale": {"small": ("klein", "small"), "medium": ("middelgroot", "medium"), "large": ("groot", "large"),
              "very_large": ("zeer groot", "very large")},
    "MeetingType": {"inform": ("informeren", "inform"), "consult": ("raadplegen", "consult"),
                    "coproduce": ("coproduceren", "co-produce")},
    "PoliceVisibility": {"informed": ("geïnformeerd", "informed"), "discreet": ("discreet aanwezig", "discreet"),
                         "visible": ("zichtbaar aanwezig", "visible"), "reinforced": ("versterkt aanwezig", "reinforced")},
    "Kind": {"recommendation": ("aanbeveling", "recommendation"), "warning": ("waarschuwing", "warning"),
             "tradeoff": ("afweging", "trade-off")},
    "Priority": {"optional": ("optioneel", "optional"), "recommended": ("aanbevolen", "recommended"),
                 "essential": ("essentieel", "essential")},
    "Moment": {"process": ("proces", "process"), "preparation": ("voorbereiding", "preparation"),
               "meeting": ("bijeenkomst", "meeting"), "after": ("na de bijeenkomst", "after the meeting"),
               "occupation": ("ingebruikname", "occupation")},
    "Owner": {"mayor": ("burgemeester", "mayor"), "college": ("college van B en W", "executive board"),
              "council": ("gemeenteraad", "council"), "project_lead": ("projectleider", "project lead"),
              "communication": ("communicatie", "communication"), "safety": ("openbare orde en veiligheid", "public order and safety"),
              "police": ("politie", "police"), "coa": ("COA", "COA"), "initiator": ("initiatiefnemer", "initiator"),
              "chair": ("gespreksleider", "chair"), "staff": ("medewerkers", "staff")},
    "bool": {"true": ("ja", "yes"), "false": ("nee", "no")},
}
for _prefix, _vocab in (("value.", "PriorityValue"), ("risk.", "RiskLevel"), ("category.", "Category")):
    _VALUES[_vocab] = {k[len(_prefix):]: (LABELS["nl"][k], LABELS["en"][k])
                       for k in LABELS["nl"] if k.startswith(_prefix)}

#: Short names of the scenario fields (review screen, tables, explanations), (nl, en).
_FIELDS: dict[str, tuple[str, str]] = {
    "name": ("naam", "name"), "subject": ("onderwerp", "subject"), "phase": ("fase", "phase"),
    "room_for_decision": ("ruimte voor inbreng", "room for input"),
    "implementation_room": ("inbreng op de uitvoering", "input on the implementation"),
    "expected_visitors": ("verwachte bezoekers", "expected visitors"),
    "existing_protest": ("bestaand verzet", "existing opposition"),
    "creativity_needed": ("creativiteit nodig", "creativity needed"),
    "outside_groups": ("groepen van buiten de gemeente", "groups from outside"),
    "threats_to_officials": ("bedreiging van bestuurders of medewerkers", "threats to officials"),
    "social_media": ("sociale media", "social media"), "media_attention": ("media-aandacht", "media attention"),
    "trust_in_government": ("vertrouwen in het bestuur", "trust in the government"), "area": ("gebied", "area"),
    "format": ("vorm", "format"), "council_meeting": ("raadsvergadering", "council meeting"),
    "initiator": ("initiatiefnemer", "initiator"),
    "municipality_supports_initiative": ("gemeente staat positief tegenover het initiatief", "municipality supports the initiative"),
    "nearby_stakeholders": ("belanghebbenden in de buurt", "stakeholders nearby"),
    "supporting_initiatives": ("steunende initiatieven", "supporting initiatives"),
    "priority_value": ("zwaarstwegende waarde", "value that weighs most"),
    "scale": ("omvang", "scale"),
}
_LANG = {"nl": 0, "en": 1}


def vocab_of(field: str) -> str | None:
    """The vocabulary name ('Phase', 'bool', ...) of a scenario field or decision, if any."""
    from enum import Enum
    from typing import get_args, get_origin

    from facts.scenario import Scenario
    from facts.vocab import DECISIONS, Scale
    if field in DECISIONS:
        return DECISIONS[field].__name__
    if field == "scale":
        return Scale.__name__
    info = Scenario.model_fields.get(field)
    if info is None:
        return None
    ann = info.annotation
    args = [a for a in (get_args(ann) or (ann,)) if a is not type(None)]
    if get_origin(ann) is tuple:
        args = [get_args(ann)[0]]
    for a in args:
        a = get_args(a)[0] if get_args(a) and not isinstance(a, type) else a  # Annotated[bool, ...]
        if isinstance(a, type) and issubclass(a, Enum):
            return a.__name__
        if a is bool:
            return "bool"
    return None


def value_labels(vocab: str, lang: str) -> dict[str, str]:
    """code -> label for one vocabulary in one language."""
    return {code: pair[_LANG[lang]] for code, pair in _VALUES.get(vocab, {}).items()}


def value_label(lang: str, field: str, value) -> str:
    """The label of ``value`` of a field, decision or vocabulary; lists are joined, numbers kept."""
    vocab = field if field in _VALUES else vocab_of(field)
    if isinstance(value, (list, tuple)):
        return ", ".join(value_label(lang, field, v) for v in value) or label(lang, "none")
    if isinstance(value, bool):
        value = "true" if value else "false"
    if value is None:
        return "-"
    value = getattr(value, "value", value)
    return _VALUES.get(vocab or "", {}).get(str(value), (str(value), str(value)))[_LANG[lang]]


def field_label(lang: str, field: str) -> str:
    """The short name of a scenario field or a decision."""
    if field in _FIELDS:
        return _FIELDS[field][_LANG[lang]]
    return LABELS[lang].get(field, field)
