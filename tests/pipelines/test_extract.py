"""pipelines/extract.py: a news page's answer read as the article, or dropped (a cookie wall, a soft 404)."""

import pytest
from scrapy.exceptions import DropItem

from pipelines.extract import extract_article, is_cookie_wall
from tenderarchive.items import ArticleItem

#: Synthetic pages (not from any site): short real items whose titles read like a consent's.
SHORT_PAGES = [
    ("Uw privacy bij jeugdhulp", ["Wanneer u jeugdhulp krijgt, deelt de gemeente gegevens met uw zorgaanbieder.",
                                  "Dat mag alleen als het nodig is voor uw hulp.",
                                  "U kunt de gemeente vragen welke gegevens zij over u heeft.",
                                  "Meer leest u in de privacyverklaring."]),
    ("Informed consent in de jeugdzorg", ["Jongeren van 16 jaar en ouder beslissen zelf over hun behandeling.",
                                          "De raad bespreekt het voorstel over de inkoop jeugdhulp in maart."]),
    ("Gemeente vraagt uw toestemming voor gegevensdeling jeugdhulp",
     ["De gemeente wil gegevens delen met de gecontracteerde aanbieders.", "Inwoners kunnen bezwaar maken tot 1 mei."]),
]


def page(title: str, paragraphs: list[str]) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<!doctype html><html lang='nl'><head><meta name='tenderarchive-fixture' content='synthetic'>"
            f"<title>{title}</title></head><body><article><h1>{title}</h1>{body}</article></body></html>").encode()


@pytest.mark.parametrize(("title", "paragraphs"), SHORT_PAGES, ids=[t for t, _ in SHORT_PAGES])
def test_a_short_page_under_a_title_about_privacy_or_consent_is_archived_not_a_cookie_wall(title, paragraphs):
    """A consent title ("uw privacy", "uw toestemming", "consent") over a short text that is no consent (no
    cookies, no "Akkoord"): the page, archived (it was dropped as a cookie wall, never archived)."""
    article = extract_article(ArticleItem(url="https://gemeente.example/nieuws/item", site="gemeente",
                                          body=page(title, paragraphs), content_type="text/html; charset=utf-8"))
    assert article["title"] == title


@pytest.mark.parametrize(("title", "paragraphs"), [
    ("Wij vragen uw toestemming", ["Deze site gebruikt cookies om u de best mogelijke ervaring te geven.",
                                   "Door op Akkoord te klikken gaat u hiermee akkoord."]),
    ("Privacy-instellingen", ["Wij en onze partners gebruiken cookies voor advertenties.", "Alles accepteren",
                              "Voorkeuren aanpassen"]),
    # a wall that lists its purposes: few lines are the consent's own words
    ("Wij vragen uw toestemming", ["Wij en 143 partners gebruiken cookies en vergelijkbare technieken voor:",
                                   "Informatie op een apparaat opslaan en/of openen", "Beperkte gegevens gebruiken",
                                   "Inhoud meten en doelgroepen onderzoeken", "Diensten ontwikkelen en verbeteren",
                                   "Akkoord"]),
])
def test_a_cookie_wall_under_a_consent_title_is_dropped(title, paragraphs):
    with pytest.raises(DropItem, match="cookie wall"):
        extract_article(ArticleItem(url="https://gemeente.example/nieuws/item", site="gemeente",
                                    body=page(title, paragraphs), content_type="text/html; charset=utf-8"))
    assert is_cookie_wall(title, "\n".join(paragraphs))


#: SYNTHETIC consent blocks (news-sites.md §2.4's cookie modal: [S2]'s Dutch intro over English categories; an English
#: one), each with its one control, no "cookie" in it.
CONSENT_BLOCKS = [
    "<div class='modal' role='dialog'><p>Deze site gebruikt cookies om ervoor te zorgen dat we u de best mogelijke"
    " ervaring geven.</p><h3>Strictly necessary cookies</h3><h3>Performance cookies</h3><p><a href='/privacy'>Meer"
    " weten...</a></p><button>{button}</button></div>",
    "<div id='consent'><p>We use cookies to improve your experience on our website.</p><p>By clicking the button you"
    " agree.</p><a class='btn' href='#'>{button}</a></div>",
]


