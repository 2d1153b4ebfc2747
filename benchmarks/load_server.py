"""Load test of `synoptic serve` on loopback: N concurrent clients post briefs for a fixed time.

Starts its own server on a temporary database (or targets --url, which must resolve to loopback only),
has every client post the bundled sample as a JSON cluster in a loop, and reports throughput, latency
percentiles, errors, the server's memory, and whether every 201 was stored. Bounded in clients, time
and requests, so it cannot turn into a flood by accident.

Run: .venv/bin/python benchmarks/load_server.py [--clients 200] [--duration 60] [--workers N] [--url URL]
"""

from __future__ import annotations

import argparse
import asyncio
import ipaddress
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, deque
from pathlib import Path
from urllib.parse import urlsplit

import httpx

from synoptic.ingest import read_inputs

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "examples" / "varrow-pass"
MAX_CLIENTS = 1000
MAX_DURATION_S = 600
PROGRESS_EVERY_S = 10
SERVER_LOG_LINES = 40  # the server's last stderr lines, shown when requests failed
READY = re.compile(r"serving on (http://\S+?)/? ")


def loopback_url(url: str) -> str:
    """The URL, if its host resolves to loopback addresses only; a load test must not leave the machine."""
    parts = urlsplit(url)
    if parts.scheme != "http" or not parts.hostname:
        sys.exit(f"load_server: --url {url}: give an http://127.0.0.1:PORT address")
    infos = socket.getaddrinfo(parts.hostname, parts.port or 80, type=socket.SOCK_STREAM)
    addresses = {ipaddress.ip_address(info[4][0].split("%")[0]) for info in infos}
    if not addresses or not all(a.is_loopback for a in addresses):
        sys.exit(f"load_server: --url {url} resolves to {', '.join(map(str, addresses))}; only loopback targets are allowed")
    return url.rstrip("/")


