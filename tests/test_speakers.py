"""Speakers: invented sentences in the style of regional health news (no corpus text)."""
from __future__ import annotations

import re
import time

import pytest

from jkn_extract.clean import clean_text
from jkn_extract.nameshape import covers, tokens_match
from jkn_extract.speakers import Quote, find_quotes, speaker_at, split_sentences


def quotes(text: str) -> list[Quote]:
    return find_quotes(text, split_sentences(text))


def who(text: str, needle: str) -> str | None:
    """Speaker of the statement containing `needle`."""
    qs = quotes(text)
    i = text.index(needle)
    q = speaker_at(qs, i, i + len(needle))
    return q.speaker_name if q else None


def at(text: str, needle: str) -> Quote | None:
    qs = quotes(text)
    i = text.index(needle)
    return speaker_at(qs, i, i + len(needle))


# --- direct quotes ---------------------------------------------------------------------------------

def test_direct_after_with_title_and_place() -> None:
    # a two-word place is known from the article itself ("Kabupaten Lembah Hijau," in the lead)
    text = ('Warga Kabupaten Lembah Hijau, Provinsi Sumber Raya makin banyak terdaftar.\n'
            '"Cakupan kepesertaan sudah 91,4 persen dari jumlah penduduk," kata Kepala Dinas Kesehatan '
            'Kabupaten Lembah Hijau Rina Kartika di Sukamaju, Senin.')
    q = at(text, "91,4 persen")
    assert q is not None and q.direct
    assert q.speaker_name == "Rina Kartika"
    assert q.speaker_role == "Kepala Dinas Kesehatan Kabupaten Lembah Hijau"
    assert q.verb == "kata"
    assert q.text.startswith("Cakupan kepesertaan")


@pytest.mark.parametrize("cue", ["ujarnya", "katanya", "jelasnya", "ungkapnya", "tegasnya", "tuturnya",
                                 "imbuhnya", "terangnya", "sebutnya", "kata dia", "ujar dia"])
def test_direct_after_pronoun_cues(cue: str) -> None:
    text = ("Bupati Permai Joko Susanto mengatakan bahwa program berjalan baik.\n"
            f'"Tahun depan kami anggarkan iuran untuk 12.000 warga," {cue}.')
    assert who(text, "12.000 warga") == "Joko Susanto"


def test_direct_before_with_verb() -> None:
    text = 'Wakil Bupati Permai Andi Saputra menegaskan, "Semua warga harus terdaftar tahun ini juga."'
    q = at(text, "terdaftar")
    assert q is not None and q.direct and q.speaker_name == "Andi Saputra" and q.verb == "menegaskan"


def test_direct_before_with_menurut() -> None:
    text = 'Menurut Ketua Komisi IV DPRD Kota Sumber Hadi Wijaya, "Anggaran iuran sudah kami setujui bersama."'
    assert who(text, "Anggaran iuran") == "Hadi Wijaya"


def test_apposition_role_name() -> None:
    text = ('Direktur Utama BPJS Kesehatan, Bambang Wiryawan, mengatakan peserta aktif naik menjadi 80 persen.\n'
            '"Kami terus mendorong pemda menambah peserta PBI," ujar Wiryawan.')
    q = at(text, "80 persen")
    assert q is not None and not q.direct
    assert q.speaker_name == "Bambang Wiryawan" and q.speaker_role == "Direktur Utama BPJS Kesehatan"
    assert q.speaker_org == "BPJS Kesehatan"
    assert who(text, "peserta PBI") == "Bambang Wiryawan"


# --- reported speech and carry-over ------------------------------------------------------------------

def test_reported_speech_rest_of_sentence() -> None:
    text = "Kepala Dinas Sosial Kota Sumber Lia Anggraini mengatakan bahwa 4.500 warga dinonaktifkan dari PBI."
    q = at(text, "4.500 warga")
    assert q is not None and not q.direct
    assert q.speaker_name == "Lia Anggraini" and q.verb == "mengatakan"
    assert q.text.startswith("4.500 warga")


@pytest.mark.parametrize("opener", ["Ia mengatakan", "Dia juga mengatakan", "Ia menyebut",
                                    "Menurut dia,", "Menurutnya,"])
def test_pronoun_carry_over(opener: str) -> None:
    text = ("Wali Kota Sumber Dedi Kurniawan menyampaikan apresiasi kepada BPJS Kesehatan.\n"
            "Pertemuan digelar di aula kantor wali kota.\n"
            f"{opener} cakupan kepesertaan JKN sudah mencapai 97 persen.")
    assert who(text, "97 persen") == "Dedi Kurniawan"


@pytest.mark.parametrize("middle", ["kata dia", "katanya", "ujar dia", "jelasnya"])
def test_mid_sentence_cue(middle: str) -> None:
    text = ('"Kami siapkan anggaran tambahan untuk iuran," kata Sekda Permai Yusuf Hamdani.\n'
            f"Untuk tahun ini, {middle}, pemkab menanggung 25.000 jiwa.")
    assert who(text, "25.000 jiwa") == "Yusuf Hamdani"


def test_trailing_cue_without_quote_marks() -> None:
    text = ("Kepala BPJS Kesehatan Cabang Sumber Nia Rahmawati hadir dalam rapat itu.\n"
            "Jumlah peserta aktif mencapai 150.000 jiwa, kata Nia.")
    assert who(text, "150.000 jiwa") == "Nia Rahmawati"


def test_passive_agent_sets_pronoun_referent() -> None:
    text = ("Hal itu disampaikan Gubernur Lembah Raya Agus Salim saat membuka rapat koordinasi.\n"
            "Ia mengatakan target UHC 98 persen harus tercapai tahun depan.")
    assert who(text, "98 persen") == "Agus Salim"


# --- descriptions and short names ------------------------------------------------------------------

def test_description_by_title_words() -> None:
    text = ("Gubernur Lembah Raya Agus Salim membuka rapat koordinasi JKN.\n"
            "Kepala Dinas Kesehatan Sri Wahyuni mengatakan puskesmas siap melayani.\n"
            '"Sebanyak 93 persen warga sudah terlindungi," jelas Gubernur Lembah Raya ke-5 ini.')
    q = at(text, "93 persen")
    assert q is not None and q.speaker_name == "Agus Salim"


def test_description_falls_back_to_recent_speaker() -> None:
    text = ('"Kami sudah koordinasi dengan seluruh camat," kata Asisten II Setda Permai Rudi Hartono.\n'
            "Saat ini kata mantan Kepala Dinas Perhubungan Permai itu, UHC sudah 96 persen.")
    assert who(text, "96 persen") == "Rudi Hartono"


def test_short_name_to_fullest_form() -> None:
    text = ("Penjabat Bupati Permai, H. Ahmad Fauzi Rahman, membuka forum.\n"
            '"Kami targetkan semua warga terdaftar pada 2026 ini," kata Fauzi.')
    q = at(text, "semua warga")
    assert q is not None and q.speaker_name == "Ahmad Fauzi Rahman"
    assert q.speaker_role == "Penjabat Bupati Permai"


def test_initial_matches_full_first_name() -> None:
    text = ('"Pelayanan kesehatan harus merata untuk semua warga," kata Sekretaris Daerah Kabupaten '
            "Permai Muhammad Rizal di Sukamaju.\n"
            "Hal ini dikatakan Sekda M. Rizal saat memimpin rapat.\n"
            "Ia mengatakan cakupan UHC mencapai 99,1 persen.")
    assert who(text, "99,1 persen") == "Muhammad Rizal"
    assert tokens_match("M.", "Muhammad") and covers("Muhammad Rizal", "M. Rizal")


def test_honorifics_and_degrees_stripped() -> None:
    text = ('"Rumah sakit wajib melayani peserta JKN tanpa kecuali," kata Direktur RSUD Sumber '
            "dr. Maya Lestari, Sp.PD, M.Kes.")
    assert who(text, "wajib melayani") == "Maya Lestari"


# --- organisations and narration -------------------------------------------------------------------

@pytest.mark.parametrize("subject,org", [("BPJS Kesehatan", "BPJS Kesehatan"),
                                         ("Pemkab Permai", "Pemkab Permai"),
                                         ("Kementerian Kesehatan", "Kementerian Kesehatan")])
def test_organisation_not_person(subject: str, org: str) -> None:
    text = f"{subject} mencatat sebanyak 12.345 peserta menunggak iuran."
    q = at(text, "12.345")
    assert q is not None and q.speaker_name is None and q.speaker_org == org


def test_data_subject_is_not_a_speaker() -> None:
    text = "Data per 1 Mei 2024 mencatat jumlah peserta di kota itu sebanyak 88.000 jiwa."
    assert at(text, "88.000 jiwa") is None


def test_narration_after_quote_is_not_reported_speech() -> None:
    text = ('"Kami ingin semua warga terlindungi jaminan kesehatan," kata Bupati Permai Joko Susanto.\n'
            "Untuk tahun ini, pemkab masih memerlukan tambahan 3.200 peserta baru.")
    assert at(text, "3.200 peserta") is None
    assert at("Sebanyak 70 persen penduduk sudah terdaftar dalam program JKN.", "70 persen") is None


def test_scare_quotes_are_not_statements() -> None:
    text = 'Program "Sumber Sehat" sudah menjangkau 40.000 warga miskin di kota itu.'
    assert quotes(text) == []


# --- dirty quotation marks -----------------------------------------------------------------------

def test_glued_quote() -> None:
    text = ('Kepala Dinas Kesehatan Kota Sumber Lia Anggraini mengatakan capaian sudah 88,65 persen."Saat ini '
            'kami kejar sisanya dengan jemput bola ke desa-desa," ujarnya.')
    q = at(text, "jemput bola")
    assert q is not None and q.direct and q.speaker_name == "Lia Anggraini"
    assert q.text.startswith("Saat ini")
    assert who(text, "88,65 persen") == "Lia Anggraini"


