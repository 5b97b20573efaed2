"""The interview: labels, numbers and codes, going back, the review, stderr for prompts,
saving and rescuing answers (issue 12 item 1 and the interview findings of issue 11)."""
from __future__ import annotations

import json
import os
import re
import select
import signal
import subprocess
import sys
import time

import pytest
import yaml
from click.testing import CliRunner
from conftest import ROOT

from cli import main

PY = str(ROOT / ".venv" / "bin" / "python") if (ROOT / ".venv" / "bin" / "python").exists() else sys.executable

#: A Dutch interview answered with labels, numbers and codes; back twice; one change in the review.
SCRIPT = [
    "Sporthal",             # 1 name
    "asielopvang",          # 2 subject (Dutch label)
    "besluit genomen",      # 3 phase (Dutch label)
    "<",                    # room: back to the phase
    "",                     # phase again: Enter keeps 'besluit genomen'
    "1",                    # room_for_decision by number: geen
    "terug",                # implementation_room: back to the room
    "geen",                 # room again, by label
    "nee",                  # implementation_room
    "",                     # expected_visitors: required, so it says why it asks again
    "350",
    "concerns",             # existing_protest by code
    "n", "nee",             # outside_groups, threats_to_officials
    "",                     # social_media: default
    "LOKAAL",               # media_attention: label, any case
    "", "stedelijk", "fysiek", "", "",  # trust, area, format, council, initiator
    "kinderopvang, 1",      # nearby_stakeholders: a label and a number
    "",                     # supporting_initiatives
    "veiligheid",           # priority_value
    "6", "40",              # review: change answer 6 (expected visitors) to 40
    "",                     # review: done
]


def run(*args, input=None, env=None):
    return CliRunner().invoke(main, [str(a) for a in args], input=input, env=env)


def check_document(doc: dict) -> None:
    s = doc["scenario"]
    assert s["name"] == "Sporthal" and s["subject"] == "asylum_reception" and s["phase"] == "decided"
    assert s["room_for_decision"] == "none" and s["expected_visitors"] == 40
    assert s["existing_protest"] == "concerns" and s["media_attention"] == "local"
    assert s["area"] == "urban" and s["priority_value"] == "safety"
    assert s["nearby_stakeholders"] == ["school", "daycare"]
    assert doc["decisions"]["meeting_type"] == "inform"


