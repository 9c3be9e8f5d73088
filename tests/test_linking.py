"""Procurement timelines: TenderNed notices and the news about them, linked and in date order."""

import json

import pytest
import sqlite_utils

from tests.fixtures.news.serve import serve_sites
from tests.spiders.test_news import crawl_news, seed_pages, write_registry

SEED_PROCUREMENTS = {
    "000_a37aabeefc19e5c0.txt": "TN243310",  # Leidse Regio, gemeentelijke toegang
    "001_e12dcf1d5b689632.txt": "TN312877",  # Zuid-Kennemerland en IJmond
    "002_073f7f13558f592c.txt": "TN160417",  # Heerlen, Landgraaf, Voerendaal
    "003_bc1c8c8b7a62acc5.txt": "TN311520",  # MVS
    "004_8f2571db6545498e.txt": "TN311520",  # MVS (FAQ)
}


@pytest.fixture(scope="module")
def archive(tmp_path_factory, request):
    from tenderarchive.apiserver import load_publications

    tmp = tmp_path_factory.mktemp("linking")
    db = tmp / "archive.db"
    crawl_notices(db, load_publications())
    with serve_sites() as base_urls:
        completed = crawl_news(write_registry(tmp, base_urls), db)
        assert completed.returncode == 0, completed.stderr[-2000:]
        pages = seed_pages(base_urls)
    return sqlite_utils.Database(db), pages


def test_each_seed_article_is_linked_to_its_tenderned_procurement(archive):
    db, pages = archive
    for url, gold in pages.items():
        [link] = list(db["procurement_links"].rows_where("url = ? and status = 'linked'", [url]))
        assert link["procurement_id"] == SEED_PROCUREMENTS[gold["seed"]], url
        assert link["score"] >= 0.6 and json.loads(link["reasons"])


def test_each_seed_timeline_joins_news_events_and_notices_in_date_order(archive):
    db, pages = archive
    for procurement_id in set(SEED_PROCUREMENTS.values()):
        timeline = list(db.query("select * from events where procurement_id = ? order by date, event_id",
                                 [procurement_id]))
        sources = {e["source_type"] for e in timeline}
        assert {"notice", "article"} <= sources <= {"notice", "article", "award", "lot"}, procurement_id
        assert [e["date"] for e in timeline] == sorted(e["date"] for e in timeline)
        assert db["procurements"].get(procurement_id)["article_count"] >= 1


def test_the_heerlen_timeline_tells_the_story(archive):
    db, _ = archive
    kinds = [(e["date"], e["kind"], e["source_type"]) for e in db.query(
        "select * from events where procurement_id = 'TN160417' order by date, event_id")]
    dates = [d for d, _, _ in kinds]
    assert ("2018-03-13", "tender_publication", "notice") in kinds
    assert ("2018-07-06", "inschrijf_deadline", "notice") in kinds
    assert any(d == "2017-05-31" and s == "article" for d, _, s in kinds)  # the market consultation in the news
    assert dates.index("2017-05-31") < dates.index("2018-03-13") < dates.index("2018-11-20")


def test_distractors_are_not_linked_and_links_keep_their_reasons(archive):
    db, pages = archive
    linked = {r["url"] for r in db["procurement_links"].rows_where("status = 'linked'")}
    irrelevant = {r["url"] for r in db["articles"].rows_where("relevant = 0")}
    assert irrelevant and not (linked & irrelevant)
    assert not list(db["procurement_links"].rows_where("procurement_id = 'TN344002'"))  # the Wmo notice


def test_buyers_are_organisations_with_municipality_and_jeugdregio(archive):
    db, _ = archive
    leiden = db["organisations"].get("GM0546")
    assert leiden["name"] == "Gemeente Leiden" and leiden["jeugdregio_code"] == "JZ18"
    assert db["notices"].get(200201)["buyer_id"] == "GM0546"
    assert db["notices"].get(200201)["jeugdregio_code"] == "JZ18"
    facet = dict(db.execute("select jeugdregio_code, count(*) from notices group by 1").fetchall())
    assert facet["JZ41"] == 3 and facet["JZ29"] == 2
    zk = {r["name"] for r in db["notice_municipalities"].rows_where("publication_id = 300301")}
    assert {"Haarlem", "Velsen", "Zandvoort"} <= zk


def test_freshness_shows_the_last_complete_crawl_per_source(archive):
    db, _ = archive
    rows = {r["spider"]: r for r in db.query("select * from freshness")}
    assert set(rows) == {"tenderned", "news"}
    assert rows["tenderned"]["age_hours"] < 1 and rows["news"]["last_status"] == "complete"


def test_without_tenderned_the_news_makes_news_only_procurements(tmp_path):
    with serve_sites() as base_urls:
        assert crawl_news(write_registry(tmp_path, base_urls), tmp_path / "news.db").returncode == 0
        pages = seed_pages(base_urls)
    db = sqlite_utils.Database(tmp_path / "news.db")
    procurement_of = {r["url"]: r["procurement_id"] for r in db["procurement_links"].rows_where("status = 'linked'")}
    assert set(procurement_of) == set(pages)
    mvs = {procurement_of[u] for u, g in pages.items() if g["seed"].startswith(("003", "004"))}
    assert len(mvs) == 1 and next(iter(mvs)).startswith("NEWS-")  # one procurement, two articles
    row = db["procurements"].get(next(iter(mvs)))
    assert row["source"] == "news" and row["article_count"] == 2 and row["youth_care"] == 1


