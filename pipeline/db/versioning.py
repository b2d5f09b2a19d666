"""The pipeline version an article was processed with: what makes a recorded result stale.

It names this package's version, the spaCy model under it and a hash of the
rule data in ``models/``: a new release, another model or an edited word list
is a new version, and a run over an existing database processes the articles
again (their old events replaced).
"""
from __future__ import annotations

import hashlib

from spacy.language import Language

from .. import __version__
from ..resources import models_dir


def rules_hash() -> str:
    digest = hashlib.sha256()
    for path in sorted(models_dir().glob("*.jsonl")):
        digest.update(path.name.encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:12]


def pipeline_version(nlp: Language) -> str:
    """``coaching-events 0.1.0; en_core_web_sm 3.8.0; rules 1a2b3c4d5e6f``."""
    model = f"{nlp.meta.get('lang', '')}_{nlp.meta.get('name', '')} {nlp.meta.get('version', '')}".strip()
    return f"coaching-events {__version__}; {model}; rules {rules_hash()}"
