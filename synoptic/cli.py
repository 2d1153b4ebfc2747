"""Command line: thin subcommands over synoptic's Python API.

Exit codes: 0 all good; 1 some input failed (reported on stderr, the rest processed) or nothing
could be briefed; 2 bad usage or options.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path

from synoptic import __version__
from synoptic.distributed.command import add_parser as add_spark
from synoptic.errors import OptionsError, SynopticError, no_file
from synoptic.ingest import iter_clusters, read_inputs
from synoptic.options import load_options
from synoptic.pipeline import brief_cluster, make_brief
from synoptic.render import RENDERERS
from synoptic.service.command import add_parser as add_serve
from synoptic.stories.command import add_parsers as add_stories
from synoptic.summarize import METHODS


def _error(message: str) -> None:
    print(f"synoptic: error: {message}", file=sys.stderr)


def flag_wording(exc: SynopticError) -> str:
    """The message with the option it names spelled as the command line's flag ("words must be …" →
    "--words must be …", "min_articles=1" → "--min-articles 1"); the APIs keep the field's name."""
    if not exc.option:
        return str(exc)
    flag = "--" + exc.option.replace("_", "-")
    return re.sub(rf"\b{exc.option}\b(=?)", lambda m: flag + (" " if m.group(1) else ""), str(exc), count=1)


