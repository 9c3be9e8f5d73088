"""Reads of the archive for components that must not write: the crawl-state extension
(what the archive already has, where the last complete crawl ended) and the derivation.

Every function opens the file through the one read-only opener (``tenderarchive/readonly.py``)
and returns plain values, so a spider receives its incremental state without ever touching SQLite.
"""

from __future__ import annotations

import contextlib
import json
import re
import sys
from datetime import date
from pathlib import Path

import sqlite_utils

from tenderarchive import readonly
from tenderarchive.store.schema import PAGED_FETCHES_WHERE, SITEMAP_FETCHES_WHERE
from tenderarchive.values import local_date, readable_timestamp


def read_only(path: str | Path) -> sqlite_utils.Database | None:
    """The archive opened read-only (None when there is none yet)."""
    path = Path(path)
    if not path.is_file():
        return None
    return readonly.database(path)


def _table_rows(path, table: str, sql: str, params=()) -> list[dict]:
    db = read_only(path)
    if db is None:
        return []
    try:
        return list(db.query(sql, params)) if db[table].exists() else []
    finally:
        db.close()


def known_notices(path: str | Path) -> dict[str, dict]:
    """``{publication_id: {kenmerk, deadline, consultation_deadline, omitted_columns, documents_unread, notice_type,
    form_type, publication_status, open_until, is_cancelled, listed_as, published, deadline_placeholder, is_completed,
    end_date}}`` of the archived notices (the
    types: a detail that now gives another has its /html read again; the list's status, and its flag of a procedure
    ended early: a listed notice whose status changed, or now listed as ended early, is fetched again; its day: a
    listed notice whose ``publicatieDatum`` was corrected is fetched again)."""
    columns, where = "publication_id, kenmerk, deadline, consultation_deadline", ""
    db = read_only(path)
    if db is not None:
        try:
            existing = db["notices"].columns_dict if db["notices"].exists() else {}
            for optional in ("omitted_columns", "documents_unread", "notice_type", "form_type", "publication_status",
                             "open_until", "is_cancelled", "listed_as", "published",
                             # an open-ended notice (a placeholder closing date) is open until its contract ends
                             "deadline_placeholder", "is_completed", "end_date"):
                if optional in existing:
                    columns += f", {optional}"
            if "form_type" in existing:
                # a publication known only from an OCDS package (the award backfill) is not archived from
                # the API: its detail, /html and procedure are still to be fetched when the API lists it or
                # /gerelateerd leads to it (the API's /html then wins over the package, reference §8.8)
                where = " where coalesce(form_type, '') != 'ocds'"
        finally:
            db.close()
    notices = {}
    for row in _table_rows(path, "notices", f"select {columns} from notices{where}"):
        # a few codes and days, shared: a million notices held each as its own text
        for column in ("notice_type", "form_type", "publication_status", "published"):
            if isinstance(row.get(column), str):
                row[column] = sys.intern(row[column])
        notices[str(row["publication_id"])] = row
    return notices


def crawl_now_sql(crawl: str) -> str:
    """The moment the crawl row ``crawl`` (an SQL alias of ``crawls``) ran as (SQL): its recorded ``arguments.now``,
    null for a crawl that recorded none or whose arguments are not JSON. The one rule of :data:`FETCH_READ_AT_SQL`,
    :data:`SITEMAPS_READ_SQL` and ``metadata.first_read_sql``."""
    return f"case when json_valid({crawl}.arguments) then json_extract({crawl}.arguments, '$.now') end"


#: When the crawl of fetch ``f`` read its answer as of (SQL): the moment a crawl run under ``TENDERARCHIVE_NOW``, and
#: its replay, recorded (``crawls.arguments.now``: ``BaseSpider.crawl_arguments``), which the archive's rows carry,
#: else the fetch's own time (the machine's). Compared with a sitemap's ``lastmod``, the machine's time of a crawl as of
#: years before took every change since that moment for one read (a page changed after it never asked again).
FETCH_READ_AT_SQL = (f"coalesce((select {crawl_now_sql('r')} from crawls r where r.crawl_id = f.crawl_id),"
                     " f.fetched_at)")


def known_article_urls(path: str | Path) -> dict[str, str]:
    """``{url: fetched_at}`` of the archived articles, under their archived (canonical) URL and
    the URL they were fetched from: a page whose canonical URL differs is known by both. The time is
    its last successful fetch (``fetches``; a ``304 Not Modified`` answer to a revisit's conditional request
    too; not one of a killed crawl, whose item may never have been written, nor one its crawl recorded an error
    for: :func:`_refused_fetches`), as of the moment its crawl read it (:data:`FETCH_READ_AT_SQL`: a crawl under
    ``TENDERARCHIVE_NOW`` read it as of that moment, not the machine's time), not the one that archived its present
    content: a page
    fetched again because its sitemap ``lastmod`` moved, and found unchanged, is not fetched again
    by every later crawl for the same ``lastmod``.

    Also known: every other URL whose answer was byte for byte an archived article's (``fetches`` by
    ``sha256``), such as a second address of the page whose canonical link names the archived one
    (``/nieuws/123`` beside ``/nieuws/gunning-jeugdhulp``). An unchanged page does not update the
    article's ``source_url``, so that address was fetched again by every crawl.

    And every address whose last answer redirected to one of those (:func:`redirects_to_known`)."""
    known: dict[str, str] = {}
    db = read_only(path)
    fetches = db is not None and db["fetches"].exists()
    locations = fetches and "location" in db["fetches"].columns_dict  # an archive not migrated yet has none
    crawls = db is not None and db["crawls"].exists()
    if db is not None:
        db.close()
    # A fetch of a crawl that did not finish (killed: still ``running`` until the next crawl marks it) may never have
    # reached the archive: a changed page it fetched, its item unwritten, was taken as fetched since its lastmod
    # and never asked again.
    finished = " and f.crawl_id not in (select crawl_id from crawls where status = 'running' or finish_reason = " \
               "'killed')" if crawls else ""
    # Nor an answer its crawl refused as the page (an error naming the address: a maintenance page, a cookie wall
    # answered with 200): a page whose lastmod moved and that answered so was taken as fetched since, never asked again.
    refused = _refused_fetches(path) if fetches and crawls else set()
    read_at = FETCH_READ_AT_SQL if crawls else "f.fetched_at"  # as of the moment its crawl ran as
    sql = (f"select a.url, a.source_url, a.fetched_at, {read_at} as last_fetch, f.crawl_id as fetch_crawl"
           " from articles a"
           " left join fetches f on f.url = a.source_url and (f.status between 200 and 299 or f.status = 304)"
           f"{finished}") if fetches else "select url, source_url, fetched_at, null as last_fetch from articles"
    for r in _table_rows(path, "articles", sql):
        last = r["last_fetch"] if r["last_fetch"] and (r.get("fetch_crawl"), r["source_url"]) not in refused else ""
        for url in {r["url"], r["source_url"]} - {None, ""}:
            known[url] = max(known.get(url, ""), r["fetched_at"] or "", last)
    if fetches:
        sql = (f"select f.url, max({read_at}) as fetched_at from fetches f where f.status between 200 and 299"
               " and f.sha256 in (select sha256 from articles where sha256 is not null) group by f.url")
        for r in _table_rows(path, "articles", sql):
            known[r["url"]] = max(known.get(r["url"], ""), r["fetched_at"] or "")
        if locations:
            known.update(redirects_to_known(path, known))
    return known


