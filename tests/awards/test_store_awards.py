"""Award rows in the archive, in process (real SQLite, no crawl): the store writes each notice's
awards, the derivation decides which stand — the same whatever order the notices arrive in."""

import copy
import itertools
import json

import pytest

from pipelines.awards import AwardsPipeline
from pipelines.classify import ClassifyPipeline  # noqa: F401  (the pipeline order is the settings')
from pipelines.normalise import normalise_notice
from tenderarchive.apiserver import load_publications
from tenderarchive.derive import STALE_WORDING_SQL, derive, refresh_award_currency, reword_stale_awards
from tenderarchive.items import NoticeItem
from tenderarchive.store.schema import ensure_schema
from tenderarchive.store.writes import open_archive, write_notice
from tests.fixtures.awards.make_fixtures import only, row

from .conftest import FIXTURES

NOTICE_URL, SITE = "https://www.tenderned.nl/aankondigingen/overzicht/{id}", "https://www.tenderned.nl"


class Settings(dict):
    def get(self, key, default=None):
        return super().get(key, default)


def record(publication: dict, crawl_id: int = 1) -> dict:
    pid = publication["detail"]["publicatieId"]
    item = NoticeItem(publication_id=str(pid), detail=publication["detail"], list_record=publication["list"],
                      documents=publication["documenten"], source_url=f"{SITE}/x/{pid}",
                      fetched_at="2026-01-01T00:00:00+00:00", sha256="0" * 64,
                      html_body=json.dumps({"html": publication["html"]}).encode(), html_url=f"{SITE}/x/{pid}/html",
                      html_fetched_at="2026-01-01T00:00:00+00:00", html_sha256="1" * 64)
    item.record = normalise_notice(item, NOTICE_URL, SITE)
    item.record["notice"].update(youth_care=1, youth_care_reasons="[]")
    return AwardsPipeline(Settings(TENDERNED_NOTICE_URL=NOTICE_URL)).process_item(item).record


@pytest.fixture(scope="module")
def procedure_900001():
    return [p for p in load_publications(FIXTURES) if p["detail"]["kenmerk"] == 900001]


def archive(tmp_path, publications, name):
    db = open_archive(tmp_path / f"{name}.db")
    db["crawls"].insert({"crawl_id": 1, "spider": "tenderned", "status": "running"}, pk="crawl_id")
    for publication in publications:
        write_notice(db, record(publication), 1)
    refresh_award_currency(db, 1)
    return db


def state(db):
    return sorted((r["award_id"], r["value_cents"], r["current"], r["rectifies"])
                  for r in db.query("select * from awards"))


def test_a_rectification_supersedes_in_whatever_order_the_notices_arrive(procedure_900001, tmp_path):
    results = [state(archive(tmp_path, order, f"order{i}"))
               for i, order in enumerate(itertools.permutations(procedure_900001))]
    assert all(r == results[0] for r in results)
    current = {a: (v, r) for a, v, c, r in results[0] if c == 1}
    assert current["TN900001/900103/LOT-0001"] == (125000000, 900102)
    superseded = {a for a, v, c, r in results[0] if c == 0}
    assert superseded == {"TN900001/900102/LOT-0001", "TN900001/900102/LOT-0002", "TN900001/900102/LOT-0004"}


def test_lots_keep_the_latest_notice_and_winners_become_providers(procedure_900001, tmp_path):
    db = archive(tmp_path, list(reversed(procedure_900001)), "reversed")
    lots = {r["lot_id"]: r for r in db.query("select * from lots")}
    assert {r["publication_id"] for r in lots.values()} == {900103}
    assert lots["3"]["awarded"] == 0 and lots["1"]["estimated_cents"] == 130000000
    providers = {r["organisation_id"]: r for r in db.query("select * from organisations where kind = 'provider'")}
    assert providers["kvk:01234567"]["name"] == "Stichting Jeugdhulp Noord"
    assert "name:zorggroep oost" in providers and providers["name:zorggroep oost"]["kvk"] is None


def test_writing_the_same_notices_again_changes_nothing(procedure_900001, tmp_path):
    db = archive(tmp_path, procedure_900001, "twice")
    before = {t: list(db.query(f"select * from [{t}]")) for t in ("awards", "award_suppliers", "lots", "versions")}
    # a later crawl writing the same notices (the crawl that archived them new gets writes.NEW_AGAIN: counted as new)
    db["crawls"].insert({"crawl_id": 2, "spider": "tenderned", "status": "running"}, pk="crawl_id")
    for publication in procedure_900001:
        assert write_notice(db, record(publication), 2) == "unchanged"
    assert refresh_award_currency(db, 2) == 0
    assert {t: list(db.query(f"select * from [{t}]")) for t in before} == before


def test_timeline_events_name_the_lot_winners_and_value(procedure_900001, tmp_path):
    db = archive(tmp_path, procedure_900001, "events")
    sentences = [r["sentence"] for r in db.query("select sentence from events where source_type = 'award'")]
    assert any("Perceel 1 (Jeugd-GGZ) gegund aan Stichting Jeugdhulp Noord (KvK 01234567) voor € 1.250.000,00" in s
               for s in sentences)
    assert not any("1.234.567,89" in s for s in sentences)     # the superseded value is not on the timeline


def test_an_award_notice_dated_to_the_month_puts_that_month_on_the_timeline(procedure_900001, tmp_path):
    """The latest award notice (SYNTHETIC 900103) printing its winners' dates to the month only ("augustus 2025",
    "09/2025") archived no date for them, and so no award event: the awards keep the month as the archive keeps one
    ("2025-08"), and the timeline has it as an event of precision ``month``, after that month's days."""
    publications = copy.deepcopy(procedure_900001)
    latest = next(p for p in publications if p["detail"]["publicatieId"] == 900103)
    latest["html"] = latest["html"].replace("15/08/2025", "augustus 2025").replace("01/09/2025", "09/2025")
    db = archive(tmp_path, publications, "month")
    current = list(db.query("select award_date, contract_date from awards where current = 1 and publication_id = 900103"))
    assert ("2025-08", "2025-09") in {(a["award_date"], a["contract_date"]) for a in current}
    events = list(db.query("select date, precision, date_order from events where source_type = 'award'"))
    assert ("2025-08", "month", "2025-08-99") in [(e["date"], e["precision"], e["date_order"]) for e in events]
    assert all(e["precision"] == ("month" if len(e["date"]) == 7 else "day") for e in events)


def test_a_lot_the_notice_does_not_award_is_on_the_timeline_with_its_reason_and_no_stage(procedure_900001, tmp_path):
    """Reference §4 ("Lot not awarded": "Er is geen winnaar gekozen en de mededinging is gesloten" with "De reden
    waarom geen winnaar is gekozen") and §8.5 (a lot's status: awarded / not awarded + reason): of a partly awarded
    notice the timeline named the lots it awarded only; Crisishulp's outcome and reason were in the lots table alone.
    It is an event of the notice's day without a stage: the procurement's other lots are awarded, it did not fail."""
    db = archive(tmp_path, procedure_900001, "closed_lot")
    assert [(r["date"], r["kind"], r["stage"], r["sentence"], r["source_url"]) for r in db.query(
        "select * from events where source_type = 'lot'")] == [
        ("2025-09-20", "not_awarded", None,
         "Perceel 3 (Crisishulp) niet gegund: Er zijn geen inschrijvingen, verzoeken tot deelname of projecten ontvangen",
         NOTICE_URL.format(id=900103))]
    refresh_award_currency(db, 1)
    assert db.execute("select count(*) from events where source_type = 'lot'").fetchone()[0] == 1

def test_an_ocds_award_under_another_procedure_yields_to_the_api_also_for_a_notice_without_form_type(tmp_path):
    """An API notice archived before ``form_type`` existed holds NULL there: ``n.form_type != 'ocds'`` is
    NULL for it, so the package's award of that publication, filed under the ocid's procurement, stayed
    current beside the API's and the value counted twice (awards.yaml: an OCDS award is 0 once the API's
    /html gives awards of its procedure)."""
    db = open_archive(tmp_path / "archive.db")
    db["notices"].insert_all([{"publication_id": 500, "procurement_id": "TN77", "form_type": None, "crawl_id": 1}])
    db["awards"].insert_all([
        {"award_id": "TN77/500/1", "procurement_id": "TN77", "lot_id": "1", "publication_id": 500,
         "source": "tenderned_html", "crawl_id": 1},
        {"award_id": "TN99/ocds/x/1", "procurement_id": "TN99", "lot_id": "1", "publication_id": 500,
         "source": "tenderned_ocds", "crawl_id": 1}])
    db.conn.commit()
    refresh_award_currency(db, 1, full=True)
    current = {r["award_id"]: r["current"] for r in db.query("select award_id, current from awards")}
    assert current == {"TN77/500/1": 1, "TN99/ocds/x/1": 0}


def test_a_package_after_the_api_contract_notice_fills_its_lot_and_leaves_the_api_values(procedure_900001, tmp_path):
    """Reference §8.8 (the API's values win; a procedure in both is counted once) with §6.3's lot "1": the
    API archived only the contract notice 900101 (lot LOT-0001 "Jeugd-GGZ", no award yet); a package then
    gives the lot as "1" with its award. The lot is one row, its title the API's, awarded as the package
    says (the package's row replaced the API's title, estimate and source with its own)."""
    from pipelines.awards import ocds_record
    from tenderarchive.awards.ocds import to_procedure
    from tenderarchive.items import OCDSProcedureItem
    from tenderarchive.store.writes import write_ocds_procedure
    from tests.fixtures.awards.make_fixtures import release, supplier

    db = archive(tmp_path, [p for p in procedure_900001 if p["detail"]["publicatieId"] == 900101], "contract")
    api = {r["lot_id"]: r for r in db.query("select * from lots where procurement_id = 'TN900001'")}
    dump = release("ocds-1l04xe-900001", "900102", "2025-09-01", "Specialistische jeugdhulp Regio Voorbeeld",
                   "85311300-5", lots=[("1", "Jeugd-GGZ (OCDS)")], parties=[supplier("01234567", "Stichting Jeugdhulp Noord")],
                   awards=[{"id": "a1", "suppliers": [{"id": "01234567", "name": "Stichting Jeugdhulp Noord"}],
                            "value": {"amount": 1250000, "currency": "EUR"}, "relatedLots": ["1"]}])
    item = OCDSProcedureItem(procedure=to_procedure([dump], source="Dataset_Tenderned-2025-01-01-2025-12-31.json"))
    with db.conn:
        write_ocds_procedure(db, ocds_record(item, NOTICE_URL), 2)
    lots = {r["lot_id"]: r for r in db.query("select * from lots where procurement_id = 'TN900001'")}
    assert set(lots) == set(api) and "1" in lots
    assert {k: lots["1"][k] for k in ("title", "estimated_cents", "source", "source_lot_id", "awarded")} == {
        "title": api["1"]["title"], "estimated_cents": api["1"]["estimated_cents"], "source": "tenderned_html",
        "source_lot_id": "LOT-0001", "awarded": 1}
    assert [(r["lot_id"], r["value_cents"]) for r in db.query("select * from awards")] == [("1", 125000000)]


def test_a_procedure_a_package_says_was_stopped_is_cancelled_on_its_latest_publication(tmp_path):
    """Reference §4 (whole procedure stopped: the API's ``isVroegtijdigBeeindigd``, ``notices.is_cancelled``)
    in OCDS terms (``tender.status`` cancelled): the procedure known only from a package read as running, its
    lot not known yet. Its latest publication is cancelled, its lot not awarded. SYNTHETIC releases."""
    from pipelines.awards import ocds_record
    from tenderarchive.awards.ocds import to_procedure
    from tenderarchive.items import OCDSProcedureItem
    from tenderarchive.store.writes import write_ocds_procedure
    from tests.fixtures.awards.make_fixtures import release

    tender = release("ocds-1l04xe-313700", "299700", "2021-03-01", "Jeugdhulp Leiden", "85311300-5",
                     lots=[("1", "Jeugdhulp")], awards=(), tag=("tender",))
    stop = release("ocds-1l04xe-313700", "299701", "2021-06-01", "Jeugdhulp Leiden", "85311300-5",
                   lots=[("1", "Jeugdhulp")], awards=(), tag=("tenderCancellation",))
    stop["tender"].update(status="cancelled", statusDetails="Besluit van de koper, wegens ontoereikende middelen")
    item = OCDSProcedureItem(procedure=to_procedure([tender, stop], source="Dataset_Tenderned-2021-01-01-2021-12-31.json"))
    db = open_archive(tmp_path / "archive.db")
    with db.conn:
        write_ocds_procedure(db, ocds_record(item, NOTICE_URL), 1)
    assert [(r["publication_id"], r["is_cancelled"]) for r in db.query(
        "select publication_id, is_cancelled from notices order by publication_id")] == [(299700, None), (299701, 1)]
    assert [(r["lot_id"], r["awarded"], r["not_awarded_reason"]) for r in db.query("select * from lots")] == [
        ("1", 0, "Besluit van de koper, wegens ontoereikende middelen")]


def test_a_rectification_of_a_notice_numbering_its_lots_from_lot_0000_corrects_the_same_lot(tmp_path):
    """Reference §2.6 (WAI's 470012-shaped notice numbers its lots LOT-0000 and LOT-0001) and §4 (rectified
    award): such a notice keeps its lot ids (names.lot_keys: not perceel numbers). A rectification naming only
    LOT-0001 keyed it "1": a lot of its own, and the award it corrects stayed current beside it (the value
    counted twice). It is that notice's LOT-0001. SYNTHETIC renderings."""
    from tests.fixtures.awards.make_fixtures import amount, h1, h2, h3, only, publication, row, table, winner

    def award(*lots):
        rows = [h1("1. Koper"), row("Officiële naam", "Gemeente Voorbeeldstad"), h1("5. Perceel")]
        rows += [r for lot, _, _ in lots for r in (h2("5.1", "Technische ID van het kavel", lot), row("Titel", lot))]
        rows.append(h1("6. Resultaten"))
        for lot, name, value in lots:
            rows += [h2("6.1", "ID resultaat perceel", lot), only("Er is ten minste één winnaar gekozen."),
                     h3("6.1.2 Informatie over winnaars"), *winner(name, lot, value)]
        return table(rows)
    youth = [("85311300-5", "Welzijnszorg voor kinderen en jongeren")]
    first = publication(900701, 900007, "AGO", "2026-05-14", "Jeugdhulp Regio Voorbeeld", "Jeugdhulp.", youth,
                        award(("LOT-0000", "Alpha B.V.", "800 000"), ("LOT-0001", "Beta B.V.", "500 000")))
    again = publication(900702, 900007, "REC", "2026-06-01", "Jeugdhulp Regio Voorbeeld", "Jeugdhulp.", youth,
                        award(("LOT-0001", "Beta B.V.", "550 000")))
    db = archive(tmp_path, [dict(p, html=html) for p, html in (first, again)], "zero")
    assert sorted(r["lot_id"] for r in db.query("select lot_id from lots")) == ["LOT-0000", "LOT-0001"]
    assert sorted((r["lot_id"], r["value_cents"], r["current"]) for r in db.query("select * from awards")) == [
        ("LOT-0000", 80000000, 1), ("LOT-0001", 50000000, 0), ("LOT-0001", 55000000, 1)]


def _zero_based_award(*lots):
    """A SYNTHETIC eForms award rendering of ``lots`` ((lot id, title, winner, value) each), lots numbered as printed."""
    from tests.fixtures.awards.make_fixtures import h1, h2, h3, only, row, table, winner

    rows = [h1("1. Koper"), row("Officiële naam", "Gemeente Voorbeeldstad"), h1("5. Perceel")]
    rows += [r for lot, title, _, _ in lots for r in (h2("5.1", "Technische ID van het kavel", lot), row("Titel", title))]
    rows.append(h1("6. Resultaten"))
    for lot, _, name, value in lots:
        rows += [h2("6.1", "ID resultaat perceel", lot), only("Er is ten minste één winnaar gekozen."),
                 h3("6.1.2 Informatie over winnaars"), *winner(name, lot, value)]
    return table(rows)


def test_the_lots_of_a_procedure_numbered_from_lot_0000_are_its_lots_in_whatever_order_their_notices_arrive(tmp_path):
    """Reference §2.6 (WAI's 470012-shaped notices number a procedure's lots LOT-0000 and LOT-0001), §4 (several
    award notices per procedure; a rectified award) and §8.5 (one row per lot): a notice giving LOT-0000 alone keys it
    "1" (a procedure not divided into lots), one giving LOT-0001 alone keys it "1" too. A procedure awarding its lots in
    two notices, or a rectification of LOT-0001 archived before the notice it corrects, had one lot "1" whose title and
    result were the last notice's: lot LOT-0000 ("Ambulant") was gone from `lots` and both awards were on one lot (an
    archive read in another order had other lots). Once the procedure's notices show LOT-0000 beside another lot, each
    lot is its printed id, the rows archived under "1" too, whatever the order. SYNTHETIC renderings."""
    from tests.fixtures.awards.make_fixtures import publication

    youth = [("85311300-5", "Welzijnszorg voor kinderen en jongeren")]

    def notice(pid, code, day, *lots):
        made = publication(pid, 900008, code, day, "Jeugdhulp Regio Voorbeeld", "Jeugdhulp.", youth,
                           _zero_based_award(*lots))
        return dict(made[0], html=made[1])
    ambulant = ("LOT-0000", "Ambulant", "Alpha B.V.", "800 000")
    verblijf = ("LOT-0001", "Verblijf", "Beta B.V.", "500 000")
    both = notice(900801, "AGO", "2026-05-14", ambulant, verblijf)
    first = notice(900802, "AGO", "2026-05-20", ambulant)
    second = notice(900803, "AGO", "2026-06-01", verblijf)
    correction = notice(900804, "REC", "2026-06-15", ("LOT-0001", "Verblijf", "Beta B.V.", "550 000"))

    def archived(order, name):
        db = archive(tmp_path, order, name)
        return (sorted((r["lot_id"], r["source_lot_id"], r["title"]) for r in db.query("select * from lots")),
                sorted((r["award_id"], r["lot_id"], r["current"]) for r in db.query("select * from awards")),
                sorted((r["award_id"], r["lot_id"], r["name"]) for r in db.query("select * from award_suppliers")))
    lots = [("LOT-0000", "LOT-0000", "Ambulant"), ("LOT-0001", "LOT-0001", "Verblijf")]
    for i, order in enumerate(itertools.permutations([first, second])):
        assert archived(list(order), f"separate{i}") == (lots, [
            ("TN900008/900802/LOT-0000", "LOT-0000", 1), ("TN900008/900803/LOT-0001", "LOT-0001", 1)], [
            ("TN900008/900802/LOT-0000", "LOT-0000", "Alpha B.V."), ("TN900008/900803/LOT-0001", "LOT-0001", "Beta B.V.")])
    states = [archived(list(order), f"corrected{i}") for i, order in enumerate(itertools.permutations([both, correction]))]
    assert states[0] == states[1]
    assert states[0][0] == lots
    assert states[0][1] == [("TN900008/900801/LOT-0000", "LOT-0000", 1), ("TN900008/900801/LOT-0001", "LOT-0001", 0),
                            ("TN900008/900804/LOT-0001", "LOT-0001", 1)]
    # a later notice giving a third lot alone (LOT-0002, "2" on its own) is that procedure's LOT-0002 as well
    third = notice(900805, "AGO", "2026-07-01", ("LOT-0002", "Crisis", "Gamma B.V.", "300 000"))
    assert archived([first, second, third], "third")[0] == [*lots, ("LOT-0002", "LOT-0002", "Crisis")]


def test_a_pdf_not_read_within_its_time_in_all_leaves_the_notices_award_data_to_be_asked_again():
    """A PDF over AWARDS_PDF_TIMEOUT (time in all, which a machine under load can reach where CPU time is not)
    is no verdict on the PDF: the /html's row (naming no winner) is not written, so the notice stays a result
    notice whose /html is unread and the next run asks it and its PDF again; a PDF over its CPU time is settled:
    the /html's row names the refusal."""
    from tests.awards.test_pdf import scattered_glyphs_pdf

    publication = next(p for p in load_publications(FIXTURES) if str(p["list"]["publicatieId"]) == "900102")
    pid = publication["detail"]["publicatieId"]
    bare = '<table><tbody><tr class="header1"><th colspan="2">1. Koper</th></tr></tbody></table>'

    def read(**limits):
        item = NoticeItem(publication_id=str(pid), detail=publication["detail"], list_record=publication["list"],
                          documents=publication["documenten"], source_url=f"{SITE}/x/{pid}",
                          fetched_at="2026-01-01T00:00:00+00:00", sha256="0" * 64,
                          html_body=json.dumps({"html": bare}).encode(), html_url=f"{SITE}/x/{pid}/html",
                          pdf_body=scattered_glyphs_pdf(4000), pdf_url=f"{SITE}/x/{pid}/pdf")
        item.record = normalise_notice(item, NOTICE_URL, SITE)
        return AwardsPipeline(Settings(TENDERNED_NOTICE_URL=NOTICE_URL, **limits)).process_item(item).record

    assert "results" not in read(AWARDS_PDF_TIMEOUT=1, AWARDS_PDF_CPU_SECONDS=60)
    settled = read(AWARDS_PDF_CPU_SECONDS=1)["results"]["notice_result"]
    assert "PDF refused: over the 1 s of CPU time" in settled["problems"]


