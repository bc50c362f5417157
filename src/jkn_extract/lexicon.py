"""The vocabulary person mentions are parsed with: titles, organisation and place words, honorifics ...
(rules/titles.yml), and the gazetteer's place names. Loaded once; code elsewhere only reads it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.lang.id.stop_words import STOP_WORDS

from .rules import alternation, compile_pattern, load_csv, load_yaml, require

Phrases = dict[str, tuple[tuple[str, ...], ...]]


@dataclass(frozen=True)
class Lexicon:
    titles: Phrases
    modifiers: frozenset[str]
    org_words: Phrases
    place_heads: Phrases
    place_tails: frozenset[str]
    honorifics: frozenset[str]
    honorific_initials: frozenset[str]   # "H" after "DR": Haji
    degrees: frozenset[str]
    particles: frozenset[str]
    pronouns: frozenset[str]
    description_nouns: frozenset[str]
    demonstratives: frozenset[str]
    not_names: frozenset[str]
    connectors: frozenset[str]
    name_prefixes: frozenset[str]       # "I", "Ni": case-sensitive, before a Balinese birth-order name
    birth_order_names: frozenset[str]   # "made", "wayan", "luh"
    name_titles: frozenset[str]         # "hakim": a title that is a name word after a name's first word
    islands: tuple[str, ...]            # "Madura": places that are no region, known where names are read
    role_tails: frozenset[str]          # "Peduli" in "Yayasan Dokter Peduli": inside a role, never a name
    name_abbreviations: frozenset[str]  # "Muh.", "Abd.": dotted name parts longer than an initial
    role_prepositions: frozenset[str]   # "untuk": "Juru Bicara Pemerintah untuk Program Vaksinasi X"
    nickname_after: Phrases      # "X yang akrab disapa Y": Y is X's nickname
    nickname_before: Phrases     # "Y, panggilan akrab X": Y is X's nickname
    nickname_glue: frozenset[str]
    org_heads: frozenset[str]    # "PT", "Yayasan": a proper name follows
    function_words: frozenset[str]   # spaCy's stop words that never open a name
    institution_names: Phrases   # "Gadjah Mada": an organisation's name after a head ("Universitas")
    nouns: re.Pattern[str]       # common-noun word shapes ("kehadiran", "perekonomian")
    org_prefix: re.Pattern[str]  # "Kemen...", "Kominfo"
    place_cues: frozenset[str]   # "Kabupaten", "di", "warga": a place name follows
    org_cues: frozenset[str]     # "pihak", "lembaga": an organisation's name follows
    org_run_enders: frozenset[str]   # "PT Sinar Husada terhadap": a preposition ends the company's name
    org_tails: Phrases           # "Prize", "Group": the organisation's name precedes
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
            "nickname_after", "nickname_before", "nickname_glue", "org_heads", "noun_patterns", "org_prefixes",
            "place_cues", "org_cues", "org_run_enders", "org_tails", "role_prepositions", "name_abbreviations", "role_tails",
            "name_prefixes", "birth_order_names", "name_titles", "honorific_initials", "institution_names",
            "stop_word_names", "islands")
    data = require(load_yaml("titles.yml"), "titles.yml", {k: list for k in keys})

    def folded(key: str) -> frozenset[str]:
        return frozenset(str(w).casefold() for w in data[key])

    org_words = data["org_words"] + data["org_tails"]   # a tail ("Group") is an organisation word wherever it stands
    role_words = frozenset(t for w in data["titles"] + org_words for t in str(w).casefold().split())
    short = frozenset(w for w in role_words if w.endswith(".")) | folded("degrees") | folded("name_abbreviations")
    return Lexicon(
        titles=phrases(data["titles"]), modifiers=folded("modifiers"), org_words=phrases(org_words),
        place_heads=phrases(data["place_heads"]), place_tails=folded("place_tails"),
        # honorifics are case-sensitive: "Dr." / "dr." both listed; "H." is Haji, "M." stays an initial
        honorifics=frozenset(data["honorifics"]), honorific_initials=frozenset(data["honorific_initials"]),
        degrees=folded("degrees"), particles=folded("name_particles"),
        pronouns=folded("pronouns"), description_nouns=folded("description_nouns"),
        demonstratives=folded("demonstratives"), not_names=folded("not_names") | folded("role_tails"), connectors=folded("connectors"),
        nickname_after=phrases(data["nickname_after"]), nickname_before=phrases(data["nickname_before"]),
        nickname_glue=folded("nickname_glue"), org_heads=folded("org_heads"),
        institution_names=phrases(data["institution_names"]),
        function_words=frozenset(STOP_WORDS) - folded("stop_word_names"),
        nouns=compile_pattern("(?:" + "|".join(data["noun_patterns"]) + ")", "titles.yml", 0),
        org_prefix=compile_pattern("(?:" + alternation(data["org_prefixes"]) + ")", "titles.yml", 0),
        place_cues=folded("place_cues"), org_cues=folded("org_cues"), org_run_enders=folded("org_run_enders"), org_tails=phrases(data["org_tails"]),
        role_words=role_words, short_words=short, role_prepositions=folded("role_prepositions"),
        name_abbreviations=folded("name_abbreviations"), role_tails=folded("role_tails"),
        name_prefixes=frozenset(data["name_prefixes"]), birth_order_names=folded("birth_order_names"),
        name_titles=folded("name_titles"), islands=tuple(str(w) for w in data["islands"]),
    )


@cache
def gazetteer_places() -> frozenset[tuple[str, ...]]:
    """Every region name of the gazetteer and its aliases, and the islands that are no region, as casefolded
    word tuples (also written as one word: 'Palangkaraya'): tells 'Cabang Makassar Ishak Iskandar' where the
    place ends."""
    from .gazetteer import bare_name, regions
    names = [bare_name(r.name) for r in regions()]
    names += [row["alias"] for row in load_csv("region_aliases.csv", ("alias", "name"))]
    names += lexicon().islands
    out: set[tuple[str, ...]] = set()
    for name in names:
        words = tuple(name.casefold().replace("-", " ").split())
        if 0 < len(words) <= 3:
            out.add(words)
            out.add(("".join(words),))
    return frozenset(out)
