"""Person mentions: titles, names, organisations.

A mention is a run of tokens such as "mantan Kepala Dinas Kesehatan Kota X Budi Santoso":
an optional modifier, a role (titles, organisation words, acronyms, place names) and a name. The
vocabulary is data (rules/titles.yml); this module only walks tokens. `speakers.py` decides
where mentions are looked for (after a quote, before a speech verb, ...) and keeps the article's
register of people. An article is tokenised once (`Tokens`); every search slices that list.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple, Sequence

from .rules import load_csv, load_yaml, require

# Words, or single punctuation marks that end a run. Linear: one character class per branch.
TOKEN = re.compile(r"[^\s,;:()\"!?*\[\]|]+|[,;:()\"!?*\[\]|]|[ ]{2,}")   # 2+ spaces: a paragraph break
# Scraper glue inside a word: "Rabu.Fachmi", "KIS.Direktur", ").Direktur", "Jakarta-Menteri" (the
# separator becomes a token), and words glued without any separator: "BPJSIqbal", "IuranSebelumnya".
GLUE = re.compile(r"(?<=[a-z]{2})\.(?=[A-Z])|(?<=[A-Z]{2})\.(?=[A-Z][a-z])|(?<=\))\.(?=[A-Z])"
                  r"|(?<=[A-Za-z])-(?=[A-Z])|(?<=[a-z]{3})(?=[A-Z][a-z]{2})|(?<=[A-Z]{3})(?=[A-Z][a-z]{2})")
INITIAL = re.compile(r"[A-Z][a-z]{0,2}\.")
LOWER_WORD = re.compile(r"(?<![\w.])[a-z][a-z-]*")
NUMBERING = re.compile(r"[IVX]{1,5}|[0-9]{1,2}")
MAX_NAME_TOKENS = 5
MAX_ROLE_TOKENS = 16   # bounds the work per mention (linear overall)
MAX_COMMON_IN_NAME = 2  # a "name" with more words the article writes in lower case is a headline


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


@dataclass(frozen=True)
class Mention:
    kind: str               # "person", "description", "org", "pronoun"
    name: str | None
    role: str | None
    org: str | None
    start: int              # char span of the whole mention
    end: int
    next_i: int             # index of the token after the mention
    title: tuple[str, ...] = ()   # the title words (casefolded), to match descriptions


Phrases = dict[str, tuple[tuple[str, ...], ...]]


@dataclass(frozen=True)
class Lexicon:
    titles: Phrases
    modifiers: frozenset[str]
    org_words: Phrases
    place_heads: Phrases
    place_tails: frozenset[str]
    honorifics: frozenset[str]
    degrees: frozenset[str]
    particles: frozenset[str]
    pronouns: frozenset[str]
    description_nouns: frozenset[str]
    demonstratives: frozenset[str]
    not_names: frozenset[str]
    connectors: frozenset[str]
    nickname_after: Phrases      # "X yang akrab disapa Y": Y is X's nickname
    nickname_before: Phrases     # "Y, panggilan akrab X": Y is X's nickname
    nickname_glue: frozenset[str]
    role_words: frozenset[str]   # every casefolded token of a title or organisation word
    short_words: frozenset[str]  # casefolded words that keep their final dot ("Dr.", "S.Kep.", "Kab.")


def phrases(words: list[str]) -> Phrases:
    """Index multi-word entries by their first word, longest first."""
    table: dict[str, list[tuple[str, ...]]] = {}
    for w in words:
        toks = tuple(str(w).casefold().split())
        table.setdefault(toks[0], []).append(toks)
    return {k: tuple(sorted(set(v), key=len, reverse=True)) for k, v in table.items()}


@cache
def lexicon() -> Lexicon:
    keys = ("titles", "modifiers", "org_words", "place_heads", "place_tails", "honorifics", "degrees",
            "name_particles", "pronouns", "description_nouns", "demonstratives", "not_names", "connectors",
            "nickname_after", "nickname_before", "nickname_glue")
    data = require(load_yaml("titles.yml"), "titles.yml", {k: list for k in keys})

    def folded(key: str) -> frozenset[str]:
        return frozenset(str(w).casefold() for w in data[key])

    role_words = frozenset(t for k in ("titles", "org_words") for w in data[k] for t in str(w).casefold().split())
    short = frozenset(w for w in role_words if w.endswith(".")) | folded("degrees")
    return Lexicon(
        titles=phrases(data["titles"]), modifiers=folded("modifiers"), org_words=phrases(data["org_words"]),
        place_heads=phrases(data["place_heads"]), place_tails=folded("place_tails"),
        # honorifics are case-sensitive: "Dr." / "dr." both listed; "H." is Haji, "M." stays an initial
        honorifics=frozenset(data["honorifics"]), degrees=folded("degrees"), particles=folded("name_particles"),
        pronouns=folded("pronouns"), description_nouns=folded("description_nouns"),
        demonstratives=folded("demonstratives"), not_names=folded("not_names"), connectors=folded("connectors"),
        nickname_after=phrases(data["nickname_after"]), nickname_before=phrases(data["nickname_before"]),
        nickname_glue=folded("nickname_glue"), role_words=role_words, short_words=short,
    )


def tokenize(text: str, lo: int = 0, hi: int | None = None) -> list[Tok]:
    """Tokens of text[lo:hi]; a sentence-final dot is split off unless the word is an initial or
    a listed abbreviation ("M.", "Dr.", "Plt.", "S.Kep.")."""
    lex = lexicon()
    out: list[Tok] = []
    add = out.append
    for m in TOKEN.finditer(text, lo, len(text) if hi is None else hi):
        s, e = m.span()
        word = m.group()
        if len(word) > 2 and ("." in word or "-" in word or not word[1:].islower()):
            for g in GLUE.finditer(text, s, e):
                if g.start() > s:
                    add(make_tok(text[s:g.start()], s, g.start()))
                if g.end() > g.start():
                    add(make_tok(g.group(), g.start(), g.end()))
                s = g.end()
            word = text[s:e]
        if len(word) > 1 and word[-1] == "." and not INITIAL.fullmatch(word) \
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


def is_acronym(tok: Tok) -> bool:
    """'NTT', 'IKN', 'ATR/BPN', 'PT': an organisation or region, never part of a person's name."""
    return tok.cap and tok.text.isupper() and len(tok.text.rstrip(".")) >= 2


