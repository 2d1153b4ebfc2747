"""synoptic: many news reports of one story in, one cited brief out."""

from __future__ import annotations

__version__ = "0.1.0"

from synoptic.model import Article, Brief, Cluster  # noqa: E402
from synoptic.options import Options, load_options  # noqa: E402
from synoptic.pipeline import brief_cluster, make_brief  # noqa: E402

brief = make_brief  # the main entry point: synoptic.brief(articles, options) -> Brief

__all__ = ["Article", "Brief", "Cluster", "Options", "brief", "brief_cluster", "load_options", "make_brief", "__version__"]
