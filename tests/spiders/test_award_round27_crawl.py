"""Twenty-seventh pass over tenderned-awards.md, end to end: SYNTHETIC OCDS packages and notices crawled from the
loopback servers into a real archive, and what the procurement shows of them."""

from __future__ import annotations

import sqlite_utils

from tests.fixtures.awards.make_fixtures import JEUGD, release, standard_award_900302, supplier
from tests.spiders.test_award_pdf_crawl import template
from tests.spiders.test_award_round8_crawl import WINDOW
from tests.spiders.test_award_round13_crawl import chosen
from tests.spiders.test_award_round24_crawl import providers_listed
from tests.spiders.test_award_variants_crawl import CONTRACT, publication
from tests.spiders.test_awards_crawl import scrapy_ocds
from tests.spiders.test_tenderned_ocds import datasets


def test_a_package_naming_its_buyer_in_parties_alone_gives_the_procurement_its_buyer(serve_api, tmp_path):
    """Reference §6.3 (a release's ``parties`` with their ``roles``: the buyer's party has the role "buyer") and §8.8
    (a procedure known from a package is archived as the API's are): one release names the buyer only as the party of
    the role "buyer" (no ``buyer`` object), another gives ``buyer`` as an id whose name is its party's. Both
    procedures were archived without a buyer: no `buyer`, no `buyer_id`, no jeugdregio."""
    leiden = {"id": "GM0546", "name": "Gemeente Leiden", "roles": ["buyer"]}
    only_party = release("ocds-1l04xe-313971", "299871-a", "2021-11-01", "Jeugdhulp Leiden", JEUGD,
                         lots=[("1", "Ambulant")], parties=[supplier("41165432", "Stichting Jeugdhulp Leiden")],
                         awards=[{"id": "a1", "status": "active", "relatedLots": ["1"],
                                  "suppliers": [{"id": "41165432", "name": "Stichting Jeugdhulp Leiden"}],
                                  "value": {"amount": 2000000, "currency": "EUR"}}])
    del only_party["buyer"]
    by_id = release("ocds-1l04xe-313972", "299872-a", "2021-11-02", "Pleegzorg Leiden", JEUGD,
                    lots=[("1", "Pleegzorg")], parties=[supplier("22223333", "Pleegzorg Zuid B.V.")],
                    awards=[{"id": "a1", "status": "active", "relatedLots": ["1"],
                             "suppliers": [{"id": "22223333", "name": "Pleegzorg Zuid B.V."}],
                             "value": {"amount": 500000, "currency": "EUR"}}])
    by_id["buyer"] = {"id": "GM0546"}
    for one in (only_party, by_id):
        one["parties"] = [leiden, *one["parties"][1:]]
    server = serve_api([], datasets=datasets(tmp_path / "ds", {"2021": [only_party, by_id]}))
    db_path = tmp_path / "archive.db"
    backfill = scrapy_ocds(db_path, server.datasets_url)
    assert backfill.returncode == 0, backfill.stderr[-3000:]
    db = sqlite_utils.Database(db_path)
    assert sorted((r["procurement_id"], r["buyer"], r["buyer_id"], r["jeugdregio_code"]) for r in db.query(
        "select procurement_id, buyer, buyer_id, jeugdregio_code from notices")) == [
        ("TN313971", "Gemeente Leiden", "GM0546", "JZ18"), ("TN313972", "Gemeente Leiden", "GM0546", "JZ18")]
    assert {r["procurement_id"]: r["buyer"] for r in db.query("select procurement_id, buyer from procurements")} == {
        "TN313971": "Gemeente Leiden", "TN313972": "Gemeente Leiden"}
    # the buyer is no winner: the suppliers stay the packages' suppliers
    assert sorted((r["name"], r["is_buyer"]) for r in db.query("select name, is_buyer from award_suppliers")) == [
        ("Pleegzorg Zuid B.V.", 0), ("Stichting Jeugdhulp Leiden", 0)]


