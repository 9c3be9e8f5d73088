"""Scheduling recipes that work: the crontab line, the systemd units and a scrapyd deployment."""

import configparser
import json
import re
import shlex
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
import sqlite_utils

from tests.conftest import ROOT, installed
from tests.watch.test_watch import smtp_server  # noqa: F401 (the loopback SMTP server fixture)

DEPLOY = ROOT / "deploy"
VENV_BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# --- cron ------------------------------------------------------------------------------------------------
#: The shipped crontabs: the crawls run by cron itself, and by scrapyd (cron schedules them and reports after them).
CRONTABS = (DEPLOY / "crontab.example", DEPLOY / "scrapyd" / "crontab.example")


def crontab_jobs(path: Path = DEPLOY / "crontab.example") -> tuple[dict, list[tuple[list[str], str]]]:
    env, jobs = {}, []
    for line in path.read_text().splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if re.fullmatch(r"[A-Z_]+=.*", line):
            name, value = line.split("=", 1)
            env[name] = value
            continue
        fields = line.split(None, 5)
        jobs.append((fields[:5], fields[5]))
    return env, jobs


@pytest.mark.parametrize("path", CRONTABS, ids=lambda path: path.relative_to(ROOT).as_posix())
def test_crontab_schedules_are_valid(path):
    env, jobs = crontab_jobs(path)
    assert env["SHELL"] == "/bin/sh" and "MAILTO" in env and jobs
    ranges = [(0, 59), (0, 23), (1, 31), (1, 12), (0, 7)]
    for schedule, command in jobs:
        for value, (low, high) in zip(schedule, ranges):
            for part in value.split(","):
                if part != "*":
                    assert low <= int(part) <= high, schedule
        assert "%" not in command   # cron turns % into newlines
        assert re.search(r"\btenderarchive (crawl|report|status)\b|schedule\.json", command), command
    assert any("tenderarchive status" in c for _, c in jobs)


def test_the_crawl_of_the_crontab_is_quiet():
    _, jobs = crontab_jobs()
    crawl = [c for _, c in jobs if "tenderarchive crawl" in c]
    assert len(crawl) == 1 and "--quiet" in crawl[0]


def test_the_crontab_crawl_line_runs_crawls_and_reports(snapshot, serve_api, tmp_path):
    """Run the crawl job's command line as cron would (/bin/sh, the crontab's variables), with the
    paths pointed at this checkout and the source at the loopback API."""
    server = serve_api(snapshot)
    env, jobs = crontab_jobs()
    [command] = [c for _, c in jobs if "tenderarchive crawl" in c]
    (tmp_path / "watchlist.yaml").write_text("- name: Heerlen\n  municipalities: Heerlen\n")
    test_options = (f"--api-url {server.api_url} -s DOWNLOAD_DELAY=0 -s AUTOTHROTTLE_ENABLED=False "
                    f"--from-date 2017-01-01 --until-date 2022-12-31")
    command = command.replace("crawl tenderned", f"crawl tenderned {test_options}")
    command = command.replace(".venv/bin/tenderarchive", f"{VENV_BIN}/python -m tenderarchive.cli")
    command = command.replace("--email", "")   # e-mail is tested in tests/watch/test_watch.py
    cron_env = {**env, "PATH": f"{VENV_BIN}:/usr/bin:/bin", "HOME": str(tmp_path),
                "TA_HOME": str(ROOT), "TA_DB": str(tmp_path / "archive.db"),
                "TA_WATCHLIST": str(tmp_path / "watchlist.yaml")}
    out = subprocess.run(["/bin/sh", "-c", command], env=cron_env, capture_output=True, text=True, timeout=240)
    assert out.returncode == 0, out.stderr
    assert "Heerlen: 3" in out.stdout            # the report is what cron mails
    assert "INFO" not in out.stderr               # --quiet: no progress chatter in the mail
    assert (tmp_path / "reports" / "crawl-1.md").exists()
    assert sqlite_utils.Database(tmp_path / "archive.db")["notices"].count == 12


def test_the_crontab_crawl_line_reports_a_failed_crawl_and_exits_with_its_code(snapshot, serve_api, tmp_path):
    """The crawl job's line as cron runs it, TenderNed's list answering 500: the crawl fails (exit 1). The line ran
    the report only after a complete (0) or partial (3) crawl, and the report printed under ``--quiet`` only what
    matched: the journalist heard of the failed night nothing but the crawl's log lines. Its report runs, says the
    crawl failed and what went wrong (cron mails it), and the line still exits with the crawl's code."""
    server = serve_api(snapshot)
    server.api.faults["/papi/tenderned-rs-tns/v2/publicaties"] = [{"status": 500}] * 50
    env, jobs = crontab_jobs()
    [command] = [c for _, c in jobs if "tenderarchive crawl" in c]
    (tmp_path / "watchlist.yaml").write_text("- name: Heerlen\n  municipalities: Heerlen\n")
    test_options = (f"--api-url {server.api_url} -s DOWNLOAD_DELAY=0 -s AUTOTHROTTLE_ENABLED=False -s RETRY_TIMES=0 "
                    f"--from-date 2017-01-01 --until-date 2022-12-31")
    command = command.replace("crawl tenderned", f"crawl tenderned {test_options}")
    command = command.replace(".venv/bin/tenderarchive", f"{VENV_BIN}/python -m tenderarchive.cli")
    cron_env = {**env, "PATH": f"{VENV_BIN}:/usr/bin:/bin", "HOME": str(tmp_path),
                "TA_HOME": str(ROOT), "TA_DB": str(tmp_path / "archive.db"),
                "TA_WATCHLIST": str(tmp_path / "watchlist.yaml")}
    out = subprocess.run(["/bin/sh", "-c", command], env=cron_env, capture_output=True, text=True, timeout=240)
    assert out.returncode == 1, out.stderr
    assert "WARNING: crawl 1 failed: some new or changed notices may be missing" in out.stdout, out.stdout
    assert "What went wrong in crawl 1" in out.stdout and "/publicaties" in out.stdout
    assert "== Heerlen: nothing new ==" in out.stdout
    assert (tmp_path / "reports" / "last-reported.txt").read_text().strip() == "1"


