"""TenderNed API conformance, round 49, by real crawls of the loopback API (tenderarchive/apiserver.py) into a real
archive: a notice archived as ended early that TenderNed reinstates (``isVroegtijdigeBeeindiging`` of its list row,
reference §3, and ``isVroegtijdigBeeindigd`` of its detail, §4, back to false). The records are SYNTHETIC."""

from __future__ import annotations

from tests.conftest import by_id

# contract notice 200201 of TN243310 (published 2020-06-15), closed (2020-09-01) before the re-check margin
CLOSED = {"from_date": "2020-06-15", "until_date": "2020-10-01"}
OPEN = {"from_date": "2021-10-01", "until_date": "2021-11-20"}  # contract notice 300301 (2021-10-15), open to 11-15
NOTICE = "/papi/tenderned-rs-tns/v2/publicaties/{id}"


def ended_early(snapshot, publication_id: int, value: bool) -> None:
    notice = by_id(snapshot, publication_id)
    notice["list"]["isVroegtijdigeBeeindiging"] = value
    notice["detail"]["isVroegtijdigBeeindigd"] = value


def test_a_notice_archived_as_ended_early_that_tenderned_reinstates_is_fetched_again(snapshot, serve_api, crawl):
    """Contract notice 200201, archived ended early (both flags true), is listed by the next crawl as running
    (``isVroegtijdigeBeeindiging: false``; its detail says ``isVroegtijdigBeeindigd: false``): TenderNed withdrew the
    early end. The incremental skip fetched it again only for a changed status, kenmerk, type or day, or a new
    publication of its procedure, so the archive kept it ended early, its procedure ``mislukt``, for ever. It is
    fetched again and archived running (the earlier row kept in ``versions``; its CPV codes and documents kept), the
    change said in the log; the next crawl fetches nothing again."""
    ended_early(snapshot, 200201, True)
    server = serve_api(snapshot)
    first = crawl(server.api_url, **CLOSED)
    assert first.crawl["status"] == "complete", first.errors
    assert first.db["notices"].get(200201)["is_cancelled"] == 1
    cpv = sorted(r["cpv"] for r in first.db["notice_cpv"].rows_where("publication_id = 200201"))
    documents = first.db["documents"].count_where("publication_id = 200201")
    assert cpv and documents

    ended_early(snapshot, 200201, False)
    asked = server.api.log.count(NOTICE.format(id=200201))
    again = crawl(server.api_url, **CLOSED)
    assert again.crawl["status"] == "complete", again.errors
    assert server.api.log.count(NOTICE.format(id=200201)) == asked + 1
    assert again.db["notices"].get(200201)["is_cancelled"] == 0
    assert "publication 200201: listed as running (isVroegtijdigeBeeindiging false), archived as ended early: " \
           "fetched again" in again.output
    assert "'tenderned/reinstated_listed': 1" in again.output
    assert again.db["versions"].count_where("table_name = 'notices' and row_key = '200201'") == 1
    assert again.db.execute("select count(*) from notices where procurement_id = 'TN243310' and is_cancelled = 1"
                            ).fetchone()[0] == 0
    assert sorted(r["cpv"] for r in again.db["notice_cpv"].rows_where("publication_id = 200201")) == cpv
    assert again.db["documents"].count_where("publication_id = 200201") == documents
    third = crawl(server.api_url, **CLOSED)  # the archive follows: nothing to fetch again
    assert "fetched again" not in third.output


def test_a_row_listed_as_running_whose_detail_still_says_ended_early_is_news_once(snapshot, serve_api, crawl):
    """The list row of 200201 goes back to false while its detail still says the procedure ended early (the list and
    the detail disagree, §13): fetched again once, the archive keeps what the detail says (ended early), and the
    next crawls do not fetch it again for the same disagreement. A row without the flag says nothing."""
    ended_early(snapshot, 200201, True)
    server = serve_api(snapshot)
    first = crawl(server.api_url, **CLOSED)
    assert first.db["notices"].get(200201)["is_cancelled"] == 1
    del by_id(snapshot, 200201)["list"]["isVroegtijdigeBeeindiging"]  # §13: fields go missing
    unflagged = crawl(server.api_url, **CLOSED)
    assert "fetched again" not in unflagged.output
    by_id(snapshot, 200201)["list"]["isVroegtijdigeBeeindiging"] = False
    again = crawl(server.api_url, **CLOSED)
    assert again.crawl["status"] == "complete", again.errors
    assert "'tenderned/reinstated_listed': 1" in again.output
    assert again.db["notices"].get(200201)["is_cancelled"] == 1
    third = crawl(server.api_url, **CLOSED)
    assert "fetched again" not in third.output


def test_an_open_notice_reinstated_is_re_checked_as_open_again(snapshot, serve_api, crawl):
    """Open notice 300301 (deadline 2021-11-15) archived ended early is no longer re-checked as open (round 46). Its
    list row back to false (reinstated), it is fetched again, archived running, and re-checked as open by the next
    crawl as any open notice is."""
    ended_early(snapshot, 300301, True)
    server = serve_api(snapshot)
    first = crawl(server.api_url, **OPEN)
    assert first.crawl["status"] == "complete", first.errors
    assert first.db["notices"].get(300301)["is_cancelled"] == 1
    ended_early(snapshot, 300301, False)
    again = crawl(server.api_url, **OPEN)
    assert again.crawl["status"] == "complete", again.errors
    assert again.db["notices"].get(300301)["is_cancelled"] == 0
    assert "publication 300301: listed as running" in again.output
    asked = server.api.log.count(NOTICE.format(id=300301))
    third = crawl(server.api_url, **OPEN)
    assert third.crawl["status"] == "complete", third.errors
    assert server.api.log.count(NOTICE.format(id=300301)) == asked + 1  # re-checked as open
