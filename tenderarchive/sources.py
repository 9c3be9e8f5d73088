"""The news source registry: which sites to crawl and how to discover pages.

The registry is a YAML file (the shipped one is ``tenderarchive/sources.yaml``)
with a top-level ``sites:`` list.  One entry per site::

    - name: leiderdorp                 # slug id: [a-z0-9][a-z0-9_-]*, unique
      title: Gemeente Leiderdorp
      base_url: https://www.leiderdorp.nl/
      municipalities: [Leiderdorp]     # CBS names (an alias, a GM code: checked); and/or
      region: JZ18 Holland Rijnland    # jeugdregio or sub-region ("MVS", "Leidse regio")
      cms: iprox                       # iprox | wordpress | typo3 | drupal | other (optional)
      discovery:                       # at least one method, or living_pages
        feeds: [feed/]                 # RSS/Atom URLs, or a page naming its feeds in its <head>;
                                       # a paged feed's rel="next" pages to NEWS_FEED_MAX_PAGES
                                       # (WordPress's ?paged=N too)
        sitemaps: [sitemap.xml]        # sitemap or sitemap-index URLs
        robots_sitemaps: true          # also read "Sitemap:" lines in robots.txt (none, or
                                       # no robots.txt: the CMS's /sitemap.xml, /wp-sitemap.xml;
                                       # where missing, TYPO3's ?type=1533906435, WordPress's
                                       # /sitemap_index.xml and ?sitemap=index)
        openpub: [wp-json/owc/openpub/v1/items]   # Open Webconcept OpenPub REST API (WordPress):
                                       # its items are archived from the JSON, paged with
                                       # ?page=N up to NEWS_OPENPUB_MAX_PAGES a crawl, the next
                                       # crawl reading on from there (spiders/news.py); the
                                       # documented ?limit=N (default 10) a page may be given here
        listing:
          urls: [inwoner/nieuws]       # listing pages
          next: a[rel=next]            # CSS or XPath of the next-page link; without it (or
                                       # when it finds none) the numbered pager is followed:
                                       # ?pager_page=N, ?page=N, ?start=N, /page/N/, /pagina-N,
                                       # rel=next, or a "Meer laden" button's endpoint (its
                                       # JSON read as the rows a script would show)
          max_pages: 5                 # per listing URL; default 1
      allow: ['^/inwoner/nieuws/']     # regexes on the URL path (+ "?query")
      deny: ['/zoeken']
      living_pages: [inkoopjeugdhulp.html]   # project/FAQ pages re-checked every crawl
      selectors: {title: h1, date: .iprox-date, body: .iprox-rich-content}
      politeness: {download_delay: 2.0, concurrency: 1}
      enabled: true                    # default true
      note: "cms and discovery are guesses from URL shape"

``allow``/``deny`` filter the candidate page URLs that discovery finds;
discovery URLs themselves and ``living_pages`` are always fetched. Under a
base URL with a path a page under it is matched by its path from there too
(``'^/nieuws/'`` allows ``…/jeugdhulp/nieuws/een-loket`` under ``…/jeugdhulp/``).
Two entries naming one listing URL (a region's news on a member municipality's
overview), one feed or one sitemap, or both reading one host's robots.txt sitemaps,
each read it; a page both entries' rules allow is the entry's whose
``base_url`` serves it (its host, the longest path), else the first in the
registry's (``NewsSpider.discovery_owner``), whichever answer comes first.

URLs in ``discovery`` and ``living_pages`` may be relative; they resolve
against ``base_url``. Under a base URL with a path (``https://www.gemeente.nl/inwoner/``)
one written with a leading slash resolves under that path as well (``/nieuws`` is
``…/inwoner/nieuws``) unless it already begins with it (``/inwoner/nieuws``): an
address at the host's root under such a base is written in full. They may also be absolute on another host: a
municipality whose news listing is on ``www.gemeente.nl`` while its items are
on ``nieuws.gemeente.nl`` is one entry with the items' host as ``base_url``
and the listing's full address under ``discovery.listing.urls``. Pages are
the ``base_url`` host's only (``www.`` optional): a link to another host is
not followed.

A council information system (iBabs, Notubiz, a municipal "raadsinformatie")
is added like any site: its meeting calendar as the listing and ``allow``
rules for its meeting and agenda-item pages (``['^/vergadering/', '^/agendapunt/']``).
A meeting page that is its agenda (a list named an agenda whose items link
their own pages) is read as a listing of those items, one level deep, and is
no article itself (``spiders.news.agenda_item_links``).

Placeholders (for test registries): a ``base_url`` of ``"{base_url}"`` is
filled from the ``base_urls`` argument of :func:`load_sources` -- a mapping
``{site name: URL}`` or one string in which ``{site_name}`` is replaced by
the entry's name (``"http://127.0.0.1:8000/{site_name}/"``).

The file's shape is declared once (:class:`RegistryFile` and the models it uses)
and checked by :mod:`tenderarchive.config`, like every YAML file of the project.
Errors raise :class:`SourceRegistryError` naming the file, the entry and the
field, e.g. ``sources.yaml: entry 3 ("heerlen"): field
"discovery.sitemaps[0]": must be a URL``.  Entries are numbered from 1.
"""

