"""The rule data of models/: every line reaches the code, once.

``pipeline.lexicon.problems`` lists a repeated line, a word-list kind on two lines (only the last one used
to reach the code), a word listed twice, a pattern or name given twice and an unknown kind, each with file
and line. The packaged models/ must have none; the checks themselves are tested on small folders.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from pipeline import lexicon, resources
from pipeline.lexicon import Lexicon, ResourceError


def test_the_packaged_data_has_no_duplicates_and_no_unknown_kinds():
    assert lexicon.problems() == []


def test_each_word_list_kind_lives_in_one_file():
    claimed = [kind for kinds in lexicon.WORD_KINDS.values() for kind in kinds]
    assert len(claimed) == len(set(claimed))


def write(folder: Path, name: str, rows: list[dict]) -> None:
    (folder / name).write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "models"
    shutil.copytree(resources.models_dir(), folder, ignore=shutil.ignore_patterns("__*"))
    return folder


@pytest.mark.parametrize(("name", "rows", "found"), [
    pytest.param("mentions.jsonl", [{"kind": "not_team", "words": ["Northern Loop"]},
                                    {"kind": "not_team", "words": ["Southern Loop"]}],
                 "mentions.jsonl:2: kind 'not_team' again (first on line 1)", id="kind-twice"),
    pytest.param("mentions.jsonl", [{"kind": "pronoun", "words": ["he"]}, {"kind": "pronoun", "words": ["he"]}],
                 "mentions.jsonl:2: the same line as line 1", id="same-line"),
    pytest.param("club_words.jsonl", [{"kind": "sufix", "words": ["Town"]}],
                 "club_words.jsonl:1: unknown kind 'sufix'", id="unknown-kind"),
    pytest.param("words.jsonl", [{"kind": "negation", "words": ["not", "never", "not"]}],
                 "words.jsonl:1: 'negation' lists 'not' twice", id="word-twice"),
    pytest.param("triggers.jsonl", [
        {"pattern": "boot", "type": "departure", "manner": "fired", "strength": "strong", "voice": "transitive"},
        {"pattern": "boot", "type": "departure", "manner": "unknown", "strength": "weak", "voice": "transitive"}],
                 "triggers.jsonl:2: pattern/type/voice ('boot', 'departure', 'transitive') again (first on line 1)",
                 id="pattern-twice"),
])
def test_a_folder_with_a_fault_is_reported_with_file_and_line(data_dir, name, rows, found):
    write(data_dir, name, rows)
    assert found in " ".join(lexicon.problems(data_dir))


def test_lines_of_one_kind_are_merged_none_lost(data_dir):
    write(data_dir, "mentions.jsonl", [{"kind": "not_team", "words": ["Northern Loop", "Atlantic Group"]},
                                       {"kind": "pronoun", "words": ["he"]},
                                       {"kind": "not_team", "words": ["Atlantic Group", "Southern Loop"]}])
    words = Lexicon.from_dir(data_dir)
    assert words.ordered("not_team") == ("Northern Loop", "Atlantic Group", "Southern Loop")
    assert {"Northern Loop", "Southern Loop"} <= words.not_teams


def test_an_unknown_kind_fails_the_load_naming_the_file(data_dir):
    write(data_dir, "club_words.jsonl", [{"kind": "sufix", "words": ["Town"]}])
    with pytest.raises(ResourceError, match="club_words.jsonl: unknown kind 'sufix'"):
        Lexicon.from_dir(data_dir).words("suffix")


def test_every_stage_shares_one_lexicon(nlp):
    from pipeline import STAGES
    lexicons = {id(nlp.get_pipe(name).lexicon) for name in STAGES}
    assert len(lexicons) == 1


def test_the_divisions_of_the_second_not_team_line_reach_the_code(nlp):
    """ "Eastern Conference" and the NFL divisions stood on a second ``not_team`` line that was dropped."""
    mentions = nlp.get_pipe("coaching_mentions")
    assert {"Eastern Conference", "AFC North", "NFC West", "Wembley"} <= mentions.leagues


def test_every_sport_in_the_data_is_one_of_the_documented_vocabulary():
    """The ``sport`` field uses the names of models/sports.jsonl, nothing else ("football" was soccer beside
    "american football"; "college" is no sport)."""
    data = Lexicon.from_dir()
    vocabulary = {row["name"] for row in data.rows("sports.jsonl")}
    assert {"soccer", "american football", "basketball", "ice hockey", "rugby union"} <= vocabulary
    assert not {"football", "college", "rugby"} & vocabulary
    for name in ("teams.jsonl", "leagues.jsonl", "federations.jsonl"):
        for row in data.rows(name):
            used = {row.get("sport"), *row.get("sports", [])} - {None}
            assert used, f"{name}: {row['name']} has no sport"
            assert used <= vocabulary, f"{name}: {row['name']}: {used - vocabulary}"


@pytest.mark.parametrize(("a", "b"), [("Sørensen", "Sorensen"), ("Læstadius", "Laestadius"), ("Straße", "Strasse"),
                                      ("The Citadel", "Citadel"), ("José  Peña-Ruiz", "jose pena ruiz")])
def test_one_fold_for_names_keys_and_scoring(a, b):
    from pipeline.evaluate import fold as scoring_fold
    from pipeline.folding import fold
    from pipeline.schema import event_id
    assert fold(a) == fold(b) and scoring_fold(a) == scoring_fold(b)
    assert event_id("a1", "hire", a, "Rovers") == event_id("a1", "hire", b, "Rovers")
