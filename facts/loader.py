"""Reading scenario files safely: YAML or JSON, size-limited, duplicate keys and
object-constructing tags rejected, aliases, nesting and the number of values bounded, every
error one line that names the file and the field.

YAML is read the way a person writes it, not as YAML 1.1 would: only ``true``/``false`` are
booleans (``yes``, ``no``, ``on``, ``off`` stay text, so ``existing_protest: no`` is the word
"no"), whole numbers are decimal digits (``017`` is 17), and the forms YAML 1.1 silently turns
into other numbers (``0x15E``, ``0o17``, ``0b101``, ``1_000``, ``5:50`` in base 60) and a
Dutch thousands point (``1.000``) are refused with a message that says how to write them.
Dates stay text, merge keys (``<<``) and the tags ``!!set``, ``!!omap``, ``!!pairs``,
``!!binary`` and ``!!timestamp`` are refused."""
from __future__ import annotations

import json
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from facts.scenario import Scenario

MAX_BYTES = 1_000_000
MAX_ALIASES = 20
MAX_DEPTH = 50
#: values (scalars, lists, mappings) in one file: a scenario has about 25, the largest shipped
#: knowledge file about 2,300, a generated file of 1,000 scenarios about 25,000
MAX_NODES = 50_000
#: lines in one YAML file, and lines plus commas: counted before parsing, so a file of 190,000
#: short items is refused at once (a scenario has about 20 lines)
MAX_LINES = 50_000
#: items in one list (a file of 1,000 scenarios fits) and fields in one mapping (a scenario has
#: about 25): 240,000 expected ids or 50,000 unknown keys are refused after a few thousand
MAX_ITEMS = 2_000
MAX_KEYS = 200
#: digits in one whole number (the largest meaningful number has 7)
MAX_DIGITS = 30


class InputError(Exception):
    """Invalid input: carries the file, the field (if any) and a one-line message."""

    def __init__(self, file: str, message: str, field: str | None = None):
        self.file, self.field, self.message = file, field, message
        super().__init__(self.line())

    def line(self) -> str:
        from render.safe import one_line
        where = f"{self.file}: {self.field}: " if self.field else f"{self.file}: "
        return one_line(where + self.message)

    def __reduce__(self):  # picklable, so batch workers can send errors back
        return (InputError, (self.file, self.message, self.field))


class Refused(yaml.YAMLError):
    """The loader refuses something it could read (a number form, a merge key, a limit)."""

    def __init__(self, message: str, field: str | None = None):
        self.message, self.field = message, field
        super().__init__(message)


_INT = re.compile(r"[-+]?[0-9]+\Z")
#: YAML 1.1 integer forms that do not mean what a person reads: hex, octal, binary,
#: underscores, base 60 (5:50 is 350)
_OTHER_INT = re.compile(r"""[-+]?(?:0[xX][0-9a-fA-F_]*|0[oO][0-7_]*|0[bB][01_]*
                             |[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?
                             |[0-9][0-9]*_[0-9_]*)\Z""", re.VERBOSE)
_FLOAT = re.compile(r"""[-+]?(?:[0-9][0-9_]*\.[0-9_]*(?:[eE][-+]?[0-9]+)?
                        |\.[0-9_]+(?:[eE][-+]?[0-9]+)?
                        |\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))\Z""", re.VERBOSE)
#: 1.000 or 12.500.000: a Dutch thousands separator, which YAML reads as a decimal point
_THOUSANDS = re.compile(r"[-+]?[0-9]{1,3}(?:\.[0-9]{3})+\Z")
_BOOL = re.compile(r"(?:true|True|TRUE|false|False|FALSE)\Z")
_NULL = re.compile(r"(?:~|null|Null|NULL|)\Z")
_NUMBER_FORM = "tag:bijeenkomstwijzer,2026:number-form"
_INT_TAG = "tag:yaml.org,2002:int"


