"""The Word memo (advise --format docx -o FILE): read back with python-docx."""
from __future__ import annotations

import json

import docx
import pytest
from click.testing import CliRunner
from conftest import ROOT

from cli import main

SAMPLE = ROOT / "examples" / "azc-demonstratie.yaml"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.mark.parametrize("path", [SAMPLE, ROOT / "examples" / "statushouders-rustig.yaml"], ids=lambda p: p.name)
def test_docx_has_headings_decision_table_and_action_list(path, tmp_path):
    out = tmp_path / "memo.docx"
    r = run("advise", path, "--format", "docx", "-o", out)
    assert r.exit_code == 0, r.output
    doc = json.loads(run("advise", path, "--format", "json").output)
    word = docx.Document(str(out))
    headings = [(p.style.name, p.text) for p in word.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    texts = [t for _, t in headings]
    assert any(s == "Title" and t.startswith("Memo: advies bewonersbijeenkomst") for s, t in headings)
    for want in ("Samenvatting", "De drie besluiten", "Wat in elk geval moet gebeuren", "Actielijst", "Scenarioplan"):
        assert want in texts, want
    assert any(t.startswith("Bijlage") for t in texts)
    assert any(s == "Heading 1" for s, _ in headings) and any(s == "Heading 2" for s, _ in headings)
    tables = [[[c.text for c in row.cells] for row in t.rows] for t in word.tables]
    decisions = next(t for t in tables if t[0] == ["Besluit", "Uitkomst", "Waarom"])
    assert [row[1] for row in decisions[1:]] == [d["label"] for d in doc["summary"]["decisions"]]
    actions = [t for t in tables if t[0] == ["Actie", "Wie", "Prioriteit"]]
    listed = {row[0] for t in actions for row in t[1:]}
    body = "\n".join(p.text for p in word.paragraphs)
    for r in doc["recommendations"]:
        assert r["title"] in listed or r["title"] in body, r["id"]


def test_docx_needs_a_file_and_never_goes_to_the_terminal():
    r = run("advise", SAMPLE, "--format", "docx")
    assert r.exit_code == 2 and "-o/--out" in r.output and len(r.output.strip().splitlines()) == 1


def test_docx_refuses_to_overwrite_its_input(tmp_path):
    f = tmp_path / "s.yaml"
    f.write_text(SAMPLE.read_text())
    r = run("advise", f, "--format", "docx", "-o", f)
    assert r.exit_code == 2 and f.read_text() == SAMPLE.read_text()
