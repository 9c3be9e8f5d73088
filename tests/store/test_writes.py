"""The store: idempotent writes, one transaction per item, history, and no downgrade."""

import json

import pytest
import sqlite_utils

from tenderarchive.store.schema import TABLES
from tenderarchive.store.writes import open_archive, read_rows, sync_rows, upsert_if_changed, write_notice


def test_open_archive_creates_every_table_with_its_columns(tmp_path):
    db = open_archive(tmp_path / "a.db")
    for name, spec in TABLES.items():
        assert set(db[name].columns_dict) == set(spec["columns"]), name


def test_an_older_archive_gains_new_columns_and_keeps_its_rows(tmp_path):
    path = tmp_path / "old.db"
    old = sqlite_utils.Database(path)
    old["notices"].insert({"publication_id": 1, "title": "oud"}, pk="publication_id")
    old.close()
    db = open_archive(path)
    assert db["notices"].get(1)["title"] == "oud"
    assert "youth_care" in db["notices"].columns_dict


def test_unchanged_content_is_not_written_and_provenance_alone_is_no_change(tmp_path):
    db = open_archive(tmp_path / "a.db")
    row = {"publication_id": 7, "title": "Jeugdhulp", "fetched_at": "2026-01-01T00:00:00+00:00", "crawl_id": 1}
    assert upsert_if_changed(db, "notices", row) == "new"
    later = dict(row, fetched_at="2026-02-01T00:00:00+00:00", crawl_id=2)
    assert upsert_if_changed(db, "notices", later) == "unchanged"
    assert db["notices"].get(7)["crawl_id"] == 1
    assert upsert_if_changed(db, "notices", dict(later, title="Jeugdzorg")) == "updated"
    assert db["notices"].get(7)["crawl_id"] == 2


def notice_record(publication_id=7, **values):
    notice = {"publication_id": publication_id, "kenmerk": 100, "procurement_id": "TN100",
              "notice_type": "AAO", "notice_type_label": "Aankondiging", "title": "Jeugdhulp regio",
              "description": "Specialistische jeugdhulp", "published": "2026-01-05",
              "deadline": "2026-02-01T12:00:00", "url": "https://www.tenderned.nl/x/7",
              "source_url": "http://api/7", "fetched_at": "2026-01-06T00:00:00+00:00", "sha256": "a"}
    notice.update(values)
    return {"notice": notice, "cpv": [{"publication_id": publication_id, "cpv": "85311300-5",
                                       "cpv_8": "85311300", "label": "Jeugdzorg", "is_main": 1}],
            "documents": [], "municipalities": [
                {"publication_id": publication_id, "cbs_code": "GM0917", "name": "Heerlen",
                 "jeugdregio_code": "JZ41", "matched": "buyer"}]}


def test_a_sparse_response_keeps_every_archived_value_it_omits_and_says_so(tmp_path):
    db = open_archive(tmp_path / "a.db")
    assert write_notice(db, notice_record(), 1) == "new"
    sparse = notice_record(description=None, deadline=None, fetched_at="2026-01-07T00:00:00+00:00")
    sparse["municipalities"] = []
    # what it left out is the archive's bookkeeping, no value a reader sees: recorded, no version, not "updated"
    assert write_notice(db, sparse, 2) == "unchanged"
    assert db["versions"].count == 0
    row = db["notices"].get(7)
    assert row["description"] == "Specialistische jeugdhulp"
    assert row["deadline"] == "2026-02-01T12:00:00"
    assert json.loads(row["omitted_columns"]) == ["deadline", "description"]
    assert [r["cbs_code"] for r in db["notice_municipalities"].rows] == ["GM0917"]
    # The complete response again: values as before, the omission cleared (no change of the notice either).
    assert write_notice(db, notice_record(fetched_at="2026-01-08T00:00:00+00:00"), 3) == "unchanged"
    assert db["notices"].get(7)["omitted_columns"] is None and db["versions"].count == 0
    assert write_notice(db, notice_record(fetched_at="2026-01-09T00:00:00+00:00"), 4) == "unchanged"


