"""In one process, the direct replay runs the pipelines that work on an item alone (``in_workers``:
validate … awards) over a batch of items, one stage over the whole batch before the next, and the
archive pipeline (and the signals) per item in the crawl's order (issue 14, reparse round 34: a stage
called once between all the others' work ran ≈ 1.5× slower than called over many items in a row, its
code and data gone from the CPU's caches). A real reparse of a copy of the bundled snapshot store, in
its own process; that the rebuild is the crawl's is ``tests/test_reparse.py``, and that the crawl's
errors keep their order ``tests/test_reparse_jobs.py``."""

import shutil
import subprocess
import sys

from tests.conftest import ROOT

SNAPSHOT_WARC = ROOT / "tenderarchive" / "snapshot" / "warc"

DRIVER = """
import functools, sys
from pathlib import Path
import pipelines.archive, pipelines.normalise
from tenderarchive.replay import direct
direct.BATCH = 5  # the snapshot's crawls are small: batches of 5 items
events = []
def watching(cls, name):
    process = cls.process_item
    @functools.wraps(process)  # the replay reads its signature (whether it takes the spider)
    def watched(self, item, *args):
        events.append((name, id(item)))
        return process(self, item, *args)
    cls.process_item = watched
watching(pipelines.normalise.NormalisePipeline, "normalise")
watching(pipelines.archive.ArchivePipeline, "archive")
from tenderarchive.reparse import guarded_reparse
code = guarded_reparse(Path(sys.argv[1]))
normalised = [item for name, item in events if name == "normalise"]
archived = [item for name, item in events if name == "archive"]
first_archived = next(position for position, (name, _) in enumerate(events) if name == "archive")
print(code, len(normalised), len(archived), normalised == archived, first_archived)
"""


def test_one_process_runs_the_item_alone_stages_over_a_batch_and_archives_in_order(tmp_path):
    shutil.copytree(SNAPSHOT_WARC, tmp_path / "warc")
    completed = subprocess.run([sys.executable, "-c", DRIVER, str(tmp_path / "archive.db")], cwd=ROOT,
                               capture_output=True, text=True, timeout=300)
    assert completed.returncode == 0, completed.stderr[-3000:]
    code, normalised, archived, same_order, first_archived = completed.stdout.split()
    assert code == "0" and int(normalised) > 2 * 5
    assert int(archived) == int(normalised) and same_order == "True"  # every item, in the crawl's order
    assert int(first_archived) == 5  # a whole batch normalised before the first item is archived
