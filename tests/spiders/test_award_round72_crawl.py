"""Seventy-second pass over tenderned-awards.md, end to end: SYNTHETIC yearly OCDS packages from the project's loopback
datasets server, their names carrying the "_0" Drupal adds to a file uploaded again under a name already taken, crawled
for one year's window into a real archive."""

from __future__ import annotations

from tests.fixtures.awards.make_fixtures import JEUGD, package, release, supplier
from tests.spiders.test_awards_crawl import _datasets, rows, scrapy_ocds


def _one(kenmerk: str, rid: str, day: str, name: str) -> dict:
    return release(f"ocds-1l04xe-{kenmerk}", rid, day, "Jeugdhulp Leiden", JEUGD, lots=[("1", "Jeugdhulp")],
                   parties=[supplier("11111111", name)],
                   awards=[{"id": "a", "suppliers": [{"id": "11111111", "name": name}],
                            "value": {"amount": 100000, "currency": "EUR"}, "relatedLots": ["1"]}])


def test_a_package_name_with_drupals_duplicate_suffix_gives_its_period_so_a_windowed_crawl_skips_it(
        serve_api, tmp_path):
    """Reference §6.1: the packages are files in Drupal's ``/cms/sites/default/files/<yyyy-mm>/`` folders, and Drupal
    names a file uploaded under a name already taken with "_0", "_1", … before its extension
    ("Dataset_Tenderned-2022-01-01-2022-12-31_0.json", "2017_0.json"). Such a name gave no period, so every crawl for
    a window downloaded it again, whatever its years (its procedures were still selected by their releases' dates).
    Its period is read past the suffix: a crawl for 2021 asks 2021's package alone, and a crawl for 2022 the "_0"
    package of 2022."""
    server = serve_api([], datasets=_datasets(tmp_path / "datasets", {
        "2017_0.json": package([_one("313701", "299701", "2017-05-01", "Alpha B.V.")]),
        "Dataset_Tenderned-2021-01-01-2021-12-31.json": package([_one("313702", "299702", "2021-05-01", "Beta B.V.")]),
        "Dataset_Tenderned-2022-01-01-2022-12-31_0.json": package([_one("313703", "299703", "2022-05-01",
                                                                         "Gamma B.V.")]),
        "Dataset_TenderNed_2016_2018_1.json": package([_one("313704", "299704", "2018-05-01", "Delta B.V.")])}))
    for window, asked, archived in (
            (("2021-01-01", "2021-12-31"), ["Dataset_Tenderned-2021-01-01-2021-12-31.json"], "TN313702"),
            (("2022-01-01", "2022-12-31"), ["Dataset_Tenderned-2022-01-01-2022-12-31_0.json"], "TN313703")):
        db = tmp_path / f"{window[0][:4]}.db"
        began = len(server.api.log)
        done = scrapy_ocds(db, server.datasets_url, "-a", f"from_date={window[0]}", "-a", f"until_date={window[1]}")
        assert done.returncode == 0, done.stderr[-3000:]
        assert [p.rsplit("/", 1)[-1] for p in server.api.log[began:] if p.endswith(".json")] == asked
        assert rows(db, "select distinct procurement_id from awards") == [{"procurement_id": archived}]
        assert rows(db, "select status from crawls") == [{"status": "complete"}]
