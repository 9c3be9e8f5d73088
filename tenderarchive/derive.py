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
   events of the current awards (lot, winners, value); the procurements whose award
   sentences an older timeline worded (:func:`stale_award_wording`: an archive of before "incl.
   btw" or a value as printed) get the current wording once, on opening (:func:`reword_stale_awards`,
   run by ``schema.migrate_award_wording``), no reparse and no scan at every derivation;
4. article ↔ procurement links (``procurement_links``) and news-only procurements,
   scored by :mod:`tenderarchive.linking` (the unchanged articles to rescore are looked up
   from the changed procurements in ``article_link_keys``, which this step keeps); article ``events`` from ``article_events`` on
   the procurement each article is linked to, and ``procurements.article_count``;
5. organisations that relevant articles name (providers, advisers, courts), one per
   folded name, the same as a published winner with that name;
6. the summary tables of the aggregation pages (:mod:`tenderarchive.store.summaries`: the
   procurements the crawl touched and the region, year, provider and buyer keys they fall under);
7. the Dutch search index and the dashboard's counts (:mod:`tenderarchive.store.search_index`:
   the documents the crawl touched and those its triggers marked dirty).

Every write goes through :mod:`tenderarchive.store.writes`, each step in one
transaction, and writes only what changed, so running it twice writes nothing. Into an empty
``procurements`` or ``events`` table (a rebuild's first derivation, a first crawl) every row is
new: steps 1 and 2 then write each batch with one ``executemany`` (``writes.put_rows``) and build the
table's indexes after the rows (``writes.indexes_after``) instead of looking each row up first;
``tests/test_derive.py`` checks that this gives what the row-by-row way gives, on random notices.

**Incremental (issue 14).** What a crawl changed is marked by the rows themselves: the
store sets ``crawl_id`` on a notice, article or award only when it writes new content
(:func:`tenderarchive.store.writes.upsert_if_changed`), so "``crawl_id`` is this crawl, or a
crawl since the last derived one that was killed or whose derivation failed" (:data:`TOUCHED`,
served by the ``crawl_id`` indexes) is exactly the set of records whose derived rows may be out
of date. Each step reads only those and what hangs
off them (the kenmerken of touched notices, the articles whose link can change, see
:mod:`tenderarchive.linking`), so the work grows with the crawl, not with the archive.
``derive(db, crawl_id, full=True)`` rederives everything (reparse, a changed parser or
linking rule): each step walks the archive in key order in batches, so its memory stays
flat. ``tests/test_derive.py`` checks that crawl A then crawl B derived incrementally gives
the same derived tables as one full derivation of the same items.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

from tenderarchive.linking import (OLD_REFERENCE_KEYS_SQL, Profiles, article_features, article_links,
                                   articles_features, candidate_urls, changes, news_procurement,
                                   procurement_profiles, rescore_delta, write_link_keys)
from tenderarchive.store.keys import dumps
from tenderarchive.store.schema import API_SOURCES
from tenderarchive.store.link_tables import LINK_KEYS_SQL, ensure_link_floor
from tenderarchive.store.summaries import refresh_summaries
from tenderarchive.store.writes import (add_named_organisation, delete_row, drop_moved_results, indexes_after, named_by,
                                       put_row, put_rows, read_rows, record_version,
                                       set_values, sync_rows, upsert_if_changed)
from tenderarchive.timeline import (CONTRACT_STAGE_FORMS, CONTRACT_STAGE_TYPES, article_events, award_events,
                                    awards_nothing, not_awarded_events, notice_events, publication_event)

logger = logging.getLogger(__name__)

#: a row's source with the API's two (its /html, its PDF) as one
API_SOURCE_SQL = f"case when {{t}}.source in {API_SOURCES!r} then 'tenderned_html' else {{t}}.source end"

#: What a crawl whose derivation raised records among its errors (``extensions.Derivation``).
DERIVATION_FAILED = "derivation failed"
#: Crawls whose derivation did not run (killed) or failed (its error recorded).
_UNDERIVED = f"(finish_reason = 'killed' or errors like '%{DERIVATION_FAILED}: %')"
#: Rows this crawl wrote, or an earlier crawl whose derivation never ran (killed) or failed, since
#: the last crawl before this one whose derivation succeeded (that derivation took them in: a
#: failed derivation is redone by the next one, not skipped for good); served by the
#: ``crawl_id`` index of each table. Its parameters: :func:`touched_params`.
TOUCHED = (f"crawl_id in (select ? union select crawl_id from crawls where {_UNDERIVED} and crawl_id > "
           "coalesce((select max(crawl_id) from crawls where crawl_id < ? and finish_reason is not null "
           f"and not {_UNDERIVED}), 0))")


def touched_params(crawl_id) -> list:
    """The parameters of :data:`TOUCHED` for crawl ``crawl_id``."""
    return [crawl_id, crawl_id]
#: Rows per batch when a full derivation walks a table.
BATCH = 2_000


class Scope:
    """Which rows a derivation reads: those :data:`TOUCHED` by a crawl, or (``full``) all."""

    def __init__(self, crawl_id, full: bool = False):
        self.crawl_id, self.full = crawl_id, full

    def where(self, alias: str = "") -> tuple[str, list]:
        if self.full:
            return "1 = 1", []
        return (alias + TOUCHED if not alias else TOUCHED.replace("crawl_id in", f"{alias}crawl_id in", 1),
                touched_params(self.crawl_id))


def derive(db, crawl_id: int | None, full: bool = False) -> dict:
    """Run every derivation for crawl ``crawl_id`` (only what it changed; everything when
    ``full``); returns counts of what changed."""
    scope = Scope(crawl_id, full)
    counts = {"procurements": refresh_procurements(db, crawl_id, full=full),
              "notice_events": refresh_notice_events(db, crawl_id, full=full)}
    counts["awards_current"] = refresh_award_currency(db, crawl_id, full=full)
    link_counts, relinked = refresh_links(db, crawl_id, full=full, with_relinked=True)
    counts.update(link_counts)
    counts["news_organisations"] = refresh_news_organisations(db, crawl_id, full=full)
    counts["summaries"] = refresh_summaries(db, crawl_id, full=full, relinked=relinked)
    counts["search_index"] = int(refresh_search_index(db, scope, relinked))
    logger.info("derivation after crawl %s%s: %s", crawl_id, " (full)" if full else "", counts)
    return counts


def batches(db, table: str, key: str, where: str, params: list, size: int = BATCH) -> Iterator[list]:
    """The distinct ``key`` values of the rows of ``table`` matching ``where``, in key order,
    ``size`` at a time (keyset paging: no cursor stays open while the caller writes, and
    memory stays flat however large the table)."""
    last = None
    while True:
        after = f" and [{key}] > ?" if last is not None else ""
        keys = [r[0] for r in db.execute(
            f"select distinct [{key}] from [{table}] where [{key}] is not null and ({where}){after} "
            f"order by [{key}] limit {size}", [*params, *([last] if last is not None else [])]).fetchall()]
        if not keys:
            return
        yield keys
        last = keys[-1]


def _keys(db, sql: str, params: list) -> list:
    return [r[0] for r in db.execute(sql, params).fetchall()]


