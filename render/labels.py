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


# --- the plan: decisions in plain words, reasons, the memo's headings ---------------------------
# Reasons are built from what a rule matched: one main clause per fact ("fact.<field>.<value>"),
# joined into one sentence; a fact without a phrase reads "<field>: <value>".

_PLAN: dict[str, dict[str, str]] = {
    "nl": {
        "decision.meeting_type.inform": "Informeren",
        "decision.meeting_type.consult": "Raadplegen",
        "decision.meeting_type.coproduce": "Coproduceren",
        "decision.police_visibility.informed": "Politie op de hoogte, niet aanwezig",
        "decision.police_visibility.discreet": "Politie aanwezig, niet op de voorgrond",
        "decision.police_visibility.visible": "Politie zichtbaar aanwezig, in uniform",
        "decision.police_visibility.reinforced": "Politie zichtbaar aanwezig, met paraatheid en voorbereide bestuurlijke maatregelen",
        "decision.risk_level.low": "Laag risico",
        "decision.risk_level.elevated": "Verhoogd risico",
        "decision.risk_level.high": "Hoog risico",
        "decision.risk_level.critical": "Kritiek risico",
        "fact.room_for_decision.none": "Er is geen ruimte meer voor een ander besluit",
        "fact.room_for_decision.conditions": "Er is alleen ruimte voor voorwaarden en suggesties",
        "fact.room_for_decision.open": "Er is ruimte om mee te beslissen",
        "fact.creativity_needed.true": "creativiteit van deelnemers is nodig",
        "fact.creativity_needed.false": "creativiteit van deelnemers is niet nodig",
        "fact.risk_level.low": "Het risico is laag",
        "fact.risk_level.elevated": "Het risico is verhoogd",
        "fact.risk_level.high": "Het risico is hoog",
        "fact.risk_level.critical": "Het risico is kritiek",
        "fact.existing_protest.none": "er is geen verzet",
        "fact.existing_protest.concerns": "er zijn zorgen en bezwaren",
        "fact.existing_protest.organised": "er is georganiseerd verzet",
        "fact.existing_protest.demonstration": "er is een demonstratie aangekondigd",
        "fact.existing_protest.disorder": "er waren eerder ordeverstoringen, bedreigingen of geweld",
        "fact.outside_groups.true": "groepen van buiten de gemeente doen mee",
        "fact.outside_groups.false": "er doen geen groepen van buiten de gemeente mee",
        "fact.threats_to_officials.true": "bestuurders, raadsleden, sprekers of medewerkers worden bedreigd",
        "fact.threats_to_officials.false": "er zijn geen bedreigingen",
        "fact.social_media.quiet": "het is rustig op sociale media",
        "fact.social_media.active": "op sociale media is het onderwerp actief",
        "fact.social_media.mobilising": "op sociale media wordt gemobiliseerd",
        "fact.media_attention.none": "er is geen media-aandacht",
        "fact.media_attention.local": "er is lokale media-aandacht",
        "fact.media_attention.regional": "er is regionale media-aandacht",
        "fact.media_attention.national": "er is landelijke media-aandacht",
        "fact.trust_in_government.high": "het vertrouwen in het bestuur is hoog",
        "fact.trust_in_government.mixed": "het vertrouwen in het bestuur is wisselend",
        "fact.trust_in_government.low": "het vertrouwen in het bestuur is laag",
        "fact.council_meeting.true": "het gaat om een raadsvergadering met insprekers",
        "fact.format.in_person": "de bijeenkomst is fysiek",
        "fact.format.online": "de bijeenkomst is online",
        "fact.format.hybrid": "de bijeenkomst is hybride",
        "fact.phase.exploration": "het proces is in de verkenning",
        "fact.phase.proposal": "er ligt een voorstel",
        "fact.phase.decided": "het besluit is genomen",
        "fact.phase.implementation": "het besluit wordt uitgevoerd",
        "fact.phase.occupied": "de locatie is in gebruik",
        "fact.generic": "{field}: {value}",
        "reason_risk": "{facts} (risicoscore {score}; {level} vanaf {threshold})",
        "reason_risk_floor": "{fact}: dat maakt het risico ten minste {level}",
        "reason_risk_none": "Geen van de risicofactoren speelt",
        "raised_because": "Essentieel in deze situatie: {facts}.",
        "memo_date": "Datum",
        "memo_version": "Kennisversie",
        "memo_scenario": "Situatie",
        "summary": "Samenvatting",
        "summary_situation": "De situatie",
        "summary_decisions": "De drie besluiten",
        "summary_essentials": "Wat in elk geval moet gebeuren",
        "summary_warnings": "Let op",
        "summary_tradeoffs": "Afwegingen",
        "actions": "Actielijst",
        "actions_intro": "Alle acties per moment, met wie ze uitvoert en hoe zwaar ze wegen.",
        "actions_optional": "Verder, als er ruimte voor is",
        "action": "Actie",
        "owner": "Wie",
        "priority": "Prioriteit",
        "moment": "Moment",
        "runbook": "Scenarioplan",
        "runbook_intro": "De scenario's van het draaiboek (asiel-2021 §7.4) die in deze situatie gelden.",
        "runbook_none": "Geen: voor deze rustige bijeenkomst is geen scenarioplan nodig.",
        "runbook.description": "Beschrijving scenario",
        "runbook.prevention": "Preventieve maatregelen",
        "runbook.response": "Maatregelen voor de respons",
        "runbook.roles": "Rollen en taken: wie doet wat?",
        "runbook.attention": "Aandachtspunten",
        "runbook.social_media": "(Actief) gebruik van social media",
        "topics": "Het advies per onderwerp",
        "references": "Bronverwijzingen",
        "annex": "Bijlage: citaten, afleiding en wat het advies zou veranderen",
        "annex_quotes": "Citaten uit de handreikingen",
        "annex_risk": "De risico-inschatting",
        "risk_factor": "Factor",
        "risk_points": "Punten",
        "risk_thresholds": "Drempels",
        "risk_floor_line": "Ondergrens: {field} = {value} \u2192 ten minste {level}",
        "risk_cap_line": "Bovengrens: {text}",
        "risk_total": "Totaal",
        "more_detail": "Meer: advise {file} --detail (alles) of --format docx -o memo.docx (memo).",
        "summary_text": "Samenvatting",
        "moment.process": "Proces en besluitvorming",
        "moment.preparation": "Voorbereiding van de bijeenkomst",
        "moment.meeting": "Tijdens de bijeenkomst",
        "moment.after": "Na de bijeenkomst",
        "moment.occupation": "Na de komst van de bewoners",
        "raised_mark": "verhoogd",
        "memo_for": "Memo",
    },
    "en": {
        "decision.meeting_type.inform": "Inform",
        "decision.meeting_type.consult": "Consult",
        "decision.meeting_type.coproduce": "Co-produce",
        "decision.police_visibility.informed": "Police informed, not present",
        "decision.police_visibility.discreet": "Police present, not prominent",
        "decision.police_visibility.visible": "Police visibly present, in uniform",
        "decision.police_visibility.reinforced": "Police visibly present, with standby capacity and administrative measures prepared",
        "decision.risk_level.low": "Low risk",
        "decision.risk_level.elevated": "Elevated risk",
        "decision.risk_level.high": "High risk",
        "decision.risk_level.critical": "Critical risk",
        "fact.room_for_decision.none": "There is no room left for another decision",
        "fact.room_for_decision.conditions": "There is room for conditions and suggestions only",
        "fact.room_for_decision.open": "There is room to decide together",
        "fact.creativity_needed.true": "creativity from participants is needed",
        "fact.creativity_needed.false": "creativity from participants is not needed",
        "fact.risk_level.low": "The risk is low",
        "fact.risk_level.elevated": "The risk is elevated",
        "fact.risk_level.high": "The risk is high",
        "fact.risk_level.critical": "The risk is critical",
        "fact.existing_protest.none": "there is no opposition",
        "fact.existing_protest.concerns": "there are concerns and objections",
        "fact.existing_protest.organised": "there is organised opposition",
        "fact.existing_protest.demonstration": "a demonstration has been announced",
        "fact.existing_protest.disorder": "there has been disorder, threats or violence before",
        "fact.outside_groups.true": "groups from outside the municipality take part",
        "fact.outside_groups.false": "no groups from outside the municipality take part",
        "fact.threats_to_officials.true": "administrators, council members, speakers or staff are threatened",
        "fact.threats_to_officials.false": "there are no threats",
        "fact.social_media.quiet": "social media are quiet",
        "fact.social_media.active": "the subject is active on social media",
        "fact.social_media.mobilising": "people are being mobilised on social media",
        "fact.media_attention.none": "there is no media attention",
        "fact.media_attention.local": "there is local media attention",
        "fact.media_attention.regional": "there is regional media attention",
        "fact.media_attention.national": "there is national media attention",
        "fact.trust_in_government.high": "trust in the government is high",
        "fact.trust_in_government.mixed": "trust in the government is mixed",
        "fact.trust_in_government.low": "trust in the government is low",
        "fact.council_meeting.true": "it is a council meeting with speakers",
        "fact.format.in_person": "the meeting is in person",
        "fact.format.online": "the meeting is online",
        "fact.format.hybrid": "the meeting is hybrid",
        "fact.phase.exploration": "the process is being explored",
        "fact.phase.proposal": "there is a proposal",
        "fact.phase.decided": "the decision has been taken",
        "fact.phase.implementation": "the decision is being carried out",
        "fact.phase.occupied": "the location is in use",
        "fact.generic": "{field}: {value}",
        "reason_risk": "{facts} (risk score {score}; {level} from {threshold})",
        "reason_risk_floor": "{fact}: that makes the risk at least {level}",
        "reason_risk_none": "None of the risk factors is present",
        "raised_because": "Essential in this situation: {facts}.",
        "memo_date": "Date",
        "memo_version": "Knowledge version",
        "memo_scenario": "Situation",
        "summary": "Summary",
        "summary_situation": "The situation",
        "summary_decisions": "The three decisions",
        "summary_essentials": "What must happen",
        "summary_warnings": "Watch out",
        "summary_tradeoffs": "Trade-offs",
        "actions": "Action list",
        "actions_intro": "Every action by moment, with who carries it out and how much it weighs.",
        "actions_optional": "Further, where there is room",
        "action": "Action",
        "owner": "Who",
        "priority": "Priority",
        "moment": "Moment",
        "runbook": "Scenario plan",
        "runbook_intro": "The scenarios of the scenario plan (asiel-2021 §7.4) that apply here.",
        "runbook_none": "None: this calm meeting needs no scenario plan.",
        "runbook.description": "Description of the scenario",
        "runbook.prevention": "Preventive measures",
        "runbook.response": "Response measures",
        "runbook.roles": "Roles and tasks: who does what?",
        "runbook.attention": "Points of attention",
        "runbook.social_media": "(Active) use of social media",
        "topics": "The advice by topic",
        "references": "References",
        "annex": "Annex: quotes, derivation and what would change this advice",
        "annex_quotes": "Quotes from the guides",
        "annex_risk": "The risk assessment",
        "risk_factor": "Factor",
        "risk_points": "Points",
        "risk_thresholds": "Thresholds",
        "risk_floor_line": "Floor: {field} = {value} \u2192 at least {level}",
        "risk_cap_line": "Cap: {text}",
        "risk_total": "Total",
        "more_detail": "More: advise {file} --detail (everything) or --format docx -o memo.docx (memo).",
        "summary_text": "Summary",
        "moment.process": "Process and decision-making",
        "moment.preparation": "Preparing the meeting",
        "moment.meeting": "During the meeting",
        "moment.after": "After the meeting",
        "moment.occupation": "Once the residents have arrived",
        "raised_mark": "raised",
        "memo_for": "Memo",
    },
}
for _lang, _words in _PLAN.items():
    for _key, _word in _words.items():
        LABELS[_lang].setdefault(_key, _word)


