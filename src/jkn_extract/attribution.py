"""Attribution search: where the speaker of a statement is named, next to a quote or a speech verb
('"...," kata X', 'X mengatakan, "..."', 'Menurut X, ...'). `speakers.py` runs the article's pass and
resolves what this module finds; person mentions are parsed by `names.py`."""
from __future__ import annotations

from dataclasses import dataclass

from .lexicon import Lexicon
from .names import Mention, MentionParser
from .nameshape import is_name_token
from .quotemarks import Segment
from .speechcues import Cues, phrase_at, phrase_ending_at
from .tokens import Tok, Tokens, index_at, is_initial

MAX_RUN = 16              # a subject is never longer: bounds the search (linear time)
MAX_VENUE = 30            # tokens of a venue/time adjunct between a subject and its verb
MAX_ADJUNCT = 6           # lower-case words of an adjunct after a subject's comma
MAX_PLACE = 4             # tokens of a name alone in a venue, a place or an outlet: "di Kota Baru"
MAX_NOTE = 5              # tokens of a bracketed note after a name: "(30 tahun)", "(bukan nama sebenarnya)"


@dataclass(frozen=True)
class Attribution:
    mention: Mention | None
    verb: str | None
    lo: int       # text the attribution occupies (masked from reported-speech search)
    hi: int


