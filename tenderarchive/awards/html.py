"""Award data from a notice's ``/publicaties/{id}/html`` rendering, both layouts.

The endpoint answers ``{"html": "<table>…"}``. Two layouts occur
(docs/awards.md, "The /html rendering"):

- **eForms** (late 2023 on): one table whose ``<tr class="header1|2|3">`` rows
  open sections ("6. Resultaten"), sub-sections ("6.1 ID resultaat perceel:
  LOT-0001") and sub-sub-sections ("6.1.2 Informatie over winnaars"); other
  rows are label/value pairs, amounts (value span + currency span) or
  label-only rows that open a block ("Winnaar", "Inschrijving", …). Rows are
  read in document order and keyed by their *label text* (both Dutch label
  sets and English), never by position.
- **Older standard forms** ("Afdeling V: Gunning van een opdracht", one block
  per contract or lot): the markup is linearised into text lines (headings,
  paragraphs split at ``<br>``, ``<dt>``/``<dd>`` pairs) and read line by line.

Anything else is an unknown layout: nothing is guessed.

Output is plain dicts — ``lots``, ``awards`` (one per awarded lot result),
``suppliers`` (one per winner, consortium members each their own row) — plus
``problems``, a list of what could not be read. Malformed input never raises.
The HTML is parsed with lxml; the reading rules are written here because no
library knows TenderNed's rendering. This module holds the envelope, the layout
dispatch, the shared cell readers and the rows; each layout's reader is a module
of its own: :mod:`tenderarchive.awards.html_eforms` and
:mod:`tenderarchive.awards.html_standard`.
"""

from __future__ import annotations

import functools
import json
import pickle
import re
import unicodedata
from datetime import date

from tenderarchive.awards.amounts import MISSING, Amount, vat_basis
from tenderarchive.awards.names import foreign_country, kvk_number, name_key, split_address

@functools.lru_cache(maxsize=4096)
def _norm(text: str | None) -> str:
    """A label as matched: accents off, typographic apostrophes plain, whitespace folded, no trailing colon, lower case
    (cached: a rendering repeats the same few hundred labels)."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c)).replace("\u2019", "'").replace("\u2018", "'")
    return re.sub(r"\s+", " ", text).strip().rstrip(":").strip().lower()


_SPACES = re.compile(r"\s+")
_BRACKETED = re.compile(r"^\[\s*(.*?)\s*\]\s*-*$")


def _clean(text: str | None) -> str | None:
    # Every cell of every row of a rendering passes here (issue 14): the patterns compiled once,
    # and the bracket pattern, anchored on "[", only tried on a text that starts with one.
    if text is None:
        return None
    text = _SPACES.sub(" ", text.replace("\u00a0", " ")).strip()
    if text.startswith("["):
        text = _BRACKETED.sub(r"\1", text)  # older rendering: "[ Marsh B.V. ] ---"
    return text or None


def party_name(text: str | None) -> str | None:
    """A printed organisation name, or None when the field says it is not there: the eForms text of an
    unpublished field ("niet gepubliceerd", reference §2.3) or a dash is no name (it would become one
    organisation "niet gepubliceerd" that every withheld winner joins)."""
    name = _clean(text)
    return None if name is None or _norm(name).rstrip(".") in MISSING else name


#: English month names of an English rendering ("15 May 2026", "May 15, 2026"); the Dutch ones
#: ("15 mei 2026", "3 okt. 2025") are the project's one table in tenderarchive/extraction/dates.py.
ENGLISH_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
    "nov": 11, "dec": 12,
}
_EN_MONTH = "|".join(sorted(ENGLISH_MONTHS, key=len, reverse=True))
_EN_DAY_MONTH = re.compile(r"(?<!\d)(\d{1,2})(?:st|nd|rd|th)?\s+(" + _EN_MONTH + r")\.?,?\s+(\d{4})\b", re.I)
_EN_MONTH_DAY = re.compile(r"\b(" + _EN_MONTH + r")\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b", re.I)
#: German and French month names (CLDR's wide and abbreviated forms, accents folded) of a German or French rendering
#: ("26. Juni 2023", "1er juin 2023", "3 févr. 2025"), whose labels are read (html_eforms.GERMAN, FRENCH)
OTHER_MONTHS = {
    "januar": 1, "janner": 1, "februar": 2, "marz": 3, "mar": 3, "april": 4, "mai": 5, "juni": 6, "juli": 7, "august": 8,
    "september": 9, "oktober": 10, "november": 11, "dezember": 12, "feb": 2, "okt": 10, "dez": 12,
    "janvier": 1, "fevrier": 2, "mars": 3, "avril": 4, "juin": 6, "juillet": 7, "aout": 8, "septembre": 9,
    "octobre": 10, "novembre": 11, "decembre": 12, "janv": 1, "fevr": 2, "avr": 4, "juil": 7, "sept": 9, "oct": 10,
    "nov": 11, "dec": 12,
}
_OTHER_DAY_MONTH = re.compile(r"(?<!\d)(\d{1,2})(?:er|\.)?\s+(" + "|".join(sorted(
    (re.escape(m) for m in OTHER_MONTHS), key=len, reverse=True)) + r")\.?\s+(\d{4})\b", re.I)


def parse_notice_date(text: str | None) -> str | None:
    """A printed date as ``YYYY-MM-DD``; None when it is not a date.

    The eForms rendering writes "15/05/2026" (newer set) or "2023-06-26+02:00" (older set); a date is
    also read when written out in Dutch, English, German or French ("15 mei 2026", "15 May 2026", "May 15, 2026",
    "15. Mai 2026", "1er juin 2026") or with dots ("15.05.2026").

    >>> [parse_notice_date(t) for t in ("15/05/2026", "2023-06-26+02:00", "15 mei 2026", "May 15, 2026")]
    ['2026-05-15', '2023-06-26', '2026-05-15', '2026-05-15']
    """
    if not text:
        return None
    text = text.replace("\u00a0", " ").strip()
    try:
        if m := re.search(r"\b(\d{1,2})([/.-])(\d{1,2})\2(\d{4})\b", text):
            return date(int(m.group(4)), int(m.group(3)), int(m.group(1))).isoformat()
        if m := re.search(r"\b(\d{4})-(\d{2})-(\d{2})", text):
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
        # the Dutch date grammar of the news pages, imported on the first date written out (issue 14: a reparse of
        # notices whose dates are all numeric does not compile its 45 patterns)
        from tenderarchive.extraction.dates import LONG_DATE, full_date

        if m := LONG_DATE.search(text):
            parsed = full_date(m)
            return parsed.iso[:10] if parsed else None
        if m := _EN_DAY_MONTH.search(text):
            return date(int(m.group(3)), ENGLISH_MONTHS[m.group(2).lower()], int(m.group(1))).isoformat()
        if m := _EN_MONTH_DAY.search(text):
            return date(int(m.group(3)), ENGLISH_MONTHS[m.group(1).lower()], int(m.group(2))).isoformat()
        folded = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
        if m := _OTHER_DAY_MONTH.search(folded):
            return date(int(m.group(3)), OTHER_MONTHS[m.group(2).lower()], int(m.group(1))).isoformat()
    except ValueError:
        return None
    return None


@functools.lru_cache(maxsize=1)
def _month_forms() -> tuple[re.Pattern, dict]:
    """The pattern of a month printed without its day, and its month names (Dutch: the project's one table in
    tenderarchive/extraction/dates.py, imported on the first such date; English), compiled once."""
    from tenderarchive.extraction.dates import MONTHS

    names = {**ENGLISH_MONTHS, **MONTHS}
    alternatives = "|".join(sorted(names, key=len, reverse=True))
    return re.compile(r"(?i)(?<![\w.])(?:(?P<name>" + alternatives + r")\.?,?\s+(?P<year>\d{4})"
                      r"|(?P<m>\d{1,2})[/.-](?P<y>\d{4})|(?P<iy>\d{4})-(?P<im>\d{2}))(?![\w]|[/.-]\d)"), names


def parse_notice_month(text: str | None) -> str | None:
    """A date printed to its month only, as the archive keeps a month, ``YYYY-MM``: "januari 2021", "jan. 2021",
    "January 2021", "01/2021", "2021-01" are "2021-01"; None when it is a whole date (:func:`parse_notice_date`
    reads that) or no month of a year. A winner's or contract date known only to its month was read as no date."""
    if not text or parse_notice_date(text):
        return None
    pattern, names = _month_forms()
    match = pattern.search(text.replace("\u00a0", " "))
    if match is None:
        return None
    if match.group("name"):
        year, month = int(match.group("year")), names[match.group("name").lower()]
    elif match.group("m"):
        year, month = int(match.group("y")), int(match.group("m"))
    else:
        year, month = int(match.group("iy")), int(match.group("im"))
    return f"{year:04d}-{month:02d}" if 1 <= month <= 12 and 1000 <= year else None