def test_the_reachability_index_drops_no_candidate(archive):
    """Linking scores an article only against the procurements its places, title words or
    references reach (tenderarchive/linking.py ``Profiles``); scoring every procurement gives the
    same links on the crawled archive."""
    from tenderarchive.linking import (CANDIDATE_THRESHOLD, Profiles, article_features, article_links, decide,
                                       procurement_profiles, score)
    from tenderarchive.store.keys import dumps

    db, _ = archive
    profiles = procurement_profiles(db)
    index = Profiles(profiles)
    articles = list(db.query("select * from articles where relevant = 1 order by url"))
    assert articles and len(profiles) > 1
    for article in articles:
        features = article_features(db, article)
        everything = [(total, dumps(reasons), p["procurement_id"]) for p in profiles
                      for total, reasons in [score(features, p)] if total >= CANDIDATE_THRESHOLD]
        assert article_links(features, index) == decide(features, everything), article["url"]
        assert len(index.direct(features) | index.by_words(features)) <= len(profiles)


@pytest.mark.parametrize("limit", [10, 3])
def test_rescoring_from_the_stored_links_equals_scoring_everything(monkeypatch, limit):
    """``rescore_delta`` (what the incremental derivation writes for an unchanged article after
    some procurements changed) applied to the stored links gives the links of scoring the
    article against every procurement again (``article_links``), in random synthetic cases:
    the best link moving to or from a changed procurement, news-only links, ties, and (with a
    limit of 3 candidates) full lists that a changed procurement enters or leaves. When it
    cannot tell from the stored links it says so (None), and the derivation scores that
    article against everything."""
    import random
    from datetime import date

    from tenderarchive import linking
    from tenderarchive.linking import LINK_THRESHOLD, article_links, changes, rescore_delta

    monkeypatch.setattr(linking, "CANDIDATE_LIMIT", limit)
    rng = random.Random(14)
    places, words, regions = ["GM1", "GM2", "GM3"], ["jeugdhulp", "texel", "toegang", "vervoer"], ["JZ1", "JZ2"]

    def profile(i):
        first = date(2020, 1, 1 + rng.randrange(28))
        return {"procurement_id": f"TN{i}", "kenmerk": i, "kenmerk_key": str(i), "publication_ids": {i * 10},
                "publication_keys": {str(i * 10)}, "title_words": set(rng.sample(words, rng.randrange(1, 4))),
                "places": set(rng.sample(places, rng.randrange(0, 2))), "jeugdregio": rng.choice(regions),
                "first": first, "last": first}

    moved = unknown = full_kept = 0
    for case in range(300):
        profiles = [profile(i) for i in range(1, 9)]
        features = {"article": {}, "url": f"https://example.invalid/{case}", "places": set(rng.sample(places, 1)),
                    "dates": [date(2020, 6, 1)], "text_words": set(rng.sample(words, 3)),
                    "tn_numbers": {str(rng.randrange(1, 12))} if rng.random() < 0.3 else set(), "pub_ids": set(),
                    "jeugdregio": rng.choice(regions)}
        stored = {r["procurement_id"]: r for r in article_links(features, profiles)}
        assert sum(not pid.startswith("NEWS-") for pid in stored) <= limit
        changed_ids = {f"TN{i}" for i in rng.sample(range(1, 9), 3)}
        profiles = [profile(int(p["procurement_id"][2:])) if p["procurement_id"] in changed_ids else p
                    for p in profiles]
        changed = [p for p in profiles if p["procurement_id"] in changed_ids]
        expected = article_links(features, profiles)
        delta = rescore_delta(features, list(stored.values()), changed, changed_ids)
        if delta is None:  # the derivation scores this article against everything
            unknown += 1
            assert sum(not pid.startswith("NEWS-") for pid in stored) == limit
            delta = (*changes(list(stored.values()), expected), None)
        else:
            full_kept += sum(not pid.startswith("NEWS-") for pid in stored) == limit
            assert delta[2] == next(r["procurement_id"] for r in expected if r["status"] == "linked")
        writes, deletes, _ = delta
        for pid in deletes:
            del stored[pid]
        stored.update({r["procurement_id"]: r for r in writes})
        assert sorted(stored.values(), key=lambda r: r["procurement_id"]) == \
            sorted(expected, key=lambda r: r["procurement_id"]), case
        moved += any(r["status"] == "linked" and r["score"] >= LINK_THRESHOLD for r in writes)
    assert moved > 10  # the cases do move the best link
    if limit == 3:  # full lists both kept exactly and handed back
        assert unknown > 5 and full_kept > 5, (unknown, full_kept)


def _random_pairs(rng, count):
    """Random procurement profiles and article features over a small vocabulary, so that
    title words are shared often and in every proportion (the prefix filter's edge cases)."""
    from datetime import date

    vocabulary = [f"woord{i}" for i in range(9)]
    places, regions = ["GM1", "GM2", "GM3", "GM4"], ["JZ1", "JZ2"]
    profiles = []
    for i in range(1, count + 1):
        first = date(2020, 1, 1 + rng.randrange(28))
        profiles.append({"procurement_id": f"TN{i}", "kenmerk": i, "kenmerk_key": str(i), "publication_ids": {i * 10},
                         "publication_keys": {str(i * 10)},
                         "title_words": set(rng.sample(vocabulary, rng.randrange(0, 7))),
                         "places": set(rng.sample(places, rng.randrange(0, 2))), "jeugdregio": rng.choice(regions),
                         "first": first, "last": first})
    articles = [{"article": {}, "url": f"https://example.invalid/{j}", "places": set(rng.sample(places, rng.randrange(0, 2))),
                 "dates": [date(2020, 6, 1)] if rng.random() < 0.8 else [date(2026, 6, 1)],
                 "text_words": set(rng.sample(vocabulary, rng.randrange(0, 9))), "tn_numbers": set(), "pub_ids": set(),
                 "jeugdregio": rng.choice(regions)} for j in range(count)]
    return profiles, articles


