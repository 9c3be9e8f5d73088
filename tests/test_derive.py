"""The derivation step, in-process: what it computes from archived items, and that it
computes it once (a second run writes nothing)."""

import json
import re

import pytest

from tenderarchive.derive import derive
from tenderarchive.store.writes import open_archive, write_article, write_notice
from tests.store.test_writes import notice_record


def article_record(url="https://www.heerlen.nl/nieuws/jeugdhulp", **values):
    article = {"url": url, "site": "heerlen", "title": "Gunning jeugdhulp Heerlen",
               "published": "2026-03-01", "text": "TN100 is gegund.", "relevant": 1,
               "jeugdregio_code": "JZ41", "tenderned_refs": '{"tn_numbers": ["TN100"]}',
               "source_url": url, "fetched_at": "2026-03-02T00:00:00+00:00", "sha256": "b"}
    article.update(values)
    return {"article": article,
            "municipalities": [{"url": url, "cbs_code": "GM0917", "name": "Heerlen", "jeugdregio_code": "JZ41"}],
            "organisations": [],
            "events": [{"event_id": "e1", "url": url, "date": "2026-07-01", "precision": "day",
                        "kind": "contract_start", "stage": "contractstart", "sentence": "Per 1 juli."}]}


@pytest.fixture
def db(tmp_path):
    db = open_archive(tmp_path / "archive.db")
    db["crawls"].insert({"crawl_id": 1, "spider": "tenderned", "status": "running"}, pk="crawl_id")
    write_notice(db, notice_record(7, published="2026-01-05", published_at="2026-01-05T09:00"), 1)
    write_notice(db, notice_record(8, notice_type="AGO", notice_type_label="Aankondiging van een gegunde opdracht",
                                   title="Gunning jeugdhulp regio", published="2026-02-10",
                                   published_at="2026-02-10T09:00", deadline=None), 1)
    write_article(db, article_record(), 1)
    return db


def test_a_procurement_is_computed_from_all_its_notices(db):
    derive(db, 1)
    row = db["procurements"].get("TN100")
    assert row["publication_count"] == 2 and row["publication_ids"] == "[7, 8]"
    assert row["first_published"] == "2026-01-05" and row["last_published"] == "2026-02-10"
    assert row["is_awarded"] == 1 and row["title"] == "Jeugdhulp regio"


def test_a_procurements_buyer_is_the_latest_notice_that_names_one(db):
    """The award notice names no buyer (a detail without ``opdrachtgeverNaam``, found through /gerelateerd: no list
    row to name it either): the procurement's buyer was emptied, the announcement's "Gemeente Heerlen" lost from
    ``procurements``. A rectification naming another buyer is the latest that names one: its buyer stands."""
    db.execute("update notices set buyer = 'Gemeente Heerlen' where publication_id = 7")
    derive(db, 1)
    assert db["procurements"].get("TN100")["buyer"] == "Gemeente Heerlen"
    write_notice(db, notice_record(9, notice_type="REC", buyer="Gemeente Brunssum", published="2026-01-20",
                                   published_at="2026-01-20T09:00"), 1)
    derive(db, 1)
    assert db["procurements"].get("TN100")["buyer"] == "Gemeente Brunssum"


def test_a_procurements_version_names_the_crawl_that_changed_it(db):
    """A procurement records no crawl of its own (it is derived), and its versions had none: ``versions.crawl_id``,
    "the crawl that saw the change", was empty for every procurement's, so "what did crawl 2 change" (the
    ``changes`` view by crawl) left out every moved deadline of a procedure. It is the crawl derived."""
    derive(db, 1)
    db["crawls"].insert({"crawl_id": 2, "spider": "tenderned", "status": "running"})
    write_notice(db, notice_record(7, published="2026-01-05", published_at="2026-01-05T09:00",
                                   deadline="2026-02-08T12:00:00", fetched_at="2026-01-20T00:00:00+00:00"), 2)
    derive(db, 2)
    assert [(v["table_name"], v["crawl_id"]) for v in db.query(
        "select table_name, crawl_id from versions order by table_name")] == [("notices", 2), ("procurements", 2)]


def test_notice_and_article_events_join_one_timeline(db):
    derive(db, 1)
    timeline = list(db.query("select source_type, kind, date from events where procurement_id = 'TN100' "
                             "order by date, event_id"))
    assert ("notice", "tender_publication", "2026-01-05") in [tuple(e.values()) for e in timeline]
    assert ("notice", "award", "2026-02-10") in [tuple(e.values()) for e in timeline]
    assert ("article", "contract_start", "2026-07-01") in [tuple(e.values()) for e in timeline]


def test_an_article_naming_the_kenmerk_is_linked_with_its_reasons(db):
    derive(db, 1)
    [link] = list(db["procurement_links"].rows_where("status = 'linked'"))
    assert link["procurement_id"] == "TN100" and "tenderned_ref:TN100" in link["reasons"]
    assert db["procurements"].get("TN100")["article_count"] == 1


def test_an_unlinked_relevant_article_makes_a_news_only_procurement(db):
    texel = article_record("https://www.elders.nl/nieuws/x", tenderned_refs="{}", title="Inkoop jeugdzorg Texel",
                           text="Texel koopt jeugdzorg in.", jeugdregio_code=None, published="2019-01-01")
    texel["municipalities"] = [{"url": texel["article"]["url"], "cbs_code": "GM0448", "name": "Texel"}]
    write_article(db, texel, 1)
    derive(db, 1)
    news_only = list(db["procurements"].rows_where("source = 'news'"))
    assert len(news_only) == 1 and news_only[0]["title"] == "Inkoop jeugdzorg Texel"
    assert db["events"].count_where("source_id = 'https://www.elders.nl/nieuws/x'") == 1


def test_a_second_derivation_writes_nothing(db):
    derive(db, 1)
    changes = db.conn.total_changes
    counts = derive(db, 1)
    assert db.conn.total_changes == changes
    assert not any(counts.values())


def test_a_sparse_notice_keeps_its_events(db):
    derive(db, 1)
    before = db["events"].count_where("source_id = '7'")
    write_notice(db, notice_record(7, published="2026-01-05", deadline=None, description=None,
                                   fetched_at="2026-02-20T00:00:00+00:00"), 1)
    derive(db, 1)
    assert db["events"].count_where("source_id = '7'") == before == 2


