"""TenderNed API conformance, round 51, by real crawls of the loopback API (tenderarchive/apiserver.py) into a real
archive: a notice ended early whose reinstatement shows only in its detail (``isVroegtijdigBeeindigd``, reference §4;
its list row, §3, carries no ``isVroegtijdigeBeeindiging``: §13, fields go missing). The records are SYNTHETIC."""

from __future__ import annotations

from tests.conftest import by_id, make_publication

OPEN = {"from_date": "2021-10-01", "until_date": "2021-11-20"}  # contract notice 300301 (2021-10-15), open to 11-15
NOTICE = "/papi/tenderned-rs-tns/v2/publicaties/300301"


def test_an_open_notice_ended_early_by_its_detail_alone_is_re_checked_so_its_detail_decides(snapshot, serve_api,
                                                                                              crawl):
    """Open notice 300301's detail says the procedure ended early; its list row says nothing of it (no
    ``isVroegtijdigeBeeindiging``). An ended-early notice is not re-checked as open (round 46) and a row without the
    flag is no news (round 49), so when TenderNed reinstated it (its detail ``isVroegtijdigBeeindigd: false``) nothing
    asked its detail again: archived ended early, its procedure ``mislukt``, for ever. With no list row speaking of its
    early end, its detail alone decides: re-checked while open, archived running (the earlier row kept in
    ``versions``), the change said in the log."""
    notice = by_id(snapshot, 300301)
    del notice["list"]["isVroegtijdigeBeeindiging"]
    notice["detail"]["isVroegtijdigBeeindigd"] = True
    server = serve_api(snapshot)
    first = crawl(server.api_url, **OPEN)
    assert first.crawl["status"] == "complete", first.errors
    assert first.db["notices"].get(300301)["is_cancelled"] == 1
    procurement = first.db["notices"].get(300301)["procurement_id"]

    notice["detail"]["isVroegtijdigBeeindigd"] = False  # reinstated: only the detail says so
    asked = server.api.log.count(NOTICE)
    again = crawl(server.api_url, **OPEN)
    assert again.crawl["status"] == "complete", again.errors
    assert server.api.log.count(NOTICE) == asked + 1
    assert again.db["notices"].get(300301)["is_cancelled"] == 0
    assert again.db["versions"].count_where("table_name = 'notices' and row_key = '300301'") == 1
    assert again.db.execute("select count(*) from notices where procurement_id = ? and is_cancelled = 1",
                            [procurement]).fetchone()[0] == 0
    assert "publication 300301: its detail says it runs (isVroegtijdigBeeindigd false), archived as ended early" \
        in again.output
    assert "'tenderned/reinstated_detail': 1" in again.output


def test_a_related_open_notice_ended_early_is_re_checked_so_its_detail_decides(snapshot, serve_api, crawl):
    """A second contract notice of 300301's procedure (TN312877), published before the window and open to 2021-11-30,
    is reached only through 300301's ``/gerelateerd`` (reference §6: no list row). Its detail says it ended early, then
    that it runs: with no row to tell, it is re-checked while open and archived running as its detail says."""
    related = make_publication(by_id(snapshot, 300301), 300302, "2021-09-20", kenmerk=312877)
    related["detail"]["sluitingsDatum"] = related["list"]["sluitingsDatum"] = "2021-11-30T12:00:00"
    related["detail"]["isVroegtijdigBeeindigd"] = True
    snapshot.append(related)
    server = serve_api(snapshot)
    first = crawl(server.api_url, **OPEN)
    assert first.crawl["status"] == "complete", first.errors
    assert first.db["notices"].get(300302)["is_cancelled"] == 1
    assert first.db["notices"].get(300302)["listed_as"] is None  # found through /gerelateerd alone

    related["detail"]["isVroegtijdigBeeindigd"] = False
    again = crawl(server.api_url, **OPEN)
    assert again.crawl["status"] == "complete", again.errors
    assert again.db["notices"].get(300302)["is_cancelled"] == 0
    assert "publication 300302: its detail says it runs" in again.output


def test_a_notice_ended_early_whose_list_row_says_so_is_still_not_re_checked(snapshot, serve_api, crawl):
    """The same notice with its list row saying it ended early (``isVroegtijdigeBeeindiging: true``): the list speaks,
    and a reinstatement shows in its row (round 49), so it is not re-checked as open (round 46)."""
    notice = by_id(snapshot, 300301)
    notice["list"]["isVroegtijdigeBeeindiging"] = notice["detail"]["isVroegtijdigBeeindigd"] = True
    server = serve_api(snapshot)
    first = crawl(server.api_url, **OPEN)
    assert first.db["notices"].get(300301)["is_cancelled"] == 1
    asked = server.api.log.count(NOTICE)
    again = crawl(server.api_url, **OPEN)
    assert again.crawl["status"] == "complete", again.errors
    assert server.api.log.count(NOTICE) == asked
