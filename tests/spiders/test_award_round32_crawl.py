"""Thirty-second pass over tenderned-awards.md, end to end: SYNTHETIC award notices crawled from the loopback API into
a real archive, and the providers (`aanbieders`) it shows for them."""

from __future__ import annotations

import sqlite_utils

from tests.awards.test_html_shapes import afdeling_v
from tests.awards.test_html_variants import contractor, heading, paragraphs
from tests.spiders.test_award_pdf_crawl import award, template
from tests.spiders.test_award_round8_crawl import WINDOW, winner_notice

#: SYNTHETIC: an older standard-form award whose V.2.3 prints the contractor's name and address in one line
ONE_LINE = afdeling_v(heading("1", "Jeugdhulp"), paragraphs("Een opdracht/perceel wordt gegund: ja"),
                      contractor("Jeugdzorg Oost B.V., Stationsstraat 1, 3511 AB Utrecht"),
                      '<h5 class="subsection"><span class="subsection-number">V.2.4)</span> <span class="section-header-3">'
                      'Inlichtingen over de waarde van de opdracht/het perceel (exclusief btw)</span></h5>'
                      '<p class="subsection-content">Totale waarde van de opdracht/het perceel: 2 000 000,00</p>'
                      '<p class="subsection-content">Munt: EUR</p>')


def test_a_winner_printed_with_its_address_in_one_line_is_the_provider_of_its_name(serve_api, crawl):
    """Reference §3.1 (V.2.3's "Officiële benaming", "Postadres", "Postcode", "Plaats" as rows of their own) and §4
    ("Same organisation, spelled differently"): a winner whose name and address came in one line was archived under
    that line, a provider of its own beside the same firm's award printed by its name (two rows in `aanbieders`, each
    with half its awards), and foreign winners likewise. It is one provider, of the place its address gives."""
    from tests.datasette.archive_fixtures import Server
    from tests.datasette.test_saved_searches import rows

    notices = [award(template(), 960321, ONE_LINE),
               award(template(), 960322, winner_notice("Jeugdzorg Oost B.V.", "1 000 000")),
               award(template(), 960323, winner_notice("Jugendhilfe Nord GmbH, Hauptstraße 5, D-28195 Bremen, Duitsland",
                                                       "500 000"))]
    done = crawl(serve_api(notices).api_url, **WINDOW)
    assert done.crawl["status"] == "complete", done.errors
    db = sqlite_utils.Database(done.db_path)
    assert sorted((r["name"], r["organisation_id"], r["place"] or "", r["country"] or "") for r in db.query(
        "select name, organisation_id, place, country from award_suppliers")) == [
        ("Jeugdzorg Oost B.V.", "name:jeugdzorg oost", "", ""),
        ("Jeugdzorg Oost B.V.", "name:jeugdzorg oost", "Utrecht", ""),
        ("Jugendhilfe Nord GmbH", "name:jugendhilfe nord", "Bremen", "Duitsland")]
    datasette = Server(done.db_path)
    try:
        listed = {r["aanbieder_id"]: (r["aanbieder"], r["gunningen"], r["waarde_gunningen_cents"]) for r in rows(datasette, "aanbieders")}
    finally:
        datasette.stop()
    assert listed == {"name:jeugdzorg oost": ("Jeugdzorg Oost B.V.", 2, 300000000),
                      "name:jugendhilfe nord": ("Jugendhilfe Nord GmbH", 1, 50000000)}


def test_a_foreign_contractor_before_2016_is_no_kvk_provider(serve_api, crawl):
    """Reference §3.2 (V.3: name, an optional id, then the address) and §4 ("Foreign winners have other ids"): a
    German contractor's 8-digit Handelsregister number on a page before 2016 became the KvK number of a provider
    `kvk:12345678` with no place, which a Dutch firm registered under that number would share. Its address gives its
    place and country; the number is not a KvK number and the notice's problems say so."""
    from tests.awards.test_html_standard import ancient_contractor

    page = ancient_contractor("Jugendhilfe Nord GmbH", "12345678", "Hauptstraße 5", "D-28195 Bremen", "Duitsland")
    done = crawl(serve_api([award(template(), 960341, page)]).api_url, **WINDOW)
    assert done.crawl["status"] == "complete", done.errors
    db = sqlite_utils.Database(done.db_path)
    assert [(r["organisation_id"], r["kvk"], r["place"], r["country"]) for r in db.query(
        "select organisation_id, kvk, place, country from award_suppliers")] == [
        ("name:jugendhilfe nord", None, "Bremen", "Duitsland")]
    assert [r["organisation_id"] for r in db.query("select organisation_id from organisations where kind = 'provider'")] \
        == ["name:jugendhilfe nord"]
    (result,) = db.query("select problems from notice_results where publication_id = 960341")
    assert "not read as a KvK number" in result["problems"]