class AttributionSearch:
    """The search over one article's tokens; the pass (`speakers.Speakers`) sets the attributes."""
    tokens: Tokens
    parser: MentionParser
    cues: Cues
    lex: Lexicon

    def subject_before(self, toks: list[Tok], k: int) -> Mention | None:
        """The mention that ends right before token k (a speech verb), adverbs such as "juga" skipped."""
        j = k - 1
        while j >= 0 and (n := phrase_ending_at(toks, j, self.cues.between)):
            j -= n
        if j >= 3 and toks[j].text == ")" and toks[j - 2].text == "(" and is_name_token(toks[j - 1], self.lex):
            j -= 3      # a nickname in brackets: 'Presiden Joko Widodo (Jokowi) menegaskan'
        j = self.before_degrees(toks, j)
        if j < 0:
            return None
        for o in self.venue_starts(toks, j):     # 'Budi di Kota, Senin, mengatakan'
            m = self.mention_ending(toks, o - 1, o, False)
            # a place alone may be a subheading's end glued to a name ('... di Kota Baru Prof Budi menilai')
            if m is not None and (m.kind == "person" or not self.place_venue(toks, o, j)):
                return m
        m = self.subject_before_adjunct(toks, j) or self.subject_before_role_clause(toks, j) \
            or self.subject_before_relative(toks, j)
        if m is not None:
            return m
        end = j + 1
        apposition = toks[j].text == ","
        if apposition:      # "Kepala X, Budi, mengatakan"
            a = j - 1
            while a >= 0 and (is_name_token(toks[a], self.lex) or toks[a].text in self.lex.honorifics
                              or a > 0 and self.parser.name_hyphen(toks, a)):
                a -= 1
            if a < 0 or a == j - 1 or toks[a].text != ",":
                # "Direktur Utama BPJS Kesehatan Budi Santoso, mengatakan": a stray comma after the subject
                m = self.mention_ending(toks, j - 1, j, False) if a < j - 1 else None
                return m if m is not None and m.kind == "person" else self.subject_before_age(toks, j)
            if self.parser.known_place(toks, a + 1) == j - 1 - a:
                # "Kepala BPJS Kesehatan Cabang Kota, Provinsi, meminta": a region apposed to the office before it
                # (not to a person: "Sari, yang berjualan di pinggir Pasar X, Jakarta Timur, mengaku" names a venue)
                m = self.subject_before(toks, a + 1)
                return m if m is not None and m.kind != "person" else None
            j = a - 1
        m = self.mention_ending(toks, j, end, apposition)
        if m is not None and m.kind in ("org", "description"):
            # "Menteri X Budi dan BPJS Kesehatan memastikan": the person of a coordinated subject speaks;
            # "Sementara, Budi Santoso, Peneliti Lembaga X menyampaikan": so does one apposed before a role
            return self.coordinated_person(toks, m, j) or self.person_before_role(toks, m) or m
        return m if m is not None else self.subject_before_age(toks, j)

    def before_degrees(self, toks: list[Tok], j: int) -> int:
        """'dr Budi Santoso, SpRad(K), OnkRad, menyebut': the name's last token, past the degrees apposed to it
        (each after a comma, with its bracketed qualifier), when j is the comma that closes them."""
        k = j
        while k >= 2 and toks[k].text == ",":
            d = k - 1
            if toks[d].text == ")" and d >= 3 and toks[d - 2].text == "(":
                d -= 3      # "SpRad(K)": the consultant's mark
            if d >= 1 and self.parser.degree(toks[d]) and toks[d - 1].text == ",":
                k = d - 1
            else:
                break
        return k - 1 if 0 < k < j and is_name_token(toks[k - 1], self.lex) else j

    def lower_run_end(self, toks: list[Tok], i: int) -> int:
        """The end of a run of up to MAX_ADJUNCT lower-case words from token i (a description, a group), before
        an honorific ("dr") or a speech cue ("menurut") that opens what follows."""
        j = i
        while j < len(toks) and j - i < MAX_ADJUNCT and toks[j].alpha and not toks[j].cap \
                and toks[j].text not in self.lex.honorifics and toks[j].low not in self.cues.according:
            j += 1
        return j

    def group_members_at(self, toks: list[Tok], i: int) -> int | None:
        """Where the members of a group at token i are named: 'sejumlah pihak, termasuk ...' (a lower-case
        group of up to MAX_ADJUNCT words, a comma, a member word)."""
        g = self.lower_run_end(toks, i)
        if g == i or g >= len(toks) or toks[g].text != ",":
            return None
        n = phrase_at(toks, g + 1, self.cues.group_members)
        return g + 1 + n if n else None

    def subject_before_age(self, toks: list[Tok], j: int) -> Mention | None:
        """'Umar (25) memandang', 'Wisnu (25), karyawan swasta di Bandung, mengingatkan', 'Lili (bukan nama
        sebenarnya) bercerita': a person with a bracketed note in lower case or digits (an age, a pseudonym),
        right before the verb or apposed to a description that runs up to it."""
        for a in range(j, max(2, j - MAX_VENUE), -1):
            if toks[a].text in {".", '"', "!", "?"}:
                return None
            if toks[a].text != ")":
                continue
            o = next((o for o in range(a - 1, max(0, a - MAX_NOTE) - 1, -1) if toks[o].text in "()"), -1)
            if o < 1 or toks[o].text != "(" or o == a - 1 or any(t.cap for t in toks[o + 1:a]):
                return None
            if a != j and toks[a + 1].text != "," and toks[a + 1].low not in self.lex.modifiers:
                return None     # 'Ayu (30 tahun) seorang karyawan swasta ... mengaku' is apposed too
            m = self.mention_ending(toks, o - 1, o, False)
            return m if m is not None and m.kind == "person" else None
        return None

    def coordinated_person(self, toks: list[Tok], m: Mention, j: int) -> Mention | None:
        """The person before the last "dan" of subject `m` (ending at token j) or right before it: 'Menteri X
        Budi dan Direktur Y Rina menegaskan' (Budi speaks too), 'Menteri X Budi dan BPJS Kesehatan memastikan'."""
        d = next((i for i in range(j, max(-1, j - MAX_RUN), -1)
                  if toks[i].low == "dan" or toks[i].end <= m.start), -1)
        if d < 1 or toks[d].low != "dan":
            return None
        p = self.mention_ending(toks, d - 1, d, False)
        # a name of two words at least: "Menteri Energi dan Sumber Daya Mineral X" lists fields, not people
        return p if p is not None and p.kind == "person" and len((p.name or "").split()) >= 2 else None

    def subject_before_adjunct(self, toks: list[Tok], j: int) -> Mention | None:
        """'Budi Santoso, dalam beberapa kesempatan menyampaikan', 'Budi, yang juga ketua tim, mengatakan':
        a person, then a lower-case adjunct set off by a comma before the verb."""
        b = j - 1 if toks[j].text == "," else j
        a = b
        while a >= 0 and b - a < MAX_ADJUNCT and toks[a].alpha and not toks[a].cap:
            a -= 1
        if 0 <= a < b and toks[j].text == "," and toks[a + 1].low == "yang" and toks[a].cap:
            m = self.mention_ending(toks, a, a + 1, False)   # 'Budi yang menderita sakit lambung, mengaku'
            return m if m is not None and m.kind == "person" else None
        if a < 1 or a == b or toks[a].text != ",":
            return None
        m = self.mention_ending(toks, a - 1, a, False)
        return m if m is not None and m.kind == "person" else None

    def subject_before_relative(self, toks: list[Tok], j: int) -> Mention | None:
        """'Salah seorang peserta, Budi, yang sedang berobat di Puskesmas X mengatakan': a person set off by
        commas, then a relative clause running up to the verb (with no speech verb of its own)."""
        for y in range(j, max(1, j - MAX_VENUE), -1):
            t = toks[y]
            if t.text in {".", '"', "!", "?", "\u201c", "\u201d"} or y < j and t.low in self.cues.before:
                return None
            if t.low == "yang" and toks[y - 1].text == ",":
                m = self.mention_ending(toks, y - 2, y - 1, False)
                return m if m is not None and m.kind == "person" else None
        return None

    def person_before_role(self, toks: list[Tok], m: Mention) -> Mention | None:
        """The person apposed right before the role mention `m`, after a comma: 'Budi Santoso, Peneliti X'."""
        b = index_at(toks, m.start)
        while b > 2 and toks[b - 1].cap and toks[b - 1].text[:1].isalpha() and m.start - toks[b - 1].start < 40:
            b -= 1      # "Senior Program Officer X": capitalised words of the role the mention left out
        if b < 2 or toks[b - 1].text != ",":
            return None
        p = self.mention_ending(toks, b - 2, b - 1, False)
        if p is None or p.kind != "person" or p.role:
            return None
        a = index_at(toks, p.start)
        return p if a > 0 and toks[a - 1].text == "," else None   # set off by commas, not "Keempat, KPK meminta"

    def subject_before_role_clause(self, toks: list[Tok], j: int) -> Mention | None:
        """'Budi yang juga sebagai Ketua Tim X mengatakan': a person, then a relative clause giving a role."""
        b = j
        while b >= 0 and j - b < MAX_RUN and (self.run_token(toks[b]) or toks[b].text == "-"):   # "Hematologi-Onkologi"
            b -= 1
        for y in range(b, max(-1, b - 5), -1):
            if toks[y].low == "yang" and phrase_at(toks, y, self.cues.role_relatives) == b - y + 1 and b < j:
                m = self.mention_ending(toks, y - 1, y, False)
                return m if m is not None and m.kind == "person" else None
        return None

    def mention_ending(self, toks: list[Tok], j: int, end: int, apposition: bool) -> Mention | None:
        """The mention whose last name token is toks[j] (ending at `end`, or before an apposition comma)."""
        if j < 0:
            return None
        b = j
        while b >= 0 and j - b < MAX_RUN and (self.run_token(toks[b]) or b == j and toks[b].low in self.lex.pronouns
                                               or b > 0 and self.parser.name_hyphen(toks, b)):
            b -= 1      # a lower-case pronoun subject too: 'Terkait hal itu, ia mengatakan'; 'Sang-Min'
        head = toks[:end]
        for s in range(b + 1, end):
            at_start = s == 0 or not toks[s - 1].text[:1].isalnum()
            m = self.parser.parse(head, s, at_start=at_start)
            if m and (m.next_i == end or (apposition and m.next_i == end - 1)):
                return m
        return None

    def venue_starts(self, toks: list[Tok], j: int) -> list[int]:
        """Where a venue/time adjunct ending at toks[j] may open ('di', 'saat dihubungi di'), farthest first;
        only when the adjunct holds a weekday, opens with an event word ('saat peluncuran') or is a place name
        alone ('di Jakarta'), so an ordinary clause before a verb is never skipped."""
        c, out, day = self.cues, [], False
        for i in range(j, max(-1, j - MAX_VENUE), -1):
            t = toks[i]
            if t.text in {".", '"', "\u201c", "\u201d"} or t.low in c.before or t.low in c.after:
                break
            day = day or t.low in c.venue_days
            if (day and t.low in c.venue_openers or t.low in c.event_openers or self.place_venue(toks, i, j)) \
                    and not t.cap:
                out.append(i)
        return out[::-1]

    def place_venue(self, toks: list[Tok], i: int, j: int) -> bool:
        """Is toks[i..j] "di" or "kepada" and a name alone (a place, an outlet: 'Budi di Kota Baru mengatakan')?"""
        return toks[i].low in self.cues.place_openers and 0 < j - i <= MAX_PLACE \
            and all(x.cap for x in toks[i + 1:j + 1])

    def run_token(self, t: Tok) -> bool:
        low = t.low
        return (t.cap and t.text[:1].isalpha()) or is_initial(t.text) or low in self.lex.particles \
            or low in self.lex.modifiers or low in ("dan", "&") or low in self.lex.role_words

    def after_cue(self, toks: list[Tok], k: int) -> Mention | None:
        """'kata X' / 'ujarnya' / 'kata dia' at token k."""
        t = toks[k]
        if t.low in self.cues.after_nya:
            return Mention("pronoun", None, None, None, t.start, t.end, k + 1)
        if t.low in self.cues.after or t.low in self.cues.before:
            m = self.parser.parse(toks, k + 1)
            if m is None:   # "kata ahli asuransi kesehatan dr Budi Santoso": a description in lower case, then the person
                j = self.lower_run_end(toks, k + 1)
                p = self.parser.parse(toks, j) if j > k + 1 and j < len(toks) and toks[j].text in self.lex.honorifics else None
                m = p if p is not None and p.kind == "person" else None
            return m
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
            while (n := phrase_at(toks, v, self.cues.between)) and v + n < len(toks):
                v += n
            if toks[v].low in self.cues.before or toks[v].low in self.cues.after:
                return Attribution(m, toks[v].text, seg.close, toks[v].end)
        if m is not None and m.kind == "person" and m.role and self.text[seg.start:seg.end].rstrip().endswith(","):
            return Attribution(m, None, seg.close, m.end)   # '"...," Anggota DJSN Budi beberapa waktu lalu.': no verb
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