def scrapyd_cron_line(kind: str) -> str:
    """The job of deploy/scrapyd/crontab.example that schedules ``kind``'s crawl (tenderned, news) or runs ``report``."""
    _, jobs = crontab_jobs(DEPLOY / "scrapyd" / "crontab.example")
    [line] = [c for _, c in jobs if (f"spider={kind}" in c if kind != "report" else "tenderarchive report" in c)]
    return line


def test_the_scrapyd_crontab_report_line_exits_with_the_worst_reported_crawl(snapshot, serve_api, tmp_path):
    """Where scrapyd runs the crawls, the morning report line of deploy/scrapyd/crontab.example is the only job cron
    (and a monitor reading its exit codes) sees. It ran ``report --unreported`` without ``--crawl-exit`` (the shipped
    recipes had no line for scrapyd at all), which exits 0 once the report is out: a night whose crawl failed was a
    good night to cronic or a healthchecks ping. Here a complete crawl, then a failed one (TenderNed's list answering
    500), each as scrapyd runs it (a crawl of the archive, no report): the line prints the failed crawl's report and
    exits 1 (exitcodes.FAILED); the next morning, nothing new, it prints nothing and exits 0."""
    server = serve_api(snapshot)
    env, _ = crontab_jobs(DEPLOY / "scrapyd" / "crontab.example")
    line = scrapyd_cron_line("report")
    assert "--crawl-exit" in line and "--unreported" in line and "--quiet" in line
    db, watchlist = tmp_path / "archive.db", tmp_path / "watchlist.yaml"
    watchlist.write_text("- name: Heerlen\n  municipalities: Heerlen\n")
    cron_env = {**env, "PATH": f"{VENV_BIN}:/usr/bin:/bin", "HOME": str(tmp_path), "TA_HOME": str(ROOT),
                "TA_DB": str(db), "TA_WATCHLIST": str(watchlist)}
    command = line.replace(".venv/bin/tenderarchive", f"{VENV_BIN}/python -m tenderarchive.cli")

    def morning():
        return subprocess.run(["/bin/sh", "-c", command], env=cron_env, capture_output=True, text=True, timeout=240)

    def crawl(*settings):
        return installed("crawl", "tenderned", "--db", db, "--quiet", "--api-url", server.api_url,
                         "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", *settings,
                         "--from-date", "2017-01-01", "--until-date", "2022-12-31", cwd=tmp_path)

    assert crawl().returncode == 0
    first = morning()
    assert first.returncode == 0, first.stdout + first.stderr
    assert "Heerlen: 3" in first.stdout
    server.api.faults["/papi/tenderned-rs-tns/v2/publicaties"] = [{"status": 500}] * 50
    assert crawl("-s", "RETRY_TIMES=0").returncode == 1
    failed = morning()
    assert failed.returncode == 1, failed.stdout + failed.stderr     # what cronic or a healthchecks ping reads
    assert "WARNING: crawl 2 failed: some new or changed notices may be missing" in failed.stdout, failed.stdout
    assert (tmp_path / "reports" / "last-reported.txt").read_text().strip() == "2"
    quiet = morning()
    assert quiet.returncode == 0 and not quiet.stdout.strip(), quiet.stdout + quiet.stderr


def test_the_crontab_health_check_prints_and_fails_only_when_the_check_fails(tmp_path):
    """The morning status line of deploy/crontab.example, run as cron would: on a fresh archive it prints nothing
    (no mail) and exits 0; once the last crawls are older than its --max-age-hours it prints what status said (cron
    mails it) and exits with status's code, 5. It ended with ``|| echo "$out"`` and so exited 0 (echo's) on a failed
    check: a cron wrapper or monitor reading exit codes, which the crawl line's comment promises, saw a good morning."""
    import sqlite3

    from tests.conftest import installed

    env, jobs = crontab_jobs()
    [status_line] = [c for _, c in jobs if "tenderarchive status" in c]
    db = tmp_path / "archive.db"
    assert installed("build-demo", "--db", db).returncode == 0
    cron_env = {**env, "PATH": f"{VENV_BIN}:/usr/bin:/bin", "HOME": str(tmp_path), "TA_HOME": str(ROOT),
                "TA_DB": str(db)}
    command = status_line.replace(".venv/bin/tenderarchive", f"{VENV_BIN}/python -m tenderarchive.cli")

    def morning():
        return subprocess.run(["/bin/sh", "-c", command], env=cron_env, capture_output=True, text=True, timeout=120)

    fresh = morning()
    assert fresh.returncode == 0 and not fresh.stdout.strip(), fresh.stdout + fresh.stderr
    hours = float(re.search(r"--max-age-hours (\d+)", status_line).group(1))
    with sqlite3.connect(db) as conn:          # the same crawls, finished longer ago than the check allows
        conn.execute("update crawls set started = datetime(started, ?), finished = datetime(finished, ?)",
                     [f"-{hours + 1} hours"] * 2)
    stale = morning()
    assert "stale" in stale.stdout, stale.stdout + stale.stderr    # what cron mails
    assert stale.returncode == 5, stale.returncode                  # what a monitor reads (exitcodes.STALE)


