"""The reader: JSON Lines, text files, directories, stdin; every bad record a Reject with its reason."""
from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from pipeline.readers import Article, ArticleReader, MissingInputError, Reject, expand_inputs, read_articles

GOOD = {"id": "a1", "date": "2019-06-03", "title": "Lions name Dana Ortiz head coach",
        "text": "The Lions named Dana Ortiz head coach on Monday.", "url": "https://example.org/a1"}


def write_jsonl(path: Path, lines: list[str | dict | bytes]) -> Path:
    with path.open("wb") as out:
        for line in lines:
            if isinstance(line, dict):
                line = json.dumps(line)
            if isinstance(line, str):
                line = line.encode("utf-8")
            out.write(line + b"\n")
    return path


def only(items: list) -> Article | Reject:
    assert len(items) == 1, items
    return items[0]


def test_jsonl_article_keeps_its_fields_and_ignores_extras(tmp_path):
    record = dict(GOOD, events=[{"type": "hire"}], notes="gold only")
    path = write_jsonl(tmp_path / "in.jsonl", [record])
    article = only(list(read_articles([path])))
    assert article == Article(id="a1", text=GOOD["text"], date="2019-06-03", title=GOOD["title"],
                              url="https://example.org/a1", source=f"{path}:1")


def test_optional_fields_may_be_absent_or_null(tmp_path):
    path = write_jsonl(tmp_path / "in.jsonl", [
        {"id": "a1", "text": "Some text."},
        {"id": "a2", "text": "Other text.", "date": None, "title": None, "url": None},
    ])
    first, second = read_articles([path])
    assert (first.date, first.title, first.url) == (None, None, None)
    assert (second.date, second.title, second.url) == (None, None, None)


def test_integer_id_becomes_a_string(tmp_path):
    path = write_jsonl(tmp_path / "in.jsonl", [{"id": 7, "text": "Some text."}])
    assert only(list(read_articles([path]))).id == "7"


def test_blank_lines_are_skipped_and_line_numbers_kept(tmp_path):
    path = write_jsonl(tmp_path / "in.jsonl", ["", "   ", {"id": "a3", "text": "Text."}])
    assert only(list(read_articles([path]))).source == f"{path}:3"


def test_byte_order_mark_on_the_first_line_is_accepted(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(GOOD).encode() + b"\n")
    assert only(list(read_articles([path]))).id == "a1"


@pytest.mark.parametrize(
    ("line", "reject_id", "reason"),
    [
        pytest.param('{"id": "b1", "text": "unterminated', None,
                     "malformed JSON: Unterminated string starting at (column 22)", id="malformed"),
        pytest.param('["b2", "a list"]', None, "not a JSON object (got array)", id="array"),
        pytest.param('"just a string"', None, "not a JSON object (got string)", id="string"),
        pytest.param({"text": "No id here."}, None, "missing id", id="missing-id"),
        pytest.param({"id": None, "text": "Null id."}, None, "missing id", id="null-id"),
        pytest.param({"id": "  ", "text": "Blank id."}, None, "empty id", id="empty-id"),
        pytest.param({"id": 1.5, "text": "Float id."}, None, "id is not a string (got float)",
                     id="float-id"),
        pytest.param({"id": True, "text": "Bool id."}, None, "id is not a string (got bool)",
                     id="bool-id"),
        pytest.param({"id": "b3"}, "b3", "missing text", id="missing-text"),
        pytest.param({"id": "b4", "text": None}, "b4", "missing text", id="null-text"),
        pytest.param({"id": "b5", "text": ""}, "b5", "empty text", id="empty-text"),
        pytest.param({"id": "b6", "text": " \n\t "}, "b6", "empty text", id="blank-text"),
        pytest.param({"id": "b7", "text": ["a", "b"]}, "b7", "text is not a string (got list)",
                     id="list-text"),
        pytest.param({"id": "b8", "text": "T.", "date": "2019-6-3"}, "b8",
                     'date is not YYYY-MM-DD: "2019-6-3"', id="short-date"),
        pytest.param({"id": "b9", "text": "T.", "date": "03/06/2019"}, "b9",
                     'date is not YYYY-MM-DD: "03/06/2019"', id="slash-date"),
        pytest.param({"id": "b10", "text": "T.", "date": "2019-02-30"}, "b10",
                     'date is not YYYY-MM-DD: "2019-02-30"', id="impossible-date"),
        pytest.param({"id": "b11", "text": "T.", "date": 20190603}, "b11",
                     "date is not YYYY-MM-DD: 20190603", id="number-date"),
        pytest.param({"id": "b12", "text": "T.", "date": ""}, "b12",
                     'date is not YYYY-MM-DD: ""', id="empty-date"),
        pytest.param({"id": "b13", "text": "T.", "title": 5}, "b13",
                     "title is not a string (got int)", id="number-title"),
        pytest.param({"id": "b14", "text": "T.", "url": {"href": "x"}}, "b14",
                     "url is not a string (got dict)", id="object-url"),
        pytest.param(b'{"id": "b15", "text": "Caf\xe9 owner"}', None,
                     "not valid UTF-8 (byte 0xe9 at column 27)", id="latin-1"),
    ],
)
def test_bad_record_is_rejected_with_its_reason(tmp_path, line, reject_id, reason):
    path = write_jsonl(tmp_path / "in.jsonl", [GOOD, line, dict(GOOD, id="after")])
    first, bad, after = read_articles([path])
    assert isinstance(first, Article) and isinstance(after, Article)  # the run goes on
    assert bad == Reject(f"{path}:2", reject_id, reason, bad.excerpt)
    assert bad.excerpt  # the start of the raw line, for a person to find it