def parse_notice_day_or_month(text: str | None) -> str | None:
    """A winner's or contract date as precise as printed: a day ``YYYY-MM-DD`` (:func:`parse_notice_date`), else a
    month ``YYYY-MM`` (:func:`parse_notice_month`; the timeline says "januari 2021", ``timeline.award_events``
    dates it to its month); None when it is neither."""
    return parse_notice_date(text) or parse_notice_month(text)


def tender_count(text: str | None) -> int | None:
    """A number of tenders received ("12", "12 inschrijvingen"); None when it holds no digits or more
    than nine (no procedure receives a billion tenders; SQLite integers stay in range)."""
    digits = re.sub(r"\D", "", text or "")
    return int(digits) if 0 < len(digits) <= 9 else None


def amount_fields(prefix: str, amount: Amount | None) -> dict:
    """Flatten an amount into ``{prefix}_cents`` (NULL for placeholders and ranges), ``_raw``, ``_currency``,
    ``_placeholder``; ranges also give ``_low_cents``/``_high_cents``."""
    if amount is None:
        amount = Amount(None, missing=True)
    out = {f"{prefix}_cents": amount.value_cents, f"{prefix}_raw": amount.raw,
           f"{prefix}_currency": amount.currency if not amount.missing else None,
           f"{prefix}_placeholder": 1 if amount.placeholder else (None if amount.cents is None else 0)}
    if amount.is_range:
        out[f"{prefix}_low_cents"], out[f"{prefix}_high_cents"] = amount.low_cents, amount.high_cents
    return out


class _ByIdentity:
    """The last objects read and what each gave, by identity (issue 14): the objects are held, so an
    ``id`` is never reused while its entry lives. At most ``entries`` of them and ``chars`` characters
    (or bytes) of them in all, the oldest let go first; a longer object is not kept."""

    def __init__(self, entries: int, chars: int):
        self.entries, self.chars = entries, chars
        self.held: dict[int, tuple] = {}
        self.size = 0

    def get(self, key):
        entry = self.held.get(id(key))
        return entry[1] if entry is not None and entry[0] is key else None

    def put(self, key, value) -> None:
        if len(key) > self.chars:
            return
        held = self.held
        if (old := held.pop(id(key), None)) is not None:
            self.size -= len(old[0])
        while held and (len(held) >= self.entries or self.size + len(key) > self.chars):
            self.size -= len(held.pop(next(iter(held)))[0])
        held[id(key)] = (key, value)
        self.size += len(key)

    def clear(self) -> None:
        self.held.clear()
        self.size = 0


