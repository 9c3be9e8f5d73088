"""Linking news articles to procurements, and procurements known only from news.

Every relevant article is scored against every TenderNed procurement. The score
adds up evidence, each part stored as a reason:

==============================  =====  ================================================
evidence                        up to  rule
==============================  =====  ================================================
TenderNed reference              1.0   a TN number or publicatieId of the procedure in the text
places                           0.5   share of the article's municipalities that the
                                       procurement concerns (buyer + named in its notices)
same jeugdregio                  0.1   article and procurement in one jeugdregio
title                            0.3   share of the procurement title's words in the article (the
                                       names of the places it concerns left out: they count as places)
time                        +0.1/-0.3  the article's dates fall within 18 months before the
                                       first notice and 24 months after the last (or not)
==============================  =====  ================================================

An article is linked (``status = 'linked'``) to its best procurement when that
scores at least ``LINK_THRESHOLD``; the next best procurements scoring at least
``CANDIDATE_THRESHOLD`` are kept as ``candidate`` links for review, at most
``CANDIDATE_LIMIT`` rows per article in all (ties by procurement id). Precision
first: one linked procurement per article, the best, and beside it only those the
article names by a TenderNed reference (:func:`named`: two kenmerken, two notice links);
the best is the article's procurement, whose timeline its events join. The limit bounds the table:
a candidate needs only one title word of three in the same jeugdregio and time
window, so in an archive of all TenderNed an article had thousands (issue 14),
more than anyone reviews and tens of millions of rows. A relevant article linked to
no TenderNed procurement joins a *news-only* procurement (``NEWS-`` + a hash of
its municipalities), so the story of a procurement that never reached TenderNed
is kept too. Article events take the procurement id of their link, so a
procurement's timeline joins notices and news in date order.

Hand-written because the signals are specific to this archive (TN numbers,
CBS municipalities, jeugdregio's). This module only reads and scores; the
derivation step (tenderarchive/derive.py) writes.

Incremental (issue 14). A score depends only on the article (its row, places and
dated events) and on the procurement's profile (its row, notices and their places).
So after a crawl only two kinds of pairs can score differently: a changed article
against every procurement (:func:`article_links`), and an unchanged relevant article
against a changed procurement (:func:`rescore_delta`, which keeps the stored links to
unchanged procurements and scores only the changed ones; when a changed procurement falls
out of a full list of ``CANDIDATE_LIMIT``, the pair that takes its place was never
stored, so that article alone is scored against every procurement). Both give the same
rows as scoring everything, which ``tests/test_derive.py`` checks against a full derivation.

Which unchanged articles to rescore is found *from* the changed procurements, not by reading
every relevant article: ``article_link_keys`` (written by the derivation, one row per key of a
relevant article: its title/text words ``w:``, its municipalities ``p:``, its TenderNed
references ``r:``, with its jeugdregio) is looked up with each changed procurement's title
words, places, kenmerk and publication ids (:func:`candidate_urls`). Exact: a pair sharing no
place and no reference scores at most 0.3 × (share of title words) + 0.1 (same jeugdregio) +
0.1 (time), so only articles sharing enough title words can reach ``CANDIDATE_THRESHOLD``; the
articles that already have a link to a changed procurement are rescored too (that link may go).
Of the articles reached, one whose stored list is full and ranks above everything a changed
procurement can score against it is not rescored (:func:`settled`): for a pair sharing a place or
a reference that bound is the score itself counted from the linking keys and the article's dates
(a shared ``r:`` key is a TenderNed reference of the pair: :func:`reference_keys`), so only an
article that a changed procurement can enter is read and scored again. In the synthetic million-notice archive most relevant articles
share a municipality with some new procurement, and nearly all of those have ten stronger links;
so the reach and a first, optimistic bound run inside SQLite (one statement for places and
references, one for title words, each article's weakest link read by key from
``article_link_floor``, which triggers keep), and only the articles that bound cannot settle are
read in Python (:func:`candidate_urls`).
"""

from __future__ import annotations

import hashlib
import json
import re
from datetime import date, timedelta

from tenderarchive.store.keys import dumps
from tenderarchive.store.link_tables import ensure_link_floor, replace_link_keys
from tenderarchive.search.text import fts_fold

LINK_THRESHOLD = 0.6
CANDIDATE_THRESHOLD = 0.3
#: Candidate links kept per article: the best ones, a review list (the linked one among them).
CANDIDATE_LIMIT = 10
STOPWORDS = set("""de het een en van voor in op aan met door bij tot over uit als naar om of te is zijn
wordt worden dat die dit deze er ook nog niet wel gemeente gemeenten regio""".split())


def words(text: str | None) -> set[str]:
    return {w for w in re.findall(r"[\w-]{3,}", fts_fold(text or "")) if w not in STOPWORDS and not w.isdigit()}


def _day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10] if len(value) >= 10 else value[:7] + "-01")
    except ValueError:
        return None


