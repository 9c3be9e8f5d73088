import datetime as dt

import pytest

from tenderarchive.analysis import analyse


def _events(text, **kw):
    return analyse(text, **kw)["events"]


def _one(text, **kw):
    evs = _events(text, **kw)
    assert len(evs) == 1, evs
    return evs[0]


def test_nbsp_inside_date_still_parses():
    e = _one("Op 2\u00a0juli\u00a02018 deed de rechter uitspraak in het kort geding.")
    assert (e["date"], e["precision"], e["kind"]) == ("2018-07-02", "day", "court_ruling")


def test_published_label_with_time():
    e = _one("Gepubliceerd op: 14 december 2020 08:55")
    assert (e["date"], e["kind"], e["time"]) == ("2020-12-14", "publication", "08:55")


def test_time_with_dot_and_uur():
    e = _one("De inschrijvingsperiode sluit op 22 december 2021 om 15.00 uur.")
    assert (e["date"], e["time"], e["kind"]) == ("2021-12-22", "15:00", "inschrijf_deadline")


def test_numeric_byline_date():
    assert _one("Redactie 14-10-2021")["date"] == "2021-10-14"


def test_range_with_t_m():
    e = _one("De dialoogfase loopt januari t/m mei 2022.")
    assert (e["date"], e["date_end"], e["precision"], e["kind"]) == ("2022-01", "2022-05", "range", "dialogue")


def test_vague_range_with_slash():
    e = _one("Eind september/begin oktober 2022 volgt de definitieve gunning.")
    assert (e["date"], e["date_end"], e["precision"], e["kind"]) == ("2022-09", "2022-10", "range", "award")


def test_eind_dit_jaar_uses_published_year():
    e = _one("Eind dit jaar wordt een selectie gemaakt.", published=dt.date(2021, 10, 20))
    assert (e["date"], e["precision"], e["year_inferred"], e["inference"]) == ("2021-12", "part_of_month", True, "published")


def test_weekday_picks_the_year_near_other_dates():
    evs = {e["date"]: e for e in _events("Woensdag 6 april start de dialoog. De gunning volgt in juli 2022.")}
    assert evs["2022-04-06"]["inference"] == "weekday"


def test_yearless_future_date_after_publication_rolls_over():
    e = _one("Vanaf 1 juni neemt de nieuwe aanbieder de cliënten over.", published=dt.date(2020, 12, 14))
    assert (e["date"], e["year_inferred"], e["kind"]) == ("2021-06-01", True, "client_takeover")


def test_yearless_past_date_before_publication():
    e = _one("Op 3 november hebben de gemeenten de aanbesteding gepubliceerd.", published=dt.date(2022, 1, 10))
    assert e["date"] == "2021-11-03"


def test_year_only_after_cue():
    e = _one("De nieuwe inkoop jeugdhulp gaat in per 2019.")
    assert (e["date"], e["precision"]) == ("2019", "year")


def test_bare_year_without_cue_is_not_an_event():
    assert _events("Het memo Verslag 2017 geeft de stand van zaken.") == []


def test_medio_month():
    e = _one("We verwachten medio juni 2024 te publiceren.")
    assert (e["date"], e["precision"]) == ("2024-06", "part_of_month")


def test_dotted_and_slashed_numeric_dates_share_one_grammar():
    """d.m.yyyy and d/m/yyyy read like d-m-yyyy (one table in extraction/dates.py, issue 11)."""
    from tenderarchive.analysis import analyse
    from tenderarchive.analysis.vocabulary import MONTHS
    from tenderarchive.extraction.dates import MONTHS as EXTRACTION_MONTHS, parse_dutch_date
    assert MONTHS is EXTRACTION_MONTHS
    r = analyse("De inschrijving voor de jeugdhulp sluit op 9.4.2021; de gunning volgt op 10/05/2021.")
    assert {e["date"] for e in r["events"]} >= {"2021-04-09", "2021-05-10"}
    assert parse_dutch_date("Geplaatst op 14.10.2021").iso == "2021-10-14"
    assert parse_dutch_date("14.10-2021") is None  # mixed separators are not a date


def test_year_ranges_are_ranges():
    from tenderarchive.analysis import analyse
    r = analyse("De contracten voor de jeugdhulp lopen van 2024 tot en met 2032. ESJH 2024 – 2026 is gegund.")
    ranges = {(e["date"], e["date_end"]) for e in r["events"] if e["precision"] == "range"}
    assert {("2024", "2032"), ("2024", "2026")} <= ranges