def test_an_explicit_change_replaces_the_value_and_keeps_the_old_one_in_versions(tmp_path):
    db = open_archive(tmp_path / "a.db")
    write_notice(db, notice_record(), 1)
    write_notice(db, notice_record(deadline="2026-03-01T12:00:00", fetched_at="2026-01-07T00:00:00+00:00"), 2)
    assert db["notices"].get(7)["deadline"] == "2026-03-01T12:00:00"
    version = next(db["versions"].rows)
    assert json.loads(version["previous_values"]) == {"deadline": "2026-02-01T12:00:00"}


def test_a_new_notice_written_again_by_the_crawl_that_archived_it_is_completed_not_changed(tmp_path):
    """A notice a crawl archived new with no list row (through /gerelateerd) and writes again with the row a later
    list page gives (``listed_as`` given first then): no version of its first write (it was never the archive's state
    before the crawl); the next crawl's change is versioned, and an archived notice written twice by one crawl keeps
    both versions (a new notice changed twice in one crawl otherwise, tests/pipelines/test_archive.py)."""
    db = open_archive(tmp_path / "a.db")
    listed = '{"source": "list"}'
    assert write_notice(db, notice_record(), 2) == "new"
    # new to the crawl's reader: counted once, as new (writes.NEW_AGAIN), in none of the crawl's counts again
    assert write_notice(db, notice_record(deadline="2026-03-01T12:00:00", listed_as=listed), 2) == "new_again"
    assert db["notices"].get(7)["deadline"] == "2026-03-01T12:00:00"
    assert db["versions"].count == 0
    write_notice(db, notice_record(deadline="2026-04-01T12:00:00", listed_as=listed,
                                   fetched_at="2026-01-07T00:00:00+00:00"), 3)
    write_notice(db, notice_record(deadline="2026-05-01T12:00:00", listed_as=listed,
                                   fetched_at="2026-01-07T01:00:00+00:00"), 3)
    assert [json.loads(v["previous_values"]) for v in db["versions"].rows_where(order_by="version")] == [
        {"deadline": "2026-03-01T12:00:00"}, {"deadline": "2026-04-01T12:00:00"}]


def test_a_notice_is_written_whole_or_not_at_all(tmp_path):
    db = open_archive(tmp_path / "a.db")
    record = notice_record()
    record["documents"] = [{"document_id": "d1", "publication_id": 7, "name": "Bestek"},
                           {"publication_id": 7, "name": "no key: the write fails"}]
    with pytest.raises(Exception):
        write_notice(db, record, 1)
    assert db["notices"].count == 0 and db["notice_cpv"].count == 0 and db["documents"].count == 0
    assert not db.conn.in_transaction


def test_sync_rows_makes_a_sources_rows_exactly_the_given_ones(tmp_path):
    db = open_archive(tmp_path / "a.db")
    rows = [{"url": "u", "cbs_code": c, "name": c} for c in ("GM1", "GM2")]
    assert sync_rows(db, "article_municipalities", "url = ?", ["u"], rows) is True
    assert sync_rows(db, "article_municipalities", "url = ?", ["u"], rows) is False
    assert sync_rows(db, "article_municipalities", "url = ?", ["u"], rows[:1]) is True
    assert [r["cbs_code"] for r in db["article_municipalities"].rows] == ["GM1"]


