"""Shared fixtures: paths to the shared guides, tools and sample scenarios."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SAMPLES = sorted((SHARED / "scenarios").glob("*.yaml"))
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
CASES = sorted((ROOT / "tests" / "cases").glob("*.yaml"))


def _load_checker():
    path = SHARED / "tools" / "check_citations.py"
    spec = importlib.util.spec_from_file_location("check_citations", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def checker():
    """The shared citation checker (../shared/tools/check_citations.py) and the guides."""
    module = _load_checker()
    return module, module.load_sources()


@pytest.fixture(scope="session")
def knowledge():
    import kb
    return kb.load()