def _short_text(text: str, limit: int = 40) -> str:
    from render.safe import one_line
    text = one_line(text)
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _number_form_problem(text: str) -> str:
    shown = _short_text(text, 24)
    if _THOUSANDS.match(text):
        return (f"{shown!r}: a point in a number is a decimal point; write whole numbers "
                "without a thousands separator, such as 1000")
    if ":" in text:
        return (f"{shown!r} would be read as a number in base 60; write a whole number in "
                "decimal digits, or put text in quotes")
    if "_" in text:
        return f"{shown!r}: write whole numbers in plain decimal digits, without '_'"
    return (f"{shown!r} would be read as a hexadecimal, octal or binary number; write whole "
            "numbers in plain decimal digits")


def _check_digits(text: str) -> int:
    digits = text.lstrip("+-")
    if len(digits) > MAX_DIGITS:
        raise Refused(f"a number of {len(digits)} digits is far too large "
                      f"(at most {MAX_DIGITS} digits are read)")
    return int(text, 10)


try:  # libyaml's parser when PyYAML has it: the events ten times as fast (limits stay in Python)
    from yaml._yaml import CParser as _EventSource
except ImportError:  # pragma: no cover - PyYAML without libyaml
    _EventSource = None


class _SafeLoader(yaml.composer.Composer, yaml.constructor.SafeConstructor, yaml.resolver.Resolver):
    """A safe loader with the plain scalars of a person, not of YAML 1.1; rejects duplicate
    keys, counts aliases (billion laughs), nesting, list items, fields and values.

    The events come from libyaml's parser when available (else PyYAML's own reader, scanner and
    parser); composing the nodes, where every limit is checked, and constructing the values are
    PyYAML's Python code, so a limit stops the work at once."""

    yaml_implicit_resolvers: dict = {}  # noqa: RUF012 - PyYAML's class-level table, filled below

    def __init__(self, stream):
        self._events_init(stream)
        yaml.composer.Composer.__init__(self)
        yaml.constructor.SafeConstructor.__init__(self)
        yaml.resolver.Resolver.__init__(self)
        self._aliases = 0
        self._depth = 0
        self._nodes = 0

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            self._aliases += 1
            if self._aliases > MAX_ALIASES:
                raise yaml.YAMLError(f"more than {MAX_ALIASES} aliases (an alias bomb?)")
        self._nodes += 1
        if self._nodes > MAX_NODES:
            raise Refused(f"more than {MAX_NODES} values; a scenario file is far smaller")
        if isinstance(index, int) and index >= MAX_ITEMS:
            raise Refused(f"a list of more than {MAX_ITEMS} items (line {self.peek_event().start_mark.line + 1})")
        if index is None and isinstance(parent, yaml.MappingNode) and len(parent.value) >= MAX_KEYS:
            raise Refused(f"more than {MAX_KEYS} fields in one mapping "
                          f"(line {self.peek_event().start_mark.line + 1}); a scenario has about 25")
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
            for key_node, value_node in node.value:
                if (isinstance(key_node, yaml.ScalarNode) and key_node.value == "<<"
                        and key_node.style not in ("'", '"')):
                    raise Refused(f"merge keys ('<<') are not accepted (line {key_node.start_mark.line + 1}); "
                                  "write the fields out in full")
                key = self.construct_object(key_node, deep=True)
                try:
                    duplicate = key in seen
                except TypeError:
                    raise yaml.constructor.ConstructorError(
                        None, None, "a key must be plain text", key_node.start_mark) from None
                if duplicate:
                    raise DuplicateKey(_short_text(str(key)), key_node.start_mark.line + 1)
                seen.add(key)
                if isinstance(value_node, yaml.ScalarNode) and value_node.tag in (_NUMBER_FORM, _INT_TAG):
                    field = _short_text(str(key)) if isinstance(key, str) else None
                    if value_node.tag == _NUMBER_FORM or not _INT.match(value_node.value):
                        raise Refused(_number_form_problem(value_node.value), field)
                    try:
                        _check_digits(value_node.value)
                    except Refused as exc:
                        raise Refused(exc.message, field) from None
        return super().construct_mapping(node, deep=deep)

    def construct_int(self, node):
        text = self.construct_scalar(node)
        if not _INT.match(text.replace(" ", "")):
            raise Refused(_number_form_problem(text) + f" (line {node.start_mark.line + 1})")
        return _check_digits(text)

    def construct_float(self, node):
        text = self.construct_scalar(node)
        if not _FLOAT.match(text) or "_" in text:
            raise Refused(f"{_short_text(text, 24)!r} is not a number (line {node.start_mark.line + 1})")
        if len(text) > MAX_DIGITS + 10:
            raise Refused(f"a number of {len(text)} characters is far too long")
        if text.lstrip("+-").startswith(".") and text.lstrip("+-")[1:2].isalpha():
            return float(text.replace(".", "", 1))  # .inf, -.inf, .nan
        return float(text)

    def construct_bool(self, node):
        text = self.construct_scalar(node)
        if not _BOOL.match(text):
            raise Refused(f"{_short_text(text, 24)!r} is not true or false (line {node.start_mark.line + 1})")
        return text.lower() == "true"

    def construct_number_form(self, node):
        raise Refused(_number_form_problem(node.value) + f" (line {node.start_mark.line + 1})")

    def construct_refused_tag(self, node):
        raise Refused(f"the tag {_short_text(node.tag.replace('tag:yaml.org,2002:', '!!'), 40)!r} is not accepted "
                      f"(line {node.start_mark.line + 1}); write plain values, lists and fields")


