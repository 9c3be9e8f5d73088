"""News-reading fidelity on the real-page corpus (issue 11), dev and test parts.

Run from the repo root::

    .venv/bin/python bench/news_fidelity.py            # tables for dev and test + test-part errors
    .venv/bin/python bench/news_fidelity.py --json     # machine-readable
    .venv/bin/python bench/news_fidelity.py --part dev --errors   # errors of the dev part (for tuning)

Each page of ``tests/fixtures/news/corpus/pages/`` is wrapped in labelled synthetic HTML
of its site's CMS family (:func:`tenderarchive.analysis.corpus.render_html`) and goes
through :func:`tenderarchive.extract_page.analyse_html` -- trafilatura extraction, stated
dates, then the Dutch analysis -- exactly as ``tenderarchive extract`` does. Scores:
:func:`tenderarchive.analysis.scoring.score_corpus`. The split is
``tests/fixtures/news/corpus/split.json`` (by site); tune on dev only.
"""
from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tenderarchive.analysis.corpus import CORPUS_DIR, load_pages, load_split, part_of, render_html  # noqa: E402
from tenderarchive.analysis.scoring import page_errors, score_corpus  # noqa: E402
from tenderarchive.extract_page import analyse_html  # noqa: E402

FETCHED = datetime(2026, 12, 1, tzinfo=timezone.utc)


def predict(pages) -> list[dict]:
    return [analyse_html(render_html(p), p.url, fetched_at=FETCHED) for p in pages]


def run(corpus_dir: Path = CORPUS_DIR) -> dict:
    """``{part: {"scores": ..., "pages": [...], "preds": [...]}}`` for dev, test and all."""
    pages = load_pages(corpus_dir)
    split = load_split(corpus_dir)
    preds = predict(pages)
    out = {}
    for part in ("dev", "test", "all"):
        sel = [(p, pr) for p, pr in zip(pages, preds) if part == "all" or part_of(p, split) == part]
        ps, prs = [p for p, _ in sel], [pr for _, pr in sel]
        out[part] = {"scores": score_corpus(prs, ps), "pages": ps, "preds": prs}
    return out


def _fmt(v) -> str:
    return "  n/a" if v is None else f"{v:.3f}"


def table(scores_by_part: dict) -> str:
    rows = [("relevance accuracy", "relevance", "accuracy"), ("relevance precision", "relevance", "precision"),
            ("relevance recall", "relevance", "recall"), ("title", "title", "accuracy"), ("date", "date", "accuracy"),
            ("primary stage", "primary_stage", "accuracy"), ("stage-status F1", "stage_status", "f1"),
            ("municipalities P", "municipalities", "precision"), ("municipalities R", "municipalities", "recall"),
            ("organisations R", "organisations", "recall"), ("awardees P", "awardees", "precision"),
            ("awardees R", "awardees", "recall"), ("events R", "events", "recall")]
    parts = list(scores_by_part)
    lines = [f"{'field':<22}" + "".join(f"{p + ' (' + str(scores_by_part[p]['pages']) + ')':>14}" for p in parts)]
    for label, f, k in rows:
        lines.append(f"{label:<22}" + "".join(f"{_fmt(scores_by_part[p][f].get(k)):>14}" for p in parts))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", default=str(CORPUS_DIR))
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--part", choices=("dev", "test"), default="test", help="whose per-page errors to print")
    ap.add_argument("--errors", action="store_true", help="print per-page errors (default: test part)")
    args = ap.parse_args(argv)
    res = run(Path(args.corpus))
    scores = {p: res[p]["scores"] for p in ("dev", "test", "all")}
    if args.json:
        print(json.dumps(scores, indent=2))
        return 0
    print(table(scores))
    part = args.part
    print(f"\nper-page errors, {part} part:")
    for page, pred in zip(res[part]["pages"], res[part]["preds"]):
        errs = page_errors(pred, page)
        if errs:
            print(f"- {page.id}")
            for e in errs:
                print(f"    {e}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