def test_a_package_lot_numbered_otherwise_than_the_notices_lot_is_that_lot_by_its_title(procedure_900001, tmp_path):
    """The same procedure in the API's notices and a package with different lot numbering (reference §6.3: the
    package's lots are "1", "2"; §2.6: a notice may number its lots from LOT-0000, whose ids then stay as printed,
    names.lot_keys): the contract notice's LOT-0000 "Jeugd-GGZ" and LOT-0001 "Verblijf" and the package's "1"
    "Jeugd-GGZ" and "2" "Verblijf" were four lots, the package's award on a lot of its own, the API's lot never
    awarded. A package lot whose title is that of exactly one API lot is that lot. SYNTHETIC: the fixture's
    contract notice renumbered from LOT-0000."""
    from pipelines.awards import ocds_record
    from tenderarchive.awards.ocds import to_procedure
    from tenderarchive.items import OCDSProcedureItem
    from tenderarchive.store.writes import write_ocds_procedure
    from tests.fixtures.awards.make_fixtures import release, supplier

    (contract,) = [p for p in procedure_900001 if p["detail"]["publicatieId"] == 900101]
    contract = dict(contract, html=contract["html"].replace("LOT-0001", "LOT-0000").replace("LOT-0002", "LOT-0001"))
    db = archive(tmp_path, [contract], "zero_based")
    assert {r["lot_id"]: r["title"] for r in db.query("select * from lots")} == {
        "LOT-0000": "Jeugd-GGZ", "LOT-0001": "Verblijf"}
    dump = release("ocds-1l04xe-900001", "900102", "2025-09-01", "Specialistische jeugdhulp Regio Voorbeeld",
                   "85311300-5", lots=[("1", "Jeugd-GGZ"), ("2", "Verblijf ")],
                   parties=[supplier("01234567", "Stichting Jeugdhulp Noord")],
                   awards=[{"id": "a2", "suppliers": [{"id": "01234567", "name": "Stichting Jeugdhulp Noord"}],
                            "value": {"amount": 800000, "currency": "EUR"}, "relatedLots": ["2"]}])
    item = OCDSProcedureItem(procedure=to_procedure([dump], source="Dataset_Tenderned-2025-01-01-2025-12-31.json"))
    with db.conn:
        write_ocds_procedure(db, ocds_record(item, NOTICE_URL), 2)
    lots = {r["lot_id"]: r for r in db.query("select * from lots where procurement_id = 'TN900001'")}
    assert set(lots) == {"LOT-0000", "LOT-0001"}
    assert (lots["LOT-0001"]["awarded"], lots["LOT-0001"]["title"], lots["LOT-0001"]["estimated_cents"]) == \
        (1, "Verblijf", 90000000)
    assert [(r["lot_id"], r["source_lot_id"], r["value_cents"]) for r in db.query("select * from awards")] == [
        ("LOT-0001", "2", 80000000)]


def test_package_lots_whose_titles_do_not_single_out_one_api_lot_stay_their_own(procedure_900001, tmp_path):
    """Titles decide only where they single out a lot: two API lots of one title, or a title no API lot has, move
    nothing (no guess at the numbering)."""
    from pipelines.awards import ocds_record
    from tenderarchive.awards.ocds import to_procedure
    from tenderarchive.items import OCDSProcedureItem
    from tenderarchive.store.writes import write_ocds_procedure
    from tests.fixtures.awards.make_fixtures import release

    (contract,) = [p for p in procedure_900001 if p["detail"]["publicatieId"] == 900101]
    contract = dict(contract, html=contract["html"].replace("LOT-0001", "LOT-0000").replace("LOT-0002", "LOT-0001")
                    .replace("Verblijf", "Jeugd-GGZ"))
    db = archive(tmp_path, [contract], "same_titles")
    dump = release("ocds-1l04xe-900001", "900102", "2025-09-01", "Specialistische jeugdhulp Regio Voorbeeld",
                   "85311300-5", lots=[("1", "Jeugd-GGZ"), ("2", "Ambulant")], awards=(), tag=("tender",))
    item = OCDSProcedureItem(procedure=to_procedure([dump], source="Dataset_Tenderned-2025-01-01-2025-12-31.json"))
    with db.conn:
        write_ocds_procedure(db, ocds_record(item, NOTICE_URL), 2)
    assert {r["lot_id"] for r in db.query("select * from lots")} == {"LOT-0000", "LOT-0001", "1", "2"}


def test_a_package_read_before_the_notices_gives_its_lot_to_the_notices_lot_of_that_title(procedure_900001, tmp_path):
    """The other order of the test above (a backfill before the API crawl, or a contract notice fetched later through
    /gerelateerd): the package's "2" "Verblijf" was archived first, the contract notice's LOT-0001 "Verblijf" then
    became a second row. The package's lot, award and history move to the notice's id; the lot is one row with the
    package's award and the notice's estimate."""
    from pipelines.awards import ocds_record
    from tenderarchive.awards.ocds import to_procedure
    from tenderarchive.items import OCDSProcedureItem
    from tenderarchive.store.writes import write_ocds_procedure
    from tests.fixtures.awards.make_fixtures import release, supplier

    db = archive(tmp_path, [], "package_first")
    dump = release("ocds-1l04xe-900001", "900102", "2025-09-01", "Specialistische jeugdhulp Regio Voorbeeld",
                   "85311300-5", lots=[("1", "Jeugd-GGZ"), ("2", "Verblijf")],
                   parties=[supplier("01234567", "Stichting Jeugdhulp Noord")],
                   awards=[{"id": "a2", "suppliers": [{"id": "01234567", "name": "Stichting Jeugdhulp Noord"}],
                            "value": {"amount": 800000, "currency": "EUR"}, "relatedLots": ["2"]}])
    item = OCDSProcedureItem(procedure=to_procedure([dump], source="Dataset_Tenderned-2025-01-01-2025-12-31.json"))
    with db.conn:
        write_ocds_procedure(db, ocds_record(item, NOTICE_URL), 1)
    (contract,) = [p for p in procedure_900001 if p["detail"]["publicatieId"] == 900101]
    contract = dict(contract, html=contract["html"].replace("LOT-0001", "LOT-0000").replace("LOT-0002", "LOT-0001"))
    with db.conn:
        write_notice(db, record(contract), 1)
    refresh_award_currency(db, 1)
    lots = {r["lot_id"]: r for r in db.query("select * from lots where procurement_id = 'TN900001'")}
    assert set(lots) == {"LOT-0000", "LOT-0001"}
    assert (lots["LOT-0001"]["awarded"], lots["LOT-0001"]["title"], lots["LOT-0001"]["estimated_cents"],
            lots["LOT-0001"]["source_lot_id"]) == (1, "Verblijf", 90000000, "2")
    assert [(r["lot_id"], r["source_lot_id"], r["value_cents"], r["current"]) for r in db.query("select * from awards")] \
        == [("LOT-0001", "2", 80000000, 1)]
    assert {r["lot_id"] for r in db.query("select lot_id from award_suppliers")} == {"LOT-0001"}


@pytest.mark.parametrize("notice_titles, package_titles", [
    (("Perceel 1 – Jeugd-GGZ", "Perceel 2 – Verblijf"), ("Jeugd-GGZ", "Verblijf")),
    (("Jeugd-GGZ", "Verblijf"), ("Perceel A: Jeugd-GGZ", "Perceel B: Verblijf")),
])
@pytest.mark.parametrize("package_first", [False, True])
def test_a_lot_titled_with_its_perceel_number_in_one_source_only_is_the_same_lot(
        procedure_900001, tmp_path, notice_titles, package_titles, package_first):
    """Lots joined by title (the two tests above) where one source writes the lot's number or letter before its
    title and the other does not (reference §2.3: section 5's "Titel"; §6.3: the package's `tender.lots[].title`):
    the contract notice's LOT-0000 "Perceel 1 – Jeugd-GGZ" and LOT-0001 "Perceel 2 – Verblijf" and the package's
    "1" "Jeugd-GGZ" and "2" "Verblijf" (or the other way round, "Perceel A: …") were four lots, the package's
    award on a lot of its own and the notice's lot never awarded. A lot label before a title is no part of it when
    titles are matched. SYNTHETIC: the fixture's contract notice renumbered from LOT-0000 and retitled."""
    from pipelines.awards import ocds_record
    from tenderarchive.awards.ocds import to_procedure
    from tenderarchive.items import OCDSProcedureItem
    from tenderarchive.store.writes import write_ocds_procedure
    from tests.fixtures.awards.make_fixtures import release, supplier

    (contract,) = [p for p in procedure_900001 if p["detail"]["publicatieId"] == 900101]
    html = contract["html"].replace("LOT-0001", "LOT-0000").replace("LOT-0002", "LOT-0001")
    html = html.replace(">Jeugd-GGZ<", f">{notice_titles[0]}<").replace(">Verblijf<", f">{notice_titles[1]}<")
    contract = dict(contract, html=html)
    dump = release("ocds-1l04xe-900001", "900102", "2025-09-01", "Specialistische jeugdhulp Regio Voorbeeld",
                   "85311300-5", lots=[("1", package_titles[0]), ("2", package_titles[1])],
                   parties=[supplier("01234567", "Stichting Jeugdhulp Noord")],
                   awards=[{"id": "a2", "suppliers": [{"id": "01234567", "name": "Stichting Jeugdhulp Noord"}],
                            "value": {"amount": 800000, "currency": "EUR"}, "relatedLots": ["2"]}])
    item = OCDSProcedureItem(procedure=to_procedure([dump], source="Dataset_Tenderned-2025-01-01-2025-12-31.json"))
    db = archive(tmp_path, [] if package_first else [contract], "titled")
    with db.conn:
        write_ocds_procedure(db, ocds_record(item, NOTICE_URL), 2)
    if package_first:
        with db.conn:
            write_notice(db, record(contract), 1)
        refresh_award_currency(db, 1)
    lots = {r["lot_id"]: r for r in db.query("select * from lots where procurement_id = 'TN900001'")}
    assert set(lots) == {"LOT-0000", "LOT-0001"}
    assert (lots["LOT-0001"]["awarded"], lots["LOT-0001"]["estimated_cents"]) == (1, 90000000)
    assert [(r["lot_id"], r["source_lot_id"], r["value_cents"]) for r in db.query("select * from awards")] == [
        ("LOT-0001", "2", 80000000)]


def test_an_award_corrected_twice_the_last_correction_withdrawing_a_lot_leaves_it_without_a_winner(procedure_900001,
                                                                                                      tmp_path):
    """Reference §4 (rectified award: "the current winners and values are those of the latest version") and §4's
    lot not awarded: the award notice 900102, its correction 900103 (a new value for LOT-0001) and a second
    correction 900104 (SYNTHETIC, a copy of 900103) whose LOT-0001 result says no winner was chosen, its section 8
    left naming the earlier winner. That winner stayed LOT-0001's current winner, read from section 8, beside the lot
    not awarded. In every order: LOT-0001 is not awarded, with no current award, the earlier two superseded."""
    publications = copy.deepcopy(procedure_900001)
    third = copy.deepcopy(next(p for p in publications if p["detail"]["publicatieId"] == 900103))
    for part in ("detail", "list"):
        third[part].update(publicatieId=900104, publicatieDatum="2025-10-15T10:00:00")
    head = '<tr class="header2"><th colspan="2">6.1 <span class="label">ID resultaat perceel</span>' \
           '<span class="text">: </span><span class="value">{}</span></th></tr>'
    start, end = third["html"].index(head.format("LOT-0001")), third["html"].index(head.format("LOT-0002"))
    third["html"] = (third["html"][:start] + head.format("LOT-0001")
                     + only("Er is geen winnaar gekozen en de mededinging is gesloten.")
                     + row("De reden waarom geen winnaar is gekozen", "Besluit van de koper, wegens gewijzigde behoeften")
                     + third["html"][end:])
    for publication in publications:
        if publication["detail"]["publicatieId"] in (900102, 900103):
            publication["detail"]["publicatieIDLaatsteRectificatie"] = 900104
    every = [*publications, third]
    results = []
    for i, order in enumerate(itertools.permutations(every)):
        db = archive(tmp_path, list(order), f"twice{i}")
        lots = {r["lot_id"]: (r["awarded"], r["publication_id"], r["not_awarded_reason"]) for r in db.query("select * from lots")}
        current = {r["award_id"]: r["winners"] for r in db.query(
            "select a.award_id, group_concat(s.organisation_id) as winners from awards a left join award_suppliers s "
            "using (award_id) where a.current = 1 group by a.award_id")}
        results.append((state(db), lots, current))
    assert all(r == results[0] for r in results)
    awards, lots, current = results[0]
    assert lots["1"] == (0, 900104, "Besluit van de koper, wegens gewijzigde behoeften")
    assert not [a for a in current if a.endswith("LOT-0001")]
    assert {a: c for a, v, c, r in awards if a.endswith("LOT-0001")} == {"TN900001/900102/LOT-0001": 0,
                                                                         "TN900001/900103/LOT-0001": 0}
    assert set(current) == {"TN900001/900104/LOT-0002", "TN900001/900104/LOT-0004"}


def write_ocds(db, *procedures) -> None:
    """Crawl 1 writes the OCDS ``procedures`` into ``db`` in that order, each in a transaction of its own, and derives
    the award currency after them."""
    from pipelines.awards import ocds_record
    from tenderarchive.items import OCDSProcedureItem
    from tenderarchive.store.writes import write_ocds_procedure

    for procedure in procedures:
        with db.conn:
            write_ocds_procedure(db, ocds_record(OCDSProcedureItem(procedure=procedure), NOTICE_URL), 1)
    refresh_award_currency(db, 1, full=True)


def ocds_archive(path, *procedures):
    """A new archive at ``path`` into which crawl 1 (``tenderned_ocds``) wrote the OCDS ``procedures`` (``write_ocds``)."""
    db = open_archive(path)
    db["crawls"].insert({"crawl_id": 1, "spider": "tenderned_ocds", "status": "running"}, pk="crawl_id")
    write_ocds(db, *procedures)
    return db


def yearly_files(in_2021: list, in_2022: list) -> dict:
    """The OCDS procedures of one ocid read from two yearly files: the releases ``in_2021`` from the 2021 file,
    ``in_2022`` from the 2022 file ({"2021": …, "2022": …}, as ``written_in_either_order`` takes them)."""
    from tenderarchive.awards.ocds import to_procedure

    return {"2021": to_procedure(in_2021, source="Dataset_Tenderned-2021-01-01-2021-12-31.json"),
            "2022": to_procedure(in_2022, source="Dataset_Tenderned-2022-01-01-2022-12-31.json")}


def written_in_either_order(tmp_path, files):
    """An archive per order of the two yearly OCDS procedures ``files`` ({"2021": …, "2022": …}), each written by
    crawl 1 and its award currency derived: the same ocid read from its files in either order."""
    for order in (["2021", "2022"], ["2022", "2021"]):
        yield ocds_archive(tmp_path / f"{'-'.join(order)}.db", *(files[name] for name in order))


def assert_reading_again_changes_nothing(db, files, rows) -> None:
    """Reading both yearly ``files`` again (2022's first) changes none of ``rows(db)`` and adds no award history."""
    history = "select count(*) from versions where table_name = 'awards'"
    state, versions = rows(db), db.execute(history).fetchone()[0]
    write_ocds(db, files["2022"], files["2021"])
    assert (rows(db), db.execute(history).fetchone()[0]) == (state, versions)


def current_winner_values(db) -> list:
    """The current awards' winners with the value each is counted at (its own, else its award's)."""
    return sorted((r["publication_id"], r["name"], r["value"]) for r in db.query(
        "select a.publication_id, s.name, coalesce(s.tender_value_cents, a.value_cents) as value "
        "from award_suppliers s join awards a using (award_id) where a.current = 1"))


def assert_two_files_read_as_one(tmp_path, earlier, later, winners, rows, expected) -> None:
    """The ``earlier`` release (2021 file) and ``later`` one (2022 file) of one ocid: one file holding both gives
    ``winners(db) == expected``; two yearly files read in either order give the same ``winners`` and ``rows`` as that
    one file, and reading both again changes nothing (``assert_reading_again_changes_nothing``)."""
    from tenderarchive.awards.ocds import to_procedure

    one = ocds_archive(tmp_path / "one.db", to_procedure([earlier, later], source="one.json"))
    assert winners(one) == expected, winners(one)
    files = yearly_files([earlier], [later])
    for db in written_in_either_order(tmp_path, files):
        assert winners(db) == expected, (winners(db), rows(db))
        assert rows(db) == rows(one), (rows(db), rows(one))
        assert_reading_again_changes_nothing(db, files, rows)


def two_winners_and_an_update(number: str):
    """The two releases of ocid ``ocds-1l04xe-3139{number}``: publication ``2998{number}`` (2021) awards lot 1 to
    Stichting Een (a1, € 1.000.000) and Stichting Twee (a2, no value); publication ``2999{number}`` (2022, tag
    awardUpdate) values a2 at € 500.000 alone. SYNTHETIC releases."""
    from tests.fixtures.awards.make_fixtures import release, supplier

    awarded = release(f"ocds-1l04xe-3139{number}", f"2998{number}", "2021-11-01", "Jeugdhulp Leiden", "85311300-5",
                      lots=[("1", "Ambulant")],
                      parties=[supplier("11111111", "Stichting Een"), supplier("22222222", "Stichting Twee")],
                      awards=[{"id": "a1", "status": "active", "suppliers": [{"id": "11111111", "name": "Stichting Een"}],
                               "value": {"amount": 1000000, "currency": "EUR"}, "relatedLots": ["1"]},
                              {"id": "a2", "status": "active", "suppliers": [{"id": "22222222", "name": "Stichting Twee"}],
                               "relatedLots": ["1"]}])
    update = {"ocid": f"ocds-1l04xe-3139{number}", "id": f"2999{number}", "date": "2022-02-01T00:00:00Z",
              "tag": ["awardUpdate"],
              "awards": [{"id": "a2", "value": {"amount": 500000, "currency": "EUR"}, "relatedLots": ["1"]}]}
    return awarded, update


def test_one_ocid_in_two_yearly_files_gives_the_same_lots_and_awards_in_either_order(tmp_path):
    """Reference §6.1 (one file per year or half year) and §6.3 (a procedure is several releases with one ocid,
    "merge them"): a procedure's 2021 publication (its lots, an award of lot 1) is in one file, its 2022 publication
    (new lot titles, lot 1's award given again to another winner, an award of lot 2) in the next. Read newer file
    first, the older file's lots replaced the newer ones (titles of 2021, the 2021 publication) while the awards
    stayed the 2022 ones; read in one file or the other order, the lots were 2022's. SYNTHETIC releases."""
    from tests.fixtures.awards.make_fixtures import release, supplier

    def award(aid, sid, name, amount, lot):
        return {"id": aid, "suppliers": [{"id": sid, "name": name}], "value": {"amount": amount, "currency": "EUR"},
                "relatedLots": [lot]}
    older = release("ocds-1l04xe-313900", "299800", "2021-11-01", "Jeugdhulp Leiden", "85311300-5",
                    lots=[("1", "Ambulant"), ("2", "Verblijf")], parties=[supplier("11111111", "Stichting Een")],
                    awards=[award("a1", "11111111", "Stichting Een", 1000000, "1")])
    newer = release("ocds-1l04xe-313900", "299900", "2022-02-01", "Jeugdhulp Leiden", "85311300-5",
                    lots=[("1", "Ambulant 2022"), ("2", "Verblijf 2022")],
                    parties=[supplier("22222222", "Stichting Twee"), supplier("33333333", "Stichting Drie")],
                    awards=[award("a1", "22222222", "Stichting Twee", 1100000, "1"),
                            award("a2", "33333333", "Stichting Drie", 500000, "2")])
    files = yearly_files([older], [newer])
    seen = []
    for db in written_in_either_order(tmp_path, files):
        seen.append((sorted((r["lot_id"], r["title"], r["awarded"], r["publication_id"]) for r in db.query("select * from lots")),
                     sorted((r["lot_id"], r["value_cents"], r["current"], r["winners"]) for r in db.query(
                         "select a.lot_id, a.value_cents, a.current, group_concat(s.name) as winners from awards a "
                         "join award_suppliers s using (award_id) group by a.award_id"))))
    assert seen[0] == seen[1]
    assert seen[0] == ([("1", "Ambulant 2022", 1, 299900), ("2", "Verblijf 2022", 1, 299900)],
                       [("1", 110000000, 1, "Stichting Twee"), ("2", 50000000, 1, "Stichting Drie")])


def test_an_award_made_active_in_a_later_file_without_its_supplier_keeps_its_lot_awarded_and_its_value(tmp_path):
    """OCDS awardStatus (``pending`` proposed, ``active`` in force), reference §6.1/§6.3 (one ocid in several yearly
    files, "merge them") and §8.5 (a lot awarded / not awarded / not known yet): a 2021 file gives an award pending
    with its supplier, the 2022 file the same award ``active`` with its value and no supplier. The active award,
    naming no supplier, was dropped: in either order the lot stayed "not known yet" and no award or value was
    archived. It is now an award of its lot, in force, with its value, and its winner the party the pending award of
    the other file named (``ocds_parties``; round 33: read in either order, not only within one crawl). SYNTHETIC
    releases."""
    from tests.fixtures.awards.make_fixtures import release, supplier

    proposed = release("ocds-1l04xe-313910", "299810", "2021-11-01", "Jeugdhulp Leiden", "85311300-5",
                       lots=[("1", "Ambulant")], parties=[supplier("11111111", "Stichting Een")],
                       awards=[{"id": "a1", "status": "pending", "suppliers": [{"id": "11111111", "name": "Stichting Een"}],
                                "value": {"amount": 1000000, "currency": "EUR"}, "relatedLots": ["1"]}])
    in_force = {"ocid": "ocds-1l04xe-313910", "id": "299910", "date": "2022-02-01T00:00:00Z", "tag": ["awardUpdate"],
                "awards": [{"id": "a1", "status": "active", "value": {"amount": 1000000, "currency": "EUR"},
                            "relatedLots": ["1"]}]}
    files = yearly_files([proposed], [in_force])
    seen = []
    for db in written_in_either_order(tmp_path, files):
        seen.append(([(r["lot_id"], r["awarded"]) for r in db.query("select * from lots order by lot_id")],
                     [(r["lot_id"], r["value_cents"], r["current"], r["winner_count"]) for r in db.query(
                         "select * from awards order by award_id")],
                     [(r["name"], r["kvk"]) for r in db.query("select * from award_suppliers")]))
    assert seen[0] == seen[1] == ([("1", 1)], [("1", 100000000, 1, 1)], [("Stichting Een", "11111111")]), seen


