"""Watchlists: the YAML file of searches a journalist follows, read and checked.

A **watchlist** is a YAML file of searches (see ``docs/watchlist.example.yaml``)::

    title: Jeugdhulp-inkoop Limburg          # optional, heads the report
    watches:
      - name: Jeugdhulp Zuid-Limburg
        keywords: [jeugdhulp, jeugdzorg]      # any of them, in title/description/text
        jeugdregios: [JZ41]                   # code or name ("Zuid-Limburg")
        municipalities: [Heerlen, GM0882]     # CBS name, alias or GM code
        buyers: ["Gemeente Heerlen"]          # buyer name, whole words
        cpv: ["85311300", "8531"]             # CPV code or prefix (hierarchical)
        providers: ["Stichting Jeugdzorg X"]  # organisation named in the text
        news: all                             # optional: also news judged not about a procurement

Within one watch, every *field* given must match (AND); within a field, any *value*
may match (OR). So ``keywords: [jeugdhulp]`` plus ``jeugdregios: [JZ41]`` means
"youth care in Zuid-Limburg". A watch needs at least one field. Errors name the
entry (number and name) and the field, and suggest the nearest known name
(``difflib``) for a misspelt field, municipality or jeugdregio.

News articles match only when the archive judged them about a youth-care procurement
(``articles.relevant``; one not yet judged counts): a vacancy or a budget story on a watched
municipality's site is not what a watch is for. ``news: all`` takes every archived article.

:func:`load_watchlist` reads and checks a file into :class:`Watchlist`. The file's shape is
declared once below (:class:`WatchlistFile`, :class:`WatchEntry`, pydantic models) and read and
checked by ``tenderarchive/config.py``, the same way as topic profiles and the source registry.
Municipalities and jeugdregio's are resolved to CBS codes once, here, so matching
(``tenderarchive/watch/report.py``) compares codes only.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Literal

from pydantic import AfterValidator, AliasChoices, BeforeValidator, Field, model_validator

from tenderarchive import reference
from tenderarchive.config import FieldError, Strict, read_yaml, validate

FIELDS = ("keywords", "jeugdregios", "municipalities", "buyers", "cpv", "providers")
OPTIONS = ("name", "news")  # the entry's keys that are no search field
FIELD_ALIASES = {"jeugdregio's": "jeugdregios", "regions": "jeugdregios", "cpv_codes": "cpv",
                 "gemeenten": "municipalities"}
_CPV = re.compile(r"(\d{2,8})(?:-\d)?")


class WatchlistError(ValueError):
    """A watchlist that cannot be used; the message names the file, entry and field."""


def _suggest(value: str, choices) -> str:
    close = difflib.get_close_matches(value.casefold(), list(choices), n=3, cutoff=0.75)
    return f" (did you mean {', '.join(repr(c) for c in close)}?)" if close else ""


# --- the declared file shape ----------------------------------------------------------------------
def _values(value) -> list[str]:
    """One value or a non-empty list of values; numbers (an unquoted CPV code) become text."""
    if isinstance(value, (str, int)) and not isinstance(value, bool):
        value = [value]
    if not isinstance(value, list) or not value:
        raise ValueError("expected a value or a non-empty list of values")
    out = []
    for item in value:
        if isinstance(item, bool) or not isinstance(item, (str, int)) or not str(item).strip():
            raise ValueError(f"{item!r} is not a non-empty text value")
        out.append(" ".join(str(item).split()))
    return out


def _municipalities(values: tuple[str, ...]) -> tuple[str, ...]:
    """CBS codes of the municipalities named (``tenderarchive/reference.py``: names, aliases,
    GM codes, and names of merged municipalities, which mean their successor)."""
    codes = []
    for v in values:
        row = reference.municipality(v)
        if row is None:
            keys = reference.load().municipality_keys
            if keys.get(reference.normalise(v), "") is None:
                raise ValueError(f"municipality {v!r} is ambiguous; use its GM code")
            raise ValueError(f"unknown municipality {v!r}{_suggest(reference.normalise(v), keys)}; "
                             f"use a CBS name or GM code")
        codes.append(row["cbs_code"])
    return tuple(codes)


def _jeugdregios(values: tuple[str, ...]) -> tuple[str, ...]:
    """JZ codes of the jeugdregio's named (code, CBS name, alias or short name)."""
    codes = []
    for v in values:
        row = reference.jeugdregio(v)
        if row is None:
            keys = reference.load().region_keys
            raise ValueError(f"unknown jeugdregio {v!r}{_suggest(reference.normalise(v), keys)}; "
                             f"use a JZ code or region name")
        codes.append(row["code"])
    return tuple(codes)


