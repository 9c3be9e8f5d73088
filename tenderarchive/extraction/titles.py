"""A news page's title: registry selector, ``<h1>``, ``og:title`` or ``<title>``, else rebuilt from the URL slug.

Hand-written because trafilatura's title comes from ``<title>`` with the site name
still attached, and it has no slug fallback for pages without a usable title.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import unquote, urlsplit

from .cleaning import DATELINE_LABELS, TEMPLATE_LABELS, fix_mojibake, normalize_whitespace, strip_template_label
from .dates import _is_date_only
from .markup import element_text, meta_content, select, site_field

__all__ = ["title_from_slug", "strip_site_suffix", "html_title", "drop_leading_title", "is_label_or_date",
           "heading_text", "heading_date"]

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


def _date_parts(heading):
    """The elements inside a heading that are only a date: a theme's ``<h1>Titel <small>14 december 2020</small></h1>``
    (news-sites.md §2.1, the date set in the title's heading)."""
    if len(heading.text_content()) > 400:  # no title's heading: markup left open swallowing the page
        return
    for el in heading.iterdescendants():
        if isinstance(el.tag, str):
            t = " ".join(element_text(el).split())
            if t and len(t) <= 60 and _is_date_only(t, suffix_limit=0):
                yield el, t


def heading_text(heading) -> str:
    """A heading's text on one line without a date set inside it (:func:`_date_parts`): "Titel", not "Titel 14
    december 2020"; the whole text where the heading is nothing but a date."""
    full = " ".join(element_text(heading).split())
    parts = list(_date_parts(heading))
    if not parts or not full:
        return full
    import copy

    bare = copy.deepcopy(heading)
    for el in list(bare.iterdescendants()):
        if isinstance(el.tag, str) and el.getparent() is not None \
                and _is_date_only(" ".join(element_text(el).split()) or "-", suffix_limit=0):
            el.drop_tree()  # its tail stays
    return " ".join(element_text(bare).split()) or full


def heading_date(heading):
    """The date set inside a heading (:func:`_date_parts`), a ParsedDate, or None."""
    if heading is None:
        return None
    for _, t in _date_parts(heading):
        return _is_date_only(t, suffix_limit=0)
    return None


#: A theme's class or id naming the site's logo heading (``h1.logo``, ``h1.site-title``, ``h1#site-name``,
#: ``h1.navbar-brand``), on the ``<h1>`` or its link.
_LOGO_NAMES = "concat(' ', translate(concat(@class, ' ', @id), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ-_', 'abcdefghijklmnopqrstuvwxyz  '), ' ')"
_LOGO_CLASS = "(self::*|./a)[" + " or ".join(
    f"contains({_LOGO_NAMES}, ' {name} ')" for name in ("logo", "brand", "site title", "site name", "sitename")) + "]"


def _is_site_logo(h1, text: str, *site_names: str | None) -> bool:
    """Whether an ``<h1>`` is the site's name or logo, not the page's title: a theme's
    ``h1.site-title`` linking to the home page (``rel="home"``, ``href="/"``) outside the
    article, or the site's name (``og:site_name``, the registry's ``title``)."""
    if any(name and text.casefold() == name.strip().casefold() for name in site_names):
        return True
    if h1.xpath("ancestor::article|ancestor::main"):
        return False
    if h1.xpath(_LOGO_CLASS):  # a theme's "h1.logo", "h1.site-title", "h1#site-name" outside the article
        return True
    links = h1.xpath(".//a[@href]")
    return len(links) == 1 and " ".join(element_text(links[0]).split()) == " ".join(text.split()) and (
        "home" in (links[0].get("rel") or "").split()
        or (urlsplit(links[0].get("href").strip()).path in ("", "/") and not urlsplit(links[0].get("href").strip()).query))


_LABEL_PREFIX = re.compile(r"^(?:" + "|".join(DATELINE_LABELS) + r")(?:\s*[:|·•–-]\s*|\s+|$)", re.I)
#: The name of a site's news section, which a template heads every item with (an ``<h1>Actueel</h1>`` above
#: the item's ``<h2>``): never an item's title.
SECTION_TITLES = frozenset(s.casefold() for s in (
    "Actueel", "Actualiteiten", "Actueel nieuws", "Nieuws", "Nieuwsoverzicht", "Nieuwsberichten", "Nieuwsarchief",
    "Persberichten", "Laatste nieuws", "Nieuws en persberichten", "Nieuws en actualiteiten", "Nieuws & actueel",
    "Nieuws en actueel", "Berichten", "Blog"))


def is_label_or_date(title: str | None) -> bool:
    """Whether a would-be title is only the template's label, a date, or both: a CMS that heads
    every item "Nieuwsbericht 14 oktober 2021" (news-sites.md §2.4 "template labels glued to titles",
    the label with the §2.3 date instead of the title) and writes the item's title below it; or the news
    section's name alone (:data:`SECTION_TITLES`: "Actueel", "Nieuwsoverzicht").

    >>> [is_label_or_date(t) for t in ("Nieuwsbericht 14 oktober 2021", "Nieuws | 14-10-2021", "Persbericht",
    ...                                "14 oktober 2021", "Nieuws 2024 in cijfers", "Nieuwsbericht Voorlopige gunning")]
    [True, True, True, True, False, False]
    """
    line = normalize_whitespace(title or "").strip()
    if line.rstrip(":").strip().casefold() in SECTION_TITLES:  # "Actueel", "Nieuwsoverzicht"
        return True
    rest = _LABEL_PREFIX.sub("", line, count=1).strip()
    return bool(line) and (not rest or _is_date_only(rest, suffix_limit=0) is not None)


def _heading_after(h1) -> str | None:
    """The first ``<h2>``/``<h3>`` after an ``<h1>`` that is no title (:func:`is_label_or_date`): the
    item's own title under the template's label-and-date heading."""
    for heading in h1.xpath("following::*[self::h2 or self::h3][position() <= 3]"):
        t = " ".join(element_text(heading).split())
        if t and not heading.xpath(_SITE_HEADER) and not is_label_or_date(t) and len(t) <= 200:
            return t
    return None


#: A heading of the item inside the content: an ``<h2>``/``<h3>``, or an element a theme classes as the title
#: (``.title``, ``.page-title``, ``.entry-title``, ``.headline`` …; not ``.subtitle``).
_CLASSED = "contains(concat(' ', normalize-space(translate(@class, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')), ' '), ' {} ')"
_ITEM_HEADING = "self::h2 or self::h3 or " + " or ".join(_CLASSED.format(name) for name in (
    "title", "page-title", "article-title", "entry-title", "post-title", "news-title", "item-title", "node-title",
    "headline"))
#: A public body's, region's or broadcaster's word in a site's name ("Jeugdhulp Regio Voorbeeld", "Gemeente Voorbeeld").
_BODY_WORD = re.compile(r"\b(?:gemeenten?|provincie|regio|jeugdregio|waterschap|omroep|rtv)\b", re.I)
#: A word of a name: capitalised, a number, an address, or a joiner ("Alphen aan den Rijn", "Jeugdhulp in de Regio").
_NAME_WORD = re.compile(r"(?:[A-ZÀ-Ý0-9][\w'’.&-]*|[\w-]+\.(?:nl|be|eu|com|org|net|info)|&|[-–|·]|"
                        r"aan|den|de|op|bij|in|en|van|der|ter|ten|het|voor)")


def _item_heading(h1, body_root):
    """The item's heading in the content after an ``<h1>`` (:data:`_ITEM_HEADING`): in ``body_root``, else among the
    three headings after the ``<h1>``; not one of another item's, nor a label or a date."""
    found = body_root.xpath(f".//*[{_ITEM_HEADING}]") if body_root is not None \
        else h1.xpath(f"following::*[{_ITEM_HEADING}][position() <= 3]")
    for heading in found[:3]:
        t = " ".join(element_text(heading).split())
        if t and not heading.xpath(_SITE_HEADER) and not heading.xpath(_OTHER_ITEM) and not is_label_or_date(t) \
                and len(t) <= 200:
            return heading, t
    return None


def _host_label(address: str | None) -> str:
    """The name an address spells ("jeugdhulpvoorbeeld" of ``https://www.jeugdhulpvoorbeeld.nl/…``)."""
    try:
        host = (urlsplit(address or "").hostname or "").removeprefix("www.")
    except ValueError:
        return ""
    return host.rsplit(".", 1)[0].replace(".", "").replace("-", "") if "." in host else ""


def _names_the_site_above(h1, text: str, tree, body_root, site: Any, url: str | None) -> bool:
    """Whether an ``<h1>`` outside the content (no ``<article>``/``<main>`` around it, not in ``body_root``) is the
    site's name, not the item's title, when the content has a heading of its own (:func:`_item_heading`): it names
    the site as the template's home link does, spells the site's address ("Jeugdhulp Voorbeeld" on
    jeugdhulpvoorbeeld.nl, "Gemeente Voorbeeld" on voorbeeld.nl), is the other part of a ``<title>`` beside the
    content's heading ("<heading> | <h1>"), or is a short name of a public body or region (every word capitalised:
    "Gemeente Voorbeeld", "Jeugdhulp Regio Voorbeeld"; not "Gemeente Voorbeeld kiest nieuwe aanbieders")."""
    if len(text) > 80 or h1.xpath("ancestor::article|ancestor::main"):
        return False
    if body_root is not None and (h1 is body_root or any(el is body_root for el in h1.iterancestors())):
        return False
    found = _item_heading(h1, body_root)
    folded = " ".join(text.split()).casefold()
    if found is None or " ".join(found[1].split()).casefold() == folded:
        return False
    if any(folded == " ".join(name.split()).casefold() for name in _home_link_names(tree)):
        return True
    letters = re.sub(r"[\W_]", "", folded)
    for address in (site_field(site, "base_url"), url):
        label = _host_label(address)
        if label and letters in (label, "gemeente" + label):
            return True
    parts = [" ".join(p.split()).casefold() for p in _SEGMENT_SEPARATOR.split(normalize_whitespace(
        tree.findtext(".//title") or "").strip()) if p.strip()]
    if len(parts) >= 2 and folded in (parts[0], parts[-1]) and " ".join(found[1].split()).casefold() in parts:
        return True
    words = text.split()
    return bool(_BODY_WORD.search(text)) and len(words) <= 6 and all(_NAME_WORD.fullmatch(w) for w in words)


def html_title(tree, body_root, selectors: dict, site: Any, url: str | None = None) -> tuple[str | None, str | None]:
    """The page's title and where it came from: the registry's selector, the ``<h1>`` (not the site's
    logo or banner), ``og:title`` (or Dublin Core's), the heading under an ``<h1>`` that is only a
    label and a date (``h2``), ``<title>``. A candidate that is only a label or a date
    (:func:`is_label_or_date`) is passed over; (None, None) when there is none."""
    if selectors.get("title"):
        found = select(tree, selectors["title"])
        if found:
            t = " ".join(element_text(found[0]).split())  # a <br> in a heading: one space, not two
            if t and not is_label_or_date(t):
                return strip_template_label(fix_mojibake(t)), "selector"
    scope = body_root if body_root is not None else tree
    site_names = [meta_content(tree, "og:site_name")]  # and the text of a logo h1
    dateline = None  # an <h1> that is only the template's label and a date
    logo = None  # the site's logo <h1> (its name, or only its image) outside the article
    for root in (scope, tree):
        for h1 in root.xpath(".//h1"):
            # "Voorlopige gunning<br>toegang jeugdhulp": one space; a date set inside it is the page's date, no title
            t = heading_text(h1)
            if not t and h1.xpath(".//img") and not h1.xpath("ancestor::article|ancestor::main"):
                logo = h1 if logo is None else logo  # <h1><a href="/"><img alt="Gemeente Voorbeeld"></a></h1>
            if not t or h1.xpath(_SITE_HEADER):
                continue
            if _is_site_logo(h1, t, site_field(site, "title"), *site_names):
                site_names.append(" ".join(t.split()))
                logo = h1 if logo is None or not logo.xpath("ancestor::article|ancestor::main") else logo
                continue
            if is_label_or_date(t):
                dateline = h1 if dateline is None else dateline
                continue
            if _names_the_site_above(h1, t, tree, body_root, site, url):  # the site's name, no logo signs
                site_names.append(" ".join(t.split()))
                logo = h1 if logo is None else logo
                continue
            return strip_template_label(fix_mojibake(t)), "h1"
    # a <title> (or og:title) of the news section and the site, every item's: its other part names the site;
    # so does the template's link to the home page (its text, its logo's alt) outside the item
    site_names += _home_link_names(tree)
    site_names += _site_parts(tree.findtext(".//title") or "", site_field(site, "title"), *site_names)
    og = meta_content(tree, "og:title", "dcterms:title", "dc.title")
    generic = bool(og) and _is_section_of_site(og, site_field(site, "title"), *site_names)
    og = og and strip_template_label(fix_mojibake(strip_site_suffix(og, site_field(site, "title"), *site_names)))
    if og and not generic and not is_label_or_date(og) and not _names_the_site(og, *site_names):
        return og, "og"
    below = _heading_after(dateline) if dateline is not None else None
    if below:
        return strip_template_label(fix_mojibake(below)), "h2"
    # schema.org's headline (TYPO3 EXT:news heads its item <h3 itemprop="headline"> under a generic
    # "Nieuws | Gemeente …" <title>), not one of a related item's
    for el in tree.xpath("//*[@itemprop='headline'][not(self::meta)]"):
        t = " ".join(element_text(el).split())
        if t and not el.xpath(_SITE_HEADER) and not el.xpath(_OTHER_ITEM) and not is_label_or_date(t) and len(t) <= 300:
            return strip_template_label(fix_mojibake(t)), "h2"
    tt = tree.findtext(".//title")
    # "Nieuws | Gemeente Voorbeeld": every item's <title>
    generic = bool(tt) and _is_section_of_site(tt, site_field(site, "title"), *site_names)
    tt = tt and tt.strip() and strip_template_label(fix_mojibake(strip_site_suffix(
        normalize_whitespace(tt), site_field(site, "title"), *site_names)))
    if tt and not generic and not is_label_or_date(tt) \
            and not _names_the_site(tt, site_field(site, "title"), *site_names):
        return tt, "title-tag"
    # a <title> that is only the site's name, beside a logo <h1>, or the news section's and the site's: the
    # item's heading in its article
    if body_root is not None:
        for heading in body_root.xpath(f".//*[{_ITEM_HEADING}][position() <= 3]"):
            t = " ".join(element_text(heading).split())
            if t and not heading.xpath(_SITE_HEADER) and not heading.xpath(_OTHER_ITEM) \
                    and not is_label_or_date(t) and len(t) <= 200:
                return strip_template_label(fix_mojibake(t)), "h2"
    # no article and no <title>: the heading under the site's logo <h1>, the item's title in the page's content
    if body_root is None and logo is not None and not (tt and not generic and not is_label_or_date(tt)):
        for heading in logo.xpath(f"following::*[{_ITEM_HEADING}][position() <= 3]"):
            t = " ".join(element_text(heading).split())
            if t and not heading.xpath(_SITE_HEADER) and not heading.xpath(_OTHER_ITEM) \
                    and not is_label_or_date(t) and not _names_the_site(t, *site_names) and len(t) <= 200:
                return strip_template_label(fix_mojibake(t)), "h2"
    if tt and not generic and not is_label_or_date(tt):
        return tt, "title-tag"
    return None, None


_SEGMENT_SEPARATOR = re.compile(rf"\s+[{_SEPARATORS}]\s+")


def _home_link_names(tree) -> list[str]:
    """The site's name as its template writes it on a link to the home page (``href="/"``, or a root address in
    the page's ``<header>``, outside ``<article>``/``<main>``): the link's text or its logo's ``alt`` ("Gemeente
    Voorbeeld")."""
    names = []
    for link in tree.xpath("//a[@href][not(ancestor::article or ancestor::main)]"):
        href = urlsplit(link.get("href").strip())
        if href.path not in ("", "/") or href.query or (not href.netloc and not href.path):
            continue
        if href.netloc and not link.xpath("ancestor::header or ancestor::*[@role='banner']"):
            continue  # another site's home page (a footer's "Rijksoverheid"); the site's own logo heads the page
        for name in (element_text(link), *link.xpath(".//img/@alt")):
            name = " ".join((name or "").split())
            if name and len(name) <= 80:
                names.append(name)
    return names


def _site_parts(title: str, *site_names: str | None) -> list[str]:
    """The parts of a ``<title>`` of the news section and the site (:func:`_is_section_of_site`) that are no
    section name or label: the site's name ("Gemeente Voorbeeld" of "Nieuws | Gemeente Voorbeeld")."""
    if not _is_section_of_site(title, *site_names):
        return []
    return [p.strip() for p in _SEGMENT_SEPARATOR.split(normalize_whitespace(title).strip())
            if p.strip() and not is_label_or_date(p)]


#: The start of a name that is a site's, not an item's title: a public body or a broadcaster ("Gemeente Voorbeeld",
#: "Provincie Utrecht", "Omroep Brabant"), or an address ("voorbeeld.nl").
_SITE_LIKE = re.compile(r"^(?:gemeente|provincie|regio|jeugdregio|waterschap|omroep|rtv)\b|\b[\w-]+\.(?:nl|be|eu|com|org|net|info)\b",
                        re.IGNORECASE)


def _is_section_of_site(title: str, *site_names: str | None) -> bool:
    """Whether a ``<title>`` names only the news section (or the template's label) and the site, the same for
    every item of a template that writes the item's own title only in a heading inside its body
    ("Nieuws | Gemeente Voorbeeld", "Gemeente Voorbeeld - Actueel", "Persbericht - Provincie Voorbeeld"):
    one of two or three separated parts, the first or the last, is a section name or label alone
    (:func:`is_label_or_date`), and every other part names the site: one of ``site_names`` (the registry's
    title, ``og:site_name``, the home link's), a public body's or broadcaster's name, or an address. Not
    "Nieuws: Inkoop jeugdhulp gestart" (a colon glues a label to a title), nor "Inkoop jeugdhulp gestart - Nieuws"
    (its other part is the item's title).

    >>> [_is_section_of_site(t) for t in ("Nieuws | Gemeente Voorbeeld", "Gemeente Voorbeeld - Actueel",
    ...                                   "Nieuws: Inkoop jeugdhulp gestart", "Inkoop jeugdhulp | Gemeente Voorbeeld",
    ...                                   "Inkoop jeugdhulp gestart - Nieuws", "Nieuws - Inkoop jeugdhulp gestart")]
    [True, True, False, False, False, False]
    >>> _is_section_of_site("Nieuws | De Stadskrant", "De Stadskrant")
    True
    """
    parts = [p for p in _SEGMENT_SEPARATOR.split(normalize_whitespace(title).strip()) if p.strip()]
    if not 2 <= len(parts) <= 3 or not any(
            is_label_or_date(part) and not _is_date_only(part, suffix_limit=0) for part in (parts[0], parts[-1])):
        return False
    return all(is_label_or_date(part) or _SITE_LIKE.search(part) or _names_the_site(part, *site_names)
               for part in parts)


#: A heading of another item than the page's: one in a related-news block, an aside or a listing's item.
_OTHER_ITEM = ("ancestor::aside|ancestor::footer|ancestor::*[contains(@class,'related') or contains(@class,'lees-ook')"
               " or contains(@class,'sidebar')]")


def _names_the_site(title: str, *site_names: str | None) -> bool:
    """Whether a would-be title is only the site's name (the registry's ``title``, ``og:site_name``, a logo)."""
    folded = " ".join(title.split()).casefold()
    return any(name and folded == " ".join(name.split()).casefold() for name in site_names)


def drop_leading_title(text: str, title: str | None) -> str:
    """Remove the title (with or without template label) from the start of
    the text; it is returned separately. A template label alone on the text's first line
    ("Persbericht", the heading above the item's title) goes too."""
    if not text:
        return text
    lines = text.split("\n")
    if len(lines) > 1 and lines[0].strip().rstrip(":").strip() in DATELINE_LABELS:
        lines = lines[1:]
        text = normalize_whitespace("\n".join(lines))
    if not title:
        return text
    flat = " ".join(title.split())
    for i in range(min(3, len(lines))):
        # the title on one line, or over a few where a <br> in its heading broke it ("Voorlopige gunning" /
        # "toegang jeugdhulp")
        for end in range(i + 1, min(i + 4, len(lines)) + 1):
            shown = " ".join(" ".join(lines[i:end]).split())
            if not shown or len(shown) > len(flat) + 40:
                break
            if strip_template_label(shown) == flat or shown == flat:
                # a template label on its own line above the title ("Nieuwsbericht", a <br> between)
                start = i - 1 if i and lines[i - 1].strip().rstrip(":").strip() in TEMPLATE_LABELS else i
                return normalize_whitespace("\n".join(lines[:start] + lines[end:]))
    return text
