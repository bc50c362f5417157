"""One article, cleaned, to its records and attributed statements: the per-article work that the
pipeline hands to its workers and that the public API (`extract`) runs on a single text."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .clean import clean_text
from .dates import find_published, normalise_published
from .ingest import Article
from .metrics import in_scope, worth_parsing
from .records import Record, records_from_figures
from .speakers import find_quotes, split_sentences


@dataclass(frozen=True)
class ArticleResult:
    records: list[Record]
    quotes: list[dict[str, Any]]
    main_region: str | None



def analyse(text: str, article_id: str, published: str | None, quotes_only: bool = False) -> ArticleResult:
    """Parse one cleaned article into records and attributed statements. Articles that never speak of
    health insurance, nor of its neighbours, are not parsed at all (`worth_parsing`). The neighbours
    (BPJS Ketenagakerjaan, social security) give their statements only, found without spaCy: records
    never come from them, and their speakers need no more than the fallback sentence splitter."""
    if quotes_only or not in_scope(text):
        if not worth_parsing(text):
            return ArticleResult([], [], None)
        quotes = [{"article_id": article_id, **vars(q)} for q in find_quotes(text, split_sentences(text))]
        return ArticleResult([], quotes, None)
    from .parse import make_doc, make_nlp  # spaCy is loaded only once an article needs parsing

    nlp = make_nlp()
    doc = nlp(make_doc(nlp, text, article_id, published))
    figures = doc._.matches["figures"]
    quotes = [{"article_id": article_id, **vars(q)} for q in doc._.matches["quotes"]]
    main = doc._.main_region
    return ArticleResult(records_from_figures(figures, article_id, published), quotes, main.code if main else None)


def extract(text: str, article_id: str = "x", published: str | None = None) -> list[Record]:
    """Records of one raw article text (the public API; the CLI runs the same code)."""
    cleaned = clean_text(text)
    date = normalise_published(published) or find_published(cleaned)
    return analyse(cleaned, article_id, date).records


def published_of(article: Article, cleaned: str) -> str | None:
    return normalise_published(article.published_raw) or find_published(cleaned)