# --- systemd ---------------------------------------------------------------------------------------------
def unit(name: str) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str
    parser.read(DEPLOY / "systemd" / name)
    return parser


def stop_post(service: configparser.ConfigParser) -> list[str]:
    """The unit's ExecStopPost= as systemd runs it: split into words, ``$$`` (systemd's escape of ``$``) made ``$``."""
    return [word.replace("$$", "$") for word in shlex.split(service["Service"]["ExecStopPost"])]


def installed_program(tmp_path) -> Path:
    """A ``tenderarchive`` program in ``tmp_path`` running this checkout, for the units' installed one."""
    program = tmp_path / "tenderarchive"
    program.write_text(f"#!/bin/sh\nexec {sys.executable} -m tenderarchive.cli \"$@\"\n")
    program.chmod(0o755)
    return program


def stop_post_here(service: configparser.ConfigParser, tmp_path, db, watchlist) -> list[str]:
    """The unit's ``ExecStopPost=`` command (:func:`stop_post`) with this checkout's program, ``watchlist`` and ``db``
    in place of the installed paths."""
    command = stop_post(service)
    command[2] = (command[2].replace("/opt/tenderarchive/.venv/bin/tenderarchive", str(installed_program(tmp_path)))
                  .replace("/etc/tenderarchive/watchlist.yaml", str(watchlist))
                  .replace("/var/lib/tenderarchive/archive.db", str(db)))
    return command


def report_after(service: configparser.ConfigParser) -> list[str]:
    """The report command the unit's ExecStopPost= runs after the crawl (inside its ``/bin/sh -c`` script)."""
    command = stop_post(service)
    assert command[:2] == ["/bin/sh", "-c"], command
    return shlex.split(re.search(r"\bexec (.*?) ;;", command[2]).group(1))


@pytest.mark.parametrize("name, spider", [("tenderarchive-crawl", "tenderned"), ("tenderarchive-news", "news")])
def test_systemd_service_runs_a_quiet_crawl_then_the_report(name, spider):
    """TenderNed and the news sites each have a unit and a timer (journalists follow both); the news
    crawl runs later in the night, and its report takes every crawl not reported yet."""
    service = unit(f"{name}.service")
    start = shlex.split(service["Service"]["ExecStart"])
    assert start[0].endswith("/tenderarchive") and start[1:3] == ["crawl", spider]
    assert "--quiet" in start and "--db" in start
    assert service["Service"]["Type"] == "oneshot"
    post = report_after(service)
    assert post[0] == start[0] and post[1] == "report" and "--watchlist" in post and "--email" in post
    assert "--unreported" in post and post[post.index("--db") + 1] == start[start.index("--db") + 1]
    assert service["Service"]["SuccessExitStatus"].split() == ["3"]   # partial still reports
    assert service["Service"]["TimeoutStopSec"] not in ("", "0", "infinity")   # the report's time: not 90 s
    timer = unit(f"{name}.timer")
    assert timer["Timer"]["Unit"] == f"{name}.service"
    assert timer["Timer"]["Persistent"] == "true" and timer["Install"]["WantedBy"] == "timers.target"
    times = {unit(f"{n}.timer")["Timer"]["OnCalendar"] for n in ("tenderarchive-crawl", "tenderarchive-news")}
    assert len(times) == 2   # not at the same time: the second would find the lock (exit 4)


