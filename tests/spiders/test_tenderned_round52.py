"""TenderNed API conformance, round 52, by real crawls of the loopback API (tenderarchive/apiserver.py) into a real
archive: a notice ended early by its detail while its list row says it runs (reference §3 ``isVroegtijdigeBeeindiging``
against §4 ``isVroegtijdigBeeindigd``: the detail is the authority), and a document listed without ``typeDocument``
(§5; §13: fields go missing). The records are SYNTHETIC."""

from __future__ import annotations

from tests.conftest import by_id

OPEN = {"from_date": "2021-10-01", "until_date": "2021-11-20"}  # contract notice 300301 (2021-10-15), open to 11-15
NOTICE = "/papi/tenderned-rs-tns/v2/publicaties/300301"


def test_an_open_notice_ended_early_by_its_detail_while_its_row_says_it_runs_is_re_checked(snapshot, serve_api,
                                                                                              crawl):
    """Open notice 300301's list row says it runs (``isVroegtijdigeBeeindiging: false``), its detail that the procedure
    ended early. The archive follows the detail (ended early), and the row, saying the same false each crawl, is no
    news (round 49): so the notice was not re-checked (round 46) and a reinstatement that only its detail shows was
    never seen, the procedure ``mislukt`` for ever. The row disagreeing, the detail decides: re-checked while open, and
    archived running once its detail says so; past its deadline plus the margin no longer asked."""
    notice = by_id(snapshot, 300301)
    notice["list"]["isVroegtijdigeBeeindiging"] = False
    notice["detail"]["isVroegtijdigBeeindigd"] = True
    server = serve_api(snapshot)
    first = crawl(server.api_url, **OPEN)
    assert first.crawl["status"] == "complete", first.errors
    assert first.db["notices"].get(300301)["is_cancelled"] == 1

    asked = server.api.log.count(NOTICE)
    second = crawl(server.api_url, **OPEN)  # still ended early: re-checked, still archived so
    assert second.crawl["status"] == "complete", second.errors
    assert server.api.log.count(NOTICE) == asked + 1
    assert second.db["notices"].get(300301)["is_cancelled"] == 1

    notice["detail"]["isVroegtijdigBeeindigd"] = False  # reinstated: only the detail says so
    third = crawl(server.api_url, **OPEN)
    assert third.crawl["status"] == "complete", third.errors
    assert third.db["notices"].get(300301)["is_cancelled"] == 0
    assert "publication 300301: its detail says it runs (isVroegtijdigBeeindigd false), archived as ended early" \
        in third.output

    # bounded: a crawl whose day is past the deadline plus the margin asks it no more
    notice["detail"]["isVroegtijdigBeeindigd"] = True
    later = {"from_date": "2021-10-01", "until_date": "2022-03-01"}
    crawl(server.api_url, **later)
    asked = server.api.log.count(NOTICE)
    crawl(server.api_url, **later)
    assert server.api.log.count(NOTICE) == asked


def test_a_document_without_type_document_takes_its_type_from_its_name(snapshot, serve_api, crawl):
    """Documents of notice 300301 listed without ``typeDocument`` (§5 gives it as the type; §13: fields go missing)
    were archived with ``file_type`` NULL, though their name says ``.pdf`` (or, nameless, their download link ends in
    ``.docx``, §5 ``links.download``): such a document fell out of every count or filter by type. The type is taken
    from the name's extension (lower case), else the link's; a name without a known extension (``Bestek v1.2``) gives
    none; a type TenderNed gave is kept as given, also when a later list leaves it out."""
    documents = by_id(snapshot, 300301)["documenten"]["documenten"]
    first_doc, second_doc = documents
    del first_doc["typeDocument"]
    first_doc["documentNaam"] = "Selectieleidraad jeugdhulp.PDF"
    del second_doc["typeDocument"], second_doc["documentNaam"]
    second_doc["links"]["download"]["href"] = f"{NOTICE}/documenten/30030102/Bijlage%20percelen.docx"
    third = dict(first_doc, documentId=30030103, documentNaam="Bestek v1.2")
    third["links"] = {"download": {"href": f"{NOTICE}/documenten/30030103/content", "title": "Bestek v1.2"}}
    fourth = dict(first_doc, documentId=30030104, documentNaam="Alle bijlagen.zip",
                  typeDocument={"code": "rar", "omschrijving": "RAR"})
    documents += [third, fourth]
    server = serve_api(snapshot)
    first = crawl(server.api_url, **OPEN)
    assert first.crawl["status"] == "complete", first.errors
    types = {row["document_id"]: row["file_type"] for row in first.db["documents"].rows_where("publication_id = 300301")}
    assert types == {"30030101": "pdf", "30030102": "docx", "30030103": None, "30030104": "rar"}

    del fourth["typeDocument"]  # TenderNed's type left out later: the one it gave is kept, not the name's
    again = crawl(server.api_url, **OPEN)
    assert again.crawl["status"] == "complete", again.errors
    assert again.db["documents"].get((300301, "30030104"))["file_type"] == "rar"
    assert again.db["documents"].get((300301, "30030101"))["file_type"] == "pdf"
