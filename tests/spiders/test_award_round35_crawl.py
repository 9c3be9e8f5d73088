"""Thirty-fifth pass over tenderned-awards.md, end to end: a SYNTHETIC award notice crawled from the loopback API into a
real archive, what it shows of it, and a reparse of what it archived."""

from __future__ import annotations

import json

from tests import forkcli
from tests.awards.test_html import consortium_notice
from tests.conftest import ROOT
from tests.fixtures.awards.make_fixtures import row
from tests.spiders.test_award_pdf_crawl import assert_reparse_gives_the_same
from tests.spiders.test_award_round30_crawl import leiden


def test_a_consortium_named_by_its_group_alone_is_archived_as_the_members_section_8_names(serve_api, crawl):
    """Reference §2.5 (consortium: the group's name, its leader, its other members; section 8 lists every organisation
    with its "Registratienummer" and "Winnaar van deze percelen") and §8.4 (for consortia the group name and the member
    names). Award notice 975012's one lot is won by "Combinatie Jeugd Leiden", its winner block naming the group
    alone; section 8 names Alpha Jeugdzorg B.V. and Stichting Beta Jeugdhulp winners of the lot. The archive had one
    winner, an organisation "Combinatie Jeugd Leiden" without KvK number, as the procedure's winner and a provider;
    the two firms that won were in no table. They are the award's winners, each with its KvK number and the group's
    name, the award's € 900.000 once (the procedure's value, not per member), and a reparse gives the same. The
    awards view (`awards_by_region_year`, on the site and exported) says they won as that consortium: its winners
    alone did not tell a consortium's members from co-winners of a framework."""
    html = consortium_notice(row("Naam van de aanbiedende partij", "Combinatie Jeugd Leiden"))
    done = crawl(serve_api([leiden(975012, 975011, "2024-05-20", html)]).api_url, from_date="2024-05-01",
                 until_date="2024-05-31")
    assert done.crawl["status"] == "complete", done.errors
    db = done.db
    assert [(r["lot_id"], r["value_cents"], r["winner_count"], r["current"]) for r in db.query("select * from awards")] \
        == [("1", 90000000, 2, 1)]
    assert [(r["organisation_id"], r["name"], r["kvk"], r["group_name"], r["group_member"], r["from_section_8"])
            for r in db.query("select * from award_suppliers order by name")] == [
        ("kvk:11111111", "Alpha Jeugdzorg B.V.", "11111111", "Combinatie Jeugd Leiden", 1, 1),
        ("kvk:22222222", "Stichting Beta Jeugdhulp", "22222222", "Combinatie Jeugd Leiden", 1, 1)]
    assert [(r["aantal_winnaars"], r["winnaars"], r["gegunde_waarde_cents"]) for r in db.query(
        "select * from summary_procurements")] == [(2, "Alpha Jeugdzorg B.V.; Stichting Beta Jeugdhulp", 90000000)]
    assert not [r for r in db.query("select * from organisations where name like 'Combinatie%'")]
    assert_reparse_gives_the_same(done.db_path)
    from tests.datasette.archive_fixtures import Server
    from tests.datasette.test_saved_searches import rows

    datasette = Server(done.db_path)
    try:
        shown = rows(datasette, "awards_by_region_year", jeugdregio="", year="", pagina="alle")
    finally:
        datasette.stop()
    exported = forkcli.run(["export", "awards_by_region_year", "--db", str(done.db_path), "--format", "json"],
                           cwd=ROOT, timeout=120)
    assert exported.returncode == 0, exported.stderr[-2000:]
    for listed in (shown, json.loads(exported.stdout)):
        assert [(r["winners"], r["consortium"], r["value_cents"]) for r in listed] == [
            ("Alpha Jeugdzorg B.V.; Stichting Beta Jeugdhulp",
             "Combinatie Jeugd Leiden: Alpha Jeugdzorg B.V., Stichting Beta Jeugdhulp", 90000000)]
