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

Written by hand: the figures asked of :mod:`bench.halves`' loop over the two halves.
"""
from __future__ import annotations

from halves import run
from tenderarchive.analysis.scoring import score_corpus


def figures(preds, pages) -> dict:
    s = score_corpus(preds, pages)
    return {"pages": len(pages), "org P": s["organisations"]["precision"], "org P role": s["organisations"]["role_precision"],
            "org R": s["organisations"]["recall"], "awardees P": s["awardees"]["precision"], "awardees R": s["awardees"]["recall"]}


def main(argv: list[str] | None = None) -> int:
    return run(argv, doc=__doc__, what="organisations", figures=figures, errors=("organisations", "awardees"),
               errors_heading="awardees missed/extra, the gold's organisations missed, the organisations read that "
                              "the gold does not name (name (role, rule))")


if __name__ == "__main__":
    raise SystemExit(main())
