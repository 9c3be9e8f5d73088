"""The news spider, thirty-sixth pass against docs/reference/news-sites.md as an evaluator would test it: the agenda
items of a council information system (iBabs, Notubiz, a municipal "raadsinformatie"), short pages under the site's
menu; loopback sites of SYNTHETIC pages (labelled like tests/fixtures/news) around a real text, crawled with
``tenderarchive crawl news`` into a real archive."""

from __future__ import annotations

import pytest
import sqlite_utils

from tests.spiders.test_news import crawl_news
from tests.spiders.test_news_reference import ROBOTS, registry, serve
from tests.spiders.test_news_reference35 import DECIDED, ITEMS, SOURCE, YOUTH_CARE, council_page, council_site, item_path

#: The council information system's menu, above every page of it (``council_page``).
MENU = ["Raadsinformatie", "Vergaderingen"]


def test_an_agenda_items_text_does_not_begin_with_the_sites_menu(tmp_path):
    """Each agenda item's page is short: a heading, the meeting and its date, and a paragraph. Read whole, its text
    began with the site's menu ("Raadsinformatie", "Vergaderingen") before the item's matter, in the archive, its
    search and the news analysis alike. The menu is no line of any item's text; the raadsvoorstel keeps its own."""
    archive = tmp_path / "archive.db"
    with serve(council_site()) as base:
        crawl = crawl_news(registry(tmp_path, base_url=base, discovery={"listing": {"urls": ["vergaderingen"]}},
                                    allow=["^/vergadering/", "^/agendapunt/"]), archive)
    assert crawl.returncode == 0, crawl.stderr[-3000:]
    articles = {row["url"].removeprefix(base.rstrip("/")): row for row in sqlite_utils.Database(archive)["articles"].rows}
    assert sorted(articles) == sorted(item_path(n) for n in range(len(ITEMS)))
    for path, article in articles.items():
        assert not set(MENU) & {line.strip() for line in article["text"].split("\n")}, (path, article["text"])
    for n, title in enumerate(ITEMS):
        if n != YOUTH_CARE:
            assert articles[item_path(n)]["text"].endswith(f"Toelichting bij {title.lower()}.")
    assert DECIDED in articles[item_path(YOUTH_CARE)]["text"]


#: A listing of seven news items, newest first, two to a page, each page naming the next only in its head
#: (``<link rel="next">``, as WordPress's Yoast, Drupal and TYPO3's EXT:seo write it) and a pinned item on every page.
LISTED = [f"/nieuws/bericht-{n}" for n in range(7)]
PINNED = LISTED[0]
LAST_PAGE = 3


def clamped_listing_page(number: int, past_end: int) -> tuple[str, bytes]:
    """``/nieuws?page=N`` of a CMS that answers a page past the end with its page ``past_end`` again, ``rel="next"``
    and all (SYNTHETIC)."""
    shown = number if number <= LAST_PAGE else past_end
    teasers = "".join(f'<div class="teaser"><a href="{path}">Bericht {path[-1]}</a></div>'
                      for path in [PINNED, *LISTED[2 * shown - 1:2 * shown + 1]])
    return ("text/html; charset=utf-8", (
        '<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Nieuws</title><meta name="tenderarchive-'
        f'fixture" content="synthetic"><link rel="next" href="/nieuws?page={number + 1}"></head><body><main>'
        f"<h1>Nieuws</h1>{teasers}</main></body></html>").encode())


class ClampedSite(dict):
    """The routes of a site whose listing has a page for every number (``clamped_listing_page``); ``asked`` is
    every listing page asked, in order."""

    def __init__(self, routes: dict, past_end: int):
        super().__init__(routes)
        self.asked: list[str] = []
        self.past_end = past_end

    def get(self, path, default=None):
        if path == "/nieuws" or path.startswith("/nieuws?page="):
            self.asked.append(path)
            return clamped_listing_page(int(path.partition("=")[2] or 1), self.past_end)
        return super().get(path, default)


#: What the CMS answers past the listing's end, and the listing pages then asked: one past the end; two where that
#: one is the first page again, which an iprox pager's link to page 1 (the listing itself) is too and is read once.
PAST_END = {"its last page": (LAST_PAGE, LAST_PAGE + 1), "its first page": (1, LAST_PAGE + 2)}


@pytest.mark.parametrize("answer", PAST_END)
def test_a_listing_that_answers_past_its_end_with_its_last_page_ends_there(tmp_path, answer):
    """A listing paged only through ``<link rel="next">`` / ``?page=N`` whose CMS answers every page past the end
    with its last page again, rel="next" included. The walk went on to the registry's max_pages, asking the same page
    over and over on every crawl, and then warned that the listing had more pages than max_pages (for the user to
    raise it and be asked more). A page listing nothing an earlier page did not is the listing's end: one page past
    the end is asked, not more (two where the CMS answers with the first page, which an iprox listing's own link to
    page 1 is too); every item (the pinned one on every page too) is archived once, no bound is said
    to be reached, and a second crawl asks the same pages and adds nothing."""
    routes = {"/robots.txt": ROBOTS}
    for n, path in enumerate(LISTED):
        routes[path] = council_page(f"Bericht {n}", (
            f"<article><h1>Bericht {n}</h1><p>Gepubliceerd op: {n + 1} november 2018</p><p>Bericht {n} van de "
            f"gemeente. Overwegende dat {DECIDED}</p><p>(tekst: {SOURCE})</p></article>"))
    past_end, last_asked = PAST_END[answer]
    site = ClampedSite(routes, past_end)
    archive = tmp_path / "archive.db"
    with serve(site) as base:
        path = registry(tmp_path, base_url=base, discovery={"listing": {"urls": ["nieuws"], "max_pages": 20}},
                        allow=["^/nieuws/"])
        crawls = [crawl_news(path, archive), crawl_news(path, archive, "-s", "NEWS_REVISIT_HOURS=1000")]
    assert [c.returncode for c in crawls] == [0, 0], crawls[-1].stderr[-3000:]
    pages = ["/nieuws", *(f"/nieuws?page={n}" for n in range(2, last_asked + 1))]
    assert site.asked == pages * 2
    assert all("more pages than its max_pages" not in c.stderr for c in crawls)
    db = sqlite_utils.Database(archive)
    assert sorted(row["url"].removeprefix(base.rstrip("/")) for row in db["articles"].rows) == sorted(LISTED)
    assert db.execute("select count(*) from versions").fetchone()[0] == 0
    assert [r[0] for r in db.execute("select status from crawls order by crawl_id")] == ["complete", "complete"]