def _refused_fetches(path) -> set[tuple[int, str]]:
    """``(crawl_id, url)`` of every address a news crawl recorded an error for: its answer, if any, was not archived."""
    db = read_only(path)
    if db is None:
        return set()
    try:
        refused = set()
        for crawl in db.query("select crawl_id, errors from crawls where spider = 'news' and errors like '%\"url\"%'"):
            for error in _crawl_errors(db, "select ? as errors", [crawl["errors"]]):
                if isinstance(error.get("url"), str):
                    refused.add((crawl["crawl_id"], error["url"]))
        return refused
    finally:
        db.close()


def sitemaps_read(path: str | Path, spider: str = "news") -> list[dict]:
    """``url``, ``fetched_at`` (its last fetch there) and ``from_date`` of each sitemap (what the crawl asked as one,
    ``fetches.kind``, whatever its address; a fetch recorded before that column, an address with ``sitemap`` or
    ``.xml`` in it: ``schema.SITEMAP_FETCHES_WHERE``) that a complete crawl of the spider fetched with a ``2xx`` and read whole: no sample, and an
    ``until_date`` not before the day the crawl ran as (its ``today``, :func:`ran_on`; none given), so no page it
    names was left for being too new. A crawl that reads a sitemap index asks again only the sitemaps changed since (``NewsSpider.sitemap_read_since``). A
    complete crawl recorded no error, so every page those sitemaps named was archived, or is asked again
    (:func:`failed_news_pages`). Each with the ``sources`` (registry) of the crawls that read it: a sitemap read whole
    for another registry's rules (an entry tried in a file of its own, rules narrower than the shipped entry's) was
    read for that registry's pages, not for this one's (``NewsSpider.use_archive_state``); and the ``sites`` (a JSON
    list of names) the crawl read: two entries on one host read its sitemaps each for its own rules, a ``--site`` crawl
    of one for that one's pages alone."""
    if not _has_table(path, "fetches"):
        return []
    db = read_only(path)
    try:
        kinds = "kind" in db["fetches"].columns_dict
    finally:
        db.close()
    # an archive not migrated yet has no ``kind``: its sitemaps are known by their address, as they were
    return _table_rows(path, "crawls", SITEMAPS_READ_SQL if kinds else SITEMAPS_READ_SQL.replace(
        SITEMAP_FETCHES_WHERE, "url like '%sitemap%' or url like '%.xml%'"), [spider])


#: What :func:`sitemaps_read` and :func:`paged_addresses_read` give of the crawl that read an address: its registry
#: (``sources``) and sites, the scope it read the address for (``NewsSpider.use_archive_state``).
_READ_SCOPE_COLUMNS = ("json_extract(c.arguments, '$.sources') as sources,"
                       " json_extract(c.arguments, '$.sites') as sites")
#: The Europe/Amsterdam day of ``c.started`` (the machine's time, any UTC offset) in SQL, as :func:`started_day`
#: reads it: an instant with an offset (``Z``, ``+00:00``) is UTC+2 from 01:00 UTC on March's last Sunday to 01:00 UTC
#: on October's last Sunday (EU summer time), UTC+1 else; a time without one is Amsterdam's already.
_STARTED_DAY_SQL = (
    "case when c.started glob '*[+-][0-9][0-9]:[0-9][0-9]' or c.started glob '*[Zz]'"
    " then date(c.started, case when datetime(c.started) >= datetime(strftime('%Y', c.started) || '-03-31',"
    " '-6 days', 'weekday 0', '+1 hour') and datetime(c.started) < datetime(strftime('%Y', c.started) || '-10-31',"
    " '-6 days', 'weekday 0', '+1 hour') then '+2 hours' else '+1 hour' end) else date(c.started) end")
#: ... and the crawls both count as having read an address whole: no sample, no ``until_date`` before the day the crawl
#: ran as (no page it named was left for being too new): its own ``today`` (the product's clock, ``TENDERARCHIVE_NOW``
#: when set), else, an older archive's crawl, the Amsterdam day of its ``started``, as :func:`ran_on` reads it. It was
#: ``substr(c.started, 1, 10)``, the machine's UTC day: a crawl as of another day (``TENDERARCHIVE_NOW``, a reparse)
#: or started just after midnight in Amsterdam, with ``--until-date`` its own today, was taken for one that left pages
#: out (its sitemaps read again, its paged walk begun again), or the reverse.
_READ_WHOLE_WHERE = ("and json_extract(c.arguments, '$.sample') is null"
                     " and coalesce(json_extract(c.arguments, '$.until_date'), '9999')"
                     f" >= coalesce(json_extract(c.arguments, '$.today'), {_STARTED_DAY_SQL})")


#: :func:`sitemaps_read`'s query: a search of the partial index ``fetches_sitemaps`` (whose condition it repeats word for
#: word) by crawl, not of every fetch of every complete news crawl with ``LIKE`` (issue 14).
SITEMAPS_READ_SQL = (
    f"select f.url, max(coalesce({crawl_now_sql('c')}, f.fetched_at)) as fetched_at,"
    " json_extract(c.arguments, '$.from_date') as from_date,"
    f" {_READ_SCOPE_COLUMNS}"
    " from fetches f join crawls c on c.crawl_id = f.crawl_id"
    " where c.spider = ? and c.status = 'complete' and f.status between 200 and 299"
    f" and ({SITEMAP_FETCHES_WHERE}) and json_valid(c.arguments)"
    f" {_READ_WHOLE_WHERE}"
    " group by f.url, json_extract(c.arguments, '$.from_date'), json_extract(c.arguments, '$.sources'),"
    " json_extract(c.arguments, '$.sites')")


def paged_addresses_read(path: str | Path, spider: str = "news") -> list[dict]:
    """``url`` (an address with a ``page=`` or ``paged=`` parameter: a page of an OpenPub items endpoint or of a
    WordPress feed, among others), ``from_date``,
    ``sources`` and ``sites`` (as :func:`sitemaps_read` gives them) of each page a crawl of the spider fetched with a
    ``2xx`` and ended normally (``finish_reason`` ``finished``, complete or partial: the items of a page it fetched
    were handed to the archive), with no sample and no ``until_date`` before the day it ran as (:func:`ran_on`). The OpenPub walk resumes past
    the deepest page an earlier crawl read (``NewsSpider.openpub_resume``): its bound (``NEWS_OPENPUB_MAX_PAGES``)
    left the older items for the next crawl, which started at page 1 again and never reached them.

    An indexed lookup (issue 14): the fetch index's paged addresses have an index of their own
    (``schema.PARTIAL_INDEXES`` ``fetches_paged``, whose condition this query repeats word for word), searched by each
    crawl of the spider; the query read every fetch of every news crawl, a ``LIKE`` on each, once per news crawl."""
    return _table_rows(path, "crawls", PAGED_READ_SQL, [spider]) if _has_table(path, "fetches") else []


#: :func:`paged_addresses_read`'s query: the condition of the partial index ``fetches_paged`` (``url`` alone is the
#: fetch's: ``crawls`` has none) makes it a search of that index by crawl, not a scan of the fetch index.
PAGED_READ_SQL = (
    "select distinct f.url, json_extract(c.arguments, '$.from_date') as from_date,"
    f" {_READ_SCOPE_COLUMNS}"
    " from fetches f join crawls c on c.crawl_id = f.crawl_id"
    " where c.spider = ? and c.finish_reason = 'finished' and c.status in ('complete', 'partial')"
    f" and f.status between 200 and 299 and ({PAGED_FETCHES_WHERE}) and json_valid(c.arguments)"
    f" {_READ_WHOLE_WHERE}")


def _has_table(path, table: str) -> bool:
    db = read_only(path)
    try:
        return db is not None and db[table].exists()
    finally:
        if db is not None:
            db.close()