def procurement_row(notices: list[dict]) -> dict:
    """The ``procurements`` row of one kenmerk from its notices (in publication order)."""
    first, last = notices[0], notices[-1]
    with_deadline = [n for n in notices if n["deadline"]]
    kenmerk = first["kenmerk"]
    return {
        "procurement_id": f"TN{kenmerk}",
        "kenmerk": kenmerk,
        "title": next((n["title"] for n in notices if n["notice_type"] in ("AAO", "VAK", "MAC")), last["title"]),
        # the latest notice that names its buyer (a rectification may name another): a notice that leaves it out
        # (an award found through /gerelateerd whose detail has no opdrachtgeverNaam: reference §13) is no new buyer
        "buyer": next((n["buyer"] for n in reversed(notices) if n["buyer"]), None),
        "first_published": first["published"],
        "last_published": last["published"],
        "publication_count": len(notices),
        "publication_ids": dumps([n["publication_id"] for n in notices]),
        "notice_types": dumps([n["notice_type"] for n in notices]),
        "deadline": with_deadline[-1]["deadline"] if with_deadline else None,
        # an AGO flagged as ended early announces a cancellation, a VEAT (form type dir-awa-pre) only
        # the intention to award, one whose results close every lot without a winner (``no_winner``, NO_WINNER_SQL)
        # the procedure failing (tenderarchive/timeline.py): none is an award
        "is_awarded": 1 if any(n["is_awarded"] or (n["notice_type"] == "AGO" and not n["is_cancelled"]
                                                   and n["form_type"] != "dir-awa-pre" and not n.get("no_winner"))
                               for n in notices) else 0,
        "youth_care": 1 if any(n["youth_care"] for n in notices) else 0,
        "url": first["url"],
        "source": "tenderned",
        "jeugdregio_code": next((n["jeugdregio_code"] for n in reversed(notices) if n["jeugdregio_code"]), None),
    }


#: The columns of ``notices`` that :func:`procurement_row` and :func:`tenderarchive.timeline.notice_events`
#: read: a notice row has 60-odd, and reading each whole into a dict cost more than the rest of
#: reading it (issue 14).
PROCUREMENT_COLUMNS = ", ".join(["kenmerk", "notice_type", "title", "buyer", "published", "deadline", "publication_id",
                                 "is_awarded", "is_cancelled", "form_type", "youth_care", "url", "jeugdregio_code"])
EVENT_COLUMNS = ", ".join(["publication_id", "procurement_id", "notice_type", "notice_type_label", "form_type",
                           "is_cancelled", "title", "published", "deadline", "consultation_deadline", "start_date",
                           "url", "crawl_id"])


def refresh_procurements(db, crawl_id, full: bool = False) -> int:
    """Recompute the procurements whose notices crawl ``crawl_id`` (or a killed crawl) wrote
    (every procurement when ``full``)."""
    where, params = Scope(crawl_id, full).where()
    with db.atomic():
        # Into an empty table (a rebuild's first derivation, a first crawl) every row is new: no
        # row to look up, compare or keep a version of (what upsert_if_changed does per row), so
        # each batch is one executemany, and the table's indexes are built after the rows (issue 14;
        # tests/test_derive.py compares both ways).
        empty = _is_empty(db, "procurements")
        with indexes_after(db, "procurements", empty):
            changed = _write_procurements(db, where, params, empty, crawl_id)
    return changed


def _write_procurements(db, where: str, params: list, empty: bool, crawl_id: int | None = None) -> int:
    """The procurements of the kenmerken of the notices ``where`` selects; written through
    ``upsert_if_changed`` (a version kept of what changed, seen by crawl ``crawl_id``), or into an ``empty``
    table as new rows."""
    changed = 0
    former = former_kenmerken(db, where, params)
    for kenmerken in [*batches(db, "notices", "kenmerk", where, params), *_chunks(sorted(former))]:
        marks = ",".join("?" * len(kenmerken))
        # The time of the change: the latest fetch of the notices that changed (that left, for a former kenmerk).
        last = dict(db.execute(f"select kenmerk, max(fetched_at) from notices where kenmerk in ({marks}) "
                               f"and ({where}) group by kenmerk", [*kenmerken, *params]).fetchall())
        last = {**{k: former[k] for k in kenmerken if k in former}, **last}
        rows: dict[int, list[dict]] = {}
        found = list(db.query(f"select {PROCUREMENT_COLUMNS} from notices where kenmerk in ({marks}) "
                              "order by kenmerk, published_at, publication_id", kenmerken))
        # the award notices whose results close every lot without a winner, or whose every award a rectification
        # closed so, award nothing (procurement_row)
        no_winner = set()
        if found and db["notice_results"].exists() and db["lots"].exists():
            ids = [n["publication_id"] for n in found if n["notice_type"] == "AGO"]
            for chunk in (ids[i:i + 500] for i in range(0, len(ids), 500)):
                for sql in (NO_WINNER_SQL, CLOSED_BY_RECTIFICATION_SQL) if db["awards"].exists() else (NO_WINNER_SQL,):
                    no_winner |= set(_keys(db, sql.format(marks=",".join("?" * len(chunk))), chunk))
        for notice in found:
            rows.setdefault(notice["kenmerk"], []).append(dict(notice, no_winner=notice["publication_id"] in no_winner))
        for kenmerk in sorted(set(kenmerken) - set(rows)):
            # a former kenmerk none of whose notices is left (its one notice moved): the procurement is no more
            if not empty and (gone := list(db.query("select * from procurements where procurement_id = ? "
                                                    "and source = 'tenderned'", [f"TN{kenmerk}"]))):
                record_gone(db, gone[0], last.get(kenmerk), crawl_id)
                db["procurements"].delete(f"TN{kenmerk}")
                changed += 1
        if empty:
            put_rows(db, "procurements", [procurement_row(notices) for notices in rows.values()])
            changed += len(rows)
            continue
        for kenmerk, notices in rows.items():
            changed += upsert_if_changed(db, "procurements", procurement_row(notices),
                                         when=last.get(kenmerk), crawl_id=crawl_id) != "unchanged"
    for kenmerk in sorted(former):
        # the lots and awards of the notices that left it, re-read under the procurement they are in now
        # (store.writes.drop_moved_results), and the timeline events of those awards
        procurement_id = f"TN{kenmerk}"
        dropped = drop_moved_results(db, procurement_id)
        changed += dropped
        if dropped and db["events"].exists():
            changed += db.execute(STALE_AWARD_EVENTS_SQL, [procurement_id, procurement_id]).rowcount
    return changed


def record_gone(db, old: dict, when: str | None, crawl_id: int | None) -> None:
    """Keep a version of procurement ``old`` before the derivation deletes it (every notice of it moved to another
    procedure): each of its values as it was (``previous_values``: its id, title, notices …), each null in
    ``new_values`` (``procurement_id`` null: the row is gone), seen by crawl ``crawl_id``. The deletion was recorded
    nowhere: a crawl report, ``status`` and the versions said nothing of a procurement that disappeared
    (``watch.report.gone_procurements`` reads it)."""
    record_version(db, "procurements", old["procurement_id"], old, dict.fromkeys(old), when, crawl_id)


def former_kenmerken(db, where: str, params: list) -> dict:
    """The kenmerken the notices ``where`` selects had before their latest one (TenderNed renumbered a
    publication's procedure: reference §3, ``kenmerk`` is per procedure), each with the latest fetch of a notice
    that left it. Their procurements still listed the notice (its id, its type, its dates) beside the one it is
    now in, since only the kenmerken the notices have now were recomputed. Read from the notices' ``versions``."""
    return {kenmerk: when for kenmerk, when in db.execute(
        "select json_extract(v.previous_values, '$.kenmerk'), max(n.fetched_at) from "
        f"(select publication_id, kenmerk, fetched_at from notices where {where}) n join versions v "
        "on v.table_name = 'notices' and v.row_key = cast(n.publication_id as text) "
        "where json_extract(v.previous_values, '$.kenmerk') is not null "
        "and json_extract(v.previous_values, '$.kenmerk') is not n.kenmerk group by 1", params).fetchall()
        if isinstance(kenmerk, int)} if db["versions"].exists() else {}


def _chunks(keys: list, size: int = BATCH) -> list[list]:
    return [keys[i:i + size] for i in range(0, len(keys), size)]