def test_parties_the_news_names_become_organisations_once_per_folded_name(db):
    from tenderarchive.awards.names import name_key
    from tenderarchive.store.writes import write_article

    record = article_record("https://www.heerlen.nl/nieuws/gegund")
    record["awardees"] = [{"url": record["article"]["url"], "name": "Stichting Jeugdhulp Noord", "rule": "gegund_aan",
                           "sentence": "Gegund aan Stichting Jeugdhulp Noord.", "name_key": name_key("Stichting Jeugdhulp Noord")}]
    record["organisations"] = [{"url": record["article"]["url"], "name": "Jeugdhulp Noord B.V.", "role": "awardee",
                                "name_key": name_key("Jeugdhulp Noord B.V.")},
                               {"url": record["article"]["url"], "name": "Rechtbank Limburg", "role": "court",
                                "name_key": name_key("Rechtbank Limburg")}]
    write_article(db, record, 1)
    derive(db, 1)
    kinds = {r["name_key"]: r["kind"] for r in db.query("select * from organisations where organisation_id like 'name:%'")}
    assert kinds == {name_key("Jeugdhulp Noord"): "provider", name_key("Rechtbank Limburg"): "court"}
    assert derive(db, 1)["news_organisations"] == 0


# --- incremental == full (issue 14) ---------------------------------------------------------------

DERIVED = {"procurements": "procurement_id", "events": "event_id", "procurement_links": "procurement_id, url",
           "search_documents": "doc_id", "organisations": "organisation_id",
           "dashboard_counts": "chart, region, key", "article_link_keys": "key, url", "article_link_floor": "url"}


def derived_tables(db) -> dict:
    return {table: [tuple(r.values()) for r in db.query(f"select * from [{table}] order by {order}")]
            for table, order in DERIVED.items()}


def crawl_a(db):
    """Crawl 1 (synthetic): two Heerlen notices of TN100, a Texel notice of TN200, an article
    naming TN100, a relevant Texel article and an irrelevant one."""
    db["crawls"].insert({"crawl_id": 1, "spider": "tenderned", "status": "complete"}, pk="crawl_id", replace=True)
    write_notice(db, notice_record(7, published="2026-01-05", published_at="2026-01-05T09:00"), 1)
    write_notice(db, notice_record(8, notice_type="AGO", notice_type_label="Aankondiging van een gegunde opdracht",
                                   title="Gunning jeugdhulp regio", published="2026-02-10",
                                   published_at="2026-02-10T09:00", deadline=None), 1)
    write_notice(db, texel_notice(20, 200, "Schoonmaak gemeentehuis Texel"), 1)
    write_article(db, article_record(), 1)
    write_article(db, texel_article("https://www.elders.nl/nieuws/texel", "Texel koopt jeugdzorg in"), 1)
    write_article(db, article_record("https://www.heerlen.nl/nieuws/kermis", relevant=0, tenderned_refs="{}",
                                     title="Kermis in Heerlen", text="De kermis komt."), 1)


def crawl_b(db):
    """Crawl 2 (synthetic): a new Texel youth-care procurement (TN300) that the unchanged
    Texel article now matches, a changed title of notice 7, a changed article and a new one
    naming TN200."""
    db["crawls"].insert({"crawl_id": 2, "spider": "tenderned", "status": "complete"}, pk="crawl_id", replace=True)
    write_notice(db, notice_record(7, published="2026-01-05", published_at="2026-01-05T09:00",
                                   title="Jeugdhulp regio Parkstad", fetched_at="2026-03-01T00:00:00+00:00"), 2)
    write_notice(db, texel_notice(30, 300, "Texel koopt jeugdzorg in"), 2)
    write_article(db, article_record(text="TN100 is gegund aan Stichting Jeugdhulp Noord.",
                                     fetched_at="2026-03-03T00:00:00+00:00"), 2)
    write_article(db, texel_article("https://www.elders.nl/nieuws/schoonmaak", "Schoonmaak gemeentehuis",
                                    tenderned_refs='{"tn_numbers": ["TN200"]}', relevant=1), 2)


def texel_notice(publication_id, kenmerk, title):
    record = notice_record(publication_id, kenmerk=kenmerk, procurement_id=f"TN{kenmerk}", title=title,
                           published="2019-01-10", published_at="2019-01-10T09:00",
                           url=f"https://www.tenderned.nl/x/{publication_id}")
    record["municipalities"] = [{"publication_id": publication_id, "cbs_code": "GM0448", "name": "Texel",
                                 "jeugdregio_code": "JZ17", "matched": "buyer"}]
    return record


def texel_article(url, title, **values):
    values = {"tenderned_refs": "{}", **values}
    record = article_record(url, title=title, text=f"{title}.", jeugdregio_code="JZ17", published="2019-01-01",
                            **values)
    record["municipalities"] = [{"url": url, "cbs_code": "GM0448", "name": "Texel", "jeugdregio_code": "JZ17"}]
    record["events"] = []
    return record


def fts_consistent(db) -> None:
    for fts in ("notices_fts", "articles_fts", "search_documents_fts"):
        db.execute(f"insert into [{fts}]([{fts}], rank) values ('integrity-check', 1)")


