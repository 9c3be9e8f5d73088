"""TenderNed API conformance, round 30: what the twenty-nine earlier rounds left, each by a real crawl of the
loopback API (tenderarchive/apiserver.py) into a real archive. The records are the synthetic snapshot's (SYNTHETIC),
edited into shapes docs/reference/tenderned-api.md allows."""

from __future__ import annotations

import json

from tests.conftest import by_id

# contract notice 200201 of TN243310 (published 2020-06-15), closed (2020-09-01) before the re-check margin
CLOSED = {"from_date": "2020-06-15", "until_date": "2020-10-01"}


def test_an_archived_notice_listed_as_ended_early_is_fetched_again_and_its_procedure_fails(
        snapshot, serve_api, crawl):
    """Contract notice 200201, archived by a first crawl, is listed by the next with ``isVroegtijdigeBeeindiging:
    true`` (§3: early termination; its detail now says ``isVroegtijdigBeeindigd: true``, §4). An incremental crawl
    skipped every archived notice whose ``publicatiestatus`` and ``kenmerk`` had not changed, so the archive kept it
    running for ever: ``is_cancelled`` 0 and the procurement's fase not ``mislukt``. It is fetched again, archived
    as ended early (the earlier row kept in ``versions``), the change said in the log; the next crawl fetches
    nothing again."""
    server = serve_api(snapshot)
    first = crawl(server.api_url, **CLOSED)
    assert first.crawl["status"] == "complete", first.errors
    assert first.db["notices"].get(200201)["is_cancelled"] == 0
    notice = by_id(snapshot, 200201)
    notice["list"]["isVroegtijdigeBeeindiging"] = True
    notice["detail"]["isVroegtijdigBeeindigd"] = True
    again = crawl(server.api_url, **CLOSED)
    assert again.crawl["status"] == "complete", again.errors
    assert again.db["notices"].get(200201)["is_cancelled"] == 1
    assert "publication 200201: listed as ended early (isVroegtijdigeBeeindiging), archived as running: " \
           "fetched again" in again.output
    assert "'tenderned/cancelled_listed': 1" in again.output
    assert again.db["versions"].count_where("table_name = 'notices' and row_key = '200201'") == 1
    # the procurement's current fase is `mislukt` once one of its notices is flagged so (docs/glossary.md)
    assert again.db.execute("select count(*) from notices where procurement_id = 'TN243310' and is_cancelled = 1"
                            ).fetchone()[0] == 1
    third = crawl(server.api_url, **CLOSED)  # the archive follows: nothing to fetch again
    assert "fetched again" not in third.output


def test_an_archived_notice_listed_under_another_notice_type_is_fetched_again(snapshot, serve_api, crawl):
    """Contract notice 200201 (AAO), archived by a first crawl, is listed by the next as a cancellation
    (``typePublicatie`` VBE, §7.1; its detail's ``aankondigingCode`` says so too: the list's type is the detail's,
    §3, §4): TenderNed corrected the publication's type under the same ``publicatieId``. An incremental crawl skipped
    it (its status and kenmerk unchanged), so the archive kept a running contract notice for a stopped procedure.
    It is fetched again and archived as the type it is now, the change said in the log; the next crawl fetches
    nothing again. A list row with no type that reads is no change."""
    server = serve_api(snapshot)
    first = crawl(server.api_url, **CLOSED)
    assert first.crawl["status"] == "complete", first.errors
    notice = by_id(snapshot, 200201)
    del notice["list"]["typePublicatie"]  # a row without its type (§13: fields go missing)
    unread = crawl(server.api_url, **CLOSED)
    assert "fetched again" not in unread.output
    notice["list"]["typePublicatie"] = {"code": "VBE", "omschrijving": "Vroegtijdige beëindiging"}
    notice["detail"]["aankondigingCode"] = {"code": "VBE", "omschrijving": "Vroegtijdige beëindiging"}
    again = crawl(server.api_url, **CLOSED)
    assert again.crawl["status"] == "complete", again.errors
    assert again.db["notices"].get(200201)["notice_type"] == "VBE"
    assert "publication 200201: listed as notice type VBE, archived as AAO: fetched again" in again.output
    assert "'tenderned/type_listed': 1" in again.output
    third = crawl(server.api_url, **CLOSED)
    assert "fetched again" not in third.output


OPEN = {"from_date": "2020-06-15", "until_date": "2020-06-15"}  # 200201 still open: re-checked with its /documenten


def test_a_document_listed_again_without_its_values_keeps_the_archived_ones(snapshot, serve_api, crawl):
    """Document 20020101 of open notice 200201, archived whole, is listed by the next crawl's re-check with no
    ``documentNaam``, an unreadable ``datumPublicatie`` and ``grootte`` (§5 gives neither's form; §13: fields go
    missing) and no ``typeDocument``. Each cost the archived value: the row was written over with nothing, so the
    document lost its name, date, size and type, though TenderNed still lists it. The archive keeps what it had
    (as it does for a notice's omitted values), the row saying which it kept (``omitted_columns``); a value the
    list gives again replaces the archived one (a document replaced under the same id)."""
    server = serve_api(snapshot)
    first = crawl(server.api_url, **OPEN)
    assert first.crawl["status"] == "complete", first.errors
    archived = first.db["documents"].get((200201, "20020101"))
    assert (archived["name"], archived["published"], archived["size_bytes"], archived["file_type"]) == (
        "Beschrijvend document toegang jeugdhulp.pdf", "2020-06-15", 127919, "pdf")
    document = by_id(snapshot, 200201)["documenten"]["documenten"][0]
    del document["documentNaam"], document["typeDocument"]
    document["datumPublicatie"], document["grootte"] = "binnenkort", "onbekend"
    again = crawl(server.api_url, **OPEN)
    kept = again.db["documents"].get((200201, "20020101"))
    assert (kept["name"], kept["published"], kept["size_bytes"], kept["file_type"]) == (
        "Beschrijvend document toegang jeugdhulp.pdf", "2020-06-15", 127919, "pdf")
    assert kept["dropped_since"] is None
    assert set(json.loads(kept["omitted_columns"])) >= {"name", "file_type"}
    document.update(documentNaam="Beschrijvend document toegang jeugdhulp v2.pdf", grootte=130001,
                    datumPublicatie="2020-06-20T09:00:00")
    replaced = crawl(server.api_url, **OPEN)
    now = replaced.db["documents"].get((200201, "20020101"))
    assert (now["name"], now["published"], now["size_bytes"]) == (
        "Beschrijvend document toegang jeugdhulp v2.pdf", "2020-06-20", 130001)