def test_multi_paragraph_quote() -> None:
    text = ('"Pertama, kami perbarui data peserta PBI setiap bulan agar tepat sasaran.\n'
            '"Kedua, kami tambah kuota 5.000 jiwa untuk warga miskin baru," kata Wakil Wali Kota Sumber '
            "Teguh Prasetyo.")
    assert who(text, "perbarui data") == "Teguh Prasetyo"
    assert who(text, "5.000 jiwa") == "Teguh Prasetyo"


def test_unbalanced_closing_mark() -> None:
    text = 'Semua klinik sudah bekerja sama dengan BPJS Kesehatan," kata Camat Sukamaju Herman Syah.'
    q = at(text, "Semua klinik")
    assert q is not None and q.direct and q.speaker_name == "Herman Syah"


def test_unbalanced_opening_mark() -> None:
    text = '"Semua puskesmas sudah siap melayani peserta, kata Camat Sukamaju Herman Syah.'
    q = at(text, "puskesmas")
    assert q is not None and q.speaker_name == "Herman Syah"


def test_quote_paragraph_following_attributed_one() -> None:
    text = ('Ketua DPRD Permai Sinta Dewi mengatakan, "Anggaran iuran PBI sudah kami sahkan."\n'
            '"Jumlahnya cukup untuk 30.000 jiwa sampai akhir tahun."')
    assert who(text, "30.000 jiwa") == "Sinta Dewi"


# --- helpers ---------------------------------------------------------------------------------------

def test_split_sentences_keeps_initials() -> None:
    text = "Kata M. Rizal hari ini. Ia hadir.\nParagraf dua."
    spans = split_sentences(text)
    assert [text[a:b] for a, b in spans] == ["Kata M. Rizal hari ini.", "Ia hadir.", "Paragraf dua."]


def test_speaker_at_none_outside() -> None:
    assert speaker_at([], 0, 3) is None


def test_linear_time_on_adversarial_input() -> None:
    bad = ('"' * 2000 + " kata " * 2000 + "A. " * 3000 + "Kepala " * 2000 + ", " * 2000)
    t0 = time.perf_counter()
    quotes(bad)
    assert time.perf_counter() - t0 < 10.0  # catastrophic-backtracking guard, not a speed test


def test_name_then_title_apposition_gives_fullest_form() -> None:
    text = ("Hendra Wijaya Kusuma, Anggota Komisi IX DPR, hadir dalam kunjungan kerja.\n"
            '"Pemda harus menambah peserta PBI tahun depan," kata Hendra.')
    q = at(text, "peserta PBI")
    assert q is not None and q.speaker_name == "Hendra Wijaya Kusuma"
    assert q.speaker_role == "Anggota Komisi IX DPR"


# --- organisation and place words before a name (issue 5, class 1) ------------------------------------

@pytest.mark.parametrize("intro,name", [
    ("Kepala Kanwil Kemenkumham NTB Marlina D. Sari", "Marlina D. Sari"),          # acronym ends the role
    ("Kepala Otorita IKN Bagus Prasetyo", "Bagus Prasetyo"),
    ("Kepala Kantor Cabang BPJS Kesehatan Makassar Ishak Rahman", "Ishak Rahman"),  # gazetteer place
    ("Juru bicara Kominfo Dedi Kurnia", "Dedi Kurnia"),                             # ministry by its shape
    ("Menteri Koordinator Bidang Perekonomian Arif Hartono", "Arif Hartono"),       # -an field noun
    ("Direktur PT Sehat Sentosa Tbk Melia Tan", "Melia Tan"),
    ("Ketua Umum PP Muhammadiyah Haris Nasir", "Haris Nasir"),
    ("Kepala Biro Humas Polri Brigjen Pol Rudi Hartanto", "Rudi Hartanto"),         # rank + corps
    ("Kepala Pelayanan Mata JEC Group Prof. DR. Dr. Widya Lestari", "Widya Lestari"),
    ("Fungsional Perencana Kementerian PPN/Bappenas Hana Pertiwi", "Hana Pertiwi"),
])
def test_role_words_are_not_part_of_the_name(intro: str, name: str) -> None:
    text = f"{intro} mengatakan sebanyak 12.000 warga belum terdaftar sebagai peserta JKN."
    q = at(text, "12.000 warga")
    assert q is not None and q.speaker_name == name


def test_company_after_pt_is_an_organisation() -> None:
    text = "PT Sehat Sentosa menyebut klinik mitra melayani 3.000 peserta JKN setiap bulan."
    q = at(text, "3.000 peserta")
    assert q is not None and q.speaker_name is None and q.speaker_org == "PT Sehat Sentosa"


def test_place_cue_word_is_not_a_person() -> None:
    text = 'Sementara itu, Salim (60) warga Baduy mengaku sudah terdaftar sebagai peserta PBI sejak 2020.'
    q = at(text, "peserta PBI")
    assert q is None or q.speaker_name != "Baduy"


# --- full names without a capitalised title (class 2) -------------------------------------------------

@pytest.mark.parametrize("intro,full,short", [
    ("Menurut anggota Komisi IX DPR Rahmat Hidayat Lubis, anggaran PBI perlu ditambah.", "Rahmat Hidayat Lubis",
     "Rahmat"),
    ("Hal itu dirasakan seorang petugas puskesmas, Ahmad Fauzan, saat melayani warga.", "Ahmad Fauzan", "Fauzan"),
    ("Ketua Perkumpulan Klinik Pratama Nusantara (PKPN), Liliana Dewi, hadir dalam rapat.", "Liliana Dewi",
     "Liliana"),
    ("Salah satunya dialami Ponidi Tanjung (70) yang merupakan pensiunan guru.", "Ponidi Tanjung", "Ponidi"),
    ("Pengalaman itu dituturkan penyanyi senior, Ikhsan Fauzi, lewat akun pribadinya.", "Ikhsan Fauzi", "Ikhsan"),
])
def test_full_name_registered_from_any_apposition(intro: str, full: str, short: str) -> None:
    text = f'{intro}\n"Iuran untuk 5.000 warga miskin harus dijamin pemda," kata {short}.'
    assert who(text, "5.000 warga") == full


def test_sentence_opener_is_not_a_first_name() -> None:
    text = ("Presiden Konfederasi Serikat Pekerja Nusantara (KSPN) Said Ikbal menolak kenaikan iuran.\n"
            "Walaupun Ikbal menuturkan bahwa 40 persen anggotanya belum terdaftar, aksi tetap digelar.")
    assert who(text, "40 persen") == "Said Ikbal"


def test_shortened_name_matches_start_of_full_word() -> None:
    text = ("Ketua KPU Kota Kendari Syamsudin mengatakan petugas pemilu wajib terdaftar.\n"
            '"Kami data 1.200 petugas yang belum terdaftar," jelas Syamsu.')
    assert who(text, "1.200 petugas") == "Syamsudin"


# --- nicknames (class 3) ------------------------------------------------------------------------------

@pytest.mark.parametrize("intro", [
    "Agustian Pratama, yang akrab disapa Ardi, sudah lima tahun menjadi peserta mandiri.",
    "Agustian Pratama atau yang lebih akrab dipanggil Ardi sudah lima tahun menjadi peserta mandiri.",
    "Agustian Pratama, sapaan akrabnya Ardi, sudah lima tahun menjadi peserta mandiri.",
    "Ardi, panggilan akrab Agustian Pratama, sudah lima tahun menjadi peserta mandiri.",
    "Agustian Pratama (Ardi) sudah lima tahun menjadi peserta mandiri.",
])
def test_nickname_resolves_to_full_name(intro: str) -> None:
    text = f'{intro}\n"Biaya operasi Rp80 juta ditanggung semua," kata Ardi.'
    assert who(text, "Rp80 juta") == "Agustian Pratama"


def test_title_then_bracketed_nickname() -> None:
    text = ('Presiden Joko Santoso (Jokos) meninjau rumah sakit daerah.\n'
            '"Semua pasien JKN harus dilayani, termasuk 900 pasien baru," ujar Jokos.')
    assert who(text, "900 pasien") == "Joko Santoso"


# --- not a person (class 4) ---------------------------------------------------------------------------

def test_organisation_named_in_a_role_is_not_a_person_later() -> None:
    text = ("Founder and CEO Medikanomi, Bram S. Wibowo, mengumumkan pemenang penghargaan.\n"
            "Menurut Medikanomi, 85 persen responden puas dengan layanan BPJS Kesehatan.")
    q = at(text, "85 persen")
    assert q is not None and q.speaker_name is None and q.speaker_org == "Medikanomi"


def test_word_written_in_lower_case_elsewhere_is_not_a_name() -> None:
    text = ("Program BPJS Kesehatan Mendengar digelar di sepuluh kota. Petugas hadir untuk mendengar keluhan.\n"
            "Kegiatan Kesehatan Mendengar mengatakan bahwa 70 persen keluhan soal antrean.")
    q = at(text, "70 persen")
    assert q is None or q.speaker_name is None


@pytest.mark.parametrize("sentence", [
    '"Dana dapat dipakai untuk 2.000 peserta," tulis Pasal 3 Ayat 2 peraturan itu.',
    "Hadiah Nobel menyebut 2.000 peserta penelitian itu berasal dari tiga negara.",
    "Pihak CNNIndonesia.com menyebut 2.000 peserta sudah mendaftar.",
])
def test_documents_and_prizes_are_not_people(sentence: str) -> None:
    q = at(sentence, "2.000 peserta")
    assert q is None or q.speaker_name is None


# --- scraper glue (class 5) ---------------------------------------------------------------------------

@pytest.mark.parametrize("glued", [
    "Semua peserta JKN-KIS.Direktur Utama BPJS Kesehatan Fajar Idris mengatakan",
    "Ada 30 klinik (FKTP).Direktur Utama BPJS Kesehatan Fajar Idris mengatakan",
    "Iuran Ditanggung BPJSDirektur Utama BPJS Kesehatan Fajar Idris mengatakan",
    "Klinik POLRI.Direktur Utama BPJS Kesehatan Fajar Idris mengatakan",
])
def test_scraper_glue_is_split(glued: str) -> None:
    text = f"{glued} antrean daring sudah dipakai 300 rumah sakit."
    assert who(text, "300 rumah sakit") == "Fajar Idris"


