"""TenderNed API conformance, round 10: the leftovers of round 9 and combinations the earlier rounds left, each by
a real crawl of the loopback API (tenderarchive/apiserver.py) into a real archive. The records are the synthetic
snapshot's, edited into the documented shapes (docs/reference/tenderned-api.md).

Checked by hand in this round and found sound (no test added beyond the one named): `tenderarchive crawl tenderned`
twice against a loopback API whose data changed between runs (a moved deadline and a new title reported CHANGED with
old -> new, a new notice NEW, `status` and exit codes 0, report files and feed written); a crawl killed with SIGKILL
then rerun (marked failed, its window listed again, its notices kept; the /gerelateerd it never asked: fixed
below); the incremental window's start as Amsterdam's day of the last crawl; the tender platform fields."""

from __future__ import annotations

import json

from tests.conftest import by_id

DETAIL = "/papi/tenderned-rs-tns/v2/publicaties/"
DAY = {"from_date": "2020-06-15", "until_date": "2020-06-15"}  # contract notice 200201; its award 200288 is later


def related_rows(server, publication_id):
    """What the loopback API's /gerelateerd answers for the notice (the array of reference §6)."""
    return server.api.related(server.api.find(str(publication_id)))


def test_a_later_gerelateerd_page_answering_404_is_recorded_once(snapshot, serve_api, crawl):
    """A /gerelateerd in a page envelope whose second page answers 404 (the list shrank, or its totalPages
    overstates): the crawl that meets it records it (partial: the rows of that page are unknown); the next runs,
    which ask the procedure's /gerelateerd again, only log it, as for a first page answering so. Keyed by its URL
    with ``?page=1&size=1``, it was never taken for the notice's /gerelateerd: recorded by every run, every crawl
    partial (and the cron mail sent) for as long as the procedure awaited its award."""
    server = serve_api(snapshot)
    mine = next(r for r in related_rows(server, 200201) if r["publicatieId"] == 200201)
    first = {"content": [mine], "totalElements": 2, "totalPages": 2, "size": 1, "number": 0,
             "numberOfElements": 1, "first": True, "last": False}
    later = f"{DETAIL}200201/gerelateerd?page=1&size=1"
    server.api.faults[f"{DETAIL}200201/gerelateerd"] = [{"status": 200, "body": json.dumps(first)}] * 3
    server.api.faults[later] = [{"status": 404, "body": '{"message": "Not Found"}'}] * 3
    one = crawl(server.api_url, **DAY)
    assert one.crawl["status"] == "partial"
    assert [e for e in one.errors if e["url"].endswith(later) and "HTTP 404" in e["error"]], one.errors
    began = len(server.api.log)
    two = crawl(server.api_url, **DAY)
    assert later in server.api.log[began:]  # asked again (the procedure awaits its award), answered 404 again
    assert two.crawl["status"] == "complete", two.errors
    assert two.returncode == 0


def test_a_compact_day_is_that_day_not_its_midnight(snapshot, serve_api, crawl):
    """A closing day sent in ISO 8601's basic form (``20200323``, the form TED's query dates take, reference
    §10.4): the same day as ``2020-03-23``, no error. Python's fromisoformat read it as midnight, so the deadline
    was archived as 00:00 of that day, a day earlier than the day it names, in the timelines and the feeds."""
    notice = by_id(snapshot, 600601)
    notice["detail"]["sluitingsDatum"] = "20200323"
    notice["detail"]["publicatieDatum"] = "20200210"
    result = crawl(serve_api(snapshot).api_url, from_date="2020-02-10", until_date="2020-02-10")
    row = result.db["notices"].get(600601)
    assert (row["deadline"], row["published"], row["published_at"]) == ("2020-03-23", "2020-02-10", "2020-02-10")
    assert result.crawl["status"] == "complete", result.errors


