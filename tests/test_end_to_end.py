"""End to end: the whole pipeline over the project's corpus and the shared seed article.

Scoring here does not use the pipeline's own evaluation code: it is the
reference scorer ``../shared/eval/score.py`` when the shared folder is there,
else the same matching rules (EVENTS.md, "Scoring") written out below.
"""
from __future__ import annotations

import importlib.util
import json
import re
import unicodedata
from pathlib import Path

import pytest

import pipeline

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus" / "articles.jsonl"
REFERENCE_SCORER = ROOT.parent / "shared" / "eval" / "score.py"

# Event scores of the pipeline on corpus/articles.jsonl, measured with the reference scorer:
# P 0.934, R 0.853, F1 0.892 (232 gold, 212 predicted, 198 matched). The floors sit within 0.03 of
# the measurement, so that losing a handful of the 198 matched events fails the suite; rule tuning
# that trades an event or two still passes. Raise them as the pipeline improves.
CORPUS_FLOORS = {"precision": 0.91, "recall": 0.83, "f1": 0.87}

INPUT_FIELDS = ("id", "text", "date", "title")


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def article_inputs(gold: list[dict]) -> list[dict]:
    return [{k: v for k, v in article.items() if k in INPUT_FIELDS} for article in gold]


def predict(nlp, gold: list[dict]) -> list[dict]:
    return [event.to_record() for event in pipeline.extract(article_inputs(gold), nlp)]


# -- scoring, independent of pipeline/ -------------------------------------------------------------
# The rules of EVENTS.md ("Scoring"), written out for when the reference scorer is absent.

_LETTER_SWAPS = str.maketrans({"ø": "o", "Ø": "o", "æ": "ae", "ß": "ss"})
_NOT_ALNUM = re.compile(r"[^0-9a-z]+")


def fold(text) -> str:
    """Case, accents, punctuation and a leading "the" do not count."""
    if text is None:
        return ""
    decomposed = unicodedata.normalize("NFKD", str(text).translate(_LETTER_SWAPS))
    bare = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn").lower()
    words = _NOT_ALNUM.sub(" ", bare).split()
    return " ".join(words[1:] if words[:1] == ["the"] else words)


def role_key(role) -> str:
    key = fold(role)
    return {"coach": "head coach"}.get(key, key)


def as_list(value) -> list:
    return list(value) if isinstance(value, list) else [value]


def is_coaching(event: dict) -> bool:
    """Scored unless the role is a front-office post or names no coaching post (no role: scored)."""
    role = fold(event.get("role"))
    if not role:
        return True
    front_office = ("general manager", "director", "president", "executive", "owner", "chairman", "ceo")
    coaching = ("coach", "manager", "coordinator", "caretaker", "trainer", "boss", "skipper")
    return not any(w in role for w in front_office) and any(w in role for w in coaching)


def same_transition(pred: dict, gold: dict) -> bool:
    names = {fold(gold["coach"])} | {fold(a) for a in gold.get("coach_aliases", [])}
    teams = {fold(gold["team"])} | {fold(a) for a in gold.get("team_aliases", [])}
    return (pred.get("type"), fold(pred.get("coach")) in names, fold(pred.get("team")) in teams) == \
        (gold["type"], True, True)


