"""``tenderarchive.extraction.core``: how an article page is read (SYNTHETIC pages, labelled like the fixture
pages of tests/fixtures/news)."""

from __future__ import annotations

import re
from datetime import datetime, timezone

import lxml.html
import pytest

from tenderarchive.extraction.core import extract_html
from tests.extraction.test_extraction import SYNTHETIC_BODY, synthetic_page

#: How a page writes its date as a "badge": day, month and year each in an element of their own, stacked by the
#: site's CSS, written on one line of markup or over several, above or below the title.
DATE_BADGES = {
    "spans on one line, below the title": "<h1>Jeugdhulp ingekocht</h1><div class='date'><span class='day'>14</span>"
                                          "<span class='month'>okt</span><span class='year'>2021</span></div>",
    "spans over several lines, above the title": "<div class='datum'>\n  <span>14</span>\n  <span>oktober</span>\n  "
                                                 "<span>2021</span>\n</div><h1>Jeugdhulp ingekocht</h1>",
    "divs below the title": "<h1>Jeugdhulp ingekocht</h1><div class='article__datum'><div>14</div><div>okt</div>"
                            "<div>2021</div></div>",
}


@pytest.mark.parametrize("badge", DATE_BADGES)
def test_a_date_badge_dates_the_page_and_is_not_its_text(badge):
    """news-sites.md §2.3 (a date line under the title, ``d MMMM yyyy``): a page writing its date as a badge was
    read as "14okt2021", or as "14", "oktober" and "2021" on lines of their own: the page undated and the pieces at
    the head of its text. The badge is its stated date, and no line of its text."""
    page = synthetic_page(body=f"<article>{DATE_BADGES[badge]}{SYNTHETIC_BODY}</article>")
    result = extract_html(page, url="https://www.voorbeeldstad.nl/nieuws/jeugdhulp-ingekocht")
    assert (result["published"], result["published_source"]) == ("2021-10-14", "stated")
    assert result["text"].startswith("De gemeente Voorbeeldstad heeft de aanbesteding")
    assert "2021" not in result["text"]



@pytest.mark.parametrize("meta", [
    '<meta name="DCTERMS.available" scheme="DCTERMS.W3CDTF" content="2020-12-14">',
    '<meta name="DCTERMS.available" scheme="DCTERMS.Period" content="start=2020-12-14; end=2021-12-31;">',
    '<meta property="dcterms:available" content="2020-12-14/2021-12-31">',
    '<meta name="DC.date.available" content="14-12-2020">',
    '<meta name="DCTERMS.modified" content="2021-03-04"><meta name="DCTERMS.available" content="2020-12-14">',
])
def test_dublin_core_available_dates_a_page_that_states_no_date(meta):
    """news-sites.md §2.1 (iprox's and TYPO3's Dublin-Core ``dcterms:*`` meta): the Dutch government's OWMS metadata,
    which municipal CMSes write, gives a page's publication as ``DCTERMS.available`` (a date, or a period from
    that day). A page stating no date of its own went undated (a ``--from-date`` crawl kept it however old, and
    its news went without a day); its last change (``DCTERMS.modified``) is still no publication."""
    page = extract_html(synthetic_page(meta, "<h1>Inkoop jeugdhulp</h1>" + SYNTHETIC_BODY),
                        url="https://www.voorbeeldstad.nl/inwoners/nieuws/inkoop_jeugdhulp")
    assert (page["published"], page["published_source"]) == ("2020-12-14", "meta")


#: How a CMS declares a page's stamps beside its publication, the other before it in the markup: a schema.org
#: ``dateCreated`` (the draft, that evening), an Open Graph ``og:updated_time`` or ``article:modified_time``.
OTHER_STAMPS_FIRST = {
    "JSON-LD dateCreated before datePublished": '<script type="application/ld+json">{"@context": "https://schema.org", '
                                                '"@type": "NewsArticle", "dateCreated": "2020-12-13T21:05:00Z", '
                                                '"datePublished": "2020-12-13T23:30:00Z"}</script>',
    "dateModified before datePublished": '<script type="application/ld+json">{"@type": "NewsArticle", "dateModified": '
                                         '"2020-12-13T23:55:00+00:00", "datePublished": "2020-12-13T23:30:00+00:00"}'
                                         '</script>',
    "a modified meta before the published one": "<meta property='og:updated_time' content='2020-12-13T22:10:00+00:00'>"
                                                "<meta property='article:published_time' "
                                                "content='2020-12-13T23:30:00+00:00'>",
}


