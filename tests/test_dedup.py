"""Deduplication: exact hash, MinHash near duplicates with the numeric gate, canonical choice, incremental state.

All texts are invented press-release style paragraphs (no corpus text)."""
from __future__ import annotations

from pathlib import Path

import pytest

from jkn_extract.dedup import Deduplicator, numeric_overlap, numeric_hashes, normalise


def release(region: str = "Kabupaten Lembah Sari", pct: str = "91,37", people: str = "184.220",
            gap: str = "17.460", month: str = "Oktober") -> list[str]:
    """An invented JKN press release as a list of sentences (figures and region are parameters)."""
    return [
        f"Pemerintah {region} terus mendorong warganya agar terdaftar sebagai peserta program Jaminan Kesehatan Nasional.",
        f"Hingga akhir {month} 2031 cakupan kepesertaan JKN di {region} telah mencapai {pct} persen dari jumlah penduduk.",
        f"Jumlah peserta yang sudah terdaftar tercatat sebanyak {people} jiwa menurut data kantor cabang setempat.",
        f"Masih ada sekitar {gap} jiwa yang belum terdaftar dan menjadi sasaran pendataan oleh petugas kelurahan.",
        "Kepala dinas kesehatan setempat mengatakan pendataan dilakukan dari rumah ke rumah bersama kader posyandu.",
        "Menurut dia warga yang belum terdaftar umumnya pekerja informal yang belum memahami manfaat program tersebut.",
        "Pemerintah daerah juga menyiapkan anggaran untuk membayar iuran warga miskin yang belum masuk daftar bantuan.",
        "Selain itu kantor cabang membuka layanan pendaftaran keliling di pasar dan balai desa setiap akhir pekan.",
        "Petugas juga mengingatkan peserta mandiri agar membayar iuran tepat waktu supaya kepesertaannya tetap aktif.",
        "Peserta yang menunggak iuran diminta segera melunasi tunggakan agar dapat kembali memperoleh layanan kesehatan.",
        "Ia berharap seluruh puskesmas dan klinik di wilayah itu dapat melayani peserta dengan ramah dan cepat.",
        "Dengan langkah tersebut pemerintah daerah optimistis target cakupan semesta dapat tercapai tahun depan.",
        "Camat dan lurah diminta aktif melaporkan warga yang pindah domisili agar data kepesertaan selalu mutakhir.",
        "Rumah sakit daerah menambah loket khusus bagi peserta lanjut usia dan penyandang disabilitas.",
        "Warga dapat mengecek status kepesertaan melalui aplikasi seluler maupun layanan pesan singkat.",
        "Kantor cabang menyebut jumlah aduan peserta terus menurun sejak layanan daring diperkenalkan.",
        "Ke depan pemerintah daerah akan memperluas kerja sama dengan perusahaan swasta untuk mendaftarkan pekerjanya.",
        "Program ini disebut sebagai bagian dari upaya memastikan tidak ada warga yang kesulitan berobat karena biaya.",
    ]


def text_of(sentences: list[str], title: str = "") -> str:
    return "\n\n".join(([title] if title else []) + sentences)


BASE = text_of(release(), "Cakupan JKN Terus Meningkat")


def decide(*articles: tuple[str, str] | tuple[str, str, str | None], **kwargs) -> dict:
    d = Deduplicator(**kwargs)
    for art in articles:
        d.add(*art)
    return d.decide()


def test_exact_duplicate_after_whitespace_and_case_changes() -> None:
    variant = "  " + BASE.upper().replace(" ", "  \n ") + "\n"
    out = decide(("a", BASE), ("b", variant))
    assert out["a"].status == "kept" and out["a"].cluster_id == "a"
    assert out["b"].status == "duplicate" and out["b"].duplicate_of == "a"
    assert out["b"].exact and out["b"].similarity == 1.0


def test_near_duplicate_retitled_boilerplate_sentence_dropped() -> None:
    sents = release()
    edited = text_of(sents[:5] + sents[6:], "Warga Diminta Segera Daftar JKN") + \
        "\n\nBaca juga berita menarik lainnya hanya di portal kami dan ikuti kanal resmi kami."
    out = decide(("orig", BASE), ("repost", edited))
    assert out["repost"].status == "duplicate" and out["repost"].duplicate_of == "orig"
    assert not out["repost"].exact
    assert 0.8 <= out["repost"].similarity < 1.0
    assert out["repost"].cluster_id == "orig" and out["orig"].cluster_id == "orig"


def test_same_release_with_other_figures_is_kept() -> None:
    update = text_of(release(pct="92,05", people="185.730", gap="15.950", month="November"),
                     "Cakupan JKN Terus Meningkat")
    out = decide(("oct", BASE), ("nov", update))
    assert out["oct"].status == "kept" and out["nov"].status == "kept"
    assert out["nov"].cluster_id is None


def test_same_release_for_another_region_is_kept() -> None:
    other = text_of(release(region="Kota Bukit Pelangi", pct="88,12", people="96.410", gap="13.005"),
                    "Cakupan JKN Terus Meningkat")
    out = decide(("r1", BASE), ("r2", other))
    assert {out["r1"].status, out["r2"].status} == {"kept"}


def test_unrelated_articles_are_singletons() -> None:
    other = ("Hujan deras sejak sore membuat beberapa ruas jalan di pusat kota tergenang setinggi lutut orang dewasa. "
             "Petugas pemadam kebakaran membantu warga memindahkan barang ke tempat yang lebih tinggi.")
    out = decide(("a", BASE), ("b", other))
    assert out["a"] == out["a"].__class__("a", "kept", None, None, 1.0)
    assert out["b"].status == "kept" and out["b"].cluster_id is None