def start_server(db: Path, workers: int | None, log: deque[str]) -> tuple[subprocess.Popen[str], str]:
    """A server on a free loopback port; its stderr is drained into ``log`` for as long as it runs
    (left unread, a full pipe would block the server at its next log line)."""
    command = [sys.executable, "-m", "synoptic", "serve", "--port", "0", "--db", str(db)]
    if workers:
        command += ["--workers", str(workers)]
    proc = subprocess.Popen(command, cwd=ROOT, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    assert proc.stderr is not None
    for line in proc.stderr:
        log.append(line)
        if match := READY.search(line):
            threading.Thread(target=log.extend, args=(proc.stderr,), daemon=True).start()
            return proc, match.group(1)
    sys.exit(f"load_server: the server did not start (exit {proc.wait()}): {''.join(log)}")


def rss_mb(pid: int) -> float:
    """Resident memory of a process and its children (the brief workers), from /proc; 0 where absent."""
    pids = [pid] + [int(p.name) for p in Path("/proc").iterdir() if p.name.isdigit() and _parent(p) == pid]
    total = 0
    for each in pids:
        try:
            total += int(re.search(r"VmRSS:\s+(\d+)", Path(f"/proc/{each}/status").read_text()).group(1))
        except (OSError, AttributeError):
            continue
    return total / 1024


def _parent(proc_dir: Path) -> int:
    try:
        return int((proc_dir / "stat").read_text().rsplit(")", 1)[1].split()[1])
    except (OSError, IndexError, ValueError):
        return -1


async def client(http: httpx.AsyncClient, body: bytes, params: dict, deadline: float, budget: list[int], results: list) -> None:
    while time.monotonic() < deadline and budget[0] > 0:
        budget[0] -= 1
        started = time.perf_counter()
        try:
            response = await http.post("/api/briefs", content=body, params=params, headers={"content-type": "application/json"})
            outcome = "ok" if response.status_code == 201 else f"HTTP {response.status_code}"
        except httpx.HTTPError as exc:
            outcome = type(exc).__name__
        results.append((outcome, time.perf_counter() - started))


async def run_load(url: str, clients: int, duration: float, max_requests: int, words: int, timeout: float) -> tuple[list, float]:
    articles = read_inputs([str(SAMPLE)]).articles
    fields = ("id", "title", "text", "date", "source", "url")
    body = json.dumps({"id": "varrow", "articles": [{f: getattr(a, f) for f in fields} for a in articles]}).encode()
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    results: list[tuple[str, float]] = []
    budget = [max_requests]
    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=timeout) as http:
        started = time.monotonic()
        deadline = started + duration
        load = asyncio.gather(*(client(http, body, {"words": words}, deadline, budget, results) for _ in range(clients)))
        while not load.done():  # progress on stderr, so a stall shows while it happens
            await asyncio.wait([load], timeout=PROGRESS_EVERY_S)
            print(f"  {time.monotonic() - started:5.0f} s: {len(results)} answered", file=sys.stderr, flush=True)
        await load
        return results, time.monotonic() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=200, help=f"concurrent clients (at most {MAX_CLIENTS})")
    parser.add_argument("--duration", type=float, default=60, help=f"seconds of load (at most {MAX_DURATION_S})")
    parser.add_argument("--max-requests", type=int, default=100_000, help="stop after this many requests in all")
    parser.add_argument("--url", help="target this running server (loopback only) instead of starting one")
    parser.add_argument("--workers", type=int, help="brief workers of the server started here (default: its own, one per core)")
    parser.add_argument("--words", type=int, default=100)
    parser.add_argument("--timeout", type=float, default=300, help="per-request timeout in seconds; a timeout counts as an error")
    parser.add_argument("--json", type=Path, metavar="OUT", help="also write the figures as JSON")
    args = parser.parse_args()
    if not 1 <= args.clients <= MAX_CLIENTS or not 0 < args.duration <= MAX_DURATION_S or args.max_requests < 1:
        sys.exit(f"load_server: --clients must be 1..{MAX_CLIENTS}, --duration 0..{MAX_DURATION_S} s, --max-requests at least 1")

    server_log: deque[str] = deque(maxlen=SERVER_LOG_LINES)
    with tempfile.TemporaryDirectory() as tmp:
        proc = None
        if args.url:
            url = loopback_url(args.url)
        else:
            proc, url = start_server(Path(tmp) / "briefs.db", args.workers, server_log)
        try:
            before = httpx.get(f"{url}/api/briefs", params={"limit": 1}).json()["total"]
            health = httpx.get(f"{url}/healthz").json()
            results, wall = asyncio.run(run_load(url, args.clients, args.duration, args.max_requests, args.words, args.timeout))
            stored = httpx.get(f"{url}/api/briefs", params={"limit": 1}).json()["total"] - before
            memory = rss_mb(proc.pid) if proc is not None and Path("/proc").is_dir() else None
        finally:
            if proc is not None:
                proc.terminate()
                proc.wait(timeout=60)

    outcomes = Counter(outcome for outcome, _ in results)
    latencies = sorted(seconds * 1000 for outcome, seconds in results if outcome == "ok")
    cuts = statistics.quantiles(latencies, n=100, method="inclusive") if len(latencies) > 1 else [latencies[0]] * 99 if latencies else [0.0] * 99
    figures = {
        "clients": args.clients,
        "duration_s": round(wall, 1),
        "workers": health.get("workers"),
        "cpus": os.cpu_count(),
        "requests": len(results),
        "created": outcomes.get("ok", 0),
        "errors": {k: v for k, v in outcomes.items() if k != "ok"},
        "briefs_per_s": round(outcomes.get("ok", 0) / wall, 1),
        "latency_ms": {"p50": round(cuts[49]), "p90": round(cuts[89]), "p99": round(cuts[98]), "max": round(latencies[-1]) if latencies else 0},
        "stored": stored,
        "server_rss_mb": round(memory) if memory else None,
    }
    print(f"{figures['clients']} clients for {figures['duration_s']} s against {url} ({figures['workers']} brief workers, {figures['cpus']} CPUs)")
    print(f"requests {figures['requests']}, 201 created {figures['created']}, errors {sum(figures['errors'].values())} {figures['errors'] or ''}".rstrip())
    print(f"throughput {figures['briefs_per_s']} briefs/s; latency p50 {figures['latency_ms']['p50']} ms, p90 {figures['latency_ms']['p90']} ms, "
          f"p99 {figures['latency_ms']['p99']} ms, max {figures['latency_ms']['max']} ms")
    print(f"stored during the run: {stored} (every 201 stored: {'yes' if stored >= figures['created'] else 'NO'})"
          + (f"; server + workers RSS at the end {figures['server_rss_mb']} MB" if figures["server_rss_mb"] else ""))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n")
    if figures["errors"] and server_log:
        print("the server's last log lines:\n" + "".join(server_log), file=sys.stderr)
    sys.exit(1 if figures["errors"] or stored < figures["created"] else 0)


if __name__ == "__main__":
    main()
