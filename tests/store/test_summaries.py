"""The summary tables of the aggregation pages (tenderarchive/store/summaries.py).

The spec: every saved search rewritten to read the summaries gives the same columns and rows,
in the same order, as its former SQL (kept in tests/store/former_saved_searches.yaml), on a
built archive and after an incremental crawl that changes awards (a rectification that
supersedes an award and names new winners, a lot with no lot row, a changed value, a procedure
that stops being youth care, a notice that names a municipality of another jeugdregio, a new
buyer); and the incremental summaries equal a full rebuild's.

The archive is the synthetic one of bench/scale.py (every row synthetic, every URL
``*.example.invalid``), built with the project's own store code; crawl 2 is written with
the same store functions and derived with :func:`tenderarchive.derive.derive`.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from pathlib import Path

import pytest
import yaml

from bench.scale import build, write_items
from tenderarchive import datasette_plugin
from tenderarchive.derive import derive
from tenderarchive.metadata import load_metadata
from tenderarchive.store import summaries
from tenderarchive.store.writes import open_archive

FORMER = yaml.safe_load((Path(__file__).parent / "former_saved_searches.yaml").read_text(encoding="utf-8"))

#: The columns that fix each page's order (rows tied on all of them may come in any order,
#: in the former SQL as in the new).
ORDER = {
    "opdrachtgevers": ("opdrachtgever",),
    "aanbieders": ("gunningen", "aanbieder"),
    "who_won_in_jeugdregio": ("awards", "provider"),
    "values_per_year": ("year",),
    "jeugdregio_winnaars_per_jaar": ("jaar",),
    "jeugdregio_overzicht": ("jeugdregio_code",),
    "marktbeeld": ("jeugdregio", "jaar"),
    "jeugdregio_aanbestedingen": ("gestart", "procurement_id"),
    "jeugdregio_percelen": ("gegund_op", "procurement_id", "perceel"),
    "awards_by_region_year": ("year", "jeugdregio", "title", "lot"),
    "open_youth_care_tenders": ("deadline", "publication_id"),
}
#: group_concat(distinct ...) columns whose order SQLite does not fix.
UNORDERED_LISTS = {("who_won_in_jeugdregio", "jeugdregios")}


def connect(path) -> sqlite3.Connection:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    datasette_plugin.prepare_connection(conn, "archive", None)
    return conn


def run(conn, sql: str, params: dict) -> tuple[list[str], list[tuple]]:
    cursor = conn.execute(sql, params)
    return [d[0] for d in cursor.description], cursor.fetchall()


def param_sets(conn, names: list[str]) -> list[dict]:
    """Every combination the pages get: empty, the busiest region (by code and by name), a
    region with a procedure it is only named in, a municipality, an unknown region; years."""
    busiest = conn.execute("select jeugdregio_code from procurements where youth_care = 1 and jeugdregio_code "
                           "is not null group by 1 order by count(*) desc limit 1").fetchone()[0]
    name = conn.execute("select name from jeugdregios where code = ?", [busiest]).fetchone()[0]
    named = conn.execute("select nm.jeugdregio_code from notice_municipalities nm join notices n "
                         "on n.publication_id = nm.publication_id join procurements p "
                         "on p.procurement_id = n.procurement_id where nm.jeugdregio_code != p.jeugdregio_code "
                         "and p.youth_care = 1 limit 1").fetchone()
    municipality = conn.execute("select name from municipalities where jeugdregio_code = ? limit 1",
                                [busiest]).fetchone()[0]
    regions = ["", busiest, name, municipality, "JZ99-onbekend", *(named or [])]
    values = {"jeugdregio": regions, "jaar": ["", "2020", "2024", "x"], "year": ["", "2021"],
              "sinds": ["", "2022-06-01"], "as_of": ["", "2019-03-01", "2024-06-15", "2025-12-20"]}
    sets = [{}]
    for param in names:
        sets = [dict(s, **{param: v}) for s in sets for v in values[param]]
    return sets


def normalised(name: str, columns: list[str], rows: list[tuple]) -> list[tuple]:
    lists = [i for i, c in enumerate(columns) if (name, c) in UNORDERED_LISTS]
    return [tuple(",".join(sorted(v.split(","))) if i in lists and v else v for i, v in enumerate(row))
            for row in rows]


def assert_same(conn, name: str, new_sql: str) -> int:
    """The new SQL gives the former SQL's columns, rows and order; returns the rows compared."""
    compared = 0
    for params in param_sets(conn, FORMER[name]["params"]):
        old_columns, old_rows = run(conn, FORMER[name]["sql"], params)
        # a list paged by ``pagina`` is compared whole (pagina=alle); its pages are tested in
        # tests/datasette/test_scale.py
        columns, rows = run(conn, new_sql, dict(params, pagina="alle") if ":pagina" in new_sql else params)
        assert columns == old_columns, name
        old_rows, rows = normalised(name, columns, old_rows), normalised(name, columns, rows)
        assert Counter(rows) == Counter(old_rows), (name, params, len(rows), len(old_rows),
                                                    (Counter(rows) - Counter(old_rows)).most_common(3),
                                                    (Counter(old_rows) - Counter(rows)).most_common(3))
        keys = [columns.index(c) for c in ORDER[name]]
        assert [tuple(r[k] for k in keys) for r in rows] == [tuple(r[k] for k in keys) for r in old_rows], \
            (name, params)
        compared += len(rows)
    return compared


