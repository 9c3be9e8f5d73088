"""Scoring analysis output against gold: the five seed texts and the news corpus.

Two gold formats, one module (issue 9 item 6 moved this out of ``bench/``):

* **seeds** (``tests/fixtures/news/seeds/gold.json``, older labels): :func:`score` ->
  ``{field: {tp, fp, fn, precision, recall}}`` micro-averaged; labels mapped onto the
  stage ids of ``docs/reference/stages.md`` via :data:`GOLD_STAGE_MAP` (the mapping at the bottom
  of that file).
* **corpus** (``tests/fixtures/news/corpus/``, the issue 11 format): :func:`score_corpus`
  -> per-field scores with the definitions below, plus per-page errors
  (:func:`page_errors`).

Corpus field definitions (the README of the corpus repeats them):

* ``relevance``: accuracy over all pages; precision/recall of the positive class.
* ``title``: exact match after whitespace normalisation, over all pages.
* ``date``: the first 10 characters of the published date equal (both absent counts as
  equal), over all pages.
* ``primary_stage``: exact, over the gold-relevant pages.
* ``stage_status``: F1 of the (stage, status) pairs, micro over gold-relevant pages.
* ``municipalities``: precision/recall of names, micro over all pages.
* ``organisations``: recall of gold organisation names (normalised: casefold, legal
  forms and "gemeente" dropped, and a leading article, and "regio" before a name that is
  no municipality's: "regio West-Brabant West" is "West-Brabant West", "de Waag" is "Waag",
  "regio Alkmaar" stays), micro over all pages; **precision** (branch orgs14): the share of the organisations read
  (distinct names, the awardees among them) that the page's gold names with any of its roles (``buyer``, ``awardee``,
  ``provider``, ``adviser``, ``court``), the names matched as for recall, micro over the gold-relevant pages (the
  gold leaves a negative page's organisations empty, so what is read there is not judged); ``role_precision``: ...
  that it names with the role read (a gold awardee is read as one by role ``awardee`` or by the awardees).
* ``awardees``: precision/recall of awardee names (same normalisation), micro.
* ``events``: recall of gold event dates (exact date string; a predicted range counts
  for its start and end), micro over all pages.

Written by hand: a few counters; no evaluation library knows these field rules.
"""
from __future__ import annotations

import functools
import re
from collections import Counter

# --- seeds (older gold labels) -------------------------------------------------------

