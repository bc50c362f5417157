"""Person mentions: titles, names, organisations.

A mention is a run of tokens such as "mantan Kepala Dinas Kesehatan Kota X Budi Santoso":
an optional modifier, a role (titles, organisation words, acronyms, place names) and a name. The
vocabulary is data (rules/titles.yml, loaded by `lexicon.py`); this module only walks tokens
(`tokens.py`), reading roles with `roles.py` and name words with `namewords.py`. `speakers.py` decides where mentions are looked for (after a quote, before a speech
verb, ...); `registry.py` keeps the article's register of people.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from .roles import RoleReader
from .tokens import Tok, is_initial, match, name_text


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


class MentionParser(RoleReader):
    """Parses mentions in one article, over its role and name readers (`roles.py`, `namewords.py`)."""

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
        second = toks[k + 1].text if n_name > 2 else ""
        if not lead and (is_initial(second) or len(second) == 1 and second.isupper()) and self.known_place(toks, k) == 1:
            lead = 1    # "pedagang di Surabaya M Rudi": a name opens with its initial, after the place
        if 0 < lead < n_name:          # "(Kepala Desa) Sukamulya Hendri" after "Pekon Sukamulya.": the place goes
            k, n_name, j = k + lead, n_name - lead, (k + lead if n_role else j)   # a role keeps its place
        # "CEO Maju Jaya, Budi Santoso": one word between a title and an apposed full name is the organisation;
        # so are the words after an organisation's own acronym or word when the apposition closes with a comma:
        # "Direktur Utama Rumah Sakit Umum (RSU) Siti Aminah, dr Budi Santoso, SpP, ..."
        if n_role and 0 < n_name <= 3 and k + n_name + 1 < len(toks) and toks[k + n_name].text == "," \
                and (n_name == 1 or org_at is not None):
            k2 = self.skip_honorifics(toks, k + n_name + 1)
            n2 = self.name_len(toks, k2)
            closed = k2 + n2 < len(toks) and toks[k2 + n2].text == ","
            if n2 >= 2 and (n_name == 1 or closed):
                return self.person(toks, i, role_from, k + n_name, k if org_at is None else org_at, k2, n2, title)
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