@pytest.mark.parametrize("stamps", OTHER_STAMPS_FIRST)
def test_a_utc_publication_near_midnight_takes_its_time_from_the_publication_not_another_stamp(stamps):
    """news-sites.md §2.3 (a date with its time of day) and docs: dates are Europe/Amsterdam: a page dated only in
    its head, in UTC, published at 23:30 UTC on 13 December (00:30 on the 14th in the Netherlands), whose head names
    another stamp of that UTC day first (its draft's ``dateCreated`` at 21:05, its last change). The day came from
    the publication but its time from the first stamp of that day in the markup: the page was dated 13 December
    22:05 (the Dutch day before its own: out of a ``--from-date 2020-12-14`` crawl, a day early on a timeline) or
    14 December 00:55 (its last change's). The time is the publication's own: 14 December 00:30."""
    page = synthetic_page(head=OTHER_STAMPS_FIRST[stamps], body=f"<article><h1>Inkoop jeugdhulp</h1>{SYNTHETIC_BODY}"
                                                                "</article>")
    got = extract_html(page, "https://www.voorbeeldstad.nl/nieuws/inkoop-jeugdhulp",
                       fetched_at=datetime(2021, 1, 5, tzinfo=timezone.utc))
    assert (got["published"], got["published_source"]) == ("2020-12-14T00:30", "meta")


#: A site's menu above a page, in the shapes municipal sites and council information systems write it.
SITE_MENUS = {
    "a header holding the site's name and its nav": '<header><a href="/">Gemeente Voorbeeldstad</a><nav><ul>'
                                                   '<li><a href="/">Raadsinformatie</a></li><li><a href="/vergaderingen">'
                                                   'Vergaderingen</a></li></ul></nav></header>',
    "a nav of its own": '<nav><a href="/">Raadsinformatie</a> <a href="/vergaderingen">Vergaderingen</a></nav>',
    "a div with the navigation role": '<div role="navigation"><a href="/">Raadsinformatie</a> '
                                      '<a href="/vergaderingen">Vergaderingen</a></div>',
}


@pytest.mark.parametrize("menu", SITE_MENUS)
def test_a_short_pages_text_does_not_begin_with_the_sites_menu(menu):
    """A short page (an agenda item of a council information system: its heading and one paragraph) is too short for
    trafilatura's own reading, which falls back to the body's whole text: the site's name and menu ("Raadsinformatie",
    "Vergaderingen") were the first lines of the item's text. The site's navigation, and a header holding it, are
    no part of a page's text; a long page read the same way keeps its text."""
    item = ("<h1>2. Vaststellen van de agenda</h1><div class='agenda-item__content'><p>Toelichting bij het vaststellen "
            "van de agenda.</p></div>")
    page = synthetic_page(body=item).replace("<main>", SITE_MENUS[menu] + "<main>")
    assert extract_html(page, url="https://raad.voorbeeldstad.nl/agendapunt/441/punt-1")["text"] == (
        "Toelichting bij het vaststellen van de agenda.")
    long_page = synthetic_page(body=f"<article><h1>Jeugdhulp ingekocht</h1>{SYNTHETIC_BODY}</article>").replace(
        "<main>", SITE_MENUS[menu] + "<main>")
    text = extract_html(long_page, url="https://www.voorbeeldstad.nl/nieuws/jeugdhulp-ingekocht")["text"]
    assert text.startswith("De gemeente Voorbeeldstad heeft de aanbesteding") and "Raadsinformatie" not in text


def test_a_page_whose_matter_sits_inside_a_header_with_a_menu_is_still_read():
    """The other side: a page built wholly inside a ``<header>`` that holds its menu (a template that never closes
    it) is not read as empty; its text is read as the whole page."""
    page = synthetic_page(body="").replace("<main></main>", '<header><nav><a href="/">Home</a></nav><h1>Jeugdhulp '
                                           f'ingekocht</h1>{SYNTHETIC_BODY}</header>')
    assert "De gemeente Voorbeeldstad heeft de aanbesteding" in extract_html(
        page, url="https://www.voorbeeldstad.nl/nieuws/jeugdhulp-ingekocht")["text"]


