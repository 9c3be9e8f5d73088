"""Opening the archive for writing migrates it once per schema: ``PRAGMA user_version`` records the
schema fingerprint (tables, views, reference files), an archive already at it is left alone, and
one that is not (older version, or a newer reference file) is migrated in full."""

from __future__ import annotations

import sqlite3

from tenderarchive.store.schema import TABLES, schema_fingerprint
from tenderarchive.store.writes import open_archive


def user_version(path) -> int:
    with sqlite3.connect(path) as conn:
        return conn.execute("PRAGMA user_version").fetchone()[0]


def test_a_new_archive_records_the_fingerprint(tmp_path):
    path = tmp_path / "archive.db"
    open_archive(path).close()
    assert user_version(path) == schema_fingerprint() != 0
    with sqlite3.connect(path) as conn:
        assert conn.execute("select count(*) from jeugdregios").fetchone()[0] == 42


def test_an_archive_at_the_fingerprint_is_opened_without_writing(tmp_path):
    path = tmp_path / "archive.db"
    open_archive(path).close()
    db = open_archive(path)
    assert db.conn.total_changes == 0           # no reference rows rewritten, no view replaced
    db.close()


def test_an_older_archive_is_migrated_in_full(tmp_path):
    path = tmp_path / "archive.db"
    open_archive(path).close()
    with sqlite3.connect(path) as conn:          # as an older version left it: no reference rows, old stamp
        conn.execute("delete from jeugdregios")
        conn.execute("PRAGMA user_version = 7")
    open_archive(path).close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("select count(*) from jeugdregios").fetchone()[0] == 42
    assert user_version(path) == schema_fingerprint()