def test_glued_short_name_expands() -> None:
    text = ("Presiden serikat buruh Said Ikbal menolak rencana itu.\n"
            "Iuran Ditanggung BPJSIkbal mengatakan 15 persen buruh belum terdaftar.")
    assert who(text, "15 persen") == "Said Ikbal"


def test_headline_in_title_case_is_not_a_name() -> None:
    text = ("Menkes Sebut Tidak Ada Kenaikan Iuran tahun ini. Pemerintah tidak ada rencana itu.\n"
            "Sebelumnya, Menkes Budi Santoso Wijaya menyebut 20 persen rumah sakit belum siap.\n"
            '"Kami siapkan anggaran untuk 50 rumah sakit," kata Menkes.')
    assert who(text, "50 rumah sakit") == "Budi Santoso Wijaya"


# --- one tokenisation per article (performance) ---------------------------------------------------------

def test_article_is_tokenised_once(monkeypatch) -> None:
    import jkn_extract.tokens as tokens
    calls = []
    real = tokens.tokenize
    monkeypatch.setattr(tokens, "tokenize", lambda *a, **k: calls.append(1) or real(*a, **k))
    text = "\n".join(f'"Capaian sudah {i} persen," kata Kepala Dinas Kesehatan Budi Santoso.' for i in range(30))
    quotes(text)
    assert len(calls) == 1


def test_contracted_name_matches_its_full_form() -> None:
    text = ("Presiden Joko Santoso mengumumkan vaksinasi gratis bagi peserta JKN.\n"
            '"Semua 270 juta warga dapat vaksin," kata Jokosan.')
    assert who(text, "270 juta") == "Joko Santoso"


def test_lower_case_branch_word_keeps_the_place_in_the_role() -> None:
    text = "Kepala BPJS Kesehatan cabang Sleman Rina Kartika mengungkapkan, kepesertaan JKN terus naik."
    q = at(text, "kepesertaan JKN")
    assert q is not None and (q.speaker_name, q.speaker_role) == ("Rina Kartika", "Kepala BPJS Kesehatan cabang Sleman")


def test_appositive_role_and_adverb_before_a_proposal_verb() -> None:
    text = "Sebelumnya, Budi Santoso, Anggota Komisi IX DPR pernah mengusulkan agar iuran kelas standar dihitung ulang."
    q = at(text, "iuran kelas standar")
    assert q is not None and (q.speaker_name, q.speaker_role) == ("Budi Santoso", "Anggota Komisi IX DPR")


def test_acting_title_abbreviation_is_a_role_not_a_name() -> None:
    text = '"Iuran ditentukan oleh jenis kepesertaan JKN," jelas Pps Kepala Humas BPJS Kesehatan Rina Kartika kepada wartawan.'
    q = at(text, "jenis kepesertaan")
    assert q is not None and (q.speaker_name, q.speaker_role) == ("Rina Kartika", "Pps Kepala Humas BPJS Kesehatan")


def test_region_inside_an_organisation_name_ends_it_before_the_person() -> None:
    text = "Direktur Rumah Sakit Bhakti Mulia Surabaya Rina Kartika mengatakan, layanan peserta JKN lancar."
    q = at(text, "layanan peserta")
    assert q is not None and q.speaker_name == "Rina Kartika"


def test_office_at_a_ministry_stays_in_the_role() -> None:
    text = '"Iuran peserta PBI JKN dibayar APBN," ujar Kepala Biro Humas di Kementerian Keuangan Rina Kartika.'
    q = at(text, "dibayar APBN")
    assert q is not None and (q.speaker_name, q.speaker_role) == ("Rina Kartika", "Kepala Biro Humas di Kementerian Keuangan")


def test_region_after_an_office_is_not_a_person() -> None:
    text = "Kepala Dinas Kesehatan Kulon Progo mengatakan anggaran iuran peserta JKN akan naik."
    q = at(text, "anggaran iuran")
    assert q is None or q.speaker_name is None


def test_capitalised_speech_verb_after_a_quote_is_not_a_name() -> None:
    text = 'Gubernur Maju Rina Kartika meninjau layanan BPJS Kesehatan. "Pelayanan sudah membaik," Jelas Rina.'
    q = at(text, "Pelayanan sudah")
    assert q is not None and q.speaker_name == "Rina Kartika"


def test_mid_sentence_kata_dia_without_its_first_comma() -> None:
    text = ("Kepala BPJS Kesehatan Cabang Maju Rina Kartika hadir. "
            "Sedangkan untuk jumlah peserta JKN di cabang itu saat ini kata dia, sebanyak 412.300 peserta.")
    assert who(text, "412.300 peserta") == "Rina Kartika"


def test_region_listed_after_a_connector_is_not_part_of_the_name() -> None:
    text = ("Deputi Direksi BPJS Kesehatan Wilayah Sumatera Selatan dan Bengkulu Rina Kartika mengatakan, "
            "kepesertaan JKN terus naik.")
    assert who(text, "kepesertaan JKN") == "Rina Kartika"


def test_nickname_in_brackets_before_the_verb() -> None:
    text = "Pasalnya, Presiden Budi Santoso (Budsan) telah menegaskan iuran JKN tidak boleh naik."
    assert who(text, "iuran JKN") == "Budi Santoso"


def test_senior_after_a_title_stays_in_the_role() -> None:
    text = "Ekonom Senior Rina Kartika menyayangkan penghapusan peserta PBI JKN."
    q = at(text, "penghapusan peserta")
    assert q is not None and (q.speaker_name, q.speaker_role) == ("Rina Kartika", "Ekonom Senior")


def test_mayor_title_word_is_no_place_evidence() -> None:
    text = ('"Izin tidak dikeluarkan bagi badan usaha yang tidak mendaftar BPJS Kesehatan," tegas Wali Kota Rina. '
            '"Masih ada 500 ribu penduduk belum terdaftar JKN," terang Wali Kota Medan Rina Kartika di Medan, Rabu.')
    assert who(text, "500 ribu penduduk") == "Rina Kartika"


def test_repeated_name_token_is_a_lost_sentence_break() -> None:
    text = '"Kepatuhan badan usaha penting bagi JKN," ujar Sutardjo  Sutardjo menambahkan, upaya terus dilakukan.'
    assert who(text, "Kepatuhan badan") == "Sutardjo"


def test_explanation_sentence_continues_reported_speech() -> None:
    text = ("Rina Kartika mengatakan, tahun lalu menjadi masa yang mengesankan bagi BPJS Kesehatan. "
            "Ini karena peserta JKN bertambah dari 230 juta jiwa menjadi 241 juta jiwa.")
    assert who(text, "241 juta jiwa") == "Rina Kartika"


def test_title_with_a_comma_list_of_portfolios() -> None:
    text = ('"Peserta JKN di enam wilayah itu terus bertambah," kata Kepala Bidang SDM, Umum, dan Komunikasi '
            'Publik BPJS Kesehatan Cabang Maju Rina Kartika, di Maju, Senin.')
    q = at(text, "Peserta JKN di enam")
    assert q is not None and q.speaker_name == "Rina Kartika"
    assert q.speaker_role == "Kepala Bidang SDM, Umum, dan Komunikasi Publik BPJS Kesehatan Cabang Maju"


def test_articles_near_health_insurance_give_quotes_but_no_records() -> None:
    from jkn_extract.clean import clean_text
    from jkn_extract.pipeline import analyse
    text = ('Direktur Utama BPJS Ketenagakerjaan Rina Kartika mengatakan, peserta aktif mencapai 35 juta pekerja. '
            '"Kami terus memperluas perlindungan," kata Rina.')
    result = analyse(clean_text(text), "t", None)
    assert result.records == [] and {q["speaker_name"] for q in result.quotes} == {"Rina Kartika"}


def test_quote_left_open_before_the_next_one_ends_at_its_attribution() -> None:
    # the first quote's closing mark is missing: it must not swallow the next speaker's sentences
    text = ('Menteri Kesehatan Rina Kartika menegaskan iuran akan disatukan. "Ke depannya iuran ini jadi satu '
            'kata Rina saat di Jakarta, Senin. Ketentuan itu tertuang dalam Perpres. Direktur BPJS Kesehatan '
            'Budi Santoso mengatakan tarif baru akan dibahas. "Nanti dibahas dengan Kemenkeu," kata Budi.')
    assert who(text, "Ke depannya") == "Rina Kartika"
    assert who(text, "tarif baru") == "Budi Santoso"
    assert who(text, "Nanti dibahas") == "Budi Santoso"


def test_a_name_written_twice_is_one_name() -> None:
    text = '"Uji coba berjalan baik," ungkap Kepala Biro Humas Kemenkes Rina Kartika Dewi Rina Kartika kepada wartawan.'
    assert who(text, "Uji coba") == "Rina Kartika Dewi"


def test_titled_subject_after_an_opener_is_who_the_next_quote_refers_to() -> None:
    text = ('"Anggaran sudah siap," tegas Budi. Sementara itu, Menteri Kesehatan Rina Kartika menyerahkan kebijakan '
            'itu kepada pemerintahan berikutnya. "Itu harus tanya pemerintah tahun depan," ujarnya.')
    assert who(text, "Itu harus tanya") == "Rina Kartika"


def test_thanks_are_reported_speech() -> None:
    text = "Direktur Utama BPJS Kesehatan Budi Santoso mengucapkan terima kasih kepada Pemerintah Kabupaten Maju."
    assert who(text, "terima kasih") == "Budi Santoso"