@pytest.mark.parametrize("name", ["tenderarchive-crawl", "tenderarchive-news"])
def test_systemd_service_reports_a_failed_crawl_the_same_night(name, snapshot, serve_api, tmp_path):
    """The report ran as ExecStartPost=, which systemd runs only after a start the unit counts as success: after a
    failed crawl (exit 1) it did not run, and the failed crawl's report, with what went wrong, went out with the
    next night's --unreported. It runs as ExecStopPost= (after the crawl however it ended), reads the crawl's exit
    code from $EXIT_STATUS, and reports after exit 0, 1 and 3, not after exit 4 (the lock: this run did nothing).
    Here a failed crawl (TenderNed's list answering 500), then the unit's ExecStopPost= run by hand with the
    environment systemd gives it (EXIT_CODE, EXIT_STATUS, SERVICE_RESULT), the paths pointed at this test."""
    service = unit(f"{name}.service")
    assert "ExecStartPost" not in service["Service"]     # skipped after a failed crawl
    server = serve_api(snapshot)
    server.api.faults["/papi/tenderned-rs-tns/v2/publicaties"] = [{"status": 500}] * 50
    db, watchlist = tmp_path / "archive.db", tmp_path / "watchlist.yaml"
    watchlist.write_text("- name: Heerlen\n  municipalities: Heerlen\n")
    crawl = installed("crawl", "tenderned", "--db", db, "--quiet", "--api-url", server.api_url,
                      "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "RETRY_TIMES=0",
                      "--from-date", "2017-01-01", "--until-date", "2022-12-31", cwd=tmp_path)
    assert crawl.returncode == 1, crawl.stderr                # failed: not in SuccessExitStatus=, the unit fails

    command = stop_post_here(service, tmp_path, db, watchlist)
    command[2] = command[2].replace(" --email", "")  # e-mail: tests/watch

    def stopped(status: str, code: str = "exited", result: str = "exit-code") -> subprocess.CompletedProcess:
        env = {"PATH": f"{VENV_BIN}:/usr/bin:/bin", "HOME": str(tmp_path), "SERVICE_RESULT": result,
               "EXIT_CODE": code, "EXIT_STATUS": status}
        return subprocess.run(command, env=env, cwd=tmp_path, capture_output=True, text=True, timeout=120)

    locked = stopped("4")                                     # the lock: nothing crawled, nothing to report
    assert locked.returncode == 0 and not locked.stdout, locked.stdout + locked.stderr
    assert not (tmp_path / "reports" / "last-reported.txt").exists()
    killed = stopped("KILL", code="killed", result="signal")  # the crawl still "running": the next night reports it
    assert killed.returncode == 0 and not killed.stdout, killed.stdout + killed.stderr
    out = stopped(str(crawl.returncode))
    assert out.returncode == 0, out.stdout + out.stderr       # the unit's result stays the crawl's
    assert "WARNING: crawl 1 failed: some new or changed notices may be missing" in out.stdout, out.stdout
    assert "What went wrong in crawl 1" in out.stdout and "/publicaties" in out.stdout
    assert (tmp_path / "reports" / "last-reported.txt").read_text().strip() == "1"
    assert stopped("0", result="success").stdout == ""      # reported once: --unreported has nothing left


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze is not installed")
def test_systemd_units_verify(tmp_path):
    """`systemd-analyze verify` on the units, with the install paths pointed at this checkout
    (verify checks that ExecStart's program exists) and without User= (no such user here)."""
    program = installed_program(tmp_path)
    names = ("tenderarchive-crawl.service", "tenderarchive-crawl.timer", "tenderarchive-news.service",
             "tenderarchive-news.timer", "tenderarchive-status.service", "tenderarchive-status.timer")
    for name in names:
        text = (DEPLOY / "systemd" / name).read_text()
        text = text.replace("/opt/tenderarchive/.venv/bin/tenderarchive", str(program))
        text = re.sub(r"^(User|Group)=.*\n", "", text, flags=re.M)
        (tmp_path / name).write_text(text)
    out = subprocess.run(["systemd-analyze", "verify", *(str(tmp_path / name) for name in names)],
                         capture_output=True, text=True, timeout=60)
    problems = [line for line in (out.stdout + out.stderr).splitlines()
                if "tenderarchive" in line and not re.search(r"Failed to (connect|initialize)|not booted", line)]
    assert out.returncode == 0 or not problems, out.stdout + out.stderr
    assert not problems, problems


def test_the_systemd_health_check_fails_when_a_source_is_stale_or_failed(tmp_path):
    """tenderarchive-status.service runs `tenderarchive status` on the crawl units' archive every morning
    and when a crawl unit fails (OnFailure=): exit 0 on a fresh archive, and a failed unit (exit 5, not
    a success status) once the last successful crawl is older than its --max-age-hours."""
    import sqlite3

    from tests.conftest import installed

    service = unit("tenderarchive-status.service")["Service"]
    start = shlex.split(service["ExecStart"])
    assert start[0].endswith("/tenderarchive") and start[1] == "status" and service["Type"] == "oneshot"
    assert "5" not in service.get("SuccessExitStatus", "").split()     # exit 5 fails the unit
    crawl_db = shlex.split(unit("tenderarchive-crawl.service")["Service"]["ExecStart"])
    assert start[start.index("--db") + 1] == crawl_db[crawl_db.index("--db") + 1]
    timer = unit("tenderarchive-status.timer")
    assert timer["Timer"]["Unit"] == "tenderarchive-status.service" and timer["Timer"]["Persistent"] == "true"
    for name in ("tenderarchive-crawl", "tenderarchive-news"):
        assert unit(f"{name}.service")["Unit"]["OnFailure"] == "tenderarchive-status.service"

    db = tmp_path / "archive.db"
    assert installed("build-demo", "--db", db).returncode == 0
    args = start[1:]
    args[args.index("--db") + 1] = str(db)
    out = installed(*args, cwd=tmp_path)
    assert out.returncode == 0 and "sources:" in out.stdout, out.stdout + out.stderr
    hours = float(args[args.index("--max-age-hours") + 1])
    with sqlite3.connect(db) as conn:          # the same crawls, finished longer ago than the check allows
        conn.execute("update crawls set started = datetime(started, ?), finished = datetime(finished, ?)",
                     [f"-{hours + 1} hours"] * 2)
    out = installed(*args, cwd=tmp_path)
    assert out.returncode == 5 and "stale" in out.stdout, out.stdout + out.stderr


def test_the_operations_guide_gives_the_health_check_as_the_unit_runs_it():
    """docs/operations.md said the health check runs `status --max-age-hours 48 --limit 3` and fails when a source is
    stale or its last crawl failed; the unit also runs it with `--expect tenderned,news`, which fails it when a crawl
    unit never ran (its timer not enabled): a journalist reading why the check failed found no such case."""
    start = shlex.split(unit("tenderarchive-status.service")["Service"]["ExecStart"])
    db = start.index("--db")
    unit_args = start[1:db] + start[db + 2:]
    guide = (ROOT / "docs" / "operations.md").read_text(encoding="utf-8")
    section = guide[guide.index("#### Health check"):]
    said = re.search(r"`tenderarchive (status [^`]*)`", section).group(1).split()
    assert said == unit_args
    assert "no crawl" in section[:section.index("```")]


