"""Second pass over tenderned-awards.md, end to end: a SYNTHETIC award notice whose /html has the documented
shapes (reference §2.2-§2.5, §4) is crawled from the loopback API into a real archive, and the archive
holds what the rendering says."""

from __future__ import annotations

import copy
import json

import sqlite_utils

from tenderarchive.apiserver import load_publications
from tests.awards.conftest import FIXTURES
from tests.awards.test_html_shapes import amount, eforms, h1, h2, h3, only, row

WINDOW = {"from_date": "2021-01-01", "until_date": "2026-06-30"}

RENDERING = eforms(
    h1("1. Koper"), row("Officiële naam", "Gemeente Voorbeeldrijk"),
    h1("5. Perceel"), h2("5.1 Perceel: LOT-0001"), row("Titel", "Ambulante jeugdhulp"),
    amount("Geraamde waarde exclusief btw", "€ 1.234.567,89 excl. btw", ""),
    h2("5.1 Perceel: LOT-0002"), row("Titel", "Jeugdhulp met verblijf"),
    h1("6. Resultaten"), amount("Waarde van alle contracten toegekend in deze kennisgeving", "1.500.000", "EUR"),
    h2("6.1 ID resultaat perceel: LOT-0001"), only("Er is ten minste één winnaar gekozen."),
    h3("6.1.2 Informatie over winnaars"),
    only("Winnaar"), row("Officiële naam", "Jeugdhulp Noord B.V."), only("Inschrijving"),
    amount("Waarde van de aanbesteding", "1 000 000,00", "Euro"),
    only("Informatie over het contract"), row("Datum waarop de winnaar is gekozen", "15 mei 2025"),
    row("Datum van sluiting van het contract", "1 June 2025"),
    only("Winnaar"), row("Officiële naam", "Stichting Zorg Oost"), only("Inschrijving"),
    amount("Waarde van de aanbesteding", "€ 500.000", ""),
    h3("6.1.4 Statistische informatie"),
    row("Type van de ontvangen inschrijvingen", "Inschrijvingen"),
    row("Aantal ontvangen inschrijvingen of verzoeken tot deelname", "4"),
    h2("6.1 ID resultaat perceel: LOT-0002"),
    only("Er is geen winnaar gekozen en de mededinging is gesloten."),
    row("De reden waarom geen winnaar is gekozen",
        "Er zijn geen inschrijvingen, verzoeken tot deelname of projecten ontvangen"),
    h1("8. Organisaties"), h2("8.1 ORG-0002"), row("Officiële naam", "Jeugdhulp Noord BV"),
    row("Registratienummer", "01234567"), row("Land", "Nederland"),
    h2("8.2 ORG-0003"), row("Officiële naam", "Stichting Zorg Oost"), row("Registratienummer", "KvK 76543210"))


def publication(template: dict, publication_id: int, kenmerk: int) -> dict:
    new = copy.deepcopy(template)
    new["list"].update(publicatieId=str(publication_id), kenmerk=kenmerk, aanbestedingNaam="Jeugdhulp Voorbeeldrijk",
                       link={"href": f"https://www.tenderned.nl/aankondigingen/overzicht/{publication_id}",
                             "title": "self"})
    new["detail"].update(publicatieId=publication_id, kenmerk=kenmerk, aanbestedingNaam="Jeugdhulp Voorbeeldrijk",
                         publicatieIDLaatsteRectificatie=None)
    new["html"] = RENDERING
    return new


def test_an_award_notice_of_the_documented_shapes_is_archived_as_printed(serve_api, crawl):
    template = next(p for p in load_publications(FIXTURES) if str(p["list"]["publicatieId"]) == "900102")
    server = serve_api([publication(template, 900501, 900500)])
    result = crawl(server.api_url, **WINDOW)
    assert result.returncode == 0, result.output[-3000:]
    db = sqlite_utils.Database(result.db_path)
    lots = {r["lot_id"]: r for r in db.query("select * from lots where procurement_id = 'TN900500'")}
    assert (lots["1"]["awarded"], lots["1"]["tenders_received"], lots["1"]["estimated_cents"]) == \
        (1, 4, 123456789)
    assert (lots["2"]["awarded"], lots["2"]["not_awarded_reason"]) == (
        0, "Er zijn geen inschrijvingen, verzoeken tot deelname of projecten ontvangen")
    awards = list(db.query("select * from awards where procurement_id = 'TN900500'"))
    assert [(a["lot_id"], a["award_date"], a["contract_date"], a["winner_count"], a["current"]) for a in awards] == [
        ("1", "2025-05-15", "2025-06-01", 2, 1)]
    winners = list(db.query("select name, kvk, organisation_id, tender_value_cents, tender_value_raw "
                            "from award_suppliers where procurement_id = 'TN900500' order by name"))
    assert [tuple(w.values()) for w in winners] == [
        ("Jeugdhulp Noord B.V.", "01234567", "kvk:01234567", 100000000, "1 000 000,00"),
        ("Stichting Zorg Oost", "76543210", "kvk:76543210", 50000000, "€ 500.000")]
    results = next(db.query("select * from notice_results where publication_id = 900501"))
    assert (results["total_awarded_cents"], results["language"]) == (150000000, "nl")
    assert json.loads(results["problems"] or "[]") == []


