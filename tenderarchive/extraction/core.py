"""``extract_html`` and ``extract_text``: one article dict per page.

See the package docstring (:mod:`tenderarchive.extraction`) for which parts
are trafilatura/htmldate and which are hand-written.
"""

from __future__ import annotations

import copy
import functools
import re
from datetime import datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

import htmldate
import lxml.html
import trafilatura

from .cleaning import clean_text, drop_repeated_paragraphs, normalize_whitespace, strip_template_label
from .markup import (FIXTURE_BANNER, page_canonical_url, decode_html, element_text, in_blocks, one_line, meta_content,
                     pager_blocks, related_blocks, select, site_field, tenderned_links)
from .titles import drop_leading_title, heading_date, heading_text, html_title, title_from_slug
from .dates import (
    AMSTERDAM,
    ParsedDate,
    find_dateline_date,
    find_modified_date,
    drop_article_info,
    drop_modified_lines,
    join_date_labels,
    lone_time,
    paired_time,
    find_relative_date,
    find_stated_date,
    in_amsterdam,
    label_only,
    local_day,
    not_after,
    parse_dutch_date,
    split_date_labels,
    _is_date_only,
    url_date,
)

__all__ = ["extract_html", "extract_text", "title_from_slug", "select", "element_text"]

EXTRACTOR_HTML = f"trafilatura {trafilatura.__version__}"
EXTRACTOR_SELECTOR = "selectors"
EXTRACTOR_TEXT = "plain-text"

_NEWS_PATH = re.compile(
    r"/(nieuws|nieuwsberichten|actueel|news|regio|artikel|persberichten?|nieuwsoverzicht|blog)(/|$)"
    r"|/(19|20)\d{2}/\d{2}/\d{2}/",
    re.I,
)
_FAQ_TITLE = re.compile(r"veelgestelde vragen|\bfaq\b|vragen en antwoorden", re.I)


# --------------------------------------------------------------------------
# dates
# --------------------------------------------------------------------------

def _in_running_text(t) -> bool:
    """Whether a ``<time>`` is part of a sentence ("De inschrijving sluit op <time>1 maart
    2021</time>, daarna …": an event date) or a modification line, not the page's date line or
    byline ("Door Jan Jansen, <time>…</time>")."""
    block = next(iter(t.xpath("ancestor::*[self::p or self::li or self::td or self::dd or self::blockquote"
                               " or self::figcaption][1]")), None)
    if block is None:
        return False
    rest = element_text(block).replace(element_text(t), " ", 1)
    return len(re.findall(r"\w+", rest)) > 5 or bool(_MODIFIED_LABEL_START.match(rest.strip()))


_MODIFIED_LABEL_START = re.compile(r"(laatst )?(gewijzigd|bijgewerkt|aangepast)|updated|last modified", re.I)

#: Labels of an event's date beside those of :func:`.dates.label_only` ("Sluitingsdatum", "Datum bijeenkomst").
_EVENT_LABEL = re.compile(r"^(deadline|sluiting\w*|aanvang|einde|wanneer|datum en tijd|tijdstip)\b", re.I)


def _labelled_otherwise(t) -> bool:
    """Whether a ``<time>`` is labelled as some other date than the page's: "Sluitingsdatum: <time>",
    "Deadline: <time>", a ``<dt>Datum bijeenkomst</dt><dd><time>…`` (news-sites.md §2.3: a court page's
    "Datum uitspraak" beside its "Datum publicatie"). Such a date is an event's, not the page's."""
    labels = []
    parent = t.getparent()
    if parent is not None:
        whole, own = element_text(parent), element_text(t)
        at = whole.find(own) if own else -1
        if at > 0:
            labels.append(whole[:at].split("\n")[-1])
    cell = next(iter(t.xpath("ancestor::*[self::dd or self::td][1]")), None)
    if cell is not None:
        head = cell.xpath("preceding-sibling::*[self::dt or self::th][1]")
        if head:
            labels.append(element_text(head[0]))
    for label in labels:
        label = " ".join(label.split()).strip(" :|-–")
        if label and (label_only(label) in ("other", "modified") or _EVENT_LABEL.match(label)):
            return True
    return False


#: A ``<time>`` that dates a page's last change, not its publication: WordPress themes' ``time.updated``
#: (GeneratePress prints it before ``time.entry-date.published``), ``itemprop="dateModified"``.
_MODIFIED_TIME = re.compile(r"\b(updated|modified|dateModified)\b", re.I)


def _time_elements(tree, modified: bool = False, elsewhere=()) -> ParsedDate | None:
    """The page's publication date from its first ``<time datetime>`` outside running text, related
    items, comments and the blocks listing other pages (``elsewhere``: :func:`.markup.related_blocks`),
    one that says it is the publication (``.published``, ``datePublished``) first; a ``<time>`` of
    the last change never (``modified``: only those)."""
    candidates = []
    # a <time> marked as the last change's or the publication's may give its date as its text alone ("<time
    # class='updated'>5 januari 2021</time>", "<time itemprop='datePublished'>14 december 2020</time>")
    for t in tree.xpath("//time"):
        if t.xpath("ancestor::*[contains(@class,'related') or contains(@class,'comment')]") or _in_running_text(t) \
                or in_blocks(t, elsewhere):
            continue
        marks = f"{t.get('class') or ''} {t.get('itemprop') or ''}"
        if t.get("datetime") is None and not re.search(r"published|datePublished" if not modified else _MODIFIED_TIME.pattern,
                                                       marks, re.I):
            continue
        if bool(_MODIFIED_TIME.search(marks)) != modified or (not modified and _labelled_otherwise(t)):
            continue
        candidates.append((0 if re.search(r"published|datePublished", marks, re.I) else 1, t))
    for _, t in sorted(candidates, key=lambda c: c[0]):
        parsed = parse_dutch_date(t.get("datetime") or " ".join(element_text(t).split()), anchored=True)
        if parsed:
            return parsed
    return None


#: A page's date elements: iprox ``div.iprox-date``, ``.date``, ``.datum``, ``.byline``, ``.article__meta``,
#: ``.entry-date``, ``.published``.
DATE_ELEMENTS = (
    "//*[contains(concat(' ',normalize-space(@class),' '),' iprox-date ')"
    " or contains(concat(' ',normalize-space(@class),' '),' date ')"
    " or contains(@class,'datum') or contains(@class,'byline') or contains(@class,'article__meta')"
    " or contains(@class,'entry-date') or contains(@class,'published')]"
)


def _join_date_badges(tree) -> bool:
    """Write each date "badge" of the page on one line, in place; whether there was one. A badge writes the day,
    the month and the year each in an element of its own, stacked by the site's CSS (``<div class="datum"><span
    class="day">14</span><span class="month">okt</span><span class="year">2021</span></div>``): its text read
    "14okt2021", or "14", "oktober", "2021" on lines of their own, so the page was undated and the pieces stood in
    its text. A date element whose text states no date and whose pieces, joined by a space, are one (at most 40
    characters) holds that line instead."""
    joined = False
    for el in tree.xpath(DATE_ELEMENTS):
        if len(el) == 0 or find_stated_date(element_text(el).split("\n"), head_lines=3, suffix_limit=None):
            continue
        line = one_line(el)
        if not line or not find_stated_date([line], head_lines=1, suffix_limit=None):
            continue
        for child in list(el):
            el.remove(child)
        el.text = line
        joined = True
    return joined


