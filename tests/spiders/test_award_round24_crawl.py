"""Twenty-fourth pass over tenderned-awards.md, end to end: SYNTHETIC award notices crawled from the loopback API
into a real archive, read where the researcher reads them (`award_suppliers`, `aanbieders` in Datasette)."""

from __future__ import annotations

import sqlite_utils

from tests.fixtures.awards.make_fixtures import JEUGD, release, supplier
from tests.spiders.test_award_pdf_crawl import award, template
from tests.spiders.test_award_round8_crawl import WINDOW, winner_notice
from tests.spiders.test_awards_crawl import scrapy_ocds
from tests.spiders.test_tenderned_ocds import datasets


def test_a_winners_registration_number_written_with_its_branch_number_is_its_kvk_number(serve_api, crawl):
    """Reference §2.3 (section 8: "Registratienummer", IJ's KvK pattern of 8 digits) and §4 (the KvK number is 8
    digits; foreign winners have other ids): one provider wins two procurements, its section 8 giving
    "01234567" in one notice and "01234567 (vestigingsnummer 000012345678)" (its number with its labelled
    branch number) in the other, under another name. The second winner had no KvK number (a longer number
    beside the 8 digits), so `aanbieders` listed the provider twice, each row with one award and half its value."""
    server = serve_api([
        award(template(), 960241, winner_notice("Jeugdzorg Oost B.V.", "1 000 000", "01234567")),
        award(template(), 960242, winner_notice("JZO Zorggroep B.V.", "2 000 000",
                                                "01234567 (vestigingsnummer 000012345678)")),
    ])
    done = crawl(server.api_url, **WINDOW)
    assert done.crawl["status"] == "complete", done.errors
    db = sqlite_utils.Database(done.db_path)
    assert sorted((r["name"], r["kvk"], r["organisation_id"]) for r in db.query(
        "select name, kvk, organisation_id from award_suppliers")) == [
        ("JZO Zorggroep B.V.", "01234567", "kvk:01234567"), ("Jeugdzorg Oost B.V.", "01234567", "kvk:01234567")]
    assert providers_listed(done.db_path) == {"kvk:01234567": ("01234567", 2, 300000000)}


def test_a_package_supplier_whose_kvk_cell_is_written_with_spaces_is_the_provider_its_html_numbers(serve_api, crawl,
                                                                                                   tmp_path):
    """Reference §6.3 (the converter's supplier id is the Excel's KvK cell when the row has one) and §8.8 (an OCDS
    winner is linked as the API's are): a provider won one procurement whose award notice's section 8 gives
    "01234567", and one in the 2021 package whose supplier id is the cell "0123 4567". The package's winner had no KvK
    number (the id was not 8 digits in a row), so `aanbieders` listed it apart from its numbered self."""
    server = serve_api([award(template(), 960243, winner_notice("Jeugdzorg Oost B.V.", "1 000 000", "01234567"))],
                       datasets=datasets(tmp_path / "ds", {"2021": [release(
                           "ocds-1l04xe-313924", "299824-a", "2021-11-01", "Jeugdhulp Leiden", JEUGD,
                           lots=[("1", "Ambulant")], parties=[supplier("0123 4567", "JZO Zorggroep")],
                           awards=[{"id": "a1", "status": "active", "relatedLots": ["1"],
                                    "suppliers": [{"id": "0123 4567", "name": "JZO Zorggroep"}],
                                    "value": {"amount": 2000000, "currency": "EUR"}}])]}))
    done = crawl(server.api_url, **WINDOW)
    assert done.crawl["status"] == "complete", done.errors
    backfill = scrapy_ocds(done.db_path, server.datasets_url)
    assert backfill.returncode == 0, backfill.stderr[-3000:]
    db = sqlite_utils.Database(done.db_path)
    assert sorted((r["name"], r["kvk"], r["organisation_id"]) for r in db.query(
        "select name, kvk, organisation_id from award_suppliers")) == [
        ("JZO Zorggroep", "01234567", "kvk:01234567"), ("Jeugdzorg Oost B.V.", "01234567", "kvk:01234567")]
    assert providers_listed(done.db_path) == {"kvk:01234567": ("01234567", 2, 300000000)}


def providers_listed(db_path, columns=("kvk", "gunningen", "waarde_gunningen_cents")):
    """What Datasette's `aanbieders` lists, per provider id: the ``columns`` of its row (by default its KvK number,
    number of awards and their value), read from a real Datasette serving the archive."""
    from tests.datasette.archive_fixtures import Server
    from tests.datasette.test_saved_searches import rows

    datasette = Server(db_path)
    try:
        return {r["aanbieder_id"]: tuple(r[c] for c in columns) for r in rows(datasette, "aanbieders")}
    finally:
        datasette.stop()
