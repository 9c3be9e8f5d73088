"""Benchmarks for award data (issue 10).

    .venv/bin/python bench/awards.py [--mb 110] [--skip-crawl]

1. **Extra requests per award notice**: a real crawl (``tenderarchive crawl tenderned``) of the
   SYNTHETIC award fixtures (tests/fixtures/awards/) served by the loopback TenderNed API
   (127.0.0.1 only), counting the API's requests by kind: list pages, details, documents,
   ``/html`` and ``/gerelateerd``. Printed: the extra requests (``/html`` + ``/gerelateerd``)
   per award notice and per archived notice, and a second identical run's requests.
2. **OCDS parse rate and peak memory**: a release package of at least ``--mb`` MB is generated
   locally in a temporary folder (never committed: ~1 in 60 procedures youth care, several
   releases per ocid spread over the file, as TenderNed's converter writes them) and read with
   :func:`tenderarchive.awards.ocds.read_package` in a child process. Printed: releases per
   second (both passes) and the child's peak RSS next to the file size: flat memory means the
   peak stays far below the file size.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tenderarchive.apiserver import APIServer, TenderNedAPI, load_publications  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "awards"
FAST = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "--quiet"]


def kind(path: str) -> str:
    path = path.split("?")[0]
    for suffix in ("/html", "/gerelateerd", "/documenten"):
        if path.endswith(suffix):
            return suffix.lstrip("/")
    return "list" if path.endswith("/publicaties") else "detail"


def crawl_requests(skip: bool) -> None:
    if skip:
        return
    publications = load_publications(FIXTURES)
    award_notices = sum(1 for p in publications if p["detail"].get("formType") == "result")
    api = TenderNedAPI(publications)
    with tempfile.TemporaryDirectory() as tmp, APIServer(api) as server:
        runs = []
        for run in (1, 2):
            began = len(api.log)
            command = [sys.executable, "-m", "tenderarchive.cli", "crawl", "tenderned", "--db", f"{tmp}/archive.db",
                       "--api-url", server.api_url, "--from-date", "2021-01-01", "--until-date", "2026-06-30", *FAST]
            subprocess.run(command, cwd=ROOT, capture_output=True, check=False, timeout=600)
            runs.append(Counter(kind(p) for p in api.log[began:]))
    first, second = runs
    extra = first["html"] + first["gerelateerd"]
    print("1. extra requests per award notice (synthetic award fixtures, loopback API)")
    print(f"   first run:  {dict(first)}")
    print(f"   award notices served: {award_notices}; /html + /gerelateerd requests: {extra} "
          f"= {extra / max(award_notices, 1):.2f} per award notice, "
          f"{extra / max(first['detail'], 1):.2f} per detail fetched")
    print(f"   second identical run: {dict(second)} (/html again: {second['html']})")


def generate(path: Path, megabytes: int, seed: int = 7) -> int:
    rng = random.Random(seed)
    target = megabytes * 1_000_000
    words = ("aanbesteding levering diensten onderhoud software wegen gebouw schoonmaak catering "
             "advies beveiliging energie vervoer installatie").split()
    releases = written = 0
    pending: list[tuple[int, int]] = []  # (ocid, releases still to write), so an ocid's rows are spread out
    with path.open("w", encoding="utf-8") as out:
        out.write('{"uri": "https://www.tenderned.nl/cms/nl/aanbesteden-in-cijfers/datasets-aanbestedingen", '
                  '"version": "1.1", "publishedDate": "2026-07-01T00:00:00Z", "releases": [\n')
        ocid = 400000
        while written < target or pending:
            if written < target and (not pending or rng.random() < 0.5):
                ocid += 1
                pending.append((ocid, rng.randint(1, 4)))
            index = rng.randrange(len(pending))
            current, left = pending[index]
            youth = current % 60 == 0
            lot = str(left)
            release = {
                "ocid": f"ocds-1l04xe-{current}", "id": f"{current}-{left}", "date": "2025-05-01T00:00:00Z",
                "tag": ["tender", "award"], "initiationType": "tender",
                "buyer": {"id": "GM0546", "name": "Gemeente Leiden"},
                "parties": [{"id": "GM0546", "name": "Gemeente Leiden", "roles": ["buyer"]},
                            {"id": f"{10000000 + current % 9999999:08d}", "name": f"Leverancier {current} B.V.",
                             "roles": ["supplier"], "address": {"locality": "Leiden", "countryName": "Nederland"}}],
                "tender": {"id": str(current), "title": ("Jeugdhulp perceel " if youth else "Opdracht ")
                           + " ".join(rng.choices(words, k=4)),
                           "description": " ".join(rng.choices(words, k=120)),
                           "classification": {"scheme": "CPV", "id": "85311300-5" if youth else "45000000-7"},
                           "value": {"amount": rng.randint(10_000, 9_000_000) + 0.25, "currency": "EUR"},
                           "lots": [{"id": lot, "title": f"Perceel {lot}"}]},
                "awards": [{"id": f"{current}-{lot}", "relatedLots": [lot],
                            "suppliers": [{"id": f"{10000000 + current % 9999999:08d}", "name": f"Leverancier {current} B.V."}],
                            "value": {"amount": rng.randint(10_000, 9_000_000) + 0.5, "currency": "EUR"}}],
                "bids": {"statistics": [{"id": f"3-{lot}", "measure": "requests", "value": rng.randint(1, 9),
                                         "relatedLot": lot}]},
            }
            text = ("," if releases else "") + json.dumps(release, ensure_ascii=False) + "\n"
            out.write(text)
            written += len(text.encode())
            releases += 1
            if left == 1:
                pending.pop(index)
            else:
                pending[index] = (current, left - 1)
        out.write("]}\n")
    return releases


CHILD = """
import json, resource, sys, time
from tenderarchive.awards.ocds import ReadReport, read_package
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
report = ReadReport(sys.argv[1])
began = time.perf_counter()
procedures = sum(1 for _ in read_package(sys.argv[1], report=report))
seconds = time.perf_counter() - began
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"releases": report.releases, "procedures": procedures, "errors": report.errors,
                  "seconds": seconds, "base_kb": base, "peak_kb": peak}))
