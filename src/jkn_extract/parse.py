"""Parse stage: `spacy.blank("id")` plus our registered components.

Each component wraps one stage module (numbers, dates, regions, speakers, metrics): the module
works on plain text and returns small typed matches; the component turns them into
`doc.spans[key]` (labelled, for spaCy users) and, in the same order, the typed matches in
`doc._.matches[key]`. (Not on `span._`: spaCy keys span extensions by character offsets, so a
date and a quantity over the same characters would overwrite each other.) Only this file knows spaCy.
"""
from __future__ import annotations

import re
from functools import cache

import numpy
import spacy
from spacy.language import Language
from spacy.tokens import Doc, SpanGroup
from spacy.attrs import IDX, SENT_START
from spacy.symbols import ORTH

from . import dates, metrics, numbers, regions, speakers
from .rules import load_yaml, require

TERMINAL = {".", "!", "?", "...", "…"}
QUOTES = {'"', "'"}

for _name in ("article_id", "published", "main_region", "sentences", "text"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)
if not Doc.has_extension("matches"):
    Doc.set_extension("matches", getter=lambda doc: doc.user_data.setdefault("jkn_matches", {}))


LABELS = {"quantities": "unit", "dates": "value", "regions": "region", "quotes": "speaker_name", "figures": "metric"}


def add_spans(doc: Doc, key: str, found: list) -> None:
    """Store char-offset matches as spans under `key` (token-aligned by expansion), and the matches
    themselves, in the same order, under `doc._.matches[key]`."""
    spans, kept = [], []
    for match in found:
        label = getattr(match, LABELS[key], None)
        label = getattr(label, "code", label)
        span = doc.char_span(match.start, match.end, label=str(label or ""), alignment_mode="expand")
        if span is not None:
            spans.append(span)
            kept.append(match)
    doc.spans[key] = SpanGroup(doc, name=key, spans=spans)
    doc._.matches[key] = kept


def matches(doc: Doc, key: str) -> list:
    return doc._.matches.get(key, [])


TERMINAL_CHAR = re.compile(r"[.!?…]")
LINE_BREAK = re.compile(r"\n\s*")


def sentence_start_indices(doc: Doc) -> list[int]:
    """Token indices that start a sentence: after line breaks, and after a standalone . ! ? (the
    tokenizer keeps abbreviations and initials whole with their dot) before a capital, digit or
    opening quote; a closing quote right after the stop stays with its sentence. Only the few
    candidate positions are visited: a loop over every token costs more than the tokenizer."""
    if not len(doc):
        return []
    text = doc._.text
    idx = doc.to_array(IDX)
    n = len(doc)

    def token_at(char: int) -> int | None:
        j = int(numpy.searchsorted(idx, char, side="right")) - 1
        return j if 0 <= j < n and idx[j] == char else None

    def opens(tok) -> bool:
        first = tok.text[0]
        return not tok.is_space and (first.isupper() or first.isdigit() or first in "\"'(")

    starts = {0}
    for m in LINE_BREAK.finditer(text):
        j = token_at(m.end())
        if j is not None:
            starts.add(j)
    for m in TERMINAL_CHAR.finditer(text):
        j = token_at(m.start())
        if j is None or j + 1 >= n or doc[j].text not in TERMINAL:
            continue
        nxt = doc[j + 1]
        if nxt.text in QUOTES and not doc[j].whitespace_:  # closing quote: break after it
            if j + 2 < n and opens(doc[j + 2]):
                starts.add(j + 2)
        elif opens(nxt):
            starts.add(j + 1)
    return sorted(starts)


@Language.component("jkn_sentences")
def jkn_sentences(doc: Doc) -> Doc:
    doc._.text = doc.text  # Doc.text joins every token anew on each access: read it once
    starts = sentence_start_indices(doc)
    if not starts:
        doc._.sentences = []
        return doc
    # SENT_START is stored unsigned: -1 ("not a start") is the all-ones value.
    flags = numpy.full((len(doc), 1), numpy.iinfo(numpy.uint64).max, dtype=numpy.uint64)
    flags[starts, 0] = 1
    doc.from_array([SENT_START], flags)
    bounds = [doc[i].idx for i in starts] + [len(doc._.text)]
    doc._.sentences = list(zip(bounds[:-1], bounds[1:]))
    return doc


@Language.component("jkn_quantities")
def jkn_quantities(doc: Doc) -> Doc:
    add_spans(doc, "quantities", numbers.find_quantities(doc._.text))
    return doc


@Language.component("jkn_dates")
def jkn_dates(doc: Doc) -> Doc:
    add_spans(doc, "dates", dates.find_dates(doc._.text, reference=doc._.published))
    return doc


@Language.component("jkn_regions")
def jkn_regions(doc: Doc) -> Doc:
    found = regions.find_regions(doc._.text)
    doc._.main_region = regions.main_region(doc._.text, found)
    add_spans(doc, "regions", regions.dateline_as_venue(doc._.text, found))
    return doc


@Language.component("jkn_speakers")
def jkn_speakers(doc: Doc) -> Doc:
    add_spans(doc, "quotes", speakers.find_quotes(doc._.text, doc._.sentences))
    return doc


@Language.component("jkn_figures")
def jkn_figures(doc: Doc) -> Doc:
    add_spans(doc, "figures", metrics.find_figures(doc))
    return doc


PIPELINE = ("jkn_sentences", "jkn_quantities", "jkn_dates", "jkn_regions", "jkn_speakers", "jkn_figures")


def add_special_cases(nlp: Language) -> None:
    data = require(load_yaml("tokenizer.yml"), "tokenizer.yml", {"abbreviations": list})
    for abbr in data["abbreviations"]:
        nlp.tokenizer.add_special_case(abbr, [{ORTH: abbr}])


@cache
def make_nlp() -> Language:
    nlp = spacy.blank("id")
    add_special_cases(nlp)
    for name in PIPELINE:
        nlp.add_pipe(name)
    return nlp


def make_doc(nlp: Language, text: str, article_id: str, published: str | None) -> Doc:
    doc = nlp.make_doc(text)
    doc._.article_id = article_id
    doc._.published = published
    return doc
