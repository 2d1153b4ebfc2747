"""Options from a TOML config file: every problem with the file is one error that names it."""

from __future__ import annotations

from pathlib import Path

import pytest

from synoptic.errors import OptionsError
from synoptic.options import load_options


def test_a_config_file_sets_defaults_and_flags_override_it(tmp_path: Path) -> None:
    config = tmp_path / "synoptic.toml"
    config.write_text("[brief]\nwords = 40\nanalysis = false\n")
    assert (load_options(config).words, load_options(config).analysis) == (40, False)
    assert load_options(config, words=70).words == 70


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        ("[brief]\nwordz = 40\n", "unknown option(s) wordz"),
        ('[brief]\nwords = "forty"\n', "words must be a whole number"),
        ("[brief]\nmin_articles = 0\n", "min_articles must be a whole number of at least 1"),
        ("not toml [[", "not valid TOML"),
    ],
)
def test_a_bad_config_file_is_named_in_its_error(tmp_path: Path, content: str, needle: str) -> None:
    config = tmp_path / "synoptic.toml"
    config.write_text(content)
    with pytest.raises(OptionsError) as refused:
        load_options(config)
    assert str(refused.value).startswith(f"{config}: ") and needle in str(refused.value)


def test_a_folder_given_as_the_config_file_is_an_error_not_a_crash(tmp_path: Path) -> None:
    with pytest.raises(OptionsError, match="cannot read the config file"):
        load_options(tmp_path)