def _is_empty(db, table: str) -> bool:
    """Whether ``table`` holds no row (or does not exist yet)."""
    return not db[table].exists() or db.execute(f"select 1 from [{table}] limit 1").fetchone() is None


#: The notices whose award results (``/html``) close every lot they still describe without a
#: winner ("Er is geen winnaar gekozen en de mededinging is gesloten"; lots.awarded = 0) and give
#: no award: their publication is a cancellation (``mislukt``), not an award.
NO_WINNER_SQL = """select r.publication_id from notice_results r where r.publication_id in ({marks})
  and r.lot_count > 0 and coalesce(r.award_count, 0) = 0
  and exists (select 1 from lots l where l.publication_id = r.publication_id and +l.awarded = 0)
  and not exists (select 1 from lots l where l.publication_id = r.publication_id and coalesce(l.awarded, 1) != 0)"""


#: The rectifications (REC) among ``marks`` with the notice each corrects: the one naming it as its latest
#: rectification (publicatieIDLaatsteRectificatie, reference tenderned-awards.md §5), its notice type and form type.
RECTIFIED_NOTICES_SQL = """select n.publication_id, o.notice_type, o.form_type from notices n join notices o
  on o.procurement_id = n.procurement_id and o.latest_rectification_id = n.publication_id
  and o.publication_id != n.publication_id
  where n.publication_id in ({marks}) and n.notice_type = 'REC' order by o.published_at, o.publication_id"""
#: The rectifications (REC) among ``marks`` whose own results name a winner.
AWARD_RESULTS_SQL = """select n.publication_id from notices n join notice_results r on r.publication_id = n.publication_id
  where n.publication_id in ({marks}) and n.notice_type = 'REC' and r.award_count > 0"""


def corrected_stages(db, ids: list, results: bool, no_winner: set) -> dict:
    """The stage of the notice each rectification among ``ids`` corrects, where known: that of the notice naming it
    as its latest rectification; else the award's where its results name winners or close every lot (the stage of a
    rectification whose own form type does not say, an older standard-form notice having none:
    timeline.publication_event)."""
    marks = ",".join("?" * len(ids))
    stages = {pid: "definitieve_gunning" for pid in no_winner}
    if results:
        stages.update((pid, "definitieve_gunning") for pid in _keys(db, AWARD_RESULTS_SQL.format(marks=marks), ids))
    for pid, notice_type, form_type in db.execute(RECTIFIED_NOTICES_SQL.format(marks=marks), ids).fetchall():
        stage = publication_event(notice_type, form_type_of({"notice_type": notice_type, "form_type": form_type}))[1]
        if stage:
            stages[pid] = stage
    return stages


#: The award notices every award of which a rectification (REC, or an eForms change notice) has since closed
#: without a winner: the lot's row is the rectification's, ``awarded`` 0 (reference §4 "Rectified award": the
#: current winners are those of the latest version; ``refresh_award_currency`` puts those awards out of currency).
#: Another award notice of the lot that is no rectification (an open house's later admission round) closes
#: nothing of an earlier one.
CLOSED_BY_RECTIFICATION_SQL = """select r.publication_id from notice_results r where r.publication_id in ({marks})
  and coalesce(r.award_count, 0) > 0
  and not exists (select 1 from awards a where a.publication_id = r.publication_id and not exists (
    select 1 from lots l join notices n on n.publication_id = l.publication_id
      left join notice_results c on c.publication_id = l.publication_id
    where l.procurement_id = a.procurement_id and l.lot_id = a.lot_id and l.awarded = 0
      and l.publication_id != a.publication_id and (n.notice_type = 'REC' or c.change_notice = 1)))"""


def refresh_notice_events(db, crawl_id, full: bool = False) -> int:
    """The notice events of the notices a crawl wrote, of those whose award results it wrote
    (an ``/html`` read in a later crawl than its notice), and of the rectifications the notices it wrote name
    as their latest (a rectification archived in an earlier crawl than the notice it corrects)."""
    where, params = Scope(crawl_id, full).where()
    results = db["notice_results"].exists() and db["lots"].exists()
    if not full:
        # a rectification archived before the notice naming it as its latest (publicatieIDLaatsteRectificatie)
        # takes that notice's stage when it arrives (corrected_stages)
        where, params = (f"({where}) or publication_id in (select latest_rectification_id from notices "
                         f"where latest_rectification_id is not null and ({where}))", [*params, *params])
    if results and not full:
        touched, touched_params_ = Scope(crawl_id, full).where()
        where = f"({where}) or publication_id in (select publication_id from notice_results where {touched})"
        params = [*params, *touched_params_]
    with db.atomic():
        # An empty events table (a rebuild's first derivation, a first crawl): no notice has events
        # to read and compare (sync_rows' select per notice), so each batch's are one executemany,
        # and the table's indexes are built after the rows (issue 14; tests/test_derive.py compares
        # both ways).
        empty = _is_empty(db, "events")
        with indexes_after(db, "events", empty):
            changed = _write_notice_events(db, where, params, results, empty)
    return changed


def _write_notice_events(db, where: str, params: list, results: bool, empty: bool) -> int:
    """The events of the notices ``where`` selects: each notice's made its ``notice_events``
    (``sync_rows``), or, into an ``empty`` table, inserted as sync_rows inserts them."""
    changed = 0
    for ids in batches(db, "notices", "publication_id", where, params):
        marks = ",".join("?" * len(ids))
        no_winner = set(_keys(db, NO_WINNER_SQL.format(marks=marks), ids)) if results else set()
        corrected = corrected_stages(db, ids, results, no_winner)
        new: list[dict] = []
        for notice in list(db.query(f"select {EVENT_COLUMNS} from notices where publication_id in ({marks})",
                                    ids)):
            notice = dict(notice, no_winner=notice["publication_id"] in no_winner,
                          corrects=corrected.get(notice["publication_id"]))
            if empty:  # what sync_rows writes when nothing is there: one row per event id, the last one's
                wanted = {event["event_id"]: event for event in notice_events(notice)}
                new.extend(wanted.values())
                changed += bool(wanted)
                continue
            changed += sync_rows(db, "events", "source_type = 'notice' and source_id = ?",
                                 [str(notice["publication_id"])], notice_events(notice))
        put_rows(db, "events", new)
    return changed


