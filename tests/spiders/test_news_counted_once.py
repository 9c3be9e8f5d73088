"""A news page a crawl archives new and reads again in the same crawl (its print version, whose canonical URL is the
page's: news-sites.md §2.2) is new to the crawl's reader, counted once, as new, in every place the crawl's report
appears: ``crawls``' counts (``tenderarchive status``), the saved search ``crawl_wijzigingen`` (here through
``tenderarchive export``) and the watch report. Loopback site of SYNTHETIC pages, crawled with ``tenderarchive crawl
news`` into a real archive."""

from __future__ import annotations

import json
from collections import Counter

import sqlite_utils

from tenderarchive.exitcodes import ExitCode
from tenderarchive.watch.report import build_report
from tenderarchive.watch.watchlist import load_watchlist
from tests import forkcli
from tests.conftest import FAST, ROOT, cli
from tests.spiders.test_news import crawl_news
from tests.spiders.test_news_reference import ROBOTS, redirecting, registry
from tests.spiders.test_news_reference8 import TEXT, iprox_item
from tests.spiders.test_news_reference9 import sitemap_of

ITEM, PRINT = "/nieuws/Gunning_jeugdhulp", "/nieuws/Gunning_jeugdhulp/print"
TITLE = "Voorlopige gunning jeugdhulp"
LATER = TEXT + "<p>Aanvulling: de bezwaartermijn is verlengd tot 1 december 2021.</p>"


def with_canonical(page: tuple[str, bytes], url: str) -> tuple[str, bytes]:
    kind, body = page
    return kind, body.replace(b"</head>", f"<link rel='canonical' href='{url}'></head>".encode())


def crawl_wijzigingen(db_path, crawl_id: int) -> list[dict]:
    path = db_path.parent / f"crawl-{crawl_id}.json"
    out = cli("export", "crawl_wijzigingen", "--param", f"crawl_id={crawl_id}", "--format", "json", "--db", db_path,
              "--output", path)
    assert out.returncode == 0, out.stderr
    return json.loads(path.read_text(encoding="utf-8"))


def test_a_page_archived_new_and_read_again_in_one_crawl_is_counted_once_as_new(tmp_path):
    """The item and its print version (the same title, one paragraph more, its canonical URL the item's) in one
    sitemap: the crawl archived the page new, then wrote the other reading over it as a change, so ``crawls`` said
    "1 new, 1 changed", ``crawl_wijzigingen`` and the watch report "gewijzigd" with a version of a state the archive
    never had before the crawl. Now: 1 new, 0 changed, 0 unchanged, no version, "nieuw" and "new"; a reparse the
    same."""
    routes = {"/robots.txt": ROBOTS, "/sitemap.xml": sitemap_of(ITEM, PRINT), ITEM: iprox_item(TITLE),
              PRINT: with_canonical(iprox_item(TITLE, LATER), ITEM)}
    db_path = tmp_path / "archive.db"
    server, base = redirecting(routes, {})
    try:
        path = registry(tmp_path, base_url=base, discovery={"sitemaps": ["sitemap.xml"]}, allow=["^/nieuws/"])
        done = crawl_news(path, db_path)
    finally:
        server.shutdown()
    assert done.returncode == 0, done.stderr[-3000:]
    db = sqlite_utils.Database(db_path)
    assert [r["url"] for r in db["articles"].rows] == [base + ITEM.lstrip("/")]
    assert db.execute("select count(*) from fetches where status = 200 and url like '%/nieuws/%'").fetchone()[0] == 2
    watchlist = tmp_path / "watchlist.yaml"
    watchlist.write_text("title: Gunningen\nwatches:\n  - name: Gunning\n    keywords: [gunning]\n", encoding="utf-8")

    def said():
        db = sqlite_utils.Database(db_path)  # opened anew: reparse replaces the archive's file
        crawl = db["crawls"].get(1)
        listed = Counter(r["wat"] for r in crawl_wijzigingen(db_path, 1))
        report = {m.key: m.status for _, matches in build_report(db_path, load_watchlist(watchlist), 1).results
                  for m in matches}
        return ((crawl["items_new"], crawl["items_updated"], crawl["items_unchanged"]), dict(listed), report,
                db["versions"].count)

    expected = ((1, 0, 0), {"nieuw": 1}, {base + ITEM.lstrip("/"): "new"}, 0)
    assert said() == expected
    status = cli("status", "--db", db_path)
    assert status.returncode == 0, status.stderr
    rebuilt = forkcli.run(["reparse", "--db", str(db_path)], cwd=ROOT, timeout=300)
    assert rebuilt.returncode == 0, rebuilt.stderr[-3000:]
    assert said() == expected


