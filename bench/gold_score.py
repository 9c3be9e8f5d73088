"""Score analysis output against the seed gold (shared/seeds/gold.json), field by field.

Run:  .venv/bin/python bench/gold_score.py [--seeds DIR] [--json]
      (from the repo root; DIR defaults to ../shared/seeds, then /work/shared/seeds)

Reuse:  from bench.gold_score import score, predict_seeds
        score(predictions, gold) -> {field: {"tp", "fp", "fn", "precision", "recall"}}

``predictions`` is a list of dicts aligned with ``gold`` (same order, or carrying a
``seed`` key). Each is an :func:`tenderarchive.analysis.analyse` result, optionally with
``title`` and ``published`` from the extraction step; those two fields are scored only
when present in some prediction.

Field rules (micro-averaged over seeds):

* relevant: positive class True.
* primary_stage: exact after mapping gold labels (GOLD_STAGE_MAP; "inschrijving (after kort
  geding)" -> inschrijving).
* municipalities: set of names; gold = municipalities + municipalities_expanded_from_acronym.
* events: set of (date, precision); gold precision from the date form ("2021-01" month,
  "2022-01/2022-05" range, "2019" year, else day); predicted part_of_month counts as month.
* stages: set of (stage, status) after GOLD_STAGE_MAP.
* organisations: names (casefolded); gold = awardees + incumbent + parties, without entries
  marked "unnamed".
* procedure_type: normalised type; gold via GOLD_PROCEDURE_MAP; null vs null is not counted.
* tenderned_refs: platform named (TenderNed) per document.
* title: exact string; published: first 10 characters (the date).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

GOLD_STAGE_MAP = {
    "inschrijving (after kort geding)": "inschrijving",
    "contract_ondertekening": "contract_ondertekend",
    "contract_start": "contractstart",
    "dialoogfase": "dialoog",
    "ontwikkeldialoog": "marktconsultatie",
    "inlichtingenbijeenkomst": "inlichtingen",
    "kort_geding": "rechtsgang",
    "gunning": "definitieve_gunning",
}
GOLD_PROCEDURE_MAP = {"dialogue-based (legal form unstated)": "dialogue_based"}


def gold_stage(label: str | None) -> str | None:
    return GOLD_STAGE_MAP.get(label, label) if label else None


def gold_precision(date: str) -> str:
    if "/" in date:
        return "range"
    return {4: "year", 7: "month"}.get(len(date), "day")


def _pred_event_keys(pred: dict) -> set[tuple[str, str]]:
    keys = set()
    for e in pred.get("events", []):
        prec = "month" if e["precision"] == "part_of_month" else e["precision"]
        date = f"{e['date']}/{e['date_end']}" if prec == "range" and e.get("date_end") else e["date"]
        keys.add((date, prec))
    return keys


def _gold_sets(g: dict) -> dict:
    orgs = list(g.get("awardees") or []) + ([g["incumbent"]] if g.get("incumbent") else []) + list(g.get("parties") or [])
    return {
        "municipalities": set(g.get("municipalities") or []) | set(g.get("municipalities_expanded_from_acronym") or []),
        "events": {(d[0], gold_precision(d[0])) for d in g.get("dates", [])},
        "stages": {(gold_stage(s), st) for s, st in g.get("stages", [])},
        "organisations": {o.casefold() for o in orgs if "unnamed" not in o},
    }


def _pred_sets(p: dict) -> dict:
    return {
        "municipalities": {m["name"] for m in p.get("municipalities", [])},
        "events": _pred_event_keys(p),
        "stages": {(s["stage"], s["status"]) for s in p.get("stages", [])},
        "organisations": {o["name"].casefold() for o in p.get("organisations", [])},
    }


def _prf(tp: int, fp: int, fn: int) -> dict:
    return {"tp": tp, "fp": fp, "fn": fn,
            "precision": round(tp / (tp + fp), 3) if tp + fp else None,
            "recall": round(tp / (tp + fn), 3) if tp + fn else None}


def _align(predictions: list[dict], gold: list[dict]) -> list[tuple[dict, dict]]:
    if all("seed" in p for p in predictions):
        by_seed = {p["seed"]: p for p in predictions}
        return [(by_seed.get(g["seed"], {}), g) for g in gold]
    return list(zip(predictions, gold))


def score(predictions: list[dict], gold: list[dict]) -> dict:
    counts: dict[str, list[int]] = {}

    def add(field: str, tp: int, fp: int, fn: int) -> None:
        c = counts.setdefault(field, [0, 0, 0])
        c[0] += tp; c[1] += fp; c[2] += fn

    pairs = _align(predictions, gold)
    with_title = any("title" in p for p, _ in pairs)
    with_published = any("published" in p for p, _ in pairs)
    for p, g in pairs:
        pr, gr = bool(p.get("relevant")), bool(g.get("relevant"))
        add("relevant", int(pr and gr), int(pr and not gr), int(gr and not pr))
        ps, gs = p.get("primary_stage"), gold_stage(g.get("primary_stage"))
        add("primary_stage", int(ps is not None and ps == gs), int(ps is not None and ps != gs), int(gs is not None and ps != gs))
        pset, gset = _pred_sets(p), _gold_sets(g)
        for field in ("municipalities", "events", "stages", "organisations"):
            add(field, len(pset[field] & gset[field]), len(pset[field] - gset[field]), len(gset[field] - pset[field]))
        pt = p.get("procedure_type")
        gt = GOLD_PROCEDURE_MAP.get(g.get("procedure_normalized"), g.get("procedure_normalized"))
        add("procedure_type", int(pt is not None and pt == gt), int(pt is not None and pt != gt), int(gt is not None and pt != gt))
        pp = (p.get("tenderned_refs") or {}).get("platform")
        gp = g.get("platform")
        add("tenderned_refs", int(bool(pp) and pp == gp), int(bool(pp) and pp != gp), int(bool(gp) and pp != gp))
        if with_title:
            pt_, gt_ = p.get("title"), g.get("title")
            add("title", int(bool(pt_) and pt_ == gt_), int(bool(pt_) and pt_ != gt_), int(bool(gt_) and pt_ != gt_))
        if with_published:
            pp_ = str(p.get("published") or "")[:10] or None
            gp_ = (g.get("published") or "")[:10] or None
            add("published", int(bool(pp_) and pp_ == gp_), int(bool(pp_) and pp_ != gp_), int(bool(gp_) and pp_ != gp_))
    return {f: _prf(*c) for f, c in counts.items()}


def find_seeds_dir(arg: str | None = None) -> Path:
    here = Path(__file__).resolve().parent.parent
    for cand in ([Path(arg)] if arg else []) + [here.parent / "shared" / "seeds", Path("/work/shared/seeds")]:
        if (cand / "gold.json").exists():
            return cand
    raise SystemExit("seed directory with gold.json not found; pass --seeds DIR")


def predict_seeds(seeds_dir: Path) -> tuple[list[dict], list[dict]]:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from tenderarchive.analysis import analyse

    gold = json.loads((seeds_dir / "gold.json").read_text(encoding="utf-8"))
    preds = []
    for g in gold:
        text = (seeds_dir / g["seed"]).read_text(encoding="utf-8")
        preds.append({"seed": g["seed"], **analyse(text, url=g.get("url"))})
    return preds, gold


def format_table(result: dict) -> str:
    lines = [f"{'field':<16} {'precision':>9} {'recall':>7}   tp  fp  fn"]
    for field, r in result.items():
        fmt = lambda v: "   n/a" if v is None else f"{v:.3f}"
        lines.append(f"{field:<16} {fmt(r['precision']):>9} {fmt(r['recall']):>7}  {r['tp']:>3} {r['fp']:>3} {r['fn']:>3}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seeds", help="directory with gold.json and the seed texts")
    ap.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = ap.parse_args(argv)
    preds, gold = predict_seeds(find_seeds_dir(args.seeds))
    result = score(preds, gold)
    print(json.dumps(result, indent=2) if args.json else format_table(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
