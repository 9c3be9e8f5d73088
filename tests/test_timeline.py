"""What a notice puts on its procurement's timeline: the stage ids of docs/reference/stages.md,
from the notice type (docs/reference/tenderned-api.md §7.1), its form type (§8.4) and its flags."""

import pytest

from tenderarchive.datasette_plugin import AMSTERDAM
from tenderarchive.derive import derive
from tenderarchive.store.writes import open_archive, write_notice
from tenderarchive.timeline import notice_events
from tests.store.test_writes import notice_record

STAGES_SQL = ("select e.stage from events e where e.procurement_id = 'TN100' and coalesce(e.stage, '') != '' "
              "and e.date <= date('now') order by e.date desc, e.event_id desc limit 1")


def notice(**values) -> dict:
    row = dict(notice_record(9, deadline=None, **values)["notice"])
    row.setdefault("form_type", None)
    return row


def publication(row: dict) -> tuple:
    [event] = [e for e in notice_events(row) if e["date"] == row["published"] and e["kind"] not in
               ("inschrijf_deadline", "reply_deadline", "contract_start")]
    return event["kind"], event["stage"]


@pytest.fixture
def db(tmp_path):
    db = open_archive(tmp_path / "archive.db")
    db["crawls"].insert({"crawl_id": 1, "spider": "tenderned", "status": "running"}, pk="crawl_id")
    write_notice(db, notice_record(7, published="2025-01-05", deadline="2025-02-01T12:00:00",
                                   form_type="competition"), 1)
    write_notice(db, notice_record(8, notice_type="AGO", notice_type_label="Aankondiging gegunde opdracht",
                                   published="2025-04-10", deadline=None, form_type="result"), 1)
    return db


@pytest.mark.parametrize("form_type, stage", [
    ("competition", "aankondiging"), ("result", "definitieve_gunning"), ("planning", "vooraankondiging"),
    ("consultation", "marktconsultatie"), ("cont-modif", "verlenging"), (None, "aankondiging")])
def test_a_rectification_is_at_the_stage_of_the_notice_it_corrects(form_type, stage):
    assert publication(notice(notice_type="REC", notice_type_label="Rectificatie", form_type=form_type)) == \
        ("rectification", stage)


def test_a_rectified_award_does_not_send_the_procurement_back_to_the_tender(db):
    write_notice(db, notice_record(10, notice_type="REC", notice_type_label="Rectificatie", published="2025-05-02",
                                   deadline=None, form_type="result"), 1)
    derive(db, 1)
    assert db.execute(STAGES_SQL).fetchone()[0] == "definitieve_gunning"


@pytest.mark.parametrize("form_type, event", [
    ("result", ("award", "definitieve_gunning")), (None, ("award", "definitieve_gunning")),
    ("dir-awa-pre", ("provisional_award", "voorlopige_gunning")), ("cont-modif", ("modification", "verlenging"))])
def test_an_award_notice_that_is_a_veat_or_a_modification_says_so(form_type, event):
    assert publication(notice(notice_type="AGO", notice_type_label="Aankondiging gegunde opdracht",
                              form_type=form_type)) == event


def test_a_veat_puts_the_procurement_at_the_intention_to_award(tmp_path):
    db = open_archive(tmp_path / "archive.db")
    db["crawls"].insert({"crawl_id": 1, "spider": "tenderned", "status": "running"}, pk="crawl_id")
    write_notice(db, notice_record(8, notice_type="AGO", notice_type_label="Aankondiging gegunde opdracht",
                                   published="2025-04-10", deadline=None, form_type="dir-awa-pre",
                                   award_only=1), 1)
    derive(db, 1)
    assert db.execute(STAGES_SQL).fetchone()[0] == "voorlopige_gunning"
    assert db["procurements"].get("TN100")["is_awarded"] == 0  # until TenderNed marks it awarded (isGegund)


@pytest.mark.parametrize("notice_type, form_type", [("AGO", "result"), ("AGO", None), ("REC", "result")])
def test_an_award_notice_flagged_as_ended_early_is_a_cancellation(notice_type, form_type):
    assert publication(notice(notice_type=notice_type, notice_type_label="x", form_type=form_type,
                              is_cancelled=1)) == ("cancellation", "mislukt")


def test_a_contract_notice_flagged_as_ended_early_keeps_its_own_date_and_stage():
    """The flag on a contract notice says the procedure ended, not when: its publication stays
    ``aankondiging`` (no undated cancellation is invented)."""
    assert publication(notice(form_type="competition", is_cancelled=1)) == ("tender_publication", "aankondiging")


def test_a_procedure_ended_by_a_flagged_award_notice_is_mislukt(db):
    write_notice(db, notice_record(8, notice_type="AGO", notice_type_label="Aankondiging gegunde opdracht",
                                   published="2025-04-10", deadline=None, form_type="result", is_cancelled=1), 1)
    derive(db, 1)
    assert db.execute(STAGES_SQL).fetchone()[0] == "mislukt"
    assert db["procurements"].get("TN100")["is_awarded"] == 0


