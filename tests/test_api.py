"""The HTTP API (web/app.py) through FastAPI's TestClient, and `serve` as a real process.

The API is a thin layer over the CLI's functions: /api/advise must equal `advise --format
json` byte for byte, and invalid input must give the CLI's own line (for a file request.json
holding the same body) as the 422's detail.
"""
from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
import warnings

import pytest
import yaml
from click.testing import CliRunner
from conftest import EXAMPLES, ROOT

from cli import main

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette's note about httpx2
    from fastapi.testclient import TestClient

import web.app as webapp

SAMPLE = ROOT / "examples" / "azc-informatiemarkt.yaml"
YAML = {"Content-Type": "application/yaml"}


@pytest.fixture(scope="module")
def client():
    webapp.warm_up()
    return TestClient(webapp.create_app())


def cli(*args, cwd=None):
    runner = CliRunner()
    if cwd is None:
        return runner.invoke(main, [str(a) for a in args])
    old = os.getcwd()
    os.chdir(cwd)
    try:
        return runner.invoke(main, [str(a) for a in args])
    finally:
        os.chdir(old)


def cli_line(result) -> str:
    """The CLI's one-line message without the program's name."""
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0].removeprefix("bijeenkomstwijzer: ")


def sample() -> dict:
    return yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))


def post(client, path, body, **kw):
    return client.post(path, content=json.dumps(body).encode("utf-8") if not isinstance(body, (bytes, str)) else body,
                       headers=kw.pop("headers", {"Content-Type": "application/json"}), **kw)


# --- /api/advise: byte-identical to the CLI ----------------------------------------------------

@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_advise_is_byte_identical_to_the_cli_for_every_example(client, path, lang):
    expected = cli("advise", path, "--format", "json", "--lang", lang)
    assert expected.exit_code == 0, expected.output
    as_yaml = client.post(f"/api/advise?lang={lang}", content=path.read_bytes(), headers=YAML)
    assert as_yaml.status_code == 200, as_yaml.text
    assert as_yaml.headers["content-type"] == "application/json"
    assert as_yaml.content == expected.stdout_bytes
    as_json = post(client, f"/api/advise?lang={lang}", yaml.safe_load(path.read_text(encoding="utf-8")))
    assert as_json.content == expected.stdout_bytes


def test_advise_without_a_name_is_named_as_the_cli_names_request_json(client, tmp_path):
    data = {k: v for k, v in sample().items() if k not in ("name", "expect")}
    (tmp_path / "request.json").write_text(json.dumps(data), encoding="utf-8")
    expected = cli("advise", "request.json", "--format", "json", cwd=tmp_path)
    assert expected.exit_code == 0
    assert post(client, "/api/advise", data).content == expected.stdout_bytes


def test_advise_language_other_than_nl_or_en_is_422(client):
    r = post(client, "/api/advise?lang=de", sample())
    assert r.status_code == 422
    assert r.json()["field"] == "lang" and "'de'" in r.json()["detail"] and "\n" not in r.json()["detail"]


# --- 422: the CLI's line ------------------------------------------------------------------------

BAD_JSON = {
    "typo": lambda s: {**s, "expected_visitor": 10},
    "negative visitors": lambda s: {**s, "expected_visitors": -5},
    "too many visitors": lambda s: {**s, "expected_visitors": 10**9},
    "unknown value": lambda s: {**s, "existing_protest": "riot"},
    "missing subject": lambda s: {k: v for k, v in s.items() if k != "subject"},
    "coa with labour migrants": lambda s: {**s, "subject": "labour_migrant_housing", "initiator": "coa"},
    "stakeholders not a list": lambda s: {**s, "nearby_stakeholders": "school"},
    "boolean as text": lambda s: {**s, "outside_groups": "yes"},
    "a list": lambda s: [s],
    "unknown expectation": lambda s: {**s, "expect": {"includes": ["setup.nonexistent"]}},
}
BAD_TEXT = {
    "duplicate key": '{"subject": "asylum_reception", "subject": "asylum_reception"}',
    "not JSON": '{"subject": ',
    "empty": "",
    "a number": "12",
    "huge number": '{"expected_visitors": ' + "9" * 40 + "}",
}


