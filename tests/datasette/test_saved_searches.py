"""Saved searches (canned queries): each runs, returns the right rows, and is an Atom feed."""

import json
import re
import shutil
import sqlite3
import urllib.error
import urllib.parse
import xml.etree.ElementTree as ET

import pytest
import sqlite_utils

from tenderarchive.metadata import build_metadata, load_metadata
from tests.datasette.archive_fixtures import Server

ATOM = "{http://www.w3.org/2005/Atom}"
QUERIES = ["search_all", "open_youth_care_tenders", "new_this_week", "by_jeugdregio", "award_notices",
           "procurement_timeline", "changed_notices"]


def rows(server, query, **params):
    qs = urllib.parse.urlencode({**params, "_shape": "array"})
    return json.loads(server.get(f"/{server.database}/{query}.json?{qs}"))


def feed(server, query, **params):
    qs = urllib.parse.urlencode(params)
    return ET.fromstring(server.get(f"/{server.database}/{query}.atom?{qs}"))


def test_every_saved_search_is_configured_with_a_title_and_description():
    queries = load_metadata()["databases"]["archive"]["queries"]
    assert set(QUERIES) <= set(queries)
    for name in QUERIES:
        assert queries[name]["title"] and queries[name]["description"], name


@pytest.mark.parametrize("query", QUERIES)
def test_every_saved_search_runs_and_is_a_valid_atom_feed(server, query):
    assert isinstance(rows(server, query), list)
    root = feed(server, query)
    assert root.tag == f"{ATOM}feed" and root.find(f"{ATOM}title").text
    for entry in root.findall(f"{ATOM}entry"):
        assert entry.find(f"{ATOM}id").text and entry.find(f"{ATOM}updated").text


#: A value for each saved search's parameters that the demo has rows for (empty: the parameter left out).
SAMPLE_PARAMS = {"jeugdregio": "JZ18", "procurement_id": "TN160417", "q": "jeugdhulp", "opdrachtgever": "Heerlen",
                 "aanbieder": "kvk:34012345"}
#: An IRI (RFC 3987) as far as its characters go: a scheme, then no space, control, ``"<>\\^`{|}`` nor a ``%`` that
#: starts no escape (an ``atom:id`` is an IRI: RFC 4287 §4.2.6).
IRI = re.compile(r'^[A-Za-z][A-Za-z0-9+.-]*:(?:[^\x00-\x20"<>\\^`{|}\x7f-\x9f%]|%[0-9A-Fa-f]{2})+$')
RFC3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")


def test_every_feed_of_the_site_is_valid_atom(server):
    """RFC 4287's musts, for every saved search that is a feed: the feed's id, title, updated and an author (in
    the feed unless every entry has one: no saved search names one, so every feed with entries failed a feed
    validator); each entry's id (unique, an IRI: ids built from a provider's name held its spaces), title, updated
    (RFC 3339), and content or an alternate link."""
    queries = load_metadata()["databases"]["archive"]["queries"]
    feeds = [name for name, q in queries.items() if "atom_id" in q["sql"]]
    assert set(QUERIES) <= set(feeds)
    with_entries = 0
    for name in feeds:
        params = {p: SAMPLE_PARAMS[p] for p in queries[name].get("params") or [] if p in SAMPLE_PARAMS}
        root = feed(server, name, **params)
        assert root.tag == f"{ATOM}feed", name
        for tag in ("id", "title", "updated"):
            assert (root.findtext(f"{ATOM}{tag}") or "").strip(), (name, tag)
        assert RFC3339.match(root.findtext(f"{ATOM}updated")), name
        entries = root.findall(f"{ATOM}entry")
        with_entries += bool(entries)
        assert root.find(f"{ATOM}author/{ATOM}name") is not None or \
            all(e.find(f"{ATOM}author/{ATOM}name") is not None for e in entries), name
        ids = [e.findtext(f"{ATOM}id") for e in entries]
        assert len(set(ids)) == len(ids) and all(ids), name
        assert all(IRI.match(i) for i in [root.findtext(f"{ATOM}id"), *ids]), (name, ids)  # RFC 3987: no space …
        for entry in entries:
            assert (entry.findtext(f"{ATOM}title") or "").strip() or entry.find(f"{ATOM}title") is not None, name
            assert RFC3339.match(entry.findtext(f"{ATOM}updated") or ""), (name, entry.findtext(f"{ATOM}updated"))
            assert entry.find(f"{ATOM}content") is not None or any(
                link.get("rel", "alternate") == "alternate" for link in entry.findall(f"{ATOM}link")), name
    assert with_entries >= 20  # the demo's feeds are not all empty


def test_every_feed_entry_links_its_page_and_each_page_of_the_site_it_links_answers(server):
    """The feeds of providers, buyers, regions, the market and values per year, and a procurement's awards, had
    entries without a link (``null as atom_link``: nothing elsewhere to link): a feed reader showed "Cardea" or
    "Gunningen 2022" with nowhere to go. Each entry links its page: elsewhere (TenderNed, the news page) or on this
    site (``site_link``: the provider's, the buyer's, the region's, the market of that region and year), absolute on
    the address the feed was asked at; every page of the site linked answers 200."""
    queries = load_metadata()["databases"]["archive"]["queries"]
    on_site, unlinked = set(), []
    for name, query in queries.items():
        if "atom_id" not in query["sql"]:
            continue
        params = {p: SAMPLE_PARAMS[p] for p in query.get("params") or [] if p in SAMPLE_PARAMS}
        for entry in feed(server, name, **params).findall(f"{ATOM}entry"):
            links = [link.get("href") for link in entry.findall(f"{ATOM}link")]
            if not links:
                unlinked.append((name, entry.findtext(f"{ATOM}title")))
            on_site.update((name, link) for link in links if link.startswith(server.base))
    assert unlinked == []
    kinds = {(name, re.sub(r"[?/][^?/]*$", "", link[len(server.base):])) for name, link in on_site}
    assert {("aanbieders", "/-/aanbieder"), ("opdrachtgevers", "/-/opdrachtgever"), ("values_per_year", "/-/markt"),
            ("who_won_in_jeugdregio", "/-/aanbieder"), ("jeugdregio_overzicht", "/-/jeugdregio"),
            ("marktbeeld", "/-/markt")} <= kinds, kinds
    for link in sorted({link for _, link in on_site}):
        server.get(link[len(server.base):])  # 200, or HTTPError
    [cardea] = [link for name, link in on_site if name == "aanbieders" and "cardea" in link.lower()]
    assert "Cardea" in server.get(cardea[len(server.base):]).decode()


def test_feed_entries_count_one_in_the_singular(server):
    """A feed reader showed "Zuid-Limburg: 1 aanbestedingen", "JZ41 …: 1 gunningen", "Gemeente Heerlen: 1
    aanbestedingen": the saved searches wrote every count with the plural. One is singular, other counts
    (0 too) plural, in every feed of the site; the English one too (who_won_in_jeugdregio: "Cardea: 1 awards")."""
    queries = load_metadata()["databases"]["archive"]["queries"]
    texts = []
    for name, query in queries.items():
        if "atom_id" not in query["sql"]:
            continue
        params = {p: SAMPLE_PARAMS[p] for p in query.get("params") or [] if p in SAMPLE_PARAMS}
        for entry in feed(server, name, **params).findall(f"{ATOM}entry"):
            texts += [entry.findtext(f"{ATOM}title") or "", entry.findtext(f"{ATOM}content") or ""]
    counted = re.compile(r"\b(\d+) (aanbesteding|gunning|winnaar|award)(en|s)?\b")
    found = [m.groups() for text in texts for m in counted.finditer(text)]
    assert any(n == "1" for n, _, _ in found) and any(n != "1" for n, _, _ in found), found
    assert all((n == "1") == (plural is None) for n, _, plural in found), found