def test_the_dashboard_counts_notices_by_the_stage_ids_their_timeline_shows(tmp_path):
    """An archive without news: the stages chart falls back to the notices, each at the stage id its
    publication has on the timeline (docs/reference/stages.md), the legend in that list's order."""
    import re
    import sqlite3

    from tenderarchive import datasette_plugin
    from tenderarchive.analysis.vocabulary import STAGE_ORDER
    from tenderarchive.metadata import build_metadata

    db = open_archive(tmp_path / "archive.db")
    db["crawls"].insert({"crawl_id": 1, "spider": "tenderned", "status": "running"}, pk="crawl_id")
    for pid, notice_type, form_type, cancelled in [(1, "MAC", "consultation", 0), (2, "AAO", "competition", 0),
                                                   (3, "REC", "result", 0), (4, "AGO", "result", 0),
                                                   (5, "AGO", "result", 1), (6, "AAW", "cont-modif", 0),
                                                   (7, "VBE", None, 0), (8, "AGO", "dir-awa-pre", 0)]:
        write_notice(db, notice_record(pid, notice_type=notice_type, notice_type_label=notice_type, year=2025,
                                       form_type=form_type, is_cancelled=cancelled, youth_care=1), 1)
    derive(db, 1)
    chart = build_metadata(db, "archive")["plugins"]["datasette-dashboards"]["jeugdhulp"]["charts"]["stages"]
    assert "notice types" in chart["title"]
    assert chart["display"]["encoding"]["color"]["sort"] == STAGE_ORDER
    conn = sqlite3.connect(tmp_path / "archive.db")
    datasette_plugin.prepare_connection(conn, "archive", None)
    counts = {stage: n for _, stage, n in conn.execute(re.sub(r"\[\[.*?\]\]", "", chart["query"], flags=re.S))}
    assert counts == {"marktconsultatie": 1, "aankondiging": 1, "definitieve_gunning": 2, "mislukt": 2,
                      "verlenging": 1, "voorlopige_gunning": 1}
    timeline = {r[0] for r in db.execute("select stage from events where source_type = 'notice' and kind not in "
                                         "('inschrijf_deadline', 'reply_deadline', 'contract_start')")}
    assert set(counts) == timeline


def test_a_cancelled_procedure_never_reaches_the_contract_start_its_notice_announced(db):
    """The contract notice's aanvangOpdrachtDatum is a plan: once the procedure failed (VBE) before it,
    the current stage stays mislukt after that date (research page and both saved searches alike)."""
    import re

    from tenderarchive.metadata import load_metadata
    from tenderarchive.research import STAGE_SQL

    write_notice(db, notice_record(7, published="2025-01-05", deadline="2025-02-01T12:00:00", form_type="competition",
                                   start_date="2025-06-01"), 1)
    db["notices"].delete(8)
    write_notice(db, notice_record(9, notice_type="VBE", notice_type_label="Vroegtijdige beëindiging",
                                   published="2025-03-01", deadline=None), 1)
    derive(db, 1)
    from tenderarchive import datasette_plugin
    datasette_plugin.prepare_connection(db.conn, "archive", None)  # stage_rank
    assert ("contract_start", "contractstart", "2025-06-01") in [
        (e["kind"], e["stage"], e["date"]) for e in db.query("select * from events where procurement_id = 'TN100'")]
    assert db.execute(STAGE_SQL, ["TN100"]).fetchone()[0] == "mislukt"
    queries = load_metadata()["databases"]["archive"]["queries"]
    rule = " ".join(STAGE_SQL.split()).replace("= ?1", "= p.procurement_id")
    for name in ("jeugdregio_aanbestedingen", "opdrachtgever_aanbestedingen"):
        assert rule.removeprefix("select ").replace(" as stage", " as fase") in " ".join(
            re.sub(r"\s+", " ", queries[name]["sql"]).split()), name


def test_an_award_puts_the_winner_chosen_and_the_contract_signed_under_their_own_kinds():
    from tenderarchive.timeline import award_events

    award = {"current": 1, "procurement_id": "TN100", "award_id": "TN100/8/LOT-0001", "lot_id": "LOT-0001",
             "award_date": "2025-04-01", "contract_date": "2025-04-20", "value_cents": 100_000_00}
    events = award_events(award, [{"name": "Kompas", "kvk": "12345678"}], "Ambulant")
    assert [(e["date"], e["kind"], e["stage"]) for e in events] == [
        ("2025-04-01", "award", "definitieve_gunning"), ("2025-04-20", "signing", "contract_ondertekend")]


