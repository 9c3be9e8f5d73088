"""The robots.txt parser of the web spiders (``ROBOTSTXT_PARSER``): Scrapy's Protego parser, with a
``Crawl-delay`` written with a decimal comma read as the number it is.

Dutch sites write decimals with a comma (``Crawl-delay: 2,5``); Protego reads only a dot and drops the line,
so the site was asked with no delay at all. The body is mended before Protego parses it (only the number of a
``Crawl-delay`` or ``Request-rate`` line is touched); everything else is Protego's, as Scrapy uses it. Written
here because Protego has no option for it and Scrapy's parser classes are the place Scrapy offers for it.

A robots.txt saved as UTF-16 or UTF-32 with its byte order mark (Windows Notepad's "Unicode") is read in the encoding
its mark names (w3lib's ``read_bom``; RFC 9309 asks UTF-8, but Scrapy's decoding kept its bytes as UTF-8, a NUL
between every letter, and Protego found no rule in it: every ``Disallow`` ignored, the site crawled where it forbids).
"""

from __future__ import annotations

import codecs
import re

from protego import Protego
from scrapy.robotstxt import ProtegoRobotParser, decode_robotstxt
from w3lib.encoding import read_bom as _w3lib_read_bom

#: The number of a ``Crawl-delay`` line written with a decimal comma (``Crawl-delay: 2,5``).
_COMMA_DELAY = re.compile(r"^(?P<head>[ \t]*crawl-delay[ \t]*:[ \t]*)(?P<whole>\d+),(?P<part>\d+)", re.I | re.M)


#: Byte order marks of UTF-32, tried before w3lib's ``read_bom``: w3lib 2.6 reads UTF-32 LE's mark as UTF-16 LE's (its
#: first two bytes) and UTF-32 BE's as none, so a file saved as UTF-32 was decoded as UTF-16 (NULs between letters).
_UTF32_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"))


def read_bom(data: bytes) -> tuple[str | None, bytes | None]:
    """(encoding, mark) of the byte order mark ``data`` starts with, else (None, None): w3lib's ``read_bom``, with
    UTF-32's marks read as UTF-32 whatever w3lib's version does (2.5 did, 2.6 does not)."""
    for bom, encoding in _UTF32_BOMS:
        if data[:4] == bom:
            return encoding, bom
    return _w3lib_read_bom(data)


def mend(body: str) -> str:
    """``body`` with its ``Crawl-delay`` numbers written with a dot.

    >>> mend("User-agent: *\\nCrawl-delay: 2,5\\nDisallow: /zoeken?q=1,2\\n")
    'User-agent: *\\nCrawl-delay: 2.5\\nDisallow: /zoeken?q=1,2\\n'
    """
    return _COMMA_DELAY.sub(r"\g<head>\g<whole>.\g<part>", body)


def utf8_body(body: bytes) -> bytes:
    """A robots.txt ``body`` as UTF-8: one with a UTF-16 or UTF-32 byte order mark decoded by it (its mark dropped;
    bytes that do not decode are replaced), any other as it is.

    >>> utf8_body("User-agent: *\\nDisallow: /zoeken\\n".encode("utf-16"))
    b'User-agent: *\\nDisallow: /zoeken\\n'
    """
    encoding, bom = read_bom(body)
    if not encoding or encoding == "utf-8":
        return body
    return body[len(bom):].decode(encoding, errors="replace").encode("utf-8")


class RobotsParser(ProtegoRobotParser):
    """Scrapy's :class:`~scrapy.robotstxt.ProtegoRobotParser` over the mended body (:func:`mend`)."""

    def __init__(self, robotstxt_body: bytes, spider=None):
        self.spider = spider
        self.rp = Protego.parse(mend(decode_robotstxt(utf8_body(robotstxt_body), spider)))
