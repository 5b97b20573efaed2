"""HOW, WHY, what-if, sweeps, counterfactuals and the memo (trainers and project leads)."""
from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest
from click.testing import CliRunner

from cli import main
from conftest import EXAMPLES, ROOT, SHARED
from facts.loader import load_one
from facts.scenario import INPUT_FIELDS
from facts.vocab import Phase
from analysis.compare import sensitivity, whatif
from analysis.explain import explain, leaves, steps

SAMPLE = ROOT / "examples" / "azc-informatiemarkt.yaml"
MARKET = SHARED / "scenarios" / "informatiemarkt-besluit-genomen.yaml"


def run(*args, input=None):
    return CliRunner().invoke(main, [str(a) for a in args], input=input)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_explain_trees_end_in_input_fields_and_every_step_is_ruled_and_cited(path):
    scenario = load_one(path)
    trees = explain(scenario)
    assert [t["id"] for t in trees[:3]] == ["meeting_type", "police_visibility", "risk_level"]
    for tree in trees:
        for leaf in leaves(tree):
            assert leaf.get("field") in INPUT_FIELDS, (tree["id"], leaf)
            assert leaf["value"] == scenario.model_dump(mode="json")[leaf["field"]] or \
                leaf["field"] == "nearby_stakeholders"
        for step in steps(tree):
            assert step["rule"] and step["citations"], (tree["id"], step["id"])


def test_explain_cli_text_and_json():
    r = run("explain", SAMPLE, "--id", "setup.information_market")
    assert r.exit_code == 0
    assert r.output.splitlines()[0] == "Aanbeveling: Informatiemarkt met vrije inloop (`setup.information_market`)"
    assert "<- omvang = groot" in r.output and "<- verwachte bezoekers = 350 (invoer)" in r.output
    en = run("explain", SAMPLE, "--id", "setup.information_market", "-l", "en").output
    assert "<- scale = large" in en and "<- expected visitors = 350 (input)" in en
    tree = json.loads(run("explain", SAMPLE, "--id", "police_visibility", "--format", "json").output)[0]
    assert {"id", "rule", "matched", "because", "citations"} <= set(tree)
    assert tree["matched"] == {"format": "in_person", "risk_level": "elevated"}  # police at a venue only
    assert [c["id"] for c in tree["because"]] == ["input.format", "risk_level"]
    why_not = run("explain", SAMPLE, "--id", "setup.sounding_board_group")  # not advised: WHY NOT
    assert why_not.exit_code == 0 and why_not.output.startswith("Waarom niet: ")
    bad = run("explain", SAMPLE, "--id", "setup.no_such_entry")
    assert bad.exit_code == 2 and "setup.no_such_entry" in bad.output


def test_whatif_disorder_raises_police_and_risk_and_adds_security():
    r = run("whatif", MARKET, "--set", "existing_protest=disorder", "--format", "json")
    result = json.loads(r.output)
    assert set(result) >= {"before", "after", "added", "removed"}
    rank = {"police_visibility": ["informed", "discreet", "visible", "reinforced"],
            "risk_level": ["low", "elevated", "high", "critical"]}
    for key, order in rank.items():
        assert order.index(result["after"]["decisions"][key]) > order.index(result["before"]["decisions"][key])
    added = {i["id"] for i in result["added"]}
    assert {"security.administrative_measures", "security.house_rules", "security.ela_protocol"} <= added
    text = run("whatif", MARKET, "--set", "existing_protest=disorder").output
    import kb
    title = kb.load()["security.administrative_measures"].title["nl"]
    assert re.search(r"versterkt aanwezig +\*", text) and f"  + {title}" in text
    assert "[recommendation]" not in text and "security.administrative_measures" not in text


def test_whatif_rejects_bad_assignments():
    r = run("whatif", MARKET, "--set", "existing_protest=riot")
    assert r.exit_code == 2 and "existing_protest" in r.output and "Choose a number from 1 to 5, or one of" in r.output
    r = run("whatif", MARKET, "--set", "colour=red")
    assert r.exit_code == 2 and "colour" in r.output


def test_sweep_protest_never_lowers_police_visibility():
    rows = json.loads(run("sweep", SAMPLE, "--vary", "existing_protest", "--format", "json").output)["rows"]
    assert [r["values"]["existing_protest"] for r in rows] == ["none", "concerns", "organised", "demonstration", "disorder"]
    order = ["informed", "discreet", "visible", "reinforced"]
    levels = [order.index(r["decisions"]["police_visibility"]) for r in rows]
    assert levels == sorted(levels)


def test_sweep_two_fields_renders_a_matrix():
    r = run("sweep", SAMPLE, "--vary", "existing_protest", "--vary", "trust_in_government", "-f", "markdown")
    assert r.exit_code == 0
    lines = r.output.splitlines()
    assert any("rijen: bestaand verzet; kolommen: vertrouwen in het bestuur" in l for l in lines)
    header = next(l for l in lines if l.startswith("| bestaand verzet"))
    assert all(v in header for v in ("hoog", "wisselend \\*", "laag"))  # the current value marked
    assert sum(1 for l in lines if l.startswith("| ordeverstoring of bedreiging")) == 1
    csv_out = run("sweep", SAMPLE, "--vary", "expected_visitors=40,400", "--ids", "setup.information_market",
                  "--format", "csv").output.splitlines()
    assert csv_out[0] == "expected_visitors,meeting_type,police_visibility,risk_level,setup.information_market"
    assert csv_out[1].endswith(",false") and csv_out[2].endswith(",true")


