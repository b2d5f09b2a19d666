"""The readers of gzip, JSON, CSV files and directories: good records read, bad ones rejected with
their source and reason, whole bad files refused once, inputs with no article reported."""
from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from pipeline.readers import Article, CsvColumns, Reject, read_articles

GOOD = [{"id": f"g{i}", "date": "2022-05-0{}".format(i + 1), "title": f"Title {i}",
         "text": f"Rovers named Ana Pell{i} head coach on Monday."} for i in range(3)]


def jsonl_bytes(records) -> bytes:
    return b"".join(json.dumps(r).encode() + b"\n" for r in records)


def kinds(items) -> list[str]:
    return ["A" if isinstance(item, Article) else "R" for item in items]


# --- gzip ----------------------------------------------------------------------------------------

def test_jsonl_gz_is_read_like_jsonl(tmp_path):
    path = tmp_path / "feed.jsonl.gz"
    path.write_bytes(gzip.compress(jsonl_bytes(GOOD) + b"not json\n"))
    items = list(read_articles([path]))
    assert [a.id for a in items[:3]] == ["g0", "g1", "g2"]
    assert items[0].source == f"{path}:1"
    bad = items[3]
    assert isinstance(bad, Reject) and bad.source == f"{path}:4" and bad.reason.startswith("malformed JSON")


def test_truncated_gz_keeps_the_articles_before_the_cut_and_says_where(tmp_path):
    whole = gzip.compress(jsonl_bytes(GOOD * 1) + jsonl_bytes(
        [{"id": f"x{i}", "text": "Filler words " * 50} for i in range(200)]))
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(whole[: len(whole) // 2])
    after = tmp_path / "z.jsonl"
    after.write_bytes(jsonl_bytes([{"id": "after", "text": "Still read."}]))
    items = list(read_articles([path, after]))
    *articles, bad, last = items
    assert kinds(articles) == ["A"] * len(articles) and len(articles) >= 3
    assert isinstance(bad, Reject) and "truncated gzip file" in bad.reason
    assert bad.source == f"{path}:{len(articles) + 1}"
    assert last.id == "after"  # the run goes on with the next input


def test_corrupt_gz_is_one_reject(tmp_path):
    path = tmp_path / "bad.jsonl.gz"
    path.write_bytes(b"this was never gzip data\n" * 10)
    [bad] = list(read_articles([path]))
    assert isinstance(bad, Reject) and bad.source == str(path) and "corrupt gzip file" in bad.reason


# --- binary files ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("data", "named"), [
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40, "PNG image"),
    (b"PK\x03\x04" + bytes(range(256)) * 40, "zip archive"),
    (gzip.compress(jsonl_bytes(GOOD)), "gzip-compressed data"),
    (bytes(range(32)) * 300, "control bytes"),
])
def test_binary_file_is_one_reject_with_a_clear_reason(tmp_path, data, named):
    path = tmp_path / "feed.jsonl"
    path.write_bytes(data)
    [bad] = list(read_articles([path]))
    assert isinstance(bad, Reject) and bad.source == str(path)
    assert bad.reason.startswith("binary file") and named in bad.reason


def test_text_file_with_a_stray_nul_is_text_not_binary(tmp_path):
    path = tmp_path / "a7.txt"
    path.write_bytes("Rovers named Ana Pell head coach.\x00 The club confirmed it.".encode())
    [article] = list(read_articles([path]))
    assert isinstance(article, Article) and "\x00" in article.text


# --- JSON files ------------------------------------------------------------------------------------

def test_json_file_with_one_object_or_an_array(tmp_path):
    one = tmp_path / "one.json"
    one.write_text(json.dumps(GOOD[0]), encoding="utf-8")
    many = tmp_path / "many.json"
    many.write_text(json.dumps([GOOD[1], {"id": "nt"}, GOOD[2]]), encoding="utf-8")
    items = list(read_articles([one, many]))
    assert kinds(items) == ["A", "A", "R", "A"]
    assert items[0].source == str(one) and items[1].source == f"{many}[1]"
    assert (items[2].source, items[2].id, items[2].reason) == (f"{many}[2]", "nt", "missing text")


