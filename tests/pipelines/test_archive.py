"""The archive pipeline writes a batch of items in one transaction with no savepoint per item
(issue 14), and still leaves a failing item out alone: the batch is then rolled back and
written again item by item (pipelines/archive.py). Real Scrapy crawler, real SQLite; the
notices are synthetic (tests/store/test_writes.py's record)."""

import sqlite_utils
from scrapy import Spider, signals
from scrapy.utils.test import get_crawler

from pipelines.archive import ArchivePipeline
from tenderarchive.items import NoticeItem
from tenderarchive.store.schema import TABLES
from tenderarchive.store.writes import write_notice
from tests.spiders.test_news_reference9 import NEW, OLD
from tests.store.test_writes import notice_record


def pipeline(db_path):
    crawler = get_crawler(Spider, {"ARCHIVE_DB": str(db_path), "ARCHIVE_BATCH_ITEMS": 1000,
                                   "ARCHIVE_BATCH_SECONDS": 1000})
    crawler.spider = crawler._create_spider("synthetic")
    crawler.spider.crawl_id = 1
    errors = []

    def failed(item, failure, **_):
        errors.append((item, failure))

    crawler.signals.connect(failed, signal=signals.item_error)
    crawler.keep = failed  # the dispatcher holds receivers weakly
    archive = ArchivePipeline.from_crawler(crawler)
    archive.open_spider()
    return archive, crawler, errors


def item(publication_id, broken=False):
    record = notice_record(publication_id, title=f"Jeugdhulp perceel {publication_id}")
    record["cpv"][0]["cpv"] = f"8531130{publication_id % 10}-5"
    if broken:  # a document without its key: the write fails halfway through the notice
        record["documents"] = [{"document_id": f"d{publication_id}", "publication_id": publication_id},
                               {"publication_id": publication_id, "name": "no key"}]
    return NoticeItem(publication_id=str(publication_id), detail={}, source_url=f"http://api/{publication_id}",
                      record=record)


def rows(db_path):
    db = sqlite_utils.Database(db_path)
    return {t: sorted(map(repr, db.query(f"select * from [{t}]"))) for t in TABLES if t != "crawls"}


def test_a_batch_is_one_transaction_without_a_savepoint_per_item(tmp_path):
    archive, crawler, errors = pipeline(tmp_path / "batch.db")
    statements = []
    archive.db.conn.set_trace_callback(statements.append)
    for n in range(1, 21):
        archive.process_item(item(n))
    archive.flush()
    assert not errors and crawler.stats.get_value("archive/new") == 20
    assert not [s for s in statements if s.upper().startswith("SAVEPOINT")]
    assert sum(s.upper().startswith(("BEGIN", "COMMIT")) for s in statements) == 2
    archive.close_spider()

    # the same items written one savepoint each (the old way, write_each) give the same rows
    other, _crawler, _errors = pipeline(tmp_path / "each.db")
    other.write_each([(item(n), write_notice, 1) for n in range(1, 21)])
    other.close_spider()
    assert rows(tmp_path / "batch.db") == rows(tmp_path / "each.db")
    assert len(rows(tmp_path / "batch.db")["notices"]) == 20


def test_a_failing_item_is_left_out_alone_and_reported(tmp_path):
    archive, crawler, errors = pipeline(tmp_path / "a.db")
    for n in range(1, 11):
        archive.process_item(item(n, broken=(n == 4)))
    archive.close_spider()
    db = sqlite_utils.Database(tmp_path / "a.db")
    assert sorted(r["publication_id"] for r in db["notices"].rows) == [1, 2, 3, 5, 6, 7, 8, 9, 10]
    assert db.execute("select count(*) from documents where publication_id = 4").fetchone()[0] == 0
    assert db.execute("select count(*) from notice_cpv where publication_id = 4").fetchone()[0] == 0
    assert [e[0].publication_id for e in errors] == ["4"]
    assert crawler.stats.get_value("archive/new") == 9  # counted once, not once per attempt


def lookups(statements, table):
    return [s for s in statements if s.lower().startswith(f"select * from [{table}] where")]


