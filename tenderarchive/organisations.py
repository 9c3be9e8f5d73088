"""Organisations: one identity for the many ways a buyer is written.

"Gemeente Leiden", "gemeente leiden" and "Leiden" are one organisation, the
municipality with CBS code GM0546 (its ``organisation_id``), in jeugdregio JZ18.
A regional buyer ("GR Jeugdhulp Rijnmond", "Holland Rijnland", a centrumgemeente
buying for its region) is one organisation too, keyed by its ``buyer_id`` in
``tenderarchive/data/regional_buyers.csv``, with the jeugdregio and the member
municipalities it buys for. Other organisations get a slug of their normalised
name ("Stichting Jeugdzorg Zuid" → ``stichting-jeugdzorg-zuid``). Every name is
matched through :mod:`tenderarchive.reference` (one normalisation for all lookups).
"""

from __future__ import annotations

import re

from tenderarchive import reference
from tenderarchive.analysis import places


def municipality(name: str | None) -> dict | None:
    """The CBS row of the municipality that ``name`` (with or without "Gemeente") means."""
    return reference.municipality(name)


def organisation(name: str | None, year=None) -> dict | None:
    """``{organisation_id, name, kind, cbs_code, jeugdregio_code, member_codes}`` for a buyer
    name; ``member_codes``: the municipalities a notice of this buyer counts for in ``year``."""
    if not name or not name.strip():
        return None
    row = reference.municipality(name)
    if row:
        # A municipality that has since merged is its successor (reference.municipality, the data
        # README), in the jeugdregio the old municipality itself had in ``year`` (region_of by the old
        # name applies ``jeugdregio_before``: Weesp 2021 is JZ16, not Amsterdam's JZ13).
        return {"organisation_id": row["cbs_code"], "name": f"Gemeente {row['name']}", "kind": "municipality",
                "cbs_code": row["cbs_code"],
                "jeugdregio_code": reference.region_of(row.get("merged_from") or row["cbs_code"], year) or None,
                "member_codes": [row["cbs_code"]]}
    regional = reference.buyer(name, year)
    if regional:
        return {"organisation_id": regional["buyer_id"], "name": regional["name"], "kind": "regional_buyer",
                "cbs_code": None, "jeugdregio_code": regional["jeugdregio_code"] or (
                    regional["jeugdregio_codes"][0] if len(regional["jeugdregio_codes"]) == 1 else None),
                "member_codes": regional["member_codes"]}
    # the slug of the name as written, not its municipality key: "Zorg (B.V.)" stays zorg-b-v, the id
    # archived rows hold (the abbreviation rule of reference.normalise serves municipality names)
    slug = re.sub(r"[^a-z0-9]+", "-", reference.normalise(name, abbreviations=False)).strip("-")
    return {"organisation_id": slug, "name": re.sub(r"\s+", " ", name).strip(), "kind": "other",
            "cbs_code": None, "jeugdregio_code": None, "member_codes": []}


def named_municipalities(text: str, title: str | None = None, year: int | None = None) -> list[dict]:
    """Municipalities a notice's title and text name (CBS name, code, jeugdregio: the one of ``year``,
    default 2025), and those a sub-region it names implies (H10, Parkstad: matched ``subregion:...``),
    which a notice has always counted for (``notice_municipalities``)."""
    found = places.find_municipalities(text or "", title=title, year=year, regions=False)  # its regions unread
    return found["municipalities"] + found.get("municipalities_mentioned", []) + found.get("implied_municipalities", [])