def test_malformed_json_file_is_one_reject_naming_the_line(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('[\n{"id": "a", "text": "T."},\n{"id": "b", "text": \n]', encoding="utf-8")
    [bad] = list(read_articles([path]))
    assert bad.source == f"{path}:4" and bad.reason.startswith("malformed JSON")


def test_directory_walk_reads_json_and_jsonl_gz_too(tmp_path):
    (tmp_path / "a.json").write_text(json.dumps(GOOD[0]), encoding="utf-8")
    (tmp_path / "b.jsonl.gz").write_bytes(gzip.compress(jsonl_bytes(GOOD[1:])))
    (tmp_path / "c.csv").write_text("id,text\nc,T.\n", encoding="utf-8")  # CSV only by name
    assert [a.id for a in read_articles([tmp_path])] == ["g0", "g1", "g2"]


# --- CSV -------------------------------------------------------------------------------------------

def write_csv(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8", newline="")
    return path


def test_csv_rows_with_named_columns(tmp_path):
    path = write_csv(tmp_path / "feed.csv",
                     "guid,body,published,headline,extra\n"
                     'k1,"Rovers named Ana Pell head coach, on Monday.\nA second line.",2022-05-02,Pell in,x\n'
                     "k2,Another text.,,,y\n")
    columns = CsvColumns(id="guid", text="body", date="published", title="headline")
    first, second = read_articles([path], csv_columns=columns)
    assert first == Article(id="k1", text="Rovers named Ana Pell head coach, on Monday.\nA second line.",
                            date="2022-05-02", title="Pell in", source=f"{path}:row 2")
    assert (second.id, second.date, second.title, second.source) == ("k2", None, None, f"{path}:row 3")


def test_csv_bad_rows_are_rejected_with_their_row_and_the_run_goes_on(tmp_path):
    path = write_csv(tmp_path / "feed.csv",
                     "id,text,date\n"
                     "r1,Fine.,2022-05-02\n"
                     "r2,Bad date.,02/05/2022\n"
                     ",No id.,\n"
                     "r4,Too,many,fields\n"
                     "r5,,2022-05-02\n"
                     "r6,Fine again.,\n")
    items = list(read_articles([path]))
    assert kinds(items) == ["A", "R", "R", "R", "R", "A"]
    reasons = {item.source: item.reason for item in items if isinstance(item, Reject)}
    assert reasons == {
        f"{path}:row 3": 'date is not YYYY-MM-DD: "02/05/2022"',
        f"{path}:row 4": "missing id",
        f"{path}:row 5": "row has 4 fields, the header has 3",
        f"{path}:row 6": "missing text",
    }


def test_csv_without_the_text_column_is_one_reject_naming_the_columns(tmp_path):
    path = write_csv(tmp_path / "feed.csv", "id,body\nr1,Text.\nr2,Text.\n")
    [bad] = list(read_articles([path]))
    assert bad.source == f"{path}:row 1"
    assert "no column 'text'" in bad.reason and "columns: id, body" in bad.reason


def test_csv_row_that_is_not_utf8(tmp_path):
    path = tmp_path / "feed.csv"
    path.write_bytes(b"id,text\nr1,caf\xe9 latin-1\nr2,Fine.\n")
    bad, good = read_articles([path])
    assert (bad.source, bad.reason) == (f"{path}:row 2", "not valid UTF-8")
    assert good.id == "r2"


def test_csv_gz_and_a_long_field(tmp_path):
    text = "word " * 60_000  # longer than csv's default field limit of 128 KiB
    path = tmp_path / "feed.csv.gz"
    path.write_bytes(gzip.compress(f"id,text\nlong,{text}\n".encode()))
    [article] = list(read_articles([path]))
    assert article.text == text


# --- no article at all, too long ------------------------------------------------------------------

@pytest.mark.parametrize(("name", "data"), [("empty.jsonl", b""), ("blank.jsonl", b"\n  \n"),
                                            ("empty.csv", b""), ("empty.jsonl.gz", gzip.compress(b""))])
def test_input_with_no_article_says_so(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    [said] = list(read_articles([path]))
    assert isinstance(said, Reject) and said.source == str(path) and said.reason.startswith("no article")


def test_directory_with_no_readable_file_says_so(tmp_path):
    (tmp_path / "notes.md").write_text("nothing to read", encoding="utf-8")
    [said] = list(read_articles([tmp_path]))
    assert said.source == str(tmp_path) and said.reason.startswith("no article: the directory holds no")


def test_article_longer_than_max_chars_is_rejected_with_its_length(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_bytes(jsonl_bytes([{"id": "big", "text": "x" * 5000}, GOOD[0]]))
    big, fine = read_articles([path], max_chars=4000)
    assert isinstance(big, Reject) and big.id == "big"
    assert big.reason == "text of 5,000 characters is longer than --max-chars 4,000"
    assert fine.id == "g0"


def test_text_file_far_beyond_max_chars_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_bytes(b"y" * 50_000)
    [bad] = list(read_articles([path], max_chars=1000))
    assert bad.id == "huge" and "longer than --max-chars 1,000" in bad.reason


# --- through the command line ---------------------------------------------------------------------

@pytest.fixture
def cli(monkeypatch, fake_nlp, tmp_path):
    from typer.testing import CliRunner

    import pipeline.run
    from pipeline.cli import app

    monkeypatch.setattr(pipeline.run, "load_nlp", lambda model=None: fake_nlp)
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    return lambda *args: runner.invoke(app, ["extract", *args])


def test_cli_reads_csv_with_named_columns_and_a_gz_directory(cli, tmp_path):
    write_csv(tmp_path / "feed.csv", "guid,body,when\nk1,Rovers sacked Tom Reed.,2022-05-02\nk2,,\n")
    (tmp_path / "archive").mkdir()
    (tmp_path / "archive" / "a.jsonl.gz").write_bytes(gzip.compress(jsonl_bytes(
        [{"id": "z1", "text": "Harbour sacked Lee Park."}])))
    result = cli("feed.csv", "archive", "--id-col", "guid", "--text-col", "body", "--date-col", "when",
                 "-o", "events.jsonl")
    assert result.exit_code == 0, result.output
    events = [json.loads(line) for line in (tmp_path / "events.jsonl").read_text().splitlines()]
    assert [(e["doc_id"], e["coach"], e["date"]) for e in events] == [("k1", "Tom Reed", "2022-05-02"),
                                                                      ("z1", "Lee Park", None)]
    assert "rejected feed.csv:row 3 (k2): missing text" in result.output


def test_cli_max_chars_and_an_input_with_no_article(cli, tmp_path):
    (tmp_path / "in.jsonl").write_bytes(jsonl_bytes([{"id": "big", "text": "Rovers sacked Tom Reed. " * 20}]))
    (tmp_path / "empty.jsonl").write_bytes(b"")
    result = cli("in.jsonl", "empty.jsonl", "--max-chars", "100", "-o", "events.jsonl")
    assert result.exit_code == 0, result.output
    assert "rejected in.jsonl:1 (big): text of 480 characters is longer than --max-chars 100" in result.output
    assert "rejected empty.jsonl: no article: the input is empty" in result.output
    assert "warning: no article was read from the inputs" in result.output