def test_search_all_finds_notices_by_dutch_words(server):
    found = {r["source_key"] for r in rows(server, "search_all", q="aanbestedingen jeugdzorg")}
    assert {"300301", "400401", "500501"} <= found and "600601" not in found
    entries = feed(server, "search_all", q="Zoeterwoude").findall(f"{ATOM}entry")
    assert sorted(e.find(f"{ATOM}title").text for e in entries) == [
        "Gemeentelijke toegang Jeugdhulp Leidse Regio",  # the notice
        "Voorlopige gunning gemeentelijke toegang Jeugdhulp bekend"]  # and the news about it


def test_search_all_shows_the_procurement_a_news_article_is_linked_to(server, demo_archive):
    """Defect of issue 9: search everything read an article's procurement from a column
    ``articles`` does not have, so news rows never showed one. It comes from the links."""
    db = sqlite_utils.Database(demo_archive)
    linked = {r["url"]: r["procurement_id"]
              for r in db.query("select url, procurement_id from procurement_links where status = 'linked'")}
    db.close()
    assert linked["https://www.heerlen.nl/inkoopjeugdhulp.html"] == "TN160417"  # the synthetic demo's link
    news = {r["source_key"]: r for r in rows(server, "search_all", q="Zoeterwoude") if r["source"] == "articles"}
    [(url, row)] = news.items()
    assert row["procurement_id"] == linked[url] == "TN243310"
    news = [r for r in rows(server, "search_all", q="jeugdhulp") if r["source"] == "articles"]
    assert news and all(r["procurement_id"] == linked.get(r["source_key"]) for r in news)
    assert sum(1 for r in news if r["procurement_id"]) >= 4   # every linked article, candidates not


def test_each_search_hit_links_the_archived_notice_or_article_it_is(server):
    """A hit's ``source_key`` (a notice's publication id, an article's URL) was plain text or, for an article, the
    source site's page again (as its ``url``): the archive's own row of the hit was not one click away. It links
    that row, and the row's page shows that notice or article."""
    from datasette.utils import tilde_encode

    for query, params in [("search_all", {"q": "Zoeterwoude"}), ("new_this_week", {"since": "2022-03-01"})]:
        hits = rows(server, query, **params)
        assert hits, query
        page = server.get(f"/{server.database}/{query}?{urllib.parse.urlencode(params)}").decode()
        for hit in hits:
            href = f"/{server.database}/{hit['source']}/{tilde_encode(hit['source_key'])}"
            assert f'<td class="col-source_key"><a href="{href}">' in page, (query, hit["source_key"])
            row = json.loads(server.get(f"{href}.json?_shape=array"))
            assert [r["publication_id" if hit["source"] == "notices" else "url"] for r in row] == [
                int(hit["source_key"]) if hit["source"] == "notices" else hit["source_key"]]


def test_open_tenders_are_those_whose_current_deadline_has_not_passed(server):
    assert [r["publication_id"] for r in rows(server, "open_youth_care_tenders", as_of="2021-11-01")] == [300301, 400401]
    # Between the rectification and the deadline, the rectification is the procedure's latest word.
    assert [r["publication_id"] for r in rows(server, "open_youth_care_tenders", as_of="2018-07-04")] == [100131]
    # Wmo (600601) is open on 2020-03-01 but is not youth care.
    assert rows(server, "open_youth_care_tenders", as_of="2020-03-01") == []
    assert rows(server, "open_youth_care_tenders") == []  # the demo's deadlines are all past


def _days_after_first_read(db_path, days: int) -> str:
    """A moment (TENDERARCHIVE_NOW) ``days`` days after the demo's news crawl read its pages (the snapshot's
    recording: its WARC-Dates), noon in Amsterdam."""
    import sqlite3
    from datetime import date, timedelta

    (first,) = sqlite3.connect(db_path).execute(
        "select min(f.fetched_at) from fetches f join articles a on a.url = f.url where f.status = 200").fetchone()
    return f"{date.fromisoformat(first[:10]) + timedelta(days=days)}T12:00"


def test_new_this_week_lists_recent_publications_newest_first(demo_archive):
    server = Server(demo_archive, env={"TENDERARCHIVE_NOW": _days_after_first_read(demo_archive, 30)})
    try:
        recent = rows(server, "new_this_week", since="2022-03-01")
        assert [r["source_key"] for r in recent if r["published"]] == ["300377", "400466"]
        assert rows(server, "new_this_week") == []  # nothing in the demo is from the last 7 days
        assert feed(server, "new_this_week").findall(f"{ATOM}entry") == []  # an empty feed is still a feed
    finally:
        server.stop()


def test_new_this_week_lists_an_undated_news_page_in_the_week_the_archive_first_read_it(demo_archive):
    """Four of the demo's youth-care news pages give no date ("Update aanbesteding MVS Jeugdhulp", a project page);
    new_this_week lists what was published in the last 7 days, so they were never listed, nor in its feed: a
    journalist following it never heard of them. An undated page counts from the day the archive first read it
    (``first_seen``, its first fetch answered 200, Amsterdam's day), ``published`` left empty: listed in that week,
    not after it, and its feed entry is dated by that fetch."""
    import sqlite3

    url = "https://jeugdhulpmvs.nl/Informatie_en_nieuws/Nieuwsberichten/Nieuws_Update_aanbesteding_MVS_Jeugdhulp"
    (first,) = sqlite3.connect(demo_archive).execute(
        "select min(fetched_at) from fetches where url = ? and status = 200", [url]).fetchone()
    listed = {}
    for days in (3, 8):
        server = Server(demo_archive, env={"TENDERARCHIVE_NOW": _days_after_first_read(demo_archive, days)})
        try:
            listed[days] = {r["source_key"]: r for r in rows(server, "new_this_week")}
            entries = {e.findtext(f"{ATOM}id"): e.findtext(f"{ATOM}updated")
                       for e in feed(server, "new_this_week").findall(f"{ATOM}entry")}
        finally:
            server.stop()
        if days == 3:
            assert (listed[3][url]["published"], listed[3][url]["first_seen"]) == (None, first[:10])
            assert entries[f"tag:tenderarchive,2024:article:{url}"] == first
            assert all(r["first_seen"] for r in listed[3].values() if not r["published"])
    assert url not in listed[8]


@pytest.mark.parametrize("query, params", [("search_all", {"q": "inkoop jeugdhulp Heerlen"}),
                                           ("by_jeugdregio", {"jeugdregio": "Zuid-Limburg"})])
def test_an_undated_news_page_in_a_feed_is_dated_by_when_the_archive_first_read_it(server, demo_archive, query, params):
    """Heerlen's project page gives no date: in the feeds of Search everything and of its jeugdregio its entry was
    dated 1970-01-01, so a feed reader showed it as half a century old (or dropped it); new_this_week dates such an
    entry by the archive's first fetch of the page that answered 200, and these feeds now do the same."""
    import sqlite3

    url = "https://www.heerlen.nl/inkoopjeugdhulp.html"
    (first,) = sqlite3.connect(demo_archive).execute(
        "select min(fetched_at) from fetches where url = ? and status = 200", [url]).fetchone()
    entries = {e.findtext(f"{ATOM}id"): e.findtext(f"{ATOM}updated")
               for e in feed(server, query, **params).findall(f"{ATOM}entry")}
    assert first and entries[f"tag:tenderarchive,2024:article:{url}"] == first
    assert not [updated for updated in entries.values() if updated.startswith("1970")]


