"""How many sources each summary sentence cites: near-copies alone, and with paraphrases.

Runs the default method on every cluster of a dev set (tac2010_A, 100 words by default) and counts,
for each summary sentence, the articles it cites (itself included) when only near-copies count and
when paraphrases count too (:func:`synoptic.summarize.citations.supporting_sentences` says which test
found each article). ``--list FILE`` writes every citation that only the paraphrase test adds, with
both sentences, for checking by hand; keep that file outside the repository (it quotes the articles).
Run: .venv/bin/python benchmarks/citation_support.py [--data FILE] [--words 100] [--list FILE]
"""

from __future__ import annotations

import argparse
import datetime
import statistics
from pathlib import Path

from record import write_section

from synoptic.ingest import iter_clusters
from synoptic.options import Options
from synoptic.pipeline import prepare_corpus
from synoptic.summarize import METHODS, order_for_reading
from synoptic.summarize.citations import supporting_sentences

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "tac2010_A.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--words", type=int, default=100)
    parser.add_argument("--list", type=Path, help="write the citations only paraphrases add to this file")
    args = parser.parse_args()
    options = Options(words=args.words)
    method = METHODS.get(options.method)
    copies_only, with_paraphrases, added = [], [], []
    for cluster in iter_clusters(args.data):
        if isinstance(cluster, Exception):
            print(f"skipped: {cluster}")
            continue
        corpus = prepare_corpus(cluster.articles, trim=options.trim)
        for i in order_for_reading(corpus, method(corpus, options.words)):
            support = supporting_sentences(corpus, i, cluster.date)
            copies_only.append(1 + sum(how == "copy" for _, how in support.values()))
            with_paraphrases.append(1 + len(support))
            added += [(cluster.id, corpus.shown(i), corpus.sentences[j]) for j, how in support.values() if how == "paraphrase"]
    before, after = statistics.mean(copies_only), statistics.mean(with_paraphrases)
    multi_before = sum(n > 1 for n in copies_only) / len(copies_only)
    multi_after = sum(n > 1 for n in with_paraphrases) / len(with_paraphrases)
    report = (
        f"{args.data.name}, {args.words} words, default method: {len(copies_only)} summary sentences; "
        f"sources per sentence {before:.2f} with near-copies only, {after:.2f} with paraphrases too; "
        f"sentences citing more than one source {multi_before:.0%} -> {multi_after:.0%}; "
        f"{len(added)} citations added by paraphrases"
    )
    print(report)
    if args.list:
        args.list.write_text(
            "".join(f"[{k}] {cid}\n  summary: {text}\n  {s.article}: {s.full}\n\n" for k, (cid, text, s) in enumerate(added, 1)),
            encoding="utf-8",
        )
    write_section(
        "citation_support",
        f"## Sources cited per summary sentence (`benchmarks/citation_support.py`, {datetime.date.today()})\n\n"
        f"{report}.\n\nCommand: `python benchmarks/citation_support.py --data {args.data.name} --words {args.words}`",
    )


if __name__ == "__main__":
    main()