def _same_line(client, tmp_path, body: bytes, name="request.json", path="/api/advise", headers=None):
    (tmp_path / name).write_bytes(body)
    expected = cli_line(cli("advise", name, "--format", "json", cwd=tmp_path))
    r = client.post(path, content=body, headers=headers or {"Content-Type": "application/json"})
    assert r.status_code == 422, r.text
    assert r.json()["detail"] == expected
    return r.json()


@pytest.mark.parametrize("case", sorted(BAD_JSON))
def test_invalid_scenario_gives_422_with_the_cli_line(client, tmp_path, case):
    body = json.dumps(BAD_JSON[case](sample())).encode("utf-8")
    found = _same_line(client, tmp_path, body)
    if isinstance(BAD_JSON[case](sample()), dict):
        assert found["field"], found  # the field is named


@pytest.mark.parametrize("case", sorted(BAD_TEXT))
def test_unreadable_body_gives_422_with_the_cli_line(client, tmp_path, case):
    _same_line(client, tmp_path, BAD_TEXT[case].encode("utf-8"))


def test_invalid_yaml_body_gives_the_cli_line_for_request_yaml(client, tmp_path):
    body = SAMPLE.read_bytes().replace(b"expected_visitors: 350", b"expected_visitors: 1.000")
    assert body != SAMPLE.read_bytes()
    found = _same_line(client, tmp_path, body, name="request.yaml", headers=YAML)
    assert found["field"] == "expected_visitors"


@pytest.mark.parametrize("path", ["/api/whatif", "/api/sweep", "/api/explain"])
def test_invalid_scenario_inside_a_request_gives_the_same_line(client, tmp_path, path):
    bad = {**sample(), "trust_in_government": "none"}
    (tmp_path / "request.json").write_text(json.dumps(bad), encoding="utf-8")
    expected = cli_line(cli("advise", "request.json", cwd=tmp_path))
    body = {"scenario": bad, "changes": {}} if path == "/api/whatif" else \
        {"scenario": bad, "vary": [{"field": "area"}]} if path == "/api/sweep" else {"scenario": bad}
    r = post(client, path, body)
    assert r.status_code == 422 and r.json()["detail"] == expected and r.json()["field"] == "trust_in_government"


def test_body_over_one_megabyte_is_refused(client):
    body = json.dumps({**sample(), "name": "x" * 1_100_000})
    r = client.post("/api/advise", content=body, headers={"Content-Type": "application/json"})
    assert r.status_code == 413 and "1000000 bytes" in r.json()["detail"]


def test_body_over_the_limit_without_a_length_is_refused(client):
    def chunks():
        for _ in range(12):
            yield b" " * 100_000
    r = client.post("/api/advise", content=chunks(), headers={"Content-Type": "application/json"})
    assert r.status_code == 413


# --- whatif, sweep, sensitivity, explain ---------------------------------------------------------

def test_whatif_equals_the_cli(client):
    expected = cli("whatif", SAMPLE, "--set", "existing_protest=demonstration", "-f", "json", "-l", "en")
    r = post(client, "/api/whatif?lang=en", {"scenario": sample(), "changes": {"existing_protest": "demonstration"}})
    assert r.status_code == 200 and r.content == expected.stdout_bytes
    data = r.json()
    assert data["before"]["decisions"]["police_visibility"] != data["after"]["decisions"]["police_visibility"]
    assert data["added"] and all({"id", "title", "category"} <= set(i) for i in data["added"])


@pytest.mark.parametrize("changes, field", [
    ({"existing_protest": "riot"}, "existing_protest"),
    ({"expected_visitor": 10}, "expected_visitor"),
    ({"name": "other"}, "name"),
    ({"expected_visitors": "many"}, "expected_visitors"),
])
def test_whatif_bad_changes_name_the_field(client, changes, field):
    r = post(client, "/api/whatif", {"scenario": sample(), "changes": changes})
    assert r.status_code == 422 and r.json()["field"] == field
    assert r.json()["detail"].startswith(f"changes: {field}: ")


def test_whatif_needs_changes_and_no_other_keys(client):
    r = post(client, "/api/whatif", {"scenario": sample()})
    assert r.status_code == 422 and r.json()["field"] == "changes"
    r = post(client, "/api/whatif", {"scenario": sample(), "changes": {}, "extra": 1})
    assert r.status_code == 422 and r.json()["field"] == "extra"


