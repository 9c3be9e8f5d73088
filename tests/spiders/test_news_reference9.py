"""The news spider, ninth pass against docs/reference/news-sites.md as an evaluator would test it:
loopback sites of SYNTHETIC pages (labelled like tests/fixtures/news), crawled with ``tenderarchive
crawl news`` into a real archive."""

from __future__ import annotations

import time

import sqlite_utils

from tests import forkcli
from tests.conftest import ROOT
from tests.spiders.test_news import crawl_news
from tests.spiders.test_news_reference import ROBOTS, redirecting, registry
from tests.spiders.test_news_reference8 import HTML, TEXT, iprox_item, wordpress_item

OLD, NEW = "/nieuws/Gunning_jeugdhulp", "/2021/10/14/voorlopige-gunning-jeugdhulp/"


def sitemap_of(*paths: str, lastmod: str | None = None):
    """A SYNTHETIC ``urlset`` sitemap naming ``paths`` (absolute on the server), each with ``lastmod`` if given."""
    def route(base):
        stamp = f"<lastmod>{lastmod}</lastmod>" if lastmod else ""
        entries = "".join(f"<url><loc>{base}{p.lstrip('/')}</loc>{stamp}</url>" for p in paths)
        return ("application/xml", ('<?xml version="1.0" encoding="UTF-8"?><!-- SYNTHETIC -->'
                                    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                                    f"{entries}</urlset>").encode())
    return route


def rows_of(db_path, base) -> list[tuple]:
    return sorted((r["url"].removeprefix(base), r["source_url"].removeprefix(base))
                  for r in sqlite_utils.Database(db_path)["articles"].rows)


def test_a_moved_site_whose_sitemap_still_lists_the_old_addresses_keeps_its_items_once(tmp_path):
    """§2.1 CMS families: a site moved from iprox to WordPress whose sitemap (a migration plugin's, or the old
    one left in robots.txt) still lists the archived addresses, each now ``301`` to its new one, beside the new
    addresses. The old address was archived and its sitemap entry undated, so it was skipped unasked: never
    learned to redirect, it "still answered", and the new address with the archived title and text became a
    page of its own (the item twice). The old address of such a candidate is asked once (no redirect followed):
    its redirect to the new address makes the new one the archived page's address, the archived URL kept."""
    routes = {"/robots.txt": ROBOTS, "/sitemap.xml": sitemap_of(OLD),
              OLD: iprox_item("Voorlopige gunning jeugdhulp")}
    redirects: dict = {}
    log: list[str] = []
    db_path = tmp_path / "archive.db"
    server, base = redirecting(routes, redirects, log)
    try:
        path = registry(tmp_path, base_url=base, discovery={"sitemaps": ["sitemap.xml"]}, allow=["^/nieuws/", "^/20"])
        crawls = [crawl_news(path, db_path)]
        routes.pop(OLD)
        routes["/sitemap.xml"] = sitemap_of(OLD, NEW)
        routes[NEW] = wordpress_item("Voorlopige gunning jeugdhulp")
        redirects[OLD] = base + NEW.lstrip("/")
        crawls.append(crawl_news(path, db_path))
        after_second = rows_of(db_path, base)
        del log[:]
        crawls.append(crawl_news(path, db_path))
    finally:
        server.shutdown()
    assert [c.returncode for c in crawls] == [0, 0, 0], crawls[-1].stderr[-3000:]
    assert after_second == rows_of(db_path, base) == [(OLD.lstrip("/"), NEW.lstrip("/"))]
    assert sorted(log) == ["/robots.txt", "/sitemap.xml"]  # both addresses known now: neither asked again
    rebuilt = forkcli.run(["reparse", "--db", str(db_path)], cwd=ROOT, timeout=300)  # the check is replayed too
    assert rebuilt.returncode == 0, rebuilt.stderr[-3000:]
    assert rows_of(db_path, base) == [(OLD.lstrip("/"), NEW.lstrip("/"))]