def test_an_award_update_in_a_later_file_giving_the_new_value_alone_keeps_the_winner_the_earlier_file_named(tmp_path):
    """OCDS merging (a release gives the fields that changed; what it leaves out is as the earlier releases gave it)
    and reference §6.1/§6.3 (one ocid in several yearly files, "merge them"), §4 "Rectified award" (the latest
    version's value is the current one): the 2021 file awards lot 1 to Stichting Een (KvK 11111111) for € 10.000, the
    2022 file's rectification (tag ``awardUpdate``) gives the same award ``active`` with its corrected value alone,
    naming no supplier. The later file's award replaced the earlier one's row, and with it its winner: the award was
    current with the corrected value and no winner, Stichting Een no longer a provider of it. Read in either order
    the award is the correction's, with the value it corrects to and the winner the earlier file named. SYNTHETIC
    releases."""
    from tests.fixtures.awards.make_fixtures import release, supplier

    awarded = release("ocds-1l04xe-313920", "299820", "2021-11-01", "Jeugdhulp Leiden", "85311300-5",
                      lots=[("1", "Ambulant")], parties=[supplier("11111111", "Stichting Een")],
                      awards=[{"id": "a1", "status": "active", "suppliers": [{"id": "11111111", "name": "Stichting Een"}],
                               "value": {"amount": 1000000, "currency": "EUR"}, "relatedLots": ["1"]}])
    corrected = {"ocid": "ocds-1l04xe-313920", "id": "299920", "date": "2022-02-01T00:00:00Z", "tag": ["awardUpdate"],
                 "awards": [{"id": "a1", "status": "active", "value": {"amount": 1250000, "currency": "EUR"},
                             "relatedLots": ["1"]}]}
    files = yearly_files([awarded], [corrected])
    seen = []
    for db in written_in_either_order(tmp_path, files):
        seen.append(([(r["lot_id"], r["publication_id"], r["value_cents"], r["current"]) for r in db.query(
                         "select * from awards where current = 1 order by award_id")],
                     [(r["name"], r["kvk"]) for r in db.query(
                         "select s.* from award_suppliers s join awards a using (award_id) where a.current = 1")],
                     [r["name"] for r in db.query("select name from organisations where kind = 'provider'")]))
    assert seen[0] == seen[1] == ([("1", 299920, 125000000, 1)], [("Stichting Een", "11111111")],
                                  ["Stichting Een"]), seen


def test_an_award_update_in_a_later_file_giving_no_status_corrects_the_value_and_keeps_the_winner(tmp_path):
    """OCDS merging (a release gives the fields that changed; a field it leaves out, the award's ``status`` too, is as
    the earlier releases gave it) and reference §6.1/§6.3 (one ocid in several yearly files, "merge them"), §4
    "Rectified award": the 2022 file's rectification (tag ``awardUpdate``) gives the 2021 file's award its corrected
    value and date alone, no status and no supplier. Read from its own file it was dropped as an award naming no
    winner: the rectification was archived ("Rectificatie gunning") but the award kept the value it corrects, in
    the provider's and the region's sums too. As an update with ``status`` active it is the correction's, with the
    value it corrects to and the winner the earlier file named, in either order. SYNTHETIC releases."""
    from tests.fixtures.awards.make_fixtures import release, supplier

    awarded = release("ocds-1l04xe-313921", "299821", "2021-11-01", "Jeugdhulp Leiden", "85311300-5",
                      lots=[("1", "Ambulant")], parties=[supplier("11111111", "Stichting Een")],
                      awards=[{"id": "a1", "status": "active", "suppliers": [{"id": "11111111", "name": "Stichting Een"}],
                               "value": {"amount": 1200000, "currency": "EUR"}, "relatedLots": ["1"]}])
    corrected = {"ocid": "ocds-1l04xe-313921", "id": "299921", "date": "2022-02-01T00:00:00Z", "tag": ["awardUpdate"],
                 "awards": [{"id": "a1", "value": {"amount": 900000, "currency": "EUR"}, "relatedLots": ["1"],
                             "date": "2022-01-20T00:00:00Z"}]}
    files = yearly_files([awarded], [corrected])
    seen = []
    for db in written_in_either_order(tmp_path, files):
        seen.append(([(r["lot_id"], r["publication_id"], r["value_cents"], r["award_date"]) for r in db.query(
                         "select * from awards where current = 1 order by award_id")],
                     [(r["name"], r["kvk"]) for r in db.query(
                         "select s.* from award_suppliers s join awards a using (award_id) where a.current = 1")]))
    assert seen[0] == seen[1] == ([("1", 299921, 90000000, "2022-01-20")], [("Stichting Een", "11111111")]), seen


def test_an_award_naming_its_winner_by_id_alone_is_named_by_the_party_another_file_gives_in_either_order(tmp_path):
    """Reference §6.3 (the supplier id is the KvK number; ``parties[]`` holds the winner's name and place; one ocid in
    several yearly files, "merge them"): the 2021 file gives the award pending with its supplier's party, the 2022
    file the award in force naming the supplier by its id alone. Read 2022 first, the winner was a KvK number without
    a name or place, and reading 2021 after it left it so. In either order the winner is the 2021 file's party, with
    that party as evidence. SYNTHETIC releases."""
    from tests.fixtures.awards.make_fixtures import release, supplier

    proposed = release("ocds-1l04xe-313930", "299830", "2021-11-01", "Jeugdhulp Leiden", "85311300-5",
                       lots=[("1", "Ambulant")], parties=[supplier("11111111", "Stichting Een")],
                       awards=[{"id": "a1", "status": "pending", "suppliers": [{"id": "11111111", "name": "Stichting Een"}],
                                "relatedLots": ["1"]}])
    in_force = {"ocid": "ocds-1l04xe-313930", "id": "299930", "date": "2022-02-01T00:00:00Z", "tag": ["awardUpdate"],
                "awards": [{"id": "a1", "status": "active", "value": {"amount": 1000000, "currency": "EUR"},
                            "suppliers": [{"id": "11111111"}], "relatedLots": ["1"]}]}
    files = yearly_files([proposed], [in_force])
    seen = [[(r["name"], r["kvk"], r["place"], r["organisation_id"], r["provider"], r["party_source"]) for r in db.query(
        "select s.*, o.name as provider from award_suppliers s join organisations o using (organisation_id)")]
        for db in written_in_either_order(tmp_path, files)]
    assert seen[0] == seen[1] == [("Stichting Een", "11111111", "Leiden", "kvk:11111111", "Stichting Een",
                                   "party 11111111 of Dataset_Tenderned-2021-01-01-2021-12-31.json, release 299830")], seen


def test_a_winner_named_by_id_alone_gets_the_postcode_of_the_party_another_file_gives_in_either_order(tmp_path):
    """Reference §6.3 (a supplier party's ``address`` with ``locality`` and ``postalCode``; one ocid in several yearly
    files): a winner the 2022 file names by its id alone takes its name, KvK number and place from the 2021 file's
    party (``ocds_parties``); its postcode, kept for a winner named with its party (``award_suppliers.postcode``),
    was not kept with the party, so the same winner had one read from one file and none read through the other.
    SYNTHETIC releases."""
    from tests.fixtures.awards.make_fixtures import release, supplier

    party = supplier("11111111", "Stichting Een")
    party["address"]["postalCode"] = "2311 AA"
    proposed = release("ocds-1l04xe-313931", "299831", "2021-11-01", "Jeugdhulp Leiden", "85311300-5",
                       lots=[("1", "Ambulant")], parties=[party],
                       awards=[{"id": "a1", "status": "pending", "suppliers": [{"id": "11111111", "name": "Stichting Een"}],
                                "relatedLots": ["1"]}])
    in_force = {"ocid": "ocds-1l04xe-313931", "id": "299931", "date": "2022-02-01T00:00:00Z", "tag": ["awardUpdate"],
                "awards": [{"id": "a1", "status": "active", "value": {"amount": 1000000, "currency": "EUR"},
                            "suppliers": [{"id": "11111111"}], "relatedLots": ["1"]}]}
    files = yearly_files([proposed], [in_force])
    seen = [[(r["name"], r["place"], r["postcode"]) for r in db.query("select * from award_suppliers")]
            for db in written_in_either_order(tmp_path, files)]
    assert seen[0] == seen[1] == [("Stichting Een", "Leiden", "2311 AA")], seen


def test_a_co_winner_named_by_an_id_that_is_no_kvk_number_is_named_by_the_earlier_file_in_either_order(tmp_path):
    """Reference §4 (several winners per lot; foreign winners have other ids than a KvK number) and §6.3 (one ocid in
    several yearly files, "merge them"; ``parties[]`` holds a supplier's name and address): the 2021 file gives lot 1's
    award with its two winners and their parties, a Dutch foundation (KvK 11111111) and a Belgian vzw (BE0123456789);
    the 2022 file the award in force naming both by id alone. Read 2022 first, the Dutch winner was kept by its KvK
    number and later named, but the Belgian co-winner had neither a name nor a KvK number to be archived by, and
    reading 2021 after it did not bring it back: the award counted two winners and listed one. In either order both
    are the award's winners, by the 2021 file's parties. SYNTHETIC releases."""
    from tests.fixtures.awards.make_fixtures import release, supplier

    parties = [supplier("11111111", "Stichting Een"),
               dict(supplier("BE0123456789", "Jeugdzorg Vlaanderen vzw", "Gent"),
                    address={"locality": "Gent", "countryName": "België"})]
    proposed = release("ocds-1l04xe-313932", "299850", "2021-11-01", "Jeugdhulp Leiden", "85311300-5",
                       lots=[("1", "Ambulant")], parties=parties,
                       awards=[{"id": "a1", "status": "active", "relatedLots": ["1"], "suppliers": [
                           {"id": "11111111", "name": "Stichting Een"},
                           {"id": "BE0123456789", "name": "Jeugdzorg Vlaanderen vzw"}]}])
    in_force = {"ocid": "ocds-1l04xe-313932", "id": "299950", "date": "2022-02-01T00:00:00Z", "tag": ["awardUpdate"],
                "awards": [{"id": "a1", "status": "active", "value": {"amount": 1000000, "currency": "EUR"},
                            "suppliers": [{"id": "11111111"}, {"id": "BE0123456789"}], "relatedLots": ["1"]}]}
    files = yearly_files([proposed], [in_force])
    seen = [([(r["value_cents"], r["winner_count"]) for r in db.query("select * from awards")],
             sorted((r["name"], r["kvk"], r["place"], r["country"], r["organisation_id"]) for r in db.query(
                 "select * from award_suppliers")))
            for db in written_in_either_order(tmp_path, files)]
    assert seen[0] == seen[1] == ([(100000000, 2)], [
        ("Jeugdzorg Vlaanderen vzw", None, "Gent", "België", "name:jeugdzorg vlaanderen"),
        ("Stichting Een", "11111111", "Leiden", "Nederland", "kvk:11111111")]), seen


def test_a_later_file_s_tender_update_repeating_an_award_leaves_the_award_notice_s_award_in_either_order(tmp_path):
    """Reference §4 ("Rectified award": the current values are the latest award notice's) and §6.3 (one ocid in
    several yearly files, "merge them") with OCDS's releaseTag ``tenderUpdate``/``tenderAmendment`` (the contract
    notice corrected): the 2021 file gives the award of lot 1, the 2022 file a correction of the tender that, as a
    release giving the whole state does, repeats the award. Within one file the repeat is no award; across files the
    store took it for a later correction, so the award's notice, date and year became the repeat's (2022). The award
    notice's award stands, in either order of the files, and a later award notice's correction still supersedes it.
    SYNTHETIC releases."""
    from tenderarchive.awards.ocds import to_procedure
    from tests.fixtures.awards.make_fixtures import release, supplier

    def award(amount):
        return [{"id": "a1", "status": "active", "relatedLots": ["1"], "value": {"amount": amount, "currency": "EUR"},
                 "suppliers": [{"id": "11111111", "name": "Stichting Een"}]}]

    parties, lots = [supplier("11111111", "Stichting Een")], [("1", "Ambulant")]
    awarded = release("ocds-1l04xe-313931", "299840", "2021-12-01", "Jeugdhulp Leiden", "85311300-5", lots=lots,
                      parties=parties, awards=award(1000000))
    repeated = release("ocds-1l04xe-313931", "299940", "2022-02-01", "Jeugdhulp Leiden", "85311300-5", lots=lots,
                       parties=parties, awards=award(1000000), tag=("tenderUpdate",))
    files = yearly_files([awarded], [repeated])
    seen = [[(r["publication_id"], r["award_date"], r["year"], r["value_cents"], r["current"]) for r in db.query(
        "select * from awards")] for db in written_in_either_order(tmp_path / "repeat", files)]
    assert seen[0] == seen[1] == [(299840, "2021-12-01", 2021, 100000000, 1)], seen
    # an award update of the later file (tag awardUpdate: the award notice rectified) still corrects it
    corrected = dict(repeated, tag=["awardUpdate"], awards=award(900000))
    files["2022"] = to_procedure([corrected], source="Dataset_Tenderned-2022-01-01-2022-12-31.json")
    seen = [[(r["publication_id"], r["value_cents"], r["current"]) for r in db.query("select * from awards")]
            for db in written_in_either_order(tmp_path / "update", files)]
    assert seen[0] == seen[1] == [(299940, 90000000, 1)], seen


def test_a_publication_repeated_in_two_files_with_different_dates_is_the_later_releases_in_either_order(tmp_path):
    """Reference §6.1/§6.3 (one ocid in several yearly files, "merge them"; OCPC's release per publication, its ``date``
    the publication's) and §4 "Rectified award" (the current values are the latest version's): TenderNed's 2022 file
    repeats the 2021 file's publication 299830 with a later date, its lot retitled and its award's value corrected.
    The file read last won: the 2021 release, read after the 2022 one, put back the old value (€ 1.000.000), title
    and date. The later release stands in either order: € 1.200.000, "Ambulant (gecorrigeerd)", 2022-02-01.
    SYNTHETIC releases."""
    from tests.fixtures.awards.make_fixtures import release, supplier

    def version(release_id, day, title, amount):
        return release("ocds-1l04xe-313930", release_id, day, "Jeugdhulp Leiden", "85311300-5", lots=[("1", title)],
                       parties=[supplier("11111111", "Stichting Een")],
                       awards=[{"id": "a1", "status": "active", "suppliers": [{"id": "11111111", "name": "Stichting Een"}],
                                "value": {"amount": amount, "currency": "EUR"}, "relatedLots": ["1"]}])
    files = yearly_files([version("299830-1a", "2021-11-01", "Ambulant", 1000000)], [version("299830-2b", "2022-02-01", "Ambulant (gecorrigeerd)", 1200000)])
    seen = []
    for db in written_in_either_order(tmp_path, files):
        seen.append(([(r["publication_id"], r["published"]) for r in db.query("select * from notices")],
                     [(r["lot_id"], r["title"]) for r in db.query("select * from lots")],
                     [(r["publication_id"], r["value_cents"], r["current"], r["winners"]) for r in db.query(
                         "select a.*, group_concat(s.name) as winners from awards a "
                         "join award_suppliers s using (award_id) group by a.award_id")]))
    assert seen[0] == seen[1] == ([(299830, "2022-02-01")], [("1", "Ambulant (gecorrigeerd)")],
                                  [(299830, 120000000, 1, "Stichting Een")]), seen


def test_an_award_the_later_version_of_a_publication_no_longer_gives_is_withdrawn_in_either_order(tmp_path):
    """Reference §4 "Rectified award" (the current winners are the latest version's) and §6.1/§6.3 (one ocid in several
    yearly files): the 2021 file's publication 299831 awards lot 1 to Stichting Een and lot 2 to Stichting Twee; the
    2022 file repeats the publication, dated later, with lot 1's award alone. Stichting Twee's award stayed current
    whichever file came first (each file's own awards are swept by that file alone). It is withdrawn in either order.
    SYNTHETIC releases."""
    from tests.fixtures.awards.make_fixtures import release, supplier

    def award(aid, sid, name, lot):
        return {"id": aid, "status": "active", "suppliers": [{"id": sid, "name": name}], "relatedLots": [lot],
                "value": {"amount": 500000, "currency": "EUR"}}
    lots = [("1", "Ambulant"), ("2", "Verblijf")]
    earlier = release("ocds-1l04xe-313931", "299831-1a", "2021-11-01", "Jeugdhulp Leiden", "85311300-5", lots=lots,
                      parties=[supplier("11111111", "Stichting Een"), supplier("22222222", "Stichting Twee")],
                      awards=[award("a1", "11111111", "Stichting Een", "1"), award("a2", "22222222", "Stichting Twee", "2")])
    later = release("ocds-1l04xe-313931", "299831-2b", "2022-02-01", "Jeugdhulp Leiden", "85311300-5", lots=lots,
                    parties=[supplier("11111111", "Stichting Een")], awards=[award("a1", "11111111", "Stichting Een", "1")])
    files = yearly_files([earlier], [later])
    seen = []
    for db in written_in_either_order(tmp_path, files):
        seen.append([(r["lot_id"], r["current"], r["winners"]) for r in db.query(
            "select a.*, group_concat(s.name) as winners from awards a join award_suppliers s using (award_id) "
            "group by a.award_id order by a.lot_id")])
    assert seen[0] == seen[1] == [("1", 1, "Stichting Een")], seen


def test_a_lots_estimate_corrected_by_a_later_notice_is_a_change_of_that_lot_in_whatever_order_they_arrive(
        procedure_900001, tmp_path):
    """Reference §8.5 (one row per lot, its estimated value) and §8.6 (the latest notice's values stand): contract
    notice 900101 estimates lot LOT-0001 at 1 200 000 (SYNTHETIC change of the fixture), award notice 900102 prints
    1 300 000 and awards it. Read in publication order, the lot's versions said 1 200 000 → 1 300 000 (not yet
    awarded → awarded); the award notice read first (a crawl's responses arrive in any order) left the contract
    notice's description out of the lot's history: no change at all. The lot's history is the same in both orders,
    and reading the notices again adds nothing."""
    contract, award = (copy.deepcopy(next(p for p in procedure_900001 if p["detail"]["publicatieId"] == pid))
                       for pid in (900101, 900102))
    contract["html"] = contract["html"].replace('<span class="value">1 300 000</span>',
                                                '<span class="value">1 200 000</span>')

    def history(order, name):
        db = archive(tmp_path, order, name)
        lot = db["lots"].get(("TN900001", "1"))
        return (lot["estimated_cents"], lot["publication_id"], lot["title"]), [
            (r["version"], json.loads(r["previous_values"]), json.loads(r["new_values"]))
            for r in db.query("select * from versions where table_name = 'lots' and row_key = ? order by version",
                              [json.dumps(["TN900001", "1"])])]
    in_order, reversed_order = history([contract, award], "in_order"), history([award, contract], "reversed")
    assert in_order == reversed_order
    (_, previous, new), = in_order[1]
    assert (previous["estimated_cents"], previous.get("awarded"), previous["publication_id"]) == (120000000, None, 900101)
    assert (new["estimated_cents"], new["awarded"], new["publication_id"]) == (130000000, 1, 900102)
    assert in_order[0] == (130000000, 900102, "Jeugd-GGZ")
    assert history([award, contract, contract, award], "again") == in_order


def test_a_lot_numbered_from_lot_0000_keeps_its_corrected_estimate_as_its_own_change_in_either_order(tmp_path):
    """Reference §2.6 (lots numbered LOT-0000, LOT-0001), §4 (an award notice giving one lot) and §8.5: contract notice
    900901 estimates LOT-0000 "Ambulant" at 700 000 and LOT-0001 "Verblijf" at 400 000; award notice 900902 gives
    LOT-0001 alone, estimated at 450 000, and awards it. In either order the procedure has its two lots, and lot
    LOT-0001 (not LOT-0000, nor a lot "1" of its own) has the change 400 000 → 450 000. SYNTHETIC renderings."""
    from tests.fixtures.awards.make_fixtures import amount, h1, h2, h3, only, publication, row, table, winner

    youth = [("85311300-5", "Welzijnszorg voor kinderen en jongeren")]
    lots = [h1("1. Koper"), row("Officiële naam", "Gemeente Voorbeeldstad"), h1("5. Perceel"),
            h2("5.1", "Technische ID van het kavel", "LOT-0000"), row("Titel", "Ambulant"),
            amount("Geraamde waarde exclusief btw", "700 000"),
            h2("5.1", "Technische ID van het kavel", "LOT-0001"), row("Titel", "Verblijf"),
            amount("Geraamde waarde exclusief btw", "400 000")]
    awarded = [h1("1. Koper"), row("Officiële naam", "Gemeente Voorbeeldstad"), h1("5. Perceel"),
               h2("5.1", "Technische ID van het kavel", "LOT-0001"), row("Titel", "Verblijf"),
               amount("Geraamde waarde exclusief btw", "450 000"), h1("6. Resultaten"),
               h2("6.1", "ID resultaat perceel", "LOT-0001"), only("Er is ten minste één winnaar gekozen."),
               h3("6.1.2 Informatie over winnaars"), *winner("Beta B.V.", "LOT-0001", "440 000")]
    contract, award = (dict(made[0], html=made[1]) for made in (
        publication(900901, 900009, "AAO", "2026-03-01", "Jeugdhulp Regio Voorbeeld", "Jeugdhulp.", youth, table(lots)),
        publication(900902, 900009, "AGO", "2026-06-01", "Jeugdhulp Regio Voorbeeld", "Jeugdhulp.", youth,
                    table(awarded))))

    def archived(order, name):
        db = archive(tmp_path, order, name)
        changes = [(r["row_key"], json.loads(r["previous_values"]).get("estimated_cents"),
                    json.loads(r["new_values"]).get("estimated_cents"))
                   for r in db.query("select * from versions where table_name = 'lots' order by row_key, version")]
        return sorted((r["lot_id"], r["estimated_cents"], r["awarded"]) for r in db.query("select * from lots")), changes
    in_order = archived([contract, award], "in_order")
    assert archived([award, contract], "reversed") == in_order
    assert in_order == ([("LOT-0000", 70000000, None), ("LOT-0001", 45000000, 1)],
                        [(json.dumps(["TN900009", "LOT-0001"]), 40000000, 45000000)])


