"""The direct replay keeps what lives through it (modules, reference data, the pipelines, the
stored responses' index) out of the cyclic garbage collector's passes while it runs, and hands
it back when the crawl ends (issue 14: the full passes over it were about a tenth of a replay's
CPU). A real reparse of a copy of the bundled snapshot store, in its own process."""

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
from tenderarchive.reparse import guarded_reparse
code = guarded_reparse(Path(sys.argv[1]))
print(code, len(frozen), min(frozen), gc.get_freeze_count())
"""


def test_the_direct_replay_runs_with_its_long_lived_objects_frozen_and_unfreezes_them(tmp_path):
    shutil.copytree(SNAPSHOT_WARC, tmp_path / "warc")
    completed = subprocess.run([sys.executable, "-c", DRIVER, str(tmp_path / "archive.db")], cwd=ROOT,
                               capture_output=True, text=True, timeout=300)
    assert completed.returncode == 0, completed.stderr[-3000:]
    code, fetches, least_frozen, frozen_after = map(int, completed.stdout.split())
    assert code == 0 and fetches > 50
    assert least_frozen > 50_000  # every request is served with the start-up's objects frozen
    assert frozen_after == 0  # and the collector has them back once the replay is over
