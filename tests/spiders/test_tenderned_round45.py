"""TenderNed API conformance, round 45, by real crawls of the loopback API (tenderarchive/apiserver.py) into a real
archive: the buyer's name when only the list row names it (reference §3: the list's ``aanbestedendeDienstNaam``;
§13: fields missing from the detail). The records are SYNTHETIC."""

from __future__ import annotations

from tests.conftest import by_id

WINDOW = {"from_date": "2021-10-01", "until_date": "2021-10-31"}  # 300301 (published 2021-10-15) listed


def test_the_buyer_is_the_list_rows_authority_when_no_other_name_is_given(snapshot, serve_api, crawl):
    """A notice whose detail names no buyer (no ``opdrachtgeverNaam``, no ``aanbestedendeDienstNaam``: §13, fields
    the detail leaves out) and whose list row gives only ``aanbestedendeDienstNaam`` (§3; ``opdrachtgeverNaam`` left
    out) is archived with that name as its buyer, as it is its official buyer: the buyer (the column searches, the
    organisations and the saved searches read) was NULL though the response named the authority."""
    notice = by_id(snapshot, 300301)
    for field in ("opdrachtgeverNaam", "aanbestedendeDienstNaam"):
        notice["detail"].pop(field, None)
    notice["list"].pop("opdrachtgeverNaam")
    notice["list"]["aanbestedendeDienstNaam"] = "Gemeente Haarlem"
    done = crawl(serve_api(snapshot).api_url, **WINDOW)
    assert done.crawl["status"] == "complete", done.errors
    row = done.db["notices"].get(300301)
    assert (row["buyer"], row["buyer_official"]) == ("Gemeente Haarlem", "Gemeente Haarlem")
