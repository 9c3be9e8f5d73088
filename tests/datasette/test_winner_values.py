"""Winners of one lot with a tender value each (reference tenderned-awards.md §2.5, §4 "several winners per lot
... each with its own name and often its own value"; §8.4 keep the tender value with its printed text): the
value is archived on the winner's row, and the winners' saved searches and the procurement page show it."""

import sqlite3

import pytest

from tenderarchive.store.summaries import refresh_summaries
from tenderarchive.store.writes import open_archive
from tests.datasette.archive_fixtures import Server, build_demo, run_dir
from tests.datasette.test_saved_searches import rows


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    path = build_demo(tmp_path_factory.mktemp("winner_values") / "archive.db", run_dir(tmp_path_factory))
    with sqlite3.connect(path) as db:
        # the demo's open-house lot (no award value) as a lot whose two winners each tendered their own value
        award_id, = db.execute("select award_id from awards where procurement_id = 'TN312877' and lot_id = '3' "
                               "and current = 1").fetchone()
        first, second = [r[0] for r in db.execute("select organisation_id from award_suppliers where award_id = ? "
                                                   "order by name limit 2", [award_id])]
        db.execute("update award_suppliers set tender_value_cents = 45000050, tender_value_raw = '450 000,50' "
                   "where award_id = ? and organisation_id = ?", [award_id, first])
        db.execute("update award_suppliers set tender_value_cents = null, tender_value_raw = 'niet gepubliceerd' "
                   "where award_id = ? and organisation_id = ?", [award_id, second])
    db = open_archive(path)
    refresh_summaries(db, None, full=True)  # as the derivation after the crawl that wrote these values would
    db.close()
    server = Server(path)
    server.path = path
    yield server, award_id, first, second
    server.stop()


def test_each_winners_own_tender_value_is_shown_beside_the_awards(server):
    """The saved searches of a procurement's and a provider's awards showed only the award's value, which a lot of
    several winners with values of their own does not have: every winner's published value was invisible."""
    server, award_id, first, second = server
    found = {r["aanbieder_id"]: r for r in rows(server, "aanbesteding_gunningen", procurement_id="TN312877")
             if r["award_id"] == award_id}
    assert (found[first]["waarde"], found[first]["inschrijving"]) == (None, "€ 450.000,50")
    assert found[second]["inschrijving"] == "niet gepubliceerd"
    assert [r["inschrijving"] for r in rows(server, "aanbieder_contracten", aanbieder=first)
            if r["award_id"] == award_id] == ["€ 450.000,50"]
    assert [r["inschrijving"] for r in rows(server, "aanbieder_contracten", aanbieder=first.removeprefix("kvk:"))
            if r["award_id"] == award_id] == ["€ 450.000,50"]                  # by the KvK number alone
    page = server.get("/-/aanbesteding?id=TN312877").decode("utf-8")
    assert "€ 450.000,50" in page


def test_a_providers_regions_count_its_own_tender_value_where_the_award_has_none(server):
    """`aanbieder_regios` summed the award values only: a provider's € 450.000,50 tender on a lot it shares with
    co-winners (the award has no value of its own) was missing from its region's total."""
    server, award_id, first, second = server
    with sqlite3.connect(server.path) as db:
        region, others = db.execute(
            "select p.jeugdregio_code, (select sum(b.value_cents) from award_suppliers t join awards b on "
            "b.award_id = t.award_id and b.current = 1 join procurements q on q.procurement_id = b.procurement_id "
            "and q.youth_care = 1 where t.organisation_id = ? and q.jeugdregio_code is p.jeugdregio_code) "
            "from awards a join procurements p using (procurement_id) where a.award_id = ?", [first, award_id]).fetchone()
    (found,) = [r for r in rows(server, "aanbieder_regios", aanbieder=first) if r["jeugdregio_code"] == region]
    assert found["waarde_cents"] == (others or 0) + 45000050


def test_a_regions_lots_and_awards_show_each_winners_own_value_where_the_award_has_none(server):
    """"Who won what in jeugdregio X, for how much" (`jeugdregio_percelen`, `awards_by_region_year`): a lot won by
    several parties each with a value of their own showed its winners and no value at all, though each winner's
    value is archived. Each winner's own value is listed beside the winners (`inschrijvingen`, `tender_values`)."""
    server, award_id, first, second = server
    with sqlite3.connect(server.path) as db:
        region, year = db.execute("select p.jeugdregio_code, a.year from awards a join procurements p "
                                  "using (procurement_id) where a.award_id = ?", [award_id]).fetchone()
        names = dict(db.execute("select organisation_id, name from award_suppliers where award_id = ?", [award_id]))
    expected = {f"{names[first]}: € 450.000,50", f"{names[second]}: niet gepubliceerd"}
    (lot,) = [r for r in rows(server, "jeugdregio_percelen", jeugdregio=region, pagina="alle") if r["award_id"] == award_id]
    assert lot["waarde"] is None and expected <= set(lot["inschrijvingen"].split("; "))
    (award,) = [r for r in rows(server, "awards_by_region_year", jeugdregio=region, year=str(year), pagina="alle")
                if r["award_id"] == award_id]
    assert award["tender_values"] == lot["inschrijvingen"]
    others = [r for r in rows(server, "jeugdregio_percelen", jeugdregio=region, pagina="alle") if r["award_id"] != award_id]
    assert others and all(r["inschrijvingen"] is None for r in others if r["waarde"] is not None)


def test_a_procurements_awarded_value_in_the_buyer_and_award_notice_lists_counts_its_winners_own_values(server):
    """"Who won, for how much" (refawards46: the summaries count, for an award without a value of its own, its winners'
    own values, ``AWARD_VALUE_SQL``): `opdrachtgever_aanbestedingen` and `award_notices` still summed the award values
    only, so the demo's lot whose winner tendered € 450.000,50 (the award has no value) counted as nothing there while
    `jeugdregio_aanbestedingen` counted it: one procurement, two totals. They now give the summaries' total."""
    server, award_id, first, second = server
    with sqlite3.connect(server.path) as db:
        db.row_factory = sqlite3.Row
        awards_only = db.execute("select sum(value_cents) from awards where procurement_id = 'TN312877' "
                                 "and current = 1").fetchone()[0] or 0
        (summary,) = db.execute("select gegunde_waarde_cents from summary_procurements "
                                "where procurement_id = 'TN312877'").fetchone()
        buyers = [r[0] for r in db.execute("select distinct buyer_id from notices where procurement_id = 'TN312877' "
                                           "and buyer_id is not null")]
        region = db.execute("select jeugdregio_code from procurements where procurement_id = 'TN312877'").fetchone()[0]
    assert summary == awards_only + 45000050 and buyers
    for buyer in buyers:
        (row,) = [r for r in rows(server, "opdrachtgever_aanbestedingen", opdrachtgever=buyer)
                  if r["procurement_id"] == "TN312877"]
        assert row["gegunde_waarde_cents"] == summary, row
    notices = [r for r in rows(server, "award_notices", pagina="alle") if r["procurement_id"] == "TN312877"]
    assert notices and {r["awarded_value_cents"] for r in notices} == {summary}, notices
    assert all(str(summary // 100) in r["atom_content"].replace(".", "") for r in notices if " voor " in r["atom_content"])
    if region:
        (listed,) = [r for r in rows(server, "jeugdregio_aanbestedingen", jeugdregio=region, pagina="alle")
                     if r["procurement_id"] == "TN312877"]
        assert listed["gegunde_waarde_cents"] == summary