def test_the_rarest_title_words_reach_every_candidate():
    """``Profiles`` indexes each procurement under its rarest title words only
    (``prefix_words``): every pair that reaches the candidate threshold is still reached,
    against scoring every pair, and the common words are not looked up."""
    import random

    from tenderarchive.linking import CANDIDATE_THRESHOLD, Profiles, prefix_words, score

    rng = random.Random(1414)
    reached_by_words = 0
    for case in range(60):
        profiles, articles = _random_pairs(rng, 25)
        index = Profiles(profiles)
        for features in articles:
            found = {profiles[i]["procurement_id"] for i in index.direct(features) | index.by_words(features)}
            for p in profiles:
                if score(features, p)[0] >= CANDIDATE_THRESHOLD:
                    assert p["procurement_id"] in found, (case, features["url"], p["procurement_id"])
                    reached_by_words += not (features["places"] & p["places"])
    assert reached_by_words > 100  # title words alone carry many of the pairs
    common = {"jeugdhulp": 1000, "toegang": 50, "texel": 1}.__getitem__
    assert prefix_words({"jeugdhulp", "toegang", "texel"}, common) == ["texel", "toegang"]  # 2 of 3 needed
    assert prefix_words({"jeugdhulp", "toegang", "texel"}, common, same_region=True) == ["texel", "toegang", "jeugdhulp"]
    assert prefix_words(set(), common) == []


@pytest.mark.parametrize("limit", [10, 2])
def test_an_articles_best_links_equal_scoring_every_pair(monkeypatch, limit):
    """``article_links`` scores the procurements reached by title words alone only when they can
    still enter the article's best ``CANDIDATE_LIMIT``; its rows equal :func:`decide` over every
    pair scored, in random synthetic cases (with a limit of 2, the word-only pairs are often
    skipped)."""
    import random

    from tenderarchive import linking
    from tenderarchive.linking import CANDIDATE_THRESHOLD, Profiles, article_links, decide, score
    from tenderarchive.store.keys import dumps

    monkeypatch.setattr(linking, "CANDIDATE_LIMIT", limit)
    rng = random.Random(1415)
    skipped = 0
    for case in range(40):
        profiles, articles = _random_pairs(rng, 25)
        for p in profiles[::3]:  # shared places make strong pairs, more than the limit
            p["places"] = {"GM1", "GM2"}
        index = Profiles(profiles)
        for features in articles:  # one shared place of three scores like title words alone
            features["places"] = set(rng.sample(["GM1", "GM2", "GM3", "GM4"], rng.randrange(0, 4)))
            everything = [(total, dumps(reasons), p["procurement_id"]) for p in profiles
                          for total, reasons in [score(features, p, CANDIDATE_THRESHOLD)] if total >= CANDIDATE_THRESHOLD]
            assert article_links(features, index) == decide(features, everything), (case, features["url"])
            strong = sorted((s[0] for s in everything), reverse=True)[:limit]
            skipped += len(strong) == limit and strong[-1] > linking.WORDS_ONLY_MAX and bool(index.by_words(features))
    if limit == 2:
        assert skipped > 20, skipped


def test_changed_procurements_find_every_article_they_can_reach():
    """After a crawl, the articles to rescore are found from ``article_link_keys`` with only
    the rarest title words of each changed procurement (``candidate_urls``): every article
    whose pair with a changed procurement reaches the candidate threshold is among them."""
    import random

    from tenderarchive.linking import CANDIDATE_THRESHOLD, candidate_urls, score, write_link_keys

    rng = random.Random(1415)
    for case in range(15):
        profiles, articles = _random_pairs(rng, 40)
        db = sqlite_utils.Database(memory=True)
        write_link_keys(db, [a["url"] for a in articles], articles)
        changed = rng.sample(profiles, 5)
        found = candidate_urls(db, changed)
        must = {a["url"] for a in articles for p in changed if score(a, p)[0] >= CANDIDATE_THRESHOLD}
        assert must and must <= found, (case, sorted(must - found))


def test_an_article_with_ten_stronger_links_is_not_rescored_for_a_title_word():
    """An article whose ten stored links all score above what title words alone can give
    (``WORDS_ONLY_MAX``) is left out of the rescoring when a changed procurement reaches it only
    by title words; with one link fewer, or one as weak as title words, it is rescored."""
    from datetime import date

    from tenderarchive.linking import CANDIDATE_LIMIT, WORDS_ONLY_MAX, candidate_urls, write_link_keys

    article = {"article": {}, "url": "https://example.invalid/a", "places": {"GM1"}, "dates": [date(2020, 6, 1)],
               "text_words": {"jeugdhulp", "texel"}, "tn_numbers": set(), "pub_ids": set(), "jeugdregio": "JZ1"}
    changed = [{"procurement_id": "TN99", "kenmerk": 99, "kenmerk_key": "99", "publication_ids": {990},
                "publication_keys": {"990"}, "title_words": {"jeugdhulp", "texel"}, "places": set(),
                "jeugdregio": "JZ1", "first": date(2020, 1, 1), "last": date(2020, 1, 1)}]

    def reached(scores):
        db = sqlite_utils.Database(memory=True)
        write_link_keys(db, [article["url"]], [article])
        db["procurement_links"].insert_all([{"procurement_id": f"TN{i}", "url": article["url"], "score": s,
                                             "status": "candidate", "reasons": "[]"} for i, s in enumerate(scores)],
                                           pk=("procurement_id", "url"))
        return article["url"] in candidate_urls(db, changed)

    assert not reached([0.9] * CANDIDATE_LIMIT)
    assert reached([0.9] * (CANDIDATE_LIMIT - 1))
    assert reached([0.9] * (CANDIDATE_LIMIT - 1) + [WORDS_ONLY_MAX])


