"""The review commands of ``coaching-events``: evaluate, explain, stats.

Thin typer commands over :mod:`pipeline.evaluate`, :mod:`pipeline.explain` and
:mod:`pipeline.stats`, registered on the app in ``pipeline/cli/__init__.py``. As there: data on stdout (a table, or JSON
with ``--json``), messages on stderr, exit code 1 when the command cannot run
and 2 when the command line is wrong.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from .app import JsonOption, ModelOption, fail, say

EXIT_USAGE = 2
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")



def _load(model: str | None) -> Any:
    from .. import run

    say("loading the pipeline…")
    try:
        return run.load_nlp(model)
    except OSError as error:
        fail(str(error))


def _console() -> Any:
    from rich.console import Console

    return Console(highlight=False)


def _print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False))


def _read_jsonl(path: Path, what: str) -> list[dict[str, Any]]:
    from ..evaluate import DataFileError, read_jsonl

    if str(path) == "-":
        rows = []
        for number, line in enumerate(sys.stdin, 1):
            if line.strip():
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as error:
                    fail(f"<stdin>:{number}: not JSON: {error}")
                if not isinstance(row, dict):
                    fail(f"<stdin>:{number}: not a JSON object")
                rows.append(row)
        return rows
    if not path.is_file():
        fail(f"{what} not found: {path}")
    try:
        return read_jsonl(path)
    except (DataFileError, OSError) as error:
        fail(str(error))


def _check_date(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        if not _ISO_DATE.fullmatch(value):
            raise ValueError
        dt.date.fromisoformat(value)
    except ValueError:
        fail(f"--date is not YYYY-MM-DD: {value}", EXIT_USAGE)
    return value


# -- evaluate ----------------------------------------------------------------------------------
def _gold_articles(gold_docs: list[dict[str, Any]], source: Path) -> list[dict[str, Any]]:
    """The gold file's articles as extractor input, or an error naming the bad record."""
    from ..readers import InvalidRecord, article_from_record

    records = []
    for number, doc in enumerate(gold_docs, 1):
        try:
            article = article_from_record(doc, f"{source}:{number}")
        except InvalidRecord as error:
            fail(f"{source}: article {number}: {error}")
        records.append({"id": article.id, "text": article.text, "date": article.date, "title": article.title})
    return records


def evaluate(
    gold: Annotated[Path, typer.Argument(help="Gold articles (JSON Lines, each with its events).",
                                         show_default=False, metavar="GOLD")],
    pred: Annotated[
        Path | None,
        typer.Argument(help="Predicted events (JSON Lines, one event a line, with doc_id). "
                            "Default: run the extractor on GOLD's articles.", show_default=False,
                      metavar="[PRED]"),
    ] = None,
    errors: Annotated[
        bool, typer.Option("--errors", help="List each missed, spurious and wrong-attribute event, "
                                            "with its evidence sentence.")
    ] = False,
    bands: Annotated[
        bool, typer.Option("--bands", help="Also show the precision of the predicted events by confidence "
                                           "band (is confidence worth its name?).")
    ] = False,
    json_output: JsonOption = False,
    model: ModelOption = None,
) -> None:
    """Score predicted events against gold articles (precision, recall, F1, strict F1, attributes)."""
    from .. import calibration
    from .. import extract as extract_events
    from ..evaluate import DataFileError, check_gold
    from ..evaluate import evaluate as score
    from ..evaluate import render

    gold_docs = _read_jsonl(gold, "gold file")
    try:
        check_gold(gold_docs, str(gold))
    except DataFileError as error:
        fail(str(error))
    if pred is None:
        records = _gold_articles(gold_docs, gold)
        nlp = _load(model)
        say(f"extracting events from {len(records)} articles…")
        preds: list[Any] = [event.to_record() for event in extract_events(records, nlp)]
    else:
        preds = _read_jsonl(pred, "predictions file")
    report = score(gold_docs, preds)
    judged = calibration.judge(gold_docs, preds) if bands else []
    if json_output:
        data = report.to_dict(errors=errors)
        if bands:
            data["confidence"] = calibration.to_dict(judged)
        _print_json(data)
    else:
        console = _console()
        render(report, console, errors=errors)
        if bands:
            calibration.render(judged, console)


