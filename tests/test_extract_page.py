"""`tenderarchive extract` on each seed text prints the JSON the news issue asks for (in this process;
the HTML page and the missing file run the installed command as its own process)."""

import json

import pytest

from tests.conftest import ROOT, cli, installed

SEEDS = ROOT / "tests" / "fixtures" / "news" / "seeds"
GOLD = {g["seed"]: g for g in json.loads((SEEDS / "gold.json").read_text(encoding="utf-8"))}
KEYS = {"title", "published", "published_source", "relevant", "relevance_score", "matched_terms",
        "primary_stage", "primary_stage_rule", "stages", "events", "municipalities", "organisations",
        "awardees", "procedure_type", "tenderned_refs"}


@pytest.mark.parametrize("seed", sorted(GOLD))
def test_extract_prints_the_analysis_of_a_seed_text(seed):
    gold = GOLD[seed]
    completed = cli("extract", SEEDS / seed, "--url", gold["url"])
    assert completed.returncode == 0, completed.stderr
    result = json.loads(completed.stdout)
    assert KEYS <= set(result)
    assert result["relevant"] is True
    assert result["title"] == (gold["title"] or gold["title_from_slug"])
    assert result["published"] == gold["published"]
    assert all({"stage", "status"} <= set(s) for s in result["stages"])
    assert (result["primary_stage"] is None) == (result["primary_stage_rule"] is None)   # every primary has its why
    assert all({"date", "precision", "kind", "sentence"} <= set(e) for e in result["events"])
    assert all({"name", "cbs_code", "jeugdregio"} <= set(m) for m in result["municipalities"])


def test_extract_prints_the_municipalities_a_subregion_implies_apart_from_the_named_ones():
    """The MVS FAQ seed names the cooperation only ("MVS"): its gold names no municipality and counts
    Maassluis, Vlaardingen and Schiedam as expanded from the acronym. ``extract`` prints them as
    ``implied_municipalities`` with the acronym as evidence, and none in ``municipalities``."""
    seed = "004_8f2571db6545498e.txt"
    gold = GOLD[seed]
    completed = cli("extract", SEEDS / seed, "--url", gold["url"])
    assert completed.returncode == 0, completed.stderr
    result = json.loads(completed.stdout)
    assert not {m["name"] for m in result["municipalities"]} - set(gold["municipalities"])
    implied = {m["name"]: m["matched"] for m in result["implied_municipalities"]}
    assert set(implied) == set(gold["municipalities_expanded_from_acronym"]) - set(gold["municipalities"])
    assert set(implied.values()) == {"subregion:MVS"}


def test_extract_reads_html_too():
    page = ROOT / "tests/fixtures/news/sites/leiderdorp/inwoner/nieuws/voorlopige_gunning_gemeentelijke_toegang_jeugdhulp_bekend.html"
    completed = installed("extract", page)
    result = json.loads(completed.stdout)
    assert result["published"] == "2020-12-14T08:55" and result["published_source"] == "stated"
    assert {m["name"] for m in result["municipalities"]} == {"Leiden", "Leiderdorp", "Oegstgeest", "Zoeterwoude"}


def test_extract_of_a_missing_file_fails_clearly(tmp_path):
    completed = installed("extract", tmp_path / "nope.txt")
    assert completed.returncode == 1 and "cannot read" in completed.stderr


