"""Thirtieth pass over tenderned-awards.md, end to end: SYNTHETIC award notices crawled from the loopback API into a
real archive, and what its totals show of them."""

from __future__ import annotations

from tests.awards.test_html_standard import _open_house_contract
from tests.spiders.test_award_pdf_crawl import template
from tests.spiders.test_award_variants_crawl import publication


def leiden(pid: int, kenmerk: int, day: str, html: str) -> dict:
    """A SYNTHETIC award notice of Gemeente Leiden (so its procurement is in jeugdregio Holland Rijnland)."""
    notice = publication(template(), pid, kenmerk, "AGO", "result", day, "Jeugdhulp Leiden open house", html)
    for part in ("list", "detail"):
        notice[part].update(aanbestedendeDienstNaam="Gemeente Leiden", opdrachtgeverNaam="Gemeente Leiden")
    return notice


def test_an_open_house_award_of_thirty_contracts_repeating_the_lots_value_counts_it_once(serve_api, crawl):
    """Reference §3.1 (older standard form: one "Afdeling V" block per contract) and §4 (open house: many winners on one
    lot). An open house admits 30 providers to its one lot; the notice prints a block per contract, each repeating the
    lot's "Totale waarde van de opdracht/het perceel: 12 000 000,00". The archive had 30 awards of € 12 mln: the
    procedure, the region's year (the market page) and the dashboard summed € 360 mln and counted 30 gunningen for one
    lot. It is one award of € 12 mln with its 30 winners, each once, each with its own contract date."""
    names = [f"Jeugdhulp Aanbieder {i:02d} B.V." for i in range(30)]
    html = ('<div id="publicatie"><h3 class="section-header-1">Afdeling I: <span>Aanbestedende dienst</span></h3>'
            + "".join(_open_house_contract(i + 1, name, "12 000 000,00", f"{1 + i % 28:02d}/03/2022")
                      for i, name in enumerate(names))
            + '<h3 class="section-header-1">Afdeling VI: <span>Aanvullende inlichtingen</span></h3></div>')
    done = crawl(serve_api([leiden(974012, 974011, "2022-04-20", html)]).api_url, from_date="2022-01-01",
                 until_date="2022-12-31")
    assert done.crawl["status"] == "complete", done.errors
    db = done.db
    assert [(r["lot_id"], r["value_cents"], r["winner_count"], r["current"]) for r in db.query("select * from awards")] \
        == [("1", 1200000000, 30, 1)]
    assert sorted((r["name"], r["contract_date"]) for r in db.query("select * from award_suppliers")) == [
        (name, f"2022-03-{1 + i % 28:02d}") for i, name in enumerate(names)]
    assert [(r["percelen"], r["gunningen"], r["aantal_winnaars"], r["gegunde_waarde_cents"]) for r in db.query(
        "select * from summary_procurements")] == [(1, 1, 30, 1200000000)]
    assert [(r["jeugdregio_code"], r["gunningen"], r["met_waarde"], r["gegunde_waarde_cents"], r["winnaars"])
            for r in db.query("select * from summary_region_years where gunningen > 0")] == [
        ("JZ18", 1, 1, 1200000000, 30)]
    # each provider won the one award of the lot, its value shared (reference: counted in full for each)
    assert {(r["awards"], r["cents"]) for r in db.query("select * from summary_org_regions")} == {(1, 1200000000)}
