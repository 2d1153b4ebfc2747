"""Corpus-scale batch on Apache Spark: the story grouping and story briefs of synoptic.stories,
computed for millions of articles, locally (``local[*]``) or unchanged on a cluster.

``synoptic spark run`` (synoptic.distributed.command) starts a session and runs the job
(synoptic.distributed.job), whose executors call the functions of synoptic.distributed.tasks;
synoptic.distributed.assign holds the order-dependent steps as plain Python. Nothing here imports
pyspark until a job runs: the core install does not need the ``spark`` extra.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def pandas_warning_silenced() -> Iterator[None]:
    """PySpark warns that it does not fully support pandas 3 when imported and when a job maps
    batches; the job hands Arrow batches over and never uses pandas, so the warning is noise."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="PySpark does not yet fully support pandas", category=FutureWarning)
        yield
