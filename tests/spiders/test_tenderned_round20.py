"""TenderNed API conformance, round 20: what the nineteen earlier rounds left, each by a real crawl of the loopback
API (tenderarchive/apiserver.py) into a real archive. The records are the synthetic snapshot's (SYNTHETIC)."""

from __future__ import annotations

from tests.conftest import by_id

JOB = ("-s", "TENDERNED_INCREMENTAL=False")


def test_the_details_pdf_id_reaches_the_archive(snapshot, serve_api, crawl):
    """Reference §4: ``publicatiePdfId`` is an int of the detail. No column held it: the archive lost it. A crawl
    archives it as ``notices.pdf_id``; one of no readable shape costs that column, not the notice."""
    by_id(snapshot, 100101)["detail"]["publicatiePdfId"] = 8812345
    by_id(snapshot, 100131)["detail"]["publicatiePdfId"] = "n.v.t."
    result = crawl(serve_api(snapshot).api_url, *JOB)
    assert result.returncode == 0, (result.errors, result.crawl)
    notices = {row["publication_id"]: row for row in result.db["notices"].rows}
    assert notices[100101]["pdf_id"] == 8812345
    assert 100131 in notices and notices[100131]["pdf_id"] is None
