"""The news spider and page reading, fourth pass against docs/reference/news-sites.md as an evaluator
would test it: loopback sites of SYNTHETIC pages (labelled like tests/fixtures/news) in the markup
of the CMS families of §2.1, crawled with ``tenderarchive crawl news`` into a real archive."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import sqlite_utils

from tests.spiders.test_news import crawl_news
from tests.spiders.test_news_reference import SYNTHETIC_HEAD, registry, serve

HTML = "text/html; charset=UTF-8"


def wordpress_post(title: str, published: str, body: str) -> tuple[str, bytes]:
    """A WordPress post as a block theme writes it, with Yoast's meta in UTC and the theme's
    ``<time>`` in the site's (Dutch) time; ``published`` is the UTC instant."""
    utc = datetime.fromisoformat(published)
    local = utc.astimezone(timezone(timedelta(hours=2)))  # summer time
    return (HTML, f"""<!doctype html><html lang="nl-NL"><head><meta charset="UTF-8">
<title>{title} - Jeugdhulp Voorbeeldregio</title>{SYNTHETIC_HEAD}
<meta property="og:site_name" content="Jeugdhulp Voorbeeldregio">
<meta property="article:published_time" content="{utc.isoformat()}">
</head><body class="post-template-default single single-post">
<header class="site-header"><p class="site-title"><a href="/" rel="home">Jeugdhulp Voorbeeldregio</a></p>
<nav class="main-navigation"><ul><li><a href="/">Home</a></li><li><a href="/nieuws/">Nieuws</a></li></ul></nav></header>
<main id="main"><article class="post type-post status-publish">
<header class="entry-header"><h1 class="entry-title">{title}</h1>
<div class="entry-meta"><span class="posted-on">Geplaatst op <time class="entry-date published"
datetime="{local.isoformat()}">{local.day} oktober {local.year}</time></span></div></header>
<div class="entry-content">{body}</div></article></main>
<footer class="site-footer"><p>Jeugdhulp Voorbeeldregio &middot; <a href="/privacy/">Privacy</a></p></footer>
</body></html>""".encode())


def wordpress_feed(items: list[tuple[str, str, str]]) -> tuple[str, bytes]:
    """WordPress's RSS 2.0 feed: every ``pubDate`` in GMT (``+0000``), whatever the site's time zone."""
    entries = "".join(
        f"<item><title>{t}</title><link>{{base}}{p}</link><pubDate>"
        f"{datetime.fromisoformat(u).strftime('%a, %d %b %Y %H:%M:%S +0000')}</pubDate>"
        f"<guid isPermaLink=\"false\">{{base}}?p={i}</guid></item>"
        for i, (p, t, u) in enumerate(items, start=100))
    return ("application/rss+xml; charset=UTF-8", entries)


def test_a_feed_in_gmt_keeps_a_post_of_just_after_midnight_in_a_from_date_crawl(tmp_path):
    """§2.1 WordPress: "RSS at ``/feed/``". WordPress writes every ``pubDate`` in GMT, so a post of
    00:30 on 15 October (Dutch summer time) is ``Thu, 14 Oct 2021 22:30:00 +0000``: ``--from-date
    2021-10-15`` skipped it before fetching as a post of the 14th, though its page dates it the 15th.
    A post of 22:00 on the 14th stays out."""
    posts = [("nieuws/gunning-jeugdhulp-na-middernacht/", "Voorlopige gunning jeugdhulp bekend", "2021-10-14T22:30:00+00:00"),
             ("nieuws/inkoop-jeugdhulp-avond/", "Inkoop jeugdhulp gestart", "2021-10-14T20:00:00+00:00")]
    content_type, template = wordpress_feed(posts)
    log: list[str] = []
    routes = {"/robots.txt": ("text/plain", b"User-agent: *\nDisallow: /wp-admin/\n"),
              "/feed/": lambda base: (content_type, (
                  '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Jeugdhulp Voorbeeldregio'
                  f"</title><link>{base}</link>{template.format(base=base)}</channel></rss>").encode())}
    for path, title, published in posts:
        routes["/" + path] = wordpress_post(title, published, "<p>De regio heeft de aanbesteding van specialistische "
                                            "jeugdhulp voorlopig gegund aan drie aanbieders.</p>")
    with serve(routes, log) as base:
        path = registry(tmp_path, base_url=base, cms="wordpress", discovery={"feeds": ["feed/"]})
        completed = crawl_news(path, tmp_path / "archive.db", "--from-date", "2021-10-15")
    assert completed.returncode == 0, completed.stderr[-3000:]
    db = sqlite_utils.Database(tmp_path / "archive.db")
    assert [(r["title"], r["published"]) for r in db["articles"].rows] == [
        ("Voorlopige gunning jeugdhulp bekend", "2021-10-15T00:30")]
    assert "/nieuws/inkoop-jeugdhulp-avond/" not in log


def test_a_page_changed_later_on_the_day_it_was_fetched_is_fetched_again_by_its_sitemap_lastmod(tmp_path):
    """§2.1: a sitemap's ``lastmod`` tells a second run what changed. Compared by its day alone, a page
    changed in the afternoon after a morning crawl had a ``lastmod`` no later than its fetch, and no
    later crawl fetched it again: the change was never archived. Its time decides now: the change is a
    new version of the article, and a third run with nothing changed fetches nothing."""
    text = {"body": "<p>De regio heeft de aanbesteding van specialistische jeugdhulp gepubliceerd.</p>",
            "lastmod": "2021-10-15T00:30:00+02:00"}
    post = "/nieuws/aanbesteding-jeugdhulp/"
    log: list[str] = []
    routes = {"/robots.txt": lambda base: ("text/plain", f"User-agent: *\nSitemap: {base}sitemap_index.xml\n".encode()),
              "/sitemap_index.xml": lambda base: ("application/xml", (
                  '<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                  f"<sitemap><loc>{base}post-sitemap.xml</loc><lastmod>{text['lastmod']}</lastmod></sitemap>"
                  "</sitemapindex>").encode()),
              "/post-sitemap.xml": lambda base: ("application/xml", (
                  '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                  f"<url><loc>{base}{post[1:]}</loc><lastmod>{text['lastmod']}</lastmod></url></urlset>").encode()),
              post: lambda base: wordpress_post("Aanbesteding jeugdhulp", "2021-10-14T22:30:00+00:00", text["body"])}
    with serve(routes, log) as base:
        path = registry(tmp_path, base_url=base, cms="wordpress", discovery={"robots_sitemaps": True})
        db_path = tmp_path / "archive.db"
        runs = [crawl_news(path, db_path)]
        fetched_at, = [r["fetched_at"] for r in sqlite_utils.Database(db_path)["articles"].rows]
        # changed the same day, a second after the fetch (Yoast writes lastmod in UTC)
        text["lastmod"] = (datetime.fromisoformat(fetched_at) + timedelta(seconds=1)).strftime("%Y-%m-%dT%H:%M:%S+00:00")
        text["body"] += "<p>Update: de inschrijvingstermijn is verlengd tot 1 december 2021.</p>"
        runs.append(crawl_news(path, db_path))
        runs.append(crawl_news(path, db_path))
    assert [r.returncode for r in runs] == [0, 0, 0], runs[-1].stderr[-3000:]
    assert log.count(post) == 2
    db = sqlite_utils.Database(db_path)
    article, = db["articles"].rows
    assert "inschrijvingstermijn is verlengd" in article["text"]
    assert db["versions"].count == 1