#: The bodies :func:`unwrap` read lately and what each gave (issue 14: the spider unwraps a notice's
#: ``/html`` to check it, then the awards pipeline unwraps the same body again — the JSON envelope of a
#: 64 KB rendering parsed twice, and its layout searched twice). More than the last one (round 38): a
#: one-process reparse runs the pipelines over batches of 64 items (``replay.direct.BATCH``), so the
#: spider's checks of up to 63 other notices come between a body's two reads. Bounded in bytes too, so a
#: crawl (its pipelines right after the check) holds a few MB at most.
_UNWRAPPED = _ByIdentity(entries=160, chars=16 << 20)
_LAYOUTS = _ByIdentity(entries=160, chars=16 << 20)


def unwrap(body) -> tuple[str | None, list[str]]:
    """The HTML inside the ``{"html": …}`` envelope (bytes, text or a parsed dict), or the body
    itself when it is the rendering sent bare (``text/html``, as a mirror or another ``Accept``
    gives it): it starts with a tag, which no JSON does. A bytes or text object read lately (the
    same object, not an equal one) is not read again."""
    if isinstance(body, (bytes, str)):
        if (known := _UNWRAPPED.get(body)) is not None:
            return known[0], list(known[1])
        html, problems = _unwrap(body)
        _UNWRAPPED.put(body, (html, tuple(problems)))
        return html, problems
    return _unwrap(body)


def _unwrap(body) -> tuple[str | None, list[str]]:
    try:
        if isinstance(body, (bytes, bytearray)):
            # JSON's own encodings (UTF-8, a BOM dropped, or UTF-16/32 by the first bytes: RFC 8259),
            # as the spider reads the API's other answers; a BOM left in failed the JSON parse and
            # the award notice was archived without its awards
            body = body.decode(json.detect_encoding(body), errors="replace")
        if isinstance(body, str):
            body = body.removeprefix("\ufeff")
        if isinstance(body, str) and body.lstrip("\ufeff \t\r\n").startswith("<"):
            return body.lstrip("\ufeff \t\r\n"), []
        data = json.loads(body) if isinstance(body, str) else body
    except (ValueError, TypeError, RecursionError) as exc:  # RecursionError: nesting deeper than Python's stack
        return None, [f"envelope is not JSON: {str(exc)[:200]}"]
    if not isinstance(data, dict):
        return None, ["envelope is not an object"]
    html = data.get("html")
    if isinstance(html, str) and not html.strip():
        # the envelope TenderNed sends, its rendering empty: a broken answer (tenderned-awards.md §2.1, WAI:
        # "malformed"), asked again as one; said as what came, it read "no html", as if the key were missing
        return None, [f"envelope's html is {'empty' if not html else 'only whitespace'}"]
    if not isinstance(html, str):
        return None, ["envelope has no html"]
    return html, []


def detect_layout(html: str) -> str:
    if isinstance(html, str):
        if (layout := _LAYOUTS.get(html)) is None:  # not the rendering the spider checked, or not lately
            layout = _detect_layout(html)
            _LAYOUTS.put(html, layout)
        return layout
    return _detect_layout(html)


def _detect_layout(html: str) -> str:
    if re.search(r"<tr[^>]*class=[\"'][^\"']*\bheader1\b", html):
        return "eforms"
    if re.search(r"Afdeling\s+(I|V)\b", html):
        return "standard"
    return "unknown"


def parse_response(body) -> dict:
    """Parse a ``/html`` response body (the JSON envelope). Never raises."""
    html, problems = unwrap(body)
    if html is None:
        return empty_parse("unknown", problems)
    result = parse_html(html)
    result["problems"] = problems + result["problems"]
    return result


#: The last rendering :func:`parse_html` read and what it gave, pickled (issue 14: the spider reads an
#: award notice's rendering to see whether it names a winner, ``TenderNedSpider.names_no_winner``, and the
#: awards pipeline then parses the same text again for its rows — a 64 KB rendering is 12–24 ms a parse).
#: Pickled, so each caller gets its own copy (the pipeline adds to a result's ``problems``).
_LAST_PARSED: list = [None, b""]

#: The renderings :func:`parse_html` read lately by identity, pickled (round 38 of issue 14): in a one-process
#: reparse the awards pipeline runs over batches of 64 items, so the spider's checks of other award notices
#: come between a rendering's check and its pipeline parse, and the last text alone missed — each award
#: notice's rendering was parsed twice. The pipeline's text is the spider's object (:func:`unwrap` hands out
#: the one it read), so identity finds it.
_PARSED = _ByIdentity(entries=160, chars=16 << 20)


def parse_html(html: str) -> dict:
    """Parse the rendering itself (the envelope's ``html``). Never raises. The same text as the last
    call's, or a text object read lately, is not read again: its result is handed out as a fresh copy."""
    if isinstance(html, str):
        if html == _LAST_PARSED[0]:
            return pickle.loads(_LAST_PARSED[1])
        if (pickled := _PARSED.get(html)) is not None:
            return pickle.loads(pickled)
    result = _parse_html(html)
    try:
        _LAST_PARSED[:] = [html, pickle.dumps(result, pickle.HIGHEST_PROTOCOL)] if isinstance(html, str) else [None, b""]
    except Exception:  # noqa: BLE001 — a value pickle cannot copy: not kept, read again next time
        _LAST_PARSED[:] = [None, b""]
    if _LAST_PARSED[0] is not None:
        _PARSED.put(html, _LAST_PARSED[1])
    return result


def _parse_html(html: str) -> dict:
    # The layout readers import this module's cell readers, so they are imported here, not at the top.
    from tenderarchive.awards.html_eforms import EFormsReader
    from tenderarchive.awards.html_standard import StandardReader

    layout = detect_layout(html or "")
    try:
        if layout == "eforms":
            return EFormsReader(html).parse()
        if layout == "standard":
            return StandardReader(html).parse()
    except Exception as exc:  # noqa: BLE001 — malformed markup must never stop a crawl
        return empty_parse(layout, [f"parser failed: {type(exc).__name__}: {exc}"])
    return empty_parse("unknown", ["unknown layout: neither eForms rows nor 'Afdeling' sections"] if html else [])


