"""Seventh pass over tenderned-awards.md, end to end: SYNTHETIC award notices crawled from the loopback API into a
real archive, read as the archive's organisations and summaries show them."""

from __future__ import annotations

import sqlite_utils

from tests.spiders.test_award_pdf_crawl import award, template
from tests.spiders.test_award_round6_crawl import BUYER_WINS


def test_a_buyer_listed_as_the_winner_is_no_provider_and_no_winner_of_the_summaries(serve_api, crawl):
    """§6.3 "sometimes a buyer is also a supplier": the winner row flagged ``is_buyer`` is kept as published, but
    the buyer became an organisation of kind provider (a second "Gemeente Rijnstad" beside the municipality), a
    winner of the procurement's summary and a provider of the region's. It is neither; the real winner is both."""
    server = serve_api([award(template(), 960012, BUYER_WINS)])
    done = crawl(server.api_url, from_date="2024-06-01", until_date="2024-12-31")
    assert done.crawl["status"] == "complete", done.errors
    db = sqlite_utils.Database(done.db_path)
    rows = {r["name"]: (r["is_buyer"], r["organisation_id"]) for r in db.query(
        "select name, is_buyer, organisation_id from award_suppliers")}
    assert rows["gemeente RIJNSTAD"][0] == 1 and rows["Jeugdhulp Rijn B.V."][0] == 0
    providers = [r["name"] for r in db.query("select name from organisations where kind = 'provider'")]
    assert providers == ["Jeugdhulp Rijn B.V."]
    (summary,) = db.query("select aantal_winnaars, winnaars from summary_procurements")
    assert (summary["aantal_winnaars"], summary["winnaars"]) == (1, "Jeugdhulp Rijn B.V.")
    assert [r["name"] for r in db.query("select name from summary_award_winners")] == ["Jeugdhulp Rijn B.V."]
