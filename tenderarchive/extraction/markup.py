"""Small lxml helpers for reading a news page: selectors, visible text, meta tags, canonical URL.

Written here because trafilatura extracts the main text only; the registry's
per-site selectors (tenderarchive/sources.yaml) and the title/date rules need
the visible text of single elements and the page's meta tags.
"""

from __future__ import annotations

import codecs
import re
from typing import Any
from urllib.parse import urljoin

import lxml.html
import trafilatura
from w3lib.encoding import http_content_type_encoding, read_bom

from tenderarchive.urls import http_url

from .cleaning import normalize_whitespace

__all__ = ["site_field", "select", "element_text", "meta_content", "page_canonical_url", "decode_html"]

_BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "fieldset",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "tr", "td", "th", "ul",
    "label", "button",
}
_SKIP_TAGS = {"script", "style", "noscript", "template", "svg", "head", "title", "iframe", "select", "option"}
FIXTURE_BANNER = "tenderarchive-fixture-banner"


def site_field(site: Any, key: str, default: Any = None) -> Any:
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
        if (tag in _SKIP_TAGS and not is_root) or FIXTURE_BANNER in (node.get("class") or ""):
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


def meta_content(tree, *names: str) -> str | None:
    for name in names:
        for attr in ("property", "name", "itemprop"):
            found = tree.xpath(
                f'//meta[translate(@{attr},"ABCDEFGHIJKLMNOPQRSTUVWXYZ","abcdefghijklmnopqrstuvwxyz")="{name.lower()}"]/@content'
            )
            if found and found[0].strip():
                return found[0].strip()
    return None


def page_canonical_url(tree, url: str) -> str:
    """The page's canonical URL (``<link rel=canonical>``, else ``og:url``) when it is an
    http(s) URL, else ``url``: a page may claim ``javascript:…`` (tenderarchive/urls.py)."""
    canonical = tree.xpath('//link[@rel="canonical"]/@href')
    candidate = canonical[0].strip() if canonical else meta_content(tree, "og:url")
    if not candidate:
        return url
    try:
        return http_url(urljoin(url, candidate)) or url
    except ValueError:  # a malformed URL (bad port, broken IPv6 host)
        return url


def _codec(name: str) -> str | None:
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_html(html: str | bytes, content_type: str | None = None) -> str:
    """The page as text. Bytes are decoded as a browser would where the page declares its
    charset outside the markup (a byte-order mark, then the HTTP ``Content-Type`` header, with
    WHATWG's aliases: ``iso-8859-1`` is ``windows-1252``), as long as they decode with it;
    otherwise trafilatura guesses (it reads ``<meta charset>``). A guess alone turns a
    ``windows-1252`` page declared only in the header into mojibake ("één" as "ťťn")."""
    if isinstance(html, str):
        return html
    declared, bom = read_bom(html)
    declared = declared or (http_content_type_encoding(content_type) if content_type else None)
    if declared and not html.isascii() and _codec(declared) in ("cp1252", "iso8859-1"):
        # Bytes that are valid UTF-8 with non-ASCII letters are UTF-8, whatever a Latin-1 header says
        # (a misconfigured server): Latin-1 text is almost never valid UTF-8. Read as the header
        # says, "één" became "Ã©Ã©n", and the mojibake repair left a stray "Â" where a no-break
        # space ended a paragraph.
        try:
            return html.decode("utf-8")
        except UnicodeDecodeError:
            pass
    if declared:
        try:
            return html[len(bom or b""):].decode(declared)
        except (UnicodeDecodeError, LookupError):
            pass
    return trafilatura.utils.decode_file(html)
