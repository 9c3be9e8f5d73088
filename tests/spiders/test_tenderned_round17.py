"""TenderNed API conformance, round 17: what the sixteen earlier rounds left, each by a real crawl of the loopback
API (tenderarchive/apiserver.py) into a real archive. The records are the synthetic snapshot's (SYNTHETIC), edited
into the documented shapes (docs/reference/tenderned-api.md)."""

from __future__ import annotations

import pytest

from tests.conftest import by_id

OPEN = {"from_date": "2021-10-01", "until_date": "2021-11-20"}  # contract notice 300301 (2021-10-15) listed


@pytest.mark.parametrize("lone", ["object", "code"])
def test_cpv_codes_sent_as_one_code_instead_of_a_list_are_read_not_a_dropped_notice(snapshot, serve_api, crawl, lone):
    """§4: ``cpvCodes`` is a list of ``{code, omschrijving, isHoofdOpdracht}``; ``nutsCodes``, its neighbour, comes as
    plain strings too (JI), and a serialiser that writes a one-element list as its element sends the one code alone.
    A notice whose ``cpvCodes`` came so was dropped ("expected a list, got dict"), by every crawl, each partial, and
    the youth-care notice never archived. The lone code is the notice's (main) code."""
    notice = by_id(snapshot, 300301)
    main = notice["detail"]["cpvCodes"][0]
    notice["detail"]["cpvCodes"] = main if lone == "object" else main["code"]
    server = serve_api(snapshot)
    done = crawl(server.api_url, **OPEN)
    assert done.crawl["status"] == "complete", done.errors
    row = done.db["notices"].get(300301)
    assert (row["cpv_main"], row["youth_care"]) == ("85311300-5", 1)
    assert [r["cpv"] for r in done.db["notice_cpv"].rows_where("publication_id = 300301")] == ["85311300-5"]


def test_a_past_day_short_as_a_crawl_before_found_it_is_recorded_once(snapshot, serve_api, crawl):
    """§12: "A day that comes back short of totalElements is an error, except for today": recorded, so the next run
    lists it again. A past day whose ``totalElements`` stays above what its pages list (a notice withdrawn from the
    list and still counted) said the same to every later run: each crawl partial, for ever, and each incremental
    window reaching back to that day. The first crawl records it; one that finds the day short of the same total,
    listing no fewer rows, only logs it. A day whose total changes (a notice published into it) is recorded again."""
    from tests.spiders.test_tenderned import _many

    publications = _many(snapshot, days=1, per_day=3)
    server = serve_api(publications, envelope=lambda page, params: dict(page, totalElements=page["totalElements"] + 1))
    day = {"from_date": "2021-03-01", "until_date": "2021-03-01"}
    first = crawl(server.api_url, "--profile", "all", **day)
    assert first.crawl["status"] == "partial"
    assert [e["error"] for e in first.errors] == ["shortfall: all 2021-03-01..2021-03-01: fetched 3 of 4 rows"]
    second = crawl(server.api_url, "--profile", "all", **day)
    assert second.crawl["status"] == "complete", second.errors
    assert "as a crawl before found it" in second.output
    server.api.add(_many(snapshot, days=1, per_day=4)[3])  # a fourth notice of the day: it counts 5 now
    third = crawl(server.api_url, "--profile", "all", **day)
    assert [e["error"] for e in third.errors] == ["shortfall: all 2021-03-01..2021-03-01: fetched 4 of 5 rows"]
    assert third.db["notices"].count == 4


