"""The loopback API serves /html, /gerelateerd, the datasets page and packages in TenderNed's shapes."""

import json
import urllib.error
import urllib.request

from tenderarchive.awards.html import parse_response

from .conftest import PACKAGE_2021


def get(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers.get("Content-Type"), response.read()
    except urllib.error.HTTPError as error:
        return error.code, None, None


def test_html_is_the_json_envelope_of_the_rendering(award_publications, serve_api):
    api = serve_api(award_publications).api_url
    status, kind, body = get(f"{api}/publicaties/900102/html")
    assert status == 200 and kind.startswith("application/json")
    assert set(json.loads(body)) == {"html"}
    assert len(parse_response(body)["awards"]) == 3
    assert get(f"{api}/publicaties/1/html")[0] == 404


def test_a_publication_without_a_recorded_rendering_gets_a_minimal_one(snapshot, serve_api):
    api = serve_api(snapshot).api_url
    status, _, body = get(f"{api}/publicaties/100101/html")
    result = parse_response(body)
    assert status == 200 and result["layout"] == "eforms" and result["buyer"] == "Gemeente Heerlen"


def test_gerelateerd_lists_every_notice_of_the_procedure_itself_included(award_publications, serve_api):
    api = serve_api(award_publications).api_url
    status, _, body = get(f"{api}/publicaties/900301/gerelateerd")
    rows = json.loads(body)
    assert status == 200 and isinstance(rows, list)
    assert [(r["publicatieId"], r["formType"]) for r in rows] == [(900302, "result"), (900301, "competition")]
    assert {r["kenmerk"] for r in rows} == {900003}
    assert all(isinstance(r["publicatieId"], int) and isinstance(r["typePublicatie"], str) for r in rows)
    _, _, three = get(f"{api}/publicaties/900102/gerelateerd")
    assert [r["publicatieId"] for r in json.loads(three)] == [900103, 900102, 900101]


def test_the_award_found_only_through_gerelateerd_is_not_in_the_profile_queries(award_publications, serve_api):
    api = serve_api(award_publications).api_url
    for query in ["cpvCodes=85311300-5&cpvCodes=85121270-6", "search=jeugdhulp", "search=jeugdwet", "search=dyslexie"]:
        _, _, body = get(f"{api}/publicaties?size=100&{query}")
        assert "900302" not in {row["publicatieId"] for row in json.loads(body)["content"]}


def test_datasets_page_links_packages_on_this_server(award_publications, award_datasets, serve_api):
    server = serve_api(award_publications, datasets=award_datasets)
    status, kind, page = get(server.datasets_url)
    assert status == 200 and kind.startswith("text/html")
    page = page.decode()
    assert "https://www.tenderned.nl" not in page                   # absolute live links point here instead
    assert server.datasets_url.split("/cms/")[0] + "/cms/sites/default/files/2026-07/Dataset_Tenderned-2022" in page
    origin = server.datasets_url.split("/cms/")[0]
    status, kind, body = get(origin + "/cms/sites/default/files/2026-07/" + PACKAGE_2021.name)
    assert status == 200 and kind == "application/json" and body == PACKAGE_2021.read_bytes()
    assert get(origin + "/cms/sites/default/files/2026-07/nope.json")[0] == 404


def test_no_datasets_page_is_a_404(snapshot, serve_api):
    assert get(serve_api(snapshot).datasets_url)[0] == 404