def _date_elements(tree, title_el, elsewhere=()) -> ParsedDate | None:
    """The date elements (:data:`DATE_ELEMENTS`) near the article: their text is the page's stated date."""
    for el in tree.xpath(DATE_ELEMENTS):
        if el.xpath("ancestor::*[@id='results' or contains(@class,'related') or contains(@class,'listing')]") \
                or in_blocks(el, elsewhere):
            continue
        text = element_text(el)
        lines = text.split("\n")
        found = find_stated_date(lines, head_lines=3, suffix_limit=None)  # "dd maand yyyy - …"
        if found:  # its time on a line of its own beside it: "14 december 2020", "08:55 uur"
            return (paired_time(lines, found[1], found[0]) or found)[0]
    return None


def _header_row_date(tree, elsewhere=()) -> ParsedDate | None:
    """The publication date a page's metadata table states by column: a header row of labels and one row of
    values under it, as officielebekendmakingen.nl heads a publication with "Datum publicatie | Organisatie |
    Type | …" (news-sites.md §2.4, its repeated header table); the value under a publication label
    ("Datum publicatie", "Publicatiedatum"). A table of more rows lists other documents, whose dates are
    theirs."""
    for table in tree.xpath("//table"):
        if in_blocks(table, elsewhere):
            continue
        rows = table.xpath("./tr|./thead/tr|./tbody/tr")
        if len(rows) != 2:
            continue
        labels, values = (row.xpath("./th|./td") for row in rows)
        if len(labels) < 2 or len(labels) != len(values):
            continue
        for label, value in zip(labels, values):
            if label_only(" ".join(element_text(label).split())) == "published":
                found = find_stated_date([" ".join(element_text(value).split())], head_lines=1)
                if found:
                    return found[0]
    return None


#: Meta tags that name a page's publication date, first found first: Open Graph's article tag,
#: the Dublin-Core ``dcterms:*`` of iprox (news-sites.md §2.1) in its colon and dotted forms,
#: schema.org's ``datePublished``, the plain ``date``/``pubdate`` of older CMSes. htmldate reads
#: neither the colon forms nor a Dutch value. Dublin Core's ``available`` ("the date the resource became
#: available") is the publication date of the Dutch government's OWMS metadata, which municipal CMSes write
#: (a TYPO3 extension's ``publishdate`` as ``<meta name="DCTERMS.available" scheme="DCTERMS.W3CDTF">``),
#: after the terms that name the publication itself.
PUBLISHED_META = ("article:published_time", "dcterms:issued", "dcterms:created", "dcterms:date",
                  "dcterms.issued", "dcterms.created", "dcterms.date", "dc.date.issued", "dc.date.created",
                  "dc.date", "dcterms:available", "dcterms.available", "dc.date.available", "datepublished",
                  "pubdate", "publication_date", "date")

#: The start of a Dublin Core period (DCMI Period encoding, OWMS's ``scheme="DCTERMS.Period"``:
#: ``start=2020-12-14; end=2021-12-31;``) or of an ISO 8601 interval (``2020-12-14/2021-12-31``), which
#: ``available`` may hold: the day the page became available.
_PERIOD_START = re.compile(r"^\s*(?:start\s*=\s*([^;]+)|(\d{4}-\d{2}-\d{2}[^/\s]*)\s*/)", re.I)


def _declared_meta_date(tree) -> ParsedDate | None:
    """The publication date a page's meta tags declare (:data:`PUBLISHED_META`), in any form
    the Dutch date grammar reads: ``2020-12-14T08:55:00+01:00``, ``14-12-2020``, ``14 december 2020``;
    of a period (:data:`_PERIOD_START`), its start."""
    value = meta_content(tree, *PUBLISHED_META)
    if value and (start := _PERIOD_START.match(value)):
        value = (start.group(1) or start.group(2)).strip()
    return parse_dutch_date(value, anchored=True) if value else None


def _json_ld_value(tree, key: str) -> str | None:
    """The first ``"key": "value"`` of the page's JSON-LD (schema.org) blocks, or None."""
    for script in tree.xpath("//script[@type='application/ld+json']/text()"):
        m = re.search(r'"%s"\s*:\s*"([^"]+)"' % key, script)
        if m:
            return m.group(1)
    return None


def _modification_stamp(tree, stated: ParsedDate, fetched_at) -> ParsedDate | None:
    """The publication a page's CMS declares (``article:published_time`` and the other
    :data:`PUBLISHED_META`, else JSON-LD ``datePublished``) when the date the page shows, ``stated``,
    is the day of the last change it declares (``article:modified_time``/:data:`MODIFIED_META`, JSON-LD
    ``dateModified``) and not the publication's: a WordPress theme printing ``<span class="updated">``
    (or only the modified stamp) under or glued to the title. Else None (``stated`` stands). Only
    declarations count: a page that declares no modification, or none apart from its publication, keeps
    the date it shows."""
    modified = meta_content(tree, *MODIFIED_META) or _json_ld_value(tree, "dateModified")
    modified = parse_dutch_date(modified, anchored=True) if modified else None
    if modified is None or modified.day != stated.day:
        return None
    declared = _declared_meta_date(tree)
    if declared is None:
        value = _json_ld_value(tree, "datePublished")
        declared = parse_dutch_date(value, anchored=True) if value else None
    declared = not_after(declared, fetched_at)
    if declared is None or declared.day >= stated.day:
        return None
    return declared


def _rendered_on(parsed: ParsedDate | None, fetched_at) -> bool:
    """Whether ``parsed`` is the Dutch day of the fetch: a date a page may *declare* without stating its own
    publication, as a CMS stamping its meta (``article:published_time``, ``DCTERMS.issued``, JSON-LD) with the
    moment it renders the page does, or a regional news site's header showing today's date in a ``<time>``."""
    return parsed is not None and fetched_at is not None and parsed.day == local_day(fetched_at)


def _earlier(parsed: ParsedDate | None, than: ParsedDate) -> ParsedDate | None:
    """``parsed`` where it names a day before ``than``'s, else None."""
    return parsed if parsed is not None and parsed.day < than.day else None