def procurement_profiles(db, procurement_ids=None) -> list[dict]:
    """Profiles of the TenderNed procurements ``procurement_ids`` (all when None): three
    queries for the lot, not three per procurement."""
    if procurement_ids is not None and not procurement_ids:
        return []
    where, params = "p.source = 'tenderned'", []
    if procurement_ids is not None:
        db.execute("create temp table if not exists _link_ids (id text primary key)")
        db.execute("delete from _link_ids")
        db.conn.executemany("insert or ignore into _link_ids values (?)", [(i,) for i in procurement_ids])
        # by key: "+" keeps the planner off the source index (it walked every TenderNed procurement)
        where = "+p.source = 'tenderned' and p.procurement_id in (select id from _link_ids)"
    rows = list(db.query(f"select p.procurement_id, p.kenmerk, p.title, p.jeugdregio_code, p.first_published, "
                         f"p.last_published from procurements p where {where} order by p.procurement_id", params))
    kenmerken = {r["kenmerk"] for r in rows}
    ids: dict[int, set] = {}
    places: dict[int, set] = {}
    if rows:
        kenmerk_filter = ("" if procurement_ids is None else
                          " where n.kenmerk in (select kenmerk from procurements where procurement_id in "
                          "(select id from _link_ids))")
        for kenmerk, publication_id, cbs_code in db.execute(
                "select n.kenmerk, n.publication_id, m.cbs_code from notices n left join notice_municipalities m "
                f"on m.publication_id = n.publication_id{kenmerk_filter}").fetchall():
            if kenmerk in kenmerken:
                ids.setdefault(kenmerk, set()).add(publication_id)
                if cbs_code is not None:
                    places.setdefault(kenmerk, set()).add(cbs_code)
    place_words = _place_words(db, set().union(*places.values()) if places else set())
    return [{
        "procurement_id": p["procurement_id"], "kenmerk": p["kenmerk"], "publication_ids": ids.get(p["kenmerk"], set()),
        "publication_keys": {str(i) for i in ids.get(p["kenmerk"], ())}, "kenmerk_key": str(p["kenmerk"]),
        "title_words": title_words(p["title"], places.get(p["kenmerk"], set()), place_words),
        "places": places.get(p["kenmerk"], set()), "jeugdregio": p["jeugdregio_code"],
        "first": _day(p["first_published"]), "last": _day(p["last_published"]),
    } for p in rows]


def _place_words(db, codes: set[str]) -> dict[str, set[str]]:
    """The words of the names of the municipalities ``codes`` (CBS codes), by code."""
    if not codes or not db["municipalities"].exists():
        return {}
    codes = sorted(codes)
    out = {}
    for start in range(0, len(codes), 500):
        chunk = codes[start:start + 500]
        for code, name in db.execute("select cbs_code, name from municipalities where cbs_code in "
                                     f"({', '.join('?' * len(chunk))})", chunk).fetchall():
            out[code] = words(name)
    return out


def title_words(title: str | None, places: set[str], place_words: dict[str, set[str]]) -> set[str]:
    """The words of a procurement's title that say what it buys: without the names of the places it
    concerns ("Basishulp Jeugd Heerlen, Landgraaf en Voerendaal" → basishulp, jeugd). Those places
    count once, as places; as title words too, any article on the same towns looked like one about
    this procurement's subject and was linked to it over the procurement it was about."""
    named = set().union(*(place_words.get(code, set()) for code in places)) if places else set()
    return words(title) - named


def reference_numbers(values) -> set[str]:
    """TenderNed numbers an article's text gives (TN numbers, publication ids) as the archive keys them: the
    number's digits without leading zeros, as ``procurements.kenmerk`` and ``notices.publication_id`` (integers)
    read. A notice address ``…/aankondigingen/overzicht/0311520`` is notice 311520; its "0311520" matched
    no publication id."""
    numbers = set()
    for value in values or []:
        digits = re.sub(r"\D", "", str(value))
        if digits.strip("0"):
            numbers.add(digits.lstrip("0"))
    return numbers


def article_features(db, article: dict) -> dict:
    """What scoring needs of one article, computed once (not once per procurement)."""
    url = article["url"]
    refs = json.loads(article["tenderned_refs"] or "{}") or {}
    dates = [d for d in [_day(article["published"])] if d] + [
        d for r in db.query("select date from article_events where url = ?", [url]) if (d := _day(r["date"]))]
    return {
        "article": article, "url": url,
        "places": {r["cbs_code"] for r in db.query("select cbs_code from article_municipalities where url = ?", [url])},
        "dates": dates, "text_words": words(f"{article['title']} {article['text']}"),
        "tn_numbers": reference_numbers(refs.get("tn_numbers")),
        "pub_ids": reference_numbers(refs.get("publication_ids")),
        "jeugdregio": article["jeugdregio_code"],
    }