def test_sensitivity_flips_are_confirmed_by_whatif():
    scenario = load_one(SAMPLE)
    result = sensitivity(scenario)
    assert result["flips"]
    for flip in result["flips"]:
        after = whatif(scenario, flip["changes"])["after"]["decisions"]
        assert after[flip["decision"]] == flip["to"], flip
    decisions = {f["decision"] for f in result["flips"]}
    assert decisions == {"meeting_type", "police_visibility", "risk_level"}
    out = json.loads(run("sensitivity", SAMPLE, "--format", "json").output)
    assert out == result["flips"] and set(out[0]) == {"decision", "from", "to", "changes"}


def test_sensitivity_finds_two_field_flips_when_one_is_not_enough():
    # before the decision (co-production needs room in the process, asiel-2021 §4.2)
    flips = sensitivity(load_one(SAMPLE).model_copy(update={"phase": Phase.proposal}))["flips"]
    coproduce = [f for f in flips if f["to"] == "coproduce"]
    assert coproduce == [{"decision": "meeting_type", "from": "inform", "to": "coproduce",
                          "changes": {"room_for_decision": "open", "creativity_needed": True}}]


def test_interview_question_mark_shows_what_the_answer_can_change(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # the interrupted interview leaves its answers here
    r = run("advise", input="Sporthal\nasylum_reception\ndecided\nnone\n\n350\n?\n")  # implementation_room: default
    assert len(list(tmp_path.glob("bijeenkomstwijzer-antwoorden-*.yaml"))) == 1
    assert "Dit antwoord kan deze besluiten veranderen: Zichtbaarheid politie, Risiconiveau" in r.output
    assert re.search(r"- .+ \((security|escalation)\.[a-z_]+; [a-z0-9-]+ §[\w.]+\)", r.output)


def test_markdown_memo_has_derivation_tradeoffs_and_what_would_change():
    r = run("advise", ROOT / "examples" / "azc-demonstratie.yaml", "--format", "markdown", "--lang", "en")
    text = r.output
    assert "## How the decisions were reached" in text and "## What would change this advice" in text
    assert "## Trade-offs" in text
    assert "The municipality's priority (safety) points to" in text
    assert "by rule `police_reinforced` because `format` = in_person and `risk_level` = critical" in text


def test_html_memo_is_self_contained():
    html = run("advise", SAMPLE, "--format", "html").output
    assert html.startswith("<!DOCTYPE html>") and "<style>" in html and "@media print" in html
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)
    assert "<script" not in html and "<link" not in html


def test_html_memo_escapes_the_scenario_name(tmp_path):
    f = tmp_path / "x.yaml"
    f.write_text(SAMPLE.read_text().replace("name: Noodopvang sporthal, informatiemarkt", "name: '<script>alert(1)</script>'"))
    html = run("advise", f, "--format", "html").output
    assert "<script>" not in html and "&lt;script&gt;" in html


BROWSER = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


@pytest.mark.skipif(BROWSER is None, reason="no Chromium installed (.ci/run installs one)")
def test_html_memo_prints_to_pdf_in_headless_chromium(tmp_path):
    page = tmp_path / "memo.html"
    page.write_text(run("advise", SAMPLE, "--format", "html").output, encoding="utf-8")
    pdf = tmp_path / "memo.pdf"
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={tmp_path / 'profile'}"]
    subprocess.run([BROWSER, *flags, f"--print-to-pdf={pdf}", "--no-pdf-header-footer", page.as_uri()],
                   capture_output=True, timeout=120)
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 10_000
    assert data.count(b"/Type /Page") - data.count(b"/Type /Pages") >= 2  # several printed pages


def test_tradeoff_names_the_values_and_what_the_priority_favours(tmp_path):
    # a co-production before the decision (after it, an open room is no room: asiel-2021 §4.2)
    base = (ROOT / "examples" / "arbeidsmigranten-klankbordgroep.yaml").read_text()
    doc = json.loads(run("advise", ROOT / "examples" / "arbeidsmigranten-klankbordgroep.yaml", "--format", "json").output)
    (t,) = [t for t in doc["tradeoffs"] if t["id"] == "tradeoff.coproduction_time"]
    assert t["values"] == ["support", "contribution"]
    assert t["favoured_value"] == "support" and t["favoured_by_priority"] and t["other_value"] == "contribution"
    f = tmp_path / "safety.yaml"
    f.write_text(base + "priority_value: safety\n")
    text = run("advise", f, "--lang", "en").output
    assert "The municipality's priority (safety) is on neither side here." in text
    assert "Choosing making a contribution gives:" in text
