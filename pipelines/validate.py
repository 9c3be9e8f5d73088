"""Validate: drop items whose records cannot be archived, saying why.

A dropped item is logged and recorded in the crawl's errors (by the crawl
recorder's ``item_dropped`` handler), so the crawl ends ``partial`` and the next
run fetches the publication again. Nothing archived is touched.
"""

from __future__ import annotations

from scrapy.exceptions import DropItem

from pipelines.normalise import clean_field  # values.clean_field's answers, a text with nothing to clean as it is
from tenderarchive.items import NoticeItem
from tenderarchive.values import readable_timestamp, to_int


class ValidatePipeline:
    #: Works on the item alone and sets only its `record` (no archive, no state between items): `reparse
    #: --jobs N` may run it in a worker process (tenderarchive/replay/workers.py).
    in_workers = True

    def process_item(self, item):
        if isinstance(item, NoticeItem):
            validate_notice(item)
        return item


def _has_text(value) -> bool:
    """Whether a text field says something once cleaned; a value of the wrong shape (a list, an object) counts,
    so that normalising it drops the item saying what it was. Cleaned by normalise's ``clean_field`` (issue 14:
    ``values.clean_field`` cleaned every title in full, twice a notice: 3.0 → 0.5 µs a call; normalise's gives its
    answers, returns a text with nothing to clean as it is and remembers the rest for normalise's own reading)."""
    try:
        return bool(clean_field(value))
    except ValueError:
        return True


def validate_notice(item: NoticeItem) -> None:
    detail = item.detail
    where = f"publication {item.publication_id}"
    if not isinstance(detail, dict):
        raise DropItem(f"{where}: detail record is {type(detail).__name__}, not an object")
    # A detail without its id (absent or null) is the publication its URL names: it was dropped as
    # "publicatieId None is not a number", by every run. One that names another is refused.
    raw_id = detail.get("publicatieId")
    if raw_id is not None:
        try:
            detail_id = to_int(raw_id)  # a whole number written as a float (407238.0) too
        except ValueError:
            raise DropItem(f"{where}: detail publicatieId {raw_id!r:.80} is not a number") from None
        if str(detail_id) != str(item.publication_id).strip():
            raise DropItem(f"{where}: detail record is for publicatieId {raw_id!r:.80}")
    row = item.list_record if isinstance(item.list_record, dict) else {}
    # the list row's title stands in for a detail without one (null, absent, blank): it was dropped, by every
    # run, though its list row named it (docs/reference/tenderned-api.md §3, §4: both carry it)
    # — only for a detail that is a publication's record (it carries its publicatieId, as every detail does, §4):
    # an error object sent with status 200 ({"status": 500, "error": …}) has neither, and was archived from the
    # list row as a complete notice, its failure unrecorded and the detail never asked again.
    if not _has_text(detail.get("aanbestedingNaam")) and raw_id is None:
        raise DropItem(f"{where}: detail answer has neither aanbestedingNaam (title) nor publicatieId: no publication "
                       f"record (keys: {', '.join(sorted(map(str, detail))[:5]) or 'none'})")
    # An archived notice's detail (a re-check: no list row) that leaves the title or the date out is a sparse answer
    # (fields go missing, §13): the archive keeps the ones it has (store.writes.keep_omitted) and takes the rest. It
    # was dropped, by every crawl (an open notice is re-checked by each until its deadline), each partial, and what
    # the detail did say (a deadline a rectification moved, §3) was never archived.
    if not any(_has_text(record.get("aanbestedingNaam")) for record in (detail, row)) and not item.archived:
        raise DropItem(f"{where}: detail record has no aanbestedingNaam (title), nor has its list row")
    # An unreadable optional date costs that field, not the notice (values.OPTIONAL_DATES: the spider
    # records it, normalise reads it as omitted); the publication date is required.
    # the list row's date stands in for a missing or unreadable one (docs/reference/tenderned-api.md §3, §13), and
    # for a notice found through /gerelateerd (no list row) that list's row's (§6: every row gives its date)
    related = item.related_record if isinstance(item.related_record, dict) else {}
    if all(readable_timestamp(record.get("publicatieDatum")) is None for record in (detail, row, related)) \
            and not item.archived:
        raise DropItem(f"{where}: detail record has no readable publicatieDatum (nor has its "
                       f"{'/gerelateerd row' if item.related_record is not None else 'list row'})")
    if item.documents is not None and not (isinstance(item.documents, dict)
                                           and isinstance(item.documents.get("documenten", []), list)):
        raise DropItem(f"{where}: documents response has no 'documenten' list")
