"""Metric typing and relevance, on invented sentences (one class of error per test)."""
from __future__ import annotations

import time

import pytest

from jkn_extract import extract
from jkn_extract.metrics import in_scope, metric_rules


def typed(text: str, published: str | None = None) -> list[tuple[str, float]]:
    return [(r.metric, r.value) for r in extract(text, "t", published)]


def one(text: str, published: str | None = None):
    records = extract(text, "t", published)
    assert len(records) == 1, records
    return records[0]


# --- positives that must stay ------------------------------------------------------------------

def test_coverage_population_and_gap_in_one_paragraph():
    text = ("Sebanyak 81,5 persen penduduk Kabupaten Maju sudah terdaftar dalam program JKN, "
            "dari total jumlah penduduk sebanyak 310.420 jiwa.\n"
            "Pemkab masih memerlukan peningkatan peserta JKN yakni sejumlah 57.300 jiwa.")
    assert typed(text) == [("jkn_coverage_pct", 81.5), ("population", 310420.0), ("coverage_gap", 57300.0)]


def test_bare_number_after_introducer_is_a_figure():
    text = "Cakupan kepesertaan JKN mencapai 90 persen dari total penduduk kota itu yakni 412.300."
    assert ("population", 412300.0) in typed(text)


def test_unit_noun_read_whole_beyond_the_figure():
    # "peserta PBI" starts inside the figure and ends after it: PBI, not all participants.
    assert typed("Di kabupaten itu tercatat 45.200 peserta PBI JKN.") == [("pbi_participants", 45200.0)]
    assert typed("Kini ada 12.800 peserta nonaktif BPJS Kesehatan.") == [("inactive_participants", 12800.0)]


def test_classifier_noun_yields_to_specific_cue():
    text = "Masih ada kuota PBI BPJS Kesehatan sebanyak 2,1 juta peserta pada Maret 2022."
    assert typed(text) == [("pbi_participants", 2100000.0)]
    text = "Sebanyak 300 ribu penduduk kota itu telah terdaftar sebagai peserta JKN."
    assert typed(text) == [("participants", 300000.0)]


def test_equivalence_overrides_classifier_noun_and_keeps_target_kind():
    text = "Peserta aktif JKN di provinsi itu sekitar 81 persen atau 2,2 juta peserta."
    assert typed(text) == [("active_participation_pct", 81.0), ("active_participants", 2200000.0)]
    records = extract("Pemerintah menargetkan pada 2026 cakupan kepesertaan JKN mencapai 98 persen "
                      "atau 1,1 juta jiwa.", "t")
    assert [(r.metric, r.kind, r.target_year) for r in records] == [
        ("jkn_coverage_pct", "target", 2026), ("participants", "target", 2026)]


def test_uncovered_share_is_not_coverage_but_uncovered_count_is_gap():
    assert typed("Artinya masih ada 3,4 persen penduduk yang belum terdaftar JKN.") == []
    assert typed("Sisanya 8.150 jiwa belum terdaftar sebagai peserta JKN.") == [("coverage_gap", 8150.0)]
    assert typed("Tinggal 20.400 orang lagi yang belum jadi peserta JKN.") == [("coverage_gap", 20400.0)]


def test_date_in_the_figures_own_clause():
    text = "Peserta JKN naik dari 90,1 juta peserta pada 2015, menjadi 250,2 juta peserta pada 2022."
    records = extract(text, "t")
    assert [(r.value, r.as_of) for r in records] == [(90100000.0, "2015"), (250200000.0, "2022")]
    text = ("Anggaran PBI daerah pada 2018 sebesar Rp 5,5 triliun, lalu untuk 2019 menjadi Rp 7,1 triliun "
            "untuk iuran JKN.")
    assert extract(text, "t")[0].as_of == "2018"


def test_now_nearer_than_a_year_before_the_figure_dates_it_now():
    text = "Pada 2016 peserta JKN belum sampai 170 juta orang, sekarang sudah 98 persen penduduk jadi peserta."
    assert [(r.value, r.as_of) for r in extract(text, "t", "2024-05-02")] == [
        (170000000.0, "2016"), (98.0, "2024-05-02")]


def test_so_at_the_head_of_a_clause_is_no_becoming():
    # "Jadi, peserta yang aktif ...": "jadi" is "so" here, the count is of active participants
    assert typed("Jadi peserta yang aktif di program JKN hanya 200 juta, kata dia.") == [("active_participants", 200000000.0)]


def test_arrears_of_contributions_only():
    assert typed("Tunggakan iuran peserta JKN di kota itu mencapai Rp 2,4 miliar.") == [
        ("contribution_arrears", 2400000000.0)]
    assert typed("BPJS Kesehatan memiliki tunggakan pembayaran klaim ke rumah sakit sekitar Rp 4 triliun.") == []


# --- numbers that are not figures --------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Salah satu peserta JKN, Rina (34), merasa terbantu.",
    "Peserta JKN berusia 45 tahun itu dirawat selama 12 hari.",
    "Layanan BPJS Kesehatan Care Center dapat diakses selama 24 jam.",
    "Nomor layanan BPJS Kesehatan diubah menjadi 165 agar mudah diingat peserta.",
    "Syarat pendaftaran peserta JKN yakni: 1.",
    "Ruang rawat inap peserta JKN harus memenuhi 12 kriteria.",
    "BPJS Kesehatan bekerja sama dengan lebih dari 900 ribu kanal pembayaran untuk peserta JKN.",
    "Aplikasi ini melayani jutaan peserta JKN di seluruh negeri.",
])
def test_numbers_that_count_no_vocabulary_noun(sentence):
    assert typed(sentence) == []


# --- figures about other things in health-insurance articles -----------------------------------

@pytest.mark.parametrize("sentence", [
    # participants of a competition, survey, vaccination, training
    "Kompetisi inovasi BPJS Kesehatan diikuti 900 peserta dan meloloskan 250 peserta, terdiri dari 80 peserta kategori data.",
    "Survei BPJS Kesehatan terhadap 1.500 peserta JKN menunjukkan mayoritas puas.",
    "Artinya 9 dari 10 peserta merasa puas terhadap layanan BPJS Kesehatan.",
    "Acara sosialisasi itu dihadiri 1.200 peserta JKN dari segmen PBI.",
    "Menurut panitia, seminar itu diikuti oleh seluruh kantor cabang dengan total peserta sebanyak 340 orang.",
    "Lomba video BPJS Kesehatan 2022 meloloskan 60 peserta, terdiri dari 25 peserta kategori pelajar.",
    # a hypothetical example, a year before the unit noun
    "Apabila sebuah klinik memiliki 8 ribu peserta JKN, maka kapitasinya sekitar Rp 80 juta.",
    "Ia mencontohkan pembayaran jika puskesmas mempunyai 12 ribu peserta JKN.",
    "Kalau pesertanya di atas 50 ribu orang, perhitungan program JKN itu berbeda.",   # a threshold
    "Selama libur Lebaran 2025 peserta JKN tetap dapat berobat ke rumah sakit.",
    "Dalam dua tahun, pertumbuhan kepesertaan JKN sebesar 12,5 juta jiwa.",
    # subsets of participants doing something
    "Sebanyak 48.000 peserta JKN melakukan penurunan kelas selama 2020.",
    "Terdapat 12,4 juta peserta JKN terdiagnosis hipertensi.",
    "Sekitar 3 juta peserta kegiatan skrining BPJS Kesehatan berisiko diabetes.",
    "Ada 3.500 peserta JKN yang dilayani klinik keliling itu.",
    # hospitals in trials, queues, fraud
    "Sebanyak 41 FKTP di kota itu telah menerapkan sistem antrean online yang terhubung dengan JKN.",
    "Uji coba kelas rawat inap standar JKN dilakukan di 14 rumah sakit vertikal.",
    "Tim menemukan kecurangan klaim JKN yang dilakukan oleh 5 rumah sakit.",
    # money that is not a budget for contributions
    "Iuran PBI naik dari Rp 23.000 menjadi Rp 42.000 per orang per bulan.",
    "Anggaran kesehatan dalam program PEN sebesar Rp 87 triliun, di luar iuran JKN.",
    "Defisit anggaran JKN diperkirakan mencapai Rp 32 triliun.",
    "Selain PBI, pemerintah menyalurkan bansos sembako dengan anggaran Rp 45 triliun.",
    # the upper end of a range read in the lower end's frame; an uncovered share
    "Penyakit itu diderita oleh 14.000 hingga 15.000 penduduk Indonesia per tahun, kata dokter BPJS Kesehatan.",
    "BPJS Kesehatan mengenakan denda 5 persen hingga Rp 30 juta kepada peserta yang menunggak iuran.",
    "Diperkirakan sekitar 40 persen lebih (pekerja informal) yang belum tercakup program JKN.",
    "Kabupaten Permai mendapat jatah reaktivasi kepesertaan JKN BPJS Kesehatan sebanyak 9 ribu orang.",
    # subsets: chosen by a superlative, in arrears, in treatment, to be struck off; an assumption; births
    "BPJS Kesehatan akan memeriksa 500 peserta yang paling besar biaya pengobatannya.",
    "BPJS Kesehatan menjamin 250 ribu peserta yang memerlukan rawat inap karena penyakit jantung.",
    "Terdapat 2,1 juta peserta PBI JK yang akan dinonaktifkan oleh Kementerian Sosial.",
    "Dalam hitungan itu peserta BPJS Kesehatan diasumsikan sekitar 90 juta jiwa.",
    "Angka peserta BPJS Kesehatan yang melahirkan melalui operasi caesar hampir 60 persen.",
    # money that is not contributions: owed to hospitals, health workers, other programmes, the insurer's spending
    "Pemerintah masih memiliki tunggakan klaim pasien Covid-19 BPJS Kesehatan sebesar Rp 6 triliun kepada RS.",
    "Tunggakan insentif nakes BPJS Kesehatan mencapai Rp 1,2 triliun untuk 100 ribu tenaga kesehatan.",
    "Yayasan itu memberikan donasi Rp 3 miliar untuk melunasi tunggakan iuran peserta JKN kelas 3.",
    "Pemerintah mengalokasikan anggaran JKN Rp 2 triliun untuk imunisasi dan Rp 1 triliun untuk TBC.",
    "Pengeluaran BPJS Kesehatan untuk penyakit jantung mencapai Rp 10 triliun.",
    # the insurer's own spending and another insurer's programme are no budget for contributions
    "Tahun ini BPJS Kesehatan menganggarkan dana tambahan Rp 4 triliun untuk perawatan pasien hasil skrining.",
    "Lembaga itu menilai BPJS Kesehatan idealnya perlu mengalokasikan Rp 6 triliun untuk beban penyakit.",
    "Pemerintah menyalurkan BSU kepada pekerja peserta BPJS Ketenagakerjaan dengan total anggaran Rp 5 triliun.",
    "Pemkab menganggarkan Rp 5 miliar untuk pembayaran klaim rumah sakit JKN.",
    # poverty counts next to PBI
    "Sebanyak 25 juta penduduk miskin iurannya dibayar pemerintah melalui PBI.",
])
def test_figures_measuring_other_things_yield_nothing(sentence):
    assert typed(sentence) == []