@pytest.mark.parametrize("button", ["Ok", "Akkoord", "Accept all", "Alles accepteren"])
@pytest.mark.parametrize("block", range(len(CONSENT_BLOCKS)))
def test_a_cookie_wall_is_recognised_by_its_shape_whatever_its_button_says(block, button):
    """A page that is a consent about cookies with its control and nothing of its own (under the article's own
    ``<title>``) is a cookie wall, whatever its button's words: it was archived as the article (its text "Ok" or
    the English consent) or dropped as a page without text, neither an error the next crawl asks again."""
    from pipelines.extract import CookieWall, PageUnavailable

    body = ("<!doctype html><html lang='nl'><head><title>Inkoop jeugdhulp - Gemeente Voorbeeld</title></head><body>"
            "<header><a href='/'>Gemeente Voorbeeld</a></header>" + CONSENT_BLOCKS[block].format(button=button)
            + "</body></html>").encode()
    with pytest.raises(CookieWall, match="cookie wall") as raised:
        extract_article(ArticleItem(url="https://gemeente.example/nieuws/item", site="gemeente", body=body,
                                    content_type="text/html; charset=utf-8"))
    assert isinstance(raised.value, PageUnavailable)  # asked again by the next crawl (tenderarchive/extensions.py)


@pytest.mark.parametrize("article", [
    # a short item under the consent banner: its own text outside the consent
    "<main><h1>Inkoop jeugdhulp gestart</h1><p>De regio start de inkoop van jeugdhulp.</p></main>{block}",
    # an item about cookies with a button of its own ("Delen"), no consent's
    "<main><article><h1>Gemeente stopt met tracking cookies</h1><p>De gemeente gebruikt geen tracking cookies meer."
    "</p><p>Alleen functionele cookies blijven nodig.</p><button>Delen</button></article></main>",
])
def test_a_page_with_a_cookie_banner_or_about_cookies_is_no_cookie_wall(article):
    from pipelines.extract import is_consent_page

    body = ("<!doctype html><html lang='nl'><head><title>Bericht</title></head><body>"
            + article.format(block=CONSENT_BLOCKS[0].format(button="Ok")) + "</body></html>").encode()
    read = extract_article(ArticleItem(url="https://gemeente.example/nieuws/item", site="gemeente", body=body,
                                       content_type="text/html; charset=utf-8"))
    assert "cookie" not in read["title"].casefold() or "tracking" in read["title"]
    assert not is_consent_page(body, read["text"])

#: SYNTHETIC news items (not from any site) whose titles read like a maintenance or error page's: short, dated
#: items of a municipality's news (an announced outage of its website or a phone line).
DATED_NOTICES = [
    ("Website tijdelijk niet beschikbaar", "Gepubliceerd op: 14 oktober 2024",
     ["Op zaterdag 19 oktober is de website van de gemeente van 8.00 tot 12.00 uur niet beschikbaar.",
      "Wij voeren dan gepland onderhoud uit. Het aanmelden voor jeugdhulp kan daarna weer online."]),
    ("Technische storing", "Gepubliceerd op: 2 februari 2024",
     ["Door een technische storing is het Jeugdteam vandaag telefonisch slecht bereikbaar.",
      "Stuur ons een e-mail; wij bellen u terug."]),
]


@pytest.mark.parametrize(("title", "dateline", "paragraphs"), DATED_NOTICES, ids=[t for t, _, _ in DATED_NOTICES])
def test_a_dated_news_item_titled_like_a_maintenance_page_is_archived(title, dateline, paragraphs):
    """A maintenance or error page answered with status 200 is a stub of the site with no date of its own; a short
    news item titled "Website tijdelijk niet beschikbaar" or "Technische storing" states its publication date. It
    was dropped as the site's maintenance page: an error of every crawl (each one partial, exit 3) that asked it
    again, and the item never archived."""
    body = page(title, [dateline, *paragraphs])
    article = extract_article(ArticleItem(url="https://gemeente.example/nieuws/storing", site="gemeente",
                                          body=body, content_type="text/html; charset=utf-8"))
    assert article["title"] == title and article["published"]


def test_a_maintenance_page_without_a_date_of_its_own_is_still_refused():
    from pipelines.extract import PageUnavailable

    body = page("Website tijdelijk niet beschikbaar", ["Wij zijn bezig met onderhoud aan onze website.",
                                                       "Probeer het later nog eens."])
    with pytest.raises(PageUnavailable):
        extract_article(ArticleItem(url="https://gemeente.example/nieuws/storing", site="gemeente",
                                    body=body, content_type="text/html; charset=utf-8"))


