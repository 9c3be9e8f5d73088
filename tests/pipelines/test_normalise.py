import json
import re

from tenderarchive.items import NoticeItem
from pipelines.normalise import normalise_notice
from pipelines.validate import validate_notice
from tests.conftest import by_id

import pytest
from scrapy.exceptions import DropItem

URL = "https://www.tenderned.nl/aankondigingen/overzicht/{id}"


def item_of(publication):
    return NoticeItem(publication_id=publication["list"]["publicatieId"], detail=publication["detail"],
                      list_record=publication["list"], documents=publication["documenten"])


def test_one_type_for_ids_and_the_procurement_key(snapshot):
    record = normalise_notice(item_of(by_id(snapshot, 400401)), URL, "https://www.tenderned.nl")
    notice = record["notice"]
    assert notice["publication_id"] == 400401 and notice["kenmerk"] == 311520
    assert notice["procurement_id"] == "TN311520"
    assert notice["url"] == "https://www.tenderned.nl/aankondigingen/overzicht/400401"
    assert "één samenwerkingspartner" in notice["description"]


def test_volatile_counters_are_not_archived(snapshot):
    notice = normalise_notice(item_of(by_id(snapshot, 100101)), URL, "https://x")["notice"]
    assert not any("aantal" in k.lower() or "days" in k.lower() for k in notice)


def test_failed_documents_request_means_unknown_not_empty(snapshot):
    item = item_of(by_id(snapshot, 100101))
    item.documents = None
    assert normalise_notice(item, URL, "https://x")["documents"] is None


@pytest.mark.parametrize("change, message", [
    (lambda p: p["detail"].update(publicatieId=1), "is for publicatieId"),
    (lambda p: (p["detail"].update(aanbestedingNaam=" "), p["list"].update(aanbestedingNaam="&nbsp;")),
     "no aanbestedingNaam"),
    (lambda p: (p["detail"].pop("publicatieDatum"), p["list"].pop("publicatieDatum")), "no readable publicatieDatum"),
    (lambda p: (p["detail"].update(publicatieDatum="morgen"), p["list"].pop("publicatieDatum")),
     "no readable publicatieDatum"),
])
def test_validation_drops_records_that_cannot_be_archived(snapshot, change, message):
    publication = by_id(snapshot, 100101)
    change(publication)
    with pytest.raises(DropItem, match=message):
        validate_notice(item_of(publication))


def test_the_fast_clean_field_cleans_as_the_shared_one():
    """pipelines/normalise.py's clean_field (issue 14: texts with nothing to clean pass as they
    are, others are cleaned once) gives what tenderarchive.values.clean_field gives: on tricky
    texts and on 20,000 random ones (seeded) built from the characters cleaning is about."""
    import random
    import unicodedata

    from pipelines import normalise
    from tenderarchive import values

    tricky = ["", " ", "Jeugdhulp", " Jeugdhulp", "Jeugdhulp ", "Jeugd  hulp", "a\u00a0b", "a\u200bb", "<p>a</p>",
              "a &amp;nbsp; b", "a &lt;p&gt; b", "a < b", "<TenderNed>", "r1\nr2", "r1\n\n\n\nr2", "a\tb", "a\rb",
              "\ud800x", "x\u2028", "\u2003x", "x\u2003y", "x\x1c", 5, 5.5, None, "Gemeente 's-Hertogenbosch",
              "Jeugd\u00adhulp", "&shy;", "\ufeffa", "a\u2060b", "Frysla\u0302n", "\u0302", "e\u0301\u00ad", "jeugd\u2011ggz"]
    rng = random.Random(14)
    alphabet = ["a", "B", " ", "  ", "\n", "\t", "\r", "\f", "\v", "\u00a0", "\u200b", "\u2003", "\x85", "&", "&amp;",
                "&nbsp;", "&#160;", "<", ">", "<p>", "</p>", "<br/>", "<b>", ";", "\ud800", "é", "ĳ", "\u00ad",
                "&shy;", "\u0301", "\u2060", "\ufeff", "\u2010", "\u2011"]
    texts = tricky + ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12))) for _ in range(20_000)]
    fast = 0
    for text in texts:
        assert normalise.clean_field(text) == values.clean_field(text), repr(text)
        fast += (isinstance(text, str) and not normalise._NEEDS_CLEANING.search(text) and text == text.strip()
                 and unicodedata.is_normalized("NFC", text))
    assert fast > 1000  # the fast path was taken, and checked
    for bad in ([1], {"a": 1}, True):
        with pytest.raises(ValueError):
            normalise.clean_field(bad)
    assert normalise.code_label({"code": "X", "omschrijving": " a&amp;b "}) == values.code_label(
        {"code": "X", "omschrijving": " a&amp;b "})


