"""A buyer listed as the winner (``award_suppliers.is_buyer``, reference tenderned-awards.md §6.3: "sometimes a buyer
is also a supplier") is kept as published but is no winner and no provider (CHANGELOG, round 7): the summaries left
it out, but the saved searches reading the winners themselves (the lots of a jeugdregio, a procurement's awards, the
award notices, a buyer's contracts, a provider's contracts) still listed the municipality as the lot's winner and as
a provider of its own procurement. The demo archive is given such a row on one of its lots (as the awards pipeline
writes it for a rendering or package naming the buyer as a winner)."""

import shutil
import sqlite3

import pytest

from tests.datasette.archive_fixtures import Server, build_demo, run_dir
from tests.datasette.test_saved_searches import rows


def flagged_buyer(path):
    with sqlite3.connect(path) as db:
        award_id, pid, buyer_id, buyer, region, year, publication = db.execute(
            "select a.award_id, a.procurement_id, b.buyer_id, p.buyer, p.jeugdregio_code, a.year, a.publication_id "
            "from awards a join procurements p using (procurement_id) join summary_region_lots r on "
            "r.award_id = a.award_id join summary_buyer_procurements b on b.procurement_id = a.procurement_id "
            "where a.current = 1 and p.youth_care = 1 and p.buyer is not null and "
            "exists (select 1 from award_suppliers s where s.award_id = a.award_id) "
            "order by a.award_id limit 1").fetchone()
        db.execute("insert into award_suppliers (award_id, organisation_id, procurement_id, name, is_buyer) "
                   "values (?, ?, ?, ?, 1)", [award_id, buyer_id, pid, buyer])
    return dict(award_id=award_id, procurement_id=pid, buyer_id=buyer_id, buyer=buyer, region=region, year=year,
                publication_id=publication)


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    folder = tmp_path_factory.mktemp("buyer_as_winner")
    path = build_demo(folder / "archive.db", run_dir(tmp_path_factory))
    found = flagged_buyer(path)
    # the same archive as an older version wrote it: no is_buyer column (serve never migrates it)
    old = folder / "old" / "archive.db"
    old.parent.mkdir()
    shutil.copy(path, old)
    with sqlite3.connect(old) as db:
        for (index,) in db.execute("select name from sqlite_master where type = 'index' and tbl_name = "
                                   "'award_suppliers' and sql like '%is_buyer%'").fetchall():
            db.execute(f"drop index [{index}]")
        db.execute("delete from award_suppliers where is_buyer = 1")
        # (nor the views of later versions, award_winner_shares: the saved searches read its definition instead)
        db.execute("drop view if exists award_winner_shares")
        db.execute("alter table award_suppliers drop column is_buyer")
    server, old_server = Server(path), Server(old)
    yield server, old_server, found
    server.stop()
    old_server.stop()


def names(value):
    return set(filter(None, (value or "").split("; ")))


def test_a_buyer_listed_as_the_winner_is_in_no_lot_award_or_provider_list(served):
    server, _, f = served
    buyer, award_id = f["buyer"], f["award_id"]
    (lot,) = [r for r in rows(server, "jeugdregio_percelen", jeugdregio=f["region"], pagina="alle")
              if r["award_id"] == award_id]
    assert lot["winnaars"] and buyer not in names(lot["winnaars"])
    assert buyer not in (lot["inschrijvingen"] or "") and buyer not in lot["atom_content"]
    gunningen = [r for r in rows(server, "aanbesteding_gunningen", procurement_id=f["procurement_id"])
                 if r["award_id"] == award_id]
    assert gunningen and buyer not in {r["aanbieder"] for r in gunningen}
    (by_year,) = [r for r in rows(server, "awards_by_region_year", jeugdregio=f["region"], year=f["year"], pagina="alle")
                  if r["award_id"] == award_id]
    assert buyer not in names(by_year["winners"]) and buyer not in by_year["atom_content"]
    notices = [r for r in rows(server, "award_notices", pagina="alle") if r["procurement_id"] == f["procurement_id"]]
    assert notices and all(buyer not in names(r["winners"]) for r in notices)
    (procurement,) = [r for r in rows(server, "opdrachtgever_aanbestedingen", opdrachtgever=f["buyer_id"])
                      if r["procurement_id"] == f["procurement_id"]]
    assert buyer not in names(procurement["winnaars"])
    contracts = rows(server, "opdrachtgever_contracten", opdrachtgever=f["buyer_id"], pagina="alle")
    assert contracts and f["buyer_id"] not in {r.get("aanbieder_id") for r in contracts}
    assert buyer not in {r.get("aanbieder") for r in contracts if r["award_id"] == award_id}
    # the municipality is no provider of its own procurement, and the real winners have no co-winner more
    assert rows(server, "aanbieder_contracten", aanbieder=f["buyer_id"], alle_gunningen="ja", pagina="alle") == []
    assert rows(server, "aanbieder_regios", aanbieder=f["buyer_id"]) == []
    winners = [r for r in rows(server, "aanbesteding_gunningen", procurement_id=f["procurement_id"])
               if r["award_id"] == award_id]
    for winner in winners:
        (own,) = [r for r in rows(server, "aanbieder_contracten", aanbieder=winner["aanbieder_id"], pagina="alle")
                  if r["award_id"] == award_id]
        assert own["medewinnaars"] == len(winners) - 1


def test_an_archive_older_than_the_buyer_flag_still_lists_its_lots_and_winners(served):
    """Serve never migrates: an archive without ``award_suppliers.is_buyer`` runs the same searches (the flag is
    then unknown, which its winner lists say) rather than answering with the older-archive note."""
    _, old, f = served
    (lot,) = [r for r in rows(old, "jeugdregio_percelen", jeugdregio=f["region"], pagina="alle")
              if r["award_id"] == f["award_id"]]
    assert lot["winnaars"] and "note" not in lot
    assert [r for r in rows(old, "aanbesteding_gunningen", procurement_id=f["procurement_id"])
            if r["award_id"] == f["award_id"]]
    page = old.get("/-/dashboards/jeugdhulp").decode()
    assert "no such column" not in page