def _keyed_archive(articles, stored_links):
    """An in-memory database with what ``candidate_urls`` reads: the articles' linking keys, their
    dates (``articles.published``, ``article_events``) and their stored links (synthetic)."""
    from tenderarchive.linking import write_link_keys

    db = sqlite_utils.Database(memory=True)
    write_link_keys(db, [a["url"] for a in articles], articles)
    db["articles"].insert_all([{"url": a["url"], "published": a["dates"][0].isoformat() if a["dates"] else None}
                               for a in articles], pk="url")
    db["article_events"].insert_all([{"url": a["url"], "date": d.isoformat()} for a in articles for d in a["dates"][1:]],
                                    columns={"url": str, "date": str})
    db["procurement_links"].insert_all(stored_links, pk=("procurement_id", "url"),
                                       columns={"procurement_id": str, "url": str, "score": float})
    return db


@pytest.mark.parametrize("limit", [3, 1])
def test_an_article_no_changed_procurement_can_enter_is_not_rescored(monkeypatch, limit):
    """``candidate_urls`` leaves out an article whose full list ranks above the bound of every
    changed procurement that reaches it (``settled``: what it can score, counted from the linking
    keys and the article's dates). In random synthetic cases every article it leaves out (and that
    has no link to a changed procurement, which the derivation rescores anyway) keeps exactly the
    links that scoring it against every procurement again gives; many are left out although a
    changed procurement shares their place."""
    import random
    from datetime import date

    from tenderarchive import linking
    from tenderarchive.linking import article_links, candidate_urls

    monkeypatch.setattr(linking, "CANDIDATE_LIMIT", limit)
    rng = random.Random(1416)
    pruned_by_place = 0
    for case in range(40):
        profiles, articles = _random_pairs(rng, 30)
        for p in profiles[::2]:  # strong pairs: more than the limit share a place
            p["places"] = {rng.choice(["GM1", "GM2"])}
        for a in articles:
            a["places"] = {rng.choice(["GM1", "GM2", "GM3"])}
            a["dates"] = [date(rng.choice([2017, 2020, 2023]), 6, 1)] + ([date(2020, 3, 1)] if rng.random() < 0.3 else [])
            if rng.random() < 0.3:  # a TenderNed number or publication id (the r: keys)
                a["tn_numbers" if rng.random() < 0.5 else "pub_ids"] = {str(rng.randrange(1, 31) * rng.choice([1, 10]))}
        stored = {a["url"]: article_links(a, profiles) for a in articles}
        db = _keyed_archive(articles, [row for rows in stored.values() for row in rows])
        changed_ids = {f"TN{i}" for i in rng.sample(range(1, 31), 4)}
        fresh, _ = _random_pairs(rng, 30)
        for p in fresh:
            p["places"] = {rng.choice(["GM1", "GM2", "GM3"])}
            p["first"] = p["last"] = date(rng.choice([2016, 2020, 2024]), 1, 1)
        profiles = [fresh[i] if p["procurement_id"] in changed_ids else p for i, p in enumerate(profiles)]
        changed = [p for p in profiles if p["procurement_id"] in changed_ids]
        found = candidate_urls(db, changed)
        for a in articles:
            if a["url"] in found or any(r["procurement_id"] in changed_ids for r in stored[a["url"]]):
                continue
            assert article_links(a, profiles) == stored[a["url"]], (case, a["url"])
            pruned_by_place += any(a["places"] & p["places"] for p in changed)
    assert pruned_by_place > 50, pruned_by_place


def test_a_changed_procurement_exactly_at_the_bound_is_rescored_when_it_precedes_the_last_link():
    """The bound of a pair sharing a place is its score (same parts, same floats): a changed
    procurement that scores exactly what the last stored link scores enters the list when its id
    sorts first (``rank_key``) — that article is rescored — and cannot when it sorts after (left out)."""
    from datetime import date

    from tenderarchive.linking import CANDIDATE_LIMIT, candidate_urls, score

    article = {"article": {}, "url": "https://example.invalid/a", "places": {"GM1"}, "dates": [date(2020, 6, 1)],
               "text_words": {"jeugdhulp", "texel"}, "tn_numbers": set(), "pub_ids": set(), "jeugdregio": "JZ1"}

    def procurement(pid, title_words):
        return {"procurement_id": pid, "kenmerk": int(pid[2:]), "kenmerk_key": pid[2:], "publication_ids": set(),
                "publication_keys": set(), "title_words": title_words, "places": {"GM1"}, "jeugdregio": "JZ1",
                "first": date(2020, 1, 1), "last": date(2020, 1, 1)}

    last = score(article, procurement("TN50", {"jeugdhulp", "texel"}))[0]
    links = [{"procurement_id": f"TN{i}", "url": article["url"], "score": last, "status": "candidate"}
             for i in range(50, 50 + CANDIDATE_LIMIT)]

    def reached(changed):
        return article["url"] in candidate_urls(_keyed_archive([article], links), [changed])

    last_id = f"TN{49 + CANDIDATE_LIMIT}"
    assert score(article, procurement("TN1", {"jeugdhulp", "texel"}))[0] == last
    assert reached(procurement("TN1", {"jeugdhulp", "texel"}))  # ties and sorts before the last link
    assert not reached(procurement("TN9", {"jeugdhulp", "texel"})), last_id  # ties and sorts after it
    assert not reached(procurement("TN1", {"jeugdhulp", "zorg"}))  # a lower bound: one title word of two
    links[0]["score"] = round(last - 0.001, 3)  # the last link is now weaker than the bound
    assert reached(procurement("TN9", {"jeugdhulp", "texel"}))