def test_an_award_update_in_a_later_file_giving_the_amount_alone_keeps_the_earlier_files_vat_basis(tmp_path):
    """OCDS merging (a release gives the fields that changed; what it leaves out is as the earlier releases gave it),
    reference §6.1/§6.3 (one ocid in several yearly files) and §4 (values: the forms print them exclusive of VAT): the
    2021 file gives award a1 € 1.000.000 with ``"hasTax": true``; the 2022 file updates its amount alone
    (``{"amount": 1100000}``). Merged in one file the value is "1100000 incl. btw"; across the two files it was
    "1100000", read as exclusive of VAT, in either order. It keeps the earlier file's VAT basis as it keeps its
    currency. SYNTHETIC releases."""
    from tenderarchive.awards.ocds import to_procedure
    from tests.fixtures.awards.make_fixtures import release, supplier

    earlier = release("ocds-1l04xe-313991", "299891", "2021-11-01", "Jeugdhulp Leiden", "85311300-5",
                      lots=[("1", "Ambulant")], parties=[supplier("11111111", "Stichting Een")],
                      awards=[{"id": "a1", "status": "active", "suppliers": [{"id": "11111111", "name": "Stichting Een"}],
                               "value": {"amount": 1000000, "currency": "EUR", "hasTax": True}, "relatedLots": ["1"]}])
    update = {"ocid": "ocds-1l04xe-313991", "id": "299991", "date": "2022-02-01T00:00:00Z", "tag": ["awardUpdate"],
              "awards": [{"id": "a1", "value": {"amount": 1100000}, "relatedLots": ["1"]}]}
    assert to_procedure([earlier, update], source="one.json")["awards"][0]["value_raw"] == "1100000 incl. btw"
    files = yearly_files([earlier], [update])
    seen = [[(r["value_cents"], r["value_raw"], r["value_currency"], r["current"]) for r in db.query(
        "select * from awards order by award_id")] for db in written_in_either_order(tmp_path, files)]
    assert seen[0] == seen[1] == [(110000000, "1100000 incl. btw", "EUR", 1)], seen


@pytest.mark.parametrize("given, expected", [
    ({"amount": 1100000, "currency": "EUR"}, "1100000 incl. btw"),
    ({"amount": 1100000, "hasTax": False}, "1100000"),
    ({"amount": 1100000, "currency": "EUR", "hasTax": False}, "1100000"),
    ({"amount": 1100000, "hasTax": True}, "1100000 incl. btw"),
])
def test_an_award_update_in_a_later_file_takes_the_vat_basis_it_leaves_out_and_keeps_the_one_it_states(
        tmp_path, given, expected):
    """OCDS merging (``Value`` is an object: an update's fields replace the earlier ones, the fields it leaves out stay)
    and reference §6.1/§6.3 (one ocid in several yearly files): the 2021 file gives award a1 € 1.000.000 with
    ``"hasTax": true``. The 2022 file's update giving the amount and currency but no ``hasTax`` was read as exclusive of
    VAT ("1100000"), where one file merging both keeps it inclusive ("1100000 incl. btw"); one stating ``"hasTax":
    false`` without a currency was read as inclusive ("incl. btw" taken from the earlier file), where one file reads it
    exclusive. A stated false and one left out were one text ("1100000"); the award now keeps whether its package
    stated it (``awards.value_has_tax``), and two files give what one file gives, in either order. SYNTHETIC releases."""
    from tenderarchive.awards.ocds import to_procedure
    from tests.fixtures.awards.make_fixtures import release, supplier

    earlier = release("ocds-1l04xe-313992", "299892", "2021-11-01", "Jeugdhulp Leiden", "85311300-5",
                      lots=[("1", "Ambulant")], parties=[supplier("11111111", "Stichting Een")],
                      awards=[{"id": "a1", "status": "active", "suppliers": [{"id": "11111111", "name": "Stichting Een"}],
                               "value": {"amount": 1000000, "currency": "EUR", "hasTax": True}, "relatedLots": ["1"]}])
    update = {"ocid": "ocds-1l04xe-313992", "id": "299992", "date": "2022-02-01T00:00:00Z", "tag": ["awardUpdate"],
              "awards": [{"id": "a1", "value": given, "relatedLots": ["1"]}]}
    one = to_procedure([earlier, update], source="one.json")["awards"][0]
    assert (one["value_cents"], one["value_raw"]) == (110000000, expected)
    files = {"2021": to_procedure([earlier], source="Dataset_Tenderned-2021-01-01-2021-12-31.json"),
             "2022": to_procedure([update], source="Dataset_Tenderned-2022-01-01-2022-12-31.json")}
    seen = [[(r["value_cents"], r["value_raw"], r["value_currency"]) for r in db.query(
        "select * from awards where current = 1")] for db in written_in_either_order(tmp_path, files)]
    assert seen == [[(110000000, expected, "EUR")]] * 2, seen


def test_an_update_of_one_award_of_a_lot_keeps_the_lots_other_award_in_force_in_one_file(tmp_path):
    """OCDS merging (awards merge by their ``id``: an ``awardUpdate`` release giving award a2 leaves award a1 as the
    earlier release gave it, in force) and reference §4 "Several winners on one lot", "Rectified award" (the current
    winners are those of the latest version): the 2021 publication awards lot 1 to Stichting Een (a1, € 1.000.000)
    and Stichting Twee (a2, no value); a 2022 publication (tag awardUpdate) values a2 at € 500.000 alone. The update's
    award of the lot held Twee alone and put the 2021 award out of currency: Een was no longer a current winner of the
    lot, in either one file or the compiled release's terms. The update's award of the lot now holds the lot's awards
    in force, Een at € 1.000.000 and Twee at € 500.000; the 2021 award stays as that publication gave it (both winners,
    Een's € 1.000.000), superseded. SYNTHETIC releases."""
    from tenderarchive.awards.ocds import to_procedure

    db = ocds_archive(tmp_path / "one.db", to_procedure(two_winners_and_an_update("95"), source="one.json"))
    current = [(r["publication_id"], r["name"], r["tender_value_cents"]) for r in db.query(
        "select a.publication_id, s.name, s.tender_value_cents from award_suppliers s join awards a using (award_id) "
        "where a.current = 1 order by s.name")]
    assert current == [(299995, "Stichting Een", 100000000), (299995, "Stichting Twee", 50000000)], current
    earlier = [(r["name"], r["tender_value_cents"]) for r in db.query(
        "select s.name, s.tender_value_cents from award_suppliers s join awards a using (award_id) "
        "where a.publication_id = 299895 and a.current = 0 order by s.name")]
    assert earlier == [("Stichting Een", 100000000), ("Stichting Twee", None)], earlier


def test_a_notice_read_after_the_lots_earlier_and_later_notices_is_the_change_between_them(procedure_900001, tmp_path):
    """Reference §8.5 (one row per lot) and §8.6 (the latest notice's values stand): contract notice 900101 estimates
    lot 1 at 1 200 000 (SYNTHETIC change of the fixture), award notice 900102 prints 1 300 000 and awards it,
    rectification 900103 corrects it. Read in the order 900101, 900103, 900102 (a crawl's responses arrive in any
    order) the award notice, read between an earlier and a later notice of the lot, never entered its history: one
    change 900101 → 900103, where publication order gives two (900101 → 900102 → 900103). The lot's history is now the
    same in every order, and reading the notices again adds nothing."""
    contract, award, rectification = (
        copy.deepcopy(next(p for p in procedure_900001 if p["detail"]["publicatieId"] == pid))
        for pid in (900101, 900102, 900103))
    contract["html"] = contract["html"].replace('<span class="value">1 300 000</span>',
                                                '<span class="value">1 200 000</span>')

    def history(order, name):
        db = archive(tmp_path, order, name)
        lot = db["lots"].get(("TN900001", "1"))
        return dict(lot, crawl_id=None, fetched_at=None), [
            (r["version"], json.loads(r["previous_values"]), json.loads(r["new_values"]))
            for r in db.query("select * from versions where table_name = 'lots' and row_key = ? order by version",
                              [json.dumps(["TN900001", "1"])])]
    in_order = history([contract, award, rectification], "in_order")
    assert [(v, p.get("publication_id"), n.get("publication_id")) for v, p, n in in_order[1]] == [
        (1, 900101, 900102), (2, 900102, 900103)], in_order[1]
    middle_last = history([contract, rectification, award], "middle_last")
    assert middle_last == in_order
    assert history([rectification, contract, award], "later_first") == in_order
    assert history([contract, rectification, award, award, contract], "again") == in_order


def test_an_update_of_one_award_of_a_lot_in_a_later_file_keeps_the_lots_other_award_in_force_in_either_order(tmp_path):
    """OCDS merging (awards merge by their ``id``: an ``awardUpdate`` release giving award a2 leaves award a1 as the
    earlier release gave it, in force), reference §6.1/§6.3 (one ocid in several yearly files, "merge them") and §4
    "Several winners on one lot": the 2021 file's publication awards lot 1 to Stichting Een (a1, € 1.000.000) and
    Stichting Twee (a2, no value); the 2022 file's publication (tag awardUpdate) values a2 at € 500.000 alone. Within
    one file the update's award of the lot holds both; across the two files the 2022 file alone gave the lot to Twee,
    superseding the 2021 award, so Een was no longer a current winner, in either order of the files. Two yearly files
    now give what one file gives, in either order, the award ids the update's row holds too (``ocds_award_ids``
    ["a1", "a2"], as one file gives them; two files gave ["a2"]). SYNTHETIC releases."""

    awarded, update = two_winners_and_an_update("96")

    def awards(db):
        return sorted((r["publication_id"], r["current"], r["name"], r["tender_value_cents"]) for r in db.query(
            "select a.publication_id, a.current, s.name, s.tender_value_cents from award_suppliers s "
            "join awards a using (award_id)"))

    def rows(db):
        # (the award ids each row holds, ``ocds_award_ids``: the update's row held ["a1", "a2"] from one file, ["a2"]
        # from two files, the a1 it holds in force left out)
        return ([(r["award_id"], r["value_cents"], r["winner_count"], r["award_date"], r["current"],
                  r["ocds_award_ids"]) for r in db.query("select * from awards order by award_id")],
                [(r["award_id"], r["name"], r["kvk"], r["tender_value_raw"], r["award_date"], r["group_member"])
                 for r in db.query("select * from award_suppliers order by award_id, name")])
    assert_two_files_read_as_one(tmp_path, awarded, update, awards, rows, [
        (299896, 0, "Stichting Een", 100000000), (299896, 0, "Stichting Twee", None),
        (299996, 1, "Stichting Een", 100000000), (299996, 1, "Stichting Twee", 50000000)])


def test_an_update_of_a_lots_first_award_in_a_later_file_keeps_both_files_awards_apart_in_either_order(tmp_path):
    """OCDS merging (awards merge by their ``id``), reference §6.1/§6.3 (one ocid in several yearly files, "merge them")
    and §4 "Several winners on one lot", "Rectified award": the 2021 file's publication awards lot 1 to Stichting Een
    (a1, € 1.000.000) and Stichting Twee (a2, € 400.000); the 2022 file's publication (tag awardUpdate) revises a1, the
    lot's FIRST award, to € 900.000 alone. A lot's awards of one publication are one row named by its first award id,
    so both files' awards of the lot were stored under one key ``TN313998/ocds/a1/1``: read 2021 first, the current
    award held Een at the stale € 1.000.000 beside the new value; read 2022 first, Twee was lost. One file keeps them
    apart (the 2021 award under a2, the lot's award the update left as it was); two files now give what one file gives,
    in either order, and reading either file again changes nothing. SYNTHETIC releases."""
    from tests.fixtures.awards.make_fixtures import release, supplier

    awarded = release("ocds-1l04xe-313998", "299898", "2021-11-01", "Jeugdhulp Leiden", "85311300-5",
                      lots=[("1", "Ambulant")],
                      parties=[supplier("11111111", "Stichting Een"), supplier("22222222", "Stichting Twee")],
                      awards=[{"id": "a1", "status": "active", "suppliers": [{"id": "11111111", "name": "Stichting Een"}],
                               "value": {"amount": 1000000, "currency": "EUR"}, "relatedLots": ["1"]},
                              {"id": "a2", "status": "active", "suppliers": [{"id": "22222222", "name": "Stichting Twee"}],
                               "value": {"amount": 400000, "currency": "EUR"}, "relatedLots": ["1"]}])
    update = {"ocid": "ocds-1l04xe-313998", "id": "299998", "date": "2022-02-01T00:00:00Z", "tag": ["awardUpdate"],
              "awards": [{"id": "a1", "value": {"amount": 900000, "currency": "EUR"}, "relatedLots": ["1"]}]}

    def awards(db):
        return sorted((r["publication_id"], r["current"], r["name"], r["tender_value_cents"]) for r in db.query(
            "select a.publication_id, a.current, s.name, s.tender_value_cents from award_suppliers s "
            "join awards a using (award_id)"))

    def rows(db):
        return ([(r["award_id"], r["publication_id"], r["value_cents"], r["winner_count"], r["current"])
                 for r in db.query("select * from awards order by award_id")],
                [(r["award_id"], r["name"], r["kvk"], r["tender_value_raw"])
                 for r in db.query("select * from award_suppliers order by award_id, name")])
    assert_two_files_read_as_one(tmp_path, awarded, update, awards, rows, [
        (299898, 0, "Stichting Een", 100000000), (299898, 0, "Stichting Twee", 40000000),
        (299998, 1, "Stichting Een", 90000000), (299998, 1, "Stichting Twee", 40000000)])


def test_an_update_of_every_award_of_a_lot_in_a_later_file_gives_each_winner_its_new_value_in_either_order(tmp_path):
    """OCDS merging (awards merge by their ``id``; what a release leaves out, here the suppliers, is as the earlier
    releases gave it), reference §6.1/§6.3 (one ocid in several yearly files, "merge them") and §4 "Several winners on
    one lot", "Rectified award": the 2021 file's publication awards lot 1 to Stichting Een (a1, € 1.000.000) and
    Stichting Twee (a2, € 400.000); the 2022 file's publication (tag awardUpdate) gives EVERY award id of the lot again,
    a1 at € 900.000 and a2 at € 300.000, with amounts only (no suppliers). Read 2021 first, the lot kept Een at
    € 1.000.000 and Twee at € 400.000; read 2022 first, Een alone. Each supplier-less award id is now mapped to its
    winner through the earlier publication's award ids: two files give what one file holding both gives, in either
    order, and reading either file again changes nothing. SYNTHETIC releases."""
    from tests.fixtures.awards.make_fixtures import release, supplier

    awarded = release("ocds-1l04xe-313999", "299899", "2021-11-01", "Jeugdhulp Leiden", "85311300-5",
                      lots=[("1", "Ambulant")],
                      parties=[supplier("11111111", "Stichting Een"), supplier("22222222", "Stichting Twee")],
                      awards=[{"id": "a1", "status": "active", "suppliers": [{"id": "11111111", "name": "Stichting Een"}],
                               "value": {"amount": 1000000, "currency": "EUR"}, "relatedLots": ["1"]},
                              {"id": "a2", "status": "active", "suppliers": [{"id": "22222222", "name": "Stichting Twee"}],
                               "value": {"amount": 400000, "currency": "EUR"}, "relatedLots": ["1"]}])
    update = {"ocid": "ocds-1l04xe-313999", "id": "299999", "date": "2022-02-01T00:00:00Z", "tag": ["awardUpdate"],
              "awards": [{"id": "a1", "value": {"amount": 900000, "currency": "EUR"}, "relatedLots": ["1"]},
                         {"id": "a2", "value": {"amount": 300000, "currency": "EUR"}, "relatedLots": ["1"]}]}

    def rows(db):
        return ([(r["award_id"], r["publication_id"], r["value_cents"], r["winner_count"], r["current"],
                  r["ocds_award_ids"]) for r in db.query("select * from awards order by award_id")],
                [(r["award_id"], r["name"], r["kvk"], r["tender_value_raw"])
                 for r in db.query("select * from award_suppliers order by award_id, name")])
    assert_two_files_read_as_one(tmp_path, awarded, update, current_winner_values, rows, [
        (299999, "Stichting Een", 90000000), (299999, "Stichting Twee", 30000000)])


def test_one_publication_in_two_yearly_files_valued_exclusive_and_inclusive_of_vat_keeps_the_exclusive_value(tmp_path):
    """OCDS ``Value.hasTax`` and reference §6.1/§6.3 (one ocid in several yearly files, "merge them"; OCPC's release per
    publication × lot × winner, its ``date`` the publication's): the 2021 file gives publication 299897's award of lot
    1 at € 1.000.000 exclusive of VAT (``"hasTax": false``), the 2022 file the same publication, same day, at
    € 1.210.000 inclusive of it (``"hasTax": true``). One file holding both keeps the value exclusive of VAT, in either
    order of its releases (the archive's values are exclusive of VAT, as the /html and PDF readers keep); two files kept
    the one read last: € 1.210.000 "incl. btw" read 2021 first, € 1.000.000 read 2022 first. Now the exclusive value in
    either order, as one file gives it. SYNTHETIC releases."""
    from tenderarchive.awards.ocds import to_procedure
    from tests.fixtures.awards.make_fixtures import release, supplier

    def version(release_id, value):
        return release("ocds-1l04xe-313997", release_id, "2021-11-01", "Jeugdhulp Leiden", "85311300-5",
                       lots=[("1", "Ambulant")], parties=[supplier("11111111", "Stichting Een")],
                       awards=[{"id": "a1", "status": "active", "value": value, "relatedLots": ["1"],
                                "suppliers": [{"id": "11111111", "name": "Stichting Een"}]}])
    excl = version("299897-1", {"amount": 1000000, "currency": "EUR", "hasTax": False})
    incl = version("299897-2", {"amount": 1210000, "currency": "EUR", "hasTax": True})
    for releases in ([excl, incl], [incl, excl]):
        db = ocds_archive(tmp_path / f"one-{releases[0]['id']}.db", to_procedure(releases, source="one.json"))
        assert [(r["value_cents"], r["value_raw"]) for r in db.query("select * from awards")] == [(100000000, "1000000")]
    files = yearly_files([excl], [incl])
    seen = [[(r["value_cents"], r["value_raw"], r["value_currency"], r["current"], r["winner_count"])
             for r in db.query("select * from awards")] for db in written_in_either_order(tmp_path, files)]
    assert seen[0] == seen[1] == [(100000000, "1000000", "EUR", 1, 1)], seen


def test_a_later_file_s_update_giving_no_lot_title_leaves_the_same_lot_row_in_either_order(tmp_path):
    """Reference §6.3 (one ocid in several yearly files, "merge them"; OCDS merging: what a release leaves out is as the
    earlier releases gave it): the 2022 file's award update names lot 1 without its title. Read after the 2021 file,
    the lot kept its title but was marked ``omitted_columns`` ["title"], as though a source had withheld it; read
    before, not: the lot row depended on the read order. A field an OCDS update leaves out is no omission: the lot row
    is the same in either order, its title the 2021 file's. SYNTHETIC releases."""
    from tests.fixtures.awards.make_fixtures import release, supplier

    parties = [supplier("11111111", "Stichting Een")]
    first = release("ocds-1l04xe-313934", "299860", "2021-11-01", "Jeugdhulp Leiden", "85311300-5",
                    lots=[("1", "Ambulant")], parties=parties, value=1500000,
                    awards=[{"id": "a1", "status": "active", "relatedLots": ["1"],
                             "value": {"amount": 1000000, "currency": "EUR"},
                             "suppliers": [{"id": "11111111", "name": "Stichting Een"}]}])
    update = release("ocds-1l04xe-313934", "299960", "2022-02-01", "Jeugdhulp Leiden", "85311300-5",
                     lots=[("1", None)], parties=parties, tag=("awardUpdate",),
                     awards=[{"id": "a1", "status": "active", "relatedLots": ["1"],
                              "value": {"amount": 1100000, "currency": "EUR"},
                              "suppliers": [{"id": "11111111", "name": "Stichting Een"}]}])
    for lot in update["tender"]["lots"]:
        lot.pop("title")
    files = yearly_files([first], [update])
    columns = ("lot_id", "title", "omitted_columns", "awarded")
    seen = [[tuple(r[c] for c in columns) for r in db.query("select * from lots")]
            for db in written_in_either_order(tmp_path, files)]
    assert seen[0] == seen[1], seen
    assert [row[:3] for row in seen[0]] == [("1", "Ambulant", None)], seen


