"""TenderNed API conformance, round 74, by real crawls of the loopback API (tenderarchive/apiserver.py) into a real
archive, as an evaluator with a server of exactly the documented shapes (docs/reference/tenderned-api.md) would test
it. The records are SYNTHETIC."""

from __future__ import annotations

import json

import pytest

from tests.spiders.test_tenderned import _many

DAY = "2021-03-01"
LIST = "/papi/tenderned-rs-tns/v2/publicaties"
#: What a Spring Boot service answers when a handler throws, here sent with HTTP status 200 (a gateway or a filter that
#: rewrites the status): no page envelope (reference §3), a JSON object all the same.
SPRING_ERROR = {"status": 200, "body": json.dumps({
    "timestamp": "2026-12-07T20:01:02.123+00:00", "status": 500, "error": "Internal Server Error",
    "path": "/papi/tenderned-rs-tns/v2/publicaties"})}


def page_path(page: int, size: int = 5, day: str = DAY) -> str:
    return f"{LIST}?page={page}&size={size}&publicatieDatumVanaf={day}&publicatieDatumTot={day}"


@pytest.mark.parametrize("page", [0, 1])
def test_a_list_page_answered_with_a_spring_error_object_is_retried_within_the_crawl(snapshot, serve_api, crawl, page):
    """A list page (the query's first, or one after it) answered 200 with Spring's error object
    (``{"timestamp", "status": 500, "error", "path"}``) is the server failing as a 500 does. It was recorded at once,
    not asked again: the crawl partial, the page's notices waiting for the next run. Now it is retried like a 5xx
    (``RETRY_TIMES``), and the retry's page is read: the crawl complete."""
    publications = _many(snapshot, days=1, per_day=13)
    server = serve_api(publications, max_size=5, faults={page_path(page): [SPRING_ERROR, SPRING_ERROR]})
    result = crawl(server.api_url, "--profile", "all", "-s", "TENDERNED_PAGE_SIZE=5", from_date=DAY, until_date=DAY)
    assert result.returncode == 0, result.errors
    assert result.crawl["status"] == "complete" and result.db["notices"].count == 13
    assert server.api.log.count(page_path(page)) == 3
    assert "error object sent with 200 (status 500)" in result.output  # Scrapy's retry line names why


@pytest.mark.parametrize("path", ["/publicaties/300301", "/publicaties/100101/documenten",
                                  "/publicaties/200201/gerelateerd", "/publicaties/200288/html"])
def test_any_answer_that_is_a_spring_error_object_sent_with_200_is_retried_within_the_crawl(
        snapshot, serve_api, crawl, path):
    """The same error object for a detail, a documents list, a ``/gerelateerd`` or an award notice's ``/html``: the
    notice was dropped ("item dropped"), its documents unread or its related notices unasked, recorded, the crawl
    partial and the answer asked only by the next run. Spring's error object (``timestamp``, ``status``, ``error``) is
    no record of any endpoint (§4–§6): saying a 5xx, it is retried like one; the crawl archives what a clean one
    does."""
    path = f"/papi/tenderned-rs-tns/v2{path}"
    server = serve_api(snapshot, faults={path: [{**SPRING_ERROR, "body": SPRING_ERROR["body"].replace(LIST, path)}]})
    result = crawl(server.api_url)
    assert result.returncode == 0, result.errors
    assert result.crawl["status"] == "complete"
    assert server.api.log.count(path) == 2
    assert "error object sent with 200 (status 500)" in result.output
    assert result.db["notices"].get(300301) and result.db["notices"].get(100101)["documents_unread"] is None


