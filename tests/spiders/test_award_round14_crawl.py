"""Fourteenth pass over tenderned-awards.md, end to end: SYNTHETIC award notices of one procedure crawled from the
loopback API into a real archive, and what its awards, timeline and provider lists make of them."""

from __future__ import annotations

import sqlite_utils

from tests.spiders.test_award_pdf_crawl import template
from tests.spiders.test_award_round8_crawl import WINDOW
from tests.spiders.test_award_round13_crawl import chosen
from tests.spiders.test_award_variants_crawl import publication


def test_a_contract_modification_repeating_the_lots_winner_is_no_second_award_of_its_contract(serve_api, crawl):
    """Reference §5 (every publication of a procedure shares its kenmerk: "… award, modification") and §4 (the current
    winners are those of the award, not counted twice): a contract modification notice (form type cont-modif) repeats
    the lot's winner with the contract's value after the change. It was a second current award of one contract beside
    the award notice's: the provider had two gunningen and € 2.700.000 for a contract of € 1.200.000. Its award is kept
    (superseded); a modification whose award notice is not archived still names the lot's winner."""
    from tests.datasette.archive_fixtures import Server
    from tests.datasette.test_saved_searches import rows

    award = publication(template(), 971302, 971300, "AGO", "result", "2024-06-20", "Jeugdhulp Rijnstad",
                        chosen("Jeugdhulp Rijn B.V.", "1 200 000", "15/06/2024"))
    modification = publication(template(), 971303, 971300, "AGO", "cont-modif", "2024-09-20",
                               "Jeugdhulp Rijnstad (wijziging)", chosen("Jeugdhulp Rijn B.V.", "1 500 000", "15/06/2024"))
    # a modification of a contract whose award notice lies before the window: the only record of its winner
    alone = publication(template(), 971311, 971310, "AGO", "cont-modif", "2024-07-01", "Jeugdhulp Oost (wijziging)",
                        chosen("Stichting Zorg Oost", "300 000", "10/01/2023"))
    done = crawl(serve_api([award, modification, alone]).api_url, **WINDOW)
    assert done.crawl["status"] == "complete", done.errors
    db = sqlite_utils.Database(done.db_path)
    awards = {r["publication_id"]: (r["current"], r["value_cents"]) for r in db.query(
        "select publication_id, current, value_cents from awards")}
    assert awards == {971302: (1, 120000000), 971303: (0, 150000000), 971311: (1, 30000000)}
    events = {(r["date"], r["kind"], r["stage"]) for r in db.query(
        "select date, kind, stage from events where procurement_id = 'TN971300' and source_type = 'award'")}
    assert events == {("2024-06-15", "award", "definitieve_gunning")}
    datasette = Server(done.db_path)
    try:
        listed = {r["aanbieder_id"]: (r["gunningen"], r["waarde_gunningen_cents"]) for r in rows(datasette, "aanbieders")}
        assert listed["name:jeugdhulp rijn"] == (1, 120000000)
        assert listed["name:zorg oost"] == (1, 30000000)
    finally:
        datasette.stop()
