"""Specification of tenderarchive.extraction.

Fixtures: tests/fixtures/news (SYNTHETIC pages, see its README.md) and the
seed texts with gold.json copied into tests/fixtures/news/seeds.
"""

from __future__ import annotations

import json
import re
from datetime import datetime, timezone
from pathlib import Path

import pytest
import yaml

from tenderarchive.extraction import (
    clean_text,
    extract_html,
    extract_text,
    fix_mojibake,
    parse_dutch_date,
    strip_template_label,
    title_from_slug,
)

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "news"
SEEDS = FIXTURES / "seeds"
GOLD = {g["seed"]: g for g in json.loads((SEEDS / "gold.json").read_text(encoding="utf-8"))}
MANIFEST = yaml.safe_load((FIXTURES / "fixtures.yaml").read_text(encoding="utf-8"))
KEYS = {"title", "title_source", "published", "published_source", "published_precision", "modified",
        "text", "language", "canonical_url", "extractor", "page_type", "tenderned_links"}

BOILERPLATE = [
    "Deze site gebruikt cookies", "Strictly necessary cookies", "These cookies", "Meer weten...",
    "Overslaan en naar de inhoud gaan", "Hoofdnavigatie", "Nieuwsbericht ", "SYNTHETISCHE TESTPAGINA",
    "U bent hier", "kind tussen ouders",
]
MOJIBAKE = ["Ć«", "ƫ", "ƶ", "Ã«", "Ã¶", "â€"]


def article_pages():
    return list(_article_pages())


def _article_pages():
    for site, spec in MANIFEST["sites"].items():
        for route in spec["routes"]:
            if route.get("kind") == "article":
                yield pytest.param(site, spec, route, id=f"{site}{route['path']}")


def production_url(spec, route):
    return spec["production_base_url"].rstrip("/") + route["path"]


def seed_text(name):
    return (SEEDS / name).read_text(encoding="utf-8")


def paragraphs(text):
    """Normalised body paragraphs (>= 60 characters) of a seed, title excluded."""
    text = extract_text(text)["text"]
    return [re.sub(r"\s+", " ", p).strip() for p in text.split("\n") if len(p.strip()) >= 60]


def squash(text):
    return re.sub(r"\s+", " ", text)


# ---------------------------------------------------------------- seed texts

@pytest.mark.parametrize("seed", sorted(GOLD))
def test_extract_text_matches_gold_for_every_seed(seed):
    gold = GOLD[seed]
    page = extract_text(seed_text(seed), url=gold["url"])
    assert set(page) == KEYS
    if gold["title"] is None:
        # seed 001: no title in the text; rebuilt from the slug
        assert page["title"] == gold["title_from_slug"]
        assert page["title_source"] == "slug"
    else:
        assert page["title"] == gold["title"]
        assert page["title_source"] == "first-line"
    assert page["published"] == gold["published"]
    assert page["published_source"] == gold.get("published_source")
    assert page["page_type"] == gold["doc_type"]
    assert page["language"] == "nl"
    json.dumps(page)  # JSON-serialisable


def test_seed_001_without_url_has_no_title():
    page = extract_text(seed_text("001_e12dcf1d5b689632.txt"))
    assert page["title"] is None and page["title_source"] is None
    assert page["text"].startswith("ZUID-KENNEMERLAND/IJMOND - De jeugdhulp")


def test_seed_000_keeps_the_stated_time_and_drops_label_date_line_and_tag():
    page = extract_text(seed_text("000_a37aabeefc19e5c0.txt"))
    assert page["published"] == "2020-12-14T08:55"
    assert page["published_precision"] == "minute"
    assert "Gepubliceerd op" not in page["text"]
    assert not page["text"].rstrip().endswith("Jeugdhulp")
    assert page["text"].endswith("Hiervoor ontvangt u in januari 2021 een uitnodiging.")
    assert "huidige aan bieder" in page["text"]  # source typo kept


def test_seed_002_cookie_block_removed_and_title_is_line_after_it():
    page = extract_text(seed_text("002_073f7f13558f592c.txt"))
    assert page["title"] == "Proces aanbesteding inkoop jeugdhulp Heerlen, Landgraaf en Voerendaal"
    assert "cookies" not in page["text"].lower()
    assert "Meer weten" not in page["text"]
    assert "(2 juli 2018)" in page["text"]  # NBSP inside the date became a space
    assert page["published"] is None  # a project page full of dates states no publication date


def test_seed_003_glued_alt_text_removed_typo_kept_signature_kept():
    page = extract_text(seed_text("003_bc1c8c8b7a62acc5.txt"))
    assert "kind tussen ouders" not in page["text"]
    assert "\nDe aanbesteding is een onderdeel" in page["text"]
    assert "Maasluis, Vlaardingen en Schiedam" in page["text"]
    assert page["text"].endswith("Met vriendelijke groet,\nProgrammateam Jeugdhulp MVS")
    assert page["published"] is None  # "Donderdag 7 oktober" has no year: not resolved here


@pytest.mark.parametrize("seed", sorted(GOLD))
def test_seed_text_has_no_nbsp_or_boilerplate(seed):
    text = extract_text(seed_text(seed))["text"]
    assert "\u00a0" not in text
    for junk in BOILERPLATE:
        assert junk not in text


# ---------------------------------------------------------------- fixture pages

@pytest.mark.parametrize("site,spec,route", article_pages())
def test_every_fixture_page_is_labelled_synthetic(site, spec, route):
    html = (FIXTURES / "sites" / site / route["file"]).read_text(encoding="utf-8")
    assert '<meta name="tenderarchive-fixture" content="synthetic">' in html
    assert "SYNTHETISCHE TESTPAGINA" in html


@pytest.mark.parametrize("site,spec,route", article_pages())
def test_extract_html_over_every_fixture_page(site, spec, route):
    html = (FIXTURES / "sites" / site / route["file"]).read_bytes()
    url = production_url(spec, route)
    page = extract_html(html, url, fetched_at=datetime(2024, 1, 1))
    assert set(page) == KEYS
    json.dumps(page)
    assert page["extractor"].startswith("trafilatura ")
    assert page["canonical_url"] == url
    assert page["language"] == "nl"
    text = page["text"]
    assert "\u00a0" not in text
    for junk in BOILERPLATE + MOJIBAKE:
        assert junk not in text, junk
    if route.get("seed"):
        gold = GOLD[route["seed"]]
        assert page["title"] == (gold["title"] or gold["title_from_slug"])
        assert page["published"] == gold["published"]
        assert page["published_source"] == gold.get("published_source")
        assert page["page_type"] == gold["doc_type"]
        # the article text is the seed text: every real paragraph is there
        flat = squash(text)
        missing = [p for p in paragraphs(seed_text(route["seed"])) if p not in flat]
        assert not missing, missing[:2]
    else:
        for key, value in route["expected"].items():
            assert page[key] == value, key


def test_stated_date_beats_meta_and_keeps_time():
    page = extract_html(
        '<html><head><meta property="article:published_time" content="2021-01-05T00:00:00">'
        "</head><body><article><h1>Bericht</h1><p>Gepubliceerd op: 4 januari 2021 09:30</p>"
        "<p>Tekst van het bericht over de aanbesteding van jeugdhulp in de regio.</p></article></body></html>",
        "https://www.voorbeeld.nl/nieuws/bericht",
    )
    assert (page["published"], page["published_source"], page["published_precision"]) == (
        "2021-01-04T09:30", "stated", "minute")


def test_meta_date_is_used_when_nothing_is_stated():
    page = extract_html(
        '<html><head><meta property="article:published_time" content="2021-01-05T11:20:00+01:00">'
        "</head><body><article><h1>Bericht</h1><p>Tekst van het bericht over de aanbesteding van"
        " jeugdhulp, die op 1 januari 2023 ingaat.</p></article></body></html>",
        "https://www.voorbeeld.nl/nieuws/bericht",
    )
    assert (page["published"], page["published_source"]) == ("2021-01-05T11:20", "meta")


def test_body_dates_are_never_taken_as_publication_date():
    page = extract_html(
        "<html><body><main><h1>Inkoop jeugdhulp</h1><p>Op 2 juli 2018 deed de rechter uitspraak."
        " De deadline is 6 juli 2018.</p></main></body></html>",
        "https://www.voorbeeld.nl/inkoopjeugdhulp.html",
    )
    assert page["published"] is None and page["published_source"] is None


def test_date_after_fetch_time_is_rejected():
    html = "<html><body><article><h1>Bericht</h1><p>Gepubliceerd op: 4 januari 2031</p><p>Tekst.</p></article></body></html>"
    assert extract_html(html, "https://x.nl/nieuws/a", fetched_at=datetime(2024, 1, 1))["published"] is None