def test_a_list_page_still_an_error_object_past_its_retries_is_recorded_and_asked_by_the_next_run(
        snapshot, serve_api, crawl):
    """Past its retries (``RETRY_TIMES`` 4: five answers) the error object is recorded under the page's address,
    saying what the server said; the crawl partial (exit code 3), and the next run (incremental) lists the window
    again and archives the notices only that page listed."""
    publications = _many(snapshot, days=1, per_day=13)
    server = serve_api(publications, max_size=5, faults={page_path(1): [SPRING_ERROR] * 5})
    first = crawl(server.api_url, "--profile", "all", "-s", "TENDERNED_PAGE_SIZE=5", from_date=DAY, until_date=DAY)
    assert first.returncode == 3 and first.crawl["status"] == "partial", first.output[-2000:]
    assert server.api.log.count(page_path(1)) == 5
    (error,) = [e for e in first.errors if (e["url"] or "").endswith(page_path(1))]
    assert error["error"] == ("list page without totalElements: not a page envelope (an error object sent with "
                              "HTTP 200: 500 Internal Server Error)"), first.errors
    assert first.db["notices"].count == 8  # pages 0 and 2
    again = crawl(server.api_url, "--profile", "all", "-s", "TENDERNED_PAGE_SIZE=5", from_date=None, until_date=None)
    assert again.crawl["status"] == "complete", again.errors
    assert again.db["notices"].count == 13


def test_an_error_object_of_a_refused_request_is_not_asked_again(snapshot, serve_api, crawl):
    """An error object whose ``status`` is a 4xx that is not retried (400: the request itself refused) is the server's
    answer, not a failure to get one: not asked again (as that status sent as such is not), recorded once."""
    publications = _many(snapshot, days=1, per_day=13)
    refused = {"status": 200, "body": json.dumps({"timestamp": "2026-12-07T20:01:02.123+00:00", "status": 400,
                                                  "error": "Bad Request", "path": LIST})}
    server = serve_api(publications, max_size=5, faults={page_path(1): [refused] * 5})
    result = crawl(server.api_url, "--profile", "all", "-s", "TENDERNED_PAGE_SIZE=5", from_date=DAY, until_date=DAY)
    assert server.api.log.count(page_path(1)) == 1
    assert [e["error"] for e in result.errors if (e["url"] or "").endswith(page_path(1))] == [
        "list page without totalElements: not a page envelope (an error object sent with HTTP 200: 400 Bad Request)"]


def test_a_crawl_that_retried_a_list_error_object_reparses_to_the_same_archive(snapshot, serve_api, crawl, tmp_path):
    """The crawl read the retry's page; its WARC holds the error object and the page, both 200. Replayed straight
    through the callbacks (every answer 2xx, both JSON), the error object was the answer read: the rebuilt archive
    lacked that page's notices and its crawl was partial. The replay goes through the engine, which retries it."""
    import re

    from tests import forkcli
    from tests.conftest import ROOT
    from tests.test_reparse import crawl_outcomes, dump

    publications = _many(snapshot, days=1, per_day=13)
    server = serve_api(publications, max_size=5, faults={page_path(1): [SPRING_ERROR]})
    db = tmp_path / "archive.db"
    result = crawl(server.api_url, "--profile", "all", "-s", "TENDERNED_PAGE_SIZE=5", from_date=DAY, until_date=DAY,
                   db=db)
    assert result.returncode == 0, result.errors
    server.__exit__(None, None, None)
    before, outcomes = dump(db), crawl_outcomes(db)
    completed = forkcli.run(["reparse", "--db", db], cwd=ROOT, timeout=300)
    assert completed.returncode == 0, completed.stderr[-3000:]
    assert re.findall(r"^reparsed crawl 1 \(\w+, \S+, (\w+)\): exit 0$", completed.stderr, re.M) == ["engine"]
    assert dump(db) == before and crawl_outcomes(db) == outcomes


# --- the reference's own example shapes, crawled end to end (docs/reference/tenderned-api.md §3, §4, §5) -------------