def test_an_award_of_no_lot_named_is_the_procedures_on_the_timeline():
    """An OCDS award without relatedLots in a procedure of several lots has no lot (lot_id NULL): its event
    read "Perceel None gegund aan ...". SYNTHETIC award."""
    from tenderarchive.timeline import award_events

    award = {"current": 1, "procurement_id": "TN100", "award_id": "TN100/ocds/a", "lot_id": None,
             "award_date": "2021-03-01", "value_cents": 100_000_00}
    [event] = award_events(award, [{"name": "Kompas", "kvk": "12345678"}], None)
    assert event["sentence"] == "Opdracht gegund aan Kompas (KvK 12345678) voor € 100.000,00"
    [event] = award_events(dict(award, lot_id="1, 2"), [{"name": "Kompas"}], None)
    assert event["sentence"].startswith("Percelen 1, 2 gegund aan Kompas")   # one award of two lots together
    [event] = award_events(dict(award, lot_id="2"), [{"name": "Kompas"}], "Ambulant")
    assert event["sentence"].startswith("Perceel 2 (Ambulant) gegund aan Kompas")


def test_the_glossary_table_of_notice_stages_is_what_the_timeline_does():
    import re

    from tenderarchive.timeline import PUBLICATION_EVENTS
    from tests.conftest import ROOT

    glossary = (ROOT / "docs" / "glossary.md").read_text(encoding="utf-8")
    rows = {code: (kind, stage) for code, kind, stage in
            re.findall(r"^\| `([A-Z]{3})` [^|`]+\| `(\w+)` \| `(\w+)` \|$", glossary, re.M)}
    assert rows == {code: event for code, event in PUBLICATION_EVENTS.items() if code != "REC"}
    for form_type, event in [("dir-awa-pre", ("provisional_award", "voorlopige_gunning")),
                             ("cont-modif", ("modification", "verlenging"))]:
        assert f"| `AGO` of form type `{form_type}`" in glossary and f"| `{event[0]}` | `{event[1]}` |" in glossary


def test_a_timeline_read_from_the_notices_alone_has_the_same_stage_ids(tmp_path):
    """An archive whose events are not derived yet: the timeline's fallback reads the notices and gives
    each row the stage the derived timeline would (the same ``stage`` column)."""
    import sqlite3

    from tenderarchive import datasette_plugin
    from tenderarchive.metadata import build_metadata

    db = open_archive(tmp_path / "archive.db")
    write_notice(db, notice_record(7, form_type="competition", start_date="2026-07-01"), 1)
    write_notice(db, notice_record(8, notice_type="REC", notice_type_label="Rectificatie", form_type="result",
                                   published="2026-03-01", deadline=None), 1)
    query = build_metadata(db, "archive")["databases"]["archive"]["queries"]["procurement_timeline"]
    assert "from notices" in query["sql"]
    conn = sqlite3.connect(tmp_path / "archive.db")
    conn.row_factory = sqlite3.Row
    datasette_plugin.prepare_connection(conn, "archive", None)
    rows = [dict(r) for r in conn.execute(query["sql"], {"procurement_id": "TN100"})]
    assert [(r["date"], r["stage"]) for r in rows] == [
        ("2026-01-05", "aankondiging"), ("2026-02-01", "inschrijving"), ("2026-03-01", "definitieve_gunning"),
        ("2026-07-01", "contractstart")]


def award_results(publication_id: int, lots: list[tuple[str, int | None]], awards: int = 0,
                  procurement_id: str = "TN100") -> dict:
    return {"notice_result": {"publication_id": publication_id, "procurement_id": procurement_id, "layout": "eforms",
                              "lot_count": len(lots), "award_count": awards},
            "lots": [{"procurement_id": procurement_id, "lot_id": lot_id, "publication_id": publication_id,
                      "awarded": awarded} for lot_id, awarded in lots],
            "awards": []}


@pytest.mark.parametrize("later_crawl", [False, True])
def test_an_award_notice_that_closes_every_lot_without_a_winner_is_a_cancellation(db, later_crawl):
    """"Er is geen winnaar gekozen en de mededinging is gesloten" on every lot (tenderned-awards.md §4):
    the AGO ends the procedure (mislukt), also when its /html is read in a later crawl than the notice."""
    from tenderarchive.store.writes import write_results

    if later_crawl:
        derive(db, 1)
        db["crawls"].insert({"crawl_id": 2, "spider": "tenderned", "status": "running"}, pk="crawl_id")
    write_results(db, {"publication_id": 8, "procurement_id": "TN100"},
                  award_results(8, [("LOT-0001", 0), ("LOT-0002", 0)]), 2 if later_crawl else 1)
    derive(db, 2 if later_crawl else 1)
    assert [(e["kind"], e["stage"]) for e in db.query("select * from events where source_id = '8'")] == [
        ("cancellation", "mislukt")]
    assert db.execute(STAGES_SQL).fetchone()[0] == "mislukt"


def test_an_award_notice_with_one_lot_awarded_stays_an_award(db):
    from tenderarchive.store.writes import write_results

    write_results(db, {"publication_id": 8, "procurement_id": "TN100"},
                  award_results(8, [("LOT-0001", 0), ("LOT-0002", 1)], awards=1), 1)
    derive(db, 1)
    assert [(e["kind"], e["stage"]) for e in db.query("select * from events where source_id = '8'")] == [
        ("award", "definitieve_gunning")]