def test_a_soft_hyphen_or_a_decomposed_letter_is_the_text_a_reader_sees(snapshot):
    """Text pasted from a word processor carries soft hyphens (``Jeugd\u00adhulp``: "Jeugdhulp" on screen) and
    its own hyphens (U+2010, the non-breaking U+2011 for "-"), and macOS writes letters decomposed (``a`` +
    U+0302 for ``â``). Archived as sent, the title was no "jeugdhulp" (the description no "jeugd-ggz") to the
    youth-care test and no "Fryslân" to a search or a comparison."""
    from pipelines.classify import classify
    from tenderarchive.profiles import load_profile

    publication = by_id(snapshot, 600601)  # the Wmo notice: only shared social-services CPV codes
    publication["detail"]["aanbestedingNaam"] = "Jeugd\u00adhulp en Wmo Su\u0301dwest-Frysla\u0302n&shy;"
    publication["detail"]["opdrachtgeverNaam"] = "\ufeffGemeente Su\u0301dwest\u2011Frysla\u0302n"
    publication["detail"]["opdrachtBeschrijving"] = "Begeleiding en jeugd\u2010ggz"
    record = normalise_notice(item_of(publication), URL, "https://www.tenderned.nl")
    notice = record["notice"]
    assert notice["title"] == "Jeugdhulp en Wmo Súdwest-Fryslân" and notice["buyer"] == "Gemeente Súdwest-Fryslân"
    relevant, reasons = classify(notice, record["cpv"], load_profile("youth_care").relevance)
    assert relevant and "term:jeugdhulp in title" in reasons and "term:jeugd-ggz in description" in reasons


def test_the_zip_of_all_documents_is_its_link_else_the_endpoint_and_unread_documents_leave_it(snapshot):
    """``/documenten`` gives ``links.downloadZip`` (relative, docs/reference/tenderned-api.md §5; may be
    missing), the zip of every document of the notice (``/documenten/zip``, §1)."""
    publication = by_id(snapshot, 200201)
    assert normalise_notice(item_of(publication), URL, "https://www.tenderned.nl")["notice"]["documents_zip_url"] == (
        "https://www.tenderned.nl/papi/tenderned-rs-tns/v2/publicaties/200201/documenten/zip")
    publication["documenten"]["links"] = {"downloadZip": {"href": "/zips/alle-200201.zip", "title": "Alle"}}
    assert normalise_notice(item_of(publication), URL, "https://x.test")["notice"]["documents_zip_url"] == (
        "https://x.test/zips/alle-200201.zip")
    del publication["documenten"]["links"]
    assert normalise_notice(item_of(publication), URL, "https://x.test")["notice"]["documents_zip_url"] == (
        "https://x.test/papi/tenderned-rs-tns/v2/publicaties/200201/documenten/zip")
    publication["documenten"] = {"documenten": [], "links": {"downloadZip": {"href": "/zip"}}}
    assert normalise_notice(item_of(publication), URL, "https://x.test")["notice"]["documents_zip_url"] is None
    unread = item_of(publication)
    unread.documents = None  # not read: the archived link stays (absent, not empty)
    assert "documents_zip_url" not in normalise_notice(unread, URL, "https://x.test")["notice"]


def test_a_link_holding_a_lone_surrogate_is_no_link_and_the_documented_endpoint_stands_in(snapshot):
    """``{"downloadZip": {"href": "\\ud800"}}`` (JSON may escape half a UTF-16 pair; Python decodes it as a lone
    surrogate) was joined to the site and kept as the notice's zip link, a text SQLite cannot store in UTF-8: the
    notice's write failed (found by ``make fuzz``, target ``tenderned.publication``). No URL holds one: the
    documented endpoint stands in, for the zip and a document's download alike."""
    publication = by_id(snapshot, 200201)
    publication["documenten"]["links"] = {"downloadZip": {"href": "/zips/\ud800alle.zip"}}
    document = publication["documenten"]["documenten"][0]
    document["links"] = {"download": {"href": "https://x.test/doc\udfff.pdf"}}
    record = normalise_notice(item_of(publication), URL, "https://x.test")
    assert record["notice"]["documents_zip_url"] == (
        "https://x.test/papi/tenderned-rs-tns/v2/publicaties/200201/documenten/zip")
    download = next(d["download_url"] for d in record["documents"] if d["document_id"] == str(document["documentId"]))
    assert download == f"https://x.test/papi/tenderned-rs-tns/v2/publicaties/200201/documenten/{document['documentId']}/content"
    for row in (record["notice"], *record["documents"]):
        for value in row.values():
            if isinstance(value, str):
                value.encode("utf-8")  # storable: no lone surrogate left anywhere


