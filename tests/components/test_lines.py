"""Stage 0, coaching_lines: line breaks as sentence boundaries, except inside a hard-wrapped page.

Every text here was written for this test.
"""
from __future__ import annotations

import pytest

import pipeline
from pipeline.components.lines import hard_wrapped

WRAPPED = (
    "With the season over, the clubs of the league have been busy making changes\n"
    "to their benches. Let us go over the moves so that everyone knows who is\n"
    "in charge when training camps open in the summer. Since the final game there\n"
    "have been three coaching changes and two new general managers around the\n"
    "league. Sam Rowe took over as head coach of the Hartwell Comets on April\n"
    "23rd after he resigned from the same post with the Eastport City Wolves in\n"
    "the spring. He compiled a losing record there and never reached the playoffs\n"
    "in his four seasons. The Kelso Rangers named Dan Marsh as their new head\n"
    "coach on May 4th to replace Ian Brisk, who retired a few weeks earlier.\n"
)
LISTED = (
    "Coaching changes so far this season\n"
    "Hartwell Comets: Sam Rowe replaces Piet Wilder\n"
    "Eastport City Wolves: Dan Marsh replaces Ian Brisk\n"
    "Kelso Rangers: Rui Fontes replaces Tom Hadley\n"
    "Northbridge Rovers: Karl Osgood replaces Bram Okoro\n"
    "Forfar Athletic: Jan Vos replaces Lars Berg\n"
    "Lanark Town: Ole Dahl replaces Tim Cope\n"
    "Dunmore United: Ray Holt replaces Ben Ash\n"
    "Ardley Wanderers: Joe Penn replaces Kim Lund\n"
)


def sentence_of(doc, word: str) -> str:
    return next(t.sent.text for t in doc if t.text == word)


@pytest.mark.parametrize(("text", "wrapped"), [(WRAPPED, True), (LISTED, False), ("Sam Rowe was sacked.\n", False)],
                         ids=["wrapped-prose", "one-line-per-item", "one-line"])
def test_a_hard_wrapped_page_is_recognised(text, wrapped):
    assert hard_wrapped(text) is wrapped


def test_a_wrapped_line_does_not_end_its_sentence(nlp):
    doc = pipeline.run_until(nlp, "parser", WRAPPED, "2024-06-01")
    # "named Dan Marsh as their new head\ncoach on May 4th": one sentence across the break
    assert "May" in sentence_of(doc, "Marsh")
    # a break after a full stop still ends the sentence
    assert "Rowe" not in sentence_of(doc, "Marsh")


def test_each_line_of_a_list_is_its_own_sentence(nlp):
    doc = pipeline.run_until(nlp, "parser", LISTED, "2024-06-01")
    assert "Rowe" not in sentence_of(doc, "Marsh")
