"""Municipalities and jeugdregio's named in a text.

Data: ``tenderarchive/data/municipalities.csv`` (342 CBS gemeenten of 2025 with their
jeugdregio) and ``jeugdregios.csv`` (the 42 JZ regions); see ``data/README.md``.

Matching rules (hand-written; gazetteer matching needs no NLP library):

* names and aliases match case-sensitively on word boundaries, so ``beek``, ``best``,
  ``hof`` or ``ede`` inside words or as lower-case words never match; known typos are
  aliases (``Maasluis`` -> Maassluis), ``matched`` says how a name was found
  (``name``, ``alias``, ``adjective``, ``subregion:MVS`` ...);
* :data:`AMBIGUOUS` names (ordinary Dutch words or places that share a name) count only
  after ``gemeente(n)`` or inside a list of at least two municipalities;
* sub-regions expand to their municipalities: MVS, Leidse regio (with Voorschoten from
  2024 on), H10 (without Voorschoten from 2024 on), and the ``subregio`` rows of
  ``regional_buyers.csv`` (Parkstad, Westelijke Mijnstreek, Noord- en Midden-Drenthe, Zuid-Drenthe),
  sourced there, with their members of the text's year. These members are only implied, not named
  (the corpus README's gold rule): they go into ``implied_municipalities`` (matched
  ``subregion:H10``), not ``municipalities``, unless the text names them too (branch cv27);
* not a municipality of the story (issue 11): a court or company seat ("rechtbank Den
  Haag", "gevestigd te Elst", "advocaat ... te Utrecht"), a person's surname ("Emmeke
  van Eersel"), a region named after its centre ("regio Amersfoort"), "Den Haag" as the
  national government ("in Den Haag aandringen op meer geld"; branch cv39: "alle ogen op Den Haag", "Den Haag moet
  over de brug komen", "financiering vanuit Den Haag", "in Den Haag" in a sentence naming kabinet, Kamer or minister,
  never "gemeente Den Haag"), a province listed with another ("in Groningen en Drenthe"), a name inside the name of a
  jeugdregio its municipality is not in ("Utrecht West");
* a news dateline in capitals ("DOETINCHEM -") names a municipality; a shared name
  (Bergen) resolves to the variant in the province of the other municipalities named;
  an ambiguous city name said twice (not as "provincie X") counts;
* speed (issue 14): one Aho–Corasick automaton (pyahocorasick) of every name, alias,
  adjective and region name, compiled once, finds in one pass which of them occur at all
  (overlapping occurrences included); only their regular expressions then run, so a notice
  costs one scan plus a few regexes instead of some 500, each tried only where the automaton
  found its literal (:func:`_matches`, and an adjective's by :func:`_adjective_matches`: the regexes
  open with a look-behind, so ``finditer`` tried every position of the text). The regexes still
  decide every match, so the result is the same as running them all;
* spelling (issue 11): a hyphenated CBS name also matches with a space ("Borger Odoorn",
  "Midden Drenthe") and a space between two capitalised words of a CBS name with a hyphen
  ("West-Betuwe", "Stichtse-Vecht"); a province suffix in every spelling ``reference.normalise`` keys as the
  CBS name's ("Bergen (N. H)", "Bergen (N-H)"); a name with an article without it ("gemeente
  Hogeland", "in Ronde Venen") unless that is a word or another place, or with the article in
  lower case ("in de Bilt"); regular adjectives are derived from the CBS names (Castricum ->
  "Castricumse", Wageningen -> "Wageningse", irregular ones in :data:`ADJECTIVES`);
  "GEMEENTE NIJKERK" in capitals (the parties of a court ruling) names a municipality, as
  does "wethouder Johan Coes van Hellendoorn" (an office holder's municipality, not a
  surname: ``matched`` = ``office``; branch orgs36: also in brackets after the name, "Wethouder Sterk (Weert):"); an ambiguous name with a capital after a preposition
  mid-sentence ("de SP in Goes") is the place, as is one after "inwoners van"/"bewoners van" ("alle
  inwoners van Oss") or a local party named after it ("Stadspartij 100% voor Groningen", branch cv39), and one written with a capital mid-sentence in a text naming two or more other
  municipalities of its jeugdregio ("Hulst en Terneuzen werkten al samen. Ook Sluis werd daar bij
  betrokken"; an English "Best practices" beside Eindhoven and Veldhoven would count too); Utrecht or Groningen (a
  province's name too) in a sentence that says the town -- "de stad Utrecht", its council, college, wethouder or
  burgemeester, a purchase of its own ("Groningen koopt de jeugdhulp in") -- and no province ("provincie", "Gedeputeerde
  Staten", "de gemeenten in Utrecht", the end of a longer name: "Zuid Oost Utrecht"; branch orgs10); names in a list after "regio's" are regions,
  and "Den Haag" after "protest"/"actie" is the national government;
* a variant spelling (branch orgs37): a CBS name of two or more words and at least 14 characters written with one
  letter inserted, left out or changed after its first word, which is written exactly ("Alphen aan de Rijn",
  "Kaag en Braasem"; ``matched`` = ``variant``), ending at a word's end; not a shorter name (one letter off, "Edo",
  "Besta", is another word or place too often), not one whose first word is misspelt, nor one two letters off
  ("Alphen aan de Rhijn": two edits, read as no municipality -- a wider match would also take other places' names);
* a municipality that has since merged (``mergers.csv``: "gemeente Uden", "Weesp") is found
  under its own name with its 2025 successor's CBS code, in the jeugdregio it had itself in the
  text's ``year`` (``reference.region_of(name, year)``; ``matched`` = ``merged:Uden``); as its
  name is often a village's still, it counts in the contexts of an ambiguous name; several old names
  of one successor are several municipalities ("de gemeenten Grootegast, Leek, Marum en Zuidhorn");
* a municipality formed by a merger after the year a page states it was published in
  (``published_year``; ``reference.predecessors``) did not exist then: "Westerkwartier" in 2006 was the
  region of Grootegast, Leek, Marum and Zuidhorn, which it implies but does not name (branch cv39: they go
  into ``implied_municipalities``, ``matched`` = ``before_merger:Westerkwartier``, as a sub-region's members;
  "De vijf gemeenten in de Hoeksche Waard", 2014, names none), the name itself only after "gemeente" ("de
  toekomstige gemeente Westerkwartier"). A year inferred from the text does not decide it;
* a current municipality is in the jeugdregio it had in the text's ``year`` too
  (``jeugdregio_membership.csv``: Zeewolde in JZ08 Flevoland until 2023, JZ12 from 2024);
* salience: a municipality goes into ``municipalities`` when it is in a list (names separated by ", ", " en ",
  " of ", or one item of a bulleted or numbered list to the next: "• Buren;\n• Culemborg;"), follows
  ``gemeente``, is expanded from a sub-region, occurs twice, or occurs in the title or
  first paragraph; a single passing mention ("initiatief uit Nijmegen") goes into
  ``municipalities_mentioned``.
"""
from __future__ import annotations

import re
from functools import lru_cache

import ahocorasick

from tenderarchive import reference