def test_canonical_is_earliest_published() -> None:
    out = decide(("late", BASE, "2031-11-02"), ("early", BASE + " ", "2031-10-30"), ("nodate", BASE, None))
    assert out["early"].status == "kept"
    assert out["late"].duplicate_of == "early" and out["nodate"].duplicate_of == "early"


def test_canonical_is_longest_without_dates_then_first_seen() -> None:
    sents = release()
    short = text_of(sents[:-1])
    out = decide(("short", short), ("long", BASE))
    assert out["long"].status == "kept" and out["short"].duplicate_of == "long"
    out = decide(("first", BASE), ("second", BASE))
    assert out["first"].status == "kept" and out["second"].duplicate_of == "first"


def test_near_stage_can_be_switched_off() -> None:
    sents = release()
    out = decide(("a", BASE), ("b", text_of(sents[:-1])), ("c", BASE), near=False)
    assert out["b"].status == "kept" and out["c"].duplicate_of == "a"


def test_incremental_runs(tmp_path: Path) -> None:
    state = tmp_path / "state" / "dedup.pkl"
    sents = release()
    first = Deduplicator()
    first.add("old", text_of(sents[:-1]), "2031-11-05")
    first.add("other", text_of(release(region="Kota Bukit Pelangi", pct="88,12", people="96.410", gap="13.005")))
    assert first.decide()["old"].status == "kept"
    first.save(state)

    second = Deduplicator.load(state)
    # Published earlier and longer, but "old" was already kept (its records are written): it stays canonical.
    second.add("new", BASE, "2031-11-01")
    second.add("new-copy", BASE.lower())
    out = second.decide()
    assert set(out) == {"new", "new-copy"}
    assert out["new"].status == "duplicate" and out["new"].duplicate_of == "old"
    assert out["new-copy"].duplicate_of == "old" and out["new-copy"].exact
    rows = {art: (cluster, sim) for art, cluster, sim in second.clusters()}
    assert set(rows) == {"old", "new", "new-copy"} and rows["old"] == ("old", 1.0)
    assert all(cluster == "old" for cluster, _ in rows.values())
    second.save(state)

    third = Deduplicator.load(state)
    assert {art for art, _, _ in third.clusters()} == {"old", "new", "new-copy"}


def test_readding_the_same_dump_adds_nothing(tmp_path: Path) -> None:
    state = tmp_path / "dedup.pkl"
    arts = [("a", BASE), ("b", BASE + "\n"), ("c", "Sebuah berita lain tentang cuaca hari ini di kota kecil.")]
    d = Deduplicator()
    for art in arts:
        d.add(*art)
    d.decide()
    before = d.clusters()
    d.save(state)
    again = Deduplicator.load(state)
    for art in arts:
        again.add(*art)
    out = again.decide()
    assert all(dec.status == "duplicate" and dec.duplicate_of == art for art, dec in out.items())
    assert out["a"].cluster_id == "a" and out["c"].cluster_id is None
    assert again.clusters() == before
    again.save(state)
    assert Deduplicator.load(state).clusters() == before


def test_same_id_twice_in_one_run_keeps_the_first() -> None:
    d = Deduplicator()
    d.add("x", BASE)
    d.add("x", "Teks yang sama sekali berbeda.")
    out = d.decide()
    assert list(out) == ["x"] and out["x"].status == "kept"
    assert d.decide() == out   # idempotent


@pytest.mark.parametrize("a,b,expected", [
    ("naik 3,4 persen menjadi 50.5 juta", "naik 3.4 persen menjadi 50,5 juta", 1.0),
    ("pada (06/08/2031) tercatat 120 jiwa", "pada (7/8/2031) tercatat 120 jiwa", 1.0),
    ("tercatat 120 jiwa dan 75 persen", "tercatat 120 jiwa", 1.0),
    ("tercatat 120 jiwa", "tercatat 121 jiwa", 0.0),
])
def test_numeric_overlap(a: str, b: str, expected: float) -> None:
    assert numeric_overlap(numeric_hashes(normalise(a)), numeric_hashes(normalise(b))) == expected


def test_texts_without_numbers_skip_the_gate() -> None:
    assert numeric_overlap(numeric_hashes("tanpa angka"), numeric_hashes("ada 5 angka")) is None


def test_empty_and_tiny_texts() -> None:
    out = decide(("e1", ""), ("e2", "   "), ("t1", "JKN"), ("t2", "jkn"), ("p1", "!!!"), ("p2", "???"))
    assert out["e1"].status == "kept" and out["e2"].duplicate_of == "e1"
    assert out["t2"].duplicate_of == "t1"
    assert out["p1"].status == out["p2"].status == "kept"   # no tokens: nothing to compare


def test_bpjs_dump_exact_stage(shared: Path) -> None:
    """The dump's exact-duplicate rows (identical after whitespace folding) are exactly those flagged exact."""
    import gzip
    import json
    path = shared / "corpus" / "bpjs-dump.jsonl.gz"
    if not path.is_file():
        pytest.skip("bpjs-dump.jsonl.gz is absent")
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    seen: set[str] = set()
    truth: set[str] = set()
    d = Deduplicator()
    for row in rows:
        key = " ".join(row["text"].split())
        if key in seen:
            truth.add(row["id"])
        seen.add(key)
        d.add(row["id"], row["text"])
    out = d.decide()
    assert {art for art, dec in out.items() if dec.exact} == truth
    assert len(truth) == 1445
