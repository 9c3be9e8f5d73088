"""Eighteenth pass over tenderned-awards.md, end to end: SYNTHETIC award notices crawled from the loopback API into a
real archive and read where the researcher reads them (Datasette's `aanbieders`, `who_won_in_jeugdregio`)."""

from __future__ import annotations

import sqlite_utils

from tests.spiders.test_award_pdf_crawl import award, template
from tests.spiders.test_award_round8_crawl import WINDOW
from tests.spiders.test_award_round17_crawl import TWO_DAYS


def test_a_providers_first_and_last_award_are_its_own_not_its_co_winners(serve_api, crawl):
    """§8.4 and §4 several winners per lot: Zorg Oost, chosen on 10 January 2025 beside Jeugdhulp Rijn (20 December
    2024), has its contract dated 2025-01-10, of 2025, in `aanbieder_contracten` (round 17), but the provider lists
    read the summaries, which dated it by the award's date, its co-winner's: `aanbieders` gave it first and last
    year 2024 and `who_won_in_jeugdregio` its last award 2024-12-20. A provider's years and last award are those
    of its own awards, whether the summaries are built at once or folded in by a later crawl."""
    from tests.datasette.archive_fixtures import Server
    from tests.datasette.test_saved_searches import rows

    done = crawl(serve_api([award(template(), 960183, TWO_DAYS)]).api_url, **WINDOW)
    assert done.crawl["status"] == "complete", done.errors
    db = sqlite_utils.Database(done.db_path)
    assert [r["award_date"] for r in db.query("select award_date from awards")] == ["2024-12-20"]
    expected = {"name:zorg oost": (2025, 2025, "2025-01-10"), "name:jeugdhulp rijn": (2024, 2024, "2024-12-20")}
    assert {r["organisation_id"]: (r["first_year"], r["last_year"], r["last_award"]) for r in db.query(
        "select * from summary_org_regions where jeugdregio_code = ''")} == expected
    datasette = Server(done.db_path)
    try:
        assert {r["aanbieder_id"]: (r["eerste_jaar"], r["laatste_jaar"]) for r in rows(datasette, "aanbieders")} == \
            {k: v[:2] for k, v in expected.items()}
        assert {r["organisation_id"]: r["last_award"] for r in rows(datasette, "who_won_in_jeugdregio",
                                                                     jeugdregio="")} == \
            {k: v[2] for k, v in expected.items()}
    finally:
        datasette.stop()
    from tenderarchive.store.summaries import refresh_summaries
    from tenderarchive.store.writes import open_archive

    def summarised(archive):
        return {r["organisation_id"]: (r["first_year"], r["last_year"], r["last_award"]) for r in archive.query(
            "select * from summary_org_regions where jeugdregio_code = ''")}
    # the same when a full derivation rebuilds the summaries in one pass
    archive = open_archive(done.db_path)
    refresh_summaries(archive, full=True)
    assert summarised(archive) == expected
    # an archive summarised before (every winner dated by the award) is summarised again when opened
    db.execute("update summary_award_winners set last_award = '2024-12-20'")
    db.execute("update summary_org_regions set first_year = 2024, last_year = 2024, last_award = '2024-12-20'")
    db.execute("PRAGMA user_version = 0")
    db.conn.commit()
    upgraded = open_archive(done.db_path)
    refresh_summaries(upgraded)
    assert summarised(upgraded) == expected