AMBIGUOUS = {"Beek", "Best", "Ede", "Epe", "Goes", "Oss", "Putten", "Buren", "Sluis", "Veere", "Stein", "Bergen",
             "Bergen NH", "Bergen L", "Laren", "Echt", "Duiven", "Borne", "Altena", "Waterland", "Westland",
             "Groningen", "Utrecht", "Hulst", "Boekel", "Gennep", "Renkum", "Rheden", "Voorst", "Weert", "Elburg",
             "Hattem", "Heerde", "Tiel", "Baarn", "Soest", "Zeist", "Urk", "Texel", "Leiden", "Rijswijk",
             "Middelburg", "Hengelo", "Nuenen", "Valkenburg", "Sittard", "Geleen", "Voorburg", "Capelle",
             "Krimpen", "Gemert", "Heeze", "Geldrop", "Rijssen", "Eijsden", "Gulpen", "Volendam", "Reusel",
             "Bodegraven", "Pijnacker", "Leidschendam", "Hardinxveld", "Vaals", "Beesel", "Heumen", "Lopik"}
# Leiden is common enough in news and unlikely as a verb mid-sentence, but "Leiden" can
# start a sentence as the verb "leiden"; it needs the same context as other ambiguous names.

ADJECTIVES = {"Haagse": "'s-Gravenhage", "Rotterdamse": "Rotterdam", "Amsterdamse": "Amsterdam",
              "Haarlemse": "Haarlem", "Utrechtse": "Utrecht", "Eindhovense": "Eindhoven", "Tilburgse": "Tilburg",
              "Bredase": "Breda", "Nijmeegse": "Nijmegen", "Arnhemse": "Arnhem", "Zwolse": "Zwolle",
              "Maastrichtse": "Maastricht", "Heerlense": "Heerlen", "Delftse": "Delft", "Goudse": "Gouda",
              "Dordtse": "Dordrecht", "Leidse": "Leiden", "Groningse": "Groningen", "Almeerse": "Almere",
              "Enschedese": "Enschede", "Schiedamse": "Schiedam", "Vlaardingse": "Vlaardingen",
              "Maassluise": "Maassluis", "Zoetermeerse": "Zoetermeer", "Amersfoortse": "Amersfoort"}


def _adjective(name: str) -> str | None:
    """The regular Dutch adjective of a place name: Castricum -> Castricumse, Hoorn ->
    Hoornse, Breda -> Bredase, Wageningen -> Wageningse; None where it is irregular or
    unusual (other names ending in -en, -s, -e). Irregular ones are in ADJECTIVES."""
    plain = re.sub(r"\s*\([^)]*\)", "", name)
    if " " in plain or "-" in plain or "'" in plain or len(plain) < 4:
        return None
    if plain.endswith("ingen"):
        return plain[:-2] + "se"
    if plain.endswith(("en", "s", "e", "z", "x", "i", "u")):
        return None
    return plain + "se"


# Adjective uses that name something else.
ADJ_EXCEPTIONS = re.compile(r"Utrechtse Heuvelrug|Leidse [Rr]egio|Haagse [Rr]egio|Rotterdamse [Rr]egio", re.U)

SUBREGIONS = {
    "MVS": (r"\bMVS\b", ["Maassluis", "Vlaardingen", "Schiedam"], "JZ29"),
    "Leidse regio": (r"\bLeidse [Rr]egio\b", ["Leiden", "Leiderdorp", "Oegstgeest", "Zoeterwoude"], "JZ18"),
    "H10": (r"\bH10\b", ["Delft", "'s-Gravenhage", "Leidschendam-Voorburg", "Midden-Delfland", "Pijnacker-Nootdorp",
                        "Rijswijk (ZH.)", "Voorschoten", "Wassenaar", "Westland", "Zoetermeer"], "JZ24"),
    "GRJR": (r"\bGRJR\b", [], "JZ29"),
    "Noordwest 4": (r"\bNoordwest 4\b", [], None),
}

_B = r"(?<![\w@./-])"
_SPACE_BETWEEN_CAPITALS = re.compile(r"(?<=[a-z]) (?=[A-Z][a-z])")
_E = r"(?![\w-]|\.nl)"


@lru_cache(maxsize=1)
def load() -> tuple[dict, dict]:
    """({CBS name: municipality row}, {JZ code: jeugdregio row}), read by tenderarchive.reference."""
    return reference.tables()


class _Pattern:
    """A name regex compiled on first use. Of the ~500 forms only those the automaton finds in
    a text are ever searched, so a crawl compiles a few of them instead of all of them at start."""

    __slots__ = ("pattern", "_compiled")

    def __init__(self, pattern: str):
        self.pattern = pattern
        self._compiled: re.Pattern | None = None

    def _regex(self) -> re.Pattern:
        if self._compiled is None:
            self._compiled = re.compile(self.pattern)
        return self._compiled

    def search(self, text: str):
        return self._regex().search(text)

    def finditer(self, text: str):
        return self._regex().finditer(text)


def _suffix_spellings(name: str, plain: str) -> list[str]:
    """The province suffix as news writes it, every spelling ``reference.normalise`` keys as the CBS
    name's: "Bergen (NH)", "Bergen (N.H.)", "Bergen (N. H)", "Bergen (N-H)", "Hengelo (O)"."""
    letters = re.sub(r"[.\s]", "", name[len(plain):].strip()[1:-1])
    key = reference.normalise(name)
    spellings = {f"{plain} ({sep.join(letters)}{end})" for sep in ("", ".", ". ", " ", "-", ".-", ". -")
                 for end in ("", ".")}
    return sorted(f for f in spellings if f != name and reference.normalise(f) == key)


#: Names left when a municipality's article goes that are ordinary Dutch words ("Den Helder": "helder").
_ARTICLE_LESS_WORDS = {"Helder"}
_ARTICLE = re.compile(r"^(?:De|Het|Den)\s+(?=[A-Z])")


def _without_article(name: str, row: dict, munis: dict) -> list[str]:
    """A name that starts with an article as news writes it too: without the article ("gemeente
    Hogeland", "in Ronde Venen") unless that is another municipality's name or alias, a jeugdregio's,
    a former municipality's or an ordinary word; and with the article in lower case mid-sentence
    ("in de Bilt", "het Hogeland")."""
    m = _ARTICLE.match(name)
    if not m:
        return []
    rest = name[m.end():]
    forms = [name[0].lower() + name[1:]]
    taken = {_plain(n) for n in munis if n != name}
    taken |= {a for n, r in munis.items() if n != name for a in r["aliases"].split("|") if a}
    taken |= {r["old_name"] for r in reference.load().mergers}
    taken |= {re.sub(r"\s*\(.*\)", "", r["name"]) for r in load()[1].values()}
    if rest not in taken and rest not in _ARTICLE_LESS_WORDS and rest not in row["aliases"].split("|"):
        forms.append(rest)
    return forms


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[str, str, _Pattern]]:
    munis, _ = load()
    pats = []
    for name, row in munis.items():
        forms = [(name, "name")]
        plain = re.sub(r"\s*\([^)]*\)", "", name)
        if plain != name:
            forms.append((plain, "alias"))
            forms += [(form, "alias") for form in _suffix_spellings(name, plain)]
        forms += [(a, "alias") for a in row["aliases"].split("|") if a]
        forms += [(form, "alias") for form in _without_article(name, row, munis)]
        # "Borger Odoorn", "Midden Drenthe": the hyphen of a CBS name is often left out.
        forms += [(f.replace("-", " "), "alias") for f, _ in list(forms) if "-" in f.strip("-'s")]
        # "West-Betuwe", "Stichtse-Vecht": a space between two capitalised words of a CBS name is often a hyphen.
        seen = {f for f, _ in forms}
        for f, _ in list(forms):
            hyphened = _SPACE_BETWEEN_CAPITALS.sub("-", f)
            if hyphened not in seen:
                seen.add(hyphened)
                forms.append((hyphened, "alias"))
        for form, how in forms:
            pats.append((name, how if form != name else "name",
                         _Pattern(_B + re.escape(form) + r"(?:'s)?" + _E)))
    # a municipality that has since merged (mergers.csv) names its 2025 successor, matched
    # ``merged:<old name>``; its jeugdregio is the old one's in the text's year (:func:`_record`)
    for old in sorted({r["old_name"] for r in reference.load().mergers}):
        row = reference.municipality(old)
        if row and row.get("merged_from") and row["name"] in munis:  # not a name of today (a rename's old name)
            pats.append((row["name"], f"merged:{old}", _Pattern(_B + re.escape(old) + r"(?:'s)?" + _E)))
    pats.sort(key=lambda p: -len(p[2].pattern))
    return pats