def articles_features(db, articles: list[dict]) -> list[dict]:
    """:func:`article_features` of many articles, with two queries for the lot instead of two
    per article (the derivation rescores every unchanged relevant article after a crawl)."""
    urls = [a["url"] for a in articles]
    places: dict[str, set] = {}
    events: dict[str, list] = {}
    for i in range(0, len(urls), 500):
        batch = urls[i:i + 500]
        marks = ",".join("?" * len(batch))
        for url, code in db.execute(f"select url, cbs_code from article_municipalities where url in ({marks})",
                                    batch).fetchall():
            places.setdefault(url, set()).add(code)
        for url, day in db.execute(f"select url, date from article_events where url in ({marks})", batch).fetchall():
            if (d := _day(day)):
                events.setdefault(url, []).append(d)
    features = []
    for article in articles:
        url = article["url"]
        refs = json.loads(article["tenderned_refs"] or "{}") or {}
        features.append({
            "article": article, "url": url, "places": places.get(url, set()),
            "dates": [d for d in [_day(article["published"])] if d] + events.get(url, []),
            "text_words": words(f"{article['title']} {article['text']}"),
            "tn_numbers": reference_numbers(refs.get("tn_numbers")),
            "pub_ids": reference_numbers(refs.get("publication_ids")),
            "jeugdregio": article["jeugdregio_code"],
        })
    return features


def score(features: dict, profile: dict, threshold: float | None = None):
    """Score one article (its :func:`article_features`) against one procurement profile:
    ``(score, reasons)``. Under ``threshold`` the reasons are not spelled out (``[]``): the
    linking step scores every pair and keeps only those at or over the candidate threshold."""
    # A TN number names a kenmerk, a publicatieId a notice: two numbering schemes of the same
    # width, so each is matched against its own kind only (never a kenmerk against a publication id).
    pub_ids = features["pub_ids"]
    ref = (profile["kenmerk_key"] in features["tn_numbers"]
           or bool(pub_ids and pub_ids & profile["publication_keys"]))
    places = features["places"]
    common = len(places & profile["places"]) if places and profile["places"] else 0
    region = bool(features["jeugdregio"] and features["jeugdregio"] == profile["jeugdregio"])
    title = profile["title_words"]
    share = len(title & features["text_words"]) / len(title) if title else 0
    within = _within(features["dates"], profile)
    total = _total(ref, common, len(places), region, share, within)
    if threshold is not None and total < threshold:
        return total, []
    reasons = []
    if ref:
        reasons.append(f"tenderned_ref:TN{profile['kenmerk']}")
    if common:
        reasons.append(f"places:{common}/{len(places)}")
    if region:
        reasons.append(f"jeugdregio:{profile['jeugdregio']}")
    if share:
        reasons.append(f"title:{share:.2f}")
    if within is not None:
        reasons.append("time:within" if within else "time:outside")
    return total, reasons


def _within(dates: list[date], profile: dict) -> bool | None:
    """Whether one of the article's ``dates`` falls within the procurement's time span (18 months
    before its first notice to 24 months after its last); None when either has no date."""
    if not dates or not profile["first"]:
        return None
    low = profile["first"] - timedelta(days=548)
    high = (profile["last"] or profile["first"]) + timedelta(days=730)
    return any(low <= d <= high for d in dates)


def _total(ref: bool, common: int, places: int, region: bool, share: float, within: bool | None) -> float:
    """The score from its parts (the table of the module docstring), rounded to 3 places: one
    function for :func:`score` and for the upper bound of :func:`candidate_urls`, so that the two
    add the same floats in the same order (a bound equal to a score is that score, bit for bit)."""
    total = 0.0
    if ref:
        total += 1.0
    if common:
        total += 0.5 * common / places
    if region:
        total += 0.1
    if share:
        total += 0.3 * share
    if within is not None:
        total += 0.1 if within else -0.3
    return round(total, 3)


#: The most a pair sharing a place can score: every part at its maximum, added by :func:`_total` (so
#: a stored score is compared with the same float): all the article's places shared, its jeugdregio,
#: every title word, within the time span.
_PLACE_MAX = _total(False, 1, 1, True, 1.0, True)
#: The same with the pair's reference and jeugdregio known: :func:`candidate_urls`' SQL bound uses
#: ``place_region`` and ``place_other`` (an article sharing a reference is always read).
_MAXIMA = {f"{'ref' if ref else 'place'}_{'region' if region else 'other'}": _total(ref, 1, 1, region, 1.0, True)
           for ref in (True, False) for region in (True, False)}


def news_procurement_id(places: set[str], url: str) -> str:
    basis = ",".join(sorted(places)) or url
    return "NEWS-" + hashlib.sha1(basis.encode("utf-8")).hexdigest()[:10]


def rank_key(scored: tuple) -> tuple:
    """The order of scored pairs ``(score, reasons, procurement_id)``: best first, ties by id."""
    return (-scored[0], scored[2])


def named(total: float, reasons: str) -> bool:
    """Whether a pair of score ``total`` and ``reasons`` (JSON) is linked beside the article's best: the
    article names the procurement by a TenderNed reference (its kenmerk, a notice's publicatieId or
    address) and the pair reaches the link threshold. An article naming two procurements ("TN160417 en
    TN160499", the two notices of two lots or regions) is about each: the second was a candidate only,
    its procurement's article count and news list without the article."""
    return total >= LINK_THRESHOLD and '"tenderned_ref:' in reasons


