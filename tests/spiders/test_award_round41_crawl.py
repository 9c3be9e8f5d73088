"""Forty-first pass over tenderned-awards.md, end to end: SYNTHETIC eForms award notices of one procedure that
numbers its lots from LOT-0000, each notice giving one lot, crawled from the loopback API into a real archive and
reparsed."""

from __future__ import annotations

import sqlite_utils

from tests.awards.test_html_shapes import eforms, h1, h2
from tests.fixtures.awards.make_fixtures import amount, h3, only, row
from tests.spiders.test_award_pdf_crawl import assert_reparse_gives_the_same, award, template

WINDOW = {"from_date": "2024-06-01", "until_date": "2024-12-31"}


def one_lot(lot, title, name, value):
    """A SYNTHETIC award notice giving lot ``lot`` (sections 5 and 6) won by ``name``."""
    return eforms(h1("1. Koper"), row("Officiële naam", "Gemeente Rijnstad"), h1("5. Perceel"),
                  h2(f"5.1 Technische ID van het kavel: {lot}"), row("Titel", title), h1("6. Resultaten"),
                  h2(f"6.1 ID resultaat perceel: {lot}"), only("Er is ten minste één winnaar gekozen."),
                  h3("6.1.2 Informatie over winnaars"), only("Winnaar"), row("Officiële naam", name),
                  only("Inschrijving"), amount("Waarde van de aanbesteding", value, "Euro"))


def test_two_award_notices_of_lots_numbered_from_lot_0000_archive_two_lots_each_with_its_winner(serve_api, crawl):
    """Reference §2.6 (lots numbered LOT-0000, LOT-0001), §4 (several award notices per procedure: its winners are
    the union) and §8.5 (one row per lot): notice 960412 awards LOT-0000 "Ambulant", notice 960422 of the same
    kenmerk LOT-0001 "Verblijf". Each was keyed lot "1" on its own, so `lots` had one lot, "Verblijf" (Ambulant
    gone), with both awards on it. The procedure's two lots are archived, each with its own award and winner, and
    a reparse gives the same."""
    server = serve_api([award(template(), 960412, one_lot("LOT-0000", "Ambulant", "Jeugdhulp Rijn B.V.", "600 000")),
                        award(template(), 960422, one_lot("LOT-0001", "Verblijf", "Stichting Zorg Oost", "900 000"))])
    done = crawl(server.api_url, **WINDOW)
    assert done.crawl["status"] == "complete", done.errors
    db = sqlite_utils.Database(done.db_path)
    assert [(r["lot_id"], r["title"], r["awarded"]) for r in db.query("select * from lots order by lot_id")] == [
        ("LOT-0000", "Ambulant", 1), ("LOT-0001", "Verblijf", 1)]
    assert [(r["lot_id"], r["value_cents"], r["current"], r["name"]) for r in db.query(
        "select a.lot_id, a.value_cents, a.current, s.name from awards a join award_suppliers s using (award_id) "
        "order by a.lot_id")] == [("LOT-0000", 60000000, 1, "Jeugdhulp Rijn B.V."),
                                  ("LOT-0001", 90000000, 1, "Stichting Zorg Oost")]
    assert_reparse_gives_the_same(done.db_path)