@pytest.mark.parametrize("deadline, consultation, expected", [
    ("2025-03-01T12:00:00", "2025-03-01", [("2025-03-01", "reply_deadline", "marktconsultatie")]),
    ("2025-03-01T12:00:00", None, [("2025-03-01", "reply_deadline", "marktconsultatie")]),
    (None, "2025-03-01", [("2025-03-01", "reply_deadline", "marktconsultatie")])])
def test_a_market_consultation_closes_for_reactions_never_for_tenders(deadline, consultation, expected):
    row = notice(notice_type="MAC", notice_type_label="Marktconsultatie", form_type="consultation")
    row.update(deadline=deadline, consultation_deadline=consultation)
    assert [(e["date"], e["kind"], e["stage"]) for e in notice_events(row) if e["date"] != row["published"]] == expected


def test_a_contract_notice_closes_for_tenders():
    row = notice(form_type="competition")
    row.update(deadline="2025-03-01T12:00:00")
    assert [(e["kind"], e["stage"]) for e in notice_events(row) if e["date"] == "2025-03-01"] == [
        ("inschrijf_deadline", "inschrijving")]


def test_the_awards_search_says_which_award_notices_ended_the_procedure(db, tmp_path):
    """The saved search "award_notices" lists every AGO; fase tells an award from a cancellation (flag or no
    winner on any lot) and a VEAT, as the timeline does."""
    import sqlite3

    from tenderarchive import datasette_plugin
    from tenderarchive.metadata import build_metadata
    from tenderarchive.store.writes import write_results

    for pid, kenmerk, values in [(20, 200, {"is_cancelled": 1}), (21, 201, {}),
                                 (22, 202, {"form_type": "dir-awa-pre"})]:
        write_notice(db, notice_record(pid, kenmerk=kenmerk, procurement_id=f"TN{kenmerk}", notice_type="AGO",
                                       notice_type_label="Aankondiging gegunde opdracht", youth_care=1,
                                       published="2025-05-01", deadline=None, **values), 1)
    write_results(db, {"publication_id": 21, "procurement_id": "TN201"},
                  award_results(21, [("LOT-0001", 0)], procurement_id="TN201"), 1)
    write_notice(db, notice_record(8, notice_type="AGO", notice_type_label="Aankondiging gegunde opdracht",
                                   published="2025-04-10", deadline=None, form_type="result", youth_care=1), 1)
    derive(db, 1)
    query = build_metadata(db, "archive")["databases"]["archive"]["queries"]["award_notices"]
    conn = sqlite3.connect(tmp_path / "archive.db")
    conn.row_factory = sqlite3.Row
    datasette_plugin.prepare_connection(conn, "archive", None)
    fase = {r["publication_id"]: r["fase"] for r in conn.execute(query["sql"], {"before": "", "pagina": ""})}
    assert fase == {8: "definitieve_gunning", 20: "mislukt", 21: "mislukt", 22: "voorlopige_gunning"}


@pytest.mark.parametrize("same_day", ["2025-02-01", "2025-02-03"])
def test_of_two_events_on_the_latest_day_the_later_stage_is_current(db, same_day):
    """stages.md: the newest stage in its order. A cancellation on the closing day is mislukt, whichever
    hash the two events' ids have (they were ordered by event_id)."""
    import re

    from tenderarchive import datasette_plugin
    from tenderarchive.metadata import load_metadata
    from tenderarchive.research import STAGE_SQL

    db["notices"].delete(8)
    write_notice(db, notice_record(7, published="2025-01-05", deadline=f"{same_day}T12:00:00",
                                   form_type="competition"), 1)
    write_notice(db, notice_record(9, notice_type="VBE", notice_type_label="Vroegtijdige beëindiging", title=same_day,
                                   published=same_day, deadline=None), 1)
    derive(db, 1)
    datasette_plugin.prepare_connection(db.conn, "archive", None)
    assert db.execute(STAGE_SQL, ["TN100"]).fetchone()[0] == "mislukt"
    queries = load_metadata()["databases"]["archive"]["queries"]
    rule = " ".join(STAGE_SQL.split()).replace("= ?1", "= p.procurement_id")
    for name in ("jeugdregio_aanbestedingen", "opdrachtgever_aanbestedingen"):
        assert rule.removeprefix("select ").replace(" as stage", " as fase") in " ".join(
            re.sub(r"\s+", " ", queries[name]["sql"]).split()), name


def test_a_market_consultation_is_not_an_open_tender(tmp_path):
    db = open_archive(tmp_path / "archive.db")
    write_notice(db, notice_record(7, youth_care=1, published="2025-01-05", deadline="2025-02-01T12:00:00"), 1)
    write_notice(db, notice_record(8, kenmerk=101, procurement_id="TN101", notice_type="MAC",
                                   notice_type_label="Marktconsultatie", form_type="consultation", youth_care=1,
                                   published="2025-01-05",
                                   deadline="2025-02-01T12:00:00", consultation_deadline="2025-02-01"), 1)
    assert open_tenders(db, "2025-01-10") == ["TN100"]


