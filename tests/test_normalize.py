"""Invisible characters: cleaned before the model, evidence offsets still into the original text."""
from __future__ import annotations

import pytest

from pipeline.batch import extract_articles
from pipeline.normalize import clean
from pipeline.readers import Article

INVISIBLE = {
    "zero-width space": "\u200b",
    "soft hyphen": "\u00ad",
    "byte-order mark": "\ufeff",
    "NUL": "\x00",
}
SENTENCE = "Fulham sacked manager Tomas Brannock on Monday after a run of poor results."


# --- the map of offsets ------------------------------------------------------------------------

@pytest.mark.parametrize("name", INVISIBLE)
def test_clean_deletes_the_character_and_maps_offsets_back(name):
    char = INVISIBLE[name]
    original = f"Ful{char}ham won. {char}Hale{char} left."
    cleaned = clean(original)
    assert cleaned.text == "Fulham won. Hale left."
    for word in ("Fulham", "won.", "Hale", "left."):
        start = cleaned.text.index(word)
        begin, end = cleaned.span(start, start + len(word))
        assert original[begin:end].replace(char, "") == word
        assert not original[begin].startswith(char) and not original[end - 1].startswith(char)


def test_clean_leaves_ordinary_text_as_it_is():
    text = "Plain text,\ttabs and\nline breaks – and accents: Núñez."
    cleaned = clean(text)
    assert cleaned.text is text and not cleaned.changed
    assert cleaned.span(3, 9) == (3, 9)


def test_page_breaks_become_line_breaks_of_the_same_length():
    cleaned = clean("One.\x0cTwo.\x0bThree.")
    assert cleaned.text == "One.\nTwo.\nThree."
    assert cleaned.span(5, 9) == (5, 9)


def test_runs_of_invisible_characters_are_removed_together():
    original = "A\u200b\u200b\u00adB\x00\x00C"
    cleaned = clean(original)
    assert cleaned.text == "ABC"
    assert [cleaned.span(i, i + 1) for i in range(3)] == [(0, 1), (4, 5), (7, 8)]


# --- the event is found, its evidence points into the original ---------------------------------

def _events(nlp, text: str, title: str | None = None):
    article = Article(id="inv", text=text, date="2023-03-06", title=title)
    [(_, events)] = list(extract_articles(nlp, [article]))
    assert isinstance(events, list), events
    return events


@pytest.mark.parametrize("where", ["inside", "after", "before"])
@pytest.mark.parametrize("name", INVISIBLE)
def test_invisible_character_at_a_team_name_keeps_the_event(nlp, name, where):
    char = INVISIBLE[name]
    team = {"inside": f"Ful{char}ham", "after": f"Fulham{char}", "before": f"{char}Fulham"}[where]
    text = "The rain never stopped at the ground. " + SENTENCE.replace("Fulham", team)
    [event] = _events(nlp, text)
    assert (event.type, event.team, event.coach) == ("departure", "Fulham", "Tomas Brannock")
    evidence = event.evidence
    assert text[evidence.start:evidence.end] == evidence.sentence
    assert evidence.sentence.replace(char, "") == SENTENCE


def test_invisible_character_inside_the_title_keeps_offsets_into_the_title(nlp):
    title = "Ful\u00adham sack Tomas Brannock"
    [event] = _events(nlp, "The club gave no reason for the change.", title=title)
    evidence = event.evidence
    assert evidence.field == "title"
    assert title[evidence.start:evidence.end] == evidence.sentence


def test_raw_nul_in_a_json_line_reaches_the_cleaner(tmp_path, nlp):
    from pipeline.readers import read_articles

    path = tmp_path / "in.jsonl"
    path.write_bytes(b'{"id": "n1", "text": "Ful\x00ham sacked manager Tomas Brannock on Monday."}\n')
    [article] = read_articles([path])
    assert isinstance(article, Article)
    [(_, events)] = list(extract_articles(nlp, [article]))
    assert [e.team for e in events] == ["Fulham"]
