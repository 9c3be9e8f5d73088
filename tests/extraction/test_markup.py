"""How the bytes of a page become its text, and which of its links are the article's
(tenderarchive/extraction/markup.py ``decode_html``, ``tenderned_links``)."""

from __future__ import annotations

import pytest

from tenderarchive.extraction.markup import decode_html

#: Verbatim from the Jeugdwet's memorie van antwoord (http://docplayer.nl/18272213-Memorie-van-antwoord-1-inleiding.html),
#: wrapped in SYNTHETIC markup below: one sentence (a short page), then two.
SHORT = "Het kabinet is met het voorliggende wetsvoorstel niet over één nacht ijs gegaan."
SENTENCE = (SHORT + " Uit het voorlopig verslag valt af te leiden dat de meerderheid van de fracties het hoofddoel van het "
            "wetsvoorstel onderschrijft, namelijk een verlegging van de bestuurlijke en financiële verantwoordelijkheid "
            "voor de ondersteuning, hulp en zorg aan jeugdigen en gezinnen naar gemeenten.")


def page(meta: str, text: str = SENTENCE) -> str:
    return (f'<!doctype html><html lang="nl"><head>{meta}<meta name="tenderarchive-fixture" content="synthetic">'
            f"<title>Jeugdwet</title></head><body><article><h1>Eén loket</h1><p>{text}</p></article></body></html>")


@pytest.mark.parametrize("meta", ['<meta charset="utf-8">', '<meta charset="UTF-8"/>',
                                  '<meta http-equiv="Content-Type" content="text/html; charset=utf-8">', ""])
@pytest.mark.parametrize("content_type", [None, "text/html"])
def test_a_windows_1252_page_that_says_utf8_or_nothing_keeps_its_letters(meta, content_type):
    """An older CMS's windows-1252 article in a template whose ``<meta>`` says UTF-8 (or that says nothing), served
    without a charset in the HTTP header (news-sites.md §2.4 mojibake): trafilatura's guess made "één" "ťťn" or
    Chinese characters on a short page. Bytes that are no UTF-8 are read as windows-1252, a Dutch browser's fallback."""
    for text in (SHORT, SENTENCE):
        assert decode_html(page(meta, text).encode("cp1252"), content_type) == page(meta, text)


def test_a_page_mixing_utf8_and_windows_1252_keeps_both():
    """A UTF-8 template around a pasted windows-1252 paragraph: each part is read in its own encoding."""
    html = page('<meta charset="utf-8">', "{}").replace("Eén", "Eén – coördinatie")
    data = html.encode("utf-8").replace(b"{}", SENTENCE.encode("cp1252"))
    assert decode_html(data) == html.replace("{}", SENTENCE)


@pytest.mark.parametrize("charset", ["windows-1252", "iso-8859-15", "iso-8859-1"])
def test_a_page_declaring_its_charset_only_in_its_meta_tag_is_read_by_it(charset):
    """A ``<meta charset>`` that is no UTF-8 is the page's word when its bytes decode with it (ISO-8859-15's "€"
    and "Š" are not windows-1252's)."""
    html = page(f'<meta charset="{charset}">', SENTENCE + " Het budget: 5 miljoen €.")
    assert decode_html(html.encode("iso-8859-15" if charset == "iso-8859-15" else "cp1252")) == html


def test_valid_utf8_is_utf8_whatever_the_meta_tag_says():
    html = page('<meta charset="windows-1252">')
    assert decode_html(html.encode("utf-8")) == html


def test_the_http_header_comes_before_the_meta_tag():
    html = page('<meta charset="utf-8">')
    assert decode_html(html.encode("cp1252"), "text/html; charset=windows-1252") == html


def test_the_tenderned_notices_an_article_links_to_are_its_own_not_the_templates():
    """The notices a page's article links to (current and old address forms, spaces around an address dropped, once each, in
    page order; its own ``<footer>`` is the article's), not those of the site's navigation, header, footer or
    sidebar (another procurement's notice, the same on every page). SYNTHETIC page around the text above."""
    import lxml.html

    from tenderarchive.extraction import extract_html
    from tenderarchive.extraction.markup import related_blocks, tenderned_links

    notice = "https://www.tenderned.nl/aankondigingen/overzicht/{}"
    html = (f'<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Jeugdwet</title></head><body>'
            f'<header><a href="{notice.format(1)}">Aanbestedingen</a></header><nav><a href="{notice.format(2)}">TN</a>'
            f'</nav><main><article><h1>Eén loket</h1><p>{SENTENCE} Zie <a href=" {notice.format(311520)} ">TenderNed'
            f'</a> en <a href="http://tenderned.nl/tenderned-tap/aankondigingen/98765">de oude aankondiging</a>; ook '
            f'<a href="{notice.format(311520)}">hier</a>, <a href="https://www.tenderned.nl/">TenderNed</a>.</p>'
            f'<footer>Bron: <a href="{notice.format(311521)}/documenten">documenten</a></footer></article>'
            f'<aside><a href="{notice.format(3)}">Lopende aanbesteding</a></aside></main>'
            f'<footer><a href="{notice.format(4)}">TenderNed</a></footer></body></html>')
    expected = [notice.format(311520), "http://tenderned.nl/tenderned-tap/aankondigingen/98765",
                notice.format(311521) + "/documenten"]
    tree = lxml.html.fromstring(html)
    assert tenderned_links(tree, None, "https://gemeente.example/nieuws/a", related_blocks(tree)) == expected
    assert extract_html(html, "https://gemeente.example/nieuws/a")["tenderned_links"] == expected