#: The moment a page is read, and the stamps of that moment a page declares beside the date it states: a CMS writing
#: its meta (or JSON-LD) as it renders the page, a regional news site's header showing today's date.
READ_AT = datetime(2026, 12, 5, 3, 0, tzinfo=timezone.utc)
STAMPED_AS_READ = {
    "Open Graph stamped as rendered, a kicker above the title": (
        "<meta property='article:published_time' content='2026-12-05T03:00:00+00:00'>",
        "<p>Nieuwsbericht | 03-03-2025</p><h1>Inkoop jeugdhulp</h1>", "https://www.voorbeeldstad.nl/nieuws/inkoop"),
    "Dublin Core stamped as rendered, a kicker above the title": (
        "<meta name='DCTERMS.issued' content='2026-12-05'>",
        "<p>Nieuws · 3 maart 2025</p><h1>Inkoop jeugdhulp</h1>", "https://www.voorbeeldstad.nl/nieuws/inkoop"),
    "JSON-LD stamped as rendered, a kicker above the title": (
        '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2026-12-05T04:00:00+01:00"}'
        "</script>", "<p>Nieuwsbericht | 03-03-2025</p><h1>Inkoop jeugdhulp</h1>",
        "https://www.voorbeeldstad.nl/nieuws/inkoop"),
    "a header's time of today, a labelled date under the title": (
        "", "<header class='topbar'><time datetime='2026-12-05'>zaterdag 5 december 2026</time></header>"
            "<h1>Inkoop jeugdhulp</h1><p>Geplaatst op 3 maart 2025</p>", "https://www.voorbeeldstad.nl/nieuws/inkoop"),
    "a header's time of today, a kicker above the title": (
        "", "<header class='topbar'><time datetime='2026-12-05'>vandaag</time></header>"
            "<p>Nieuwsbericht | 03-03-2025</p><h1>Inkoop jeugdhulp</h1>", "https://www.voorbeeldstad.nl/nieuws/inkoop"),
    "a header's date element of today, a labelled date under the title": (
        "", "<div class='topbar'><span class='date'>zaterdag 5 december 2026</span></div>"
            "<h1>Inkoop jeugdhulp</h1><p>Geplaatst op 3 maart 2025</p>", "https://www.voorbeeldstad.nl/nieuws/inkoop"),
    "Open Graph stamped as rendered, the date in a WordPress permalink": (
        "<meta property='article:published_time' content='2026-12-05T03:00:00+00:00'>", "<h1>Inkoop jeugdhulp</h1>",
        "https://www.voorbeeldstad.nl/2025/03/03/inkoop-jeugdhulp/"),
}


@pytest.mark.parametrize("stamped", STAMPED_AS_READ)
def test_a_date_stamped_as_the_page_is_read_gives_way_to_the_date_the_page_states(stamped):
    """news-sites.md §2.3 (a labelled date, a type before the date, the date of a WordPress permalink): a page whose
    CMS declares the moment it renders the page as its publication (``article:published_time``, ``DCTERMS.issued``,
    JSON-LD ``datePublished``), or whose site header shows today's date in a ``<time>`` or a date element, was dated
    the day it was read, however old: the date it states ("Nieuwsbericht | 03-03-2025" above the title, "Geplaatst
    op 3 maart 2025", ``/2025/03/03/``) lost, out of a ``--from-date`` window by two years and its kicker left as
    the text's first line. A stamp of the day of reading gives way to an earlier date the page states."""
    head, top, url = STAMPED_AS_READ[stamped]
    got = extract_html(synthetic_page(head, f"<article>{top}{SYNTHETIC_BODY}</article>"), url, fetched_at=READ_AT)
    assert got["published"] == "2025-03-03"
    assert got["published_source"] == ("url" if "permalink" in stamped else "stated")
    assert got["text"].startswith("De gemeente Voorbeeldstad heeft de aanbesteding")


@pytest.mark.parametrize("stamped", STAMPED_AS_READ)
def test_a_page_published_the_day_it_is_read_keeps_its_declared_date(stamped):
    """The other side: a page published the day it is read, whose kicker, label or permalink says that day too (or
    nothing), keeps the date and time its CMS declares."""
    head, top, url = STAMPED_AS_READ[stamped]
    top = top.replace("03-03-2025", "05-12-2026").replace("3 maart 2025", "5 december 2026")
    got = extract_html(synthetic_page(head, f"<article>{top}{SYNTHETIC_BODY}</article>"),
                       url.replace("/2025/03/03/", "/2026/12/05/"), fetched_at=READ_AT)
    assert got["published"][:10] == "2026-12-05"


