"""Specification of the news source registry (tenderarchive.sources)."""

from __future__ import annotations

import copy
import importlib.util
import re
import urllib.request
from pathlib import Path

import pytest
import yaml

from tenderarchive.sources import SourceRegistryError, load_sources, parse_sources

FIXTURES = Path(__file__).parent / "fixtures" / "news"
LOOPBACK_REGISTRY = FIXTURES / "sources.yaml"

VALID = {
    "name": "heerlen",
    "title": "Gemeente Heerlen",
    "base_url": "https://www.heerlen.nl/",
    "municipalities": ["Heerlen"],
    "region": "JZ41 Zuid-Limburg",
    "cms": "typo3",
    "discovery": {"sitemaps": ["sitemap.xml"], "robots_sitemaps": True},
    "allow": [r"\.html$"],
    "deny": ["^/zoeken"],
}
OTHER = {"name": "leiderdorp", "title": "Gemeente Leiderdorp", "base_url": "https://www.leiderdorp.nl/",
         "municipalities": ["Leiderdorp"], "discovery": {"listing": {"urls": ["inwoner/nieuws"]}}}


def registry_with(**changes):
    """Registry of two valid entries where entry 2 ("heerlen") gets `changes`
    (dotted keys reach into nested mappings; value None deletes the key)."""
    entry = copy.deepcopy(VALID)
    for dotted, value in changes.items():
        *parents, last = dotted.split("__")
        target = entry
        for p in parents:
            target = target.setdefault(p, {})
        if value is None:
            target.pop(last, None)
        else:
            target[last] = value
    return {"sites": [copy.deepcopy(OTHER), entry]}


def error_for(**changes) -> str:
    with pytest.raises(SourceRegistryError) as exc:
        parse_sources(registry_with(**changes), "sources.yaml")
    return str(exc.value)


# ---------------------------------------------------------------- shipped registry

def test_shipped_registry_loads_and_covers_the_seed_and_regional_sites():
    sites = {s.name: s for s in load_sources()}
    for name in ("leiderdorp", "kennemerdagblad", "heerlen", "jeugdhulpmvs", "jeugdhulpzkij",
                 "jeugdhulprijnmond", "jeugdhulpleidseregio", "houten", "inkoopjeugdhulpzeeland",
                 "oegstgeest", "zorginregiohartvanbrabant", "maassluisecourant"):
        assert name in sites
    for site in sites.values():
        assert site.discovery.methods or site.living_pages, site.name
        assert site.municipalities or site.region
        assert site.base_url.endswith("/")
    assert sites["heerlen"].living_pages == ("https://www.heerlen.nl/inkoopjeugdhulp.html",)
    assert "https://www.houten.nl/regionale-backoffice-lekstroom/inkooptrajecten" in sites["houten"].living_pages
    assert sites["jeugdhulprijnmond"].discovery.feeds == ("https://jeugdhulprijnmond.nl/feed/",)


def test_shipped_registry_allows_the_seed_urls():
    sites = {s.name: s for s in load_sources()}
    import json

    gold = json.loads((FIXTURES / "seeds" / "gold.json").read_text(encoding="utf-8"))
    owner = {"000": "leiderdorp", "001": "kennemerdagblad", "002": "heerlen", "003": "jeugdhulpmvs", "004": "jeugdhulpmvs"}
    for g in gold:
        assert sites[owner[g["seed"][:3]]].allows(g["url"]), g["url"]


def test_guessed_cms_or_discovery_is_marked_in_a_note():
    for site in load_sources():
        assert site.note and re.search(r"guess|inference", site.note), site.name


# ---------------------------------------------------------------- validation errors

