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
from w3lib.encoding import html_body_declared_encoding, http_content_type_encoding

from tenderarchive.robots import read_bom  # UTF-32's marks too, whatever w3lib's version
from tenderarchive.urls import http_url

from .cleaning import normalize_whitespace

__all__ = ["site_field", "select", "element_text", "meta_content", "page_canonical_url", "decode_html",
           "related_blocks", "pager_blocks", "in_blocks", "tenderned_links"]

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


#: The most elements :func:`one_line` reads of an element: a date badge is a few (its day, month and year, an icon);
#: an element of more is no badge, and the rest of a broken page it swallowed is not read.
ONE_LINE_ELEMENTS = 200
_HIDDEN_TEXT = ("script", "style")


def one_line(el, limit: int = 40) -> str:
    """An element's text pieces joined by a space, on one line: a date "badge" writes the day, the month and the
    year each in an element of its own (``<span class="day">14</span><span class="month">okt</span><span
    class="year">2021</span>``, stacked by the site's CSS), which :func:`element_text` reads as "14okt2021" or as
    three lines, neither a date. ``""`` when longer than ``limit`` (more than a date and its label), or of more than
    :data:`ONE_LINE_ELEMENTS` elements.

    Read lazily, in document order, as far as the limits: a listing entry's date element that swallowed the rest of a
    broken page (its closing tags cut) was read whole by every call, hundreds of such nested elements each costing
    the whole page (60 KB: 12 s, found by ``make fuzz``)."""
    if not isinstance(el.tag, str) or el.tag in _HIDDEN_TEXT:
        return ""
    pieces: list[str] = []
    length = -1
    elements = 0

    def take(text) -> bool:
        nonlocal length
        words = " ".join(text.split())
        if words:
            length += len(words) + 1
            pieces.append(words)
        return length <= limit

    if el.text and not take(el.text):
        return ""
    stack = [(el, iter(el))]
    while stack:
        node, children = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            if node is not el and node.tail and not take(node.tail):
                return ""
            continue
        elements += 1
        if elements > ONE_LINE_ELEMENTS:
            return ""
        if isinstance(child.tag, str) and child.tag not in _HIDDEN_TEXT:
            if child.text and not take(child.text):
                return ""
            stack.append((child, iter(child)))
        elif child.tail and not take(child.tail):  # a script's, a comment's text is none; what follows it is
            return ""
    return " ".join(pieces)


class _Enough(Exception):
    """The text read so far reached :func:`element_text`'s ``limit``."""


def element_text(el, limit: int | None = None, elements: int | None = None) -> str:
    """Visible text of an element, one line per block element.

    ``<script>``/``<style>`` and the fixture banner are skipped; ``<br>`` and
    block elements start a new line.  Whitespace is normalised afterwards.
    ``limit``, ``elements``: read no further than about that many characters, or elements (the start of a listing's
    entry, where its date is: an entry that swallowed the rest of a broken page, each of its thousands, cost the
    whole page each).
    """
    if isinstance(el, str):
        return normalize_whitespace(el)
    parts: list[str] = []
    read = [0, 0]

    def counted(piece: str) -> None:
        parts.append(piece)
        read[0] += len(piece)
        if limit is not None and read[0] > limit:
            raise _Enough

    add = parts.append if limit is None and elements is None else counted

    def walk(node, is_root=False):
        tag = node.tag if isinstance(node.tag, str) else None
        if tag is None:  # comment or processing instruction
            if node.tail and not is_root:
                add(node.tail)
            return
        tag = tag.lower()
        if elements is not None:
            read[1] += 1
            if read[1] > elements:
                raise _Enough
        if (tag in _SKIP_TAGS and not is_root) or FIXTURE_BANNER in (node.get("class") or ""):
            if node.tail and not is_root:
                add(node.tail)
            return
        block = tag in _BLOCK_TAGS
        if block:
            add("\n")
        if node.text:
            add(node.text)
        for child in node:
            walk(child)
        if block:
            add("\n")
        if node.tail and not is_root:
            add(node.tail)

    try:
        walk(el, is_root=True)
    except _Enough:
        pass
    text = "".join(parts)
    text = re.sub(r"[ \t\r\f\v]*\n[ \t\r\f\v]*", "\n", text)
    return normalize_whitespace(re.sub(r"[ \t]+", " ", text))


