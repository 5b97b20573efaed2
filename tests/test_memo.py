"""The memo (Markdown, HTML): page 1 is the summary, at most 6 A4 pages before the annex, every value in the memo's language, nothing injected from the input."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import unicodedata

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES, ROOT

from cli import main
from facts import vocab
from facts.scenario import INPUT_FIELDS

SAMPLE = ROOT / "examples" / "azc-informatiemarkt.yaml"
BROWSER = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
VOCABS = (vocab.Subject, vocab.Phase, vocab.Room, vocab.Protest, vocab.SocialMedia, vocab.Media, vocab.Trust,
          vocab.Area, vocab.Format, vocab.Initiator, vocab.Stakeholder, vocab.PriorityValue, vocab.Scale,
          vocab.MeetingType, vocab.PoliceVisibility, vocab.RiskLevel, vocab.Category, vocab.Priority,
          vocab.Moment, vocab.Owner)
#: English codes that are Dutch words too (or a name: COA)
DUTCH_TOO = {"open", "online", "school", "discreet", "coa", "college", "initiator", "private"}


def run(*args, env=None):
    return CliRunner().invoke(main, [str(a) for a in args], env=env)


def before_annex(memo: str, lang: str) -> str:
    head = "## Bijlage" if lang == "nl" else "## Annex"
    assert head in memo
    return memo.split(head)[0]


def _words(text: str) -> set[str]:
    return set(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", text))


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_nl_memo_before_the_annex_has_no_codes_english_values_or_rule_names(path):
    from rules.engine import catalog
    doc = json.loads(run("advise", path, "--format", "json").output)
    text = before_annex(run("advise", path, "--format", "markdown").output, "nl")
    text = text.replace("\\", "").replace(doc["scenario"]["name"], "")
    words = _words(text.replace("\\", ""))
    codes = set(INPUT_FIELDS) | {"scale", "risk_level", "meeting_type", "police_visibility"}
    english = {v.value for vs in VOCABS for v in vs} - DUTCH_TOO
    rules = {r.name for r in catalog()}
    assert not words & codes, words & codes
    assert not words & english, words & english
    assert not words & rules, words & rules
    assert not re.search(r"\b[a-z]+_[a-z_]+\b", text), re.search(r"\b[a-z]+_[a-z_]+\b", text)
    assert not re.search(r"\b(setup|security|police|process|aftercare|communication|escalation|warning|tradeoff)"
                         r"\.[a-z_]+", text)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_en_memo_before_the_annex_has_no_dutch_values(path):
    from render.labels import value_labels
    doc = json.loads(run("advise", path, "--format", "json").output)
    text = before_annex(run("advise", path, "--format", "markdown", "--lang", "en").output, "en")
    text = text.replace("\\", "").replace(doc["scenario"]["name"], "")
    dutch = set()
    for v in VOCABS + (type("bool", (), {}),):
        name = v.__name__
        nl, en = value_labels(name, "nl"), value_labels(name, "en")
        dutch |= {label for code, label in nl.items() if label != en.get(code)}
    found = [d for d in dutch if re.search(rf"(?<![\w-]){re.escape(d)}(?![\w-])", text)]
    assert not found, found


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def _pdf_pages(html: str, tmp_path) -> list[str]:
    from pypdf import PdfReader
    page = tmp_path / "memo.html"
    page.write_text(html, encoding="utf-8")
    pdf = tmp_path / "memo.pdf"
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", f"--user-data-dir={tmp_path / 'profile'}"]
    subprocess.run([BROWSER, *flags, f"--print-to-pdf={pdf}", "--no-pdf-header-footer", page.as_uri()],
                   capture_output=True, timeout=120, check=False)
    return [p.extract_text() for p in PdfReader(str(pdf)).pages]


@pytest.mark.skipif(BROWSER is None, reason="no Chromium installed: the memo's pages cannot be printed here")
@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_printed_memo_page_one_is_the_summary_and_the_body_fits_six_pages(path, tmp_path):
    doc = json.loads(run("advise", path, "--format", "json").output)
    pages = _pdf_pages(run("advise", path, "--format", "html").output, tmp_path)
    first = _norm(pages[0])
    assert _norm("Samenvatting") in first
    for d in doc["summary"]["decisions"]:
        assert _norm(d["label"]) in first, d["label"]
    titles = {r["id"]: r["title"] for r in doc["recommendations"]}
    for rid in doc["summary"]["essentials"]:
        assert _norm(titles[rid]) in first, titles[rid]
    annex = next(i for i, t in enumerate(pages) if _norm("Bijlage:") in _norm(t))
    assert annex <= 6, f"{path.name}: {annex} pages before the annex"


# --- injection (issue 11): free text from the input stays text ---------------------------------

def _with_name(tmp_path, name: str):
    f = tmp_path / "x.yaml"
    f.write_text(SAMPLE.read_text().replace("name: Noodopvang sporthal, informatiemarkt",
                                            "name: " + json.dumps(name)), encoding="utf-8")
    return f


def test_a_markdown_link_in_the_name_is_no_link(tmp_path):
    f = _with_name(tmp_path, "[x](javascript:alert(1))")
    html = run("advise", f, "--format", "html").output
    assert not re.search(r"<a\b", html) and "href" not in html


def test_a_markdown_image_in_the_name_loads_nothing(tmp_path):
    f = _with_name(tmp_path, "![t](http://tracker.example/track.png)")
    html = run("advise", f, "--format", "html").output
    assert "<img" not in html and not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)
    md = run("advise", f, "--format", "markdown").output
    assert "![t](http" not in md


def test_a_newline_in_the_name_injects_no_markdown_block(tmp_path):
    f = _with_name(tmp_path, "Hal\n\n# Ingevoegd\n\n- punt\n\n<script>alert(1)</script>")
    md = run("advise", f, "--format", "markdown").output
    assert not re.search(r"^# Ingevoegd", md, re.MULTILINE) and not re.search(r"^- punt", md, re.MULTILINE)
    html = run("advise", f, "--format", "html").output
    assert "<h1>Ingevoegd" not in html and "<script" not in html


def test_html_allows_only_links_within_the_page():
    from render.memo import sanitize
    out = sanitize('<p><a href="javascript:x">a</a> <a href="#s">b</a> <img src="http://x/y.png"></p>')
    assert out == '<p><a>a</a> <a href="#s">b</a> </p>'


def test_text_output_shows_no_terminal_escapes(tmp_path):
    f = _with_name(tmp_path, "Hal\x1b[31m rood\x1b]0;titel\x07 \x9b2J einde\r")
    for args in ((), ("--detail",), ("--lang", "en")):
        out = run("advise", f, *args).output
        assert "\x1b" not in out and "\x07" not in out and "\x9b" not in out and "\r" not in out
        assert out.startswith(("Advies voor: Hal rood", "Advice for: Hal rood"))
