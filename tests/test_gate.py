"""The relevance gate (pipeline/gate.py): what it lets through, what it skips, and that it loses no event.

Sentences are our own, with invented people. The check over shared/dev, dev2 and corpus/ is the one
test here that runs the statistical pipeline on real articles; it is kept cheap (see its docstring).
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.batch import _gated, extract_articles
from pipeline.gate import Gate, GateOptions, Segment, Selection
from pipeline.readers import Article

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def gate(nlp) -> Gate:
    return Gate.from_nlp(nlp)


@pytest.mark.parametrize("form, lemma", [
    ("sacked", "sack"), ("took", "take"), ("stepped", "step"), ("appointing", "appoint"),
    ("resignation", "resignation"), ("left", "leave"), ("'s", "be"), ("named", "name"),
])
def test_surface_forms_come_from_the_lemmatizer_tables(gate, form, lemma):
    assert lemma in gate.forms[form]


@pytest.mark.parametrize("title, text", [
    ("", "Harbour City sacked their manager Colm Ferris on Sunday night."),
    ("", "Delmar Rovers have appointed Ines Vahlberg as head coach on a three-year deal."),
    ("", "Ines Vahlberg was named interim coach after the board met on Friday."),
    ("", "The club confirmed Otto Brenner as their new manager this morning."),
    ("Rovers part company with Ferris", "Colm Ferris had been in charge since 2019.\nThe search for a new coach starts now."),
    ("", "Team | Out | In\nHarbour City | Colm Ferris | Otto Brenner\nThe coach carousel keeps turning."),
    ("", "WESTMERE WOLVES — Fired coach Arno Pike on Monday after a winless month."),
    ("", "Tavi Renn and Oskar Renn sat in the stand. Renn was dismissed by Harbour City on Tuesday."),
    ("", "Delmar Rovers sacked Brenner after the derby."),
])
def test_a_coaching_change_is_let_through(gate, title, text):
    assert gate.select(title, text) is not None


@pytest.mark.parametrize("title, text", [
    ("Harbour City 2-1 Delmar Rovers", "Kiro Almas fired home from close range in the 80th minute.\n"
     "Harbour City manager Colm Ferris said: \"We kept going and got our reward.\"\n"
     "Nils Oakes returned from injury and lasted an hour."),
    ("Preview: Rovers v City", "Delmar Rovers head coach Ines Vahlberg admitted her side had run out of ideas last week.\n"
     "Tavi Renn is expected to return at left-back after a month out."),
    ("Rovers complete deal for striker Kiro Almas", "Kiro Almas has signed a four-year contract with Delmar Rovers.\n"
     "He joins from Harbour City, where he scored 14 goals last season."),
    ("", "The referee took charge of his first league game and booked five players."),
])
def test_ordinary_sports_news_is_skipped(gate, title, text):
    assert gate.select(title, text) is None


def test_a_weak_trigger_needs_the_title_close(nlp):
    text = "Ines Vahlberg, who played for the club for a decade and captained it twice, was finally named coach."
    assert Gate.from_nlp(nlp).select("", text) is not None
    assert Gate.from_nlp(nlp, GateOptions(weak_distance=0)).select("", text) is not None
    far = "The coach said that after a long and difficult week in training the squad would soon return."
    assert Gate.from_nlp(nlp).select("", far) is None
    assert Gate.from_nlp(nlp, GateOptions(weak_distance=20)).select("", far) is not None


FILLER = ("Nils Oakes curled a free kick over the wall after {n} minutes. "
          "A crowd of {n},412 watched the game at the Old Foundry.")
STORY = ("Harbour City have sacked their manager Colm Ferris after a run of eight defeats.\n"
         "The club said Ferris left with immediate effect on Monday.")


def test_a_long_article_is_parsed_in_windows_with_offsets_into_the_whole(nlp, gate):
    lines = [FILLER.format(n=n) for n in range(200)]
    lines[120:120] = STORY.split("\n")
    text = "\n".join(lines)
    assert len(text) > gate.options.windows_above
    selection = gate.select("City in turmoil", text)
    assert selection is not None and not selection.whole
    assert len(selection.text) < len(text) / 5
    article = Article(id="long1", text=text, date="2024-03-04", title="City in turmoil", source="test")
    [(_, gated)] = extract_articles(nlp, [article], gate=gate)
    [(_, whole)] = extract_articles(nlp, [article])
    assert gated, "the sacking is found"
    assert [e.to_record() for e in gated] == [e.to_record() for e in whole]
    for event in gated:
        assert text[event.evidence.start:event.evidence.end] == event.evidence.sentence


@pytest.mark.parametrize("title, text", [
    ("", "Harbour City sa\u00adcked their mana\u200bger Colm Ferris on Sunday night."),
    ("Rovers ap\u00adpoint Vahlberg", "Ines Vahlberg, 41, spent six seasons as head\ufeff coach in Norway."),
])
def test_the_gate_reads_words_without_invisible_characters(nlp, gate, title, text):
    """The model sees the text cleaned (pipeline.normalize); the gate must read the same words."""
    assert gate.select(title, text) is not None
    article = Article(id="soft1", text=text, date="2024-03-04", title=title or None, source="test")
    [(_, gated)] = extract_articles(nlp, [article], gate=gate)
    [(_, whole)] = extract_articles(nlp, [article])
    assert [e.to_record() for e in gated] == [e.to_record() for e in whole]


def test_a_long_article_with_invisible_characters_maps_offsets_through_both_maps(nlp, gate):
    lines = [FILLER.format(n=n).replace("Oakes", "Oa\u00adkes") for n in range(200)]
    lines[120:120] = STORY.replace("sacked", "sa\u200bcked").split("\n")
    text = "\n".join(lines)
    selection = gate.select("City in turmoil", text)
    assert selection is not None and not selection.whole
    article = Article(id="long2", text=text, date="2024-03-04", title="City in turmoil", source="test")
    [(_, gated)] = extract_articles(nlp, [article], gate=gate)
    [(_, whole)] = extract_articles(nlp, [article])
    assert gated, "the sacking is found"
    assert [e.to_record() for e in gated] == [e.to_record() for e in whole]
    for event in gated:
        assert text[event.evidence.start:event.evidence.end] == event.evidence.sentence


def test_selection_maps_offsets_back_run_by_run():
    selection = Selection("abc\nxyz", (Segment(0, 10, 3), Segment(4, 50, 3)), whole=False)
    assert selection.source_offset(1) == 11
    assert selection.source_offset(5) == 51
    assert selection.source_offset(3, end=True) == 13  # an end stays in its own run
    assert selection.source_offset(7, end=True) == 53


def _articles(shared_dir: Path) -> list[Article]:
    files = sorted((shared_dir / "dev").glob("*.jsonl")) + sorted((shared_dir / "dev2").glob("*.jsonl")) \
        + [ROOT / "corpus" / "articles.jsonl"]
    rows = [json.loads(line) for path in files for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]
    return [Article(id=r["id"], text=r["text"], date=r.get("date"), title=r.get("title"), source="gold")
            for r in rows]


def test_gate_loses_no_event_on_dev_dev2_and_corpus(nlp, gate, shared_dir):
    """THE GATE CHECK over shared/dev, shared/dev2 and corpus/ (~200 articles), kept cheap.

    Every article the gate passes whole reaches the parser as the very same Article object as without
    the gate (asserted), so its events cannot differ; the pipeline is run with and without the gate
    only on the articles whose input the gate changes: those it skips (which must have no event
    without the gate either) and those it parses in windows (which must give the same events).
    """
    changed = []
    for article in _articles(shared_dir):
        parsed, selection = _gated(gate, article)
        if selection is not None and selection.whole:
            assert parsed is article
        else:
            changed.append(article)
    assert len(changed) < 20, "most of these articles hold coaching changes"
    ungated = dict(extract_articles(nlp, changed))
    gated = dict(extract_articles(nlp, changed, gate=gate))
    lost = {a.id: [e.to_record() for e in ungated[a]] for a in changed
            if [e.to_record() for e in gated[a]] != [e.to_record() for e in ungated[a]]}
    assert lost == {}


def test_no_gate_parses_everything(nlp):
    article = Article(id="x1", text="Kiro Almas fired home after 80 minutes.", title="City 1-0 Rovers", source="t")
    parsed, selection = _gated(None, article)
    assert parsed is article and selection is None