GOLD_STAGE_MAP = {
    "inschrijving (after kort geding)": "inschrijving",
    "contract_ondertekening": "contract_ondertekend",
    "contract_start": "contractstart",
    "dialoogfase": "dialoog",
    "ontwikkeldialoog": "marktconsultatie",
    "inlichtingenbijeenkomst": "inlichtingen",
    "gunning": "definitieve_gunning",
    "aanbesteding_lopend": "aankondiging",
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
        # the seeds' gold adds the members an acronym implies (municipalities_expanded_from_acronym): so do these
        "municipalities": {m["name"] for m in [*p.get("municipalities", []), *p.get("implied_municipalities", [])]},
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
    """Seed gold: ``{field: {tp, fp, fn, precision, recall}}``, micro over seeds."""
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


def format_table(result: dict) -> str:
    lines = [f"{'field':<16} {'precision':>9} {'recall':>7}   tp  fp  fn"]
    for field, r in result.items():
        fmt = lambda v: "   n/a" if v is None else f"{v:.3f}"  # noqa: E731
        lines.append(f"{field:<16} {fmt(r['precision']):>9} {fmt(r['recall']):>7}  {r['tp']:>3} {r['fp']:>3} {r['fn']:>3}")
    return "\n".join(lines)


# --- corpus (issue 11 format) ----------------------------------------------------------

_LEGAL = re.compile(r"\b(?:gemeenschappelijke regeling|stichting|b\.?v\.?|u\.?a\.?|coöperatie|cooperatie|gemeente|v\.?o\.?f\.?|n\.?v\.?)\b\.?", re.I)


def norm_org(name: str) -> str:
    """Organisation name key: casefold, legal forms and 'gemeente' dropped, punctuation
    and spaces squeezed ("Stichting JA!" == "JA!"; "Coöperatie Jeugd Veilig Verder U.A."
    == "Jeugd Veilig Verder"), a leading article dropped ("de Waag" == "Waag") and "regio" before
    a name that is no municipality's ("regio Twente" == "Twente"; "regio Alkmaar" stays)."""
    s = _LEGAL.sub(" ", name.casefold())
    s = re.sub(r"[^\w&!+]+", " ", s)
    s = re.sub(r"\s+", " ", s).strip()
    # branch orgs10: a leading article and the word "regio" before a region's own name are spelling, not identity, as
    # "gemeente" is: the gold writes one body both ways ("regio West-Brabant West" and "West-Brabant West", "de Waag"
    # and "De Waag"); "regio Alkmaar" is not the municipality Alkmaar and keeps its word
    s = re.sub(r"^(?:de|het) (?=\w)", "", s)
    rest = re.sub(r"^(?:jeugd)?regio (?=\w)", "", s)
    return rest if rest != s and rest not in _municipality_keys() else s


@functools.lru_cache(maxsize=1)
def _municipality_keys() -> frozenset[str]:
    from .places import load
    munis, _ = load()
    return frozenset(re.sub(r"\s+", " ", re.sub(r"[^\w&!+]+", " ", n.casefold())).strip() for n in munis) | {"den haag"}


def _ws(s: str | None) -> str:
    return re.sub(r"\s+", " ", s or "").strip()


def _org_match(gold_key: str, pred_keys: set[str]) -> bool:
    return any(gold_key == p or (len(p) >= 4 and (gold_key.startswith(p + " ") or p.startswith(gold_key + " ")))
               for p in pred_keys)


def _pred_dates(pred: dict) -> set[str]:
    out = set()
    for e in pred.get("events") or []:
        out.add(e["date"])
        if e.get("date_end"):
            out.add(e["date_end"])
    return out


def page_scores(pred: dict, gold_page) -> dict:
    """Counts for one page: ``{field: (tp, fp, fn)}`` plus ``correct`` booleans."""
    g = gold_page.gold
    out: dict = {}
    grel, prel = bool(g["relevant"]), bool(pred.get("relevant"))
    out["relevance"] = (int(prel and grel), int(prel and not grel), int(grel and not prel), prel == grel)
    out["title"] = _ws(pred.get("title")) == _ws(gold_page.title)
    out["date"] = (str(pred.get("published") or "")[:10] or None) == ((gold_page.published or "")[:10] or None)
    if grel:
        out["primary_stage"] = pred.get("primary_stage") == g.get("primary_stage")
        ps = {(s["stage"], s["status"]) for s in pred.get("stages") or []}
        gs = {(s, st) for s, st in g.get("stages") or []}
        out["stage_status"] = (len(ps & gs), len(ps - gs), len(gs - ps))
    pm = {m["name"] for m in pred.get("municipalities") or []}
    gm = set(g.get("municipalities") or [])
    out["municipalities"] = (len(pm & gm), len(pm - gm), len(gm - pm))
    porg = {norm_org(o["name"]) for o in pred.get("organisations") or []} | {norm_org(a) for a in pred.get("awardees") or []}
    gorg = {norm_org(o["name"]) for o in g.get("organisations") or []}
    hit = sum(1 for k in gorg if _org_match(k, porg))
    out["organisations"] = (hit, 0, len(gorg) - hit)
    # branch orgs14: precision, each name read once; with role, a name read with several roles is right when one is;
    # on gold-relevant pages only (the gold leaves a negative page's organisations empty)
    read = _read_roles(pred) if grel else {}
    right = sum(1 for k in read if _org_match(k, gorg))
    out["organisations_precision"] = (right, len(read) - right, 0)
    groles = _gold_roles(g)
    right_role = sum(1 for k, roles in read.items() if any(_org_match(k, {gk}) for gk, gr in groles if gr in roles))
    out["organisations_role"] = (right_role, len(read) - right_role, 0)
    pa = {norm_org(a) for a in pred.get("awardees") or []}
    ga = {norm_org(a) for a in g.get("awardees") or []}
    tp_a = sum(1 for k in ga if _org_match(k, pa))
    fp_a = sum(1 for k in pa if not _org_match(k, ga))
    out["awardees"] = (tp_a, fp_a, len(ga) - tp_a)
    pd = _pred_dates(pred)
    gd = {d for d, _ in g.get("events") or []}
    out["events"] = (len(gd & pd), 0, len(gd - pd))
    return out


def _read_roles(pred: dict) -> dict[str, set[str]]:
    """``{organisation key: roles read}`` of a prediction, its awardees with role ``awardee``."""
    read: dict[str, set[str]] = {}
    for o in pred.get("organisations") or []:
        read.setdefault(norm_org(o["name"]), set()).add(o["role"])
    for a in pred.get("awardees") or []:
        read.setdefault(norm_org(a), set()).add("awardee")
    read.pop("", None)
    return read


def _gold_roles(g: dict) -> set[tuple[str, str]]:
    return ({(norm_org(o["name"]), o["role"]) for o in g.get("organisations") or []}
            | {(norm_org(a), "awardee") for a in g.get("awardees") or []})


def false_organisations(pred: dict, page) -> list[str]:
    """The organisations read that the page's gold does not name (branch orgs14), as ``name (role, rule)``; none on a
    gold-negative page, whose gold leaves them empty."""
    if not page.gold["relevant"]:
        return []
    gorg = {norm_org(o["name"]) for o in page.gold.get("organisations") or []}
    out = []
    for o in pred.get("organisations") or []:
        if not _org_match(norm_org(o["name"]), gorg):
            out.append(f"{o['name']} ({o['role']}, {o.get('rule')})")
    return out


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 3) if b else None


