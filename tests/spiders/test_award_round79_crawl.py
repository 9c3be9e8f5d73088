"""Seventy-ninth pass over tenderned-awards.md, end to end: SYNTHETIC yearly OCDS packages from the project's loopback
datasets server whose parties' descriptive fields come in shapes OCDS does not give them (reference §6.3 gives
``address.countryName`` as text: "Nederland" or "NL"), and SYNTHETIC eForms award notices and their change notice from
its loopback API, crawled into a real archive."""

from __future__ import annotations

from tests.fixtures.awards.make_fixtures import JEUGD, amount, h1, h2, h3, only, package, release, row, supplier, table, \
    winner
from tests.spiders.test_award_pdf_crawl import template
from tests.spiders.test_award_variants_crawl import publication
from tests.spiders.test_awards_crawl import _datasets, rows, scrapy_ocds

#: each winner's ``address.countryName`` as the package writes it, and the country code archived for it
COUNTRIES = {"313791": (528, None), "313792": (["Nederland"], None), "313793": ({"name": "Belgique"}, None),
             "313794": (None, None), "313795": (True, None), "313796": ("BEL", "BE"), "313797": ("Nederland", "NL")}


def _procedure(kenmerk: str, country) -> dict:
    winner = supplier(f"4116{kenmerk[-4:]}", f"Stichting Jeugdzorg {kenmerk}")
    winner["address"]["countryName"] = country
    return release(f"ocds-1l04xe-{kenmerk}", f"29{kenmerk[-4:]}", "2021-05-01", "Jeugdhulp Leiden", JEUGD,
                   lots=[("1", "Jeugdhulp")], parties=[winner],
                   awards=[{"id": "a", "suppliers": [{"id": winner["id"], "name": winner["name"]}],
                            "value": {"amount": 100000, "currency": "EUR"}, "relatedLots": ["1"]}])


def test_a_winner_whose_country_is_no_text_is_archived_with_its_award_the_country_null_and_said(serve_api, tmp_path):
    """A party whose ``address.countryName`` was a number, a list, an object or true failed the release schema, and
    the whole release was skipped: the procedure, its award and its winner were not archived (a release of a
    procedure of several lost its winner). One bad field costs itself: the release is read, the winner archived with
    its name, KvK number and value, its country NULL, and the crawl's record (and log) names the release and the
    field. A null country is no problem at all; "BEL" is Belgium (ISO alpha-3). SYNTHETIC packages."""
    server = serve_api([], datasets=_datasets(tmp_path / "datasets", {
        "Dataset_Tenderned-2021-01-01-2021-12-31.json": package(
            [_procedure(kenmerk, country) for kenmerk, (country, _) in COUNTRIES.items()])}))
    db = tmp_path / "archive.db"
    done = scrapy_ocds(db, server.datasets_url)
    assert done.returncode == 0, done.stderr[-3000:]
    archived = rows(db, "select a.procurement_id, s.name, s.kvk, s.country, s.country_code, a.value_cents "
                        "from awards a join award_suppliers s using (award_id) order by a.procurement_id")
    assert [(r["procurement_id"], r["name"], r["kvk"], r["country_code"], r["value_cents"]) for r in archived] == [
        (f"TN{kenmerk}", f"Stichting Jeugdzorg {kenmerk}", f"4116{kenmerk[-4:]}" if code != "BE" else None, code,
         10000000) for kenmerk, (_, code) in COUNTRIES.items()]
    assert [r["country"] for r in archived] == [None] * 5 + ["BEL", "Nederland"]
    [crawl] = rows(db, "select status, errors from crawls")
    assert crawl["status"] == "partial"
    for n, what in enumerate(["a number (528), not text", "a list, not text", "an object, not text", None,
                              "true, not text"], start=1):
        said = f"release {n} (ocds-1l04xe-31379{n}): parties[1].address.countryName is {what}: read as NULL"
        assert (said in crawl["errors"] and said in done.stderr) if what else f"31379{n}" not in crawl["errors"], n
    assert "skipped" not in crawl["errors"]


