"""A record's change in the words the site uses (tenderarchive/change_words.py): the procurement page's section
"Wijzigingen van een aanbesteding" and the HTML of the ``changes`` view."""

import json

from tenderarchive.change_words import columns_words, field_label, value_words, values_words


def test_a_column_is_named_as_the_data_dictionary_describes_it_with_the_column_after_it():
    assert field_label("notices", "deadline") == "Current closing date for tenders (deadline)"
    assert field_label("awards", "value_cents") == "Value of the award (value_cents)"
    assert field_label("procurements", "notice_types") == "Notice types (notice_types)"
    # a description that is no name ("1 awarded, 0 not awarded") and a column it does not describe: their words
    assert field_label("lots", "awarded") == "Awarded (awarded)"
    assert field_label("lots", "no_such_column") == "No such column (no_such_column)"


def test_values_read_as_the_site_shows_them():
    assert value_words("value_cents", 1200000000) == "€ 12.000.000,00"
    assert value_words("deadline", "2018-05-31T12:00:00+02:00") == "31 mei 2018 12:00"
    assert value_words("last_published", "2025-09-01") == "1 september 2025"
    assert value_words("notice_types", '["AAO", "AGO", "REC"]') == "AAO, AGO, REC"
    assert value_words("received_counts", '{"Inschrijvingen": 4}') == "Inschrijvingen: 4"
    assert value_words("awarded", 1) == "ja" and value_words("awarded", 0) == "nee"
    assert value_words("tenders_received", 1) == value_words("version", 1) == "1"   # numbers, no flags
    assert value_words("title", None) == value_words("title", "") == value_words("notice_types", "[]") == "—"
    assert value_words("title", "[Concept] Jeugdhulp") == "[Concept] Jeugdhulp"   # no JSON: as it is


def test_an_amounts_printed_text_and_the_archives_bookkeeping_are_left_out():
    was = {"estimated_cents": None, "estimated_raw": None, "estimated_currency": None, "publication_id": 900101}
    now = {"estimated_cents": 130000000, "estimated_raw": "1 300 000", "estimated_currency": "EUR",
           "publication_id": 900102}
    assert values_words("lots", json.dumps(now), json.dumps(was)) == (
        "Estimated value of the lot (estimated_cents): € 1.300.000,00")
    assert columns_words("lots", json.dumps(list(was))) == "Estimated value of the lot (estimated_cents)"
    # no exact amount beside it (a foreign currency): the printed text is what there is to read
    foreign = {"estimated_cents": None, "estimated_raw": "800 000", "estimated_currency": "GBP"}
    assert "(estimated_raw): 800 000" in values_words("lots", json.dumps(foreign), json.dumps(was))


def test_what_is_no_json_object_or_list_stays_as_it_is():
    assert values_words("notices", "not json") == "not json" and values_words("notices", None) is None
    assert columns_words("notices", "deadline") == "deadline"


def test_a_date_known_only_to_its_month_reads_as_its_month_in_dutch():
    """A date known only to its month (an event's "2021-01", an article published in a month, ``year_month``) read
    "2021-01" where a whole date beside it read "20 januari 2021": it is "januari 2021" wherever a date is worded
    (the changes, the crawl and watch reports and their feeds, the pages' cells); no month 13, and text around it,
    stays as it is. A year alone is its own word already ("2019")."""
    from tenderarchive.change_words import moment_words

    assert value_words("date", "2021-01") == moment_words("2021-01") == "januari 2021"
    assert value_words("award_date", "2018-12") == moment_words(" 2018-12 ") == "december 2018"
    for kept in ("2021-13", "2021-00", "2021-1", "2021-01 of later", "12021-01", "2019"):
        assert value_words("date", kept) == moment_words(kept) == kept
