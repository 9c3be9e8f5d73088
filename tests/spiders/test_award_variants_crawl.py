"""Fourth pass over tenderned-awards.md, end to end: SYNTHETIC procedures crawled from the loopback API into a real
archive, as a user runs the crawl."""

from __future__ import annotations

import copy

import sqlite_utils

from tenderarchive.apiserver import load_publications
from tests.awards.conftest import FIXTURES
from tests.awards.test_html_shapes import eforms, h1, h2
from tests.fixtures.awards.make_fixtures import amount, h3, only, row


def publication(template: dict, pid: int, kenmerk: int, code: str, form: str, day: str, title: str, html: str,
                cpv: str = "85311300-5") -> dict:
    new = copy.deepcopy(template)
    new["list"].update(publicatieId=str(pid), kenmerk=kenmerk, aanbestedingNaam=title, publicatieDatum=day,
                       typePublicatie={"code": code, "omschrijving": code},
                       link={"href": f"https://www.tenderned.nl/aankondigingen/overzicht/{pid}", "title": "self"})
    new["detail"].update(publicatieId=pid, kenmerk=kenmerk, aanbestedingNaam=title, publicatieIDLaatsteRectificatie=None,
                         publicatieDatum=f"{day}T10:00:00", formType=form, aankondigingCode={"code": code, "omschrijving": code},
                         cpvCodes=[{"code": cpv, "omschrijving": "x", "isHoofdOpdracht": True}])
    for document in new["documenten"]["documenten"]:
        document["documentId"] = pid * 100 + document["documentId"] % 100
    new["html"] = html
    return new


CONTRACT = eforms(h1("1. Koper"), row("Officiële naam", "Gemeente Rijnstad"), h1("2. Procedure"), h3("2.1.3 Waarde"),
                  amount("Geraamde waarde exclusief btw", "3.000.000,00", "EUR"),
                  h1("5. Perceel"), h2("5.1 Perceel: LOT-0001"), row("Titel", "Ambulante jeugdhulp"),
                  amount("Geraamde waarde exclusief btw", "2 000 000", "Euro"),
                  h2("5.1 Perceel: LOT-0002"), row("Titel", "Crisishulp"),
                  amount("Geraamde waarde exclusief btw", "€ 1.000.000", ""))
AWARD = eforms(h1("1. Koper"), row("Officiële naam", "Gemeente Rijnstad"), h1("6. Resultaten"),
               h2("6.1 ID resultaat perceel: LOT-0001"), only("Er is ten minste één winnaar gekozen."),
               h3("6.1.2 Informatie over winnaars"), only("Winnaar"), row("Officiële naam", "Jeugdhulp Rijn B.V."),
               only("Inschrijving"), amount("Waarde van de aanbesteding", "1.200.000,00", "EUR"),
               h2("6.1 ID resultaat perceel: LOT-0002"),
               only("Er is geen winnaar gekozen en de mededinging is gesloten."),
               row("De reden waarom geen winnaar is gekozen", "Besluit van de koper, wegens ontoereikende middelen"))


def test_a_contract_notice_read_after_its_award_notice_still_gives_its_lots_titles_and_estimates(serve_api, crawl):
    """Reference §1 (the contract notice's /html holds the lots, their titles and estimated values), §5 (a
    contract notice can lie before the crawl window; /gerelateerd completes the procedure) and §8.5 (a lot
    keeps its estimated value): the award notice in the window was archived first, so when the contract notice
    arrived through /gerelateerd its lots were skipped as described by a later notice, and every lot lost its
    title and estimate for good."""
    template = next(p for p in load_publications(FIXTURES) if str(p["list"]["publicatieId"]) == "900102")
    server = serve_api([publication(template, 950001, 950000, "AAO", "competition", "2024-01-10", "Jeugdhulp Rijnstad",
                                    CONTRACT),
                        publication(template, 950002, 950000, "AGO", "result", "2024-06-10", "Gunning Rijnstad", AWARD)])
    result = crawl(server.api_url, from_date="2024-06-01", until_date="2024-12-31")
    assert result.returncode == 0, result.output[-3000:]
    db = sqlite_utils.Database(result.db_path)
    assert [r["publication_id"] for r in db.query("select publication_id from notices order by 1")] == [950001, 950002]
    lots = [tuple(r.values()) for r in db.query(
        "select lot_id, title, estimated_cents, awarded, not_awarded_reason from lots where procurement_id = 'TN950000' "
        "order by lot_id")]
    assert lots == [("1", "Ambulante jeugdhulp", 200000000, 1, None),
                    ("2", "Crisishulp", 100000000, 0, "Besluit van de koper, wegens ontoereikende middelen")]
