"""The news spider, twentieth pass against docs/reference/news-sites.md as an evaluator would test it:
loopback sites of SYNTHETIC pages (labelled like tests/fixtures/news), crawled with ``tenderarchive
crawl news`` into a real archive."""

from __future__ import annotations

import time
from datetime import datetime, timezone

import sqlite_utils

from tests import forkcli
from tests.conftest import ROOT
from tests.spiders.test_news import crawl_news
from tests.spiders.test_news_reference import ROBOTS, registry, serve
from tests.spiders.test_news_reference19 import (S1_LATER, S1_OPENING, SPLIT_SLUG, SPLIT_TITLE, crawl_split_post,
                                                 split_page, urlset)

#: SYNTHETIC readers' comments, one per page of a Drupal comment pager.
COMMENTS = ["Goed dat de regio hier werk van maakt.", "Wanneer horen de aanbieders meer over de dialoog?",
            "Ik mis de rol van de huisartsen in dit verhaal."]
#: SYNTHETIC titles of other news items, one per page of a "Meer nieuws" views block with a pager.
RELATED = ["Raad stemt in met regiovisie jeugd", "Nieuwe wethouder jeugd beëdigd", "Subsidieregeling sport verlengd",
           "Werkzaamheden aan de Stationsweg", "Openingstijden stadhuis rond de feestdagen"]


def pager(slug: str, current: int, last: int, element: str) -> str:
    """Drupal's pager (``nav.pager``, zero-based ``?page=N``, the link text one-based) on page ``current``."""
    items = "".join(f"<li class='pager__item is-active'>{n + 1}</li>" if n == current else
                    f"<li class='pager__item'><a href='{slug}?page={n}' title='Ga naar pagina {n + 1}'>{n + 1}</a></li>"
                    for n in range(last + 1))
    after = (f"<li class='pager__item pager__item--next'><a href='{slug}?page={current + 1}' rel='next'>Volgende</a>"
             "</li>" if current < last else "")
    return (f"<nav class='pager' role='navigation' aria-labelledby='{element}'><h4 id='{element}' "
            f"class='visually-hidden'>Paginering</h4><ul class='pager__items js-pager__items'>{items}{after}</ul></nav>")


def drupal_item(slug: str, comments_page: int = 0, related_page: int = 0) -> tuple[str, bytes]:
    """A SYNTHETIC Drupal news node ([S1]'s text, whole on one page) with its readers' comments, a page of them at
    a time under a pager (``?page=N`` on the node's own path), and a "Meer nieuws" views block under it, paged the
    same way (Drupal's pagers: zero-based ``?page=``, news-sites.md §2.1 Drupal)."""
    related = "".join(f"<div class='views-row'><a href='/nieuws/{n}'>{title}</a></div>"
                      for n, title in enumerate(RELATED) if n == related_page)
    return ("text/html; charset=utf-8", (
        "<!doctype html><html lang='nl'><head><meta name='tenderarchive-fixture' content='synthetic'>"
        f"<title>{SPLIT_TITLE} | Gemeente Voorbeeld</title></head><body class='path-node page-node-type-nieuws'>"
        "<main role='main'><div class='region region-content'>"
        f"<article class='node node--type-nieuws node--view-mode-full'><h1>{SPLIT_TITLE}</h1>"
        "<time datetime='2021-10-20T09:00:00+02:00'>20 oktober 2021</time>"
        f"<div class='field field--name-body'><p>{S1_OPENING}</p><p>{S1_LATER}</p></div>"
        "<section class='field field--name-comment comment-wrapper'><h2>Reacties</h2>"
        f"<article class='comment js-comment'><div class='field--name-comment-body'><p>{COMMENTS[comments_page]}</p>"
        f"</div></article>{pager(slug, comments_page, len(COMMENTS) - 1, 'pagination-comments')}</section></article>"
        "<div class='views-element-container block block-views block-views-blockmeer-nieuws-block-1'>"
        "<h2>Meer nieuws</h2><div class='view view-meer-nieuws view-id-meer_nieuws'><div class='view-content'>"
        f"{related}</div>{pager(slug, related_page, len(RELATED) - 1, 'pagination-related')}</div></div>"
        "</div></main></body></html>").encode())


def test_a_drupal_items_comment_and_related_news_pagers_are_no_pages_of_the_item(tmp_path):
    """§2.1 Drupal: zero-based ``?page=`` on the node's own path is also the pager of its readers' comments and of a
    "Meer nieuws" views block on it. Their links (``?page=2`` and up) were read as pages of an item split over
    several (refnews19's ``article_part_links``): each item cost up to ``NEWS_ARTICLE_MAX_PARTS`` requests more, a
    warning and ``news/article_parts_bounded``, and the comments of later pages joined the item's text. An item's
    own pager is in its text; a pager in a comments section, a views block, a related-items list or an ``aside`` is
    another list's."""
    log: list[str] = []
    slug = "/nieuws/nieuwe-manier-van-samenwerken"
    routes = {"/robots.txt": ROBOTS, "/sitemap.xml": urlset({slug: "2021-10-20"}), slug: drupal_item(slug)}
    routes.update({f"{slug}?page={n}": drupal_item(slug, comments_page=min(n, len(COMMENTS) - 1), related_page=n)
                   for n in range(1, len(RELATED))})
    archive = tmp_path / "archive.db"
    with serve(routes, log) as base:
        crawl = crawl_news(registry(tmp_path, base_url=base, cms="drupal", discovery={"sitemaps": ["sitemap.xml"]},
                                    allow=["^/nieuws/"]), archive)
    assert crawl.returncode == 0, crawl.stderr[-3000:]
    assert [path for path in log if path.startswith(slug)] == [slug]
    [article] = sqlite_utils.Database(archive)["articles"].rows
    assert S1_OPENING in article["text"] and S1_LATER in article["text"]
    assert not any(comment in article["text"] for comment in COMMENTS[1:])
    assert not any(title in article["text"] for title in RELATED[1:])


