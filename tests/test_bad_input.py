"""Malformed and hostile scenario files (tests/bad/): one clear line, exit 2, nothing run."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli import main
from conftest import ROOT

BAD = sorted(p for p in (ROOT / "tests" / "bad").iterdir())
#: what the one-line message must name, beyond the file (the field, or the problem)
MENTIONS = {
    "misspelt-key.yaml": "existing_protests",
    "unknown-key.yaml": "colour",
    "duplicate-key.yaml": "phase",
    "duplicate-key.json": "subject",
    "missing-required.yaml": "subject",
    "visitors-absurd.yaml": "expected_visitors",
    "visitors-negative.yaml": "expected_visitors",
    "visitors-fraction.yaml": "expected_visitors",
    "phase-typo.yaml": "allowed values",
    "protest-unknown.yaml": "existing_protest",
    "stakeholders-string.yaml": "nearby_stakeholders",
    "python-object-tag.yaml": "tags",
    "billion-laughs.yaml": "alias",
    "too-large.yaml": "limit",
    "binary.yaml": "binary",
    "latin1.yaml": "UTF-8",
    "expect-unknown-id.yaml": "expect.includes",
    "directory.yaml": "directory",
    "empty.yaml": "empty",
    # issue 11: plain messages, not internals
    "int-5000-digits.yaml": "expected_visitors: a number of 5000 digits",
    "int-5000-digits.json": "far too large",
    "hex-4000-digits.yaml": "hexadecimal",
    "visitors-hex.yaml": "'0x15E' would be read as a hexadecimal",
    "visitors-tagged-hex.yaml": "expected_visitors: '0x15E'",
    "visitors-octal.yaml": "octal",
    "visitors-base60.yaml": "base 60",
    "visitors-underscore.yaml": "without '_'",
    "visitors-thousands-point.yaml": "thousands separator",
    "visitors-date.yaml": "'2024-01-01' is not a whole number",
    "stakeholders-hex.yaml": "'0x1F'",
    "key-yes.yaml": "yes: unknown field",
    "key-true.yaml": "a field name must be text, not true",
    "protest-no.yaml": "existing_protest: 'no' is not allowed",
    "expect-not-mapping.yaml": "expect: must be a mapping of fields",
    "merge-key.yaml": "merge keys",
    "set-tag.yaml": "'!!set' is not accepted",
    "bell-character.yaml": "U+0007 is not allowed",
    "utf16-be.yaml": "UTF-16",
    "utf32.yaml": "UTF-32",
    "utf16.yaml": "is UTF-16 text",
    "key-null.yaml": "a field name must be text",
    "utf16-no-bom.yaml": "UTF-16",
    "many-items.yaml": "more than 50000 lines",
    "many-items.json": "a list of more than 2000 items",
    "many-unknown-keys.yaml": "more than 50000 lines",
    "many-expect-ids.yaml": "more than 50000 values or lines",
    "many-nodes.yaml": "a list of more than 2000 items",
    "many-keys.yaml": "more than 200 fields in one mapping",
    "many-keys.json": "more than 200 fields in one mapping",
    "many-values.yaml": "more than 50000 values",
    "batch-output.json": "earlier 'batch' run",
    "shadow-like.yaml": "not a field name",
}
#: words that betray Python internals; no message may contain them
INTERNALS = ("datetime.", "instance of", "set_int_max_str_digits", "<unicode string>", "key True", "False is not",
             "Traceback", "Input should be")


def test_the_corpus_is_large_enough():
    assert len(BAD) >= 40


@pytest.mark.parametrize("path", BAD, ids=lambda p: p.name)
def test_advise_rejects_with_one_line_and_exit_2(path):
    r = CliRunner().invoke(main, ["advise", str(path)])
    assert r.exit_code == 2, r.output
    lines = r.output.strip().splitlines()
    assert len(lines) == 1, r.output
    assert lines[0].startswith(f"bijeenkomstwijzer: {path}")
    assert not any(word in r.output for word in INTERNALS), r.output
    assert not any(ch in lines[0] for ch in "\r\x1b\x07\x9b\u202e"), repr(lines[0])
    assert len(lines[0]) < 400, lines[0]
    if path.name in MENTIONS:
        assert MENTIONS[path.name] in lines[0]
    # the 2 s bound is measured in scripts/benchmark.py (bad), never in a timed test


def test_no_python_tag_runs_anything(tmp_path):
    marker = Path("/tmp/bijeenkomstwijzer-pwned")
    marker.unlink(missing_ok=True)
    for path in BAD:
        if "tag" in path.name:
            CliRunner().invoke(main, ["advise", str(path)])
    assert not marker.exists()


def test_batch_reports_every_bad_file_and_goes_on():
    r = CliRunner().invoke(main, ["batch", str(ROOT.parent / "shared" / "scenarios"), str(ROOT / "tests" / "bad"),
                                  "--format", "json"])
    assert r.exit_code == 2
    results = json.loads(r.stdout)
    good = [x for x in results if "/shared/scenarios/" in x["file"]]
    bad = [x for x in results if "/tests/bad/" in x["file"]]
    assert good and all(x["ok"] and not x["error"] for x in good)
    assert bad and all(x["error"] and not x["ok"] for x in bad)


def test_unreadable_file(tmp_path, monkeypatch):
    f = tmp_path / "secret.yaml"
    f.write_text("subject: asylum_reception\n")

    import facts.loader

    def deny(*args, **kwargs):  # root reads everything, so the refusal is simulated
        raise PermissionError(13, "Permission denied")
    monkeypatch.setattr(facts.loader, "_open_file", deny)
    r = CliRunner().invoke(main, ["advise", str(f)])
    assert r.exit_code == 2 and r.output.strip() == f"bijeenkomstwijzer: {f}: cannot be read (permission denied)"


def test_an_endless_device_is_refused_at_the_limit():
    r = CliRunner().invoke(main, ["advise", "/dev/zero"])
    assert r.exit_code == 2 and "larger than the limit" in r.output


def test_stdin_is_bounded_too():
    r = CliRunner().invoke(main, ["advise", "-"], input="a" * 1_100_000)
    assert r.exit_code == 2 and r.output.strip() == "bijeenkomstwijzer: <stdin>: file is larger than the limit of 1000000 bytes"


def test_input_errors_survive_pickling_for_batch_workers():
    import pickle
    from facts.loader import InputError
    err = pickle.loads(pickle.dumps(InputError("a.yaml", "bad value", "phase")))
    assert err.line() == "a.yaml: phase: bad value"
