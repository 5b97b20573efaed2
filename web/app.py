"""The HTTP API and the trainer's page: a thin layer over the same model, rules and renderers
as the command line.

Every request body is read with a size bound and parsed by the project's own loader
(``facts.loader.parse_text`` and ``validate``), so invalid input gives a 422 with exactly the
line the CLI prints for a file ``request.json`` holding the same scenario. No request reaches
the file system: the shipped examples are read once, at start, and looked up by name in memory.
The engine is not re-entrant, so the rules run one request at a time under a lock, each
request within a time limit.
"""
from __future__ import annotations

import asyncio
import functools
import re
import sys
import threading
from pathlib import Path
from typing import Any, Literal

import yaml
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import FileResponse, JSONResponse, PlainTextResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, ConfigDict, Field
from starlette.concurrency import run_in_threadpool

from facts.loader import MAX_BYTES, InputError, decode, parse_text, validate
from facts.scenario import Scenario
from plan.document import AdviceDocument, to_json

HERE = Path(__file__).resolve().parent
STATIC = HERE / "static"
#: the shipped examples: beside the program in a checkout, under the prefix when installed
EXAMPLE_DIRS = (HERE.parent / "examples", Path(sys.prefix) / "share" / "bijeenkomstwijzer" / "examples")

#: the name the body has in messages: the CLI says the same for a file request.json
REQUEST_FILE = "request.json"
REQUEST_YAML = "request.yaml"
REQUEST_NAME = "request"
YAML_TYPES = ("application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml")
#: seconds one request may take (the slowest, sensitivity, takes well under one)
TIME_LIMIT = 20.0
#: a sweep varies at most two fields, each over at most this many values
MAX_SWEEP_FIELDS = 2
MAX_SWEEP_VALUES = 25
LANGS = ("nl", "en")
Lang = Literal["nl", "en"]

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
       "font-src 'none'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'")

_LOCK = threading.Lock()  # the compiled engine keeps its state on itself: one run at a time


# --- request wrappers (documentation; the bodies are parsed by facts.loader) -------------

class _Request(BaseModel):
    model_config = ConfigDict(extra="forbid")


class WhatifRequest(_Request):
    scenario: Scenario
    changes: dict[str, Any] = Field(description="Field -> new value, as in a scenario file.")


class SweepField(_Request):
    field: str
    values: list[Any] | None = Field(None, description="The values to try; all values of an enumerated "
                                                          "field (visitors: the thresholds) when left out.")


class SweepRequest(_Request):
    scenario: Scenario
    vary: list[SweepField] = Field(min_length=1, max_length=MAX_SWEEP_FIELDS)
    ids: list[str] = Field([], description="Also show whether these entries are advised.")


class ExplainRequest(_Request):
    scenario: Scenario
    id: str | None = Field(None, description="A decision or an entry id; for an entry that is not "
                                                "advised: why not, and the smallest change that gives it.")


class ParseRequest(_Request):
    filename: str = Field(max_length=200, description="The uploaded file's name (decides YAML or JSON).")
    text: str


class ApiError(BaseModel):
    detail: str = Field(description="One line, as the CLI prints it (without the program name).")
    field: str | None = None


class Problem(Exception):
    """A request the API refuses, with its status and one line."""

    def __init__(self, status: int, detail: str, field: str | None = None):
        self.status, self.detail, self.field = status, detail, field
        super().__init__(detail)


# --- shared state, loaded once ----------------------------------------------------------

@functools.lru_cache(maxsize=1)
def examples() -> dict[str, Scenario]:
    """The shipped examples by file stem (read once; requests never name a path)."""
    from facts.loader import load_one
    for folder in EXAMPLE_DIRS:
        if folder.is_dir():
            return {p.stem: load_one(p) for p in sorted(folder.glob("*.yaml"))}
    return {}


def warm_up() -> None:
    """Load the knowledge base, compile the engine and run it once, at start."""
    import kb
    from rules.engine import evaluate, get_decision_engine
    kb.load()
    get_decision_engine()
    found = examples()
    if found:
        evaluate(next(iter(found.values())))
    form_fields("nl")


# --- reading requests --------------------------------------------------------------------

