"""Speech cues (rules/speech_verbs.yml): the verbs and words that attribute a statement to a speaker."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Sequence

from .rules import load_yaml, require
from .tokens import Tok


@dataclass(frozen=True)
class Cues:
    after: frozenset[str]        # "kata", "ujar" ... (+ "-nya" forms)
    after_nya: frozenset[str]
    before: frozenset[str]
    narration: frozenset[str]    # "mengatakan": the `before` verbs a quote never holds
    before_phrases: tuple[tuple[str, ...], ...]   # "memberikan contoh": a multi-word `before` verb
    passive: frozenset[str]
    according: frozenset[str]
    according_phrases: tuple[tuple[str, ...], ...]   # "berdasarkan pemaparan": a multi-word `according`
    between: tuple[tuple[str, ...], ...]   # "juga", "saat ini": adverbs between a subject and its verb
    statement_nouns: frozenset[str]   # "pernyataan": a person's statement named by a noun
    statement_links: frozenset[str]   # "bahwa", "soal": what the statement said follows
    statement_relatives: frozenset[str]   # "yang": "... Budi yang menyebut ..." links the statement by a verb
    complementisers: frozenset[str]
    agents: frozenset[str]
    venue_openers: frozenset[str]           # "di", "saat": open a venue adjunct before the verb
    venue_days: frozenset[str]              # "Senin": the adjunct holds a weekday
    event_openers: frozenset[str]           # "saat": opens an adjunct even without a weekday
    place_openers: frozenset[str]           # "di", "kepada": open an adjunct of a name alone ("di Jakarta")
    continuation: tuple[tuple[str, ...], ...]  # "kemudian", "di mana": a sentence continuing reported speech
    role_relatives: tuple[tuple[str, ...], ...]  # "yang juga sebagai": a role clause between subject and verb
    introducers: tuple[tuple[str, ...], ...]  # "salah satunya": introduces a person with an age
    group_members: tuple[tuple[str, ...], ...]  # "termasuk": names the members of a group after a comma


@cache
def cues() -> Cues:
    keys = ("after", "before", "narration", "passive", "according", "according_phrases", "between", "statement_nouns", "statement_links", "statement_relatives",
            "complementisers", "agents", "before_phrases", "venue_openers", "venue_days", "continuation_openers",
            "event_openers", "place_openers", "role_relatives", "introducers", "group_members")
    data = require(load_yaml("speech_verbs.yml"), "speech_verbs.yml", {k: list for k in keys})
    f = {k: frozenset(str(w).casefold() for w in data[k]) for k in keys}

    def phrases(key: str) -> tuple[tuple[str, ...], ...]:
        return tuple(sorted({tuple(w.split()) for w in f[key]}, key=len, reverse=True))

    return Cues(after=f["after"], after_nya=frozenset(w + "nya" for w in f["after"] | f["according"]),
                before=f["before"], narration=f["narration"], before_phrases=phrases("before_phrases"),
                passive=f["passive"], according=f["according"], according_phrases=phrases("according_phrases"),
                between=phrases("between"),
                statement_nouns=f["statement_nouns"], statement_links=f["statement_links"],
                statement_relatives=f["statement_relatives"], complementisers=f["complementisers"], agents=f["agents"],
                venue_openers=f["venue_openers"], venue_days=f["venue_days"], event_openers=f["event_openers"],
                place_openers=f["place_openers"],
                continuation=phrases("continuation_openers"), role_relatives=phrases("role_relatives"),
                introducers=phrases("introducers"), group_members=phrases("group_members"))


@cache
def inner_cue_pattern() -> re.Pattern[str]:
    """', kata' / ', ujarnya' inside a quote left open: where the quote really ends."""
    return re.compile(r",[ ]+(?:" + after_verbs() + r")\b", re.IGNORECASE)


@cache
def loose_cue_pattern() -> re.Pattern[str]:
    """' kata Budi' / ' ujarnya' without the comma, where a quote was left open before the next one."""
    return re.compile(r"(?:,[ ]*|[ ]+)(?:" + after_verbs() + r")\b(?=[ ]+[A-Z]|[ ]*[,.])", re.IGNORECASE)


@cache
def narration_pattern() -> re.Pattern[str]:
    """'Budi mengatakan' / 'Direktur X menjelaskan': a verb of reported speech, which a quote never holds."""
    return re.compile(r"(?<!\w)(?:" + "|".join(sorted(map(re.escape, cues().narration), key=len, reverse=True))
                      + r")(?!\w)", re.IGNORECASE)


def after_verbs() -> str:
    """The verbs that follow a quote, and their "-nya" forms, as one alternation (longest first)."""
    c = cues()
    return "|".join(sorted(c.after | c.after_nya, key=len, reverse=True))


def phrase_at(toks: Sequence[Tok], k: int, table: tuple[tuple[str, ...], ...]) -> int:
    """Length of the (longest) phrase of `table` that starts at token k, else 0."""
    return next((len(w) for w in table if tuple(t.low for t in toks[k:k + len(w)]) == w), 0)


def phrase_ending_at(toks: Sequence[Tok], j: int, table: tuple[tuple[str, ...], ...]) -> int:
    """Length of the (longest) phrase of `table` that ends at token j, else 0."""
    return next((len(w) for w in table if len(w) <= j + 1 and tuple(t.low for t in toks[j + 1 - len(w):j + 1]) == w), 0)