@pytest.mark.parametrize("title", ["500 jongeren op wachtlijst jeugdhulp", "504 kinderen wachten op jeugdhulp",
                                   "501 meldingen bij het jeugdteam"])
def test_a_news_title_that_opens_with_a_number_from_500_to_504_is_no_server_error(title):
    """A server error page's title is its status and reason ("503 Service Unavailable", "Error 500"); a news item
    that opens with a number from 500 to 504 and a few words ("500 jongeren op wachtlijst jeugdhulp") was read as
    one: a short item with no date of its own dropped as the site's error page, an error of every crawl."""
    from pipelines.extract import is_unavailable

    paragraphs = ["Het aantal jongeren op de wachtlijst voor jeugdhulp is gestegen.",
                  "De gemeente koopt extra plekken in bij twee aanbieders."]
    assert not is_unavailable(title, " ".join(paragraphs))
    article = extract_article(ArticleItem(url="https://nieuws.example/wachtlijst", site="nieuws",
                                          body=page(title, paragraphs), content_type="text/html; charset=utf-8"))
    assert article["title"] == title


@pytest.mark.parametrize("title", ["503 Service Unavailable", "502 Bad Gateway", "500 Internal Server Error",
                                   "504 Gateway Time-out", "Error 500", "Fout 503", "HTTP 500", "503"])
def test_a_server_error_title_is_an_unavailable_page(title):
    from pipelines.extract import is_unavailable

    assert is_unavailable(title, "Probeer het later nog eens.")


def underscores_404(heading: str) -> bytes:
    """A SYNTHETIC "not found" page as WordPress's starter themes build it (Underscores, Twenty Fifteen to Twenty
    Seventeen: ``body.error404``, ``section.error-404.not-found``, their heading in the theme's Dutch translation),
    here answered with status 200."""
    return ("<!doctype html><html lang='nl-NL'><head><meta name='tenderarchive-fixture' content='synthetic'>"
            "<meta charset='utf-8'><title>Pagina niet gevonden &#8211; Gemeente Voorbeeld</title></head>"
            "<body class='error404'><header class='site-header'><p class='site-title'>Gemeente Voorbeeld</p></header>"
            "<main id='main' class='site-main'><section class='error-404 not-found'><header class='page-header'>"
            f"<h1 class='page-title'>{heading}</h1></header><div class='page-content'><p>Het lijkt erop dat er niets"
            " is gevonden op deze locatie. Probeer een van de onderstaande links of een zoekopdracht?</p></div>"
            "</section></main></body></html>").encode()


@pytest.mark.parametrize("heading", [
    "Oeps! Die pagina kan niet worden gevonden.",  # Underscores' nl_NL translation of "Oops! That page can't be found."
    "Oops! That page can&rsquo;t be found.",  # the theme untranslated
    "Pagina kan niet worden gevonden",
    "De opgevraagde pagina bestaat niet",
    "De pagina die u zoekt bestaat niet",
    "Sorry, deze pagina kunnen we niet vinden",
    "We kunnen de pagina die je zoekt niet vinden",
])
def test_a_wordpress_themes_not_found_heading_answered_with_200_is_a_soft_404(heading):
    """§2.1 WordPress, soft 404s: a removed item's address answering ``200`` with the theme's 404 template was
    archived as an article titled "Oeps! Die pagina kan niet worden gevonden." (only "Pagina niet gevonden", "Deze
    pagina bestaat niet" and the like were known), over the item it had been. It is a page that is gone."""
    with pytest.raises(DropItem, match="was not found"):
        extract_article(ArticleItem(url="https://gemeente.example/nieuws/item", site="gemeente",
                                    body=underscores_404(heading), content_type="text/html; charset=utf-8"))


@pytest.mark.parametrize("title", ["Pagina over de inkoop van jeugdhulp vernieuwd", "De pagina jeugdhulp is vernieuwd",
                                   "Wij kunnen de jeugdhulp niet vinden zonder aanbieders"])
def test_a_news_title_about_a_page_is_no_soft_404(title):
    article = extract_article(ArticleItem(url="https://gemeente.example/nieuws/item", site="gemeente",
                                          body=page(title, [TEXT_OF_AN_ITEM]), content_type="text/html; charset=utf-8"))
    assert article["title"] == title


