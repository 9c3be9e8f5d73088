"""A server started immutable (no crawl was writing) sees a crawl that writes the archive later
(tenderarchive/serve.py ``ArchiveDatabase``): it reads ``mode=ro`` from then on, with every
connection it had opened immutable replaced, instead of reading the file as if it never changed.
The served Datasette of a copy of the demo archive, in process through its own ASGI client."""

import json
import shutil
import sqlite3
from pathlib import Path

from tenderarchive.lock import crawl_lock
from tests.datasette.archive_fixtures import run, served


def count(datasette, table: str) -> int:
    response = run(datasette.client.get(f"/archive.json?sql=select+count(*)+as+n+from+{table}&_shape=array"))
    assert response.status_code == 200, response.text
    return json.loads(response.text)[0]["n"]


def test_a_crawl_that_writes_under_an_immutable_server_is_seen_whole(demo_archive, tmp_path):
    archive = Path(shutil.copy(demo_archive, tmp_path / "archive.db"))
    datasette = served(archive)   # immutable: no crawl is writing
    before = count(datasette, "crawls")
    notices = count(datasette, "notices")
    assert count(datasette, "fetches") > 0

    # A crawl: it holds the lock and commits rows into the write-ahead log, as the store does.
    with crawl_lock(archive, command=["test"]):
        writer = sqlite3.connect(archive)
        with writer:
            writer.execute("insert into crawls (spider, status, started) values ('tenderned', 'complete', '2026-12-02')")
            crawl_id = writer.execute("select max(crawl_id) from crawls").fetchone()[0]
            writer.execute("insert into fetches (url, status, fetched_at, crawl_id) "
                           "select url || '?again', status, fetched_at, ? from fetches", [crawl_id])
        assert count(datasette, "crawls") == before + 1   # immutable, the WAL was never read
        assert count(datasette, "fetches where crawl_id = %d" % crawl_id) > 0
        writer.close()
    # After the crawl (lock released, WAL folded into the file): still the new state, never a mix.
    assert count(datasette, "crawls") == before + 1
    assert count(datasette, "notices") == notices


def test_an_archive_replaced_by_a_reparse_is_served_from_its_new_file(demo_archive, tmp_path):
    """A reparse (or ``build-demo``) puts a new file in the archive's place. Open connections kept
    reading the old, unlinked file: the server, immutable or live, served the archive as it was
    before the reparse (twice in a row too), until it was restarted."""
    archive = Path(shutil.copy(demo_archive, tmp_path / "archive.db"))
    datasette = served(archive)
    notices = count(datasette, "notices")
    for removed in (1, 2):   # the second swap finds the server already reading mode=ro
        rebuilt = Path(shutil.copy(archive, tmp_path / "archive.db.reparse"))
        with sqlite3.connect(rebuilt) as writer:
            writer.execute("delete from notices where publication_id = (select max(publication_id) from notices)")
        writer.close()
        rebuilt.replace(archive)
        assert count(datasette, "notices") == notices - removed


def test_the_check_before_each_query_resolves_no_path(demo_archive, tmp_path, monkeypatch):
    """The check before every query (a crawl's lock, a pending write-ahead log) worked the lock file's
    path out anew each time, resolving the archive's path (a system call per part of it): a tenth of
    an empty table page's time. The lock's path is worked out once; a crawl is still seen (above)."""
    archive = Path(shutil.copy(demo_archive, tmp_path / "archive.db"))
    datasette = served(archive)
    count(datasette, "crawls")
    resolved = []
    resolve = Path.resolve
    monkeypatch.setattr(Path, "resolve", lambda self, *a, **k: resolved.append(self) or resolve(self, *a, **k))
    assert count(datasette, "crawls") >= 1
    assert resolved == []
