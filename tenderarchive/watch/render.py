"""Four renderings of a crawl report: plain text, Markdown, HTML and Atom (RFC 4287).

:func:`write_report` writes ``crawl-N.md``/``.html``/``.atom`` and keeps the rolling
``feed.atom`` (the latest :data:`FEED_MAX_ENTRIES` entries of all reports) for feed readers.

Everything in a report came from the open web (titles, texts, page addresses), so:

- **Links only through** :func:`tenderarchive.urls.http_url`: a row's address becomes a link
  (Markdown ``[…](…)``, HTML ``href``, Atom ``<link href>``) only when it is an absolute
  ``http``/``https`` URL; anything else (``javascript:``, ``data:``, a bare path) is shown as
  escaped text and never as a link. Datasette row links get the same test.
- **HTML** is built with ``html.escape`` on every value (text and attributes).
- **Markdown** escapes its syntax characters in text and percent-encodes the characters that
  would end a link destination (``(``, ``)``, spaces, ``<``, ``>``).
- **Atom** is built with ``xml.etree.ElementTree``, which escapes ``&``, ``<`` and quotes,
  but writes characters XML 1.0 forbids (most C0 controls, lone surrogates, U+FFFE/FFFF)
  as they are, producing a feed no reader can parse; :func:`xml_text` drops them first. An
  entry's HTML content is the same escaped HTML as the HTML report (``type="html"``).
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import quote

from tenderarchive.change_words import moment_words
from tenderarchive.urls import http_url
from tenderarchive.watch.report import Match, Report, lot_label
from tenderarchive.watch.watchlist import Watch

FEED_MAX_ENTRIES = 200
ATOM = "http://www.w3.org/2005/Atom"

# Characters XML 1.0 does not allow (https://www.w3.org/TR/xml/#charsets).
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(value) -> str:
    """``value`` as text that XML 1.0 can hold (forbidden characters removed)."""
    return _NOT_XML.sub("", "" if value is None else str(value))


def _short(value, limit: int = 160) -> str:
    text = "—" if value is None or value == "" else str(value)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def change_pair(old, new, limit: int = 160) -> tuple[str, str]:
    """``old`` and ``new`` shortened to ``limit`` characters each, both from a little before the
    first place they differ: a text changed after its first line (an article's last paragraph, a
    notice's description) read the same on both sides of the arrow when each was cut at its start."""
    if old is None or old == "" or new is None or new == "":
        return _short(old, limit), _short(new, limit)
    a, b = " ".join(str(old).split()), " ".join(str(new).split())
    if len(a) <= limit and len(b) <= limit:
        return a, b
    same = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    start = max(0, same - limit // 4)
    if start:
        start = a.rfind(" ", 0, start) + 1  # a word's start (the two agree up to ``same``)

    def cut(text: str) -> str:
        piece = ("…" if start else "") + text[start:]
        return piece if len(piece) <= limit else piece[: limit - 1] + "…"

    return cut(a), cut(b)


def award_line(award: dict) -> str:
    """One award of a notice: "lot 1: Winner A, Winner B (€ 12.400.000,00)", "(superseded)" when a
    later rectification took its place, "(no longer current …)" when its notice, an award notice
    corrected under its publicatieId, is now a contract notice; a rectification's award says what it replaced ("was
    € 1.234.567,89 in notice 900102", the winners too when they changed)."""
    extra = [award["value"]] if award.get("value") else []
    if award.get("withdrawn"):  # its notice is now of a type that awards nothing (timeline.awards_nothing)
        extra.append("no longer current: the notice is now a contract notice")
    elif not award.get("current", True):
        extra.append("superseded")
    replaced = award.get("replaces")
    if replaced:   # a rectification: what the lot's award was before
        was = ([", ".join(replaced["winners"])] if replaced.get("winners") != award.get("winners") else []) + (
            [replaced["value"] or "no value"] if replaced.get("value") != award.get("value") else [])
        extra.append(f"was {', '.join(was)} in notice {replaced['publication_id']}" if was
                     else f"as in notice {replaced['publication_id']}")
    return (f"{lot_label(award.get('lot_id'))}: {', '.join(award.get('winners') or []) or 'no winner named'}"
            + (f" ({', '.join(extra)})" if extra else ""))


#: The linker's evidence codes (``linking.score``) in a reader's words: the report said "(linked: places:3/3,
#: jeugdregio:JZ41, title:1.00, time:within)", the Datasette column's notation, which a journalist cannot read.
_LINK_EVIDENCE = (
    (re.compile(r"tenderned_ref:(\S+)"), lambda m: f"names {m[1]}"),
    (re.compile(r"places:(\d+)/(\d+)"),
     lambda m: "shares its municipality" if m[1] == m[2] == "1" else f"shares {m[1]} of its {m[2]} municipalities"),
    (re.compile(r"jeugdregio:(\S+)"), lambda m: f"same jeugdregio {m[1]}"),
    (re.compile(r"title:(\d+(?:\.\d+)?)"), lambda m: f"has {round(float(m[1]) * 100)}% of the title's words"),
    (re.compile(r"time:within"), lambda m: "dated within the procurement's time span"),
    (re.compile(r"time:outside"), lambda m: "dated outside the procurement's time span"),
)


def link_evidence(reasons: str) -> str:
    """The reasons of a link (``procurement_links.reasons`` joined by ", ") in words, "; " between them:
    "places:3/3, time:within" → "shares 3 of its 3 municipalities; dated within the procurement's time
    span". A code this does not know is kept as it is."""
    def words(code: str) -> str:
        for pattern, say in _LINK_EVIDENCE:
            if (m := pattern.fullmatch(code)):
                return say(m)
        return code
    return "; ".join(words(code.strip()) for code in reasons.split(",") if code.strip())


def procurement_line(p: dict) -> str:
    """The procurement an article is linked to, one line: "about TN243310 Title (linked: evidence)", the
    evidence in words (:func:`link_evidence`). A procurement known only from news (no TenderNed notice
    matched the article: ``linking.decide``'s ``news_only``) says so in words: "(linked: news_only)" named
    the linker's reason code."""
    title = f" {p['title']}" if p.get("title") else ""
    if p.get("reasons") == "news_only":
        reasons = " (known only from news: no TenderNed notice matched)"
    else:
        reasons = f" (linked: {link_evidence(p['reasons'])})" if p.get("reasons") else ""
    return f"about {p['procurement_id']}{title}{reasons}"


def gone_line(g: dict) -> str:
    """A procurement the crawl took out of the archive, one line: "procurement TN243310 Title is gone: its notices
    moved to TN777001" (``report.gone_procurements``)."""
    title = f" {g['title']}" if g.get("title") else ""
    where = (f"its notices moved to {', '.join(g['moved_to'])}" if g.get("moved_to")
             else "its notices moved to another procedure")
    return f"procurement {g['procurement_id']}{title} is gone: {where}"


def _heading(report: Report) -> str:
    """"Title: crawl 12 (tenderned, complete, finished 5 december 2026 09:51)", the time on Amsterdam's clock; a crawl
    not finished (still running, or killed: no finish time) says when it started ("finished —" told nothing)."""
    c = report.crawl
    when = (f"finished {moment_words(c['finished'])}" if c.get("finished")
            else f"started {moment_words(c['started'])}, not finished" if c.get("started") else "not finished")
    return f"{report.watchlist.title}: crawl {report.crawl_id} ({c.get('spider')}, {c.get('status')}, {when})"


# --- plain text ----------------------------------------------------------------------------------
def when(m: Match) -> str:
    """When a match came out, in words: its date ("14 december 2020 08:55"); a news page that gives none, "undated
    page, read 1 december 2026 14:36" (when the archive read it), where every report said "—"."""
    if m.published or m.table != "articles":
        return moment_words(m.published)
    return f"undated page, read {moment_words(m.read)}" if m.read else "undated page"


def archived_label(m: Match) -> str:
    """The label of a match's Datasette link: a news page's is its archived copy (the text as the archive read it,
    kept when the site changes or removes the page), a notice's its row."""
    return "archived page" if m.table == "articles" else "Datasette"


def render_text(report: Report) -> str:
    lines = [_heading(report), report.summary + "."] + ([report.window + "."] if report.window else [])
    if report.warning:
        lines.append(f"WARNING: {report.warning}")
    if report.failures:
        lines.append(f"{report.failures_heading}:")
        lines += [f"  ! {_short(line, 300)}" for line in report.failures]
    for g in report.gone:
        lines.append(f"GONE      {_short(gone_line(g), 300)}")
        if g.get("research_url"):
            lines.append(f"          {_short(g['research_url'], 300)}")
    for watch, matches in report.results:
        lines += ["", f"== {watch.name}: {len(matches)} ==" if matches else f"== {watch.name}: nothing new =="]
        for m in matches:
            lines.append(f"{m.status.upper():<9} {_short(m.title)} ({_short(m.source)}, {when(m)})")
            if m.table == "articles":   # a news page: which link is the site's and which the archive's copy
                lines += [f"          {label}: {_short(link, 300)}"
                          for label, link in (("source", m.url), ("archived", m.datasette_url)) if link]
            else:
                lines += [f"          {_short(link, 300)}" for link in (m.url, m.datasette_url) if link]
            lines.append(f"          matched: {'; '.join(m.reasons)}")
            for p in m.procurements:
                lines.append(f"          {_short(procurement_line(p), 300)}")
                if p.get("research_url"):
                    lines.append(f"          {_short(p['research_url'], 300)}")
            for award in m.awards:
                lines.append(f"          {_short(award_line(award), 300)}")
            for ch in m.changes:
                old, new = change_pair(ch["old"], ch["new"], 80)
                lines.append(f"          {ch['column']}: {old} → {new}")
    return "\n".join(lines) + "\n"


# --- Markdown ------------------------------------------------------------------------------------
def _md(text, limit: int = 160) -> str:
    return re.sub(r"([\\`*_\[\]<>|#()!])", r"\\\1", _short(text, limit))


def _md_destination(url: str) -> str:
    """An http(s) URL as a Markdown link destination: the characters that end one are encoded."""
    return quote(url, safe="/:?#[]@!$&'*+,;=%~-._")


def _md_link(label: str, url) -> str:
    """``[label](url)`` for an http(s) URL; the escaped label (and the value as text) otherwise."""
    target = http_url(url)
    if target:
        return f"[{_md(label)}]({_md_destination(target)})"
    return _md(label) + (f" ({_md(url)})" if url else "")


def render_markdown(report: Report) -> str:
    lines = [f"# {_md(_heading(report))}", "", report.summary + "."] + (["", _md(report.window, 300) + "."]
                                                                          if report.window else [])
    if report.warning:
        lines += ["", f"> **Warning:** {_md(report.warning)}"]
    if report.failures:
        lines += [">", f"> {_md(report.failures_heading)}:", ">"]
        lines += [f"> - {_md(line, 300)}" for line in report.failures]
    if report.gone:
        lines.append("")
    for g in report.gone:
        research = f" · {_md_link('research page', g['research_url'])}" if http_url(g.get("research_url")) else ""
        lines.append(f"- **gone** {_md(gone_line(g), 300)}{research}")
    for watch, matches in report.results:
        lines += ["", f"## {_md(watch.name)} ({len(matches) or 'nothing new'})", ""]
        for m in matches:
            extra = f" · {_md_link(archived_label(m), m.datasette_url)}" if http_url(m.datasette_url) else ""
            if m.table == "articles" and http_url(m.url):
                extra = f" · {_md_link('source', m.url)}{extra}"
            lines.append(f"- **{m.status}** {_md_link(m.title, m.url)}: {_md(m.source)}, "
                         f"{_md(when(m))}{extra}  ")
            lines.append(f"  matched: {_md('; '.join(m.reasons))}")
            for p in m.procurements:
                research = f" · {_md_link('research page', p['research_url'])}" if http_url(p.get("research_url")) else ""
                lines.append(f"  - {_md(procurement_line(p), 300)}{research}")
            for award in m.awards:
                lines.append(f"  - {_md(award_line(award))}")
            for ch in m.changes:
                old, new = change_pair(ch["old"], ch["new"])
                lines.append(f"  - `{ch['column']}`: {_md(old)} → {_md(new)}")
    return "\n".join(lines) + "\n"


# --- HTML ----------------------------------------------------------------------------------------
def _html_link(label: str, url) -> str:
    """``<a href>`` for an http(s) URL; escaped text (label and value) otherwise."""
    e = html.escape
    target = http_url(url)
    if target:
        return f'<a href="{e(target)}">{e(label)}</a>'
    return e(label) + (f' <span class="not-a-link">({e(_short(url))})</span>' if url else "")


def match_html(m: Match) -> str:
    """One match as an HTML fragment (the HTML report's paragraph and the Atom entry's content)."""
    e = html.escape
    title = _html_link(_short(m.title), m.url)
    extra = f" · {_html_link(archived_label(m), m.datasette_url)}" if http_url(m.datasette_url) else ""
    if m.table == "articles" and http_url(m.url):
        extra = f" · {_html_link('source', m.url)}{extra}"
    changes = "".join(f"<li>{e(_short(procurement_line(p), 300))}"
                      + (f" · {_html_link('research page', p['research_url'])}" if http_url(p.get("research_url")) else "")
                      + "</li>" for p in m.procurements)
    changes += "".join(f"<li>{e(_short(award_line(award), 300))}</li>" for award in m.awards)
    changes += "".join(f"<li><code>{e(ch['column'])}</code>: <del>{e(old)}</del> → <ins>{e(new)}</ins></li>"
                       for ch in m.changes for old, new in [change_pair(ch["old"], ch["new"])])
    return (f'<p><strong class="{e(m.status.replace(" ", "-"))}">{e(m.status)}</strong> {title}: '
            f"{e(_short(m.source))}, {e(when(m))}{extra}<br>"
            f"<small>matched: {e('; '.join(m.reasons))}</small></p>" + (f"<ul>{changes}</ul>" if changes else ""))


def render_html(report: Report) -> str:
    e = html.escape
    parts = ["<!DOCTYPE html>", '<html lang="nl"><head><meta charset="utf-8">',
             f"<title>{e(_heading(report))}</title>",
             "<style>body{font-family:sans-serif;max-width:50em;margin:1em auto}del{color:#a00}"
             "ins{color:#070;text-decoration:none}.changed{color:#a60}.new{color:#070}.withdrawn{color:#a00}</style></head><body>",
             f"<h1>{e(_heading(report))}</h1>", f"<p>{e(report.summary)}.</p>"]
    if report.window:
        parts.append(f"<p>{e(report.window)}.</p>")
    if report.warning:
        parts.append(f"<p><strong>Warning:</strong> {e(report.warning)}</p>")
    if report.failures:
        parts.append(f'<p>{e(report.failures_heading)}:</p><ul class="failures">'
                     + "".join(f"<li>{e(_short(line, 300))}</li>" for line in report.failures) + "</ul>")
    for g in report.gone:
        research = f" · {_html_link('research page', g['research_url'])}" if http_url(g.get("research_url")) else ""
        parts.append(f'<p class="withdrawn"><strong>gone</strong> {e(gone_line(g))}{research}</p>')
    for watch, matches in report.results:
        parts.append(f"<h2>{e(watch.name)} ({len(matches) or 'nothing new'})</h2>")
        parts += [match_html(m) for m in matches]
    parts.append(f"<p><small>tenderarchive, generated {e(moment_words(report.generated))}</small></p></body></html>")
    return "\n".join(parts) + "\n"


# --- Atom ----------------------------------------------------------------------------------------
def warning_text(report: Report) -> str:
    """The warning entry's text: the warning, then what went wrong (:attr:`Report.failures`), one line each."""
    failures = [f"{report.failures_heading}:", *(f"- {_short(line, 300)}" for line in report.failures)]
    return "\n".join([report.warning or "", *(failures if report.failures else [])]).strip()


def _entry_id(report: Report, watch: Watch, m: Match) -> str:
    return (f"tag:tenderarchive,2024:{quote(report.db_name)}/crawl-{report.crawl_id}/{m.table}/"
            f"{quote(str(m.key), safe='')}/{watch.slug}")


def _serialise(feed: ET.Element) -> str:
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def render_atom(report: Report) -> str:
    """An Atom (RFC 4287) feed with one entry per match of this crawl, and first, for a crawl the report warns of
    (partial, failed, killed, read past source drift: :attr:`Report.warning`), an entry of that warning: the feed of
    such a crawl, empty or not, read in a feed reader as a night with nothing new or as complete as any other."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")

    def sub(parent, tag, text=None, **attrs):
        element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", {k: xml_text(v) for k, v in attrs.items()})
        if text is not None:
            element.text = xml_text(text)
        return element

    updated = report.crawl.get("finished") or report.crawl.get("started") or report.generated
    sub(feed, "title", report.watchlist.title)
    sub(feed, "id", f"tag:tenderarchive,2024:{quote(report.db_name)}/watchlist/{quote(report.watchlist.path.stem)}")
    sub(feed, "updated", updated)
    sub(sub(feed, "author"), "name", "tenderarchive")
    if report.warning or report.failures:   # a partial, failed or killed crawl (or one read past drift): an entry
        entry = sub(feed, "entry")
        sub(entry, "title", f"warning: {report.crawl_words}")
        sub(entry, "id", f"tag:tenderarchive,2024:{quote(report.db_name)}/crawl-{report.crawl_id}/warning")
        sub(entry, "updated", updated)
        sub(entry, "content", warning_text(report), type="text")
    for g in report.gone:   # once, not per watch
        entry = sub(feed, "entry")
        sub(entry, "title", f"gone: {g['procurement_id']}" + (f" {g['title']}" if g.get("title") else ""))
        sub(entry, "id", f"tag:tenderarchive,2024:{quote(report.db_name)}/crawl-{report.crawl_id}/procurements/"
                         f"{quote(str(g['procurement_id']), safe='')}/gone")
        sub(entry, "updated", updated)
        if http_url(g.get("research_url")):
            sub(entry, "link", href=http_url(g["research_url"]))
        sub(entry, "content", gone_line(g), type="text")
    for watch, matches in report.results:
        for m in matches:
            entry = sub(feed, "entry")
            sub(entry, "title", f"[{watch.name}] {m.status}: {m.title}")
            sub(entry, "id", _entry_id(report, watch, m))
            sub(entry, "updated", updated)
            if http_url(m.url):
                sub(entry, "link", href=http_url(m.url))
            if http_url(m.datasette_url):
                sub(entry, "link", rel="related", href=http_url(m.datasette_url), title=archived_label(m))
            if m.table == "articles" and m.source:   # the site that published the page, by its name
                sub(sub(entry, "author"), "name", m.source)
            sub(entry, "category", term=watch.slug, label=watch.name)
            sub(entry, "content", match_html(m), type="html")
    return _serialise(feed)


def merge_feed(existing: str | None, new: str, limit: int = FEED_MAX_ENTRIES) -> str:
    """The rolling feed: entries of ``new`` first, then older entries of ``existing`` not in
    ``new``, at most ``limit``; feed metadata from ``new``."""
    ET.register_namespace("", ATOM)
    feed = ET.fromstring(new)
    ids = {e.findtext(f"{{{ATOM}}}id") for e in feed.findall(f"{{{ATOM}}}entry")}
    if existing:
        try:
            old = ET.fromstring(existing)
        except ET.ParseError:
            old = None
        for entry in [] if old is None else old.findall(f"{{{ATOM}}}entry"):
            if entry.findtext(f"{{{ATOM}}}id") not in ids:
                feed.append(entry)
    for entry in feed.findall(f"{{{ATOM}}}entry")[limit:]:
        feed.remove(entry)
    return _serialise(feed)


# --- files ---------------------------------------------------------------------------------------
def write_report(report: Report, out_dir: str | Path) -> dict[str, Path]:
    """Write crawl-N.md/.html/.atom and update feed.atom in ``out_dir``; return the paths."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    stem = f"crawl-{report.crawl_id}"
    paths = {"markdown": out / f"{stem}.md", "html": out / f"{stem}.html", "atom": out / f"{stem}.atom",
             "feed": out / "feed.atom"}
    atom = render_atom(report)
    previous = paths["feed"].read_text(encoding="utf-8") if paths["feed"].exists() else None
    for kind, text in (("markdown", render_markdown(report)), ("html", render_html(report)), ("atom", atom),
                       ("feed", merge_feed(previous, atom))):
        tmp = paths[kind].with_name(paths[kind].name + ".tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(paths[kind])  # readers (a feed reader polling feed.atom) never see half a file
    return paths