def test_sweep_of_two_fields_equals_the_cli(client):
    expected = cli("sweep", SAMPLE, "--vary", "existing_protest", "--vary", "trust_in_government", "-f", "json")
    r = post(client, "/api/sweep", {"scenario": sample(),
                                    "vary": [{"field": "existing_protest"}, {"field": "trust_in_government"}]})
    assert r.status_code == 200 and r.content == expected.stdout_bytes
    assert len(r.json()["rows"]) == 5 * 3


def test_sweep_of_visitor_thresholds_equals_the_cli(client):
    expected = cli("sweep", SAMPLE, "--vary", "expected_visitors", "-f", "json")
    r = post(client, "/api/sweep", {"scenario": sample(), "vary": [{"field": "expected_visitors"}]})
    assert r.content == expected.stdout_bytes and "ranges" in r.json()


def test_sweep_with_values_and_ids(client):
    r = post(client, "/api/sweep", {"scenario": sample(), "ids": ["setup.information_market"],
                                    "vary": [{"field": "expected_visitors", "values": [40, 400]}]})
    assert r.status_code == 200
    assert [row["values"]["expected_visitors"] for row in r.json()["rows"]] == [40, 400]
    assert all("setup.information_market" in row["ids"] for row in r.json()["rows"])


@pytest.mark.parametrize("vary, field", [
    ([{"field": "area"}, {"field": "format"}, {"field": "phase"}], None),      # three fields
    ([{"field": "expected_visitors", "values": list(range(30))}], "expected_visitors"),  # too many values
    ([{"field": "colour"}], "colour"),
    ([{"field": "area"}, {"field": "area"}], "area"),
    ([{"field": "area", "values": ["seaside"]}], "area"),
    ([], None),
    ("area", None),
])
def test_sweep_is_bounded_and_checked(client, vary, field):
    r = post(client, "/api/sweep", {"scenario": sample(), "vary": vary})
    assert r.status_code == 422, r.text
    assert r.json()["field"] == field
    assert "\n" not in r.json()["detail"]


def test_sweep_unknown_id(client):
    r = post(client, "/api/sweep", {"scenario": sample(), "vary": [{"field": "area"}], "ids": ["setup.nope"]})
    assert r.status_code == 422 and r.json()["field"] == "setup.nope"


def test_sensitivity_flips_equal_the_cli(client):
    expected = json.loads(cli("sensitivity", SAMPLE, "-f", "json").stdout)
    r = post(client, "/api/sensitivity", sample())
    assert r.status_code == 200
    assert r.json()["flips"] == expected
    assert set(r.json()["decisions"]) == {"meeting_type", "police_visibility", "risk_level"}
    assert post(client, "/api/sensitivity", {"subject": "asylum_reception"}).status_code == 422


@pytest.mark.parametrize("only", ["police_visibility", "setup.information_market", "setup.sounding_board_group", None])
@pytest.mark.parametrize("fmt", ["json", "text"])
def test_explain_equals_the_cli(client, only, fmt):
    args = ["explain", SAMPLE, "-f", fmt, "-l", "en"] + (["--id", only] if only else [])
    expected = cli(*args)
    assert expected.exit_code == 0
    r = post(client, f"/api/explain?lang=en&format={fmt}", {"scenario": sample(), **({"id": only} if only else {})})
    assert r.status_code == 200
    assert r.text.rstrip("\n") == expected.stdout.rstrip("\n")


def test_explain_why_not_gives_the_failing_condition_and_the_smallest_change(client):
    r = post(client, "/api/explain", {"scenario": sample(), "id": "setup.sounding_board_group"})
    data = r.json()
    assert data["advised"] is False and data["rules"][0]["failed"] and data["change"]
    after = post(client, "/api/advise", {**sample(), **data["change"]}).json()
    assert "setup.sounding_board_group" in {i["id"] for i in after["recommendations"]}


def test_explain_unknown_id_is_422(client):
    r = post(client, "/api/explain", {"scenario": sample(), "id": "setup.nope"})
    assert r.status_code == 422 and r.json()["field"] == "id"


def test_rules_run_within_the_time_limit(client, monkeypatch):
    def slow(scenario):
        time.sleep(1.0)
        return {}
    monkeypatch.setattr(webapp, "_sensitivity", slow)
    monkeypatch.setattr(webapp, "TIME_LIMIT", 0.05)
    r = post(client, "/api/sensitivity", sample())
    assert r.status_code == 503 and "longer than" in r.json()["detail"]


