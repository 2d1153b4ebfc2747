"""One real local Spark (local[2]) for the whole test session: starting its JVM takes seconds.

Skipped where PySpark or Java is missing; under CI (CI set) that is a failure instead, since .ci/run
installs a JDK."""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Iterator

import pytest

from synoptic.errors import SynopticError


def unavailable(reason: str, module_level: bool = False) -> None:
    """Skip, except under CI, where a missing piece of the Spark tests is a failure."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason}; CI must run the Spark tests (.ci/run installs a JDK)", pytrace=False)
    pytest.skip(reason, allow_module_level=module_level)


@pytest.fixture(scope="session")
def spark() -> Iterator:
    if importlib.util.find_spec("pyspark") is None:
        unavailable("pyspark is not installed (pip install -e '.[test]')")
    from synoptic.distributed.command import require_java, spark_session

    try:
        require_java()
    except SynopticError as exc:
        unavailable(str(exc))
    session, made_here = spark_session("local[2]")
    yield session
    if made_here:
        session.stop()
