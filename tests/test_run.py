"""run_extract and the batch machinery, on a stand-in pipeline (see conftest.fake_nlp)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.batch import ArticleTooLong, article_pieces, extract_articles, split_text
from pipeline.parallel import ArticleProcessor, can_fork
from pipeline.readers import Article, MissingInputError, Reject
from pipeline.run import ExtractOptions, OutputConflictError, RunCounts, run_extract


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


# --- split_text ---------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        pytest.param("one\n\ntwo\n\nthree", 9, ["one\n\n", "two\n\n", "three"], id="paragraphs"),
        pytest.param("aaa bbb\nccc ddd", 10, ["aaa bbb\n", "ccc ddd"], id="lines"),
        pytest.param("First one. Second one.", 15, ["First one. ", "Second one."], id="sentences"),
        pytest.param("alpha beta gamma", 8, ["alpha ", "beta ", "gamma"], id="words"),
        pytest.param("abcdefghij", 4, ["abcd", "efgh", "ij"], id="hard-cut"),
        pytest.param("short", 10, ["short"], id="fits"),
    ],
)
def test_split_text_cuts_at_the_best_separator(text, limit, expected):
    pieces = split_text(text, limit)
    assert [piece.text for piece in pieces] == expected
    assert "".join(piece.text for piece in pieces) == text
    assert all(text[p.start:p.start + len(p.text)] == p.text for p in pieces)
    assert all(len(p.text) <= limit for p in pieces)


def test_paragraphs_are_preferred_over_lines():
    text = "para one line\nstill one\n\npara two"
    assert [p.text for p in split_text(text, 30)] == ["para one line\nstill one\n\n", "para two"]


# --- extract_articles -----------------------------------------------------------------------

def test_long_article_is_processed_in_pieces_with_offsets_into_the_whole(fake_nlp, monkeypatch):
    monkeypatch.setattr(fake_nlp, "max_length", 120)
    paragraphs = [
        "Rovers sacked Tom Reed after a run of six defeats.",
        "The board met on Sunday night. " * 3,
        "A week later Harbour sacked Lee Park as well.",
        "Fans had seen it coming. Rovers sacked Tom Reed after a run of six defeats.",
    ]
    article = Article(id="long", text="\n\n".join(paragraphs), title="Two Sackings",
                      source="in.jsonl:1")
    assert len(article.text) > fake_nlp.max_length
    assert len(article_pieces(fake_nlp, article)) > 1

    [(got, events)] = list(extract_articles(fake_nlp, [article]))
    assert got is article
    # Tom Reed's repeat in the last paragraph is the same event: kept once, the first.
    assert [(e.coach, e.team) for e in events] == [("Tom Reed", "Rovers"), ("Lee Park", "Harbour")]
    for event in events:
        assert event.evidence.field == "text"
        assert article.text[event.evidence.start:event.evidence.end] == event.evidence.sentence
    assert events[0].evidence.start == 0


def test_event_in_the_title_keeps_its_offsets_in_every_piece(fake_nlp, monkeypatch):
    monkeypatch.setattr(fake_nlp, "max_length", 80)
    article = Article(id="t", title="Rovers sacked Tom Reed",
                      text="The club confirmed it.\n\n" + "Nothing else happened today.\n\n" * 4)
    [(_, events)] = list(extract_articles(fake_nlp, [article]))
    assert [(e.coach, e.evidence.field, e.evidence.start, e.evidence.end) for e in events] == [
        ("Tom Reed", "title", 0, 22)]


def test_title_longer_than_max_length_is_rejected(fake_nlp, monkeypatch):
    monkeypatch.setattr(fake_nlp, "max_length", 20)
    article = Article(id="t", title="A headline far longer than twenty", text="Body.", source="x:1")
    [(_, result)] = list(extract_articles(fake_nlp, [article]))
    assert result == Reject("x:1", "t", "title of 33 characters leaves no room under "
                            "nlp.max_length (20)", "Body.")
    with pytest.raises(ArticleTooLong):
        article_pieces(fake_nlp, article)


def test_failure_on_one_article_rejects_only_that_article(fake_nlp):
    articles = [
        Article(id="ok1", text="Rovers sacked Tom Reed.", source="in.jsonl:1"),
        Article(id="bad", text="Harbour sacked Lee Park. EXPLODE", source="in.jsonl:2"),
        Article(id="ok2", text="United sacked Sam Cole.", source="in.jsonl:3"),
    ]
    results = list(extract_articles(fake_nlp, articles, batch_size=8))
    assert [article.id for article, _ in results] == ["ok1", "bad", "ok2"]
    assert [e.coach for e in results[0][1]] == ["Tom Reed"]
    assert results[1][1] == Reject("in.jsonl:2", "bad",
                                   "pipeline failed: FakeFailure: the fake component blew up",
                                   "Harbour sacked Lee Park. EXPLODE")
    assert [e.coach for e in results[2][1]] == ["Sam Cole"]


def test_no_articles_no_results(fake_nlp):
    assert list(extract_articles(fake_nlp, [])) == []


# --- run_extract ----------------------------------------------------------------------------

ARTICLES = [
    {"id": "r1", "date": "2020-01-05", "title": "Change at Rovers",
     "text": "Rovers sacked Tom Reed on Saturday."},
    {"id": "r2", "text": "Harbour sacked Lee Park. United sacked Sam Cole."},
    {"id": "r3", "text": "A quiet week with no news."},
]


def test_run_extract_writes_events_and_counts(tmp_path, fake_nlp):
    source = write_jsonl(tmp_path / "in.jsonl", ARTICLES)
    output = tmp_path / "out" / "events.jsonl"
    counts = run_extract(ExtractOptions(inputs=[source], output=output, batch_size=2), fake_nlp)
    assert counts == RunCounts(read=3, rejected=0, events=3, rejects_path=None)
    assert counts.summary() == "read 3 articles, rejected 0, wrote 3 events"
    records = read_jsonl(output)
    assert [(r["doc_id"], r["coach"], r["date"]) for r in records] == [
        ("r1", "Tom Reed", "2020-01-05"), ("r2", "Lee Park", None), ("r2", "Sam Cole", None)]
    assert not (tmp_path / "out" / "events.rejects.jsonl").exists()


@pytest.mark.parametrize("threshold", [-0.5, 1.01])
def test_min_confidence_out_of_range_is_refused(tmp_path, fake_nlp, threshold):
    source = write_jsonl(tmp_path / "in.jsonl", ARTICLES)
    with pytest.raises(ValueError, match="min_confidence"):
        run_extract(ExtractOptions(inputs=[source], output=tmp_path / "out.jsonl", min_confidence=threshold),
                    fake_nlp)
    assert not (tmp_path / "out.jsonl").exists()


def test_run_extract_writes_rejects_beside_the_output(tmp_path, fake_nlp):
    source = write_jsonl(tmp_path / "in.jsonl", ARTICLES + [{"id": "r1", "text": "Again."},
                                                           {"id": "r4", "text": "EXPLODE"}])
    output = tmp_path / "events.jsonl"
    seen: list[Reject] = []
    counts = run_extract(ExtractOptions(inputs=[source], output=output), fake_nlp, on_reject=seen.append)
    assert (counts.read, counts.rejected, counts.events) == (5, 2, 3)
    assert counts.rejects_path == tmp_path / "events.rejects.jsonl"
    assert [(r["source"], r["id"], r["reason"]) for r in read_jsonl(counts.rejects_path)] == [
        (f"{source}:4", "r1", f"duplicate id (first seen at {source}:1)"),
        (f"{source}:5", "r4", "pipeline failed: FakeFailure: the fake component blew up"),
    ]
    assert [r.id for r in seen] == ["r1", "r4"]


@pytest.mark.parametrize(
    ("output", "rejects", "expected"),
    [
        ("out/events.jsonl", None, Path("out/events.rejects.jsonl")),
        ("events", None, Path("events.rejects.jsonl")),
        ("-", None, Path("rejects.jsonl")),
        ("-", "logs/bad.jsonl", Path("logs/bad.jsonl")),
    ],
)
def test_default_rejects_path(output, rejects, expected):
    assert ExtractOptions(inputs=[], output=output, rejects=rejects).rejects_path() == expected


def test_missing_input_fails_before_loading_or_writing(tmp_path):
    output = tmp_path / "events.jsonl"
    with pytest.raises(MissingInputError, match="input not found"):
        run_extract(ExtractOptions(inputs=[tmp_path / "absent.jsonl"], output=output), nlp=None)
    assert not output.exists()


def test_output_that_is_an_input_is_refused(tmp_path, fake_nlp):
    source = write_jsonl(tmp_path / "in.jsonl", ARTICLES)
    with pytest.raises(OutputConflictError, match=r"^output file .*in\.jsonl is also an input$"):
        run_extract(ExtractOptions(inputs=[tmp_path], output=source), fake_nlp)
    assert read_jsonl(source) == ARTICLES  # untouched


def test_output_and_rejects_must_differ(tmp_path, fake_nlp):
    source = write_jsonl(tmp_path / "in.jsonl", ARTICLES)
    same = tmp_path / "same.jsonl"
    with pytest.raises(OutputConflictError, match="output and rejects are the same file"):
        run_extract(ExtractOptions(inputs=[source], output=same, rejects=same), fake_nlp)


# --- several processes ----------------------------------------------------------------------

# Forking a multi-threaded process warns from Python 3.12 on; the workers here do no threading.
fork_warning = pytest.mark.filterwarnings("ignore:.*fork.*:DeprecationWarning")


@fork_warning
@pytest.mark.skipif(not can_fork(), reason="needs fork()")
def test_several_processes_give_the_same_output_in_order(tmp_path, fake_nlp):
    records = [{"id": f"p{i}", "text": f"Rovers sacked Tom Reed. United sacked Sam Cole. {i}"}
               for i in range(17)]
    records[5]["text"] += " EXPLODE"
    source = write_jsonl(tmp_path / "in.jsonl", records)
    outputs = {}
    for n_process in (1, 2):
        output = tmp_path / f"events-{n_process}.jsonl"
        counts = run_extract(ExtractOptions(inputs=[source], output=output, batch_size=3,
                                            n_process=n_process), fake_nlp)
        assert (counts.read, counts.rejected, counts.events) == (17, 1, 32)
        outputs[n_process] = output.read_text(encoding="utf-8")
        assert read_jsonl(counts.rejects_path)[0]["id"] == "p5"
    assert outputs[1] == outputs[2]


@fork_warning
@pytest.mark.skipif(not can_fork(), reason="needs fork()")
def test_a_dead_worker_does_not_lose_articles(fake_nlp):
    articles = [Article(id=f"d{i}", text="Rovers sacked Tom Reed.") for i in range(4)]
    articles[2] = Article(id="d2", text="Rovers sacked Tom Reed. DIE_IN_WORKER")
    with ArticleProcessor(fake_nlp, batch_size=1, n_process=2) as processor:
        assert processor.parallel
        results = list(processor.process(articles))
        assert not processor.parallel  # went on in this process
    assert [(a.id, [e.coach for e in r]) for a, r in results] == [
        (f"d{i}", ["Tom Reed"]) for i in range(4)]
