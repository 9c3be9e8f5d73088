"""Analyse: what a news page says about youth-care procurement.

Runs :func:`tenderarchive.analysis.analyse` (Dutch rules: relevance, stages and
their status, dated events, municipalities with CBS code and jeugdregio,
organisations, procedure, lots, TenderNed references) on the extracted text and
adds its results to the ``articles`` row plus rows for ``article_events``,
``article_municipalities`` and ``article_organisations``.

New in issue 11 (keys the store still has to write): ``record["awardees"]`` (table ``article_awardees``: url, name, rule,
sentence), ``record["article_stages"]`` (table ``article_stages``: url, stage, status,
evidence, cue, sentence) and ``record["organisation_evidence"]`` (the
``article_organisations`` rows plus ``rule`` and ``sentence`` columns). The ``stages``
JSON of the article now carries ``evidence`` and ``cue`` per stage.

Pages judged not relevant are archived with ``relevant = 0`` (``NEWS_IRRELEVANT =
"flag"``, the default, so the decision stays reviewable) or left out of the archive
(``"drop"``).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from datetime import date

from tenderarchive.awards.names import name_key
from tenderarchive.store.keys import dumps, event_id
from tenderarchive.items import ArticleItem


class AnalysePipeline:
    #: Works on the item alone and sets only its `record` (no archive, no state between items): `reparse
    #: --jobs N` may run it in a worker process (tenderarchive/replay/workers.py).
    in_workers = True

    def __init__(self, crawler):
        self.crawler = crawler
        self.mode = crawler.settings.get("NEWS_IRRELEVANT", "flag")

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_item(self, item):
        if isinstance(item, ArticleItem) and item.record:
            analyse_article(item.record)
            if not item.record["article"]["relevant"] and self.mode == "drop":
                self.crawler.stats.inc_value("news/irrelevant_left_out")
                item.record = None
        return item


def analyse_article(record: dict, published: str | None = None) -> dict:
    """Fill ``record`` (from the extract step) with the analysis; returns the analysis. The text is read against the
    article's date, or ``published`` (ISO) where the archive keeps a better date than the page gave this read
    (tenderarchive/store/writes.py ``write_article``, ``kept_date``)."""
    from tenderarchive.analysis import analyse  # imported on the first article, not by TenderNed crawls

    article = record["article"]
    published = published or article.get("published")
    published = date.fromisoformat(published[:10]) if published else None
    result = analyse(article["text"], title=article.get("title"), published=published, url=article["url"])
    # the notices the page links to (``<a href=…/aankondigingen/overzicht/311520>TenderNed</a>``): references as
    # the text's own, which the main text cannot give (the number is in the address only)
    result["tenderned_refs"] = with_linked_notices(result.get("tenderned_refs"), record.get("tenderned_links"))
    # the municipalities a sub-region's name implies (H10, Parkstad) are archived beside the named ones, marked
    # implied = 1 with the region as matched ("subregion:H10"): linking and the article's jeugdregio read them
    implied = result.get("implied_municipalities") or []
    municipalities = (result.get("municipalities") or []) + implied
    regions = Counter(m["jeugdregio_code"] for m in municipalities if m.get("jeugdregio_code"))
    article.update({
        "relevant": 1 if result["relevant"] else 0,
        "relevance_score": result["relevance_score"],
        "relevance_rule": result["relevance_rule"],
        "relevance_model_score": result.get("relevance_model_score"),
        "matched_terms": dumps(result["matched_terms"]),
        "primary_stage": result["primary_stage"],
        "primary_stage_rule": result.get("primary_stage_rule"),
        "stages": dumps([{"stage": s["stage"], "status": s["status"], "evidence": s.get("evidence"), "cue": s.get("cue")}
                         for s in result["stages"]]),
        "procedure_type": result.get("procedure_type"),
        "procedure_raw": result.get("procedure_raw"),
        "lots": dumps(result.get("lots")),
        "contract_duration": (result.get("contract_duration") or {}).get("text"),
        "tenderned_refs": dumps(result.get("tenderned_refs")),
        "jeugdregio_code": regions.most_common(1)[0][0] if regions else None,
        "regions": dumps(result.get("regions") or []),
        "content_sha256": hashlib.sha256(article["text"].encode("utf-8")).hexdigest(),
    })
    url = article["url"]
    record["municipalities"] = [
        {"url": url, "cbs_code": m["cbs_code"], "name": m["name"],
         "jeugdregio_code": m.get("jeugdregio_code"), "matched": m.get("matched"), "implied": 1 if m in implied else 0}
        for m in municipalities]
    record["organisations"] = [{"url": url, "name": o["name"], "role": o.get("role") or "",
                                "rule": o.get("rule"), "sentence": o.get("sentence"), "name_key": name_key(o["name"])}
                               for o in result.get("organisations") or []]
    record["awardees"] = [{"url": url, "name": a["name"], "rule": a["rule"], "sentence": a["sentence"],
                           "name_key": name_key(a["name"])}
                          for a in result.get("awardee_evidence") or []]
    record["article_stages"] = [{"url": url, "stage": s["stage"], "status": s["status"], "evidence": s.get("evidence"),
                                 "cue": s.get("cue"), "sentence": s.get("sentence")} for s in result["stages"]]
    record["events"] = [
        {"event_id": event_id("article", url, e), "url": url, "date": e["date"], "date_end": e.get("date_end"),
         "precision": e["precision"], "kind": e.get("kind"), "stage": e.get("stage"),
         "sentence": e.get("sentence"), "year_inferred": 1 if e.get("year_inferred") else 0,
         "inference": e.get("inference")}
        for e in result["events"]]
    return result


def with_linked_notices(refs: dict | None, links: list[str] | None) -> dict | None:
    """The TenderNed references of a page's text (``refs``, :func:`tenderarchive.analysis.procedure.tenderned_refs`)
    with those of the notice addresses it links to (``links``: the extraction's ``tenderned_links``): their
    publication ids and addresses added, the platform TenderNed. Read with the same function, so a link and a
    written-out address give the same reference (linking keys both as ``r:`` keys, tenderarchive/linking.py)."""
    if not links:
        return refs
    from tenderarchive.analysis.procedure import tenderned_refs

    linked = tenderned_refs(" ".join(links))
    merged = dict(refs or {})
    for key in ("tn_numbers", "urls", "publication_ids"):
        merged[key] = sorted(set(merged.get(key) or []) | set(linked.get(key) or []))
    merged["platform"] = merged.get("platform") or "TenderNed"
    return merged
