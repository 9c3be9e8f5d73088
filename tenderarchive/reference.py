"""The one reference module: municipalities, jeugdregio's, membership per year, mergers, regional buyers.

Everything here is read from the shipped tables in ``tenderarchive/data/`` (their sources and
caveats: ``tenderarchive/data/README.md``):

* ``municipalities.csv`` - the 342 CBS gemeenten of 2025 with their 2025 jeugdregio;
* ``jeugdregios.csv`` - the 42 CBS jeugdregio's (JZ01-JZ43 without JZ40) with their sources;
* ``jeugdregio_membership.csv`` - the jeugdregio of every 2025 municipality in every year 2015-2025,
  with how that year is known (``basis``) and an ``unverified`` flag;
* ``mergers.csv`` - municipalities merged, annexed, split or renamed since 2015 and their successor(s);
* ``regional_buyers.csv`` - gemeenschappelijke regelingen, inkooporganisaties and centrumgemeenten
  that buy youth care for several municipalities, with their name variants and members;
* ``reference_sources.csv`` - the public sources the other tables cite by id.

One name normalisation (:func:`normalise`) serves every lookup: it folds case and diacritics,
drops a leading "gemeente(n)"/"gem."/"regio"/"jeugdregio", unifies apostrophes, treats hyphens
as spaces, drops the dots of a parenthesised abbreviation ("Bergen (N.H.)" is "Bergen (NH)") and
collapses white space, so "Gemeente 's-Hertogenbosch", "s Hertogenbosch" and
"’s-Hertogenbosch" are one key. Lookups that could mean two municipalities ("Bergen") answer
``None`` rather than guess.

Hand-written on purpose: this is dictionary lookup over a few small CSV files; a gazetteer or
geocoding library would add a dependency and network or model data for no gain.
"""
from __future__ import annotations

import csv
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

DATA = resources.files("tenderarchive") / "data"
# Every file this module reads (the archive's schema fingerprint hashes them: tenderarchive/store/schema.py).
REFERENCE_FILES = ("municipalities.csv", "jeugdregios.csv", "jeugdregio_membership.csv", "mergers.csv",
                   "regional_buyers.csv", "reference_sources.csv")
CURRENT_YEAR = 2025  # the CBS layout of municipalities.csv
FIRST_YEAR = 2015  # the Jeugdwet; membership.csv starts here

_PREFIX = re.compile(r"^(?:de\s+)?(?:gemeenten?|gem\.|jeugdregio|jeugdhulpregio|jeugdzorgregio|regio)\s+")
_APOSTROPHES = str.maketrans({c: "'" for c in "\u2018\u2019\u201a\u201b\u2032\u00b4`"})
_PROVINCE_SUFFIX = re.compile(r"\s*\([^)]*\)")
#: A parenthesised abbreviation: parts of one or two letters with dots ("(N.H.)", "(NH.)", "(Z.H)"), spaces
#: allowed after a part's dot ("(N. H.)"); a last part without a dot follows a dot directly or, when it is one
#: letter, after a space ("(N. H)"), so "(in. de)" stays two words; or two or three single letters with
#: spaces or hyphens and no dot but perhaps a last one ("(N H)", "(N-H)", "(N H.)", "(N-H.)": hyphens are
#: spaces by then).
_ABBREVIATION = re.compile(r"\(\s*((?:[^\W\d_]{1,2}\.)(?:\s*[^\W\d_]{1,2}\.){0,2}"
                           r"(?:[^\W\d_]{1,2}|\s+[^\W\d_](?![^\W\d_]))?"
                           r"|[^\W\d_](?:\s+[^\W\d_]){1,2}(?![^\W\d_])\.?)\s*\)")


def normalise(name: str | None, abbreviations: bool = True) -> str:
    """The lookup key of a municipality, region or buyer name (see the module docstring);
    ``abbreviations=False`` keeps a parenthesised abbreviation's dots as word breaks, as keys
    were before they were dropped (the slug of an organisation, its id in archived rows:
    ``organisations.organisation``)."""
    if not name:
        return ""
    text = unicodedata.normalize("NFKD", str(name).translate(_APOSTROPHES))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"\s+", " ", text).strip()
    text = _PREFIX.sub("", text)
    text = text.replace("'", "").replace("-", " ").replace("/", " ")
    # a parenthesised abbreviation (the CBS province suffix) without its dots and inner spaces, read before
    # the dots before a space go: "Bergen (NH.)", "Bergen (N.H.)", "Bergen (N. H.)" and "Bergen (NH)" are one
    # key, "bergen (nh)"
    if abbreviations:
        text = _ABBREVIATION.sub(lambda m: "(" + re.sub(r"[.\s]+", "", m.group(1)) + ")", text)
    text = re.sub(r"[.,;:]+(?=\s|$)", "", text)
    return re.sub(r"\s+", " ", text).strip()


