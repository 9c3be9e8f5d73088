"""TenderNed API conformance, round 16: what the fifteen earlier rounds left, each by a real crawl of the loopback
API (tenderarchive/apiserver.py) into a real archive. The records are SYNTHETIC: the award fixtures' template edited
into the documented shapes (docs/reference/tenderned-api.md)."""

from __future__ import annotations

import sqlite_utils

from tests.spiders.test_award_pdf_crawl import template
from tests.spiders.test_award_round13_crawl import chosen
from tests.spiders.test_award_round8_crawl import WINDOW
from tests.spiders.test_award_variants_crawl import publication

HTML = "/papi/tenderned-rs-tns/v2/publicaties/971611/html"


def award_notice() -> dict:
    return publication(template(), 971611, 971610, "AGO", "result", "2024-07-01", "Jeugdhulp Oost",
                       chosen("Stichting Zorg Oost", "300 000", "10/01/2024"))


def test_an_award_notice_whose_type_codes_come_bare_has_its_html_read_by_the_first_crawl(serve_api, crawl):
    """§3, §4: the list's ``typePublicatie`` is a ``{code, omschrijving}`` object and the detail's a string, the list's
    ``publicatiecode`` an object and the detail's ``publicatieCode`` a bare code; §13: types change between endpoints.
    The archive read the notice type in either shape, the spider only as an object: an award notice whose
    ``aankondigingCode`` (and list row type) came as a bare ``"AGO"``, with no ``formType`` (fields go missing), was
    archived as an award notice while its ``/html`` (the winner) was not asked."""
    award = award_notice()
    award["list"]["typePublicatie"] = "AGO"
    award["detail"]["aankondigingCode"] = "AGO"
    del award["detail"]["formType"]
    server = serve_api([award])
    done = crawl(server.api_url, **WINDOW)
    assert done.crawl["status"] == "complete", done.errors
    assert HTML in server.api.log
    db = sqlite_utils.Database(done.db_path)
    assert [tuple(r) for r in db.execute("select notice_type from notices")] == [("AGO",)]
    assert [tuple(r) for r in db.execute("select publication_id, value_cents from awards")] == [(971611, 30000000)]


def test_a_form_type_sent_as_a_code_object_is_read_as_its_code_not_a_dropped_notice(serve_api, crawl):
    """§4: the detail gives its codes as ``*Code`` objects (``{code, omschrijving}``); §7.3: ``formType`` is a code of
    the eForms form-type list (§8.4). A ``formType`` in that shape dropped the notice ("expected text, got dict"), by
    every crawl, each partial; it is read as its code: the notice archived as a result notice and its winner read."""
    award = award_notice()
    award["detail"]["formType"] = {"code": "result", "omschrijving": "Resultaat"}
    award["detail"]["aanbestedingStatus"] = {"code": "GUN", "omschrijving": "Gegund"}
    server = serve_api([award])
    done = crawl(server.api_url, **WINDOW)
    assert done.crawl["status"] == "complete", done.errors
    db = sqlite_utils.Database(done.db_path)
    assert [tuple(r) for r in db.execute("select form_type, status from notices")] == [("result", "Gegund")]
    assert HTML in server.api.log
    assert [tuple(r) for r in db.execute("select publication_id, value_cents from awards")] == [(971611, 30000000)]


def test_ids_written_as_whole_floats_are_read_as_the_ids_they_are(serve_api, crawl):
    """§3, §13: ids change type between endpoints (a string in the list, a number in the detail); a serialiser that
    writes every number as a float sends ``971611.0``. A detail ``publicatieId``, a ``kenmerk`` or a
    ``publicatieIDLaatsteRectificatie`` so written dropped the notice ("not a number", "expected an integer"), by every
    crawl, each partial (a document's ``documentId`` so written was already read); each is the whole number it is."""
    award = award_notice()
    award["list"]["kenmerk"] = 971610.0
    award["detail"].update(publicatieId=971611.0, kenmerk=971610.0, publicatieIDLaatsteRectificatie=971611.0)
    server = serve_api([award])
    done = crawl(server.api_url, **WINDOW)
    assert done.crawl["status"] == "complete", done.errors
    db = sqlite_utils.Database(done.db_path)
    assert [tuple(r) for r in db.execute("select publication_id, kenmerk, procurement_id, latest_rectification_id "
                                         "from notices")] == [(971611, 971610, "TN971610", 971611)]
    assert [tuple(r) for r in db.execute("select publication_id, value_cents from awards")] == [(971611, 30000000)]


def test_a_notice_whose_consultation_runs_on_past_its_closing_date_is_rechecked(serve_api, crawl):
    """§3, §4: a market consultation closes at ``sluitingsDatumMarktconsultatie``; the list keeps a notice's original
    ``sluitingsDatum`` (§3 "Gotcha"). A notice with both, its closing date passed and its consultation still running,
    was taken as closed (the consultation date counted only without a closing date) and never re-checked: what its
    consultation brought (a rectification, a moved date) was never archived. The later of the two counts."""
    consultation = publication(template(), 971621, 971620, "MAC", "consultation", "2024-07-01", "Marktconsultatie jeugdhulp",
                               chosen("Stichting Zorg Oost", "300 000", "10/01/2024"))
    consultation["list"]["sluitingsDatum"] = "2024-07-15T12:00:00"
    consultation["detail"].pop("sluitingsDatum", None)
    consultation["detail"]["sluitingsDatumMarktconsultatie"] = "2025-03-01"
    server = serve_api([consultation])
    first = crawl(server.api_url, **WINDOW)
    assert first.crawl["status"] == "complete", first.errors
    assert [tuple(r) for r in first.db.execute("select deadline, consultation_deadline from notices")] == [
        ("2024-07-15T12:00:00+02:00", "2025-03-01")]
    asked = len(server.api.log)
    second = crawl(server.api_url, from_date="2025-01-20", until_date="2025-01-31")  # the notice not listed
    assert second.crawl["status"] == "complete", second.errors
    assert "/papi/tenderned-rs-tns/v2/publicaties/971621" in server.api.log[asked:]