def copied_while_the_old_address_answers(tmp_path, old_later: tuple[str, bytes]):
    """Two crawls of a SYNTHETIC site: an item archived at ``OLD``; then the sitemap lists ``OLD`` and ``NEW``,
    ``NEW`` answers the same item in another CMS's markup and ``OLD`` still answers (``old_later``)."""
    routes = {"/robots.txt": ROBOTS, "/sitemap.xml": sitemap_of(OLD), OLD: iprox_item("Voorlopige gunning jeugdhulp")}
    db_path = tmp_path / "archive.db"
    server, base = redirecting(routes, {})
    try:
        path = registry(tmp_path, base_url=base, discovery={"sitemaps": ["sitemap.xml"]}, allow=["^/nieuws/", "^/20"])
        crawls = [crawl_news(path, db_path)]
        routes[OLD] = old_later
        routes["/sitemap.xml"] = sitemap_of(OLD, NEW)
        routes[NEW] = wordpress_item("Voorlopige gunning jeugdhulp")
        crawls.append(crawl_news(path, db_path))
    finally:
        server.shutdown()
    return crawls, db_path, base


def test_a_moved_page_whose_old_address_still_answers_is_a_page_of_its_own(tmp_path):
    """The check of the old address does not make a move of a page whose old address still answers (200):
    both addresses are pages of their own, as before, and the archived page keeps its address."""
    crawls, db_path, base = copied_while_the_old_address_answers(tmp_path, iprox_item("Voorlopige gunning jeugdhulp"))
    assert [c.returncode for c in crawls] == [0, 0], crawls[-1].stderr[-3000:]
    assert rows_of(db_path, base) == [(NEW.lstrip("/"), NEW.lstrip("/")), (OLD.lstrip("/"), OLD.lstrip("/"))]


def test_a_moved_page_whose_old_address_cannot_be_checked_waits_for_the_next_crawl(tmp_path):
    """The old address answers a server error when checked: whether the new address is the archived page is
    not known, so it is not archived (no second row to undo), the crawl records the error, and the next crawl,
    whose check gets the redirect, makes the move."""
    routes = {"/robots.txt": ROBOTS, "/sitemap.xml": sitemap_of(OLD),
              OLD: iprox_item("Voorlopige gunning jeugdhulp")}
    redirects: dict = {}
    db_path = tmp_path / "archive.db"
    server, base = redirecting(routes, redirects)
    try:
        path = registry(tmp_path, base_url=base, discovery={"sitemaps": ["sitemap.xml"]}, allow=["^/nieuws/", "^/20"])
        crawls = [crawl_news(path, db_path, "-s", "RETRY_TIMES=0")]
        routes[OLD] = (HTML, b"", 503)
        routes["/sitemap.xml"] = sitemap_of(OLD, NEW)
        routes[NEW] = wordpress_item("Voorlopige gunning jeugdhulp")
        crawls.append(crawl_news(path, db_path, "-s", "RETRY_TIMES=0"))
        after_second = rows_of(db_path, base)
        routes.pop(OLD)
        redirects[OLD] = base + NEW.lstrip("/")
        crawls.append(crawl_news(path, db_path, "-s", "RETRY_TIMES=0"))
    finally:
        server.shutdown()
    assert crawls[0].returncode == 0 and crawls[2].returncode == 0, crawls[-1].stderr[-3000:]
    assert crawls[1].returncode != 0
    errors = sqlite_utils.Database(db_path).execute("select errors from crawls where crawl_id = 2").fetchone()[0]
    assert "could not be checked" in errors and OLD in errors
    assert after_second == [(OLD.lstrip("/"), OLD.lstrip("/"))]
    assert rows_of(db_path, base) == [(OLD.lstrip("/"), NEW.lstrip("/"))]