@pytest.mark.parametrize("limit", [10, 1])
def test_two_incremental_derivations_equal_one_full_derivation(tmp_path, monkeypatch, limit):
    """With the default candidate limit and with one link per article (so that every list is
    full and a changed procurement leaving it hands the article to a full rescore)."""
    from tenderarchive import linking

    monkeypatch.setattr(linking, "CANDIDATE_LIMIT", limit)
    incremental = open_archive(tmp_path / "incremental.db")
    crawl_a(incremental)
    derive(incremental, 1)
    before = derived_tables(incremental)
    crawl_b(incremental)
    counts = derive(incremental, 2)
    assert counts["links"] and derived_tables(incremental) != before  # crawl B changed what was derived

    full = open_archive(tmp_path / "full.db")
    crawl_a(full)
    crawl_b(full)
    derive(full, 2, full=True)
    assert derived_tables(incremental) == derived_tables(full)
    fts_consistent(incremental)
    fts_consistent(full)
    # The unchanged Texel article moved from its news-only procurement to TN300, which crawl B added.
    link = incremental.execute("select procurement_id from procurement_links where status = 'linked' and url = ?",
                               ["https://www.elders.nl/nieuws/texel"]).fetchone()
    assert link == ("TN300",)
    assert not incremental.execute("select count(*) from procurements where source = 'news'").fetchone()[0]
    # Searching finds the changed title, through the index the triggers and the update kept.
    assert incremental.execute("select count(*) from notices_fts where notices_fts match 'parkstad'").fetchone()[0] == 1
    assert incremental.execute("select count(*) from search_documents_fts where search_documents_fts match "
                               "'parkstad'").fetchone()[0] == 1
    # And a full derivation of the incremental archive finds nothing to change (it rebuilds
    # the search index regardless, to the same rows).
    counts = derive(incremental, 2, full=True)
    assert not any(v for k, v in counts.items() if k != "search_index"), counts
    assert derived_tables(incremental) == derived_tables(full)


@pytest.mark.parametrize("limit", [10, 1])
def test_an_article_naming_a_second_procurement_before_its_notice_is_linked_to_both_when_it_comes(
        tmp_path, monkeypatch, limit):
    """An article names TN100 and TN300; crawl 1 has TN100 only, crawl 2 brings TN300 (the article unchanged).
    The incremental derivation links the article to both, as a full one does, and counts it for both; its
    events stay on its best procurement. With one row per article too (then the second is no row at all)."""
    from tenderarchive import linking

    monkeypatch.setattr(linking, "CANDIDATE_LIMIT", limit)
    url = "https://www.heerlen.nl/nieuws/jeugdhulp"

    def crawls(db, upto):
        db["crawls"].insert({"crawl_id": 1, "spider": "tenderned", "status": "complete"}, pk="crawl_id", replace=True)
        write_notice(db, notice_record(7, published="2026-01-05", published_at="2026-01-05T09:00"), 1)
        write_article(db, article_record(text="TN100 en TN300 zijn gegund.",
                                         tenderned_refs='{"tn_numbers": ["TN100", "TN300"]}'), 1)
        if upto == 2:
            db["crawls"].insert({"crawl_id": 2, "spider": "tenderned", "status": "complete"}, pk="crawl_id",
                                replace=True)
            write_notice(db, texel_notice(30, 300, "Texel koopt jeugdzorg in"), 2)

    incremental = open_archive(tmp_path / "incremental.db")
    crawls(incremental, 1)
    derive(incremental, 1)
    crawls(incremental, 2)
    derive(incremental, 2)
    full = open_archive(tmp_path / "full.db")
    crawls(full, 2)
    derive(full, 2, full=True)
    assert derived_tables(incremental) == derived_tables(full)
    linked = {r["procurement_id"] for r in incremental["procurement_links"].rows_where(
        "url = ? and status = 'linked'", [url])}
    assert linked == ({"TN100", "TN300"} if limit > 1 else {"TN100"}), linked  # TN100 shares Heerlen: the best
    for procurement_id in ("TN100", "TN300"):
        assert incremental["procurements"].get(procurement_id)["article_count"] == (procurement_id in linked)
    assert {r["procurement_id"] for r in incremental["events"].rows_where("source_type = 'article'")} == {"TN100"}


def test_an_incremental_derivation_reads_only_what_the_crawl_touched(tmp_path):
    db = open_archive(tmp_path / "archive.db")
    crawl_a(db)
    derive(db, 1)
    db["crawls"].insert({"crawl_id": 2, "spider": "tenderned", "status": "complete"}, pk="crawl_id")
    counts = derive(db, 2)  # crawl 2 wrote nothing
    assert not any(counts.values())


def test_a_notice_whose_places_alone_changed_is_rederived(tmp_path):
    """A crawl that changes only a notice's places (not its row) still stamps the notice, so the
    incremental derivation updates its search document and its procurement's links."""
    db = open_archive(tmp_path / "archive.db")
    crawl_a(db)
    derive(db, 1)
    db["crawls"].insert({"crawl_id": 2, "spider": "tenderned", "status": "complete"}, pk="crawl_id")
    moved = texel_notice(20, 200, "Schoonmaak gemeentehuis Texel")
    moved["municipalities"] = [{"publication_id": 20, "cbs_code": "GM0917", "name": "Heerlen",
                                "jeugdregio_code": "JZ41", "matched": "buyer"}]
    assert write_notice(db, moved, 2) == "updated"
    derive(db, 2)
    assert db["search_documents"].get("notice:20")["jeugdregios"] == "JZ41"
    full = open_archive(tmp_path / "full.db")
    crawl_a(full)
    full["crawls"].insert({"crawl_id": 2, "spider": "tenderned", "status": "complete"}, pk="crawl_id")
    write_notice(full, moved, 2)
    derive(full, 2, full=True)
    assert derived_tables(db) == derived_tables(full)


