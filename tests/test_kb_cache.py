"""The knowledge-base cache: used when the files are unchanged, never stale, never trusted blindly."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

import kb


@pytest.fixture()
def tree(tmp_path, monkeypatch):
    """A copy of the knowledge files and an empty cache folder of its own."""
    root = tmp_path / "kb"
    shutil.copytree(kb.HERE, root, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    monkeypatch.setenv(kb.CACHE_ENV, str(tmp_path / "cache"))
    kb.load.cache_clear()
    yield root
    kb.load.cache_clear()


def test_second_load_comes_from_the_cache_without_parsing(tree, monkeypatch):
    first = kb.load(tree)
    kb.load.cache_clear()
    monkeypatch.setattr(kb, "_parse", lambda root: pytest.fail("parsed although the cache is valid"))
    second = kb.load(tree)
    assert second.entries == first.entries and second.version == first.version
    assert [p.name for p in (tree.parent / "cache").iterdir()][0].startswith("kb-")


def test_a_changed_file_is_never_served_from_the_cache(tree):
    before = kb.load(tree)
    some_id = sorted(before.entries)[0]
    path = next(p for p in (tree / "entries").glob("*.yaml") if f"id: {some_id}\n" in p.read_text())
    path.write_text(path.read_text().replace("nl: ", "nl: GEWIJZIGD ", 1), encoding="utf-8")
    kb.load.cache_clear()
    after = kb.load(tree)
    assert after.version != before.version
    assert any("GEWIJZIGD" in e.title.nl or "GEWIJZIGD" in e.text.nl or "GEWIJZIGD" in e.rationale.nl
               for e in after.entries.values())


def test_a_cache_file_others_can_write_is_ignored(tree, monkeypatch):
    kb.load(tree)
    cache = next((tree.parent / "cache").glob("kb-*.pickle"))
    os.chmod(cache, 0o666)
    kb.load.cache_clear()
    parsed = []
    real = kb._parse
    monkeypatch.setattr(kb, "_parse", lambda root: parsed.append(root) or real(root))
    kb.load(tree)
    assert parsed == [tree]


def test_a_garbled_cache_file_is_ignored(tree):
    kb.load(tree)
    cache = next((tree.parent / "cache").glob("kb-*.pickle"))
    cache.write_bytes(b"not a pickle")
    kb.load.cache_clear()
    assert len(kb.load(tree).entries) > 100


def test_an_unwritable_cache_folder_still_loads(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv(kb.CACHE_ENV, str(blocker / "cache"))  # a folder below a file
    kb.load.cache_clear()
    try:
        assert len(kb.load().entries) > 100
    finally:
        kb.load.cache_clear()


def test_cache_off(tmp_path, monkeypatch):
    monkeypatch.setenv(kb.CACHE_ENV, "off")
    kb.load.cache_clear()
    try:
        assert kb._cache_dir() is None and len(kb.load().entries) > 100
    finally:
        kb.load.cache_clear()
    assert not any(Path(tmp_path).iterdir())