@lru_cache(maxsize=1)
def _adjectives() -> dict[str, str]:
    """Irregular adjectives (ADJECTIVES) and the regular ones of every CBS name."""
    munis, _ = load()
    out = {}
    for name in munis:
        adj = _adjective(name)
        if adj and name.replace("'s", "") not in AMBIGUOUS and re.sub(r"\s*\([^)]*\)", "", name) not in AMBIGUOUS:
            out[adj] = name
    out.update(ADJECTIVES)
    return out


@lru_cache(maxsize=1)
def _automaton() -> ahocorasick.Automaton:
    """Every literal form of :func:`_patterns` (value: its indexes there) and of :data:`ADJECTIVES`
    (value: ``("adjective", form)``), matched case-sensitively, as the regexes are."""
    forms: dict[str, list] = {}
    for i, (_name, _how, rx) in enumerate(_patterns()):
        forms.setdefault(_literal(rx), []).append(i)
    for adjective in _adjectives():
        forms.setdefault(adjective, []).append(("adjective", adjective))
    automaton = ahocorasick.Automaton()
    for form, values in forms.items():
        automaton.add_word(form, values)
    automaton.make_automaton()
    return automaton


def _literal(rx: _Pattern) -> str:
    """The escaped literal between the boundary guards of a :func:`_patterns` regex."""
    body = rx.pattern[len(_B):-len(_E)]
    body = body[: -len(r"(?:'s)?")]
    return re.sub(r"\\(.)", r"\1", body)


@lru_cache(maxsize=1)
def _region_automaton() -> ahocorasick.Automaton:
    """Lower-cased jeugdregio names and aliases (``find_regions`` matches them ignoring case)."""
    _, regions = load()
    automaton = ahocorasick.Automaton()
    for code, row in regions.items():
        names = [row["name"]] + [a for a in row["aliases"].split("|") if a]
        names.append(re.sub(r"\s*\(.*\)", "", row["name"]))
        for n in names:
            key = n.lower()
            if automaton.exists(key):
                automaton.get(key).add(code)
            else:
                automaton.add_word(key, {code})
    automaton.make_automaton()
    return automaton


def _present(text: str) -> tuple[set[int], set[str]]:
    """Indexes of the :func:`_patterns` and the adjectives whose literal occurs in ``text``."""
    patterns: set[int] = set()
    adjectives: set[str] = set()
    for _end, values in _automaton().iter(text):
        for value in values:
            if isinstance(value, tuple):
                adjectives.add(value[1])
            else:
                patterns.add(value)
    return patterns, adjectives


@lru_cache(maxsize=1)
def _literal_lengths() -> tuple[int, ...]:
    """The length of each :func:`_patterns` regex's literal (where in a text it starts, from where the automaton
    says it ends)."""
    return tuple(len(_literal(rx)) for _name, _how, rx in _patterns())


def _occurrences(text: str) -> tuple[dict[int, list[int]], dict[str, list[int]]]:
    """Where the literal of each :func:`_patterns` regex occurs in ``text`` (its start offsets, ascending, by
    pattern index), and where each adjective's literal does (by adjective): :func:`_present` with the places."""
    starts: dict[int, list[int]] = {}
    adjectives: dict[str, list[int]] = {}
    lengths = _literal_lengths()
    for end, values in _automaton().iter(text):
        for value in values:
            if isinstance(value, tuple):
                adjectives.setdefault(value[1], []).append(end + 1 - len(value[1]))
            else:
                starts.setdefault(value, []).append(end + 1 - lengths[value])
    return starts, adjectives


def _matches(rx: _Pattern, text: str, starts: list[int]) -> list[tuple[int, int]]:
    """``(start, end)`` of each match of ``rx.finditer(text)``, tried only where its literal starts (``starts``,
    ascending, from :func:`_occurrences`).

    Why (issue 14): a :func:`_patterns` regex opens with a look-behind, so Python's ``re`` cannot skip ahead to
    its literal and tried every position of the text, once per name the automaton found in it (a fifth of
    finding the places in a notice, more in a long article). Every match of such a regex starts where its
    literal does (the literal is the regex's only way to match), and ``match`` at that offset sees the text
    before it as the look-behind needs; as ``finditer``, a match starts at or after the end of the one before.
    ``tests/analysis/test_places_prefilter.py`` compares the two on every pattern and text of its corpus."""
    return _matched_at(rx._regex(), text, starts)


def _matched_at(regex: re.Pattern, text: str, starts: list[int]) -> list[tuple[int, int]]:
    """``(start, end)`` of each match of ``regex.finditer(text)`` for a regex that can match only where its literal
    starts (``starts``, ascending): ``regex.match`` at each start, as ``finditer`` does, a match at or after the end of
    the one before (:func:`_matches`, :func:`_adjective_matches`)."""
    found = []
    after = 0
    for start in starts:
        if start < after:
            continue
        m = regex.match(text, start)
        if m is not None:
            found.append((start, m.end()))
            after = m.end()
    return found


@lru_cache(maxsize=None)
def _adjective_regex(adjective: str) -> re.Pattern | None:
    """An adjective's regex (the boundary guard before it, a word boundary after), or None when its text is not
    its own literal (a character a regex reads otherwise: such a form can match where its text does not occur)."""
    return None if any(c in _REGEX_SPECIAL for c in adjective) else re.compile(_B + adjective + r"\b")


#: Characters a regex reads as more than themselves (outside a character class, without ``re.X``).
_REGEX_SPECIAL = frozenset(".^$*+?{}[]\\|()")


def _adjective_matches(adjective: str, text: str, starts: list[int]) -> list[tuple[int, int]]:
    """``(start, end)`` of each match of the adjective's regex in ``text``, tried only where the automaton found its
    literal (``starts``, from :func:`_occurrences`).

    Why (issue 14): the regex opens with the look-behind of :data:`_B`, so ``finditer`` tried it at every position of
    the text for every adjective present ("Leidse" in "Leidse Regio": a fifth of ``find_municipalities`` on a
    notice's few hundred characters, and a pass over the whole page per adjective in a long article), as
    :func:`_matches` found for the names. ``tests/analysis/test_places_prefilter.py`` compares the two."""
    regex = _adjective_regex(adjective)
    if regex is None:
        return [(m.start(), m.end()) for m in re.finditer(_B + adjective + r"\b", text)]
    return _matched_at(regex, text, starts)


def _record(name: str, matched: str, year: int | None = None) -> dict:
    """The row of municipality ``name`` as found (``matched``), in its jeugdregio of ``year``: a new dict each call
    (callers add to it), copied from :func:`_record_row`."""
    return dict(_record_row(name, matched, year))


