"""Name words: the token-level readers under person mentions: how many tokens at a position form a name,
a place the article confirms or the gazetteer knows, an organisation word or acronym, honorifics and degrees.
The vocabulary is data (rules/titles.yml, loaded by `lexicon.py`); `roles.py` reads titles with these and
`names.py` whole mentions."""
from __future__ import annotations

import re
from typing import Sequence

from .lexicon import lexicon
from .nameshape import is_acronym, is_name_token, is_org_shaped
from .tokens import Tok, match

NUMBERING = re.compile(r"[IVX]{1,5}|[0-9]{1,2}")
MAX_NAME_TOKENS = 6   # "Ni Made Ayu Sri Ratna Sudewi"
MAX_COMMON_IN_NAME = 2  # a "name" with more words the article writes in lower case is a headline


class NameReader:
    """Reads name words in one article. `places` are place names the article itself confirms
    (runs after "Kabupaten", "Kota", "di" ...), used to tell "Bangka Tengah" from a name;
    `known` are gazetteer names, trusted only where a 2-word name still follows them."""

    def __init__(self, text: str, places: frozenset[tuple[str, ...]], common: frozenset[str],
                 known: frozenset[tuple[str, ...]] = frozenset(), orgs: frozenset[str] = frozenset()) -> None:
        self.lex = lexicon()
        self.text = text
        self.places = places
        self.common = common
        self.known = known
        self.orgs = orgs        # the article's own organisation words (`org_evidence`)

    def place_at(self, toks: Sequence[Tok], i: int, nested: bool = False) -> int:
        """Tokens of a place name the article confirms, or a capitalised word plus its tails; a place word
        opening it takes the name after it ("Puskesmas Sungai Siring", "RSUD Kota Maju")."""
        head = match(toks, i, self.lex.place_heads) if not nested else 0
        if head and i + head < len(toks) and toks[i + head].cap:
            return head + self.place_at(toks, i + head, nested=True)
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
        if i < len(toks) and toks[i].low in lex.function_words:
            return 0        # "Adalah Budi Santoso (46), warga ...": a function word opening the sentence
        while i + n < len(toks) and n < MAX_NAME_TOKENS:
            t = toks[i + n]
            if n and (t.low == toks[i + n - 1].low or t.low == toks[i].low):
                break       # "ujar Mundiharno  Mundiharno menambahkan", "Siti Nadia Tarmizi Siti Nadia": a lost break
            if n and self.degree(t):
                break       # "Budi Santoso MSc": a degree without its comma
            if is_name_token(t, lex) and t.low not in self.orgs or n and t.low in lex.name_titles and t.cap:
                n += 1
            elif n and self.name_hyphen(toks, i + n):
                n += 1      # "Sang-Min Lee": a hyphen inside a name word
            elif not n and t.cap and t.alpha and self.name_hyphen(toks, i + 1):
                n += 1      # "Sang-Min": a word that is no name alone starts one it is hyphened to
            elif t.low in lex.particles and i + n + 1 < len(toks) and is_name_token(toks[i + n + 1], lex):
                n += 1
            else:
                break
        if n > MAX_COMMON_IN_NAME and sum(t.low in self.common for t in toks[i:i + n]) > MAX_COMMON_IN_NAME:
            return 0        # "Menkes Sebut Tidak Ada Kenaikan Iuran": a headline in title case
        return n

    def name_hyphen(self, toks: Sequence[Tok], j: int) -> bool:
        """A hyphen at j joining two name words without spaces ("Sang-Min"), not a dateline's
        ("Jakarta-Beberapa", a common word after it; "Jakarta-Budi" opening a line, a known place before it)."""
        if j + 1 >= len(toks) or toks[j].text != "-":
            return False
        after = toks[j + 1]
        place = toks[j - 1]
        if (place.low,) in self.known and not self.text[self.text.rfind("\n", 0, place.start) + 1:place.start].strip():
            return False
        return toks[j - 1].end == toks[j].start and toks[j].end == after.start \
            and is_name_token(after, self.lex) and after.low not in self.common

    def degree(self, t: Tok) -> bool:
        """A degree written so that it is no name word: dotted or in inner capitals ("M.Kes", "MSc", "PhD")."""
        return t.low in self.lex.degrees and ("." in t.text or any(c.isupper() for c in t.text[1:]))

    def name_prefix_at(self, toks: Sequence[Tok], j: int) -> bool:
        """'I Made Puja', 'Ni Luh Putu': a Balinese prefix before a birth-order name opens a name, not a numeral."""
        return toks[j].text in self.lex.name_prefixes and j + 1 < len(toks) \
            and toks[j + 1].low in self.lex.birth_order_names

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

    def skip_honorifics(self, toks: Sequence[Tok], k: int) -> int:
        """Honorifics and ranks, with the corps acronym a rank carries: 'Brigjen TNI', 'Kombes Pol'."""
        after_rank = 0 < k <= len(toks) and toks[k - 1].text in self.lex.honorifics
        while k < len(toks) and (toks[k].text in self.lex.honorifics or after_rank and (
                is_acronym(toks[k]) or toks[k].text in self.lex.honorific_initials)):
            after_rank = True
            k += 1
        return k

    def org_at(self, toks: Sequence[Tok], j: int) -> int:
        """An organisation word or an acronym at j."""
        n = match(toks, j, self.lex.org_words)
        if not n and 0 < j < len(toks) and toks[j - 1].low in self.lex.org_heads:
            n = match(toks, j, self.lex.institution_names)     # "Universitas Gadjah Mada"
        if n or j >= len(toks):
            return n
        t = toks[j]
        if t.low in self.lex.degrees or t.text in self.lex.honorifics:
            return 0        # "Budi Santoso SH", "Ketua X DR Budi": a degree or honorific, no organisation
        return int(is_acronym(t) and not NUMBERING.fullmatch(t.text) or is_org_shaped(t, self.lex)
                   or t.low in self.orgs)

    def span(self, toks: Sequence[Tok], a: int, b: int) -> str:
        """The words a..b as the article writes them."""
        return self.text[toks[a].start:toks[b - 1].end].strip(" ,")
