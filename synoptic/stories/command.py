"""``synoptic stories …`` and ``synoptic eval-stories``: thin handlers over synoptic.stories.

The CLI imports this module on every start, so it imports nothing heavy until a handler runs.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from synoptic.errors import InputError, OptionsError, SynopticError

LIST_FORMATS = ("text", "json")
EXPORT_FORMATS = ("jsonl",)


def _error(message: str) -> None:
    print(f"synoptic: error: {message}", file=sys.stderr)


def add_parsers(sub: argparse._SubParsersAction) -> None:
    from synoptic.cli import (
        add_brief_options,  # the same brief options as `synoptic brief`
    )

    stories = sub.add_parser("stories", help="group a stream of articles into stories (SQLite store); brief a story; what is new")
    commands = stories.add_subparsers(dest="stories_command", required=True)

    ingest = commands.add_parser("ingest", help="add articles to the store and assign each to a story")
    ingest.add_argument("paths", nargs="+", metavar="PATH", help="files (.txt .html .json .jsonl .rss .atom .xml .warc .warc.gz), folders, - for stdin, or URLs with --allow-fetch")
    ingest.add_argument("--db", type=Path, required=True, metavar="FILE", help="the SQLite story store (created if missing)")
    ingest.add_argument("--allow-fetch", action="store_true", help="fetch http(s) feed and page URLs (public addresses only)")
    ingest.add_argument("--idle-days", type=int, metavar="N", help="close a story after N days without an article (default 800, kept in the store)")
    ingest.set_defaults(handler=run_ingest)

    listing = commands.add_parser("list", help="list the stories, most recent first")
    listing.add_argument("--db", type=Path, required=True, metavar="FILE")
    listing.add_argument("--since", metavar="DATE", help="only stories with an article dated on or after DATE (2025-03-12, 12 March 2025, yesterday, 3 days ago …)")
    listing.add_argument("--format", default="text", help="text or json (default text)")
    listing.set_defaults(handler=run_list)

    _add_brief_command(commands, "show", "the brief of one story", run_show, add_brief_options)
    updates = _add_brief_command(commands, "updates", "the brief of what is new in a story since a date", run_updates, add_brief_options)
    updates.add_argument("--since", required=True, metavar="TIMESTAMP", help="articles dated on or after this are new: a day (2025-03-12, 12 March 2025, yesterday, 3 days ago …) or an instant (2025-03-12T14:00, UTC unless it says otherwise)")

    export = commands.add_parser("export", help="one line per article: {\"article\": id, \"story\": story id}")
    export.add_argument("--db", type=Path, required=True, metavar="FILE")
    export.add_argument("--format", default="jsonl", help="jsonl (the only format)")
    export.add_argument("--output", "-o", type=Path, help="write here instead of stdout")
    export.set_defaults(handler=run_export)

    evaluate = sub.add_parser("eval-stories", help="replay an article stream with gold stories; BCubed, pairwise F1, AMI, speed, memory")
    evaluate.add_argument("stream", metavar="STREAM.jsonl", help="one article a line, each with its gold \"story\"")
    evaluate.add_argument("--idle-days", type=int, metavar="N", help="close a story after N days without an article (default 800)")
    evaluate.add_argument("--json", type=Path, metavar="OUT", help="also write the figures as JSON here")
    evaluate.set_defaults(handler=run_eval_stories)


def _add_brief_command(commands, name: str, help_text: str, handler, add_brief_options) -> argparse.ArgumentParser:
    """A subcommand that renders a brief of one story: ID, --db, --format, -o and the brief options."""
    parser = commands.add_parser(name, help=help_text)
    parser.add_argument("story", metavar="ID")
    parser.add_argument("--db", type=Path, required=True, metavar="FILE")
    parser.add_argument("--format", default="md", help="md, json or html (default md)")
    parser.add_argument("--output", "-o", type=Path, help="write here instead of stdout")
    add_brief_options(parser)
    parser.set_defaults(handler=handler)
    return parser


def _existing_store(db: Path):  # -> StoryStore
    from synoptic.stories import StoryStore

    if not db.is_file():
        raise SynopticError(f"{db}: no such story store; create one with: synoptic stories ingest PATH --db {db}")
    return StoryStore(db)


def _since(value: str | None, instant: bool = False) -> str | None:
    """``--since`` as the store compares it: an ISO day, or (``instant``, for updates) its instant when it
    gives a time of day. A value that is not a date is bad usage (exit 2), like any bad option."""
    from synoptic.stories.features import day_iso
    from synoptic.stories.store import normal_since, parse_since

    if value is None:
        return None
    try:
        return normal_since(value) if instant else day_iso(parse_since(value))
    except InputError as exc:
        raise OptionsError(str(exc)) from None


def _write(text: str, output: Path | None) -> None:
    text = text if not text or text.endswith("\n") else text + "\n"
    if output is None:
        sys.stdout.write(text)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise SynopticError(f"{output}: cannot write ({exc.strerror}); check the path") from None


def run_ingest(args: argparse.Namespace) -> int:
    from synoptic.ingest import iter_articles
    from synoptic.stories import StoryStore

    if args.idle_days is not None and args.idle_days < 1:
        raise OptionsError(f"--idle-days must be a whole number of at least 1, not {args.idle_days}")
    new_store = not Path(args.db).exists()
    with StoryStore(args.db, idle_days=args.idle_days) as store:
        articles = iter_articles(args.paths, allow_fetch=args.allow_fetch, on_note=lambda note: print(f"synoptic: note: {note}", file=sys.stderr))
        report = store.ingest(articles, on_error=lambda e: _error(f"{e}; skipped"))
    if new_store and not report.added:  # a typo'd path must not leave an empty store behind to puzzle over
        Path(args.db).unlink(missing_ok=True)
        _error(f"{args.db}: nothing could be read, so no store was created; check the paths")
        return 1
    print(f"{args.db}: {report.line()}", file=sys.stderr)
    return 1 if report.failed else 0


def run_list(args: argparse.Namespace) -> int:
    from synoptic.stories import list_stories

    if args.format not in LIST_FORMATS:
        raise OptionsError(f"unknown list format '{args.format}'; choose one of: {', '.join(LIST_FORMATS)}")
    since = _since(args.since)
    with _existing_store(args.db) as store:
        stories = list_stories(store, since)
    if args.format == "json":
        _write(json.dumps([s.to_dict() for s in stories], ensure_ascii=False, indent=2), None)
        return 0
    if not stories:  # say so, rather than print nothing at all
        print(f"{args.db}: no stories" + (f" with an article dated on or after {since}" if since else " yet"), file=sys.stderr)
    for s in stories:
        print(f"{s.id}  {s.size:>4} {'article ' if s.size == 1 else 'articles'}  {s.first_date} – {s.last_date}  {s.status:<6}  {s.title or '(untitled)'}")
    return 0


def _brief_options(args: argparse.Namespace):  # -> Options
    from synoptic.cli import brief_options

    return brief_options(args)


def _say_if_not_english(brief) -> None:  # (brief: Brief)
    """The note a one-off brief gives on stderr when its articles do not read as English; a story's brief never
    gives the several-stories one (synoptic.stories.brief_of_story)."""
    from synoptic.cli import not_english_note

    if "not_english" in brief.meta:
        print(f"synoptic: note: {not_english_note(brief.meta['not_english'], brief.meta['articles'])}", file=sys.stderr)


def run_show(args: argparse.Namespace) -> int:
    from synoptic.render import RENDERERS
    from synoptic.stories import story_brief

    renderer = RENDERERS.get(args.format)
    options = _brief_options(args)
    with _existing_store(args.db) as store:
        brief = story_brief(store, args.story, options)
    _say_if_not_english(brief)
    _write(renderer(brief), args.output)
    return 0


def run_updates(args: argparse.Namespace) -> int:
    from synoptic.render import RENDERERS
    from synoptic.stories import story_updates

    renderer = RENDERERS.get(args.format)
    options, since = _brief_options(args), _since(args.since, instant=True)
    with _existing_store(args.db) as store:
        brief = story_updates(store, args.story, since, options)
    _say_if_not_english(brief)
    _write(renderer(brief), args.output)
    return 0


def run_export(args: argparse.Namespace) -> int:
    if args.format not in EXPORT_FORMATS:
        raise OptionsError(f"unknown export format '{args.format}'; choose one of: {', '.join(EXPORT_FORMATS)}")
    with _existing_store(args.db) as store:
        lines = [json.dumps({"article": article, "story": story}, ensure_ascii=False) for article, story in store.assignments()]
    _write("\n".join(lines), args.output)  # an empty store exports an empty file
    return 0


def run_eval_stories(args: argparse.Namespace) -> int:
    from synoptic.evaluate.stories import evaluate_stream

    report = evaluate_stream(args.stream, idle_days=args.idle_days, on_error=lambda e: _error(f"{e}; skipped"))
    _write(report.table(), None)
    if args.json is not None:
        _write(json.dumps(report.to_dict(), indent=2), args.json)
    return 1 if report.failed else 0