#: The facts of the meeting at the head of a council information system's agenda item (iBabs, Notubiz, a municipal
#: "raadsinformatie"), as a labelled list; one item also states a closing date of its own.
MEETING_FACTS = ("<dl><dt>Vergadering</dt><dd><a href='/vergadering/812'>Gemeenteraad</a></dd><dt>Datum</dt>"
                 "<dd>donderdag 8 november 2018 19:30</dd><dt>Tijd</dt><dd>19:30 - 23:00</dd><dt>Locatie</dt>"
                 "<dd>Raadzaal</dd><dt>Agendapunt</dt><dd>4</dd>{extra}</dl>")
CLOSING = "<dt>Sluitingsdatum</dt><dd>1 maart 2019</dd>"


@pytest.mark.parametrize("extra", ["", CLOSING])
def test_an_agenda_items_text_does_not_begin_with_the_meetings_facts(extra):
    """A council information system's agenda item opens with the facts of its meeting in a ``<dl>`` ("Vergadering /
    Gemeenteraad", "Tijd", "Locatie"): the item's text began "- Vergadering", "- Gemeenteraad" before its matter.
    The meeting's facts are no part of the item's text; its date still dates the page, and a fact of the item's own
    in the list ("Sluitingsdatum", an event the analysis reads) stays in its text."""
    item = (f"<h1>4. Raadsvoorstel inkoop jeugdhulp</h1>{MEETING_FACTS.format(extra=extra)}"
            f"<div class='agenda-item__content'>{SYNTHETIC_BODY}</div>")
    got = extract_html(synthetic_page(body=item), url="https://raad.voorbeeldstad.nl/agendapunt/443/punt-3",
                       fetched_at=READ_AT)
    assert got["published"] == "2018-11-08T19:30"
    lines = [line.strip("- ") for line in got["text"].split("\n")]
    assert not {"Vergadering", "Gemeenteraad", "Tijd", "19:30 - 23:00", "Locatie", "Raadzaal", "Agendapunt"} & set(lines)
    assert lines[0] == "Sluitingsdatum: 1 maart 2019" if extra else got["text"].startswith(
        "De gemeente Voorbeeldstad heeft de aanbesteding")


def test_a_list_of_facts_that_names_no_meeting_keeps_its_rows():
    """The other side: a news item's ``<dl>`` that names no meeting (an information evening's time and place) is the
    item's own matter and stays in its text."""
    facts = ("<dl><dt>Tijd</dt><dd>19:30 - 21:00</dd><dt>Locatie</dt><dd>Raadzaal</dd>"
             f"{CLOSING}</dl>")
    page = synthetic_page(body=f"<article><h1>Informatieavond inkoop jeugdhulp</h1>{SYNTHETIC_BODY}{facts}</article>")
    lines = [line.strip("- ") for line in extract_html(page, "https://www.voorbeeldstad.nl/nieuws/informatieavond",
                                                       fetched_at=READ_AT)["text"].split("\n")]
    assert {"Tijd", "Locatie", "Raadzaal", "Sluitingsdatum: 1 maart 2019"} <= set(lines)


#: How council information systems label and write the date of an item's meeting.
MEETING_DATES = {"Vergaderdatum": ("donderdag 8 november 2018", "2018-11-08"),
                 "Datum vergadering": ("8 november 2018 19:30", "2018-11-08T19:30"),
                 "Datum en tijd": ("donderdag 8 november 2018 19:30 uur", "2018-11-08T19:30"),
                 "Datum": ("8 november 2018, aanvang 19.30 uur", "2018-11-08")}


@pytest.mark.parametrize("label", MEETING_DATES)
def test_an_agenda_item_is_dated_by_its_meetings_date_however_labelled(label):
    """An agenda item's meeting date among the meeting's facts, labelled as the meeting's ("Vergaderdatum", "Datum
    vergadering", "Datum en tijd" read as some other date than the page's) or written with the meeting's start (no
    date line): the item was undated and the date stood in its text. It dates the item and leaves its text."""
    written, expected = MEETING_DATES[label]
    item = (f"<h1>4. Raadsvoorstel inkoop jeugdhulp</h1><dl><dt>Vergadering</dt><dd>Gemeenteraad</dd><dt>{label}</dt>"
            f"<dd>{written}</dd></dl><div class='agenda-item__content'>{SYNTHETIC_BODY}</div>")
    got = extract_html(synthetic_page(body=item), url="https://raad.voorbeeldstad.nl/agendapunt/443/punt-3",
                       fetched_at=READ_AT)
    assert (got["published"], got["published_source"]) == (expected, "stated")
    assert got["text"].startswith("De gemeente Voorbeeldstad heeft de aanbesteding")