@pytest.mark.parametrize("named", [True, False])
def test_an_update_of_a_lots_award_and_a_new_award_id_in_a_later_file_gives_the_lot_anew_in_either_order(tmp_path,
                                                                                                        named):
    """OCDS merging (awards merge by their ``id``; what a release leaves out, here a1's supplier, is as the earlier
    releases gave it), reference §6.1/§6.3 (one ocid in several yearly files, "merge them") and §4 "Rectified award":
    the 2021 file's publication awards lot 1 to Stichting Een (a1, € 1.000.000) and Stichting Twee (a2, € 400.000); the
    2022 file's publication (tag awardUpdate) gives a1 again at € 900.000 (its amount alone) and a NEW award id a3 to
    Stichting Drie (€ 200.000). One file holding both gives the lot anew (an award id of its own, another winner): Een
    at € 900.000 and Drie. Two files kept the 2021 winners that stood (Twee beside Drie) and lost a1's winner, in
    either order of the files. Two files now give what one file gives, and reading either again changes nothing; also
    where a3 names no winner (its € 200.000 is then a winner's not named, ``awards.unnamed_value_cents``: Een keeps
    € 900.000 alone). SYNTHETIC releases."""
    from tests.fixtures.awards.make_fixtures import release, supplier

    awarded = release("ocds-1l04xe-313990", "299890", "2021-11-01", "Jeugdhulp Leiden", "85311300-5",
                      lots=[("1", "Ambulant")],
                      parties=[supplier("11111111", "Stichting Een"), supplier("22222222", "Stichting Twee")],
                      awards=[{"id": "a1", "status": "active", "suppliers": [{"id": "11111111", "name": "Stichting Een"}],
                               "value": {"amount": 1000000, "currency": "EUR"}, "relatedLots": ["1"]},
                              {"id": "a2", "status": "active", "suppliers": [{"id": "22222222", "name": "Stichting Twee"}],
                               "value": {"amount": 400000, "currency": "EUR"}, "relatedLots": ["1"]}])
    update = {"ocid": "ocds-1l04xe-313990", "id": "299990", "date": "2022-02-01T00:00:00Z", "tag": ["awardUpdate"],
              "parties": [supplier("33333333", "Stichting Drie")],
              "awards": [{"id": "a1", "value": {"amount": 900000, "currency": "EUR"}, "relatedLots": ["1"]},
                         {"id": "a3", "status": "active", "suppliers": [{"id": "33333333", "name": "Stichting Drie"}],
                          "value": {"amount": 200000, "currency": "EUR"}, "relatedLots": ["1"]}]}
    if not named:
        del update["awards"][1]["suppliers"], update["parties"]

    def rows(db):
        # (the award ids a row holds, ``ocds_award_ids``, in one order whichever order they were read in: one file gave
        # the 2021 row's ["a2", "a1"], two files ["a1", "a2"])
        # (a3 naming no winner: a winner not named, its € 200.000 in ``unnamed_value_cents``, from either file order)
        return ([(r["award_id"], r["publication_id"], r["value_cents"], r["winner_count"], r["current"],
                  r["ocds_award_ids"], r["unnamed_winners"], r["unnamed_value_cents"])
                 for r in db.query("select * from awards order by award_id")],
                [(r["award_id"], r["name"], r["kvk"], r["tender_value_raw"], r["award_date"])
                 for r in db.query("select * from award_suppliers order by award_id, name")])
    assert_two_files_read_as_one(tmp_path, awarded, update, current_winner_values, rows,
                                 [(299990, "Stichting Drie", 20000000)] * named + [(299990, "Stichting Een", 90000000)])


def consortium_and_a_winner(number: str):
    """The 2021 release of ocid ``ocds-1l04xe-3139{number}`` (publication ``29989{last digit}``): lot 1 to Stichting Een
    and Stichting Twee together (award a1, € 1.000.000) and to Stichting Drie (a2, € 400.000). SYNTHETIC release."""
    from tests.fixtures.awards.make_fixtures import release, supplier

    return release(f"ocds-1l04xe-3139{number}", f"29989{number[-1]}", "2021-11-01", "Jeugdhulp Leiden", "85311300-5",
                   lots=[("1", "Ambulant")], parties=[supplier("11111111", "Stichting Een"),
                                                      supplier("22222222", "Stichting Twee"),
                                                      supplier("33333333", "Stichting Drie")],
                   awards=[{"id": "a1", "status": "active", "relatedLots": ["1"],
                            "suppliers": [{"id": "11111111", "name": "Stichting Een"},
                                          {"id": "22222222", "name": "Stichting Twee"}],
                            "value": {"amount": 1000000, "currency": "EUR"}},
                           {"id": "a2", "status": "active", "relatedLots": ["1"],
                            "suppliers": [{"id": "33333333", "name": "Stichting Drie"}],
                            "value": {"amount": 400000, "currency": "EUR"}}])


def test_a_consortiums_joint_value_is_on_each_members_row_marked_joint_and_counted_once(tmp_path):
    """Reference §4 "Consortium" (OCDS: one award with several ``suppliers``), §3.1 (a group award has one shared value
    for its members; WAI keeps it at lot level and does not give it to each member) and §8.4 (for consortia, the group
    name and the member names): lot 1 goes to Stichting Een and Stichting Twee together (award a1, € 1.000.000) and to
    Stichting Drie (a2, € 400.000). The consortium's whole value was put on Een's row as Een's own tender, Twee with
    none, as if Een alone had tendered € 1.000.000. Each member's row now carries the group's value marked joint
    (``tender_value_of_group``), and the procurement's total counts it once: € 1.400.000. SYNTHETIC releases."""
    from tenderarchive.awards.ocds import to_procedure
    from tenderarchive.derive import derive

    awarded = consortium_and_a_winner("91")
    db = ocds_archive(tmp_path / "one.db", to_procedure([awarded], source="one.json"))
    derive(db, 1)
    assert [(r["name"], r["tender_value_cents"], r["tender_value_of_group"], r["group_name"]) for r in db.query(
        "select * from award_suppliers order by name")] == [
        ("Stichting Drie", 40000000, None, None),
        ("Stichting Een", 100000000, 1, "Stichting Een / Stichting Twee"),
        ("Stichting Twee", 100000000, 1, "Stichting Een / Stichting Twee")]
    assert [r["value_cents"] for r in db.query("select * from awards")] == [None]
    assert [r["gegunde_waarde_cents"] for r in db.query(
        "select * from summary_procurements where procurement_id = 'TN313991'")] == [140000000]
    assert [r["value_cents"] for r in db.query("select * from summary_awards")] == [140000000]
    # the saved searches say it: the procurement's awards give the group's value once, under the group
    db.conn.commit()
    from tenderarchive.datasette_plugin import register_functions
    from tenderarchive.metadata import load_metadata
    queries = load_metadata()["databases"]["archive"]["queries"]
    register_functions(db.conn)

    def saved(name, **params):
        cursor = db.conn.execute(queries[name]["sql"], params)
        return [dict(zip([c[0] for c in cursor.description], row)) for row in cursor.fetchall()]
    gunningen = saved("aanbesteding_gunningen", procurement_id="TN313991")
    assert [(r["aanbieder"], r["inschrijving"], r["inschrijving_cents"]) for r in gunningen] == [
        ("Stichting Drie", "€ 400.000,00", 40000000),
        ("Stichting Een", "€ 1.000.000,00 (gezamenlijk)", 100000000),
        ("Stichting Twee", "gezamenlijk, waarde bij Stichting Een", None)], gunningen
    assert sum(r["inschrijving_cents"] or 0 for r in gunningen) == 140000000
    region = db.execute("select jeugdregio_code from procurements where procurement_id = 'TN313991'").fetchone()[0]
    assert [r["tender_values"] for r in saved("awards_by_region_year", jeugdregio=region, year="2021", pagina="alle")] \
        == ["Stichting Een / Stichting Twee (gezamenlijk): € 1.000.000,00; Stichting Drie: € 400.000,00"]
    contracts = saved("aanbieder_contracten", aanbieder="kvk:22222222", pagina="alle", alle_gunningen="", voor="")
    # the group's joint value is shared by its members: apart, under waarde_gedeeld (branch refawards63)
    assert [(r["consortium"], r["waarde_gedeeld"], r["waarde_gedeeld_cents"], r["inschrijving_cents"])
            for r in contracts] == [("Stichting Een / Stichting Twee", "€ 1.000.000,00", 100000000, None)], contracts


def test_an_update_of_a_consortiums_award_in_a_later_file_keeps_its_new_value_joint_in_either_order(tmp_path):
    """Reference §4 "Consortium" (OCDS: one award with several suppliers; §3.1 one shared value for the group), §6.1/§6.3
    (one ocid in several yearly files, "merge them") and §4 "Rectified award": the 2021 file awards lot 1 to Stichting Een
    and Stichting Twee together (a1, € 1.000.000) and to Stichting Drie (a2, € 400.000); the 2022 file's update (tag
    awardUpdate) gives a1 at € 500.000 alone. One file holding both gives each member the group's new € 500.000 marked
    joint (``tender_value_of_group``: counted once); two files gave each member € 500.000 as its own tender, the value
    counted twice in the totals, in either order of the files. Now as one file gives it. SYNTHETIC releases."""
    awarded = consortium_and_a_winner("93")
    update = {"ocid": "ocds-1l04xe-313993", "id": "299993", "date": "2022-02-01T00:00:00Z", "tag": ["awardUpdate"],
              "awards": [{"id": "a1", "value": {"amount": 500000, "currency": "EUR"}, "relatedLots": ["1"]}]}

    def current(db):
        return sorted((r["name"], r["tender_value_cents"], r["tender_value_of_group"]) for r in db.query(
            "select s.* from award_suppliers s join awards a using (award_id) where a.current = 1"))

    def rows(db):
        return ([(r["award_id"], r["publication_id"], r["value_cents"], r["winner_count"], r["current"])
                 for r in db.query("select * from awards order by award_id")],
                [(r["award_id"], r["name"], r["tender_value_raw"], r["tender_value_of_group"], r["group_name"])
                 for r in db.query("select * from award_suppliers order by award_id, name")])
    assert_two_files_read_as_one(tmp_path, awarded, update, current, rows, [
        ("Stichting Drie", 40000000, None), ("Stichting Een", 50000000, 1), ("Stichting Twee", 50000000, 1)])


def a_winner_and_one_not_named(number: str):
    """The release of ocid ``ocds-1l04xe-3139{number}`` (publication ``2998{number}``): lot 1 to Stichting Een (a1,
    € 1.000.000) and, as award a3 (status active), € 200.000 to no supplier. SYNTHETIC release."""
    from tests.fixtures.awards.make_fixtures import release, supplier

    return release(f"ocds-1l04xe-3139{number}", f"2998{number}", "2021-11-01", "Jeugdhulp Leiden", "85311300-5",
                   lots=[("1", "Ambulant")], parties=[supplier("11111111", "Stichting Een")],
                   awards=[{"id": "a1", "status": "active", "relatedLots": ["1"],
                            "suppliers": [{"id": "11111111", "name": "Stichting Een"}],
                            "value": {"amount": 1000000, "currency": "EUR"}},
                           {"id": "a3", "status": "active", "relatedLots": ["1"],
                            "value": {"amount": 200000, "currency": "EUR"}}])


def test_an_award_id_with_a_value_and_no_supplier_beside_a_named_winner_is_a_winner_not_named_counted_in_the_totals(
        tmp_path):
    """Reference §2.5 "No name" (a winner block without any name occurs; WAI reports "1 winnaar(s) zonder officiële
    naam" instead of inventing one) and §4 "Several winners on one lot": one file awards lot 1 to Stichting Een (a1,
    € 1.000.000) and, as award a3 (status active), € 200.000 to no supplier. a3's value was in
    ``awards.ocds_award_values`` alone: the procurement's total was € 1.000.000 and nothing said the lot had a winner
    more. The award now says it (``unnamed_winners`` 1, ``unnamed_value_cents`` € 200.000, no name invented) and the
    totals count it: € 1.200.000. SYNTHETIC release."""
    from tenderarchive.awards.ocds import to_procedure
    from tenderarchive.derive import derive
    from tests.fixtures.awards.make_fixtures import supplier

    awarded = a_winner_and_one_not_named("95")
    db = ocds_archive(tmp_path / "one.db", to_procedure([awarded], source="one.json"))
    derive(db, 1)
    assert [(r["winner_count"], r["unnamed_winners"], r["unnamed_value_cents"], r["unnamed_value_raw"])
            for r in db.query("select * from awards where current = 1")] == [(1, 1, 20000000, "200000")]
    assert [(r["name"], r["tender_value_cents"]) for r in db.query("select * from award_suppliers")] == [
        ("Stichting Een", 100000000)]
    assert [r["gegunde_waarde_cents"] for r in db.query(
        "select * from summary_procurements where procurement_id = 'TN313995'")] == [120000000]
    assert [r["value_cents"] for r in db.query("select * from summary_awards")] == [120000000]
    # the winner's own value stays its own; a named winner's value is never counted twice (no unnamed id: as before)
    named = copy.deepcopy(awarded)
    named["awards"][1]["suppliers"] = [{"id": "33333333", "name": "Stichting Drie"}]
    named["parties"].append(supplier("33333333", "Stichting Drie"))
    db = ocds_archive(tmp_path / "named.db", to_procedure([named], source="one.json"))
    derive(db, 1)
    assert [(r["winner_count"], r["unnamed_winners"]) for r in db.query("select * from awards")] == [(2, None)]
    assert [r["gegunde_waarde_cents"] for r in db.query("select * from summary_procurements")] == [120000000]


def test_a_nameless_winner_block_of_the_html_is_a_winner_not_named_as_in_an_ocds_package(procedure_900001, tmp_path):
    """Reference §2.5 "No name" (a winner block without any name occurs; WAI reports "1 winnaar(s) zonder officiële
    naam" instead of inventing one) and §4 "Several winners on one lot": the /html award notice 900102 (SYNTHETIC
    rows) awards lot 1 to Stichting Een (€ 1.000.000) and to a winner block without a name (€ 200.000). The /html
    reader counted the nameless block in ``winner_count`` and named its value in the problems alone: the
    procurement's awarded value was € 1.000.000, where an OCDS package giving the same (an award id with a value and
    no supplier, round 50) gives ``unnamed_winners`` 1, ``unnamed_value_cents`` € 200.000 and € 1.200.000. Both
    sources now read it alike: the same columns, the same totals."""
    from tenderarchive.awards.ocds import to_procedure
    from tenderarchive.derive import derive
    from tests.fixtures.awards.make_fixtures import amount, h1, h2, h3, table

    award = copy.deepcopy(next(p for p in procedure_900001 if p["detail"]["publicatieId"] == 900102))
    award["html"] = table([
        h1("1. Koper"), row("Officiële naam", "Gemeente Voorbeeldstad"), h1("6. Resultaten"),
        h2("6.1", "ID resultaat perceel", "LOT-0001"), h3("6.1.2 Informatie over winnaars"),
        only("Winnaar"), row("Officiële naam", "Stichting Een"),
        only("Inschrijving"), amount("Waarde van de aanbesteding", "1 000 000"),
        only("Winnaar"), only("Inschrijving"), amount("Waarde van de aanbesteding", "200 000")])
    html = archive(tmp_path, [award], "html")
    derive(html, 1)

    awarded = a_winner_and_one_not_named("51")
    ocds = ocds_archive(tmp_path / "ocds.db", to_procedure([awarded], source="one.json"))
    derive(ocds, 1)

    def read(db):
        return ([(r["value_cents"], r["winner_count"], r["unnamed_winners"], r["unnamed_value_cents"],
                  r["unnamed_value_currency"], r["unnamed_value_placeholder"])
                 for r in db.query("select * from awards where current = 1")],
                [(r["name"], r["tender_value_cents"]) for r in db.query("select * from award_suppliers")],
                [r["gegunde_waarde_cents"] for r in db.query("select * from summary_procurements")],
                [r["value_cents"] for r in db.query("select * from summary_awards")])
    expected = ([(None, 1, 1, 20000000, "EUR", 0)], [("Stichting Een", 100000000)], [120000000], [120000000])
    assert read(ocds) == expected, read(ocds)
    assert read(html) == expected, read(html)
    assert [r["unnamed_value_raw"] for r in html.query("select * from awards")] == ["200 000"]


def test_a_lots_only_winner_block_without_a_name_is_an_award_of_a_winner_not_named_as_in_an_ocds_package(
        procedure_900001, tmp_path):
    """Reference §2.5 "No name" (a winner block without any name occurs; WAI reports "1 winnaar(s) zonder officiële
    naam" instead of inventing one): the /html award notice 900102 (SYNTHETIC rows) awards lot 1 to one winner block
    without a name (€ 200.000), the lot's only winner. The /html gave no award (the procurement's awarded value 0, the
    lot not marked awarded), and an OCDS package giving the same (award a3, status active, € 200.000, no supplier)
    gave an award of € 200.000 that said nothing of its winner (``unnamed_winners`` NULL). Both sources now read it
    alike: the lot awarded, one winner not named (none invented), its value counted once in the totals."""
    from tenderarchive.awards.ocds import to_procedure
    from tenderarchive.derive import derive
    from tests.fixtures.awards.make_fixtures import amount, h1, h2, h3, release, table

    award = copy.deepcopy(next(p for p in procedure_900001 if p["detail"]["publicatieId"] == 900102))
    award["html"] = table([
        h1("1. Koper"), row("Officiële naam", "Gemeente Voorbeeldstad"), h1("6. Resultaten"),
        h2("6.1", "ID resultaat perceel", "LOT-0001"), h3("6.1.2 Informatie over winnaars"),
        only("Winnaar"), only("Inschrijving"), amount("Waarde van de aanbesteding", "200 000")])
    html = archive(tmp_path, [award], "html")
    derive(html, 1)

    awarded = release("ocds-1l04xe-313951", "299851", "2021-11-01", "Jeugdhulp Leiden", "85311300-5",
                      lots=[("1", "Ambulant")], parties=[],
                      awards=[{"id": "a3", "status": "active", "relatedLots": ["1"],
                               "value": {"amount": 200000, "currency": "EUR"}}])
    ocds = ocds_archive(tmp_path / "ocds.db", to_procedure([awarded], source="one.json"))
    derive(ocds, 1)

    def read(db):
        return ([(r["value_cents"], r["winner_count"], r["unnamed_winners"], r["unnamed_value_cents"],
                  r["unnamed_value_currency"], r["unnamed_value_placeholder"])
                 for r in db.query("select * from awards where current = 1")],
                [r["awarded"] for r in db.query("select * from lots")],
                [(r["name"], r["tender_value_cents"]) for r in db.query("select * from award_suppliers")],
                [r["gegunde_waarde_cents"] for r in db.query("select * from summary_procurements")],
                [r["value_cents"] for r in db.query("select * from summary_awards")])
    expected = ([(20000000, 0, 1, None, None, None)], [1], [], [20000000], [20000000])
    assert read(ocds) == expected, read(ocds)
    assert read(html) == expected, read(html)


def named_unnamed_and_joint_winners(ocid: str, release_id: str) -> dict:
    """One OCDS release of three lots: lot 1 won by Stichting Een (€ 300.000), lot 2 by a winner not named
    (€ 200.000), lot 3 by the consortium Twee/Drie (€ 500.000), Stichting Vier (€ 100.000) and one not named
    (€ 50.000): € 1.150.000 in all. Shared by the award tests and the saved searches' tests."""
    from tests.fixtures.awards.make_fixtures import release, supplier

    def euro(amount_):
        return {"amount": amount_, "currency": "EUR"}
    return release(ocid, release_id, "2021-11-01", "Jeugdhulp Leiden", "85311300-5",
                   lots=[("1", "Een"), ("2", "Twee"), ("3", "Drie")],
                   parties=[supplier("11111111", "Stichting Een"), supplier("22222222", "Stichting Twee"),
                            supplier("33333333", "Stichting Drie"), supplier("44444444", "Stichting Vier")],
                   awards=[{"id": "a1", "status": "active", "relatedLots": ["1"], "value": euro(300000),
                            "suppliers": [{"id": "11111111", "name": "Stichting Een"}]},
                           {"id": "a2", "status": "active", "relatedLots": ["2"], "value": euro(200000)},
                           {"id": "a3", "status": "active", "relatedLots": ["3"], "value": euro(500000),
                            "suppliers": [{"id": "22222222", "name": "Stichting Twee"},
                                          {"id": "33333333", "name": "Stichting Drie"}]},
                           {"id": "a4", "status": "active", "relatedLots": ["3"], "value": euro(100000),
                            "suppliers": [{"id": "44444444", "name": "Stichting Vier"}]},
                           {"id": "a5", "status": "active", "relatedLots": ["3"], "value": euro(50000)}])