#: §3's example list item, verbatim (DG's fixture, S-fixture-live), with §3's ``kenmerk``.
LIST_ITEM = {
    "publicatieId": "407238", "publicatieDatum": "2026-01-06",
    "typePublicatie": {"code": "AAO", "omschrijving": "Aankondiging opdracht"},
    "aanbestedingNaam": "Vooraankondiging Challenge Battle Damage Repair", "aanbestedendeDienstNaam": "Defensie",
    "opdrachtgeverNaam": "Ministerie van Defensie", "sluitingsDatum": "2026-01-20T00:05:00",
    "aantalDagenTotSluitingsDatum": 14,
    "procedure": {"code": "APM", "omschrijving": "Andere procedure in meerdere fasen"},
    "typeOpdracht": {"code": "L", "omschrijving": "Leveringen"}, "digitaal": True, "europees": False,
    "publicatiecode": {"code": "EF18",
                       "omschrijving": "Aankondiging van een opdracht - defensierichtlijn, standaardregeling"},
    "publicatiestatus": {"code": "PUB", "omschrijving": "Gepubliceerd"}, "isVroegtijdigeBeeindiging": False,
    "opdrachtBeschrijving": "Defensie bereidt zich voor. &amp; meer", "score": None, "kenmerk": 576629,
    "link": {"href": "https://www.tenderned.nl/aankondigingen/overzicht/407238", "title": "self"}}


def detail_of(row: dict, **fields) -> dict:
    """§4's detail object for the list item ``row``: ``*Code`` objects, a numeric id, ``typePublicatie`` the form's
    description, ``publicatieCode`` a string, ``links`` with relative hrefs; no ``sluitingsDatum`` (§13: often absent)."""
    publication_id = int(row["publicatieId"])
    detail = {
        "publicatieId": publication_id, "kenmerk": row.get("kenmerk"), "aanbestedingNaam": row["aanbestedingNaam"],
        "aanbestedendeDienstNaam": row["aanbestedendeDienstNaam"], "opdrachtgeverNaam": row["opdrachtgeverNaam"],
        "opdrachtBeschrijving": "Defensie bereidt zich voor op herstel van gevechtsschade.",
        "publicatieDatum": f"{row['publicatieDatum']}T10:26:00.637087",
        "numberOfDaysBeforeAanmeldenInschrijven": -1,
        "typePublicatie": row["publicatiecode"]["omschrijving"], "publicatieCode": row["publicatiecode"]["code"],
        "aankondigingCode": row["typePublicatie"],
        "nationaalOfEuropeesCode": ({"code": "EU", "omschrijving": "Europees"} if row["europees"]
                                    else {"code": "NL", "omschrijving": "Nationaal"}),
        "typeOpdrachtCode": row["typeOpdracht"], "procedureCode": row["procedure"],
        "cpvCodes": [{"isHoofdOpdracht": True, "code": "35000000-4", "omschrijving": "Beveiligings-, brandbestrijdings-, "
                      "politie- en defensieuitrusting"}],
        "nutsCodes": [{"code": "NL", "omschrijving": "Nederland"}],
        "isDigitaalInschrijvenMogelijk": True, "afgerondeAanbesteding": False, "isGeimporteerd": False,
        "isVroegtijdigBeeindigd": False, "onlyGunningProcedure": False, "isGegund": False, "publicatiePdfId": 0,
        "publicatieIDLaatsteRectificatie": None, "formType": "competition",
        "links": {"pdf": {"href": f"/papi/tenderned-rs-tns/v2/publicaties/{publication_id}/pdf", "title": "pdf"},
                  "keepInformed": {"href": "/keep", "title": "x"}, "addToTenders": {"href": "/add", "title": "x"},
                  "shareOnLinkedIn": {"href": "/share", "title": "x"}}}
    detail.update(fields)
    return detail


