"""Person mentions: titles, names, organisations.

A mention is a run of tokens such as "mantan Kepala Dinas Kesehatan Kota X Budi Santoso":
an optional modifier, a role (titles, organisation words, acronyms, place names) and a name. The
vocabulary is data (rules/titles.yml, loaded by `lexicon.py`); this module only walks tokens
(`tokens.py`). `speakers.py` decides where mentions are looked for (after a quote, before a speech
verb, ...); `registry.py` keeps the article's register of people.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from .lexicon import lexicon
from .nameshape import is_acronym, is_name_token, is_org_shaped
from .tokens import Tok, is_initial, match, name_text

NUMBERING = re.compile(r"[IVX]{1,5}|[0-9]{1,2}")
MAX_NAME_TOKENS = 6   # "Ni Made Ayu Sri Ratna Sudewi"
MAX_ROLE_TOKENS = 16   # bounds the work per mention (linear overall)
MAX_BRIDGE = 6         # unlisted words inside a role; more than 3 only with "dan" among them
MAX_COMMON_IN_NAME = 2  # a "name" with more words the article writes in lower case is a headline


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


class MentionParser:
    """Parses mentions in one article. `places` are place names the article itself confirms
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

    def role_len(self, toks: Sequence[Tok], i: int) -> tuple[int, int | None, tuple[str, ...]]:
        """(tokens of the role starting at i, index where its organisation starts, title words)."""
        lex, j, org_at, title = self.lex, i, None, ()
        consumed_place = False
        if i < len(toks) and toks[i].cap:                      # "Lion Air Group Danang ...", "Nobel Prize"
            n = self.name_len(toks, i)
            tail = match(toks, i + n, lex.org_tails) if n else 0
            if tail:
                j, org_at = i + n + tail, i
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
            n = self.org_at(toks, j) or match(toks, j, lex.place_heads, need_cap=j == i)   # "BPJS Kesehatan cabang X"
            if n and j > i and self.name_hyphen(toks, j + n):
                break                                           # "Direktur Bank Dunia Sang-Min": the name begins
            if n:
                org_at = j if org_at is None else org_at
                head = match(toks, j, lex.place_heads, need_cap=False) >= n
                j += n
                if head:
                    p = self.place_at(toks, j)
                    j += p
                    consumed_place = bool(p)
                continue
            if j > i and NUMBERING.fullmatch(toks[j].text) and not self.name_prefix_at(toks, j):
                j += 1                                          # "Komisi IV", "Asisten II"
                continue
            listed = self.listed_fields_end(toks, j) if j > i and title else None
            if listed is not None:   # "Kepala Bidang Sumber Daya Manusia, Umum, dan Komunikasi Publik BPJS ..."
                j = listed
                continue
            if j > i and toks[j].cap and toks[j].low in lex.role_tails:
                j += 1                                          # "Ketua Yayasan Dokter Peduli Budi ..."
                continue
            if j > i and title and toks[j].low in lex.role_prepositions and j + 2 < len(toks) \
                    and toks[j + 1].cap and (self.org_at(toks, j + 1) or self.bridge(toks, j + 1)):
                j += 1                                          # "Juru Bicara Pemerintah untuk Program Vaksinasi"
                continue
            if j > i and toks[j].low == "di" and title and self.org_at(toks, j + 1):
                j += 1                                          # "Kepala Biro Humas di Kementerian X"
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
            both = (self.confirmed_place(toks, j + 1) or self.known_place(toks, j + 1)) \
                if consumed_place and toks[j].low in lex.connectors else 0
            if both and self.name_len(toks, j + 1 + both):   # "Wilayah Sumatera Utara dan Aceh Mariamah"
                j += 1 + both
                continue
            p = self.known_place(toks, j) if j > i and not consumed_place else 0
            if p and self.name_len(toks, self.skip_honorifics(toks, j + p)) >= 2:   # "Cabang BPJS Makassar Ishak"
                j += p
                consumed_place = True
                continue
            break
        return j - i, org_at, title

    def listed_fields_end(self, toks: Sequence[Tok], j: int) -> int | None:
        """Where the last item of a comma list of fields inside a role starts ("SDM, Umum, dan Komunikasi
        Publik", "Sumber Daya Manusia, Umum, dan ...", "SDM, Umum dan Komunikasi"): items of up to 3
        capitalised words."""
        k, items = j, 0
        while k < len(toks) and k - j < MAX_ROLE_TOKENS:   # bounded: linear overall
            n = field_len(toks, k)
            if k + n + 1 >= len(toks) or toks[k + n].text != "," or (n == 0 and k > j) or match(toks, k, self.lex.titles):
                return None   # not a list of people: "Kepala Dinas X Budi, Sekda Rina, dan ..."
            k, items = k + n, items + (n > 0)
            if toks[k + 1].low in ("dan", "serta") and k + 2 < len(toks) and toks[k + 2].cap and items:
                return k + 2
            # the last two items joined without a comma; the first item may be the acronym the role already
            # took ("Deputi SDM, Umum dan ...")
            d = k + 1 + field_len(toks, k + 1)
            if d > k + 1 and (items or k == j) and d + 1 < len(toks) and toks[d].low in ("dan", "serta") \
                    and toks[d + 1].cap and not match(toks, k + 1, self.lex.titles):
                return d + 1
            k += 1
        return None

    def name_prefix_at(self, toks: Sequence[Tok], j: int) -> bool:
        """'I Made Puja', 'Ni Luh Putu': a Balinese prefix before a birth-order name opens a name, not a numeral."""
        return toks[j].text in self.lex.name_prefixes and j + 1 < len(toks) \
            and toks[j + 1].low in self.lex.birth_order_names

    def bridge(self, toks: Sequence[Tok], j: int) -> int:
        """Unlisted words inside a role ("Direktur Teknologi dan Informasi BPJS ..."): skip up to 3
        capitalised words or connectors when an organisation word or acronym follows them (not a title:
        'Menteri X Budi Santoso Ketua KPU ...' lists two people)."""
        joined = False
        for d in range(1, MAX_BRIDGE + 1):
            t = toks[j + d - 1] if j + d - 1 < len(toks) else None
            if t is None or not (t.cap and t.alpha or t.low in self.lex.connectors) \
                    or match(toks, j + d - 1, self.lex.titles):
                return 0
            joined = joined or t.low in self.lex.connectors   # "Usaha Hilir Minyak dan Gas Bumi Kementerian"
            if d > 3 and not joined:
                return 0
            if self.org_at(toks, j + d) or self.acronym_note(toks, j + d):
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
        """After "Gubernur", "Bupati" ...: a place, unless it would eat a short name ("Bupati Budi Santoso");
        a region the gazetteer knows is the place even before a one-word name ("Bupati Banyumas Sutrisno")."""
        known = self.known_place(toks, j)
        p = max(self.place_at(toks, j), known)   # "Bupati Bone Bolango Yusuf Rahman": the longer
        if not p or known == p or self.confirmed_place(toks, j) or any(t.low in self.lex.place_tails for t in toks[j:j + p]):
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
        while j < len(toks) and (toks[j].low in lex.modifiers or toks[j].text in lex.honorifics) \
                and not self.name_hyphen(toks, j + 1):   # "Sang-Min" is a name, "sang juara" a description
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
        # "Ketua Bidang Fatwa Prof KH Budi": a field word before honorifics belongs to the role
        h = self.skip_honorifics(toks, k + n_name) if n_name and n_role else 0
        after = self.name_len(toks, h) if h > k + n_name else 0
        if after:
            j = k = h
            n_name = after
        # "Ketua Dewan Pers M. Nuh": a word the article also writes in lower case, before an initial, ends the role
        if n_role and n_name >= 2 and toks[k].low in self.common and is_initial(toks[k + 1].text):
            j = k = k + 1
            n_name -= 1
        if n_name and not n_role and tuple(t.low for t in toks[k:k + n_name]) in self.places:
            return None                                         # "Indonesia mencatat": a place, not a person
        lead = self.confirmed_place(toks, k) if n_name > 1 and not n_role else 0
        if not lead and (n_name > 3 and not n_role or n_name > 2 and org_at is not None):  # a known region:
            # "warga Jakarta Timur Budi Santoso", "Ketua DPD PPNI Jakarta Utara Maryanto"
            known = self.known_place(toks, k)
            lead = known if known >= 2 else 0
        if 0 < lead < n_name:          # "(Kepala Desa) Sukamulya Hendri" after "Pekon Sukamulya.": the place goes
            k, n_name, j = k + lead, n_name - lead, (k + lead if n_role else j)   # a role keeps its place
        # "CEO Maju Jaya, Budi Santoso": one word between a title and an apposed full name is the organisation
        if n_name == 1 and n_role and k + 2 < len(toks) and toks[k + 1].text == ",":
            k2 = self.skip_honorifics(toks, k + 2)
            n2 = self.name_len(toks, k2)
            if n2 >= 2:
                return self.person(toks, i, role_from, k + 1, k if org_at is None else org_at, k2, n2, title)
        # "PT Maju Jaya menyebut": without a person's title the words after "PT" name the company (when
        # an organisation word has named it, "Universitas Gadjah Mada Budi Santoso", a person follows)
        head = max((x for x in range(role_from, j) if toks[x].low in lex.org_heads), default=None)
        if n_name and not title and head is not None \
                and not any(match(toks, x, lex.org_words) for x in range(head + 1, j)):
            end = k + n_name
            return Mention("org", None, None, self.span(toks, role_from if org_at is None else org_at, end),
                           toks[i].start, toks[end - 1].end, end)
        # a "name" ending in a place word, or followed by "itu"/"ini", belongs to a description, and so
        # does a region the gazetteer knows after an office: "Kepala Dinas Kesehatan Kulon Progo mengatakan"
        if n_name and n_role and org_at is not None and tuple(t.low for t in toks[k:k + n_name]) in self.known:
            j, n_name = k + n_name, 0
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
        after_rank = 0 < k <= len(toks) and toks[k - 1].text in self.lex.honorifics
        while k < len(toks) and (toks[k].text in self.lex.honorifics or after_rank and (
                is_acronym(toks[k]) or toks[k].text in self.lex.honorific_initials)):
            after_rank = True
            k += 1
        return k

    def person(self, toks: Sequence[Tok], i: int, role_from: int, role_to: int, org_at: int | None,
               k: int, n_name: int, title: tuple[str, ...]) -> Mention:
        # a region inside the "name" ends an organisation's own name: "Rumah Sakit A. Yani Surabaya Dodo Anando"
        # ... as does a region listed after a connector ("Wilayah Sumatera Selatan dan Bengkulu Elsa Novelia"),
        # whose role stands before the connector, out of this mention's reach
        listed = k > 0 and toks[k - 1].low in self.lex.connectors
        for p in range(k if listed else k + 1, k + n_name - 2):
            n = self.confirmed_place(toks, p) or self.known_place(toks, p)
            if n and k + n_name - (p + n) >= 2:
                if p == k == role_from:
                    role_from = role_to = p + n     # no role of its own
                role_to, n_name, k = p + n, k + n_name - (p + n), p + n
                break
        else:
            # after a title, a place the article names as such ends the role even before a one-word name:
            # "Kepala BPJS Kesehatan Madura Munaqib" (with "di Pulau Madura" elsewhere)
            for p in range(k, k + n_name - 1) if title and role_to > role_from else ():
                n = self.confirmed_place(toks, p)
                if n and p + n < k + n_name:
                    role_to, n_name, k = p + n, k + n_name - (p + n), p + n
                    break
        end = k + n_name
        # trailing degrees: "Budi Santoso, SKM, M.Kes"
        while end + 1 < len(toks) and toks[end].text == "," and toks[end + 1].low in self.lex.degrees:
            end += 2
        while end < len(toks) and self.degree(toks[end]):
            end += 1
        while role_to > role_from and toks[role_to - 1].text in self.lex.honorifics:
            role_to -= 1
        role = self.span(toks, role_from, role_to) if role_to > role_from else None
        org = self.span(toks, org_at, role_to) if org_at is not None and role_to > org_at else None
        return Mention("person", name_text(toks, k, k + n_name), role, org, toks[i].start, toks[end - 1].end,
                       end, title)

    def span(self, toks: Sequence[Tok], a: int, b: int) -> str:
        """The words a..b as the article writes them."""
        return self.text[toks[a].start:toks[b - 1].end].strip(" ,")


def field_len(toks: Sequence[Tok], k: int) -> int:
    """Capitalised words at k, up to 3: one field of a listed role ("Sumber Daya Manusia")."""
    n = 0
    while n < 3 and k + n < len(toks) and toks[k + n].cap and toks[k + n].alpha:
        n += 1
    return n