def summary_tables(path) -> dict[str, Counter]:
    conn = sqlite3.connect(path)
    try:
        return {t: Counter(conn.execute(f"select * from {t}").fetchall()) for t in summaries.ALL}
    finally:
        conn.close()


def crawl_two(path) -> None:
    """Crawl 2: new notices (new procedures and buyers), and changes to the award data of
    existing procedures, written as the store writes them (crawl_id 2 on what changed)."""
    db = open_archive(path)
    places = list(db.query("select cbs_code, name, jeugdregio_code from municipalities order by cbs_code"))
    import random
    from bench.scale import notice_rows
    existing = db.execute("select count(*) from notices").fetchone()[0]
    write_items(db, notice_rows(60, places, random.Random(2), offset=existing), 2)
    with db.atomic():
        awarded = [r[0] for r in db.execute(
            "select a.procurement_id from awards a join procurements p on p.procurement_id = a.procurement_id "
            "where p.youth_care = 1 and a.current = 1 order by a.procurement_id limit 6")]
        a_rec, a_value, a_nolot, a_flip, a_named, a_null = awarded
        # A rectification (REC) of a_rec: a later notice giving the same lot to two other winners.
        old = next(db.query("select * from notices where procurement_id = ? order by published desc limit 1", [a_rec]))
        rec_id = 9_000_001
        db["notices"].insert(dict(old, publication_id=rec_id, notice_type="REC", published="2025-03-03",
                                  published_at="2025-03-03T09:00:00+01:00", crawl_id=2), alter=False)
        award = next(db.query("select * from awards where procurement_id = ? and current = 1", [a_rec]))
        new_award = dict(award, award_id=f"{a_rec}/{rec_id}/{award['lot_id']}", publication_id=rec_id,
                         award_date="2025-03-03", year=2025, value_cents=None, value_raw="zie bijlage",
                         current=None, crawl_id=2)
        db["awards"].insert(new_award, alter=False)
        for org, name in (("name:zorgaanbieder-timon-b-v", "Zorgaanbieder Timon B.V."),
                          ("name:synthetisch-consortium", "Synthetisch Consortium")):
            db["organisations"].insert({"organisation_id": org, "name": name, "kind": "provider"}, ignore=True)
            db["award_suppliers"].insert({"award_id": new_award["award_id"], "organisation_id": org,
                                          "procurement_id": a_rec, "lot_id": award["lot_id"], "name": name},
                                         alter=False)
        # A changed value; an award whose lot has no lots row; a buyer-less region change.
        db.execute("update awards set value_cents = value_cents + 12345, crawl_id = 2 where procurement_id = ?",
                   [a_value])
        db["awards"].insert(dict(next(db.query("select * from awards where procurement_id = ?", [a_nolot])),
                                 award_id=f"{a_nolot}/extra/LOT-0009", lot_id="LOT-0009", year=None,
                                 award_date=None, contract_date="2024-12-01", current=None, crawl_id=2),
                            alter=False)
        db.execute("update notices set crawl_id = 2 where procurement_id = ?", [a_nolot])
        # A procedure that is no longer youth care (its notices reclassified).
        db.execute("update notices set youth_care = 0, crawl_id = 2 where procurement_id = ?", [a_flip])
        # A notice that names a municipality of another jeugdregio (hoe = genoemd there).
        code = db.execute("select jeugdregio_code from procurements where procurement_id = ?", [a_named]).fetchone()[0]
        other = next(db.query("select cbs_code, name, jeugdregio_code from municipalities where jeugdregio_code != ? "
                              "order by cbs_code limit 1", [code]))
        pid = db.execute("select publication_id from notices where procurement_id = ? limit 1", [a_named]).fetchone()[0]
        db["notice_municipalities"].insert({"publication_id": pid, **other, "matched": other["name"]})
        db.execute("update notices set crawl_id = 2 where publication_id = ?", [pid])
        # A new buyer for an existing procedure's latest notice, and a value that goes missing.
        db.execute("update notices set buyer_id = 'synthetic-buyer-2', crawl_id = 2 where publication_id = "
                   "(select max(publication_id) from notices where procurement_id = ?)", [a_null])
        db.execute("update awards set value_cents = null, crawl_id = 2 where procurement_id = ?", [a_null])
        # Winners no source names (reference tenderned-awards.md §2.5 "No name"): two winner blocks without a name
        # beside a_value's named winner, and one on a new lot of a_null awarded to no named winner; every page
        # counting winners counts them, the most of any one lot (summaries.WINNER_COUNT_SQL).
        db.execute("update awards set unnamed_winners = 2, crawl_id = 2 where procurement_id = ?", [a_value])
        db["awards"].insert(dict(next(db.query("select * from awards where procurement_id = ?", [a_null])),
                                 award_id=f"{a_null}/unnamed/LOT-0008", lot_id="LOT-0008", unnamed_winners=1,
                                 winner_count=0, crawl_id=2), alter=False)
    derive(db, 2)
    db.close()


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    path = tmp_path_factory.mktemp("summaries") / "archive.db"
    build(path, notices=2_500, articles=400)
    db = open_archive(path)
    summaries.refresh_summaries(db, 1, full=True)  # bench/scale.py derives step by step, without this step
    db.close()
    return path