def refresh_links(db, crawl_id=None, full: bool = False, with_relinked: bool = False):
    """Links, news-only procurements, article events on their procurement, article counts —
    for the articles this crawl wrote (scored against every procurement) and for the
    unchanged relevant articles against the procurements this crawl changed
    (:func:`tenderarchive.linking.rescore_delta`, pair by pair); everything when ``full``.

    Returns the counts (and, with ``with_relinked``, the urls whose linked procurement
    changed: their article events and search documents follow it)."""
    counts = {"links": 0, "news_only": 0, "article_events": 0, "article_counts": 0}
    relinked: set[str] = set()
    if not db["articles"].exists():
        return (counts, relinked) if with_relinked else counts
    where, params = Scope(crawl_id, full).where()
    has_events = db["article_events"].exists()
    with db.atomic():
        touched_urls = _keys(db, f"select url from articles where {where} order by url", params)
        touched_set = set(touched_urls)
        changed_ids = set(_keys(db, "select distinct 'TN' || kenmerk from notices where kenmerk is not null "
                                    f"and ({where})", params)) if not full else None
        relevant_touched = db.execute(
            # incrementally by the crawl_id index ("+": not every relevant article by the relevant index)
            f"select count(*) from articles where {'' if full else '+'}relevant = 1 and ({where})",
            params).fetchone()[0]
        if not full:
            # The procedures the crawl's notices left (TenderNed moved or renumbered them: former_kenmerken) changed
            # too; the articles linked to one that is no more (all its notices left) are scored again against every
            # procurement, as the crawl's own articles are: they stayed linked to a procurement gone from the
            # archive, and the one its notices are in now got the article as a candidate only.
            former = {f"TN{kenmerk}" for kenmerk in former_kenmerken(db, where, params)}
            gone = former - set(_keys(db, f"select procurement_id from procurements where procurement_id in "
                                          f"({','.join('?' * len(former))})", sorted(former))) if former else set()
            changed_ids |= former - gone
            orphaned = set(_keys(db, f"select url from procurement_links where procurement_id in "
                                     f"({','.join('?' * len(gone))})", sorted(gone))) - touched_set if gone else set()
            if orphaned:
                touched_urls = sorted(touched_set | orphaned)
                touched_set |= orphaned
                relevant_touched += len(orphaned)
        everything = procurement_profiles(db) if (full or relevant_touched) else []
        # The changed procurements' profiles serve step 2 only, which rescores the unchanged
        # relevant articles and those already linked: with neither in the archive (a TenderNed
        # crawl before any news, the first crawls of a reparse) nothing can be reached, and
        # the profiles are not worked out (issue 14: a fifth of a TenderNed crawl's derivation).
        reachable = not full and bool(changed_ids) and bool(
            relevant_touched or db.execute("select 1 from articles where relevant = 1 limit 1").fetchone()
            or db.execute("select 1 from procurement_links limit 1").fetchone())
        changed = Profiles(([p for p in everything if p["procurement_id"] in changed_ids] if everything
                            else procurement_profiles(db, changed_ids)) if reachable else [])
        everything = Profiles(everything)
        affected: set[str] = set(changed_ids or ())  # procurements whose article_count may change
        news_ids: set[str] = set()

        def write(url: str, rows: list[dict], stored: list[dict] | None = None) -> None:
            """``stored``: the article's links as read already, for an unchanged article (step 2),
            whose news-only procurement and article counts change only with its *linked* rows."""
            old = stored if stored is not None else list(
                db.query("select procurement_id, status, score from procurement_links where url = ?", [url]))
            if sync_rows(db, "procurement_links", "url = ?", [url], rows):
                counts["links"] += 1
                if _linked(old) != _linked(rows):  # its procurement changed, not only a candidate
                    relinked.add(url)
                if stored is None:
                    ids = {row["procurement_id"] for row in old + rows}
                else:  # article_count and a news-only procurement count linked rows only
                    ids = ({r["procurement_id"] for r in old if r["status"] == "linked"}
                           ^ {r["procurement_id"] for r in rows if r["status"] == "linked"})
                for procurement_id in ids:
                    affected.add(procurement_id)
                    if procurement_id.startswith("NEWS-"):
                        news_ids.add(procurement_id)

        # The linking keys of the relevant articles (tenderarchive/linking.py): rebuilt by a full
        # derivation, filled once when missing, then kept by step 1 for the articles a crawl wrote.
        db.execute(LINK_KEYS_SQL)
        ensure_link_floor(db)  # each article's weakest link, kept by triggers from here on
        # Keys of before the two reference kinds (linking.reference_keys) are stale: deleted and
        # rebuilt like missing ones, whatever the crawl changed (a news crawl changes no procurement,
        # and its own articles' keys alone would have kept the table from looking empty).
        stale = not full and bool(db.execute(OLD_REFERENCE_KEYS_SQL).fetchone())
        if full or stale:
            db.execute("delete from article_link_keys")
        if not full and (changed or stale) and not db.execute("select 1 from article_link_keys limit 1").fetchone() and \
                db.execute("select 1 from articles where relevant = 1 limit 1").fetchone():
            for urls in batches(db, "articles", "url", "relevant = 1", []):
                articles = list(db.query(f"select * from articles where url in ({','.join('?' * len(urls))}) "
                                         "order by url", urls))
                write_link_keys(db, urls, articles_features(db, articles))
        # 1. The articles this crawl wrote, against every procurement.
        for urls in _chunks(touched_urls):
            features = []
            for article in list(db.query(f"select * from articles where url in ({','.join('?' * len(urls))}) "
                                         "order by url", urls)):
                if article["relevant"] == 1:
                    features.append(article_features(db, article))
                    write(article["url"], article_links(features[-1], everything))
                else:
                    write(article["url"], [])
            write_link_keys(db, urls, features)
        # 2. Unchanged relevant articles, against the procurements this crawl changed: only those
        # the changed procurements reach through the linking keys and whose full list they could
        # enter (linking.settled: an exact bound of the pair's score), or already linked to one.
        # Batched: their places, dates and stored links in a few queries per batch, and an article
        # whose links come out as stored is not written (sync_rows would find nothing to change).
        if changed:
            reached = candidate_urls(db, changed.profiles)
            for ids in _chunks(sorted(changed_ids)):
                reached.update(_keys(db, f"select url from procurement_links where procurement_id in "
                                         f"({','.join('?' * len(ids))})", ids))
            # Each article's stored links are few (CANDIDATE_LIMIT and a news-only one), read per
            # batch; an article whose changed procurement fell out of a full list is scored against
            # every procurement (rescore_delta returns None), the profiles read once when needed.
            for urls in _chunks(sorted(reached - touched_set), BATCH):
                marks = ",".join("?" * len(urls))
                articles = list(db.query(f"select * from articles where relevant = 1 and url in ({marks}) "
                                         "order by url", urls))
                stored_links: dict[str, list[dict]] = {}
                for row in db.query(f"select * from procurement_links where url in ({marks})", urls):
                    stored_links.setdefault(row["url"], []).append(row)
                for article, features in zip(articles, articles_features(db, articles)):
                    url = article["url"]
                    stored = stored_links.get(url, [])
                    delta = rescore_delta(features, stored, changed, changed_ids)
                    if delta is None:
                        if not everything:  # read once, when a first article needs them
                            everything = Profiles(procurement_profiles(db))
                        rows = article_links(features, everything)
                        delta = (*changes(stored, rows), _linked(rows))
                    writes, deletes, linked = delta
                    if not writes and not deletes:
                        continue
                    for procurement_id in deletes:
                        delete_row(db, "procurement_links", (procurement_id, url))
                    for row in writes:
                        put_row(db, "procurement_links", row)
                    counts["links"] += 1
                    if _linked(stored) != linked:  # the article's procurement (its events, its search document)
                        relinked.add(url)
                    # every procurement it is linked to or no longer (article counts, news-only procurements)
                    after = {r["procurement_id"]: r for r in stored if r["procurement_id"] not in deletes}
                    after.update({r["procurement_id"]: r for r in writes})
                    for procurement_id in _linked_ids(stored) ^ _linked_ids(after.values()):
                        affected.add(procurement_id)
                        if procurement_id.startswith("NEWS-"):
                            news_ids.add(procurement_id)
        if full:  # links of articles that are gone; news-only procurements nothing links to any more
            gone = _keys(db, "select distinct url from procurement_links where url not in "
                             "(select url from articles where relevant = 1)", [])
            for url in gone:
                write(url, [])
            news_ids |= set(_keys(db, "select procurement_id from procurements where source = 'news'", []))
        # 3. News-only procurements from the articles linked to them.
        for procurement_id in sorted(news_ids):
            articles = list(db.query("select a.* from articles a join procurement_links l on l.url = a.url "
                                     "where l.procurement_id = ? and +l.status = 'linked'", [procurement_id]))
            if articles:
                counts["news_only"] += upsert_if_changed(db, "procurements", news_procurement(procurement_id, articles),
                                                         crawl_id=crawl_id) != "unchanged"
            elif db.execute("select 1 from procurements where procurement_id = ? and source = 'news'",
                            [procurement_id]).fetchone():
                db["procurements"].delete(procurement_id)
                counts["news_only"] += 1
        # 4. Article events on the procurement each article is linked to.
        if has_events:
            for url in sorted(touched_set | relinked):
                counts["article_events"] += _sync_article_events(db, url)
            if full:
                db.execute("delete from events where source_type = 'article' and source_id not in "
                           "(select url from article_events)")
        # 5. Article counts.
        if full:
            affected = set(_keys(db, "select procurement_id from procurements", []))
        for ids in _chunks(sorted(affected)):
            marks = ",".join("?" * len(ids))
            linked = dict(db.execute(
                f"select procurement_id, count(*) from procurement_links where status = 'linked' and procurement_id "
                f"in ({marks}) group by procurement_id", ids).fetchall())
            # Read the current counts of the lot at once; only a procurement whose count differs is
            # written (what set_values would do row by row).
            current = dict(db.execute(f"select procurement_id, article_count from procurements where procurement_id "
                                      f"in ({marks})", ids).fetchall())
            # One executemany for the lot (issue 14: a first derivation sets every new procurement's
            # count, NULL to 0, and set_values looked each row up again before its own UPDATE).
            updates = [(linked.get(procurement_id, 0), procurement_id) for procurement_id in ids
                       if procurement_id in current and current[procurement_id] != linked.get(procurement_id, 0)]
            db.conn.executemany("update procurements set article_count = ? where procurement_id = ?", updates)
            counts["article_counts"] += len(updates)
    return (counts, relinked) if with_relinked else counts


