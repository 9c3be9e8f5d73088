"""Places: the buyer of a notice as an organisation, and the municipalities and
jeugdregio a notice concerns, so researchers can facet notices by jeugdregio.

- ``buyer_id``: the organisation (a municipality's CBS code, or a name slug);
- ``notice_municipalities``: the buyer's municipality plus those named in the title
  and description (with CBS code and jeugdregio);
- ``jeugdregio_code``: the buyer's jeugdregio, else the one most named.
"""

from __future__ import annotations

from collections import Counter

from tenderarchive.items import NoticeItem
from tenderarchive.organisations import named_municipalities, organisation


class PlacesPipeline:
    def process_item(self, item):
        if isinstance(item, NoticeItem) and item.record:
            add_places(item.record)
        return item


def add_places(record: dict) -> None:
    notice = record["notice"]
    buyer = organisation(notice.get("buyer"))
    rows: dict[str, dict] = {}
    if buyer and buyer["cbs_code"]:
        rows[buyer["cbs_code"]] = {"cbs_code": buyer["cbs_code"], "name": buyer["name"].removeprefix("Gemeente "),
                                   "jeugdregio_code": buyer["jeugdregio_code"], "matched": "buyer"}
    for found in named_municipalities(notice.get("description") or "", notice.get("title")):
        rows.setdefault(found["cbs_code"], {"cbs_code": found["cbs_code"], "name": found["name"],
                                            "jeugdregio_code": found["jeugdregio_code"] or None,
                                            "matched": found.get("matched")})
    regions = Counter(r["jeugdregio_code"] for r in rows.values() if r["jeugdregio_code"])
    notice["buyer_id"] = buyer["organisation_id"] if buyer else None
    notice["jeugdregio_code"] = (buyer or {}).get("jeugdregio_code") or (
        regions.most_common(1)[0][0] if regions else None)
    record["organisation"] = buyer
    record["municipalities"] = [dict(r, publication_id=notice["publication_id"]) for r in rows.values()]
