"""Organisations and awardees on sites never seen, a by-site two-fold view of the DEV part (issue 11, branch orgs21).

Run from the repo root::

    .venv/bin/python bench/organisation_halves.py               # figures per half and pooled
    .venv/bin/python bench/organisation_halves.py --errors 0    # ... and half 0's errors (extra read, gold missed)

The dev sites are split in two halves by site (``sha1(site slug)[0] % 2``, as :mod:`bench.relevance_halves`). The
organisation finder is hand-written (no model), so a held-out estimate comes from the way it is tuned: read the
errors of ONE half only (``--errors 0``), make the finder stricter or wider in general ways, and judge the change on
the OTHER half, whose pages were not looked at. A change that helps only the half it was read off is fitted to it.

Figures per half (pages of the half, gold-relevant ones for precision as :func:`score_corpus`): organisations P, P with
the role, R; awardees P/R. Each page is read as ``bench/news_fidelity.py`` reads it (the site's CMS family rendered,
extracted, analysed); only dev pages (``split.json``), never the test part.

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
    return {"pages": len(pages), "org P": s["organisations"]["precision"], "org P role": s["organisations"]["role_precision"],
            "org R": s["organisations"]["recall"], "awardees P": s["awardees"]["precision"], "awardees R": s["awardees"]["recall"]}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--errors", type=int, choices=(0, 1), help="print this half's per-page organisation errors")
    args = ap.parse_args(argv)
    split = load_split(CORPUS_DIR)
    pages = [p for p in load_pages(CORPUS_DIR) if part_of(p, split) == "dev"]
    preds = [analyse_html(render_html(p), p.url, fetched_at=FETCHED) for p in pages]
    print(f"organisations, by-site two-fold on the DEV part ({len(pages)} pages)")
    rows = [(f"half {h} ({len({p.site_slug for p in pages if half_of(p) == h})} sites)",
             [(pr, p) for pr, p in zip(preds, pages) if half_of(p) == h]) for h in (0, 1)]
    rows.append(("pooled", list(zip(preds, pages))))
    for label, sel in rows:
        f = figures([pr for pr, _ in sel], [p for _, p in sel])
        print(f"  {label:<18} " + "  ".join(f"{k} {v if isinstance(v, int) else format(v or 0, '.3f')}" for k, v in f.items()))
    if args.errors is not None:
        print(f"\nhalf {args.errors}'s errors: awardees missed/extra, the gold's organisations missed, the organisations "
              "read that the gold does not name (name (role, rule))")
        for pr, p in zip(preds, pages):
            if half_of(p) != args.errors:
                continue
            errs = [e for e in page_errors(pr, p) if e.startswith(("organisations", "awardees"))]
            if errs:
                print(f"- {p.id}")
                for e in errs:
                    print(f"    {e}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
