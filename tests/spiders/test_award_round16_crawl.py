"""Sixteenth pass over tenderned-awards.md, end to end: SYNTHETIC award notices crawled from the loopback API into a
real archive and read where the researcher reads them (Datasette's `aanbieder_contracten`)."""

from __future__ import annotations

from tests.spiders.test_award_pdf_crawl import award, template
from tests.spiders.test_award_round8_crawl import WINDOW, winner_notice


def test_one_winner_spelled_with_and_or_ampersand_is_one_provider_and_a_rate_op_jaarbasis_no_value(serve_api, crawl):
    """§4 "Same organisation, spelled differently" (ampersands) and per-year values: "Zorg & Co B.V." and "Zorg en Co
    BV", neither with a KvK number, were two providers ("name:zorg", "name:zorg en"), each with half the contracts;
    a value "€ 500.000 op jaarbasis" was a contract value of € 500.000, summed with the totals. One provider now,
    with both contracts, found also by its name typed in the other spelling (`aanbieder_contracten` matched the typed
    text, not its folded name); the rate is kept as printed and is no value in cents."""
    from tests.datasette.archive_fixtures import Server
    from tests.datasette.test_saved_searches import rows

    server = serve_api([award(template(), 960161, winner_notice("Zorg & Co B.V.", "1 000 000")),
                        award(template(), 960162, winner_notice("Zorg en Co BV", "2 000 000")),
                        award(template(), 960163, winner_notice("Jeugd en Gezin U.A.", "€ 500.000 op jaarbasis"))])
    done = crawl(server.api_url, **WINDOW)
    assert done.crawl["status"] == "complete", done.errors
    datasette = Server(done.db_path)
    try:
        # by its id, and by its name typed in either spelling or with a legal form ("Stichting …")
        for provider in ("name:zorg", "Zorg en Co BV", "Zorg & Co", "Stichting Zorg en Co"):
            assert sorted(r["waarde_cents"] for r in rows(datasette, "aanbieder_contracten", aanbieder=provider)) == \
                [100000000, 200000000], provider
        (rate,) = rows(datasette, "aanbieder_contracten", aanbieder="name:jeugd en gezin")
        assert rate["waarde_cents"] is None
    finally:
        datasette.stop()