def is_name_token(tok: Tok, lex: Lexicon) -> bool:
    if INITIAL.fullmatch(tok.text):
        return tok.text not in lex.honorifics
    return (tok.cap and tok.alpha and tok.low not in lex.role_words and tok.low not in lex.not_names
            and tok.low not in lex.pronouns and tok.text not in lex.honorifics and not is_acronym(tok))


@cache
def gazetteer_places() -> frozenset[tuple[str, ...]]:
    """Every region name of the gazetteer and its aliases, as casefolded word tuples (also written as
    one word: 'Palangkaraya'): tells 'Cabang Makassar Ishak Iskandar' where the place ends."""
    from .gazetteer import bare_name, regions
    names = [bare_name(r.name) for r in regions()]
    names += [row["alias"] for row in load_csv("region_aliases.csv", ("alias", "name"))]
    out: set[tuple[str, ...]] = set()
    for name in names:
        words = tuple(name.casefold().replace("-", " ").split())
        if 0 < len(words) <= 3:
            out.add(words)
            out.add(("".join(words),))
    return frozenset(out)


class MentionParser:
    """Parses mentions in one article. `places` are place names the article itself confirms
    (runs after "Kabupaten", "Kota", "di" ...), used to tell "Bangka Tengah" from a name;
    `known` are gazetteer names, trusted only where a 2-word name still follows them."""

    def __init__(self, text: str, places: frozenset[tuple[str, ...]], common: frozenset[str],
                 known: frozenset[tuple[str, ...]] = frozenset()) -> None:
        self.lex = lexicon()
        self.text = text
        self.places = places
        self.common = common
        self.known = known

    def place_at(self, toks: Sequence[Tok], i: int) -> int:
        """Tokens of a place name the article confirms, or a capitalised word plus its tails."""
        best = self.confirmed_place(toks, i)
        if not best and i < len(toks) and toks[i].cap and toks[i].low not in self.lex.role_words \
                and toks[i].alpha and toks[i].text not in self.lex.honorifics:
            best = 1
        if best:
            while i + best < len(toks) and toks[i + best].cap and toks[i + best].low in self.lex.place_tails:
                best += 1
        return best

    def name_len(self, toks: Sequence[Tok], i: int) -> int:
        n = 0
        lex = self.lex
        while i + n < len(toks) and n < MAX_NAME_TOKENS:
            t = toks[i + n]
            if is_name_token(t, lex):
                n += 1
            elif t.low in lex.particles and i + n + 1 < len(toks) and is_name_token(toks[i + n + 1], lex):
                n += 1
            else:
                break
        if n > MAX_COMMON_IN_NAME and sum(t.low in self.common for t in toks[i:i + n]) > MAX_COMMON_IN_NAME:
            return 0        # "Menkes Sebut Tidak Ada Kenaikan Iuran": a headline in title case
        return n

    def org_at(self, toks: Sequence[Tok], j: int) -> int:
        """An organisation word or an acronym at j."""
        n = match(toks, j, self.lex.org_words)
        return n or int(j < len(toks) and is_acronym(toks[j]) and not NUMBERING.fullmatch(toks[j].text))

    def role_len(self, toks: Sequence[Tok], i: int) -> tuple[int, int | None, tuple[str, ...]]:
        """(tokens of the role starting at i, index where its organisation starts, title words)."""
        lex, j, org_at, title = self.lex, i, None, ()
        consumed_place = False
        while j < len(toks) and j - i < MAX_ROLE_TOKENS:
            n = match(toks, j, lex.titles, need_cap=j > i)   # "anggota Komisi II DPR ...": lower case first
            if n:
                title = title or tuple(t.low for t in toks[j:j + n])
                head = match(toks, j, lex.place_heads, need_cap=False) == n
                j += n
                if head:
                    j += self.person_title_place(toks, j)
                consumed_place = False
                continue
            n = self.org_at(toks, j) or match(toks, j, lex.place_heads)
            if n:
                org_at = j if org_at is None else org_at
                head = match(toks, j, lex.place_heads, need_cap=False) >= n
                j += n
                if head:
                    p = self.place_at(toks, j)
                    j += p
                    consumed_place = bool(p)
                continue
            if j > i and NUMBERING.fullmatch(toks[j].text):     # "Komisi IV", "Asisten II"
                j += 1
                continue
            if j > i and toks[j].text == "(" and j + 2 < len(toks) and toks[j + 2].text == ")":
                j += 3                                          # "Jaminan Sosial (BPJS) Kesehatan"
                continue
            bridge = self.bridge(toks, j) if j > i else 0
            if bridge:
                j += bridge
                continue
            if j > i and self.confirmed_place(toks, j):
                j += self.place_at(toks, j)
                consumed_place = True
                continue
            if consumed_place and toks[j].low in lex.connectors and j + 2 < len(toks) \
                    and (self.org_at(toks, j + 2) or match(toks, j + 2, lex.titles)):
                j += 1 + self.place_at(toks, j + 1)
                continue
            p = self.known_place(toks, j) if j > i and not consumed_place else 0
            if p and self.name_len(toks, j + p) >= 2:          # "Cabang BPJS Makassar Ishak Iskandar"
                j += p
                consumed_place = True
                continue
            break
        return j - i, org_at, title

    def bridge(self, toks: Sequence[Tok], j: int) -> int:
        """Unlisted words inside a role ("Direktur Teknologi dan Informasi BPJS ..."): skip up to 3
        capitalised words or connectors when an organisation word, acronym or title follows them."""
        for d in range(1, 4):
            t = toks[j + d - 1] if j + d - 1 < len(toks) else None
            if t is None or not (t.cap and t.alpha or t.low in self.lex.connectors):
                return 0
            if self.org_at(toks, j + d) or match(toks, j + d, self.lex.titles) or self.acronym_note(toks, j + d):
                return d
        return 0

    @staticmethod
    def acronym_note(toks: Sequence[Tok], j: int) -> bool:
        """'(PKFI)' after an organisation's name."""
        return j + 2 < len(toks) and toks[j].text == "(" and is_acronym(toks[j + 1]) and toks[j + 2].text == ")"

    def confirmed_place(self, toks: Sequence[Tok], j: int) -> int:
        for n in (3, 2, 1):
            if j + n <= len(toks) and tuple(t.low for t in toks[j:j + n]) in self.places:
                return n
        return 0

    def known_place(self, toks: Sequence[Tok], j: int) -> int:
        if not self.known or j >= len(toks) or not toks[j].cap:
            return 0
        for n in (3, 2, 1):
            if j + n <= len(toks) and tuple(t.low for t in toks[j:j + n]) in self.known:
                return n
        return 0

    def person_title_place(self, toks: Sequence[Tok], j: int) -> int:
        """After "Gubernur", "Bupati" ...: a place, unless it would eat a short name ("Bupati Budi Santoso")."""
        p = self.place_at(toks, j)
        if not p or self.confirmed_place(toks, j) or any(t.low in self.lex.place_tails for t in toks[j:j + p]):
            return p
        return 0 if self.name_len(toks, j + p) == 1 else p

    def parse(self, toks: Sequence[Tok], i: int, at_start: bool = False) -> Mention | None:
        """The mention starting at token i, or None."""
        lex = self.lex
        if i >= len(toks):
            return None
        first = toks[i]
        if first.low in lex.pronouns:
            return Mention("pronoun", None, None, None, first.start, first.end, i + 1)
        if first.low in lex.description_nouns:
            return Mention("description", None, None, None, first.start, first.end, i + 1)
        j = i
        while j < len(toks) and (toks[j].low in lex.modifiers or toks[j].text in lex.honorifics):
            j += 1
        role_from = j
        n_role, org_at, title = self.role_len(toks, j)
        j += n_role
        # apposition: "Kepala Dinas X, Budi Santoso, mengatakan"
        if n_role and j + 1 < len(toks) and toks[j].text == ",":
            k = self.skip_honorifics(toks, j + 1)
            n_name = self.name_len(toks, k)
            if n_name:      # closing comma often dropped: "kata Direktur X, Budi Santoso dalam ..."
                return self.person(toks, i, role_from, j, org_at, k, n_name, title)
        k = self.skip_honorifics(toks, j)
        if at_start and not n_role and k < len(toks) and toks[k].low in self.common:
            return None
        n_name = self.name_len(toks, k)
        if n_name and not n_role and tuple(t.low for t in toks[k:k + n_name]) in self.places:
            return None                                         # "Indonesia mencatat": a place, not a person
        # "CEO Maju Jaya, Budi Santoso": one word between a title and an apposed full name is the organisation
        if n_name == 1 and n_role and k + 2 < len(toks) and toks[k + 1].text == ",":
            k2 = self.skip_honorifics(toks, k + 2)
            n2 = self.name_len(toks, k2)
            if n2 >= 2:
                return self.person(toks, i, role_from, k + 1, k if org_at is None else org_at, k2, n2, title)
        # a "name" ending in a place word, or followed by "itu"/"ini", belongs to a description
        if n_name and (toks[k + n_name - 1].low in lex.place_tails or
                       (k + n_name < len(toks) and toks[k + n_name].low in lex.demonstratives and n_role)):
            j, n_name = k + n_name, 0
        if n_name:
            return self.person(toks, i, role_from, j, org_at, k, n_name, title)
        if n_role and (title or toks[i].low in lex.modifiers):
            end = j
            if not toks[role_from].cap and not (end < len(toks) and toks[end].low in lex.demonstratives):
                return None         # "kata petugas": a common noun, unless "petugas itu" points back
            return Mention("description", None, self.span(toks, role_from, end), None,
                           toks[i].start, toks[end - 1].end, end, title)
        if n_role and org_at is not None:
            return Mention("org", None, None, self.span(toks, org_at, j), toks[i].start, toks[j - 1].end, j)
        return None

    def skip_honorifics(self, toks: Sequence[Tok], k: int) -> int:
        """Honorifics and ranks, with the corps acronym a rank carries: 'Brigjen TNI', 'Kombes Pol'."""
        after_rank = False
        while k < len(toks) and (toks[k].text in self.lex.honorifics or (after_rank and is_acronym(toks[k]))):
            after_rank = True
            k += 1
        return k

    def person(self, toks: Sequence[Tok], i: int, role_from: int, role_to: int, org_at: int | None,
               k: int, n_name: int, title: tuple[str, ...]) -> Mention:
        end = k + n_name
        # trailing degrees: "Budi Santoso, SKM, M.Kes"
        while end + 1 < len(toks) and toks[end].text == "," and toks[end + 1].low in self.lex.degrees:
            end += 2
        while role_to > role_from and toks[role_to - 1].text in self.lex.honorifics:
            role_to -= 1
        role = self.span(toks, role_from, role_to) if role_to > role_from else None
        org = self.span(toks, org_at, role_to) if org_at is not None and role_to > org_at else None
        return Mention("person", self.span(toks, k, k + n_name), role, org, toks[i].start, toks[end - 1].end,
                       end, title)

    def span(self, toks: Sequence[Tok], a: int, b: int) -> str:
        """The words a..b as the article writes them."""
        return self.text[toks[a].start:toks[b - 1].end].strip(" ,")


