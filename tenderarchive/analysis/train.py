"""Train the learned relevance layer (:mod:`.learned`) on the DEV part of the news corpus and
write its coefficients to ``tenderarchive/analysis/model.json``::

    .venv/bin/python -m tenderarchive.analysis.train            # writes model.json
    .venv/bin/python -m tenderarchive.analysis.train --check    # exit 1 when model.json differs

Only dev pages (``tests/fixtures/news/corpus/split.json``) are read; test pages never are. Each
page is wrapped and extracted as the bench does (:mod:`.corpus`, ``tenderarchive.extract_page``)
and read by the rules (all named rules on, no model); its features (:func:`.learned.features`)
and its gold relevance train scikit-learn's ``LogisticRegression`` (L2, C = :data:`C`, ``lbfgs``,
deterministic) over ``DictVectorizer`` features. The intercept is the weight of the ``bias``
feature, so reading is one dot product. Coefficients are rounded to 6 decimals; smaller ones are
dropped.
"""
from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime, timezone
from pathlib import Path

from . import learned
from .corpus import CORPUS_DIR, load_pages, load_split, part_of, render_html
from .rules import disabled

#: Regularisation (inverse strength), chosen in bench/news_fidelity.py --cv --model (corpus README).
C = 0.3
#: A feature is learned only when the training pages of at least this many different sites have it (branch news19).
#: A title or lead stem seen on one site's pages only (its name, its section label, the municipality it serves)
#: lets the model remember that site instead of learning what a procurement page says; a page of an unseen site
#: never has such a feature, so it only ever helps on the site it was read from. Chosen by site-grouped folds
#: (leave-one-site-out, ``bench/news_fidelity.py --cv --model``).
MIN_SITES = 2
FETCHED = datetime(2026, 12, 1, tzinfo=timezone.utc)


def dev_pages(corpus_dir: Path = CORPUS_DIR, leave_out: set[str] = frozenset()) -> list:
    """The dev pages, without the sites in ``leave_out`` (the bench's first-seen check)."""
    split = load_split(corpus_dir)
    return [p for p in load_pages(corpus_dir) if part_of(p, split) == "dev" and p.site_slug not in leave_out]


def extract(pages) -> list[dict]:
    from ..extract_page import extract_html
    return [extract_html(render_html(p), p.url, fetched_at=FETCHED) for p in pages]


def collect(pages, extracted, off: tuple[str, ...] = ()) -> list[dict]:
    """The relevance features of each page as the rules alone read it (named rules ``off`` switched off)."""
    from ..extract_page import _summary
    rows = []
    with disabled(*off), learned.capturing(model={}) as cap:
        for p, x in zip(pages, extracted):
            n = len(cap)
            _summary(dict(x), p.url)
            assert len(cap) == n + 1, "one relevance decision per page"
            rows.append(cap[-1])
    return rows


def site_filtered(rows: list[dict], pages, min_sites: int = MIN_SITES) -> list[dict]:
    """``rows`` without the features fewer than ``min_sites`` different sites' pages have (``bias`` always kept)."""
    if min_sites <= 1:
        return rows
    sites: dict[str, set[str]] = {}
    for r, p in zip(rows, pages):
        for f in r:
            sites.setdefault(f, set()).add(p.site_slug)
    return [{f: v for f, v in r.items() if f == "bias" or len(sites[f]) >= min_sites} for r in rows]


def fit(rows: list[dict], pages, C: float = C, min_sites: int = MIN_SITES) -> dict[str, float]:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    y = [int(bool(p.gold["relevant"])) for p in pages]
    rows = site_filtered(rows, pages, min_sites)
    vec = DictVectorizer(sort=True)
    X = vec.fit_transform(rows)
    clf = LogisticRegression(C=C, fit_intercept=False, solver="lbfgs", max_iter=5000).fit(X, y)
    return {k: round(float(w), 6) for k, w in zip(vec.get_feature_names_out(), clf.coef_[0]) if abs(w) >= 1e-6}


def build(corpus_dir: Path = CORPUS_DIR, leave_out: set[str] = frozenset()) -> dict:
    pages = dev_pages(corpus_dir, leave_out)
    weights = fit(collect(pages, extract(pages)), pages)
    return {"relevance": {"weights": weights, "C": C, "min_sites": MIN_SITES, "margin": learned.MARGIN},
            "trained_on": {"part": "dev", "pages": len(pages), "sites": len({p.site_slug for p in pages}),
                           "by": "python -m tenderarchive.analysis.train"}}


def dumps(model: dict) -> str:
    return json.dumps(model, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", default=str(CORPUS_DIR))
    ap.add_argument("--out", default=str(learned.MODEL_FILE))
    ap.add_argument("--check", action="store_true", help="exit 1 when the shipped file differs from a retraining")
    args = ap.parse_args(argv)
    text = dumps(build(Path(args.corpus)))
    out = Path(args.out)
    if args.check:
        same = out.exists() and out.read_text(encoding="utf-8") == text
        print("model.json is up to date" if same else "model.json differs from a retraining")
        return 0 if same else 1
    out.write_text(text, encoding="utf-8")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
