"""The derivation step, in-process: what it computes from archived items, and that it
computes it once (a second run writes nothing)."""

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
