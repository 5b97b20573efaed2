"""The findings of the adversarial review (issue 11), by class: nothing lost, nothing
injected, no traceback, no hang, nothing misread, the right exit code. Each test failed on the
code before the fix; the bad files themselves are in tests/bad/ (tests/test_bad_input.py)."""
from __future__ import annotations

import csv
import io
import json
import os
import signal
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli import main
from conftest import ROOT

EXAMPLE = ROOT / "examples" / "arbeidsmigranten-online.yaml"
BAD = ROOT / "tests" / "bad"
OK = ("subject: asylum_reception\nphase: decided\nroom_for_decision: none\n"
      "expected_visitors: 100\nexisting_protest: concerns\n")


def run(*args, input=None):
    return CliRunner().invoke(main, [str(a) for a in args], input=input)


def cli(*args, timeout=60, **kwargs):
    """The real program in a process of its own (signals, closed streams, pipes)."""
    return subprocess.run([sys.executable, str(ROOT / "cli.py"), *map(str, args)], capture_output=True,
                          timeout=timeout, **kwargs)


def no_traceback(r) -> bool:
    text = (r.stderr if isinstance(r.stderr, str) else r.stderr.decode()) if hasattr(r, "stderr") else r.output
    return "Traceback" not in text


# ---------------------------------------------------------------- data loss

def test_batch_out_onto_its_own_input_is_refused_and_nothing_touched(tmp_path):
    f = tmp_path / "input.yaml"
    f.write_text(EXAMPLE.read_text())
    f.chmod(0o644)
    before = f.read_bytes()
    r = run("batch", f, "--out", f)
    assert r.exit_code == 2 and "input of this run" in r.output
    assert f.read_bytes() == before and stat.S_IMODE(f.stat().st_mode) == 0o644
    assert not list(tmp_path.glob(".*.tmp"))


@pytest.mark.parametrize("target", ["/dev/null", "/dev/stdout"])
def test_out_to_a_device_is_refused_not_replaced(target):
    r = run("batch", EXAMPLE, "--out", target)
    assert r.exit_code == 2 and "not replaced" in r.output
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_out_to_a_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    r = run("batch", EXAMPLE, "--out", fifo)
    assert r.exit_code == 2 and "FIFO" in r.output and stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_out_through_a_symlink_writes_its_target_and_keeps_the_mode(tmp_path):
    target = tmp_path / "results.json"
    target.write_text("old")
    target.chmod(0o640)
    link = tmp_path / "link.json"
    link.symlink_to(target)
    r = run("batch", EXAMPLE, "--format", "json", "--out", link)
    assert r.exit_code == 0, r.output
    assert link.is_symlink() and json.loads(target.read_text())[0]["result"] == "passed"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_a_new_out_file_gets_the_umask_mode_not_0600(tmp_path):
    out = tmp_path / "new.json"
    old = os.umask(0o022)
    try:
        assert run("batch", EXAMPLE, "--out", out).exit_code == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE(out.stat().st_mode) == 0o644


def test_safe_write_refuses_an_existing_file_without_overwrite(tmp_path):
    from facts.files import OutputError, safe_write
    f = tmp_path / "s.yaml"
    f.write_text("keep")
    with pytest.raises(OutputError, match="already exists"):
        safe_write(f, "new", overwrite=False)
    with pytest.raises(OutputError, match="empty file name"):
        safe_write("", "new")
    assert f.read_text() == "keep"


def test_sigterm_between_write_and_rename_leaves_no_temporary_file(tmp_path):
    target = tmp_path / "out.json"
    target.write_text("old")
    script = textwrap.dedent(f"""
        import os, signal, sys
        sys.path.insert(0, {str(ROOT)!r})
        real = os.replace
        def replace(a, b):  # the signal arrives after the write, before the rename
            os.kill(os.getpid(), signal.SIGTERM)
            real(a, b)
        os.replace = replace
        from cli import main
        main(["batch", {str(EXAMPLE)!r}, "--out", {str(target)!r}])
    """)
    r = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=60)
    assert r.returncode == 130 and b"interrupted (SIGTERM)" in r.stderr
    assert target.read_text() == "old"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


# ---------------------------------------------------------------- security