def _cpv_prefixes(values: tuple[str, ...]) -> tuple[str, ...]:
    out = []
    for v in values:
        match = _CPV.fullmatch(v.replace(" ", ""))
        if not match or (len(match.group(1)) < 8 and "-" in v):
            raise ValueError(f"{v!r} is not a CPV code: give 8 digits (optionally with its check digit, "
                             f"85311300-5) or a prefix of 2-7 digits (8531)")
        code = match.group(1)
        out.append(code.rstrip("0") if len(code) == 8 else code)
    return tuple(out)


def _name(value: str) -> str:
    if not value.strip():
        raise ValueError("every watch needs a name")
    return value.strip()


Values = Annotated[tuple[str, ...], BeforeValidator(_values)]


def _field(*aliases: str):
    return Field(default=(), validation_alias=AliasChoices(*aliases))


class WatchEntry(Strict):
    """One watch as written: a name and at least one search field."""

    name: Annotated[str, AfterValidator(_name)]
    keywords: Values = _field("keywords")
    jeugdregios: Annotated[Values, AfterValidator(_jeugdregios)] = _field("jeugdregios", "jeugdregio's", "regions")
    municipalities: Annotated[Values, AfterValidator(_municipalities)] = _field("municipalities", "gemeenten")
    buyers: Values = _field("buyers")
    cpv: Annotated[Values, AfterValidator(_cpv_prefixes)] = _field("cpv", "cpv_codes")
    providers: Values = _field("providers")
    news: Literal["relevant", "all"] = "relevant"

    @model_validator(mode="before")
    @classmethod
    def known_fields(cls, data):
        if not isinstance(data, dict):
            raise ValueError(f"expected a mapping with a name and search fields, got {data!r}")
        for key in data:
            if key not in OPTIONS and FIELD_ALIASES.get(key, key) not in FIELDS:
                raise FieldError(str(key), f"unknown field{_suggest(str(key), [*FIELDS, *FIELD_ALIASES, *OPTIONS])}; "
                                           f"known fields: name, {', '.join(FIELDS)}, news")
        return data

    @model_validator(mode="after")
    def searches_something(self):
        if not any(getattr(self, f) for f in FIELDS):
            raise ValueError(f"no search fields; give at least one of {', '.join(FIELDS)}")
        return self

    def watch(self) -> "Watch":
        ref = reference.load()
        return Watch(
            name=self.name,
            keywords=[k.casefold() for k in self.keywords],
            jeugdregios={code: ref.regions[code]["name"] for code in self.jeugdregios},
            municipalities={code: ref.municipalities[code]["name"] for code in self.municipalities},
            buyers=list(self.buyers), cpv=list(self.cpv), providers=list(self.providers),
            all_news=self.news == "all")


class WatchlistFile(Strict):
    """The declared shape of a watchlist file (a bare list of watches is read as ``watches``)."""

    title: Annotated[str, BeforeValidator(str)] | None = None
    watches: tuple[WatchEntry, ...]


# --- what the rest of the package uses --------------------------------------------------------------
@dataclass
class Watch:
    name: str
    keywords: list[str] = field(default_factory=list)
    jeugdregios: dict[str, str] = field(default_factory=dict)      # code -> name
    municipalities: dict[str, str] = field(default_factory=dict)   # CBS code -> name
    buyers: list[str] = field(default_factory=list)
    cpv: list[str] = field(default_factory=list)                   # digit prefixes
    providers: list[str] = field(default_factory=list)
    all_news: bool = False          # news: all — also articles judged not about a procurement

    @property
    def slug(self) -> str:
        return re.sub(r"[^a-z0-9]+", "-", self.name.casefold()).strip("-") or "watch"


@dataclass
class Watchlist:
    path: Path
    title: str
    watches: list[Watch]


def load_watchlist(path: str | Path) -> Watchlist:
    """Read and validate a watchlist file; raises :class:`WatchlistError`."""
    path = Path(path)
    data = read_yaml(path, WatchlistError)
    if isinstance(data, list):
        data = {"watches": data}
    if not isinstance(data, dict) or not isinstance(data.get("watches"), list) or not data["watches"]:
        raise WatchlistError(f"{path}: expected a list of watches (top-level list or 'watches:'), found none")
    spec = validate(WatchlistFile, data, WatchlistError, str(path), entries="watches")
    seen: dict[str, int] = {}
    for number, entry in enumerate(spec.watches, 1):
        if entry.name.casefold() in seen:
            raise WatchlistError(f'{path}: entry {number} ("{entry.name}"): field "name": duplicate of '
                                 f'entry {seen[entry.name.casefold()]}')
        seen[entry.name.casefold()] = number
    return Watchlist(path=path, title=spec.title or f"Watchlist {path.stem}",
                     watches=[entry.watch() for entry in spec.watches])
