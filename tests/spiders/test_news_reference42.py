"""The news spider, forty-second pass against docs/reference/news-sites.md as an evaluator would test it: press
releases and local news items that state their date only in their running text (news-sites.md §1 [S1]: a regional
news text opens with its dateline, "ZUID-KENNEMERLAND/IJMOND -"; §2.3 Dutch dates, "3 mrt. 2025", "03.03.2025"):
no meta date, no ``<time>``, no date line, no date in the address. A loopback site of SYNTHETIC pages (labelled
like tests/fixtures/news) around real texts, crawled with ``tenderarchive crawl news`` into a real archive."""

from __future__ import annotations

import sqlite_utils

from tests.spiders.test_news import crawl_news
from tests.spiders.test_news_reference import ROBOTS, registry, serve

#: Real texts (verbatim, from the pages named) on SYNTHETIC pages: the dateline (or the sentence, or the bracketed
#: day) around each is the page's; then the day it names.
PAGES = {
    "/nieuws/inkoop-op-gebied-jeugdzorg": (
        "Inkoop op gebied jeugdzorg", "<p>HOOGEVEEN - Donderdag 2 juli 2020 - {text}</p>",
        # https://regionieuwshoogeveen.nl/algemeen/inkoop-op-gebied-jeugdzorg/ (its dateline "Hoogeveen –")
        "Het college start de inkoopprocedures op het gebied van jeugdzorg. Per 1 januari 2015 is de gemeente "
        "verantwoordelijk voor de uitvoering van de Jeugdwet.", "2020-07-02"),
    "/nieuws/zeeuwse-gemeenten-zetten-mes-in-jeugdzorgaanbieders": (
        "Zeeuwse gemeenten zetten mes in jeugdzorgaanbieders", "<p>Middelburg, 16 dec. 2019 – {text}</p>",
        # https://organisatieadviesgroep.nl/2019/12/16/zeeuwse-gemeenten-zetten-mes-in-jeugdzorgaanbieders/
        "De 13 gemeenten in Zeeland hebben de stofkam door het aantal jeugdzorgaanbieders gehaald. In plaats van meer "
        "dan tweehonderd aanbieders, krijgen vanaf 2020 een kleine honderd aanbieders een contract.", "2019-12-16"),
    "/nieuws/nieuwe-inschrijvingen-voor-regionale-jeugdbeschermingstaken": (
        "Nieuwe inschrijvingen voor regionale jeugdbeschermingstaken", "<p class='intro'>{text} (24-11-2018)</p>",
        # https://www.haarlemupdates.nl/2018/11/24/nieuwe-inschrijvingen-voor-regionale-jeugdbeschermingstaken/
        "De bovenregionale inkoop voor jeugdbescherming en jeugdreclassering van vier samenwerkende jeugdhulpregio’s "
        "(Alkmaar e.o., IJmond, Kop van Noord-Holland en Zuid-Kennemerland) heeft tot een positief resultaat geleid.",
        "2018-11-24"),
    "/nieuws/jeugdbeschermers-weigeren-nieuwe-contracten": (
        "Jeugdbeschermers weigeren nieuwe contracten met 25 gemeenten in Noord-Holland",
        "<p>{text}</p><p>Dit bericht is gepubliceerd op 20.09.2018.</p>",
        # https://buchonline.info/2018/09/jeugdbeschermers-weigeren-nieuwe-contracten-met-25-gemeenten-in-noord-holland/
        "De grootste organisaties in Noord-Holland die zorgen voor de jeugdbescherming en jeugdreclassering hebben "
        "geweigerd om een nieuw contract af te sluiten met 25 gemeenten in onze provincie, omdat ze vinden dat de "
        "gemeenten voor ‘een dubbeltje op de eerste rang willen zitten’.", "2018-09-20"),
    "/nieuws/gemeenten-en-aanbieders-slaan-handen-ineen-voor-zorg": (
        "Gemeenten en aanbieders slaan handen ineen voor zorg", "<p>{text}</p>",
        # https://beverwijk.nieuws.nl/lokaal/20141103/gemeenten-en-aanbieders-slaan-handen-ineen-voor-zorg/
        # (its dates are events': the signing, the Jeugdwet's start)
        "Met ingang van 1 januari 2015 zijn gemeenten in het kader van de Jeugdwet verantwoordelijk voor het totale "
        "aanbod van jeugdhulp. Deze taken waren tot en met 2014 in handen van de rijksoverheid.", None),
}
#: The day the listing shows beside a page's link: the site's own word, before the dateline's.
LISTED = {"/nieuws/jeugdbeschermers-weigeren-nieuwe-contracten": ("21 september 2018", "2018-09-21")}


