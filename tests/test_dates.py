"""Dates: table-driven per category, non-dates, published-date detection, and round-trip properties.

All phrases are invented in the style of Indonesian health-insurance news.
"""
from __future__ import annotations

import time
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jkn_extract.dates import DateMatch, find_dates, find_published, normalise_published, parse_date

REF = "2021-12-22"   # a Wednesday

FULL_DATES = [
    ("Selasa, 21 Desember 2021", "2021-12-21"),
    ("Selasa (21/12/2021)", "2021-12-21"),
    ("Jum'at, 7 Mei 2021", "2021-05-07"),
    ("Jumat 7 Mei 2021", "2021-05-07"),
    ("Ahad, 3 Oktober 2021", "2021-10-03"),
    ("Minggu (3/10/2021)", "2021-10-03"),
    ("5 Pebruari 2020", "2020-02-05"),
    ("30 Nopember 2019", "2019-11-30"),
    ("17 Agt 2022", "2022-08-17"),
    ("17 Agu 2022", "2022-08-17"),
    ("17 Ags 2022", "2022-08-17"),
    ("9 Sept 2020", "2020-09-09"),
    ("9 Sept. 2020", "2020-09-09"),
    ("1 Des 2021", "2021-12-01"),
    ("12 Okt 2018", "2018-10-12"),
    ("3 Juni 2023", "2023-06-03"),
    ("3 Jun 2023", "2023-06-03"),
    ("14 Juli 2023", "2023-07-14"),
    ("14 Jul 2023", "2023-07-14"),
    ("22 Dec 2021", "2021-12-22"),
    ("December 22, 2021", "2021-12-22"),
    ("Oktober 07, 2019", "2019-10-07"),
    ("1 Januari tahun 2014", "2014-01-01"),
    ("(27/9/21)", "2021-09-27"),
    ("21-12-2021", "2021-12-21"),
    ("21/12/2021", "2021-12-21"),
    ("2021-12-21", "2021-12-21"),
    ("per 31 Agustus 2021", "2021-08-31"),
    ("data per tanggal 30 Juni 2022", "2022-06-30"),
]

MONTHS_YEARS = [
    ("per November 2021", "2021-11", "per"),
    ("Nov 2021", "2021-11", None),
    ("hingga Desember 2022", "2022-12", "hingga"),
    ("sampai dengan Maret 2023", "2023-03", "sampai dengan"),
    ("bulan Juli tahun 2020", "2020-07", None),
    ("akhir Desember 2021", "2021-12", "akhir"),
    ("2023", "2023", None),
    ("tahun 2023", "2023", "tahun"),
    ("di tahun 2024", "2024", "di tahun"),
    ("pada 2024", "2024", "pada"),
    ("awal 2022", "2022", "awal"),
    ("akhir 2022", "2022", "akhir"),
    ("pertengahan 2021", "2021", "pertengahan"),
    ("hingga akhir tahun 2022", "2022", "hingga akhir tahun"),
]

PERIODS = [
    ("semester II Tahun 2022", "2022-07/2022-12"),
    ("semester 2 2022", "2022-07/2022-12"),
    ("semestar II Tahun 2022", "2022-07/2022-12"),
    ("semester I 2020", "2020-01/2020-06"),
    ("semester pertama 2020", "2020-01/2020-06"),
    ("triwulan III 2023", "2023-07/2023-09"),
    ("triwulan III/2023", "2023-07/2023-09"),
    ("kuartal I 2024", "2024-01/2024-03"),
    ("kuartal keempat tahun 2019", "2019-10/2019-12"),
    ("Q2-2023", "2023-04/2023-06"),
    ("caturwulan II 2021", "2021-05/2021-08"),
    ("Januari-Juni 2023", "2023-01/2023-06"),
    ("2020-2024", "2020/2024"),
    ("21-22 Desember 2021", "2021-12-21/2021-12-22"),
]

NEEDS_REFERENCE = [   # (phrase, value with REF, kind)
    ("Selasa", "2021-12-21", "weekday"),
    ("Rabu", "2021-12-22", "weekday"),        # the reference day itself
    ("Kamis", "2021-12-16", "weekday"),
    ("(10/5)", "2021-05-10", "date"),
    ("Senin (20/12)", "2021-12-20", "date"),
    ("21 Desember", "2021-12-21", "date"),
    ("semester II", "2021-07/2021-12", "period"),
    ("per Juni", "2021-06", "month"),
    ("November ini", "2021-11", "month"),
    ("akhir tahun ini", "2021", "year"),
    ("tahun lalu", "2020", "year"),
    ("saat ini", REF, "now"),
    ("kini", REF, "now"),
    ("sekarang", REF, "now"),
    ("hingga saat ini", REF, "now"),
]