def test_budget_names_the_contributions_it_pays_for_after_untuk():
    assert typed("Pemerintah menyiapkan dana sebesar Rp 45 triliun untuk bantuan iuran peserta PBI JKN.") \
        == [("budget", 4.5e13)]
    assert typed("Pemkab Sleman menyiapkan anggaran Rp 7,5 miliar untuk membayar semua iuran JKN warga miskin.") \
        == [("budget", 7.5e9)]
    assert typed("Pemkot menganggarkan Rp 60 miliar untuk iuran PBI BPJS Kesehatan.") == [("budget", 6e10)]


def test_relative_clause_after_a_comma_keeps_the_noun_before_it():
    text = ("Pada 2023 jumlah peserta PBI BPJS Kesehatan mencapai 90 juta jiwa atau naik 5% dibandingkan jumlah "
            "peserta PBI BPJS Kesehatan pada 2022, yang sebanyak 85,7 juta jiwa.")
    assert typed(text) == [("pbi_participants", 9e7), ("pbi_participants", 85.7e6)]


def test_a_superlative_picking_a_region_keeps_its_figure():
    text = "Dari empat kabupaten itu, yang paling tinggi adalah Kabupaten Purbalingga dengan kepesertaan JKN 97 persen."
    assert typed(text) == [("jkn_coverage_pct", 97.0)]


def test_the_state_bearing_or_financing_a_count_makes_it_pbi():
    text = ("Dari 230 juta peserta JKN, sebanyak 118 juta orang ditanggung total oleh negara. Jumlah itu mencakup "
            "pembiayaan oleh Pemerintah Pusat sebanyak 82,1 juta jiwa dan Pemerintah Daerah sebanyak 35,9 juta jiwa.")
    assert [m for m, _ in typed(text)][1:] == ["pbi_participants"] * 3


def test_money_and_whom_it_pays_for_share_the_date_after_them():
    records = extract("Pemerintah menganggarkan Rp30 triliun untuk 85 juta peserta PBI BPJS Kesehatan pada 2019.", "t")
    assert [(r.metric, r.as_of) for r in records] == [("budget", "2019"), ("pbi_participants", "2019")]


def test_all_classes_together_are_no_class():
    assert typed("Jumlah peserta JKN untuk seluruh kelas tercatat sebesar 230 juta orang.") == [("participants", 2.3e8)]


def test_insurer_participants_receiving_what_the_cue_before_names():
    text = "Pemerintah membayar iuran Penerima Bantuan Iuran (PBI) ke 95,2 juta peserta BPJS Kesehatan."
    assert typed(text) == [("pbi_participants", 95.2e6)]


def test_people_in_arrears_are_no_count_but_their_arrears_are():
    assert typed("Program JKN. Kemudian peserta di wilayah Kota Lestari sebanyak 12.300 orang dengan jumlah tunggakan Rp 9 miliar.") \
        == [("contribution_arrears", 9e9)]



def test_arrears_of_a_segment_excluded_for_counts_are_arrears():
    # "Pekerja Bukan Penerima Upah" excludes counts and shares of the segment, not the rupiah it owes
    text = ("Menurut pengamat JKN, total tunggakan peserta segmen Pekerja Bukan Penerima Upah (PBPU) atau mandiri "
            "sejak 2016 sampai sekarang sudah mencapai Rp 8 triliun.")
    assert typed(text) == [("contribution_arrears", 8e12)]
    assert typed("Program JKN. Peserta segmen Pekerja Bukan Penerima Upah (PBPU) sebanyak 30 juta jiwa.") == []


def test_whole_after_a_part_counted_out_of_it_is_the_population():
    text = "Sampai Juli 2024 sudah 45.100 warga Kabupaten Sleman yang terdaftar JKN dari total 47.000 jiwa."
    assert typed(text) == [("participants", 45100.0), ("population", 47000.0)]
    text = "\"Dari 1,8 juta warga Kota Harapan, sudah sekitar 1,5 juta atau 83 persen penduduk terdaftar di JKN.\""
    assert typed(text)[0] == ("population", 1.8e6)
    # a change "dari A menjadi B" and a whole named by its own noun are not
    assert typed("Jumlah peserta JKN naik dari 80.000 jiwa menjadi 90.000 jiwa.") == \
        [("participants", 80000.0), ("participants", 90000.0)]
    assert ("population", 2000.0) not in typed("Sebanyak 500 peserta PBI dari total 2.000 peserta JKN di desa itu.")


def test_insurance_named_after_an_event_word_keeps_the_figure():
    assert typed("Dalam sosialisasi itu, ia menyebut peserta JKN di Kota Bogor mencapai 900 ribu jiwa.") \
        == [("participants", 900000.0)]
    assert typed("Jika dibandingkan tahun lalu, Kota Bogor kini memiliki 900 ribu peserta JKN.") \
        == [("participants", 900000.0)]


def test_facility_count_needs_insurance_term_in_its_own_sentence():
    text = "Kota itu punya 14 puskesmas dan 6 rumah sakit.\nSemua melayani peserta JKN."
    assert typed(text) == []
    assert typed("Kota itu punya 14 puskesmas yang bekerja sama dengan BPJS Kesehatan.") == [
        ("primary_care_facilities", 14.0)]


def test_previous_sentence_may_supply_insurance_term_for_persons():
    text = "Cakupan kepesertaan JKN nasional mencapai 95,7 persen.\nAngka itu setara 264 juta orang yang sudah ter-cover."
    assert ("participants", 264000000.0) in typed(text)


# --- general news: zero records ----------------------------------------------------------------

CENSUS = ("Badan Pusat Statistik mencatat jumlah penduduk provinsi itu 5.432.100 jiwa pada 2020, naik 1,2 persen.\n"
          "Sebanyak 51,3 persen penduduk adalah laki-laki, dan 27 persen berusia di bawah 15 tahun.\n"
          "Penduduk miskin turun menjadi 412.000 orang atau 7,6 persen dari total penduduk.\n"
          "Di kabupaten itu tercatat 23 puskesmas, 4 rumah sakit dan 112 sekolah dasar.")
ELECTION = ("KPU menetapkan 1.245.000 pemilih tetap di kota itu.\n"
            "Pasangan nomor urut 1 meraih 54,3 persen suara, sedangkan pasangan nomor urut 2 meraih 45,7 persen.\n"
            "Tingkat partisipasi pemilih mencapai 78 persen, atau 971.100 jiwa.\n"
            "Anggaran pilkada dari APBD sebesar Rp 45 miliar.")


@pytest.mark.parametrize("text", [CENSUS, ELECTION])
def test_general_news_dense_with_figures_yields_nothing(text):
    assert not in_scope(text)
    assert typed(text) == []


@pytest.mark.parametrize("text", [CENSUS, ELECTION])
def test_general_news_with_a_passing_insurance_mention_yields_nothing(text):
    # One unrelated sentence on BPJS Kesehatan must not turn census or election figures into records.
    text = text + "\nSementara itu, pelayanan BPJS Kesehatan di kota itu berjalan normal."
    assert in_scope(text)
    assert typed(text) == []


# --- rules and robustness ----------------------------------------------------------------------

def test_rules_load_and_vocabulary_units():
    rules = metric_rules()
    assert rules.limits["rupiah"][0] >= 1e6
    assert "peserta" in rules.generic and "peserta" in rules.clause_relevance


def test_linear_time_on_adversarial_input():
    started = time.time()
    extract("peserta JKN " * 3000 + "sebanyak " * 3000 + "1.000 " * 2000 + "(5) " * 2000, "t")
    assert time.time() - started < 20


# --- recall classes: figures without a cue of their own, wishes and goals ------------------------

def kinds(text: str) -> list[tuple[str, float, str, int | None]]:
    return [(r.metric, r.value, r.kind, r.target_year) for r in extract(text, "t")]


def test_percentage_after_a_count_is_its_coverage():
    text = "Tahun lalu jumlah peserta JKN mencapai 120,4 juta orang atau 81,25%."
    assert typed(text) == [("participants", 120400000.0), ("jkn_coverage_pct", 81.25)]
    text = "Tahun ini kepesertaan JKN ditargetkan mencapai 130,2 juta jiwa atau 88,1% penduduk."
    assert kinds(text) == [("participants", 130200000.0, "target", None),
                           ("jkn_coverage_pct", 88.1, "target", None)]


def test_percentage_of_participants_is_not_coverage():
    text = "Peserta JKN di kota itu 400 ribu jiwa atau 35 persen dari total peserta di provinsi."
    assert ("jkn_coverage_pct", 35.0) not in typed(text)


def test_percentage_reached_by_a_count_cue_is_coverage_target():
    text = "Pemerintah menargetkan BPJS Kesehatan meningkatkan jumlah peserta hingga 97 persen pada 2027 mendatang."
    assert kinds(text) == [("jkn_coverage_pct", 97.0, "target", 2027)]


def test_protected_residents_and_becoming_participants_are_coverage():
    assert typed("Warga yang sudah terlindungi program JKN di provinsi itu mencapai 93 persen dari total penduduk.") == [
        ("jkn_coverage_pct", 93.0)]
    assert typed("Kini sudah ada 91,2 persen penduduk menjadi peserta program JKN.") == [("jkn_coverage_pct", 91.2)]
    assert typed("Tinggal 41.300 warga yang belum terlindungi BPJS Kesehatan.") == [("coverage_gap", 41300.0)]


def test_spoken_forms_of_becoming_participants_and_their_participants():
    # "jadi peserta" is the spoken "menjadi peserta"; "pesertanya" is the programme's participants
    assert typed("Menurut dia, kini 88 persen warga sudah jadi peserta JKN.") == [("jkn_coverage_pct", 88.0)]
    assert typed("Ia menyebut 2,4 juta warga sudah jadi peserta JKN.") == [("participants", 2400000.0)]
    assert typed("Program JKN terus tumbuh, padahal dulu pesertanya baru 120 juta.") == [("participants", 120000000.0)]