from __future__ import annotations

from importlib import resources

import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal, Mapping
from urllib.parse import urljoin, urlsplit

from pydantic import AfterValidator, BeforeValidator, Field, model_validator

from tenderarchive.config import FieldError, Strict, read_yaml, validate

__all__ = [
    "SourceRegistryError",
    "Site",
    "Listing",
    "Discovery",
    "load_sources",
    "parse_sources",
    "SHIPPED_REGISTRY",
    "CMS_FAMILIES",
]

SHIPPED_REGISTRY = resources.files("tenderarchive") / "sources.yaml"  # works from a zipped egg too
#: The source registry the bundled demo's news crawl read, as the demo's ``crawls`` rows name it (``crawls.source``,
#: ``arguments.sources``; ``build-demo``, ``tenderarchive/snapshot/record.py``): the synthetic news sites' registry of
#: the source tree, each site's ``{base_url}`` the address it is shaped after. The recording crawled a copy of it in a
#: temporary folder, a path gone once recorded that the rows named; the registry read is recorded whole in the news
#: crawl's WARC file (its warcinfo ``registry``).
DEMO_REGISTRY = "tests/fixtures/news/sources.yaml (bundled demo registry, each site at its address)"
CMS_FAMILIES = ("iprox", "wordpress", "typo3", "drupal", "other")
PLACEHOLDER = "{base_url}"

_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


class SourceRegistryError(ValueError):
    """An invalid registry; the message names file, entry and field."""


@dataclass(frozen=True)
class Listing:
    urls: tuple[str, ...]
    next: str | None = None
    max_pages: int = 1


@dataclass(frozen=True)
class Discovery:
    feeds: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    robots_sitemaps: bool = False
    listing: Listing | None = None
    openpub: tuple[str, ...] = ()

    @property
    def methods(self) -> list[str]:
        """Names of the configured discovery methods."""
        out = []
        if self.feeds:
            out.append("feeds")
        if self.sitemaps:
            out.append("sitemaps")
        if self.robots_sitemaps:
            out.append("robots_sitemaps")
        if self.listing:
            out.append("listing")
        if self.openpub:
            out.append("openpub")
        return out