def test_an_epoch_number_for_a_date_is_recorded_saying_what_it_would_be(snapshot, serve_api, crawl):
    """A date sent as milliseconds since 1970 (Jackson's default for a Java date), which the reference allows for
    no date field (§3, §4: text): not read (a count can be of seconds or milliseconds), recorded naming the instant
    it would be, and the notice takes its list row's publication day and closing time. It was recorded as "expected
    a date text, got int", and the same digits sent as text as "day is out of range for month"."""
    notice = by_id(snapshot, 600601)
    notice["detail"]["publicatieDatum"] = 1581325200000  # 2020-02-10T10:00:00+01:00
    notice["detail"]["sluitingsDatum"] = "1584961200000"  # 2020-03-23T12:00:00+01:00
    result = crawl(serve_api(snapshot).api_url, from_date="2020-02-10", until_date="2020-02-10")
    row = result.db["notices"].get(600601)
    assert (row["published"], row["deadline"]) == ("2020-02-10", "2020-03-23T12:00:00+01:00")
    said = " | ".join(e["error"] for e in result.errors)
    assert "publicatieDatum 1581325200000" in said and "sluitingsDatum '1584961200000'" in said, said
    assert said.count("milliseconds since 1970 would be") == 2, said
    assert "2020-02-10T10:00:00+01:00" in said and "2020-03-23T12:00:00+01:00" in said, said
    assert result.crawl["status"] == "partial"


def test_a_notice_that_changes_type_under_its_id_has_its_rendering_read_again(snapshot, serve_api, crawl):
    """A contract notice (AAO) whose detail, re-checked while open, now says it is an award notice (AGO, formType
    "result") under the same publicatieId: the archive keeps the change (a version of the notice) and reads the
    notice's /html again, now for its winners. The rendering read as the contract notice's counted as read: the
    winners were never asked for, and the notice was no "result notice with its /html unread" either."""
    notice, award = by_id(snapshot, 600601), by_id(snapshot, 200288)
    server = serve_api(snapshot)
    window = {"from_date": "2020-02-10", "until_date": "2020-02-10"}  # 600601 is open until 2020-03-23
    first = crawl(server.api_url, **window)
    assert first.db["notice_results"].get(600601)["award_count"] == 0
    assert first.crawl["status"] == "complete", first.errors
    detail = notice["detail"]
    detail.update({key: award["detail"][key] for key in ("aankondigingCode", "formType", "typePublicatie",
                                                          "publicatieCode")})
    notice["list"]["typePublicatie"] = award["list"]["typePublicatie"]
    notice["html"] = award["html"]
    began = len(server.api.log)
    second = crawl(server.api_url, **window)
    assert f"{DETAIL}600601/html" in server.api.log[began:]
    row = second.db["notices"].get(600601)
    assert (row["notice_type"], row["form_type"]) == ("AGO", "result")
    assert second.db["notice_results"].get(600601)["award_count"] > 0
    assert second.db["awards"].count_where("publication_id = 600601") > 0
    assert second.crawl["status"] == "complete", second.errors
    began = len(server.api.log)
    crawl(server.api_url, **window)  # re-checked again (open): same type, its /html is not asked again
    assert f"{DETAIL}600601" in server.api.log[began:] and f"{DETAIL}600601/html" not in server.api.log[began:]


def test_the_tender_platform_a_detail_names_is_archived(snapshot, serve_api, crawl):
    """``urlTsenderNaam``/``urlTsenderWebsite`` (reference §4: the external tender platform, e.g. Mercell; JSM's
    ``isMercellTender`` reads them): archived as ``tender_platform`` and ``tender_platform_url``, and a detail that
    later leaves them out keeps them (a sparse answer, not a change). No test named them before."""
    notice = by_id(snapshot, 600601)
    notice["detail"].update({"urlTsenderNaam": "Mercell", "urlTsenderWebsite": "https://www.mercell.com/nl-nl/"})
    server = serve_api(snapshot)
    window = {"from_date": "2020-02-10", "until_date": "2020-02-10"}
    first = crawl(server.api_url, **window)
    row = first.db["notices"].get(600601)
    assert (row["tender_platform"], row["tender_platform_url"]) == ("Mercell", "https://www.mercell.com/nl-nl/")
    del notice["detail"]["urlTsenderNaam"], notice["detail"]["urlTsenderWebsite"]
    second = crawl(server.api_url, **window)  # re-checked: open
    row = second.db["notices"].get(600601)
    assert (row["tender_platform"], row["tender_platform_url"]) == ("Mercell", "https://www.mercell.com/nl-nl/")
    assert second.crawl["status"] == "complete", second.errors


