from pipelines.classify import classify, cpv_covers
from tenderarchive.profiles import load_profile

RULES = load_profile("youth_care").relevance


def cpv(code, label=None):
    return {"cpv": code, "label": label}


def test_a_strong_cpv_code_is_youth_care():
    relevant, reasons = classify({"title": "Zorg"}, [cpv("85311300-5")], RULES)
    assert relevant and reasons == ["cpv:85311300-5"]


def test_a_youth_care_term_is_youth_care_without_cpv():
    relevant, reasons = classify({"title": "Inkoop Jeugdhulp 2023"}, [], RULES)
    assert relevant and reasons == ["term:jeugdhulp in title"]


def test_a_shared_social_code_alone_is_not_youth_care_but_says_so():
    relevant, reasons = classify({"title": "Huishoudelijke hulp Wmo"}, [cpv("85320000-8")], RULES)
    assert not relevant
    assert reasons[0] == "cpv_context:85320000-8" and "not youth care" in reasons[-1]


def test_cpv_matching_is_hierarchical_on_significant_digits():
    assert cpv_covers("85310000-5", "85311300-5")
    assert not cpv_covers("85311300-5", "85310000-5")
