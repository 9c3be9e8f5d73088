"""Record the bundled demo snapshot as WARC files (maintainers run this; the demo replays them).

    python -m tenderarchive.snapshot.record

Crawls, with the real spiders, (1) the synthetic TenderNed publications in
``snapshot/publications/`` served by the loopback API (with their ``/html`` award
renderings and ``/gerelateerd`` lists), (2) the synthetic datasets page and OCDS
package in ``snapshot/datasets/`` (spider ``tenderned_ocds``) and (3) the synthetic news
sites in ``tests/fixtures/news/`` (a checkout is needed), then rewrites every
loopback address in the records to the address the data is shaped after
(``https://www.tenderned.nl/...``, the sites' real base URLs), so the replayed demo
shows real-looking addresses and the spiders' default settings replay it. Every
file keeps the crawl note that marks it synthetic.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml
from warcio.archiveiterator import ArchiveIterator
from warcio.warcwriter import WARCWriter

from tenderarchive import TENDERNED_API_PATH, TENDERNED_SITE
from tenderarchive.apiserver import APIServer, TenderNedAPI, load_datasets, load_publications
from tenderarchive.sources import DEMO_REGISTRY

HERE = Path(__file__).parent
OUT = HERE / "warc"
ROOT = HERE.parent.parent
NOTE = "synthetic demo snapshot (tenderarchive/snapshot): not real TenderNed data or real news pages"
TENDERNED = TENDERNED_SITE + TENDERNED_API_PATH
SITES = {
    "leiderdorp": "https://www.leiderdorp.nl/",
    "kennemerdagblad": "https://www.kennemerdagblad.nl/",
    "heerlen": "https://www.heerlen.nl/",
    "jeugdhulpmvs": "https://jeugdhulpmvs.nl/",
    "jeugdhulprijnmond": "https://www.jeugdhulprijnmond.nl/",
}


def rewrite(path: Path, mapping: dict[str, str], target: Path) -> None:
    """Copy a WARC file with every key of ``mapping`` replaced by its value (URIs, bodies, warcinfo)."""
    def swap(data: bytes) -> bytes:
        for old, new in mapping.items():
            data = data.replace(old.encode(), new.encode())
        return data

    with open(path, "rb") as source, open(target, "wb") as out:
        writer = WARCWriter(out, gzip=True)
        for record in ArchiveIterator(source):
            body = swap(record.content_stream().read())
            headers = record.rec_headers
            uri = headers.get_header("WARC-Target-URI")
            if uri:
                headers.replace_header("WARC-Target-URI", swap(uri.encode()).decode())
            if record.rec_type == "warcinfo":
                new = writer.create_warcinfo_record(target.name, {})
                new.rec_headers = headers
                new.raw_stream = io.BytesIO(body)
                new.length = len(body)
                new.rec_headers.replace_header("Content-Length", str(len(body)))
                writer.write_record(new)
                continue
            http = record.http_headers
            http.replace_header("Content-Length", str(len(body)))
            writer.write_record(writer.create_warc_record(
                headers.get_header("WARC-Target-URI"), record.rec_type, payload=io.BytesIO(body),
                length=len(body), http_headers=http,
                warc_headers_dict={"WARC-Date": headers.get_header("WARC-Date")}))


def crawl(args: list[str]) -> None:
    subprocess.run([sys.executable, "-m", "tenderarchive.cli", "crawl", *args, "-s", "DOWNLOAD_DELAY=0",
                    "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "NEWS_LIVING_RECHECK_HOURS=0", "--note", NOTE],
                   check=True, cwd=ROOT)


def main() -> int:
    sys.path.insert(0, str(ROOT))
    from tests.fixtures.news.serve import serve_sites

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "archive.db"
        with APIServer(TenderNedAPI(load_publications(), datasets=load_datasets(HERE / "datasets"))) as server:
            crawl(["tenderned", "--db", str(db), "--api-url", server.api_url,
                   "--from-date", "2017-01-01", "--until-date", "2022-12-31"])
            crawl(["tenderned_ocds", "--db", str(db), "-s", f"TENDERNED_DATASETS_URL={server.datasets_url}"])
            mapping = {server.api_url: TENDERNED, server.datasets_url.split("/cms/")[0]: TENDERNED_SITE}
        with serve_sites() as base_urls:
            data = yaml.safe_load((ROOT / "tests/fixtures/news/sources.yaml").read_text(encoding="utf-8"))
            for site in data["sites"]:
                site["base_url"] = base_urls[site["name"]]
            registry = Path(tmp) / "sources.yaml"
            registry.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
            crawl(["news", "--db", str(db), "--sources", str(registry)])
            for name, url in base_urls.items():
                mapping[url] = SITES[name]
                mapping[url.rstrip("/")] = SITES[name].rstrip("/")
                mapping[json.dumps(url)[1:-1]] = SITES[name]  # inside the JSON-encoded registry
            mapping[json.dumps(str(registry))[1:-1]] = DEMO_REGISTRY  # a temporary path no reader can open
        for old in OUT.glob("*.warc.gz"):
            old.unlink()
        for path in sorted((Path(tmp) / "warc").glob("*.warc.gz")):
            rewrite(path, dict(sorted(mapping.items(), key=lambda kv: -len(kv[0]))), OUT / path.name)
            print(f"wrote {OUT / path.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
