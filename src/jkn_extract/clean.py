"""Clean stage: normalise characters, remove page chrome, keep each paragraph once.

Offsets of every later stage refer to the cleaned text, so cleaning happens exactly once,
here, and the result is what records' `start`/`end` and `sentence` point into.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from .rules import compile_pattern, load_yaml, require

# Sentences glued by scrapers: "dia.Selanjutnya" -> add the missing space (quotes: see space_quotes).
GLUED_SENTENCE = re.compile(r"(?:(?<=[A-Za-z)]{2})|(?<=\d)|(?<=[a-z],))([.!?])(?=[A-Z][a-z])")  # also "UHC.Pemerintah",
# and after a figure or a year: "Rp18.354.655.900.Di Kabupaten", "pada 2020.Gubernur" (a decimal has a digit after it)
NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")
# ANTARA-style teaser glued onto the dateline: "...tahunnyaJambi (ANTARA) - Badan".
# After a lower-case letter, full stop, comma or digit (and maybe a space) any capitalised town; after a capital
# ("UHCPurwokerto", "JKN-KISJakarta") only a title-case one, so the split falls before the town. The town is
# consumed (re-inserted by the caller) so that no second split falls inside "Jember, Jatim"; words are bounded.
_DATELINE_TAIL = r"(?:,? [A-Z](?:[a-z]{1,30}|[A-Z]{1,30})){0,3} \((?:ANTARA|Antara)[^)]{0,30}\) ?-"
GLUED_DATELINE = re.compile(r"(?:(?<=[a-z.,\d])|(?<=[a-z.,\d] ))[A-Z](?:[a-z]{2,30}|[A-Z]{2,30})" + _DATELINE_TAIL
                            + r"|(?<=[A-Z])[A-Z][a-z]{2,30}" + _DATELINE_TAIL)
# General-news dumps join paragraphs with ".," - a paragraph break in the source.
COMMA_JOINED = re.compile(r"(?<=[.!?\"]),\s*(?=[A-Z\"])")
# ... and where the link text between them was dropped, by a run of commas: "...2019.,,,Mulai".
COMMA_RUN = re.compile(r"(?<!,)(?<!, )(?:,[ ]?){2,}+(?=[A-Z\"])")  # tried only where a run starts: linear
SPACES = re.compile(r"[ ]{2,}")
# A whole lower-case word glued to a capitalised word or an acronym: "meraihUniversal", "jawabBPJS".
# The left part must start a word, so "iPhone", "eKTP" (one letter) and "PeduliLindungi" (capitalised)
# stay; one attempt per word start, so linear.
GLUED_WORDS = re.compile(r"(?<![^\W\d_])([a-z]{2,})(?=[A-Z][A-Za-z])")
# Two capitalised words glued: "KamisIa mengatakan" (a sentence after a dateline weekday), "TantanganGhufron
# Mukti" (a subheading glued to the paragraph it heads). Most such words are brands ("WhatsApp"): split only
# after a weekday, before a sentence opener, or at a sentence start (a heading), never a kept brand.
GLUED_CAPS = re.compile(r"(?<![^\W\d_])([A-Z][a-z]{2,})(?=([A-Z][a-z]+)\b)")
FLATTENED_BREAK = re.compile(r"(?<=[a-z0-9])[ ]{2,}(?=([A-Z][a-z]+)\b)")
SENTENCE_START = re.compile(r"(?:\A|[.!?\n]\s?)\Z")
# ... and a capitalised word glued to the initial of the name after it: "Humas BPJS KesehatanM Budi Santoso".
GLUED_INITIAL = re.compile(r"(?<![^\W\d_])([A-Z][a-z]{3,})(?=[A-Z] [A-Z][a-z])")
# ... and a word glued to a parenthesised capitalised term: "Coverage(UHC)".
GLUED_PAREN = re.compile(r"(?<=[a-z]{2})\((?=[A-Z]{2,}[-)/ ])")  # an acronym; not "Sp.Rad(K)", "pow(I, 2)"


@dataclass(frozen=True)
class CleanRules:
    char_table: dict[int, str]
    runs: tuple[tuple[str, str], ...]   # "''" -> '"', after the table
    in_word: re.Pattern[str] | None   # marks kept between two letters: a name is written as the article writes it
    mojibake_markers: tuple[str, ...]
    mojibake_replace: tuple[tuple[str, str], ...]
    drop_lines: re.Pattern[str]   # each list compiled into one alternation: one regex call a line
    cut_from: re.Pattern[str]
    inline: re.Pattern[str]
    glue_keep: frozenset[str]
    glued_number: re.Pattern[str]       # "mencapai98": an introducer glued to its figure
    glued_unit: re.Pattern[str]         # "45.210warga": a unit word glued to its figure
    glue_break_after: frozenset[str]    # "Kamis": a weekday ends an attribution's venue
    glue_openers: frozenset[str]        # "Ia", "Sementara": words that open a sentence
    glue_keep_caps: frozenset[str]      # "WhatsApp": capitalised glue that is one word


@cache
def clean_rules() -> CleanRules:
    chars = require(load_yaml("characters.yml"), "characters.yml",
                    {"replace": dict, "replace_runs": dict, "keep_in_words": list, "mojibake_markers": list,
                     "mojibake_replace": dict})
    boiler = require(load_yaml("boilerplate.yml"), "boilerplate.yml",
                     {"drop_lines": list, "cut_from": list, "inline": list, "glue_keep": list,
                      "glue_before_numbers": list, "glue_after_numbers": list, "glue_break_after": list, "glue_openers": list, "glue_keep_caps": list})

    def patterns(key: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
        for p in boiler[key]:  # one by one first, so that an error names the bad pattern
            compile_pattern(p, f"boilerplate.yml:{key}", flags)
        return compile_pattern("|".join(f"(?:{p})" for p in boiler[key]), f"boilerplate.yml:{key}", flags)

    return CleanRules(
        char_table=str.maketrans(chars["replace"]),
        runs=tuple(chars["replace_runs"].items()),
        in_word=(re.compile(r"(?<=[^\W\d_])[" + re.escape("".join(chars["keep_in_words"])) + r"](?=[^\W\d_])")
                 if chars["keep_in_words"] else None),
        mojibake_markers=tuple(chars["mojibake_markers"]),
        mojibake_replace=tuple(chars["mojibake_replace"].items()),
        drop_lines=patterns("drop_lines"),
        cut_from=patterns("cut_from"),
        inline=patterns("inline", 0),
        glue_keep=frozenset(w.lower() for w in boiler["glue_keep"]),
        glued_number=compile_pattern(r"(?<![^\W\d_])(" + "|".join(map(re.escape, boiler["glue_before_numbers"]))
                                     + r")(?=\d)", "boilerplate.yml:glue_before_numbers"),
        glued_unit=compile_pattern(r"(?<=\d)(" + "|".join(map(re.escape, boiler["glue_after_numbers"]))
                                   + r")(?![^\W\d_])", "boilerplate.yml:glue_after_numbers"),
        glue_break_after=frozenset(boiler["glue_break_after"]),
        glue_openers=frozenset(boiler["glue_openers"]),
        glue_keep_caps=frozenset(w.lower() for w in boiler["glue_keep_caps"]),
    )


def redecode(run: str) -> str:
    """UTF-8 bytes that were read as cp1252 or Mac Roman, decoded again; else the run unchanged."""
    for codec in ("cp1252", "mac_roman"):
        try:
            return run.encode(codec).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
    return run


def repair_mojibake(line: str, rules: CleanRules) -> str:
    if not any(m in line for m in rules.mojibake_markers):
        return line
    line = NON_ASCII_RUN.sub(lambda m: redecode(m.group(0)), line)
    for bad, good in rules.mojibake_replace:
        line = line.replace(bad, good)
    return line


def space_quotes(line: str) -> str:
    """A quotation mark glued between a sentence end and a capital gets its space on the right side:
    an opening mark (even count before it) after the space, a closing one before it."""
    if '"' not in line:
        return line
    parts = line.split('"')
    for i in range(len(parts) - 1):
        after = parts[i + 1]
        if not parts[i] or parts[i][-1] not in ".!?," or not after[:1].isalpha():
            continue
        if i % 2 == 1:
            parts[i + 1] = " " + after
        elif after[0].isupper():
            parts[i] += " "
    return '"'.join(parts)


def normalise_chars(text: str, rules: CleanRules | None = None) -> str:
    rules = rules or clean_rules()
    text = unicodedata.normalize("NFC", text)
    if any(m in text for m in rules.mojibake_markers):
        text = "\n".join(repair_mojibake(line, rules) for line in text.split("\n"))
    if rules.in_word is None or not rules.in_word.search(text):
        text = text.translate(rules.char_table)
    else:
        kept = rules.in_word.findall(text)   # "Ma\u2019ruf": set aside, translate the rest, put back in order
        parts = [part.translate(rules.char_table) for part in rules.in_word.split(text)]
        text = "".join(p + k for p, k in zip(parts, kept + [""]))
    for run, mark in rules.runs:
        text = text.replace(run, mark)
    return text


def paragraph_key(line: str) -> str:
    return hashlib.blake2b(" ".join(line.casefold().split()).encode(), digest_size=12).hexdigest()


def split_glued_words(line: str, rules: CleanRules | None = None) -> str:
    """A space between a lower-case word and a capitalised word glued to it by a scraper."""
    rules = rules or clean_rules()
    keep = rules.glue_keep
    line = GLUED_WORDS.sub(lambda m: m.group(1) if m.group(1) in keep else m.group(1) + " ", line)
    line = GLUED_INITIAL.sub(r"\1 ", line)
    line = rules.glued_number.sub(r"\1 ", line)
    line = rules.glued_unit.sub(r" \1", line)
    return GLUED_PAREN.sub(" (", line)


def lost_breaks(text: str, rules: CleanRules) -> str:
    """A run of spaces before a sentence opener, after a word or a figure, is a paragraph break the scraper
    flattened ("275,36 juta  Sementara itu, ...")."""
    def brk(m: re.Match[str]) -> str:
        return "\n" if m.group(1) in rules.glue_openers else m.group(0)
    return FLATTENED_BREAK.sub(brk, text)


def split_glued_caps(line: str, rules: CleanRules | None = None) -> str:
    """A sentence break between two capitalised words glued by a scraper (see GLUED_CAPS)."""
    rules = rules or clean_rules()

    def split(m: re.Match[str]) -> str:
        left, right = m.group(1), m.group(2)
        if (left + right).lower() in rules.glue_keep_caps:
            return left
        if left in rules.glue_break_after or right in rules.glue_openers:
            return left + ". "
        if SENTENCE_START.search(line, max(0, m.start() - 2), m.start()):
            return left + "\n"
        return left

    return GLUED_CAPS.sub(split, line)


def _split_dateline(m: re.Match[str]) -> str:
    """A line break before a glued dateline, unless the word before is part of it ("Palangka Raya")."""
    before = m.string[max(0, m.start() - 40):m.start()]
    if before.endswith(" "):
        words = before.split()
        prev = words[-1] if words else ""
        if prev[:1].isupper() and prev[-1:] not in '.!?"':
            return m.group(0)
    return "\n" + m.group(0)


def clean_text(text: str) -> str:
    """Normalised article text: one paragraph a line, chrome and repeated paragraphs removed."""
    rules = clean_rules()
    text = normalise_chars(text, rules)
    if "(ANTARA" in text or "(Antara" in text:  # the dateline pattern is the costliest: try it where it can match
        text = GLUED_DATELINE.sub(_split_dateline, text)
    text = COMMA_JOINED.sub("\n", text)
    text = COMMA_RUN.sub("\n", text)
    text = SPACES.sub(" ", lost_breaks(rules.inline.sub(" ", text), rules))
    seen: set[str] = set()
    kept: list[str] = []
    for raw_line in text.split("\n"):
        line = raw_line.strip()
        if not line:
            continue
        if rules.cut_from.fullmatch(line):
            break
        if rules.drop_lines.fullmatch(line):
            continue
        key = paragraph_key(line)
        if key in seen:  # a paragraph repeated inside one article is kept once
            continue
        seen.add(key)
        kept.append(line)
    # Glue repairs never cross a line break, so they run once over the kept text.
    text = split_glued_caps(GLUED_SENTENCE.sub(r"\1 ", split_glued_words("\n".join(kept), rules)), rules)
    return "\n".join(space_quotes(line) for line in text.split("\n"))
