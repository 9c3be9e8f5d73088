"""Seed-gold scoring CLI; the scorer itself lives in :mod:`tenderarchive.analysis.scoring`.

Run:  .venv/bin/python bench/gold_score.py [--json]   (seeds: tests/fixtures/news/seeds)

Kept as a thin adapter so ``from bench.gold_score import score, gold_stage`` still works.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tenderarchive.analysis.scoring import (GOLD_PROCEDURE_MAP, GOLD_STAGE_MAP, format_table,  # noqa: E402,F401
                                            gold_precision, gold_stage, score)

SEEDS = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "news" / "seeds"


def predict_seeds(seeds_dir: Path = SEEDS) -> tuple[list[dict], list[dict]]:
    from tenderarchive.analysis import analyse

    gold = json.loads((seeds_dir / "gold.json").read_text(encoding="utf-8"))
    return [{"seed": g["seed"], **analyse((seeds_dir / g["seed"]).read_text(encoding="utf-8"), url=g.get("url"))}
            for g in gold], gold


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seeds", default=str(SEEDS), help="directory with gold.json and the seed texts")
    ap.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = ap.parse_args(argv)
    preds, gold = predict_seeds(Path(args.seeds))
    result = score(preds, gold)
    print(json.dumps(result, indent=2) if args.json else format_table(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
