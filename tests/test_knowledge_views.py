"""Looking into the knowledge: kb list/show/sources/coverage, rules list, monitor-query; and
whether each subject's advice cites its own guide."""
from __future__ import annotations

import json

from click.testing import CliRunner

from cli import main
from conftest import ROOT
from facts.loader import load_one
from plan.build import build


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_kb_list_filters_by_category():
    items = json.loads(run("kb", "list", "--category", "security", "--format", "json").output)
    assert items and all(i["category"] == "security" for i in items)
    text = run("kb", "list", "--category", "police").output
    assert "police.discreet" in text and "setup." not in text


def test_kb_show_text_and_json():
    r = run("kb", "show", "setup.information_market", "--lang", "en")
    assert r.exit_code == 0
    assert r.output.splitlines()[:2] == ["Information market with open walk-in", "setup.information_market  [Setup, recommendation]"]
    nl = run("kb", "show", "setup.information_market").output  # Dutch labels, not codes
    assert nl.splitlines()[1] == "setup.information_market  [Opzet en inrichting, aanbeveling]"
    assert "rules: setup_information_market" in r.output and "asiel-2021" in r.output
    item = json.loads(run("kb", "show", "setup.information_market", "--format", "json").output)
    assert item["rules"] == ["setup_information_market"]
    missing = run("kb", "show", "setup.nope")
    assert missing.exit_code == 2 and "setup.nope" in missing.output


def test_kb_sources_lists_the_five_guides():
    items = json.loads(run("kb", "sources", "--format", "json").output)
    assert [s["id"] for s in items] == ["asiel-2021", "asiel-statushouders-2016", "bewonersbijeenkomst-2021",
                                        "arbeidsmigranten-2025", "twente-2016"]
    assert "* §Bijlage 1 Stappenplan Communicatie" in run("kb", "sources").output


def test_rules_list_has_docstrings_and_sources():
    items = json.loads(run("rules", "list", "--format", "json").output)
    assert len(items) >= 100
    for r in items:
        assert r["doc"] and r["sources"] and (r["emits"] or r["concludes"])


def test_kb_coverage_reports_nothing_unfired(monkeypatch):
    monkeypatch.chdir(ROOT)
    r = run("kb", "coverage", "--format", "json")
    report = json.loads(r.output)
    assert r.exit_code == 0
    assert set(report) >= {"entries_total", "entries_fired", "unfired_entries", "rules_total", "rules_fired", "unfired_rules"}
    assert report["unfired_entries"] == [] and report["unfired_rules"] == []
    assert report["entries_fired"] == report["entries_total"] >= 120


def test_kb_coverage_exit_1_when_something_is_unfired():
    r = run("kb", "coverage", ROOT / "examples" / "statushouders-rustig.yaml", "--format", "json")
    assert r.exit_code == 1 and json.loads(r.output)["unfired_rules"]


def test_monitor_query_cli():
    r = run("monitor-query", "--subject", "labour_migrant_housing", "--place", "Venlo", "--street", "Venrayseweg 12")
    assert r.exit_code == 0
    assert "arbeidsmigra*" in r.output and '(Venlo OR "Venrayseweg 12")' in r.output
    assert run("monitor-query").exit_code == 2


def _cited_sections(doc, source):
    return {c["section"] for key in ("recommendations", "tradeoffs", "warnings")
            for item in doc[key] for c in item["citations"] if c["source"] == source}


def test_each_subject_cites_its_own_guide():
    labour = build(load_one(ROOT / "examples" / "arbeidsmigranten-actiegroep.yaml"))
    assert len(_cited_sections(labour, "arbeidsmigranten-2025")) >= 8
    high = build(load_one(ROOT / "examples" / "azc-demonstratie.yaml"))
    assert high["decisions"]["risk_level"] in ("high", "critical")
    assert _cited_sections(high, "twente-2016")
    asylum = build(load_one(ROOT / "examples" / "azc-informatiemarkt.yaml"))
    assert _cited_sections(asylum, "asiel-2021")
    status = build(load_one(ROOT / "examples" / "statushouders-raad.yaml"))
    assert _cited_sections(status, "asiel-statushouders-2016")
