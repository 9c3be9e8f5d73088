"""News-reading fidelity on the real-page corpus (issue 11), dev and test parts.

Run from the repo root::

    .venv/bin/python bench/news_fidelity.py            # tables for dev and test + test-part errors
    .venv/bin/python bench/news_fidelity.py --json     # machine-readable
    .venv/bin/python bench/news_fidelity.py --part dev --errors   # the dev part alone and its errors (for tuning; no test page read)
    .venv/bin/python bench/news_fidelity.py --cv       # cross-site view of the DEV part only
    .venv/bin/python bench/news_fidelity.py --cv --model   # ... and the learned layer's leave-one-site-out figure

The cross-site view (issue 11, round two) reads only dev pages; a page is read again only when a setting
switches off a rule its reading asked about (:class:`DevReader`, branch news20). It answers "does a reading
rule generalise across sites?" without looking at the test part:

* **per site**: relevance and primary-stage accuracy macro-averaged over dev sites (a site
  with many pages weighs as much as one with a single page);
* **rule ablation**: each named rule of :mod:`tenderarchive.analysis.rules` is switched
  off in turn; a page is *fixed* by the rule when it reads relevance + primary stage better
  with it, *broken* when worse. The table gives the number of distinct sites fixed and
  broken; a rule passes when it fixes >= 2 sites and breaks none;
* **leave-one-site-out**: for each dev site S the rule set is chosen on the *other* dev
  sites only (rules that fail the criterion there are switched off) and S is read with it;
  the pooled scores estimate how the rule-selection procedure does on an unseen site;
* **leave-one-round-out** (branch news15r): the same, holding out all pages of one collection
  round (``split.json``'s ``added_to_dev``) at a time -- harsher, as each round brought new sites
  with text the rules had never seen; pooled over every round and over the late rounds
  (:data:`LATE_ROUNDS`). ``--json`` adds each page's held-out readings (``per_page``);
* **primary-stage definitions**: the readings of
  :data:`tenderarchive.analysis.stages.DEFINITIONS` side by side, overall and per site.
* **learned layer** (round seven, ``--model``): :func:`model_cv` -- the relevance model of
  :mod:`tenderarchive.analysis.learned` trained without the held-out site, against the rules alone;
* **confusion** (branch news20): the held-out primary-stage misses, gold -> read, with their sites;
* **coverage** (round four): in every setting, the share of gold-relevant pages whose gold
  primary stage is among the stages the reading found at all (column ``found``); a stage that
  is never found cannot be chosen, so this bounds the primary-stage accuracy from above.

Each page of ``tests/fixtures/news/corpus/pages/`` is wrapped in labelled synthetic HTML
of its site's CMS family (:func:`tenderarchive.analysis.corpus.render_html`) and goes
through :func:`tenderarchive.extract_page.analyse_html` -- trafilatura extraction, stated
dates, then the Dutch analysis -- exactly as ``tenderarchive extract`` does. Scores:
:func:`tenderarchive.analysis.scoring.score_corpus` (branch orgs14: "organisations P" is the share of the organisations
read that the gold names, on gold-relevant pages; "organisations P role" counts only those named with the role read; the
errors list the others as "organisations extra"). The split is ``tests/fixtures/news/corpus/split.json`` (by site);
tune on dev only.
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
from tenderarchive.analysis import rules as rules_mod  # noqa: E402
from tenderarchive.analysis import stages as stages_mod  # noqa: E402
from tenderarchive.extract_page import _summary, analyse_html, extract_html  # noqa: E402

FETCHED = datetime(2026, 12, 1, tzinfo=timezone.utc)


def predict(pages) -> list[dict]:
    return [analyse_html(render_html(p), p.url, fetched_at=FETCHED) for p in pages]


def run(corpus_dir: Path = CORPUS_DIR, parts: tuple[str, ...] = ("dev", "test", "all")) -> dict:
    """``{part: {"scores": ..., "pages": [...], "preds": [...]}}`` for each of ``parts``; with
    ``parts=("dev",)`` no test page is read at all (tuning, ``--part dev``)."""
    split = load_split(corpus_dir)
    pages = [p for p in load_pages(corpus_dir) if "all" in parts or part_of(p, split) in parts]
    preds = predict(pages)
    out = {}
    for part in parts:
        sel = [(p, pr) for p, pr in zip(pages, preds) if part == "all" or part_of(p, split) == part]
        ps, prs = [p for p, _ in sel], [pr for _, pr in sel]
        out[part] = {"scores": score_corpus(prs, ps), "pages": ps, "preds": prs}
    return out


# --- cross-site view of the dev part ---------------------------------------------------

def _site(page) -> str:
    return page.id.split("__", 1)[0]


def _correct(pred: dict, page) -> tuple[bool, bool | None, bool | None, str | None]:
    """(relevance right, primary stage right, gold primary stage among the stages the reading found
    -- these two None on gold-irrelevant pages --, the primary stage read). The third is the *coverage*
    of stage cues (issue 11 round four): a primary stage the reading never finds cannot be chosen; the
    fourth feeds the confusion of gold and read primary stages (branch news20)."""
    g = page.gold
    rel = bool(pred["relevant"]) == bool(g["relevant"])
    prim = (pred["primary_stage"] == g.get("primary_stage")) if g["relevant"] else None
    found = (g.get("primary_stage") in {s["stage"] for s in pred.get("stages") or []}
             or pred["primary_stage"] == g.get("primary_stage")) if g["relevant"] else None
    return rel, prim, found, pred["primary_stage"]


def _points(c: tuple[bool, bool | None]) -> int:
    return int(c[0]) + int(bool(c[1]))


class DevReader:
    """Reads dev pages; extraction (trafilatura) is done once, the analysis per setting.

    Each page's reading is kept with the named rules it asked about (:func:`rules.tracing`), under the
    primary-stage definition and the relevance model it was read with; a later read whose disabled rules
    agree with the kept one's on every rule the page asked about takes the kept reading instead of reading
    the page again (branch news20). The analysis is deterministic and a rule it never asks about cannot
    change it, so the figures are those of reading every page afresh (``cache=False``; the test
    ``tests/analysis/test_news_fidelity_cv.py`` compares both); ``--cv --model`` read the dev part about 45
    times over, mostly for single-rule ablations that touch a few pages. ``readings`` counts the pages
    actually read."""

    def __init__(self, corpus_dir: Path = CORPUS_DIR, cache: bool = True, pages=None):
        split = load_split(corpus_dir)
        self.pages = pages if pages is not None else [p for p in load_pages(corpus_dir) if part_of(p, split) == "dev"]
        self.extracted = [extract_html(render_html(p), p.url, fetched_at=FETCHED) for p in self.pages]
        self.cache = cache
        self.readings = 0
        # per page: [(rules asked about, the disabled ones among them, (definition, model), correct, features)]
        self._kept: list[list[tuple]] = [[] for _ in self.pages]

    @staticmethod
    def _model_key() -> str:
        from tenderarchive.analysis import learned
        m = learned.model()
        return json.dumps(m, sort_keys=True) if m else ""

    def _reading(self, i: int, off: frozenset, key: tuple) -> tuple:
        """``(correct, relevance features)`` of page ``i`` with the rules ``off`` switched off."""
        from tenderarchive.analysis import learned
        if self.cache:
            for asked, asked_off, k, correct, feats in self._kept[i]:
                if k == key and off & asked == asked_off:
                    return correct, feats
        page, x = self.pages[i], self.extracted[i]
        with rules_mod.disabled(*off), rules_mod.tracing() as asked, learned.capturing(model=learned.model()) as cap:
            correct = _correct(_summary(dict(x), page.url), page)
        self.readings += 1
        feats = cap[-1] if len(cap) == 1 else None
        if self.cache:
            self._kept[i].append((frozenset(asked), off & frozenset(asked), key, correct, feats))
        return correct, feats

    def read(self, off: tuple[str, ...] = (), definition: str | None = None, only: set[int] | None = None) -> dict:
        old = stages_mod.PRIMARY_DEFINITION
        stages_mod.PRIMARY_DEFINITION = definition or old  # default: the analysis' own definition
        try:
            key = (stages_mod.PRIMARY_DEFINITION, self._model_key())
            return {i: self._reading(i, frozenset(off), key)[0]
                    for i in range(len(self.pages)) if only is None or i in only}
        finally:
            stages_mod.PRIMARY_DEFINITION = old

    def rows(self, off: tuple[str, ...] = ()) -> list[dict]:
        """The relevance features of every page read by the rules alone with ``off`` switched off -- what
        :func:`tenderarchive.analysis.train.collect` gives, from the kept readings."""
        from tenderarchive.analysis import learned
        with learned.capturing(model={}):
            key = (stages_mod.PRIMARY_DEFINITION, "")
            return [self._reading(i, frozenset(off), key)[1] for i in range(len(self.pages))]


def _accuracy(correct: dict, pages) -> dict:
    rel = [c[0] for c in correct.values()]
    prim = [c[1] for c in correct.values() if c[1] is not None]
    by_site: dict[str, list] = {}
    for i, c in correct.items():
        by_site.setdefault(_site(pages[i]), []).append(c)
    site_rel = [sum(c[0] for c in cs) / len(cs) for cs in by_site.values()]
    site_prim = [sum(c[1] for c in cs if c[1] is not None) / n for cs in by_site.values()
                 if (n := sum(1 for c in cs if c[1] is not None))]
    found = [c[2] for c in correct.values() if len(c) > 2 and c[2] is not None]
    return {"relevance": sum(rel) / len(rel), "primary_stage": sum(prim) / len(prim) if prim else None,
            "primary_among_found": sum(found) / len(found) if found else None,
            "relevance_site_macro": sum(site_rel) / len(site_rel),
            "primary_stage_site_macro": sum(site_prim) / len(site_prim) if site_prim else None,
            "pages": len(rel), "relevant_pages": len(prim), "sites": len(by_site)}


def rule_effects(reader: DevReader, base: dict) -> dict:
    """``{rule: {"fixed": {site: [page ids]}, "broken": {...}}}`` by single ablation."""
    out = {}
    for name in rules_mod.RULES:
        without = reader.read(off=(name,))
        fixed: dict[str, list] = {}
        broken: dict[str, list] = {}
        for i, c in base.items():
            d = _points(c) - _points(without[i])
            if d:
                (fixed if d > 0 else broken).setdefault(_site(reader.pages[i]), []).append(reader.pages[i].id)
        out[name] = {"fixed": fixed, "broken": broken}
    return out


def passes(effect: dict, exclude: str | set[str] | None = None) -> bool:
    """Does the rule fix >= 2 sites and break none, not counting the site (or set of sites) ``exclude``?"""
    out = {exclude} if isinstance(exclude, str) else set(exclude or ())
    fixed = [s for s in effect["fixed"] if s not in out]
    broken = [s for s in effect["broken"] if s not in out]
    return len(fixed) >= 2 and not broken


#: The collection rounds whose pages came from sites the rules had never seen (branch news15r): the harsh
#: leave-one-round-out figure is pooled over these.
LATE_ROUNDS = ("news12", "news13", "news14c", "news14c2")


def rounds_of(pages, corpus_dir: Path = CORPUS_DIR) -> dict[str, str]:
    """``{site: round}``: the collection round that added each dev site (``split.json``'s ``added_to_dev``,
    keyed by branch name: "branch news12, 2026-12-02" -> ``news12``); the sites of the split as first fixed
    are round ``split``."""
    added = load_split(corpus_dir).get("added_to_dev") or {}
    of = {site: key.split(",")[0].removeprefix("branch ").strip() for key, sites in added.items() for site in sites}
    return {_site(p): of.get(_site(p), "split") for p in pages}


def leave_one_round_out(reader: "DevReader", effects: dict, corpus_dir: Path = CORPUS_DIR) -> dict:
    """Leave-one-ROUND-out (branch news15r), DEV pages only: for each collection round R, the named rules are
    chosen on the sites of the other rounds (a rule passes when it fixes >= 2 of their sites and breaks none)
    and R's pages are read with them. Harsher than leave-one-site-out: a round's new sites brought text of
    kinds the rules had never seen, and a rule read off one round's pages gets no credit on them. Returns the
    pooled accuracy over every round, over :data:`LATE_ROUNDS`, per round, and the per-page readings."""
    pages = reader.pages
    round_of = rounds_of(pages, corpus_dir)
    correct: dict[int, tuple] = {}
    per_round = {}
    for rnd in sorted(set(round_of.values())):
        sites = {s for s, r in round_of.items() if r == rnd}
        idx = {i for i, p in enumerate(pages) if _site(p) in sites}
        off = tuple(r for r, e in effects.items() if not passes(e, exclude=sites))
        got = reader.read(off=off, only=idx)
        correct.update(got)
        per_round[rnd] = _accuracy(got, pages)
    late = {i: c for i, c in correct.items() if round_of[_site(pages[i])] in LATE_ROUNDS}
    return {"all": _accuracy(correct, pages), "late": _accuracy(late, pages), "per_round": per_round,
            "correct": correct}


def cross_site(corpus_dir: Path = CORPUS_DIR, with_model: bool = False) -> dict:
    from tenderarchive.analysis import learned
    reader = DevReader(corpus_dir)
    pages = reader.pages
    shipped = reader.read()  # the reading as shipped: the rules and the learned relevance layer (model.json)
    # Rule choice is judged on the rules alone: the shipped model was trained on every dev page, the
    # held-out site included (its leave-one-site-out figure is model_cv's).
    with learned.capturing(model={}):
        base = reader.read()
        effects = rule_effects(reader, base)
        sites = sorted({_site(p) for p in pages})
        loso: dict[int, tuple] = {}
        for site in sites:
            idx = {i for i, p in enumerate(pages) if _site(p) == site}
            off = tuple(r for r, e in effects.items() if not passes(e, exclude=site))
            loso.update(reader.read(off=off, only=idx))
        loro = leave_one_round_out(reader, effects, corpus_dir)
        core = reader.read(off=tuple(rules_mod.RULES))
        kept = tuple(r for r, e in effects.items() if not passes(e))
        only_passing = reader.read(off=kept)
        definitions = {d: _accuracy(reader.read(definition=d), pages) for d in stages_mod.DEFINITIONS}
    model = model_cv(reader, effects) if with_model else None
    return {"model": model, "model_report": model_report(model, pages) if model else None,
            "shipped": _accuracy(shipped, pages), "all_rules": _accuracy(base, pages),
            "leave_one_site_out": _accuracy(loso, pages),
            "leave_one_round_out": loro["all"], "leave_one_round_out_late": loro["late"],
            "rounds": loro["per_round"], "per_page": _per_page(pages, base, loso, loro["correct"]),
            "only_passing_rules": _accuracy(only_passing, pages), "core_only": _accuracy(core, pages),
            "definitions": definitions, "rules": effects,
            "passing": [r for r, e in effects.items() if passes(e)],
            "readings": reader.readings,
            "loso_confusion": {f"{g} -> {r}": ids for (g, r), ids in confusion(loso, pages).items()}}


def confusion(correct: dict, pages) -> dict:
    """``{(gold primary, read primary): [page ids]}`` over the gold-relevant pages read wrong (branch news20);
    a page read not relevant counts with the stage read all the same (the relevance column says so)."""
    out: dict[tuple, list] = {}
    for i, c in correct.items():
        if c[1] is False:
            out.setdefault((pages[i].gold.get("primary_stage"), c[3]), []).append(pages[i].id)
    return dict(sorted(out.items(), key=lambda kv: (-len(kv[1]), kv[0][0] or "", kv[0][1] or "")))


def _per_page(pages, base: dict, loso: dict, loro: dict) -> dict:
    """``{page id: {"all_rules"|"loso"|"loro": [relevance right, primary right]}}`` for the ``--json`` dump."""
    return {p.id: {k: list(d[i][:2]) for k, d in (("all_rules", base), ("loso", loso), ("loro", loro))}
            | {"loso_primary": loso[i][3]} for i, p in enumerate(pages)}


def model_cv(reader: DevReader, effects: dict, settings: list[dict] | None = None) -> dict:
    """Leave-one-site-out judgement of the learned relevance layer (round seven), DEV pages only.

    For each dev site S: the named rules are chosen without S (as in :func:`cross_site`); the model
    (:mod:`tenderarchive.analysis.train`) is trained on the other dev sites' pages, each read with the
    rules chosen without ITS own site (``rows="loso"``: the rules' errors on an unseen site, which the
    model must learn to correct) or with those chosen without S (``rows="same"``); S is read with the
    rules and that model. ``settings``: dicts with ``label``, ``C``, ``margin``, ``rows``; a setting
    with ``C=None`` is the rules alone (the leave-one-site-out figure of :func:`cross_site`)."""
    from tenderarchive.analysis import learned, train
    pages = reader.pages
    sites = sorted({_site(p) for p in pages})
    off_of = {s: tuple(r for r, e in effects.items() if not passes(e, exclude=s)) for s in sites}
    rows_of = {off: reader.rows(off) for off in sorted(set(off_of.values()))}
    settings = settings or [{"label": "rules alone", "C": None},
                            {"label": f"rules + model (C={train.C}, margin {learned.MARGIN})", "C": train.C}]
    out = {}
    for st in settings:
        st = {"margin": learned.MARGIN, "rows": "loso"} | st
        correct: dict[int, tuple] = {}
        for site in sites:
            idx = {i for i, p in enumerate(pages) if _site(p) == site}
            rest = [i for i in range(len(pages)) if i not in idx]
            rows = [rows_of[off_of[_site(pages[i])] if st["rows"] == "loso" else off_of[site]][i] for i in rest]
            model = ({"relevance": {"weights": train.fit(rows, [pages[i] for i in rest], st["C"]), "margin": st["margin"]}}
                     if st["C"] else {})
            with learned.capturing(model=model):
                correct.update(reader.read(off=off_of[site], only=idx))
        out[st["label"]] = {"accuracy": _accuracy(correct, pages), "correct": correct}
    return out


def model_report(res: dict, pages) -> str:
    lines = ["learned relevance layer, leave-one-site-out on the DEV part (rules chosen and model trained without the held-out site)",
             f"{'setting':<34}{'relevance':>10}{'rel/site':>10}{'primary':>10}{'prim/site':>10}"]
    for label, r in res.items():
        a = r["accuracy"]
        lines.append(f"{label:<34}{a['relevance']:>10.3f}{a['relevance_site_macro']:>10.3f}"
                     f"{_fmt(a['primary_stage']):>10}{_fmt(a['primary_stage_site_macro']):>10}")
    base = next(iter(res.values()))["correct"]
    for label, r in list(res.items())[1:]:
        fixed = [pages[i].id for i, c in r["correct"].items() if _points(c) > _points(base[i])]
        broken = [pages[i].id for i, c in r["correct"].items() if _points(c) < _points(base[i])]
        lines.append(f"  {label}: fixes {len(fixed)} pages, breaks {len(broken)}"
                     + (f"\n     fixed: {', '.join(fixed)}" if fixed else "") + (f"\n     broken: {', '.join(broken)}" if broken else ""))
    return "\n".join(lines)


def cv_report(res: dict) -> str:
    lines = ["cross-site view, DEV part only"]
    rows = [("as shipped (rules + model)", res["shipped"]), ("all named rules on", res["all_rules"]), ("leave-one-site-out rule choice", res["leave_one_site_out"]),
            ("leave-one-round-out rule choice", res["leave_one_round_out"]),
            ("  ... late rounds " + "/".join(r.removeprefix("news") for r in LATE_ROUNDS), res["leave_one_round_out_late"]),
            ("only rules passing on all dev", res["only_passing_rules"]), ("no named rule (core only)", res["core_only"])]
    rows += [(f"primary definition '{d}'", a) for d, a in res["definitions"].items()]
    lines.append(f"{'setting':<34}{'relevance':>10}{'rel/site':>10}{'primary':>10}{'prim/site':>10}{'found':>10}")
    for label, a in rows:
        lines.append(f"{label:<34}{a['relevance']:>10.3f}{a['relevance_site_macro']:>10.3f}"
                     f"{_fmt(a['primary_stage']):>10}{_fmt(a['primary_stage_site_macro']):>10}"
                     f"{_fmt(a.get('primary_among_found')):>10}")
    lines.append("(found = the gold primary stage is among the stages the reading found, on relevant pages)")
    a = res["all_rules"]
    lines.append(f"({a['pages']} pages, {a['relevant_pages']} relevant, {a['sites']} sites)")
    lines.append("\nleave-one-round-out, per collection round (rules chosen without the round's sites)")
    for rnd, r in res["rounds"].items():
        lines.append(f"  {rnd:<12}{r['pages']:>4} pages {r['relevant_pages']:>3} relevant  relevance {r['relevance']:.3f}"
                     f"  primary {_fmt(r['primary_stage'])}")
    lines.append("\nleave-one-site-out primary-stage misses, gold -> read (relevant pages; read relevance in brackets)")
    for pair, ids in res["loso_confusion"].items():
        lines.append(f"  {pair:<44}{len(ids):>3}   " + ", ".join(
            i.split("__", 1)[0] + ("" if res["per_page"][i]["loso"][0] else " [rel wrong]") for i in ids))
    lines.append("\nrule ablation: sites fixed / broken by each named rule (pass = fixes >= 2 sites, breaks none)")
    for name, e in sorted(res["rules"].items(), key=lambda kv: (-len(kv[1]["fixed"]), len(kv[1]["broken"]), kv[0])):
        mark = "pass" if name in res["passing"] else "    "
        lines.append(f"  {mark} {name:<32} fixes {len(e['fixed']):>2} sites  breaks {len(e['broken']):>2}"
                     + (f"   fixed: {', '.join(sorted(e['fixed']))}" if e["fixed"] else "")
                     + (f"   broken: {', '.join(sorted(e['broken']))}" if e["broken"] else ""))
    if res.get("model_report"):
        lines.append("\n" + res["model_report"])
    lines.append(f"\n({res['readings']} page readings, {res['readings'] / max(1, a['pages']):.1f} per dev page)")
    return "\n".join(lines)


def _fmt(v) -> str:
    return "  n/a" if v is None else f"{v:.3f}"


def table(scores_by_part: dict) -> str:
    rows = [("relevance accuracy", "relevance", "accuracy"), ("relevance precision", "relevance", "precision"),
            ("relevance recall", "relevance", "recall"), ("title", "title", "accuracy"), ("date", "date", "accuracy"),
            ("primary stage", "primary_stage", "accuracy"), ("stage-status F1", "stage_status", "f1"),
            ("municipalities P", "municipalities", "precision"), ("municipalities R", "municipalities", "recall"),
            ("organisations P", "organisations", "precision"), ("organisations P role", "organisations", "role_precision"),
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
    ap.add_argument("--cv", action="store_true", help="cross-site view of the dev part only (rules, definitions)")
    ap.add_argument("--model", action="store_true", help="with --cv: the learned layer's leave-one-site-out judgement")
    args = ap.parse_args(argv)
    if args.cv:
        res = cross_site(Path(args.corpus), with_model=args.model)
        if args.json:
            res.pop("model", None)
        print(json.dumps({k: v for k, v in res.items()}, indent=2, default=list) if args.json else cv_report(res))
        return 0
    # --part dev is the tuning view: the dev part alone, no test page read, scored or printed
    parts = ("dev",) if args.part == "dev" else ("dev", "test", "all")
    res = run(Path(args.corpus), parts)
    scores = {p: res[p]["scores"] for p in parts}
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
