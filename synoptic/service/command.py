"""``synoptic serve``: the HTTP API and the web page under uvicorn.

The CLI imports this module on every start, so it imports nothing from the ``[server]`` extra until
the handler runs; without the extra, ``serve`` says how to install it.
"""

from __future__ import annotations

import argparse
import importlib.util
import ipaddress
import os
import socket
import sys
from pathlib import Path

from synoptic.errors import MissingExtraError, OptionsError, SynopticError

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
DEFAULT_MAX_BODY_MB = 10.0  # ten 1 MB HTML pages, or thousands of plain-text articles
DEFAULT_MAX_ARTICLES = 100  # a story's coverage rarely passes a few dozen reports; the brief costs grow with it
LISTEN_BACKLOG = 2048  # connections the kernel queues before the server accepts them (uvicorn's default)


def default_db_path() -> Path:
    """$XDG_DATA_HOME/synoptic/briefs.db, else ~/.local/share/synoptic/briefs.db."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "synoptic" / "briefs.db"


def add_parser(sub: argparse._SubParsersAction) -> None:
    serve = sub.add_parser(
        "serve",
        help="run the HTTP API and the web page (needs the [server] extra)",
        description="Serve the JSON API (/api, documented at /docs) and the web page (/) for writing and reading briefs.",
    )
    serve.add_argument("--host", default=DEFAULT_HOST, help=f"address to listen on (default {DEFAULT_HOST}: this machine only)")
    serve.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT}; 0 picks a free one)")
    serve.add_argument("--db", type=Path, help=f"SQLite file of stored briefs (default {default_db_path()})")
    serve.add_argument("--articles-dir", type=Path, metavar="DIR", help="a folder whose subfolders can be briefed by name from the page and API")
    serve.add_argument("--stories-db", type=Path, metavar="FILE", help="a story store built by `synoptic stories ingest`, served read-only at /stories (an ingest may go on beside it)")
    serve.add_argument("--allow-fetch", action="store_true", help="let clients give URLs to fetch (public addresses only)")
    serve.add_argument("--max-body-mb", type=float, default=DEFAULT_MAX_BODY_MB, help=f"largest request body in MB (default {DEFAULT_MAX_BODY_MB:g})")
    serve.add_argument("--max-articles", type=int, default=DEFAULT_MAX_ARTICLES, help=f"most articles or files per brief (default {DEFAULT_MAX_ARTICLES})")
    serve.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="processes computing briefs (default: one per CPU core)")
    serve.add_argument("--verbose", action="store_true", help="log every request")
    serve.set_defaults(handler=run_serve)


def _require_server_extra() -> None:
    for module in ("fastapi", "uvicorn", "jinja2"):
        if importlib.util.find_spec(module) is None:
            raise MissingExtraError(module, "server")
    if importlib.util.find_spec("python_multipart") is None and importlib.util.find_spec("multipart") is None:
        raise MissingExtraError("python-multipart", "server")


def _listen(host: str, port: int) -> socket.socket:
    """A listening socket, bound here so a busy port is a one-line error and port 0 can be reported."""
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)[0]
        sock = socket.socket(family, kind, proto)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(LISTEN_BACKLOG)
    except OSError as exc:
        raise SynopticError(f"{host}:{port}: cannot listen ({exc.strerror or exc}); choose another --host or --port") from None
    return sock


def _check(args: argparse.Namespace) -> None:
    if not 0 <= args.port <= 65535:
        raise OptionsError(f"--port must be from 0 to 65535, not {args.port}")
    if not args.max_body_mb > 0:
        raise OptionsError(f"--max-body-mb must be more than 0, not {args.max_body_mb:g}")
    for name in ("max_articles", "workers"):
        if getattr(args, name) < 1:
            raise OptionsError(f"--{name.replace('_', '-')} must be at least 1, not {getattr(args, name)}")


def run_serve(args: argparse.Namespace) -> int:
    _check(args)
    _require_server_extra()
    import uvicorn

    from synoptic.service.app import Settings, create_app
    from synoptic.service.store import BriefStore
    from synoptic.service.stories import ReadOnlyStoryStore

    db = args.db or default_db_path()
    if args.stories_db is not None:
        ReadOnlyStoryStore(args.stories_db).close()  # a missing file or one that is not a story store: one line, before anything starts
        if db.resolve() == args.stories_db.resolve():
            raise OptionsError(f"--db and --stories-db both name {db}; the server writes briefs to --db, so give it a file of its own")
    store = BriefStore(db)
    sock = _listen(args.host, args.port)
    host, port = sock.getsockname()[:2]
    loopback = ipaddress.ip_address(host.split("%")[0]).is_loopback
    url = f"http://{f'[{host}]' if ':' in host else host}:{port}/"
    if not loopback:
        print(f"synoptic: note: listening on {host}; anyone who can reach it can read and write briefs", file=sys.stderr)
    stories_note = f"; stories read from {args.stories_db}" if args.stories_db else ""
    settings = Settings(
        articles_dir=args.articles_dir,
        allow_fetch=args.allow_fetch,
        max_body_bytes=int(args.max_body_mb * 1024 * 1024),
        max_articles=args.max_articles,
        workers=args.workers,
        loopback=loopback,
        ready_message=f"synoptic: serving on {url} (briefs stored in {db}{stories_note}); Ctrl+C stops",
        stories_db=args.stories_db,
    )
    app = create_app(store, settings)
    config = uvicorn.Config(app, log_level="info" if args.verbose else "warning", access_log=args.verbose, lifespan="on")
    server = uvicorn.Server(config)
    server.run(sockets=[sock])
    return 0 if server.started else 1