def page(title: str, frame: str, text: str) -> tuple[str, bytes]:
    return ("text/html; charset=utf-8", (
        '<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>' + title + '</title><meta name="'
        'tenderarchive-fixture" content="synthetic"></head><body><header><a href="/">Nieuws uit de regio</a></header>'
        f'<main><article><h1>{title}</h1>{frame.format(text=text)}</article></main></body></html>').encode())


def site(listed: dict) -> dict:
    teasers = "".join(f'<li><a href="{path}">{title}</a>'
                      + (f' <span class="date">{listed[path][0]}</span>' if path in listed else "") + "</li>"
                      for path, (title, *_) in PAGES.items())
    routes = {"/robots.txt": ROBOTS, "/nieuws": ("text/html; charset=utf-8", (
        '<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Nieuws</title><meta name="tenderarchive-'
        f'fixture" content="synthetic"></head><body><main><h1>Nieuws</h1><ul>{teasers}</ul></main></body></html>'
    ).encode())}
    for path, (title, frame, text, _) in PAGES.items():
        routes[path] = page(title, frame, text)
    return routes


def crawl(tmp_path, *args, listed: dict | None = None) -> dict:
    archive = tmp_path / "archive.db"
    with serve(site(listed or {})) as base:
        done = crawl_news(registry(tmp_path, base_url=base, discovery={"listing": {"urls": ["nieuws"]}},
                                   allow=["^/nieuws/"]), archive, *args)
    assert done.returncode == 0, done.stderr[-3000:]
    return {row["url"].removeprefix(base.rstrip("/")): row for row in sqlite_utils.Database(archive)["articles"].rows}


def test_pages_dated_only_in_their_running_text_are_dated_by_their_dateline(tmp_path):
    """Each page states its date only in its text: the place and day opening it ("HOOGEVEEN - Donderdag 2 juli 2020
    -", "Middelburg, 16 dec. 2019 –"), the day in brackets closing the lead, "Dit bericht is gepubliceerd op
    20.09.2018". Each was archived undated. Each is dated by that day (``published_source`` "dateline"), its dateline
    kept as its text's first words; the page whose dates are all events' (a law's start) stays undated."""
    articles = crawl(tmp_path)
    assert sorted(articles) == sorted(PAGES)
    for path, (_, frame, text, day) in PAGES.items():
        article = articles[path]
        assert (article["published"], article["published_source"]) == (day, "dateline" if day else None), path
        assert text[:60] in article["text"], article["text"]
    assert articles["/nieuws/inkoop-op-gebied-jeugdzorg"]["text"].startswith("HOOGEVEEN - Donderdag 2 juli 2020 - ")


def test_a_from_date_crawl_leaves_out_old_pages_dated_by_their_dateline(tmp_path):
    """``--from-date 2019-06-01``: the pages of 2018 went undated and were archived, however old. They are left out;
    the page of December 2019 and that of 2020 are kept, and the undated page passes as before."""
    articles = crawl(tmp_path, "--from-date", "2019-06-01")
    assert sorted(articles) == sorted(path for path, (*_, day) in PAGES.items() if day is None or day >= "2019-06-01")


def test_the_date_beside_a_pages_link_on_the_listing_comes_before_its_dateline(tmp_path):
    """The site's own listing shows the day beside the link: that day, the CMS's, dates the page rather than the day its
    text names (``published_source`` "listing")."""
    articles = crawl(tmp_path, listed=LISTED)
    path, (_, day) = next(iter(LISTED.items()))
    assert (articles[path]["published"], articles[path]["published_source"]) == (day, "listing")