@lru_cache(maxsize=8192)
def _record_row(name: str, matched: str, year: int | None) -> dict:
    """:func:`_record`'s row, worked out once per (name, how, year) (issue 14: a notice names eight places, the
    same few hundred in every notice, and each took two table look-ups and a region-by-year search; read-only)."""
    munis, regions = load()
    row = munis[name]
    if matched.startswith("merged:"):
        # the old municipality as the text names it, with its successor's CBS code (the archive's codes are
        # those of 2025) and the region it had itself in ``year`` (``jeugdregio_before``: Weesp 2021 JZ16)
        name = matched[len("merged:"):]
    # a current municipality's region in ``year`` too (``jeugdregio_membership.csv``: Zeewolde JZ08 until 2023)
    code = reference.region_of(name if matched.startswith("merged:") else row["cbs_code"], year) or row["jeugdregio_code"]
    return {"name": name, "cbs_code": row["cbs_code"], "jeugdregio_code": code,
            "jeugdregio": regions[code]["name"] if code in regions else row["jeugdregio_name"], "matched": matched}


def find_regions(text: str) -> list[dict]:
    """Jeugdregio's (by CBS name or alias) and sub-regions named in the text."""
    _, regions = load()
    found = []
    present = {code for _end, codes in _region_automaton().iter(text.lower()) for code in codes}
    for code, row in regions.items():
        if code not in present:
            continue  # none of its names occurs, in any case
        names = [row["name"]] + [a for a in row["aliases"].split("|") if a]
        short = re.sub(r"\s*\(.*\)", "", row["name"])
        if short not in names:
            names.append(short)
        for n in names:
            if len(n) <= 3 and n != "ZHZ":
                continue
            if re.search(r"(?<![\w@.-])" + re.escape(n) + _E, text, re.I):
                # province-named regions (Groningen, Drenthe, Utrecht...) need "regio" nearby
                if n in ("Groningen", "Drenthe", "Flevoland", "Zeeland", "Friesland", "Utrecht", "Twente",
                         "Haarlemmermeer", "Achterhoek", "Fryslân") and not re.search(
                        r"(?:regio|jeugdregio)\s+" + re.escape(n), text, re.I):
                    continue
                found.append({"name": row["name"], "code": code, "kind": "jeugdregio", "matched": n})
                break
    for name, (rx, _members, code) in SUBREGIONS.items():
        if _subregion_named(name, text):
            found.append({"name": name, "code": code, "kind": "subregio", "matched": name})
    return found


_SEAT = re.compile(r"(?:rechtbank|gerechtshof|\bhof|zittingsplaats|locatie|gevestigd te|kantoorhoudende te|wonende te|"
                   r"advocaat[^,\n]{0,60}\bte|\bmr\.[^,\n]{0,40}\bte|regio'?s?|provincie|CJG|GGD)\s*(?:[A-Z][\w-]*,?\s+(?:gemeente\s+)?)?$|"
                   # round three: "de rechter in Amsterdam", "de rechtbank in Den Haag" (a court's seat) and
                   # "zorgaanbieder Horizon uit Rotterdam" (a company's seat)
                   r"\b(?:rechter|rechtbank|gerechtshof|hof)\s+(?:in|te)\s+$|"
                   r"\b\w*(?:aanbieder|instelling|bedrijf|organisatie)\s+(?:[A-Z][\w'&-]*\s+){1,3}(?:\([^)]{1,12}\)\s+)?uit\s+$", re.I)
_PERSON = re.compile(r"\b[A-Z][a-z]+\s+(?:van|de|van de|van der|ter|ten|van den)\s+$|\b(?:[A-Z]\.){1,4}\s*$")
_GOVERNMENT = re.compile(r"(?:protest\w*|actie\w*|demonstr\w+|lobby\w*) (?:[\w-]+ ){0,3}(?:naar|in) Den Haag\b|"
                         r"(?:naar|uit|vanuit|in) Den Haag\b[^.\n]{0,80}(?:geld|kabinet|minister|Kamer|rijk|lobby)|"
                         r"(?:kabinet|minister|Kamer|rijk|lobby|geld)[^.\n]{0,80}(?:naar|uit|vanuit|in) Den Haag\b|'Den Haag'", re.I)
# "Den Haag" as national politics in the general Dutch way (branch cv39), beyond _GOVERNMENT's protest and money:
# the idioms "alle ogen (gericht) op Den Haag", "kijken/wachten op Den Haag", "Den Haag moet over de brug komen";
# and "in/naar/uit Den Haag" in a sentence naming the national government (_NATIONAL). "gemeente Den Haag" never is.
_GOVERNMENT_IDIOM = re.compile(r"\b(?:ogen|blikken|hoop|aandacht|kijk\w*|wacht\w*)\s+(?:[\w-]+\s+){0,3}(?:op|naar)\s+Den Haag\b|"
                               r"\bDen Haag\s+(?:moet|moeten|zal|zou|mag|gaat)\s+(?:[\w-]+\s+){0,4}"
                               r"(?:over de brug|bijspringen|compenseren|de rekening)\b|"
                               # "Den Haag schiet West-Brabant te hulp", "financiering vanuit Den Haag"
                               r"\bDen Haag\s+(?:schiet|schieten)\s+(?:[\w-]+\s+){0,3}te hulp\b|"
                               r"\b(?:financiering|geld|middelen|bijdrage|compensatie)\s+(?:[\w-]+\s+){0,2}"
                               r"(?:van|vanuit|uit)\s+Den Haag\b")
_NATIONAL = re.compile(r"\b(?:kabinet\w*|(?:Tweede|Eerste) Kamer|Kamerleden|Kamerlid|Kamervragen|minister(?:ie|s)?|"
                       r"staatssecretaris(?:sen)?|[Rr]ijksoverheid|het [Rr]ijk|Binnenhof|regeerakkoord|coalitieakkoord|"
                       r"landelijke politiek|Haagse politiek)\b")
_GOVERNMENT_PLACE = re.compile(r"\b(?:in|naar|uit|vanuit|richting)\s+Den Haag$")
# "gemeente Den Haag", "de gemeente van Utrecht": the municipality, whatever the sentence says (not "gemeenten in X")
_GEMEENTE_BEFORE = re.compile(r"\b[Gg]emeenten?[ \t]+(?:van[ \t]+)?$")
_SENTENCE_END = re.compile(r"[.!?\n]")
# A province name beside a municipality of the same name (Groningen, Utrecht): "in Groningen en Drenthe",
# "Friesland, Groningen en Drenthe", "de provincies Utrecht en Gelderland" are provinces (branch cv39).
_PROVINCES = ("Groningen", "Friesland", "Fryslân", "Drenthe", "Overijssel", "Flevoland", "Gelderland", "Utrecht",
              "Noord-Holland", "Zuid-Holland", "Zeeland", "Noord-Brabant", "Brabant", "Limburg")
_PROVINCE_MUNICIPALITIES = {"Groningen", "Utrecht"}
_PROVINCE_NAME = r"(?:" + "|".join(sorted(_PROVINCES, key=len, reverse=True)) + r")"
_PROVINCE_LIST = re.compile(r"(?<![\w-])" + _PROVINCE_NAME + r"(?:\s*(?:,|\ben\b|\bof\b|&|/)\s*" + _PROVINCE_NAME
                            + r")+(?![\w-])")
