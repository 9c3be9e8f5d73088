"""The news spider, thirty-fifth pass against docs/reference/news-sites.md as an evaluator would test it: a council
information system (iBabs, Notubiz, a municipal "raadsinformatie") whose meeting pages are agendas of items, one a
"raadsvoorstel" about a youth-care purchase; loopback sites of SYNTHETIC pages (labelled like tests/fixtures/news)
around a real text, crawled with ``tenderarchive crawl news`` into a real archive."""

from __future__ import annotations

import sqlite_utils

from tests.spiders.test_news import crawl_news
from tests.spiders.test_news_reference import ROBOTS, registry, serve

#: Real text (verbatim), from the Centrumregeling verwerving jeugdhulp regio Zuid-Limburg 2019.
SOURCE = "https://zoek.officielebekendmakingen.nl/stcrt-2018-61875.html"
DECIDED = ("de raden van de onderscheidenlijke gemeenten in 2014 reeds hebben besloten de gespecialiseerde jeugdhulp "
           "gezamenlijk in te kopen voor de periode 2015-2018;")
ENDING = "de huidige centrumregeling afloopt op 31 december 2018;"

MEETING = "/vergadering/812/gemeenteraad-8-november-2018"
ITEMS = ["Opening en mededelingen", "Vaststellen van de agenda", "Vragenuur",
         "Raadsvoorstel Centrumregeling verwerving jeugdhulp Zuid-Limburg 2019", "Begroting 2019",
         "Bestemmingsplan Centrum", "Motie vreemd aan de orde van de dag", "Sluiting"]
YOUTH_CARE = 3  # the agenda item about the purchase


def council_page(title: str, matter: str) -> tuple[str, bytes]:
    """A SYNTHETIC page of a council information system: its navigation, then its matter."""
    return ("text/html; charset=utf-8", (
        '<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>' + title + '</title>'
        '<meta name="tenderarchive-fixture" content="synthetic"></head><body><header><nav><a href="/">Raadsinformatie'
        '</a> <a href="/vergaderingen">Vergaderingen</a></nav></header><main>' + matter + "</main></body></html>"
    ).encode())


def item_path(number: int) -> str:
    return f"/agendapunt/44{number}/punt-{number}"


def council_site() -> dict:
    """A meeting calendar linking a meeting, whose page is its agenda; each agenda item has its own page."""
    agenda = "".join(f'<li class="agenda-item"><a href="{item_path(n)}">{n + 1}. {title}</a>'
                     f'<p class="agenda-item__description">Toelichting bij {title.lower()}.</p></li>'
                     for n, title in enumerate(ITEMS))
    routes = {"/robots.txt": ROBOTS,
              "/vergaderingen": council_page("Vergaderingen", f'<h1>Vergaderingen</h1><ul><li><a href="{MEETING}">'
                                             'Gemeenteraad 8 november 2018</a></li></ul>'),
              MEETING: council_page("Gemeenteraad 8 november 2018", (
                  '<h1>Gemeenteraad</h1><dl><dt>Datum</dt><dd>donderdag 8 november 2018</dd><dt>Tijd</dt>'
                  f'<dd>19:30 - 23:00</dd><dt>Locatie</dt><dd>Raadzaal</dd></dl><h2>Agenda</h2><ol class="agenda">{agenda}</ol>'))}
    for n, title in enumerate(ITEMS):
        text = f"<p>Toelichting bij {title.lower()}.</p>"
        if n == YOUTH_CARE:
            text = (f"<h2>Raadsvoorstel</h2><p>Voorgesteld besluit: instemmen met de Centrumregeling. Overwegende dat "
                    f"{DECIDED}</p><p>En dat {ENDING}</p><p>(tekst: {SOURCE})</p>")
        routes[item_path(n)] = council_page(f"{title} - Gemeenteraad 8 november 2018", (
            f'<h1>{n + 1}. {title}</h1><dl><dt>Vergadering</dt><dd><a href="{MEETING}">Gemeenteraad</a></dd>'
            f'<dt>Datum</dt><dd>donderdag 8 november 2018 19:30</dd></dl><div class="agenda-item__content">{text}</div>'))
    return routes


