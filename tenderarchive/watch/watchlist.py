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

Within one watch, every *field* given must match (AND); within a field, any *value*
may match (OR). So ``keywords: [jeugdhulp]`` plus ``jeugdregios: [JZ41]`` means
"youth care in Zuid-Limburg". A watch needs at least one field. Errors name the
entry (number and name) and the field, and suggest the nearest known name
(``difflib``) for a misspelt field, municipality or jeugdregio.

:func:`load_watchlist` reads and checks a file into :class:`Watchlist`; municipalities and
jeugdregio's are resolved to CBS codes once, here, so matching
(``tenderarchive/watch/report.py``) compares codes only.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from tenderarchive.analysis import places

FIELDS = ("keywords", "jeugdregios", "municipalities", "buyers", "cpv", "providers")
FIELD_ALIASES = {"jeugdregio's": "jeugdregios", "regions": "jeugdregios", "cpv_codes": "cpv",
                 "gemeenten": "municipalities"}


class WatchlistError(ValueError):
    """A watchlist that cannot be used; the message names the file, entry and field."""


# --- reference data ----------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _places() -> tuple[dict, dict]:
    """({lookup key: municipality row}, {lookup key: jeugdregio row}); keys are codes and
    case-folded names and aliases."""
    municipalities, regions = {}, {}
    by_name, by_code = places.load()  # the shipped CBS tables, read once for the whole package
    for row in by_name.values():
        plain = re.sub(r"\s*\([^)]*\)", "", row["name"])
        for key in [row["cbs_code"], row["name"], plain, *row["aliases"].split("|")]:
            if key:
                municipalities.setdefault(key.casefold(), row)
    for row in by_code.values():
        for key in [row["code"], row["name"], *row["aliases"].split("|")]:
            if key:
                regions.setdefault(key.casefold(), row)
    return municipalities, regions


# --- the watchlist -------------------------------------------------------------------------------
@dataclass
class Watch:
    name: str
    keywords: list[str] = field(default_factory=list)
    jeugdregios: dict[str, str] = field(default_factory=dict)      # code -> name
    municipalities: dict[str, str] = field(default_factory=dict)   # CBS code -> name
    buyers: list[str] = field(default_factory=list)
    cpv: list[str] = field(default_factory=list)                   # digit prefixes
    providers: list[str] = field(default_factory=list)

    @property
    def slug(self) -> str:
        return re.sub(r"[^a-z0-9]+", "-", self.name.casefold()).strip("-") or "watch"


@dataclass
class Watchlist:
    path: Path
    title: str
    watches: list[Watch]


def _strings(value, where: str, name: str) -> list[str]:
    if isinstance(value, (str, int)) and not isinstance(value, bool):
        value = [value]
    if not isinstance(value, list) or not value:
        raise WatchlistError(f"{where}, field {name!r}: expected a value or a non-empty list of values")
    out = []
    for item in value:
        if isinstance(item, bool) or not isinstance(item, (str, int)) or not str(item).strip():
            raise WatchlistError(f"{where}, field {name!r}: {item!r} is not a non-empty text value")
        out.append(str(item).strip())
    return out


def _suggest(value: str, choices) -> str:
    close = difflib.get_close_matches(value.casefold(), list(choices), n=3, cutoff=0.75)
    return f" (did you mean {', '.join(repr(c) for c in close)}?)" if close else ""


def _watch(entry, number: int, source: str) -> Watch:
    where = f"{source}: entry {number}"
    if not isinstance(entry, dict):
        raise WatchlistError(f"{where}: expected a mapping with a name and search fields, got {entry!r}")
    name = entry.get("name")
    if not isinstance(name, str) or not name.strip():
        raise WatchlistError(f"{where}, field 'name': every watch needs a name")
    where = f"{source}: entry {number} ({name.strip()!r})"
    watch = Watch(name=name.strip())
    given = 0
    for raw_key, value in entry.items():
        if raw_key == "name":
            continue
        key = FIELD_ALIASES.get(raw_key, raw_key)
        if key not in FIELDS:
            raise WatchlistError(f"{where}, field {raw_key!r}: unknown field{_suggest(str(raw_key), FIELDS)}; "
                                 f"known fields: name, {', '.join(FIELDS)}")
        values = _strings(value, where, raw_key)
        given += 1
        municipalities, regions = _places()
        if key == "keywords":
            watch.keywords = [" ".join(v.split()).casefold() for v in values]
        elif key in ("buyers", "providers"):
            setattr(watch, key, [" ".join(v.split()) for v in values])
        elif key == "municipalities":
            for v in values:
                row = municipalities.get(v.casefold())
                if row is None:
                    raise WatchlistError(f"{where}, field {raw_key!r}: unknown municipality {v!r}"
                                         f"{_suggest(v, municipalities)}; use a CBS name or GM code")
                watch.municipalities[row["cbs_code"]] = row["name"]
        elif key == "jeugdregios":
            for v in values:
                row = regions.get(v.casefold())
                if row is None:
                    raise WatchlistError(f"{where}, field {raw_key!r}: unknown jeugdregio {v!r}"
                                         f"{_suggest(v, regions)}; use a JZ code or region name")
                watch.jeugdregios[row["code"]] = row["name"]
        elif key == "cpv":
            for v in values:
                match = re.fullmatch(r"(\d{2,8})(?:-\d)?", v.replace(" ", ""))
                if not match or (len(match.group(1)) < 8 and "-" in v):
                    raise WatchlistError(f"{where}, field {raw_key!r}: {v!r} is not a CPV code: give 8 digits "
                                         f"(optionally with its check digit, 85311300-5) or a prefix of 2-7 "
                                         f"digits (8531)")
                code = match.group(1)
                watch.cpv.append(code.rstrip("0") if len(code) == 8 else code)
    if not given:
        raise WatchlistError(f"{where}: no search fields; give at least one of {', '.join(FIELDS)}")
    return watch


def load_watchlist(path: str | Path) -> Watchlist:
    """Read and validate a watchlist file; raises :class:`WatchlistError`."""
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise WatchlistError(f"{path}: cannot read the watchlist: {exc.strerror or exc}") from None
    except yaml.YAMLError as exc:
        raise WatchlistError(f"{path}: not valid YAML: {exc}") from None
    title = f"Watchlist {path.stem}"
    if isinstance(data, dict):
        unknown = set(data) - {"title", "watches"}
        if unknown:
            raise WatchlistError(f"{path}: unknown top-level field(s) {', '.join(map(repr, sorted(unknown)))}; "
                                 f"known: title, watches")
        title = str(data.get("title") or title)
        entries = data.get("watches")
    else:
        entries = data
    if not isinstance(entries, list) or not entries:
        raise WatchlistError(f"{path}: expected a list of watches (top-level list or 'watches:'), found none")
    watches = [_watch(entry, number, str(path)) for number, entry in enumerate(entries, 1)]
    seen = set()
    for number, watch in enumerate(watches, 1):
        if watch.name.casefold() in seen:
            raise WatchlistError(f"{path}: entry {number} ({watch.name!r}), field 'name': duplicate name")
        seen.add(watch.name.casefold())
    return Watchlist(path=path, title=title, watches=watches)
