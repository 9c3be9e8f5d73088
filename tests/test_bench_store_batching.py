"""``bench/store_batching.py`` (issue 14, reparse round 29) on a copy of the bundled snapshot store (a TenderNed and a
news crawl): it records the rows a real reparse's archive pipeline writes, writes them again per row, per table and
through ``writes.put_row``, and the three give the same tables — the check its ceiling figure rests on. A real
reparse in its own process."""

import re
import shutil
import subprocess
import sys

from tests.conftest import ROOT

SNAPSHOT_WARC = ROOT / "tenderarchive" / "snapshot" / "warc"


def test_the_batching_bench_writes_the_recorded_rows_the_same_every_way(tmp_path):
    store = tmp_path / "store"
    shutil.copytree(SNAPSHOT_WARC, store / "warc")
    completed = subprocess.run([sys.executable, str(ROOT / "bench" / "store_batching.py"), "--store", str(store),
                                "--runs", "2"], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert completed.returncode == 0, completed.stdout[-2000:] + completed.stderr[-3000:]
    out = completed.stdout
    written = re.search(r"(\d+) notices rows, ([\d,]+) put_row rows", out)
    assert written and int(written.group(1)) > 0
    assert int(written.group(2).replace(",", "")) > int(written.group(1))  # CPV codes, documents, places too
    assert re.search(r"statements in its batches: .*upsert [\d,]+", out)
    for way in ("per row", "per table", "put_row"):
        assert re.search(rf"^\| {way} \| [\d.]+ \| [\d.]+ \| [\d.]+ \|$", out, re.M), way
    assert "same rows per row and per table: True; same rows through put_row: True" in out
    assert (store / "warc").is_dir() and not (store / "archive.db").exists()  # the store itself left as it was
