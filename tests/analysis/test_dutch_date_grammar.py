"""One Dutch full-date grammar (issue 9): tenderarchive/extraction/dates.py defines the
full date once (LONG_DATE, NUMERIC_DATE, full_date); the stated publication date and the
event dates of the analysis (tenderarchive/analysis/dates.py) read it alike."""
from __future__ import annotations

import pytest

from tenderarchive.analysis.dates import events
from tenderarchive.analysis.text import sentences
from tenderarchive.extraction.dates import FULL_DATE_PATTERNS, full_date, parse_dutch_date

# (text, iso as written) -- day or minute precision
WRITTEN = [
    ("14 december 2020", "2020-12-14"),
    ("14 december 2020 08:55", "2020-12-14T08:55"),
    ("22 december 2021 om 15.00 uur", "2021-12-22T15:00"),
    ("donderdag 7 oktober 2021", "2021-10-07"),
    ("do. 7 okt. 2021", "2021-10-07"),
    ("3 mrt 2022", "2022-03-03"),
    ("14-10-2021", "2021-10-14"),
    ("14.10.2021", "2021-10-14"),
    ("1.3.2023", "2023-03-01"),
    ("14/10/2021", "2021-10-14"),
    ("vrijdag 14-10-2022 om 9.30 uur", "2022-10-14T09:30"),
    ("14-dec-2020", "2020-12-14"),  # day-month-year with hyphens, as tables and date pickers print it
    ("3-mrt-2022 10:15", "2022-03-03T10:15"),
    ("1-januari-2021", "2021-01-01"),
]


def _grammar(text: str) -> str | None:
    for pattern in FULL_DATE_PATTERNS:
        m = pattern.search(text)
        if m:
            parsed = full_date(m)
            return parsed.iso if parsed else None
    return None


@pytest.mark.parametrize("text,iso", WRITTEN)
def test_the_grammar_reads_every_written_form(text, iso):
    assert _grammar(f"Op {text} was het zover.") == iso


@pytest.mark.parametrize("text,iso", WRITTEN)
def test_publication_date_and_event_date_agree(text, iso):
    """The same sentence gives the same day to the stated date and to the event."""
    assert parse_dutch_date(text).iso == iso
    sentence = f"De gunning vond plaats op {text}."
    found, _ = events(sentences(sentence))
    days = [e["date"] for e in found if e["precision"] == "day"]
    assert days == [iso[:10]], found
    if "T" in iso:
        assert [e.get("time") for e in found if e["precision"] == "day"] == [iso[11:]]


@pytest.mark.parametrize("text", ["31-02-2021", "14-13-2021", "30 februari 2020", "14-10.2021",
                                  "31-feb-2021", "14-dec 2020"])
def test_no_such_day_or_mixed_separators_is_no_date(text):
    assert parse_dutch_date(text) is None
    found, _ = events(sentences(f"De gunning is op {text} bekend."))
    assert not [e for e in found if e["precision"] == "day"], found


def test_a_number_glued_before_the_day_is_not_part_of_it():
    assert _grammar("artikel 114 december 2020") is None


# Forms seen on dev pages of the news corpus (corpus20): a German-style ordinal dot after the day
# ("woensdag, 8. november 2006 - 9:43", blikopnieuws.nl) and an ISO date glued to its label when a
# table row lost the space between its cells ("Status Definitief2020-04-09", docslib.org).
@pytest.mark.parametrize("text,iso", [
    ("woensdag, 8. november 2006 - 9:43", "2006-11-08T09:43"),
    ("8. november 2006", "2006-11-08"),
    ("Status Definitief2020-04-09", "2020-04-09"),
    ("Datum uitspraak2009-09-04", "2009-09-04"),
])
def test_an_ordinal_dot_or_a_glued_iso_date_is_read_by_both_steps(text, iso):
    assert parse_dutch_date(text).iso == iso
    found, _ = events(sentences(f"{text}\n\nDe gunning is bekend."))
    assert iso[:10] in [e["date"] for e in found if e["precision"] == "day"], found


@pytest.mark.parametrize("text", [
    "1. Januari 2020 starten we",      # a numbered list item, not a day with an ordinal dot
    "versie 1.8. november 2006",        # a number before the dot
    "kenmerk BJ2020-04-09",             # a code of capitals and digits
    "kenmerk Z2020-04-09",
    "bel 06-2020-04-09",                # a number, not a date
    "zaaknummer 2020-04-091",           # more digits after the day
])
def test_no_date_is_read_out_of_a_list_number_a_kenmerk_or_a_phone_number(text):
    assert parse_dutch_date(text) is None
    found, _ = events(sentences(f"{text}.\n\nDe gunning is bekend."))
    assert not [e for e in found if e["precision"] == "day"], found


# Branch cv59: a Dutch ordinal day ("1e oktober 2021", "3de", "21ste okt.") is part of the one grammar (LONG_DATE): the
# stated date read it and the event dates did not, so a page's "op 1e oktober 2021" dated no event of its story.
@pytest.mark.parametrize("text,iso", [
    ("1e oktober 2021", "2021-10-01"),
    ("2e okt. 2021", "2021-10-02"),
    ("3de januari 2022", "2022-01-03"),
    ("21ste okt. 2021", "2021-10-21"),
    ("vrijdag 1ste april 2022 om 10.00 uur", "2022-04-01T10:00"),
])
def test_an_ordinal_day_is_read_by_both_steps(text, iso):
    assert _grammar(f"Op {text} was het zover.") == iso
    assert parse_dutch_date(text).iso == iso
    found, _ = events(sentences(f"De gunning vond plaats op {text}."))
    assert [e["date"] for e in found if e["precision"] == "day"] == [iso[:10]], found


def test_an_ordinal_day_without_a_year_is_an_event_day():
    import datetime as dt

    from tenderarchive.analysis import analyse
    result = analyse("De contracten jeugdhulp zijn op 3de maart getekend.", published=dt.date(2024, 3, 4))
    assert "2024-03-03" in [e["date"] for e in result["events"]], result["events"]


@pytest.mark.parametrize("text", ["in het 2e kwartaal 2021", "de 3e ronde, 2021", "x1e oktober 2021", "ab21ste mei 2021"])
def test_an_ordinal_that_is_no_day_is_no_date_in_either_step(text):
    assert _grammar(text) is None
    found, _ = events(sentences(f"De gunning volgt {text}."))
    assert not [e for e in found if e["precision"] == "day"], found
