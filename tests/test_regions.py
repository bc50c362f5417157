"""Region resolution: gazetteer names, level forms, aliases, government bodies, national scope,
ambiguity, non-regions, mention offsets and office flags, and an article's main region.

All phrases and articles below are invented for these tests.
"""
from __future__ import annotations

import time

import pytest

from jkn_extract.gazetteer import bare_name, regions
from jkn_extract.regions import Region, RegionMention, find_regions, main_region, resolve_region

ID = ("ID", "Indonesia", "nasional")


def _code(text: str) -> str | None:
    region = resolve_region(text)
    return region.code if region else None


@pytest.mark.parametrize("text, expected", [
    # canonical names, with and without level words
    ("Kabupaten Bangka Tengah", ("19.04", "Kabupaten Bangka Tengah", "kabupaten")),
    ("Kab. Bangka Tengah", ("19.04", "Kabupaten Bangka Tengah", "kabupaten")),
    ("kabupaten Bangka Tengah", ("19.04", "Kabupaten Bangka Tengah", "kabupaten")),
    ("Bangka Tengah", ("19.04", "Kabupaten Bangka Tengah", "kabupaten")),
    ("Kota Pangkal Pinang", ("19.71", "Kota Pangkal Pinang", "kota")),
    ("Provinsi Bengkulu", ("17", "Provinsi Bengkulu", "provinsi")),
    ("Prov. Jawa Barat", ("32", "Provinsi Jawa Barat", "provinsi")),
    ("Kota Administrasi Jakarta Selatan", ("31.74", "Kota Administrasi Jakarta Selatan", "kota")),
    ("Kab. Kep. Siau Tagulandang Biaro", ("71.09", "Kabupaten Kep. Siau Tagulandang Biaro", "kabupaten")),
    # spelling variants (data aliases and the automatic joined / hyphen forms)
    ("Kota Pangkalpinang", ("19.71", "Kota Pangkal Pinang", "kota")),
    ("Pangkal-Pinang", ("19.71", "Kota Pangkal Pinang", "kota")),
    ("Palangka Raya", ("62.71", "Kota Palangkaraya", "kota")),
    ("Lubuklinggau", ("16.73", "Kota Lubuk Linggau", "kota")),
    ("Bau-Bau", ("74.72", "Kota Bau Bau", "kota")),
    ("Baubau", ("74.72", "Kota Bau Bau", "kota")),
    ("Tolitoli", ("72.04", "Kabupaten Toli-Toli", "kabupaten")),
    ("Solo", ("33.72", "Kota Surakarta", "kota")),
    # short names and acronyms
    ("Babel", ("19", "Provinsi Kepulauan Bangka Belitung", "provinsi")),
    ("Sumsel", ("16", "Provinsi Sumatera Selatan", "provinsi")),
    ("Kaltara", ("65", "Provinsi Kalimantan Utara", "provinsi")),
    ("DKI Jakarta", ("31", "Provinsi Daerah Khusus Ibukota Jakarta", "provinsi")),
    ("NTT", ("53", "Provinsi Nusa Tenggara Timur", "provinsi")),
    ("DIY", ("34", "Provinsi Daerah Istimewa Yogyakarta", "provinsi")),
    ("Tangsel", ("36.74", "Kota Tangerang Selatan", "kota")),
    ("Jaksel", ("31.74", "Kota Administrasi Jakarta Selatan", "kota")),
    ("OKI", ("16.02", "Kabupaten Ogan Komering Ilir", "kabupaten")),
    ("Muratara", ("16.13", "Kabupaten Musi Rawas Utara", "kabupaten")),
    ("Polman", ("76.04", "Kabupaten Polewali Mandar", "kabupaten")),
    ("Kabupaten Pangkajene Kepulauan", ("73.10", "Kabupaten Pangkajene dan Kepulauan", "kabupaten")),
    # government bodies and office holders fix the level
    ("Pemkab Bangka Tengah", ("19.04", "Kabupaten Bangka Tengah", "kabupaten")),
    ("Pemerintah Kabupaten (Pemkab) Bogor", ("32.01", "Kabupaten Bogor", "kabupaten")),
    ("Pemkot Bogor", ("32.71", "Kota Bogor", "kota")),
    ("Pemko Medan", ("12.71", "Kota Medan", "kota")),
    ("Pemprov Babel", ("19", "Provinsi Kepulauan Bangka Belitung", "provinsi")),
    ("Pemerintah Provinsi Jambi", ("15", "Provinsi Jambi", "provinsi")),
    ("Bupati Bogor", ("32.01", "Kabupaten Bogor", "kabupaten")),
    ("Wakil Bupati Gorontalo", ("75.01", "Kabupaten Gorontalo", "kabupaten")),
    ("Wali Kota Bengkulu", ("17.71", "Kota Bengkulu", "kota")),
    ("Walikota Jambi", ("15.71", "Kota Jambi", "kota")),
    ("Gubernur Bengkulu", ("17", "Provinsi Bengkulu", "provinsi")),
    ("Sekretaris Daerah Pemkab Bangka Tengah", ("19.04", "Kabupaten Bangka Tengah", "kabupaten")),
    ("Kota Batu", ("35.79", "Kota Batu", "kota")),
    # national scope
    ("Indonesia", ID), ("nasional", ID), ("secara nasional", ID), ("RI", ID), ("seluruh Indonesia", ID),
    # ambiguity without context: province over its capital; kota over the same-named kabupaten
    ("Bengkulu", ("17", "Provinsi Bengkulu", "provinsi")),
    ("Gorontalo", ("75", "Provinsi Gorontalo", "provinsi")),
    ("Yogyakarta", ("34", "Provinsi Daerah Istimewa Yogyakarta", "provinsi")),
    ("Kota Yogyakarta", ("34.71", "Kota Yogyakarta", "kota")),
    ("Bogor", ("32.71", "Kota Bogor", "kota")),
    ("Kabupaten Bogor", ("32.01", "Kabupaten Bogor", "kabupaten")),
])
def test_resolve_region(text: str, expected: tuple[str, str, str]) -> None:
    assert resolve_region(text) == Region(*expected)