def test_scripted_interview_in_dutch_labels_numbers_and_codes(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = run("advise", "-f", "json", input="\n".join(SCRIPT) + "\n")
    assert r.exit_code == 0, r.stderr
    check_document(json.loads(r.stdout))  # stdout is only the advice document
    assert "Vraag 1 van" in r.stderr and "Vraag 6 van 19" in r.stderr
    assert "  1. asielopvang" in r.stderr and "  2. kinderopvang" in r.stderr
    assert "Een antwoord is nodig" in r.stderr
    assert "Uw antwoorden:" in r.stderr and " 6. verwachte bezoekers: 350" in r.stderr
    assert "creativiteit" not in r.stderr.lower()  # skipped: cannot matter without room
    saved = list(tmp_path.glob("bijeenkomstwijzer-antwoorden-*.yaml"))
    assert len(saved) == 1
    assert f"Antwoorden opgeslagen in {saved[0]}; memo: bijeenkomstwijzer advise {saved[0]} -f html -o memo.html" in r.stderr
    assert yaml.safe_load(saved[0].read_text())["expected_visitors"] == 40


def test_name_is_asked_first_with_a_default(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = run("advise", input="\n")
    first = r.stderr.split("Vraag 2")[0]
    assert "Hoe noemt u deze situatie" in first and "[Bewonersbijeenkomst " in first


def test_dutch_errors_and_unknown_choices(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = run("advise", input="x\nvluchtelingen\nasielopvang\nbesluit genomen\ngeen\nmisschien\nja\nveel\n")
    assert "Kies een nummer van 1 tot en met 3, of een van: asielopvang" in r.stderr
    assert "Antwoord ja of nee (j/n)." in r.stderr
    assert "Geef een heel getal van 0 tot en met 100000." in r.stderr
    assert "choose one of" not in r.stderr and "give a whole number" not in r.stderr


def test_english_interview_accepts_yes_no_and_english_labels(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    answers = ["x", "asylum reception", "decided", "none", "yes", "350", "concerns"] + [""] * 9 + ["daycare"] + ["", ""] + [""]
    r = run("advise", "-l", "en", "-f", "json", input="\n".join(answers) + "\n")
    assert r.exit_code == 0, r.stderr
    doc = json.loads(r.stdout)
    assert doc["scenario"]["implementation_room"] is True and doc["scenario"]["nearby_stakeholders"] == ["daycare"]
    assert "Question 1 of" in r.stderr and "Your answers:" in r.stderr and "Vraag" not in r.stderr


def test_question_mark_help_for_subject_has_no_dangling_and(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = run("advise", input="x\n?\n")
    assert "Elk onderwerp heeft een eigen handreiking" in r.stderr
    assert "  Dit antwoord kan " in r.stderr
    assert not re.search(r"^\s+en \d+ aanbevelingen", r.stderr, re.MULTILINE)


def test_markdown_to_stdout_holds_only_the_memo(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = run("advise", "-f", "markdown", input="\n".join(SCRIPT) + "\n")
    assert r.exit_code == 0, r.stderr
    assert r.stdout.startswith("# ") and "Vraag 1 van" not in r.stdout and "(? uitleg, < terug)" not in r.stdout


# --- saving, resuming, rescuing ------------------------------------------------------

def test_resume_remembers_the_language(tmp_path):
    saved = tmp_path / "situatie.yaml"
    first = run("advise", "--save", saved, "-l", "en", input="Hall\nasylum_reception\n")
    assert first.exit_code == 130
    assert saved.read_text().startswith("# bijeenkomstwijzer-interview lang=en\n")
    assert yaml.safe_load(saved.read_text()) == {"name": "Hall", "subject": "asylum_reception"}
    second = run("advise", "--resume", saved, input="decided\n")
    assert "Which phase is the process in" in second.stderr and "In welke fase" not in second.stderr
    assert "interview stopped; the 3 answers so far are in" in second.stderr


def test_resume_reasks_saved_answers_that_do_not_hold_and_keeps_the_rest(tmp_path):
    saved = tmp_path / "situatie.yaml"
    saved.write_text("name: 12345\nsubject: asylum_reception\nphase: decided\nroom_for_decision: none\n"
                     "implementation_room: false\nexpected_visitors: \"350\"\nexisting_protest: concerns\n"
                     "nearby_stakeholders: school\n")
    rest = ["Sporthal", "350"] + [""] * 9 + ["school"] + ["", ""] + [""]
    r = run("advise", "--resume", saved, "--force", "-f", "json", input="\n".join(rest) + "\n")
    assert r.exit_code == 0, r.stderr
    for field in ("naam", "verwachte bezoekers", "belanghebbenden in de buurt"):
        assert f"Het opgeslagen antwoord voor '{field}' klopt niet" in r.stderr
    assert "In welke fase" not in r.stderr  # valid answers are kept
    doc = json.loads(r.stdout)
    assert doc["scenario"]["name"] == "Sporthal" and doc["scenario"]["expected_visitors"] == 350
    assert doc["scenario"]["nearby_stakeholders"] == ["school"]


def test_a_too_long_name_is_asked_again_and_no_answer_is_lost(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    answers = ["x" * 250, "Sporthal"] + SCRIPT[1:]
    r = run("advise", "-f", "json", input="\n".join(answers) + "\n")
    assert r.exit_code == 0, r.stderr
    assert "De naam is te lang: hoogstens 200 tekens." in r.stderr
    assert json.loads(r.stdout)["scenario"]["name"] == "Sporthal"


def test_a_saved_too_long_name_is_asked_again_on_resume(tmp_path):
    saved = tmp_path / "s.yaml"
    saved.write_text("# bijeenkomstwijzer-interview lang=nl\nname: " + "x" * 250 + "\nsubject: asylum_reception\n")
    r = run("advise", "--resume", saved, input="Kort\n")
    assert "Het opgeslagen antwoord voor 'naam' klopt niet" in r.stderr
    assert yaml.safe_load(saved.read_text())["name"] == "Kort"


def test_a_failed_final_check_rescues_the_answers(tmp_path, monkeypatch):
    import facts.loader
    from facts.loader import InputError

    def refuse(data, file, default_name):
        raise InputError(file, "refused for the test", "name")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(facts.loader, "validate", refuse)
    r = run("advise", input="\n".join(SCRIPT) + "\n")
    assert r.exit_code == 2
    saved = list(tmp_path.glob("bijeenkomstwijzer-antwoorden-*.yaml"))
    assert len(saved) == 1 and str(saved[0]) in r.stderr and "--resume" in r.stderr
    assert yaml.safe_load(saved[0].read_text())["expected_visitors"] == 40


def test_save_never_overwrites_a_complete_scenario_without_force(tmp_path):
    existing = tmp_path / "scenario.yaml"
    text = "# a hand-written case\n" + (ROOT / "examples" / "azc-informatiemarkt.yaml").read_text()
    existing.write_text(text)
    r = run("advise", "--save", existing, input="Sporthal\n")
    assert r.exit_code == 2 and "--force" in r.stderr and "Vraag" not in r.stderr
    assert existing.read_text() == text
    forced = run("advise", "--save", existing, "--force", input="Sporthal\n")
    assert forced.exit_code == 130 and yaml.safe_load(existing.read_text()) == {"name": "Sporthal"}
    again = run("advise", "--save", existing, input="Ander\n")  # the interview's own save
    assert again.exit_code == 130 and yaml.safe_load(existing.read_text()) == {"name": "Ander"}


@pytest.mark.parametrize("args", [("--save", ""), ("--resume", "")])
def test_empty_save_or_resume_is_refused(args):
    r = run("advise", *args, input="x\n")
    assert r.exit_code == 2 and "give a file name" in r.stderr and "Vraag" not in r.stderr


def test_unwritable_save_path_is_one_line_before_the_first_question(tmp_path):
    r = run("advise", "--save", tmp_path / "no-such-folder" / "s.yaml", input="x\n")
    assert r.exit_code == 2 and "Hoe noemt u" not in r.output and "Waar gaat het om" not in r.output
    assert len(r.stderr.strip().splitlines()) == 1 and "Traceback" not in r.stderr


def test_rescue_falls_back_to_the_temporary_folder_when_the_current_folder_is_gone(tmp_path):
    gone, tmp = tmp_path / "gone", tmp_path / "tmp"
    gone.mkdir()
    tmp.mkdir()
    code = ("import os, sys; os.chdir(sys.argv[1]); os.rmdir(sys.argv[1]); sys.argv = ['cli', 'advise'];"
            f"sys.path.insert(0, {str(ROOT)!r}); import cli; cli.main()")
    p = subprocess.run([PY, "-c", code, str(gone)], check=False, input="Sporthal\nasielopvang\n", capture_output=True,
                       text=True, env={**os.environ, "TMPDIR": str(tmp)}, cwd=str(tmp_path))
    assert p.returncode == 130, p.stderr
    rescued = list(tmp.glob("bijeenkomstwijzer-antwoorden-*.yaml"))
    assert len(rescued) == 1 and str(rescued[0]) in p.stderr and "Traceback" not in p.stderr
    assert yaml.safe_load(rescued[0].read_text()) == {"name": "Sporthal", "subject": "asylum_reception"}


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP])
def test_sigterm_and_sighup_rescue_the_answers(tmp_path, sig):
    p = subprocess.Popen([PY, str(ROOT / "cli.py"), "advise"], cwd=tmp_path, stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    p.stdin.write("Sporthal\nasielopvang\n")
    p.stdin.flush()
    err = _read_until(p.stderr, "Vraag 3 van")
    p.send_signal(sig)
    out, rest = p.communicate(timeout=60)
    err += rest
    assert p.returncode == 130, err
    rescued = list(tmp_path.glob("bijeenkomstwijzer-antwoorden-*.yaml"))
    assert len(rescued) == 1 and str(rescued[0]) in err and "Traceback" not in err
    assert yaml.safe_load(rescued[0].read_text()) == {"name": "Sporthal", "subject": "asylum_reception"}
    assert out == ""


def _read_until(stream, marker: str, limit: float = 60) -> str:
    """Read a pipe until ``marker`` appears (a guard against a hang, not a timing check)."""
    fd = stream.fileno()
    buf = b""
    deadline = time.monotonic() + limit
    while marker.encode() not in buf:
        ready, _, _ = select.select([fd], [], [], max(0.0, deadline - time.monotonic()))
        if not ready:
            raise AssertionError(f"no {marker!r} in {buf.decode(errors='replace')[-500:]}")
        chunk = os.read(fd, 65536)
        if not chunk:
            break
        buf += chunk
    return buf.decode(errors="replace")


# --- a real terminal ------------------------------------------------------------------

PROMPTS = ("terug): ", "advies te maken: ")


def test_interview_on_a_real_pseudo_terminal_with_stdout_to_a_pipe(tmp_path):
    """Questions on the terminal, answers typed there, the JSON advice alone on stdout."""
    import pty  # noqa: F401  (POSIX only; os.openpty below)
    master, slave = os.openpty()
    p = subprocess.Popen([PY, str(ROOT / "cli.py"), "advise", "-f", "json"], stdin=slave, stderr=slave,
                         stdout=subprocess.PIPE, cwd=str(tmp_path), close_fds=True)
    os.close(slave)
    seen = ""
    prompts = 0
    deadline = time.monotonic() + 120  # a guard against a hang, not a timing check
    try:
        for answer in SCRIPT:
            while sum(seen.count(m) for m in PROMPTS) <= prompts:
                ready, _, _ = select.select([master], [], [], max(0.0, deadline - time.monotonic()))
                assert ready, f"no prompt; the terminal shows: {seen[-800:]}"
                seen += os.read(master, 65536).decode(errors="replace")
            prompts = sum(seen.count(m) for m in PROMPTS)
            os.write(master, (answer + "\n").encode())
        out = p.stdout.read()
        p.wait(timeout=120)
        while True:  # drain the terminal
            ready, _, _ = select.select([master], [], [], 0.5)
            if not ready:
                break
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk.decode(errors="replace")
    finally:
        os.close(master)
        if p.poll() is None:
            p.kill()
    assert p.returncode == 0, seen[-2000:]
    check_document(json.loads(out))
    assert "Vraag 1 van" in seen and "Uw antwoorden:" in seen and "Antwoorden opgeslagen in" in seen


def test_out_may_not_overwrite_the_saved_answers(tmp_path):
    saved = tmp_path / "antwoorden.yaml"
    r = run("advise", "--save", saved, "-f", "markdown", "-o", saved, input="\n".join(SCRIPT) + "\n")
    assert r.exit_code == 2 and "Traceback" not in r.stderr
    assert yaml.safe_load(saved.read_text())["expected_visitors"] == 40  # the answers are still there
