"""Terms of news-sites.md §3 the reading lacked (branch vocab11), one specification each.

Texts are synthetic sentences (not corpus pages); each test names the §3 row it covers and fails
without the vocabulary it specifies (tenderarchive/analysis/vocabulary.py).
"""
from tenderarchive.analysis import analyse


def _stages(text, **kw):
    return {s["stage"]: s["status"] for s in analyse(text, **kw)["stages"]}


# --- §3.3 mislukt / gestopt: "stopzetten/intrekken" ------------------------------------

def test_stopping_or_withdrawing_the_tender_in_one_word_or_separable_is_a_failure():
    # synthetic
    assert "mislukt" in _stages("Het college gaat de aanbesteding jeugdhulp stopzetten.")
    assert "mislukt" in _stages("De stopzetting van de aanbesteding jeugdhulp is een tegenvaller.")
    assert "mislukt" in _stages("De regio trekt de aanbesteding jeugdhulp in.")
    assert "mislukt" in _stages("De gemeenten besloten de aanbesteding jeugdhulp in te trekken.")


def test_withdrawing_something_else_is_no_failed_tender():
    # synthetic: the object of "intrekken" is a decision, not the procurement
    assert "mislukt" not in _stages("Zij vorderden dat de gemeente het besluit zou intrekken en de aanbesteding "
                                    "jeugdhulp zou heropenen.")