@pytest.mark.parametrize("changes,field,problem", [
    ({"discovery__sitemaps": ["not a url"]}, "discovery.sitemaps[0]", "must be a URL"),
    ({"discovery__sitemap": ["sitemap.xml"]}, "discovery.sitemap", "unknown field"),
    ({"base_url": "ftp://www.heerlen.nl/"}, "base_url", "must be a URL"),
    ({"base_url": "heerlen.nl"}, "base_url", "absolute"),
    ({"name": "Heerlen NL"}, "name", "slug"),
    ({"title": None}, "title", "required"),
    ({"municipalities": None, "region": None}, "municipalities", "region"),
    ({"cms": "joomla"}, "cms", "iprox"),
    ({"allow": ["(unclosed"]}, "allow[0]", "regular expression"),
    ({"discovery": {}}, "discovery", "needs"),
    ({"discovery__listing": {"next": "a.next"}}, "discovery.listing.urls", "required"),
    ({"discovery__listing": {"urls": ["nieuws"], "max_pages": 0}}, "discovery.listing.max_pages", ">= 1"),
    ({"discovery__robots_sitemaps": "yes"}, "discovery.robots_sitemaps", "true or false"),
    ({"selectors": {"body": "div[["}}, "selectors.body", "invalid selector"),
    ({"selectors": {"teaser": ".lead"}}, "selectors.teaser", "unknown field"),
    ({"politeness": {"download_delay": -1}}, "politeness.download_delay", ">= 0"),
    ({"enabled": "ja"}, "enabled", "true or false"),
])
def test_error_names_entry_and_field(changes, field, problem):
    message = error_for(**changes)
    name = changes.get("name", "heerlen")
    assert message.startswith(f'sources.yaml: entry 2 ("{name}"): field "{field}": ')
    assert problem in message


@pytest.mark.parametrize("changes,field,says", [
    ({"discovery__feed": ["feed/"]}, "discovery.feed", ['did you mean "feeds"?', "feeds, sitemaps"]),
    ({"discovery__listing": {"url": ["nieuws"]}}, "discovery.listing.url", ['did you mean "urls"?']),
    ({"feeds": ["feed/"]}, "feeds", ['"feeds" belongs under "discovery"']),
    ({"listing": {"urls": ["nieuws"]}}, "listing", ['"listing" belongs under "discovery"']),
    ({"selectors": {"lead": ".intro"}}, "selectors.lead", ["fields here: title, date, body"]),
])
def test_a_mistyped_field_names_the_field_meant(changes, field, says):
    """A user adding a site writes ``feed:`` for ``feeds:``, or the feeds beside ``discovery`` instead of in it:
    "unknown field" alone left them to read the module's source for the names there are."""
    message = error_for(**changes)
    assert message.startswith(f'sources.yaml: entry 2 ("heerlen"): field "{field}": unknown field')
    for words in says:
        assert words in message


@pytest.mark.parametrize("changes,field,says", [
    ({"discovery__listing": "inwoner/nieuws"}, "discovery.listing",
     "must be a mapping of fields (urls, next, max_pages), not text ('inwoner/nieuws')"),
    ({"discovery": ["feed/"]}, "discovery", "must be a mapping of fields (feeds, sitemaps, robots_sitemaps"),
    ({"discovery__sitemaps": True}, "discovery.sitemaps", "must be a list, e.g. [a, b], not true/false"),
    ({"discovery__openpub": True}, "discovery.openpub", "must be a list, e.g. [a, b], not true/false"),
    ({"selectors": "h1"}, "selectors", "must be a mapping of fields (title, date, body), not text ('h1')"),
    ({"region": ["JZ41"]}, "region", "must be text, not a list (['JZ41'])"),
])
def test_a_value_of_the_wrong_kind_says_what_to_write(changes, field, says):
    """``listing: inwoner/nieuws`` (the URL where the docs nest ``urls:``), ``sitemaps: true``: the error said
    pydantic's "Input should be a valid dictionary or instance of ListingSpec" or "a valid tuple", a class and a
    Python type the file never shows, not what to write."""
    message = error_for(**changes)
    assert message.startswith(f'sources.yaml: entry 2 ("heerlen"): field "{field}": {says}')
    assert "Input should" not in message and "Spec" not in message


def test_an_entry_that_is_no_mapping_lists_the_fields_of_one():
    with pytest.raises(SourceRegistryError) as exc:
        parse_sources({"sites": [copy.deepcopy(OTHER), "heerlen"]}, "sources.yaml")
    assert str(exc.value).startswith('sources.yaml: entry 2: field "(entry)": must be a mapping of fields (name, title, '
                                     "base_url")


