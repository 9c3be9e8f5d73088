"""Twenty-fifth pass over tenderned-awards.md, end to end: SYNTHETIC award notices crawled from the loopback API
into a real archive, read where the researcher reads them (`award_suppliers`, `aanbieders` in Datasette)."""

from __future__ import annotations

import sqlite_utils

from tests.spiders.test_award_pdf_crawl import award, template
from tests.spiders.test_award_round8_crawl import WINDOW, winner_notice


def test_a_winner_written_with_its_seat_is_one_provider_with_the_winner_written_without(serve_api, crawl):
    """Reference §4 "Same organisation, spelled differently" (normalise for matching, keep the printed name): one
    provider, with no KvK number in any notice, wins three procurements as "Jeugdzorg Oost B.V.", "Stichting Jeugdzorg
    Oost, gevestigd te Leiden" and "Jeugdzorg Oost (Leiden)". The two with their seat were organisations of their own,
    so `aanbieders` listed the provider three times, each with one award and a third of its value."""
    from tests.datasette.archive_fixtures import Server
    from tests.datasette.test_saved_searches import rows

    server = serve_api([
        award(template(), 960251, winner_notice("Jeugdzorg Oost B.V.", "1 000 000")),
        award(template(), 960252, winner_notice("Stichting Jeugdzorg Oost, gevestigd te Leiden", "2 000 000")),
        award(template(), 960253, winner_notice("Jeugdzorg Oost (Leiden)", "3 000 000")),
    ])
    done = crawl(server.api_url, **WINDOW)
    assert done.crawl["status"] == "complete", done.errors
    db = sqlite_utils.Database(done.db_path)
    assert sorted((r["name"], r["organisation_id"]) for r in db.query(
        "select name, organisation_id from award_suppliers")) == [
        ("Jeugdzorg Oost (Leiden)", "name:jeugdzorg oost"), ("Jeugdzorg Oost B.V.", "name:jeugdzorg oost"),
        ("Stichting Jeugdzorg Oost, gevestigd te Leiden", "name:jeugdzorg oost")]
    datasette = Server(done.db_path)
    try:
        listed = {r["aanbieder_id"]: (r["gunningen"], r["waarde_gunningen_cents"])
                  for r in rows(datasette, "aanbieders")}
    finally:
        datasette.stop()
    assert listed == {"name:jeugdzorg oost": (3, 600000000)}
