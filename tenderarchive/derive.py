"""The derivation step: everything computed from the archived items, in one place.

After every crawl (``tenderarchive crawl``, ``scrapy crawl``, ``--replay``, ``reparse``
and ``build-demo`` alike) the :class:`tenderarchive.extensions.Derivation` extension
calls :func:`derive`, which brings the derived tables in line with the items the
crawl archived:

1. ``procurements`` of every kenmerk whose notices this crawl (or a killed earlier
   crawl) wrote;
2. the notice ``events`` of those notices, from the archived rows (so a sparse
   response that kept its values keeps its events too);
3. ``awards.current``: which awards are a procedure's current ones (a rectification
   supersedes the awards of the earlier notices for the same lots), and the timeline
   events of the current awards (lot, winners, value);
4. article ↔ procurement links (``procurement_links``) and news-only procurements,
   scored by :mod:`tenderarchive.linking`; article ``events`` from ``article_events`` on
   the procurement each article is linked to, and ``procurements.article_count``;
5. organisations that relevant articles name (providers, advisers, courts), one per
   folded name, the same as a published winner with that name;
6. the Dutch search index (:mod:`tenderarchive.store.search_index`).

Every write goes through :mod:`tenderarchive.store.writes`, each step in one
transaction, and writes only what changed, so running it twice writes nothing.
"""

from __future__ import annotations

import logging

from tenderarchive.linking import plan_links
from tenderarchive.store.keys import dumps
from tenderarchive.store.writes import add_named_organisation, set_values, sync_rows, upsert_if_changed
from tenderarchive.timeline import article_events, award_events, notice_events

logger = logging.getLogger(__name__)

#: Notices this crawl wrote, or a killed earlier crawl (whose derivation never ran).
TOUCHED = "crawl_id = ? or crawl_id in (select crawl_id from crawls where finish_reason = 'killed')"


def derive(db, crawl_id: int | None) -> dict:
    """Run every derivation for crawl ``crawl_id``; returns counts of what changed."""
    counts = {"procurements": refresh_procurements(db, crawl_id),
              "notice_events": refresh_notice_events(db, crawl_id)}
    counts["awards_current"] = refresh_award_currency(db, crawl_id)
    counts.update(refresh_links(db))
    counts["news_organisations"] = refresh_news_organisations(db)
    counts["search_index"] = int(refresh_search_index(db))
    logger.info("derivation after crawl %s: %s", crawl_id, counts)
    return counts


def procurement_row(notices: list[dict]) -> dict:
    """The ``procurements`` row of one kenmerk from its notices (in publication order)."""
    first, last = notices[0], notices[-1]
    with_deadline = [n for n in notices if n["deadline"]]
    kenmerk = first["kenmerk"]
    return {
        "procurement_id": f"TN{kenmerk}",
        "kenmerk": kenmerk,
        "title": next((n["title"] for n in notices if n["notice_type"] in ("AAO", "VAK", "MAC")), last["title"]),
        "buyer": last["buyer"],
        "first_published": first["published"],
        "last_published": last["published"],
        "publication_count": len(notices),
        "publication_ids": dumps([n["publication_id"] for n in notices]),
        "notice_types": dumps([n["notice_type"] for n in notices]),
        "deadline": with_deadline[-1]["deadline"] if with_deadline else None,
        "is_awarded": 1 if any(n["is_awarded"] or n["notice_type"] == "AGO" for n in notices) else 0,
        "youth_care": 1 if any(n["youth_care"] for n in notices) else 0,
        "url": first["url"],
        "source": "tenderned",
        "jeugdregio_code": next((n["jeugdregio_code"] for n in reversed(notices) if n["jeugdregio_code"]), None),
    }


def refresh_procurements(db, crawl_id) -> int:
    """Recompute the procurements whose notices crawl ``crawl_id`` (or a killed crawl) wrote."""
    touched = list(db.query(f"select kenmerk, max(fetched_at) as last from notices where kenmerk is not null "
                            f"and ({TOUCHED}) group by kenmerk order by kenmerk", [crawl_id]))
    changed = 0
    with db.atomic():
        for row in touched:
            notices = list(db.query("select * from notices where kenmerk = ? order by published_at, publication_id",
                                    [row["kenmerk"]]))
            if notices:
                changed += upsert_if_changed(db, "procurements", procurement_row(notices), when=row["last"]) != "unchanged"
    return changed


def refresh_notice_events(db, crawl_id) -> int:
    changed = 0
    with db.atomic():
        for notice in list(db.query(f"select * from notices where {TOUCHED}", [crawl_id])):
            changed += sync_rows(db, "events", "source_type = 'notice' and source_id = ?",
                                 [str(notice["publication_id"])], notice_events(notice))
    return changed


