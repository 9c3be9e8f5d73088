"""TenderNed API conformance, round 24: what the twenty-three earlier rounds left, each by a real crawl of the
loopback API (tenderarchive/apiserver.py) into a real archive. The records are the synthetic snapshot's (SYNTHETIC),
edited into shapes docs/reference/tenderned-api.md allows."""

from __future__ import annotations

import json

import pytest

from tests.conftest import by_id
from tests.spiders.test_award_pdf_crawl import assert_reparse_gives_the_same

DETAIL = "/papi/tenderned-rs-tns/v2/publicaties/"
NOTICE_DAY = {"from_date": "2020-06-15", "until_date": "2020-06-15"}  # contract notice 200201; award 200288 is later


@pytest.mark.parametrize("content_type, envelope", [
    ("application/json;charset=ISO-8859-1", True),   # the documented envelope (§6), in the charset it declares
    ("text/html; charset=windows-1252", False),      # the rendering sent bare, as a mirror gives it
])
def test_an_award_rendering_in_its_declared_charset_keeps_its_labels_and_winners(snapshot, serve_api, crawl,
                                                                                 content_type, envelope):
    """Award notice 200288's ``/html`` answered in a Latin charset, as its Content-Type says (a server or proxy that
    does not send UTF-8; the detail's and the list's answers in such a charset are read by it: middlewares.read_json).
    The rendering was read as UTF-8 whatever was declared, each accented letter a U+FFFD: "Officiële benaming" was
    no label any more, and the award notice was archived with no award at all ("4 winner(s) without an official
    name"), the crawl complete. It is read by its declared charset, by the crawl and by a reparse of it."""
    server = serve_api(snapshot)
    award = by_id(snapshot, 200288)
    rendering = award["html"].replace("<dd>Cardea</dd>", "<dd>Coöperatie Cardéa</dd>")
    body = json.dumps({"html": rendering}, ensure_ascii=False) if envelope else rendering
    encoding = content_type.rsplit("=", 1)[1]
    server.api.faults[f"{DETAIL}200288/html"] = [
        {"status": 200, "headers": {"Content-Type": content_type}, "body": body.encode(encoding)}]
    result = crawl(server.api_url, **NOTICE_DAY)
    assert result.crawl["status"] == "complete", result.errors
    (read,) = result.db.query("select layout, problems from notice_results where publication_id = 200288")
    assert read == {"layout": "standard", "problems": None}
    names = {r["name"] for r in result.db.query("select name from award_suppliers")}
    assert "Coöperatie Cardéa" in names
    assert not [name for name in names if "\ufffd" in name]
    assert_reparse_gives_the_same(str(result.db_path))


PROFILE = """\
# SYNTHETIC: a user's own topic profile, a file outside the package
name: {name}
description: Jeugdhulp, gezocht op woorden alleen.
queries:
  search:
    - jeugdhulp
relevance:
  terms:
    - jeugdhulp
"""


@pytest.mark.parametrize("name", ["leiden_jeugd", "youth_care"])
def test_a_crawl_with_a_profile_file_of_its_own_reparses_to_the_same_archive(snapshot, serve_api, crawl, tmp_path,
                                                                             name):
    """A user adds a profile as a file of their own (``--profile path/to/file.yaml``: README, profiles/__init__.py).
    The crawl recorded the profile's name, not the file, and a reparse (the archive rebuilt from its WARC files alone,
    ARCHITECTURE.md) gave the replay that name: "topic profile 'leiden_jeugd' not found", the crawl not replayed; or,
    for a copy of the shipped profile edited under its name, the shipped profile's queries and relevance instead of the
    file's. The crawl records the profile file whole in its WARC file, and the replay runs with it."""
    server = serve_api(snapshot)
    profile = tmp_path / "profiles" / "leiden.yaml"
    profile.parent.mkdir()
    profile.write_text(PROFILE.format(name=name), encoding="utf-8")
    result = crawl(server.api_url, "--profile", str(profile), from_date="2020-01-01", until_date="2020-12-31")
    assert result.crawl["status"] == "complete", result.errors
    assert result.db["notices"].count
    profile.unlink()  # the file moved on or gone: the WARC file is the record
    assert_reparse_gives_the_same(str(result.db_path))
