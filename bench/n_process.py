"""Two worker processes two ways: the fork pool of ``pipeline/parallel.py`` against spaCy's
``nlp.pipe(n_process=2)``, with one process as the reference, on the same articles and one loaded pipeline.

    python bench/n_process.py ARTICLES.jsonl [MORE.jsonl ...] [--rounds N] [--batch-size B]

Prints, per way and round, the wall time, the CPU seconds of this process and its workers, and the
number of events (equal for all three ways). Never used as a timed assertion in tests.
"""
from __future__ import annotations

import argparse
import json
import resource
import time
from collections.abc import Callable
from pathlib import Path

import pipeline
from pipeline.batch import extract_articles
from pipeline.parallel import ArticleProcessor
from pipeline.readers import Article


def cpu_seconds() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="+", type=Path)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=32)
    args = parser.parse_args()
    nlp = pipeline.load()
    rows = [json.loads(line) for path in args.inputs for line in path.open(encoding="utf-8") if line.strip()]
    articles = [Article(id=r["id"], text=r["text"], date=r.get("date"), title=r.get("title"), url=None,
                        source="bench") for r in rows]

    def one_process() -> list:
        return [result for _, result in extract_articles(nlp, articles, batch_size=args.batch_size)]

    def fork_pool() -> list:
        with ArticleProcessor(nlp, batch_size=args.batch_size, n_process=2) as processor:
            return [result for _, result in processor.process(articles)]

    def spacy_pipe() -> list:
        docs = [(pipeline.prepare(nlp, a.text, a.date, doc_id=a.id, title=a.title), i) for i, a in enumerate(articles)]
        found: list = [None] * len(articles)
        for doc, i in nlp.pipe(docs, as_tuples=True, n_process=2, batch_size=args.batch_size):
            found[i] = list(doc._.events)
        return found

    ways: dict[str, Callable[[], list]] = {"one process": one_process, "fork pool, 2": fork_pool,
                                           "nlp.pipe(n_process=2)": spacy_pipe}
    print(f"{len(articles)} articles, {sum(len(a.text) for a in articles)} characters, batch size {args.batch_size}")
    for round_ in range(args.rounds):
        for name, way in ways.items():
            cpu, start = cpu_seconds(), time.perf_counter()
            results = way()
            wall = time.perf_counter() - start
            print(f"round {round_}  {name:22s} wall {wall:6.2f} s  cpu {cpu_seconds() - cpu:6.2f} s  "
                  f"events {sum(len(r) for r in results)}", flush=True)


if __name__ == "__main__":
    main()