def _read_again_later(db_path, url: str, how: str) -> None:
    """A later crawl (a week on) wrote the archived page ``url`` again, its title and text as they were: it answered
    at a new address of its site (``moved``, ``store.writes.write_moved_article``), or the crawl's newer relevance
    model scored it anew (``rescored``, ``write_article``). Its row's ``fetched_at`` is that crawl's fetch; the crawl
    report tells the reader nothing of either (no change of the page)."""
    from tenderarchive.store.writes import open_archive, write_article, write_moved_article

    db = open_archive(db_path)
    crawl_id = db["crawls"].insert({"spider": "news", "status": "complete"}).last_pk
    later = "2026-12-08T04:00:00+00:00"
    if how == "moved":
        write_moved_article(db, {"moved": {"url": url, "address": url + "?pagina=inkoop", "fetched_at": later,
                                           "sha256": "0" * 64}}, crawl_id)
    else:
        (article,) = db.query("select * from articles where url = ?", [url])
        record = {"article": dict(article, fetched_at=later, relevance_model_score=article["relevance_model_score"]
                                  + 0.01)}
        if how == "rewritten":   # the page itself changed: a paragraph added to its text
            record["article"] = dict(article, fetched_at=later,
                                     text=article["text"] + "\n\nUpdate: de gunning is uitgesteld tot het voorjaar.")
        for key, table in (("municipalities", "article_municipalities"), ("organisations", "article_organisations"),
                           ("awardees", "article_awardees"), ("article_stages", "article_stages"),
                           ("events", "article_events")):
            record[key] = list(db.query(f"select * from {table} where url = ?", [url]))
        assert write_article(db, record, crawl_id) == "updated"
    db.close()


@pytest.mark.parametrize("how", ["moved", "rescored"])
@pytest.mark.parametrize("query, params", [("jeugdregio_nieuws", {"jeugdregio": "Zuid-Limburg"}),
                                           ("aanbesteding_nieuws", {"procurement_id": "TN160417"})])
def test_an_undated_news_page_read_again_keeps_its_date_in_the_news_feeds(demo_archive, tmp_path, how, query, params):
    """The news feeds of a jeugdregio and of a procurement dated Heerlen's undated project page by the archive's
    ``articles.fetched_at``, which a later crawl moves without the page changing (a new address of the page, a newer
    model's score): the old page came back in a feed reader as updated that week, as new, while the crawl report and
    the feeds of Search everything and of the jeugdregio (``by_jeugdregio``) kept it where it was. Such an entry is
    dated as theirs: by the archive's first fetch of the page that answered 200."""
    import sqlite3

    url = "https://www.heerlen.nl/inkoopjeugdhulp.html"
    path = shutil.copy(demo_archive, tmp_path / "later.db")
    (first,) = sqlite3.connect(path).execute(
        "select min(fetched_at) from fetches where url = ? and status = 200", [url]).fetchone()
    _read_again_later(path, url, how)
    server = Server(path)
    try:
        dated = {e.findtext(f"{ATOM}id"): e.findtext(f"{ATOM}updated")
                 for e in feed(server, query, **params).findall(f"{ATOM}entry")}
        everything = {e.findtext(f"{ATOM}id"): e.findtext(f"{ATOM}updated")
                      for e in feed(server, "by_jeugdregio", jeugdregio="Zuid-Limburg").findall(f"{ATOM}entry")}
    finally:
        server.stop()
    entry = f"tag:tenderarchive,2024:article:{url}"
    assert first and dated[entry] == everything[entry] == first


@pytest.mark.parametrize("query, params", [("search_all", {"q": "inkoop jeugdhulp Heerlen"}),
                                           ("new_this_week", {}),
                                           ("by_jeugdregio", {"jeugdregio": "Zuid-Limburg"}),
                                           ("jeugdregio_nieuws", {"jeugdregio": "Zuid-Limburg"}),
                                           ("aanbesteding_nieuws", {"procurement_id": "TN160417"})])
def test_a_news_page_rewritten_later_is_updated_in_the_feeds_when_its_text_changed(demo_archive, tmp_path, query,
                                                                                   params):
    """Heerlen's undated project page was rewritten a week after the archive first read it (a paragraph added; the
    archive keeps the earlier text in ``versions``): its feed entries kept the first fetch as ``updated``, so a feed
    reader never showed the page changed. An entry's ``updated`` is the moment it last changed (RFC 4287 §4.2.15):
    the crawl's fetch that read the new text. A later crawl that only rescored the page keeps it where it was
    (``test_an_undated_news_page_read_again_keeps_its_date_in_the_news_feeds``)."""
    import sqlite3

    url = "https://www.heerlen.nl/inkoopjeugdhulp.html"
    path = shutil.copy(demo_archive, tmp_path / "later.db")
    (first,) = sqlite3.connect(path).execute(
        "select min(fetched_at) from fetches where url = ? and status = 200", [url]).fetchone()
    _read_again_later(path, url, "rewritten")
    (changed,) = sqlite3.connect(path).execute(
        "select changed_columns from versions where table_name = 'articles' and row_key = ?", [url]).fetchone()
    assert "text" in json.loads(changed)
    server = Server(path, env={"TENDERARCHIVE_NOW": _days_after_first_read(demo_archive, 3)})
    try:
        entries = {e.findtext(f"{ATOM}id"): e.findtext(f"{ATOM}updated")
                   for e in feed(server, query, **params).findall(f"{ATOM}entry")}
    finally:
        server.stop()
    assert first < "2026-12-08" and entries[f"tag:tenderarchive,2024:article:{url}"] == "2026-12-08T04:00:00+00:00"
    assert not [updated for updated in entries.values() if updated.startswith("1970")]


def test_every_saved_search_describes_each_column_it_shows(demo_archive, server):
    """The research views describe their columns under "Kolommen" (``columns:``), but eleven saved searches of the
    README had no ``columns:`` block: ``who_won_in_jeugdregio``, ``values_per_year``, ``award_notices``,
    ``search_all``, ``changed_notices`` … described none of theirs, and an analyst reading ``with_value``,
    ``framework_maxima`` or ``source_key`` in a CSV had to read the SQL. Every column a saved search shows (and the
    columns of its variant for an older archive, ``fallback_columns``) is described, on its page too."""
    import sqlite3

    from tenderarchive import datasette_plugin

    conn = sqlite3.connect(f"file:{demo_archive}?mode=ro", uri=True)
    datasette_plugin.prepare_connection(conn, "archive", None)
    [database] = load_metadata()["databases"].values()
    undescribed = {}
    for name, query in database["queries"].items():
        for variant in ("", "fallback_"):
            if f"{variant}sql" not in query:
                continue
            sql = query[f"{variant}sql"]
            cursor = conn.execute(sql, {p: "" for p in re.findall(r":(\w+)", sql)})
            shown = {d[0] for d in cursor.description if not d[0].startswith("atom_")}
            # a variant without columns of its own is described by the query's (as tenderarchive/metadata.py shows it)
            columns = query.get(f"{variant}columns") or query.get("columns") or {}
            described = {c for c, text in columns.items() if str(text).strip()}
            if shown != described:
                undescribed[f"{variant}{name}"] = sorted(shown ^ described)
    assert undescribed == {}
    page = server.get(f"/{server.database}/who_won_in_jeugdregio").decode("utf-8")
    assert all(f"<dt>{column}</dt>" in page for column in database["queries"]["who_won_in_jeugdregio"]["columns"])


def test_every_amount_a_saved_search_shows_in_euros_has_its_exact_cents_beside_it(demo_archive):
    """An analyst sums what the CSV of a saved search gives: most amounts came as euro text ("€ 9.800.000,00") with
    their exact cents beside them (``waarde``, ``waarde_cents``), but the total of ``who_won_in_jeugdregio``, the
    awarded value of ``award_notices``, the estimate of ``lots_not_awarded``, the framework maxima of
    ``values_per_year`` and each winner's own tender value (``inschrijving``) came as text alone, which no
    spreadsheet sums. Every column a saved search fills with ``euro(…)`` has its ``…_cents`` beside it."""
    import sqlite3

    from tenderarchive import datasette_plugin
    from tenderarchive.metadata import load_metadata

    conn = sqlite3.connect(f"file:{demo_archive}?mode=ro", uri=True)
    datasette_plugin.prepare_connection(conn, "archive", None)
    [database] = load_metadata()["databases"].values()
    missing, checked = [], 0
    for name, query in database["queries"].items():
        cursor = conn.execute(query["sql"], {p: "" for p in re.findall(r":(\w+)", query["sql"])})
        columns = [d[0] for d in cursor.description]
        rows = [dict(zip(columns, row)) for row in cursor.fetchall()]
        for column in sorted(set(re.findall(r"euro\(.*?\)\s+as\s+(\w+)", query["sql"], re.S)) & set(columns)):
            if column.startswith("atom_"):
                continue
            checked += 1
            if f"{column}_cents" not in columns:
                missing.append(f"{name}.{column}")
                continue
            for row in rows:  # the text is the cents in euros (or the printed text where no exact amount)
                if row[f"{column}_cents"] is not None:
                    assert row[column] == datasette_plugin.euro(row[f"{column}_cents"]), (name, column, row)
    assert checked > 15 and missing == []