def add_brief_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--words", type=int, help="word budget of the summary (default 100)")
    parser.add_argument("--method", help=f"summarization method: {', '.join(METHODS.names())} (default: default)")
    parser.add_argument("--min-articles", type=int, dest="min_articles", help="fewest articles a brief needs (default 2)")
    parser.add_argument("--show-removed", action="store_true", default=None, dest="show_removed", help="list what cleaning removed in meta")
    parser.add_argument("--no-trim", action="store_false", default=None, dest="trim", help="keep attribution tails (\", police said.\") in summary sentences")
    parser.add_argument("--no-analysis", action="store_false", default=None, dest="analysis", help="summary only: skip facts, conflicts, timeline, entities and quotes")
    parser.add_argument("--config", type=Path, help="TOML file with a [brief] table of defaults")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="synoptic", description="Many news reports of one story in, one cited brief out.")
    parser.add_argument("--version", action="version", version=f"synoptic {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    brief = sub.add_parser("brief", help="write a brief of one cluster of articles (or of each cluster in a JSONL file)")
    brief.add_argument("paths", nargs="*", metavar="PATH", help="files (.txt .html .json .jsonl), folders, or - for stdin")
    brief.add_argument("--clusters", metavar="FILE.jsonl", help="brief every cluster of a JSONL file (one brief per line out)")
    brief.add_argument("--format", default=None, help="md, json, html, or jsonl with --clusters (default md; jsonl with --clusters)")
    brief.add_argument("--output", "-o", type=Path, help="write here instead of stdout")
    brief.add_argument("--one-story", action="store_true", dest="one_story", help="the PATHs (with --clusters: each cluster) are one story: do not say that they look like several (no note, no meta.stories)")
    add_brief_options(brief)
    brief.set_defaults(handler=run_brief)

    sub.add_parser("methods", help="list the summarization methods").set_defaults(handler=run_methods)

    evaluate = sub.add_parser("eval", help="ROUGE and speed of each method on a cluster JSONL file with reference summaries")
    evaluate.add_argument("data", metavar="DATA.jsonl", help="clusters, one a line, each with a \"summary\" (the references)")
    evaluate.add_argument("--methods", help="comma-separated methods (default: all registered except oracle*)")
    evaluate.add_argument("--words", type=int, default=100, help="word budget; summaries are cut to it (default 100)")
    evaluate.add_argument("--json", type=Path, metavar="OUT", help="also write the figures as JSON here")
    evaluate.add_argument("--limit", type=int, metavar="K", help="evaluate only the first K clusters")
    evaluate.set_defaults(handler=run_eval)
    # Subcommands of other packages: each module's add_parser(sub) sets its own handler and
    # imports nothing heavy until the handler runs.
    add_serve(sub)
    add_stories(sub)
    add_spark(sub)
    return parser


def _cannot_write(output: Path, exc: OSError) -> SynopticError:
    return SynopticError(f"{output}: cannot write ({exc.strerror}); check the path")


def _write(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return
    try:
        output.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
    except OSError as exc:
        raise _cannot_write(output, exc) from None


def brief_options(args: argparse.Namespace):  # -> Options
    return load_options(args.config, words=args.words, method=args.method, min_articles=args.min_articles, show_removed=args.show_removed, trim=args.trim, analysis=args.analysis)


def run_brief(args: argparse.Namespace) -> int:
    options = brief_options(args)
    METHODS.get(options.method)  # refuse an unknown method before reading anything
    if args.clusters:
        if args.paths:
            raise OptionsError("give either PATHs or --clusters FILE.jsonl, not both")
        if args.format not in (None, "jsonl"):
            raise OptionsError(f"--clusters writes JSONL; drop --format {args.format} or use --format jsonl")
        return _run_clusters(args.clusters, options, args.output, args.one_story)
    if not args.paths:
        raise OptionsError("give at least one PATH (a file, a folder, or - for stdin), or --clusters FILE.jsonl")
    fmt = args.format or "md"
    if fmt == "jsonl":
        raise OptionsError("--format jsonl writes one brief a line for --clusters FILE.jsonl; for PATHs use json, md or html")
    renderer = RENDERERS.get(fmt)
    ingested = read_inputs(args.paths)
    for error in ingested.errors:
        _error(f"{error}; skipped")
    for note in ingested.notes:
        print(f"synoptic: note: {note}", file=sys.stderr)
    if not ingested.articles:
        _error("no articles could be read; nothing to brief")
        return 1
    origin = args.paths[0] if len(args.paths) == 1 else f"{len(args.paths)} inputs"
    brief = make_brief(ingested.articles, options, origin=origin, one_story=args.one_story)
    for unread in brief.meta.get("dates_not_read", []):
        note = f"article {unread['article']}: its date '{unread['date']}' cannot be read as a day of the calendar; briefed as undated"
        print(f"synoptic: note: {note}", file=sys.stderr)
    if "not_english" in brief.meta:
        print(f"synoptic: note: {not_english_note(brief.meta['not_english'], len(ingested.articles))}", file=sys.stderr)
    if "stories" in brief.meta:
        print(f"synoptic: note: {several_stories_note(brief.meta['stories'], len(ingested.articles))}", file=sys.stderr)
    _write(renderer(brief), args.output)
    return 1 if ingested.errors else 0


def not_english_note(ids: list[str], total: int) -> str:
    """What to tell a user whose articles ``ids`` (meta["not_english"]) do not read as English."""
    which = f"the {total} articles do" if len(ids) == total else f"{len(ids)} of the {total} articles ({', '.join(ids[:5])}{', …' if len(ids) > 5 else ''}) do"
    return (
        f"{which} not read as English; synoptic's rules are written for English news, so the brief's quotes,"
        " disagreements, dates and names may be missing or noisy for them"
    )


def several_stories_note(stories: list[dict], total: int) -> str:
    """What to tell a user whose ``total`` articles read as several stories (meta["stories"]): how many,
    each one's size and title (the first three), and how to brief each apart or say that they are one."""
    shown = [f"{len(s['articles'])}: '{_shorten(s['title'])}'" for s in stories[:3]]
    more = f", and {len(stories) - 3} more" if len(stories) > 3 else ""
    grouped = sum(len(s["articles"]) for s in stories)
    which = f"these {total} articles" if grouped == total else f"{grouped} of these {total} articles"
    return (
        f"{which} look like {len(stories)} separate stories ({', '.join(shown)}{more}) that the brief mixes; "
        "brief each apart (synoptic stories ingest PATH --db FILE, then stories list and stories show ID), "
        "or pass --one-story if they are one story"
    )


def _shorten(title: str, words: int = 8) -> str:
    kept = title.split()
    return " ".join(kept[:words]) + (" …" if len(kept) > words else "")


def batch_notes(several: list[str], not_english: list[str], briefed: int) -> list[str]:
    """What to tell a user whose batch of ``briefed`` clusters holds some that read as several stories
    (``several``: their ids) or have articles that do not read as English: a line each, however many
    clusters, naming the first few; each brief's meta says the rest."""
    notes = []
    if several:
        notes.append(
            f"{_clusters_named(several, briefed)} {'looks' if len(several) == 1 else 'look'} like several separate stories,"
            f" which {'its brief mixes' if len(several) == 1 else 'their briefs mix'} (meta.stories lists them);"
            " pass --one-story if each cluster is one story"
        )
    if not_english:
        notes.append(
            f"{_clusters_named(not_english, briefed)} {'has' if len(not_english) == 1 else 'have'} articles that do not read as"
            " English (meta.not_english lists them); synoptic's rules are written for English news, so"
            f" {'its brief' if len(not_english) == 1 else 'their briefs'} may miss or garble quotes, disagreements, dates and names"
        )
    return notes


def _clusters_named(ids: list[str], briefed: int, shown: int = 10) -> str:
    """"3 of 46 clusters (d0601, d0602, d0603)", naming the first ``shown``."""
    more = f", and {len(ids) - shown} more" if len(ids) > shown else ""
    return f"{len(ids)} of {briefed} {'cluster' if briefed == 1 else 'clusters'} ({', '.join(ids[:shown])}{more})"


def _run_clusters(path: str, options, output: Path | None, one_story: bool = False) -> int:
    if path != "-" and not Path(path).is_file():
        raise no_file(path, "give the path of the --clusters JSONL file")
    failures = done = 0
    several: list[str] = []
    not_english: list[str] = []
    try:
        out = sys.stdout if output is None else open(output, "w", encoding="utf-8")
    except OSError as exc:
        raise _cannot_write(output, exc) from None
    try:
        for item in iter_clusters(path):
            if isinstance(item, SynopticError):
                _error(f"{item}; skipped")
                failures += 1
                continue
            try:
                brief = brief_cluster(item, options, one_story=one_story)
            except SynopticError as exc:
                _error(f"{flag_wording(exc)}; skipped")
                failures += 1
                continue
            except Exception as exc:  # noqa: BLE001 — one cluster's bug must not end a batch of thousands
                _error(f"cluster {item.id}: internal error ({type(exc).__name__}: {exc}); skipped — please report it")
                failures += 1
                continue
            out.write(json.dumps(brief.to_dict(), ensure_ascii=False) + "\n")
            done += 1
            if "stories" in brief.meta:
                several.append(brief.id)
            if "not_english" in brief.meta:
                not_english.append(brief.id)
    finally:
        if output is not None:
            out.close()
    for note in batch_notes(several, not_english, done):
        print(f"synoptic: note: {note}", file=sys.stderr)
    if failures:
        _error(f"{failures} cluster(s) failed, {done} briefed")
    if done == 0 and failures == 0:
        _error(f"{path}: holds no clusters; give a JSONL file with one cluster per line")
        return 1
    return 1 if failures else 0


def _progress(method: str, done: int, total: int) -> None:
    sys.stderr.write(f"\r{method}: {done}/{total} clusters" if done < total else "\r\033[K")
    sys.stderr.flush()


def run_eval(args: argparse.Namespace) -> int:
    from synoptic.evaluate import run_eval as evaluate  # numpy-heavy and needs the eval extra: load on demand

    report = evaluate(
        args.data,
        methods=args.methods,
        words=args.words,
        limit=args.limit,
        on_error=lambda exc: _error(f"{exc}; skipped"),
        progress=_progress if sys.stderr.isatty() else None,
    )
    if not report.clusters:
        _error(f"{args.data}: holds no usable clusters; give a JSONL file with one cluster per line, each with a \"summary\"")
        return 1
    _write(report.table(), None)
    if args.json is not None:
        try:
            _write(json.dumps(report.to_dict(), indent=2, ensure_ascii=False), args.json)
        except OSError as exc:
            raise SynopticError(f"{args.json}: cannot write the JSON figures ({exc.strerror}); check the path") from None
    return 1 if report.failures else 0


def run_methods(args: argparse.Namespace) -> int:
    for name in METHODS.names():
        doc = (METHODS.get(name).__doc__ or "").strip().splitlines()[0:1]
        print(f"{name:12} {doc[0] if doc else ''}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.handler(args)
    except OptionsError as exc:
        _error(flag_wording(exc))
        return 2
    except SynopticError as exc:
        _error(flag_wording(exc))
        return 1
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
