"""Make experta 1.9.4 importable on Python >= 3.10.

experta 1.9.4 (its last release) pins ``frozendict==1.2``, whose module does
``class frozendict(collections.Mapping)``. The ``collections`` aliases of the ABCs were
removed in Python 3.10, so ``import experta`` fails with ``AttributeError: module
'collections' has no attribute 'Mapping'``. frozendict 1.2 itself works fine once the
name resolves, so we restore the aliases (pointing at ``collections.abc``) before experta
is first imported. This keeps ``pip install .`` a plain install: pip installs the pinned
versions, and nothing is patched on disk. tests/test_packaging.py and .ci/run check it
in a fresh environment.
"""
import collections
import collections.abc

for _name in ("Mapping", "MutableMapping", "Sequence", "Iterable", "Hashable", "Callable"):
    if not hasattr(collections, _name):
        setattr(collections, _name, getattr(collections.abc, _name))

import experta  # noqa: E402,F401  (imported here so every user goes through the shim)
