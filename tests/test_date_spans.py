"""pipeline.date_spans: which DATE spans date a transition, read on a parsed sentence.

Every sentence here was written for this test; 2018-07-27 is the publication date.
"""
from __future__ import annotations

import pytest

import pipeline
from pipeline.date_spans import first_point_in_time
from pipeline.dates import resolve

PUBLISHED = "2018-07-27"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("BURNLEY — Dean Whitlock quit on Saturday, seven weeks after he was appointed on June 1.",
                     "2018-07-21", id="fused-interval-is-trimmed-not-skipped"),
        pytest.param("Hull City | Dean Whitlock (fired Jan. 8) | Tom Hale", "2018-01-08", id="cut-at-the-cell"),
        pytest.param("BURNLEY — Dean Whitlock left after four seasons in charge.", None, id="a-length-is-no-date"),
        pytest.param("BURNLEY — Tom Hale signed a deal until 2021.", None, id="an-end-bound-is-no-date"),
    ],
)
def test_first_point_in_time(nlp, text, expected):
    doc = pipeline.make_doc(nlp, text, PUBLISHED)
    end = doc.text.find(")") if ")" in doc.text else len(doc.text)
    span = first_point_in_time(doc, 0, end)
    assert (resolve(span.text, PUBLISHED) if span is not None else None) == expected
