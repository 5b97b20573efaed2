"""One set of conventions (issue 12 item 5): every command's --help has an example, and the
shared flags -f/--format, -o/--out and -l/--lang are spelled the same wherever they apply;
errors carry one prefix; commands work from any directory."""
from __future__ import annotations

import os
import subprocess
import sys

import click
import pytest
from click.testing import CliRunner
from conftest import ROOT

from cli import main

#: Commands that show advice or decisions in words: they take -l/--lang.
LANG = {"advise", "explain", "whatif", "sweep", "sensitivity", "kb list", "kb show"}
#: Commands that print nothing to keep (a server): no -o/--out.
NO_OUT = {"serve"}


def _commands(cmd=main, path=()):
    yield " ".join(path), cmd
    if isinstance(cmd, click.Group):
        for name, sub in sorted(cmd.commands.items()):
            yield from _commands(sub, (*path, name))


COMMANDS = list(_commands())


@pytest.mark.parametrize("path, cmd", COMMANDS, ids=[p or "main" for p, _ in COMMANDS])
def test_help_has_an_example_and_the_shared_flags(path, cmd):
    r = CliRunner().invoke(main, [*path.split(), "--help"])
    assert r.exit_code == 0, r.output
    assert "Example" in r.output, f"{path or 'main'}: no example in --help"
    assert CliRunner().invoke(main, [*path.split(), "-h"]).output == r.output
    if isinstance(cmd, click.Group):
        return
    opts = {p.name: p.opts for p in cmd.params}
    if "fmt" in opts:
        assert opts["fmt"] == ["-f", "--format"] and "-f, --format" in r.output
    if path not in NO_OUT:
        assert opts.get("out") == ["-o", "--out"] and "-o, --out FILE" in r.output, path
    if path in LANG:
        assert opts.get("lang") == ["-l", "--lang"] and "-l, --lang [nl|en]" in r.output, path
    for name, spelled in opts.items():  # no command spells a shared flag differently
        if name in ("fmt", "out", "lang"):
            assert spelled == {"fmt": ["-f", "--format"], "out": ["-o", "--out"], "lang": ["-l", "--lang"]}[name]


SAMPLE = str(ROOT / "examples" / "azc-informatiemarkt.yaml")


@pytest.mark.parametrize("args", [
    ["advise", "/nonexistent.yaml"], ["explain", SAMPLE, "--id", "nope"], ["whatif", SAMPLE, "--set", "x=1"],
    ["sweep", SAMPLE, "--vary", "area", "--vary", "area"], ["sensitivity", "/nonexistent.yaml"],
    ["kb", "show", "nope"], ["kb", "list", "-f", "pdf"], ["advise", SAMPLE, "-o", "/nonexistent/x.txt"],
])
def test_errors_have_one_prefix_and_one_line(args):
    r = CliRunner().invoke(main, args)
    assert r.exit_code == 2
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("bijeenkomstwijzer: ") and "Traceback" not in r.stderr
    assert not lines[0].startswith("bijeenkomstwijzer: bijeenkomstwijzer:")


@pytest.mark.parametrize("args", [
    ["advise", SAMPLE], ["explain", SAMPLE, "--id", "setup.information_market", "-l", "en"],
    ["sweep", SAMPLE, "--vary", "expected_visitors"], ["kb", "list"], ["kb", "sources"], ["rules", "list"],
    ["schema"], ["kb", "coverage"],
])
def test_commands_work_from_any_directory(tmp_path, args):
    p = subprocess.run([sys.executable, str(ROOT / "cli.py"), *args], cwd=tmp_path, capture_output=True,
                       text=True, check=False, env={**os.environ, "COLUMNS": "80"})
    assert p.returncode == 0, p.stderr
    assert p.stdout.strip()


def test_out_writes_atomically_and_prints_nothing(tmp_path):
    for args in (["whatif", SAMPLE, "--set", "existing_protest=disorder"], ["kb", "list"], ["schema"]):
        target = tmp_path / "out.txt"
        r = CliRunner().invoke(main, [*args, "-o", str(target)])
        assert r.exit_code == 0 and r.stdout == "" and target.read_text().strip()
        assert not [f for f in tmp_path.iterdir() if f.name.startswith(".")]  # no temporary file left