def _linked(rows: list[dict]) -> str | None:
    """The article's procurement among its links ``rows``: the best linked one (highest score, then lowest id, as
    ``linking.rank_key`` and the events of ``_sync_article_events``); an article may be linked to more procurements
    than it, those it names by a TenderNed reference (``linking.named``)."""
    linked = [(-(r.get("score") or 0), r["procurement_id"]) for r in rows if r["status"] == "linked"]
    return min(linked)[1] if linked else None


def _linked_ids(rows) -> set[str]:
    return {r["procurement_id"] for r in rows if r["status"] == "linked"}


def _chunks(keys: list, size: int = 500) -> Iterator[list]:
    for i in range(0, len(keys), size):
        yield keys[i:i + size]


def _sync_article_events(db, url: str) -> int:
    link = db.execute("select procurement_id from procurement_links where url = ? and +status = 'linked' "
                      "order by score desc, procurement_id limit 1", [url]).fetchone()
    rows = list(db.query("select * from article_events where url = ? order by event_id", [url]))
    return int(sync_rows(db, "events", "source_type = 'article' and source_id = ?", [url],
                         article_events(rows, link[0] if link else None)))


#: The organisations kind of a role an article gives a party.
ROLE_KIND = {"awardee": "provider", "provider": "provider", "consortium": "consortium",
             "adviser": "adviser", "court": "court"}


def refresh_news_organisations(db, crawl_id=None, full: bool = True) -> int:
    """Providers, advisers and courts that relevant articles name become ``organisations``
    (kind from their role), one per folded name; a name that matches a winner TenderNed
    published (same name key) is that winner, not a second organisation. Incrementally only
    the articles this crawl wrote are read: an organisation's name and kind, once added, never
    change, so a name first named by an earlier crawl keeps that crawl's spelling. Its provenance
    is that of the earliest fetched record naming it (``writes.named_by``): of these articles too
    when it is known by name (``name:<name key>``), also one a TenderNed winner added first."""
    where, params = Scope(crawl_id, full).where("a.")
    added = 0
    article = "a.url, a.source_url, a.fetched_at, a.sha256, a.crawl_id"   # the first to name it: its provenance
    rows = list(db.query(
        f"select o.name, o.role, o.name_key, {article} from article_organisations o join articles a on a.url = o.url "
        f"where a.relevant = 1 and o.name_key is not null and ({where}) union "
        f"select w.name, 'awardee', w.name_key, {article} from article_awardees w join articles a on a.url = w.url "
        f"where a.relevant = 1 and w.name_key is not null and ({where}) order by 3, 2, 1, 6, 4",
        [*params, *params]))
    with db.atomic():
        for row in rows:
            kind = ROLE_KIND.get(row["role"])
            if kind:
                added += add_named_organisation(db, row["name"], kind, row["name_key"], row)
        for row in rows:  # the earliest fetched article that names it is the one that first named it
            named_by(db, f"name:{row['name_key']}", row, "articles", row["url"])
    return added


def refresh_search_index(db, scope: Scope | None = None, relinked: set[str] = frozenset()) -> bool:
    """Bring the Dutch search index up to date: the documents of the notices and articles in
    ``scope`` and of the articles whose link changed (``relinked``); a full rebuild when the
    index is missing or its definition changed, or when no scope is given and the archive
    changed (:func:`tenderarchive.store.search_index.ensure_search`)."""
    from tenderarchive.store import search_index

    if scope is None or scope.full or not search_index.can_update(db):
        return search_index.ensure_search(db) if scope is None or not scope.full else \
            bool(search_index.build_search_index(db) or True)
    where, params = scope.where()
    notices = _keys(db, f"select publication_id from notices where {where}", params) if db["notices"].exists() else []
    articles = set(_keys(db, f"select url from articles where {where}", params)) if db["articles"].exists() else set()
    return search_index.update_search_index(db, notices, sorted(articles | set(relinked)))


#: The events of a procedure's awards the store no longer holds. ``+source_type``: without it SQLite took
#: the index on (source_type, source_id) and read every award event of the archive for each procedure
#: (quadratic: the step ran for over half an hour at a million notices); the procedure's own events are
#: found by ``events (procurement_id, date)``. tests/test_derive.py checks the plan.
STALE_AWARD_EVENTS_SQL = ("delete from events where procurement_id = ? and +source_type = 'award' and source_id not in "
                          "(select award_id from awards where procurement_id = ?)")


#: :func:`awards_nothing` of a ``notices`` row ``n`` in SQL.
AWARDS_NOTHING_SQL = (f"coalesce(n.form_type, '') != 'result' and coalesce(n.notice_type, '') not in ('AGO', 'REC') "
                      f"and (n.notice_type in {CONTRACT_STAGE_TYPES!r} or n.form_type in {CONTRACT_STAGE_FORMS!r})")


#: eForms form types of a notice about a contract already awarded (reference tenderned-api.md §8.1, §8.4: can-modif,
#: compl): a winner it names again is no new award
CONTRACT_FOLLOW_UPS = ("cont-modif", "completion")


def form_type_of(notice: dict) -> str | None:
    """A notice's eForms form type (reference tenderned-api.md §8.4), or for one whose detail named none the form
    type of its TenderNed notice type where that has one form: a modification (``AAW``, §7.1) is ``cont-modif``. So is
    an OCDS package's publication typed AAW (tag ``contractAmendment``): its ``form_type`` "ocds" says where it was
    read, no form (its award of a lot an earlier publication awarded was a second current award of the lot)."""
    form = notice.get("form_type")
    if form and form != "ocds":
        return form
    return "cont-modif" if notice.get("notice_type") == "AAW" else None


def package_order(award: dict) -> tuple[str, str]:
    """Which of two OCDS packages giving one publication's award of a lot stands: the one uploaded last, by its URL
    (TenderNed's files lie under the month of their upload, ``/files/2026-07/`` after ``/files/2023-04/``; in one
    folder the newer naming, ``Dataset_Tenderned-…``, sorts after a year's ``2021.json``), then its file name."""
    return award.get("source_url") or "", award.get("source_file") or ""