def test_a_wordpress_items_own_pager_beside_its_comments_is_still_read(tmp_path):
    """The item's own pager (``wp_link_pages`` in its text) is still read when the page has a comments section."""
    slug = SPLIT_SLUG
    first = split_page(S1_OPENING, f"1 <a href='{slug}2/' class='post-page-numbers'>2</a>")
    body = first[1].replace(b"</article>", b"<div id='comments' class='comments-area'><h2>Reacties</h2>"
                                           b"<p>Nog geen reacties.</p></div></article>")
    crawl = crawl_split_post(tmp_path, {
        slug: (first[0], body),
        f"{slug}2/": split_page(S1_LATER, f"<a href='{slug}' class='post-page-numbers'>1</a> 2")})
    assert crawl.returncode == 0, crawl.stderr[-3000:]
    [article] = sqlite_utils.Database(tmp_path / "archive.db")["articles"].rows
    assert S1_OPENING in article["text"] and S1_LATER in article["text"]


def regional_item(paragraphs: list[str], free: bool) -> tuple[str, bytes]:
    """A SYNTHETIC regional news site's item ([S1]'s text): whole while free, later behind its paywall (its lead
    alone, and schema.org's ``isAccessibleForFree: false`` in its JSON-LD, Google's markup of paywalled content)."""
    ld = ('{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "%s", '
          '"datePublished": "2021-10-20T09:00:00+02:00", "isAccessibleForFree": %s, "hasPart": {"@type": '
          '"WebPageElement", "isAccessibleForFree": false, "cssSelector": ".paywall"}}'
          % (SPLIT_TITLE, "true" if free else "false"))
    wall = "" if free else "<div class='paywall'><p>Lees verder met een abonnement.</p></div>"
    return ("text/html; charset=utf-8", (
        "<!doctype html><html lang='nl'><head><meta name='tenderarchive-fixture' content='synthetic'>"
        f"<title>{SPLIT_TITLE}</title><script type='application/ld+json'>{ld}</script></head><body><main><article>"
        f"<h1>{SPLIT_TITLE}</h1><time datetime='2021-10-20T09:00:00+02:00'>20 oktober 2021</time>"
        + "".join(f"<p>{p}</p>" for p in paragraphs) + f"{wall}</article></main></body></html>").encode())


def test_an_item_gone_behind_a_paywall_is_not_archived_over_its_whole_text(tmp_path):
    """§2.4 a regional news site: an item free when first read goes behind the site's paywall days later, and a
    re-crawl read its teaser (the lead alone; the page says so in schema.org's ``isAccessibleForFree: false``). The
    teaser was archived over the item's whole text as its next version: the current text the lead alone. The whole
    text stays current; a teaser is archived only where nothing longer is (an item first read behind the wall)."""
    slug = "/regio/nieuwe-manier-van-samenwerken"
    routes = {"/robots.txt": ROBOTS, "/sitemap.xml": urlset({slug: "2021-10-20"}),
              slug: regional_item([S1_OPENING, S1_LATER], free=True)}
    archive = tmp_path / "archive.db"
    log: list[str] = []
    with serve(routes, log) as base:
        sources = registry(tmp_path, base_url=base, discovery={"sitemaps": ["sitemap.xml"]}, allow=["^/regio/"])
        first = crawl_news(sources, archive)
        assert first.returncode == 0, first.stderr[-3000:]
        time.sleep(1.1)  # changed after the first crawl fetched it, its sitemap says
        routes.update({"/sitemap.xml": urlset({slug: datetime.now(timezone.utc).isoformat(timespec="seconds")}), slug: regional_item([S1_OPENING], free=False)})
        del log[:]
        again = crawl_news(sources, archive)
        assert again.returncode == 0, again.stderr[-3000:]
    assert slug in log
    [article] = sqlite_utils.Database(archive)["articles"].rows
    assert S1_OPENING in article["text"] and S1_LATER in article["text"]
    rebuilt = forkcli.run(["reparse", "--db", str(archive)], cwd=ROOT, timeout=300)
    assert rebuilt.returncode == 0, rebuilt.stderr[-3000:]
    assert [r["text"] for r in sqlite_utils.Database(archive)["articles"].rows] == [article["text"]]


def test_an_item_first_read_behind_a_paywall_is_archived_as_its_teaser(tmp_path):
    slug = "/regio/nieuwe-manier-van-samenwerken"
    routes = {"/robots.txt": ROBOTS, "/sitemap.xml": urlset({slug: "2021-10-20"}),
              slug: regional_item([S1_OPENING], free=False)}
    archive = tmp_path / "archive.db"
    with serve(routes) as base:
        crawl = crawl_news(registry(tmp_path, base_url=base, discovery={"sitemaps": ["sitemap.xml"]},
                                    allow=["^/regio/"]), archive)
    assert crawl.returncode == 0, crawl.stderr[-3000:]
    [article] = sqlite_utils.Database(archive)["articles"].rows
    assert S1_OPENING in article["text"]