# --- memo, YAML, upload ----------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["html", "markdown"])
def test_memo_equals_the_cli(client, fmt):
    expected = cli("advise", SAMPLE, "--format", fmt)
    r = client.post(f"/api/memo?format={fmt}", content=SAMPLE.read_bytes(), headers=YAML)
    assert r.status_code == 200 and r.content == expected.stdout_bytes
    assert r.headers["content-disposition"].startswith("attachment; filename=")


def test_memo_as_word(client):
    r = client.post("/api/memo?format=docx", content=SAMPLE.read_bytes(), headers=YAML)
    assert r.status_code == 200 and r.content[:2] == b"PK"
    assert r.headers["content-disposition"].endswith('.docx"')
    assert client.post("/api/memo?format=pdf", content=SAMPLE.read_bytes(), headers=YAML).status_code == 422


def test_scenario_yaml_reads_back_as_the_same_scenario(client):
    from facts.loader import parse_text, validate
    data = {**sample(), "existing_protest": "organised", "name": "no: 'nee' <b>"}
    r = post(client, "/api/scenario.yaml", data)
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/yaml")
    again = validate(parse_text(r.text, "x.yaml"), "x.yaml", "x")
    assert again.input_dict() == validate(data, "y", "y").input_dict()


def test_upload_reads_yaml_as_the_cli_reads_the_file(client):
    r = post(client, "/api/parse", {"filename": "azc-informatiemarkt.yaml", "text": SAMPLE.read_text(encoding="utf-8")})
    from facts.loader import load_one
    assert r.status_code == 200 and r.json() == load_one(SAMPLE).input_dict()


@pytest.mark.parametrize("name, text", [
    ("mijn-situatie.yaml", "subject: asylum_reception\nphase: proposal\nexpected_visitors: 0x10\n"),
    ("mijn-situatie.yaml", "subject: asylum_reception\nsubject: asylum_reception\n"),
    ("mijn-situatie.json", '{"subject": "asylum_reception"'),
    ("leeg.yaml", ""),
])
def test_upload_errors_are_the_cli_line(client, tmp_path, name, text):
    (tmp_path / name).write_text(text, encoding="utf-8")
    expected = cli_line(cli("advise", name, cwd=tmp_path))
    r = post(client, "/api/parse", {"filename": name, "text": text})
    assert r.status_code == 422 and r.json()["detail"] == expected


def test_upload_name_cannot_reach_the_disk(client):
    r = post(client, "/api/parse", {"filename": "../../etc/passwd", "text": "subject: x\n"})
    assert r.status_code == 422
    assert r.json()["detail"].startswith("passwd: ")
    r = post(client, "/api/parse", {"filename": "a.yaml", "text": "x" * 1_000_001})
    assert r.status_code == 413 or "limit" in r.json()["detail"]


# --- GET endpoints ----------------------------------------------------------------------------------

def test_schema_equals_the_cli(client):
    assert client.get("/api/schema").json() == json.loads(cli("schema").stdout)
    assert client.get("/api/schema?output=true").json() == json.loads(cli("schema", "--output").stdout)


def test_kb_equals_kb_export(client):
    r = client.get("/api/kb")
    assert r.status_code == 200 and r.content == cli("kb", "export", "--format", "json").stdout_bytes


def test_examples_list_and_one(client):
    from facts.loader import load_one
    names = [e["name"] for e in client.get("/api/examples").json()]
    assert names == [p.stem for p in EXAMPLES]
    one = client.get(f"/api/examples/{SAMPLE.stem}")
    assert one.status_code == 200 and one.json() == load_one(SAMPLE).input_dict()


@pytest.mark.parametrize("name", ["nope", "..%2F..%2Fpyproject", "%2Fetc%2Fpasswd", "azc-informatiemarkt.yaml"])
def test_example_names_never_reach_the_disk(client, name):
    r = client.get(f"/api/examples/{name}")
    assert r.status_code == 404


def test_form_comes_from_the_scenario_model(client):
    from facts.scenario import INPUT_FIELDS, Scenario
    from render.labels import field_label
    for lang in ("nl", "en"):
        form = client.get(f"/api/form?lang={lang}").json()
        assert [f["name"] for f in form["fields"]] == ["name"] + [f for f in INPUT_FIELDS if f != "name"]
        protest = next(f for f in form["fields"] if f["name"] == "existing_protest")
        assert protest["label"] == field_label(lang, "existing_protest")
        assert protest["why"] == Scenario.model_fields["existing_protest"].json_schema_extra["x-why"][lang]
        assert [c["value"] for c in protest["choices"]] == ["none", "concerns", "organised", "demonstration", "disorder"]
        social = next(f for f in form["fields"] if f["name"] == "social_media")
        assert social["default"] == "quiet"
        assert [d["name"] for d in form["decisions"]] == ["meeting_type", "police_visibility", "risk_level"]


