"""``facet_counts`` (tenderarchive/store/facet_counts.py): the triggers keep the default facets'
counts of the big tables equal to grouping the rows, through every kind of write."""

import random

from tenderarchive.store.facet_counts import COUNTED, ensure_facet_counts
from tenderarchive.store.writes import delete_row, open_archive, put_row, write_notice
from tests.store.test_writes import notice_record


def grouped(db, table: str) -> dict:
    """The counts as Datasette's facet query would compute them from the rows."""
    out = {}
    for column in COUNTED[table]:
        for value, n in db.execute(f"select [{column}], count(*) from [{table}] where [{column}] is not null "
                                   f"group by [{column}]").fetchall():
            out[(column, value)] = n
    return out


def kept(db, table: str) -> dict:
    return {(c, v): n for c, v, n in db.execute("select column_name, value, n from facet_counts where table_name = ?",
                                                [table]).fetchall()}


def test_the_counts_follow_inserts_updates_and_deletes(tmp_path):
    """Random notices written, rewritten with other values (and NULLs), and deleted, through the
    store's own writes: after each step the kept counts are the grouped rows, with no zero rows
    left behind (so a crawl and a reparse of the same records keep the same counts)."""
    db = open_archive(tmp_path / "archive.db")
    rng = random.Random(14)
    types, procedures = ["AAO", "AGO", "VBE", None], ["OPE", "NOG", None]
    ids = list(range(1, 60))
    for step in range(6):
        for pid in rng.sample(ids, 25):
            record = notice_record(pid, notice_type=rng.choice(types), procedure=rng.choice(procedures),
                                   year=rng.choice([2024, 2025, None]))
            write_notice(db, record, 1)
        for pid in rng.sample(ids, 5):
            if db.execute("select 1 from notices where publication_id = ?", [pid]).fetchone():
                with db.atomic():
                    delete_row(db, "notices", pid)
        with db.atomic():
            put_row(db, "notices", {"publication_id": ids[step], "notice_type": "MAC", "youth_care": step % 2})
        assert kept(db, "notices") == grouped(db, "notices"), step
    assert kept(db, "notices") and not db.execute("select 1 from facet_counts where n <= 0").fetchone()


def test_an_archive_from_before_the_counts_is_counted_once(tmp_path):
    """An archive whose tables have rows but no counting triggers (written before them) gets
    them, and its counts from its rows, when a writer next opens it; unchanged triggers are
    left alone."""
    db = open_archive(tmp_path / "archive.db")
    for pid in range(1, 8):
        write_notice(db, notice_record(pid, notice_type="AGO" if pid % 2 else "AAO"), 1)
    for name in [r[0] for r in db.execute("select name from sqlite_master where type = 'trigger' "
                                          "and name like 'facet_counts_%'")]:
        db.execute(f"drop trigger [{name}]")
    db.execute("delete from facet_counts")
    write_notice(db, notice_record(9, notice_type="VBE"), 1)  # not counted: no triggers
    assert not kept(db, "notices")
    assert "notices" in ensure_facet_counts(db)
    assert kept(db, "notices") == grouped(db, "notices") and kept(db, "notices")[("notice_type", "VBE")] == 1
    assert ensure_facet_counts(db) == []  # nothing to do a second time


def test_a_table_no_longer_counted_loses_its_triggers_and_counts(tmp_path):
    db = open_archive(tmp_path / "archive.db")
    write_notice(db, notice_record(1), 1)
    db.execute("create trigger [facet_counts_documents_insert] after insert on documents begin select 1; end")
    db.execute("insert into facet_counts values ('documents', 'category', 'x', 3)")
    ensure_facet_counts(db)
    assert not db.execute("select 1 from sqlite_master where name = 'facet_counts_documents_insert'").fetchone()
    assert not db.execute("select 1 from facet_counts where table_name = 'documents'").fetchone()
    assert kept(db, "notices") == grouped(db, "notices")