def _meta_date(tree, raw_html: str, fetched_at, elsewhere=()) -> ParsedDate | None:
    """htmldate without free-text guessing, verified against the markup.

    ``extensive_search=False`` limits htmldate to metadata and date markup
    (``<meta>``, JSON-LD, ``<time>``, date classes).  Its answer is kept
    only when the same ISO date literally occurs in the HTML source, which
    rules out a date taken from the canonical URL (that one is a ``url``
    date, handled separately). A ``<time>`` in running text (an event date in a
    sentence) is hidden from it.
    """
    hidden = [i for i, t in enumerate(tree.xpath("//time[@datetime]")) if _in_running_text(t) or in_blocks(t, elsewhere)
              or _labelled_otherwise(t)
              or _MODIFIED_TIME.search(f"{t.get('class') or ''} {t.get('itemprop') or ''}")]
    modified = [i for i, m in enumerate(tree.xpath("//meta")) if any(
        (m.get(attr) or "").strip().lower() in MODIFIED_META for attr in ("property", "name", "itemprop"))]
    ld = [i for i, el in enumerate(tree.xpath("//script[@type='application/ld+json']")) if "dateModified" in (el.text or "")]
    if hidden:  # a copy, so the caller's tree keeps its <time> elements
        tree = copy.deepcopy(tree)
        times = tree.xpath("//time[@datetime]")
        for i in hidden:  # its datetime and its text ("20 januari 2021", which htmldate reads too)
            times[i].drop_tree()
    # the last change is no publication date: htmldate falls back to it when a page states only that
    # (og:updated_time, JSON-LD dateModified); it is the page's ``modified``. Blanked for htmldate and put
    # back after (no second copy of the whole page for the many pages that state it)
    restore = []
    metas = tree.xpath("//meta") if modified else []
    for i in modified:
        if "content" in metas[i].attrib:
            restore.append((metas[i], "content", metas[i].attrib.pop("content")))
    scripts = tree.xpath("//script[@type='application/ld+json']") if ld else []
    for i in ld:
        restore.append((scripts[i], None, scripts[i].text))
        scripts[i].text = re.sub(r'"dateModified"\s*:\s*"[^"]*"', '"dateModified": ""', scripts[i].text)
    try:
        found = htmldate.find_date(
            tree, extensive_search=False, original_date=True, outputformat="%Y-%m-%d",
            max_date=local_day(fetched_at or datetime.now(AMSTERDAM)).isoformat(),
        )
    except Exception:  # htmldate raises on odd markup; a missing date is fine
        return None
    finally:
        for element, attribute, value in restore:
            if attribute is None:
                element.text = value
            else:
                element.set(attribute, value)
    if not found or found not in raw_html:
        return None
    # metadata can carry a time: keep it when the same attribute does
    stamp = re.compile(re.escape(found) + r"[T ](\d{2}):(\d{2})")
    # the publication's own (its meta tag, JSON-LD datePublished) before the first of that day in the page: a head
    # naming another stamp of the day first (a draft's dateCreated, a dateModified) gave the publication its time,
    # and near midnight UTC its Dutch day (23:30Z published, 21:05Z created: 13 December, not the 14th)
    for text in (*(v.strip() for v in (meta_content(tree, *PUBLISHED_META), _json_ld_value(tree, "datePublished"))
                   if v), raw_html):
        m = stamp.match(text) if text is not raw_html else stamp.search(text)
        if m:
            # a UTC time ("…T23:30:00Z", JSON-LD's usual form) is a Dutch day's and time's
            return in_amsterdam(ParsedDate(f"{found}T{m.group(1)}:{m.group(2)}", "minute"), text[m.end():m.end() + 20],
                                joined=m.group(0)[len(found)] == "T")
    return ParsedDate(found, "day")


#: Words of its own a page keeps outside a consent banner (its template aside) for the banner to be dropped from it: a
#: page with fewer is the banner (a cookie wall: pipelines/extract.py ``is_consent_page``), left for that to name.
CONSENT_BANNER_MIN_OUTSIDE_WORDS = 10


def consent_banners(tree) -> list:
    """The cookie-consent banners over a page (news-sites.md §2.4's cookie boilerplate) by their shape, Dutch or
    English, whatever their first words ("We use cookies to improve your experience…", "Voor een goede werking…"):
    the blocks round 59's :func:`pipelines.extract.consent_blocks` recognises (text about cookies, mostly consent
    lines, around a control giving or refusing consent), none holding the article's heading or body (``h1``,
    ``main``, ``article``: an article about a cookie law, its link "Lees meer over cookies"), each with a control
    giving or refusing consent (:func:`pipelines.extract.gives_consent`: a button, or a link saying "Akkoord"; an
    article's paragraph linking the "Cookiebeleid" or "Privacyverklaring" has none), and only where the
    page keeps text of its own outside them. The text cleaner (:func:`.cleaning.remove_cookie_block`) knew only the
    banners that open in Dutch or with "this site uses cookies"."""
    body = tree.find(".//body")
    if body is None or "cookie" not in body.text_content().casefold():
        return []
    from pipelines.extract import _outside_words, consent_blocks, gives_consent  # the shape the crawl reads walls by

    banners = [b for b in consent_blocks(tree)
               if b.tag not in ("html", "body", "main", "article") and not b.xpath(".//h1 | .//main | .//article")
               and gives_consent(b)]
    if not banners or _outside_words(tree, banners) < CONSENT_BANNER_MIN_OUTSIDE_WORDS:
        return []
    return banners


def _without(tree, blocks):
    """A copy of the page without ``blocks`` (their tails kept): what trafilatura and the search
    for a date line read."""
    copy_ = copy.deepcopy(tree)
    paths = dict.fromkeys(tree.getroottree().getpath(b) for b in blocks)
    # every block found before any goes: dropping ``dt[1]`` first made ``dt[2]`` name the next sibling of its tag
    targets = [el for path in paths for el in copy_.getroottree().xpath(path)]
    for el in targets:
        el.drop_tree()
    return copy_


def _without_inside(el, blocks):
    """``el``, or a copy of it without those of ``blocks`` inside it (their tails kept)."""
    inside = [b for b in blocks if any(up is el for up in b.iterancestors())]
    if not inside:
        return el
    copy_ = copy.deepcopy(el)
    root = el.getroottree()
    own = root.getpath(el)
    for path in dict.fromkeys(root.getpath(b) for b in inside):
        for target in copy_.xpath("." + path[len(own):]):
            target.drop_tree()
    return copy_


def _times_as_text(tree) -> str:
    """The page for trafilatura with each ``<time>`` replaced by its text: trafilatura deletes the
    element with its text, so "De inschrijving sluit op <time>1 maart 2021</time>, daarna …" read
    "sluit op , daarna" and a ``<dd><time>…`` of a "Sluitingsdatum" lost its date (the page's own date
    line, kept now, is dropped as any stated date line is: :func:`_drop_date_lines`)."""
    copy_ = copy.deepcopy(tree)
    for t in copy_.xpath("//time"):
        # the last change's <time> of a theme's meta line ("<time class='updated'>5 januari 2021</time> <time
        # class='entry-date published'>14 december 2020</time>"): the page's ``modified``, read from the page, not
        # a date of its text (beside the publication's, it made the date line one of two dates, kept in the text)
        if _MODIFIED_TIME.search(f"{t.get('class') or ''} {t.get('itemprop') or ''}") and not _in_running_text(t) \
                and t.getparent() is not None:
            t.drop_tree()
    lxml.etree.strip_tags(copy_, "time")
    return lxml.html.tostring(copy_, encoding="unicode")


def _is_date_line(line: str, published: ParsedDate) -> bool:
    """True for a publication line such as "Gepubliceerd op: 14 december
    2020 08:55" or "22 april 2021 - Verkeer" that states ``published``."""
    found = find_stated_date([line], head_lines=1) if len(line) <= 120 else None
    return bool(found) and found[0].day == published.day