REWRITTEN = sorted(ORDER)
#: Rewritten to read the summary tables (open_youth_care_tenders keeps its SQL on notices: its
#: rows depend on the day, as_of; it reads the notices by the deadline index).
SUMMARISED = sorted(set(ORDER) - {"open_youth_care_tenders"})


def test_every_rewritten_search_reads_the_summaries():
    queries = load_metadata()["databases"]["archive"]["queries"]
    for name in SUMMARISED:
        assert "summary_" in queries[name]["sql"], name
        # the same parameters, and pagina where the list is now paged (issue 14)
        assert [p for p in queries[name].get("params", []) if p != "pagina"] == FORMER[name]["params"], name


@pytest.mark.parametrize("name", REWRITTEN)
def test_a_rewritten_search_gives_the_former_rows(archive, name):
    conn = connect(archive)
    try:
        assert assert_same(conn, name, load_metadata()["databases"]["archive"]["queries"][name]["sql"]) > 0
    finally:
        conn.close()


@pytest.fixture(scope="module")
def after_crawl(archive, tmp_path_factory):
    path = tmp_path_factory.mktemp("summaries2") / "archive.db"
    source = sqlite3.connect(archive)
    target = sqlite3.connect(path)
    source.backup(target)
    source.close()
    target.close()
    crawl_two(path)
    return path


@pytest.mark.parametrize("name", REWRITTEN)
def test_after_an_incremental_crawl_that_changes_awards(after_crawl, name):
    conn = connect(after_crawl)
    try:
        assert conn.execute("select count(*) from awards where current = 0").fetchone()[0] >= 1  # superseded
        assert assert_same(conn, name, load_metadata()["databases"]["archive"]["queries"][name]["sql"]) > 0
    finally:
        conn.close()


def backup(source_path, copy):
    """A consistent copy of the archive at ``source_path`` (SQLite's backup API)."""
    source, target = sqlite3.connect(source_path), sqlite3.connect(copy)
    source.backup(target)
    source.close()
    target.close()
    return copy


def test_incremental_summaries_equal_a_full_rebuild(after_crawl, tmp_path):
    rebuilt = assert_equal_to_a_full_rebuild(after_crawl, tmp_path / "rebuilt.db")
    assert sum(len(c) for c in rebuilt.values()) > 1000


