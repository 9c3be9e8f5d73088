"""The news spider and page reading, fourth pass against docs/reference/news-sites.md as an evaluator
would test it: loopback sites of SYNTHETIC pages (labelled like tests/fixtures/news) in the markup
of the CMS families of §2.1, crawled with ``tenderarchive crawl news`` into a real archive."""

from __future__ import annotations

import time
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
import sqlite_utils

from tests import forkcli
from tests.conftest import ROOT
from tests.spiders.test_news import crawl_news
from tests.spiders.test_news_reference import SYNTHETIC_HEAD, registry, serve
from tenderarchive.urls import page_key

HTML = "text/html; charset=UTF-8"


def after_lastmod(lastmod: str) -> None:
    """Wait until a second after ``lastmod`` (a crawl forked from a warm process fetches within a
    second, and fetch times are kept to the second): the next fetch is after the change."""
    while datetime.now(timezone.utc) < datetime.fromisoformat(lastmod) + timedelta(seconds=1):
        time.sleep(0.1)


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


def test_a_sitemap_post_whose_address_dates_it_outside_the_window_is_not_fetched_whatever_its_lastmod(tmp_path):
    """§2.3 "ISO in URL" (``/2021/07/29/``, jeugdhulprijnmond.nl): a WordPress permalink carries the post's day. A
    sitemap ``lastmod`` is when a page last changed (an edit, a theme update touches every post) and judges only the
    window's start: a ``--from-date``/``--until-date`` crawl fetched every post changed since, each older or later
    one only to drop it once read. Such a post is not asked; one inside is archived."""
    posts = {"/2021/07/29/contourenbesluit-jeugdhulp/": ("Contourenbesluit jeugdhulp", "2021-07-29T08:00:00+00:00"),
             "/2022/03/15/aanbesteding-jeugdhulp-gestart/": ("Aanbesteding jeugdhulp gestart", "2022-03-15T08:00:00+00:00"),
             "/2023/05/02/jeugdhulp-definitief-gegund/": ("Jeugdhulp definitief gegund", "2023-05-02T08:00:00+00:00")}
    log: list[str] = []
    routes = {"/robots.txt": ("text/plain", b"User-agent: *\nDisallow: /wp-admin/\n"),
              "/wp-sitemap.xml": lambda base: ("application/xml", (
                  '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                  + "".join(f"<url><loc>{base}{p[1:]}</loc><lastmod>2024-01-10T09:00:00+00:00</lastmod></url>"
                            for p in posts) + "</urlset>").encode())}
    for path, (title, published) in posts.items():
        routes[path] = wordpress_post(title, published, "<p>De regio heeft de aanbesteding van specialistische "
                                      "jeugdhulp gepubliceerd.</p>")
    with serve(routes, log) as base:
        path = registry(tmp_path, base_url=base, cms="wordpress", discovery={"sitemaps": ["wp-sitemap.xml"]})
        completed = crawl_news(path, tmp_path / "archive.db", "--from-date", "2022-01-01", "--until-date", "2022-12-31")
    assert completed.returncode == 0, completed.stderr[-3000:]
    db = sqlite_utils.Database(tmp_path / "archive.db")
    assert [r["title"] for r in db["articles"].rows] == ["Aanbesteding jeugdhulp gestart"]
    assert [p for p in posts if p in log] == ["/2022/03/15/aanbesteding-jeugdhulp-gestart/"]


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
        after_lastmod(text["lastmod"])
        runs.append(crawl_news(path, db_path))
        runs.append(crawl_news(path, db_path))
    assert [r.returncode for r in runs] == [0, 0, 0], runs[-1].stderr[-3000:]
    assert log.count(post) == 2
    db = sqlite_utils.Database(db_path)
    article, = db["articles"].rows
    assert "inschrijvingstermijn is verlengd" in article["text"]
    assert db["versions"].count == 1