def test_site_links_are_what_urljoin_gives():
    """pipelines/normalise.py's site_link takes a shortcut for plain absolute paths (issue 14);
    for every base and link (synthetic) it gives urljoin's answer."""
    from urllib.parse import urljoin

    from pipelines.normalise import site_link

    bases = ["https://www.tenderned.nl", "http://127.0.0.1:8080", "http://127.0.0.1:8080/mirror",
             "HTTPS://WWW.TenderNed.nl", "http://user@h.nl:1", "ftp://h.nl", "h.nl"]
    links = ["/papi/tenderned-rs-tns/v2/publicaties/200201/pdf", "/a/b/../c", "/a/./b", "/a//b", "/a/b/",
             "/", "/a?b=1", "/a#f", "/a;p", "a/b", "../a", "//other.nl/a", "https://other.nl/a", "/ä", "/a b",
             "/.hidden", "/a/.", "/a/..", "/~x", "/a-b_c.d"]
    for base in bases:
        for link in links:
            assert site_link(base, link) == urljoin(base + "/", link), (base, link)


def test_a_detail_without_a_deadline_keeps_the_list_rows_deadline(snapshot):
    """JI: the detail record often has no ``sluitingsDatum`` (docs/reference/tenderned-api.md §4,
    §13); the list row's (the original one, Europe/Amsterdam) is then the deadline, so the notice
    is re-checked while open and its procedure has one. A detail deadline still wins."""
    publication = by_id(snapshot, 100101)
    publication["detail"].pop("sluitingsDatum")
    publication["list"]["sluitingsDatum"] = "2018-05-31T12:00:00"
    notice = normalise_notice(item_of(publication), URL, "https://x")["notice"]
    assert notice["deadline"] == notice["deadline_list"] == "2018-05-31T12:00:00+02:00"
    publication["list"]["sluitingsDatum"] = "2099-12-31T00:00:00"
    notice = normalise_notice(item_of(publication), URL, "https://x")["notice"]
    assert notice["deadline"] is None and notice["deadline_placeholder"] == 1
    publication["detail"]["sluitingsDatum"] = "2018-07-06T12:00:00"
    notice = normalise_notice(item_of(publication), URL, "https://x")["notice"]
    assert notice["deadline"] == "2018-07-06T12:00:00+02:00" and notice["deadline_placeholder"] == 0



def test_flags_the_detail_leaves_out_come_from_the_list_row(snapshot):
    """The list row's ``isVroegtijdigeBeeindiging`` and ``digitaal`` (§3) stand in for the detail's
    ``isVroegtijdigBeeindigd`` and ``isDigitaalInschrijvenMogelijk`` (§4) when it has none."""
    publication = by_id(snapshot, 100101)
    for field in ("isVroegtijdigBeeindigd", "isDigitaalInschrijvenMogelijk"):
        publication["detail"].pop(field, None)
    publication["list"].update(isVroegtijdigeBeeindiging=True, digitaal=False)
    notice = normalise_notice(item_of(publication), URL, "https://x")["notice"]
    assert notice["is_cancelled"] == 1 and notice["is_digital"] == 0
    publication["detail"].update(isVroegtijdigBeeindigd=False, isDigitaalInschrijvenMogelijk=True)
    notice = normalise_notice(item_of(publication), URL, "https://x")["notice"]
    assert notice["is_cancelled"] == 0 and notice["is_digital"] == 1


def test_without_links_the_pdf_and_downloads_are_the_documented_endpoints(snapshot):
    """A detail without ``links.pdf`` and a document without ``links.download`` still have their
    notice PDF (``/publicaties/{id}/pdf``) and content (``/documenten/{documentId}/content``):
    docs/reference/tenderned-api.md §1. A given link still wins."""
    publication = by_id(snapshot, 100101)
    publication["detail"].pop("links")
    for document in publication["documenten"]["documenten"]:
        document.pop("links")
    record = normalise_notice(item_of(publication), URL, "https://www.tenderned.nl")
    api = "https://www.tenderned.nl/papi/tenderned-rs-tns/v2/publicaties/100101"
    assert record["notice"]["pdf_url"] == f"{api}/pdf"
    assert sorted(d["download_url"] for d in record["documents"]) == [
        f"{api}/documenten/10010101/content", f"{api}/documenten/10010102/content"]
    # no id: no key and no link to make; left out (the spider records it: document_problems), the other kept
    publication["documenten"]["documenten"][0]["documentId"] = None
    record = normalise_notice(item_of(publication), URL, "https://www.tenderned.nl")
    assert [d["download_url"] for d in record["documents"]] == [f"{api}/documenten/10010102/content"]


