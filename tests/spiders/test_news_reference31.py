"""The news spider, thirty-first pass against docs/reference/news-sites.md as an evaluator would test it:
loopback sites of SYNTHETIC pages (labelled like tests/fixtures/news), crawled with ``tenderarchive
crawl news`` into a real archive."""

from __future__ import annotations

import json

import pytest
import sqlite_utils

from tests.spiders.test_news import crawl_news
from tests.spiders.test_news_reference import ROBOTS, SYNTHETIC_HEAD, registry, serve
from tests.spiders.test_news_reference5 import undated_page

#: The real text of jeugdhulpzkij.nl's page on perceel 2 (news-sites.md §2.2 ``/verwerving-jeugdhulp/<slug>``),
#: https://www.jeugdhulpzkij.nl/verwerving-jeugdhulp/aanbesteding-van-de-enkelvoudige-jeugdhulp-perceel-2, verbatim.
PERCEEL_2_TITLE = "Aanbesteding van de enkelvoudige jeugdhulp (perceel 2)"
PERCEEL_2 = ("Eind 2022 diende één van de ruim 80 aanbieders die een inschrijving wilden doen voor perceel 2 een klacht "
             "in over het geboden tarief en de manier waarop dit is bepaald. Dit betekent dat de samenwerkende gemeenten "
             "de inschrijving voor perceel 2 tot nader order hebben moeten uitstellen. Inmiddels heeft de regio een "
             "nieuw onderzoek naar het tarief opgestart. De verwachting is dat dit onderzoek voor de zomer is afgerond. "
             "Daarna vervolgen de gemeenten de aanbesteding. De aanbieders die in de pre-selectie zijn geselecteerd "
             "krijgen hierover informatie via TenderNed.")

#: How a CMS's page-view counter writes itself under or above a page's text (a WordPress "post views" plugin, a
#: Joomla "Hits" line, a custom template), ``{n}`` the count of this answer.
VIEW_COUNTERS = {
    "bericht_gelezen": "<p class='views'>Dit bericht is {n} keer gelezen</p>",
    "keer_bekeken": "<span class='hits'>{n} keer bekeken</span>",
    "weergaven": "<div class='post-views'>{n} weergaven</div>",
    "gelezen_x": "<div class='post-views'>Gelezen: {n}x</div>",
    "aantal_bekeken": "<p>Aantal keer bekeken: {n}</p>",
}


def counted_page(counter: str, views: list[int]):
    """A SYNTHETIC living page around :data:`PERCEEL_2` with the view counter ``counter`` (of
    :data:`VIEW_COUNTERS`), its count one higher at every answer (``views``: the counts written)."""
    def page(base):
        views.append(1234 + 17 * len(views))
        line = VIEW_COUNTERS[counter].format(n=f"{views[-1]:,}".replace(",", "."))
        return ("text/html; charset=utf-8", f"""<!doctype html><html lang="nl"><head><meta charset="utf-8">
<title>{PERCEEL_2_TITLE}</title>{SYNTHETIC_HEAD}</head><body><main><article><h1>{PERCEEL_2_TITLE}</h1>
<p>{PERCEEL_2}</p>{line}</article></main></body></html>""".encode())
    return page


@pytest.mark.parametrize("counter", sorted(VIEW_COUNTERS))
def test_a_living_page_whose_view_counter_alone_changed_is_no_new_version(tmp_path, counter):
    """§1/§2.2 living pages "version them by crawl time", and §2.4 boilerplate that pollutes extracted text: a page's
    view counter ("Dit bericht is 1.234 keer gelezen", "1.251 weergaven") counts the crawl's own visit too, so it
    changes at every answer. It was read as a line of the page's text: every crawl of an unchanged page archived a
    new version of it (``versions`` growing by one a crawl, ``items_updated`` 1), its only change the count. The
    counter is the page's chrome: an unchanged page stays one row, no version, its text the page's words."""
    views: list[int] = []
    routes = {"/robots.txt": ROBOTS, "/verwerving-jeugdhulp/perceel-2": counted_page(counter, views)}
    with serve(routes) as base:
        path = registry(tmp_path, base_url=base, living_pages=["verwerving-jeugdhulp/perceel-2"])
        crawls = [crawl_news(path, tmp_path / "archive.db") for _ in range(2)]
    assert [c.returncode for c in crawls] == [0, 0], crawls[-1].stderr[-3000:]
    assert len(set(views)) == 2
    db = sqlite_utils.Database(tmp_path / "archive.db")
    article, = db["articles"].rows
    assert db["versions"].count == 0
    assert article["title"] == PERCEEL_2_TITLE and article["text"] == PERCEEL_2
    assert [r["items_updated"] for r in db.query("select items_updated from crawls order by crawl_id")] == [0, 0]


@pytest.mark.parametrize("line", ["Deze pagina is voor het laatst gewijzigd op 12 maart 2023.",
                                  "Laatst gewijzigd: 12 maart 2023.",
                                  "Laatst gewijzigd op 12-03-2023 om 10:15 uur."])
