"""``tenderarchive serve``: Datasette on the archive, opened only through ``tenderarchive/readonly.py``.

Datasette's own ``serve`` command opens a file ``?immutable=1`` (``-i``) or ``?mode=ro``. Its
immutable mode still opens the file descriptor read-write, and its ``mode=ro`` makes SQLite
create ``-wal``/``-shm`` files next to a WAL-mode archive. So the server is started here, in
process, with Datasette's Python API (``Datasette``, ``add_database``, ``app()`` under uvicorn,
as ``datasette serve`` itself does), and the archive's :class:`ArchiveDatabase` opens every
connection with the URI of :func:`tenderarchive.readonly.uri`: ``mode=ro&immutable=1`` when no
crawl is writing, ``mode=ro`` otherwise (and always with ``--live``). It refuses write
connections. The tenderarchive plugin (``tenderarchive/datasette_plugin.py``) adds
``PRAGMA query_only`` on every connection besides.
"""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

from tenderarchive import readonly

SETTINGS = {
    "default_page_size": 50,
    "sql_time_limit_ms": 5000,
    "allow_csv_stream": True,   # CSV of every row (`_stream=1`)
    "max_csv_mb": 1000,
}


def make_datasette(db_path: str | Path, metadata: dict, immutable: bool):
    """A Datasette instance serving the archive at ``db_path`` read-only, named after its stem."""
    from datasette.app import Datasette
    from datasette.database import Database

    path = Path(db_path).resolve()

    class ArchiveDatabase(Database):
        """Datasette's database, connected through the read-only opener."""

        def connect(self, write=False):
            if write:
                raise PermissionError("tenderarchive serve never writes the archive")
            conn = sqlite3.connect(readonly.uri(path, immutable=immutable), uri=True, check_same_thread=False)
            self._all_file_connections.append(conn)
            return conn

    datasette = Datasette([], metadata=metadata, settings=SETTINGS)
    datasette.add_database(ArchiveDatabase(datasette, path=str(path), is_mutable=not immutable), name=path.stem)
    return datasette


def run(db_path: str | Path, metadata: dict, immutable: bool, host: str, port: int) -> None:
    """Serve until interrupted (uvicorn, as ``datasette serve`` does)."""
    import uvicorn

    datasette = make_datasette(db_path, metadata, immutable)
    asyncio.run(datasette.invoke_startup())
    uvicorn.run(datasette.app(), host=host, port=port, log_level="info", lifespan="on", workers=1)