@dataclass(frozen=True)
class Site:
    """One validated registry entry.  All URLs are absolute."""

    name: str
    title: str
    base_url: str
    municipalities: tuple[str, ...] = ()
    region: str | None = None
    cms: str | None = None
    discovery: Discovery = field(default_factory=Discovery)
    allow: tuple[str, ...] = ()
    deny: tuple[str, ...] = ()
    living_pages: tuple[str, ...] = ()
    selectors: Mapping[str, str] = field(default_factory=dict)
    politeness: Mapping[str, float] = field(default_factory=dict)
    enabled: bool = True
    note: str | None = None

    @property
    def host(self) -> str:
        return urlsplit(self.base_url).hostname or ""

    @property
    def allowed_domains(self) -> list[str]:
        """Host with and without ``www.`` (jeugdhulpmvs.nl uses both)."""
        bare = self.host[4:] if self.host.startswith("www.") else self.host
        return sorted({bare, "www." + bare}) if not _is_ip(bare) else [bare]

    @property
    def robots_url(self) -> str:
        parts = urlsplit(self.base_url)
        return f"{parts.scheme}://{parts.netloc}/robots.txt"

    def allows(self, url: str) -> bool:
        """True if ``url`` belongs to this site and passes allow/deny.

        The host must equal the base URL's host (``www.`` optional, port must
        match).  The regexes are searched (``re.search``) in the path plus
        ``?query``: at least one ``allow`` must match (when any are given)
        and no ``deny`` may match.  Under a base URL with a path
        (``https://www.gemeente.nl/jeugdhulp/``) a page under it is also
        matched by its path from there (``/nieuws/een-loket`` for
        ``/jeugdhulp/nieuws/een-loket``), as its registry URLs are written
        (:func:`_resolve`): ``'^/nieuws/'`` refused every page such a site's
        discovery found, the crawl complete, nothing archived, no word why.
        """
        try:
            parts = urlsplit(url)
            base = urlsplit(self.base_url)
            if parts.scheme not in ("http", "https"):
                return False
            strip = lambda h: (h or "")[4:] if (h or "").startswith("www.") else (h or "")  # noqa: E731
            if strip(parts.hostname) != strip(base.hostname) or parts.port != base.port:
                return False
        except ValueError:  # a malformed URL (bad port, broken IPv6 host) is not one of ours
            return False
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        targets = [target]
        prefix = base.path.rstrip("/")
        if prefix and target.startswith(prefix + "/"):
            targets.append(target[len(prefix):])
        if self.allow and not any(re.search(p, t) for p in self.allow for t in targets):
            return False
        return not any(re.search(p, t) for p in self.deny for t in targets)

    def is_living_page(self, url: str) -> bool:
        return url.split("#")[0] in self.living_pages

    def to_dict(self) -> dict[str, Any]:
        """Plain dict (JSON-serialisable), e.g. for ``extract_html(site=...)``."""
        d = asdict(self)
        d["selectors"] = dict(self.selectors)
        d["politeness"] = dict(self.politeness)
        return d

    def get(self, key: str, default: Any = None) -> Any:
        """dict-style access, so a Site can be passed where a dict is expected."""
        value = getattr(self, key, default)
        return dict(value) if isinstance(value, Mapping) else value


def _is_ip(host: str) -> bool:
    return bool(re.match(r"^\d+\.\d+\.\d+\.\d+$", host)) or host in ("localhost", "::1")


# --------------------------------------------------------------------------
# the declared shape of a registry file
# --------------------------------------------------------------------------

def _url(value: Any) -> str:
    """An http(s) URL, absolute or relative to the entry's base_url (resolved later)."""
    if not isinstance(value, str) or not value.strip() or re.search(r"\s", value.strip()):
        raise ValueError("must be a URL")
    value = value.strip()
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018  (raises ValueError on a malformed port)
    except ValueError as exc:
        raise ValueError(f"must be a URL ({exc})") from None
    if parts.scheme and (parts.scheme not in ("http", "https") or not parts.netloc):
        raise ValueError("must be a URL")
    return value


def _absolute_url(value: Any) -> str:
    value = _url(value)
    if not urlsplit(value).scheme:
        raise ValueError("must be an absolute http(s) URL")
    return value if value.endswith("/") else value + "/"


def _resolve(base: str, url: str) -> str:
    """``url`` of a registry entry resolved against its ``base_url``. A path written with a leading slash
    (``/nieuws/rss``) under a base URL with a path (``https://www.gemeente.nl/inwoner/``, or a site served under
    ``http://127.0.0.1:8000/leiderdorp/``) is taken under that path, as the entry's other relative URLs are, unless
    it already begins with it: by URL rules (RFC 3986 §5.2) it replaced the base's path, so ``/nieuws/rss`` was
    ``https://www.gemeente.nl/nieuws/rss``, a 404 or another part of the site, and the docs' "write it without
    a leading slash" was the only word of it."""
    prefix = urlsplit(base).path.rstrip("/")
    if prefix and url.startswith("/") and not url.startswith("//"):
        path = urlsplit(url).path
        if not (path == prefix or path.startswith(prefix + "/")):
            return urljoin(base, url.lstrip("/"))
    return urljoin(base, url)