def refresh_award_currency(db, crawl_id, full: bool = False, procurements: list[str] | None = None) -> int:
    """Set ``awards.current`` and ``awards.rectifies``: an award that a later rectification (REC)
    of its procedure gives again for the same lot is superseded (current 0; the rectification's
    award names the notice it corrects in ``rectifies``), and so is one of a lot that a later
    rectification describes as not awarded (the lot's row is the rectification's, ``awarded`` 0:
    reference tenderned-awards.md §4, the current winners are those of the latest version; a
    rectification that an award notice names as its latest, ``publicatieIDLaatsteRectificatie``, corrects
    that notice's awards only); every other award stands (so the winners of every admission round of an
    open house stay current), except one of the API whose notice is now of a type that awards nothing
    (:func:`awards_nothing`): kept, not current, nor does it put a package's awards of the procedure out
    of currency; a VEAT's, a contract modification's or a completion notice's of a lot another notice
    awards; and a package's award of a publication and lot that a package uploaded later gives too.
    Decided from the archived rows, whatever order the crawl wrote them in. ``procurements``: these alone, not those
    the crawl touched (:func:`reword_stale_awards`)."""
    if not db["awards"].exists():
        return 0
    touched = list(procurements) if procurements is not None else touched_by_awards(db, crawl_id, full)
    return rederive_awards(db, touched)


def touched_by_awards(db, crawl_id, full: bool = False) -> list[str]:
    """The procurements whose awards :func:`refresh_award_currency` decides again after crawl ``crawl_id``."""
    where, params = Scope(crawl_id, full).where()
    return [r[0] for r in db.execute(
        f"select distinct procurement_id from awards where {where} union "
        "select distinct procurement_id from awards where current is null union "
        # a rectification that awards nothing writes no award, only its lots
        f"select distinct procurement_id from lots where awarded = 0 and {where} union "
        # a package's awards of a publication the API crawl has just archived, under another procurement too
        "select distinct a.procurement_id from awards a join notices n on n.publication_id = a.publication_id "
        f"where a.source = 'tenderned_ocds' and coalesce(n.form_type, '') != 'ocds' and {Scope(crawl_id, full).where('n.')[0]} "
        # a notice the crawl archived again, now of a type that awards nothing (an AGO corrected to an AAO)
        "union select distinct a.procurement_id from awards a join notices n on n.publication_id = a.publication_id "
        f"where a.source in {API_SOURCES!r} and {Scope(crawl_id, full).where('n.')[0]}",
        params + params + params + params).fetchall()]