@pytest.mark.parametrize("links, download, pdf", [
    ("/papi/x", None, "{api}/pdf"),                                  # links no object
    ({"pdf": "/papi/eigen/100101.pdf"}, "/papi/eigen/doc.pdf", "https://www.tenderned.nl/papi/eigen/100101.pdf"),
    ({"pdf": ["/papi/x"]}, {"href": 5}, "{api}/pdf"),                 # a link of another shape
    ({"pdf": {"href": "javascript:alert(1)"}}, {"href": "data:text/html,x"}, "{api}/pdf"),   # no http(s) URL
    ({"pdf": {"href": "  "}}, {"href": None}, "{api}/pdf"),
])
def test_a_link_of_another_shape_costs_the_link_not_the_notice(snapshot, links, download, pdf):
    """``links.pdf`` and a document's ``links.download`` are ``{"href": …}`` (docs/reference/tenderned-api.md
    §4, §5), with the documented endpoint when absent (§1). An href sent as plain text is the link; any
    other shape, or an href that is no http(s) URL, falls back to the endpoint. Either dropped the whole
    notice ("expected an object"), in every crawl, or stored ``javascript:…`` as its PDF."""
    publication = by_id(snapshot, 100101)
    publication["detail"]["links"] = links
    publication["documenten"]["documenten"][0]["links"] = {"download": download}
    record = normalise_notice(item_of(publication), URL, "https://www.tenderned.nl")
    api = "https://www.tenderned.nl/papi/tenderned-rs-tns/v2/publicaties/100101"
    assert record["notice"]["pdf_url"] == pdf.format(api=api)
    first = next(d for d in record["documents"] if d["document_id"] == "10010101")
    assert first["download_url"] == ("https://www.tenderned.nl/papi/eigen/doc.pdf" if download == "/papi/eigen/doc.pdf"
                                     else f"{api}/documenten/10010101/content")


def test_a_form_code_sent_as_an_object_in_the_detail_is_read(snapshot):
    """The detail's ``publicatieCode`` is a string, the list's ``publicatiecode`` a ``{code, omschrijving}``
    object (docs/reference/tenderned-api.md §3, §4; shapes change between endpoints, §13). A detail that
    sent the object dropped the notice in every crawl ("expected text, got dict"); a re-check has no list
    row to fall back on. The code and, without a ``typePublicatie`` text, the label are read from it."""
    publication = by_id(snapshot, 100190)
    publication["detail"]["publicatieCode"] = {"code": "EF33", "omschrijving": "Gegunde opdracht - lichte regeling"}
    del publication["detail"]["typePublicatie"]
    item = item_of(publication)
    item.list_record = None   # a re-check
    notice = normalise_notice(item, URL, "https://www.tenderned.nl")["notice"]
    assert (notice["form_code"], notice["form_label"]) == ("EF33", "Gegunde opdracht - lichte regeling")


@pytest.mark.parametrize("nuts, codes, labels", [
    ([{"code": "NL423", "omschrijving": "Zuid-Limburg"}, {"code": "NL42", "omschrijving": "Limburg"}],
     "NL423,NL42", "Zuid-Limburg, Limburg"),
    (["NL423", "NL42"], "NL423,NL42", None),                       # plain strings (§4, JI)
    ("NL423", "NL423", None),                                      # one, not in a list
    ({"code": "NL423", "omschrijving": "Zuid-Limburg"}, "NL423", "Zuid-Limburg"),
    (None, None, None), ([], None, None),
])
def test_nuts_codes_as_objects_or_plain_strings(snapshot, nuts, codes, labels):
    """``nutsCodes`` are ``{code, omschrijving}`` objects, "sometimes plain strings" (docs/reference/tenderned-api.md
    §4): a list of either, or one alone. A lone string or object dropped the notice in every crawl."""
    publication = by_id(snapshot, 100101)
    publication["detail"]["nutsCodes"] = nuts
    notice = normalise_notice(item_of(publication), URL, "https://www.tenderned.nl")["notice"]
    assert (notice["nuts"], notice["nuts_labels"]) == (codes, labels)


def test_a_detail_without_a_publication_date_takes_the_list_rows_date(snapshot):
    """Missing fields are to be tolerated (docs/reference/tenderned-api.md §13): a detail without
    ``publicatieDatum`` is archived with its list row's date (date only, §3), not dropped in every
    run; without either it is still dropped."""
    publication = by_id(snapshot, 100101)
    publication["detail"].pop("publicatieDatum")
    item = item_of(publication)
    validate_notice(item)
    notice = normalise_notice(item, URL, "https://x")["notice"]
    assert notice["published"] == publication["list"]["publicatieDatum"][:10] == "2018-03-13"
    assert notice["published_at"] == "2018-03-13" and notice["year"] == 2018


def test_timestamps_sent_in_another_offset_are_archived_in_amsterdam_time(snapshot):
    """A deadline or publication timestamp sent in UTC (``Z``) or another offset (§4: "parse both
    forms") was archived in that offset: 23:30Z on 30 November, which is 00:30 on 1 December in
    Amsterdam, put the deadline on 30 November in every timeline and saved search (they read its
    first ten characters), and the same instant sent once naive and once in UTC counted as a change."""
    publication = by_id(snapshot, 100101)
    publication["detail"]["sluitingsDatum"] = "2026-11-30T23:30:00Z"
    publication["list"]["sluitingsDatum"] = "2026-11-30T12:00:00+00:00"
    publication["detail"]["publicatieDatum"] = "2026-06-11T22:15:00.123456+00:00"
    notice = normalise_notice(item_of(publication), URL, "https://x")["notice"]
    assert notice["deadline"] == "2026-12-01T00:30:00+01:00"
    assert notice["deadline_list"] == "2026-11-30T13:00:00+01:00"
    assert (notice["published_at"], notice["published"]) == ("2026-06-12T00:15:00+02:00", "2026-06-12")
    publication["detail"]["sluitingsDatum"] = "2026-12-01T00:30:00"   # the same instant, naive (Amsterdam)
    assert normalise_notice(item_of(publication), URL, "https://x")["notice"]["deadline"] == notice["deadline"]