def test_excerpt_is_short(tmp_path):
    path = write_jsonl(tmp_path / "in.jsonl", ['{"id": "x", "text": "' + "y" * 500])
    bad = only(list(read_articles([path])))
    assert len(bad.excerpt) <= 80 and bad.excerpt.endswith("…")


def test_duplicate_id_rejects_the_second_occurrence(tmp_path):
    one = write_jsonl(tmp_path / "one.jsonl", [GOOD])
    two = write_jsonl(tmp_path / "two.jsonl", [dict(GOOD, text="A different text.")])
    first, second = read_articles([one, two])
    assert isinstance(first, Article) and first.text == GOOD["text"]
    assert second == Reject(f"{two}:1", "a1", f"duplicate id (first seen at {one}:1)",
                            second.excerpt)


def test_text_file_id_is_the_stem_and_leading_date_is_stripped(tmp_path):
    path = tmp_path / "ortiz-hired.txt"
    path.write_text("date 2019-06-03\nThe Lions named Dana Ortiz head coach.\n", encoding="utf-8")
    assert only(list(read_articles([path]))) == Article(
        id="ortiz-hired", text="The Lions named Dana Ortiz head coach.\n", date="2019-06-03",
        source=str(path))


def test_text_file_date_on_the_same_line_as_the_text(tmp_path):
    path = tmp_path / "same-line.txt"
    path.write_text("date 2019-06-03 The Lions named Dana Ortiz head coach.", encoding="utf-8")
    article = only(list(read_articles([path])))
    assert (article.date, article.text) == ("2019-06-03", "The Lions named Dana Ortiz head coach.")


def test_text_file_without_date_keeps_all_its_text(tmp_path):
    path = tmp_path / "plain.txt"
    path.write_text("date night at the stadium ended with a new coach.", encoding="utf-8")
    article = only(list(read_articles([path])))
    assert (article.date, article.text) == (None, "date night at the stadium ended with a new coach.")


@pytest.mark.parametrize(
    ("content", "source_line", "reason"),
    [
        pytest.param(b"date 2019-13-01\nText.", None, 'date is not YYYY-MM-DD: "2019-13-01"',
                     id="bad-date"),
        pytest.param(b"date 2019-06-03\n  \n", None, "empty text", id="only-date"),
        pytest.param(b"", None, "empty text", id="empty-file"),
        pytest.param(b"First line.\nSecond \xff line.", 2,
                     "not valid UTF-8 (byte 0xff at column 8)", id="bad-byte"),
    ],
)
def test_bad_text_file_is_rejected(tmp_path, content, source_line, reason):
    path = tmp_path / "story.txt"
    path.write_bytes(content)
    bad = only(list(read_articles([path])))
    source = f"{path}:{source_line}" if source_line else str(path)
    assert (bad.source, bad.id, bad.reason) == (source, "story", reason)


def test_directory_is_read_recursively_in_sorted_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "deep").mkdir(parents=True)
    write_jsonl(tmp_path / "b" / "x.jsonl", [{"id": "b-x", "text": "T."}])
    (tmp_path / "a" / "deep" / "z.txt").write_text("T.", encoding="utf-8")
    (tmp_path / "a" / "m.txt").write_text("T.", encoding="utf-8")
    (tmp_path / "notes.md").write_text("not an input", encoding="utf-8")
    (tmp_path / "c.csv").write_text("id,text\nc,T.\n", encoding="utf-8")  # CSV: only by name
    ids = [item.id for item in read_articles([tmp_path])]
    assert ids == ["z", "m", "b-x"]


def test_stdin_is_read_as_jsonl():
    data = (json.dumps(GOOD) + "\nnot json\n").encode("utf-8")
    article, bad = read_articles(["-"], stdin=io.BytesIO(data))
    assert article.source == "<stdin>:1"
    assert (bad.source, bad.reason) == ("<stdin>:2", "malformed JSON: Expecting value (column 1)")


def test_missing_input_raises_before_reading(tmp_path):
    with pytest.raises(MissingInputError, match=r"^input not found: .*nowhere\.jsonl$"):
        ArticleReader([tmp_path / "nowhere.jsonl"])


def test_expand_inputs_keeps_order_of_arguments(tmp_path):
    one = write_jsonl(tmp_path / "one.jsonl", [GOOD])
    assert expand_inputs(["-", one]) == ["-", one]


def test_bytes_read_counts_towards_total(tmp_path):
    path = write_jsonl(tmp_path / "in.jsonl", [GOOD, dict(GOOD, id="a2"), "{oops"])
    text = tmp_path / "t.txt"
    text.write_text("Some text.", encoding="utf-8")
    reader = ArticleReader([path, text])
    assert reader.total_bytes == path.stat().st_size + text.stat().st_size
    assert reader.bytes_read == 0
    items = iter(reader)
    next(items)
    assert 0 < reader.bytes_read < reader.total_bytes  # streamed, not read all at once
    list(items)
    assert reader.bytes_read == reader.total_bytes


def test_total_bytes_is_unknown_for_stdin():
    assert ArticleReader(["-"], stdin=io.BytesIO(b"")).total_bytes is None


def test_reject_describe():
    assert Reject("in.jsonl:4", "a9", "missing text").describe() == "rejected in.jsonl:4 (a9): missing text"
    assert Reject("in.jsonl:5", None, "missing id").describe() == "rejected in.jsonl:5: missing id"
