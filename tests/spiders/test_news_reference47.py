"""The news spider, forty-seventh pass against docs/reference/news-sites.md as an evaluator would test it: an item's
own pager (an iprox site, §2.1: ``div.iprox-rich-content`` its body, writes under each item the links to the previous
and next item, naming their titles, and an item split over pages its page numbers, "Pagina 1 van 2"; §2.4 lists
navigation in the text as boilerplate); one item under two spellings of its address on a case-insensitive server
(§2.2's ``/Informatie_en_nieuws/...`` addresses); a listing read by two registry entries (§1 [S0], a region's item on
a municipality's site). Loopback sites of SYNTHETIC pages (labelled like tests/fixtures/news) around real texts,
crawled with ``tenderarchive crawl news`` into a real archive."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
import sqlite_utils
import yaml

from tests import forkcli
from tests.conftest import ROOT
from tests.spiders.test_news import crawl_news
from tests.spiders.test_news_reference import ROBOTS, registry, serve
from tests.spiders.test_news_reference42 import PAGES as REAL

SLUG = "zeeuwse-gemeenten-zetten-mes-in-jeugdzorgaanbieders"
TITLE, _, TEXT, _ = REAL[f"/nieuws/{SLUG}"]
FIRST, SECOND = TEXT.split(". ", 1)
ITEM = f"/actueel/nieuws/{SLUG}"
#: The titles of the items before and after it on the site, which its pager names.
BEFORE, AFTER = "Raad stelt begroting 2020 vast", "Nieuwe speeltuin in Middelburg geopend"


def iprox(title: str, body: str):
    return ("text/html; charset=utf-8", (
        '<!doctype html><html lang="nl"><head><meta charset="utf-8"><meta name="tenderarchive-fixture" '
        f'content="synthetic"><title>{title}</title></head><body><main><h1>{title}</h1>'
        '<div class="iprox-content iprox-date date">16 december 2019</div>'
        f'<div class="iprox-rich-content iprox-content">{body}</div></main></body></html>').encode())


def pager(page: int, param: str = "page", neighbours: bool = True) -> str:
    """The item's pager on its page ``page`` of 2 (its pages numbered with ``?{param}=N``) and, where
    ``neighbours``, the links to the items before and after it."""
    other = 2 if page == 1 else 1
    return (f'<div class="paginering"><p>Pagina {page} van 2</p><a href="{ITEM}?{param}={other}">{other}</a> '
            f'<a href="{ITEM}?{param}={other}">{"Volgende" if page == 1 else "Vorige"}</a></div>'
            + ('<ul class="vorige-volgende"><li><a href="/actueel/nieuws/begroting" rel="prev">'
               f'Vorig bericht: {BEFORE}</a>'
               f'</li><li><a href="/actueel/nieuws/speeltuin" rel="next">Volgend bericht: {AFTER}</a></li></ul>'
               if neighbours else ""))


def crawl_split_item(tmp_path, param: str = "page", neighbours: bool = True, **entry) -> dict:
    """The iprox item ``ITEM`` (listed at ``/actueel/nieuws``) split over two pages, its second at ``?{param}=2``,
    each with its ``pager``, crawled into ``tmp_path``'s archive by a registry entry with ``entry``'s keys besides:
    its one article, once the crawl has asked the second page and archived the text of both."""
    routes = {"/robots.txt": ROBOTS,
              "/actueel/nieuws": ("text/html; charset=utf-8", (
                  '<!doctype html><html><head><meta name="tenderarchive-fixture" content="synthetic"></head><body>'
                  f'<div id="results"><div class="grid-element"><a class="siteLink" href="{ITEM}">{TITLE}</a></div>'
                  '</div></body></html>').encode()),
              ITEM: iprox(TITLE, f"<p>{FIRST}.</p>{pager(1, param, neighbours)}"),
              f"{ITEM}?{param}=2": iprox(TITLE, f"<p>{SECOND}</p>{pager(2, param, neighbours)}")}
    asked: list[str] = []
    with serve(routes, asked) as base:
        done = crawl_news(registry(tmp_path, base_url=base, allow=[f"^{ITEM}$"], discovery={
            "listing": {"urls": ["actueel/nieuws"]}}, selectors={"body": ".iprox-rich-content"}, **entry),
            tmp_path / "archive.db")
    assert done.returncode == 0, done.stderr[-3000:]
    [article] = sqlite_utils.Database(tmp_path / "archive.db")["articles"].rows
    assert f"{ITEM}?{param}=2" in asked
    assert FIRST in article["text"] and SECOND in article["text"]
    return article


def test_an_items_pager_and_the_titles_of_the_items_beside_it_are_no_part_of_its_archived_text(tmp_path):
    """The item is archived with the text of both its pages and nothing of their pagers: not "Pagina 1 van 2",
    "Volgende", nor the titles of the previous and next items (another page's words, read by the analysis as this
    item's)."""
    article = crawl_split_item(tmp_path)
    for word in (BEFORE, AFTER, "Vorig bericht", "Volgend", "Pagina 1 van 2", "Pagina 2 van 2"):
        assert word not in article["text"], word
    assert article["text"].rstrip().endswith(SECOND.rstrip())


class CaseInsensitive(dict):
    """Routes of a server that reads paths case-insensitively (IIS, on which iprox sites run: news-sites.md §2.2
    ``/Informatie_en_nieuws/Nieuwsberichten/Nieuws_<Title_Words>``): ``/Nieuws/X`` and ``/nieuws/x`` one page."""

    def get(self, path, default=None):
        return super().get(path.lower(), default)


#: The item's address as the site's menu writes it, and as a newsletter or an older listing wrote it.
SPELLED = "/Informatie_en_nieuws/Nieuwsberichten/Nieuws_Update_aanbesteding"
LOWER = SPELLED.lower()


def iis_site(listed: list[str]) -> CaseInsensitive:
    """The news overview linking the item under each of ``listed`` (read at every answer); the item, whose every
    answer carries a fresh anti-forgery token (ASP.NET's ``__RequestVerificationToken``), so no two answers are
    byte for byte the same."""
    answers = iter(range(1, 1000))
    item = lambda base: ("text/html; charset=utf-8", (  # noqa: E731
        '<!doctype html><html lang="nl"><head><meta charset="utf-8"><meta name="tenderarchive-fixture" '
        f'content="synthetic"><title>{TITLE}</title></head><body><main><article><h1>{TITLE}</h1>'
        f'<div class="iprox-content iprox-date date">16 december 2019</div><p>{TEXT}</p></article>'
        f'<form action="/zoeken"><input type="hidden" name="__RequestVerificationToken" value="t{next(answers)}">'
        '<input name="q"></form></main></body></html>').encode())
    overview = lambda base: ("text/html; charset=utf-8", (  # noqa: E731
        '<!doctype html><html><head><meta name="tenderarchive-fixture" content="synthetic"></head><body><main><ul>'
        + "".join(f'<li><a href="{href}">{TITLE}</a></li>' for href in listed) + '</ul></main></body></html>').encode())
    return CaseInsensitive({"/robots.txt": ROBOTS, LOWER: item, "/informatie_en_nieuws/nieuwsberichten": overview})


def crawl_iis(tmp_path, base: str) -> None:
    done = crawl_news(registry(tmp_path, base_url=base, allow=["(?i)^/informatie_en_nieuws/nieuwsberichten/nieuws_"],
                               discovery={"listing": {"urls": ["Informatie_en_nieuws/Nieuwsberichten"]}}),
                      tmp_path / "archive.db")
    assert done.returncode == 0, done.stderr[-3000:]


def test_one_item_linked_under_two_spellings_on_a_case_insensitive_server_is_archived_once(tmp_path):
    """A listing links one item as ``/Informatie_en_nieuws/.../Nieuws_Update_aanbesteding`` and in lower case; the
    server answers both, each answer with its own token: one article (the same title and text under addresses
    that differ only in the case of their letters), not two."""
    with serve(iis_site([SPELLED, LOWER])) as base:
        crawl_iis(tmp_path, base)
    rows = list(sqlite_utils.Database(tmp_path / "archive.db")["articles"].rows)
    assert len(rows) == 1, [r["url"] for r in rows]
    assert TEXT[:200] in rows[0]["text"]


def test_an_archived_item_linked_in_another_spelling_by_a_later_crawl_stays_one_article(tmp_path):
    """The first crawl archives the item as the menu spells it; the next crawl's listing links it in lower case
    too: still one article under its first address, no new version."""
    listed = [SPELLED]
    with serve(iis_site(listed)) as base:
        crawl_iis(tmp_path, base)
        [first] = sqlite_utils.Database(tmp_path / "archive.db")["articles"].rows
        listed.append(LOWER)
        crawl_iis(tmp_path, base)
    db = sqlite_utils.Database(tmp_path / "archive.db")
    assert [r["url"] for r in db["articles"].rows] == [first["url"]]
    assert first["url"].endswith(SPELLED)
    assert db["versions"].count == 0
    # rebuilt from the raw store alone, crawl by crawl: the same one article
    rebuilt = forkcli.run(["reparse", "--db", str(tmp_path / "archive.db")], cwd=ROOT, timeout=300)
    assert rebuilt.returncode == 0, rebuilt.stderr[-3000:]
    assert [r["url"] for r in sqlite_utils.Database(tmp_path / "archive.db")["articles"].rows] == [first["url"]]


#: A municipality's news overview that also lists its region's items (news-sites.md §1: [S0], a "Leidse Regio" item
#: on the gemeente Leiderdorp site): one item of the municipality's, one of the region's under ``/regio/``.
SHARED = {"/robots.txt": ROBOTS,
          "/nieuws": ("text/html; charset=utf-8", (
              '<!doctype html><html><head><meta name="tenderarchive-fixture" content="synthetic"></head>'
              '<body><main><ul>'
              f'<li><a href="/regio/{SLUG}">{TITLE}</a></li><li><a href="/nieuws/raad">Raad vergadert</a></li>'
              '</ul></main></body></html>').encode()),
          f"/regio/{SLUG}": iprox(TITLE, f"<p>{TEXT}</p>"),
          "/nieuws/raad": iprox("Raad vergadert", "<p>De gemeenteraad vergadert op 16 december 2019 over de "
                                                  "begroting en het jeugdbeleid van de gemeente.</p>")}


def crawl_two_entries(tmp_path, routes: dict, discovery, region_first: bool) -> dict:
    """One news crawl of the site serving ``routes`` read by two registry entries: the municipality's (its base the
    site's root, every page its own) and its region's (its base ``/regio/``, its pages under it), the region's first
    where ``region_first``, each with the ``discovery`` a callable of the site's base URL gives. The crawl succeeds;
    the site (entry) of each article, by its path."""
    with serve(routes) as base:
        entries = [{"name": "gemeente", "title": "Gemeente (synthetic)", "base_url": base,
                    "municipalities": ["Leiderdorp"], "allow": ["^/"]},
                   {"name": "regio", "title": "Regio (synthetic)", "base_url": base + "regio/",
                    "municipalities": ["Leiden", "Leiderdorp", "Oegstgeest", "Zoeterwoude"], "allow": ["^/"]}]
        for entry in entries:
            entry.update(discovery=discovery(base), politeness={"download_delay": 0, "concurrency": 4})
        path = tmp_path / "sources.yaml"
        path.write_text(yaml.safe_dump({"version": 1, "sites": entries[::-1] if region_first else entries},
                                       allow_unicode=True), encoding="utf-8")
        done = crawl_news(str(path), tmp_path / "archive.db")
    assert done.returncode == 0, done.stderr[-3000:]
    rows = sqlite_utils.Database(tmp_path / "archive.db")["articles"].rows
    return {urlsplit(r["url"]).path: r["site"] for r in rows}


@pytest.mark.parametrize("region_first", [False, True], ids=["municipality first", "region first"])
def test_a_page_of_a_listing_two_entries_read_goes_to_the_entry_whose_address_serves_it(tmp_path, region_first):
    """Two registry entries read one overview: the municipality's (its base the site's root, every page its
    own) and its region's (its base ``/regio/``, its pages under it). The region's item goes to the region's entry,
    the municipality's to the municipality's, in either order of the registry and of the answers."""
    sites = crawl_two_entries(tmp_path, SHARED, lambda base: {"listing": {"urls": [base + "nieuws"]}}, region_first)
    assert sites == {f"/regio/{SLUG}": "regio", "/nieuws/raad": "gemeente"}
