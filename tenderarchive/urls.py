"""URL hygiene: only ``http`` and ``https`` URLs are ever stored or rendered as links.

A page on the open web can claim any canonical URL (``javascript:…``, ``data:…``,
``file:…``). Everything that stores a URL as a link or renders one as ``href``
asks :func:`http_url` first; anything else is kept, if at all, as plain text.
The standard library's ``urllib.parse`` does the parsing; this module only says
which schemes are links.
"""

from __future__ import annotations

import re
from urllib.parse import unquote_plus, urlsplit, urlunsplit

from w3lib.url import canonicalize_url

LINK_SCHEMES = frozenset({"http", "https"})

#: A character below U+0020 (an ASCII control: tab, line feed, NUL …), which no stored link holds, or a lone UTF-16
#: surrogate (JSON's ``"\\ud800"``), which no URL holds and SQLite cannot store as UTF-8 (a notice's write failed).
_CONTROL = re.compile(r"[\x00-\x1f\ud800-\udfff]")


def http_url(value) -> str | None:
    """``value`` stripped if it is an absolute http(s) URL with a host, else ``None``.

    Its control characters are looked for by one regex search (issue 14: a generator over every
    character, ``any(ord(ch) < 32 …)``, made it 2.4 µs a TenderNed link against 0.5, three links a notice
    in a reparse); ``tests/test_urls.py`` checks both say the same of every control character anywhere."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text or _CONTROL.search(text):
        return None
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    if parts.scheme.lower() not in LINK_SCHEMES or not parts.netloc:
        return None
    return text


#: What an IRI (RFC 3987) may not hold as it is: ASCII controls, space and ``"<>\\^`{|}``, the brackets outside a
#: host, a ``%`` that starts no escape, and the characters beyond ASCII that are no ``ucschar`` (controls, the
#: private use areas, the non-characters; U+0080-U+009F, U+E000-U+F8FF, U+FFF0-U+FFFF …).
_NOT_IRI = re.compile(r'[\x00-\x20"<>\\^`{|}\[\]\x7f-\x9f\ue000-\uf8ff\ufdd0-\ufdef\ufff0-\uffff]|%(?![0-9A-Fa-f]{2})')


def iri(value: str) -> str:
    """``value`` with every character an IRI may not hold percent-encoded (its UTF-8 bytes), the rest as it is: an
    Atom ``atom:id`` must be an IRI (RFC 4287 §4.2.6), and a saved search's id built from a name ("tag:…:provider:
    name:jeugdteam zuid") held spaces. An id that is an IRI already is unchanged, so a feed reader's ids stay."""
    host = _IP_LITERAL_HOST.match(value)  # an IPv6 host's brackets are the host's (RFC 3986 §3.2.2): kept
    head, rest = (host.group(1), value[host.end(1):]) if host else ("", value)
    return head + _NOT_IRI.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode("utf-8")), rest)


#: A hierarchical IRI's scheme, ``//``, user info and a bracketed IP-literal host (``http://[::1]``), which :func:`iri`
#: leaves as it is.
_IP_LITERAL_HOST = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*://(?:[\w\-.~!$&'()*+,;=:]*@)?\[[0-9A-Fa-f:.vV]+\])")


#: Query parameters that only track a visit (campaign and click ids of Google Analytics, Matomo/Piwik,
#: Mailchimp, HubSpot, ad networks): the page is the same without them. The reference's own
#: rechtspraak.nl address carries ``pk_campaign=rss&pk_medium=rss&pk_keyword=…`` (news-sites.md §5).
#: Also a session id that PHP or a Java server writes into its links for a visitor without cookies
#: (``PHPSESSID``, ``jsessionid``), and Google Analytics' cross-domain linker (``_ga``, ``_gl``).
TRACKING_PARAMETER = re.compile(
    r"(utm|pk|mtm|matomo|piwik)_\w+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|igshid|mc_cid|mc_eid|_hsenc|_hsmi"
    r"|_ga|_gl|phpsessid|jsessionid",
    re.I)
#: A session id as a path parameter: ``/nieuws/bericht;jsessionid=0A1B2C``.
SESSION_PATH_PARAMETER = re.compile(r";jsessionid=[^/?#]*$", re.I)


