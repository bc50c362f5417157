"""Quotation marks and sentence pieces: where quoted stretches are in an article's cleaned text.

Scraped text is dirty: marks glued to the previous sentence, quotes running over paragraphs,
marks never closed or never opened. This module only finds the stretches; `speakers.py`
attributes them.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .lexicon import lexicon
from .tokens import is_initial

SENTENCE_END = re.compile(r"[.!?][\"']?[ ]+(?=[\"'(]?[A-Z0-9])")
LINE = re.compile(r"[^\n]+")
QUOTE_MARK = re.compile(r'"')


@dataclass(frozen=True)
class Segment:
    """Content of one quoted stretch (marks excluded); `close` is just after its closing mark."""
    start: int
    end: int
    close: int
    para: int
    chain: int


def paragraphs(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in LINE.finditer(text) if m.group().strip()]


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Fallback splitter: lines, then ". " before a capital, a digit or a quote (not after an initial)."""
    honorifics = lexicon().honorifics
    spans: list[tuple[int, int]] = []
    for lo, hi in paragraphs(text):
        start = lo
        for m in SENTENCE_END.finditer(text, lo, hi):
            word = text[text.rfind(" ", start, m.start()) + 1:m.start() + 1]
            if is_initial(word) or word in honorifics:
                continue
            spans.append((start, m.end() - 1 if text[m.end() - 1] == " " else m.end()))
            start = m.end()
        spans.append((start, hi))
    return [(a, b) for a, b in ((a, len(text[:b].rstrip()) if b > a else b) for a, b in spans) if b > a]


def looks_closing(text: str, i: int, lo: int) -> bool:
    """A mark after a word and before a space/punctuation/end: '...berupaya," kata'."""
    before = text[i - 1] if i > lo else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isspace() and not after.isalnum()


def looks_opening(text: str, i: int, lo: int) -> bool:
    """A mark after a space and before a word: 'bertahap kata Budi. "Nanti ...'."""
    before = text[i - 1] if i > lo else " "
    return before.isspace() and i + 1 < len(text) and text[i + 1].isalnum()


def unclosed_end(text: str, start: int, mark: int, verbs: re.Pattern[str]) -> int | None:
    """Where a quote opened at `start` really ends when the next mark at `mark` opens another one: at its
    attribution ('... bertahap kata Budi saat ...'); None without one (the marks pair as written)."""
    cut = verbs.search(text, start, mark)
    return cut.start() if cut else None


def stray_term(text: str, start: int, lo: int) -> bool:
    """A mark never closed, opened mid-sentence before a lower-case word, marks a term, not a quote."""
    before = text[lo:start - 1].rstrip()
    return text[start:start + 1].islower() and bool(before) and before[-1].isalpha()


FIRST_PERSON = re.compile(r"(?<!\w)(?:saya|kami|kita|aku)(?!\w)", re.IGNORECASE)


def narrated(text: str, lo: int, hi: int, narration: re.Pattern[str]) -> bool:
    """Does text[lo:hi] report someone's speech ('Direktur X mengatakan'), not the speaker's own ('saya
    mengatakan')?"""
    m = narration.search(text, lo, hi)
    return m is not None and not FIRST_PERSON.search(text, lo, m.start())


def narration_after(text: str, start: int, hi: int, narration: re.Pattern[str] | None) -> tuple[int, int] | None:
    """(end of the last sentence before the first that reports speech, start of the sentence after the last
    that does) in text[start:hi]: a quote whose closing mark was lost stops at the first; a closing mark at hi
    whose opening was lost quotes from the second. Each sentence is searched once."""
    if narration is None:
        return None
    first = last = None
    for m in SENTENCE_END.finditer(text, start, hi):
        nxt = SENTENCE_END.search(text, m.end(), hi)
        if narrated(text, m.end(), nxt.start() if nxt else hi, narration):
            first = m.start() + 1 if first is None else first
            last = nxt.end() if nxt else hi
    return (first, last) if first is not None else None