def test_rows_of_an_empty_table_are_not_looked_up_before_they_are_written(tmp_path):
    """Issue 14: into an empty archive (the first crawl, every reparse) the archive pipeline
    remembers the keys it writes, so a notice, its CPV codes and its documents are not each
    looked up first; a key written earlier in the crawl still is, and the rows and outcomes are
    those of an archive that looks every key up."""
    archive, crawler, errors = pipeline(tmp_path / "new.db")
    statements = []
    archive.db.conn.set_trace_callback(statements.append)
    for n in range(1, 11):
        archive.process_item(item(n))
    archive.flush()
    assert not lookups(statements, "notices") and not lookups(statements, "notice_cpv")
    again = item(3)
    again.record["notice"]["title"] = "Jeugdhulp perceel 3, gewijzigd"
    archive.process_item(item(2))  # the same notice again: found unchanged
    archive.process_item(again)  # changed: found, written; the crawl archived it new, so no version (a state of
    archive.flush()              # this crawl alone) and counted once, as new (writes.NEW_AGAIN)
    assert len(lookups(statements, "notices")) == 2
    assert crawler.stats.get_value("archive/new") == 10 and crawler.stats.get_value("archive/new_again") == 2
    assert crawler.stats.get_value("archive/unchanged") is None and crawler.stats.get_value("archive/updated") is None
    assert archive.db["notices"].get(3)["title"] == "Jeugdhulp perceel 3, gewijzigd"
    archive.close_spider()

    # the same items into an archive whose notices table is not empty: every key looked up
    looked, _crawler, _errors = pipeline(tmp_path / "looked.db")
    looked.db["notices"].insert({"publication_id": 999, "title": "elders"}, pk="publication_id")
    looked.db.conn.commit()
    for n in [*range(1, 11), 2]:
        looked.process_item(item(n))
    looked.process_item(again)
    looked.close_spider()
    mine, theirs = rows(tmp_path / "new.db"), rows(tmp_path / "looked.db")
    theirs["notices"] = [r for r in theirs["notices"] if "'elders'" not in r]
    assert mine == theirs
    assert len(mine["versions"]) == 0


def test_a_record_the_crawl_writes_several_times_is_counted_once(tmp_path):
    """An archived notice a crawl writes three times (re-checked unchanged, then listed with a change, then changed
    again) was counted 1 unchanged and 2 updated: ``crawls`` said 3 records for one, ``crawl_wijzigingen`` listed
    one. Counted once, as updated when a write changed it; one written unchanged twice is 1 unchanged; the
    batch written again item by item (a failing item in it) counts the same."""
    first, _crawler, _errors = pipeline(tmp_path / "a.db")
    for n in (7, 8):
        first.process_item(item(n))
    first.close_spider()
    for broken in (False, True):
        archive, crawler, errors = pipeline(tmp_path / "a.db")
        crawler.spider.crawl_id = 2
        again, later = item(7), item(7)
        again.record["notice"]["title"] = "Jeugdhulp perceel 7, gewijzigd"
        later.record["notice"]["title"] = "Jeugdhulp perceel 7, nogmaals gewijzigd"
        for written in (item(7), again, later, item(8), item(8)) + ((item(9, broken=True),) if broken else ()):
            archive.process_item(written)
        archive.close_spider()
        stats = crawler.stats.get_stats()
        assert (stats.get("archive/new"), stats.get("archive/updated"), stats.get("archive/unchanged")) == (
            None, 1, 1), broken
        assert len(errors) == int(broken)
        db = sqlite_utils.Database(tmp_path / "a.db")
        assert db["notices"].get(7)["title"] == "Jeugdhulp perceel 7, nogmaals gewijzigd"
        db.execute("delete from versions")
        db.execute("update notices set title = 'Jeugdhulp perceel 7', crawl_id = 1 where publication_id = 7")
        db.conn.commit()


