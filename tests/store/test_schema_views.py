"""The archive's views (tenderarchive/store/schema.py ``VIEWS``) answer by key: on a big archive a
view page must not read a big table once per row."""

from __future__ import annotations

from tenderarchive.store.writes import open_archive


def test_the_changes_view_finds_each_record_by_its_key(tmp_path):
    """``changes`` names the changed record (title, url) of a notice, article or procurement.
    Notices were joined on ``cast(publication_id as text)``, which no index serves: every version
    row read the whole notices table (a million notices: the page never answered)."""
    db = open_archive(tmp_path / "archive.db")
    db["notices"].insert_all([{"publication_id": 300377, "title": "Jeugdhulp regio X", "url": "https://t/300377"},
                              {"publication_id": 12, "title": "Twaalf", "url": "https://t/12"}])
    db["articles"].insert({"url": "https://nieuws.example.nl/a", "title": "Gegund"})
    db["versions"].insert_all([
        {"table_name": "notices", "row_key": "300377", "version": 1, "valid_from": "2026-01-01"},
        {"table_name": "notices", "row_key": "12abc", "version": 1, "valid_from": "2026-01-02"},
        {"table_name": "articles", "row_key": "https://nieuws.example.nl/a", "version": 1, "valid_from": "2026-01-03"},
        {"table_name": "articles", "row_key": "300377", "version": 1, "valid_from": "2026-01-04"},
    ])
    got = [(r["table_name"], r["row_key"], r["title"]) for r in db.query("select * from changes order by valid_from")]
    assert got == [("notices", "300377", "Jeugdhulp regio X"), ("notices", "12abc", None),
                   ("articles", "https://nieuws.example.nl/a", "Gegund"), ("articles", "300377", None)]
    plan = [d for *_, d in db.execute("explain query plan select * from changes limit 51").fetchall()]
    assert not any(d.startswith("SCAN") and d.split()[1] in ("n", "a", "p") for d in plan), plan