def _read(name: str) -> list[dict]:
    with (DATA / name).open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _split(value: str | None, sep: str = "|") -> list[str]:
    return [part.strip() for part in (value or "").split(sep) if part.strip()]


@dataclass
class Reference:
    municipalities: dict[str, dict]  # cbs_code -> row of municipalities.csv
    regions: dict[str, dict]  # JZ code -> row of jeugdregios.csv
    membership: dict[tuple[int, str], dict]  # (year, cbs_code) -> row of jeugdregio_membership.csv
    mergers: list[dict]
    buyers: list[dict]
    sources: dict[str, dict]
    municipality_keys: dict[str, str | None] = field(default_factory=dict)  # key -> cbs_code (None: ambiguous)
    region_keys: dict[str, str] = field(default_factory=dict)
    merger_keys: dict[str, list[dict]] = field(default_factory=dict)
    buyer_keys: dict[str, list[dict]] = field(default_factory=dict)
    #: (name or code, year) -> region_of's answer, worked out once (issue 14: ~9 µs a call, eight calls a
    #: notice: every municipality the places pipeline finds, every member of a regional buyer)
    regions_in_year: dict[tuple, str | None] = field(default_factory=dict)


@lru_cache(maxsize=1)
def load() -> Reference:
    """All reference tables, read once per process."""
    municipalities = {row["cbs_code"]: row for row in _read("municipalities.csv")}
    regions = {row["code"]: row for row in _read("jeugdregios.csv")}
    membership = {(int(row["year"]), row["cbs_code"]): row for row in _read("jeugdregio_membership.csv")}
    ref = Reference(municipalities, regions, membership, _read("mergers.csv"), _read("regional_buyers.csv"),
                    {row["id"]: row for row in _read("reference_sources.csv")})
    strong_keys: set[str] = set()
    for code, row in municipalities.items():
        for key in (normalise(code), normalise(row["name"])):
            ref.municipality_keys[key] = code
            strong_keys.add(key)
    for code, row in municipalities.items():
        weak = [_PROVINCE_SUFFIX.sub("", row["name"]), *_split(row.get("aliases"))]
        for key in {normalise(w) for w in weak} - strong_keys:
            if key in ref.municipality_keys and ref.municipality_keys[key] != code:
                ref.municipality_keys[key] = None
            else:
                ref.municipality_keys.setdefault(key, code)
    for code, row in regions.items():
        names = [code, row["name"], _PROVINCE_SUFFIX.sub("", row["name"]), *_split(row.get("aliases"))]
        inner = re.search(r"\(([^)]*)\)", row["name"])  # "Midden-Brabant (Hart van Brabant)"
        for key in [normalise(n) for n in names] + ([normalise(inner.group(1))] if inner else []):
            ref.region_keys.setdefault(key, code)
    for merger in ref.mergers:
        ref.merger_keys.setdefault(normalise(merger["old_name"]), []).append(merger)
    for buyer in ref.buyers:
        for key in {normalise(n) for n in [buyer["buyer_id"], buyer["name"], *_split(buyer.get("aliases"))]}:
            ref.buyer_keys.setdefault(key, []).append(buyer)
    return ref


def tables() -> tuple[dict, dict]:
    """The shipped CSV rows as ``({CBS name: municipality row}, {JZ code: jeugdregio row})``:
    the shape :func:`tenderarchive.analysis.places.load` has always returned."""
    ref = load()
    return {row["name"]: row for row in ref.municipalities.values()}, dict(ref.regions)


# --- municipalities ------------------------------------------------------------------------------

def _date(on: dt.date | str | int | None) -> dt.date | None:
    if on is None or on == "":
        return None
    if isinstance(on, int):
        return dt.date(on, 12, 31)
    if isinstance(on, dt.datetime):
        return on.date()
    if isinstance(on, dt.date):
        return on
    return dt.date.fromisoformat(str(on)[:10])


