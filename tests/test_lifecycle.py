"""Interrupted and killed runs: workers die with their parent, SIGTERM/Ctrl-C stop cleanly with a
summary and a non-zero exit, an earlier complete output survives, stale rejects do not.

The signal tests run a real ``coaching-events extract -n 2`` in a subprocess on a stand-in pipeline
(blank English and one slow component that records which process ran it) and send real signals.
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

import pipeline.lifecycle
from pipeline.parallel import can_fork
from pipeline.run import ExtractOptions, RunInterrupted, run_extract

ROOT = Path(__file__).resolve().parents[1]

# The stand-in run: each article takes a while, so the run is still going when the signal comes.
SLOW_RUN = textwrap.dedent("""
    import os, sys, time
    import spacy
    from spacy.language import Language
    import pipeline.run
    from pipeline.cli import app

    pids = sys.argv.pop(1)

    @Language.component("io_test_slow")
    def slow(doc):
        with open(os.path.join(pids, str(os.getpid())), "w"):
            pass
        time.sleep(0.2)
        doc._.events = []
        return doc

    fake = spacy.blank("en")
    fake.add_pipe("io_test_slow")
    pipeline.run.load_nlp = lambda model=None: fake
    app(prog_name="coaching-events")
""")


def write_articles(path: Path, count: int) -> Path:
    path.write_text("".join(json.dumps({"id": f"s{i}", "text": f"Filler text number {i}."}) + "\n"
                            for i in range(count)), encoding="utf-8")
    return path


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state not in ("Z", "X")  # a zombie has exited; only its parent has not reaped it


def wait_until(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


def start_run(tmp_path: Path, *args: str) -> tuple[subprocess.Popen, Path]:
    pids = tmp_path / "pids"
    pids.mkdir()
    inputs = write_articles(tmp_path / "in.jsonl", 400)
    process = subprocess.Popen(
        [sys.executable, "-c", SLOW_RUN, str(pids), "extract", str(inputs), "-b", "2", *args],
        cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)})
    return process, pids


def worker_pids(process: subprocess.Popen, pids: Path) -> set[int]:
    return {int(p.name) for p in pids.iterdir()} - {process.pid}


needs_fork_and_proc = pytest.mark.skipif(not can_fork() or not Path("/proc/self/stat").exists(),
                                         reason="needs fork() and /proc (Linux)")


@needs_fork_and_proc
@pytest.mark.parametrize("signum", [signal.SIGKILL, signal.SIGTERM])
def test_workers_exit_when_the_parent_is_killed(tmp_path, signum):
    previous = '{"previous": "complete output"}\n'
    (tmp_path / "events.jsonl").write_text(previous, encoding="utf-8")
    process, pids = start_run(tmp_path, "-n", "2", "-o", "events.jsonl")
    workers: set[int] = set()
    try:
        assert wait_until(lambda: len(worker_pids(process, pids)) >= 2, 60)
        workers = worker_pids(process, pids)
        process.send_signal(signum)
        process.wait(timeout=30)
        assert wait_until(lambda: not any(alive(pid) for pid in workers), 10), \
            f"workers {workers} outlived their parent"
        assert (tmp_path / "events.jsonl").read_text(encoding="utf-8") == previous
    finally:
        process.kill()
        for pid in workers:  # a worker left behind would hold the pipes open
            if alive(pid):
                os.kill(pid, signal.SIGKILL)
        process.communicate(timeout=30)


@needs_fork_and_proc
@pytest.mark.parametrize(("signum", "code"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_sigterm_and_ctrl_c_report_what_was_done_and_keep_the_previous_output(tmp_path, signum, code):
    (tmp_path / "events.jsonl").write_text('{"previous": "complete output"}\n', encoding="utf-8")
    process, pids = start_run(tmp_path, "-n", "2", "-o", "events.jsonl")
    try:
        assert wait_until(lambda: len(worker_pids(process, pids)) >= 2, 60)
        time.sleep(0.5)
        process.send_signal(signum)
        _, stderr = process.communicate(timeout=30)
    finally:
        process.kill()
    assert process.returncode == code, stderr
    assert f"interrupted by {signal.Signals(signum).name}: read " in stderr
    assert "so far" in stderr and "Traceback" not in stderr
    assert (tmp_path / "events.jsonl").read_text(encoding="utf-8") == '{"previous": "complete output"}\n'
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".partial")] == []


# --- in this process ------------------------------------------------------------------------------

@Language.component("io_test_interrupt")
def _interrupt(doc: Doc) -> Doc:
    if "STOP" in doc.text:
        raise KeyboardInterrupt
    doc._.events = []
    return doc


def test_an_interrupted_run_counts_what_it_did_and_writes_nothing(tmp_path):
    import spacy

    stopper = spacy.blank("en")
    stopper.add_pipe("io_test_interrupt")
    inputs = tmp_path / "in.jsonl"
    inputs.write_text("".join(json.dumps({"id": f"i{i}", "text": "STOP" if i == 5 else "Fine."}) + "\n"
                              for i in range(8)) + "not json\n", encoding="utf-8")
    output = tmp_path / "out.jsonl"
    output.write_text("old\n", encoding="utf-8")
    with pytest.raises(RunInterrupted) as stopped:
        run_extract(ExtractOptions(inputs=[inputs], output=output, batch_size=2), stopper)
    assert stopped.value.counts.read == 4 and stopped.value.exit_code == 130
    assert output.read_text(encoding="utf-8") == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "out.jsonl"]


def test_a_stale_rejects_file_is_removed_by_a_clean_run(tmp_path, fake_nlp):
    inputs = tmp_path / "in.jsonl"
    inputs.write_text(json.dumps({"id": "a", "text": "Rovers sacked Tom Reed."}) + "\nnot json\n",
                      encoding="utf-8")
    output = tmp_path / "events.jsonl"
    first = run_extract(ExtractOptions(inputs=[inputs], output=output), fake_nlp)
    assert first.rejects_path == tmp_path / "events.rejects.jsonl" and first.rejects_path.exists()
    inputs.write_text(json.dumps({"id": "a", "text": "Rovers sacked Tom Reed."}) + "\n", encoding="utf-8")
    second = run_extract(ExtractOptions(inputs=[inputs], output=output), fake_nlp)
    assert second.rejected == 0 and second.rejects_path is None
    assert not (tmp_path / "events.rejects.jsonl").exists()


def test_a_parent_that_died_before_the_worker_armed_its_signal_ends_the_worker():
    if not can_fork():
        pytest.skip("needs fork()")
    child = os.fork()
    if child == 0:  # pragma: no cover - runs in the child
        try:
            pipeline.lifecycle.follow_parent(parent=os.getppid() + 10**6)  # not our parent: "dead"
        finally:
            os._exit(0)  # follow_parent must have exited with 1 before this
    _, status = os.waitpid(child, 0)
    assert os.waitstatus_to_exitcode(status) == 1
