"""Trainer commands in the user's language (issue 12 item 2): whatif, sweep, sensitivity and
explain print labels in Dutch with -l nl (no English words, no codes outside quoted ids) and in
English with -l en (no Dutch words outside quoted ids and the guides' quotes)."""
from __future__ import annotations

import re

import pytest
from click.testing import CliRunner
from conftest import ROOT

from cli import main

SAMPLE = ROOT / "examples" / "azc-informatiemarkt.yaml"

COMMANDS = [
    ["whatif", SAMPLE, "--set", "existing_protest=disorder"],
    ["whatif", SAMPLE, "--set", "expected_visitors=40", "--set", "trust_in_government=low"],
    ["sweep", SAMPLE, "--vary", "existing_protest"],
    ["sweep", SAMPLE, "--vary", "expected_visitors"],
    ["sweep", SAMPLE, "--vary", "existing_protest", "--vary", "trust_in_government"],
    ["sensitivity", SAMPLE],
    ["explain", SAMPLE],
    ["explain", SAMPLE, "--id", "setup.sounding_board_group"],
]

#: English words and codes that must not show in Dutch output (none of them is Dutch).
ENGLISH = {
    "what", "if", "before", "after", "added", "removed", "decision", "decisions", "rule", "rules", "source",
    "input", "none", "yes", "no", "high", "low", "mixed", "elevated", "critical", "inform", "consult",
    "coproduce", "informed", "visible", "reinforced", "concerns", "organised", "demonstration", "disorder",
    "quiet", "active", "mobilising", "local", "regional", "national", "urban", "rural", "hybrid",
    "municipality", "private", "decided", "exploration", "proposal", "implementation", "occupied",
    "conditions", "sweep", "rows", "columns", "current", "changed", "now", "then", "seen", "needed",
    "smallest", "change", "changes", "not", "cells", "scale", "large", "small", "medium", "risk",
    "level", "police", "visibility", "true", "false", "cites", "trust", "visitors", "expected", "existing",
    "protest", "opposition", "room", "because", "step", "from", "and", "or", "the", "to",
}
#: Dutch words that must not show in English output (none of them is English).
DUTCH = {
    "wat", "als", "nu", "daarna", "erbij", "vervallen", "besluit", "besluiten", "regel", "regels", "bron",
    "invoer", "geen", "ja", "nee", "hoog", "laag", "wisselend", "verhoogd", "kritiek", "informeren",
    "raadplegen", "coproduceren", "zichtbaar", "aanwezig", "versterkt", "zorgen", "verzet", "rustig",
    "actief", "lokaal", "regionaal", "landelijk", "stedelijk", "fysiek", "hybride", "gemeente",
    "verkenning", "voorstel", "uitvoering", "gebruik", "verloop", "huidige", "situatie", "gewijzigd",
    "gezien", "nodig", "niet", "voldaan", "omvang", "groot", "klein", "bijeenkomst", "politie",
    "vertrouwen", "bezoekers", "verwachte", "wijziging", "kleinste", "en", "van", "het", "de", "een",
    "vanaf", "stap", "verandert", "bij", "elke", "waarom", "aanbeveling", "waarschuwing", "afweging",
}
CODE = re.compile(r"\b[a-z]+(?:_[a-z]+)+\b")  # snake_case codes and field names


def visible_words(text: str) -> list[str]:
    """The words of the output outside `quoted ids` and “quotes from the guides”."""
    text = re.sub(r"`[^`]*`", " ", text)
    text = re.sub(r"\u201c[^\u201d]*\u201d", " ", text)
    return re.findall(r"[^\W\d]+(?:_[^\W\d]+)*", text.lower())


