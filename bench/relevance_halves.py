"""Relevance on sites never seen, fast: a by-site two-fold view of the DEV part of the news corpus (issue 11, branch rel4).

Run from the repo root::

    .venv/bin/python bench/relevance_halves.py            # figures per half, pooled, and the held-out errors
    .venv/bin/python bench/relevance_halves.py --core     # ... with every named rule switched off as well

The dev sites are split in two halves by site (``sha1(site slug)[0] % 2``, as branch cv54's view). For each half H the
relevance model (:mod:`tenderarchive.analysis.train`: same features, C, site filter and margin) is trained on the pages
of the OTHER half only, and H is read with the rules and that model. Each page is extracted and read once (the rules'
decision and their features do not depend on the model, which only decides when it is confident), so the whole view
takes the time of one reading of the dev part. Only dev pages are read (``split.json``); never the test part.

Figures: relevance accuracy per half and pooled, for the rules alone and for the rules with the other half's model;
the held-out errors (page id, gold, the rule that decided, the model's score). ``--core`` reads with every named rule
of :mod:`tenderarchive.analysis.rules` switched off too (the reading of a site no rule was chosen for).

Written by hand: a loop over two halves around the training module's own functions.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tenderarchive.analysis import learned, train  # noqa: E402
from tenderarchive.analysis.rules import RULES, disabled  # noqa: E402
from tenderarchive.extract_page import _summary  # noqa: E402

from halves import half_of  # noqa: E402  (the same split by site as the other halves benchmarks)


def read_rules(pages, extracted, off: tuple[str, ...] = ()) -> list[tuple[dict, dict]]:
    """Each page's rules-alone reading (no model) and its relevance features."""
    out = []
    with disabled(*off), learned.capturing(model={}) as cap:
        for p, x in zip(pages, extracted):
            n = len(cap)
            res = _summary(dict(x), p.url)
            assert len(cap) == n + 1, "one relevance decision per page"
            out.append((res, cap[-1]))
    return out


def decide(rules_relevant: bool, p: float, margin: float = learned.MARGIN) -> bool:
    """The learned layer's rule (:func:`learned.decide_relevance`): it overrules only when confident."""
    return (not rules_relevant) if ((p < 0.5 - margin) if rules_relevant else (p >= 0.5 + margin)) else rules_relevant


def halves(pages, readings) -> dict:
    gold = [bool(p.gold["relevant"]) for p in pages]
    half = [half_of(p) for p in pages]
    rules = [bool(r["relevant"]) for r, _ in readings]
    feats = [f for _, f in readings]
    model = [None] * len(pages)
    for h in (0, 1):
        train_idx = [i for i in range(len(pages)) if half[i] != h]
        weights = train.fit([feats[i] for i in train_idx], [pages[i] for i in train_idx])
        for i in range(len(pages)):
            if half[i] == h:
                model[i] = learned.score(weights, feats[i])
    with_model = [decide(rules[i], model[i]) for i in range(len(pages))]

    def acc(pred, sel) -> tuple[float, int, int]:
        ok = sum(1 for i in sel if pred[i] == gold[i])
        return round(ok / len(sel), 3) if sel else 0.0, ok, len(sel)

    figures = {}
    for label, pred in (("rules alone", rules), ("rules + other half's model", with_model)):
        figures[label] = {f"half {h}": acc(pred, [i for i in range(len(pages)) if half[i] == h]) for h in (0, 1)}
        figures[label]["pooled"] = acc(pred, list(range(len(pages))))
        fp = sum(1 for i in range(len(pages)) if pred[i] and not gold[i])
        fn = sum(1 for i in range(len(pages)) if gold[i] and not pred[i])
        figures[label]["fp/fn"] = (fp, fn)
    errors = [(pages[i].id, gold[i], readings[i][0]["relevance_rule"], round(model[i], 3))
              for i in range(len(pages)) if with_model[i] != gold[i]]
    return {"figures": figures, "errors": errors}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--core", action="store_true", help="every named rule switched off as well")
    ap.add_argument("--quiet", action="store_true", help="figures only, no error list")
    args = ap.parse_args(argv)
    pages = train.dev_pages()
    extracted = train.extract(pages)
    res = halves(pages, read_rules(pages, extracted, tuple(RULES) if args.core else ()))
    print(f"relevance, by-site two-fold on the DEV part ({len(pages)} pages){' -- core' if args.core else ''}")
    for label, f in res["figures"].items():
        print(f"  {label:<28} " + "  ".join(f"{k} {v[0]:.3f} ({v[1]}/{v[2]})" for k, v in f.items() if k != "fp/fn")
              + f"  FP {f['fp/fn'][0]} FN {f['fp/fn'][1]}")
    if not args.quiet:
        print("held-out errors (rules + other half's model): page, gold, rule, model score")
        for e in res["errors"]:
            print(f"  {e[0]}  gold={'rel' if e[1] else 'not'}  {e[2]}  p={e[3]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