@pytest.mark.parametrize("text", [
    "", "Raya", "Barat", "Tengah", "Kota", "Kabupaten", "Provinsi", "Jalan Bengkulu", "Jl. Bangka Tengah",
    "Batu", "Metro", "Puncak", "Oki", "BPJS Kesehatan", "Kartu Indonesia Sehat", "peserta JKN",
])
def test_resolve_region_none(text: str) -> None:
    assert resolve_region(text) is None


def test_every_gazetteer_region_resolves_with_level_word_and_body() -> None:
    body = {"kabupaten": "Pemkab", "kota": "Pemkot", "provinsi": "Pemprov"}
    for region in regions():
        assert resolve_region(region.name) == region, region.name
        assert resolve_region(f"{body[region.level]} {bare_name(region.name)}") == region, region.name


def test_find_regions_offsets_and_office() -> None:
    text = ("Kepala BPJS Kesehatan Cabang Pangkalpinang menyebut capaian Kabupaten Bangka Tengah "
            "sudah 98 persen, di atas rata-rata nasional.")
    found = find_regions(text)
    assert [(m.text, m.region.code, m.office) for m in found] == [
        ("Pangkalpinang", "19.71", True),
        ("Kabupaten Bangka Tengah", "19.04", False),
        ("rata-rata nasional", "ID", False),
    ]
    for m in found:
        assert text[m.start:m.end] == m.text
        assert isinstance(m, RegionMention)


@pytest.mark.parametrize("text, office", [
    ("Kantor Cabang (KC) Bengkulu melayani warga.", True),
    ("Kedeputian Wilayah Sumatera Selatan mencatat kenaikan.", True),
    ("KC Pangkalpinang membuka loket baru.", True),
    ("BPJS Kesehatan Cabang Kota Palembang menggelar rapat.", True),
    ("Dinas Kesehatan Kota Palembang menggelar rapat.", False),
])
def test_office_flag(text: str, office: bool) -> None:
    assert find_regions(text)[0].office is office


def test_case_rule_and_blocked_contexts() -> None:
    assert find_regions("warga bogor dan babel") == []         # names must be capitalised in running text
    assert [m.region.code for m in find_regions("PANGKALPINANG - Warga")] == ["19.71"]
    assert find_regions("Ia tinggal di Jalan Bengkulu nomor 5.") == []
    assert find_regions("Pemegang Kartu Indonesia Sehat datang.") == []
    # the other cards of the same programme family name no country either (a writer may mix them up)
    assert find_regions("Warga terdaftar melalui Kartu Indonesia Pintar dan Kartu Indonesia Sejahtera.") == []
    assert find_regions("Program Jaminan Kesehatan Nasional berjalan.") == []
    assert find_regions("Batu itu besar. Metro TV menyiarkan.") == []


def test_longest_match_wins() -> None:
    found = find_regions("Warga Bangka Belitung dan Kabupaten Bangka Barat serta Bandar Lampung.")
    assert [m.region.code for m in found] == ["19", "19.05", "18.71"]


def test_bare_name_takes_explicit_form_from_context() -> None:
    text = "Wali Kota Bengkulu hadir. Capaian UHC di Bengkulu naik."
    assert [m.region.code for m in find_regions(text)] == ["17.71", "17.71"]
    text = "Pemkab Bogor menambah PBI. Warga Bogor antusias."
    assert [m.region.code for m in find_regions(text)] == ["32.01", "32.01"]


def test_duplicate_name_prefers_the_article_province() -> None:
    # "Banjar" is a kota in Jawa Barat and a kabupaten in Kalimantan Selatan
    assert find_regions("Di Kalsel, warga Banjar antre.")[1].region.code == "63.03"
    assert find_regions("Di Jawa Barat, warga Banjar antre.")[1].region.code == "32.79"


