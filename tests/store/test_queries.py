"""What a crawl reads of the archive before it starts (``tenderarchive/store/queries.py``)."""

from __future__ import annotations

import pytest
import sqlite_utils

from tenderarchive.store.queries import (
    complete_crawls, failed_details, known_article_urls, last_complete_crawl, redirected_elsewhere, short_days,
    unfinished_crawls,
)
from tenderarchive.store.schema import ensure_schema


def fetched(db, url: str, status: int, at: str, location: str | None = None, crawl_id: int = 1) -> None:
    """A SYNTHETIC ``fetches`` row."""
    db["fetches"].insert({"url": url, "method": "GET", "status": status, "fetched_at": at, "sha256": "0" * 64,
                          "warc_file": "a.warc.gz", "warc_offset": db["fetches"].count, "warc_length": 1,
                          "crawl_id": crawl_id, "location": location})


def test_a_304_an_older_archive_kept_a_location_of_is_no_redirect_to_a_known_page(tmp_path):
    """Archives written before ``fetch_location`` kept only the redirects Scrapy follows hold the ``Location``
    of 300 and 304 answers: an address whose last answer was a 304 pointing at a known article was taken for a
    redirect to it, and never asked again. A 301's still is one. Synthetic rows."""
    path = tmp_path / "archive.db"
    db = sqlite_utils.Database(path)
    ensure_schema(db)
    db["articles"].insert({"url": "http://127.0.0.1:1/nieuws/bekend", "source_url": "http://127.0.0.1:1/nieuws/bekend",
                           "fetched_at": "2026-01-01T00:00:00+00:00"}, alter=False)
    for url, status in (("http://127.0.0.1:1/verhuisd", 301), ("http://127.0.0.1:1/ongewijzigd", 304),
                        ("http://127.0.0.1:1/keuze", 300)):
        db["fetches"].insert({"url": url, "method": "GET", "status": status, "fetched_at": "2026-01-02T00:00:00+00:00",
                              "sha256": "0" * 64, "warc_file": "a.warc.gz", "warc_offset": status, "warc_length": 1,
                              "crawl_id": 1, "location": "http://127.0.0.1:1/nieuws/bekend"})
    db.close()
    known = known_article_urls(path)
    assert "http://127.0.0.1:1/verhuisd" in known
    assert "http://127.0.0.1:1/ongewijzigd" not in known and "http://127.0.0.1:1/keuze" not in known


def test_short_days_are_read_by_profile_for_every_query_name(tmp_path):
    """The single days a list query came short on (``short_days``: the spider records such a day once), by the
    crawl's profile, the latest crawl's counts; a query named by a search term of several words too (its name has a
    space), and only single days (a window of several is no day). Synthetic rows."""
    import json

    path = tmp_path / "archive.db"
    db = sqlite_utils.Database(path)
    ensure_schema(db)
    short = [{"url": None, "error": "shortfall: search:jeugd ggz 2021-03-01..2021-03-01: fetched 3 of 4 rows"},
             {"url": None, "error": "shortfall: cpv 2021-03-01..2021-03-02: fetched 3 of 4 rows"}]
    for crawl_id, profile, errors in ((1, "youth_care", short), (2, "all", short[:1]),
                                      (3, "youth_care", [dict(short[0], error=short[0]["error"].replace("3 of", "2 of"))])):
        db["crawls"].insert({"crawl_id": crawl_id, "spider": "tenderned", "status": "partial",
                             "arguments": json.dumps({"profile": profile}), "errors": json.dumps(errors)}, alter=True)
    db.close()
    assert short_days(path, "tenderned") == {"youth_care": {"search:jeugd ggz 2021-03-01..2021-03-01": (2, 4)},
                                             "all": {"search:jeugd ggz 2021-03-01..2021-03-01": (3, 4)}}