@pytest.mark.parametrize("limit", [10, 1])
def test_an_unchanged_article_reached_only_by_title_words_is_rescored(tmp_path, monkeypatch, limit):
    """Incremental linking looks the articles to rescore up from the changed procurements
    (``article_link_keys``, tenderarchive/linking.py): an article with no places and no
    TenderNed reference is reached through the title words of a new procurement in its
    jeugdregio (a candidate link), and loses that link when a later crawl changes the title;
    each step equals a full derivation of the same items (synthetic records). With one
    candidate per article, the weaker TN400 stays out of the article's list until TN300 leaves
    it; then the article is scored against everything and TN400 comes in."""
    from tenderarchive import linking

    monkeypatch.setattr(linking, "CANDIDATE_LIMIT", limit)
    def texel_words(db):
        db["crawls"].insert({"crawl_id": 1, "spider": "news", "status": "complete"}, pk="crawl_id", replace=True)
        article = texel_article("https://www.elders.nl/nieuws/woorden", "Texel koopt jeugdzorg in")
        article["municipalities"] = []
        write_article(db, article, 1)
        write_notice(db, texel_notice(20, 200, "Schoonmaak gemeentehuis Texel"), 1)

    def new_procurement(db, crawl_id, title, fetched_at):
        db["crawls"].insert({"crawl_id": crawl_id, "spider": "tenderned", "status": "complete"}, pk="crawl_id",
                            replace=True)
        notice = texel_notice(30, 300, title)
        notice["notice"].update(jeugdregio_code="JZ17", fetched_at=fetched_at)
        notice["municipalities"] = []
        write_notice(db, notice, crawl_id)
        if crawl_id == 2:  # a weaker candidate, unchanged after
            other = texel_notice(40, 400, "Texel jeugdzorg inkoop")
            other["notice"].update(jeugdregio_code="JZ17", fetched_at=fetched_at)
            other["municipalities"] = []
            write_notice(db, other, crawl_id)

    db = open_archive(tmp_path / "incremental.db")
    texel_words(db)
    derive(db, 1)
    keys = {r[0] for r in db.execute("select key from article_link_keys where url = ?",
                                     ["https://www.elders.nl/nieuws/woorden"])}
    assert {"w:jeugdzorg", "w:texel"} <= keys and not any(k.startswith("p:") for k in keys)
    steps = [(2, "Jeugdzorg Texel", "2026-03-01T00:00:00+00:00"), (3, "Vervoer leerlingen", "2026-04-01T00:00:00+00:00")]
    for crawl_id, title, fetched_at in steps:
        new_procurement(db, crawl_id, title, fetched_at)
        derive(db, crawl_id)
        full = open_archive(tmp_path / f"full{crawl_id}.db")
        texel_words(full)
        for step in steps[:crawl_id - 1]:
            new_procurement(full, *step)
        derive(full, crawl_id, full=True)
        assert derived_tables(db) == derived_tables(full)
        links = {r[0]: r[1] for r in db.execute("select procurement_id, status from procurement_links where url = ?",
                                                ["https://www.elders.nl/nieuws/woorden"])}
        assert ("TN300" in links) == (crawl_id == 2), links  # a candidate, then gone with the new title
        assert ("TN400" in links) == (limit > 1 or crawl_id == 3), links  # kept out of a list of one, then in