#: A step of a procurement's schedule: a short label naming a step and the step's date ("Sluit op 23-06-2023",
#: "Sluitingsdatum: 1 maart 2021", "Deadline inschrijving 3 juli 2023", "Gunning: 1-9-2023").
_STEP_LINE = re.compile(r"([^\d\n]{2,40}?)\s*[:|\-–]?\s+(?=\d)")
_STEP_LABEL = re.compile(r"\b(?:sluit|deadline|inschrijv|aanmeld|indien|gunning|gegund|aanvang|ingangsdatum|einddatum|"
                         r"looptijd|opening|nota van inlichtingen|vragen stellen)", re.I)


def _is_step_line(line: str, published: ParsedDate) -> bool:
    """Whether ``line`` is a step of a procurement's schedule dated another day than ``published``."""
    line = _LIST_MARKER.sub("", line.strip())
    m = _STEP_LINE.match(line) if len(line) <= 80 else None
    if not m or not _STEP_LABEL.search(m.group(1)) or label_only(m.group(1)) in ("published", "modified"):
        return False
    step = _is_date_only(line[m.end():])
    return step is not None and step.day != published.day


def _among_steps(lines: list[str], i: int, published: ParsedDate) -> bool:
    """Whether the bare date line ``lines[i]`` stands among a procurement's steps: one of the two non-empty lines
    before or after it is a step dated another day ("Woensdag 7 juni 2023 17:03:00" / "Inschrijven" / "Sluit op
    23-06-2023", a tender's publication moment in its schedule), not as the page's own date under its title."""
    for side in (lines[i + 1:i + 7], lines[max(0, i - 6):i][::-1]):  # a few lines each side: linear in the text
        near = [line for line in side if line.strip()][:2]
        if any(_is_step_line(line, published) for line in near):
            return True
    return False


def _timed_by_line(lines: list[str], published: ParsedDate) -> ParsedDate:
    """``published`` (a day) at the time a line of its own gives beside the first line of ``lines`` stating that day
    (:func:`.dates.paired_time`: "14 december 2020" then "08:55 uur"); else ``published``."""
    for i, line in enumerate(lines):
        if _is_date_line(line.strip(), published):
            paired = paired_time(lines, i, published)
            return paired[0] if paired else published
    return published


def _drop_date_lines(text: str, published: ParsedDate) -> str:
    """``text`` without the lines that state ``published`` ("Gepubliceerd op: 14 december 2020",
    or a list item "- 14 december 2020" under a "- Gepubliceerd op" item of a ``<dl>``). A bare date line
    among a procurement's dated steps (:func:`_among_steps`) is part of its schedule, kept."""
    kept: list[str] = []
    lines = text.split("\n")
    moment = (published.iso[11:13], published.iso[14:16]) if published.precision == "minute" else None
    timed = lambda line: moment is not None and (lambda t: t is not None and  # noqa: E731 its time's line
                                                 (f"{int(t[0]):02d}", t[1]) == moment)(lone_time(_LIST_MARKER.sub("", line.strip())))
    skip_time = False  # the line after a dropped date line, if it is the date's time on its own ("08:55 uur")
    for i, line in enumerate(lines):
        bare = _table_row_as_line(_LIST_MARKER.sub("", line.strip()))
        if skip_time and bare:
            skip_time = False
            if timed(line):
                continue

        under_label = bool(kept) and label_only(_LIST_MARKER.sub("", next((k for k in reversed(kept) if k.strip()), "").strip())) == "published"
        if _is_date_line(bare, published) and (under_label or not (_is_date_only(bare) and _among_steps(lines, i, published))):
            while kept and not kept[-1].strip():
                kept.pop()
            if kept and timed(kept[-1]):  # the date's time on the line before it
                kept.pop()
                while kept and not kept[-1].strip():
                    kept.pop()
            elif moment is not None:
                skip_time = True
            if kept and label_only(_LIST_MARKER.sub("", kept[-1].strip())) == "published":
                kept.pop()
            continue
        kept.append(line)
    return "\n".join(kept)


_LIST_MARKER = re.compile(r"^[-*•]\s+")
#: A table row as trafilatura writes it ("| Datum publicatie | 30-11-2020 |") of a label and its value.
_LABEL_ROW = re.compile(r"^\|\s*([^|]{1,60}?)\s*\|\s*([^|]{1,60}?)\s*\|$")


def _table_row_as_line(line: str) -> str:
    """A table row of a label and its value as the line "label: value" (a court page's facts, news-sites.md §2.3:
    "Datum uitspraak" / "Datum publicatie" in a table: the page's date row, kept in the text, was read as the
    tender's publication on that day); any other line as it is."""
    m = _LABEL_ROW.match(line)
    return f"{m.group(1)}: {m.group(2)}" if m else line


def _drop_line(text: str, line: str) -> str:
    """``text`` without its first line that reads as ``line`` (whitespace aside)."""
    wanted = " ".join(line.split())
    lines = text.split("\n")
    at = next((i for i, candidate in enumerate(lines) if " ".join(candidate.split()) == wanted), None)
    return text if at is None else "\n".join(lines[:at] + lines[at + 1:])


@functools.lru_cache(maxsize=1)
def _short_post_config():
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "100")
    return config


#: A Dublin-Core lead shorter than this is a label, not a paragraph.
LEAD_MIN_CHARS = 30


def _with_lead(tree, text: str) -> str:
    """``text`` (a site's ``selectors.body``) with the page's lead before it when it is not in
    it: iprox keeps the lead out of ``div.iprox-rich-content`` and gives it in
    ``meta[property="dcterms:description"]`` (news-sites.md §2.1, the om.nl scraper's "lead
    from ``dcterms:description``")."""
    lead = meta_content(tree, "dcterms:description", "dcterms.description", "dc.description")
    lead = " ".join(lead.split()) if lead else ""
    if len(lead) < LEAD_MIN_CHARS or lead in " ".join(text.split()):
        return text
    return f"{lead}\n{text}"


#: A page's lead or summary outside its article body: TYPO3 EXT:news's ``div.teaser-text`` with
#: ``itemprop="description"`` beside ``itemprop="articleBody"`` (trafilatura reads the articleBody
#: alone), and the ``.intro, .summary, .lead`` that news-sites.md §2.1's generic scraper reads.
_LEAD_XPATH = ("//*[(@itemprop='description' and not(self::meta)) or contains(@class,'teaser-text')"
               " or contains(@class,'lead') or contains(@class,'intro') or contains(@class,'summary')]")
_LEAD_CLASSES = {"teaser-text", "lead", "intro", "summary"}


def _title_element(tree, title: str | None):
    """The heading that shows the page's ``title``: its ``<h1>``, or the ``<h3 itemprop="headline">`` of a TYPO3
    EXT:news item or the ``<h2>`` under a logo ``<h1>`` that the title was read from; else the first ``<h1>``."""
    if title:
        want = " ".join(title.split())
        for el in tree.xpath("//h1|//h2|//h3|//*[@itemprop='headline'][not(self::meta)]"):
            shown = heading_text(el)
            if shown and (shown == want or strip_template_label(shown) == want):
                return el
    h1s = tree.xpath("//h1")
    return h1s[0] if h1s else None