def test_an_archived_post_updated_in_a_from_date_window_is_fetched_again_though_published_before_it(tmp_path):
    """§2.1 WordPress/Atom feeds: an entry's ``updated`` is when the post changed, its ``published`` when it appeared.
    A ``--from-date`` crawl (the incremental re-crawl of the last days) skipped an archived post changed inside the
    window by its publication day before it: the update was never archived, though pipelines/extract.py keeps an
    archived page's next version whatever its date. It is fetched and kept as a new version, the old one kept."""
    text = {"body": "<p>De regio heeft de aanbesteding van specialistische jeugdhulp gepubliceerd.</p>",
            "updated": "2021-10-14T10:00:00+00:00"}
    post = "/nieuws/aanbesteding-jeugdhulp/"
    log: list[str] = []
    routes = {"/robots.txt": ("text/plain", b"User-agent: *\nDisallow: /wp-admin/\n"),
              "/feed/atom/": lambda base: ("application/atom+xml; charset=UTF-8", (
                  '<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
                  f"<title>Jeugdhulp Voorbeeldregio</title><id>{base}</id><updated>{text['updated']}</updated>"
                  f'<entry><title>Aanbesteding jeugdhulp</title><link rel="alternate" href="{base}{post[1:]}"/>'
                  f"<id>{base}?p=101</id><published>2021-10-14T10:00:00+00:00</published>"
                  f"<updated>{text['updated']}</updated></entry></feed>").encode()),
              post: lambda base: wordpress_post("Aanbesteding jeugdhulp", "2021-10-14T10:00:00+00:00", text["body"])}
    with serve(routes, log) as base:
        path = registry(tmp_path, base_url=base, cms="wordpress", discovery={"feeds": ["feed/atom/"]})
        db_path = tmp_path / "archive.db"
        runs = [crawl_news(path, db_path)]
        fetched_at, = [r["fetched_at"] for r in sqlite_utils.Database(db_path)["articles"].rows]
        changed = datetime.fromisoformat(fetched_at) + timedelta(seconds=1)
        text["updated"] = changed.strftime("%Y-%m-%dT%H:%M:%S+00:00")
        text["body"] += "<p>Update: de inschrijvingstermijn is verlengd tot 1 december 2021.</p>"
        after_lastmod(text["updated"])
        from_date = changed.astimezone(ZoneInfo("Europe/Amsterdam")).date().isoformat()
        runs.append(crawl_news(path, db_path, "--from-date", from_date))
    assert [r.returncode for r in runs] == [0, 0], runs[-1].stderr[-3000:]
    assert log.count(post) == 2
    db = sqlite_utils.Database(db_path)
    article, = db["articles"].rows
    assert "inschrijvingstermijn is verlengd" in article["text"] and article["published"].startswith("2021-10-14")
    assert db["versions"].count == 1


def drupal_page(title: str, submitted: str, version: int) -> tuple[str, bytes]:
    """A Drupal node as Drupal 7 (Bartik: ``div.submitted``) or Drupal 9 (``node__submitted`` in the
    node's ``<footer>``) renders it, with the default date format kept (``D, m/d/Y - H:i``, the weekday
    translated) and a "Meer nieuws" view under it."""
    if version == 7:
        meta = f'<div class="meta submitted"><span property="dc:date dc:created" rel="sioc:has_creator">{submitted}</span></div>'
    else:
        meta = f'<footer class="node__meta"><div class="node__submitted">{submitted}</div></footer>'
    return (HTML, f"""<!DOCTYPE html><html lang="nl" dir="ltr"><head><meta charset="utf-8">
<meta name="Generator" content="Drupal {version} (https://www.drupal.org)"><title>{title} | Gemeente Voorbeeld</title>
{SYNTHETIC_HEAD}</head><body class="path-node page-node-type-article">
<a href="#main-content" class="visually-hidden focusable skip-link">Overslaan en naar de inhoud gaan</a>
<header role="banner"><a href="/" rel="home" class="site-logo">Gemeente Voorbeeld</a><nav role="navigation"
aria-labelledby="block-hoofdmenu"><h2 id="block-hoofdmenu" class="visually-hidden">Hoofdnavigatie</h2><ul><li><a href="/">Home</a>
</li><li><a href="/nieuws">Nieuws</a></li></ul></nav></header>
<main role="main"><a id="main-content" tabindex="-1"></a><h1 class="page-title">{title}</h1>
<article role="article" class="node node--type-article node--view-mode-full">{meta}
<div class="node__content"><div class="field field--name-body field--type-text-with-summary">
<p>Het college heeft de opdracht voor specialistische jeugdhulp voorlopig gegund aan drie aanbieders. Inschrijvers
die het niet eens zijn met de gunning kunnen binnen twintig dagen bezwaar maken.</p></div></div></article>
<div class="views-element-container"><h2>Meer nieuws</h2><div class="views-row"><span class="date">02/02/2019</span>
<a href="/nieuws/nieuwe-speeltuin">Nieuwe speeltuin geopend</a></div></div></main>
<footer role="contentinfo"><p>Gemeente Voorbeeld, Postbus 1</p></footer></body></html>""".encode())