#: ASCII upper case to lower case, as XPath's ``translate(@x, "AB…Z", "ab…z")`` (not ``str.lower``'s Unicode rules).
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def meta_content(tree, *names: str) -> str | None:
    """The ``content`` of the page's first ``<meta>`` whose ``property``, ``name`` or ``itemprop`` (in that order, for
    each of ``names`` in turn) is that name, ASCII case aside; None when that one's is empty. The ``<meta>`` elements
    are gathered once (``iter``): the XPath ``//meta[translate(@name, …)]`` it was walked the page once per name and
    attribute, in libxml2 superlinearly in the page's elements (0.6 s per call on 2 MB of paragraphs)."""
    document = tree.getroottree() if hasattr(tree, "getroottree") else tree  # the whole page, as ``//meta`` read it
    metas = [m for m in document.iter("meta") if m.get("content") is not None]
    for name in names:
        wanted = name.lower()
        for attr in ("property", "name", "itemprop"):
            found = next((m.get("content") for m in metas
                          if m.get(attr) is not None and m.get(attr).translate(_ASCII_LOWER) == wanted), None)
            if found is not None and found.strip():
                return found.strip()
    return None


def document_base(tree, url: str) -> str:
    """The URL the page's relative links are read against: its first ``<base href>`` (resolved against ``url``)
    when it has one, else ``url``, as a browser, and Scrapy's ``response.urljoin``, read them. Older TYPO3 sites
    (news-sites.md §2.1) write ``<base href="https://www.gemeente.nl/">`` in every page and each link relative to
    the site's root (``actueel/nieuws/detail/…``); read against the page's own address, such a link named a
    page the site never had. w3lib's ``get_base_url`` does this on the raw text; the page is a tree here."""
    for href in tree.xpath("//base/@href")[:1]:
        try:
            return http_url(urljoin(url or "", href.strip())) or url
        except ValueError:  # a malformed base URL (bad port): the page's own address, as a browser falls back
            break
    return url


def page_canonical_url(tree, url: str) -> str:
    """The page's canonical URL (``<link rel=canonical>``, else ``og:url``) when it is an
    http(s) URL, else ``url``: a page may claim ``javascript:…`` (tenderarchive/urls.py). A relative one is read
    against the page's ``<base href>`` (:func:`document_base`)."""
    canonical = tree.xpath('//link[@rel="canonical"]/@href')
    candidate = canonical[0].strip() if canonical else meta_content(tree, "og:url")
    if not candidate:
        return url
    try:
        return http_url(urljoin(document_base(tree, url), candidate)) or url
    except ValueError:  # a malformed URL (bad port, broken IPv6 host)
        return url


def _codec(name: str) -> str | None:
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _windows_1252_bytes(error: UnicodeDecodeError) -> tuple[str, int]:
    """A ``codecs`` error handler: the bytes a UTF-8 decode rejects, read as ``windows-1252``
    (the five bytes it leaves undefined as the C1 controls WHATWG maps them to)."""
    bad = error.object[error.start:error.end]
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in bad), error.end


codecs.register_error("tenderarchive-windows-1252", _windows_1252_bytes)


#: The codecs of a charset whose text of ASCII markup is half NUL bytes (``<`` is ``3C 00`` in UTF-16LE).
_WIDE_CODECS = ("utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be")


def wide_charset_impossible(declared: str | None, body: bytes) -> bool:
    """Whether ``declared`` (a charset name) is UTF-16 or UTF-32 while ``body``, without a byte-order mark, holds no
    NUL byte in its first kilobyte: HTML or XML in those encodings always has one there (its ASCII markup), so the
    label is a server's mistake. Read as labelled, a UTF-8 page became CJK characters: the article "no main text
    found" and dropped, a listing's links unreadable (the crawl complete with none of them)."""
    return bool(declared) and _codec(declared) in _WIDE_CODECS and bool(body) and read_bom(body)[0] is None \
        and b"\x00" not in body[:1024]