def test_site_selectors_take_precedence():
    html = (FIXTURES / "sites/leiderdorp/inwoner/nieuws/werkzaamheden_hoofdstraat_vanaf_3_mei.html").read_text()
    site = {"selectors": {"title": "//title", "date": ".iprox-date", "body": "div.iprox-rich-content"}}
    page = extract_html(html, "https://www.leiderdorp.nl/inwoner/nieuws/werkzaamheden_hoofdstraat_vanaf_3_mei", site=site)
    assert page["title_source"] == "selector"
    assert page["title"] == "Werkzaamheden Hoofdstraat vanaf 3 mei - Gemeente Leiderdorp"
    assert page["extractor"] == "selectors"
    assert page["text"].startswith("Vanaf maandag 3 mei 2021")
    assert "Contact" not in page["text"]
    assert page["published"] == "2021-04-22"


def test_living_page_from_registry_is_project_page():
    html = "<html><body><main><h1>Inkooptrajecten</h1><p>TN469379: inschrijven kan tot 28 juni 2024, 12:00 uur.</p></main></body></html>"
    site = {"base_url": "https://www.houten.nl/", "living_pages": ["regionale-backoffice-lekstroom/inkooptrajecten"]}
    page = extract_html(html, "https://www.houten.nl/regionale-backoffice-lekstroom/inkooptrajecten", site=site)
    assert page["page_type"] == "project_page"


# ---------------------------------------------------------------- cleaning

def test_clean_text_rules():
    assert fix_mojibake("cliĆ«nten en de coƶperatie") == "cliënten en de coöperatie"
    assert fix_mojibake("cliƫnten, financiƫn, financiÃ«le") == "cliënten, financiën, financiële"
    assert fix_mojibake("ƒ 25,- en Maasluis") == "ƒ 25,- en Maasluis"
    # UTF-8 read as ISO-8859-1 (not cp1252): its 0x80-0x9F bytes are C1 control characters
    latin1 = "Jeugdhulp gegund – ‘Één loket’ voor cliënten".encode("utf-8").decode("latin-1")
    assert "\x80" in latin1 and "\x89" in latin1
    assert fix_mojibake(latin1) == "Jeugdhulp gegund – ‘Één loket’ voor cliënten"
    assert strip_template_label("Nieuwsbericht Voorlopige gunning") == "Voorlopige gunning"
    assert strip_template_label("Nieuws uit de raad") == "Nieuws uit de raad"
    cleaned = clean_text(
        "Overslaan en naar de inhoud gaan\nSecondary navigation\nHoofdnavigatie\nMenu Sluiten\nZoeken\n"
        "Nieuws Eén consortium\nJongeren_op_bankje 640x480\nkind tussen oudersDe aanbesteding loopt.\n"
        "eHerkenning is nodig.\u00a0Dat kan 12\u00a0juli.\n\nJeugdhulp"
    )
    assert cleaned == "Eén consortium\nDe aanbesteding loopt.\neHerkenning is nodig. Dat kan 12 juli."


def test_parse_date_formats():
    assert parse_dutch_date("Gepubliceerd op: 14 december 2020 08:55").iso == "2020-12-14T08:55"
    assert parse_dutch_date("Redactie 14-10-2021").iso == "2021-10-14"
    assert parse_dutch_date("22 december 2021 om 15.00 uur").iso == "2021-12-22T15:00"
    assert parse_dutch_date("(2\u00a0juli 2018)").iso == "2018-07-02"
    assert parse_dutch_date("Donderdag 7 oktober") is None


@pytest.mark.parametrize("line", ["14-dec-2020", "Geplaatst: 14-dec-2020 10:12"])
def test_a_date_line_with_the_month_between_hyphens_dates_the_page(line):
    """Tables and date pickers print a day as "14-dec-2020": it dates the page as "14 dec. 2020" does."""
    page = synthetic_page(body=f"<article><h1>Jeugdhulp ingekocht</h1><p>{line}</p>{SYNTHETIC_BODY}</article>")
    result = extract_html(page, url="https://www.voorbeeldstad.nl/nieuws/jeugdhulp-ingekocht")
    assert result["published"][:10] == "2020-12-14"
    assert result["published_source"] == "stated"
    assert "14-dec-2020" not in result["text"]


def test_title_from_slug_takes_casing_from_text():
    url = GOLD["001_e12dcf1d5b689632.txt"]["url"]
    assert title_from_slug(url) == (
        "Zuid kennemerland en ijmond kiezen voor nieuwe manier van samenwerken met aanbieders van jeugdhulp")
    assert title_from_slug(url, seed_text("001_e12dcf1d5b689632.txt")) == GOLD["001_e12dcf1d5b689632.txt"]["title_from_slug"]


# ---------------------------------------------------------------- news-sites.md review (refnews)

SYNTHETIC_BODY = (
    "<p>De gemeente Voorbeeldstad heeft de aanbesteding voor specialistische jeugdhulp gepubliceerd."
    " Aanbieders kunnen zich inschrijven voor de percelen ambulant en verblijf.</p>"
    "<p>Het college verwacht de opdracht in het najaar te gunnen aan de aanbieders die voldoen aan de"
    " eisen van de regio.</p>")


def synthetic_page(head: str = "", body: str = "") -> str:
    """A SYNTHETIC page (labelled like the fixture pages) around ``body``."""
    return ('<!doctype html><html lang="nl"><head><meta name="tenderarchive-fixture" content="synthetic">'
            f"{head}</head><body><main>{body}</main></body></html>")


def test_a_label_on_its_own_line_dates_the_page_by_publication_not_by_ruling():
    """§2.3 court pages: "Datum uitspraak" and "Datum publicatie" are two different dates; in a
    ``<dl>`` (label and date on lines of their own) the publication date is the page's date."""
    html = synthetic_page(body="<h1>Uitspraak kort geding aanbesteding jeugdhulp</h1><dl>"
                               "<dt>Datum uitspraak</dt><dd>20-11-2020</dd>"
                               "<dt>Datum publicatie</dt><dd>27-11-2020</dd></dl>" + SYNTHETIC_BODY)
    page = extract_html(html, "https://uitspraken.voorbeeld.nl/inziendocument", fetched_at=datetime(2024, 1, 1))
    assert (page["published"], page["published_source"]) == ("2020-11-27", "stated")
    from tenderarchive.extraction.dates import label_only
    assert [label_only(s) for s in ("Gepubliceerd op:", "Verschijningsdatum", "Datum uitspraak", "Sluitingsdatum",
                                    "Laatst gewijzigd", "Datum", "De uitspraak", "Laatste update:")] == [
        "published", "published", "other", "other", "modified", "published", None, "modified"]


def test_a_modified_label_on_its_own_line_is_not_the_publication_date():
    html = synthetic_page(body="<h1>Inkoop jeugdhulp</h1><dl><dt>Laatst gewijzigd</dt><dd>4 maart 2021</dd>"
                               "<dt>Gepubliceerd op</dt><dd>14 december 2020</dd></dl>" + SYNTHETIC_BODY)
    page = extract_html(html, "https://www.voorbeeld.nl/nieuws/inkoop", fetched_at=datetime(2024, 1, 1))
    assert page["published"] == "2020-12-14" and page["modified"] == "2021-03-04"
    assert "Gepubliceerd op" not in page["text"] and "14 december 2020" not in page["text"]


def test_a_sentence_that_begins_with_gewijzigd_op_is_not_the_modification_line():
    """"Gewijzigd op 3 maart 2020 is de verordening …" is what the text says happened, not when the
    page changed: the modification line is the label and its date (and a time) alone."""
    html = synthetic_page(body="<h1>Inkoop jeugdhulp</h1><p>Gepubliceerd op 14 december 2020</p>"
                               "<p>Gewijzigd op 3 maart 2020 is de verordening jeugdhulp aangepast.</p>"
                               + SYNTHETIC_BODY + "<p>Laatst gewijzigd op 4 maart 2021 om 10:15</p>")
    page = extract_html(html, "https://www.voorbeeld.nl/nieuws/inkoop", fetched_at=datetime(2024, 1, 1))
    assert page["modified"] == "2021-03-04T10:15"
    html = synthetic_page(body="<h1>Inkoop jeugdhulp</h1><p>Gepubliceerd op 14 december 2020</p>"
                               "<p>Gewijzigd op 3 maart 2020 is de verordening jeugdhulp aangepast.</p>" + SYNTHETIC_BODY)
    page = extract_html(html, "https://www.voorbeeld.nl/nieuws/inkoop", fetched_at=datetime(2024, 1, 1))
    assert page["modified"] is None and "Gewijzigd op 3 maart 2020 is de verordening" in page["text"]