def test_inactive_and_struck_off_participants():
    assert typed("Sebanyak 1.204.500 jiwa sudah tidak aktif lagi kepesertaannya dalam JKN.") == [
        ("inactive_participants", 1204500.0)]
    assert typed("Ada lebih dari 52 ribu yang dicoret dari peserta PBI JKN daerah itu.") == [
        ("inactive_participants", 52000.0)]


def test_level_reached_after_growth_is_a_count_but_growth_is_not():
    assert typed("Kepesertaan JKN-KIS tumbuh pesat; pertumbuhan kepesertaan JKN-KIS melonjak menjadi 180 juta jiwa.") == [
        ("participants", 180000000.0)]
    assert typed("Dalam dua tahun, pertumbuhan kepesertaan JKN sebesar 12,5 juta jiwa.") == []


def test_participation_named_by_insurer_is_a_count():
    assert typed("Hingga kini, kepesertaan BPJS Kesehatan di negeri ini mencapai 210 juta orang.") == [
        ("participants", 210000000.0)]


def test_anaphor_refers_to_the_figure_before():
    text = ("Saat ini kepesertaan JKN di kabupaten itu mencapai 610 ribu orang.\n"
            "Ia berharap, jumlah itu menjadi minimal 96 persen pada 2026.")
    assert kinds(text) == [("participants", 610000.0, "actual", None), ("jkn_coverage_pct", 96.0, "target", 2026)]


def test_compared_figure_measures_the_same():
    text = "Peserta JKN mencapai 140.200 jiwa selama 2023, naik dibanding tahun sebelumnya sebanyak 132.900 jiwa."
    assert typed(text) == [("participants", 140200.0), ("participants", 132900.0)]


@pytest.mark.parametrize("text", [
    "Pemerintah daerah berupaya untuk mencapai 100 persen UHC pada 2030.",
    "Menurut dia, cakupan kepesertaan JKN bisa mencapai 95 persen.",
    "Kebijakan ini untuk memastikan 97% penduduk terdaftar sebagai peserta JKN pada 2025 mendatang.",
])
def test_wishes_and_goals_are_targets(text):
    assert [r.kind for r in extract(text, "t")] == ["target"]


def test_goal_restated_as_uhc_and_coverage_is_one_goal():
    text = ("Program itu bertujuan mencapai UHC dengan target 98 persen dari total penduduk.\n"
            "Bupati ingin menyisir warga agar mencapai predikat UHC, dengan cakupan kepesertaan JKN hingga 98 persen.")
    assert [(r.value, r.kind) for r in extract(text, "t")] == [(98.0, "target")]


def test_total_population_after_participants_clause():
    text = "Masih ada 21.400 penduduk yang belum terdaftar sebagai peserta JKN dari total 310.500 penduduk."
    assert typed(text) == [("coverage_gap", 21400.0), ("population", 310500.0)]


# --- lists, chains, coordinations, changes ---------------------------------------------------------

def test_segment_named_in_the_items_own_clause_wins():
    text = ("Soal kepesertaan JKN, dari 640.500 peserta itu, sebanyak 402.300 jiwa terdaftar sebagai peserta "
            "segmen Penerima Bantuan Iuran (PBI), 150.200 jiwa sebagai peserta segmen Pekerja Penerima Upah (PPU), "
            "dan 88.000 jiwa sebagai peserta segmen Bukan Pekerja.")
    assert typed(text) == [("participants", 640500.0), ("pbi_participants", 402300.0)]


def test_cue_after_a_comma_belongs_to_the_next_item_of_a_list():
    text = ("Dari peserta JKN di kota itu, pekerja bukan penerima upah (PBPU) sebanyak 71.250 orang, penerima bantuan iuran (PBI) "
            "dari APBN sejumlah 65.400 orang, dan PBI dari APBD sebanyak 30.150 orang.")
    assert typed(text) == [("pbi_participants", 65400.0), ("pbi_participants", 30150.0)]


def test_predicate_after_a_chain_of_figures_types_its_head():
    text = ("Sebanyak 412.000 warga Kota Harapan atau sekitar 88,4 persen dari total 466.100 penduduk di kota itu "
            "telah dilindungi BPJS Kesehatan.")
    assert typed(text) == [("participants", 412000.0), ("jkn_coverage_pct", 88.4), ("population", 466100.0)]
    text = "Per 31 Maret 2023 tinggal 54.100 warga atau sekitar 11,6 persen yang belum terlindungi BPJS Kesehatan."
    assert [(r.metric, r.value, r.as_of) for r in extract(text, "t")] == [("coverage_gap", 54100.0, "2023-03-31")]
    # A chain whose predicate is no cue of the vocabulary stays untyped.
    assert typed("Sebanyak 3.200 warga atau 12 persen dari total peserta pelatihan BPJS hadir.") == []
    # the predicate after a share of the participants ("dari total peserta ...") types the head
    text = "Tercatat 310.500 jiwa atau sekitar 41 persen dari total peserta JKN kota itu merupakan peserta PBI JK."
    assert typed(text) == [("pbi_participants", 310500.0)]


def test_date_after_coordinated_figures_dates_them_all():
    records = extract("BPJS Kesehatan bermitra dengan 1.240 FKTP dan 96 FKRTL pada 2021.", "t")
    assert [(r.metric, r.as_of) for r in records] == [("primary_care_facilities", "2021"), ("hospitals", "2021")]
    records = extract("BPJS Kesehatan bermitra dengan 1.240 FKTP pada 2020 dan 96 FKRTL pada 2021.", "t")
    assert [r.as_of for r in records] == ["2020", "2021"]


@pytest.mark.parametrize("text", [
    "Cakupan kepesertaan JKN di provinsi itu pada 2023 melonjak 35,2% dibandingkan 2022.",
    "Peserta JKN di kabupaten itu bertambah sekitar 12.400 jiwa dibanding tahun lalu.",
    "Peserta PBI JKN di kota itu bertambah sebanyak 2.150 peserta pada 2022.",
    "Menurut dia, cakupan kepesertaan JKN perlu 3,7 persen lagi menuju UHC.",
])
def test_changes_and_remainders_are_not_levels(text):
    assert typed(text) == []


def test_level_after_a_verb_of_change_stays_a_level():
    assert typed("Cakupan kepesertaan JKN di kota itu naik menjadi 96,1 persen.") == [("jkn_coverage_pct", 96.1)]


# --- facility counts: only the JKN network -----------------------------------------------------

@pytest.mark.parametrize("text", [
    "Inspektorat menemukan bahwa dari 7 rumah sakit itu, 4 rumah sakit lainnya diduga membuat tagihan palsu ke BPJS.",
    "Kemenkes menyebut 15 rumah sakit siap menerapkan kelas rawat inap standar JKN bulan depan.",
    "Layanan antrean online BPJS Kesehatan kini tersedia di 850 rumah sakit.",
    "Layanan kemoterapi kanker bagi peserta JKN baru tersedia di 12 rumah sakit.",
    "Sebelumnya layanan konsultasi daring BPJS diujicobakan di 9 FKTP di kota itu.",
])
def test_facility_subsets_and_events_are_not_records(text):
    assert [m for m, _ in typed(text) if m in ("hospitals", "primary_care_facilities")] == []


def test_facility_count_needs_a_network_cue():
    assert typed("Kabupaten itu memiliki 14 rumah sakit dan peserta BPJS bisa berobat di sana.") == []
    assert typed("BPJS Kesehatan Cabang Maju telah bekerja sama dengan 31 rumah sakit.") == [("hospitals", 31.0)]
    assert typed("Di provinsi itu tercatat 412 FKTP untuk peserta JKN.") == [("primary_care_facilities", 412.0)]


# --- registration predicate over the classifier noun; entities are not persons ------------------

def test_registration_predicate_beats_population_classifier():
    text = "Hingga Mei, 1.204.511 jiwa penduduk Kabupaten Maju telah terdaftar sebagai peserta JKN."
    assert typed(text) == [("participants", 1204511.0)]


def test_uninsured_residents_after_commas_are_the_gap():
    text = "Sekitar 120 ribu penduduk Kota Maju, Provinsi Jaya, hingga kini belum dilindungi jaminan kesehatan."
    assert typed(text) == [("coverage_gap", 120000.0)]
    assert typed("Masih ada sekitar 75 ribu orang penduduk yang belum masuk dalam program JKN.") \
        == [("coverage_gap", 75000.0)]


def test_count_of_companies_is_not_participants():
    text = "Adapun badan usaha yang telah terdaftar sebagai peserta JKN di wilayah itu sebanyak 41.275."
    assert typed(text) == []


# --- parts, changes, events ---------------------------------------------------------------------

def test_part_of_a_total_is_not_the_total_again():
    text = ("BPJS Kesehatan mencatat 900 ribu jiwa terdaftar sebagai peserta JKN. "
            "Dari jumlah tersebut, sebanyak 120 ribu atau 13,3 persen adalah peserta PBPU.")
    assert typed(text) == [("participants", 900000.0)]


@pytest.mark.parametrize("text", [
    "Wali kota menyebut ada penambahan kepesertaan JKN sejumlah 25.400 jiwa tahun ini.",
    "Dari 3.100 peserta JKN yang telah melakukan penapisan riwayat kesehatan, 12 persen berisiko.",
    "Peserta aktif JKN di kota itu masih belum 100 persen.",
    "Ia dan dua orang anaknya terdaftar sebagai peserta JKN dari segmen PBI.",
    "BPJS Kesehatan berhasil mereaktivasi 2.300 peserta JKN melalui program donasi.",
])
def test_changes_screenings_and_households_are_not_records(text):
    assert typed(text) == []


def test_count_beyond_any_province_is_national():
    # a regency dateline, but no province has 150 million inhabitants: the figure is the country's
    text = ("Kota Maju (ANTARA) - BPJS Kesehatan Cabang Kota Maju menggelar sosialisasi JKN di Kabupaten Sleman.\n"
            "Dari 150 juta peserta JKN-KIS, separuhnya dibiayai pemerintah.")
    rec = one(text)
    assert (rec.metric, rec.region_code) == ("participants", "ID")


def test_list_of_regencies_continues_in_the_next_sentences():
    text = ("Tunggakan iuran peserta JKN terbanyak ada di Kabupaten Sleman sebesar Rp12 miliar. "
            "Selanjutnya di Kabupaten Bantul sebesar Rp9 miliar dengan jumlah peserta yang menunggak 2.000 orang. "
            "Kemudian di Kabupaten Kulon Progo sebesar Rp3 miliar.")
    recs = extract(text, "t")
    assert [(r.metric, r.value, r.region_code) for r in recs] == [
        ("contribution_arrears", 12e9, "34.04"), ("contribution_arrears", 9e9, "34.02"),
        ("contribution_arrears", 3e9, "34.01")]