def test_a_cpv_code_the_api_refuses_costs_only_its_own_publications(snapshot, serve_api, crawl):
    """§2: the profile's CPV codes go in one query, ``cpvCodes`` repeated; the API answers a request it does not take
    with 400 (a comma list, a page past 99). A code it refuses (not on its list) cost the whole query: none of the
    profile's CPV codes listed, by every crawl, and a youth-care notice whose words name no search term (coded
    85311300-5, welzijnszorg voor kinderen en jongeren) never archived. The query is asked again code by code: the
    refused code is recorded by name, the others listed."""
    notice = by_id(snapshot, 300301)
    notice["list"].update(aanbestedingNaam="Verwerving zorg Zuid-Kennemerland en IJmond 2023",
                          opdrachtBeschrijving="Synthetische demodata. Dialooggerichte aanbesteding.")
    server = serve_api(snapshot, refused_cpv={"85312120-6"})
    done = crawl(server.api_url, **OPEN)
    assert done.crawl["status"] == "partial"
    assert done.db["notices"].get(300301)["youth_care"] == 1
    refused = [e["error"] for e in done.errors]
    assert len(refused) == 1 and "Unknown CPV code 85312120-6" in refused[0], refused
    assert "query 'cpv[85312120-6]' refused by the API" in refused[0]


def test_a_past_day_short_in_a_window_reaching_today_is_brought_down_to_its_day(snapshot, serve_api, crawl):
    """An incremental run lists the days since its last crawl up to today (§12: a day short of ``totalElements`` is an
    error, except for today). A past day of that window whose total stays above what its pages list (a notice
    withdrawn from the list and still counted) left the whole window short, recorded whole, by every run: each
    partial, each window reaching back to it. The window still short when listed once more is listed again in
    halves, down to the day that comes short: recorded by the first crawl, only logged by the next
    (``test_a_past_day_short_as_a_crawl_before_found_it_is_recorded_once``)."""
    from datetime import timedelta

    from tenderarchive.arguments import today as amsterdam_today
    from tests.spiders.test_tenderned import _many

    today = amsterdam_today()
    first_day = (today - timedelta(days=2)).isoformat()

    def counts_a_withdrawn_notice(page, params):  # SYNTHETIC: the first day counts one notice it never lists
        if params["publicatieDatumVanaf"][0] <= first_day <= params["publicatieDatumTot"][0]:
            return dict(page, totalElements=page["totalElements"] + 1)
        return page

    server = serve_api(_many(snapshot, days=3, per_day=2, start=today - timedelta(days=2)),
                       envelope=counts_a_withdrawn_notice)
    window = {"from_date": first_day, "until_date": today.isoformat()}
    first = crawl(server.api_url, "--profile", "all", **window)
    assert [e["error"] for e in first.errors] == [f"shortfall: all {first_day}..{first_day}: fetched 2 of 3 rows"]
    assert first.db["notices"].count == 6
    second = crawl(server.api_url, "--profile", "all", **window)
    assert second.crawl["status"] == "complete", second.errors


NOTICE = "/papi/tenderned-rs-tns/v2/publicaties/300301"


def test_an_answer_of_no_content_is_no_documents_not_a_broken_answer(snapshot, serve_api, crawl):
    """``/documenten`` answers ``{documenten: […]}`` (§5) and a 404 for a notice without a documents list; a server may
    say "nothing" with 204 No Content (RFC 9110 §15.3.5: no body). That was taken for a broken answer: retried four
    times, recorded as "malformed JSON (0 bytes)", the notice archived with its documents unread and fetched again by
    every crawl, each partial. A 204 is no documents (and, from ``/gerelateerd``, no related notice), asked once; a
    detail answered so is still recorded, saying what came."""
    no_content = [{"status": 204, "body": ""}] * 10
    server = serve_api(snapshot, faults={f"{NOTICE}/documenten": list(no_content),
                                         f"{NOTICE}/gerelateerd": list(no_content)})
    first = crawl(server.api_url, **OPEN)
    assert first.crawl["status"] == "complete", first.errors
    assert server.api.log.count(f"{NOTICE}/documenten") == 1
    row = first.db["notices"].get(300301)
    assert row["documents_unread"] is None and first.db["documents"].count_where("publication_id = 300301") == 0
    server.api.faults[NOTICE] = [{"status": 204, "body": ""}] * 10
    second = crawl(server.api_url, "-s", "TENDERNED_INCREMENTAL=False", **OPEN)
    assert [e["error"] for e in second.errors if e["url"].endswith(NOTICE)] == ["HTTP 204 No Content: no JSON answer"]
    assert first.db["notices"].get(300301)["title"] == row["title"]  # kept as archived