def known_article_contents(path: str | Path) -> list[dict]:
    """``site``, ``url``, ``title``, ``published`` and ``content_sha256`` (the hash of its text) of every
    archived news page that is not a living page: a page of a site that a new address answers with the
    same title and text (a site that moved to another CMS, its items under new addresses and markup) is
    that page (``NewsSpider.archived_copy_of``)."""
    db = read_only(path)
    columns = db["articles"].columns_dict if db is not None and db["articles"].exists() else {}
    if db is not None:
        db.close()
    if "content_sha256" not in columns:
        return []
    return _table_rows(path, "articles", "select site, url, source_url, title, published, content_sha256 from articles"
                       " where content_sha256 is not null and not coalesce(is_living_page, 0)")


def moved_article_urls(path: str | Path) -> dict[str, dict]:
    """``{address: url}`` of the archived news pages (not living pages) fetched last at another address than
    the URL they are archived under, where no archived page has that address as its URL: a page moved to a
    new address (``NewsSpider.archived_copy_of``) or one archived under its canonical URL. A later version
    of the page read at that address is that page's (``NewsSpider.archived_url_of``), under its archived URL:
    it was archived as a second page under the new address. Each with the page's ``title`` and ``published``."""
    db = read_only(path)
    exists = db is not None and db["articles"].exists()
    if db is not None:
        db.close()
    if not exists:
        return {}
    rows = _table_rows(path, "articles", "select a.url, a.source_url, a.title, a.published from articles a"
                       " where a.source_url is not null"
                       " and a.source_url != a.url and not coalesce(a.is_living_page, 0)"
                       " and not exists (select 1 from articles b where b.url = a.source_url) order by a.url")
    moved: dict[str, dict] = {}
    for r in rows:
        moved.setdefault(r["source_url"], {"url": r["url"], "title": r["title"], "published": r["published"]})
    return moved


#: Redirects followed from one address to the page it leads to (Scrapy's ``REDIRECT_MAX_TIMES``).
REDIRECT_HOPS = 20

#: Each address that ever redirected (a 3xx or a page's refresh), with its last answer (the location
#: index finds the few); a 300 or 304 an archive kept a ``Location`` of before sends nowhere
#: (``middlewares.REDIRECT_STATUSES``).
LAST_REDIRECTS = (
    "select f.url, case when f.status between 300 and 399 and f.status not in ({}) then null else f.location end"
    " as location from (select distinct url from fetches where location is not null) m"
    " join fetches f on f.rowid = (select g.rowid from fetches g where g.url = m.url"
    " order by g.fetched_at desc, g.rowid desc limit 1)")


def redirects_to_known(path: str | Path, known: dict[str, str]) -> dict[str, str]:
    """``{url: fetched_at}`` of the addresses whose last answer was a redirect or a page's refresh
    (``fetches.location``) that leads, in at most :data:`REDIRECT_HOPS` redirects, to a page of
    ``known``, with that page's time: a listing's old link to a moved item, whose page the news spider
    does not ask again, was itself asked again by every crawl. Addresses compare as one page
    (:func:`~tenderarchive.urls.page_key`: ``www.``, a trailing slash, tracking parameters)."""
    from tenderarchive.urls import page_key

    from tenderarchive.middlewares import REDIRECT_STATUSES

    rows = _table_rows(path, "fetches", LAST_REDIRECTS.format(", ".join(map(str, sorted(REDIRECT_STATUSES)))))
    leads = {page_key(r["url"]): page_key(r["location"]) for r in rows if r["location"]}
    times: dict[str, str] = {}
    for url, fetched_at in known.items():
        times[page_key(url)] = max(times.get(page_key(url), ""), fetched_at)
    found = {}
    for url in {r["url"] for r in rows}:
        key, hops = page_key(url), 0
        while key in leads and key not in times and hops < REDIRECT_HOPS:
            key, hops = leads[key], hops + 1
        if hops and key in times:
            found[url] = times[key]
    return found


def _other_host(url: str, target: str) -> bool:
    """Whether ``target`` is on another host than ``url`` (``www.`` or not alike); a malformed one is not."""
    from urllib.parse import urlsplit

    try:
        hosts = [(urlsplit(u).hostname or "").lower().removeprefix("www.") for u in (url, target)]
    except ValueError:
        return False
    return all(hosts) and hosts[0] != hosts[1]


def redirected_elsewhere(path: str | Path, known: dict[str, str]) -> dict[str, tuple[str, str]]:
    """``{url: (where it leads, fetched_at)}`` of the addresses whose last answer was a redirect (or a page's
    refresh) that leads, in at most :data:`REDIRECT_HOPS` redirects, to an address that answered (2xx, in a crawl
    that finished and recorded no error for it nor for the address) and is no page of ``known``: a listed item
    that moved to another host, or a withdrawn one sent to the home page. The news spider did not archive where it
    led (outside the site's rules, its home page or news overview) and asked the address and its target again at
    every crawl; it leaves one alone while its registry entry still does not admit where it leads
    (``NewsSpider.admit``). ``fetched_at``: when the address last answered so, as of the moment its crawl read it
    (:data:`FETCH_READ_AT_SQL`): the machine's time of a crawl run as of years before (``TENDERARCHIVE_NOW``) took
    every sitemap ``lastmod`` since that moment for older than the answer, the address never asked again."""
    from tenderarchive.middlewares import REDIRECT_STATUSES
    from tenderarchive.urls import page_key

    db = read_only(path)
    if db is None:
        return {}
    try:
        if not db["fetches"].exists() or "location" not in db["fetches"].columns_dict:
            return {}
        crawls = db["crawls"].exists()
        unfinished = {r["crawl_id"] for r in db.query("select crawl_id from crawls where status = 'running' or "
                                                       "finish_reason = 'killed'")} if crawls else set()
        statuses = ", ".join(map(str, sorted(REDIRECT_STATUSES)))
        read_at = FETCH_READ_AT_SQL if crawls else "f.fetched_at"  # as of the moment its crawl ran as
        rows = list(db.query(
            f"select f.url, f.location, {read_at} as fetched_at, f.crawl_id from (select distinct url from fetches"
            " where location is not null) m join fetches f on f.rowid = (select g.rowid from fetches g"
            " where g.url = m.url order by g.fetched_at desc, g.rowid desc limit 1)"
            f" where f.location is not null and (f.status not between 300 and 399 or f.status in ({statuses}))"))
        leads = {page_key(r["url"]): r["location"] for r in rows}
        known_keys = {page_key(url) for url in known}
        refused = _refused_fetches(path) if crawls else set()
        found = {}
        for row in rows:
            if row["crawl_id"] in unfinished or (row["crawl_id"], row["url"]) in refused:
                continue
            key, target, hops = page_key(row["url"]), None, 0
            while key in leads and hops < REDIRECT_HOPS:
                target, hops = leads[key], hops + 1
                key = page_key(target)
            if target is None or key in leads or key in known_keys:  # a loop, or a page archived (redirects_to_known)
                continue
            last = next(db.query("select status, crawl_id from fetches where url = ? order by fetched_at desc, "
                                 "rowid desc limit 1", [target]), None)
            if last is None and _other_host(row["url"], target):
                # a redirect off the site's hosts the crawl did not follow (NewsSpider.redirect_allowed): its target
                # was never asked, and the address leads off the site as surely as one followed there
                found[row["url"]] = (target, row["fetched_at"])
                continue
            if last is None or not 200 <= (last["status"] or 0) <= 299 or last["crawl_id"] in unfinished \
                    or (last["crawl_id"], target) in refused:
                continue
            found[row["url"]] = (target, row["fetched_at"])
        return found
    finally:
        db.close()


