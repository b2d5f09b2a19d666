"""The ``coaching-events`` command line (``python -m pipeline`` is the same): the app of
:mod:`pipeline.cli.app` with the commands of :mod:`pipeline.cli.extract` and :mod:`pipeline.cli.review`."""
from .app import app
from .extract import extract
from .review import evaluate, explain, stats

app.command("extract")(extract)
app.command("evaluate")(evaluate)
app.command("explain")(explain)
app.command("stats")(stats)

__all__ = ["app"]
