"""Reading scenario files safely: YAML or JSON, size-limited, duplicate keys and
object-constructing tags rejected, aliases bounded, every error one line that names
the file and the field."""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from facts.scenario import Scenario

MAX_BYTES = 1_000_000
MAX_ALIASES = 20
MAX_DEPTH = 50


class InputError(Exception):
    """Invalid input: carries the file, the field (if any) and a one-line message."""

    def __init__(self, file: str, message: str, field: str | None = None):
        self.file, self.field, self.message = file, field, message
        super().__init__(self.line())

    def line(self) -> str:
        where = f"{self.file}: {self.field}: " if self.field else f"{self.file}: "
        return (where + self.message).replace("\n", " ")

    def __reduce__(self):  # picklable, so batch workers can send errors back
        return (InputError, (self.file, self.message, self.field))


class _SafeLoader(yaml.SafeLoader):
    """SafeLoader that rejects duplicate keys and counts aliases (billion laughs)."""

    def __init__(self, stream):
        super().__init__(stream)
        self._aliases = 0
        self._depth = 0

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            self._aliases += 1
            if self._aliases > MAX_ALIASES:
                raise yaml.YAMLError(f"more than {MAX_ALIASES} aliases (an alias bomb?)")
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise yaml.YAMLError(f"nested more than {MAX_DEPTH} levels deep")
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def construct_mapping(self, node, deep=False):
        if isinstance(node, yaml.MappingNode):
            seen = set()
            for key_node, _ in node.value:
                key = self.construct_object(key_node, deep=True)
                try:
                    duplicate = key in seen
                except TypeError:
                    raise yaml.constructor.ConstructorError(
                        None, None, "a key must be plain text", key_node.start_mark)
                if duplicate:
                    raise DuplicateKey(str(key), key_node.start_mark.line + 1)
                seen.add(key)
        return super().construct_mapping(node, deep=deep)


class DuplicateKey(yaml.YAMLError):
    def __init__(self, key: str, line: int):
        self.key, self.line = key, line
        super().__init__(f"duplicate key {key!r} (line {line})")


def _no_duplicate_pairs(pairs):
    seen = {}
    for key, value in pairs:
        if key in seen:
            raise DuplicateKey(key, 0)
        seen[key] = value
    return seen


def parse_text(text: str, file: str) -> Any:
    """Parse YAML or JSON text (JSON is YAML, but is parsed strictly when it looks like it)."""
    if not text.strip():
        return None
    if file.endswith(".json"):
        try:
            return json.loads(text, object_pairs_hook=_no_duplicate_pairs)
        except DuplicateKey as exc:
            raise InputError(file, "duplicate key (a typo must not silently change advice)", exc.key)
        except ValueError as exc:
            raise InputError(file, f"not valid JSON: {exc}")
        except RecursionError:
            raise InputError(file, "not valid JSON: nested too deeply")
    try:
        return yaml.load(text, Loader=_SafeLoader)  # noqa: S506 - _SafeLoader is a SafeLoader
    except DuplicateKey as exc:
        raise InputError(file, f"duplicate key on line {exc.line} (a typo must not silently change advice)", exc.key)
    except yaml.constructor.ConstructorError as exc:
        mark = f" on line {exc.problem_mark.line + 1}" if exc.problem_mark else ""
        problem = exc.problem or "cannot be read"
        if "could not determine a constructor" in problem:
            problem = "tags that construct objects are not allowed" + mark
        raise InputError(file, f"not accepted: {problem}")
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise InputError(file, f"not valid YAML: {problem}{where}")
    except RecursionError:
        raise InputError(file, "not valid YAML: nested too deeply")