def moved_and_changed(tmp_path, later: tuple[str, bytes]):
    """Three crawls of a SYNTHETIC site: an item archived at ``OLD``; the site moved (``OLD`` now 301 to ``NEW``,
    the sitemap lists ``NEW``); then ``NEW`` answers ``later`` with a sitemap ``lastmod`` after the second crawl.
    Returns the crawls, the archive's path, the server's base and the rows after the move."""
    from datetime import datetime, timezone

    routes = {"/robots.txt": ROBOTS, "/sitemap.xml": sitemap_of(OLD), OLD: iprox_item("Voorlopige gunning jeugdhulp")}
    redirects: dict = {}
    db_path = tmp_path / "archive.db"
    server, base = redirecting(routes, redirects)
    try:
        path = registry(tmp_path, base_url=base, discovery={"sitemaps": ["sitemap.xml"]}, allow=["^/nieuws/", "^/20"])
        crawls = [crawl_news(path, db_path)]
        routes.pop(OLD)
        routes["/sitemap.xml"] = sitemap_of(NEW)
        routes[NEW] = wordpress_item("Voorlopige gunning jeugdhulp")
        redirects[OLD] = base + NEW.lstrip("/")
        crawls.append(crawl_news(path, db_path))
        after_move = rows_of(db_path, base)
        routes[NEW] = later
        time.sleep(1.1)  # a lastmod after the second crawl's fetch, to the second
        routes["/sitemap.xml"] = sitemap_of(NEW, lastmod=datetime.now(timezone.utc).isoformat(timespec="seconds"))
        crawls.append(crawl_news(path, db_path))
    finally:
        server.shutdown()
    return crawls, db_path, base, after_move


def test_a_moved_page_changed_later_at_its_new_address_stays_one_page(tmp_path):
    """A page archived under its old address and moved (its ``source_url`` the new address) is changed later at
    the new address (its sitemap ``lastmod`` says so): the new text was archived as a second row under the new
    address, beside the archived one, the item twice. It is the archived page's new version: the row keeps its
    URL (the address a user knows never flips), takes the new text, and its former text is a version."""
    changed = wordpress_item("Voorlopige gunning jeugdhulp", TEXT.replace("vier jaar", "drie jaar met een optie op verlenging"))
    crawls, db_path, base, after_move = moved_and_changed(tmp_path, changed)
    assert [c.returncode for c in crawls] == [0, 0, 0], crawls[-1].stderr[-3000:]
    assert after_move == rows_of(db_path, base) == [(OLD.lstrip("/"), NEW.lstrip("/"))]
    db = sqlite_utils.Database(db_path)
    assert "optie op verlenging" in db.execute("select text from articles").fetchone()[0]
    assert db.execute("select count(*) from versions where table_name = 'articles'").fetchone()[0] == 1
    before = sorted(tuple(r.values()) for r in db.query("select url, title, source_url, text from articles"))
    rebuilt = forkcli.run(["reparse", "--db", str(db_path)], cwd=ROOT, timeout=300)
    assert rebuilt.returncode == 0, rebuilt.stderr[-3000:]
    assert sorted(tuple(r.values()) for r in db.query("select url, title, source_url, text from articles")) == before


def test_an_address_a_site_gives_to_another_item_is_that_items(tmp_path):
    """The rule above only for a version of the moved page (its title or its day): an address of a moved page
    that the site later gives to another item (another title, another day) is that item's page."""
    other = wordpress_item("Nieuwe wijkteams", "<p>De wijkteams beginnen in maart met een nieuwe werkwijze.</p>")
    other = (other[0], other[1].replace(b"2021-10-14T10:00:00", b"2022-03-01T10:00:00"))
    crawls, db_path, base, _ = moved_and_changed(tmp_path, other)
    assert [c.returncode for c in crawls] == [0, 0, 0], crawls[-1].stderr[-3000:]
    assert rows_of(db_path, base) == [(NEW.lstrip("/"), NEW.lstrip("/")), (OLD.lstrip("/"), NEW.lstrip("/"))]


def dated_item(title: str, day: str, text: str = TEXT) -> tuple[str, bytes]:
    """A SYNTHETIC WordPress item (:func:`wordpress_item`) dated ``day`` (ISO)."""
    kind, body = wordpress_item(title, text)
    return kind, body.replace(b"2021-10-14T10:00:00+02:00", f"{day}T10:00:00+02:00".encode()).replace(
        b">14 oktober 2021<", f">{day}<".encode())