_PROVINCES_WORD = re.compile(r"\bprovincies\s+(?:" + _PROVINCE_NAME + r"\s*(?:,|\ben\b|&)\s*)*$", re.I)


def _sentence_of(full: str, a: int, b: int, reach: int = 300) -> str:
    """The sentence around ``full[a:b]``, at most ``reach`` characters either side."""
    lo = max(0, a - reach)
    ends = [m.end() for m in _SENTENCE_END.finditer(full, lo, a)]
    start = ends[-1] if ends else lo
    m = _SENTENCE_END.search(full, b, min(len(full), b + reach))
    return full[start: m.start() if m else min(len(full), b + reach)]


def _national_den_haag(full: str, a: int, b: int) -> bool:
    """Whether "Den Haag" at ``full[a:b]`` is the national government, not the municipality."""
    if full[a:b] != "Den Haag":
        return False
    if _GOVERNMENT.search(full[max(0, a - 100): b + 100]) or _GOVERNMENT_IDIOM.search(full[max(0, a - 60): b + 80]):
        return True
    return bool(_GOVERNMENT_PLACE.search(full[max(0, a - 12): b])) and bool(_NATIONAL.search(_sentence_of(full, a, b)))


@lru_cache(maxsize=1)
def _foreign_region_names() -> dict[str, re.Pattern]:
    """{municipality name: regex of the jeugdregio names that hold it but are not its own region}: "Utrecht West"
    (JZ19) and "Zuidoost Utrecht" (JZ23) name regions Utrecht (JZ22) is not in, so their "Utrecht" is the region's
    name, not the municipality (branch cv39); "Rijk van Nijmegen" or "Amsterdam Amstelland" hold their own centre."""
    munis, regions = load()
    region_names = [(code, n) for code, region in regions.items()
                    for n in [region["name"], *(a for a in region["aliases"].split("|") if a)] if "(" not in n]
    found: dict[str, list[str]] = {}
    for name, row in munis.items():
        plain = _plain(name)
        # the region names that hold the name's text at all: only they can hold it as a word (issue 14, branch
        # reparse31: a word regex compiled for each of the 342 names was ~1 % of a 2,000-notice reparse; a few are)
        holding = [(code, n) for code, n in region_names if plain in n and n != plain and code != row["jeugdregio_code"]]
        if not holding:
            continue
        word = re.compile(r"(?<![\w-])" + re.escape(plain) + r"(?![\w-])")
        for _code, n in holding:
            if word.search(n):
                found.setdefault(name, []).append(n)
    return {name: re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in sorted(ns, key=len, reverse=True))
                             + r")(?![\w-])") for name, ns in found.items()}


def _in_foreign_region_name(full: str, a: int, b: int, name: str) -> bool:
    """Whether the name at ``full[a:b]`` is part of the name of a jeugdregio its municipality is not in."""
    rx = _foreign_region_names().get(name)
    if rx is None:
        return False
    lo = max(0, a - 30)
    return any(m.start() <= a and b <= m.end() for m in rx.finditer(full, lo, min(len(full), b + 30)))


def _province_spans(full: str) -> list[tuple[int, int]]:
    """Spans of lists of province names that hold a province that is no municipality ("Groningen en Drenthe")."""
    return [m.span() for m in _PROVINCE_LIST.finditer(full)
            if any(p not in _PROVINCE_MUNICIPALITIES for p in re.findall(_PROVINCE_NAME, m.group()))]


# "wethouder Johan Coes van Hellendoorn", "burgemeester van Diemen": the municipality of an
# office holder, not a surname. One name alone before "van" is a given name and a surname
# ("wethouder Carolien van Diemen"), so the holder's name is none or two to four words.
# "De gemeenteraad van Rijswijk", "het college van burgemeester en wethouders van Ede": the council or
# board of a municipality names it (branch cv27).
# Branch orgs36: also the office holder's municipality in brackets after the name ("Wethouder Sterk (Weert):",
# "wethouder Smitsmans (Roermond) zegt"), the way news names each speaker's municipality.
_OFFICE_OF = re.compile(r"\b(?:wethouder|burgemeester|gemeentesecretaris|raadslid|raadsleden|college|gemeenteraad)\s+"
                        r"(?:(?:(?:[A-Z][\w.'-]*\s+){2,4}|(?<=college )van burgemeester en wethouders\s+)?"
                        r"van\s+(?:de\s+gemeente\s+)?|(?<=wethouder )(?:[\w.'-]+\s+){0,3}[\w.'-]+\s*\(\s*|"
                        r"(?<=burgemeester )(?:[\w.'-]+\s+){0,3}[\w.'-]+\s*\(\s*)$", re.I)
# "GEMEENTE NIJKERK" in the heading of a court ruling.
_CAPS_GEMEENTE = re.compile(r"\bGEMEENTEN?\s+(?P<name>[A-Z][A-Z'\- ]{1,40}?[A-Z])\b(?=\s*[,\n(]|\s+(?:C\.A\.|EN\b))")
# "in de regio's Noordkop & Texel, West-Friesland en Alkmaar": a list of regions.
_REGION_LIST = re.compile(r"\bregio'?s\s+(?:[A-Z][\w'-]*(?:\s+[A-Z&][\w'-]*)*(?:\s*,\s*|\s+en\s+|\s*&\s*))+$")
# "de SP in Goes": an ambiguous name written with a capital after a preposition, mid-sentence.
_PLACE_PREPOSITION = re.compile(r"[\w,]\s+(?:in|te|uit|naar|rond)\s+$")
# "alle inwoners van Oss", "bewoners van Sluis": the people of a place are named by it. Not a surname's
# "van" (_PERSON: a capitalised given name before it) nor an office holder's (_OFFICE_OF).
#: The end of what comes before a sentence's first word: a capital there says nothing of a name.
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\n\"'„“”‘’(\[•*-])\s*$")
_RESIDENTS_OF = re.compile(r"\b(?:inwoners|bewoners|burgers|ingezetenen|inwoonsters)\s+van\s+$", re.I)
# "Stadspartij 100% voor Groningen", "Leefbaar Utrecht", "Gemeentebelangen Hoogeveen": a local party is named after its
# municipality (branch cv39: its name counts as the place, as "inwoners van" does).
_LOCAL_PARTY_WORDS = ("Leefbaar", "Gemeentebelang", "Stadspartij", "Dorpsbelangen")
_LOCAL_PARTY = re.compile(r"\b(?:Leefbaar|Gemeentebelangen|Gemeentebelang|Stadspartij|Dorpsbelangen)\s+"
                          r"(?:\d{1,3}\s?%\s+voor\s+)?$")
_DATELINE = re.compile(r"^(?:\d{1,2} \w+ )?(?P<name>[A-Z][A-Z' -]{2,40}?)\s*[-–]\s", re.M)


# Necessary conditions for the context regexes above (issue 14: four regex searches per name
# found were a fifth of a notice's places): a regex runs only where its condition holds, so the
# result is that of running it everywhere (``tests/analysis/test_places_prefilter.py`` checks
# the conditions against the regexes). The case-insensitive ones look for their literal words
# in the lower-cased text; ``İ``, ``ı`` and ``ſ`` match ``i``/``s`` under ``re.I`` but not after
# ``str.lower()``, so a text holding one of them runs every regex.
_SEAT_WORDS = ("rech", "hof", "zittingsplaats", "locatie", "gevestigd", "kantoorhoudende", "wonende", "advocaat",
               "mr.", "regio", "provincie", "cjg", "ggd", "aanbieder", "instelling", "bedrijf", "organisatie")