TEXT_OF_AN_ITEM = ("De gemeenten in de regio hebben de Europese aanbesteding voor specialistische jeugdhulp voorlopig"
                   " gegund aan drie aanbieders.")


@pytest.mark.parametrize("heading", ["Nothing here", "Hier is niets te vinden", "Helaas"])
def test_a_page_in_wordpresss_404_template_answered_with_200_is_a_soft_404_whatever_its_heading(heading):
    """§2.1 WordPress: ``body_class()`` marks the 404 template's page ``error404`` whatever the theme's heading
    (Twenty Twenty-One's "Nothing here", a municipal theme's own words). Answered with ``200`` it was archived as an
    article; it is a page that is gone."""
    with pytest.raises(DropItem, match="was not found"):
        extract_article(ArticleItem(url="https://gemeente.example/nieuws/item", site="gemeente",
                                    body=underscores_404(heading), content_type="text/html; charset=utf-8"))


def test_a_wordpress_post_is_no_soft_404():
    """A post's own page (``body.single-post``) under the same theme is the article."""
    body = underscores_404("Voorlopige gunning jeugdhulp").replace(b"class='error404'", b"class='post-template single-post'")
    body = body.replace(b"Het lijkt erop dat er niets is gevonden op deze locatie. Probeer een van de onderstaande links"
                        b" of een zoekopdracht?", TEXT_OF_AN_ITEM.encode())
    assert extract_article(ArticleItem(url="https://gemeente.example/nieuws/item", site="gemeente", body=body,
                                       content_type="text/html; charset=utf-8"))["title"] == "Voorlopige gunning jeugdhulp"


#: A SYNTHETIC registry entry (tenderarchive/sources.yaml) whose news is read through its overview, a feed and a
#: sitemap.
OVERVIEW_SITE = {"name": "gemeente", "base_url": "https://www.gemeente.example/",
                 "discovery": {"listing": {"urls": ["inwoners/actueel/nieuws"], "next": None, "max_pages": 5},
                               "feeds": ["inwoners/actueel/nieuws/rss"], "sitemaps": ["sitemap.xml"], "openpub": ()}}


def with_canonical(title: str, paragraphs: list[str], canonical: str) -> bytes:
    return page(title, paragraphs).replace(b"</head>", f"<link rel='canonical' href='{canonical}'></head>".encode())


@pytest.mark.parametrize("overview", ["/inwoners/actueel/nieuws", "https://gemeente.example/inwoners/actueel/nieuws/",
                                      "/inwoners/actueel/nieuws?pager_page=2", "/inwoners/actueel/nieuws/page/3/",
                                      "/inwoners/actueel/nieuws/rss"])
def test_an_item_whose_canonical_url_is_the_sites_news_overview_is_archived_under_its_own_url(overview):
    """news-sites.md §2.2 listing patterns: a template that writes the news overview (or a page of its pager, or
    its feed: the pages the registry reads the site's news through) as every item's ``<link rel="canonical">``
    archived every item as that one page, each new item a version of the last (only the home page was known to
    be no item's canonical URL). Each item is its own page."""
    items = [("/inwoners/actueel/nieuws/gunning-jeugdhulp", "Voorlopige gunning jeugdhulp",
              ["De regio heeft de specialistische jeugdhulp voorlopig gegund aan drie aanbieders."]),
             ("/inwoners/actueel/nieuws/marktconsultatie", "Marktconsultatie jeugdhulp met verblijf",
              ["De gemeenten starten een marktconsultatie voor de inkoop van jeugdhulp met verblijf."])]
    archived = [extract_article(ArticleItem(url=f"https://www.gemeente.example{path}", site="gemeente",
                                            body=with_canonical(title, text, overview), site_config=OVERVIEW_SITE,
                                            content_type="text/html; charset=utf-8"))["url"]
                for path, title, text in items]
    assert archived == [f"https://www.gemeente.example{path}" for path, _, _ in items]