def test_a_page_stating_its_publication_is_dated_by_it_not_by_the_meeting():
    """The other side: an item that states its own publication date keeps it; the meeting's date is no date line and
    no part of its text."""
    item = ("<h1>4. Raadsvoorstel inkoop jeugdhulp</h1><p>Gepubliceerd op: 1 november 2018</p><dl><dt>Vergadering</dt>"
            "<dd>Gemeenteraad</dd><dt>Vergaderdatum</dt><dd>donderdag 8 november 2018</dd></dl>"
            f"<div class='agenda-item__content'>{SYNTHETIC_BODY}</div>")
    got = extract_html(synthetic_page(body=item), url="https://raad.voorbeeldstad.nl/agendapunt/443/punt-3",
                       fetched_at=READ_AT)
    assert got["published"] == "2018-11-01"
    assert got["text"].startswith("De gemeente Voorbeeldstad heeft de aanbesteding")


def test_the_date_of_a_meeting_to_come_stays_in_the_items_text():
    """The other side: an item on the agenda of a meeting to come (after the page is read) is not dated by it, and
    the meeting's date, the decision's to come, stays in its text; the rest of the meeting's facts go."""
    item = ("<h1>4. Raadsvoorstel inkoop jeugdhulp</h1><dl><dt>Vergadering</dt><dd>Gemeenteraad</dd><dt>Vergaderdatum"
            f"</dt><dd>donderdag 17 december 2026</dd></dl><div class='agenda-item__content'>{SYNTHETIC_BODY}</div>")
    got = extract_html(synthetic_page(body=item), url="https://raad.voorbeeldstad.nl/agendapunt/443/punt-3",
                       fetched_at=READ_AT)
    assert got["published"] is None
    assert [line.strip("- ") for line in got["text"].split("\n")][0] == "Vergaderdatum: donderdag 17 december 2026"


@pytest.mark.parametrize("meeting, published", [("8 november 2018", "2018-11-08"), ("17 december 2026", None)])
def test_an_agenda_item_is_dated_by_the_date_in_its_meetings_name(meeting, published):
    """The facts name the meeting with its date ("Vergadering / Gemeenteraad 8 november 2018") and state no date of
    their own: the item is dated by it and the row leaves its text; a meeting to come dates nothing and stays."""
    item = (f"<h1>4. Raadsvoorstel inkoop jeugdhulp</h1><dl><dt>Vergadering</dt><dd>Gemeenteraad {meeting}</dd></dl>"
            f"<div class='agenda-item__content'>{SYNTHETIC_BODY}</div>")
    got = extract_html(synthetic_page(body=item), url="https://raad.voorbeeldstad.nl/agendapunt/443/punt-3",
                       fetched_at=READ_AT)
    assert got["published"] == published
    lines = [line.strip("- ") for line in got["text"].split("\n")]
    if published is None:
        assert lines[:2] == ["Vergadering", f"Gemeenteraad {meeting}"]
    else:
        assert got["text"].startswith("De gemeente Voorbeeldstad heeft de aanbesteding")


