"""The news spider, forty-ninth pass against docs/reference/news-sites.md as an evaluator would test it: §2.1's TYPO3
EXT:news item headed by an ``<h3 itemprop="headline">`` with its lead beside the article body, §2.3's date line with
its parts set off by a bullet and a press release's place and day on a line of their own, §2.4's boilerplate closing
an item (its tag lines, the site's copyright line). Loopback sites of SYNTHETIC pages, crawled with
``tenderarchive crawl news`` into a real archive."""

from __future__ import annotations

from urllib.parse import urlsplit

import sqlite_utils

from tests.spiders.test_news_reference import ROBOTS, crawl_site

BODY = ("<p>De gemeenten in de Leidse regio hebben de gemeentelijke toegang jeugdhulp voorlopig gegund aan vier "
        "aanbieders. Tot 1 januari 2021 kunnen inschrijvers bezwaar maken.</p>"
        "<p>Na de bezwaartermijn volgt de definitieve gunning; de nieuwe toegang start op 1 juli 2021.</p>")
LEAD = "Leiderdorp, Leiden, Oegstgeest en Zoeterwoude kiezen vier aanbieders voor de toegang tot jeugdhulp."


def page(title_tag: str, body: str) -> tuple[str, bytes]:
    return ("text/html; charset=utf-8", (
        '<!doctype html><html lang="nl"><head><meta charset="utf-8">'
        f'<meta name="tenderarchive-fixture" content="synthetic"><title>{title_tag}</title></head><body>'
        "<header><nav><ul><li><a href='/'>Home</a></li><li><a href='/nieuws'>Nieuws</a></li></ul></nav></header>"
        f"{body}<footer><p>Gemeente Voorbeeld, Postbus 1, 1000 AA Voorbeeld</p></footer></body></html>").encode())


PAGES = {
    # TYPO3 EXT:news's detail template: no <h1>, the headline an <h3 itemprop="headline">, the lead a div.lead with
    # itemprop="description" beside the itemprop="articleBody", the date line "14 december 2020 • 08:55"
    "/nieuws/detail/voorlopige-gunning-toegang": page("Nieuws | Gemeente Voorbeeld", (
        "<div class='news news-single'><div class='article' itemscope itemtype='http://schema.org/Article'>"
        "<div class='header'><h3 itemprop='headline'>Voorlopige gunning toegang jeugdhulp</h3></div>"
        "<div class='footer'><p class='news-list-date'>14 december 2020 • 08:55</p></div>"
        f"<div class='lead' itemprop='description'><p>{LEAD}</p></div>"
        f"<div class='news-text-wrap' itemprop='articleBody'>{BODY}</div></div></div>")),
    # an item whose content block holds its tag lines and the site's copyright line
    "/nieuws/inkoop-jeugdhulp-gegund": page("Inkoop jeugdhulp gegund - Gemeente Voorbeeld", (
        "<main><div class='content'><h1>Inkoop jeugdhulp gegund</h1><p>15-12-2020 • Nieuws</p>"
        f"{BODY}<p>Onderwerpen: Jeugd, Zorg en welzijn</p><p>Tags: jeugdhulp, inkoop</p>"
        "<p>© 2024 Gemeente Voorbeeld</p></div></main>")),
    # a press release headed by its place and day on a line of their own
    "/nieuws/persbericht-toegang-jeugdhulp": page("Persbericht toegang jeugdhulp - Gemeente Voorbeeld", (
        f"<main><h1>Persbericht toegang jeugdhulp</h1><p>Leiderdorp, 16 december 2020</p>{BODY}</main>")),
}


def sitemap(base: str):
    return ("application/xml", (
        '<?xml version="1.0" encoding="UTF-8"?><!-- SYNTHETIC --><urlset '
        'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        + "".join(f"<url><loc>{base}{path.lstrip('/')}</loc></url>" for path in PAGES) + "</urlset>").encode())


def test_cms_markup_date_lines_and_closing_boilerplate_are_archived_as_the_page_shows_them(tmp_path):
    """Each page is archived with its title, its stated date (with its time where the line gives one) and only its
    article's text: the TYPO3 item's lead first, no tag line, copyright line, menu or footer."""
    crawl_site(tmp_path, {"/robots.txt": ROBOTS, "/sitemap.xml": sitemap, **PAGES}, None,
               discovery={"sitemaps": ["sitemap.xml"]}, allow=["^/nieuws/"])
    rows = {urlsplit(r["url"]).path: r for r in sqlite_utils.Database(tmp_path / "archive.db")["articles"].rows}
    assert set(rows) == set(PAGES)
    typo3 = rows["/nieuws/detail/voorlopige-gunning-toegang"]
    assert (typo3["title"], typo3["published"], typo3["published_source"]) == (
        "Voorlopige gunning toegang jeugdhulp", "2020-12-14T08:55", "stated")
    assert typo3["text"].startswith(LEAD + "\nDe gemeenten in de Leidse regio")
    tagged = rows["/nieuws/inkoop-jeugdhulp-gegund"]
    assert (tagged["published"], tagged["published_source"]) == ("2020-12-15", "stated")
    assert tagged["text"].endswith("de nieuwe toegang start op 1 juli 2021.")
    release = rows["/nieuws/persbericht-toegang-jeugdhulp"]
    assert (release["published"], release["published_source"]) == ("2020-12-16", "dateline")
    for row in rows.values():
        for chrome in ("Onderwerpen", "Tags", "©", "Postbus", "Home"):
            assert chrome not in row["text"], (chrome, row["text"])
