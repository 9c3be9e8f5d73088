"""The derivation's link helper tables (issue 14): ``article_link_keys`` and ``article_link_floor``,
their definitions and their writes. Hidden in Datasette (tenderarchive/store/search_index.py
``HELPER_TABLES``); written only by the derivation step (tenderarchive/derive.py), read by
tenderarchive/linking.py, which scores and decides which keys an article has."""

from __future__ import annotations

#: The linking keys of relevant articles (see the module docstring); a helper table of the
#: derivation, hidden in Datasette (tenderarchive/store/search_index.py ``HELPER_TABLES``).
LINK_KEYS_SQL = ("create table if not exists article_link_keys (key text not null, url text not null, "
                 "jeugdregio text, primary key (key, url)) without rowid")
LINK_KEYS_INDEX_SQL = "create index if not exists article_link_keys_url on article_link_keys (url)"

#: Each article's weakest TenderNed link (issue 14, eighth round): ``links`` TenderNed links in its
#: list, the lowest ``score`` and, of the links with that score, the ``procurement_id`` that sorts
#: last (the list's last row, :func:`rank_key`). A helper table like ``article_link_keys`` (hidden in
#: Datasette, tenderarchive/store/search_index.py ``HELPER_TABLES``), kept by triggers on
#: ``procurement_links``, so it is exact after every write whoever writes: each trigger recomputes the
#: row of the url it touched from ``procurement_links`` (by the covering index of
#: tenderarchive/store/schema.py). An article with no TenderNed link has no row. :func:`candidate_urls`
#: reads it by key, one lookup an article instead of reading its list.
LINK_FLOOR_SQL = ("create table if not exists article_link_floor (url text primary key, links integer not null, "
                  "score real, procurement_id text) without rowid")


def _floor_statements(url: str | None = None) -> list[str]:
    """The statements that recompute ``article_link_floor`` from ``procurement_links``: for the url
    ``url`` (``new.url`` or ``old.url``, in the triggers) or, without one, for every article."""
    only, also = (f" WHERE url = {url}", f" AND url = {url}") if url else ("", "")
    tenderned = "procurement_id NOT LIKE 'NEWS-%'"
    return [f"DELETE FROM article_link_floor{only}",
            f"INSERT INTO article_link_floor (url, links, score, procurement_id) SELECT url, count(*), min(score), NULL "
            f"FROM procurement_links WHERE {tenderned}{also} GROUP BY url",
            f"UPDATE article_link_floor SET procurement_id = (SELECT max(l.procurement_id) FROM procurement_links l "
            f"WHERE l.url = article_link_floor.url AND l.score = article_link_floor.score AND l.{tenderned}){only}"]


def _floor_refresh(url: str) -> str:
    """:func:`_floor_statements` for one url, as a trigger's body."""
    return "".join(f"{statement}; " for statement in _floor_statements(url))


LINK_FLOOR_TRIGGERS = {
    "article_link_floor_ai": "CREATE TRIGGER article_link_floor_ai AFTER INSERT ON procurement_links BEGIN "
                             f"{_floor_refresh('new.url')} END",
    "article_link_floor_au": "CREATE TRIGGER article_link_floor_au AFTER UPDATE ON procurement_links BEGIN "
                             f"{_floor_refresh('old.url')} {_floor_refresh('new.url')} END",
    "article_link_floor_ad": "CREATE TRIGGER article_link_floor_ad AFTER DELETE ON procurement_links BEGIN "
                             f"{_floor_refresh('old.url')} END",
}


def ensure_link_floor(db) -> bool:
    """Create ``article_link_floor`` and its triggers when either is missing, filled from
    ``procurement_links`` (once: from then on the triggers keep it); False when there are no links
    to keep. Writes nothing when all is in place."""
    if not db["procurement_links"].exists():
        return False
    present = {r[0] for r in db.execute("select name from sqlite_master where type = 'trigger' and name in "
                                        f"({','.join('?' * len(LINK_FLOOR_TRIGGERS))})", list(LINK_FLOOR_TRIGGERS))}
    if db["article_link_floor"].exists() and present == set(LINK_FLOOR_TRIGGERS):
        return True
    db.execute(LINK_FLOOR_SQL)
    for name, sql in LINK_FLOOR_TRIGGERS.items():
        db.execute(f"drop trigger if exists [{name}]")
        db.execute(sql)
    for statement in _floor_statements():
        db.execute(statement)
    return True


def replace_link_keys(db, urls: list[str], wanted: dict[str, set[tuple[str, str | None]]]) -> None:
    """Replace the ``article_link_keys`` rows of articles ``urls`` by ``wanted[url]`` (``(key,
    jeugdregio)`` pairs; an article missing from ``wanted`` keeps no keys). Only articles whose keys
    differ are written, so a derivation that changes nothing writes nothing."""
    db.execute(LINK_KEYS_SQL)
    db.execute(LINK_KEYS_INDEX_SQL)
    for i in range(0, len(urls), 500):
        batch = urls[i:i + 500]
        stored: dict[str, set] = {}
        for key, url, region in db.execute(f"select key, url, jeugdregio from article_link_keys where url in "
                                           f"({','.join('?' * len(batch))})", batch).fetchall():
            stored.setdefault(url, set()).add((key, region))
        for url in batch:
            if stored.get(url, set()) != wanted.get(url, set()):
                db.execute("delete from article_link_keys where url = ?", [url])
                db.conn.executemany("insert into article_link_keys (key, url, jeugdregio) values (?, ?, ?)",
                                    [(key, url, region) for key, region in sorted(wanted.get(url, ()))])