def test_csv_cells_never_start_a_formula(tmp_path):
    f = tmp_path / "x.yaml"
    f.write_text(OK + "name: '=HYPERLINK(\"http://evil.example\",\"klik\")'\n")
    r = run("batch", f, "--format", "csv")
    rows = list(csv.reader(io.StringIO(r.stdout)))
    assert rows[0][3] == "result"
    assert rows[1][1].startswith("'=")
    assert all(not cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)


def test_batch_table_carries_no_terminal_escapes(tmp_path):
    f = tmp_path / "x.yaml"
    f.write_text(OK + 'name: "\\e]0;pwned\\a\\e[31mrood\\rOK"\n')
    r = run("batch", f)
    assert "\x1b" not in r.output and "\r" not in r.output and "\x07" not in r.output
    assert "rood" in r.output


def test_the_error_line_quotes_no_content_of_a_file_that_is_no_scenario():
    r = run("advise", BAD / "shadow-like.yaml")
    assert r.exit_code == 2 and "$6$" not in r.output and "h4sh" not in r.output


@pytest.mark.parametrize("name", ["key-carriage-return.yaml", "key-ansi.yaml", "key-bidi.yaml"])
def test_an_error_line_cannot_be_spoofed(name):
    r = run("advise", BAD / name)
    line = r.output.rstrip("\n")
    assert r.exit_code == 2 and "\n" not in line and "\r" not in line and "\x1b" not in line
    assert "\u202e" not in line and "OK, scenario valid" not in line


def test_safe_text_helpers():
    from render.safe import csv_cell, md_escape, one_line, plain
    assert plain("a\x1b[31mb\x1b]0;t\x07c\rd\x9b2Je") == "abcde"
    assert one_line("a\nb\r\nc\u2028d") == "a b c d"
    assert csv_cell("@SUM(A1)") == "'@SUM(A1)" and csv_cell("gewoon") == "gewoon"
    import markdown
    html = markdown.markdown(md_escape("[x](javascript:alert(1)) ![t](http://e/t.png) <b>\n# kop"),
                             extensions=["tables"])
    assert "<a " not in html and "<img" not in html and "<b>" not in html and "<h1>" not in html


# ---------------------------------------------------------------- crashes

@pytest.mark.parametrize("bad", ["int-5000-digits.yaml", "hex-4000-digits.yaml", "int-5000-in-list.yaml"])
@pytest.mark.parametrize("command", [["advise"], ["sensitivity"], ["whatif", "--set", "expected_visitors=10"],
                                     ["kb", "coverage"]])
def test_huge_numbers_are_one_line_everywhere(bad, command):
    r = run(*command, BAD / bad)
    assert r.exit_code == 2, r.output
    assert "Traceback" not in r.output and "set_int_max_str_digits" not in r.output


def test_huge_numbers_on_stdin_and_in_a_batch():
    r = run("advise", "-", input=(BAD / "int-5000-digits.yaml").read_text())
    assert r.exit_code == 2 and "far too large" in r.output
    r = run("batch", BAD / "int-5000-digits.yaml", EXAMPLE, "--format", "json")
    rows = json.loads(r.stdout)
    assert r.exit_code == 2 and [x["result"] for x in rows] == ["invalid", "passed"]


def test_kb_coverage_with_a_pattern_matching_nothing():
    r = run("kb", "coverage", "nomatch*.yaml")
    assert r.exit_code == 2 and "no file matches" in r.output


@pytest.mark.parametrize("args", [["advise", "-"], ["advise"]])
def test_closed_stdin(args):
    r = cli(*args, preexec_fn=lambda: os.close(0))
    # advise -: nothing to read (2); the interview: ended before the first answer (the interview's 130)
    assert r.returncode == (2 if "-" in args else 130) and no_traceback(r), r.stderr


def test_a_full_disk_is_one_line():
    with open("/dev/full", "w") as full:
        r = subprocess.run([sys.executable, str(ROOT / "cli.py"), "kb", "export"], stdout=full,
                           stderr=subprocess.PIPE, timeout=60)
    assert r.returncode == 2 and b"No space left" in r.stderr and b"Traceback" not in r.stderr


def _die(items):
    os._exit(9)  # the OOM killer, in a worker