def test_list_continuation_yields_to_a_cue_of_its_own():
    text = ("Peserta PBI JKN di kota itu sebanyak 40.000 orang. "
            "Kemudian peserta PBPU sebanyak 12.000 orang.")
    assert typed(text) == [("pbi_participants", 40000.0)]


def test_contributions_paid_by_the_state_budget_are_pbi():
    text = ("Negara menanggung iuran JKN-KIS untuk 51 juta penduduk lewat APBN, "
            "dan 12,5 juta penduduk ditanggung oleh APBD.")
    assert typed(text) == [("pbi_participants", 51e6), ("pbi_participants", 12.5e6)]


def test_level_after_a_change_from_to():
    text = "Jumlah penerima bantuan iuran (PBI) JKN di provinsi itu bertambah dari 500 ribu jiwa menjadi 900 ribu jiwa."
    assert typed(text) == [("pbi_participants", 500000.0), ("pbi_participants", 900000.0)]


def test_national_goal_in_words_of_participation_is_a_target():
    rec = one("BPJS Kesehatan mengejar target nasional 97 persen keikutsertaan masyarakat dalam program JKN.")
    assert (rec.metric, rec.kind) == ("jkn_coverage_pct", "target")
    rec = one("Capaian kepesertaan JKN diharapkan sesuai RPJMN, yakni 97 persen penduduk.")
    assert (rec.metric, rec.kind) == ("jkn_coverage_pct", "target")


def test_share_not_yet_enrolled_is_not_coverage():
    assert typed("Sekitar 21,5 persen warga belum ikut kepesertaan BPJS Kesehatan.") == []


def test_long_form_of_the_insurer_with_its_acronym_is_in_scope():
    assert in_scope("Badan Penyelenggara Jaminan Sosial (BPJS) Kesehatan membuka layanan baru.")
    assert not in_scope("Badan Penyelenggara Jaminan Sosial (BPJS) Ketenagakerjaan membuka layanan baru.")


def test_count_too_large_for_the_articles_city_is_national():
    text = ("Kota Maju (ANTARA) - BPJS Kesehatan Cabang Kota Maju mencatat kepesertaan JKN di Kota Pekanbaru naik.\n"
            "Sementara itu, 37,3 juta penduduk iurannya ditanggung oleh APBD.")
    recs = [r for r in extract(text, "t") if r.value == 37.3e6]
    assert [(r.metric, r.region_code) for r in recs] == [("pbi_participants", "ID")]
    # eight million is more than any regency has inhabitants
    text = ("Sleman (ANTARA) - Cakupan JKN di Kabupaten Sleman terus bertambah, menurut BPJS Kesehatan.\n"
            "Adapun warga yang masih belum terdaftar sebagai peserta JKN berjumlah 8.012.300 jiwa.")
    assert [(r.metric, r.region_code) for r in extract(text, "t")] == [("coverage_gap", "ID")]


def test_poor_and_needy_whose_contributions_the_state_pays_are_pbi():
    text = ("Tahun ini 88,2 juta penduduk miskin dan tidak mampu di negeri ini iuran JKN-KIS-nya ditanggung negara "
            "lewat APBN dan 30,1 juta penduduk lain ditanggung oleh APBD.")
    assert typed(text) == [("pbi_participants", 88.2e6), ("pbi_participants", 30.1e6)]
    # a poverty count is no population
    assert typed("Jumlah penduduk miskin di kota itu mencapai 120 ribu jiwa, menurut BPJS Kesehatan.") == []


def test_count_then_its_share_at_a_level():
    text = "Capaian kepesertaan JKN di kota itu per Mei 2023 adalah 412.300 jiwa, berada di angka 93,10 persen."
    assert typed(text) == [("participants", 412300.0), ("jkn_coverage_pct", 93.1)]


def test_poverty_words_yield_to_a_specific_cue_of_the_clause():
    assert typed("Sekitar 4 juta jiwa warga miskin yang dihapus dari penerima bantuan iuran JKN.") == [
        ("inactive_participants", 4e6)]
    assert typed("Menurut BPJS Kesehatan, jumlah warga miskin di kota itu 20 ribu jiwa.") == []


def test_what_remains_to_reach_a_goal_is_no_level():
    assert typed("Untuk memenuhi UHC yang tinggal 2,6 persen itu, perlu langkah percepatan JKN.") == []


def test_a_range_takes_the_predicate_after_it():
    text = "Di kota itu masih ada sekitar 110.000 hingga 140.000 jiwa yang belum menjadi peserta JKN."
    assert typed(text) == [("coverage_gap", 110000.0), ("coverage_gap", 140000.0)]


def test_anaphor_in_persons_restates_a_coverage_share():
    text = ("Menurut data BPJS Kesehatan, 81 persen penduduk kini terdaftar sebagai peserta JKN. "
            "Angka tersebut setara dengan 212 juta jiwa.")
    assert typed(text) == [("jkn_coverage_pct", 81.0), ("participants", 212e6)]


def test_bureau_dateline_is_not_the_region_of_a_national_goal():
    rec = one("Jakarta (ANTARA) - BPJS Kesehatan menargetkan 100 persen UHC pada 2030.")
    assert (rec.metric, rec.kind, rec.region_code, rec.target_year) == ("uhc_pct", "target", "ID", 2030)


def test_list_continues_with_its_unit_nouns_and_bracketed_shares():
    text = ("Peserta JKN di Kabupaten Sleman sebanyak 210.000 peserta atau 80,5 persen. "
            "Selanjutnya di Kabupaten Bantul 190.000 peserta (71,2 persen).")
    assert typed(text) == [("participants", 210000.0), ("jkn_coverage_pct", 80.5),
                           ("participants", 190000.0), ("jkn_coverage_pct", 71.2)]


def test_parallel_figure_after_sedangkan_and_anaphors_that_go_on():
    text = ("Pada 2022, total peserta BPJS Kesehatan mencapai 240,1 juta orang sedangkan pada 2021 sebanyak 230,2 juta. "
            "Bahkan, sampai Juli 2023, jumlah itu masih meningkat menjadi 250,3 juta orang.")
    assert typed(text) == [("participants", 240.1e6), ("participants", 230.2e6), ("participants", 250.3e6)]


def test_share_restated_after_a_count_by_a_pronoun():
    text = "Peserta BPJS Kesehatan mencapai 250 juta peserta. Itu merupakan 91,5% dari total penduduk Indonesia."
    assert typed(text) == [("participants", 250e6), ("jkn_coverage_pct", 91.5)]


def test_share_and_count_joined_by_atau_sebanyak():
    text = "Cakupan kepesertaan JKN provinsi itu sebesar 97,1 persen atau sebanyak 8,1 juta jiwa dari jumlah penduduk."
    assert typed(text) == [("jkn_coverage_pct", 97.1), ("participants", 8.1e6)]


def test_goal_of_residents_as_participants_is_coverage():
    rec = one("BPJS Kesehatan menggelar program ini guna mencapai target minimal 97% penduduk sebagai peserta JKN.")
    assert (rec.metric, rec.kind, rec.value) == ("jkn_coverage_pct", "target", 97.0)


def test_classifier_noun_yields_to_an_exclusion_earlier_in_its_clause():
    text = ("Para peserta BPJS Kesehatan yang menunggak iuran itu, menurut catatan kantor cabang, misalnya di "
            "Kabupaten Sleman sebanyak 21.400 peserta.")
    assert typed(text) == []


def test_national_plan_goal_in_a_regional_story_is_national():
    text = ("Kota Maju (ANTARA) - BPJS Kesehatan Cabang Kota Maju mencatat kepesertaan JKN di Kabupaten Sleman naik.\n"
            "Program ini dilakukan guna mencapai target minimal 97 persen penduduk sebagai peserta JKN sesuai RPJMN.")
    recs = [r for r in extract(text, "t") if r.value == 97.0]
    assert [(r.kind, r.region_code) for r in recs] == [("target", "ID")]


def test_share_in_brackets_takes_the_region_of_the_count_it_restates():
    text = ("Peserta JKN di Kabupaten Sleman 210.000 peserta (80,5 persen), Kabupaten Bantul sebanyak "
            "190.000 peserta (71,2 persen).")
    got = [(r.metric, r.value, r.region_code) for r in extract(text, "t")]
    assert ("jkn_coverage_pct", 80.5, "34.04") in got and ("jkn_coverage_pct", 71.2, "34.02") in got


def test_hedge_before_a_classifier_noun_is_no_clause_boundary():
    assert typed("Saat ini jumlah kepesertaan JKN lebih dari 205 juta penduduk.") == [("participants", 205e6)]


def test_count_and_its_share_of_the_population():
    text = "BPJS Kesehatan mencatat sekarang ini sudah mencapai 231 juta atau sekitar 84 persen dari populasi."
    assert typed(text) == [("participants", 231e6), ("jkn_coverage_pct", 84.0)]


def test_share_of_the_population_yields_to_a_named_coverage():
    text = "Kabupaten Cilacap dapat meraih UHC dengan capaian minimal 96 persen dari jumlah penduduk, katanya."
    assert [r.metric for r in extract("Program JKN. " + text, "t")] == ["uhc_pct"]


def test_a_count_before_dari_is_a_part_of_the_population():
    text = "Kepesertaan JKN kota itu mencapai 76,5% atau sekitar 180.100 jiwa dari total jumlah penduduk yakni 235.400."
    assert typed(text) == [("jkn_coverage_pct", 76.5), ("participants", 180100.0), ("population", 235400.0)]


def test_each_item_of_a_list_keeps_its_own_region():
    text = ("Jumlah peserta JKN paling banyak ada di Kota Yogyakarta yakni 401.200 orang peserta, "
            "lalu Kabupaten Sleman 310.500 peserta, Kabupaten Bantul 280.100 peserta.")
    assert [(r.value, r.region_code) for r in extract(text, "t")] == [
        (401200.0, "34.71"), (310500.0, "34.04"), (280100.0, "34.02")]


def test_goal_of_a_plan_period_is_due_at_its_end():
    rec = one("Target kepesertaan JKN sesuai RPJMN 2020-2024 yaitu 98 persen.")
    assert (rec.kind, rec.target_year) == ("target", 2024)


