"""The robots.txt parser of the web spiders (``ROBOTSTXT_PARSER``): Scrapy's Protego parser, with a
``Crawl-delay`` written with a decimal comma read as the number it is.

Dutch sites write decimals with a comma (``Crawl-delay: 2,5``); Protego reads only a dot and drops the line,
so the site was asked with no delay at all. The body is mended before Protego parses it (only the number of a
``Crawl-delay`` or ``Request-rate`` line is touched); everything else is Protego's, as Scrapy uses it. Written
here because Protego has no option for it and Scrapy's parser classes are the place Scrapy offers for it.
"""

from __future__ import annotations

import re

from protego import Protego
from scrapy.robotstxt import ProtegoRobotParser, decode_robotstxt

#: The number of a ``Crawl-delay`` line written with a decimal comma (``Crawl-delay: 2,5``).
_COMMA_DELAY = re.compile(r"^(?P<head>[ \t]*crawl-delay[ \t]*:[ \t]*)(?P<whole>\d+),(?P<part>\d+)", re.I | re.M)


def mend(body: str) -> str:
    """``body`` with its ``Crawl-delay`` numbers written with a dot.

    >>> mend("User-agent: *\\nCrawl-delay: 2,5\\nDisallow: /zoeken?q=1,2\\n")
    'User-agent: *\\nCrawl-delay: 2.5\\nDisallow: /zoeken?q=1,2\\n'
    """
    return _COMMA_DELAY.sub(r"\g<head>\g<whole>.\g<part>", body)


class RobotsParser(ProtegoRobotParser):
    """Scrapy's :class:`~scrapy.robotstxt.ProtegoRobotParser` over the mended body (:func:`mend`)."""

    def __init__(self, robotstxt_body: bytes, spider=None):
        self.spider = spider
        self.rp = Protego.parse(mend(decode_robotstxt(robotstxt_body, spider)))