def read_text(path: Path) -> str:
    """Read a file as UTF-8 text within the size limit, as an InputError otherwise.

    The read itself is bounded, so a device or a pipe that never ends (/dev/zero) is refused
    at the limit instead of filling the memory."""
    file = str(path)
    try:
        if path.is_dir():
            raise InputError(file, "is a directory, not a scenario file")
        with open(path, "rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise InputError(file, "no such file")
    except PermissionError:
        raise InputError(file, "cannot be read (permission denied)")
    except OSError as exc:
        raise InputError(file, f"cannot be read ({exc.strerror or exc})")
    return decode(data, file)


def decode(data: bytes, file: str) -> str:
    if len(data) > MAX_BYTES:
        raise InputError(file, f"file is larger than the limit of {MAX_BYTES} bytes")
    if b"\x00" in data:
        raise InputError(file, "is a binary file, not a YAML or JSON scenario")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(file, f"is not UTF-8 text (byte {exc.start})")


def _short(value: Any, limit: int = 40) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[:limit - 3] + "..."


def _describe(error: dict) -> tuple[str, str]:
    """The field path and a one-line message of one pydantic error, with allowed values."""
    loc = [str(p) for p in error["loc"]]
    field = ".".join(loc) if loc else None
    kind = error["type"]
    msg = error["msg"]
    if kind == "extra_forbidden":
        from facts.scenario import INPUT_FIELDS
        import difflib
        close = difflib.get_close_matches(loc[-1], list(INPUT_FIELDS) + ["expect"], n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        msg = f"unknown field{hint} (a typo must not silently change advice)"
    elif kind == "missing":
        msg = "required field is missing"
    elif kind == "enum":
        expected = error.get("ctx", {}).get("expected", "")
        msg = f"{_short(error.get('input'))} is not allowed; allowed values: {expected}"
    elif kind in ("int_type", "int_parsing", "int_from_float"):
        msg = f"{_short(error.get('input'))} is not a whole number"
    elif kind in ("greater_than_equal", "less_than_equal"):
        msg = f"{_short(error.get('input'))} is out of range: {msg.lower()}"
    elif kind == "bool_type":
        msg = f"{_short(error.get('input'))} is not true or false"
    else:
        msg = msg.replace("Value error, ", "")
    return field, msg


def validate(data: Any, file: str, default_name: str) -> Scenario:
    """Validate one scenario mapping; an InputError names the first bad field."""
    if not isinstance(data, dict):
        kind = "empty" if data is None else type(data).__name__
        raise InputError(file, f"a scenario must be a mapping of fields, not {kind}")
    for key in data:
        if not isinstance(key, str):
            raise InputError(file, f"key {key!r} is not text")
    if data.get("name") is None:
        data = {**data, "name": default_name}
    try:
        return Scenario.model_validate(data)
    except ValidationError as exc:
        errors = sorted(exc.errors(), key=lambda e: e["type"] != "extra_forbidden")
        field, msg = _describe(errors[0])
        more = len(exc.errors()) - 1
        if more:
            msg += f" (and {more} more problem{'s' if more > 1 else ''})"
        raise InputError(file, msg, field)


@dataclass(frozen=True)
class Loaded:
    """One scenario read from a file: either a valid scenario or an error."""
    file: str
    name: str
    scenario: Scenario | None = None
    error: InputError | None = None


def load_file(path: Path) -> list[Loaded]:
    """All scenarios in one file; a file-level error gives one Loaded with the error."""
    file = str(path)
    stem = path.stem
    try:
        data = parse_text(read_text(path), file)
        if data is None:
            raise InputError(file, "the file is empty")
        if isinstance(data, dict) and "scenarios" in data:
            extra = set(data) - {"scenarios"}
            if extra:
                raise InputError(file, "unknown field beside 'scenarios'", sorted(extra)[0])
            items = data["scenarios"]
            if not isinstance(items, list) or not items:
                raise InputError(file, "must be a non-empty list of scenarios", "scenarios")
        else:
            return [Loaded(file, _name(data, stem), validate(data, file, stem))]
    except InputError as exc:
        return [Loaded(file, stem, error=exc)]
    out = []
    for i, item in enumerate(items):
        label = f"{file}#{i + 1}"
        try:
            out.append(Loaded(file, _name(item, f"{stem}#{i + 1}"),
                              validate(item, label, f"{stem}#{i + 1}")))
        except InputError as exc:
            out.append(Loaded(file, f"{stem}#{i + 1}", error=exc))
    return out


def _name(data: Any, default: str) -> str:
    if isinstance(data, dict) and isinstance(data.get("name"), str):
        return data["name"]
    return default


def load_one(path: Path) -> Scenario:
    """The single scenario of a file, or an InputError (also when the file holds several)."""
    loaded = load_file(path)
    for item in loaded:
        if item.error:
            raise item.error
    if len(loaded) != 1:
        raise InputError(str(path), f"holds {len(loaded)} scenarios; use 'batch' for several", "scenarios")
    return loaded[0].scenario