def test_read_rows_gives_what_sqlite_utils_query_gives_without_its_savepoint(tmp_path):
    """The derivation's reads (issue 14, round 42): the same dicts as ``list(db.query(...))``, duplicate column
    names renamed alike, in order, inside and outside a transaction, but no savepoint statement around each."""
    db = open_archive(tmp_path / "a.db")
    db["t"].insert_all([{"id": i, "name": f"n{i}", "v": None if i % 3 else i * 1.5} for i in range(7)], pk="id")
    reads = [("select * from t order by id desc", []), ("select t.*, u.name, u.id as id_2 from t join t u "
                                                          "on u.id = t.id + 1 where t.id > ? order by t.id", [2]),
             ("select name from t where id = ?", [99])]
    statements: list[str] = []
    for sql, params in reads:
        expected = list(db.query(sql, params))
        db.conn.set_trace_callback(statements.append)
        try:
            rows = read_rows(db, sql, params)
            with db.atomic():
                assert read_rows(db, sql, params) == rows
        finally:
            db.conn.set_trace_callback(None)
        assert rows == expected and [list(row) for row in rows] == [list(row) for row in expected]
    assert len(expected := list(db.query(*reads[1]))) == 3 and len(expected[0]) == 5  # the duplicate names renamed
    assert not [sql for sql in statements if "sqlite_utils_query" in sql], statements


def test_a_failed_related_notice_known_only_from_an_ocds_package_is_asked_for_again(tmp_path):
    """A related notice whose detail failed is asked for again until the API archived it: a row an OCDS
    package wrote (``form_type`` 'ocds') is not the API's notice, and counted as archived it was never
    fetched (queries.known_notices leaves such rows out for the same reason)."""
    from tenderarchive.store.queries import related_failed

    path = tmp_path / "archive.db"
    db = open_archive(path)
    db["crawls"].insert({"crawl_id": 1, "spider": "tenderned", "status": "partial", "errors": json.dumps([
        {"url": "https://t/papi/tenderned-rs-tns/v2/publicaties/801", "error": "request failed: HTTP 500 (related to 800)"},
        {"url": "https://t/papi/tenderned-rs-tns/v2/publicaties/901", "error": "request failed: HTTP 500 (related to 900)"},
    ])}, alter=True)
    db["notices"].insert_all([{"publication_id": 801, "form_type": "ocds"}, {"publication_id": 901, "form_type": None}])
    db.conn.commit()
    db.close()
    assert related_failed(path, "tenderned") == {"800"}


def test_an_unfinished_crawl_whose_every_error_is_settled_no_longer_widens_the_incremental_window(tmp_path):
    """A partial crawl's window is listed again by the runs after it until one completes: what it missed
    is asked again. But a crawl whose errors are all notices the API's row is archived for now (fetched
    by a later run; an open notice that answered 404, kept) has nothing left to list, and one such error
    made every later run re-list a whole backfill. A killed or failed crawl, a list page's error or a
    notice still missing keeps its window."""
    from tenderarchive.store.queries import unfinished_crawls

    api = "https://t/papi/tenderned-rs-tns/v2/publicaties"
    path = tmp_path / "archive.db"
    db = open_archive(path)
    crawls = [
        (1, "partial", [f"{api}/800801"]),                     # its detail since archived: settled
        (2, "partial", [f"{api}/900"]),                        # 900 still missing
        (3, "failed", []),                                     # nothing says what went wrong
        (4, "partial", [f"{api}?page=3&size=100"]),            # a list page
        (5, "partial", [f"{api}/801/gerelateerd", f"{api}/800801"]),  # settled (its /gerelateerd asked anyway)
        (6, "partial", [f"{api}/802"]),                        # known only from an OCDS package: missing
    ]
    for crawl_id, status, urls in crawls:
        db["crawls"].insert({"crawl_id": crawl_id, "spider": "tenderned", "status": status,
                             "arguments": json.dumps({"profile": "youth_care", "from_date": f"20{10 + crawl_id}-01-01"}),
                             "errors": json.dumps([{"url": u, "error": "HTTP 500"} for u in urls])}, alter=True)
    db["notices"].insert_all([{"publication_id": 800801}, {"publication_id": 801},
                              {"publication_id": 802, "form_type": "ocds"}])
    db.conn.commit()
    db.close()
    assert [a["from_date"] for a in unfinished_crawls(path, "tenderned")] == [
        "2012-01-01", "2013-01-01", "2014-01-01", "2016-01-01"]