_OFFICE_WORDS = ("wethouder", "burgemeester", "gemeentesecretaris", "raadslid", "raadsleden", "college", "gemeenteraad")
_PERSON_ENDS = ("van", "de", "der", "ter", "ten", "den", ".")
_FOLD_SPECIAL = ("\u0130", "\u0131", "\u017f")
#: Each sub-region's regex and the literal text every match of it starts with.
_SUBREGION_RX = {name: (re.compile(rx), rx.replace("\\b", "").split("[")[0])
                 for name, (rx, _m, _c) in SUBREGIONS.items()}
_AFTER_GEMEENTE = re.compile(r"gemeenten?\s+(?:\w+\s+)?$", re.I)
_LIST_GAP = re.compile(r"\s*(?:,|en|of|&|/)\s*")
_COMMA_GAP = re.compile(r",\s*")
# one item of a bulleted or numbered list to the next: "• Buren;\n• Culemborg;", "- Druten,\n- Heumen", "1. Tiel\n2. Buren"
_BULLET_GAP = re.compile(r"[ \t]*[,;]?[ \t]*\n\s*(?:[-\u2022*\u00b7\u25aa\u25e6\u2013]|\d{1,2}[.)])[ \t]+")


# branch orgs10: Utrecht and Groningen name a province and its capital. The town is meant where the text says so ("de
# stad Utrecht"), where the sentence speaks of a municipality's own body ("het college", "de wethouder", "de
# gemeenteraad", "de gemeente") and of no province's ("provincie", "Gedeputeerde Staten", "de gemeenten in Utrecht"),
# or where the name buys youth care, which a province does not ("Utrecht koopt de jeugdhulp in", "Groningen heeft de
# jeugdhulp aanbesteed"). Bounded: the sentence is looked for within 300 characters either side.
_CITY_BEFORE = re.compile(r"\b(?:[Ss]tad|[Hh]oofdstad|[Ss]tadsbestuur van|[Gg]emeentebestuur van)\s+$")
_CITY_WORDS = re.compile(r"\b(?:gemeente|wethouders?|college|gemeenteraad|burgemeester|raadsleden|raadslid|stadsbestuur|"
                         r"stadsdelen|stadsdeel)\b", re.I)
_PROVINCE_WORDS = re.compile(r"\b(?:provincie\w*|provinciale|gedeputeerden?|Staten|gemeenten|statenleden)\b", re.I)
_CITY_BUYS = re.compile(r"\s+(?:koopt|kocht|contracteert|contracteerde|gunt|gunde|besteedt|besteedde)\b|"
                        r"\s+(?:heeft|had|gaat|wil)\s+(?:[\w-]+\s+){0,8}?(?:aanbesteed|ingekocht|gegund|gecontracteerd|"
                        r"aanbesteden|inkopen|gunnen|contracteren)\b")


_NAME_PART_BEFORE = re.compile(r"(?<![.!?]\s)(?<!^)(?<!\n)\b[A-Z][\w-]*[ \t]+$")
_MUNICIPALITIES_IN = re.compile(r"\bgemeenten\s+(?:[\w-]+\s+){0,3}?(?:in|uit|van|binnen)\s+(?:de\s+provincie\s+)?$", re.I)


def _city_use(full: str, a: int, b: int) -> bool:
    """Whether the province-named municipality at ``full[a:b]`` is the town, by its sentence (branch orgs10)."""
    if _CITY_BEFORE.search(full[max(0, a - 40): a]):
        return True
    if _NAME_PART_BEFORE.search(full[max(0, a - 40): a]):
        return False  # the end of a longer name: "De gemeenteraad van Zuid Oost Utrecht" (a region), "Oost-Groningen"
    head = full[max(0, a - 300): a]
    tail = full[b: b + 300]
    ends = list(_SENTENCE_END.finditer(head))
    start = head[ends[-1].end():] if ends else head
    stop = _SENTENCE_END.search(tail)
    end = tail[: stop.start()] if stop else tail
    sentence = start + full[a:b] + end
    if _PROVINCE_WORDS.search(sentence):
        return False
    return bool(_CITY_WORDS.search(sentence) or _CITY_BUYS.match(end))


def _context_checks(full: str) -> tuple[bool, bool, bool]:
    """Whether ``_SEAT``, ``_OFFICE_OF`` and ``_REGION_LIST`` can match anywhere in ``full``."""
    if not full.isascii() and any(c in full for c in _FOLD_SPECIAL):
        return True, True, "regio" in full
    low = full.lower()
    return (_words_rx(_SEAT_WORDS).search(low) is not None, _words_rx(_OFFICE_WORDS).search(low) is not None,
            "regio" in full)


@lru_cache(maxsize=16)
def _words_rx(words: tuple[str, ...]) -> re.Pattern:
    """One regex of the literal ``words``: whether one occurs is one search, not a generator over them (issue 14:
    ``any(w in low for w in words)`` over the seventeen :data:`_SEAT_WORDS` was a fifth of finding a notice's
    places)."""
    return re.compile("|".join(re.escape(w) for w in words))


def _has_word(window: str, words: tuple[str, ...]) -> bool:
    """Whether a case-insensitive regex needing one of ``words`` (lower case) can match ``window``."""
    if not window.isascii() and any(c in window for c in _FOLD_SPECIAL):
        return True
    return _words_rx(words).search(window.lower()) is not None


_PREPOSITIONS = ("in", "te", "uit", "naar", "rond")


#: ``regional_buyers.csv`` rows of kind ``subregio`` that :data:`SUBREGIONS` does not spell out (Parkstad,
#: Westelijke Mijnstreek, Noord- en Midden-Drenthe...): sourced in that table (data/README.md), their aliases
#: matched case-sensitively as whole words.
_SPELLED_OUT = {"mvs", "leidse-regio", "h10"}


@lru_cache(maxsize=1)
def _listed_subregion_patterns() -> tuple:
    seen: dict[str, set] = {}
    for row in reference.load().buyers:
        if row["kind"] == "subregio" and row["buyer_id"] not in _SPELLED_OUT:
            seen.setdefault(row["buyer_id"], set()).update(a for a in row["aliases"].split("|") if a)
    return tuple((buyer_id, sorted(aliases, key=len, reverse=True),
                  re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(a) for a in sorted(aliases, key=len, reverse=True))
                             + r")(?![\w]|-\w)")) for buyer_id, aliases in seen.items())


def _listed_subregions(full: str, year: int | None) -> list[tuple[str, list[str]]]:
    """The sub-regions of ``regional_buyers.csv`` a text names, each with the names of its members in
    ``year`` (``reference.buyer``; the current ones without a year)."""
    found = []
    municipalities = reference.load().municipalities
    for buyer_id, aliases, rx in _listed_subregion_patterns():
        if not any(a in full for a in aliases):
            continue
        m = rx.search(full)
        if m is None:
            continue
        row = reference.buyer(buyer_id, year)
        if row is None:
            continue
        found.append((row["name"], [municipalities[c]["name"] for c in row["member_codes"] if c in municipalities]))
    return found


def _subregion_named(name: str, full: str) -> bool:
    rx, literal = _SUBREGION_RX[name]
    return literal in full and rx.search(full) is not None


@lru_cache(maxsize=None)
def _plain(name: str) -> str:
    """``name`` without a parenthesised suffix ("Bergen (NH.)" -> "Bergen")."""
    return re.sub(r"\s*\([^)]*\)", "", name)