def test_extract_of_a_binary_file_is_a_clear_error_and_text_in_any_encoding_is_read(tmp_path):
    """``extract`` of random bytes, a PDF or an image printed the bytes as the article's text with
    exit 0; it is "not an HTML page or a text", exit 1. A Windows-1252 text (é as one byte) and a
    UTF-16 text (Notepad's "Unicode") are still read."""
    import random

    rng = random.Random(12)
    binaries = {"random.bin": bytes(rng.randrange(256) for _ in range(6000)),
                "no-nul.bin": bytes(rng.randrange(1, 256) for _ in range(6000)),
                "report.pdf": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n",
                "logo.png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200)}
    for name, data in binaries.items():
        (tmp_path / name).write_bytes(data)
        completed = installed("extract", tmp_path / name)
        assert completed.returncode == 1 and "not an HTML page or a text" in completed.stderr, (name, completed)
        assert completed.stdout == ""
    sentence = "Gemeente Leiderdorp gunt de jeugdhulp aan Stichting Café De Brug."
    for name, data in (("cp1252.txt", sentence.encode("cp1252")), ("utf16.txt", sentence.encode("utf-16"))):
        (tmp_path / name).write_bytes(data)
        completed = installed("extract", tmp_path / name)
        assert completed.returncode == 0, (name, completed.stderr)
        assert "Leiderdorp" in json.loads(completed.stdout)["text"]
        assert [m["name"] for m in json.loads(completed.stdout)["municipalities"]] == ["Leiderdorp"]


def test_extract_of_a_url_decodes_with_the_charset_of_its_content_type_header():
    """As a crawl does (news-sites.md §2.4 mojibake): a page declared ``windows-1252`` only in the
    HTTP header keeps its "één" (a guess made it "ťťn")."""
    from tests.spiders.test_news_reference import ARTICLE, serve

    extra = "Eén aanbieder per perceel: naïef of niet, de coördinatie blijft bij één partij voor cliënten."
    page = ARTICLE.format(title="Aanbesteding jeugdhulp één perceel", extra=extra).encode("cp1252")
    with serve({"/nieuws/aanbesteding": ("text/html; charset=windows-1252", page)}) as base:
        completed = cli("extract", base + "nieuws/aanbesteding")
    assert completed.returncode == 0, completed.stderr
    result = json.loads(completed.stdout)
    assert result["title"] == "Aanbesteding jeugdhulp één perceel" and extra in result["text"]


@pytest.mark.parametrize("declared", ["iso-8859-1", "windows-1252"])
def test_a_utf8_page_labelled_latin1_in_its_header_is_read_as_utf8(declared):
    """UTF-8 bytes under a ``charset=iso-8859-1`` header (a misconfigured server): valid UTF-8 with
    non-ASCII letters is UTF-8, not Latin-1 that happens to decode. A browser's decode left a stray
    "Â" where a no-break space ended a paragraph (the mojibake repair never saw the space, gone
    with the paragraph's trailing whitespace)."""
    from tests.spiders.test_news_reference import ARTICLE, serve

    extra = "Eén aanbieder per perceel: de coördinatie blijft bij één partij voor cliënten.\u00a0"
    page = ARTICLE.format(title="Aanbesteding jeugdhulp één perceel", extra=extra).encode("utf-8")
    with serve({"/nieuws/aanbesteding": (f"text/html; charset={declared}", page)}) as base:
        completed = cli("extract", base + "nieuws/aanbesteding")
    assert completed.returncode == 0, completed.stderr
    result = json.loads(completed.stdout)
    assert result["title"] == "Aanbesteding jeugdhulp één perceel"
    assert extra.strip() in result["text"] and "Â" not in result["text"]


@pytest.mark.parametrize("behaviour, message", [
    (("trailing", b"<p>Het vervolg van het bericht.</p></body></html>"), "answer longer than its Content-Length: "),
    (("short-length", 300), "answer longer than its Content-Length: "),
    (("truncated", 300), "answer cut short: the connection closed after 300 of the "),
])
def test_extract_of_a_url_whose_body_is_not_its_content_length_is_a_clear_error(behaviour, message):
    """A page whose body runs on past its ``Content-Length`` (or stops short of it) was read cut, as whole: http.client
    reads the announced bytes and drops the rest (or returns what came before the connection closed). It is exit 1 and
    one line saying so, as a crawl records it; a stray line break after the body is nothing."""
    from tests.hostile_server import HostileServer, SiteAnswers
    from tests.test_hostile_answers import ARTICLE

    with HostileServer(SiteAnswers("leiderdorp"), {ARTICLE: behaviour}) as server:
        completed = cli("extract", server.base_url + ARTICLE)
    assert completed.returncode == 1 and message in completed.stderr, (completed.returncode, completed.stderr[-2000:])
    assert not completed.stdout.strip()


def test_extract_of_a_url_with_a_stray_line_break_after_its_body_reads_it():
    from tests.hostile_server import HostileServer, SiteAnswers
    from tests.test_hostile_answers import ARTICLE

    with HostileServer(SiteAnswers("leiderdorp"), {ARTICLE: ("trailing", b"\r\n")}) as server:
        completed = cli("extract", server.base_url + ARTICLE)
    assert completed.returncode == 0, completed.stderr[-2000:]
    assert json.loads(completed.stdout)["title"] == "Voorlopige gunning gemeentelijke toegang Jeugdhulp bekend"


def test_extract_of_a_page_over_news_page_max_bytes_is_a_clear_error_unless_only_its_inline_images_are(tmp_path):
    """``extract`` read a page of any size up to ``EXTRACT_MAXSIZE`` (16 MB), for minutes to hours; over
    ``NEWS_PAGE_MAX_BYTES`` it is now refused as a crawl refuses it, naming its size and the setting, exit 1, at once.
    A page over it only by the photographs it carries inline (``data:`` URIs) and a drawing (``<svg>``) is read."""
    import time

    page = (ROOT / "tests/fixtures/news/sites/leiderdorp/inwoner/nieuws/"
            "voorlopige_gunning_gemeentelijke_toegang_jeugdhulp_bekend.html").read_bytes()
    end = page.rfind(b"</body>")
    padded = tmp_path / "groot.html"
    padded.write_bytes(page[:end] + b"<p>De gemeente koopt jeugdhulp in bij Stichting Eikenrode.</p>\n" * 80_000
                       + page[end:])
    started = time.monotonic()
    completed = cli("extract", padded)
    assert time.monotonic() - started < 60
    assert completed.returncode == 1 and not completed.stdout, completed.stderr[-2000:]
    assert "page too large to read" in completed.stderr and "NEWS_PAGE_MAX_BYTES (4.0 MiB)" in completed.stderr
    assert "Traceback" not in completed.stderr

    photo = b'<p><img alt="Foto" src="data:image/jpeg;base64,' + b"/9j/4AAQSkZJRgABAQAAAQABAAD" * 40_000 + b'"></p>'
    drawing = b'<svg viewBox="0 0 10 10"><path d="' + b"M0 0L10 10 " * 40_000 + b'"/></svg>'
    inline = tmp_path / "fotos.html"
    inline.write_bytes(page[:end] + (photo + drawing) * 4 + page[end:])
    assert inline.stat().st_size > 4 * 1024 * 1024
    completed = cli("extract", inline)
    assert completed.returncode == 0, completed.stderr[-2000:]
    assert json.loads(completed.stdout)["published"] == "2020-12-14T08:55"


def test_extract_help_says_which_file_gets_a_file_url():
    """``extract --help`` said a local file's address defaults to "its file: URL"; a text file has none
    (``"url": null``: a file: URL would name its title after the file, ``title_from_slug``). An HTML file
    gets its file: URL; the help says which."""
    html = ROOT / "tests/fixtures/news/sites/leiderdorp/inwoner/nieuws/voorlopige_gunning_gemeentelijke_toegang_jeugdhulp_bekend.html"
    assert json.loads(cli("extract", html).stdout)["url"] == html.resolve().as_uri()
    assert json.loads(cli("extract", SEEDS / "000_a37aabeefc19e5c0.txt").stdout)["url"] is None
    help_text = " ".join(cli("extract", "--help").stdout.split())
    assert "default: an HTML file's file: URL; a text file none" in help_text, help_text