def test_a_crawl_whose_award_notice_html_or_pdf_failed_is_settled_by_the_recheck_of_that_notice(tmp_path):
    """The error of a notice's /html or /pdf names that URL: it was no notice's error, so the crawl's whole window
    was listed again by every run after it (and listing asks no archived notice again). It is the notice's award
    data: its PDF's settled when the notice is archived and either its /html is read or it is a result notice (each
    run re-checks it until its /html reads); its /html's when the notice is archived, whatever its type (the next run
    asks that /html again itself: queries.html_failed); a notice not archived keeps the window. Its /documenten
    likewise: a notice archived while they failed is re-checked."""
    from tenderarchive.store.queries import unfinished_crawls

    api = "https://t/papi/tenderned-rs-tns/v2/publicaties"
    path = tmp_path / "archive.db"
    db = open_archive(path)
    crawls = [
        (1, [f"{api}/700/pdf"]),         # an award notice archived without award data: re-checked, settled
        (2, [f"{api}/701/html"]),        # its awards from the PDF (layout pdf): the /html re-checked, settled
        (3, [f"{api}/702/pdf"]),         # the notice is not archived: missing
        (4, [f"{api}/703/html"]),        # a contract notice with nothing read: its /html asked again (html_failed)
        (5, [f"{api}/704/pdf", f"{api}/704"]),  # its /html read since: settled
        (6, [f"{api}/703/documenten"]),  # archived (documents_unread: re-checked with its documents): settled
        (7, [f"{api}/705/documenten"]),  # the notice is not archived: missing
    ]
    for crawl_id, urls in crawls:
        db["crawls"].insert({"crawl_id": crawl_id, "spider": "tenderned", "status": "partial",
                             "arguments": json.dumps({"profile": "youth_care", "from_date": f"20{10 + crawl_id}-01-01"}),
                             "errors": json.dumps([{"url": u, "error": "HTTP 503"} for u in urls])}, alter=True)
    db["notices"].insert_all([{"publication_id": 700, "form_type": "result", "notice_type": "AGO"},
                              {"publication_id": 701, "form_type": None, "notice_type": "AGO"},
                              {"publication_id": 703, "form_type": "competition", "notice_type": "AAO"},
                              {"publication_id": 704, "form_type": None, "notice_type": None}], alter=True)
    db["notice_results"].insert_all([{"publication_id": 701, "layout": "pdf"},
                                     {"publication_id": 704, "layout": "eforms"}], alter=True)
    db.conn.commit()
    db.close()
    assert [a["from_date"] for a in unfinished_crawls(path, "tenderned")] == ["2013-01-01", "2017-01-01"]


def named_record(conn, named_in: str):
    """The provenance of the record ``named_in`` (``notices:123``, ``awards:<id>``, ``articles:<url>``)."""
    table, key = named_in.split(":", 1)
    column = {"notices": "publication_id", "awards": "award_id", "articles": "url"}[table]
    return conn.execute(f"select source_url, fetched_at, sha256, crawl_id from {table} where {column} = ?",
                        [key]).fetchone()


def organisation_provenance(path) -> dict:
    import sqlite3

    with sqlite3.connect(path) as conn:
        return {r[0]: r[1:] for r in conn.execute(
            "select organisation_id, kind, source_url, fetched_at, sha256, crawl_id, named_in from organisations")}