_PLAIN: dict[int, dict[str, list[str]]] = {}


def _plain_names(munis: dict) -> dict[str, list[str]]:
    """Municipality names by their name without a parenthesised suffix, in ``munis`` order;
    worked out once per table (it was a regex over every municipality for every mention)."""
    key = id(munis)
    if key not in _PLAIN:
        grouped: dict[str, list[str]] = {}
        for n in munis:
            grouped.setdefault(re.sub(r"\s*\([^)]*\)", "", n), []).append(n)
        _PLAIN.clear()
        _PLAIN[key] = grouped
    return _PLAIN[key]


_FOLDED: dict[int, tuple[dict[str, list[str]], dict[str, list[str]]]] = {}


def _folded_names(munis: dict) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """Municipality names by the casefolded name without its parenthesised suffix, and by that
    or any of their aliases casefolded: the dateline and "GEMEENTE X" lookups, worked out once
    per table (each match compared itself with every municipality, issue 14)."""
    key = id(munis)
    if key not in _FOLDED:
        by_plain: dict[str, list[str]] = {}
        by_form: dict[str, list[str]] = {}
        for n, row in munis.items():
            by_plain.setdefault(_plain(n).casefold(), []).append(n)
            for form in {f.casefold() for f in [_plain(n), *(a for a in row["aliases"].split("|") if a)]}:
                by_form.setdefault(form, []).append(n)
        _FOLDED.clear()
        _FOLDED[key] = (by_plain, by_form)
    return _FOLDED[key]


def _variant(name: str, spans: list, munis: dict) -> str:
    """A name shared by several municipalities (Bergen) -> the variant whose jeugdregio or
    province is that of the other municipalities in the text."""
    plain = _plain(name)
    variants = _plain_names(munis).get(plain, [])
    if len(variants) < 2:
        return name
    others = [munis[sp[2]] for sp in spans if _plain(sp[2]) != plain]
    def votes(v: str) -> int:
        row = munis[v]
        return sum(2 if o["jeugdregio_code"] == row["jeugdregio_code"] else 1 if o["province"] == row["province"] else 0
                   for o in others)
    return max(variants, key=lambda v: (votes(v), v == name))


_VARIANT_MIN = 14  # the shortest name read with one letter misspelt: "Kaag en Braassem", "Bergen op Zoom"


@lru_cache(maxsize=1)
def _long_names() -> dict[str, tuple[str, ...]]:
    """{first word: the CBS names of two or more words and at least :data:`_VARIANT_MIN` characters that open with it}
    ("Alphen": "Alphen aan den Rijn"), read with one letter misspelt (:func:`_variant_spellings`)."""
    munis, _ = load()
    out: dict[str, list[str]] = {}
    for name in munis:
        plain = re.sub(r"\s*\([^)]*\)", "", name)
        first = plain.split(" ")[0]
        if " " in plain and len(plain) >= _VARIANT_MIN and len(first) >= 4 and first[0].isupper():
            out.setdefault(first, []).append(name)
    return {k: tuple(v) for k, v in out.items()}


