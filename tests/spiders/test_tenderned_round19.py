"""TenderNed API conformance, round 19: what the eighteen earlier rounds left, each by a real crawl of the loopback
API (tenderarchive/apiserver.py) into a real archive. The records are the synthetic snapshot's (SYNTHETIC)."""

from __future__ import annotations

LIST = "/papi/tenderned-rs-tns/v2/publicaties"  # the list pages (and the window's count): no id in the path
JOB = ("-s", "TENDERNED_INCREMENTAL=False")


def test_list_pages_that_failed_are_asked_by_the_next_run_in_the_same_job_folder(snapshot, serve_api, crawl,
                                                                                   tmp_path):
    """docs/operations.md: a backfill interrupted or cut short is run again with the same ``--jobdir``. Its list
    pages that failed (a 500 past its retries) were never asked again: Scrapy's duplicate filter in the job folder
    remembers every request of the crawl before, so the rerun asked nothing of the window, archived nothing, ended
    ``failed`` with no error saying why, and the notices only those pages listed were never fetched. The rerun asks
    the failed list pages again (and only those: the details the crawl before archived are not asked again)."""
    server = serve_api(snapshot, faults={LIST: [{"status": 500}] * 200})
    job = ("--jobdir", str(tmp_path / "job"), *JOB)
    first = crawl(server.api_url, *job)
    assert first.returncode != 0 and first.db["notices"].count == 0
    assert any(LIST + "?" in e["url"] for e in first.errors)
    server.api.faults.clear()  # the server is healthy again
    server.api.log.clear()
    again = crawl(server.api_url, *job)
    assert again.returncode == 0, (again.errors, again.crawl)
    assert again.db["notices"].count == crawl(serve_api(snapshot).api_url, *JOB, db=tmp_path / "fresh.db").db[
        "notices"].count
