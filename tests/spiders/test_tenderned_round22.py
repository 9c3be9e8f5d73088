"""TenderNed API conformance, round 22: what the twenty-one earlier rounds left, each by a real crawl of the
loopback API (tenderarchive/apiserver.py) into a real archive. The records are the synthetic snapshot's (SYNTHETIC)."""

from __future__ import annotations

import copy

from tests.conftest import by_id

NOTICE_DAY = {"from_date": "2018-03-13", "until_date": "2018-03-13"}  # contract notice 100101 (TN160417)
RECTIFICATION_DAY = {"from_date": "2018-07-03", "until_date": "2018-07-03"}  # its rectification 100131


def test_a_document_a_rectification_withdrew_is_kept_but_marked_no_longer_listed(snapshot, serve_api, crawl):
    """The contract notice listed two documents; its rectification withdrew one, and the notice's /documenten,
    read whole when the rectification brought the procedure back (§5), names the other alone. The withdrawn
    file's row stayed as it was, indistinguishable from a listed one; it is kept (nothing archived is lost)
    and says since when it is no longer listed. A list that names it again clears the mark; an unread list
    marks nothing."""
    notice = by_id(snapshot, 100101)
    kept, withdrawn = (str(d["documentId"]) for d in notice["documenten"]["documenten"])
    before = copy.deepcopy(notice)
    before["detail"]["publicatieIDLaatsteRectificatie"] = None  # not yet rectified
    first = crawl(serve_api([before]).api_url, **NOTICE_DAY)
    assert first.returncode == 0, first.output
    assert {r["dropped_since"] for r in first.db["documents"].rows_where("publication_id = 100101")} == {None}

    rectified = copy.deepcopy(notice)
    rectified["documenten"]["documenten"] = rectified["documenten"]["documenten"][:1]
    second = crawl(serve_api([rectified, by_id(snapshot, 100131)]).api_url, **RECTIFICATION_DAY)
    assert second.returncode == 0, second.output
    rows = {r["document_id"]: r for r in second.db["documents"].rows_where("publication_id = 100101")}
    assert set(rows) == {kept, withdrawn}  # nothing deleted
    assert rows[kept]["dropped_since"] is None
    assert rows[withdrawn]["dropped_since"] and rows[withdrawn]["name"]  # marked, its name and link kept
    assert rows[withdrawn]["download_url"]

    # listed again (the next rectification put it back): no longer marked
    third = crawl(serve_api([notice, by_id(snapshot, 100131), by_id(snapshot, 100190)]).api_url,
                  from_date="2018-11-20", until_date="2018-11-20")
    assert third.returncode == 0, third.output
    assert third.db["documents"].get((100101, withdrawn))["dropped_since"] is None
