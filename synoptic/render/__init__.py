"""Render a Brief as Markdown, JSON or standalone HTML; renderers register by format name."""

from __future__ import annotations

from synoptic.render import html as _html  # noqa: F401  (registers renderers)
from synoptic.render import markdown as _markdown  # noqa: F401
from synoptic.render.base import RENDERERS, Renderer, to_json

__all__ = ["RENDERERS", "Renderer", "to_json"]