def test_the_related_notices_a_killed_crawl_never_asked_for_are_fetched_by_the_next(snapshot, serve_api, tmp_path):
    """A crawl killed (SIGKILL: the machine rebooted, the OOM killer) after it archived award notice 200288 but
    before its /gerelateerd, asked after everything else, was answered: the next run knew 200288 (archived, so
    not fetched again), its procedure has an award notice (not awaiting one), and the killed crawl recorded no
    error to retry: the procedure's contract notice 200201 (before the window, found only through /gerelateerd)
    was never archived. The next run asks the /gerelateerd of the notices an interrupted crawl archived. (Items
    are written 200 at a time, the /gerelateerd of all of them asked last: in a long crawl most are pending.)"""
    import signal
    import subprocess
    import sys
    import time

    import sqlite_utils

    from tests.conftest import FAST, ROOT, run_crawl

    server = serve_api(snapshot)
    server.api.faults[f"{DETAIL}200288/gerelateerd"] = [{"status": 429, "headers": {"Retry-After": "250"}}]
    db = tmp_path / "archive.db"
    window = ["--from-date", "2021-01-20", "--until-date", "2021-01-20"]
    process = subprocess.Popen([sys.executable, "-m", "tenderarchive.cli", "crawl", "tenderned", "--db", str(db),
                                "--api-url", server.api_url, *FAST, "-s", "RETRY_AFTER_MAX=300",
                                "-s", "ARCHIVE_BATCH_ITEMS=1", *window],
                               cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            time.sleep(0.2)
            if f"{DETAIL}200288/gerelateerd" in server.api.log and db.exists():
                with sqlite_utils.Database(db) as archive:
                    if archive["notices"].exists() and archive["notices"].count_where("publication_id = 200288"):
                        break
        else:
            raise AssertionError(f"200288 not archived in time: {server.api.log}")
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)
    assert f"{DETAIL}200201" not in server.api.log
    again = run_crawl(server.api_url, db, from_date="2021-01-20", until_date="2021-01-20")
    assert f"{DETAIL}200201" in server.api.log
    assert again.db["notices"].get(200201)["notice_type"] == "AAO"
    assert again.crawl["status"] == "complete", again.errors


def test_a_later_list_page_refused_with_400_ends_the_query_there(snapshot, serve_api, crawl):
    """A list page after the first answering 400 (the page cap, reference §2: page > 99 answers 400; an API whose
    cap is lower than ``TENDERNED_MAX_PAGE`` refuses every page past it): the query ends there, recorded once
    with what it likely means, and the window's shortfall is recorded. Every following page was asked and
    recorded, one request and one error each, up to 98 per query and window."""
    from urllib.parse import urlencode

    server = serve_api(snapshot)
    window = {"from_date": "2017-01-01", "until_date": "2022-12-31"}
    total = len(snapshot)
    assert total >= 8

    def page(number):
        return "/papi/tenderned-rs-tns/v2/publicaties?" + urlencode(
            [("page", number), ("size", 1), ("publicatieDatumVanaf", window["from_date"]),
             ("publicatieDatumTot", window["until_date"])])

    for number in range(3, total):
        server.api.faults[page(number)] = [{"status": 400, "body": '{"message": "page must be < 3"}'}]
    result = crawl(server.api_url, "--profile", "all", "-s", "TENDERNED_PAGE_SIZE=1", **window)
    assert page(3) in server.api.log and page(4) not in server.api.log
    refused = [e for e in result.errors if "HTTP 400" in e["error"]]
    assert len(refused) == 1 and "page cap" in refused[0]["error"], result.errors
    assert [e["error"] for e in result.errors if e["url"] is None] == [
        f"shortfall: all {window['from_date']}..{window['until_date']}: fetched 3 of {total} rows"], result.errors
    assert result.crawl["status"] == "partial"
