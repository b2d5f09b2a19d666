"""An evaluation report as rich tables."""
from __future__ import annotations

from typing import Any

from .report import MISSED, SPURIOUS, WRONG, AttributeScore, Report
from .rules import FIELDS


def render(report: Report, console: Any, *, errors: bool = False) -> None:
    """The report as rich tables on ``console`` (and the errors, one a line, with ``errors``)."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    console.print(f"articles {report.articles}  gold events {report.gold}  predicted {report.predicted}  "
                  f"matched {report.matched}"
                  + (f"  (left out, not coaching: {report.excluded})" if report.excluded else ""),
                  highlight=False, markup=False)
    table = Table(title="Events", title_justify="left", box=box.SIMPLE_HEAD, caption="sP sR sF1: strict",
                  caption_justify="left", show_edge=False, pad_edge=False)
    table.add_column("slice", no_wrap=True, min_width=9)
    for name in ("gold", "pred", "match", "P", "R", "F1", "sP", "sR", "sF1"):
        table.add_column(name, justify="right", no_wrap=True)
    rows = [("all", report.overall)] + [(name, counts) for name, counts in report.by_type.items()]
    for name, c in rows:
        table.add_row(name, str(c.gold), str(c.predicted), str(c.matched),
                      *(f"{v:.3f}" for v in (c.precision, c.recall, c.f1,
                                              c.strict_precision, c.strict_recall, c.strict_f1)))
    console.print(table)
    attributes = Table(title="Attribute accuracy over matched events", title_justify="left", box=box.SIMPLE_HEAD)
    attributes.add_column("attribute")
    attributes.add_column("all", justify="right")
    for name in report.by_type:
        attributes.add_column(name, justify="right")

    def cell(score: AttributeScore | None) -> str:
        return f"{score.accuracy:.3f} ({score.right}/{score.asked})" if score and score.asked else "-"

    for name in FIELDS:
        if name in report.attributes:
            attributes.add_row(name, cell(report.attributes[name]),
                               *(cell(report.attributes_by_type.get(t, {}).get(name)) for t in report.by_type))
    console.print(attributes)
    if report.unknown_article_predictions:
        console.print(f"predictions for articles not in the gold file: {report.unknown_article_predictions}",
                      highlight=False, markup=False)
    if not errors:
        return
    console.print()
    console.print(f"Errors ({len(report.errors)})", style="bold")
    styles = {MISSED: "yellow", SPURIOUS: "red", WRONG: "magenta"}
    for error in report.errors:
        line = Text()
        line.append(f"{error.label:>15}", style=styles.get(error.kind, ""))
        line.append(f"  {error.doc_id}  {error.describe()}")
        console.print(line, soft_wrap=True)  # one line an error, whatever the width: grep-able
        if error.evidence:
            console.print(Text(f"{'':>17}evidence: {error.evidence}", style="dim"), soft_wrap=True)
        elif error.context:
            console.print(Text(f"{'':>17}context: {error.context}", style="dim"), soft_wrap=True)
