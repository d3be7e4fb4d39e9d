"""Imports at Python's own cost once Qt is loaded: PySide6's ``__feature__`` import hook taken out again.

Importing PySide6 replaces ``builtins.__import__`` with ``__feature_import__``, which serves PySide's
optional ``from __feature__ import snake_case, true_property``. As a side effect it reads the whole
source of every module imported afterwards (``inspect.getsource``, kept in ``linecache``) to see whether
it mentions PySide6. Everything the app loads after Qt goes through it: the records layer that the
sign-in loads while the person types (SQLAlchemy, the models, the sign-in service) cost 17 MiB more
memory and about 20 % more CPU than the same imports without the hook (``benchmarks/startup.py``;
napari found the same tax: https://github.com/napari/napari/issues/8584).

TIPCase uses no ``__feature__``, so the app puts back the import that PySide6 wrapped
(``builtins.__orig_import__``, PySide6's own lazy-loading import, which stays). Modules imported later
are simply unknown to PySide's feature table, which then applies the default: no feature, as before.
"""

from __future__ import annotations

import builtins

_HOOK = "__feature_import__"


def remove_feature_import_hook() -> bool:
    """Put back the import PySide6's ``__feature__`` hook wraps; returns whether the hook was there.

    Call it after PySide6 is imported (the hook is installed then) and before the rest of the app loads.
    Does nothing when the hook is absent (PySide6 not imported yet, PyPy, a PySide6 without it), so it
    may be called more than once.
    """
    original = getattr(builtins, "__orig_import__", None)
    if original is None or getattr(builtins.__import__, "__name__", "") != _HOOK:
        return False
    builtins.__import__ = original
    return True
