"""Twenty-ninth pass over tenderned-awards.md, end to end: SYNTHETIC OCDS packages crawled from the loopback servers
into a real archive, and what the procurement shows of them."""

from __future__ import annotations

import sqlite_utils

from tests.awards.test_html_shapes import eforms, h1, h2
from tests.fixtures.awards.make_fixtures import JEUGD, amount, h3, only, org, release, row, supplier
from tests.spiders.test_award_pdf_crawl import template
from tests.spiders.test_award_variants_crawl import publication
from tests.spiders.test_awards_crawl import scrapy_ocds
from tests.spiders.test_tenderned_ocds import datasets


def test_a_tender_amendment_is_a_rectification_of_the_contract_notice_on_the_procedure_s_timeline(serve_api, tmp_path):
    """Reference §6.3 (one ocid, several publications: "merge them") with OCDS's releaseTag ``tenderAmendment`` ("an
    amendment to an existing tender", its ``tender.amendments``) and §4/§5 (a rectification, REC, under the
    procedure's kenmerk): the package gives the tender (tag ``tender``), then a publication amending it (tag
    ``tenderAmendment`` alone: the closing date moved, the estimate raised), then the award. The amendment was a
    "Publicatie (OCDS-dataset)" of no type and no stage, so the changes list had no rectification and the timeline
    no correction of the contract notice. It is a rectification (REC, "Rectificatie aankondiging") at `aankondiging`,
    as the API's rectification of a contract notice; it gives no award, and the award stays the award notice's."""
    lots = [("1", "Ambulante jeugdhulp")]
    tender = release("ocds-1l04xe-313991", "299910-a", "2021-01-10", "Jeugdhulp Leiden 2022", JEUGD, lots=lots,
                     value=1000000, tag=("tender",))
    amended = release("ocds-1l04xe-313991", "299911-a", "2021-02-01", "Jeugdhulp Leiden 2022", JEUGD, lots=lots,
                      value=1200000, tag=("tenderAmendment",))
    amended["tender"]["amendments"] = [{"id": "1", "date": "2021-02-01T00:00:00Z",
                                        "description": "Sluitingsdatum verschoven naar 1 maart 2021",
                                        "rationale": "Vragen in de nota van inlichtingen"}]
    awarded = release("ocds-1l04xe-313991", "299912-a", "2021-06-01", "Jeugdhulp Leiden 2022", JEUGD, lots=lots,
                      value=1200000, parties=[supplier("41165432", "Stichting Jeugdhulp Leiden")],
                      awards=[{"id": "a1", "status": "active", "relatedLots": ["1"], "date": "2021-05-20T00:00:00Z",
                               "suppliers": [{"id": "41165432", "name": "Stichting Jeugdhulp Leiden"}],
                               "value": {"amount": 1100000, "currency": "EUR"}}])
    server = serve_api([], datasets=datasets(tmp_path / "ds", {"2021": [tender, amended, awarded]}))
    db_path = tmp_path / "archive.db"
    backfill = scrapy_ocds(db_path, server.datasets_url)
    assert backfill.returncode == 0, backfill.stderr[-3000:]
    db = sqlite_utils.Database(db_path)
    assert [(r["publication_id"], r["notice_type"], r["notice_type_label"]) for r in db.query(
        "select * from notices order by publication_id")] == [
        (299910, None, "Publicatie (OCDS-dataset)"), (299911, "REC", "Rectificatie aankondiging (OCDS-dataset)"),
        (299912, "AGO", "Gunning (OCDS-dataset)")]
    assert [(r["source_id"], r["kind"], r["stage"]) for r in db.query(
        "select * from events where source_type = 'notice' order by date")] == [
        ("299910", "publication", None), ("299911", "rectification", "aankondiging"),
        ("299912", "award", "definitieve_gunning")]
    assert [(r["publication_id"], r["value_cents"], r["award_date"], r["current"]) for r in db.query(
        "select * from awards")] == [(299912, 110000000, "2021-05-20", 1)]
    # the changes list names the amendment a rectification (its row, from the notices, as the saved search reads it)
    assert [r["publication_id"] for r in db.query("select publication_id from notices where notice_type = 'REC'")] \
        == [299911]


def bought_by(buyer: str, pid: int, day: str, winner: str, value: str, chosen: str, kvk: str | None) -> dict:
    """A SYNTHETIC award notice of ``buyer`` (a municipality, so the procurement is in its jeugdregio) whose one lot
    ``winner`` won for ``value``, with its KvK number in section 8 where given."""
    html = eforms(h1("1. Koper"), row("Officiële naam", buyer), h1("6. Resultaten"),
                  h2("6.1 ID resultaat perceel: LOT-0001"), only("Er is ten minste één winnaar gekozen."),
                  h3("6.1.2 Informatie over winnaars"), only("Winnaar"), row("Officiële naam", winner),
                  only("Inschrijving"), amount("Waarde van de aanbesteding", value, "Euro"),
                  only("Informatie over het contract"), row("Datum waarop de winnaar is gekozen", chosen),
                  h1("8. Organisaties"), *org(1, buyer, None, buyer.split()[-1]),
                  *(org(2, winner, kvk, "Groningen", ["LOT-0001"]) if kvk else []))
    notice = publication(template(), pid, pid - 1, "AGO", "result", day, f"Jeugdhulp {buyer.split()[-1]}", html)
    for part in ("list", "detail"):
        notice[part].update(aanbestedendeDienstNaam=buyer, opdrachtgeverNaam=buyer)
    return notice


