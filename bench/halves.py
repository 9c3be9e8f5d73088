"""The by-site two-fold of the corpus's DEV part, shared by the held-out benchmarks of issue 11.

``bench/relevance_halves.py``, ``bench/organisation_halves.py`` and ``bench/stage_halves.py`` split the dev sites in
two halves by site (``sha1(site slug)[0] % 2``), so that a rule change read off one half's errors can be judged on the
other half, whose pages were not looked at. This module holds what they share: the split, reading the dev pages as
``bench/news_fidelity.py`` reads them (the site's CMS family rendered, extracted, analysed, the same reading date),
and the loop that prints a set of figures per half and pooled and, on request, one half's errors. Only dev pages
(``split.json``), never the test part.

Written by hand: a loop over two halves around the scoring module's own functions.
"""
from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tenderarchive.analysis.corpus import CORPUS_DIR, load_pages, load_split, part_of, render_html  # noqa: E402
from tenderarchive.analysis.scoring import page_errors  # noqa: E402
from tenderarchive.extract_page import analyse_html  # noqa: E402

from news_fidelity import FETCHED  # noqa: E402  (the same reading date as the fidelity benchmark)


def half_of(page) -> int:
    """The half (0 or 1) of the page's site."""
    return hashlib.sha1(page.site_slug.encode()).digest()[0] % 2


def dev_pages() -> list:
    split = load_split(CORPUS_DIR)
    return [p for p in load_pages(CORPUS_DIR) if part_of(p, split) == "dev"]


def run(argv, *, doc: str, what: str, figures, errors: tuple[str, ...], errors_heading: str) -> int:
    """Read every dev page, print ``figures(preds, pages)`` (a dict) per half and pooled, and with ``--errors H``
    half H's per-page errors whose field starts with one of ``errors``."""
    ap = argparse.ArgumentParser(description=doc.split("\n")[0])
    ap.add_argument("--errors", type=int, choices=(0, 1), help="print this half's per-page errors")
    args = ap.parse_args(argv)
    pages = dev_pages()
    preds = [analyse_html(render_html(p), p.url, fetched_at=FETCHED) for p in pages]
    print(f"{what}, by-site two-fold on the DEV part ({len(pages)} pages)")
    rows = [(f"half {h} ({len({p.site_slug for p in pages if half_of(p) == h})} sites)",
             [(pr, p) for pr, p in zip(preds, pages) if half_of(p) == h]) for h in (0, 1)]
    rows.append(("pooled", list(zip(preds, pages))))
    for label, sel in rows:
        f = figures([pr for pr, _ in sel], [p for _, p in sel])
        print(f"  {label:<18} " + "  ".join(f"{k} {v if isinstance(v, int) else format(v or 0, '.3f')}" for k, v in f.items()))
    if args.errors is not None:
        print(f"\nhalf {args.errors}'s errors: {errors_heading}")
        for pr, p in zip(preds, pages):
            if half_of(p) != args.errors:
                continue
            errs = [e for e in page_errors(pr, p) if e.startswith(errors)]
            if errs:
                print(f"- {p.id}")
                for e in errs:
                    print(f"    {e}")
    return 0