@pytest.mark.parametrize("written,says", [
    (["Leidendorp"], "unknown municipality 'Leidendorp' (did you mean 'Leiderdorp'"),
    ("Heerlen, Landgraaf, Voerendaal", "'Heerlen, Landgraaf, Voerendaal' is one name to YAML; write a list: "
                                        "[Heerlen, Landgraaf, Voerendaal]"),
])
def test_a_municipality_the_reference_does_not_know_is_an_error_with_the_name_meant(written, says):
    """A typo, or the names written as one string (YAML's one name): taken as written, ``--site Landgraaf`` then
    named no site of the registry."""
    message = error_for(municipalities=written)
    assert message.startswith('sources.yaml: entry 2 ("heerlen"): field "municipalities[0]": ' + says)


def test_municipalities_are_kept_as_written_when_the_reference_knows_them():
    """A CBS name, an alias, a GM code, a merged municipality's old name, an ambiguous name: each as written."""
    written = ["Heerlen", "Den Bosch", "GM0917", "Weesp", "Bergen"]
    assert parse_sources(registry_with(municipalities=written))[1].municipalities == tuple(written)


def test_the_documented_example_entry_loads_as_written():
    """The entry in the module's docstring is what a user adding a site copies: it loads as written."""
    import textwrap

    from tenderarchive import sources

    doc = sources.__doc__
    example = textwrap.dedent(doc[doc.index("    - name: leiderdorp"):doc.index("``allow``/``deny``")])
    (site,) = parse_sources(yaml.safe_load(example), "sources.yaml")
    assert site.discovery.methods == ["feeds", "sitemaps", "robots_sitemaps", "listing", "openpub"]
    assert site.discovery.listing.urls == ("https://www.leiderdorp.nl/inwoner/nieuws",)


@pytest.mark.parametrize("field,pattern", [
    ("allow", "https://www.heerlen.nl/inkoopjeugdhulp"), ("allow", r"^https?://(www\.)?heerlen\.nl/nieuws/"),
    ("allow", r"^www\.heerlen\.nl/"), ("allow", "heerlen.nl/nieuws/"), ("deny", "//www.heerlen.nl/zoeken"),
])
def test_an_allow_or_deny_pattern_written_as_an_address_is_an_error(field, pattern):
    """A user adding a site writes the news section's address as its ``allow`` pattern: the patterns are searched
    in a URL's path and ?query only, so it refused every page discovery found (the crawl "complete", nothing
    archived, no word why), and such a ``deny`` refused nothing. The registry says so and shows how to write it."""
    message = error_for(**{field: [r"\.html$", pattern]})
    assert message.startswith(f'sources.yaml: entry 2 ("heerlen"): field "{field}[1]": ')
    assert "path" in message and "'^/nieuws/'" in message


def test_path_patterns_naming_no_address_are_accepted():
    site = parse_sources(registry_with(allow=["^/nieuws/", r"\.html$", "/http-fouten/", r"/www\d+/"],
                                       deny=["^/zoeken", r"\?page="]))[1]
    assert site.allows("https://www.heerlen.nl/nieuws/inkoop-jeugdhulp")


def test_duplicate_names_are_rejected():
    data = {"sites": [copy.deepcopy(OTHER), copy.deepcopy(OTHER)]}
    with pytest.raises(SourceRegistryError, match=r'entry 2 \("leiderdorp"\): field "name": duplicate of entry 1'):
        parse_sources(data)


def test_file_errors_name_the_file(tmp_path):
    bad = tmp_path / "mijn-bronnen.yaml"
    bad.write_text(yaml.safe_dump(registry_with(discovery__feeds=["feed met spatie"])), encoding="utf-8")
    with pytest.raises(SourceRegistryError, match=r'^mijn-bronnen\.yaml: entry 2 \("heerlen"\): field "discovery\.feeds\[0\]"'):
        load_sources(bad)
    bad.write_text("sites: []\n", encoding="utf-8")
    with pytest.raises(SourceRegistryError, match=r'field "sites"'):
        load_sources(bad)


# ---------------------------------------------------------------- behaviour

def test_relative_urls_resolve_against_base_url():
    site = parse_sources(registry_with(living_pages=["inkoopjeugdhulp.html"]))[1]
    assert site.discovery.sitemaps == ("https://www.heerlen.nl/sitemap.xml",)
    assert site.living_pages == ("https://www.heerlen.nl/inkoopjeugdhulp.html",)