def assert_equal_to_a_full_rebuild(path, copy_path):
    """The summary tables of the archive at ``path`` equal those a rebuild from nothing gives
    (as after a reparse: the one-pass path) on a copy at ``copy_path``; returns the rebuilt ones."""
    incremental = summary_tables(path)
    copy = backup(path, copy_path)
    db = open_archive(copy)
    for table in summaries.ALL:
        db.execute(f"delete from {table}")
    summaries.refresh_summaries(db, None, full=True)
    db.close()
    rebuilt = summary_tables(copy)
    for table in summaries.ALL:
        assert incremental[table] == rebuilt[table], (table, (incremental[table] - rebuilt[table]).most_common(3),
                                                      (rebuilt[table] - incremental[table]).most_common(3))
    return rebuilt


def test_a_step_writes_only_what_changed(after_crawl, tmp_path):
    """A crawl that wrote nothing, or rewrote a notice with the same content, writes no summary
    row; one that changed a notice's buyer rewrites that procurement's buyer rows and the two
    buyers' totals; a full derivation of an up-to-date archive writes nothing."""
    copy = backup(after_crawl, tmp_path / "again.db")
    db = open_archive(copy)
    for crawl_id in (3, 4, 5):
        db["crawls"].insert({"crawl_id": crawl_id, "spider": "tenderned", "status": "complete",
                             "finish_reason": "finished"}, pk="crawl_id")
    changes = db.conn.total_changes
    assert summaries.refresh_summaries(db, 3) == 0
    pid, old_buyer = db.execute("select publication_id, buyer_id from notices where youth_care = 1 and buyer_id "
                                "is not null order by publication_id limit 1").fetchone()
    db.execute("update notices set crawl_id = 4 where publication_id = ?", [pid])
    changes = db.conn.total_changes
    assert summaries.refresh_summaries(db, 4) == 0
    assert db.conn.total_changes == changes
    assert summaries.refresh_summaries(db, None, full=True) == 0
    assert db.conn.total_changes == changes
    db.execute("update notices set crawl_id = 5, buyer_id = 'synthetic-buyer-5' where publication_id = ?", [pid])
    assert summaries.refresh_summaries(db, 5) >= 3  # buyer rows, old and new buyer totals
    assert db.execute("select aanbestedingen from summary_buyers where buyer_id = 'synthetic-buyer-5'").fetchone()
    db.close()
    assert summary_tables(copy)["summary_buyers"] != Counter()


def test_the_first_derivation_after_an_upgrade_fills_every_summary(after_crawl, tmp_path):
    """An archive derived before the summary tables existed (they are empty) gets all of them
    from its next crawl's derivation, not only the touched procurements'."""
    copy = tmp_path / "upgraded.db"
    source, target = sqlite3.connect(after_crawl), sqlite3.connect(copy)
    source.backup(target)
    source.close()
    target.close()
    expected = summary_tables(after_crawl)
    db = open_archive(copy)
    for table in summaries.ALL:
        db.execute(f"drop table {table}")
    db.close()
    db = open_archive(copy)  # creates them, empty
    assert not db.execute("select count(*) from summary_awards").fetchone()[0]
    db["crawls"].insert({"crawl_id": 3, "spider": "tenderned", "status": "complete", "finish_reason": "finished"},
                        pk="crawl_id")
    summaries.refresh_summaries(db, 3)
    db.close()
    assert summary_tables(copy) == expected


