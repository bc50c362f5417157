"""Tokens of an article's cleaned text: words and single punctuation marks, with scraper glue
("Rabu.Fachmi", "BPJSIqbal") split off. An article is tokenised once (`Tokens`); every search
slices that list.
"""
from __future__ import annotations

import bisect
import re
from typing import NamedTuple, Sequence

from .lexicon import Phrases, lexicon

# Words, or single punctuation marks that end a run. Linear: one character class per branch.
TOKEN = re.compile(r"[^\s,;:()\"!?*\[\]|]+|[,;:()\"!?*\[\]|]|[ ]{2,}")   # 2+ spaces: a paragraph break
# Scraper glue inside a word: "Rabu.Fachmi", "KIS.Direktur", ").Direktur", "Jakarta-Menteri" (the
# separator becomes a token), and words glued without any separator: "BPJSIqbal", "IuranSebelumnya".
GLUE = re.compile(r"(?<=[a-z]{2})\.(?=[A-Z])|(?<=[A-Z]{2})\.(?=[A-Z][a-z])|(?<=\))\.(?=[A-Z])"
                  r"|(?<=[A-Za-z])-(?=[A-Z])|(?<=[a-z])-$|(?<=[a-z]{3})(?=[A-Z][a-z]{2})|(?<=[A-Z]{3})(?=[A-Z][a-z]{2})")
# ... but not inside a compound acronym with a short head: "K-SBSI", "PD-IPM", "SP-FOKKA" name one body
# (longer heads, "JKN-KIS", "BPJS-TK", split: their parts are words the vocabulary knows).
ACRONYM_COMPOUND = re.compile(r"[A-Z]{1,2}(?:-[A-Z]{2,6})+")
INITIAL_SHAPE = re.compile(r"[A-Z][a-z]?\.")   # "M.", "Hj.": longer dotted words are listed (titles.yml)


def is_initial(word: str) -> bool:
    """An initial or an abbreviated name ("M.", "Muh.", "Abd."), not a short word ending a sentence ("Edy.")."""
    return INITIAL_SHAPE.fullmatch(word) is not None or word.casefold() in lexicon().name_abbreviations


LOWER_WORD = re.compile(r"(?<![\w.])[a-z][a-z-]*")


class Tok(NamedTuple):
    """One token; `low`, `cap` and `alpha` are computed once (they are read many times)."""
    text: str
    start: int
    end: int
    low: str
    cap: bool       # starts with an upper-case letter
    alpha: bool     # starts with a letter


def make_tok(text: str, start: int, end: int) -> Tok:
    return Tok(text, start, end, text.casefold(), text[:1].isupper(), text[:1].isalpha())


def tokenize(text: str, lo: int = 0, hi: int | None = None) -> list[Tok]:
    """Tokens of text[lo:hi]; a sentence-final dot is split off unless the word is an initial or
    a listed abbreviation ("M.", "Dr.", "Plt.", "S.Kep.")."""
    lex = lexicon()
    out: list[Tok] = []
    add = out.append
    for m in TOKEN.finditer(text, lo, len(text) if hi is None else hi):
        s, e = m.span()
        word = m.group()
        if len(word) > 2 and ("." in word or "-" in word or not word[1:].islower()) \
                and not ACRONYM_COMPOUND.fullmatch(word):
            for g in GLUE.finditer(text, s, e):
                if g.start() > s:
                    add(make_tok(text[s:g.start()], s, g.start()))
                if g.end() > g.start():
                    add(make_tok(g.group(), g.start(), g.end()))
                s = g.end()
            word = text[s:e]
        if len(word) > 1 and word[-1] == "." and not is_initial(word) \
                and word not in lex.honorifics and word.casefold() not in lex.short_words:
            bare = word.rstrip(".")
            add(make_tok(bare, s, s + len(bare)))
            add(make_tok(".", e - 1, e))
        elif word:
            add(make_tok(word, s, e))
    return out


class Tokens:
    """An article's tokens, tokenised once; `between` gives the tokens inside a char range."""

    def __init__(self, text: str) -> None:
        self.all = tokenize(text)
        self.starts = [t.start for t in self.all]

    def between(self, lo: int, hi: int) -> list[Tok]:
        a = bisect.bisect_left(self.starts, lo)
        b = bisect.bisect_left(self.starts, hi, a)
        while b > a and self.all[b - 1].end > hi:     # a word cut by the range is left out
            b -= 1
        return self.all[a:b]


def index_at(toks: Sequence[Tok], pos: int) -> int:
    """Index of the first token starting at or after char pos (0 when none does)."""
    return next((i for i, t in enumerate(toks) if t.start >= pos), 0)


def name_text(toks: Sequence[Tok], a: int, b: int) -> str:
    """A name from its tokens (not the raw text, where scraper glue may join it to a word); a hyphen
    keeps its words joined ("Sang-Min")."""
    out = ""
    for k in range(a, b):
        t = toks[k]
        joined = k > a and (t.text == "-" or toks[k - 1].text == "-") and toks[k - 1].end == t.start
        out += t.text if joined or k == a else " " + t.text
    return out


def match(toks: Sequence[Tok], i: int, table: Phrases, need_cap: bool = True) -> int:
    """Length of the longest phrase of `table` starting at token i (0 if none)."""
    if i >= len(toks) or (need_cap and not toks[i].cap):
        return 0
    for phrase in table.get(toks[i].low, ()):
        n = len(phrase)
        if i + n <= len(toks) and all(toks[i + k].low == phrase[k] for k in range(1, n)):
            return n
    return 0


def common_words(text: str) -> frozenset[str]:
    """Words the article writes in lower case: a capitalised one of these is a sentence opener, not a name."""
    return frozenset(LOWER_WORD.findall(text))