def test_data_date_after_a_chain_dates_every_figure_of_it():
    text = ("BPJS Kesehatan mencatat kepesertaan JKN telah mencapai 251.400.000 jiwa atau setara dengan "
            "91,2 persen dari total penduduk Indonesia per 1 Maret 2023.")
    assert [(r.metric, r.as_of) for r in extract(text, "t")] == [
        ("participants", "2023-03-01"), ("jkn_coverage_pct", "2023-03-01")]
    # a comparison year is no data date
    assert [r.as_of for r in extract("Peserta JKN mencapai 250 juta jiwa, naik dibanding tahun 2021.", "t")] == [None]


def test_second_goal_coordinated_with_a_first_keeps_kind_and_its_own_year():
    text = "Aturan itu menargetkan kepesertaan JKN tahun 2024 mencapai 98 persen dan tahun 2030 cakupan 100 persen."
    assert [(r.value, r.kind, r.target_year) for r in extract(text, "t")] == [
        (98.0, "target", 2024), (100.0, "target", 2030)]


def test_facility_network_beyond_any_province_is_national():
    text = ("Palangka Raya (ANTARA) - BPJS Kesehatan Cabang Palangka Raya menggelar sosialisasi JKN.\n"
            "BPJS Kesehatan bekerja sama dengan 23.100 FKTP dan 2.900 FKRTL di seluruh Indonesia.")
    assert {(r.metric, r.region_code) for r in extract(text, "t")} == {
        ("primary_care_facilities", "ID"), ("hospitals", "ID")}


def test_province_after_a_regency_qualifies_it():
    text = "Sebanyak 52.300 jiwa penerima bantuan iuran (PBI) JKN di Kabupaten Sleman, DIY tercatat aktif."
    assert [r.region_code for r in extract(text, "t")] == ["34.04"]


def test_a_list_goes_on_in_its_own_unit():
    text = ("Jumlah PBI JKN yang dibantu APBN sebanyak 1.500.100 jiwa atau 31 persen dari jumlah penduduk provinsi. "
            "Sedangkan dari pemerintah daerah, sebanyak 320.400 jiwa atau 6,5 persen.")
    assert ("pbi_participants", 320400.0) in typed(text)


def test_share_of_a_segment_restated_as_percent_is_no_coverage():
    text = "Jumlah PBI JKN yang dibantu APBN sebanyak 1.500.100 jiwa atau 31 persen dari jumlah penduduk provinsi."
    assert typed(text) == [("pbi_participants", 1500100.0)]


def test_count_written_right_after_its_noun():
    text = ("Pada 2021, BPJS Kesehatan bermitra dengan fasilitas kesehatan tingkat pertama (FKTP) 1.240 dan "
            "fasilitas kesehatan rujukan tingkat lanjutan (FKRTL) 96.")
    assert typed(text) == [("primary_care_facilities", 1240.0), ("hospitals", 96.0)]
    text = "Peserta JKN pada 2022 setara 88,5% dari total penduduk Indonesia 270,1 juta. Sementara itu, klaim naik."
    assert typed(text) == [("jkn_coverage_pct", 88.5), ("population", 270100000.0)]
    # a noun before a number that is no count of it: an address, a year
    assert typed("Pasien BPJS Kesehatan di RSUD Sehat 2021 mengeluh antrean JKN yang panjang.") == []


def test_facility_noun_with_its_bracketed_short_form():
    text = "BPJS Kesehatan bekerja sama dengan 1.240 fasilitas kesehatan (faskes) tingkat pertama pada 2021."
    assert typed(text) == [("primary_care_facilities", 1240.0)]


def test_persons_whose_contributions_a_budget_pays_are_pbi():
    text = "Dari jumlah peserta JKN itu, iuran sebanyak 412.300 peserta telah ditanggung oleh APBD."
    assert typed(text) == [("pbi_participants", 412300.0)]
    text = "Iuran peserta PBI JKN dibayar pemerintah melalui APBN sebanyak 80,2 juta jiwa dan APBD 21 juta jiwa."
    assert typed(text) == [("pbi_participants", 80200000.0), ("pbi_participants", 21000000.0)]
    # contributions themselves stay no metric
    assert typed("Iuran peserta mandiri JKN kelas III naik 35 persen menjadi Rp 42.000.") == []


def test_the_poor_who_become_pbi_participants_are_pbi():
    text = "Jumlah warga miskin yang tidak mampu sebanyak 90,1 juta jiwa itu menjadi peserta PBI JKN."
    assert typed(text) == [("pbi_participants", 90100000.0)]
    assert typed("Jumlah warga miskin di kabupaten itu 120.400 jiwa, kata Kepala BPJS Kesehatan.") == []


def test_a_shorter_cue_at_the_start_of_an_unfitting_one_counts():
    # "menunggak iuran" is a cue of arrears (rupiah); for a count of persons "menunggak" still excludes it
    text = "Di Kabupaten Maju, jumlah peserta JKN yang menunggak iuran sebanyak 7.100 orang."
    assert typed(text) == []


def test_the_noun_before_a_place_and_an_introducer_is_the_figures_own():
    text = ("BPJS Kesehatan mencatat 93,1 persen dari jumlah penduduk Provinsi Maju Jaya sekitar 2,1 juta jiwa, "
            "menjadi peserta Program JKN.")
    assert typed(text) == [("jkn_coverage_pct", 93.1), ("population", 2100000.0)]
    # without a place between, a noun phrase ending at the count may hold more than its last cue
    text = "Kini, jumlah warga Kabupaten Maju yang belum menjadi peserta JKN sebanyak 52.060 jiwa."
    assert typed(text) == [("coverage_gap", 52060.0)]
    # a cue word is never skipped as a place name
    text = "Proporsi kepesertaan PBI JKN, yaitu 140.100.200 jiwa atau 51,4 persen."
    assert typed(text)[0] == ("pbi_participants", 140100200.0)


def test_part_and_whole_of_the_population_before_a_predicate():
    text = ("Sampai dengan 1 Juli 2024, sebanyak 561.200 jiwa dari 694.600 jiwa penduduk Kabupaten Maju tercatat "
            "sudah mendapatkan jaminan perlindungan kesehatan melalui Program JKN. Itu berarti kita sudah mencapai "
            "angka 80,79 persen.")
    assert typed(text) == [("participants", 561200.0), ("population", 694600.0), ("jkn_coverage_pct", 80.79)]
    text = "Ada 963.800 peserta BPJS Kesehatan dari total masyarakat sebanyak 1.007.300 jiwa."
    assert typed(text) == [("participants", 963800.0), ("population", 1007300.0)]


def test_protection_of_a_share_of_the_population():
    text = "Sampai dengan 30 April 2020, JKN-KIS sudah melindungi 212,9 juta jiwa atau 80,64% populasi penduduk Indonesia."
    assert typed(text) == [("participants", 212900000.0), ("jkn_coverage_pct", 80.64)]
    text = "Dari jumlah penduduk di Provinsi Maju yakni sekitar 2,1 juta jiwa, hanya 76,58 persennya yang terdaftar di JKN."
    assert typed(text) == [("population", 2100000.0), ("jkn_coverage_pct", 76.58)]


def test_a_segment_marker_without_a_segment_named():
    text = "Capaian kepesertaan JKN pada semua segmen kini telah mencapai 90,8 persen dari jumlah penduduk 726.700 jiwa."
    assert typed(text) == [("jkn_coverage_pct", 90.8), ("population", 726700.0)]
    # a segment the vocabulary does not know stays no record
    assert typed("Jumlah peserta JKN dari segmen PBPX naik menjadi 16,6 juta peserta.") == []


def test_a_whole_with_its_own_relative_clause_is_what_the_clause_says():
    text = "Dari 5,2 juta peserta yang namanya dicoret dari PBI JKN, 114 ribu jiwa di antaranya telah meninggal."
    assert typed(text)[0] == ("inactive_participants", 5200000.0)


def test_count_restated_as_a_share_of_the_population_counts_the_covered():
    text = "Tercatat cakupan perlindungan sosial program JKN telah mencapai 246.500.100 atau lebih dari 90 persen penduduk Indonesia."
    assert typed(text) == [("participants", 246500100.0), ("jkn_coverage_pct", 90.0)]
    text = "Menurut Ani, UHC di Indonesia sudah mencapai 93% penduduk atau lebih dari 250 juta penduduk."
    assert typed(text) == [("uhc_pct", 93.0), ("participants", 250000000.0)]
    text = "Ia menyebut sudah ada 250 juta peserta alias 93 persen dari total penduduk Indonesia yang terdaftar di JKN."
    assert typed(text) == [("participants", 250000000.0), ("jkn_coverage_pct", 93.0)]


def test_coverage_over_a_hundred_percent_is_reported():
    text = "Kota Maju mencapai cakupan kepesertaan JKN sebesar 101,2 persen atau 243.600 jiwa."
    assert typed(text) == [("jkn_coverage_pct", 101.2), ("participants", 243600.0)]


def test_counts_of_persons_are_whole():
    assert typed("Adapun total kepesertaan JKN mencapai 248,7 jiwa pada 2022.") == []


def test_workloads_and_subgroups_are_no_participants():
    assert typed("Artinya satu pegawai BPJS Kesehatan melayani 30.100 peserta program JKN-KIS.") == []
    text = "Menurut BPJS Kesehatan, pada 2015 jumlah lansia sebesar 21,1 juta jiwa atau 8,4 persen dari jumlah penduduk."
    assert typed(text) == []
    # facilities serving participants are the network
    text = "Terdapat sekitar 2.700 rumah sakit di seluruh Indonesia melayani peserta Jaminan Kesehatan Nasional (JKN)."
    assert typed(text) == [("hospitals", 2700.0)]


def test_share_of_active_participants():
    text = "Cakupan kepesertaan JKN mencapai 88,1 persen dari total populasi, dengan persentase peserta aktif 80,5 persen."
    assert typed(text) == [("jkn_coverage_pct", 88.1), ("active_participation_pct", 80.5)]


def test_the_level_now_in_a_relative_clause_after_a_goals_cue_is_actual():
    text = ("Program itu diharapkan dapat meningkatkan kepesertaan JKN di daerah itu yang saat ini cakupannya "
            "mencapai 697.500 jiwa atau 97,7 persen.")
    assert [r.kind for r in extract(text, "t")] == ["actual", "actual"]
    assert [r.kind for r in extract("Pemkab menargetkan cakupan kepesertaan JKN mencapai 98 persen pada 2024.", "t")] == ["target"]


def test_a_breakdown_of_the_figure_before_shares_its_date():
    text = ("Adapun total kepesertaan JKN mencapai 240,1 juta jiwa pada 2022. Terdiri dari PBI mencapai 150,2 juta "
            "jiwa, dan peserta PBI APBD 40,1 juta jiwa.")
    assert [(r.metric, r.as_of) for r in extract(text, "t")] == [
        ("participants", "2022"), ("pbi_participants", "2022"), ("pbi_participants", "2022")]


