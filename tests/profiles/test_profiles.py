import pytest
import yaml

from tenderarchive.profiles import ProfileError, load_profile


def test_youth_care_profile_has_cpv_and_search_queries():
    profile = load_profile("youth_care")
    queries = dict(profile.queries())
    assert ("cpvCodes", "85311300-5") in queries["cpv"]
    assert queries["search:jeugdhulp"] == [("search", "jeugdhulp")]
    assert "85311300-5" in profile.relevance.cpv_strong


def test_all_profile_has_one_unfiltered_query_and_youth_care_rules():
    profile = load_profile("all")
    assert profile.queries() == [("all", [])]
    assert profile.relevance == load_profile("youth_care").relevance


def test_a_profile_is_a_file_away(tmp_path):
    path = tmp_path / "wmo.yaml"
    path.write_text("name: wmo\nqueries:\n  search: [wmo]\nrelevance:\n  terms: [wmo]\n")
    assert load_profile(str(path)).queries() == [("search:wmo", [("search", "wmo")])]


def test_a_profile_file_is_written_whole_as_a_document_that_loads_as_the_same_profile(tmp_path):
    """What a crawl records of a profile file of the user's (its relevance_from read) for a reparse to replay with."""
    path = tmp_path / "jeugd.yaml"
    path.write_text("name: jeugd\nqueries:\n  cpv: [85311300-5]\n  search: ['\"zorg voor jeugd\"']\n"
                    "relevance_from: youth_care\n")
    profile = load_profile(str(path))
    assert not profile.shipped and load_profile("youth_care").shipped
    again = tmp_path / "again.yaml"
    again.write_text(yaml.safe_dump(profile.document(), allow_unicode=True))
    replayed = load_profile(str(again))
    assert (replayed.name, replayed.queries(), replayed.relevance) == (profile.name, profile.queries(),
                                                                       load_profile("youth_care").relevance)


def test_a_relevance_from_path_is_read_beside_the_profile_that_names_it(tmp_path, monkeypatch):
    """A profile file that takes its relevance from a file beside it (``relevance_from: relevance.yaml``) is read
    the same from any folder the crawl starts in (a cron job's, scrapyd's): the path was read from the current
    folder, and the profile was "not found" everywhere but in its own folder. A shipped profile's name and an
    absolute path are read as they are."""
    folder = tmp_path / "profiles"
    folder.mkdir()
    (folder / "relevance.yaml").write_text("name: relevance\nqueries:\n  search: [pleegzorg]\n"
                                           "relevance:\n  terms: [pleegzorg]\n")
    (folder / "leiden.yaml").write_text("name: leiden\nqueries:\n  search: [jeugdhulp]\nrelevance_from: relevance.yaml\n")
    (folder / "shipped.yaml").write_text("name: s\nqueries:\n  search: [jeugdhulp]\nrelevance_from: youth_care\n")
    (folder / "absolute.yaml").write_text(f"name: a\nqueries:\n  search: [jeugdhulp]\n"
                                          f"relevance_from: {folder / 'relevance.yaml'}\n")
    elsewhere = tmp_path / "cron"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    assert load_profile(str(folder / "leiden.yaml")).relevance.terms == ("pleegzorg",)
    assert load_profile("../profiles/leiden.yaml").relevance.terms == ("pleegzorg",)
    assert load_profile(str(folder / "shipped.yaml")).relevance == load_profile("youth_care").relevance
    assert load_profile(str(folder / "absolute.yaml")).relevance.terms == ("pleegzorg",)


@pytest.mark.parametrize("text, field", [
    ("name: x\nqueries:\n  cpv: [85311300]\n", "cpv"),
    ("name: x\nqueries: {}\n", "queries"),
    ("queries:\n  all: true\n", "name"),
    ("name: x\nqueries:\n  search: [1, '']\n", "search"),
    # TenderNed finds nothing for two phrases in one query (docs/reference/tenderned-api.md §2)
    ("name: x\nqueries:\n  search: ['\"zorg voor jeugd\" \"jeugd en wmo\"']\n", "search"),
    ("name: x\nqueries:\n  search: ['\"zorg voor jeugd\" wmo']\n", "search"),
    ("name: x\nqueries:\n  search: ['\"zorg voor jeugd']\n", "search"),
])
def test_malformed_profiles_name_the_field(tmp_path, text, field):
    path = tmp_path / "bad.yaml"
    path.write_text(text)
    with pytest.raises(ProfileError) as error:
        load_profile(str(path))
    assert field in str(error.value) and str(path) in str(error.value)


def test_a_quoted_phrase_is_one_search_term():
    queries = dict(load_profile("youth_care").queries())
    assert queries['search:"zorg voor jeugd"'] == [("search", '"zorg voor jeugd"')]


def test_unknown_profile_lists_the_shipped_ones():
    with pytest.raises(ProfileError, match="youth_care"):
        load_profile("nope")


@pytest.mark.parametrize("name", ["al" + "<div>" * 60, "/tmp/" + "p" * 300 + ".yaml"])
def test_a_profile_name_too_long_for_a_file_name_is_a_profile_error(name):
    """`-a profile=` with a pasted page (found by the spider-argument fuzz target): Path.is_file raised OSError
    "File name too long", a traceback instead of the spider's bad-argument message."""
    with pytest.raises(ProfileError, match="File name too long"):
        load_profile(name)