def open_tenders(db, as_of: str = "") -> list:
    """The procurements ``open_youth_care_tenders`` lists from ``db`` (as the site runs it), on ``as_of``."""
    import sqlite3

    from tenderarchive import datasette_plugin
    from tenderarchive.metadata import build_metadata

    query = build_metadata(db, "archive")["databases"]["archive"]["queries"]["open_youth_care_tenders"]
    conn = sqlite3.connect(db.conn.execute("pragma database_list").fetchone()[2])
    conn.row_factory = sqlite3.Row
    datasette_plugin.prepare_connection(conn, "archive", None)
    try:
        return [r["procurement_id"] for r in conn.execute(query["sql"], {"as_of": as_of})]
    finally:
        conn.close()


def test_a_tender_whose_deadline_passed_this_morning_is_no_longer_open(tmp_path):
    """``open_youth_care_tenders`` compared deadlines by the day: a tender closing at 10:00 today was "open"
    until midnight, its deadline passed, in the list and its Atom feed. Today (no ``as_of``) the deadline is
    a moment; an earlier day (``as_of``) still lists what closed on it."""
    import time
    from datetime import datetime, timedelta, timezone

    while datetime.now(timezone.utc).time() < datetime.min.time().replace(second=5):
        time.sleep(1)  # a deadline earlier today needs a moment of today behind us
    now = datetime.now(timezone.utc).replace(microsecond=0)
    passed = max(now - timedelta(hours=1), now.replace(hour=0, minute=0, second=1))
    db = open_archive(tmp_path / "archive.db")
    for publication_id, kenmerk, deadline in ((7, 100, passed), (8, 101, now + timedelta(hours=1))):
        write_notice(db, notice_record(publication_id, kenmerk=kenmerk, procurement_id=f"TN{kenmerk}", youth_care=1,
                                       published=(now - timedelta(days=30)).date().isoformat(),
                                       deadline=deadline.isoformat()), 1)
    assert open_tenders(db) == ["TN101"]
    assert open_tenders(db, now.date().isoformat()) == ["TN100", "TN101"]
    # a deadline written without an offset is Amsterdam's time: an hour ahead of UTC, or two
    amsterdam = now.astimezone(AMSTERDAM)
    naive = max(amsterdam - timedelta(minutes=30), amsterdam.replace(hour=0, minute=0, second=1))
    db["notices"].update(7, {"deadline": naive.replace(tzinfo=None).isoformat()})
    assert open_tenders(db) == ["TN101"]


def test_a_procedure_tenderned_flags_as_ended_early_is_mislukt_whatever_its_last_event(db):
    """isVroegtijdigBeeindigd on the contract notice, no VBE published: the flag says the procedure
    ended, not when, so no event is dated by it, but its current stage is mislukt (not inschrijving,
    nor from its announced start on contractstart)."""
    from tenderarchive import datasette_plugin
    from tenderarchive.research import STAGE_SQL

    db["notices"].delete(8)
    write_notice(db, notice_record(7, published="2025-01-05", deadline="2025-02-01T12:00:00", form_type="competition",
                                   start_date="2025-06-01", is_cancelled=1), 1)
    derive(db, 1)
    datasette_plugin.prepare_connection(db.conn, "archive", None)
    assert db.execute(STAGE_SQL, ["TN100"]).fetchone()[0] == "mislukt"
    assert db.execute(STAGE_SQL, ["TN999"]).fetchone()[0] is None


def test_a_rectification_of_no_form_type_is_of_the_stage_of_the_notice_it_corrects():
    """A REC of an older standard-form notice has no eForms form type: it was a contract notice's rectification
    (`aankondiging`) whatever it corrected. Correcting an award it is `definitieve_gunning`, a modification
    `verlenging`; its form type, where given, still decides."""
    from tenderarchive.timeline import publication_event

    assert publication_event("REC", None) == ("rectification", "aankondiging")
    assert publication_event("REC", None, corrects="definitieve_gunning") == ("rectification", "definitieve_gunning")
    assert publication_event("REC", None, corrects="verlenging") == ("rectification", "verlenging")
    assert publication_event("REC", "competition", corrects="definitieve_gunning") == ("rectification", "aankondiging")
    assert publication_event("REC", None, no_winner=True, corrects="definitieve_gunning") == ("cancellation", "mislukt")


def test_an_award_value_given_including_vat_says_so_on_the_timeline():
    """Reference §3.1/§6.3: the forms' values are exclusive of VAT (btw); an OCDS value may say ``hasTax`` true and an
    award notice "incl. btw" (awards.value_has_tax 1). The saved searches give such a value apart and their Atom entries
    say "incl. btw", but the timeline's sentence read "gegund aan Kompas voor € 121.000,00" as any other value. Now it
    says "incl. btw" after it; an exclusive or unsaid value reads as before. SYNTHETIC award."""
    from tenderarchive.timeline import award_events

    award = {"current": 1, "procurement_id": "TN100", "award_id": "TN100/ocds/a", "lot_id": "1",
             "award_date": "2021-03-01", "value_cents": 121_000_00, "value_has_tax": 1}
    [event] = award_events(award, [{"name": "Kompas"}], None)
    assert event["sentence"] == "Perceel 1 gegund aan Kompas voor € 121.000,00 incl. btw"
    for basis in (0, None):
        [event] = award_events(dict(award, value_has_tax=basis), [{"name": "Kompas"}], None)
        assert event["sentence"] == "Perceel 1 gegund aan Kompas voor € 121.000,00"