@pytest.mark.parametrize("status, expected", [
    ({"code": "PUB", "omschrijving": "Gepubliceerd"}, ("PUB", "Gepubliceerd")),   # reference §3, §7.3
    ({"code": "ING", "omschrijving": "Ingetrokken"}, ("ING", "Ingetrokken")),     # another code: kept as listed
    ({"code": " pub "}, ("PUB", None)), ("PUB", ("PUB", None)),                     # a bare code
    ({"code": "PUB", "omschrijving": ["Gepubliceerd"]}, ("PUB", None)),            # a label of no shape: none
    ([{"code": "PUB"}], (None, None)), ({"code": ["PUB"]}, (None, None)), (True, (None, None)),
    ({"omschrijving": "Gepubliceerd"}, (None, None)), (None, (None, None)),
])
def test_the_list_rows_publicatiestatus_is_archived_and_a_value_of_no_shape_costs_only_itself(
        snapshot, status, expected):
    """``publicatiestatus`` (reference §3) was not archived at all. It is ``publication_status`` and its label; one
    of an unexpected type costs the status (not the notice, which a list row's informative field must not drop)."""
    publication = by_id(snapshot, 100101)
    publication["list"]["publicatiestatus"] = status
    notice = normalise_notice(item_of(publication), URL, "https://www.tenderned.nl")["notice"]
    assert (notice["publication_status"], notice["publication_status_label"]) == expected


def test_a_recheck_leaves_the_archived_publicatiestatus_alone(snapshot):
    """A re-check fetches no list row: the status, the list's alone, is absent from its record (kept as archived),
    not None (which would be an omission: a sparse answer fetched again every crawl, or a change)."""
    item = item_of(by_id(snapshot, 100101))
    item.list_record = None
    notice = normalise_notice(item, URL, "https://www.tenderned.nl")["notice"]
    assert "publication_status" not in notice and "publication_status_label" not in notice


def test_the_details_other_documented_fields_are_archived(snapshot):
    """Reference §4 documents ``isGeimporteerd`` (a notice imported from another platform), ``digitaalInschrijvenCode``
    (``{code, omschrijving}``) and ``afwijkendReglement`` (string): none was archived (only the raw record had
    them). They are ``is_imported``, ``digital_submission`` with its label, and ``deviating_rules``."""
    publication = by_id(snapshot, 100101)
    publication["detail"].update({"isGeimporteerd": True, "afwijkendReglement": "Aanbestedingsreglement Werken 2016",
                                  "digitaalInschrijvenCode": {"code": "TNI", "omschrijving": "Via TenderNed"}})
    notice = normalise_notice(item_of(publication), URL, "https://www.tenderned.nl")["notice"]
    assert (notice["is_imported"], notice["digital_submission"], notice["digital_submission_label"],
            notice["deviating_rules"]) == (1, "TNI", "Via TenderNed", "Aanbestedingsreglement Werken 2016")
    publication["detail"].update({"isGeimporteerd": False, "afwijkendReglement": {"code": "ARW"},
                                  "digitaalInschrijvenCode": "TNI"})
    notice = normalise_notice(item_of(publication), URL, "https://www.tenderned.nl")["notice"]
    assert (notice["is_imported"], notice["digital_submission"], notice["deviating_rules"]) == (0, "TNI", "ARW")


@pytest.mark.parametrize("sent, archived", [(470012, 470012), ("470012", 470012), (470012.0, 470012), (0, 0),
                                              (None, None), ("n.v.t.", None), ([470012], None), (True, None),
                                              (-1, None)])
def test_the_details_pdf_id_is_archived_and_one_of_no_shape_costs_only_itself(snapshot, sent, archived):
    """Reference §4 documents ``publicatiePdfId`` ("int", ``0`` in its example): it was mapped nowhere, only the raw
    record had it. It is ``pdf_id``, as TenderNed gives it; one of no readable shape is none, the notice kept."""
    publication = by_id(snapshot, 100101)
    publication["detail"]["publicatiePdfId"] = sent
    notice = normalise_notice(item_of(publication), URL, "https://www.tenderned.nl")["notice"]
    assert notice["pdf_id"] == archived
    assert notice["title"]


@pytest.mark.parametrize("sent, archived", [("2020/S 115-281234", "2020/S 115-281234"), (2020115281234, "2020115281234"),
                                              (2020115281234.0, "2020115281234"), (True, None), (["x"], None),
                                              ({"code": "x"}, None), ("", None), (None, None)])
