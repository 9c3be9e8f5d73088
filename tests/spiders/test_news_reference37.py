"""The news spider, thirty-seventh pass against docs/reference/news-sites.md as an evaluator would test it: a site
whose CMS stamps each page with the moment it renders it (``article:published_time``, JSON-LD ``datePublished``)
and whose header shows today's date, while each page states its own date (§2.3: a type before the date above the
title, a labelled date, the date of a WordPress permalink); a loopback site of SYNTHETIC pages (labelled like
tests/fixtures/news) around real texts, crawled with ``tenderarchive crawl news`` into a real archive."""

from __future__ import annotations

from datetime import datetime, timezone

import sqlite_utils

from tenderarchive.arguments import AMSTERDAM
from tests.spiders.test_news import crawl_news
from tests.spiders.test_news_reference import ROBOTS, registry, serve

#: Real texts (verbatim, from the pages named), each on a SYNTHETIC page with the date it states and where.
PAGES = {
    "/nieuws/aanbesteding-perceel-2": (
        "Aanbesteding van de enkelvoudige jeugdhulp (perceel 2)", "<p>Nieuwsbericht | 03-03-2023</p>", "above",
        # https://www.jeugdhulpzkij.nl/verwerving-jeugdhulp/aanbesteding-van-de-enkelvoudige-jeugdhulp-perceel-2
        "Eind 2022 diende één van de ruim 80 aanbieders die een inschrijving wilden doen voor perceel 2 een klacht in "
        "over het geboden tarief en de manier waarop dit is bepaald. Dit betekent dat de samenwerkende gemeenten de "
        "inschrijving voor perceel 2 tot nader order hebben moeten uitstellen. Inmiddels heeft de regio een nieuw "
        "onderzoek naar het tarief opgestart. De verwachting is dat dit onderzoek voor de zomer is afgerond. Daarna "
        "vervolgen de gemeenten de aanbesteding. De aanbieders die in de pre-selectie zijn geselecteerd krijgen "
        "hierover informatie via TenderNed.", "2023-03-03"),
    "/nieuws/gemeenten-in-gesprek-met-jeugdhulpaanbieders": (
        "Gemeenten in gesprek met jeugdhulpaanbieders", "<p>Geplaatst op 3 april 2017</p>", "below",
        # https://www.nu.nl/alphen-aan-den-rijn/4602102/gemeenten-in-gesprek-met-jeugdhulpaanbieders.html
        "De gemeenten Alphen aan den Rijn en Kaag en Braassem organiseren maandag 10 april een tweede "
        "'marktconsultatie' voor jeugdhulpaanbieders. Hierin toetsen de gemeenten hun ideeën over de voorgenomen "
        "aanbesteding 'inkoop jeugdhulp 2018'.", "2017-04-03"),
    "/2020/03/20/uitstel-regionale-inkoop-jeugdhulp-en-wmo/": (
        "Uitstel regionale inkoop jeugdhulp en Wmo", "", "below",
        # https://dtvnieuws.nl/nieuws/artikel/uitstel-regionale-inkoop-jeugdhulp-en-wmo
        "De gemeenten in de regio hebben besloten om de lopende aanbestedingsprocedures voor specialistische "
        "jeugdhulp en Wmo per direct stop te zetten. Dit vanwege de huidige coronacrisis.", "2020-03-20"),
}


def rendered(title: str, line: str, where: str, text: str) -> tuple[str, bytes]:
    """The page as the CMS serves it now: its head stamped with this moment as the publication, its header showing
    today's date (SYNTHETIC)."""
    now = datetime.now(timezone.utc)
    today = now.astimezone(AMSTERDAM)
    heading = f"<h1>{title}</h1>"
    return ("text/html; charset=utf-8", (
        '<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>' + title + '</title><meta name="'
        'tenderarchive-fixture" content="synthetic"><meta property="og:type" content="article"><meta property="'
        f'article:published_time" content="{now.isoformat(timespec="seconds")}"><script type="application/ld+json">'
        f'{{"@type": "NewsArticle", "datePublished": "{now.isoformat(timespec="seconds")}"}}</script></head><body>'
        f'<header class="topbar"><time datetime="{today.date().isoformat()}">vandaag</time> <a href="/">Nieuws uit de '
        f'regio</a></header><main><article>{line + heading if where == "above" else heading + line}<p>{text}</p>'
        "</article></main></body></html>").encode())


def site() -> dict:
    routes = {"/robots.txt": ROBOTS, "/nieuws": ("text/html; charset=utf-8", (
        '<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Nieuws</title><meta name="tenderarchive-'
        'fixture" content="synthetic"></head><body><main><h1>Nieuws</h1>'
        + "".join(f'<div class="teaser"><a href="{path}">{page[0]}</a></div>' for path, page in PAGES.items())
        + "</main></body></html>").encode())}
    for path, (title, line, where, text, _) in PAGES.items():
        routes[path] = lambda base, page=(title, line, where, text): rendered(*page)
    return routes


def crawl(tmp_path, *args) -> tuple[str, dict]:
    archive = tmp_path / "archive.db"
    with serve(site()) as base:
        done = crawl_news(registry(tmp_path, base_url=base, discovery={"listing": {"urls": ["nieuws"]}},
                                   allow=["^/nieuws/", "^/20"]), archive, *args)
    assert done.returncode == 0, done.stderr[-3000:]
    return base, {row["url"].removeprefix(base.rstrip("/")): row
                  for row in sqlite_utils.Database(archive)["articles"].rows}


def test_pages_stamped_as_they_are_served_are_dated_by_the_date_they_state(tmp_path):
    """Every page of the site declared the moment it was served as its publication, and its header showed today's
    date: each was archived as published the day of the crawl, however old ("Nieuwsbericht | 03-03-2023" above the
    title, "Geplaatst op 3 april 2017" under it, the permalink's ``/2020/03/20/``), with the kicker left as its text's
    first line. Each is dated by what it states, and the date line is no line of its text."""
    _, articles = crawl(tmp_path)
    assert sorted(articles) == sorted(PAGES)
    for path, (_, line, _, text, day) in PAGES.items():
        assert articles[path]["published"][:10] == day, (path, articles[path]["published"])
        assert articles[path]["text"].startswith(text[:40]), articles[path]["text"]


def test_a_from_date_crawl_leaves_out_old_pages_stamped_as_they_are_served(tmp_path):
    """``--from-date`` this year: the three pages (2017, 2020, 2023) were all archived, each dated the day of the
    crawl by its render stamp; none is now."""
    year = datetime.now(AMSTERDAM).year
    _, articles = crawl(tmp_path, "--from-date", f"{year}-01-01")
    assert articles == {}
