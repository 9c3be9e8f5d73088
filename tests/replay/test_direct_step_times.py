"""A direct replay times its callbacks and each item pipeline apart only when asked
(``TENDERARCHIVE_STEP_TIMES=1``, what ``bench/reparse_speed.py`` sets for its per-step line): two
``time.process_time()`` calls around every callback and every pipeline of every item were ≈ 1–2 % of a
reparse's CPU (issue 14). Without it the process clock is read a few times per crawl, not per item,
and the ``replayed …`` line counts the callbacks and pipelines with the loop; with it, each has its
CPU seconds, as before. A real reparse of a copy of the bundled snapshot store, in its own process."""

import os
import shutil
import subprocess
import sys

import pytest

from tenderarchive.replay.direct import STEP_TIMES, UNTIMED_STEPS
from tests.conftest import ROOT

SNAPSHOT_WARC = ROOT / "tenderarchive" / "snapshot" / "warc"

DRIVER = """
import sys, time
from pathlib import Path
from tenderarchive.replay import direct
calls = []
class CountingTime:
    def __getattr__(self, name):
        return getattr(time, name)
    @staticmethod
    def process_time():
        calls.append(1)
        return time.process_time()
direct.time = CountingTime()
fetched = []
fetch = direct.DirectReplay.fetch
def fetch_counting(self, request):
    fetched.append(1)
    return fetch(self, request)
direct.DirectReplay.fetch = fetch_counting
from tenderarchive.reparse import guarded_reparse
code = guarded_reparse(Path(sys.argv[1]))
print(code, len(fetched), len(calls))
"""


def reparse_snapshot(tmp_path, step_times: str | None) -> tuple[int, int, int, str]:
    """(exit code, requests fetched, ``process_time`` calls of the replay, its ``replayed …`` lines)."""
    shutil.copytree(SNAPSHOT_WARC, tmp_path / "warc")
    env = {name: value for name, value in os.environ.items() if name != STEP_TIMES}
    if step_times is not None:
        env[STEP_TIMES] = step_times
    completed = subprocess.run([sys.executable, "-c", DRIVER, str(tmp_path / "archive.db")], cwd=ROOT,
                               capture_output=True, text=True, timeout=300, env=env)
    assert completed.returncode == 0, completed.stderr[-3000:]
    code, fetched, calls = map(int, completed.stdout.split())
    lines = "\n".join(line for line in completed.stderr.splitlines() if line.startswith("replayed "))
    return code, fetched, calls, lines


@pytest.mark.parametrize("step_times", [None, "0"])
def test_a_reparse_reads_the_process_clock_per_crawl_not_per_item(tmp_path, step_times):
    code, fetched, calls, lines = reparse_snapshot(tmp_path, step_times)
    assert code == 0 and fetched > 50
    crawls = lines.count("replayed ")
    assert crawls >= 1
    assert calls <= 10 * crawls < fetched  # set-up, close and the totals: not one pair per callback or item
    assert f"{UNTIMED_STEPS} " in lines
    assert "callbacks " not in lines.replace(UNTIMED_STEPS, "") and "Pipeline " not in lines
    assert "read WARC " in lines and "close (last batch, derivation) " in lines


def test_asked_for_step_times_a_reparse_gives_the_callbacks_and_each_pipeline(tmp_path):
    code, fetched, calls, lines = reparse_snapshot(tmp_path, "1")
    assert code == 0 and calls > 2 * fetched  # every callback and every item's pipelines timed
    for step in ("callbacks ", "NormalisePipeline ", "PlacesPipeline ", "ArchivePipeline ", "loop ",
                 "close (last batch, derivation) "):
        assert step in lines
    assert UNTIMED_STEPS not in lines
