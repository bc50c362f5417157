"""Speakers stage: who said what. Direct quotes ("...," kata X), reported speech (X mengatakan ...),
and carry-over by pronouns and descriptions, over an article's cleaned text.

One left-to-right pass over events (quote chains and sentence pieces outside quotes) keeps the
"most recent person" for "ia"/"dia"/"-nya". Person mentions are parsed by `names.py`; speech
cues are data (rules/speech_verbs.yml).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from functools import cache
from typing import Sequence

from .names import (INITIAL, Mention, MentionParser, Person, Registry, Tok, common_words, fullness,
                    is_name_token, lexicon, match, place_evidence, tokenize)
from .quotemarks import Segment, find_segments, merge, paragraphs, split_sentences, subtract
from .rules import load_yaml, require

__all__ = ["Quote", "find_quotes", "speaker_at", "split_sentences"]

MIN_QUOTE_WORDS = 4      # shorter quoted runs without attribution are terms ("program "Bengkulu Sehat"")
MIN_STATEMENT_TOKENS = 2
MAX_RUN = 16              # a subject is never longer: bounds the search (linear time)
POST_WINDOW = 300         # chars after a closing mark searched for its attribution


@dataclass(frozen=True)
class Quote:
    speaker_name: str | None
    speaker_role: str | None
    speaker_org: str | None
    verb: str | None
    text: str
    direct: bool
    start: int
    end: int


@dataclass(frozen=True)
class Cues:
    after: frozenset[str]        # "kata", "ujar" ... (+ "-nya" forms)
    after_nya: frozenset[str]
    before: frozenset[str]
    passive: frozenset[str]
    according: frozenset[str]
    between: frozenset[str]
    complementisers: frozenset[str]
    agents: frozenset[str]


@cache
def cues() -> Cues:
    keys = ("after", "before", "passive", "according", "between", "complementisers", "agents")
    data = require(load_yaml("speech_verbs.yml"), "speech_verbs.yml", {k: list for k in keys})
    f = {k: frozenset(str(w).casefold() for w in data[k]) for k in keys}
    return Cues(after=f["after"], after_nya=frozenset(w + "nya" for w in f["after"] | f["according"]),
                before=f["before"], passive=f["passive"], according=f["according"], between=f["between"],
                complementisers=f["complementisers"], agents=f["agents"])


@dataclass(frozen=True)
class Attribution:
    mention: Mention | None
    verb: str | None
    lo: int       # text the attribution occupies (masked from reported-speech search)
    hi: int


class Speakers:
    """State of one article's pass."""

    def __init__(self, text: str, sentences: Sequence[tuple[int, int]]) -> None:
        self.text = text
        self.sentences = sorted(sentences)
        self.cues = cues()
        self.lex = lexicon()
        self.parser = MentionParser(text, place_evidence(text), common_words(text))
        self.registry = Registry()
        self.last: Person | None = None
        self.paras = paragraphs(text)
        self.para_starts = [lo for lo, _ in self.paras]
        after = "|".join(sorted(self.cues.after | self.cues.after_nya, key=len, reverse=True))
        self.inner_cue = re.compile(r",[ ]+(?:" + after + r")\b", re.IGNORECASE)
        self.register_titled()

    def register_titled(self) -> None:
        """Every "Title ... Name" in the article, for expanding short names and resolving descriptions."""
        for lo, hi in self.paras:
            toks = tokenize(self.text, lo, hi)
            i = 0
            while i < len(toks):
                if match(toks, i, self.lex.titles):
                    m = self.parser.parse(toks, i)
                    if m and m.kind == "person" and m.role:
                        self.registry.add(Person(m.name or "", m.role, m.org, m.start))
                        i = m.next_i
                        continue
                self.register_name_title(toks, i)
                i += 1

    def register_name_title(self, toks: list[Tok], i: int) -> None:
        """'Saleh Hadi Putra, Anggota Komisi IX DPR, ...': a full name (2+ words) then its title."""
        if i and (toks[i - 1].cap or toks[i - 1].text[:1].isalnum()):
            return      # only at the start of a name run
        n = self.parser.name_len(toks, i)
        if n < 2 or i + n + 1 >= len(toks) or toks[i + n].text != "," or not match(toks, i + n + 1, self.lex.titles):
            return
        role = self.parser.parse(toks, i + n + 1)
        if role is not None and role.kind == "description" and role.role:
            self.registry.add(Person(self.parser.span(toks, i, i + n), role.role, role.org, toks[i].start))

    # --- attribution -----------------------------------------------------------------------------
    def subject_before(self, toks: list[Tok], k: int) -> Mention | None:
        """The mention that ends right before token k (a speech verb), adverbs such as "juga" skipped."""
        j = k - 1
        while j >= 0 and toks[j].low in self.cues.between:
            j -= 1
        if j < 0:
            return None
        end = j + 1
        apposition = toks[j].text == ","
        if apposition:      # "Kepala X, Budi, mengatakan"
            a = j - 1
            while a >= 0 and (is_name_token(toks[a], self.lex) or toks[a].text in self.lex.honorifics):
                a -= 1
            if a < 0 or a == j - 1 or toks[a].text != ",":
                return None
            j = a - 1
        b = j
        while b >= 0 and j - b < MAX_RUN and self.run_token(toks[b]):
            b -= 1
        head = toks[:end]
        for s in range(b + 1, end):
            at_start = s == 0 or not toks[s - 1].text[:1].isalnum()
            m = self.parser.parse(head, s, at_start=at_start)
            if m and (m.next_i == end or (apposition and m.next_i == end - 1)):
                return m
        return None

    def run_token(self, t: Tok) -> bool:
        low = t.low
        return (t.cap and t.text[:1].isalpha()) or bool(INITIAL.fullmatch(t.text)) or low in self.lex.particles \
            or low in self.lex.modifiers or low in ("dan", "&") or low in self.lex.role_words

    def after_cue(self, toks: list[Tok], k: int) -> Mention | None:
        """'kata X' / 'ujarnya' / 'kata dia' at token k."""
        t = toks[k]
        if t.low in self.cues.after_nya:
            return Mention("pronoun", None, None, None, t.start, t.end, k + 1)
        if t.low in self.cues.after or t.low in self.cues.before:
            return self.parser.parse(toks, k + 1)
        return None

    def post_attribution(self, seg: Segment, limit: int) -> Attribution | None:
        """Attribution right after a closing mark: ', kata X', 'ujarnya', 'X menambahkan'."""
        toks = tokenize(self.text, seg.close, limit)
        i = 0
        while i < len(toks) and toks[i].text == ",":
            i += 1
        if i >= len(toks):
            return None
        m = self.after_cue(toks, i)
        if m is not None:
            return Attribution(m, toks[i].text, seg.close, m.end)
        m = self.parser.parse(toks, i)
        if m is not None and m.next_i < len(toks):
            v = m.next_i
            while v < len(toks) - 1 and toks[v].low in self.cues.between:
                v += 1
            if toks[v].low in self.cues.before or toks[v].low in self.cues.after:
                return Attribution(m, toks[v].text, seg.close, toks[v].end)
        return None

    def pre_attribution(self, lo: int, seg: Segment) -> Attribution | None:
        """'X mengatakan, "..."' / 'Menurut X, "..."' just before the opening mark."""
        toks = tokenize(self.text, lo, seg.start - 1)
        while toks and toks[-1].text in {",", ":"}:
            toks.pop()
        if not toks:
            return None
        if toks[-1].low in self.cues.before:
            m = self.subject_before(toks, len(toks) - 1)
            if m:
                return Attribution(m, toks[-1].text, m.start, seg.start - 1)
        for k, t in enumerate(toks):
            if t.low in self.cues.according or t.low in self.cues.after_nya:
                m = self.after_cue(toks, k) if t.low.endswith("nya") else self.parser.parse(toks, k + 1)
                if m and m.next_i == len(toks):
                    return Attribution(m, t.text, t.start, seg.start - 1)
        return None

    # --- resolution --------------------------------------------------------------------------------
    def resolve(self, m: Mention | None, pos: int) -> tuple[str | None, str | None, str | None]:
        if m is None:
            return None, None, None
        if m.kind == "org":
            return None, None, m.org
        p: Person | None
        if m.kind == "person" and m.name:
            p = self.registry.fullest(m.name, pos)
            if p is None or fullness(p.name) < fullness(m.name):
                p = Person(m.name, m.role, m.org, m.start)
            role = max((r for r in (m.role, p.role) if r), key=len, default=None)  # fullest title known
            p = Person(p.name, role, m.org or p.org, m.start)
            self.registry.add(p)
        elif m.kind == "description" and m.role:
            p = self.registry.by_role(m.title, m.role, pos) or self.last
        else:
            p = self.last
        if p is None:
            return None, None, None
        self.last = p
        return p.name, p.role, p.org

    # --- pass --------------------------------------------------------------------------------------
    def run(self) -> list[Quote]:
        segs = find_segments(self.text, self.paras, self.inner_cue)
        attrib: dict[int, Attribution] = {}
        masks: list[tuple[int, int]] = []
        for idx, seg in enumerate(segs):
            lo, hi = self.paras[seg.para]
            nxt = segs[idx + 1].start - 1 if idx + 1 < len(segs) and segs[idx + 1].para == seg.para else hi
            post = self.post_attribution(seg, min(nxt, seg.close + POST_WINDOW)) if seg.close <= hi else None
            prev_close = segs[idx - 1].close if idx and segs[idx - 1].para == seg.para else lo
            pre = self.pre_attribution(max(prev_close, seg.start - POST_WINDOW), seg) if seg.start - 1 > lo else None
            a = post or pre
            if a is not None:
                attrib[idx] = a
                masks.append((a.lo, a.hi))
            masks.append((max(lo, seg.start - 1), seg.close))
        events: list[tuple[int, int, str, int]] = [(s.start, 0, "quote", i) for i, s in enumerate(segs)]
        merged = merge(masks)
        ends = [b for _, b in merged]
        for lo, hi in self.sentences:
            for a, b in subtract((lo, hi), merged, ends):
                events.append((a, 1, "piece", b))
        events.sort()
        quotes: list[Quote] = []
        chain_speaker: dict[int, tuple[str | None, str | None, str | None, str | None]] = {}
        for start, _, kind, x in events:
            if kind == "piece":
                quotes.extend(self.piece(start, x))
                continue
            seg = segs[x]
            a = attrib.get(x)
            if a is not None:
                who = (*self.resolve(a.mention, a.lo), a.verb)
            elif seg.chain in chain_speaker:
                who = chain_speaker[seg.chain]
            else:
                sib = [i for i in range(max(0, x - 3), min(len(segs), x + 4))
                       if i in attrib and (segs[i].para == seg.para or segs[i].chain == seg.chain)]
                recent = quotes and quotes[-1].direct and self.para_of(quotes[-1].start) >= seg.para - 1
                if sib:
                    b = attrib[min(sib, key=lambda i: abs(i - x))]
                    who = (*self.resolve(b.mention, b.lo), b.verb)
                elif recent and self.last is not None:
                    who = (self.last.name, self.last.role, self.last.org, None)
                else:
                    who = (None, None, None, None)
            chain_speaker[seg.chain] = who
            if a is None and who[0] is None and len(self.text[seg.start:seg.end].split()) < MIN_QUOTE_WORDS:
                continue
            quotes.append(Quote(who[0], who[1], who[2], who[3], self.text[seg.start:seg.end], True,
                                seg.start, seg.end))
        return canonical(quotes, self.registry)

    def para_of(self, pos: int) -> int:
        return bisect.bisect_right(self.para_starts, pos) - 1

    def piece(self, lo: int, hi: int) -> list[Quote]:
        """Reported speech in a stretch of a sentence outside quotes."""
        toks = tokenize(self.text, lo, hi)
        words = [t for t in toks if t.text[:1].isalnum()]
        if len(words) < 3:
            return []
        c = self.cues
        for k, t in enumerate(toks):
            if t.low in c.passive or t.low in c.agents:      # 'Hal itu disampaikan Budi', 'dibuka oleh Budi'
                m = self.parser.parse(toks, k + 1)
                if m and m.kind == "person":
                    self.resolve(m, m.start)
                continue
            if t.low in c.before:
                m = self.subject_before(toks, k)
                if m is None:
                    continue
                s = k + 1
                while s < len(toks) and (toks[s].text in {",", ":"} or toks[s].low in c.complementisers):
                    s += 1
                if len(toks) - s < MIN_STATEMENT_TOKENS:
                    return []
                return self.reported(m, t.text, toks[s].start, hi)
            if t.low in c.according or (t.low in c.after_nya and t.low.startswith("menurut")):
                m = self.after_cue(toks, k) if t.low.endswith("nya") else self.parser.parse(toks, k + 1)
                if m is None:
                    continue
                if k <= 3 and m.next_i < len(toks) and toks[m.next_i].text == ",":
                    return self.reported(m, t.text, toks[m.next_i].end, hi)
                if k > 0 and toks[k - 1].text == ",":
                    return self.reported(m, t.text, lo, toks[k - 1].start)
                continue
            if k == 0 or toks[k - 1].text == "," or k <= 3:
                m = self.after_cue(toks, k)
                if m is None:
                    continue
                e = m.next_i
                while e < len(toks) and toks[e].low in self.lex.demonstratives:
                    e += 1
                if e == len(toks) or toks[e].text in {",", "."}:
                    return self.reported(m, t.text, lo, hi)
        self.subject_update(toks)
        return []

    def reported(self, m: Mention, verb: str, lo: int, hi: int) -> list[Quote]:
        text = self.text[lo:hi].strip()
        if not text:
            return []
        lo = self.text.index(text, lo)
        name, role, org = self.resolve(m, m.start)
        if name is None and org is None:
            return []
        return [Quote(name, role, org, verb, text, False, lo, lo + len(text))]

    def subject_update(self, toks: list[Tok]) -> None:
        """A titled person opening a sentence (after a dateline 'Kota, Outlet - ') is who "ia" refers to next."""
        start = next((i + 1 for i, t in enumerate(toks[:8]) if t.text == "-"), 0)
        if start < len(toks) and match(toks, start, self.lex.titles):
            m = self.parser.parse(toks, start)
            if m and m.kind == "person" and m.role:
                self.resolve(m, m.start)


def canonical(quotes: list[Quote], registry: Registry) -> list[Quote]:
    """Each name in its fullest form the article gives (also when the full form comes later)."""
    out = []
    for q in quotes:
        if q.speaker_name:
            p = registry.fullest(q.speaker_name, q.start)
            if p and fullness(p.name) > fullness(q.speaker_name):
                q = replace(q, speaker_name=p.name, speaker_role=q.speaker_role or p.role,
                            speaker_org=q.speaker_org or p.org)
        out.append(q)
    return out


def find_quotes(text: str, sentences: Sequence[tuple[int, int]]) -> list[Quote]:
    """All attributed statements of an article, in text order."""
    return sorted(Speakers(text, sentences).run(), key=lambda q: (q.start, q.end))


def speaker_at(quotes: Sequence[Quote], start: int, end: int) -> Quote | None:
    """The narrowest statement whose span contains [start, end), else None."""
    inside = [q for q in quotes if q.start <= start and end <= q.end]
    return min(inside, key=lambda q: q.end - q.start) if inside else None