@pytest.mark.parametrize("fmt", ["text", "markdown"])
@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(str(x) for x in a[2:]) or a[0])
def test_dutch_output_has_no_english_words_or_codes(args, fmt):
    r = CliRunner().invoke(main, [str(a) for a in args] + ["-l", "nl", "-f", fmt])
    assert r.exit_code == 0, r.output
    words = visible_words(r.stdout)
    assert not sorted(set(words) & ENGLISH), r.stdout
    stripped = re.sub(r"`[^`]*`", " ", re.sub(r"\u201c[^\u201d]*\u201d", " ", r.stdout))
    assert not CODE.findall(stripped), r.stdout


@pytest.mark.parametrize("fmt", ["text", "markdown"])
@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(str(x) for x in a[2:]) or a[0])
def test_english_output_has_no_dutch_words(args, fmt):
    r = CliRunner().invoke(main, [str(a) for a in args] + ["-l", "en", "-f", fmt])
    assert r.exit_code == 0, r.output
    assert not sorted(set(visible_words(r.stdout)) & DUTCH), r.stdout


def test_whatif_lists_advice_by_title_grouped_by_topic():
    import kb
    r = CliRunner().invoke(main, ["whatif", str(SAMPLE), "--set", "existing_protest=disorder", "-l", "en"])
    knowledge = kb.load()
    assert "Security:" in r.stdout
    title = knowledge["security.administrative_measures"].title["en"]
    block = r.stdout.split("Security:")[1]
    assert f"  + {title}" in block
    assert "[recommendation]" not in r.stdout and "security.administrative_measures" not in r.stdout


def test_sweep_marks_the_current_value():
    r = CliRunner().invoke(main, ["sweep", str(SAMPLE), "--vary", "existing_protest", "-l", "en"])
    rows = [line for line in r.stdout.splitlines() if line.startswith(("none", "concerns", "organised"))]
    assert [row.split("  ")[0] for row in rows] == ["none", "concerns *", "organised opposition"]


def test_sweep_of_visitors_walks_the_thresholds_of_the_parameters(monkeypatch):
    """The steps come from kb/parameters.yaml (scale classes and the online limit), not from code."""
    import json

    import kb
    params = kb.load().parameters
    r = CliRunner().invoke(main, ["sweep", str(SAMPLE), "--vary", "expected_visitors", "-f", "json"])
    data = json.loads(r.stdout)
    values = [row["values"]["expected_visitors"] for row in data["rows"]]
    assert set(params.scale.values()) <= set(values)
    assert data["current"] == {"expected_visitors": 350}
    changes = [row for row in data["rows"] if row.get("added") or row.get("removed")]
    assert changes and all(i["category"] == "setup" for row in changes for i in row["added"] + row["removed"])
    text = CliRunner().invoke(main, ["sweep", str(SAMPLE), "--vary", "expected_visitors"]).stdout
    assert "Wat verandert bij elke stap" in text and "150–399 *" in text
    assert "+ " + kb.load()["setup.information_market"].title["nl"] in text


def test_sweep_with_the_same_field_twice_is_one_line_not_a_traceback():
    r = CliRunner().invoke(main, ["sweep", str(SAMPLE), "--vary", "area", "--vary", "area"])
    assert r.exit_code == 2 and "area" in r.stderr and "twice" in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


def test_text_tables_fit_80_columns():
    for args in COMMANDS:
        r = CliRunner().invoke(main, [str(a) for a in args], env={"COLUMNS": "80"})
        wide = [line for line in r.stdout.splitlines() if len(line) > 80 and "\u201c" not in line]
        assert not wide, (args, wide)


def test_terminal_escapes_from_input_never_reach_the_views(tmp_path):
    f = tmp_path / "esc.yaml"
    f.write_text(SAMPLE.read_text().replace("name:", "name: \"\\e]0;pwned\\a\\e[31mrood\\r\"\nx_name:", 1)
                 .replace("x_name:", "#", 1))
    for args in COMMANDS:
        r = CliRunner().invoke(main, [str(args[0]), str(f), *map(str, args[2:])])
        assert "\x1b" not in r.output and "\x07" not in r.output and "\r" not in r.output