# --- scrapyd ---------------------------------------------------------------------------------------------
def test_pyproject_declares_the_scrapy_settings_entry_point():
    """scrapyd finds an egg's settings module through the ``scrapy.settings`` entry point; setuptools
    ignores the one scrapyd-deploy puts in its generated setup.py because pyproject.toml declares
    entry points, so pyproject.toml must declare it."""
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert project.get("entry-points", {}).get("scrapy", {}).get("settings") == "tenderarchive.settings"


def copy_project(target: Path) -> Path:
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.db", "*.egg-info", "build")
    target.mkdir()
    for name in ("scrapy.cfg", "pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, target / name)
    for package in ("tenderarchive", "spiders", "pipelines"):
        shutil.copytree(ROOT / package, target / package, ignore=ignore)
    pyproject = (target / "pyproject.toml").read_text()
    if "[project.entry-points.scrapy]" not in pyproject:   # see the test above
        (target / "pyproject.toml").write_text(
            pyproject + '\n[project.entry-points.scrapy]\nsettings = "tenderarchive.settings"\n')
    return target


def get_json(url: str, data: list[tuple[str, str]] | None = None) -> dict:
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    with urllib.request.urlopen(url, data=body, timeout=30) as response:
        return json.loads(response.read())


def test_scrapyd_deploys_the_project_and_runs_a_scheduled_crawl(snapshot, serve_api, tmp_path):
    api = serve_api(snapshot)
    port = free_port()
    home = tmp_path / "scrapyd"
    home.mkdir()
    conf = configparser.ConfigParser(interpolation=None)
    conf.read(DEPLOY / "scrapyd" / "scrapyd.conf")
    conf["scrapyd"].update({"http_port": str(port), "eggs_dir": str(home / "eggs"),
                            "logs_dir": str(home / "logs"), "dbs_dir": str(home / "dbs")})
    assert conf["scrapyd"]["bind_address"] == "127.0.0.1"
    with open(home / "scrapyd.conf", "w") as handle:
        conf.write(handle)
    base = f"http://127.0.0.1:{port}"
    scrapyd = subprocess.Popen([str(VENV_BIN / "scrapyd")], cwd=home, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    try:
        for _ in range(120):
            try:
                assert get_json(f"{base}/daemonstatus.json")["status"] == "ok"
                break
            except OSError:
                time.sleep(0.25)
        else:
            pytest.fail("scrapyd did not start within 30 s")

        # The schedule line of deploy/scrapyd/crontab.example, as cron runs it, pointed at this scrapyd, the loopback
        # API and a fixed window; before the project is deployed scrapyd refuses the job: the line says so, exits 1
        env, _ = crontab_jobs(DEPLOY / "scrapyd" / "crontab.example")
        db = tmp_path / "archive.db"
        cron_env = {**env, "PATH": f"{VENV_BIN}:/usr/bin:/bin", "HOME": str(tmp_path), "TA_HOME": str(ROOT),
                    "TA_DB": str(db), "TA_WATCHLIST": str(tmp_path / "watchlist.yaml"), "SCRAPYD": base}
        (tmp_path / "watchlist.yaml").write_text("- name: Heerlen\n  municipalities: Heerlen\n")
        test_options = " ".join(f"-d {option}" for option in (
            f"setting=TENDERNED_API_URL={api.api_url}", "setting=DOWNLOAD_DELAY=0", "setting=AUTOTHROTTLE_ENABLED=False",
            "from_date=2017-01-01", "until_date=2022-12-31", "note=scheduled-by-scrapyd"))
        schedule = scrapyd_cron_line("tenderned").replace("-d spider=tenderned", f"-d spider=tenderned {test_options}")

        def cron(line):
            command = line.replace(".venv/bin/tenderarchive", f"{VENV_BIN}/python -m tenderarchive.cli")
            return subprocess.run(["/bin/sh", "-c", command], env=cron_env, capture_output=True, text=True,
                                  timeout=240)

        refused = cron(schedule)
        assert refused.returncode == 1 and "scrapyd did not schedule the crawl" in refused.stdout, refused

        # Deploy as documented: scrapyd-deploy with the [deploy] target of scrapy.cfg (pointed at
        # this scrapyd), from a copy of the project so the build leaves nothing in the checkout.
        source = copy_project(tmp_path / "project")
        cfg = (source / "scrapy.cfg").read_text()
        assert "url = http://127.0.0.1:6800/" in cfg
        (source / "scrapy.cfg").write_text(cfg.replace("http://127.0.0.1:6800/", f"{base}/"))
        out = subprocess.run([str(VENV_BIN / "scrapyd-deploy"), "--version", "r1"], cwd=source,
                             capture_output=True, text=True, timeout=300)
        assert out.returncode == 0, out.stdout + out.stderr
        assert get_json(f"{base}/listprojects.json")["projects"] == ["tenderarchive"]
        assert get_json(f"{base}/listspiders.json?project=tenderarchive")["spiders"] == ["news", "tenderned"] \
            or "tenderned" in get_json(f"{base}/listspiders.json?project=tenderarchive")["spiders"]

        scheduled = cron(schedule)
        assert scheduled.returncode == 0 and not scheduled.stdout.strip(), scheduled   # cron mails nothing
        for _ in range(480):
            jobs = get_json(f"{base}/listjobs.json?project=tenderarchive")
            if jobs["finished"] and not jobs["pending"] and not jobs["running"]:
                break
            time.sleep(0.25)
        else:
            pytest.fail(f"the scrapyd job did not finish within 120 s: {jobs}")
        [job] = jobs["finished"]
        log = next((home / "logs").rglob(f"{job['id']}.log")).read_text()
        archive = sqlite_utils.Database(db)
        crawls = list(archive["crawls"].rows)
        assert [(c["status"], c["note"]) for c in crawls] == [("complete", "scheduled-by-scrapyd")], log[-3000:]
        assert archive["notices"].count == 12
        # the morning's report line: the crawl scrapyd ran, reported; complete, so exit 0
        report = cron(scrapyd_cron_line("report"))
        assert report.returncode == 0 and "Heerlen: 3" in report.stdout, report.stdout + report.stderr
    finally:
        scrapyd.terminate()
        scrapyd.wait(timeout=30)


# --- package data in a wheel or a zipped egg ---------------------------------------------------------------
ZIPPED_READS = """
import sys, zipimport
import tenderarchive
assert isinstance(tenderarchive.__loader__, zipimport.zipimporter), tenderarchive.__loader__
from tenderarchive.analysis import learned
from tenderarchive import metadata, research, research_map, reference, sources
from tenderarchive.profiles import load_profile
from tenderarchive.search import text
weights = (learned._shipped().get("relevance") or {}).get("weights")
assert weights, learned._shipped()
tables = metadata.load_metadata()["databases"]["archive"]["tables"]
assert {"notices", "organisations", "lots"} <= set(tables), sorted(tables)
assert "{%" in research.TEMPLATE.read_text(encoding="utf-8")
assert research_map._features("jeugdregios") and research_map._features("gemeenten")
print(len(weights), len(tables), "ok")
"""


def test_package_data_is_in_the_wheel_and_read_from_a_zip(tmp_path):
    """scrapyd runs a crawl from a zipped egg, where package data is no file on disk: the learned
    model, the data dictionary, the research template and the map's boundaries are read through
    importlib.resources. The wheel built from a copy of the project is imported as a zip (zipimport)."""
    source = copy_project(tmp_path / "project")
    # the build backend comes from pip's configured local indexes, as `make install` gets it (no network)
    out = subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps",
                          "-w", str(tmp_path / "dist"), str(source)],
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stdout + out.stderr
    [wheel] = (tmp_path / "dist").glob("tenderarchive-*.whl")
    import zipfile
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {"tenderarchive/analysis/model.json", "tenderarchive/datasette/metadata.yaml",
            "tenderarchive/datasette/templates/research.html", "tenderarchive/data/jeugdregios_2025.geojson",
            "tenderarchive/sources.yaml"} <= names
    run = subprocess.run([sys.executable, "-c", ZIPPED_READS], cwd=tmp_path, capture_output=True, text=True,
                         timeout=120, env={"PYTHONPATH": str(wheel), "PATH": "/usr/bin:/bin"})
    assert run.returncode == 0 and run.stdout.strip().endswith("ok"), run.stdout + run.stderr


def test_an_installed_wheel_serves_the_glossary(tmp_path):
    """``/-/woordenlijst`` read docs/glossary.md of the checkout: a package installed from a wheel (no docs/ beside
    it) answered 404 "hoort bij de broncode". The build copies the glossary into the package (setup.py,
    MANIFEST.in for a wheel built from the sdist); the wheel is built from a copy of the project, unpacked as
    site-packages are, and its demo served: the page is the glossary, read from the package."""
    source = copy_project(tmp_path / "project")
    for name in ("setup.py", "MANIFEST.in", "docs/glossary.md"):
        (source / name).parent.mkdir(exist_ok=True)
        shutil.copy(ROOT / name, source / name)
    out = subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps",
                          "-w", str(tmp_path / "dist"), str(source)],
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stdout + out.stderr
    [wheel] = (tmp_path / "dist").glob("tenderarchive-*.whl")
    import zipfile
    site = tmp_path / "site-packages"
    zipfile.ZipFile(wheel).extractall(site)
    assert (site / "tenderarchive" / "glossary.md").read_bytes() == (ROOT / "docs" / "glossary.md").read_bytes()
    env = {"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"}
    cli = [sys.executable, "-c", "import sys, tenderarchive, tenderarchive.cli as cli; "
           f"assert tenderarchive.__file__.startswith({str(site)!r}), tenderarchive.__file__; sys.exit(cli.main())"]
    db = tmp_path / "archive.db"
    built = subprocess.run(cli + ["build-demo", "--db", str(db)], cwd=tmp_path, capture_output=True, text=True,
                           timeout=300, env=env)
    assert built.returncode == 0, built.stdout + built.stderr
    port = free_port()
    serve = subprocess.Popen(cli + ["serve", "--db", str(db), "--port", str(port)], cwd=tmp_path, env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        for _ in range(120):  # bounded: a minute
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/-/woordenlijst", timeout=30) as response:
                    page = response.read().decode("utf-8")
                break
            except urllib.error.HTTPError as error:
                pytest.fail(f"/-/woordenlijst answered {error.code}: {error.read()[:300]!r}")
            except OSError:
                assert serve.poll() is None, serve.stdout.read()
                time.sleep(0.5)
        else:
            pytest.fail("serve never answered")
    finally:
        serve.terminate()
        serve.wait(timeout=30)
    assert "Woordenlijst" in page and 'id="stage-ids"' in page and "aanbesteding" in page


def test_an_editable_install_still_builds(tmp_path):
    """``make install`` is ``pip install -e``: setuptools builds an editable wheel whose ``build_py`` has no package
    folder to copy the glossary into (setup.py's copy failed: "could not create …/tenderarchive/glossary.md", and
    with it every fresh checkout's ``make install``). An editable install reads the checkout's docs/ and copies
    nothing; the install of a copy of the project succeeds."""
    source = copy_project(tmp_path / "project")
    for name in ("setup.py", "MANIFEST.in", "docs/glossary.md"):
        (source / name).parent.mkdir(exist_ok=True)
        shutil.copy(ROOT / name, source / name)
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    out = subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", "--no-deps", "-e",
                          str(source)], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stdout[-2000:] + out.stderr[-2000:]
    assert not (source / "tenderarchive" / "glossary.md").exists()  # no second text beside docs/glossary.md