def record_entries(*owners) -> int:
    """How many entries about single records (keyed ``("notices", key)`` or ``("articles", url)``) the attributes of
    ``owners`` hold, in dicts or in tuples and lists of them."""
    def dicts(value):
        if isinstance(value, dict):
            yield value
        elif isinstance(value, (tuple, list)):
            for part in value:
                yield from dicts(part)

    return sum(sum(1 for key in found if isinstance(key, tuple) and key[:1] in (("notices",), ("articles",)))
               for owner in owners for value in vars(owner).values() for found in dicts(value))


def test_the_records_a_crawl_wrote_are_held_once_for_both_the_counts_and_new_again(tmp_path):
    """Round 61 kept the records a crawl wrote twice in memory: the store's marks of what it archived new (``NEW_AGAIN``)
    and the pipeline's count of each record once, each an entry per record (about 100 MB for a million-notice crawl).
    One structure serves both now: an entry per record, the counts the same (new once, however often written again;
    an archived record unchanged then changed is one change), a record written again as new keeps no version."""
    first, _crawler, _errors = pipeline(tmp_path / "a.db")
    for n in (1, 2):
        first.process_item(item(n))
    first.close_spider()
    archive, crawler, errors = pipeline(tmp_path / "a.db")
    crawler.spider.crawl_id = 2
    changed = item(2)
    changed.record["notice"]["title"] = "Jeugdhulp perceel 2, gewijzigd"
    written = [item(n) for n in range(3, 13)] + [item(1), item(2), changed] + [item(n) for n in range(3, 8)]
    for n, each in enumerate(written, 1):
        archive.process_item(each)
        if n % 4 == 0:
            archive.flush()  # over several batches, as a crawl writes them
    archive.flush()
    assert not errors
    assert record_entries(archive, archive.db) == 12  # 10 new, 1 unchanged, 1 changed: once each
    stats = crawler.stats.get_stats()
    assert (stats.get("archive/new"), stats.get("archive/updated"), stats.get("archive/unchanged")) == (10, 1, 1)
    archive.close_spider()
    db = sqlite_utils.Database(tmp_path / "a.db")
    assert {r["row_key"] for r in db.query("select row_key from versions where table_name = 'notices'")} == {"2"}


def test_a_key_of_another_type_finds_the_row_it_names(tmp_path):
    """SQLite finds integer key 7 by '7' too: the remembered keys compare as text, so a row
    written with one type and asked for with the other is looked up, not taken for absent."""
    from tenderarchive.store.writes import get_row, track_new_keys, write_notice

    archive, _crawler, _errors = pipeline(tmp_path / "a.db")
    db = archive.db
    track_new_keys(db)
    with db.atomic():
        write_notice(db, notice_record(7), 1)
    assert get_row(db, "notices", "7")["publication_id"] == 7
    assert get_row(db, "notice_cpv", ("7", "85311300-5"))["cpv_8"] == "85311300"
    assert get_row(db, "notices", 8) is None
    archive.close_spider()


def a_revised_article_and_a_paywalled_one(tmp_path):
    """Two news crawls of one site (SYNTHETIC pages) into ``tmp_path/archive.db``: the second finds the last
    sentence of ``project/a`` revised and ``project/p``, archived whole, answering only its teaser (schema.org
    ``isAccessibleForFree: false``). Returns the archive and the site's base URL."""
    from tests.spiders.test_news import crawl_news
    from tests.spiders.test_news_reference import ARTICLE, ROBOTS, registry, serve

    def page(title, extra):
        return "text/html; charset=utf-8", ARTICLE.format(title=title, extra=extra).encode()
    teaser = ARTICLE.format(title="Inkoop jeugdhulp betaald", extra="Lange tekst over de inkoop").replace(
        "</head>", '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",'
        ' "headline": "Inkoop jeugdhulp betaald", "isAccessibleForFree": false}</script></head>')
    routes = {"/robots.txt": ROBOTS, "/project/a": page("Aanbesteding jeugdhulp", "Het college gunt in maart."),
              "/project/p": page("Inkoop jeugdhulp betaald", "Lange tekst over de inkoop van jeugdhulp. " * 30)}
    db = tmp_path / "archive.db"
    with serve(routes) as base:
        path = registry(tmp_path, base_url=base, living_pages=["project/a", "project/p"])
        assert crawl_news(path, db).returncode == 0
        routes["/project/a"] = page("Aanbesteding jeugdhulp", "Het college gunt in juni.")
        routes["/project/p"] = ("text/html; charset=utf-8", teaser.encode())
        assert crawl_news(path, db).returncode == 0
    return db, base


