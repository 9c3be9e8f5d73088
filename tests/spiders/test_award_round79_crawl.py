"""Seventy-ninth pass over tenderned-awards.md, end to end: SYNTHETIC yearly OCDS packages from the project's loopback
datasets server whose parties' descriptive fields come in shapes OCDS does not give them (reference §6.3 gives
``address.countryName`` as text: "Nederland" or "NL"), crawled into a real archive."""

from __future__ import annotations

from tests.fixtures.awards.make_fixtures import JEUGD, package, release, supplier
from tests.spiders.test_awards_crawl import _datasets, rows, scrapy_ocds

#: each winner's ``address.countryName`` as the package writes it, and the country code archived for it
COUNTRIES = {"313791": (528, None), "313792": (["Nederland"], None), "313793": ({"name": "Belgique"}, None),
             "313794": (None, None), "313795": (True, None), "313796": ("BEL", "BE"), "313797": ("Nederland", "NL")}


def _procedure(kenmerk: str, country) -> dict:
    winner = supplier(f"4116{kenmerk[-4:]}", f"Stichting Jeugdzorg {kenmerk}")
    winner["address"]["countryName"] = country
    return release(f"ocds-1l04xe-{kenmerk}", f"29{kenmerk[-4:]}", "2021-05-01", "Jeugdhulp Leiden", JEUGD,
                   lots=[("1", "Jeugdhulp")], parties=[winner],
                   awards=[{"id": "a", "suppliers": [{"id": winner["id"], "name": winner["name"]}],
                            "value": {"amount": 100000, "currency": "EUR"}, "relatedLots": ["1"]}])


def test_a_winner_whose_country_is_no_text_is_archived_with_its_award_the_country_null_and_said(serve_api, tmp_path):
    """A party whose ``address.countryName`` was a number, a list, an object or true failed the release schema, and
    the whole release was skipped: the procedure, its award and its winner were not archived (a release of a
    procedure of several lost its winner). One bad field costs itself: the release is read, the winner archived with
    its name, KvK number and value, its country NULL, and the crawl's record (and log) names the release and the
    field. A null country is no problem at all; "BEL" is Belgium (ISO alpha-3). SYNTHETIC packages."""
    server = serve_api([], datasets=_datasets(tmp_path / "datasets", {
        "Dataset_Tenderned-2021-01-01-2021-12-31.json": package(
            [_procedure(kenmerk, country) for kenmerk, (country, _) in COUNTRIES.items()])}))
    db = tmp_path / "archive.db"
    done = scrapy_ocds(db, server.datasets_url)
    assert done.returncode == 0, done.stderr[-3000:]
    archived = rows(db, "select a.procurement_id, s.name, s.kvk, s.country, s.country_code, a.value_cents "
                        "from awards a join award_suppliers s using (award_id) order by a.procurement_id")
    assert [(r["procurement_id"], r["name"], r["kvk"], r["country_code"], r["value_cents"]) for r in archived] == [
        (f"TN{kenmerk}", f"Stichting Jeugdzorg {kenmerk}", f"4116{kenmerk[-4:]}" if code != "BE" else None, code,
         10000000) for kenmerk, (_, code) in COUNTRIES.items()]
    assert [r["country"] for r in archived] == [None] * 5 + ["BEL", "Nederland"]
    [crawl] = rows(db, "select status, errors from crawls")
    assert crawl["status"] == "partial"
    for n, what in enumerate(["a number (528), not text", "a list, not text", "an object, not text", None,
                              "true, not text"], start=1):
        said = f"release {n} (ocds-1l04xe-31379{n}): parties[1].address.countryName is {what}: read as NULL"
        assert (said in crawl["errors"] and said in done.stderr) if what else f"31379{n}" not in crawl["errors"], n
    assert "skipped" not in crawl["errors"]
