"""Tests for numbers.py: figures found and normalised, labels (years, dates, codes ...) skipped.
All phrases are invented in the style of Indonesian health-insurance news."""
from __future__ import annotations

import time
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jkn_extract.numbers import Quantity, QuantityMatch, core_value, find_quantities, parse_number

# --- parse_number, per category ------------------------------------------------------------------

DIGITS = [
    ("74,92 persen", 74.92, "percent"),
    ("202.131 jiwa", 202131, "persons"),
    ("2.032.767 jiwa", 2032767, "persons"),
    ("1.234.567.890", 1234567890, None),
    ("418.390", 418390, None),
    ("12.5", 12.5, None),  # an English point that cannot be a thousands group
    ("0.125", 0.125, None),
    ("1.5 juta", 1.5e6, None),
    ("1,234.5", 1234.5, None),  # English thousands comma with a decimal point
    ("1.234,5", 1234.5, None),
    ("7, 9 juta", 7.9e6, None),  # stray space inside the figure
    ("64, 5 persen", 64.5, "percent"),
    ("0,5 persen", 0.5, "percent"),
]
PERCENT = [
    ("76,22%", 76.22, "percent"),
    ("98 %", 98, "percent"),
    ("45 per seratus", 45, "percent"),
    ("sebanyak 12persen", 12, "percent"),
]
SCALES = [
    ("sebanyak 35 ribu jiwa", 35000, "persons"),
    ("3,29 juta peserta", 3290000, "persons"),
    ("1,5 juta jiwa", 1500000, "persons"),
    ("4,1 jt warga", 4100000, "persons"),
    ("25rb orang", 25000, "persons"),
    ("2,7 miliar", 2.7e9, None),
    ("3 milyar", 3e9, None),
    ("8 triliun", 8e12, None),
    ("24,3 triiun", 24.3e12, None),   # misspelt scales of real dumps
    ("3 tirliun", 3e12, None),
    ("5 milar", 5e9, None),
    ("900 ribuan", 900000, None),
]
CURRENCY = [
    ("Rp1,2 triliun", 1.2e12, "rupiah"),
    ("Rp 1,2 triliun", 1.2e12, "rupiah"),
    ("Rp. 42.000,-", 42000, "rupiah"),
    ("Rp 19 M", 19e9, "rupiah"),
    ("Rp45 T", 45e12, "rupiah"),
    ("Rp50K", 50000, "rupiah"),
    ("IDR 7,5 juta", 7.5e6, "rupiah"),
    ("12 miliar rupiah", 12e9, "rupiah"),
    ("Rp 2.500.000,50", 2500000.5, "rupiah"),
]
UNITS = [
    ("28 fasilitas", 28, "facilities"),
    ("14 puskesmas", 14, "facilities"),
    ("6 rumah sakit", 6, "facilities"),
    ("3 RS", 3, "facilities"),
    ("120 FKTP", 120, "facilities"),
    ("9 FKRTL", 9, "facilities"),
    ("7 klinik", 7, "facilities"),
    ("9 kabupaten kota", 9, "regions"),
    ("11 kabupaten/kota", 11, "regions"),
    ("4 kabupaten", 4, "regions"),
    ("2 kota", 2, "regions"),
    ("34 provinsi", 34, "regions"),
    ("15 daerah", 15, "regions"),
    ("500 orang", 500, "persons"),
    ("2.100 warga", 2100, "persons"),
    ("87 penduduk", 87, "persons"),
    ("40 anggota", 40, "persons"),
    ("1.350", 1350, None),
]
WORDS = [
    ("sembilan puluh delapan persen", 98, "percent"),
    ("dua juta", 2e6, None),
    ("dua ratus lima puluh ribu", 250000, None),
    ("seratus", 100, None),
    ("seribu", 1000, None),
    ("sejuta", 1e6, None),
    ("sepuluh", 10, None),
    ("sebelas", 11, None),
    ("tujuh belas", 17, None),
    ("setengah juta", 5e5, None),
    ("satu setengah juta jiwa", 1.5e6, "persons"),
    ("seratus dua puluh tiga", 123, None),
    ("satu juta dua ratus ribu", 1.2e6, None),
    ("tiga rumah sakit", 3, "facilities"),
    ("ribuan warga", 1000, "persons"),
    ("puluhan ribu peserta", 10000, "persons"),
]
APPROX = [
    ("sekitar 5 persen", 5, "percent"),
    ("lebih dari 200 ribu peserta", 200000, "persons"),
    ("hampir 95 persen", 95, "percent"),
    ("35 ribu lebih jiwa", 35000, "persons"),
]


