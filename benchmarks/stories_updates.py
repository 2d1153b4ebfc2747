"""Update summaries on DUC 2007 (update task): `update` against a plain `default` summary of the new articles.

For each of the 10 topics, set B is summarised as new since set A, and set C as new since A and B
(``meta.prior_sets``); the references are NIST's update summaries. ROUGE (rouge-score, stemmed)
is computed on the summary cut to 100 words, as `synoptic eval` does.

    python benchmarks/stories_updates.py [--data ../shared/data/duc2007_update.jsonl] [--words 100]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from synoptic.evaluate.updates import update_task_scores

DATA = ROOT.parent / "shared" / "data" / "duc2007_update.jsonl"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--words", type=int, default=100)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    if not args.data.is_file():
        print(f"stories_updates: {args.data}: not found; point --data at duc2007_update.jsonl", file=sys.stderr)
        return 1
    figures = {}
    print("| set | method | R1-R | R2-R | R2-F | topics |\n| --- | --- | ---: | ---: | ---: | ---: |")
    for name, by_method in update_task_scores(args.data, args.words).items():
        for method, (mean, topics) in by_method.items():
            figures[f"{name}/{method}"] = mean
            print(f"| {name} | {method} | {mean['rouge1']['recall']:.1f} | {mean['rouge2']['recall']:.1f} | {mean['rouge2']['f1']:.1f} | {topics} |")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