def test_a_rectification_of_a_contract_modification_is_no_second_current_award_of_the_contract(serve_api, crawl):
    """Reference §5 (/gerelateerd: every publication of the procedure, "pre-notice, contract notice, rectifications,
    award, modification" under one kenmerk) and §4 ("Rectified award": the current winners are those of the latest
    version): a chain of four steps, contract notice -> award notice -> contract modification (AAW, cont-modif) ->
    its rectification (REC of form type cont-modif, which the modification names as its latest rectification). The
    rectification corrects the modification, not the award: it was a second current award beside the award
    notice's, the provider's gunningen 2 and € 2.800.000 for one contract of € 1.200.000. A modification whose award
    notice is not archived, and its rectification, still name the lot's winner once."""
    tender = publication(template(), 972701, 972700, "AAO", "competition", "2024-01-10", "Jeugdhulp Rijnstad", CONTRACT)
    award = publication(template(), 972702, 972700, "AGO", "result", "2024-06-20", "Jeugdhulp Rijnstad",
                        chosen("Jeugdhulp Rijn B.V.", "1 200 000", "15/06/2024"))
    modification = publication(template(), 972704, 972700, "AAW", "cont-modif", "2024-09-20",
                               "Jeugdhulp Rijnstad (wijziging)", chosen("Jeugdhulp Rijn B.V.", "1 500 000", "15/06/2024"))
    modification["detail"]["publicatieIDLaatsteRectificatie"] = 972705
    corrected = publication(template(), 972705, 972700, "REC", "cont-modif", "2024-10-01",
                            "Jeugdhulp Rijnstad (rectificatie wijziging)",
                            chosen("Jeugdhulp Rijn B.V.", "1 600 000", "15/06/2024"))
    # a modification of a contract whose award notice lies before the window, and its rectification
    alone = publication(template(), 972711, 972710, "AAW", "cont-modif", "2024-07-01", "Jeugdhulp Oost (wijziging)",
                        chosen("Stichting Zorg Oost", "300 000", "10/01/2023"))
    alone_corrected = publication(template(), 972712, 972710, "REC", "cont-modif", "2024-08-01",
                                  "Jeugdhulp Oost (rectificatie wijziging)",
                                  chosen("Stichting Zorg Oost", "350 000", "10/01/2023"))
    # the same chain in older forms, no notice with a form type: the rectification is known as the modification's by
    # the modification naming it as its latest (it was the award's rectification, a current award of € 1.600.000)
    older = [publication(template(), pid, 972720, code, None, day, title, chosen("Jeugdhulp Rijn B.V.", value, "15/06/2024"))
             for pid, code, day, title, value in [
                 (972722, "AGO", "2024-06-20", "Jeugdhulp West", "1 200 000"),
                 (972724, "AAW", "2024-09-20", "Jeugdhulp West (wijziging)", "1 500 000"),
                 (972725, "REC", "2024-10-01", "Jeugdhulp West (rectificatie wijziging)", "1 600 000")]]
    for notice in older:
        del notice["detail"]["formType"]
    older[1]["detail"]["publicatieIDLaatsteRectificatie"] = 972725
    done = crawl(serve_api([tender, award, modification, corrected, alone, alone_corrected, *older]).api_url, **WINDOW)
    assert done.crawl["status"] == "complete", done.errors
    db = sqlite_utils.Database(done.db_path)
    assert {r["publication_id"]: (r["current"], r["value_cents"], r["rectifies"]) for r in db.query(
        "select publication_id, current, value_cents, rectifies from awards")} == {
        972702: (1, 120000000, None), 972704: (0, 150000000, None), 972705: (0, 160000000, 972704),
        972711: (0, 30000000, None), 972712: (1, 35000000, 972711),
        972722: (1, 120000000, None), 972724: (0, 150000000, None), 972725: (0, 160000000, 972724)}
    assert [tuple(r) for r in db.execute(
        "select date, kind, stage from events where procurement_id = 'TN972720' and source_type = 'notice' "
        "order by date")] == [("2024-06-20", "award", "definitieve_gunning"), ("2024-09-20", "modification", "verlenging"),
                              ("2024-10-01", "rectification", "verlenging")]
    # the timeline: the award once; the modification and its rectification as their notices' own publications
    assert [tuple(r) for r in db.execute(
        "select date, kind, stage, source_type from events where procurement_id = 'TN972700' order by date, kind")] == [
        ("2024-01-10", "tender_publication", "aankondiging", "notice"),
        ("2024-06-15", "award", "definitieve_gunning", "award"), ("2024-06-20", "award", "definitieve_gunning", "notice"),
        ("2024-09-20", "modification", "verlenging", "notice"), ("2024-10-01", "rectification", "verlenging", "notice")]
    listed = providers_listed(done.db_path, ("gunningen", "waarde_gunningen_cents"))
    summary = {r["procurement_id"]: (r["gunningen"], r["gegunde_waarde_cents"]) for r in db.query(
        "select procurement_id, gunningen, gegunde_waarde_cents from summary_procurements")}
    assert listed["name:jeugdhulp rijn"] == (2, 240000000)
    assert listed["name:zorg oost"] == (1, 35000000)
    assert summary == {"TN972700": (1, 120000000), "TN972710": (1, 35000000), "TN972720": (1, 120000000)}