def award_rendering(lot_two_awarded: bool, lot_one_value: str, correction: bool = False) -> str:
    lot_two = ([only("Er is ten minste één winnaar gekozen."), h3("6.1.2 Informatie over winnaars"), only("Winnaar"),
                row("Officiële naam", "Stichting Verblijf Zuid"), only("Inschrijving"),
                amount("Waarde van de aanbesteding", "300 000")]
               if lot_two_awarded else
               [only("Er is geen winnaar gekozen en de mededinging is gesloten."),
                row("De reden waarom geen winnaar is gekozen", "Besluit van de koper, wegens gewijzigde behoeften")])
    change = [h1("10. Wijziging"), row("Versie van de eerdere aankondiging die moet worden gewijzigd", "900601-2025")] \
        if correction else []
    return eforms(h1("1. Koper"), row("Officiële naam", "Gemeente Voorbeeldrijk"), h1("6. Resultaten"),
                  h2("6.1 ID resultaat perceel: LOT-0001"), only("Er is ten minste één winnaar gekozen."),
                  h3("6.1.2 Informatie over winnaars"), only("Winnaar"), row("Officiële naam", "Jeugdhulp Noord B.V."),
                  only("Inschrijving"), amount("Waarde van de aanbesteding", lot_one_value),
                  h2("6.1 ID resultaat perceel: LOT-0002"), *lot_two, *change)


def test_a_correction_that_awards_a_lot_to_no_one_supersedes_the_earlier_award_of_that_lot(serve_api, crawl):
    """Reference §4 (rectified award: "the current winners and values are those of the latest version") and
    §8.6: a rectification (REC) whose rendering gives LOT-0002 "Er is geen winnaar gekozen" corrects the
    earlier award notice, which named a winner for it. Only a later award of the same lot superseded an
    award, so the corrected-away winner stayed a current winner of the procedure."""
    templates = {str(p["list"]["publicatieId"]): p for p in load_publications(FIXTURES)}
    original = publication(templates["900102"], 900601, 900600)
    original["detail"]["publicatieIDLaatsteRectificatie"] = 900602
    original["html"] = award_rendering(True, "1 000 000")
    rectification = publication(templates["900103"], 900602, 900600)
    rectification["html"] = award_rendering(False, "1 250 000", correction=True)
    server = serve_api([original, rectification])
    result = crawl(server.api_url, **WINDOW)
    assert result.returncode == 0, result.output[-3000:]
    db = sqlite_utils.Database(result.db_path)
    awards = [(a["publication_id"], a["lot_id"], a["value_cents"], a["current"]) for a in db.query(
        "select * from awards where procurement_id = 'TN900600' order by publication_id, lot_id")]
    assert awards == [(900601, "1", 100000000, 0), (900601, "2", 30000000, 0),
                      (900602, "1", 125000000, 1)]
    current = [r["name"] for r in db.query(
        "select s.name from award_suppliers s join awards a using (award_id) "
        "where a.procurement_id = 'TN900600' and a.current = 1 order by s.name")]
    assert current == ["Jeugdhulp Noord B.V."]
    lot = next(db.query("select * from lots where procurement_id = 'TN900600' and lot_id = '2'"))
    assert (lot["awarded"], lot["publication_id"]) == (0, 900602)


def test_a_framework_award_keeps_its_approximate_and_re_estimated_values(serve_api, crawl):
    """Reference §2.3 (BT-1118 "Waarde bij benadering van de raamovereenkomsten", older "Geschatte waarde
    van de raamovereenkomsten"; BT-660 "Opnieuw geraamde waarde van de raamovereenkomst") and §4
    (framework maxima: "often the only amount in a framework award"): both were read from the rendering
    and then dropped, as no column held them, so such an award reached the archive without any amount."""
    template = next(p for p in load_publications(FIXTURES) if str(p["list"]["publicatieId"]) == "900102")
    notice = publication(template, 900701, 900700)
    notice["html"] = eforms(
        h1("1. Koper"), row("Officiële naam", "Gemeente Voorbeeldrijk"), h1("6. Resultaten"),
        amount("Geschatte waarde van de raamovereenkomsten", "2 400 000", "Euro"),
        h2("6.1 ID resultaat perceel: LOT-0001"), only("Raamovereenkomst"),
        amount("Opnieuw geraamde waarde van de raamovereenkomst", "€ 2.600.000,00", ""),
        h3("6.1.2 Informatie over winnaars"), only("Winnaar"), row("Officiële naam", "Jeugdhulp Noord B.V."),
        only("Winnaar"), row("Officiële naam", "Stichting Zorg Oost"))
    server = serve_api([notice])
    result = crawl(server.api_url, **WINDOW)
    assert result.returncode == 0, result.output[-3000:]
    db = sqlite_utils.Database(result.db_path)
    results = next(db.query("select * from notice_results where publication_id = 900701"))
    assert (results["framework_approximate_cents"], results["framework_approximate_raw"]) == (240000000, "2 400 000")
    lot = next(db.query("select * from lots where procurement_id = 'TN900700'"))
    assert (lot["framework_reestimate_cents"], lot["framework_reestimate_raw"], lot["awarded"]) == (
        260000000, "€ 2.600.000,00", 1)
    award = next(db.query("select * from awards where procurement_id = 'TN900700'"))
    assert (award["value_cents"], award["winner_count"]) == (None, 2)   # a re-estimate is no award value
    assert json.loads(results["problems"] or "[]") == []