def test_items_of_a_list_measure_what_its_head_names():
    text = ("Per 31 Desember 2023, jumlah peserta JKN yang telah nonaktif tersebar di tiga daerah terdiri dari "
            "Kabupaten Maju berjumlah 4.700 peserta, Kabupaten Jaya berjumlah 7.200 peserta dan Kota Makmur ada 28.500 peserta.")
    assert [r.metric for r in extract(text, "t")] == ["inactive_participants"] * 3


def test_a_count_restated_as_a_share_of_the_population_in_a_longer_chain():
    text = "Cakupan UHC Kabupaten Maju hingga Maret 2023 sudah mencapai 2.480.300 atau 96,2 persen dari total jumlah penduduk 2.553.000 jiwa."
    assert typed(text) == [("participants", 2480300.0), ("jkn_coverage_pct", 96.2), ("population", 2553000.0)]
    text = "Cakupan kepesertaan JKN di provinsi itu telah mencapai 97,5 persen dengan jumlah 2.092.100 jiwa."
    assert typed(text) == [("jkn_coverage_pct", 97.5), ("participants", 2092100.0)]


def test_a_data_date_written_with_data_before_its_prefix():
    text = "Kepesertaan program JKN telah mencapai 207,2 juta jiwa atau 90 persen, sesuai data per 10 Mei 2024."
    assert [r.as_of for r in extract(text, "t")] == ["2024-05-10", "2024-05-10"]


def test_a_list_of_places_with_bare_counts_goes_on_in_its_metric():
    text = ("Rinciannya di Kota Maju jumlah kepesertaan JKN ada sebanyak 411.300 orang, Sukajaya 137.200, "
            "Lembah Hijau (69.400) dan Kabupaten Sumber Raya terdapat 81.700 peserta.")
    assert [r.metric for r in extract(text, "t")] == ["participants"] * 4
    # a count after a weekday is no item of the list
    assert typed("Jumlah peserta JKN di kota itu 411.300 orang, Senin 12.000 warga hadir.") == [("participants", 411300.0)]


def test_payments_reactivations_and_those_still_to_enrol():
    assert typed("Layanan autodebit BPJS Kesehatan itu menyerap pembayaran iuran dari sekitar 700 ribu peserta.") == []
    text = "BPJS Kesehatan terus berupaya menuntaskan 1.380.200 penduduk lagi menjadi peserta JKN tahun 2024."
    assert typed(text) == [("coverage_gap", 1380200.0)]


def test_more_hospitals_than_a_province_has_are_the_countrys():
    text = ("Palangka Raya (ANTARA) - BPJS Kesehatan Cabang Palangka Raya menggelar sosialisasi JKN.\n"
            "BPJS Kesehatan bekerja sama dengan 2.900 FKRTL.")
    assert [(r.metric, r.region_code) for r in extract(text, "t")] == [("hospitals", "ID")]


def test_a_share_before_a_count_and_its_own_noun_takes_the_predicate():
    text = "Hingga awal Juni, 91,4 persen atau 1.204.300 jiwa penduduk Kabupaten Maju terdaftar sebagai peserta JKN."
    assert typed(text) == [("jkn_coverage_pct", 91.4), ("participants", 1204300.0)]


def test_receiving_health_insurance_is_coverage():
    text = "Pemerintah mengejar target 98 persen warga mendapatkan jaminan kesehatan melalui Program JKN pada 2024."
    assert [(r.metric, r.kind, r.target_year) for r in extract(text, "t")] == [("jkn_coverage_pct", "target", 2024)]
    text = "Diperlukan langkah terukur untuk mencapai target terlindunginya 98 persen penduduk dalam Program JKN pada 2024."
    assert [(r.metric, r.kind) for r in extract(text, "t")] == [("jkn_coverage_pct", "target")]


def test_a_goal_without_a_metric_word_is_the_goal_of_the_coverage_before():
    text = ('Cakupan UHC kabupaten itu sudah 93,1 persen. "Target kita 95 persen. Namun, ada tantangan pada 2024, '
            'kita harus mencapai minimal 98 persen," kata Budi.')
    assert [(r.metric, r.value, r.kind) for r in extract(text, "t")] == [
        ("uhc_pct", 93.1, "actual"), ("uhc_pct", 95.0, "target"), ("uhc_pct", 98.0, "target")]
    # not a goal of something the clause excludes
    text = "Cakupan UHC kabupaten itu sudah 93,1 persen. Target vaksinasi 95 persen."
    assert [r.value for r in extract(text, "t")] == [93.1]


def test_an_exclusion_right_before_a_figure_outweighs_its_segment():
    text = "Acara JKN itu dihadiri 1.450 peserta JKN yang terdaftar pada segmen Penerima Bantuan Iuran (PBI)."
    assert typed(text) == []


def test_a_cue_right_after_the_unit_noun_qualifies_it():
    text = "Anggota DJSN mengungkapkan, ada 41 juta peserta BPJS Kesehatan non-aktif pada Juni 2024."
    assert typed(text) == [("inactive_participants", 41000000.0)]


def test_a_hedge_or_a_counting_word_after_the_number_belongs_to_the_figure():
    text = ("Komposisi kepesertaan JKN terdiri atas 120,1 juta lebih peserta Penerima Bantuan Iuran (PBI), "
            "88,4 juta lebih PBI APBN, 31,7 juta lebih PBI APBD.")
    assert typed(text) == [("pbi_participants", 120100000.0), ("pbi_participants", 88400000.0),
                           ("pbi_participants", 31700000.0)]
    text = ("Mitra BPJS Kesehatan bertambah. Total fasilitas kesehatan rujukan tingkat lanjut (FKRTL) di provinsi itu "
            "mencapai 64 unit yang terdiri atas rumah sakit.")
    assert typed(text) == [("hospitals", 64.0)]
    assert typed("Di Kabupaten Maju sendiri jumlah peserta JKN sebesar 512,4 ribu.") == [("participants", 512400.0)]


def test_a_figure_referred_back_to_is_not_stated_again():
    text = ("Program JKN menjangkau desa adat. Jumlah warga desa yang terekam di Disdukcapil sebanyak 4.120 orang. "
            "Dari 4.120 orang tersebut, belum semuanya terdaftar sebagai peserta JKN.")
    assert typed(text) == [("population", 4120.0)]
    # a first mention with a demonstrative is stated
    text = "Jumlah masyarakat miskin sebanyak 120,4 juta jiwa itu menjadi peserta PBI JKN."
    assert typed(text) == [("pbi_participants", 120400000.0)]


def test_the_total_covered_and_cooperative_members():
    text = "Status aktif peserta JKN sekitar 80 persen atau 3,2 juta peserta dari total cakupan 4 juta orang."
    assert typed(text) == [("active_participation_pct", 80.0), ("active_participants", 3200000.0),
                           ("participants", 4000000.0)]
    assert typed("Program JKN jalan terus. Jumlah anggota koperasi tahun 2019 adalah 21.400.500 jiwa.") == []


def test_the_levels_of_a_change_measure_what_changed():
    text = ("Di segmen Penerima Bantuan Iuran (PBI) APBD bertambah sebanyak 4.100 peserta JKN, dari 150.300 peserta "
            "di tahun 2020 menjadi 154.400 peserta di tahun 2021.")
    assert typed(text) == [("pbi_participants", 150300.0), ("pbi_participants", 154400.0)]
    # a level with a cue of its own keeps it
    text = "Peserta PBI JKN bertambah 4.100 jiwa, dari total 2,1 juta jiwa penduduk kota itu."
    assert typed(text) == [("population", 2100000.0)]


def test_the_insurers_participants_yield_to_a_specific_cue_in_their_clause():
    text = "Dari jumlah itu, sebanyak 90 juta peserta BPJS Kesehatan iurannya ditutup dari APBN."
    assert typed("Program JKN menjangkau 250 juta jiwa. " + text)[-1] == ("pbi_participants", 90000000.0)
    assert typed("Sebanyak 3 juta peserta JKN di provinsi itu tidak aktif.") == [("inactive_participants", 3000000.0)]
    # not past a comma: a part of it
    text = "Dari 210 juta peserta JKN-KIS, hampir separuhnya dibiayai oleh pemerintah."
    assert typed(text) == [("participants", 210000000.0)]


def test_a_hedged_restatement_and_an_anaphor_carrying_the_network():
    text = "Faskes itu mendukung 240,5 juta jiwa atau lebih kurang 88,1% penduduk terjamin melalui Program JKN."
    assert typed(text) == [("participants", 240500000.0), ("jkn_coverage_pct", 88.1)]
    text = ("Terdapat 2.400 rumah sakit yang bekerja sama dengan BPJS Kesehatan pada 2020. "
            "Jumlahnya naik dari posisi 2016 yang sebanyak 2.010 rumah sakit.")
    assert typed(text) == [("hospitals", 2400.0), ("hospitals", 2010.0)]


def test_a_data_date_after_a_list_of_figures_joined_by_their_nouns():
    text = ("BPJS Kesehatan telah bekerja sama dengan 23.100 Fasilitas Kesehatan Tingkat Pertama (FKTP) dan 3.050 "
            "Fasilitas Kesehatan Rujukan Tingkat Lanjutan (FKRTL) per 1 Agustus 2024.")
    assert [(r.metric, r.as_of) for r in extract(text, "t")] == [
        ("primary_care_facilities", "2024-08-01"), ("hospitals", "2024-08-01")]


def test_an_exclusion_phrase_heads_the_cue_after_it_and_vetoes_a_comparison():
    text = ("Jumlah kunjungan peserta PBI JKN pada 2022 mencapai 230,4 juta, naik dibandingkan jumlah kunjungan "
            "pada 2021 yang hanya 60,2 juta kunjungan.")
    assert typed(text) == []
    # a year after "sepanjang" is no count
    text = "BPJS Kesehatan menyebutkan sepanjang 2023 peserta JKN mencapai 1.600.400 orang."
    assert typed(text) == [("participants", 1600400.0)]


def test_misspelt_facility_acronyms_and_a_level_compared_with_its_start():
    text = "Kerja sama BPJS Kesehatan naik dari catatan pada 2021 sebanyak 23.500 FTKP dan 2.700 FKTRL."
    assert typed(text) == [("primary_care_facilities", 23500.0), ("hospitals", 2700.0)]
    text = "Jumlah peserta JKN sudah mencapai 220 juta jiwa dari tadinya 130 juta jiwa pada 2014."
    assert typed(text) == [("participants", 220000000.0), ("participants", 130000000.0)]


