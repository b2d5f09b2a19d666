"""The ``coaching-events`` command line (``python -m pipeline`` is the same): the app of
:mod:`pipeline.cli.app` with the commands of :mod:`pipeline.cli.extract`, :mod:`pipeline.cli.review`
and :mod:`pipeline.cli.transitions`."""
from .app import app
from .extract import extract
from .review import evaluate, explain, stats
from .transitions import transitions

app.command("extract")(extract)
app.command("evaluate")(evaluate)
app.command("explain")(explain)
app.command("stats")(stats)
app.command("transitions")(transitions)

__all__ = ["app"]