def empty_parse(layout, problems):
    """A parse of nothing (no lots, awards or winners) in ``layout`` with its ``problems``: an unreadable answer, or
    layout "none" for a notice TenderNed has no rendering of (its ``/html`` answered 404 or 410, pipelines/awards.py)."""
    return {"layout": layout, "language": None, "buyer": None, "procedure": {}, "lots": [], "awards": [],
            "suppliers": [], "problems": list(problems)}


def _lot(lot_id):
    return {"lot_id": lot_id, "title": None, "cpv": None, "awarded": None, "not_awarded_reason": None,
            "tenders_received": None, "received_counts": {}, "estimated": None, "framework_maximum": None,
            "framework_reestimate": None, "lowest_tender": None, "highest_tender": None, "shared_value": None}


def _finish(layout, language, buyer, procedure, lots: dict, results: dict, orgs: list, problems) -> dict:
    """Turn the collected lot results into lots / awards / suppliers rows."""
    buyer_org = _buyer_org(orgs, buyer)
    by_key = _OrgFinder(orgs, buyer_org)
    buyer_kvk = kvk_number(buyer_org.get("registration")) if buyer_org else None
    # Fallback: "Winnaar van deze percelen" in section 8 when a lot result names no winner. Every
    # organisation that section 8 names as a winner of such a lot is one (a lot can have several).
    # A winner block without a name (reference §2.5: it occurs) takes the name section 8 gives the
    # lot's winner, keeping the block's value and dates; further section 8 winners are added.
    named = {lot_id for lot_id, result in results.items() if any(not w.get("empty") for w in result.get("winners", []))}
    for org in orgs:
        for lot_id in dict.fromkeys(org.get("winner_of", [])):
            if lot_id not in named and org.get("name"):
                if lot_id in results and (results[lot_id].get("awarded") is False or results[lot_id].get("open")):
                    # the lot's own result says no winner was chosen (a correction withdrawing the award, its
                    # section 8 left as it was): that status stands, and the contradiction is said
                    problems.append(f"{lot_id}: section 8 names {org['name']!r} winner of a lot whose result "
                                    "says no winner was chosen; not read as its winner")
                    continue
                result = results.setdefault(lot_id, {"winners": [], "awarded": None})
                blank = _blank_for(result["winners"], org)
                if blank is not None:
                    blank.update(name=org["name"], empty=False, from_section_8=True)
                else:
                    result["winners"].append({"name": org["name"], "from_section_8": True})
    _blanks_beside_named_winners(results, orgs, buyer_org, named)
    _group_members_from_section_8(results, orgs, buyer_org)
    _lot_group_values_once(results, problems)
    out_lots, awards, suppliers = [], [], []
    for lot_id in list(dict.fromkeys([*lots, *results])):
        lot = lots.get(lot_id) or _lot(lot_id)
        result = results.get(lot_id, {})
        for key in ("tenders_received", "lowest_tender", "highest_tender", "framework_maximum",
                    "framework_reestimate", "not_awarded_reason", "shared_value"):
            if result.get(key) is not None:
                lot[key] = result[key]
        lot["received_counts"] = result.get("received_counts") or lot["received_counts"]
        # an older form gives one block per contract: a lot awarded in several contracts has several parts
        parts = _one_lot_value(result, [result, *result.get("contracts", [])], lot["shared_value"])
        winners = [w for part in parts for w in part.get("winners", []) if not w.get("empty")]
        awarded = result.get("awarded")
        if any(part.get("awarded") for part in parts[1:]):
            awarded = True
        # (a winner block without a name is a winner all the same, reference §2.5: a lot whose only winner it is
        # is awarded, as an OCDS award in force naming no supplier awards its lot)
        won = winners or [w for part in parts for w in part.get("winners", []) if w.get("empty")]
        if awarded is None and result:
            awarded = bool(won) if (won or result.get("closed")) else None
        lot["awarded"] = awarded
        row = {"lot_id": lot_id, "title": lot["title"], "cpv": lot["cpv"],
               "awarded": None if awarded is None else int(bool(awarded)),
               "not_awarded_reason": lot["not_awarded_reason"], "tenders_received": lot["tenders_received"],
               "received_counts": json.dumps(lot["received_counts"], ensure_ascii=False) if lot["received_counts"] else None}
        row.update(amount_fields("estimated", lot["estimated"]))
        row.update(amount_fields("framework_maximum", lot["framework_maximum"]))
        row.update(amount_fields("framework_reestimate", lot["framework_reestimate"]))
        row.update(amount_fields("lowest_tender", lot["lowest_tender"]))
        row.update(amount_fields("highest_tender", lot["highest_tender"]))
        if lot_id not in lots and re.fullmatch(r"(?i)GLO-\w+", lot_id):
            # a group of lots (BT-13714, GLO-…) named as won ("Winnaar van deze percelen: GLO-0001") is never a
            # lot: its award is kept under the group's id (as an OCDS award of a group no release describes),
            # and no lot "GLO-0001" is made beside the notice's lots
            problems.append(f"{lot_id}: a group of lots, no lot; its award kept under the group's id")
        else:
            out_lots.append(row)
        nameless = [w for part in parts for w in part.get("winners", []) if w.get("empty")]
        if nameless:
            # what such a winner's block printed (its tender value) is said, not lost with the name
            printed = [w["value"].raw for w in nameless if w.get("value") is not None and w["value"].raw
                       and not w["value"].missing]
            problems.append(f"{lot_id}: {len(nameless)} winner(s) without an official name"
                            + (f" (tender value {', '.join(repr(v) for v in printed)})" if printed else ""))
        for part in parts:
            _award_rows(lot_id, lot, part, lot["shared_value"] if part is result else part.get("shared_value"),
                        by_key, awards, suppliers, problems, buyer, buyer_kvk)
    if len(out_lots) == 1 and len(lots) == 1 and out_lots[0]["estimated_raw"] is None \
            and isinstance(procedure.get("estimated"), Amount):
        # the procedure's estimate (2.1.3 "Geraamde waarde", II.1.5) is the estimate of its one lot where the notice
        # describes one lot and prints no estimate of the lot's own (reference §2.3: "Estimated value, procedure … or
        # lot"), as an OCDS package's tender.value is its single lot's (awards.ocds): the same lot read from the /html,
        # its PDF or a package had an estimate from the package alone
        out_lots[0].update(amount_fields("estimated", procedure["estimated"]))
    flat = {}
    for key, value in procedure.items():
        flat.update(amount_fields(key, value) if isinstance(value, Amount) else {key: value})
    foreign = {(key[:-len("_currency")], row.get(key[:-len("_currency")] + "_raw"), code)
               for row in (flat, *out_lots, *awards, *suppliers) for key, code in row.items()
               if key.endswith("_currency") and code and code != "EUR"}
    problems.extend(f"{name} {raw!r} is in {code}, not euro: kept as printed, no cents" for name, raw, code in
                    sorted(foreign, key=str))
    return {"layout": layout, "language": language, "buyer": buyer, "procedure": flat, "lots": out_lots,
            "awards": awards, "suppliers": suppliers, "problems": problems}