def test_an_address_whose_redirect_led_to_an_answer_that_is_no_archived_page_is_redirected_elsewhere(tmp_path):
    """An address whose last answer redirected, through any hops, to an address that answered (2xx) and is no
    archived page: the spider leaves it alone while its site does not admit where it leads. Not one whose
    redirect leads to an archived page (``redirects_to_known``), to an answer that failed (a 503: asked again),
    or that answers a page of its own now. Synthetic rows."""
    site = "http://127.0.0.1:1"
    path = tmp_path / "archive.db"
    db = sqlite_utils.Database(path)
    ensure_schema(db)
    db["articles"].insert({"url": f"{site}/nieuws/bekend", "source_url": f"{site}/nieuws/bekend",
                           "fetched_at": "2026-01-01T00:00:00+00:00"}, alter=False)
    fetched(db, f"{site}/nieuws/bekend", 200, "2026-01-01T00:00:00+00:00")
    fetched(db, f"{site}/nieuws/verhuisd", 301, "2026-01-02T00:00:00+00:00", "http://localhost:1/tussen")
    fetched(db, "http://localhost:1/tussen", 302, "2026-01-02T00:00:01+00:00", "http://localhost:1/regio/bericht")
    fetched(db, "http://localhost:1/regio/bericht", 200, "2026-01-02T00:00:02+00:00")
    fetched(db, f"{site}/nieuws/oud", 301, "2026-01-02T00:00:00+00:00", f"{site}/nieuws/bekend")
    fetched(db, f"{site}/nieuws/storing", 301, "2026-01-02T00:00:00+00:00", "http://localhost:1/kapot")
    fetched(db, "http://localhost:1/kapot", 503, "2026-01-02T00:00:01+00:00")
    fetched(db, f"{site}/nieuws/terug", 301, "2026-01-02T00:00:00+00:00", "http://localhost:1/regio/bericht")
    fetched(db, f"{site}/nieuws/terug", 200, "2026-01-03T00:00:00+00:00")
    db.close()
    found = redirected_elsewhere(path, known_article_urls(path))
    assert found == {f"{site}/nieuws/verhuisd": ("http://localhost:1/regio/bericht", "2026-01-02T00:00:00+00:00"),
                     "http://localhost:1/tussen": ("http://localhost:1/regio/bericht", "2026-01-02T00:00:01+00:00")}


def test_failed_details_are_the_listed_notices_whose_own_detail_failed_and_are_not_archived(tmp_path):
    """``failed_details`` (asked again by a crawl resumed from ``--jobdir``): a detail that failed (also after a
    redirect, or an item dropped under its URL) in a crawl no complete one covers, not archived since; not a related
    notice's (``related to N``: its ``/gerelateerd`` is asked again), not a documents list, not one archived since,
    not one of a crawl a later complete crawl of the same window covers. Synthetic rows."""
    import json

    path = tmp_path / "archive.db"
    db = sqlite_utils.Database(path)
    ensure_schema(db)
    api = "http://127.0.0.1:1/papi/tenderned-rs-tns/v2/publicaties"
    window = {"profile": "youth_care", "from_date": "2021-05-01", "until_date": "2021-05-31"}
    settled = [{"url": f"{api}/100", "error": "request failed: HTTP 500"}]
    errors = [{"url": f"{api}/101", "error": "request failed: HTTP 500"},
              {"url": f"{api}/102", "error": "request failed: HTTP 503 (redirected to http://127.0.0.1:1/storing)"},
              {"url": f"{api}/103", "error": "request failed: HTTP 500 (related to 101)"},
              {"url": f"{api}/104/documenten", "error": "request failed: HTTP 500"},
              {"url": f"{api}/105", "error": "request failed: HTTP 500"},
              {"url": f"{api}?page=1&size=100", "error": "request failed: HTTP 500"}]
    for crawl_id, status, listed in ((1, "partial", settled), (2, "complete", []), (3, "partial", errors)):
        db["crawls"].insert({"crawl_id": crawl_id, "spider": "tenderned", "status": status,
                             "arguments": json.dumps(window), "errors": json.dumps(listed)}, alter=True)
    db["notices"].insert({"publication_id": 105, "form_type": "competition"}, alter=True)
    db.close()
    assert failed_details(path, "tenderned") == {"101", "102"}


def test_failed_list_pages_are_the_list_requests_that_failed_since_the_last_complete_crawl(tmp_path):
    """``failed_list_pages`` (asked again by a crawl resumed from ``--jobdir``): the list pages (``?page=…``) whose
    request failed in a crawl no complete one covers, oldest first, each once; not a detail, not a ``/gerelateerd``,
    not one of a crawl a later complete crawl of the same window covers. Synthetic rows."""
    import json

    from tenderarchive.store.queries import failed_list_pages

    path = tmp_path / "archive.db"
    db = sqlite_utils.Database(path)
    ensure_schema(db)
    api = "http://127.0.0.1:1/papi/tenderned-rs-tns/v2/publicaties"
    window = {"profile": "youth_care", "from_date": "2021-05-01", "until_date": "2021-05-31"}
    page0 = f"{api}?page=0&size=100&publicatieDatumVanaf=2021-05-01&publicatieDatumTot=2021-05-31&search=jeugd"
    page2 = page0.replace("page=0", "page=2")
    settled = [{"url": page0.replace("jeugd", "zorg"), "error": "request failed: HTTP 500"}]
    errors = [{"url": page2, "error": "request failed: HTTP 500"},
              {"url": f"{api}/101", "error": "request failed: HTTP 500"},
              {"url": f"{api}/101/gerelateerd", "error": "request failed: HTTP 500"},
              {"url": page0, "error": "request failed: HTTP 500"},
              {"url": page2, "error": "list page: 'content' is str, not a list"}]
    for crawl_id, status, listed in ((1, "partial", settled), (2, "complete", []), (3, "partial", errors)):
        db["crawls"].insert({"crawl_id": crawl_id, "spider": "tenderned", "status": status,
                             "arguments": json.dumps(window), "errors": json.dumps(listed)}, alter=True)
    db.close()
    assert failed_list_pages(path, "tenderned") == [page2, page0]


