"""The spaCy pipeline: spacy.blank("id") with our tokenizer special cases and components."""
from __future__ import annotations

import pytest

from jkn_extract.parse import PIPELINE, make_doc, make_nlp


@pytest.fixture(scope="module")
def nlp():
    return make_nlp()


def sentences(nlp, text: str) -> list[str]:
    doc = nlp(make_doc(nlp, text, "t", None))
    return [doc.text[a:b].strip() for a, b in doc._.sentences]


def test_blank_indonesian_with_our_components(nlp):
    assert nlp.lang == "id"
    assert tuple(nlp.pipe_names) == PIPELINE


def test_abbreviations_stay_one_token(nlp):
    words = [t.text for t in nlp.make_doc("Dana Rp. 5 juta dari MC. Kota Contoh, kata M. Ali")]
    assert "Rp." in words and "MC." in words and "M." in words


def test_sentences_split_at_line_breaks_and_stops_not_at_initials(nlp):
    text = ("Kepala Dinas M. Ali Akbar hadir. Cakupan naik\nBaris baru tanpa titik\n"
            '"Kami siap," kata dr. Budi. "Target tercapai." Rapat ditutup.')
    assert sentences(nlp, text) == [
        "Kepala Dinas M. Ali Akbar hadir.", "Cakupan naik", "Baris baru tanpa titik",
        '"Kami siap," kata dr. Budi.', '"Target tercapai."', "Rapat ditutup.",
    ]
    assert sentences(nlp, "") == []


def test_components_fill_span_groups_and_typed_matches(nlp):
    text = ("Kota Contoh - Cakupan kepesertaan JKN di Kota Bekasi per Maret 2023 mencapai 96,5 persen, "
            "kata Wali Kota Bekasi Budi Santoso.")
    doc = nlp(make_doc(nlp, text, "t", None))
    for key in ("quantities", "dates", "regions", "quotes", "figures"):
        assert len(doc.spans[key]) == len(doc._.matches[key])
    assert [s.text for s in doc.spans["quantities"]] == ["96,5 persen"]
    assert doc.spans["quantities"][0].label_ == "percent"
    assert [m.value for m in doc._.matches["dates"]] == ["2023-03"]
    assert doc._.matches["figures"][0].metric == "jkn_coverage_pct"
    assert doc.spans["figures"][0].label_ == "jkn_coverage_pct"


def test_same_characters_in_two_span_groups_do_not_collide(nlp):
    # "2024" can be read by two stages; each group keeps its own typed match.
    doc = nlp(make_doc(nlp, "Target UHC 98 persen pada 2024 untuk peserta JKN.", "t", None))
    assert all(type(m).__name__ == "QuantityMatch" for m in doc._.matches["quantities"])
    assert all(type(m).__name__ == "DateMatch" for m in doc._.matches["dates"])
