"""The news spider, fifty-seventh pass against docs/reference/news-sites.md as an evaluator would test it: a Joomla
article's info block ("Geschreven door", "Aangemaakt op", "Laatst gewijzigd op", "Hits"), on a real loopback crawl of
SYNTHETIC pages (labelled like tests/fixtures/news), crawled with ``tenderarchive crawl news`` into a real archive."""

from __future__ import annotations

import pytest
import sqlite_utils

from tests.spiders.test_news import crawl_news
from tests.spiders.test_news_reference import ROBOTS, registry, serve

HTML = "text/html; charset=utf-8"

#: Joomla's article info as its Dutch language pack prints it (news-sites.md §2.1 CMS families): 2.5's layout (labels
#: "… op", the date with its weekday), 3's (``<time>`` with ``datetime``, labels with a colon).
INFO_BLOCKS = {
    "joomla 2.5": ("<dl class='article-info'><dt class='article-info-term'>Details</dt>"
                   "<dd class='createdby'>Geschreven door Redactie</dd>"
                   "<dd class='category-name'>Categorie: <a href='/nieuws'>Nieuws</a></dd>"
                   "<dd class='create'>Aangemaakt op maandag, 14 december 2020 08:55</dd>"
                   "<dd class='modified'>Laatst gewijzigd op zaterdag, 02 januari 2021 10:12</dd>"
                   "<dd class='hits'>Hits: 1.234</dd></dl>"),
    "joomla 3": ("<dl class='article-info muted'><dt class='article-info-term'>Details</dt>"
                 "<dd class='createdby' itemprop='author'>Geschreven door <span itemprop='name'>Redactie</span></dd>"
                 "<dd class='create'><span class='icon-calendar'></span> <time datetime='2020-12-14T08:55:00+01:00' "
                 "itemprop='dateCreated'>Aangemaakt: 14 december 2020</time></dd>"
                 "<dd class='modified'><span class='icon-calendar'></span> <time datetime='2021-01-02T10:12:00+01:00' "
                 "itemprop='dateModified'>Laatst gewijzigd: 02 januari 2021</time></dd>"
                 "<dd class='hits'><meta itemprop='interactionCount' content='UserPageVisits:1234'>Hits: 1234</dd>"
                 "</dl>"),
}
TEXT = ("<p>De regio Holland Rijnland heeft de aanbesteding voor specialistische jeugdhulp gepubliceerd. Aanbieders "
        "kunnen zich tot 1 maart 2021 inschrijven voor de percelen ambulant en verblijf.</p>"
        "<p>Het college verwacht de opdracht in het najaar te gunnen aan de aanbieders die voldoen aan de eisen.</p>")


def joomla_page(info: str) -> bytes:
    return ("<!doctype html><html lang='nl-nl'><head><meta name='tenderarchive-fixture' content='synthetic'>"
            "<title>Aanbesteding jeugdhulp gestart - Voorbeeld</title></head><body><main><div class='item-page'>"
            f"<div class='page-header'><h2>Aanbesteding jeugdhulp gestart</h2></div>{info}"
            f"<div itemprop='articleBody'>{TEXT}</div></div></main></body></html>").encode()


@pytest.mark.parametrize("shape", sorted(INFO_BLOCKS))
def test_a_joomla_articles_info_block_dates_it_and_leaves_its_text(tmp_path, shape):
    """§2.1 Joomla, §2.3 dates: an article's "Aangemaakt op maandag, 14 december 2020 08:55" was no date line (the page
    went undated, or dated by its ``<time>`` alone) and the block's "Details", "Geschreven door Redactie",
    "Categorie: Nieuws", "Hits: 1.234" and the created line opened its text (the count changing at every crawl). The
    created date dates the page, the last change is its ``modified``, and the block is no line of its text."""
    listing = ("<!doctype html><html lang='nl-nl'><head><meta name='tenderarchive-fixture' content='synthetic'>"
               "<title>Nieuws</title></head><body><main><div class='blog'><div class='item'>"
               "<h2 class='item-title'><a href='/nieuws/aanbesteding-jeugdhulp-gestart'>Aanbesteding jeugdhulp "
               "gestart</a></h2><p>De regio heeft de aanbesteding gepubliceerd.</p></div></div></main></body></html>")
    routes = {"/robots.txt": ROBOTS, "/nieuws": (HTML, listing.encode()),
              "/nieuws/aanbesteding-jeugdhulp-gestart": (HTML, joomla_page(INFO_BLOCKS[shape]))}
    with serve(routes) as base:
        completed = crawl_news(registry(tmp_path, base_url=base, allow=["^/nieuws/"],
                                        discovery={"listing": {"urls": ["nieuws"]}}), tmp_path / "archive.db")
    assert completed.returncode == 0, completed.stderr[-3000:]
    rows = list(sqlite_utils.Database(tmp_path / "archive.db")["articles"].rows)
    assert len(rows) == 1, rows
    article = rows[0]
    assert (article["published"], article["modified"]) == ("2020-12-14T08:55", "2021-01-02T10:12")
    assert article["text"].startswith("De regio Holland Rijnland heeft de aanbesteding"), article["text"]
    for line in ("Details", "Geschreven door", "Categorie", "Aangemaakt", "Laatst gewijzigd", "Hits"):
        assert line not in article["text"], line