def test_words_that_end_an_organisations_name_are_not_the_persons() -> None:
    text = ('"Kami siap membantu," kata Ketua Yayasan Warga Peduli Rina Kartika. Pengamat Kebijakan Publik Budi '
            'Santoso menilai program itu baik. "Program berjalan," ungkap Juru Bicara Pemerintah untuk Program '
            'Vaksinasi Sari Dewi kepada wartawan.')
    assert who(text, "Kami siap") == "Rina Kartika"
    assert who(text, "program itu baik") == "Budi Santoso"
    assert who(text, "Program berjalan") == "Sari Dewi"


def test_a_place_word_opening_a_place_takes_the_name_after_it() -> None:
    text = "Pimpinan Puskesmas Sungai Lebar Andi Mappa Lestari menyatakan, layanan JKN di puskesmas itu lancar."
    assert who(text, "layanan JKN") == "Andi Mappa Lestari"


def test_a_short_word_with_a_dot_before_a_capital_ends_a_sentence() -> None:
    text = '"Iuran harus adil," kata Andi. Menanggapi pernyataan itu, Rina Kartika mengatakan hal serupa.'
    assert who(text, "Iuran harus adil") == "Andi"
    # ... but listed name abbreviations keep their dot
    text = '"Iuran harus adil," kata Kepala Dinas Muh. Rizal Santoso di Makassar.'
    assert who(text, "Iuran harus adil") == "Muh. Rizal Santoso"


def test_a_short_quoted_term_stays_part_of_its_sentence() -> None:
    text = ('Kepala BPJS Kesehatan Budi Santoso hadir. Menurut dia, instruksi itu mengarah ke "universal health '
            'coverage (UHC)" yang secara nasional sudah di angka 86 persen.')
    assert who(text, "86 persen") == "Budi Santoso"


def test_an_event_adjunct_or_a_comma_adjunct_between_subject_and_verb() -> None:
    text = ("Direktur BPJS Kesehatan Rina Kartika saat peluncuran program di Desa Maju menjelaskan program itu "
            "mendukung JKN.")
    assert who(text, "mendukung JKN") == "Rina Kartika"
    text = ("Direktur Utama BPJS Kesehatan Budi Santoso, dalam beberapa kesempatan menyampaikan, kepesertaan JKN "
            "telah mencapai 98 persen.")
    assert who(text, "98 persen") == "Budi Santoso"


def test_professor_is_a_title_and_openers_are_no_names() -> None:
    text = '"Iuran harus naik," kata Guru Besar FKM UI Profesor Budi Santoso. Pasalnya, defisit terus membesar.'
    assert who(text, "Iuran harus naik") == "Budi Santoso"


def test_balinese_name_prefix_is_no_roman_numeral() -> None:
    text = '"Cakupan JKN sudah 96 persen," kata Kepala BPJS Kesehatan Wilayah Bali I Wayan Sudarma Putra.'
    assert who(text, "Cakupan JKN") == "I Wayan Sudarma Putra"
    text = "Anggota Komisi I DPR Budi Santoso mengatakan BPJS Kesehatan harus transparan."
    assert who(text, "harus transparan") == "Budi Santoso"


def test_a_relative_clause_with_a_role_between_subject_and_verb() -> None:
    text = ("Pada kesempatan itu, seorang praktisi, Rina Kartika Sari yang juga sebagai Dokter Spesialis Anak dan "
            "Konsultan Gizi-Klinik Anak mengatakan bahwa deteksi dini sangat penting bagi peserta JKN.")
    assert who(text, "deteksi dini") == "Rina Kartika Sari"


def test_the_person_of_a_subject_coordinated_with_an_organisation_speaks() -> None:
    text = "Menteri Kesehatan Budi Santoso dan BPJS Kesehatan memastikan belum ada perubahan iuran peserta JKN."
    q = at(text, "perubahan iuran")
    assert q is not None and q.speaker_name == "Budi Santoso"
    # two organisations: no person
    q = at("BPJS Kesehatan dan Dinas Kesehatan memastikan belum ada perubahan iuran peserta JKN.", "perubahan iuran")
    assert q is None or q.speaker_name is None


def test_long_names_titles_of_ministers_staff_and_the_republic() -> None:
    text = ('Hal ini diungkapkan Deputi Direksi BPJS Kesehatan, Ni Made Ayu Sri Ratna Dewi, Selasa. '
            '"Peserta kelas 3 tetap mendapat bantuan iuran," kata Ratna.')
    assert who(text, "tetap mendapat") == "Ni Made Ayu Sri Ratna Dewi"
    text = "Staf Khusus Menaker Rina Kartika menyebutkan bahwa JHT cair saat usia pensiun."
    q = at(text, "JHT cair")
    assert q is not None and (q.speaker_name, q.speaker_role) == ("Rina Kartika", "Staf Khusus Menaker")
    text = ('Presiden Republik Indonesia, Budi Santoso, mengapresiasi Program JKN. '
            '"Kita semua ingin rakyat sehat," ujarnya.')
    q = at(text, "rakyat sehat")
    assert q is not None and (q.speaker_name, q.speaker_role) == ("Budi Santoso", "Presiden Republik Indonesia")


def test_two_places_coordinated_inside_a_role() -> None:
    text = ('"Provinsi itu telah UHC," kata Deputi Direksi BPJS Kesehatan Wilayah Sumatera Utara dan Aceh '
            'Rahmawati di Banda Aceh, Selasa.')
    q = at(text, "telah UHC")
    assert q is not None and q.speaker_name == "Rahmawati"
    assert q.speaker_role == "Deputi Direksi BPJS Kesehatan Wilayah Sumatera Utara dan Aceh"


def test_according_to_him_without_its_comma() -> None:
    text = ("Dalam sambutannya Budi mengatakan, program UHC terealisasi berkat kerja keras. "
            "Menurutnya saat ini sudah 96 persen masyarakat kota tercover BPJS Kesehatan.")
    assert who(text, "96 persen") == "Budi"


def test_a_mark_never_closed_before_a_lower_case_term_is_no_quote() -> None:
    text = ('Dalam RPJMN, pencapaian cakupan jaminan kesehatan atau "universal health coverage (UHC), dengan target '
            '98 persen pada 2024. Kepala BPJS Kesehatan Cabang Maju Budi Santoso mengatakan hingga Juli 2023, '
            'jumlah peserta JKN di kabupaten itu mencapai 1.010.300 orang.')
    assert who(text, "1.010.300") == "Budi Santoso"


def test_the_agent_of_a_passive_speech_verb_speaks() -> None:
    text = "Program JKN dikritik. Penolakan juga disampaikan Rina (29), karyawan swasta dengan gaji Rp 5 juta per bulan."
    q = at(text, "karyawan swasta")
    assert q is not None and (q.speaker_name, q.verb, q.direct) == ("Rina", "disampaikan", False)
    text = "Hal itu diungkapkan oleh Deputi Direksi BPJS Kesehatan Budi Santoso saat rapat di Jakarta."
    assert who(text, "saat rapat") == "Budi Santoso"


def test_degrees_without_their_comma_and_fields_listed_in_a_role() -> None:
    text = '"Kami siap melayani semua peserta JKN," kata Kepala Dinas Kesehatan Budi Santoso M.Kes di Jakarta.'
    assert who(text, "Kami siap") == "Budi Santoso"
    text = ("Kepala Bidang Sumber Daya Manusia, Umum, dan Komunikasi Publik BPJS Kesehatan Cabang Maju Rina Kartika "
            "menyatakan narasi tersebut hoaks.")
    q = at(text, "narasi tersebut")
    assert q is not None and q.speaker_name == "Rina Kartika"
    assert q.speaker_role == "Kepala Bidang Sumber Daya Manusia, Umum, dan Komunikasi Publik BPJS Kesehatan Cabang Maju"


def test_discourse_openers_and_agencies_are_no_names() -> None:
    text = "Siti disarankan untuk biopsi di rumah sakit. Hasilnya, dokter mengatakan bahwa Siti mengidap kanker payudara."
    q = at(text, "mengidap kanker")
    assert q is None or q.speaker_name != "Hasilnya"
    text = "Deputi Komisioner BP Tapera Budi Santoso mengeklaim bahwa uang hasil iuran peserta dikelola dengan baik."
    q = at(text, "dikelola dengan baik")
    assert q is not None and q.speaker_name == "Budi Santoso"


def test_a_place_the_article_names_ends_the_role_before_a_one_word_name() -> None:
    text = ('Program JKN berjalan di Pulau Sumbawa. "Warga sudah terlindungi semua program JKN," kata Kepala BPJS '
            'Kesehatan Sumbawa Rahmat menjelaskan.')
    q = at(text, "terlindungi semua")
    assert q is not None and (q.speaker_name, q.speaker_role) == ("Rahmat", "Kepala BPJS Kesehatan Sumbawa")
    text = ("Kasus itu terjadi di Kecamatan Lembah Hijau. Kepala UPT Puskesmas Rawat Inap Lembah Hijau Sarmin "
            "mengakui pihaknya telah menemukan kasus itu.")
    assert who(text, "menemukan kasus") == "Sarmin"


def test_two_coordinated_persons_both_speak() -> None:
    text = ("Menteri Kesehatan Budi Santoso dan Direktur Utama BPJS Kesehatan Rina Kartika kompak menegaskan "
            "kehadiran KRIS bukan menghapus kelas peserta JKN.")
    names = [q.speaker_name for q in quotes(text)]
    assert names == ["Budi Santoso", "Rina Kartika"]
    # a field of a ministry before "dan" is no person
    text = "Menteri Energi dan Sumber Daya Mineral Budi Santoso mengatakan bahwa subsidi listrik dialihkan."
    assert "Energi" not in [q.speaker_name for q in quotes(text)]


