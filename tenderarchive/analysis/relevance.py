"""Is a text about youth-care *procurement*? (news-sites §3.1, §3.2)

Rules, in order (the name goes into ``relevance_rule``):

* ``no_terms``: neither youth-care nor procurement nor adjacent terms;
* ``adjacent_only``: only adjacent-field terms (Wmo, kinderopvang, JGZ, pgb, ...);
* ``procurement_term_only``: procurement vocabulary without a youth-care term
  (e.g. a Wmo huishoudelijke hulp tender) -> not relevant;
* ``youth_term_only``: youth-care terms but no procurement evidence (statistics,
  budgets) -> not relevant;
* ``regulation``: youth-care terms in a regulation text (verordening, nadere regels,
  artikelen) with at most one strong procurement term -> not relevant;
* ``youth_term+procurement_term``: a core youth term and procurement evidence (one
  strong term or two distinct weak terms) -> relevant.

``relevance_score`` is a bounded sum of distinct youth and procurement terms, damped by
adjacent/regulation/statistics terms; it ranks, the rules decide.
"""
from __future__ import annotations

import re

from .vocabulary import ADJACENT, PROCUREMENT_STRONG, PROCUREMENT_WEAK, REGULATION, STATISTICS, YOUTH_CORE


def _matches(patterns: list[str], text: str) -> list[str]:
    found: dict[str, None] = {}
    for p in patterns:
        for m in re.finditer(p, text, re.I):
            found.setdefault(m.group(0).lower(), None)
    return list(found)


def relevance(text: str, title: str | None = None) -> dict:
    full = (title + "\n" if title else "") + text
    youth = _matches(YOUTH_CORE, full)
    strong = _matches(PROCUREMENT_STRONG, full)
    weak = _matches(PROCUREMENT_WEAK, full)
    adjacent = _matches(ADJACENT, full)
    regulation = _matches(REGULATION, full)
    stats = _matches(STATISTICS, full)
    procurement = bool(strong) or len(weak) >= 2
    if youth and regulation and len(strong) <= 1:
        rule, relevant = "regulation", False
    elif youth and procurement:
        rule, relevant = "youth_term+procurement_term", True
    elif youth:
        rule, relevant = "youth_term_only", False
    elif strong or weak:
        rule, relevant = ("procurement_term_only" if procurement else "adjacent_only" if adjacent else "no_terms"), False
    elif adjacent:
        rule, relevant = "adjacent_only", False
    else:
        rule, relevant = "no_terms", False
    score = 0.5 * min(len(youth), 3) / 3 + 0.5 * min(len(strong) + 0.5 * len(weak), 4) / 4
    score -= 0.1 * min(len(adjacent), 3) + 0.1 * min(len(regulation), 2) + 0.05 * min(len(stats), 2)
    if not relevant:
        score = min(score, 0.49)
    score = round(max(0.0, min(1.0, score)), 3)
    return {"relevant": relevant, "relevance_score": score, "relevance_rule": rule,
            "matched_terms": youth + strong + weak, "adjacent_terms": adjacent}