def decide(features: dict, scored: list[tuple[float, str, str]]) -> list[dict]:
    """The ``procurement_links`` rows of one relevant article from its scores
    ``(score, reasons as JSON, procurement_id)``: the best ``CANDIDATE_LIMIT`` at or over the
    candidate threshold, the best linked when it reaches the link threshold, with every other that
    the article names by a TenderNed reference (:func:`named`), else one news-only link. The best is
    the article's procurement (its events' and its search document's: the first linked row)."""
    scored = sorted(scored, key=rank_key)[:CANDIDATE_LIMIT]
    best = scored[0] if scored and scored[0][0] >= LINK_THRESHOLD else None
    url = features["url"]
    rows = [{"procurement_id": procurement_id, "url": url, "score": total,
             "status": "linked" if best and (procurement_id == best[2] or named(total, reasons)) else "candidate",
             "reasons": reasons}
            for total, reasons, procurement_id in scored if total >= CANDIDATE_THRESHOLD]
    if not best:
        rows.append({"procurement_id": news_procurement_id(features["places"], url), "url": url, "score": 0.0,
                     "status": "linked", "reasons": dumps(["news_only"])})
    return rows


def words_reach(shared: int, title_words: int, same_region: bool) -> bool:
    """Whether a pair sharing no place and no TenderNed reference, but ``shared`` of the
    procurement's ``title_words`` title words, can reach ``CANDIDATE_THRESHOLD``: its score is
    at most 0.3 × share + 0.1 (same jeugdregio) + 0.1 (time), before rounding to 3 places."""
    bonus = 0.1 + (0.1 if same_region else 0.0)
    return bool(title_words) and bonus + 0.3 * shared / title_words >= CANDIDATE_THRESHOLD - 0.001


def prefix_words(title_words: set[str], frequency, same_region: bool = False) -> list[str]:
    """The title words a pair must share at least one of to reach ``CANDIDATE_THRESHOLD`` by
    title words: the ``T - m + 1`` rarest (``frequency(word)``, ties by word) of the
    procurement's ``T`` title words, where ``m`` is the fewest shared words
    :func:`words_reach` accepts. A pair sharing ``m`` or more of ``T`` words shares at least
    one of any ``T - m + 1`` of them (prefix filtering, as in set-similarity joins), so
    looking up only these words is exact, and the rarest keep the lookups short.

    Linking uses it for pairs in different jeugdregios (``m`` is then about two thirds of
    ``T``); a pair in the same jeugdregio may reach the threshold with one word of three,
    so those are looked up by (word, jeugdregio) instead. Without this, every article sharing
    a common title word ("jeugdhulp") was compared with every procurement with that word:
    quadratic in the archive (issue 14)."""
    total = len(title_words)
    needed = next((m for m in range(1, total + 1) if words_reach(m, total, same_region)), None)
    if needed is None:
        return []
    return sorted(title_words, key=lambda w: (frequency(w), w))[: total - needed + 1]


class Profiles:
    """Procurement profiles with inverted indexes (place, title word, kenmerk, publication id),
    so an article is scored only against the procurements it can reach the candidate
    threshold with. Exact: without a TenderNed reference or a shared place a score is at most
    0.3 × (share of title words) + 0.1 (jeugdregio) + 0.1 (time), so title words reach a
    procurement only when enough of them are shared (:func:`words_reach`)."""

    def __init__(self, profiles: list[dict]):
        self.profiles = profiles
        self.by_place: dict[str, list[int]] = {}
        self.by_word: dict[str, list[int]] = {}
        self.by_key: dict[str, list[int]] = {}
        self.by_publication: dict[str, list[int]] = {}
        self.by_word_region: dict[tuple[str, str], list[int]] = {}
        frequency: dict[str, int] = {}
        for p in profiles:
            for word in p["title_words"]:
                frequency[word] = frequency.get(word, 0) + 1
        for i, p in enumerate(profiles):
            for place in p["places"]:
                self.by_place.setdefault(place, []).append(i)
            for word in prefix_words(p["title_words"], frequency.__getitem__):  # any jeugdregio: rarest words
                self.by_word.setdefault(word, []).append(i)
            if p["jeugdregio"]:  # the same jeugdregio: every title word
                for word in p["title_words"]:
                    self.by_word_region.setdefault((word, p["jeugdregio"]), []).append(i)
            self.by_key.setdefault(p["kenmerk_key"], []).append(i)
            for key in p["publication_keys"]:
                self.by_publication.setdefault(key, []).append(i)

    def __bool__(self) -> bool:
        return bool(self.profiles)

    def direct(self, features: dict) -> set[int]:
        """The procurements sharing a place or a TenderNed reference with the article."""
        found: set[int] = set()
        for place in features["places"]:
            found.update(self.by_place.get(place, ()))
        for key in features["tn_numbers"]:
            found.update(self.by_key.get(key, ()))
        for key in features["pub_ids"]:
            found.update(self.by_publication.get(key, ()))
        return found

    def by_words(self, features: dict, found: set[int] = frozenset()) -> set[int]:
        """The procurements outside ``found`` that share enough title words with the article to
        reach the candidate threshold (:func:`words_reach`)."""
        text_words = features["text_words"]
        by_word: set[int] = set()
        for word in text_words & self.by_word.keys():
            by_word.update(self.by_word[word])
        region = features["jeugdregio"]
        if region:
            for word in text_words:
                by_word.update(self.by_word_region.get((word, region), ()))
        return {i for i in by_word - found
                if words_reach(len(text_words & self.profiles[i]["title_words"]), len(self.profiles[i]["title_words"]),
                               bool(region and region == self.profiles[i]["jeugdregio"]))}