def test_the_notice_an_award_names_as_its_latest_rectification_corrects_it_whatever_its_code(serve_api, crawl):
    """Reference §8.6: "the procedure's current winners come from the latest rectification
    (publicatieIDLaatsteRectificatie, or the latest REC/result notice of the kenmerk)". A correction
    published as a result notice (code AGO, not REC) that the original names in
    publicatieIDLaatsteRectificatie left both awards of the lot current, the old value beside the new."""
    template = next(p for p in load_publications(FIXTURES) if str(p["list"]["publicatieId"]) == "900102")
    original = publication(template, 900801, 900800)
    original["detail"]["publicatieIDLaatsteRectificatie"] = 900802
    original["html"] = award_rendering(True, "1 000 000")
    correction = publication(template, 900802, 900800)
    correction["list"]["publicatieDatum"] = "2025-09-20"
    correction["detail"]["publicatieDatum"] = "2025-09-20T10:00:00"
    correction["html"] = award_rendering(True, "1 250 000", correction=True)
    server = serve_api([original, correction])
    result = crawl(server.api_url, **WINDOW)
    assert result.returncode == 0, result.output[-3000:]
    db = sqlite_utils.Database(result.db_path)
    assert [(n["publication_id"], n["notice_type"]) for n in db.query(
        "select * from notices where procurement_id = 'TN900800' order by publication_id")] == [
        (900801, "AGO"), (900802, "AGO")]
    awards = [(a["publication_id"], a["lot_id"], a["value_cents"], a["current"], a["rectifies"]) for a in db.query(
        "select * from awards where procurement_id = 'TN900800' and lot_id = '1' order by publication_id")]
    assert awards == [(900801, "1", 100000000, 0, None), (900802, "1", 125000000, 1, 900801)]


def test_an_eforms_change_notice_corrects_the_earlier_award_whatever_its_code(serve_api, crawl):
    """Reference §4 (rectified award): "An eForms change notice carries BT-758 ('Versie van de eerdere
    aankondiging die moet worden gewijzigd') and section '10. Wijziging'. The current winners and values
    are those of the latest version." A change notice published with code AGO whose original names no
    latest rectification left both awards of the lot current (the old value counted beside the new)."""
    template = next(p for p in load_publications(FIXTURES) if str(p["list"]["publicatieId"]) == "900102")
    original = publication(template, 900811, 900810)
    original["detail"].pop("publicatieIDLaatsteRectificatie", None)
    original["html"] = award_rendering(True, "1 000 000")
    change = publication(template, 900812, 900810)
    change["detail"].pop("publicatieIDLaatsteRectificatie", None)
    change["list"]["publicatieDatum"] = "2025-09-20"
    change["detail"]["publicatieDatum"] = "2025-09-20T10:00:00"
    change["html"] = award_rendering(True, "1 250 000", correction=True)
    result = crawl(serve_api([original, change]).api_url, **WINDOW)
    assert result.returncode == 0, result.output[-3000:]
    db = sqlite_utils.Database(result.db_path)
    assert [(n["publication_id"], n["notice_type"], n["latest_rectification_id"]) for n in db.query(
        "select * from notices where procurement_id = 'TN900810' order by publication_id")] == [
        (900811, "AGO", None), (900812, "AGO", None)]
    assert [(r["publication_id"], r["change_notice"], r["changed_notice"]) for r in db.query(
        "select * from notice_results where procurement_id = 'TN900810' order by publication_id")] == [
        (900811, None, None), (900812, 1, "900601-2025")]
    awards = [(a["publication_id"], a["value_cents"], a["current"], a["rectifies"]) for a in db.query(
        "select * from awards where procurement_id = 'TN900810' and lot_id = '1' order by publication_id")]
    assert awards == [(900811, 100000000, 0, None), (900812, 125000000, 1, 900811)]
