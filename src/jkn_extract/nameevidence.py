"""Article-level evidence for reading names: the place names and organisation words an article itself
confirms ("di Sungailiat,", "pihak Kominfo"), gathered once per article before mentions are parsed."""
from __future__ import annotations

from typing import Sequence

from .lexicon import lexicon
from .tokens import Tok, match, tokenize


def place_evidence(text: str, toks: Sequence[Tok] | None = None,
                   known: frozenset[tuple[str, ...]] = frozenset(),
                   speech_verbs: frozenset[str] = frozenset()) -> frozenset[tuple[str, ...]]:
    """Short capitalised runs after a place word ("Kabupaten Bangka Tengah," "di Sungailiat,", "warga Badui")
    that end at punctuation or a lower-case word: the article's own list of place names. A run that
    only begins with a gazetteer name ("Kota Palembang Syawaludin mengatakan") gives that name; one that a
    speech verb follows after "di", "ke", "dari" is a person ("proyeksi dari Budi memperkirakan")."""
    lex = lexicon()
    toks = tokenize(text) if toks is None else toks
    found: set[tuple[str, ...]] = set()
    for i, t in enumerate(toks):
        if t.low not in lex.place_cues or (i and toks[i - 1].low == "wali"):
            continue        # "Wali Kota Bobby": a person's title, not a place word
        j = cap_run_end(toks, i + 1)
        weak = t.low in ("di", "ke", "dari")
        run = tuple(x.low for x in toks[i + 1:j])
        ends_run = j < len(toks) and not toks[j].cap and j - i - 1 in (1, 2) and not aged(toks, j) \
            and not (weak and toks[j].low in speech_verbs and run not in known)
        # a line break ends a run: "... di luar kota" closing a subheading is no place word of "Budi" below it
        if ends_run and not (weak and text[t.start - 1:t.start] == "\n") and "\n" not in text[t.end:toks[j - 1].end]:
            if len(run) > 1 and run not in known and run[:1] in known:
                run = run[:1]
            found.add(run)
    return frozenset(found)


def cap_run_end(toks: Sequence[Tok], i: int, most: int = 3) -> int:
    """End of the run of up to `most` capitalised words from i that are no title or organisation words."""
    lex = lexicon()
    j = i
    while j < len(toks) and j - i < most and toks[j].cap and toks[j].alpha and toks[j].low not in lex.role_words:
        j += 1
    return j


def aged(toks: Sequence[Tok], j: int) -> bool:
    """An age in brackets at j ("dari Rachel (28),"): the run before it is a person, not a place."""
    return j + 2 < len(toks) and toks[j].text == "(" and toks[j + 1].text.isdigit() and toks[j + 2].text == ")"


def org_run(toks: Sequence[Tok], i: int) -> list[str]:
    """The words of a short capitalised run from i (two or three) that ends at punctuation or a word
    that ends organisation names: after an organisation head it is the organisation's whole name."""
    lex = lexicon()
    j = cap_run_end(toks, i)
    ends_run = j < len(toks) and (toks[j].low in lex.org_run_enders or not toks[j].alpha and toks[j].text != "(")
    return [t.low for t in toks[i:j]] if ends_run and j - i > 1 else []


def org_evidence(toks: Sequence[Tok]) -> frozenset[str]:
    """Capitalised words the article uses as organisations: after "pihak", "lembaga" ..., or bracketed
    after a name that holds an organisation word ("Institute for ... Finance (Indef)")."""
    lex = lexicon()
    found: set[str] = set()
    for i, t in enumerate(toks):
        if not (t.cap and t.alpha) or t.low in lex.role_words:
            continue
        if i and (toks[i - 1].low in lex.org_cues or toks[i - 1].low in lex.org_heads):
            found.add(t.low)                # "pihak Kominfo", "PT Pertamina"
            found.update(org_run(toks, i))  # "PT Sinar Husada terhadap ...": the whole short run is the company
        elif 1 < i < len(toks) - 1 and toks[i - 1].text == "(" and toks[i + 1].text == ")":
            k = i - 2
            while k > 0 and i - k <= 10 and (toks[k - 1].cap or toks[k - 1].low in lex.connectors
                                             or toks[k - 1].low in ("of", "for")):
                k -= 1
            run = range(k, i - 1)           # "Presiden RI Joko Widodo (Jokowi)" has a title: a nickname
            if not any(match(toks, x, lex.titles) for x in run) and any(match(toks, x, lex.org_words) for x in run):
                found.add(t.low)
    return frozenset(found)
