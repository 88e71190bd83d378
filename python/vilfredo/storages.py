"""Storages of vilfredo studies, for sharing one store between several study objects.

``create_study(storage=...)`` also takes a URL string directly
(``"sqlite:///path/to/file.db"``, Optuna's form); ``None`` means a new in-memory store.

Examples
--------
>>> import vilfredo as vf
>>> store = vf.storages.InMemoryStorage()
>>> _ = vf.create_study(study_name="a", storage=store)
>>> vf.load_study(study_name="a", storage=store).study_name
'a'
"""

from __future__ import annotations

from vilfredo._vilfredo import Storage


def InMemoryStorage() -> Storage:  # noqa: N802 (Optuna's class name)
    """A new, empty in-memory storage, shared by the studies given it."""
    return Storage.in_memory()


def open(url: str) -> Storage:  # noqa: A001 (the natural name in this namespace)
    """Opens the storage ``url`` names (``"sqlite:///file.db"`` or ``"memory"``)."""
    return Storage.open(url)


__all__ = ["InMemoryStorage", "Storage", "open"]
