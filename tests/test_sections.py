"""Every quote sits inside the section it cites (the shared checker only looks guide-wide)."""
from __future__ import annotations

import json
import re

import pytest
import yaml

from conftest import ROOT, SHARED
from analysis.knowledge import export

ANCHORS = yaml.safe_load((ROOT / "tests" / "sections.yaml").read_text(encoding="utf-8"))
INDEX = json.loads((SHARED / "seeds" / "index.json").read_text(encoding="utf-8"))


def _spans(source: str) -> dict[str, str]:
    text = (SHARED / "seeds" / INDEX[source]["file"]).read_text(encoding="utf-8")
    starts, pos = [], 0
    for label, pattern in ANCHORS[source].items():
        m = re.compile(pattern, re.M).search(text, pos)
        assert m, f"{source} §{label}: heading {pattern!r} not found after position {pos}"
        starts.append((label, m.start()))
        pos = m.end()
    ends = [s for _, s in starts[1:]] + [len(text)]
    return {label: text[start:end] for (label, start), end in zip(starts, ends)}


@pytest.fixture(scope="module")
def spans():
    return {source: _spans(source) for source in ANCHORS}


def test_every_section_of_the_index_has_an_anchor():
    for source, meta in INDEX.items():
        assert list(ANCHORS[source]) == list(meta["sections"]), source


def test_every_quote_sits_in_its_section(spans, checker):
    module, _ = checker
    misplaced = []
    for entry in export():
        for c in entry["citations"]:
            body = spans[c["source"]][c["section"]]
            texts = (module._norm(body, True), module._norm(body, False))
            if not module.quote_found(c["quote"], texts):
                misplaced.append(f"{entry['id']}: {c['source']} §{c['section']}: {c['quote'][:60]!r}")
    assert misplaced == []


def test_the_spans_tell_sections_apart(spans, checker):
    module, _ = checker
    quote = "Een open inloop met 'marktopstelling' werkt beter"  # asiel-2021 §5.2
    found = {label for label, body in spans["asiel-2021"].items()
             if module.quote_found(quote, (module._norm(body, True), module._norm(body, False)))}
    assert found == {"5.2"}
