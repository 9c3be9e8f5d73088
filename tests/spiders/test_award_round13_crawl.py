"""Thirteenth pass over tenderned-awards.md, end to end: SYNTHETIC award notices of one procedure crawled from the
loopback API into a real archive, and what its awards, timeline and provider lists make of them."""

from __future__ import annotations

import sqlite_utils

from tests.fixtures.awards.make_fixtures import amount, h3, only, row
from tests.awards.test_html_shapes import eforms, h1, h2
from tests.spiders.test_award_pdf_crawl import template
from tests.spiders.test_award_round8_crawl import WINDOW
from tests.spiders.test_award_variants_crawl import publication


def chosen(name: str, value: str, day: str) -> str:
    """An eForms result of one lot (LOT-0001) won by ``name`` for ``value``, the winner chosen on ``day``."""
    return eforms(h1("1. Koper"), row("Officiële naam", "Gemeente Rijnstad"), h1("6. Resultaten"),
                  h2("6.1 ID resultaat perceel: LOT-0001"), only("Er is ten minste één winnaar gekozen."),
                  h3("6.1.2 Informatie over winnaars"), only("Winnaar"), row("Officiële naam", name),
                  only("Inschrijving"), amount("Waarde van de aanbesteding", value, "Euro"),
                  only("Informatie over het contract"), row("Datum waarop de winnaar is gekozen", day))


def test_a_voluntary_ex_ante_notice_is_the_intention_to_award_and_the_award_notice_after_it_the_award(serve_api, crawl):
    """Reference §4 ("about 16% of AGO notices are really cancellations or VEATs") and §5 (every publication of the
    procedure under its kenmerk): a voluntary ex-ante transparency notice (AGO, formType dir-awa-pre) names the winner
    the buyer intends to award directly; the award notice after the standstill (formType result) names it again.
    The VEAT's winner put "Perceel … gegund aan" on the timeline as `definitieve_gunning` (the procurement itself
    not awarded by it), and it stayed a current award beside the award notice's: the provider had two awards and
    twice the value of one contract."""
    from tests.datasette.archive_fixtures import Server
    from tests.datasette.test_saved_searches import rows

    veat = publication(template(), 961301, 961300, "AGO", "dir-awa-pre", "2024-06-10", "Jeugdhulp Rijnstad (VEAT)",
                       chosen("Jeugdhulp Rijn B.V.", "1 200 000", "05/06/2024"))
    result = publication(template(), 961302, 961300, "AGO", "result", "2024-08-20", "Jeugdhulp Rijnstad",
                         chosen("Jeugdhulp Rijn B.V.", "1 200 000", "15/08/2024"))
    # a VEAT whose award notice is not published yet: its winner is the intention to award
    alone = publication(template(), 961311, 961310, "AGO", "dir-awa-pre", "2024-07-01", "Jeugdhulp Rijnstad (VEAT)",
                        chosen("Stichting Zorg Oost", "300 000", "28/06/2024"))
    done = crawl(serve_api([veat, result, alone]).api_url, **WINDOW)
    assert done.crawl["status"] == "complete", done.errors
    db = sqlite_utils.Database(done.db_path)
    awards = {r["publication_id"]: r["current"] for r in db.query("select publication_id, current from awards")}
    assert awards == {961301: 0, 961302: 1, 961311: 1}
    events = {(r["procurement_id"], r["date"], r["kind"], r["stage"]) for r in db.query(
        "select procurement_id, date, kind, stage from events where source_type = 'award'")}
    assert events == {("TN961300", "2024-08-15", "award", "definitieve_gunning"),
                      ("TN961310", "2024-06-28", "provisional_award", "voorlopige_gunning")}
    (sentence,) = [r[0] for r in db.execute("select sentence from events where procurement_id = 'TN961310' "
                                            "and source_type = 'award'")]
    assert sentence == "Perceel 1 voorlopig gegund aan Stichting Zorg Oost voor € 300.000,00"
    datasette = Server(done.db_path)
    try:
        listed = [(r["aanbieder_id"], r["gunningen"], r["waarde_gunningen_cents"]) for r in rows(datasette, "aanbieders")]
        assert ("name:jeugdhulp rijn", 1, 120000000) in listed
    finally:
        datasette.stop()
