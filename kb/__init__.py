"""The knowledge base: sources, entries and parameters as YAML data, validated on load.

Entries hold the advice texts (in our own words, nl and en) and the citations that
support them; only ``quote`` copies the guide. Rules refer to entries by id and never
carry prose. ``load()`` reads everything once per process.
"""
from __future__ import annotations

import functools
from pathlib import Path
from typing import NamedTuple, Optional

from pydantic import BaseModel, ConfigDict, Field, model_validator

from facts.vocab import Category, Kind, Moment, Owner, Priority, PriorityValue, Subject

HERE = Path(__file__).resolve().parent
QUOTE_MIN, QUOTE_MAX = 20, 300


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)  # built on first validation: a cached KB never needs it


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


class Variant(_Strict):
    """What changes in an entry for one subject: its words, and who acts on it."""
    title: Optional[Text] = None
    text: Optional[Text] = None
    rationale: Optional[Text] = None
    owner: Optional[Owner] = None


class Worded(NamedTuple):
    """An entry's words and owner for one subject (variants applied)."""
    title: Text
    text: Text
    rationale: Text
    owner: Owner


ALL_SUBJECTS: tuple[Subject, ...] = tuple(Subject)


class Entry(_Strict):
    """One piece of advice, warning or trade-off."""
    id: str = Field(pattern=r"^[a-z_]+\.[a-z0-9_]+$")
    category: Category
    kind: Kind = Kind.recommendation
    #: the plan: how much it matters (from the guide's own wording), when, and who acts.
    priority: Priority
    moment: Moment
    owner: Owner
    title: Text
    text: Text
    rationale: Text
    citations: tuple[Citation, ...] = Field(min_length=1)
    #: the subjects the entry can be advised for (rules must not emit it for others).
    subjects: tuple[Subject, ...] = ALL_SUBJECTS
    #: per subject, the words (and owner) that differ from the ones above.
    variants: dict[Subject, Variant] = {}
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
        stray = set(self.variants) - set(self.subjects)
        if stray:
            raise ValueError(f"{self.id}: a variant for {sorted(stray)[0]} outside its subjects")
        if (Subject.labour_migrant_housing in self.subjects
                and self.worded(Subject.labour_migrant_housing).owner == Owner.coa):
            raise ValueError(f"{self.id}: owner 'coa' for labour migrants; give the labour-migrant "
                             f"variant another owner, or leave labour_migrant_housing out of subjects")
        return self

    def worded(self, subject: Subject) -> Worded:
        """Title, text, rationale and owner for ``subject``."""
        v = self.variants.get(subject) or Variant()
        return Worded(v.title or self.title, v.text or self.text, v.rationale or self.rationale,
                      v.owner or self.owner)


class Role(_Strict):
    """Who does what in a runbook scenario."""
    owner: Owner
    task: Text


class RunbookScenario(_Strict):
    """A scenario of the scenario plan (asiel-2021 §7.4, asiel-statushouders-2016 §7.4), with
    the topics the guides name: description, prevention, response, roles and tasks, points of
    attention and (active) use of social media."""
    id: str = Field(pattern=r"^runbook\.[a-z0-9_]+$")
    title: Text
    description: Text
    prevention: tuple[Text, ...] = Field(min_length=1)
    response: tuple[Text, ...] = Field(min_length=1)
    roles: tuple[Role, ...] = Field(min_length=1)
    attention: tuple[Text, ...] = Field(min_length=1)
    social_media: tuple[Text, ...] = Field(min_length=1)
    citations: tuple[Citation, ...] = Field(min_length=1)
    subjects: tuple[Subject, ...] = ALL_SUBJECTS

    @model_validator(mode="after")
    def _owners_fit(self):
        if Subject.labour_migrant_housing in self.subjects and any(r.owner == Owner.coa for r in self.roles):
            raise ValueError(f"{self.id}: a role for 'coa' in a scenario that applies to labour migrants")
        return self


class RiskCap(_Strict):
    """While the intent points stay below ``intent_below``, the risk is at most ``level``."""
    intent_below: int
    level: str
    label: Text


class RiskParameters(_Strict):
    """Points per risk factor, their kinds, the score at which each risk level starts, caps,
    floors and the calibration note (rules/assessment.py, risk_breakdown)."""
    points: dict[str, dict[str, int]]
    kinds: dict[str, str] = {}
    impact_formats: tuple[str, ...] = ()
    levels: dict[str, int]
    caps: tuple[RiskCap, ...] = ()
    floors: dict[str, dict[str, str]]
    note: Optional[Text] = None


class Parameters(_Strict):
    scale: dict[str, int]
    risk: RiskParameters


