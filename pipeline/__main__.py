"""``python -m pipeline``: the coaching-events command line."""
from .cli import app

app(prog_name="coaching-events")