def test_a_keyword_or_ted_number_of_no_text_shape_is_none_not_pythons_rendering_of_it(snapshot, sent, archived):
    """Reference §4: ``trefwoord1`` … ``trefwoord10`` and ``pbNummerTed`` are strings. A number is its digits; a
    yes/no, a list or an object was archived as Python wrote it (``"True"``, ``"['x']"``, ``"{'code': 'x'}"``), a
    keyword or TED number nobody sent. It costs that field alone."""
    publication = by_id(snapshot, 100101)
    publication["detail"].update({"pbNummerTed": sent, "trefwoord1": "jeugdhulp", "trefwoord2": sent})
    notice = normalise_notice(item_of(publication), URL, "https://www.tenderned.nl")["notice"]
    assert notice["ted_number"] == archived
    assert json.loads(notice["keywords"]) == ["jeugdhulp"] + ([archived] if archived else [])


@pytest.mark.parametrize("sent, unreadable", [
    ({"trefwoord1": True}, True), ({"trefwoord1": ["jeugd"], "trefwoord4": {"x": 1}}, True),
    ({"trefwoord1": "jeugdhulp", "trefwoord2": True}, False),   # a keyword read: a value, not an unreadable one
    ({"trefwoord1": "", "trefwoord2": None}, False),            # none sent: an omission
    ({}, False),
])
def test_keywords_sent_with_none_of_text_shape_are_unreadable_not_omitted(sent, unreadable):
    """Reference §4: ``trefwoord1`` … ``trefwoord10`` are strings. Sent, and none of them text, they give no
    ``keywords``: kept as an *omitted* value, the answer counted as sparse and every crawl fetched the notice again,
    meeting the same shape. They are unreadable, as an informative field of no shape is."""
    from pipelines.normalise import unreadable_columns

    assert ("keywords" in unreadable_columns(sent, {})) is unreadable


@pytest.mark.parametrize("digital, rules", [([{"code": "TNI"}], True), ({"code": ["TNI"]}, ["x"])])
def test_an_informative_detail_field_of_no_shape_costs_only_itself(snapshot, digital, rules):
    publication = by_id(snapshot, 100101)
    publication["detail"].update({"digitaalInschrijvenCode": digital, "afwijkendReglement": rules})
    notice = normalise_notice(item_of(publication), URL, "https://www.tenderned.nl")["notice"]
    assert (notice["digital_submission"], notice["digital_submission_label"], notice["deviating_rules"]) == (None,) * 3
    assert notice["title"]


@pytest.mark.parametrize("detail, row, expected", [
    ({"numberOfDaysBeforeAanmeldenInschrijven": 14}, {}, "2026-01-20"),       # the day fetched (Amsterdam) + 14
    ({"numberOfDaysBeforeAanmeldenInschrijven": " 14 "}, {}, "2026-01-20"),   # a count sent as text
    ({}, {"aantalDagenTotSluitingsDatum": 3}, "2026-01-09"),                  # the list row's, when the detail has none
    ({"numberOfDaysBeforeAanmeldenInschrijven": -1}, {"aantalDagenTotSluitingsDatum": 3}, None),  # closed, says the detail
    ({"numberOfDaysBeforeAanmeldenInschrijven": 0}, {}, None),
    ({"numberOfDaysBeforeAanmeldenInschrijven": True}, {}, None),             # no count: no day, nothing else lost
    ({"numberOfDaysBeforeAanmeldenInschrijven": "veertien"}, {}, None),
    ({"numberOfDaysBeforeAanmeldenInschrijven": 14, "sluitingsDatum": "2026-01-20T12:00:00"}, {}, None),  # a deadline
])
def test_the_day_a_countdown_ends_is_kept_only_without_a_closing_date_in_the_detail(detail, row, expected):
    """``open_until`` (reference §3, §4, §13): the detail's days-left counter, else the list row's, counted from the
    Amsterdam day the detail was fetched (23:30 UTC on 5 January is 6 January there)."""
    from pipelines.normalise import countdown_end

    assert countdown_end(detail, row, "2026-01-05T23:30:00+00:00") == expected


@pytest.mark.parametrize("sent", [["RAA"], [{"code": "RAA"}], {"code": ["RAA"]}, True, {"code": {"x": 1}}])
def test_a_duration_or_nature_code_of_no_shape_costs_only_itself(snapshot, sent):
    """Reference §4: ``opdrachtAardCode`` and ``looptijdCode`` are informative ``{code, omschrijving}`` objects
    ([M]). One of no shape (a list, an object for a code, a yes/no) dropped the whole notice, by every crawl; it
    costs that field alone, the notice kept."""
    publication = by_id(snapshot, 100101)
    publication["detail"].update({"opdrachtAardCode": sent, "looptijdCode": sent})
    notice = normalise_notice(item_of(publication), URL, "https://www.tenderned.nl")["notice"]
    assert (notice["contract_nature"], notice["contract_nature_label"]) == (None, None)
    assert (notice["duration_code"], notice["duration_label"]) == (None, None)
    assert notice["title"]