def wide_bom_impossible(body: bytes) -> int:
    """The length of ``body``'s byte-order mark when it names UTF-16 or UTF-32 (``FF FE``, ``FE FF``…) while the
    first kilobyte after it holds no NUL byte, else 0: HTML or XML in those encodings always has one there (its ASCII
    markup), so the mark is a lie (an editor's or a template's stray bytes before a UTF-8 page). Read as it says, the
    page became CJK characters: the article "no main text found" and dropped. The mark is no part of the page."""
    declared, bom = read_bom(body)
    if not bom or _codec(declared or "") not in _WIDE_CODECS or b"\x00" in body[len(bom):len(bom) + 1024]:
        return 0
    return len(bom)


def decode_html(html: str | bytes, content_type: str | None = None) -> str:
    """The page as text. Bytes are decoded as a browser would where the page declares its
    charset outside the markup (a byte-order mark, then the HTTP ``Content-Type`` header, with
    WHATWG's aliases: ``iso-8859-1`` is ``windows-1252``), as long as they decode with it;
    then valid UTF-8 is UTF-8; then the ``<meta charset>`` the markup declares, when it is no
    UTF-8 and the bytes decode with it. Bytes left are a page that says UTF-8 (or nothing) over
    text that is not: an older CMS's ``windows-1252`` article in a new template's
    ``<meta charset="utf-8">`` (news-sites.md §2.4 mojibake). They are read as UTF-8 where they are
    UTF-8 and as ``windows-1252``, WHATWG's fallback for a Dutch reader, byte by byte where they are
    not (a page mixing both keeps both). A guess (trafilatura's charset detection, which does not
    read ``<meta>``) turned a short such page's "één" into "ťťn" or CJK characters; a guess alone
    also turns a ``windows-1252`` page declared only in the header into mojibake."""
    if isinstance(html, str):
        return html
    html = html[wide_bom_impossible(html):]  # a UTF-16/32 mark over bytes that cannot be: read as if it were not there
    declared, bom = read_bom(html)
    declared = declared or (http_content_type_encoding(content_type) if content_type else None)
    if wide_charset_impossible(declared, html):
        declared = None  # read as a page that names no charset outside its markup
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
    html = trafilatura.utils.handle_compressed_file(html)  # a gzipped body a server sent without saying so
    try:
        return html.decode("utf-8")
    except UnicodeDecodeError:
        pass
    in_markup = _codec(html_body_declared_encoding(html) or "")
    if in_markup and in_markup not in ("utf-8", "utf-16", "utf-16-le", "utf-16-be"):
        try:
            return html.decode(in_markup)
        except UnicodeDecodeError:
            pass
    return html.decode("utf-8", errors="tenderarchive-windows-1252")


#: A class or id token of a block that lists other pages (news-sites.md §2.4 boilerplate): "lees
#: ook", related news (TYPO3 EXT:news ``news-related``), more or latest news, a sidebar or a
#: WordPress sidebar's recent-posts widget (``widget_recent_entries``), a broadcaster's "net binnen".
_RELATED_TOKEN = re.compile(
    r"(?:^|[-_])(?:related|gerelateerd\w*|relevant|lees-?ook|leesook|meer-?nieuws|ander-?nieuws|laatste-?nieuws|"
    r"recent|recente|meest-?gelezen|net-?binnen|(?P<side>sidebar|widget-area|secondary))(?:[-_]|$)", re.I)