def test_a_page_its_first_run_archived_new_and_the_resumed_run_reads_again_is_new_once(tmp_path):
    """A crawl with ``--jobdir`` whose print version of a page failed (a 500 past its retries: the crawl is partial)
    is resumed in the same job folder, which asks the failed page again: one crawl in two runs. The resumed run read
    the print version of the page the first run had archived new and counted it changed, with a version of the first
    run's write (``crawls`` "1 new", then "1 changed"; ``crawl_wijzigingen`` of the resumed run "gewijzigd"), as if
    the page had been archived before the crawl. Now it writes it as new again: counted in neither run again, no
    version; the archive ends as one crawl's would."""
    broken = "/nieuws/Verlenging_contracten"  # fails in both runs: the resumed run is partial, not failed
    routes = {"/robots.txt": ROBOTS, "/sitemap.xml": sitemap_of(ITEM, PRINT, broken), ITEM: iprox_item(TITLE),
              PRINT: (*with_canonical(iprox_item(TITLE, LATER), ITEM), 500), broken: (*iprox_item("Verlenging"), 500)}
    db_path, job = tmp_path / "archive.db", ("--jobdir", str(tmp_path / "job"))
    server, base = redirecting(routes, {})
    try:
        path = registry(tmp_path, base_url=base, discovery={"sitemaps": ["sitemap.xml"]}, allow=["^/nieuws/"])
        first = crawl_news(path, db_path, *job)
        db = sqlite_utils.Database(db_path)
        assert db["articles"].count == 1, first.stderr[-3000:]
        assert db["crawls"].get(1)["status"] == "partial"
        routes[PRINT] = routes[PRINT][:2]  # the site answers it again
        resumed = crawl_news(path, db_path, *job)
    finally:
        server.shutdown()
    assert resumed.returncode == ExitCode.PARTIAL, resumed.stderr[-3000:]
    assert db.execute("select count(*) from fetches where status = 200 and url like '%/print'").fetchone()[0] == 1
    counts = [(c["items_new"], c["items_updated"], c["items_unchanged"]) for c in
              db.query("select * from crawls order by crawl_id")]
    assert counts == [(1, 0, 0), (0, 0, 0)]
    # it archived the page (again, as new): partial for the page that failed again, not failed as one that archived
    # nothing
    assert [c["status"] for c in db.query("select status from crawls order by crawl_id")] == ["partial", "partial"]
    assert db["versions"].count == 0
    [article] = db["articles"].rows
    assert article["url"] == base + ITEM.lstrip("/") and "bezwaartermijn is verlengd" in article["text"]
    listed = [r["wat"] for r in crawl_wijzigingen(db_path, 2)]
    assert "gewijzigd" not in listed, listed
    # rebuilt from the raw store (the resumed crawl replayed with the first run's file), the same
    rebuilt = forkcli.run(["reparse", "--db", str(db_path)], cwd=ROOT, timeout=300)
    assert rebuilt.returncode == 0, rebuilt.stderr[-3000:]
    db = sqlite_utils.Database(db_path)  # the rebuilt file, swapped in
    assert [(c["items_new"], c["items_updated"], c["items_unchanged"]) for c in
            db.query("select * from crawls order by crawl_id")] == counts
    assert db["versions"].count == 0