def test_a_profile_edited_between_crawls_is_one_chain_of_crawls(tmp_path):
    """A crawl records its profile's queries (spiders/tenderned.py ``crawl_arguments``), which change when the user
    edits the profile. They are no scope: a complete crawl after a word was dropped covers a partial crawl that still
    asked it (its window listed again, and settled, or every later run listed that window again, for ever), and
    continues the chain of the profile's complete crawls. Synthetic rows."""
    import json

    path = tmp_path / "archive.db"
    db = sqlite_utils.Database(path)
    ensure_schema(db)
    failed_page = [{"url": "http://127.0.0.1:1/papi/tenderned-rs-tns/v2/publicaties?page=0", "error": "HTTP 500"}]
    for crawl_id, status, window, queries, errors in (
            (1, "complete", ("2020-01-01", "2020-12-31"), ["search:jeugdhulp", "search:Wmo"], []),
            (2, "partial", ("2020-12-28", "2021-01-31"), ["search:jeugdhulp", "search:Wmo"], failed_page),
            (3, "complete", ("2020-12-28", "2021-02-28"), ["search:jeugdhulp"], [])):
        arguments = {"from_date": window[0], "until_date": window[1], "profile": "leiden_jeugd", "queries": queries}
        db["crawls"].insert({"crawl_id": crawl_id, "spider": "tenderned", "status": status,
                             "started": f"{window[1]}T10:00:00+00:00", "arguments": json.dumps(arguments),
                             "errors": json.dumps(errors)}, alter=True)
    db.close()
    assert unfinished_crawls(path, "tenderned") == []
    assert last_complete_crawl(path, "tenderned")["crawl_id"] == 3
    assert [arguments["queries"] for arguments in complete_crawls(path, "tenderned")] == [
        ["search:jeugdhulp", "search:Wmo"], ["search:jeugdhulp"]]


def test_a_crawl_resumed_with_a_job_folder_is_one_chain_with_the_crawls_before_and_after_it(tmp_path):
    """A run resumed with ``--jobdir`` records the crawls it resumed in its arguments (``resumes``, written when it
    closes: tenderarchive/extensions.py ``resumed_crawls``), which were taken for its scope, as a profile's queries
    were (above): a resumed backfill that ended partial (a list page failed) was covered by no later complete crawl,
    none of which resumed crawl 2, so every later run listed its years again, for ever; and a resumed crawl that
    completed was left out of the chain of complete crawls the next incremental run continues. Synthetic rows."""
    import json

    failed_page = [{"url": "http://127.0.0.1:1/papi/tenderned-rs-tns/v2/publicaties?page=3", "error": "HTTP 500"}]
    # partial: crawl 4 lists the resumed backfill's window again; complete: crawl 4 continues from it
    for last, after in (("partial", ("2021-01-28", "2021-07-31")), ("complete", ("2021-06-28", "2021-07-31"))):
        path = tmp_path / f"{last}.db"
        db = sqlite_utils.Database(path)
        ensure_schema(db)
        for crawl_id, status, window, resumes, errors in (
                (1, "complete", ("2021-01-01", "2021-01-31"), None, []),
                (2, "failed", ("2021-01-28", "2021-06-30"), None, []),   # interrupted (Ctrl-C) in its job folder
                (3, last, ("2021-01-28", "2021-06-30"), [2], failed_page if last == "partial" else []),
                (4, "complete", after, None, [])):
            arguments = {"from_date": window[0], "until_date": window[1], "profile": "youth_care"}
            if resumes:
                arguments["resumes"] = resumes
            db["crawls"].insert({"crawl_id": crawl_id, "spider": "tenderned", "status": status,
                                 "started": f"{window[1]}T10:00:00+00:00", "arguments": json.dumps(arguments),
                                 "errors": json.dumps(errors)}, alter=True)
        db.close()
        assert unfinished_crawls(path, "tenderned") == [], last
        assert last_complete_crawl(path, "tenderned")["crawl_id"] == 4, last


