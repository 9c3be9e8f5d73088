"""The news spider, sixty-first pass against docs/reference/news-sites.md as an evaluator would test it: a consent
banner inside a site's configured body, an article paragraph that links the cookie policy, a "Meer laden" button
naming ``?page=1`` from the listing's unnumbered first page, and a JSON listing naming its next page by number on an
address with no page number, on real loopback crawls of SYNTHETIC pages (labelled like tests/fixtures/news), crawled
with ``tenderarchive crawl news`` into a real archive."""

from __future__ import annotations

import pytest

from tests.spiders.test_news_reference60 import ARTICLE, BANNERS, crawl_site, page


def crawl_article(tmp_path, main: str, **site) -> list[dict]:
    """Crawl a SYNTHETIC site whose listing names one article of ``main`` (its ``<main>``): its archived rows."""
    from tests.spiders.test_news_reference6 import listing_of

    return crawl_site(tmp_path, {"/nieuws": listing_of("/nieuws/inkoop"),
                                 "/nieuws/inkoop": ("text/html; charset=utf-8", page("Inkoop jeugdhulp gestart", main))},
                      **site)


@pytest.mark.parametrize("banner", sorted(BANNERS))
def test_a_consent_banner_inside_the_configured_body_is_not_archived_as_the_article(tmp_path, banner):
    """§2.4's cookie boilerplate: a site whose registry entry names its article's body (``selectors.body``), the
    consent banner sitting inside that body (a CMS's template puts it in the content column). Round 60 dropped banners
    by their shape only where trafilatura read the page: the configured body's text was archived with "We use
    cookies…", "Accept all". The banner leaves the configured body's text too; the article's sentences stay."""
    main = f"<div class='inhoud'>{ARTICLE}{BANNERS[banner]}</div>"
    rows = crawl_article(tmp_path, main, selectors={"body": "div.inhoud"})
    assert [r["title"] for r in rows] == ["Inkoop jeugdhulp gestart"]
    text = rows[0]["text"]
    assert "Aanbieders kunnen zich tot 6 juli inschrijven via TenderNed." in text
    assert "starten op 2 juni 2025 de inkoop van jeugdhulp" in text
    assert "cookie" not in text.casefold() and "accept" not in text.casefold()


#: SYNTHETIC paragraphs of an article's own that link the site's cookie policy and privacy statement (no control
#: giving or refusing consent: a link named after a policy is no consent button).
POLICY_PARAGRAPHS = {
    "cookiebeleid": "<p>Wij gebruiken analytische cookies voor statistieken over deze inkoop; zie ons "
                    "<a href='/cookiebeleid'>Cookiebeleid</a> en de <a href='/privacy'>Privacyverklaring</a>.</p>",
    "cookie-instellingen": "<p>Toestemming voor cookies en privacy: <a href='/cookies'>Cookie-instellingen</a></p>",
}


@pytest.mark.parametrize("selectors", [None, {"body": "div.inhoud"}], ids=["trafilatura", "selector"])
@pytest.mark.parametrize("paragraph", sorted(POLICY_PARAGRAPHS))
def test_an_article_paragraph_linking_the_cookie_policy_is_kept(tmp_path, paragraph, selectors):
    """The guard of the banner rule: an article's own paragraph that speaks of cookies and links the cookie policy
    ("Cookiebeleid", "Privacyverklaring", "Cookie-instellingen": a link's words the consent controls' pattern took for
    a button) is no banner (a banner gives or refuses consent with a control of its own): it is archived, in the
    configured body and where trafilatura reads the page."""
    main = f"<div class='inhoud'>{ARTICLE}{POLICY_PARAGRAPHS[paragraph]}</div>"
    rows = crawl_article(tmp_path, main, **({"selectors": selectors} if selectors else {}))
    assert [r["title"] for r in rows] == ["Inkoop jeugdhulp gestart"]
    text = rows[0]["text"]
    assert "Aanbieders kunnen zich tot 6 juli inschrijven via TenderNed." in text
    words = " ".join(POLICY_PARAGRAPHS[paragraph].split("<a")[0].removeprefix("<p>").split()[:4])
    assert words in text