def _profiles(profiles) -> Profiles:
    return profiles if isinstance(profiles, Profiles) else Profiles(profiles)


def _scored(features: dict, index: Profiles, found) -> list[tuple[float, str, str]]:
    """``(score, reasons as JSON, procurement_id)`` of the article against the procurements
    ``found`` (positions in ``index``) that reach the candidate threshold."""
    out = []
    for i in sorted(found):
        profile = index.profiles[i]
        total, reasons = score(features, profile, CANDIDATE_THRESHOLD)
        if total >= CANDIDATE_THRESHOLD:
            out.append((total, dumps(reasons), profile["procurement_id"]))
    return out


#: The highest score of a pair sharing no place and no TenderNed reference: all title words,
#: the same jeugdregio, within the time span (:func:`score`).
WORDS_ONLY_MAX = 0.3 + 0.1 + 0.1


def article_links(features: dict, profiles) -> list[dict]:
    """Score an article against every procurement (``profiles``: a list or :class:`Profiles`):
    its ``procurement_links`` rows. The procurements sharing a place or a reference are scored
    first; those reached by title words alone only when they could still enter the article's
    best ``CANDIDATE_LIMIT`` (they score at most ``WORDS_ONLY_MAX``). Exact, and it matters at
    scale: a common title word reaches thousands of procurements in an article's jeugdregio."""
    index = _profiles(profiles)
    direct = index.direct(features)
    scored = _scored(features, index, direct)
    best = sorted(scored, key=rank_key)[:CANDIDATE_LIMIT]
    if len(best) < CANDIDATE_LIMIT or best[-1][0] <= WORDS_ONLY_MAX:
        scored += _scored(features, index, index.by_words(features, direct))
    return decide(features, scored)


def rescore_delta(features: dict, stored: list[dict], changed, changed_ids: set[str]):
    """What :func:`article_links` would change in the stored links of an unchanged article after
    the procurements ``changed`` (ids ``changed_ids``) changed, without scoring the others:
    ``stored`` are all its stored links (at most ``CANDIDATE_LIMIT`` and a news-only one). Returns
    ``(rows to write, procurement ids whose row goes, the linked procurement id)``, or None when
    the stored links cannot tell (see below) and the article must be scored against every
    procurement.

    Exact: an unchanged procurement scores as before, and every pair the stored list left out
    ranks below its last row (``rank_key``). So when the list was full and the new best
    ``CANDIDATE_LIMIT`` of the stored unchanged and the rescored changed pairs end at or above
    that last row, nothing left out can enter; otherwise (a changed procurement fell out of a
    full list) the answer is None."""
    old = sorted(((r["score"], r["reasons"], r["procurement_id"]) for r in stored
                  if not r["procurement_id"].startswith("NEWS-")), key=rank_key)
    pool = [s for s in old if s[2] not in changed_ids]
    index = _profiles(changed)
    found = index.direct(features)
    # Pairs of title words alone score at most WORDS_ONLY_MAX: when the unchanged links already
    # fill the list above that, none of them can enter it, and they need not be looked up.
    if len(pool) < CANDIDATE_LIMIT or pool[CANDIDATE_LIMIT - 1][0] <= WORDS_ONLY_MAX:
        found |= index.by_words(features, found)
    pool += _scored(features, index, found)
    top = sorted(pool, key=rank_key)[:CANDIDATE_LIMIT]
    if len(old) >= CANDIDATE_LIMIT and (len(top) < CANDIDATE_LIMIT or rank_key(top[-1]) > rank_key(old[-1])):
        return None
    rows = decide(features, top)
    writes, deletes = changes(stored, rows)
    return writes, deletes, next(r["procurement_id"] for r in rows if r["status"] == "linked")


def changes(stored: list[dict], rows: list[dict]) -> tuple[list[dict], list[str]]:
    """The rows of ``rows`` that differ from the ``stored`` links of the same article, and the
    procurement ids of the stored links that ``rows`` no longer has."""
    old = {r["procurement_id"]: r for r in stored}
    wanted = {r["procurement_id"] for r in rows}
    writes = [row for row in rows if (o := old.get(row["procurement_id"])) is None
              or any(o.get(k) != v for k, v in row.items())]
    return writes, [pid for pid in old if pid not in wanted]