@pytest.mark.parametrize("text,value,unit", DIGITS + PERCENT + SCALES + CURRENCY + UNITS + WORDS + APPROX)
def test_parse_number(text: str, value: float, unit: str | None) -> None:
    assert parse_number(text) == Quantity(pytest.approx(value, rel=1e-12), unit)


NOT_NUMBERS = [
    "tahun 2024", "2024", "2022/2023", "21/12/2021", "(27/9/21)", "1 April 2025", "17 Agustus",
    "13:40 WIB", "13.40 WIB", "pukul 10.30", "ke-10", "ke 10", "COVID-19", "H-1", "PP 82", "UU No. 40",
    "UU Nomor 40", "0812-3456-7890", "(021) 5551234", "Call Center 165", "Pasal 5", "ayat (2)",
    "Perpres 82/2018", "Nomor 1 Tahun 2022", "Inpres Nomor 1/2022", "triwulan 3", "semester 2", "kelas 3",
    "Juni 2022", "4G", "wilayah 3T", "3.2.1", "salah satu", "", "tanpa angka", "1990-an",
    "Dibaca 4.321 kali", "Dilihat: 77 kali",
]


def test_villages_and_districts_are_not_regions() -> None:
    # only the gazetteer's levels count as a `regions` unit; villages are a count without a unit
    assert parse_number("63 desa") == Quantity(63.0, None)
    assert parse_number("12 kecamatan") == Quantity(12.0, None)
    assert parse_number("9 kabupaten/kota") == Quantity(9.0, "regions")


@pytest.mark.parametrize("text", NOT_NUMBERS)
def test_parse_number_none(text: str) -> None:
    assert parse_number(text) is None


@pytest.mark.parametrize("text,approximate", [
    ("sekitar 5 persen", True), ("lebih dari 200 ribu peserta", True), ("hampir 95 persen", True),
    ("ribuan warga", True), ("900 ribuan", True), ("2.800an rumah sakit", True), ("35 ribu lebih.", True),
    ("5 persen", False), ("35 ribu lebih tinggi", False), ("mencapai 40 persen", False),
])
def test_approximate(text: str, approximate: bool) -> None:
    (q,) = find_quantities(text)
    assert q.approximate is approximate


# --- find_quantities: offsets and texts ----------------------------------------------------------

FIND = [
    ("Cakupan kepesertaan mencapai 74,92 persen dari 202.131 jiwa penduduk.",
     ["74,92 persen", "202.131 jiwa"]),
    ("Hingga 31 Desember 2023 tercatat 1,5 juta jiwa terdaftar.", ["1,5 juta jiwa"]),
    ("Pemda menganggarkan Rp 12,3 miliar pada APBD 2024 untuk 35 ribu peserta PBI.",
     ["Rp 12,3 miliar", "35 ribu peserta"]),
    ("Sebanyak 9 kabupaten kota dan 28 fasilitas kesehatan, (27/9/21).", ["9 kabupaten kota", "28 fasilitas"]),
    ("Capaian UHC 76,22% per 1 April 2025 pukul 13:40 WIB.", ["76,22%"]),
    ("Salah satu dari dua rumah sakit itu melayani sembilan puluh persen warga.",
     ["dua rumah sakit", "sembilan puluh persen"]),
    ("Pasien COVID-19 di hari H-1 lebaran ke-10 menurut PP 82 dan UU No. 40.", []),
    ("Sesuai Perpres Nomor 82 Tahun 2018 dan Perpres 64/2020 pasal 34 ayat (1), kelas 1, 2, dan 3.", []),
    ("Hubungi 0812-3456-7890 atau (021) 5551234 atau Care Center 165.", []),
    ("Pada 2023 kota itu naik ke 80 persen, dari ke-2 menjadi peringkat 5.", ["80 persen"]),
    ("Data semester 2 dan triwulan 3 tahun 2022/2023 menunjukkan 3.421 orang.", ["3.421 orang"]),
    ("Target tahun 2024 adalah 98 persen.\nRedaktur: Fulan Bin Fulan - 207\n", ["98 persen"]),
    ("Tunggakan iuran Rp45 T dan Rp 19 M, serta 7, 9 juta jiwa.", ["Rp45 T", "Rp 19 M", "7, 9 juta jiwa"]),
    ("Biaya Jantung: Rp 9,8 triliunKanker: Rp 3,1 triliun", ["Rp 9,8 triliun", "Rp 3,1 triliun"]),  # glued lines
    ("Salah satu provinsi dengan lima provinsi lain, kelas 1, 2, dan 3.", ["lima provinsi"]),
    ("Antrean sekitar 900-an orang, 1990-an, 4G, wilayah 3T, versi 2.1.3.", ["900-an orang"]),
]


