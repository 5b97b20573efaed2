"""The broad social-media search query of asiel-2021 §8.2, for a given place.

asiel-2021 §8.2 ("Zorg voor een brede zoekopdracht") gives an example query: subject terms
AND the names of the place, location, street, nickname, municipality, mayor and the
municipality's account, NOT noise terms. ``monitor_query`` fills in the names; the terms
live in kb/monitor_terms.yaml (the guide's list for asylum reception and status holders, a
list derived from the guides' own words for labour migrants, see the comments there).
"""
from __future__ import annotations

import functools
from pathlib import Path
from types import MappingProxyType
from typing import Iterable, Mapping, Union

import yaml

from facts.vocab import Subject

TERMS_FILE = Path(__file__).resolve().parent / "monitor_terms.yaml"

#: The name slots, in the order of the guide's query (<plaatsnaam> OR <opvanglocatie> ...).
NAME_FIELDS = ("place", "location", "street", "nickname", "municipality", "mayor", "account")

#: Which term list each subject searches with.
SUBJECT_LISTS = {
    Subject.asylum_reception: "asylum",
    Subject.status_holder_housing: "asylum",
    Subject.labour_migrant_housing: "labour_migrant",
}

_LISTS = ("asylum", "labour_migrant", "not_terms")
_OPERATORS = frozenset({"AND", "OR", "NOT"})

Names = Union[str, Iterable[str], None]


@functools.lru_cache(maxsize=None)
def load_terms() -> Mapping[str, tuple[str, ...]]:
    """The term lists of kb/monitor_terms.yaml, read once with a safe loader and checked."""
    with TERMS_FILE.open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    if not isinstance(data, dict) or set(data) != set(_LISTS):
        raise RuntimeError(f"{TERMS_FILE.name}: expected exactly the lists {', '.join(_LISTS)}")
    out = {}
    for key in _LISTS:
        terms = data[key]
        if not isinstance(terms, list) or not terms or not all(
                isinstance(t, str) and t.strip() and '"' not in t for t in terms):
            raise RuntimeError(f"{TERMS_FILE.name}: {key} must be a non-empty list of terms")
        out[key] = tuple(t.strip() for t in terms)
    return MappingProxyType(out)


def _quoted(term: str) -> str:
    """A term or name as it goes into the query: in double quotes when it holds a space."""
    if any(ch.isspace() for ch in term) or any(ch in "()" for ch in term) or term.upper() in _OPERATORS:
        return f'"{term}"'
    return term


def _names(field: str, value: Names) -> list[str]:
    if value is None:
        return []
    values = [value] if isinstance(value, str) else list(value)
    out = []
    for v in values:
        if not isinstance(v, str):
            raise ValueError(f"{field}: expected text, got {type(v).__name__}")
        name = " ".join(v.split())
        if '"' in name:
            raise ValueError(f"{field}: a name may not contain a double quote: {v!r}")
        if name:
            out.append(name)
    return out


def _group(items: Iterable[str]) -> str:
    return "(" + " OR ".join(_quoted(i) for i in items) + ")"


def monitor_query(subject: Union[Subject, str], place: Names = None, location: Names = None,
                  street: Names = None, nickname: Names = None, municipality: Names = None,
                  mayor: Names = None, account: Names = None) -> str:
    """The broad search query for ``subject`` around the given places and names.

    ``(<terms> OR ...) AND (<names>) NOT (<noise terms>)``, one line. Each name may be a
    string or a list of strings; blank ones are skipped, repeats (ignoring case) dropped,
    names with a space quoted. Raises ValueError for an unknown subject or when no place
    or name is given at all.
    """
    try:
        subject = Subject(subject)
    except ValueError:
        raise ValueError(f"unknown subject {subject!r}; use one of {', '.join(Subject.values())}") from None
    given = dict(zip(NAME_FIELDS, (place, location, street, nickname, municipality, mayor, account)))
    names, seen = [], set()
    for field in NAME_FIELDS:
        for name in _names(field, given[field]):
            if name.casefold() not in seen:
                seen.add(name.casefold())
                names.append(name)
    if not names:
        raise ValueError("give at least one place or name (" + ", ".join(NAME_FIELDS) + ")")
    terms = load_terms()
    return (f"{_group(terms[SUBJECT_LISTS[subject]])} AND {_group(names)} "
            f"NOT {_group(terms['not_terms'])}")