def link_keys(features: dict) -> set[str]:
    """The ``article_link_keys`` keys of one article's :func:`article_features`: every way a
    procurement can reach it in :meth:`Profiles.direct` and :meth:`Profiles.by_words`."""
    return ({f"w:{w}" for w in features["text_words"]} | {f"p:{p}" for p in features["places"]}
            | reference_keys(features["tn_numbers"], features["pub_ids"]))


def reference_keys(tn_numbers, publication_ids) -> set[str]:
    """The ``r:`` linking keys of TenderNed references: ``r:t<kenmerk>`` of TN numbers (kenmerken) and
    ``r:p<publicatieId>`` of publication ids, two kinds that never meet (both are six-digit numbers of
    different schemes, so one key kind matched a kenmerk against a publication id). An article and a
    procurement share an ``r:`` key exactly when :func:`score` counts a TenderNed reference."""
    return {f"r:t{k}" for k in tn_numbers} | {f"r:p{k}" for k in publication_ids}


#: The ``r:`` keys of before the two kinds (``r:<number>``, either kind): an archive derived before
#: holds them until its keys are rebuilt (tenderarchive/derive.py).
OLD_REFERENCE_KEYS_SQL = "select 1 from article_link_keys where key >= 'r:0' and key < 'r::' limit 1"


def write_link_keys(db, urls: list[str], features: list[dict]) -> None:
    """Replace the keys of articles ``urls`` by those of ``features`` (the relevant ones among
    them; an article with no features entry keeps no keys), through
    tenderarchive/store/link_tables.py, which writes only the articles whose keys differ."""
    replace_link_keys(db, urls, {f["url"]: {(key, f["jeugdregio"]) for key in link_keys(f)} for f in features})


#: What the last :func:`candidate_urls` found (bench/README.md quotes it): ``direct`` articles sharing a
#: place or a reference that the optimistic bound kept, ``read`` of them whose stored links, places and
#: dates were read for the exact bound, ``words`` open articles reached by title words, ``rescored``.
LAST_STATS: dict[str, int] = {}