def test_a_list_of_places_with_amounts_and_hedges_goes_on_in_its_metric():
    text = ("Di wilayah BPJS Kesehatan itu, tunggakan pembayaran untuk Kota Sukamaju senilai Rp312 juta lebih, "
            "Lembah Hijau Rp187 juta lebih dan di Kabupaten Sumber Raya senilai Rp95 juta lebih.")
    assert typed(text) == [("contribution_arrears", 312e6), ("contribution_arrears", 187e6),
                           ("contribution_arrears", 95e6)]
    # a cue between two figures types the second itself
    text = "BPJS Kesehatan bekerja sama dengan faskes. Jumlahnya naik dari 2021 sebanyak 21.400 FKTP dan FKRTL 2.300."
    assert typed(text) == [("primary_care_facilities", 21400.0), ("hospitals", 2300.0)]
    # the people "covered" by the insurer are its participants, and a list of places goes on in that metric
    text = ('"Jumlah penduduk yang terkaver BPJS Kesehatan di Kota Maju sudah mencapai 1.412.300 jiwa, '
            'Kota Jaya sebesar 1.201.500 jiwa," katanya.')
    assert typed(text) == [("participants", 1412300.0), ("participants", 1201500.0)]
    # what the insurer owes hospitals is no contribution arrears
    assert typed("BPJS Kesehatan mencatat tunggakan pembayaran klaim ke rumah sakit mencapai Rp412 juta.") == []


def test_the_government_as_payer_and_a_split_or_suffixed_coverage_word():
    text = ("Dalam program JKN, lebih dari 86,3 juta jiwa penerima bantuan iuran (PBI) ditanggung pemerintah pusat, sementara "
            "pemerintah daerah menanggung lebih dari 33 juta peserta.")
    assert typed(text) == [("pbi_participants", 86.3e6), ("pbi_participants", 33e6)]
    # "kepesertaannya" names the programme as "kepesertaan" does
    text = ('Peserta JKN diimbau tetap aktif. Jadi bisa periksa. "Yang penting aktif kepesertaannya, yang dibayar '
            'pemerintah itu sekitar 87,6 juta orang," kata dia.')
    assert typed(text) == [("pbi_participants", 87.6e6)]
    text = "BPJS Kesehatan menargetkan ke pesertaan di wilayah kerja kami pada 2025 dapat tercapai hingga 99 persen."
    assert [(r.metric, r.kind, r.target_year) for r in extract(text, "t")] == [("jkn_coverage_pct", "target", 2025)]


def dated_as(text: str) -> list[tuple[str, float, str | None]]:
    return [(r.metric, r.value, r.as_of) for r in extract(text, "t")]


def test_a_breakdown_after_an_unreadable_total_takes_the_date_of_its_sentence():
    # "231,5 jiwa" lost its "juta": no figure, but its year still dates the breakdown
    text = ("Adapun total kepesertaan JKN mencapai 231,5 jiwa pada 2021. Terdiri dari PBI mencapai 140,2 juta jiwa, "
            "dan PBI APBD 37,1 juta jiwa.")
    assert dated_as(text) == [("pbi_participants", 140.2e6, "2021"), ("pbi_participants", 37.1e6, "2021")]
    # ... and so does a sentence whose first figure is a part of it ("N di antaranya")
    text = ("Sampai 2021, kepesertaan JKN mencapai 231,5 jiwa. Sekitar 140,2 juta jiwa di antaranya peserta PBI, "
            "termasuk PBI APBD 37,1 juta jiwa.")
    assert dated_as(text) == [("pbi_participants", 140.2e6, "2021"), ("pbi_participants", 37.1e6, "2021")]


def test_the_date_closing_the_sentence_dates_a_lone_figure():
    text = "Dari segi mitra, terdapat 2.410 rumah sakit yang bekerja sama dengan BPJS Kesehatan pada 2019."
    assert dated_as(text) == [("hospitals", 2410.0, "2019")]
    # ... not the level a comparison starts from, nor past a date on the figure's left
    text = "Jumlah peserta JKN sudah mencapai 210 juta jiwa dari tadinya 120 juta jiwa pada 2014."
    assert dated_as(text)[0] == ("participants", 210e6, None)
    text = ("Capaian kepesertaan JKN di Kota Maju per Mei 2021 adalah 95,4 persen berdasarkan data kependudukan "
            "Desember 2020.")
    assert dated_as(text) == [("jkn_coverage_pct", 95.4, "2021-05")]


def test_a_count_of_places_does_not_stop_a_data_date():
    text = ("BPJS Kesehatan Cabang Kota Maju telah menjalin kerja sama dengan 140 FKTP dan 19 rumah sakit yang "
            "tersebar di lima kabupaten/kota per 1 Januari 2024.")
    assert [r.as_of for r in extract(text, "t")] == ["2024-01-01", "2024-01-01"]


def test_a_bare_subset_after_a_back_reference_takes_the_cue_after_it():
    text = ("Jumlah peserta BPJS Kesehatan ada 231 juta atau sekitar 84% penduduk Indonesia. Dari jumlah tersebut, "
            "131 juta diantaranya merupakan Penerima Bantuan Iuran (PBI).")
    assert typed(text)[-1] == ("pbi_participants", 131e6)


def test_a_list_of_count_and_share_pairs_goes_on_in_its_metrics():
    text = ("Cakupan peserta JKN yang hampir mencapai UHC yakni Kabupaten Lembah Hijau sekitar 512.300 jiwa atau "
            "sebesar 88,1 persen, dan Kabupaten Sumber Raya Makmur sekitar 402.100 jiwa atau 86,2 persen.")
    assert typed(text) == [("participants", 512300.0), ("jkn_coverage_pct", 88.1),
                           ("participants", 402100.0), ("jkn_coverage_pct", 86.2)]


def test_a_bare_count_restated_by_the_coverage_share_after_it_counts_participants():
    text = 'Program JKN terus tumbuh. "Sekarang ini sudah 231 juta atau sekitar 84 persen dari populasi," katanya.'
    assert typed(text) == [("participants", 231e6), ("jkn_coverage_pct", 84.0)]
    # a share of something else gives the count nothing
    assert typed("Program JKN. Pemerintah kota menghabiskan 236 juta atau sekitar 6 persen dari anggaran.") == []


def test_shares_restating_the_insurers_participants_and_parts_of_them():
    text = "Program JKN. Dia menjelaskan bahwa dari sekitar 261 juta peserta BPJS, yakni 94,1 persen penduduk Indonesia."
    assert typed(text) == [("participants", 261e6), ("jkn_coverage_pct", 94.1)]
    text = ("Jumlah peserta BPJS Kesehatan mencapai 231 juta. Dari jumlah tersebut, sebanyak 131 juta di antaranya "
            "merupakan Penerima Bantuan Iuran (PBI).")
    assert typed(text)[-1] == ("pbi_participants", 131e6)
    text = "Kepesertaan naik, artinya saat ini lebih dari 91 persen penduduk Indonesia telah terjamin Program JKN."
    assert typed(text) == [("jkn_coverage_pct", 91.0)]


def test_the_participants_the_insurer_serves_but_not_a_workload_per_one():
    text = '"Kami mendukung keberlangsungan Program JKN-KIS dan melayani 221 juta peserta JKN-KIS," ujar Rudi.'
    assert typed(text) == [("participants", 221e6)]
    assert typed("Program JKN. Artinya bisa dikatakan 1 pegawai melayani 30.500 peserta program JKN-KIS.") == []
    assert typed("Program JKN. Satu pegawai BPJS Kesehatan kira-kira harus melayani 27.500 peserta.") == []
    assert typed("Program JKN. Ada 1 rumah sakit dan 20.000 peserta JKN di desa itu.") == [("participants", 20000.0)]


def test_a_commitment_or_an_aim_states_a_goal():
    text = "Melalui program ini, BPJS Kesehatan berkomitmen agar 98 persen penduduk terlindungi Program JKN di tahun 2026."
    assert [(r.kind, r.target_year) for r in extract(text, "t")] == [("target", 2026)]
    text = ("Tujuannya, meningkatkan keaktifan peserta Jaminan Kesehatan Nasional (JKN) hingga 97 persen dari total "
            "penduduk Indonesia.")
    assert [r.kind for r in extract(text, "t")] == ["target"]


def test_uncued_percentage_equal_to_count_over_population_is_its_coverage():
    text = ("Program JKN terus berjalan. Sebanyak 450.000 jiwa penduduk Kota Madiun telah terdaftar sebagai peserta "
            "JKN dari total jumlah penduduk 500.000 jiwa atau sebesar 90 persen.")
    assert typed(text) == [("participants", 450000.0), ("population", 500000.0), ("jkn_coverage_pct", 90.0)]
    # a percentage that is no such quotient stays without a metric
    assert ("jkn_coverage_pct", 75.0) not in typed(text.replace("90 persen", "75 persen"))


def test_a_count_restating_a_share_reads_the_share_frame():
    text = "Program JKN berjalan. Pemerintah membayarkan iuran PBI bagi 35% atau 84 juta warga miskin setiap bulan."
    assert typed(text) == [("pbi_participants", 84e6)]


def test_state_financing_of_pbi_is_a_budget():
    text = "Menurut dia, pemerintah pusat menyalurkan pembiayaan PBI sebesar Rp 19,4 triliun kepada BPJS Kesehatan pada 2017."
    assert typed(text) == [("budget", 19.4e12)]


def test_the_state_paid_card_with_a_reach_counts_pbi_recipients():
    # the card named alone, as a programme reaching N people, counts its holders: PBI recipients
    assert typed("Presiden menyebut KIS kini sudah diberikan kepada sekitar 88 juta warga. Itu program JKN.") \
        == [("pbi_participants", 88000000.0)]
    assert typed("Salah satunya Kartu Indonesia Sehat yang mencakup 91,2 juta orang, bagian dari JKN.") \
        == [("pbi_participants", 91200000.0)]
    # ... but not the card every member holds, nor the card without a reach word
    assert typed("Peserta yang menunggak iuran program Kartu Indonesia Sehat (JKN-KIS) jumlahnya 41.310 orang.") == []
    assert typed("Jumlah peserta JKN-KIS di kota itu mencapai 310.000 jiwa.") == [("participants", 310000.0)]
    assert typed("Sebanyak 12.400 warga membawa kartu KIS ke puskesmas, kata petugas JKN.") == []


