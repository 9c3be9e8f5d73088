"""Primary stage and stage statuses on sites never seen, a by-site two-fold view of the DEV part (issue 11, branch cv60).

Run from the repo root::

    .venv/bin/python bench/stage_halves.py               # figures per half and pooled
    .venv/bin/python bench/stage_halves.py --errors 0    # ... and half 0's primary-stage and stage-status errors

The dev sites are split in two halves by site (``sha1(site slug)[0] % 2``, as :mod:`bench.relevance_halves` and
:mod:`bench.organisation_halves`). The stage reading is hand-written rules, so a held-out estimate comes from the way
it is tuned: read the errors of ONE half only (``--errors 0``), change the rules in general Dutch ways, and keep a
change only when it improves (or does not hurt) BOTH halves -- the other half's pages were not looked at.

Figures per half: primary-stage accuracy on the gold-relevant pages and stage-status P/R/F1, as
:func:`tenderarchive.analysis.scoring.score_corpus`. Each page is read as ``bench/news_fidelity.py`` reads it (the
site's CMS family rendered, extracted, analysed, same reading date); only dev pages (``split.json``), never the test
part.

Written by hand: a loop over two halves around the scoring module's own functions.
"""
from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tenderarchive.analysis.corpus import CORPUS_DIR, load_pages, load_split, part_of, render_html  # noqa: E402
from tenderarchive.analysis.scoring import page_errors, score_corpus  # noqa: E402
from tenderarchive.extract_page import analyse_html  # noqa: E402

from news_fidelity import FETCHED  # noqa: E402  (the same reading date as the fidelity benchmark)


def half_of(page) -> int:
    return hashlib.sha1(page.site_slug.encode()).digest()[0] % 2


def figures(preds, pages) -> dict:
    s = score_corpus(preds, pages)
    st = s["stage_status"]
    return {"relevant": s["primary_stage"]["n"], "primary": s["primary_stage"]["accuracy"],
            "status P": st["precision"], "status R": st["recall"], "status F1": st["f1"]}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--errors", type=int, choices=(0, 1), help="print this half's primary-stage and stage errors")
    args = ap.parse_args(argv)
    split = load_split(CORPUS_DIR)
    pages = [p for p in load_pages(CORPUS_DIR) if part_of(p, split) == "dev"]
    preds = [analyse_html(render_html(p), p.url, fetched_at=FETCHED) for p in pages]
    print(f"stages, by-site two-fold on the DEV part ({len(pages)} pages)")
    rows = [(f"half {h} ({len({p.site_slug for p in pages if half_of(p) == h})} sites)",
             [(pr, p) for pr, p in zip(preds, pages) if half_of(p) == h]) for h in (0, 1)]
    rows.append(("pooled", list(zip(preds, pages))))
    for label, sel in rows:
        f = figures([pr for pr, _ in sel], [p for _, p in sel])
        print(f"  {label:<18} " + "  ".join(f"{k} {v if isinstance(v, int) else format(v or 0, '.3f')}" for k, v in f.items()))
    if args.errors is not None:
        print(f"\nhalf {args.errors}'s errors: primary stage, stages missing/extra (stage, status)")
        for pr, p in zip(preds, pages):
            if half_of(p) != args.errors:
                continue
            errs = [e for e in page_errors(pr, p) if e.startswith(("primary_stage", "stages"))]
            if errs:
                print(f"- {p.id}")
                for e in errs:
                    print(f"    {e}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