def test_an_impossible_full_date_is_no_date_and_no_part_of_it_is_read_again():
    """"29 februari 2023" does not exist and "1 januari 1899" is out of range: no event, and not
    "29 februari" / "1 januari" with a year inferred from the page (2024 has a 29 February)."""
    published = dt.date(2024, 1, 10)
    assert _events("Het contract jeugdhulp gaat in op 29 februari 2023.", published=published) == []
    assert _events("Het contract jeugdhulp gaat in op 1 januari 1899.", published=published) == []
    assert _events("De gunning jeugdhulp volgt op 31-02-2021.", published=published) == []
    e = _one("Het contract jeugdhulp gaat in op 29 februari.", published=published)
    assert (e["date"], e["text"]) == ("2024-02-29", "29 februari")


@pytest.mark.parametrize("text,written", [
    ("Op 3 mei 1500 jongeren krijgen hulp van de nieuwe aanbieders jeugdhulp.", "3 mei"),
    ("De gunning jeugdhulp van 3 mei 2500 euro per cliënt is bekend.", "3 mei"),
])
def test_a_day_and_month_before_a_number_that_is_no_year_is_a_date(text, written):
    """Not before a year was any four digits: "3 mei 1500 jongeren" (a count) lost its date."""
    e = _one(text, published=dt.date(2024, 4, 10))
    assert (e["date"], e["text"]) == ("2024-05-03", written)


def test_one_sentence_naming_a_date_twice_gives_one_event():
    """"per 1 januari 2024 ... op 1 januari 2024" in one sentence: one contract start (two events of one
    date, kind and sentence had one event_id, tenderarchive/store/keys.py)."""
    evs = _events("De nieuwe contracten voor jeugdhulp gaan per 1 januari 2024 in, de aanbieders starten op "
                  "1 januari 2024.", published=dt.date(2023, 6, 1))
    assert [(e["date"], e["kind"]) for e in evs] == [("2024-01-01", "contract_start")]


@pytest.mark.parametrize("written,day", [("woensdag 14 oktober 2021", None), ("donderdag 14 oktober 2021", "2021-10-14"),
                                         ("woensdag 14-10-2021", None), ("donderdag 14.10.2021", "2021-10-14")])
def test_a_full_date_whose_weekday_is_not_its_day_is_no_event_date(read, written, day):
    """The page-date reader's weekday check (branch refnews64) is the analysis's too (one helper,
    ``weekday_agrees``): "woensdag 14 oktober 2021" (the 14th was a Thursday) says two days and dates no event,
    nor is a part of it ("oktober 2021") read as a month; with the right weekday it is the event's day."""
    from tenderarchive.extraction.dates import parse_dutch_date

    events = read(f"Op {written} start de marktconsultatie voor de inkoop van jeugdhulp.")["events"]
    assert [e["date"] for e in events] == ([day] if day else [])
    stated = parse_dutch_date(f"Gepubliceerd op {written}")  # the page-date reader says the same
    assert (stated.iso if stated else None) == day


def test_an_abbreviation_before_a_date_in_running_text_is_a_word_not_a_weekday(read):
    """In running text "zo" before a date is "so" (not Sunday): only a weekday's full name vetoes the date."""
    events = read("De gemeenten willen zo 1 maart 2022 met de nieuwe aanbieders jeugdhulp starten.")["events"]
    assert [e["date"] for e in events] == ["2022-03-01"]


@pytest.mark.parametrize("written,day", [("Donderdag 14 maart", "2024-03-14"), ("Woensdag 14 maart", None),
                                         ("Dinsdag 14 maart", "2023-03-14")])
def test_a_weekday_without_a_year_is_read_within_a_year_of_the_page(read, written, day):
    """A day without a year after a weekday, on a page of 4 March 2024: the day within a year of the page whose
    weekday is the one written (14 March is a Thursday in 2024 and a Tuesday in 2023), else no date -- the nearest
    Wednesday 14 March (2029) is five years after the page (the weekday rule read ±7 years around it)."""
    events = read(f"{written} start de marktconsultatie voor de inkoop van jeugdhulp.",
                  published=dt.date(2024, 3, 4))["events"]
    assert [(e["date"], e["inference"]) for e in events] == ([(day, "weekday")] if day else [])


def test_the_same_day_elsewhere_in_another_weekdays_year_does_not_give_its_year():
    """"Donderdag 7 oktober" beside "7 oktober 2022" (a Friday): the other date's year does not fit the weekday;
    the Thursday nearest the page (2021) does."""
    evs = _events("Donderdag 7 oktober is de informatiebijeenkomst over de jeugdhulp. Op 7 oktober 2022 gaan de "
                  "contracten in.", published=dt.date(2021, 9, 1))
    assert {(e["date"], e["inference"]) for e in evs} == {("2021-10-07", "weekday"), ("2022-10-07", None)}


