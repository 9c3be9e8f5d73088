"""Twenty-first pass over tenderned-awards.md, end to end: SYNTHETIC notices of one procedure crawled from the
loopback API into a real archive, and what the procurement makes of its award notices."""

from __future__ import annotations

import sqlite_utils

from tests.awards.test_html_shapes import eforms, h1, h2
from tests.fixtures.awards.make_fixtures import only, row
from tests.spiders.test_award_pdf_crawl import template
from tests.spiders.test_award_round13_crawl import chosen
from tests.spiders.test_award_round8_crawl import WINDOW
from tests.spiders.test_award_variants_crawl import publication

#: SYNTHETIC: an eForms result whose only lot closes without a winner (reference §4, §4.1)
NO_WINNER = eforms(h1("1. Koper"), row("Officiële naam", "Gemeente Rijnstad"), h1("6. Resultaten"),
                   h2("6.1 ID resultaat perceel: LOT-0001"),
                   only("Er is geen winnaar gekozen en de mededinging is gesloten."),
                   row("De reden waarom geen winnaar is gekozen",
                       "Er zijn geen inschrijvingen, verzoeken tot deelname of projecten ontvangen"))


def not_flagged(notice: dict) -> dict:
    """The publication with TenderNed's own flag (``isGegund``) not set."""
    notice["detail"].update(isGegund=False, afgerondeAanbesteding=True)
    return notice


def test_an_award_notice_that_closes_every_lot_without_a_winner_does_not_make_the_procurement_awarded(serve_api,
                                                                                                       crawl):
    """Reference §4 ("Lot not awarded": "Er is geen winnaar gekozen en de mededinging is gesloten"; about 16% of AGO
    notices are really cancellations): an award notice whose results close every lot it describes without a winner
    is the procedure failing (`mislukt` on the timeline), and the procurement is not awarded by it; it was
    `is_awarded` 1 (the procurement page and the awarded facet said "gegund" with no winner anywhere). A
    rectification of it that names a winner (the latest version, §4 "Rectified award") does award the procedure."""
    failed = not_flagged(publication(template(), 962101, 962100, "AGO", "result", "2024-06-10",
                                     "Jeugdhulp Rijnstad", NO_WINNER))
    first = not_flagged(publication(template(), 962111, 962110, "AGO", "result", "2024-06-10",
                                    "Jeugdhulp Rijnstad", NO_WINNER))
    corrected = not_flagged(publication(template(), 962112, 962110, "REC", "result", "2024-07-01",
                                        "Jeugdhulp Rijnstad", chosen("Jeugdhulp Rijn B.V.", "1 200 000", "28/06/2024")))
    done = crawl(serve_api([failed, first, corrected]).api_url, **WINDOW)
    assert done.crawl["status"] == "complete", done.errors
    db = sqlite_utils.Database(done.db_path)
    assert {r["procurement_id"]: r["is_awarded"] for r in db.query(
        "select procurement_id, is_awarded from procurements")} == {"TN962100": 0, "TN962110": 1}
    assert [r["stage"] for r in db.query("select stage from events where source_id = '962101' and kind != "
                                         "'contract_start'")] == ["mislukt"]


def test_an_award_notice_read_as_closed_without_a_winner_in_a_later_crawl_unawards_its_procurement(serve_api, crawl):
    """The same, where the notice's /html fails in the first crawl and reads in the next one (the notice itself
    unchanged): the procurement is rederived with the results that crawl wrote; it stayed `is_awarded` 1."""
    failed = not_flagged(publication(template(), 962121, 962120, "AGO", "result", "2024-06-10",
                                     "Jeugdhulp Rijnstad", None))
    failed.update(html_status=404)
    server = serve_api([failed])
    first = crawl(server.api_url, **WINDOW)
    assert first.crawl["status"] == "partial", first.output[-3000:]
    db = sqlite_utils.Database(first.db_path)
    assert [r["is_awarded"] for r in db.query("select is_awarded from procurements")] == [1]  # an AGO, unread
    server.api.add(not_flagged(publication(template(), 962121, 962120, "AGO", "result", "2024-06-10",
                                           "Jeugdhulp Rijnstad", NO_WINNER)))
    second = crawl(server.api_url, **WINDOW)
    assert second.crawl["status"] == "complete", second.errors
    db = sqlite_utils.Database(second.db_path)
    assert [r["awarded"] for r in db.query("select awarded from lots where publication_id = 962121")] == [0]
    assert [r["is_awarded"] for r in db.query("select is_awarded from procurements")] == [0]


def test_a_rectification_that_closes_the_awarded_lot_without_a_winner_unawards_the_procurement(serve_api, crawl):
    """Reference §4 "Rectified award" (the current winners and values are those of the latest version) and §8.6: an
    award notice names a winner, its rectification (REC) closes the lot without one. The award is superseded
    (current 0) and the procurement is not awarded; it stayed `is_awarded` 1 on the original notice's word. An award
    notice of another admission round (no rectification) leaves an earlier round's award standing."""
    awarded = not_flagged(publication(template(), 962131, 962130, "AGO", "result", "2024-06-10", "Jeugdhulp Rijnstad",
                                      chosen("Jeugdhulp Rijn B.V.", "1 200 000", "05/06/2024")))
    closed = not_flagged(publication(template(), 962132, 962130, "REC", "result", "2024-07-01",
                                     "Jeugdhulp Rijnstad", NO_WINNER))
    round1 = not_flagged(publication(template(), 962141, 962140, "AGO", "result", "2024-06-10", "Jeugdhulp Rijnstad",
                                     chosen("Stichting Zorg Oost", "300 000", "05/06/2024")))
    round2 = not_flagged(publication(template(), 962142, 962140, "AGO", "result", "2024-09-01",
                                     "Jeugdhulp Rijnstad", NO_WINNER))
    done = crawl(serve_api([awarded, closed, round1, round2]).api_url, **WINDOW)
    assert done.crawl["status"] == "complete", done.errors
    db = sqlite_utils.Database(done.db_path)
    assert {r["publication_id"]: r["current"] for r in db.query("select publication_id, current from awards")} == {
        962131: 0, 962141: 1}
    assert {r["procurement_id"]: r["is_awarded"] for r in db.query(
        "select procurement_id, is_awarded from procurements")} == {"TN962130": 0, "TN962140": 1}