def test_the_crontab_lines_over_nights_that_change_one_where_the_api_is_down(snapshot, serve_api, tmp_path):
    """The journalist's path (docs/operations.md "cron") over four nights, each job run as cron would from
    deploy/crontab.example: the crawl line (crawl --quiet, then the report after exit 0, 1 or 3) and the morning
    status line. Night 2 brings a rectification and a changed contract notice: the report names both. Night 3 the
    API is down (nothing listens): the crawl line prints the failure (cron mails it) and exits with the crawl's code
    (it ended with the report's ``if``, 0: a cron wrapper or monitor reading exit codes saw a good night), its report
    says it failed and what went wrong, nothing archived is lost, and the morning status line prints the failed source. Night 4 (back up)
    lists again and completes; the next morning's status line prints nothing."""
    from tests.conftest import by_id, make_publication
    server = serve_api(snapshot)
    env, jobs = crontab_jobs()
    [crawl_line] = [c for _, c in jobs if "tenderarchive crawl" in c]
    [status_line] = [c for _, c in jobs if "tenderarchive status" in c]
    (tmp_path / "watchlist.yaml").write_text("- name: Heerlen\n  municipalities: Heerlen\n")
    cron_env = {**env, "PATH": f"{VENV_BIN}:/usr/bin:/bin", "HOME": str(tmp_path), "TA_HOME": str(ROOT),
                "TA_DB": str(tmp_path / "archive.db"), "TA_WATCHLIST": str(tmp_path / "watchlist.yaml")}

    def night(api_url, line=crawl_line):
        options = (f"--api-url {api_url} -s DOWNLOAD_DELAY=0 -s AUTOTHROTTLE_ENABLED=False -s RETRY_TIMES=1 "
                   f"-s RETRY_AFTER_MAX=1 --from-date 2017-01-01 --until-date 2022-12-31")
        command = line.replace("crawl tenderned", f"crawl tenderned {options}")
        command = command.replace(".venv/bin/tenderarchive", f"{VENV_BIN}/python -m tenderarchive.cli")
        return subprocess.run(["/bin/sh", "-c", command], env=cron_env, capture_output=True, text=True, timeout=300)

    def db():
        return sqlite_utils.Database(tmp_path / "archive.db")

    first = night(server.api_url)
    assert first.returncode == 0, first.stderr
    assert "Heerlen: 3" in first.stdout
    archived = db()["notices"].count

    # night 2: a rectification of the Heerlen procedure, and its contract notice's title changed
    contract = by_id(snapshot, 100101)
    snapshot.append(make_publication(by_id(snapshot, 100131), 100150, "2018-07-05", kenmerk=160417,
                                     title="Rectificatie Jeugdhulp Heerlen"))
    contract["detail"]["aanbestedingNaam"] = contract["list"]["aanbestedingNaam"] = "Jeugdhulp Heerlen 2019-2023"
    second = night(server.api_url)
    assert second.returncode == 0, second.stderr
    assert "100150" in second.stdout and "Rectificatie Jeugdhulp Heerlen" in second.stdout, second.stdout
    assert "Jeugdhulp Heerlen 2019-2023" in second.stdout, second.stdout
    assert db()["notices"].count == archived + 1

    # night 3: the API is down
    down = f"http://127.0.0.1:{free_port()}/papi/tenderned-rs-tns/v2"
    third = night(down)
    assert third.returncode == 1, (third.returncode, third.stderr)  # the crawl's: failed (exitcodes.FAILED)
    assert third.stderr.strip() and "ERROR" in third.stderr, third.stderr  # what cron mails
    # its report, though nothing matched: the crawl failed and why (it printed nothing, the night read as no news)
    assert "WARNING: crawl 3 failed" in third.stdout and "Connection refused" in third.stdout, third.stdout
    assert db()["notices"].count == archived + 1
    last = next(db().query("select status, errors from crawls order by crawl_id desc limit 1"))
    assert last["status"] == "failed" and "Connection refused" in last["errors"], last
    morning = subprocess.run(["/bin/sh", "-c", status_line.replace(
        ".venv/bin/tenderarchive", f"{VENV_BIN}/python -m tenderarchive.cli")], env=cron_env,
        capture_output=True, text=True, timeout=120)
    assert "tenderned" in morning.stdout and "failed" in morning.stdout, morning.stdout

    # night 4: back up
    fourth = night(server.api_url)
    assert fourth.returncode == 0, fourth.stderr
    assert next(db().query("select status from crawls order by crawl_id desc limit 1"))["status"] == "complete"
    assert db()["notices"].count == archived + 1
    morning = subprocess.run(["/bin/sh", "-c", status_line.replace(
        ".venv/bin/tenderarchive", f"{VENV_BIN}/python -m tenderarchive.cli")], env=cron_env,
        capture_output=True, text=True, timeout=120)
    assert not morning.stdout.strip(), morning.stdout


