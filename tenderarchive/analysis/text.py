"""Text normalisation and segmentation shared by the analysis modules.

Input texts are already-extracted article bodies that may still carry U+00A0
no-break spaces, curly quotes and glued image alt texts (news-sites §2.4).
Everything here is hand-written stdlib code: the rules are small and Dutch
sentence/heading conventions on municipal sites are regular enough that a
tokenizer library would add a dependency without adding accuracy.

Normalisation never "fixes" spelling: typos such as ``Maasluis`` stay, so that
downstream matchers see what the source says (the place matcher knows the
typo as an alias).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

_SPACE_CHARS = {"\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200b": ""}
_QUOTES = {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2022": "-"}


def normalise(text: str) -> str:
    """NBSP and friends -> space, curly quotes -> straight, collapse runs of
    spaces inside lines. Line breaks are kept: they mark headings."""
    for src, dst in {**_SPACE_CHARS, **_QUOTES}.items():
        text = text.replace(src, dst)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub(r"[ \t]+", " ", text)
    return "\n".join(line.strip() for line in text.split("\n"))


@dataclass
class Sentence:
    text: str
    start: int            # offset in the normalised text
    is_heading: bool      # a short line without closing punctuation
    heading: str | None   # nearest heading above this sentence (section title)
    index: int = 0
    paragraph: int = 0
    extras: dict = field(default_factory=dict)


_SENT_END = re.compile(r"(?<=[.!?])\s+(?=[\"'(]?[A-Z0-9ÀÉÈÖÜ])")
# Abbreviations that end in a dot but do not end a sentence.
# ("m.i.v.", met ingang van, before a date: branch cv69)
# An abbreviated weekday or month followed by a number is part of a date.
_DATE_ABBREV = re.compile(r"\b(?:ma|di|wo|do|vr|za|zo|jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec)\.$", re.I)
_ABBREV = ("a.s.", "o.a.", "bijv.", "bv.", "t/m", "ca.", "nr.", "z.s.m.", "m.b.t.", "i.v.m.", "m.i.v.", "e.d.", "etc.")


def _is_heading(line: str) -> bool:
    if not line or len(line) > 120:
        return False
    if line.endswith((".", "?", "!", ":", ";", ",")):
        # "Gepubliceerd op: 14 december 2020" ends without ':' so is covered below
        return False
    return len(line.split()) <= 14


def _split_line(line: str) -> list[tuple[int, str]]:
    """Split one line into sentences, keeping offsets relative to the line."""
    out, pos = [], 0
    for m in _SENT_END.finditer(line):
        # Only the few characters before the break decide (the longest abbreviation is 6): the whole
        # prefix would make a long line with many sentences quadratic.
        before = line[max(0, m.start() - 16): m.start()]
        if before.endswith(_ABBREV) or re.search(r"\b[A-Z]\.$", before):
            continue
        if _DATE_ABBREV.search(before) and line[m.end():m.end() + 1].isdigit():
            continue  # "do. 7 okt. 2021": one date, not three sentences
        out.append((pos, line[pos: m.start()]))
        pos = m.end()
    out.append((pos, line[pos:]))
    return [(p, s) for p, s in out if s.strip()]


#: A "sentence" longer than this (a page without full stops, a run of list items) is read as
#: pieces of at most this many characters, cut at a space: every cue of a sentence reads the
#: sentence around it, so one 50,000-character sentence made the stages quadratic (72 s). The
#: longest real sentence of the news corpus has about 1,000 characters.
MAX_SENTENCE = 1_500


def _pieces(sent: str) -> list[tuple[int, str]]:
    """``sent`` cut at spaces into pieces of at most :data:`MAX_SENTENCE` characters (offsets in it)."""
    out, pos = [], 0
    while len(sent) - pos > MAX_SENTENCE:
        cut = sent.rfind(" ", pos + MAX_SENTENCE // 2, pos + MAX_SENTENCE)
        cut = cut if cut > pos else pos + MAX_SENTENCE
        out.append((pos, sent[pos:cut]))
        pos = cut + (sent[cut:cut + 1] == " ")
    out.append((pos, sent[pos:]))
    return [(p, s) for p, s in out if s.strip()]


def sentences(text: str) -> list[Sentence]:
    """Sentences of a normalised text, each knowing its section heading (an overlong one in
    pieces of at most :data:`MAX_SENTENCE` characters)."""
    result: list[Sentence] = []
    offset = 0
    heading = None
    paragraph = 0
    for line in text.split("\n"):
        if not line.strip():
            offset += len(line) + 1
            paragraph += 1
            continue
        if _is_heading(line):
            result.append(Sentence(line, offset, True, heading, len(result), paragraph))
            heading = line
            paragraph += 1
        else:
            for rel, sent in _split_line(line):
                for within, piece in (_pieces(sent) if len(sent) > MAX_SENTENCE else [(0, sent)]):
                    result.append(Sentence(piece, offset + rel + within, False, heading, len(result), paragraph))
        offset += len(line) + 1
    return result


@lru_cache(maxsize=64)
def clauses(sentence: str) -> tuple[tuple[int, str], ...]:
    """Split a sentence into rough clauses (offset, text) at commas, semicolons
    and subordinating words. Used to tie a date to the stage cue next to it
    (:func:`clause_at`); cached, as every cue of a sentence asks."""
    parts, pos = [], 0
    for m in re.finditer(r"[;,]\s+(?!en\b)|\s(?=(?:waarmee|waarbij|waarna|zodat|omdat|terwijl|nadat)\b)", sentence):
        parts.append((pos, sentence[pos: m.start()]))
        pos = m.end()
    parts.append((pos, sentence[pos:]))
    return tuple((p, s) for p, s in parts if s.strip())


def clause_at(sentence: str, position: int) -> tuple[int, str] | None:
    """The clause of :func:`clauses` that holds ``position`` (its separator counts with it), or
    None. The clauses of a sentence are split once and found by bisection: every stage cue of a
    long sentence asks, and splitting the sentence for each made it quadratic (a page without
    full stops)."""
    parts = clauses(sentence)
    i = bisect_right(parts, position, key=lambda part: part[0]) - 1
    if i >= 0 and position < parts[i][0] + len(parts[i][1]) + 1:
        return parts[i]
    return None
