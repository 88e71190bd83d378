"""Samplers of vilfredo studies: how a study chooses parameter values.

A sampler object is a small configuration; the study builds the Rust sampler from it
(``_spec()`` returns its kind and options), so a sampler runs without the GIL.
"""

from __future__ import annotations

from typing import Any


class BaseSampler:
    """The base of vilfredo's samplers (a configuration turned into a Rust sampler)."""

    _kind = ""

    def __init__(self, **options: Any) -> None:
        self._options = options

    def _spec(self) -> tuple[str, dict[str, Any]]:
        return self._kind, dict(self._options)

    def __repr__(self) -> str:
        opts = ", ".join(f"{k}={v!r}" for k, v in self._options.items())
        return f"{type(self).__name__}({opts})"


class RandomSampler(BaseSampler):
    """Draws every parameter independently and uniformly on its own scale
    (log-uniform for ``log=True``, uniformly over grid points and choices).

    Each value depends only on ``seed``, the trial number and the parameter name, so a
    seeded random search gives the same trials with any number of workers.
    ``seed=None`` draws a seed from the operating system.

    Examples
    --------
    >>> import vilfredo as vf
    >>> study = vf.create_study(sampler=vf.samplers.RandomSampler(seed=7))
    >>> 0.0 <= study.ask().suggest_float("x", 0.0, 1.0) <= 1.0
    True
    """

    _kind = "random"

    def __init__(self, seed: int | None = None) -> None:
        super().__init__(seed=seed)


__all__ = ["BaseSampler", "RandomSampler"]