if _EventSource is not None:
    class _Loader(_SafeLoader, _EventSource):
        def _events_init(self, stream):
            _EventSource.__init__(self, stream)
else:  # pragma: no cover
    class _Loader(_SafeLoader, yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser):
        def _events_init(self, stream):
            yaml.reader.Reader.__init__(self, stream)
            yaml.scanner.Scanner.__init__(self)
            yaml.parser.Parser.__init__(self)

_SafeLoader.add_implicit_resolver("tag:yaml.org,2002:bool", _BOOL, list("tTfF"))
_SafeLoader.add_implicit_resolver("tag:yaml.org,2002:null", _NULL, ["~", "n", "N", ""])
_SafeLoader.add_implicit_resolver(_NUMBER_FORM, _THOUSANDS, list("-+0123456789"))
_SafeLoader.add_implicit_resolver("tag:yaml.org,2002:int", _INT, list("-+0123456789"))
_SafeLoader.add_implicit_resolver(_NUMBER_FORM, _OTHER_INT, list("-+0123456789"))
_SafeLoader.add_implicit_resolver("tag:yaml.org,2002:float", _FLOAT, list("-+0123456789."))
_SafeLoader.add_constructor("tag:yaml.org,2002:int", _SafeLoader.construct_int)
_SafeLoader.add_constructor("tag:yaml.org,2002:float", _SafeLoader.construct_float)
_SafeLoader.add_constructor("tag:yaml.org,2002:bool", _SafeLoader.construct_bool)
_SafeLoader.add_constructor(_NUMBER_FORM, _SafeLoader.construct_number_form)
for _tag in ("binary", "timestamp", "omap", "pairs", "set", "merge", "value", "yaml"):
    _SafeLoader.add_constructor(f"tag:yaml.org,2002:{_tag}", _SafeLoader.construct_refused_tag)


class DuplicateKey(yaml.YAMLError):
    def __init__(self, key: str, line: int):
        self.key, self.line = key, line
        super().__init__(f"duplicate key {key!r} (line {line})")


def _no_duplicate_pairs(pairs):
    seen = {}
    for key, value in pairs:
        if key in seen:
            raise DuplicateKey(_short_text(key), 0)
        seen[key] = value
    return seen