@pytest.mark.parametrize("meta, expected", [
    ('<meta property="dcterms:created" content="2020-12-14">', "2020-12-14"),
    ('<meta property="dcterms:issued" content="2020-12-14T08:55:00+01:00">', "2020-12-14T08:55"),
    ('<meta name="dcterms.date" content="14-12-2020">', "2020-12-14"),
    ('<meta property="dcterms:date" content="14 december 2020">', "2020-12-14"),
    ('<meta property="dcterms:modified" content="2021-03-04">', None),
    ('<meta name="date" content="14-12-2020">', "2020-12-14"),
])
def test_iprox_dublin_core_meta_dates_the_page(meta, expected):
    """§2.1 iprox: Dublin-Core ``dcterms:*`` meta (colon or dotted, ISO or Dutch value) dates a page
    that states no date; a modification date does not."""
    page = extract_html(synthetic_page(meta, "<h1>Inkoop jeugdhulp</h1>" + SYNTHETIC_BODY),
                        "https://www.voorbeeld.nl/inwoner/nieuws/inkoop_jeugdhulp", fetched_at=datetime(2024, 1, 1))
    assert page["published"] == expected
    assert page["published_source"] == ("meta" if expected else None)


def test_a_header_table_repeated_on_the_page_is_kept_once():
    """§2.4: officielebekendmakingen.nl repeats its ``Datum publicatie | Organisatie |…`` table."""
    table = ("<table><tr><th>Datum publicatie</th><th>Organisatie</th><th>Soort</th></tr>"
             "<tr><td>27-11-2020</td><td>Gemeente Voorbeeldstad</td><td>Gemeenteblad</td></tr></table>")
    html = synthetic_page(body=f"<h1>Besluit inkoop jeugdhulp</h1>{table}{SYNTHETIC_BODY}{table}")
    text = extract_html(html, "https://zoek.voorbeeld.nl/gmb-2020-1.html", fetched_at=datetime(2024, 1, 1))["text"]
    assert text.count("Gemeente Voorbeeldstad") == 1 and text.count("Datum publicatie") == 1
    assert "specialistische jeugdhulp" in text
    copied = "Datum publicatie | Organisatie | Soort\nGemeenteblad 2020, 1 | Voorbeeldstad | Besluit\n"
    plain = extract_text(f"Besluit inkoop jeugdhulp\n{copied}Het college besluit tot inkoop.\n{copied}")
    assert plain["text"].count("Datum publicatie") == 1 and "Het college besluit tot inkoop." in plain["text"]


def test_a_share_block_leaves_no_buttons_in_the_text():
    """Page chrome in the body (§2.4 navigation): "Deel dit bericht" and its buttons, and "Terug
    naar overzicht", inside the element a site's ``selectors.body`` names."""
    share = ("<div class='share'><p>Deel dit bericht</p><ul><li><a href='#'>Facebook</a></li><li><a href='#'>X</a>"
             "</li><li><a href='#'>LinkedIn</a></li><li><a href='#'>WhatsApp</a></li><li><a href='#'>E-mail</a></li>"
             "</ul></div><p><a href='/inwoner/nieuws'>Terug naar overzicht</a></p>")
    html = synthetic_page(body="<div class='iprox-rich-content iprox-content'><h1>Inkoop jeugdhulp</h1>"
                               f"{SYNTHETIC_BODY}{share}</div>")
    page = extract_html(html, "https://www.voorbeeld.nl/inwoner/nieuws/inkoop", fetched_at=datetime(2024, 1, 1),
                        site={"selectors": {"body": "div.iprox-rich-content"}})
    assert page["text"].endswith("eisen van de regio.")
    assert clean_text("Tekst.\nDeel deze pagina:\nFacebook\nX\nE-mail\nX is de naam van het perceel.") == (
        "Tekst.\nX is de naam van het perceel.")


@pytest.mark.parametrize("stated", ["14 december 2020 - Gemeente Voorbeeldstad, afdeling communicatie en voorlichting",
                                    "14 december 2020 | Zorg en welzijn, jeugd, onderwijs, werk en inkomen"])
def test_an_iprox_date_element_with_a_long_suffix_dates_the_page(stated):
    """§2.3: the iprox listing date "may carry a suffix after ' - '", of any length inside
    ``div.iprox-date``."""
    html = synthetic_page(body=f"<h1>Inkoop jeugdhulp</h1><div class='iprox-content iprox-date date'>{stated}</div>"
                               + SYNTHETIC_BODY)
    page = extract_html(html, "https://www.voorbeeld.nl/inwoner/nieuws/inkoop", fetched_at=datetime(2024, 1, 1))
    assert (page["published"], page["published_source"]) == ("2020-12-14", "stated")


def test_a_time_element_in_a_sentence_is_an_event_not_the_publication_date():
    """§2.1's generic approach reads ``<time datetime>`` first, but a ``<time>`` inside a sentence
    (the deadline) is an event date: the page's own date is the stated one, or none."""
    deadline = ("<p>De inschrijving sluit op <time datetime='2021-03-01'>1 maart 2021</time>, daarna volgt de"
                " beoordeling van de inschrijvingen.</p>")
    url, fetched = "https://www.voorbeeld.nl/inwoner/nieuws/inkoop", datetime(2024, 1, 1)
    stated = extract_html(synthetic_page(body="<article><h1>Inkoop jeugdhulp</h1><p>Gepubliceerd op 14 december 2020"
                                              f"</p>{SYNTHETIC_BODY}{deadline}</article>"), url, fetched_at=fetched)
    assert stated["published"] == "2020-12-14"
    undated = extract_html(synthetic_page(body=f"<article><h1>Inkoop jeugdhulp</h1>{SYNTHETIC_BODY}{deadline}</article>"),
                           url, fetched_at=fetched)
    assert undated["published"] is None
    byline = extract_html(synthetic_page(body="<article><h1>Inkoop jeugdhulp</h1><p class='byline'>Door Jan Jansen, "
                                              f"<time datetime='2020-12-14'>14 december</time></p>{SYNTHETIC_BODY}"
                                              "</article>"), url, fetched_at=fetched)
    assert byline["published"] == "2020-12-14"


def test_a_time_element_in_the_body_keeps_its_text():
    """§2.3 dates in the text: trafilatura deletes a ``<time>`` with its text, so a deadline written
    "sluit op <time>1 maart 2021</time>, daarna …" read "sluit op , daarna …" and a list of dated
    steps or a ``<dd><time>`` under "Sluitingsdatum" lost every date (which the stage analysis reads).
    The text keeps them; the page's own date line under the title is still no body text."""
    url, fetched = "https://www.voorbeeld.nl/inwoner/nieuws/inkoop", datetime(2024, 1, 1)
    page = extract_html(synthetic_page(body=(
        "<article><h1>Inkoop jeugdhulp</h1><p class='date'><time datetime='2021-02-15'>15 februari 2021</time></p>"
        f"{SYNTHETIC_BODY}<p>De inschrijving sluit op <time datetime='2021-03-01'>1 maart 2021</time>, daarna volgt"
        " de beoordeling van de inschrijvingen.</p><ul><li>Marktconsultatie: <time>2 juli 2018</time></li>"
        "<li>Voorlopige gunning: <time datetime='2021-05-03'>3 mei 2021</time></li></ul>"
        "<dl><dt>Sluitingsdatum</dt><dd><time datetime='2021-03-01T12:00'>1 maart 2021, 12:00 uur</time></dd></dl>"
        "</article>")), url, fetched_at=fetched)
    assert page["published"] == "2021-02-15"
    assert "De inschrijving sluit op 1 maart 2021, daarna volgt de beoordeling" in page["text"]
    assert "Marktconsultatie: 2 juli 2018" in page["text"] and "Voorlopige gunning: 3 mei 2021" in page["text"]
    assert "1 maart 2021, 12:00 uur" in page["text"]
    assert "15 februari 2021" not in page["text"]


@pytest.mark.parametrize("line", ["Deze pagina is voor het laatst gewijzigd op 12 maart 2023",
                                  "Pagina laatst gewijzigd op 12-03-2023", "Laatst aangepast op 12 maart 2023 10:15",
                                  "Laatste update: 12 maart 2023"])
def test_a_modification_sentence_is_the_pages_modified_not_its_date_nor_its_text(line):
    """§2.3/§2.4: "Laatst gewijzigd" written as a sentence about the page ("Deze pagina is voor het laatst
    gewijzigd op …") or as "Laatst aangepast" stayed in the body (read there as a dated
    event) and was no ``modified``. It is the page's modified date; on a page stating nothing else it does
    not date the page."""
    url, fetched = "https://www.voorbeeld.nl/inwoner/nieuws/inkoop", datetime(2024, 1, 1)
    for dated in ("<p>Gepubliceerd op 3 maart 2021</p>", ""):
        page = extract_html(synthetic_page(body=f"<article><h1>Inkoop jeugdhulp</h1>{dated}{SYNTHETIC_BODY}"
                                                f"<p class='modified'>{line}</p></article>"), url, fetched_at=fetched)
        assert page["modified"] is not None and page["modified"].startswith("2023-03-12")
        assert page["published"] == ("2021-03-03" if dated else None)
        assert "2023" not in page["text"]


