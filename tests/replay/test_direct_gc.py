"""The direct replay keeps what lives through it (modules, reference data, the pipelines, the
stored responses' index) out of the cyclic garbage collector's passes while it runs, and hands
it back when the crawl ends; the start-up that builds it (reading the WARC file into its index,
the crawler, spider and pipelines) runs with the collector off, the replay with it on (issue 14:
the collector's passes were about a tenth of a reparse's CPU). A real reparse of a copy of the
bundled snapshot store, in its own process."""

import shutil
import subprocess
import sys

from tests.conftest import ROOT

SNAPSHOT_WARC = ROOT / "tenderarchive" / "snapshot" / "warc"

DRIVER = """
import gc, sys
from pathlib import Path
from tenderarchive.replay import direct
frozen = []
fetch = direct.DirectReplay.fetch
def fetch_counting(self, request):
    frozen.append(gc.get_freeze_count())
    return fetch(self, request)
direct.DirectReplay.fetch = fetch_counting
collecting = {}
frozen_at = {}
def watching(cls, name):
    init = cls.__init__
    def watched(self, *args, **kwargs):
        collecting.setdefault(name, set()).add(gc.isenabled())
        frozen_at.setdefault(name, gc.get_freeze_count())
        init(self, *args, **kwargs)
    cls.__init__ = watched
import tenderarchive.rawstore
watching(tenderarchive.rawstore.ResponseIndex, "index")
watching(direct.DirectReplay, "set-up")
from tenderarchive.reparse import guarded_reparse
code = guarded_reparse(Path(sys.argv[1]))
print(code, len(frozen), min(frozen), gc.get_freeze_count(), frozen_at["set-up"], gc.isenabled(),
      sorted(collecting.items()))
"""


def test_the_direct_replay_runs_with_its_long_lived_objects_frozen_and_unfreezes_them(tmp_path):
    shutil.copytree(SNAPSHOT_WARC, tmp_path / "warc")
    completed = subprocess.run([sys.executable, "-c", DRIVER, str(tmp_path / "archive.db")], cwd=ROOT,
                               capture_output=True, text=True, timeout=300)
    assert completed.returncode == 0, completed.stderr[-3000:]
    code, fetches, least_frozen, frozen_after, frozen_at_setup, enabled_after, collecting = \
        completed.stdout.split(" ", 6)
    code, fetches, least_frozen, frozen_after, frozen_at_setup = map(
        int, (code, fetches, least_frozen, frozen_after, frozen_at_setup))
    assert code == 0 and fetches > 50
    assert collecting.strip() == "[('index', {False}), ('set-up', {False})]"  # built with the collector off
    assert enabled_after == "True"  # and it is on again
    assert least_frozen > 50_000  # every request is served with the start-up's objects frozen
    assert frozen_after == 0  # and the collector has them back once the replay is over
    # what the start-up made with the collector paused (the WARC index, the modules) is frozen when the block ends:
    # no collector pass walks it once more before the replay freezes the rest (round 33)
    assert frozen_at_setup > 20_000


def test_a_paused_block_leaves_what_it_made_frozen_and_the_collector_as_it_was():
    import gc

    from tenderarchive.replay import gc_paused

    gc.collect()
    assert gc.get_freeze_count() == 0
    try:
        with gc_paused():
            assert not gc.isenabled()
            kept = [[i] for i in range(1000)]  # long-lived objects, tracked by the collector
        assert gc.isenabled()
        assert gc.get_freeze_count() >= len(kept)  # frozen: no pass walks them
        assert gc.get_count()[0] < 100  # and the allocations of the block are not a pass waiting to happen
        gc.unfreeze()
        gc.disable()
        with gc_paused():
            pass
        assert not gc.isenabled()  # a collector turned off stays off
    finally:
        gc.unfreeze()
        gc.enable()
