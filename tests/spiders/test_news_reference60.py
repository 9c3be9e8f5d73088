"""The news spider, sixtieth pass against docs/reference/news-sites.md as an evaluator would test it: an English
consent banner over an article, and a UTF-16 byte-order mark before a UTF-8 page, on real loopback crawls of SYNTHETIC
pages (labelled like tests/fixtures/news), crawled with ``tenderarchive crawl news`` into a real archive."""

from __future__ import annotations

import pytest
import sqlite_utils

from tests.spiders.test_news import crawl_news
from tests.spiders.test_news_reference import ROBOTS, registry


def crawl_one(tmp_path, article: tuple[str, bytes]) -> list[dict]:
    """Crawl a SYNTHETIC site whose listing (/nieuws) names one item, answered with ``article``: its archived rows."""
    from tests.spiders.test_news_reference6 import listing_of

    return crawl_site(tmp_path, {"/nieuws": listing_of("/nieuws/inkoop"), "/nieuws/inkoop": article})


def crawl_site(tmp_path, routes: dict, **site) -> list[dict]:
    """Crawl a SYNTHETIC site of ``routes`` (its listing at /nieuws, robots.txt added; ``site``: more of its registry
    entry, its ``selectors``) once: its archived rows."""
    from tests.spiders.test_news_reference import redirecting

    routes = {"/robots.txt": ROBOTS, **routes}
    db_path = tmp_path / "archive.db"
    server, base = redirecting(routes, {})
    try:
        crawl = crawl_news(registry(tmp_path, base_url=base, discovery={"listing": {"urls": ["nieuws"]}},
                                    allow=["^/nieuws/"], **site), db_path)
    finally:
        server.shutdown()
    assert crawl.returncode == 0, crawl.stderr[-3000:]
    return list(sqlite_utils.Database(db_path)["articles"].rows)


def page(title: str, main: str, after: str = "") -> bytes:
    return ("<!doctype html><html lang='nl'><head><meta charset='utf-8'><meta name='tenderarchive-fixture' "
            f"content='synthetic'><title>{title} - Gemeente Voorbeeld</title></head><body><header><a href='/'>Gemeente "
            f"Voorbeeld</a></header><main><h1>{title}</h1>{main}</main>{after}</body></html>").encode()


ARTICLE = ("<p>De gemeenten Heerlen, Landgraaf en Voerendaal starten op 2 juni 2025 de inkoop van jeugdhulp voor de "
           "komende vier jaar.</p><p>Aanbieders kunnen zich tot 6 juli inschrijven via TenderNed.</p>")
#: SYNTHETIC consent banners in English (and one Dutch one opening unlike the cleaner's known openings), each with
#: the buttons a consent plugin gives (none naming cookies).
BANNERS = {
    "english": "<div class='cc-window' role='dialog'><p>We use cookies to improve your experience on our website "
               "and to show you personalised content.</p><p>By clicking Accept all you agree.</p>"
               "<button>Accept all</button><button>Settings</button></div>",
    "english categories": "<section id='consent'><h2>Your privacy</h2><p>Our website uses cookies and similar "
                          "technologies for analytics and marketing.</p><p>You can change your preferences at any "
                          "time.</p><a href='#' role='button'>Ok</a></section>",
    "dutch": "<div class='banner'><p>Voor een goede werking van deze website plaatsen wij cookies.</p><p>Ook plaatsen "
             "wij analytische en marketing cookies.</p><button>Akkoord</button><button>Weigeren</button></div>",
}


@pytest.mark.parametrize("banner", sorted(BANNERS))
def test_an_article_under_a_consent_banner_in_english_is_archived_without_the_banner(tmp_path, banner):
    """§2.4's cookie boilerplate: an article with its site's consent banner over it, the banner in English ("We use
    cookies to improve your experience…", "By clicking Accept all you agree.") or Dutch that opens otherwise than the
    cleaner knew: the banner was archived as the article's text. The banner is dropped by its shape (a consent about
    cookies with its control), the article's own sentences kept."""
    rows = crawl_one(tmp_path, ("text/html; charset=utf-8", page("Inkoop jeugdhulp gestart", ARTICLE, BANNERS[banner])))
    assert [r["title"] for r in rows] == ["Inkoop jeugdhulp gestart"]
    assert "Aanbieders kunnen zich tot 6 juli inschrijven via TenderNed." in rows[0]["text"]
    assert "cookie" not in rows[0]["text"].casefold() and "accept" not in rows[0]["text"].casefold()


def test_an_article_about_the_cookie_law_keeps_its_sentences_about_cookies(tmp_path):
    """The guard: an article about cookies (a cookie law), its link "Lees meer over cookies" a consent control's
    words, is the article: its sentences about cookies, consent and tracking are archived, the banner beside it not."""
    main = ("<p>Vanaf 1 juli moeten websites van gemeenten toestemming vragen voor tracking cookies.</p><p>De nieuwe "
            "cookiewet geldt ook voor aanbieders van jeugdhulp die analytische cookies plaatsen.</p>"
            "<p><a href='/cookiewet'>Lees meer over cookies</a></p>")
    rows = crawl_one(tmp_path, ("text/html; charset=utf-8", page("Nieuwe cookiewet voor gemeenten", main,
                                                                  BANNERS["english"])))
    assert [r["title"] for r in rows] == ["Nieuwe cookiewet voor gemeenten"]
    text = rows[0]["text"]
    assert "websites van gemeenten toestemming vragen voor tracking cookies" in text
    assert "De nieuwe cookiewet geldt ook voor aanbieders van jeugdhulp" in text
    assert "We use cookies" not in text


@pytest.mark.parametrize("mark", [b"\xff\xfe", b"\xfe\xff"])
@pytest.mark.parametrize("content_type", ["text/html; charset=utf-8", "text/html"])
def test_a_utf8_article_behind_a_utf16_byte_order_mark_is_archived(tmp_path, mark, content_type):
    """§2.4 ("damaged by a wrong decode"): a UTF-8 article whose bytes open with a UTF-16 byte-order mark (``FF FE``,
    a template's stray bytes) and hold no NUL byte (UTF-16 markup is half NUL bytes): read as the mark says, it was
    CJK characters, "no main text found" and dropped. The mark is a lie: the page is read without it, its "één" and
    "coöperatie" intact."""
    body = mark + page("Coöperatie koopt jeugdhulp in", ARTICLE.replace("de inkoop", "één inkoop"))
    rows = crawl_one(tmp_path, (content_type, body))
    assert [r["title"] for r in rows] == ["Coöperatie koopt jeugdhulp in"]
    assert "starten op 2 juni 2025 één inkoop van jeugdhulp" in rows[0]["text"]


def test_a_utf8_listing_behind_a_utf16_byte_order_mark_keeps_its_links(tmp_path):
    """The listing so served (``FF FE`` before UTF-8 markup): read as UTF-16 its links were CJK characters, none
    followed, the crawl complete with nothing. Read without the mark, its item (a link with an "ö") is archived."""
    from tests.spiders.test_news_reference6 import listing_of

    kind, listing = listing_of("/nieuws/coöperatie-koopt-in")
    rows = crawl_site(tmp_path, {
        "/nieuws": ("text/html", b"\xff\xfe" + listing),
        "/nieuws/co%C3%B6peratie-koopt-in": ("text/html; charset=utf-8", page("Coöperatie koopt in", ARTICLE))})
    assert [r["title"] for r in rows] == ["Coöperatie koopt in"]
