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
        for provider, (first, last, _) in expected.items():  # the provider page's regions
            assert [(r["eerste_jaar"], r["laatste_jaar"]) for r in rows(datasette, "aanbieder_regios",
                                                                        aanbieder=provider)] == [(first, last)]
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


def test_a_winner_of_several_lots_is_named_once_among_an_award_notices_winners(serve_api, crawl):
    """§4 different winners per lot: one provider won two of a notice's three lots. The award notices list
    (`award_notices`: the notice's winners, in its list and its feed) named it once per lot, "Jeugdhulp Rijn B.V.;
    Jeugdhulp Rijn B.V.; Stichting Zorg Oost", as did `awards_without_prior_call`; each winner is named once."""
    from tests.awards.test_html_shapes import eforms, h1, h2
    from tests.datasette.archive_fixtures import Server
    from tests.datasette.test_saved_searches import feed, rows
    from tests.fixtures.awards.make_fixtures import amount, h3, only, row

    def lot(number, name, value):
        return [h2(f"6.1 ID resultaat perceel: LOT-000{number}"), only("Er is ten minste één winnaar gekozen."),
                h3("6.1.2 Informatie over winnaars"), only("Winnaar"), row("Officiële naam", name),
                only("Inschrijving"), amount("Waarde van de aanbesteding", value, "Euro")]
    html = eforms(h1("1. Koper"), row("Officiële naam", "Gemeente Rijnstad"), h1("6. Resultaten"),
                  *lot(1, "Jeugdhulp Rijn B.V.", "100 000"), *lot(2, "Stichting Zorg Oost", "200 000"),
                  *lot(3, "Jeugdhulp Rijn B.V.", "300 000"))
    notice = award(template(), 960184, html)
    notice["detail"]["onlyGunningProcedure"] = True
    done = crawl(serve_api([notice]).api_url, **WINDOW)
    assert done.crawl["status"] == "complete", done.errors
    datasette = Server(done.db_path)
    try:
        (listed,) = rows(datasette, "award_notices")
        assert (listed["winners"], listed["awarded_value"]) == ("Jeugdhulp Rijn B.V.; Stichting Zorg Oost",
                                                                "€ 600.000,00")
        (entry,) = feed(datasette, "award_notices").findall("{http://www.w3.org/2005/Atom}entry")
        content = entry.find("{http://www.w3.org/2005/Atom}content").text
        assert "gegund aan Jeugdhulp Rijn B.V.; Stichting Zorg Oost voor € 600.000,00" in content
        (without_call,) = rows(datasette, "awards_without_prior_call")
        assert without_call["winners"] == "Jeugdhulp Rijn B.V.; Stichting Zorg Oost"
    finally:
        datasette.stop()