def test_articles_no_change_can_enter_are_left_out_inside_sqlite():
    """``candidate_urls`` (synthetic articles): twenty articles share a municipality and the word
    "jeugdhulp" with a new procurement, nineteen with ten links of 1.0 (what a pair sharing a place
    can score at most) from procurements that sort before it: they are left out without being
    read, and their title-word postings are not read either. The one whose last link is 0.9 is
    read and rescored; with a new procurement that sorts first, every article is read and
    rescored (a tie it wins); an article with nine links is reached by title words alone."""
    from datetime import date

    from tenderarchive import linking
    from tenderarchive.linking import CANDIDATE_LIMIT, LAST_STATS, candidate_urls, score

    def article(i, places=("GM1",), region="JZ1"):
        return {"article": {}, "url": f"https://example.invalid/{i:02d}", "places": set(places),
                "dates": [date(2020, 6, 1)], "text_words": {"jeugdhulp", "texel", "inkoop"}, "tn_numbers": set(),
                "pub_ids": set(), "jeugdregio": region}

    def procurement(pid, places=("GM1",)):
        return {"procurement_id": pid, "kenmerk": int(pid[2:]), "kenmerk_key": pid[2:], "publication_ids": set(),
                "publication_keys": set(), "title_words": {"jeugdhulp", "texel"}, "places": set(places),
                "jeugdregio": "JZ1", "first": date(2020, 1, 1), "last": date(2020, 1, 1)}

    articles = [article(i) for i in range(20)] + [article(20, places=(), region="JZ2")]
    assert score(articles[0], procurement("TN99"))[0] == linking._PLACE_MAX == 1.0
    links = [{"procurement_id": f"TN{10 + j}", "url": a["url"], "score": 0.9 if (i, j) == (0, CANDIDATE_LIMIT - 1) else 1.0}
             for i, a in enumerate(articles[:20]) for j in range(CANDIDATE_LIMIT)]
    links += [{"procurement_id": f"TN{10 + j}", "url": articles[20]["url"], "score": 0.9}
              for j in range(CANDIDATE_LIMIT - 1)]
    db = _keyed_archive(articles, links)

    assert candidate_urls(db, [procurement("TN99")]) == {articles[0]["url"], articles[20]["url"]}
    assert LAST_STATS == {"direct": 1, "read": 1, "words": 1, "rescored": 2}, LAST_STATS
    assert candidate_urls(db, [procurement("TN01")]) == {a["url"] for a in articles}
    assert LAST_STATS == {"direct": 20, "read": 20, "words": 1, "rescored": 21}, LAST_STATS
    # A TenderNed reference can lift a pair above 1.0: that article is read whatever its links.
    articles[5]["tn_numbers"] = {"99"}
    db = _keyed_archive(articles, links)
    assert candidate_urls(db, [procurement("TN99")]) == {articles[i]["url"] for i in (0, 5, 20)}
    assert LAST_STATS["read"] == 2, LAST_STATS


def test_a_reference_written_with_leading_zeros_is_the_same_number(tmp_path):
    """An article's notice address ``…/aankondigingen/overzicht/0311520`` (or "TN0243310") names notice 311520
    (procedure 243310): the archive keys both as integers, and the text's "0311520" matched no publication id,
    so the link lost its TenderNed reference. Synthetic rows."""
    from tenderarchive.linking import article_features, link_keys, procurement_profiles, reference_keys, score
    from tenderarchive.store.schema import ensure_schema

    db = sqlite_utils.Database(tmp_path / "archive.db")
    ensure_schema(db)
    db["procurements"].insert({"procurement_id": "TN243310", "kenmerk": 243310, "source": "tenderned",
                               "title": "Jeugdhulp", "first_published": "2024-01-10"}, alter=False)
    db["notices"].insert({"publication_id": 311520, "kenmerk": 243310, "title": "Jeugdhulp"}, alter=False)
    [profile] = procurement_profiles(db)
    for refs in ({"publication_ids": ["0311520"]}, {"tn_numbers": ["TN0243310"]}):
        article = {"url": "http://127.0.0.1:1/nieuws/a", "title": "Gunning", "text": "synthetic", "published": None,
                   "jeugdregio_code": None, "tenderned_refs": json.dumps(refs)}
        features = article_features(db, article)
        assert "tenderned_ref:TN243310" in score(features, profile)[1], refs
        assert link_keys(features) & reference_keys([profile["kenmerk_key"]], profile["publication_keys"]), refs


STORY_PAGE = """<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>{title} | Gemeente Heerlen</title>
<meta property="article:published_time" content="{date}T10:00:00+01:00"></head><body>
<!-- SYNTHETIC page written for tenderarchive's tests; not captured from a municipal site. -->
<header><nav><a href="/">Home</a> <a href="/nieuws/">Nieuws</a></nav></header>
<main><article><h1>{title}</h1><p><time datetime="{date}">{date}</time></p><p>{text}</p>
<p>Heeft u vragen over jeugdhulp, neem dan contact op met het jeugdteam van uw gemeente.</p></article></main>
<footer>Gemeente Heerlen</footer></body></html>"""