#: The same facts of an item's meeting as council information systems write them besides a ``<dl>``: a two-column
#: table (Notubiz), label–value ``<div>`` rows (iBabs), ``<span>`` labels and values in turn (GemeenteOplossingen),
#: a list of labelled lines.
MEETING_FACTS_AS = {
    "table": "<table class='meeting-details'><tbody><tr><th>Vergadering</th><td><a href='/vergadering/812'>Gemeenteraad"
             "</a></td></tr><tr><th>Datum</th><td>donderdag 8 november 2018</td></tr><tr><th>Tijd</th>"
             "<td>19:30 - 23:00</td></tr><tr><th>Locatie</th><td>Raadzaal</td></tr><tr><th>Voorzitter</th>"
             "<td>J. de Vries</td></tr></tbody></table>",
    "table with a caption": "<table><thead><tr><th colspan='2'>Gegevens vergadering</th></tr></thead><tbody><tr><td>"
                            "Vergadering:</td><td>Gemeenteraad</td></tr><tr><td>Datum:</td><td>8-11-2018</td></tr>"
                            "<tr><td>Locatie:</td><td>Raadzaal</td></tr></tbody></table>",
    "divs": "<div class='agenda-item-meta'><div class='row'><div class='label'>Vergadering</div><div class='value'>"
            "<a href='/vergadering/812'>Gemeenteraad</a></div></div><div class='row'><div class='label'>Datum</div>"
            "<div class='value'>donderdag 8 november 2018</div></div><div class='row'><div class='label'>Tijd</div>"
            "<div class='value'>19:30 - 23:00</div></div><div class='row'><div class='label'>Locatie</div>"
            "<div class='value'>Raadzaal</div></div></div>",
    "spans in turn": "<div class='meeting-info'><span class='label'>Vergadering:</span><span class='value'>Gemeenteraad"
                     "</span><span class='label'>Datum:</span><span class='value'>donderdag 8 november 2018</span>"
                     "<span class='label'>Tijd:</span><span class='value'>19:30 - 23:00</span><span class='label'>"
                     "Locatie:</span><span class='value'>Raadzaal</span></div>",
    "labelled lines": "<ul class='details'><li><strong>Vergadering:</strong> Gemeenteraad</li><li><strong>Datum:"
                      "</strong> donderdag 8 november 2018</li><li><strong>Tijd:</strong> 19:30 - 23:00</li>"
                      "<li><strong>Locatie:</strong> Raadzaal</li></ul>",
}


#: An agenda item's matter as short as such items are (SYNTHETIC): the page's text is its whole text.
AGENDA_ITEM_BODY = "<p>De raad besluit over de regionale inkoop van jeugdhulp vanaf 2019.</p>"


@pytest.mark.parametrize("written", MEETING_FACTS_AS)
def test_an_agenda_items_text_does_not_begin_with_its_meetings_facts_however_marked_up(written):
    """The meeting's facts at the head of an agenda item given as a table or as label–value pairs, not as a ``<dl>``:
    the item's text, its first words and its search snippet, began "Vergadering", "Gemeenteraad", "Datum", "Tijd"
    before its matter. They are the meeting's facts, read by the labels' words (no CMS's class names), and leave its
    text; the item is still dated by its meeting."""
    item = (f"<h1>4. Raadsvoorstel inkoop jeugdhulp</h1>{MEETING_FACTS_AS[written]}"
            f"<div class='agenda-item__content'>{AGENDA_ITEM_BODY}</div>")
    got = extract_html(synthetic_page(body=item), url="https://raad.voorbeeldstad.nl/agendapunt/443/punt-3",
                       fetched_at=READ_AT)
    assert (got["published"], got["published_source"]) == ("2018-11-08", "stated")
    assert got["text"].startswith("De raad besluit over de regionale inkoop")
    assert not {"Vergadering", "Gemeenteraad", "Tijd", "Raadzaal", "Gegevens"} & set(
        re.split(r"[\s:]+", got["text"]))


#: Tables that are an item's own matter: the lots it awarded, and the timeline of its decision (meetings each on a
#: day of their own), as two columns.
ITEMS_OWN_TABLES = {
    "awarded lots": "<table><tr><th>Perceel 1</th><td>Jeugdhulp ambulant: Stichting Jeugdzorg Voorbeeld</td></tr>"
                    "<tr><th>Perceel 2</th><td>Jeugdhulp verblijf: Zorggroep Voorbeeld</td></tr></table>",
    "timeline": "<table><tr><th>Commissie</th><td>12 oktober 2018</td></tr><tr><th>Raad</th><td>8 november 2018</td>"
                "</tr></table>",
}


@pytest.mark.parametrize("table", ITEMS_OWN_TABLES)
def test_a_table_of_the_items_own_matter_stays_in_its_text(table):
    """The other side: a two-column table of the item's own (awarded lots, a timeline of meetings on two days) is no
    meeting's facts and stays in its text."""
    item = (f"<article><h1>Gunning inkoop jeugdhulp</h1>{SYNTHETIC_BODY}{ITEMS_OWN_TABLES[table]}</article>")
    got = extract_html(synthetic_page(body=item), url="https://www.voorbeeldstad.nl/nieuws/gunning-jeugdhulp",
                       fetched_at=READ_AT)
    for cell in lxml.html.fromstring(ITEMS_OWN_TABLES[table]).xpath("//th|//td"):
        assert cell.text_content() in got["text"]


