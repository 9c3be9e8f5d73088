"""Classify: is a TenderNed notice youth care? Decided by the crawl's topic profile.

Rules (the profile's ``relevance`` block, see tenderarchive/profiles/youth_care.yaml):

- a ``cpv_strong`` code among the notice's CPV codes → youth care;
- a youth-care term in the title, description, buyer's reference or TenderNed's
  keywords (``trefwoord1..10``) → youth care;
- a ``cpv_context`` code alone (social services shared with Wmo) → not youth
  care, but the reason is kept so a reviewer sees the near miss.

CPV codes match hierarchically on their significant digits (a profile code
``85310000-5`` covers ``85311300-5``). ``youth_care_reasons`` stores every rule
that fired, as JSON.
"""

from __future__ import annotations

import functools
import re

from tenderarchive.store.keys import dumps
from tenderarchive.items import NoticeItem
from tenderarchive.profiles import CONTEXT_ONLY, Relevance, load_profile


class ClassifyPipeline:
    #: Works on the item alone and sets only its `record` (no archive, no state between items): `reparse
    #: --jobs N` may run it in a worker process (tenderarchive/replay/workers.py).
    in_workers = True

    def __init__(self, crawler):
        self.crawler = crawler
        self.relevance: Relevance | None = None

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_item(self, item):
        if isinstance(item, NoticeItem) and item.record:
            if self.relevance is None:
                profile = getattr(self.crawler.spider, "profile", None) or load_profile(
                    self.crawler.settings.get("TENDERNED_PROFILE"))
                self.relevance = profile.relevance
            notice = item.record["notice"]
            relevant, reasons = classify(notice, item.record["cpv"], self.relevance)
            notice["youth_care"] = 1 if relevant else 0
            notice["youth_care_reasons"] = dumps(reasons)
        return item


def _prefix(code: str) -> str:
    return code.split("-")[0].rstrip("0") or "0"


def cpv_covers(profile_code: str, code: str) -> bool:
    return code.split("-")[0].startswith(_prefix(profile_code))


@functools.lru_cache(maxsize=8)
def _term_patterns(terms: tuple[str, ...]) -> list[tuple[str, re.Pattern]]:
    return [(term, re.compile(r"(?<!\w)" + re.escape(term))) for term in terms]


def classify(notice: dict, cpv_rows: list[dict], relevance: Relevance) -> tuple[bool, list[str]]:
    reasons: list[str] = []
    strong = context = False
    for row in cpv_rows:
        label = f"{row['cpv']} {row['label'] or ''}".strip()
        if any(cpv_covers(p, row["cpv"]) for p in relevance.cpv_strong):
            strong = True
            reasons.append(f"cpv:{label}")
        elif any(cpv_covers(p, row["cpv"]) for p in relevance.cpv_context):
            context = True
            reasons.append(f"cpv_context:{label}")
    terms_found = False
    for field in ("title", "description", "reference", "keywords"):
        text = (notice.get(field) or "").lower()
        for term, pattern in _term_patterns(tuple(relevance.terms)):
            # The pattern matches the literal term, so a text without it cannot match (issue 14:
            # 120 regex searches per notice were a tenth of a reparse).
            if term in text and pattern.search(text):
                terms_found = True
                reasons.append(f"term:{term} in {field}")
    relevant = strong or terms_found
    if not relevant and context:
        reasons.append(CONTEXT_ONLY)
    return relevant, reasons