def last_complete_crawl(path: str | Path, spider: str, profile: str | None = None) -> dict | None:
    """The complete crawl an incremental run continues from: of the complete crawls of the whole
    source with the last one's scope (profile, source registry), the one whose window ends latest
    among those that join on to the windows completed before them. A sample crawl (``sample=N``)
    archived N records of its window, not the window, so an incremental run does not continue from it;
    nor from a complete crawl with an explicit window that begins after everything completed before
    it ended (``--from-date`` a year after the last crawl): the days between were never listed.

    ``profile``: of that profile's crawls only (the TenderNed spider's run continues its own profile's chain). The
    last crawl of another profile (one old day crawled with ``--profile all``) was taken, and the run, finding no
    crawl of its profile to continue from, listed only its default window: the days since its own last crawl and
    before that window were never listed."""
    from tenderarchive.monitor import FULL_CRAWL_SQL

    rows = _table_rows(path, "crawls", "select * from crawls where spider = ? and status = 'complete' "
                                       f"and {FULL_CRAWL_SQL} order by crawl_id", [spider])
    if profile is not None:
        rows = [row for row in rows if (crawl_arguments(row) or {}).get("profile") == profile]
    if not rows:
        return None
    scope = _scope(crawl_arguments(rows[-1]) or {})
    chosen, reached = None, None
    for row in rows:
        arguments = crawl_arguments(row)
        window = _window(arguments, row.get("started")) if arguments is not None else None
        if arguments is None or _scope(arguments) != scope or window is None:
            continue
        if reached is None or (window[0] <= reached and window[1] >= reached):
            chosen, reached = row, window[1]
    return chosen or rows[-1]


def complete_crawls(path: str | Path, spider: str) -> list[dict]:
    """The arguments of the spider's complete full crawls (no ``sample``, no ``site``), oldest first: which
    windows each profile's queries (``arguments.queries``) have listed."""
    from tenderarchive.monitor import FULL_CRAWL_SQL

    rows = _table_rows(path, "crawls", "select arguments from crawls where spider = ? and status = 'complete' "
                                       f"and {FULL_CRAWL_SQL} order by crawl_id", [spider])
    return [arguments for row in rows if (arguments := crawl_arguments(row)) is not None]


def started_day(started) -> date | None:
    """The Europe/Amsterdam day of a ``crawls.started`` timestamp (None when it is unreadable)."""
    day = local_date(readable_timestamp(str(started))) if started else None
    return date.fromisoformat(day) if day else None


def ran_on(arguments: dict | None, started) -> date | None:
    """The day a crawl ran as: its own ``today`` (``crawls.arguments``: the day it started on by the product's clock,
    ``TENDERARCHIVE_NOW`` when it was set, ``BaseSpider.crawl_arguments``), else, for a crawl recorded before it kept
    one (an older archive's), the Amsterdam day of its ``crawls.started`` (:func:`started_day`); None when neither
    reads. ``started`` is the machine's time: a crawl run as of another day (``TENDERARCHIVE_NOW``) was judged by the
    machine's, the next incremental window begun on the wrong day."""
    try:
        return date.fromisoformat(str((arguments or {})["today"]))
    except (KeyError, TypeError, ValueError):
        return started_day(started)


#: Arguments that narrow a crawl to part of its scope: a complete full crawl covers such a crawl. A profile's
#: ``queries`` (recorded to know which of them listed which years: :func:`complete_crawls`) are no scope either: a
#: profile edited is the same profile, its crawls one chain, and a term dropped settles nothing for ever.
_NARROWING = ("from_date", "until_date", "sample", "site", "queries")
#: Arguments that say how a crawl ran, not what it crawled: ``resumes``, the crawls a run resumed with ``--jobdir``
#: (tenderarchive/extensions.py ``resumed_crawls``, written when it closes). No scope either: a resumed crawl that
#: ended partial was covered by no later crawl (none resumed the same crawls), its window listed again by every later
#: run, for ever; and a resumed crawl that completed broke the chain of complete crawls an incremental run continues.
#: ``today``, the day a crawl ran as (:func:`ran_on`), and ``now``, the moment a crawl under ``TENDERARCHIVE_NOW`` read
#: its pages as of (``BaseSpider.crawl_arguments``), are no scope either: every crawl's is another.
_HOW_IT_RAN = ("resumes", "today", "now")


def _json_column(row: dict, column: str, kind: type):
    """A ``crawls`` row's JSON column (``arguments``, ``errors``), or None when it is not a ``kind``."""
    try:
        value = json.loads(row.get(column) or json.dumps(kind()))
    except ValueError:
        return None
    return value if isinstance(value, kind) else None


def crawl_arguments(row: dict) -> dict | None:
    """A ``crawls`` row's ``arguments`` (None where unreadable or no object)."""
    return _json_column(row, "arguments", dict)


def _scope(arguments: dict) -> dict:
    """What a crawl's arguments say it crawled besides its window: the profile, the source registry."""
    return {key: value for key, value in arguments.items() if key not in _NARROWING and key not in _HOW_IT_RAN}


def _window(arguments: dict, started) -> tuple[date, date] | None:
    """The days a crawl listed: its ``from_date`` to its ``until_date``, but no later than the day it
    ran as (:func:`ran_on`: nothing published after it ran was listed); None when they are unreadable."""
    try:
        start = date.fromisoformat(str(arguments["from_date"]))
        until = date.fromisoformat(str(arguments["until_date"]))
    except (KeyError, ValueError):
        return None
    ran = ran_on(arguments, started)
    return start, min(until, ran) if ran else until


def _covers(later: tuple[dict, tuple | None], earlier: tuple[dict, tuple | None]) -> bool:
    """A complete crawl (``later``: its arguments and :func:`_window`) listed everything the earlier
    crawl set out to: the same scope (a list, such as the news sites, holding the earlier one's) and a
    window that holds the earlier one's (an earlier crawl without a readable window: the scope alone)."""
    (arguments, window), (earlier_arguments, earlier_window) = later, earlier
    for key, value in _scope(earlier_arguments).items():
        other = arguments.get(key)
        if other != value and not (isinstance(other, list) and isinstance(value, list)
                                   and {str(v) for v in value} <= {str(v) for v in other}):
            return False
    if earlier_window is None:
        return True
    return window is not None and window[0] <= earlier_window[0] and window[1] >= earlier_window[1]


def _unsettled(rows: list[dict], full) -> list[dict]:
    """Of the crawls ``rows`` (in ``crawl_id`` order, with ``arguments``, ``status`` and ``started``), those
    no later complete full crawl (``full(row)``) covers (:func:`_covers`): a complete crawl settles only the
    crawls whose window, profile and source registry it listed too; one with a narrow ``--from-date`` or
    another ``--sources`` file leaves an earlier partial crawl's window (and its failures) to be listed again."""
    frontier: list[tuple[dict, tuple | None]] = []  # the later complete crawls, none covering another
    out = []
    for row in reversed(rows):
        arguments = crawl_arguments(row) or {}
        this = (arguments, _window(arguments, row.get("started")))
        if any(_covers(later, this) for later in frontier):
            continue
        if row.get("status") == "complete" and full(row):
            frontier = [later for later in frontier if not _covers(this, later)] + [this]
        else:
            out.append(row)
    return out[::-1]


def _full(row: dict) -> bool:
    arguments = crawl_arguments(row) or {}
    return arguments.get("sample") is None and arguments.get("site") is None