def test_a_rectification_of_an_older_form_award_notice_keeps_the_procurement_at_its_award_on_the_timeline(serve_api,
                                                                                                         crawl):
    """Reference §4 "Rectified award" (a later REC under the same kenmerk; the original's detail names it in
    publicatieIDLaatsteRectificatie) and §3 (older standard forms, whose notices carry no eForms form type):
    contract notice -> award notice -> its rectification, none with a ``formType``. The rectification was put on the
    timeline at `aankondiging` (a rectification of a contract notice when its form type does not say), so the
    procurement's current stage, its latest event's, went back from `definitieve_gunning` to `aankondiging` after
    its award. A rectification whose results name winners, or that an award notice names as its latest, is of the
    award's stage; a rectification of the contract notice stays at `aankondiging`."""
    from tests.fixtures.awards.make_fixtures import standard_contract_900301

    tender = publication(template(), 972801, 972800, "AAO", "competition", "2024-01-10", "Jeugdhulp Rijnstad",
                         standard_contract_900301())
    tender_corrected = publication(template(), 972802, 972800, "REC", "competition", "2024-02-01",
                                   "Jeugdhulp Rijnstad (rectificatie)", standard_contract_900301())
    award = publication(template(), 972803, 972800, "AGO", "result", "2024-06-20", "Jeugdhulp Rijnstad",
                        standard_award_900302())
    award["detail"]["publicatieIDLaatsteRectificatie"] = 972804
    award_corrected = publication(template(), 972804, 972800, "REC", "result", "2024-07-01",
                                  "Jeugdhulp Rijnstad (rectificatie gunning)", standard_award_900302())
    # a rectification the award notice names, whose rendering gives no award (it corrects a date)
    other = publication(template(), 972811, 972810, "AGO", "result", "2024-06-20", "Jeugdhulp Oost",
                        standard_award_900302())
    other["detail"]["publicatieIDLaatsteRectificatie"] = 972812
    other_corrected = publication(template(), 972812, 972810, "REC", "result", "2024-07-01",
                                  "Jeugdhulp Oost (rectificatie gunning)", standard_contract_900301())
    notices = [tender, tender_corrected, award, award_corrected, other, other_corrected]
    for notice in notices:
        del notice["detail"]["formType"]
    done = crawl(serve_api(notices).api_url, from_date="2024-01-01", until_date="2024-12-31")
    assert done.crawl["status"] == "complete", done.errors
    db = sqlite_utils.Database(done.db_path)
    stages = {int(r["source_id"]): (r["kind"], r["stage"]) for r in db.query(
        "select source_id, kind, stage from events where source_type = 'notice' and kind != 'inschrijf_deadline'")}
    assert stages == {972801: ("tender_publication", "aankondiging"), 972802: ("rectification", "aankondiging"),
                      972803: ("award", "definitieve_gunning"), 972804: ("rectification", "definitieve_gunning"),
                      972811: ("award", "definitieve_gunning"), 972812: ("rectification", "definitieve_gunning")}