def _with_page_lead(tree, text: str, elsewhere, title_el=None) -> str:
    """``text`` (trafilatura's) with the page's lead (:data:`_LEAD_XPATH`) before it when it
    left the lead out: the first one of the article (beside its title's heading, ``title_el``:
    an ``<h1>``, or a TYPO3 item's ``<h3 itemprop="headline">``; not in a header, footer,
    navigation or a block listing other pages)."""
    if title_el is None:
        return text
    title_scope = {a for a in title_el.iterancestors() if a.tag not in ("body", "html")}
    flat = " ".join(text.split())
    for el in tree.xpath(_LEAD_XPATH):
        if el.get("itemprop") != "description" and not _LEAD_CLASSES & set((el.get("class") or "").split()):
            continue
        if in_blocks(el, elsewhere) or el.xpath(
                "ancestor-or-self::footer|ancestor-or-self::nav|ancestor::header[not(ancestor::article)]"
                # a caption, a linked teaser of another page, an item of a list of them
                "|ancestor-or-self::figure|ancestor-or-self::figcaption|ancestor-or-self::a|ancestor::li"):
            continue
        scope = next(iter(el.xpath("ancestor::*[@itemscope][1]")), None)
        if el.get("itemprop") == "description" and scope is not None and not re.search(
                r"Article|BlogPosting|Report", scope.get("itemtype") or ""):
            continue  # the description of an image or an organisation
        if not title_scope & set(el.iterancestors()):
            continue
        lead = " ".join(element_text(el).split())
        if len(lead) < LEAD_MIN_CHARS:
            continue
        return _lead_first(text, lead, " ".join(element_text(title_el).split())) if lead in flat else f"{lead}\n{text}"
    return text


def _lead_first(text: str, lead: str, title: str) -> str:
    """``text`` with the lead's lines first: trafilatura (``favor_recall``) reads a short TYPO3
    article's ``itemprop="articleBody"`` first and adds the header it left after it, so the text
    ran "body / title / lead": a lead after the title's line is put first, and the title's line
    goes (the title is the page's ``title``, not its text)."""
    lines = text.split("\n")
    flat = [" ".join(line.split()) for line in lines]
    for i in range(1, len(lines)):
        if not flat[i] or not lead.startswith(flat[i]):
            continue
        for j in range(i, len(lines)):
            joined = " ".join(f for f in flat[i:j + 1] if f)
            if joined == lead:
                if flat[i - 1] != title:  # the lead under a heading of the text: in its place
                    return text
                return "\n".join(lines[i:j + 1] + lines[:i - 1] + lines[j + 1:])
            if not lead.startswith(joined):
                break
    return text


#: Meta tags that name a page's last change (its ``modified``, never its publication).
MODIFIED_META = ("article:modified_time", "dcterms:modified", "dcterms.modified", "dc.date.modified",
                 "last-modified", "og:updated_time", "datemodified")


def _modified(tree, lines: list[str], elsewhere=()) -> str | None:
    value = meta_content(tree, *MODIFIED_META)
    if not value:  # JSON-LD's (schema.org) dateModified
        for script in tree.xpath("//script[@type='application/ld+json']/text()"):
            m = re.search(r'"dateModified"\s*:\s*"([^"]+)"', script)
            if m:
                value = m.group(1)
                break
    parsed = parse_dutch_date(value, anchored=True) if value else None
    parsed = parsed or _time_elements(tree, modified=True, elsewhere=elsewhere) or find_modified_date(lines)
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


def _is_living(url: str | None, site: Any) -> bool:
    """Whether ``url`` is one of the registry's living pages (project or FAQ pages updated in place)."""
    living = {urljoin(site_field(site, "base_url") or "", p) for p in (site_field(site, "living_pages") or [])}
    return bool(url) and url.split("#")[0] in living


#: A court ruling's facts (news-sites.md §2.3 "court pages", rechtspraak.nl): a line opening with ``Datum uitspraak``
#: and one with ``Datum publicatie`` ("two different dates"), as a label on its own line, a table row's or a
#: definition list's ("- Datum uitspraak: 27-11-2020").
_RULING_LABELS = (re.compile(r"^[^\w\n]{0,3}datum uitspraak\b", re.I | re.M),
                  re.compile(r"^[^\w\n]{0,3}datum publicatie\b", re.I | re.M))


def _is_court_ruling(lines: list[str]) -> bool:
    """Whether the page's ``lines`` have a court ruling's shape (:data:`_RULING_LABELS`): a dated publication, never
    a page updated in place, whatever discovered it (branch refnews79)."""
    joined = "\n".join(lines)
    return all(label.search(joined) for label in _RULING_LABELS)


def _page_type(url: str | None, title: str | None, text: str, published, site: Any,
               og_type: str | None = None, had_label: bool = False, court: bool = False) -> str:
    if court:  # a court ruling (news-sites.md §2.3), also where the registry names it a living page
        return "news"
    if title and _FAQ_TITLE.search(title):
        return "faq"
    if sum(1 for line in text.split("\n") if line.strip().endswith("?") and len(line) < 160) >= 5:
        return "faq"
    if _is_living(url, site):
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
    return {**{k: kw.get(k) for k in keys}, "tenderned_links": kw.get("tenderned_links") or []}


#: The site's navigation and its header holding it (outside the article or ``<main>``): pruned before trafilatura
#: reads the page. Its own extraction leaves them out, but a short page (an agenda item of a council information
#: system, a one-paragraph notice) falls back to its baseline, the body's whole text, which began with the menu
#: ("Raadsinformatie", "Vergaderingen") before the matter. The same scope as a site's banner ``<h1>``
#: (:data:`.titles._SITE_HEADER`): a page header inside the content, its lead, stays.
SITE_CHROME_XPATH = (  # the header first: pruning its menu first left it holding none, so it was kept
    "//header[not(ancestor::article or ancestor::main) and (.//nav or .//*[@role='navigation'])]",
    "//*[@role='banner'][not(ancestor::article or ancestor::main)]",
    "//nav[not(ancestor::article or ancestor::main)]",
    "//*[@role='navigation'][not(ancestor::article or ancestor::main)]",
)


#: The labels of a council information system's facts about the meeting an agenda item belongs to (iBabs, Notubiz, a
#: municipal "raadsinformatie": ``<dl><dt>Vergadering</dt><dd><a>Gemeenteraad</a></dd><dt>Datum</dt>…``): the
#: meeting, the body that meets, its time and place, its chair and clerk, the item's number on the agenda.
_MEETING_LABEL = re.compile(
    r"(?:vergadering|orgaan|bestuursorgaan|gremium|commissie|raad|tijd|tijdstip|aanvang|locatie|plaats|zaal|"
    r"voorzitter|griffier|secretaris|notulist|agendapunt|agendanummer|punt|nummer|volgnummer|"
    r"vergadertype|soort vergadering|type vergadering)", re.I)
#: The labels of the meeting's date among its facts: the date of the meeting an agenda item is on is the item's.
_MEETING_DATE_LABEL = re.compile(r"datum|vergaderdatum|datum (?:van de )?vergadering|datum en tijd|datum ?/ ?tijd",
                                 re.I)
