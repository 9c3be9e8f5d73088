"""A page with one very long word (a fuzzed 100 KB page, branch fuzz1): the awardee's check for another service
("het leerlingenvervoer is gegund aan X") tried ``\\w*vervoer`` from every letter of the word, quadratic in its
length; the page's analysis took 18 s of CPU."""

from tenderarchive.analysis.organisations import _OTHER_SERVICE
from tests.speed import LINEAR, linear_time


def test_other_service_check_is_linear_on_one_very_long_word():
    assert not _OTHER_SERVICE.search("jaar" * 25_000)
    assert linear_time(_OTHER_SERVICE.search, "jaar") < LINEAR  # it was 0.5 s at 20,000 letters, 100× at 200,000
    # what it finds is the same
    assert _OTHER_SERVICE.search("het leerlingenvervoer is gegund aan X")
    assert _OTHER_SERVICE.search("Het Wmo-vervoer is gegund")
    assert _OTHER_SERVICE.search("het vervoer van leerlingen")
    assert not _OTHER_SERVICE.search("vervoerder")