def test_every_organisation_carries_the_provenance_of_the_record_that_first_named_it(tmp_path):
    """Buyers (from a notice), winners (from an award) and organisations news names (from an article)
    cite the record that named them first, with that record's source_url, fetched_at, sha256 and crawl."""
    import sqlite3

    from tests.conftest import installed

    path = tmp_path / "archive.db"
    assert installed("build-demo", "--db", path).returncode == 0
    organisations = organisation_provenance(path)
    kinds = {kind for kind, *_ in organisations.values()}
    assert {"municipality", "provider"} <= kinds and len(kinds) >= 3          # buyers, winners, named in news
    with sqlite3.connect(path) as conn:
        for org_id, (kind, *provenance, named_in) in organisations.items():
            assert named_in and named_record(conn, named_in) == tuple(provenance), org_id
        # the buyer was first named by its earliest notice, and a later notice leaves that alone
        [(buyer, first)] = conn.execute(
            "select buyer_id, min(publication_id) from notices where buyer_id = (select buyer_id from notices "
            "group by buyer_id having count(*) > 1 order by buyer_id limit 1) and fetched_at = (select min(fetched_at) "
            "from notices n where n.buyer_id = notices.buyer_id)").fetchall()
        assert organisations[buyer][-1] == f"notices:{first}"


def test_a_complete_crawl_settles_only_the_crawls_its_window_profile_and_registry_cover(tmp_path):
    """A complete crawl with a narrow --from-date, another profile or another --sources file did not
    list what an earlier partial crawl missed: that crawl's window and its failed pages stay to be
    asked again; a complete crawl that covers them settles them. And an incremental run does not
    continue from a complete crawl whose window begins after everything completed before it ended."""
    from tenderarchive.items import NEWS_PAGE_FAILED
    from tenderarchive.store.queries import failed_news_pages, last_complete_crawl, unfinished_crawls

    path = tmp_path / "archive.db"
    db = open_archive(path)

    def crawl(crawl_id, spider, status, errors=(), **arguments):
        db["crawls"].insert({"crawl_id": crawl_id, "spider": spider, "status": status, "arguments": json.dumps(arguments),
                             "started": "2024-06-01T08:00:00+00:00",
                             "errors": json.dumps([{"url": u, "error": e} for u, e in errors])}, alter=True)

    window = {"from_date": "2018-01-01", "until_date": "2023-12-31"}
    crawl(1, "tenderned", "partial", [("https://t/papi/x/publicaties/900", "HTTP 500")], profile="youth_care", **window)
    crawl(2, "tenderned", "complete", profile="youth_care", from_date="2022-06-01", until_date="2024-01-31")
    crawl(3, "tenderned", "complete", profile="all", from_date="2010-01-01", until_date="2024-01-31")
    page = ("https://nieuws.example/a", f"request failed: HTTP 503{NEWS_PAGE_FAILED}")
    crawl(4, "news", "partial", [page], sources="tenderarchive/sources.yaml", sites=["a", "b"], **window)
    crawl(5, "news", "complete", sources="other.yaml", sites=["a", "b"], from_date="2010-01-01", until_date="2024-01-31")
    crawl(6, "news", "complete", sources="tenderarchive/sources.yaml", sites=["a"], from_date="2010-01-01",
          until_date="2024-01-31")
    db.conn.commit()
    assert [a["from_date"] for a in unfinished_crawls(path, "tenderned")] == ["2018-01-01"]
    assert failed_news_pages(path) == ["https://nieuws.example/a"]
    crawl(7, "tenderned", "complete", profile="youth_care", from_date="2017-12-29", until_date="2024-02-29")
    crawl(8, "news", "complete", sources="tenderarchive/sources.yaml", sites=["b", "a", "c"], from_date="2018-01-01",
          until_date="2024-02-29")
    crawl(9, "tenderned", "complete", profile="youth_care", from_date="2024-05-01", until_date="2024-05-31")
    db.conn.commit()
    db.close()
    assert unfinished_crawls(path, "tenderned") == [] and failed_news_pages(path) == []
    assert last_complete_crawl(path, "tenderned")["crawl_id"] == 7  # March and April 2024 were never listed


