"""A record's change (a ``versions`` row: its changed columns and their earlier and new values) in the words the
site uses, for a researcher: the procurement page's section "Wijzigingen van een aanbesteding" and the HTML of the
``changes`` view in Datasette.

Both showed the change as stored: the column names (``["deadline", "value_cents"]``) and two JSON objects,
``{"value_cents": 1200000000}``, ``{"notice_types": "[\\"AAO\\", \\"AGO\\"]"}``, ``{"deadline":
"2018-05-31T12:00:00+02:00"}``. Here each column is named as the data dictionary describes it
(``tenderarchive/datasette/tables/<table>.yaml``: the first words of its description, the column after it), an
amount in euros, a date as a date ("31 mei 2018 12:00"), a list as a list ("AAO, AGO"), a JSON object of counts as
its pairs, an empty value "—"; the archive's bookkeeping (``research._bookkeeping``) and an amount's printed text,
currency and placeholder flag beside its exact amount are left out, as the crawl report leaves them out.

Written here rather than with a library: the labels come from the project's own data dictionary, and the values'
forms (cents, the archive's JSON lists in text columns) are the archive's; dates only need Dutch month names, which
``datetime.strftime`` gives only under a Dutch locale the machine may not have. The CSV and JSON of the view and of
the saved search keep the stored values (analysts read those).
"""

from __future__ import annotations

import json
import re
from functools import lru_cache

MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december")
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?")
#: A date known only to its month ("2021-01": an event's precision ``month`` or ``part_of_month``, an article published
#: in a month, ``year_month``), the ISO form the archive stores; a month 13 is none.
_MONTH = re.compile(r"(\d{4})-(0[1-9]|1[0-2])")


def month_words(value) -> str | None:
    """A date known only to its month in Dutch, "2021-01" → "januari 2021" (it stood as "2021-01" beside "20 januari
    2021"); None for anything else. The stored ISO text is kept wherever the archive keeps values (CSV, JSON)."""
    month = _MONTH.fullmatch(value.strip()) if isinstance(value, str) else None
    return f"{MONTHS[int(month.group(2)) - 1]} {month.group(1)}" if month else None
#: Columns beside an exact amount ``X_cents``: the amount as printed, its currency, the placeholder flag.
AMOUNT_SIBLINGS = ("_raw", "_currency", "_placeholder")
#: The longest a label taken from a description may be; a longer first clause is no name (the column's is).
LABEL_LIMIT = 60


@lru_cache(maxsize=1)
def _dictionary() -> dict:
    from tenderarchive.metadata import load_metadata

    tables = load_metadata()["databases"]["archive"].get("tables") or {}
    return {name: (table or {}).get("columns") or {} for name, table in tables.items()}


@lru_cache(maxsize=1024)
def field_label(table, column) -> str:
    """``column`` of ``table`` as the data dictionary names it, with the column after it: notices' ``deadline`` is
    "Current closing date for tenders (deadline)", lots' ``highest_tender_cents`` "Value of the highest
    admissible tender (highest_tender_cents)". A column the dictionary does not describe, or whose description
    does not start with a name ("1 when …"), is its name in words ("is awarded (is_awarded)")."""
    column = str(column)
    description = str(_dictionary().get(table, {}).get(column) or "")
    words = re.split(r" \(|; |\. |, |: |\.$", description.strip(), maxsplit=1)[0].strip()
    words = re.sub(r"^(?:The |JSON (?:list|object) of (?:the )?)", "", words)
    if not words or len(words) > LABEL_LIMIT or words[0].isdigit():
        words = column.removesuffix("_cents").replace("_", " ")
    return f"{words[0].upper()}{words[1:]} ({column})"


@lru_cache(maxsize=1024)
def _flag(column) -> bool:
    """Whether the dictionary describes ``column`` as a flag ("1 when …", "1 awarded, 0 not awarded") in any table."""
    return any(str(columns.get(column) or "").startswith("1 ") and not str(columns.get(column)).startswith("1 for ")
               for columns in _dictionary().values())   # "1 for the first earlier version": a number


