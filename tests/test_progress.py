"""The progress bar: bytes read of the inputs, and the articles done, their rate, events and rejects."""
from __future__ import annotations

import io

from rich.console import Console

import pipeline.progress as progress_module
from pipeline.progress import byte_progress


class Counter:
    bytes_read = 0
    total_bytes = 1000


def test_the_bar_shows_articles_per_second_events_and_rejects(monkeypatch):
    screen = io.StringIO()
    monkeypatch.setattr("rich.console.Console", lambda **_: Console(file=screen, force_terminal=True,
                                                                    width=200))
    counter = Counter()
    shown = []
    with byte_progress(counter, True) as bar:
        counter.bytes_read = 400
        bar.update(read=120, events=37, rejected=2)
        task = bar._progress.tasks[0]
        shown.append((task.completed, task.fields["counts"]))
    completed, counts = shown[0]
    assert completed == 400
    assert counts.startswith("120 articles (") and "/s) · 37 events · 2 rejected" in counts


def test_no_bar_when_not_wanted():
    with byte_progress(Counter(), False) as bar:
        bar.update(read=1, events=0, rejected=0)  # nothing shown, nothing fails
    assert progress_module.wanted(False) is False
