"""The interactive interview: questions generated from the scenario model.

Each question's text, reason and default come from the field in facts/scenario.py; `?`
prints why the question is asked and what it can change. Answers can be saved after every
question (``save``), so an interrupted interview loses nothing.
"""
from __future__ import annotations

import os
import tempfile
import time
from enum import Enum
from pathlib import Path
from typing import Any, Callable, Optional, get_args, get_origin

import click
import yaml

from facts.scenario import INPUT_FIELDS, MAX_VISITORS, Scenario

YES = {"y", "yes", "j", "ja", "true", "1"}
NO = {"n", "no", "nee", "false", "0"}

#: Questions that only matter for some earlier answers (field -> {field: allowed values}).
ASK_IF: dict[str, dict[str, set[str]]] = {
    "creativity_needed": {"room_for_decision": {"open"}},
    "implementation_room": {"phase": {"decided", "implementation", "occupied"}},
    "municipality_supports_initiative": {"initiator": {"private"}},
}
#: Interview defaults that depend on earlier answers.
DEFAULT_IF: dict[str, Callable[[dict[str, Any]], Any]] = {
    "initiator": lambda a: "private" if a.get("subject") == "labour_migrant_housing" else "municipality",
}


def _field_kind(name: str) -> tuple[str, type[Enum] | None]:
    """How a field is asked: 'enum', 'list' (of an enum), 'bool', 'int' or 'text'."""
    ann = Scenario.model_fields[name].annotation
    if get_origin(ann) is tuple:
        return "list", get_args(ann)[0]
    inner = [a for a in get_args(ann) if a is not type(None)] or [ann]  # Optional[X] -> X
    kind = inner[0]
    if isinstance(kind, type) and issubclass(kind, Enum):
        return "enum", kind
    if kind is bool:
        return "bool", None
    if kind is int:
        return "int", None
    return "text", None


def questions() -> list[str]:
    """The fields asked, in model order (the name is asked last)."""
    return [f for f in INPUT_FIELDS if f != "name"] + ["name"]


def should_ask(field: str, answers: dict[str, Any]) -> bool:
    cond = ASK_IF.get(field)
    return not cond or all(answers.get(k) in v for k, v in cond.items())


def default_for(field: str, answers: dict[str, Any]) -> Any:
    """The default offered for a question (None when the field is required)."""
    if field in DEFAULT_IF:
        return DEFAULT_IF[field](answers)
    info = Scenario.model_fields[field]
    if info.is_required() or info.default is None:
        return None
    default = info.default
    if isinstance(default, Enum):
        return default.value
    if isinstance(default, tuple):
        return [getattr(v, "value", v) for v in default]
    return default


def parse_answer(field: str, raw: str) -> Any:
    """Turn typed text into a value for the field, or raise ValueError with the allowed values."""
    kind, enum = _field_kind(field)
    raw = raw.strip()
    if kind == "enum":
        values = [m.value for m in enum]
        if raw.isdigit() and 1 <= int(raw) <= len(values):
            return values[int(raw) - 1]
        if raw in values:
            return raw
        raise ValueError(f"choose one of: {', '.join(values)}")
    if kind == "list":
        values = [m.value for m in enum]
        items = [p.strip() for p in raw.replace(";", ",").split(",") if p.strip() and p.strip() != "-"]
        bad = [i for i in items if i not in values]
        if bad:
            raise ValueError(f"unknown {', '.join(bad)}; choose from: {', '.join(values)} (comma-separated, '-' for none)")
        return items
    if kind == "bool":
        if raw.lower() in YES:
            return True
        if raw.lower() in NO:
            return False
        raise ValueError("answer yes or no (j/n)")
    if kind == "int":
        try:
            value = int(raw)
        except ValueError:
            raise ValueError("give a whole number") from None
        if not 0 <= value <= MAX_VISITORS:
            raise ValueError(f"give a number from 0 to {MAX_VISITORS}")
        return value
    if not raw:
        raise ValueError("give a short name")
    return raw


def _extra(field: str, key: str, lang: str) -> str:
    extra = Scenario.model_fields[field].json_schema_extra or {}
    return extra.get(key, {}).get(lang, "")


def write_answers(path: Path, answers: dict[str, Any]) -> None:
    """Write the answers as a scenario file, atomically (temporary file, then rename)."""
    text = yaml.safe_dump(answers, allow_unicode=True, sort_keys=False)
    atomic_write(path, text)


def load_answers(path: Path) -> dict[str, Any]:
    """Answers saved by an earlier (interrupted) interview: known fields only, checked one by one."""
    from facts.loader import InputError, parse_text, read_text
    data = parse_text(read_text(path), str(path)) or {}
    if not isinstance(data, dict):
        raise InputError(str(path), "saved answers must be a mapping of fields")
    for key, value in data.items():
        if key not in questions():
            raise InputError(str(path), "unknown field in saved answers", str(key))
        try:
            parse_answer(key, _as_text(value))
        except ValueError as exc:
            raise InputError(str(path), str(exc), key) from None
    return dict(data)


def _as_text(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ", ".join(map(str, value)) or "-"
    return str(value)


def rescue_file() -> Path:
    """A new file for the answers of an interrupted interview without --save."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    for base in (Path.cwd(), Path(tempfile.gettempdir())):
        path = base / f"bijeenkomstwijzer-antwoorden-{stamp}.yaml"
        n = 1
        while path.exists():
            n += 1
            path = base / f"bijeenkomstwijzer-antwoorden-{stamp}-{n}.yaml"
        if os.access(base, os.W_OK):
            return path
    return path


def atomic_write(path: Path, text: str) -> None:
    """Kept for callers until they use facts.files.safe_write (raises OutputError)."""
    from facts.files import safe_write
    safe_write(path, text)


def interview(lang: str, answers: Optional[dict[str, Any]] = None,
              on_answer: Optional[Callable[[dict[str, Any]], None]] = None,
              why: Optional[Callable[[str, str], str]] = None) -> dict[str, Any]:
    """Ask every relevant question not yet answered; return the answers.

    ``on_answer`` is called after each answer (to save progress); ``why(field, lang)`` may
    add what the answer can change to the ``?`` help.
    """
    answers = dict(answers or {})
    for field in questions():
        if field in answers or not should_ask(field, answers):
            continue
        kind, enum = _field_kind(field)
        if field == "name":
            default = "interview"
        else:
            default = default_for(field, answers)
        text = _extra(field, "x-question", lang)
        if kind == "enum":
            text += " [" + " / ".join(m.value for m in enum) + "]"
        if kind == "list":
            default = ", ".join(default) if default else "-"
        if kind == "bool" and default is not None:
            default = ("ja" if default else "nee") if lang == "nl" else ("yes" if default else "no")
        text += " (?)"
        while True:
            raw = click.prompt(text, default=default, show_default=default is not None)
            if str(raw).strip() == "?":
                click.echo("  " + _extra(field, "x-why", lang))
                if why:
                    click.echo(why(field, lang))
                continue
            try:
                answers[field] = parse_answer(field, str(raw))
                break
            except ValueError as exc:
                click.echo(f"  {exc}")
        if on_answer:
            on_answer(answers)
    return answers