def candidate_urls(db, changed: list[dict]) -> set[str]:
    """The articles (urls, from ``article_link_keys``) whose links a change of the ``changed``
    procurement profiles can change: those that can score at least ``CANDIDATE_THRESHOLD``
    against one of them, less those whose stored list none of them can enter
    (:func:`settled`). The work is proportional to the changed procurements and the articles
    sharing their keys, and the per-article part of it runs in SQLite (issue 14, eighth round):

    - *places and references*: one statement joins the changed procurements' ``p:``/``r:`` keys
      (as JSON, ``json_each``) with ``article_link_keys`` and each reached article's weakest
      TenderNed link (``article_link_floor``, by key), and keeps only the rows of a pair whose
      most optimistic score (its jeugdregio as it is, every other part at its maximum:
      ``_MAXIMA``, the same floats as :func:`_total`) can still rank before that link
      (:func:`rank_key`: a higher score, or the same and an id that sorts first), of an article
      whose list is open (fewer than ``CANDIDATE_LIMIT`` links, or one at most
      ``WORDS_ONLY_MAX``), or of an article that shares a reference with a changed procurement
      (few; a reference can lift a score to 2.0). The kept rows give each pair's shared places
      and reference; only the articles whose full list such a pair could still enter are read in
      Python for the exact bound (:func:`settled`).
    - *title words*: a pair reached by title words alone scores at most ``WORDS_ONLY_MAX``, so
      only open articles can take one; the postings of the changed titles' words come back for
      those only (an article whose list is full above that is dropped inside SQLite), which
      leaves "jeugdhulp" (every relevant synthetic article) at the few open ones.

    Exact: a pair the optimistic bound leaves out ranks below the last link whatever its
    places, words and dates, and an article that is not open is never entered by title words;
    which rare words :func:`prefix_words` picks does not change which articles pass
    :func:`words_reach` (bench/README.md, "Incremental derivation, eighth round")."""
    LAST_STATS.clear()
    if not changed or not db["article_link_keys"].exists():
        return set()
    has_links = ensure_link_floor(db)
    # A shared place or a TenderNed reference: always a candidate pair. Which changed procurement
    # reaches which article by which keys is kept (shared places, a reference) for the bound.
    # The keys go in as JSON (json_each): no temporary table, so a derivation that changes nothing
    # writes nothing.
    probe = json.dumps([[key, i, p["procurement_id"], p["jeugdregio"]] for i, p in enumerate(changed)
                        for key in sorted({f"p:{c}" for c in p["places"]}
                                          | reference_keys([p["kenmerk_key"]], p["publication_keys"]))])
    title_keys = json.dumps(sorted({f"w:{w}" for p in changed for w in p["title_words"]}))
    postings_sql = ("select k.url, q.position, k.key, k.jeugdregio, f.links, f.score from "
                    "(select json_extract(value, '$[0]') as key, json_extract(value, '$[1]') as position, "
                    "json_extract(value, '$[2]') as procurement_id, json_extract(value, '$[3]') as jeugdregio "
                    "from json_each(:probe)) q cross join article_link_keys k on k.key = q.key "
                    "left join article_link_floor f on f.url = k.url")
    if has_links:
        # Each row's most optimistic score: every part at its maximum but the jeugdregio, which the
        # key tells, and the reference, counted when the article shares one with any changed
        # procurement (those articles, few, keep every row: ``refs``).
        bound = ("(case when k.jeugdregio is not null and k.jeugdregio <> '' and k.jeugdregio = q.jeugdregio "
                 "then :place_region else :place_other end)")
        rows = db.execute(
            f"with refs as (select distinct k.url from json_each(:probe) r cross join article_link_keys k "
            "on k.key = json_extract(r.value, '$[0]') where k.key >= 'r:' and k.key < 'r;') "
            f"{postings_sql} where f.url is null or f.links < :limit or f.score <= :words_max or {bound} > f.score "
            # a tie with the weakest link: the changed procurement enters only when its id sorts first
            f"or ({bound} = f.score and q.procurement_id <= f.procurement_id) or k.url in (select url from refs)",
            {"probe": probe, "limit": CANDIDATE_LIMIT, "words_max": WORDS_ONLY_MAX, **_MAXIMA}).fetchall()
    else:
        rows = db.execute(postings_sql.replace("left join article_link_floor f on f.url = k.url", "")
                          .replace("f.links, f.score", "0, null"), {"probe": probe}).fetchall()
    pairs: dict[str, dict[int, list]] = {}  # url -> changed procurement -> [shared places, reference]
    regions: dict[str, str] = {}
    full: set[str] = set()  # reached directly, with a full list above WORDS_ONLY_MAX: the exact bound decides
    for url, position, key, region, links, low in rows:
        pair = pairs.setdefault(url, {}).setdefault(position, [0, False])
        if key.startswith("p:"):
            pair[0] += 1
        else:
            pair[1] = True
        regions[url] = region
        if (links or 0) >= CANDIDATE_LIMIT and low > WORDS_ONLY_MAX:
            full.add(url)
    found = set(pairs)
    # Title words: every title word for the articles of the procurement's own jeugdregio, only the
    # rarest ones (:func:`prefix_words`; rarity = how many open articles have the word) for
    # the others; then the shared words of each article reached, counted exactly.
    words_sql = ("select k.key, k.url, k.jeugdregio from (select value as key from json_each(?)) w "
                 "cross join article_link_keys k on k.key = w.key")
    if has_links:  # open articles only: a list full above WORDS_ONLY_MAX takes no pair of title words alone
        postings_rows = db.execute(f"{words_sql} left join article_link_floor f on f.url = k.url "
                                   "where f.url is null or f.links < ? or f.score <= ?",
                                   [title_keys, CANDIDATE_LIMIT, WORDS_ONLY_MAX]).fetchall()
    else:
        postings_rows = db.execute(words_sql, [title_keys]).fetchall()
    postings: dict[str, list[tuple[str, str]]] = {}
    for key, url, region in postings_rows:
        postings.setdefault(key[2:], []).append((url, region))
    in_region: dict[tuple[str, str], list[str]] = {}
    url_words: dict[str, set[str]] = {}  # an article's words among the changed titles' words: all it shares
    for word, posting in postings.items():
        for url, region in posting:
            in_region.setdefault((word, region), []).append(url)
            url_words.setdefault(url, set()).add(word)
            regions[url] = region
    by_words: set[str] = set()
    for p in changed:
        n = len(p["title_words"])
        if not n:
            continue
        reached: set[str] = set()
        for word in prefix_words(p["title_words"], lambda w: len(postings.get(w, ()))):
            reached.update(url for url, _ in postings.get(word, ()))
        if p["jeugdregio"]:
            for word in p["title_words"]:
                reached.update(in_region.get((word, p["jeugdregio"]), ()))
        for url in reached - found - by_words:
            if words_reach(len(url_words[url] & p["title_words"]), n,
                           bool(p["jeugdregio"] and regions[url] == p["jeugdregio"])):
                by_words.add(url)
    # The exact bound of the pairs left, with the title words their articles share: for those only, and
    # only the words of the titles they are paired with (one key lookup each).
    read = sorted(full)
    wanted = json.dumps(sorted({(url, f"w:{w}") for url in read for position in pairs[url]
                                for w in changed[position]["title_words"]}))
    for url, key in db.execute("select json_extract(value, '$[0]'), json_extract(value, '$[1]') from json_each(?) "
                               "where exists (select 1 from article_link_keys k where k.key = "
                               "json_extract(value, '$[1]') and k.url = json_extract(value, '$[0]'))",
                               [wanted]).fetchall():
        url_words.setdefault(url, set()).add(key[2:])
    out = (found | by_words) - settled(db, read, changed, {url: pairs[url] for url in read}, url_words, regions)
    LAST_STATS.update(direct=len(found), read=len(read), words=len(by_words), rescored=len(out))
    return out