@pytest.mark.parametrize("head, expected", [
    ('<base href="https://www.gemeente.example/">', "https://www.gemeente.example/actueel/nieuws/detail/gunning"),
    ('<base href="/">', "https://www.gemeente.example/actueel/nieuws/detail/gunning"),
    ("", "https://www.gemeente.example/actueel/nieuws/detail/actueel/nieuws/detail/gunning"),
    ('<base href="http://[::1:80/">', "https://www.gemeente.example/actueel/nieuws/detail/actueel/nieuws/detail/gunning"),
], ids=["absolute-base", "root-relative-base", "no-base", "malformed-base"])
def test_a_relative_canonical_url_is_read_against_the_pages_base_href(head, expected):
    """An older TYPO3 site (news-sites.md §2.1) writes ``<base href>`` the site's root and its links relative to it, the
    canonical one too: read against the page's own address, the page was archived under an address it never had. A
    page without a base, or with a malformed one, reads it against its own address. SYNTHETIC page."""
    import lxml.html

    from tenderarchive.extraction.markup import page_canonical_url

    url = "https://www.gemeente.example/actueel/nieuws/detail/gunning"
    tree = lxml.html.fromstring(
        f'<html><head>{head}<link rel="canonical" href="actueel/nieuws/detail/gunning"></head><body><p>Gunning</p></body></html>')
    assert page_canonical_url(tree, url) == expected


@pytest.mark.parametrize("content_type", ["text/html; charset=utf-16", "text/html; charset=UTF-16LE",
                                          "text/html; charset=utf-32"])
def test_a_utf8_page_labelled_utf16_or_utf32_by_its_server_is_read_as_utf8(content_type):
    """UTF-16/32 markup is half NUL bytes; a body with none is not in it, whatever the header says (branch fuzz3: such
    an article was read as CJK characters and dropped, "no main text found")."""
    html = '<html><head><meta charset="utf-8"><title>Eén regio</title></head><body><p>Coöperatie</p></body></html>'
    assert decode_html(html.encode("utf-8"), content_type) == html


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-32"])
def test_a_page_in_utf16_or_utf32_as_its_header_says_is_still_read_so(encoding):
    html = "<html><body><p>Eén coöperatie</p></body></html>"
    assert decode_html(html.encode(encoding), f"text/html; charset={encoding}") == html


def test_one_line_reads_no_further_than_its_limit_in_an_element_that_swallowed_the_page():
    """A listing's entries each with a date element whose closing tags are cut (a broken page, found by ``make fuzz``):
    each swallows every later entry and the rest of the page, and one_line, asked of each, read all of it (a 60 KB
    listing: 12 s). It reads no further than its limits: the rest of the page costs nothing; a badge reads as before."""
    import time

    import lxml.html

    from tenderarchive.extraction.markup import one_line

    def dates(rest: int):
        entry = '<div class="date"><span>14</span> <span>okt</span> <span>2021</span>'
        tree = lxml.html.fromstring("<html><body>" + entry * 200 + "<p>tekst <b>vet</b></p>" * rest + "</body></html>")
        return tree.xpath("//div")

    def cost(elements):
        start = time.process_time()
        lines = [one_line(el) for el in elements]
        return time.process_time() - start, lines

    small, _ = cost(dates(500))
    large, lines = cost(dates(5000))
    assert large < 3 * max(small, 0.05)  # 10× the rest of the page: read, it cost 10×
    assert lines[-1] == "" and set(lines) == {""}  # each holds the rest of the page, more than a date
    badge = lxml.html.fromstring('<div class="date"><span>14</span><!-- dag --><span>okt</span>'
                                 '<script>x = 1</script><span>2021</span></div>')
    assert one_line(badge) == "14 okt 2021"
    assert one_line(lxml.html.fromstring('<div class="date"><b>14 okt 2021</b></div>')) == "14 okt 2021"