def fact_phrase(lang: str, field: str, value) -> str:
    """One fact in words ("er is georganiseerd verzet"); a fact without a phrase reads "field: value"."""
    plain = "true" if value is True else "false" if value is False else getattr(value, "value", value)
    key = f"fact.{field}.{plain}"
    if key in LABELS[lang]:
        return LABELS[lang][key]
    return label(lang, "fact.generic").format(field=field_label(lang, field), value=value_label(lang, field, value))


def sentence(lang: str, clauses: list[str]) -> str:
    """Clauses joined into one sentence: "A, b en c" (without the full stop)."""
    clauses = [c for c in clauses if c]
    if not clauses:
        return ""
    joined = clauses[0] if len(clauses) == 1 else ", ".join(clauses[:-1]) + f" {label(lang, 'and')} " + clauses[-1]
    return joined[0].upper() + joined[1:]


#: the words of the trainers' views (whatif, sweep, sensitivity, explain and WHY NOT)
TRAINER: dict[str, dict[str, str]] = {
    "nl": {
        "what_if": "Wat als", "before": "nu", "after": "daarna", "changed": "gewijzigd",
        "added": "Erbij", "removed": "Vervallen", "nothing": "geen",
        "sweep": "Verloop", "current": "huidige situatie", "cells": "in elke cel",
        "rows": "rijen", "columns": "kolommen", "advised": "geadviseerd", "steps": "Wat verandert bij elke stap",
        "no_change": "geen verandering in het advies", "from": "vanaf", "step": "stap",
        "decisions_now": "Besluiten nu", "single": "Eén wijziging die een besluit verandert",
        "flips": "De kleinste wijzigingen die elk besluit doen omslaan",
        "out_of_reach": "vraagt meer dan twee wijzigingen",
        "no_effect": "Gegevens die geen besluit kunnen veranderen",
        "explain": "Hoe het advies tot stand kwam", "rule": "regel", "source": "bron", "input": "invoer",
        "and": "en", "kind.recommendation": "Aanbeveling", "kind.warning": "Waarschuwing",
        "kind.tradeoff": "Afweging",
        "why_not": "Waarom niet", "not_advised": "wordt voor deze situatie niet geadviseerd.",
        "could_emit": "Regels die het kunnen geven", "failed": "niet voldaan",
        "saw": "gezien", "needed": "nodig", "smallest": "Kleinste wijziging die het wel geeft",
        "confirmed": "bevestigd door de regels opnieuw te draaien", "none_found": "geen wijziging van één, twee of drie gegevens gevonden",
        "no_rule": "geen regel kan dit geven",
        "subject_excluded": "dit advies geldt niet voor dit onderwerp",
        "absent": "niet aanwezig", "present": "aanwezig",
        "not_met": "niet gegeven",
    },
    "en": {
        "what_if": "What if", "before": "now", "after": "then", "changed": "changed",
        "added": "Added", "removed": "Removed", "nothing": "none",
        "sweep": "Sweep", "current": "the current situation", "cells": "in each cell",
        "rows": "rows", "columns": "columns", "advised": "advised", "steps": "What changes at each step",
        "no_change": "no change in the advice", "from": "from", "step": "step",
        "decisions_now": "Decisions now", "single": "One change that changes a decision",
        "flips": "The smallest changes that flip each decision",
        "out_of_reach": "needs more than two changes",
        "no_effect": "Facts that cannot change a decision",
        "explain": "How the advice was reached", "rule": "rule", "source": "source", "input": "input",
        "and": "and", "kind.recommendation": "Recommendation", "kind.warning": "Warning",
        "kind.tradeoff": "Trade-off",
        "why_not": "Why not", "not_advised": "is not advised for this situation.",
        "could_emit": "Rules that can give it", "failed": "not met",
        "saw": "seen", "needed": "needed", "smallest": "Smallest change that gives it",
        "confirmed": "confirmed by running the rules again", "none_found": "no change of one, two or three facts found",
        "no_rule": "no rule can give this",
        "subject_excluded": "this advice does not apply to this subject",
        "absent": "absent", "present": "present",
        "not_met": "not given",
    },
}


#: the words of the batch table and summary
BATCH: dict[str, dict[str, str]] = {
    "nl": {"file": "bestand", "name": "naam", "meeting_type": "type bijeenkomst", "police": "politie",
           "risk": "risico", "result": "uitslag", "problem": "eerste probleem",
           "scenario": "scenario", "scenarios": "scenario's", "passed": "geslaagd", "failed": "mislukt",
           "invalid": "ongeldig", "unchecked": "niet gecontroleerd"},
    "en": {"file": "file", "name": "name", "meeting_type": "meeting_type", "police": "police",
           "risk": "risk", "result": "result", "problem": "first problem",
           "scenario": "scenario", "scenarios": "scenarios", "passed": "passed", "failed": "failed",
           "invalid": "invalid", "unchecked": "unchecked"},
}