PLACE_CUES = frozenset({"kabupaten", "kab.", "kota", "provinsi", "prov.", "pemkab", "pemkot", "pemprov",
                        "kecamatan", "desa", "kelurahan", "di", "ke", "dari", "se-"})


def place_evidence(text: str, toks: Sequence[Tok] | None = None) -> frozenset[tuple[str, ...]]:
    """Short capitalised runs after a place word ("Kabupaten Bangka Tengah," "di Koba,") that end at
    punctuation or a lower-case word: the article's own list of place names."""
    lex = lexicon()
    toks = tokenize(text) if toks is None else toks
    found: set[tuple[str, ...]] = set()
    for i, t in enumerate(toks):
        if t.low not in PLACE_CUES:
            continue
        j = i + 1
        while j < len(toks) and j - i <= 3 and toks[j].cap and toks[j].alpha and toks[j].low not in lex.role_words:
            j += 1
        ends_run = j < len(toks) and not toks[j].cap and j - i - 1 in (1, 2)
        if ends_run and not (t.low in ("di", "ke", "dari") and text[t.start - 1:t.start] == "\n"):
            found.add(tuple(x.low for x in toks[i + 1:j]))
    return frozenset(found)


def tokens_match(a: str, b: str) -> bool:
    """"M." matches "Muhammad"; otherwise equal ignoring case."""
    a, b = a.casefold(), b.casefold()
    if a == b:
        return True
    if a.endswith(".") and INITIAL.fullmatch(a.capitalize()):
        return b.startswith(a[:-1]) and not b.endswith(".")
    if b.endswith(".") and INITIAL.fullmatch(b.capitalize()):
        return a.startswith(b[:-1]) and not a.endswith(".")
    return False


def covers(full: str, short: str) -> bool:
    """Every word of `short` matches a word of `full`, in order."""
    fw, sw = full.split(), short.split()
    k = 0
    for w in fw:
        if k < len(sw) and tokens_match(w, sw[k]):
            k += 1
    return k == len(sw)


def fullness(name: str) -> tuple[int, int]:
    return len(name.split()), sum(len(w) for w in name.split() if not w.endswith("."))
