"""The forked command runner of the tests (tests/forkcli.py) behaves like starting the installed
command: same exit code and output, its own process, working directory and environment."""

from __future__ import annotations

import os
import subprocess
import sys

from tests import forkcli
from tests.conftest import ROOT, installed


def test_a_forked_command_answers_like_the_installed_one(tmp_path):
    args = ["status", "--db", str(tmp_path / "none.db")]
    forked = forkcli.run(args, cwd=tmp_path)
    started = installed(*args, cwd=tmp_path)
    assert (forked.returncode, forked.stdout, forked.stderr) == (started.returncode, started.stdout, started.stderr)
    assert forked.returncode == 1 and "none.db" in forked.stderr


def test_each_command_gets_the_callers_working_directory_and_environment(tmp_path, monkeypatch):
    (tmp_path / "watchlist.yaml").write_text("- name: Alles\n  keywords: [jeugdhulp]\n", encoding="utf-8")
    # (a recipient given: --email with none is refused before the archive is looked for)
    args = ["report", "--db", "missing.db", "--watchlist", "watchlist.yaml", "--email", "--mail-to", "a@example.org"]
    # Relative paths resolve in tmp_path: the watchlist is read, the archive is missing there.
    missing = forkcli.run(args, cwd=tmp_path)
    assert missing.returncode == 1 and "no archive at missing.db" in missing.stderr, missing.stderr
    # A variable set here, after the fork server started, reaches the child (`report --email` reads it).
    monkeypatch.setenv("TENDERARCHIVE_SMTP_TIMEOUT", "soon")
    told = forkcli.run(args, cwd=tmp_path)
    assert told.returncode == 2 and "TENDERARCHIVE_SMTP_TIMEOUT must be a number" in told.stderr, told.stderr
    assert os.getcwd() != str(tmp_path)


def test_the_preloaded_modules_install_no_reactor_and_start_no_thread():
    """A fork copies the server's state: it must hold no reactor, loop or thread that a crawl
    would inherit."""
    script = ("import importlib, sys, threading\n"
              f"for name in {forkcli.PRELOAD!r}: importlib.import_module(name)\n"
              "assert 'twisted.internet.reactor' not in sys.modules, 'a reactor was installed'\n"
              "assert threading.active_count() == 1, threading.enumerate()\n")
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