#: The labels that say a ``<dl>`` is a meeting's facts: the meeting or the body that meets.
_MEETING_BODY_LABEL = re.compile(r"(?:vergadering|orgaan|bestuursorgaan|gremium|commissie)", re.I)


def _meeting_facts(tree, fetched_at=None) -> list:
    """The rows of a council information system's list of the meeting's facts at the head of an agenda item
    (:data:`_MEETING_LABEL`: "Vergadering / Gemeenteraad", "Tijd / 19:30 - 23:00", "Locatie / Raadzaal"): the
    meeting's, not the item's text, which began with them ("- Vergadering", "- Gemeenteraad"). The facts come as a
    ``<dl>``, a two-column ``<table>`` or label–value ``<div>``/``<span>`` pairs (:func:`_meeting_rows`). Its date
    ("Datum", "Vergaderdatum", "Datum en tijd") dates the item (:func:`_meeting_date`) and goes with them; a meeting
    to come (after ``fetched_at``) dates nothing, and its date stays in the text, with the meeting's name when that
    states it. Every other row stays, a "Sluitingsdatum" above all (an event the analysis reads)."""
    dated = not_after(_meeting_date(tree), fetched_at) is not None
    return [el for label, values, elements in _meeting_rows(tree)
            if (label is None and dated)  # a caption of the facts, which may name the meeting's date
            or (label is not None and _MEETING_LABEL.fullmatch(label) and (dated or not _dates_in(values)))
            or (label is not None and dated and _MEETING_DATE_LABEL.fullmatch(label)) for el in elements]


def _dates_in(values) -> bool:
    """Whether a row of a meeting's facts states a date ("Gemeenteraad 8 november 2018")."""
    return any(parse_dutch_date(value) for value in values)


def _label(el) -> str:
    """The label a term of a list of facts gives ("Vergadering:" is "Vergadering")."""
    return " ".join(element_text(el).split()).rstrip(": ")


def _value(el) -> str:
    return " ".join(element_text(el).split())


#: A label of a fact and its value, as a table's cell or a ``<div>``/``<span>`` pair writes them: short, one line
#: (a heading over a paragraph of the item's own, "Vergadering" above its matter, is no pair of facts).
_LABEL_LIMIT, _VALUE_LIMIT = 40, 150


def _meeting_rows(tree):
    """``(label, [value texts], [elements to drop])`` of each row of a meeting's facts (:func:`_meeting_facts`).

    The systems write them as a ``<dl>`` (``<dt>Vergadering</dt><dd>Gemeenteraad</dd>``), as a two-column
    ``<table>`` (``<tr><th>Vergadering</th><td>Gemeenteraad</td></tr>``, Notubiz) or as label–value pairs of
    ``<div>``/``<span>`` elements (``<div class="row"><div>Locatie</div><div>Raadzaal</div></div>``, iBabs,
    GemeenteOplossingen; ``<li><strong>Tijd:</strong> 19:30</li>``). The vocabulary of the labels says which
    are a meeting's facts, not a CMS's class names. A ``<dl>`` naming the meeting or its body
    (:data:`_MEETING_BODY_LABEL`) is one; a table or a group of pairs is one only when, besides, most of its labels
    are a meeting's facts and they state no more than one day: a table of awarded lots ("Perceel 1 / …") or a
    timeline ("Commissie / 12 oktober 2018", "Raad / 8 november 2018") is the item's own matter and stays."""
    for dl in tree.xpath("//dl"):
        terms = dl.xpath("./dt|./div/dt")
        labels = [_label(t) for t in terms]
        if not any(_MEETING_BODY_LABEL.fullmatch(label) for label in labels):
            continue
        for term, label in zip(terms, labels):
            values = [term]
            for sibling in term.itersiblings():
                if not isinstance(sibling.tag, str) or sibling.tag != "dd":
                    break
                values.append(sibling)
            yield label, [_value(v) for v in values[1:]], values
    for group in (*_table_rows(tree), *_pair_rows(tree)):
        if _is_meeting(group):
            yield from group


def _is_meeting(group) -> bool:
    """Whether label–value rows of a table or of pairs are a meeting's facts (:func:`_meeting_rows`)."""
    group = [row for row in group if row[0] is not None]  # a table's caption
    labels = [label for label, _, _ in group]
    facts = [row for row in group if _MEETING_LABEL.fullmatch(row[0]) or _MEETING_DATE_LABEL.fullmatch(row[0])]
    days = {parsed.day for _, values, _ in facts for parsed in map(parse_dutch_date, values) if parsed}
    return (len(group) >= 2 and any(_MEETING_BODY_LABEL.fullmatch(label) for label in labels)
            and 2 * len(facts) > len(group) and len(days) <= 1)


def _table_rows(tree):
    """The rows of each two-column table whose first column labels the second (its cells short). Its caption, a
    ``<caption>`` or a row of one cell heading the table ("Gegevens vergadering"), comes as a row labelled None: it
    goes with the meeting's facts when they date the item."""
    for table in tree.xpath("//table[not(ancestor::dl)]"):
        group = [(None, [_value(c)], [c]) for c in table.xpath("./caption")]
        for row in table.xpath("./tr|./thead/tr|./tbody/tr|./tfoot/tr"):
            cells = row.xpath("./th|./td")
            if len(cells) == 1 and len(_value(cells[0])) <= _LABEL_LIMIT:
                group.append((None, [_value(cells[0])], [row]))
                continue
            if len(cells) != 2:
                break
            label, value = _label(cells[0]), _value(cells[1])
            if not label or len(label) > _LABEL_LIMIT or len(value) > _VALUE_LIMIT:
                break
            group.append((label, [value], [row]))
        else:
            if group:
                yield group


_PAIR_TAGS = {"div", "li", "p", "span"}


def _pair(el):
    """``(label, value)`` of an element holding one fact: a label element and a value element
    (``<div><div>Locatie</div><div>Raadzaal</div></div>``), or a label element and its text
    (``<li><strong>Tijd:</strong> 19:30 - 23:00</li>``); None for any other element."""
    kids = [k for k in el if isinstance(k.tag, str) and k.tag != "br"]
    if (el.text or "").strip() or not kids or len(kids) > 2 or any(len(k) for k in kids[:1]):
        return None
    label = _label(kids[0])
    value = _value(kids[1]) if len(kids) == 2 else " ".join((kids[0].tail or "").split())
    if len(kids) == 2 and (kids[0].tail or "").strip():
        return None
    if not label or not value or len(label) > _LABEL_LIMIT or len(value) > _VALUE_LIMIT:
        return None
    return label, value