def test_a_feed_is_titled_by_the_parameters_it_was_given(server):
    """new_this_week with since=2022-03-01 lists everything since that day: its feed was still titled "New in the
    last 7 days", and every region's by_jeugdregio feed had the same title in a feed reader."""
    def title(query, **params):
        return feed(server, query, **params).findtext(f"{ATOM}title")

    assert title("new_this_week") == "New in the last 7 days"
    assert title("new_this_week", since="") == "New in the last 7 days"
    assert title("new_this_week", since="2022-03-01") == "New since 2022-03-01"
    assert title("by_jeugdregio", jeugdregio="JZ18") == "Notices and news by jeugdregio (jeugdregio: JZ18)"
    assert title("by_jeugdregio", jeugdregio="JZ18", before="2022-01-01") == \
        "Notices and news by jeugdregio (jeugdregio: JZ18, before: 2022-01-01)"


def test_today_is_amsterdams_day_not_utcs(demo_archive):
    """The saved searches took today from SQLite's date('now'), UTC's: for the first one or two hours after
    Amsterdam's midnight "the last 7 days" still began a day early, and a procurement's stage missed the
    events of the day that had begun. TENDERARCHIVE_NOW fixes the moment the site takes for now (a time
    without offset is Amsterdam's), so the day's turn can be shown at any hour."""
    def at(moment):
        return Server(demo_archive, env={"TENDERARCHIVE_NOW": moment})

    # 300377 was published on 2022-10-21: in the last 7 days until Amsterdam's 2022-10-28 ends (CEST, UTC+2)
    for moment, listed in (("2022-10-28T23:59", True), ("2022-10-29T00:30", False), ("2022-10-28T22:30Z", False)):
        server = at(moment)
        try:
            assert ("300377" in [r["source_key"] for r in rows(server, "new_this_week")]) is listed, moment
            if moment == "2022-10-29T00:30":
                # 300301's deadline is 2021-11-15 12:00 (a moment): open that morning, closed at noon
                assert rows(server, "open_youth_care_tenders") == []
        finally:
            server.stop()
    server = at("2021-11-15T11:59")
    try:
        assert [r["publication_id"] for r in rows(server, "open_youth_care_tenders")] == [300301, 400401]
    finally:
        server.stop()
    # TN243310 was announced on 2020-06-15: half an hour into that day (22:30 UTC the day before) that is its stage
    server = at("2020-06-15T00:30")
    try:
        [row] = [r for r in rows(server, "jeugdregio_aanbestedingen", jeugdregio="JZ18")
                 if r["procurement_id"] == "TN243310"]
        assert row["fase"] == "aankondiging"
        assert '<dd data-fact="Fase">aankondiging</dd>' in server.get("/-/aanbesteding?id=TN243310").decode()
    finally:
        server.stop()


@pytest.mark.parametrize("region", ["JZ18", "Holland Rijnland", "Leidse regio", "Leiden", "jz18"])
def test_by_jeugdregio_accepts_a_code_a_name_or_a_municipality(server, region):
    leiderdorp = "https://www.leiderdorp.nl/inwoner/nieuws/voorlopige_gunning_gemeentelijke_toegang_jeugdhulp_bekend"
    # The notices and the relevant news; the Wmo news item of the same site is left out.
    assert {r["source_key"] for r in rows(server, "by_jeugdregio", jeugdregio=region)} == {"200201", "200288", leiderdorp}


def test_a_notice_about_two_regions_is_listed_under_both(server):
    for region in ("IJmond", "Zuid-Kennemerland"):
        found = {r["source_key"] for r in rows(server, "by_jeugdregio", jeugdregio=region)}
        assert found - {"300301", "300377"} == {"https://www.kennemerdagblad.nl/regio/zuid-kennemerland-en-ijmond-"
                                                 "kiezen-voor-nieuwe-manier-van-samenwerken-met-aanbieders-van-jeugdhulp"}
    with pytest.raises(urllib.error.HTTPError) as refused:  # no region: 400 naming it (test_query_params.py)
        rows(server, "by_jeugdregio", jeugdregio="Atlantis")
    assert refused.value.code == 400


def test_awards_name_the_winner_when_the_notice_text_does(server):
    awards = {r["publication_id"]: r for r in rows(server, "award_notices")}
    assert set(awards) == {100190, 200288, 300377, 400466, 170101}   # 170101: the OCDS package's award
    assert awards[200288]["awarded_to"] == "het samenwerkingsverband van Cardea, Gemiva-SVG Groep, Kwadraad en MEE ZHN"
    assert awards[300377]["awarded_to"] is None
    # the total of the procedure's current awards, exact (its cents were cut off: "€ 17250000")
    assert awards[300377]["awarded_value"] == "€ 17.250.000,50"


def reading_order(date: str) -> str:
    """Where a timeline puts a date (``procurement_timeline``): a day on its day, a month ("2018-03", "eind maart
    2018") after that month's days, a year ("2019") after that year's days and months."""
    return (date + "-99-99")[:10]


def test_the_timeline_of_a_procurement_from_its_notices(server):
    timeline = rows(server, "procurement_timeline", procurement_id="TN160417")
    assert [reading_order(r["date"]) for r in timeline] == sorted(reading_order(r["date"]) for r in timeline)
    kinds = [r["kind"] for r in timeline if r["source_type"] == "notice"]
    assert kinds[0] == "tender_publication" and "rectification" in kinds and "award" in kinds
    assert "inschrijf_deadline" in kinds and {r["source_type"] for r in timeline} == {"notice", "article", "award"}
    # the award notice's lots, winners and values (its /html) are on the timeline too
    assert any(r["source_type"] == "award" and "gegund aan" in r["sentence"] and "€ 12.400.000,00" in r["sentence"]
               for r in timeline)
    assert rows(server, "procurement_timeline", procurement_id="160417") == timeline  # kenmerk alone
    assert rows(server, "procurement_timeline", procurement_id="") == []


def test_a_timeline_puts_a_month_or_year_after_the_days_it_holds(server):
    """A date known only to its month (an article's "in maart 2018", "eind maart 2017") sorted as text before that
    month's dated days ("2018-03" < "2018-03-13"): the timeline read "maart 2018: tender published" above "13 maart
    2018: tender published", a year's "2019: contract start" above "1 januari 2019: contract start". A reader takes
    a month or a year for its whole span: it comes after the days it holds (and a year after its months), before the
    next month's; days keep their order, one day's events in procedure order."""
    timeline = [(r["date"], r["kind"]) for r in rows(server, "procurement_timeline", procurement_id="TN160417")]
    dates = [date for date, _ in timeline]
    assert dates.index("2018-03") > max(i for i, d in enumerate(dates) if d.startswith("2018-03-"))
    assert dates.index("2018-03") < dates.index("2018-05-18")
    assert dates.index("2017-03") < dates.index("2017-05-31")   # "eind maart 2017" (part_of_month)
    assert min(i for i, d in enumerate(dates) if d == "2019") > dates.index("2019-01-01")
    assert dates.index("2017-08") > dates.index("2017-07-12") and dates.index("2017-08") < dates.index("2017-09-05")
    days = [d for d in dates if len(d) == 10]
    assert days == sorted(days)


def test_changed_notices_without_versions_are_rectifications_and_moved_deadlines(server):
    changed = {r["publication_id"]: r for r in rows(server, "changed_notices")}
    assert list(changed) == [100131, 100101]  # newest first
    assert changed[100131]["change"] == "rectification"
    # The rectification moved 100101's deadline; TenderNed's list still shows the first one.
    assert changed[100101]["change"] == "deadline changed"
    assert changed[100101]["deadline_first_listed"] != changed[100101]["deadline_now"]


