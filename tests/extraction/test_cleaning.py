"""Cleaning of extracted page text (tenderarchive/extraction/cleaning.py) against news-sites.md §2.4 (boilerplate
that pollutes extracted text), on SYNTHETIC pages and lines."""

from __future__ import annotations

import pytest

from tenderarchive.extraction import clean_text, extract_html

SENTENCES = ("De gemeenten in de regio hebben de aanbesteding voor jeugdhulp gegund aan twaalf aanbieders.\n"
             "De contracten gaan in per 1 januari 2022.")


@pytest.mark.parametrize("tail", [
    ["Onderwerpen: Jeugd, Zorg en welzijn", "Tags: jeugdhulp, inkoop"],
    ["Categorie: Nieuws", "Trefwoorden: jeugdhulp", "Tags: inkoop"],
    ["Jeugdhulp", "Tags: jeugdhulp, inkoop"],
])
def test_every_tag_line_closing_the_item_goes_not_only_the_last(tail):
    """§2.4 ("A trailing tag line ``Jeugdhulp`` is the last line of [S0]"): an item closed by two tag lines
    ("Onderwerpen: …" over "Tags: …") kept the first one in its text."""
    got = clean_text("\n".join([SENTENCES, *tail]))
    assert got == SENTENCES


def test_a_labelled_line_inside_the_text_and_a_second_bare_line_stay():
    """Only the labelled lines at the end go, and one bare tag: a short line before it is text."""
    text = "Onderwerp: inkoop jeugdhulp\n" + SENTENCES + "\nMet vriendelijke groet,\nJan Jansen"
    assert clean_text(text) == text


@pytest.mark.parametrize("line", [
    "© 2024 Gemeente Voorbeeld",
    "Copyright © 2019-2024 Jeugdhulp Regio Voorbeeld. Alle rechten voorbehouden.",
    "Copyright 2021 Gemeente Voorbeeld",
])
def test_a_copyright_line_is_site_chrome(line):
    """§2.4 boilerplate: the site's copyright line, where the footer's text stands inside the content block,
    ran into the article's text."""
    assert clean_text(f"{SENTENCES}\n{line}") == SENTENCES
    assert clean_text(f"{line}\n{SENTENCES}") == SENTENCES


@pytest.mark.parametrize("line", [
    "De gemeente heeft het copyright op de foto's van de informatieavond.",
    "(c) het perceel ambulante jeugdhulp",
])
def test_a_sentence_about_copyright_or_a_list_item_stays(line):
    assert line in clean_text(f"{SENTENCES}\n{line}\nDaarna volgt de implementatie.")


def test_a_content_block_closed_by_tags_and_a_copyright_line_keeps_only_the_article():
    """A page whose content block holds the item's tag lines and the site's copyright line (SYNTHETIC)."""
    page = ("<html><head><meta name='tenderarchive-fixture' content='synthetic'></head><body><main><div class='content'>"
            "<h1>Aanbesteding jeugdhulp gegund</h1><p>14 december 2020</p>"
            + "".join(f"<p>{s}</p>" for s in SENTENCES.split("\n"))
            + "<p>Onderwerpen: Jeugd, Zorg en welzijn</p><p>Tags: jeugdhulp, inkoop</p>"
            "<p>© 2024 Gemeente Voorbeeld</p></div></main></body></html>")
    got = extract_html(page, "https://www.voorbeeld.nl/nieuws/aanbesteding-jeugdhulp-gegund")
    assert got["text"] == SENTENCES
    assert (got["title"], got["published"]) == ("Aanbesteding jeugdhulp gegund", "2020-12-14")


#: news-sites.md §2.4: the text of https://www.pianoo.nl/nl/visie-de-wezenlijke-wijziging "starts with 'Overslaan en
#: naar de inhoud gaan / Secondary navigation / … Hoofdnavigatie … Menu Sluiten / Zoeken'"; the "…" are the menus'
#: items (SYNTHETIC ones here).
PIANOO_HEADER = ["Overslaan en naar de inhoud gaan", "Secondary navigation", "Contact", "English", "Hoofdnavigatie",
                 "Over PIANOo", "Actueel", "Menu Sluiten", "Zoeken"]
PIANOO_TITLE = "Visie: de wezenlijke wijziging"


def test_the_menus_items_between_a_headers_lines_are_no_text_and_no_title():
    """A text copy that opens with the site's header: its skip link, its menus' names and buttons (dropped before)
    and the menus' items between them ("Contact", "English", "Over PIANOo", "Actueel"), which stayed: the first of
    them became the page's title and the rest its first lines. They go; the title is the line after the header."""
    from tenderarchive.extraction import extract_text

    got = extract_text("\n".join([*PIANOO_HEADER, PIANOO_TITLE, SENTENCES]),
                       url="https://www.pianoo.nl/nl/visie-de-wezenlijke-wijziging")
    assert (got["title"], got["text"]) == (PIANOO_TITLE, SENTENCES)
    page = ("<html><body><main>" + "".join(f"<p>{line}</p>" for line in PIANOO_HEADER) + f"<h1>{PIANOO_TITLE}</h1>"
            + "".join(f"<p>{s}</p>" for s in SENTENCES.split("\n")) + "</main></body></html>")
    got = extract_html(page, "https://www.pianoo.nl/nl/visie-de-wezenlijke-wijziging")
    assert (got["title"], got["text"]) == (PIANOO_TITLE, SENTENCES)