def test_an_award_value_in_another_currency_is_on_the_timeline_as_printed_never_converted():
    """Reference §2.4 (currency names) and §4 "Currencies" (nearly always Euro; no exchange rate given): an award of
    1 000 000 GBP has no euro value (value_cents NULL) and counts in no total, but the saved searches and
    summary_procurements.waarde_andere_munt give it as printed; the timeline's sentence said no value at all, as if the
    award had none. Now it gives it as printed with its currency; a placeholder ("1 GBP") not. SYNTHETIC award."""
    from tenderarchive.timeline import award_events

    award = {"current": 1, "procurement_id": "TN100", "award_id": "TN100/ocds/a", "lot_id": "1",
             "award_date": "2021-03-01", "value_cents": None, "value_raw": "1000000", "value_currency": "GBP"}
    [event] = award_events(award, [{"name": "Kompas"}], None)
    assert event["sentence"] == "Perceel 1 gegund aan Kompas voor 1000000 GBP"
    [event] = award_events(dict(award, value_raw="800 000 GBP"), [{"name": "Kompas"}], None)
    assert event["sentence"] == "Perceel 1 gegund aan Kompas voor 800 000 GBP"
    for other in ({"value_raw": "1", "value_placeholder": 1}, {"value_currency": "EUR"}, {"value_raw": None}):
        [event] = award_events(dict(award, **other), [{"name": "Kompas"}], None)
        assert event["sentence"] == "Perceel 1 gegund aan Kompas", other


def test_an_award_value_given_as_a_range_or_a_rate_is_on_the_timeline_as_published():
    """Reference §3.1 (an older form's "Laagste offerte … / Hoogste offerte …" instead of a value) and amounts.py (a
    range "tussen € 1 en € 2 miljoen", a rate "€ 85 per uur", "per cliënt"): no euro value (value_cents NULL; a rate
    under € 1.000 flagged a placeholder), so the sentence said no value at all, as if the award had none, while the
    saved searches give it as printed. Now it is given as published, never converted; a placeholder ("1", "0", a range
    of placeholders) still not. SYNTHETIC awards."""
    from tenderarchive.timeline import award_events

    award = {"current": 1, "procurement_id": "TN100", "award_id": "TN100/8/1", "lot_id": "1",
             "award_date": "2021-03-01", "value_cents": None, "value_currency": "EUR"}
    for values, printed in (
            ({"value_raw": "tussen € 1 en € 2 miljoen", "value_low_cents": 100_000_000, "value_high_cents": 200_000_000},
             "voor een bedrag tussen € 1 en € 2 miljoen"),
            ({"value_raw": "Laagste offerte: 100 000,00 / Hoogste offerte: 250 000,00",
              "value_low_cents": 10_000_000, "value_high_cents": 25_000_000},
             "(Laagste offerte: 100 000,00 / Hoogste offerte: 250 000,00)"),
            ({"value_raw": "€ 100.000 - € 200.000"}, "voor € 100.000 - € 200.000"),  # the range read from the text alone
            ({"value_raw": "€ 85 per uur", "value_placeholder": 1}, "tegen € 85 per uur"),
            ({"value_raw": "€ 85,00 per cliënt", "value_placeholder": 1}, "tegen € 85,00 per cliënt"),
            ({"value_raw": "€ 500.000 per jaar"}, "tegen € 500.000 per jaar"),
            ({"value_raw": "tussen 1 en 2 miljoen", "value_currency": "GBP", "value_low_cents": 100_000_000,
              "value_high_cents": 200_000_000}, "voor een bedrag tussen 1 en 2 miljoen GBP")):
        [event] = award_events(dict(award, **values), [{"name": "Kompas"}], None)
        assert event["sentence"] == f"Perceel 1 gegund aan Kompas {printed}", values
    for values in ({"value_raw": "1", "value_placeholder": 1}, {"value_raw": "0", "value_placeholder": 1},
                   {"value_raw": "Laagste offerte: 1,00 / Hoogste offerte: 1,00", "value_low_cents": 100,
                    "value_high_cents": 100}, {"value_raw": "niet gepubliceerd"}, {"value_raw": "1 per uur"}):
        [event] = award_events(dict(award, **values), [{"name": "Kompas"}], None)
        assert event["sentence"] == "Perceel 1 gegund aan Kompas", values


