"""Time and peak memory of one long article through ``extract``, in a fresh process.

    python bench/long_article.py --chars 5000000 [--no-breaks] [--n-runs 1]
    python bench/long_article.py --chars 250000,1000000   # linearity: one line per size

A generated article (our own invented sentences: coaching changes among
match-report filler) of about ``--chars`` characters goes through
``run_extract`` in a child process; the child reports its wall time, its peak
resident memory (``resource.getrusage``), the events found and whether every
event's evidence offsets point at its sentence in the text. Never a timed test.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from tests.long_text import long_article  # noqa: E402

CHILD = r"""
import json, resource, sys, time
from pipeline.run import ExtractOptions, run_extract
from pipeline import load
nlp = load()
path, out = sys.argv[1], sys.argv[2]
usage = resource.getrusage(resource.RUSAGE_SELF)
before, cpu = usage.ru_maxrss, usage.ru_utime + usage.ru_stime
start = time.perf_counter()
counts = run_extract(ExtractOptions(inputs=[path], output=out), nlp)
took = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_SELF)
peak, cpu = usage.ru_maxrss, usage.ru_utime + usage.ru_stime - cpu
print(json.dumps({"seconds": took, "cpu": cpu, "peak_kb": peak, "loaded_kb": before,
                  "events": counts.events, "rejected": counts.rejected}))
"""


def measure(chars: int, breaks: bool) -> dict:
    article = long_article(chars, breaks=breaks)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "long.jsonl"
        path.write_text(json.dumps(article) + "\n", encoding="utf-8")
        out = Path(tmp) / "events.jsonl"
        done = subprocess.run([sys.executable, "-c", CHILD, str(path), str(out)],
                              capture_output=True, text=True, check=True, cwd=HERE.parent)
        result = json.loads(done.stdout.strip().splitlines()[-1])
        events = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    text = article["text"]
    result["offsets_right"] = all(
        text[e["evidence"]["start"]:e["evidence"]["end"]] == e["evidence"]["sentence"]
        for e in events if e["evidence"]["field"] == "text")
    result["chars"] = len(text)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", default="5000000", help="sizes, comma-separated")
    parser.add_argument("--no-breaks", action="store_true", help="one line, no paragraph breaks")
    args = parser.parse_args()
    for size in (int(s) for s in args.chars.split(",")):
        r = measure(size, breaks=not args.no_breaks)
        print(f"chars {r['chars']:>10,}  breaks {not args.no_breaks!s:5}  {r['seconds']:7.1f} s (CPU {r['cpu']:.1f} s)  "
              f"peak {r['peak_kb'] / 1024:7.0f} MB (model loaded {r['loaded_kb'] / 1024:.0f} MB)  "
              f"events {r['events']}  rejected {r['rejected']}  offsets right {r['offsets_right']}",
              flush=True)


if __name__ == "__main__":
    main()
