"""The interactive interview: questions generated from the scenario model.

Each question's text, reason and default come from the field in facts/scenario.py; the
choices carry the labels of render/labels.py. An answer may be the choice's number, its
label (either language, any case) or its code; ``?`` prints why the question is asked and
what it can change; ``<`` (or ``terug``/``back``) goes back one question. A review screen
lets the user change any answer by number before the advice is made.

Everything the interview says goes to stderr, so stdout carries only the advice.

Saved answers are a valid scenario file whose first line is a comment naming the
interview and its language (``# bijeenkomstwijzer-interview lang=nl``): ``--resume``
reads the language from it, and ``--save`` knows it may overwrite such a file.
"""
from __future__ import annotations

import os
import re
import tempfile
import time
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Any, get_args, get_origin

import click
import yaml

from facts.scenario import INPUT_FIELDS, MAX_VISITORS, Scenario
from render.labels import field_label, value_label, value_labels

YES = {"y", "yes", "j", "ja", "true"}
NO = {"n", "no", "nee", "false"}
BACK = {"<", "terug", "back"}
MARKER = "# bijeenkomstwijzer-interview"
MAX_NAME = Scenario.model_fields["name"].metadata[0].max_length if Scenario.model_fields["name"].metadata else 200

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

MESSAGES: dict[str, dict[str, str]] = {
    "nl": {
        "question": "Vraag {n} van {total}",
        "answer": "Antwoord",
        "hint": "? uitleg, < terug",
        "hint_list": "nummers of namen met komma's, - voor geen; ? uitleg, < terug",
        "required": "  Een antwoord is nodig: deze vraag heeft geen standaardantwoord.",
        "first": "  Dit is de eerste vraag; verder terug kan niet.",
        "choose": "  Kies een nummer van 1 tot en met {n}, of een van: {labels}.",
        "unknown_items": "  Onbekend: {bad}. Kies uit: {labels} (met komma's, - voor geen).",
        "yes_no": "  Antwoord ja of nee (j/n).",
        "number": "  Geef een heel getal van 0 tot en met {max}.",
        "name_empty": "  Geef een korte naam.",
        "name_long": "  De naam is te lang: hoogstens {max} tekens.",
        "name_control": "  De naam mag geen stuurtekens bevatten.",
        "coa_labour": "  Het COA kan geen initiatiefnemer zijn bij huisvesting van arbeidsmigranten; kies de gemeente of een particuliere partij.",
        "not_valid": "  Dit antwoord past niet: {msg}",
        "review": "Uw antwoorden:",
        "review_prompt": "Nummer om een antwoord te wijzigen, of Enter om het advies te maken",
        "review_bad": "  Kies een nummer van 1 tot en met {n}, of druk op Enter.",
        "reasked": "  Het opgeslagen antwoord voor '{field}' klopt niet ({msg}); die vraag komt opnieuw.",
        "default_name": "Bewonersbijeenkomst {date}",
        "yes": "ja", "no": "nee", "none": "geen",
        "stopped": "interview gestopt; de {n} antwoorden tot nu toe staan in {path} (verder met: bijeenkomstwijzer advise --resume {path})",
        "stopped_empty": "interview gestopt voor het eerste antwoord",
        "refused_final": "het antwoord voor '{field}' wordt geweigerd ({reason}); de antwoorden staan in {path} (verder met: bijeenkomstwijzer advise --resume {path}, die vraag komt dan opnieuw)",
        "lost": "interview gestopt; de antwoorden konden nergens worden opgeslagen ({reason})",
        "closing": "Antwoorden opgeslagen in {path}; memo: bijeenkomstwijzer advise {path} -f html -o memo.html",
    },
    "en": {
        "question": "Question {n} of {total}",
        "answer": "Answer",
        "hint": "? explain, < back",
        "hint_list": "numbers or names with commas, - for none; ? explain, < back",
        "required": "  An answer is needed: this question has no default.",
        "first": "  This is the first question; you cannot go further back.",
        "choose": "  Choose a number from 1 to {n}, or one of: {labels}.",
        "unknown_items": "  Unknown: {bad}. Choose from: {labels} (with commas, - for none).",
        "yes_no": "  Answer yes or no (y/n).",
        "number": "  Give a whole number from 0 to {max}.",
        "name_empty": "  Give a short name.",
        "name_long": "  The name is too long: at most {max} characters.",
        "name_control": "  The name may not contain control characters.",
        "coa_labour": "  COA cannot be the initiator for housing labour migrants; choose the municipality or a private party.",
        "not_valid": "  This answer does not fit: {msg}",
        "review": "Your answers:",
        "review_prompt": "Number to change an answer, or Enter to make the advice",
        "review_bad": "  Choose a number from 1 to {n}, or press Enter.",
        "reasked": "  The saved answer for '{field}' does not hold ({msg}); that question is asked again.",
        "default_name": "Residents' meeting {date}",
        "yes": "yes", "no": "no", "none": "none",
        "stopped": "interview stopped; the {n} answers so far are in {path} (continue with: bijeenkomstwijzer advise --resume {path})",
        "stopped_empty": "interview stopped before the first answer",
        "refused_final": "the answer for '{field}' is refused ({reason}); the answers are in {path} (continue with: bijeenkomstwijzer advise --resume {path}, which asks that question again)",
        "lost": "interview stopped; the answers could not be saved anywhere ({reason})",
        "closing": "Answers saved in {path}; memo: bijeenkomstwijzer advise {path} -f html -o memo.html",
    },
}