def test_a_worker_killed_during_batch_gives_invalid_rows_not_a_traceback():
    from analysis.batch import evaluate_items, load_all
    items = load_all([str(ROOT / "examples")])
    rows = list(evaluate_items(items, jobs=2, run=_die))
    assert len(rows) == len(items)
    assert all(r["result"] == "invalid" and "worker process stopped" in r["error"] for r in rows)


def test_an_output_encoding_without_the_dash_still_prints():
    r = cli("advise", EXAMPLE, env={**os.environ, "PYTHONIOENCODING": "latin-1"})
    r2 = cli("advise", EXAMPLE, "--format", "markdown", env={**os.environ, "PYTHONIOENCODING": "ascii"})
    assert r.returncode == 0 and r2.returncode == 0 and no_traceback(r) and no_traceback(r2)
    assert r.stdout.decode("latin-1").startswith("Advies voor: ")


# ---------------------------------------------------------------- hangs and resources

def test_a_fifo_found_by_a_glob_or_named_does_not_block(tmp_path):
    os.mkfifo(tmp_path / "pipe.yaml")
    (tmp_path / "good.yaml").write_text(EXAMPLE.read_text())
    r = cli("batch", str(tmp_path / "*.yaml"), "--format", "json", timeout=60)
    rows = json.loads(r.stdout)
    assert r.returncode == 2 and {x["result"] for x in rows} == {"invalid", "passed"}
    assert any("FIFO" in (x["error"] or "") for x in rows)
    r = cli("kb", "coverage", str(tmp_path / "*.yaml"), timeout=60)
    assert r.returncode == 2 and b"FIFO" in r.stderr
    r = cli("advise", tmp_path / "pipe.yaml", timeout=60)  # named, nobody writes: empty
    assert r.returncode == 2 and b"empty" in r.stderr


def _children(pid: int) -> list[int]:
    out = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                out.append(int(entry.name))
    return out


def test_sigterm_on_batch_ends_its_workers(tmp_path):
    (tmp_path / "slow.py").write_text("import time\ndef run(items):\n    time.sleep(120)\n    return []\n")
    script = textwrap.dedent(f"""
        import sys
        sys.path[:0] = [{str(ROOT)!r}, {str(tmp_path)!r}]
        import cli, slow
        from analysis.batch import evaluate_items, load_all
        cli._signals()
        items = load_all([{str(ROOT / "examples")!r}])
        print("started", flush=True)
        try:
            list(evaluate_items(items, jobs=2, run=slow.run))
        except BaseException as exc:
            print(type(exc).__name__, flush=True)
            raise SystemExit(130)
    """)
    p = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert p.stdout.readline().strip() == "started"
    workers = []
    for _ in range(100):
        workers = _children(p.pid)
        if len(workers) >= 2:
            break
        time.sleep(0.1)
    assert workers
    p.send_signal(signal.SIGTERM)
    assert p.wait(timeout=30) == 130
    assert p.stdout.read().strip() == "Interrupted"
    time.sleep(0.5)
    assert not [w for w in workers if Path(f"/proc/{w}").exists()
                and "Z" not in (Path(f"/proc/{w}/stat").read_text().rsplit(")", 1)[1].split()[0])]


# ---------------------------------------------------------------- silent misreading

@pytest.mark.parametrize("written, read", [("017", 17), ("0400", 400), ("060", 60), ("+25", 25)])
def test_whole_numbers_are_read_in_decimal(tmp_path, written, read):
    from facts.loader import load_one
    f = tmp_path / "x.yaml"
    f.write_text(OK.replace("expected_visitors: 100", f"expected_visitors: {written}"))
    assert load_one(f).expected_visitors == read


def test_yes_and_no_are_words_and_true_false_booleans(tmp_path):
    from facts.loader import parse_text
    assert parse_text("a: no\nb: yes\nc: on\nd: true\ne: False\n", "x.yaml") == {
        "a": "no", "b": "yes", "c": "on", "d": True, "e": False}
    assert parse_text("d: 2024-01-01\n", "x.yaml") == {"d": "2024-01-01"}


