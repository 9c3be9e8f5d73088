"""TenderNed API conformance, round 11: combinations the ten earlier rounds left, each by a real crawl of the
loopback API (tenderarchive/apiserver.py) into a real archive. The records are the synthetic snapshot's, edited
into the documented shapes (docs/reference/tenderned-api.md)."""

from __future__ import annotations

import copy
import json

from tests.conftest import by_id

DETAIL = "/papi/tenderned-rs-tns/v2/publicaties/"
WINDOW = {"from_date": "2020-02-10", "until_date": "2020-02-10"}  # contract notice 600601, open until 2020-03-23
TYPE_KEYS = ("aankondigingCode", "formType", "typePublicatie", "publicatieCode")


def related_rows(server, publication_id):
    """What the loopback API's /gerelateerd answers for the notice (the array of reference §6)."""
    return server.api.related(server.api.find(str(publication_id)))


def test_a_notice_that_changes_type_back_to_a_contract_notice_leaves_its_awards_archived_not_current(
        snapshot, serve_api, crawl, tmp_path):
    """A notice first published as an award notice (AGO, formType "result") whose detail, re-checked, now says it
    is a contract notice (AAO, "competition") under the same publicatieId (reference §7.1: the list's
    ``typePublicatie`` is the detail's ``aankondigingCode``; the type corrected): its /html is read again, and the
    winners its earlier rendering gave stay archived (never deleted) but are no longer the procedure's current
    awards, nor is the procedure awarded by them. They stayed current: the procedure counted as awarded, its
    winners and value in the awards saved search and the summaries, by a notice that awards nothing."""
    notice, award = by_id(snapshot, 600601), by_id(snapshot, 200288)
    original = copy.deepcopy(notice)
    notice["detail"].update({key: award["detail"][key] for key in TYPE_KEYS})
    notice["list"]["typePublicatie"] = award["list"]["typePublicatie"]
    notice["html"] = award["html"]
    server = serve_api(snapshot)
    first = crawl(server.api_url, **WINDOW)
    assert first.crawl["status"] == "complete", first.errors
    procurement = first.db["notices"].get(600601)["procurement_id"]
    awarded = first.db["awards"].count_where("publication_id = 600601 and current = 1")
    assert awarded > 0
    assert first.db["procurements"].get(procurement)["is_awarded"] == 1
    notice["detail"].update({key: original["detail"][key] for key in TYPE_KEYS})
    notice["list"]["typePublicatie"] = original["list"]["typePublicatie"]
    if "html" in original:
        notice["html"] = original["html"]
    else:  # the loopback API renders the contract notice's detail (its minimal /html)
        del notice["html"]
    began = len(server.api.log)
    second = crawl(server.api_url, **WINDOW)
    assert f"{DETAIL}600601/html" in server.api.log[began:]
    assert second.crawl["status"] == "complete", second.errors
    row = second.db["notices"].get(600601)
    assert row["notice_type"] == "AAO"
    assert second.db["awards"].count_where("publication_id = 600601") == awarded  # kept
    assert second.db["awards"].count_where("publication_id = 600601 and current = 1") == 0
    assert not second.db["procurements"].get(procurement)["is_awarded"]
    # the morning report says so, not "superseded" (a later rectification's word)
    from tenderarchive.watch import build_report, load_watchlist, render_text
    watchlist = tmp_path / "watchlist.yaml"
    watchlist.write_text("watches:\n  - name: alles\n    cpv: ['85']\n", encoding="utf-8")
    text = render_text(build_report(second.db_path, load_watchlist(watchlist), second.crawl["crawl_id"]))
    assert "Notice type (notice_type): Aankondiging gegunde opdracht → Aankondiging opdracht" in text, text  # a code is told by its label
    assert "no longer current: the notice is now a contract notice" in text and "superseded" not in text, text


def test_a_retry_after_of_superscript_digits_is_no_header_not_a_failed_request(snapshot, serve_api, crawl):
    """A 429 whose ``Retry-After`` is no delta-seconds (RFC 9110 §10.2.3: DIGIT is 0-9) though ``str.isdigit``
    takes it: "²" (byte 0xB2 read as Latin-1, a header mangled on its way). Read as absent: backed off as a 429
    without one and retried, the notice archived. ``float("²")`` raised in the retry middleware: the request
    failed with a ValueError, never retried, the notice missing and the crawl partial."""
    path = f"{DETAIL}200201"
    server = serve_api(snapshot, faults={path: [{"status": 429, "headers": {"Retry-After": "\u00b2"}}]})
    result = crawl(server.api_url, from_date="2020-06-15", until_date="2020-06-15")
    assert server.api.log.count(path) == 2
    assert "without Retry-After; backing off" in result.output
    assert result.db["notices"].get(200201)
    assert result.crawl["status"] == "complete", result.errors


def test_a_related_award_notice_whose_detail_names_no_type_is_typed_by_its_gerelateerd_row(
        snapshot, serve_api, crawl):
    """An award notice found only through its procedure's /gerelateerd (reference §6: each row has ``formType``,
    "result" here), whose detail names neither ``aankondigingCode`` nor ``formType`` (§13: fields go missing):
    it has no list row to fall back on (the list's ``typePublicatie`` types a listed one), so its /gerelateerd
    row types it. Its /html is read and its winners archived; it was archived with no notice type and its awards
    never asked for, the procedure counted as awaiting its award."""
    award = by_id(snapshot, 200288)
    server = serve_api(snapshot)
    rows = related_rows(server, 200201)  # as the API renders the procedure's notices, the award's typed
    assert any(r["publicatieId"] == 200288 and r.get("formType") == "result" for r in rows), rows
    for publication_id in (200201, 200288):
        server.api.faults[f"{DETAIL}{publication_id}/gerelateerd"] = [{"status": 200, "body": json.dumps(rows)}] * 3
    for key in ("aankondigingCode", "formType"):
        award["detail"].pop(key, None)
    result = crawl(server.api_url, from_date="2020-06-15", until_date="2020-06-15")
    assert f"{DETAIL}200288/html" in server.api.log
    assert result.db["awards"].count_where("publication_id = 200288") > 0
    assert result.crawl["status"] == "complete", result.errors


def test_timestamps_with_an_rfc_9557_zone_suffix_are_read(snapshot, serve_api, crawl):
    """Timestamps as Java's ``ZonedDateTime`` writes them (TenderNed's backend is Spring; reference §13 leaves the
    detail's timestamp form open): an offset and the zone's name in brackets (RFC 9557), or the name alone after
    a local time. Read as the instant they name; both were unreadable ("Invalid isoformat string"): the
    publication time lost to the list row's day, the deadline to the list row's, each recorded, the crawl
    partial."""
    notice = by_id(snapshot, 600601)
    notice["detail"]["publicatieDatum"] = "2020-02-10T10:00:00+01:00[Europe/Amsterdam]"
    notice["detail"]["sluitingsDatum"] = "2020-03-24T12:00:00[Europe/Amsterdam]"
    result = crawl(serve_api(snapshot).api_url, **WINDOW)
    row = result.db["notices"].get(600601)
    assert (row["published_at"], row["deadline"]) == ("2020-02-10T10:00:00+01:00", "2020-03-24T12:00:00+01:00")
    assert result.crawl["status"] == "complete", result.errors