async def _body(request: Request) -> bytes:
    """The body, at most MAX_BYTES (the loader's limit for a file)."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > MAX_BYTES:
        raise Problem(413, f"{REQUEST_FILE}: the request is larger than the limit of {MAX_BYTES} bytes")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BYTES:
            raise Problem(413, f"{REQUEST_FILE}: the request is larger than the limit of {MAX_BYTES} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


async def _read(request: Request) -> tuple[Any, str]:
    """The body and the name it has in messages: JSON (strict, as a .json file), or YAML when
    sent as application/yaml."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    file = REQUEST_YAML if kind in YAML_TYPES else REQUEST_FILE
    data = parse_text(decode(await _body(request), file), file)
    if data is None:
        raise InputError(file, "the file is empty")
    return data, file


def _scenario(data: Any, file: str = REQUEST_FILE) -> Scenario:
    return validate(data, file, REQUEST_NAME)


def _wrapper(data: Any, file: str, required: tuple[str, ...], optional: tuple[str, ...] = ()) -> dict[str, Any]:
    """A request object {scenario, ...}: the scenario validated, the other keys checked."""
    if not isinstance(data, dict):
        raise InputError(file, f"the request must be an object with {', '.join(required)}")
    for key in data:
        if key not in required + optional:
            raise InputError(file, f"unknown field; one of: {', '.join(required + optional)}", str(key)[:40])
    for key in required:
        if key not in data:
            raise InputError(file, "required field is missing", key)
    return {**data, "scenario": _scenario(data["scenario"], file)}


async def _run(fn, *args):
    """Run ``fn`` in a worker thread, one at a time, within TIME_LIMIT seconds."""
    def locked():
        with _LOCK:
            return fn(*args)
    try:
        return await asyncio.wait_for(run_in_threadpool(locked), TIME_LIMIT)
    except asyncio.TimeoutError:
        raise Problem(503, f"{REQUEST_FILE}: the request took longer than {TIME_LIMIT:.0f} s") from None


# --- the form: generated from the scenario model --------------------------------------------

@functools.lru_cache(maxsize=2)
def form_fields(lang: str) -> dict[str, Any]:
    """What the page needs to draw the form and the grid: per field its kind, label, question,
    "why we ask", default and choices (the interview's sources); the decisions and their
    levels in order; the page's own words."""
    from facts.vocab import DECISIONS
    from interview import ASK_IF, _field_kind, default_for, questions
    from render.labels import field_label, value_label
    from web.texts import UI
    fields = []
    for name in questions():
        info = Scenario.model_fields[name]
        extra = info.json_schema_extra or {}
        kind, enum = _field_kind(name)
        item: dict[str, Any] = {
            "name": name, "kind": kind, "label": field_label(lang, name),
            "question": extra.get("x-question", {}).get(lang, ""),
            "why": extra.get("x-why", {}).get(lang, ""),
            "required": info.is_required(),
            "default": None if name in ("name", "initiator") else default_for(name, {}, lang),
        }
        if enum is not None:
            item["choices"] = [{"value": m.value, "label": value_label(lang, name, m.value)} for m in enum]
        elif kind == "bool":
            item["choices"] = [{"value": v, "label": value_label(lang, name, v)} for v in (False, True)]
        if name in ASK_IF:
            item["only_when"] = [{"field": f, "label": field_label(lang, f),
                                  "values": sorted(vs), "labels": [value_label(lang, f, v) for v in sorted(vs)]}
                                 for f, vs in ASK_IF[name].items()]
        fields.append(item)
    decisions = [{"name": key, "label": field_label(lang, key),
                  "levels": [{"value": m.value, "label": value_label(lang, key, m.value)} for m in vocab]}
                 for key, vocab in DECISIONS.items()]
    from render.labels import value_labels
    categories = value_labels("Category", lang)
    return {"lang": lang, "fields": fields, "decisions": decisions, "categories": categories,
            "priorities": value_labels("Priority", lang), "moments": value_labels("Moment", lang),
            "owners": value_labels("Owner", lang), "ui": UI[lang]}


# --- the computations (called under the lock) ------------------------------------------------

def _advise(scenario: Scenario, lang: str) -> str:
    from plan.build import build_document
    from rules.engine import evaluate
    return build_document(scenario, lang, evaluate(scenario)).to_json()


def _memo(scenario: Scenario, fmt: str, lang: str) -> str | bytes:
    from commands.advice import _render
    from rules.engine import evaluate
    return _render(scenario, evaluate(scenario), fmt, lang)


def _changes(scenario: Scenario, changes: Any, where: str = "changes") -> dict[str, Any]:
    from analysis.compare import changed, check_field
    if not isinstance(changes, dict):
        raise InputError(REQUEST_FILE, "must be an object of field -> value", where)
    for field in changes:
        check_field(str(field), where)
    changed(scenario, changes, where)  # an invalid value is named here, as the API's field
    return changes


