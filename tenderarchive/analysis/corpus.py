"""The news development corpus (issue 11): real page texts with a careful reader's gold.

Layout (see ``tests/fixtures/news/corpus/README.md``)::

    tests/fixtures/news/corpus/pages/<site-slug>__<page-slug>.json   one real page each
    tests/fixtures/news/corpus/split.json                            dev/test parts, by site

This module loads the pages, says which part a page is in, and wraps a page's verbatim
text in **labelled synthetic HTML** of one of the CMS families the project meets
(iprox, WordPress, Drupal, TYPO3; ``tests/fixtures/news/README.md``) so that the real
extraction (trafilatura + the stated-date rules of :mod:`tenderarchive.extraction`)
runs on it exactly as on a crawled page. The original HTML of these pages is not
stored (only their text is), hence the wrapper; every wrapped page carries
``<meta name="tenderarchive-fixture" content="synthetic">`` and a visible banner.

Written by hand: it is a fixture format, no library builds CMS look-alikes.
"""
from __future__ import annotations

import hashlib
import html
import json
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parents[2]
CORPUS_DIR = REPO / "tests" / "fixtures" / "news" / "corpus"
FAMILIES = ("iprox", "wordpress", "drupal", "typo3")
_MONTH_NAMES = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
                "oktober", "november", "december"]


@dataclass(frozen=True)
class Page:
    id: str
    url: str
    site: str
    site_kind: str
    title: str
    published: str | None
    text: str
    gold: dict
    retrieval: str

    @property
    def site_slug(self) -> str:
        return site_slug(self.site)


def site_slug(host: str) -> str:
    """``www.leiderdorp.nl`` -> ``leiderdorp-nl`` (the corpus file-name prefix)."""
    host = (host or "").lower()
    if host.startswith("www."):
        host = host[4:]
    return host.replace(".", "-")


def load_pages(corpus_dir: Path = CORPUS_DIR) -> list[Page]:
    pages = []
    for path in sorted((Path(corpus_dir) / "pages").glob("*.json")):
        d = json.loads(path.read_text(encoding="utf-8"))
        pages.append(Page(id=d["id"], url=d["url"], site=d.get("site") or urlsplit(d["url"]).hostname or "",
                          site_kind=d.get("site_kind", ""), title=d.get("title") or "",
                          published=d.get("published"), text=d["text"], gold=d["gold"],
                          retrieval=d.get("retrieval", "")))
    return pages


def load_split(corpus_dir: Path = CORPUS_DIR) -> dict:
    path = Path(corpus_dir) / "split.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {"dev": [], "test": []}


def part_of(page: Page, split: dict) -> str:
    """``dev`` or ``test``. A site fixed in the split keeps its part; a site added after
    the split was fixed goes to ``test`` (nothing is ever tuned on it)."""
    slug = page.site_slug
    if slug in split.get("dev", []):
        return "dev"
    return "test"


def make_split(pages: list[Page], dev_share: float = 0.6) -> dict:
    """Split by site, deterministically: sites ordered by a hash of their slug fill the
    dev part until it holds ``dev_share`` of the pages; the rest is test."""
    counts: dict[str, int] = {}
    for p in pages:
        counts[p.site_slug] = counts.get(p.site_slug, 0) + 1
    order = sorted(counts, key=lambda s: hashlib.sha1(s.encode()).hexdigest())
    total, dev, n = sum(counts.values()), [], 0
    for s in order:
        if n + counts[s] <= dev_share * total + 0.5:
            dev.append(s)
            n += counts[s]
    test = [s for s in order if s not in dev]
    return {"dev": sorted(dev), "test": sorted(test)}


# --- synthetic HTML wrapper -------------------------------------------------------

def family_for(page: Page) -> str:
    """The CMS family a site is rendered in (fixed per site, from a hash of its slug)."""
    return FAMILIES[int(hashlib.sha1(page.site_slug.encode()).hexdigest(), 16) % len(FAMILIES)]


def _dutch_date(iso: str) -> str:
    y, m, d = int(iso[:4]), int(iso[5:7]), int(iso[8:10])
    out = f"{d} {_MONTH_NAMES[m - 1]} {y}"
    return out + (f" {iso[11:16]}" if len(iso) > 10 else "")


def _is_heading(par: str) -> bool:
    return "\n" not in par and len(par) <= 80 and not re.search(r"[.:;,!?]$", par) and not par.startswith(("•", "-"))


_BULLET = re.compile(r"^(?:[•\-–]|\d+\.)\s*")


def _body(text: str) -> str:
    out = []
    for par in re.split(r"\n\s*\n", text.strip()):
        par = par.strip("\n")
        if not par.strip():
            continue
        lines = [ln.strip() for ln in par.split("\n")]
        if _is_heading(par.strip()):
            out.append(f"<h2>{html.escape(par.strip())}</h2>")
        elif all(re.match(r"^(?:[•\-–]|\d+\.)\s", ln) for ln in lines if ln):
            items = "".join("<li>" + html.escape(_BULLET.sub("", ln)) + "</li>" for ln in lines if ln)
            out.append(f"<ul>{items}</ul>")
        else:
            out.append("<p>" + "<br>\n".join(html.escape(ln) for ln in lines) + "</p>")
    return "\n".join(out)