def _one_edit(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by exactly one letter inserted, left out or changed."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i + (len(a) == len(b)):] == b[i + 1:]


def _variant_spellings(full: str, taken: bytearray) -> list[tuple[int, int, str]]:
    """A municipality's long name written with one letter inserted, left out or changed after its first word, which
    is written as the CBS name writes it ("Alphen aan de Rijn", "Capelle aan de IJssel"; branch orgs37): (start, end,
    CBS name). Only names of two or more words and :data:`_VARIANT_MIN` characters (:func:`_long_names`), ending at a
    word's end, on one line, and not where an exact name was read; a short name one letter off is too often another
    word or place ("Best", "Ede")."""
    long_names = _long_names()
    out = []
    for m in re.finditer(r"(?<![\w-])([A-Z][\w'-]{3,}) ", full):
        names = long_names.get(m.group(1))
        if not names or taken[m.start()]:
            continue
        for name in names:
            plain = re.sub(r"\s*\([^)]*\)", "", name)
            for size in (len(plain) - 1, len(plain) + 1, len(plain)):
                end = m.start() + size
                seg = full[m.start(): end]
                if (end <= len(full) and "\n" not in seg and not re.match(r"[\w-]", full[end: end + 1])
                        and seg[-1:].isalpha() and _one_edit(seg, plain)):
                    out.append((m.start(), end, name))
                    break
            else:
                continue
            break
    return out


def find_municipalities(text: str, title: str | None = None, year: int | None = None,
                        published_year: int | None = None, regions: bool = True) -> dict:
    """Municipalities (salient and mentioned) and regions the text names, each in its jeugdregio of ``year``.
    ``published_year``: the year the page states it was published in (not one inferred from its text),
    before which a municipality formed by a later merger is read as the municipalities it was formed of.
    ``regions=False``: without the jeugdregio's and sub-regions named (``"regions"`` left out), for a caller that
    reads only the municipalities (a notice's places, issue 14: ≈ 8 % of finding them)."""
    full = (title + "\n" if title else "") + text
    first_para = full.strip().split("\n\n")[0][:600]
    spans: list[tuple[int, int, str, str]] = []
    # Characters already inside a longer match: one flag per character, so checking a match
    # costs its own length, not the number of earlier matches (many mentions were quadratic).
    taken = bytearray(len(full))
    present, adjectives = _occurrences(full)
    patterns = _patterns()
    for i in sorted(present):  # the patterns whose literal occurs, in pattern order (the longest first)
        name, how, rx = patterns[i]
        for start, end in _matches(rx, full, present[i]):
            if any(taken[start:end]):
                continue
            taken[start:end] = b"\x01" * (end - start)
            spans.append((start, end, name, how))
    # (branch orgs37) a long name misspelt by one letter ("Alphen aan de Rijn"), its first word as written
    for start, end, name in _variant_spellings(full, taken):
        taken[start:end] = b"\x01" * (end - start)
        spans.append((start, end, name, "variant"))
    known = _adjectives()
    for adj in sorted(adjectives):  # the spans are sorted below: the order of the adjectives is moot
        name = known.get(adj)
        if name is None:
            continue
        for start, end in _adjective_matches(adj, full, adjectives[adj]):
            if ADJ_EXCEPTIONS.match(full, start):
                continue
            if not any(taken[start:end]):
                spans.append((start, end, name, "adjective"))
    spans.sort()
    munis, _ = load()
    # (a name written with its province suffix is that variant: "Bergen (NH) en Bergen (L)" are two)
    spans = [(a, b, name if ")" in full[a:b] else _variant(name, spans, munis), how) for a, b, name, how in spans]
    keep = []
    seat, office, region_list = _context_checks(full)
    province_lists = _province_spans(full) if any(sp[2] in _PROVINCE_MUNICIPALITIES for sp in spans) else []
    for a, b, name, how in spans:
        before = full[max(0, a - 80): a]
        if office and _OFFICE_OF.search(before):
            keep.append((a, b, name, "office"))
            continue
        if (seat and _has_word(before, _SEAT_WORDS) and _SEAT.search(before)) \
                or (before.rstrip().endswith(_PERSON_ENDS) and _PERSON.search(before)) \
                or (region_list and _REGION_LIST.search(before)):
            continue
        near_gemeente = _GEMEENTE_BEFORE.search(full[max(0, a - 30): a]) is not None
        if name == "'s-Gravenhage" and not near_gemeente and _national_den_haag(full, a, b):
            continue
        # "vijf gemeenten in Utrecht West": a region's name, not the municipality's
        if not near_gemeente and _in_foreign_region_name(full, a, b, name):
            continue
        # "in Groningen en Drenthe", "de provincies Utrecht en Gelderland": the province, not the municipality
        if name in _PROVINCE_MUNICIPALITIES and not near_gemeente and full[a:b] == name and (
                any(lo <= a and b <= hi for lo, hi in province_lists)
                # (branch orgs10) "de gemeenten in Utrecht", "gemeenten uit de provincie Groningen": the province
                or _MUNICIPALITIES_IN.search(full[max(0, a - 60): a])
                or ("rovincies" in full[max(0, a - 80): a] and _PROVINCES_WORD.search(full[max(0, a - 80): a]))):
            continue
        keep.append((a, b, name, how))
    spans = keep
    datelines = set()
    by_plain, by_form = _folded_names(munis)
    for m in _DATELINE.finditer(full):
        datelines.update(by_plain.get(m.group("name").strip().title().casefold(), ()))
    for m in _CAPS_GEMEENTE.finditer(full):
        datelines.update(by_form.get(m.group("name").strip().casefold(), ()))
    # list membership: names separated only by ", " / " en " / " of "
    in_list: set[int] = set()
    for i in range(len(spans) - 1):
        gap = full[spans[i][1]: spans[i + 1][0]]
        if _LIST_GAP.fullmatch(gap) or _COMMA_GAP.fullmatch(gap) or _BULLET_GAP.fullmatch(gap):
            in_list.update({i, i + 1})
    counts: dict[str, int] = {}
    for _, _, name, _ in spans:
        counts[name] = counts.get(name, 0) + 1
    salient: dict[str, dict] = {}
    mentioned: dict[str, dict] = {}
    as_gemeente: set[str] = set()  # names written after "gemeente" at least once
    neighbours: list[tuple[str, str]] = []  # ambiguous names written capitalised mid-sentence, not yet counted
    for i, (a, b, name, how) in enumerate(spans):
        surface = full[a:b]
        near = full[max(0, a - 30): a]
        after_gemeente = _has_word(near, ("gemeente",)) and bool(_AFTER_GEMEENTE.search(near))
        # a former municipality's name is often a village's still ("Ouderkerk aan de Amstel", "Haren"):
        # it counts in the contexts of an ambiguous one
        if after_gemeente:  # (the old name of a merged one: "gemeenten Grootegast, Leek" is not "gemeente Westerkwartier")
            as_gemeente.add(how[len("merged:"):] if how.startswith("merged:") else name)
        ambiguous = surface.replace("'s", "") in AMBIGUOUS or name in AMBIGUOUS or how.startswith("merged:")
        place_use = surface[:1].isupper() and (
            (near.rstrip().endswith(_PREPOSITIONS) and bool(_PLACE_PREPOSITION.search(near)))
            or (near.rstrip().endswith("van") and bool(_RESIDENTS_OF.search(near)))
            or (any(w in near for w in _LOCAL_PARTY_WORDS) and bool(_LOCAL_PARTY.search(near))))
        # (the council, board or an office holder "van Rijswijk" names the municipality: how == "office"; branch orgs10:
        # Utrecht or Groningen in a sentence about a town's own body or purchase, not a province's, is the municipality)
        if ambiguous and not (after_gemeente or place_use or how == "office" or i in in_list or name in datelines or
                              (name in _PROVINCE_MUNICIPALITIES and surface == name and _city_use(full, a, b)) or
                              (counts[name] >= 2 and surface[:1].isupper() and len(surface) > 5)):
            if surface[:1].isupper() and not _SENTENCE_START.search(full[max(0, a - 3): a] if a else ""):
                neighbours.append((name, how))
            continue
        rec = _record(name, how, year)
        # keyed by the name as the text means it: "de gemeenten Grootegast, Leek, Marum en Zuidhorn" (2006) are four
        # municipalities, not one Westerkwartier, and "Ten Boer, Groningen" two
        if how == "office":
            salient.setdefault(rec["name"], rec)
        # an adjective alone is a passing mention; beside the name it counts as a second one
        # ("... is Castricum" and "de Castricumse wethouder")
        elif how == "adjective" or not (i in in_list or after_gemeente or counts[name] >= 2 or surface in first_para):
            mentioned.setdefault(rec["name"], rec)
        else:
            salient.setdefault(rec["name"], rec)
    # "Hulst en Terneuzen werkten al samen. Ook Sluis werd daar bij betrokken": an ambiguous name written
    # with a capital mid-sentence in a story about two or more other municipalities of its own jeugdregio
    # (in the text's year) is that region's municipality, one of the group the story is about.
    for name, how in neighbours:
        rec = _record(name, how, year)
        if rec["name"] in salient:
            continue
        if sum(1 for other in salient.values() if other["jeugdregio_code"] == rec["jeugdregio_code"]) >= 2:
            salient[rec["name"]] = rec
    for name in datelines:
        if name not in salient:
            salient[name] = _record(name, "dateline", year)
    # A cooperation's or sub-region's name (H10, MVS, Leidse regio, Parkstad) implies its members, but does not
    # name them (the corpus README's gold rule, branch cv27): they are kept apart, as ``implied_municipalities``
    # with the region name as evidence (matched "subregion:H10"), for linking and the archive to read.
    implied: dict[str, dict] = {}
    for sub, (rx, members, _code) in SUBREGIONS.items():
        if not members or not _subregion_named(sub, full):
            continue
        mem = list(members)
        if sub == "Leidse regio" and year and year >= 2024:
            mem.append("Voorschoten")
        if sub == "H10" and year and year >= 2024:
            mem.remove("Voorschoten")
        for name in mem:
            implied.setdefault(name, _record(name, f"subregion:{sub}", year))
    for sub, names in _listed_subregions(full, year):
        for name in names:
            implied.setdefault(name, _record(name, f"subregion:{sub}", year))
    # A municipality formed by a merger after the year the page states did not exist then: its name was the region of
    # the municipalities it was formed of ("Westerkwartier" in 2006: Grootegast, Leek, Marum, Zuidhorn;
    # reference.predecessors); the name itself counts only where the text says "gemeente" (the coming
    # municipality: "de toekomstige gemeente Westerkwartier", 2018). A region's name implies its municipalities
    # but does not name them (the corpus README's gold rule, as for a sub-region above; branch cv39: "De vijf
    # gemeenten in de Hoeksche Waard", 2014): they go into ``implied_municipalities`` (matched
    # ``before_merger:Westerkwartier``), and into ``municipalities`` only where the text names them itself.
    for found in (salient, mentioned):
        for name, rec in list(found.items()):
            if rec["matched"].startswith("merged:"):
                continue
            olds = reference.predecessors(name, published_year) if published_year else []
            for old in olds:
                implied.setdefault(old, {**_record(name, f"merged:{old}", year), "matched": f"before_merger:{name}"})
            if olds and name not in as_gemeente:
                del found[name]
    for name in list(mentioned):
        if name in salient:
            del mentioned[name]
    named = {rec["name"] for rec in (*salient.values(), *mentioned.values())}
    return {"municipalities": list(salient.values()), "municipalities_mentioned": list(mentioned.values()),
            "implied_municipalities": [rec for rec in implied.values() if rec["name"] not in named],
            **({"regions": find_regions(full)} if regions else {})}
