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

Written by hand: the figures asked of :mod:`bench.halves`' loop over the two halves.
"""
from __future__ import annotations

from halves import run
from tenderarchive.analysis.scoring import score_corpus


def figures(preds, pages) -> dict:
    s = score_corpus(preds, pages)
    st = s["stage_status"]
    return {"relevant": s["primary_stage"]["n"], "primary": s["primary_stage"]["accuracy"],
            "status P": st["precision"], "status R": st["recall"], "status F1": st["f1"]}


def main(argv: list[str] | None = None) -> int:
    return run(argv, doc=__doc__, what="stages", figures=figures, errors=("primary_stage", "stages"),
               errors_heading="primary stage, stages missing/extra (stage, status)")


if __name__ == "__main__":
    raise SystemExit(main())
