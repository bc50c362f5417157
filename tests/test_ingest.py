from __future__ import annotations

import gzip
import json
from pathlib import Path

from jkn_extract.ingest import Article, Rejected, iter_articles


def write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def test_txt_article_id_is_file_stem(tmp_path):
    write(tmp_path / "abc_1.txt", "Cakupan JKN 95 persen.".encode())
    [item] = list(iter_articles([tmp_path / "abc_1.txt"]))
    assert isinstance(item, Article)
    assert item.article_id == "abc_1"
    assert item.text == "Cakupan JKN 95 persen."


def test_directory_is_recursive_and_sorted(tmp_path):
    write(tmp_path / "b.txt", b"dua")
    write(tmp_path / "sub" / "a.txt", b"satu")
    write(tmp_path / "c.txt.gz", gzip.compress(b"tiga"))
    write(tmp_path / "notes.md", b"ignored: not an input type")
    ids = [i.article_id for i in iter_articles([tmp_path])]
    assert ids == ["b", "c", "a"]  # sorted by path: b.txt, c.txt.gz, sub/a.txt


def test_jsonl_fields_and_bad_lines(tmp_path):
    lines = [
        json.dumps({"id": "x1", "text": "Teks satu", "title": "T", "published": "2021-09-28", "source": "ANTARA"}),
        "{not json",
        json.dumps({"id": "x3"}),
        json.dumps({"id": "x4", "text": "   "}),
        json.dumps({"id": "x5", "text": 42}),
        json.dumps(["a", "list"]),
        "",
    ]
    path = write(tmp_path / "dump.jsonl.gz", gzip.compress("\n".join(lines).encode()))
    items = list(iter_articles([path]))
    assert [type(i).__name__ for i in items] == ["Article", "Rejected", "Rejected", "Rejected", "Rejected", "Rejected"]
    first = items[0]
    assert (first.article_id, first.title, first.published_raw, first.outlet) == ("x1", "T", "2021-09-28", "ANTARA")
    reasons = [i.reason for i in items[1:]]
    assert reasons[0].startswith("malformed JSON")
    assert reasons[1] == "no 'text' field"
    assert reasons[2] == "empty text"
    assert "not a string" in reasons[3]
    assert items[1].article_id == "dump:2" and items[1].source.endswith("dump.jsonl.gz:2")


def test_binary_empty_and_missing_are_rejected(tmp_path):
    binary = write(tmp_path / "img.txt", b"\x89PNG\x00\x00\x01")
    empty = write(tmp_path / "empty.txt", b"  \n ")
    items = list(iter_articles([binary, empty, tmp_path / "missing.txt", write(tmp_path / "x.pdf", b"%PDF")]))
    assert all(isinstance(i, Rejected) for i in items)
    assert [i.reason.split(" ")[0] for i in items] == ["binary", "empty", "no", "unsupported"]


def test_cp1252_text_is_kept_decoded_with_a_note(tmp_path):
    path = write(tmp_path / "old.txt", "Cakupan “JKN” capai 95 persen".encode("cp1252"))
    [item] = list(iter_articles([path]))
    assert isinstance(item, Article)
    assert "“JKN”" in item.text
    assert "cp1252" in item.note


def test_truncated_gzip_keeps_read_lines_and_reports_the_rest(tmp_path):
    body = "\n".join(json.dumps({"id": f"a{i}", "text": "x" * 200}) for i in range(50)).encode()
    path = write(tmp_path / "cut.jsonl.gz", gzip.compress(body)[:-40])
    items = list(iter_articles([path]))
    assert isinstance(items[-1], Rejected) and "unreadable" in items[-1].reason
    assert all(isinstance(i, Article) for i in items[:-1])


def test_units_are_read_here_and_parsed_anywhere(tmp_path):
    """iter_units only reads (no decoding, no JSON): parse_unit, in any process, gives what
    iter_articles gives, for every kind of input."""
    import pickle

    from jkn_extract.ingest import Unit, iter_units, parse_unit

    lines = [json.dumps({"id": "x1", "text": "Teks satu"}), "  ", "{not json"]
    write(tmp_path / "a" / "dump.jsonl.gz", gzip.compress("\n".join(lines).encode()))
    write(tmp_path / "a" / "b.txt", "Cakupan “JKN”".encode("cp1252"))
    write(tmp_path / "a" / "c.txt.gz", gzip.compress(b"tiga"))
    write(tmp_path / "a" / "d.txt.gz", b"not gzip at all")
    paths = [tmp_path / "a", tmp_path / "missing.txt"]
    units = list(iter_units(paths))
    assert [type(u).__name__ for u in units] == ["Unit"] * 5 + ["Rejected"]
    assert [u.kind for u in units[:5]] == ["txt", "txt.gz", "txt.gz", "jsonl", "jsonl"]
    assert units[3].data.startswith(b'{"id": "x1"') and units[4].source.endswith("dump.jsonl.gz:3")
    parsed = [u if isinstance(u, Rejected) else parse_unit(pickle.loads(pickle.dumps(u))) for u in units]
    assert parsed == list(iter_articles(paths))
    assert isinstance(parsed[2], Rejected) and parsed[2].reason.startswith("unreadable")
    assert parsed[1].text == "tiga" and "cp1252" in parsed[0].note
    assert isinstance(units[0], Unit) and units[0].fallback_id == "b"
