"""tenderarchive/robots.py: the web spiders' robots.txt parser reads a Crawl-delay written with a decimal comma."""

from tenderarchive.robots import RobotsParser, mend

AGENT = "tenderarchive"


def test_a_decimal_comma_crawl_delay_is_its_number():
    body = b"User-agent: *\nCrawl-delay: 2,5\nDisallow: /zoeken\n"
    parser = RobotsParser(body)
    assert parser.crawl_delay(AGENT) == 2.5
    assert not parser.allowed("https://www.voorbeeld.nl/zoeken", AGENT)
    assert parser.allowed("https://www.voorbeeld.nl/nieuws/gunning", AGENT)


def test_only_a_crawl_delay_number_is_mended():
    body = "User-agent: *\ncrawl-delay :  3,25\nDisallow: /zoeken?q=1,2\nAllow: /a,b\n"
    assert mend(body) == "User-agent: *\ncrawl-delay :  3.25\nDisallow: /zoeken?q=1,2\nAllow: /a,b\n"
    assert RobotsParser(b"User-agent: *\nCrawl-delay: 4\n").crawl_delay(AGENT) == 4.0
    assert RobotsParser(b"User-agent: *\nCrawl-delay: soms\n").crawl_delay(AGENT) is None
