"""What the advice renderers share: citation lines, the situation in words, the action list's groups, numbered references and dates."""
from __future__ import annotations

import datetime as _dt
import re
from typing import Any

import kb
from facts.vocab import Moment, Priority
from plan.document import AdviceDocument, Recommendation
from render.labels import field_label, label, value_label

MONTHS = {"nl": ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
                 "oktober", "november", "december"],
          "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                 "October", "November", "December"]}
#: Situation fields shown on the memo's first page, in this order (name heads the memo).
SITUATION = ("subject", "phase", "room_for_decision", "implementation_room", "expected_visitors", "existing_protest",
             "creativity_needed", "outside_groups", "threats_to_officials", "social_media", "media_attention",
             "trust_in_government", "area", "format", "council_meeting", "initiator",
             "municipality_supports_initiative", "nearby_stakeholders", "supporting_initiatives", "priority_value")
#: Yes/no fields shown only when they hold (a "no" adds nothing to the picture).
ONLY_WHEN_TRUE = {"implementation_room", "creativity_needed", "outside_groups", "threats_to_officials",
                  "council_meeting", "municipality_supports_initiative", "supporting_initiatives"}


def source_title(source: str) -> str:
    return kb.load().sources[source].title


def cite_line(c: dict[str, str]) -> str:
    return f"{source_title(c['source'])} ({c['source']}) §{c['section']}: \u201c{c['quote']}\u201d"


def long_date(iso: str, lang: str) -> str:
    d = _dt.date.fromisoformat(iso)
    month = MONTHS[lang][d.month - 1]
    return f"{d.day} {month} {d.year}"


def situation(doc: AdviceDocument) -> list[tuple[str, str]]:
    """(field, value) in words for every field that says something about the situation."""
    lang, s = doc.lang, doc.scenario
    out = []
    for f in SITUATION:
        if f not in s or (f in ONLY_WHEN_TRUE and not s[f]) or (f == "nearby_stakeholders" and not s[f]):
            continue
        name = field_label(lang, f)
        out.append((name[0].upper() + name[1:], value_label(lang, f, s[f])))
    return out


def owner_label(lang: str, owner: Any) -> str:
    text = value_label(lang, "Owner", getattr(owner, "value", owner))
    return text[:1].upper() + text[1:]


def priority_label(lang: str, priority: Any) -> str:
    return value_label(lang, "Priority", getattr(priority, "value", priority))


def moment_heading(lang: str, moment: Any) -> str:
    return label(lang, f"moment.{getattr(moment, 'value', moment)}")


def action_groups(doc: AdviceDocument) -> list[tuple[Moment, list[Recommendation]]]:
    """The recommendations by moment, the highest priority first (then category and id)."""
    from plan.build import action_order
    groups: dict[Moment, list[Recommendation]] = {}
    for r in sorted(doc.recommendations, key=action_order):
        groups.setdefault(Moment(r.moment), []).append(r)
    return list(groups.items())


def is_optional(r: Recommendation) -> bool:
    return Priority(r.priority) == Priority.optional


_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\u00c0-\u00dd\u2018\u201c'\"(])")


def first_sentence(text: str) -> str:
    """The first sentence of a text (the memo's short rationale)."""
    return _SENTENCE.split(text.strip(), maxsplit=1)[0]


class References:
    """Numbered references to (source, section), in order of first use."""

    def __init__(self):
        self.numbers: dict[tuple[str, str], int] = {}
        self.quotes: dict[int, list[str]] = {}

    def cite(self, citations) -> list[int]:
        out = []
        for c in citations:
            key = (c.source, c.section)
            n = self.numbers.setdefault(key, len(self.numbers) + 1)
            self.quotes.setdefault(n, [])
            if c.quote not in self.quotes[n]:
                self.quotes[n].append(c.quote)
            if n not in out:
                out.append(n)
        return out

    def mark(self, citations) -> str:
        return "[" + ", ".join(str(n) for n in self.cite(citations)) + "]"

    def listing(self) -> list[tuple[int, str, str, str]]:
        """(number, source title, publisher and date, section) in number order."""
        sources = kb.load().sources
        return [(n, sources[s].title, f"{sources[s].publisher}, {sources[s].date}", sec)
                for (s, sec), n in sorted(self.numbers.items(), key=lambda kv: kv[1])]
