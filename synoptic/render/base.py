"""The renderer registry and the JSON renderer (the contract other tools read)."""

from __future__ import annotations

import json
from collections.abc import Callable

from synoptic.model import Brief
from synoptic.registry import Registry

Renderer = Callable[[Brief], str]
RENDERERS: Registry[Renderer] = Registry("output format")


@RENDERERS.register("json")
def to_json(brief: Brief) -> str:
    return json.dumps(brief.to_dict(), ensure_ascii=False, indent=2)


def source_numbers(brief: Brief) -> dict[str, int]:
    """Citation markers number the sources in the order of the source list, from 1."""
    return {s.id: n for n, s in enumerate(brief.sources, 1)}