def test_openapi_documents_every_endpoint_with_the_project_models(client):
    spec = client.get("/openapi.json").json()
    for path in ("/api/advise", "/api/whatif", "/api/sweep", "/api/sensitivity", "/api/explain",
                 "/api/schema", "/api/kb", "/api/examples", "/api/examples/{name}"):
        assert path in spec["paths"], path
    assert {"Scenario", "AdviceDocument", "WhatifRequest", "SweepRequest", "ExplainRequest"} <= set(spec["components"]["schemas"])
    advise = spec["paths"]["/api/advise"]["post"]
    assert advise["requestBody"]["content"]["application/json"]["schema"]["$ref"].endswith("/Scenario")
    assert advise["responses"]["200"]["content"]["application/json"]["schema"]["$ref"].endswith("/AdviceDocument")


# --- the page: no outside resources, no HTML from data, strict CSP --------------------------------

STATIC = ROOT / "web" / "static"


def test_page_and_docs_need_no_network(client):
    for path in ("/", "/docs"):
        r = client.get(path)
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
        assert "default-src 'none'" in r.headers["content-security-policy"]
    for file in STATIC.iterdir():
        text = file.read_text(encoding="utf-8")
        assert not re.search(r"(?:https?:)?//[a-z0-9.-]+\.[a-z]{2,}", text, re.IGNORECASE), file.name
    csp = client.get("/api/examples").headers["content-security-policy"]
    for directive in ("script-src 'self'", "connect-src 'self'", "frame-ancestors 'none'"):
        assert directive in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp


def test_scripts_never_write_html():
    for name in ("app.js", "docs.js"):
        text = (STATIC / name).read_text(encoding="utf-8")
        for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
            assert sink not in text, (name, sink)


def test_localhost_only_app_refuses_other_hosts():
    local = TestClient(webapp.create_app(allowed_hosts=["127.0.0.1", "localhost"]), base_url="http://127.0.0.1")
    assert local.get("/api/examples").status_code == 200
    assert local.get("/api/examples", headers={"Host": "attacker.example"}).status_code == 400


# --- serve as a process: one line, Ctrl-C, the warning ----------------------------------------------

def test_serve_listens_on_localhost_says_where_and_stops_on_ctrl_c():
    import urllib.request
    proc = subprocess.Popen([sys.executable, str(ROOT / "cli.py"), "serve", "--port", "0"], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline()
        found = re.fullmatch(r"bijeenkomstwijzer: listening on http://127\.0\.0\.1:(\d+)/ .*\n", line)
        assert found, line
        with urllib.request.urlopen(f"http://127.0.0.1:{found.group(1)}/api/examples", timeout=10) as r:
            assert r.status == 200 and json.loads(r.read())
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 130
    assert err.strip().splitlines() == ["bijeenkomstwijzer: stopped (Ctrl-C)"]
    assert "Traceback" not in err


def test_serve_warns_when_not_on_localhost():
    # 192.0.2.1 (TEST-NET-1) is not on this machine: the warning comes, then the bind fails cleanly
    r = subprocess.run([sys.executable, str(ROOT / "cli.py"), "serve", "--host", "192.0.2.1", "--port", "0"],
                       check=False, capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
    lines = r.stderr.strip().splitlines()
    assert "no login" in lines[0] and "192.0.2.1" in lines[0]
    assert r.returncode == 2 and lines[-1].startswith("bijeenkomstwijzer: serve: cannot listen on 192.0.2.1:0")


def test_serve_port_in_use_is_one_line():
    import socket
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        r = subprocess.run([sys.executable, str(ROOT / "cli.py"), "serve", "--port", str(port)],
                           check=False, capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
    assert r.returncode == 2 and len(r.stderr.strip().splitlines()) == 1 and "in use" in r.stderr


def test_is_local():
    from commands.serve import is_local
    assert is_local("127.0.0.1") and is_local("localhost") and is_local("::1") and is_local("127.0.0.2")
    assert not is_local("0.0.0.0") and not is_local("192.168.1.10") and not is_local("example.org")
