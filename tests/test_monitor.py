"""The broad social-media search query (kb/monitor.py, asiel-2021 §8.2)."""
from __future__ import annotations

import re

import pytest

from facts.vocab import Subject
from kb.monitor import NAME_FIELDS, load_terms, monitor_query
from tests.conftest import SHARED

SEEDS = SHARED / "seeds"


def _guide_query() -> tuple[list[str], list[str]]:
    """Subject terms and NOT terms of the example query printed in asiel-2021 §8.2."""
    text = (SEEDS / "asiel-2021.txt").read_text(encoding="utf-8")
    block = text.split("```")[1]
    subject_part = block[block.index("(") + 1:block.index(")")]
    not_part = block[block.rindex("(") + 1:block.rindex(")")]
    split = lambda part: [t.strip().strip('"') for t in re.split(r"\s+OR\s+", " ".join(part.split()))]
    return split(subject_part), split(not_part)


def _groups(query: str) -> tuple[str, str, str]:
    m = re.fullmatch(r"\((.+)\) AND \((.+)\) NOT \((.+)\)", query)
    assert m, query
    return m.group(1), m.group(2), m.group(3)


def test_asylum_terms_are_the_guides_list():
    terms, not_terms = _guide_query()
    assert list(load_terms()["asylum"]) == terms
    assert list(load_terms()["not_terms"]) == not_terms


def test_asylum_query_shape_and_quoting():
    q = monitor_query(Subject.asylum_reception, place="Ter Apel", mayor="Van Dijk",
                      account="@gemeente")
    subject, names, nots = _groups(q)
    assert subject.startswith('allicht* OR arbeidsmigra* OR asielzoek* OR "asiel zoekers" OR azc*')
    assert subject.endswith("zza OR AMV*")
    assert names == '"Ter Apel" OR "Van Dijk" OR @gemeente'
    assert nots == "kinderopvang OR buitenschoolse OR #nieuws OR #nieuwstwitter"
    assert "\n" not in q


def test_status_holders_use_the_asylum_terms():
    a = monitor_query("asylum_reception", place="Zwolle")
    b = monitor_query("status_holder_housing", place="Zwolle")
    assert a == b


def test_labour_migrant_query_uses_its_own_terms():
    q = monitor_query(Subject.labour_migrant_housing, place="Venlo", street="Hagerhofweg")
    subject, names, nots = _groups(q)
    listed = subject.split(" OR ")
    assert listed == list(load_terms()["labour_migrant"])
    assert "arbeidsmigra*" in listed and "allicht*" not in listed and "azc*" not in listed
    assert names == "Venlo OR Hagerhofweg"
    assert nots == "kinderopvang OR buitenschoolse OR #nieuws OR #nieuwstwitter"


def test_labour_migrant_terms_come_from_the_guides():
    guides = " ".join((SEEDS / f).read_text(encoding="utf-8").lower()
                      for f in ("arbeidsmigranten-2025.txt", "asiel-2021.txt"))
    for term in load_terms()["labour_migrant"]:
        assert term.rstrip("*").lower() in guides, term


def test_names_follow_the_guides_order_whatever_the_call_order():
    q = monitor_query("asylum_reception", account="@gem", mayor="Jansen", municipality="Oost",
                      nickname="Dorp", street="Kerkstraat", location="Sporthal", place="Stad")
    assert _groups(q)[1] == "Stad OR Sporthal OR Kerkstraat OR Dorp OR Oost OR Jansen OR @gem"
    assert NAME_FIELDS[0] == "place" and NAME_FIELDS[-1] == "account"


@pytest.mark.parametrize("value, expected", [
    ("Enschede", "Enschede"),
    ("Den  Haag", '"Den Haag"'),          # inner whitespace collapsed, then quoted
    ("  Hengelo ", "Hengelo"),
    ("'s-Hertogenbosch", "'s-Hertogenbosch"),
    ("Bergen (NH)", '"Bergen (NH)"'),
])
def test_quoting_of_names(value, expected):
    assert _groups(monitor_query("asylum_reception", place=value))[1] == expected


def test_lists_blanks_and_repeats():
    q = monitor_query("asylum_reception", place=["Venlo", "", "venlo"], municipality="Venlo",
                      street=["Straat A", "Straat B"])
    assert _groups(q)[1] == 'Venlo OR "Straat A" OR "Straat B"'


@pytest.mark.parametrize("kwargs", [{}, {"place": ""}, {"place": "   ", "mayor": None},
                                    {"street": []}])
def test_no_place_or_name_is_an_error(kwargs):
    with pytest.raises(ValueError, match="at least one place or name"):
        monitor_query("asylum_reception", **kwargs)


def test_unknown_subject_is_an_error():
    with pytest.raises(ValueError, match="unknown subject"):
        monitor_query("holiday_homes", place="Urk")


def test_double_quote_in_a_name_is_an_error():
    with pytest.raises(ValueError, match="double quote"):
        monitor_query("asylum_reception", place='Ter "Apel"')


def test_terms_are_loaded_once():
    assert load_terms() is load_terms()
    with pytest.raises(TypeError):
        load_terms()["asylum"] = ()  # read-only