def test_a_stray_comma_after_the_subject_and_more_speech_verbs() -> None:
    text = "Direktur Utama BPJS Kesehatan Budi Santoso, mengatakan bahwa kenaikan iuran JKN merupakan siasat."
    assert who(text, "siasat") == "Budi Santoso"
    text = "Kepala Badan Siber Letjen TNI Purn. Rina Kartika mengonfirmasi bahwa sistem BPJS Kesehatan punya celah."
    assert who(text, "punya celah") == "Rina Kartika"
    text = "Hal ini dikonfirmasi oleh Menteri Kesehatan Budi Santoso yang mengatakan vaksin JKN diprioritaskan."
    assert who(text, "diprioritaskan") == "Budi Santoso"
    text = "Asisten deputi bidang pelayanan, Rina Kartika, memberi imbauan untuk peserta JKN yang ingin turun kelas."
    assert who(text, "turun kelas") == "Rina Kartika"


def test_a_short_name_spelled_one_letter_off_and_a_statement_going_on_about_its_figure() -> None:
    text = ('"Masih ada 21 data yang perlu kami sinkronkan," kata Kepala BPJS Kesehatan Cabang Maju, Shanti Lestari, '
            'Jumat. Santi menyatakan angka itu kecil dari sekitar 28 ribu penduduk.')
    assert who(text, "28 ribu") == "Shanti Lestari"
    text = ("Direktur BPJS Kesehatan Rina Kartika mencatat cakupan peserta JKN mencapai 4,1 juta orang. "
            "Namun dari jumlah itu peserta yang aktif sebanyak 3,5 juta orang.")
    assert who(text, "3,5 juta") == "Rina Kartika"


def test_a_relative_clause_before_the_comma_and_two_agents_of_a_passive() -> None:
    text = "Presiden menemui seorang warga, yaitu Sarmin. Sarmin yang menderita sakit lambung, mengaku sangat terbantu JKN."
    assert who(text, "sangat terbantu") == "Sarmin"
    text = ("Ketua DJSN menolak definisi kelas standar yang diungkapkan Menteri Kesehatan Budi Santoso dan Anggota DJSN "
            "Rina Kartika.")
    assert [q.speaker_name for q in quotes(text)] == ["Budi Santoso", "Rina Kartika"]


def test_name_with_apostrophe_keeps_the_articles_spelling() -> None:
    from jkn_extract.clean import clean_text
    text = clean_text("Kepala Humas Dinas Kesehatan Anas Ma\u2019rufi menjelaskan iuran naik 5 persen.")
    assert who(text, "iuran naik") == "Anas Ma\u2019rufi"


def test_a_title_word_inside_a_name_and_a_common_word_before_an_initial() -> None:
    # "Hakim" is a title before a name, a name word after its first word
    text = "Kepala Dinas Kesehatan Kota Maju Arif M. Hakim mengungkapkan iuran naik. Hakim menambahkan hal itu baik."
    assert who(text, "iuran naik") == "Arif M. Hakim"
    assert who(text, "hal itu baik") == "Arif M. Hakim"
    # a word the article writes in lower case ("pers") ends the role before an initial
    text = "Ketua Dewan Pers S. Wirya mengatakan insentif diberikan. Hal itu disampaikan dalam keterangan pers."
    assert who(text, "insentif diberikan") == "S. Wirya"


def test_a_noun_opening_a_sentence_before_a_known_one_word_name_is_no_first_name() -> None:
    text = ("Sarimah tak pernah membayangkan harus melahirkan sendiri. Menurut Sarimah, program JKN menolongnya. "
            "Ingatan Sarimah melayang pada tahun itu. Ia mengungkapkan, dirinya pasrah.")
    assert who(text, "program JKN menolongnya") == "Sarimah"
    assert who(text, "dirinya pasrah") == "Sarimah"


@pytest.mark.parametrize("subject", ["Rudi (27)", "Rudi (27), pegawai swasta di Kota Maju,", "Rudi (31 tahun) seorang pedagang",
                                     "Rudi (bukan nama sebenarnya)"])
def test_a_person_with_a_bracketed_age_or_pseudonym_note_speaks(subject: str) -> None:
    text = f"Program JKN dibahas. Senada, {subject} memandang kelas standar punya dampak positif."
    assert who(text, "kelas standar") == "Rudi"


def test_a_name_with_an_age_after_a_place_word_is_no_place() -> None:
    text = 'Program JKN dibahas. Salah satunya dari Rachelia (28), pegawai swasta. "Duh, berat," ucap Rachelia kepada wartawan.'
    assert who(text, "Duh, berat") == "Rachelia"


def test_according_to_a_presentation_or_data_from_a_person() -> None:
    text = ("Program JKN dibahas. Berdasarkan pemaparan Deputi Direksi BPJS Kesehatan Rina Wulandari, pada 2023 "
            "peserta yang ikut skrining mencapai 30 juta.")
    assert who(text, "ikut skrining") == "Rina Wulandari"
    text = ("Program JKN dibahas. Berdasarkan data dari Ketua Umum Ikatan Dokter Maju, dr. Sari Lestiani, "
            "satu dari lima anak berisiko sakit ginjal.")
    assert who(text, "satu dari lima") == "Sari Lestiani"


def test_a_one_word_name_is_not_matched_by_an_initial_alone() -> None:
    assert covers("Muhammad Rizal", "M. Rizal") and not covers("M. Iqbal Anas", "Mursyid")
    text = ("Program JKN. Kepala Humas BPJS Kesehatan M. Iqbal Anas mengatakan iuran naik. "
            '"Iuran memperhitungkan aktuaria," ungkap Anggota DJSN Mursyid kepada wartawan.')
    assert who(text, "memperhitungkan aktuaria") == "Mursyid"


def test_two_apostrophes_close_a_quote_like_a_double_mark() -> None:
    from jkn_extract.clean import clean_text
    text = clean_text("\"Ada 2.000 warga yang belum sinkron datanya...''Kota Maju (ANTARA) - Anggota Dewan Pengawas "
                      "BPJS Kesehatan Rudi Hartanto mengatakan data warga bermasalah.\"Ada 2.000 warga yang belum "
                      "sinkron datanya, itu data kita,\" ujarnya.")
    assert who(text, "itu data kita") == "Rudi Hartanto"


def test_a_quote_whose_closing_mark_was_lost_stops_before_narration() -> None:
    text = ('Program JKN. Kepala BPJS Kesehatan Cabang Kota Maju, Rina Hartati mengatakan UHC tercapai. "Kami ucapkan '
            'terima kasih kepada Pemerintah Kota Maju. Pada acara itu, penghargaan diberikan kepada 20 provinsi. '
            'Sementara itu, Direktur Utama BPJS Kesehatan Budi Santoso mengatakan BPJS Kesehatan bekerja keras. '
            'Budi pun menekankan, setiap penduduk harus punya akses.')
    assert who(text, "bekerja keras") == "Budi Santoso"
    # ... and a closing mark whose opening was lost quotes only after the narration
    text2 = text + ' Layanan itu mencakup upaya promotif dan kuratif." Hal itu ia sampaikan di Jakarta.'
    assert who(text2, "bekerja keras") == "Budi Santoso"
    # the speaker's own "saya mengatakan" inside a quote is no narration
    text3 = '"Saya datang. Saya mengatakan kepada mereka untuk mendaftar," kata Rina Hartati, warga Kota Maju.'
    assert who(text3, "kepada mereka") == "Rina Hartati"


def test_a_mark_after_narration_opens_the_next_quote_when_the_one_before_was_never_closed() -> None:
    # the first quote lost its closing mark; the narration runs up to a glued mark that opens the next quote
    text = clean_text('Program JKN. "Biaya berobat jauh lebih besar dari iuran," kata Rina Hartati.Ia menambahkan '
                      'hal itu.\"Artinya iuran itu murah.Sementara seorang kader JKN Kota Maju, Dewi Lestari, mengakui '
                      'tugasnya berat."Kalau kami disebut penagih juga tidak tepat," kata dia.')
    assert who(text, "disebut penagih") == "Dewi Lestari"
    assert who(text, "tugasnya berat") == "Dewi Lestari"
    assert at(text, "disebut penagih").text.startswith("Kalau kami")


def test_a_hyphenated_name_stays_whole() -> None:
    text = "Program JKN. Direktur Lembaga Kajian Maju, Abdul-Rahman Wahidi, mengungkapkan bahwa kuncinya digitalisasi."
    assert who(text, "kuncinya digitalisasi") == "Abdul-Rahman Wahidi"
    # a dateline glued by a hyphen to a common word is no name
    text = "Jakarta-Beberapa waktu terakhir sosok Rina Wulan menjadi sorotan. Rina mengatakan ia bisa menyembuhkan beberapa."
    assert who(text, "bisa menyembuhkan") == "Rina Wulan"


def test_two_fields_joined_by_dan_after_an_acronym_in_a_role() -> None:
    text = ('Program JKN. "Cukup tunjukkan KTP," kata Asisten Deputi SDM, Umum dan Komunikasi BPJS Kesehatan '
            'Rudi Hartanto, saat memberikan keterangan pers.')
    assert who(text, "tunjukkan KTP") == "Rudi Hartanto"
    # people listed with their titles are no fields
    text = '"Cukup," kata Kepala Dinas Kesehatan Budi Santoso, Sekda Rina Wati dan Camat Tono.'
    assert who(text, "Cukup") == "Budi Santoso"


def test_company_name_confirmed_elsewhere_is_not_part_of_the_person() -> None:
    text = ("Bantuan itu dukungan PT Sinar Husada terhadap program JKN. Direktur Rumah Sakit Sinar Husada "
            "Wulandari menyampaikan bahwa donasi ini komitmen perusahaan. Guru Besar Universitas Tirtayasa "
            "Rahmat Hidayat mengatakan program itu penting.")
    assert who(text, "donasi ini") == "Wulandari"
    assert who(text, "program itu penting") == "Rahmat Hidayat"
    # ... a run ending before "atau" or "selaku" is the company's whole name too
    text = ("Obat tersedia di apotek Sehat Farma atau klinik mitra JKN. Direktur Utama Sehat Farma Rina Lestari "
            "mengatakan stok obat peserta JKN cukup.")
    assert who(text, "stok obat") == "Rina Lestari"


