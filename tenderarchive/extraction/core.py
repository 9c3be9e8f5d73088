"""``extract_html`` and ``extract_text``: one article dict per page.

See the package docstring (:mod:`tenderarchive.extraction`) for which parts
are trafilatura/htmldate and which are hand-written.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

import htmldate
import lxml.html
import trafilatura

from tenderarchive.urls import http_url

from .cleaning import clean_text, fix_mojibake, normalize_whitespace, strip_template_label
from .dates import (
    ParsedDate,
    find_modified_date,
    find_stated_date,
    not_after,
    parse_dutch_date,
    url_date,
)

__all__ = ["extract_html", "extract_text", "title_from_slug", "select", "element_text"]

EXTRACTOR_HTML = f"trafilatura {trafilatura.__version__}"
EXTRACTOR_SELECTOR = "selectors"
EXTRACTOR_TEXT = "plain-text"

_BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "fieldset",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "tr", "td", "th", "ul",
    "label", "button",
}
_SKIP_TAGS = {"script", "style", "noscript", "template", "svg", "head", "title", "iframe", "select", "option"}
_FIXTURE_BANNER = "tenderarchive-fixture-banner"

_NEWS_PATH = re.compile(
    r"/(nieuws|nieuwsberichten|actueel|news|regio|artikel|persberichten?|nieuwsoverzicht|blog)(/|$)"
    r"|/(19|20)\d{2}/\d{2}/\d{2}/",
    re.I,
)
_FAQ_TITLE = re.compile(r"veelgestelde vragen|\bfaq\b|vragen en antwoorden", re.I)
_SITE_SUFFIX = re.compile(r"\s+[|\-–—:·]\s+[^|\-–—]{2,60}$")


# --------------------------------------------------------------------------
# small HTML helpers
# --------------------------------------------------------------------------

def _get(site: Any, key: str, default: Any = None) -> Any:
    """Read a registry field from a dict or a :class:`~tenderarchive.sources.Site`."""
    if site is None:
        return default
    if isinstance(site, dict):
        return site.get(key, default)
    return getattr(site, key, default)


def select(tree: lxml.html.HtmlElement, selector: str) -> list:
    """Elements (or strings) matching a CSS selector or an XPath expression.

    A selector starting with ``/``, ``./`` or ``(`` is XPath; anything else
    is CSS (through ``lxml.cssselect``).
    """
    selector = selector.strip()
    if selector.startswith(("/", "./", "(")):
        result = tree.xpath(selector)
        return result if isinstance(result, list) else [result]
    return tree.cssselect(selector)


def element_text(el) -> str:
    """Visible text of an element, one line per block element.

    ``<script>``/``<style>`` and the fixture banner are skipped; ``<br>`` and
    block elements start a new line.  Whitespace is normalised afterwards.
    """
    if isinstance(el, str):
        return normalize_whitespace(el)
    parts: list[str] = []

    def walk(node, is_root=False):
        tag = node.tag if isinstance(node.tag, str) else None
        if tag is None:  # comment or processing instruction
            if node.tail and not is_root:
                parts.append(node.tail)
            return
        tag = tag.lower()
        if (tag in _SKIP_TAGS and not is_root) or _FIXTURE_BANNER in (node.get("class") or ""):
            if node.tail and not is_root:
                parts.append(node.tail)
            return
        block = tag in _BLOCK_TAGS
        if block:
            parts.append("\n")
        if node.text:
            parts.append(node.text)
        for child in node:
            walk(child)
        if block:
            parts.append("\n")
        if node.tail and not is_root:
            parts.append(node.tail)

    walk(el, is_root=True)
    text = "".join(parts)
    text = re.sub(r"[ \t\r\f\v]*\n[ \t\r\f\v]*", "\n", text)
    return normalize_whitespace(re.sub(r"[ \t]+", " ", text))


def _meta(tree, *names: str) -> str | None:
    for name in names:
        for attr in ("property", "name", "itemprop"):
            found = tree.xpath(
                f'//meta[translate(@{attr},"ABCDEFGHIJKLMNOPQRSTUVWXYZ","abcdefghijklmnopqrstuvwxyz")="{name.lower()}"]/@content'
            )
            if found and found[0].strip():
                return found[0].strip()
    return None


def _canonical(tree, url: str) -> str:
    """The page's canonical URL (``<link rel=canonical>``, else ``og:url``) when it is an
    http(s) URL, else ``url``: a page may claim ``javascript:…`` (tenderarchive/urls.py)."""
    canonical = tree.xpath('//link[@rel="canonical"]/@href')
    candidate = canonical[0].strip() if canonical else _meta(tree, "og:url")
    if not candidate:
        return url
    try:
        return http_url(urljoin(url, candidate)) or url
    except ValueError:  # a malformed URL (bad port, broken IPv6 host)
        return url


def _decode(html: str | bytes) -> str:
    if isinstance(html, str):
        return html
    return trafilatura.utils.decode_file(html)


# --------------------------------------------------------------------------
# titles
# --------------------------------------------------------------------------

def title_from_slug(url: str | None, text: str | None = None) -> str | None:
    """Rebuild a title from the last URL path segment.

    ``zuid-kennemerland-en-ijmond-kiezen-voor-...`` -> ``Zuid-Kennemerland en
    IJmond kiezen voor ...``.  When the page text is given, words take the
    casing they have *inside* a sentence of that text (proper nouns such as
    "IJmond"), and two slug words joined by a hyphen in the text keep the
    hyphen ("Zuid-Kennemerland"); other words are lower case.
    """
    if not url:
        return None
    segments = [s for s in urlsplit(url).path.split("/") if s]
    if not segments:
        return None
    slug = unquote(segments[-1])
    slug = re.sub(r"\.(html?|php|aspx?)$", "", slug, flags=re.I)
    slug = re.sub(r"^\d+[_-]", "", slug)  # iprox numeric id prefix
    tokens = [t for t in re.split(r"[-_+\s]+", slug) if t]
    if len(tokens) < 2:
        return None
    text = normalize_whitespace(text or "")
    words: list[str] = []
    for tok in tokens:
        mixed = caps = None
        for m in re.finditer(r"(?<![\w])" + re.escape(tok) + r"(?![\w])", text, re.I) if text else ():
            before = text[: m.start()].rstrip(" -")
            if not before or before[-1] in ".!?:\n\"“‘'(/" or before[-1].isupper():
                continue  # sentence start, or inside an all-caps dateline
            found = m.group(0)
            if found.isupper() and caps is None and len(found) <= 4:
                caps = found  # acronym such as "MVS"
            elif found != found.lower() and not found.isupper():
                mixed = found  # proper noun such as "IJmond"
                break
        words.append(mixed or caps or tok.lower())
    out = words[0]
    for prev_tok, tok, word in zip(tokens, tokens[1:], words[1:]):
        joined = re.search(
            r"(?<![\w])" + re.escape(prev_tok) + "-" + re.escape(tok) + r"(?![\w])", text, re.I
        ) if text else None
        out += ("-" if joined else " ") + word
    return out[:1].upper() + out[1:]


def _strip_site_suffix(title: str, site_title: str | None = None) -> str:
    if site_title and title.endswith(site_title):
        stripped = re.sub(r"\s*[|\-–—:·]\s*$", "", title[: -len(site_title)]).strip()
        if stripped:
            return stripped
    m = _SITE_SUFFIX.search(title)
    if m and len(title) - len(m.group(0)) >= 10:
        return title[: m.start()].strip()
    return title.strip()


def _html_title(tree, body_root, selectors: dict, site: Any) -> tuple[str | None, str | None]:
    if selectors.get("title"):
        found = select(tree, selectors["title"])
        if found:
            t = element_text(found[0]).replace("\n", " ").strip()
            if t:
                return strip_template_label(fix_mojibake(t)), "selector"
    scope = body_root if body_root is not None else tree
    for root in (scope, tree):
        for h1 in root.xpath(".//h1"):
            t = element_text(h1).replace("\n", " ").strip()
            if t and not h1.xpath("ancestor::header[not(ancestor::article)]|ancestor::nav"):
                return strip_template_label(fix_mojibake(t)), "h1"
    og = _meta(tree, "og:title", "dcterms:title", "dc.title")
    if og:
        return strip_template_label(fix_mojibake(_strip_site_suffix(og, _get(site, "title")))), "og"
    tt = tree.findtext(".//title")
    if tt and tt.strip():
        return strip_template_label(fix_mojibake(_strip_site_suffix(normalize_whitespace(tt), _get(site, "title")))), "title-tag"
    return None, None


def _drop_leading_title(text: str, title: str | None) -> str:
    """Remove the title (with or without template label) from the start of
    the text; it is returned separately."""
    if not title or not text:
        return text
    lines = text.split("\n")
    for i, line in enumerate(lines[:3]):
        if strip_template_label(line.strip()) == title or line.strip() == title:
            return normalize_whitespace("\n".join(lines[:i] + lines[i + 1:]))
    return text


# --------------------------------------------------------------------------
# dates
# --------------------------------------------------------------------------

def _time_elements(tree) -> ParsedDate | None:
    for t in tree.xpath("//time[@datetime]"):
        if t.xpath("ancestor::*[contains(@class,'related') or contains(@class,'comment')]"):
            continue
        parsed = parse_dutch_date(t.get("datetime"), anchored=True)
        if parsed:
            return parsed
    return None


def _date_elements(tree, title_el) -> ParsedDate | None:
    """iprox ``div.iprox-date``, ``.date``, ``.datum``, ``.byline``, ``.meta``
    elements near the article: their text is the page's stated date."""
    xp = (
        "//*[contains(concat(' ',normalize-space(@class),' '),' iprox-date ')"
        " or contains(concat(' ',normalize-space(@class),' '),' date ')"
        " or contains(@class,'datum') or contains(@class,'byline') or contains(@class,'article__meta')"
        " or contains(@class,'entry-date') or contains(@class,'published')]"
    )
    for el in tree.xpath(xp):
        if el.xpath("ancestor::*[@id='results' or contains(@class,'related') or contains(@class,'listing')]"):
            continue
        text = element_text(el)
        found = find_stated_date(text.split("\n"), head_lines=3)
        if found:
            return found[0]
    return None


def _meta_date(tree, raw_html: str, fetched_at) -> ParsedDate | None:
    """htmldate without free-text guessing, verified against the markup.

    ``extensive_search=False`` limits htmldate to metadata and date markup
    (``<meta>``, JSON-LD, ``<time>``, date classes).  Its answer is kept
    only when the same ISO date literally occurs in the HTML source, which
    rules out a date taken from the canonical URL (that one is a ``url``
    date, handled separately).
    """
    try:
        found = htmldate.find_date(
            tree, extensive_search=False, original_date=True, outputformat="%Y-%m-%d",
            max_date=(fetched_at or datetime.now()).strftime("%Y-%m-%d"),
        )
    except Exception:  # htmldate raises on odd markup; a missing date is fine
        return None
    if not found or found not in raw_html:
        return None
    # metadata can carry a time: keep it when the same attribute does
    m = re.search(re.escape(found) + r"[T ](\d{2}):(\d{2})", raw_html)
    if m:
        return ParsedDate(f"{found}T{m.group(1)}:{m.group(2)}", "minute")
    return ParsedDate(found, "day")


def _is_date_line(line: str, published: ParsedDate) -> bool:
    """True for a publication line such as "Gepubliceerd op: 14 december
    2020 08:55" or "22 april 2021 - Verkeer" that states ``published``."""
    found = find_stated_date([line], head_lines=1) if len(line) <= 120 else None
    return bool(found) and found[0].day == published.day


def _modified(tree, lines: list[str]) -> str | None:
    value = _meta(
        tree, "article:modified_time", "dcterms:modified", "dcterms.modified", "dc.date.modified",
        "last-modified", "og:updated_time",
    )
    parsed = parse_dutch_date(value, anchored=True) if value else None
    parsed = parsed or find_modified_date(lines)
    return parsed.iso if parsed else None


# --------------------------------------------------------------------------
# page type, language
# --------------------------------------------------------------------------

_NL_WORDS = re.compile(r"\b(de|het|een|van|en|voor|met|niet|zijn|wordt|gemeente|ook)\b", re.I)
_EN_WORDS = re.compile(r"\b(the|and|of|to|is|for|with|not|are|this|that)\b", re.I)


def _language(declared: str | None, text: str) -> str | None:
    if declared:
        return declared.split("-")[0].split("_")[0].lower() or None
    nl, en = len(_NL_WORDS.findall(text)), len(_EN_WORDS.findall(text))
    if nl + en < 5:
        return None
    return "nl" if nl >= en else "en"


def _page_type(url: str | None, title: str | None, text: str, published, site: Any,
               og_type: str | None = None, had_label: bool = False) -> str:
    if title and _FAQ_TITLE.search(title):
        return "faq"
    if sum(1 for line in text.split("\n") if line.strip().endswith("?") and len(line) < 160) >= 5:
        return "faq"
    living = {urljoin(_get(site, "base_url") or "", p) for p in (_get(site, "living_pages") or [])}
    if url and url in living:
        return "project_page"
    if og_type == "article" or had_label or published is not None:
        return "news"
    if url and _NEWS_PATH.search(urlsplit(url).path):
        return "news"
    return "project_page"


# --------------------------------------------------------------------------
# public API
# --------------------------------------------------------------------------

def _result(**kw) -> dict:
    keys = ("title", "title_source", "published", "published_source", "published_precision",
            "modified", "text", "language", "canonical_url", "extractor", "page_type")
    return {k: kw.get(k) for k in keys}


def extract_html(html: str | bytes, url: str, site: dict | None = None,
                 fetched_at: datetime | None = None) -> dict:
    """Extract one article from an HTML page.

    :param html: the page (bytes are decoded with trafilatura's charset
        detection).
    :param url: the URL the page was fetched from (for relative links, the
        URL-date fallback and the title-from-slug fallback).
    :param site: registry entry (dict or :class:`~tenderarchive.sources.Site`);
        ``selectors.title``/``date``/``body`` (CSS or XPath) take precedence,
        ``living_pages`` marks project pages, ``title`` strips a site-name
        suffix from ``<title>``.
    :param fetched_at: fetch time; dates after it are rejected (htmldate's
        ``max_date``).
    :raises ValueError: when the bytes hold no parseable HTML document.
    :returns: a JSON-serialisable dict with the keys ``title``,
        ``title_source`` (selector/h1/og/title-tag/slug), ``published``
        (``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM``, None if the page states none),
        ``published_source`` (stated/meta/url/None),
        ``published_precision`` (day/minute/None), ``modified``, ``text``,
        ``language``, ``canonical_url``, ``extractor``, ``page_type``
        (news/project_page/faq).
    """
    raw = _decode(html)
    try:
        tree = lxml.html.fromstring(raw.encode("utf-8"), parser=lxml.html.HTMLParser(encoding="utf-8"))
    except (lxml.etree.ParserError, ValueError) as exc:  # nothing parseable (an empty document)
        raise ValueError(f"not an HTML page: {exc}") from None
    selectors = dict(_get(site, "selectors") or {})

    # --- main text --------------------------------------------------------
    body_root = None
    text = None
    extractor = EXTRACTOR_HTML
    if selectors.get("body"):
        found = [el for el in select(tree, selectors["body"]) if not isinstance(el, str)]
        if found:
            body_root = found[0]
            text = "\n".join(element_text(el) for el in found)
            extractor = EXTRACTOR_SELECTOR
    if text is None:
        text = trafilatura.extract(
            raw, url=url, include_comments=False, include_tables=True, favor_recall=True,
            deduplicate=False, with_metadata=False,
            prune_xpath=[f"//*[contains(@class,'{_FIXTURE_BANNER}')]"],
        ) or ""
        articles = tree.xpath("//article|//main")
        body_root = articles[0] if articles else None

    # --- title ------------------------------------------------------------
    title, title_source = _html_title(tree, body_root, selectors, site)
    had_label = False
    h1s = tree.xpath("//h1")
    if h1s and title_source == "h1":
        had_label = strip_template_label(element_text(h1s[0]).replace("\n", " ")) != element_text(h1s[0]).replace("\n", " ")
    text = clean_text(text)
    text = _drop_leading_title(text, title)

    page_lines = element_text(tree.xpath("//body")[0] if tree.xpath("//body") else tree).split("\n")
    if not title:
        title = title_from_slug(url, text)
        title_source = "slug" if title else None

    # --- dates ------------------------------------------------------------
    published: ParsedDate | None = None
    source = None
    if selectors.get("date"):
        for el in select(tree, selectors["date"]):
            value = el if isinstance(el, str) else (el.get("datetime") or element_text(el))
            published = parse_dutch_date(value)
            if published:
                source = "stated"
                break
    if published is None:
        published = _time_elements(tree) or _date_elements(tree, None)
        if published is None:
            start = 0
            if title:
                for i, line in enumerate(page_lines):
                    if title in line:
                        start = i
                        break
            found = find_stated_date(page_lines[start:])
            published = found[0] if found else None
        source = "stated" if published else None
    published = not_after(published, fetched_at)
    if published is None:
        published = not_after(_meta_date(tree, raw, fetched_at), fetched_at)
        source = "meta" if published else None
    if published is None:
        published = not_after(url_date(url), fetched_at)
        source = "url" if published else None
    # the stated publication line is metadata, not body text
    if published is not None and source == "stated":
        text = "\n".join(
            line for line in text.split("\n")
            if not _is_date_line(line, published)
        )

    canonical_url = _canonical(tree, url)
    html_lang = tree.get("lang") or _meta(tree, "content-language", "og:locale")
    og_type = _meta(tree, "og:type")
    return _result(
        title=title,
        title_source=title_source,
        published=published.iso if published else None,
        published_source=source if published else None,
        published_precision=published.precision if published else None,
        modified=_modified(tree, page_lines),
        text=normalize_whitespace(text),
        language=_language(html_lang, text),
        canonical_url=canonical_url,
        extractor=extractor,
        page_type=_page_type(url, title, text, published, site, og_type, had_label),
    )


def extract_text(text: str, url: str | None = None) -> dict:
    """Extract one article from plain page text (like the seed files).

    The first line after cleaning (cookie block, navigation, template label
    removed) is the title, unless it is a long paragraph or starts with a
    news dateline (``ZUID-KENNEMERLAND/IJMOND -``): then the title is None,
    or rebuilt from the URL slug (``title_source="slug"``) when ``url`` is
    given.  ``published`` is only a date the text states (labelled, byline or
    a date line under the title), else the ``/YYYY/MM/DD/`` URL date, else
    None.  ``text`` is the cleaned text without the title and the stated date
    line.  Same keys as :func:`extract_html`; ``extractor`` is
    ``"plain-text"``.
    """
    raw_first = next((ln.strip() for ln in (text or "").split("\n") if ln.strip()), "")
    had_label = strip_template_label(raw_first) != raw_first
    cleaned = clean_text(text or "")
    lines = cleaned.split("\n")
    title = title_source = None
    body_lines = lines
    first_idx = next((i for i, ln in enumerate(lines) if ln.strip()), None)
    if first_idx is not None:
        first = lines[first_idx].strip()
        dateline = re.match(r"^[A-ZÀ-Ý][A-ZÀ-Ý'/\- ]{2,}\s[-–]\s", first)
        if len(first) <= 160 and not dateline and not re.search(r"[.;]$", first):
            title, title_source = first, "first-line"
            body_lines = lines[first_idx + 1:]
    if title is None and url:
        title = title_from_slug(url, cleaned)
        title_source = "slug" if title else None

    published, source = None, None
    found = find_stated_date(body_lines)
    if found:
        published, idx = found
        source = "stated"
        body_lines = body_lines[:idx] + body_lines[idx + 1:]
    elif url_date(url):
        published, source = url_date(url), "url"
    body = normalize_whitespace("\n".join(body_lines))
    return _result(
        title=title,
        title_source=title_source,
        published=published.iso if published else None,
        published_source=source,
        published_precision=published.precision if published else None,
        modified=(find_modified_date(body_lines).iso if find_modified_date(body_lines) else None),
        text=body,
        language=_language(None, body),
        canonical_url=url,
        extractor=EXTRACTOR_TEXT,
        page_type=_page_type(url, title, body, published, None, None, had_label),
    )
