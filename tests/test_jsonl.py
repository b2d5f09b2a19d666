"""The shared JSON Lines reader: every bad file is an error naming the file and the line."""
from __future__ import annotations

import pytest

from pipeline.evaluate import DataFileError, read_jsonl as read_gold
from pipeline.jsonl import JsonlError, read_objects
from pipeline.resources import ResourceError, read_jsonl as read_resource


@pytest.mark.parametrize(("content", "message"), [
    (b'{"a": 1}\n{"a": \n', ":2: not JSON"),
    (b'{"a": 1}\n[1, 2]\n', ":2: not a JSON object"),
    (b'{"a": 1}\n\xff\xfe\n', "not valid UTF-8"),
])
def test_bad_lines_name_the_place(tmp_path, content, message):
    path = tmp_path / "rows.jsonl"
    path.write_bytes(content)
    with pytest.raises(JsonlError, match=message) as caught:
        read_objects(path)
    assert str(path) in str(caught.value)


def test_blank_lines_are_skipped_and_comments_only_when_asked(tmp_path):
    path = tmp_path / "rows.jsonl"
    path.write_text('{"a": 1}\n\n// a note\n{"a": 2}\n', encoding="utf-8")
    assert read_objects(path, comments=True) == [{"a": 1}, {"a": 2}]
    with pytest.raises(JsonlError, match=":3: not JSON"):
        read_objects(path)


def test_required_keys_are_checked_with_the_line_number(tmp_path):
    path = tmp_path / "roles.jsonl"
    path.write_text('{"pattern": "coach", "role": "head coach", "interim": false, "coaching": true}\n\n'
                    '{"pattern": "boss"}\n', encoding="utf-8")
    with pytest.raises(ResourceError, match=r"roles.jsonl:3: missing role, interim, coaching"):
        read_resource(path)


def test_each_caller_gets_its_own_error_type(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text("not json\n", encoding="utf-8")
    with pytest.raises(DataFileError):
        read_gold(path)
    with pytest.raises(ResourceError):
        read_resource(path)