def _pair_rows(tree):
    """Each group of sibling elements that hold one fact each (:func:`_pair`), or of a container's label and value
    elements in turn (``<span class="label">Datum</span><span class="value">…</span>…``)."""
    seen = set()
    for el in tree.iter(*_PAIR_TAGS):
        parent = el.getparent()
        if parent is None or parent in seen or el.xpath("ancestor::dl or ancestor::table"):
            continue
        seen.add(parent)
        kids = [k for k in parent if isinstance(k.tag, str) and k.tag != "br"]
        group = []
        for kid in kids:
            pair = _pair(kid) if kid.tag in _PAIR_TAGS else None
            if pair:
                group.append((pair[0], [pair[1]], [kid]))
        if len(group) >= 2:
            yield group
        elif len(kids) >= 4 and len(kids) % 2 == 0 and all(k.tag in _PAIR_TAGS and not len(k) for k in kids):
            rows = [(_label(a), [_value(b)], [a, b]) for a, b in zip(kids[::2], kids[1::2])]
            if all(0 < len(label) <= _LABEL_LIMIT and 0 < len(v[0]) <= _VALUE_LIMIT for label, v, _ in rows):
                yield rows


def _meeting_date(tree) -> ParsedDate | None:
    """The date of the meeting an agenda item is on, as its facts state it (:func:`_meeting_facts`): a date the
    date lines' reading leaves, labelled as the meeting's ("Vergaderdatum", "Datum vergadering", "Datum en tijd"
    are some other date than a page's own) or written with the meeting's start ("8 november 2018, aanvang 19.30
    uur"), else in the meeting's name ("Vergadering / Gemeenteraad 8 november 2018", as the systems name a meeting)."""
    rows = list(_meeting_rows(tree))
    for pattern in (_MEETING_DATE_LABEL, _MEETING_BODY_LABEL):
        for label, values, _ in rows:
            if label is not None and pattern.fullmatch(label):
                for value in values:
                    parsed = parse_dutch_date(value)
                    if parsed:
                        return parsed
    return None


