"""The news spider, sixty-second pass against docs/reference/news-sites.md as an evaluator would test it: a Dutch
ordinal day ("1e oktober 2021") in an article's info lines, a date written ``YYYY-MM-DD`` in an article's address, and
a consent banner with no control giving or refusing consent ("Meer weten", "Cookie-instellingen" only), on real
loopback crawls of SYNTHETIC pages (labelled like tests/fixtures/news), crawled with ``tenderarchive crawl news``
into a real archive."""

from __future__ import annotations

import pytest

from tests.spiders.test_news_reference60 import ARTICLE, crawl_site, page
from tests.spiders.test_news_reference61 import POLICY_PARAGRAPHS, assert_only_the_article, crawl_article


def crawl_at(tmp_path, path: str, main: str) -> list[dict]:
    """Crawl a SYNTHETIC site whose listing names one article at ``path``, ``main`` its ``<main>``: its rows."""
    from tests.spiders.test_news_reference6 import listing_of

    article = ("text/html; charset=utf-8", page("Inkoop jeugdhulp gestart", main))
    return crawl_site(tmp_path, {"/nieuws": listing_of(path), path: article})


#: SYNTHETIC article info blocks (Joomla's ``dl.article-info``, a date line under the title, a labelled line) giving
#: the day as a Dutch ordinal ("1e", "2e", "3de", "1ste"), and the day each means.
ORDINAL_INFO = {
    "1e": ("<dl class='article-info'><dt>Details</dt><dd>Geschreven door Redactie</dd>"
           "<dd>Gepubliceerd op 1e oktober 2021</dd></dl>", "2021-10-01"),
    "2e": ("<p class='date'>2e oktober 2021</p>", "2021-10-02"),
    "3de": ("<p>Gepubliceerd: 3de oktober 2021 om 10.15 uur</p>", "2021-10-03T10:15"),
    "21ste": ("<p>Door Redactie | 21ste okt. 2021</p>", "2021-10-21"),
}


@pytest.mark.parametrize("form", sorted(ORDINAL_INFO))
def test_an_ordinal_day_in_an_article_info_line_is_the_articles_date(tmp_path, form):
    """§2.3's date line and label, the day written as a Dutch ordinal ("1e oktober 2021", "2e", "3de", "21ste"): read
    as no date, the article was archived undated with its info line in its text. The ordinal's day is the article's
    publication date, and the line is metadata, not text."""
    info, day = ORDINAL_INFO[form]
    rows = crawl_at(tmp_path, "/nieuws/inkoop", info + ARTICLE)
    assert [(r["title"], r["published"], r["published_source"]) for r in rows] == [
        ("Inkoop jeugdhulp gestart", day, "stated")]
    assert "Aanbieders kunnen zich tot 6 juli inschrijven via TenderNed." in rows[0]["text"]
    assert f"{form} o" not in rows[0]["text"]


@pytest.mark.parametrize("path", ["/nieuws/2021-07-29-inkoop-jeugdhulp-gestart", "/nieuws/2021-07-29/inkoop-gestart/",
                                  "/nieuws/2021-07-29_inkoop"])
def test_an_iso_date_in_an_articles_address_dates_an_article_that_states_none(tmp_path, path):
    """§2.3 "ISO in URL" (fallback publication date): an address carrying its day as ``YYYY-MM-DD``
    (``/nieuws/2021-07-29-slug``, ``/nieuws/2021-07-29/slug/``) beside WordPress's ``/2021/07/29/``. Only the slashed form
    was read: an article stating no date of its own was archived undated. Its address's day dates it (``url``)."""
    rows = crawl_at(tmp_path, path, ARTICLE)
    assert [(r["published"], r["published_source"]) for r in rows] == [("2021-07-29", "url")]


def test_a_date_the_article_states_comes_before_the_date_in_its_address(tmp_path):
    """The guard: the date in an address is a fallback only. An article stating its own day ("Gepubliceerd op 3
    augustus 2021") at ``/nieuws/2021-07-29-…`` is dated by the page, never by its address."""
    rows = crawl_at(tmp_path, "/nieuws/2021-07-29-inkoop-jeugdhulp-gestart",
                    "<p>Gepubliceerd op 3 augustus 2021</p>" + ARTICLE)
    assert [(r["published"], r["published_source"]) for r in rows] == [("2021-08-03", "stated")]


def test_a_number_in_an_address_is_no_date(tmp_path):
    """The guard of the address's date: a number holding a date's digits inside a path segment (a case number
    ``/nieuws/zaak-2021-07-29``, a code ``/nieuws/12021-07-29``) is no date: the article stays undated."""
    rows = crawl_at(tmp_path, "/nieuws/zaak-2021-07-29", ARTICLE)
    assert [(r["published"], r["published_source"]) for r in rows] == [(None, None)]


