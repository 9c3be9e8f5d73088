"""Places: the buyer of a notice as an organisation, and the municipalities and
jeugdregio a notice concerns, so researchers can facet notices by jeugdregio.

A thin adapter over :mod:`tenderarchive.organisations` and :mod:`tenderarchive.reference`:

- ``buyer_id``: the organisation (a municipality's CBS code, a regional buyer's id,
  or a name slug);
- ``notice_municipalities``: the buyer's municipality, or every member municipality a
  regional buyer bought for in the notice's year (``matched = 'regional_buyer'``),
  plus those named in the title and description (with CBS code and their jeugdregio of the notice's year);
- ``jeugdregio_code``: the buyer's jeugdregio, else the one most named.

Speed (issue 14): a buyer's organisation and member municipalities depend only on its name and
the notice's year, and a handful of buyers publish most notices, so they are worked out once
per (name, year) (:func:`_buyer`) and copied into each notice's rows; the places a title and
description name once per pair of texts and year (:func:`_named`: a procedure's notices repeat them).
"""

from __future__ import annotations

from functools import lru_cache

from tenderarchive import reference
from tenderarchive.items import NoticeItem
from tenderarchive.organisations import named_municipalities, organisation


class PlacesPipeline:
    #: Works on the item alone and sets only its `record` (no archive, no state between items): `reparse
    #: --jobs N` may run it in a worker process (tenderarchive/replay/workers.py).
    in_workers = True

    def process_item(self, item):
        if isinstance(item, NoticeItem) and item.record:
            add_places(item.record)
        return item


def add_places(record: dict) -> None:
    notice = record["notice"]
    year = notice.get("year") or (notice.get("published") or "")[:4] or None
    buyer, buyer_rows = _buyer(notice.get("buyer"), year)
    rows: dict[str, dict] = {code: dict(row) for code, row in buyer_rows}
    for found in _named(notice.get("description") or "", notice.get("title"), int(year) if year else None):
        rows.setdefault(found["cbs_code"], {"cbs_code": found["cbs_code"], "name": found["name"],
                                            "jeugdregio_code": found["jeugdregio_code"] or None,
                                            "matched": found.get("matched")})
    notice["buyer_id"] = buyer["organisation_id"] if buyer else None
    notice["jeugdregio_code"] = (buyer or {}).get("jeugdregio_code") or _most_named_region(rows.values())
    if buyer:
        record["organisation"] = {**buyer, "member_codes": "|".join(buyer["member_codes"]) or None}
    else:
        record["organisation"] = None
    record["municipalities"] = [dict(r, publication_id=notice["publication_id"]) for r in rows.values()]
    if record.get("description_from_list") and notice.get("description"):
        # the list row's text stands in for a description the detail left out (pipelines/normalise.py): the places it
        # alone names, which the writer leaves out where it keeps an earlier detail's description over it
        # (store/writes.py write_notice). Read again only for such a notice (``_named`` is cached per text pair)
        year_number = int(year) if year else None
        named = {found["cbs_code"] for found in _named(notice["description"], None, year_number)}
        named -= {found["cbs_code"] for found in _named("", notice.get("title"), year_number)}
        record["description_places"] = sorted(named & set(rows) - {code for code, _row in buyer_rows})


def _most_named_region(rows) -> str | None:
    """The jeugdregio most of ``rows`` are in, the first of them in order on a tie (what
    ``Counter(...).most_common(1)`` answers), or None when none has one. Counted in a plain dict: a
    ``Counter`` and its ``most_common`` are four Python calls for the one or two places a notice names
    (issue 14: ≈ 1 % of a reparse's places step)."""
    counts: dict[str, int] = {}
    for row in rows:
        code = row["jeugdregio_code"]
        if code:
            counts[code] = counts.get(code, 0) + 1
    return max(counts, key=counts.__getitem__) if counts else None


@lru_cache(maxsize=1024)
def _named(description: str, title: str | None, year: int | None = None) -> tuple[dict, ...]:
    """The municipalities the title and description name, in their jeugdregio of ``year`` (read-only:
    :func:`add_places` copies them).

    Cached by the texts (issue 14): the notices of one procedure (announcement, rectifications, award)
    mostly repeat its title and description, and finding the places in them is ~0.2 ms a notice."""
    return tuple(named_municipalities(description, title, year))


@lru_cache(maxsize=4096)
def _buyer(name: str | None, year) -> tuple[dict | None, tuple]:
    """The buyer's organisation and its member municipalities' rows, ``(code, row)`` in order
    (read-only: :func:`add_places` copies them)."""
    buyer = organisation(name, int(year) if year else None)
    rows = []
    if buyer:
        matched = "buyer" if buyer["kind"] == "municipality" else f"regional_buyer:{buyer['organisation_id']}"
        for code in buyer["member_codes"]:
            row = reference.municipality(code)
            # a municipal buyer: its own region that year (of the old municipality, when it has since merged)
            region = buyer["jeugdregio_code"] if buyer["kind"] == "municipality" else reference.region_of(code, year)
            rows.append((code, {"cbs_code": code, "name": row["name"] if row else code,
                                "jeugdregio_code": region, "matched": matched}))
    return buyer, tuple(rows)
