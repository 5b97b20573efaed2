"""The knowledge base: sources, entries and parameters as YAML data, validated on load.

Entries hold the advice texts (in our own words, nl and en) and the citations that
support them; only ``quote`` copies the guide. Rules refer to entries by id and never
carry prose. ``load()`` reads everything once per process.
"""
from __future__ import annotations

import functools
from pathlib import Path
from typing import Optional

from pydantic import BaseModel, ConfigDict, Field, model_validator

from facts.vocab import Category, Kind, PriorityValue

HERE = Path(__file__).resolve().parent
QUOTE_MIN, QUOTE_MAX = 20, 300


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(_Strict):
    """A text in both languages; neither may be empty."""
    nl: str = Field(min_length=1)
    en: str = Field(min_length=1)

    def __getitem__(self, lang: str) -> str:
        return getattr(self, str(lang))


class Citation(_Strict):
    source: str
    section: str
    quote: str = Field(min_length=QUOTE_MIN, max_length=QUOTE_MAX)


class Source(_Strict):
    id: str
    title: str
    publisher: str
    date: str
    sections: dict[str, str]
    actionable: tuple[str, ...]


class Entry(_Strict):
    """One piece of advice, warning or trade-off."""
    id: str = Field(pattern=r"^[a-z_]+\.[a-z0-9_]+$")
    category: Category
    kind: Kind = Kind.recommendation
    title: Text
    text: Text
    rationale: Text
    citations: tuple[Citation, ...] = Field(min_length=1)
    #: trade-offs only: the two municipal values that pull apart, and per value what
    #: the choice that favours it gives.
    values: Optional[tuple[PriorityValue, PriorityValue]] = None
    favours: Optional[dict[PriorityValue, Text]] = None
    #: ids of entries that must never be advised together with this one (for instance two
    #: mutually exclusive layouts); `bijeenkomstwijzer verify` checks it on the input space.
    conflicts_with: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _id_matches_kind(self):
        prefix = self.id.split(".")[0]
        want = {Kind.warning: "warning", Kind.tradeoff: "tradeoff"}.get(self.kind, self.category.value)
        if prefix != want:
            raise ValueError(f"{self.id}: id must start with {want!r}.")
        if self.kind == Kind.tradeoff and (self.values is None or self.favours is None):
            raise ValueError(f"{self.id}: a trade-off names its two values and what each choice gives")
        if self.favours is not None and self.values is not None and set(self.favours) != set(self.values):
            raise ValueError(f"{self.id}: 'favours' must describe exactly the two 'values'")
        return self


class RiskParameters(_Strict):
    """Points per risk factor and the score at which each risk level starts."""
    points: dict[str, dict[str, int]]
    levels: dict[str, int]
    floors: dict[str, dict[str, str]]


class Parameters(_Strict):
    scale: dict[str, int]
    risk: RiskParameters
    online_max_participants: int


class KnowledgeBase:
    """All sources, entries and parameters; ``entries`` is keyed by id."""

    def __init__(self, sources: dict[str, Source], entries: dict[str, Entry], parameters: Parameters):
        self.sources = sources
        self.entries = entries
        self.parameters = parameters
        self._check_citations()

    def _check_citations(self) -> None:
        for entry in self.entries.values():
            for other in entry.conflicts_with:
                if other not in self.entries or other == entry.id:
                    raise KnowledgeError(f"{entry.id}: conflicts_with names unknown id {other!r}")
            for c in entry.citations:
                src = self.sources.get(c.source)
                if src is None:
                    raise KnowledgeError(f"{entry.id}: unknown source {c.source!r}")
                if c.section not in src.sections:
                    raise KnowledgeError(f"{entry.id}: {c.source} has no section {c.section!r}")

    def conflicts(self) -> set[frozenset[str]]:
        """Every pair of entries that must not be advised together (symmetric)."""
        return {frozenset((e.id, o)) for e in self.entries.values() for o in e.conflicts_with}

    def __getitem__(self, entry_id: str) -> Entry:
        return self.entries[entry_id]

    def __contains__(self, entry_id: str) -> bool:
        return entry_id in self.entries


class KnowledgeError(Exception):
    """The shipped knowledge base is inconsistent (a bug in kb/, not in user input)."""


def _read_yaml(path: Path):
    """Knowledge files go through the same strict loader as scenarios (no duplicate keys)."""
    from facts.loader import InputError, parse_text
    try:
        return parse_text(path.read_text(encoding="utf-8"), str(path))
    except InputError as exc:
        raise KnowledgeError(exc.line()) from None


@functools.lru_cache(maxsize=None)
def load(root: Path = HERE) -> KnowledgeBase:
    sources = {s["id"]: Source.model_validate(s) for s in _read_yaml(root / "sources.yaml")}
    parameters = Parameters.model_validate(_read_yaml(root / "parameters.yaml"))
    entries: dict[str, Entry] = {}
    for path in sorted((root / "entries").glob("*.yaml")):
        for raw in _read_yaml(path) or []:
            try:
                entry = Entry.model_validate(raw)
            except Exception as exc:  # pydantic error: name the file and the entry
                raise KnowledgeError(f"{path.name}: {raw.get('id', '?') if isinstance(raw, dict) else raw!r}: {exc}") from None
            if entry.id in entries:
                raise KnowledgeError(f"{path.name}: duplicate id {entry.id}")
            entries[entry.id] = entry
    return KnowledgeBase(sources, entries, parameters)