def test_an_exclusion_does_not_reach_past_a_clause_of_cause():
    # "karena" opens another clause: the trial before it says nothing of the share after it
    text = "Menurut dia, uji coba syarat SIM itu lancar, karena sekitar 97,5 persen atau 4,1 juta jiwa warganya sudah terdaftar sebagai peserta JKN."
    assert typed(text) == [("jkn_coverage_pct", 97.5), ("participants", 4.1e6)]
    # ... within its own clause the exclusion still vetoes
    assert typed("Menurut dia, uji coba KRIS diikuti 97,5 persen rumah sakit peserta JKN.") == []


def test_an_exclusion_in_a_gloss_of_the_cue_explains_it():
    # brackets or a clause of cause after "peserta nonaktif" say why they are inactive, not that the count is arrears
    lead = "Peserta JKN di provinsi itu berjumlah 4,2 juta jiwa. "
    assert typed(lead + "Adapun peserta nonaktif (menunggak iuran) tercatat 310.000 jiwa.")[1:] \
        == [("inactive_participants", 310000.0)]
    assert typed(lead + "Adapun peserta nonaktif karena belum membayar alias menunggak iuran tercatat 310.000 jiwa.")[1:] \
        == [("inactive_participants", 310000.0)]
    # ... an exclusion after the brackets closed still vetoes
    assert typed(lead + "Adapun jumlah peserta (mandiri) yang menunggak iuran tercatat 310.000 jiwa.")[1:] == []


def test_an_anaphoric_sentence_without_a_figure_keeps_the_figure_before_in_reach():
    # the middle sentence refers back but its own number is no figure (a count without "juta")
    text = ("Peserta JKN di provinsi itu pada 2022 mencapai 4,2 juta jiwa. Jumlah itu naik dibandingkan tahun "
            "sebelumnya yakni 4,05 jiwa. Bahkan, hingga Juli 2023, jumlah itu menjadi 4,4 juta jiwa.")
    assert typed(text) == [("participants", 4.2e6), ("participants", 4.4e6)]


def test_a_figure_measured_against_a_national_goal_stays_the_regions():
    text = ("Semarang (ANTARA) - Pemerintah Kota Semarang terus mendaftarkan warganya.\n"
            "Kepala Dinas Kesehatan mengatakan cakupan kepesertaan JKN kini 97,2 persen, melampaui target RPJMN.")
    assert [(r.metric, r.region_code) for r in extract(text, "t", None)] == [("jkn_coverage_pct", "33.74")]
    # the goal itself, named after the national plan, is the country's
    text = "Semarang (ANTARA) - Sesuai RPJMN, cakupan kepesertaan JKN ditargetkan 98 persen."
    assert [(r.metric, r.region_code, r.kind) for r in extract(text, "t", None)] == [("jkn_coverage_pct", "ID", "target")]
    # ... and so is the goal the national social-security council sets, whatever the dateline
    text = "Semarang (ANTARA) - DJSN menargetkan kepesertaan JKN naik hingga 98 persen pada 2024."
    assert [(r.region_code, r.kind) for r in extract(text, "t", None)] == [("ID", "target")]


def test_the_year_of_a_goal_the_figure_exceeds_does_not_date_it():
    text = ("Kepala cabang mengatakan peserta JKN di Kota Madiun kini mencapai 190.500 jiwa "
            "yang merupakan angka yang sudah melebihi target Rencana Pembangunan Jangka Menengah Nasional tahun 2024.")
    assert [(r.metric, r.as_of) for r in extract(text, "t", None)] == [("participants", None)]
    # a closing year with no goal between still dates a lone figure
    text = "Kepala cabang mengatakan peserta JKN di Kota Madiun mencapai 190.500 jiwa pada tahun 2023."
    assert [(r.metric, r.as_of) for r in extract(text, "t", None)] == [("participants", "2023")]


def test_a_goal_restated_in_a_quote_takes_the_speaker_of_the_quote():
    text = ("Cakupan kepesertaan JKN ditargetkan 98 persen pada 2024.\n"
            "\"Target cakupan kepesertaan JKN sebesar 98 persen pada 2024 harus kita kejar,\" kata Direktur "
            "Utama BPJS Kesehatan Budi Hartono.")
    assert [(r.metric, r.kind, r.speaker_name) for r in extract(text, "t", None)] == [
        ("jkn_coverage_pct", "target", "Budi Hartono")]


def test_money_paying_for_a_segment_of_state_paid_participants_is_a_budget():
    lead = "Program JKN dijalankan BPJS Kesehatan. "
    assert typed(lead + "Untuk 2020, pemerintah akan membiayai segmen PBI APBN sebesar Rp 47,1 triliun.") == [
        ("budget", 47.1e12)]
    assert typed(lead + "Tahun ini pemerintah membayari segmen PBI APBN sebesar Rp47,3 triliun.") == [("budget", 47.3e12)]
    # money of the segment that pays for nothing is no budget
    assert typed(lead + "Klaim segmen PBI mencapai Rp 40,2 triliun.") == []
    assert typed(lead + "Iuran dari segmen PBI APBN sebesar Rp 45,8 triliun.") == []


def test_persons_counted_with_their_arrears_are_people_in_arrears():
    text = ("Menurut BPJS Kesehatan, tunggakan iuran peserta mandiri JKN mencapai Rp46 miliar. Peserta yang "
            "menunggak itu paling banyak tinggal di Kabupaten Kudus yakni sebanyak 33.900 orang dengan tunggakan "
            "mencapai Rp22,8 miliar.\n"
            "Kemudian peserta di Kabupaten Demak sebanyak 15.120 orang dengan jumlah tunggakan Rp11,4 miliar.")
    assert typed(text) == [("contribution_arrears", 46e9), ("contribution_arrears", 22.8e9),
                           ("contribution_arrears", 11.4e9)]
    # a count of participants that merely goes on with "dengan" stays one
    assert typed("Peserta JKN di Kabupaten Demak sebanyak 120.300 orang dengan 40 persen di antaranya PBI.")[0] == (
        "participants", 120300.0)


def test_a_bare_number_repeating_an_earlier_figure_is_that_figure():
    text = ("Sepanjang 2021, BPJS Kesehatan bekerja sama dengan 21.417 fasilitas kesehatan (faskes) tingkat pertama "
            "dan 2.811 rumah sakit (RS), separuhnya milik swasta. \"Mitra kami kini ada 21.417 dari dulu hanya "
            "sekitar 17 ribuan, rumah sakit yang dulu 1.500, waktu itu banyak rumah sakit enggan kerja sama dengan "
            "BPJS, sekarang malah sudah 2.811 RS yang bekerja sama dengan BPJS,\" katanya.")
    # the repeat is the primary-care count again (one record), not a count of hospitals
    assert typed(text) == [("primary_care_facilities", 21417.0), ("hospitals", 2811.0)]


def test_money_of_the_pandemic_response_and_the_rest_of_a_sum_are_no_figures():
    text = ("Rinciannya, anggaran itu disalurkan untuk penanganan Covid-19 sebesar Rp61,2 triliun, santunan "
            "kematian Rp200 miliar, bantuan iuran JKN Rp2,8 triliun dan Gugus Tugas Covid-19 Rp3,1 triliun.")
    assert typed(text) == [("budget", 2.8e12)]
    text = "Iuran BPJS Kesehatan berubah. Peserta kelas 3 cukup membayar Rp 24.000 dan sisanya sebesar 18.000 dibayar negara."
    assert typed(text) == []


def test_a_sentence_of_the_other_social_insurer_yields_nothing():
    text = ("BPJS Kesehatan mencatat 31,2 juta peserta JKN non-aktif.\n"
            "Di luar itu, jumlah tersebut juga mencakup anggota BPJS Ketenagakerjaan yang aktif sebanyak 25,4 juta.")
    assert typed(text) == [("inactive_participants", 31.2e6)]
    # ... unless it speaks of health insurance too
    assert typed("Menurut data BPJS Kesehatan, 96,5 persen penduduk terdaftar JKN, kata Kepala BPJS Ketenagakerjaan Budi."
                 ) == [("jkn_coverage_pct", 96.5)]


def test_people_served_at_a_counter_and_counts_per_day_are_visits():
    text = ("Kantor BPJS Kesehatan Cabang Maju ramai. Selasa itu jumlah peserta yang mendapatkan pelayanan di loket "
            "sekitar 230 orang, padahal biasanya cuma 140 peserta per hari.")
    assert typed(text) == []


def test_the_whole_a_later_facility_count_is_part_of_escapes_the_parts_vetoes():
    text = ("BPJS Kesehatan memperluas antrean daring. Per Januari 2022, dari 2.740 rumah sakit mitra yang bekerja "
            "sama dengan BPJS Kesehatan, sebanyak 1.510 rumah sakit sudah memakai antrean daring.")
    assert [(r.metric, r.value, r.as_of) for r in extract(text, "t", None)] == [("hospitals", 2740.0, "2022-01")]
    # a list after "terdiri dari" is no whole
    text = ("BPJS Kesehatan terus mendorong antrean daring. Klinik yang menerapkan antrean terdiri dari 12 klinik "
            "swasta dan 7 klinik pemerintah.")
    assert typed(text) == []


def test_a_sentence_on_inactive_participants_speaks_of_health_insurance():
    text = ("Rapat Komisi IX DPR membahas iuran BPJS Kesehatan. Seorang anggota komisi ikut bicara.\n"
            "\"Soal penunggakan, peserta nonaktif kini ada 51,2 juta orang,\" ujarnya.")
    assert typed(text) == [("inactive_participants", 51.2e6)]
    assert typed("Iuran BPJS Kesehatan naik. Kini ada 16,1 juta peserta non aktif pada Juli 2021.") == [
        ("inactive_participants", 16.1e6)]


def test_money_in_the_sentence_after_one_on_pbi_may_be_a_budget():
    text = ("Ia menyebut pemasukan terbesar BPJS Kesehatan tetap datang dari peserta PBI.\n"
            "Untuk itu pemerintah menganggarkan sekitar Rp47,9 triliun di APBN 2021.")
    assert [(r.metric, r.value, r.as_of) for r in extract(text, "t", None)] == [("budget", 47.9e12, "2021")]
    # ... not a whole regional budget, nor vaccines
    text = ("Pemkab menaikkan anggaran untuk PBI BPJS Kesehatan.\n"
            "DPRD resmi menetapkan APBD tahun 2020 senilai Rp7,1 triliun pada rapat paripurna.")
    assert typed(text) == []
    text = ("Pemerintah membayar iuran PBI BPJS Kesehatan.\n"
            "Dana untuk pengadaan vaksin pada 2021 dianggarkan sebesar Rp17 triliun.")
    assert typed(text) == []
