"""pipeline.stats: counts by type, team, sport, month and manner; the plot; the command."""
from __future__ import annotations

import json
import struct
import sys
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.schema import Event, Evidence
from pipeline.stats import compute_stats, month_of, plot, render


def event(doc_id: str, type_: str, team: str, date: str | None, *, manner: str | None = None,
          sport: str | None = "football", coach: str = "Pat Doe") -> dict:
    return {"doc_id": doc_id, "type": type_, "coach": coach, "team": team, "role": "head coach",
            "interim": False, "manner": manner if type_ == "departure" else None, "date": date, "sport": sport}


EVENTS = [
    event("a1", "departure", "Riverton FC", "2019-11-04", manner="fired"),
    event("a1", "hire", "Riverton FC", "2019-11-05"),
    event("a2", "departure", "Harbour City", "2019-11-20", manner="resigned"),
    event("a3", "hire", "Harbour City", "2020-02"),
    event("a4", "departure", "Lakeside Hawks", "2016", manner="moved", sport="basketball"),
    event("a4", "hire", "Riverton FC", None, sport=None),
    event("a5", "departure", "Lakeside Hawks", "2020-02-29", manner=None, sport="basketball"),
]


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_counts():
    stats = compute_stats(EVENTS)
    assert (stats.total, stats.articles) == (7, 5)
    assert stats.by_type == {"hire": 3, "departure": 4}
    assert stats.by_team == {"Riverton FC": 3, "Harbour City": 2, "Lakeside Hawks": 2}
    assert stats.by_sport == {"football": 4, "basketball": 2, "unknown": 1}
    assert stats.by_manner == {"fired": 1, "resigned": 1, "moved": 1, "unknown": 1}  # departures only
    assert stats.by_month == {"2019-11": 3, "2020-02": 2}
    assert stats.by_month_type["2019-11"] == {"departure": 2, "hire": 1}
    assert (stats.year_only, stats.undated) == (1, 1)


def test_months_fill_the_gaps_across_a_year_end():
    assert compute_stats(EVENTS).months() == ["2019-11", "2019-12", "2020-01", "2020-02"]
    assert compute_stats([]).months() == []


@pytest.mark.parametrize("date, month", [("2018-07-27", "2018-07"), ("2018-07", "2018-07"), ("2018", None),
                                         (None, None), ("2018-13", None), ("soon", None)])
def test_month_of(date, month):
    assert month_of(date) == month


def test_to_dict_is_json_and_sorted():
    data = json.loads(json.dumps(compute_stats(EVENTS).to_dict()))
    assert list(data["by_team"]) == ["Riverton FC", "Harbour City", "Lakeside Hawks"]
    assert list(data["by_month"]) == ["2019-11", "2020-02"]
    assert data["by_manner"]["fired"] == 1 and data["events"] == 7


def test_event_objects_are_counted():
    record = Event(doc_id="e1", type="hire", coach="Pat Doe", team="Riverton FC", role="manager", interim=False,
                   manner=None, date="2021-05-01", evidence=Evidence("x", 0, 1), rule="test", confidence=1.0,
                   sport="football")
    assert compute_stats([record]).by_month == {"2021-05": 1}


def test_render():
    console = Console(record=True, width=120, force_terminal=False)
    render(compute_stats(EVENTS), console, top=2)
    out = console.export_text()
    assert "7 events in 5 articles" in out
    assert "Riverton FC" in out and "Harbour City" in out and "Lakeside Hawks" not in out  # top 2
    assert "1 more" in out and "2019-11" in out and "year only" in out and "undated" in out


def test_plot(tmp_path):
    pytest.importorskip("matplotlib")
    path = plot(compute_stats(EVENTS), tmp_path / "plots" / "months.png")
    width, height = png_size(path)
    assert width > 500 and height > 300 and path.stat().st_size > 5_000


def test_plot_without_months(tmp_path):
    pytest.importorskip("matplotlib")
    assert png_size(plot(compute_stats([event("a", "hire", "X", "2016")]), tmp_path / "empty.png"))[0] > 0


# -- the command -------------------------------------------------------------------------------
def write_events(path: Path) -> Path:
    path.write_text("".join(json.dumps(e) + "\n" for e in EVENTS), encoding="utf-8")
    return path


def test_stats_command_json(tmp_path):
    result = CliRunner().invoke(app, ["stats", str(write_events(tmp_path / "events.jsonl")), "--json"])
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["by_type"] == {"departure": 4, "hire": 3}
    assert result.stderr == ""


def test_stats_command_table_and_plot(tmp_path):
    pytest.importorskip("matplotlib")
    out = tmp_path / "months.png"
    result = CliRunner().invoke(app, ["stats", str(write_events(tmp_path / "events.jsonl")), "--plot", str(out)])
    assert result.exit_code == 0, result.stderr
    assert "Riverton FC" in result.stdout and "By month" in result.stdout
    assert f"plot written to {out}" in result.stderr
    assert png_size(out)[0] > 0


def test_stats_command_reads_stdin():
    lines = "".join(json.dumps(e) + "\n" for e in EVENTS)
    result = CliRunner().invoke(app, ["stats", "-", "--json"], input=lines)
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["events"] == 7


@pytest.mark.parametrize("content, message", [(None, "events file not found"), ("{]\n", "events.jsonl:1: not JSON")])
def test_stats_command_bad_input(tmp_path, content, message):
    path = tmp_path / "events.jsonl"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    result = CliRunner().invoke(app, ["stats", str(path)])
    assert result.exit_code == 1 and message in result.stderr and result.stdout == ""


def test_stats_plot_names_the_missing_extra(tmp_path, monkeypatch):
    """matplotlib is the optional extra [plot]: without it --plot says so and exits 1, writing nothing."""
    for name in [n for n in sys.modules if n == "matplotlib" or n.startswith("matplotlib.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # import matplotlib now fails
    out = tmp_path / "months.png"
    result = CliRunner().invoke(app, ["stats", str(write_events(tmp_path / "events.jsonl")), "--plot", str(out)])
    assert result.exit_code == 1
    assert "coaching-events[plot]" in result.stderr
    assert not out.exists()
