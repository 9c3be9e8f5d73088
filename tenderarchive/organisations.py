"""Organisations and places: one identity for the many ways a buyer is written.

"Gemeente Leiden", "gemeente leiden" and "Leiden" are one organisation, the
municipality with CBS code GM0546 (its ``organisation_id``), in jeugdregio JZ18.
Other organisations get a slug of their normalised name ("Stichting Jeugdzorg
Zuid" → ``stichting-jeugdzorg-zuid``). Municipality names and aliases come from
the shipped CBS table (``tenderarchive/data/municipalities.csv``) through
:mod:`tenderarchive.analysis.places`; matching folds case, diacritics and the
"Gemeente"/"gemeenten" prefix, so a misspelt prefix does not split one buyer in two.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from tenderarchive.analysis import places

_PREFIX = re.compile(r"(?i)^\s*(de\s+)?(gemeenten?|gem\.)\s+")


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", text).strip().lower()


@lru_cache(maxsize=1)
def _municipalities() -> dict[str, dict]:
    by_name: dict[str, dict] = {}
    for name, row in places.load()[0].items():
        for alias in [name, re.sub(r"\s*\([^)]*\)", "", name), *(row.get("aliases") or "").split("|")]:
            if alias:
                by_name.setdefault(fold(alias), row)
    return by_name


def municipality(name: str | None) -> dict | None:
    """The CBS row of the municipality that ``name`` (with or without "Gemeente") means."""
    if not name:
        return None
    return _municipalities().get(fold(_PREFIX.sub("", name)))


def organisation(name: str | None) -> dict | None:
    """``{organisation_id, name, kind, cbs_code, jeugdregio_code}`` for a buyer or provider name."""
    if not name or not name.strip():
        return None
    row = municipality(name)
    if row:
        return {"organisation_id": row["cbs_code"], "name": f"Gemeente {row['name']}", "kind": "municipality",
                "cbs_code": row["cbs_code"], "jeugdregio_code": row["jeugdregio_code"] or None}
    slug = re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-")
    return {"organisation_id": slug, "name": re.sub(r"\s+", " ", name).strip(), "kind": "other",
            "cbs_code": None, "jeugdregio_code": None}


def named_municipalities(text: str, title: str | None = None) -> list[dict]:
    """Municipalities a notice's title and text name (CBS name, code, jeugdregio)."""
    found = places.find_municipalities(text or "", title=title)
    return found["municipalities"] + found.get("municipalities_mentioned", [])
