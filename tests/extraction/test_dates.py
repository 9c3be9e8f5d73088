"""``tenderarchive.extraction.dates``: the dates a news page states (SYNTHETIC pages, labelled like the fixture pages
of tests/fixtures/news)."""

from __future__ import annotations

from datetime import datetime

import pytest

from tenderarchive.extraction.core import extract_html
from tests.extraction.test_extraction import SYNTHETIC_BODY, synthetic_page

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
    page = extract_html(synthetic_page(body=f"<article><h1>Inkoop jeugdhulp</h1>{line}{SYNTHETIC_BODY}</article>"),
                        url="https://www.voorbeeldstad.nl/nieuws/inkoop-jeugdhulp", fetched_at=datetime(2024, 1, 1))
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
    assert label not in lines and ["Besluitdatum", "8 november 2018"] == lines[2:4]