def test_a_crawl_interrupted_and_resumed_lists_in_crawl_wijzigingen_what_each_run_counts(tmp_path):
    """A crawl with ``--jobdir`` stopped with Ctrl-C (SIGINT: Scrapy closes it, its queue kept) after it archived the
    page from one of its two addresses (the item and its print version, whose canonical URL is the item's), and
    resumed in the same job folder, which reads the other address and writes the page again: new to the one crawl
    in two runs, counted new by the first run alone (``crawls`` "1 new", then "0 new, 0 changed"). The saved search
    ``crawl_wijzigingen`` of the resumed run listed the page "nieuw" (its address now the one the resumed run read
    first) and the first run's listed nothing: each list now has as many new and changed records as its run counts,
    the page in the first run's list. A real news crawl on loopback, interrupted and resumed."""
    import signal
    import subprocess
    import sys
    import threading
    import time

    pages = {ITEM: iprox_item(TITLE), PRINT: with_canonical(iprox_item(TITLE, LATER), ITEM)}
    asked, stopped = [], threading.Event()

    def page(path):
        def answer(base):
            # in the first run, the first of the two addresses asked is answered; the other is held until the run
            # has been told to stop, then fails (its queue keeps it: the resumed run asks it again)
            asked.append(path)
            if len(asked) > 1 and not resumed_run.is_set():
                stopped.wait(60)
                return (*pages[path], 503)
            return pages[path]
        return answer

    resumed_run = threading.Event()
    routes = {"/robots.txt": ROBOTS, "/sitemap.xml": sitemap_of(ITEM, PRINT), ITEM: page(ITEM), PRINT: page(PRINT)}
    db_path, job = tmp_path / "archive.db", ("--jobdir", str(tmp_path / "job"))
    server, base = redirecting(routes, {})
    try:
        path = registry(tmp_path, base_url=base, discovery={"sitemaps": ["sitemap.xml"]}, allow=["^/nieuws/"])
        # one request at a time, each page archived as it comes
        slow = ["-s", "CONCURRENT_REQUESTS=1", "-s", "ARCHIVE_BATCH_ITEMS=1"]
        first = subprocess.Popen([sys.executable, "-m", "tenderarchive.cli", "crawl", "news", "--sources", str(path),
                                  "--db", str(db_path), *FAST, *slow, *job], cwd=ROOT,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and first.poll() is None:
            if db_path.exists() and sqlite_utils.Database(db_path).execute(
                    "select count(*) from sqlite_master where name = 'articles'").fetchone()[0] and \
                    sqlite_utils.Database(db_path)["articles"].count:
                break
            time.sleep(0.1)
        assert first.poll() is None, "the first run ended before it could be interrupted"
        first.send_signal(signal.SIGINT)  # Ctrl-C: Scrapy stops gracefully and keeps the queue
        time.sleep(1)
        stopped.set()
        stderr = first.communicate(timeout=120)[1]
        db = sqlite_utils.Database(db_path)
        assert db.execute("select count(*) from fetches where status = 200 and url like '%/nieuws/%'"
                          ).fetchone()[0] == 1, stderr[-3000:]
        resumed_run.set()
        resumed = crawl_news(path, db_path, *job)
    finally:
        server.shutdown()
    assert resumed.returncode == 0, resumed.stderr[-3000:]
    db = sqlite_utils.Database(db_path)
    assert db.execute("select count(*) from fetches where status = 200 and url like '%/nieuws/%'").fetchone()[0] == 2
    assert [a["url"] for a in db["articles"].rows] == [base + ITEM.lstrip("/")]
    crawls = {c["crawl_id"]: c for c in db.query("select * from crawls order by crawl_id")}
    assert json.loads(crawls[2]["arguments"])["resumes"] == [1]  # the run says which it resumed, as status does
    assert "~ resumes crawl 1 (--jobdir): one crawl with it" in cli("status", "--crawl", "2", "--db", db_path).stdout
    assert [(c["items_new"], c["items_updated"]) for c in crawls.values()] == [(1, 0), (0, 0)]
    for crawl_id, crawl in crawls.items():
        listed = Counter(r["wat"] for r in crawl_wijzigingen(db_path, crawl_id))
        assert (listed["nieuw"], listed["gewijzigd"]) == (crawl["items_new"], crawl["items_updated"]), \
            (crawl_id, listed)