@pytest.mark.parametrize("phrase", ["memberikan estimasi", "memberikan gambaran", "memberikan contoh"])
def test_multiword_verb_before_the_statement(phrase: str) -> None:
    text = f"Kepala Dinas Kesehatan Budi Santoso pernah {phrase} kebutuhan anggaran iuran mencapai Rp 5 miliar."
    assert who(text, "kebutuhan anggaran") == "Budi Santoso"


def test_name_that_begins_with_a_hyphened_modifier_word() -> None:
    text = ("Direktur Bank Dunia Sang-Min Lee mengatakan program itu penting bagi Indonesia. "
            "\"Kami mendukung penuh,\" kata Sang-Min.")
    assert who(text, "program itu penting") == "Sang-Min Lee"
    assert who(text, "Kami mendukung") == "Sang-Min Lee"


def test_regency_the_gazetteer_knows_after_bupati_before_a_one_word_name() -> None:
    text = "Bupati Banyumas Sutrisno menjelaskan bahwa kepesertaan JKN di daerahnya terus naik."
    assert who(text, "kepesertaan JKN") == "Sutrisno"
    assert who("Bupati Budi Santoso menjelaskan bahwa kepesertaan JKN terus naik.", "kepesertaan JKN") == "Budi Santoso"


def test_multiword_adverb_between_a_coordinated_subject_and_its_verb() -> None:
    text = "Menteri Sosial Rina Hartati dan BPJS Kesehatan saat ini memastikan tidak ada perubahan data PBI."
    assert who(text, "tidak ada perubahan") == "Rina Hartati"


def test_statement_named_by_a_noun_is_its_persons_reported_speech() -> None:
    text = ("Anggota BPJS Watch Rudi Hartono mengkritik pernyataan Menteri Kesehatan Dewi Lestari dalam rapat itu, "
            "bahwa sistem kelas rawat inap menyalahi prinsip asuransi sosial.")
    assert who(text, "sistem kelas rawat inap") == "Dewi Lestari"
    assert who(text, "pernyataan Menteri") == "Rudi Hartono"


def test_statement_named_by_a_noun_and_a_relative_clause_of_speech() -> None:
    text = ("Direktur Utama BPJS Kesehatan Rudi Hartono membantah hal itu. Ia sekaligus menepis pernyataan Menteri "
            "Kesehatan Dewi Lestari yang menyebut warga mampu lebih banyak memakai layanan. Menurut dia, peserta "
            "PBI justru lebih banyak berobat.")
    assert who(text, "warga mampu lebih banyak") == "Dewi Lestari"
    assert at(text, "warga mampu lebih banyak").text.startswith("warga mampu")
    # the person of the named statement is not who "dia" refers to next
    assert who(text, "peserta PBI justru") == "Rudi Hartono"
    text = "Program JKN. Namun selebriti Rina Putri berkomentar bahwa dia tidak akan menerima tawaran asuransi itu."
    assert who(text, "tidak akan menerima") == "Rina Putri"


def test_a_term_spelled_out_after_its_acronym_is_no_person() -> None:
    text = ("Menteri Keuangan Sri Wahyuni mengatakan dana masuk melalui FLPP (Fasilitas Likuiditas Pembiayaan "
            "Perumahan). FLPP adalah fasilitas likuiditas untuk rumah. \"Dana itu bergulir,\" jelas wanita yang akrab "
            "disapa Ani itu. Ani menyebut iuran PBI dibayar negara.")
    assert who(text, "iuran PBI dibayar") == "Sri Wahyuni"


def test_opening_cue_whose_comma_after_the_name_was_dropped() -> None:
    text = ("Direktur Utama BPJS Kesehatan Budi Santoso hadir. Hingga saat ini, tambah Budi sebanyak 40 FKTP "
            "telah menjadi mitra BPJS Kesehatan.")
    assert who(text, "sebanyak 40 FKTP") == "Budi Santoso"
    assert who("Sementara itu, kata kunci program JKN adalah gotong royong.", "gotong royong") is None


def test_according_to_a_presentation_of_a_person() -> None:
    text = "Dalam paparan Menteri Keuangan Sri Wahyuni, realisasi bantuan iuran mencakup 96,4 juta peserta PBI."
    assert who(text, "96,4 juta") == "Sri Wahyuni"


def test_a_village_the_article_names_is_not_part_of_the_person_after_it() -> None:
    text = ("Surat itu ditulis oleh aparat Pekon Sukamulya. Peratin (Kepala Desa) Sukamulya Hendriansyah mengakui "
            "keluarga itu belum terdaftar JKN.")
    assert who(text, "keluarga itu") == "Hendriansyah"
    bank = "Direktur Keuangan Bank Nagari Rini Putra berharap peserta JKN makin mudah membayar iuran."
    assert who(bank, "peserta JKN") == "Rini Putra"


@pytest.mark.parametrize("text, name", [
    ("Kasi Datun Rudi Hartanto Siregar mengatakan kepesertaan JKN buruh wajib.", "Rudi Hartanto Siregar"),
    ("Ekonom Indef Rahmat Hidayat mengatakan kepesertaan JKN harus naik.", "Rahmat Hidayat"),
])
def test_section_and_think_tank_words_belong_to_the_role(text: str, name: str) -> None:
    assert who(text, "kepesertaan JKN") == name


@pytest.mark.parametrize("intro, name", [
    # an English company word ends the organisation after a title
    ("Perencana Keuangan Griya Financial Planning Sinta Maharani", "Sinta Maharani"),
    # a university named by a word that is no place, after its head word
    ("Dosen Fakultas Ekonomi Universitas Gadjah Mada Rudy Hartanto", "Rudy Hartanto"),
    # a degree written without its comma is no organisation acronym
    ("Kepala Dinas Kesehatan Budi Santoso SH", "Budi Santoso"),
    # "H" after another honorific is Haji
    ("Ketua Yayasan Konsumen Sehat DR H Fauzi Ramli", "Fauzi Ramli"),
])
def test_organisation_and_degree_words_around_the_name(intro: str, name: str) -> None:
    text = f"{intro} mengatakan sebanyak 12.000 warga belum terdaftar sebagai peserta JKN."
    q = at(text, "12.000 warga")
    assert q is not None and q.speaker_name == name


def test_media_outlet_named_elsewhere_is_not_part_of_the_name() -> None:
    text = ('"Penilaian dilakukan terbuka," kata Pemimpin Redaksi Warta Niaga Bima Santosa, Senin (3/2). '
            'Hasilnya dipilih oleh redaksi Warta Niaga. "Ada 2.000 peserta JKN yang menilai," kata Bima.')
    q = at(text, "2.000 peserta")
    assert q is not None and q.speaker_name == "Bima Santosa"


def test_region_in_the_role_is_not_part_of_the_name() -> None:
    text = "Perwakilan Sudinkes Jakarta Barat Rina Wulandari AK berharap 3.000 peserta JKN ikut pemeriksaan."
    q = at(text, "3.000 peserta")
    assert q is not None and q.speaker_name == "Rina Wulandari"


def test_function_word_opening_the_sentence_is_not_a_first_name() -> None:
    text = ("Program JKN dikelola BPJS Kesehatan.\n\nProgram JKN membantu warga berobat ketika sakit.  Adalah Darmin Saputra (46), warga Desa Sukamaju yang menjadi peserta JKN. "
            "Saputra menyebutkan ada 300 peserta JKN di desanya. Dia adalah petani.")
    from jkn_extract.pipeline import analyse
    said = {q["speaker_name"] for q in analyse(text, "t", None).quotes}
    assert said == {"Darmin Saputra"}


@pytest.mark.parametrize("first", ["Awal", "Dini"])
def test_stop_word_that_opens_names_keeps_its_place(first: str) -> None:
    text = (f"Sejak dini, pada awal tahun, ada 400 peserta JKN baru. Hal itu disampaikan hari ini. "
            f'"Kami terus mendaftarkan warga," ujar {first} Kurniawan. "Ada 500 peserta lagi," kata {first}.')
    q = at(text, "500 peserta")
    assert q is not None and q.speaker_name == f"{first} Kurniawan"


def test_field_word_before_honorifics_belongs_to_the_role() -> None:
    text = ('Ketua Majelis Bidang Fatwa Prof KH Ahmad Fauzi Rahman menyebut 600 peserta JKN terbantu. '
            '"Negara hadir," tegas Ketua Majelis itu.')
    q = at(text, "Negara hadir")
    assert q is not None and q.speaker_name == "Ahmad Fauzi Rahman"


def test_university_name_is_not_registered_as_part_of_the_person() -> None:
    text = ('Analis Pasar dan Pengajar Kelas MM-Fakultas Hukum Universitas Gadjah Mada Rudy Hartanto '
            'mengatakan wajar saja. "Semua peserta punya hak yang sama," kata Rudy kepada wartawan.')
    assert {q.speaker_name for q in quotes(text)} - {None} == {"Rudy Hartanto"}


def test_person_introduced_with_an_age_is_who_katanya_refers_to() -> None:
    text = ('Program JKN membantu banyak warga. Salah satunya Darmin Saputra (56), warga Desa Sukamaju. '
            '"Saya berobat dengan kartu JKN sejak 2019," katanya.')
    q = at(text, "sejak 2019")
    assert q is not None and q.speaker_name == "Darmin Saputra"


def test_name_after_dari_with_a_speech_verb_is_no_place() -> None:
    text = ('Ekonom Lembaga Riset Nusantara Indonesia Yoga Pratama Wijaya mengatakan 2.000 peserta JKN baru '
            'mendaftar. Proyeksi dari Yoga memperkirakan pemulihan pada 2021.')
    q = at(text, "2.000 peserta")
    assert q is not None and q.speaker_name == "Yoga Pratama Wijaya"


def test_known_region_before_a_resident_name_is_no_part_of_it() -> None:
    text = "Sebagai peserta JKN, warga Jakarta Timur Rudi Hermawan menyebut 700 peserta JKN memakai aplikasi itu."
    q = at(text, "700 peserta")
    assert q is not None and q.speaker_name == "Rudi Hermawan"