def test_a_canonical_url_beside_the_news_overview_still_names_the_archived_page():
    """A canonical URL under the overview (the item's own address, a moved item's new one) is still the page's."""
    article = extract_article(ArticleItem(
        url="https://www.gemeente.example/inwoners/actueel/nieuws/gunning-jeugdhulp?utm_source=rss", site="gemeente",
        body=with_canonical("Voorlopige gunning jeugdhulp", ["De regio heeft de jeugdhulp voorlopig gegund."],
                            "/inwoners/actueel/nieuws/voorlopige-gunning-jeugdhulp"),
        site_config=OVERVIEW_SITE, content_type="text/html; charset=utf-8"))
    assert article["url"] == "https://www.gemeente.example/inwoners/actueel/nieuws/voorlopige-gunning-jeugdhulp"


def test_an_archived_items_change_inside_a_crawls_dates_is_archived_whatever_its_publication(tmp_path):
    """news-sites.md §2.1 sitemaps (``lastmod``), ``--from-date`` windows and updated articles: a post published
    before a crawl's ``--from-date`` and changed inside it (its sitemap ``lastmod``) was asked, to be dropped once
    read for its publication: every crawl of such dates asked it again and its change was never archived. An archived
    page asked again is no new page of the window but the archived page's next version: archived, the former text a
    version."""
    import time
    from datetime import datetime, timedelta, timezone

    import sqlite_utils

    from tests.spiders.test_news import crawl_news
    from tests.spiders.test_news_reference import ROBOTS, registry
    from tests.spiders.test_news_reference11 import serve

    today = datetime.now(timezone.utc)
    published = today - timedelta(days=45)
    shown = f"{published.day}-{published.month:02d}-{published.year}"
    first = ["De regio heeft de specialistische jeugdhulp voorlopig gegund aan drie aanbieders."]
    changed = [*first, "Aanvulling: de bezwaartermijn is met twee weken verlengd."]

    def post(paragraphs):
        return ("text/html; charset=utf-8", page("Voorlopige gunning jeugdhulp", [f"Gepubliceerd op {shown}",
                                                                                 *paragraphs]))

    def sitemap(lastmod: str):
        return ("application/xml", ('<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/'
                                    'schemas/sitemap/0.9"><url><loc>/nieuws/gunning-jeugdhulp</loc><lastmod>'
                                    f'{lastmod}</lastmod></url></urlset>').encode())

    routes = {"/robots.txt": ROBOTS, "/sitemap.xml": sitemap(published.date().isoformat()),
              "/nieuws/gunning-jeugdhulp": post(first)}
    server, base = serve(routes)
    db_path = tmp_path / "archive.db"
    sources = registry(tmp_path, base_url=base, discovery={"sitemaps": ["sitemap.xml"]})
    window = ("--from-date", (today - timedelta(days=10)).date().isoformat())
    try:
        assert crawl_news(sources, db_path).returncode == 0
        time.sleep(1.1)
        routes["/sitemap.xml"] = sitemap(datetime.now(timezone.utc).isoformat(timespec="seconds"))
        routes["/nieuws/gunning-jeugdhulp"] = post(changed)
        crawl = crawl_news(sources, db_path, *window)
    finally:
        server.shutdown()
    assert crawl.returncode == 0, crawl.stderr[-3000:]
    db = sqlite_utils.Database(db_path)
    article, = db["articles"].rows
    assert "bezwaartermijn is met twee weken verlengd" in article["text"]
    assert article["published"][:10] == published.date().isoformat()
    assert db["versions"].count == 1


def test_a_page_is_a_paywall_teaser_when_its_item_is_not_free_not_when_a_part_of_it_is():
    from pipelines.extract import is_paywalled

    def page(ld: str) -> bytes:  # SYNTHETIC
        return f"<html><head><script type='application/ld+json'>{ld}</script></head><body><p>x</p></body></html>".encode()

    assert is_paywalled(page('{"@type": "NewsArticle", "isAccessibleForFree": false}'))
    assert is_paywalled(page('{"@graph": [{"@type": "WebPage"}, {"@type": "NewsArticle", "isAccessibleForFree": "False"}]}'))
    assert not is_paywalled(page('{"@type": "NewsArticle", "isAccessibleForFree": true, "hasPart": '
                                 '{"@type": "WebPageElement", "isAccessibleForFree": false}}'))
    assert not is_paywalled(page('{"@type": "NewsArticle", "isAccessibleForFree": fals'))
    assert not is_paywalled(b"<html><body><p>Gratis te lezen.</p></body></html>")