def rederive_awards(db, touched: list[str]) -> int:
    """Decide the currency and derive the award events of the procurements ``touched`` (the body of
    :func:`refresh_award_currency`); the number of rows changed."""
    changed = 0
    with db.atomic():
        for procurement_id in touched:
            # the API's notices are one source whether their awards were read from /html or the PDF: a rectification
            # read from one supersedes an award read from the other
            rows = read_rows(db,
                f"select a.award_id, a.lot_id, a.publication_id, {API_SOURCE_SQL.format(t='a')} as source, "
                "coalesce(a.source_url, '') as source_url, coalesce(a.source_file, '') as source_file, "
                "coalesce(n.published_at, '') as published, "
                "n.notice_type, n.form_type, r.change_notice from awards a left join notices n on n.publication_id = a.publication_id "
                "left join notice_results r on r.publication_id = a.publication_id "
                "where a.procurement_id = ? order by published, a.publication_id", [procurement_id])
            # a rectification: a REC notice, or one an earlier notice of the procedure names as its latest
            # rectification (publicatieIDLaatsteRectificatie, reference §8.6), whatever its own code
            dated = {r["publication_id"]: (r["published"], r["publication_id"]) for r in rows}
            lot_notices = {(r["lot_id"], r["publication_id"]) for r in rows}
            corrects: dict[int, set[int]] = {}  # a rectification -> the notices that name it their latest one
            for original, rectification in db.execute(
                    "select publication_id, latest_rectification_id from notices where procurement_id = ? "
                    "and latest_rectification_id is not null and latest_rectification_id != publication_id",
                    [procurement_id]):
                corrects.setdefault(rectification, set()).add(original)
            named = set(corrects)
            # the form type of each notice of the procedure (a rectification of none takes that of the notice naming it
            # as its latest, below)
            forms = {r["publication_id"]: form_type_of(dict(r)) for r in read_rows(db,
                "select publication_id, notice_type, form_type from notices where procurement_id = ?", [procurement_id])}

            def follow_up(row) -> bool:
                # a contract modification or completion; so is a rectification of no form type of its own (an older
                # standard form has none) that such a notice names as its latest: it corrects the modification
                return form_type_of(row) in CONTRACT_FOLLOW_UPS or not form_type_of(row) and any(
                    forms.get(pid) in CONTRACT_FOLLOW_UPS for pid in corrects.get(row["publication_id"], ()))

            def supersedes(o, row) -> bool:
                # a rectification some notice names as its latest (publicatieIDLaatsteRectificatie) corrects that notice:
                # the awards of it and of rectifications after it, not those of another award notice of the lot (an
                # open house's earlier admission round, whose winners were lost from every list when a later round's
                # notice was rectified); a rectification no award notice of the lot names corrects every earlier award
                if not is_rectification(o) or (o["published"], o["publication_id"]) <= (row["published"],
                                                                                       row["publication_id"]):
                    return False
                originals = corrects.get(o["publication_id"])
                if not originals or row["publication_id"] in originals or not any(
                        (row["lot_id"], pid) in lot_notices for pid in originals):
                    return True  # (named by a notice that gives no award of the lot: the procedure's contract notice)
                return is_rectification(row) and row["publication_id"] not in corrects and any(
                    (row["published"], row["publication_id"]) > dated[pid] for pid in originals if pid in dated)

            def is_rectification(o):
                # ... or an eForms change notice (section "10. Wijziging", BT-758), whatever its code
                return o["notice_type"] == "REC" or o["publication_id"] in named or o["change_notice"] == 1
            # lots a rectification read from /html describes as not awarded: (source, lot) -> its (published, id)
            not_awarded = {(r["source"], r["lot_id"]): (r["published"], r["publication_id"]) for r in read_rows(db,
                f"select {API_SOURCE_SQL.format(t='l')} as source, l.lot_id, l.publication_id, n.notice_type, "
                "coalesce(n.published_at, '') as published, "
                "r.change_notice from lots l join notices n on n.publication_id = l.publication_id "
                "left join notice_results r on r.publication_id = l.publication_id "
                # (not a correction of the contract notice, whose rendering gives no lot result: its lot keeps the award
                # notice's, store.writes.LOT_RESULT)
                f"where l.procurement_id = ? and +l.awarded = 0 and coalesce(n.form_type, '') not in {CONTRACT_STAGE_FORMS!r}",
                [procurement_id]) if is_rectification(r)}
            # The API's /html wins over an OCDS package (reference §8.8: a procedure in both is not counted
            # twice): an OCDS award is not current once the API has awards of its procedure, or of the
            # procedure the API archived the award's publication under (the ocid's suffix is not always the
            # kenmerk, §6.3)
            api_procedures = {r[0] for r in db.execute(
                "select distinct n.procurement_id from awards a join notices n on n.publication_id = a.publication_id "
                "where a.procurement_id = ? and a.source = 'tenderned_ocds' and coalesce(n.form_type, '') != 'ocds' "
                "and n.procurement_id is not null union select ?", [procurement_id, procurement_id])}
            api_wins = bool(db.execute(
                f"select 1 from awards a where source in {API_SOURCES!r} and procurement_id in "
                f"({', '.join('?' * len(api_procedures))}) and not exists (select 1 from notices n where "
                f"n.publication_id = a.publication_id and {AWARDS_NOTHING_SQL}) limit 1",
                sorted(api_procedures)).fetchone())
            latest_package: dict[tuple, tuple] = {}  # (lot, publication) -> the package of it uploaded last
            for row in rows:
                if row["source"] == "tenderned_ocds":
                    key = (row["lot_id"], row["publication_id"])
                    latest_package[key] = max(latest_package.get(key, ("", "")), package_order(row))
            for row in rows:
                if row["source"] == "tenderned_html" and awards_nothing(row):
                    # its notice is now a contract-stage notice under the same publicatieId (the type corrected,
                    # AGO -> AAO: reference tenderned-api.md §7.1): the winners an earlier read gave stay archived
                    changed += set_values(db, "awards", row["award_id"], {"current": 0, "rectifies": None})
                    continue
                if row["source"] == "tenderned_ocds" and api_wins:
                    changed += set_values(db, "awards", row["award_id"], {"current": 0, "rectifies": None})
                    continue
                if row["source"] == "tenderned_ocds" and row["publication_id"] is not None and \
                        package_order(row) < latest_package[(row["lot_id"], row["publication_id"])]:
                    # the same publication's award of the lot as another package gives it (the year file of the
                    # 2023-04 naming beside the 2026-07 file of the same year, each with its own release and award
                    # ids: reference §6.1, §6.3, §9): one award, counted once (it was two current awards, the
                    # provider's gunningen and value counted twice); the package uploaded last stands
                    changed += set_values(db, "awards", row["award_id"], {"current": 0, "rectifies": None})
                    continue
                same_lot = [o for o in rows if o["lot_id"] == row["lot_id"] and o["source"] == row["source"]
                            and o["award_id"] != row["award_id"]]
                later_rec = any(supersedes(o, row) for o in same_lot)
                closed = not_awarded.get((row["source"], row["lot_id"]))
                later_rec = later_rec or (closed is not None and supersedes(
                    {"published": closed[0], "publication_id": closed[1], "notice_type": "REC", "change_notice": None}, row))
                earlier = [o["publication_id"] for o in same_lot if (o["published"], o["publication_id"]) <
                           (row["published"], row["publication_id"])]
                # the notice it corrects: the one naming it as its latest rectification, else the lot's last before it
                own = [pid for pid in earlier if pid in corrects.get(row["publication_id"], ())]
                rectifies = (own or earlier)[-1] if is_rectification(row) and earlier else None
                # a voluntary ex-ante transparency notice (VEAT, form type dir-awa-pre) names the winner the buyer
                # intends to award (voorlopige_gunning): the award notice of the lot after it is the award, and the
                # VEAT's winner no second current award of one contract
                later_rec = later_rec or row["form_type"] == "dir-awa-pre" and any(
                    o["form_type"] != "dir-awa-pre" and not awards_nothing(o) and (o["published"], o["publication_id"])
                    > (row["published"], row["publication_id"]) for o in same_lot)
                # a contract modification (form type cont-modif) changes a contract an earlier notice of the lot
                # awarded, a completion notice (completion) reports it done: the winner either repeats is that award,
                # no second current award of one contract (the provider's gunningen and value were counted twice);
                # it stands only where no earlier award of the lot is archived (the award notice before the window),
                # and the earlier of two. A rectification of a modification (a REC, or change notice, of form type
                # cont-modif) is still a modification: it corrects the modification, whose award it supersedes, not
                # the award notice's (it was a second current award beside it, the contract's value counted twice);
                # it stands where the lot's only earlier awards are the modifications it corrects
                later_rec = later_rec or follow_up(row) and any(
                    o["form_type"] != "dir-awa-pre" and not awards_nothing(o) and (o["published"], o["publication_id"])
                    < (row["published"], row["publication_id"])
                    and not (is_rectification(row) and follow_up(o)) for o in same_lot)
                changed += set_values(db, "awards", row["award_id"],
                                      {"current": 0 if later_rec else 1, "rectifies": rectifies})
            changed += refresh_unnamed_winners(db, procurement_id)
            # the events of an award the store no longer holds (an OCDS package that now gives it otherwise)
            changed += db.execute(STALE_AWARD_EVENTS_SQL, [procurement_id, procurement_id]).rowcount
            for award in read_rows(db, "select a.*, n.form_type as notice_form_type, n.notice_type as notice_kind "
                                   "from awards a left join notices n "
                                   "on n.publication_id = a.publication_id where a.procurement_id = ?",
                                   [procurement_id]):
                # each winner once: a second listing of one under its name beside its KvK number (an OCDS package's
                # supplier id the number in one row and the name in another, reference tenderned-awards.md §6.3) is
                # award_winner_shares.dubbel, as the summaries and the saved searches count it ("gegund aan X (KvK …),
                # X" named it twice)
                winners = read_rows(db,
                    "select s.name, s.kvk from award_suppliers s join award_winner_shares v on v.award_id = s.award_id "
                    "and v.organisation_id = s.organisation_id where s.award_id = ? and not v.dubbel order by s.name",
                    [award["award_id"]])
                lot = db.execute("select title from lots where procurement_id = ? and lot_id = ?",
                                 [procurement_id, award["lot_id"]]).fetchone()
                changed += sync_rows(db, "events", "source_type = 'award' and source_id = ?", [award["award_id"]],
                                     award_events(award, winners, lot[0] if lot else None, form_type_of(
                                         {"form_type": award["notice_form_type"], "notice_type": award["notice_kind"]})))
            # the lots its latest notices close without a winner, each on the timeline with its reason, where another
            # lot of the procurement is awarded (a partly awarded notice said only which lots it awarded: the others'
            # outcome was in the lots table alone); a procurement none of whose lots is awarded has its cancellation
            closed_lots = []
            # ``+awarded`` (here and in the lots' statements above and in NO_WINNER_SQL): the lots are found by their
            # key, not by ``idx_lots_awarded``, which SQLite chose and which read every awarded (or unawarded) lot of
            # the archive for each procedure (quadratic in the store; issue 14, round 39)
            if db.execute("select 1 from lots where procurement_id = ? and +awarded = 1 limit 1",
                          [procurement_id]).fetchone():
                for lot in read_rows(db, "select l.*, n.published as notice_published, n.url as notice_url from lots l "
                                    "left join notices n on n.publication_id = l.publication_id "
                                    "where l.procurement_id = ? and +l.awarded = 0", [procurement_id]):
                    closed_lots += not_awarded_events(lot, {"published": lot["notice_published"],
                                                            "url": lot["notice_url"]})
            # ``+source_type``, as in STALE_AWARD_EVENTS_SQL: without it SQLite took the index on (source_type,
            # source_id) and read every lot event of the archive for each procedure (quadratic: 0.86 of a 10,000-notice
            # reparse's CPU-s at 2,000 procedures with an award; issue 14, round 40)
            changed += sync_rows(db, "events", "procurement_id = ? and +source_type = 'lot'", [procurement_id],
                                 closed_lots)
    return changed


