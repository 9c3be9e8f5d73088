"""The OCDS backfill spider (spiders/tenderned_ocds.py) over several yearly packages of one procedure: real Scrapy
crawls of the loopback datasets page (SYNTHETIC packages built on reference §6.3's release shape)."""

from __future__ import annotations

import json

from tenderarchive.apiserver import load_datasets
from tests.fixtures.awards.make_fixtures import JEUGD, package, release, supplier
from tests.spiders.test_awards_crawl import rows, scrapy_ocds

FILES = {"2021": "Dataset_Tenderned-2021-01-01-2021-12-31.json", "2022": "Dataset_Tenderned-2022-01-01-2022-12-31.json"}


def datasets(folder, packages: dict):
    (folder / "files" / "2026-07").mkdir(parents=True, exist_ok=True)
    links = ""
    for year, releases in packages.items():
        (folder / "files" / "2026-07" / FILES[year]).write_text(json.dumps(package(releases)), encoding="utf-8")
        links += f'<li><a href="/cms/sites/default/files/2026-07/{FILES[year]}">{year} (JSON)</a></li>'
    (folder / "page.html").write_text(f"<html><body><article><ul>{links}</ul></article></body></html>",
                                      encoding="utf-8")
    return load_datasets(folder)


def test_a_pending_award_made_active_in_the_next_yearly_file_keeps_the_winner_the_earlier_file_named(serve_api, tmp_path):
    """OCDS awardStatus (``pending``: proposed, not in force; ``active``: in force) and reference §6.1/§6.3 (one
    file per year; a procedure is several releases with one ocid, "merge them"): the 2021 file gives the award
    pending with its supplier, the 2022 file the same award active with its value and no supplier (an awardUpdate
    giving the status). Each file was merged on its own: the 2021 award named no winner yet, the 2022 one none at
    all, so the winner was lost. The pending awards a package leaves are merged before the next package's releases
    of the ocid: the award is in force with the winner (and KvK number) the 2021 file named."""
    ocid = "ocds-1l04xe-313920"
    proposed = release(ocid, "299820-a", "2021-11-01", "Jeugdhulp Leiden", JEUGD, lots=[("1", "Ambulant")],
                       parties=[supplier("11111111", "Stichting Een")],
                       awards=[{"id": "a1", "status": "pending", "suppliers": [{"id": "11111111", "name": "Stichting Een"}],
                                "value": {"amount": 1000000, "currency": "EUR"}, "relatedLots": ["1"]}])
    in_force = release(ocid, "299920-a", "2022-02-01", "Jeugdhulp Leiden", JEUGD, lots=[("1", "Ambulant")],
                       tag=("awardUpdate",), awards=[{"id": "a1", "status": "active", "relatedLots": ["1"],
                                                      "value": {"amount": 1000000, "currency": "EUR"}}])
    server = serve_api([], datasets=datasets(tmp_path / "ds", {"2021": [proposed], "2022": [in_force]}))
    db = tmp_path / "archive.db"
    done = scrapy_ocds(db, server.datasets_url)
    assert done.returncode == 0, done.stderr[-3000:]
    assert rows(db, "select status from crawls")[-1]["status"] == "complete"
    assert [(r["lot_id"], r["awarded"]) for r in rows(db, "select lot_id, awarded from lots")] == [("1", 1)]
    assert [(r["lot_id"], r["value_cents"], r["winner_count"], r["name"], r["kvk"]) for r in rows(
        db, "select a.lot_id, a.value_cents, a.winner_count, s.name, s.kvk from awards a "
            "left join award_suppliers s using (award_id)")] == [("1", 100000000, 1, "Stichting Een", "11111111")]