def _lot_group_values_once(results: dict, problems: list) -> None:
    """A winner's tender for a group of lots (eForms BT-13714 "Identificatiecode van het perceel of de groep percelen:
    GLO-0001", reference §2.3, §4 "Different winners per lot": each tender names its lot or group again) is printed
    under each lot result of the group, with the group's one value: that value is counted once, on the first lot
    result printing it; the winner stays a winner of each lot, and the repeats are said in the problems. Each repeat
    was the value of its lot's award, the group's value counted once per lot in every total (as an OCDS award of
    several lots is counted once, awards.ocds). Only the same winner's same value for the same group, in other lot
    results: winners of other values, or of a tender for one lot, keep theirs."""
    first: dict[tuple, str] = {}
    for lot_id, result in results.items():
        for winner in result.get("winners", []):
            group, value = str(winner.get("tender_lot") or ""), winner.get("value")
            if not re.fullmatch(r"(?i)GLO-\w+", group) or value is None or value.cents is None:
                continue
            who = name_key(winner.get("name") or winner.get("group_name") or winner.get("leader")
                           or ", ".join(winner.get("members") or [])) or ""
            key = (group.upper(), who, value.cents, value.currency or "EUR")
            if key not in first:
                first[key] = lot_id
            elif first[key] != lot_id:
                winner["value"] = None
                problems.append(f"{lot_id}: tender value {value.raw!r} of {group} counted once, on {first[key]}")


def _blanks_beside_named_winners(results: dict, orgs: list, buyer_org: dict | None, named: set) -> None:
    """A winner block without a name on a lot whose other winners are named (several winners per lot, reference §4;
    "a winner block without any name occurs", §2.5) takes the name of the winner of that lot that section 8 names
    ("Winnaar van deze percelen", §2.5: section 8 lists every organisation again) and the lot's blocks do not: that
    winner, its KvK number and the nameless block's tender value were lost, the winner said to be nameless, because
    section 8 was read only for lots naming no winner at all. Only where section 8 leaves exactly as many such
    winners as there are nameless blocks (then each is one of them, in order); otherwise nothing is guessed."""
    for lot_id in named:
        result = results.get(lot_id) or {}
        blanks = [w for w in result.get("winners", []) if w.get("empty")]
        if not blanks or result.get("awarded") is False or result.get("open"):
            continue
        printed = {name_key(n) for w in result["winners"] if not w.get("empty")
                   for n in (w.get("name"), w.get("leader"), w.get("group_name"), *(w.get("members") or ())) if n}
        # a named winner's own KvK number, printed in its block, is that winner under section 8's (legal) name
        numbers = {w.get("kvk") for w in result["winners"] if not w.get("empty") and w.get("kvk")}
        found = {}
        for org in orgs:
            if org.get("name") and org is not buyer_org and lot_id in (org.get("winner_of") or []) \
                    and name_key(org["name"]) not in printed and kvk_number(org.get("registration")) not in numbers:
                found.setdefault(name_key(org["name"]), org)
        if len(found) == len(blanks):
            for org in found.values():
                blank = _blank_for(result["winners"], org)
                if blank is not None:
                    blank.update(name=org["name"], empty=False, from_section_8=True)


def _blank_for(winners: list, org: dict) -> dict | None:
    """The nameless winner block (reference §2.5) that section 8's winner ``org`` names: the one printing ``org``'s
    registration number ("Registratienummer" in the block), else one printing none (or any, for an organisation of
    no number): two nameless blocks each with its KvK number took section 8's winners in section 8's order, each the
    other's number and tender value."""
    blanks = [w for w in winners if w.get("empty")]
    number = kvk_number(org.get("registration"))
    return (next((w for w in blanks if number and w.get("kvk") == number), None)
            or next((w for w in blanks if not w.get("kvk") or not number), None))


