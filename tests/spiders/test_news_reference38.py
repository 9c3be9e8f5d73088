"""The news spider, thirty-eighth pass against docs/reference/news-sites.md as an evaluator would test it: the agenda
items of a council information system (iBabs, Notubiz, a municipal "raadsinformatie") opening with the facts of their
meeting in a labelled list; loopback sites of SYNTHETIC pages (labelled like tests/fixtures/news) around a real text,
crawled with ``tenderarchive crawl news`` into a real archive."""

from __future__ import annotations

import sqlite_utils

from tests.spiders.test_news_reference import ROBOTS
from tests.spiders.test_news_reference35 import DECIDED, ITEMS, MEETING, YOUTH_CARE, council_page, council_site, crawl_council, item_path

#: The facts of the meeting (``council_site`` lists "Vergadering / Gemeenteraad" and "Datum" on every item), here with
#: its time and place too, and a fact of the raadsvoorstel's own, its closing date.
FACTS = (f'<dl><dt>Vergadering</dt><dd><a href="{MEETING}">Gemeenteraad</a></dd><dt>Datum</dt><dd>donderdag 8 '
         'november 2018 19:30</dd><dt>Tijd</dt><dd>19:30 - 23:00</dd><dt>Locatie</dt><dd>Raadzaal</dd>'
         '<dt>Sluitingsdatum</dt><dd>1 maart 2019</dd></dl>')
MEETING_LINES = {"Vergadering", "Gemeenteraad", "Tijd", "19:30 - 23:00", "Locatie", "Raadzaal"}


def test_an_agenda_items_text_does_not_begin_with_the_facts_of_its_meeting(tmp_path):
    """Every agenda item's page opens with its meeting's facts in a ``<dl>`` ("Vergadering / Gemeenteraad", the date,
    the time, the place): each item's text began "- Vergadering", "- Gemeenteraad" in the archive, its search and
    the analysis. Found through the meeting calendar, each item is archived once, titled and dated by its meeting,
    its text its own matter; the raadsvoorstel keeps its "Sluitingsdatum" (a fact of its own); a second crawl adds
    nothing."""
    site = council_site()
    proposal = site[item_path(YOUTH_CARE)][1].decode()
    start, end = proposal.index("<dl>"), proposal.index("</dl>") + len("</dl>")
    site[item_path(YOUTH_CARE)] = (site[item_path(YOUTH_CARE)][0], (proposal[:start] + FACTS + proposal[end:]).encode())
    articles = crawl_council(tmp_path, site, "archive.db", "-s", "NEWS_REVISIT_HOURS=0")
    assert sorted(articles) == sorted(item_path(n) for n in range(len(ITEMS)))
    for n, title in enumerate(ITEMS):
        article = articles[item_path(n)]
        lines = [line.strip("- ") for line in article["text"].split("\n")]
        assert not MEETING_LINES & set(lines), (n, article["text"])
        assert article["title"] == f"{n + 1}. {title}" and article["published"] == "2018-11-08T19:30"
        if n != YOUTH_CARE:
            assert article["text"] == f"Toelichting bij {title.lower()}."
    text = articles[item_path(YOUTH_CARE)]["text"]
    assert [line.strip("- ") for line in text.split("\n")][0] == "Sluitingsdatum: 1 maart 2019" and DECIDED in text
    db = sqlite_utils.Database(tmp_path / "archive.db")
    assert db.execute("select count(*) from versions").fetchone()[0] == 0
    assert [r[0] for r in db.execute("select status from crawls order by crawl_id")] == ["complete", "complete"]


#: How council information systems label and write the date of an item's meeting, one to an agenda item.
MEETING_DATES = ["<dt>Vergaderdatum</dt><dd>donderdag 8 november 2018</dd>",
                 "<dt>Datum vergadering</dt><dd>8 november 2018 19:30</dd>",
                 "<dt>Datum en tijd</dt><dd>donderdag 8 november 2018 19:30 uur</dd>",
                 "<dt>Datum</dt><dd>8 november 2018, aanvang 19.30 uur</dd>"]


