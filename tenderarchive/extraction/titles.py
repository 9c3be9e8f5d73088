"""A news page's title: registry selector, ``<h1>``, ``og:title`` or ``<title>``, else rebuilt from the URL slug.

Hand-written because trafilatura's title comes from ``<title>`` with the site name
still attached, and it has no slug fallback for pages without a usable title.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import unquote, urlsplit

from .cleaning import TEMPLATE_LABELS, fix_mojibake, normalize_whitespace, strip_template_label
from .markup import element_text, meta_content, select, site_field

__all__ = ["title_from_slug", "strip_site_suffix", "html_title", "drop_leading_title"]

_SEPARATORS = "|\\-–—:·»«›‹"
_SITE_SUFFIX = re.compile(rf"\s+[{_SEPARATORS}]\s+[^|\-–—»«›‹]{{2,60}}$")


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


def strip_site_suffix(title: str, site_title: str | None = None, *site_names: str | None) -> str:
    """``title`` without the site's name after it ("Inkoop jeugdhulp | Gemeente Voorbeeld",
    "… › Site", "… « SITE") or before it ("Site » Inkoop jeugdhulp"), where ``site_title`` or
    ``site_names`` (``og:site_name``, a logo's text) name the site."""
    for name in (site_title, *site_names):
        name = (name or "").strip()
        if not name:
            continue
        if title.casefold().endswith(name.casefold()):
            stripped = re.sub(rf"\s*[{_SEPARATORS}]\s*$", "", title[: -len(name)]).strip()
            if stripped and stripped != title[: -len(name)].strip():
                return stripped
        if title.casefold().startswith(name.casefold()):
            stripped = re.sub(rf"^\s*[{_SEPARATORS}]\s*", "", title[len(name):]).strip()
            if stripped and stripped != title[len(name):].strip():
                return stripped
    m = _SITE_SUFFIX.search(title)
    if m and len(title) - len(m.group(0)) >= 10:
        return title[: m.start()].strip()
    return title.strip()


#: Where an ``<h1>`` is the site's banner, not the page's title: navigation, or a ``<header>`` outside
#: the content that is the site's (ARIA ``banner``, or holding its menu). A page header (``header.page-header``,
#: a hero) above the content holds the page's title.
_SITE_HEADER = ("ancestor::nav|ancestor::*[@role='navigation' or @role='banner']"
                "|ancestor::header[not(ancestor::article or ancestor::main) and (.//nav or .//*[@role='navigation'])]")


def _is_site_logo(h1, text: str, *site_names: str | None) -> bool:
    """Whether an ``<h1>`` is the site's name or logo, not the page's title: a theme's
    ``h1.site-title`` linking to the home page (``rel="home"``, ``href="/"``) outside the
    article, or the site's name (``og:site_name``, the registry's ``title``)."""
    if any(name and text.casefold() == name.strip().casefold() for name in site_names):
        return True
    if h1.xpath("ancestor::article|ancestor::main"):
        return False
    links = h1.xpath(".//a[@href]")
    return len(links) == 1 and " ".join(element_text(links[0]).split()) == " ".join(text.split()) and (
        "home" in (links[0].get("rel") or "").split()
        or (urlsplit(links[0].get("href").strip()).path in ("", "/") and not urlsplit(links[0].get("href").strip()).query))


def html_title(tree, body_root, selectors: dict, site: Any) -> tuple[str | None, str | None]:
    if selectors.get("title"):
        found = select(tree, selectors["title"])
        if found:
            t = element_text(found[0]).replace("\n", " ").strip()
            if t:
                return strip_template_label(fix_mojibake(t)), "selector"
    scope = body_root if body_root is not None else tree
    site_names = [meta_content(tree, "og:site_name")]  # and the text of a logo h1
    for root in (scope, tree):
        for h1 in root.xpath(".//h1"):
            t = element_text(h1).replace("\n", " ").strip()
            if not t or h1.xpath(_SITE_HEADER):
                continue
            if _is_site_logo(h1, t, site_field(site, "title"), *site_names):
                site_names.append(" ".join(t.split()))
                continue
            return strip_template_label(fix_mojibake(t)), "h1"
    og = meta_content(tree, "og:title", "dcterms:title", "dc.title")
    if og:
        return strip_template_label(fix_mojibake(strip_site_suffix(og, site_field(site, "title"), *site_names))), "og"
    tt = tree.findtext(".//title")
    if tt and tt.strip():
        return strip_template_label(fix_mojibake(strip_site_suffix(normalize_whitespace(tt), site_field(site, "title"),
                                                                   *site_names))), "title-tag"
    return None, None


def drop_leading_title(text: str, title: str | None) -> str:
    """Remove the title (with or without template label) from the start of
    the text; it is returned separately."""
    if not title or not text:
        return text
    lines = text.split("\n")
    for i, line in enumerate(lines[:3]):
        if strip_template_label(line.strip()) == title or line.strip() == title:
            # a template label on its own line above the title ("Nieuwsbericht", a <br> between)
            start = i - 1 if i and lines[i - 1].strip().rstrip(":").strip() in TEMPLATE_LABELS else i
            return normalize_whitespace("\n".join(lines[:start] + lines[i + 1:]))
    return text
