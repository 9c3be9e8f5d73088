"""Rebuild the archive from the WARC store with the current parsers and pipelines.

Every WARC file holds one crawl and starts with a ``warcinfo`` record naming the
spider, its arguments and the settings it ran with. ``reparse`` replays the crawls
in their original order (``crawl --replay FILE``, one subprocess each, with the
original crawl id) into a new archive, with no network at all, then swaps it in;
the previous archive is kept as ``<archive>.before-reparse``. Because replay
serves the recorded responses in their recorded order and provenance comes from
the WARC-Date, a crawl followed by a reparse yields the same rows.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from tenderarchive.exitcodes import ExitCode
from tenderarchive.lock import lock_path_for
from tenderarchive.rawstore import read_info, warc_files

SPIDER_ARGUMENTS = ("from_date", "until_date", "sample", "profile")


def crawl_command(path: Path, info: dict, db: Path, root: Path, workdir: Path) -> list[str]:
    args = info.get("arguments") or {}
    command = [sys.executable, "-m", "tenderarchive.cli", "crawl", info["spider"], "--db", str(db),
               "--replay", str(path), "--quiet", "-s", f"WARC_DIR={root}", "-s", f"CRAWL_ID={info['crawl_id']}",
               "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False"]
    for name in SPIDER_ARGUMENTS:
        if args.get(name) is not None:
            command += [f"--{name.replace('_', '-')}", str(args[name])]
    if info.get("note"):
        command += ["--note", info["note"]]
    if info.get("registry"):
        registry = workdir / f"sources-{info['crawl_id']}.yaml"
        registry.write_text(info["registry"], encoding="utf-8")
        command += ["--sources", str(registry)]
    for name, value in (info.get("settings") or {}).items():
        if value is not None:
            command += ["-s", f"{name}={value}"]
    return command


def reparse(db_path: Path, warc_root: Path | None = None) -> int:
    root = warc_root or db_path.resolve().parent / "warc"
    files = warc_files(root)
    if not files:
        print(f"tenderarchive: no WARC files in {root}", file=sys.stderr)
        return ExitCode.FAILED
    crawls = sorted(((int(info.get("crawl_id", 0)), path, info)
                     for path in files if (info := read_info(path)).get("spider")), key=lambda c: c[0])
    new_db = db_path.with_name(db_path.name + ".reparse")
    for leftover in (new_db, Path(f"{new_db}-wal"), Path(f"{new_db}-shm")):
        leftover.unlink(missing_ok=True)
    worst = ExitCode.COMPLETE
    with tempfile.TemporaryDirectory() as workdir:
        for crawl_id, path, info in crawls:
            completed = subprocess.run(crawl_command(path, info, new_db, root, Path(workdir)))
            print(f"reparsed crawl {crawl_id} ({info['spider']}, {path.name}): exit {completed.returncode}",
                  file=sys.stderr)
            worst = max(worst, completed.returncode)
    if db_path.exists():
        os.replace(db_path, db_path.with_name(db_path.name + ".before-reparse"))
    for suffix in ("-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    os.replace(new_db, db_path)
    lock_path_for(new_db).unlink(missing_ok=True)  # the replay crawls' lock on the temporary archive
    for suffix in ("-wal", "-shm"):
        if Path(f"{new_db}{suffix}").exists():
            os.replace(f"{new_db}{suffix}", f"{db_path}{suffix}")
    print(f"rebuilt {db_path} from {len(crawls)} WARC file(s) in {root}", file=sys.stderr)
    return ExitCode.COMPLETE if worst in (ExitCode.COMPLETE, ExitCode.PARTIAL) else worst