def crawl_council(tmp_path, site: dict, second_db: str, *second_args: str, listing: str = "vergaderingen",
                  allow: tuple = ("^/vergadering/", "^/agendapunt/")) -> dict:
    """Serve ``site`` on loopback and crawl it twice with ``tenderarchive crawl news``: into ``archive.db``, then into
    ``second_db`` with ``second_args``; both crawls must succeed. The articles of ``archive.db``, by path."""
    archive = tmp_path / "archive.db"
    with serve(site) as base:
        path = registry(tmp_path, base_url=base, discovery={"listing": {"urls": [listing]}}, allow=list(allow))
        crawls = [crawl_news(path, archive), crawl_news(path, tmp_path / second_db, *second_args)]
    assert [c.returncode for c in crawls] == [0, 0], (crawls[0].stderr + crawls[1].stderr)[-3000:]
    return {row["url"].removeprefix(base.rstrip("/")): row for row in sqlite_utils.Database(archive)["articles"].rows}


def test_a_meeting_agenda_is_read_as_a_listing_of_its_items_each_archived_once(tmp_path):
    """A council information system's meeting page, found through its calendar, is the meeting's agenda of eight
    items, one a raadsvoorstel about the regional purchase of jeugdhulp. It was archived as one article about
    everything on the agenda (titled "Gemeenteraad") and its items' pages, where the raadsvoorstel's text is, were
    never fetched. The agenda is now a listing: every item is archived once, with its own title, the meeting's date
    and its own text, the raadsvoorstel as relevant; the agenda is no article; a second crawl adds nothing."""
    articles = crawl_council(tmp_path, council_site(), "archive.db", "-s", "NEWS_REVISIT_HOURS=0")
    assert sorted(articles) == sorted(item_path(n) for n in range(len(ITEMS)))
    proposal = articles[item_path(YOUTH_CARE)]
    assert proposal["title"] == f"{YOUTH_CARE + 1}. {ITEMS[YOUTH_CARE]}"
    assert proposal["published"].startswith("2018-11-08")
    assert DECIDED in proposal["text"] and ENDING in proposal["text"]
    assert "Begroting 2019" not in proposal["text"]
    assert proposal["relevant"] == 1
    assert [articles[item_path(n)]["relevant"] for n in range(len(ITEMS)) if n != YOUTH_CARE] == [0] * (len(ITEMS) - 1)
    db = sqlite_utils.Database(tmp_path / "archive.db")
    assert db.execute("select count(*) from versions").fetchone()[0] == 0
    assert [r[0] for r in db.execute("select status from crawls order by crawl_id")] == ["complete", "complete"]


def test_a_news_item_with_an_events_agenda_beside_its_text_stays_an_article(tmp_path):
    """The other side: a news item whose page also lists the site's coming events in a list named ``agenda`` has
    its text outside that list, so it is archived as the article it is and the events are not followed."""
    events = "".join(f'<li><a href="/nieuws/evenement-{n}">Informatieavond {n}</a></li>' for n in range(4))
    item = council_page("Regio koopt jeugdhulp samen in", (
        "<article><h1>Regio koopt jeugdhulp samen in</h1><p>Gepubliceerd op: 9 november 2018</p>"
        f"<p>De gemeenteraad stemde in met de Centrumregeling. Overwegende dat {DECIDED}</p><p>En dat {ENDING}</p>"
        "<p>De gemeenten werken daarom samen bij de verwerving van jeugdhulp voor de jaren vanaf 2019. "
        "De aanbieders worden in de komende weken geïnformeerd over de inkoop en de planning daarvan.</p>"
        f"<p>(tekst: {SOURCE})</p></article><section><h2>Agenda</h2><ul class=\"agenda\">{events}</ul></section>"))
    routes = {"/robots.txt": ROBOTS, "/nieuws": council_page("Nieuws", '<ul><li><a href="/nieuws/regio-koopt-in">'
                                                            "Regio koopt jeugdhulp samen in</a></li></ul>"),
              "/nieuws/regio-koopt-in": item}
    archive = tmp_path / "archive.db"
    with serve(routes) as base:
        crawl = crawl_news(registry(tmp_path, base_url=base, discovery={"listing": {"urls": ["nieuws"]}},
                                    allow=["^/nieuws/"]), archive)
    assert crawl.returncode == 0, crawl.stderr[-3000:]
    [article] = sqlite_utils.Database(archive)["articles"].rows
    assert article["url"] == base + "nieuws/regio-koopt-in" and DECIDED in article["text"]