def value_words(column, value) -> str:
    """A stored value as the site shows it: a flag (1/0) "ja"/"nee", ``…_cents`` in euros, an ISO date or time as a Dutch date
    (a month alone as its month, "januari 2021"), a list
    (or a JSON list in a text column) its items, a JSON object its pairs, empty "—"."""
    if value is None or value == "":
        return "—"
    if value in (0, 1) and type(value) is int and _flag(column):
        return "ja" if value else "nee"
    if str(column).endswith("_cents") and type(value) is int:
        from tenderarchive.datasette_plugin import euro  # on first use: the plugin module imports the table filters

        return euro(value)
    if isinstance(value, str) and value[:1] in "[{":
        try:
            parsed = json.loads(value)
        except ValueError:
            parsed = None
        if isinstance(parsed, (list, dict)):
            value = parsed
    if isinstance(value, list):
        return ", ".join(value_words(column, item) for item in value) or "—"
    if isinstance(value, dict):
        return ", ".join(f"{key}: {value_words(key, item)}" for key, item in value.items()) or "—"
    if isinstance(value, str) and (date := _DATE.fullmatch(value.strip())):
        year, month, day, hour, minute = date.groups()
        if 1 <= int(month) <= 12:
            return f"{int(day)} {MONTHS[int(month) - 1]} {year}" + (f" {hour}:{minute}" if hour else "")
    return month_words(value) or str(value)


def parsed_json(value, kind: type = dict):
    """``value`` (a stored JSON text) parsed, when it is JSON of ``kind`` (an object, a list); else None."""
    try:
        parsed = json.loads(value) if isinstance(value, str) else None
    except ValueError:
        return None
    return parsed if isinstance(parsed, kind) else None


def _shown(column, sides) -> bool:
    """Whether a changed column is one a reader reads: not the archive's bookkeeping, nor what a changed column
    says already (a notice's ``procurement_id`` beside its ``kenmerk``), nor an amount's printed text, currency or
    placeholder flag beside its exact amount on each side where that has one."""
    from tenderarchive.research import _bookkeeping, _derived_beside

    if _bookkeeping(column) or any(_derived_beside(column, side) for side in sides):
        return False
    stem = next((str(column)[:-len(s)] for s in AMOUNT_SIBLINGS if str(column).endswith(s)), None)
    if stem is None or not any(f"{stem}_cents" in side for side in sides):
        return True
    return any(side.get(f"{stem}_cents") is None and side.get(column) not in (None, "") for side in sides)


def columns_words(table, changed_columns) -> str | None:
    """``versions.changed_columns`` (a JSON list) as the dictionary's names, "Current closing date for tenders
    (deadline), Title of the procurement (title)"; not a JSON list: as it is."""
    names = parsed_json(changed_columns, list)
    if names is None:
        return changed_columns
    side = dict.fromkeys(names, 0)
    return ", ".join(field_label(table, name) for name in names if _shown(name, [side]))


def values_words(table, values, other=None) -> str | None:
    """One side of a change (``previous_values`` or ``new_values``, a JSON object) in words, one "Label: value" a
    column joined by "; ": ``{"value_cents": 1200000000}`` of an award → "Value of the award (value_cents):
    € 12.000.000,00". ``other``: the change's other side, which decides whether an amount's printed text is said.
    Not a JSON object: as it is."""
    parsed = parsed_json(values)
    if parsed is None:
        return values
    values = parsed
    sides = [values] + ([o] if (o := parsed_json(other)) is not None else [])
    return "; ".join(f"{field_label(table, column)}: {value_words(column, value)}"
                     for column, value in values.items() if _shown(column, sides))



def moment_words(value) -> str:
    """A date or timestamp as a reader reads it, on Amsterdam's clock: a crawl's finish time stored in UTC,
    "2026-12-05T08:51:14+00:00", is "5 december 2026 09:51"; an article's "2020-12-14T08:55" (Amsterdam's clock
    already) "14 december 2020 08:55"; a date "14 december 2020". The crawl report's heading and each match's date
    showed the stored ISO text. A date known only to its month, "2021-01", is "januari 2021" (:func:`month_words`).
    Text that is no ISO date is kept as it is; empty is "—"."""
    from datetime import datetime

    from tenderarchive.arguments import AMSTERDAM

    if value is None or value == "":
        return "—"
    text = str(value).strip()
    if not _DATE.fullmatch(text):
        return month_words(text) or text   # a month alone: "januari 2021"
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        return text
    if len(text) == 10:   # a date alone: no clock to show
        return f"{moment.day} {MONTHS[moment.month - 1]} {moment.year}"
    if moment.tzinfo is not None:
        try:
            moment = moment.astimezone(AMSTERDAM)
        except OverflowError:   # a placeholder at the calendar's end: its own clock
            pass
    return f"{moment.day} {MONTHS[moment.month - 1]} {moment.year} {moment:%H:%M}"