def test_a_providers_regions_feed_names_each_region_entry_by_the_provider_asked_whatever_name_it_won_under(
        serve_api, crawl):
    """Reference §4 ("Same organisation, spelled differently": normalise for matching, keep the printed name) and
    §8.4 (the printed name and its trade name kept): a provider with its KvK number wins in Holland Rijnland as
    "Jeugdhulp Noord B.V. h.o.d.n. Kindzorg" and in Utrecht under its own name, and in Groningen under its trade name
    "Kindzorg" alone (no KvK number). Its regions (`aanbieder_regios`, the provider page's list and its Atom feed)
    list the three, but the Groningen entry's Atom id was the trade name's ("provider-region:name:kindzorg:JZ01",
    whichever winner row SQLite kept for the region), and a later award there under the KvK number would give the
    same entry another id: a feed reader showed it twice. Every entry is the asked provider's."""
    notices = [bought_by("Gemeente Leiden", 973001, "2024-06-20", "Jeugdhulp Noord B.V. h.o.d.n. Kindzorg",
                         "1 000 000", "15/06/2024", "12345678"),
               bought_by("Gemeente Utrecht", 973011, "2024-07-20", "Jeugdhulp Noord B.V.", "2 000 000", "15/07/2024",
                         "12345678"),
               bought_by("Gemeente Groningen", 973021, "2024-08-20", "Kindzorg", "500 000", "15/08/2024", None)]
    done = crawl(serve_api(notices).api_url, from_date="2024-06-01", until_date="2024-12-31")
    assert done.crawl["status"] == "complete", done.errors
    from tests.datasette.archive_fixtures import Server
    from tests.datasette.test_saved_searches import rows

    datasette = Server(done.db_path)
    try:
        regions = {r["jeugdregio_code"]: (r["gunningen"], r["waarde_cents"], r["atom_id"], r["atom_link"])
                   for r in rows(datasette, "aanbieder_regios", aanbieder="kvk:12345678")}
        by_trade_name = {r["jeugdregio_code"]: r["atom_id"]
                         for r in rows(datasette, "aanbieder_regios", aanbieder="name:kindzorg")}
    finally:
        datasette.stop()
    assert regions == {
        code: (1, cents, f"tag:tenderarchive,2024:provider-region:kvk:12345678:{code}", f"/-/jeugdregio/{code}")
        for code, cents in (("JZ01", 50000000), ("JZ18", 100000000), ("JZ22", 200000000))}
    # the trade name's own feed: its entries are the trade name's, the same three regions
    assert by_trade_name == {code: f"tag:tenderarchive,2024:provider-region:name:kindzorg:{code}"
                             for code in ("JZ01", "JZ18", "JZ22")}


def test_a_later_file_s_award_update_giving_no_status_lowers_the_value_in_the_sums_of_a_later_crawl(
        serve_api, tmp_path):
    """Reference §6.1/§6.3 (yearly files; one ocid in several, "merge them"), §4 "Rectified award" (the latest version's
    value is the current one) and OCDS merging (what a release leaves out, the award's status too, is as before): a
    crawl of 2021 archives the award of € 1.200.000; a later crawl of 2022 reads the rectification (tag
    ``awardUpdate``) giving the award its corrected value and date alone. The rectification was archived but its
    award dropped as naming no winner, so the procurement, the provider and the region kept summing € 1.200.000.
    The award is the correction's (€ 900.000, its winner the one the 2021 file named), once in every sum."""
    lots = [("1", "Ambulant")]
    awarded = release("ocds-1l04xe-313995", "299950-a", "2021-11-01", "Jeugdhulp Leiden", JEUGD, lots=lots,
                      parties=[supplier("41165432", "Stichting Jeugdhulp Leiden")],
                      awards=[{"id": "a1", "status": "active", "relatedLots": ["1"], "date": "2021-10-20T00:00:00Z",
                               "suppliers": [{"id": "41165432", "name": "Stichting Jeugdhulp Leiden"}],
                               "value": {"amount": 1200000, "currency": "EUR"}}])
    corrected = {"ocid": "ocds-1l04xe-313995", "id": "299951-a", "date": "2022-02-01T00:00:00Z", "tag": ["awardUpdate"],
                 "tender": {"id": "t", "title": "Jeugdhulp Leiden", "classification": {"scheme": "CPV", "id": JEUGD}},
                 "awards": [{"id": "a1", "value": {"amount": 900000, "currency": "EUR"}, "relatedLots": ["1"],
                             "date": "2022-01-20T00:00:00Z"}]}
    server = serve_api([], datasets=datasets(tmp_path / "ds", {"2021": [awarded], "2022": [corrected]}))
    db_path = tmp_path / "archive.db"
    for window in (["-a", "from_date=2021-01-01", "-a", "until_date=2021-12-31"], ["-a", "from_date=2022-01-01"]):
        done = scrapy_ocds(db_path, server.datasets_url, *window)
        assert done.returncode == 0, done.stderr[-3000:]
    db = sqlite_utils.Database(db_path)
    assert [(r["publication_id"], r["value_cents"], r["award_date"], r["current"]) for r in db.query(
        "select * from awards")] == [(299951, 90000000, "2022-01-20", 1)]
    assert [(r["name"], r["kvk"]) for r in db.query("select * from award_suppliers")] == [
        ("Stichting Jeugdhulp Leiden", "41165432")]
    assert [(r["gunningen"], r["gegunde_waarde_cents"]) for r in db.query("select * from summary_procurements")] == [
        (1, 90000000)]
    assert sorted((r["jeugdregio_code"], r["awards"], r["cents"]) for r in db.query(
        "select * from summary_org_regions")) == [("", 1, 90000000), ("JZ18", 1, 90000000)]
    assert [(r["jaar"], r["gunningen"], r["gegunde_waarde_cents"]) for r in db.query(
        "select * from summary_region_years where gunningen > 0")] == [(2022, 1, 90000000)]