@pytest.mark.parametrize("line", [
    "Gepubliceerd op 14 december 2020, laatst gewijzigd op 5 januari 2021",
    "Gepubliceerd: 14 december 2020 | Gewijzigd: 5 januari 2021",
    "Laatst gewijzigd: 5 januari 2021 | Gepubliceerd: 14 december 2020",
    "Bijgewerkt op 5 januari 2021 · Gepubliceerd op 14 december 2020",
    "Gepubliceerd op: 14 december 2020 Laatst gewijzigd op: 5 januari 2021",
    "Gepubliceerd: 14 december 2020 | Laatste update: 5 januari 2021",
    # the modification first and a comma between (the line stayed in the text)
    "Bijgewerkt op 5 januari 2021, gepubliceerd op 14 december 2020",
    "Laatst gewijzigd: 5 januari 2021, gepubliceerd: 14-12-2020",
])
def test_one_meta_line_with_both_dates_gives_the_publication_and_the_modification(line):
    """§2.3's "Gepubliceerd op:" label beside "Laatst gewijzigd" on one meta line, as templates print them:
    the modification label first hid the publication date (the page went undated), after it the page had no
    ``modified``. Each label dates its own; neither is body text."""
    page = extract_html(synthetic_page(body=f"<article><h1>Inkoop jeugdhulp</h1><p>{line}</p>{SYNTHETIC_BODY}"
                                            "</article>"), "https://www.voorbeeld.nl/inwoner/nieuws/inkoop",
                        fetched_at=datetime(2024, 1, 1))
    assert (page["published"], page["modified"]) == ("2020-12-14", "2021-01-05")
    assert "2020" not in page["text"] and "2021" not in page["text"]


def test_a_back_link_and_a_feedback_question_are_no_body_text():
    """§2.4 navigation in the text: "Terug naar het nieuwsoverzicht" above the item and a page-feedback
    widget's "Was deze informatie nuttig?" (its buttons dropped) under it, on municipal templates."""
    url = "https://www.voorbeeld.nl/inwoner/nieuws/inkoop"
    page = extract_html(synthetic_page(body="<article><p><a href='/nieuws'>Terug naar het nieuwsoverzicht</a></p>"
                                            f"<h1>Inkoop jeugdhulp</h1>{SYNTHETIC_BODY}<div class='feedback'><p>Was deze"
                                            " informatie nuttig?</p><button>Ja</button><button>Nee</button></div>"
                                            "</article>"), url)
    assert "overzicht" not in page["text"] and "nuttig" not in page["text"]
    assert page["text"].startswith("De gemeente")


def test_a_breadcrumb_trail_on_one_line_is_navigation():
    """§2.4 navigation in the text: a breadcrumb written as one line ("Home > Inwoner > Nieuws >
    Titel"), as a site's ``selectors.body`` or a text copy gives it; a sentence starting with
    "Homepage" stays."""
    text = clean_text("Home > Inwoner > Nieuws > Voorlopige gunning\nDe gunning is bekend.\nHome / Actueel\n"
                      "Startpagina » Nieuws\nHomepage van de gemeente is vernieuwd.")
    assert text == "De gunning is bekend.\nHomepage van de gemeente is vernieuwd."


def test_a_page_view_counter_on_a_line_of_its_own_is_no_text():
    """§2.4 boilerplate: a CMS's view counter ("Dit bericht is 1.234 keer gelezen", "1.251 weergaven",
    Joomla's "Hits: 1234") counts every visit, the crawl's too; as a line of the text it changed at every fetch.
    A sentence that counts something else stays."""
    text = clean_text("De gunning is bekend.\nDit bericht is 1.234 keer gelezen\n1.251 weergaven\nGelezen: 88x\n"
                      "Aantal keer bekeken: 1 234\nHits: 1234\n523 keer bekeken.\nGelezen: 12 reacties\n"
                      "De 80 aanbieders hebben de stukken 3 keer bekeken.")
    assert text == "De gunning is bekend.\nGelezen: 12 reacties\nDe 80 aanbieders hebben de stukken 3 keer bekeken."


def test_a_date_before_the_web_is_not_a_publication_date():
    """A page stating a date before 1995 ("Opgericht 12 mei 1940") was dated by it (uvacw/inca #22:
    pages dated 1940), and a crawl then dropped the page as outside its dates: the next source of a
    date is used instead (here the meta tag), or the page is kept undated."""
    body = ("De gemeente Leiderdorp heeft de aanbesteding voor jeugdhulp gegund aan drie aanbieders. "
            "Cliënten krijgen een brief over de overgang. ") * 4
    html = ("<html><head><title>Jeugdhulp gegund</title>{meta}</head><body><article><h1>Jeugdhulp gegund</h1>"
            "<p>Gepubliceerd op 12 mei 1940</p><p>" + body + "</p></article></body></html>")
    fetched = datetime(2024, 1, 1)
    dated = extract_html(html.format(meta='<meta property="article:published_time" content="2021-03-04">'),
                         "https://www.leiderdorp.nl/nieuws/x", fetched_at=fetched)
    assert (dated["published"], dated["published_source"]) == ("2021-03-04", "meta")
    undated = extract_html(html.format(meta=""), "https://www.leiderdorp.nl/nieuws/x", fetched_at=fetched)
    assert undated["published"] is None and undated["text"]


@pytest.mark.parametrize("head, body", [
    ('<meta property="article:published_time" content="2024-03-05T00:10:00+01:00">', ""),
    ("", "<p>Gepubliceerd op: 5 maart 2024</p>"),
])
def test_a_page_fetched_just_after_midnight_in_amsterdam_keeps_that_days_date(head, body):
    # Fetched at 00:30 in Amsterdam, 23:30 UTC the day before: the page's date (Dutch calendar)
    # is not "after the fetch". Judged by the UTC day, it was dropped as lying in the future.
    html = (f"<html><head>{head}</head><body><article><h1>Aanbesteding jeugdhulp</h1>{body}"
            "<p>De gemeente start de aanbesteding van jeugdhulp in de regio.</p></article></body></html>")
    fetched = datetime(2024, 3, 4, 23, 30, tzinfo=timezone.utc)
    page = extract_html(html, "https://www.voorbeeld.nl/nieuws/aanbesteding", fetched_at=fetched)
    assert page["published"] and page["published"].startswith("2024-03-05"), page["published"]
    earlier = datetime(2024, 3, 4, 22, 30, tzinfo=timezone.utc)   # 23:30 on the 4th in Amsterdam
    assert extract_html(html, "https://www.voorbeeld.nl/nieuws/aanbesteding", fetched_at=earlier)["published"] is None


def test_a_copied_run_of_paragraphs_is_dropped_and_single_or_short_repeats_stay():
    from tenderarchive.extraction.cleaning import drop_repeated_paragraphs

    long_a, long_b = "Aanbieders kunnen zich tot de sluitingsdatum inschrijven voor jeugdhulp.", "B" * 70
    text = "\n".join([long_a, "Meer informatie", "Ga naar de inhoud", long_a, "Meer informatie", "Zie ook", long_b,
                      "Meer informatie", long_b, "Slot"])
    assert drop_repeated_paragraphs(text).split("\n") == [
        long_a, "Meer informatie", "Ga naar de inhoud", "Zie ook", long_b, "Meer informatie", long_b, "Slot"]
    post = "De gemeenten hebben de aanbesteding voor specialistische jeugdhulp gepubliceerd."
    assert drop_repeated_paragraphs(f"\n{post}\nGa naar de inhoud\n{post}") == f"\n{post}\nGa naar de inhoud"


BODY = ("<p>De gemeenten in de regio hebben de Europese aanbesteding voor specialistische jeugdhulp gegund aan "
        "twaalf aanbieders. De contracten gaan in per 1 januari 2022 en lopen vier jaar.</p>"
        "<p>Er kwamen 34 inschrijvingen binnen voor de percelen ambulante jeugdhulp en jeugdhulp met verblijf.</p>")


