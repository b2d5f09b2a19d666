"""Consolidation across articles (pipeline.transitions) and the ``transitions`` command, on invented reports."""
from __future__ import annotations

import csv
import io
import json

import pytest
import sqlalchemy as sa
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.db import EventStore
from pipeline.readers import Article
from pipeline.schema import Event, Evidence
from pipeline.transitions import COLUMNS, Report, best_date, compatible, consolidate


def report(doc: str, type_: str, coach: str, team: str, date: str | None, *, manner: str | None = None,
           interim: bool = False, role: str | None = "head coach", published: str | None = None,
           confidence: float = 0.9) -> Report:
    if type_ == "departure" and manner is None:
        manner = "unknown"
    event = Event(doc_id=doc, type=type_, coach=coach, team=team, role=role, interim=interim, manner=manner,
                  date=date, evidence=Evidence("...", 0, 3), rule="test", confidence=confidence)
    return Report(event, published)


def rows(reports: list[Report]) -> list[tuple]:
    return [(c.team, c.outgoing_coach, c.manner, c.vacancy_date, c.incoming_coach, c.interim, c.appointment_date,
             tuple(c.sources)) for c in consolidate(reports)]


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("2023-03", "2023-03-24", True),
        ("2023", "2023-11-02", True),
        (None, "2019-01-01", True),
        ("2021-05-01", "2021-05-05", True),   # announced, then took effect
        ("2021-05-01", "2021-06-10", False),
        ("2015", "2021-05-02", False),
        ("2023-02", "2023-03", False),
    ],
)
def test_compatible_dates(a, b, expected):
    assert compatible(a, b) is expected
    assert compatible(b, a) is expected


@pytest.mark.parametrize(
    ("dates", "expected"),
    [
        (["2023-03", "2023-03-24", "2023-03-24"], "2023-03-24"),
        (["2023-03", "2023-03", "2023-03-24"], "2023-03-24"),  # the precise one agrees with both others
        (["2021-05-01", "2021-05-03", "2021-05-03"], "2021-05-03"),
        (["2021-05-03", "2021-05-01"], "2021-05-01"),  # a tie: the earlier
        ([None, None], None),
        ([None, "2020"], "2020"),
    ],
)
def test_best_supported_date(dates, expected):
    assert best_date(dates) == expected


def test_one_sacking_reported_by_three_articles_is_one_row_with_every_source():
    reports = [
        report("n1", "departure", "Tom Reed", "Rovers", "2023-03", manner="fired"),
        report("n2", "departure", "Tom Reed", "Rovers", "2023-03-24", manner="unknown"),
        report("n3", "departure", "tom reed", "Rovers", "2023-03-24", manner="fired"),
    ]
    assert rows(reports) == [("Rovers", "Tom Reed", "fired", "2023-03-24", None, None, None, ("n1", "n2", "n3"))]


def test_names_are_compared_without_case_or_accents_and_the_fullest_common_spelling_is_kept():
    reports = [
        report("n1", "hire", "José Ibáñez", "Harbour City", "2020-07-01"),
        report("n2", "hire", "Jose Ibanez", "Harbour City", "2020-07-01"),
        report("n3", "hire", "José Ibáñez", "harbour city", None, published="2020-07-02"),
    ]
    assert rows(reports) == [("Harbour City", None, None, None, "José Ibáñez", False, "2020-07-01",
                              ("n1", "n2", "n3"))]


def test_the_same_coach_hired_twice_by_one_team_years_apart_is_two_rows():
    reports = [
        report("n1", "hire", "Ann Vale", "Rovers", "2015"),
        report("n2", "hire", "Ann Vale", "Rovers", "2021-05-02"),
        report("n3", "hire", "Ann Vale", "Rovers", "2021-05-04"),
    ]
    assert [(r[4], r[6], r[7]) for r in rows(reports)] == [("Ann Vale", "2015", ("n1",)),
                                                         ("Ann Vale", "2021-05-02", ("n2", "n3"))]


def test_an_undated_report_joins_the_spell_nearest_its_publication():
    reports = [
        report("n1", "hire", "Ann Vale", "Rovers", "2015-02-01"),
        report("n2", "hire", "Ann Vale", "Rovers", "2021-05-02"),
        report("n3", "hire", "Ann Vale", "Rovers", None, published="2021-05-20"),
    ]
    assert [r[7] for r in rows(reports)] == [("n1",), ("n2", "n3")]


def test_a_departure_pairs_with_the_successors_hire_and_interim_spells_chain():
    reports = [
        report("n1", "departure", "Tom Reed", "Rovers", "2022-10-03", manner="fired"),
        report("n1", "hire", "Kim Ross", "Rovers", "2022-10-03", interim=True, role="manager"),
        report("n2", "hire", "Lee Park", "Rovers", "2022-11-15"),
        report("n3", "hire", "Lee Park", "Rovers", "2022-11"),
    ]
    assert rows(reports) == [
        ("Rovers", "Tom Reed", "fired", "2022-10-03", "Kim Ross", True, "2022-10-03", ("n1",)),
        ("Rovers", "Kim Ross", None, None, "Lee Park", False, "2022-11-15", ("n2", "n3")),
    ]


def test_a_hire_after_the_next_departure_is_not_the_earlier_ones_successor():
    reports = [
        report("n1", "departure", "Tom Reed", "Rovers", "2022-01-10", manner="resigned"),
        report("n2", "departure", "Bo Lind", "Rovers", "2022-03-01", manner="fired"),
        report("n3", "hire", "Ida Moss", "Rovers", "2022-03-04"),
    ]
    assert rows(reports) == [
        ("Rovers", "Tom Reed", "resigned", "2022-01-10", None, None, None, ("n1",)),
        ("Rovers", "Bo Lind", "fired", "2022-03-01", "Ida Moss", False, "2022-03-04", ("n2", "n3")),
    ]


