"""A small learned layer on top of the reading rules (issue 11, round seven).

Two decisions, each a logistic regression over the rules' own evidence plus the stemmed words of
the title and lead:

* **relevance** -- :func:`relevance_features` (the rules' decision and rule name, counts of the
  matched term kinds, the stages reported done or current, title and lead words); the model's
  probability replaces the rules' decision when :data:`USE` says so;
* **primary stage** -- :func:`candidates`: every stage the rules found done or current, plus the
  default the rules would give a relevant page without one (``voorbereiding`` / ``aankondiging``);
  each candidate is scored (stage id, status, evidence, title / lead / body position, the number
  of its sentences, whether it is the rules' choice, whether it is the newest) and the best wins.

Reading needs no training and no scikit-learn: the coefficients are a JSON file
(:data:`MODEL_FILE`, written by ``python -m tenderarchive.analysis.train`` from the dev part of
``tests/fixtures/news/corpus/``) and :func:`score` is a dot product, so a reading is deterministic.
Training (scikit-learn, the library made for it) is in :mod:`.train`; the leave-one-site-out
judgement against the rules alone is ``bench/news_fidelity.py --cv --model``.

Written by hand here: the feature dictionaries (no library knows the rules' evidence) and the
sigmoid of a dot product (pulling scikit-learn and numpy into every reading for one dot product
would make the archive's reading depend on them).
"""
from __future__ import annotations

import contextlib
import json
import math
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from ..search.text import fts_words, stem
from .vocabulary import INTERRUPTING, STAGE_RANK

MODEL_FILE = Path(__file__).with_name("model.json")

#: Which decisions the shipped model takes (the bench's leave-one-site-out view decides; see the
#: corpus README, round seven). Empty: the rules alone decide and the model is not read.
USE: set[str] = set()

#: Training and the bench's cross-validation collect features here (``capturing``).
_CAPTURE: list | None = None
_OVERRIDE: dict | None = None  # a model handed in by the bench's cross-validation (no file)


@contextlib.contextmanager
def capturing(model: dict | None = None, use: set[str] | None = None) -> Iterator[list]:
    """Collect each reading's features (``{"relevance": ..., "candidates": ...}``) into the yielded
    list; with ``model``/``use`` read with that model instead of the shipped one (the bench's
    cross-validation). Not thread-safe: the bench and training only."""
    global _CAPTURE, _OVERRIDE, USE
    before = (_CAPTURE, _OVERRIDE, set(USE))
    rows: list = []
    _CAPTURE, _OVERRIDE = rows, model
    if use is not None:
        USE = set(use)
    try:
        yield rows
    finally:
        _CAPTURE, _OVERRIDE, USE = before[0], before[1], before[2]


def _words(text: str, limit: int = 60) -> list[str]:
    out = []
    for w in fts_words(text)[:limit]:
        if len(w) >= 3 and not w.isdigit():
            out.append(stem(w))
    return out


def _bag(prefix: str, words: list[str], bigrams: bool) -> dict[str, float]:
    feats = {f"{prefix}:{w}": 1.0 for w in words}
    if bigrams:
        feats.update({f"{prefix}:{a}_{b}": 1.0 for a, b in zip(words, words[1:])})
    return feats


def _cap(n: int, top: int = 3) -> float:
    return min(n, top) / top


def relevance_features(rel: dict, stages: list[dict], title: str, lead: str) -> dict[str, float]:
    """The rules' relevance evidence and the title and lead words of one page."""
    f: dict[str, float] = {"bias": 1.0, "rules_relevant": float(bool(rel["relevant"])),
                           f"rule={rel['relevance_rule']}": 1.0, "rules_score": float(rel["relevance_score"])}
    for key in ("matched_terms", "adjacent_terms", "procedure_terms", "vacancy_terms", "budget_terms",
                "guidance_terms", "report_terms"):
        n = len(rel.get(key) or [])
        if n:
            f[f"n_{key}"] = _cap(n)
    reported = [s for s in stages if s["status"] in ("done", "current")]
    f["n_reported"] = _cap(len(reported))
    f["n_strong_reported"] = _cap(sum(1 for s in reported if s["strong"]))
    for s in reported:
        f[f"reported={s['stage']}"] = 1.0
    f.update(_bag("t", _words(title or "", 25), bigrams=True))
    f.update(_bag("l", _words(lead, 60), bigrams=False))
    return f


