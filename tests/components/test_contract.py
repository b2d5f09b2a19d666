"""The contract between the stages as spaCy sees it: ``requires``/``assigns`` of each component.

Every ``doc._`` field a stage reads is assigned by a stage before it, or is one the caller sets
(``pipeline.prepare``: the article id, its publication date and where the body starts after the title).
"""
from __future__ import annotations

from pipeline import STAGES

CALLER_FIELDS = {"doc._.doc_id", "doc._.published", "doc._.body_offset"}


def test_every_doc_field_a_stage_requires_is_assigned_before_it_or_by_the_caller(nlp):
    problems = nlp.analyze_pipes()["problems"]
    for name in STAGES:
        missing = {attr for attr in problems[name] if attr.startswith("doc._.")}
        assert missing <= CALLER_FIELDS, (name, missing - CALLER_FIELDS)


def test_each_stage_names_the_doc_fields_it_writes(nlp):
    assigns = {name: set(nlp.get_pipe_meta(name).assigns) for name in STAGES}
    assert {"doc._.people", "doc._.teams", "doc._.home_team", "doc._.links"} <= assigns["coaching_mentions"]
    assert "doc._.candidates" in assigns["coaching_relations"]
    assert "doc._.events" in assigns["coaching_assembly"]
    assert "doc._.published" in assigns["coaching_timing"]  # the default date of a plain nlp(text)
