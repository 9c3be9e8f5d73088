"""TenderNed API conformance, round 8: shapes and combinations the earlier rounds left, each by a real crawl of
the loopback API (tenderarchive/apiserver.py) into a real archive. The records are the synthetic snapshot's,
edited into the documented shapes (docs/reference/tenderned-api.md)."""

from __future__ import annotations

import json

import pytest

from tests.conftest import by_id

DETAIL = "/papi/tenderned-rs-tns/v2/publicaties/"


@pytest.mark.parametrize("no, yes", [("false", "true"), ("0", "1"), ("Nee", "Ja")],
                         ids=["quoted-json-booleans", "digits", "ja-nee"])
def test_a_yes_no_sent_as_text_is_read_as_it_says_not_as_truthy(snapshot, serve_api, crawl, no, yes):
    """A boolean sent as text (a serialiser's quoting, a proxy) is read as what it says: "false" was true."""
    notice = by_id(snapshot, 100101)
    detail = notice["detail"]
    detail.update(isGegund=no, isVroegtijdigBeeindigd=no, isDigitaalInschrijvenMogelijk=yes,
                  onlyGunningProcedure=no, afgerondeAanbesteding=no)
    detail["cpvCodes"][0]["isHoofdOpdracht"] = no
    detail["cpvCodes"][1]["isHoofdOpdracht"] = yes
    notice["documenten"]["documenten"][0]["virusIndicatie"] = no
    server = serve_api([notice, by_id(snapshot, 100131)])  # with the rectification its detail names (§4)
    result = crawl(server.api_url, from_date="2018-03-13", until_date="2018-03-13")
    assert result.returncode == 0, result.output
    row = result.db["notices"].get(100101)
    assert (row["is_awarded"], row["is_cancelled"], row["award_only"], row["is_completed"]) == (0, 0, 0, 0)
    assert row["is_digital"] == 1
    assert row["cpv_main"] == detail["cpvCodes"][1]["code"]
    assert {r["is_main"] for r in result.db["notice_cpv"].rows_where("publication_id = 100101 and cpv = ?", [detail["cpvCodes"][0]["code"]])} == {0}
    first = notice["documenten"]["documenten"][0]["documentId"]
    assert result.db["documents"].get((100101, str(first)))["virus_flag"] == 0
    assert result.db["procurements"].get("TN160417")["is_awarded"] == 0  # nor is its procurement


def test_the_latest_rectification_a_detail_names_is_fetched_though_gerelateerd_omits_it(snapshot, serve_api, crawl):
    """A backfill of the contract notice's day: its rectification (published months later, outside the window)
    is named by the detail's publicatieIDLaatsteRectificatie (§4, [H]) while /gerelateerd (§6, [M]) lists the
    notice alone (an index behind). The rectification was never fetched: the moved deadline stayed unknown."""
    original = by_id(snapshot, 100101)
    assert original["detail"]["publicatieIDLaatsteRectificatie"] == 100131
    alone = [{"publicatieId": 100101, "kenmerk": 160417, "formType": "competition",
              "publicatieDatum": original["detail"]["publicatieDatum"],
              "typePublicatie": original["detail"]["typePublicatie"]}]
    server = serve_api(snapshot, faults={f"{DETAIL}100101/gerelateerd": [{"status": 200, "body": json.dumps(alone)}]})
    result = crawl(server.api_url, from_date="2018-03-13", until_date="2018-03-13")
    assert result.returncode == 0, result.output
    assert f"{DETAIL}100101/gerelateerd" in server.api.log
    rectification = result.db["notices"].get(100131)
    assert rectification["notice_type"] == "REC"
    assert json.loads(result.db["procurements"].get("TN160417")["notice_types"])[:2] == ["AAO", "REC"]
    assert result.crawl["status"] == "complete", result.errors
    # asked once, though its own /gerelateerd lists the contract notice again
    assert server.api.log.count(f"{DETAIL}100131") == 1


@pytest.mark.parametrize("status", [404, 410])
def test_a_named_rectification_the_api_no_longer_serves_is_recorded_once_then_only_logged(
        snapshot, serve_api, crawl, status):
    """The rectification a detail names (§4) answers 404 or 410 (withdrawn; the index behind): recorded, so the
    first crawl is partial, as for a related notice; a later crawl that asks again only logs it, so crawls do not
    stay partial (and the incremental window stuck) for ever. The notice itself is archived all along."""
    notice = by_id(snapshot, 100101)
    assert notice["detail"]["publicatieIDLaatsteRectificatie"] == 100131
    gone = [{"status": status, "body": b'{"message": "Publicatie niet gevonden"}'}] * 20
    server = serve_api([notice], faults={f"{DETAIL}100131": gone})
    first = crawl(server.api_url, from_date="2018-03-13", until_date="2018-03-13")
    assert first.db["notices"].get(100101)["title"]
    assert first.crawl["status"] == "partial", first.errors
    assert [e for e in first.errors if e["url"].endswith(f"{DETAIL}100131")], first.errors
    second = crawl(server.api_url, from_date="2018-03-13", until_date="2018-03-13")
    assert server.api.log.count(f"{DETAIL}100131") >= 2  # asked again: it may come back
    assert second.returncode == 0, second.errors
    assert second.crawl["status"] == "complete", second.errors
    assert first.db["notices"].get(100101)["title"]