def unfinished_crawls(path: str | Path, spider: str) -> list[dict]:
    """The arguments of the spider's crawls that no later complete crawl covers (:func:`_unsettled`;
    sample crawls left out, as in :func:`last_complete_crawl`): partial, failed or killed crawls,
    whose windows no crawl has yet listed completely.

    Left out: a crawl whose every recorded error is settled, each one a notice's own detail (or its
    ``/gerelateerd``, which :func:`related_failed` asks again anyway) that the API's notice is now
    archived for (a later crawl fetched it; an open notice that answered 404 is archived and kept).
    Its window has nothing left to list again, and without this one error that never goes away made
    every later run re-list a whole backfill's years until some crawl completed. A killed or failed
    crawl (no errors recorded, or a list page among them) keeps its window, as does one stopped before it ended (its
    ``finish_reason`` not "finished": list pages may be unasked, and the stop is no error)."""
    from tenderarchive.monitor import FULL_CRAWL_SQL

    rows = _unsettled(_table_rows(path, "crawls", (
        f"select arguments, errors, status, started, finish_reason from crawls where spider = ? and {FULL_CRAWL_SQL} "
        "order by crawl_id"), [spider]), _full)
    settled = _settled_notices(path, rows)
    return [arguments for row in rows
            if (arguments := crawl_arguments(row)) is not None and not _all_settled(row, settled)]


#: a notice's detail, /gerelateerd or /documenten (archived with ``documents_unread``: re-checked), /html or /pdf
#: a query is a later page of a /gerelateerd answered in a page envelope (spiders/tenderned.py ``related_rows``)
_NOTICE_ERROR = re.compile(r"/publicaties/(\d+)(/gerelateerd|/documenten|/html|/pdf)?/?(?:\?[^/]*)?$")
#: the requests for a notice's award data: asked again by the re-check of an archived result notice whose /html is
#: unread (:func:`results_missing`), not by listing the window again
_RESULTS_PARTS = ("/html", "/pdf")


def _errors(row: dict) -> list | None:
    return _json_column(row, "errors", list)


def _error_key(error) -> str | None:
    """What a recorded error asked for: a notice's detail, ``/gerelateerd`` or ``/documenten`` (its id; a notice
    archived while its documents list failed is fetched again with it, ``documents_unread``), its ``/html``
    (``<id>/html``) or its PDF (``<id>/results``); None for anything else (a list page)."""
    m = _NOTICE_ERROR.search(str(error.get("url") or "")) if isinstance(error, dict) else None
    if m is None:
        return None
    if m.group(2) == "/html":
        return f"{m.group(1)}/html"
    return f"{m.group(1)}/results" if m.group(2) in _RESULTS_PARTS else m.group(1)


def _settled_notices(path, rows: list[dict]) -> set[str]:
    """Of the errors' keys (:func:`_error_key`) in ``rows``, those settled: a notice's detail or ``/gerelateerd``
    whose notice the API's row is archived for; a notice's ``/pdf`` whose notice is archived and either has its
    /html read or is a result notice, which every run re-checks until it is (its one notice is asked again; the
    window listed again would not ask an archived notice).

    A notice's ``/html`` that failed is settled once the notice is archived, whatever its type: the next run asks it
    again through the notice's own re-check (:func:`html_failed`, at most ``TENDERNED_HTML_ATTEMPTS`` times), and
    listing the window again asks no archived notice's ``/html``. A closed contract notice's (its lots' estimates, no
    result notice) counted as unsettled: every incremental run after it listed again from the start of that crawl's
    window (a backfill's years of list requests) until some crawl completed, for nothing."""
    keys = {key for row in rows for error in (_errors(row) or []) if (key := _error_key(error))}
    if not keys:
        return set()
    db = read_only(path)
    if db is None:
        return set()
    try:
        archived = api_archived(db, {key.split("/")[0] for key in keys})
        results = {key.split("/")[0] for key in keys if key.endswith("/results")} & archived
        rechecked = _results_rechecked(db, results) if results else set()
        return {key for key in keys if key.split("/")[0] in archived and (
            "/" not in key or key.endswith("/html") or key.split("/")[0] in rechecked)}
    finally:
        db.close()


def _results_rechecked(db: sqlite_utils.Database, ids: set[str]) -> set[str]:
    """Of the archived notices ``ids``, those whose award data is read or asked again next run: their /html is
    read (``notice_results``, :data:`HTML_READ`), or they are result notices (:func:`results_missing`)."""
    columns = db["notices"].columns_dict
    if "form_type" not in columns:
        return set()
    read = (f" or publication_id in (select publication_id from notice_results where {HTML_READ})"
            if db["notice_results"].exists() else "")
    listed = sorted(int(i) for i in ids)
    return {str(r[0]) for r in db.execute(
        f"select publication_id from notices where publication_id in ({','.join('?' * len(listed))}) and "
        f"({RESULT_NOTICE}{read})", listed)}


def api_archived(db: sqlite_utils.Database, ids) -> set[str]:
    """Of the publication ids ``ids``, those archived from the API (a row an OCDS package wrote,
    ``form_type`` 'ocds', is not the API's notice), as text."""
    if not ids or not db["notices"].exists():
        return set()
    api = " and coalesce(form_type, '') != 'ocds'" if "form_type" in db["notices"].columns_dict else ""
    listed, found = sorted(int(i) for i in ids), set()
    for start in range(0, len(listed), 500):
        chunk = listed[start:start + 500]
        found |= {str(r[0]) for r in db.execute(
            f"select publication_id from notices where publication_id in ({','.join('?' * len(chunk))}){api}", chunk)}
    return found


def _all_settled(row: dict, settled: set[str]) -> bool:
    errors = _errors(row)
    if row.get("status") != "partial" or not errors:
        return False  # killed or failed, or nothing says what went wrong: its window is listed again
    if (row.get("finish_reason") or "finished") != "finished":
        # stopped before it ended (a signal, a CLOSESPIDER_* bound, the memory limit): list pages may be unasked,
        # and the stop is no error; the errors it settles itself (a /documenten or /gerelateerd of a notice it
        # archived) dropped its window at once, the days it never listed listed by no run
        return False
    return all(_error_key(error) in settled for error in errors)


def known_results(path: str | Path) -> set[str]:
    """publicatieIds whose ``/html`` award data is archived (``notice_results``). A rendering that
    could not be read at all (layout ``unknown``: a broken response) is asked again next time, as is one
    whose awards came from the notice's PDF because the /html failed (layout ``pdf``) or whose row an OCDS
    package wrote (layout ``ocds``)."""
    db = read_only(path)
    if db is None:
        return set()
    try:
        if not (db["notice_results"].exists() and db["notices"].exists()):
            return set()
        return {str(r["publication_id"]) for r in db.query(READ_HERE)}
    finally:
        db.close()


#: The notice_results rows of an /html that was read: not one that could not be (``unknown``), nor one the PDF
#: fallback wrote because the /html failed (``pdf``), nor one an OCDS package wrote (``ocds``).
HTML_READ = "layout not in ('unknown', 'pdf', 'ocds')"
#: The notices that name a contract's winners (their ``/html`` is read for them, their PDF the fallback): by eForms form
#: type (docs/reference/tenderned-api.md §8.4: the result, a contract modification, a completion) or by TenderNed's
#: notice type (§7.1: AGO, a rectification REC, a modification AAW "Aankondiging van een wijziging"). A modification
#: (its winner and the contract's value after the change) was read only when coded AGO: as TenderNed codes it, never.
#: So is a voluntary ex-ante transparency notice (VEAT, ``dir-awa-pre``: the provider the buyer awards directly, §7.1
#: "about 16%" of AGO): left out, its PDF was never asked when its /html failed or named no winner (the spider asks
#: the PDF of these forms only, so a rectification of a contract notice, "competition", asks none).
RESULT_FORMS = ("result", "cont-modif", "completion", "dir-awa-pre")
RESULT_CODES = ("AGO", "REC", "AAW")
#: An archived result notice (:data:`RESULT_FORMS`, :data:`RESULT_CODES`): its /html is asked again until it reads.
RESULT_NOTICE = f"(form_type in {RESULT_FORMS!r} or notice_type in {RESULT_CODES!r})"
#: The notices whose ``/html`` was read (:data:`HTML_READ`) in the procedure they are in now: one read while the
#: notice was in another (TenderNed moved it: reference §3, ``kenmerk`` is per procedure) wrote its lots and awards
#: under that one, and is read again (``store.writes.drop_moved_results`` then clears the former's copies).
READ_HERE = (f"select r.publication_id from notice_results r join notices n on n.publication_id = r.publication_id "
             f"where r.{HTML_READ} and r.procurement_id is n.procurement_id")


