"""A news page's title (tenderarchive/extraction/titles.py): SYNTHETIC pages."""

from __future__ import annotations

import pytest

from tenderarchive.extraction import extract_html

# https://organisatieadviesgroep.nl/2019/12/16/zeeuwse-gemeenten-zetten-mes-in-jeugdzorgaanbieders/ (verbatim)
BODY = ("<p>16 december 2019</p><p>De 13 gemeenten in Zeeland hebben de stofkam door het aantal jeugdzorgaanbieders "
        "gehaald.</p>")


def synthetic(head: str, article: str) -> str:
    return (f'<html lang="nl"><head><meta name="tenderarchive-fixture" content="synthetic">{head}</head><body>'
            f'<main><article>{article}</article></main></body></html>')


@pytest.mark.parametrize("title_tag", ["Nieuws | Gemeente Voorbeeld", "Gemeente Voorbeeld - Actueel",
                                       "Persbericht – Provincie Voorbeeld", "Nieuwsbericht · Gemeente Voorbeeld"])
def test_a_title_tag_of_the_section_and_the_site_gives_way_to_the_items_heading(title_tag):
    got = extract_html(synthetic(f"<title>{title_tag}</title>",
                                 "<h2>Zeeuwse gemeenten zetten mes in jeugdzorgaanbieders</h2>" + BODY),
                       "https://www.voorbeeld.nl/nieuws/12345")
    assert got["title"] == "Zeeuwse gemeenten zetten mes in jeugdzorgaanbieders"
    assert got["text"].startswith("De 13 gemeenten")


def test_a_title_tag_of_the_section_and_the_site_alone_is_no_title_the_address_gives_one():
    got = extract_html(synthetic("<title>Nieuws | Gemeente Voorbeeld</title>", BODY),
                       "https://www.voorbeeld.nl/nieuws/zeeuwse-gemeenten-zetten-mes-in-jeugdzorgaanbieders")
    assert got["title"] == "Zeeuwse gemeenten zetten mes in jeugdzorgaanbieders"


@pytest.mark.parametrize("title_tag", ["Zeeuwse gemeenten zetten mes in jeugdzorgaanbieders | Gemeente Voorbeeld",
                                       "Nieuws: Zeeuwse gemeenten zetten mes in jeugdzorgaanbieders",
                                       # the section's name beside the item's title, no site named: the title stays
                                       "Zeeuwse gemeenten zetten mes in jeugdzorgaanbieders - Nieuws"])
def test_a_title_tag_naming_the_item_stays_its_title(title_tag):
    got = extract_html(synthetic(f"<title>{title_tag}</title>", "<h2>Jeugdzorg</h2>" + BODY),
                       "https://www.voorbeeld.nl/nieuws/12345")
    assert got["title"] == "Zeeuwse gemeenten zetten mes in jeugdzorgaanbieders"


@pytest.mark.parametrize("og_title", ["Nieuws | Gemeente Voorbeeld", "Gemeente Voorbeeld - Actueel",
                                      "Gemeente Voorbeeld"])
def test_an_og_title_of_the_section_or_the_site_gives_way_to_the_items_heading_too(og_title):
    """A template writes its ``<title>`` into ``og:title`` as well; the site's name alone, beside a ``<title>`` of
    the section and that name, is no item's title either."""
    got = extract_html(synthetic(f'<title>Nieuws | Gemeente Voorbeeld</title><meta property="og:title" '
                                 f'content="{og_title}">',
                                 "<h2>Zeeuwse gemeenten zetten mes in jeugdzorgaanbieders</h2>" + BODY),
                       "https://www.voorbeeld.nl/nieuws/12345")
    assert got["title"] == "Zeeuwse gemeenten zetten mes in jeugdzorgaanbieders"


def test_an_og_title_naming_the_item_stays_its_title():
    got = extract_html(synthetic('<title>Nieuws | Gemeente Voorbeeld</title><meta property="og:title" content='
                                 '"Zeeuwse gemeenten zetten mes in jeugdzorgaanbieders | Gemeente Voorbeeld">',
                                 "<h2>Jeugdzorg</h2>" + BODY), "https://www.voorbeeld.nl/nieuws/12345")
    assert got["title"] == "Zeeuwse gemeenten zetten mes in jeugdzorgaanbieders"


