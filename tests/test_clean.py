from __future__ import annotations

import time

import pytest

from jkn_extract.clean import clean_text, normalise_chars


def test_quotes_dashes_and_spaces_are_normalised():
    assert normalise_chars("“Ya” – kata ‘dia’\u00a0ok") == "\"Ya\" - kata 'dia' ok"


def test_apostrophe_inside_a_word_stays_as_written():
    # a name keeps the article's spelling; a closing single quote after a word still becomes straight
    assert normalise_chars("Kepala Humas Anas Ma\u2019ruf bilang \u2018ya\u2019 tadi") == \
        "Kepala Humas Anas Ma\u2019ruf bilang 'ya' tadi"


def test_runs_standing_for_a_double_quote_become_one():
    assert normalise_chars("kata dia...''Kota ``ya''") == 'kata dia..."Kota "ya"'


def test_an_introducer_glued_to_its_figure_gets_a_space():
    assert clean_text("Target UHC mencapai98 persen, sebanyak2.000 jiwa; covid19 tetap.") == \
        "Target UHC mencapai 98 persen, sebanyak 2.000 jiwa; covid19 tetap."


def test_marks_that_lost_their_utf8_lead_bytes_are_restored():
    assert normalise_chars("KOMPAS.com \x93 Budi berkata. \x9cKami siap,\x9d ujarnya. Editor\x99s Choice") == \
        'KOMPAS.com - Budi berkata. "Kami siap," ujarnya. Editor\'s Choice'


def test_a_unit_word_glued_to_its_figure_gets_a_space():
    assert clean_text("Sudah12.400warga terdaftar dari total 13.000jiwa, 95,4persen; tipe 4G tetap.") == \
        "Sudah 12.400 warga terdaftar dari total 13.000 jiwa, 95,4 persen; tipe 4G tetap."


def test_boilerplate_lines_are_dropped():
    text = "Judul berita\nBaca juga: Iuran naik 5 persen\nADVERTISEMENT\nSCROLL TO CONTINUE WITH CONTENT\nIsi berita 80 persen.\nCOPYRIGHT © Kantor Berita 2023"
    assert clean_text(text) == "Judul berita\nIsi berita 80 persen."


def test_related_article_list_is_cut_off():
    text = "Isi berita.\nBerita Terkait\nIuran naik jadi 400 ribu\n8 Agustus 2024 20:18"
    assert clean_text(text) == "Isi berita."


def test_repeated_paragraph_kept_once():
    para = "Cakupan kepesertaan mencapai 90 persen, kata Kepala Dinas."
    assert clean_text(f"{para}\nLain.\n{para}\n") == f"{para}\nLain."


def test_glued_sentence_and_quote_get_a_space():
    assert clean_text('capai 88,65 persen."Saat ini kami') == 'capai 88,65 persen. "Saat ini kami'
    assert clean_text("kata dia.Selanjutnya rapat") == "kata dia. Selanjutnya rapat"
    assert clean_text('"Kami siap,"kata dia. "Lalu."Rapat') == '"Kami siap," kata dia. "Lalu." Rapat'


def test_initials_are_not_split():
    assert clean_text("kata M. Ridwan dan Rp.5 juta") == "kata M. Ridwan dan Rp.5 juta"


def test_antara_teaser_glued_to_dateline_is_split():
    text = "Cakupan naik dari tahun ke tahunnyaKota Baru (ANTARA) - Badan itu mencatat"
    assert clean_text(text).split("\n") == ["Cakupan naik dari tahun ke tahunnya", "Kota Baru (ANTARA) - Badan itu mencatat"]


@pytest.mark.parametrize("text, lines", [
    ("angka ini terus naik tiap bulanSUNGAI RAYA (ANTARA) - Dinas", ["angka ini terus naik tiap bulan",
                                                                    "SUNGAI RAYA (ANTARA) - Dinas"]),
    ("kabupaten yang meraih predikat UHCTanjung Lestari (ANTARA) - Dinas", [
        "kabupaten yang meraih predikat UHC", "Tanjung Lestari (ANTARA) - Dinas"]),
    ("tidak dipakai untuk berobat,Kota Lama, Sumbar (ANTARA) - Badan", [
        "tidak dipakai untuk berobat,", "Kota Lama, Sumbar (ANTARA) - Badan"]),
    ("perlu subsidi dari pemerintah Tanjung Lestari (ANTARA) - Menteri", [
        "perlu subsidi dari pemerintah", "Tanjung Lestari (ANTARA) - Menteri"]),
    # a multi-word dateline at the top is never split inside
    ("Tanjung Lestari (ANTARA) - Dinas", ["Tanjung Lestari (ANTARA) - Dinas"]),
    ("Kota Lama, Sumbar (ANTARA) - Dinas", ["Kota Lama, Sumbar (ANTARA) - Dinas"]),
])
def test_teaser_glued_to_dateline_after_acronym_comma_or_space(text, lines):
    assert clean_text(text).split("\n") == (lines or [text])


@pytest.mark.parametrize("text, expected", [
    ("Daerah itu meraihUniversal Health Coverage(UHC) tahun ini.",
     "Daerah itu meraih Universal Health Coverage (UHC) tahun ini."),
    ("menjadi tanggung jawabBPJS Kesehatan", "menjadi tanggung jawab BPJS Kesehatan"),
    ("rapat bulan mendatang.Anggota dewan hadir", "rapat bulan mendatang. Anggota dewan hadir"),
    # legitimate mixed case stays
    ("Daftar lewat iPhone, eKTP, JKN-KIS atau McDonald dan PeduliLindungi", None),
    ("kata dr.Sinta kepada detikHealth", "kata dr. Sinta kepada detikHealth"),
    ("dokter radiologi(K) dan fungsi pow(I, 2)", None),
])
def test_glued_lower_and_capitalised_words_are_split(text, expected):
    assert clean_text(text) == (expected or text)