def find_segments(text: str, paras: list[tuple[int, int]], verbs: re.Pattern[str],
                  loose_verbs: re.Pattern[str] | None = None, narration: re.Pattern[str] | None = None) -> list[Segment]:
    """Quoted stretches, paragraph by paragraph. A quote left open at the end of a paragraph continues
    in the next one if that opens with a mark; a stray closing mark quotes from the paragraph start; a
    quote left open before a mark that opens the next one ends at its attribution (`loose_verbs`: "kata"
    without its comma); one never closed ends before a sentence of narration (`narration`)."""
    segs: list[Segment] = []
    chain, carry = -1, None
    for p, (lo, hi) in enumerate(paras):
        marks = [m.start() for m in QUOTE_MARK.finditer(text, lo, hi)]
        if carry is not None and not (marks and not text[lo:marks[0]].strip()):
            carry = None
        inside, seg_start, seg_chain = False, lo, chain
        for k, m in enumerate(marks):
            end = unclosed_end(text, seg_start, m, loose_verbs or verbs) \
                if inside and looks_opening(text, m, lo) and not looks_closing(text, m, lo) else None
            if end is not None:
                segs.append(Segment(seg_start, end, end, p, seg_chain))
                chain += 1
                seg_start, seg_chain = m + 1, chain
            elif inside:
                told = narration_after(text, seg_start, m, narration)
                if told is None:
                    segs.append(Segment(seg_start, m, m + 1, p, seg_chain))
                else:   # two lost marks paired: '"Kami ... UHC. Sementara itu, X mengatakan ... . ... rehabilitatif."'
                    segs.append(Segment(seg_start, told[0], told[0], p, seg_chain))
                    chain += 1
                    if told[1] < m:
                        segs.append(Segment(told[1], m, m + 1, p, chain))
                    elif k + 1 < len(marks) and looks_closing(text, marks[k + 1], lo):
                        # narration up to the mark, another quote closed after it: the mark opens that quote
                        # ('"Artinya ... (never closed). X mengakui ... ." Kalau kami ...," kata dia')
                        seg_start, seg_chain = m + 1 + len(text[m + 1:hi]) - len(text[m + 1:hi].lstrip(" ")), chain
                        continue
                inside = False
            elif k == 0 and text[lo:m].strip() and looks_closing(text, m, lo):
                chain += 1
                segs.append(Segment(lo + len(text[lo:m]) - len(text[lo:m].lstrip()), m, m + 1, p, chain))
            else:
                inside, seg_start = True, m + 1
                if k == 0 and carry is not None:
                    seg_chain = carry
                else:
                    chain += 1
                    seg_chain = chain
        carry = None
        if inside:
            cut = verbs.search(text, seg_start, hi)   # '"Kami siap, kata Budi.' (mark never closed)
            if cut:
                segs.append(Segment(seg_start, cut.start(), cut.start(), p, seg_chain))
            elif stray_term(text, seg_start, lo):
                pass   # 'atau "universal health coverage (UHC), dengan ...' never closed: a term, not a quote
            elif (told := narration_after(text, seg_start, hi, narration)) is not None:
                segs.append(Segment(seg_start, told[0], told[0], p, seg_chain))
            else:
                segs.append(Segment(seg_start, hi, hi, p, seg_chain))
                carry = seg_chain
    return segs


def merge(masks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Union of intervals, sorted and disjoint."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(masks):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def subtract(span: tuple[int, int], merged: list[tuple[int, int]], ends: list[int]) -> list[tuple[int, int]]:
    """Parts of span not covered by the disjoint sorted intervals `merged` (`ends`: their ends)."""
    lo, hi = span
    out = []
    for a, b in merged[bisect.bisect_right(ends, lo):]:
        if a >= hi:
            break
        if a > lo:
            out.append((lo, a))
        lo = max(lo, b)
    if lo < hi:
        out.append((lo, hi))
    return out