def test_an_award_sentence_words_a_range_a_rate_and_a_bound_value_as_dutch_reads_them():
    """An award value given as a range read "gegund aan Kompas voor tussen € 1 en € 2 miljoen" (and "voor Tussen …",
    "voor Laagste offerte: … / Hoogste offerte: …"), a rate "voor € 85 per uur", and a value published as a ceiling
    ("maximaal € 2 miljoen", "ten hoogste € 2.000.000": value_cents 2 miljoen) lost its bound: "voor € 2.000.000,00",
    as if the contract were worth that. Now a range reads "voor een bedrag tussen …", a rate "tegen € 85 per uur", an
    older form's lowest/highest tender as printed in brackets, a bound value with its word ("voor maximaal",
    "voor ten hoogste", "voor minimaal", "voor circa"): the value as published, never converted. A modification's
    sentence gives it after "waarde". SYNTHETIC awards."""
    from tenderarchive.timeline import award_events

    award = {"current": 1, "procurement_id": "TN100", "award_id": "TN100/8/1", "lot_id": "1",
             "award_date": "2021-03-01", "value_cents": None, "value_currency": "EUR"}
    for values, words in (
            ({"value_raw": "Tussen € 1 en € 2 miljoen", "value_low_cents": 100_000_000, "value_high_cents": 200_000_000},
             "voor een bedrag tussen € 1 en € 2 miljoen"),
            ({"value_raw": "van € 1 tot € 2 miljoen"}, "voor een bedrag van € 1 tot € 2 miljoen"),
            ({"value_raw": "Minimaal € 100.000 en maximaal € 200.000"}, "voor minimaal € 100.000 en maximaal € 200.000"),
            ({"value_raw": "Maximaal € 85 per uur", "value_placeholder": 1}, "tegen maximaal € 85 per uur"),
            ({"value_raw": "tussen € 80 en € 90 per uur", "value_low_cents": 8000, "value_high_cents": 9000},
             None),  # a range of placeholders: no value
            ({"value_raw": "tussen € 800 en € 1.200 per uur", "value_low_cents": 80000, "value_high_cents": 120000},
             "tegen een tarief tussen € 800 en € 1.200 per uur"),
            ({"value_raw": "maximaal € 2 miljoen", "value_cents": 200_000_000}, "voor maximaal € 2.000.000,00"),
            ({"value_raw": "Maximaal: 2 000 000 EUR", "value_cents": 200_000_000}, "voor maximaal € 2.000.000,00"),
            ({"value_raw": "max. € 500.000", "value_cents": 50_000_000}, "voor maximaal € 500.000,00"),
            ({"value_raw": "tot € 500.000", "value_cents": 50_000_000}, "voor maximaal € 500.000,00"),
            ({"value_raw": "ten hoogste € 2.000.000", "value_cents": 200_000_000}, "voor ten hoogste € 2.000.000,00"),
            ({"value_raw": "Ten minste € 100.000", "value_cents": 10_000_000}, "voor ten minste € 100.000,00"),
            ({"value_raw": "circa € 1 miljoen", "value_cents": 100_000_000, "value_has_tax": 1},
             "voor circa € 1.000.000,00 incl. btw"),
            # a text opening with another word than a bound's or a range's is given as printed, in brackets
            ({"value_raw": "jaarlijks € 500.000"}, "(jaarlijks € 500.000)"),
            ({"value_raw": "Per jaar: € 500.000"}, "(Per jaar: € 500.000)"),
            ({"value_raw": "EUR 500.000 p.j."}, "tegen EUR 500.000 p.j."),
            ({"value_raw": "€ 85/uur", "value_placeholder": 1}, "tegen € 85/uur"),
            ({"value_raw": "Tot € 85 per uur", "value_placeholder": 1}, "tegen een tarief tot € 85 per uur"),
            ({"value_raw": "tot 2 miljoen", "value_currency": "GBP"}, "voor een bedrag tot 2 miljoen GBP"),
            # a word after the amount, or none, bounds nothing; the total beside a rate is the value
            ({"value_raw": "€ 2.000.000 (maximaal € 2.500.000)", "value_cents": 200_000_000}, "voor € 2.000.000,00"),
            ({"value_raw": "Totale waarde: 1 800 000,00", "value_cents": 180_000_000}, "voor € 1.800.000,00"),
            ({"value_raw": "1800000", "value_cents": 180_000_000}, "voor € 1.800.000,00")):
        [event] = award_events(dict(award, **values), [{"name": "Kompas"}], None)
        assert event["sentence"] == "Perceel 1 gegund aan Kompas" + (f" {words}" if words else ""), values
    [event] = award_events(dict(award, value_raw="maximaal € 2 miljoen", value_cents=200_000_000),
                           [{"name": "Kompas"}], None, form_type="cont-modif")
    assert event["sentence"] == "Perceel 1 gewijzigd, opdrachtnemer Kompas, waarde maximaal € 2.000.000,00"
    [event] = award_events(dict(award, value_raw="€ 85 per uur", value_placeholder=1), [{"name": "Kompas"}], None,
                           form_type="dir-awa-pre")
    assert event["sentence"] == "Perceel 1 voorlopig gegund aan Kompas tegen € 85 per uur"


