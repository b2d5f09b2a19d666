"""spaCy finds every stage through the ``spacy_factories`` entry points, without the package imported first."""
from __future__ import annotations

import subprocess
import sys
from importlib.metadata import entry_points

import pipeline

ALL_STAGES = ("coaching_lines", *pipeline.STAGES)


def test_every_stage_has_an_entry_point():
    names = {ep.name for ep in entry_points(group="spacy_factories")}
    assert set(ALL_STAGES) <= names, set(ALL_STAGES) - names


def test_a_fresh_interpreter_builds_the_pipeline_by_name_only():
    script = (
        "import sys, spacy\n"
        "assert 'pipeline' not in sys.modules\n"
        "nlp = spacy.blank('en')\n"
        f"for name in {list(ALL_STAGES)!r}:\n"
        "    nlp.add_pipe(name)\n"
        "print(' '.join(nlp.pipe_names))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == list(ALL_STAGES)
