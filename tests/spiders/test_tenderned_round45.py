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


DAY = {"from_date": "2020-06-15", "until_date": "2020-06-15"}  # contract notice 200201; its award 200288 related
RELATED = "/papi/tenderned-rs-tns/v2/publicaties/{}/gerelateerd"


def test_a_related_notice_whose_detail_leaves_its_kenmerk_out_takes_the_gerelateerd_rows(snapshot, serve_api, crawl):
    """An award notice found only through ``/gerelateerd`` (no list row; reference §6: each row gives ``kenmerk``)
    whose detail leaves its ``kenmerk`` out (§13: fields missing) is archived under its procedure's ``kenmerk`` as the
    ``/gerelateerd`` row gives it: it was archived with none, so it was in no procedure (no ``procurement_id``), its
    award never on the procedure's timeline."""
    import json

    server = serve_api(snapshot)
    contract = by_id(snapshot, 200201)
    rows = server.api.related(contract)  # the procedure's rows, the award's kenmerk in its row
    assert 200288 in [row["publicatieId"] for row in rows]
    server.api.faults[RELATED.format(200201)] = [{"status": 200, "body": json.dumps(rows)}]
    by_id(snapshot, 200288)["detail"].pop("kenmerk")
    done = crawl(server.api_url, **DAY)
    award = done.db["notices"].get(200288)
    assert (award["kenmerk"], award["procurement_id"]) == (contract["detail"]["kenmerk"],
                                                           f"TN{contract['detail']['kenmerk']}")


def test_a_related_notice_whose_detail_leaves_its_type_out_is_archived_with_the_gerelateerd_rows_form_type(
        snapshot, serve_api, crawl):
    """An award notice found only through ``/gerelateerd`` whose detail names neither ``formType`` nor
    ``aankondigingCode`` (§13) is typed by its ``/gerelateerd`` row's ``formType`` (§6, "result"), as the spider
    already read it to ask its ``/html``: the archive kept no form type, so the notice, its awards read, had no
    stage on its procedure's timeline. A later crawl that fetches its detail again is no sparse answer for it."""
    import json

    server = serve_api(snapshot)
    rows = server.api.related(by_id(snapshot, 200201))
    assert [row["formType"] for row in rows if row["publicatieId"] == 200288] == ["result"]
    server.api.faults[RELATED.format(200201)] = [{"status": 200, "body": json.dumps(rows)}]
    for field in ("formType", "aankondigingCode"):
        by_id(snapshot, 200288)["detail"].pop(field, None)
    done = crawl(server.api_url, **DAY)
    award = done.db["notices"].get(200288)
    assert (award["notice_type"], award["form_type"]) == (None, "result")
    events = list(done.db.query("select kind, stage from events where source_id = '200288'"))
    assert events and all(event["stage"] for event in events), events