def _whatif(scenario: Scenario, changes: dict[str, Any], lang: str) -> dict[str, Any]:
    from analysis.compare import whatif
    return whatif(scenario, _changes(scenario, changes), lang)


def _sweep(scenario: Scenario, vary: Any, ids: Any, lang: str) -> dict[str, Any]:
    import kb
    from analysis.compare import (
        changed,
        check_field,
        sweep,
        threshold_ranges,
        values_of,
    )
    if not isinstance(vary, list) or not vary:
        raise InputError("vary", "give one or two fields to vary, such as [{\"field\": \"existing_protest\"}]")
    if len(vary) > MAX_SWEEP_FIELDS:
        raise InputError("vary", f"at most {MAX_SWEEP_FIELDS} fields")
    plan, ranges = [], None
    for item in vary:
        if not isinstance(item, dict) or not isinstance(item.get("field"), str) or set(item) - {"field", "values"}:
            raise InputError("vary", "each item is {\"field\": NAME} with optional \"values\": [...]")
        field = item["field"]
        check_field(field, "vary")
        if field in [f for f, _ in plan]:
            raise InputError("vary", "this field is given twice; vary two different fields", field)
        values = item.get("values")
        if values is None:
            values = values_of(field)
            if field == "expected_visitors" and len(vary) == 1:
                ranges = threshold_ranges(values)
        elif not isinstance(values, list) or not values:
            raise InputError("vary", "values must be a non-empty list", field)
        if len(values) > MAX_SWEEP_VALUES:
            raise InputError("vary", f"{len(values)} values; at most {MAX_SWEEP_VALUES} per field", field)
        for value in values:
            changed(scenario, {field: value}, "vary")
        plan.append((field, values))
    if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
        raise InputError("ids", "must be a list of entry ids")
    for i in ids:
        if i not in kb.load().entries:
            raise InputError("ids", "unknown entry id", i[:60])
    steps = ("setup" if plan[0][0] == "expected_visitors" else "all") if len(plan) == 1 else None
    rows = sweep(scenario, plan, ids, steps=steps, lang=lang)
    current = scenario.model_dump(mode="json")
    return {"vary": [f for f, _ in plan], "current": {f: current[f] for f, _ in plan},
            **({"ranges": ranges} if ranges else {}), "rows": rows}


def _sensitivity(scenario: Scenario) -> dict[str, Any]:
    from analysis.compare import sensitivity
    return sensitivity(scenario)


def _explain(scenario: Scenario, only: Any, lang: str, fmt: str) -> str:
    import kb
    from analysis.explain import explain, why_not
    from render.trainer import explain_text, why_not_text
    if only is not None and not isinstance(only, str):
        raise InputError(REQUEST_FILE, "must be a decision or an entry id", "id")
    try:
        trees = explain(scenario, lang, only)
    except KeyError:
        if only not in kb.load().entries:
            raise InputError(REQUEST_FILE, f"{only[:60]!r} is not a decision or a knowledge-base entry", "id") from None
        result = why_not(scenario, only, lang)
        return to_json(result) if fmt == "json" else why_not_text(result, lang, "text")
    return to_json(trees) if fmt == "json" else explain_text(trees, lang, "text")


def _upload(filename: str, text: str) -> Scenario:
    """A scenario file the page read from the user's disk: parsed as the CLI parses a file of
    that name (YAML, or JSON for .json), without touching the server's file system."""
    base = re.sub(r"[^A-Za-z0-9._-]", "_", filename.replace("\\", "/").rsplit("/", 1)[-1])[:100] or "upload.yaml"
    data = parse_text(decode(text.encode("utf-8"), base), base)
    if data is None:
        raise InputError(base, "the file is empty")
    if isinstance(data, dict) and "scenarios" in data:
        raise InputError(base, "holds several scenarios; open a file with one scenario", "scenarios")
    stem = base.rsplit(".", 1)[0] if "." in base.strip(".") else base
    return validate(data, base, stem or base)


def _yaml(scenario: Scenario) -> str:
    return yaml.safe_dump(scenario.input_dict(), allow_unicode=True, sort_keys=False)


def _filename(scenario: Scenario, suffix: str) -> str:
    stem = re.sub(r"[^A-Za-z0-9_-]+", "-", (scenario.name or "advies")).strip("-")[:60] or "advies"
    return f"{stem}{suffix}"


