"""Why an article gave the events it gave: per sentence, what each stage saw and decided.

    explanation = explain(nlp, text, "2018-07-27", title="...")
    render(explanation, rich.console.Console())   # a readable terminal layout
    page = to_html(explanation)                   # a self-contained HTML page

For every sentence (the title is the first) an :class:`Explanation` holds the
entities (``doc.ents``), the linked mentions (``doc.spans["mentions"]``, each
with its canonical person or team), the candidates relation extraction
proposed with their rule, trigger and fate (kept, or vetoed by modality with
the reason, or dropped for want of a team or a person), and the events whose
evidence is the sentence.

Modules: ``model`` (the explanation's data, built from a Doc), ``terminal`` (rich layout),
``html_page`` (the HTML page).
"""
from .model import (DROPPED, KEPT, VETOED, CandidateView, EntityView, Explanation, MentionView, SentenceView,
                    explain, explain_doc)
from .terminal import render
from .html_page import to_html

__all__ = ["DROPPED", "KEPT", "VETOED", "CandidateView", "EntityView", "Explanation", "MentionView",
           "SentenceView", "explain", "explain_doc", "render", "to_html"]
