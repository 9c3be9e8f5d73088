"""``bench/reparse_speed.py`` at the issue's scale (issue 14, round 39): its store can hold award notices (the
synthetic set had none, so the awards' path was never measured), its loopback server looks publications up by id
and by procedure as ``TenderNedAPI`` answers them, and it reads the reparse's phases apart, the close (paid once a
crawl, over the whole store) among them, for the per-notice steady state it prints beside the whole run."""


from tenderarchive.apiserver import TenderNedAPI
from tests.conftest import bench_module


def _bench():
    return bench_module("reparse_speed")


def test_the_bench_store_has_an_award_notice_of_every_mth_youth_care_procedure():
    bench = _bench()
    served = bench.publications(12)
    both = bench.with_awards(served, 4)
    awards = both[len(served):]
    youth = [p for p in served if p["list"]["aanbestedingNaam"].startswith("Jeugdhulp")]
    assert len(awards) == 3
    assert [a["detail"]["kenmerk"] for a in awards] == [p["detail"]["kenmerk"] for p in youth[::4]]
    assert all(a["detail"]["typePublicatie"].startswith("Aankondiging gegunde opdracht") and a.get("html")
               for a in awards)
    assert len({str(p["list"]["publicatieId"]) for p in both}) == len(both)
    assert all("2021-03-01" <= a["list"]["publicatieDatum"] <= "2021-03-30" for a in awards)
    assert bench.with_awards(served, 0) is served


def test_the_indexed_server_answers_as_the_scanning_one():
    bench = _bench()
    both = bench.with_awards(bench.publications(8), 2)
    indexed, scanning = bench.IndexedAPI(both), TenderNedAPI(both)
    for publication in both:
        publication_id = str(publication["list"]["publicatieId"])
        assert indexed.find(publication_id) is scanning.find(publication_id)
        assert indexed.related(publication) == scanning.related(publication)
    assert indexed.find("1") is None and scanning.find("1") is None


def test_the_phases_are_read_apart_with_the_close_and_summed_over_crawls():
    stderr = ("replayed crawl 1: 8061 recorded responses read, answering 8061 requests in 13.40 s (2.35 CPU-s; per "
              "step, CPU-s: read WARC 0.20, callbacks 0.39, close (last batch, derivation) 0.47, loop 0.33)\n"
              "tenderarchive: something else\n"
              "replayed crawl 2: 10 recorded responses read, answering 10 requests in 0.50 s (0.25 CPU-s; per "
              "step, CPU-s: read WARC 0.05, callbacks 0.01, close (last batch, derivation) 0.10, loop 0.02)\n")
    replay, phases = _bench().replay_phases(stderr)
    assert round(replay, 2) == 2.60
    assert {k: round(v, 2) for k, v in phases.items()} == {
        "read WARC": 0.25, "callbacks": 0.40, "close (last batch, derivation)": 0.57, "loop": 0.35}
    assert _bench().CLOSE in phases