def test_a_specialists_degree_without_dots_is_no_part_of_the_name():
    text = "Ketua komite medis rumah sakit itu, dr. Rina Wulandari SpAn, menegaskan antrean operasi makin panjang."
    assert who(text, "antrean operasi") == "Rina Wulandari"
    # ... nor a dentist's title
    assert who("Jadwal praktik baru itu dibenarkan oleh Kepala Puskesmas Drg Rina Wulandari.", "Jadwal praktik") == "Rina Wulandari"


def test_a_hearsay_adverb_opening_a_sentence_is_no_speaker():
    text = "Kabarnya ketika listrik padam, perawat tetap bertugas dan keluarga pasien menduga genset rusak."
    assert [q.speaker_name for q in quotes(text)] == [None] * len(quotes(text))


@pytest.mark.parametrize("verb", ["dibenarkan", "dibantah"])
def test_a_statement_confirmed_or_denied_by_someone_names_them(verb):
    text = f"Kabar bahwa rumah sakit penuh telah {verb} oleh Direktur RSUD Kota Maju dr Budi Santoso."
    assert "Budi Santoso" in {q.speaker_name for q in quotes(text)}


def test_a_place_word_ending_a_subheading_does_not_make_the_name_below_it_a_place() -> None:
    text = ("Direktur Utama BPJS Kesehatan Rudi Hartono membenarkan bahwa kartu bisa dipakai.\n"
            "Ketentuan berobat di luar kota\n"
            "Hartono menyampaikan bahwa peserta di luar wilayah tempat tinggal bisa berobat.")
    assert at(text, "kartu bisa dipakai").speaker_name == "Rudi Hartono"
    assert at(text, "kartu bisa dipakai").speaker_role == "Direktur Utama BPJS Kesehatan"
    assert who(text, "di luar wilayah") == "Rudi Hartono"


def test_a_description_noun_opening_a_nickname_sentence_names_the_person_before() -> None:
    text = ("Program JKN. Direktur Jenderal Agus Wiyanto dilantik pekan lalu. Pria yang akrab disapa Yanto ini "
            "juga mendaftar. \"Ini mutasi biasa,\" ujar Yanto.")
    assert who(text, "mutasi biasa") == "Agus Wiyanto"


def test_a_dateline_hyphen_before_a_name_and_a_public_figure_by_trade() -> None:
    text = "Jakarta-Selebriti Rina Putri mengaku ogah memakai BPJS Kesehatan untuk persalinan."
    q = at(text, "ogah memakai")
    assert (q.speaker_name, q.speaker_role) == ("Rina Putri", "Selebriti")
    text = "Jakarta-Budi Santoso mengaku terbantu program JKN."
    assert who(text, "terbantu program") == "Budi Santoso"


def test_corporate_vice_presidents_and_a_company_name_before_the_person() -> None:
    text = "Sementara itu, SVP Telkom Sigma Rudi Hartanto menuturkan, perusahaannya siap mendukung penyelidikan."
    q = at(text, "perusahaannya siap")
    assert (q.speaker_name, q.speaker_role) == ("Rudi Hartanto", "SVP Telkom Sigma")
    # the company alone is no person
    assert who("Perusahaan itu, TelkomSigma, menyatakan akan membantu penanganan kasus itu.", "akan membantu") is None


def test_a_noun_about_a_person_heading_the_sentence_is_no_name_word() -> None:
    text = ("Menteri itu melantik Budi Raharjo pada Jumat. Wajah Budi Raharjo mulai dikenal publik. "
            "Budi menegaskan mutasi itu biasa.")
    assert who(text, "mutasi itu biasa") == "Budi Raharjo"


def test_a_compound_acronym_with_a_short_head_is_one_organisation() -> None:
    text = "\"Kami terus menagih,\" kata Ketua Konfederasi Buruh Maju (K-SBM) DIY Rudi Santoso Wibowo saat dihubungi."
    q = at(text, "terus menagih")
    assert (q.speaker_name, q.speaker_role) == ("Rudi Santoso Wibowo", "Ketua Konfederasi Buruh Maju (K-SBM) DIY")
    assert who("\"Kami terus menagih,\" kata Ketua PD-IPM Rudi Santoso.", "terus menagih") == "Rudi Santoso"


def test_a_nickname_shortening_a_single_word_name_named_before() -> None:
    text = ("Petugas puskesmas desa, Wahyuningsih, kini juga menjadi kader JKN. Nama desanya dalam Bahasa Jawa "
            "berarti sumber. Perempuan yang akrab disapa Wahyu itu bercerita soal warganya. "
            "Wahyu mengingatkan warga agar segera mendaftar.")
    assert who(text, "agar segera mendaftar") == "Wahyuningsih"


def test_degrees_apposed_between_the_name_and_the_verb() -> None:
    text = "Dokter spesialis Prof dr Rini Hapsari, SpRad(K), OnkRad, menyebut radioterapi kini dijamin BPJS Kesehatan."
    assert who(text, "radioterapi kini") == "Rini Hapsari"


def test_a_region_after_the_organisation_of_a_role_is_no_part_of_the_name() -> None:
    q = at("\"Perawat harus dilindungi,\" ujar Ketua DPD PPNI Jakarta Utara Hartono, Senin.", "harus dilindungi")
    assert (q.speaker_name, q.speaker_role) == ("Hartono", "Ketua DPD PPNI Jakarta Utara")


@pytest.mark.parametrize("text, needle, name", [
    ("Dimana Sutrisno menegaskan agar data pajak dipertukarkan.", "data pajak", "Sutrisno"),
    ("Oleh karena itu Kejari mengimbau perusahaan segera mendaftarkan buruhnya.", "perusahaan segera", None),
    ("\"Iuran naik,\" ungkap Siaran Pers LSM Sehat.", "Iuran naik", None),
    ("\"Kenaikan iuran memukul warga,\" kata Konsultan Data Indonesia Herry Santoso.", "memukul warga", "Herry Santoso"),
])
def test_words_that_open_or_name_no_person(text: str, needle: str, name: str | None) -> None:
    assert who(text, needle) == name


def test_a_caption_with_vs_run_into_the_next_sentence_is_no_name() -> None:
    text = ("Menteri Kesehatan Bagus Santoso Wirawan meninjau penerapan kelas standar. \"Kamar dibuat sama,\" tutur "
            "Bagus. GRAFIS, Ruang Kelas 1,2,3 Vs Kelas Standar Bagus memastikan tidak ada perubahan iuran.")
    assert who(text, "tidak ada perubahan iuran") == "Bagus Santoso Wirawan"


@pytest.mark.parametrize("text, needle, name", [
    ("Pengamat Ekonomi Rudi Santoso berpendapat laporan itu perlu dibuka.", "laporan itu", "Rudi Santoso"),
    ("Dalam acara itu, Menteri Pariwisata dan Ekonomi Kreatif Rudi Santoso mengungkapkan wisata mulai pulih.",
     "wisata mulai pulih", "Rudi Santoso"),
    ("Ketua Komite Penanganan Covid-19 dan Pemulihan Ekonomi Rudi Santoso memaparkan lima program.", "lima program",
     "Rudi Santoso"),
    ("Dirjen Pencegahan dan Pengendalian Penyakit Rudi Santoso mengatakan peserta JKN bertambah.", "bertambah",
     "Rudi Santoso"),
])
def test_fields_of_a_role_are_no_first_name(text: str, needle: str, name: str) -> None:
    assert who(text, needle) == name


def test_an_article_on_the_standard_inpatient_class_is_read_for_quotes() -> None:
    from jkn_extract.pipeline import analyse
    text = ("Jakarta - Wakil Menteri Kesehatan Rudi Santoso menyebut 3.050 rumah sakit bersiap menjalankan kelas "
            "rawat inap standar. \"Sebagian besar sudah memenuhi syarat,\" kata Rudi.")
    result = analyse(clean_text(text), "t", None)
    assert result.records == [] and {q["speaker_name"] for q in result.quotes} == {"Rudi Santoso"}


def test_four_letter_short_forms_and_typos_of_a_name_named_before() -> None:
    text = ("\"Iuran tetap,\" kata Kepala Humas BPJS Kesehatan Arif Wibowo kepada wartawan. "
            "Aris menuturkan, warga miskin iurannya dibayar pemerintah.")
    assert who(text, "warga miskin iurannya") == "Arif Wibowo"
    text = ("Sekretaris Kementerian Susilawati Rahayu meninjau program itu. Program berjalan baik, lanjut Susi.")
    assert who(text, "Program berjalan baik") == "Susilawati Rahayu"


def test_a_promise_is_a_statement() -> None:
    text = "Program JKN dibahas. Wali Kota Maju Rudi Hartono berjanji akan menanggung iuran warga miskin tahun depan."
    assert who(text, "menanggung iuran") == "Rudi Hartono"
    # ... and the informal "bilang" says it
    text = "Program JKN dibahas. Anggota DJSN Rudi Hartono bilang program itu dijalankan tahun depan."
    assert who(text, "dijalankan tahun depan") == "Rudi Hartono"


def test_a_title_ending_in_a_place_word_takes_the_place_after_it() -> None:
    text = "Program JKN dibahas. Kepala Puskesmas Sukamaju Rina Lestari mengatakan antrean peserta JKN kini singkat."
    q = at(text, "antrean peserta")
    assert (q.speaker_name, q.speaker_role) == ("Rina Lestari", "Kepala Puskesmas Sukamaju")
    # ... but not a short name: the only capitalised words after the title are the name
    assert who("Program JKN dibahas. Kepala Puskesmas Rina Lestari mengatakan antrean kini singkat.", "antrean") \
        == "Rina Lestari"