def _count_nodes(data: Any, file: str) -> None:
    """Refuse parsed JSON with more values than MAX_NODES (without recursion)."""
    count, stack = 0, [data]
    while stack:
        item = stack.pop()
        count += 1
        if count > MAX_NODES:
            raise InputError(file, f"more than {MAX_NODES} values; a scenario file is far smaller")
        if isinstance(item, dict):
            if len(item) > MAX_KEYS:
                raise InputError(file, f"more than {MAX_KEYS} fields in one mapping; a scenario has about 25")
            stack.extend(item.values())
            count += len(item)  # the keys
        elif isinstance(item, list):
            if len(item) > MAX_ITEMS:
                raise InputError(file, f"a list of more than {MAX_ITEMS} items")
            stack.extend(item)


def _yaml_position(text: str, position: int) -> str:
    line = text.count("\n", 0, position) + 1
    column = position - (text.rfind("\n", 0, position) + 1) + 1
    return f"line {line}, column {column}"


def parse_text(text: str, file: str) -> Any:
    """Parse YAML or JSON text (JSON is YAML, but is parsed strictly when it looks like it)."""
    if not text.strip():
        return None
    if file.endswith(".json"):
        def json_int(digits: str) -> int:
            try:
                return _check_digits(digits)
            except Refused as exc:
                raise InputError(file, exc.message) from None
        try:
            data = json.loads(text, object_pairs_hook=_no_duplicate_pairs, parse_int=json_int)
        except DuplicateKey as exc:
            raise InputError(file, "duplicate key (a typo must not silently change advice)", exc.key) from None
        except ValueError as exc:
            raise InputError(file, f"not valid JSON: {exc}") from None
        except RecursionError:
            raise InputError(file, "not valid JSON: nested too deeply") from None
        _count_nodes(data, file)
        return data
    lines = text.count("\n")
    if lines > MAX_LINES:
        raise InputError(file, f"more than {MAX_LINES} lines; a scenario file is far smaller")
    if lines + text.count(",") > MAX_LINES:  # a flow list of very many values on a few lines
        raise InputError(file, f"more than {MAX_LINES} values or lines; a scenario file is far smaller")
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - a safe constructor, see _SafeLoader
    except DuplicateKey as exc:
        raise InputError(file, f"duplicate key on line {exc.line} (a typo must not silently change advice)",
                         exc.key) from None
    except Refused as exc:
        raise InputError(file, exc.message, exc.field) from None
    except yaml.reader.ReaderError as exc:
        raise InputError(file, f"not valid YAML: the character U+{exc.character:04X} is not allowed "
                               f"in a scenario file ({_yaml_position(text, exc.position)})") from None
    except yaml.constructor.ConstructorError as exc:
        mark = f" on line {exc.problem_mark.line + 1}" if exc.problem_mark else ""
        problem = exc.problem or "cannot be read"
        if "could not determine a constructor" in problem:
            problem = "tags that construct objects are not allowed" + mark
        else:
            problem += mark
        raise InputError(file, f"not accepted: {problem}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise InputError(file, f"not valid YAML: {problem}{where}") from None
    except RecursionError:
        raise InputError(file, "not valid YAML: nested too deeply") from None


def read_text(path: Path, *, named: bool = True) -> str:
    """Read a file as UTF-8 text within the size limit, as an InputError otherwise.

    The read itself is bounded, so a device or a pipe that never ends (/dev/zero) is refused
    at the limit instead of filling the memory. Opening never blocks: a named pipe (FIFO)
    without a writer reads as empty. A pipe or device is read only when the user ``named``
    it (``advise <(…)``); found by a directory walk or a glob, it is refused."""
    file = str(path)
    if not file:
        raise InputError("''", "an empty file name; give the path of a scenario file")
    try:
        st = os.stat(path)
        if stat.S_ISDIR(st.st_mode):
            raise InputError(file, "is a directory, not a scenario file")
        if stat.S_ISSOCK(st.st_mode):
            raise InputError(file, "is a socket, not a scenario file")
        if not stat.S_ISREG(st.st_mode) and not named:
            kind = "a named pipe (FIFO)" if stat.S_ISFIFO(st.st_mode) else "a device"
            raise InputError(file, f"is {kind}, not a scenario file")
        fd = _open_file(path)
        with os.fdopen(fd, "rb") as fh:
            if not stat.S_ISREG(st.st_mode):
                os.set_blocking(fd, True)
            data = _read_bounded(fh)
    except FileNotFoundError:
        raise InputError(file, "no such file") from None
    except PermissionError:
        raise InputError(file, "cannot be read (permission denied)") from None
    except IsADirectoryError:
        raise InputError(file, "is a directory, not a scenario file") from None
    except OSError as exc:
        raise InputError(file, f"cannot be read ({exc.strerror or exc})") from None
    return decode(data, file)


def _open_file(path) -> int:
    """Open for reading without blocking (a FIFO without a writer would block ``open``)."""
    return os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))