def _in(stage: dict, part: str) -> bool:
    return bool(part) and any(s and s in part for s in stage.get("sentences") or [stage.get("sentence")])


def candidates(stages: list[dict], rules_primary: str | None, default: str | None, title: str, lead: str) -> list[tuple[str, dict]]:
    """``[(stage id, features)]``: the stages found done or current, and the default stage."""
    found = [s for s in stages if s["status"] in ("done", "current")]
    by_stage: dict[str, list[dict]] = {}
    for s in found:
        by_stage.setdefault(s["stage"], []).append(s)
    ranks = sorted({STAGE_RANK[k] for k in by_stage}, reverse=True)
    chosen = rules_primary or default
    out = []
    for stage, ss in by_stage.items():
        f = {"bias": 1.0, f"stage={stage}": 1.0, "rules_choice": float(stage == chosen),
             "current": float(any(s["status"] == "current" for s in ss)),
             "strong": float(any(s["strong"] for s in ss)),
             "in_title": float(any(_in(s, title) for s in ss)), "in_lead": float(any(_in(s, lead) for s in ss)),
             "n_sentences": _cap(sum(len(s.get("sentences") or [1]) for s in ss)),
             "newest": float(STAGE_RANK[stage] == ranks[0]), "rank_from_newest": _cap(ranks.index(STAGE_RANK[stage])),
             "interrupting": float(stage in INTERRUPTING)}
        f["interrupting_in_lead"] = f["interrupting"] * f["in_lead"]
        out.append((stage, f))
    if default and default not in by_stage:
        out.append((default, {"bias": 1.0, f"stage={default}": 1.0, "rules_choice": float(default == chosen),
                              "default": 1.0, "none_found": float(not found)}))
    return out


def score(weights: dict[str, float], feats: dict[str, float]) -> float:
    """The model's probability: the sigmoid of the dot product (intercept in ``bias``)."""
    z = sum(weights.get(k, 0.0) * v for k, v in feats.items())
    return 1.0 / (1.0 + math.exp(-max(-40.0, min(40.0, z))))


@lru_cache(maxsize=1)
def _shipped() -> dict:
    return json.loads(MODEL_FILE.read_text(encoding="utf-8")) if MODEL_FILE.exists() else {}


def model() -> dict:
    return _OVERRIDE if _OVERRIDE is not None else _shipped()


def decide_relevance(rel: dict, stages: list[dict], title: str, lead: str) -> dict:
    """The rules' relevance, with the model's score as evidence, and its decision when it is in USE."""
    feats = relevance_features(rel, stages, title, lead)
    if _CAPTURE is not None:
        _CAPTURE.append({"relevance": feats})
    weights = (model().get("relevance") or {}).get("weights")
    if not weights:
        return rel
    p = round(score(weights, feats), 4)
    out = dict(rel, relevance_model_score=p)
    margin = (model().get("relevance") or {}).get("margin", 0.0)  # overrule the rules only beyond 0.5 +- margin
    if "relevance" in USE and (p >= 0.5 + margin if not rel["relevant"] else p < 0.5 - margin):
        out.update(relevant=not rel["relevant"], relevance_rule=f"model_over_{rel['relevance_rule']}")
    return out


def decide_primary(stages: list[dict], rules_primary: str | None, default: str | None, relevant: bool,
                   title: str, lead: str) -> tuple[str | None, float | None]:
    """(primary stage, model score) -- the rules' choice unless the stage model is in USE."""
    cands = candidates(stages, rules_primary, default, title, lead)
    if _CAPTURE is not None and _CAPTURE:
        _CAPTURE[-1]["candidates"] = cands
        _CAPTURE[-1]["rules_primary"] = rules_primary or default
    weights = (model().get("primary") or {}).get("weights")
    chosen = rules_primary or (default if relevant else None)
    if not weights or not relevant or not cands:
        return chosen, None
    scored = sorted(((score(weights, f), i, s) for i, (s, f) in enumerate(cands)), key=lambda t: (-t[0], t[1]))
    if "primary" in USE:
        return scored[0][2], round(scored[0][0], 4)
    return chosen, round(next(p for p, _, s in scored if s == chosen), 4) if chosen else None