#: An item's own pager as CMS templates write it under the item (news-sites.md §2.4 navigation in the text): the
#: links to the previous and next item, naming their titles (WordPress's ``the_post_navigation``, a ``ul.prev-next``),
#: a "« Vorige bericht | Volgende bericht »" line, and the item's own pages ("Pagina 1 van 3", ``wp_link_pages``).
ITEM_PAGERS = {
    "post navigation naming the other items": (
        '<nav class="navigation post-navigation" aria-label="Berichten"><h2 class="screen-reader-text">Bericht '
        'navigatie</h2><div class="nav-links"><div class="nav-previous"><a href="/nieuws/begroting" rel="prev">Vorig '
        'bericht: Raad stelt begroting vast</a></div><div class="nav-next"><a href="/nieuws/speeltuin" rel="next">'
        'Volgend bericht: Nieuwe speeltuin geopend</a></div></div></nav>'),
    "a list of the previous and next item": (
        '<ul class="prev-next"><li><a href="/nieuws/begroting"><span>Vorige</span> Raad stelt begroting vast</a></li>'
        '<li><a href="/nieuws/speeltuin"><span>Volgende</span> Nieuwe speeltuin geopend</a></li></ul>'),
    "previous and next on one line": (
        '<div class="item-pager"><a href="/nieuws/begroting">&laquo; Vorige bericht</a> | '
        '<a href="/nieuws/speeltuin">Volgende bericht &raquo;</a></div>'),
    "the item's own pages": (
        '<div class="page-links"><p>Pagina 1 van 3</p><a href="?page=2">2</a> <a href="?page=3">3</a> '
        '<a href="?page=2">Volgende pagina</a></div>'),
    "the page shown as a line of text": '<p class="paging">Pagina 1 van 3</p>',
}


@pytest.mark.parametrize("selectors", [None, {"body": "article"}], ids=["main text", "registry body selector"])
@pytest.mark.parametrize("pager", ITEM_PAGERS)
def test_an_items_own_pager_is_no_part_of_its_text(pager, selectors):
    """The pager under an item ("Vorig bericht: Raad stelt begroting vast", "Volgende »", "Pagina 1 van 3") was
    left in the archived text: the next item's title a sentence of this one, read by the analysis (its places, its
    words), where a registry's ``selectors.body`` took the article whole, and "Pagina 1 van 3" always. The text is
    the item's alone; a sentence that begins with "Volgende" stays."""
    own = "<p>Volgende stap: de regio gunt de percelen in het najaar aan de aanbieders.</p>"
    page = synthetic_page(body=f"<article><h1>Jeugdhulp ingekocht</h1>{SYNTHETIC_BODY}{own}{ITEM_PAGERS[pager]}"
                               "</article>")
    result = extract_html(page, url="https://www.voorbeeldstad.nl/nieuws/jeugdhulp-ingekocht",
                          site={"selectors": selectors} if selectors else None)
    assert result["text"].startswith("De gemeente Voorbeeldstad heeft de aanbesteding")
    assert result["text"].endswith("Volgende stap: de regio gunt de percelen in het najaar aan de aanbieders.")
    for word in ("begroting", "speeltuin", "Vorig", "Pagina", "navigatie"):
        assert word not in result["text"], word


def test_a_link_in_the_items_sentence_stays_in_its_text():
    """A sentence linking the previous item ("Lees ook het <a>vorige bericht</a> over de aanbesteding") is the
    item's text, not a pager; nor is a list of the item's own links whose words are not a pager's."""
    body = ('<p>Lees ook het <a href="/nieuws/oud">vorige bericht</a> over de aanbesteding van de jeugdhulp.</p>'
            '<ul><li><a href="/documenten/1">Bijlage 1</a></li><li><a href="/documenten/2">2</a></li></ul>')
    page = synthetic_page(body=f"<article><h1>Jeugdhulp ingekocht</h1>{SYNTHETIC_BODY}{body}</article>")
    for site in (None, {"selectors": {"body": "article"}}):
        text = extract_html(page, url="https://www.voorbeeldstad.nl/nieuws/jeugdhulp-ingekocht", site=site)["text"]
        assert "Lees ook het vorige bericht over de aanbesteding van de jeugdhulp." in text
    assert "Bijlage 1" in extract_html(page, url="https://www.voorbeeldstad.nl/nieuws/jeugdhulp-ingekocht",
                                       site={"selectors": {"body": "article"}})["text"]
