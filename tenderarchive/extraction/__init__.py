"""Article extraction for municipal and regional news pages.

Public API (other parts of tenderarchive call exactly these)::

    from tenderarchive.extraction import extract_html, extract_text, clean_text
    page = extract_html(html, url, site=None, fetched_at=None)
    page = extract_text(text, url=None)

Both return a JSON-serialisable dict with the keys ``title``,
``title_source``, ``published``, ``published_source``,
``published_precision``, ``modified``, ``text``, ``language``,
``canonical_url``, ``extractor``, ``page_type`` and ``tenderned_links`` (see
:func:`extract_html`).

What is library and what is hand-written
----------------------------------------

*Library*

- **trafilatura** finds the main text of an HTML page (boilerplate removal,
  paragraph segmentation, charset decoding of bytes).  It is good at this
  and we do not second-guess it.
- **htmldate** reads dates from metadata and date markup (``<meta>``,
  JSON-LD, ``<time>``), always with ``extensive_search=False`` and
  ``max_date`` = the fetch time.
- **lxml** (+ cssselect, installed with Scrapy) parses the page and
  evaluates per-site selectors.

*Hand-written, and why*

- **Stated dates** (:mod:`.dates`): "Gepubliceerd op: 14 december 2020
  08:55", ``Redactie 14-10-2021``, a date line under the title (its parts
  set off by a bar, dash, middle dot or bullet), iprox ``div.iprox-date``, the
  value under "Datum publicatie" in a header table's one row (or beside it in a facts table's row, "| Datum
  publicatie | 30-11-2020 |", which leaves the text as any date line of the page does), ``<time datetime>`` (not one inside a sentence: "sluit
  op <time>1 maart</time>, daarna …" is an event date, hidden from htmldate too).  htmldate does not read Dutch
  labels and drops the time of day; in extensive mode it *guesses* a date
  from any date in the body (a project page mentioning "2 juli 2018" would
  get that date).  So the rule is: **a date is only reported when the page
  presents it as its own date** (a label on its own line labels the date
  on the next; "Datum uitspraak" or "Laatst gewijzigd" is no publication
  date; Joomla's "Aangemaakt op …" is, after a "Gepubliceerd" line beside it, and its article info block,
  "Geschreven door …" / "Hits: 123" lines with it, leaves the text: :func:`.dates.drop_article_info`).  Order: site ``selectors.date`` ->
  stated on the page (``published_source="stated"``, keeps the time) ->
  the publication meta tags (``article:published_time``, iprox's Dublin-Core
  ``dcterms:issued``/``created``/``date`` in colon or dotted form, with an
  ISO or Dutch value: ``"meta"``) -> htmldate on metadata only, kept only if
  that ISO date literally occurs in the HTML (``"meta"``) -> a date line written relative to the fetch
  ("3 uur geleden", "Geplaatst: gisteren om 14:05": the day it names against ``fetched_at``, ``"stated"``;
  htmldate reads no relative date) -> (in the crawl, pipelines/extract.py) the
  date of the page's feed item (``"feed"``) or listing entry (``"listing"``) -> ``/YYYY/MM/DD/`` in the
  URL path (``"url"``) -> the day only the running text states, a press release's dateline opening the text
  ("Utrecht, 3 maart 2025 – …", "ZWOLLE - Donderdag 12 juni 2025 - …", a municipality and day on a line of their
  own, "(12-06-2025)" closing the lead, "Dit
  persbericht is gepubliceerd op …"; ``"dateline"``: :func:`.dates.find_dateline_date`, never a date in a
  sentence) -> None.  A stated day that is the last change the head declares
  (``article:modified_time``, JSON-LD ``dateModified``: a WordPress ``<span class="updated">`` under or glued
  to the title) gives way to the publication the head declares (``article:published_time``, JSON-LD
  ``datePublished``), when it declares one (``"meta"``).  Dates later than ``fetched_at`` are dropped.  Years are never
  inferred here ("Donderdag 7 oktober" stays undated); ``"inferred"`` is
  reserved for the analysis step.
- **Cleaning** (:mod:`.cleaning`): cookie modal text, a table repeated line
  for line (officielebekendmakingen.nl's header table), navigation lines,
  template labels ("Nieuwsbericht ", "Nieuws "), trailing tag lines, image
  file-name residue, alt text glued to a paragraph ("kind tussen
  oudersDe aanbesteding"), NBSP, mojibake ("cliĆ«nten", "coƶperatie",
  "Ã«").  These come from the *text copies* as much as from HTML, and
  trafilatura keeps some of them (a label inside ``<h1>``, a cookie modal in
  ``<main>``).
- **Titles**: site selector -> ``<h1>`` -> ``og:title`` -> ``<title>`` minus
  the site-name suffix -> rebuilt from the URL slug (``title_from_slug``,
  which takes proper-noun casing from the text: "IJmond").
- **Page type**: ``news`` for a court ruling's page (news-sites §2.3:
  ``Datum uitspraak`` and ``Datum publicatie`` lines), a registry living page
  too; ``faq`` (title or many question lines), ``project_page``
  (registry ``living_pages``, or no date and no news URL/label), else
  ``news``.
"""

# Each name is loaded from its module on first use: the page reader (trafilatura, htmldate) by the first page; the
# date grammar (.dates, 45 patterns compiled at import) by the first date read, so a module that needs the text
# cleaner's words alone (pipelines/extract.py) or a TenderNed reparse, which reads no Dutch date from a notice in
# the usual forms (tenderarchive/awards/html.py ``parse_notice_date``), does not compile it (issue 14: start-up).
_FROM = {
    **dict.fromkeys(("element_text", "extract_html", "extract_text", "select", "title_from_slug"), "core"),
    **dict.fromkeys(("clean_text", "fix_mojibake", "normalize_whitespace", "strip_template_label"), "cleaning"),
    **dict.fromkeys(("find_stated_date", "parse_dutch_date", "url_date"), "dates"),
}


def __getattr__(name):
    if name in _FROM:
        from importlib import import_module

        return getattr(import_module(f"{__name__}.{_FROM[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "extract_html",
    "extract_text",
    "clean_text",
    "fix_mojibake",
    "normalize_whitespace",
    "strip_template_label",
    "title_from_slug",
    "parse_dutch_date",
    "find_stated_date",
    "url_date",
    "select",
    "element_text",
]
