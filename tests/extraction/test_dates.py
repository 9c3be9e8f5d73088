"""``tenderarchive.extraction.dates``: the dates a news page states (SYNTHETIC pages, labelled like the fixture pages
of tests/fixtures/news)."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from tenderarchive.extraction.core import extract_html
from tests.extraction.test_extraction import SYNTHETIC_BODY, synthetic_page


def page_with_line(line: str) -> dict:
    """The extraction of a SYNTHETIC news item whose ``line`` stands under its title, above its text, read on
    1 January 2024."""
    return extract_html(synthetic_page(body=f"<article><h1>Inkoop jeugdhulp</h1>{line}{SYNTHETIC_BODY}</article>"),
                        url="https://www.voorbeeldstad.nl/nieuws/inkoop-jeugdhulp", fetched_at=datetime(2024, 1, 1))

#: How a Drupal theme prints a node's date under its title (its default "Submitted by … on", the "medium" and
#: "long" formats), and the date it states.
DRUPAL_DATE_LINES = {
    "<div class='submitted'>Submitted by redactie on Thu, 10/14/2021 - 16:05</div>": "2021-10-14T16:05",
    "<div class='node-date'>Sat, 10/02/2021 - 11:00</div>": "2021-10-02T11:00",
    "<span class='date'>Thursday, October 14, 2021 - 16:05</span>": "2021-10-14T16:05",
    "<div class='submitted'>Posted on za, 04/10/2021 - 09:30</div>": "2021-04-10T09:30",
}


@pytest.mark.parametrize("line", DRUPAL_DATE_LINES)
def test_a_drupal_pages_date_line_dates_it_and_is_not_its_text(line):
    """news-sites.md §2.1 Drupal, §2.3 weekday and time of day: a Drupal node's date as its theme prints it under
    the title, a weekday first, the month before the day, the time after " - ", was no date: the page went undated
    (a ``--from-date`` crawl kept it however old) and "Submitted by redactie on …" opened its text. It is the page's
    stated date, a numeric one read month first where its weekday says so (Saturday 10 April), and no line of its
    text."""
    page = page_with_line(line)
    assert (page["published"], page["published_source"]) == (DRUPAL_DATE_LINES[line], "stated")
    assert page["text"].startswith("De gemeente Voorbeeldstad heeft de aanbesteding")


#: A page's modification line written as a sentence, with its full stop, and the moment it states.
MODIFICATION_SENTENCES = {
    "Deze pagina is voor het laatst gewijzigd op 12 maart 2023.": "2023-03-12",
    "Laatst gewijzigd: 12 maart 2023.": "2023-03-12",
    "Laatst bijgewerkt op 12-03-2023 om 10:15 uur.": "2023-03-12T10:15",
}


@pytest.mark.parametrize("line", MODIFICATION_SENTENCES)
def test_a_modification_line_ending_in_a_full_stop_is_the_pages_modified_date(line):
    """news-sites.md §2.3 label + date: "Gepubliceerd op 14 december 2020." was read with its full stop, "Laatst
    gewijzigd op 12 maart 2023." was not: no ``modified``, and the line stayed in the text. It is the page's
    ``modified`` and no line of its text, as without the stop."""
    page = extract_html(synthetic_page(body=f"<article><h1>Inkoop jeugdhulp</h1>{SYNTHETIC_BODY}<p>{line}</p></article>"),
                        url="https://www.voorbeeldstad.nl/nieuws/inkoop-jeugdhulp", fetched_at=datetime(2024, 1, 1))
    assert page["modified"] == MODIFICATION_SENTENCES[line]
    assert "gewijzigd" not in page["text"] and "bijgewerkt" not in page["text"]


@pytest.mark.parametrize("label", ["Documentdatum", "Datum document"])
def test_a_council_documents_own_date_dates_its_page(label):
    """A council information system's document page (a raadsvoorstel, its facts in a ``<dl>``) states the document's
    own date as "Documentdatum" or "Datum document": it read as some other date than the page's, so the page went
    undated and the label stood in its text. It is the page's stated date; a decision's date ("Besluitdatum") stays
    an event of the text."""
    facts = (f"<dl><dt>Type</dt><dd>Raadsvoorstel</dd><dt>{label}</dt><dd>23 oktober 2018</dd><dt>Besluitdatum</dt>"
             "<dd>8 november 2018</dd></dl>")
    page = extract_html(synthetic_page(body=f"<h1>Raadsvoorstel Centrumregeling</h1>{facts}{SYNTHETIC_BODY}"),
                        "https://raad.voorbeeldstad.nl/document/7001/raadsvoorstel", fetched_at=datetime(2024, 1, 1))
    assert (page["published"], page["published_source"]) == ("2018-10-23", "stated")
    lines = [line.strip("- ") for line in page["text"].split("\n")]
    assert label not in lines and "Besluitdatum: 8 november 2018" == lines[2]


#: How a press release or a municipal or local news item dates itself only in its running text, and the day it names:
#: the place and day opening the text (a dateline), the day in brackets closing the lead, a sentence dating the text.
DATELINES = {
    "<p><strong>Utrecht, 3 maart 2025</strong> – {body}</p>": "2025-03-03",
    "<p>ZWOLLE - Donderdag 12 juni 2025 - {body}</p>": "2025-06-12",
    "<p>'s-Hertogenbosch, 3 mrt. 2025 - {body}</p>": "2025-03-03",
    "<p>03.03.2025 – {body}</p>": "2025-03-03",
    "<p class='intro'>De regio gunt de specialistische jeugdhulp. (12-06-2025)</p><p>{body}</p>": "2025-06-12",
    "<p>{body}</p><p>Dit persbericht is gepubliceerd op 3 maart 2025.</p>": "2025-03-03",
    # the place (a municipality) and day a line of their own over the lead, as a press release or letter heads it
    "<p>Leiderdorp, 14 december 2020</p><p>{body}</p>": "2020-12-14",
    "<p><strong>DEN HAAG, 3 maart 2025</strong></p><p>{body}</p>": "2025-03-03",
}
#: The sentences of :data:`DATELINES`' pages, with an event's date of their own ("per 1 januari 2026").
DATELINE_BODY = ("De gemeente heeft de aanbesteding voor specialistische jeugdhulp gegund aan vier aanbieders. De "
                 "contracten gaan in per 1 januari 2026. Aanbieders konden tot 20 februari 2025 bezwaar maken.")


@pytest.mark.parametrize("line", DATELINES)
def test_a_page_dated_only_in_its_running_text_is_dated_by_its_dateline(line):
    """A press release's or local news item's date written only in its text (no meta, ``<time>``, date line or
    address date): the place and day opening it ("Utrecht, 3 maart 2025 –", "ZWOLLE - Donderdag 12 juni 2025 -",
    "3 mrt. 2025", "03.03.2025"; a municipality and day on a line of their own, "Leiderdorp, 14 december 2020"),
    the day in brackets closing the lead, "Dit persbericht is gepubliceerd op …". The page
    went undated (a ``--from-date`` crawl kept it however old); htmldate's free-text search dated it by the contracts'
    start, 1 January 2026. It is dated by the day its dateline names (``published_source`` "dateline"), and the
    dateline stays the first words of its text."""
    page = extract_html(synthetic_page(body=f"<article><h1>Gunning jeugdhulp</h1>{line.format(body=DATELINE_BODY)}"
                                            "</article>"),
                        url="https://www.voorbeeldstad.nl/nieuws/gunning-jeugdhulp", fetched_at=datetime(2026, 12, 1))
    assert (page["published"], page["published_source"]) == (DATELINES[line], "dateline")
    assert DATELINE_BODY[:40] in page["text"]
    if line.startswith("<p>Z"):
        assert page["text"].startswith("ZWOLLE - Donderdag 12 juni 2025 - De gemeente")


#: A text whose dates are events' (a contract's start, a meeting, a deadline, a timeline's steps), never the page's.
EVENT_DATES = {
    "per": "<p>Per 1 januari 2026 - {body}</p>",
    "vanaf": "<p>Vanaf 3 maart 2025, {body}</p>",
    "sentence": "<p>{body} De raad besluit op donderdag 12 juni 2025 - na de zomer volgt de gunning.</p>",
    "deadline": "<p>Sluitingsdatum, 3 maart 2025 - {body}</p>",
    "weekday": "<p>ZWOLLE - Vrijdag 12 juni 2025 - {body}</p>",
    "timeline": "<ul><li>3 maart 2025 – de regio publiceert de aanbesteding van alle percelen op TenderNed</li>"
                "<li>12 juni 2025 – de regio maakt de voorlopige gunning aan de inschrijvers bekend</li></ul><p>{body}</p>",
    "notice": "<p>{body} De aankondiging is gepubliceerd op 3 maart 2025 op TenderNed.</p>",
    "update": "<p>UPDATE, 3 maart 2025 – {body}</p>",
    # a heading over a timeline's step, a line of its own: no place
    "step": "<p>Marktconsultatie, 3 maart 2025</p><p>{body}</p>",
    "meeting": "<p>Informatiebijeenkomst, 3 maart 2025.</p><p>{body}</p>",
}


@pytest.mark.parametrize("case", EVENT_DATES)
def test_an_event_date_in_the_running_text_does_not_date_the_page(case):
    """The dates of a text's events are not its publication: a day after "Per", "Vanaf", a meeting in a sentence, a
    labelled deadline, a "dateline" whose weekday is not its day's, a timeline's steps, a notice's publication, the
    day of an update ("UPDATE, 3 maart 2025 –": a later change, not the publication). The page stays undated."""
    page = extract_html(synthetic_page(body=f"<article><h1>Gunning jeugdhulp</h1>"
                                            f"{EVENT_DATES[case].format(body=DATELINE_BODY)}</article>"),
                        url="https://www.voorbeeldstad.nl/nieuws/gunning-jeugdhulp", fetched_at=datetime(2026, 12, 1))
    assert (page["published"], page["published_source"]) == (None, None)


@pytest.mark.parametrize("head, url, day, source", [
    ('<meta property="article:published_time" content="2025-03-05T09:00:00+01:00">',
     "https://www.voorbeeldstad.nl/nieuws/gunning-jeugdhulp", "2025-03-05T09:00", "meta"),
    ("", "https://www.voorbeeldstad.nl/2025/03/04/gunning-jeugdhulp/", "2025-03-04", "url"),
])
def test_a_page_with_a_meta_or_address_date_keeps_it_over_its_dateline(head, url, day, source):
    """A page that declares its publication (a meta tag) or dates its address keeps that date; its dateline ("Utrecht,
    3 maart 2025 –", the day the release was written) is read only where the page states no other."""
    page = extract_html(synthetic_page(head, f"<article><h1>Gunning jeugdhulp</h1><p>Utrecht, 3 maart 2025 – "
                                             f"{DATELINE_BODY}</p></article>"), url=url, fetched_at=datetime(2026, 12, 1))
    assert (page["published"], page["published_source"]) == (day, source)


def test_a_date_stamped_as_the_page_is_read_gives_way_to_its_dateline():
    """A CMS that declares the moment it renders the page as its publication (the day of the fetch) declares no
    publication: the day the page's dateline names dates it, as a date line would (refnews37)."""
    page = extract_html(synthetic_page('<meta property="article:published_time" content="2026-12-01T08:00:00+01:00">',
                                       f"<article><h1>Gunning jeugdhulp</h1><p>Utrecht, 3 maart 2025 – {DATELINE_BODY}"
                                       "</p></article>"),
                        url="https://www.voorbeeldstad.nl/nieuws/gunning-jeugdhulp",
                        fetched_at=datetime(2026, 12, 1, 10, tzinfo=timezone.utc))
    assert (page["published"], page["published_source"]) == ("2025-03-03", "dateline")


#: A page's date line with the year in two digits after an apostrophe, as a theme's short date format prints it
#: (PHP's ``j F 'y``, ``j M 'y``), and the date it states.
SHORT_YEAR_LINES = {
    "<p class='date'>14 december '20</p>": "2020-12-14",
    "<p class='date'>Gepubliceerd op: 14 december ’20 08:55</p>": "2020-12-14T08:55",
    "<p class='date'>ma 14 dec. '20</p>": "2020-12-14",
    "<time>7 okt ‘21</time>": "2021-10-07",
    "<p class='date'>3 maart '99 - Nieuws</p>": "1999-03-03",
}


@pytest.mark.parametrize("line", SHORT_YEAR_LINES)
def test_a_date_line_with_a_two_digit_year_dates_the_page_and_is_not_its_text(line):
    """news-sites.md §2.3's dates with the year written short: "14 december '20" (the day and Dutch month name of
    §2.3's "date line under title", the year after an apostrophe) gave no date, the page went undated and its date
    line opened its text. It is the page's stated date (20xx below '70, 19xx from it, as POSIX's ``%y`` reads a
    year), also after a label and with a time; and no line of its text."""
    page = page_with_line(line)
    assert (page["published"], page["published_source"]) == (SHORT_YEAR_LINES[line], "stated")
    assert page["text"].startswith("De gemeente Voorbeeldstad heeft de aanbesteding")


def test_a_two_digit_number_after_a_day_and_month_without_an_apostrophe_is_no_year():
    """"14 december 20 deelnemers" is no date of 2020: the short year needs its apostrophe."""
    from tenderarchive.extraction.dates import parse_dutch_date

    assert parse_dutch_date("Op 14 december 20 deelnemers") is None
    assert parse_dutch_date("Op 14 december '20").iso == "2020-12-14"
    assert parse_dutch_date("x" * 50_000 + " 14 december '" + "1" * 50_000) is None


#: A theme's date line with its parts set off by a bullet (U+2022, news-sites.md §2.4's invisible characters) or a
#: middle dot, and the moment it states.
BULLET_DATE_LINES = {
    "<p class='meta'>15 december 2020 • 08:55</p>": "2020-12-15T08:55",
    "<p class='meta'>dinsdag 15 december 2020 • 08:55 uur</p>": "2020-12-15T08:55",
    "<p class='meta'>15-12-2020 • Nieuws</p>": "2020-12-15",
    "<p class='meta'>15 dec 2020 • 2 min leestijd</p>": "2020-12-15",
    "<p class='meta'>Gepubliceerd op 15 december 2020 · 08:55</p>": "2020-12-15T08:55",
    "<p class='meta'>Door Redactie • 15 december 2020 • 08:55</p>": "2020-12-15T08:55",
}


@pytest.mark.parametrize("line", BULLET_DATE_LINES)
def test_a_date_line_whose_parts_a_bullet_sets_off_dates_the_page_with_its_time(line):
    """§2.3's "date line under title" and "time of day" with a bullet between the date and its time or category
    ("15 december 2020 • 08:55"): the page went undated and the line opened its text (a middle dot "·" gave the day
    without its time). It is the page's stated date with its time, and no line of its text."""
    page = page_with_line(line)
    assert (page["published"], page["published_source"]) == (BULLET_DATE_LINES[line], "stated")
    assert page["text"].startswith("De gemeente Voorbeeldstad heeft de aanbesteding")


def test_a_bullet_before_a_number_that_is_no_time_leaves_the_day():
    """A bullet and a number that is no time of day ("• 10 aanbieders") add nothing to the date."""
    from tenderarchive.extraction.dates import parse_dutch_date

    assert parse_dutch_date("15 december 2020 • 10 aanbieders").iso == "2020-12-15"
    assert parse_dutch_date("15 december 2020 • 10:30").iso == "2020-12-15T10:30"


#: officielebekendmakingen.nl's header table (news-sites.md §2.4: "repeats the ``Datum publicatie | Organisatie |…``
#: table twice"), SYNTHETIC values: labels in its first row, the publication's values in the one row under them.
HEADER_TABLE = ("<table><tr>{cells}</tr><tr><td>Gemeente Voorbeeldstad</td><td>14-12-2020</td><td>Gemeenteblad</td>"
                "<td>2020, 312</td></tr></table>")


@pytest.mark.parametrize("cell", ["th", "td"])
def test_a_header_tables_publication_date_dates_the_page(cell):
    """A header table of three or more columns, "Datum publicatie" over its value, left the page undated (a
    two-column one dated it). The value under the publication label is the page's stated date; the table is in the
    text once."""
    cells = "".join(f"<{cell}>{label}</{cell}>" for label in ("Organisatie", "Datum publicatie", "Type", "Nummer"))
    table = HEADER_TABLE.format(cells=cells)
    page = extract_html(synthetic_page(body=f"<article><h1>Verordening jeugdhulp</h1>{table}{SYNTHETIC_BODY}{table}"
                                            "</article>"),
                        url="https://zoek.officielebekendmakingen.nl/gmb-2020-312.html", fetched_at=datetime(2024, 1, 1))
    assert (page["published"], page["published_source"]) == ("2020-12-14", "stated")
    assert page["text"].count("Gemeenteblad") == 1


@pytest.mark.parametrize("table", [
    # a table listing documents: its rows' dates are theirs
    "<table><tr><th>Datum publicatie</th><th>Titel</th><th>Type</th></tr><tr><td>14-12-2020</td><td>Besluit A</td>"
    "<td>Besluit</td></tr><tr><td>10-12-2020</td><td>Besluit B</td><td>Besluit</td></tr></table>",
    # another date than the publication's
    "<table><tr><th>Datum uitspraak</th><th>Instantie</th><th>Zaaknummer</th></tr><tr><td>14-12-2020</td>"
    "<td>Rechtbank Den Haag</td><td>C/09/123456</td></tr></table>",
])
def test_a_table_listing_documents_or_naming_another_date_does_not_date_the_page(table):
    page = extract_html(synthetic_page(body=f"<article><h1>Inkoop jeugdhulp</h1>{table}{SYNTHETIC_BODY}</article>"),
                        url="https://www.voorbeeldstad.nl/nieuws/inkoop-jeugdhulp", fetched_at=datetime(2024, 1, 1))
    assert page["published"] is None


#: A meta line naming the publication and the page's change with "Wijzigingsdatum" (or "Datum wijziging"), as
#: government sites label it, and the modification it states.
CHANGE_DATE_LINES = {
    "<p class='meta'>Publicatiedatum 14-10-2018 | Wijzigingsdatum 20-10-2018</p>": "2018-10-20",
    "<p class='meta'>Publicatiedatum: 14-10-2018 | Laatste wijzigingsdatum: 20-10-2018</p>": "2018-10-20",
    "<p class='meta'>Gepubliceerd op 14 oktober 2018, datum laatste wijziging 20 oktober 2018</p>": "2018-10-20",
    "<dl><dt>Publicatiedatum</dt><dd>14-10-2018</dd><dt>Wijzigingsdatum</dt><dd>20-10-2018</dd></dl>": "2018-10-20",
}


@pytest.mark.parametrize("line", CHANGE_DATE_LINES)
def test_a_wijzigingsdatum_is_the_pages_modified_date_beside_its_publication(line):
    """"Wijzigingsdatum" and "Datum (laatste) wijziging" read as some other date: the page had no ``modified``
    (beside "Publicatiedatum" on one line, "Laatste wijzigingsdatum" was no label at all). They label the page's
    last change; the publication stays the stated date, and neither line is text."""
    page = page_with_line(line)
    assert (page["published"], page["published_source"], page["modified"]) == ("2018-10-14", "stated",
                                                                                 CHANGE_DATE_LINES[line])
    assert page["text"].startswith("De gemeente Voorbeeldstad heeft de aanbesteding")


def test_a_wijzigingsdatum_alone_does_not_date_the_page():
    page = extract_html(synthetic_page(body="<article><h1>Inkoop jeugdhulp</h1><p>Wijzigingsdatum: 20-10-2018</p>"
                                            f"{SYNTHETIC_BODY}</article>"),
                        url="https://www.voorbeeldstad.nl/nieuws/inkoop-jeugdhulp", fetched_at=datetime(2024, 1, 1))
    assert (page["published"], page["modified"]) == (None, "2018-10-20")


#: A date line with a time and a glued "u" after it, or a theme's reading time before it, and the date it states.
TIME_SUFFIX_AND_READING_TIME_LINES = {
    "<p>14 oktober 2021 om 10.15u</p>": "2021-10-14T10:15",
    "<p class='meta'>14-10-2021 10:15u</p>": "2021-10-14T10:15",
    "<p>Leestijd 3 minuten · 14 december 2020</p>": "2020-12-14",
    "<div class='meta'>Leestijd: ca. 2 min. | 14-12-2020</div>": "2020-12-14",
}


@pytest.mark.parametrize("line", TIME_SUFFIX_AND_READING_TIME_LINES)
def test_a_u_after_the_time_or_a_reading_time_before_the_date_leaves_the_date_line(line):
    """news-sites.md §2.3 times ("om 10.15u") and §2.4 (a theme's reading time beside the date): the "u" after the
    time, or "Leestijd 3 minuten ·" before the date, made the line no date line: the page stayed undated and the
    line opened its text. It is the page's stated date and no line of its text."""
    page = page_with_line(line)
    assert (page["published"], page["published_source"]) == (TIME_SUFFIX_AND_READING_TIME_LINES[line], "stated")
    assert page["text"].startswith("De gemeente Voorbeeldstad heeft de aanbesteding")


#: A date line whose time is written with a "u" between hours and minutes ("10u15", as Flemish and some Dutch sites
#: write the time of day, news-sites.md §2.3 "time of day"), and the date it states.
U_TIME_LINES = {
    "<p>14 oktober 2021 10u15</p>": "2021-10-14T10:15",
    "<p class='date'>do 14 okt. 2021 om 9u05</p>": "2021-10-14T09:05",
    "<div class='meta'>Gepubliceerd op: 14-10-2021, 10u15</div>": "2021-10-14T10:15",
    "<p>Redactie 14 oktober 2021 - 23u59 uur</p>": "2021-10-14T23:59",
}


@pytest.mark.parametrize("line", U_TIME_LINES)
def test_a_time_written_with_a_u_between_hours_and_minutes_keeps_the_date_line(line):
    """news-sites.md §2.3 time of day: "14 oktober 2021 10u15" (the time's hours and minutes parted by a "u") was no
    date line, the time read as words after the date: a page with no other date stayed undated and the line opened
    its text. It is the page's stated date with its time, and no line of its text."""
    page = page_with_line(line)
    assert (page["published"], page["published_source"]) == (U_TIME_LINES[line], "stated")
    assert page["text"].startswith("De gemeente Voorbeeldstad heeft de aanbesteding")


#: A date line whose time gives only its hour, and the date it states (its day).
HOUR_ONLY_LINES = {
    "<p>14 oktober 2021 om 10 uur</p>": "2021-10-14",
    "<p class='meta'>14-10-2021 om 15 uur</p>": "2021-10-14",
    "<p>14 oktober 2021, 10u</p>": "2021-10-14",
    "<p>Gepubliceerd op: 14-10-2021 om 9 uur</p>": "2021-10-14",
}


@pytest.mark.parametrize("line", HOUR_ONLY_LINES)
def test_a_time_of_only_an_hour_keeps_the_date_line(line):
    """news-sites.md §2.3 time of day ("``HH:mm`` or ``HH.mm``, plus an optional ``uur``"), as a page also writes it:
    the hour alone ("om 10 uur", "10u"). It made the line no date line: a page with no other date stayed undated and
    the line opened its text. It dates the page by its day and is no line of its text."""
    page = page_with_line(line)
    assert (page["published"], page["published_source"]) == (HOUR_ONLY_LINES[line], "stated")
    assert page["text"].startswith("De gemeente Voorbeeldstad heeft de aanbesteding")


def test_a_u_between_numbers_that_are_no_time_is_not_read_as_one():
    """"10u15" is a time only as hours 0-23 and minutes 00-59 with nothing glued after: "14 oktober 2021 10u155"
    and "14 oktober 2021 25u10" give the date alone, without a time."""
    from tenderarchive.extraction.dates import parse_dutch_date
    assert parse_dutch_date("14 oktober 2021 10u15").iso == "2021-10-14T10:15"
    assert parse_dutch_date("14 oktober 2021 10u155").iso == "2021-10-14"
    assert parse_dutch_date("14 oktober 2021 25u10").iso == "2021-10-14"
    assert parse_dutch_date("14 oktober 2021 10uur").iso == "2021-10-14"


@pytest.mark.parametrize("facts", [
    "<dl><dt>Datum publicatie</dt><dd>30-11-2020</dd><dt>Datum uitspraak</dt><dd>27-11-2020</dd></dl>",
    "<dl><dt>Datum uitspraak:</dt><dd>27 november 2020</dd><dt>Datum publicatie:</dt><dd>30 november 2020</dd></dl>",
])
def test_a_dl_naming_another_date_keeps_its_label_and_date_on_one_line(facts):
    """news-sites.md §2.3 court pages: a ``<dl>`` "Datum uitspraak" / "27-11-2020" stayed in the text as two list
    lines, the date a fact of its own and its label an item saying nothing. It is one line, label and date; the
    publication date dates the page and is no line of its text."""
    page = extract_html(synthetic_page(body=f"<article><h1>Uitspraak inkoop jeugdhulp</h1>{facts}{SYNTHETIC_BODY}"
                                            "</article>"),
                        url="https://www.voorbeeldstad.nl/nieuws/uitspraak", fetched_at=datetime(2024, 1, 1))
    assert page["published"] == "2020-11-30"
    lines = page["text"].split("\n")
    assert lines[0] in ("- Datum uitspraak: 27-11-2020", "- Datum uitspraak: 27 november 2020")
    assert lines[1].startswith("De gemeente Voorbeeldstad heeft de aanbesteding")


def test_a_long_run_of_white_space_after_a_date_is_read_in_linear_time():
    """The optional time after a date ("14 oktober 2021, 10:15") allowed white space before and after its separator,
    both optional: a run of spaces after a year (a page's layout, an unnormalised text) was split every way before the
    date was given up, quadratic in the run (10,000 spaces: seconds; 100 KB: minutes). It reads in a blink."""
    from tenderarchive.extraction.dates import LONG_DATE, NUMERIC_DATE, parse_dutch_date
    from tests.speed import LINEAR, linear_time

    assert parse_dutch_date("14 oktober 2021" + " " * 10_000 + "x").iso == "2021-10-14"
    assert parse_dutch_date("14-10-2021" + " " * 10_000 + "10:15").iso == "2021-10-14T10:15"
    assert len(list(LONG_DATE.finditer(("14 oktober 2021" + " " * 2_000) * 20))) == 20
    assert len(list(NUMERIC_DATE.finditer(("14-10-2021" + " " * 2_000) * 20))) == 20
    assert linear_time(parse_dutch_date, lambda n: "14 oktober 2021" + " " * n + "x") < LINEAR
    assert linear_time(parse_dutch_date, lambda n: "14-10-2021" + " " * n + "10:15") < LINEAR
    for pattern, date in ((LONG_DATE, "14 oktober 2021"), (NUMERIC_DATE, "14-10-2021")):
        assert linear_time(lambda text: list(pattern.finditer(text)), date + " " * 2_000) < LINEAR, date


#: A date line whose time gives its seconds, or stands in brackets, and the date it states.
SECONDS_AND_BRACKETED_TIME_LINES = {
    "<p>14 oktober 2021 10:15:30</p>": "2021-10-14T10:15",
    "<p class='date'>Woensdag 7 juni 2023 17:03:00</p>": "2023-06-07T17:03",
    "<p>14-10-2021 09:05:59</p>": "2021-10-14T09:05",
    "<p>14 oktober 2021 (10u15)</p>": "2021-10-14T10:15",
    "<p>14 oktober 2021 (om 10.15 uur)</p>": "2021-10-14T10:15",
    "<p>14-10-2021 (10 uur)</p>": "2021-10-14",
}


@pytest.mark.parametrize("line", SECONDS_AND_BRACKETED_TIME_LINES)
def test_a_time_with_seconds_or_in_brackets_keeps_the_date_line(line):
    """news-sites.md §2.3 time of day, as a page also writes it: with its seconds ("10:15:30") or in brackets
    ("(10u15)"). The rest after the minutes, or the bracket, made the line no date line: a page with no other date
    stayed undated and the line opened its text. It dates the page (to the minute) and is no line of its text."""
    page = page_with_line(line)
    assert (page["published"], page["published_source"]) == (SECONDS_AND_BRACKETED_TIME_LINES[line], "stated")
    assert page["text"].startswith("De gemeente Voorbeeldstad heeft de aanbesteding")


def test_seconds_and_brackets_that_are_no_time_are_not_read_as_one():
    """Seconds are read only after hours and minutes (and 00-59, nothing glued after); a bracket holding more than a
    time is no time of the date line."""
    from tenderarchive.extraction.dates import _is_date_only, parse_dutch_date
    assert parse_dutch_date("14 oktober 2021 10:15:30").iso == "2021-10-14T10:15"
    assert parse_dutch_date("14 oktober 2021 10:15:75").iso == "2021-10-14T10:15"
    assert _is_date_only("14 oktober 2021 10:15:75") is None
    assert _is_date_only("14 oktober 2021 10:15:301") is None
    assert _is_date_only("14 oktober 2021 (10u15 in het gemeentehuis)") is None
    assert _is_date_only("14 oktober 2021 (besluit)") is None


def test_a_date_line_among_a_procurements_steps_stays_in_the_text():
    """A tender's page (aanbestedingskalender.nl) dated by its own date element writes its publication moment again
    in its body, among the procurement's steps ("Woensdag 7 juni 2023 17:03:00" / "Inschrijven" / "Sluit op
    23-06-2023"). Read as a date line (its seconds), that line was dropped from the text as the page's date and the
    analysis lost the step's event. A date line beside another step's dated line is part of the schedule: kept; the
    page's own date line, under its title, is still dropped."""
    body = ("<article><h1>Tussenvoorziening</h1><div class='iprox-date date'>Gepubliceerd op: 7 juni 2023</div>"
            "<p>Woensdag 7 juni 2023 17:03:00<br>Inschrijven<br>Sluit op 23-06-2023</p>"
            f"{SYNTHETIC_BODY}</article>")
    page = extract_html(synthetic_page(body=body), url="https://www.voorbeeldstad.nl/nieuws/tussenvoorziening",
                        fetched_at=datetime(2024, 1, 1))
    assert page["published"] == "2023-06-07"
    lines = page["text"].split("\n")
    assert "Gepubliceerd op: 7 juni 2023" not in lines
    assert lines[:3] == ["Woensdag 7 juni 2023 17:03:00", "Inschrijven", "Sluit op 23-06-2023"]


def test_date_lines_among_steps_are_read_in_linear_time():
    """Each date line looks at a few lines on each side for a procurement's step: a text of 100 KB of date lines and
    steps is read in a blink (the lines after each one were copied whole: quadratic)."""
    from tenderarchive.extraction.core import _drop_date_lines
    from tenderarchive.extraction.dates import ParsedDate
    from tests.speed import LINEAR, linear_time

    def lines(n):  # n lines, 15 characters a line
        return "\n".join(["7 juni 2023", "Sluit op 23-06-2023"] * (n // 30))
    assert linear_time(lambda text: _drop_date_lines(text, ParsedDate("2023-06-07", "day")), lines) < LINEAR
    text = lines(100_000)
    assert _drop_date_lines(text, ParsedDate("2023-06-07", "day")) == text  # each beside a step: the schedule, kept


#: A labelled or bylined date whose time stands in brackets, or an ISO date line with seconds (a CMS's timestamp
#: printed as the page's date), and the moment it states.
BRACKETED_LABELLED_AND_ISO_SECONDS_LINES = {
    "<div class='meta'>Gepubliceerd op: 14 oktober 2021 (10u15)</div>": "2021-10-14T10:15",
    "<p>Geplaatst op 14-10-2021 (om 10.15 uur)</p>": "2021-10-14T10:15",
    "<p>Door Redactie | 14 oktober 2021 (10:15)</p>": "2021-10-14T10:15",
    "<p>2021-10-14 10:15:30</p>": "2021-10-14T10:15",
    "<p class='date'>2021-10-14T10:15:30</p>": "2021-10-14T10:15",
    "<p class='date'>2021-10-14 08:15:30Z</p>": "2021-10-14T10:15",
    "<p class='date'>2021-10-14T10:15:30.123+02:00</p>": "2021-10-14T10:15",
}


@pytest.mark.parametrize("line", BRACKETED_LABELLED_AND_ISO_SECONDS_LINES)
def test_a_labelled_bracketed_time_or_an_iso_date_line_with_seconds_dates_the_page(line):
    """news-sites.md §2.3 label + date + time and time of day: "Gepubliceerd op: 14 oktober 2021 (10u15)" dated the
    page by its day alone (the bracketed time was read after a bare date line only), and an ISO date line with its
    seconds ("2021-10-14 10:15:30") was no date line: the page stayed undated and the line opened its text. Both date
    the page to the minute (a UTC offset read in Dutch time) and are no line of its text."""
    page = page_with_line(line)
    assert (page["published"], page["published_source"]) == (BRACKETED_LABELLED_AND_ISO_SECONDS_LINES[line], "stated")
    assert page["text"].startswith("De gemeente Voorbeeldstad heeft de aanbesteding")


def test_iso_seconds_and_brackets_that_are_no_time_are_not_read_as_one():
    """An ISO date line's seconds are 00-59 with nothing glued after; a labelled date's bracket holding more than a
    time gives the day alone."""
    from tenderarchive.extraction.dates import _is_date_only, find_stated_date
    assert _is_date_only("2021-10-14 10:15:30").iso == "2021-10-14T10:15"
    assert _is_date_only("2021-10-14 10:15:75") is None
    assert _is_date_only("2021-10-14 10:15:301") is None
    assert _is_date_only("2021-10-14 10:15:30 uur later") is None
    assert find_stated_date(["Gepubliceerd op: 14 oktober 2021 (10u15 in het gemeentehuis)"])[0].iso == "2021-10-14"
    assert find_stated_date(["Gepubliceerd op: 14 oktober 2021 (25u10)"])[0].iso == "2021-10-14"


def test_a_long_run_of_white_space_in_a_bracket_after_a_date_is_read_in_linear_time():
    """The time in brackets after a date allowed two optional runs of white space side by side after the time: a long
    run before something that is no closing bracket was split every way (20,000 spaces: over a second; 100 KB: half a
    minute). It reads in a blink."""
    from tenderarchive.extraction.dates import _is_date_only, parse_dutch_date
    from tests.speed import LINEAR, linear_time

    assert parse_dutch_date("14 oktober 2021 (10.15" + " " * 100_000 + "x").iso == "2021-10-14"
    assert _is_date_only("14 oktober 2021 (10.15" + " " * 100_000 + "x)") is None
    assert _is_date_only("14 oktober 2021 (10.15" + " " * 100 + ")").iso == "2021-10-14T10:15"
    assert linear_time(parse_dutch_date, lambda n: "14 oktober 2021 (10.15" + " " * n + "x") < LINEAR
    assert linear_time(_is_date_only, lambda n: "14 oktober 2021 (10.15" + " " * n + "x)") < LINEAR


#: A byline whose "Door" takes a colon, as a template labels its author ("Door: Redactie"), and the date it states.
COLON_BYLINES = {
    "<p>Door: Redactie, 14 oktober 2021</p>": "2021-10-14",
    "<p class='byline'>Door: Jan Jansen, 3 maart 2021 10:15</p>": "2021-03-03T10:15",
    "<p>Geschreven door: Jan Jansen op 3 maart 2021</p>": "2021-03-03",
    "<p>door:Redactie 14-10-2021</p>": "2021-10-14",
}


@pytest.mark.parametrize("line", COLON_BYLINES)
def test_a_byline_whose_door_takes_a_colon_dates_the_page(line):
    """news-sites.md §2.3 byline + date ("Redactie 14-10-2021", "Door Jan Jansen | 3 maart 2021"), as a template also
    labels the author: "Door: Redactie, 14 oktober 2021". The colon made the line no byline: the page stayed undated
    and the line opened its text. It is the page's stated date and no line of its text."""
    page = page_with_line(line)
    assert (page["published"], page["published_source"]) == (COLON_BYLINES[line], "stated")
    assert page["text"].startswith("De gemeente Voorbeeldstad heeft de aanbesteding")



def test_a_byline_whose_door_takes_a_colon_dates_the_page_relative_to_its_fetch():
    """The same byline before a date written relative to the fetch ("Door: Redactie · 5 uur geleden")."""
    from tenderarchive.extraction.dates import find_relative_date
    found = find_relative_date(["Inkoop jeugdhulp", "Tekst", "Tekst", "Tekst", "Tekst", "Door: Redactie · 2 dagen geleden"],
                               datetime(2021, 10, 16, 9, 0, tzinfo=timezone.utc))
    assert found is not None and found[0].iso == "2021-10-14"


#: A sentence of the text opening with "Door" (or "Redactie") with a day in it: no byline.
DOOR_SENTENCES = [
    "Door de coronacrisis is de aanbesteding op 3 maart 2021 uitgesteld.",
    "Door het college is op 3 maart 2021 besloten de jeugdhulp opnieuw in te kopen.",
    "Door de regio is 3 maart 2021 gekozen voor een open house.",
]


@pytest.mark.parametrize("sentence", DOOR_SENTENCES)
def test_a_sentence_opening_with_door_and_a_date_is_no_byline(sentence):
    """news-sites.md §2.3 byline + date ("Redactie 14-10-2021", "Door Jan Jansen | 3 maart 2021"): a byline is the
    author and the date, a time or a section at most. A sentence of the text opening with "Door" and naming a day
    ("Door de coronacrisis is de aanbesteding op 3 maart 2021 uitgesteld.") was read as one, anywhere on the page: it
    dated the page by the event's day, and was dropped from the text as the page's date line. It is text, kept; the
    page states no date."""
    page = extract_html(synthetic_page(body=f"<article><h1>Inkoop jeugdhulp</h1>{SYNTHETIC_BODY}<p>{sentence}</p>"
                                            "<p>Meer informatie volgt.</p></article>"),
                        url="https://www.voorbeeldstad.nl/nieuws/inkoop-jeugdhulp", fetched_at=datetime(2024, 1, 1))
    assert page["published"] is None
    assert sentence in page["text"].split("\n")


def test_a_byline_still_dates_the_page_with_a_time_or_a_section_after_its_date():
    from tenderarchive.extraction.dates import find_stated_date
    for line, iso in [("Door Jan Jansen | 3 maart 2021", "2021-03-03"), ("Redactie 14-10-2021 om 10:15 uur", "2021-10-14T10:15"),
                      ("Door Redactie op 3 maart 2021 - Nieuws", "2021-03-03"),
                      ("Door Redactie · 14 december 2020 · Leestijd 2 min", "2020-12-14"),
                      ("Door Jan Jansen, 3 maart 2021 (10u15)", "2021-03-03T10:15"),
                      ("Door Marieke de Kok - 2-11-2016, 7:00 (Update 2-11-2016, 7:35)", "2016-11-02T07:00"),
                      ("Door Jan van der Berg op 3 maart 2021 in Nieuws", "2021-03-03"),
                      ("Geplaatst door Redactie op 3 maart 2021 in Jeugd", "2021-03-03"),
                      ("Door Jan Jansen en Piet Pietersen 3 maart 2021 3 reacties", "2021-03-03"),
                      ("Door: redactie gemeente Leiden, 3 maart 2021", "2021-03-03")]:
        assert find_stated_date([line], head_lines=0)[0].iso == iso, line
    assert find_stated_date(["Gevolgd door: de gunning op 3 maart 2021 en de start van de contracten"],
                            head_lines=0) is None
    assert find_stated_date(["Door de crisis is de aanbesteding op 3 maart 2021 (een week later) uitgesteld."],
                            head_lines=0) is None


#: A page's date line with its time before the date, or with the section it is filed in after it, as news sites and
#: the CMS families of news-sites.md §2.1 print it under the title (a news site's "08:55 | 14 december 2020", a
#: WordPress theme's "Posted on DATE in CATEGORY", a TYPO3 or Drupal teaser's date and category), and what it states.
TIME_FIRST_AND_SECTION_LINES = {
    "<p class='meta'>08:55 | 14 december 2020</p>": "2020-12-14T08:55",
    "<span class='date'>08.55 uur - 14-12-2020</span>": "2020-12-14T08:55",
    "<time>08:55 · ma 14 dec. 2020</time>": "2020-12-14T08:55",
    "<p>Nieuws | 08:55 | 14 december 2020</p>": "2020-12-14T08:55",
    "<p>Gepubliceerd op: 08:55 | 14 december 2020</p>": "2020-12-14T08:55",
    "<p>Door Redactie | 08:55 | 14-12-2020</p>": "2020-12-14T08:55",
    "<p class='entry-meta'>14 december 2020 in <a href='/category/nieuws/' rel='category tag'>Nieuws</a></p>":
        "2020-12-14",
    "<p>14 december 2020 in Nieuws, Jeugd &amp; Gezin</p>": "2020-12-14",
    "<p>14 december 2020, geplaatst in Nieuws</p>": "2020-12-14",
    "<p>14 december 2020 08:55 in categorie Persberichten</p>": "2020-12-14T08:55",
}


@pytest.mark.parametrize("line", TIME_FIRST_AND_SECTION_LINES)
def test_a_date_line_with_its_time_first_or_its_section_after_dates_the_page(line):
    """news-sites.md §2.3 (date line under the title; time of day): a date line giving the time before the date
    ("08:55 | 14 december 2020") or the section after it ("14 december 2020 in Nieuws") was no date line: the page
    went undated (a ``--from-date`` crawl kept it however old) and the line opened its text. It is the page's stated
    date, to the minute where the time is given, and no line of its text."""
    page = page_with_line(line)
    assert (page["published"], page["published_source"]) == (TIME_FIRST_AND_SECTION_LINES[line], "stated")
    assert page["text"].startswith("De gemeente Voorbeeldstad heeft de aanbesteding")


@pytest.mark.parametrize("line", ["<p>14 december 2020 in de raadszaal</p>", "<p>14 januari 2021 in Gouda: marktconsultatie</p>",
                                  "<p>10 | 14 december 2020</p>"])
def test_a_sentence_or_a_step_after_a_date_is_no_section(line):
    """"in" with a lower-case word after a date is a sentence's, a name with a colon after it a timeline's step, and a
    number without its minutes no time: none dates the page, and the line stays in its text."""
    page = page_with_line(line)
    assert page["published"] is None
    assert page["text"].startswith(line[3:-4])


def test_a_time_first_date_line_is_read_in_linear_time():
    from tenderarchive.extraction.dates import find_stated_date
    from tests.speed import LINEAR, linear_time, repeat
    for line in (lambda n: "08:55" + " " * n + "| 14 december 2020", lambda n: "14 december 2020 in Nieuws" + repeat(" ,", n) + ":",
                 lambda n: repeat("08:55 | ", n) + "14 december 2020"):
        assert linear_time(lambda text: find_stated_date([text], head_lines=1, suffix_limit=None), line) < LINEAR, line(20)


#: A publication label with the section the page is filed in between it and the date, as a theme writes "Posted in
#: X on DATE" (news-sites.md §2.1 WordPress), and what it states.
SECTION_LABELS = {
    "<p class='entry-meta'>Geplaatst in <a href='/category/nieuws/'>Nieuws</a> op 14 december 2020</p>": "2020-12-14",
    "<p>Gepubliceerd in Persberichten, Jeugd op 14-12-2020 om 08:55</p>": "2020-12-14T08:55",
}


@pytest.mark.parametrize("line", SECTION_LABELS)
def test_a_publication_label_naming_the_section_before_the_date_dates_the_page(line):
    """"Geplaatst in Nieuws op 14 december 2020" was no label (the section between "Geplaatst" and "op"): the page
    went undated and the line opened its text. It is the page's stated date and no line of its text."""
    page = page_with_line(line)
    assert (page["published"], page["published_source"]) == (SECTION_LABELS[line], "stated")
    assert page["text"].startswith("De gemeente Voorbeeldstad heeft de aanbesteding")


@pytest.mark.parametrize("line", ["Gepubliceerd in TenderNed op 3 maart 2021", "Geplaatst in de krant op 3 maart 2021"])
def test_a_notice_published_on_a_platform_is_no_section_label(line):
    """A notice's platform ("in TenderNed", a tender's day) or "in de …" (a sentence's) is no section: no page date."""
    from tenderarchive.extraction.dates import find_stated_date
    assert find_stated_date([line], head_lines=0) is None


#: A page's date and its time in two elements, the time on a line of its own above or below the date line, as news
#: sites and CMS themes print them under the title, and what they state.
TIME_LINE_BESIDE_DATE_LINE = {
    "<p class='time'>08:55 uur</p><p class='date'>14 december 2020</p>": "2020-12-14T08:55",
    "<p class='date'>14 december 2020</p><p class='time'>08:55 uur</p>": "2020-12-14T08:55",
    "<div class='meta'><span>14-12-2020</span><br><span>om 08.55 u</span></div>": "2020-12-14T08:55",
    "<p>Gepubliceerd op 14 december 2020</p><p>08:55</p>": "2020-12-14T08:55",
}


@pytest.mark.parametrize("line", TIME_LINE_BESIDE_DATE_LINE)
def test_a_time_on_its_own_line_beside_the_date_line_times_the_page(line):
    """news-sites.md §2.3 (time of day): a time on a line of its own beside the date line ("08:55 uur" then "14
    december 2020", or the reverse) dated the page to the day only and "08:55 uur" opened its text. The page is dated
    to the minute, and neither line is in its text."""
    page = page_with_line(line)
    assert (page["published"], page["published_source"]) == (TIME_LINE_BESIDE_DATE_LINE[line], "stated")
    assert page["text"].startswith("De gemeente Voorbeeldstad heeft de aanbesteding")


def test_a_time_line_apart_from_the_date_line_is_no_time_of_the_page():
    """A time further down, after a paragraph, is the text's ("08:55" of a schedule), not the date line's."""
    page = page_with_line("<p>14 december 2020</p><p>De raad vergadert vanavond.</p><p>19:30</p>")
    assert page["published"] == "2020-12-14"
    assert "19:30" in page["text"]


def test_a_plain_text_page_with_its_time_beside_its_date_line():
    from tenderarchive.extraction.core import extract_text
    page = extract_text("Inkoop jeugdhulp\n14 december 2020\n08:55 uur\nDe gemeente heeft de aanbesteding gegund.")
    assert page["published"] == "2020-12-14T08:55"
    assert page["text"] == "De gemeente heeft de aanbesteding gegund."


@pytest.mark.parametrize("line, iso", [("<p>Op 14 december 2020 in Nieuws</p>", "2020-12-14"),
                                       ("<p class='entry-meta'>Op 14-12-2020 om 08:55 in Persberichten</p>",
                                        "2020-12-14T08:55"),
                                       ("<p>Op maandag 14 december 2020</p>", "2020-12-14")])
def test_a_date_line_opening_with_op_dates_the_page(line, iso):
    """A theme's "Posted on DATE in CATEGORY" without its verb ("Op 14 december 2020 in Nieuws") was no date line:
    the page went undated and the line opened its text."""
    page = page_with_line(line)
    assert (page["published"], page["published_source"]) == (iso, "stated")
    assert page["text"].startswith("De gemeente Voorbeeldstad heeft de aanbesteding")


@pytest.mark.parametrize("line", ["Op 14 december 2020 is de aanbesteding gestart.",
                                  "Op 14 januari 2021 in Gouda: marktconsultatie", "Op 14 december 2020 in de raadszaal"])
def test_a_sentence_opening_with_op_and_a_date_is_no_date_line(line):
    from tenderarchive.extraction.dates import find_stated_date
    assert find_stated_date([line], head_lines=1) is None


def test_a_lone_time_and_op_date_lines_are_read_in_linear_time():
    from tenderarchive.extraction.dates import find_stated_date, paired_time, ParsedDate
    from tests.speed import LINEAR, linear_time, repeat
    for line in (lambda n: "Op " + " " * n + "14 december 2020", lambda n: "Op 14 december 2020 in Nieuws" + repeat(" x", n)):
        assert linear_time(lambda text: find_stated_date([text], head_lines=1), line) < LINEAR, line(20)
    day = ParsedDate("2020-12-14", "day")
    assert linear_time(lambda text: paired_time(["14 december 2020", text], 0, day),
                       lambda n: "08:55" + repeat(" uur", n)) < LINEAR


#: A WordPress theme's meta line with the last change's ``<time>`` beside the publication's, their dates given as text
#: alone (no ``datetime``), as a theme printing its dates by ``get_the_date()`` writes them (news-sites.md §2.1).
UPDATED_TIME_WITHOUT_DATETIME = [
    "<p class='entry-meta'><time class='updated'>5 januari 2021</time> "
    "<time class='entry-date published'>14 december 2020</time></p>",
    "<p class='entry-meta'><time class='entry-date published'>14 december 2020</time> "
    "<time class='updated'>5 januari 2021</time></p>",
    "<p><span class='posted-on'><time itemprop='datePublished'>14 december 2020</time> "
    "<time itemprop='dateModified'>5-1-2021</time></span></p>",
]


@pytest.mark.parametrize("line", UPDATED_TIME_WITHOUT_DATETIME)
def test_a_last_change_time_without_datetime_is_the_pages_modified_not_its_text(line):
    """"<time class='updated'>5 januari 2021</time> <time class='entry-date published'>14 december 2020</time>": the
    page had no ``modified`` and the line of both dates opened its text. The publication's date dates the page, the
    last change's is its ``modified``, and neither is a line of its text."""
    page = page_with_line(line)
    assert (page["published"], page["published_source"], page["modified"]) == ("2020-12-14", "stated", "2021-01-05")
    assert page["text"].startswith("De gemeente Voorbeeldstad heeft de aanbesteding")


def test_a_last_change_time_in_a_sentence_stays_in_the_text():
    page = page_with_line("<p>14 december 2020</p><p>De aanbesteding is na de vragenronde van "
                          "<time class='updated'>5 januari 2021</time> opnieuw aangepast door de gemeente.</p>")
    assert page["published"] == "2020-12-14"
    assert "vragenronde van 5 januari 2021 opnieuw" in page["text"]


#: Joomla's article info block (news-sites.md §2.1 CMS families) as its Dutch language pack prints it: 2.5's labels
#: ("Aangemaakt op", "Laatst gewijzigd op", the date with its weekday and time), 3's and 4's (with a colon, in
#: ``<time>``), and a template's own ``<p>`` lines.
JOOMLA_INFO = {
    "2.5": ("<dl class='article-info'><dt class='article-info-term'>Details</dt>"
            "<dd class='createdby'>Geschreven door Redactie</dd>"
            "<dd class='category-name'>Categorie: <a href='/nieuws'>Nieuws</a></dd>"
            "<dd class='create'>Aangemaakt op maandag, 14 december 2020 08:55</dd>"
            "<dd class='modified'>Laatst gewijzigd op zaterdag, 02 januari 2021 10:12</dd>"
            "<dd class='hits'>Hits: 1.234</dd></dl>", "2020-12-14T08:55", "2021-01-02T10:12"),
    "3, text dates": ("<dl class='article-info muted'><dt class='article-info-term'>Details</dt>"
                      "<dd class='createdby'>Geschreven door <span itemprop='name'>Jan de Vries</span></dd>"
                      "<dd class='create'><time itemprop='dateCreated'>Aangemaakt: 14 december 2020</time></dd>"
                      "<dd class='modified'><time itemprop='dateModified'>Laatst bijgewerkt: 02 januari 2021</time></dd>"
                      "<dd class='hits'>Hits: 123</dd></dl>", "2020-12-14", "2021-01-02"),
    "lines": ("<div class='article-info'><p>Aangemaakt op 14 december 2020</p><p>Laatst gewijzigd op 2 januari "
              "2021</p><p>Geschreven door Jan de Vries</p><p>Hits: 123</p></div>", "2020-12-14", "2021-01-02"),
    "one line": ("<div class='article-info'><span class='create'>Aangemaakt op 14 december 2020</span> "
                 "<span class='modified'>Laatst gewijzigd op 2 januari 2021</span></div>", "2020-12-14", "2021-01-02"),
    "created before published": ("<dl class='article-info'><dd>Aangemaakt op donderdag, 10 december 2020 16:00</dd>"
                                 "<dd>Laatst gewijzigd op zaterdag, 02 januari 2021 10:12</dd>"
                                 "<dd>Gepubliceerd op maandag, 14 december 2020 08:55</dd><dd>Hits: 1.234</dd></dl>",
                                 "2020-12-14T08:55", "2021-01-02T10:12"),
    "1.5": ("<table class='contentpaneopen'><tr><td><span class='small'>Geschreven door Redactie</span></td></tr>"
            "<tr><td class='createdate'>maandag, 14 december 2020 08:55</td></tr></table>", "2020-12-14T08:55", None),
}


@pytest.mark.parametrize("shape", sorted(JOOMLA_INFO))
def test_a_joomla_article_info_block_dates_the_page_and_is_no_text(shape):
    """"Aangemaakt op 14 december 2020" was no date line: the page went undated, and the info block's lines ("Details",
    "Geschreven door Redactie", "Categorie: Nieuws", the created line, "Hits: 1.234") opened its text. The created
    date dates the page (a "Gepubliceerd op" line beside it first), the last change is its ``modified``, and the block
    leaves the text."""
    line, published, modified = JOOMLA_INFO[shape]
    page = page_with_line(line)
    assert (page["published"], page["published_source"], page["modified"]) == (published, "stated", modified)
    assert page["text"].startswith("De gemeente Voorbeeldstad heeft de aanbesteding"), page["text"]


@pytest.mark.parametrize("line", ["<p>Geschreven door Jan de Vries</p>", "<p>Categorie: Nieuws</p>",
                                  "<ul><li>14 december 2020</li><li>1 maart 2021</li></ul>",
                                  "<p>Geschreven door de wethouder van jeugd</p><p>Hits: 12</p>"])
def test_an_author_category_or_schedule_line_alone_stays_in_the_text(line):
    """Only a run of two or more info lines holding a date, an author or a count is the CMS's block: an author line or
    a category alone, two dates of a schedule, a sentence and a count, stay (as before)."""
    from tenderarchive.extraction.dates import drop_article_info
    import lxml.html
    from tenderarchive.extraction.markup import element_text

    lines = element_text(lxml.html.fromstring(f"<div>{line}</div>")).split("\n")
    assert [line for line in lines if line.strip()] and drop_article_info(lines) == lines


def test_article_info_lines_are_read_in_linear_time():
    from tenderarchive.extraction.dates import drop_article_info
    from tests.speed import LINEAR, linear_time, repeat
    # 20,000 short lines (a count of lines is the size); three lines of 100 KB
    assert linear_time(drop_article_info, lambda n: ["Hits: 1", "Geschreven door Redactie"] * (n // 2), 20_000) < LINEAR
    assert linear_time(drop_article_info, lambda n: ["a" + " " * n + "|", repeat("| ", n),
                                                     "Geschreven door " + repeat("A ", n)]) < LINEAR


#: A page's date with a time no clock shows (a CMS's garbled stamp, a typo), where it is written, and the day it states.
IMPOSSIBLE_TIMES = {
    "<p>Gepubliceerd op: 2020-12-14 28:55</p>": "2020-12-14",
    "<p>Gepubliceerd op: 2020-12-14T08:75</p>": "2020-12-14",
    "<p>2020-12-14T24:00:00+01:00</p>": "2020-12-14",
}


@pytest.mark.parametrize("line", IMPOSSIBLE_TIMES)
def test_a_stated_date_with_a_time_no_clock_shows_is_its_day(line):
    """An ISO date line's time was read without checking it was one: "2020-12-14 28:55" was archived as the
    article's ``published`` "2020-12-14T28:55", a timestamp no reader parses (found by the fuzz target ``dates``). A
    time past 23:59 is no time: the page is dated by its day, at day precision."""
    page = page_with_line(line)
    assert (page["published"], page["published_precision"]) == (IMPOSSIBLE_TIMES[line], "day")
    datetime.fromisoformat(page["published"])


def test_a_meta_date_with_a_time_no_clock_shows_is_its_day():
    """The time the page's meta stamp gives its day was read as two pairs of digits, so a stamp of 25:30 made
    ``published`` "2020-12-14T25:30"; it is the day."""
    page = extract_html(synthetic_page(head='<meta property="article:published_time" content="2020-12-14T25:30:00">',
                                       body=f"<article><h1>Inkoop jeugdhulp</h1>{SYNTHETIC_BODY}</article>"),
                        url="https://www.voorbeeldstad.nl/nieuws/inkoop-jeugdhulp", fetched_at=datetime(2024, 1, 1))
    assert (page["published"], page["published_precision"]) == ("2020-12-14", "day")
    from tenderarchive.extraction.dates import ParsedDate, parse_dutch_date

    assert parse_dutch_date("2020-12-14 23:59").iso == "2020-12-14T23:59"
    assert ParsedDate("2020-12-14T23:60", "minute") == ParsedDate("2020-12-14", "day")


#: Lines stating a day as a Dutch ordinal ("1e", "2e", "3de", "1ste", "21ste"; news-sites.md §2.3), and the day each
#: states; and lines whose ordinal is no day of a date ("2e kwartaal 2021", "de 3e ronde op 4 oktober").
ORDINAL_DATES = {
    "1e oktober 2021": "2021-10-01", "Gepubliceerd op 2e okt. 2021": "2021-10-02", "3de oktober 2021": "2021-10-03",
    "Door Redactie | 1ste maart 2021": "2021-03-01", "Aangemaakt op 21ste december 2020": "2020-12-21",
}


@pytest.mark.parametrize("line", ORDINAL_DATES)
def test_a_dutch_ordinal_day_is_read_as_its_day(line):
    """A Dutch ordinal day before a month name ("1e oktober 2021", "3de", "21ste") was no date: the page stated
    none. Its number is the day."""
    from tenderarchive.extraction.dates import find_stated_date

    assert find_stated_date([line])[0].iso == ORDINAL_DATES[line]


def test_an_ordinal_that_is_no_day_is_no_date_and_ordinals_are_read_fast():
    """The guard: an ordinal before another word than a month ("2e kwartaal 2021", "de 3e ronde") is no date; an
    ordinal glued inside a word ("x1e oktober") none either; a 100 KB run of ordinals is read in linear time."""
    from tenderarchive.extraction.dates import parse_dutch_date
    from tests.speed import LINEAR, linear_time

    assert parse_dutch_date("Start in het 2e kwartaal 2021") is None
    assert parse_dutch_date("de 3e ronde, 2021") is None
    assert parse_dutch_date("x1e oktober 2021") is None
    assert parse_dutch_date("1e " * 35_000) is None
    assert linear_time(parse_dutch_date, "1e ", 105_000) < LINEAR


#: Addresses with a day in their path (news-sites.md §2.3 "ISO in URL"), and the day; and addresses whose digits are
#: no date of theirs (inside a segment, an impossible day).
URL_DATES = {
    "https://example.nl/2021/07/29/inkoop/": "2021-07-29",
    "https://example.nl/nieuws/2021-07-29-inkoop-jeugdhulp": "2021-07-29",
    "https://example.nl/nieuws/2021-07-29/inkoop-jeugdhulp/": "2021-07-29",
    "https://example.nl/nieuws/2021-07-29_inkoop": "2021-07-29",
    "https://example.nl/agenda/2021-07-29": None,
    "https://example.nl/agenda/2021-07-29/": None,
    "https://wetten.overheid.nl/BWBR0045673/2021-10-09/0": None,
    "https://example.nl/nieuws/zaak-2021-07-29": None,
    "https://example.nl/nieuws/12021-07-29-inkoop": None,
    "https://example.nl/nieuws/2021-07-291": None,
    "https://example.nl/nieuws/2021-02-30-inkoop": None,
    "https://example.nl/nieuws/inkoop?datum=2021-07-29": None,
}


@pytest.mark.parametrize("url", URL_DATES)
def test_an_iso_day_opening_a_path_segment_is_the_addresses_date(url):
    """Only WordPress's ``/YYYY/MM/DD/`` was read from an address; a segment opening with an ISO day before the
    item's slug (``/nieuws/2021-07-29-slug``, ``/2021-07-29/slug``) is the address's date too; never digits inside
    a segment or a query's, nor a day with no slug after it (a day's listing, a law's version)."""
    from tenderarchive.extraction.dates import url_date

    found = url_date(url)
    assert (found.iso if found else None) == URL_DATES[url]


def test_an_address_date_dates_only_a_page_that_states_none():
    """The address's day is a fallback: a page stating its own day is dated by it, one stating none by its address."""
    page = extract_html(synthetic_page(body=f"<article><h1>Inkoop jeugdhulp</h1>{SYNTHETIC_BODY}</article>"),
                        url="https://www.voorbeeldstad.nl/nieuws/2021-07-29-inkoop-jeugdhulp",
                        fetched_at=datetime(2024, 1, 1))
    assert (page["published"], page["published_source"]) == ("2021-07-29", "url")
    stated = extract_html(synthetic_page(body="<article><h1>Inkoop jeugdhulp</h1><p>Gepubliceerd op 3 augustus 2021"
                                              f"</p>{SYNTHETIC_BODY}</article>"),
                          url="https://www.voorbeeldstad.nl/nieuws/2021-07-29-inkoop-jeugdhulp",
                          fetched_at=datetime(2024, 1, 1))
    assert (stated["published"], stated["published_source"]) == ("2021-08-03", "stated")


#: How a theme on a British-English locale prints a page's date under its title (WordPress's ``j F Y``, ``jS F Y``,
#: ``l j F Y``; Drupal's ``d M Y - H:i``), day before month, and the date it states.
DAY_FIRST_ENGLISH_LINES = {
    "<p class='date'>14 October 2021</p>": "2021-10-14",
    "<span class='posted-on'>14th October 2021</span>": "2021-10-14",
    "<div class='date'>Thursday 14 October 2021</div>": "2021-10-14",
    "<div class='node-date'>02 Oct 2021 - 11:00</div>": "2021-10-02T11:00",
}


@pytest.mark.parametrize("line", DAY_FIRST_ENGLISH_LINES)
def test_an_english_date_line_day_first_dates_the_page_and_is_not_its_text(line):
    """news-sites.md §2.3 (date line under the title) and §2.1 (a CMS's date formats, its locale's month names): a
    theme on a British-English locale prints the day before an English month ("14 October 2021", "Thursday 14
    October 2021", "02 Oct 2021 - 11:00"). Only the month-first English of Drupal's and WordPress's US defaults was
    read ("October 14, 2021"): the page went undated and its date line opened its text. It is the page's stated date,
    and no line of its text."""
    page = page_with_line(line)
    assert (page["published"], page["published_source"]) == (DAY_FIRST_ENGLISH_LINES[line], "stated")
    assert page["text"].startswith("De gemeente Voorbeeldstad heeft de aanbesteding")


@pytest.mark.parametrize("line", ["14 Octopus 2021", "14 Ma 2021", "31 November 2021", "Thursday 14 October",
                                  "14 October 2021 was the day"])
def test_a_line_like_an_english_date_that_names_no_day_is_no_date(line):
    """The guard: no month's name or its abbreviation, a day no month has, no year, or more than the date: no date."""
    from tenderarchive.extraction.dates import weekday_form_date

    assert weekday_form_date(line) is None


#: Page date lines in forms §2.3's date grammar did not read (branch refnews64): a numeric day and month with the year
#: in two digits after an apostrophe, a comma before the year, and the labels of the publication-date family naming
#: the item ("Datum bericht", "Datum artikel", "Datum plaatsing"), on one line or as a label above its date; and the
#: date each states.
REFNEWS64_DATE_LINES = {
    "<p class='date'>14-10-'21</p>": "2021-10-14",
    "<p class='meta'>Door Redactie | 14-10-’21 10:15</p>": "2021-10-14T10:15",
    "<p class='date'>Gepubliceerd op: 03.03.'99</p>": "1999-03-03",
    "<p class='date'>14 maart, 2021</p>": "2021-03-14",
    "<p>Gepubliceerd op 14 maart, 2021 om 10.15 uur</p>": "2021-03-14T10:15",
    "<p>Door Redactie | 14 maart, 2021</p>": "2021-03-14",
    "<p>Datum bericht 14 oktober 2021</p>": "2021-10-14",
    "<p>Datum bericht: 14-10-2021</p>": "2021-10-14",
    "<p>Datum nieuwsbericht: 14 oktober 2021</p>": "2021-10-14",
    "<p>Datum van plaatsing: 14 oktober 2021</p>": "2021-10-14",
    "<p>Berichtdatum 14 oktober 2021</p>": "2021-10-14",
    "<p>Uitgegeven op 14 oktober 2021</p>": "2021-10-14",
    "<p>Datum uitgifte: 14 oktober 2021</p>": "2021-10-14",
    "<dl><dt>Datum artikel</dt><dd>14 oktober 2021</dd></dl>": "2021-10-14",
    "<dl><dt>Datum publicatie:</dt><dd>14 oktober 2021</dd></dl>": "2021-10-14",
    "<p>Gepubliceerd op</p><p>14 oktober 2021</p>": "2021-10-14",
}


@pytest.mark.parametrize("line", REFNEWS64_DATE_LINES)
def test_a_short_numeric_year_a_comma_before_the_year_or_a_bericht_label_dates_the_page(line):
    """news-sites.md §2.3's "byline + numeric" with the year short ("14-10-'21"), the long date with a comma before its
    year ("14 maart, 2021", after a label or a byline too), and the label family of the page's own date ("Datum
    bericht", "Datum nieuwsbericht", "Datum van plaatsing", "Berichtdatum"; "Datum bericht" read as a label of some
    other date): each left the page undated, or dated only by a date line's fallback, with the line in its text. Each is
    the page's stated date, and its line no text."""
    page = page_with_line(line)
    assert (page["published"], page["published_source"]) == (REFNEWS64_DATE_LINES[line], "stated")
    assert page["text"].startswith("De gemeente Voorbeeldstad heeft de aanbesteding")


def test_a_two_digit_year_reads_in_one_century_rule_and_needs_its_apostrophe():
    """The one century rule of a two-digit year (:func:`two_digit_year`, as POSIX's ``%y``): 00–69 are 2000–2069,
    70–99 are 1970–1999, for a page's date line and a listing's alike; a numeric day and month before two digits
    without the apostrophe ("14-10-21 deelnemers") stays no date of a page's text; a weekday contradicting the
    day gives none; 100 KB of near-dates are read in linear time."""
    from tenderarchive.extraction.dates import parse_dutch_date, two_digit_year
    from spiders.news import short_listed_date
    from tests.speed import LINEAR, linear_time

    assert [two_digit_year(y) for y in (0, 21, 69, 70, 99)] == [2000, 2021, 2069, 1970, 1999]
    assert parse_dutch_date("Redactie 14-10-'21").iso == parse_dutch_date("Redactie 14 okt '21").iso == "2021-10-14"
    assert short_listed_date("14-10-68", datetime(2026, 1, 1, tzinfo=timezone.utc)).iso == "2068-10-14"
    assert parse_dutch_date("Op 14-10-21 deelnemers") is None
    assert parse_dutch_date("2014-10-'21") is None
    assert parse_dutch_date("do 14-10-'21").iso == "2021-10-14"
    assert parse_dutch_date("wo 14-10-'21") is None
    assert linear_time(parse_dutch_date, "14-10-' ", 105_000) < LINEAR


def test_a_number_after_a_comma_is_read_as_a_year_only_as_a_whole_date():
    """The guard of the comma before the year: "14 maart, 2021" is a date, the comma read in the one grammar (the
    analysis's event dates too); a comma before no year, or a number glued to more digits, is none."""
    from tenderarchive.extraction.dates import LONG_DATE, full_date, parse_dutch_date
    from tests.speed import LINEAR, linear_time

    assert full_date(LONG_DATE.search("De inschrijving sluit op 14 maart, 2021 om 12:00 uur.")).iso == "2021-03-14T12:00"
    assert parse_dutch_date("Op 14 maart, 20210 stukken") is None
    assert parse_dutch_date("Op 14 maart, de dag erna") is None
    assert linear_time(parse_dutch_date, "14 maart, ", 105_000) < LINEAR


#: Date lines whose weekday is not their day's (14 October 2021 was a Thursday), in English and in Dutch.
CONTRADICTED_WEEKDAYS = ["<p class='date'>Wednesday 14 October 2021</p>", "<p class='date'>Wednesday, October 14, 2021</p>",
                         "<p class='date'>woensdag 14 oktober 2021</p>", "<p>Gepubliceerd op woensdag 14 oktober 2021</p>",
                         "<p>Door Redactie | wo 14-10-2021</p>"]


@pytest.mark.parametrize("line", CONTRADICTED_WEEKDAYS)
def test_a_date_line_whose_weekday_is_another_days_does_not_date_the_page(line):
    """A date line naming a weekday its date does not fall on ("Wednesday 14 October 2021": 14 October 2021 was a
    Thursday) says two days, one of them wrong, and which one the page cannot tell: it dated the page the 14th in
    English and in Dutch alike (the dateline, a listing's day and a short year were checked, the date line not). Such a
    line states no date: the page's next source (its meta date here) dates it."""
    page = extract_html(synthetic_page(head="<meta property='article:published_time' content='2021-10-13T09:00:00+02:00'>",
                                       body=f"<article><h1>Inkoop jeugdhulp</h1>{line}{SYNTHETIC_BODY}</article>"),
                        url="https://www.voorbeeldstad.nl/nieuws/inkoop-jeugdhulp", fetched_at=datetime(2024, 1, 1))
    assert (page["published"][:10], page["published_source"]) == ("2021-10-13", "meta")


@pytest.mark.parametrize("line", ["Thursday 14 October 2021", "Thursday, October 14, 2021", "donderdag 14 oktober 2021",
                                  "Gepubliceerd op donderdag 14 oktober 2021", "Door Redactie | do 14-10-2021"])
def test_a_date_line_whose_weekday_agrees_dates_the_page(line):
    """The guard: the weekday that is the date's day ("Thursday 14 October 2021") keeps the line the page's date."""
    from tenderarchive.extraction.dates import find_stated_date

    assert find_stated_date(["Inkoop jeugdhulp", line])[0].iso == "2021-10-14"


#: Page date lines of the label family "<kind of message> van/d.d. DATE" (branch refnews65), and "d.d." (de dato) after
#: any label of the publication family, on one line or as a label above its date; and the date each states.
REFNEWS65_DATE_LINES = {
    "<p>Bericht van 14 oktober 2021</p>": "2021-10-14",
    "<p>Nieuwsbericht van 3 maart 2022</p>": "2022-03-03",
    "<p>Persbericht d.d. 14-10-2021</p>": "2021-10-14",
    "<p>Persmededeling d.d.: 14 oktober 2021 om 10.15 uur</p>": "2021-10-14T10:15",
    "<p>Nieuws van 14 oktober 2021</p>": "2021-10-14",
    "<p>Gepubliceerd d.d. 14-10-2021</p>": "2021-10-14",
    "<p>Publicatiedatum d.d. 14 oktober 2021</p>": "2021-10-14",
    "<dl><dt>Bericht van</dt><dd>14 oktober 2021</dd></dl>": "2021-10-14",
}


@pytest.mark.parametrize("line", REFNEWS65_DATE_LINES)
def test_a_message_label_with_van_or_dd_dates_the_page(line):
    """"Bericht van 14 oktober 2021", "Persbericht d.d. 14-10-2021", "Gepubliceerd d.d. …": the label reader knew the
    "Datum bericht" family and "op" after a label, not the kind of message before "van" or "d.d.": the page was left
    undated, or dated by a fallback, with the line in its text. Each is the page's stated date, its line no text."""
    page = page_with_line(line)
    assert (page["published"], page["published_source"]) == (REFNEWS65_DATE_LINES[line], "stated")
    assert page["text"].startswith("De gemeente Voorbeeldstad heeft de aanbesteding")


@pytest.mark.parametrize("line", ["Persbericht van 3 maart 2022 (pdf)", "Bericht van de gemeente over 14 oktober 2021",
                                  "Nieuws van de week 14 oktober 2021", "Nieuwsbrief van 14 oktober 2021"])
def test_a_message_label_before_more_than_its_day_states_no_date(line):
    """The guard: the family's day must end the line (a link to an earlier release, "… (pdf)"), and "van" must be
    followed by the day; a newsletter's name is not the page's kind of message."""
    from tenderarchive.extraction.dates import find_stated_date
    from tests.speed import LINEAR, linear_time

    assert find_stated_date([line], head_lines=0) is None
    assert linear_time(lambda text: find_stated_date([text], head_lines=0), "Bericht van ", 105_000) < LINEAR


def test_table_rows_of_labels_and_dates_are_read_in_linear_time():
    """A page's date as a row of its facts table ("| Datum publicatie | 30-11-2020 |", news-sites.md §2.3 court pages)
    is dropped as its date line is; 100 KB of such rows (and of rows that only look like them) in linear time."""
    from tenderarchive.extraction.core import _drop_date_lines
    from tenderarchive.extraction.dates import ParsedDate
    from tests.speed import LINEAR, linear_time

    published = ParsedDate("2020-11-30", "day")
    assert _drop_date_lines("| Datum uitspraak | 27-11-2020 |\n| Datum publicatie | 30-11-2020 |", published) == \
        "| Datum uitspraak | 27-11-2020 |"
    assert linear_time(lambda text: _drop_date_lines(text, published),
                       "| Datum uitspraak | 27-11-2020 |\n| Datum publicatie | 30-11-2020 |\n") < LINEAR
    assert linear_time(lambda text: _drop_date_lines(text, published), "|" + " " * 40 + "x" * 40) < LINEAR