def test_the_totals_over_named_unnamed_and_joint_winners_equal_the_notices_stated_total_and_no_column_repeats_a_value(
        procedure_900001, tmp_path):
    """Reference §2.3 (BT-161 "Waarde van alle contracten toegekend in deze kennisgeving"), §2.5 "No name", §4
    several winners per lot and consortium. SYNTHETIC rows: LOT-0001 to Stichting Een (€ 300.000); LOT-0002 to one
    winner block without a name (€ 200.000), the lot's only winner; LOT-0003 to the consortium Combinatie Samen
    (Stichting Twee leading, Stichting Drie, € 500.000 together), Stichting Vier (€ 100.000) and a winner block
    without a name (€ 50.000). The notice states € 1.150.000 in all. LOT-0002's € 200.000 stood both in
    ``awards.value_cents`` and in ``unnamed_value_cents``: a reader summing the two read € 1.350.000. One meaning per
    column now: ``value_cents`` is the award's own value (the lot's, here its only winner's), ``unnamed_value_cents``
    the part of the winners not named of an award without a value of its own, never both on one row. The same lots
    from an OCDS package give the same rows and totals."""
    from tenderarchive.awards.ocds import to_procedure
    from tenderarchive.derive import derive
    from tests.fixtures.awards.make_fixtures import amount, h1, h2, h3, table

    def lot(number):
        return [h2("6.1", "ID resultaat perceel", f"LOT-000{number}"), h3("6.1.2 Informatie over winnaars")]

    award = copy.deepcopy(next(p for p in procedure_900001 if p["detail"]["publicatieId"] == 900102))
    award["html"] = table([
        h1("1. Koper"), row("Officiële naam", "Gemeente Voorbeeldstad"), h1("6. Resultaten"),
        amount("Waarde van alle contracten toegekend in deze kennisgeving", "1 150 000"),
        *lot(1), only("Winnaar"), row("Officiële naam", "Stichting Een"),
        only("Inschrijving"), amount("Waarde van de aanbesteding", "300 000"),
        *lot(2), only("Winnaar"), only("Inschrijving"), amount("Waarde van de aanbesteding", "200 000"),
        *lot(3), only("Winnaar"), row("Naam van de aanbiedende partij", "Combinatie Samen"),
        row("Leider van de inschrijver", "Stichting Twee"),
        row("Officiële namen van de ondernemingen die deel uitmaken van een inschrijvende groep, maar niet de leider "
            "van de groep zijn", "Stichting Drie"),
        only("Inschrijving"), amount("Waarde van de aanbesteding", "500 000"),
        only("Winnaar"), row("Officiële naam", "Stichting Vier"),
        only("Inschrijving"), amount("Waarde van de aanbesteding", "100 000"),
        only("Winnaar"), only("Inschrijving"), amount("Waarde van de aanbesteding", "50 000")])
    html = archive(tmp_path, [award], "html")
    derive(html, 1)

    package = named_unnamed_and_joint_winners("ocds-1l04xe-313953", "299853")
    ocds = ocds_archive(tmp_path / "ocds.db", to_procedure([package], source="one.json"))
    derive(ocds, 1)

    def rows(db):
        return [(r["value_cents"], r["winner_count"], r["unnamed_winners"], r["unnamed_value_cents"],
                 r["unnamed_value_raw"] is not None) for r in db.query(
                     "select * from awards where current = 1 order by value_cents is null, value_cents desc")]

    def read_by_hand(db):
        """What a reader of the awards and award_suppliers tables sums: each award's own value, else its named winners'
        own values (a group's once) and its winners not named."""
        own = db.execute("select sum(value_cents) from awards where current = 1").fetchone()[0] or 0
        parts = db.execute(
            "select sum(v) from (select max(s.tender_value_cents) as v from award_suppliers s join awards a "
            "using (award_id) where a.current = 1 and a.value_cents is null group by s.award_id, "
            "case when s.tender_value_of_group = 1 then s.group_name else s.rowid end)").fetchone()[0] or 0
        unnamed = db.execute("select sum(unnamed_value_cents) from awards where current = 1").fetchone()[0] or 0
        return own + parts + unnamed

    expected = [(30000000, 1, None, None, False), (20000000, 0, 1, None, False), (None, 3, 1, 5000000, True)]
    assert rows(html) == expected, rows(html)
    assert rows(ocds) == expected, rows(ocds)

    def winners(db):
        return sorted((r["name"], r["tender_value_cents"], r["tender_value_of_group"])
                      for r in db.query("select * from award_suppliers"))
    # lot 1's only winner: the value of its tender is the award's and the winner's own, from the package as from the
    # /html (the package's award of one supplier left the winner's row without it)
    assert winners(html) == winners(ocds) == [
        ("Stichting Drie", 50000000, 1), ("Stichting Een", 30000000, None), ("Stichting Twee", 50000000, 1),
        ("Stichting Vier", 10000000, None)], (winners(html), winners(ocds))
    stated = html.execute("select total_awarded_cents from notice_results").fetchone()[0]
    assert stated == 115000000
    for db in (html, ocds):
        assert [r["gegunde_waarde_cents"] for r in db.query("select * from summary_procurements")] == [stated]
        assert db.execute("select sum(value_cents) from summary_awards").fetchone()[0] == stated
        assert read_by_hand(db) == stated
        assert not list(db.query("select award_id from awards where value_cents is not null "
                                 "and (unnamed_value_cents is not null or unnamed_value_raw is not null)"))
    # the saved searches list the parts of the award without a value of its own, the winners not named among them
    from tenderarchive.datasette_plugin import register_functions
    from tenderarchive.metadata import load_metadata
    queries = load_metadata()["databases"]["archive"]["queries"]
    for db in (html, ocds):
        db.conn.commit()
        register_functions(db.conn)
        region = db.execute("select jeugdregio_code from procurements").fetchone()[0]
        cursor = db.conn.execute(queries["awards_by_region_year"]["sql"],
                                 {"jeugdregio": region or "", "year": "", "pagina": "alle"})
        names = [c[0] for c in cursor.description]
        listed = sorted((r["value_cents"] or 0, r["tender_values"])
                        for r in (dict(zip(names, row)) for row in cursor))
        assert listed[1:] == [(20000000, None), (30000000, None)], listed
        parts = listed[0][1].split("; ")
        assert parts[-1] == "niet genoemd: € 50.000,00" and len(parts) == 3, parts
        # a procurement's awards listed per winner add up to its total, the award of one winner counted once (its
        # € 300.000 under waarde, not again under inschrijving)
        procurement_id = db.execute("select procurement_id from procurements").fetchone()[0]
        cursor = db.conn.execute(queries["aanbesteding_gunningen"]["sql"], {"procurement_id": procurement_id})
        names = [c[0] for c in cursor.description]
        assert sum((r["waarde_cents"] or 0) + (r["inschrijving_cents"] or 0)
                   for r in (dict(zip(names, row)) for row in cursor)) == stated


def test_a_procurements_number_of_winners_counts_those_no_source_names_per_lot(tmp_path):
    """Reference §2.5 "No name" (a winner block without a name: a winner, no name invented), §4 several winners per
    lot. The shared SYNTHETIC package: lot 1 to Stichting Een, lot 2 to a winner not named (its only winner), lot 3 to
    the consortium Twee/Drie, Stichting Vier and a winner not named. ``summary_procurements.winnaars`` lists "…; niet
    genoemd (2 winnaars)" but ``aantal_winnaars`` counted the named providers only (4). It now counts the winners not
    named too, per lot: a lot's winners not named are that many winners, while the one of lot 2 and the one of lot 3
    may be one provider (the data cannot tell), so the most of one lot counts: 4 + 1. A second winner not named on lot
    3 makes it 4 + 2; a procurement whose lots were all won by winners not named has 1, not 0."""
    from tenderarchive.awards.ocds import to_procedure
    from tenderarchive.derive import derive

    from tenderarchive.store.summaries import refresh_summaries

    def read(db):
        (row,) = db.query("select aantal_winnaars, winnaars from summary_procurements")
        return row["aantal_winnaars"], row["winnaars"]

    def count(name, package):
        db = ocds_archive(tmp_path / f"{name}.db", to_procedure([package], source="one.json"))
        derive(db, 1)
        return read(db)

    package = named_unnamed_and_joint_winners("ocds-1l04xe-313960", "299860")
    assert count("both", package) == (
        5, "Stichting Drie; Stichting Een; Stichting Twee; Stichting Vier; niet genoemd (2 winnaars)")
    # an archive summarised before (the named winners counted only) is summarised again when opened
    db = open_archive(tmp_path / "both.db")
    db.execute("update summary_procurements set aantal_winnaars = 4")
    db.execute("PRAGMA user_version = 0")
    db.conn.commit()
    db.close()
    upgraded = open_archive(tmp_path / "both.db")
    refresh_summaries(upgraded)
    assert read(upgraded)[0] == 5
    package = named_unnamed_and_joint_winners("ocds-1l04xe-313961", "299861")
    package["awards"].append({"id": "a6", "status": "active", "relatedLots": ["3"],
                              "value": {"amount": 25000, "currency": "EUR"}})
    assert count("two_on_lot_3", package)[0] == 6
    package = named_unnamed_and_joint_winners("ocds-1l04xe-313962", "299862")
    package["awards"] = [a for a in package["awards"] if not a.get("suppliers")]   # a2 (lot 2) and a5 (lot 3)
    assert count("none_named", package) == (1, "niet genoemd (2 winnaars)")


def test_a_procedures_estimate_is_its_one_lots_read_from_the_html_its_pdf_or_a_package(procedure_900001, tmp_path):
    """Reference §2.3 ("Estimated value, procedure (sub-section 2.1.3 'Waarde') or lot (5.1.x)"), §6.3 (estimate:
    ``tender.value``), §8.5 (a lot's row keeps its estimated value). SYNTHETIC rows: an award notice of one lot
    (section 5 LOT-0000 "Jeugdhulp", no estimate of its own) whose procedure is estimated at € 800.000, awarded to
    Stichting Een for € 700.000. An OCDS package giving the same (``tender.value`` € 800.000, one lot) gives the lot
    that estimate (``lots.estimated_cents``); the /html and its PDF gave the lot none, the estimate on the notice alone.
    The three now give the same lot row; a notice of two lots gives neither lot the procedure's estimate."""
    from tenderarchive.awards.html import parse_html
    from tenderarchive.awards.ocds import to_procedure
    from tenderarchive.derive import derive
    from tests.fixtures.awards.make_fixtures import amount, h1, h2, h3, release, supplier, table
    from tests.fixtures.awards.pdf_writer import text_pdf

    award = copy.deepcopy(next(p for p in procedure_900001 if p["detail"]["publicatieId"] == 900102))
    lines = ["1. Koper", "Officiële naam: Gemeente Voorbeeldstad", "2. Procedure", "2.1.3 Waarde",
             "Geraamde waarde exclusief btw: 800 000 Euro", "5. Perceel", "5.1 Perceel: LOT-0000", "Titel: Jeugdhulp",
             "6. Resultaten", "6.1 ID resultaat perceel: LOT-0000", "6.1.2 Informatie over winnaars", "Winnaar:",
             "Officiële naam: Stichting Een", "Inschrijving:", "Waarde van de aanbesteding: 700 000 Euro"]
    award["html"] = table([
        h1("1. Koper"), row("Officiële naam", "Gemeente Voorbeeldstad"), h1("2. Procedure"), h3("2.1.3 Waarde"),
        amount("Geraamde waarde exclusief btw", "800 000"), h1("5. Perceel"), h2("5.1", "Perceel", "LOT-0000"),
        row("Titel", "Jeugdhulp"), h1("6. Resultaten"), h2("6.1", "ID resultaat perceel", "LOT-0000"),
        h3("6.1.2 Informatie over winnaars"), only("Winnaar"), row("Officiële naam", "Stichting Een"),
        only("Inschrijving"), amount("Waarde van de aanbesteding", "700 000")])
    html = archive(tmp_path, [award], "html")
    derive(html, 1)

    # the PDF of the notice, read where its /html names no winner (pipelines/awards.py)
    pid = award["detail"]["publicatieId"]
    item = NoticeItem(publication_id=str(pid), detail=award["detail"], list_record=award["list"],
                      documents=award["documenten"], source_url=f"{SITE}/x/{pid}",
                      fetched_at="2026-01-01T00:00:00+00:00", sha256="0" * 64, html_body=json.dumps({"html": table([h1("1. Koper")])}).encode(),
                      html_url=f"{SITE}/x/{pid}/html", pdf_body=text_pdf([lines]), pdf_url=f"{SITE}/x/{pid}/pdf")
    item.record = normalise_notice(item, NOTICE_URL, SITE)
    item.record["notice"].update(youth_care=1, youth_care_reasons="[]")
    pdf = open_archive(tmp_path / "pdf.db")
    pdf["crawls"].insert({"crawl_id": 1, "spider": "tenderned", "status": "running"}, pk="crawl_id")
    write_notice(pdf, AwardsPipeline(Settings(TENDERNED_NOTICE_URL=NOTICE_URL)).process_item(item).record, 1)
    derive(pdf, 1)

    package = release("ocds-1l04xe-313954", "299854", "2021-11-01", "Jeugdhulp Leiden", "85311300-5",
                      lots=[("1", "Jeugdhulp")], parties=[supplier("11111111", "Stichting Een")], value=800000,
                      awards=[{"id": "a1", "status": "active", "relatedLots": ["1"],
                               "value": {"amount": 700000, "currency": "EUR"},
                               "suppliers": [{"id": "11111111", "name": "Stichting Een"}]}])
    ocds = ocds_archive(tmp_path / "ocds.db", to_procedure([package], source="one.json"))
    derive(ocds, 1)

    def lots(db):
        return [(r["title"], r["awarded"], r["estimated_cents"], r["estimated_currency"], r["estimated_placeholder"])
                for r in db.query("select * from lots")]
    assert [r["source"] for r in pdf.query("select source from awards")] == ["tenderned_pdf"]
    for db in (html, pdf, ocds):
        assert lots(db) == [("Jeugdhulp", 1, 80000000, "EUR", 0)], lots(db)
        assert [r["estimated_cents"] for r in db.query("select * from notice_results")] == [80000000]
        assert [r["value_cents"] for r in db.query("select * from awards")] == [70000000]

    # two lots: the procedure's estimate is neither's (as a package of two lots gives it)
    two = parse_html(table([
        h1("1. Koper"), h1("2. Procedure"), h3("2.1.3 Waarde"), amount("Geraamde waarde exclusief btw", "800 000"),
        h1("5. Perceel"), h2("5.1", "Perceel", "LOT-0001"), row("Titel", "Ambulant"),
        h2("5.1", "Perceel", "LOT-0002"), row("Titel", "Verblijf"), amount("Geraamde waarde exclusief btw", "300 000")]))
    assert [(lot["lot_id"], lot["estimated_cents"]) for lot in two["lots"]] == [("LOT-0001", None),
                                                                                ("LOT-0002", 30000000)]


def test_a_supplier_given_by_its_id_alone_which_is_its_name_is_a_winner_with_its_value_in_either_file_order(tmp_path):
    """Reference §6.3 "Suppliers": the converter gives a supplier without a KvK number its name as id ("The supplier
    id is the KvK number when the row has one, otherwise the supplier's name"). A 2022 release awarding lot 2 to
    ``{"id": "Stichting Een B.V."}`` alone (€ 200.000), no party of that id in its file: the winner was left out (no
    row, its award counting it among its winners), named only where the 2021 file, whose party of the id names it
    (Leiden), was read first; beside another winner of the lot its € 200.000 was lost from the totals. Now it is
    named by its id where no file's party is kept, and by the party where one is, in either order of the files; an
    id that is a code (``BE0123456789``) names nobody. SYNTHETIC releases."""
    from tenderarchive.awards.ocds import to_procedure
    from tenderarchive.derive import derive
    from tests.fixtures.awards.make_fixtures import release, supplier

    def award(award_id, lot, supplier_id, amount_):
        return {"id": award_id, "status": "active", "relatedLots": [lot], "suppliers": [{"id": supplier_id}],
                "value": {"amount": amount_, "currency": "EUR"}}
    earlier = release("ocds-1l04xe-313955", "299855", "2021-11-01", "Jeugdhulp Leiden", "85311300-5",
                      lots=[("1", "Ambulant"), ("2", "Verblijf")],
                      parties=[supplier("Stichting Een B.V.", "Stichting Een B.V.")],
                      awards=[award("a1", "1", "Stichting Een B.V.", 300000)])
    later = release("ocds-1l04xe-313955", "299955", "2022-02-01", "Jeugdhulp Leiden", "85311300-5",
                    lots=[("1", "Ambulant"), ("2", "Verblijf")], awards=[award("a2", "2", "Stichting Een B.V.", 200000)])

    def winners(db):
        return sorted((r["lot_id"], r["name"], r["place"], r["tender_value_cents"]) for r in db.query(
            "select s.*, a.lot_id from award_suppliers s join awards a using (award_id) where a.current = 1"))

    def rows(db):
        derive(db, 1)
        return ([(r["lot_id"], r["value_cents"], r["winner_count"]) for r in db.query(
                    "select * from awards where current = 1 order by lot_id")],
                [r["gegunde_waarde_cents"] for r in db.query("select * from summary_procurements")])
    assert_two_files_read_as_one(tmp_path, earlier, later, winners, rows, [
        ("1", "Stichting Een B.V.", "Leiden", 30000000), ("2", "Stichting Een B.V.", "Leiden", 20000000)])
    one = ocds_archive(tmp_path / "total.db", to_procedure([earlier, later], source="one.json"))
    assert rows(one) == ([("1", 30000000, 1), ("2", 20000000, 1)], [50000000])

    # no file's party of the id, beside a winner of its own value: named by its id, its value counted (the total was
    # € 200.000: Stichting Vier's € 100.000 and lot 2's); an id that is a code names nobody (as before)
    alone = release("ocds-1l04xe-313956", "299856", "2021-11-01", "Jeugdhulp Leiden", "85311300-5",
                    lots=[("1", "Ambulant"), ("2", "Verblijf")], parties=[supplier("12345678", "Stichting Vier")],
                    awards=[award("a1", "1", "Stichting Een B.V.", 200000), award("a2", "1", "12345678", 100000),
                            award("a3", "2", "BE0123456789", 100000)])
    db = ocds_archive(tmp_path / "alone.db", to_procedure([alone], source="one.json"))
    assert winners(db) == [("1", "Stichting Een B.V.", None, 20000000), ("1", "Stichting Vier", "Leiden", 10000000)]
    assert rows(db) == ([("1", None, 2), ("2", 10000000, 1)], [40000000])


def test_winners_of_one_lot_each_printing_the_same_value_share_the_lots_value_in_the_html_and_a_package(
        procedure_900001, tmp_path):
    """Reference §4 "Several winners on one lot (framework with several parties)" and "Open house … many winners on one
    lot", §3.1 (one shared value for the lot, WAI keeps it at lot level), §6.3 (the converter's one row per publication
    x lot x winner): SYNTHETIC rows, the /html award notice 900102 gives LOT-0001 three winners (Stichting Een, Twee,
    Drie), each block printing "Waarde van de aanbesteding: 1 000 000", and an OCDS package the same three awards of
    € 1.000.000. The package read the repeated amount as the lot's value (€ 1.000.000), the /html as each winner's own
    (€ 3.000.000 in the totals). Both now read a value every winner of a lot repeats as the lot's, counted once; winners
    of different values keep their own (as before)."""
    from tenderarchive.awards.ocds import to_procedure
    from tenderarchive.derive import derive
    from tests.fixtures.awards.make_fixtures import amount, h1, h2, h3, release, supplier, table

    names = ["Stichting Een", "Stichting Twee", "Stichting Drie"]

    def blocks(values):
        return [part for name, value in zip(names, values) for part in (
            only("Winnaar"), row("Officiële naam", name), only("Inschrijving"),
            amount("Waarde van de aanbesteding", value))]

    def html_of(values, name):
        award = copy.deepcopy(next(p for p in procedure_900001 if p["detail"]["publicatieId"] == 900102))
        award["html"] = table([
            h1("1. Koper"), row("Officiële naam", "Gemeente Voorbeeldstad"), h1("6. Resultaten"),
            h2("6.1", "ID resultaat perceel", "LOT-0001"), h3("6.1.2 Informatie over winnaars"), *blocks(values)])
        db = archive(tmp_path, [award], name)
        derive(db, 1)
        return db

    def ocds_of(values, name):
        package = release("ocds-1l04xe-313955", "299855", "2021-11-01", "Jeugdhulp Leiden", "85311300-5",
                          lots=[("1", "Jeugdhulp")],
                          parties=[supplier(f"{n}{n}{n}{n}{n}{n}{n}{n}", s) for n, s in enumerate(names, 1)],
                          awards=[{"id": f"a{n}", "status": "active", "relatedLots": ["1"],
                                   "value": {"amount": int(v.replace(" ", "")), "currency": "EUR"},
                                   "suppliers": [{"id": f"{n}{n}{n}{n}{n}{n}{n}{n}", "name": s}]}
                                  for n, (s, v) in enumerate(zip(names, values), 1)])
        db = ocds_archive(tmp_path / f"{name}.db", to_procedure([package], source="one.json"))
        derive(db, 1)
        return db

    def read(db):
        return ([(r["value_cents"], r["winner_count"]) for r in db.query("select * from awards where current = 1")],
                sorted((r["name"], r["tender_value_cents"]) for r in db.query("select * from award_suppliers")),
                [r["gegunde_waarde_cents"] for r in db.query("select * from summary_procurements")],
                db.execute("select sum(value_cents) from summary_awards").fetchone()[0])

    same = ["1 000 000"] * 3
    expected = ([(100000000, 3)], sorted((n, None) for n in names), [100000000], 100000000)
    assert read(ocds_of(same, "ocds_same")) == expected, read(ocds_of(same, "ocds_same2"))
    assert read(html_of(same, "html_same")) == expected, read(html_of(same, "html_same2"))
    # winners of different values keep their own, in both: the total is their sum
    other = ["1 000 000", "1 000 000", "500 000"]
    expected = ([(None, 3)], sorted(zip(names, [100000000, 100000000, 50000000])), [250000000], 250000000)
    assert read(ocds_of(other, "ocds_other")) == expected, read(ocds_of(other, "ocds_other2"))
    assert read(html_of(other, "html_other")) == expected, read(html_of(other, "html_other2"))


