import sqlite_utils
from tests.spiders.test_news import crawl_news
from tests.spiders.test_news_reference import ROBOTS, registry, serve
from tests.spiders.test_news_reference17 import undated_page


def test_probe_odd_hrefs(tmp_path):
    log = []
    hrefs = ["//{host}/nieuws/a", "../nieuws/b", "nieuws/c", " /nieuws/d ", "/nieuws/e%20f", "/nieuws/g h",
             "/nieuws/co%C3%B6peratie", "/nieuws/coöperatie-2", "/nieuws/h?x=1&amp;y=2", "HTTP://{host}/nieuws/i",
             "/nieuws/j\n", "/Nieuws/K", "/nieuws/l#reacties", "/nieuws/./m", "/nieuws//n", "/nieuws/o;jsessionid=ABC"]
    paths = ["/nieuws/a", "/nieuws/b", "/nieuws/c", "/nieuws/d", "/nieuws/e%20f", "/nieuws/g%20h",
             "/nieuws/co%C3%B6peratie", "/nieuws/co%C3%B6peratie-2", "/nieuws/h?x=1&y=2", "/nieuws/i", "/nieuws/j", "/Nieuws/K",
             "/nieuws/l", "/nieuws/m", "/nieuws//n", "/nieuws/o;jsessionid=ABC", "/nieuws/o"]
    routes = {"/robots.txt": ROBOTS, **{p: undated_page(f"Bericht {p}") for p in paths}}
    def listing(base):
        host = base.split("//")[1].rstrip("/")
        items = "".join(f"<li><a href='{h.format(host=host)}'>x{i}</a></li>" for i, h in enumerate(hrefs))
        return ("text/html; charset=utf-8", f"<html><body><main><ul>{items}</ul></main></body></html>".encode())
    routes["/lijst/nieuws"] = listing
    with serve(routes, log) as base:
        crawl = crawl_news(registry(tmp_path, base_url=base, discovery={"listing": {"urls": ["lijst/nieuws"]}},
                                    allow=["^/(?i:nieuws)/"]), tmp_path / "a.db")
    db = sqlite_utils.Database(tmp_path / "a.db")
    print(sorted(r["url"].split("/", 3)[3] for r in db["articles"].rows))
    print(list(db.query("select status, error_count, errors from crawls")))
    print(sorted(log))
