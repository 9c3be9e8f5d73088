"""A page with one very long word (a fuzzed 100 KB page, branch fuzz1): the awardee's check for another service
("het leerlingenvervoer is gegund aan X") tried ``\\w*vervoer`` from every letter of the word, quadratic in its
length; the page's analysis took 18 s of CPU."""

import time

from tenderarchive.analysis.organisations import _OTHER_SERVICE


def test_other_service_check_is_linear_on_one_very_long_word():
    for n in (2_500, 25_000):
        start = time.process_time()
        assert not _OTHER_SERVICE.search("jaar" * n)
        assert time.process_time() - start < 0.1  # it was 0.5 s at 20,000 letters and 100× that at ten times them
    # what it finds is the same
    assert _OTHER_SERVICE.search("het leerlingenvervoer is gegund aan X")
    assert _OTHER_SERVICE.search("Het Wmo-vervoer is gegund")
    assert _OTHER_SERVICE.search("het vervoer van leerlingen")
    assert not _OTHER_SERVICE.search("vervoerder")