def _group_members_from_section_8(results: dict, orgs: list, buyer_org: dict | None) -> None:
    """A consortium's members that its winner block leaves out, from section 8 (reference §2.5: a tendering party of
    several organisations prints "Naam van de aanbiedende partij", its leader and its other members; section 8 lists
    every organisation again and is the place to "fall back to 'Winnaar van deze percelen'"). Where a lot's one
    winner block of a group names no members (the group's name alone, or with its leader), the organisations section
    8 names winners of that lot and the lot's result does not name are that group's members: the group's name alone
    was archived as one winner (an organisation "Combinatie X" without KvK number) and its members, the firms that
    won, were lost; a leader's partners were lost. Two such groups on one lot, or a winner block without a name beside
    the group, leave it as printed (whose member is whose, or which is the other winner, is not said)."""
    for lot_id, result in results.items():
        winners = [w for w in result.get("winners", []) if not w.get("empty")]
        open_groups = [w for w in winners if w.get("group_name") and not w.get("members") and not w.get("name")]
        if len(open_groups) != 1 or result.get("awarded") is False or len(winners) < len(result.get("winners", [])):
            # (a winner block without a name beside the group: section 8's winner may be that one's)
            continue
        group = open_groups[0]
        printed = {name_key(n) for w in winners for n in (w.get("name"), w.get("leader"), w.get("group_name"),
                                                          *(w.get("members") or ())) if n}
        found = [org["name"] for org in orgs if org.get("name") and org is not buyer_org
                 and lot_id in (org.get("winner_of") or []) and name_key(org["name"]) not in printed]
        if found:
            group["members"] = list(dict.fromkeys(found))
            group["members_from_section_8"] = True


def _one_lot_value(result: dict, parts: list, shared_value) -> list:
    """The contracts of one lot (an older form's "Afdeling V" block per contract, reference §3.1), as one award of
    the lot with every contract's winners where each block repeats one and the same "Totale waarde van de
    opdracht/het perceel": the lot's value printed once per contract (an open house or a framework with many
    parties, reference §4: "many winners on one lot"), as TenderNed's converter repeats it on each winner's row
    (:func:`tenderarchive.awards.ocds.to_procedure` makes those one award). An award per block counted the lot's
    value once per winner in every total (30 contracts of a € 12 mln lot: € 360 mln). Contracts of different values
    stay an award each, with its own value. Each winner keeps its own block's dates."""
    if len(parts) < 2:
        return parts
    values = [shared_value if part is result else part.get("shared_value") for part in parts]
    # a value: an amount, not a placeholder, a range or a rate; in euros or in another currency (800 000,00 with "Munt:
    # GBP" has no euro cents, and its repeats were an award per contract, the lot counted once per winner)
    if any(v is None or v.cents is None or v.placeholder or v.period for v in values) \
            or len({(v.cents, v.currency or "EUR") for v in values}) > 1:
        return parts
    winners = [{**w, "award_date": w.get("award_date") or part.get("award_date"),
                "contract_date": w.get("contract_date") or part.get("contract_date")}
               for part in parts for w in part.get("winners", [])]
    merged = {**result, "winners": winners, "awarded": True if any(p.get("awarded") for p in parts) else
              result.get("awarded"), "shared_value": values[0]}
    merged.pop("contracts", None)
    return [merged]


class _OrgFinder:
    """The section 8 organisation of a winner, for its registration (KvK number) and address (reference §2.5: "attach
    a winner's Registratienummer (match on the name)"). The organisation of exactly its printed name, else the one
    of its folded name; where section 8 lists several of that folded name with different registrations ("Zorg West
    B.V." and "Stichting Zorg West", two firms), the one that names the winner's lot among "Winnaar van deze
    percelen", else none (the first one's number was given to both). The buyer is a winner's organisation only
    where no other of the name is listed (a namesake of the buyer has its own KvK number, not the buyer's)."""

    def __init__(self, orgs: list, buyer_org: dict | None):
        self.by_name: dict = {}
        self.by_key: dict = {}
        for org in sorted(orgs, key=lambda org: org is buyer_org):
            if org.get("name"):
                self.by_name.setdefault(self._exact(org["name"]), org)
                self.by_key.setdefault(name_key(org["name"]), []).append(org)
        self.buyer_org = buyer_org

    @staticmethod
    def _exact(name: str) -> str:
        return re.sub(r"\s+", " ", _norm(name)).strip().casefold()

    def find(self, name: str, lot_id=None) -> dict | None:
        found = self.by_name.get(self._exact(name))
        if found is not None and (found is not self.buyer_org or len(self.by_key.get(name_key(name), [])) == 1):
            return found
        candidates = [o for o in self.by_key.get(name_key(name), []) if o is not self.buyer_org] or \
            self.by_key.get(name_key(name), [])
        if len({kvk_number(o.get("registration")) or o.get("registration") for o in candidates}) <= 1:
            return candidates[0] if candidates else None
        of_lot = [o for o in candidates if lot_id is not None and lot_id in (o.get("winner_of") or [])]
        return of_lot[0] if len(of_lot) == 1 else None


