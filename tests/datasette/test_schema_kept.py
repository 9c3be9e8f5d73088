"""The served Datasette asks SQLite for an archive's schema once while it serves it immutable
(tenderarchive/serve.py ``ArchiveDatabase._kept``, ``ArchiveDatasette._refresh_schemas``): a table page
asked 15-25 schema questions per request (``PRAGMA table_xinfo``, foreign keys, ``sqlite_master``, the FTS
check, ``PRAGMA schema_version``), each a hand-over to a SQL thread. The answers are the same, and a
crawl's migration or a replaced file is still seen. The demo archive, in process through Datasette's own
ASGI client, every statement of its archive connections traced."""

from __future__ import annotations

import re
import shutil
import sqlite3
from pathlib import Path

import pytest
from datasette import hookimpl
from datasette.plugins import pm

from tenderarchive.lock import crawl_lock
from tests.datasette.archive_fixtures import run, served

#: a schema question (the counted facets' check for their trigger is not one: it runs in the trip that reads
#: the kept counts, tenderarchive/store/facet_counts.py; nor is FTS5's own ``PRAGMA 'main'.data_version``, its
#: check that its cached index structure is current, which it runs when a MATCH is prepared on a connection that
#: read the index before; whether a request meets such a connection depends on Datasette's thread pool)
SCHEMA = re.compile(r"^\s*(pragma\b(?!\s*'[^']*'\.data_version\s*$)"
                    r"|select (?!1 from sqlite_master where type = 'trigger').* from sqlite_master\b"
                    r"|select .*\bpragma_)", re.IGNORECASE | re.DOTALL)

PAGES = ["/archive/notices", "/archive/articles", "/archive/lots", "/archive/awards", "/archive/organisations",
         "/archive/crawls", "/archive/changes", "/archive/notices?_facet=buyer",
         "/archive/notices?_search=jeugdhulp", "/archive/notices.json", "/archive/award_suppliers.json",
         "/archive", "/archive/search_all?q=jeugdhulp"]


@pytest.fixture
def statements():
    ran: list[str] = []

    class Tracer:
        __name__ = "test_schema_kept_tracer"

        @hookimpl(trylast=True)
        def prepare_connection(self, conn, database):
            if database == "archive":
                conn.set_trace_callback(ran.append)

    pm.register(Tracer(), name="test_schema_kept_tracer")
    yield ran
    pm.unregister(name="test_schema_kept_tracer")


def page(datasette, path: str) -> str:
    response = run(datasette.client.get(path))
    assert response.status_code == 200, (path, response.status_code)
    # the time a query took is the one thing that differs between two requests of a page
    return re.sub(r"\"query_ms\": [0-9.e-]+|took [0-9.]+ms", "", response.text)


def test_a_warm_page_asks_sqlite_nothing_about_the_schema(demo_archive, statements):
    datasette = served(demo_archive)
    for path in PAGES:
        page(datasette, path)
        statements.clear()
        page(datasette, path)
        asked = [sql for sql in statements if SCHEMA.match(sql)]
        assert asked == [], (path, "\n".join(asked))
        if "json" not in path and path != "/archive":
            assert statements, path   # the page's own queries still run


def test_the_kept_answers_are_sqlites(demo_archive):
    """Every page above is the same, byte for byte, from a server's first request (every answer read from
    SQLite then) and from a server that has kept its answers (after every page once)."""
    kept = served(demo_archive)
    for path in PAGES:
        page(kept, path)
    for path in PAGES:
        assert page(kept, path) == page(served(demo_archive), path), path


def test_a_crawl_that_changes_the_schema_is_seen(demo_archive, tmp_path):
    """A crawl of a newer version migrates the archive (a new column) under a running server: the next
    page shows it; and a reparse's new file with another schema is read anew."""
    archive = Path(shutil.copy(demo_archive, tmp_path / "archive.db"))
    datasette = served(archive)
    assert "kept_test_column" not in page(datasette, "/archive/crawls.json")
    with crawl_lock(archive, command=["test"]):
        with sqlite3.connect(archive) as writer:
            writer.execute("alter table crawls add column kept_test_column text")
        writer.close()
        assert "kept_test_column" in page(datasette, "/archive/crawls.json")
        assert "kept_test_column" in page(datasette, "/archive/crawls")
    rebuilt = Path(shutil.copy(demo_archive, tmp_path / "archive.db.reparse"))
    with sqlite3.connect(rebuilt) as writer:
        writer.execute("create table kept_test_table (id integer primary key)")
    writer.close()
    rebuilt.replace(archive)
    assert "kept_test_column" not in page(datasette, "/archive/crawls.json")
    assert "kept_test_table" in page(datasette, "/archive.json")


def test_a_server_that_found_the_archive_replaced_reads_its_new_schema(demo_archive, tmp_path):
    """Immutable until the file is replaced: the schema kept before is not the new file's."""
    archive = Path(shutil.copy(demo_archive, tmp_path / "archive.db"))
    datasette = served(archive)
    page(datasette, "/archive/crawls")
    rebuilt = Path(shutil.copy(demo_archive, tmp_path / "archive.db.reparse"))
    with sqlite3.connect(rebuilt) as writer:
        writer.execute("alter table crawls add column kept_test_column text")
    writer.close()
    rebuilt.replace(archive)
    assert "kept_test_column" in page(datasette, "/archive/crawls")