class KnowledgeBase:
    """All sources, entries and parameters; ``entries`` is keyed by id."""

    def __init__(self, sources: dict[str, Source], entries: dict[str, Entry], parameters: Parameters,
                 runbook: dict[str, RunbookScenario] | None = None):
        self.sources = sources
        self.entries = entries
        self.parameters = parameters
        self.runbook = runbook or {}
        self._check_citations()

    def _check_citations(self) -> None:
        for scenario in self.runbook.values():
            for c in scenario.citations:
                src = self.sources.get(c.source)
                if src is None or c.section not in src.sections:
                    raise KnowledgeError(f"{scenario.id}: unknown source or section {c.source} {c.section!r}")
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


CACHE_ENV = "BIJEENKOMSTWIJZER_CACHE"
#: the code whose classes a cached knowledge base is made of: a change to it invalidates the cache
_MODEL_FILES = (HERE / "__init__.py", HERE.parent / "facts" / "vocab.py")


@functools.lru_cache(maxsize=None)
def load(root: Path = HERE) -> KnowledgeBase:
    """The knowledge base, read once per process.

    Parsing and validating the YAML takes most of a cold start, so the validated knowledge base
    is kept in a cache file keyed by the SHA-256 of every knowledge file and of the model code
    (kb/__init__.py, facts/vocab.py): any change to a file gives a new key, so the cache is
    never stale, and the YAML stays the only source. The cache lives in
    $BIJEENKOMSTWIJZER_CACHE, else $XDG_CACHE_HOME/bijeenkomstwijzer or
    ~/.cache/bijeenkomstwijzer; ``BIJEENKOMSTWIJZER_CACHE=off`` turns it off. A cache file is
    only read when the current user owns it and nobody else can write it.
    """
    key = _cache_key(root)
    cached = _cache_read(key)
    if cached is not None:
        return cached
    knowledge = _parse(root)
    _cache_write(key, knowledge)
    return knowledge


def _cache_key(root: Path) -> str:
    import hashlib
    import sys
    digest = hashlib.sha256(f"{sys.version_info[:2]}".encode())
    for path in (*_MODEL_FILES, *sorted(p for p in root.rglob("*.yaml") if p.is_file())):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _cache_dir() -> Optional[Path]:
    import os
    setting = os.environ.get(CACHE_ENV)
    if setting == "off":
        return None
    if setting:
        return Path(setting)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "bijeenkomstwijzer"


def _cache_read(key: str) -> Optional[KnowledgeBase]:
    import os
    import pickle
    folder = _cache_dir()
    if folder is None:
        return None
    path = folder / f"kb-{key[:32]}.pickle"
    try:
        with open(path, "rb") as fh:
            st = os.fstat(fh.fileno())
            if st.st_uid != os.getuid() or st.st_mode & 0o022:
                return None  # somebody else could have written it: never unpickle that
            knowledge = pickle.load(fh)  # noqa: S301 - our own file, checked above
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError, ValueError):
        return None
    return knowledge if isinstance(knowledge, KnowledgeBase) and getattr(knowledge, "cache_key", None) == key else None


def _cache_write(key: str, knowledge: KnowledgeBase) -> None:
    """Best effort: a folder that cannot be written just means no cache."""
    import os
    import pickle
    import tempfile
    folder = _cache_dir()
    if folder is None:
        return
    knowledge.cache_key = key
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".kb-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(knowledge, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, folder / f"kb-{key[:32]}.pickle")
        except BaseException:
            os.unlink(tmp)
            raise
    except (OSError, pickle.PicklingError):
        pass


def _add(into: dict, model: type[BaseModel], raw, file: str) -> None:
    """Validate one item of a knowledge file into ``into`` by id; errors name file and id."""
    try:
        item = model.model_validate(raw)
    except Exception as exc:  # pydantic error: name the file and the item
        raise KnowledgeError(f"{file}: {raw.get('id', '?') if isinstance(raw, dict) else raw!r}: {exc}") from None
    if item.id in into:
        raise KnowledgeError(f"{file}: duplicate id {item.id}")
    into[item.id] = item


def _parse(root: Path) -> KnowledgeBase:
    """Read and validate every knowledge file (the slow path, behind the cache)."""
    sources = {s["id"]: Source.model_validate(s) for s in _read_yaml(root / "sources.yaml")}
    parameters = Parameters.model_validate(_read_yaml(root / "parameters.yaml"))
    entries: dict[str, Entry] = {}
    for path in sorted((root / "entries").glob("*.yaml")):
        for raw in _read_yaml(path) or []:
            _add(entries, Entry, raw, path.name)
    runbook: dict[str, RunbookScenario] = {}
    runbook_file = root / "runbook.yaml"
    for raw in (_read_yaml(runbook_file) if runbook_file.exists() else None) or []:
        _add(runbook, RunbookScenario, raw, runbook_file.name)
    knowledge = KnowledgeBase(sources, entries, parameters, runbook)
    knowledge.version = content_version(root)
    return knowledge


def content_version(root: Path = HERE) -> str:
    """A short hash of every knowledge file (path and bytes): the knowledge version on the memo."""
    import hashlib
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*.yaml") if p.is_file()):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:12]
