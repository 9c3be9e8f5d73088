"""Forty-second pass over tenderned-awards.md, end to end: a SYNTHETIC eForms award notice crawled from the project's
loopback API into a real archive, one of whose lots has a named winner and a winner block without a name that
section 8 names; what the archive's award suppliers and providers hold, and a reparse of what was archived."""

from __future__ import annotations

from tests.fixtures.awards.make_fixtures import amount, h1, h2, h3, only, org, row, table
from tests.spiders.test_award_pdf_crawl import assert_reparse_gives_the_same
from tests.spiders.test_award_round30_crawl import leiden


def _two_winners_one_nameless() -> str:
    """SYNTHETIC eForms award notice (newer labels, reference §2.2, §2.6): LOT-0001 won by two providers (reference
    §4, several winners per lot), the second winner block printing its tender but no name (§2.5); section 8 names
    both winners of LOT-0001 with their registration numbers."""
    return table([
        h1("1. Koper"), row("Officiële naam", "Gemeente Leiden"),
        h1("2. Procedure"), row("Titel", "Jeugdhulp Leiden"),
        h1("5. Perceel"), h2("5.1", "Technische ID van het kavel", "LOT-0001"), row("Titel", "Ambulante jeugdhulp"),
        h1("6. Resultaten"),
        h2("6.1", "ID resultaat perceel", "LOT-0001"), only("Er is ten minste één winnaar gekozen."),
        h3("6.1.2 Informatie over winnaars"),
        only("Winnaar"), row("Officiële naam", "Stichting Jeugdhulp Leiden"),
        only("Inschrijving"), amount("Waarde van de aanbesteding", "700 000"),
        only("Winnaar"), only("Inschrijving"), amount("Waarde van de aanbesteding", "500 000"),
        only("Informatie over het contract"), row("Datum van sluiting van het contract", "01/06/2024"),
        h1("8. Organisaties"), *org(1, "Gemeente Leiden", None, "Leiden"),
        *org(2, "Stichting Jeugdhulp Leiden", "41165432", "Leiden", ["LOT-0001"]),
        *org(3, "Zorggroep Rijnland B.V.", "01234567", "Leiderdorp", ["LOT-0001"]),
    ])


def test_a_nameless_winner_beside_a_named_one_is_archived_as_the_winner_section_8_names(serve_api, crawl):
    """Reference §4 (several winners per lot) and §2.5 (a winner block without a name occurs; section 8 lists every
    organisation again, "Winnaar van deze percelen"). Section 8 was read only for a lot naming no winner at all: the
    second winner of the lot, its KvK number and its € 500.000 were not archived, and no provider was made of it.
    It is the lot's second winner, a provider by its KvK number. A reparse gives the same."""
    done = crawl(serve_api([leiden(976212, 976211, "2024-06-10", _two_winners_one_nameless())]).api_url,
                 from_date="2024-06-01", until_date="2024-06-30")
    assert done.crawl["status"] == "complete", done.errors
    db = done.db
    assert sorted((r["lot_id"], r["name"], r["kvk"], r["tender_value_cents"])
                  for r in db.query("select * from award_suppliers")) == [
        ("1", "Stichting Jeugdhulp Leiden", "41165432", 70000000),
        ("1", "Zorggroep Rijnland B.V.", "01234567", 50000000)]
    assert [(r["lot_id"], r["value_cents"], r["winner_count"]) for r in db.query("select * from awards")] == \
        [("1", None, 2)]
    providers = {r["organisation_id"] for r in db.query("select * from organisations where kind = 'provider'")}
    assert {"kvk:41165432", "kvk:01234567"} <= providers
    assert not any("without an official name" in (r["problems"] or "") for r in db.query("select * from notice_results"))
    from tests.datasette.archive_fixtures import Server
    from tests.datasette.test_saved_searches import rows

    datasette = Server(done.db_path)
    try:
        listed = {r["aanbieder_id"]: (r["kvk"], r["gunningen"]) for r in rows(datasette, "aanbieders")}
    finally:
        datasette.stop()
    assert listed == {"kvk:41165432": ("41165432", 1), "kvk:01234567": ("01234567", 1)}
    assert_reparse_gives_the_same(done.db_path)