#: The heading of such a block ("Lees ook", "Meer nieuws", "Laatste nieuws", "Gerelateerde berichten").
RELATED_HEADING = re.compile(
    r"(?:lees ook|lees meer|bekijk ook|ook interessant|meer nieuws|ander nieuws|laatste nieuws|recent nieuws|"
    r"recente berichten|meest gelezen|net binnen|meer over dit onderwerp|gerelateerd(?:e)?(?: nieuws| berichten| artikelen)?)"
    r"\s*:?", re.I)
_HEADING_TAGS = ("h2", "h3", "h4", "h5", "h6", "strong", "b", "p", "span", "div", "dt", "header")


def _link_density(el) -> float:
    total = len("".join(element_text(el).split()))
    links = sum(len("".join(element_text(a).split())) for a in el.xpath(".//a[@href]"))
    return links / total if total else 0.0


def related_blocks(tree, title_el=None) -> list:
    """The blocks of a page that list other pages, not the article: an ``<aside>``, a block whose
    class or id names related, more, latest or recent news or a sidebar (:data:`_RELATED_TOKEN`),
    or the block under a "Lees ook"/"Meer nieuws" heading (:data:`RELATED_HEADING`) -- each only
    when it holds a link, not the page's title (``title_el``, else its first ``<h1>``), and its
    text is mostly link text (a related item's date and a heading count against it). Their
    dates are those pages' dates and their text is no part of the article (a "Lees ook" list
    of dated titles ran into the text, and a related item's date dated the page)."""
    if title_el is None:
        h1s = tree.xpath("//h1")
        title_el = h1s[0] if h1s else None
    candidates, headings = [], []  # headings: of a list of links dropped with it
    # A column of the article itself (its author, date and share links) may be called a sidebar
    article = next(iter(title_el.xpath("ancestor::article[1]")), None) if title_el is not None else None
    for el in tree.iter():
        if not isinstance(el.tag, str):
            continue
        tokens = f"{el.get('class') or ''} {el.get('id') or ''}".split()
        marks = [m for m in (_RELATED_TOKEN.search(t) for t in tokens) if m]
        if el.tag.lower() == "aside" or marks:
            side = el.tag.lower() == "aside" or all(m.group("side") for m in marks)
            if not (side and article is not None and any(a is article for a in el.iterancestors())):
                candidates.append(el)
        elif el.tag.lower() in _HEADING_TAGS and len(el) <= 2:
            quick = el.text_content()  # fast (C): most elements are no such heading
            if len(quick) > 400 or not RELATED_HEADING.search(" ".join(quick.split())):
                continue
            text = " ".join(element_text(el).split())
            if el.tag.lower() in ("p", "div") and len(text) <= 200 and re.match(RELATED_HEADING.pattern + ":", text, re.I):
                candidates.append(el)  # an inline "Lees ook: <a>…</a>" paragraph
                continue
            if text and len(text) <= 40 and RELATED_HEADING.fullmatch(text):
                parent = el.getparent()
                if parent is not None and parent.tag.lower() in ("strong", "b") and parent.getparent() is not None:
                    parent = parent.getparent()
                if parent is not None:
                    candidates.append(parent)
                # the lists of links that follow the heading, where its parent holds the article too
                lists = []
                for sibling in el.itersiblings():
                    if not isinstance(sibling.tag, str) or sibling.tag not in ("ul", "ol") or not all(
                            li.xpath(".//a[@href]") for li in sibling.xpath("./li")):
                        break
                    lists.append(sibling)
                candidates.extend(lists)
                if lists:
                    headings.append(el)
    found = []
    for el in candidates:
        if el.tag.lower() in ("body", "html", "main", "article"):
            continue
        if title_el is not None and (el is title_el or any(d is title_el for d in el.iterdescendants())):
            continue
        if not el.xpath(".//a[@href]") or _link_density(el) < 0.3:
            continue
        if not any(f is el or any(d is el for d in f.iterdescendants()) for f in found):
            found = [f for f in found if not any(d is f for d in el.iterdescendants())] + [el]
    found.extend(h for h in headings if not in_blocks(h, found) and (title_el is None or h is not title_el))
    return found