@pytest.mark.parametrize("sent, archived", [("2024-JH-07", "2024-JH-07"), (202407, "202407"), (202407.0, "202407"),
                                              (True, None), (["2024-JH-07"], None), ({"code": "Mercell"}, None)])
def test_a_reference_or_tender_platform_of_no_text_shape_costs_only_itself(snapshot, sent, archived):
    """Reference §4: ``referentieNummer`` (the buyer's own reference), ``urlTsenderNaam`` and ``urlTsenderWebsite``
    are strings ([M]). A number is its digits (not ``"202407.0"``); a yes/no, a list or an object dropped the whole
    notice, by every crawl: it costs that field alone."""
    publication = by_id(snapshot, 100101)
    publication["detail"].update({"referentieNummer": sent, "urlTsenderNaam": sent, "urlTsenderWebsite": sent})
    notice = normalise_notice(item_of(publication), URL, "https://www.tenderned.nl")["notice"]
    assert (notice["reference"], notice["tender_platform"], notice["tender_platform_url"]) == (archived,) * 3
    assert notice["title"]


def test_a_notice_is_normalised_reading_its_keywords_and_dates_once(snapshot, monkeypatch):
    """Issue 14 (branch reparse22): the detail's keywords and its unreadable dates are read once a notice, for the
    unreadable columns and for the row alike (each was worked out twice), and a list row's notice type for
    ``listed_as`` is read without cleaning its label again (``values.clean_field``: the cached one of this module).
    An unreadable start date is still left out, and the keywords still archived."""
    import pipelines.normalise as module
    from tenderarchive import values

    publication = by_id(snapshot, 100101)
    publication["detail"].update({"trefwoord1": "jeugdhulp", "aanvangOpdrachtDatum": "n.v.t."})
    calls = {"keywords": 0, "unreadable_dates": 0}

    def counted(name, function):
        def call(*args, **kwargs):
            calls[name] += 1
            return function(*args, **kwargs)
        return call

    monkeypatch.setattr(module, "keywords", counted("keywords", module.keywords))
    monkeypatch.setattr(values, "unreadable_dates", counted("unreadable_dates", values.unreadable_dates))
    record = normalise_notice(item_of(publication), URL, "https://www.tenderned.nl")
    assert calls == {"keywords": 1, "unreadable_dates": 2}  # the detail's once, the list row's once
    assert json.loads(record["notice"]["keywords"]) == ["jeugdhulp"]
    assert record["notice"]["start_date"] is None and "start_date" in record["unreadable"]

    monkeypatch.setattr(values, "clean_field", lambda value: pytest.fail(f"cleaned again: {value!r}"))
    listed = module.listed_as({"kenmerk": "123", "typePublicatie": {"code": "aao", "omschrijving": "Aankondiging"}})
    assert json.loads(listed) == {"kenmerk": "123", "type": "AAO", "ended_early": None, "published": None}


#: Label and code shapes a list row or a detail can send (§13: fields change shape): texts to clean, blank and
#: markup-only texts, numbers, yes/no, lists and objects.
_SHAPES = [None, "", "   ", "Openbaar", " Openbaar ", "<p></p>", "<b>Niet</b>-openbaar", "&nbsp;", "Fry\u0073la\u0302n",
           "a\u00adb", 0, 3, 2.0, 2.5, True, False, [], ["x"], {}, {"nl": "Openbaar"}]


def _label_drifted_before(value) -> bool:
    """``label_drifted`` as it was before branch reparse24 (the reference its faster form must equal)."""
    from pipelines.normalise import _sent, label_text

    entries = value if isinstance(value, list) else [value]
    return any(isinstance(e, dict) and _sent(e.get("omschrijving")) and label_text(e.get("omschrijving")) is None
               for e in entries)


def _row_code_drifted_before(value) -> bool:
    """``drifted_row_fields``' test of a list row's coded field before branch reparse24."""
    from tenderarchive import values

    try:
        code = values.code_label(value)[0] if value is not None else ""
    except ValueError:
        code = None
    return code is None or _label_drifted_before(value)


