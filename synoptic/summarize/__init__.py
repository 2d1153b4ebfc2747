"""Summarize: methods that pick sentences within a word budget, behind one registry."""

from __future__ import annotations

from synoptic.summarize import methods as _methods  # noqa: F401  (registers the methods)
from synoptic.summarize import baselines as _baselines  # noqa: F401
from synoptic.summarize.base import METHODS, Method, fill_budget
from synoptic.summarize.citations import cite
from synoptic.summarize.ordering import order_for_reading

__all__ = ["METHODS", "Method", "cite", "fill_budget", "order_for_reading"]
