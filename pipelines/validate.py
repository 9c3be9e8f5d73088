"""Validate: drop items whose records cannot be archived, saying why.

A dropped item is logged and recorded in the crawl's errors (by the crawl
recorder's ``item_dropped`` handler), so the crawl ends ``partial`` and the next
run fetches the publication again. Nothing archived is touched.
"""

from __future__ import annotations

from scrapy.exceptions import DropItem

from tenderarchive.items import NoticeItem
from tenderarchive.values import parse_timestamp


class ValidatePipeline:
    #: Works on the item alone and sets only its `record` (no archive, no state between items): `reparse
    #: --jobs N` may run it in a worker process (tenderarchive/replay/workers.py).
    in_workers = True

    def process_item(self, item):
        if isinstance(item, NoticeItem):
            validate_notice(item)
        return item


def validate_notice(item: NoticeItem) -> None:
    detail = item.detail
    where = f"publication {item.publication_id}"
    if not isinstance(detail, dict):
        raise DropItem(f"{where}: detail record is {type(detail).__name__}, not an object")
    raw_id = detail.get("publicatieId")
    try:
        detail_id = int(str(raw_id))
    except ValueError:
        raise DropItem(f"{where}: detail publicatieId {raw_id!r:.80} is not a number") from None
    if str(detail_id) != str(item.publication_id).strip():
        raise DropItem(f"{where}: detail record is for publicatieId {raw_id!r:.80}")
    if not str(detail.get("aanbestedingNaam") or "").strip():
        raise DropItem(f"{where}: detail record has no aanbestedingNaam (title)")
    for field in ("publicatieDatum", "sluitingsDatum", "aanvangOpdrachtDatum", "voltooiingOpdrachtDatum"):
        try:
            parse_timestamp(detail.get(field))
        except ValueError:
            raise DropItem(f"{where}: {field} {detail.get(field)!r:.80} is not a date or timestamp") from None
    row = item.list_record if isinstance(item.list_record, dict) else {}
    if detail.get("publicatieDatum") in (None, ""):
        # the list row's date stands in (docs/reference/tenderned-api.md §3, §13)
        try:
            listed = parse_timestamp(row.get("publicatieDatum"))
        except ValueError:
            listed = None
        if listed is None:
            raise DropItem(f"{where}: detail record has no publicatieDatum (nor has its list row)")
    if item.documents is not None and not (isinstance(item.documents, dict)
                                           and isinstance(item.documents.get("documenten", []), list)):
        raise DropItem(f"{where}: documents response has no 'documenten' list")