def serve_story(pages: dict):
    """A loopback news site (robots.txt, sitemap and ``pages``: path -> (date, title, text)); SYNTHETIC."""
    import contextlib
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    base = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            path = self.path.lstrip("/")
            if path == "robots.txt":
                body, kind = f"User-agent: *\nSitemap: {base[0]}sitemap.xml\n", "text/plain"
            elif path == "sitemap.xml":
                urls = "".join(f"<url><loc>{base[0]}{p}</loc><lastmod>{d}</lastmod></url>" for p, (d, _, _) in pages.items())
                body, kind = ('<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/'
                              f'sitemap/0.9">{urls}</urlset>'), "application/xml"
            elif path in pages:
                date, title, text = pages[path]
                body, kind = STORY_PAGE.format(date=date, title=title, text=text), "text/html"
            else:
                self.send_error(404)
                return
            data = body.encode()
            self.send_response(200)
            self.send_header("Content-Type", f"{kind}; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):
            pass

    @contextlib.contextmanager
    def running():
        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        base.append(f"http://127.0.0.1:{server.server_address[1]}/")
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            yield base[0]
        finally:
            server.shutdown()
            server.server_close()

    return running()


def story_registry(tmp_path, base_url):
    import yaml

    path = tmp_path / "sources.yaml"
    path.write_text(yaml.safe_dump({"version": 1, "sites": [{
        "name": "heerlen", "title": "Gemeente Heerlen (synthetic)", "base_url": base_url,
        "municipalities": ["Heerlen"], "region": "JZ41 Zuid-Limburg", "cms": "other",
        "discovery": {"robots_sitemaps": True}, "allow": ["^/nieuws/"],
        "politeness": {"download_delay": 0, "concurrency": 4}}]}), encoding="utf-8")
    return path


def test_place_names_in_a_title_do_not_pull_an_article_to_that_procurement(tmp_path):
    """Two procurements of one buyer for the same three municipalities: basishulp jeugd, whose title
    names the three, and dyslexiezorg, whose notice names them in its description. A municipal news
    page about the dyslexiezorg procurement (its title in other words, the three municipalities
    named) was linked to the basishulp one: the names of the places counted twice there, as
    shared places and as title words. Title words are the title's subject; the places the
    procurement concerns count once, as places. Real crawls; SYNTHETIC news page and notice copy."""
    from tenderarchive.apiserver import load_publications
    from tests.conftest import by_id, make_publication

    snapshot = load_publications()
    basishulp = by_id(snapshot, 100101)   # "Basishulp Jeugd Heerlen, Landgraaf en Voerendaal"
    dyslexie = make_publication(basishulp, 100401, "2018-05-14", kenmerk=160499,
                                title="Dyslexiezorg (EED) Parkstad: ernstige enkelvoudige dyslexie 2019")
    for part in (dyslexie["detail"], dyslexie["list"]):
        part["opdrachtBeschrijving"] = ("Synthetische testdata. Inkoop van zorg bij ernstige enkelvoudige "
                                        "dyslexie voor de gemeenten Heerlen, Landgraaf en Voerendaal.")
    db = tmp_path / "archive.db"
    procedure = [by_id(snapshot, i) for i in (100131, 100190)]  # its rectification and award
    crawl_notices(db, [basishulp, *procedure, dyslexie])
    page = ("2018-05-20", "Gemeenten kopen dyslexiezorg opnieuw in",
            "De gemeenten Heerlen, Landgraaf en Voerendaal hebben op 14 mei 2018 de aanbesteding voor "
            "dyslexiezorg gepubliceerd op TenderNed. Jeugdhulpaanbieders kunnen inschrijven tot 30 juni 2018. "
            "De nieuwe contracten gaan in per 1 januari 2019.")
    crawl_story(tmp_path, db, {"nieuws/dyslexiezorg.html": page})
    archive = sqlite_utils.Database(db)
    [article] = list(archive["articles"].rows)
    assert article["relevant"] == 1
    places = {r["cbs_code"] for r in archive["article_municipalities"].rows}
    for procurement_id in ("TN160417", "TN160499"):  # both concern the page's three municipalities
        assert places <= {r["cbs_code"] for r in archive.query(
            "select m.cbs_code from notice_municipalities m join notices n using (publication_id) "
            "where n.procurement_id = ?", [procurement_id])}, procurement_id
    links = {r["procurement_id"]: r for r in archive["procurement_links"].rows}
    assert links["TN160499"]["status"] == "linked", links
    assert links.get("TN160417", {}).get("status") != "linked"
    assert not any(reason.startswith("title:") for reason in json.loads(links["TN160417"]["reasons"])) \
        if "TN160417" in links else True


def test_news_naming_the_kenmerk_without_tn_links_to_that_procedure(tmp_path):
    """A re-tender: the same buyer publishes its basishulp procurement again under a new kenmerk,
    same title, half a year later. A municipal news page names the new one as "TenderNed-kenmerk
    160499" (and its notice as "publicatienummer 100501"), the forms news uses besides "TN160499"
    (tenderned-api.md §3-4). Only "TN…" was read, so the page was linked by title and places alone,
    a near-tie between the two. The written-out kenmerk is evidence: the link is to TN160499 and
    says so. Real crawls; SYNTHETIC news page and notice copy."""
    from tenderarchive.apiserver import load_publications
    from tests.conftest import by_id, make_publication

    snapshot = load_publications()
    basishulp = by_id(snapshot, 100101)   # "Basishulp Jeugd Heerlen, Landgraaf en Voerendaal", TN160417
    again = make_publication(basishulp, 100501, "2018-10-01", kenmerk=160499,
                             title=basishulp["detail"]["aanbestedingNaam"] + " (heraanbesteding)")
    db = tmp_path / "archive.db"
    procedure = [by_id(snapshot, i) for i in (100131, 100190)]  # the first one's rectification and award
    crawl_notices(db, [basishulp, *procedure, again])
    pages = {
        "nieuws/heraanbesteding.html": (
            "2018-10-05", "Basishulp jeugd opnieuw aanbesteed",
            "De gemeenten Heerlen, Landgraaf en Voerendaal besteden de basishulp jeugd opnieuw aan. De "
            "aanbesteding staat op TenderNed onder TenderNed-kenmerk 160499. Inschrijven kan tot 15 november 2018."),
        "nieuws/publicatie.html": (
            "2018-10-06", "Aanbesteding basishulp jeugd gepubliceerd",
            "De gemeenten Heerlen, Landgraaf en Voerendaal hebben de aanbesteding basishulp jeugd gepubliceerd "
            "op TenderNed (publicatienummer 100501). Jeugdhulpaanbieders kunnen inschrijven tot 15 november 2018."),
    }
    base = crawl_story(tmp_path, db, pages)
    archive = sqlite_utils.Database(db)
    assert {r["procurement_id"] for r in archive["procurements"].rows} >= {"TN160417", "TN160499"}
    for url in (f"{base}{path}" for path in pages):
        links = {r["procurement_id"]: r for r in archive["procurement_links"].rows_where("url = ?", [url])}
        assert links["TN160499"]["status"] == "linked", (url, links)
        assert "tenderned_ref:TN160499" in json.loads(links["TN160499"]["reasons"]), (url, links)
        assert links.get("TN160417", {}).get("status") != "linked", (url, links)


def crawl_notices(db, publications: list[dict], from_date="2017-01-01", until_date="2022-12-31") -> None:
    """``tenderarchive crawl tenderned`` into ``db`` from a loopback TenderNed serving ``publications``
    (``run_crawl``); the crawl succeeds."""
    from tenderarchive.apiserver import APIServer, TenderNedAPI
    from tests.conftest import run_crawl

    with APIServer(TenderNedAPI(publications)) as server:
        done = run_crawl(server.api_url, db, from_date=from_date, until_date=until_date)
    assert done.returncode == 0, done.output[-2000:]


def crawl_story(tmp_path, db, pages: dict) -> str:
    """The news ``pages`` of ``serve_story`` crawled into ``db`` (``story_registry``); the crawl succeeds. The site's
    base URL."""
    with serve_story(pages) as base:
        done = crawl_news(story_registry(tmp_path, base), db)
    assert done.returncode == 0, done.stderr[-2000:]
    return base


def crawl_parkstad_story(tmp_path, pages):
    """Two procurements of jeugdregio Zuid-Limburg crawled from a loopback TenderNed: basishulp for Heerlen,
    Landgraaf and Voerendaal (TN160417, its notice names the three; with its rectification and award) and
    specialistische jeugdhulp for Parkstad (TN160600, its notice names the sub-region, not its towns); then the
    news ``pages`` ({path: (date, title, text)}) crawled from a loopback site. Returns the archive and the site's
    base URL. SYNTHETIC notice copy."""
    from tenderarchive.apiserver import load_publications
    from tests.conftest import by_id, make_publication

    snapshot = load_publications()
    basishulp = by_id(snapshot, 100101)   # "Basishulp Jeugd Heerlen, Landgraaf en Voerendaal", TN160417
    parkstad = make_publication(basishulp, 100601, "2018-05-14", kenmerk=160600,
                                title="Specialistische jeugdhulp Parkstad 2019-2022")
    for part in (parkstad["detail"], parkstad["list"]):
        part["opdrachtBeschrijving"] = ("Synthetische testdata. Inkoop van specialistische jeugdhulp voor de "
                                        "gemeenten van Parkstad.")
    db = tmp_path / "archive.db"
    procedure = [by_id(snapshot, i) for i in (100131, 100190)]  # the basishulp rectification and award
    crawl_notices(db, [basishulp, *procedure, parkstad])
    base = crawl_story(tmp_path, db, pages)
    return sqlite_utils.Database(db), base


def test_news_of_a_subregion_procurement_links_to_it_not_to_one_of_its_towns(tmp_path):
    """Two procurements of jeugdregio Zuid-Limburg: basishulp for Heerlen, Landgraaf and Voerendaal (its
    notice names the three), and specialistische jeugdhulp for Parkstad (its notice names the sub-region,
    not its towns). A news page on the Parkstad one names the six Parkstad municipalities. The notice's
    "Parkstad" was no place, so the page shared three places with the basishulp procurement and none
    with its own: the sub-regions of ``regional_buyers.csv`` are places with their members. Real
    crawls; SYNTHETIC news page and notice copy."""
    page = ("2018-05-22", "Parkstad koopt specialistische jeugdhulp in",
            "De gemeenten Brunssum, Heerlen, Kerkrade, Landgraaf, Simpelveld en Voerendaal hebben de aanbesteding "
            "voor specialistische jeugdhulp gepubliceerd. Jeugdhulpaanbieders kunnen inschrijven tot 30 juni 2018.")
    archive, _ = crawl_parkstad_story(tmp_path, {"nieuws/specialistisch.html": page})
    towns = {r["name"] for r in archive.query(
        "select m.name from notice_municipalities m join notices n using (publication_id) where n.procurement_id = ?",
        ["TN160600"])}
    assert {"Brunssum", "Kerkrade", "Simpelveld"} <= towns, towns
    links = {r["procurement_id"]: r for r in archive["procurement_links"].rows}
    assert links["TN160600"]["status"] == "linked", links
    assert links.get("TN160417", {}).get("status") != "linked", links


def test_news_naming_only_the_subregion_links_by_its_implied_members(tmp_path):
    """A news page names the sub-region Parkstad and none of its towns: it names no municipality (the corpus
    README's gold rule), but the six members Parkstad implies are archived as implied (``implied`` = 1,
    matched "subregion:..."), and linking still reads them: the page links to the Parkstad procurement.
    Real crawls; SYNTHETIC news page and notice copy."""
    page = ("2018-05-22", "Parkstad koopt specialistische jeugdhulp in",
            "De gemeenten van Parkstad hebben de aanbesteding voor specialistische jeugdhulp gepubliceerd. "
            "Jeugdhulpaanbieders kunnen inschrijven tot 30 juni 2018.")
    archive, base = crawl_parkstad_story(tmp_path, {"nieuws/parkstad.html": page})
    rows = list(archive["article_municipalities"].rows_where("url = ?", [f"{base}nieuws/parkstad.html"]))
    assert {r["name"] for r in rows} >= {"Brunssum", "Heerlen", "Kerkrade", "Landgraaf", "Simpelveld", "Voerendaal"}
    assert all(r["implied"] == 1 and r["matched"].startswith("subregion:") for r in rows), rows
    links = {r["procurement_id"]: r for r in archive["procurement_links"].rows}
    assert links["TN160600"]["status"] == "linked", links
    assert any(reason.startswith("places") for reason in json.loads(links["TN160600"]["reasons"])), links


def test_an_award_in_the_news_before_its_notice_is_linked_when_the_notice_is_crawled(tmp_path):
    """A municipality announces the award of a procedure ("TenderNed-kenmerk 160499") before the crawl
    has its notice: the page is a news-only procurement. The next, incremental TenderNed crawl brings the
    notice; its derivation finds the page by the reference (``article_link_keys``) without a full
    derivation, and links it with the reference as its reason. Real crawls; SYNTHETIC news page and notice
    copy."""
    from tenderarchive.apiserver import load_publications
    from tests.conftest import by_id, make_publication

    snapshot = load_publications()
    basishulp = by_id(snapshot, 100101)
    award = make_publication(basishulp, 100701, "2018-11-20", kenmerk=160499, title="Gunning jeugdhulp aan huis")
    db = tmp_path / "archive.db"
    page = ("2018-11-12", "Gemeenten gunnen jeugdhulp aan huis",
            "De gemeenten Heerlen, Landgraaf en Voerendaal hebben de aanbesteding jeugdhulp aan huis "
            "(TenderNed-kenmerk 160499) gegund. De nieuwe contracten gaan in per 1 januari 2019.")
    base = crawl_story(tmp_path, db, {"nieuws/gegund.html": page})
    url = f"{base}nieuws/gegund.html"
    archive = sqlite_utils.Database(db)
    [before] = [r for r in archive["procurement_links"].rows_where("url = ? and status = 'linked'", [url])]
    assert before["procurement_id"].startswith("NEWS-")
    crawl_notices(db, [award], from_date="2018-11-01", until_date="2018-11-30")
    [after] = [r for r in archive["procurement_links"].rows_where("url = ? and status = 'linked'", [url])]
    assert after["procurement_id"] == "TN160499", after
    assert "tenderned_ref:TN160499" in json.loads(after["reasons"])


def test_news_linking_a_notice_only_by_its_address_is_linked_to_it_when_the_notice_is_crawled(tmp_path):
    """A municipal page says "de stukken staan op <a href=…/aankondigingen/overzicht/100701>TenderNed</a>": the
    notice's number is in the link's address only, not in the text, and the crawl has not got that notice yet.
    The main text drops addresses, so the page had no TenderNed reference: news-only, and when the notice came
    in a later crawl, linked (if at all) by places and title words, never by its reference. The page's links to
    notices are references as a written-out address is; a link in the site's sidebar (another notice) is not the
    article's. Real crawls; SYNTHETIC news page and notice copy."""
    from tenderarchive.apiserver import load_publications
    from tests.conftest import by_id, make_publication

    snapshot = load_publications()
    basishulp = by_id(snapshot, 100101)
    award = make_publication(basishulp, 100701, "2018-11-20", kenmerk=160499, title="Gunning jeugdhulp aan huis")
    db = tmp_path / "archive.db"
    page = ("2018-11-12", "Aanbesteding jeugdhulp aan huis gegund",
            'De aanbesteding jeugdhulp aan huis is gegund. De gunningsbeslissing staat op <a href='
            '"https://www.tenderned.nl/aankondigingen/overzicht/100701">TenderNed</a>. De nieuwe contracten gaan in '
            'per 1 januari 2019.</p><aside><h2>Lopende aanbestedingen</h2><ul><li><a href='
            '"https://www.tenderned.nl/aankondigingen/overzicht/100101">Basishulp jeugd</a></li></ul></aside><p>')
    base = crawl_story(tmp_path, db, {"nieuws/gegund.html": page})
    url = f"{base}nieuws/gegund.html"
    archive = sqlite_utils.Database(db)
    [article] = archive["articles"].rows_where("url = ?", [url])
    assert article["relevant"] == 1 and "100701" not in article["text"]
    assert json.loads(article["tenderned_refs"])["publication_ids"] == ["100701"], article["tenderned_refs"]
    procedure = [by_id(snapshot, i) for i in (100131, 100190)]  # basishulp's rectification and award
    crawl_notices(db, [award, basishulp, *procedure])
    links = {r["procurement_id"]: r for r in archive["procurement_links"].rows_where("url = ?", [url])}
    assert links["TN160499"]["status"] == "linked", links
    assert "tenderned_ref:TN160499" in json.loads(links["TN160499"]["reasons"]), links
    assert not any("tenderned_ref" in r["reasons"] for p, r in links.items() if p != "TN160499"), links


def test_news_naming_two_procurements_by_their_kenmerken_is_linked_to_both_each_with_its_evidence(tmp_path):
    """One page on two procurements of jeugdregio Zuid-Limburg, each named by its TenderNed kenmerk (basishulp
    TN160417 and specialistische jeugdhulp Parkstad TN160600). Only the best was linked: the other, named as
    plainly, was a candidate, its article count 0 and the page missing from its news. Both are linked, each with
    its own reference as evidence; the best is the page's procurement, whose timeline its events join (once).
    Real crawls; SYNTHETIC news page and notice copy."""
    page = ("2018-05-22", "Twee aanbestedingen jeugdhulp Zuid-Limburg gepubliceerd",
            "De gemeenten in Zuid-Limburg hebben op 14 mei 2018 twee aanbestedingen gepubliceerd op TenderNed: "
            "basishulp jeugd voor Heerlen, Landgraaf en Voerendaal (TN160417) en specialistische jeugdhulp voor "
            "Parkstad (TN160600). Jeugdhulpaanbieders kunnen inschrijven tot 30 juni 2018.")
    archive, base = crawl_parkstad_story(tmp_path, {"nieuws/twee.html": page})
    url = f"{base}nieuws/twee.html"
    links = {r["procurement_id"]: r for r in archive["procurement_links"].rows_where("url = ?", [url])}
    for procurement_id in ("TN160417", "TN160600"):
        assert links[procurement_id]["status"] == "linked", links
        assert f"tenderned_ref:{procurement_id}" in json.loads(links[procurement_id]["reasons"]), links
        assert archive["procurements"].get(procurement_id)["article_count"] == 1, procurement_id
    best = min((-r["score"], p) for p, r in links.items() if r["status"] == "linked")[1]
    on = {r["procurement_id"] for r in archive["events"].rows_where("source_type = 'article' and source_id = ?", [url])}
    assert on == {best}, (on, links)
