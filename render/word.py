"""The memo as a Word document (python-docx): the Markdown memo's sections with real heading styles, lists and tables.

The memo is written once, in Markdown (render/memo.py); this module reads that small subset
back (headings, paragraphs, bullet and numbered lists, tables, page breaks, **bold**, *italic*
and `code`) into Word, so both have the same sections in the same order. Word gets no
hyperlinks and no fields: free text stays text.
"""
from __future__ import annotations

import html
import io
import re

from plan.document import AdviceDocument, MemoContext
from render.labels import label
from render.memo import PAGE_BREAK, to_markdown

_INLINE = re.compile(r"(\*\*.+?\*\*|(?<![\\*])\*(?!\*).+?(?<!\\)\*|`[^`]+`)")
_UNESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>])")


def _text(raw: str) -> str:
    return html.unescape(_UNESCAPE.sub(r"\1", raw))


def _runs(paragraph, text: str, bold: bool = False) -> None:
    """Markdown inline text as runs: **bold**, *italic* and `code`."""
    for part in _INLINE.split(text):
        if not part:
            continue
        if part.startswith("**") and part.endswith("**") and len(part) > 4:
            run = paragraph.add_run(_text(part[2:-2]))
            run.bold = True
        elif part.startswith("`") and part.endswith("`"):
            run = paragraph.add_run(part[1:-1])
            run.font.name = "Consolas"
        elif part.startswith("*") and part.endswith("*") and len(part) > 2:
            run = paragraph.add_run(_text(part[1:-1]))
            run.italic = True
            run.bold = bold or None
        else:
            run = paragraph.add_run(_text(part))
            run.bold = bold or None


def _cells(line: str) -> list[str]:
    inner = line.strip()[1:-1]
    return [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", inner)]


def _table(document, rows: list[list[str]]) -> None:
    header, body = rows[0], rows[1:]
    table = document.add_table(rows=1 + len(body), cols=len(header))
    table.style = "Table Grid"
    for j, cell in enumerate(header):
        _runs(table.rows[0].cells[j].paragraphs[0], cell, bold=True)
    for i, row in enumerate(body, 1):
        for j, cell in enumerate(row[:len(header)]):
            _runs(table.rows[i].cells[j].paragraphs[0], cell)


def to_docx(doc: AdviceDocument, ctx: MemoContext) -> bytes:
    """The memo as the bytes of a .docx file."""
    import docx
    from docx.enum.text import WD_BREAK
    from docx.shared import Pt

    document = docx.Document()
    document.styles["Normal"].font.size = Pt(10)
    props = document.core_properties
    props.title = f"{label(doc.lang, 'memo_title')}: {doc.scenario.get('name') or '-'}"
    props.language = doc.lang
    props.subject = ctx.knowledge_version
    lines = to_markdown(doc, ctx).splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if not stripped:
            i += 1
            continue
        if stripped == PAGE_BREAK:
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        elif stripped.startswith("#"):
            level = len(stripped) - len(stripped.lstrip("#"))
            heading = document.add_heading(level=min(level, 4) - 1 if level > 1 else 0)
            _runs(heading, stripped[level:].strip())
        elif stripped.startswith("|"):
            rows = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                cells = _cells(lines[i])
                if not all(re.fullmatch(r":?-{3,}:?", c) for c in cells):
                    rows.append(cells)
                i += 1
            _table(document, rows)
            continue
        elif re.match(r"^\s*[-*] ", line):
            depth = (len(line) - len(line.lstrip())) // 4
            style = "List Bullet 2" if depth else "List Bullet"
            _runs(document.add_paragraph(style=style), re.sub(r"^\s*[-*] ", "", line))
        elif re.match(r"^\s*\d+\. ", line):
            _runs(document.add_paragraph(style="List Number"), re.sub(r"^\s*\d+\. ", "", line))
        elif line.startswith("    "):  # continuation of a list item
            _runs(document.add_paragraph(style="List Continue"), stripped)
        else:
            _runs(document.add_paragraph(), stripped)
        i += 1
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