@pytest.mark.parametrize("text", [
    # no header line opens the text: short lines are the text's own
    "Inkoop jeugdhulp\nPlanning\nZoeken\n" + SENTENCES,
    # a header line, then a sentence: the text starts there
    "Menu\nDe regio koopt jeugdhulp in.\nContact\nZoeken\n" + SENTENCES,
])
def test_short_lines_not_between_a_headers_lines_at_the_start_stay(text):
    got = clean_text(text)
    assert SENTENCES in got
    assert ("Inkoop jeugdhulp\nPlanning" in got) if text.startswith("Inkoop") else got.startswith(
        "De regio koopt jeugdhulp in.\nContact")


@pytest.mark.parametrize("line", [
    "Deze video kan niet worden afgespeeld omdat u geen cookies heeft geaccepteerd. Wijzig uw cookie-instellingen.",
    "Accepteer marketingcookies om deze video te bekijken.",
    "U moet cookies accepteren om deze kaart te zien.",
    "Foto: ANP",
    "Beeld: Shutterstock",
    "Fotografie: Jan de Vries",
    "Foto: © ANP",
])
def test_a_consent_placeholder_for_embedded_content_or_a_photo_credit_is_no_text(line):
    """§2.4 cookie boilerplate inside the article: the placeholder a consent plugin leaves where a video or map is
    embedded until its cookies are accepted, and a photo's credit on a line of its own, ran into the text between
    its paragraphs."""
    first, second = SENTENCES.split("\n")
    assert clean_text(f"{first}\n{line}\n{second}") == SENTENCES


@pytest.mark.parametrize("line", [
    "De gemeente gebruikt geen cookies voor de inkoop van jeugdhulp.",
    "Bekijk de video over de nieuwe toegang op de website van de regio.",
    "Foto: wethouder Damen tekent het contract met de vier aanbieders",
    "Beeld: de regio wil in 2022 opnieuw aanbesteden. De raad besluit in mei.",
])
def test_a_sentence_about_cookies_or_a_video_and_a_photos_caption_stay(line):
    assert line in clean_text(f"{SENTENCES}\n{line}\nDaarna volgt de implementatie.")


def test_a_consent_placeholder_in_an_article_is_no_line_of_its_text():
    """A SYNTHETIC page whose article embeds a video behind its consent placeholder, with a credited photo."""
    first, second = SENTENCES.split("\n")
    page = ("<html><head><meta name='tenderarchive-fixture' content='synthetic'></head><body><main><article>"
            f"<h1>Aanbesteding jeugdhulp gegund</h1><p>14 december 2020</p><p>{first}</p><div class='embed'><p>Deze "
            "video kan niet worden afgespeeld omdat u geen cookies heeft geaccepteerd. Wijzig uw cookie-instellingen."
            f"</p></div><p><img src='a.jpg' alt=''><br><em>Foto: ANP</em></p><p>{second}</p></article></main></body></html>")
    got = extract_html(page, "https://www.voorbeeld.nl/nieuws/aanbesteding-jeugdhulp-gegund")
    assert got["text"] == SENTENCES


def test_a_pages_nul_and_c0_controls_do_not_enter_its_archived_text_or_title():
    """A page with a NUL (a stray byte) or another C0 control in its text was archived with it, and the search
    excerpt was cut at it: they go from the text and the title (the raw response in the WARC keeps them)."""
    assert clean_text("De gemeente koopt jeugd\u0000hulp in.\u0007\nDe tweede\u001falinea gaat over de regio.") == (
        "De gemeente koopt jeugdhulp in.\nDe tweede alinea gaat over de regio.")
    body = ("<html><head><title>Inkoop jeugd\u0000hulp\u0001</title></head><body><article><h1>Inkoop jeugd\u0000hulp"
            "</h1><p>" + "De gemeente koopt jeugd\u0000hulp in voor de regio\u0007. Een lange tekst over de inkoop. " * 5
            + "</p></article></body></html>")
    page = extract_html(body, "https://www.example.nl/nieuws/inkoop-jeugdhulp")
    assert "jeugdhulp in voor de regio." in page["text"]
    assert not any(chr(c) in page["text"] + page["title"] for c in [*range(9), *range(11, 32), 127])


#: SYNTHETIC consent banners as text lines, linking only their policy or settings (no control giving consent; not
#: dropped by their shape), each opening as an article's sentence may.
LINK_ONLY_BANNER_LINES = {
    "plaatsen wij": ["Voor een goede werking van deze website plaatsen wij cookies.", "",
                     "Ook plaatsen wij analytische cookies om het gebruik van de website te meten.", "",
                     "Meer weten Cookie-instellingen"],
    "maken gebruik van": ["Wij maken gebruik van cookies om onze website te verbeteren.", "Cookie-instellingen"],
    "gebruiken wij": ["Op deze website gebruiken wij functionele en analytische cookies.", "Meer weten…"],
    "om te laten werken": ["Om onze website goed te laten werken, gebruiken wij cookies.",
                           "Cookieverklaring | Privacyverklaring"],
}


