"""`synoptic spark run` before Spark starts: options, missing extras and Java, the other entry points."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest

from synoptic.cli import main
from synoptic.distributed import command
from synoptic.errors import SynopticError
from tests.conftest import ROOT


def run(capsys, *args: str) -> tuple[int, str]:
    code = main(["spark", "run", *args])
    return code, capsys.readouterr().err


def test_without_the_spark_extra_the_error_says_what_to_install(capsys, monkeypatch, tmp_path):
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "pyspark" else real(name, *a))
    code, err = run(capsys, "--input", str(tmp_path), "--output", str(tmp_path / "out"))
    assert code == 1
    assert err == "synoptic: error: this feature needs the 'pyspark' package; install it with: pip install 'synoptic[spark]'\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--window-days", "0"], "--window-days must be a whole number of at least 1, not 0"),
        (["--idle-days", "-3"], "--idle-days must be a whole number of at least 1, not -3"),
        (["--conf", "spark.driver.memory"], "--conf spark.driver.memory: give KEY=VALUE"),
        (["--method", "nonesuch"], "nonesuch"),
        (["--master", "bogus://x"], "--master bogus://x: give local, local[N], local[*], spark://HOST:PORT, yarn or k8s://URL"),
    ],
)
def test_bad_options_are_refused_before_spark_starts(capsys, tmp_path, args, message):
    code, err = run(capsys, "--input", str(tmp_path), "--output", str(tmp_path / "out"), *args)
    assert code == 2
    assert err.startswith("synoptic: error: ") and message in err and err.count("\n") == 1


def test_without_java_the_error_says_how_to_install_it(monkeypatch, tmp_path):
    monkeypatch.delenv("JAVA_HOME", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))  # no java on it
    with pytest.raises(SynopticError, match=r"Spark needs Java, and none was found .*apt-get install openjdk-17-jre-headless"):
        command.require_java()


def test_an_old_java_is_named(monkeypatch, tmp_path):
    java = tmp_path / "bin" / "java"
    java.parent.mkdir()
    java.write_text('#!/bin/sh\necho \'java version "1.7.0_80"\' >&2\n')
    java.chmod(0o755)
    monkeypatch.setenv("JAVA_HOME", str(tmp_path))
    with pytest.raises(SynopticError, match=r"Java 7 found, PySpark .* needs \d+ or newer"):
        command.require_java()


@pytest.mark.parametrize("entry", [["-m", "synoptic.distributed", "run"], [str(ROOT / "synoptic" / "distributed" / "job.py")]])
def test_the_module_and_the_spark_submit_script_take_the_same_arguments(entry):
    done = subprocess.run([sys.executable, *entry, "--help"], capture_output=True, text=True, check=True)
    assert "--window-days N" in done.stdout and "--output DIR" in done.stdout


def test_a_taken_local_output_is_refused_before_spark_starts(capsys, monkeypatch, tmp_path):
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "part-0.parquet").write_text("x")
    monkeypatch.setattr(command, "spark_session", lambda *a, **k: pytest.fail("Spark was started"))
    code, err = run(capsys, "--input", str(tmp_path), "--output", str(tmp_path / "out"))
    assert code == 1
    assert err == f"synoptic: error: {tmp_path / 'out'}: already exists; give a new --output folder or pass --overwrite\n"
