"""``bench/reparse_speed.py`` times reparses as a user's run goes: the project's bytecode compiled
once, not every module compiled from source in every reparse (``PYTHONDONTWRITEBYTECODE``, set in the
helpers' environment, did that: ≈ 0.24 CPU-s of each reparse's start-up; issue 14, round 32)."""

import os
import subprocess
import sys

from tests.conftest import bench_module


def _bench():
    return bench_module("reparse_speed")


def test_the_bench_compiles_each_tree_once_and_reparses_with_bytecode(tmp_path, monkeypatch):
    monkeypatch.setenv("PYTHONDONTWRITEBYTECODE", "1")  # as in the helpers' environment
    for package in ("tenderarchive", "pipelines", "spiders"):
        (tmp_path / package).mkdir()
        (tmp_path / package / "module.py").write_text("VALUE = 1\n")
    env = _bench().bytecode([tmp_path])
    for package in ("tenderarchive", "pipelines", "spiders"):
        assert list((tmp_path / package / "__pycache__").glob("module.*.pyc")), package
    flag = subprocess.run([sys.executable, "-c", "import sys; print(sys.flags.dont_write_bytecode)"],
                          env={**os.environ, **env}, capture_output=True, text=True, check=True)
    assert flag.stdout.strip() == "0"