def test_inline_chrome_removed():
    assert clean_text("Cakupan ADVERTISEMENT naik.") == "Cakupan naik."


def test_mojibake_repaired():
    cp1252 = "“JKN”".replace("”", "“").encode("utf-8").decode("cp1252")  # ” has no cp1252 mojibake form
    mac = "“JKN” –\u00a0ok".encode("utf-8").decode("mac_roman")
    assert clean_text(f"Program {cp1252} berjalan") == 'Program "JKN" berjalan'
    assert clean_text(f"Program {mac}") == 'Program "JKN" - ok'


def test_comma_runs_from_dropped_links_break_paragraphs():
    text = "Iuran naik mulai 2020.,,,Mulai Senin, BPJS Kesehatan, ,menonaktifkan peserta, ,Itu kata dia."
    assert clean_text(text).split("\n") == [
        "Iuran naik mulai 2020.", "Mulai Senin, BPJS Kesehatan, ,menonaktifkan peserta", "Itu kata dia."]


def test_glued_sentence_after_acronym_gets_a_space():
    assert clean_text("cakupan UHC.Pemerintah lalu") == "cakupan UHC. Pemerintah lalu"
    assert clean_text("golongan (PBI).Pengalaman itu") == "golongan (PBI). Pengalaman itu"


def test_video_embeds_revision_notes_and_infographic_titles_removed():
    text = ("Iuran PBI dibayar APBN. [Gambas:Video CNN] Kedua, peserta baru.\n"
            "Infografik: 21 Layanan yang Tidak Dijamin\n"
            "Ada 275 rumah sakit.(Berita ini telah direvisi pada bagian judul)")
    assert clean_text(text) == "Iuran PBI dibayar APBN. Kedua, peserta baru.\nAda 275 rumah sakit."


def test_teaser_headline_and_related_list_glued_into_a_paragraph_are_removed():
    # flattened pages keep paragraphs apart by two spaces: the teaser runs to the next gap
    text = ('Iuran naik, kata dia.  Baca Juga: Warga Desa Maju Antre Kartu Sehat  "Kami sudah siap," ujarnya.  '
            'Artikel Menarik Lainnya:')
    assert clean_text(text) == 'Iuran naik, kata dia. "Kami sudah siap," ujarnya.'
    # without a gap in reach it is no teaser of known length: the words stay
    assert clean_text("Menurut dia baca juga: aturan itu.") == "Menurut dia baca juga: aturan itu."


@pytest.mark.parametrize("n", [20000])
def test_adversarial_input_is_linear(n):
    # Long runs of the characters the patterns look at must not blow up.
    started = time.time()
    clean_text("a." * n + '"' * n + "x" * n + "Kota " * n + "(ANTARA" * n + ", " * n + "," * n + "[Gambas:" * n
               + "aB" * n + "ab(" * n + "xY " * n + "aKota Baru" * n + "Baca Juga: " * n)
    assert time.time() - started < 5


def test_sentence_glued_after_a_grouped_figure_is_split():
    from jkn_extract.clean import clean_text
    assert "Rp12.345.678. Di Kabupaten" in clean_text("tunggakan Rp12.345.678.Di Kabupaten lain lebih kecil.")


def test_sentence_glued_after_a_year_is_split():
    from jkn_extract.clean import clean_text
    assert "pada 2020. Gubernur" in clean_text("dana Rp229 miliar pada 2020.Gubernur Maju mengatakan hal itu.")
    assert "2.5 persen" in clean_text("naik 2.5 persen")


@pytest.mark.parametrize("text, expected", [
    # a sentence glued after a dateline weekday, and before a sentence opener
    ("kata Rina di Jakarta, SelasaIa mengatakan hal itu.", "kata Rina di Jakarta, Selasa. Ia mengatakan hal itu."),
    ("Rapat digelar di BandungSementara itu peserta naik.", "Rapat digelar di Bandung. Sementara itu peserta naik."),
    # a subheading glued to the paragraph it heads
    ("Iuran naik. PeluangBudi Santoso menyampaikan tiga hal.", "Iuran naik. Peluang\nBudi Santoso menyampaikan tiga hal."),
    # brands and glue inside a sentence stay
    ("Daftar lewat WhatsApp resmi. WhatsApp juga bisa, kata Ani dari SehatCorp.", None),
    ("Layanan KartuSehat milik pemkab dipakai warga.", None),
])
def test_glued_capitalised_words_are_split_only_at_sentence_breaks(text, expected):
    assert clean_text(text) == (expected or text)


def test_flattened_paragraph_break_before_a_sentence_opener():
    text = "Peserta naik menjadi 275,3 juta  Sementara itu, klaim turun. Kantor di Kota  Bandung buka."
    assert clean_text(text) == "Peserta naik menjadi 275,3 juta\nSementara itu, klaim turun. Kantor di Kota Bandung buka."


def test_sentence_glued_after_a_comma_and_a_dot():
    assert clean_text("penduduk Provinsi Maju,.Sedangkan dari pemda") == "penduduk Provinsi Maju,. Sedangkan dari pemda"


def test_a_word_glued_to_the_initial_of_a_name_gets_a_space():
    assert clean_text('"Kami siap," ujar Kepala Humas KesehatanM Budi Santoso. Kartu KIS dan MasterCard tetap.') == \
        '"Kami siap," ujar Kepala Humas Kesehatan M Budi Santoso. Kartu KIS dan MasterCard tetap.'