def documents_of(publication_id: int, links: bool = True) -> dict:
    """§5's documents list: relative ``links.download.href`` per document, ``links.downloadZip`` (which may be
    missing)."""
    base = f"/papi/tenderned-rs-tns/v2/publicaties/{publication_id}/documenten"
    out = {"documenten": [
        {"documentId": publication_id * 10 + 1, "documentNaam": "Leidraad.pdf",
         "typeDocument": {"code": "pdf", "omschrijving": "PDF"}, "datumPublicatie": "2026-01-06T10:26:00",
         "publicatieCategorie": {"code": "DOC", "omschrijving": "Aanbestedingsdocumenten"}, "virusIndicatie": False,
         "grootte": 52311, "links": {"download": {"href": f"{base}/{publication_id * 10 + 1}/content",
                                                  "title": "Leidraad.pdf"}}},
        {"documentId": publication_id * 10 + 2, "documentNaam": "Nota van inlichtingen 1",
         "typeDocument": {"code": "xlsx", "omschrijving": "Excel"}, "datumPublicatie": "2026-01-10T09:00:00",
         "publicatieCategorie": {"code": "NVI", "omschrijving": "Nota van inlichtingen"}, "virusIndicatie": False,
         "grootte": 8120, "links": {"download": {"href": f"{base}/{publication_id * 10 + 2}/content",
                                                 "title": "Nota van inlichtingen 1"}}}]}
    if links:
        out["links"] = {"downloadZip": {"href": f"{base}/zip", "title": "Alle documenten"}}
    return out


def test_the_reference_list_item_is_archived_under_one_id_with_its_amsterdam_deadline_and_notice_page(
        serve_api, crawl):
    """§3 [H]: ``publicatieId`` a string in the list and a number in the detail (one notice, stored as one integer);
    the list's ``sluitingsDatum`` a local time with no offset, Amsterdam's (CET in January: +01:00), the deadline when
    the detail gives none (§13); ``link.href`` (title "self") the human notice page; the list's object codes and the
    detail's ``*Code`` objects agree (APM, L, EF18; ``europees`` false is national)."""
    publication = {"list": dict(LIST_ITEM), "detail": detail_of(LIST_ITEM), "documenten": documents_of(407238)}
    server = serve_api([publication])
    result = crawl(server.api_url, "--profile", "all", from_date="2026-01-06", until_date="2026-01-06")
    assert result.returncode == 0, result.errors
    assert [r["publication_id"] for r in result.db["notices"].rows] == [407238]
    notice = result.db["notices"].get(407238)
    assert notice["url"] == "https://www.tenderned.nl/aankondigingen/overzicht/407238"
    assert notice["deadline"] == notice["deadline_list"] == "2026-01-20T00:05:00+01:00"
    assert (notice["notice_type"], notice["procedure"], notice["procedure_label"], notice["contract_type"],
            notice["contract_type_label"], notice["form_code"], notice["is_european"]) == (
        "AAO", "APM", "Andere procedure in meerdere fasen", "L", "Leveringen", "EF18", 0)
    assert notice["published"] == "2026-01-06" and notice["kenmerk"] == 576629
    assert notice["pdf_url"] == "https://www.tenderned.nl/papi/tenderned-rs-tns/v2/publicaties/407238/pdf"
    assert server.api.log.count("/papi/tenderned-rs-tns/v2/publicaties/407238") == 1  # one detail, one id