def test_keys_that_only_gain_rows_are_folded_not_recomputed(after_crawl, tmp_path, monkeypatch):
    """A crawl of new procedures and new awards only adds rows under its (jeugdregio, year),
    (provider, jeugdregio) and buyer keys: those rows are folded into the stored key rows
    (tenderarchive/store/summaries.py ``_fold_*``) instead of recomputing each key from all its
    rows, and the result equals a full rebuild. Crawl 3 (synthetic): 80 new notices; in the
    busiest (jeugdregio, year), awards for new lots of a procedure that keeps its award there
    (its procedure is counted once), all won by a provider that thereby becomes the one that won
    most; one new award of the next year whose winner has no organisation id (its keys are
    recomputed); a new procedure started in 2031, moved to 2032 by crawl 4 (the 2031 row goes)."""
    import random

    from bench.scale import notice_rows

    copy = backup(after_crawl, tmp_path / "gains.db")
    db = open_archive(copy)
    places = list(db.query("select cbs_code, name, jeugdregio_code from municipalities order by cbs_code"))
    existing = db.execute("select count(*) from notices").fetchone()[0]
    write_items(db, notice_rows(80, places, random.Random(3), offset=existing), 3)
    code, year, top_id, top_won = db.execute(
        "select jeugdregio_code, jaar, grootste_id, grootste_won from summary_region_years where grootste_won > 0 "
        "and jeugdregio_code is not null order by gunningen desc, jeugdregio_code limit 1").fetchone()
    rival = db.execute("select organisation_id, min(name), count(distinct award_id) from summary_award_winners "
                       "where jeugdregio_code = ? and year = ? and organisation_id != ? group by 1 "
                       "order by 3 desc, 1 limit 1", [code, year, top_id]).fetchone()
    assert rival[2] >= 1  # a winner there already: it is not new, and its count is read, not the gained one
    # one of its awards there: the new lots go to the same procedure, already counted for both keys
    award = next(db.query("select a.* from awards a join summary_award_winners w on w.award_id = a.award_id where "
                          "w.jeugdregio_code = ? and w.year = ? and w.organisation_id = ? order by a.award_id limit 1",
                          [code, year, rival[0]]))
    alone = db.execute("select kenmerk from notices where crawl_id = 3 and youth_care = 1 and kenmerk not in "
                       "(select cast(substr(procurement_id, 3) as integer) from awards) limit 1").fetchone()[0]
    with db.atomic():
        # a procedure started in a year of its own (the key is new, then empty after crawl 4)
        db.execute("update notices set published = '2031' || substr(published, 5), published_at = '2031' || "
                   "substr(published_at, 5) where kenmerk = ?", [alone])
        for n in range(max(2, top_won - rival[2] + 1)):
            new = dict(award, award_id=f"{award['award_id']}/extra{n}", lot_id=f"LOT-9{n:03d}", current=None,
                       crawl_id=3)
            db["awards"].insert(new, alter=False)
            db["award_suppliers"].insert({"award_id": new["award_id"], "organisation_id": rival[0],
                                          "procurement_id": award["procurement_id"], "lot_id": new["lot_id"],
                                          "name": rival[1]}, alter=False)
        nameless = dict(award, award_id=f"{award['award_id']}/nameless", lot_id="LOT-8000", current=None, crawl_id=3,
                        year=year + 1)  # another key: (code, year) itself is folded
        db["awards"].insert(nameless, alter=False)
        db["award_suppliers"].insert({"award_id": nameless["award_id"], "organisation_id": None,
                                      "procurement_id": award["procurement_id"], "lot_id": "LOT-8000",
                                      "name": "Onbekende winnaar"}, alter=False)
    rival_procedures = db.execute("select procedures from summary_org_regions where organisation_id = ? and "
                                  "jeugdregio_code = ?", [rival[0], code]).fetchone()
    procedures = db.execute("select procedures from summary_region_years where jeugdregio_code = ? and jaar = ?",
                            [code, year]).fetchone()[0]
    calls = Counter()
    for name in ("_region_year", "_fold_region_year", "_org_region", "_fold_org_region", "_buyer", "_fold_buyer"):
        def counted(*args, _name=name, _real=getattr(summaries, name)):
            calls[_name] += 1
            return _real(*args)
        monkeypatch.setattr(summaries, name, counted)
    db["crawls"].insert({"crawl_id": 3, "spider": "tenderned", "status": "complete", "finish_reason": "finished"},
                        pk="crawl_id", replace=True)
    derive(db, 3)
    monkeypatch.undo()
    row = db.execute("select grootste_id, grootste_won, procedures from summary_region_years where "
                     "jeugdregio_code = ? and jaar = ?", [code, year]).fetchone()
    assert db.execute("select procedures from summary_org_regions where organisation_id = ? and jeugdregio_code = ?",
                      [rival[0], code]).fetchone() == rival_procedures
    assert db.execute("select aanbestedingen from summary_region_years where jaar = 2031").fetchone() == (1,)
    db["crawls"].insert({"crawl_id": 4, "spider": "tenderned", "status": "complete", "finish_reason": "finished"},
                        pk="crawl_id", replace=True)
    db.execute("update notices set published = '2032' || substr(published, 5), published_at = '2032' || "
               "substr(published_at, 5), crawl_id = 4 where kenmerk = ?", [alone])
    derive(db, 4)
    assert db.execute("select aanbestedingen from summary_region_years where jaar = 2031").fetchone() is None
    db.close()
    assert row[0] == rival[0] and row[1] > top_won  # the provider that won most changed, by a fold or not
    assert row[2] == procedures  # the procedure already counted there
    # folded: the new procedures' keys; recomputed: only the key of the winner without an id
    assert calls["_fold_region_year"] >= 10 and calls["_fold_buyer"] >= 10 and calls["_fold_org_region"] >= 5, calls
    assert calls["_region_year"] == 1 and calls["_org_region"] == 1 and calls["_buyer"] == 0, calls
    assert_equal_to_a_full_rebuild(copy, tmp_path / "gains-rebuilt.db")