def test_an_award_a_rectification_moves_to_another_lot_counts_its_winner_once(serve_api, tmp_path):
    """Reference §4 "Rectified award" (the current winners are the latest version's) and §6.3 (one ocid, several
    releases: merge them): a rectification (tag awardUpdate) giving award "a" on lot 2 where the award notice gave it
    on lot 1. The award notice's version of lot 1 was given twice (as the award in force on lot 1 and again as the
    version the update supersedes), so its one winner was counted twice: ``winner_count`` 2, one supplier row. Each
    version counts its one winner once, and the rectification's, on lot 2, is current. (Whether the award notice's
    version of lot 1 stays current is the reader's rule for an update giving an award id on other lots alone, which
    this test does not decide.) SYNTHETIC package."""
    ocid, lots = "ocds-1l04xe-313798", [("1", "Ambulant"), ("2", "Verblijf")]
    award = release(ocid, "299801", "2021-05-01", "Jeugdhulp Leiden", JEUGD, lots=lots,
                    parties=[supplier("11111111", "Alpha Jeugdzorg B.V.")],
                    awards=[{"id": "a", "status": "active", "relatedLots": ["1"],
                             "suppliers": [{"id": "11111111", "name": "Alpha Jeugdzorg B.V."}],
                             "value": {"amount": 500000, "currency": "EUR"}}])
    moved = release(ocid, "299802", "2021-07-01", "Jeugdhulp Leiden", JEUGD, lots=lots, tag=("awardUpdate",),
                    awards=[{"id": "a", "status": "active", "relatedLots": ["2"]}])
    server = serve_api([], datasets=_datasets(tmp_path / "datasets", {
        "Dataset_Tenderned-2021-01-01-2021-12-31.json": package([award, moved])}))
    db = tmp_path / "archive.db"
    done = scrapy_ocds(db, server.datasets_url)
    assert done.returncode == 0, done.stderr[-3000:]
    assert rows(db, "select publication_id, lot_id, winner_count, value_cents, "
                    "case when publication_id = 299802 then current end as current, "
                    "(select count(*) from award_suppliers s where s.award_id = a.award_id) as suppliers "
                    "from awards a order by publication_id") == [
        {"publication_id": 299801, "lot_id": "1", "winner_count": 1, "value_cents": 50000000, "current": None,
         "suppliers": 1},
        {"publication_id": 299802, "lot_id": "2", "winner_count": 1, "value_cents": 50000000, "current": 1,
         "suppliers": 1}]
    assert rows(db, "select status from crawls") == [{"status": "complete"}]


def _eforms_award(change: bool = False) -> str:
    """SYNTHETIC eForms award notice of two lots (reference §2.2, §2.6), the Belgian winner of lot 2 in section 8 with
    "Land: BEL" (the SDK's own country code, alpha-3) and its 10-digit Belgian registration number; with ``change``
    its change notice (section "10. Wijziging", BT-758): lot 1 without a winner for a review body's decision (§4.1
    ``rev-body``), lot 2's value corrected."""
    rows = [h1("1. Koper"), row("Officiële naam", "Gemeente Leiden"), h1("6. Resultaten")]
    if change:
        rows += [h2("6.1", "ID resultaat perceel", "LOT-0001"),
                 only("Er is geen winnaar gekozen en de mededinging is gesloten."),
                 row("De reden waarom geen winnaar is gekozen",
                     "Besluit van een beroepsinstantie of een andere rechterlijke instantie")]
    else:
        rows += [h2("6.1", "ID resultaat perceel", "LOT-0001"), only("Er is ten minste één winnaar gekozen."),
                 h3("6.1.2 Informatie over winnaars"), *winner("Stichting Jeugdhulp Leiden", "LOT-0001", "800 000")]
    rows += [h2("6.1", "ID resultaat perceel", "LOT-0002"), only("Er is ten minste één winnaar gekozen."),
             h3("6.1.2 Informatie over winnaars"),
             *winner("Jeugdzorg Vlaanderen BV", "LOT-0002", "450 000" if change else "400 000"),
             h1("8. Organisaties"), h2("8.1", "ORG", "ORG-0001"), row("Officiële naam", "Jeugdzorg Vlaanderen BV"),
             row("Registratienummer", "0123456789"), row("Land", "BEL")]
    if change:
        rows += [h1("10. Wijziging"), row("Versie van de eerdere aankondiging die moet worden gewijzigd", "01")]
    return table(rows)


def test_a_winner_whose_country_is_printed_as_an_alpha3_code_gets_its_country_code_through_a_rectification(
        serve_api, crawl):
    """Reference §2.3 (section 8 "Land"; the eForms SDK's country codes are ISO alpha-3, ``country.BEL``) and §4
    ("Rectified award", "Lot not awarded"): a Belgian winner printed "Land: BEL" had ``country_code`` NULL ("NLD"
    alone was read), so a filter on BE missed it. It is BE on the award notice and on its change notice, and its
    10-digit Belgian number is no KvK number. The change notice withdraws lot 1's award (no winner, a review body's
    decision) and corrects lot 2's value: lot 1's award is no longer current, lot 2's is the change notice's."""
    done = crawl(serve_api([
        publication(template(), 979001, 979000, "AGO", "result", "2024-05-01", "Jeugdhulp Leiden", _eforms_award()),
        publication(template(), 979002, 979000, "REC", "result", "2024-06-01", "Jeugdhulp Leiden",
                    _eforms_award(change=True))]).api_url, from_date="2024-04-01", until_date="2024-06-30")
    assert done.crawl["status"] == "complete", done.errors
    db = done.db
    assert [tuple(r) for r in db.execute("select publication_id, lot_id, value_cents, current from awards "
                                         "order by publication_id, lot_id")] == [
        (979001, "1", 80000000, 0), (979001, "2", 40000000, 0), (979002, "2", 45000000, 1)]
    assert [tuple(r) for r in db.execute("select name, kvk, country, country_code from award_suppliers "
                                         "where name like 'Jeugdzorg Vlaanderen%'")] == [
        ("Jeugdzorg Vlaanderen BV", None, "BEL", "BE")] * 2
    assert [tuple(r) for r in db.execute("select lot_id, awarded from lots where publication_id = 979002 "
                                         "order by lot_id")] == [("1", 0), ("2", 1)]
