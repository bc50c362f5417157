"""Speakers: continuation of reported speech, venue adjuncts, more speech verbs (invented sentences)."""
from __future__ import annotations

import pytest

from test_speakers import at, who  # the shared helpers: the statement holding a needle, its speaker


# --- continuation of reported speech; venue adjuncts; more verbs (None: narration is not continued) ------

B, J, R = "Budi Santoso", "Joko Susanto", "Rina Kartika"
SAID = '"Program ini untuk semua warga," kata Bupati Permai Joko Susanto. '


@pytest.mark.parametrize("text, needle, expected", [
    ("Kadinsos Budi Santoso mengatakan, 5.000 orang PPU. Kemudian PBPU 1.200 orang, PBI 800 orang.", "800", B),
    ("Bupati Joko Susanto mengatakan, jumlah penduduk Sukamaju 5.000 orang. Jumlah penduduk Jaya 900.", "900", J),
    (SAID + "Dia mengatakan peserta sebanyak 7.000 jiwa. Di mana dari jumlah itu 640 jiwa belum aktif.", "640", J),
    ("Wali Kota Permai Rina Kartika menyampaikan 2 pesan. Pertama, kepesertaan harus sampai 100 persen.", "100 p", R),
    ("Dinas Kesehatan mencatat jumlah peserta 5.000 orang. Kemudian peserta PBI sebanyak 300 orang.", "300", None),
    ("Bupati Joko Susanto mengatakan, PBI 5.000 orang. Dinas Sosial hadir. Kemudian PBPU 300 orang.", "300", None),
    (SAID + "Kemudian Pemkab membayar iuran 300 orang.", "300", None),
    ("Kepala Cabang Budi Santoso di Permai, Kamis mengatakan ada 10 klinik swasta dan 6 klinik.", "6 klinik", B),
    ("Kepala Humas Rina Kartika saat dihubungi di Permai, Jumat, mengatakan peserta 12.000 orang.", "12.000", R),
    ("Deputi Joko Susanto yang dihubungi dari Sukamaju, Senin, mengatakan ada 50 rumah sakit.", "50 rumah", J),
    ("Wakil Menteri Joko Susanto di Sukamaju Barat mengatakan, iuran naik mulai 2026.", "2026", J),   # a place alone
    ("Kepala Humas Rina Kartika kepada Harian Maju menjelaskan, iuran tetap sampai 2026.", "2026", R),  # an outlet
    ("Menurut aktuaris BPJS Kesehatan, Joko Susanto, tunggakan mencapai Rp 8 triliun.", "Rp 8", J),   # a profession
    # misspelt title and organisation words stay out of the name
    ("Sekertaris Umum Persatuan Klinik Swasta Joko Susanto mengatakan 12 klinik siap.", "12 klinik", J),
    ("Kepala Biro Kementerian Kesehata Rina Kartika menjelaskan kuota PBI 9 juta.", "9 juta", R),
    # ... but not a subheading glued before a name: the person, not "Kekurangan Klinik", speaks
    ("Kekurangan Klinik di Permai Prof Rina Kartika menyoroti, ada 40 klinik di Permai.", "40", R),
    ("Budi Santoso menguraikan BPJS Kesehatan telah bekerja sama dengan 35 rumah sakit.", "35 rumah", B),
    ("Bupati Joko Susanto pada saat rapat, Kamis (8/6), menjelaskan capaian JKN kini 91,2 persen.", "91,2", J),
    ("Menteri Rina Kartika menyatakan kuota PBI tersisa 9 juta. Pasalnya, yang ditetapkan baru 87 juta.", "87 juta", R),
    ("Kepala Rina Kartika hadir. Terkait kepesertaan di Permai, ia mengatakan, peserta aktif 84 persen.", "84", R),
    ("Anggota DPR Joko Susanto saat rapat dengan Dinas Kesehatan, BPJS Kesehatan, dan Dewan Pengawas Selasa (26/9) "
     "mencatat tunggakan dari 51,9 juta peserta.", "51,9", J),
    ("Deputi Direksi Bidang Jaminan Pembiayaan Kesehatan Rujukan Rina Kartika menerangkan ada 40 RS baru.", "40", R),
    ("Budi Santoso memberikan contoh, pada 2019 ada 35 juta peserta dengan anggaran Rp9 triliun.", "Rp9", B),
    ("Dia mengatakan peserta JKN terus bertambah. Oleh karena itu, BPJS Kesehatan kini bermitra dengan 40 rumah "
     "sakit.", "40 rumah", None),
    ("Bupati Joko Susanto mengatakan peserta JKN terus bertambah. Oleh karena itu, BPJS Kesehatan kini bermitra "
     "dengan 40 rumah sakit.", "40 rumah", J),
])
def test_continuations_venues_and_verbs(text: str, needle: str, expected: str | None) -> None:
    assert who(text, needle) == expected


def test_a_national_body_ending_in_indonesia_stays_in_the_role() -> None:
    q = at("Hal itu disampaikan Ketua Umum Perhimpunan Klinik Seluruh Indonesia Budi Santoso.", "Hal itu")
    assert q is not None and (q.speaker_name, q.speaker_role) == (B, "Ketua Umum Perhimpunan Klinik Seluruh Indonesia")
