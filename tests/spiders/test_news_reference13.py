"""The news spider, thirteenth pass against docs/reference/news-sites.md as an evaluator would test it:
loopback sites of SYNTHETIC pages (labelled like tests/fixtures/news), crawled with ``tenderarchive
crawl news`` into a real archive."""

from __future__ import annotations

import sqlite_utils

from tests.spiders.test_news import crawl_news
from tests.spiders.test_news_reference import ROBOTS, registry
from tests.spiders.test_news_reference8 import HTML, TEXT
from tests.spiders.test_news_reference11 import serve


def generatepress_posted_on(published: str, updated: str | None) -> str:
    """GeneratePress's ``generate_posted_on`` (§2.1 WordPress): a post changed since it was published gets the
    change's ``<time class="updated" itemprop="dateModified">`` printed *before* its publication's."""
    shown = lambda iso: f"{int(iso[8:10])} {['december', 'november'][iso[5:7] == '11']} {iso[:4]}"  # noqa: E731
    stamp = (f"<time class='updated' datetime='{updated}T09:00:00+01:00' itemprop='dateModified'>3 maart 2021</time>"
             if updated else "")
    return (f"<span class='posted-on'>{stamp}<time class='entry-date published' datetime='{published}T08:00:00+01:00'"
            f" itemprop='datePublished'>{shown(published)}</time></span>")


#: Two posts of a SYNTHETIC GeneratePress blog: the first published in December 2020 and changed in March 2021.
POSTS = {"/nieuws/gunning-jeugdhulp": ("Voorlopige gunning jeugdhulp", "2020-12-14", "2021-03-03"),
         "/nieuws/inkoop-jeugdhulp": ("Inkoop jeugdhulp van start", "2020-11-02", None)}


def generatepress_post(title: str, published: str, updated: str | None) -> tuple[str, bytes]:
    return (HTML, ("<!doctype html><html lang='nl-NL'><head><meta name='tenderarchive-fixture' content='synthetic'>"
                   f"<title>{title} &#8211; Voorbeeld</title></head><body class='single-post'><article class='post'>"
                   f"<header class='entry-header'><h1 class='entry-title'>{title}</h1><div class='entry-meta'>"
                   f"{generatepress_posted_on(published, updated)}</div></header>"
                   f"<div class='entry-content'>{TEXT}</div></article></body></html>").encode())


def generatepress_blog() -> tuple[str, bytes]:
    entries = "".join(
        f"<article class='post'><header class='entry-header'><h2 class='entry-title'><a href='{path}'>{title}</a></h2>"
        f"<div class='entry-meta'>{generatepress_posted_on(published, updated)}</div></header>"
        "<div class='entry-summary'><p>De regio heeft de inkoop van jeugdhulp afgerond.</p></div></article>"
        for path, (title, published, updated) in POSTS.items())
    return (HTML, ("<!doctype html><html lang='nl-NL'><head><meta name='tenderarchive-fixture' content='synthetic'>"
                   f"<title>Nieuws &#8211; Voorbeeld</title></head><body class='blog'><main>{entries}</main></body>"
                   "</html>").encode())


def test_a_listed_posts_change_printed_before_its_publication_does_not_date_it_out_of_the_window(tmp_path):
    """§2.1 WordPress, §2.3 dates, ``--from-date``/``--until-date`` windows: GeneratePress prints a changed post's
    ``time.updated`` before its ``time.entry-date.published`` in the blog listing as on the post. The listing's
    first ``<time>`` dated the entry, so a December 2020 post changed in March 2021 was listed as 2021 and, in a crawl
    of 2020, never asked (``news/skipped_out_of_window``): lost from the window. A listing's date is its entry's
    publication, as a page's is: the change's ``<time>`` never dates it."""
    log: list[str] = []
    routes = {"/robots.txt": ROBOTS, "/nieuws": generatepress_blog(),
              **{path: generatepress_post(*post) for path, post in POSTS.items()}}
    db_path = tmp_path / "archive.db"
    server, base = serve(routes, log)
    try:
        crawl = crawl_news(registry(tmp_path, base_url=base, cms="wordpress", allow=["^/nieuws/"],
                                    discovery={"listing": {"urls": ["nieuws"]}}),
                           db_path, "--from-date", "2020-10-01", "--until-date", "2020-12-31")
    finally:
        server.shutdown()
    assert crawl.returncode == 0, crawl.stderr[-3000:]
    rows = {r["url"].removeprefix(base.rstrip("/")): (r["published"], r["modified"])
            for r in sqlite_utils.Database(db_path)["articles"].rows}
    assert rows == {"/nieuws/gunning-jeugdhulp": ("2020-12-14T08:00", "2021-03-03T09:00"),
                    "/nieuws/inkoop-jeugdhulp": ("2020-11-02T08:00", None)}
    assert sorted(p for p in log if p.startswith("/nieuws/")) == sorted(POSTS)
