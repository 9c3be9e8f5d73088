"""Dutch date and event extraction (news-sites §2.3).

Recognised forms, longest first:

* ranges: ``Eind september/begin oktober 2022``, ``van januari 2022 tot mei 2022``,
  ``januari t/m mei 2022``, ``eind november / begin december 2017`` -> precision ``range``
* full dates with optional weekday and time: ``14 december 2020 08:55``,
  ``22 december 2021 om 15.00 uur``, numeric ``14-10-2021``, ``14.10.2021``,
  ``14/10/2021``, ISO ``2020-04-09`` (also glued to its label: ``Definitief2020-04-09``) -> ``day``. These are the one full-date grammar of the project,
  ``LONG_DATE``/``NUMERIC_DATE``/``ISO_DATE`` and ``full_date()`` of tenderarchive/extraction/dates.py
  (issue 9); everything else in this list is the analysis' own.
* year ranges: ``2024 – 2026``, ``2018 tot 2022``, ``van 2024 tot en met 2032`` -> ``range``
* day + month without year: ``Donderdag 7 oktober``, ``6 juli a.s.``, ``Vanaf 1 juni`` -> ``day``
  with an inferred year
* part of a month: ``eind januari``, ``medio juni 2024``, ``Eind dit jaar`` -> ``part_of_month``
* month + year: ``februari 2022`` -> ``month``
* a year after a cue word: ``per 2019``, ``vanaf 2023`` -> ``year``

Year inference for dates written without a year (``year_inferred`` = True, the rule
goes into ``inference``), tried in this order:

1. ``same_date_in_text``: the same day and month occurs elsewhere with a year (a
   section heading such as ``Marktconsultatie 4 juli 2017``).
2. ``aanstaande``: ``a.s.``/``aanstaande`` -> first occurrence after the nearest
   preceding explicit date (``(2 juli 2018)`` in the heading of [S2]).
3. ``weekday``: with a publication date, the occurrence within ``YEARLESS_WINDOW`` (a year) of it
   that falls on the named weekday (the tense's side first, as in rule 4), else *no date*
   ("woensdag 14 maart" on a page of March 2024 is no Wednesday near it); without one, the
   year in which the date falls on the weekday nearest to the context year (the earliest
   explicit year in the text): 7 October is a Thursday in 2021 and 2027, the context picks 2021.
   A weekday is checked by the page-date reader's one helper (``weekday_agrees``), in rules 1
   and 2 too; a full date whose written weekday is another day's is no date at all.
4. ``published``: relative to the publication date: past tense (``PAST_RE``: an auxiliary
   and participle -- a bare "heeft"/"hebben" is possession in the present, branch cv73 -- or a simple past such as
   ``ging``/``startte``) -> last occurrence on or
   before it, otherwise the next occurrence on or after it; within ``YEARLESS_WINDOW``, else
   no date ("29 februari" on a page of 2021). With a publication date the rules below never apply.
   A present tense with no future marker or deadline (``_AHEAD_IN_SENTENCE``) takes the last occurrence when it lies
   within ``PRESENT_NEAR`` (a month, 31 days; branch cv73) before the page ("De regio organiseert op 28 februari een marktconsultatie" on
   a page of 4 March); "nog tot <day>" is never past (branch cv72).
5. ``before_planned_dates``: no publication date, past tense or ``sinds``: the latest
   occurrence before the earliest explicit date in the text.
6. ``nearest_explicit_year``: the year of the nearest preceding explicit date.

The publication date is the one given, or else the day the text's own labelled date line states
("Gepubliceerd op: …", "Geplaatst op …", "Datum bericht: …", "Bericht van …"), read by the page-date reader's one
label reader (``label_date`` of tenderarchive/extraction/dates.py; that line's event is of kind ``publication``).

``dit jaar``/``volgend jaar`` use the publication year, or else the reference date
inferred from step 3/5 (the text's own "now").

Hand-written because dateparser/htmldate handle single absolute dates, not Dutch
vague ranges, weekday-year inference or ``a.s.``.

Event kinds (``kind``) are assigned from cue words in the sentence (and its heading):
see :data:`EVENT_KINDS`; the kinds other readers assign (the page's own date line's ``publication``) are in
:data:`READER_KINDS`, and :data:`ARTICLE_EVENT_KINDS` lists them all.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from .text import Sentence
from tenderarchive.extraction.dates import (ISO_DATE, LONG_DATE, NUMERIC_DATE, ORDINAL_SUFFIX, full_date, label_date,
                                            weekday_agrees)

from .vocabulary import MONTHS, WEEKDAYS

_M = r"(?P<{n}>" + "|".join(sorted((m for m in MONTHS if len(m) > 3 or m == "mei"), key=len, reverse=True)) + r")\b"
_PART = r"(?P<{n}>begin|eind|einde|medio|half|halverwege|midden|eerste helft|tweede helft)"
_WD = r"(?:(?P<wd>" + "|".join(WEEKDAYS) + r")\s+)?"

RANGE_RE = re.compile(
    r"(?:van\s+|tussen\s+)?(?:" + _PART.format(n="p1") + r"\s+)?" + _M.format(n="m1") + r"(?:\s+(?P<y1>(?:19|20)\d\d))?"
    r"\s*(?:/|t/m|tot en met|tot|-|–|en)\s*(?:" + _PART.format(n="p2") + r"\s+)?" + _M.format(n="m2")
    + r"\s+(?P<y2>(?:19|20)\d\d)", re.I)
YEARRANGE_RE = re.compile(r"(?<![\d/-])(?:van\s+|periode\s+)?(?P<y1>(?:19|20)\d\d)\s*(?:–|-|—|tot en met|t/m|tot)\s*"
                          r"(?P<y2>(?:19|20)\d\d)(?![\d/-])", re.I)
# (not before a year, 18xx to 20xx: "1 januari 1899", a year out of range, is no day of an inferred year, and
# 19xx/20xx is the full-date pattern's; any other number is a count: "op 3 mei 1500 jongeren", "3 mei 2500 euro")
DAYMONTH_RE = re.compile(_WD + r"(?P<d>[0-3]?\d)(?:" + ORDINAL_SUFFIX + r"|\s+)" + _M.format(n="m") + r"(?!\s+(?:1[89]|20)\d\d\b)(?P<as>\s+(?:a\.s\.|aanstaande|as\b))?", re.I)
PART_RE = re.compile(_PART.format(n="p") + r"\s+" + _M.format(n="m") + r"(?:\s+(?P<y>(?:19|20)\d\d))?", re.I)
MONTHYEAR_RE = re.compile(_M.format(n="m") + r"\s+(?P<y>(?:19|20)\d\d)", re.I)
RELYEAR_RE = re.compile(r"(?:(?P<p>begin|eind|einde|medio)\s+)?(?P<rel>dit|volgend|vorig)\s+jaar", re.I)
YEAR_RE = re.compile(r"\b(?P<cue>per|vanaf|sinds|tot|medio|begin|eind|in|voor|na)\s+(?P<y>(?:19|20)\d\d)\b(?![-/]\d)", re.I)

#: How far from the page's publication date a date written without a year may fall (news-sites.md §2.3 "weekday +
#: day, no year": the year from the page date): the next occurrence after it or the last one before it, never a
#: year further (branch refnews65).
YEARLESS_WINDOW = dt.timedelta(days=366)
_PART_DAY = {"begin": 1, "eind": 25, "einde": 25, "medio": 15, "half": 15, "halverwege": 15, "midden": 15}
#: a past tense in the sentence places a date without a year on or before the publication date (rule 4). Branch cv51:
#: the simple past of a start as well ("De nieuwe contracten gingen op 1 januari in", "ging op 1 januari van start",
#: "startten op 1 januari", "begon") and a perfect with "gegaan" ("is op 1 januari van start gegaan"), no longer read
#: as the next 1 January, nor "zijn op 1 januari ingegaan"
#: branch cv73: a participle in a perfect with "heeft"/"hebben" -- "heeft op 20 maart een marktconsultatie gehouden",
#: "heeft ... besloten", "dat de regio ... gepubliceerd heeft". A bare "heeft"/"hebben" is the present of possession ("De
#: regio heeft op 20 maart een informatiebijeenkomst", "Aanbieders hebben tot 25 maart de tijd"): no past tense.
_HAVE_PARTICIPLE = (r"(?:(?:aan|in|uit|op|af|toe|stop|door|vast|plaats|terug|bij|mee|over|voor|na|tegen|samen|vrij)?"
                    r"(?!gemeente|gesprek|gebied|geval|gezin|gevolg|geld|gegeven|gehe|genoeg|gelden|gericht)ge\w{2,}(?:d|t|en)|"
                    r"(?:be|ver|ont|onder|her|er|mis)\w{2,}(?:d|t)|besloten|ontvangen|begonnen|vertrokken|verkregen|"
                    r"besproken|bekeken|verworven|aanbesteed)")
PAST_RE = re.compile(r"\b(?:had|hadden|werd|werden|was|waren|vond|vonden|sinds|afgelopen|geweest|"
                     r"(?:heeft|hebben)\s+(?:[\w'-]+\s+){0,14}?" + _HAVE_PARTICIPLE + r"|" + _HAVE_PARTICIPLE +
                     r"\s+(?:heeft|hebben)|"
                     r"ging|gingen|startte|startten|begon|begonnen|"
                     # branch cv56: the simple past of the verbs news tells its steps with ("Het kort geding diende op
                     # 3 maart", "tekenden op 12 februari", "besloot op 5 maart"): a day then is the last one on or
                     # before the publication, not the next (a perfect around the day: _perfect_around)
                     r"diende|dienden|tekende|tekenden|ondertekende|ondertekenden|besloot|gunde|gunden|sloot|"
                     r"koos|kozen|kreeg|kregen|oordeelde|oordeelden|deed|deden|kwam|kwamen|publiceerde|publiceerden|"
                     r"spande|spanden|trok|trokken|"
                     # branch cv73: the simple past of the verbs in -eren ("organiseerde", "presenteerde", "informeerde";
                     # not an adjective with ge-, "de gewaardeerde partner") and of houden ("hield op 29 januari")
                     r"(?!ge)\w{2,}eerden?|hield|hielden|"
                     r"is\s+(?:\w+\s+){0,6}ge\w+(?:d|t|en|aan)|"
                     # and a start with "zijn" and a separable participle ("zijn op 1 januari ingegaan")
                     r"(?:is|zijn|was|waren)\s+(?:\w+\s+){0,6}(?:in|van\s+start\s+)?ge(?:gaan|start))\b", re.I)

# kind -> cue regex, first match wins. The stage each kind belongs to is in KIND_STAGE. Only kinds a cue gives are
# here; the kinds other readers give are in READER_KINDS (branch refnews67: "publication" stood here with a pattern
# that never matches, kept for the docs' list, and classify_kind had to skip it).
EVENT_KINDS: list[tuple[str, str]] = [
    ("court_ruling", r"kort geding|vonnis|uitspraak|rechter|rechtbank|gerechtshof"),
    ("bezwaar_deadline", r"bezwaar"),
    ("inschrijf_deadline", r"in te schrijven|inschrijf|inschrijving|sluitingsdatum"),
    ("interest_registration", r"interesse kenbaar|aanmelden"),
    ("tender_publication", r"gepubliceerd|publiceren|publicatie"),
    ("reply_deadline", r"gereageerd|reageren|uiterlijk"),
    ("information_session", r"inlichtingenbijeenkomst|nota van inlichtingen"),
    ("marktconsultatie", r"marktconsultatie|consultatie"),
    ("dialogue", r"ontwikkeldialoog|dialoog|bijeenkomst|gesprekken|ontwikkeltafel"),
    ("selection", r"selectie"),
    # branch refnews78: stages.md's "voornemen tot gunning, gunningsvoornemen" (news-sites.md §3.3) and their other
    # forms, as the stage's vocabulary reads them: "gunning" in them was the definitive award's cue
    ("provisional_award", r"voorlopig(?:e)? (?:gegund|gunning|gunnen)|\bvoorgenomen gunning|\w*gunningsvoornemen|"
                          r"\bvoornemen (?:om |tot )?(?:[\w'-]+ ){0,6}?(?:gunning|te gunnen)\b|"
                          r"\bvoornemens (?:is |zijn )?(?:om )?(?:[\w'-]+ ){0,6}?te gunnen\b"),
    ("award", r"gunning|gegund|bekend wie|uitkomst|bekend is"),
    ("signing", r"\b(?:onder)?tekenen|\b(?:onder)?getekend|\bondertekend|feestelijk moment"),
    ("client_takeover", r"neemt .{0,80}over|overname|overdracht"),
    ("contract_end", r"lopen af|loopt af|aflopen van de huidige|einddatum"),
    ("transition", r"goede start|implementatie\w*|soepele overgang|overgang naar"),
    ("contract_start", r"contract|gaan in|gaat in|ingangsdatum|per \d|nieuwe model|jeugdhulp .{0,40}per|"
                       r"anders georganiseerd"),
    ("decision", r"besluit|besloten|besluitvorming"),
    ("meeting", r"bijeenkomst|overleg"),
]
#: The article event kinds no cue of EVENT_KINDS gives, each with what gives it.
READER_KINDS: dict[str, str] = {
    "publication": "the page's own labelled date line, read by extraction's one label reader (label_date)",
    "court_ruling_other": "a court_ruling cue in a sentence about a pgb or Wmo case (events)",
    "other": "a date near no cue, in a section whose heading has none either (classify_kind)",
}
#: Every kind an article's event can have: the cues' (EVENT_KINDS, in their order) and the readers' (READER_KINDS).
ARTICLE_EVENT_KINDS: list[str] = [kind for kind, _ in EVENT_KINDS] + list(READER_KINDS)
KIND_STAGE = {
    "publication": None, "court_ruling": "kort_geding", "bezwaar_deadline": "bezwaar",
    "inschrijf_deadline": "inschrijving", "interest_registration": "aankondiging",
    "tender_publication": "aankondiging", "reply_deadline": "marktconsultatie",
    "information_session": "inlichtingen", "marktconsultatie": "marktconsultatie", "dialogue": "dialoog",
    "selection": "selectie", "provisional_award": "voorlopige_gunning", "award": "definitieve_gunning",
    "signing": "contract_ondertekend", "client_takeover": "implementatie", "contract_end": None,
    "contract_start": "contractstart", "transition": "implementatie", "court_ruling_other": None, "decision": "voorbereiding", "meeting": None, "other": None,
}


@dataclass
class _Hit:
    start: int
    end: int
    sent: Sentence
    kind: str                 # full | daymonth | part | monthyear | range | year | relyear
    m: re.Match
    date: str | None = None
    date_end: str | None = None
    precision: str | None = None
    year_inferred: bool = False
    inference: str | None = None
    time: str | None = None


def _month(name: str) -> int:
    return MONTHS[name.lower()]


def _find_hits(sents: list[Sentence]) -> list[_Hit]:
    hits: list[_Hit] = []
    order = [("range", RANGE_RE), ("full", LONG_DATE), ("numeric", NUMERIC_DATE), ("iso", ISO_DATE), ("yearrange", YEARRANGE_RE), ("part", PART_RE),
             ("daymonth", DAYMONTH_RE), ("monthyear", MONTHYEAR_RE), ("relyear", RELYEAR_RE), ("year", YEAR_RE)]
    for s in sents:
        taken: list[tuple[int, int]] = []
        for kind, rx in order:
            for m in rx.finditer(s.text):
                a, b = m.span()
                if any(a < e and b > st for st, e in taken):
                    continue
                taken.append((a, b))
                if kind in ("full", "numeric", "iso") and _written_day(m) is None:
                    # no such day (31-02-2021, 14-13-2021, 29 februari 2023), or a weekday not its day ("woensdag
                    # 14 oktober 2021": a Thursday): not a date, and its span taken, so no shorter pattern reads a
                    # part of it ("29 februari" with a year inferred, "oktober 2021" as a month)
                    continue
                hits.append(_Hit(s.start + a, s.start + b, s, kind, m))
    hits.sort(key=lambda h: h.start)
    return hits


def _written_day(m: re.Match):
    """The date of a full-date match (:func:`full_date`), None where no such day exists or the weekday written
    before it is another day's: the page-date reader's one check (:func:`weekday_agrees`, branch refnews65), its
    full weekday names only (in running text "zo 1 maart 2022" is "so", not Sunday)."""
    parsed = full_date(m)
    if parsed is None or not weekday_agrees(parsed.day, m.groupdict().get("wd"), abbreviations=False):
        return None
    return parsed


def _iso(y: int, mo: int | None = None, d: int | None = None) -> str:
    if mo is None:
        return f"{y:04d}"
    if d is None:
        return f"{y:04d}-{mo:02d}"
    return f"{y:04d}-{mo:02d}-{d:02d}"


def _valid(y: int, mo: int, d: int) -> bool:
    return 1 <= d <= calendar.monthrange(y, mo)[1]


def _resolve_explicit(h: _Hit) -> None:
    m = h.m
    if h.kind in ("full", "numeric", "iso"):  # "14 december 2020 08:55" / "14-10-2021": the shared grammar
        parsed = full_date(m)
        if parsed:
            h.date, h.precision = parsed.iso[:10], "day"
            if parsed.precision == "minute":
                h.time = parsed.iso[11:]
    elif h.kind == "monthyear":
        h.date, h.precision = _iso(int(m["y"]), _month(m["m"])), "month"
    elif h.kind == "range":
        y2 = int(m["y2"])
        m1, m2 = _month(m["m1"]), _month(m["m2"])
        y1 = int(m["y1"]) if m["y1"] else (y2 if m1 <= m2 else y2 - 1)
        h.date, h.date_end, h.precision = _iso(y1, m1), _iso(y2, m2), "range"
    elif h.kind == "part" and m["y"]:
        h.date, h.precision = _iso(int(m["y"]), _month(m["m"])), "part_of_month"
    elif h.kind == "year":
        h.date, h.precision = m["y"], "year"
    elif h.kind == "yearrange" and int(m["y1"]) < int(m["y2"]) <= int(m["y1"]) + 30:
        h.date, h.date_end, h.precision = m["y1"], m["y2"], "range"


#: branch cv56: a perfect whose auxiliary comes before the day and whose participle closes the clause after it -- "De
#: contracten zijn op 12 februari getekend", "Het kort geding is op 3 maart behandeld / aangespannen", "is op 1 januari
#: stopgezet" -- tells that day past, whatever particle or prefix the participle has. Only around the day: "Daarom is
#: afgesproken om vóór 1 juli een overeenkomst af te sluiten" is a perfect before a day of the step to come.
_AUX_BEFORE_DAY = re.compile(r"\b(?:is|zijn|was|waren|heeft|hebben|had|hadden)\s+(?:[\w'-]+\s+){0,5}?$", re.I)
_PARTICIPLE_AFTER_DAY = re.compile(
    r"^(?:\s+[\w'-]+){0,3}?\s+(?:(?:aan|in|uit|op|af|toe|stop|door|vast|plaats|terug|bij|mee|over|voor|na|tegen)?"
    r"(?!gemeente|gesprek|gebied|geval|gezin|gevolg|geld|gegeven|gehe|genoeg|gelden)ge\w{2,}(?:d|t|en)|"
    r"(?:be|ver|ont|onder|her|er|mis)\w{2,}(?:d|t|en)|ingegaan|gegaan|gedaan)\s*(?:[.,;:!?)]|$|\b(?:en|maar|of|nadat|na)\b)", re.I)


#: branch cv72: how far before the publication a day without a year told in the present tense (no future marker, no
#: deadline) still counts as the one just behind the page rather than next year's (rule 4). Branch cv73: a month (31
#: days), not two. The present tells the text's own period (stages.md: a step "reported in the text's own period"), and
#: most steps a text tells are to come (news-sites §3.3 rule a), so a present-tense day further back is next year's; a
#: report of a step four weeks old is still news. The dev corpus does not decide it: the two dev pages the bound touches
#: name a day 4 and 6 days before the page, read the same under any bound from 0 to 183 days.
PRESENT_NEAR = dt.timedelta(days=31)
#: ... and what keeps such a day ahead: a future auxiliary or adverb, a deadline ("tot", "uiterlijk", "voor"), "a.s."
_AHEAD_IN_SENTENCE = re.compile(r"\b(?:zal|zullen|zult|zou|zouden|gaat|gaan|volgt|volgen|verwacht\w*|straks|later|"
                                r"komende?|volgende?|aanstaande|a\.s\.|nog|tot|t/m|uiterlijk|voor|vóór|deadline|"
                                r"wil|willen|plan\w*|gepland)\b", re.I)

#: ... and a deadline still ahead right before the day ("nog tot", "nog tot en met", "nog tot uiterlijk")
_STILL_UNTIL = re.compile(r"\bnog\s+(?:tot(?:\s+en\s+met)?|t/m)(?:\s+uiterlijk)?\s+(?:\w+dag\s+)?$", re.I)


def _perfect_around(sent: str, start: int, end: int) -> bool:
    """Is the day at ``start:end`` of ``sent`` inside a perfect, auxiliary before and participle after? (branch cv56)"""
    return bool(_AUX_BEFORE_DAY.search(sent, max(0, start - 60), start) and _PARTICIPLE_AFTER_DAY.match(sent[end:end + 60]))


#: branch cv67: a day inside a relative or "dat" clause -- "ondertekenden de nieuwe contracten, die per 1 juli ingaan",
#: "meldde dat de contracten op 1 juli ingaan" -- takes its tense from that clause's own verb, not from the main clause's
#: past: the clause runs from its pronoun (no comma between it and the day) to the next comma or the sentence's end
_OWN_CLAUSE_START = re.compile(r"\b(?:die|dat|welke|waarin|waarop|waarmee|waarna)\b[^,;:]*$", re.I)
#: ... and a simple past of a separable start that PAST_RE's bare "ging" does not hold ("die op 1 juli inging")
_SEPARABLE_PAST = re.compile(r"\b(?:in|af|door|over|rond)ging(?:en)?\b", re.I)


def _past_at(sent: str, start: int, end: int) -> bool:
    """Is the day at ``start:end`` of ``sent`` told in a past tense? The sentence's tense (:data:`PAST_RE`), or a perfect
    around the day (:func:`_perfect_around`); but a day inside a relative or "dat" clause has that clause's own tense
    (branch cv67)."""
    if _perfect_around(sent, start, end):
        return True
    own = _OWN_CLAUSE_START.search(sent, max(0, start - 80), start)
    if own is not None:
        stop = re.compile(r"[,;:]").search(sent, end)
        clause = sent[own.start():stop.start() if stop else len(sent)]
        return bool(PAST_RE.search(clause) or _SEPARABLE_PAST.search(clause))
    return bool(PAST_RE.search(sent))


def _occurrence(mo: int, d: int, ref: dt.date, after: bool) -> dt.date | None:
    """Next occurrence of day/month on or after ``ref`` (or last one on or before it)."""
    years = range(ref.year, ref.year + 3) if after else range(ref.year, ref.year - 3, -1)
    for y in years:
        if _valid(y, mo, d):
            cand = dt.date(y, mo, d)
            if (after and cand >= ref) or (not after and cand <= ref):
                return cand
    return None


def _to_date(iso: str) -> dt.date:
    parts = [int(p) for p in iso.split("-")]
    return dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def stated_publication(sents: list[Sentence]) -> dt.date | None:
    """The day a text's own labelled date line states (:func:`label_date` of tenderarchive/extraction/dates.py, the
    page-date reader's label families: "Gepubliceerd op", "Geplaatst op", "Datum bericht", "Bericht van", …), a
    publication label's first, else Joomla's "Aangemaakt op"; None without one. Branch refnews66: the analysis had
    its own pattern of three labels, so "Geplaatst op 3 maart 2022" left a text undated."""
    created = None
    for s in sents:
        stated = label_date(s.text)
        if stated and stated[1] == "published":
            return stated[0].day
        created = created or (stated[0].day if stated else None)
    return created


def extract_dates(sents: list[Sentence], published: dt.date | None = None) -> tuple[list[_Hit], dt.date | None]:
    """Return resolved date hits and the reference date ("now" of the text)."""
    hits = _find_hits(sents)
    for h in hits:
        _resolve_explicit(h)
    explicit = [h for h in hits if h.date and h.kind in ("full", "numeric", "iso", "monthyear", "range", "part")
                and not (h.kind == "range" and len(h.date) == 4)]
    # A page's labelled date line ("Gepubliceerd op: …", "Datum bericht: …", "Bericht van …") counts as the publication
    # date when none is given: read by extraction's one reader of such a line (label_date, branch refnews66)
    ref = published if published is not None else stated_publication(sents)
    years = sorted({int(h.date[:4]) for h in explicit})
    context_year = ref.year if ref else (years[0] if years else None)
    earliest_explicit = min((_to_date(h.date) for h in explicit), default=None)
    inferred_ref: dt.date | None = None

    def yearless(h: _Hit) -> None:
        nonlocal inferred_ref
        m = h.m
        mo = _month(m["m"])
        d = int(m["d"]) if h.kind == "daymonth" else _PART_DAY.get(m["p"].lower().split()[0], 15)
        is_day = h.kind == "daymonth"
        past = _past_at(h.sent.text, *h.m.span())
        if past and _STILL_UNTIL.search(h.sent.text, max(0, h.m.start() - 30), h.m.start()):
            past = False  # branch cv72: "hebben nog tot 25 maart de tijd": a deadline still ahead, whatever verb has it
        year, rule = None, None
        # the weekday written before the day, where it is: a year is one whose date falls on it (the one check of
        # the page-date reader, :func:`weekday_agrees`)
        agrees = lambda y: _valid(y, mo, d) and weekday_agrees(dt.date(y, mo, d), m["wd"] if is_day else None)  # noqa: E731
        # 1. same day+month elsewhere with a year
        if is_day:
            for e in explicit:
                if e.precision == "day" and e.date[5:] == f"{mo:02d}-{d:02d}" and agrees(int(e.date[:4])):
                    year, rule = int(e.date[:4]), "same_date_in_text"
                    break
        # 2. a.s. -> after nearest preceding explicit date
        if year is None and is_day and m["as"]:
            prev = [e for e in explicit if e.start < h.start and e.precision in ("day", "month")]
            base = _to_date(prev[-1].date) if prev else ref
            if base:
                occ = _occurrence(mo, d, base, after=True)
                if occ and agrees(occ.year):
                    year, rule = occ.year, "aanstaande"
        # 3. weekday: with a publication date, the day within YEARLESS_WINDOW of it whose weekday is the one written
        # (the tense's side first), else no date at all; without one, the year nearest the text's context year
        if year is None and is_day and m["wd"] and ref:
            sides = [_occurrence(mo, d, ref, after=not past), _occurrence(mo, d, ref, after=past)]
            occ = next((o for o in sides if o and abs(o - ref) <= YEARLESS_WINDOW and agrees(o.year)), None)
            if occ is None:
                return  # "woensdag 14 maart" on a page of 4 March 2024 (a Thursday then): no day near the page
            year, rule = occ.year, "weekday"
            inferred_ref = inferred_ref or occ
        elif year is None and is_day and m["wd"] and context_year:
            cands = [y for y in range(context_year - 7, context_year + 8) if agrees(y)]
            if cands:
                year = min(cands, key=lambda y: (abs(y - context_year), y))
                rule = "weekday"
                inferred_ref = inferred_ref or dt.date(year, mo, d)
        # 4. relative to the publication date: the last occurrence on or before it (past tense), else the next one
        # on or after it, within YEARLESS_WINDOW; none there ("29 februari" on a page of 2021) is no date, the
        # publication date deciding alone (rules 5 and 6 are for a page without one)
        if year is None and ref:
            occ = _occurrence(mo, d, ref, after=not past)
            if not past and is_day and not _AHEAD_IN_SENTENCE.search(h.sent.text):
                # branch cv72: a day told in the present tense without a future marker, days before the publication
                # ("De regio organiseert op 28 februari een marktconsultatie" on a page of 4 March) is this one, not
                # next year's: the last one before the page when it lies within PRESENT_NEAR of it
                before = _occurrence(mo, d, ref, after=False)
                if before is not None and ref - before <= PRESENT_NEAR:
                    occ = before
            if occ is None or abs(occ - ref) > YEARLESS_WINDOW:
                return
            year, rule = occ.year, "published"
        # 5. before the earliest explicit date (past tense, no publication date)
        if year is None and past and earliest_explicit:
            y = earliest_explicit.year
            while y > earliest_explicit.year - 3 and (not _valid(y, mo, d) or dt.date(y, mo, d) >= earliest_explicit):
                y -= 1
            year, rule = y, "before_planned_dates"
            inferred_ref = inferred_ref or dt.date(y, mo, d)
        # 6. nearest preceding explicit year
        if year is None:
            prev = [e for e in explicit if e.start < h.start]
            src = prev[-1] if prev else (explicit[0] if explicit else None)
            if src:
                year, rule = int(src.date[:4]), "nearest_explicit_year"
        if year is None or (is_day and not _valid(year, mo, d)):
            return
        h.year_inferred, h.inference = True, rule
        if is_day:
            h.date, h.precision = _iso(year, mo, d), "day"
        else:
            h.date, h.precision = _iso(year, mo), "part_of_month"

    # weekday/past-tense dates first: they may define the text's own "now"
    pending = [h for h in hits if h.date is None and h.kind in ("daymonth", "part")]
    pending.sort(key=lambda h: 0 if (h.kind == "daymonth" and h.m["wd"]) else 1)
    for h in pending:
        yearless(h)
    now = ref or inferred_ref
    for h in hits:
        if h.kind == "relyear" and now:
            y = now.year + {"dit": 0, "volgend": 1, "vorig": -1}[h.m["rel"].lower()]
            h.year_inferred, h.inference = True, "published" if ref else "text_reference_date"
            if h.m["p"]:
                h.date, h.precision = _iso(y, 12 if h.m["p"].lower().startswith("eind") else
                                              (1 if h.m["p"].lower() == "begin" else 6)), "part_of_month"
            else:
                h.date, h.precision = _iso(y), "year"
    return [h for h in hits if h.date], now


_CUE_WINDOW = 400  # characters either side of a date scanned for its cue (cues count within 140)


def classify_kind(sentence: str, span: tuple[int, int] | None = None, heading: str | None = None) -> str:
    """Kind of the date at ``span`` in ``sentence``: the cue nearest to the date wins
    (ties: order of :data:`EVENT_KINDS`); the section heading is the fallback."""
    if label_date(sentence):  # the page's own date line (extraction's one reader, branch refnews66)
        return "publication"
    a, b = span or (0, 0)
    if span and len(sentence) > 2 * _CUE_WINDOW + (b - a):
        # Only cues within 140 characters count, and a cue is far shorter than the window:
        # scan around the date, not the whole sentence (a "sentence" of a page without full
        # stops and many dates made this quadratic; issue 13).
        low = max(0, a - _CUE_WINDOW)
        sentence, a, b = sentence[low:b + _CUE_WINDOW], a - low, b - low
    best: tuple[int, int, str] | None = None
    for rank, (kind, rx) in enumerate(EVENT_KINDS):
        for m in re.finditer(rx, sentence, re.I):
            dist = 0 if m.start() < b and m.end() > a else min(abs(m.start() - b), abs(a - m.end()))
            if dist <= 140 and (best is None or (dist, rank) < best[:2]):
                best = (dist, rank, kind)
    if best:
        return best[2]
    if heading:
        return classify_kind(heading)
    return "other"


def events(sents: list[Sentence], published: dt.date | None = None) -> tuple[list[dict], dt.date | None]:
    hits, now = extract_dates(sents, published)
    out = []
    seen: set[tuple] = set()  # one event per date, kind and sentence (its event_id: store/keys.py)
    for h in hits:
        ctx = h.sent.text
        span = (h.start - h.sent.start, h.end - h.sent.start)
        kind = classify_kind(ctx, span, h.sent.heading)
        if kind == "court_ruling" and re.search(r"\bpgb\b|\bwmo\b", ctx, re.I):
            kind = "court_ruling_other"
        ev = {"date": h.date, "date_end": h.date_end, "precision": h.precision, "kind": kind,
              "stage": KIND_STAGE.get(kind), "sentence": ctx, "year_inferred": h.year_inferred,
              "inference": h.inference, "text": h.m.group(0).strip()}
        if h.time:
            ev["time"] = h.time
        key = (ev["date"], ev["date_end"], kind, ctx)
        if key in seen:
            continue  # "per 1 januari 2024 ..., op 1 januari 2024 ...": one contract start, not two
        seen.add(key)
        out.append(ev)
    return out, now
