"""Speech cues (rules/speech_verbs.yml): the verbs and words that attribute a statement to a speaker."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .rules import load_yaml, require


@dataclass(frozen=True)
class Cues:
    after: frozenset[str]        # "kata", "ujar" ... (+ "-nya" forms)
    after_nya: frozenset[str]
    before: frozenset[str]
    passive: frozenset[str]
    according: frozenset[str]
    between: frozenset[str]
    complementisers: frozenset[str]
    agents: frozenset[str]


@cache
def cues() -> Cues:
    keys = ("after", "before", "passive", "according", "between", "complementisers", "agents")
    data = require(load_yaml("speech_verbs.yml"), "speech_verbs.yml", {k: list for k in keys})
    f = {k: frozenset(str(w).casefold() for w in data[k]) for k in keys}
    return Cues(after=f["after"], after_nya=frozenset(w + "nya" for w in f["after"] | f["according"]),
                before=f["before"], passive=f["passive"], according=f["according"], between=f["between"],
                complementisers=f["complementisers"], agents=f["agents"])


@cache
def inner_cue_pattern() -> re.Pattern[str]:
    """', kata' / ', ujarnya' inside a quote left open: where the quote really ends."""
    c = cues()
    after = "|".join(sorted(c.after | c.after_nya, key=len, reverse=True))
    return re.compile(r",[ ]+(?:" + after + r")\b", re.IGNORECASE)