def local_event_scores(gold_docs: list[dict], preds: list[dict]) -> dict[str, float]:
    scored = [p for p in preds if is_coaching(p)]
    gold_total = sum(len(article.get("events", [])) for article in gold_docs)
    hits = 0
    for article in gold_docs:
        left = [p for p in scored if str(p.get("doc_id")) == str(article["id"])]
        for gold in article.get("events", []):
            for index, pred in enumerate(left):
                if same_transition(pred, gold):
                    hits += 1
                    del left[index]
                    break
    if not hits:
        return {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    precision, recall = hits / len(scored), hits / gold_total
    return {"precision": precision, "recall": recall, "f1": 2 * precision * recall / (precision + recall)}


def reference_scorer():
    if not REFERENCE_SCORER.is_file():
        return None
    spec = importlib.util.spec_from_file_location("shared_reference_scorer", REFERENCE_SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def event_scores(gold_docs: list[dict], preds: list[dict]) -> dict[str, float]:
    scorer = reference_scorer()
    if scorer is None:
        return local_event_scores(gold_docs, preds)
    result, _errors = scorer.score(gold_docs, preds)
    return {key: result[key] for key in ("precision", "recall", "f1")}


# -- the corpus --------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def corpus() -> list[dict]:
    return read_jsonl(CORPUS)


@pytest.fixture(scope="module")
def corpus_predictions(corpus_events) -> list[dict]:
    return corpus_events  # the session's extraction of corpus/ (tests/conftest.py)


@pytest.mark.parametrize("measure", CORPUS_FLOORS)
def test_corpus_event_scores_stay_above_their_floors(corpus, corpus_predictions, measure):
    value = event_scores(corpus, corpus_predictions)[measure]
    floor = CORPUS_FLOORS[measure]
    assert value >= floor, f"event {measure} {value:.4f} fell below the floor {floor}"


def test_local_matching_agrees_with_the_reference_scorer(corpus, corpus_predictions):
    scorer = reference_scorer()
    if scorer is None:
        pytest.skip(f"reference scorer not found at {REFERENCE_SCORER}")
    result, _errors = scorer.score(corpus, corpus_predictions)
    local = local_event_scores(corpus, corpus_predictions)
    assert {key: round(value, 4) for key, value in local.items()} == \
        {key: result[key] for key in ("precision", "recall", "f1")}


def test_corpus_predictions_are_well_formed(corpus, corpus_predictions):
    ids = {str(article["id"]) for article in corpus}
    texts = {str(a["id"]): a for a in corpus}
    for event in corpus_predictions:
        assert event["doc_id"] in ids
        assert event["type"] in ("hire", "departure")
        assert event["coach"] and event["team"]
        assert 0.0 < event["confidence"] <= 1.0
        evidence = event["evidence"]
        source = texts[event["doc_id"]][evidence["field"]]
        assert evidence["sentence"] in source[evidence["start"]:evidence["end"]]


def test_no_events_from_empty_or_eventless_text(nlp):
    records = [{"id": "blank", "text": ""}, {"id": "weather", "text": "It rained all afternoon in Manchester."}]
    assert list(pipeline.extract(records, nlp)) == []


# -- the shared seed ---------------------------------------------------------------------------

def acceptable(value, gold_value) -> bool:
    return value in as_list(gold_value)


def seed_event_is_exact(pred: dict, gold: dict) -> bool:
    return (
        same_transition(pred, gold)
        and role_key(pred.get("role")) in {role_key(r) for r in as_list(gold.get("role"))}
        and bool(pred.get("interim")) in {bool(v) for v in as_list(gold.get("interim"))}
        and acceptable(pred.get("manner"), gold.get("manner"))
        and acceptable(pred.get("date"), gold.get("date"))
    )


def test_seed_yields_exactly_its_gold_events(nlp, shared_dir):
    seed = read_jsonl(shared_dir / "dev" / "seed.jsonl")
    preds = predict(nlp, seed)
    for article in seed:
        mine = [p for p in preds if p["doc_id"] == str(article["id"])]
        pending = list(mine)
        missing = []
        for gold in article["events"]:
            hit = next((p for p in pending if seed_event_is_exact(p, gold)), None)
            if hit is None:
                missing.append(gold)
            else:
                pending.remove(hit)
        shown = [{k: p[k] for k in ("type", "coach", "team", "role", "interim", "manner", "date")} for p in mine]
        assert not missing and not pending, (
            f"{article['id']}: missing {missing}; unexpected {pending}; all predicted {shown}"
        )
