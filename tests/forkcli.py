"""Run ``tenderarchive`` commands as their own processes, forked from an interpreter that has
already imported Scrapy, the spiders and the pipelines.

Why: a test crawl is a real process (Twisted's reactor runs once per process, and a crawl
must not share module state with the test), but starting Python and importing Scrapy, the
spiders and the pipelines costs about 1.5 s of CPU per crawl, most of a small crawl's
cost, and the suite runs about a hundred of them. :mod:`multiprocessing`'s ``forkserver``
start method with a preload list is the standard library's answer: one server process per
pytest worker imports the modules once, and every command runs in a fresh fork of it
(copy-on-write, nothing shared back). The child calls :func:`tenderarchive.cli.main`, the
function behind the installed ``tenderarchive`` command, with the test's arguments, working
directory and environment; its stdout and stderr go to files at the descriptor level, so
Scrapy's logging is captured as in a subprocess.

Tests that need a process they signal, kill or race (locks, SIGTERM, SIGKILL, cron lines,
scrapyd) still start ``python -m tenderarchive.cli`` with :mod:`subprocess`.
"""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys
import tempfile
from pathlib import Path

# Imported once by the fork server (none of them installs a Twisted reactor at import).
PRELOAD = [
    "tenderarchive.cli",
    "tenderarchive.settings",
    "tenderarchive.extensions",
    "tenderarchive.middlewares",
    "tenderarchive.derive",
    "tenderarchive.reparse",
    "tenderarchive.watch",
    "tenderarchive.extract_page",
    "tenderarchive.extraction.core",   # trafilatura, for news crawls
    "tenderarchive.analysis",
    "tenderarchive.awards.ocds",
    "scrapy.crawler",
    "scrapy.core.downloader.contextfactory",
    "scrapy.core.downloader.handlers.http11",
    "tenderarchive.downloader",
    "spiders.tenderned",
    "spiders.tenderned_ocds",
    "spiders.news",
    "pipelines.validate",
    "pipelines.normalise",
    "pipelines.extract",
    "pipelines.classify",
    "pipelines.analyse",
    "pipelines.places",
    "pipelines.awards",
    "pipelines.archive",
]

_context = None


def _forkserver():
    global _context
    if _context is None:
        _context = multiprocessing.get_context("forkserver")
        _context.set_forkserver_preload(PRELOAD)
    return _context


def _main(argv: list[str], cwd: str, env: dict, out: str, err: str) -> None:
    """In the forked child: the installed command's ``main``, its output sent to ``out``/``err``."""
    for fd, path in ((1, out), (2, err)):
        target = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.dup2(target, fd)
        os.close(target)
    os.environ.clear()
    os.environ.update(env)
    os.chdir(cwd)
    sys.argv = ["tenderarchive", *argv]
    from tenderarchive.cli import main

    code = main(argv)
    sys.stdout.flush()
    sys.stderr.flush()
    sys.exit(int(code or 0))


def run(args, *, cwd, timeout: float = 240, env: dict | None = None) -> subprocess.CompletedProcess:
    """``tenderarchive ARGS`` in a forked process; like ``subprocess.run(..., capture_output=True,
    text=True)``. A negative return code is the signal that ended it; a timeout kills it."""
    argv = [str(arg) for arg in args]
    with tempfile.TemporaryDirectory(prefix="tenderarchive-cli-") as folder:
        out, err = Path(folder, "stdout"), Path(folder, "stderr")
        env = dict(os.environ if env is None else env)   # the caller's environment now, as subprocess does
        process = _forkserver().Process(target=_main, args=(argv, str(cwd), env, str(out), str(err)))
        process.start()
        process.join(timeout)
        if process.is_alive():
            process.kill()
            process.join()
            raise subprocess.TimeoutExpired(["tenderarchive", *argv], timeout)
        read = lambda path: path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""  # noqa: E731
        return subprocess.CompletedProcess(["tenderarchive", *argv], process.exitcode, read(out), read(err))


def run_argv(command: list[str], *, cwd, timeout: float = 240) -> subprocess.CompletedProcess:
    """:func:`run` for a command list written for :mod:`subprocess`:
    ``[sys.executable, "-m", "tenderarchive.cli", *args]`` (a rerun of a killed crawl's command)."""
    prefix = [sys.executable, "-m", "tenderarchive.cli"]
    if [str(part) for part in command[:3]] != prefix:
        raise ValueError(f"not a tenderarchive command: {command[:3]}")
    return run(command[3:], cwd=cwd, timeout=timeout)
