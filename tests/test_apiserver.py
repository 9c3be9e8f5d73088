"""The loopback API must behave like TenderNed's, or the spider tests prove nothing."""

import json
import urllib.error
import urllib.request

import pytest


def get(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, None


def test_caps_answer_400(snapshot, serve_api):
    base = serve_api(snapshot).api_url + "/publicaties"
    assert get(base + "?size=100&page=99")[0] == 200
    assert get(base + "?size=101")[0] == 400
    assert get(base + "?size=0")[0] == 400
    assert get(base + "?page=100")[0] == 400


def test_list_rows_have_string_ids_and_no_cpv_details_have_numbers(snapshot, serve_api):
    api = serve_api(snapshot).api_url
    status, page = get(api + "/publicaties?size=5")
    assert status == 200 and page["totalElements"] == 13 and page["totalPages"] == 3
    row = page["content"][0]
    assert isinstance(row["publicatieId"], str) and "cpvCodes" not in row
    status, detail = get(f"{api}/publicaties/{row['publicatieId']}")
    assert isinstance(detail["publicatieId"], int) and detail["cpvCodes"]
    assert get(api + "/publicaties/1")[0] == 404


def test_cpv_filter_is_hierarchical_repeated_and_rejects_comma_lists(snapshot, serve_api):
    base = serve_api(snapshot).api_url + "/publicaties?size=100"
    _, narrow = get(base + "&cpvCodes=72000000-5")
    assert [r["publicatieId"] for r in narrow["content"]] == ["700701"]
    _, broad = get(base + "&cpvCodes=72000000-5&cpvCodes=80340000-9")
    assert broad["totalElements"] == 2
    _, branch = get(base + "&cpvCodes=85300000-2")  # the social-work branch covers 85311300
    assert branch["totalElements"] == 11
    assert get(base + "&cpvCodes=72000000-5,80340000-9")[0] == 400


def test_unknown_parameters_are_silently_ignored(snapshot, serve_api):
    base = serve_api(snapshot).api_url + "/publicaties?size=100"
    assert get(base + "&opdrachtAardCode=RAA")[1]["totalElements"] == 13


def test_search_ors_words_and_takes_one_phrase(snapshot, serve_api):
    base = serve_api(snapshot).api_url + "/publicaties?size=100"
    assert get(base + "&search=ERP-systeem")[1]["totalElements"] == 1
    assert get(base + "&search=Zeeuwse%20ERP-systeem")[1]["totalElements"] == 2
    assert get(base + '&search="Basishulp%20Jeugd"')[1]["totalElements"] == 3
    assert get(base + '&search="Basishulp"%20"Jeugd"')[1]["totalElements"] == 0


def test_date_window_is_inclusive(snapshot, serve_api):
    base = serve_api(snapshot).api_url + "/publicaties?size=100"
    _, page = get(base + "&publicatieDatumVanaf=2021-10-07&publicatieDatumTot=2021-10-15")
    assert {r["publicatieId"] for r in page["content"]} == {"400401", "300301"}


@pytest.mark.parametrize("fault", [{"status": 429, "headers": {"Retry-After": "3"}}])
def test_faults_are_served_once_then_the_real_answer(snapshot, serve_api, fault):
    server = serve_api(snapshot, faults={"/papi/tenderned-rs-tns/v2/publicaties/100101": [fault]})
    assert get(server.api_url + "/publicaties/100101")[0] == 429
    assert get(server.api_url + "/publicaties/100101")[0] == 200


def test_the_api_path_is_spelt_once(snapshot, serve_api):
    """The API's path (docs/reference/tenderned-api.md §1) was spelt in the settings, the normaliser,
    this server and the demo recorder: changed in one, the others went on with the old one. Now one
    definition, which the loopback server serves and the setting's default and the normaliser's links use."""
    from pathlib import Path
    from urllib.parse import urlsplit

    from scrapy.settings import Settings

    from pipelines import normalise
    from tenderarchive import TENDERNED_API_PATH, TENDERNED_SITE

    root = Path(__file__).resolve().parent.parent
    spelt = [str(p.relative_to(root)) for folder in ("tenderarchive", "spiders", "pipelines", "bench")
             for p in sorted((root / folder).rglob("*.py")) if TENDERNED_API_PATH in p.read_text(encoding="utf-8")]
    assert spelt == ["tenderarchive/__init__.py"]
    settings = Settings()
    settings.setmodule("tenderarchive.settings")
    assert settings["TENDERNED_API_URL"] == TENDERNED_SITE + TENDERNED_API_PATH == "https://www.tenderned.nl" + \
        "/papi/tenderned-rs-tns/v2"
    assert normalise.API_PATH == TENDERNED_API_PATH
    assert urlsplit(serve_api(snapshot).api_url).path == TENDERNED_API_PATH


def test_the_pdf_is_served_to_a_request_that_accepts_a_pdf_and_refused_406_to_one_that_accepts_only_json(
        snapshot, serve_api):
    from tenderarchive.apiserver import accepts

    publication = next(p for p in snapshot if p["detail"]["publicatieId"] == 200288)
    publication["pdf"] = b"%PDF-1.4 SYNTHETIC"
    url = serve_api(snapshot).api_url + "/publicaties/200288/pdf"

    def status(accept):
        request = urllib.request.Request(url, headers={"Accept": accept} if accept else {})
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.status, response.headers["Content-Type"]
        except urllib.error.HTTPError as error:
            return error.code, None

    assert status("application/pdf") == (200, "application/pdf")
    assert status(None)[0] == status("*/*")[0] == status("application/*, text/html;q=0.9")[0] == 200
    assert status("application/json")[0] == 406
    assert not accepts("application/json, application/pdf;q=0", "application/pdf")


def test_a_related_rows_form_type_follows_the_notice_type_when_the_detail_names_none(snapshot, serve_api):
    """Reference §7.1, §8.4: a vooraankondiging (VAK) is a ``planning`` form, a modification (AAW) ``cont-modif``;
    the loopback API spelt VAK "VAO" and gave both ``competition``."""
    for pid, code in ((100101, "VAK"), (100131, "AAW")):
        detail = next(p for p in snapshot if p["detail"]["publicatieId"] == pid)["detail"]
        detail.pop("formType", None)
        detail["aankondigingCode"] = {"code": code, "omschrijving": "SYNTHETIC"}
    status, rows = get(serve_api(snapshot).api_url + "/publicaties/100101/gerelateerd")
    assert status == 200
    forms = {row["publicatieId"]: row["formType"] for row in rows}
    assert forms[100101] == "planning" and forms[100131] == "cont-modif"