def test_a_drupal_date_in_its_default_month_first_format_dates_the_page(tmp_path):
    """§2.1 Drupal; §2.3 numeric dates. Drupal's default date formats are ``D, m/d/Y - H:i`` (medium) and
    ``m/d/Y - H:i`` (short); a Dutch site that never changed them shows "do, 10/14/2021 - 16:05" in the
    node's "Ingezonden door … op …" line. It was left unread (month 14), and "do, 03/04/2021" in a
    "Geplaatst op" line was read as 3 April: the weekday says 4 March. A Dutch "03/04/2021" stays 3 April."""
    nodes = {"/nieuws/voorlopige-gunning-jeugdhulp": ("Voorlopige gunning jeugdhulp", "Ingezonden door redactie op do, 10/14/2021 - 16:05", 7),
             "/nieuws/gunning-jeugdhulp-ggz": ("Gunning jeugd-ggz", "Geplaatst op do, 03/04/2021 - 09:30", 9),
             "/nieuws/inkoop-jeugdhulp-gestart": ("Inkoop jeugdhulp gestart", "Ingezonden door webredactie op 11/23/2021 - 10:00", 9),
             "/nieuws/dyslexiezorg-gegund": ("Dyslexiezorg gegund", "Geplaatst op 03/04/2021", 9)}
    listing = "".join(f'<div class="views-row"><a href="{p}">{t}</a></div>' for p, (t, _, _) in nodes.items())
    routes = {"/robots.txt": ("text/plain", b"User-agent: *\nDisallow: /admin/\n"),
              "/nieuws": (HTML, f"<html><head>{SYNTHETIC_HEAD}</head><body><main>{listing}</main></body></html>".encode())}
    for path, (title, submitted, version) in nodes.items():
        routes[path] = drupal_page(title, submitted, version)
    with serve(routes) as base:
        path = registry(tmp_path, base_url=base, cms="drupal", discovery={"listing": {"urls": ["nieuws"]}},
                        allow=["^/nieuws/"])
        completed = crawl_news(path, tmp_path / "archive.db")
    assert completed.returncode == 0, completed.stderr[-3000:]
    db = sqlite_utils.Database(tmp_path / "archive.db")
    found = {r["title"]: (r["published"], r["published_source"]) for r in db["articles"].rows}
    assert found == {"Voorlopige gunning jeugdhulp": ("2021-10-14T16:05", "stated"),
                     "Gunning jeugd-ggz": ("2021-03-04T09:30", "stated"),
                     "Inkoop jeugdhulp gestart": ("2021-11-23T10:00", "stated"),
                     "Dyslexiezorg gegund": ("2021-04-03", "stated")}
    for row in db["articles"].rows:
        assert "Ingezonden" not in row["text"] and "Meer nieuws" not in row["text"] and "speeltuin" not in row["text"]


def typo3_detail(title: str, day: str) -> tuple[str, bytes]:
    """A TYPO3 EXT:news detail view: teaser and body apart, the date in ``span.news-list-date > time``."""
    return (HTML, f"""<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>{title}: Gemeente Voorbeeld</title>
{SYNTHETIC_HEAD}<meta name="generator" content="TYPO3 CMS"></head><body>
<header id="header"><nav class="navbar"><ul><li><a href="/index.php?id=1">Home</a></li><li><a href="/index.php?id=12">Nieuws</a></li></ul></nav></header>
<div id="content"><div class="news news-single"><div class="article" itemscope="itemscope" itemtype="http://schema.org/Article">
<div class="header"><h1 itemprop="headline">{title}</h1></div>
<div class="footer"><p><span class="news-list-date"><time itemprop="datePublished" datetime="{day}">{day[8:10]}-{day[5:7]}-{day[:4]}</time></span></p></div>
<div class="teaser-text" itemprop="description"><p>De gemeenten in de regio hebben de aanbesteding voor jeugdhulp afgerond.</p></div>
<div class="news-text-wrap" itemprop="articleBody"><p>Drie aanbieders krijgen de opdracht voor ambulante jeugdhulp. De contracten gaan in
per 1 januari 2022.</p></div></div></div></div>
<footer id="footer"><p>Gemeente Voorbeeld</p></footer></body></html>""".encode())