def _award_rows(lot_id, lot, result, shared_value, by_key, awards, suppliers, problems, buyer=None,
                buyer_kvk=None) -> None:
    """The award of one lot result (or one contract of a lot) and its winners' rows. A winner that is the
    notice's buyer (section 1, by its KvK number where both are known, else by its folded name) is flagged
    ``is_buyer`` and named in the problems: a quality issue of the source (reference §6.3: "sometimes a buyer is
    also a supplier"), kept as published."""
    winners = [w for w in result.get("winners", []) if not w.get("empty")]
    # a winner block without a name (reference §2.5) is a winner all the same: the lot's one named winner beside
    # it is not its only one, so that winner's tender value is its own, not the lot's (it was the award's value,
    # the other winner's left out), and the award counts it among its winners
    blanks = [w for w in result.get("winners", []) if w.get("empty")]
    nameless = len(blanks)
    # a lot whose only winners are blocks without a name is awarded all the same (an award of winners not named, as an
    # OCDS award in force naming no supplier is): it gave no award, the lot's value and the lot's being awarded lost;
    # not where the lot's result says no winner was chosen or the procedure is still open
    if winners or (blanks and result.get("awarded") is not False and not result.get("open")):
        # (a range, "tussen 400 000 en 650 000", is the lot's only winner's value as a single amount is: the award
        # keeps its text and ends, no cents, as the older form's "Laagste offerte … / Hoogste offerte …"; so is the
        # value of a lot's only winner block without a name: the award's, not repeated in ``unnamed_value_*``)
        pool = winners or blanks
        values = [w.get("value") for w in pool if w.get("value") is not None
                  and (w["value"].cents is not None or w["value"].is_range)]
        value = shared_value or (values[0] if len(pool) == 1 and (not winners or not nameless) and values else None)
        every = [w.get("value") for w in result.get("winners", [])]
        if value is None and len(every) > 1 and all(v is not None and v.cents is not None and not v.is_range
                                                     for v in every) \
                and len({(v.cents, v.currency or "EUR", v.period) for v in every}) == 1:
            # every winner block of the lot (named or not, a consortium's once) printing one and the same value:
            # the lot's value repeated per winner (reference §4 "Several winners on one lot (framework with several
            # parties)", an open house's "many winners on one lot"; §3.1 one shared value kept at lot level), as
            # TenderNed's converter repeats it on each winner's row and the OCDS reader reads it (awards.ocds
            # to_procedure: one value when every winner's row gives the same amount). Counted once: three winners
            # of € 1.000.000 each were € 3.000.000 here and € 1.000.000 from a package. Different values stay each
            # winner's own
            value = every[0]
            winners = [{**w, "value": None} for w in winners]
            blanks = [{**w, "value": None} for w in blanks]
        award = {"lot_id": lot_id, "award_index": len(awards),
                 "award_date": next((w.get("award_date") for w in pool if w.get("award_date")),
                                    result.get("award_date")),
                 "contract_date": next((w.get("contract_date") for w in pool if w.get("contract_date")),
                                      result.get("contract_date")),
                 # every contract of the lot's winners ("CON-0001; CON-0002"): the first alone was kept
                 "contract_id": "; ".join(dict.fromkeys(c for w in pool for c in w.get("contract_ids") or [])) or None,
                 "tenders_received": lot["tenders_received"], "winner_count": 0}
        award.update(amount_fields("value", value))
        # whether the notice says its value includes VAT, next to the value ("800 000 incl. btw", "… inclusief
        # omzetbelasting", the older forms' "Met BTW": 1; "exclusief BTW": 0; unsaid: NULL), as an OCDS package's hasTax
        # says it: a value including VAT stands apart (waarde_incl_btw) and out of the totals, which are exclusive of it
        # (store/summaries.py EX_VAT); it was counted as if exclusive, the problems alone saying it
        award["value_has_tax"] = vat_basis(value)
        # the nameless blocks are winners not named (reference §2.5 "No name": none is invented), read as an OCDS
        # package's award id with a value and no supplier is: counted in ``unnamed_winners``, not in
        # ``winner_count``, their values summed in ``unnamed_value_*`` and counted in the totals
        # (store/summaries.py AWARD_VALUE_SQL); their values were named in the problems alone. ``unnamed_value_*``
        # are parts of an award without a value of its own: where the award has one (the lot's, or the value of its
        # only winner, a block without a name: then ``value_*`` is theirs), they stay NULL, so that no column repeats
        # an amount another holds (a lot's only nameless winner's € 200.000 stood in both, read as € 400.000)
        own = value is not None and (value.value_cents is not None or not winners)
        award.update(_unnamed(blanks, with_values=not own))
        award.update(amount_fields("framework_maximum", lot["framework_maximum"]))
        for winner in winners:
            members = winner.get("members") or []
            group, leader, own = winner.get("group_name"), winner.get("leader"), winner.get("name")
            if leader and own and not members:
                # the SDK template also prints a consortium's non-leaders under "Officiële naam", after its leader
                members, own = [m.strip() for m in re.split(r",|;", own) if m.strip()], None
            if own and not leader and not members:
                group = None  # "Officiële naam" is printed for a party of one organisation: it is the winner
            from_8 = bool(winner.get("members_from_section_8"))
            # members section 8 gives a group printed without its leader: which one leads is not said
            parties = ([{"name": leader or group, "leader": 1}] if leader or (group and not members)
                       else []) + [{"name": m, "leader": None if from_8 and not leader else 0, "from_8": from_8}
                                   for m in members]
            if not parties:
                parties = [{"name": own, "leader": None}]
            # a tendering party of several organisations (a consortium, reference §2.5/§4): its one "Waarde van de
            # aanbesteding" is the group's, not its leader's own tender (§3.1: one shared value for the group). On each
            # member's row, marked joint (``tender_value_of_group``: counted once per group in the totals), as an OCDS
            # package's award of several suppliers gives it; it was on the leader's row alone, as the leader's own
            joint = len(parties) > 1
            if joint and not group:
                # (the group unnamed: its members' names, as the OCDS reader names it, so that two such groups of one
                # lot are two in the totals)
                group = " / ".join(p["name"] for p in parties if p["name"]) or None
            for party in parties:
                # a winner printed with its address in one line ("X B.V., Stationsstraat 1, 3511 AB Utrecht") is X,
                # of that place: the address was part of its name, and of its organisation's (one per address)
                name, address = split_address(_clean(party["name"]))
                org = by_key.find(name, lot_id) if name else None
                kvk = winner.get("kvk") if len(parties) == 1 else None
                kvk = kvk or (kvk_number(org.get("registration")) if org else None)
                row = {"lot_id": lot_id, "award_index": award["award_index"], "name": name, "name_key": name_key(name),
                       "kvk": kvk, "place": winner.get("place") if len(parties) == 1 else None,
                       "country": winner.get("country") if len(parties) == 1 else None,
                       # its postcode (section 8 "Postcode", an older form's V.2.3 "Postcode:"), as printed
                       "postcode": winner.get("postcode") if len(parties) == 1 else None,
                       # its street address (section 8 "Postadres", V.2.3 "Postadres:", V.3's address line)
                       "street": winner.get("street") if len(parties) == 1 else None,
                       # its region, a NUTS code (section 8 "Onderverdeling land (NUTS)", V.2.3 "NUTS-code:")
                       "nuts": winner.get("nuts") if len(parties) == 1 else None,
                       "group_name": group or (winner.get("group_label") if winner.get("in_group") else None),
                       "group_member": 1 if (group or members or winner.get("in_group")) else 0,
                       "group_leader": party["leader"] if (group or members) else None,
                       "from_section_8": 1 if winner.get("from_section_8") or party.get("from_8") else 0,
                       "scale": winner.get("scale") if len(parties) == 1 else None,
                       # the winner's own dates and contracts (reference §8.4: kept per winner): where a lot's
                       # winners signed on other days, the award (one row per lot) keeps the first winner's only.
                       # A winner giving none has the lot's (an older form's one date per lot), not another winner's
                       "award_date": winner.get("award_date") or result.get("award_date"),
                       "contract_date": winner.get("contract_date") or result.get("contract_date"),
                       "contract_id": "; ".join(dict.fromkeys(winner.get("contract_ids") or [])) or None,
                       "is_buyer": buyer_as_supplier(name, buyer, kvk=kvk, buyer_kvk=buyer_kvk)}
                if row["is_buyer"]:
                    problems.append(f"{lot_id}: winner {name!r} is the buyer (a buyer listed as supplier)")
                if address:  # the party's own, a consortium member's too
                    row["place"] = row["place"] or address["place"]
                    row["postcode"] = row["postcode"] or address["postcode"]
                    row["street"] = row["street"] or address["street"]
                    row["country"] = row["country"] or address["country"]
                if org:
                    row["place"] = row["place"] or org.get("city")
                    row["postcode"] = row["postcode"] or org.get("postcode")
                    row["street"] = row["street"] or org.get("street")
                    row["nuts"] = row["nuts"] or org.get("nuts")
                    row["country"] = row["country"] or org.get("country")
                if kvk and foreign_country(row["country"]):  # a foreign id, not a KvK number
                    problems.append(f"{lot_id}: registration number {kvk} of {name!r} ({row['country']}) "
                                    f"is not read as a KvK number")
                    row["kvk"] = None
                own_value = winner.get("value") if party is parties[0] or joint else None
                row.update(amount_fields("tender_value", own_value))
                # whether the winner's own value says it includes VAT ("Waarde van de aanbesteding: 800 000 Euro incl.
                # btw", "Met BTW": 1; "excl. btw": 0; unsaid NULL; amounts.vat_basis), as awards.value_has_tax says it
                # of the lot's own value: a winner's value including VAT stands apart (waarde_incl_btw) and out of the
                # totals, which are exclusive of it; it was counted in them as if exclusive
                row["tender_value_has_tax"] = vat_basis(own_value)
                if joint and row.get("tender_value_raw") is not None:
                    row["tender_value_of_group"] = 1
                suppliers.append(row)
                award["winner_count"] += 1
        awards.append(award)