def test_the_reference_award_notice_detail_is_read_by_its_detail_names_not_the_lists(serve_api, crawl):
    """§4 [H]: the detail names its notice type ``aankondigingCode`` (the list's ``typePublicatie``), while its own
    ``typePublicatie`` is the form's description (a string) and ``publicatieCode`` the form code (a string); CPV codes
    with check digit, one main; ``isGegund``/``afgerondeAanbesteding``. §4's example (470012, an award notice: AGO,
    EF29, "result") is archived as an award notice and its ``/html`` asked (§6: the winners live there)."""
    row = {**LIST_ITEM, "publicatieId": "470012", "publicatieDatum": "2026-06-12", "kenmerk": 620011,
           "typePublicatie": {"code": "AGO", "omschrijving": "Aankondiging gegunde opdracht"},
           "aanbestedingNaam": "Europees openbare aanbesteding - ERP-systeem",
           "aanbestedendeDienstNaam": "Gemeente Harderwijk", "opdrachtgeverNaam": "Gemeente Harderwijk",
           "procedure": {"code": "OPE", "omschrijving": "Openbaar"},
           "typeOpdracht": {"code": "D", "omschrijving": "Diensten"}, "europees": True,
           "publicatiecode": {"code": "EF29", "omschrijving": "Aankondiging gegunde opdracht - algemene richtlijn, "
                                                              "standaardregeling"},
           "link": {"href": "https://www.tenderned.nl/aankondigingen/overzicht/470012", "title": "self"}}
    detail = detail_of(row, publicatieDatum="2026-06-12T04:07:17.215349", sluitingsDatum="2026-04-14T11:00:00",
                       afgerondeAanbesteding=True, isGegund=True, formType="result", opdrachtBeschrijving="ERP-systeem",
                       cpvCodes=[{"isHoofdOpdracht": True, "code": "85311300-5",
                                  "omschrijving": "Welzijnszorg voor kinderen en jongeren"},
                                 {"isHoofdOpdracht": False, "code": "85312000-9",
                                  "omschrijving": "Maatschappelijke dienstverlening waarbij geen onderdak wordt "
                                                  "verschaft"}],
                       opdrachtAardCode={"code": "RAA", "omschrijving": "Raamovereenkomst"})
    assert isinstance(detail["typePublicatie"], str) and isinstance(detail["publicatieCode"], str)
    server = serve_api([{"list": row, "detail": detail, "documenten": documents_of(470012)}])
    result = crawl(server.api_url, "--profile", "all", from_date="2026-06-12", until_date="2026-06-12")
    assert result.returncode == 0, result.errors
    notice = result.db["notices"].get(470012)
    assert (notice["notice_type"], notice["form_code"], notice["form_type"], notice["is_awarded"],
            notice["is_completed"], notice["is_european"], notice["contract_nature"]) == (
        "AGO", "EF29", "result", 1, 1, 1, "RAA")
    assert notice["form_label"] == "Aankondiging gegunde opdracht - algemene richtlijn, standaardregeling"
    assert notice["deadline"] == "2026-04-14T11:00:00+02:00"  # the detail's (current), CEST in April
    assert notice["deadline_list"] == "2026-01-20T00:05:00+01:00"  # the list keeps the original (§3 "Gotcha")
    assert [(c["cpv"], c["is_main"]) for c in result.db["notice_cpv"].rows_where(order_by="cpv")] == [
        ("85311300-5", 1), ("85312000-9", 0)]
    assert notice["cpv_main"] == "85311300-5" and notice["youth_care"] == 1
    assert "/papi/tenderned-rs-tns/v2/publicaties/470012/html" in server.api.log


@pytest.mark.parametrize("links", [True, False], ids=["with downloadZip", "links missing"])
def test_the_reference_documents_list_is_archived_with_absolute_download_links(serve_api, crawl, links):
    """§5 [H]: each document's ``documentId``, ``documentNaam``, ``typeDocument.code`` and its ``links.download.href``,
    relative (prefixed with https://www.tenderned.nl, FIN); the zip of all documents from ``links.downloadZip``, and
    when ``links`` is missing (§5: it may be) the documented ``/documenten/zip`` (§1), the list still read whole."""
    publication = {"list": dict(LIST_ITEM), "detail": detail_of(LIST_ITEM),
                   "documenten": documents_of(407238, links=links)}
    server = serve_api([publication])
    result = crawl(server.api_url, "--profile", "all", from_date="2026-01-06", until_date="2026-01-06")
    assert result.returncode == 0, result.errors
    base = "https://www.tenderned.nl/papi/tenderned-rs-tns/v2/publicaties/407238/documenten"
    rows = list(result.db["documents"].rows_where("publication_id = 407238", order_by="document_id"))
    assert [(d["document_id"], d["name"], d["file_type"], d["category"], d["size_bytes"], d["download_url"])
            for d in rows] == [
        ("4072381", "Leidraad.pdf", "pdf", "DOC", 52311, f"{base}/4072381/content"),
        ("4072382", "Nota van inlichtingen 1", "xlsx", "NVI", 8120, f"{base}/4072382/content")]
    # without ``links.downloadZip``: the documented endpoint (§1, ``/documenten/zip``), as absolute
    assert result.db["notices"].get(407238)["documents_zip_url"] == f"{base}/zip"
    assert result.db["notices"].get(407238)["documents_unread"] is None