def test_an_older_typo3_sitemap_page_type_named_in_robots_txt_leads_to_its_unrouted_news_details(tmp_path):
    """§2.1 TYPO3: "older TYPO3 sites expose sitemaps as ``?type=200``-style page types, announced in
    robots.txt"; EXT:news detail URLs without route enhancers are ``index.php?id=N&tx_news_pi1[news]=M
    &tx_news_pi1[controller]=News&tx_news_pi1[action]=detail&cHash=…``: each one page, its ``cHash`` kept."""
    details = {f"/index.php?id=14&tx_news_pi1%5Bnews%5D={n}&tx_news_pi1%5Bcontroller%5D=News&tx_news_pi1%5Baction%5D=detail"
               f"&cHash={n * 7919:x}c0": (title, day) for n, title, day in (
                   (45, "Aanbesteding jeugdhulp afgerond", "2021-10-14"), (46, "Inkoop jeugdhulp van start", "2021-03-01"))}
    log: list[str] = []
    routes = {"/robots.txt": lambda base: ("text/plain", f"User-agent: *\nDisallow: /typo3/\nSitemap: {base}index.php?type=200\n".encode()),
              "/index.php?type=200": lambda base: ("text/xml; charset=utf-8", (
                  '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                  + "".join(f"<url><loc>{base}{p[1:].replace('&', '&amp;')}</loc></url>" for p in details)
                  + "</urlset>").encode())}
    for path, (title, day) in details.items():
        routes[path] = typo3_detail(title, day)
    with serve(routes, log) as base:
        path = registry(tmp_path, base_url=base, cms="typo3", discovery={"robots_sitemaps": True})
        completed = crawl_news(path, tmp_path / "archive.db")
    assert completed.returncode == 0, completed.stderr[-3000:]
    db = sqlite_utils.Database(tmp_path / "archive.db")
    rows = {r["title"]: r for r in db["articles"].rows}
    assert {t: (r["published"], r["published_source"]) for t, r in rows.items()} == {
        "Aanbesteding jeugdhulp afgerond": ("2021-10-14", "stated"), "Inkoop jeugdhulp van start": ("2021-03-01", "stated")}
    assert sorted(r["url"] for r in rows.values()) == sorted(base + p[1:] for p in details)
    for row in rows.values():
        assert row["text"].startswith("De gemeenten in de regio") and "Home" not in row["text"]


