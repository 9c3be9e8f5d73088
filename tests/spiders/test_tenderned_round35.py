"""TenderNed API conformance, round 35: a contract notice whose closing date is a placeholder (a year ≥ 2090, "no real
deadline": reference §4, §12.4), as an open house or a dynamic purchasing system for jeugdhulp announces a procedure
that admits providers for years, by a real crawl of the loopback API (tenderarchive/apiserver.py) into a real archive.
The records are the synthetic snapshot's (SYNTHETIC), with the placeholder and the document added written in."""

from __future__ import annotations

import pytest

from tests.conftest import by_id

OPEN = {"from_date": "2021-10-01", "until_date": "2021-11-20"}  # contract notice 300301 (published 2021-10-15) listed
LATER = {"from_date": "2021-11-16", "until_date": "2021-11-20"}  # 300301 not listed: only a re-check fetches it
PLACEHOLDER = "2099-12-31T00:00:00"
#: a document the buyer adds to the running procedure after it was archived (SYNTHETIC)
ADDED = {"documentId": 30030199, "documentNaam": "Toetredingsronde 2.pdf", "typeDocument": {"code": "pdf"},
         "datumPublicatie": "2021-11-18T09:00:00", "publicatieCategorie": {"code": "DOC"}, "grootte": 1000}


def open_ended(snapshot, **detail):
    """Notice 300301 with a placeholder closing date in its detail and list row, and ``detail`` written in."""
    notice = by_id(snapshot, 300301)
    notice["detail"].update(sluitingsDatum=PLACEHOLDER, **detail)
    notice["list"]["sluitingsDatum"] = PLACEHOLDER
    return notice


DETAIL = "/papi/tenderned-rs-tns/v2/publicaties/300301"


def archived_documents(result) -> set[int]:
    return {int(row["document_id"]) for row in result.db["documents"].rows_where("publication_id = 300301")}


def test_an_open_ended_contract_notice_is_re_checked_and_gets_the_documents_added_later(snapshot, serve_api, crawl):
    """Archived with no deadline (NULL, ``deadline_placeholder`` 1), the notice was taken as closed the crawl after it
    was listed: never fetched again, so a document added to the running procedure (a new admission round) never
    reached the archive. It is open until its contract ends or, naming no end, ``TENDERNED_OPEN_ENDED_DAYS`` after
    its publication: re-checked as any open notice, its new document archived."""
    notice = open_ended(snapshot)
    server = serve_api(snapshot)
    first = crawl(server.api_url, **OPEN)
    assert first.crawl["status"] == "complete", first.errors
    archived = first.db["notices"].get(300301)
    assert (archived["deadline"], archived["deadline_placeholder"]) == (None, 1)
    assert ADDED["documentId"] not in archived_documents(first)

    notice["documenten"]["documenten"].append(ADDED)
    server.api.log.clear()
    second = crawl(server.api_url, **LATER)
    assert second.crawl["status"] == "complete", second.errors
    assert DETAIL in server.api.log
    assert ADDED["documentId"] in archived_documents(second)


@pytest.mark.parametrize("detail, settings", [
    ({"voltooiingOpdrachtDatum": "2021-10-31T00:00:00"}, ()),  # its contract ended before the re-check margin
    ({"afgerondeAanbesteding": True}, ()),  # the procedure completed
    ({"isVroegtijdigBeeindigd": True}, ()),  # ended early
    # a market consultation's placeholder (reference §3: its closing date is sluitingsDatumMarktconsultatie)
    ({"aankondigingCode": {"code": "MAC", "omschrijving": "Marktconsultatie"}, "formType": "consultation"}, ()),
    # a contract end that is a placeholder too is no bound: at most the days after publication (15 Oct + 20 days)
    ({"voltooiingOpdrachtDatum": PLACEHOLDER}, ("-s", "TENDERNED_OPEN_ENDED_DAYS=20")),
], ids=["contract-ended", "completed", "ended-early", "market-consultation", "placeholder-end-past-the-days"])
def test_an_open_ended_notice_that_has_ended_is_not_re_checked(snapshot, serve_api, crawl, detail, settings):
    """The re-check is bounded: a placeholder closing date keeps a notice open only while its contract runs, at most
    ``TENDERNED_OPEN_ENDED_DAYS`` after its publication, and the procedure has not completed or ended early; and only
    a contract notice's."""
    notice = open_ended(snapshot, **detail)
    server = serve_api(snapshot)
    first = crawl(server.api_url, *settings, **OPEN)
    assert first.crawl["status"] == "complete", first.errors
    notice["documenten"]["documenten"].append(ADDED)
    server.api.log.clear()
    second = crawl(server.api_url, *settings, **LATER)
    assert second.crawl["status"] == "complete", second.errors
    assert DETAIL not in server.api.log
    assert ADDED["documentId"] not in archived_documents(second)