def test_a_missing_table_is_created_even_at_the_fingerprint(tmp_path):
    path = tmp_path / "archive.db"
    open_archive(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("drop table ocds_differences")
    open_archive(path).close()
    with sqlite3.connect(path) as conn:
        tables = {r[0] for r in conn.execute("select name from sqlite_master where type = 'table'")}
    assert set(TABLES) <= tables


def test_organisations_written_before_provenance_gain_that_of_the_record_that_first_named_them(tmp_path):
    """An archive whose organisations had no provenance columns: opening it for writing adds them and
    fills each row from the record that first named it, as a fresh build writes them."""
    from tests.conftest import installed
    from tests.store.test_writes import organisation_provenance

    path = tmp_path / "archive.db"
    assert installed("build-demo", "--db", path).returncode == 0
    fresh = organisation_provenance(path)
    with sqlite3.connect(path) as conn:          # as an older version left it
        conn.execute("drop index if exists idx_organisations_crawl_id")
        for column in ("source_url", "fetched_at", "sha256", "crawl_id", "named_in"):
            conn.execute(f"alter table organisations drop column {column}")
        conn.execute("PRAGMA user_version = 7")
    open_archive(path).close()
    migrated = organisation_provenance(path)
    assert migrated == fresh and all(named_in for *_, named_in in migrated.values())


def _named_archive(path, articles_first: bool) -> dict:
    """An archive (synthetic records) whose organisations several records name, written in one order or
    the other: notices of procedure 900001 (tests/fixtures/awards) with their awards, whose winner
    Zorggroep Oost (no KvK number: ``name:zorggroep oost``) an article fetched a month before the award
    names; and "Adviesbureau Jeugd", named by an article as adviser and by one fetched earlier as
    provider. The organisations' provenance after the derivation."""
    from tenderarchive.apiserver import load_publications
    from tenderarchive.awards.names import name_key
    from tenderarchive.derive import derive
    from tenderarchive.store.writes import write_article, write_notice
    from tests.awards.conftest import FIXTURES
    from tests.awards.test_store_awards import record
    from tests.store.test_writes import organisation_provenance

    def article(name, fetched_at, party, role):
        url = f"https://www.example.nl/nieuws/{name}"
        named = {"url": url, "name": party, "name_key": name_key(party)}
        return {"article": {"url": url, "site": "example", "title": f"Jeugdhulp {name}", "published": fetched_at[:10],
                            "text": f"{party} en jeugdhulp.", "relevant": 1, "source_url": url,
                            "fetched_at": fetched_at, "sha256": name},
                "municipalities": [], "events": [],
                "awardees": [dict(named, rule="gegund_aan", sentence=f"Gegund aan {party}.")] if role == "awardee" else [],
                "organisations": [] if role == "awardee" else [dict(named, role=role)]}

    db = open_archive(path)
    db["crawls"].insert({"crawl_id": 1, "spider": "tenderned", "status": "complete"}, pk="crawl_id")
    notices = [record(p) for p in load_publications(FIXTURES) if p["detail"]["kenmerk"] == 900001]
    news = [article("gegund", "2025-12-01T00:00:00+00:00", "Zorggroep Oost", "awardee"),
            article("advies", "2026-02-01T00:00:00+00:00", "Adviesbureau Jeugd", "adviser"),
            article("aanbieder", "2026-01-15T00:00:00+00:00", "Adviesbureau Jeugd", "provider")]
    for write, records in ([(write_article, news), (write_notice, notices)] if articles_first
                           else [(write_notice, notices), (write_article, news)]):
        for item in records:
            write(db, item, 1)
        derive(db, 1)
    db.close()
    return organisation_provenance(path)


def test_a_migrated_archive_names_the_record_a_fresh_build_names_first(tmp_path):
    """The migration of organisations written before they carried provenance took a notice over an
    award over an article; the store took the earliest fetched record, but of the articles the first
    by role and spelling, and none for an organisation a TenderNed winner had added first. One rule
    now (``writes.named_by``): the earliest fetched record that names it, in whichever order the
    records were written, and the migration applies it too."""
    fresh = _named_archive(tmp_path / "archive.db", articles_first=False)
    assert _named_archive(tmp_path / "news-first.db", articles_first=True) == fresh
    assert fresh["name:zorggroep oost"][-1] == "articles:https://www.example.nl/nieuws/gegund"    # before the award
    assert fresh["name:adviesbureau jeugd"][-1] == "articles:https://www.example.nl/nieuws/aanbieder"
    assert fresh["kvk:01234567"][-1].startswith("awards:TN900001/")
    assert all(named_in for *_, named_in in fresh.values())
    with sqlite3.connect(tmp_path / "archive.db") as conn:          # as an older version left it
        conn.execute("drop index if exists idx_organisations_crawl_id")
        for column in ("source_url", "fetched_at", "sha256", "crawl_id", "named_in"):
            conn.execute(f"alter table organisations drop column {column}")
        conn.execute("PRAGMA user_version = 7")
    open_archive(tmp_path / "archive.db").close()
    from tests.store.test_writes import organisation_provenance

    assert organisation_provenance(tmp_path / "archive.db") == fresh


def test_documents_keyed_on_document_id_alone_are_rekeyed_with_every_row(tmp_path):
    """An archive of the old schema kept documents by ``document_id`` alone, so a rectification that
    listed its procedure's documents again took them from the notice (one row per id). Opening it
    rebuilds the table keyed by (publication_id, document_id) with every row and column as it was;
    then both publications can hold the same document."""
    import sqlite_utils

    from tenderarchive.store.writes import put_row

    path = tmp_path / "archive.db"
    open_archive(path).close()
    old = sqlite_utils.Database(path)
    old["documents"].transform(pk="document_id")          # as the old schema created it
    assert old["documents"].pks == ["document_id"]
    rows = [{"document_id": f"1001010{i}", "publication_id": 100101, "name": f"Leidraad {i}.pdf", "file_type": "pdf",
             "size_bytes": 1000 + i, "download_url": f"https://www.tenderned.nl/d/{i}", "crawl_id": 1,
             "sha256": "ab" * 32} for i in (1, 2)]
    old["documents"].insert_all(rows)
    old.execute("PRAGMA user_version = 7")
    old.conn.commit()
    old.close()

    db = open_archive(path)
    assert db["documents"].pks == ["publication_id", "document_id"]
    columns = ", ".join(rows[0])
    assert list(db.query(f"select {columns} from documents order by document_id")) == rows
    assert {tuple(i.columns) for i in db["documents"].indexes} >= {("publication_id",), ("category",), ("file_type",)}
    with db.conn:
        put_row(db, "documents", dict(rows[0], publication_id=100131, crawl_id=2))
    assert [(r["publication_id"], r["document_id"]) for r in db.query(
        "select publication_id, document_id from documents order by 1, 2")] == [
        (100101, "10010101"), (100101, "10010102"), (100131, "10010101")]
    db.close()
    assert user_version(path) == schema_fingerprint()


def test_a_lot_archived_as_lot_0001_and_as_1_becomes_one_lot_and_keeps_every_award(tmp_path):
    """An archive written before lots had one key holds procedure TN900001's lot 1 twice: "LOT-0001" from
    the API's notice and "1" from an OCDS package, each with its award. Migrated, it is one lot "1" with the
    API's values and what only the package gave, its own id kept; both awards and their winners are kept
    under lot "1" (ids unchanged); the lot's versions follow its key; the summaries are rebuilt."""
    path = tmp_path / "archive.db"
    open_archive(path).close()
    with sqlite3.connect(path) as conn:          # as an older version left it
        lot = "insert into lots (procurement_id, lot_id, publication_id, title, estimated_cents, awarded, source) " \
              "values (?, ?, ?, ?, ?, ?, ?)"
        conn.execute(lot, ["TN900001", "LOT-0001", 900102, "Jeugd-GGZ", None, 1, "tenderned_html"])
        conn.execute(lot, ["TN900001", "1", 900101, "Jeugd-GGZ (OCDS)", 130000000, 1, "tenderned_ocds"])
        conn.execute(lot, ["TN900001", "LOT-0002", 900102, "Crisishulp", None, 0, "tenderned_html"])
        # a notice numbering its lots from LOT-0000: not perceel numbers, left as they are
        conn.execute(lot, ["TN900002", "LOT-0000", 900202, "Ambulant", None, 1, "tenderned_html"])
        conn.execute(lot, ["TN900002", "LOT-0001", 900202, "Verblijf", None, 1, "tenderned_html"])
        award = "insert into awards (award_id, procurement_id, lot_id, publication_id, value_cents, current, source) " \
                "values (?, 'TN900001', ?, ?, ?, ?, ?)"
        conn.execute(award, ["TN900001/900102/LOT-0001", "LOT-0001", 900102, 125000000, 1, "tenderned_html"])
        conn.execute(award, ["TN900001/ocds/a1/1", "1", 900101, 125000000, 0, "tenderned_ocds"])
        conn.execute("insert into award_suppliers (award_id, organisation_id, procurement_id, lot_id, name) values "
                     "('TN900001/900102/LOT-0001', 'kvk:01234567', 'TN900001', 'LOT-0001', 'Stichting Jeugdhulp Noord')")
        conn.execute("insert into versions (table_name, row_key, version, valid_from) values "
                     "('lots', '[\"TN900001\", \"LOT-0002\"]', 1, '2025-09-01')")
        conn.execute("insert into summary_procurements (procurement_id) values ('TN900001')")
        conn.execute("PRAGMA user_version = 7")
    open_archive(path).close()
    with sqlite3.connect(path) as conn:
        conn.row_factory = sqlite3.Row
        assert [tuple(r) for r in conn.execute("select lot_id, source_lot_id from lots where procurement_id = "
                                               "'TN900002' order by lot_id")] == [("LOT-0000", "LOT-0000"), ("LOT-0001", "LOT-0001")]
        lots = [dict(r) for r in conn.execute("select lot_id, source_lot_id, title, estimated_cents, awarded, source "
                                              "from lots where procurement_id = 'TN900001' order by lot_id")]
        assert lots == [
            {"lot_id": "1", "source_lot_id": "LOT-0001", "title": "Jeugd-GGZ", "estimated_cents": 130000000,
             "awarded": 1, "source": "tenderned_html"},
            {"lot_id": "2", "source_lot_id": "LOT-0002", "title": "Crisishulp", "estimated_cents": None,
             "awarded": 0, "source": "tenderned_html"}]
        assert [tuple(r) for r in conn.execute("select award_id, lot_id, source_lot_id, current from awards "
                                               "order by award_id")] == [
            ("TN900001/900102/LOT-0001", "1", "LOT-0001", None), ("TN900001/ocds/a1/1", "1", "1", 0)]
        assert [tuple(r) for r in conn.execute("select award_id, lot_id from award_suppliers")] == [
            ("TN900001/900102/LOT-0001", "1")]
        assert [r[0] for r in conn.execute("select row_key from versions where table_name = 'lots'")] == [
            '["TN900001", "2"]']
        assert conn.execute("select count(*) from summary_procurements").fetchone()[0] == 0


def test_a_merged_lot_keeps_the_versions_of_both_rows_under_its_key(tmp_path):
    """When the renamed row ("LOT-0001", the API's) wins the merge with the row already under the key ("1",
    an OCDS package's), its versions stayed under the old key, which no lot has: the lot's history showed
    only the package row's change. Both rows' versions are the lot's, numbered in the order they happened."""
    path = tmp_path / "archive.db"
    open_archive(path).close()
    with sqlite3.connect(path) as conn:          # as an older version left it
        lot = "insert into lots (procurement_id, lot_id, publication_id, title, source) values (?, ?, ?, ?, ?)"
        conn.execute(lot, ["TN900001", "LOT-0001", 900102, "Jeugd-GGZ", "tenderned_html"])
        conn.execute(lot, ["TN900001", "1", 900101, "Jeugd-GGZ (OCDS)", "tenderned_ocds"])
        version = "insert into versions (table_name, row_key, version, valid_from, valid_to, changed_columns) " \
                  "values ('lots', ?, ?, ?, ?, ?)"
        conn.execute(version, ['["TN900001", "LOT-0001"]', 1, "2025-01-01", "2025-03-01", '["title"]'])
        conn.execute(version, ['["TN900001", "LOT-0001"]', 2, "2025-03-01", "2025-09-01", '["awarded"]'])
        conn.execute(version, ['["TN900001", "1"]', 1, "2025-02-01", "2025-05-01", '["estimated_cents"]'])
        conn.execute("PRAGMA user_version = 7")
    open_archive(path).close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("select source from lots where procurement_id = 'TN900001'").fetchall() == [
            ("tenderned_html",)]  # the API's row won
        assert conn.execute("select row_key, version, valid_to, changed_columns from versions "
                            "where table_name = 'lots' order by row_key, version").fetchall() == [
            ('["TN900001", "1"]', 1, "2025-03-01", '["title"]'),
            ('["TN900001", "1"]', 2, "2025-05-01", '["estimated_cents"]'),
            ('["TN900001", "1"]', 3, "2025-09-01", '["awarded"]')]


def test_article_municipalities_archived_before_implied_are_marked_from_their_match(tmp_path):
    """Rows archived before ``article_municipalities.implied`` (branch cv27): opening the archive adds the
    column and marks the members a sub-region implied (matched "subregion:...") 1, the named ones 0;
    no row is lost. Synthetic rows."""
    path = tmp_path / "archive.db"
    open_archive(path).close()
    with sqlite3.connect(path) as conn:          # as an older version left it
        conn.execute("alter table article_municipalities drop column implied")
        conn.execute("insert into articles (url) values ('https://example.test/nieuws/h10')")
        conn.executemany("insert into article_municipalities (url, cbs_code, name, matched) values (?, ?, ?, ?)",
                         [("https://example.test/nieuws/h10", "GM0518", "'s-Gravenhage", "subregion:H10"),
                          ("https://example.test/nieuws/h10", "GM0603", "Rijswijk (ZH.)", "office")])
        conn.execute("PRAGMA user_version = 7")
    open_archive(path).close()
    with sqlite3.connect(path) as conn:
        rows = dict(conn.execute("select cbs_code, implied from article_municipalities"))
    assert rows == {"GM0518": 1, "GM0603": 0}


#: Columns an older version's archive lacked, as the store of commit 263e5f0^ created them (each was added since in
#: the middle of its table's list, before the provenance columns or the winner's own dates).
ADDED_SINCE = {"notices": ("publication_status", "publication_status_label", "is_imported", "digital_submission",
                           "digital_submission_label", "deviating_rules", "pdf_id", "consultation_deadline_list",
                           "description_list", "description_from_list", "deadline_from_list",
                           "consultation_deadline_from_list"),
               "documents": ("dropped_since", "listed_again", "omitted_columns"),
               "award_suppliers": ("is_buyer", "trade_name", "trade_key")}


def _as_an_older_version_left_it(path) -> dict:
    """Drop :data:`ADDED_SINCE` from the archive at ``path`` (their indexes first) and stamp it older; return the
    dropped values by table and rowid, to be given back once the migration added the columns again."""
    kept = {}
    with sqlite3.connect(path) as conn:
        for table, columns in ADDED_SINCE.items():
            names = ", ".join(columns)
            kept[table] = {rowid: values for rowid, *values in conn.execute(f"select rowid, {names} from {table}")}
            for (index,) in conn.execute("select il.name from sqlite_master m, pragma_index_list(m.name) il, "
                                         "pragma_index_info(il.name) ii where m.name = ? and ii.name in "
                                         f"({', '.join('?' * len(columns))}) and il.origin = 'c'",
                                         [table, *columns]).fetchall():
                conn.execute(f"drop index if exists [{index}]")
            for column in columns:
                # a view reading the column came later than it too (SQLite refuses to drop a column a view reads)
                for (view,) in conn.execute("select name from sqlite_master where type = 'view' and sql like ? "
                                            "and sql like ?", (f"%{table}%", f"%{column}%")).fetchall():
                    conn.execute(f"drop view [{view}]")
                conn.execute(f"alter table {table} drop column {column}")
        conn.execute("PRAGMA user_version = 7")
    return kept


def test_an_upgraded_archive_exports_every_table_with_the_columns_and_bytes_of_a_fresh_one(tmp_path):
    """SQLite adds a column at the end of a table only: an archive written by an older version and migrated on
    opening had ``notices.pdf_id`` after ``crawl_id``, ``documents.dropped_since`` after the provenance, and its
    CSV (``tenderarchive export``'s, the site's) another column order than a fresh archive's, so an analyst's
    script reading by position read the wrong column. Opened for writing, it is rebuilt in the schema's order,
    with every row, index and trigger (the full-text index still finds its notices), and exports the same
    bytes as the fresh archive."""
    import shutil

    from tenderarchive.export import export
    from tests.conftest import installed

    fresh = tmp_path / "fresh.db"
    assert installed("build-demo", "--db", fresh).returncode == 0
    upgraded = tmp_path / "upgraded.db"
    shutil.copy(fresh, upgraded)
    kept = _as_an_older_version_left_it(upgraded)
    with sqlite3.connect(upgraded) as conn:
        triggers = {r[0] for r in conn.execute("select name from sqlite_master where type = 'trigger'")}

    db = open_archive(upgraded)
    with db.conn:                                # the values the dropped columns held, back in their rows
        for table, rows in kept.items():
            assignments = ", ".join(f"{c} = ?" for c in ADDED_SINCE[table])
            db.conn.executemany(f"update {table} set {assignments} where rowid = ?",
                                [[*values, rowid] for rowid, values in rows.items()])
    for table, spec in TABLES.items():
        assert [c.name for c in db[table].columns] == list(spec["columns"]), table
    assert {r[0] for r in db.execute("select name from sqlite_master where type = 'trigger'")} >= triggers
    assert db.execute("select count(*) from notices_fts where notices_fts match 'jeugdhulp'").fetchone()[0] > 0
    db.close()

    for table in ADDED_SINCE:
        export(fresh, table, output=str(tmp_path / f"fresh-{table}.csv"))
        export(upgraded, table, output=str(tmp_path / f"upgraded-{table}.csv"))
        assert (tmp_path / f"upgraded-{table}.csv").read_bytes() == (tmp_path / f"fresh-{table}.csv").read_bytes()


def test_crawls_recorded_before_the_drift_column_gain_it_and_keep_their_rows(tmp_path):
    """``crawls.drift`` (the fields a crawl read past in another shape): an archive written before it gains the column
    when it is opened for writing; its crawls are kept, their drift NULL (unknown, not "none")."""
    path = tmp_path / "archive.db"
    open_archive(path).close()
    with sqlite3.connect(path) as conn:          # as an older version left it
        conn.execute("alter table crawls drop column drift")
        conn.execute("insert into crawls (crawl_id, spider, status) values (1, 'tenderned', 'complete')")
        conn.execute("PRAGMA user_version = 7")
    open_archive(path).close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("select crawl_id, status, drift from crawls").fetchall() == [(1, "complete", None)]


def test_awards_and_lots_archived_before_first_crawl_id_gain_the_crawl_that_first_archived_them_where_known(tmp_path):
    """``awards.first_crawl_id`` and ``lots.first_crawl_id`` (the crawl that first archived the row, which a crawl
    report needs to tell an award a crawl added from one it changed): an archive written before them gains them when
    it is opened for writing. A row no later crawl changed (no ``versions``) was first archived by its ``crawl_id``;
    one a later crawl changed has no record of its first crawl, which stays unknown (NULL), not the changing crawl's.
    No row is lost. Synthetic rows."""
    from tenderarchive.store.keys import version_key

    path = tmp_path / "archive.db"
    open_archive(path).close()
    with sqlite3.connect(path) as conn:          # as an older version left it
        for table in ("awards", "lots"):
            conn.execute(f"drop index idx_{table}_first_crawl_id")
            conn.execute(f"alter table {table} drop column first_crawl_id")
        conn.executemany("insert into awards (award_id, procurement_id, lot_id, publication_id, crawl_id) "
                         "values (?, 'TN1', ?, 100, ?)", [("TN1/100/1", "1", 2), ("TN1/100/2", "2", 3)])
        conn.executemany("insert into lots (procurement_id, lot_id, publication_id, crawl_id) values ('TN1', ?, 100, ?)",
                         [("1", 2), ("2", 3)])
        conn.executemany("insert into versions (table_name, row_key, version, previous_values, crawl_id) "
                         "values (?, ?, 1, '{}', 3)", [("awards", "TN1/100/2"), ("lots", version_key(("TN1", "2")))])
        conn.execute("PRAGMA user_version = 7")
    open_archive(path).close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("select award_id, crawl_id, first_crawl_id from awards order by award_id").fetchall() == [
            ("TN1/100/1", 2, 2), ("TN1/100/2", 3, None)]
        assert conn.execute("select lot_id, crawl_id, first_crawl_id from lots order by lot_id").fetchall() == [
            ("1", 2, 2), ("2", 3, None)]


def test_summaries_of_an_award_valued_by_its_winners_alone_are_rebuilt_on_opening(tmp_path):
    """Summaries written before an award without a value of its own counted its winners' own values (a lot of
    several winners each with a tender value: ``summary_awards.value_cents`` NULL, the procurement's and region's
    totals without it) are emptied on opening, so the next derivation rebuilds them; summaries that are current stay."""
    path = tmp_path / "archive.db"
    open_archive(path).close()
    with sqlite3.connect(path) as conn:          # as an older version left it
        conn.execute("insert into awards (award_id, procurement_id, lot_id, current, source) values "
                     "('TN900001/900102/1', 'TN900001', '1', 1, 'tenderned_html')")
        conn.execute("insert into award_suppliers (award_id, organisation_id, procurement_id, lot_id, name, "
                     "tender_value_cents) values ('TN900001/900102/1', 'kvk:01234567', 'TN900001', '1', "
                     "'Stichting Jeugdhulp Noord', 45000050)")
        conn.execute("insert into summary_awards (award_id, procurement_id, value_cents) values "
                     "('TN900001/900102/1', 'TN900001', 45000050)")
        conn.execute("insert into summary_procurements (procurement_id) values ('TN900001')")
        conn.execute("PRAGMA user_version = 7")
    open_archive(path).close()
    with sqlite3.connect(path) as conn:          # current: kept
        assert conn.execute("select count(*) from summary_procurements").fetchone()[0] == 1
        conn.execute("update summary_awards set value_cents = null")
        conn.execute("PRAGMA user_version = 7")
    open_archive(path).close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("select count(*) from summary_procurements").fetchone()[0] == 0


def test_an_awards_value_repeated_as_that_of_its_winners_not_named_is_emptied_on_opening(tmp_path):
    """An award of a lot whose only winner is not named, archived with its € 200.000 both in ``value_*`` and in
    ``unnamed_value_*`` (read as two amounts), keeps it in ``value_*`` alone on opening; the winners not named of an
    award without a value of its own keep theirs (their parts of its total)."""
    path = tmp_path / "archive.db"
    open_archive(path).close()
    with sqlite3.connect(path) as conn:          # as an older version left it
        conn.executemany(
            "insert into awards (award_id, procurement_id, lot_id, current, source, winner_count, value_cents, "
            "value_raw, unnamed_winners, unnamed_value_cents, unnamed_value_raw, unnamed_value_currency, "
            "unnamed_value_placeholder) values (?, 'TN900001', ?, 1, 'tenderned_html', ?, ?, ?, 1, ?, ?, 'EUR', 0)",
            [("TN900001/900102/1", "1", 0, 20000000, "200 000", 20000000, "200 000"),
             ("TN900001/900102/2", "2", 1, None, None, 5000000, "50 000")])
        conn.execute("PRAGMA user_version = 7")
    open_archive(path).close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("select lot_id, value_cents, value_raw, unnamed_winners, unnamed_value_cents, "
                            "unnamed_value_raw, unnamed_value_currency from awards order by lot_id").fetchall() == [
            ("1", 20000000, "200 000", 1, None, None, None), ("2", None, None, 1, 5000000, "50 000", "EUR")]
    assert user_version(path) == schema_fingerprint()


def test_cpv_codes_archived_as_sent_are_put_in_one_form_on_opening(tmp_path):
    """Archives written before kept a CPV code as TenderNed sent it (``85311300 - 5``), beside ``85311300-5`` of other
    notices: opening one for writing keeps that as ``cpv_raw`` and re-keys the code to ``85311300-5``; a notice holding
    both forms keeps one row (main if either was, its label); ``notices.cpv_main`` and ``lots.cpv`` follow; a code of
    unknown check digit stays 8 digits and text that is no code stays as it is."""
    from tests.conftest import installed

    path = tmp_path / "archive.db"
    assert installed("build-demo", "--db", path).returncode == 0
    with sqlite3.connect(path) as conn:          # as an older version left it
        pid = conn.execute("select publication_id from notices limit 1").fetchone()[0]
        conn.execute("delete from notice_cpv where publication_id = ?", [pid])
        conn.execute("alter table notice_cpv drop column cpv_raw")
        conn.executemany("insert into notice_cpv (publication_id, cpv, cpv_8, label, is_main) values (?, ?, ?, ?, ?)",
                         [(pid, "85311300 - 5", "85311300", None, 1), (pid, "85311300-5", "85311300", "Welzijn", 0),
                          (pid, "85312000", "85312000", None, 0), (pid, "79411000", "79411000", None, 0),
                          (pid, "onbekend", "onbekend", None, 0)])
        conn.execute("update notices set cpv_main = '85311300 - 5', cpv_main_8 = '85311300 ' where publication_id = ?",
                     [pid])
        conn.execute("PRAGMA user_version = 7")
    open_archive(path).close()
    with sqlite3.connect(path) as conn:
        rows = conn.execute("select cpv, cpv_8, cpv_raw, label, is_main from notice_cpv where publication_id = ? "
                            "order by cpv", [pid]).fetchall()
        main = conn.execute("select cpv_main, cpv_main_8 from notices where publication_id = ?", [pid]).fetchone()
    assert rows == [("79411000", "79411000", "79411000", None, 0), ("85311300-5", "85311300", "85311300-5", "Welzijn", 1),
                    ("85312000-9", "85312000", "85312000", None, 0), ("onbekend", "onbekend", "onbekend", None, 0)]
    assert main == ("85311300-5", "85311300")
    assert user_version(path) == schema_fingerprint()


def test_notices_archived_before_the_lists_consultation_date_gain_the_column_and_keep_their_date(tmp_path):
    """``notices.consultation_deadline_list`` (a market consultation's closing date as its list row gave it, kept
    apart so a date a rectification moved in the detail is not set back to the row's original): an archive written
    before it gains the column in the schema's place when it is opened for writing, every notice kept, the column
    NULL (not known). Where its date came from is not known either, so a later fetch with its row whose detail names
    none keeps the archived date (as one its detail gave: none lost) and records the row's. Synthetic rows."""
    from tenderarchive.store.writes import write_notice
    from tests.store.test_writes import notice_record

    path = tmp_path / "archive.db"
    open_archive(path).close()
    with sqlite3.connect(path) as conn:          # as an older version left it
        conn.execute("alter table notices drop column consultation_deadline_list")
        conn.execute("insert into notices (publication_id, notice_type, consultation_deadline, crawl_id) "
                     "values (7, 'MAC', '2019-06-28', 1)")
        conn.execute("PRAGMA user_version = 7")
    db = open_archive(path)
    assert [c.name for c in db["notices"].columns] == list(TABLES["notices"]["columns"])
    row = db["notices"].get(7)
    assert (row["consultation_deadline"], row["consultation_deadline_list"]) == ("2019-06-28", None)

    record = notice_record(notice_type="MAC", consultation_deadline="2019-06-14",
                           consultation_deadline_list="2019-06-14")
    record["consultation_from_list"] = True      # the detail named none: the row's stood in
    write_notice(db, record, 2)
    row = db["notices"].get(7)
    assert (row["consultation_deadline"], row["consultation_deadline_list"]) == ("2019-06-28", "2019-06-14")
    db.close()


def test_notices_archived_before_the_lists_description_gain_the_column_and_keep_their_text(tmp_path):
    """``notices.description_list`` (the list row's shorter description, kept apart so a full text a detail gave is
    not replaced by it): an archive written before it gains the column in the schema's place when it is opened for
    writing, every notice kept, the column NULL (not known). Where its text came from is not known either, so a later
    fetch with its row whose detail gives none keeps the archived text (as one its detail gave: none lost) and
    records the row's. Synthetic rows."""
    from tenderarchive.store.writes import write_notice
    from tests.store.test_writes import notice_record

    path = tmp_path / "archive.db"
    open_archive(path).close()
    full = "Specialistische jeugdhulp en crisisopvang voor de regio, met verblijf in gezinshuizen"
    with sqlite3.connect(path) as conn:          # as an older version left it
        conn.execute("alter table notices drop column description_list")
        conn.execute("insert into notices (publication_id, notice_type, description, crawl_id) "
                     "values (7, 'AAO', ?, 1)", [full])
        conn.execute("PRAGMA user_version = 7")
    db = open_archive(path)
    assert [c.name for c in db["notices"].columns] == list(TABLES["notices"]["columns"])
    row = db["notices"].get(7)
    assert (row["description"], row["description_list"]) == (full, None)

    record = notice_record(description="Specialistische jeugdhulp", description_list="Specialistische jeugdhulp")
    record["description_from_list"] = True      # the detail gave none: the row's stood in
    write_notice(db, record, 2)
    row = db["notices"].get(7)
    assert (row["description"], row["description_list"]) == (full, "Specialistische jeugdhulp")
    db.close()


def test_notices_archived_before_the_descriptions_origin_gain_it_as_the_text_they_kept_read(tmp_path):
    """``notices.description_from_list`` (1: the list row's text stood in for a detail that gave none): an archive
    written before it gains the column when it is opened for writing. A notice whose text equals its row's
    (``description_list``) was taken as the row's and is marked so: a later row with another text still follows the
    row. One whose text differs, or whose row's is not known, is a detail's (NULL): a later row's text does not replace
    it. Synthetic rows."""
    from tenderarchive.store.writes import write_notice
    from tests.store.test_writes import notice_record

    path = tmp_path / "archive.db"
    open_archive(path).close()
    short, full = "Specialistische jeugdhulp", "Specialistische jeugdhulp en crisisopvang voor de regio"
    with sqlite3.connect(path) as conn:          # as an older version left it
        conn.execute("alter table notices drop column description_from_list")
        conn.executemany("insert into notices (publication_id, notice_type, description, description_list, crawl_id) "
                         "values (?, 'AAO', ?, ?, 1)", [(7, short, short), (8, full, short), (9, full, None)])
        conn.execute("PRAGMA user_version = 7")
    db = open_archive(path)
    assert [c.name for c in db["notices"].columns] == list(TABLES["notices"]["columns"])
    assert [(r["publication_id"], r["description_from_list"]) for r in db["notices"].rows] == [
        (7, 1), (8, None), (9, None)]

    changed = short + " in de regio"
    for key in (7, 8, 9):                        # fetched with a row of another text, the detail giving none
        record = notice_record(key, description=changed, description_list=changed, description_from_list=1)
        record["description_from_list"] = True
        write_notice(db, record, 2)
    assert [(r["publication_id"], r["description"], r["description_list"], r["description_from_list"])
            for r in db["notices"].rows] == [(7, changed, changed, 1), (8, full, changed, None),
                                             (9, full, changed, None)]
    db.close()


def test_notices_archived_before_the_closing_dates_origin_gain_it_as_the_dates_they_kept_read(tmp_path):
    """``notices.deadline_from_list`` and ``consultation_deadline_from_list`` (1: the list row's date stood in for a
    detail that named none), added to an older archive: a date equal to its row's (a placeholder with no row's date
    too) was taken as the row's and is marked so; one a rectification moved, or whose row's is not known, is a
    detail's (NULL). Synthetic rows."""
    path = tmp_path / "archive.db"
    open_archive(path).close()
    day, moved = "2021-11-15T12:00:00+01:00", "2021-11-29T12:00:00+01:00"
    with sqlite3.connect(path) as conn:          # as an older version left it
        conn.execute("alter table notices drop column deadline_from_list")
        conn.execute("alter table notices drop column consultation_deadline_from_list")
        conn.executemany("insert into notices (publication_id, notice_type, deadline, deadline_placeholder, "
                         "deadline_list, consultation_deadline, consultation_deadline_list, crawl_id) "
                         "values (?, 'AAO', ?, ?, ?, ?, ?, 1)",
                         [(7, day, 0, day, "2019-06-14", "2019-06-14"), (8, moved, 0, day, "2019-06-28", "2019-06-14"),
                          (9, day, 0, None, "2019-06-28", None), (10, None, 1, None, None, None),
                          (11, None, None, None, None, None)])
        conn.execute("PRAGMA user_version = 7")
    db = open_archive(path)
    assert [c.name for c in db["notices"].columns] == list(TABLES["notices"]["columns"])
    assert [(r["publication_id"], r["deadline_from_list"], r["consultation_deadline_from_list"])
            for r in db["notices"].rows] == [(7, 1, 1), (8, None, None), (9, None, None), (10, 1, None),
                                             (11, None, None)]
    db.close()


def test_notices_archived_before_the_consultations_placeholder_flag_gain_it_as_a_fresh_answer_gives_it(tmp_path):
    """``notices.consultation_deadline_placeholder``: an archive written before it gains the column. A notice the API's
    normaliser wrote (``deadline_placeholder`` 0 or 1) gets 0, as a fresh answer without a placeholder gives it: left
    NULL, every notice fetched again after the upgrade was a change (a version, "updated"). A row no normaliser of the
    API wrote (an OCDS package's: no ``deadline_placeholder``) stays NULL. Synthetic rows."""
    path = tmp_path / "archive.db"
    open_archive(path).close()
    with sqlite3.connect(path) as conn:          # as an older version left it
        conn.execute("alter table notices drop column consultation_deadline_placeholder")
        conn.executemany("insert into notices (publication_id, notice_type, deadline_placeholder, crawl_id) "
                         "values (?, 'MAC', ?, 1)", [(7, 0), (8, 1), (9, None)])
        conn.execute("PRAGMA user_version = 7")
    db = open_archive(path)
    assert [c.name for c in db["notices"].columns] == list(TABLES["notices"]["columns"])
    assert [(r["publication_id"], r["consultation_deadline_placeholder"]) for r in db["notices"].rows] == [
        (7, 0), (8, 0), (9, None)]
    db.close()


def test_events_archived_before_their_sort_key_gain_it_in_the_timelines_order(tmp_path):
    """``events.date_order`` (the events page's sort, branch refusers69): an archive written before it gains the
    column on opening, each event's key the timeline's order of its date (a month "2018-03" after its days, a year
    "2019" after its days and months), as a fresh derivation writes it (``timeline.ordered``); no row is lost, and the
    column stands after ``date_end`` as in a fresh archive. SYNTHETIC rows."""
    from tenderarchive.timeline import date_order

    path = tmp_path / "archive.db"
    open_archive(path).close()
    dates = ["2018-03-01", "2018-03", "2019", "2018-12-31", None]
    with sqlite3.connect(path) as conn:          # as an older version left it
        conn.execute("drop index if exists idx_events_date_order")
        conn.execute("alter table events drop column date_order")
        conn.executemany("insert into events (event_id, procurement_id, date, kind) values (?, 'TN1', ?, 'award')",
                         [(f"e{n}", date) for n, date in enumerate(dates)])
        conn.execute("PRAGMA user_version = 7")
    db = open_archive(path)
    assert [c.name for c in db["events"].columns] == list(TABLES["events"]["columns"])
    assert [tuple(r) for r in db.execute("select date, date_order from events order by event_id")] == [
        (date, date_order(date)) for date in dates]
    assert [r[0] for r in db.execute("select date from events order by date_order, event_id")] == [
        None, "2018-03-01", "2018-03", "2018-12-31", "2019"]
    db.close()


def test_winners_archived_before_their_country_code_gain_it_from_the_country_they_kept(tmp_path):
    """``award_suppliers.country_code`` (refawards78; reference §6.3 "Nederland" or "NL"): an archive written before
    it gains the column on opening, each winner's code read from the country it kept as a crawl reads it, without a
    reparse; a country naming none and no country stay NULL, no row is lost, and the column stands after
    ``country`` as in a fresh archive. SYNTHETIC rows."""
    path = tmp_path / "archive.db"
    open_archive(path).close()
    countries = ["Nederland", "NL", "België", "niet gepubliceerd", None]
    with sqlite3.connect(path) as conn:          # as an older version left it
        conn.execute("alter table award_suppliers drop column country_code")
        conn.executemany("insert into award_suppliers (award_id, organisation_id, name, country) values (?, ?, ?, ?)",
                         [(f"a{n}", f"name:w{n}", f"W{n}", country) for n, country in enumerate(countries)])
        conn.execute("PRAGMA user_version = 7")
    db = open_archive(path)
    assert [c.name for c in db["award_suppliers"].columns] == list(TABLES["award_suppliers"]["columns"])
    assert [tuple(r) for r in db.execute("select country, country_code from award_suppliers order by award_id")] == [
        ("Nederland", "NL"), ("NL", "NL"), ("België", "BE"), ("niet gepubliceerd", None), (None, None)]
    db.close()


def test_winners_whose_alpha3_country_had_no_code_gain_it_when_the_archive_is_opened(tmp_path):
    """``country_code`` reads ISO 3166-1 alpha-3 codes ("BEL", "DEU"; refawards79): an archive written before kept
    such winners' code NULL, and opening it did nothing (the column was there, its migration ran only when adding
    it). Opened now, those winners gain their code from the country they kept; a code already there is not touched,
    and a country naming none stays NULL. SYNTHETIC rows."""
    path = tmp_path / "archive.db"
    open_archive(path).close()
    rows = [("BEL", None), ("DEU", None), ("Nederland", "NL"), ("GBR", "XX"), ("niet gepubliceerd", None)]
    with sqlite3.connect(path) as conn:          # as the version before alpha-3 codes left it
        conn.executemany("insert into award_suppliers (award_id, organisation_id, name, country, country_code) "
                         "values (?, ?, ?, ?, ?)",
                         [(f"a{n}", f"name:w{n}", f"W{n}", country, code) for n, (country, code) in enumerate(rows)])
        conn.execute("PRAGMA user_version = 7")
    db = open_archive(path)
    assert [tuple(r) for r in db.execute("select country, country_code from award_suppliers order by award_id")] == [
        ("BEL", "BE"), ("DEU", "DE"), ("Nederland", "NL"), ("GBR", "XX"), ("niet gepubliceerd", None)]
    db.close()