def _unnamed(blanks: list[dict], with_values: bool = True) -> dict:
    """``unnamed_winners`` and ``unnamed_value_*`` of an award from its winner blocks without a name (``blanks``), as
    derive.refresh_unnamed_winners sets them for an OCDS award: how many; their printed values summed (cents only
    where each is a euro amount that counts, raw "; " between them; none ``with_values`` False: the award's own value
    holds them); {} when there is none."""
    if not blanks:
        return {}
    printed = [w["value"] for w in blanks if with_values and w.get("value") is not None and w["value"].raw
               and not w["value"].missing]
    currencies = {v.currency for v in printed}
    euro = len(currencies) == 1 and all(v.value_cents is not None for v in printed)
    return {"unnamed_winners": len(blanks),
            "unnamed_value_cents": sum(v.value_cents for v in printed) if printed and euro else None,
            "unnamed_value_raw": "; ".join(v.raw for v in printed) or None,
            "unnamed_value_currency": next(iter(currencies)) if len(currencies) == 1 else None,
            "unnamed_value_placeholder": max(int(v.placeholder) for v in printed) if printed else None}


def buyer_as_supplier(name: str | None, buyer: str | None, roles=(), kvk: str | None = None,
                      buyer_kvk: str | None = None) -> int:
    """1 when a winner is the procedure's buyer: its party has the role "buyer" too (an OCDS package's
    ``buyer;supplier``, reference §6.3); else, where the KvK numbers of both are known, when they are one;
    else when its folded name is the buyer's. 0 otherwise: a namesake with a KvK number of its own (a
    foundation named as the municipality's, a "Stichting Jeugdzorg" of another place) is no buyer."""
    if "buyer" in {part.strip().lower() for role in roles or () for part in str(role).split(";")}:
        return 1
    kvk, buyer_kvk = kvk_number(kvk), kvk_number(buyer_kvk)
    if kvk and buyer_kvk:
        return int(kvk == buyer_kvk)
    return int(bool(name and buyer and name_key(name) and name_key(name) == name_key(buyer)))


#: the role section 8 gives a buyer ("Rollen van deze organisatie": "Koper")
BUYER_ROLES = {"koper", "buyer", "beschaffer", "kaufer"}


def _buyer_org(orgs: list, buyer: str | None) -> dict | None:
    """The section 8 organisation that is the buyer: the one of the role "Koper" of the buyer's name where section
    1 gave one, else the only one of that role."""
    buyers = [org for org in orgs if BUYER_ROLES & {_norm(role) for role in org.get("roles") or ()}]
    named = [org for org in buyers if buyer is not None and name_key(org.get("name")) == name_key(buyer)]
    return named[0] if named else (buyers[0] if len(buyers) == 1 else None)


def currency_like(value) -> bool:
    return bool(re.fullmatch(r"[\d\s.,\u00a0€A-Za-z]*\d[\d\s.,\u00a0]*(euro|eur)?\s*", (value or "").strip(), re.I)) \
        and not re.search(r"LOT-|ORG-|TEN-|CON-|RES-|/", value or "")