def test_a_detail_whose_cpv_codes_changed_replaces_the_notices_codes_and_keeps_one_main(snapshot, serve_api, crawl):
    """A rectification changes the detail, never the list row (docs/reference/tenderned-api.md §3 "Gotcha", §4): an
    open contract notice re-checked after its CPV codes were corrected (another main code, one code dropped) kept
    every code it ever had in ``notice_cpv``, the dropped one still ``is_main`` next to the new main one, while
    ``notices.cpv_main`` named the new one: facets and searches by CPV found the notice under codes TenderNed no
    longer gives it. A detail that names its codes makes them the notice's codes (its former main code stays in the
    notice's ``versions``);
    a detail that leaves ``cpvCodes`` out (a sparse answer) keeps those archived."""
    from tests.conftest import by_id

    notice = by_id(snapshot, 300301)
    server = serve_api(snapshot)
    first = crawl(server.api_url, from_date="2021-10-01", until_date="2021-11-20")
    assert first.crawl["status"] == "complete", first.errors
    assert {r["cpv"] for r in first.db["notice_cpv"].rows_where("publication_id = 300301")} == {
        "85311300-5", "85121270-6"}
    notice["detail"]["cpvCodes"] = [
        {"code": "85312400-3", "omschrijving": "Welzijnszorg die niet in tehuizen wordt verstrekt",
         "isHoofdOpdracht": True},
        {"code": "85121270-6", "omschrijving": "Diensten van psychiater of psycholoog", "isHoofdOpdracht": False},
        {"code": "85312400-3", "omschrijving": "Welzijnszorg die niet in tehuizen wordt verstrekt",
         "isHoofdOpdracht": False}]  # a code listed twice: its main entry counts
    later = {"from_date": "2021-11-16", "until_date": "2021-11-20"}  # 300301 re-checked while open, no list row
    second = crawl(server.api_url, **later)
    assert second.crawl["status"] == "complete", second.errors
    rows = {r["cpv"]: r["is_main"] for r in second.db["notice_cpv"].rows_where("publication_id = 300301")}
    assert rows == {"85312400-3": 1, "85121270-6": 0}
    assert second.db["notices"].get(300301)["cpv_main"] == "85312400-3"
    del notice["detail"]["cpvCodes"]  # a sparse answer: the archived codes stay
    third = crawl(server.api_url, **later)
    assert third.crawl["status"] == "complete", third.errors
    assert {r["cpv"]: r["is_main"] for r in third.db["notice_cpv"].rows_where("publication_id = 300301")} == rows


def test_a_document_its_list_no_longer_names_is_kept_and_marked_dropped_but_an_unread_list_marks_nothing(tmp_path):
    db = open_archive(tmp_path / "a.db")
    listed = [{"document_id": d, "publication_id": 7, "name": f"{d}.pdf", "download_url": f"http://api/7/{d}"}
              for d in ("1", "2")]
    write_notice(db, dict(notice_record(), documents=listed), 1)
    # the list could not be read (documents None): the archived documents stay as they were, unmarked
    assert write_notice(db, dict(notice_record(fetched_at="2026-01-07T00:00:00+00:00"), documents=None), 2) == "unchanged"
    assert {r["dropped_since"] for r in db["documents"].rows} == {None}
    # read whole, it names document 1 alone: document 2 is kept, marked since that list
    assert write_notice(db, dict(notice_record(fetched_at="2026-01-08T00:00:00+00:00"), documents=listed[:1]), 3) == "updated"
    assert {r["document_id"]: r["dropped_since"] for r in db["documents"].rows} == {"1": None, "2": "2026-01-08T00:00:00+00:00"}
    assert db["documents"].get((7, "2"))["name"] == "2.pdf"
    # a later list without it keeps the first date; one that names it again clears the mark
    write_notice(db, dict(notice_record(fetched_at="2026-01-09T00:00:00+00:00"), documents=listed[:1]), 4)
    assert db["documents"].get((7, "2"))["dropped_since"] == "2026-01-08T00:00:00+00:00"
    write_notice(db, dict(notice_record(fetched_at="2026-01-10T00:00:00+00:00"), documents=listed), 5)
    assert db["documents"].get((7, "2"))["dropped_since"] is None


