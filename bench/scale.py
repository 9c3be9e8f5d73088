"""Scale benchmark (issue 14): a big archive in the project's own schema, served by a real
``tenderarchive serve`` on 127.0.0.1, every page timed beside the same SQL in raw sqlite3.

    make bench-scale                       (N = 1,000,000 notices, M = 200,000 articles)
    .venv/bin/python bench/scale.py --small          (20,000 + 4,000: CI size)
    .venv/bin/python bench/scale.py --notices 200000 --articles 40000 --requests 50

Steps, each timed and printed:

1. **build**: a synthetic archive (every row labelled synthetic: the crawl's note says so, every
   URL is ``*.example.invalid``) written through the project's store: the schema and reference
   data of ``tenderarchive/store/schema.py`` (``open_archive``), then the item tables
   (notices with CPV codes, documents and places; award data of award notices; articles with
   places, stages and events) in one transaction per batch of rows with sqlite-utils'
   ``insert_all`` — the rows a crawl writes, without parsing responses;
2. **derive**: the project's derivation step (``tenderarchive/derive.py``), timed per step:
   procurements, notice events, award currency, links, and the search index
   (``tenderarchive/store/search_index.py``) — the "index time";
3. **size**: bytes on disk per notice and per article (SQLite's ``dbstat`` per table);
4. **serve**: ``tenderarchive serve`` on a free loopback port. For
   every saved search, every table page with its default facets, the dashboard (page and every
   chart's query, as the browser fetches them), ``/-/search`` (its redirect and the saved
   search ``search_all`` it leads to) and the table searches of ``notices`` and ``articles``, and an
   empty query page (Datasette's fixed cost): the page is requested from a second, traced Datasette
   built in this process as ``serve`` builds it, whose connections record every statement it runs
   (:class:`Traced`, :func:`page_sql`: the page's queries, count, facets and the schema look-ups it
   runs, no more, no less; a warm page of an archive served immutable runs none, ``serve`` keeps them), then ``--requests`` timed requests to the served page, then the same statements
   the same number of times in raw sqlite3 (the plugin's SQL functions registered, the file opened
   read-only; each statement's rows read to the end, or as far as the page read them: Datasette stops a
   query of more than ``max_returned_rows`` rows at 1,001). Printed: p50/p95 of each and the ratio of
   the p50s; beside them (``note``) a second baseline, the ``sqlite3`` command-line shell running the
   same statements, process start included (``--no-shell`` to skip; none for a page whose SQL calls
   one of the archive's own SQL functions, which the shell does not have), and the CPU milliseconds
   of the server process (every thread) against raw sqlite3's (``cpu``: on a loaded machine the wall
   clock of both sides is mostly waiting for a core). The page, its raw statements and the shell are
   timed in turn, round by round, the order reversed every other round (:func:`timed_rounds`).

``ratio`` is Datasette's p50 over raw sqlite3's; ``+ms`` the difference: on a query that takes
well under a millisecond the ratio only measures Datasette's fixed cost of rendering a page (the
``fixed cost`` targets: ≈ 3–5 ms for an empty query page, ≈ 4–6 ms for a near-empty table page on
this machine since branch pages23, ≈ 10 ms before), so read the two together. ``--compare DIR`` times another checkout's server beside
this one, request by request, for a before/after under the same load.

Written here rather than with a load-testing tool because what is compared is one page against
its own SQL, sequentially, on one machine; a concurrent load generator would measure the two
shared cores instead. A target whose first timed request takes longer than ``--slow`` seconds is
measured with ``--slow-requests`` repetitions (so a million-row run ends), and the table says so.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import hashlib
import json
import os
import random
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.parse
from datetime import date, timedelta
from pathlib import Path

import httpx
from datasette.utils import escape_fts

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tenderarchive import datasette_plugin  # noqa: E402
from tenderarchive.metadata import load_metadata  # noqa: E402
from tenderarchive.store.schema import TABLES, VIEWS  # noqa: E402

SYNTHETIC_NOTE = "synthetic scale benchmark (bench/scale.py)"
BATCH = 5_000

TOPICS = [("Jeugdhulp", 1, "85311300-5"), ("Specialistische jeugdzorg", 1, "85311300-5"),
          ("Jeugd-GGZ en ambulante jeugdhulp", 1, "85312300-2"), ("Wmo begeleiding", 0, "85311200-4"),
          ("Schoonmaakdiensten", 0, "90910000-9"), ("ICT-werkplekbeheer", 0, "72000000-5"),
          ("Leerlingenvervoer", 0, "60130000-8"), ("Groenonderhoud", 0, "77310000-6"),
          ("Accountantsdiensten", 0, "79212000-3"), ("Bouw van een brede school", 0, "45214200-2"),
          ("Huishoudelijke ondersteuning", 0, "85320000-8"), ("Catering", 0, "55520000-1")]
SENTENCES = [
    "De gemeente wil de dienstverlening aan inwoners verbeteren en zoekt daarvoor een opdrachtnemer.",
    "Deze aanbesteding betreft de inkoop van {topic} voor de deelnemende gemeenten in de regio.",
    "Inschrijvers dienen te voldoen aan de geschiktheidseisen zoals opgenomen in de aanbestedingsleidraad.",
    "De opdracht wordt gegund op basis van de beste prijs-kwaliteitverhouding.",
    "Vragen kunnen worden gesteld via TenderNed tot de in de planning genoemde datum.",
    "De overeenkomst heeft een looptijd van drie jaar met twee keer een optie tot verlenging van een jaar.",
    "Er is sprake van een raamovereenkomst met meerdere zorgaanbieders per perceel.",
    "Het sociaal domein staat onder druk door stijgende kosten en wachtlijsten.",
    "De Nota van Inlichtingen wordt gepubliceerd op TenderNed en maakt deel uit van de stukken.",
    "Perceel 1 betreft ambulante ondersteuning, perceel 2 verblijf en perceel 3 crisiszorg.",
    "De wethouder licht toe dat de raad in het voorjaar een besluit neemt over de inkoopstrategie.",
    "Zorgaanbieders konden zich tot eind van de maand inschrijven voor de nieuwe contracten.",
    "Na de voorlopige gunning geldt een opschortende termijn van twintig dagen.",
    "Een van de afgewezen inschrijvers heeft een kort geding aangespannen tegen de regio.",
    "De nieuwe contracten gaan op 1 januari in en de transitie wordt zorgvuldig begeleid.",
]
NOTICE_TYPES = {"VAK": "Vooraankondiging", "MAC": "Marktconsultatie", "AAO": "Aankondiging van een opdracht",
                "REC": "Rectificatie", "AGO": "Aankondiging van een gegunde opdracht", "VBE": "Vroegtijdige beëindiging"}
SEQUENCES = [["AAO"], ["AAO", "AGO"], ["AAO", "REC", "AGO"], ["VAK", "AAO", "AGO"], ["MAC", "AAO"],
             ["AAO", "VBE"], ["AGO"]]
PROCEDURES = [("OPE", "Openbaar"), ("NOG", "Niet-openbaar"), ("EAN", "Enkelvoudig onderhands"),
              ("MOG", "Meervoudig onderhands"), ("SOC", "Sociale en andere specifieke diensten")]
STAGES = ["marktconsultatie", "aankondiging", "inschrijving", "voorlopige_gunning", "definitieve_gunning",
          "kort_geding", "contractstart", "verlenging"]
PROVIDERS = [f"Zorgaanbieder {name} {form}" for name in ("De Linde", "Kompas", "Horizon", "Het Anker", "Lindenhout",
                                                          "Pluryn", "Kwadrant", "Combinatie Jeugdzorg", "Levvel",
                                                          "Timon", "Youké", "Entrea")
             for form in ("B.V.", "Stichting", "Coöperatie U.A.")]


# --- 1. build -------------------------------------------------------------------------------------

def _text(rng: random.Random, topic: str, sentences: int) -> str:
    return " ".join(rng.choice(SENTENCES).format(topic=topic.lower()) for _ in range(sentences))


def _sha(*parts) -> str:
    return hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()


def notice_rows(n: int, places: list[dict], rng: random.Random, offset: int = 0, kenmerk_after: int | None = None):
    """Yield ``(table, row)`` of ``n`` synthetic notices grouped into procedures (publication
    ids after the first ``offset`` notices', kenmerken after ``kenmerk_after``, so a later crawl
    adds new ones). A later crawl passes the archive's highest kenmerk, as TenderNed numbers a
    new procedure after the last: a kenmerk derived from the notice count would jump to seven
    digits at a million notices, and ``TN1100001`` sorts as text before ``TN130000``."""
    start, days = date(2016, 1, 1), 3650
    made, kenmerk = 0, (100000 + offset if kenmerk_after is None else kenmerk_after)
    while made < n:
        kenmerk += 1
        topic, youth, cpv = TOPICS[rng.randrange(len(TOPICS))] if rng.random() > 0.1 else TOPICS[0]
        place = rng.choice(places)
        buyer = f"Gemeente {place['name']}"
        procedure = rng.choice(PROCEDURES)
        sequence = rng.choice(SEQUENCES)[: n - made]
        day = start + timedelta(days=rng.randrange(days))
        for step, notice_type in enumerate(sequence):
            made += 1
            pid = 1_000_000 + offset + made
            published = day + timedelta(days=45 * step)
            fetched = f"{published.isoformat()}T08:00:00+00:00"
            awarded = notice_type == "AGO"
            deadline = (f"{(published + timedelta(days=rng.randrange(20, 60))).isoformat()}T12:00:00+01:00"
                        if notice_type in ("AAO", "REC", "MAC") else None)
            url = f"https://www.tenderned.example.invalid/aankondigingen/overzicht/{pid}"
            yield "notices", {
                "publication_id": pid, "kenmerk": kenmerk, "procurement_id": f"TN{kenmerk}",
                "notice_type": notice_type, "notice_type_label": NOTICE_TYPES[notice_type],
                "form_code": "E2", "form_label": "Aankondiging", "title": f"{topic} {place['name']} {published.year}",
                "description": _text(rng, topic, rng.randrange(3, 9)), "buyer": buyer, "buyer_official": buyer,
                "published": published.isoformat(), "published_at": f"{published.isoformat()}T09:00:00+01:00",
                "year": published.year, "year_month": published.isoformat()[:7],
                "deadline": deadline, "deadline_placeholder": 0, "deadline_list": deadline,
                "procedure": procedure[0], "procedure_label": procedure[1],
                "contract_type": "DIE", "contract_type_label": "Diensten", "contract_nature": "SER",
                "contract_nature_label": "Diensten", "legal_framework": "AW2012", "legal_framework_label": "Aanbestedingswet 2012",
                "is_european": int(rng.random() < 0.5), "cpv_main": cpv, "cpv_main_8": cpv[:8], "cpv_main_label": topic,
                "nuts": "NL", "is_awarded": int(awarded), "is_cancelled": int(notice_type == "VBE"), "is_digital": 1,
                "url": url, "youth_care": youth, "youth_care_reasons": json.dumps(["cpv:" + cpv]) if youth else None,
                "buyer_id": place["cbs_code"], "jeugdregio_code": place["jeugdregio_code"],
                "award_only": int(sequence == ["AGO"]), "status": "Gepubliceerd", "is_completed": int(awarded),
                "source_url": url, "fetched_at": fetched, "sha256": _sha(pid), "crawl_id": 1,
            }
            yield "notice_cpv", {"publication_id": pid, "cpv": cpv, "cpv_8": cpv[:8], "label": topic, "is_main": 1}
            yield "notice_municipalities", {"publication_id": pid, "cbs_code": place["cbs_code"], "name": place["name"],
                                            "jeugdregio_code": place["jeugdregio_code"], "matched": place["name"]}
            yield "documents", {"document_id": f"D{pid}", "publication_id": pid, "name": "Aanbestedingsleidraad.pdf",
                                "file_type": "pdf", "category": "DOC", "category_label": "Aanbestedingsdocumenten",
                                "published": published.isoformat(), "size_bytes": rng.randrange(10**4, 10**7),
                                "virus_flag": 0, "download_url": url + "/documenten", "source_url": url,
                                "fetched_at": fetched, "sha256": _sha(pid), "crawl_id": 1}
            if awarded:
                yield from _award_rows(rng, kenmerk, pid, published, url, fetched)


def _award_rows(rng, kenmerk, pid, published, url, fetched):
    procurement_id = f"TN{kenmerk}"
    provenance = {"source_url": url + "/html", "fetched_at": fetched, "sha256": _sha(pid, "html"), "crawl_id": 1}
    cents = rng.randrange(10**7, 10**10)
    yield "notice_results", {"publication_id": pid, "procurement_id": procurement_id, "layout": "eforms",
                             "language": "nl", "lot_count": 1, "award_count": 1, "supplier_count": 1,
                             "total_awarded_cents": cents, "total_awarded_raw": f"{cents / 100:.2f}",
                             "total_awarded_currency": "EUR", "total_awarded_placeholder": 0, **provenance}
    yield "lots", {"procurement_id": procurement_id, "lot_id": "1", "source_lot_id": "LOT-0001", "publication_id": pid,
                   "title": "Perceel 1", "awarded": 1, "tenders_received": rng.randrange(1, 12),
                   "source": "tenderned_html", **provenance}
    award_id = f"{procurement_id}/{pid}/LOT-0001"
    yield "awards", {"award_id": award_id, "procurement_id": procurement_id, "lot_id": "1", "source_lot_id": "LOT-0001",
                     "publication_id": pid, "award_date": published.isoformat(), "value_cents": cents,
                     "value_raw": f"{cents / 100:.2f}", "value_currency": "EUR", "value_placeholder": 0,
                     "winner_count": 1, "year": published.year, "source": "tenderned_html", **provenance}
    provider = rng.choice(PROVIDERS)
    organisation_id = "name:" + re.sub(r"\W+", "-", provider.lower())
    yield "organisations", {"organisation_id": organisation_id, "name": provider, "kind": "provider",
                            "name_key": organisation_id[5:]}
    yield "award_suppliers", {"award_id": award_id, "organisation_id": organisation_id,
                              "procurement_id": procurement_id, "lot_id": "1", "name": provider,
                              "name_key": organisation_id[5:], "place": "Utrecht", "country": "NL"}


def article_rows(m: int, places: list[dict], rng: random.Random):
    start = date(2016, 1, 1)
    for i in range(m):
        place = rng.choice(places)
        relevant = int(rng.random() < 0.05)
        published = start + timedelta(days=rng.randrange(3650))
        url = f"https://nieuws{i % 400}.example.invalid/nieuws/{i}"
        topic = "Jeugdhulp" if relevant else rng.choice(TOPICS)[0]
        stage = rng.choice(STAGES) if relevant else None
        text = _text(rng, topic, rng.randrange(12, 30))
        yield "articles", {
            "url": url, "site": f"gemeente-{i % 400}", "title": f"{topic}: nieuws uit {place['name']} ({i})",
            "title_source": "h1", "published": published.isoformat(), "published_source": "meta",
            "published_precision": "day", "year": published.year, "year_month": published.isoformat()[:7],
            "page_type": "news", "language": "nl", "text": text, "relevant": relevant,
            "relevance_score": 0.8 if relevant else 0.1, "relevance_rule": "youth_term+procurement_term" if relevant
            else "no_terms", "primary_stage": stage, "jeugdregio_code": place["jeugdregio_code"],
            "is_living_page": 0, "extractor": "trafilatura", "content_sha256": _sha(url, "content"),
            "source_url": url, "fetched_at": f"{published.isoformat()}T10:00:00+00:00", "sha256": _sha(url),
            "crawl_id": 1,
        }
        yield "article_municipalities", {"url": url, "cbs_code": place["cbs_code"], "name": place["name"],
                                         "jeugdregio_code": place["jeugdregio_code"], "matched": place["name"]}
        if relevant:
            yield "article_stages", {"url": url, "stage": stage, "status": "done", "evidence": "tense",
                                     "cue": "gegund", "sentence": SENTENCES[12]}
            event_day = published + timedelta(days=30)
            yield "article_events", {"event_id": _sha(url, "event")[:16], "url": url, "date": event_day.isoformat(),
                                     "precision": "day", "kind": "contract_start", "stage": "contractstart",
                                     "sentence": SENTENCES[14], "year_inferred": 0, "crawl_id": 1}


def write_items(db, rows, crawl_id: int) -> None:
    """Insert ``(table, row)`` pairs as crawl ``crawl_id`` wrote them, one transaction per batch."""
    db["crawls"].insert({"crawl_id": crawl_id, "spider": "tenderned", "note": SYNTHETIC_NOTE, "status": "complete",
                         "started": "2026-01-01T00:00:00+00:00", "finished": "2026-01-01T01:00:00+00:00",
                         "finish_reason": "finished"}, pk="crawl_id", replace=True)
    seen_organisations = {r[0] for r in db.execute("select organisation_id from organisations").fetchall()}

    def flush(batch: dict[str, list]):
        with db.atomic():
            for table, rows in batch.items():
                spec = TABLES[table]
                db[table].insert_all(rows, pk=spec["pk"], batch_size=500, ignore=table == "organisations",
                                     alter=False)
        batch.clear()

    batch: dict[str, list] = {}
    count = 0
    for table, row in rows:
        if table == "organisations":
            if row["organisation_id"] in seen_organisations:
                continue
            seen_organisations.add(row["organisation_id"])
        if "crawl_id" in row:
            row["crawl_id"] = crawl_id
        batch.setdefault(table, []).append(row)
        count += 1
        if count % BATCH == 0:
            flush(batch)
    flush(batch)


def timed_derivation(db, crawl_id: int, full: bool, label: str) -> dict:
    """Run the derivation step by step (as ``derive.derive`` does), timing each step."""
    from tenderarchive import derive
    from tenderarchive.store import summaries

    timings, cpu, relinked = {}, {}, set()
    scope = derive.Scope(crawl_id, full)

    def links():
        nonlocal relinked
        _, relinked = derive.refresh_links(db, crawl_id, full=full, with_relinked=True)

    for name, step in (("procurements", lambda: derive.refresh_procurements(db, crawl_id, full=full)),
                       ("notice_events", lambda: derive.refresh_notice_events(db, crawl_id, full=full)),
                       ("award_currency", lambda: derive.refresh_award_currency(db, crawl_id, full=full)),
                       ("links", links),
                       ("news_organisations", lambda: derive.refresh_news_organisations(db, crawl_id, full=full)),
                       ("summaries", lambda: summaries.refresh_summaries(db, crawl_id, full=full, relinked=relinked)),
                       ("search_index", lambda: derive.refresh_search_index(db, scope, relinked))):
        t, c = time.perf_counter(), time.process_time()
        step()
        timings[f"{label}_{name}_s"] = time.perf_counter() - t
        cpu[f"{label}_{name}_cpu_s"] = time.process_time() - c  # this process's CPU: steadier on a shared machine
        print(f"  {label} {name}: {timings[f'{label}_{name}_s']:.2f} s ({cpu[f'{label}_{name}_cpu_s']:.2f} CPU s)",
              file=sys.stderr, flush=True)
    timings[f"{label}_s"] = sum(timings.values())
    timings[f"{label}_cpu_s"] = sum(cpu.values())
    return {**timings, **cpu}


def build(path: Path, notices: int, articles: int) -> dict:
    """Write the synthetic archive at ``path`` (crawl 1) and derive it in full; returns timings (seconds)."""
    from tenderarchive.store.writes import open_archive

    began = time.perf_counter()
    db = open_archive(path)
    db.execute("PRAGMA synchronous=NORMAL")
    places = [r for r in db.query("select cbs_code, name, jeugdregio_code from municipalities order by cbs_code")]
    rng = random.Random(14)
    for rows in (notice_rows(notices, places, rng), article_rows(articles, places, rng)):
        write_items(db, rows, 1)
    timings = {"insert_s": time.perf_counter() - began}
    timings.update(timed_derivation(db, 1, True, "derive"))
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # no ANALYZE: measured as a crawl leaves the archive
    db.close()
    timings["build_s"] = time.perf_counter() - began
    return timings


def incremental(path: Path, new_notices: int, crawl_id: int | None = None, full: dict | None = None) -> dict:
    """A later crawl: ``new_notices`` new notices (new procedures, with their award data) written
    as crawl ``crawl_id``, then the incremental derivation, then a full rebuild of the same
    archive; returns both timings and their ratio. With ``full`` (the ``derive_*`` timings of
    the build of this archive, e.g. from an earlier run's ``--json``) no rebuild is run and the
    build's full derivation is the comparison: on a million notices a rebuild takes an hour."""
    from tenderarchive.store.writes import open_archive

    db = open_archive(path)
    if crawl_id is None:  # the crawl after the archive's last
        crawl_id = (db.execute("select max(crawl_id) from crawls").fetchone()[0] or 1) + 1
    existing = db.execute("select count(*) from notices").fetchone()[0]
    places = [r for r in db.query("select cbs_code, name, jeugdregio_code from municipalities order by cbs_code")]
    last_kenmerk = db.execute("select max(kenmerk) from notices").fetchone()[0]
    write_items(db, notice_rows(new_notices, places, random.Random(crawl_id), offset=existing,
                                kenmerk_after=last_kenmerk), crawl_id)
    timings = {"archive_notices": existing, "new_notices": new_notices, "crawl_id": crawl_id}
    timings.update(timed_derivation(db, crawl_id, False, "incremental"))
    if full is not None:
        timings.update({k.replace("derive_", "full_", 1): v for k, v in full.items() if k.startswith("derive_")})
        timings["incremental_share"] = timings["incremental_s"] / timings["full_s"]
        timings["incremental_cpu_share"] = timings["incremental_cpu_s"] / timings["full_cpu_s"]
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        db.close()
        return timings
    # A full rebuild, as after a reparse: the derived tables from nothing.
    with db.atomic():
        from tenderarchive.store import summaries

        for table in ("events", "procurement_links", "procurements", "search_state", *summaries.ALL):
            db.execute(f"delete from [{table}]")
        db.execute("update awards set current = null, rectifies = null")
    timings.update(timed_derivation(db, crawl_id, True, "full"))
    timings["incremental_share"] = timings["incremental_s"] / timings["full_s"]
    timings["incremental_cpu_share"] = timings["incremental_cpu_s"] / timings["full_cpu_s"]
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return timings


NOTICE_SIDE = ("notices", "notice_cpv", "notice_municipalities", "documents", "procurements", "notice_results",
               "lots", "awards", "award_suppliers", "notices_fts")
ARTICLE_SIDE = ("articles", "article_municipalities", "article_stages", "article_events", "article_organisations",
                "article_awardees", "procurement_links", "articles_fts")


def sizes(path: Path) -> dict:
    """Bytes per table (with its indexes) from ``dbstat``; the shared search index and the
    events are split by their rows' source."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        per_name = dict(conn.execute("select name, sum(pgsize) from dbstat group by name").fetchall())
    except sqlite3.OperationalError:
        per_name = {}
    owner = {name: tbl for name, tbl in conn.execute("select name, tbl_name from sqlite_master")}
    per_table: dict[str, int] = {}
    for name, size in per_name.items():
        table = owner.get(name, name)
        for suffix in ("_data", "_idx", "_docsize", "_config", "_content"):
            if table.endswith("_fts" + suffix):
                table = table[: -len(suffix)]
        per_table[table] = per_table.get(table, 0) + size
    notices = conn.execute("select count(*) from notices").fetchone()[0]
    articles = conn.execute("select count(*) from articles").fetchone()[0]
    shares = dict(conn.execute("select source_table, count(*) from search_documents group by 1").fetchall())
    total_docs = sum(shares.values()) or 1
    shared = sum(per_table.get(t, 0) for t in ("search_documents", "search_documents_fts", "events"))
    notice_bytes = sum(per_table.get(t, 0) for t in NOTICE_SIDE) + shared * shares.get("notices", 0) / total_docs
    article_bytes = sum(per_table.get(t, 0) for t in ARTICLE_SIDE) + shared * shares.get("articles", 0) / total_docs
    conn.close()
    return {"file_bytes": path.stat().st_size, "notices": notices, "articles": articles,
            "bytes_per_notice": notice_bytes / max(notices, 1), "bytes_per_article": article_bytes / max(articles, 1),
            "tables": dict(sorted(per_table.items(), key=lambda kv: -kv[1])[:12])}


# --- 2. serve and measure ------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Served:
    """``tenderarchive serve`` on a free loopback port; with ``code``, the package of another checkout
    (``--compare``: put first on ``PYTHONPATH``, so its ``tenderarchive`` and its Datasette plugin,
    found by the entry point's module name, are the ones served)."""

    def __init__(self, path: Path, settings: list[tuple[str, str]], code: Path | None = None):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.db = path.stem
        extra = [a for name, value in settings for a in ("--setting", name, value)]
        env = dict(os.environ)
        if code is not None:
            env["PYTHONPATH"] = os.pathsep.join([str(code), *filter(None, [env.get("PYTHONPATH")])])
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tenderarchive.cli", "serve", "--db", str(path), "--port", str(self.port),
             *extra], cwd=code or ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        self.client = httpx.Client(base_url=self.base, timeout=120)
        deadline = time.time() + 600
        while time.time() < deadline:
            try:
                self.client.get("/-/versions.json")
                return
            except httpx.TransportError:
                if self.process.poll() is not None:
                    raise RuntimeError(self.process.stderr.read().decode())
                time.sleep(0.3)
        raise RuntimeError("tenderarchive serve did not start")

    def cpu(self) -> float:
        """CPU seconds the server process has used so far, every thread (its SQL threads included):
        the sum of ``/proc/PID/task/*/schedstat``'s time on a CPU, in nanoseconds (``/proc/PID/stat``
        counts in ticks of 10 ms, coarser than a page). A thread ended since the last call takes its
        time with it; Datasette's SQL threads and the server's live as long as the process."""
        total = 0
        for task in Path(f"/proc/{self.process.pid}/task").iterdir():
            try:
                total += int((task / "schedstat").read_text().split()[0])
            except (FileNotFoundError, ProcessLookupError):
                pass
        return total / 1e9

    def stop(self):
        self.client.close()
        self.process.terminate()
        self.process.wait(timeout=30)


def nested(sql: str) -> bool:
    """A statement SQLite ran inside another (FTS5 reading its ``_docsize``/``_idx`` tables for each
    match, a trigger): the trace shows it as ``-- `` and one line. Running the outer statement runs
    it again, so the raw side leaves it out (a top-level statement that opens with a comment has
    its SQL on the lines after it)."""
    return sql.startswith("-- ") and "\n" not in sql


class Traced:
    """The served archive's Datasette built in this process the way ``tenderarchive serve`` builds it
    (``serve.make_datasette`` with the metadata of ``build_metadata`` and the same settings), every
    connection to the archive traced (``sqlite3.Connection.set_trace_callback``): the statements a
    page runs, each as SQLite ran it (its parameters bound, ``sqlite3_expanded_sql``).

    Until branch pages21 the raw side was reconstructed from the page's JSON: the data query, a
    ``count(*)`` over a subquery Datasette does not run, each facet rewritten; it missed the
    schema look-ups (``PRAGMA table_xinfo``, ``sqlite_master``), the foreign-key and FTS checks,
    the table-search note's count and the research pages' queries (those had no raw figure).
    Tracing the connection gives exactly the statements the page runs, no more, no less."""

    def __init__(self, path: Path, settings: list[tuple[str, str]]):
        import asyncio

        from datasette import hookimpl
        from datasette.plugins import pm

        from tenderarchive import readonly, serve
        from tenderarchive.cli import datasette_settings
        from tenderarchive.metadata import build_metadata
        from tenderarchive.store.search_index import index_state

        self.statements: list[list] = []   # [sql, rows fetched] in the order SQLite ran them
        self.db = path.stem
        statements, name = self.statements, self.db

        class Tracer:
            __name__ = "bench_scale_tracer"

            @hookimpl(trylast=True)  # after the plugin's own set-up (PRAGMA query_only), which is not a page's
            def prepare_connection(self, conn, database):
                if database != name:
                    return
                # Each statement with the rows the page fetched of it: Datasette reads at most
                # max_returned_rows + 1 rows of a query (``fetchmany``) and leaves the rest unread,
                # so the raw side must stop there too. The rows are counted by the connection's
                # row factory (Datasette's ``sqlite3.Row``, kept), each for the connection's last
                # top-level statement; a statement SQLite runs inside another fetches no row here.
                current: list = [None]
                row_factory = conn.row_factory or (lambda cursor, row: row)

                def trace(sql):
                    if not nested(sql):
                        current[0] = [sql, 0]
                        statements.append(current[0])

                def counted(cursor, row):
                    if current[0] is not None:
                        current[0][1] += 1
                    return row_factory(cursor, row)

                conn.set_trace_callback(trace)
                conn.row_factory = counted

        if pm.get_plugin("bench_scale_tracer") is None:
            pm.register(Tracer(), name="bench_scale_tracer")
        chosen, problem = datasette_settings([list(s) for s in settings])
        if problem:
            raise SystemExit(f"--setting: {problem}")
        db = readonly.database(path)
        try:
            metadata = build_metadata(db, self.db, search_index=index_state(db))
        finally:
            db.close()
        self.datasette = serve.make_datasette(path, metadata, readonly.can_be_immutable(path), chosen)
        # The loop runs in a thread of its own: the caller's thread may have a loop running already
        # (a test process after Playwright's sync API, an async caller), and run_until_complete refuses that.
        self.loop = asyncio.new_event_loop()
        self._thread = concurrent.futures.ThreadPoolExecutor(max_workers=1)
        self._run(self.datasette.invoke_startup())

    def _run(self, coroutine):
        return self._thread.submit(self.loop.run_until_complete, coroutine).result()

    def fetched_of(self, path: str) -> list[tuple[str, int]]:
        """``(sql, rows fetched)`` of each statement ``path`` runs on a warm server (its second
        request: the first fills Datasette's caches, as the timed requests find them filled)."""
        self._run(self.datasette.client.get(path))
        self.statements.clear()
        self._run(self.datasette.client.get(path))
        ran = [(sql, rows) for sql, rows in self.statements]
        self.statements.clear()
        return ran

    def statements_of(self, path: str) -> list[str]:
        """The statements ``path`` runs on a warm server."""
        return [sql for sql, _ in self.fetched_of(path)]

    def close(self):
        from datasette.plugins import pm

        self._thread.submit(self.loop.close).result()
        self._thread.shutdown()
        if pm.get_plugin("bench_scale_tracer") is not None:
            pm.unregister(name="bench_scale_tracer")


def page_sql(served: Served, traced: Traced, path: str,
             conn: sqlite3.Connection) -> tuple[list[tuple[str, int | None]], int, bool]:
    """The SQL Datasette runs for ``path`` (every statement, as :class:`Traced` records it) with
    how many of its rows the raw side reads, the served page's status, and whether a query or facet
    of it timed out.

    Rows read: all of them (``None``), unless the page stopped before the last (a saved search or
    SQL page of more than ``max_returned_rows`` rows: Datasette fetches 1,001 and leaves the rest
    unread); then as many as the page fetched. Until branch pages24 the raw side read every row of
    every statement, more work than such a page does. Whether the page stopped early is asked of
    the raw connection once, here: a page that read every row may also have fetched fewer than
    1,001, and reading only those would skip the rest of the statement's work (a scan past its
    last match).

    Datasette's ``?_trace=1`` cannot be used here: its tracer rewrites the body without fixing
    Content-Length, which breaks the response, and it records only ``Database.execute``, not the
    schema look-ups run through ``execute_fn``."""
    page = served.client.get(path)
    timed_out = b"SQL query took too long" in page.content or b"These facets timed out" in page.content
    return raw_statements(traced, path, conn), page.status_code, timed_out


def raw_statements(traced: Traced, path: str, conn: sqlite3.Connection) -> list[tuple[str, int | None]]:
    """``(sql, rows to read)`` of each statement ``path`` runs, for :func:`run_raw` (see :func:`page_sql`)."""
    return [(sql, fetched if stopped_early(conn, sql, fetched) else None) for sql, fetched in traced.fetched_of(path)]


def stopped_early(conn: sqlite3.Connection, sql: str, fetched: int) -> bool:
    """Whether ``sql`` has more rows than the ``fetched`` a page read of it."""
    try:
        return len(conn.execute(sql).fetchmany(fetched + 1)) > fetched
    except sqlite3.Error:
        return False


def raw_connection(path: Path) -> sqlite3.Connection:
    """The raw side's connection: opened as ``serve`` opens the archive (``readonly.uri``: immutable
    unless a crawl is writing it), the plugin's SQL functions registered. One connection, warm, for
    every target, as the served Datasette's connections are warm (and Python's statement cache
    prepares a repeated statement once on both sides)."""
    from tenderarchive import readonly

    conn = sqlite3.connect(readonly.uri(path), uri=True, check_same_thread=False)
    datasette_plugin.prepare_connection(conn, "archive", None)
    conn.create_function("escape_fts", 1, escape_fts)
    return conn


def run_raw(conn: sqlite3.Connection, statements, limit_s: float) -> tuple[float, bool]:
    deadline = time.perf_counter() + limit_s
    conn.set_progress_handler(lambda: int(time.perf_counter() > deadline), 10_000)
    began = time.perf_counter()
    failed = None
    for sql, fetch in statements:  # fetch: the rows the page read, None for all (page_sql)
        try:
            cursor = conn.execute(sql)
            cursor.fetchall() if fetch is None else cursor.fetchmany(fetch)
        except sqlite3.Error as error:  # interrupted (over the limit) or an error
            failed = str(error)
    conn.set_progress_handler(None, 0)
    return time.perf_counter() - began, failed


SHELL = shutil.which("sqlite3")


def shell_script(statements) -> str:
    """The page's statements as one script for the ``sqlite3`` command-line shell: each as SQLite ran
    it (parameters bound), a statement the page stopped reading early (:func:`page_sql`) cut to the rows
    it read (``select * from (…) limit N``)."""
    parts = []
    for sql, fetch in statements:
        parts.append(f"select * from (\n{sql}\n) limit {fetch};" if fetch is not None else f"{sql}\n;")
    return "\n".join(parts) + "\n"


def run_shell(path: Path, script: str, limit_s: float) -> tuple[float, str | None]:
    """A second baseline beside :func:`run_raw`: the ``sqlite3`` shell started, the archive opened
    read-only and immutable, every statement run and its rows written (to ``/dev/null``), the process
    ended — process start, schema parse and output included, as a user at a terminal would time it.
    The archive's own SQL functions (``euro``, ``nl_fts_query``, …) are not in the shell: a page whose
    SQL calls one has no shell figure (the error says which)."""
    began = time.perf_counter()
    try:
        done = subprocess.run([SHELL, "-readonly", "-bail", f"file:{path}?immutable=1"], input=script.encode(),
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=limit_s)
    except subprocess.TimeoutExpired:
        return time.perf_counter() - began, "timed out"
    elapsed = time.perf_counter() - began
    error = done.stderr.decode(errors="replace").strip().splitlines()
    return elapsed, (error[0] if error else f"exit {done.returncode}") if done.returncode else None


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def targets(served: Served, params: dict) -> list[tuple[str, str, list[str]]]:
    """``(kind, name, [paths])``: one target may be several requests (a dashboard and its charts)."""
    metadata = load_metadata()
    db = served.db
    # Datasette's own fixed cost: a page whose SQL takes microseconds and returns no row (an
    # empty query page, HTML and JSON); what a page costs beyond its SQL cannot be less.
    empty = urllib.parse.urlencode({"sql": "select 1 where 0"})
    out = [("fixed cost", "empty query page", [f"/{db}?{empty}"]),
           ("fixed cost", "empty query page (JSON)", [f"/{db}.json?{empty}"])]
    queries = metadata["databases"]["archive"]["queries"]
    for name, query in queries.items():
        values = {p: params.get(p, "") for p in query.get("params", [])}
        out.append(("saved search", name, [f"/{db}/{name}?" + urllib.parse.urlencode(values)]))
    hidden = {"search_documents", "search_state"}
    for table in TABLES:
        if table not in hidden:
            out.append(("table", table, [f"/{db}/{table}"]))
    for view in VIEWS:  # the views are pages too (freshness, news_sites, changes)
        out.append(("view", view, [f"/{db}/{view}"]))
    # The research pages (tenderarchive/research.py): each runs several saved searches, measured
    # above one by one; here the page as a researcher opens it (no raw figure: a plugin page).
    research = {"jeugdregio": "/-/jeugdregio/" + urllib.parse.quote(str(params["jeugdregio"]), safe=""),
                "aanbesteding": "/-/aanbesteding?" + urllib.parse.urlencode({"id": params["procurement_id"]}),
                "opdrachtgever": "/-/opdrachtgever?" + urllib.parse.urlencode({"id": params.get("buyer_id", "")}),
                "aanbieder": "/-/aanbieder?" + urllib.parse.urlencode({"id": params.get("provider_id", "")}),
                "markt": "/-/markt", "kaart": "/-/kaart"}
    for name, path in research.items():
        out.append(("research", name, [path]))
    dashboard = metadata["plugins"]["datasette-dashboards"]["jeugdhulp"]
    paths = ["/-/dashboards/jeugdhulp"]
    for chart in dashboard["charts"].values():
        sql = re.sub(r"\[\[.*?\]\]", "", chart["query"], flags=re.S)
        paths.append(f"/{db}.json?" + urllib.parse.urlencode({"sql": sql, "_shape": "array"}))
    out.append(("dashboard", "jeugdhulp (page + charts)", paths))
    q = params["q"]
    # /-/search answers with a redirect to the saved search search_all (datasette_plugin.py): the
    # target is both requests, as a browser makes them.
    search = ["/-/search?" + urllib.parse.urlencode({"q": q})]
    found = served.client.get(search[0]).headers.get("location", "")
    if found:
        search.append(urllib.parse.urlsplit(found)._replace(scheme="", netloc="").geturl())
    out.append(("search", f"/-/search?q={q} (redirect + search_all)", search))
    # A table search with more matches than table_search_limit is sent on to the page without
    # Datasette's count and facets (tenderarchive/table_search.py): then both requests.
    for table in ("notices", "articles"):
        paths = [f"/{db}/{table}?" + urllib.parse.urlencode({"_search": q})]
        found = served.client.get(paths[0]).headers.get("location", "")
        if found:
            paths.append(urllib.parse.urlsplit(found)._replace(scheme="", netloc="").geturl())
        out.append(("table search", f"{table}?_search={q}" + (" (redirect + page)" if found else ""), paths))
    return out


def timed_rounds(turns, requests: int, slow: float, slow_requests: int, skip=lambda times: False) -> None:
    """Run each ``(run, times)`` of ``turns`` once a round and append its seconds to ``times``; the
    order reversed every other round. ``requests`` rounds, or ``slow_requests`` when the first
    side's first run took longer than ``slow`` seconds."""
    n = requests
    for i in range(n):
        for run, times in (turns if i % 2 == 0 else turns[::-1]):
            if skip(times):
                continue
            began = time.perf_counter()
            run()
            times.append(time.perf_counter() - began)
        if i == 0 and turns[0][1][0] > slow:
            n = slow_requests
        if i + 1 >= n:
            break


def measure(served: Served, traced: Traced, path: Path, requests: int, slow: float, slow_requests: int,
            params: dict, only: str | None = None, other: Served | None = None, shell: bool = False) -> list[dict]:
    """Each target: ``requests`` timed requests, then its statements as often in raw sqlite3 (and,
    with ``shell``, as often by the ``sqlite3`` shell, :func:`run_shell`). With
    ``other`` (``--compare``), each request is made to both servers in turn (alternating which
    goes first), so both are timed under the same load; its figures are ``before_p50``/``before_p95``."""
    conn = raw_connection(path)
    results = []
    for kind, name, paths in targets(served, params):
        if only and not re.search(only, f"{kind} {name}"):
            continue
        statements, statuses, timeouts = [], [], False
        for p in paths:
            sql, status, timed_out = page_sql(served, traced, p, conn)
            statements += sql
            statuses.append(status)
            timeouts |= timed_out
        served_times, raw_times, other_times, shell_times = [], [], [], []
        # Both sides warm before the first timed run: the page was requested by page_sql (and twice on
        # the traced Datasette); the raw statements are run once here, the shell once (which also
        # tells whether it can run them: not with one of the archive's SQL functions).
        raw_failed = run_raw(conn, statements, limit_s=60)[1]
        script = shell_script(statements) if shell and statements else None
        shell_failed = run_shell(path, script, limit_s=60)[1] if script else None
        failures = {"raw": raw_failed, "shell": shell_failed}

        served_cpu, raw_cpu, other_cpu = [], [], []

        def page(server):
            cpu = served_cpu if server is served else other_cpu

            def run():
                began = server.cpu()
                for p in paths:
                    server.client.get(p)
                cpu.append(server.cpu() - began)
            return run

        def raw():
            began = time.process_time()
            failures["raw"] = failures["raw"] or run_raw(conn, statements, limit_s=60)[1]
            raw_cpu.append(time.process_time() - began)

        def in_shell():
            failures["shell"] = run_shell(path, script, limit_s=60)[1]

        # Each round times every side once, in turn (the order reversed every other round), so the page
        # and its SQL are timed in the same seconds of a shared machine's load; until branch pages24 the
        # raw runs came after all of the page's requests, minutes later on a slow target.
        turns = [(page(served), served_times), (raw, raw_times)]
        if other is not None:
            turns.append((page(other), other_times))
        if script and not shell_failed:
            turns.append((in_shell, shell_times))
        timed_rounds(turns, requests, slow, slow_requests, skip=lambda times: times is shell_times and failures["shell"])
        raw_failed, shell_failed = failures["raw"], failures["shell"]
        if shell_failed:   # a function of the archive's, or over the limit: no shell figure
            shell_times = []
        row = {"kind": kind, "name": name, "n": len(served_times), "requests": len(paths),
               # a redirect's status is not the page's: the next path follows it
               "statements": len(statements), "status": max([s for s in statuses if not 300 <= s < 400] or [200]),
               "timed_out": timeouts,
               "raw_failed": raw_failed,
               "p50": percentile(served_times, .5), "p95": percentile(served_times, .95),
               "raw_p50": percentile(raw_times, .5), "raw_p95": percentile(raw_times, .95)}
        row["ratio"] = row["p50"] / row["raw_p50"] if row["raw_p50"] > 0 else float("inf")
        # CPU beside the wall clock: on a machine shared with other work a page's wall time is mostly
        # waiting for a core (load 8 on 2 cores: about 3x its CPU), the raw side's likewise.
        row.update(cpu_p50=percentile(served_cpu, .5), raw_cpu_p50=percentile(raw_cpu, .5))
        row["cpu_ratio"] = row["cpu_p50"] / row["raw_cpu_p50"] if row["raw_cpu_p50"] > 0 else float("inf")
        if shell_times:
            row.update(shell_p50=percentile(shell_times, .5), shell_p95=percentile(shell_times, .95))
            row["shell_ratio"] = row["p50"] / row["shell_p50"]
        elif shell_failed:
            row["shell_failed"] = shell_failed
        if other_times:
            row.update(before_p50=percentile(other_times, .5), before_p95=percentile(other_times, .95))
            row["before_ratio"] = row["before_p50"] / row["raw_p50"] if row["raw_p50"] > 0 else float("inf")
            row["before_cpu_p50"] = percentile(other_cpu, .5)
            row["before_cpu_ratio"] = (row["before_cpu_p50"] / row["raw_cpu_p50"] if row["raw_cpu_p50"] > 0
                                       else float("inf"))
        results.append(row)
        print(format_row(row), flush=True)
    conn.close()
    return results


HEADER = (f"{'kind':<13} {'target':<42} {'n':>3} {'p50 ms':>8} {'p95 ms':>8} {'raw p50':>8} {'raw p95':>8} "
          f"{'ratio':>6} {'+ms':>6}  note (shell: the sqlite3 shell's p50 ms, process start included, and the "
          f"page's p50 over it; cpu: CPU ms p50 of the server process / of raw sqlite3, and their ratio)")


def format_row(r: dict) -> str:
    note = []
    if r["status"] != 200:
        note.append(f"HTTP {r['status']}")
    if r["timed_out"]:
        note.append("TIMED OUT")
    if r["raw_failed"]:
        note.append(f"raw sql: {r['raw_failed'][:40]}")
    if "cpu_p50" in r:
        note.insert(0, f"cpu {r['cpu_p50'] * 1000:.1f}/{r['raw_cpu_p50'] * 1000:.1f} ({min(r['cpu_ratio'], 9999):.1f}x)")
    if "shell_p50" in r:
        note.insert(0, f"shell {r['shell_p50'] * 1000:.1f} ({r['shell_ratio']:.1f}x)")
    elif r.get("shell_failed"):
        note.insert(0, f"shell n/a: {r['shell_failed'][:50]}")
    if "before_p50" in r:
        note.insert(0, f"--compare: p50 {r['before_p50'] * 1000:.1f} p95 {r['before_p95'] * 1000:.1f} "
                       f"ratio {min(r['before_ratio'], 9999):.1f} cpu {r['before_cpu_p50'] * 1000:.1f} "
                       f"({min(r['before_cpu_ratio'], 9999):.1f}x)")
    return (f"{r['kind']:<13} {r['name'][:42]:<42} {r['n']:>3} {r['p50'] * 1000:>8.1f} {r['p95'] * 1000:>8.1f} "
            f"{r['raw_p50'] * 1000:>8.1f} {r['raw_p95'] * 1000:>8.1f} {min(r['ratio'], 9999):>6.1f} "
            f"{(r['p50'] - r['raw_p50']) * 1000:>6.0f}  {', '.join(note)}")


def sample_params(path: Path) -> dict:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    procurement = conn.execute("select procurement_id from procurements where youth_care = 1 "
                               "order by procurement_id limit 1").fetchone()
    region = conn.execute("select jeugdregio_code from notices where youth_care = 1 and jeugdregio_code is not null "
                          "limit 1").fetchone()
    latest = conn.execute("select max(published) from notices").fetchone()[0] or "2026-01-01"
    # a buyer and a winning provider for the research pages (/-/opdrachtgever, /-/aanbieder)
    buyer = conn.execute("select buyer_id from notices where youth_care = 1 and buyer_id is not null limit 1").fetchone()
    winner = conn.execute("select organisation_id from award_suppliers where organisation_id is not null limit 1").fetchone()
    conn.close()
    week_before = (date.fromisoformat(latest[:10]) - timedelta(days=7)).isoformat()
    return {"q": "jeugdhulp", "as_of": "", "since": week_before, "jeugdregio": region[0] if region else "",
            "year": "", "provider": "Kompas", "procurement_id": procurement[0] if procurement else "TN100001",
            "buyer_id": buyer[0] if buyer else "", "provider_id": winner[0] if winner else ""}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--notices", type=int, default=1_000_000)
    parser.add_argument("--articles", type=int, default=200_000)
    parser.add_argument("--small", action="store_true", help="20,000 notices and 4,000 articles")
    parser.add_argument("--requests", type=int, default=50, help="timed requests per target (default 50)")
    parser.add_argument("--slow", type=float, default=2.0, help="seconds above which a target gets --slow-requests")
    parser.add_argument("--slow-requests", type=int, default=5)
    parser.add_argument("--db", help="build (or, with --reuse, read) the archive here (default: a temporary folder)")
    parser.add_argument("--reuse", action="store_true", help="measure an archive already built at --db")
    parser.add_argument("--json", help="write every figure to this JSON file")
    parser.add_argument("--only", help="measure only the targets whose 'kind name' matches this regex")
    parser.add_argument("--setting", nargs=2, action="append", default=[], metavar=("NAME", "VALUE"),
                        help="Datasette setting passed to tenderarchive serve")
    parser.add_argument("--incremental", type=int, default=1_000, metavar="N",
                        help="after serving, add N new notices as a second crawl and time the incremental "
                             "derivation against a full rebuild (0: skip; default 1,000)")
    parser.add_argument("--also-size", type=int, action="append", default=[], metavar="NOTICES",
                        help="also build an archive of NOTICES notices (and a fifth as many articles) and time "
                             "the same incremental derivation on it: does it grow with the archive?")
    parser.add_argument("--crawls", type=int, default=1, metavar="K",
                        help="with --incremental: K later crawls one after another (each its N new notices), "
                             "to see the spread; with --full-from no rebuild is run between them")
    parser.add_argument("--no-serve", action="store_true", help="skip the Datasette measurements")
    parser.add_argument("--no-shell", action="store_true",
                        help="do not time the sqlite3 command-line shell as the second baseline (it is timed "
                             "when `sqlite3` is on PATH: process start included, a second column beside raw sqlite3)")
    parser.add_argument("--compare", metavar="DIR",
                        help="also serve the archive with the tenderarchive package of another checkout at DIR "
                             "(e.g. `git archive main | tar -x -C DIR`) and time both, alternating request by "
                             "request; printed as the note --compare (the raw SQL is this checkout's)")
    parser.add_argument("--full-from", metavar="JSON",
                        help="compare the incremental derivation with the full derivation of the build recorded in "
                             "this earlier --json (of the same --db) instead of running a rebuild")
    args = parser.parse_args(argv)
    if args.small:
        args.notices, args.articles = 20_000, 4_000
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(args.db) if args.db else Path(tmp) / "archive.db"
        report: dict = {"notices": args.notices, "articles": args.articles, "cpus": os.cpu_count()}
        if not args.reuse:
            if path.exists():
                path.unlink()
            print(f"building {args.notices:,} notices + {args.articles:,} articles in {path}", file=sys.stderr)
            report["timings"] = build(path, args.notices, args.articles)
        report["sizes"] = sizes(path)
        report["results"] = []
        if not args.no_serve:
            served, traced = Served(path, args.setting), Traced(path, args.setting)
            other = Served(path, args.setting, Path(args.compare).resolve()) if args.compare else None
            try:
                print(HEADER)
                report["results"] = measure(served, traced, path, args.requests, args.slow, args.slow_requests,
                                            sample_params(path), args.only, other,
                                            shell=bool(SHELL) and not args.no_shell)
            finally:
                served.stop()
                traced.close()
                if other is not None:
                    other.stop()
        report["incremental"] = []
        for size in args.also_size if args.incremental else []:
            other = Path(tmp) / f"archive-{size}.db"
            print(f"building {size:,} notices + {size // 5:,} articles in {other}", file=sys.stderr)
            build(other, size, size // 5)
            report["incremental"].append(incremental(other, args.incremental))
        if args.incremental:
            full = json.loads(Path(args.full_from).read_text())["timings"] if args.full_from else None
            for _ in range(args.crawls if full is not None else 1):
                report["incremental"].append(incremental(path, args.incremental, full=full))
        s = report["sizes"]
        print(f"\narchive: {s['notices']:,} notices, {s['articles']:,} articles, {s['file_bytes'] / 1e6:,.0f} MB; "
              f"{s['bytes_per_notice']:,.0f} bytes per notice, {s['bytes_per_article']:,.0f} bytes per article")
        for name, value in (report.get("timings") or {}).items():
            print(f"  {name}: {value:,.1f} s")
        if report["incremental"]:
            print(f"\nincremental derivation after {args.incremental:,} new notices vs a full rebuild of the same archive:")
            print("| archive notices | incremental s | full rebuild s | share | incremental links s | incremental index s "
                  "| incremental CPU s | full CPU s | CPU share | links CPU s | index CPU s |")
            print("|---|---|---|---|---|---|---|---|---|---|---|")
            for r in report["incremental"]:
                print(f"| {r['archive_notices']:,} | {r['incremental_s']:.2f} | {r['full_s']:.1f} | "
                      f"{100 * r['incremental_share']:.1f} % | {r['incremental_links_s']:.2f} | "
                      f"{r['incremental_search_index_s']:.2f} | {r['incremental_cpu_s']:.2f} | {r['full_cpu_s']:.1f} | "
                      f"{100 * r['incremental_cpu_share']:.1f} % | {r['incremental_links_cpu_s']:.2f} | "
                      f"{r['incremental_search_index_cpu_s']:.2f} |")
        slow = [r for r in report["results"] if r["p95"] > 0.5 or r["timed_out"] or r["status"] != 200]
        print(f"targets: {len(report['results'])}; over 500 ms p95, timed out or failed: {len(slow)}")
        if args.json:
            Path(args.json).write_text(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