def refresh_links(db) -> dict:
    """Links, news-only procurements, article events on their procurement, article counts."""
    links, news_only, article_procurement = plan_links(db)
    counts = {"links": 0, "news_only": 0, "article_events": 0, "article_counts": 0}
    with db.atomic():
        for row in news_only:
            counts["news_only"] += upsert_if_changed(db, "procurements", row) != "unchanged"
        counts["links"] = int(sync_rows(db, "procurement_links", "1 = 1", [], list(links.values())))
        if db["article_events"].exists():
            by_url: dict[str, list[dict]] = {}
            for row in db.query("select * from article_events order by url, event_id"):
                by_url.setdefault(row["url"], []).append(row)
            wanted = [e for url, rows in by_url.items() for e in article_events(rows, article_procurement.get(url))]
            counts["article_events"] = int(sync_rows(db, "events", "source_type = 'article'", [], wanted))
        linked = dict(db.execute("select procurement_id, count(*) from procurement_links where status = 'linked' "
                                 "group by procurement_id").fetchall())
        for row in list(db.query("select procurement_id, article_count from procurements")):
            counts["article_counts"] += set_values(db, "procurements", row["procurement_id"],
                                                   {"article_count": linked.get(row["procurement_id"], 0)})
    return counts


#: The organisations kind of a role an article gives a party.
ROLE_KIND = {"awardee": "provider", "provider": "provider", "consortium": "consortium",
             "adviser": "adviser", "court": "court"}


def refresh_news_organisations(db) -> int:
    """Providers, advisers and courts that relevant articles name become ``organisations``
    (kind from their role), one per folded name; a name that matches a winner TenderNed
    published (same name key) is that winner, not a second organisation."""
    added = 0
    rows = list(db.query(
        "select o.name, o.role, o.name_key from article_organisations o join articles a on a.url = o.url "
        "where a.relevant = 1 and o.name_key is not null union "
        "select w.name, 'awardee', w.name_key from article_awardees w join articles a on a.url = w.url "
        "where a.relevant = 1 and w.name_key is not null order by 3, 2, 1"))
    with db.atomic():
        for row in rows:
            kind = ROLE_KIND.get(row["role"])
            if kind:
                added += add_named_organisation(db, row["name"], kind, row["name_key"])
    return added


def refresh_search_index(db) -> bool:
    """Rebuild the Dutch search index when what it indexes changed."""
    from tenderarchive.store.search_index import ensure_search

    return ensure_search(db)


def refresh_award_currency(db, crawl_id) -> int:
    """Set ``awards.current`` and ``awards.rectifies``: an award that a later rectification (REC)
    of its procedure gives again for the same lot is superseded (current 0; the rectification's
    award names the notice it corrects in ``rectifies``); every other award stands (so the winners
    of every admission round of an open house stay current). Decided from the archived rows,
    whatever order the crawl wrote them in."""
    if not db["awards"].exists():
        return 0
    touched = [r[0] for r in db.execute(
        f"select distinct procurement_id from awards where {TOUCHED} or current is null", [crawl_id]).fetchall()]
    changed = 0
    with db.atomic():
        for procurement_id in touched:
            rows = list(db.query(
                "select a.award_id, a.lot_id, a.publication_id, a.source, coalesce(n.published_at, '') as published, "
                "n.notice_type from awards a left join notices n on n.publication_id = a.publication_id "
                "where a.procurement_id = ? order by published, a.publication_id", [procurement_id]))
            for row in rows:
                same_lot = [o for o in rows if o["lot_id"] == row["lot_id"] and o["source"] == row["source"]
                            and o["award_id"] != row["award_id"]]
                later_rec = any(o["notice_type"] == "REC" and (o["published"], o["publication_id"]) >
                                (row["published"], row["publication_id"]) for o in same_lot)
                earlier = [o["publication_id"] for o in same_lot if (o["published"], o["publication_id"]) <
                           (row["published"], row["publication_id"])]
                rectifies = earlier[-1] if row["notice_type"] == "REC" and earlier else None
                changed += set_values(db, "awards", row["award_id"],
                                      {"current": 0 if later_rec else 1, "rectifies": rectifies})
            for award in list(db.query("select * from awards where procurement_id = ?", [procurement_id])):
                winners = list(db.query("select name, kvk from award_suppliers where award_id = ? order by name",
                                        [award["award_id"]]))
                lot = db.execute("select title from lots where procurement_id = ? and lot_id = ?",
                                 [procurement_id, award["lot_id"]]).fetchone()
                changed += sync_rows(db, "events", "source_type = 'award' and source_id = ?", [award["award_id"]],
                                     award_events(award, winners, lot[0] if lot else None))
    return changed
