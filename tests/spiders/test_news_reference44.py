"""The news spider, forty-fourth pass against docs/reference/news-sites.md as an evaluator would test it: items
whose ``<title>`` is the same for every item of the template, the news section's name and the site's ("Nieuws |
Gemeente Voorbeeld"; §2.4 "template labels glued to titles", the label without the title), with no ``<h1>``:
the item's own title is a heading inside its body (an ``<h2>``, an ``<h3>``) or only its ``og:title``; or whose
``<title>`` is the site's name alone, as its logo says. A
loopback site of SYNTHETIC pages (labelled like tests/fixtures/news) around real texts, crawled with
``tenderarchive crawl news`` into a real archive."""

from __future__ import annotations

import sqlite_utils

from tests.spiders.test_news import crawl_news
from tests.spiders.test_news_reference import ROBOTS, registry, serve
from tests.spiders.test_news_reference42 import PAGES as REAL

#: The real texts (verbatim, with their addresses) of tests/spiders/test_news_reference42.py, by page there.
TEXT = {path.rsplit("/", 1)[-1]: text for path, (_, _, text, _) in REAL.items()}

#: path: (the page's <title> and meta, its article's markup, the item's title). SYNTHETIC pages.
PAGES = {
    "/nieuws/zeeuwse-gemeenten": (
        "<title>Nieuws | Gemeente Voorbeeld</title>",
        "<h2 class='kop'>Zeeuwse gemeenten zetten mes in jeugdzorgaanbieders</h2><p>16 december 2019</p>"
        f"<p>{TEXT['zeeuwse-gemeenten-zetten-mes-in-jeugdzorgaanbieders']}</p>",
        "Zeeuwse gemeenten zetten mes in jeugdzorgaanbieders"),
    "/nieuws/jeugdbeschermingstaken": (
        "<title>Gemeente Voorbeeld - Actueel</title>",
        "<p class='datum'>24 november 2018</p><h3>Nieuwe inschrijvingen voor regionale jeugdbeschermingstaken</h3>"
        f"<p>{TEXT['nieuwe-inschrijvingen-voor-regionale-jeugdbeschermingstaken']}</p>",
        "Nieuwe inschrijvingen voor regionale jeugdbeschermingstaken"),
    "/nieuws/persbericht-jeugdbeschermers": (
        "<title>Persbericht – Provincie Voorbeeld</title>",
        "<h2>Jeugdbeschermers weigeren nieuwe contracten met 25 gemeenten in Noord-Holland</h2>"
        f"<p>20 september 2018</p><p>{TEXT['jeugdbeschermers-weigeren-nieuwe-contracten']}</p>",
        "Jeugdbeschermers weigeren nieuwe contracten met 25 gemeenten in Noord-Holland"),
    # a template that writes its <title> into og:title too
    "/nieuws/inkoop-zeeland": (
        '<title>Nieuws | Gemeente Voorbeeld</title><meta property="og:title" content="Nieuws | Gemeente Voorbeeld">'
        '<meta property="og:type" content="article">',
        "<div class='content'><h2>Zeeuwse gemeenten stofkammen jeugdzorgaanbieders</h2><p>17 december 2019</p>"
        f"<p>{TEXT['zeeuwse-gemeenten-zetten-mes-in-jeugdzorgaanbieders']}</p></div>",
        "Zeeuwse gemeenten stofkammen jeugdzorgaanbieders"),
    # a <title> that is the site's name alone, as its logo's alt says
    "/nieuws/regionale-jeugdbescherming": (
        "<title>Gemeente Voorbeeld</title>",
        "<p class='datum'>25 november 2018</p><h2>Positief resultaat bovenregionale inkoop jeugdbescherming</h2>"
        f"<p>{TEXT['nieuwe-inschrijvingen-voor-regionale-jeugdbeschermingstaken']}</p>",
        "Positief resultaat bovenregionale inkoop jeugdbescherming"),
    # the item's title only in its og:title
    "/nieuws/inkoop-jeugdzorg": (
        '<title>Gemeente Voorbeeld</title><meta property="og:title" content="Inkoop op gebied jeugdzorg">',
        f"<p class='datum'>2 juli 2020</p><p>{TEXT['inkoop-op-gebied-jeugdzorg']}</p>",
        "Inkoop op gebied jeugdzorg"),
    # a <title> that is the item's title beside the site's name stays the title (a subheading is not)
    "/nieuws/handen-ineen": (
        "<title>Gemeenten en aanbieders slaan handen ineen voor zorg | Gemeente Voorbeeld</title>",
        f"<p>3 november 2014</p><h2>Jeugdwet</h2><p>{TEXT['gemeenten-en-aanbieders-slaan-handen-ineen-voor-zorg']}</p>",
        "Gemeenten en aanbieders slaan handen ineen voor zorg"),
}


def page(head: str, article: str) -> tuple[str, bytes]:
    return ("text/html; charset=utf-8", (
        '<!doctype html><html lang="nl"><head><meta charset="utf-8"><meta name="tenderarchive-fixture" '
        f'content="synthetic">{head}</head><body><header><a href="/" class="logo"><img src="/logo.svg" alt="Gemeente '
        'Voorbeeld"></a><nav><a href="/">Home</a> <a href="/nieuws">Nieuws</a></nav>'
        f'</header><main><article>{article}</article></main><footer>Gemeente Voorbeeld</footer></body></html>'
    ).encode())


def site() -> dict:
    teasers = "".join(f'<li><a href="{path}">{title}</a></li>' for path, (_, _, title) in PAGES.items())
    return {"/robots.txt": ROBOTS, "/nieuws": page("<title>Nieuws | Gemeente Voorbeeld</title>", f"<ul>{teasers}</ul>"),
            **{path: page(head, article) for path, (head, article, _) in PAGES.items()}}


def test_items_titled_only_by_a_heading_in_their_body_are_archived_under_that_title_not_the_sections(tmp_path):
    archive = tmp_path / "archive.db"
    with serve(site()) as base:
        done = crawl_news(registry(tmp_path, base_url=base, discovery={"listing": {"urls": ["nieuws"]}},
                                   allow=["^/nieuws/"]), archive)
    assert done.returncode == 0, done.stderr[-3000:]
    rows = {row["url"].removeprefix(base.rstrip("/")): row for row in sqlite_utils.Database(archive)["articles"].rows}
    assert {path: rows[path]["title"] for path in PAGES} == {path: title for path, (_, _, title) in PAGES.items()}
    for path, (_, _, title) in PAGES.items():  # the heading is the title, not a line of the text
        assert title not in rows[path]["text"].split("\n"), path