"""


def ocds_rate(megabytes: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "Dataset_Tenderned-2025-01-01-2025-12-31.json"
        began = time.perf_counter()
        count = generate(path, megabytes)
        size = path.stat().st_size
        print(f"2. OCDS package generated: {size / 1e6:.1f} MB, {count} releases "
              f"({time.perf_counter() - began:.1f} s)")
        done = subprocess.run([sys.executable, "-c", CHILD, str(path)], cwd=ROOT, capture_output=True, text=True)
        if done.returncode:
            print(done.stderr[-2000:])
            return
        result = json.loads(done.stdout.strip().splitlines()[-1])
        rate = result["releases"] / result["seconds"]
        print(f"   read: {result['procedures']} youth-care procedures from {result['releases']} releases in "
              f"{result['seconds']:.1f} s = {rate:,.0f} releases/s (two streaming passes)")
        growth = (result["peak_kb"] - result["base_kb"]) * 1024
        print(f"   peak RSS {result['peak_kb'] / 1024:.1f} MB (after imports {result['base_kb'] / 1024:.1f} MB, "
              f"growth {growth / 1e6:.1f} MB) for a {size / 1e6:.1f} MB file: growth/file = {growth / size:.3f}")
        if result["errors"]:
            print(f"   errors: {result['errors']}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mb", type=int, default=110, help="size of the generated OCDS package (MB)")
    parser.add_argument("--skip-crawl", action="store_true", help="only the OCDS benchmark")
    args = parser.parse_args(argv)
    crawl_requests(args.skip_crawl)
    ocds_rate(args.mb)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