def _read_bounded(fh) -> bytes:
    chunks, size = [], 0
    while size <= MAX_BYTES:
        chunk = fh.read(MAX_BYTES + 1 - size)
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


_BOMS = ((b"\x00\x00\xfe\xff", "UTF-32"), (b"\xff\xfe\x00\x00", "UTF-32"),
         (b"\xfe\xff", "UTF-16"), (b"\xff\xfe", "UTF-16"))


def decode(data: bytes, file: str) -> str:
    if len(data) > MAX_BYTES:
        raise InputError(file, f"file is larger than the limit of {MAX_BYTES} bytes")
    for bom, name in _BOMS:
        if data.startswith(bom):
            raise InputError(file, f"is {name} text; save it as UTF-8")
    if b"\x00" in data:
        sample = data[:4096]
        if len(sample) >= 4 and sample.count(0) * 2 >= len(sample) - 1 and (
                sample[1::2].count(0) == len(sample) // 2 or sample[0::2].count(0) == (len(sample) + 1) // 2):
            raise InputError(file, "looks like UTF-16 text without a byte order mark; save it as UTF-8")
        raise InputError(file, "is a binary file, not a YAML or JSON scenario")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(file, f"is not UTF-8 text (byte {exc.start})") from None


def _short(value: Any, limit: int = 40) -> str:
    """A value as the user wrote it, short and on one line: 'text', 12, true, empty, a list."""
    if value is None:
        return "an empty value"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return _short_text(str(value), limit)
    if isinstance(value, str):
        return repr(_short_text(value, limit))
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, dict):
        return "a mapping of fields"
    return "a value of an unknown kind"


_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,39}\Z")
_NOT_A_NAME = "\x00"


def _field_name(part: Any) -> str:
    """A part of a field path as shown: a field name, a list position, or (for anything else,
    which may be the content of a file that is no scenario, such as /etc/shadow) nothing."""
    if isinstance(part, int):
        return str(part)
    return str(part) if _NAME.match(str(part)) else _NOT_A_NAME


_KIND_MESSAGES = {
    "string_type": "{value} is not text (put it in quotes if it is meant as text)",
    "model_type": "must be a mapping of fields, not {value}",
    "model_attributes_type": "must be a mapping of fields, not {value}",
    "dict_type": "must be a mapping of fields, not {value}",
    "tuple_type": "must be a list, not {value}",
    "list_type": "must be a list, not {value}",
    "bool_type": "{value} is not true or false",
    "bool_parsing": "{value} is not true or false",
    "int_type": "{value} is not a whole number",
    "int_parsing": "{value} is not a whole number",
    "int_from_float": "{value} is not a whole number",
    "int_parsing_size": "{value} is not a whole number in range",
    "finite_number": "{value} is not a whole number",
    "float_type": "{value} is not a number",
    "string_too_long": "{value} is too long",
    "string_too_short": "must not be empty",
}