@pytest.mark.parametrize("home_link", ['<a href="/"><img src="/logo.svg" alt="Gemeente Voorbeeld"></a>',
                                       '<a class="logo" href="https://www.voorbeeld.nl/">Gemeente Voorbeeld</a>'])
def test_a_title_tag_naming_the_site_as_its_home_link_does_gives_way_to_the_items_heading(home_link):
    got = extract_html(synthetic("<title>Gemeente Voorbeeld</title>",
                                 "<h2>Zeeuwse gemeenten zetten mes in jeugdzorgaanbieders</h2>" + BODY).replace(
        "<body>", f"<body><header>{home_link}</header>"), "https://www.voorbeeld.nl/nieuws/12345")
    assert got["title"] == "Zeeuwse gemeenten zetten mes in jeugdzorgaanbieders"


@pytest.mark.parametrize("heading", [
    "<h1>Zeeuwse gemeenten zetten mes<br>in jeugdzorgaanbieders</h1>",
    "<h1>Zeeuwse gemeenten zetten mes<br/>\n  in jeugdzorgaanbieders</h1>",
    "<h1><span>Nieuwsbericht</span><br>Zeeuwse gemeenten zetten mes<br>in jeugdzorgaanbieders</h1>",
])
def test_a_title_broken_by_a_br_in_its_heading_is_one_line_and_no_line_of_the_text(heading):
    """A ``<br>`` in the ``<h1>`` (a theme's line break in a long title) gave the title two spaces where the break
    was, and the text opened with the title's two halves as two lines (the leading title was only found on one
    line). The title has one space there and is no line of the text, its template label neither (§2.4)."""
    got = extract_html(synthetic("<title>Gemeente Voorbeeld</title>", heading + BODY),
                       "https://www.voorbeeld.nl/nieuws/zeeuwse-gemeenten")
    assert (got["title"], got["title_source"]) == ("Zeeuwse gemeenten zetten mes in jeugdzorgaanbieders", "h1")
    assert got["text"] == "De 13 gemeenten in Zeeland hebben de stofkam door het aantal jeugdzorgaanbieders gehaald."
    assert got["published"] == "2019-12-16"


LEAD = "<p>De 13 gemeenten in Zeeland hebben de stofkam door het aantal jeugdzorgaanbieders gehaald.</p>"


@pytest.mark.parametrize("date_part", ["<small>16 december 2019</small>", "<span class='datum'>16-12-2019</span>",
                                       "<br><small>ma 16 dec. 2019 10:05</small>"])
def test_a_date_set_inside_the_h1_dates_the_page_and_is_no_part_of_its_title(date_part):
    """news-sites.md §2.1: a theme sets the item's date inside its ``<h1>`` ("Titel <small>16 december
    2019</small>"); the date ended up in the title and the page stayed undated. The title is the heading's words,
    the date the page's stated date, and neither opens the text."""
    got = extract_html(synthetic("", f"<h1>Zeeuwse gemeenten zetten mes in jeugdzorgaanbieders {date_part}</h1>"
                                     + LEAD), "https://www.voorbeeld.nl/nieuws/12345")
    assert got["title"] == "Zeeuwse gemeenten zetten mes in jeugdzorgaanbieders"
    assert (got["published"][:10], got["published_source"]) == ("2019-12-16", "stated")
    assert got["text"].startswith("De 13 gemeenten")


def test_a_heading_naming_a_year_keeps_it():
    got = extract_html(synthetic("", "<h1>Jeugdhulp in <span>2019</span>: de cijfers</h1>" + LEAD),
                       "https://www.voorbeeld.nl/nieuws/12345")
    assert got["title"] == "Jeugdhulp in 2019: de cijfers"


