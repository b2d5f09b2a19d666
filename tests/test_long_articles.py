"""Long articles: cut into bounded pieces, streamed; time and memory grow linearly; offsets right.

The real-pipeline check runs in a subprocess (peak memory by ``resource.getrusage``) on a generated
article at two sizes, four times apart, with pieces and groups smaller than the defaults so that
both sizes span several groups: CPU time must grow at most linearly (a quadratic part would make
the ratio 16) and the memory above the loaded model must not grow with the article. Absolute speed and the 5 MB case are
measured by ``bench/long_article.py``, not here.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.batch import GROUP_CHARS, PIECE_CHARS, article_pieces, extract_articles
from pipeline.readers import Article
from tests.long_text import EVENT, long_article

ROOT = Path(__file__).resolve().parents[1]

MEASURE = r"""
import json, resource, sys, time
sys.path.insert(0, sys.argv[1])
import pipeline
from pipeline.batch import extract_articles
from pipeline.readers import Article
from tests.long_text import long_article

def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

import pipeline.batch
# Smaller pieces and groups than the defaults, so that a few seconds of text already span many
# groups: memory must then be bounded by a group, whatever the article's length.
pipeline.batch.PIECE_CHARS, pipeline.batch.GROUP_CHARS = 5_000, 20_000
nlp = pipeline.load()
list(extract_articles(nlp, [Article(id="warm", text=long_article(25_000)["text"])]))
loaded = peak_mb()
results = []
for size, breaks in ((30_000, True), (120_000, True), (30_000, False)):
    record = long_article(size, breaks=breaks)
    article = Article(id=record["id"], text=record["text"], date=record["date"], title=record["title"])
    start = time.process_time()
    [(_, events)] = list(extract_articles(nlp, [article]))
    cpu = time.process_time() - start
    results.append({"size": size, "breaks": breaks, "cpu": cpu, "peak": peak_mb() - loaded,
                    "events": [[e.evidence.field, e.evidence.start, e.evidence.end, e.evidence.sentence,
                                e.team, e.coach] for e in events]})
print(json.dumps(results))
"""


@pytest.fixture(scope="module")
def measured() -> list[dict]:
    done = subprocess.run([sys.executable, "-c", MEASURE, str(ROOT)], capture_output=True, text=True,
                          check=True, cwd=ROOT, timeout=600)
    return json.loads(done.stdout.strip().splitlines()[-1])


def expected_events(size: int, breaks: bool) -> int:
    return long_article(size, breaks=breaks)["text"].count(" sacked manager ")


def test_long_article_events_are_all_found_with_offsets_right(measured):
    for result in measured:
        text = long_article(result["size"], breaks=result["breaks"])["text"]
        assert len(result["events"]) == expected_events(result["size"], result["breaks"]) >= 3
        for field, start, end, sentence, team, coach in result["events"]:
            assert field == "text" and text[start:end] == sentence
            assert sentence == EVENT.format(team=team, coach=coach)


def test_time_and_memory_grow_linearly_with_the_article(measured):
    small, large, _ = measured
    assert large["cpu"] / small["cpu"] < 6.5, measured  # linear is 4, quadratic 16
    # memory above the loaded model: bounded by a group of pieces, not by the article
    assert large["peak"] < small["peak"] * 1.25 + 30, measured


# --- the cutting, on the stand-in pipeline -------------------------------------------------------

@pytest.mark.parametrize("breaks", [True, False])
def test_pieces_are_bounded_and_give_the_text_back(fake_nlp, breaks):
    text = long_article(150_000, breaks=breaks)["text"]
    pieces = article_pieces(fake_nlp, Article(id="p", text=text, title="A title"))
    assert max(len(p.text) for p in pieces) <= PIECE_CHARS
    assert "".join(p.text for p in pieces) == text
    assert all(text.startswith(p.text, p.start) for p in pieces)
    if breaks:  # cut at paragraph breaks, never inside a paragraph
        assert all(p.text.endswith("\n\n") for p in pieces[:-1])
    else:  # cut after a sentence
        assert all(p.text.endswith(". ") for p in pieces[:-1])


def test_events_of_later_pieces_point_into_the_whole_article(fake_nlp):
    filler = "Words of a match report go on here. " * 30
    paragraphs = [filler] * 400
    paragraphs[350] = "Harbour sacked Lee Park. " + filler
    text = "\n\n".join(paragraphs)
    assert len(text) > 3 * GROUP_CHARS
    [(_, events)] = list(extract_articles(fake_nlp, [Article(id="x", text=text)]))
    [event] = events
    assert text[event.evidence.start:event.evidence.end] == "Harbour sacked Lee Park"


def test_memory_zones_keep_the_string_store_from_growing(nlp):
    def articles(tag: str) -> list[Article]:
        return [Article(id=f"{tag}{i}", text=f"Zorvex{tag}{i} Quambleton{tag}{i} watched the game.")
                for i in range(40)]

    list(extract_articles(nlp, articles("warm")))  # a pipeline's first group fills the caches
    before = len(nlp.vocab.strings)
    for tag in ("a", "b", "c"):
        list(extract_articles(nlp, articles(tag)))
    assert len(nlp.vocab.strings) == before  # 240 new words seen, none kept