def score_corpus(preds: list[dict], pages: list) -> dict:
    """Per-field scores over ``pages`` (aligned with ``preds``)."""
    acc = Counter()
    sums: dict[str, list[int]] = {}
    for pred, page in zip(preds, pages):
        s = page_scores(pred, page)
        for f in ("relevance", "stage_status", "municipalities", "organisations", "organisations_precision",
                  "organisations_role", "awardees", "events"):
            if f in s:
                c = sums.setdefault(f, [0, 0, 0])
                for i in range(3):
                    c[i] += s[f][i]
        acc["relevance_ok"] += s["relevance"][3]
        acc["pages"] += 1
        acc["title_ok"] += s["title"]
        acc["date_ok"] += s["date"]
        if "primary_stage" in s:
            acc["relevant_pages"] += 1
            acc["primary_ok"] += s["primary_stage"]

    def prf(f: str) -> dict:
        tp, fp, fn = sums.get(f, [0, 0, 0])
        p, r = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
        f1 = round(2 * p * r / (p + r), 3) if p and r else (0.0 if (p is not None and r is not None) else None)
        return {"precision": p, "recall": r, "f1": f1, "tp": tp, "fp": fp, "fn": fn}

    rel = prf("relevance")
    return {
        "pages": acc["pages"],
        "relevance": {"accuracy": _ratio(acc["relevance_ok"], acc["pages"]), "precision": rel["precision"],
                      "recall": rel["recall"]},
        "title": {"accuracy": _ratio(acc["title_ok"], acc["pages"])},
        "date": {"accuracy": _ratio(acc["date_ok"], acc["pages"])},
        "primary_stage": {"accuracy": _ratio(acc["primary_ok"], acc["relevant_pages"]), "n": acc["relevant_pages"]},
        "stage_status": {k: prf("stage_status")[k] for k in ("precision", "recall", "f1")},
        "municipalities": {k: prf("municipalities")[k] for k in ("precision", "recall")},
        "organisations": {"recall": prf("organisations")["recall"], "precision": prf("organisations_precision")["precision"],
                          "role_precision": prf("organisations_role")["precision"]},
        "awardees": {k: prf("awardees")[k] for k in ("precision", "recall")},
        "events": {"recall": prf("events")["recall"]},
    }


def page_errors(pred: dict, page) -> list[str]:
    """Human-readable differences between a prediction and a page's gold."""
    g, errs = page.gold, []
    if bool(pred.get("relevant")) != bool(g["relevant"]):
        errs.append(f"relevant: got {bool(pred.get('relevant'))} ({pred.get('relevance_rule')}), gold {g['relevant']}"
                    + (f" ({g.get('negative_kind')})" if g.get("negative_kind") else ""))
    if _ws(pred.get("title")) != _ws(page.title):
        errs.append(f"title: got {pred.get('title')!r}, gold {page.title!r}")
    if (str(pred.get("published") or "")[:10] or None) != ((page.published or "")[:10] or None):
        errs.append(f"date: got {pred.get('published')}, gold {page.published}")
    if g["relevant"]:
        if pred.get("primary_stage") != g.get("primary_stage"):
            errs.append(f"primary_stage: got {pred.get('primary_stage')}, gold {g.get('primary_stage')}")
        ps = {(s["stage"], s["status"]) for s in pred.get("stages") or []}
        gs = {(s, st) for s, st in g.get("stages") or []}
        if ps != gs:
            errs.append(f"stages: missing {sorted(gs - ps)}, extra {sorted(ps - gs)}")
    pm = {m["name"] for m in pred.get("municipalities") or []}
    gm = set(g.get("municipalities") or [])
    if pm != gm:
        errs.append(f"municipalities: missing {sorted(gm - pm)}, extra {sorted(pm - gm)}")
    pa = {norm_org(a) for a in pred.get("awardees") or []}
    ga = {norm_org(a) for a in g.get("awardees") or []}
    miss = sorted(a for a in ga if not _org_match(a, pa))
    extra = sorted(a for a in pa if not _org_match(a, ga))
    if miss or extra:
        errs.append(f"awardees: missing {miss}, extra {extra}")
    porg = {norm_org(o["name"]) for o in pred.get("organisations") or []} | pa
    morg = sorted(norm_org(o["name"]) for o in g.get("organisations") or [] if not _org_match(norm_org(o["name"]), porg))
    if morg:
        errs.append(f"organisations missing: {morg}")
    extra_org = false_organisations(pred, page)
    if extra_org:
        errs.append(f"organisations extra: {extra_org}")
    gd = {d for d, _ in g.get("events") or []}
    md = sorted(gd - _pred_dates(pred))
    if md:
        errs.append(f"events missing: {md}")
    return errs