def awaiting_results(path: str | Path) -> dict[str, dict]:
    """``{kenmerk: {publication_id, last}}`` of the youth-care procedures with no result notice
    archived: their newest notice, and their latest deadline or publication date. A rectification
    (REC) is a result notice only when its ``formType`` says so: one of a contract notice (a moved
    deadline, formType "competition") is no award (tenderned-api.md §7.1). Not a procedure ended early (a
    notice flagged ``is_cancelled``, or a ``VBE`` notice): no award notice comes, and its ``/gerelateerd`` was
    asked by every crawl for a year."""
    db = read_only(path)
    if db is None:
        return {}
    try:
        if not db["notices"].exists() or not {"form_type", "youth_care"} <= set(db["notices"].columns_dict):
            return {}
        # a procedure ended early (isVroegtijdigBeeindigd, or a VBE notice of it: reference §4, §7.1) gets no award notice
        ended = ("and kenmerk not in (select kenmerk from notices where kenmerk is not null "
                 "and (notice_type = 'VBE' or is_cancelled = 1)) " if "is_cancelled" in db["notices"].columns_dict else "")
        return {str(r["kenmerk"]): {"publication_id": str(r["publication_id"]), "last": r["last"]} for r in db.query(
            "select kenmerk, max(publication_id) as publication_id, "
            "max(coalesce(deadline, consultation_deadline, published)) as last from notices "
            f"where kenmerk is not null and youth_care = 1 {ended}group by kenmerk "
            # an award publication known only from an OCDS package is not the API's award notice (reference §8.8)
            "having sum(coalesce(form_type = 'result', 0) or coalesce(notice_type = 'AGO' and coalesce(form_type, '') != 'ocds', 0) "
            "or (form_type is null and coalesce(notice_type = 'REC', 0))) = 0")}
    finally:
        db.close()


def results_missing(path: str | Path) -> set[str]:
    """Archived result notices (formType result, or AGO/REC) whose ``/html`` has not been read (in the procedure
    they are in now: :data:`READ_HERE`)."""
    db = read_only(path)
    if db is None:
        return set()
    try:
        if not db["notices"].exists() or "form_type" not in db["notices"].columns_dict:
            return set()
        read = READ_HERE if db["notice_results"].exists() else "select null where 0"
        return {str(r["publication_id"]) for r in db.query(
            f"select publication_id from notices where {RESULT_NOTICE} and publication_id not in ({read})")}
    finally:
        db.close()


def related_failed(path: str | Path, spider: str) -> set[str]:
    """The notices whose related notice's detail failed in a crawl of the spider since its last
    complete one ("request failed: … (related to N)", spiders/tenderned.py) and is still not
    archived: their ``/gerelateerd`` is asked again. Not only the last crawl's: a crawl in between
    whose retry failed too (an outage, a kill) recorded no such error, and the related notice
    was never asked for again. A complete crawl asked every one of them and failed on none. And
    the notices whose ``/gerelateerd`` itself failed (or answered no list) since: a closed
    procedure's was never asked again, so a related notice only it lists was never fetched."""
    with _crawls_read(path) as db:
        if db is None:
            return set()
        failed, unread = {}, set()
        for error in _errors_since_complete(db, spider):
            origin = re.search(r"\(related to (\d+)\)$", str(error.get("error") or ""))
            notice = re.search(r"/publicaties/(\d+)$", str(error.get("url") or ""))
            if origin and notice:
                failed[notice.group(1)] = origin.group(1)
            # the /gerelateerd itself failed (or answered no list): its related notices are unknown
            listed = re.search(r"/publicaties/(\d+)/gerelateerd(?:\?[^/]*)?$", str(error.get("url") or ""))
            if listed:
                unread.add(listed.group(1))
        if not failed or not db["notices"].exists():
            return set(failed.values()) | unread
        archived = api_archived(db, failed)
        return {origin for notice, origin in failed.items() if notice not in archived} | unread


_HTML_FAILED = re.compile(r"/publicaties/(\d+)/html/?$")


def html_failed(path: str | Path, spider: str) -> dict[str, int]:
    """``{publication_id: attempts}`` of the API's archived notices whose ``/html`` failed (recorded: an error status,
    a timeout, over ``DOWNLOAD_MAXSIZE``, an answer that is no rendering) in the crawls of the spider since its
    rendering was last read (the crawl that wrote its read ``notice_results`` row: :data:`HTML_READ`), and how often:
    the spider asks each again (its detail re-checked, its /html asked even where a rendering read before is archived)
    until ``TENDERNED_HTML_ATTEMPTS``, then gives it up (a failure only logged). A closed contract notice's (its lots'
    estimates) was only logged and never asked again; an award notice that had been a contract notice kept that
    rendering's row and counted as read. Counted only over the crawls since the last complete one, a notice given up
    was asked, and recorded, all over again after the first crawl that completed: an award notice's unread rendering
    (re-checked every run) left three crawls partial, then one complete, for ever."""
    with _crawls_read(path) as db:
        if db is None:
            return {}
        failed: dict[str, list[int]] = {}  # the crawls that recorded each notice's /html failing
        for crawl in db.query("select crawl_id, errors from crawls where spider = ? and errors like '%/html%' "
                              "order by crawl_id", [spider]):
            try:
                listed = json.loads(crawl["errors"] or "[]")
            except ValueError:
                continue
            for error in listed if isinstance(listed, list) else ():
                m = _HTML_FAILED.search(str(error.get("url") or "")) if isinstance(error, dict) else None
                if m:
                    failed.setdefault(m.group(1), []).append(crawl["crawl_id"])
        archived = api_archived(db, failed) if failed and db["notices"].exists() else set()
        read: dict[str, int] = {}
        if archived and db["notice_results"].exists() and "crawl_id" in db["notice_results"].columns_dict:
            listed = sorted(int(i) for i in archived)
            for start in range(0, len(listed), 500):
                chunk = listed[start:start + 500]
                read.update({str(r[0]): r[1] or 0 for r in db.execute(
                    f"select publication_id, crawl_id from notice_results where {HTML_READ} and "
                    f"publication_id in ({','.join('?' * len(chunk))})", chunk)})
        counts = {publication_id: sum(1 for crawl_id in crawls if crawl_id > read.get(publication_id, -1))
                  for publication_id, crawls in failed.items() if publication_id in archived}
        return {publication_id: n for publication_id, n in counts.items() if n}


