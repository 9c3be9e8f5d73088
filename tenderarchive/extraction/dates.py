"""Dutch date expressions: parsing and finding the date a page *states*.

Hand-written because htmldate has no notion of "Gepubliceerd op:" labels,
keeps no time of day in its default output, and -- in extensive mode --
guesses a date from any date-like string in the body (a project page that
mentions "2 juli 2018" would get that as its publication date).  The rules
here only accept a date that the page presents *as its own date*:

1. a labelled date: ``Gepubliceerd op: 14 december 2020 08:55``,
   ``Geplaatst op ...``, ``Publicatiedatum ...``, ``Datum publicatie ...``, the label naming the item
   (``Datum bericht ...``, ``Datum van plaatsing ...``, ``Berichtdatum ...``), the kind of message before "van"
   or "d.d." (``Bericht van 14 oktober 2021``, ``Persbericht d.d. 14-10-2021``: the date ending the line), and
   "d.d." after any of them as "op" (``Gepubliceerd d.d. 14-10-2021``);
2. a byline: ``Redactie 14-10-2021``, ``Door Jan Jansen | 3 maart 2021``;
3. a line that is nothing but a date, within the first lines after the
   title (``14 oktober 2018``, ``22 april 2021 - Verkeer``).

A label may stand on its own line with the date on the next, as in a
``<dt>Datum publicatie</dt><dd>27-11-2020</dd>`` or a table row: the date
then counts as labelled.  A date line under another label ("Datum uitspraak",
"Laatst gewijzigd", "Sluitingsdatum") is never the page's publication date,
so a court page (news-sites §2.3: ``Datum uitspraak`` / ``Datum publicatie``,
two different dates) is dated by its publication.

Formats (news-sites §2.3): ``d MMMM yyyy`` with Dutch month names (full
or abbreviated, optional weekday), optional time ``HH:mm``/``HH.mm`` with
optional ``om`` and ``uur`` (or a glued ``u``: "10.15u"; or a ``u`` parting hours and minutes: "10u15");
``dd-mm-yyyy``; ISO ``yyyy-mm-dd[THH:MM]`` (a date line also with seconds and a UTC offset); a time in
brackets after the date ("14 oktober 2021 (10u15)"); a Dutch ordinal day ("1e oktober 2021", "3de", "21ste").
A page's date line in a CMS's English formats (:func:`weekday_form_date`): month first ("Thursday, October 14,
2021 - 16:05", "Thu, 10/14/2021") or day first on a British-English locale ("14 October 2021", "14th October 2021").
A comma may part the month from the year ("14 maart, 2021"); a year in two digits needs its apostrophe
("14-10-'21", "14 dec. '20") and reads in one century rule (:func:`two_digit_year`). A weekday written before a date
that is not its day ("woensdag 14 oktober 2021", "Wednesday 14 October 2021") makes the line no date of the page's.
Dates without a year ("Donderdag 7 oktober") are *not* resolved here: the
year would be inferred, which is the analysis step's job.

A date written relative to when the page was read ("2 dagen geleden", "gisteren om 14:05",
"5 uur geleden", "vandaag"), as a regional news site or a listing shows a recent item, is read
against the moment of the fetch by :func:`relative_date` (:func:`find_relative_date` for a page's
date line): the day it names, in Dutch time. Hand-written as the rest: htmldate reads no relative
date, and dateparser (which does) is one more dependency for six words. A vaguer one ("2 weken
geleden", "vorige maand", rounded by the site) is no date: an item left undated is better than one
misdated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from tenderarchive.arguments import AMSTERDAM  # the one Europe/Amsterdam zone

from .cleaning import DATELINE_LABELS, is_view_counter

__all__ = ["ParsedDate", "MONTHS", "WEEKDAYS", "DATE_SEP", "LONG_DATE", "ORDINAL_SUFFIX", "NUMERIC_DATE", "ISO_DATE",
           "FULL_DATE_PATTERNS", "full_date", "weekday_agrees", "two_digit_year", "parse_dutch_date", "find_stated_date", "find_modified_date",
           "split_date_labels", "join_date_labels", "relative_date", "find_relative_date", "listed_day",
           "label_only", "label_date", "weekday_form_date",
           "find_dateline_date", "url_date"]

MONTHS = {
    "januari": 1, "februari": 2, "maart": 3, "april": 4, "mei": 5, "juni": 6, "juli": 7,
    "augustus": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mrt": 3, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "okt": 10, "nov": 11, "dec": 12,
}
# The one Dutch month/weekday table and numeric-date separator of the project: the
# analysis (tenderarchive/analysis/dates.py) imports these, so both steps read the same
# forms ("14 dec. 2020", "14-12-2020", "14.12.2020", "14/12/2020").
WEEKDAYS = {"maandag": 0, "dinsdag": 1, "woensdag": 2, "donderdag": 3, "vrijdag": 4, "zaterdag": 5, "zondag": 6}
DATE_SEP = r"[-/.]"
WEEKDAY_ABBREVIATIONS = {"ma": 0, "di": 1, "wo": 2, "do": 3, "vr": 4, "za": 5, "zo": 6}
_WEEKDAY = (r"(?:\b(?P<wd>" + "|".join([*WEEKDAYS, *WEEKDAY_ABBREVIATIONS]) + r")\.?,?\s+)?")
_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
#: A time after a date, "uur" or a glued "u" after it ("om 15.00 uur", "om 10.15u"), or a "u" between hours and
#: minutes, as Flemish and some Dutch sites write the time ("10u15", "9u05"; never "10u155").
#: (One run of white space before the separator and one after it: "\s*(sep)?\s*" split a long run of spaces after a
#: year every way, quadratic in the run.)
#: Seconds after the minutes are read and let go ("10:15:30", a CMS's timestamp): the page's date is kept to the minute.
_TIME = (r"(?:\s*(?:(?:,|om|-|–|\||·|•)\s*)?(?P<H>[01]?\d|2[0-3])(?:[:.]|u(?=[0-5]\d(?!\d)))(?P<M>[0-5]\d)"
         r"(?::[0-5]\d(?![\d:]))?(?:\s*uur|u\b)?)?")
#: The hour alone after a date line's date ("om 10 uur", ", 10u"): the line is still a date line, of the day only.
_HOUR_ONLY = re.compile(r"^(?:,|om|-|–|\||·|•)?\s*(?:om\s+)?(?:[01]?\d|2[0-3])\s*(?:uur|u)\.?$", re.I)

# --- The one full-date grammar (issue 9) ------------------------------------------------
# A full date is day, month and year, with an optional weekday before it and an optional
# time after it: "14 december 2020 08:55", "donderdag 7 okt. 2021 om 15.00 uur",
# "14-10-2021", "14.10.2021", "14/10/2021" (one separator throughout). Both the stated
# publication date (this module) and the event dates of the analysis
# (tenderarchive/analysis/dates.py) search with these two patterns and convert a match
# with full_date(); the analysis adds only what is its own (ranges, dates without a
# year, parts of months, year inference).
# The day may carry an ordinal dot, as a German-style date line writes it ("woensdag, 8. november 2006"),
# read only before a month name in lower case: "1. Januari 2020" is the first item of a numbered list.
# Also with hyphens, as tables and date pickers print a day ("14-dec-2020", "3-mrt-2021"): the same
# hyphen on both sides of the month name. A comma may part the month from the year, as an English-style locale or a
# theme's date format writes a Dutch date ("14 maart, 2021"; branch refnews64).
#: A Dutch ordinal day before a month name ("1e oktober 2021", "2e okt. 2021", "3de", "1ste", "21ste"), as an article's
#: info line or a sentence may write it: its number is the day. The suffix after the day's digits, then white space (the
#: month name must follow: "2e kwartaal 2021" is no date), never after a letter glued to the digits ("x1e oktober").
#: Part of the one grammar (branch cv59): the stated date, the event dates of the analysis and the awards read it alike.
ORDINAL_SUFFIX = r"(?<![^\W\d_]\d)(?<![^\W\d_]\d\d)(?:ste|de|e)\s+"
LONG_DATE = re.compile(
    _WEEKDAY + r"(?<![\d.])(?P<d>\d{1,2})(?:" + ORDINAL_SUFFIX + r"|\s+|\.\s?(?=(?-i:[a-z]))|(?P<hyphen>-)(?=[a-z]))(?P<mon>" + _MONTH_ALT
    + r")(?(hyphen)-|\.?,?\s+)(?P<y>(?:19|20)\d{2})\b" + _TIME,
    re.I,
)
NUMERIC_DATE = re.compile(
    _WEEKDAY + r"\b(?P<d>\d{1,2})(?P<sep>" + DATE_SEP + r")(?P<m>\d{1,2})(?P=sep)(?P<y>(?:19|20)\d{2})\b" + _TIME, re.I
)
FULL_DATE_PATTERNS = (LONG_DATE, NUMERIC_DATE)
#: A day and month (a name, or a number between one separator: "14-10-", "14.10.") with the year in two digits after
#: an apostrophe, as a theme's short date format prints a page's date line (PHP's ``j F 'y``: "14 december '20", "ma 14
#: dec. ’20 08:55"; ``d-m-'y``: "14-10-'21", a byline's "Redactie 14-10-’21"): read for a page's own date only
#: (:func:`parse_dutch_date`, :func:`_is_date_only`), not among an analysis's event dates. Without the apostrophe
#: two digits after a month are no year ("14 december 20 deelnemers", "14-10-21 in een zin"). The century:
#: :func:`two_digit_year`.
SHORT_YEAR_DATE = re.compile(
    _WEEKDAY + r"(?<![\d.])(?P<d>\d{1,2})(?:(?:" + ORDINAL_SUFFIX + r"|\s+|-(?=[a-z]))(?P<mon>" + _MONTH_ALT
    + r")\.?[\s-]*|(?P<sep>" + DATE_SEP + r")(?P<m>\d{1,2})(?P=sep))['‘’](?P<yy>\d{2})(?!\d)" + _TIME,
    re.I,
)


def two_digit_year(yy: int) -> int:
    """The one century rule of a year written in two digits, a page's date line ("14-10-'21") and a listing's date
    ("14-10-21", ``spiders/news.py`` ``short_listed_date``) alike: 00–69 are 2000–2069, 70–99 are 1970–1999, as
    POSIX's ``strptime`` ``%y`` reads one. Fixed, not relative to the fetch, so a reparse reads the same year; a year
    it puts after the fetch or before :data:`MIN_PUBLISHED` is dropped as a publication date (:func:`not_after`).

    >>> two_digit_year(21), two_digit_year(99)
    (2021, 1999)
    """
    return yy + (2000 if yy < 70 else 1900)
#: An ISO date, also glued to the label before it when a table row lost the space between its cells
#: ("Status Definitief2020-04-09", "Datum uitspraak2009-09-04"): after a word of lower-case letters only,
#: never inside a code of capitals and digits (a kenmerk "BJ2020-04-09", "Z2020-04-09") or after a digit,
#: dot or hyphen (a number: "06-2020-04-09", "v1.2020-04-09"), and not followed by a digit.
ISO_DATE = re.compile(r"(?:(?<![\w.-])|(?<=[a-z]{2}))(?P<y>(?:19|20)\d{2})-(?P<m>\d{2})-(?P<d>\d{2})(?!\d)"
                      r"(?:[T ](?P<H>\d{2}):(?P<M>\d{2}))?")

_PUBLISHED_LABEL = re.compile(
    # the section the page is filed in between the label and its date, as a theme writes "Posted in X on DATE"
    # ("Geplaatst in Nieuws op 14 december 2020", "Gepubliceerd in Persberichten, Jeugd op …"); not a platform a
    # notice is published on ("Gepubliceerd in TenderNed op …" is a tender's day), nor "in de …" (a sentence's)
    r"^(?:gepubliceerd|geplaatst|gepost|verschenen)\s+in\s+(?!(?:tenderned|negometrix|mercell|ted|staatscourant|"
    r"gemeenteblad|provinciaal\s+blad|waterschapsblad|publicatieblad)\b)(?-i:[A-ZÀ-Ý])[^\d:;.!?()]{0,60}?\s+op\s*:?\s*"
    r"|^(?:gepubliceerd|geplaatst|gepost|publicatiedatum|verschijningsdatum|plaatsingsdatum|"
    # the label family naming the item whose day it is: "Datum bericht", "Datum (van het) nieuwsbericht", "Datum van
    # plaatsing", "Datum artikel", "Berichtdatum", "Nieuwsdatum" (branch refnews64: read as some other date's label)
    r"datum\s+(?:van\s+)?(?:(?:de|het)\s+)?(?:publicatie|plaatsing|verschijning|uitgifte|(?:nieuws|pers)?bericht|artikel|"
    r"(?:nieuws)?item)|(?:(?:nieuws|pers)?bericht|artikel|nieuws|uitgifte)datum|uitgegeven|publicatie|verschenen|"
    # a council information system's document page: the document's own date ("Documentdatum", "Datum document")
    r"documentdatum|datum document|"
    # Joomla's article info: "Aangemaakt op 14 december 2020" (its "created"), the publication's day where the page
    # shows no "Gepubliceerd" line (:data:`_CREATED_LABEL`)
    r"aangemaakt|"
    # the kind of message the page is and "van" or "d.d." (de dato) before its day (:data:`_MESSAGE_LABEL`)
    r"(?:(?:nieuws|pers)?bericht|pers(?:mededeling|verklaring)|mededeling|nieuws(?:item)?|artikel)\s+(?:van|d\.\s?d\.)|"
    # "op" or "d.d." after any of them: "Gepubliceerd d.d. 14-10-2021", "Publicatiedatum d.d. …"
    r"datum|published|posted)(?:\s+(?:op|d\.\s?d\.))?\s*:?\s*",
    re.I,
)
#: The label family naming the kind of message the page is, then "van" or "d.d." and its day: "Bericht van 14 oktober
#: 2021", "Nieuwsbericht van 3 maart 2022", "Persbericht d.d. 14-10-2021", "Mededeling van …" (branch refnews65). Its
#: date must end the line (a short suffix at most, :func:`_is_date_only`): "Persbericht van 3 maart 2022 (pdf)" in a
#: living page's list of earlier releases is a link's, not the page's own date line.
_MESSAGE_LABEL = re.compile(r"^(?:(?:nieuws|pers)?bericht|pers(?:mededeling|verklaring)|mededeling|nieuws(?:item)?|artikel)"
                            r"\s+(?:van|d\.\s?d\.)", re.I)
#: Joomla's "created" label ("Aangemaakt op 14 december 2020", "Aangemaakt: …"): the day the article was written,
#: its publication's where the page states no other; a "Gepubliceerd" line beside it (its ``publish_up``) comes first.
_CREATED_LABEL = re.compile(r"^aangemaakt\b", re.I)
_MODIFIED_LABEL = re.compile(
    # also as a sentence about the page: "Deze pagina is voor het laatst gewijzigd op 12 maart 2023"
    r"^(?:(?:deze\s+)?pagina\s+(?:is\s+)?(?:voor\s+het\s+)?|voor\s+het\s+)?"
    # "Laatste update: 3 mei 2024" is the page's modification date, not its publication date
    # (first) the label of a page's change beside "Publicatiedatum" ("Wijzigingsdatum: 20-10-2018", "Datum wijziging")
    r"(?:(?:laatste )?wijzigingsdatum|datum (?:laatste )?wijziging|"
    r"laatst gewijzigd|gewijzigd|laatst bijgewerkt|bijgewerkt|laatst aangepast|aangepast|laatste wijziging|"
    r"laatste update|updated|last modified)(?:\s+op)?\s*:?\s*",
    re.I,
)
_WEEKDAY_NAMES = r"(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)\b"
_BYLINE = re.compile(
    # Drupal's "Submitted by X on DATE", translated: "Ingezonden door redactie op do, 03/04/2021 - 16:05"
    r"^(?:(?:ingezonden|ingediend|geplaatst|gepost|toegevoegd|geschreven)\s+(?=door\b))?"
    # "door" with a colon, as a template labels the author ("Door: Redactie, 14 oktober 2021", "door:Redactie")
    r"(?:redactie|door(?:\s*:\s*|\s+)(?P<name>[^\d\n]{2,60}?))\s*[|·•,\-–]?\s*(?=\d|" + _WEEKDAY_NAMES
    + r"|(?:ma|di|wo|do|vr|za|zo)\.?,?\s+\d)", re.I
)
#: A word of an author's name in a byline: a capital first ("Jan", "Redactie", "Leidsch"), a particle of a Dutch name
#: ("van der", "de", "ter"), "en" or "&" between two authors, "redactie", and the "op" before the date. A lower-case
#: word besides ("Door de coronacrisis is de aanbesteding op …") makes the words before the date a sentence's.
_NAME_WORD = re.compile(r"(?:(?-i:[A-ZÀ-Ý])\S*|van|de|der|den|het|ter|ten|te|'t|op|en|&|redactie|[^\w\s]+)", re.I)


def _byline_name(name: str | None) -> bool:
    """Whether the words between a byline's "door" and its date are a name (:data:`_NAME_WORD`), not a sentence's."""
    return all(_NAME_WORD.fullmatch(word.strip(",|·•-–:()")) or not word.strip(",|·•-–:()")
               for word in (name or "").split())
#: A line that is only a label naming some other date ("Datum uitspraak", "Sluitingsdatum",
#: "Ingangsdatum"): the date on the next line is not the page's publication date.
_OTHER_DATE_LABEL = re.compile(r"^(?:datum|date)\s+[a-zà-ÿ][a-zà-ÿ ]{2,30}|^[a-zà-ÿ]{3,}datum", re.I)
#: A date in an address's path (news-sites.md §2.3 "ISO in URL"): WordPress's ``/2021/07/29/`` permalink, or a path
#: segment opening with an ISO day before the item's slug (``/nieuws/2021-07-29-slug``, ``/2021-07-29_slug``,
#: ``/nieuws/2021-07-29/slug``); never digits inside a segment (``/zaak-2021-07-29``, ``/12021-07-29``), nor a day
#: with no slug after it: a day's listing (``/agenda/2021-07-29``) or a law's version (wetten.overheid.nl's
#: ``/BWBR0045673/2021-10-09``) is no item's publication.
_URL_DATE = re.compile(r"/((?:19|20)\d{2})/(0[1-9]|1[0-2])/(0[1-9]|[12]\d|3[01])(?:/|$)"
                       r"|/((?:19|20)\d{2})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[/_-](?=[A-Za-z])")
#: The time of a :class:`ParsedDate` of minute precision: ``THH:MM`` as a clock shows it.
_CLOCK_TIME = re.compile(r"T(?:[01]\d|2[0-3]):[0-5]\d")


@dataclass(frozen=True)
class ParsedDate:
    """A date as written: ``iso`` is ``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM``.

    A time no clock shows (``28:55``, ``08:75``, ``24:00``: a CMS's garbled stamp, a typo), however it was read (an
    ISO date line's, a meta stamp's, a listing's), is no time: the date is its day, at day precision. It was archived
    as ``published`` "2020-12-14T28:55", a timestamp no reader parses."""

    iso: str
    precision: str  # "day" or "minute"

    def __post_init__(self):
        if self.precision == "minute" and not _CLOCK_TIME.fullmatch(self.iso, 10):
            object.__setattr__(self, "iso", self.iso[:10])
            object.__setattr__(self, "precision", "day")

    @property
    def day(self) -> date:
        return date.fromisoformat(self.iso[:10])


def _build(y: int, m: int, d: int, hh: str | None, mm: str | None) -> ParsedDate | None:
    try:
        day = date(y, m, d)
    except ValueError:
        return None
    if hh is not None and mm is not None:
        return ParsedDate(f"{day.isoformat()}T{int(hh):02d}:{int(mm):02d}", "minute")
    return ParsedDate(day.isoformat(), "day")


def full_date(m: re.Match) -> ParsedDate | None:
    """The date (and time, if written) of a match of LONG_DATE, NUMERIC_DATE or ISO_DATE;
    ``None`` when the day does not exist (``31-02-2021``, ``14-13-2021``).

    >>> full_date(LONG_DATE.search("op donderdag 7 okt. 2021 om 15.00 uur")).iso
    '2021-10-07T15:00'
    >>> full_date(LONG_DATE.search("Geplaatst: 14-dec-2020 10:12")).iso
    '2020-12-14T10:12'
    >>> full_date(NUMERIC_DATE.search("31.02.2021")) is None
    True
    """
    g = m.groupdict()
    month = MONTHS[g["mon"].lower()] if g.get("mon") else int(g["m"])
    return _build(int(g["y"]), month, int(g["d"]), g.get("H"), g.get("M"))


def short_year_date(m: re.Match) -> ParsedDate | None:
    """The date of a match of :data:`SHORT_YEAR_DATE`: its two-digit year in 2000–2069 below 70, else in the 1900s
    (:func:`two_digit_year`); ``None`` when the day does not exist or its weekday is another.

    >>> short_year_date(SHORT_YEAR_DATE.search("14 december '20 08:55")).iso
    '2020-12-14T08:55'
    """
    g = m.groupdict()
    month = MONTHS[g["mon"].lower()] if g.get("mon") else int(g["m"])
    parsed = _build(two_digit_year(int(g["yy"])), month, int(g["d"]), g.get("H"), g.get("M"))
    return parsed if parsed is not None and weekday_agrees(parsed.day, g.get("wd")) else None


def _weekday_of(name: str | None) -> int | None:
    name = (name or "").lower()
    return WEEKDAYS.get(name, WEEKDAY_ABBREVIATIONS.get(name))


def weekday_agrees(day: date, name: str | None, *, abbreviations: bool = True) -> bool:
    """Whether the weekday written before a date (``name``: "donderdag", "do"; None: none written) is ``day``'s: the
    one check of a date's weekday, a page's own date line (:func:`written_date`, :func:`short_year_date`, a dateline,
    a listing's day) and the event dates of the analysis (tenderarchive/analysis/dates.py) alike (branch refnews65). A
    date its weekday contradicts ("woensdag 14 oktober 2021": a Thursday) says two days and is no date of either.
    With ``abbreviations=False`` only a weekday's full name counts: in running text "zo", "ma", "do" before a date are
    words ("zo 1 maart 2022 mogelijk"), not Sunday, Monday, Thursday.

    >>> weekday_agrees(date(2021, 10, 14), "donderdag"), weekday_agrees(date(2021, 10, 14), "wo")
    (True, False)
    >>> weekday_agrees(date(2021, 10, 14), "zo", abbreviations=False)
    True
    """
    weekday = _weekday_of(name) if abbreviations else WEEKDAYS.get((name or "").lower())
    return weekday is None or day.weekday() == weekday


def written_date(m: re.Match) -> ParsedDate | None:
    """The date of a page's own date line (:func:`full_date`), a slashed numeric date read as
    month/day where the day-first reading cannot be it: Drupal's default date formats are
    ``D, m/d/Y - H:i`` ("do, 10/14/2021 - 16:05") and ``m/d/Y - H:i``, which a Dutch site shows with
    the weekday translated and the order kept. Month first when the day-first date does not exist
    ("10/14/2021") or falls on another weekday than the one written while the month-first date falls
    on it ("do, 03/04/2021": 4 March 2021 is a Thursday, 3 April a Saturday).

    >>> written_date(NUMERIC_DATE.search("do, 03/04/2021 - 16:05")).iso
    '2021-03-04T16:05'
    >>> written_date(NUMERIC_DATE.search("03/04/2021")).iso
    '2021-04-03'

    A weekday written before the date that is not its day ("woensdag 14 oktober 2021": a Thursday) makes the line no
    date: it says two days, and which is the page's it cannot tell (branch refnews64; the dateline, a listing's day,
    a short year and an English date line are read so too). The page's next source of a date is tried.

    >>> written_date(LONG_DATE.search("woensdag 14 oktober 2021")) is None
    True
    """
    parsed = full_date(m)
    g = m.groupdict()
    agrees = lambda found: found is not None and weekday_agrees(found.day, g.get("wd"))  # noqa: E731
    if g.get("sep") != "/":
        return parsed if agrees(parsed) else None
    swapped = _build(int(g["y"]), int(g["d"]), int(g["m"]), g.get("H"), g.get("M"))
    if parsed is None:
        return swapped if agrees(swapped) else None
    if not agrees(parsed) and agrees(swapped):
        return swapped
    return parsed if agrees(parsed) else None


def parse_dutch_date(text: str, *, anchored: bool = False) -> ParsedDate | None:
    """Parse the first Dutch/numeric/ISO date in ``text`` (named apart from
    ``tenderarchive.arguments.parse_argument_date``, which parses a CLI argument; issue 9).

    With ``anchored=True`` the date must start the string (after optional
    whitespace).  NBSP is treated as a space, so ``2\\u00a0juli 2018`` parses.

    >>> parse_dutch_date("Gepubliceerd op: 14 december 2020 08:55").iso
    '2020-12-14T08:55'
    >>> parse_dutch_date("Redactie 14-10-2021").iso
    '2021-10-14'
    """
    if not text:
        return None
    text = text.replace("\u00a0", " ").strip()
    lead = _LEADING_TIME.match(text) if anchored else None
    if lead:  # the time before the date: "Gepubliceerd op: 08:55 | 14 december 2020"
        return _with_leading_time(parse_dutch_date(text[lead.end():], anchored=True), lead)
    for pattern in (LONG_DATE, NUMERIC_DATE, ISO_DATE):
        m = pattern.match(text) if anchored else pattern.search(text)
        if m and pattern is not ISO_DATE and m.group("H") is None:
            bracket = _TIME_IN_BRACKETS.match(text, m.end())
            if bracket:  # the time in brackets after the date: "Gepubliceerd op: 14 oktober 2021 (10u15)"
                text = f"{text[:m.end()]} {bracket.group(1).strip()}{text[bracket.end():]}"
                m = pattern.match(text, m.start())
        if m:
            parsed = written_date(m)
            if parsed and pattern is ISO_DATE and parsed.precision == "minute":
                parsed = in_amsterdam(parsed, text[m.end():], joined="T" in m.group(0))
            if parsed:
                return parsed
    m = SHORT_YEAR_DATE.match(text) if anchored else SHORT_YEAR_DATE.search(text)
    return short_year_date(m) if m else None


#: A date written relative to the moment the page was read (:func:`relative_date`): "vandaag",
#: "gisteren", "eergisteren" (each with an optional time: "gisteren om 14:05", "vandaag, 09.30 uur"), "2
#: dagen geleden", "een uur geleden", "5 min. geleden", and the English "2 days ago", "yesterday", "today".
_RELATIVE_DAY = re.compile(r"(?P<word>vandaag|gisteren|eergisteren|today|yesterday)" + _TIME + r"\s*\.?", re.I)
_RELATIVE_AGO = re.compile(
    r"(?:(?P<n>\d{1,3})|(?P<one>een|één|1|an?|one))\s+(?P<unit>seconden?|sec\.?|minuten|minuut|min\.?|uur|uren|dagen|dag|"
    r"seconds?|minutes?|mins?|hours?|days?)\s+(?:geleden|ago)\s*\.?", re.I)
_RELATIVE_SECONDS = {"sec": 1, "min": 60, "uur": 3600, "ure": 3600, "hou": 3600, "dag": 86400, "day": 86400}
_RELATIVE_DAYS_BACK = {"vandaag": 0, "today": 0, "gisteren": 1, "yesterday": 1, "eergisteren": 2}


#: A day and month without a year, as a listing shows this year's items ("14 okt", "do 14 oktober", "14 okt.
#: 10:05"): :func:`listed_day`.
_DAY_MONTH = re.compile(_WEEKDAY + r"(?P<d>\d{1,2})\s+(?P<mon>" + _MONTH_ALT + r")\.?" + _TIME + r"\s*", re.I)


def listed_day(text: str | None, now: datetime | None) -> ParsedDate | None:
    """A listing's date without a year ("14 okt", "do 14 oktober"), as a news listing shows this year's items
    beside the link: the latest such day not after ``now`` (the listing's fetch), in Dutch time, with the
    weekday, where written, agreeing (else None). Only a listing's entry is read so: in a page's text a
    day without a year is an event's, whose year the analysis infers.

    >>> listed_day("14 okt", datetime(2022, 1, 5, tzinfo=timezone.utc)).iso
    '2021-10-14'
    """
    if not text or now is None:
        return None
    m = _DAY_MONTH.fullmatch(" ".join(text.replace("\u00a0", " ").split()))
    if m is None:
        return None
    today = (now if now.tzinfo else now.replace(tzinfo=timezone.utc)).astimezone(AMSTERDAM).date()
    for year in (today.year, today.year - 1):
        parsed = _build(year, MONTHS[m.group("mon").lower()], int(m.group("d")), m.group("H"), m.group("M"))
        if parsed is not None and parsed.day <= today:
            return parsed if weekday_agrees(parsed.day, m.group("wd")) else None
    return None


def relative_date(text: str | None, now: datetime | None) -> ParsedDate | None:
    """The date ``text`` names relative to ``now`` (the fetch of the page, or of the feed or listing
    that shows it; a naive time is UTC), when ``text`` is nothing but such a date
    (:data:`_RELATIVE_DAY`, :data:`_RELATIVE_AGO`): its day in Dutch time, with the time of day where
    the text gives it ("gisteren om 14:05"). Whatever counts in minutes or hours is that moment's day:
    a site rounds such a count, so the day, not the minute, is what it states. None for anything else
    (weeks, months: rounded past the day), or without ``now``.

    >>> relative_date("2 dagen geleden", datetime(2021, 10, 16, 9, 0, tzinfo=timezone.utc)).iso
    '2021-10-14'
    >>> relative_date("Gisteren om 14:05", datetime(2021, 10, 15, 23, 30, tzinfo=timezone.utc)).iso
    '2021-10-15T14:05'
    """
    if not text or now is None:
        return None
    text = " ".join(text.replace("\u00a0", " ").split())
    local = (now if now.tzinfo else now.replace(tzinfo=timezone.utc)).astimezone(AMSTERDAM)
    m = _RELATIVE_DAY.fullmatch(text)
    if m:
        day = local.date() - timedelta(days=_RELATIVE_DAYS_BACK[m.group("word").lower()])
        return _build(day.year, day.month, day.day, m.group("H"), m.group("M"))
    m = _RELATIVE_AGO.fullmatch(text)
    if m is None:
        return None
    seconds = (int(m.group("n")) if m.group("n") else 1) * _RELATIVE_SECONDS[m.group("unit").lower()[:3]]
    day = (local - timedelta(seconds=seconds)).date()
    return ParsedDate(day.isoformat(), "day")


def find_relative_date(lines: list[str], now: datetime | None, *, head_lines: int = 4) -> tuple[ParsedDate, str] | None:
    """A page's publication date written relative to its fetch (:func:`relative_date`) and the line that
    states it: a line that is only such a date among the first ``head_lines`` non-empty ``lines`` (a
    regional news site's "3 uur geleden" under the title), or such a date after a publication label
    ("Geplaatst: 2 dagen geleden", "Gepubliceerd gisteren om 14:05") or a byline ("Door Redactie · 5 uur
    geleden") anywhere; never one under another label ("Laatst gewijzigd: gisteren")."""
    if now is None:
        return None
    seen, label = 0, None
    for raw in lines:
        line = " ".join(raw.replace("\u00a0", " ").split())
        if not line:
            continue
        seen += 1
        labelled, label = label, label_only(line)  # a label on its own line ("<dt>Geplaatst</dt><dd>…")
        if len(line) > 80 or _MODIFIED_LABEL.match(line) or labelled in ("modified", "other"):
            continue
        rest = line
        for pattern in (_PUBLISHED_LABEL, _RELATIVE_BYLINE):
            m = pattern.match(line)
            if m and m.end():
                rest = line[m.end():]
                break
        else:
            if seen > head_lines and labelled != "published":
                continue
        parsed = relative_date(rest, now)
        if parsed:
            return parsed, raw
    return None


#: A byline before a relative date: "Door Redactie · 5 uur geleden", "Redactie | gisteren".
_RELATIVE_BYLINE = re.compile(r"^(?:redactie|door(?:\s*:\s*|\s+)[^\d\n|·•,]{2,60}?)\s*[|·•,\-–]\s*", re.I)


#: A UTC offset written onto an ISO time, in the same token: after its seconds ("…:00Z", "…:00+02:00"),
#: or "Z" or an offset straight after the minutes of a "T" time; not "10:00-12:00"
#: written with a space between date and time: that is a time range (10 to 12 o'clock), not an offset.
_UTC_OFFSET = re.compile(r"(?::\d{2}(?:\.\d+)?) ?(Z|[+-]\d{2}:?\d{2})(?![\d:])")
_UTC_OFFSET_AFTER_MINUTES = re.compile(r"(Z|[+-]\d{2}:?\d{2})(?![\d:])")


def in_amsterdam(parsed: ParsedDate, rest: str, joined: bool = True) -> ParsedDate:
    """An ISO time followed (in ``rest``) by a UTC offset (``Z``, ``+00:00``, ``-0400``) as Dutch
    wall-clock time: ``2021-07-29T23:30:00Z`` was published on 30 July in Amsterdam (01:30). A time
    without an offset is taken as written (the page's own, Dutch, time).

    >>> in_amsterdam(ParsedDate("2021-07-29T23:30", "minute"), ":00Z").iso
    '2021-07-30T01:30'
    """
    m = _UTC_OFFSET.match(rest) or (_UTC_OFFSET_AFTER_MINUTES.match(rest) if joined else None)
    if not m or parsed.precision != "minute":
        return parsed
    offset = "+00:00" if m.group(1) == "Z" else m.group(1)
    if ":" not in offset:
        offset = f"{offset[:3]}:{offset[3:]}"
    try:
        moment = datetime.fromisoformat(f"{parsed.iso}{offset}")
    except ValueError:
        return parsed
    return ParsedDate(moment.astimezone(AMSTERDAM).strftime("%Y-%m-%dT%H:%M"), "minute")


#: What may follow a date line's date: a suffix after a separator ("14 oktober 2018 - Verkeer", "15 december 2020 •
#: Nieuws", a theme's bullet U+2022 or middle dot), the author ("14 oktober 2021 door redactie": a WordPress theme's
#: date and byline in one line), or the section it is filed in, a capitalised name after "in" ("14 december 2020 in
#: Nieuws", "… in: Nieuws, Jeugd", "…, geplaatst in Nieuws", "… in categorie Nieuws": a WordPress theme's "Posted on DATE
#: in CATEGORY", a TYPO3 or Drupal teaser's date and category); "in" with a lower-case word is a sentence's ("14
#: december 2020 in de raadszaal").
#: (The section, :data:`_IN_SECTION`, is the whole rest of the line, a name or a list of names: "14 januari 2021 in
#: Gouda: marktconsultatie" is a timeline's step.)
_IN_SECTION = re.compile(r"(?:,\s*)?(?:(?:geplaatst|gepost|gepubliceerd|verschenen)\s+)?in\b\s*:?\s*"
                         r"(?:(?:de\s+)?(?:categorie|rubriek)\s*:?\s*)?(?-i:[A-ZÀ-Ý0-9])[^:;.!?()\[\]]*", re.I)
_DATE_SUFFIX = re.compile(r"^(?:[-–|·•]\s*\S|door\s+\S|" + _IN_SECTION.pattern + "$)", re.I)
#: A time before a date line's date, parted from it by a separator or a space, as a news site or a CMS's teaser prints
#: the moment ("08:55 | 14 december 2020", "08.55 uur - 14-12-2020", "om 08:55, 14 december 2020"): the date's time.
#: (A time must have its minutes: "10 | 14 december 2020" is no time.)
_LEADING_TIME = re.compile(r"(?:om\s+)?(?P<H>[01]?\d|2[0-3])(?:[:.]|u(?=[0-5]\d))(?P<M>[0-5]\d)(?!\d)(?:\s*uur|u\b)?"
                           r"(?:\s*[|·•,–-]\s*|\s+)(?=\d|" + _WEEKDAY_NAMES + r"|(?:ma|di|wo|do|vr|za|zo)\.?,?\s+\d)", re.I)


def _with_leading_time(parsed: ParsedDate | None, lead: re.Match | None) -> ParsedDate | None:
    """``parsed`` (a day) at the time :data:`_LEADING_TIME` read before it; a date with its own time keeps that."""
    if parsed is None or lead is None or parsed.precision != "day":
        return parsed
    return _build(parsed.day.year, parsed.day.month, parsed.day.day, lead.group("H"), lead.group("M"))


#: A date line's time in brackets at its end ("14 oktober 2021 (10u15)", "(om 10.15 uur)", "(10 uur)"): read as the
#: time after the date. A bracket holding more than a time ("(10u15 in het gemeentehuis)") is none.
#: (The white space after the time only before "uur" or the closing bracket: two optional runs side by side split a
#: long run of spaces every way, quadratic in the run.)
_BRACKET_BODY = r"\((\s*(?:om\s+)?(?:[01]?\d|2[0-3])(?:(?:[:.]|u)[0-5]\d(?::[0-5]\d)?)?(?:\s*(?:uur|u))?\.?)\s*\)"
_BRACKETED_TIME = re.compile(_BRACKET_BODY + r"\.?$", re.I)
#: … and straight after a date anywhere (:func:`parse_dutch_date`): a labelled date or a byline ("Gepubliceerd op:
#: 14 oktober 2021 (10u15)", "Door Redactie | 14-10-2021 (om 10.15 uur)") gives the time in brackets too.
_TIME_IN_BRACKETS = re.compile(r"\s*" + _BRACKET_BODY, re.I)
#: What may follow an ISO date line's minutes (:func:`_is_date_only`): its seconds, with a fraction ("2021-10-14
#: 10:15:30", "…T10:15:30.123", a CMS's timestamp printed as the page's date), and a UTC offset after them or after
#: a "T" time's minutes ("…:30Z", "…:30+02:00", "…T10:15Z"): read in Dutch time (:func:`in_amsterdam`). After a
#: space-joined time's minutes an offset is none ("2021-10-14 10:00-12:00": a time range).
_ISO_SECONDS = re.compile(r":[0-5]\d(?:\.\d{1,9})?(?![\d:])")
_ISO_OFFSET = re.compile(r" ?(?:Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)(?![\d:])")


#: "Op" before a date line's date, the preposition of a theme's "Posted on DATE in CATEGORY" without its verb ("Op 14
#: december 2020 in Nieuws"): the line is the date line still.
_OPENING_OP = re.compile(r"op\s+(?=\d|" + _WEEKDAY_NAMES + r"|(?:ma|di|wo|do|vr|za|zo)\.?,?\s+\d)", re.I)


def _is_date_only(line: str, suffix_limit: int | None = 40) -> ParsedDate | None:
    """A line that is just a date (and a full stop), optionally followed by ' - Categorie' (at most
    ``suffix_limit`` characters of it; None: any, for an element that is a date element), and optionally after a
    time ("08:55 | 14 december 2020": :data:`_LEADING_TIME`) or "Op" (:data:`_OPENING_OP`)."""
    line = line.replace("\u00a0", " ").strip()
    kicker = _KICKER.match(line) or _LABEL_KICKER.match(line)
    start = kicker.end() if kicker and not _OTHER_KICKER.search(kicker.group(1)) else 0
    opening = None if start else _OPENING_OP.match(line)
    if opening:  # "Op 14 december 2020 in Nieuws"
        line = line[opening.end():]
    lead = _LEADING_TIME.match(line, start)
    if lead:
        return _with_leading_time(_date_only(line[lead.end():], suffix_limit), lead)
    return _date_only(line, suffix_limit)


#: A time on a line of its own: "08:55 uur", "08.55 u", "om 08:55", "08u55" (its minutes given).
_LONE_TIME = re.compile(r"(?:om\s+)?(?P<H>[01]?\d|2[0-3])(?:[:.]|u(?=[0-5]\d))(?P<M>[0-5]\d)(?:\s*uur|\s*u)?\.?", re.I)


def lone_time(line: str) -> tuple[str, str] | None:
    """(hour, minutes) of a line that is only a time (:data:`_LONE_TIME`), else None."""
    line = line.replace("\u00a0", " ").strip()
    m = _LONE_TIME.fullmatch(line) if len(line) <= 16 else None
    return (m.group("H"), m.group("M")) if m else None


def paired_time(lines: list[str], i: int, parsed: ParsedDate | None) -> tuple[ParsedDate, int] | None:
    """``parsed``, the day the date line ``lines[i]`` states, at the time a line of its own right after or before it
    gives ("14 december 2020" then "08:55 uur", or the reverse: a site's date and time in two elements), and that
    line's index; None for a date with its time or without such a line."""
    if parsed is None or parsed.precision != "day":
        return None
    after = next((j for j in range(i + 1, min(len(lines), i + 4)) if lines[j].strip()), None)
    before = next((j for j in range(i - 1, max(-1, i - 4), -1) if lines[j].strip()), None)
    for j in (after, before):
        time = lone_time(lines[j]) if j is not None else None
        if time:
            return _build(parsed.day.year, parsed.day.month, parsed.day.day, *time), j
    return None


def _date_only(line: str, suffix_limit: int | None) -> ParsedDate | None:
    """:func:`_is_date_only` of a line not opening with a time."""
    bracketed = _BRACKETED_TIME.search(line)
    if bracketed:  # the time in brackets after the date: "14 oktober 2021 (10u15)"
        line = f"{line[:bracketed.start()].rstrip()} {bracketed.group(1).strip()}"
    # a theme's reading time beside the date: "Leestijd 3 minuten · 14 december 2020"
    line = _READING_TIME.sub("", line, count=1)
    kicker = _KICKER.match(line) or _LABEL_KICKER.match(line)
    if kicker and not _OTHER_KICKER.search(kicker.group(1)):
        # "Nieuwsbericht | 14-12-2020", "Nieuwsbericht 14 oktober 2021": the page's type or section before its date
        line = line[kicker.end():]
    for pattern in (LONG_DATE, NUMERIC_DATE, ISO_DATE):
        m = pattern.match(line)
        if m:
            end = m.end()
            if pattern is ISO_DATE and m.group("H") is not None:  # seconds and an offset: "2021-10-14 10:15:30"
                seconds = _ISO_SECONDS.match(line, end)
                offset = _ISO_OFFSET.match(line, seconds.end() if seconds else end) \
                    if seconds or "T" in m.group(0) else None
                end = offset.end() if offset else seconds.end() if seconds else end
            # a sentence's full stop after the date: "Deze pagina is voor het laatst gewijzigd op 2 december 2026."
            rest = line[end:].strip().removesuffix(".").rstrip()
            # a suffix or the author (:data:`_DATE_SUFFIX`), or the hour alone ("om 10 uur": the day)
            if not rest or (_DATE_SUFFIX.match(rest)
                            and (suffix_limit is None or len(rest) <= suffix_limit)):
                parsed = written_date(m)
                if parsed and pattern is ISO_DATE and end > m.end():
                    parsed = in_amsterdam(parsed, line[m.end():end], joined="T" in m.group(0))
                return parsed
            if m.group("H") is None and pattern is not ISO_DATE and _HOUR_ONLY.match(rest):
                return written_date(m)
    m = SHORT_YEAR_DATE.match(line)
    if m:
        rest = line[m.end():].strip().removesuffix(".").rstrip()
        if not rest or (_DATE_SUFFIX.match(rest)
                        and (suffix_limit is None or len(rest) <= suffix_limit)):
            return short_year_date(m)
    return None


#: A reading time before a date line's date, set off by a separator: "Leestijd 3 minuten · ", "Leestijd: ca. 2 min. | ".
_READING_TIME = re.compile(r"^(?:geschatte\s+)?leestijd\s*:?\s*(?:ca\.?\s*|±\s*|circa\s+)?\d{1,3}\s*"
                           r"(?:minuten|minuut|min\.?|m)(?!\w)\.?\s*[|·•–-]\s*(?=\S)", re.I)


#: A short word or two before a date line's date, set off by a separator with spaces around it:
#: "Nieuwsbericht | 14-12-2020", "Nieuws · 14 december 2020".
_KICKER = re.compile(r"^([A-Za-zÀ-ÿ][^\d|·•–]{1,30}?)\s+[|·•–-]\s+(?=\d|" + _WEEKDAY_NAMES + ")", re.I)
#: A template's label before the date with no separator: "Nieuwsbericht 14 oktober 2021", the heading a
#: CMS writes above the item's title (news-sites.md §2.4 template labels, with a §2.3 date).
_LABEL_KICKER = re.compile(r"^(" + "|".join(DATELINE_LABELS) + r")\s+(?=\d|" + _WEEKDAY_NAMES + ")", re.I)
#: … unless it names another date than the page's ("Sluitingsdatum - 1 maart 2021", "Laatst gewijzigd | …").
_OTHER_KICKER = re.compile(r"datum|deadline|sluit|gewijzigd|bijgewerkt|aangepast|uitspraak|updated", re.I)


def label_only(line: str) -> str | None:
    """What a line that is nothing but a date label labels: ``"published"`` ("Gepubliceerd
    op", "Datum publicatie:"), ``"modified"`` ("Laatst gewijzigd"), ``"other"`` ("Datum
    uitspraak", "Sluitingsdatum"), or None (not a bare label)."""
    line = line.replace("\u00a0", " ").strip().rstrip(":").strip()
    if not line or len(line) > 40:
        return None
    m = _MODIFIED_LABEL.match(line)
    if m and m.end() == len(line):
        return "modified"
    m = _PUBLISHED_LABEL.match(line)
    if m and m.end() == len(line):
        return "published"
    if _OTHER_DATE_LABEL.fullmatch(line):
        return "other"
    return None


_ENGLISH_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
                   "october", "november", "december")
_ENGLISH_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
#: A date as Drupal's default formats write it, on a page, in a feed's item or a Views listing (or a WordPress
#: theme's): a weekday, then the month before the day, then the time after " - " (Drupal's "long", ``l, F j, Y -
#: H:i``: "Thursday, October 14, 2021 - 16:05"; its "medium", ``D, m/d/Y - H:i``: "Thu, 10/14/2021 - 16:05"), or
#: "at" (WordPress: "October 14, 2021 at 16:05"); the weekday and month names translated where the site runs in
#: Dutch ("do, 10/14/2021 - 16:05", "donderdag, oktober 14, 2021 - 16:05") while the order stays the format's.
#: Or the day before an English month, as a theme on a British-English locale prints it ("14 October 2021", "14th
#: October 2021", "Thursday 14 October 2021", Drupal's "02 Oct 2021 - 11:00").
_WEEKDAY_FORM = re.compile(
    r"(?:(?P<wd>[a-z]{2,9})\.?,?\s+)?(?:(?P<mon>[a-z]{3,9})\.?\s+(?P<d>\d{1,2}),?|(?P<n1>\d{1,2})/(?P<n2>\d{1,2})/|"
    r"(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?P<mon2>[a-z]{3,9})\.?,?)"
    r"\s*(?P<y>(?:19|20)\d{2})(?:\s*(?:[-–—,|@]|\bat\b|\bom\b)?\s*(?P<H>[01]?\d|2[0-3])[:.](?P<M>[0-5]\d)"
    r"(?::[0-5]\d)?(?:\s*uur)?)?", re.I)
#: Drupal's "Submitted by redactie on …" before a page's date (the Dutch "Ingediend door … op" is a byline).
_SUBMITTED = re.compile(r"^(?:submitted|posted|published)(?:\s+by\s+\S.{0,40}?)?\s+on\s+", re.I)


def _weekday_number(name: str | None) -> int | None:
    """Monday 0 … Sunday 6 of an English or Dutch weekday name or its abbreviation ("Thu", "do"), else None."""
    name = (name or "").lower()
    if name in WEEKDAYS or name in WEEKDAY_ABBREVIATIONS:
        return WEEKDAYS.get(name, WEEKDAY_ABBREVIATIONS.get(name))
    return next((i for i, day in enumerate(_ENGLISH_WEEKDAYS) if len(name) >= 3 and day.startswith(name)), None)


def weekday_form_date(value: str | None) -> ParsedDate | None:
    """A date written as :data:`_WEEKDAY_FORM` reads it, the whole of ``value`` (24-hour clock), with its time when
    it gives one, else None. A numeric date is read month first only where a weekday says so (the day it names
    falls on it; "Thu, 10/14/2021" cannot be day first, "za, 04/10/2021" is 10 April); without one the Dutch
    reading (day first, :func:`parse_dutch_date`) stands, and a numeric date its weekday contradicts either way is
    left to it. A month-name date whose weekday is not its day ("Wednesday 14 October 2021": a Thursday) is none, as
    a Dutch one is (:func:`written_date`).

    >>> weekday_form_date("Thursday, October 14, 2021 - 16:05").iso
    '2021-10-14T16:05'
    >>> weekday_form_date("Sat, 10/02/2021 - 11:00").iso
    '2021-10-02T11:00'
    """
    match = _WEEKDAY_FORM.fullmatch(" ".join((value or "").replace("\u00a0", " ").split()))
    if match is None:
        return None
    weekday = _weekday_number(match.group("wd"))
    if match.group("wd") and weekday is None:
        return None
    year = int(match.group("y"))
    if match.group("mon") or match.group("mon2"):
        name = (match.group("mon") or match.group("mon2")).lower()
        month = MONTHS.get(name) or next((i for i, full in enumerate(_ENGLISH_MONTHS, 1) if full.startswith(name)), None)
        candidates = [(month, int(match.group("d") or match.group("d2")))] if month else []
    elif weekday is None:
        return None
    else:
        first, second = int(match.group("n1")), int(match.group("n2"))
        candidates = [(first, second), (second, first)]
    for month, day in candidates:
        try:
            found = date(year, month, day)
        except ValueError:
            continue
        if weekday is not None and found.weekday() != weekday:  # a weekday not the date's: no date (:func:`written_date`)
            continue
        if match.group("H") is None:
            return ParsedDate(found.isoformat(), "day")
        return ParsedDate(f"{found.isoformat()}T{int(match.group('H')):02d}:{match.group('M')}", "minute")
    return None


def _before_bracket(text: str) -> str | None:
    """``text`` before a short note in brackets at its end, a byline's update after its date ("Door Marieke de Kok -
    2-11-2016, 7:00 (Update 2-11-2016, 7:35)"); None without one."""
    text = text.rstrip().removesuffix(".").rstrip()
    start = text.rfind("(")
    if not text.endswith(")") or start <= 0 or len(text) - start > 62 or ")" in text[start + 1:-1]:
        return None
    return text[:start]


def label_date(line: str) -> tuple[ParsedDate, str] | None:
    """The date a line opening with a publication label states and which label it is: ``"published"`` ("Gepubliceerd
    op: 14 december 2020 08:55", "Datum bericht: 14-10-2021", "Bericht van 14 oktober 2021", "Geplaatst in Nieuws op
    …") or ``"created"`` (Joomla's "Aangemaakt op …", second to a publication label); None for any other line, a
    modification label's ("Laatst gewijzigd op …") or a label not followed by its date ("Gepubliceerd op TenderNed").
    The one reader of a page's labelled date line: :func:`find_stated_date` reads a page's lines with it, and the
    analysis (tenderarchive/analysis/dates.py) the sentence that dates a text given without its publication date
    (branch refnews66; the analysis had its own pattern of three labels).

    >>> label_date("Bericht van 14 oktober 2021")[0].iso, label_date("Aangemaakt op 3 maart 2021")[1]
    ('2021-10-14', 'created')
    >>> label_date("Gepubliceerd op TenderNed") is None, label_date("Laatst gewijzigd op 3 maart 2021") is None
    (True, True)
    """
    line = line.replace("\u00a0", " ").strip()
    m = _PUBLISHED_LABEL.match(line)
    if m is None or _MODIFIED_LABEL.match(line):
        return None
    parsed = _is_date_only(line[m.end():]) if _MESSAGE_LABEL.match(line) else \
        parse_dutch_date(line[m.end():], anchored=True)
    if parsed is None:
        return None
    return parsed, "created" if _CREATED_LABEL.match(line) else "published"


def find_stated_date(lines: list[str], *, head_lines: int = 4,
                     suffix_limit: int | None = 40) -> tuple[ParsedDate, int] | None:
    """Find the publication date a text states; return it and its line index.

    ``lines`` are the page's text lines starting at (or just after) the
    title.  Labelled dates and bylines may be anywhere (the label on its own
    line, the date on the next, counts too); a bare date line must be among
    the first ``head_lines`` non-empty lines and not under another label, and
    may carry a suffix after " - " of at most ``suffix_limit`` characters (None:
    any, for the text of a date element such as iprox's ``div.iprox-date``).
    """
    seen = 0
    fallback: tuple[ParsedDate, int] | None = None
    created: tuple[ParsedDate, int] | None = None  # Joomla's "Aangemaakt op …": after a publication label
    label = None  # what the previous non-empty line labels, if it is a bare label
    for i, raw in enumerate(lines):
        line = raw.replace("\u00a0", " ").strip()
        if not line:
            continue
        seen += 1
        labelled, label = label, None
        if len(line) <= 120:
            stated = label_date(line)
            if stated and stated[1] == "created":
                created = created or (stated[0], i)
                continue
            if stated:
                return stated[0], i
            m = _BYLINE.match(line)
            if m:
                # an author's name and the date (whatever follows: "Door Jan Jansen op 3 maart 2021 in Nieuws"); else
                # the date, a time or a section at most ("Door: redactie gemeente Leiden, 3 maart 2021"): a sentence
                # opening with "Door" names an event's day ("Door de coronacrisis is de aanbesteding op 3 maart 2021
                # uitgesteld."), not the page's
                rest = line[m.end():]
                if _byline_name(m.group("name")):
                    parsed = parse_dutch_date(rest, anchored=True)
                else:
                    parsed = _is_date_only(rest, suffix_limit=None) or weekday_form_date(rest) or \
                        _is_date_only(_before_bracket(rest) or "", suffix_limit=None)
                if parsed:
                    return parsed, i
            m = _SUBMITTED.match(line)  # Drupal's "Submitted by redactie on Thu, 10/14/2021 - 16:05"
            if m:
                parsed = weekday_form_date(line[m.end():])
                if parsed:
                    return parsed, i
            label = label_only(line)
            if labelled == "published":
                parsed = _is_date_only(line)
                if parsed:
                    return parsed, i
            if seen <= head_lines and fallback is None and labelled not in ("modified", "other"):
                parsed = _is_date_only(line, suffix_limit) or weekday_form_date(line)
                if parsed:
                    fallback = (parsed, i)
    return created or fallback


_INNER_PUBLISHED = (r"(?:gepubliceerd|geplaatst|gepost|publicatiedatum|datum publicatie|verschenen|aangemaakt|"
                    r"datum (?:nieuws|pers)?bericht|(?:nieuws|pers)?berichtdatum)\b")
_INNER_MODIFIED = (r"(?:(?:laatste )?wijzigingsdatum|datum (?:laatste )?wijziging|(?:laatst\s+)?(?:gewijzigd|bijgewerkt|aangepast)|"
                   r"laatste (?:wijziging|update))\b")
#: Where a second date label starts on a page's meta line ("…, laatst gewijzigd op …", "| Gepubliceerd: …"), or right
#: after the first date's last digit: two inline elements with nothing between them read as one line
#: (``<span>Gepubliceerd: 3 maart 2021</span><span>Bijgewerkt: 5 april 2021</span>``, branch refnews81).
_INNER_LABEL = re.compile(r"(?:\s*[,|·•;–-]\s*|(?<!laatst)(?<!laatste)(?<!datum)\s+|(?<=\d))(?=" + _INNER_PUBLISHED + "|" + _INNER_MODIFIED + ")", re.I)
#: Where a modification label starts after a bare date on a page's meta line ("3 maart 2021 - gewijzigd 5 april 2021",
#: "3 maart 2021 (bijgewerkt 5 april 2021)", "3 maart 2021 09:00, laatst gewijzigd op …").
_MODIFIED_AFTER = re.compile(r"\s*[,|·•;–(-]?\s*(?=" + _INNER_MODIFIED + ")", re.I)


def split_date_labels(lines: list[str]) -> list[str]:
    """``lines`` with a meta line that states both dates split in two, one label each: "Gepubliceerd op
    14 december 2020, laatst gewijzigd op 5 januari 2021" and "Bijgewerkt op 5 januari 2021 · Gepubliceerd op
    14 december 2020" read as a publication line and a modification line (the modification label first
    hid the publication date; after it, the page had no ``modified``). So is a bare publication date with a
    modification label after it ("3 maart 2021 - gewijzigd 5 april 2021", "3 maart 2021 (bijgewerkt 5 april 2021)",
    "3 maart 2021 09:00, laatst gewijzigd op 5 april 2021": the change was left unread, and with a time before the
    label the page's date too). A line without both labels, or a sentence longer than a meta line, is kept whole."""
    out: list[str] = []
    for line in lines:
        if len(line) <= 160 and re.search(_INNER_PUBLISHED, line, re.I) and re.search(_INNER_MODIFIED, line, re.I):
            parts = [part for part in _INNER_LABEL.split(line) if part.strip()]
            if len(parts) > 1 and all(_PUBLISHED_LABEL.match(p.strip()) or _MODIFIED_LABEL.match(p.strip())
                                      for p in parts[1:]):
                out.extend(parts)
                continue
        after = _MODIFIED_AFTER.search(line) if len(line) <= 160 else None
        if after and after.start() > 0:
            # a bare publication date, the modification label after it (branch refnews81: the change left unread, or,
            # its time before the label, the page's date too): a date line and a modification line
            head, tail = line[:after.start()].strip(), line[after.end():].strip()
            tail = tail[:-1].strip() if line[after.start():after.end()].strip() == "(" and tail.endswith(")") else tail
            label = _MODIFIED_LABEL.match(tail)
            if _is_date_only(head, suffix_limit=0) and label and _is_date_only(tail[label.end():], suffix_limit=0):
                out.extend([head, tail])
                continue
        out.append(line)
    return out


def find_modified_date(lines: list[str]) -> ParsedDate | None:
    """A stated modification date: "Laatst gewijzigd: 4 maart 2021", or the label on
    its own line and the date on the next."""
    label = None
    for raw in lines:
        line = raw.replace("\u00a0", " ").strip()
        if not line:
            continue
        m = _MODIFIED_LABEL.match(line)
        if m and len(line) <= 120:
            # the date and nothing else (a time may follow): "Gewijzigd op 3 maart 2020 is de
            # verordening aangepast" is a sentence of the text, not the page's modification line
            parsed = _is_date_only(line[m.end():])
            if parsed:
                return parsed
        if label == "modified" and _is_date_only(line):
            return _is_date_only(line)
        label = label_only(line)
    return None


def join_date_labels(lines: list[str]) -> list[str]:
    """``lines`` with a label naming another date than the page's and its date, two list items of a ``<dl>``
    ("- Datum uitspraak", "- 27-11-2020": a ``<dt>``/``<dd>`` pair), joined into one line of label and date
    ("- Datum uitspraak: 27-11-2020"): apart, the date read as a fact of its own and its label as an item saying
    nothing. Only a bare label (:func:`label_only` "other") and a line that is only a date join; the page's
    publication and modification lines go as its metadata (:func:`drop_modified_lines`)."""
    out: list[str] = []
    for raw in lines:
        value = re.match(r"^([-*•]\s+)?(.*)$", raw.replace("\u00a0", " ").strip())
        if out and value.group(2) and _is_date_only(value.group(2), suffix_limit=0):
            previous = re.match(r"^([-*•]\s+)?(.*)$", out[-1].replace("\u00a0", " ").strip())
            if previous.group(2) and label_only(previous.group(2)) == "other" \
                    and bool(previous.group(1)) == bool(value.group(1)):
                out[-1] = f"{previous.group(1) or ''}{previous.group(2).rstrip(': ')}: {value.group(2)}"
                continue
        out.append(raw)
    return out


def _both_dates_only(line: str) -> bool:
    """Whether ``line`` is a meta line of both dates and nothing else (:func:`split_date_labels`: "Bijgewerkt op 5
    januari 2021, gepubliceerd op 14 december 2020"), each part a label and its date."""
    parts = split_date_labels([line])
    if len(parts) < 2:
        return False
    for part in parts:
        part = part.strip()
        m = _MODIFIED_LABEL.match(part) or _PUBLISHED_LABEL.match(part)
        if not m or not _is_date_only(part[m.end():]):
            return False
    return True


def drop_modified_lines(lines: list[str]) -> list[str]:
    """``lines`` without the page's modification line: "Laatst gewijzigd: 4 maart 2021", or the
    label on its own line and the date on the next. Like the publication line, it is the page's
    metadata (its ``modified``), and in the text it read as a dated event of the page's subject."""
    kept: list[str] = []
    unmarked = lambda text: re.sub(r"^[-*•]\s+", "", text.replace("\u00a0", " ").strip())  # noqa: E731 a list item's
    for raw in lines:
        line = unmarked(raw)
        m = _MODIFIED_LABEL.match(line) if line and len(line) <= 120 else None
        if m and (_is_date_only(line[m.end():]) or _both_dates_only(line)):
            continue
        previous = next((i for i in range(len(kept) - 1, -1, -1) if kept[i].strip()), None)
        if line and _is_date_only(line) and previous is not None and label_only(unmarked(kept[previous])) == "modified":
            del kept[previous:]
            continue
        kept.append(raw)
    return kept


#: The lines of a CMS's article info block besides its dates (Joomla's ``<dl class="article-info">``: "Details",
#: "Geschreven door Redactie", "Categorie: Nieuws", "Hoofdcategorie: Actueel", "Hits: 123").
_INFO_AUTHOR = re.compile(r"^(?:geschreven|geplaatst|gepost|ingezonden|toegevoegd)\s+door\s*:?\s*(?P<name>\S.{0,60})$", re.I)
_INFO_CATEGORY = re.compile(r"^(?:hoofd)?categorie\s*:\s*\S.{0,60}$|^details$", re.I)


def _info_kind(line: str) -> str | None:
    """What a line of an article info block (:func:`drop_article_info`) is: ``"date"`` (a publication, creation or
    modification label and its date, nothing else), ``"day"`` (a date alone: Joomla 1.5's created date without its
    label), ``"author"`` ("Geschreven door Redactie"), ``"hits"`` (a view
    counter), ``"category"`` ("Categorie: Nieuws", the block's heading "Details"), or None."""
    if len(line) > 120:
        return None
    m = _MODIFIED_LABEL.match(line) or _PUBLISHED_LABEL.match(line)
    if m and m.end() < len(line) and (_is_date_only(line[m.end():]) or _both_dates_only(line)):
        return "date"
    if _is_date_only(line, suffix_limit=0):
        return "day"
    m = _INFO_AUTHOR.match(line)
    if m and _byline_name(m.group("name")):
        return "author"
    if is_view_counter(line):
        return "hits"
    return "category" if _INFO_CATEGORY.match(line) else None


def drop_article_info(lines: list[str]) -> list[str]:
    """``lines`` without a CMS's article info block: Joomla's "Details" / "Geschreven door Redactie" / "Categorie:
    Nieuws" / "Aangemaakt op 14 december 2020" / "Laatst gewijzigd op 2 januari 2021" / "Hits: 123", lines (or list
    items) of their own one under the other. Its dates are the page's metadata (read from the page's lines), the rest
    the CMS's, not the article's text. Only a run of two or more such lines that holds a labelled date, an author or
    a count goes (a date alone rides along only with an author or a count): "Categorie: Nieuws" alone, two dates of
    a schedule ("- 14 december 2020", "- 1 maart 2021"), or a sentence naming its author, is text. Linear: each line
    looked at once."""
    # a list item's marker, a one-cell table row's bars (Joomla 1.5's ``table.contentpaneopen``: "| Geschreven door … |")
    unmarked = lambda text: re.sub(r"^(?:[-*•]\s+|\|\s*)|\s*\|$", "",  # noqa: E731
                                   text.replace("\u00a0", " ").strip())
    kinds = [("" if not raw.strip() else None if len(raw) > 200 else _info_kind(unmarked(raw))) for raw in lines]
    kept: list[str] = []
    i = 0
    while i < len(lines):
        if not kinds[i]:
            kept.append(lines[i])
            i += 1
            continue
        end = i
        while end < len(lines) and kinds[end] is not None:  # the run, blank lines inside it too
            end += 1
        while end > i and kinds[end - 1] == "":
            end -= 1
        run = [kind for kind in kinds[i:end] if kind]
        # a date alone ("day") only beside an author or a count: after a publication line, it is a schedule's step
        if len(run) >= 2 and ({"author", "hits"} & set(run) or ("date" in run and "day" not in run)):
            i = end
            continue
        kept.extend(lines[i:end])
        i = end
    return kept


#: Lower-case words inside a place's name ("Alphen aan den Rijn", "Bergen op Zoom", "Capelle aan den IJssel").
_PLACE_JOINERS = r"(?:aan|den|de|op|bij|in|en|van|der|ter|ten|het)"
#: A press release's or local paper's dateline: the place opening the text, then the day (news-sites.md §1 [S1]
#: opens with the place, "ZUID-KENNEMERLAND/IJMOND -"): a place in capitals before a comma or dash ("ZWOLLE -
#: Donderdag 12 juni 2025 -", "DEN HAAG, 3 maart 2025:"), or a place written as a name before a comma ("Utrecht, 3
#: maart 2025 –", "'s-Hertogenbosch, 03.03.2025 -"); or the day alone before a dash ("03.03.2025 – De gemeente …").
_DATELINE_PLACE = re.compile(
    r"(?:(?P<caps>(?:'[sS]-|'[tT]\s)?[A-ZÀ-Ý][A-ZÀ-Ý'’/\-]+(?:\s[A-ZÀ-Ý'’/\-]+){0,3})\s*[,\-–—]"
    r"|(?P<name>(?:'s-|'t\s)?[A-ZÀ-Ý][\w'’\-/]+(?:\s(?:" + _PLACE_JOINERS + r"\s)*[A-ZÀ-Ý][\w'’\-/]*){0,3}),)\s*")
#: After the dateline's day its first sentence: a dash, colon or bar ("– De gemeente"), or a full stop before a
#: capital ("3 maart 2025. De gemeente").
_DATELINE_END = re.compile(r"\s*(?:[-–—:|]\s*|\.\s+(?=[A-ZÀ-Ý\"'‘“]))(?=[\w\"'‘“(])")
#: … or nothing: the place and day a line of their own over the lead, as a press release or a letter heads its
#: text ("Leiderdorp, 14 december 2020"), when the place is a municipality (a heading "Marktconsultatie, 12 maart
#: 2021" over a timeline's step is no dateline).
_DATELINE_ALONE = re.compile(r"\s*\.?$")


def _is_municipality(place: str) -> bool:
    from tenderarchive import reference  # the CBS table, read on first use

    try:
        return reference.municipality(place) is not None
    except (ValueError, LookupError):
        return False
#: A word opening a sentence with a date that is no place of a dateline: "Per 1 januari 2026, …", "Vanaf 3 maart
#: 2025, …", "Op 12 juni 2025 - …" name an event's day (a contract's start, a deadline), not the page's; "UPDATE, 3
#: maart 2025 –", "Aanvulling - …" the day of a later change of the item.
_NOT_A_PLACE = re.compile(
    r"(?:per|vanaf|tot|t/m|op|sinds|voor|vóór|na|uiterlijk|tussen|in|met|van|vandaag|morgen|gisteren|deadline|"
    r"datum|sluiting\w*|start|aanvang|einde|bijeenkomst|agenda|update|aanvulling|correctie|rectificatie|erratum|"
    r"nb|let op|gewijzigd|bijgewerkt)\b", re.I)
#: The day closing the lead in brackets: "… gegund. (12-06-2025)".
_BRACKETED_DAY = re.compile(r"(?:^|\s)\(\s*(?P<date>[^()]{6,40}?)\s*\)\s*$")
#: A sentence of the text dating the text itself: "Dit persbericht is gepubliceerd op 3 maart 2025.", "Dit
#: artikel werd geplaatst op 03.03.2025" (never "De aankondiging is gepubliceerd op TenderNed op …", a notice's).
_SELF_PUBLISHED = re.compile(
    r"\b(?:dit|het)\s+(?:(?:nieuws|pers)?bericht|artikel|nieuwsitem|item)\s+(?:is|werd|was)\s+"
    r"(?:gepubliceerd|geplaatst|verschenen)\s+op\s+", re.I)
#: A line opening with a day and a dash: one of a timeline's, where two or more do ("1 maart 2025 – publicatie").
_DAY_DASH_LINE = re.compile(r"^(?:[-*•]\s+)?" + _WEEKDAY + r"\d{1,2}(?:\s+[a-z]+\.?\s+|[-/.]\d{1,2}[-/.])"
                            r"(?:19|20)\d{2}\s*[-–—:]", re.I)


def _opening_day(line: str, start: int) -> tuple[ParsedDate, int] | None:
    """The full date starting at ``start`` of ``line`` (a weekday, where written, agreeing) and where it ends."""
    for pattern in (LONG_DATE, NUMERIC_DATE):
        m = pattern.match(line, start)
        if m:
            parsed = written_date(m)
            if parsed is None or not weekday_agrees(parsed.day, m.group("wd")):
                return None
            return parsed, m.end()
    return None


def find_dateline_date(lines: list[str], *, head_lines: int = 2) -> ParsedDate | None:
    """The publication date a text states only in its running text, as press releases and municipal and local news
    sites write it when the page has no date line, no ``<time>``, no meta date and no date in its address:

    - a dateline opening one of its first ``head_lines`` non-empty lines (the lead, the first paragraph): "Utrecht,
      3 maart 2025 – De gemeente …", "ZWOLLE - Donderdag 12 juni 2025 - …", "03.03.2025 – De gemeente …";
    - the day in brackets closing one of those lines: "… gegund aan vier aanbieders. (12-06-2025)";
    - a sentence dating the text itself anywhere: "Dit persbericht is gepubliceerd op 3 maart 2025."

    Hand-written: htmldate's free-text search (``extensive_search``) knows no Dutch month abbreviation ("mrt") and
    takes whichever date of the body it likes best -- "De contracten gaan in per 1 januari 2026" dated such a
    release 1 January 2026. A date in a sentence is an event's (a meeting, a deadline, "per 1 januari 2026") and
    never read here; nor a day opening a line after "Per", "Vanaf", "Uiterlijk" and the like, a weekday that is
    not the date's, or a day opening two or more lines with a dash (a timeline's steps, not a dateline). The caller
    asks only when the page states no other date (:func:`tenderarchive.extraction.core.extract_html`).

    >>> find_dateline_date(["ZWOLLE - Donderdag 12 juni 2025 - Het college kiest een nieuwe koers."]).iso
    '2025-06-12'
    >>> find_dateline_date(["Per 1 januari 2026 - De nieuwe contracten gaan in."]) is None
    True
    """
    bare = [" ".join(line.replace("\u00a0", " ").split()) for line in lines]
    bare = [line for line in bare if line]
    timeline = sum(1 for line in bare if _DAY_DASH_LINE.match(line)) >= 2
    for line in bare[:head_lines]:
        line = re.sub(r"^[-*•]\s+", "", line)
        place = _DATELINE_PLACE.match(line)
        if place and not _NOT_A_PLACE.match(line) and not label_only(place.group(0).strip(" ,-–—")) in (
                "modified", "other"):
            found = _opening_day(line, place.end())
            if found and (_DATELINE_END.match(line, found[1]) or (
                    _DATELINE_ALONE.match(line, found[1]) and _is_municipality(place.group(0).strip(" ,-–—")))):
                return found[0]
        found = None if timeline else _opening_day(line, 0)
        if found and re.match(r"\s*[-–—]\s*(?=\w)", line[found[1]:]):
            return found[0]
        bracketed = _BRACKETED_DAY.search(line)
        if bracketed:
            found = _opening_day(bracketed.group("date"), 0)
            if found and found[1] == len(bracketed.group("date")):
                return found[0]
    for line in bare:
        m = _SELF_PUBLISHED.search(line)
        found = _opening_day(line, m.end()) if m else None
        if found:
            return found[0]
    return None


def url_date(url: str | None, *, segments: bool = True) -> ParsedDate | None:
    """A ``/YYYY/MM/DD/`` date in the URL path (WordPress permalinks), or a path segment opening with a
    ``YYYY-MM-DD`` day before a slug (``/nieuws/2021-07-29-slug``, ``/2021-07-29/slug``): :data:`_URL_DATE`.

    >>> url_date("https://example.nl/nieuws/2021-07-29-inkoop-gestart").iso
    '2021-07-29'
    >>> url_date("https://example.nl/nieuws/zaak-2021-07-29") is None
    True

    With ``segments=False`` only the permalink form: a day opening a slug may be an event's (a page's fallback date
    only, after the one it states), so the crawl does not judge a page out of its window by it unread.
    """
    if not url:
        return None
    from urllib.parse import urlsplit

    m = next((m for m in _URL_DATE.finditer(urlsplit(url).path) if segments or m.group(1)), None)
    if not m:
        return None
    y, mo, d = m.group(1, 2, 3) if m.group(1) else m.group(4, 5, 6)
    return _build(int(y), int(mo), int(d), None, None)


#: No web page of a Dutch municipality was published before this (htmldate's ``min_date`` too): an
#: earlier date a page states ("Opgericht 12 mei 1940") is something else, not its publication date.
MIN_PUBLISHED = date(1995, 1, 1)



def local_day(moment: datetime | date) -> date:
    """The Dutch calendar day of a moment: pages date themselves in Europe/Amsterdam, and a fetch
    time is UTC (between midnight and 01:00/02:00 in Amsterdam it is still the day before)."""
    if isinstance(moment, datetime):
        return (moment.astimezone(AMSTERDAM) if moment.tzinfo else moment).date()
    return moment


def not_after(parsed: ParsedDate | None, limit: datetime | date | None) -> ParsedDate | None:
    """Drop a date that cannot be the page's publication date: later than ``limit`` (the fetch
    time: a page cannot have been published after it was fetched), or before
    :data:`MIN_PUBLISHED` (a date misread as one; uvacw/inca #22 dated pages 1940, and the page
    was then dropped as outside the crawl's dates: docs/reference/peers.md §3). The next source
    of a date is tried instead, and a page with none is kept undated.

    >>> not_after(ParsedDate("1940-05-12", "day"), None) is None
    True
    """
    if parsed is None:
        return parsed
    if parsed.day < MIN_PUBLISHED:
        return None
    if limit is None:
        return parsed
    return None if parsed.day > local_day(limit) else parsed
