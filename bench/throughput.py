"""Throughput of the coaching pipeline as a ratio against plain spaCy, same corpus, same run.

    python bench/throughput.py [ARTICLES.jsonl] [--repeat N]

Prints words per second for the statistical model alone and for the full
coaching pipeline, and their ratio (the cost of our components). Never used
as a timed assertion in tests.
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import spacy

import pipeline


def texts(path: Path, repeat: int) -> list[str]:
    rows = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    return [f"{r.get('title', '')}\n\n{r['text']}" for r in rows] * repeat


def words_per_second(nlp, docs: list[str], batch_size: int) -> float:
    start = time.perf_counter()
    words = sum(len(doc) for doc in nlp.pipe(docs, batch_size=batch_size))
    return words / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", nargs="?", default=str(Path(__file__).parents[1] / "corpus" / "articles.jsonl"))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--batch-size", type=int, default=32)
    args = parser.parse_args()
    docs = texts(Path(args.articles), args.repeat)
    base = spacy.load(pipeline.DEFAULT_MODELS[-1]) if not spacy.util.is_package("en_core_web_sm") else spacy.load("en_core_web_sm")
    full = pipeline.load()
    words_per_second(full, docs[:5], args.batch_size)  # warm both up
    words_per_second(base, docs[:5], args.batch_size)
    plain = words_per_second(base, docs, args.batch_size)
    ours = words_per_second(full, docs, args.batch_size)
    print(f"articles {len(docs)}  plain spaCy {plain:,.0f} words/s  coaching pipeline {ours:,.0f} words/s  "
          f"ratio {ours / plain:.2f}")


if __name__ == "__main__":
    main()
