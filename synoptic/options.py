"""One options object, resolved once: defaults, then a user TOML file, then CLI/API overrides.

Unknown keys are refused with the list of valid ones, so a typo never silently falls back to a
default (the lesson of trafilatura's settings object).
"""

from __future__ import annotations

import tomllib
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

from synoptic.errors import OptionsError

MAX_WORDS = 5000


@dataclass(frozen=True)
class Options:
    words: int = 100  # word budget of the summary
    method: str = "default"  # summarization method, from synoptic.summarize.METHODS
    min_articles: int = 2  # a brief compares reports; one article is refused unless lowered to 1
    show_removed: bool = False  # list every removed line/fragment in meta (debugging cleaning)
    analysis: bool = True  # cross-source sections: facts, conflicts, timeline, entities, quotes
    trim: bool = True  # drop attribution tails (", police said.") from summary sentences; evidence keeps them

    def __post_init__(self) -> None:
        if not isinstance(self.words, int) or isinstance(self.words, bool) or not 1 <= self.words <= MAX_WORDS:
            raise OptionsError(f"words must be a whole number from 1 to {MAX_WORDS}, not {self.words!r}", "words")
        if not isinstance(self.min_articles, int) or self.min_articles < 1:
            raise OptionsError(f"min_articles must be a whole number of at least 1, not {self.min_articles!r}", "min_articles")
        if not isinstance(self.method, str) or not self.method:
            raise OptionsError(f"method must be a method name, not {self.method!r}", "method")
        for name in ("show_removed", "trim", "analysis"):
            if not isinstance(getattr(self, name), bool):
                raise OptionsError(f"{name} must be true or false, not {getattr(self, name)!r}")

    @classmethod
    def names(cls) -> list[str]:
        return [f.name for f in fields(cls)]

    def updated(self, overrides: dict[str, Any]) -> Options:
        """A copy with ``overrides`` applied; ``None`` values mean "not given" and are ignored."""
        unknown = sorted(set(overrides) - set(self.names()))
        if unknown:
            raise OptionsError(
                f"unknown option(s) {', '.join(unknown)}; valid options are: {', '.join(self.names())}"
            )
        given = {k: v for k, v in overrides.items() if v is not None}
        return replace(self, **given)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def load_options(config: Path | None = None, **overrides: Any) -> Options:
    """Defaults, then the ``[brief]`` table of a TOML file, then explicit overrides."""
    options = Options()
    if config is not None:
        try:
            data = tomllib.loads(config.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise OptionsError(f"{config}: config file not found; check the path") from None
        except OSError as exc:  # a folder, or a file this user may not read
            raise OptionsError(f"{config}: cannot read the config file ({exc.strerror}); give a TOML file") from None
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise OptionsError(f"{config}: not valid TOML ({exc}); fix the file") from None
        table = data.get("brief", data)
        if not isinstance(table, dict):
            raise OptionsError(f"{config}: [brief] must be a table of options")
        try:
            options = options.updated(table)
        except OptionsError as exc:
            raise OptionsError(f"{config}: {exc}") from None
    return options.updated(overrides)