def test_a_value_given_for_a_group_of_lots_is_counted_once_in_the_totals(tmp_path):
    """Reference §2.3 (BT-13714: a tender names "the lot or the group of lots", GLO-…) and §4 (different winners per
    lot: each tender names its lot again), §8.7: Alpha's tender for the group GLO-0001 (€ 1.000.000) printed under
    the lot results of LOT-0001 and LOT-0002 was each lot's award value, the group's value counted twice
    (summary_procurements € 2.000.000), beside Beta's € 300.000 for lot 3. It is counted once; Alpha stays the winner of
    both lots. SYNTHETIC rendering."""
    from tenderarchive.derive import derive
    from tests.fixtures.awards.make_fixtures import amount, h1, h2, h3, only, publication, row, table

    def result(lot, name, tender_lot, value):
        return [h2("6.1", "ID resultaat perceel", lot), only("Er is ten minste één winnaar gekozen."),
                h3("6.1.2 Informatie over winnaars"), only("Winnaar"), row("Officiële naam", name),
                only("Inschrijving"), row("Identificatiecode van het perceel of de groep percelen", tender_lot),
                amount("Waarde van de aanbesteding", value)]
    rows = [h1("1. Koper"), row("Officiële naam", "Gemeente Voorbeeldstad"), h1("5. Perceel")]
    rows += [r for lot in ("LOT-0001", "LOT-0002", "LOT-0003") for r in (h2("5.1", "Technische ID van het kavel", lot),
                                                                         row("Titel", lot))]
    rows += [h1("6. Resultaten"), *result("LOT-0001", "Alpha B.V.", "GLO-0001", "1 000 000"),
             *result("LOT-0002", "Alpha B.V.", "GLO-0001", "1 000 000"), *result("LOT-0003", "Beta B.V.", "LOT-0003",
                                                                                 "300 000")]
    made = publication(900901, 900009, "AGO", "2026-05-14", "Jeugdhulp Regio Voorbeeld", "Jeugdhulp.",
                       [("85311300-5", "Welzijnszorg voor kinderen en jongeren")], table(rows))
    db = archive(tmp_path, [dict(made[0], html=made[1])], "group")
    derive(db, 1)
    assert sorted((r["lot_id"], r["awarded"]) for r in db.query("select * from lots")) == [("1", 1), ("2", 1), ("3", 1)]
    assert sorted((r["lot_id"], r["name"]) for r in db.query(
        "select a.lot_id, s.name from awards a join award_suppliers s using (award_id) where a.current = 1")) == [
        ("1", "Alpha B.V."), ("2", "Alpha B.V."), ("3", "Beta B.V.")]
    assert [(r["gegunde_waarde_cents"], r["aantal_winnaars"]) for r in db.query(
        "select * from summary_procurements")] == [(130000000, 2)]
    assert [r["gegunde_waarde_cents"] for r in db.query("select * from summary_region_years")] == [130000000]


def test_a_group_award_gives_the_same_totals_and_saved_search_figures_from_the_html_and_a_package(tmp_path):
    """Reference §2.3 (BT-13714: a tender for "the lot or the group of lots", GLO-…), §6.3 (``tender.lotGroups``), §8.8
    (do not double-count; a procedure read from either source). One award of the group GLO-0001 (lots 1 and 2) to
    Stichting Een for € 1.000.000, lot 3 to Stichting Drie for € 200.000, buyer Gemeente Leiden; SYNTHETIC rows and
    release. The /html gives a lot result per lot (LOT-0001 with the value, LOT-0002 the same winner without it), the
    package one award of lots "1, 2" (deliberately: rows differ). Counted as awards, the notice was 3 gunningen (Een 2,
    the largest share 66,7 %) and the package 2 (Een 1, 50 %): summary_procurements, the region years, a provider's
    awards, Jeugdregio's in cijfers, Marktbeeld, the winners per year, the values per year and the provider pages gave
    other figures for the same award. An award of several lots counts as the lot results it is, so every total and
    saved search gives the same figures from either source."""
    import re

    from pipelines.places import add_places
    from tenderarchive.awards.ocds import to_procedure
    from tenderarchive.datasette_plugin import register_functions
    from tenderarchive.derive import derive
    from tenderarchive.metadata import load_metadata
    from tests.fixtures.awards.make_fixtures import amount, group_award, h1, h2, h3, publication, release, supplier, table

    def result(lot, name, tender_lot, value):
        return [h2("6.1", "ID resultaat perceel", lot), only("Er is ten minste één winnaar gekozen."),
                h3("6.1.2 Informatie over winnaars"), only("Winnaar"), row("Officiële naam", name),
                only("Inschrijving"), row("Identificatiecode van het perceel of de groep percelen", tender_lot),
                amount("Waarde van de aanbesteding", value)]
    lots = [("1", "Ambulant"), ("2", "Verblijf"), ("3", "Crisis")]
    rows = [h1("1. Koper"), row("Officiële naam", "Gemeente Leiden"), h1("5. Perceel")]
    rows += [r for lot, title in lots for r in (h2("5.1", "Technische ID van het kavel", f"LOT-000{lot}"),
                                                row("Titel", title))]
    rows += [h1("6. Resultaten"), *result("LOT-0001", "Stichting Een", "GLO-0001", "1 000 000"),
             *result("LOT-0002", "Stichting Een", "GLO-0001", "1 000 000"),
             *result("LOT-0003", "Stichting Drie", "LOT-0003", "200 000")]
    made, html_rows = publication(310840, 310840, "AGO", "2021-11-01", "Jeugdhulp Leiden", "Jeugdhulp.",
                                  [("85311300-5", "Welzijnszorg voor kinderen en jongeren")], table(rows))
    for part in (made["list"], made["detail"]):
        part.update(aanbestedendeDienstNaam="Gemeente Leiden", opdrachtgeverNaam="Gemeente Leiden")
    html = open_archive(tmp_path / "html.db")
    html["crawls"].insert({"crawl_id": 1, "spider": "tenderned", "status": "running"}, pk="crawl_id")
    written = record(dict(made, html=html_rows))
    add_places(written)
    write_notice(html, written, 1)
    refresh_award_currency(html, 1)
    derive(html, 1)

    group = group_award("ocds-1l04xe-310840", "310840")
    ocds = ocds_archive(tmp_path / "ocds.db", to_procedure([group], source="one.json"))
    derive(ocds, 1)
    assert [r["lot_id"] for r in html.query("select lot_id from awards order by lot_id")] == ["1", "2", "3"]
    assert [r["lot_id"] for r in ocds.query("select lot_id from awards order by lot_id")] == ["1, 2", "3"]

    queries = load_metadata()["databases"]["archive"]["queries"]

    def saved(db, name, **params):
        sql = queries[name]["sql"]
        cursor = db.conn.execute(sql, {**{p: "" for p in re.findall(r"(?<!:):(\w+)", sql)}, **params})
        names = [c[0] for c in cursor.description]
        return [dict(zip(names, r)) for r in cursor]

    def figures(db):
        db.conn.commit()
        register_functions(db.conn)
        region = db.execute("select jeugdregio_code from procurements").fetchone()[0]
        een = db.execute("select organisation_id from award_suppliers where name = 'Stichting Een'").fetchone()[0]
        buyer = db.execute("select buyer_id from notices where buyer_id is not null").fetchone()[0]
        return {
            "region": region,
            "procurements": [(r["percelen"], r["gunningen"], r["aantal_winnaars"], r["winnaars"],
                              r["gegunde_waarde_cents"]) for r in db.query("select * from summary_procurements")],
            "region_years": [(r["jaar"], r["gunningen"], r["met_waarde"], r["gegunde_waarde_cents"], r["winnaars"],
                              r["grootste_won"]) for r in db.query("select * from summary_region_years")],
            "providers": sorted((r["name"], r["jeugdregio_code"], r["awards"], r["procedures"], r["cents"])
                                for r in db.query("select * from summary_org_regions")),
            "overzicht": [(r["aanbestedingen"], r["gunningen"], r["gegunde_waarde_cents"], r["winnaars"],
                           r["aandeel_grootste_pct"]) for r in saved(db, "jeugdregio_overzicht")
                          if r["jeugdregio_code"] == region],
            "marktbeeld": [(r["gunningen"], r["gegunde_waarde_cents"], r["winnaars"], r["grootste_aanbieder"],
                            r["gewonnen_door_grootste"], r["aandeel_grootste_pct"])
                           for r in saved(db, "marktbeeld", jeugdregio=region)],
            "per_jaar": [(r["jaar"], r["gunningen"], r["winnaars"], r["gegunde_waarde_cents"])
                         for r in saved(db, "jeugdregio_winnaars_per_jaar", jeugdregio=region)],
            "values": [(r["year"], r["awards"], r["awarded_value_cents"]) for r in saved(db, "values_per_year")],
            "aanbieders": sorted((r["aanbieder"], r["gunningen"], r["waarde_gunningen_cents"])
                                 for r in saved(db, "aanbieders")),
            "aanbieder_regios": [(r["gunningen"], r["waarde_cents"]) for r in saved(db, "aanbieder_regios",
                                                                                   aanbieder=een)],
            "opdrachtgever": [(r["percelen"], r["gunningen"], r["gegunde_waarde_cents"])
                              for r in saved(db, "opdrachtgever_aanbestedingen", opdrachtgever=buyer)],
            "aanbestedingen": [(r["percelen"], r["gunningen"], r["gegunde_waarde_cents"])
                               for r in saved(db, "jeugdregio_aanbestedingen", jeugdregio=region)]}

    from_html, from_package = figures(html), figures(ocds)
    assert from_html == from_package, (from_html, from_package)
    assert from_html["region"] == "JZ18"
    assert from_html["procurements"] == [(3, 3, 2, "Stichting Drie; Stichting Een", 120000000)]
    assert from_html["overzicht"] == [(1, 3, 120000000, 2, 66.7)]
    assert from_html["aanbieder_regios"] == [(2, 100000000)]
    # an archive summarised before (the package's award of lots "1, 2" one gunning) is summarised again when opened
    from tenderarchive.store.summaries import refresh_summaries
    ocds.execute("update summary_procurements set gunningen = 2")
    ocds.execute("PRAGMA user_version = 0")
    ocds.conn.commit()
    ocds.close()
    upgraded = open_archive(tmp_path / "ocds.db")
    refresh_summaries(upgraded)
    assert figures(upgraded) == from_html

    # read by a later crawl beside an award of the region and year summarised before (its rows folded in, not
    # recomputed): what a full rebuild gives
    from pipelines.awards import ocds_record
    from tenderarchive.items import OCDSProcedureItem
    from tenderarchive.store.writes import write_ocds_procedure
    earlier = release("ocds-1l04xe-310841", "310841", "2021-06-01", "Jeugdhulp Leiden ambulant", "85311300-5",
                      lots=[("1", "Ambulant")], parties=[supplier("11111111", "Stichting Een")],
                      awards=[{"id": "b1", "status": "active", "relatedLots": ["1"],
                               "value": {"amount": 50000, "currency": "EUR"},
                               "suppliers": [{"id": "11111111", "name": "Stichting Een"}]}])
    db = ocds_archive(tmp_path / "later.db", to_procedure([earlier], source="one.json"))
    derive(db, 1)
    db["crawls"].insert({"crawl_id": 2, "spider": "tenderned_ocds", "status": "running"}, pk="crawl_id")
    with db.conn:
        write_ocds_procedure(db, ocds_record(OCDSProcedureItem(procedure=to_procedure([group], source="two.json")),
                                             NOTICE_URL), 2)
    derive(db, 2)

    def keys(db):
        return (list(db.query("select * from summary_region_years order by jeugdregio_code, jaar")),
                list(db.query("select * from summary_org_regions order by organisation_id, jeugdregio_code")))
    folded = keys(db)
    assert [(r["gunningen"], r["grootste_won"]) for r in folded[0]] == [(4, 3)]
    db.execute("delete from summary_procurements")
    refresh_summaries(db)
    assert keys(db) == folded


def test_a_region_years_number_of_winners_counts_those_no_source_names_as_the_procurements_does(tmp_path):
    """Reference §2.5 "No name", §4 several winners per lot; ``summary_procurements.aantal_winnaars`` (round 57) counts
    the winners no source names, the most of any one lot. ``summary_region_years.winnaars`` counted the named ones
    only: the shared SYNTHETIC package (four named providers, a winner not named on lot 2 and one on lot 3) was 5
    winners for its procurement and 4 for its region and year. Both now count 5; a second procurement of that region
    and year, crawled later, with two winners not named on one lot, makes it the most of one lot, 2, beside the
    named providers of both: the incremental step gives what a full rebuild gives."""
    from tenderarchive.awards.ocds import to_procedure
    from tenderarchive.derive import derive
    from tenderarchive.store.summaries import refresh_summaries
    from tenderarchive.store.writes import write_ocds_procedure
    from pipelines.awards import ocds_record
    from tenderarchive.items import OCDSProcedureItem

    def region_years(db):
        return [(r["jeugdregio_code"], r["jaar"], r["winnaars"]) for r in db.query(
            "select * from summary_region_years where gunningen > 0 order by jeugdregio_code, jaar")]

    db = ocds_archive(tmp_path / "one.db", to_procedure(
        [named_unnamed_and_joint_winners("ocds-1l04xe-313970", "299870")], source="one.json"))
    derive(db, 1)
    assert [r["aantal_winnaars"] for r in db.query("select * from summary_procurements")] == [5]
    ((code, year, winners),) = region_years(db)
    assert winners == 5

    second = named_unnamed_and_joint_winners("ocds-1l04xe-313971", "299871")
    second["awards"] = [a for a in second["awards"] if a["id"] in ("a1", "a5")] + [
        {"id": "a6", "status": "active", "relatedLots": ["3"], "value": {"amount": 25000, "currency": "EUR"}}]
    db["crawls"].insert({"crawl_id": 2, "spider": "tenderned_ocds", "status": "running"}, pk="crawl_id")
    with db.conn:
        write_ocds_procedure(db, ocds_record(OCDSProcedureItem(procedure=to_procedure([second], source="two.json")),
                                             NOTICE_URL), 2)
    derive(db, 2)
    assert sorted(r["aantal_winnaars"] for r in db.query("select * from summary_procurements")) == [3, 5]
    assert region_years(db) == [(code, year, 4 + 2)]
    db.execute("delete from summary_procurements")
    refresh_summaries(db)
    assert region_years(db) == [(code, year, 6)]
    # an archive summarised before (the named winners counted only) is summarised again when opened
    db.execute("update summary_region_years set winnaars = 4")
    db.execute("PRAGMA user_version = 0")
    db.conn.commit()
    db.close()
    upgraded = open_archive(tmp_path / "one.db")
    refresh_summaries(upgraded)
    assert region_years(upgraded) == [(code, year, 6)]


def test_the_region_lot_listing_shows_each_lot_of_a_group_award_awarded_by_it_its_value_once(tmp_path):
    """Reference §2.3 (BT-13714: a tender for "the lot or the group of lots"), §6.3 (``tender.lotGroups``), §8.5 (one
    row per lot, with its status; a shared value for groups). SYNTHETIC package (make_fixtures.group_award): group
    GLO-0001 of lots 1 and 2 awarded as one to Stichting Een for € 1.000.000, lot 3 to Stichting Drie for € 200.000.
    The per-lot listing behind ``jeugdregio_percelen`` showed lots 1 and 2 without a winner, value or date, and a row
    "1, 2" of the award: read per lot, lots 1 and 2 were unawarded. Each lot of the group is listed as awarded by the
    group's award (its winner and date), the value once, on lot 1, lot 2 marked as sharing it: the listed values add up
    to the procedure's total, and no row of lots "1, 2" besides."""
    import re

    from tenderarchive.awards.ocds import to_procedure
    from tenderarchive.datasette_plugin import register_functions
    from tenderarchive.derive import derive
    from tenderarchive.metadata import load_metadata
    from tests.fixtures.awards.make_fixtures import group_award

    db = ocds_archive(tmp_path / "ocds.db", to_procedure([group_award("ocds-1l04xe-310850", "310850")],
                                                         source="one.json"))
    derive(db, 1)
    db.conn.commit()
    register_functions(db.conn)
    region = db.execute("select jeugdregio_code from procurements").fetchone()[0]
    assert region is not None
    sql = load_metadata()["databases"]["archive"]["queries"]["jeugdregio_percelen"]["sql"]
    cursor = db.conn.execute(sql, {**{p: "" for p in re.findall(r"(?<!:):(\w+)", sql)}, "jeugdregio": region})
    names = [c[0] for c in cursor.description]
    listed = sorted((r["perceel"], r["gegund"], r["winnaars"], r["waarde"], r["waarde_cents"], r["gegund_op"] is not None)
                    for r in (dict(zip(names, row)) for row in cursor))
    assert listed == [("1", 1, "Stichting Een", "€ 1.000.000,00", 100000000, True),
                      ("2", 1, "Stichting Een", "gedeeld: zie perceel 1 (percelen 1, 2 samen)", None, True),
                      ("3", 1, "Stichting Drie", "€ 200.000,00", 20000000, True)]
    total = db.execute("select gegunde_waarde_cents from summary_procurements").fetchone()[0]
    assert sum(row[4] or 0 for row in listed) == total
    # an archive summarised before (the row of lots "1, 2" beside lots 1 and 2 without an award) is summarised again
    # when opened
    from tenderarchive.store.summaries import refresh_summaries
    db.execute("delete from summary_region_lots where lot_id in ('1', '2')")
    db.execute("insert into summary_region_lots select jeugdregio_code, procurement_id, '1, 2', null, 1, award_id, "
               "gegund_op, gegund_order from summary_region_lots where lot_id = '3'")
    db.execute("PRAGMA user_version = 0")
    db.conn.commit()
    db.close()
    upgraded = open_archive(tmp_path / "ocds.db")
    refresh_summaries(upgraded)
    assert sorted(r["lot_id"] for r in upgraded.query("select lot_id from summary_region_lots")) == ["1", "2", "3"]


def test_an_update_of_one_lots_award_leaves_the_same_award_ids_other_lot_in_force_in_one_file_as_in_two(tmp_path):
    """Reference §6.1/§6.3 (one ocid in two yearly files, "merge them"), §4 "Rectified award". SYNTHETIC per-row releases
    of publication 310836 (2021): award id a1 of Stichting Een on lot 1 for € 1.000.000 and on lot 2 for € 400.000
    (values of their own: an award of each lot); publication 310837 (2022, tag awardUpdate) values a1 on lot 1 at
    € 1.100.000. Read from two yearly files, in either order, lot 1's award is € 1.100.000 and lot 2's stays € 400.000
    (€ 1.500.000). Read from one file holding both, the award id's latest publication replaced every lot's award of
    the id: lot 2's award (and its value) was gone, or, taking the latest by where the id first appeared, lot 1's
    correction was."""
    from tenderarchive.awards.ocds import to_procedure
    from tenderarchive.derive import derive
    from tests.fixtures.awards.make_fixtures import release, supplier

    def award(lot, amount_):
        return {"id": "a1", "status": "active", "relatedLots": [lot], "value": {"amount": amount_, "currency": "EUR"},
                "suppliers": [{"id": "11111111", "name": "Stichting Een"}]}
    rows = [release("ocds-1l04xe-310836", f"310836-r{n}", "2021-11-01", "Jeugdhulp Leiden", "85311300-5",
                    lots=[("1", "Ambulant"), ("2", "Verblijf")], parties=[supplier("11111111", "Stichting Een")],
                    awards=[award(lot, value)]) for n, (lot, value) in enumerate([("1", 1000000), ("2", 400000)])]
    update = {"ocid": "ocds-1l04xe-310836", "id": "310837", "date": "2022-02-01T00:00:00Z", "tag": ["awardUpdate"],
              "awards": [{"id": "a1", "value": {"amount": 1100000, "currency": "EUR"}, "relatedLots": ["1"]}]}

    def state(db):
        derive(db, 1)
        return (sorted((r["lot_id"], r["value_cents"], r["name"]) for r in db.query(
                    "select a.lot_id, a.value_cents, s.name from awards a join award_suppliers s using (award_id) "
                    "where a.current = 1")),
                [(r["gunningen"], r["gegunde_waarde_cents"]) for r in db.query("select * from summary_procurements")])

    expected = ([("1", 110000000, "Stichting Een"), ("2", 40000000, "Stichting Een")], [(2, 150000000)])
    for db in written_in_either_order(tmp_path, yearly_files(rows, [update])):
        assert state(db) == expected
    assert state(ocds_archive(tmp_path / "one.db", to_procedure(rows + [update], source="one.json"))) == expected


def test_a_packages_contract_period_given_as_a_length_alone_is_archived_without_an_invented_end(tmp_path):
    """Reference §6.3: the converter gives the contract's period as ``tender.contractPeriod.durationInDays`` (1095),
    from the Excel's "Termijn voltooiing opdracht" in "N Maanden"/"N Jaren" (tenderned-api.md §9); an award may give
    its own ``contractPeriod``. Neither was read: a procedure known only from a package lost its contract's length.
    Now the notices keep the length (``duration_days``) and the dates where given (``start_date``, ``end_date``, as
    the API's aanvang/voltooiing), no end date counted from a length; an award keeps its own period, never the
    procedure's copied onto it. SYNTHETIC releases."""
    from pipelines.awards import ocds_record
    from tenderarchive.awards.ocds import to_procedure
    from tenderarchive.items import OCDSProcedureItem
    from tenderarchive.store.writes import write_ocds_procedure
    from tests.fixtures.awards.make_fixtures import release, supplier

    tender = release("ocds-1l04xe-313710", "299710", "2021-03-01", "Jeugdhulp Leiden", "85311300-5",
                     lots=[("1", "Ambulant"), ("2", "Verblijf")], tag=("tender",))
    tender["tender"]["contractPeriod"] = {"durationInDays": 1095}
    award = release("ocds-1l04xe-313710", "299711", "2021-06-01", "Jeugdhulp Leiden", "85311300-5",
                    lots=[("1", "Ambulant"), ("2", "Verblijf")],
                    parties=[supplier("11111111", "Stichting Een"), supplier("22222222", "Stichting Twee")],
                    awards=[{"id": "a1", "status": "active", "relatedLots": ["1"],
                             "suppliers": [{"id": "11111111", "name": "Stichting Een"}],
                             "contractPeriod": {"startDate": "2021-07-01T00:00:00Z", "endDate": "2024-06-30T00:00:00Z"}},
                            {"id": "a2", "status": "active", "relatedLots": ["2"],
                             "suppliers": [{"id": "22222222", "name": "Stichting Twee"}],
                             "contractPeriod": {"durationInDays": "730"}}])
    award["tender"]["contractPeriod"] = {"durationInDays": 1095}
    item = OCDSProcedureItem(procedure=to_procedure([tender, award], source="Dataset_Tenderned-2021-01-01-2021-12-31.json"))
    db = open_archive(tmp_path / "archive.db")
    with db.conn:
        write_ocds_procedure(db, ocds_record(item, NOTICE_URL), 1)
    assert [tuple(r.values()) for r in db.query(
        "select publication_id, start_date, end_date, duration_days from notices order by publication_id")] == [
        (299710, None, None, 1095), (299711, None, None, 1095)]
    assert [tuple(r.values()) for r in db.query(
        "select lot_id, contract_start, contract_end, duration_days from awards order by lot_id")] == [
        ("1", "2021-07-01", "2024-06-30", None), ("2", None, None, 730)]