def test_a_nickname_in_brackets_after_an_honorific_stands_for_the_full_name() -> None:
    text = ("Ketua Umum Partai Maju Abdul Karim Hasan (Gus Aim) meninjau layanan JKN. "
            "Menurut Gus Aim, iuran peserta mandiri jangan dinaikkan.")
    assert who(text, "iuran peserta mandiri") == "Abdul Karim Hasan"


def test_a_police_information_head_is_a_title() -> None:
    text = "Program JKN dibahas. Kabagpenum Divisi Humas Polri Kombes Pol Budi Santoso mengatakan berkas lengkap."
    q = at(text, "berkas lengkap")
    assert (q.speaker_name, q.speaker_role) == ("Budi Santoso", "Kabagpenum Divisi Humas Polri")


def test_a_region_apposed_to_an_office_is_no_speaker() -> None:
    text = ("Kota Maju (ANTARA) - Kepala BPJS Kesehatan Cabang Kota Maju, Jawa Tengah, meminta peserta JKN "
            "melapor bila dipungut biaya.")
    assert who(text, "melapor bila") is None
    # ... an island too, which is no region of the gazetteer
    text = "Kota Maju (ANTARA) - Kepala BPJS Kesehatan Cabang Pamekasan, Madura, meminta peserta JKN membayar iuran."
    assert who(text, "membayar iuran") is None
    # ... nor one apposed to a venue inside a person's relative clause: the person speaks
    text = "Program JKN dibahas. Sari, yang berjualan di pinggir Pasar Baru, Jawa Tengah, juga mengaku khawatir iuran naik."
    assert who(text, "khawatir iuran") == "Sari"


def test_a_watchdog_written_in_one_word_is_an_organisation() -> None:
    text = ("Program JKN dibahas. Kesehatanwatch mendesak DPR menunda pembahasan RUU itu. "
            "Sekretaris Kesehatanwatch Budi Santoso mengatakan, iuran tidak boleh naik.")
    assert who(text, "menunda pembahasan") is None
    assert who(text, "iuran tidak boleh") == "Budi Santoso"


@pytest.mark.parametrize("subject, name, role", [
    ("Corporate Affairs Officer PT Semesta Rina Lestari", "Rina Lestari", "Corporate Affairs Officer PT Semesta"),
    ("Menko Polhukam Budi Santoso", "Budi Santoso", "Menko Polhukam"),
    ("Peneliti Center of Economic Action Institution Rina Lestari", "Rina Lestari", "Economic Action Institution"),
    ("Brand Ambassador BPJS Kesehatan Budi Santoso", "Budi Santoso", "Brand Ambassador BPJS Kesehatan"),
    ("Nenek Rasminah", "Rasminah", None),
    ("psikolog Rina Lestari", "Rina Lestari", "psikolog"),
    ("Direktur Utama Rumah Sakit Sentosa Rina Lestari", "Rina Lestari", "Direktur Utama Rumah Sakit Sentosa"),
])
def test_title_words_and_honorifics_stay_out_of_the_name(subject: str, name: str, role: str | None) -> None:
    q = at(f"Program JKN dibahas. {subject} mengatakan layanan peserta JKN membaik.", "layanan peserta")
    assert (q.speaker_name, q.speaker_role) == (name, role)


def test_a_nickname_given_after_it_stands_for_the_person_named_before() -> None:
    # "X, sapaan akrabnya": the person the possessive points to; the nickname ends the name here
    text = ("Program JKN dibahas. Menteri Sosial Rina Hartati meninjau pendataan. "
            "Dalam kunjungan itu, Tati, sapaan akrabnya mengatakan data penerima bantuan iuran diperbarui.")
    assert who(text, "data penerima") == "Rina Hartati"
    # "X, sapaan wanita itu": a description after the cue, no name
    text = ("Program JKN dibahas. Sumarni Dewi sudah lama sakit ginjal. Arni, sapaan wanita 50 tahun itu, rutin cuci darah. "
            '"Saya sangat terbantu," kata Arni.')
    assert who(text, "sangat terbantu") == "Sumarni Dewi"


def test_a_two_word_name_after_an_organisation_is_its_name_before_an_apposed_person() -> None:
    text = ("Program JKN dibahas. Hal ini senada dengan yang diungkapkan oleh Direktur Rumah Sakit Umum (RSU) "
            "Siti Aminah, dr Budi Santoso, SpPD. \"Pasien JKN tetap kami layani,\" katanya.")
    q = at(text, "tetap kami layani")
    assert (q.speaker_name, q.speaker_role) == ("Budi Santoso", "Direktur Rumah Sakit Umum (RSU) Siti Aminah")


def test_a_bracketed_title_with_its_acronym_stays_in_the_role() -> None:
    text = ('Program JKN dibahas. "Negara hadir lewat JKN," kata Menteri Koordinator Bidang Pembangunan Manusia '
            "dan Kebudayaan (Menko PMK) Budi Santoso.")
    q = at(text, "Negara hadir")
    assert (q.speaker_name, q.speaker_role) == \
        ("Budi Santoso", "Menteri Koordinator Bidang Pembangunan Manusia dan Kebudayaan (Menko PMK)")


def test_a_place_before_a_name_that_opens_with_an_initial_is_no_part_of_it() -> None:
    text = "Program JKN dibahas. Anggota DPR asal Aceh M Rudi Hartono mengatakan iuran peserta mandiri jangan naik."
    assert who(text, "iuran peserta") == "M Rudi Hartono"


def test_the_members_named_after_a_group_as_the_agent_speak() -> None:
    text = ("Program JKN dibahas. Kabar itu telah dibantah oleh sejumlah pihak, termasuk Menteri Sosial Rina Lestari "
            "dan Kepala Dinas Kesehatan Budi Santoso.")
    assert {q.speaker_name for q in quotes(text)} == {"Rina Lestari", "Budi Santoso"}


def test_a_party_after_fraksi_stays_in_the_role() -> None:
    text = "Program JKN dibahas. Anggota Komisi IX DPR dari Fraksi Gerindra Rina Lestari mengatakan iuran jangan naik."
    assert who(text, "iuran jangan") == "Rina Lestari"


def test_speaking_up_is_a_statement_and_names_whom_dia_refers_to() -> None:
    text = ('Program JKN dibahas. Dokter Rina Lestari ikut buka suara soal antrean pasien JKN. '
            '"Pasien JKN harus dilayani sama," terang dia.')
    assert who(text, "soal antrean") == "Rina Lestari"
    assert who(text, "dilayani sama") == "Rina Lestari"
    # ... even when nothing follows the phrase: "dia" after it is that person
    text = ('Program JKN dibahas. Direktur Utama BPJS Kesehatan Budi Santoso pun buka suara. '
            'Dia mengatakan iuran peserta mandiri belum ditetapkan.')
    assert who(text, "iuran peserta mandiri") == "Budi Santoso"


def test_a_person_set_off_by_commas_before_a_relative_clause_or_a_role_speaks() -> None:
    text = ("Program JKN dibahas. Salah seorang peserta JKN, Rina Lestari, yang sedang berobat di Puskesmas Sukamaju "
            "mengatakan, program itu sangat membantunya.")
    assert who(text, "sangat membantunya") == "Rina Lestari"
    text = "Program JKN dibahas. Sementara, Rina Lestari, Senior Program Officer Lembaga ABC menyampaikan data harus dibuka."
    assert who(text, "data harus dibuka") == "Rina Lestari"
    # ... not a sentence opener before an organisation
    text = "Program JKN dibahas. Keempat, KPK meminta Kemenkes menerapkan urun biaya bagi peserta JKN."
    assert who(text, "menerapkan urun") is None


def test_a_titled_person_after_a_quote_ending_in_a_comma_said_it_without_a_verb() -> None:
    text = ('Program JKN dibahas. Menteri Kesehatan Budi Santoso meninjau rumah sakit. '
            '"Peserta mandiri harus membayar iuran tepat waktu," Anggota DJSN Rina Lestari beberapa waktu lalu.')
    assert who(text, "tepat waktu") == "Rina Lestari"


@pytest.mark.parametrize("intro, said", [
    ("Gubernur Maju Budi Santoso Wijaya atau Bonbon meninjau RSUD.", "kata Bonbon"),
    ("Budi Santoso Wijaya, yang karib dipanggil Bonbon, menjadi peserta JKN.", "kata Bonbon"),
])
def test_a_nickname_after_atau_or_karib_stands_for_the_full_name(intro: str, said: str) -> None:
    text = f'Program JKN dibahas. {intro} "Iuran warga miskin kami tanggung," {said}.'
    assert who(text, "Iuran warga miskin") == "Budi Santoso Wijaya"


def test_denying_is_speech_and_a_politician_is_a_title() -> None:
    assert who("Program JKN dibahas. Menteri Sosial Rina Lestari menampik tudingan data PBI bocor.", "tudingan") \
        == "Rina Lestari"
    assert who("Program JKN dibahas. Politikus Rina Lestari mengatakan iuran jangan naik.", "iuran jangan") \
        == "Rina Lestari"


def test_a_one_word_name_may_be_the_end_of_a_name_named_before() -> None:
    text = ('Program JKN dibahas. Kepala Puskesmas Sukamaju Muhammad Fakhriza meninjau antrean. '
            '"Peserta JKN kini dilayani lebih cepat," jelas Riza.')
    assert who(text, "dilayani lebih cepat") == "Muhammad Fakhriza"
    # ... not the end of a hyphened pair
    text = ('Program JKN dibahas. Pasangan Budi Pranowo-Mahmud berkampanye. '
            '"Iuran akan kami tanggung," kata Mahmud.')
    assert who(text, "Iuran akan") == "Mahmud"


def test_a_lower_case_description_before_an_honorific_and_a_name_after_kata() -> None:
    text = ('Program JKN dibahas. Menteri Kesehatan Budi Santoso meninjau. "Pelajari dulu manfaat polis," '
            'kata ahli asuransi kesehatan dr Rina Lestari dari Jakarta.')
    assert who(text, "manfaat polis") == "Rina Lestari"