@pytest.mark.parametrize("page, published, chrome", [
    # iprox: a "Lees ook" block of dated related items after the article (SYNTHETIC)
    (f"""<html><body><main><h1>Nieuwsbericht Gunning jeugdhulp bekend</h1>
<div class="iprox-content iprox-date date">14 december 2020</div><div class="iprox-rich-content iprox-content">{BODY}</div>
<div class="lees-ook"><h2>Lees ook</h2><div class="grid-element"><a class="siteLink" href="/inwoner/nieuws/a">Aanbesteding
jeugdhulp gestart</a><div class="iprox-content iprox-date date">3 maart 2020</div></div></div></main></body></html>""",
     "2020-12-14", ["Lees ook", "gestart", "3 maart 2020"]),
    # WordPress: the sidebar's recent posts before the post, a "Lees ook:" stub in it (SYNTHETIC)
    (f"""<html><body><div id="content"><aside id="secondary" class="widget-area"><section class="widget
widget_recent_entries"><h2>Recente berichten</h2><ul><li><a href="/2021/11/30/info/">Informatieavond</a>
<time datetime="2021-11-30">30 november 2021</time></li></ul></section></aside><main><article><h1>Voorlopige gunning
jeugdhulp</h1><div class="entry-meta">Geplaatst op <time datetime="2021-07-29T09:15:00+02:00">29 juli 2021</time></div>
<div class="entry-content">{BODY}<p><strong>Lees ook:</strong> <a href="/2021/03/01/x/">Inschrijving gesloten</a></p>
</div></article></main></div></body></html>""",
     "2021-07-29T09:15", ["Recente berichten", "Informatieavond", "Lees ook", "Inschrijving gesloten"]),
    # a local paper: a byline, and a "Laatste nieuws" column of dated headlines (SYNTHETIC)
    (f"""<html><body><div class="container"><div class="col-md-8"><h1>Aanbesteding jeugdhulp MVS</h1>
<div class="auteur">Redactie 14-10-2021</div><div class="artikel-tekst">{BODY}</div></div><div class="col-md-4">
<h3>Laatste nieuws</h3><ul><li><a href="/nieuws/2.html">Nieuwe burgemeester</a> <small>13-10-2021</small></li>
<li><a href="/nieuws/3.html">Kermis op het plein</a> <small>12-10-2021</small></li></ul></div></div></body></html>""",
     "2021-10-14", ["Laatste nieuws", "burgemeester", "Kermis"]),
])
def test_a_related_news_block_is_no_part_of_the_text_and_does_not_date_the_page(page, published, chrome):
    """news-sites.md §2.4: boilerplate that pollutes the text; a "Lees ook" or "Laatste nieuws"
    list of other pages and a sidebar's recent posts are the site's chrome, and their dates are
    other pages' dates (§2.3 wants the page's own)."""
    got = extract_html(page, "https://www.voorbeeld.nl/nieuws/bericht")
    assert got["published"] == published and got["published_source"] == "stated"
    assert "aan twaalf aanbieders" in got["text"] and "ambulante jeugdhulp" in got["text"]
    for line in chrome:
        assert line not in got["text"], (line, got["text"])


def test_a_lees_ook_heading_inside_the_article_drops_only_its_list():
    """A "Lees ook" heading whose list stands in the article's own body: the list goes, the
    article (which holds the heading) stays."""
    page = (f"<html><body><article><h1>Inkoop jeugdhulp</h1><p>Gepubliceerd op: 5 maart 2024</p>{BODY}"
            "<h2>Lees ook</h2><ul><li><a href='/a'>Marktconsultatie jeugdhulp</a></li><li><a href='/b'>Gunning "
            "jeugdhulp</a></li></ul><p>Meer informatie over de inkoop staat op de website van de regio.</p>"
            "</article></body></html>")
    got = extract_html(page, "https://www.voorbeeld.nl/nieuws/inkoop")
    assert "aan twaalf aanbieders" in got["text"] and "website van de regio" in got["text"]
    for line in ("Lees ook", "Marktconsultatie", "Gunning jeugdhulp"):
        assert line not in got["text"], (line, got["text"])


@pytest.mark.parametrize("lead", [
    '<div class="teaser-text" itemprop="description"><p>{}</p></div>',  # TYPO3 EXT:news
    '<p class="lead">{}</p>',
    '<div class="intro">{}</div>',
])
def test_a_lead_beside_the_article_body_is_kept_and_a_footers_description_is_not(lead):
    """trafilatura reads an ``itemprop="articleBody"`` alone: a lead beside it was lost (news-sites.md
    §2.1: the generic scraper's summary from ``.intro, .summary, .lead``). A description of the
    organisation in the footer is no lead."""
    opening = "De gemeente Voorbeeld start de inkoop van jeugdhulp voor 2023 samen met de regio."
    page = (f"<html><body><div class='article' itemscope itemtype='http://schema.org/Article'><h1>Inkoop jeugdhulp</h1>"
            f"{lead.format(opening)}<div itemprop='articleBody'>{BODY}</div></div><footer><div itemscope "
            "itemtype='http://schema.org/Organization'><p itemprop='description'>Gemeente Voorbeeld is er voor "
            "alle inwoners, ondernemers en bezoekers.</p></div></footer></body></html>")
    got = extract_html(page, "https://www.voorbeeld.nl/nieuws/inkoop")
    assert got["text"].startswith(opening + "\n") and "aan twaalf aanbieders" in got["text"]
    assert "alle inwoners" not in got["text"]
    assert got["text"].count(opening) == 1


@pytest.mark.parametrize("item, heading", [
    # TYPO3 EXT:news's detail template: the headline an <h3 itemprop="headline">, no <h1> on the page (SYNTHETIC)
    ("<div class='news news-single'><div class='article' itemscope itemtype='http://schema.org/Article'>{}</div></div>",
     "<div class='header'><h3 itemprop='headline'>Inkoop jeugdhulp 2023</h3></div>"),
    # the site's logo in the <h1>, the item's heading an <h2> (SYNTHETIC)
    ("<article itemscope itemtype='http://schema.org/Article'>{}</article>", "<h2>Inkoop jeugdhulp 2023</h2>"),
])
@pytest.mark.parametrize("lead", [
    '<div class="lead" itemprop="description"><p>{}</p></div>',   # TYPO3 EXT:news
    '<div class="teaser-text" itemprop="description"><p>{}</p></div>',
    '<p class="intro">{}</p>',
])
def test_a_lead_beside_the_article_body_is_kept_when_the_headline_is_no_h1(item, heading, lead):
    """§2.1 CMS markup: an item headed by TYPO3 EXT:news's ``<h3 itemprop="headline">`` (or an ``<h2>`` under a
    logo ``<h1>``) lost its lead (``div.lead``/``teaser-text`` with ``itemprop="description"`` beside the
    ``itemprop="articleBody"``): the lead was looked for only beside an ``<h1>``."""
    opening = "De gemeente Voorbeeld start de inkoop van jeugdhulp voor 2023 samen met de regio."
    page = ("<html><head><title>Gemeente Voorbeeld</title></head><body><header><h1 class='logo'><a href='/'>Gemeente Voorbeeld</a></h1></header>"
            + item.format(f"{heading}<time itemprop='datePublished' datetime='2022-03-14'>14-03-2022</time>"
                          f"{lead.format(opening)}<div itemprop='articleBody'>{BODY}</div>") + "</body></html>")
    got = extract_html(page, "https://www.voorbeeld.nl/actueel/nieuws/detail/123")
    assert got["title"] == "Inkoop jeugdhulp 2023"
    assert got["text"].startswith(opening + "\n") and "aan twaalf aanbieders" in got["text"]
    assert got["text"].count(opening) == 1


@pytest.mark.parametrize("logo", [
    "<div class='site-branding'><h1 class='site-title'><a href='https://www.voorbeeld.nl/' rel='home'>Jeugdhulp Regio "
    "Voorbeeld</a></h1></div>",                                   # a WordPress theme's site title
    "<div class='logo'><h1><a href='/'>Jeugdhulp Regio Voorbeeld</a></h1></div>",
    "<div class='top'><h1>Jeugdhulp Regio Voorbeeld</h1></div>",  # the site's name (og:site_name)
])
def test_a_site_logo_h1_is_not_the_pages_title(logo):
    """A theme that writes the site's name as an ``<h1>`` linking home on every page (outside
    ``<header>``), and the post's title as an ``<h2>``: every post was archived under the site's
    name. The title then comes from ``og:title``/``<title>`` minus the site's name."""
    page = (f"<html><head><title>Voorlopige gunning jeugdhulp | Jeugdhulp Regio Voorbeeld</title>"
            "<meta property='og:site_name' content='Jeugdhulp Regio Voorbeeld'></head><body>"
            f"{logo}<main><article><h2 class='entry-title'>Voorlopige gunning jeugdhulp</h2>"
            f"<p>15 december 2020</p>{BODY}</article></main></body></html>")
    got = extract_html(page, "https://www.voorbeeld.nl/2020/12/15/voorlopige-gunning-jeugdhulp/")
    assert (got["title"], got["title_source"]) == ("Voorlopige gunning jeugdhulp", "title-tag")
    assert "Jeugdhulp Regio Voorbeeld" not in got["text"] and "aan twaalf aanbieders" in got["text"]


