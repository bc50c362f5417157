"""Roles: the title, organisation and place words before a name ("mantan Kepala Dinas Kesehatan Kota X",
"Kepala Bidang SDM, Umum, dan Komunikasi Publik BPJS Kesehatan"), read token by token over the name words
of `namewords.py`; `names.py` parses whole mentions with them."""
from __future__ import annotations

from typing import Sequence

from .namewords import NUMBERING, NameReader
from .nameshape import is_acronym
from .tokens import Tok, match

MAX_ROLE_TOKENS = 16   # bounds the work per mention (linear overall)
MAX_BRIDGE = 6         # unlisted words inside a role; more than 3 only with "dan" among them


class RoleReader(NameReader):
    """Reads the role of a mention: its title words, where its organisation starts, the places in it."""

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
                # a title that is or ends in a place word takes the place after it: "Bupati X", "Kepala Puskesmas X"
                head = any(match(toks, x, lex.place_heads, need_cap=False) == j + n - x for x in range(j, j + n))
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
            note = self.role_note(toks, j) if j > i else 0
            if note:
                j += note                                       # "Jaminan Sosial (BPJS) Kesehatan", "... (Menko PMK)"
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

    def role_note(self, toks: Sequence[Tok], j: int) -> int:
        """Tokens of a bracketed note inside a role at j: one word ("(BPJS)"), or a title with its acronyms
        ("(Menko PMK)", "(Dirut BPJS)")."""
        if j + 2 >= len(toks) or toks[j].text != "(":
            return 0
        if toks[j + 2].text == ")":
            return 3
        close = next((c for c in range(j + 2, min(len(toks), j + 5)) if toks[c].text == ")"), None)
        if close is None or not match(toks, j + 1, self.lex.titles):
            return 0
        return close - j + 1 if all(is_acronym(t) or match(toks, x, self.lex.titles)
                                    for x, t in enumerate(toks[j + 2:close], j + 2)) else 0

    @staticmethod
    def acronym_note(toks: Sequence[Tok], j: int) -> bool:
        """'(PKFI)' after an organisation's name."""
        return j + 2 < len(toks) and toks[j].text == "(" and is_acronym(toks[j + 1]) and toks[j + 2].text == ")"

    def person_title_place(self, toks: Sequence[Tok], j: int) -> int:
        """After "Gubernur", "Bupati" ...: a place, unless it would eat a short name ("Bupati Budi Santoso");
        a region the gazetteer knows is the place even before a one-word name ("Bupati Banyumas Sutrisno")."""
        known = self.known_place(toks, j)
        p = max(self.place_at(toks, j), known)   # "Bupati Bone Bolango Yusuf Rahman": the longer
        if not p or known == p or self.confirmed_place(toks, j) or any(t.low in self.lex.place_tails for t in toks[j:j + p]):
            return p
        return 0 if self.name_len(toks, j + p) == 1 else p


def field_len(toks: Sequence[Tok], k: int) -> int:
    """Capitalised words at k, up to 3: one field of a listed role ("Sumber Daya Manusia")."""
    n = 0
    while n < 3 and k + n < len(toks) and toks[k + n].cap and toks[k + n].alpha:
        n += 1
    return n
