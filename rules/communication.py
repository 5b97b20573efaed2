"""Recommendations: communication."""
from __future__ import annotations

from facts.vocab import *  # noqa: F401,F403
from rules.base import (  # noqa: F401
    AND, MATCH, NOT, OR, TEST, Advice, Assessed, Context, Decided, Nearby, Rule, at_least,
    at_most, emits, one_of,
)


class CommunicationRules:
    pass