def test_a_title_h1_that_links_home_inside_the_article_is_the_title():
    page = (f"<html><body><main><h1><a href='/'>Inkoop jeugdhulp 2023</a></h1><p>15 december 2020</p>{BODY}"
            "</main></body></html>")
    assert extract_html(page, "https://www.voorbeeld.nl/nieuws/inkoop")["title"] == "Inkoop jeugdhulp 2023"


@pytest.mark.parametrize("head", [
    "<meta property='og:updated_time' content='2021-01-03T10:00:00+01:00'>",
    "<meta property='article:modified_time' content='2021-01-03T10:00:00+01:00'>",
    "<meta itemprop='dateModified' content='2021-01-03T10:00:00+01:00'>",
    '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "WebPage", '
    '"dateModified": "2021-01-03T10:00:00+01:00"}</script>',
])
def test_a_page_that_declares_only_its_last_change_is_not_dated_by_it(head):
    """A page whose markup gives only its last change (Yoast's ``og:updated_time``,
    ``article:modified_time``, schema.org ``dateModified``): htmldate falls back to that date, and it
    was archived as the publication date (``meta``). It is the page's ``modified``; the
    publication date then comes from the URL (news-sites.md §2.3, ``/2020/02/16/``) or is unknown."""
    page = f"<html><head>{head}</head><body><main><h1>Inkoop jeugdhulp</h1>{BODY}</main></body></html>"
    undated = extract_html(page, "https://www.voorbeeld.nl/nieuws/inkoop-jeugdhulp")
    assert (undated["published"], undated["modified"]) == (None, "2021-01-03T10:00")
    dated = extract_html(page, "https://www.voorbeeld.nl/2020/02/16/inkoop-jeugdhulp/")
    assert (dated["published"], dated["published_source"], dated["modified"]) == ("2020-02-16", "url", "2021-01-03T10:00")


def test_an_articles_own_meta_column_called_sidebar_still_dates_it():
    """Shape of a real page (trafilatura's test page threatpost.com.android.html): the article's
    author, date and share links stand in a column of the article classed ``c-sidebar``. That
    column is the article's, not a list of other pages: its ``<time>`` dates the page, and the
    site's sidebar of other posts beside the article does not."""
    page = (f"<html><body><article class='c-article'><div class='c-sidebar c-article__info'><span>Auteur: </span>"
            "<a href='/auteur/jan'>Jan Jansen</a> <time datetime='2021-07-30T13:16:29+02:00'>30 juli 2021</time> "
            "<a href='https://x.com/share'>Deel</a> <a href='https://www.facebook.com/sharer'>Facebook</a></div>"
            f"<div class='c-article__content'><h1>Inkoop jeugdhulp</h1>{BODY}</div></article>"
            "<div class='c-sidebar'><h2>Populair</h2><ul><li><a href='/a'>Ander bericht</a> "
            "<time datetime='2021-08-21T15:20:02+02:00'>21 augustus 2021</time></li></ul></div></body></html>")
    got = extract_html(page, "https://www.voorbeeld.nl/nieuws/inkoop-jeugdhulp")
    assert (got["published"], got["published_source"]) == ("2021-07-30T13:16", "stated")
    assert "Ander bericht" not in got["text"]


@pytest.mark.parametrize("other", [
    # a photo's caption, schema.org ImageObject (real pages: theguardian, vancouversun, sueddeutsche)
    "<figure itemscope itemtype='http://schema.org/ImageObject'><img src='a.jpg'><figcaption itemprop='description' "
    "class='caption'>Wethouder Jansen tekent de contracten met de aanbieders van jeugdhulp in het gemeentehuis.</figcaption>"
    "</figure>",
    # a linked teaser of another article (real page: futurezone.at)
    "<div class='teaser'><a class='teaser-text' href='/nieuws/ander'>Ook de Wmo-aanbesteding voor huishoudelijke hulp "
    "start dit jaar, met nieuwe percelen.</a></div>",
    # an item of a list of other articles (real page: laviedesidees.fr)
    "<ul><li><div class='intro'>Eerder schreven we over de marktconsultatie van de regio voor de jeugdhulp.</div>"
    "<a href='/nieuws/marktconsultatie'>Lees verder</a></li></ul>",
])
def test_a_caption_or_another_pages_teaser_is_not_taken_for_the_lead(other):
    page = (f"<html><body><div class='article' itemscope itemtype='http://schema.org/NewsArticle'><h1>Inkoop jeugdhulp</h1>"
            f"<div itemprop='articleBody'>{BODY}</div>{other}</div></body></html>")
    got = extract_html(page, "https://www.voorbeeld.nl/nieuws/inkoop")
    assert got["text"].startswith("De gemeenten in de regio"), got["text"]


@pytest.mark.parametrize("title_tag, head, logo, expected", [
    ("Inkoop jeugdhulp › Jeugdhulp Regio", "", "", "Inkoop jeugdhulp"),
    ("Inkoop jeugdhulp « JEUGDHULP REGIO", "<meta property='og:site_name' content='JEUGDHULP REGIO'>", "",
     "Inkoop jeugdhulp"),
    ("Jeugdhulp Regio » Inkoop jeugdhulp", "", "<div class='logo'><h1><a href='/'>Jeugdhulp Regio</a></h1></div>",
     "Inkoop jeugdhulp"),
])
def test_the_sites_name_is_taken_off_the_title_tag_whichever_separator(title_tag, head, logo, expected):
    """Real WordPress pages (trafilatura's test pages meedia.de, spreeblick.com, internet-law.de) join the site's
    name with ›, « or » , before or after the title."""
    page = f"<html><head><title>{title_tag}</title>{head}</head><body>{logo}<main><p>15-12-2020</p>{BODY}</main></body></html>"
    got = extract_html(page, "https://www.voorbeeld.nl/nieuws/inkoop")
    assert (got["title"], got["title_source"]) == (expected, "title-tag")


@pytest.mark.parametrize("top", [
    # a page header above the content, the site's header (logo, menu) above it
    "<header class='site-header'><a href='/'><img alt='Gemeente Voorbeeld' src='logo.svg'></a><nav><a href='/inwoner'>"
    "Inwoner</a></nav></header><header class='page-header'><h1>Gunning jeugdhulp bekend</h1></header>",
    # a hero header
    "<header class='hero'><h1>Gunning jeugdhulp bekend</h1><p>Gemeente Voorbeeld</p></header>",
])
def test_a_page_header_outside_the_article_holds_the_title(top):
    """A title ``<h1>`` in a page header or hero above the content (outside ``<article>``) was passed
    over as the site's banner; a ``<title>`` that names the section ("Nieuws - Gemeente Voorbeeld",
    too short to lose the site's name) became every page's title. The site's header (its menu, its
    logo) still holds no title."""
    page = (f"<html><head><title>Nieuws - Gemeente Voorbeeld</title></head><body>{top}<main><p>14-12-2020</p>{BODY}"
            "</main></body></html>")
    got = extract_html(page, "https://www.voorbeeld.nl/nieuws/gunning-jeugdhulp-bekend")
    assert (got["title"], got["title_source"]) == ("Gunning jeugdhulp bekend", "h1")
    banner = page.replace("<h1>Gunning jeugdhulp bekend</h1>", "").replace(
        "<body>", "<body><header><h1>Gemeente Voorbeeld</h1><nav><a href='/inwoner'>Inwoner</a></nav></header>")
    assert extract_html(banner, "https://www.voorbeeld.nl/nieuws/x")["title"] != "Gemeente Voorbeeld"


@pytest.mark.parametrize("head, body", [
    ("<meta property='article:published_time' content='2021-07-29T23:30:00+00:00'>", ""),
    ('<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle", '
     '"datePublished": "2021-07-29T23:30:00.000Z"}</script>', ""),
    ("", "<time datetime='2021-07-29T23:30:00Z'>30 juli 2021</time>"),
    ("<meta property='article:published_time' content='2021-07-30T01:30:00+02:00'>", ""),
])
def test_a_utc_publication_time_is_archived_as_the_dutch_day_and_time(head, body):
    """A broadcaster's JSON-LD, a Drupal ``<time>`` and many ``article:published_time`` tags give
    the publication in UTC ("…T23:30:00Z"): the page appeared on 30 July at 01:30 in the
    Netherlands (docs: dates are Europe/Amsterdam), and it was archived on 29 July, 23:30 -- a day
    early for a ``from_date`` and a timeline. A time with a Dutch offset stays as it is."""
    page = f"<html><head>{head}</head><body><main><h1>Inkoop jeugdhulp</h1>{body}{BODY}</main></body></html>"
    got = extract_html(page, "https://www.voorbeeld.nl/nieuws/inkoop",
                       fetched_at=datetime(2024, 1, 1, tzinfo=timezone.utc))
    assert got["published"] == "2021-07-30T01:30"


