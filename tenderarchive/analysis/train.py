"""Train the learned layer (:mod:`.learned`) on the DEV part of the news corpus and write its
coefficients to ``tenderarchive/analysis/model.json``::

    .venv/bin/python -m tenderarchive.analysis.train            # writes model.json
    .venv/bin/python -m tenderarchive.analysis.train --check    # exit 1 when model.json differs

Only dev pages (``tests/fixtures/news/corpus/split.json``) are read; test pages never are.
The models are scikit-learn's ``LogisticRegression`` (L2, ``lbfgs``; deterministic) over
``DictVectorizer`` features; the intercept is the weight of the ``bias`` feature, so reading is
one dot product (:func:`.learned.score`). Coefficients are rounded to 6 decimals; tiny ones are
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

#: Regularisation (inverse strength) of the two models; chosen in bench/news_fidelity.py --cv --model.
C_RELEVANCE = 0.3
C_PRIMARY = 0.3
FETCHED = datetime(2026, 12, 1, tzinfo=timezone.utc)


def dev_pages(corpus_dir: Path = CORPUS_DIR) -> list:
    split = load_split(corpus_dir)
    return [p for p in load_pages(corpus_dir) if part_of(p, split) == "dev"]


def extract(pages) -> list[dict]:
    from ..extract_page import extract_html
    return [extract_html(render_html(p), p.url, fetched_at=FETCHED) for p in pages]


def collect(pages, extracted, off: tuple[str, ...] = ()) -> list[dict]:
    """One captured row per page (rules only, the named rules ``off`` switched off)."""
    from ..extract_page import _summary
    rows = []
    with disabled(*off), learned.capturing(model={}, use=set()) as cap:
        for p, x in zip(pages, extracted):
            n = len(cap)
            _summary(dict(x), p.url)
            assert len(cap) == n + 1, "one relevance decision per page"
            rows.append(cap[-1])
    return rows


def _drop(f: dict, drop: tuple[str, ...]) -> dict:
    return {k: v for k, v in f.items() if not k.startswith(drop)} if drop else f


def _fit(X: list[dict], y: list[int], C: float, drop: tuple[str, ...] = ()) -> dict[str, float]:
    from sklearn.feature_extraction import DictVectorizer
    X = [_drop(f, drop) for f in X]
    from sklearn.linear_model import LogisticRegression
    vec = DictVectorizer(sort=True)
    M = vec.fit_transform(X)
    if len(set(y)) < 2:  # one class only: a constant model (no page-level decision can be learned)
        return {"bias": 5.0 if y and y[0] else -5.0}
    clf = LogisticRegression(C=C, fit_intercept=False, solver="lbfgs", max_iter=5000)
    clf.fit(M, y)
    return {k: round(float(w), 6) for k, w in zip(vec.get_feature_names_out(), clf.coef_[0]) if abs(w) >= 1e-6}


def fit_relevance(rows: list[dict], pages, C: float = C_RELEVANCE, drop: tuple[str, ...] = ()) -> dict[str, float]:
    return _fit([r["relevance"] for r in rows], [int(bool(p.gold["relevant"])) for p in pages], C, drop)


def fit_primary(rows: list[dict], pages, C: float = C_PRIMARY, drop: tuple[str, ...] = ()) -> dict[str, float]:
    """Candidates of gold-relevant pages whose gold primary stage is among them; label: it is that stage."""
    X, y = [], []
    for r, p in zip(rows, pages):
        gold = p.gold.get("primary_stage")
        cands = r.get("candidates") or []
        if not p.gold["relevant"] or gold not in {s for s, _ in cands}:
            continue
        for s, f in cands:
            X.append(f)
            y.append(int(s == gold))
    return _fit(X, y, C, drop)


def train(pages, extracted, off: tuple[str, ...] = (), C_rel: float = C_RELEVANCE, C_prim: float = C_PRIMARY) -> dict:
    rows = collect(pages, extracted, off)
    return {"relevance": {"weights": fit_relevance(rows, pages, C_rel), "C": C_rel},
            "primary": {"weights": fit_primary(rows, pages, C_prim), "C": C_prim}}


def build(corpus_dir: Path = CORPUS_DIR) -> dict:
    import sklearn
    pages = dev_pages(corpus_dir)
    model = train(pages, extract(pages))
    model["trained_on"] = {"part": "dev", "pages": len(pages), "sites": len({p.id.split("__")[0] for p in pages}),
                           "sklearn": sklearn.__version__, "by": "python -m tenderarchive.analysis.train"}
    return model


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
