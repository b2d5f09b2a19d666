"""pipeline.team_types: an organisation the gazetteer does not know is a team only when it can be one.

The spans are forced ORG so the test does not hang on the statistical model's tags. Every sentence was
written for this test.
"""
from __future__ import annotations

import pytest
from spacy.tokens import Span

from pipeline.team_types import org_is_team


def org(nlp, text: str, words: str) -> Span:
    doc = nlp(text)
    start = doc.text.index(words)
    span = doc.char_span(start, start + len(words), label="ORG")
    assert span is not None
    return span


def words(nlp):
    return nlp.get_pipe("coaching_mentions").org_words


NOT_TEAMS = [
    pytest.param("He won two Prairie Cups with the club before retiring.", "Prairie Cups", id="competition-plural"),
    pytest.param("The school moved up to Division I in 2004.", "Division", id="level"),
    pytest.param("She joined the Harbour Conference office as a scheduler.", "Harbour Conference", id="conference"),
    pytest.param("Sacked | Dario Venn | Castleford", "Sacked", id="table-cell-verb"),
    pytest.param("The arrival of Uruguayan winger Tomas Ferri lifted the side.", "Uruguayan", id="demonym"),
    pytest.param("He took charge of the club's Elite squad department last year.", "Elite squad department",
                 id="lower-case-description"),
]


@pytest.mark.parametrize(("text", "name"), NOT_TEAMS)
def test_not_a_team(nlp, text, name):
    assert not org_is_team(org(nlp, text, name), words(nlp))


TEAMS = [
    pytest.param("He left Bowling Green for the new job.", "Bowling Green", id="two-word-club"),
    pytest.param("He coached Vitória de Guimarães for a season.", "Vitória de Guimarães", id="particle"),
    pytest.param("Marlies assistant Tom Ryle was promoted.", "Marlies", id="one-word-club"),
]


@pytest.mark.parametrize(("text", "name"), TEAMS)
def test_a_team(nlp, text, name):
    assert org_is_team(org(nlp, text, name), words(nlp))
