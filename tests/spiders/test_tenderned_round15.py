"""TenderNed API conformance, round 15: what the fourteen earlier rounds left, each by a real crawl of the loopback
API (tenderarchive/apiserver.py) into a real archive. The records are SYNTHETIC: the award fixtures' template edited
into the documented shapes (docs/reference/tenderned-api.md)."""

from __future__ import annotations

import pytest
import sqlite_utils

from tests.spiders.test_award_pdf_crawl import template
from tests.spiders.test_award_round13_crawl import chosen
from tests.spiders.test_award_round8_crawl import WINDOW
from tests.spiders.test_award_variants_crawl import publication


@pytest.mark.parametrize("code, form", [("AAW", "cont-modif"), ("AAW", None), ("AGO", "completion")])
def test_a_modification_or_completion_notice_has_its_html_read_for_the_winner_it_names(serve_api, crawl, code, form):
    """§7.1: ``AAW`` is "Aankondiging van een wijziging" (a contract modification), whose eForms form type is
    ``cont-modif`` (§8.4), as a completion notice's is ``completion``; §1, §6: ``/html`` is the labelled rendering
    "with values, winners and contract dates". Only a notice typed ``result`` (or coded AGO/REC) had its ``/html``
    asked: a modification as TenderNed codes it (AAW) was archived without the winner and value it names, and for a
    contract whose award notice lies before the window it is the only record of the winner (docs/awards.md: the
    modification's award stands where no earlier award of the lot is archived)."""
    modification = publication(template(), 971311, 971310, code, form, "2024-07-01", "Jeugdhulp Oost (wijziging)",
                               chosen("Stichting Zorg Oost", "300 000", "10/01/2023"))
    if form is None:
        del modification["detail"]["formType"]
    server = serve_api([modification])
    done = crawl(server.api_url, **WINDOW)
    assert done.crawl["status"] == "complete", done.errors
    assert "/papi/tenderned-rs-tns/v2/publicaties/971311/html" in server.api.log
    db = sqlite_utils.Database(done.db_path)
    assert [tuple(r) for r in db.execute("select publication_id, current, value_cents from awards")] == [
        (971311, 1, 30000000)]


@pytest.mark.parametrize("form", ["cont-modif", None])
def test_a_modification_coded_aaw_repeating_the_lots_winner_is_no_second_award(serve_api, crawl, form):
    """A modification as TenderNed codes it (``AAW``, §7.1), with or without its form type (fields go missing, §13),
    repeats the winner of the contract the award notice gave: its award is kept, not current (the provider's
    gunningen and value are the award notice's), and on the timeline it is the modification (``verlenging``)."""
    award = publication(template(), 971302, 971300, "AGO", "result", "2024-06-20", "Jeugdhulp Rijnstad",
                        chosen("Jeugdhulp Rijn B.V.", "1 200 000", "15/06/2024"))
    modification = publication(template(), 971303, 971300, "AAW", form, "2024-09-20", "Jeugdhulp Rijnstad (wijziging)",
                               chosen("Jeugdhulp Rijn B.V.", "1 500 000", "15/06/2024"))
    if form is None:
        del modification["detail"]["formType"]
    done = crawl(serve_api([award, modification]).api_url, **WINDOW)
    assert done.crawl["status"] == "complete", done.errors
    db = sqlite_utils.Database(done.db_path)
    assert {r[0]: (r[1], r[2]) for r in db.execute("select publication_id, current, value_cents from awards")} == {
        971302: (1, 120000000), 971303: (0, 150000000)}
    assert [tuple(r) for r in db.execute("select stage from events where source_type = 'notice' "
                                         "and source_id = '971303'")] == [("verlenging",)]


def test_an_archived_modification_whose_html_was_never_read_is_rechecked_once(serve_api, crawl):
    """An archive written before modifications had their ``/html`` read (or one whose read failed) holds AAW notices
    without award data: each is re-checked once, as an archived award notice whose ``/html`` is unread is, and its
    winner archived; the run after asks nothing more of it."""
    modification = publication(template(), 971311, 971310, "AAW", "cont-modif", "2024-07-01", "Jeugdhulp Oost (wijziging)",
                               chosen("Stichting Zorg Oost", "300 000", "10/01/2023"))
    server = serve_api([modification])
    first = crawl(server.api_url, **WINDOW)
    assert first.crawl["status"] == "complete", first.errors
    db = sqlite_utils.Database(first.db_path)
    for table in ("award_suppliers", "awards", "lots", "notice_results"):
        db.execute(f"delete from {table}")  # as an archive written before
    db.conn.commit()
    html = "/papi/tenderned-rs-tns/v2/publicaties/971311/html"
    later = {"from_date": "2024-12-30", "until_date": "2024-12-31"}  # the modification not listed
    asked = len(server.api.log)
    second = crawl(server.api_url, **later)
    assert second.crawl["status"] == "complete", second.errors
    assert html in server.api.log[asked:]
    assert [tuple(r) for r in db.execute("select publication_id, current from awards")] == [(971311, 1)]
    asked = len(server.api.log)
    crawl(server.api_url, **later)
    assert html not in server.api.log[asked:]