def _banner(host: str) -> str:
    return ('<div class="tenderarchive-fixture-banner" role="note" style="background:#ffd;border:2px dashed #c00;'
            f'padding:4px">SYNTHETISCHE TESTPAGINA – gemaakt voor de tests van tenderarchive; de tekst is een '
            f'kopie van een openbare pagina van {html.escape(host)}, de HTML niet.</div>')


def render_html(page: Page, family: str | None = None) -> str:
    """Wrap the page's verbatim text in labelled synthetic HTML of a CMS family.

    The title goes where the family puts it (``<h1>`` plus ``<title>`` with a site
    suffix); the publication date, when the gold knows one, is shown the family's way:
    iprox "Gepubliceerd op: 14 december 2020", WordPress ``<time datetime>``, Drupal
    "Geplaatst op 14-12-2020" (d-m-yyyy), TYPO3 ``article:published_time`` metadata and
    a date line. Undated pages get no date anywhere.
    """
    family = family or family_for(page)
    host = page.site
    t = html.escape(page.title)
    pub = page.published
    body = _body(page.text)
    head = ('<!DOCTYPE html>\n<html lang="nl">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="tenderarchive-fixture" content="synthetic">\n'
            f'<title>{t} - {html.escape(host)}</title>\n')
    date_html = ""
    if family == "iprox":
        if pub:
            date_html = f'<div class="iprox-content iprox-date date">Gepubliceerd op: {_dutch_date(pub)}</div>'
        return (head + '</head>\n<body class="iprox">\n' + _banner(host) +
                '\n<header class="iprox-header"><nav class="mainnav"><ul><li><a href="/">Home</a></li>'
                '<li><a href="/nieuws">Nieuws</a></li></ul></nav></header>\n<main id="content">\n'
                f'<article class="iprox-content nieuwsbericht">\n<h1>{t}</h1>\n{date_html}\n'
                f'<div class="iprox-rich-content iprox-content">\n{body}\n</div>\n</article>\n</main>\n'
                '<footer>Contact | Privacy | Cookies</footer>\n</body>\n</html>\n')
    if family == "wordpress":
        if pub:
            date_html = (f'<div class="entry-meta"><time class="entry-date published" datetime="{pub[:10]}">'
                         f'{_dutch_date(pub[:10])}</time></div>')
        return (head + '<meta name="generator" content="WordPress 6.4">\n<meta property="og:type" content="article">\n'
                f'<meta property="og:title" content="{t}">\n</head>\n<body class="single single-post">\n' + _banner(host) +
                '\n<header id="masthead" class="site-header"><p class="site-title"><a href="/">Nieuws</a></p></header>\n'
                f'<main id="primary" class="site-main">\n<article class="post type-post">\n<header class="entry-header">'
                f'<h1 class="entry-title">{t}</h1>{date_html}</header>\n<div class="entry-content">\n{body}\n</div>\n'
                '</article>\n</main>\n<footer class="site-footer">Privacyverklaring</footer>\n</body>\n</html>\n')
    if family == "drupal":
        if pub:
            d = pub[:10]
            date_html = f'<div class="field--name-created">Geplaatst op {d[8:10]}-{d[5:7]}-{d[:4]}</div>'
        return (head + '<meta name="Generator" content="Drupal 10 (https://www.drupal.org)">\n</head>\n'
                '<body class="path-node page-node-type-news">\n' + _banner(host) +
                '\n<div class="region region-header"><nav role="navigation"><a href="/">Home</a></nav></div>\n'
                f'<main role="main">\n<div class="node node--type-news">\n<h1 class="page-title"><span>{t}</span></h1>\n'
                f'{date_html}\n<div class="field--name-body">\n{body}\n</div>\n</div>\n</main>\n</body>\n</html>\n')
    # typo3
    meta = f'<meta property="article:published_time" content="{pub[:10]}">\n' if pub else ""
    if pub:
        date_html = f'<p class="news-list-date">{_dutch_date(pub[:10])}</p>'
    return (head + '<meta name="generator" content="TYPO3 CMS">\n' + meta + '</head>\n<body>\n' + _banner(host) +
            '\n<div id="cookie-modal" hidden>Wij gebruiken cookies</div>\n<div class="page">\n<main id="main">\n'
            f'<div class="news news-single"><div class="article">\n<div class="header"><h1>{t}</h1></div>\n'
            f'{date_html}\n<div class="news-text-wrap">\n{body}\n</div>\n</div></div>\n</main>\n</div>\n</body>\n</html>\n')