def successors(name: str, on: dt.date | str | int | None = None) -> list[dict]:
    """Rows of ``mergers.csv`` for a municipality that no longer exists (main successor first).
    With ``on`` (a date, ISO string or year), only mergers that had taken effect by then."""
    rows = load().merger_keys.get(normalise(name), [])
    when = _date(on)
    rows = [r for r in rows if when is None or dt.date.fromisoformat(r["date"]) <= when]
    return sorted(rows, key=lambda r: (r["date"], -int(r["main"] or 0)))


def municipality(name_or_code: str | None, on: dt.date | str | int | None = None) -> dict | None:
    """The 2025 municipality that a name, alias or CBS code means, or ``None``.

    A municipality that has since merged resolves to its (main) successor; the answer then
    carries ``merged_from`` (the old name), ``merger_date`` and ``merger_kind``. With ``on``,
    an old name resolves only if the merger had taken effect by that date. An ambiguous name
    ("Bergen") gives ``None``."""
    ref = load()
    key = normalise(name_or_code)
    if not key:
        return None
    code = ref.municipality_keys.get(key)
    if code:
        return dict(ref.municipalities[code])
    merged = successors(name_or_code, None)
    if merged:
        when = _date(on)
        first = merged[0]
        if when is not None and dt.date.fromisoformat(first["date"]) > when:
            return None
        row = dict(ref.municipalities[first["new_cbs_code"]])
        row.update(merged_from=first["old_name"], merger_date=first["date"], merger_kind=first["kind"])
        return row
    return None


def predecessors(name_or_code: str | None, year: int | dt.date | str | None) -> list[str]:
    """The municipalities a 2025 municipality was formed of, when it did not exist yet in ``year``:
    the old names of the ``merger`` rows of ``mergers.csv`` into it that took effect after ``year``
    (Westerkwartier, formed 2019-01-01 of Grootegast, Leek, Marum and Zuidhorn: in 2006 its name was
    the region of those four). Empty when it existed then, or when ``year`` is None. A municipality
    formed of two or more that all lost their names is new; one that took in another and kept its name
    (Zevenaar and Rijnwaarden, 2018: one row) or an annexation (Groningen, Haren) is not, and a split's
    part (Winsum into Westerkwartier) is not one of the municipalities it was formed of.

    >>> predecessors("Westerkwartier", 2006)
    ['Grootegast', 'Leek', 'Marum', 'Zuidhorn']
    >>> predecessors("Westerkwartier", 2019), predecessors("Zevenaar", 2010)
    ([], [])
    """
    when = _date(year)
    row = municipality(name_or_code)
    if when is None or not row or row.get("merged_from"):
        return []
    by_date: dict[str, list[str]] = {}
    for r in load().mergers:
        if r["new_cbs_code"] == row["cbs_code"] and r["kind"] == "merger":
            by_date.setdefault(r["date"], []).append(r["old_name"])
    for day, olds in sorted(by_date.items()):
        if dt.date.fromisoformat(day) > when and len(olds) >= 2 and row["name"] not in olds:
            return sorted(olds)
    return []


# --- jeugdregio's ----------------------------------------------------------------------------------

def jeugdregio(name_or_code: str | None) -> dict | None:
    """The jeugdregio row for a code ("JZ18"), a CBS name, an alias or a short name
    ("Hart van Brabant", "Zuid-Kennemerland"), or ``None``."""
    ref = load()
    code = ref.region_keys.get(normalise(name_or_code))
    return dict(ref.regions[code]) if code else None


def _year(year: int | dt.date | str | None) -> int:
    if year is None or year == "":
        return CURRENT_YEAR
    value = year if isinstance(year, int) else _date(year).year
    return min(max(value, FIRST_YEAR), CURRENT_YEAR)


def membership(cbs_code: str, year: int | dt.date | str | None = None) -> dict | None:
    """The ``jeugdregio_membership.csv`` row of a 2025 municipality in a year (clamped to 2015-2025)."""
    return load().membership.get((_year(year), cbs_code))


#: Entries of ``Reference.regions_in_year`` at most (the municipalities' names and codes, old names included,
#: in each year are ~8,000).
REGIONS_IN_YEAR_MAX = 50_000


