"""The coaching-events spaCy components, one module per stage."""
from . import assembly, entities, lines, mentions, modality, relations, rows, timing  # noqa: F401