def settled(db, urls: list[str], changed: list[dict], pairs: dict, url_words: dict, regions: dict) -> set[str]:
    """The articles among ``urls`` whose links no ``changed`` procurement can change: their stored
    list is full (``CANDIDATE_LIMIT`` TenderNed links) and every changed procurement ranks below
    its last link (:func:`rank_key`: a lower score, or the same score and a higher id), whatever it
    scores. A procurement reaching the article by title words alone scores at most
    ``WORDS_ONLY_MAX``, so the last link must score above that; one sharing a place or a reference
    (``pairs``: url -> its position in ``changed`` -> [shared places, reference]) at most its
    *bound*: its score with the parts counted from ``article_link_keys`` (shared places of the
    article's ``p:`` keys, jeugdregio, the title words it shares, ``url_words``) and the article's
    dates (``articles.published``, ``article_events``; time counted as within when those tables
    are absent), with 1.0 for any shared ``r:`` key (a TN number shares one with the kenmerk, a
    publication id with a notice's id: :func:`reference_keys`). It adds the same floats
    as :func:`score` (:func:`_total`), so a bound equal to the last link's score is met exactly:
    the tie goes by procurement id, and an article whose last link the changed procurement could
    tie and precede is rescored.

    Exact: the stored list is the best ``CANDIDATE_LIMIT`` pairs of the article; an unchanged
    procurement scores as before, and a changed one that ranks below the last link cannot enter,
    so the list (and with it the linked procurement) stays. An article that has a link to a
    changed procurement is rescored whatever this says (the derivation adds those; the link may
    go). At a million notices most rescored articles were reached through a shared municipality
    and had ten links of 1.0; a new procurement of another topic or outside their time span
    ranks below them (bench/README.md, "Incremental derivation, seventh round")."""
    out: set[str] = set()
    if not urls or not db["procurement_links"].exists():
        return out
    has_articles, has_events = db["articles"].exists(), db["article_events"].exists()
    empty: frozenset = frozenset()
    for i in range(0, len(urls), 500):
        batch = urls[i:i + 500]
        marks = ",".join("?" * len(batch))
        # per article: how many TenderNed links, and the last one (lowest score, then highest id)
        lists: dict[str, list] = {}
        for url, procurement_id, total in db.execute(
                f"select url, procurement_id, score from procurement_links where url in ({marks}) "
                "and procurement_id not like 'NEWS-%'", batch).fetchall():
            entry = lists.get(url)
            if entry is None:
                lists[url] = [1, total, procurement_id]
            else:
                entry[0] += 1
                if total < entry[1] or (total == entry[1] and procurement_id > entry[2]):
                    entry[1], entry[2] = total, procurement_id
        last = {url: (total, None, procurement_id) for url, (n, total, procurement_id) in lists.items()
                if n >= CANDIDATE_LIMIT and total > WORDS_ONLY_MAX}
        direct = [url for url in last if url in pairs]
        places: dict[str, int] = {}
        dates: dict[str, list[date]] = {}
        if direct:
            marks = ",".join("?" * len(direct))
            places = dict(db.execute(f"select url, count(*) from article_link_keys where url in ({marks}) "
                                     "and key >= 'p:' and key < 'p;' group by url", direct).fetchall())
            if has_articles:
                for url, day in db.execute(f"select url, published from articles where url in ({marks})",
                                           direct).fetchall():
                    if (d := _day(day)):
                        dates.setdefault(url, []).append(d)
            if has_articles and has_events:
                for url, day in db.execute(f"select url, date from article_events where url in ({marks})",
                                           direct).fetchall():
                    if (d := _day(day)):
                        dates.setdefault(url, []).append(d)
        for url, weakest in last.items():
            shared_words, region_of = url_words.get(url, empty), regions.get(url)
            for position, (common, ref) in pairs.get(url, {}).items():
                p = changed[position]
                title = p["title_words"]
                share = len(shared_words & title) / len(title) if title else 0
                region = bool(region_of and region_of == p["jeugdregio"])
                within = _within(dates.get(url, []), p) if has_articles else True
                bound = _total(ref, common, places.get(url, 0), region, share, within)
                if rank_key((bound, None, p["procurement_id"])) <= rank_key(weakest):
                    break
            else:
                out.add(url)
    return out


def news_procurement(procurement_id: str, articles: list[dict]) -> dict:
    """The ``procurements`` row of a news-only procurement from the articles linked to it."""
    articles = sorted(articles, key=lambda a: (a["published"] or "9999", a["url"]))
    days = sorted(a["published"][:10] for a in articles if a["published"])
    return {
        "procurement_id": procurement_id, "kenmerk": None, "title": articles[0]["title"],
        "buyer": None, "first_published": days[0] if days else None,
        "last_published": days[-1] if days else None, "publication_count": 0,
        "publication_ids": "[]", "notice_types": "[]", "deadline": None, "is_awarded": 0,
        "youth_care": 1, "url": articles[0]["url"], "source": "news",
        "jeugdregio_code": articles[0]["jeugdregio_code"]}
