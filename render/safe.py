"""Making input text safe for every output.

Text from a scenario file (a name, a key, a value in an error message) reaches a terminal,
a Markdown or HTML memo and a spreadsheet. Each output has its own dangers:

- ``plain``: a terminal runs escape sequences (colours, a window title, cursor moves) and a
  carriage return overwrites the line; plain text keeps only printable characters, newline
  and tab.
- ``one_line``: an error or a table cell must stay one line, so it cannot fake another line.
- ``md_escape``: in Markdown, free text must not become a link, an image, HTML or a block
  (heading, list, quote, code, table).
- ``csv_cell``: a spreadsheet runs a cell that starts with ``= + - @`` (or a tab or carriage
  return) as a formula.
"""
from __future__ import annotations

import re
from typing import Any

# ESC sequences: CSI (ESC [ ... final), OSC/DCS/PM/APC/SOS (ESC ] ... BEL or ST), two-character
# escapes (ESC + one character); and the same introduced by their 8-bit C1 forms.
_ESCAPES = re.compile(
    r"""
    (?:\x1b\[|\x9b) [0-?]* [ -/]* [@-~]?                 # CSI
  | (?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f]) .*? (?:\x07|\x1b\\|\x9c|$)   # OSC, DCS, SOS, PM, APC
  | \x1b [ -/]* [0-~]?                                   # other escapes (ESC c, ESC ( B, ...)
    """,
    re.VERBOSE | re.DOTALL,
)
# C0 controls except tab and newline, DEL, C1 controls; bidirectional overrides and isolates
# (they reorder what a reader sees: "Trojan source"); zero-width characters that hide text.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_LINE_BREAKS = re.compile("[\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]+")


def plain(text: Any) -> str:
    """``text`` without terminal control characters and escape sequences (newline and tab stay)."""
    text = "" if text is None else str(text)
    text = text.replace("\r\n", "\n")
    text = _ESCAPES.sub("", text)
    return _CONTROLS.sub("", text)


def one_line(text: Any) -> str:
    """``plain(text)`` on one line: line breaks and tabs become one space."""
    text = "" if text is None else str(text)
    text = _LINE_BREAKS.sub(" ", text.replace("\r\n", "\n").replace("\r", " "))
    return plain(text).replace("\t", " ")


# the characters Python-Markdown (with "tables") and CommonMark both unescape
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>])")


def md_escape(text: Any) -> str:
    """Free text as literal Markdown inline text: no link, image, HTML, block or emphasis.

    The text is folded to one line (so it cannot start a heading, list, quote, code block or
    table), every Markdown punctuation character is backslash-escaped, and ``&`` and ``<``
    become entities (Python-Markdown cannot backslash-escape ``<``; an entity also stops
    autolinks and raw HTML)."""
    text = " ".join(one_line(text).split())  # no leading spaces: no code block
    text = text.replace("&", "&amp;").replace("<", "&lt;")
    return _MD_SPECIAL.sub(r"\\\1", text)


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def csv_cell(text: Any) -> str:
    """A spreadsheet cell that is never run as a formula: a leading ``'`` when it could be."""
    text = "" if text is None else str(text)
    if text.lstrip(" ").startswith(_FORMULA_START):
        return "'" + text
    return text
