"""The news source registry: which sites to crawl and how to discover pages.

The registry is a YAML file (the shipped one is ``tenderarchive/sources.yaml``)
with a top-level ``sites:`` list.  One entry per site::

    - name: leiderdorp                 # slug id: [a-z0-9][a-z0-9_-]*, unique
      title: Gemeente Leiderdorp
      base_url: https://www.leiderdorp.nl/
      municipalities: [Leiderdorp]     # CBS names; and/or
      region: JZ18 Holland Rijnland    # jeugdregio or sub-region ("MVS", "Leidse regio")
      cms: iprox                       # iprox | wordpress | typo3 | drupal | other (optional)
      discovery:                       # at least one method, or living_pages
        feeds: [feed/]                 # RSS/Atom URLs
        sitemaps: [sitemap.xml]        # sitemap or sitemap-index URLs
        robots_sitemaps: true          # also read "Sitemap:" lines in robots.txt
        listing:
          urls: [inwoner/nieuws]       # listing pages
          next: a[rel=next]            # CSS or XPath of the next-page link
          max_pages: 5                 # default 1
      allow: ['^/inwoner/nieuws/']     # regexes on the URL path (+ "?query")
      deny: ['/zoeken']
      living_pages: [inkoopjeugdhulp.html]   # project/FAQ pages re-checked every crawl
      selectors: {title: h1, date: .iprox-date, body: .iprox-rich-content}
      politeness: {download_delay: 2.0, concurrency: 1}
      enabled: true                    # default true
      note: "cms and discovery are guesses from URL shape"

``allow``/``deny`` filter the candidate page URLs that discovery finds;
discovery URLs themselves and ``living_pages`` are always fetched.

URLs in ``discovery`` and ``living_pages`` may be relative; they resolve
against ``base_url`` (write them *without* a leading slash so a base URL with
a path prefix also works).

Placeholders (for test registries): a ``base_url`` of ``"{base_url}"`` is
filled from the ``base_urls`` argument of :func:`load_sources` -- a mapping
``{site name: URL}`` or one string in which ``{site_name}`` is replaced by
the entry's name (``"http://127.0.0.1:8000/{site_name}/"``).

Errors raise :class:`SourceRegistryError` naming the file, the entry and the
field, e.g. ``sources.yaml: entry 3 ("heerlen"): field
"discovery.sitemaps[0]": must be a URL``.  Entries are numbered from 1.
"""

from __future__ import annotations

from importlib import resources

import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Mapping
from urllib.parse import urljoin, urlsplit

import yaml

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
CMS_FAMILIES = ("iprox", "wordpress", "typo3", "drupal", "other")
PLACEHOLDER = "{base_url}"

_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
_ENTRY_KEYS = {
    "name", "title", "base_url", "municipalities", "region", "cms", "discovery", "allow", "deny",
    "living_pages", "selectors", "politeness", "enabled", "note",
}
_DISCOVERY_KEYS = {"feeds", "sitemaps", "robots_sitemaps", "listing"}
_LISTING_KEYS = {"urls", "next", "max_pages"}
_SELECTOR_KEYS = {"title", "date", "body"}
_POLITENESS_KEYS = {"download_delay", "concurrency"}


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
        and no ``deny`` may match.
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
        if self.allow and not any(re.search(p, target) for p in self.allow):
            return False
        return not any(re.search(p, target) for p in self.deny)

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
# validation
# --------------------------------------------------------------------------

class _Entry:
    """Error context for one entry."""

    def __init__(self, source: str, index: int, name: Any):
        self.source, self.index, self.name = source, index, name

    def error(self, fieldname: str, problem: str) -> SourceRegistryError:
        label = f' ("{self.name}")' if isinstance(self.name, str) and self.name else ""
        return SourceRegistryError(
            f'{self.source}: entry {self.index}{label}: field "{fieldname}": {problem}'
        )


def _check_url(ctx: _Entry, fieldname: str, value: Any, base: str | None) -> str:
    if not isinstance(value, str) or not value.strip() or re.search(r"\s", value.strip()):
        raise ctx.error(fieldname, "must be a URL")
    value = value.strip()
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018  (raises ValueError on a malformed port)
    except ValueError as exc:
        raise ctx.error(fieldname, f"must be a URL ({exc})") from None
    if parts.scheme:
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ctx.error(fieldname, "must be a URL")
        return value
    if base is None:
        raise ctx.error(fieldname, "must be an absolute http(s) URL")
    return urljoin(base, value)