#: The current awards whose sentence may lack the value :func:`timeline.award_value` gives: one given including VAT
#: (``value_has_tax`` 1, which ``schema.migrate_winner_vat_basis`` fills on opening an older archive, its events left
#: as they were) whose sentence does not say so, and one without a euro value whose printed text the sentence does not
#: hold (a value in another currency, a range, a rate; confirmed in Python). A placeholder of no range whose text has no
#: word but its currency ("1,00", "€ 0", "EUR 1") is no rate and never said: left out here, as reading each one's text
#: again cost about a second per 5,000 of them. So too one whose sentence gives its printed text after "voor" (a range
#: "voor tussen € 1 en € 2 miljoen", a rate "voor € 85 per uur": :func:`timeline.value_words` now words them "voor een
#: bedrag tussen …", "tegen …"), and a euro value whose text may bound it ("maximaal € 2 miljoen", "ten hoogste",
#: "tot", "circa": the sentence read "voor € 2.000.000,00"); confirmed in Python. And one with winners no source names
#: (``unnamed_winners``) whose sentence does not say "niet genoemd" (reference §2.5 "No name"). Few rows: the ``events`` index on
#: (source_type, source_id), one scan of ``awards``.
STALE_WORDING_SQL = """select a.procurement_id, a.award_id, a.value_cents, a.value_has_tax, a.value_raw, a.value_currency,
  a.value_placeholder, a.value_low_cents, a.value_high_cents, a.framework_maximum_cents, a.unnamed_winners, e.sentence
from awards a join events e on e.source_type = 'award' and e.source_id = a.award_id
where a.current = 1 and ((a.unnamed_winners > 0 and instr(e.sentence, 'niet genoemd') = 0)
  or (a.value_has_tax = 1 and a.value_cents is not null and e.sentence not like '% incl. btw%')
  or (a.value_cents is null and a.value_raw > '' and (instr(e.sentence, a.value_raw) = 0
                                                      or instr(e.sentence, 'voor ' || a.value_raw) > 0)
      and not (coalesce(a.value_placeholder, 0) = 1 and a.value_low_cents is null and a.value_high_cents is null
               and replace(replace(upper(a.value_raw), 'EURO', ''), 'EUR', '') not glob '*[A-Z/]*'))
  or (a.value_cents is not null and (a.value_raw like '%max%' or a.value_raw like '%hoogst%' or a.value_raw like '%min%'
      or a.value_raw like '%tot%' or a.value_raw like '%ca%' or a.value_raw like '%ongeveer%')))"""


def stale_award_wording(db) -> list[str]:
    """The procurements with a current award whose timeline sentence lacks the value the timeline gives it now
    (:func:`tenderarchive.timeline.award_value`) in the words it gives it now (:func:`tenderarchive.timeline.value_words`;
    a modification's ", waarde …"): events an older timeline derived ("voor € 121.000,00" of a value given including
    VAT or published "maximaal € …", no value at all of one in another currency, a range or a rate, "voor tussen …",
    "voor € 85 per uur"). The derivation re-derives
    only the procurements a crawl touched, so without this an archive kept the old wording until a reparse; with it the
    next derivation rewords them (only what changed is written), and then finds none."""
    from tenderarchive.timeline import award_value, value_words

    if not db["events"].exists():
        return []
    return sorted({row["procurement_id"] for row in db.query(STALE_WORDING_SQL)
                   if row["unnamed_winners"] and "niet genoemd" not in row["sentence"]
                   or (value := award_value(dict(row))) and value_words(dict(row)) not in row["sentence"]
                   and f", waarde {value}" not in row["sentence"]})


def reword_stale_awards(db) -> int:
    """Bring the award sentences an older timeline worded (:func:`stale_award_wording`) to the current wording: run
    once per archive by ``schema.migrate_award_wording`` on opening an archive last migrated by another schema
    (:data:`STALE_WORDING_SQL` is part of ``schema.schema_fingerprint``), not at every derivation, where scanning every
    current award made each crawl's fixed cost grow with the archive (issue 14: 0.076 s per 20,000 awards). The number
    of rows changed."""
    if not db["awards"].exists():
        return 0
    return refresh_award_currency(db, None, procurements=stale_award_wording(db))


def refresh_unnamed_winners(db, procurement_id: str) -> int:
    """Set ``awards.unnamed_winners`` and ``unnamed_value_*`` of the procurement's OCDS awards: the award ids of a lot's
    award (``ocds_award_values``: each id its package gives a value and no supplier) whose winner no file's party of
    the ocid names (``ocds_parties.award_ids``). One file awarding lot 1 to Stichting Een (a1, € 1.000.000) and,
    under a3, € 200.000 to no supplier: a3's value was in ``ocds_award_values`` alone, left out of the totals and of
    the award's winners. Reference §2.5 "No name": a winner is not named (none is invented), its value is awarded all
    the same. Decided from the archived rows after the crawl, so the files' order never shows: an id another file's
    party names is that winner's (store.writes gives it its value). So is an award in force of a lot naming no
    winner at all (one award id, a3 at € 200.000, no supplier, no file's party naming a3): its one winner is not
    named and its value is the award's (``value_*``, counted once in the totals; not repeated in ``unnamed_value_*``,
    where it read as a second amount), as the /html's lot whose only winner block has no name (awards.html._award_rows);
    it said nothing of its winner. ``unnamed_value_*`` are the parts of an award without a value of its own
    (``value_cents`` NULL): never both on one row. The number of rows changed."""
    import json

    awards = db.execute(
        "select award_id, ocds_award_values, ocds_award_ids, coalesce(winner_count, 0), value_cents, value_raw, "
        "value_currency, value_placeholder, unnamed_winners, unnamed_value_cents, unnamed_value_raw, "
        "unnamed_value_currency, unnamed_value_placeholder "
        "from awards where procurement_id = ? and source = 'tenderned_ocds' and (ocds_award_values is not null "
        "or unnamed_winners is not null or (coalesce(winner_count, 0) = 0 "
        "and not exists (select 1 from award_suppliers s where s.award_id = awards.award_id)))",
        [procurement_id]).fetchall()
    if not awards:
        return 0  # (most procurements: no party is read)
    kenmerk = procurement_id[2:] if procurement_id.startswith("TN") else None
    ocid = procurement_id[5:] if procurement_id.startswith("OCDS:") else None
    named: set[str] = set()
    for (award_ids,) in db.execute(
            "select award_ids from ocds_parties where name is not null and (ocid = ? or ocid like ? escape '\\')",
            [ocid, f"%-{kenmerk}" if kenmerk and kenmerk.isdigit() else None]):
        try:
            named.update(str(i) for i in json.loads(award_ids or "[]"))
        except (TypeError, ValueError):
            continue
    changed = 0
    for award_id, values, ids, count, *own, winners, cents, raw, currency, placeholder in awards:
        old = [winners, cents, raw, currency, placeholder]
        try:
            values = json.loads(values or "null")
        except (TypeError, ValueError):
            values = None
        unnamed = [v for i, v in (values.items() if isinstance(values, dict) else ()) if str(i) not in named
                   and isinstance(v, dict) and v.get("raw") is not None]
        if not isinstance(values, dict) and not count and not _winners_of(db, award_id):
            # the award's one winner, not named: its value is the award's own (no winner's row), counted once
            try:
                ids = [str(i) for i in json.loads(ids or "null") or []]
            except (TypeError, ValueError):
                ids = []
            if not named.intersection(ids or [award_id.split("/ocds/", 1)[-1].split("/", 1)[0]]):
                new = [1, None, None, None, None]
                if new != old:
                    db.execute("update awards set unnamed_winners = ?, unnamed_value_cents = ?, unnamed_value_raw = ?, "
                               "unnamed_value_currency = ?, unnamed_value_placeholder = ? where award_id = ?",
                               [*new, award_id])
                    changed += 1
                continue
        currencies = {v.get("currency") for v in unnamed}
        euro = len(currencies) == 1 and all(v.get("cents") is not None for v in unnamed)
        new = [len(unnamed) or None,
               sum(v["cents"] for v in unnamed) if unnamed and euro else None,
               "; ".join(str(v["raw"]) for v in unnamed) or None,
               next(iter(currencies)) if unnamed and len(currencies) == 1 else None,
               max(int(v.get("placeholder") or 0) for v in unnamed) if unnamed else None]
        if own[0] is not None:
            new[1:] = [None, None, None, None]  # the award's own value holds theirs: not a second amount
        if new != list(old):
            db.execute("update awards set unnamed_winners = ?, unnamed_value_cents = ?, unnamed_value_raw = ?, "
                       "unnamed_value_currency = ?, unnamed_value_placeholder = ? where award_id = ?", [*new, award_id])
            changed += 1
    return changed


def _winners_of(db, award_id: str) -> int:
    """How many winners' rows (``award_suppliers``) the award has."""
    return db.execute("select count(*) from award_suppliers where award_id = ?", [award_id]).fetchone()[0]