def test_timeline_and_changes_come_from_events_and_versions_once_they_exist(demo_archive, tmp_path):
    path = shutil.copy(demo_archive, tmp_path / "later.db")
    db = sqlite_utils.Database(path)
    db["events"].insert({"event_id": "e1", "procurement_id": "TN160417", "date": "2018-06", "precision": "month",
                         "kind": "court_ruling", "stage": "kort_geding", "sentence": "Kort geding aangespannen.",
                         "source_type": "article", "source_id": "https://example.invalid/a",
                         "source_url": "https://example.invalid/a"}, pk="event_id", alter=True)
    db["versions"].insert({"table_name": "notices", "row_key": "100101", "version": 1,
                           "valid_from": "2018-03-13T10:00:00+00:00", "valid_to": "2018-07-03T10:00:00+00:00",
                           "changed_columns": '["deadline"]', "previous_values": '{"deadline": "2018-06-29"}'})
    queries = build_metadata(db, "later")["databases"]["later"]["queries"]
    assert "from events" in queries["procurement_timeline"]["sql"]
    assert "from versions" in queries["changed_notices"]["sql"]
    db.close()
    server = Server(path)
    try:
        timeline = rows(server, "procurement_timeline", procurement_id="TN160417")
        assert ("2018-06", "Kort geding aangespannen.") in [(r["date"], r["sentence"]) for r in timeline]
        assert [reading_order(r["date"]) for r in timeline] == sorted(reading_order(r["date"]) for r in timeline)
        changed = rows(server, "changed_notices")
        # a number, as in notices and in the rows without versions: it was the text "100101" (versions.row_key),
        # the same saved search's column changing type once the archive kept versions
        assert [(r["publication_id"], r["changed_columns"]) for r in changed] == [(100101, '["deadline"]')]
        assert len(feed(server, "procurement_timeline", procurement_id="TN160417").findall(f"{ATOM}entry")) == len(timeline)
    finally:
        server.stop()


def changed_notices_told(demo_archive, tmp_path, versions: list[dict]) -> tuple[dict, list[dict]]:
    """The demo archive with these `versions` rows added, served: the `changed_notices` feed's (title, text) per
    publication id, and the saved search's rows."""
    path = shutil.copy(demo_archive, tmp_path / "changes.db")
    db = sqlite_utils.Database(path)
    db["versions"].insert_all(versions, alter=True)
    db.close()
    server = Server(path)
    try:
        entries = feed(server, "changed_notices").findall(f"{ATOM}entry")
        changed = rows(server, "changed_notices")
    finally:
        server.stop()
    told = {e.findtext(f"{ATOM}id").split(":")[-2]: (e.findtext(f"{ATOM}title"), e.findtext(f"{ATOM}content"))
            for e in entries}
    return told, changed


def test_the_changed_notices_feed_tells_each_change_in_words(demo_archive, tmp_path):
    """A journalist follows ``changed_notices`` in a feed reader. Its entries gave the version as stored: the title
    "… — changed: ["deadline", "title"]", the text "was: {"deadline": …, "title": …} / now: {…}", JSON to a reader.
    The title names the columns, the text says each change "column: was → now"; a version that recorded no new
    value (an older archive) says what it was. Each column and value reads as on the research pages
    (``change_words``, refusers42): the feed said "deadline: 2018-07-06T12:00:00+02:00 → …", the stored column and
    an ISO date. The saved search's rows (and CSV) keep the stored JSON."""
    texts, changed = changed_notices_told(demo_archive, tmp_path, [
        {"table_name": "notices", "row_key": "100101", "version": 1, "valid_from": "2018-03-13T10:00:00+00:00",
         "valid_to": "2018-07-03T10:00:00+00:00", "changed_columns": '["deadline", "title"]', "crawl_id": 2,
         "previous_values": '{"deadline": "2018-07-06T12:00:00+02:00", "title": "Basishulp Jeugd Heerlen"}',
         "new_values": '{"deadline": "2018-06-30T12:00:00+02:00", "title": "Basishulp Jeugd Heerlen (herzien)"}'},
        {"table_name": "notices", "row_key": "200201", "version": 1, "valid_from": None, "crawl_id": 2,
         "valid_to": "2020-07-01T10:00:00+00:00", "changed_columns": '["buyer"]',
         "previous_values": '{"buyer": null}', "new_values": None},
        # the archive's bookkeeping alone (the list row notice 300377 was fetched with): no change a reader sees
        {"table_name": "notices", "row_key": "300377", "version": 1, "valid_from": None, "crawl_id": 2,
         "valid_to": "2020-07-02T10:00:00+00:00", "changed_columns": '["listed_as"]',
         "previous_values": '{"listed_as": null}', "new_values": '{"listed_as": "{\\"type\\": \\"AAO\\"}"}'}])
    title, text = texts["100101"]
    assert title.endswith(" — changed: Current closing date for tenders (deadline), Title of the procurement (title)")
    assert text == ("Current closing date for tenders (deadline): 6 juli 2018 12:00 → 30 juni 2018 12:00; "
                    "Title of the procurement (title): Basishulp Jeugd Heerlen → Basishulp Jeugd Heerlen (herzien)")
    assert texts["200201"][1] == "Contracting authority as named on the notice (buyer): was —"
    assert "300377" not in texts and 300377 not in {r["publication_id"] for r in changed}
    assert {r["publication_id"]: r["changed_columns"] for r in changed}[100101] == '["deadline", "title"]'


def test_a_change_feed_says_a_change_once_not_again_in_the_columns_derived_from_it(demo_archive, tmp_path):
    """TenderNed moved notice 200201 to another procedure (a changed ``kenmerk``) and dated notice 100101 anew: the
    feeds of ``changed_notices`` and of the procurement's changes (``aanbesteding_wijzigingen``) said each twice or
    thrice, "kenmerk: 243310 → 777001; procurement_id: TN243310 → TN777001", "published: … ; year_month: 2018-03 →
    2018-04", titled "changed: kenmerk, procurement_id". A column the archive derives from another changed one is
    left out, as the crawl report leaves it out; the rows keep the stored JSON."""
    said, changed = changed_notices_told(demo_archive, tmp_path, [
        {"table_name": "notices", "row_key": "200201", "version": 1, "valid_from": "2020-06-15T10:00:00+00:00",
         "valid_to": "2020-07-01T10:00:00+00:00", "changed_columns": '["kenmerk", "procurement_id"]', "crawl_id": 2,
         "previous_values": '{"kenmerk": 243310, "procurement_id": "TN243310"}',
         "new_values": '{"kenmerk": 777001, "procurement_id": "TN777001"}'},
        {"table_name": "notices", "row_key": "100101", "version": 1, "valid_from": "2018-03-13T10:00:00+00:00",
         "valid_to": "2018-07-03T10:00:00+00:00", "changed_columns": '["published", "year_month"]', "crawl_id": 2,
         "previous_values": '{"published": "2018-03-13", "year_month": "2018-03"}',
         "new_values": '{"published": "2018-04-13", "year_month": "2018-04"}'}])
    assert said["200201"][0].endswith(" — changed: Kenmerk (kenmerk)")
    assert said["200201"][1] == "Kenmerk (kenmerk): 243310 → 777001"
    assert said["100101"][0].endswith(" — changed: Publication date (published)") and said["100101"][1] == \
        "Publication date (published): 13 maart 2018 → 13 april 2018"
    assert {r["publication_id"]: r["changed_columns"] for r in changed}[200201] == '["kenmerk", "procurement_id"]'


def test_dashboards_are_configured_for_the_served_database(server):
    page = server.get("/-/dashboards/jeugdhulp").decode()
    for title in ("Publications per month", "Procedure types", "Notice types", "stages over time"):
        assert title in page
    metadata = json.loads(server.get("/-/metadata.json"))
    charts = metadata["plugins"]["datasette-dashboards"]["jeugdhulp"]["charts"]
    for chart in charts.values():
        data = json.loads(server.get(f"/{chart['db']}.json?_shape=array&sql=" + urllib.parse.quote(
            re.sub(r"\[\[.*?\]\]", "", chart["query"], flags=re.S))))  # the filter, unset
        assert data, chart["title"]