def interrupted_notices(path: str | Path, spider: str) -> set[str]:
    """The API's notices archived by a crawl of the spider that did not end by itself (killed, stopped by a signal,
    closed by a limit: its ``finish_reason`` is not "finished") since its last complete crawl: their ``/gerelateerd``
    is asked again. The spider asks a notice's ``/gerelateerd`` after everything else, and writes items in batches,
    so a crawl cut short has archived notices whose ``/gerelateerd`` (or a related notice it listed) was never
    answered; it recorded no error for them, and the next run, which knows those notices, never asked: a related
    notice before the window (an award notice's contract notice) was never archived."""
    with _crawls_read(path) as db:
        if db is None or not db["notices"].exists() or "crawl_id" not in db["notices"].columns_dict:
            return set()
        rows = _unsettled(list(db.query("select crawl_id, arguments, status, started, finish_reason from crawls "
                                        "where spider = ? order by crawl_id", [spider])), _full)
        ids = [row["crawl_id"] for row in rows if (row.get("finish_reason") or "") != "finished"]
        api = " and coalesce(form_type, '') != 'ocds'" if "form_type" in db["notices"].columns_dict else ""
        found = set()
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            found |= {str(r["publication_id"]) for r in db.query(
                f"select publication_id from notices where crawl_id in ({','.join('?' * len(chunk))}){api}", chunk)}
        return found


_UNAVAILABLE = re.compile(r"^request failed: HTTP (404|410)\b")
#: How the TenderNed spider ends the error of a detail it answered and archived without a value it could not read.
_ARCHIVED_WITHOUT = "; archived without it"


def unavailable_notices(path: str | Path, spider: str, endpoint: str = "") -> set[str]:
    """Archived notices (the API's) whose own detail answered 404 or 410 in a recorded crawl of the
    spider: withdrawn from TenderNed, or gone for now. The archive keeps them; the spider still asks
    while they are open, but a detail that answers so again is not recorded again (it left every
    crawl partial until the notice's deadline plus the re-check margin). ``endpoint="/gerelateerd"``:
    those whose ``/gerelateerd`` answered so (a procedure awaiting its award asks its newest notice's
    every crawl; withdrawn, it left every crawl partial, for ever). ``endpoint="/documenten"``: those whose documents
    list answered so (no list there; an open notice is re-checked, its ``/documenten`` with it, by every crawl until
    its deadline, years for an open-ended one: each crawl was partial)."""
    with _crawls_read(path) as db:
        return api_archived(db, _unavailable_ids(db, spider, endpoint)) if db is not None else set()


def failed_details(path: str | Path, spider: str) -> set[str]:
    """The notices whose own detail (``/publicaties/{id}``, asked because a list listed it: not "related to N",
    which :func:`related_failed` asks again through its ``/gerelateerd``) failed in a crawl of the spider since its
    last complete one and are still not archived from the API. A crawl resumed from ``--jobdir`` asks them again
    (spiders/tenderned.py ``TenderNedSpider.retry_failed``): its duplicate filter remembers the failed requests of
    the crawl it resumes, and its list pages are not asked again."""
    with _crawls_read(path) as db:
        if db is None:
            return set()
        failed = set()
        for error in _errors_since_complete(db, spider):
            notice = re.search(r"/publicaties/(\d+)/?(?:\?[^/]*)?$", str(error.get("url") or ""))
            if notice and not re.search(r"\(related to \d+\)$", str(error.get("error") or "")):
                failed.add(notice.group(1))
        return failed - api_archived(db, failed)


def failed_rechecks(path: str | Path, spider: str) -> set[str]:
    """The notices archived from the API whose own detail (``/publicaties/{id}``) failed in a crawl of the spider since
    its last complete one (not a 404 or 410: :func:`unavailable_notices`), and that no crawl after the last such
    failure fetched again (an answer 200 of that address in the fetch index, or, without one, the notice archived by a
    later crawl: an answer the same as archived leaves the row's ``crawl_id`` as it was). The next run asks each again
    (spiders/tenderned.py ``recheck_open``: "recheck:failed").

    An archived notice's detail is asked again for a reason that does not come back: its procedure has a new
    publication (a rectification moving the deadline, an award notice: asked once, by the crawl that lists it), its
    list row says something new, it is still open. When that detail failed (a 500 past its retries, a timeout), the
    next run listed the window again, found every notice archived and asked nothing: the error counted as settled
    (:func:`unfinished_crawls`: "the API's notice is now archived") while the archive kept the notice as it was before
    the change, for good."""
    with _crawls_read(path) as db:
        if db is None:
            return set()
        rows = _unsettled(list(db.query("select crawl_id, arguments, status, started from crawls where spider = ? "
                                        "order by crawl_id", [spider])), _full)
        failed: dict[str, tuple[int, str]] = {}  # notice -> the last crawl its detail failed in, and the address
        for row in rows:
            for error in _crawl_errors(db, "select errors from crawls where crawl_id = ?", [row["crawl_id"]]):
                url = str(error.get("url") or "")
                notice = re.search(r"/publicaties/(\d+)/?$", url)
                said = str(error.get("error") or "")
                # not a detail answered and archived with a value it could not read (spiders/tenderned.py: "…;
                # archived without it"): asked again, TenderNed sends the same; it is recorded once, not re-checked
                if notice and not _UNAVAILABLE.match(said) and not said.endswith(_ARCHIVED_WITHOUT):
                    failed[notice.group(1)] = (row["crawl_id"], url)
        archived = sorted(api_archived(db, failed))
        if not archived:
            return set()
        later: dict[str, int] = {}  # notice -> the last crawl that archived it, or had its detail answered 200
        fetches = db["fetches"].exists()
        for start in range(0, len(archived), 500):
            chunk = archived[start:start + 500]
            for r in db.execute(f"select publication_id, crawl_id from notices where publication_id in "
                                f"({','.join('?' * len(chunk))})", [int(i) for i in chunk]):
                later[str(r[0])] = r[1] or 0
            if fetches:
                urls = {failed[key][1]: key for key in chunk}
                for r in db.execute(f"select url, max(crawl_id) from fetches where status = 200 and url in "
                                    f"({','.join('?' * len(urls))}) group by url", list(urls)):
                    later[urls[r[0]]] = max(later.get(urls[r[0]], 0), r[1] or 0)
        return {key for key in archived if later.get(key, 0) <= failed[key][0]}


def failed_list_pages(path: str | Path, spider: str) -> list[str]:
    """The list pages (``/publicaties?page=…``: a query's page, the window's count) whose request failed in a crawl
    of the spider since its last complete one, oldest first. A crawl resumed from ``--jobdir`` asks them again
    (spiders/tenderned.py ``TenderNedSpider.retry_failed``): its duplicate filter remembers every request of the
    crawl it resumes, so a list page that failed before the interrupt (a 500 past its retries) was never asked
    again, and the notices only it listed never fetched."""
    with _crawls_read(path) as db:
        if db is None:
            return []
        pages = (str(error.get("url") or "") for error in _errors_since_complete(db, spider))
        return list(dict.fromkeys(url for url in pages if re.search(r"/publicaties\?(?:[^/]*&)?page=\d", url)))


def unavailable_related(path: str | Path, spider: str) -> set[str]:
    """Notices not archived (from the API) whose detail answered 404 or 410 in a recorded crawl of the
    spider: a ``/gerelateerd`` lists them (a withdrawn notice of the procedure), no detail comes. The
    next run asks that ``/gerelateerd`` again (:func:`related_failed`), lists them again, and every
    later crawl ended failed or partial, for ever; the spider records such a one once, then only logs."""
    with _crawls_read(path) as db:
        if db is None:
            return set()
        ids = _unavailable_ids(db, spider)
        return ids - api_archived(db, ids)


#: What the spider records of a ``/documenten`` answered ``{"documenten": null}`` (spiders/tenderned.py
#: ``parse_documents``): no list, recorded once (:func:`null_documents`).
NULL_DOCUMENTS = "'documenten' is null"


