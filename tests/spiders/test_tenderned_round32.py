"""TenderNed API conformance, round 32: what the thirty-one earlier rounds left, each by a real crawl of the loopback
API (tenderarchive/apiserver.py) into a real archive. The records are the synthetic snapshot's (SYNTHETIC), edited
into shapes docs/reference/tenderned-api.md allows."""

from __future__ import annotations

from tests.conftest import by_id, make_publication

NOTICE_DAY = {"from_date": "2018-03-13", "until_date": "2018-03-13"}  # contract notice 100101 (TN160417)
DOCUMENTS = "/papi/tenderned-rs-tns/v2/publicaties/100101/documenten"


def test_a_documents_answer_of_no_content_leaves_the_archived_documents_listed(snapshot, serve_api, crawl):
    """§5 documents ``/documenten`` as ``{documenten: […]}``, a list read whole. A 204 No Content (RFC 9110 §15.3.5)
    has no body, so no list: like a 404 it is "no documents list there" (asked once, not retried, the crawl complete),
    not a list naming nothing. Read as an empty list, it marked every archived document of a notice whose detail
    still answers no longer listed (``dropped_since``) and cleared its zip link. After a 204 the archived documents
    and the zip link stay as they were."""
    server = serve_api(snapshot)
    first = crawl(server.api_url, **NOTICE_DAY)
    assert first.crawl["status"] == "complete", first.errors
    archived = {r["document_id"] for r in first.db["documents"].rows_where("publication_id = 100101")}
    assert len(archived) == 2
    zip_url = first.db["notices"].get(100101)["documents_zip_url"]
    assert zip_url

    server.api.faults[DOCUMENTS] = [{"status": 204, "body": ""}] * 10
    second = crawl(server.api_url, "-s", "TENDERNED_INCREMENTAL=False", **NOTICE_DAY)
    assert second.crawl["status"] == "complete", second.errors
    assert server.api.log.count(DOCUMENTS) == 2  # once per crawl: not retried
    rows = list(second.db["documents"].rows_where("publication_id = 100101"))
    assert {r["document_id"] for r in rows} == archived
    assert {r["dropped_since"] for r in rows} == {None}
    notice = second.db["notices"].get(100101)
    assert notice["documents_zip_url"] == zip_url and notice["documents_unread"] is None


# contract notice 200201 of TN243310, published 2020-06-15 (SYNTHETIC), closed before the re-check margin
CORRECTED = {"from_date": "2020-06-10", "until_date": "2020-10-01"}


def test_an_archived_notice_listed_with_a_corrected_publication_date_is_fetched_again(snapshot, serve_api, crawl):
    """Contract notice 200201, archived by a first crawl as published on 2020-06-15, is listed by the next with a
    corrected ``publicatieDatum`` (§3: the list's date, Amsterdam's; its detail's timestamp, §4, corrected with it):
    published late on the 16th, 23:30 Amsterdam's summer time, which is 21:30 UTC. An incremental crawl skipped every
    archived notice whose status, kenmerk and type had not changed, so the archive kept the first date for ever: the
    notice counted on a day it was not published. It is fetched again and archived with the corrected date (its
    Amsterdam day, not UTC's), the change said in the log; a row that keeps disagreeing with its detail is news once;
    the next crawl fetches nothing again."""
    server = serve_api(snapshot)
    first = crawl(server.api_url, **CORRECTED)
    assert first.crawl["status"] == "complete", first.errors
    assert first.db["notices"].get(200201)["published"] == "2020-06-15"
    notice = by_id(snapshot, 200201)
    notice["list"]["publicatieDatum"] = "2020-06-16"
    notice["detail"]["publicatieDatum"] = "2020-06-16T21:30:00Z"
    again = crawl(server.api_url, **CORRECTED)
    assert again.crawl["status"] == "complete", again.errors
    assert again.db["notices"].get(200201)["published"] == "2020-06-16"
    assert "publication 200201: listed as published on 2020-06-16, archived as 2020-06-15: fetched again" \
           in again.output
    assert "'tenderned/published_listed': 1" in again.output
    third = crawl(server.api_url, **CORRECTED)
    assert "fetched again" not in third.output
    # a list row whose date its detail does not follow (§13: endpoints differ) is fetched again once, not every night
    notice["list"]["publicatieDatum"] = "2020-06-17"
    fourth = crawl(server.api_url, **CORRECTED)
    assert "publication 200201: listed as published on 2020-06-17" in fourth.output
    assert fourth.db["notices"].get(200201)["published"] == "2020-06-16"
    fifth = crawl(server.api_url, **CORRECTED)
    assert fifth.crawl["status"] == "complete", fifth.errors
    assert "fetched again" not in fifth.output


def test_a_crawl_of_another_profile_leaves_the_nightly_window_where_its_own_crawls_ended(snapshot, serve_api, crawl):
    """The nightly youth-care crawl last completed on 5 March; the machine was off for a fortnight (no crawl row at
    all); the user then crawled one old day with ``--profile all``, complete. The next nightly run continued from the
    last complete crawl of the whole spider, the ``all`` one, whose profile is not its own: no start, so the default
    window of seven days (13..20 March), and the youth-care notices of 6..12 March were never listed, by any run. The
    window starts where the profile's own complete crawls ended (5 March, less the overlap)."""
    template = by_id(snapshot, 200201)
    publications = snapshot + [make_publication(template, 710000 + day, f"2026-03-{day:02d}", title=f"Jeugdhulp {day}")
                               for day in range(6, 21)]
    server = serve_api(publications)
    nightly = crawl(server.api_url, from_date="2026-03-01", until_date="2026-03-05")
    assert nightly.crawl["status"] == "complete", nightly.errors
    other = crawl(server.api_url, "--profile", "all", from_date="2020-06-15", until_date="2020-06-15")
    assert other.crawl["status"] == "complete", other.errors
    again = crawl(server.api_url, from_date=None, until_date="2026-03-20")
    assert again.crawl["status"] == "complete", again.errors
    assert "window 2026-03-02..2026-03-20" in again.output
    assert again.db.execute("select count(*) from notices where publication_id between 710006 and 710020"
                            ).fetchone()[0] == 15
