"""Thirty-seventh pass over tenderned-awards.md, end to end: the SYNTHETIC award fixtures (tests/fixtures/awards/)
crawled from the project's loopback API into a real archive; what the timeline and the procurement's fase show of
an award notice whose lots are only partly awarded, and a reparse of what was archived."""

from __future__ import annotations

import sqlite_utils

from tenderarchive.apiserver import load_publications
from tests.awards.conftest import FIXTURES
from tests.spiders.test_award_pdf_crawl import assert_reparse_gives_the_same
from tests.spiders.test_awards_crawl import WINDOW


def test_a_lot_the_award_notice_does_not_award_is_on_the_procurements_timeline_and_its_fase_stays_the_award(
        serve_api, crawl):
    """Reference §4 ("Lot not awarded": "Er is geen winnaar gekozen en de mededinging is gesloten" with "De reden
    waarom geen winnaar is gekozen") and §8.5 (a lot's status, awarded / not awarded + reason): procedure 900001's
    award notice and its rectification award lots 1, 2 and 4 and close lot 3 (Crisishulp) for want of tenders. The
    timeline named the three awards and said nothing of lot 3. It now says "niet gegund" with the reason, on the
    rectification's day, without a stage: the procurement's fase stays the award's, not "mislukt". A reparse keeps it."""
    publications = [p for p in load_publications(FIXTURES) if p["detail"]["kenmerk"] == 900001]
    done = crawl(serve_api(publications).api_url, **WINDOW)
    assert done.returncode == 0, done.output[-3000:]
    db_path = done.db_path
    from tests.datasette.archive_fixtures import Server
    from tests.datasette.test_saved_searches import rows

    def shown():
        datasette = Server(db_path)
        try:
            timeline = rows(datasette, "procurement_timeline", procurement_id="TN900001")
        finally:
            datasette.stop()
        db = sqlite_utils.Database(db_path)
        stages = [r["stage"] for r in db.query("select stage from events where procurement_id = 'TN900001' "
                                               "and stage is not null")]
        return [(r["date"], r["kind"], r["stage"], r["sentence"]) for r in timeline if r["source_type"] == "lot"], stages

    closed, stages = shown()
    assert closed == [("2025-09-20", "not_awarded", None, "Perceel 3 (Crisishulp) niet gegund: Er zijn geen "
                       "inschrijvingen, verzoeken tot deelname of projecten ontvangen")]
    assert "mislukt" not in stages and "definitieve_gunning" in stages
    assert_reparse_gives_the_same(db_path)
    assert shown() == (closed, stages)