def test_without_dates_the_hire_reported_in_the_same_article_is_the_successor():
    reports = [
        report("n1", "departure", "Tom Reed", "Rovers", None, manner="mutual_consent"),
        report("n1", "hire", "Ida Moss", "Rovers", None),
        report("n2", "hire", "Al Dunn", "Harbour City", None),
    ]
    assert rows(reports) == [
        ("Harbour City", None, None, None, "Al Dunn", False, None, ("n2",)),
        ("Rovers", "Tom Reed", "mutual_consent", None, "Ida Moss", False, None, ("n1",)),
    ]


def test_an_assistants_hire_is_not_the_head_coachs_successor():
    reports = [
        report("n1", "departure", "Tom Reed", "Rovers", "2022-01-10", manner="fired"),
        report("n1", "hire", "Ida Moss", "Rovers", "2022-01-11", role="assistant coach"),
    ]
    assert [(r[1], r[4]) for r in rows(reports)] == [("Tom Reed", None), (None, "Ida Moss")]


# --- the command --------------------------------------------------------------------------------

@pytest.fixture
def filled_db(tmp_path) -> str:
    url = f"sqlite:///{tmp_path / 'events.db'}"
    reports = [
        report("n1", "departure", "Tom Reed", "Rovers", "2023-03-24", manner="fired"),
        report("n1", "hire", "Kim Ross", "Rovers", "2023-03-24", interim=True),
        report("n2", "departure", "Tom Reed", "Rovers", "2023-03", manner="fired"),
        report("n3", "hire", "Ida | Moss", "Harbour City", "2023-04-02"),
    ]
    with EventStore.open(url) as store:
        for doc in ("n1", "n2", "n3"):
            events = [r.event for r in reports if r.event.doc_id == doc]
            store.write([(Article(id=doc, text=doc, date="2023-04-05"), events)], "test")
    return url


def invoke(*args: str):
    return CliRunner().invoke(app, ["transitions", *args])


def test_csv_export(filled_db):
    result = invoke("--db", filled_db, "--format", "csv")
    assert result.exit_code == 0, result.output
    assert list(csv.reader(io.StringIO(result.stdout))) == [
        list(COLUMNS),
        ["Harbour City", "head coach", "", "", "", "Ida | Moss", "no", "2023-04-02", "n3"],
        ["Rovers", "head coach", "Tom Reed", "fired", "2023-03-24", "Kim Ross", "yes", "2023-03-24", "n1, n2"],
    ]
    assert "2 changes from 3 articles; kept in the transitions table" in result.stderr


def test_markdown_export_escapes_pipes(filled_db):
    result = invoke("--db", filled_db, "-f", "markdown")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("| Team | Role | Outgoing coach | Manner of departure | Date of vacancy |")
    assert lines[2] == "| Harbour City | head coach |  |  |  | Ida \\| Moss | no | 2023-04-02 | n3 |"


def test_json_export_to_a_file(filled_db, tmp_path):
    target = tmp_path / "lists" / "changes.json"
    result = invoke("--db", filled_db, "-f", "json", "-o", str(target))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    records = json.loads(target.read_text(encoding="utf-8"))
    assert records[1] == {"team": "Rovers", "role": "head coach", "outgoing_coach": "Tom Reed", "manner": "fired",
                          "vacancy_date": "2023-03-24", "incoming_coach": "Kim Ross", "interim": True,
                          "appointment_date": "2023-03-24", "sources": ["n1", "n2"]}


def test_the_table_is_printed_with_every_column(filled_db):
    result = invoke("--db", filled_db)
    assert result.exit_code == 0, result.output
    for text in ("2 coaching changes", "Outgoing coach", "Date of appointment", "Tom Reed", "Kim Ross", "n1, n2"):
        assert text in result.stdout


def test_the_list_is_kept_in_the_database_and_rebuilt_not_appended(filled_db):
    for _ in range(2):
        assert invoke("--db", filled_db, "-f", "json").exit_code == 0
    engine = sa.create_engine(filled_db)
    with engine.connect() as connection:
        kept = connection.execute(sa.text("SELECT team, outgoing_coach, incoming_coach, sources FROM transitions "
                                          "ORDER BY team")).all()
    engine.dispose()
    assert [tuple(row) for row in kept] == [("Harbour City", None, "Ida | Moss", "n3"),
                                            ("Rovers", "Tom Reed", "Kim Ross", "n1,n2")]


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        pytest.param(["--db", "not a url"], 1, "error: not a database URL: 'not a url'", id="bad-url"),
        pytest.param(["--db", "postgresql://u@127.0.0.1:1/x"], 1, "error: cannot open database", id="unreachable"),
        pytest.param([], 2, "Missing option '--db'", id="no-db"),
        pytest.param(["--db", "sqlite://", "-f", "xml"], 2, "Invalid value for '--format'", id="bad-format"),
    ],
)
def test_errors(args, code, message):
    result = invoke(*args)
    assert result.exit_code == code
    assert message in result.stderr


def test_an_empty_database_gives_an_empty_list(tmp_path):
    result = invoke("--db", f"sqlite:///{tmp_path / 'new.db'}", "-f", "csv")
    assert result.exit_code == 0
    assert result.stdout == ",".join(COLUMNS) + "\n"
    assert "0 changes from 0 articles" in result.stderr