def _describe(error: dict) -> tuple[str | None, str]:
    """The field path and a one-line message of one pydantic error, with allowed values."""
    loc = [_field_name(p) for p in error["loc"]]
    field = ".".join(loc) if loc else None
    kind = error["type"]
    msg = error["msg"]
    value = _short(error.get("input"))
    if kind == "extra_forbidden" and loc and loc[-1] == _NOT_A_NAME:
        field = ".".join(loc[:-1]) or None
        msg = ("holds a key that is not a field name (only letters, digits and '_'); "
               "is this a scenario file?")
    elif kind == "extra_forbidden":
        import difflib

        from facts.scenario import INPUT_FIELDS
        close = difflib.get_close_matches(str(error["loc"][-1])[:60], list(INPUT_FIELDS) + ["expect"], n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        msg = f"unknown field{hint} (a typo must not silently change advice)"
    elif kind == "missing":
        msg = "required field is missing"
    elif kind in ("enum", "literal_error"):
        expected = error.get("ctx", {}).get("expected", "")
        msg = f"{value} is not allowed; allowed values: {expected}"
    elif kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        msg = f"{value} is out of range: {msg.lower()}"
    elif kind in _KIND_MESSAGES:
        msg = _KIND_MESSAGES[kind].format(value=value)
        if kind == "string_too_long":
            limit = error.get("ctx", {}).get("max_length")
            msg += f" (at most {limit} characters)" if limit else ""
    else:
        msg = msg.replace("Value error, ", "").replace("Assertion failed, ", "")
    return field, msg


def validate(data: Any, file: str, default_name: str) -> Scenario:
    """Validate one scenario mapping; an InputError names the first bad field."""
    if not isinstance(data, dict):
        kind = {type(None): "empty", str: "text", list: "a list", int: "a number", float: "a number",
                bool: "true or false"}.get(type(data), "a value of an unknown kind")
        raise InputError(file, f"a scenario must be a mapping of fields (such as 'subject: …'), not {kind}")
    for key in data:
        if not isinstance(key, str):
            raise InputError(file, f"a field name must be text, not {_short(key)}")
    if data.get("name") is None:
        data = {**data, "name": default_name}
    try:
        return Scenario.model_validate(data)
    except ValidationError as exc:
        errors = sorted(exc.errors(), key=lambda e: e["type"] != "extra_forbidden")
        field, msg = _describe(errors[0])
        more = len(errors) - 1
        if more:
            msg += f" (and {more} more problem{'s' if more > 1 else ''})"
        raise InputError(file, msg, field) from None


@dataclass(frozen=True)
class Loaded:
    """One scenario read from a file: either a valid scenario or an error."""
    file: str
    name: str
    scenario: Scenario | None = None
    error: InputError | None = None


def load_file(path: Path, *, named: bool = True) -> list[Loaded]:
    """All scenarios in one file; a file-level error gives one Loaded with the error.

    ``named``: the user named this file (not found by a directory walk or a glob)."""
    file = str(path)
    stem = path.stem or file
    try:
        data = parse_text(read_text(path, named=named), file)
        if data is None:
            raise InputError(file, "the file is empty")
        if _looks_like_batch_output(data):
            raise InputError(file, "holds the results of an earlier 'batch' run, not a scenario")
        if isinstance(data, dict) and "scenarios" in data:
            extra = set(data) - {"scenarios"}
            if extra:
                raise InputError(file, "unknown field beside 'scenarios'", _short_text(min(map(str, extra))))
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


_BATCH_ROW = {"file", "name", "ok", "error"}


def _looks_like_batch_output(data: Any) -> bool:
    """A JSON array (or JSON lines) of batch rows, as ``batch --format json`` writes them."""
    rows = data if isinstance(data, list) else [data]
    return bool(rows) and all(isinstance(r, dict) and _BATCH_ROW <= set(r) for r in rows[:5])


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


def load_stdin() -> Scenario:
    """The single scenario on standard input (``advise -``), or an InputError."""
    import sys
    file = "<stdin>"
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None or sys.stdin.closed:
        raise InputError(file, "standard input is closed; give a scenario file or pipe one in")
    try:
        data = _read_bounded(stream)
    except OSError as exc:
        raise InputError(file, f"cannot be read ({exc.strerror or exc})") from None
    text = decode(data, file)
    parsed = parse_text(text, file)
    if parsed is None:
        raise InputError(file, "no scenario was given on standard input")
    return validate(parsed, file, "stdin")