def test_a_lot_value_a_rendering_leaves_out_and_gives_again_is_no_change(tmp_path):
    """Award notice 300377's ``/html`` read again (its type changed, it moved, a retry) without its first lot's
    estimated value: the archived estimate is kept (``lots.keep_omitted``) and the lot's ``omitted_columns`` names
    it, but no value a reader sees changed: no version of the lot, the notice not "updated" (each was, a change in
    every new-or-changed report, as for the notice's own ``omitted_columns``: schema ``origin``). Given again: the
    same. SYNTHETIC snapshot notice."""
    award = next(p for p in load_publications() if p["detail"]["publicatieId"] == 300377)
    db = archive(tmp_path, [award], "lots")
    [before] = [r for r in db.query("select * from lots where source_lot_id = 'LOT-0001'")]
    assert before["estimated_cents"] == 1_200_000_000 and before["omitted_columns"] is None
    estimate = ('<tr><td><span class="label">Geraamde waarde exclusief btw</span><span class="text">: </span></td>'
                '<td><span class="value">12 000 000</span><span class="text"> </span>'
                '<span class="dynamic-label">Euro</span></td></tr>')
    sparse = copy.deepcopy(award)
    assert sparse["html"].count(estimate) == 1
    sparse["html"] = sparse["html"].replace(estimate, "")
    assert write_notice(db, record(sparse), 2) == "unchanged"
    key = (before["procurement_id"], before["lot_id"])
    row = db["lots"].get(key)
    assert row["estimated_cents"] == 1_200_000_000
    assert {"estimated_cents", "estimated_raw"} <= set(json.loads(row["omitted_columns"]))
    assert db["versions"].count == 0
    assert write_notice(db, record(award), 3) == "unchanged"
    assert db["lots"].get(key) == before and db["versions"].count == 0


def test_a_lots_own_contract_period_is_archived_on_the_lot_and_the_procedures_is_not_copied_onto_it(tmp_path):
    """The converter declares the lots extension (reference §6.2), whose ``tender.lots[].contractPeriod`` is a lot's
    own period (per perceel): it was not read, so a procedure known only from a package lost each lot's length and
    dates. Now ``lots.contract_start``/``contract_end``/``duration_days`` keep it as given (the latest publication's,
    OCDS merging); a lot giving none stays NULL (never the procedure's ``tender.contractPeriod``, which is on the
    notices), an odd value is left out with the release kept, and a later yearly file whose lots leave the period out
    keeps the earlier file's, read in either order. SYNTHETIC releases."""
    from tests.fixtures.awards.make_fixtures import release, supplier

    lots = [("1", "Ambulant"), ("2", "Verblijf"), ("3", "Crisis")]
    tender = release("ocds-1l04xe-313720", "299720", "2021-03-01", "Jeugdhulp Leiden", "85311300-5",
                     lots=lots, tag=("tender",))
    tender["tender"]["contractPeriod"] = {"durationInDays": 1095}
    periods = {"1": {"startDate": "2021-07-01T00:00:00Z", "endDate": "2024-06-30T00:00:00Z"},
               "2": {"durationInDays": 730}, "3": {"durationInDays": "drie jaar"}}
    for lot in tender["tender"]["lots"]:
        lot["contractPeriod"] = periods[lot["id"]]
    # a later amendment of lot 2's period (the compiled release gives the latest publication's)
    amended = copy.deepcopy(tender)
    amended.update(id="299721", date="2021-04-01T00:00:00Z", tag=["tenderAmendment"])
    amended["tender"]["lots"][1]["contractPeriod"] = {"durationInDays": 1461}
    award = release("ocds-1l04xe-313720", "299722", "2022-02-01", "Jeugdhulp Leiden", "85311300-5", lots=lots,
                    parties=[supplier("11111111", "Stichting Een")],
                    awards=[{"id": "a1", "status": "active", "relatedLots": ["1"],
                             "suppliers": [{"id": "11111111", "name": "Stichting Een"}]}])
    expected = [("1", "2021-07-01", "2024-06-30", None), ("2", None, None, 1461), ("3", None, None, None)]

    def state(db):
        return [tuple(r.values()) for r in db.query(
            "select lot_id, contract_start, contract_end, duration_days from lots order by lot_id")]

    from tenderarchive.awards.ocds import to_procedure
    assert state(ocds_archive(tmp_path / "one.db", to_procedure([tender, amended, award], source="one.json"))) \
        == expected
    for db in written_in_either_order(tmp_path, yearly_files([tender, amended], [award])):
        assert state(db) == expected


@pytest.mark.parametrize("layout", ["eforms", "pdf"])
def test_a_winners_own_value_printed_including_vat_is_stored_with_its_vat_basis(tmp_path, layout):
    """Reference §2.3 (BT-720 "Waarde van de aanbesteding", the winner's tender; the forms' values exclusive of VAT)
    and §4 (several winners on one lot, each with a value of its own: the award has none). Round 66 read "incl. btw"
    next to an award's own value (awards.value_has_tax); a lot without one whose winners each printed their own value
    "incl. btw" stored those values with nothing said, counted as exclusive. Now
    ``award_suppliers.tender_value_has_tax`` keeps each winner's basis (amounts.vat_basis: "incl. btw", "inclusief
    omzetbelasting" 1; "exclusief BTW" 0; unsaid NULL), from the /html and from the PDF. SYNTHETIC rendering."""
    from tests.fixtures.awards.make_fixtures import h1, h2, h3, only, publication, row, table, winner

    winners = [("Alpha B.V.", "400 000 incl. btw"), ("Beta B.V.", "300 000 inclusief omzetbelasting"),
               ("Gamma B.V.", "200 000 exclusief BTW"), ("Delta B.V.", "100 000")]
    if layout == "pdf":
        from tenderarchive.awards.pdf import parse_pdf
        from tests.fixtures.awards.pdf_writer import text_pdf
        lines = ["1. Koper", "Officiële naam: Gemeente Voorbeeldstad", "6. Resultaten",
                 "6.1 ID resultaat perceel: LOT-0001", "6.1.2 Informatie over winnaars"]
        for name, value in winners:
            lines += ["Winnaar:", f"Officiële naam: {name}", "Inschrijving:",
                      f"Waarde van de aanbesteding: {value} Euro"]
        parsed = parse_pdf(text_pdf([lines]))
        assert [(s["name"], s["tender_value_cents"], s["tender_value_has_tax"]) for s in parsed["suppliers"]] == [
            ("Alpha B.V.", 40000000, 1), ("Beta B.V.", 30000000, 1), ("Gamma B.V.", 20000000, 0),
            ("Delta B.V.", 10000000, None)], parsed["suppliers"]
        return
    rows = [h1("1. Koper"), row("Officiële naam", "Gemeente Voorbeeldstad"), h1("6. Resultaten"),
            h2("6.1", "ID resultaat perceel", "LOT-0001"), only("Er is ten minste één winnaar gekozen."),
            h3("6.1.2 Informatie over winnaars")]
    for name, value in winners:
        rows += winner(name, "LOT-0001", value)
    youth = [("85311300-5", "Welzijnszorg voor kinderen en jongeren")]
    made = publication(900911, 900019, "AGO", "2026-05-14", "Jeugdhulp Regio Voorbeeld", "Jeugdhulp.", youth,
                       table(rows))
    db = archive(tmp_path, [dict(made[0], html=made[1])], "winner_vat")
    assert [(r["value_cents"], r["value_has_tax"]) for r in db.query("select * from awards")] == [(None, None)]
    assert [(r["name"], r["tender_value_cents"], r["tender_value_has_tax"]) for r in db.query(
        "select * from award_suppliers order by tender_value_cents desc")] == [
        ("Alpha B.V.", 40000000, 1), ("Beta B.V.", 30000000, 1), ("Gamma B.V.", 20000000, 0),
        ("Delta B.V.", 10000000, None)]
    # the totals are exclusive of VAT: the winners' values including it are left out of them (and of each provider's
    # own total) and said apart, as an award's own value including VAT is; they were added as if exclusive (€ 1.000.000)
    from tenderarchive.derive import derive
    derive(db, 1)
    db.execute("update procurements set youth_care = 1")
    db.conn.commit()
    derive(db, 1, full=True)
    assert db.execute("select gegunde_waarde_cents, waarde_incl_btw_cents from summary_procurements").fetchall() == [
        (30000000, 70000000)]
    assert sorted(db.execute("select name, value_cents from summary_award_winners").fetchall()) == [
        ("Alpha B.V.", None), ("Beta B.V.", None), ("Delta B.V.", 10000000), ("Gamma B.V.", 20000000)]


def test_a_winners_own_ocds_value_keeps_its_vat_basis_in_one_file_and_across_two(tmp_path):
    """Reference §6.3 (``hasTax``; one ocid in several yearly files, "merge them") and §4 (several winners on one lot,
    each with a value of its own): a1 (Stichting Een) at € 1.000.000 with ``"hasTax": true``, a2 (Stichting Twee)
    valued at € 500.000 by a later awardUpdate. The lot's award has no value of its own; each winner's row keeps its
    value's VAT basis (``award_suppliers.tender_value_has_tax``: Een 1, Twee unsaid NULL), in one file and across two
    files in either order; it was stored nowhere, Een's value counted as exclusive. SYNTHETIC releases."""
    from tenderarchive.awards.ocds import to_procedure

    awarded, update = two_winners_and_an_update("96")
    awarded["awards"][0]["value"]["hasTax"] = True
    expected = [("Stichting Een", 100000000, 1), ("Stichting Twee", 50000000, None)]

    def winners(db):
        return [(r["name"], r["tender_value_cents"], r["tender_value_has_tax"]) for r in db.query(
            "select s.* from award_suppliers s join awards a using (award_id) where a.current = 1 order by s.name")]
    assert winners(ocds_archive(tmp_path / "one.db", to_procedure([awarded, update], source="one.json"))) == expected
    seen = [winners(db) for db in written_in_either_order(tmp_path, yearly_files([awarded], [update]))]
    assert seen == [expected] * 2, seen
    # a later file's update of a1 stating its new value exclusive of VAT ({"amount": 1100000, "hasTax": false}): Een's
    # row takes its basis with the value (0), as one file merging both gives it; it was left unsaid (NULL)
    awarded["awards"][1]["value"] = {"amount": 500000, "currency": "EUR"}
    update["awards"] = [{"id": "a1", "value": {"amount": 1100000, "currency": "EUR", "hasTax": False},
                         "relatedLots": ["1"]}]
    expected = [("Stichting Een", 110000000, 0), ("Stichting Twee", 50000000, None)]
    assert winners(ocds_archive(tmp_path / "update.db", to_procedure([awarded, update], source="one.json"))) == expected
    seen = [winners(db) for db in written_in_either_order(tmp_path / "update", yearly_files([awarded], [update]))]
    assert seen == [expected] * 2, seen


def test_an_older_archives_award_sentences_take_the_current_wording_at_the_next_derivation(procedure_900001, tmp_path):
    """An archive written before the timeline said "incl. btw" (round 68) or gave a value as printed (a non-euro value,
    round 68; a range or a rate, round 69) kept its award sentences' old wording: the derivation re-derives only the
    procurements a crawl touched, and opening it only fills ``awards.value_has_tax`` (schema.migrate_winner_vat_basis,
    no crawl_id), so its timeline said "voor € 1.250.000,00" beside saved searches saying "incl. btw" until a reparse.
    Now opening it (schema.migrate_award_wording, once: its query is part of the schema fingerprint) brings such
    sentences to the current wording (derive.reword_stale_awards), and a derivation after it has nothing to do.
    SYNTHETIC change of archived rows."""
    db = archive(tmp_path, procedure_900001, "older")

    def sentences(award_id):
        return [r[0] for r in db.execute("select sentence from events where source_type = 'award' and source_id = ? "
                                         "order by date", [award_id])]
    taxed, ranged, rate = "TN900001/900103/LOT-0001", "TN900001/900103/LOT-0002", "TN900001/900103/LOT-0004"
    assert all(s.endswith("€ 1.250.000,00") for s in sentences(taxed))
    old = sentences(ranged)
    # as an older archive holds them: the VAT basis filled on opening, a range read as no value by the older timeline
    db.execute("update awards set value_has_tax = 1 where award_id = ?", [taxed])
    db.execute("update awards set value_cents = null, value_raw = 'tussen € 1 en € 2 miljoen', value_low_cents = "
               "100000000, value_high_cents = 200000000 where award_id = ?", [ranged])
    # a rate under € 1.000 is flagged a placeholder, and still said (a placeholder "1,00" is not: left alone)
    db.execute("update awards set value_cents = null, value_raw = '€ 85 per uur', value_placeholder = 1 "
               "where award_id = ?", [rate])
    # the next crawl opens it: an archive last migrated by an older schema (another fingerprint) runs the migrations
    db.execute("PRAGMA user_version = 0")
    ensure_schema(db)
    assert sentences(taxed) and all(s.endswith("€ 1.250.000,00 incl. btw") for s in sentences(taxed))
    assert sentences(ranged) and all(s.endswith(" voor een bedrag tussen € 1 en € 2 miljoen") for s in sentences(ranged)), old
    assert sentences(rate) and all(s.endswith(" tegen € 85 per uur") for s in sentences(rate))
    assert reword_stale_awards(db) == 0
    db["crawls"].insert({"crawl_id": 3, "spider": "tenderned", "status": "running"}, pk="crawl_id")
    assert refresh_award_currency(db, 3) == 0


def test_an_older_archives_range_rate_and_bounded_award_sentences_take_the_dutch_wording_once(procedure_900001,
                                                                                               tmp_path):
    """Round 69's timeline worded a range "gegund aan … voor tussen € 1 en € 2 miljoen" and a rate "voor € 85 per uur",
    and every timeline a value published "maximaal € 2 miljoen" as "voor € 2.000.000,00"; such sentences hold the
    printed text (or a euro value), so opening the archive (schema.migrate_award_wording) left them. Now opening it
    once gives them the current wording ("voor een bedrag tussen …", "tegen € 85 per uur", "voor maximaal
    € 2.000.000,00"; timeline.value_words), and a second pass has nothing to do. SYNTHETIC change of archived rows."""
    db = archive(tmp_path, procedure_900001, "round69")

    def sentences(award_id):
        return [r[0] for r in db.execute("select sentence from events where source_type = 'award' and source_id = ? "
                                         "order by date", [award_id])]
    bounded, ranged, rate = "TN900001/900103/LOT-0001", "TN900001/900103/LOT-0002", "TN900001/900103/LOT-0004"
    db.execute("update awards set value_cents = 200000000, value_raw = 'Maximaal € 2 miljoen', value_has_tax = null "
               "where award_id = ?", [bounded])
    db.execute("update awards set value_cents = null, value_raw = 'tussen € 1 en € 2 miljoen', value_low_cents = "
               "100000000, value_high_cents = 200000000 where award_id = ?", [ranged])
    db.execute("update awards set value_cents = null, value_raw = '€ 85 per uur', value_placeholder = 1 "
               "where award_id = ?", [rate])
    # the sentences as the older timelines wrote them: the value after "voor", as printed or in euro
    for award_id, old in ((bounded, "€ 2.000.000,00"), (ranged, "tussen € 1 en € 2 miljoen"), (rate, "€ 85 per uur")):
        assert sentences(award_id), award_id
        db.execute("update events set sentence = substr(sentence, 1, instr(sentence, ' aan ') - 1) || "
                   "' aan Winnaar B.V. voor ' || ? where source_type = 'award' and source_id = ?", [old, award_id])
    db.execute("PRAGMA user_version = 0")
    ensure_schema(db)
    assert all(s.endswith(" voor maximaal € 2.000.000,00") for s in sentences(bounded)), sentences(bounded)
    assert all(s.endswith(" voor een bedrag tussen € 1 en € 2 miljoen") for s in sentences(ranged)), sentences(ranged)
    assert all(s.endswith(" tegen € 85 per uur") for s in sentences(rate)), sentences(rate)
    assert reword_stale_awards(db) == 0


def test_an_older_archives_award_sentences_name_the_winners_no_source_names_once_opened(procedure_900001, tmp_path):
    """Reference §2.5 "No name": an archive whose timeline said "gegund aan Stichting Jeugdhulp Noord" of a lot won also
    by a winner no source names (awards.unnamed_winners, which the feeds say "niet genoemd") keeps that sentence until
    a reparse; opening it (schema.migrate_award_wording, once) gives the current wording, "…, niet genoemd (2
    winnaars)", and a second pass has nothing to do. SYNTHETIC change of archived rows."""
    db = archive(tmp_path, procedure_900001, "unnamed")
    award = "TN900001/900103/LOT-0001"
    db.execute("update awards set unnamed_winners = 2 where award_id = ?", [award])
    old = [r[0] for r in db.execute("select sentence from events where source_type = 'award' and source_id = ?",
                                    [award])]
    assert old and not any("niet genoemd" in s for s in old)
    db.execute("PRAGMA user_version = 0")
    ensure_schema(db)
    new = [r[0] for r in db.execute("select sentence from events where source_type = 'award' and source_id = ?",
                                    [award])]
    assert new and all(", niet genoemd (2 winnaars) voor " in s for s in new), new
    assert reword_stale_awards(db) == 0


def test_a_derivation_and_an_open_at_the_current_schema_do_not_scan_every_award_for_its_wording(procedure_900001,
                                                                                              tmp_path):
    """Issue 14: the check for award sentences an older timeline worded (derive.STALE_WORDING_SQL, a scan of every
    current award: 0.076 s per 20,000) ran at every derivation, so each crawl's fixed cost grew with the archive. It
    runs once per archive, when opening migrates it (schema.migrate_award_wording); neither an open at the current
    schema fingerprint nor a crawl's derivation runs it. (The statements run, traced on the real SQLite connection.)"""
    db = archive(tmp_path, procedure_900001, "current")
    statements = []
    db.conn.set_trace_callback(statements.append)
    try:
        ensure_schema(db)
        db["crawls"].insert({"crawl_id": 2, "spider": "tenderned", "status": "running"}, pk="crawl_id")
        derive(db, 2)
    finally:
        db.conn.set_trace_callback(None)
    assert statements and any("from awards" in s for s in statements)  # the derivation did run
    assert not [s for s in statements if STALE_WORDING_SQL.splitlines()[1] in s]
    # an archive last migrated by another schema runs it on opening, once
    db.execute("PRAGMA user_version = 0")
    db.conn.set_trace_callback(statements.append)
    try:
        ensure_schema(db)
    finally:
        db.conn.set_trace_callback(None)
    assert [s for s in statements if STALE_WORDING_SQL.splitlines()[1] in s]


def test_a_winner_named_by_id_alone_gets_the_street_of_the_party_another_file_gives_in_either_order(tmp_path):
    """Reference §6.3 (a supplier party's ``address`` with ``streetAddress``; one ocid in several yearly files): a
    winner the 2022 file names by its id alone takes its name, place and postcode from the 2021 file's party
    (``ocds_parties``); its street, kept for a winner named with its party (``award_suppliers.street``), was not kept
    with the party, so the same winner had one read from one file and none read through the other.
    SYNTHETIC releases."""
    from tests.fixtures.awards.make_fixtures import release, supplier

    party = supplier("11111111", "Stichting Een")
    party["address"].update(streetAddress="Breestraat 1", postalCode="2311 AA")
    proposed = release("ocds-1l04xe-313932", "299832", "2021-11-01", "Jeugdhulp Leiden", "85311300-5",
                       lots=[("1", "Ambulant")], parties=[party],
                       awards=[{"id": "a1", "status": "pending", "suppliers": [{"id": "11111111", "name": "Stichting Een"}],
                                "relatedLots": ["1"]}])
    in_force = {"ocid": "ocds-1l04xe-313932", "id": "299932", "date": "2022-02-01T00:00:00Z", "tag": ["awardUpdate"],
                "awards": [{"id": "a1", "status": "active", "value": {"amount": 1000000, "currency": "EUR"},
                            "suppliers": [{"id": "11111111"}], "relatedLots": ["1"]}]}
    files = yearly_files([proposed], [in_force])
    seen = [[(r["name"], r["street"], r["postcode"]) for r in db.query("select * from award_suppliers")]
            for db in written_in_either_order(tmp_path, files)]
    assert seen[0] == seen[1] == [("Stichting Een", "Breestraat 1", "2311 AA")], seen


def test_a_winners_nuts_code_is_archived_with_its_row(procedure_900001, tmp_path):
    """Reference §3.1 (V.2.3 "NUTS-code:") and eForms BT-507 "Onderverdeling land (NUTS)" in a winner's block: the
    winner's region, read from the notice, reaches ``award_suppliers.nuts`` (the archive kept its street, place and
    postcode, not its region). SYNTHETIC: the fixture's award notices with the row added to one winner's block."""
    name = '<span class="value">Stichting Jeugdhulp Noord</span></td></tr>'
    publications = [dict(p, html=p["html"].replace(name, name + row("Onderverdeling land (NUTS)", "NL113"), 1))
                    if p["html"] else p for p in procedure_900001]
    db = archive(tmp_path, publications, "nuts")
    found = {(r["name"], r["nuts"]) for r in db.query("select name, nuts from award_suppliers")}
    assert ("Stichting Jeugdhulp Noord", "NL113") in found, found
    assert "nuts" in [c.name for c in db["award_suppliers"].columns]