def test_main_region_prefers_frequent_regency_over_its_province() -> None:
    text = ("Toboali, Babel (ANTARA) - Pemkab Bangka Selatan menargetkan UHC. Bangka Selatan kini mencapai "
            "97 persen, tertinggi di Provinsi Kepulauan Bangka Belitung. Babel sendiri 95 persen. "
            "Data BPJS Kesehatan Cabang Tanjungpandan menunjukkan Bangka Selatan terus naik.")
    assert main_region(text) == Region("19.03", "Kabupaten Bangka Selatan", "kabupaten")


def test_main_region_dateline_district_and_caps() -> None:
    # a dateline town that is a kecamatan stands for its regency, within the dateline's province
    assert main_region("Sungailiat, Babel (ANTARA) - Warga antusias mendaftar JKN.").code == "19.01"
    assert main_region("Manggar, Babel (ANTARA) - Warga antusias mendaftar JKN.").code == "19.06"
    assert main_region("TANJUNGPINANG - Capaian UHC naik tahun ini.").code == "21.72"
    assert main_region("Pontianak, InfoPublik - Warga mendaftar JKN.").code == "61.71"


def test_main_region_bureau_dateline_and_national() -> None:
    text = ("Jakarta (ANTARA) - Cakupan JKN secara nasional mencapai 95 persen. Di seluruh Indonesia "
            "peserta bertambah.")
    assert main_region(text) == Region(*ID)
    assert main_region("Warga antre di loket.") is None


def test_adversarial_input_is_linear() -> None:
    text = "Kab. " * 4000 + "(" * 4000 + "Bangka-" * 4000
    t = time.perf_counter()
    find_regions(text)
    main_region(text)
    # a guard against catastrophic backtracking, not a speed measurement (that is bench/)
    assert time.perf_counter() - t < 10.0


def test_venue_of_a_statement_is_not_a_subject_region() -> None:
    text = ("Cakupan kepesertaan JKN secara nasional mencapai 95 persen, kata Direktur Utama "
            "di Jakarta, Senin (3/4). Ia juga hadir di Surabaya (5/4/2023).")
    mentions = find_regions(text)
    venues = [m.text for m in mentions if m.office]
    assert venues == ["Jakarta", "Surabaya"]
    assert main_region(text).code == "ID"
    assert not find_regions("Warga Kota Medan, Senin, antre.")[0].office


@pytest.mark.parametrize("text", [
    "Jakarta, Warta Sehat - BPJS Kesehatan mencatat 250 juta peserta JKN secara keseluruhan.",
    "Jakarta (ANTARA) - Peserta JKN bertambah 3 juta jiwa, kata Direktur di Kantor Pusat BPJS Kesehatan, "
    "Jakarta, Rabu (7/6). Rapat digelar di Jakarta dan dihadiri PTUN Jakarta.",
    "JAKARTA, WARTASEHAT.com - Iuran peserta mandiri tidak naik, ujar Menteri di Gedung DPR, Jakarta, Kamis.",
    "Jakarta Warta Sehat - Dana jaminan sosial dikelola hati-hati, kata dia di Jakarta.",
])
def test_bureau_dateline_with_venue_only_is_not_jakarta(text: str) -> None:
    region = main_region(text)
    assert region is None or region.code == "ID"


@pytest.mark.parametrize("text", [
    "Jakarta (ANTARA) - Pemprov DKI Jakarta menanggung iuran 3 juta warga. Gubernur DKI menyebut cakupan naik.",
    "Jakarta, Warta Sehat - Sebanyak 98 persen warga Jakarta sudah terdaftar JKN, kata dia di Jakarta, Senin.",
    "Jakarta - Cakupan kepesertaan di wilayah DKI Jakarta mencapai 98 persen.",
])
def test_real_jakarta_story_stays_jakarta(text: str) -> None:
    assert main_region(text).code == "31"


def test_dateline_below_a_teaser_line_needs_its_outlet() -> None:
    text = "Cakupan terus naik tahun ini\nMentok, Babel (ANTARA) - Warga antusias mendaftar JKN."
    assert main_region(text).code == "19.05"
    # a second line without an outlet is running text, not a dateline
    assert main_region("Pendahuluan singkat\nBangka Barat - catatan").code == "19.05"
    assert main_region("Pendahuluan singkat\nSebuah Catatan - tanpa wilayah") is None


def test_short_form_of_a_longer_region_in_another_province():
    from jkn_extract import extract
    text = ("Bupati Bone Bolango Yusuf Rahman mengatakan Pemkab menganggarkan Rp 15 miliar untuk iuran BPJS "
            "Kesehatan bagi warga Bone.")
    [record] = extract(text, "t")
    assert (record.region_code, record.speaker_name) == ("75.03", "Yusuf Rahman")
    # one province: the bare name stays its own region
    [city, _] = extract("Pemkot Bandung menganggarkan Rp 20 miliar untuk iuran BPJS Kesehatan warga Bandung, "
                        "sedangkan Bandung Barat Rp 5 miliar.", "t")
    assert city.region_code == "32.73"