NOT_DATES = [
    "76,22%", "74,92", "74,92 persen", "202.131", "2.032.767", "2.032.767 jiwa", "13:40", "pukul 13.40 WIB",
    "ke-10", "2023 jiwa", "2050 orang", "1500", "3000", "Rp2.021", "sebanyak 2021 peserta", "1/3 peserta",
    "UU Nomor 40 Tahun 2004", "Perpres 82/2018", "RT 01/02", "32/13/2021", "31/2/2021", "setiap Senin",
    "Senin-Jumat", "Senin hingga Jumat", "Minggu lalu", "dua minggu", "minggu depan", "selasa", "Mar",
    "teknologi terkini", "semester 3", "dua tahun lalu", "puluhan tahun lalu", "tahun-tahun sebelumnya",
    "Perpes 82 tahun 2018", "",
]


@pytest.mark.parametrize("phrase,expected", FULL_DATES)
def test_full_dates(phrase: str, expected: str) -> None:
    assert parse_date(phrase) == expected
    (m,) = find_dates(phrase)
    assert (m.kind, m.text, m.start, m.end) == ("date", phrase, 0, len(phrase))


@pytest.mark.parametrize("phrase,expected,prefix", MONTHS_YEARS)
def test_months_and_years(phrase: str, expected: str, prefix: str | None) -> None:
    (m,) = find_dates(phrase)
    assert (m.value, m.prefix, m.text) == (expected, prefix, phrase)
    assert m.kind == ("month" if "-" in expected else "year")


@pytest.mark.parametrize("phrase,expected", PERIODS)
def test_periods(phrase: str, expected: str) -> None:
    (m,) = find_dates(phrase)
    assert (m.kind, m.value, m.text) == ("period", expected, phrase)


@pytest.mark.parametrize("phrase,expected,kind", NEEDS_REFERENCE)
def test_reference_dates(phrase: str, expected: str, kind: str) -> None:
    (m,) = find_dates(phrase, reference=REF)
    assert (m.kind, m.value) == (kind, expected)
    (bare,) = find_dates(phrase)                # same phrase found without a reference, value unknown
    assert (bare.kind, bare.value) == (kind, None)


@pytest.mark.parametrize("sentence,year", [
    ("Pada 2016 peserta program itu baru 150 juta jiwa.", "2016"),
    ("Sejak 2015 penduduk miskin dibiayai daerah.", "2015"),
    ("Akhir 2019 warga yang terdaftar bertambah.", "2019"),
    ("Tahun 2021 peserta mandiri menurun.", "2021"),
    ("Jumlahnya hingga 2018 peserta saja.", None),      # "hingga" also heads counts: a count
    ("Jumlahnya mencapai 2018 peserta saja.", None),
])
def test_year_before_a_count_noun_is_a_date_after_a_date_word(sentence: str, year: str | None) -> None:
    """A year-like number before a count noun is a count ("2023 jiwa") unless "pada", "sejak", a year
    word or a position word makes it a date."""
    years = [m.value for m in find_dates(sentence) if m.kind == "year"]
    assert years == ([year] if year else [])


def test_parse_date_api_examples() -> None:
    assert parse_date("Selasa (21/12/2021)") == "2021-12-21"
    assert parse_date("per November 2021") == "2021-11"
    assert parse_date("Selasa", reference="2021-12-22") == "2021-12-21"
    assert parse_date("Selasa") is None
    assert parse_date("saat ini") is None


def test_dateline_year_before_reference() -> None:
    # "(28/12)" in an article of 3 January is last December
    assert parse_date("Selasa (28/12)", reference="2022-01-03") == "2021-12-28"


@pytest.mark.parametrize("phrase", NOT_DATES)
def test_not_dates(phrase: str) -> None:
    assert find_dates(phrase, reference=REF) == []
    assert parse_date(phrase, reference=REF) is None