def dated_council_site() -> dict:
    """``council_site`` whose agenda items state their meeting's date each in one of the ways of
    :data:`MEETING_DATES`."""
    site = council_site()
    for n in range(len(ITEMS)):
        content_type, page = site[item_path(n)]
        site[item_path(n)] = (content_type, page.decode().replace(
            "<dt>Datum</dt><dd>donderdag 8 november 2018 19:30</dd>", MEETING_DATES[n % len(MEETING_DATES)]).encode())
    return site


def test_an_agenda_item_is_dated_by_its_meeting_however_the_date_is_labelled(tmp_path):
    """An agenda item states the date of its meeting among the meeting's facts, labelled "Vergaderdatum", "Datum
    vergadering", "Datum en tijd" (which read as some other date than the page's) or written with the meeting's start
    ("8 november 2018, aanvang 19.30 uur", no date line): the items were undated, the labelled date left in their
    text, and a ``--from-date`` crawl of a later year archived them all. Each is dated by its meeting, the date out of
    its text; a ``--from-date 2019-01-01`` crawl archives none of them."""
    articles = crawl_council(tmp_path, dated_council_site(), "later.db", "--from-date", "2019-01-01")
    assert sorted(articles) == sorted(item_path(n) for n in range(len(ITEMS)))
    for n, title in enumerate(ITEMS):
        article = articles[item_path(n)]
        assert article["published"][:10] == "2018-11-08", (MEETING_DATES[n % len(MEETING_DATES)], article["published"])
        assert article["title"] == f"{n + 1}. {title}"
        if n != YOUTH_CARE:
            assert article["text"] == f"Toelichting bij {title.lower()}.", article["text"]
    assert DECIDED in articles[item_path(YOUTH_CARE)]["text"]
    assert sqlite_utils.Database(tmp_path / "later.db")["articles"].count == 0


#: A council information system's documents, each a page of its own: its facts (type, the document's date, the
#: meeting it is for) above its text.
DOCUMENTS = {"/document/7001/raadsvoorstel-centrumregeling": ("Raadsvoorstel Centrumregeling verwerving jeugdhulp",
                                                             "Documentdatum", f"Overwegende dat {DECIDED}"),
             "/document/7002/raadsinformatiebrief-begroting": ("Raadsinformatiebrief Begroting 2019", "Datum document",
                                                               "Toelichting bij de begroting 2019.")}


def test_a_council_document_page_is_dated_by_the_documents_own_date(tmp_path):
    """A council information system's document pages, listed under "Documenten", state the document's own date as
    "Documentdatum" or "Datum document" among its facts: each was archived undated, the label in its text, and kept by
    a ``--from-date`` crawl of a later year. Each is archived once, titled, dated by its document's date, its text
    its own; a ``--from-date 2019-01-01`` crawl archives neither."""
    routes = {"/robots.txt": ROBOTS, "/documenten": council_page("Documenten", "<h1>Documenten</h1><ul>" + "".join(
        f'<li><a href="{path}">{title}</a></li>' for path, (title, _, _) in DOCUMENTS.items()) + "</ul>")}
    for path, (title, label, text) in DOCUMENTS.items():
        routes[path] = council_page(title, (
            f"<h1>{title}</h1><dl><dt>Type</dt><dd>{title.split()[0]}</dd><dt>{label}</dt><dd>23 oktober 2018</dd>"
            f'<dt>Vergadering</dt><dd><a href="{MEETING}">Gemeenteraad 8 november 2018</a></dd></dl>'
            f'<div class="document__content"><p>{text}</p></div>'))
    articles = crawl_council(tmp_path, routes, "later.db", "--from-date", "2019-01-01", listing="documenten",
                             allow=("^/document/",))
    assert sorted(articles) == sorted(DOCUMENTS)
    for path, (title, label, text) in DOCUMENTS.items():
        article = articles[path]
        assert (article["title"], article["published"]) == (title, "2018-10-23")
        lines = [line.strip("- ") for line in article["text"].split("\n")]
        assert label not in lines and "Gemeenteraad 8 november 2018" not in lines and lines[-1] == text
    assert sqlite_utils.Database(tmp_path / "later.db")["articles"].count == 0
