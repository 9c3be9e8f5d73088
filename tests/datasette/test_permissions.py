"""The served Datasette works out each table's ``allow`` rules once (tenderarchive/serve.py
``ArchiveDatasette``): Datasette 0.65.5 deep-copied the whole metadata for every table check, ≈ 1 ms
each with the archive's data dictionary, a quarter of a second for the database page."""

from __future__ import annotations

import copy

from datasette.app import Datasette

from tests.datasette.archive_fixtures import metadata_of, run, served


def test_the_database_page_works_out_each_tables_rules_once(demo_archive, monkeypatch):
    datasette = served(demo_archive)
    asked = []
    original = Datasette._table_permission_allows

    def counted(self, database, table):
        asked.append(table)
        return original(self, database, table)

    monkeypatch.setattr(Datasette, "_table_permission_allows", counted)
    assert run(datasette.client.get("/archive")).status_code == 200
    first = len(asked)
    assert first >= 20 and len(set(asked)) == first   # every listed table, each once
    for path in ("/archive", "/archive/notices", "/", "/archive/articles"):
        assert run(datasette.client.get(path)).status_code == 200
    assert len(asked) == first                          # nothing worked out again


def test_a_tables_allow_rule_still_holds(demo_archive):
    """What is kept is Datasette's own answer: a table that metadata closes stays closed, to every
    request, and the others stay open."""
    metadata = copy.deepcopy(metadata_of(demo_archive))
    metadata["databases"]["archive"].setdefault("tables", {}).setdefault("crawls", {})["allow"] = {"id": "root"}
    datasette = served(demo_archive, metadata)
    for _ in range(2):
        assert run(datasette.client.get("/archive/crawls")).status_code == 403
        assert run(datasette.client.get("/archive/notices")).status_code == 200
    listed = [t["name"] for t in run(datasette.client.get("/archive.json")).json()["tables"]]
    assert "notices" in listed and "crawls" not in listed