def test_an_awards_winners_no_source_names_are_on_the_timeline_as_in_the_award_feeds():
    """Reference §2.5 "No name" (a winner block without a name occurs; report it, invent none) and §4 several winners per
    lot: a lot won by Alpha B.V. and by a winner the notice does not name (awards.unnamed_winners 1) read "Perceel 1
    gegund aan Alpha B.V.", as if Alpha alone won it, and a lot whose three winners are all unnamed "gegund aan
    onbekend", while the award feeds and the summaries say "niet genoemd (3 winnaars)". Now the timeline names them so
    too, last; an award that says nothing of its winners still reads "onbekend". SYNTHETIC awards."""
    from tenderarchive.timeline import award_events

    award = {"current": 1, "procurement_id": "TN100", "award_id": "TN100/8/1", "lot_id": "1",
             "award_date": "2021-03-01", "value_cents": 80_000_000}
    for unnamed, winners, said in (
            (1, [{"name": "Alpha B.V."}], "Alpha B.V., niet genoemd"),
            (2, [{"name": "Alpha B.V.", "kvk": "01234567"}], "Alpha B.V. (KvK 01234567), niet genoemd (2 winnaars)"),
            (3, [], "niet genoemd (3 winnaars)"), (1, [], "niet genoemd"),
            (None, [], "onbekend"), (0, [{"name": "Alpha B.V."}], "Alpha B.V.")):
        [event] = award_events(dict(award, unnamed_winners=unnamed), winners, None)
        assert event["sentence"] == f"Perceel 1 gegund aan {said} voor € 800.000,00", unnamed


def test_the_current_stage_is_the_timelines_last_a_year_after_its_days(db):
    """A year alone ("het contract start in 2019", an article's) comes on the timeline after that year's days and
    months, a month after its days (``date_order``): the timeline ended "2019: contractstart" while the Fase, the
    latest event by text ("2019-01-01" > "2019"), was the award of 1 januari 2019. The page, both saved searches and
    the timeline read one order, written once (timeline.CURRENT_STAGE_SQL)."""
    import re

    from tenderarchive import datasette_plugin
    from tenderarchive.metadata import load_metadata
    from tenderarchive.research import STAGE_SQL
    from tenderarchive.timeline import current_stage_sql

    write_notice(db, notice_record(8, notice_type="AGO", notice_type_label="Aankondiging gegunde opdracht",
                                   published="2019-01-01", deadline=None, form_type="result"), 1)
    write_notice(db, notice_record(7, published="2018-03-13", deadline="2018-04-01T12:00:00",
                                   form_type="competition"), 1)
    derive(db, 1)
    article = {"procurement_id": "TN100", "source_type": "article", "source_id": "https://nieuws.example/1",
               "date_end": None, "sentence": "…", "year_inferred": 0, "inference": None,
               "source_url": "https://nieuws.example/1", "crawl_id": 1}
    db["events"].insert_all([
        {**article, "event_id": "a1", "date": "2019", "precision": "year", "kind": "contract_start",
         "stage": "contractstart"},
        {**article, "event_id": "a2", "date": "2018-04", "precision": "part_of_month", "kind": "inschrijf_deadline",
         "stage": "inschrijving"}])
    datasette_plugin.prepare_connection(db.conn, "archive", None)
    queries = load_metadata()["databases"]["archive"]["queries"]
    timeline = [r for r in db.query(queries["procurement_timeline"]["sql"], {"procurement_id": "TN100"})]
    assert [(r["date"], r["stage"]) for r in timeline][-2:] == [("2019-01-01", "definitieve_gunning"),
                                                               ("2019", "contractstart")]
    assert [r["date"] for r in timeline].index("2018-04") > [r["date"] for r in timeline].index("2018-04-01")
    assert db.execute(STAGE_SQL, ["TN100"]).fetchone()[0] == "contractstart" == timeline[-1]["stage"]
    for name in ("jeugdregio_aanbestedingen", "opdrachtgever_aanbestedingen"):
        sql = " ".join(re.sub(r"\s+", " ", queries[name]["sql"]).split())
        assert " ".join(current_stage_sql("p.procurement_id").split()) + " as fase" in sql, name
        assert "__CURRENT_STAGE__" not in sql


def test_an_award_dated_to_its_month_is_a_month_on_the_timeline():
    """An award whose winner was chosen or contract concluded in a month only ("2021-01", a notice printing "januari
    2021") is an event of that month (precision ``month``; it said ``day``), in the timeline's order after that
    month's days (``date_order`` "2021-01-99"); a day stays a day."""
    from tenderarchive.timeline import award_events

    award = {"current": 1, "procurement_id": "TN100", "award_id": "TN100/8/LOT-0001", "lot_id": "LOT-0001",
             "award_date": "2020-12", "contract_date": "2021-01-20", "value_cents": 100_000_00}
    events = award_events(award, [{"name": "Kompas"}], None)
    assert [(e["date"], e["precision"], e["date_order"]) for e in events] == [
        ("2020-12", "month", "2020-12-99"), ("2021-01-20", "day", "2021-01-20")]