def test_systemd_stop_post_mails_each_crawls_report_once_over_nights_that_succeed_are_killed_and_fail(
        snapshot, serve_api, tmp_path, smtp_server):
    """The unit's ExecStopPost= line exactly as systemd runs it (``/bin/sh -c`` with ``$$`` made ``$``, ``--email``
    kept), after real loopback crawls, with the environment systemd sets: night 1 a complete crawl (SERVICE_RESULT
    success, EXIT_CODE exited, EXIT_STATUS 0); night 2 a crawl killed by a signal mid-crawl (signal, killed, KILL: no
    report that night); night 3 a failed crawl (exit-code, exited, 1); night 4 the lock (exit 4). Each crawl's report
    is mailed once and only once: night 3 mails the killed crawl's and its own, and no later run mails any again."""
    import email
    import os
    import signal

    from tests.conftest import FAST, slowed_publications, wait_for_notices

    service = unit("tenderarchive-crawl.service")
    assert stop_post(unit("tenderarchive-news.service")) == stop_post(service)   # the news unit's line is the same
    server = serve_api(snapshot)
    db, watchlist = tmp_path / "archive.db", tmp_path / "watchlist.yaml"
    watchlist.write_text("- name: Jeugdhulp\n  keywords: jeugd\n")
    command = stop_post_here(service, tmp_path, db, watchlist)
    assert " --email" in command[2]
    crawl_args = ["crawl", "tenderned", "--db", str(db), "--quiet", "--api-url", server.api_url, *FAST,
                  "--from-date", "2017-01-01", "--until-date", "2022-12-31"]

    def stopped(status: str, code: str = "exited", result: str = "success") -> subprocess.CompletedProcess:
        env = {"PATH": f"{VENV_BIN}:/usr/bin:/bin", "HOME": str(tmp_path), "SERVICE_RESULT": result,
               "EXIT_CODE": code, "EXIT_STATUS": status, "TENDERARCHIVE_SMTP_HOST": "127.0.0.1",
               "TENDERARCHIVE_SMTP_PORT": str(smtp_server.port), "TENDERARCHIVE_SMTP_TO": "redactie@example.org",
               "TENDERARCHIVE_SMTP_TIMEOUT": "30"}
        out = subprocess.run(command, env=env, cwd=tmp_path, capture_output=True, text=True, timeout=180)
        assert out.returncode == 0, out.stdout + out.stderr
        return out

    def mailed() -> list[str]:
        return [" ".join(str(email.message_from_bytes(e.original_content)["Subject"]).split())
                for e in smtp_server.envelopes]

    first = installed(*crawl_args, cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    stopped("0")
    assert [re.search(r"\(crawl \d+[^)]*\)", s).group() for s in mailed()] == ["(crawl 1)"], mailed()

    # night 2: more notices, each answered slowly; systemd kills the crawl (TimeoutStopSec= ran out, or a KILL)
    publications, faults = slowed_publications(snapshot, 300000, 12, "2022-03")
    for publication in publications:
        server.api.add(publication)
    server.api.faults.update(faults)
    slow = ["-s", "CONCURRENT_REQUESTS_PER_DOMAIN=1", "-s", "ARCHIVE_BATCH_ITEMS=1"]   # the kill lands mid-crawl
    process = subprocess.Popen([sys.executable, "-m", "tenderarchive.cli", *crawl_args, *slow], cwd=tmp_path,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        wait_for_notices(db, sqlite_utils.Database(db)["notices"].count + 1)
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=60)
    assert next(sqlite_utils.Database(db).query("select status from crawls where crawl_id = 2"))["status"] == "running"
    stopped("KILL", code="killed", result="signal")
    assert len(mailed()) == 1, mailed()

    # night 3: the list answers 500: the crawl fails, the unit fails; the report goes out that night
    server.api.faults["/papi/tenderned-rs-tns/v2/publicaties"] = [{"status": 500}] * 50
    third = installed(*crawl_args, "-s", "RETRY_TIMES=0", cwd=tmp_path)
    assert third.returncode == 1, third.stderr
    stopped("1", result="exit-code")
    subjects = [re.search(r"\(crawl \d+[^)]*\)", s).group() for s in mailed()]
    # the killed crawl, recorded failed by the crawl after it, says so; each mail lists what its subject counts
    assert subjects == ["(crawl 1)", "(crawl 2, failed)", "(crawl 3, failed)"], mailed()
    bodies = [email.message_from_bytes(e.original_content).get_payload()[0].get_payload(decode=True).decode()
              for e in smtp_server.envelopes]
    assert "! killed: no process ran this crawl" in bodies[1], bodies[1]
    for subject, body in zip(mailed(), bodies):
        new = int(re.search(r": (\d+) new", subject).group(1))
        assert body.count("\nNEW ") == new, (subject, body)

    # night 4: the other unit's crawl held the lock (exit 4), then a run by hand of the report line: nothing again
    stopped("4", result="exit-code")
    stopped("0")
    assert len(mailed()) == 3, mailed()
    assert (tmp_path / "reports" / "last-reported.txt").read_text().strip() == "3"