#: A link of an item's pager by its words alone: the previous or next item or page, the first or last, a page
#: number or an arrow ("« Vorige", "Volgend bericht »", "Volgende pagina", "2", "›").
_PAGER_WORDS = r"(?:vorige?|volgende?|eerste|laatste|previous|prev|next|first|last)"
_PAGER_NOUNS = r"(?:bericht|nieuwsbericht|artikel|nieuwsitem|item|pagina|page|post|persbericht)"
_ARROWS = "«»‹›<>←→"
_PAGER_LINK = re.compile(
    rf"[{_ARROWS}\s]*(?:{_PAGER_WORDS}(?:\s+{_PAGER_NOUNS})?|\d{{1,4}})[{_ARROWS}\s]*|[{_ARROWS}]+", re.I)
#: A link naming the previous or next item and then its title ("Vorig bericht: Raad stelt begroting vast",
#: "<span>Volgende</span> Nieuwe speeltuin"): a pager's only where the link or its block is marked as one.
_PAGER_LEAD = re.compile(
    rf"[{_ARROWS}\s]*(?:vorige?|volgende?|previous|next)(?:\s+{_PAGER_NOUNS})?\s*[:{_ARROWS}]?\s", re.I)
#: A class or id token of a pager or of its previous/next links (WordPress's ``post-navigation``, ``nav-links``,
#: ``nav-previous``; ``wp_link_pages``' ``page-links``; a ``pager``, ``pagination``, ``paginering``, ``prev-next``).
_PAGER_TOKEN = re.compile(
    r"(?:^|[-_])(?:prev|previous|next|vorige|volgende|pager|pagination|paginering|paging|pagenav|page-?links|"
    r"post-?navigation|nav-?links|prev-?next|vorige-?volgende)(?:[-_]|$)", re.I)
#: The words a pager block holds besides its links: its hidden heading ("Bericht navigatie", "Berichtnavigatie",
#: "Post navigation"), the page shown ("Pagina 1 van 3"), separators.
_PAGER_REST = re.compile(
    r"(?:[\s|/·•:\-–" + _ARROWS + r"]|\b(?:bericht|berichten|artikel|post|navigatie|berichtnavigatie|"
    r"artikelnavigatie|navigation|paginering|pagina's|pagina|page|van|of|\d{1,4})\b)*", re.I)
#: At most this many characters in a pager block (its links' titles of the previous and next item included).
_PAGER_MAX_CHARS = 400


def _pager_marked(el, stop) -> bool:
    """Whether ``el`` (a link) or one of its ancestors up to ``stop`` is marked as a pager (``rel="prev|next"``,
    :data:`_PAGER_TOKEN`)."""
    for up in [el, *el.iterancestors()]:
        if set((up.get("rel") or "").lower().split()) & {"prev", "next", "previous"}:
            return True
        if any(_PAGER_TOKEN.search(t) for t in f"{up.get('class') or ''} {up.get('id') or ''}".split()):
            return True
        if up is stop:
            break
    return False


def _is_pager(block) -> bool:
    """Whether ``block`` holds only an item's pager: links to the previous or next item or page, page numbers
    (:data:`_PAGER_LINK`; a link naming the next item's title only when marked as a pager), and besides them only
    a pager's words (:data:`_PAGER_REST`)."""
    if len(block.text_content()) > _PAGER_MAX_CHARS:
        return False
    links = block.xpath(".//a[@href]")
    if not links:
        return False
    worded = False
    for a in links:
        text = " ".join(element_text(a).split())
        if _PAGER_LINK.fullmatch(text):
            worded = worded or not text.strip(_ARROWS + " ").isdigit() or _pager_marked(a, block)
        elif text and _PAGER_LEAD.match(text + " ") and _pager_marked(a, block):
            worded = True
        else:
            return False
    if not worded:
        return False
    rest = []
    for el in block.iter():
        if el.tag == "a" or (isinstance(el.tag, str) and any(up.tag == "a" for up in el.iterancestors())):
            if el.tag == "a" and el.tail:
                rest.append(el.tail)
            continue
        if isinstance(el.tag, str):
            if el.text:
                rest.append(el.text)
            if el is not block and el.tail:
                rest.append(el.tail)
    return bool(_PAGER_REST.fullmatch(" ".join(" ".join(rest).split())))