# -- explain -----------------------------------------------------------------------------------
def _find_article(path: Path, article_id: str) -> Any:
    from ..readers import Article, MissingInputError, read_articles

    try:
        for item in read_articles([path]):
            if item.id != article_id:
                continue
            if isinstance(item, Article):
                return item
            fail(f"article {article_id} cannot be read: {item.reason}")
    except MissingInputError as error:
        fail(str(error))
    fail(f"no article with id {article_id} in {path}")


def explain(
    text: Annotated[
        str | None,
        typer.Argument(help="The article's text (- for stdin). Or give --input and --id.", show_default=False,
                       metavar="[TEXT]"),
    ] = None,
    date: Annotated[str | None, typer.Option(help="Publication date, YYYY-MM-DD (relative dates resolve "
                                                  "against it).", show_default=False)] = None,
    title: Annotated[str | None, typer.Option(help="The article's title.", show_default=False)] = None,
    input_path: Annotated[
        Path | None,
        typer.Option("--input", help="Read the article from this file (JSON Lines or .txt), by --id.",
                     show_default=False),
    ] = None,
    article_id: Annotated[str | None, typer.Option("--id", help="The article's id in --input.",
                                                   show_default=False)] = None,
    html_path: Annotated[
        Path | None,
        typer.Option("--html", help="Write a self-contained HTML page (entities, event cards, evidence) "
                                    "here instead of the terminal layout.", show_default=False),
    ] = None,
    all_sentences: Annotated[bool, typer.Option("--all-sentences",
                                                help="Show sentences where nothing was found too.")] = False,
    json_output: JsonOption = False,
    model: ModelOption = None,
) -> None:
    """Show why an article gave its events: per sentence the entities, linked mentions, rules and vetoes."""
    from ..explain import explain as explain_article
    from ..explain import render, to_html

    doc_id = None
    if input_path is not None:
        if text is not None:
            fail("give the text or --input, not both", EXIT_USAGE)
        if article_id is None:
            fail("--input needs --id", EXIT_USAGE)
        article = _find_article(input_path, article_id)
        text, doc_id = article.text, article.id
        date = date or article.date
        title = title or article.title
    elif article_id is not None:
        fail("--id needs --input", EXIT_USAGE)
    elif text is None:
        fail("give the article's text, or --input FILE --id ID", EXIT_USAGE)
    elif text == "-":
        text = sys.stdin.read()
    if not text.strip():
        fail("the text is empty", EXIT_USAGE)
    date = _check_date(date)
    nlp = _load(model)
    explanation = explain_article(nlp, text, date, title, doc_id=doc_id)
    if html_path is not None:
        try:
            html_path.parent.mkdir(parents=True, exist_ok=True)
            html_path.write_text(to_html(explanation), encoding="utf-8")
        except OSError as error:
            fail(f"cannot write {html_path}: {error.strerror or error}")
        say(f"page written to {html_path}")
    if json_output:
        _print_json(explanation.to_dict())
    elif html_path is None:
        render(explanation, _console(), all_sentences=all_sentences)


# -- stats -------------------------------------------------------------------------------------
def stats(
    events: Annotated[Path, typer.Argument(help="Events (JSON Lines, as extract writes them; - for stdin).",
                                           show_default=False, metavar="EVENTS")],
    plot: Annotated[Path | None, typer.Option(help="Write a PNG bar chart of transitions per month here.",
                                              show_default=False)] = None,
    top: Annotated[int, typer.Option(min=1, help="Teams shown in the table.")] = 15,
    json_output: JsonOption = False,
) -> None:
    """Count events by type, team, sport, month and manner; plot transitions per month."""
    from ..stats import compute_stats, render
    from ..stats import plot as plot_months

    result = compute_stats(_read_jsonl(events, "events file"))
    if plot is not None:
        try:
            plot_months(result, plot)
        except ImportError as error:
            if (error.name or "matplotlib").split(".")[0] != "matplotlib":
                raise
            fail("--plot needs matplotlib, the optional extra [plot]: pip install 'coaching-events[plot]'")
        except OSError as error:
            fail(f"cannot write {plot}: {error.strerror or error}")
        say(f"plot written to {plot}")
    if json_output:
        _print_json(result.to_dict())
    else:
        render(result, _console(), top=top)

