"""The derivation's link helper tables (tenderarchive/store/link_tables.py)."""

import random

from tenderarchive.store.link_tables import _floor_refresh, ensure_link_floor
from tenderarchive.store.writes import delete_row, open_archive, put_row, sync_rows


def test_the_weakest_link_table_follows_every_write_of_the_links(tmp_path):
    """``article_link_floor`` (tenderarchive/store/link_tables.py), which ``candidate_urls`` reads instead of
    each article's list: filled once from the links already there, then kept by triggers through
    random inserts, upserts, deletes and whole-list syncs (synthetic links, news-only ones among
    them), it always equals each article's TenderNed link count, lowest score and the id that sorts
    last among that score; its recomputation reads the covering index."""
    db = open_archive(tmp_path / "archive.db")
    rng = random.Random(1417)
    urls = [f"https://example.invalid/{i}" for i in range(5)]
    ids = [f"TN{i}" for i in range(1, 13)] + ["NEWS-a", "NEWS-b"]

    def link(url):
        return {"procurement_id": rng.choice(ids), "url": url, "score": rng.choice([0.3, 0.5, 0.9, 1.0]),
                "status": "candidate", "reasons": "[]"}

    def expected():
        out = {}
        for url, pid, total in db.execute("select url, procurement_id, score from procurement_links").fetchall():
            if not pid.startswith("NEWS-"):
                n, low, last = out.get(url, (0, None, None))
                if low is None or total < low or (total == low and pid > last):
                    low, last = total, pid
                out[url] = (n + 1, low, last)
        return out

    with db.atomic():
        for url in urls[:3]:
            put_row(db, "procurement_links", link(url))
        assert ensure_link_floor(db)
    for step in range(300):
        url = rng.choice(urls)
        with db.atomic():
            action = rng.random()
            if action < 0.5:
                put_row(db, "procurement_links", link(url))
            elif action < 0.8:
                row = db.execute("select procurement_id, url from procurement_links where url = ? order by random() "
                                 "limit 1", [url]).fetchone()
                if row:
                    delete_row(db, "procurement_links", row)
            else:
                sync_rows(db, "procurement_links", "url = ?", [url], [link(url) for _ in range(rng.randrange(4))])
        stored = {r[0]: tuple(r[1:]) for r in db.execute("select * from article_link_floor").fetchall()}
        assert stored == expected(), step
    select = _floor_refresh("'x'").split("; ")[1].split(" SELECT ", 1)[1]
    plan = " ".join(str(r) for r in db.execute("explain query plan select " + select).fetchall())
    assert "COVERING INDEX idx_procurement_links_url_score_procurement_id" in plan, plan