def null_documents(path: str | Path, spider: str) -> set[str]:
    """Archived notices (the API's) whose ``/publicaties/{id}/documenten`` answered ``{"documenten": null}`` in a
    recorded crawl of the spider (reference §5 gives a list; null is none: its documents on an external platform, or a
    one-off). Such a notice is asked again by every crawl (``documents_unread``), an open one re-checked until its
    deadline anyway: the spider records the null once, then only logs it (as a 404 of the list:
    :func:`unavailable_notices`); another broken answer is still recorded."""
    with _crawls_read(path) as db:
        if db is None:
            return set()
        ids = set()
        for error in _crawl_errors(db, "select errors from crawls where spider = ? and errors like ?",
                                   [spider, f"%{NULL_DOCUMENTS}%"]):
            url = re.search(r"/publicaties/([0-9]+)/documenten$", str(error.get("url") or ""))
            if url and NULL_DOCUMENTS in str(error.get("error") or ""):
                ids.add(url.group(1))
        return api_archived(db, ids)


#: What the spider records of a ``/documenten`` answer's document it archives without a value (spiders/tenderned.py
#: ``parse_documents``, pipelines/normalise.py ``document_problems``): the problem between these.
_DOCUMENT_PROBLEM = re.compile(r"publication (?P<id>[0-9]+): (?P<problem>.+); archived without it", re.DOTALL)


def document_problems_recorded(path: str | Path, spider: str) -> dict[str, set[str]]:
    """``{publication_id: {problem, …}}``: what a recorded crawl of the spider recorded of the archived notices'
    documents lists (``/publicaties/{id}/documenten``) as archived without it (a document's ``grootte`` or
    ``datumPublicatie`` that does not read, a document without a ``documentId``: pipelines/normalise.py
    ``document_problems``). An open notice is re-checked, its documents list with it, by every crawl until its deadline:
    the spider records such a problem once, then only logs it while the list says the same."""
    with _crawls_read(path) as db:
        if db is None:
            return {}
        recorded: dict[str, set[str]] = {}
        for error in _crawl_errors(db, "select errors from crawls where spider = ? and errors like "
                                       "'%archived without it%'", [spider]):
            url = re.search(r"/publicaties/([0-9]+)/documenten$", str(error.get("url") or ""))
            said = _DOCUMENT_PROBLEM.fullmatch(str(error.get("error") or ""))
            if url and said and said.group("id") == url.group(1):
                recorded.setdefault(url.group(1), set()).add(said.group("problem"))
        archived = api_archived(db, set(recorded))
        return {key: problems for key, problems in recorded.items() if key in archived}


#: A shortfall the crawl recorder wrote (tenderarchive/extensions.py ``CrawlRecorder``) for a list query's single day.
_SHORT_DAY = re.compile(r"shortfall: (?P<key>.+ (?P<day>[0-9]{4}-[0-9]{2}-[0-9]{2})\.\.(?P=day)): "
                        r"fetched (?P<fetched>[0-9]+) of (?P<expected>[0-9]+) rows")


def short_days(path: str | Path, spider: str) -> dict[str, dict[str, tuple[int, int]]]:
    """The single days a list query came short on in a recorded crawl of the spider, by the crawl's profile:
    ``{profile: {"QUERY DAY..DAY": (fetched, expected)}}``, the latest crawl's counts for each. A past day whose
    ``totalElements`` stays above what its pages list (a withdrawn notice still counted) is recorded by the first
    crawl that meets it; the spider only logs it when it comes short so again (spiders/tenderned.py
    ``TenderNedSpider.shortfalls``)."""
    out: dict[str, dict[str, tuple[int, int]]] = {}
    with _crawls_read(path) as db:
        if db is None:
            return out
        for crawl in db.query("select arguments, errors from crawls where spider = ? and errors like '%shortfall: %' "
                              "order by crawl_id", [spider]):
            profile = (crawl_arguments(crawl) or {}).get("profile")
            for error in _crawl_errors(db, "select ? as errors", [crawl["errors"]]):
                m = _SHORT_DAY.fullmatch(str(error.get("error") or ""))
                if m and error.get("url") is None and isinstance(profile, str):
                    out.setdefault(profile, {})[m["key"]] = (int(m["fetched"]), int(m["expected"]))
    return out


def _unavailable_ids(db, spider: str, endpoint: str = "") -> set[str]:
    """The publication ids whose ``endpoint`` (the detail: ``""``) answered 404 or 410 in a crawl of the spider.
    Of ``/gerelateerd`` any of its pages: a later page of one answered in a page envelope is asked with
    ``?page=N&size=M`` (spiders/tenderned.py ``related_rows``); one answering 404 was recorded by every run."""
    ids = set()
    pages = r"(?:\?[^/]*)?" if endpoint == "/gerelateerd" else ""
    for error in _crawl_errors(db, "select errors from crawls where spider = ? and errors like '%HTTP 4%'", [spider]):
        if _UNAVAILABLE.match(str(error.get("error") or "")):
            notice = re.search(rf"/publicaties/(\d+){re.escape(endpoint)}/?{pages}$", str(error.get("url") or ""))
            if notice:
                ids.add(notice.group(1))
    return ids


@contextlib.contextmanager
def _crawls_read(path: str | Path):
    """The archive opened read-only when it has a ``crawls`` table, else None; closed after."""
    db = read_only(path)
    try:
        yield db if db is not None and db["crawls"].exists() else None
    finally:
        if db is not None:
            db.close()


def _crawl_errors(db, sql: str, params: list):
    """Each recorded error (a dict) of the crawls ``sql`` selects (their ``errors`` column), in order;
    a column that is no JSON list is passed over."""
    for crawl in db.query(sql, params):
        try:
            listed = json.loads(crawl["errors"] or "[]")
        except ValueError:
            continue
        for error in listed if isinstance(listed, list) else ():
            if isinstance(error, dict):
                yield error


def _errors_since_complete(db, spider: str):
    """:func:`_crawl_errors` of the spider's crawls that no later complete full crawl covers
    (:func:`_unsettled`: its window, profile and source registry)."""
    rows = _unsettled(list(db.query("select crawl_id, arguments, status, started from crawls where spider = ? "
                                    "order by crawl_id", [spider])), _full)
    ids = [row["crawl_id"] for row in rows]
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        yield from _crawl_errors(db, f"select errors from crawls where crawl_id in ({','.join('?' * len(chunk))}) "
                                 "order by crawl_id", chunk)


def failed_news_pages(path: str | Path, spider: str = "news") -> list[str]:
    """The news pages whose request failed (an HTTP error, a timeout: the error ends with
    ``tenderarchive.items.NEWS_PAGE_FAILED``) in a crawl of the spider since its last complete full
    one and that are still not archived, oldest first: the next crawl asks them again. Discovery
    alone did not: once a page had left its site's feed or listing it was never asked again, and a
    later crawl completed without it. A complete full crawl asked every one of them and failed on none."""
    from tenderarchive.items import NEWS_PAGE_FAILED

    with _crawls_read(path) as db:
        if db is None:
            return []
        failed = dict.fromkeys(error["url"] for error in _errors_since_complete(db, spider)
                               if isinstance(error.get("url"), str)
                               and str(error.get("error") or "").endswith(NEWS_PAGE_FAILED))
        if not failed or not db["articles"].exists():
            return list(failed)
        urls, archived = list(failed), set()
        for start in range(0, len(urls), 400):
            chunk = urls[start:start + 400]
            marks = ",".join("?" * len(chunk))
            archived |= {r[0] for r in db.execute(f"select url from articles where url in ({marks}) union "
                                                  f"select source_url from articles where source_url in ({marks})",
                                                  chunk + chunk)}
        return [url for url in urls if url not in archived]
