"""Speakers stage: who said what. Direct quotes ("...," kata X), reported speech (X mengatakan ...), carry-over by
pronouns and descriptions, and continuations of reported speech, over an article's cleaned text.

One left-to-right pass over events (quote chains and sentence pieces outside quotes) keeps the "most recent person"
for "ia"/"dia"/"-nya". Person mentions are parsed by `names.py`, the article's people are registered first by
`registry.py`; speech cues are data (rules/speech_verbs.yml, loaded by `speechcues.py`).
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, replace
from typing import Sequence

from .attribution import Attribution, AttributionSearch
from .lexicon import gazetteer_places, lexicon
from .nameevidence import aged, org_evidence, place_evidence
from .names import Mention, MentionParser
from .nameshape import fullness
from .quotemarks import Segment, find_segments, merge, paragraphs, split_sentences, subtract
from .registry import Person, RegisterPass, Registry
from .speechcues import cues, inner_cue_pattern, loose_cue_pattern, narration_pattern, phrase_at
from .tokens import Tok, Tokens, common_words, index_at, match

__all__ = ["Quote", "find_quotes", "speaker_at", "split_sentences"]

MIN_QUOTE_WORDS = 4      # shorter quoted runs without attribution are terms ("program "Bengkulu Sehat"")
MIN_STATEMENT_TOKENS = 2
MAX_LINK_GAP = 12   # tokens between a statement's speaker and its link word ('..., dalam acara X, hari ini, bahwa')
MAX_OPENER = 4            # words of a sentence opener before its comma ("Sementara itu,", "Di sisi lain,")
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


class Speakers(AttributionSearch):
    """State of one article's pass."""

    def __init__(self, text: str, sentences: Sequence[tuple[int, int]]) -> None:
        self.text = text
        self.sentences = sorted(sentences)
        self.cues = cues()
        self.lex = lexicon()
        self.tokens = Tokens(text)
        self.common = common_words(text)
        known = gazetteer_places()
        places = place_evidence(text, self.tokens.all, known, self.cues.before)
        self.parser = MentionParser(text, places, self.common, known, org_evidence(self.tokens.all))
        self.last: Person | None = None
        self.prev: Quote | None = None      # the statement of the previous stretch of text (None: narration)
        self.paras = paragraphs(text)
        self.para_starts = [lo for lo, _ in self.paras]
        # where sentences open (first non-space char): a capitalised opener there is not a name
        self.openings = {lo + len(text[lo:hi]) - len(text[lo:hi].lstrip(' "')) for lo, hi in self.sentences}
        self.inner_cue = inner_cue_pattern()
        self.registry = RegisterPass(self.tokens, self.parser, self.common, self.openings).register(self.paras)

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
        """'Walaupun Iqbal menuturkan' after 'Said Iqbal', 'Tidak Mempengaruhi Iuran Budi menuturkan' after
        'Budi Santoso': words glued before a known name (an opener, or words the article writes in lower case)."""
        name = m.name or ""
        words = name.split()
        if m.role or len(words) < 2 or self.registry.known(name, titled_only=True):
            return name
        before = self.text[max(0, m.start - 20):m.start].split()
        opener = self.opens_char(m.start) or bool(before) and before[-1].casefold() in self.lex.not_names
        k = 0
        while k < len(words) - 1 and (opener and k == 0 or words[k].casefold() in self.common):
            k += 1
            tail = " ".join(words[k:])
            if self.registry.known(tail, besides=name):
                return tail
        return name

    def opens_char(self, pos: int) -> bool:
        j = pos - 1
        while j >= 0 and self.text[j] == " ":
            j -= 1
        return j < 0 or pos in self.openings or self.text[j] in "\n.!?\"-:"

    def not_a_person(self, name: str) -> bool:
        """A 'name' the article uses for an organisation ('CEO Majalahku, Bima ...' then 'menurut
        Majalahku'), or one word it writes in lower case elsewhere ('Mendengar'), that no person carries."""
        reg = self.registry
        if name.casefold() in reg.aliases:
            return False
        if all(w.casefold() in reg.org_words for w in name.split()) and not reg.known(name, titled_only=True):
            return True
        return " " not in name and name.casefold() in self.common and not reg.known(name)

    # --- pass --------------------------------------------------------------------------------------
    def run(self) -> list[Quote]:
        segs = find_segments(self.text, self.paras, self.inner_cue, loose_cue_pattern(), narration_pattern())
        attrib: dict[int, Attribution] = {}
        masks: list[tuple[int, int]] = []
        terms: set[int] = set()
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
            elif len(self.text[seg.start:seg.end].split()) < MIN_QUOTE_WORDS or self.mid_sentence(seg):
                terms.add(idx)      # 'ke arah "universal health coverage (UHC)" yang ...': part of its sentence
                continue
            masks.append((max(lo, seg.start - 1), seg.close))
        events: list[tuple[int, int, str, int]] = [(s.start, 0, "quote", i) for i, s in enumerate(segs) if i not in terms]
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
            self.prev = None
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
            self.prev = quotes[-1]
        return canonical(quotes, self.registry)

    def mid_sentence(self, seg: Segment) -> bool:
        """A quoted run between two lower-case words of one sentence names a term or a title, it states nothing."""
        before = self.text[max(0, seg.start - 30):max(0, seg.start - 1)].split()
        after = self.text[seg.close:seg.close + 30].split()
        return bool(before and after) and before[-1][-1:].islower() and after[0][:1].islower()

    def para_of(self, pos: int) -> int:
        return bisect.bisect_right(self.para_starts, pos) - 1

    def piece(self, lo: int, hi: int) -> list[Quote]:
        """Reported speech in a stretch of a sentence outside quotes (remembered for a continuation)."""
        toks = self.tokens.between(lo, hi)
        words = [t for t in toks if t.text[:1].isalnum()]
        if len(words) < 3:
            return []
        out = self.attributed(toks, lo, hi) or self.continuation(toks, lo, hi)
        self.prev = out[-1] if out else None
        out = out + self.named_statements(toks, hi)
        return out

    def continuation(self, toks: list[Tok], lo: int, hi: int) -> list[Quote]:
        """A sentence without its own attribution right after reported speech, opening with 'Kemudian', 'Di mana',
        'Kedua' ... or with that statement's first two words (a list of figures going on): the same speaker's."""
        p = self.prev
        if p is None or p.direct or p.speaker_name is None or self.text[p.end:lo].strip(" .,;\n\t"):
            return []
        words = [t for t in toks if t.text[:1].isalnum()]
        low = [t.low for t in words[:2]]
        first = [t.low for t in self.tokens.between(p.start, p.end) if t.text[:1].isalnum()][:2]
        if not phrase_at(words, 0, self.cues.continuation) and (len(first) < 2 or low != first):
            return []
        raw = self.text[lo:hi]
        start = lo + len(raw) - len(raw.lstrip())
        return [replace(p, verb=None, text=raw.strip(), start=start, end=start + len(raw.strip()))]

    def named_statements(self, toks: list[Tok], hi: int) -> list[Quote]:
        """'menanggapi pernyataan Menkes Budi dalam acara X, bahwa ...': what the person after a statement noun
        said, from the link word after the name on (reported speech beside the sentence's own speaker)."""
        c, out, last = self.cues, [], self.last
        for k, t in enumerate(toks):
            if t.low not in c.statement_nouns:
                continue
            m = self.parser.parse(toks, k + 1)
            if m is None or m.kind != "person":
                continue
            if m.next_i + 1 < len(toks) and toks[m.next_i].low in c.statement_relatives \
                    and toks[m.next_i + 1].low in c.before:   # '... Budi yang menyebut ...'
                link: int | None = m.next_i + 1
                verb = toks[m.next_i + 1].text
            else:
                verb = t.text
                link = next((x for x in range(m.next_i, min(len(toks), m.next_i + MAX_LINK_GAP))
                             if toks[x].low in c.statement_links), None)
            if link is not None and len(toks) - link > MIN_STATEMENT_TOKENS:
                out += self.reported(m, verb, toks[link].end, hi)
        self.last = last   # the statement named is beside the sentence's: "ia", "-nya" after it are not its speaker
        return out

    def attributed(self, toks: list[Tok], lo: int, hi: int) -> list[Quote]:
        """Reported speech attributed within the piece itself."""
        c = self.cues
        for k, t in enumerate(toks):
            if t.low in c.passive or t.low in c.agents:      # 'Hal itu disampaikan Budi', 'dibuka oleh Budi'
                m = self.parser.parse(toks, k + 1)
                members = self.group_members_at(toks, k + 1) if m is None or m.kind != "person" else None
                if members is not None:   # 'dibantah oleh sejumlah pihak, termasuk Menteri X Budi ...'
                    m = self.parser.parse(toks, members)
                verb = t if t.low in c.passive else toks[k - 1] if k and toks[k - 1].low in c.passive else None
                if m and m.kind == "person" and verb is not None:   # 'Penolakan juga disampaikan (oleh) Budi, warga ...'
                    also = self.parser.parse(toks, m.next_i + 1) \
                        if m.next_i < len(toks) and toks[m.next_i].low == "dan" else None   # '... Budi dan Rina'
                    first = self.reported(m, verb.text, lo, hi)
                    return first + (self.reported(also, verb.text, lo, hi) if also and also.kind == "person" else [])
                if m and m.kind == "person":
                    self.resolve(m, m.start)
                continue
            n = 1 if t.low in c.before else phrase_at(toks, k, c.before_phrases)
            if n:
                m = self.subject_before(toks, k)
                if m is None:
                    continue
                s = k + n
                while s < len(toks) and (toks[s].text in {",", ":"} or toks[s].low in c.complementisers):
                    s += 1
                if len(toks) - s < MIN_STATEMENT_TOKENS:
                    self.resolve(m, m.start)   # "Budi pun buka suara.": no statement, but whom "dia" names next
                    return []
                before = index_at(toks, m.start) - 1   # the token before m
                both = self.coordinated_person(toks, m, before) if m.kind == "person" and before > 0 else None
                first = self.reported(both, t.text, toks[s].start, hi) if both is not None else []
                return first + self.reported(m, t.text, toks[s].start, hi)
            n = 1 if t.low in c.according or (t.low in c.after_nya and t.low.startswith("menurut")) \
                else phrase_at(toks, k, c.according_phrases)
            if n:
                m = self.after_cue(toks, k) if t.low.endswith("nya") else self.parser.parse(toks, k + n)
                if m is None:
                    continue
                if k <= 3 and m.next_i < len(toks) and toks[m.next_i].text == ",":
                    return self.reported(m, t.text, toks[m.next_i].end, hi)
                if k <= 3 and m.kind == "pronoun" and len(toks) - m.next_i >= MIN_STATEMENT_TOKENS:
                    return self.reported(m, t.text, toks[m.next_i].start, hi)   # "Menurutnya saat ini ..."
                if k > 0 and toks[k - 1].text == ",":
                    return self.reported(m, t.text, lo, toks[k - 1].start)
                continue
            opening = k == 0 or toks[k - 1].text == "," or k <= 3
            if opening or t.low in c.after or t.low in c.after_nya:
                m = self.after_cue(toks, k)
                if m is None:
                    continue
                e = m.next_i
                while e < len(toks) and toks[e].low in self.lex.demonstratives:
                    e += 1
                if opening and (e == len(toks) or toks[e].text in {",", "."}):
                    return self.reported(m, t.text, lo, hi)
                # "Hingga saat ini, tambah Budi sebanyak 40 FKTP ...": the comma after the name dropped
                if opening and k and m.kind == "person" and toks[e].alpha and not toks[e].cap:
                    return self.reported(m, t.text, lo, hi)
                # mid-sentence without its first comma: "... saat ini kata dia, sebanyak 600 ribu peserta"
                if not opening and m.kind in ("pronoun", "person") and e < len(toks) and toks[e].text == ",":
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
        """A titled person opening a sentence (after a dateline 'Kota, Outlet - ' or an opener 'Sementara itu, ')
        is who "ia" refers to next."""
        start = next((i + 1 for i, t in enumerate(toks[:8]) if t.text == "-"), 0)
        if start < len(toks) and not match(toks, start, self.lex.titles):
            comma = next((i for i, t in enumerate(toks[start:start + MAX_OPENER + 1], start) if t.text == ","), None)
            if comma is not None and all(not t.cap or t is toks[start] for t in toks[start:comma]):
                start = comma + 1
        if start < len(toks) and match(toks, start, self.lex.titles):
            m = self.parser.parse(toks, start)
            if m and m.kind == "person" and m.role:
                self.resolve(m, m.start)
            return
        # a person the story introduces with an age: "Salah satunya Budi Santoso (56), warga ..."
        start += phrase_at(toks, start, self.cues.introducers)
        m = self.parser.parse(toks, start)
        if m and m.kind == "person" and aged(toks, m.next_i):
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