def conditional(routes: dict, log: list):
    """``redirecting`` without redirects, ``log`` collecting ``(path, If-Modified-Since)``; ``routes["304"]`` true
    answers a conditional request ``304 Not Modified``."""
    return redirecting(routes, {}, since_log=log)


def test_recent_items_only_a_listing_names_are_revisited_on_a_bounded_schedule(tmp_path):
    """§2.1/§2.2 listings and feeds: an item that only a listing (or a plain RSS feed) names has no ``lastmod``;
    once archived it was never asked again, so a correction made after the first crawl (the next day, a date
    moved, a provider named) was never captured. A recent item (its day within ``NEWS_REVISIT_DAYS``) fetched
    last over ``NEWS_REVISIT_HOURS`` ago is asked again, at most ``NEWS_REVISIT_MAX`` per crawl, conditionally;
    an old item is not."""
    from tests.spiders.test_news_reference6 import listing_of
    from tests.spiders.test_news_reference8 import days_ago

    changed = TEXT.replace("vier jaar", "drie jaar met een optie op verlenging")
    pages = {"/nieuws/gunning": ("Gunning jeugdhulp", days_ago(2)), "/nieuws/bezwaar": ("Bezwaar jeugdhulp", days_ago(3)),
             "/nieuws/oud": ("Inkoop jeugdhulp gestart", "2021-10-14")}
    routes = {"/robots.txt": ROBOTS, "/nieuws": listing_of(*pages),
              **{p: dated_item(title, day) for p, (title, day) in pages.items()}}
    log: list = []
    db_path = tmp_path / "archive.db"
    server, base = conditional(routes, log)
    revisit = ["-s", "NEWS_REVISIT_HOURS=0", "-s", "NEWS_REVISIT_DAYS=14"]
    try:
        path = registry(tmp_path, base_url=base, discovery={"listing": {"urls": ["nieuws"]}}, allow=["^/nieuws/"])
        crawls = [crawl_news(path, db_path)]
        routes.update({p: dated_item(title, day, changed) for p, (title, day) in pages.items()})
        crawls.append(crawl_news(path, db_path))  # the default schedule: fetched minutes ago, not due
        del log[:]
        crawls.append(crawl_news(path, db_path, *revisit, "-s", "NEWS_REVISIT_MAX=1"))
        bounded = [(p, bool(since)) for p, since in log if p in pages]
        crawls.append(crawl_news(path, db_path, *revisit))
    finally:
        server.shutdown()
    assert [c.returncode for c in crawls] == [0, 0, 0, 0], crawls[-1].stderr[-3000:]
    assert len(bounded) == 1 and bounded[0][0] != "/nieuws/oud" and bounded[0][1]  # one, with If-Modified-Since
    assert "/nieuws/oud" not in [p for p, _ in log]
    db = sqlite_utils.Database(db_path)
    texts = {r["url"].removeprefix(base): "optie op verlenging" in r["text"] for r in db["articles"].rows}
    assert texts == {"nieuws/gunning": True, "nieuws/bezwaar": True, "nieuws/oud": False}
    assert db.execute("select count(*) from articles").fetchone()[0] == 3


def test_a_revisit_answered_not_modified_is_no_error(tmp_path):
    """A revisit's conditional request answered ``304 Not Modified``: the page is unchanged, no error (the crawl
    complete), the archived page untouched, and the answer counts as its last fetch."""
    from tests.spiders.test_news_reference6 import listing_of
    from tests.spiders.test_news_reference8 import days_ago

    routes = {"/robots.txt": ROBOTS, "/nieuws": listing_of("/nieuws/gunning"),
              "/nieuws/gunning": dated_item("Gunning jeugdhulp", days_ago(1))}
    log: list = []
    db_path = tmp_path / "archive.db"
    server, base = conditional(routes, log)
    try:
        path = registry(tmp_path, base_url=base, discovery={"listing": {"urls": ["nieuws"]}}, allow=["^/nieuws/"])
        crawls = [crawl_news(path, db_path)]
        routes["304"] = True
        crawls.append(crawl_news(path, db_path, "-s", "NEWS_REVISIT_HOURS=0"))
    finally:
        server.shutdown()
    assert [c.returncode for c in crawls] == [0, 0], crawls[-1].stderr[-3000:]
    db = sqlite_utils.Database(db_path)
    assert db.execute("select errors from crawls where crawl_id = 2").fetchone()[0] == "[]"
    assert [r["status"] for r in db.query("select status from fetches where url like '%/nieuws/gunning' order by rowid")] \
        == [200, 304]
    assert db.execute("select count(*) from versions").fetchone()[0] == 0