def _names_an_address(pattern: str, host: str) -> bool:
    """Whether an ``allow``/``deny`` regex is written as a whole address (``https://www.gemeente.nl/nieuws/``,
    ``^www\\.gemeente\\.nl/nieuws``, ``gemeente.nl/nieuws/``): :meth:`Site.allows` searches the patterns in a URL's
    path and query, where no scheme or host stands, so such an ``allow`` refused every page the site's discovery
    found (the crawl complete, nothing archived, no word why) and such a ``deny`` refused none."""
    literal = pattern.replace("\\", "").lstrip("^(").lower()
    return "://" in literal or bool(re.match(r"https?\??:|//|www\.", literal)) or bool(host) and host.lower() in literal


def _as_list(value: Any) -> Any:
    return [value] if isinstance(value, str) else ([] if value is None else value)


def _selector(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError("must be a non-empty CSS selector or XPath expression")
    value = value.strip()
    try:
        from lxml import etree

        if value.startswith(("/", "./", "(")):
            etree.XPath(value)
        else:
            from lxml.cssselect import CSSSelector

            CSSSelector(value)
    except ImportError:  # cssselect missing: cannot check CSS, accept it
        pass
    except Exception as exc:
        raise ValueError(f"invalid selector: {exc}") from None
    return value


def _regex(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError("must be a regular expression string")
    try:
        re.compile(value)
    except re.error as exc:
        raise ValueError(f"invalid regular expression: {exc}") from None
    return value


def _flag(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError("must be true or false")
    return value


def _count(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError("must be an integer >= 1")
    return value


def _seconds(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
        raise ValueError("must be a number of seconds >= 0")
    return float(value)


def _slug(value: Any) -> str:
    if not isinstance(value, str) or not _NAME.match(value):
        raise ValueError("required; a slug of lowercase letters, digits, '-' or '_'")
    return value


def _text(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError("required; a non-empty string")
    return value.strip()


def _municipality(value: str) -> str:
    """A municipality's name as written, when :mod:`tenderarchive.reference` knows it (a CBS name, an alias such as
    "Den Bosch", a GM code, a merged municipality's old name; an ambiguous one such as "Bergen" too), else an error
    with the names meant. A typo ("Leidendorp"), or several names in one string ("Leiden, Leiderdorp", which YAML
    reads as one name), was taken as written: ``--site Leiderdorp`` then named no site of the registry."""
    from tenderarchive import reference

    if reference.municipality(value) is not None:
        return value
    keys = reference.load().municipality_keys
    key = reference.normalise(value)
    if key in keys:  # ambiguous: a name of two municipalities
        return value
    parts = [p.strip() for p in value.split(",")]
    if len(parts) > 1 and all(reference.municipality(p) is not None for p in parts):
        raise ValueError(f"{value!r} is one name to YAML; write a list: [{', '.join(parts)}]")
    import difflib

    names = {row["name"] for row in reference.load().municipalities.values()}
    close = difflib.get_close_matches(value, sorted(names), n=3, cutoff=0.75)
    hint = f" (did you mean {', '.join(repr(c) for c in close)}?)" if close else ""
    raise ValueError(f"unknown municipality {value!r}{hint}; use a CBS name (tenderarchive/data/municipalities.csv)")


Url = Annotated[str, BeforeValidator(_url)]
Urls = Annotated[tuple[Url, ...], BeforeValidator(_as_list)]
Selector = Annotated[str, BeforeValidator(_selector)]
Flag = Annotated[bool, BeforeValidator(_flag)]
Regexes = Annotated[tuple[Annotated[str, BeforeValidator(_regex)], ...], BeforeValidator(_as_list)]


class ListingSpec(Strict):
    urls: Urls = ()
    next: Selector | None = None
    max_pages: Annotated[int, BeforeValidator(_count)] = 1

    @model_validator(mode="after")
    def has_urls(self):
        if not self.urls:
            raise FieldError("urls", "required; at least one listing URL")
        return self


class DiscoverySpec(Strict):
    feeds: Urls = ()
    sitemaps: Urls = ()
    robots_sitemaps: Flag = False
    listing: ListingSpec | None = None
    openpub: Urls = ()


class SelectorsSpec(Strict):
    title: Selector | None = None
    date: Selector | None = None
    body: Selector | None = None


class PolitenessSpec(Strict):
    download_delay: Annotated[float, BeforeValidator(_seconds)] | None = None
    concurrency: Annotated[int, BeforeValidator(_count)] | None = None


class SiteSpec(Strict):
    """One registry entry as written (URLs may still be relative)."""

    name: Annotated[str, BeforeValidator(_slug)]
    title: Annotated[str, BeforeValidator(_text)]
    base_url: Annotated[str, BeforeValidator(_absolute_url)]
    municipalities: Annotated[tuple[Annotated[str, AfterValidator(_text), AfterValidator(_municipality)], ...],
                              BeforeValidator(_as_list)] = ()
    region: Annotated[str, AfterValidator(_text)] | None = None
    cms: Annotated[Literal[CMS_FAMILIES], BeforeValidator(
        lambda v: v if v is None or v in CMS_FAMILIES else _fail(f"must be one of {', '.join(CMS_FAMILIES)}"))] | None = None
    discovery: DiscoverySpec = Field(default_factory=DiscoverySpec)
    allow: Regexes = ()
    deny: Regexes = ()
    living_pages: Urls = ()
    selectors: SelectorsSpec = Field(default_factory=SelectorsSpec)
    politeness: PolitenessSpec = Field(default_factory=PolitenessSpec)
    enabled: Flag = True
    note: str | None = None

    @model_validator(mode="after")
    def says_where_and_how(self):
        if not self.municipalities and not self.region:
            raise FieldError("municipalities", "give municipalities and/or region")
        d = self.discovery
        if not (d.feeds or d.sitemaps or d.robots_sitemaps or d.listing or d.openpub or self.living_pages):
            raise FieldError("discovery", "needs feeds, sitemaps, robots_sitemaps, listing or openpub (or living_pages)")
        host = (urlsplit(self.base_url).hostname or "").removeprefix("www.")
        for name in ("allow", "deny"):
            for index, pattern in enumerate(getattr(self, name)):
                if _names_an_address(pattern, host):
                    raise FieldError(f"{name}[{index}]", f"{pattern!r} names a scheme or host, but the patterns are "
                                     "searched in a URL's path (and ?query) only, so it never matches: write the "
                                     "path, e.g. '^/nieuws/'")
        return self

    def site(self) -> Site:
        """The entry with every URL resolved against ``base_url``."""
        base = self.base_url
        absolute = lambda urls: tuple(_resolve(base, u) for u in urls)  # noqa: E731
        listing = self.discovery.listing
        return Site(
            name=self.name, title=self.title, base_url=base, municipalities=self.municipalities,
            region=self.region, cms=self.cms,
            discovery=Discovery(absolute(self.discovery.feeds), absolute(self.discovery.sitemaps),
                                self.discovery.robots_sitemaps,
                                Listing(absolute(listing.urls), listing.next, listing.max_pages) if listing else None,
                                absolute(self.discovery.openpub)),
            allow=self.allow, deny=self.deny, living_pages=absolute(self.living_pages),
            selectors=self.selectors.model_dump(exclude_none=True),
            politeness=self.politeness.model_dump(exclude_none=True),
            enabled=self.enabled, note=self.note)


class RegistryFile(Strict):
    version: Any = None
    sites: Annotated[list[SiteSpec], Field(min_length=1)]


def _fail(problem: str):
    raise ValueError(problem)


def _fill_placeholders(entries: Any, source: str, base_urls: Mapping[str, str] | str | None) -> None:
    """Replace a ``{base_url}`` placeholder in each entry's base_url (test registries)."""
    for index, raw in enumerate(entries if isinstance(entries, list) else [], start=1):
        base = raw.get("base_url") if isinstance(raw, dict) else None
        if not (isinstance(base, str) and PLACEHOLDER in base):
            continue
        name = raw.get("name")
        where = f'{source}: entry {index} ("{name}"): field "base_url"'
        if base_urls is None:
            raise SourceRegistryError(f"{where}: contains {PLACEHOLDER} but no base_urls were given")
        if not base.startswith(PLACEHOLDER):
            raise SourceRegistryError(f"{where}: {PLACEHOLDER} must start the value")
        if isinstance(base_urls, str):
            filled = base_urls.replace("{site_name}", str(name))
        elif name in base_urls:
            filled = base_urls[name]
        else:
            raise SourceRegistryError(f"{where}: no base URL given for site {name!r}")
        raw["base_url"] = filled.rstrip("/") + "/" + base[len(PLACEHOLDER):].lstrip("/")


def parse_sources(data: Any, source: str = "sources.yaml",
                  base_urls: Mapping[str, str] | str | None = None) -> list[Site]:
    """Validate already-parsed YAML (``{"sites": [...]}`` or a bare list)."""
    if isinstance(data, list):
        data = {"sites": data}
    if not isinstance(data, dict) or not isinstance(data.get("sites"), list) or not data["sites"]:
        raise SourceRegistryError(f'{source}: field "sites": must be a non-empty list of site entries')
    data = {**data, "sites": [dict(e) if isinstance(e, dict) else e for e in data["sites"]]}
    _fill_placeholders(data["sites"], source, base_urls)
    registry = validate(RegistryFile, data, SourceRegistryError, source, entries="sites")
    seen: dict[str, int] = {}
    for index, entry in enumerate(registry.sites, start=1):
        if entry.name in seen:
            raise SourceRegistryError(
                f'{source}: entry {index} ("{entry.name}"): field "name": duplicate of entry {seen[entry.name]}')
        seen[entry.name] = index
    return [entry.site() for entry in registry.sites]


def load_sources(path: str | Path | None = None,
                 base_urls: Mapping[str, str] | str | None = None) -> list[Site]:
    """Load and validate a registry file (None = the shipped ``sources.yaml``).

    Returns every entry, enabled or not; filter on ``site.enabled``.
    """
    p = Path(path) if path is not None else SHIPPED_REGISTRY
    return parse_sources(read_yaml(p, SourceRegistryError), p.name, base_urls)


def select_sites(sites: list[Site], wanted: str | list[str] | None) -> list[Site]:
    """The sites a crawl of a few sources asks for: ``wanted`` is names, comma-separated or a list,
    each a site's ``name`` or one of its ``municipalities`` (case and accents as written, spaces
    around ignored). None or empty: every site. An unknown name raises ``SourceRegistryError``
    naming it and the names there are; a disabled site is taken when its own name is given."""
    if not wanted:
        return sites
    names = [n.strip() for n in (wanted.split(",") if isinstance(wanted, str) else wanted) if n and n.strip()]
    if not names:  # ``site=","`` or ``[""]``: no name, not "every site" (a crawl of all of them, unasked)
        raise SourceRegistryError(f"no site named in {wanted!r}")
    chosen: list[Site] = []
    for name in names:
        matches = [s for s in sites if s.name.casefold() == name.casefold()] or [
            s for s in sites if s.enabled and any(m.casefold() == name.casefold() for m in s.municipalities)]
        if not matches:
            import difflib

            known = sorted({s.name for s in sites} | {m for s in sites for m in s.municipalities})
            close = difflib.get_close_matches(name, known, n=3)
            hint = f"; did you mean {', '.join(close)}?" if close else f"; the registry has {', '.join(known[:12])}"
            raise SourceRegistryError(f"no site or municipality named {name!r} in the registry{hint}")
        chosen += [s for s in matches if s not in chosen]
    return chosen

