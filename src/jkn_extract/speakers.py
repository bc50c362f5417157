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

from .names import (INITIAL, Mention, MentionParser, Tok, Tokens, common_words, covers, fullness,
                    gazetteer_places, is_acronym, is_name_token, lexicon, match, place_evidence)
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


@cache
def inner_cue_pattern() -> re.Pattern[str]:
    """', kata' / ', ujarnya' inside a quote left open: where the quote really ends."""
    c = cues()
    after = "|".join(sorted(c.after | c.after_nya, key=len, reverse=True))
    return re.compile(r",[ ]+(?:" + after + r")\b", re.IGNORECASE)


OPENERS = frozenset({".", "!", "?", '"', "-", ":"})   # a token after these opens a sentence


@dataclass(frozen=True)
class Person:
    name: str
    role: str | None
    org: str | None
    start: int


class Registry:
    """People the article names, to expand short names and resolve descriptions. `people` come with a
    title; `weak` are bare full names (2+ capitalised words), used only to complete a name."""

    def __init__(self) -> None:
        self.people: list[Person] = []
        self.weak: list[Person] = []
        self.seen: set[tuple[str, str | None]] = set()
        self.aliases: dict[str, str] = {}        # nickname (casefolded) -> the name it stands for
        self.org_words: set[str] = set()         # words seen naming an organisation in a role

    def add(self, person: Person) -> None:
        key = (person.name, person.role)
        if key not in self.seen:      # first mention kept: descriptions look for earlier holders
            self.seen.add(key)
            self.people.append(person)

    def add_weak(self, person: Person) -> None:
        if (person.name, None) not in self.seen:
            self.seen.add((person.name, None))
            self.weak.append(person)

    def alias(self, nick: str, real: str) -> None:
        if nick.casefold() != real.casefold():
            self.aliases.setdefault(nick.casefold(), real)

    def add_org(self, org: str | None) -> None:
        if org:
            self.org_words.update(w.casefold() for w in org.split() if w[:1].isupper())

    def known(self, name: str) -> bool:
        return any(covers(p.name, name) for group in (self.people, self.weak) for p in group)

    def fullest(self, name: str, pos: int) -> Person | None:
        """The fullest registered form of `name` (nearest to pos on ties); a titled person first, then
        completed by a bare full name that contains it ("Ghufron Mukti" -> "Ali Ghufron Mukti")."""
        name = self.aliases.get(name.casefold(), name)

        def rank(p: Person) -> tuple[tuple[int, int], bool, int]:
            return fullness(p.name), p.role is not None, -abs(p.start - pos)

        cands = [p for p in self.people if covers(p.name, name) or covers(name, p.name)]
        best = max(cands, key=rank) if cands else None
        base = best.name if best else name
        longer = [p for p in self.weak if covers(p.name, base) and fullness(p.name) > fullness(base)]
        if longer:
            w = max(longer, key=rank)
            return Person(w.name, best.role, best.org, best.start) if best else w
        if best is None and base != name:
            return Person(base, None, None, pos)         # a nickname's real (short) name
        return best

    def by_role(self, title: tuple[str, ...], role: str, pos: int) -> Person | None:
        """Who held `role` earlier: the title words must appear in that person's role."""
        words = set(role.casefold().split()) - lexicon().modifiers - lexicon().demonstratives
        best: tuple[int, int] | None = None
        found: Person | None = None
        for p in self.people:
            if p.start >= pos or not p.role:
                continue
            have = p.role.casefold().split()
            if not title or not any(tuple(have[k:k + len(title)]) == title for k in range(len(have))):
                continue
            score = (len(words & set(have)), p.start)
            if best is None or score > best:
                best, found = score, p
        return found


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
        self.tokens = Tokens(text)
        self.common = common_words(text)
        self.parser = MentionParser(text, place_evidence(text, self.tokens.all), self.common, gazetteer_places())
        self.registry = Registry()
        self.last: Person | None = None
        self.paras = paragraphs(text)
        self.para_starts = [lo for lo, _ in self.paras]
        # where sentences open (first non-space char): a capitalised opener there is not a name
        self.openings = {lo + len(text[lo:hi]) - len(text[lo:hi].lstrip(' "')) for lo, hi in self.sentences}
        self.inner_cue = inner_cue_pattern()
        self.register()

    def register(self) -> None:
        """One pass over the tokens: every titled person ("Title ... Name"), every full name (2+ capitalised
        words, titled or not), nicknames, and the words organisations are named with."""
        lex, parser = self.lex, self.parser
        for lo, hi in self.paras:
            toks = self.tokens.between(lo, hi)
            i = 0
            while i < len(toks):
                t = toks[i]
                if t.cap and match(toks, i, lex.titles):
                    m = parser.parse(toks, i)
                    if m and m.kind == "person" and m.role:
                        self.registry.add(Person(m.name or "", m.role, m.org, m.start))
                        self.registry.add_org(m.org)
                        i = m.next_i
                        continue
                if t.cap and is_name_token(t, lex):
                    i = self.register_name(toks, i)
                    continue
                if t.low in lex.nickname_after or t.low in lex.nickname_before:
                    self.register_nickname(toks, i)
                i += 1

    def register_name(self, toks: list[Tok], i: int) -> int:
        """A run of name words at i: 'Saleh Hadi Putra, Anggota Komisi IX DPR, ...' registers with its
        title; 'seorang petugas, Ahmad Syolle' or 'penyanyi Ikang Fawzi (Ikang)' as a bare full name."""
        parser = self.parser
        if self.opens_at(toks, i) and toks[i].low in self.common:
            return i + 1                 # "Walaupun", "Lebih": a sentence opener, not a first name
        n = parser.name_len(toks, i)
        end = i + n
        if n < 2 or toks[end - 1].low in self.lex.place_tails or parser.confirmed_place(toks, i) == n:
            return max(end, i + 1)
        name = parser.span(toks, i, end)
        if end + 1 < len(toks) and toks[end].text == "," and match(toks, end + 1, self.lex.titles):
            role = parser.parse(toks, end + 1)
            if role is not None and role.kind == "description" and role.role:
                self.registry.add(Person(name, role.role, role.org, toks[i].start))
                return end
        self.registry.add_weak(Person(name, None, None, toks[i].start))
        if end + 2 < len(toks) and toks[end].text == "(" and toks[end + 2].text == ")" \
                and is_name_token(toks[end + 1], self.lex):
            self.registry.alias(toks[end + 1].text, name)          # "Widya Artini (Ikke)"
        return end

    def register_nickname(self, toks: list[Tok], c: int) -> None:
        """'Agus Salim, yang akrab disapa Gus,' / 'Ardi, panggilan akrab Agustian': two names, one person."""
        lex = self.lex
        n_after = match(toks, c, lex.nickname_after, need_cap=False)
        n = n_after or match(toks, c, lex.nickname_before, need_cap=False)
        if not n:
            return
        e = c
        while e > 0 and (toks[e - 1].low in lex.nickname_glue or toks[e - 1].text in lex.honorifics):
            e -= 1
        s = e
        while s > 0 and e - s < 5 and is_name_token(toks[s - 1], lex):
            s -= 1
        k = self.parser.skip_honorifics(toks, c + n)
        m = self.parser.name_len(toks, k)
        if s == e or not m:
            return
        left, right = self.parser.span(toks, s, e), self.parser.span(toks, k, k + m)
        if n_after:
            self.registry.alias(right, left)
        else:
            self.registry.alias(left, right)

    def opens_at(self, toks: Sequence[Tok], i: int) -> bool:
        """Token i opens a sentence (or a dateline-led lead, a quote, a glued paragraph)."""
        return i == 0 or toks[i].start in self.openings or toks[i - 1].text in OPENERS

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
        toks = self.tokens.between(seg.close, limit)
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
        toks = self.tokens.between(lo, seg.start - 1)
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
            name = self.without_opener(m)
            if self.not_a_person(name):
                return None, None, name if name.casefold() in self.registry.org_words else None
            p = self.registry.fullest(name, pos)
            if p is None or (fullness(p.name) < fullness(name) and name.casefold() not in self.registry.aliases):
                p = Person(name, m.role, m.org, m.start)
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

    def without_opener(self, m: Mention) -> str:
        """'Walaupun Iqbal menuturkan' after 'Said Iqbal': a sentence opener glued to a known name."""
        name = m.name or ""
        words = name.split()
        if m.role or len(words) < 2 or not self.opens_char(m.start):
            return name
        tail = " ".join(words[1:])
        if self.registry.known(tail) and not self.registry.known(name):
            return tail
        return name

    def opens_char(self, pos: int) -> bool:
        j = pos - 1
        while j >= 0 and self.text[j] == " ":
            j -= 1
        return j < 0 or pos in self.openings or self.text[j] in "\n.!?\"-:"

    def not_a_person(self, name: str) -> bool:
        """A one-word 'name' the article uses as an organisation ('CEO Iconomics, Bram ...' then 'menurut
        Iconomics') or writes in lower case elsewhere ('Mendengar'), and no person carries it."""
        if " " in name:
            return False
        low = name.casefold()
        if low not in self.registry.org_words and low not in self.common:
            return False
        return not self.registry.known(name) and low not in self.registry.aliases

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
        toks = self.tokens.between(lo, hi)
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