def test_an_article_reached_by_its_place_is_rescored_only_when_a_change_can_enter_its_list(tmp_path, monkeypatch):
    """Incremental linking leaves out an article whose full list ranks above what a changed
    procurement sharing its place can score (``settled`` in tenderarchive/linking.py), and
    rescores it when that procurement could tie its last link and precede it; each step equals a
    full derivation of the same items (synthetic records, one candidate per article so the list
    of the Texel article is full). Crawl 2: a Texel procurement of another subject (a lower
    bound: left out). Crawl 3: one with the linked procurement's title and dates but a later id
    (TN350 after TN300: a tie it loses, left out). Crawl 4: the same with an earlier id (TN250:
    rescored, and it takes the link)."""
    from tenderarchive import derive as derive_module
    from tenderarchive import linking

    monkeypatch.setattr(linking, "CANDIDATE_LIMIT", 1)
    url = "https://www.elders.nl/nieuws/texel"
    reached: dict[int, bool] = {}
    real = derive_module.candidate_urls
    read: dict[int, int] = {}

    def spy(db, changed):
        found = real(db, changed)
        reached[max(p["kenmerk"] for p in changed)] = url in found
        read[max(p["kenmerk"] for p in changed)] = linking.LAST_STATS["read"]
        return found

    monkeypatch.setattr(derive_module, "candidate_urls", spy)

    def crawl(db, crawl_id):
        db["crawls"].insert({"crawl_id": crawl_id, "spider": "tenderned", "status": "complete"}, pk="crawl_id",
                            replace=True)
        if crawl_id == 1:
            write_article(db, texel_article(url, "Texel koopt jeugdzorg in"), 1)
            write_notice(db, texel_notice(30, 300, "Texel koopt jeugdzorg in"), 1)
        else:
            kenmerk, title = {2: (400, "Schoonmaak gemeentehuis Texel"), 3: (350, "Texel koopt jeugdzorg in"),
                              4: (250, "Texel koopt jeugdzorg in")}[crawl_id]
            write_notice(db, texel_notice(kenmerk // 10, kenmerk, title), crawl_id)

    db = open_archive(tmp_path / "incremental.db")
    crawl(db, 1)
    derive(db, 1)
    assert db.execute("select procurement_id, status from procurement_links where url = ?", [url]).fetchall() == \
        [("TN300", "linked")]
    reached.clear()  # crawl 1 wrote the article itself
    read.clear()
    for crawl_id in (2, 3, 4):
        crawl(db, crawl_id)
        derive(db, crawl_id)
        full = open_archive(tmp_path / f"full{crawl_id}.db")
        for step in range(1, crawl_id + 1):
            crawl(full, step)
        derive(full, crawl_id, full=True)
        assert derived_tables(db) == derived_tables(full), crawl_id
    assert reached == {400: False, 350: False, 250: True}, reached
    # The stored link scores 1.0, what a pair sharing a place can score at most: TN400 and TN350 sort
    # after TN300 and are left out inside SQLite (the article is not read); TN250 could enter, so the
    # article is read and its exact bound decides.
    assert read == {400: 0, 350: 0, 250: 1}, read
    assert db.execute("select procurement_id, status from procurement_links where url = ?", [url]).fetchall() == \
        [("TN250", "linked")]


def test_a_crawl_before_any_relevant_article_works_out_no_procurement_profiles(tmp_path, monkeypatch):
    """Issue 14: incremental linking rescores unchanged relevant articles against the changed
    procurements' profiles; with no relevant article in the archive (a TenderNed crawl before any
    news, the first crawls of a reparse) there is nothing to rescore and the profiles are not
    worked out. Once a relevant article is archived, a later crawl's changed procurements are
    profiled again and the article is linked to the new procurement that names it."""
    import tenderarchive.derive as derive_module

    profiled: list = []
    real = derive_module.procurement_profiles
    monkeypatch.setattr(derive_module, "procurement_profiles", lambda db, ids=None: profiled.append(ids) or real(db, ids))
    db = open_archive(tmp_path / "archive.db")
    db["crawls"].insert({"crawl_id": 1, "spider": "tenderned", "status": "complete"}, pk="crawl_id")
    write_notice(db, notice_record(7, published="2026-01-05", published_at="2026-01-05T09:00"), 1)
    write_article(db, article_record("https://www.heerlen.nl/nieuws/kermis", relevant=0, tenderned_refs="{}",
                                     title="Kermis in Heerlen", text="De kermis komt."), 1)
    assert derive(db, 1)["procurements"] == 1
    assert profiled == []
    db["crawls"].insert({"crawl_id": 2, "spider": "news", "status": "complete"}, pk="crawl_id")
    write_article(db, texel_article("https://www.elders.nl/nieuws/texel", "Texel koopt jeugdzorg in"), 2)
    derive(db, 2)
    db["crawls"].insert({"crawl_id": 3, "spider": "tenderned", "status": "complete"}, pk="crawl_id")
    write_notice(db, texel_notice(30, 300, "Texel koopt jeugdzorg in"), 3)
    profiled.clear()
    derive(db, 3)
    assert [sorted(ids) for ids in profiled if ids is not None] == [["TN300"]]
    assert db.execute("select status from procurement_links where url = 'https://www.elders.nl/nieuws/texel' "
                      "and procurement_id = 'TN300'").fetchone() is not None


def test_a_failed_derivation_is_redone_by_the_next_crawl_and_then_left_alone(tmp_path):
    """A crawl whose derivation raised records it (``extensions.Derivation``) and ends partial;
    the next crawl's derivation takes in that crawl's rows too, so its procurement and timeline
    appear (before, only a killed crawl's rows were taken in: a failed derivation's notices never
    got their procurement). Once a derivation has succeeded, later ones no longer read them."""
    from tenderarchive.derive import DERIVATION_FAILED, Scope
    from tenderarchive.store.keys import dumps

    db = open_archive(tmp_path / "archive.db")

    def crawl(crawl_id, publication_id, kenmerk, **row):
        db["crawls"].insert({"crawl_id": crawl_id, "spider": "tenderned", "status": "running", **row},
                            pk="crawl_id", replace=True)
        write_notice(db, texel_notice(publication_id, kenmerk, f"Texel koopt jeugdzorg in {kenmerk}"), crawl_id)

    crawl(1, 10, 100)  # its derivation raised: recorded as the crawl's error
    db["crawls"].update(1, {"status": "partial", "finish_reason": "finished",
                            "errors": dumps([{"url": None, "error": f"{DERIVATION_FAILED}: RuntimeError('disk')"}])})
    crawl(2, 20, 200)
    derive(db, 2)
    assert {r[0] for r in db.execute("select procurement_id from procurements")} == {"TN100", "TN200"}
    assert db.execute("select count(*) from events where procurement_id = 'TN100'").fetchone()[0] > 0
    db["crawls"].update(2, {"status": "complete", "finish_reason": "finished", "errors": "[]"})

    crawl(3, 30, 300)
    where, params = Scope(3).where()
    assert [r[0] for r in db.execute(f"select kenmerk from notices where {where} order by kenmerk", params)] == [300]
    # ... while a crawl killed after the last derived one is still taken in
    db["crawls"].update(3, {"status": "failed", "finish_reason": "killed"})
    crawl(4, 40, 400)
    where, params = Scope(4).where()
    assert [r[0] for r in db.execute(f"select kenmerk from notices where {where} order by kenmerk", params)] == [300, 400]


def test_a_publication_id_is_never_taken_for_a_kenmerk_of_the_same_digits(tmp_path):
    """A TenderNed publicatieId and a kenmerk are six-digit numbers of two schemes: an article
    citing publication 311520 (not archived) is not linked by reference to the procurement with
    kenmerk 311520, and one citing the archived publication 20 is linked to its procurement TN200,
    by a full and an incremental derivation alike (synthetic records). An archive whose linking
    keys are of before the two reference kinds (``r:<number>``) gets them rebuilt."""
    def crawl(db, crawl_id, notices):
        db["crawls"].insert({"crawl_id": crawl_id, "spider": "tenderned", "status": "complete"}, pk="crawl_id",
                            replace=True)
        for notice in notices:
            write_notice(db, notice, crawl_id)

    def articles(db):
        db["crawls"].insert({"crawl_id": 1, "spider": "news", "status": "complete"}, pk="crawl_id", replace=True)
        write_article(db, texel_article("https://www.elders.nl/nieuws/overzicht", "Texel koopt jeugdzorg in",
                                        tenderned_refs='{"publication_ids": ["311520"]}'), 1)
        write_article(db, texel_article("https://www.elders.nl/nieuws/publicatie", "Texel koopt jeugdzorg in",
                                        tenderned_refs='{"publication_ids": ["20"]}'), 1)

    notices = [texel_notice(20, 200, "Schoonmaak gemeentehuis Texel"), texel_notice(21, 311520, "Jeugdzorg Texel")]
    full = open_archive(tmp_path / "full.db")
    articles(full)
    crawl(full, 2, notices)
    derive(full, 2, full=True)
    incremental = open_archive(tmp_path / "incremental.db")
    articles(incremental)
    derive(incremental, 1)
    crawl(incremental, 2, notices)
    derive(incremental, 2)
    for db in (full, incremental):
        links = {(r["url"].rsplit("/", 1)[1], r["procurement_id"]): (r["status"], json.loads(r["reasons"]))
                 for r in db.query("select * from procurement_links")}
        assert not any(reason.startswith("tenderned_ref") for reason in links[("overzicht", "TN311520")][1]), links
        assert links[("publicatie", "TN200")][0] == "linked", links
        assert "tenderned_ref:TN200" in links[("publicatie", "TN200")][1], links
        assert not any(reason.startswith("tenderned_ref") for reason in links[("publicatie", "TN311520")][1])
    assert derived_tables(full) == derived_tables(incremental)
    keys = {r[0] for r in incremental.execute("select key from article_link_keys where key like 'r:%'")}
    assert keys == {"r:p311520", "r:p20"}
    incremental.execute("insert into article_link_keys values ('r:311520', 'https://www.elders.nl/nieuws/overzicht', "
                        "'JZ17')")
    crawl(incremental, 3, [texel_notice(22, 300, "Vervoer leerlingen Texel")])
    derive(incremental, 3)
    assert {r[0] for r in incremental.execute("select key from article_link_keys where key like 'r:%'")} == keys


def test_an_archive_with_old_reference_keys_links_an_old_article_to_a_later_procurement_after_a_news_crawl(tmp_path):
    """An archive whose linking keys are of before the two reference kinds (``r:<number>``): the first
    derivation after it deleted every key, but rebuilt them only for a crawl that changed procurements.
    After a news crawl (none changed) only the new article had keys, the table was not empty and nothing
    was rebuilt: an older article citing a publication archived later was never linked to its
    procurement. The keys are rebuilt by whatever derivation finds them stale (synthetic records)."""
    def news(db, crawl_id, url, refs):
        db["crawls"].insert({"crawl_id": crawl_id, "spider": "news", "status": "complete"}, pk="crawl_id",
                            replace=True)
        write_article(db, texel_article(url, "Texel koopt jeugdzorg in", tenderned_refs=refs), crawl_id)

    def tenderned(db, crawl_id, notices):
        db["crawls"].insert({"crawl_id": crawl_id, "spider": "tenderned", "status": "complete"}, pk="crawl_id",
                            replace=True)
        for notice in notices:
            write_notice(db, notice, crawl_id)

    old_url, new_url = "https://www.elders.nl/nieuws/publicatie", "https://www.elders.nl/nieuws/later"
    incremental = open_archive(tmp_path / "incremental.db")
    tenderned(incremental, 1, [texel_notice(20, 200, "Schoonmaak gemeentehuis Texel")])
    derive(incremental, 1)
    news(incremental, 2, old_url, '{"publication_ids": ["30"]}')
    derive(incremental, 2)
    # the keys as an archive of before the two reference kinds holds them
    incremental.execute("delete from article_link_keys where key like 'r:%'")
    incremental.execute("insert into article_link_keys values ('r:30', ?, 'JZ17')", [old_url])
    news(incremental, 3, new_url, '{"publication_ids": ["311520"]}')
    derive(incremental, 3)
    tenderned(incremental, 4, [texel_notice(30, 300, "Jeugdzorg Texel")])
    derive(incremental, 4)

    full = open_archive(tmp_path / "full.db")
    tenderned(full, 1, [texel_notice(20, 200, "Schoonmaak gemeentehuis Texel")])
    news(full, 2, old_url, '{"publication_ids": ["30"]}')
    news(full, 3, new_url, '{"publication_ids": ["311520"]}')
    tenderned(full, 4, [texel_notice(30, 300, "Jeugdzorg Texel")])
    derive(full, 4, full=True)
    linked = incremental.execute("select status, reasons from procurement_links where url = ? and procurement_id = 'TN300'",
                                 [old_url]).fetchone()
    assert linked and linked[0] == "linked" and "tenderned_ref:TN300" in json.loads(linked[1]), linked
    assert derived_tables(incremental) == derived_tables(full)
    assert {r[0] for r in incremental.execute("select key from article_link_keys where key like 'r:%'")} == \
        {"r:p30", "r:p311520"}


def test_deciding_a_procedures_awards_reads_without_sqlite_utils_savepoint_per_select(db):
    """Per procedure, deciding the awards reads its awards, notices, lots and winners: six selects a procedure with
    an award (12,000 in a reparse of 10,000 notices). Through sqlite-utils' ``query`` each was wrapped in a savepoint
    of its own (``SAVEPOINT`` and ``RELEASE``: two more statements a read; issue 14, round 42). Traced: the reads
    run, and no per-read savepoint."""
    statements = awards_rederived_traced(db)
    assert any("from awards a left join notices n" in sql for sql in statements), statements
    assert any(sql.lstrip().startswith("select l.*") for sql in statements), statements
    assert not [sql for sql in statements if "sqlite_utils_query" in sql], statements


def test_a_procedures_stale_award_events_are_found_by_the_procedure_not_by_every_award_event(db):
    """Per procedure, refreshing awards deletes the events of awards the store no longer holds. The plan
    must find the procedure's events by ``events (procurement_id, …)``: by (source_type, source_id) it read
    every award event of the archive for each procedure (over half an hour at a million notices)."""
    from tenderarchive.derive import STALE_AWARD_EVENTS_SQL

    plan = " | ".join(row[3] for row in db.conn.execute(f"explain query plan {STALE_AWARD_EVENTS_SQL}", ["TN1", "TN1"]))
    assert "SEARCH events USING INDEX idx_events_procurement_id_date (procurement_id=?)" in plan, plan


def awards_rederived_traced(db, *after: str) -> list[str]:
    """Give publication 8's procedure an awarded and an unawarded lot, derive its awards and run the statements
    ``after`` (on ``[8]``) with SQLite's trace on: every statement run, in order."""
    from tenderarchive.derive import rederive_awards

    procurement = db.execute("select procurement_id from notices where publication_id = 8").fetchone()[0]
    db["lots"].insert_all([{"procurement_id": procurement, "lot_id": "1", "publication_id": 8, "awarded": 1},
                           {"procurement_id": procurement, "lot_id": "2", "publication_id": 8, "awarded": 0}])
    statements: list[str] = []
    db.conn.set_trace_callback(statements.append)
    try:
        rederive_awards(db, [procurement])
        for sql in after:
            db.execute(sql, [8]).fetchall()
    finally:
        db.conn.set_trace_callback(None)
    return statements


def test_a_procedures_lots_are_found_by_the_procedure_not_by_every_lot_awarded_or_not(db):
    """Per procedure, deciding the awards reads its lots (awarded or not) and a notice's results its
    notice's lots. With ``awarded = ?`` beside the key, SQLite chose the one-column ``idx_lots_awarded`` and
    read every awarded (or unawarded) lot of the archive for each procedure: quadratic, 0.21 CPU-s for 400
    procedures with an award and 2.81 for 2,000 (a reparse of 10,000 notices; issue 14, round 39). The
    statements the derivation runs, traced, each searched by the lots' key or publication."""
    from tenderarchive.derive import NO_WINNER_SQL

    statements = awards_rederived_traced(db, NO_WINNER_SQL.format(marks="?"))
    plans = [" | ".join(row[3] for row in db.conn.execute(f"explain query plan {sql}"))
             for sql in statements if sql.lstrip().lower().startswith("select") and " lots " in sql]
    assert len(plans) >= 4, statements
    assert not [plan for plan in plans if "idx_lots_awarded" in plan], plans


def test_a_procedures_lot_events_are_found_by_the_procedure_not_by_every_lot_event(db):
    """Per procedure, deciding the awards syncs the events of its lots closed without a winner. With
    ``source_type = 'lot'`` beside the procedure, SQLite took the index on (source_type, source_id) and read
    every lot event of the archive for each procedure: quadratic, 0.86 CPU-s for 2,000 procedures with an
    award (a reparse of 10,000 notices; issue 14, round 40). The statements on ``events`` the derivation
    runs, traced: none searched by ``source_type`` alone."""
    statements = awards_rederived_traced(db)
    on_events = [sql for sql in statements if sql.lstrip().lower().startswith(("select", "delete"))
                 and re.search(r"\b(from|join) \[?events\b", sql)]
    assert any("'lot'" in sql for sql in on_events), statements
    plans = {sql: " | ".join(row[3] for row in db.conn.execute(f"explain query plan {sql}")) for sql in on_events}
    assert not {sql: plan for sql, plan in plans.items() if "(source_type=?)" in plan}, plans

# --- a first derivation into empty tables (issue 14) ----------------------------------------------

def random_notices(db, seed: int, count: int = 120) -> None:
    """Crawl 1 (synthetic, randomised): ``count`` notices over fewer kenmerken, of every notice type,
    form type and flag the timeline and the procurement row read, dates present or not."""
    import random

    rng = random.Random(seed)
    db["crawls"].insert({"crawl_id": 1, "spider": "tenderned", "status": "complete"}, pk="crawl_id", replace=True)
    kenmerken = rng.sample(range(1000, 99999), max(1, count // 3))
    types = ["AAO", "VAK", "MAC", "REC", "AGO", "AAW", "VBE", "XYZ", None]
    forms = ["competition", "result", "planning", "consultation", "cont-modif", "dir-awa-pre", "ocds", None]

    def day():
        if rng.random() < 0.25:
            return None
        return f"20{rng.randint(18, 27)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    for publication_id in rng.sample(range(10_000, 900_000), count):
        kenmerk = rng.choice(kenmerken)
        published = day() or "2024-05-05"
        deadline = day()
        record = notice_record(
            publication_id, kenmerk=kenmerk, procurement_id=f"TN{kenmerk}", notice_type=rng.choice(types),
            notice_type_label=rng.choice(["Aankondiging", "Rectificatie", None]), form_type=rng.choice(forms),
            is_cancelled=rng.choice([0, 1, None]), is_awarded=rng.choice([0, 1, None]),
            youth_care=rng.choice([0, 1]), jeugdregio_code=rng.choice(["JZ41", "JZ17", None]),
            title=rng.choice(["Jeugdhulp regio", "Gunning jeugdhulp", "Ambulante zorg", None]),
            buyer=rng.choice(["Gemeente Heerlen", "Gemeente Texel", None]), published=published,
            published_at=published + f"T{rng.randint(0, 23):02d}:00",
            deadline=deadline and deadline + f"T{rng.randint(0, 23):02d}:00:00",
            consultation_deadline=rng.choice([None, deadline, day()]), start_date=day(),
            url=f"https://www.tenderned.nl/x/{publication_id}")
        write_notice(db, record, 1)


def first_derivation(db, monkeypatch, per_row: bool) -> dict:
    """``derive(db, 1)`` into empty derived tables, the bulk way or (``per_row``) row by row as before."""
    from tenderarchive import derive as derivation

    with monkeypatch.context() as patch:
        if per_row:
            patch.setattr(derivation, "_is_empty", lambda db, table: False)
        return derive(db, 1)


def bulk_compared(db) -> dict:
    tables = {t: [tuple(r) for r in db.execute(f"select rowid, * from [{t}] order by rowid")]
              for t in ("procurements", "events", "versions")}
    tables["indexes"] = sorted(db.execute("select name, tbl_name, sql from sqlite_master where type = 'index' "
                                          "and tbl_name in ('procurements', 'events')").fetchall())
    return tables


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_first_derivation_into_empty_tables_writes_what_the_per_row_derivation_writes(tmp_path, monkeypatch, seed):
    results = {}
    for per_row in (False, True):
        db = open_archive(tmp_path / f"{seed}-{per_row}.db")
        random_notices(db, seed)
        counts = first_derivation(db, monkeypatch, per_row)
        results[per_row] = (counts, bulk_compared(db), derived_tables(db))
        assert db.execute("pragma integrity_check").fetchone() == ("ok",)
    bulk, per_row = results[False], results[True]
    assert bulk[1]["events"] and bulk[1]["procurements"]  # something to compare
    assert bulk == per_row


def test_a_first_derivation_of_the_fixture_crawls_writes_what_the_per_row_derivation_writes(tmp_path, monkeypatch):
    results = []
    for per_row in (False, True):
        db = open_archive(tmp_path / f"{per_row}.db")
        crawl_a(db)
        first = first_derivation(db, monkeypatch, per_row)
        crawl_b(db)
        second = derive(db, 2)  # incremental: the tables hold rows now, row by row in both
        results.append((first, second, bulk_compared(db), derived_tables(db)))
    assert results[0] == results[1]


def test_a_first_derivation_looks_up_no_event_or_procurement_row(tmp_path):
    """Into empty tables the derivation reads no ``events`` or ``procurements`` row before writing
    (before: sync_rows' select of each notice's events, upsert_if_changed's of each procurement,
    set_values' of each procurement whose article count went from NULL to 0), and builds their
    indexes after the rows (before: maintained row by row)."""
    from tenderarchive.derive import refresh_links, refresh_notice_events, refresh_procurements

    db = open_archive(tmp_path / "archive.db")
    random_notices(db, 7, 60)
    seen: list[str] = []
    db.conn.set_trace_callback(seen.append)
    refresh_procurements(db, 1)
    refresh_notice_events(db, 1)
    counts = refresh_links(db, 1)
    db.conn.set_trace_callback(None)
    assert counts["article_counts"] == db.execute("select count(*) from procurements").fetchone()[0]
    assert db.execute("select count(*) from procurements where article_count is not 0").fetchone()[0] == 0
    lookups = [sql for sql in seen
               if sql.lower().startswith(("select * from [events]", "select * from [procurements]"))]
    assert not lookups, lookups[:3]
    created = {sql.split()[2].strip('[]"') for sql in seen if sql.upper().startswith("CREATE INDEX")}
    assert {"idx_events_date", "idx_procurements_kenmerk"} <= created, created
    assert db.execute("select count(*) from events").fetchone()[0] > 60  # several events a notice
    assert db.execute("pragma integrity_check").fetchone() == ("ok",)


# --- a notice whose kenmerk changes between versions (a real loopback crawl of the TenderNed API) -------------------
RENUMBERED_WINDOW = {"from_date": "2020-06-15", "until_date": "2020-06-15"}  # contract notice 200201; award 200288 later


def _renumbered_crawls(snapshot, serve_api, crawl, moved: tuple, window: dict = RENUMBERED_WINDOW,
                       to: tuple = (777001,)):
    """The synthetic snapshot (SYNTHETIC) crawled, then crawled again after TenderNed moved the publications
    ``moved`` (of procedure 243310) to procedure 777001, or each to its own of ``to`` (reference tenderned-api.md
    §3: ``kenmerk`` is per procedure; a detail's may change between versions), the publications listed in
    ``window`` both times."""
    from tests.conftest import by_id

    first = crawl(serve_api(snapshot).api_url, **window)
    assert first.db["procurements"].get("TN243310")["publication_ids"] == "[200201, 200288]"
    for publication_id, kenmerk in zip(moved, to * len(moved) if len(to) == 1 else to, strict=True):
        notice = by_id(snapshot, publication_id)
        notice["list"]["kenmerk"] = notice["detail"]["kenmerk"] = kenmerk
    again = crawl(serve_api(snapshot).api_url, **window)
    assert again.crawl["status"] == "complete", again.errors
    return again


def test_a_notice_moved_to_another_procedure_leaves_the_one_it_was_in(snapshot, serve_api, crawl):
    """Contract notice 200201 of procedure 243310 is renumbered to procedure 777001: TN777001 lists it, and TN243310,
    which still listed it beside its award (two publications, first published on 200201's day, an ``AAO``), is
    recomputed from the award alone. Only the kenmerken the notices have now were recomputed."""
    again = _renumbered_crawls(snapshot, serve_api, crawl, moved=(200201,))
    assert again.db["procurements"].get("TN777001")["publication_ids"] == "[200201]"
    left = again.db["procurements"].get("TN243310")
    assert (left["publication_ids"], left["publication_count"], left["notice_types"]) == ("[200288]", 1, '["AGO"]')
    assert json.loads(left["publication_ids"]) == [
        row["publication_id"] for row in again.db.query("select publication_id from notices where kenmerk = 243310")]



def test_a_procedure_whose_every_notice_moved_is_no_more(snapshot, serve_api, crawl):
    """Both publications of procedure 243310 (both listed by the window) are renumbered to 777001: TN243310
    (derived from notices, none of which is its any more) is gone, its summary too, instead of listing two notices
    of another procedure; the notices are all kept."""
    again = _renumbered_crawls(snapshot, serve_api, crawl, moved=(200201, 200288),
                               window={"from_date": "2020-06-15", "until_date": "2021-01-20"})
    assert again.db["procurements"].get("TN777001")["publication_ids"] == "[200201, 200288]"
    assert not list(again.db.query("select 1 from procurements where procurement_id = 'TN243310'"))
    assert again.db["notices"].count == 2
    assert not list(again.db.query("select 1 from summary_procurements where procurement_id = 'TN243310'"))


def test_news_linked_to_a_procedure_whose_every_notice_moved_follows_them(snapshot, serve_api, crawl, tmp_path):
    """A municipal news page (SYNTHETIC) on the award of the Leidse Regio's gemeentelijke toegang is linked to
    TN243310. TenderNed then moves both its publications to procedure 777001: TN243310 is gone, but only the
    articles of the crawl and the procurements whose kenmerk the crawl's notices have now were scored again, so the
    page stayed linked to a procurement no longer in the archive and TN777001 had it as a candidate only (no
    article counted, none on its timeline). The articles linked to a procurement whose notices all left are scored
    again against every procurement."""
    from tests.conftest import by_id
    from tests.spiders.test_news import crawl_news
    from tests.test_linking import serve_story, story_registry

    window = {"from_date": "2020-06-15", "until_date": "2021-01-20"}  # contract notice 200201, award 200288
    first = crawl(serve_api(snapshot).api_url, **window)
    assert first.crawl["status"] == "complete", first.errors
    page = ("2021-01-25", "Toegang jeugdhulp Leidse Regio gegund",
            "De gemeenten van de Leidse Regio hebben de aanbesteding gemeentelijke toegang jeugdhulp gegund aan "
            "Cardea, Gemiva-SVG Groep, Kwadraad en MEE ZHN. De gemeente Leiden was penvoerder.")
    with serve_story({"nieuws/toegang.html": page}) as base:
        assert crawl_news(story_registry(tmp_path, base), first.db_path).returncode == 0
    links = "select procurement_id, status from procurement_links order by 1"
    assert [tuple(row.values()) for row in first.db.query(links)] == [("TN243310", "linked")]
    for publication_id in (200201, 200288):
        notice = by_id(snapshot, publication_id)
        notice["list"]["kenmerk"] = notice["detail"]["kenmerk"] = 777001
    again = crawl(serve_api(snapshot).api_url, **window)
    assert again.crawl["status"] == "complete", again.errors
    assert [tuple(row.values()) for row in again.db.query(links)] == [("TN777001", "linked")]
    assert again.db["procurements"].get("TN777001")["article_count"] == 1