def test_a_revisit_through_a_feeds_old_address_reaches_the_page(tmp_path):
    """A feed that links a recent item by an address that redirects to it (a moved item, a short link): the
    revisit of that address stopped at the redirect (the page "archived already"), so the item's correction was
    never read. The revisit goes on to the page."""
    from datetime import datetime, timedelta, timezone
    from email.utils import format_datetime

    from tests.spiders.test_news_reference8 import days_ago

    published = format_datetime(datetime.now(timezone.utc) - timedelta(days=2))

    def feed(base):
        return ("application/rss+xml; charset=UTF-8", (
            '<?xml version="1.0" encoding="UTF-8"?><!-- SYNTHETIC --><rss version="2.0"><channel><title>Nieuws</title>'
            f"<item><title>Gunning</title><link>{base}nieuws/kort</link><pubDate>{published}</pubDate></item>"
            "</channel></rss>").encode())

    changed = TEXT.replace("vier jaar", "drie jaar met een optie op verlenging")
    routes = {"/robots.txt": ROBOTS, "/feed/": feed, "/nieuws/gunning": dated_item("Gunning jeugdhulp", days_ago(2))}
    db_path = tmp_path / "archive.db"
    redirects: dict = {}
    server, base = redirecting(routes, redirects)
    redirects["/nieuws/kort"] = base + "nieuws/gunning"
    try:
        path = registry(tmp_path, base_url=base, discovery={"feeds": ["feed/"]}, allow=["^/nieuws/"])
        crawls = [crawl_news(path, db_path)]
        routes["/nieuws/gunning"] = dated_item("Gunning jeugdhulp", days_ago(2), changed)
        crawls.append(crawl_news(path, db_path, "-s", "NEWS_REVISIT_HOURS=0"))
    finally:
        server.shutdown()
    assert [c.returncode for c in crawls] == [0, 0], crawls[-1].stderr[-3000:]
    rows = [(r["url"].removeprefix(base), "optie op verlenging" in r["text"])
            for r in sqlite_utils.Database(db_path)["articles"].rows]
    assert rows == [("nieuws/gunning", True)]


def test_the_old_address_checked_for_a_move_that_answers_a_changed_page_archives_the_change(tmp_path):
    """The check of a moved-page candidate's old address (``check_moved_addresses``) that answers the page (200),
    edited since it was archived: the answer was recorded as the page's last fetch (``fetches``) but not read,
    so the edit was never archived and the next crawls took the page as fetched since (a sitemap ``lastmod``
    before that fetch, a revisit, asked nothing). It is read as the page: the edit is archived."""
    corrected = TEXT + "<p>Correctie: de bezwaartermijn is verlengd tot dertig dagen.</p>"
    crawls, db_path, base = copied_while_the_old_address_answers(
        tmp_path, iprox_item("Voorlopige gunning jeugdhulp", corrected))
    assert [c.returncode for c in crawls] == [0, 0], crawls[-1].stderr[-3000:]
    assert rows_of(db_path, base) == [(NEW.lstrip("/"), NEW.lstrip("/")), (OLD.lstrip("/"), OLD.lstrip("/"))]
    old = next(sqlite_utils.Database(db_path)["articles"].rows_where("url = ?", [base + OLD.lstrip("/")]))
    assert "dertig dagen" in " ".join(str(v) for v in old.values())