def test_a_crawl_stopped_before_it_ended_keeps_its_window_whatever_errors_it_recorded(tmp_path):
    """A crawl stopped before it ended (SIGTERM, a ``CLOSESPIDER_*`` bound, the memory limit: partial by its close
    reason) may have left list pages unasked; the stop itself is no error. A partial crawl whose every error is
    settled has nothing left to list (:func:`unfinished_crawls`), and the errors a crawl settles itself (a notice's
    ``/documenten`` or ``/gerelateerd`` that failed, the notice archived in the same crawl) left a stopped backfill
    out of the next runs' windows at once: the days it never listed were listed by no run, while the same stop with no
    error kept its window. A stopped crawl keeps its window; a crawl that ended does not. Synthetic rows."""
    import json

    api = "http://127.0.0.1:1/papi/tenderned-rs-tns/v2/publicaties"
    path = tmp_path / "archive.db"
    db = sqlite_utils.Database(path)
    ensure_schema(db)
    documents = [{"url": f"{api}/801/documenten", "error": "request failed: HTTP 500"}]
    for crawl_id, reason, window in ((1, "finished", ("2021-01-01", "2021-12-31")),
                                     (2, "shutdown", ("2018-01-01", "2018-12-31")),
                                     (3, "closespider_timeout", ("2019-01-01", "2019-12-31")),
                                     (4, "finished", ("2020-01-01", "2020-12-31"))):
        arguments = {"from_date": window[0], "until_date": window[1], "profile": "youth_care"}
        db["crawls"].insert({"crawl_id": crawl_id, "spider": "tenderned", "status": "partial", "finish_reason": reason,
                             "started": f"{window[1]}T10:00:00+00:00", "arguments": json.dumps(arguments),
                             "errors": json.dumps(documents)}, alter=True)
    db["notices"].insert({"publication_id": 801}, alter=True)  # archived, its documents unread: settled
    db.conn.commit()
    db.close()
    assert [a["from_date"] for a in unfinished_crawls(path, "tenderned")] == ["2018-01-01", "2019-01-01"]




@pytest.mark.parametrize("reader, index, wanted", [
    ("paged_addresses_read", "fetches_paged", [f"http://127.0.0.1:1/feed/?paged={n}" for n in (1, 2, 3)]),
    ("sitemaps_read", "fetches_sitemaps", ["http://127.0.0.1:1/wp-sitemap-posts-post-1.xml",
                                           "http://127.0.0.1:1/wp-sitemap.xml"]),
])
def test_what_a_news_crawl_reads_of_earlier_crawls_walks_is_an_index_lookup_not_a_scan_of_the_fetch_index(
        tmp_path, reader, index, wanted):
    """``paged_addresses_read`` (where paged walks stopped) and ``sitemaps_read`` (the sitemaps read whole) run at the
    start of every news crawl (issue 14): each read every fetch of every news crawl with ``LIKE``, a fetch index that
    grows with the archive. Their queries now search a partial index of the few fetches they want (``fetches_paged``,
    ``fetches_sitemaps``) by crawl: ten times the other fetches cost them no more. An archive written before the
    index gets it when opened for writing, and the answer is the same. Synthetic rows: 3 feed pages and 2 sitemaps
    per crawl among 1,000, then 10,000, fetches of pages."""
    import json

    from tenderarchive.store import queries

    sql = {"paged_addresses_read": queries.PAGED_READ_SQL, "sitemaps_read": queries.SITEMAPS_READ_SQL}[reader]
    path = tmp_path / "archive.db"
    db = sqlite_utils.Database(path)
    ensure_schema(db)
    db.execute(f"drop index {index}")  # an archive written before the index
    arguments = json.dumps({"from_date": "2021-01-01", "sources": "s.yaml", "sites": '["a"]'})

    def fetches(crawl_id: int, urls: list[str]) -> None:
        offset = db.execute("select count(*) from fetches").fetchone()[0]
        db["fetches"].insert_all({"url": url, "method": "GET", "status": 200, "fetched_at": "2026-01-01T00:00:00+00:00",
                                  "sha256": "0" * 64, "warc_file": "a.warc.gz", "warc_offset": offset + n,
                                  "warc_length": 1, "crawl_id": crawl_id} for n, url in enumerate(urls))

    for crawl_id in (1, 2):
        db["crawls"].insert({"crawl_id": crawl_id, "spider": "news", "status": "complete", "finish_reason": "finished",
                             "started": "2026-01-0%dT00:00:00+00:00" % crawl_id, "arguments": arguments})
        fetches(crawl_id, [f"http://127.0.0.1:1/nieuws/{crawl_id}-{n}" for n in range(500)]
                + [f"http://127.0.0.1:1/feed/?paged={n}" for n in (1, 2, 3)]
                + ["http://127.0.0.1:1/wp-sitemap.xml", "http://127.0.0.1:1/wp-sitemap-posts-post-1.xml"])
    before = getattr(queries, reader)(path)

    def plan() -> str:
        return " | ".join(r[3] for r in db.execute("explain query plan " + sql, ["news"]).fetchall())

    def steps() -> int:
        """The SQLite virtual machine's steps (a progress handler called at each) to answer the query."""
        count = [0]

        def step() -> int:
            count[0] += 1
            return 0

        db.conn.set_progress_handler(step, 1)
        try:
            db.execute(sql, ["news"]).fetchall()
        finally:
            db.conn.set_progress_handler(None, 1)
        return count[0]

    assert index not in plan()
    db.execute("pragma user_version = 1")  # stamped older: the next writer migrates it
    ensure_schema(db)
    assert f"INDEX {index} (crawl_id=?)" in plan(), plan()
    after = getattr(queries, reader)(path)
    assert sorted(before, key=str) == sorted(after, key=str)
    assert sorted({r["url"] for r in after}) == wanted
    few = steps()
    for crawl_id in (1, 2):
        fetches(crawl_id, [f"http://127.0.0.1:1/nieuws/meer-{crawl_id}-{n}" for n in range(4500)])
    assert steps() < 1.2 * few, (few, steps())