def test_a_lot_whose_winners_each_carry_a_value_counts_their_values_in_the_totals(tmp_path_factory):
    """"Who won, for how much": ``summary_procurements.gegunde_waarde_cents`` (jeugdregio_aanbestedingen) and the region
    years (values_per_year, jeugdregio_overzicht) added up award values only. A lot whose winners each carry their own
    value (OCDS per-supplier values, split values in a notice; tenderned-awards.md §2.5, §4) has no award value and
    counted as nothing. It counts its winners' values (each winner once, a buyer listed as winner not), and an award
    that has a value of its own counts that value only (never twice)."""
    from tests.datasette.archive_fixtures import build_demo, run_dir

    path = build_demo(tmp_path_factory.mktemp("winner_totals") / "archive.db", run_dir(tmp_path_factory))
    with sqlite3.connect(path) as conn:
        award_id, year, region = conn.execute(
            "select a.award_id, a.year, p.jeugdregio_code from awards a join procurements p using (procurement_id) "
            "where a.procurement_id = 'TN312877' and a.lot_id = '3' and a.current = 1").fetchone()
        assert conn.execute("select value_cents from awards where award_id = ?", [award_id]).fetchone() == (None,)
        suppliers = [r[0] for r in conn.execute("select rowid from award_suppliers where award_id = ? and "
                                                "coalesce(is_buyer, 0) = 0 order by name", [award_id])]
        assert len(suppliers) >= 2
        before_procurement = conn.execute("select gegunde_waarde_cents from summary_procurements where "
                                          "procurement_id = 'TN312877'").fetchone()[0] or 0
        before_region = conn.execute("select gegunde_waarde_cents, met_waarde from summary_region_years where "
                                     "jeugdregio_code is ? and jaar is ?", [region, year]).fetchone()
        conn.execute("update award_suppliers set tender_value_cents = 45000050 where rowid = ?", [suppliers[0]])
        conn.execute("update award_suppliers set tender_value_cents = 12000000 where rowid = ?", [suppliers[1]])
        # a buyer listed as a winner (a quality issue of the source) with a value: no winner, its value not counted
        columns = ", ".join(c for c in _columns(conn, "award_suppliers") if c not in ("organisation_id", "is_buyer"))
        conn.execute(f"insert into award_suppliers (organisation_id, is_buyer, {columns}) select 'name:gemeente x', 1, "
                     f"{columns} from award_suppliers where rowid = ?", [suppliers[1]])
        # an award with a value of its own whose winner also carries one: the award's value only
        valued, valued_cents = conn.execute(
            "select a.award_id, a.value_cents from awards a where a.procurement_id = 'TN312877' and a.current = 1 "
            "and a.value_cents is not null and exists (select 1 from award_suppliers s where s.award_id = a.award_id)"
        ).fetchone()
        conn.execute("update award_suppliers set tender_value_cents = 99900000000 where award_id = ?", [valued])
    db = open_archive(path)
    summaries.refresh_summaries(db, None, full=True)            # the stored summaries: recomputed, keys refolded
    db.close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("select value_cents from summary_awards where award_id = ?",
                            [award_id]).fetchone() == (45000050 + 12000000,)
        assert conn.execute("select value_cents from summary_awards where award_id = ?",
                            [valued]).fetchone() == (valued_cents,)
        assert conn.execute("select gegunde_waarde_cents from summary_procurements where procurement_id = 'TN312877'"
                            ).fetchone() == (before_procurement + 57000050,)
        cents, with_value = conn.execute("select gegunde_waarde_cents, met_waarde from summary_region_years where "
                                         "jeugdregio_code is ? and jaar is ?", [region, year]).fetchone()
        assert (cents, with_value) == ((before_region[0] or 0) + 57000050, before_region[1] + 1)
    assert_equal_to_a_full_rebuild(path, path.parent / "rebuilt.db")


def _columns(conn, table):
    return [r[1] for r in conn.execute(f"pragma table_info({table})")]
