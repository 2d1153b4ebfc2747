"""User-facing errors: each names the bad input and says what to do about it."""

from __future__ import annotations


class SynopticError(Exception):
    """Base class for errors caused by input or options; the CLI prints them on one line.

    ``option`` is the Options field the message names ("min_articles"), as the Python API and the HTTP
    API spell it; the command line spells it as its flag ("--min-articles") when it prints the message."""

    option: str | None = None


class InputError(SynopticError):
    """An input (file, stdin, cluster line) that cannot be used."""

    def __init__(self, origin: str, problem: str, advice: str) -> None:
        self.origin = origin
        self.problem = problem
        self.advice = advice
        super().__init__(f"{origin}: {problem}; {advice}")


def no_file(path: object, advice: str) -> InputError:
    """The error for a path that should name a file and does not: missing, or a folder (which commands that
    read one JSONL file cannot take, though ``brief`` and ``stories ingest`` can)."""
    from pathlib import Path  # lazy: this module is imported by everything and needs nothing else

    problem = "is a folder, not a file" if Path(str(path)).is_dir() else "no such file"
    return InputError(str(path), problem, advice)


class OptionsError(SynopticError):
    """An option with an unknown name or an invalid value."""

    def __init__(self, message: str, option: str | None = None) -> None:
        super().__init__(message)
        self.option = option


class MissingExtraError(SynopticError):
    """An optional dependency that is not installed."""

    def __init__(self, module: str, extra: str) -> None:
        super().__init__(
            f"this feature needs the '{module}' package; install it with: pip install 'synoptic[{extra}]'"
        )