def test_a_recursive_glob_lists_each_file_once(tmp_path):
    (tmp_path / "tree" / "sub").mkdir(parents=True)
    (tmp_path / "tree" / "sub" / "a.yaml").write_text(EXAMPLE.read_text())
    (tmp_path / "tree" / "b.yaml").write_text(EXAMPLE.read_text())
    r = run("batch", f"{tmp_path}/tree/**", "--format", "json")
    files = [x["file"] for x in json.loads(r.stdout)]
    assert len(files) == 2 and len(set(files)) == 2


# ---------------------------------------------------------------- exit codes and messages

def test_an_empty_folder_and_a_glob_matching_nothing_are_alike(tmp_path):
    (tmp_path / "empty").mkdir()
    a = run("batch", tmp_path / "empty", "--format", "json")
    b = run("batch", f"{tmp_path}/nothing-*.yaml", "--format", "json")
    assert a.exit_code == b.exit_code == 2
    assert json.loads(a.stdout)[0]["result"] == json.loads(b.stdout)[0]["result"] == "invalid"


def test_an_unreadable_subfolder_is_an_invalid_row(tmp_path, monkeypatch):
    (tmp_path / "good.yaml").write_text(EXAMPLE.read_text())
    import analysis.batch as b
    real = os.walk

    def walk(top, onerror=None, **kw):  # root reads everything, so the refusal is simulated
        onerror(PermissionError(13, "Permission denied", str(tmp_path / "locked")))
        yield from real(top, onerror=onerror, **kw)
    monkeypatch.setattr(b.os, "walk", walk)
    r = run("batch", tmp_path, "--format", "json")
    rows = json.loads(r.stdout)
    assert r.exit_code == 2 and [x["result"] for x in rows] == ["passed", "invalid"]
    assert "locked" in rows[1]["error"] and "permission denied" in rows[1]["error"]


def test_kb_coverage_works_from_any_directory_and_names_bad_paths(tmp_path):
    r = cli("kb", "coverage", "--format", "json", cwd=tmp_path)
    assert r.returncode in (0, 1) and json.loads(r.stdout)["scenarios"] > 10
    r = cli("kb", "coverage", tmp_path / "missing.yaml", cwd=tmp_path)
    assert r.returncode == 2 and b"missing.yaml: no such file" in r.stderr


def test_a_broken_pipe_exits_quietly():
    p = subprocess.run(f"'{sys.executable}' '{ROOT / 'cli.py'}' kb export | head -c 10 > /dev/null",
                       shell=True, capture_output=True, timeout=60, executable="/bin/bash")
    p2 = subprocess.run(f"set -o pipefail; '{sys.executable}' '{ROOT / 'cli.py'}' rules list | true",
                        shell=True, capture_output=True, timeout=60, executable="/bin/bash")
    assert p.returncode == 0 and p2.returncode == 0 and p.stderr == b"" and p2.stderr == b""


def test_a_closed_stdout_is_not_success():
    r = subprocess.run(f"'{sys.executable}' '{ROOT / 'cli.py'}' schema >&-", shell=True,
                       capture_output=True, timeout=60, executable="/bin/bash")
    assert r.returncode == 2 and b"standard output is closed" in r.stderr


@pytest.mark.parametrize("exc", [KeyboardInterrupt, "Interrupted"])
def test_an_interrupt_exits_130(monkeypatch, exc):
    import analysis.batch as b
    from facts.files import Interrupted
    error = Interrupted(signal.SIGTERM) if exc == "Interrupted" else exc()

    def stop(*args, **kwargs):
        raise error
    monkeypatch.setattr(b, "load_all", stop)
    r = run("batch", EXAMPLE)
    assert r.exit_code == 130 and "interrupted" in r.output


def test_advise_an_empty_name_and_a_bare_command():
    r = run("advise", "")
    assert r.exit_code == 2 and "empty file name" in r.output and "directory" not in r.output
    r = run()
    assert r.exit_code == 2 and "bijeenkomstwijzer: bijeenkomstwijzer:" not in r.output
    assert r.output.count("Usage:") == 1


def test_an_unexpected_error_is_one_line_exit_3(monkeypatch):
    import analysis.batch as b

    def bug(*args, **kwargs):
        raise ZeroDivisionError("oops")
    monkeypatch.setattr(b, "load_all", bug)
    r = run("batch", EXAMPLE)
    assert r.exit_code == 3 and len(r.output.strip().splitlines()) == 1 and "Traceback" not in r.output