def msg(lang: str, key: str, **kw: Any) -> str:
    return MESSAGES[lang][key].format(**kw)


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
    """The fields asked, in model order: the name first."""
    return ["name"] + [f for f in INPUT_FIELDS if f != "name"]


def should_ask(field: str, answers: dict[str, Any]) -> bool:
    cond = ASK_IF.get(field)
    if not cond:
        return True
    return all((answers[k] if k in answers else default_for(k, answers)) in v for k, v in cond.items())


def plan(answers: dict[str, Any]) -> list[str]:
    """The questions that will really be asked, given the answers so far."""
    return [f for f in questions() if should_ask(f, answers)]


def default_for(field: str, answers: dict[str, Any], lang: str = "nl") -> Any:
    """The default offered for a question (None when the field is required)."""
    if field == "name":
        return msg(lang, "default_name", date=time.strftime("%Y-%m-%d"))
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


def _choices(enum: type[Enum]) -> dict[str, str]:
    """Every accepted spelling (lower case) -> code: number, code, nl and en label."""
    codes = [m.value for m in enum]
    out = {str(i): c for i, c in enumerate(codes, 1)}
    for lang in ("en", "nl"):
        out.update({lab.lower(): c for c, lab in value_labels(enum.__name__, lang).items()})
    out.update({c.lower(): c for c in codes})
    out.update({c.replace("_", " ").lower(): c for c in codes})
    return out


def _labels(enum: type[Enum], lang: str) -> str:
    return ", ".join(value_label(lang, enum.__name__, m.value) for m in enum)


def parse_answer(field: str, raw: str, lang: str = "nl", answers: dict[str, Any] | None = None) -> Any:
    """Turn typed text into a value for the field, or raise ValueError with a message in ``lang``."""
    kind, enum = _field_kind(field)
    raw = raw.strip()
    if kind == "enum":
        found = _choices(enum).get(raw.lower())
        if found is None:
            raise ValueError(msg(lang, "choose", n=len(enum), labels=_labels(enum, lang)))
        if (field == "initiator" and found == "coa"
                and (answers or {}).get("subject") == "labour_migrant_housing"):
            raise ValueError(msg(lang, "coa_labour"))
        return found
    if kind == "list":
        lookup = _choices(enum)
        items = [p.strip() for p in raw.replace(";", ",").split(",") if p.strip() and p.strip() != "-"]
        bad = [i for i in items if i.lower() not in lookup]
        if bad:
            raise ValueError(msg(lang, "unknown_items", bad=", ".join(bad), labels=_labels(enum, lang)))
        out: list[str] = []
        for i in items:
            if lookup[i.lower()] not in out:
                out.append(lookup[i.lower()])
        order = [m.value for m in enum]
        return sorted(out, key=order.index)
    if kind == "bool":
        if raw.lower() in YES:
            return True
        if raw.lower() in NO:
            return False
        raise ValueError(msg(lang, "yes_no"))
    if kind == "int":
        digits = raw.replace(".", "") if re.fullmatch(r"\d{1,3}(\.\d{3})+", raw) else raw  # 1.000
        if not re.fullmatch(r"\d{1,7}", digits):
            raise ValueError(msg(lang, "number", max=MAX_VISITORS))
        value = int(digits)
        if not 0 <= value <= MAX_VISITORS:
            raise ValueError(msg(lang, "number", max=MAX_VISITORS))
        return value
    if not raw:
        raise ValueError(msg(lang, "name_empty"))
    if len(raw) > MAX_NAME:
        raise ValueError(msg(lang, "name_long", max=MAX_NAME))
    if any(ord(c) < 32 or 127 <= ord(c) < 160 for c in raw):
        raise ValueError(msg(lang, "name_control"))
    return raw


