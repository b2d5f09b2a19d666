"""Throughput of the coaching pipeline as a ratio against plain spaCy, same feed, same run.

    python bench/throughput.py                      # 1000 articles, 10% relevant, gate on, one process
    python bench/throughput.py --relevant 1 -n 300  # an all-relevant feed
    python bench/throughput.py --no-gate            # every article parsed whole
    python bench/throughput.py --processes 1 2      # our extract with -n 1 and -n 2 (plain spaCy with -n 1)
    python bench/throughput.py --plain-off -a 100000 --relevant 0.1   # peak memory of a long run alone

The feed comes from ``bench/feed.py`` (coaching-change articles of corpus/ mixed with match reports,
previews and transfer stories) and is streamed, never held whole. Each measurement runs in a forked
child process, so its peak memory (max RSS, the child and its workers) is its own; plain spaCy
(``nlp.pipe`` of the statistical model alone) and our full extract (the batch path of the CLI:
gate, pieces, worker pool) alternate ``--repeat`` times in the same run, since other programs share
the machine; the ratio is given in wall-clock time and in CPU time (the child's and its workers'),
which other programs on the machine disturb less. Words are whitespace-separated words of title and text. Never used as a timed assertion
in tests.
"""
from __future__ import annotations

import argparse
import itertools
import multiprocessing
import os
import resource
import sys
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import spacy  # noqa: E402

import pipeline  # noqa: E402
from feed import Feed  # noqa: E402
from pipeline.batch import extract_articles  # noqa: E402
from pipeline.gate import Gate  # noqa: E402
from pipeline.parallel import ArticleProcessor  # noqa: E402
from pipeline.readers import Article  # noqa: E402


def _articles(args: argparse.Namespace) -> Iterator[Article]:
    for row in Feed(args.relevant, args.seed).articles(args.articles):
        yield Article(id=row["id"], text=row["text"], date=row["date"], title=row["title"], source="feed")


def _words(article: Article) -> int:
    return len(article.text.split()) + len((article.title or "").split())


def _peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, workers) / 1024  # ru_maxrss is in KiB on Linux


def _cpu_seconds() -> float:
    """CPU time of this process and its finished workers: what a run costs when other programs share the cores."""
    own, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime


def _plain(base, args: argparse.Namespace) -> dict:
    counted = {"articles": 0, "words": 0}

    def texts() -> Iterator[str]:
        for article in _articles(args):
            counted["articles"] += 1
            counted["words"] += _words(article)
            yield f"{article.title}\n\n{article.text}"

    start = time.perf_counter()
    for _doc in base.pipe(texts(), batch_size=args.batch_size):
        pass
    return {**counted, "seconds": time.perf_counter() - start, "events": 0}


def _ours(nlp, args: argparse.Namespace, n_process: int) -> dict:
    counted = {"articles": 0, "words": 0, "events": 0}

    def batches() -> Iterator[list[Article]]:
        articles = _articles(args)
        while batch := list(itertools.islice(articles, args.batch_size)):
            counted["articles"] += len(batch)
            counted["words"] += sum(_words(a) for a in batch)
            yield batch

    gate = None if args.no_gate else Gate.from_nlp(nlp)
    start = time.perf_counter()
    with ArticleProcessor(nlp, batch_size=args.batch_size, n_process=n_process, gate=gate) as processor:
        for batch in processor.process_batches(batches()):
            counted["events"] += sum(len(result) for _, result in batch if isinstance(result, list))
    return {**counted, "seconds": time.perf_counter() - start}


def _measure(job, *job_args) -> dict:
    """Run one measurement in a forked child: its time, and its own peak memory."""
    context = multiprocessing.get_context("fork")
    parent, child = context.Pipe(duplex=False)

    def run() -> None:
        before = _cpu_seconds()
        result = job(*job_args)
        result["cpu"] = _cpu_seconds() - before
        result["peak_mb"] = _peak_mb()
        child.send(result)

    process = context.Process(target=run)
    process.start()
    result = parent.recv()
    process.join()
    return result


def _line(name: str, result: dict) -> str:
    seconds = result["seconds"]
    return (f"{name:<22} {result['articles']:>7} articles {result['articles'] / seconds:>8.1f} articles/s "
            f"{result['words'] / seconds:>9,.0f} words/s  CPU {result['cpu']:>7.1f}s  peak {result['peak_mb']:>6,.0f} MB  "
            f"events {result['events']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-a", "--articles", type=int, default=1000, help="articles in the feed")
    parser.add_argument("--relevant", type=float, default=0.1, help="share of coaching-change articles (0-1)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--processes", type=int, nargs="+", default=[1], help="-n values for our extract")
    parser.add_argument("--repeat", type=int, default=1, help="rounds of plain/ours, alternated")
    parser.add_argument("--no-gate", action="store_true", help="parse every article whole")
    parser.add_argument("--plain-off", action="store_true", help="measure our extract only (memory runs)")
    args = parser.parse_args()
    name = "en_core_web_sm" if spacy.util.is_package("en_core_web_sm") else pipeline.DEFAULT_MODELS[-1]
    base = spacy.load(name)
    nlp = pipeline.load()
    print(f"feed: {args.articles} articles, {args.relevant:.0%} relevant, seed {args.seed}; "
          f"gate {'off' if args.no_gate else 'on'}; model {name}; {os.cpu_count()} CPUs", flush=True)
    # warm both pipelines up once, before the measuring children are forked from this process: first-use
    # costs (lazy tables, the date parser's locale data) are no part of the throughput
    warm = [a for a in Feed(1.0, args.seed).articles(8)]
    list(base.pipe([f"{a['title']}\n\n{a['text']}" for a in warm]))
    list(extract_articles(nlp, [Article(id=a["id"], text=a["text"], date=a["date"], title=a["title"], source="warm")
                                for a in warm], gate=Gate.from_nlp(nlp)))
    for round_ in range(args.repeat):
        plain = None if args.plain_off else _measure(_plain, base, args)
        if plain:
            print(_line("plain spaCy", plain), flush=True)
        ours = {}
        for n in args.processes:
            ours[n] = _measure(_ours, nlp, args, n)
            ratio = (f"  ratio {plain['seconds'] / ours[n]['seconds']:.2f}x plain"
                     f" (CPU time {plain['cpu'] / ours[n]['cpu']:.2f}x)") if plain else ""
            print(_line(f"coaching extract -n {n}", ours[n]) + ratio, flush=True)
        if 1 in ours and len(ours) > 1:
            for n in ours:
                if n != 1:
                    print(f"-n {n} vs -n 1: {ours[1]['seconds'] / ours[n]['seconds']:.2f}x", flush=True)


if __name__ == "__main__":
    main()
