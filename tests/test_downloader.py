"""``tenderarchive.downloader``: an answer whose body runs on past its Content-Length is a recorded failure, never a
page archived cut (real news crawls against ``tests/hostile_server.py``, the connection kept open)."""

from __future__ import annotations

from tests.hostile_server import SiteAnswers
from tests.test_hostile_answers import ARTICLE, articles, news


def test_a_page_running_on_past_its_content_length_is_a_recorded_failure_not_a_cut_page(tmp_path):
    """A news page sent whole under the Content-Length of its first part (a CMS or proxy that counted the page
    before its end was added), on a connection kept open: Twisted read the announced bytes and dropped the rest,
    and the page was archived cut, the crawl complete. It is one recorded error naming it, saying what came; the
    site's other pages (asked after it, on the same host) are archived whole."""
    answers = SiteAnswers("leiderdorp")
    whole = answers.handle(ARTICLE, "")[2]
    cut = whole.index(b"</p>", whole.index(b"<body")) + len(b"</p>")   # after its first paragraph
    answers.handle = lambda path, query, accept=None, _handle=answers.handle: (
        (200, {"Content-Type": "text/html; charset=utf-8"}, whole[:cut]) if path == ARTICLE else _handle(path, query))
    result, base = news(answers, {ARTICLE: ("trailing", whole[cut:])}, tmp_path)
    assert result.returncode == 3 and result.crawl["status"] == "partial", result.output[-3000:]
    assert [(e["url"], e["error"]) for e in result.errors] == [(
        base + ARTICLE, f"request failed: answer longer than its Content-Length: {len(whole) - cut} bytes or more came "
                        f"after the {cut} bytes it announced (not archived cut) (news page)")]
    archived = articles(result.db)
    assert base + ARTICLE not in archived and len(archived) == 2, archived.keys()
    assert all(row["text"] for row in archived.values())


def test_a_stray_line_break_after_a_body_is_no_overrun(tmp_path):
    """A server's CRLF after the body (RFC 9112 §2.2: a client may ignore it) is nothing: the page is archived."""
    result, base = news(SiteAnswers("leiderdorp"), {ARTICLE: ("trailing", b"\r\n")}, tmp_path)
    assert result.returncode == 0 and not result.errors, result.output[-3000:]
    assert articles(result.db)[base + ARTICLE]["title"] == "Voorlopige gunning gemeentelijke toegang Jeugdhulp bekend"