def extract_html(html: str | bytes, url: str, site: dict | None = None,
                 fetched_at: datetime | None = None, content_type: str | None = None) -> dict:
    """Extract one article from an HTML page.

    :param html: the page (bytes are decoded with the charset of a byte-order
        mark or of ``content_type``, else with trafilatura's charset detection).
    :param url: the URL the page was fetched from (for relative links, the
        URL-date fallback and the title-from-slug fallback).
    :param site: registry entry (dict or :class:`~tenderarchive.sources.Site`);
        ``selectors.title``/``date``/``body`` (CSS or XPath) take precedence,
        ``living_pages`` marks project pages, ``title`` strips a site-name
        suffix from ``<title>``.
    :param fetched_at: fetch time; dates after it are rejected (htmldate's
        ``max_date``).
    :param content_type: the response's ``Content-Type`` header; its charset
        decodes the bytes when they decode with it.
    :raises ValueError: when the bytes hold no parseable HTML document.
    :returns: a JSON-serialisable dict with the keys ``title``,
        ``title_source`` (selector/h1/og/h2/title-tag/slug), ``published``
        (``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM``, None if the page states none),
        ``published_source`` (stated/meta/url/dateline/None),
        ``published_precision`` (day/minute/None), ``modified``, ``text``,
        ``language``, ``canonical_url``, ``extractor``, ``page_type``
        (news/project_page/faq), ``tenderned_links`` (the TenderNed notice
        addresses the article links to, :func:`~.markup.tenderned_links`;
        ``[]`` for plain text).
    """
    raw = decode_html(html, content_type)
    try:
        tree = lxml.html.fromstring(raw.encode("utf-8"), parser=lxml.html.HTMLParser(encoding="utf-8"))
    except (lxml.etree.ParserError, ValueError) as exc:  # nothing parseable (an empty document)
        raise ValueError(f"not an HTML page: {exc}") from None
    if _join_date_badges(tree):
        raw = lxml.html.tostring(tree, encoding="unicode")  # the text read with each badge on one line
    selectors = dict(site_field(site, "selectors") or {})
    # "Lees ook", related and latest news, a sidebar: other pages' titles and dates (news-sites.md §2.4)
    elsewhere = related_blocks(tree)
    # a cookie-consent banner over the article, in whatever language or words (news-sites.md §2.4)
    banners = [b for b in consent_banners(tree) if not in_blocks(b, elsewhere)]
    elsewhere = [*elsewhere, *banners]
    # the item's pager: "Vorig bericht: <another item's title>", "Volgende »", "Pagina 1 van 3" (its other pages
    # are read by the spider, spiders/news.py article_part_links, from the page as fetched)
    pagers = [p for p in pager_blocks(tree) if not in_blocks(p, elsewhere)]
    elsewhere = [*elsewhere, *pagers]

    # --- main text --------------------------------------------------------
    body_root = None
    text = None
    pruned = None
    facts = []
    extractor = EXTRACTOR_HTML
    if selectors.get("body"):
        found = [el for el in select(tree, selectors["body"]) if not isinstance(el, str)]
        if found:
            body_root = found[0]
            # the body as configured, without the item's pager and a consent banner the template put inside it
            text = "\n".join(element_text(_without_inside(el, [*pagers, *banners])) for el in found)
            extractor = EXTRACTOR_SELECTOR
            text = _with_lead(tree, text)
    if text is None:
        options = dict(url=url, include_comments=False, include_tables=True, favor_recall=True,
                       deduplicate=False, with_metadata=False,
                       prune_xpath=[f"//*[contains(@class,'{FIXTURE_BANNER}')]", *SITE_CHROME_XPATH])
        facts = _meeting_facts(tree, fetched_at)  # the meeting's, not the agenda item's text
        pruned = _without(tree, [*elsewhere, *facts]) if elsewhere or facts else None
        source_html = lxml.html.tostring(pruned, encoding="unicode") if pruned is not None else raw
        if "<time" in source_html.lower():
            source_html = _times_as_text(pruned if pruned is not None else tree)
        text = trafilatura.extract(source_html, **options) or ""
        if text.strip() and "\n" not in text.strip():
            # One line: trafilatura found less than MIN_EXTRACTED_SIZE (250) characters of main
            # text in a short post and fell back to the article's whole text run together (title,
            # "5 januari 202229 juli 2021" dates and body on one line). Read with a lower bound.
            text = trafilatura.extract(source_html, config=_short_post_config(), **options) or text
        if not text.strip():  # a page whose matter sits in what reads as the site's chrome: read it unpruned
            text = trafilatura.extract(source_html, **dict(options, prune_xpath=options["prune_xpath"][:1])) or ""
        text = drop_repeated_paragraphs(text)
        articles = tree.xpath("//article|//main")
        body_root = articles[0] if articles else None

    # --- title ------------------------------------------------------------
    title, title_source = html_title(tree, body_root, selectors, site, url)
    if extractor == EXTRACTOR_HTML and text.strip():
        text = _with_page_lead(tree, text, elsewhere, _title_element(tree, title))
    had_label = False
    h1s = tree.xpath("//h1")
    if h1s and title_source == "h1":
        had_label = strip_template_label(element_text(h1s[0]).replace("\n", " ")) != element_text(h1s[0]).replace("\n", " ")
    text = clean_text(text)
    text = drop_leading_title(text, title)
    if title_source == "h1" and heading_date(_title_element(tree, title)) is not None:
        # the heading as shown, its date set inside it: "Titel 14 december 2020" (the date is the page's, below)
        text = drop_leading_title(text, " ".join(element_text(_title_element(tree, title)).split()))
    # a CMS's article info block (Joomla's "Geschreven door …", "Aangemaakt op …", "Hits: 123"): its dates are read
    # from the page's lines below, the rest is no text of the article
    text = "\n".join(drop_article_info(text.split("\n")))

    # the page's lines as shown (a meeting's facts too, whose "Datum" is a date line)
    lines_tree = (pruned if pruned is not None and not facts else _without(tree, elsewhere)) if elsewhere else tree
    page_lines = split_date_labels(
        element_text(lines_tree.xpath("//body")[0] if lines_tree.xpath("//body") else lines_tree).split("\n"))
    if not title:
        title = title_from_slug(url, text)
        title_source = "slug" if title else None

    # --- dates ------------------------------------------------------------
    published: ParsedDate | None = None
    source = None
    kicker = None
    element = None  # a date element of the day of reading (:func:`_rendered_on`), the last of the page's dates
    relative = None  # (date, line) of a date line written relative to the fetch (find_relative_date)
    if selectors.get("date"):
        for el in select(tree, selectors["date"]):
            value = el if isinstance(el, str) else (el.get("datetime") or element_text(el))
            published = parse_dutch_date(value)
            if published:
                source = "stated"
                break
    if published is None:
        published = _time_elements(tree, elsewhere=elsewhere) or _date_elements(tree, None, elsewhere) or \
            _header_row_date(tree, elsewhere) or \
            (heading_date(_title_element(tree, title)) if title_source == "h1" else None)
        if _rendered_on(published, fetched_at):  # perhaps the site header's today
            element = published
        if published is None or element is not None:
            start = 0
            if title:
                for i, line in enumerate(page_lines):
                    if title in line:
                        start = i
                        break
            # A living page's date under its title heads its newest update ("2 juli 2018", news-sites.md §1
            # [S2]: "none (living page; newest event 2 juli 2018)"), not its publication: labelled only.
            found = find_stated_date(page_lines[start:], head_lines=0 if _is_living(url, site) else 4)
            if found:  # the time on a line of its own beside the date line ("08:55 uur" above or below it)
                found = (paired_time(page_lines[start:], found[1], found[0]) or found)[0], found[1]
            if not found:  # "2 dagen geleden", "Geplaatst: gisteren om 14:05": read against the fetch, after meta dates
                relative = find_relative_date(page_lines[start:], fetched_at,
                                              head_lines=0 if _is_living(url, site) else 4)
            if start and not _is_living(url, site):
                # a date line just above the title (a kicker: "Nieuwsbericht | 14-12-2020"); after the
                # page's meta dates, which say the same in ISO where a page has both ("05/08/2019")
                above = next((line for line in reversed(page_lines[:start]) if line.strip()), "")
                kicker = find_stated_date([above], head_lines=1)
            # a date element of the day of reading comes after the page's meta, kicker, relative and URL dates
            published = found[0] if found else None
            if published is None and relative is None:  # an agenda item: the date of its meeting
                published = _meeting_date(tree)
        source = "stated" if published else None
    published = not_after(published, fetched_at)
    if published is None:
        published = not_after(_declared_meta_date(tree), fetched_at) or \
            not_after(_meta_date(tree, raw, fetched_at, elsewhere), fetched_at)
        source = "meta" if published else None
        if published is None and element is not None:
            published, source = element, "stated"
        if _rendered_on(published, fetched_at):  # stamped as served: a date the page states before it stands
            dateline = find_dateline_date(text.split("\n")) if not _is_living(url, site) else None
            stated = next((c for c in (kicker, relative, (dateline, None) if dateline else None)
                           if c and _earlier(not_after(c[0], fetched_at), published)), None)
            if stated is None and _earlier(not_after(url_date(url), fetched_at), published):
                published, source = url_date(url), "url"
            elif stated is not None:
                published, source = None, None
    if published is None and kicker:
        published = not_after(kicker[0], fetched_at)
        source = "stated" if published else None
    if published is None and relative:
        published = not_after(relative[0], fetched_at)
        source = "stated" if published else None
        if published is not None:  # the date line is the page's metadata, not its text
            text = _drop_line(text, relative[1])
    if published is None:
        published = not_after(url_date(url), fetched_at)
        source = "url" if published else None
    if published is None and not _is_living(url, site):
        # the date only the running text states, a press release's dateline ("Utrecht, 3 maart 2025 – …"): the
        # page's word still, after its meta, date lines and address; part of its first sentence, kept in the text
        published = not_after(find_dateline_date(text.split("\n")), fetched_at)
        source = "dateline" if published else None
    stamp = _modification_stamp(tree, published, fetched_at) if source == "stated" and not selectors.get("date") \
        else None
    if stamp is not None:  # the date shown is the last change's: the CMS declares the publication
        text = _drop_date_lines(text, published)
        published, source = stamp, "meta"
    if published is not None and source == "stated" and published.precision == "day":
        # a date element's day ("<p class='date'>14 december 2020</p>") with its time in an element of its own
        # beside it ("<p class='time'>08:55 uur</p>"): the page's moment
        published = _timed_by_line(page_lines, published)
    # the stated publication line (and a label on the line before it) is metadata, not body text
    if published is not None and source == "stated":
        text = _drop_date_lines(text, published)
    text = "\n".join(join_date_labels(drop_modified_lines(text.split("\n"))))

    canonical_url = page_canonical_url(tree, url)
    html_lang = tree.get("lang") or meta_content(tree, "content-language", "og:locale")
    og_type = meta_content(tree, "og:type")
    return _result(
        title=title,
        title_source=title_source,
        published=published.iso if published else None,
        published_source=source if published else None,
        published_precision=published.precision if published else None,
        modified=_modified(tree, page_lines, elsewhere),
        text=normalize_whitespace(text),
        language=_language(html_lang, text),
        canonical_url=canonical_url,
        extractor=extractor,
        page_type=_page_type(url, title, text, published, site, og_type, had_label, _is_court_ruling(page_lines)),
        tenderned_links=tenderned_links(tree, body_root, url, elsewhere),
    )


def extract_text(text: str, url: str | None = None) -> dict:
    """Extract one article from plain page text (like the seed files).

    The first line after cleaning (cookie block, navigation, template label
    removed) is the title, unless it is a long paragraph or starts with a
    news dateline (``ZUID-KENNEMERLAND/IJMOND -``): then the title is None,
    or rebuilt from the URL slug (``title_source="slug"``) when ``url`` is
    given.  ``published`` is only a date the text states (labelled, byline or
    a date line under the title), else the ``/YYYY/MM/DD/`` URL date, else
    the dateline opening the text (``"dateline"``), else None.  ``text`` is the cleaned text without the title and the stated date
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
        paired = paired_time(body_lines, idx, published)  # its time on a line of its own beside it
        if paired:
            published = paired[0]
        body_lines = [line for i, line in enumerate(body_lines) if i != idx and (not paired or i != paired[1])]
    elif url_date(url):
        published, source = url_date(url), "url"
    elif find_dateline_date(body_lines):  # a press release's "Utrecht, 3 maart 2025 – …", kept in its text
        published, source = find_dateline_date(body_lines), "dateline"
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
        page_type=_page_type(url, title, body, published, None, None, had_label, _is_court_ruling(lines)),
    )