@pytest.mark.parametrize("sentence,day", [
    ("Op 14 maart hebben de gemeenten de aanbesteding jeugdhulp gepubliceerd.", "2023-03-14"),
    ("Op 14 maart publiceren de gemeenten de aanbesteding jeugdhulp.", "2024-03-14"),
    ("Op 29 februari publiceren de gemeenten de aanbesteding jeugdhulp; de contracten gaan in op 1 januari 2024.",
     None),
])
def test_a_day_without_a_year_is_decided_by_the_publication_date(sentence, day):
    """news-sites §2.3 "year from the page date": past tense, the last such day on or before the page; otherwise
    the next one on or after it; within a year of the page (``YEARLESS_WINDOW``), else no date ("29 februari" on a
    page of 1 March 2021: the next is in 2024, three years on; the year of another date of the text is not taken).
    """
    published = dt.date(2024, 3, 4) if day else dt.date(2021, 3, 1)
    evs = [e for e in _events(sentence, published=published) if e["year_inferred"]]
    assert [(e["date"], e["inference"]) for e in evs] == ([(day, "published")] if day else [])


#: SYNTHETIC date lines of a page given without its publication date, in the label families of the page-date reader
#: (tenderarchive/extraction/dates.py), and the day each states.
LABEL_LINES = {
    "gepubliceerd op": ("Gepubliceerd op: 3 maart 2022 08:55", "2022-03-03"),
    "geplaatst op": ("Geplaatst op 3 maart 2022", "2022-03-03"),
    "datum bericht": ("Datum bericht: 03-03-2022", "2022-03-03"),
    "bericht van": ("Bericht van 3 maart 2022", "2022-03-03"),
    "persbericht d.d.": ("Persbericht d.d. 3-3-2022", "2022-03-03"),
}


@pytest.mark.parametrize("form", sorted(LABEL_LINES))
def test_a_text_without_its_publication_date_is_dated_by_its_labelled_date_line(read, form):
    """A text given without its publication date (a corpus page, a reparse of a page whose date was lost) and
    stating it in a labelled date line: the analysis read only "Gepubliceerd op", "Datum publicatie" and
    "Publicatiedatum" with a pattern of its own, so "Geplaatst op 3 maart 2022", "Datum bericht: 03-03-2022" or
    "Bericht van 3 maart 2022" left it undated, and "De inschrijving sluit op 1 februari" took the label's year
    (1 February 2022, a month before the page). Read by the page-date reader's one label reader (``label_date``),
    the line dates the text, is its ``publication`` event, and the day without a year is the next after it."""
    line, day = LABEL_LINES[form]
    result = read("\n" + line + "\nDe inschrijving voor de aanbesteding jeugdhulp sluit op 1 februari.", published=None)
    assert (result["reference_date"], result["reference_date_source"]) == (day, "text")
    assert [e["date"] for e in result["events"] if e["kind"] == "publication"] == [day]
    assert [(e["date"], e["inference"]) for e in result["events"] if e["year_inferred"]] == [("2023-02-01", "published")]


def test_a_label_not_followed_by_its_date_is_no_date_line(read):
    """"Gepubliceerd op TenderNed" opens a sentence about the tender, not the page's date line: its day is the
    tender's publication (an event of the aankondiging), and the text has no stated publication date."""
    result = read("\nGepubliceerd op TenderNed op 3 maart 2022: de aanbesteding jeugdhulp.", published=None)
    assert [e["kind"] for e in result["events"]] == ["tender_publication"]


def test_every_article_event_kind_is_listed_once_by_what_gives_it(read):
    """The kinds are listed by what gives them: a cue (``EVENT_KINDS``, each a pattern that reads words) or another
    reader (``READER_KINDS``: the page's date line's ``publication``). ``publication`` stood among the cues with a
    pattern that never matches (``(?!)``), kept so the docs' list named it, and the cue loop had to skip it. Every kind
    has its stage in ``KIND_STAGE`` and no other kind has one; the date line still gives ``publication``."""
    import re

    from tenderarchive.analysis.dates import ARTICLE_EVENT_KINDS, EVENT_KINDS, KIND_STAGE, READER_KINDS

    cue_kinds = [kind for kind, _ in EVENT_KINDS]
    assert not set(cue_kinds) & set(READER_KINDS)
    assert sorted(ARTICLE_EVENT_KINDS) == sorted(set(ARTICLE_EVENT_KINDS)) == sorted(KIND_STAGE)
    assert all(re.compile(rx).pattern and "(?!)" not in rx for _, rx in EVENT_KINDS)
    kinds = {e["kind"] for e in read("\nGepubliceerd op: 3 maart 2022\nDe inschrijving sluit op 1 april 2022.",
                                     published=None)["events"]}
    assert kinds == {"publication", "inschrijf_deadline"} and kinds <= set(ARTICLE_EVENT_KINDS)