@pytest.mark.parametrize("text,expected", FIND)
def test_find_quantities_texts(text: str, expected: list[str]) -> None:
    found = find_quantities(text)
    assert [q.text for q in found] == expected
    for q in found:
        assert text[q.start:q.end] == q.text


def test_find_quantities_match_fields() -> None:
    text = "Jumlah peserta 3,29 juta peserta atau sekitar 90,5 persen."
    a, b = find_quantities(text)
    assert a == QuantityMatch(15, 32, "3,29 juta peserta", 3290000.0, "persons", False)
    assert (b.text, b.value, b.unit, b.approximate) == ("90,5 persen", 90.5, "percent", True)
    assert text[b.start:b.end] == "90,5 persen"


def test_year_with_unit_is_a_figure_but_month_year_is_not() -> None:
    assert [q.text for q in find_quantities("tercatat 2023 peserta baru")] == ["2023 peserta"]
    assert find_quantities("per Juni 2022 peserta baru") == []


def test_byline_count_only_in_byline_lines() -> None:
    assert find_quantities("Editor: Ahmad - 95") == []
    assert [q.text for q in find_quantities("Selisihnya 12 - 95")] == ["12", "95"]


# --- core value grammar --------------------------------------------------------------------------

@pytest.mark.parametrize("core,value", [
    ("202.131", Decimal("202131")), ("74,92", Decimal("74.92")), ("12.5", Decimal("12.5")),
    ("1.234.567,89", Decimal("1234567.89")), ("1,234,567", Decimal("1234567")),
    ("3.2.1", None), ("1,2,3", None), ("1.23.456", None), ("1.234,5.6", None),
])
def test_core_value(core: str, value: Decimal | None) -> None:
    assert core_value(core) == value


# --- property: any number written the Indonesian way parses back exactly --------------------------

SCALE_WORDS = {"": 1, " ribu": 1000, " juta": 10**6, " miliar": 10**9, " triliun": 10**12}


def indonesian(integer: int, decimals: str) -> str:
    digits = str(integer)
    groups = []
    while digits:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    return ".".join(groups) + ("," + decimals if decimals else "")


@settings(max_examples=400, deadline=None)
@given(st.integers(min_value=0, max_value=10**13),
       st.text(alphabet="0123456789", max_size=4),
       st.sampled_from(sorted(SCALE_WORDS)),
       st.booleans())
def test_indonesian_numbers_round_trip(integer: int, decimals: str, scale: str, percent: bool) -> None:
    written = indonesian(integer, decimals) + scale + (" persen" if percent else "")
    expected = Decimal(f"{integer}.{decimals or '0'}") * SCALE_WORDS[scale]
    q = parse_number(written)
    assert q is not None, written
    assert q.value == float(expected), written
    assert q.unit == ("percent" if percent else None)
    (m,) = find_quantities("tercatat " + written + " pada bulan itu")
    assert m.text == written and m.value == float(expected)


# --- adversarial input: linear time ---------------------------------------------------------------

# Strings with one long candidate are 100k chars; those where every few chars are a figure of their own
# are 20k figures (Python work per figure, ~30 us, not regex backtracking, dominates there; a
# quadratic regex would take minutes at these sizes either way).
@pytest.mark.parametrize("text", [
    "1." * 50000, "1," * 50000, "1, " * 20000, "1,1 " * 20000, "Rp " * 50000 + "5", "sekitar " * 20000,
    "satu " * 50000 + "juta", "dua puluh " * 20000, "1" * 100000 + " persen", "ke-1 " * 20000,
    "- 1\n" * 20000, "1.234.567" * 20000, "1 April " * 20000, "Rp" * 50000, "a1" * 50000,
])
def test_adversarial_input_is_fast(text: str) -> None:
    t0 = time.perf_counter()
    found = find_quantities(text)
    parse_number(text)
    assert time.perf_counter() - t0 < 10.0  # catastrophic-backtracking guard, not a speed test
    assert all(text[q.start:q.end] == q.text for q in found)