# --- the app -------------------------------------------------------------------------------

def _json(text: str, status: int = 200) -> Response:
    return Response(content=text.encode("utf-8"), status_code=status, media_type="application/json")


def create_app(allowed_hosts: list[str] | None = None) -> FastAPI:
    """The FastAPI app. ``allowed_hosts``: the Host headers accepted (localhost only when the
    server binds to localhost, against DNS rebinding); None accepts any."""
    app = FastAPI(title="bijeenkomstwijzer", version=_version(), docs_url=None, redoc_url=None,
                  description="Advice for residents' meetings, every recommendation cited from five Dutch "
                              "guides. The same model, rules and documents as the command line.")

    @app.middleware("http")
    async def headers(request: Request, call_next):
        if allowed_hosts is not None:
            host = request.headers.get("host", "")
            host = host[1:].split("]")[0] if host.startswith("[") else host.split(":")[0]
            if host not in allowed_hosts:
                return JSONResponse({"detail": "unknown host; this server answers to localhost only"}, status_code=400)
        declared = request.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > MAX_BYTES:
            response = JSONResponse({"detail": f"{REQUEST_FILE}: the request is larger than the limit of "
                                               f"{MAX_BYTES} bytes"}, status_code=413)
        else:
            response = await call_next(request)
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Frame-Options"] = "DENY"
        response.headers["Cache-Control"] = "no-store"
        return response

    @app.exception_handler(InputError)
    async def input_error(request: Request, exc: InputError):
        return JSONResponse({"detail": exc.line(), "field": exc.field}, status_code=422)

    @app.exception_handler(Problem)
    async def problem(request: Request, exc: Problem):
        return JSONResponse({"detail": exc.detail, "field": exc.field}, status_code=exc.status)

    @app.exception_handler(RequestValidationError)
    async def query_error(request: Request, exc: RequestValidationError):
        from facts.loader import _describe
        field, msg = _describe(exc.errors()[0] | {"loc": exc.errors()[0]["loc"][-1:]})
        return JSONResponse({"detail": f"{field}: {msg}" if field else msg, "field": field}, status_code=422)

    errors = {422: {"model": ApiError, "description": "Invalid input: one line naming the field, as the CLI."},
              413: {"model": ApiError, "description": "The request is larger than 1 MB."}}

    def body_of(model: type[BaseModel]) -> dict[str, Any]:
        return {"requestBody": {"required": True, "content": {"application/json": {
            "schema": {"$ref": f"#/components/schemas/{model.__name__}"}}}}}

    # --- the page ---
    @app.get("/", include_in_schema=False)
    async def page():
        return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8")

    @app.get("/docs", include_in_schema=False)
    async def docs():
        return FileResponse(STATIC / "docs.html", media_type="text/html; charset=utf-8")

    @app.get("/favicon.ico", include_in_schema=False)
    async def favicon():
        return Response(status_code=204)

    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    # --- the API ---
    @app.post("/api/advise", response_model=AdviceDocument, responses=errors, openapi_extra=body_of(Scenario),
              summary="The advice document (byte-identical to `advise --format json`)")
    async def advise(request: Request, lang: Lang = "nl"):
        scenario = _scenario(*await _read(request))
        return _json(await _run(_advise, scenario, lang))

    @app.post("/api/memo", responses={**errors, 200: {"content": {"text/html": {}, "text/markdown": {}, (
              "application/vnd.openxmlformats-officedocument.wordprocessingml.document"): {}}}},
              openapi_extra=body_of(Scenario), summary="The memo as HTML, Markdown or Word (`advise --format ...`)")
    async def memo(request: Request, format: Literal["html", "markdown", "docx"] = "html",
                   lang: Lang = "nl"):
        scenario = _scenario(*await _read(request))
        data = await _run(_memo, scenario, format, lang)
        media, suffix = {"html": ("text/html; charset=utf-8", ".html"),
                         "markdown": ("text/markdown; charset=utf-8", ".md"),
                         "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx")}[format]
        return Response(content=data if isinstance(data, bytes) else data.encode("utf-8"), media_type=media,
                        headers={"Content-Disposition": f'attachment; filename="{_filename(scenario, suffix)}"'})

    @app.post("/api/scenario.yaml", responses={**errors, 200: {"content": {"application/yaml": {}}}},
              openapi_extra=body_of(Scenario), summary="The scenario as a YAML file (defaults filled in)")
    async def scenario_yaml(request: Request):
        scenario = _scenario(*await _read(request))
        return Response(content=_yaml(scenario).encode("utf-8"), media_type="application/yaml; charset=utf-8",
                        headers={"Content-Disposition": f'attachment; filename="{_filename(scenario, ".yaml")}"'})

    @app.post("/api/parse", responses=errors, openapi_extra=body_of(ParseRequest), response_model=Scenario,
              summary="Read an uploaded scenario file (YAML or JSON) as the CLI reads a file of that name")
    async def parse(request: Request):
        data, _ = await _read(request)
        if not isinstance(data, dict) or set(data) != {"filename", "text"} or not all(
                isinstance(data[k], str) for k in data):
            raise InputError(REQUEST_FILE, "give {\"filename\": NAME, \"text\": CONTENT}")
        return _json(to_json((await _run(_upload, data["filename"], data["text"])).input_dict()))

    @app.post("/api/whatif", responses=errors, openapi_extra=body_of(WhatifRequest),
              summary="The scenario and a changed one side by side (`whatif`)")
    async def whatif(request: Request, lang: Lang = "nl"):
        data = _wrapper(*await _read(request), ("scenario", "changes"))
        return _json(to_json(await _run(_whatif, data["scenario"], data["changes"], lang)))

    @app.post("/api/sweep", responses=errors, openapi_extra=body_of(SweepRequest),
              summary="The decisions for every value of one or two fields (`sweep`)")
    async def sweep(request: Request, lang: Lang = "nl"):
        data = _wrapper(*await _read(request), ("scenario", "vary"), ("ids",))
        return _json(to_json(await _run(_sweep, data["scenario"], data["vary"], data.get("ids", []), lang)))

    @app.post("/api/sensitivity", responses=errors, openapi_extra=body_of(Scenario),
              summary="Counterfactuals: what flips each decision (`sensitivity`)")
    async def sensitivity(request: Request):
        scenario = _scenario(*await _read(request))
        return _json(to_json(await _run(_sensitivity, scenario)))

    @app.post("/api/explain", responses={**errors, 200: {"content": {"text/plain": {}}}},
              openapi_extra=body_of(ExplainRequest),
              summary="HOW, and WHY NOT for an entry not advised (`explain`); format=text as the CLI prints it")
    async def explain(request: Request, lang: Lang = "nl", format: Literal["json", "text"] = "json"):
        data = _wrapper(*await _read(request), ("scenario",), ("id",))
        out = await _run(_explain, data["scenario"], data.get("id"), lang, format)
        return _json(out) if format == "json" else PlainTextResponse(out)

    @app.get("/api/schema", summary="JSON Schema of a scenario, or with output=true of the advice document")
    async def schema(output: bool = False):
        if output:
            from plan.document import json_schema
        else:
            from facts.schema import json_schema
        return _json(to_json(json_schema()))

    @app.get("/api/form", summary="The form of the page: fields, labels, choices, defaults, why we ask")
    async def form(lang: Lang = "nl"):
        return _json(to_json(form_fields(lang)))

    @app.get("/api/kb", summary="Every knowledge-base entry (`kb export --format json`)")
    async def knowledge():
        from analysis.knowledge import export
        return _json(to_json(export()))

    @app.get("/api/examples", summary="The shipped examples")
    async def example_list():
        return _json(to_json([{"name": stem, "title": s.name, "subject": s.subject.value}
                              for stem, s in examples().items()]))

    @app.get("/api/examples/{name}", response_model=Scenario, responses={404: {"model": ApiError}},
             summary="One shipped example by name (as in /api/examples)")
    async def example(name: str):
        found = examples().get(name)
        if found is None:
            raise Problem(404, f"{name[:60]!r}: no such example; one of: {', '.join(examples())}", "name")
        return _json(to_json(found.input_dict()))

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        spec = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
        schemas = spec.setdefault("components", {}).setdefault("schemas", {})
        for model in (Scenario, WhatifRequest, SweepRequest, ExplainRequest, ParseRequest):
            found = model.model_json_schema(ref_template="#/components/schemas/{model}")
            schemas.update(found.pop("$defs", {}))
            schemas[model.__name__] = found
        app.openapi_schema = spec
        return spec

    app.openapi = openapi
    return app


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version
    try:
        return version("bijeenkomstwijzer")
    except PackageNotFoundError:  # not installed: running from the checkout
        return "0"

