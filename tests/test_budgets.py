"""Money for JKN contributions (`budget`) in the shapes news writes it: sums continuing a series, sums
named by their source or by whom they pay for. All sentences are invented."""
from __future__ import annotations

from jkn_extract import extract


def budgets(text: str) -> list[tuple[float, str | None]]:
    return [(r.value, r.as_of) for r in extract(text, "t") if r.metric == "budget"]


def test_a_sum_for_another_year_reads_the_first_sums_frame_but_not_its_date():
    text = "Pembiayaan PBI oleh pemerintah untuk JKN sebesar Rp 3,5 triliun pada 2020 dan tahun ini sekitar Rp 3,8 triliun."
    assert budgets(text) == [(3.5e12, "2020"), (3.8e12, None)]
    # each sum dated in its own words
    text = "Anggaran iuran PBI JKN sebesar Rp 3,5 triliun pada 2020 dan Rp 3,8 triliun pada 2021."
    assert budgets(text) == [(3.5e12, "2020"), (3.8e12, "2021")]


def test_a_budget_word_heading_contributions_is_a_budget():
    assert budgets("Pemkab itu menyiapkan anggaran iuran PBI JKN sebesar Rp 12 miliar.") == [(12e9, None)]
    # the state's spending on PBI so far
    assert budgets("Realisasi PBI bagi peserta JKN hingga akhir Juni 2021 sebesar Rp 20,5 triliun.") == [(20.5e12, "2021-06")]


def test_money_from_a_regional_budget_is_a_budget():
    text = "Pemerintah daerah mengucurkan sekitar Rp 15 miliar dari APBD untuk membiayai peserta JKN di daerahnya."
    assert budgets(text) == [(15e9, None)]


def test_money_named_by_whom_it_pays_for_is_a_budget_where_the_sentence_pays():
    assert budgets("Subsidi itu diberikan untuk penerima bantuan iuran JKN senilai Rp 7,5 triliun.") == [(7.5e12, None)]
    # contributions received, and money the recipients own, are no budget
    assert budgets("Kemudian, iuran peserta mandiri Rp 4 triliun hingga bantuan iuran JKN sebesar Rp 1,5 triliun.") == []
    assert budgets("Petugas menemukan penerima PBI JKN dengan tabungan Rp 80 juta, kata dia.") == []


def test_money_that_adds_to_the_insurers_capital_is_no_budget():
    assert budgets("Pemerintah memberikan PMN dengan alokasi anggaran Rp 4 triliun untuk BPJS Kesehatan.") == []


def test_poor_people_written_as_orang_are_pbi_recipients():
    text = "Negara menjamin layanan JKN untuk 50 juta orang yang miskin dan tidak mampu di seluruh provinsi."
    assert [(r.metric, r.value) for r in extract(text, "t")] == [("pbi_participants", 50e6)]


def test_arrears_written_as_jumlah_tunggakan_iuran_are_arrears():
    text = "Per akhir tahun, jumlah tunggakan iuran warga peserta JKN di kabupaten tersebut sekitar Rp 25 miliar."
    assert [(r.metric, r.value) for r in extract(text, "t")] == [("contribution_arrears", 25e9)]