def test_atom_feeds_survive_control_characters_and_link_only_http_urls(demo_archive, tmp_path):
    """A synthetic notice whose title holds characters XML forbids and whose url is not http(s)
    (as a broken source or an older archive could hold): the feed still parses, the entry keeps
    its title without them, and it has no link."""
    from tenderarchive.store.search_index import build_search_index

    path = shutil.copy(demo_archive, tmp_path / "archive.db")
    db = sqlite_utils.Database(path)
    template = db["notices"].get(200201)
    template.update({"publication_id": 990002, "kenmerk": 990002, "procurement_id": "TN990002",
                     "title": "Jeugdhulp Kwadraatproef\x0b\x01 & <b>co</b>", "url": "javascript:window.__xss=1"})
    db["notices"].insert(template)
    template.update({"publication_id": 990003, "kenmerk": 990003, "procurement_id": "TN990003",
                     "title": "Jeugdhulp Spatieproef", "url": "https://www.tenderned.nl/aankondigingen/jeugd hulp|1"})
    db["notices"].insert(template)
    build_search_index(db)
    db.close()
    server = Server(path)
    try:
        root = feed(server, "search_all", q="Kwadraatproef")
        spaced = feed(server, "search_all", q="Spatieproef")
    finally:
        server.stop()
    [entry] = root.findall(f"{ATOM}entry")
    assert entry.find(f"{ATOM}title").text == "Jeugdhulp Kwadraatproef & <b>co</b>"
    assert entry.findall(f"{ATOM}link") == []
    # an address with a space is no IRI reference (RFC 4287 §4.2.7.1): it is linked percent-encoded
    [entry] = spaced.findall(f"{ATOM}entry")
    assert [link.get("href") for link in entry.findall(f"{ATOM}link")] == [
        "https://www.tenderned.nl/aankondigingen/jeugd%20hulp%7C1"]
    assert [link.get("href") for link in root.findall(f"{ATOM}link")][0].startswith("http://127.0.0.1:")


def test_every_stage_the_demo_archive_holds_is_a_stage_id(demo_archive):
    """docs/reference/stages.md: no id outside the list is ever stored, shown or scored as a stage."""
    from tenderarchive.analysis.vocabulary import STAGE_ORDER

    db = sqlite_utils.Database(demo_archive)
    stored = {(table, row[0]) for table, column in (("events", "stage"), ("article_events", "stage"),
                                                    ("article_stages", "stage"), ("articles", "primary_stage"))
              for row in db.execute(f"select distinct {column} from {table} where {column} is not null")}
    assert stored and {stage for _, stage in stored} <= set(STAGE_ORDER), stored


def test_no_saved_search_hides_a_table_or_view(server, demo_archive):
    """Datasette serves a saved search before a table of the same name: the saved search ``awards``
    made the awards table (who won which lot, ``current``, its facets) unreachable at /db/awards,
    and its CSV was the newest 100 award notices. Every table and view keeps its own page."""
    queries = set(load_metadata()["databases"]["archive"]["queries"])
    db = sqlite_utils.Database(demo_archive)
    names = set(db.table_names()) | set(db.view_names())
    assert not queries & names
    page = json.loads(server.get(f"/{server.database}/awards.json?_size=max"))
    assert page["table"] == "awards" and "current" in page["columns"]
    assert page["filtered_table_rows_count"] == db["awards"].count == len(page["rows"])


def test_every_saved_search_page_is_titled_by_its_title(server):
    """A saved search's page had Datasette's title, the database and the SQL ("archive: with cut as materialized (
    -- the 10,001st newest match …"): the browser's tab, a bookmark and the first thing a screen reader reads out
    were SQL. It is the search's title; SQL typed in keeps Datasette's title."""
    import html

    queries = load_metadata()["databases"]["archive"]["queries"]
    for name, query in queries.items():
        page = server.get(f"/{server.database}/{name}?{urllib.parse.urlencode(SAMPLE_PARAMS)}").decode("utf-8")
        [title] = re.findall(r"<title>(.*?)</title>", page, re.S)
        assert html.unescape(title).strip() == f"{query.get('title') or name} — tenderarchive", name
    typed = server.get(f"/{server.database}?sql=select+1+as+one").decode("utf-8")
    assert "<title>archive: select 1 as one</title>" in typed.replace(server.database, "archive")


def test_events_of_one_day_are_in_procedure_order_on_the_timeline(demo_archive, tmp_path):
    """Events of one day were ordered by their event id, a hash: an award notice's signing
    (``contract_ondertekend``) or an article's ``bezwaar`` could come before the award
    (``definitieve_gunning``) it follows. One day's events are in the order of
    docs/reference/stages.md, the event id only breaking ties."""
    from tenderarchive.analysis.vocabulary import STAGE_RANK

    path = shutil.copy(demo_archive, tmp_path / "same-day.db")
    db = sqlite_utils.Database(path)
    day = "2018-11-20"  # the day of TN160417's award notice
    # ids that sort against the procedure: the later stage has the smaller id
    db["events"].insert_all([
        {"event_id": "0000-contractstart", "procurement_id": "TN160417", "date": day, "precision": "day",
         "kind": "contract_start", "stage": "contractstart", "sentence": "De contracten gaan in.",
         "source_type": "article", "source_id": "https://example.invalid/a", "source_url": "https://example.invalid/a"},
        {"event_id": "0001-bezwaar", "procurement_id": "TN160417", "date": day, "precision": "day",
         "kind": "objection", "stage": "bezwaar", "sentence": "Een aanbieder maakt bezwaar.",
         "source_type": "article", "source_id": "https://example.invalid/b", "source_url": "https://example.invalid/b"},
    ], pk="event_id", alter=True)
    db.close()
    server = Server(path)
    try:
        timeline = rows(server, "procurement_timeline", procurement_id="TN160417")
        staged = [r["stage"] for r in timeline if r["date"] == day and r["stage"]]
        assert {"definitieve_gunning", "bezwaar", "contractstart"} <= set(staged)
        assert staged == sorted(staged, key=STAGE_RANK.get)
        assert [reading_order(r["date"]) for r in timeline] == sorted(reading_order(r["date"]) for r in timeline)
    finally:
        server.stop()


def test_every_saved_search_writes_money_as_dutch_euros_with_thousands_dots(server):
    """awards_by_region_year and lots_not_awarded wrote their values (and their feeds' texts) as "€ 11250000,50",
    where every other search, page and feed writes "€ 11.250.000,50" (SQL function ``euro``): the same award read
    two ways in two lists. Every amount in every saved search's rows and Atom entries is written one way."""
    queries = load_metadata()["databases"]["archive"]["queries"]
    params = {"jeugdregio": "JZ11", "opdrachtgever": "GM0392", "aanbieder": "kvk:34012345",
              "procurement_id": "TN312877", "q": "jeugdhulp"}
    amounts = 0
    for name, query in queries.items():
        given = {p: params.get(p, "") for p in query.get("params", [])}
        texts = [str(v) for row in rows(server, name, **given) for v in row.values() if v is not None]
        texts += [e.text or "" for e in feed(server, name, **given).iter() if e.tag in (f"{ATOM}title", f"{ATOM}content")]
        for text in texts:
            for amount in re.findall(r"€ ?[\d.,]+\d", text):
                amounts += 1
                assert re.fullmatch(r"€ -?\d{1,3}(\.\d{3})*,\d\d", amount), (name, amount, text[:120])
    assert amounts > 50