#: Elements not to take for an item's pager however little they hold.
_NOT_PAGER_TAGS = {"html", "body", "main", "article", "a", "span", "strong", "b", "em", "i", "h1"}


def pager_blocks(tree, title_el=None) -> list:
    """The pager blocks of an item's page: its links to the previous and next item ("Vorig bericht: …",
    "Volgende »", WordPress's ``post-navigation``) and to its own other pages ("Pagina 1 van 3", "2", "3",
    "Volgende pagina"), the largest element around such links that holds nothing else (:func:`_is_pager`), never
    the page's title (``title_el``, else its first ``<h1>``) nor its article. Their words are no part of the item's
    text, and the title of the next item a word of another page. Bounded: the first 50 such links, each looked
    at up to 8 levels up and no further than an element of :data:`_PAGER_MAX_CHARS` characters."""
    if title_el is None:
        h1s = tree.xpath("//h1")
        title_el = h1s[0] if h1s else None
    found: list = []
    looked = 0
    for a in tree.iter("a"):
        if a.get("href") is None:
            continue
        text = " ".join((a.text_content() or "").split())
        if not (_PAGER_LINK.fullmatch(text) or _PAGER_LEAD.match(text + " ")):
            continue
        looked += 1
        if looked > 50:
            break
        if in_blocks(a, found):
            continue
        best = None
        for level, up in enumerate(a.iterancestors()):
            if level >= 8 or not isinstance(up.tag, str) or up.tag.lower() in _NOT_PAGER_TAGS:
                if isinstance(up.tag, str) and up.tag.lower() in ("span", "strong", "b", "em", "i"):
                    continue
                break
            if len(up.text_content()) > _PAGER_MAX_CHARS:
                break
            if title_el is not None and (up is title_el or any(d is title_el for d in up.iterdescendants())):
                break
            if _is_pager(up):
                best = up
        if best is not None:
            found = [f for f in found if not any(d is f for d in best.iterdescendants())] + [best]
    return found


def in_blocks(el, blocks) -> bool:
    """Whether ``el`` is one of ``blocks`` or inside one."""
    return any(a in blocks for a in [el, *el.iterancestors()])


#: A TenderNed notice address: the current ``/aankondigingen/overzicht/<publicatieId>`` and the older
#: ``/tenderned-tap/aankondigingen/<publicatieId>`` (tenderned-awards.md, "Old notice URL").
_TENDERNED_NOTICE = re.compile(r"^https?://(?:www\.)?tenderned\.nl/(?:aankondigingen/overzicht|tenderned-tap/aankondigingen)/"
                               r"\d+", re.I)


def _is_chrome(el) -> bool:
    """Whether ``el`` is a template part whose links are the site's: navigation, a sidebar, or the page's
    header or footer (an ``<article>``'s own header and footer, its sources and "meer informatie", are the
    article's)."""
    tag = el.tag.lower() if isinstance(el.tag, str) else ""
    if tag in ("nav", "aside") or el.get("role") in ("navigation", "banner", "contentinfo", "complementary"):
        return True
    return tag in ("header", "footer") and not any(
        isinstance(up.tag, str) and up.tag.lower() == "article" for up in el.iterancestors())