def test_a_drifted_label_or_code_is_found_as_before_and_each_text_label_cleaned_once(monkeypatch):
    """Issue 14 (branch reparse24): the spider asks ``drifted_fields`` of every detail and ``drifted_row_fields`` of
    every new list row; their label checks cleaned each label again with ``values.clean_field`` (uncached: a third
    of a list row's check). Each text label is now checked once per text, a list row's code read with this module's
    cached cleaning, and what they find is what they found, for every shape of code and label."""
    import pipelines.normalise as module
    from pipelines.normalise import drifted_fields, drifted_row_fields, label_drifted

    for code in _SHAPES:
        for label in _SHAPES:
            for value in ({"code": code, "omschrijving": label}, [{"code": code, "omschrijving": label}], code):
                assert label_drifted(value) == _label_drifted_before(value), value
                row = {"publicatieId": "1", "procedure": value}
                assert ("procedure" in drifted_row_fields(row)) == _row_code_drifted_before(value), value
                detail = {"procedureCode": value}
                assert ("procedureCode" in drifted_fields(detail)) == _label_drifted_before(value), value

    if hasattr(module, "_blank_label"):
        module._blank_label.cache_clear()
    if hasattr(module, "_text_code_drifted"):
        module._text_code_drifted.cache_clear()
    monkeypatch.setattr(module.values, "clean_field", lambda value: pytest.fail(f"cleaned again: {value!r}"))
    cleaned = []
    monkeypatch.setattr(module, "clean_field", lambda value: cleaned.append(value) or value)
    row = {"publicatieId": "1", "typePublicatie": {"code": "AAO", "omschrijving": "Aankondiging opdracht"},
           "procedure": {"code": "OPE", "omschrijving": "Openbaar"}}
    for _ in range(3):
        assert drifted_row_fields(row) == {}
        assert drifted_fields({"procedureCode": {"code": "OPE", "omschrijving": "Openbaar"}}) == {}
    # the row's code reading cleans its label (to raise for one of no shape) with this module's cached clean_field,
    # the drift check itself once per text; a row's code of two texts is judged once per pair (branch reparse37: it
    # was read again for every row, three times here)
    assert cleaned.count("Openbaar") == 1 + 1 and cleaned.count("Aankondiging opdracht") == 1 + 1
    if hasattr(module, "_blank_label"):
        module._blank_label.cache_clear()
    if hasattr(module, "_text_code_drifted"):
        module._text_code_drifted.cache_clear()  # judged with the stand-in cleaning above: not kept for other tests


def test_a_code_and_its_label_are_read_once_per_pair_with_the_same_answer(monkeypatch):
    """Issue 14 (branch reparse24): a ``{code, omschrijving}`` object of two texts (a notice has a dozen: type,
    procedure, contract type, NUTS, CPV …, the same few pairs in every notice) is read once per pair; every shape
    reads as before (``values.code_text`` of the code, ``label_text`` of the label)."""
    import pipelines.normalise as module
    from pipelines.normalise import code_label, label_text
    from tenderarchive import values

    module._code_label_texts.cache_clear() if hasattr(module, "_code_label_texts") else None
    for code in _SHAPES:
        for label in _SHAPES:
            value = {"code": code, "omschrijving": label}
            try:
                expected = (values.code_text(code), label_text(label))
            except ValueError as exc:
                with pytest.raises(ValueError, match=re.escape(str(exc)[:20])):
                    code_label(value)
                continue
            assert code_label(value) == expected == code_label(dict(value)), value

    reads = []
    monkeypatch.setattr(values, "code_text", lambda value: reads.append(value) or value)
    for _ in range(3):
        assert code_label({"code": "OPE-x", "omschrijving": "Openbaar (x)"}) == ("OPE-x", "Openbaar (x)")
    assert reads == ["OPE-x"]
    module._code_label_texts.cache_clear() if hasattr(module, "_code_label_texts") else None


def test_a_notices_informative_fields_and_keywords_are_read_once(snapshot, monkeypatch):
    """Issue 14 (branch reparse37): the detail's informative fields (``INFORMATIVE_FIELDS``: the contract's nature and
    duration, the platform, the TED number …) are read once a notice for both the unreadable columns and the notice's
    own (each was read twice), and a keyword field left out is not read; the record is what it was."""
    import pipelines.normalise as module

    item = item_of(by_id(snapshot, 400401))
    item.detail = {**item.detail, "referentieNummer": 470012.0, "urlTsenderNaam": True, "pbNummerTed": "2026/S 1-1",
                   "opdrachtAardCode": ["x"], "looptijdCode": {"code": "M", "omschrijving": "Maanden"},
                   "publicatiePdfId": "n.v.t.", "trefwoord2": "jeugd", "trefwoord7": ["x"]}
    expected = normalise_notice(item, URL, "https://www.tenderned.nl")
    notice = expected["notice"]
    assert notice["reference"] == "470012" and notice["tender_platform"] is None and notice["pdf_id"] is None
    assert (notice["duration_code"], notice["duration_label"]) == ("M", "Maanden")
    assert notice["keywords"] == '["jeugd"]'
    assert {"contract_nature", "contract_nature_label", "tender_platform", "pdf_id"} <= set(expected["unreadable"])

    reads = []
    fields = {field: ((lambda read, field: lambda value: reads.append(field) or read(value))(read, field), columns)
              for field, (read, columns) in module.INFORMATIVE_FIELDS.items()}
    monkeypatch.setattr(module, "INFORMATIVE_FIELDS", fields)
    texts = []
    scalar = module.scalar_text
    monkeypatch.setattr(module, "scalar_text", lambda value: texts.append(value) or scalar(value))
    assert normalise_notice(item, URL, "https://www.tenderned.nl") == expected
    assert sorted(reads) == sorted(module.INFORMATIVE_FIELDS)  # each once
    assert texts == ["jeugd", ["x"]]  # the keywords sent, not the eight left out