def test_a_paywall_teaser_kept_out_counts_as_an_unchanged_article(tmp_path):
    """A page that answers only its teaser keeps its archived whole text: the archive holds it unchanged. The crawl
    counted it nowhere ("0 new, 1 updated, 0 unchanged" of two pages read), so `status` showed a nightly re-check
    of a paywalled site as a crawl that archived nothing, and its drop check took it for a source gone quiet. It
    is counted unchanged."""
    db, base = a_revised_article_and_a_paywalled_one(tmp_path)
    crawl = sqlite_utils.Database(db)["crawls"].get(2)
    assert (crawl["items_new"], crawl["items_updated"], crawl["items_unchanged"]) == (0, 1, 1)
    assert "Lange tekst over de inkoop van jeugdhulp." in sqlite_utils.Database(db)["articles"].get(
        f"{base}project/p")["text"]


def an_archived_page_found_at_a_new_address(tmp_path):
    """Two news crawls of a SYNTHETIC site moved to another CMS (tests/spiders/test_news_reference9.py): crawl 1
    archives ``OLD``; crawl 2 finds it gone (301) to ``NEW``, with the same title and text. Returns the archive
    and the site's base URL."""
    from tests.spiders.test_news import crawl_news
    from tests.spiders.test_news_reference import ROBOTS, redirecting, registry
    from tests.spiders.test_news_reference8 import iprox_item, wordpress_item
    from tests.spiders.test_news_reference9 import sitemap_of

    routes = {"/robots.txt": ROBOTS, "/sitemap.xml": sitemap_of(OLD), OLD: iprox_item("Voorlopige gunning jeugdhulp")}
    redirects: dict = {}
    db = tmp_path / "archive.db"
    server, base = redirecting(routes, redirects)
    try:
        path = registry(tmp_path, base_url=base, discovery={"sitemaps": ["sitemap.xml"]}, allow=["^/nieuws/", "^/20"])
        assert crawl_news(path, db).returncode == 0
        routes.pop(OLD)
        routes.update({"/sitemap.xml": sitemap_of(OLD, NEW), NEW: wordpress_item("Voorlopige gunning jeugdhulp")})
        redirects[OLD] = base + NEW.lstrip("/")
        assert crawl_news(path, db).returncode == 0
    finally:
        server.shutdown()
    return db, base


def test_a_page_found_at_a_new_address_counts_as_an_unchanged_article(tmp_path):
    """The archived page read at a new address with the same title and text keeps its content (its provenance is
    the new address's fetch): the crawl counted it nowhere ("0 new, 0 updated, 0 unchanged" of the one page it
    read), like a paywall's teaser kept out. It is counted unchanged."""
    db, base = an_archived_page_found_at_a_new_address(tmp_path)
    crawl = sqlite_utils.Database(db)["crawls"].get(2)
    assert (crawl["items_new"], crawl["items_updated"], crawl["items_unchanged"]) == (0, 0, 1)
    assert [r["source_url"] for r in sqlite_utils.Database(db)["articles"].rows] == [base + NEW.lstrip("/")]