def test_find_dates_in_text_order_longest_wins() -> None:
    text = ("Berdasarkan data per November 2021, cakupan mencapai 76,22% atau 202.131 jiwa, "
            "kata Kepala Dinas, Selasa (21/12/2021). Pada semester II Tahun 2022 target naik, "
            "dan saat ini sudah 2.032.767 jiwa hingga akhir 2022.")
    got = [(d.text, d.value, d.kind, d.prefix) for d in find_dates(text, REF)]
    assert got == [
        ("data per November 2021", "2021-11", "month", "data per"),
        ("Selasa (21/12/2021)", "2021-12-21", "date", None),
        ("Pada semester II Tahun 2022", "2022-07/2022-12", "period", "pada"),
        ("saat ini", REF, "now", None),
        ("hingga akhir 2022", "2022", "year", "hingga akhir"),
    ]
    for d in find_dates(text, REF):
        assert text[d.start:d.end] == d.text
    assert isinstance(find_dates(text)[0], DateMatch)


def test_parse_date_fallback_dateparser() -> None:
    # outside the rules: dateparser, relative to the reference only
    assert parse_date("kemarin", reference=REF) == "2021-12-21"
    assert parse_date("kemarin") is None


@pytest.mark.parametrize("raw,expected", [
    ("16/09/2019 20:18 WIB", "2019-09-16"),
    ("2019-09-16T20:18:00", "2019-09-16"),
    ("2019-09-17 00:00:00 17:41:00", "2019-09-17"),
    ("Senin, 16 September 2019", "2019-09-16"),
    ("22 Dec 2021", "2021-12-22"),
    ("Sep 19, 2019", "2019-09-19"),
    ("Oktober 07, 2019", "2019-10-07"),
    ("13+December+2018", "2018-12-13"),
    ("9/18/2025 17:44", "2025-09-18"),       # the second number cannot be a month: month-first
    ("10-Sep-19 04:01", "2019-09-10"),
    ("", None), (None, None), ("tidak diketahui", None), ("31/02/2021", None),
])
def test_normalise_published(raw: str | None, expected: str | None) -> None:
    assert normalise_published(raw) == expected


@pytest.mark.parametrize("text,expected", [
    ("Judul Berita Kesehatan\n\nDiposting: 22 Dec 2021\nGubernur memimpin rapat, Selasa, 21 Desember 2021.",
     "2021-12-22"),
    ("Judul\n:\nOleh MC KOTA CONTOH, Selasa, 28 September 2021 | 13:40 WIB - Redaktur: Ani - 207\nIsi berita.",
     "2021-09-28"),
    ("Judul berita\nKamis, 10 April 2025 09:15 WIB\nJakarta - Isi berita pada Rabu (9/4/2025).", "2025-04-10"),
    ("Judul berita\n10/04/2025\nIsi berita.", "2025-04-10"),
    # event date inside the first sentence is not a byline
    ("Jakarta, Senin (16/9/2019) - Pemerintah daerah menargetkan cakupan 98 persen.", None),
    ("Kepala dinas mengatakan oleh karena itu, Selasa (21/12/2021), rapat digelar.", None),
    # related-article lists and copyright lines are never used
    ("Judul\nBaca juga: Iuran naik, 1 Januari 2020\nIsi berita tanpa tanggal.", None),
    ("Judul\nCOPYRIGHT © 2021 Media Contoh\nIsi.", None),
    ("Isi berita tanpa tanggal apa pun.", None),
    ("", None),
])
def test_find_published(text: str, expected: str | None) -> None:
    assert find_published(text) == expected


def test_find_published_only_looks_at_the_top() -> None:
    body = "\n".join(f"Paragraf {i} tanpa tanggal." for i in range(12))
    assert find_published(body + "\n22 Desember 2021") is None


MONTHS_ID = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
             "Oktober", "November", "Desember"]


@settings(max_examples=300, deadline=None)
@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2099, 12, 31)))
def test_round_trip_written_and_numeric(d: date) -> None:
    iso = d.isoformat()
    assert parse_date(f"{d.day} {MONTHS_ID[d.month - 1]} {d.year}") == iso
    assert parse_date(f"({d.day}/{d.month}/{d.year})") == iso
    text = f"Data per {d.day} {MONTHS_ID[d.month - 1]} {d.year} tercatat 74,92 persen."
    assert [m.value for m in find_dates(text)] == [iso]


@pytest.mark.parametrize("bad", [
    "1" * 20000, "1/" * 10000, "( " * 10000, "Selasa " * 5000 + "x", "per " * 5000, "2021 " * 5000,
    "21 " * 5000 + "Desember", "semester " * 5000, ", " * 10000 + "Desember", " " * 20000 + "2021",
    "Mei 2020 " + ", dan bulan Juni" * 5000,
])
def test_linear_time_on_adversarial_input(bad: str) -> None:
    t = time.perf_counter()
    find_dates(bad, REF)
    assert time.perf_counter() - t < 10.0  # catastrophic-backtracking guard, not a speed test