def test_reading_size_leaves_out_inline_images_and_stays_linear_on_hostile_markup():
    """A page's size as reading it costs (``NEWS_PAGE_MAX_BYTES``): without its ``data:`` URIs and inline ``<svg>``
    drawings; the text and the rest of the markup counted. Unclosed drawings, truncated URIs and 100 KB of near-misses
    are measured in linear time."""
    from tenderarchive.extraction.markup import reading_size
    from tests.speed import LINEAR, linear_time, repeat

    text = b"<html><body><p>Voorlopige gunning jeugdhulp</p>"
    photo = b'<img src="data:image/png;base64,' + b"iVBORw0KGgo" * 1000 + b'">'
    css = b"<div style=\"background:url(data:image/svg+xml;utf8,%3Csvg%3E" + b"x" * 5000 + b")\"></div>"
    drawing = b"<SVG viewBox='0 0 1 1'><path d='" + b"M0 0 " * 2000 + b"'/></svg>"
    page = text + photo + css + drawing + b"</body></html>"
    assert reading_size(page) < len(text) + 200 < len(page)
    assert reading_size(text * 50) == len(text * 50)  # nothing inline: the page's size
    assert reading_size(b"<svg>" + b"<p>tekst</p>" * 100) == 5 + 12 * 100  # an unclosed drawing is read
    for hostile in (b"data:image/png;", b"<svg", b"data:", b"<svg></svg", lambda n: b"data:a/b;" + b";" * n,
                    lambda n: b"data:image/png" + b"a" * n):
        page = hostile(100_000) if callable(hostile) else repeat(hostile, 100_000)
        assert 0 <= reading_size(page) <= len(page)
        assert linear_time(reading_size, hostile) < LINEAR, page[:20]


def test_reading_size_leaves_out_a_data_uri_inside_a_drawing_once():
    """A drawing (``<svg>``) holding its picture as a ``data:`` URI (``<image href="data:image/png;base64,…">``): the
    URI's bytes are the drawing's, left out once. They were subtracted with the drawing and again as a URI, and a page
    just over ``NEWS_PAGE_MAX_BYTES`` by its text measured under it."""
    from tenderarchive.extraction.markup import reading_size

    text = b"<html><body>" + b"<p>De gemeente koopt jeugdhulp in bij Stichting Eikenrode.</p>" * 100
    uri = b"data:image/png;base64," + b"iVBORw0KGgo" * 1000
    drawing = b'<svg viewBox="0 0 10 10"><image width="10" height="10" href="' + uri + b'"/></svg>'
    style = b"<style>.logo{background:url(" + uri + b")}</style>"
    page = text + drawing + style + b"</body></html>"
    assert reading_size(page) == len(page) - len(drawing) - len(uri)
    assert reading_size(text + drawing * 3 + b"</body></html>") == len(text) + len(b"</body></html>")
    unclosed = text + b"<svg><image href=\"" + uri + b"\"/>"  # an unclosed drawing is read, its URI left out
    assert reading_size(unclosed) == len(unclosed) - len(uri)


def test_meta_content_reads_the_first_matching_meta_in_time_linear_in_the_page():
    """A page's ``<meta>`` by ``property``, ``name`` or ``itemprop`` (that order, ASCII case aside, the first with a
    ``content``; an empty one is none). Looked up by XPath ``//meta[translate(…)]``, each call walked the page in
    libxml2 superlinearly in its elements: 8× the paragraphs cost some 30×, at every page of some thousand
    paragraphs read."""
    import lxml.html

    from tenderarchive.extraction.markup import meta_content
    from tests.speed import LINEAR, linear_time

    head = ("<meta name='OG:Type' content=' article '><meta property='og:type' content=''>"
            "<meta itemprop='og:locale' content='nl_NL'><meta name='og:locale'><meta name='og:locale' content='en'>")
    page = lxml.html.fromstring(f"<html><head>{head}</head><body><p>Tekst</p></body></html>")
    assert meta_content(page, "og:type") == "article"  # the property's is empty: the name's, any case
    assert meta_content(page, "og:locale") == "en"  # name before itemprop; the one without content skipped
    assert meta_content(page, "dc.title", "og:locale") == "en"
    assert meta_content(page.body, "og:locale") == "en"  # from any element: the whole page, as //meta read it

    def page(paragraphs: int):
        return lxml.html.fromstring(f"<html><head>{head}</head><body>"
                                    + "<p>De gemeente koopt jeugdhulp in.</p>\n" * paragraphs + "</body></html>")

    def ask(tree):
        for _ in range(8):  # as an extraction asks: a handful of names, several times
            meta_content(tree, "article:published_time", "dcterms:issued", "og:type")

    assert linear_time(ask, page, 32_000) < LINEAR  # 2 MB of paragraphs: 0.2 s; by XPath, 5 s (superlinear)
