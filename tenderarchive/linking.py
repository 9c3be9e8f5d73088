"""Linking news articles to procurements, and procurements known only from news.

Every relevant article is scored against every TenderNed procurement. The score
adds up evidence, each part stored as a reason:

==============================  =====  ================================================
evidence                        up to  rule
==============================  =====  ================================================
TenderNed reference              1.0   a TN number or publicatieId of the procedure in the text
places                           0.5   share of the article's municipalities that the
                                       procurement concerns (buyer + named in its notices)
same jeugdregio                  0.1   article and procurement in one jeugdregio
title                            0.3   share of the procurement title's words in the article
time                        +0.1/-0.3  the article's dates fall within 18 months before the
                                       first notice and 24 months after the last (or not)
==============================  =====  ================================================

An article is linked (``status = 'linked'``) to its best procurement when that
scores at least ``LINK_THRESHOLD``; other procurements scoring at least
``CANDIDATE_THRESHOLD`` are kept as ``candidate`` links for review. Precision
first: one linked procurement per article at most. A relevant article linked to
no TenderNed procurement joins a *news-only* procurement (``NEWS-`` + a hash of
its municipalities), so the story of a procurement that never reached TenderNed
is kept too. Article events take the procurement id of their link, so a
procurement's timeline joins notices and news in date order.

Hand-written because the signals are specific to this archive (TN numbers,
CBS municipalities, jeugdregio's). This module only reads and scores; the
derivation step (tenderarchive/derive.py) reruns it after every crawl and writes
only what changed.
"""

from __future__ import annotations

import hashlib
import json
import re
from datetime import date, timedelta

from tenderarchive.store.keys import dumps
from tenderarchive.organisations import fold

LINK_THRESHOLD = 0.6
CANDIDATE_THRESHOLD = 0.3
STOPWORDS = set("""de het een en van voor in op aan met door bij tot over uit als naar om of te is zijn
wordt worden dat die dit deze er ook nog niet wel gemeente gemeenten regio""".split())


def words(text: str | None) -> set[str]:
    return {w for w in re.findall(r"[\w-]{3,}", fold(text or "")) if w not in STOPWORDS and not w.isdigit()}


def _day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10] if len(value) >= 10 else value[:7] + "-01")
    except ValueError:
        return None


def procurement_profiles(db) -> list[dict]:
    profiles = []
    for p in db.query("select * from procurements where source = 'tenderned'"):
        notices = list(db.query("select publication_id, title, description from notices where kenmerk = ?",
                                [p["kenmerk"]]))
        ids = [n["publication_id"] for n in notices]
        places = {r["cbs_code"] for r in db.query(
            f"select cbs_code from notice_municipalities where publication_id in ({','.join('?' * len(ids))})", ids)}
        profiles.append({
            "procurement_id": p["procurement_id"], "kenmerk": p["kenmerk"], "publication_ids": set(ids),
            "title_words": words(p["title"]), "places": places, "jeugdregio": p["jeugdregio_code"],
            "first": _day(p["first_published"]), "last": _day(p["last_published"]),
        })
    return profiles


def score(article: dict, places: set[str], dates: list[date], text_words: set[str], profile: dict):
    reasons, total = [], 0.0
    refs = json.loads(article["tenderned_refs"] or "{}") or {}
    tn_numbers = {re.sub(r"\D", "", str(t)) for t in refs.get("tn_numbers") or []}
    pub_ids = {str(i) for i in refs.get("publication_ids") or []}
    if str(profile["kenmerk"]) in tn_numbers | pub_ids or pub_ids & {str(i) for i in profile["publication_ids"]}:
        total += 1.0
        reasons.append(f"tenderned_ref:TN{profile['kenmerk']}")
    if places and profile["places"]:
        share = len(places & profile["places"]) / len(places)
        if share:
            total += 0.5 * share
            reasons.append(f"places:{len(places & profile['places'])}/{len(places)}")
    if article["jeugdregio_code"] and article["jeugdregio_code"] == profile["jeugdregio"]:
        total += 0.1
        reasons.append(f"jeugdregio:{profile['jeugdregio']}")
    if profile["title_words"]:
        share = len(profile["title_words"] & text_words) / len(profile["title_words"])
        if share:
            total += 0.3 * share
            reasons.append(f"title:{share:.2f}")
    if dates and profile["first"]:
        low = profile["first"] - timedelta(days=548)
        high = (profile["last"] or profile["first"]) + timedelta(days=730)
        if any(low <= d <= high for d in dates):
            total += 0.1
            reasons.append("time:within")
        else:
            total -= 0.3
            reasons.append("time:outside")
    return round(total, 3), reasons


def news_procurement_id(places: set[str], url: str) -> str:
    basis = ",".join(sorted(places)) or url
    return "NEWS-" + hashlib.sha1(basis.encode("utf-8")).hexdigest()[:10]


def plan_links(db) -> tuple[dict[tuple[str, str], dict], list[dict], dict[str, str]]:
    """Score every relevant article against every procurement (reads only).

    Returns the ``procurement_links`` rows, the news-only ``procurements`` rows and
    ``{article url: procurement_id}`` of the linked procurement; the derivation step
    (tenderarchive/derive.py) writes them."""
    links: dict[tuple[str, str], dict] = {}
    article_procurement: dict[str, str] = {}
    if not db["articles"].exists() or not db["articles"].count:
        return links, [], article_procurement
    profiles = procurement_profiles(db)
    news_only: dict[str, dict] = {}
    for article in db.query("select * from articles where relevant = 1 order by url"):
        url = article["url"]
        places = {r["cbs_code"] for r in db.query("select cbs_code from article_municipalities where url = ?", [url])}
        dates = [d for d in [_day(article["published"])] if d] + [
            d for r in db.query("select date from article_events where url = ?", [url])
            if (d := _day(r["date"]))]
        text_words = words(f"{article['title']} {article['text']}")
        scored = sorted(((*score(article, places, dates, text_words, p), p["procurement_id"]) for p in profiles),
                        key=lambda s: (-s[0], s[2]))
        best = scored[0] if scored and scored[0][0] >= LINK_THRESHOLD else None
        for total, reasons, procurement_id in scored:
            if total < CANDIDATE_THRESHOLD:
                break
            status = "linked" if best and procurement_id == best[2] else "candidate"
            links[(procurement_id, url)] = {"procurement_id": procurement_id, "url": url, "score": total,
                                            "status": status, "reasons": dumps(reasons)}
        if best:
            article_procurement[url] = best[2]
        else:
            procurement_id = news_procurement_id(places, url)
            article_procurement[url] = procurement_id
            news_only.setdefault(procurement_id, []).append(article)
            links[(procurement_id, url)] = {"procurement_id": procurement_id, "url": url, "score": 0.0,
                                            "status": "linked", "reasons": dumps(["news_only"])}
    procurements = []
    for procurement_id, articles in news_only.items():
        articles = sorted(articles, key=lambda a: (a["published"] or "9999", a["url"]))
        days = sorted(a["published"][:10] for a in articles if a["published"])
        procurements.append({
            "procurement_id": procurement_id, "kenmerk": None, "title": articles[0]["title"],
            "buyer": None, "first_published": days[0] if days else None,
            "last_published": days[-1] if days else None, "publication_count": 0,
            "publication_ids": "[]", "notice_types": "[]", "deadline": None, "is_awarded": 0,
            "youth_care": 1, "url": articles[0]["url"], "source": "news",
            "jeugdregio_code": articles[0]["jeugdregio_code"]})
    return links, procurements, article_procurement
