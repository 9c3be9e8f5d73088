"""`tenderarchive serve` publishes the archive and nothing else (tenderarchive/serve.py)."""

import json
import urllib.error

import pytest


def test_the_home_page_lists_the_archive_not_datasettes_empty_memory_database(server):
    """Datasette adds an empty in-memory database ``_memory`` when started without files, as serve
    starts it: the home page showed "_memory, 0 tables" above the archive and its title read
    "tenderarchive — Dutch youth-care procurement: _memory, archive". Only the archive is served."""
    home = server.get("/").decode("utf-8")
    assert "_memory" not in home
    assert "<title>tenderarchive — Dutch youth-care procurement: archive</title>" in home
    assert [d["name"] for d in json.loads(server.get("/-/databases.json"))] == [server.database]
    with pytest.raises(urllib.error.HTTPError) as answer:
        server.get("/_memory")
    assert answer.value.code == 404
