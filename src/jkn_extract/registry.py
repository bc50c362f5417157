"""The article's register of people: who it names, with which title, under which nicknames. Built in
one pass before any quote is attributed, so a name written in full later still completes an earlier
short one; `speakers.py` then reads it to expand short names and resolve descriptions ("sang menteri").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from .lexicon import lexicon
from .names import MentionParser
from .nameshape import covers, fullness, is_name_token
from .tokens import Tok, Tokens, match, name_text

MIN_PREFIX = 4            # a one-word name this long may be the start of a registered name's word
NICKNAME_REACH = 80       # tokens before "yang akrab disapa X" where a single-word name X shortens may stand
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

    def known(self, name: str, titled_only: bool = False, besides: str = "") -> bool:
        """Some registered person carries `name` (one other than the run `besides` itself)."""
        groups = (self.people,) if titled_only else (self.people, self.weak)
        return any(covers(p.name, name) and not (besides and covers(p.name, besides))
                   for group in groups for p in group)

    def fullest(self, name: str, pos: int) -> Person | None:
        """The fullest registered form of `name` (nearest to pos on ties); a titled person first, then
        completed by a bare full name that contains it ("Ghufron Mukti" -> "Ali Ghufron Mukti")."""
        written = name
        name = self.aliases.get(name.casefold(), name)

        def rank(p: Person) -> tuple[tuple[int, int], bool, int]:
            return fullness(p.name), p.role is not None, -abs(p.start - pos)

        cands = [p for p in self.people if covers(p.name, name) or covers(name, p.name)]
        best = max(cands, key=rank) if cands else None
        base = best.name if best else name
        longer = [p for p in self.weak if covers(p.name, base) and fullness(p.name) > fullness(base)]
        if longer:      # most words; then the first written (a person is introduced by the full name)
            w = max(longer, key=lambda p: (len(p.name.split()), -p.start))
            return Person(w.name, best.role, best.org, best.start) if best else w
        if best is None and base != written:
            return Person(base, None, None, pos)         # a nickname's real name
        if best is None and " " not in name and len(name) >= MIN_PREFIX:
            low = name.casefold()       # "kata Syawal" after "Syawaludin"; "Jokowi" after "Joko Widodo"
            pref = [p for p in self.people + self.weak
                    if any(w.casefold().startswith(low) for w in p.name.split()) or contraction(low, p.name)]
            # ... or the end of one word, as nicknames are cut ("jelas Yanto" after "Budi Suryanto"), a plain word
            # (not "Pranowo-Mahfud" of a ticket, nor "RIBudi" of glued text)
            pref = pref or [p for p in self.people + self.weak
                            if any(len(w) > len(low) and w.isalpha() and w[1:].islower() and w.casefold().endswith(low)
                                   for w in p.name.split())]
            # ... else a spelling one letter off: "kata Santi" after "Shanti Lestari", "Gufron" after "Ghufron"
            pref = pref or [p for p in self.people if any(one_edit(low, w.casefold()) for w in p.name.split())]
            return max(pref, key=rank) if pref else None
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


def one_edit(a: str, b: str) -> bool:
    """Two words of a name one letter apart (inserted, dropped or changed), both long, same first letter."""
    if a == b or min(len(a), len(b)) < MIN_PREFIX or abs(len(a) - len(b)) > 1 or a[0] != b[0]:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = next((k for k in range(len(a)) if a[k] != b[k]), len(a))
    return a[i + (len(a) == len(b)):] == b[i + 1:]


def contraction(low: str, full: str) -> bool:
    """'jokowi' = 'Joko' + 'Wi(dodo)': the start of one word of `full` and the start of the next."""
    words = [w.casefold() for w in full.split()]
    for a, b in zip(words, words[1:]):
        for cut in range(2, min(len(a), len(low) - 2) + 1):
            if a.startswith(low[:cut]) and b.startswith(low[cut:]):
                return True
    return False


class RegisterPass:
    """Fills a `Registry` from an article's tokens. `common`: words the article writes in lower case;
    `openings`: char offsets where sentences open (a capitalised opener there is not a name)."""

    def __init__(self, tokens: Tokens, parser: MentionParser, common: frozenset[str], openings: set[int]) -> None:
        self.tokens = tokens
        self.parser = parser
        self.lex = lexicon()
        self.common = common
        self.openings = openings
        self.registry = Registry()

    def register(self, paras: Sequence[tuple[int, int]]) -> Registry:
        """One pass over the tokens: every titled person ("Title ... Name"), every full name (2+ capitalised
        words, titled or not), nicknames, and the words organisations are named with."""
        lex, parser = self.lex, self.parser
        for lo, hi in paras:
            toks = self.tokens.between(lo, hi)
            i = 0
            while i < len(toks):
                t = toks[i]
                if t.cap and match(toks, i, lex.titles):
                    m = parser.parse(toks, i)
                    if m and m.kind == "person" and m.role:
                        self.registry.add(Person(m.name or "", m.role, m.org, m.start))
                        self.registry.add_org(m.org)
                        self.paren_alias(toks, m.next_i, m.name or "")
                        i = m.next_i
                        continue
                if t.text in lex.honorifics:
                    i = parser.skip_honorifics(toks, i)     # "DR H Budi": no initial "H" in the name
                    continue
                skip = parser.known_place(toks, i) if t.cap else 0
                if t.cap and (skip < 2 or parser.name_len(toks, i + skip) < 2):
                    skip = parser.org_at(toks, i)
                if skip:
                    i += skip       # "Sudinkes Jakarta Barat Rina Wulan", "Universitas Gadjah Mada Budi ...":
                    continue        # the region or organisation is no part of the name
                if t.cap and is_name_token(t, lex):
                    i = self.register_name(toks, i)
                    continue
                if t.low in lex.nickname_after or t.low in lex.nickname_before:
                    self.register_nickname(toks, i)
                i += 1
        return self.registry

    def register_name(self, toks: list[Tok], i: int) -> int:
        """A run of name words at i: 'Saleh Hadi Putra, Anggota Komisi IX DPR, ...' registers with its
        title; 'seorang petugas, Ahmad Syolle' or 'penyanyi Ikang Fawzi (Ikang)' as a bare full name."""
        parser = self.parser
        if self.opens_at(toks, i) and toks[i].low in self.common:
            return i + 1                 # "Walaupun", "Lebih": a sentence opener, not a first name
        if i and toks[i - 1].low in self.lex.org_heads:
            return i + max(1, parser.name_len(toks, i))     # "PT Maju Jaya": a company
        run = parser.name_len(toks, i)
        if spelled_out(toks, i, run, self.common):
            return i + max(1, run)       # "FLPP (Fasilitas Likuiditas ...)": a term
        place = parser.confirmed_place(toks, i) or parser.known_place(toks, i)
        while place and i + place < len(toks) and toks[i + place].low in self.lex.place_tails:
            place += 1
        if place and parser.name_len(toks, i + place):
            i += place                   # "Provinsi Kalimantan Tengah Hera Nugrahayu"
        n = parser.name_len(toks, i)
        end = i + n
        if n < 2 or toks[end - 1].low in self.lex.place_tails or parser.confirmed_place(toks, i) == n:
            return max(end, i + 1)
        if n == 2 and self.opens_at(toks, i) and self.opener_before_known(toks, i):
            return i + 1                 # "Ingatan Norsenah melayang" after "Norsenah" alone: a noun opens it
        name = name_text(toks, i, end)
        if end + 1 < len(toks) and toks[end].text == "," and match(toks, end + 1, self.lex.titles):
            role = parser.parse(toks, end + 1)
            if role is not None and role.kind == "description" and role.role:
                self.registry.add(Person(name, role.role, role.org, toks[i].start))
                return end
        self.registry.add_weak(Person(name, None, None, toks[i].start))
        self.paren_alias(toks, end, name)
        return end

    def paren_alias(self, toks: list[Tok], end: int, name: str) -> None:
        """'Joko Widodo (Jokowi)', 'Widya Artini (Ikke)', 'Abdul Karim (Gus Aim)': a one-word nickname in
        brackets, after an honorific or not."""
        k = end + 1 + (end + 1 < len(toks) and toks[end + 1].text in self.lex.honorifics)
        if end < len(toks) and toks[end].text == "(" and k + 1 < len(toks) and toks[k + 1].text == ")" \
                and is_name_token(toks[k], self.lex):
            self.registry.alias(toks[k].text, name)

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
        if e - s == 1 and toks[s].low in lex.description_nouns:
            s = e       # "Pria yang akrab disapa Yuri" opening a sentence: a description, no name
        k = self.parser.skip_honorifics(toks, c + n)
        m = self.parser.name_len(toks, k)
        if not m:
            # "Tati, sapaan akrabnya, ...", "Arni, sapaan wanita 50 tahun itu, ...": the one word before is what
            # the person named before is called
            if e - s == 1 and (toks[c + n - 1].low.endswith("nya") or k < len(toks) and toks[k].low in lex.description_nouns):
                self.alias_to_named(toks, toks[s].text, s, toks[c].start)
            return
        right = name_text(toks, k, k + m)
        if s == e:      # "kata pria yang akrab disapa Ardi": the person named last before
            if n_after and e and toks[e - 1].low in lex.description_nouns:
                self.alias_to_named(toks, right, s, toks[c].start)
            return
        left = name_text(toks, s, e)
        if n_after:
            self.registry.alias(right, left)
        else:
            self.registry.alias(left, right)

    def alias_to_named(self, toks: list[Tok], nick: str, s: int, pos: int) -> None:
        """Alias a one-word nickname given at token s to the person named before pos whose name it shortens,
        at its start or its end, even a single word ("Sriyanti ... yang akrab disapa Sri", "Rina Hartati ...
        Tati, sapaan wanita itu"); failing that, to the person named last."""
        before = [p for p in self.registry.people + self.registry.weak if p.start < pos]
        low = nick.casefold()

        def shortens(word: str) -> bool:   # a word of a name may be the nickname itself ("Sri Wahyuni" ... "Sri")
            w = word.casefold()
            return w.startswith(low) or len(w) > len(low) and w.endswith(low)

        short_of = [p.name for p in sorted(before, key=lambda p: p.start) if any(shortens(w) for w in p.name.split())] \
            or [t.text for t in toks[max(0, s - NICKNAME_REACH):s]
                if t.cap and len(t.text) > len(nick) and shortens(t.text) and is_name_token(t, self.lex)]
        if short_of:
            self.registry.alias(nick, short_of[-1])
        elif before:
            self.registry.alias(nick, max(before, key=lambda p: p.start).name)

    def opener_before_known(self, toks: Sequence[Tok], i: int) -> bool:
        """The word at i opens a sentence, and the article never writes it elsewhere, while the name word
        after it stands alone earlier in the article."""
        text = self.parser.text
        first, second = toks[i], toks[i + 1]
        alone = re.compile(rf"(?<!\w){re.escape(second.text)}(?!\w)")
        return alone.search(text, 0, first.start) is not None \
            and text.find(first.text) == first.start and text.find(first.text, first.end) < 0

    def opens_at(self, toks: Sequence[Tok], i: int) -> bool:
        """Token i opens a sentence (or a dateline-led lead, a quote, a glued paragraph)."""
        return i == 0 or toks[i].start in self.openings or toks[i - 1].text in OPENERS


def spelled_out(toks: Sequence[Tok], i: int, n: int, common: frozenset[str]) -> bool:
    """The capitalised run of n words at i spells out an acronym next to it in brackets ("FLPP (Fasilitas
    Likuiditas Pembiayaan Perumahan)", "Badan Pusat Statistik (BPS)") and holds a word the article also
    writes in lower case: a term, never a person's name ("Susilo Bambang Yudhoyono (SBY)" is one)."""
    if n < 2 or not any(t.low in common for t in toks[i:i + n]):
        return False
    initials = "".join(t.text[0] for t in toks[i:i + n]).upper()
    before = toks[i - 2].text if i >= 2 and toks[i - 1].text == "(" else ""
    after = toks[i + n + 1].text if i + n + 2 < len(toks) and toks[i + n].text == "(" else ""
    # the acronym and the initials agree as far as both go (a run may stop short of the full expansion)
    return any(len(a) >= 2 and a.isupper() and a.isalpha() and a[:n] == initials[:len(a)]
               for a in (before, after))