@pytest.mark.parametrize("robots", [
    pytest.param("\ufeffSitemap: {base}index.php?type=200\r\nUser-agent: *\r\nDisallow: /typo3/\r\n", id="byte-order-mark"),
    pytest.param("User-agent: *\rDisallow: /typo3/\rSitemap: {base}index.php?type=200\r", id="carriage-returns"),
])
def test_a_sitemap_line_in_a_robots_txt_with_a_byte_order_mark_or_bare_carriage_returns_is_read(tmp_path, robots):
    """§2.1 TYPO3: sitemaps "announced in robots.txt". A robots.txt saved by a Windows editor starts with a UTF-8 byte
    order mark, and RFC 9309 §2.2 ends a line with CR, LF or CRLF: the ``Sitemap:`` line first after the mark, or
    in a file of CR line ends, was not seen, so the sitemap at ``?type=200`` was never read and no news archived
    (the fallback ``/sitemap.xml`` is no page here)."""
    detail = "/index.php?id=14&tx_news_pi1%5Bnews%5D=45&tx_news_pi1%5Bcontroller%5D=News&tx_news_pi1%5Baction%5D=detail"
    routes = {"/robots.txt": lambda base: ("text/plain", robots.format(base=base).encode("utf-8")),
              "/index.php?type=200": lambda base: ("text/xml; charset=utf-8", (
                  '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                  f"<url><loc>{base}{detail[1:].replace('&', '&amp;')}</loc></url></urlset>").encode()),
              detail: typo3_detail("Aanbesteding jeugdhulp afgerond", "2021-10-14")}
    with serve(routes, []) as base:
        path = registry(tmp_path, base_url=base, cms="typo3", discovery={"robots_sitemaps": True})
        completed = crawl_news(path, tmp_path / "archive.db")
    assert completed.returncode == 0, completed.stderr[-3000:]
    rows = list(sqlite_utils.Database(tmp_path / "archive.db")["articles"].rows)
    assert [(r["title"], r["published"], r["url"]) for r in rows] == [
        ("Aanbesteding jeugdhulp afgerond", "2021-10-14", base + detail[1:])]


def iprox_page(title: str, extra: str = "") -> tuple[str, bytes]:
    """An iprox article that states no date of its own (the site shows it in the listing only)."""
    return (HTML, f"""<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>{title} - Gemeente Voorbeeld</title>
{SYNTHETIC_HEAD}<meta property="dcterms:title" content="{title}"></head><body>
<div id="skiplinks"><a href="#content">Direct naar de inhoud</a></div>
<header><nav class="iprox-navigation"><ul><li><a href="/inwoner">Inwoner</a></li><li><a href="/actueel">Actueel</a></li></ul></nav></header>
<div id="content" class="grid-blok"><h1>{title}</h1>{extra}
<div class="iprox-rich-content iprox-content"><p>De gemeenten in de regio hebben de aanbesteding voor specialistische
jeugdhulp gepubliceerd. Aanbieders kunnen zich inschrijven voor de percelen ambulante hulp en verblijf.</p></div></div>
<footer><a href="/contact">Contact</a></footer></body></html>""".encode())


def test_an_articles_listing_or_feed_date_dates_it_when_the_page_states_none(tmp_path):
    """§2.3 "iprox listing date: ``dd maandnaam yyyy`` in ``div.iprox-date`` (…) may carry a suffix after
    `` - ``": the om.nl and provincial scrapers of §2.1 take the date from the listing, where iprox shows
    it, and the article page may show none. Such a page was archived undated (a project page); it is
    dated by its listing entry (``published_source`` ``listing``), or by its feed item's ``pubDate``
    (``feed``), unless it states a date of its own. A closing date in an entry is no publication date."""
    entries = [("/actueel/nieuws/gunning-jeugdhulp", "Gunning jeugdhulp", '<div class="iprox-content iprox-date date">14 december 2020 - Nieuwsbericht</div>'),
               ("/actueel/nieuws/inkoop-jeugdhulp", "Inkoop jeugdhulp gestart", '<p class="meta"><time datetime="2021-03-01T09:15:00+01:00">1 maart 2021</time></p>'),
               ("/actueel/nieuws/marktconsultatie-jeugdhulp", "Marktconsultatie jeugdhulp", "<p>Sluitingsdatum 1 maart 2021</p>"),
               ("/actueel/nieuws/eigen-datum", "Bericht met eigen datum", '<div class="iprox-content iprox-date date">2 februari 2021</div>')]
    listing = "".join(f'<div class="grid-element"><div class="grid-edge"><h3><a class="siteLink" href="{p}">{t}</a></h3>{d}'
                      "<p>Lees meer over de inkoop van jeugdhulp in de regio.</p></div></div>" for p, t, d in entries)
    routes = {"/robots.txt": ("text/plain", b"User-agent: *\nAllow: /\n"),
              "/actueel/nieuws": (HTML, (f"<!DOCTYPE html><html><head>{SYNTHETIC_HEAD}</head><body><nav><a href='/inwoner'>Inwoner</a></nav>"
                                         f"<div id='results'>{listing}</div></body></html>").encode()),
              "/feed.xml": lambda base: ("application/rss+xml", (
                  '<?xml version="1.0"?><rss version="2.0"><channel><title>Nieuws</title><item><title>Dyslexiezorg</title>'
                  f"<link>{base}actueel/nieuws/dyslexiezorg</link><pubDate>Tue, 05 Oct 2021 22:30:00 +0000</pubDate></item>"
                  "</channel></rss>").encode()),
              "/actueel/nieuws/dyslexiezorg": iprox_page("Dyslexiezorg gegund")}
    for path, title, _ in entries:
        routes[path] = iprox_page(title, "<p>Gepubliceerd op: 3 februari 2021</p>" if "eigen" in path else "")
    with serve(routes) as base:
        path = registry(tmp_path, base_url=base, cms="iprox",
                        discovery={"listing": {"urls": ["actueel/nieuws"]}, "feeds": ["feed.xml"]}, allow=["^/actueel/nieuws/"])
        completed = crawl_news(path, tmp_path / "archive.db")
    assert completed.returncode == 0, completed.stderr[-3000:]
    db = sqlite_utils.Database(tmp_path / "archive.db")
    found = {r["title"]: (r["published"], r["published_source"], r["published_precision"], r["page_type"])
             for r in db["articles"].rows}
    assert found == {"Gunning jeugdhulp": ("2020-12-14", "listing", "day", "news"),
                     "Inkoop jeugdhulp gestart": ("2021-03-01T09:15", "listing", "minute", "news"),
                     "Marktconsultatie jeugdhulp": (None, None, None, "news"),
                     "Bericht met eigen datum": ("2021-02-03", "stated", "day", "news"),
                     "Dyslexiezorg gegund": ("2021-10-06T00:30", "feed", "minute", "news")}
    # the archive is derived: rebuilt from the WARC store alone (the listing and feed replayed), the same dates
    rebuilt = forkcli.run(["reparse", "--db", str(tmp_path / "archive.db")], cwd=ROOT, timeout=300)
    assert rebuilt.returncode == 0, rebuilt.stderr[-3000:]
    assert {r["title"]: (r["published"], r["published_source"], r["published_precision"], r["page_type"])
            for r in sqlite_utils.Database(tmp_path / "archive.db")["articles"].rows} == found


def themed_post(title: str, meta: str) -> tuple[str, bytes]:
    """A post of a WordPress theme that prints its date and author in one line under the title and
    no date in its markup (no ``<time>``, no meta tags)."""
    return (HTML, f"""<!doctype html><html lang="nl-NL"><head><meta charset="UTF-8"><title>{title} &#8211; Lokaal Nieuws</title>
{SYNTHETIC_HEAD}</head><body class="post-template-default single"><div id="page"><header id="masthead"><div class="site-branding">
<p class="site-title"><a href="/" rel="home">Lokaal Nieuws</a></p></div><nav id="site-navigation"><a href="/">Home</a></nav></header>
<div id="content"><article class="post"><h1 class="entry-title">{title}</h1><div class="entry-meta">{meta}</div>
<div class="entry-content"><p>De gemeenteraad heeft ingestemd met de inkoop van specialistische jeugdhulp samen met de
regiogemeenten. De aanbesteding start in het voorjaar.</p></div></article></div></div></body></html>""".encode())


def test_a_themes_date_line_with_its_author_or_posted_label_dates_the_post(tmp_path):
    """§2.3 "date line under title" and "byline + numeric": WordPress themes print "14 oktober 2021 door
    Redactie" (the date, then the author) or "Gepost op 14 oktober 2021"; neither was read, and such a
    post of a theme that writes no date markup was archived undated, its date line in its text."""
    posts = {"/nieuws/jeugdhulp-raad": ("Raad stemt in met inkoop jeugdhulp", '14 oktober 2021 door <a href="/author/redactie/">Redactie</a>'),
             "/nieuws/jeugdhulp-voorjaar": ("Aanbesteding jeugdhulp in het voorjaar", "Gepost op 3 november 2021")}
    routes = {"/robots.txt": ("text/plain", b"User-agent: *\nAllow: /\n"),
              "/nieuws": (HTML, ("<html><head></head><body><main>" + "".join(
                  f'<h2><a href="{p}">{t}</a></h2>' for p, (t, _) in posts.items()) + "</main></body></html>").encode())}
    for path, (title, meta) in posts.items():
        routes[path] = themed_post(title, meta)
    with serve(routes) as base:
        path = registry(tmp_path, base_url=base, cms="wordpress", discovery={"listing": {"urls": ["nieuws"]}}, allow=["^/nieuws/"])
        completed = crawl_news(path, tmp_path / "archive.db")
    assert completed.returncode == 0, completed.stderr[-3000:]
    rows = {r["title"]: r for r in sqlite_utils.Database(tmp_path / "archive.db")["articles"].rows}
    assert {t: (r["published"], r["published_source"]) for t, r in rows.items()} == {
        "Raad stemt in met inkoop jeugdhulp": ("2021-10-14", "stated"),
        "Aanbesteding jeugdhulp in het voorjaar": ("2021-11-03", "stated")}
    assert not any("Redactie" in r["text"] or "Gepost" in r["text"] for r in rows.values())


def test_a_page_whose_lastmod_moved_but_not_its_text_is_fetched_once_for_that_lastmod(tmp_path):
    """A second run finds only what changed (§2.1 sitemaps' ``lastmod``): a CMS moves a page's ``lastmod``
    without changing its text (a comment, a widget). The page is fetched again once, nothing is written
    (no version, the article unchanged), and a third run does not fetch it again for the same ``lastmod``:
    the archived row kept its first fetch time, so every later crawl fetched it again."""
    state = {"lastmod": "2021-10-15T00:30:00+02:00"}
    post = "/nieuws/aanbesteding-jeugdhulp/"
    log: list[str] = []
    routes = {"/robots.txt": lambda base: ("text/plain", f"User-agent: *\nSitemap: {base}post-sitemap.xml\n".encode()),
              "/post-sitemap.xml": lambda base: ("application/xml", (
                  '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                  f"<url><loc>{base}{post[1:]}</loc><lastmod>{state['lastmod']}</lastmod></url></urlset>").encode()),
              post: wordpress_post("Aanbesteding jeugdhulp", "2021-10-14T22:30:00+00:00",
                                   "<p>De regio heeft de aanbesteding van specialistische jeugdhulp gepubliceerd.</p>")}
    with serve(routes, log) as base:
        path = registry(tmp_path, base_url=base, cms="wordpress", discovery={"robots_sitemaps": True})
        db_path = tmp_path / "archive.db"
        runs = [crawl_news(path, db_path)]
        first, = sqlite_utils.Database(db_path)["articles"].rows
        state["lastmod"] = (datetime.fromisoformat(first["fetched_at"]) + timedelta(seconds=1)).strftime("%Y-%m-%dT%H:%M:%S+00:00")
        after_lastmod(state["lastmod"])
        runs.append(crawl_news(path, db_path))
        asked = log.count(post)
        runs.append(crawl_news(path, db_path))
    assert [r.returncode for r in runs] == [0, 0, 0], runs[-1].stderr[-3000:]
    assert (asked, log.count(post)) == (2, 2)
    db = sqlite_utils.Database(db_path)
    assert list(db["articles"].rows) == [first] and db["versions"].count == 0


def test_an_atom_entry_dates_its_page_by_published_and_is_fetched_again_when_updated(tmp_path):
    """An Atom feed (§2.1 WordPress: built-in RSS2/Atom feeds) gives each entry ``<published>`` and
    ``<updated>``: a page that states no date is dated by its publication (``feed``), and a later
    ``<updated>`` fetches the archived page again (its change is a new version)."""
    state = {"updated": "2021-10-06T09:00:00Z", "body": "<p>De regio heeft de aanbesteding van jeugdhulp gepubliceerd.</p>"}
    page = "/nieuws/aanbesteding-jeugdhulp"
    log: list[str] = []
    routes = {"/robots.txt": ("text/plain", b"User-agent: *\nAllow: /\n"),
              "/feed/atom/": lambda base: ("application/atom+xml", (
                  '<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Nieuws</title>'
                  f'<entry><title>Aanbesteding jeugdhulp</title><link rel="alternate" href="{base}{page[1:]}"/>'
                  f"<published>2021-10-05T22:30:00Z</published><updated>{state['updated']}</updated></entry></feed>").encode()),
              page: lambda base: iprox_page("Aanbesteding jeugdhulp", state["body"])}
    with serve(routes, log) as base:
        path = registry(tmp_path, base_url=base, cms="wordpress", discovery={"feeds": ["feed/atom/"]})
        db_path = tmp_path / "archive.db"
        runs = [crawl_news(path, db_path)]
        first, = sqlite_utils.Database(db_path)["articles"].rows
        state["updated"] = (datetime.fromisoformat(first["fetched_at"]) + timedelta(seconds=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
        state["body"] += "<p>De inschrijvingstermijn is verlengd.</p>"
        after_lastmod(state["updated"].replace("Z", "+00:00"))
        runs.append(crawl_news(path, db_path))
    assert [r.returncode for r in runs] == [0, 0], runs[-1].stderr[-3000:]
    assert (first["published"], first["published_source"]) == ("2021-10-06T00:30", "feed")
    assert log.count(page) == 2
    db = sqlite_utils.Database(db_path)
    article, = db["articles"].rows
    assert "verlengd" in article["text"] and article["published"] == "2021-10-06T00:30" and db["versions"].count == 1


@pytest.mark.parametrize("one, other", [
    ("https://www.voorbeeld.nl:443/nieuws/bericht", "https://www.voorbeeld.nl/nieuws/bericht"),
    ("http://voorbeeld.nl:80/nieuws/bericht", "https://voorbeeld.nl/nieuws/bericht"),
    ("https://www.voorbeeld.nl/nieuws/bericht?PHPSESSID=9f8e7d&id=4", "https://www.voorbeeld.nl/nieuws/bericht?id=4"),
    ("https://www.voorbeeld.nl/nieuws/bericht;jsessionid=0A1B2C", "https://www.voorbeeld.nl/nieuws/bericht"),
    ("https://www.voorbeeld.nl/nieuws/bericht?_ga=2.1234.5678&_gl=1*abc", "https://www.voorbeeld.nl/nieuws/bericht"),
])
def test_a_default_port_a_session_id_and_a_linker_parameter_make_no_other_page(one, other):
    assert page_key(one) == page_key(other)


def test_other_ports_and_parameters_stay_apart():
    assert page_key("http://voorbeeld.nl:8080/nieuws/bericht") != page_key("http://voorbeeld.nl/nieuws/bericht")
    assert page_key("https://voorbeeld.nl/nieuws?sid=2") != page_key("https://voorbeeld.nl/nieuws?sid=3")


def test_links_with_a_session_id_or_an_analytics_linker_fetch_the_page_once(tmp_path):
    """§2.2 URL patterns: a site that writes its visitor's session into links for a client without
    cookies (PHP's ``?PHPSESSID=``, a Java server's ``;jsessionid=``) or Google Analytics' linker
    (``?_ga=``) gave one page several URLs: fetched and archived once each time."""
    log: list[str] = []
    hrefs = ["/nieuws/gunning-jeugdhulp?PHPSESSID=9f8e7d6c5b4a", "/nieuws/gunning-jeugdhulp;jsessionid=0A1B2C3D",
             "/nieuws/gunning-jeugdhulp?_ga=2.1234.5678", "/nieuws/gunning-jeugdhulp"]
    listing = "".join(f'<li><a href="{h}">Gunning jeugdhulp</a></li>' for h in hrefs)
    routes = {"/robots.txt": ("text/plain", b"User-agent: *\nAllow: /\n"),
              "/nieuws": (HTML, f"<html><head>{SYNTHETIC_HEAD}</head><body><main><ul>{listing}</ul></main></body></html>".encode())}
    for href in hrefs:
        routes[href] = iprox_page("Gunning jeugdhulp")
    with serve(routes, log) as base:
        path = registry(tmp_path, base_url=base, discovery={"listing": {"urls": ["nieuws"]}}, allow=["^/nieuws/"])
        completed = crawl_news(path, tmp_path / "archive.db")
    assert completed.returncode == 0, completed.stderr[-3000:]
    assert [p for p in log if p.startswith("/nieuws/")] == ["/nieuws/gunning-jeugdhulp"]
    assert [r["url"] for r in sqlite_utils.Database(tmp_path / "archive.db")["articles"].rows] == [base + "nieuws/gunning-jeugdhulp"]


def test_a_wordpress_archive_entry_with_author_and_category_links_still_dates_its_post(tmp_path):
    """A WordPress archive (``/nieuws/``, §2.1) lists each post as an ``<article>`` with its title link,
    a ``<time>`` and links to its author and category; a post of a theme that prints no date on its own
    page is dated by its entry (``listing``). The author and category links are no other articles (the
    site's ``allow`` refuses them), so they do not cut the entry off from its ``<time>``."""
    posts = [("/nieuws/2021-inkoop-jeugdhulp/", "Inkoop jeugdhulp gestart", "2021-10-14T16:05:00+02:00"),
             ("/nieuws/2021-gunning-jeugdhulp/", "Gunning jeugdhulp bekend", "2021-11-02T09:00:00+01:00")]
    entries = "".join(
        f'<article class="post"><h2 class="entry-title"><a href="{p}" rel="bookmark">{t}</a></h2><div class="entry-meta">'
        f'<time class="entry-date published" datetime="{d}">{d[:10]}</time> door <a href="/author/redactie/">Redactie</a>'
        f' in <a href="/category/jeugd/" rel="category tag">Jeugd</a></div><div class="entry-summary"><p>Samenvatting.</p>'
        f'</div><a class="more-link" href="{p}">Lees verder</a></article>' for p, t, d in posts)
    routes = {"/robots.txt": ("text/plain", b"User-agent: *\nAllow: /\n"),
              "/nieuws/": (HTML, f"<html><head>{SYNTHETIC_HEAD}</head><body><main>{entries}</main></body></html>".encode())}
    for path, title, _ in posts:
        routes[path] = themed_post(title, "")
    with serve(routes) as base:
        path = registry(tmp_path, base_url=base, cms="wordpress", discovery={"listing": {"urls": ["nieuws/"]}},
                        allow=[r"^/nieuws/\d{4}-"])
        completed = crawl_news(path, tmp_path / "archive.db")
    assert completed.returncode == 0, completed.stderr[-3000:]
    assert {r["title"]: (r["published"], r["published_source"]) for r in sqlite_utils.Database(tmp_path / "archive.db")["articles"].rows} == {
        "Inkoop jeugdhulp gestart": ("2021-10-14T16:05", "listing"), "Gunning jeugdhulp bekend": ("2021-11-02T09:00", "listing")}