def test_a_modification_line_ending_in_a_full_stop_is_the_pages_modified_date_not_its_text(tmp_path, line):
    """§2.3 date formats (label + date, "HH:mm … plus an optional uur") and §2.4 boilerplate: a template writes the
    page's last change as a sentence, with its full stop ("Deze pagina is voor het laatst gewijzigd op 12 maart 2023.").
    Without the stop it was the page's ``modified``; with it the line was not read as a date: the page had no
    ``modified``, the line stood in its text (a new text at every edit of that date alone) and was read as a dated
    event of the page's subject. It is the page's ``modified``, out of the text, as without the stop."""
    page = ("text/html; charset=utf-8", f"""<!doctype html><html lang="nl"><head><meta charset="utf-8">
<title>{PERCEEL_2_TITLE}</title>{SYNTHETIC_HEAD}</head><body><main><article><h1>{PERCEEL_2_TITLE}</h1>
<p>{PERCEEL_2}</p><p class="page-modified">{line}</p></article></main></body></html>""".encode())
    routes = {"/robots.txt": ROBOTS, "/verwerving-jeugdhulp/perceel-2": page}
    with serve(routes) as base:
        crawl = crawl_news(registry(tmp_path, base_url=base, living_pages=["verwerving-jeugdhulp/perceel-2"]),
                           tmp_path / "archive.db")
    assert crawl.returncode == 0, crawl.stderr[-3000:]
    db = sqlite_utils.Database(tmp_path / "archive.db")
    article, = db["articles"].rows
    assert not [e for e in db["article_events"].rows if (e.get("date") or "").startswith("2023-03-12")]
    assert (article["modified"] or "").startswith("2023-03-12") and article["text"] == PERCEEL_2


def load_more_listing(control: str) -> tuple[str, bytes]:
    """A SYNTHETIC listing ``/nieuws`` of two items whose later items come by a "Meer laden" control (``control``:
    its markup, naming the endpoint of page 2) that a script on the page would call."""
    rows = "".join(f"<li><a href='/nieuws/bericht-1-{k}'>Inkoop jeugdhulp 1-{k}</a></li>" for k in range(2))
    return ("text/html; charset=utf-8", (f"<!doctype html><html lang='nl'><head>{SYNTHETIC_HEAD}<title>Nieuws</title>"
                                         f"</head><body><main><h1>Nieuws</h1><ul class='news-list'>{rows}</ul>{control}"
                                         "</main></body></html>").encode())


def load_more_page(number: int, shape: str, last: int = 3) -> tuple[str, bytes]:
    """Page ``number`` of a "meer laden" endpoint answering JSON, two items a page (``shape``: ``html``, the rendered
    rows and the next endpoint, as a theme's AJAX handler returns them; ``items``, the items' addresses and titles and
    whether more follow), written as PHP's ``json_encode`` writes it (``\\/`` for every ``/``)."""
    if shape == "html":
        rows = "".join(f'<li><a href="/nieuws/bericht-{number}-{k}">Inkoop jeugdhulp {number}-{k}</a></li>'
                       for k in range(2))
        data = {"success": True, "html": rows, "next": f"/nieuws/meer?pagina={number + 1}" if number < last else None}
    else:
        data = {"items": [{"title": f"Inkoop jeugdhulp {number}-{k}", "url": f"/nieuws/bericht-{number}-{k}",
                           "date": "2026-11-30"} for k in range(2)], "page": number, "hasMore": number < last}
    return ("application/json", json.dumps(data).replace("/", "\\/").encode())


@pytest.mark.parametrize("control, shape", [
    ("<button class='load-more' data-url='/nieuws/meer?pagina=2'>Meer laden</button>", "html"),
    ("<div class='load-more'><a class='btn' href='/nieuws/meer?pagina=2'>Laad meer nieuws</a></div>", "html"),
    ("<button type='button' class='js-load-more' data-href='/nieuws/meer?pagina=2'>Toon meer berichten</button>", "items"),
])
def test_a_listing_loaded_by_a_meer_laden_json_endpoint_is_read_to_its_last_page(tmp_path, control, shape):
    """§2.1 listing pages and paging: a listing shows its first items and loads the next ones by a "Meer laden"
    button, its script asking an endpoint that answers JSON (the rendered rows and the next endpoint, or the items'
    addresses and whether more follow). The crawl read the first items only: a ``<button data-url>`` is no link, a
    link to another path is no page of the listing's pager, and a JSON answer read as HTML gives no link (its
    ``href=\\"\\/nieuws\\/…\\"`` escaped). The control's endpoint is a page of the listing, its JSON's rows and
    addresses its items, its next endpoint (or the same with the next page number, while it says more follow) its
    next page, within ``max_pages``: every item is archived, each endpoint asked once."""
    log: list[str] = []
    routes = {"/robots.txt": ROBOTS, "/nieuws": load_more_listing(control),
              **{f"/nieuws/meer?pagina={n}": load_more_page(n, shape) for n in (2, 3)},
              "/nieuws/meer?pagina=4": ("application/json", b'{"items": [], "html": "", "hasMore": false}'),
              **{f"/nieuws/bericht-{n}-{k}": undated_page(f"Inkoop jeugdhulp {n}-{k}") for n in (1, 2, 3) for k in range(2)}}
    with serve(routes, log) as base:
        crawl = crawl_news(registry(tmp_path, base_url=base, allow=[r"^/nieuws/bericht"],
                                    discovery={"listing": {"urls": ["nieuws"], "max_pages": 5}}), tmp_path / "archive.db")
    assert crawl.returncode == 0, crawl.stderr[-3000:]
    db = sqlite_utils.Database(tmp_path / "archive.db")
    assert sorted(r["title"] for r in db["articles"].rows) == sorted(
        f"Inkoop jeugdhulp {n}-{k}" for n in (1, 2, 3) for k in range(2))
    endpoints = [p for p in log if p.startswith("/nieuws/meer")]
    assert sorted(endpoints) == sorted(set(endpoints)) and "/nieuws/meer?pagina=3" in endpoints
    assert next(db.query("select status, error_count from crawls")) == {"status": "complete", "error_count": 0}