def test_a_document_listed_again_after_it_was_dropped_records_the_crawl_that_listed_it_again(tmp_path):
    """The crawl report told of a document a list named again, after one no longer did, as of a new one: the row
    said nothing of it. ``listed_again`` is the crawl whose list named it again; a later list naming the same
    leaves it, and a document never dropped has none."""
    db = open_archive(tmp_path / "a.db")
    listed = [{"document_id": d, "publication_id": 7, "name": f"{d}.pdf", "download_url": f"http://api/7/{d}"}
              for d in ("1", "2")]
    write_notice(db, dict(notice_record(), documents=listed), 1)
    write_notice(db, dict(notice_record(fetched_at="2026-01-08T00:00:00+00:00"), documents=listed[:1]), 2)
    assert write_notice(db, dict(notice_record(fetched_at="2026-01-09T00:00:00+00:00"), documents=listed), 3) == "updated"
    assert {r["document_id"]: (r["listed_again"], r["crawl_id"]) for r in db["documents"].rows} == {
        "1": (None, 1), "2": (3, 3)}
    assert write_notice(db, dict(notice_record(fetched_at="2026-01-10T00:00:00+00:00"), documents=listed), 4) == "unchanged"
    assert db["documents"].get((7, "2"))["listed_again"] == 3


def statements_of(db, action) -> list[str]:
    """The SQL statements SQLite runs for ``action()`` on ``db``'s connection."""
    seen: list[str] = []
    db.conn.set_trace_callback(seen.append)
    try:
        action()
    finally:
        db.conn.set_trace_callback(None)
    return seen


def test_a_new_notices_places_in_an_archive_opened_empty_are_written_without_reading_them_first(tmp_path):
    """Into an archive whose notices and places were empty when it was opened for writing (the first crawl,
    every reparse: ``track_new_keys``), a notice never written has no places archived: they are written with
    no query for them (issue 14: one a notice, which found nothing). A notice written already has its places
    synced as before: a place its detail no longer names goes, one it names again stays once."""
    from tenderarchive.store.writes import track_new_keys

    db = open_archive(tmp_path / "a.db")
    track_new_keys(db)
    record = notice_record()
    record["municipalities"].append(dict(record["municipalities"][0], cbs_code="GM0928", name="Kerkrade"))
    record["municipalities"].append(dict(record["municipalities"][0], matched="text"))  # the same key again
    with db.atomic():
        run = statements_of(db, lambda: write_notice(db, record, 1))
    assert not [s for s in run if "notice_municipalities" in s and s.lstrip().lower().startswith("select")]
    assert [(r["cbs_code"], r["matched"]) for r in db["notice_municipalities"].rows] == [
        ("GM0917", "text"), ("GM0928", "buyer")]  # the last row of a key kept, as sync_rows keeps it

    again = notice_record(fetched_at="2026-01-07T00:00:00+00:00")  # names Heerlen alone now
    with db.atomic():
        run = statements_of(db, lambda: write_notice(db, again, 2))
    assert [s for s in run if "notice_municipalities" in s and s.lstrip().lower().startswith("select")]
    assert [(r["cbs_code"], r["matched"]) for r in db["notice_municipalities"].rows] == [("GM0917", "buyer")]


def test_a_notices_places_are_synced_in_an_archive_that_held_places_when_opened(tmp_path):
    """A place row of a notice not archived (written by another path before the archive was opened for
    writing) is not taken for absent: the notice's places are read and synced, the stray row dropped."""
    from tenderarchive.store.writes import track_new_keys

    db = open_archive(tmp_path / "a.db")
    db["notice_municipalities"].insert({"publication_id": 7, "cbs_code": "GM0003", "name": "Appingedam"})
    track_new_keys(db)
    with db.atomic():
        write_notice(db, notice_record(), 1)
    assert [r["cbs_code"] for r in db["notice_municipalities"].rows] == ["GM0917"]