def _values(text: str, reference: str | None = None) -> list[tuple[str, str | None]]:
    return [(d.text, d.value) for d in find_dates(text, reference)]


@pytest.mark.parametrize("text, reference, expected", [
    # the previous year is the year before the one the sentence names, with or without a reference
    ("Peserta tercatat 310 juta jiwa pada 2021, naik dibanding tahun sebelumnya sebanyak 300 juta.", None,
     [("pada 2021", "2021"), ("tahun sebelumnya", "2020")]),
    ("Peserta tercatat 310 juta jiwa pada 2021, naik dibanding tahun sebelumnya sebanyak 300 juta.", "2024-05-02",
     [("pada 2021", "2021"), ("tahun sebelumnya", "2020")]),
    # an explicit year after the phrase anchors it when none stands before
    ("Tahun sebelumnya hanya 40 klinik, sedangkan pada 2019 sudah 55 klinik.", None,
     [("Tahun sebelumnya", "2018"), ("pada 2019", "2019")]),
    # without a reference "tahun lalu" / "tahun ini" read against the sentence's year ...
    ("Pada 2020 tercatat 12 rumah sakit, tahun lalu hanya 9.", None, [("Pada 2020", "2020"), ("tahun lalu", "2019")]),
    ("Hingga Maret 2018 sudah 70 persen dan tahun ini ditargetkan 80 persen.", None,
     [("Hingga Maret 2018", "2018-03"), ("tahun ini", "2018")]),
    # ... but with a reference they stay relative to the reference (they are deictic)
    ("Pada 2020 tercatat 12 rumah sakit, tahun lalu hanya 9.", "2023-01-10",
     [("Pada 2020", "2020"), ("tahun lalu", "2022")]),
    # an explicit year that restates the phrase is its value, not its anchor
    ("Sistem baru berlaku mulai tahun depan atau 2023 secara bertahap.", None,
     [("mulai tahun depan", "2023"), ("2023", "2023")]),
    # the anchor must stand in the same sentence
    ("Capaian 2019 sebesar 80 persen. Tahun sebelumnya 75 persen.", None,
     [("2019", "2019"), ("Tahun sebelumnya", None)]),
    ("Tahun lalu naik 5 persen.", None, [("Tahun lalu", None)]),
    # "dua tahun lalu" is years ago, not a date, even next to a year
    ("Pada 2021 naik, padahal dua tahun lalu turun.", None, [("Pada 2021", "2021")]),
])
def test_relative_year_anchored_on_sentence_year(text: str, reference: str | None,
                                                 expected: list[tuple[str, str | None]]) -> None:
    assert _values(text, reference) == expected


@pytest.mark.parametrize("text, reference, expected", [
    # months listed after one dated with its year take that year, with or without a reference
    ("Pada Maret 2019 tercatat 410 klinik, April 415 klinik dan Mei 420 klinik.", None,
     [("Pada Maret 2019", "2019-03"), ("April", "2019-04"), ("Mei", "2019-05")]),
    ("Pada Maret 2019 tercatat 410 klinik, April 415 klinik dan Mei 420 klinik.", "2024-08-01",
     [("Pada Maret 2019", "2019-03"), ("April", "2019-04"), ("Mei", "2019-05")]),
    # a month after a prefix takes the sentence's year over the reference year ...
    ("Akhir Juli 2017 ada 12 puskesmas, sedangkan pada bulan Oktober sudah 14.", "2020-02-03",
     [("Akhir Juli 2017", "2017-07"), ("pada bulan Oktober", "2017-10")]),
    # ... and, with no reference, the year of the sentence before
    ("Hingga Juli 2017 ada 12 puskesmas. Pada bulan Oktober sudah 14.", None,
     [("Hingga Juli 2017", "2017-07"), ("Pada bulan Oktober", "2017-10")]),
    # a month name alone is no date outside such a list, nor without a dated month before it
    ("Kegiatan dihadiri Juni dan Maret, dua kader desa.", None, []),
    ("Tahun 2019 dimulai, April tercatat 415 klinik.", None, [("Tahun 2019", "2019")]),
])
def test_month_without_year_takes_the_listed_year(text: str, reference: str | None,
                                                  expected: list[tuple[str, str | None]]) -> None:
    assert _values(text, reference) == expected