#: SYNTHETIC consent banners whose only links name a page or a setting ("Meer weten", "Cookie-instellingen"): no
#: control giving or refusing consent, so not dropped by their shape (round 61), each opening as a Dutch banner does.
LINK_ONLY_BANNERS = {
    "plaatsen wij cookies": "<div class='cookiebar'><p>Voor een goede werking van deze website plaatsen wij cookies."
                            "</p><p>Ook plaatsen wij analytische cookies om het gebruik van de website te meten.</p>"
                            "<p><a href='/cookies'>Meer weten</a> <a href='/cookie-instellingen'>Cookie-instellingen"
                            "</a></p></div>",
    "maken gebruik van cookies": "<div class='cookiebar'><p>Wij maken gebruik van cookies om onze website te "
                                 "verbeteren.</p><p><a href='/cookie-instellingen'>Cookie-instellingen</a></p></div>",
    "gebruiken wij cookies": "<div class='cookiebar'><p>Op deze website gebruiken wij cookies en vergelijkbare "
                             "technieken.</p><p><a href='/cookies'>Meer weten</a></p></div>",
}


@pytest.mark.parametrize("selectors", [None, {"body": "div.inhoud"}], ids=["trafilatura", "selector"])
@pytest.mark.parametrize("banner", sorted(LINK_ONLY_BANNERS))
def test_a_consent_banner_with_only_links_to_its_policy_is_not_archived_in_the_article(tmp_path, banner, selectors):
    """§2.4's cookie modal, ending with "Meer weten…": a banner that links only its policy and settings ("Meer
    weten", "Cookie-instellingen") holds no control giving consent, so round 61 no longer drops it by its shape; its
    opening ("Voor een goede werking van deze website plaatsen wij cookies", "Wij maken gebruik van cookies",
    "Op deze website gebruiken wij cookies") was none the text cleaner knew, and the banner was archived as the
    article's text. The cleaner knows a consent's openings: the banner goes, the article's sentences stay."""
    main = f"<div class='inhoud'>{LINK_ONLY_BANNERS[banner]}{ARTICLE}</div>"
    rows = crawl_article(tmp_path, main, **({"selectors": selectors} if selectors else {}))
    assert_only_the_article(rows, absent=("cookie", "meer weten"),
                            kept=("starten op 2 juni 2025 de inkoop van jeugdhulp",))


#: SYNTHETIC article paragraphs about cookies, each opening as a consent does but a sentence of the article's own.
COOKIE_PARAGRAPHS = {
    **POLICY_PARAGRAPHS,
    "maken gebruik van cookies": "<p>Wij maken gebruik van cookies op het inkoopportaal; aanbieders van jeugdhulp "
                                 "die zich inschrijven, moeten die toestaan.</p>",
    "gebruikt cookies": "<p>De gemeente gebruikt cookies niet voor de beoordeling van inschrijvingen voor de "
                        "aanbesteding van jeugdhulp.</p>",
}


@pytest.mark.parametrize("selectors", [None, {"body": "div.inhoud"}], ids=["trafilatura", "selector"])
@pytest.mark.parametrize("paragraph", sorted(COOKIE_PARAGRAPHS))
def test_an_article_paragraph_about_cookies_stays_after_the_article(tmp_path, paragraph, selectors):
    """The guard of the cleaner's openings: an article's own paragraph about cookies, after its other paragraphs or
    opening like a consent ("Wij maken gebruik van cookies op het inkoopportaal; …"), is the article's: archived."""
    main = f"<div class='inhoud'>{ARTICLE}{COOKIE_PARAGRAPHS[paragraph]}</div>"
    rows = crawl_article(tmp_path, main, **({"selectors": selectors} if selectors else {}))
    words = " ".join(COOKIE_PARAGRAPHS[paragraph].split("<a")[0].removeprefix("<p>").split()[:4])
    assert_only_the_article(rows, kept=(words,), title=None)


def test_a_day_in_an_addresss_slug_does_not_keep_a_page_out_of_the_crawls_window(tmp_path):
    """The guard of the address's date, conservative: a ``YYYY-MM-DD`` day in a slug may be an event's
    (``/nieuws/2021-07-29-informatieavond``, an evening announced on 3 July), unlike WordPress's permalink date. The
    page is not judged out of an ``--until-date 2021-07-15`` crawl by its address before it is read: it is fetched,
    and its stated day (3 July) keeps it."""
    from tests.spiders.test_news import crawl_news
    from tests.spiders.test_news_reference import ROBOTS, redirecting, registry
    from tests.spiders.test_news_reference6 import listing_of
    import sqlite_utils

    path = "/nieuws/2021-07-29-informatieavond-inkoop-jeugdhulp"
    article = ("text/html; charset=utf-8", page("Informatieavond inkoop jeugdhulp",
                                                "<p>Gepubliceerd op 3 juli 2021</p>" + ARTICLE))
    server, base = redirecting({"/robots.txt": ROBOTS, "/nieuws": listing_of(path), path: article}, {})
    try:
        crawl = crawl_news(registry(tmp_path, base_url=base, discovery={"listing": {"urls": ["nieuws"]}},
                                    allow=["^/nieuws/"]), tmp_path / "archive.db", "--until-date", "2021-07-15")
    finally:
        server.shutdown()
    assert crawl.returncode == 0, crawl.stderr[-3000:]
    rows = list(sqlite_utils.Database(tmp_path / "archive.db")["articles"].rows)
    assert [(r["title"], r["published"]) for r in rows] == [("Informatieavond inkoop jeugdhulp", "2021-07-03")]