@pytest.mark.parametrize("banner", sorted(LINK_ONLY_BANNER_LINES))
def test_a_consent_banner_closed_by_its_policy_links_leaves_the_text(banner):
    """§2.4 cookie modal ("… Meer weten..."): a banner opening "Voor een goede werking van deze website plaatsen wij
    cookies" or "Wij maken gebruik van cookies", closed by a line of its policy's and settings' links, was none of
    the cleaner's openings: its lines were the article's text. They go; the article's stay."""
    lines = SENTENCES.split("\n")
    text = clean_text("\n".join([lines[0], *LINK_ONLY_BANNER_LINES[banner], lines[1]]))
    assert "cookie" not in text.casefold() and "meer weten" not in text.casefold()
    assert lines[0] in text and lines[1] in text


@pytest.mark.parametrize("paragraph", [
    ["Wij maken gebruik van cookies op het inkoopportaal; aanbieders moeten die toestaan.", "Meer nieuws over de inkoop"],
    ["Wij gebruiken analytische cookies voor statistieken over deze inkoop; zie ons Cookiebeleid."],
    ["Op deze website gebruiken wij cookies.", "De gemeenten kiezen in 2025 voor een nieuwe aanbesteding.",
     "Meer weten"],
])
def test_an_articles_sentence_opening_as_a_consent_stays_without_its_links_line(paragraph):
    """The guard: a sentence opening as a consent does ("Wij maken gebruik van cookies op het inkoopportaal"), with no
    line of a banner's links under it, or with a sentence of the article's between, is the article's: it stays."""
    text = clean_text("\n".join([SENTENCES, *paragraph]))
    assert paragraph[0] in text and SENTENCES.split("\n")[0] in text


def test_consent_openings_are_read_fast():
    """A 100 KB line that opens as a consent, and many short ones, are cleaned in linear time."""
    from tests.speed import LINEAR, linear_time, repeat

    assert linear_time(clean_text, lambda n: "Wij gebruiken " + repeat("veel ", n) + "cookies") < LINEAR
    assert linear_time(clean_text, "Wij gebruiken analytische cookies om te meten.\n", 240_000) < LINEAR  # 5,000 lines


#: SYNTHETIC short consent banners opening as the cleaner's strong openings ("Deze site gebruikt cookies"), with no
#: closing control of their own, over an article whose later lines hold a line the cleaner takes for a banner's close
#: ("Meer informatie", a link stub; "Akkoord", a heading; "Weigeren").
SHORT_BANNERS = {
    "Meer informatie": ["Deze site gebruikt cookies.", *SENTENCES.split("\n"),
                        "De inschrijving sluit op 6 juli; aanbieders schrijven in via TenderNed.", "Meer informatie"],
    "Akkoord": ["Deze website gebruikt cookies om de site te verbeteren.", "", *SENTENCES.split("\n"), "",
                "Akkoord", "De raad stemde in met de gunning aan twaalf aanbieders."],
    "Weigeren": ["This website uses cookies.", "Deze website maakt gebruik van cookies.", *SENTENCES.split("\n"),
                 "Weigeren"],
}


@pytest.mark.parametrize("shape", sorted(SHORT_BANNERS))
def test_a_short_banners_opening_does_not_take_the_articles_sentences_after_it(shape):
    """§2.4 cookie modal: a strong opening ("Deze site gebruikt cookies") took every line up to a closing marker
    ("Meer informatie", "Akkoord", "Weigeren") up to 30 lines on: a short banner over an article took the article's
    own sentences with it when the article's text held such a line (a link stub, a heading). A banner takes its own
    lines only (about cookies, or a control's or category's label): the article's sentences stay."""
    lines = SHORT_BANNERS[shape]
    text = clean_text("\n".join(lines))
    assert lines[0] not in text
    for line in lines:
        if len(line) > 40 and "cookie" not in line:
            assert line in text


def test_the_seed_cookie_modal_still_goes_whole():
    """The guard: [S2]'s modal (its Dutch opening, its English categories, "Meer weten...") goes whole, the page's
    title after it staying its first line."""
    banner = ["Deze site gebruikt cookies om ervoor te zorgen dat we u de best mogelijke ervaring geven.", "",
              "Selecteer de typen cookies die u wilt accepteren.", "", "Strictly necessary cookies",
              "These cookies are strictly necessary to enable you to move about the site.", "Functionality cookies",
              "These cookies enhance the functionality of website by storing your preferences.", "Statistieken",
              "Alleen noodzakelijke", "Meer weten..."]
    text = clean_text("\n".join([*banner, "", "Proces aanbesteding inkoop jeugdhulp", "", SENTENCES]))
    assert text.split("\n")[0] == "Proces aanbesteding inkoop jeugdhulp" and SENTENCES in text
    assert "cookie" not in text.casefold() and "Statistieken" not in text