def test_a_detail_answered_by_an_error_object_is_not_archived_from_its_list_row(snapshot, serve_api, crawl):
    """An error object sent with status 200 has no title and no publicatieId: the list row's title stands in for a
    detail's missing one, but this is no detail. It was archived as a complete notice from the list row alone, the
    failure unrecorded, the detail never asked again. Now recorded, and the next run archives the real detail."""
    notice = by_id(snapshot, 100101)
    notice["detail"]["publicatieIDLaatsteRectificatie"] = None  # served alone
    # retried within the crawl (round 75): past its four retries
    error = [{"status": 200, "body": b'{"status": 500, "error": "Internal Server Error", "path": "/x"}'}] * 5
    server = serve_api([notice], faults={f"{DETAIL}100101": error})
    first = crawl(server.api_url, from_date="2018-03-13", until_date="2018-03-13")
    assert not (first.db["notices"].exists() and first.db["notices"].count_where("publication_id = 100101")), \
        first.errors
    assert any("100101" in json.dumps(e) for e in first.errors), first.errors
    assert first.returncode != 0
    second = crawl(server.api_url, from_date="2018-03-13", until_date="2018-03-13")
    assert second.returncode == 0, second.errors
    assert second.db["notices"].get(100101)["description"]


@pytest.mark.parametrize("title", [None, "", "&nbsp;", "absent"], ids=["null", "empty", "entity-only", "absent"])
def test_a_detail_without_a_title_takes_its_list_rows(snapshot, serve_api, crawl, title):
    """Both the list row and the detail carry ``aanbestedingNaam`` (§3, §4): a detail without it was dropped
    (the crawl partial, the notice asked and dropped again by every run) though its list row named it."""
    notice = by_id(snapshot, 100101)
    notice["detail"]["publicatieIDLaatsteRectificatie"] = None  # served alone
    notice["list"]["aanbestedingNaam"] = "Basishulp Jeugd Heerlen &amp; Landgraaf"
    if title == "absent":
        del notice["detail"]["aanbestedingNaam"]
    else:
        notice["detail"]["aanbestedingNaam"] = title
    server = serve_api([notice])
    result = crawl(server.api_url, from_date="2018-03-13", until_date="2018-03-13")
    assert result.returncode == 0, result.output
    assert result.db["notices"].get(100101)["title"] == "Basishulp Jeugd Heerlen & Landgraaf"
    assert result.crawl["status"] == "complete", result.errors


def test_a_notice_with_no_title_anywhere_is_still_recorded_not_archived(snapshot, serve_api, crawl):
    notice = by_id(snapshot, 100101)
    notice["list"]["aanbestedingNaam"] = " "
    notice["detail"]["aanbestedingNaam"] = "&nbsp;"
    server = serve_api([notice])
    result = crawl(server.api_url, from_date="2018-03-13", until_date="2018-03-13")
    assert not result.db["notices"].exists() or result.db["notices"].count == 0
    assert result.crawl["status"] != "complete"
    assert any("aanbestedingNaam" in str(error) for error in result.errors), result.errors


def test_an_archived_rectification_withdrawn_later_leaves_one_crawl_partial_not_every_one(snapshot, serve_api, crawl):
    """A crawl that fetches every detail again (``TENDERNED_INCREMENTAL=False``) asks the archived rectification a
    detail names (§4) or /gerelateerd lists (§6) as a related notice. Withdrawn since (404), it was recorded by
    every such crawl (only a notice never archived was let pass), so each stayed partial, for ever. Recorded
    once, with the archived record kept; after that only logged, as its own detail's 404 is."""
    notice, rectification = by_id(snapshot, 100101), by_id(snapshot, 100131)
    server = serve_api([notice, rectification])
    first = crawl(server.api_url, from_date="2018-03-13", until_date="2018-03-13")
    assert first.returncode == 0, first.errors
    kept = first.db["notices"].get(100131)
    server.api.faults[f"{DETAIL}100131"] = [{"status": 404, "body": b'{"message": "Publicatie niet gevonden"}'}] * 20
    second = crawl(server.api_url, "-s", "TENDERNED_INCREMENTAL=False", from_date="2018-03-13", until_date="2018-03-13")
    assert second.crawl["status"] == "partial", second.errors
    assert [e for e in second.errors if e["url"].endswith(f"{DETAIL}100131")], second.errors
    third = crawl(server.api_url, "-s", "TENDERNED_INCREMENTAL=False", from_date="2018-03-13", until_date="2018-03-13")
    assert server.api.log.count(f"{DETAIL}100131") >= 3  # still asked: it may come back
    assert third.returncode == 0, third.errors
    assert third.db["notices"].get(100131) == kept  # nothing archived is lost