@pytest.mark.parametrize("logo", [
    "<header><h1><a href='/'><img src='/logo.svg' alt='Gemeente Voorbeeld'></a></h1></header>",
    "<h1 class='logo'>Gemeente Voorbeeld</h1>",
    "<div id='top'><h1 class='site-title'><a href='https://www.voorbeeld.nl/'>Voorbeeld Nieuws</a></h1></div>",
])
def test_the_h2_under_a_logo_h1_is_the_title_of_a_page_without_article_or_title_tag(logo):
    """news-sites.md §2.1: a small site's template heads every page with its logo in an ``<h1>`` and the item's title
    in an ``<h2>``, with no ``<article>``/``<main>`` and no ``<title>``: the page got no title (or the logo's
    text). The ``<h2>`` under the logo is its title; a related item's heading in an ``<aside>`` never is."""
    page = (f'<html lang="nl"><head><meta name="tenderarchive-fixture" content="synthetic"></head><body>{logo}'
            "<aside><h2>Lees ook</h2></aside>"
            "<div class='content'><h2>Zeeuwse gemeenten zetten mes in jeugdzorgaanbieders</h2>"
            f"{BODY}</div></body></html>")
    got = extract_html(page, "https://www.voorbeeld.nl/nieuws/12345")
    assert (got["title"], got["title_source"]) == ("Zeeuwse gemeenten zetten mes in jeugdzorgaanbieders", "h2")
    assert got["text"].startswith("De 13 gemeenten")


ITEM_TITLE = "Zeeuwse gemeenten zetten mes in jeugdzorgaanbieders"


@pytest.mark.parametrize("page", [
    # the site's name in the <title> after the item's, and in the site's header's <h1>
    (f"<title>{ITEM_TITLE} | Jeugdhulp Regio Voorbeeld</title>", "<header><h1>Jeugdhulp Regio Voorbeeld</h1></header>",
     f"<main><h2>{ITEM_TITLE}</h2>{BODY}</main>"),
    # no <title>, no <article>/<main>: a public body's name
    ("", "<div id='top'><h1>Gemeente Voorbeeld</h1></div>", f"<div class='content'><h2>{ITEM_TITLE}</h2>{BODY}</div>"),
    # the site's address spelled out ("Jeugdhulp Voorbeeld" on jeugdhulpvoorbeeld.nl), the item's title a ".title"
    ("", "<div class='header'><h1>Jeugdhulp Voorbeeld</h1></div>",
     f"<main><div class='page-title'>{ITEM_TITLE}</div>{BODY}</main>"),
    # the site's name as its home link writes it
    ("", "<h1>Jeugdhulp in de Regio</h1><nav><a href='/'>Jeugdhulp in de Regio</a></nav>",
     f"<article><h2 class='title'>{ITEM_TITLE}</h2>{BODY}</article>"),
], ids=["title tag", "public body", "address", "home link"])
def test_an_h1_naming_the_site_without_logo_signs_gives_way_to_the_items_heading_in_the_content(page):
    """news-sites.md §2.1/§2.4: a template writes the site's name in an ``<h1>`` above the content (no logo image, no
    class "logo") and the item's title in an ``<h2>`` or a ``.title`` inside it. The site's name was the item's
    title (every item of the site the same). An ``<h1>`` outside the content that names the site -- the other part
    of the ``<title>``, a public body's name, the site's address spelled out, its home link's text -- gives way to
    the content's heading."""
    head, header, content = page
    html = (f'<html lang="nl"><head><meta name="tenderarchive-fixture" content="synthetic">{head}</head><body>'
            f"{header}{content}</body></html>")
    got = extract_html(html, "https://www.jeugdhulpvoorbeeld.nl/nieuws/12345")
    assert got["title"] == ITEM_TITLE
    assert got["text"].startswith("De 13 gemeenten")


@pytest.mark.parametrize("h1", [ITEM_TITLE, "Gemeente Voorbeeld kiest nieuwe jeugdzorgaanbieders"])
def test_an_h1_above_the_content_naming_the_item_stays_its_title(h1):
    """An item's title in an ``<h1>`` above the content (a page header), its content with headings of its own
    ("Achtergrond"), stays the title, also one opening with a public body's name."""
    html = ('<html lang="nl"><head><meta name="tenderarchive-fixture" content="synthetic"></head><body>'
            f"<header class='page-header'><h1>{h1}</h1></header><main>{BODY}<h2>Achtergrond</h2>"
            "<p>De regio koopt de jeugdhulp samen in.</p></main></body></html>")
    got = extract_html(html, "https://www.jeugdhulpvoorbeeld.nl/nieuws/12345")
    assert (got["title"], got["title_source"]) == (h1, "h1")