def _check_url_list(ctx: _Entry, fieldname: str, value: Any, base: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        raise ctx.error(fieldname, "must be a list of URLs")
    return tuple(_check_url(ctx, f"{fieldname}[{i}]", v, base) for i, v in enumerate(value))


def _check_keys(ctx: _Entry, prefix: str, value: dict, allowed: set[str]) -> None:
    for key in value:
        if key not in allowed:
            hint = ", ".join(sorted(allowed))
            raise ctx.error(f"{prefix}{key}", f"unknown field (allowed: {hint})")


def _check_selector(ctx: _Entry, fieldname: str, value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ctx.error(fieldname, "must be a non-empty CSS selector or XPath expression")
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
        raise ctx.error(fieldname, f"invalid selector: {exc}") from None
    return value


def _check_regex_list(ctx: _Entry, fieldname: str, value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        raise ctx.error(fieldname, "must be a list of regular expressions")
    for i, pattern in enumerate(value):
        if not isinstance(pattern, str):
            raise ctx.error(f"{fieldname}[{i}]", "must be a regular expression string")
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ctx.error(f"{fieldname}[{i}]", f"invalid regular expression: {exc}") from None
    return tuple(value)


def _validate_entry(raw: Any, ctx: _Entry, base_urls: Mapping[str, str] | str | None) -> Site:
    if not isinstance(raw, dict):
        raise ctx.error("(entry)", "must be a mapping")
    _check_keys(ctx, "", raw, _ENTRY_KEYS)

    name = raw.get("name")
    if not isinstance(name, str) or not _NAME.match(name):
        raise ctx.error("name", "required; a slug of lowercase letters, digits, '-' or '_'")
    title = raw.get("title")
    if not isinstance(title, str) or not title.strip():
        raise ctx.error("title", "required; a non-empty string")

    base_raw = raw.get("base_url")
    if isinstance(base_raw, str) and PLACEHOLDER in base_raw:
        if base_urls is None:
            raise ctx.error("base_url", f"contains {PLACEHOLDER} but no base_urls were given")
        if isinstance(base_urls, str):
            filled = base_urls.replace("{site_name}", name)
        elif name in base_urls:
            filled = base_urls[name]
        else:
            raise ctx.error("base_url", f"no base URL given for site {name!r}")
        if not base_raw.startswith(PLACEHOLDER):
            raise ctx.error("base_url", f"{PLACEHOLDER} must start the value")
        base_raw = filled.rstrip("/") + "/" + base_raw[len(PLACEHOLDER):].lstrip("/")
    base = _check_url(ctx, "base_url", base_raw, None)
    if not base.endswith("/"):
        base += "/"

    municipalities = raw.get("municipalities") or []
    if not isinstance(municipalities, list) or not all(isinstance(m, str) and m.strip() for m in municipalities):
        raise ctx.error("municipalities", "must be a list of municipality names (CBS spelling)")
    region = raw.get("region")
    if region is not None and (not isinstance(region, str) or not region.strip()):
        raise ctx.error("region", "must be a non-empty string")
    if not municipalities and not region:
        raise ctx.error("municipalities", "give municipalities and/or region")

    cms = raw.get("cms")
    if cms is not None and cms not in CMS_FAMILIES:
        raise ctx.error("cms", f"must be one of {', '.join(CMS_FAMILIES)}")

    disc_raw = raw.get("discovery") or {}
    if not isinstance(disc_raw, dict):
        raise ctx.error("discovery", "must be a mapping")
    _check_keys(ctx, "discovery.", disc_raw, _DISCOVERY_KEYS)
    robots = disc_raw.get("robots_sitemaps", False)
    if not isinstance(robots, bool):
        raise ctx.error("discovery.robots_sitemaps", "must be true or false")
    listing = None
    if disc_raw.get("listing") is not None:
        lr = disc_raw["listing"]
        if not isinstance(lr, dict):
            raise ctx.error("discovery.listing", "must be a mapping with urls, next, max_pages")
        _check_keys(ctx, "discovery.listing.", lr, _LISTING_KEYS)
        urls = _check_url_list(ctx, "discovery.listing.urls", lr.get("urls"), base)
        if not urls:
            raise ctx.error("discovery.listing.urls", "required; at least one listing URL")
        nxt = _check_selector(ctx, "discovery.listing.next", lr["next"]) if lr.get("next") is not None else None
        max_pages = lr.get("max_pages", 1)
        if not isinstance(max_pages, int) or isinstance(max_pages, bool) or max_pages < 1:
            raise ctx.error("discovery.listing.max_pages", "must be an integer >= 1")
        listing = Listing(urls, nxt, max_pages)
    discovery = Discovery(
        feeds=_check_url_list(ctx, "discovery.feeds", disc_raw.get("feeds"), base),
        sitemaps=_check_url_list(ctx, "discovery.sitemaps", disc_raw.get("sitemaps"), base),
        robots_sitemaps=robots,
        listing=listing,
    )
    living = _check_url_list(ctx, "living_pages", raw.get("living_pages"), base)
    if not discovery.methods and not living:
        raise ctx.error("discovery", "needs feeds, sitemaps, robots_sitemaps or listing (or living_pages)")

    sel_raw = raw.get("selectors") or {}
    if not isinstance(sel_raw, dict):
        raise ctx.error("selectors", "must be a mapping with title, date and/or body")
    _check_keys(ctx, "selectors.", sel_raw, _SELECTOR_KEYS)
    selectors = {k: _check_selector(ctx, f"selectors.{k}", v) for k, v in sel_raw.items()}

    pol_raw = raw.get("politeness") or {}
    if not isinstance(pol_raw, dict):
        raise ctx.error("politeness", "must be a mapping")
    _check_keys(ctx, "politeness.", pol_raw, _POLITENESS_KEYS)
    politeness: dict[str, float] = {}
    if "download_delay" in pol_raw:
        v = pol_raw["download_delay"]
        if isinstance(v, bool) or not isinstance(v, (int, float)) or v < 0:
            raise ctx.error("politeness.download_delay", "must be a number of seconds >= 0")
        politeness["download_delay"] = float(v)
    if "concurrency" in pol_raw:
        v = pol_raw["concurrency"]
        if isinstance(v, bool) or not isinstance(v, int) or v < 1:
            raise ctx.error("politeness.concurrency", "must be an integer >= 1")
        politeness["concurrency"] = v

    enabled = raw.get("enabled", True)
    if not isinstance(enabled, bool):
        raise ctx.error("enabled", "must be true or false")
    note = raw.get("note")
    if note is not None and not isinstance(note, str):
        raise ctx.error("note", "must be a string")

    return Site(
        name=name, title=title.strip(), base_url=base, municipalities=tuple(municipalities),
        region=region, cms=cms, discovery=discovery,
        allow=_check_regex_list(ctx, "allow", raw.get("allow")),
        deny=_check_regex_list(ctx, "deny", raw.get("deny")),
        living_pages=living, selectors=selectors, politeness=politeness, enabled=enabled, note=note,
    )


def parse_sources(data: Any, source: str = "sources.yaml",
                  base_urls: Mapping[str, str] | str | None = None) -> list[Site]:
    """Validate already-parsed YAML (``{"sites": [...]}`` or a bare list)."""
    entries = data.get("sites") if isinstance(data, dict) else data
    if isinstance(data, dict):
        unknown = set(data) - {"sites", "version"}
        if unknown:
            raise SourceRegistryError(f'{source}: field "{sorted(unknown)[0]}": unknown top-level field')
    if not isinstance(entries, list) or not entries:
        raise SourceRegistryError(f'{source}: field "sites": must be a non-empty list of site entries')
    sites: list[Site] = []
    seen: dict[str, int] = {}
    for i, raw in enumerate(entries, start=1):
        ctx = _Entry(source, i, raw.get("name") if isinstance(raw, dict) else None)
        site = _validate_entry(raw, ctx, base_urls)
        if site.name in seen:
            raise ctx.error("name", f"duplicate of entry {seen[site.name]}")
        seen[site.name] = i
        sites.append(site)
    return sites


def load_sources(path: str | Path | None = None,
                 base_urls: Mapping[str, str] | str | None = None) -> list[Site]:
    """Load and validate a registry file (None = the shipped ``sources.yaml``).

    Returns every entry, enabled or not; filter on ``site.enabled``.
    """
    p = Path(path) if path is not None else SHIPPED_REGISTRY
    from tenderarchive.configfile import read_yaml

    data = read_yaml(p, SourceRegistryError, "source registry")
    return parse_sources(data, p.name, base_urls)