def buyer_and_winner(publication_id, fetched_at, winner_name="Stichting Een B.V."):
    """A notice (``item``) naming buyer ``tn:1`` with an award won by ``kvk:12345678``, fetched at ``fetched_at``."""
    found = item(publication_id)
    record = found.record
    record["notice"]["fetched_at"] = fetched_at
    record["organisation"] = {"organisation_id": "tn:1", "name": "Gemeente Heerlen", "kind": "buyer",
                              "source_url": f"http://api/{publication_id}", "fetched_at": fetched_at, "sha256": "a"}
    award_id = f"TN100/{publication_id}/LOT-0001"
    record["results"] = {
        "notice_result": {"publication_id": publication_id, "procurement_id": "TN100", "layout": "eforms",
                          "lot_count": 1, "award_count": 1},
        "lots": [{"procurement_id": "TN100", "lot_id": "LOT-0001", "publication_id": publication_id, "awarded": 1}],
        "awards": [{"lot_id": "LOT-0001", "award": {"award_id": award_id, "procurement_id": "TN100", "lot_id": "LOT-0001",
                              "publication_id": publication_id, "value_cents": 100_000 * publication_id,
                              "source_url": f"http://api/{publication_id}/html", "fetched_at": fetched_at},
                    "suppliers": [{"organisation_id": "kvk:12345678", "name": winner_name, "kvk": "12345678",
                                   "name_key": "stichting een", "procurement_id": "TN100", "lot_id": "LOT-0001"}]}]}
    return found


def test_a_batch_reads_the_organisations_its_notices_name_at_once_with_the_rows_of_a_look_up_each(tmp_path):
    """Issue 14: a notice's buyer and its award's winners were each looked up in ``organisations`` before their write
    (18,000 queries in a 10,000-notice reparse, whose organisations are archived after their first notice): a batch
    reads them in one query (``writes.batch_rows``). Rows another item of the batch wrote (an organisation added, its
    provenance moved to an earlier-fetched notice, ``named_by``; a winner's name) are the ones later items see: the
    archive equals the one written an item at a time, each look-up a query (``write_each``)."""
    fetched = ["2026-01-09T00:00:00+00:00", "2026-01-03T00:00:00+00:00", "2026-01-05T00:00:00+00:00",
               "2026-01-08T00:00:00+00:00", "2026-01-07T00:00:00+00:00", "2026-01-02T00:00:00+00:00"]
    # the winner's name: the first in sort order (writes._provider), whoever names it first (named_by)
    names = ["Stichting Een B.V.", "Stichting Een", "Stichting Een B.V.", "Een B.V.", "Een C", "Stichting Een"]

    def items():
        return [buyer_and_winner(n, fetched[n - 1], names[n - 1]) for n in range(1, 7)]

    archive, crawler, errors = pipeline(tmp_path / "batch.db")
    archive.db["organisations"].insert({"organisation_id": "tn:2", "name": "Gemeente Elders", "kind": "buyer"},
                                       pk="organisation_id")
    archive.db.conn.commit()
    statements = []
    archive.db.conn.set_trace_callback(statements.append)
    for found in items()[:3]:
        archive.process_item(found)
    archive.flush()  # the first batch: neither is archived yet
    for found in items()[3:]:
        archive.process_item(found)
    archive.flush()  # the second: both are
    archive.db.conn.set_trace_callback(None)
    assert not errors and crawler.stats.get_value("archive/new") == 6
    archive.close_spider()
    at_once = [s for s in lookups(statements, "organisations") if " in (" in s]
    one_each = [s for s in lookups(statements, "organisations") if " in (" not in s]
    # one query a batch; a row looked up alone only after a write that returned no row (notice 4 renamed the winner,
    # its provenance stayed with notice 2's award): by notices 5 and 6, until notice 6 named it first
    assert len(at_once) == 2 and one_each == ["select * from [organisations] where [organisation_id] = 'kvk:12345678'"] * 2

    each, _crawler, _errors = pipeline(tmp_path / "each.db")
    each.db["organisations"].insert({"organisation_id": "tn:2", "name": "Gemeente Elders", "kind": "buyer"},
                                    pk="organisation_id")
    each.db.conn.commit()
    for found in items():
        each.write_each([(found, write_notice, 1)])
    each.close_spider()
    mine, theirs = rows(tmp_path / "batch.db"), rows(tmp_path / "each.db")
    assert mine == theirs
    organisations = {o["organisation_id"]: o for o in sqlite_utils.Database(tmp_path / "batch.db")["organisations"].rows}
    assert organisations["tn:1"]["named_in"] == "notices:6" and organisations["kvk:12345678"]["name"] == "Een B.V."
    assert organisations["kvk:12345678"]["named_in"] == "awards:TN100/6/LOT-0001"
