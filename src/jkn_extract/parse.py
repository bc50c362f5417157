"""Parse stage: `spacy.blank("id")` plus our registered components.

Each component wraps one stage module (numbers, dates, regions, speakers, metrics): the module
works on plain text and returns small typed matches; the component turns them into
`doc.spans[...]` with the match on `span._.match`. Only this file knows spaCy.
"""
from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span, SpanGroup
from spacy.symbols import ORTH

from . import dates, metrics, numbers, regions, speakers
from .rules import load_yaml, require

TERMINAL = {".", "!", "?", "...", "…"}
QUOTES = {'"', "'"}

for _name in ("article_id", "published", "main_region"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)
if not Span.has_extension("match"):
    Span.set_extension("match", default=None)


def add_spans(doc: Doc, key: str, matches: list) -> None:
    """Store char-offset matches as spans under `key` (token-aligned by expansion)."""
    group = []
    for match in matches:
        span = doc.char_span(match.start, match.end, alignment_mode="expand")
        if span is not None:
            span._.match = match
            group.append(span)
    doc.spans[key] = SpanGroup(doc, name=key, spans=group)


def is_closing_quote(token) -> bool:
    return token.text in QUOTES and token.i > 0 and not token.doc[token.i - 1].whitespace_


@Language.component("jkn_sentences")
def jkn_sentences(doc: Doc) -> Doc:
    """Sentences end at line breaks and at . ! ? before a capital or a quote (not after abbreviations,
    which the tokenizer keeps whole with their dot)."""
    for i, token in enumerate(doc):
        if i == 0:
            token.is_sent_start = True
            continue
        prev = doc[i - 1]
        start = False
        if "\n" in prev.text or "\n" in prev.whitespace_:
            start = not token.is_space
        elif prev.text in TERMINAL and not is_closing_quote(token):
            first = token.text[0]
            start = first.isupper() or first.isdigit() or first in '"\'('
        elif is_closing_quote(prev) and i > 1 and doc[i - 2].text in TERMINAL:
            start = token.text[0].isupper() or token.text[0] == '"'
        token.is_sent_start = start
    return doc


@Language.component("jkn_quantities")
def jkn_quantities(doc: Doc) -> Doc:
    add_spans(doc, "quantities", numbers.find_quantities(doc.text))
    return doc


@Language.component("jkn_dates")
def jkn_dates(doc: Doc) -> Doc:
    add_spans(doc, "dates", dates.find_dates(doc.text, reference=doc._.published))
    return doc


@Language.component("jkn_regions")
def jkn_regions(doc: Doc) -> Doc:
    add_spans(doc, "regions", regions.find_regions(doc.text))
    doc._.main_region = regions.main_region(doc.text)
    return doc


@Language.component("jkn_speakers")
def jkn_speakers(doc: Doc) -> Doc:
    sentences = [(s.start_char, s.end_char) for s in doc.sents]
    add_spans(doc, "quotes", speakers.find_quotes(doc.text, sentences))
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