@pytest.mark.parametrize("line", [
    "<p>Laatst gewijzigd: 15 december 2020</p>",
    "<p>Laatst gewijzigd op 15-12-2020 om 10:12</p>",
    "<dl><dt>Laatst gewijzigd</dt><dd>15 december 2020</dd></dl>",
])
def test_the_modification_line_is_the_pages_modified_and_not_its_text(line):
    """A municipal page's "Laatst gewijzigd: …" line under the article is metadata like its
    "Gepubliceerd op" line (which the text already leaves out): it is the page's ``modified``, and in
    the text it read as a dated event of the procurement. A sentence naming a date stays."""
    page = (f"<html><body><main><h1>Gunning jeugdhulp</h1><p>Gepubliceerd op: 14 december 2020</p>{BODY}{line}"
            "<p>Het college besluit op 15 december 2020 over de definitieve gunning aan de aanbieders.</p>"
            "</main></body></html>")
    got = extract_html(page, "https://www.voorbeeld.nl/nieuws/gunning")
    assert got["modified"].startswith("2020-12-15")
    assert "gewijzigd" not in got["text"].lower() and "15-12-2020" not in got["text"]
    assert "Het college besluit op 15 december 2020" in got["text"]


@pytest.mark.parametrize("event", [
    "<dl class='info'><dt>Datum bijeenkomst</dt><dd><time datetime='2021-01-20'>20 januari 2021</time></dd>"
    "<dt>Locatie</dt><dd>Gemeentehuis</dd></dl>",
    "<table><tr><th>Sluitingsdatum</th><td><time datetime='2021-03-01'>1 maart 2021</time></td></tr></table>",
    "<p><strong>Sluitingsdatum:</strong> <time datetime='2021-03-01'>1 maart 2021</time></p>",
    "<div class='deadline'>Deadline: <time datetime='2021-03-01'>1 maart 2021</time></div>",
])
def test_a_time_labelled_as_another_date_does_not_date_the_page(event):
    """news-sites.md §2.3 (a court page's "Datum uitspraak" beside its "Datum publicatie": two dates):
    a ``<time>`` labelled as an event's date -- a meeting, a closing date, a deadline -- dated the
    page, before its own "Gepubliceerd op" line; without such a line, htmldate read it (``meta``)."""
    dated = (f"<html><body><main><h1>Marktconsultatie jeugdhulp</h1>{event}<p>Gepubliceerd op: 14 december 2020</p>"
             f"{BODY}</main></body></html>")
    assert extract_html(dated, "https://www.voorbeeld.nl/nieuws/marktconsultatie")["published"] == "2020-12-14"
    undated = dated.replace("<p>Gepubliceerd op: 14 december 2020</p>", "")
    assert extract_html(undated, "https://www.voorbeeld.nl/nieuws/marktconsultatie")["published"] is None


@pytest.mark.parametrize("h1", [
    "<h1><span class='type'>Nieuwsbericht</span>Voorlopige gunning jeugdhulp bekend</h1>",
    "<h1><span class='visually-hidden'>Nieuwsbericht: </span>Voorlopige gunning jeugdhulp bekend</h1>",
    "<h1><span class='type'>Nieuwsbericht</span><br>Voorlopige gunning jeugdhulp bekend</h1>",
])
def test_a_template_label_in_its_own_element_of_the_h1_is_taken_off(h1):
    """news-sites.md §2.4 template labels glued to titles ("Nieuwsbericht Voorlopige gunning", [S0]):
    in the HTML the label is an element of the ``<h1>`` of its own, with no space after it, a colon,
    or a line break: the title was "NieuwsberichtVoorlopige gunning …" or kept "Nieuwsbericht: ", or
    the label was left as the text's first line."""
    page = f"<html><body><main>{h1}<p>14 december 2020</p>{BODY}</main></body></html>"
    got = extract_html(page, "https://www.leiderdorp.nl/inwoner/nieuws/voorlopige_gunning")
    assert got["title"] == "Voorlopige gunning jeugdhulp bekend"
    assert got["text"].startswith("De gemeenten in de regio")
    assert strip_template_label("Nieuwsberichten over jeugdhulp") == "Nieuwsberichten over jeugdhulp"


def test_a_number_after_a_label_word_belongs_to_the_title():
    """"Artikel 8 Jeugdwet" is a title, not the label "Artikel" before "8 Jeugdwet"; a number is
    taken as the title's start only after a colon ("Nieuws: 12 aanbieders …")."""
    assert strip_template_label("Artikel 8 Jeugdwet en de inkoop") == "Artikel 8 Jeugdwet en de inkoop"
    assert strip_template_label("Nieuws 2024 in cijfers") == "Nieuws 2024 in cijfers"
    assert strip_template_label("Nieuws: 12 aanbieders gecontracteerd") == "12 aanbieders gecontracteerd"
    assert strip_template_label("NieuwsberichtVoorlopige gunning") == "Voorlopige gunning"


@pytest.mark.parametrize("line, where", [
    ("<p class='meta'>Nieuwsbericht | 14-12-2020</p>", "above"),
    ("<div class='kicker'>Nieuws · 14 december 2020</div>", "above"),
    ("<p>14 december 2020</p>", "above"),
    ("<p>Nieuwsbericht | 14-12-2020</p>", "below"),
])
def test_a_date_line_with_the_pages_type_before_it_or_above_the_title_dates_the_page(line, where):
    """news-sites.md §2.3 "date line under title" and the iprox date with a suffix after " - ": a
    page type or section before the date ("Nieuwsbericht | 14-12-2020"), and such a line above the
    ``<h1>`` as a kicker, were not read (no date, and the line left in the text). A meta date is
    preferred to a line above the title; a closing date set off the same way is no page date."""
    title = "<h1>Gunning jeugdhulp</h1>"
    page = f"<html><body><main>{line + title if where == 'above' else title + line}{BODY}</main></body></html>"
    got = extract_html(page, "https://www.voorbeeld.nl/nieuws/gunning")
    assert (got["published"], got["published_source"]) == ("2020-12-14", "stated")
    assert got["text"].startswith("De gemeenten in de regio")
    meta = page.replace("<html>", "<html><head><meta property='article:published_time' content='2020-12-13'></head>")
    assert extract_html(meta, "https://www.voorbeeld.nl/nieuws/gunning")["published"] == (
        "2020-12-13" if where == "above" else "2020-12-14")
    other = f"<html><body><main>{title}<p>Sluitingsdatum - 1 maart 2021</p>{BODY}</main></body></html>"
    assert extract_html(other, "https://www.voorbeeld.nl/nieuws/gunning")["published"] is None


@pytest.mark.parametrize("written, expected", [
    ("2021-06-14 10:00-12:00", "2021-06-14T10:00"),          # a time range, not an offset of -12:00
    ("Gepubliceerd op 2021-06-14 10:00-11:30 uur", "2021-06-14T10:00"),
    ("2021-07-29T23:30:00Z", "2021-07-30T01:30"),            # UTC onto the ISO time: Amsterdam's day
    ("2021-07-29T23:30+00:00", "2021-07-30T01:30"),
    ("2021-07-29 23:30:00 +00:00", "2021-07-30T01:30"),
])
def test_a_time_range_is_not_read_as_a_utc_offset(written, expected):
    """"10:00-12:00" after a date and a space is ten to twelve o'clock; it was read as 10:00 at UTC-12,
    dating the page a day late (2021-06-15T00:00). An offset is one written onto the ISO time itself."""
    from tenderarchive.extraction.dates import parse_dutch_date

    assert parse_dutch_date(written).iso == expected


@pytest.mark.parametrize("head, heading, expected", [
    ("", "<h1>Nieuwsbericht 14 oktober 2021</h1><h2>Voorlopige gunning jeugdhulp</h2>", "h2"),
    ("", "<h1 class='page-title'>Nieuws | 14-10-2021</h1><div class='intro'><h3>Voorlopige gunning jeugdhulp</h3></div>", "h2"),
    ("<meta property='og:title' content='Voorlopige gunning jeugdhulp'>",
     "<h1>Nieuwsbericht 14 oktober 2021</h1><h2>Voorlopige gunning jeugdhulp</h2>", "og"),
    ("<title>Voorlopige gunning jeugdhulp | Gemeente Voorbeeld</title>", "<h1>Persbericht</h1>", "title-tag"),
    ("<title>Nieuwsbericht 14 oktober 2021 - Gemeente Voorbeeld</title>", "<p>14 oktober 2021</p>", "slug"),
])
def test_a_heading_that_is_only_the_templates_label_and_a_date_is_not_the_title(head, heading, expected):
    """news-sites.md §2.4 "template labels glued to titles" with a §2.3 date: a CMS that heads every item
    "Nieuwsbericht 14 oktober 2021" (in the ``<h1>`` or the ``<title>``) and writes the item's own title
    below it archived every item under its label and date. The title is the page's own (``og:title``,
    the heading under that ``<h1>``, ``<title>``, else the URL slug), and the label's date dates it."""
    page = f"<html><head>{head}</head><body><main>{heading}{BODY}</main></body></html>"
    got = extract_html(page, "https://www.voorbeeld.nl/nieuws/voorlopige-gunning-jeugdhulp")
    assert (got["title"], got["title_source"]) == ("Voorlopige gunning jeugdhulp", expected)
    assert got["text"].startswith("De gemeenten in de regio")
    if "14" in heading:
        assert (got["published"], got["published_source"]) == ("2021-10-14", "stated")