def without_tracking(url: str) -> str:
    """``url`` without its fragment and its tracking parameters (:data:`TRACKING_PARAMETER`);
    the other parameters keep their order and spelling. A malformed URL is returned as it is."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    query = parts.query
    if query:
        kept = [p for p in query.split("&") if p and not TRACKING_PARAMETER.fullmatch(unquote_plus(p.split("=", 1)[0]))]
        query = "&".join(kept)
    return urlunsplit((parts.scheme, parts.netloc, SESSION_PATH_PARAMETER.sub("", parts.path), query, ""))


#: A query parameter asking a page's print version (its text in a bare template: ``?print=1``, ``?printable=true``,
#: ``?afdrukken=1``, ``?printversie=ja``, or ``?format=print``, ``?view=print``, ``?weergave=afdrukken``), with a
#: value that asks it ("1", "true", "yes", "ja", "on", none); Joomla's print link adds ``tmpl=component`` beside it
#: (its bare template), which goes with it.
PRINT_PARAMETER = re.compile(r"(?:print(?:able|page|view|version|versie)?|afdrukken)(?:=(?:1|true|yes|ja|on)?)?"
                             r"|(?:format|view|output|layout|mode|weergave|versie)=(?:print(?:able)?|afdrukken)", re.I)
_PRINT_TEMPLATE = re.compile(r"tmpl=component", re.I)


def without_print(url: str) -> str:
    """``url`` without the query parameters that ask its print version (:data:`PRINT_PARAMETER`): the page itself,
    which a listing, feed or sitemap naming ``/nieuws/x?print=1`` beside (or instead of) ``/nieuws/x`` names twice; the
    print template carries no canonical link, so each was archived as a page of its own. Other parameters keep their
    order and spelling; a URL without such a parameter (``?page=2``, ``?print=0``) is returned as it is.

    >>> without_print("https://www.gemeente.nl/nieuws/inkoop?print=1")
    'https://www.gemeente.nl/nieuws/inkoop'
    >>> without_print("https://a.nl/index.php?option=com_content&view=article&id=12&tmpl=component&print=1&layout=default")
    'https://a.nl/index.php?option=com_content&view=article&id=12&layout=default'
    >>> without_print("https://a.nl/nieuws?page=2&print=0")
    'https://a.nl/nieuws?page=2&print=0'
    """
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    pairs = [p for p in parts.query.split("&") if p]
    if not any(PRINT_PARAMETER.fullmatch(unquote_plus(p)) for p in pairs):
        return url
    kept = [p for p in pairs if not PRINT_PARAMETER.fullmatch(unquote_plus(p)) and not _PRINT_TEMPLATE.fullmatch(p)]
    return urlunsplit(parts._replace(query="&".join(kept)))


#: The path of a node's print version under Drupal's print module ("Printer, email and PDF versions": the web page
#: at ``/print/<nid>``, also ``/print/node/<nid>`` and ``/print/<alias>``): the page's own path after ``/print/``.
_DRUPAL_PRINT_PATH = re.compile(r"/print/(?P<page>[^/?#].*)", re.S)


def without_drupal_print(url: str) -> str:
    """``url`` without the ``/print/`` of Drupal's print module (:data:`_DRUPAL_PRINT_PATH`): ``/print/12`` is node
    12 (``/node/12``), ``/print/node/12`` and ``/print/nieuws/x`` the page at ``/node/12`` and ``/nieuws/x``. Only for
    a site the registry names Drupal (another CMS's ``/print/…`` may be a page of its own); the print template carries
    no canonical link, so each was archived as a page of its own. Its PDF (``/printpdf/…``) is a document.

    >>> without_drupal_print("https://www.gemeente.nl/print/12")
    'https://www.gemeente.nl/node/12'
    >>> without_drupal_print("https://www.gemeente.nl/print/nieuws/inkoop-jeugdhulp?x=1")
    'https://www.gemeente.nl/nieuws/inkoop-jeugdhulp?x=1'
    >>> without_drupal_print("https://www.gemeente.nl/nieuws/print/12")
    'https://www.gemeente.nl/nieuws/print/12'
    """
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    match = _DRUPAL_PRINT_PATH.fullmatch(parts.path)
    if match is None:
        return url
    page = match.group("page")
    return urlunsplit(parts._replace(path=f"/node/{page}" if page.isdigit() else f"/{page}"))


def page_key(url: str) -> str:
    """What two URLs of one page have in common: host without ``www.`` (news-sites.md §2.2: a
    site answers on both), path without a trailing slash, no fragment, no tracking parameters;
    ``http`` and ``https`` alike; percent-encoding and the order of query parameters as w3lib's
    ``canonicalize_url`` (Scrapy's own) writes them, so a TYPO3 EXT:news detail URL
    ``?tx_news_pi1[news]=12&cHash=…`` is the one page however a sitemap or listing encodes it.
    For recognising a page, never for fetching it."""
    url = without_tracking(url)
    try:
        url = canonicalize_url(url)
        parts = urlsplit(url)
        host = (parts.hostname or "").removeprefix("www.")
        # the scheme's own port is no other page ("https://site:443/x" is "https://site/x")
        port = f":{parts.port}" if parts.port and parts.port != {"http": 80, "https": 443}.get(parts.scheme) else ""
    except ValueError:
        return url
    path = parts.path.rstrip("/") or "/"
    return f"//{host}{port}{path}" + (f"?{parts.query}" if parts.query else "")