def test_a_feeds_updated_is_its_latest_entry_by_the_moment_not_by_the_text(server):
    """A feed's ``updated`` was the greatest ``atom_updated`` text: of a notice published at 09:00 in Amsterdam
    ("…T09:00:00+01:00", 08:00 UTC) and a news page first read at 08:30 UTC ("…T08:30:00+00:00"), the notice's,
    half an hour before the feed last changed. It is the latest moment. A query of the SQL page with an id, title and
    updated alone (no content, no link) was an error page (HTTP 500): each entry's title is its content."""
    sql = ("select 'tag:x,2026:a' as atom_id, 'news' as atom_title, '2026-12-08T08:30:00+00:00' as atom_updated "
           "union all select 'tag:x,2026:b', 'notice', '2026-12-08T09:00:00+01:00' "
           "union all select 'tag:x,2026:c', 'older', '2026-12-07T23:59:00+00:00'")
    root = ET.fromstring(server.get(f"/{server.database}.atom?" + urllib.parse.urlencode({"sql": sql})))
    assert root.findtext(f"{ATOM}updated") == "2026-12-08T08:30:00+00:00"
    entries = {e.findtext(f"{ATOM}id"): e for e in root.findall(f"{ATOM}entry")}
    assert {key: e.findtext(f"{ATOM}content") for key, e in entries.items()} == {
        "tag:x,2026:a": "news", "tag:x,2026:b": "notice", "tag:x,2026:c": "older"}
    assert entries["tag:x,2026:b"].findtext(f"{ATOM}updated") == "2026-12-08T09:00:00+01:00"


def test_an_open_tender_whose_deadline_moved_is_updated_in_its_feed(demo_archive, tmp_path):
    """The feed of open tenders dated each entry by its notice's publication: when a later crawl read the notice with
    a moved deadline (the archive keeps the earlier one in ``versions``), a feed reader never showed the entry
    changed. Its ``updated`` is the moment that crawl read the change; a version of the archive's bookkeeping alone
    (the list row the notice was fetched with) moves nothing."""
    import sqlite3

    path = shutil.copy(demo_archive, tmp_path / "moved.db")
    with sqlite3.connect(path) as conn:
        conn.execute("insert into versions (table_name, row_key, version, valid_from, valid_to, changed_columns, "
                     "previous_values, new_values) values ('notices', '100131', 1, '2018-07-03T10:00:00+00:00', "
                     "'2018-07-04T09:00:00+00:00', '[\"deadline\"]', '{\"deadline\": \"2018-07-05T12:00:00+02:00\"}', "
                     "'{\"deadline\": \"2018-07-06T12:00:00+02:00\"}'), "
                     "('notices', '100131', 2, '2018-07-04T09:00:00+00:00', '2018-07-05T09:00:00+00:00', "
                     "'[\"listed_as\"]', '{\"listed_as\": null}', '{\"listed_as\": \"x\"}')")
    conn.close()
    server = Server(path)
    try:
        entries = {e.findtext(f"{ATOM}id"): e.findtext(f"{ATOM}updated")
                   for e in feed(server, "open_youth_care_tenders", as_of="2018-07-04").findall(f"{ATOM}entry")}
        before = {e.findtext(f"{ATOM}id"): e.findtext(f"{ATOM}updated")
                  for e in feed(server, "open_youth_care_tenders", as_of="2018-03-20").findall(f"{ATOM}entry")}
    finally:
        server.stop()
    assert entries["tag:tenderarchive,2024:notice:100131"] == "2018-07-04T09:00:00+00:00"
    assert before["tag:tenderarchive,2024:notice:100101"].startswith("2018-03-13")   # no version: its publication


@pytest.mark.parametrize("query, params", [("search_all", {"q": "gunning"}), ("new_this_week", {"since": "2000-01-01"}),
                                           ("by_jeugdregio", {"jeugdregio": "JZ18"})])
def test_a_news_pages_feed_entry_names_its_site_as_the_registry_gives_it(server, query, params):
    """A journalist subscribed to a saved search's feed read a news page's entry as "leiderdorp: <its text>", the
    registry's short name, and no author. The entry names the site as the news crawl recorded its registry entry's
    title ("Gemeente Leiderdorp (synthetic fixture)", the demo registry's), first in its content and as its author;
    a notice's entry its buyer as before."""
    page = "https://www.leiderdorp.nl/inwoner/nieuws/voorlopige_gunning_gemeentelijke_toegang_jeugdhulp_bekend"
    entries = {e.find(f"{ATOM}link").get("href"): e for e in feed(server, query, **params).findall(f"{ATOM}entry")}
    entry = entries[page]
    assert entry.findtext(f"{ATOM}author/{ATOM}name") == "Gemeente Leiderdorp (synthetic fixture)"
    assert entry.findtext(f"{ATOM}content").startswith("Gemeente Leiderdorp (synthetic fixture): ")
    notices = [e for href, e in entries.items() if "tenderned.nl" in href]
    assert notices and all(e.findtext(f"{ATOM}content").startswith(e.findtext(f"{ATOM}author/{ATOM}name") + ": ")
                           for e in notices if e.find(f"{ATOM}author") is not None)


def test_a_saved_searchs_title_names_no_value_its_columns_lack(server):
    """``values_per_year`` was "Estimated and awarded values per year", its columns awarded values and framework
    maxima alone (summary_region_years keeps no estimated value): a researcher looked for the estimates. A title
    that says estimated (geraamd) values has a column of them; the tables' descriptions name the searches by their
    titles. Served on the demo archive (SYNTHETIC)."""
    queries = load_metadata()["databases"]["archive"]["queries"]
    for name, query in queries.items():
        columns = json.loads(server.get(f"/archive/{name}.json?_size=1"))["columns"] \
            if not query.get("params") else list(query.get("columns") or {})
        if re.search(r"(?i)\b(?:estimated|geraamde?)\b", query.get("title", "")):
            assert any(re.search(r"estimated|geraamd", c) for c in columns), (name, query["title"], columns)
    assert queries["values_per_year"]["title"] == "Awarded values per year"
    page = server.get("/archive/values_per_year").decode()
    assert "<h1>Awarded values per year</h1>" in page or ">Awarded values per year<" in page
    from tests.conftest import ROOT

    described = (ROOT / "tenderarchive" / "datasette" / "tables" / "summary_region_years.yaml").read_text()
    assert "Estimated and awarded" not in described and "Awarded values per year" in described


def test_contracts_dated_to_their_month_sort_after_that_months_days_newest_first(demo_archive, tmp_path):
    """An award dated to its month only ("2022-10": a notice printing "oktober 2022") sorted as text below that
    month's days in the contracts listings, newest first ("2022-10-10" > "2022-10"), where the timeline puts a month
    after its days (``date_order``): a reader of "newest first" saw "oktober 2022" under "10 oktober 2022". It sorts
    by ``date_order`` as the timeline does; days keep their order. SYNTHETIC: the demo's lot 2 of TN312877 so dated."""
    path = shutil.copy(demo_archive, tmp_path / "months.db")
    with sqlite3.connect(path) as db:
        db.execute("update awards set award_date = '2022-10', contract_date = null "
                   "where award_id = 'TN312877/300377/LOT-0002'")
        db.execute("update award_suppliers set award_date = '2022-10', contract_date = null "
                   "where award_id = 'TN312877/300377/LOT-0002'")
    server = Server(path)
    try:
        buyer = rows(server, "opdrachtgever_contracten", opdrachtgever="GM0392")
        dates = [r["gegund_op"] for r in buyer if r["gegund_op"]]
        assert "2022-10" in dates and "2022-10-10" in dates
        assert [reading_order(d) for d in dates] == sorted((reading_order(d) for d in dates), reverse=True)
        provider = rows(server, "aanbieder_contracten", aanbieder="34067890")
        assert [r["gegund_op"] for r in provider][:1] == ["2022-10"]
    finally:
        server.stop()


def _month_dated(demo_archive, path):
    """A copy of the demo archive whose lot 2 of TN312877 was awarded in October 2022, known to the month only, and its
    region's lots (TN312877's jeugdregio)."""
    path = shutil.copy(demo_archive, path)
    with sqlite3.connect(path) as db:
        db.execute("update awards set award_date = '2022-10', contract_date = null "
                   "where award_id = 'TN312877/300377/LOT-0002'")
        db.execute("update award_suppliers set award_date = '2022-10', contract_date = null "
                   "where award_id = 'TN312877/300377/LOT-0002'")
        region = db.execute("select jeugdregio_code from summary_region_lots where award_id = "
                            "'TN312877/300377/LOT-0002'").fetchone()[0]
    return path, region


