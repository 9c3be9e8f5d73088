"""tenderarchive/robots.py: the web spiders' robots.txt parser reads a Crawl-delay written with a decimal comma, and a\nrobots.txt saved as UTF-16 or UTF-32 with its byte order mark."""

from tenderarchive.robots import RobotsParser, mend, utf8_body

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


def test_a_robots_txt_saved_as_utf_16_or_utf_32_with_its_byte_order_mark_keeps_its_rules():
    """Windows Notepad's "Unicode" is UTF-16 with a byte order mark: read as UTF-8, a NUL between every letter, it
    had no rule at all and every page was allowed."""
    text = "User-agent: *\r\nCrawl-delay: 2,5\r\nDisallow: /zoeken\r\n"
    for encoding in ("utf-16", "utf-16-be", "utf-32"):
        body = text.encode(encoding)
        if encoding == "utf-16-be":
            body = b"\xfe\xff" + body
        parser = RobotsParser(body)
        assert not parser.allowed("https://www.voorbeeld.nl/zoeken", AGENT), encoding
        assert parser.allowed("https://www.voorbeeld.nl/nieuws/gunning", AGENT)
        assert parser.crawl_delay(AGENT) == 2.5
    assert utf8_body(b"\xef\xbb\xbfUser-agent: *\n") == b"\xef\xbb\xbfUser-agent: *\n"  # UTF-8: as it is
