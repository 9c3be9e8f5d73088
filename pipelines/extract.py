"""Extract: title, main text and publication date of a fetched news or project page.

The work is :func:`tenderarchive.extraction.extract_html` (trafilatura and
htmldate, with the page's own stated date first and the registry's per-site
selectors); this step turns its result into the ``articles`` row. The row's key
is the page's canonical URL when the page names an http(s) one on the same host,
else the URL fetched.

The extraction library (trafilatura, htmldate) is imported on the first article, so a
TenderNed crawl, which has none, does not pay for it at start-up.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from urllib.parse import parse_qsl, urlsplit

from scrapy.exceptions import DropItem

from tenderarchive.extraction.cleaning import CONSENT_POLICY_WORDS, CONSENT_SETTING_WORDS
from tenderarchive.items import ArticleItem
from tenderarchive.urls import http_url, without_tracking


#: The title of a "not found" page that a server answered with status 200 (a soft 404): at the
#: start of the title only, so "Oplossing voor jeugdhulp nog niet gevonden" is news, not an error page.
#: Also as WordPress's starter themes (Underscores, Twenty Fifteen to Twenty Seventeen, the base of many
#: municipal and regional themes, news-sites.md §2.1) word their 404 heading, "Oops! That page can't be found."
#: and its Dutch translation "Oeps! Die pagina kan niet worden gevonden.", and as other templates do: "De
#: opgevraagde pagina bestaat niet", "De pagina die u zoekt bestaat niet", "Deze pagina kunnen we niet vinden".
NOT_FOUND_TITLE = re.compile(
    r"^\W*(?:(?:sorry|oeps|oops|helaas)\W+)?(?:(?:error|fout(?:melding|code)?)\W*)?"
    r"(?:404\b"
    r"|(?:(?:deze|de|die)\s+)?(?:(?:opgevraagde|gevraagde|gezochte)\s+)?pagina"
    r"(?:\s+die\s+(?:u|je|jij)\s+(?:zoekt|zocht|opvraagt|wilt\s+bekijken|probeert\s+te\s+(?:openen|bereiken)))?,?\s+"
    r"(?:(?:is|kan|kon|werd|wordt)\s+)?"
    r"(?:niet\s+(?:(?:worden\s+|meer\s+)?gevonden|meer\s+beschikbaar)|bestaat\s+niet)"
    r"|(?:(?:deze|de|die)\s+)?pagina\s+(?:kunnen|konden)\s+(?:we|wij)\s+niet\s+(?:terug)?vinden"
    r"|(?:we|wij)\s+(?:kunnen|konden)\s+(?:de|deze|die)\s+pagina\b[^.!?]{0,40}?\bniet\s+(?:terug)?vinden"
    r"|(?:(?:that|this|the)\s+)?page\s+(?:not\s+found|(?:can(?:no|['\u2019])?t|could\s+not)\s+be\s+found)"
    r"|not\s+found\b|niet\s+gevonden\b)",
    re.IGNORECASE)


#: WordPress's body class for its 404 template (``body_class()``: ``error404`` whenever ``is_404()``), whatever the
#: theme's heading ("Nothing here", Twenty Twenty-One's): a page in it answered with status 200 is a soft 404.
WORDPRESS_NOT_FOUND_BODY = re.compile(rb"<body\b[^>]*?\bclass\s*=\s*[\"']?[^\"'>]*?\berror404\b", re.IGNORECASE)


def is_not_found(title: str | None) -> bool:
    """Whether a page's title says it does not exist.

    >>> [is_not_found(t) for t in ("Pagina niet gevonden", "404 - Page not found", "Oeps! Deze pagina bestaat niet",
    ...                            "Foutmelding 404", "Jeugdhulp: oplossing nog niet gevonden", None)]
    [True, True, True, True, False, False]
    >>> [is_not_found(t) for t in ("Oeps! Die pagina kan niet worden gevonden.", "Oops! That page can\u2019t be found.",
    ...                            "De pagina die u zoekt bestaat niet", "Pagina over de inkoop van jeugdhulp")]
    [True, True, True, False]
    """
    return bool(title and NOT_FOUND_TITLE.match(title))


#: The title of a page a CMS answers with status 200 while the site is down or failing (a maintenance page, an error
#: page), its site's name after `` - `` or `` | `` left off: the whole title, so "Storing bij jeugdhulpaanbieder" is news.
UNAVAILABLE_TITLE = re.compile(
    r"\W*(?:(?:sorry|oeps|oops|helaas)\W+)?(?:"
    r"(?:(?:de\s+|deze\s+)?(?:website|site|pagina|dienst)\s+)?(?:is\s+)?(?:tijdelijk\s+)?"
    r"(?:niet\s+beschikbaar|onbereikbaar|buiten\s+gebruik)"
    r"|(?:wij\s+zijn\s+|we\s+zijn\s+)?(?:bezig\s+met\s+)?(?:gepland\s+|technisch\s+)?onderhoud(?:\s+aan\s+de\s+website)?"
    r"|er\s+(?:is|ging)\s+(?:iets|een\s+fout)\s+(?:mis|misgegaan|mis\s+gegaan|opgetreden)"
    r"|(?:technische\s+)?storing"
    r"|(?:(?:web)?site\s+)?(?:under|in)\s+maintenance|maintenance(?:\s+mode)?|service\s+(?:temporarily\s+)?unavailable"
    # a server error's status and its reason phrase ("503 Service Unavailable", "Error 500"), not a number and any
    # words after it ("500 jongeren op wachtlijst" is news)
    r"|internal\s+server\s+error|(?:(?:error|fout(?:melding)?|http)\W*)?50[0-4]"
    r"(?:\W*(?:internal\s+server\s+error|server\s+error|bad\s+gateway|service\s+(?:temporarily\s+)?unavailable"
    r"|gateway\s+time-?out|not\s+implemented|error|fout(?:melding)?))?"
    r")\W*", re.IGNORECASE)
#: More words than this in a page's text, and it is a page, whatever its title.
UNAVAILABLE_MAX_WORDS = 150
#: A page's date of its own (``published_source``, tenderarchive/extraction: a date the page states, or its
#: publication meta tags, or the dateline opening its text): a news item has one, a site's maintenance or error
#: page (a stub of the CMS) none.
OWN_DATE_SOURCES = ("stated", "meta", "dateline")


def is_unavailable(title: str | None, text: str | None) -> bool:
    """Whether a page answered with status 200 says the site is down or failing (a soft 5xx): a short text under a
    title that is only such a notice (:func:`extract_article` asks it of a page with no date of its own only).

    >>> [is_unavailable(t, "Probeer het later nog eens.") for t in ("Website tijdelijk niet beschikbaar - Gemeente X",
    ...  "Er is iets misgegaan", "Onderhoud", "503 Service Unavailable", "Storing bij jeugdhulpaanbieder", None)]
    [True, True, True, True, False, False]
    >>> is_unavailable("Storing", "De gemeente meldt een storing. " * 40)
    False
    """
    if not title or len((text or "").split()) > UNAVAILABLE_MAX_WORDS:
        return False
    core = re.split(r"\s+[-|–—·:]\s+", title.strip())[0]
    return bool(UNAVAILABLE_TITLE.fullmatch(core))


#: A title that is a cookie wall's, not a page's ("Wij vragen uw toestemming", "Cookie-instellingen",
#: "Privacyinstellingen"): a site's consent page answered at the article's address (a site's cookie
#: statement, "Cookieverklaring", is a page).
CONSENT_TITLE = re.compile(
    r"cookie-?(?:instellingen|melding|wall|muur|toestemming|voorkeuren)|cookies? accepteren|\bconsent\b|"
    r"privacy-?(?:instellingen|voorkeuren|keuzes?)|\b(?:uw|jouw|je) (?:toestemming|privacy)\b", re.IGNORECASE)
#: A line of a consent text (its request, its buttons, its partners and purposes).
CONSENT_LINE = re.compile(r"cookie|toestemming|akkoord|accepte|privacy|consent|partners|advertenties|"
                          r"voorkeuren|instellingen", re.IGNORECASE)
#: A consent's button or its wording ("Akkoord", "Accepteren", "Alles toestaan").
_CONSENT_BUTTON = re.compile(r"akkoord|accepte|toestaan|weigeren", re.IGNORECASE)
#: Fewer words than this in a page's text, and it can be a cookie wall's.
CONSENT_MAX_WORDS = 150


def is_cookie_wall(title: str | None, text: str | None) -> bool:
    r"""Whether an answer is a cookie wall (news-sites.md §2.4's cookie modal as the whole page), not the
    page: a short text under a consent title that asks about cookies (with a consent button, or in mostly consent
    lines) or is mostly consent lines with a button, or a short text whose lines are mostly the consent's, about
    cookies and with its button.

    >>> is_cookie_wall("Wij vragen uw toestemming", "Door op Akkoord te klikken gaat u hiermee akkoord.")
    True
    >>> is_cookie_wall("Inkoop jeugdhulp", "Wij en onze partners gebruiken cookies.\nAkkoord\nInstellingen aanpassen")
    True
    >>> is_cookie_wall("Raad geeft toestemming voor inkoop jeugdhulp", "De raad stemde in met de inkoop.")
    False
    >>> is_cookie_wall("Nieuwe privacyverklaring", "De gemeente heeft haar privacyverklaring vernieuwd.")
    False
    >>> is_cookie_wall("Uw privacy bij jeugdhulp", "De gemeente deelt uw gegevens alleen met uw zorgaanbieder.")
    False
    """
    words = len((text or "").split())
    if words >= CONSENT_MAX_WORDS:
        return False
    lines = [line for line in (text or "").split("\n") if line.strip()]
    consent_lines = sum(bool(CONSENT_LINE.search(line)) for line in lines) * 2 > len(lines)
    button = bool(_CONSENT_BUTTON.search(text or ""))
    cookies = "cookie" in (text or "").casefold()
    if title and CONSENT_TITLE.search(title):
        # a consent title over a consent's text (asking about cookies with its button, or mostly its lines; a wall
        # that lists its purposes and partners has few consent lines): a short item titled "Uw privacy bij
        # jeugdhulp", "Gemeente vraagt uw toestemming …" or "Informed consent …" is a page
        return (cookies and (button or consent_lines)) or (button and consent_lines)
    # a short page about privacy is no wall: the consent asks about cookies and has its button
    return bool(lines) and consent_lines and cookies and button


#: A line of a consent text, in Dutch or English (a wall's categories are often English, news-sites.md §2.4
#: [S2]'s "Strictly necessary cookies"): :data:`CONSENT_LINE` and a consent's other words.
_CONSENT_LINE_WIDE = re.compile(CONSENT_LINE.pattern + r"|\baccept|\bagree|\bpreferences?\b|\bsettings\b|\btracking|"
                                r"\banalyti|\bstatisti|\bmarketing|\bnoodzakelijk|\bnecessary\b|\bfunctione|\bads\b|"
                                r"\badvertis|\bmeer weten\b|\blearn more\b", re.IGNORECASE)
#: The controls a consent is given with, whatever their words ("Ok", "Akkoord", "Accept all", "Alles accepteren").
_CONSENT_CONTROLS = ("//button | //input[@type='submit' or @type='button'] | //*[@role='button'] | //a")
#: A consent control's words, whatever the consent's ("Ok", "Akkoord", "Accept all", "Alles accepteren", "Alleen
#: noodzakelijke", "Instellingen", "Weigeren", "Doorgaan"): not a page's own ("Delen", "Zoeken", "Lees meer"). Its
#: policy and settings words are the text cleaner's (tenderarchive/extraction/cleaning.py ``CONSENT_POLICY_WORDS``).
_CONSENT_CONTROL_LABEL = re.compile(
    r"(?:(?:ja|yes|oke?|okay|prima|begrepen|got it|sluiten|close|doorgaan|ga verder|continue|verder|i understand|"
    r"ik begrijp het|(?:ik )?(?:ga )?akkoord|(?:ik )?accepteer|accepteren|accept|agree|i agree|toestaan|allow|"
    r"weigeren|afwijzen|reject|decline|deny|opslaan|save|aanpassen|wijzigen|manage|customi[sz]e|"
    rf"{CONSENT_SETTING_WORDS}|{CONSENT_POLICY_WORDS}|settings|preferences|opties|options|lees meer over cookies|"
    r"cookies?|alle|alles|all|"
    r"alleen|only|noodzakelijke?|necessary|essenti[eë]le?|functione(?:el|le)|selectie|selection|mijn|my|keuze|"
    r"choices?|bevestigen|confirm|cookie-?\w+|en|and|[,.!/&+-]|\s)+)", re.IGNORECASE)
#: A consent control's words that give or refuse consent ("Ok", "Akkoord", "Accept all", "Weigeren", "Opslaan"), not a
#: policy's or a setting's name only ("Cookiebeleid", "Privacyverklaring", "Cookie-instellingen", "Meer weten"): what
#: a link must say to be a banner's control (:func:`gives_consent`); an article's paragraph links the policy.
_CONSENT_VERB = re.compile(
    r"\b(?:ja|yes|oke?|okay|prima|begrepen|got it|sluiten|close|doorgaan|ga verder|continue|verder|understand|"
    r"begrijp|akkoord|accepte\w*|accept|agree|toestaan|allow|weigeren|afwijzen|reject|decline|deny|opslaan|save|"
    r"bevestigen|confirm)\b", re.IGNORECASE)
#: Words of a consent block at most (a wall lists its purposes, its partners: not a page's text).
CONSENT_BLOCK_MAX_WORDS = 600
_HIDDEN = ("script", "style", "noscript", "template")
_TEMPLATE = ("nav", "header", "footer", "aside")


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def consent_blocks(root) -> list:
    """The consent blocks of a page (``root``, lxml): the nearest element around one of its controls (a button, a
    link: :data:`_CONSENT_CONTROLS`) that gives or refuses consent ("Ok", "Akkoord", "Accept all", "Weigeren":
    :data:`_CONSENT_CONTROL_LABEL`, no "cookie" needed)
    whose text speaks of cookies, short (:data:`CONSENT_BLOCK_MAX_WORDS`) and mostly consent lines
    (:data:`_CONSENT_LINE_WIDE`; the controls' labels aside): news-sites.md §2.4's cookie modal, recognised by its
    shape, not by one button's words. None around another."""
    found, seen, texts = [], {}, {}
    for control in root.xpath(_CONSENT_CONTROLS)[:300]:
        label = " ".join((control.get("value") or "" if control.tag == "input" else control.text_content()).split())
        if len(label) > 60 or len(label.split()) > 5 or not _CONSENT_CONTROL_LABEL.fullmatch(label):
            continue
        element = control.getparent()
        for _ in range(8):
            if element is None or not isinstance(element.tag, str):
                break
            if element in seen:
                if seen[element] is not None and seen[element] not in found:
                    found.append(seen[element])
                break
            if element not in texts:  # each element's text read once, whichever of its controls climbs to it
                texts[element] = element.text_content()
            text = texts[element]
            if "cookie" not in text.casefold():
                element = element.getparent()
                continue
            verdict = None
            if len(_words(text)) <= CONSENT_BLOCK_MAX_WORDS:
                lines = [" ".join(t.split()) for t in element.xpath(
                    ".//text()[not(ancestor::script) and not(ancestor::style) and not(ancestor::button)"
                    " and not(ancestor::*[@role='button'])]") if t.strip()]
                if lines and sum(bool(_CONSENT_LINE_WIDE.search(line)) for line in lines) * 2 > len(lines):
                    verdict = element
            seen[element] = verdict
            if verdict is not None and verdict not in found:
                found.append(verdict)
            break
    return [b for b in found if not any(o is not b and o in b.iterdescendants() for o in found)]


def gives_consent(block) -> bool:
    """Whether a consent block (:func:`consent_blocks`) holds a control that gives or refuses consent: a button (an
    ``input`` button, ``role="button"``) with a consent control's words, or a link whose words give or refuse it
    (:data:`_CONSENT_VERB`: "Akkoord", "Accept all", not "Cookiebeleid"). A paragraph of an article that speaks of
    cookies and links the cookie policy or the privacy statement holds none: it is no banner."""
    for control in block.xpath(_CONSENT_CONTROLS.replace("//", ".//"))[:300]:
        label = " ".join((control.get("value") or "" if control.tag == "input" else control.text_content()).split())
        if len(label) > 60 or len(label.split()) > 5 or not _CONSENT_CONTROL_LABEL.fullmatch(label):
            continue
        if (control.tag != "a" or control.get("role") == "button") or _CONSENT_VERB.search(label):
            return True
    return False


def _outside_words(root, blocks: list) -> int:
    """The words of a page's body outside its consent ``blocks``, its template (``nav``, ``header``, ``footer``,
    ``aside``) and its scripts: the page's own text, if it has one."""
    body = root.find(".//body")
    skip = set(map(id, blocks))
    count, stack = 0, [body if body is not None else root]
    while stack:
        element = stack.pop()
        if isinstance(element, str):  # a tail
            count += len(_words(element))
            continue
        tag = element.tag if isinstance(element.tag, str) else ""
        if id(element) not in skip and tag not in _HIDDEN and tag not in _TEMPLATE and isinstance(element.tag, str):
            count += len(_words(element.text or ""))
            for child in reversed(element):
                if child.tail:
                    stack.append(child.tail)
                stack.append(child)
        if count > 10 * CONSENT_MAX_WORDS:
            break
    return count


def is_consent_page(body, text: str | None = None) -> bool:
    r"""Whether a page (``body``: its HTML, or the lxml root of it) is a cookie wall by its shape (news-sites.md §2.4's
    cookie modal as the whole page): a consent block (:func:`consent_blocks`: text about cookies with a control,
    whatever its words) and next to no text of the page's own outside it (:data:`CONSENT_MAX_WORDS`), and, given the
    ``text`` extracted of it, each line of that text the block's or its template's (the wall read as the article).

    >>> is_consent_page("<html><body><div><p>Wij gebruiken cookies.</p><button>Ok</button></div></body></html>", "Ok")
    True
    >>> is_consent_page("<html><body><main><p>De regio koopt jeugdhulp in.</p></main><div><p>Wij gebruiken cookies."
    ...                 "</p><button>Ok</button></div></body></html>", "De regio koopt jeugdhulp in.")
    False
    """
    if isinstance(body, (bytes, str)):
        import lxml.html

        raw = body if isinstance(body, bytes) else body.encode("utf-8", "replace")
        if b"cookie" not in raw.lower():
            return False
        try:
            root = lxml.html.document_fromstring(raw)
        except (ValueError, lxml.etree.ParserError):
            return False
    else:
        root = body
        if "cookie" not in root.text_content().casefold():
            return False
    blocks = consent_blocks(root)
    if not blocks or _outside_words(root, blocks) >= CONSENT_MAX_WORDS:
        return False
    if text is None:
        return True
    # the consent's words, and its template's (the site's name in its header, read by the extraction as a line)
    known = {w for e in blocks + root.xpath("//nav | //header | //footer | //aside")[:50] for w in _words(e.text_content())}
    for line in text.split("\n"):
        words = _words(line)
        if words and sum(w in known for w in words) * 5 < len(words) * 4:
            return False  # a line of the page's own (its text outside the consent, read by the extraction)
    return True


class PageGone(DropItem):
    """A page that answered 200 but says it does not exist (a soft 404): not archived. Like a 404,
    an error of the crawl for a living page of the registry, not for a discovered one (a sitemap
    that still names a removed item): tenderarchive/extensions.py, spiders/news.py."""


class DuplicatePage(DropItem):
    """A page answered byte for byte as an earlier address of this crawl (``ArticleItem.duplicate_of``, set by the
    news spider): that page's other address, not archived again and no error. It is read all the same, so a copy
    of a soft 404 is gone (``news/gone``) and one of a cookie wall an error, as its first address is."""


class PageUnavailable(DropItem):
    """A page that answered 200 but says the site is down or failing (a maintenance or error page): not archived
    (nor over the page as it was), an error of the crawl, and asked again by the next (tenderarchive/extensions.py)."""


class CookieWall(PageUnavailable):
    """A page that answered its site's cookie wall (news-sites.md §2.4: :func:`is_cookie_wall`,
    :func:`is_consent_page`) with 200: not archived (nor over the page as it was), an error of the crawl, and asked
    again by the next, as a maintenance page is, though it left its site's listing or feed meanwhile."""


class OutsideWindow(DropItem):
    """A page whose own publication date is outside the crawl's ``from_date``..``until_date``:
    not archived, and not an error (tenderarchive/extensions.py does not record it)."""


class ExtractPipeline:
    #: Works on the item alone and sets only its `record` (no archive, no state between items): `reparse
    #: --jobs N` may run it in a worker process (tenderarchive/replay/workers.py).
    in_workers = True

    def __init__(self, crawler=None):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_item(self, item):
        if isinstance(item, ArticleItem):
            article = extract_article(item)
            self.check_window(item, article)
            if item.duplicate_of:
                self.crawler.stats.inc_value("news/duplicate_page")
                raise DuplicatePage(f"{item.url} is byte for byte {item.duplicate_of}, fetched in this crawl: "
                                    f"archived once, under {item.duplicate_of}", log_level="INFO")
            item.record = {"article": article, "tenderned_links": article.pop("tenderned_links", [])}
            if is_paywalled(item.body):
                # a teaser: never archived over a longer text of the item (store.writes.write_article)
                item.record["teaser"] = True
        return item

    def check_window(self, item: ArticleItem, article: dict) -> None:
        """Drop a news page dated outside the crawl's window (the spider's ``page_in_window``);
        a living page, a page without a date, or a spider without a window passes. So does a page the archive
        holds (the spider's ``known`` addresses): the window chooses the pages a crawl collects, and an archived
        page asked again (its sitemap ``lastmod`` in the window: changed then; a revisit) is no new page but its
        next version. Dropped, a post of October changed in December was asked by every crawl of December and its
        change never archived."""
        from tenderarchive.urls import page_key

        spider = getattr(self.crawler, "spider", None)
        in_window = getattr(spider, "page_in_window", None)
        published = article.get("published")
        if in_window is None or item.is_living_page or not published:
            return
        known = getattr(spider, "known", None) or {}
        if page_key(item.url) in known or page_key(article["url"]) in known:
            return
        try:
            day = date.fromisoformat(published[:10])
        except ValueError:
            return
        if not in_window(day):
            self.crawler.stats.inc_value("news/dropped_out_of_window")
            raise OutsideWindow(f"{item.url}: published {day.isoformat()}, outside the crawl's dates", log_level="INFO")


def discovery_pages(site) -> set[str]:
    """The :func:`~tenderarchive.urls.page_key` of each page a site's registry entry reads its news through (its
    listing pages, feeds, sitemaps and OpenPub API, relative to its ``base_url``): pages of the site that list
    articles, never one article's own address."""
    from urllib.parse import urljoin

    from tenderarchive.urls import page_key

    discovery = (site or {}).get("discovery") or {}  # ``Site.to_dict()``, as an ``ArticleItem`` carries it
    urls = [*(discovery.get("feeds") or ()), *(discovery.get("sitemaps") or ()), *(discovery.get("openpub") or ()),
            *((discovery.get("listing") or {}).get("urls") or ())]
    base = (site or {}).get("base_url") or ""
    keys = set()
    for href in urls:
        try:
            keys.add(page_key(urljoin(base, href)))
        except ValueError:
            continue
    return keys


def listing_key(url: str) -> str:
    """``url``'s :func:`~tenderarchive.urls.page_key` without a listing's page number (``?page=2``,
    ``?pager_page=3``, ``/page/2/``: ``spiders/news.py`` ``PAGER_PARAMETERS``): a page of a listing's pager is
    that listing."""
    from urllib.parse import urlencode, urlunsplit

    from spiders.news import OFFSET_PARAMETERS, PAGER_PARAMETERS, TYPO3_PAGER
    from tenderarchive.urls import page_key

    def numbering(name: str, value: str) -> bool:
        # not ``p``, a post of WordPress's plain permalinks (``/?p=123``) as often as a page number
        return name.lower() == "chash" or value.isdigit() and name.lower() != "p" and (
            name.lower() in PAGER_PARAMETERS + OFFSET_PARAMETERS or bool(TYPO3_PAGER.search(name)))

    try:
        parts = urlsplit(url)
        query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not numbering(k, v)]
        path = re.sub(r"/(?:page|pagina)[/-]\d+/?$", "", parts.path, flags=re.I)
        url = urlunsplit(parts._replace(path=path, query=urlencode(query)))
    except ValueError:
        pass
    return page_key(url)


def canonical(url: str, candidate: str | None, site=None) -> str:
    """The archived URL: the canonical one when it is an http(s) URL on the fetched host
    (never ``javascript://host/…``: tenderarchive/urls.py), else the URL fetched. Not the site's home page for a
    page that is not (a template that makes every page's canonical URL the home page would
    archive every article as one page, each new one a version of the last), nor, for the same reason, one of the
    pages the site's registry entry lists its news on (``site``: a listing page or a page of its pager, a feed, a
    sitemap: :func:`discovery_pages`), as a template writing the news overview as every item's canonical URL (or
    ``og:url``) names, for a page that is none of them. Its tracking parameters left out (tenderarchive/urls.py
    ``without_tracking``)."""
    candidate = http_url(candidate)
    try:
        same_host = candidate and urlsplit(candidate).netloc.removeprefix("www.") == \
            urlsplit(url).netloc.removeprefix("www.")
        if same_host and not urlsplit(candidate).path.strip("/") and not urlsplit(candidate).query \
                and urlsplit(url).path.strip("/"):
            same_host = False
        if same_host and site:
            listings = discovery_pages(site)
            if listing_key(candidate) in listings and listing_key(url) not in listings:
                same_host = False
    except ValueError:
        same_host = False
    if same_host:
        # without its tracking parameters (a template writing the address a visitor came by, ``?utm_source=…``), as
        # discovery reads every address: under another campaign the page was a second article (branch refnews81)
        return without_tracking(candidate)
    return url.split("#")[0]


def with_parts(text: str, item: ArticleItem, links: list[str] | None = None) -> str:
    """The text of an item split over several pages (``ArticleItem.parts``: its second page and after, read by the
    news spider), each page's main text after the first's, read as the first is; a paragraph the first pages gave
    already (the title and lead a template repeats on each page) is left out. The TenderNed notices each later page
    links to (its ``tenderned_links``) are added to ``links``, the first page's, once each and in page order: a
    notice linked on page 2 only is the item's reference as much as one on page 1 (without it the item had none)."""
    from tenderarchive.extraction import extract_html

    paragraphs = [p for p in text.split("\n\n")]
    seen = {p.strip() for p in paragraphs}
    for part in item.parts:
        try:
            page = extract_html(part["body"], part["url"], site=item.site_config or None,
                                content_type=part.get("content_type") or None)
        except ValueError:  # no HTML document: nothing to add
            continue
        if links is not None:
            links.extend(link for link in page.get("tenderned_links") or [] if link not in links)
        for paragraph in (page.get("text") or "").split("\n\n"):
            if paragraph.strip() and paragraph.strip() not in seen:
                seen.add(paragraph.strip())
                paragraphs.append(paragraph)
    return "\n\n".join(paragraphs)


def is_paywalled(body) -> bool:
    """Whether a page says its item is behind the site's paywall, a teaser of it: schema.org's
    ``isAccessibleForFree`` false for the page's item (JSON-LD, at the top of a block or in its ``@graph``; microdata's
    ``itemprop``), Google's markup of paywalled content, which regional news sites write. A part of the page marked so
    (``hasPart``) with the item free is no teaser. json and Parsel: the flag is one schema.org property, which the
    extraction's JSON-LD reading (dates, titles) does not look for."""
    import json

    from parsel import Selector

    head = body if isinstance(body, bytes) else str(body).encode("utf-8", "replace")
    if b"isaccessibleforfree" not in head.lower():
        return False
    try:
        page = Selector(text=head.decode("utf-8", "replace"))
    except ValueError:
        return False

    def closed(value) -> bool:
        return value is False or (isinstance(value, str) and value.strip().lower() == "false")

    for script in page.xpath("//script[@type='application/ld+json']/text()").getall():
        try:
            data = json.loads(script)
        except ValueError:
            continue
        blocks = data if isinstance(data, list) else [data]
        for block in blocks:
            if not isinstance(block, dict):
                continue
            graph = block.get("@graph")
            for entry in [block, *(graph if isinstance(graph, list) else [])]:
                if isinstance(entry, dict) and closed(entry.get("isAccessibleForFree")):
                    return True
    return any(closed(value) for value in page.xpath(
        "//*[@itemprop='isAccessibleForFree' and not(ancestor::*[@itemprop='hasPart'])]/@content").getall())


def extract_article(item: ArticleItem) -> dict:
    if not item.body or not item.body.strip():
        raise DropItem(f"{item.url}: empty page")
    from tenderarchive.extraction import extract_html  # the first article pays the import

    fetched = datetime.fromisoformat(item.fetched_at) if item.fetched_at else None
    try:
        page = extract_html(item.body, item.url, site=item.site_config or None, fetched_at=fetched,
                            content_type=item.content_type or None)
    except ValueError as exc:  # no HTML document in the body: this page is dropped and recorded
        raise DropItem(f"{item.url}: {exc}") from None
    if (len((page.get("text") or "").split()) < CONSENT_MAX_WORDS and is_consent_page(item.body, page.get("text"))) \
            or (page.get("text") and is_cookie_wall(page.get("title"), page.get("text"))):
        # the site's consent page, not the page: not archived (nor over the page as it was); the next crawl asks again
        raise CookieWall(f"{item.url}: a cookie wall, not the page ({(page.get('title') or '')[:80]!r}; HTTP 200): "
                         "not archived")
    if not page.get("text"):
        raise DropItem(f"{item.url}: no main text found")
    if page.get("published_source") not in OWN_DATE_SOURCES and is_unavailable(page.get("title"), page.get("text")):
        # a soft 5xx: never archived over the page as it was (peers.md §0.3); the next crawl asks again. A page that
        # states a date of its own is a news item (an announced outage: "Website tijdelijk niet beschikbaar"), not
        # the site's maintenance stub, which has none: refused, it was an error of every crawl and never archived
        raise PageUnavailable(f"{item.url}: the page says the site is unavailable ({page['title'][:80]!r}; HTTP 200): "
                              "not archived")
    head = item.body[:1 << 20]
    if is_not_found(page.get("title")) or WORDPRESS_NOT_FOUND_BODY.search(
            head if isinstance(head, bytes) else head.encode("utf-8", "replace")):
        # a soft 404: recorded as a 404 is, and never archived over the page as it was (peers.md §0.3)
        raise PageGone(f"{item.url}: the page says it was not found ({page['title'][:80]!r}; HTTP 200)")
    if item.parts:
        page["tenderned_links"] = list(page.get("tenderned_links") or [])
        page["text"] = with_parts(page["text"], item, page["tenderned_links"])
    listed_on, _, listed_by = (item.listed_date or "").partition(" ")
    if page.get("published_source") in (None, "url", "dateline") and listed_on and not item.is_living_page:
        # the page states no date: its feed item's, Google News sitemap entry's or listing entry's (the
        # site's own word, before a date guessed from the URL or read from its text's dateline); a living page is
        # dated by none
        from tenderarchive.extraction.dates import not_after, parse_dutch_date

        listed = not_after(parse_dutch_date(listed_on, anchored=True), fetched)
        if listed is not None:
            page.update(published=listed.iso, published_precision=listed.precision,
                        published_source=listed_by if listed_by in ("feed", "sitemap") else "listing")
            if page.get("page_type") == "project_page":  # undated, it read as a page updated in place
                page["page_type"] = "news"
    published = page.get("published")
    return {
        "url": canonical(item.url, page.get("canonical_url"), item.site_config),
        "site": item.site,
        "title": page.get("title"), "title_source": page.get("title_source"),
        "published": published, "published_source": page.get("published_source"),
        "published_precision": page.get("published_precision"), "modified": page.get("modified"),
        "year": int(published[:4]) if published else None,
        "year_month": published[:7] if published else None,
        "page_type": page.get("page_type"), "language": page.get("language"),
        "text": page["text"], "is_living_page": 1 if item.is_living_page else 0,
        "extractor": page.get("extractor"),
        "tenderned_links": page.get("tenderned_links") or [],  # not a column: moved to the record (process_item)
        "source_url": item.source_url, "fetched_at": item.fetched_at, "sha256": item.sha256,
    }
