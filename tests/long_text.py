"""A generated long article for the long-text tests and bench/long_article.py.

Our own invented sentences: filler paragraphs of match reporting with, every
so often, a coaching change of an invented coach at a real team of the
gazetteer. Deterministic for a given size.
"""
from __future__ import annotations

TEAMS = ("Arsenal", "Chelsea", "Everton", "Fulham", "Brentford", "Burnley", "Watford", "Norwich City")
FIRST = ("Tomas", "Elias", "Marten", "Oskar", "Piers", "Rowan", "Silas", "Viktor", "Anselm", "Dario")
LAST = ("Brannock", "Halvorsen", "Quillfeather", "Dunmore", "Westerby", "Calloway", "Ferrand",
        "Marchetti", "Lindqvist", "Osgood", "Pendry", "Thornbury", "Vantongeren")
FILLER = (
    "The visitors pressed high from the first whistle and forced three corners inside ten minutes.",
    "A long ball over the top found the winger, whose cross was headed clear at the near post.",
    "The midfield was crowded and neither side managed more than a handful of shots on target.",
    "Supporters in the north stand sang throughout a second half played in steady rain.",
    "The goalkeeper saved low to his left before the rebound was scrambled away for a throw.",
)
EVENT = "{team} sacked manager {coach} on Monday after a run of poor results."


def _coach(index: int) -> str:
    return f"{FIRST[index % len(FIRST)]} {LAST[(index * 7) % len(LAST)]}"


def long_article(chars: int, *, breaks: bool = True, every: int = 40) -> dict:
    """An article record of about ``chars`` characters of text (at least one paragraph).

    Paragraphs of filler are separated by blank lines (or by a space when
    ``breaks`` is false); every ``every``-th paragraph opens with a sacking.
    """
    parts: list[str] = []
    size = 0
    index = 0
    while size < chars or not parts:
        sentences = [FILLER[(index + k) % len(FILLER)] for k in range(3)]
        if index % every == 0:
            sentences.insert(0, EVENT.format(team=TEAMS[(index // every) % len(TEAMS)],
                                             coach=_coach(index // every)))
        paragraph = " ".join(sentences)
        parts.append(paragraph)
        size += len(paragraph) + 2
        index += 1
    text = ("\n\n" if breaks else " ").join(parts)
    return {"id": f"long-{chars}", "date": "2023-03-06", "title": "A long day of football",
            "text": text}