def tenderned_links(tree, root, url: str, elsewhere=()) -> list[str]:
    """The TenderNed notice addresses the article links to (``href`` of its ``<a>``), in page order, once
    each: in ``root`` (the article's element) when there is one, else in the page; not in its
    navigation, header, footer or sidebars, nor in ``elsewhere`` (:func:`related_blocks`). News links
    a notice as "de stukken staan op <a href=…/aankondigingen/overzicht/311520>TenderNed</a>": the
    text says "TenderNed" and the notice's number is only in the address, which the main text
    (trafilatura's) drops; it is the article's reference to that notice (news-sites.md §2.2,
    tenderned.nl)."""
    out: list[str] = []
    base = document_base(tree, url)
    for a in (root if root is not None else tree).iter("a"):
        href = urljoin(base or "", (a.get("href") or "").strip())
        if not _TENDERNED_NOTICE.match(href) or href in out:
            continue
        if any(_is_chrome(el) for el in a.iterancestors() if el is not root) or (elsewhere and in_blocks(a, elsewhere)):
            continue
        out.append(href)
    return out


#: a ``data:`` URI (RFC 2397) as a page inlines an image or a font: its media type, parameters, then its data up to
#: the quote, space or bracket that ends the attribute or CSS ``url()``. The type and parameters are bounded (a
#: ``data:image/png;data:image/png;…`` with no comma tried each start to the end: quadratic), the data is not (nothing
#: follows it to backtrack for), so the scan is linear
_DATA_URI = re.compile(rb"(?i)\bdata:[a-z]{1,20}/[-\w.+]{1,100}(?:;[^,\"'\s<>()]{0,200})?,[^\"'\s<>()]*")


#: More attributes than a tag of a real page carries (a framework's element: a few dozen). libxml2's HTML parser checks
#: each attribute of a tag against every one before it: one tag of 20,000 attributes took 4 s to parse, of 100,000 (a
#: page of 1 MB) minutes, and a page is parsed several times (the spider, the extraction, trafilatura)
MAX_TAG_ATTRIBUTES = 1000
#: a start tag with more than MAX_TAG_ATTRIBUTES attributes. Linear: a name or value can end only where the next
#: attribute's white space or ``=`` begins, so a failed try gives nothing back; a tag is read to its ``>`` once
_CROWDED_TAG = re.compile(
    rb"<[A-Za-z][^\s<>/]{0,64}(?:\s+[^\s<>=\"']{1,256}(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s<>\"']*))?){%d}"
    % (MAX_TAG_ATTRIBUTES + 1))


def crowded_tag(body: bytes) -> bool:
    """Whether the page holds a start tag of more than :data:`MAX_TAG_ATTRIBUTES` attributes (markup parsing it costs
    minutes, and no page's text is in)."""
    return _CROWDED_TAG.search(body) is not None


def reading_size(body: bytes) -> int:
    """The size of a page's HTML as reading it costs: its bytes without the images it carries inline, its ``data:``
    URIs (``<img src="data:image/png;base64,…">``, CSS ``url(data:…)``) and inline ``<svg>…</svg>`` drawings, which
    are markup the extraction skips, not text to read. A real page carrying a few photographs inline is megabytes of
    base64 and little text: measured whole, it was "too large to read" (``NEWS_PAGE_MAX_BYTES``) on every crawl. Each
    byte is left out once: a ``data:`` URI inside a drawing (``<svg><image href="data:…">``) is part of the drawing,
    not subtracted a second time (the page measured smaller than its text and markup, and read past the cap).
    Linear in the page's size (one pass for the drawings, each ``<svg`` looked for once, one for the URIs)."""
    lower = body.lower()
    drawings: list[tuple[int, int]] = []
    start = lower.find(b"<svg")
    while start >= 0:
        end = lower.find(b"</svg", start)
        if end < 0:
            break  # an unclosed drawing: the rest is read as the page (and no later one closes either)
        drawings.append((start, min(end + 6, len(body))))
        start = lower.find(b"<svg", end)
    size = len(body) - sum(end - start for start, end in drawings)
    index = 0  # the first drawing that may hold or follow the URI (both in page order)
    for match in _DATA_URI.finditer(body):
        start, end = match.span()
        while index < len(drawings) and drawings[index][1] <= start:
            index += 1
        outside = end - start
        for first, last in drawings[index:]:  # the drawings it overlaps: its bytes in them are left out already
            if first >= end:
                break
            outside -= min(end, last) - max(start, first)
        size -= outside
    return max(size, 0)