def test_a_url_written_with_a_leading_slash_stays_under_a_base_url_with_a_path():
    """A user adding a site whose news is under ``https://www.heerlen.nl/bestuur/`` writes ``/nieuws`` as well as
    ``nieuws``: both are under the base's path (by URL rules the slash replaced it, ``https://www.heerlen.nl/nieuws``, a
    404 or another part of the site). One that already begins with the base's path, one written in full and one on
    another host are taken as written."""
    site = parse_sources(registry_with(
        base_url="https://www.heerlen.nl/bestuur/", living_pages=["/inkoopjeugdhulp.html", "inkoop.html", "/bestuur"],
        discovery={"sitemaps": ["/sitemap.xml", "/bestuur/sitemap-nieuws.xml", "https://www.heerlen.nl/sitemap.xml"],
                   "feeds": ["//nieuws.heerlen.nl/rss"], "listing": {"urls": ["/nieuws?pagina=1"]}}))[1]
    assert site.living_pages == ("https://www.heerlen.nl/bestuur/inkoopjeugdhulp.html",
                                 "https://www.heerlen.nl/bestuur/inkoop.html", "https://www.heerlen.nl/bestuur")
    assert site.discovery.sitemaps == ("https://www.heerlen.nl/bestuur/sitemap.xml",
                                       "https://www.heerlen.nl/bestuur/sitemap-nieuws.xml",
                                       "https://www.heerlen.nl/sitemap.xml")
    assert site.discovery.feeds == ("https://nieuws.heerlen.nl/rss",)
    assert site.discovery.listing.urls == ("https://www.heerlen.nl/bestuur/nieuws?pagina=1",)
    at_the_root = parse_sources(registry_with(living_pages=["/inkoopjeugdhulp.html"]))[1]
    assert at_the_root.living_pages == ("https://www.heerlen.nl/inkoopjeugdhulp.html",)


def test_allow_and_deny():
    site = parse_sources(registry_with())[1]
    assert site.allows("https://www.heerlen.nl/inkoopjeugdhulp.html")
    assert site.allows("https://heerlen.nl/inkoopjeugdhulp.html")  # www. optional
    assert not site.allows("https://www.heerlen.nl/wonen/")  # no allow pattern matches
    assert not site.allows("https://www.heerlen.nl/zoeken.html")  # denied
    assert not site.allows("https://www.landgraaf.nl/inkoopjeugdhulp.html")  # other host
    assert not site.allows("mailto:info@heerlen.nl")
    open_site = parse_sources(registry_with(allow=None, deny=None))[1]
    assert open_site.allows("https://www.heerlen.nl/wonen/")


def test_allow_and_deny_under_a_base_url_with_a_path_match_a_page_by_its_path_from_there_too():
    """As its URLs are written (``/nieuws`` is under the base's path), so are its patterns: ``'^/nieuws/'`` under
    ``https://www.heerlen.nl/bestuur/`` refused every page of ``/bestuur/nieuws/`` (a crawl complete with nothing
    archived). A pattern with the base's path still matches; a page outside the base's path is matched as it is."""
    site = parse_sources(registry_with(base_url="https://www.heerlen.nl/bestuur/", allow=["^/nieuws/"],
                                       deny=["^/nieuws/zoeken"]))[1]
    assert site.allows("https://www.heerlen.nl/bestuur/nieuws/een-loket")
    assert site.allows("https://www.heerlen.nl/nieuws/een-loket")
    assert not site.allows("https://www.heerlen.nl/bestuur/nieuws/zoeken?q=jeugd")
    assert not site.allows("https://www.heerlen.nl/bestuur/wonen/nieuws/een-loket")
    assert not site.allows("https://www.heerlen.nl/anders/nieuws/een-loket")
    written_in_full = parse_sources(registry_with(base_url="https://www.heerlen.nl/bestuur/",
                                                  allow=["^/bestuur/nieuws/"]))[1]
    assert written_in_full.allows("https://www.heerlen.nl/bestuur/nieuws/een-loket")
    assert not written_in_full.allows("https://www.heerlen.nl/nieuws/een-loket")