def test_a_regions_lots_dated_to_their_month_sort_after_that_months_days_newest_first(demo_archive, tmp_path):
    """``jeugdregio_percelen`` (newest first) sorted by ``summary_region_lots.gegund_op`` as text: a lot awarded in a
    month only ("2022-10") stood below that month's days ("2022-10-10"), where the timeline and the contracts listings
    put it after them (``date_order``). It sorts by ``gegund_order``, the timeline's key the derivation stores, read by
    its index (``summary_region_lots_by_date``), no sort of the region's rows. SYNTHETIC: the demo's lot 2 of TN312877
    so dated, summarised again."""
    from tenderarchive.datasette_plugin import register_functions
    from tenderarchive.store.summaries import refresh_summaries
    from tenderarchive.store.writes import open_archive

    path, region = _month_dated(demo_archive, tmp_path / "months.db")
    db = open_archive(path)
    refresh_summaries(db, full=True)
    db.conn.commit()
    assert db.execute("select gegund_order from summary_region_lots where award_id = "
                      "'TN312877/300377/LOT-0002'").fetchone()[0] == "2022-10-99"
    register_functions(db.conn)
    sql = load_metadata()["databases"]["archive"]["queries"]["jeugdregio_percelen"]["sql"]
    plan = [r[3] for r in db.execute("explain query plan " + sql, {"jeugdregio": region, "pagina": "1"})
            if r[1] == 0]  # the page's own steps, not a correlated subquery's over one award's winners
    assert "SEARCH r USING INDEX summary_region_lots_by_date (jeugdregio_code=?)" in plan, plan
    assert not any("TEMP B-TREE FOR ORDER BY" in step for step in plan), plan
    db.close()
    server = Server(path)
    try:
        dates = [r["gegund_op"] for r in rows(server, "jeugdregio_percelen", jeugdregio=region, pagina="alle")
                 if r["gegund_op"]]
        assert "2022-10" in dates and "2022-10-10" in dates
        assert dates.index("2022-10") < dates.index("2022-10-10")
        assert [reading_order(d) for d in dates] == sorted((reading_order(d) for d in dates), reverse=True)
    finally:
        server.stop()


def test_an_archive_summarised_before_the_lots_order_key_gains_it_on_opening(demo_archive, tmp_path):
    """An archive whose ``summary_region_lots`` has no ``gegund_order`` (summarised before it) is served, unmigrated, in
    the timeline's order (``date_order(r.gegund_op)`` in its place, metadata.COLUMN_STANDINS), and on opening for a
    crawl gains the column, filled as the derivation fills it, and its index in place of ``summary_region_lots_order``
    of gegund_op as text. SYNTHETIC: the demo archive, lot 2 of TN312877 dated to October 2022."""
    from tenderarchive.store.summaries import refresh_summaries
    from tenderarchive.store.writes import open_archive
    from tenderarchive.timeline import date_order

    path, region = _month_dated(demo_archive, tmp_path / "older.db")
    db = open_archive(path)
    refresh_summaries(db, full=True)
    db.conn.commit()
    db.close()
    with sqlite3.connect(path) as conn:
        conn.execute("drop index summary_region_lots_by_date")
        conn.execute("alter table summary_region_lots drop column gegund_order")
        conn.execute("create index summary_region_lots_order on summary_region_lots "
                     "(jeugdregio_code, gegund_op desc, procurement_id, lot_id)")
        conn.execute("pragma user_version = 0")
    conn.close()
    server = Server(path)
    try:
        dates = [r["gegund_op"] for r in rows(server, "jeugdregio_percelen", jeugdregio=region, pagina="alle")
                 if r["gegund_op"]]
        assert dates.index("2022-10") < dates.index("2022-10-10")
    finally:
        server.stop()
    db = open_archive(path)
    stored = db.execute("select gegund_op, gegund_order from summary_region_lots").fetchall()
    assert stored and all(key == date_order(day) for day, key in stored)
    assert ("2022-10", "2022-10-99") in stored
    indexes = {r[0] for r in db.execute("select name from sqlite_master where tbl_name = 'summary_region_lots'")}
    assert "summary_region_lots_by_date" in indexes and "summary_region_lots_order" not in indexes
    db.close()


@pytest.mark.parametrize("bound", ["2021-01-15", "2021-01-31", "2021-02-01", "2021-02", "2021", "2022-01-01"])
def test_a_date_known_to_its_month_is_within_it_for_the_date_filters(bound):
    """The one meaning of the saved searches' date filters (``timeline.date_filter_sql``, ``__SINCE__``/``__BEFORE__``):
    a date known to its month or year only ("2021-01", "2021") is within it, where the timeline puts it (after its days):
    before a day only when its whole month is, on or after a day of it; a bound given to its month is its first day.
    Before and on or after split every date, NULL is neither. Compared as text, "2021-01" was before every January day
    and not on or after any. Run by SQLite itself."""
    from tenderarchive.timeline import date_filter_sql, date_order

    dates = ["2021-01", "2021", "2021-01-15", "2021-01-31", "2020-12-31", "2021-02-01", "2020-12", "2021-02", None]
    start = (bound + "-01-01")[:10]
    conn = sqlite3.connect(":memory:")
    for date in dates:
        before, since = conn.execute(f"select {date_filter_sql('?1', '?2', before=True)}, {date_filter_sql('?1', '?2')}",
                                     [date, bound]).fetchone()
        if date is None:
            assert (before, since) == (None, None)
        else:
            assert before == (date_order(date) < start) and since == (not before), (date, bound, before, since)


def test_the_voor_and_since_filters_take_a_month_dated_award_or_page_as_within_its_month(demo_archive, tmp_path):
    """``aanbieder_contracten`` ``voor`` compared award dates as text: an award of October 2022 known to the month only
    ("2022-10") counted as before 31 October 2022; ``new_this_week`` ``since`` left a page published in January 2021
    out of "since 15 January 2021". Both read ``timeline.date_filter_sql``: the month is within itself, so before a day
    only when all of it is, since a day of it. SYNTHETIC: the demo's lot 2 of TN312877 and one news page so dated."""
    from datetime import date, timedelta

    path, _ = _month_dated(demo_archive, tmp_path / "filters.db")
    with sqlite3.connect(path) as db:
        url = db.execute("select source_key from search_documents where source_table = 'articles' "
                         "and coalesce(youth_care, 1) = 1 order by doc_id limit 1").fetchone()[0]
        db.execute("update search_documents set published = '2021-01', published_at = null where source_key = ?", [url])
        other = db.execute("select s.organisation_id from award_suppliers s where length(s.award_date) = 10 "
                           "and s.organisation_id not like 'name:%' order by s.award_date desc limit 1").fetchone()[0]
    server = Server(path)
    try:
        def awarded(voor):
            return [r["gegund_op"] for r in rows(server, "aanbieder_contracten", aanbieder="34067890", voor=voor)]

        assert "2022-10" not in awarded("2022-10-31") and "2022-10" not in awarded("2022-10-01")
        assert "2022-10" in awarded("2022-11-01")
        # a day is before the next day, not before itself, as before
        day = [r["gegund_op"] for r in rows(server, "aanbieder_contracten", aanbieder=other)][0]
        after = (date.fromisoformat(day) + timedelta(days=1)).isoformat()
        assert day in [r["gegund_op"] for r in rows(server, "aanbieder_contracten", aanbieder=other, voor=after)]
        assert day not in [r["gegund_op"] for r in rows(server, "aanbieder_contracten", aanbieder=other, voor=day)]

        def new(since):
            return [r["source_key"] for r in rows(server, "new_this_week", since=since)]

        assert url in new("2021-01-15") and url in new("2021-01-31") and url in new("2020-12-31")
        assert url not in new("2021-02-01")
    finally:
        server.stop()