def shown(field: str, value: Any, lang: str) -> str:
    """An answer as the user sees it (labels, ja/nee)."""
    if isinstance(value, list) and not value:
        return "-"
    return value_label(lang, field, value)


# --- saved answers ---------------------------------------------------------------------

def answers_text(answers: dict[str, Any], lang: str) -> str:
    """The answers as a scenario file with the interview's marker and language as a comment."""
    ordered = {f: answers[f] for f in questions() if f in answers}
    body = yaml.safe_dump(ordered, allow_unicode=True, sort_keys=False) if ordered else ""
    return f"{MARKER} lang={lang}\n{body}"


def write_answers(path: Path, answers: dict[str, Any], lang: str = "nl") -> None:
    """Write the answers as a scenario file, atomically, via facts.files.safe_write."""
    from facts.files import safe_write
    safe_write(str(path), answers_text(answers, lang))


def saved_language(text: str) -> str | None:
    """The language named in the marker line of saved answers, if any."""
    m = re.match(re.escape(MARKER) + r" lang=(nl|en)\b", text)
    return m.group(1) if m else None


def is_own_save(path: Path) -> bool:
    """True if ``path`` is missing, empty, or was written by the interview (marker line)."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(len(MARKER))
    except FileNotFoundError:
        return True
    except OSError:
        return False
    return head == b"" or head == MARKER.encode()


def is_plain_answers(path: Path) -> bool:
    """True if rewriting ``path`` as answers loses nothing: no comments, no ``expect``, only
    the interview's fields (an answers file of an older version, or one typed by hand)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
        data = yaml.safe_load(text)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return False
    if any(line.lstrip().startswith("#") or " #" in line for line in text.splitlines()):
        return False
    return isinstance(data, dict) and all(k in questions() for k in data)