@pytest.mark.parametrize("head, body", [
    # TYPO3 EXT:news: the item's headline in an <h3 itemprop="headline">, a generic <title>
    ("<title>Nieuws | Gemeente Voorbeeld</title>",
     "<div class='news news-single'><div class='article'><div class='header'><h3 itemprop='headline'>"
     "Voorlopige gunning jeugdhulp</h3></div>{BODY}<div class='news-related'><h4 itemprop='headline'>Ander bericht"
     "</h4></div></div></div>"),
    # the site's logo in the <h1>, the site's name as the <title>, the item's heading an <h2>
    ("<title>Gemeente Voorbeeld</title>",
     "<header><h1 class='logo'><a href='/'>Gemeente Voorbeeld</a></h1></header><article><h2>Voorlopige gunning"
     " jeugdhulp</h2>{BODY}<aside><h2>Lees ook</h2></aside></article>"),
])
def test_a_page_without_an_h1_title_takes_its_items_headline_not_a_generic_title_tag(head, body):
    """§2.1 CMS markup: an item headed by an ``<h3 itemprop="headline">`` (TYPO3 EXT:news) or an ``<h2>``
    under a logo ``<h1>`` was archived under its ``<title>``: "Nieuws | Gemeente Voorbeeld", or the site's
    name. The headline is the title (not a related item's), and no line of the text."""
    page = ('<!doctype html><html lang="nl"><head><meta name="tenderarchive-fixture" content="synthetic">'
            f"{head}</head><body>{body.format(BODY=BODY)}</body></html>")
    got = extract_html(page, "https://www.voorbeeld.nl/actueel/nieuws/detail/123")
    assert (got["title"], got["title_source"]) == ("Voorlopige gunning jeugdhulp", "h2")
    assert got["text"].startswith("De gemeenten in de regio")


@pytest.mark.parametrize("section", ["Actueel", "Nieuwsoverzicht", "Nieuwsberichten", "Actualiteiten", "Laatste nieuws"])
def test_a_news_sections_name_in_the_h1_is_not_the_items_title(section):
    """§2.4 template labels: a template that heads every item with its section's name (``<h1>Actueel</h1>``)
    and the item's title in an ``<h2>`` archived every item as "Actueel", its real title as the text's first
    line. The section's name is passed over as "Nieuws" is; a title that starts with it stays."""
    page = f"<html><body><main><h1>{section}</h1><article><h2>Voorlopige gunning jeugdhulp</h2>{BODY}</article></main></body></html>"
    got = extract_html(page, "https://www.voorbeeld.nl/nieuws/bericht")
    assert (got["title"], got["title_source"]) == ("Voorlopige gunning jeugdhulp", "h2")
    assert got["text"].startswith("De gemeenten in de regio")
    page = f"<html><body><main><h1>{section} uit de regio</h1>{BODY}</main></body></html>"
    assert extract_html(page, "https://www.voorbeeld.nl/nieuws/bericht")["title"] == f"{section} uit de regio"


def test_a_newsletters_issue_date_and_a_title_after_the_label_stay_titles():
    """A newsletter's issue ("Nieuwsbrief 14 oktober 2021") is its title; so is a title after a label."""
    for h1, title in (("Nieuwsbrief 14 oktober 2021", "Nieuwsbrief 14 oktober 2021"),
                      ("Nieuwsbericht Voorlopige gunning jeugdhulp", "Voorlopige gunning jeugdhulp"),
                      ("Nieuws 2024 in cijfers", "Nieuws 2024 in cijfers")):
        page = f"<html><body><main><h1>{h1}</h1><h2>Inleiding</h2>{BODY}</main></body></html>"
        assert extract_html(page, "https://www.voorbeeld.nl/nieuws/bericht")["title"] == title


@pytest.mark.parametrize("line, fetched, expected", [
    ("3 uur geleden", "2021-10-14T08:00:00+00:00", ("2021-10-14", "day")),
    ("Geplaatst: 2 dagen geleden", "2021-10-16T08:00:00+00:00", ("2021-10-14", "day")),
    ("Door Redactie · gisteren om 14:05", "2021-10-15T09:00:00+00:00", ("2021-10-14T14:05", "minute")),
    # 23:30 UTC is 01:30 on the next Dutch day: "gisteren" is the Dutch calendar's yesterday
    ("Gisteren", "2021-10-15T23:30:00+00:00", ("2021-10-15", "day")),
    ("Vandaag, 09.30 uur", "2021-10-14T12:00:00+00:00", ("2021-10-14T09:30", "minute")),
])
def test_a_date_line_written_relative_to_the_fetch_dates_the_page(line, fetched, expected):
    """§2.3 dates, as a regional news site writes a recent item's under its title: "3 uur geleden",
    "Geplaatst: 2 dagen geleden", "gisteren om 14:05". None was read (the page went undated, the line
    stayed in its text). The day it names against the fetch (so a reparse reads the same) dates it."""
    page = (f"<html lang='nl'><body><main><article><h1>Voorlopige gunning jeugdhulp</h1><p class='meta'>{line}</p>"
            f"{BODY}</article></main></body></html>")
    got = extract_html(page, "https://www.voorbeeld.nl/nieuws/bericht", fetched_at=datetime.fromisoformat(fetched))
    assert (got["published"], got["published_precision"], got["published_source"]) == (*expected, "stated")
    assert line not in got["text"] and got["text"].startswith("De gemeenten in de regio")
    assert extract_html(page, "https://www.voorbeeld.nl/nieuws/bericht")["published"] is None  # no fetch, no date


def test_a_vague_relative_date_or_one_in_a_sentence_is_no_date():
    """Weeks and months ago are rounded past the day, and a relative date in a sentence is an event's."""
    fetched = datetime(2021, 10, 14, 8, tzinfo=timezone.utc)
    for line in ("2 weken geleden", "Vorige maand", "Laatst gewijzigd: gisteren",
                 "Twee dagen geleden heeft de regio de aanbesteding voor jeugdhulp gegund aan drie aanbieders."):
        page = (f"<html lang='nl'><body><main><article><h1>Voorlopige gunning jeugdhulp</h1><p>{line}</p>"
                f"{BODY}</article></main></body></html>")
        assert extract_html(page, "https://www.voorbeeld.nl/nieuws/bericht", fetched_at=fetched)["published"] is None


@pytest.mark.parametrize("head", [
    '<meta property="article:published_time" content="2021-10-14T08:00:00+00:00">'
    '<meta property="article:modified_time" content="2023-03-03T09:15:00+00:00">',
    '<script type="application/ld+json">{"@graph":[{"@type":"Article","datePublished":"2021-10-14T08:00:00+00:00",'
    '"dateModified":"2023-03-03T09:15:00+00:00"}]}</script>'])
def test_a_shown_day_that_is_the_declared_modification_yields_to_the_declared_publication(head):
    """A WordPress theme's ``<span class="updated">3 maart 2023</span>`` glued to the title (SYNTHETIC) is the day
    the CMS declares as the last change, not its declared publication: the publication dates the page, the stamp
    is no text; without a declared publication the shown day stands."""
    body = ("<body><article><h1 class='entry-title'>Gunning jeugdhulp<span class='date updated'>3 maart 2023</span>"
            "</h1><div class='entry-content'><p>De gemeenten hebben de specialistische jeugdhulp voorlopig gegund aan"
            " drie aanbieders.</p></div></article></body>")
    page = extract_html(f"<html><head>{head}</head>{body}</html>", "https://www.voorbeeld.nl/nieuws/gunning")
    assert (page["published"], page["published_source"], page["modified"]) == (
        "2021-10-14T10:00", "meta", "2023-03-03T10:15")
    bare = extract_html(f"<html><head>{head.replace('Published', 'Shown').replace('published_time', 'x')}</head>"
                        f"{body}</html>", "https://www.voorbeeld.nl/nieuws/gunning")
    assert bare["published"] == "2023-03-03"