def test_a_sitemap_is_known_by_what_the_crawl_read_it_as_and_an_older_index_is_made_again_for_it(tmp_path):
    """``sitemaps_read`` knew a sitemap by ``sitemap`` or ``.xml`` in its address: one at ``/feeds/site`` (a robots.txt
    ``Sitemap:`` line), TYPO3's ``?type=1533906435`` or an ``index.php?eID=…`` was read again by every crawl. A fetch
    records what the crawl asked it as (``fetches.kind``, branch refnews74): a ``sitemap`` at any address is one, a
    ``feed`` at ``feed.xml`` is not; a fetch from before the column (``kind`` NULL) is known by its address, as it was.
    An archive whose partial index ``fetches_sitemaps`` was made for the address alone has it made again for the new
    condition, which the query repeats (an index of another condition would not be used). Synthetic rows."""
    import json

    from tenderarchive.store import queries

    path = tmp_path / "archive.db"
    db = sqlite_utils.Database(path)
    ensure_schema(db)
    db.execute("drop index fetches_sitemaps")
    db.execute("create index fetches_sitemaps on fetches (crawl_id, url, status, fetched_at)"
               " where url like '%sitemap%' or url like '%.xml%'")  # as an archive before the column made it
    db["crawls"].insert({"crawl_id": 1, "spider": "news", "status": "complete", "finish_reason": "finished",
                         "started": "2026-01-01T00:00:00+00:00", "arguments": json.dumps({"from_date": "2021-01-01"})})
    for url, kind in (("http://127.0.0.1:1/feeds/site", "sitemap"), ("http://127.0.0.1:1/?type=1533906435", "sitemap"),
                      ("http://127.0.0.1:1/feed.xml", "feed"), ("http://127.0.0.1:1/nieuws/sitemap-uitleg", "page"),
                      ("http://127.0.0.1:1/oud-sitemap.xml", None), ("http://127.0.0.1:1/oud", None)):
        fetched(db, url, 200, "2026-01-01T00:00:00+00:00")
        db.execute("update fetches set kind = ? where url = ?", [kind, url])
    db.conn.commit()
    db.execute("pragma user_version = 1")  # stamped older: the next writer migrates it
    ensure_schema(db)
    plan = " | ".join(r[3] for r in db.execute("explain query plan " + queries.SITEMAPS_READ_SQL, ["news"]).fetchall())
    assert "INDEX fetches_sitemaps (crawl_id=?)" in plan, plan
    assert sorted(r["url"] for r in queries.sitemaps_read(path)) == [
        "http://127.0.0.1:1/?type=1533906435", "http://127.0.0.1:1/feeds/site", "http://127.0.0.1:1/oud-sitemap.xml"]