def region_of(name_or_code: str | None, year: int | dt.date | str | None = None) -> str | None:
    """The jeugdregio code of a municipality in a year (default: 2025).

    A name of a municipality that merged later than ``year`` uses the region it had itself
    (``jeugdregio_before`` in ``mergers.csv``, e.g. Weesp in Gooi en Vechtstreek until 2022)
    when that is known; otherwise the region of the territory's 2025 municipality that year."""
    ref = load()
    y = _year(year)
    key, cache = (name_or_code, y), ref.regions_in_year
    if key not in cache:
        if len(cache) >= REGIONS_IN_YEAR_MAX:  # any text a search gives: kept bounded in a long-lived server
            cache.clear()
        cache[key] = _region_in_year(ref, name_or_code, y)
    return cache[key]


def _region_in_year(ref: Reference, name_or_code: str | None, y: int) -> str | None:
    if ref.municipality_keys.get(normalise(name_or_code)) is None:
        for merger in successors(name_or_code):
            if int(merger["date"][:4]) > y or (merger["date"][:4] == str(y) and merger["date"][5:] != "01-01"):
                if merger["jeugdregio_before"]:
                    return merger["jeugdregio_before"]
                break
    row = municipality(name_or_code)
    if not row:
        return None
    member = membership(row["cbs_code"], y)
    return member["jeugdregio_code"] if member else row["jeugdregio_code"]


def members(region_code: str, year: int | dt.date | str | None = None) -> list[str]:
    """CBS codes of the 2025 municipalities in a jeugdregio in a year (default: 2025)."""
    y = _year(year)
    return sorted(code for (yy, code), row in load().membership.items()
                  if yy == y and row["jeugdregio_code"] == region_code)


# --- regional buyers ---------------------------------------------------------------------------------

def buyer(name: str | None, year: int | dt.date | str | None = None) -> dict | None:
    """The regional buyer a name means, valid in ``year`` (default: 2025), with ``member_codes``:
    the CBS codes of the municipalities a notice of this buyer counts for in that year.

    ``members`` in ``regional_buyers.csv`` is ``*`` (every member of the buyer's jeugdregio that
    year), JZ codes (every member of those regions), CBS codes, or a mix ("*|GM0050")."""
    y = _year(year)
    candidates = load().buyer_keys.get(normalise(name), [])
    for row in candidates:
        if int(row["valid_from"] or FIRST_YEAR) <= y <= int(row["valid_to"] or CURRENT_YEAR):
            codes: list[str] = []
            for part in _split(row["members"]):
                if part == "*":
                    codes += members(row["jeugdregio_code"], y)
                elif part.upper().startswith("JZ"):
                    codes += members(part.upper(), y)
                else:
                    codes.append(part)
            out = dict(row)
            out["member_codes"] = sorted(set(codes))
            out["jeugdregio_codes"] = sorted({region_of(code, y) for code in out["member_codes"]} - {None})
            return out
    return None


# --- for the archive -----------------------------------------------------------------------------------

def archive_rows() -> dict[str, list[dict]]:
    """Every reference table as rows for the archive (the store writes them; see
    tenderarchive/store/schema.py): municipalities, jeugdregios, membership per year,
    mergers, regional buyers (with ``member_codes`` of their last year) and the sources."""
    ref = load()
    buyers = []
    for r in ref.buyers:
        resolved = buyer(r["buyer_id"], int(r["valid_to"] or CURRENT_YEAR))
        buyers.append({**r, "unverified": int(r["unverified"]),
                       "member_codes": "|".join(resolved["member_codes"]) if resolved else None})
    blank = lambda row: {k: (v if v != "" else None) for k, v in row.items()}  # noqa: E731
    return {
        "jeugdregios": [blank(r) for r in ref.regions.values()],
        "municipalities": [blank(r) for r in ref.municipalities.values()],
        "jeugdregio_membership": [
            {**blank(r), "year": int(r["year"]), "unverified": int(r["unverified"]),
             "area_share": float(r["area_share"]) if r["area_share"] else None} for r in ref.membership.values()],
        "mergers": [{**blank(r), "main": int(r["main"]), "unverified": int(r["unverified"])} for r in ref.mergers],
        "regional_buyers": [blank(r) for r in buyers],
        "reference_sources": [blank(r) for r in ref.sources.values()],
    }