def test_site_works_as_extraction_site_argument():
    from tenderarchive.extraction import extract_html

    site = parse_sources(registry_with(living_pages=["inkoopjeugdhulp.html"], selectors={"body": "main"}))[1]
    page = extract_html("<html><body><main><h1>Inkoop</h1><p>Tekst over de inkoop van jeugdhulp en de aanbesteding.</p></main>"
                        "<footer>Voettekst</footer></body></html>", "https://www.heerlen.nl/inkoopjeugdhulp.html", site=site)
    assert page["page_type"] == "project_page"
    assert page["extractor"] == "selectors" and "Voettekst" not in page["text"]
    assert site.to_dict()["selectors"] == {"body": "main"}


def test_placeholders_need_base_urls():
    with pytest.raises(SourceRegistryError, match=r'entry 1 \("leiderdorp"\): field "base_url": contains \{base_url\}'):
        load_sources(LOOPBACK_REGISTRY)
    sites = load_sources(LOOPBACK_REGISTRY, base_urls="http://127.0.0.1:8000/{site_name}")
    assert sites[0].base_url == "http://127.0.0.1:8000/leiderdorp/"
    assert sites[0].discovery.listing.urls == ("http://127.0.0.1:8000/leiderdorp/inwoner/nieuws",)


# ---------------------------------------------------------------- loopback fixture sites

def _serve_module():
    spec = importlib.util.spec_from_file_location("news_fixture_serve", FIXTURES / "serve.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        assert response.status == 200
        return response.read().decode("utf-8")


def test_loopback_registry_discovers_every_fixture_article():
    """Following each site's discovery (robots.txt Sitemap:, sitemaps, feeds,
    listing pages with next links) reaches every article page of that site,
    and every discovered URL is allowed by the site and is served."""
    serve = _serve_module()
    manifest = serve.load_manifest()["sites"]
    with serve.serve_sites() as base_urls:
        sites = load_sources(LOOPBACK_REGISTRY, base_urls=base_urls)
        assert {s.name for s in sites} == set(manifest)
        for site in sites:
            found: set[str] = set()
            d = site.discovery
            sitemaps = list(d.sitemaps)
            if d.robots_sitemaps:
                sitemaps += re.findall(r"(?im)^sitemap:\s*(\S+)", _get(site.robots_url))
            while sitemaps:
                body = _get(sitemaps.pop())
                locs = [loc.replace("&amp;", "&") for loc in re.findall(r"<loc>([^<]+)</loc>", body)]
                if "<sitemapindex" in body:
                    sitemaps += locs
                else:
                    found.update(locs)
            for feed in d.feeds:
                body = _get(feed)
                found.update(re.findall(r"<link>([^<]+)</link>", body))
                found.update(re.findall(r'<link rel="alternate" type="text/html" href="([^"]+)"', body))
            if d.listing:
                import lxml.html

                for start in d.listing.urls:
                    url, pages = start, 0
                    while url and pages < d.listing.max_pages:
                        tree = lxml.html.fromstring(_get(url))
                        tree.make_links_absolute(url)
                        found.update(tree.xpath('//*[@id="results"]//a/@href'))
                        nxt = tree.cssselect(d.listing.next) if d.listing.next else []
                        url, pages = (nxt[0].get("href") if nxt else None), pages + 1
            found.update(site.living_pages)
            articles = {site.base_url.rstrip("/") + r["path"] for r in manifest[site.name]["routes"]
                        if r.get("kind") == "article"}
            discovered = {u for u in found if site.allows(u) or u in site.living_pages}
            assert articles <= discovered, (site.name, articles - discovered)
            for url in discovered:
                assert "SYNTHETISCHE TESTPAGINA" in _get(url)


def test_every_shipped_site_uses_what_its_cms_family_offers():
    """news-sites.md §2.1 "what a scraper can rely on": TYPO3 ``/sitemap.xml`` or robots.txt's
    ``Sitemap:``; WordPress RSS at ``/feed/`` and ``/wp-sitemap.xml``; a site is crawled through
    its own discovery, not only from a list of living pages (§1)."""
    for site in load_sources():
        d = site.discovery
        if site.cms == "typo3":
            assert d.robots_sitemaps or d.sitemaps, site.name
        if site.cms == "wordpress":
            assert d.feeds and (d.sitemaps or d.robots_sitemaps), site.name
        assert d.methods, site.name