def check_answers(data: dict[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
    """Split saved answers into the ones the model accepts and the ones it refuses
    (field -> reason); fields that are merely missing are not refused."""
    from pydantic import ValidationError
    kept = {k: v for k, v in data.items() if k in questions()}
    refused: dict[str, str] = {}
    for _ in range(len(kept) + 1):
        trial = {"subject": "asylum_reception", "phase": "exploration", "room_for_decision": "none",
                 "expected_visitors": 0, "existing_protest": "none", **kept}
        try:
            Scenario.model_validate(trial)
            break
        except ValidationError as exc:
            bad = {}
            for err in exc.errors():
                field = str(err["loc"][0]) if err["loc"] else ""
                if field in kept and field not in bad:
                    bad[field] = err["msg"]
            if not bad:
                break
            for field, reason in bad.items():
                refused[field] = reason
                kept.pop(field)
    return kept, refused


def load_answers(path: Path) -> tuple[dict[str, Any], dict[str, str], str | None]:
    """Answers saved by an earlier interview: (valid answers, refused field -> reason, language)."""
    from facts.loader import InputError, parse_text, read_text
    text = read_text(path)
    data = parse_text(text, str(path)) or {}
    if not isinstance(data, dict):
        raise InputError(str(path), "saved answers must be a mapping of fields")
    for key in data:
        if key not in questions():
            raise InputError(str(path), "unknown field in saved answers", str(key)[:40])
    kept, refused = check_answers(data)
    return kept, refused, saved_language(text)


def rescue_file(temporary: bool = False) -> Path:
    """A new file name for the answers of an interview without --save (the current folder
    when it exists and is writable, else – or when ``temporary`` – the temporary folder)."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    bases = []
    try:
        if not temporary:
            bases.append(Path.cwd())
    except OSError:  # the current folder was deleted
        pass
    bases.append(Path(tempfile.gettempdir()))
    for base in bases:
        if not os.access(base, os.W_OK | os.X_OK):
            continue
        path = base / f"bijeenkomstwijzer-antwoorden-{stamp}.yaml"
        n = 1
        while path.exists():
            n += 1
            path = base / f"bijeenkomstwijzer-antwoorden-{stamp}-{n}.yaml"
        return path
    return Path(tempfile.gettempdir()) / f"bijeenkomstwijzer-antwoorden-{stamp}.yaml"


# --- asking ----------------------------------------------------------------------------

def _say(text: str = "") -> None:
    click.echo(text, err=True)


def _read(prompt: str) -> str:
    """One line from the user; the prompt goes to stderr. EOF raises EOFError."""
    value = click.prompt(prompt, default="", show_default=False, err=True, prompt_suffix=": ")
    return str(value)


def _ask(field: str, answers: dict[str, Any], lang: str, position: tuple[int, int],
         why: Callable[[str, str], str] | None, previous: Any = None) -> Any:
    """Ask one question; return its value, or BACK when the user goes back."""
    kind, enum = _field_kind(field)
    default = previous if previous is not None else default_for(field, answers, lang)
    extra = Scenario.model_fields[field].json_schema_extra or {}
    _say()
    _say(f"{msg(lang, 'question', n=position[0], total=position[1])} – {field_label(lang, field)}")
    _say(extra.get("x-question", {}).get(lang, ""))
    if kind in ("enum", "list"):
        for i, m in enumerate(enum, 1):
            _say(f"  {i}. {value_label(lang, enum.__name__, m.value)}")
    if kind == "bool":
        choices = " (j/n)" if lang == "nl" else " (y/n)"
    else:
        choices = ""
    shown_default = None if default is None else shown(field, default, lang)
    hint = msg(lang, "hint_list" if kind == "list" else "hint")
    prompt = f"{msg(lang, 'answer')}{choices}" + (f" [{shown_default}]" if shown_default is not None else "")
    prompt += f" ({hint})"
    while True:
        raw = _read(prompt).strip()
        if raw == "?":
            _say("  " + extra.get("x-why", {}).get(lang, ""))
            if why:
                _say(why(field, lang))
            continue
        if raw.lower() in BACK:
            return BACK
        if not raw:
            if default is None:
                _say(msg(lang, "required"))
                continue
            return list(default) if isinstance(default, list) else default
        try:
            return parse_answer(field, raw, lang, answers)
        except ValueError as exc:
            _say(str(exc))


def _position(field: str, answers: dict[str, Any]) -> tuple[int, int]:
    asked = plan(answers)
    return (asked.index(field) + 1 if field in asked else len(asked)), len(asked)


def _fill(answers: dict[str, Any], lang: str, on_answer, why, stash: dict[str, Any],
          allow_back: bool = True) -> None:
    """Ask every relevant question not yet answered, in order, with going back."""
    history: list[str] = []
    while True:
        pending = [f for f in plan(answers) if f not in answers]
        if not pending:
            return
        field = pending[0]
        value = _ask(field, answers, lang, _position(field, answers), why, stash.get(field))
        if value is BACK:
            if not history:
                _say(msg(lang, "first"))
                continue
            prev = history.pop()
            stash[prev] = answers.pop(prev)
            continue
        answers[field] = value
        stash.pop(field, None)
        history.append(field)
        if on_answer:
            on_answer(answers)


def review(answers: dict[str, Any], lang: str, on_answer, why) -> None:
    """Show the answers numbered; change any by number until the user presses Enter."""
    while True:
        fields = plan(answers)
        _say()
        _say(msg(lang, "review"))
        for i, f in enumerate(fields, 1):
            _say(f"  {i:2}. {field_label(lang, f)}: {shown(f, answers.get(f), lang)}")
        raw = _read(msg(lang, "review_prompt")).strip()
        if not raw:
            return
        if not raw.isdigit() or not 1 <= int(raw) <= len(fields):
            _say(msg(lang, "review_bad", n=len(fields)))
            continue
        field = fields[int(raw) - 1]
        value = _ask(field, answers, lang, _position(field, answers), why, answers.get(field))
        if value is BACK:
            continue
        answers[field] = value
        for f, ok in list(answers.items()):  # an answer that no longer fits is asked again
            if f == "initiator" and ok == "coa" and answers.get("subject") == "labour_migrant_housing":
                answers.pop(f)
        if on_answer:
            on_answer(answers)
        _fill(answers, lang, on_answer, why, {})


def interview(lang: str, answers: dict[str, Any] | None = None,
              on_answer: Callable[[dict[str, Any]], None] | None = None,
              why: Callable[[str, str], str] | None = None, refused: dict[str, str] | None = None,
              confirm: bool = True) -> dict[str, Any]:
    """Ask every relevant question not yet answered, then the review; return the answers
    that apply (answers to questions that no longer apply are dropped).

    ``on_answer`` is called after each answer (to save progress); ``why(field, lang)`` may
    add what the answer can change to the ``?`` help; ``refused`` names saved answers that
    are asked again.
    """
    answers = dict(answers or {})
    for field, reason in (refused or {}).items():
        _say(msg(lang, "reasked", field=field_label(lang, field), msg=reason))
    _fill(answers, lang, on_answer, why, {})
    if confirm:
        review(answers, lang, on_answer, why)
    return {f: answers[f] for f in plan(answers) if f in answers}
