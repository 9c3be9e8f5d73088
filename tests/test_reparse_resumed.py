"""Replaying a crawl that resumed another (``--jobdir``): the earlier crawls' files serve what its own
file does not hold (``WARC_REPLAY_RESUMED``, tenderarchive/reparse.py ``with_resumed``)."""

import shutil

import pytest
from scrapy import Request
from scrapy.utils.test import get_crawler

from tenderarchive.cli import project_settings
from tenderarchive.middlewares import ReplayMiddleware, path_list
from tenderarchive.rawstore import ResponseIndex, read_info, warc_files
from tenderarchive.reparse import crawl_plan
from tests.conftest import ROOT

SNAPSHOT_WARC = ROOT / "tenderarchive" / "snapshot" / "warc"


def test_the_files_of_a_resumed_crawl_may_sit_in_a_folder_whose_name_holds_a_comma(tmp_path):
    """``reparse`` handed the engine replay the resumed crawls' files joined with commas and the
    replay split them on commas: a store in ``warc, 2021/`` became two paths that do not exist, and
    the replay failed (FileNotFoundError). They go as a JSON list. The bundled snapshot's news crawl
    stands for the resumed crawl, its TenderNed crawl for the one it resumed."""
    store = tmp_path / "archief, 2021" / "warc,kopie"
    shutil.copytree(SNAPSHOT_WARC, store)
    files = {read_info(path)["spider"]: path for path in warc_files(store)}
    info = dict(read_info(files["news"]), resumed_files=[files["tenderned"]])
    overrides, _ = crawl_plan(files["news"], info, store, tmp_path)
    settings = project_settings(str(tmp_path / "archive.db"), overrides, quiet=True)
    assert path_list(settings, "WARC_REPLAY_RESUMED") == [str(files["tenderned"])]
    crawler = get_crawler(settings_dict={name: settings.get(name) for name in ("WARC_REPLAY", "WARC_REPLAY_RESUMED")})
    replay = ReplayMiddleware.from_crawler(crawler)
    [tenderned_url, *_] = sorted(ResponseIndex(files["tenderned"]).by_url)
    assert tenderned_url not in ResponseIndex(files["news"]).by_url
    response = replay.process_request(Request(tenderned_url))
    assert response.status == 200 and "replayed" in response.flags


@pytest.mark.parametrize("value, paths", [
    ("/data/a,b/1.warc.gz", ["/data/a,b/1.warc.gz"]),                         # one path, as given
    ('["/data/a,b/1.warc.gz", "/data/c.warc.gz"]', ["/data/a,b/1.warc.gz", "/data/c.warc.gz"]),
    (["/data/a,b/1.warc.gz"], ["/data/a,b/1.warc.gz"]),
    ("", []), ([], []),
])
def test_a_list_of_paths_is_never_split_on_commas(value, paths):
    settings = project_settings(None)
    settings.set("WARC_REPLAY_RESUMED", value)
    assert path_list(settings, "WARC_REPLAY_RESUMED") == paths


@pytest.mark.parametrize("value", ['["/data/a.warc.gz"', "[1, 2]", '[["/data/a.warc.gz"]]'])
def test_a_list_of_paths_that_is_not_one_is_named(value):
    settings = project_settings(None)
    settings.set("WARC_REPLAY_RESUMED", value)
    with pytest.raises(ValueError, match="WARC_REPLAY_RESUMED"):
        path_list(settings, "WARC_REPLAY_RESUMED")
