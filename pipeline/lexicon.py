"""The lexicon: every word list and name table of models/, read once, that every stage reads.

One ``Lexicon`` stands for one data folder (the packaged ``models/`` or a component's ``data_dir``, or the
folder a saved pipeline wrote). It reads a file the first time a stage asks for it, and builds the sports
gazetteer (teams, federations, leagues, venues) and the word lists of ``mentions.jsonl``,
``club_words.jsonl`` and ``words.jsonl`` once. ``load(directory)`` hands every stage of a pipeline the
same object.

Word lists are rows ``{"kind", "words"}`` (or ``{"kind", "values"}`` for a table of numbers), one line a
kind. When a file holds a kind on several lines (``merge=union`` in .gitattributes can leave such lines
after a git merge), the words of all its lines count, in order of appearance; none is lost. Each kind lives in
one file (``WORD_KINDS``); a kind this module does not know is an error naming the file.
``problems(directory)`` lists what tests/test_models.py refuses in a data folder.
"""
from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from . import resources
from .gazetteer import Gazetteer
from .jsonl import read_objects
from .resources import ResourceError

# The word-list files and the kinds each holds, with the stages that read them (README, "The rules, as data").
WORD_KINDS: dict[str, frozenset[str]] = {
    "mentions.jsonl": frozenset({
        "pronoun", "person_noun", "team_noun", "honorific", "not_team", "not_team_word", "not_name_start",
        "not_person_word", "person_slot_verb", "person_slot_noun", "match_word", "opponent_prep", "match_prep",
        "team_pronoun", "national_noun", "college_noun", "club_noun", "relation_noun", "former_noun",
        "competition_name_word", "person_descriptor",
    }),
    "club_words.jsonl": frozenset({"suffix", "prefix", "place_prep", "origin_word", "competition_word", "dual_role"}),
    "words.jsonl": frozenset({
        "city_stop", "name_particle", "negation", "destination_verb", "leaving_for_verb", "reporting_verb",
        "promotion_verb", "successor_noun", "head_post", "head_role", "manner_precedence", "manner_override", "manner_rank",
        "confidence_penalty", "not_match_date_word",
    }),
}
# kinds of the rule files whose rows are rules, not word lists (checked by ``problems``)
RULE_KINDS: dict[str, frozenset[str]] = {
    "modality.jsonl": frozenset({
        "agreed", "aux", "award", "coaching_trigger", "competition", "factive", "factive_mark", "governor", "idiom", "imminent",
        "inversion",
        "keeps_post", "link_label", "mark", "neg", "object", "open_object", "past", "permanent", "player_role",
        "player_word", "post_word", "retention", "retention_trigger", "sentence", "transfer_word", "salary_word",
    }),
    "rows.jsonl": frozenset({"column", "cue", "label"}),
}
# what makes two rows of a rule file the same rule
RULE_KEYS: dict[str, tuple[str, ...]] = {
    "triggers.jsonl": ("pattern", "type", "voice"),
    "roles.jsonl": ("pattern",),
    "manners.jsonl": ("pattern",),
    "modality.jsonl": ("cue", "kind"),
    "teams.jsonl": ("name", "kind"),  # "Georgia" the national team and "Georgia" the college
    "leagues.jsonl": ("name",),
    "federations.jsonl": ("name",),
    "venues.jsonl": ("name",),
    "sports.jsonl": ("name",),
}
KIND_FILE = {kind: name for name, kinds in WORD_KINDS.items() for kind in kinds}  # each kind lives in one file


class Lexicon:
    """The rule data of one folder, read on demand and built once."""

    def __init__(self, directory: str | Path | None = None, *,
                 rows: Mapping[str, list[dict[str, Any]]] | None = None, origin: str | None = None) -> None:
        """The data of ``directory`` (the packaged models/ when None), or of ``rows`` (file name → rows)."""
        self.directory = Path(directory) if directory else None
        self._given = dict(rows) if rows is not None else None
        self.origin = origin or str(self.directory or resources.models_dir())
        self._rows: dict[str, list[dict[str, Any]]] = {}
        self._merged: dict[str, dict[str, dict[str, Any]]] = {}

    @classmethod
    def from_dir(cls, directory: str | Path | None = None) -> "Lexicon":
        return cls(directory)

    @classmethod
    def from_rows(cls, rows: Mapping[str, list[dict[str, Any]]], origin: str = "rows") -> "Lexicon":
        return cls(rows=rows, origin=origin)

    def _read(self, name: str) -> list[dict[str, Any]]:
        if self._given is None:
            return resources.load(name, self.directory)
        if name not in self._given:
            raise ResourceError(f"{self.origin}: no data file {name}")
        return self._given[name]

    # -- the files ----------------------------------------------------------------------------------
    def rows(self, name: str) -> list[dict[str, Any]]:
        """The rows of one data file (read once)."""
        if name not in self._rows:
            self._rows[name] = self._read(name)
        return self._rows[name]

    def files(self, names: Iterable[str]) -> dict[str, list[dict[str, Any]]]:
        return {name: self.rows(name) for name in names}

    # -- word lists ---------------------------------------------------------------------------------
    def _lists(self, name: str) -> dict[str, dict[str, Any]]:
        """kind → {"words": [...], "values": {...}} of one word-list file, the lines of one kind merged."""
        if name not in self._merged:
            lists: dict[str, dict[str, Any]] = {}
            for row in self.rows(name):
                kind = row.get("kind")
                if kind not in WORD_KINDS[name]:
                    raise ResourceError(f"{self.origin}/{name}: unknown kind {kind!r} "
                                        f"(known: {', '.join(sorted(WORD_KINDS[name]))})")
                merged = lists.setdefault(kind, {"words": [], "values": {}})
                merged["words"].extend(w for w in row.get("words", []) if w not in merged["words"])
                merged["values"].update(row.get("values", {}))
            self._merged[name] = lists
        return self._merged[name]

    def _list(self, kind: str) -> dict[str, Any]:
        name = KIND_FILE.get(kind)
        if name is None:
            raise KeyError(f"unknown word-list kind {kind!r}")
        return self._lists(name).get(kind, {"words": [], "values": {}})

    def kinds(self, name: str) -> tuple[str, ...]:
        """The kinds a word-list file defines, in order."""
        return tuple(self._lists(name))

    def ordered(self, kind: str) -> tuple[str, ...]:
        """The words of a kind, in the order the data gives them."""
        return tuple(self._list(kind)["words"])

    def words(self, kind: str, *, lower: bool = False) -> frozenset[str]:
        """The words of a kind as a set (lower-cased when ``lower``)."""
        words = self._list(kind)["words"]
        return frozenset(w.lower() for w in words) if lower else frozenset(words)

    def values(self, kind: str) -> dict[str, Any]:
        """The table of a kind with ``values`` (manner ranks, confidence penalties)."""
        return dict(self._list(kind)["values"])

    # -- names --------------------------------------------------------------------------------------
    @cached_property
    def gazetteer(self) -> Gazetteer:
        return Gazetteer.from_rows(self.rows("teams.jsonl"), self.rows("federations.jsonl"),
                                   self.rows("leagues.jsonl"), self.rows("venues.jsonl"),
                                   city_stop=self.words("city_stop"))

    @cached_property
    def league_names(self) -> frozenset[str]:
        """Names and aliases of leagues and competitions: never a team."""
        return frozenset(n for row in self.rows("leagues.jsonl") for n in [row["name"], *row.get("aliases", [])])

    @cached_property
    def not_teams(self) -> frozenset[str]:
        """Names that are never a team: leagues, and the ``not_team`` words (agencies, divisions, grounds)."""
        return self.league_names | self.words("not_team")

    @cached_property
    def team_kinds(self) -> dict[str, str | None]:
        """Team name → kind (club, national, college); a federation's team is national. Of two rows with one
        name the later one's kind is kept, then the federations'."""
        kinds = {row["name"]: row.get("kind") for row in self.rows("teams.jsonl")}
        kinds.update({row["team"]: "national" for row in self.rows("federations.jsonl")})
        return kinds

    @cached_property
    def demonyms(self) -> frozenset[str]:
        """One-word demonyms of national teams ("Slovak", "Ghanaian"): they describe a person too."""
        return frozenset(d for row in self.rows("teams.jsonl") if row.get("kind") == "national"
                         for d in row.get("demonyms", []) if len(d.split()) == 1)

    @cached_property
    def descriptor_phrases(self) -> frozenset[str]:
        """Words that describe a person by country or side, of any length: national teams' demonyms ("New
        Zealander", "Slovak"), the singular of a national side's plural nickname ("All Black" of "the All
        Blacks") and the ``person_descriptor`` words. The model glues them to the front of a name
        ("Zealander Dave Rennie")."""
        phrases = set(self.ordered("person_descriptor"))
        for row in self.rows("teams.jsonl"):
            if row.get("kind") != "national":
                continue
            phrases.update(row.get("demonyms", []))
            for nickname in row.get("nicknames", []):
                bare = nickname.removeprefix("the ").removeprefix("The ")
                if len(bare.split()) > 1 and bare.endswith("s") and bare.split()[-1][:1].isupper():
                    phrases.add(bare[:-1])
        return frozenset(phrases)

    @cached_property
    def demonym_countries(self) -> dict[str, str]:
        """Demonym ("Norwegian", "Dane", "New Zealander") → the national team it belongs to ("Norway"): two
        words for one country compare equal in a person's profile."""
        out: dict[str, str] = {}
        for row in self.rows("teams.jsonl"):
            if row.get("kind") == "national":
                for dem in row.get("demonyms", []):
                    out.setdefault(dem, row["name"])
        return out

    @cached_property
    def person_descriptors(self) -> tuple[tuple[str, ...], ...]:
        """The descriptor phrases of several words (:attr:`descriptor_phrases`), as word tuples, longest
        first: the model may glue them to a name by their last word ("All Black Aaron Mauger")."""
        split = {tuple(p.split()) for p in self.descriptor_phrases}
        return tuple(sorted((p for p in split if len(p) > 1), key=lambda p: (-len(p), p)))

    @cached_property
    def one_word_nicknames(self) -> frozenset[str]:
        """Team nicknames of one word ("Spurs", "Gunners"), without "the": never a person."""
        return frozenset(n.removeprefix("the ").removeprefix("The ") for row in self.rows("teams.jsonl")
                         for n in row.get("nicknames", []) if len(n.removeprefix("the ").split()) == 1)

    @cached_property
    def match_words(self) -> frozenset[str]:
        """Words of a match or a result ("defeat", "semi-final", "beat"): a team they govern is an opponent."""
        return self.words("match_word")

    @cached_property
    def match_date_words(self) -> frozenset[str]:
        """The match words whose date is a match's, not a transition's: all but the ``not_match_date_word``s."""
        return self.match_words - self.words("not_match_date_word")


@lru_cache(maxsize=8)
def _cached(directory: str | None) -> Lexicon:
    return Lexicon.from_dir(directory)


def load(directory: str | Path | None = None) -> Lexicon:
    """The lexicon of a data folder (the packaged models/ when None), one object per folder."""
    return _cached(str(Path(directory).resolve()) if directory else None)


def forget() -> None:
    """Read the data folders afresh on the next ``load`` (``pipeline.load()`` calls it: an edited file of
    models/ counts from the next pipeline on; pipelines already built keep the lexicon they have)."""
    _cached.cache_clear()


# -- checks over a data folder --------------------------------------------------------------------------
def problems(directory: str | Path | None = None) -> list[str]:
    """What is wrong with the rule data of a folder, each with file and line: a repeated line, a kind on
    two lines, a word listed twice in a kind, a pattern or name given twice, an unknown kind."""
    folder = Path(directory) if directory else resources.models_dir()
    found = []
    for path in sorted(folder.glob("*.jsonl")):
        first_line: dict[str, int] = {}
        seen_kinds: dict[str, int] = {}
        seen_keys: dict[tuple, int] = {}
        known = WORD_KINDS.get(path.name) or RULE_KINDS.get(path.name)
        keys = RULE_KEYS.get(path.name)
        for number, row in _numbered_rows(path):
            where = f"{path.name}:{number}"
            line = json.dumps(row, sort_keys=True, ensure_ascii=False)
            if line in first_line:
                found.append(f"{where}: the same line as line {first_line[line]}")
                continue
            first_line[line] = number
            kind = row.get("kind")
            if known is not None and kind not in known:
                found.append(f"{where}: unknown kind {kind!r}")
            if path.name in WORD_KINDS:
                if kind in seen_kinds:
                    found.append(f"{where}: kind {kind!r} again (first on line {seen_kinds[kind]}): merge the lines")
                seen_kinds.setdefault(kind, number)
                repeated = [w for w, n in Counter(row.get("words", [])).items() if n > 1]
                if repeated:
                    found.append(f"{where}: {kind!r} lists {', '.join(map(repr, repeated))} twice")
            if keys:
                key = tuple(str(row.get(k)).lower() for k in keys)
                if key in seen_keys:
                    found.append(f"{where}: {'/'.join(keys)} {key} again (first on line {seen_keys[key]})")
                seen_keys.setdefault(key, number)
    return found


def _numbered_rows(path: Path) -> list[tuple[int, dict[str, Any]]]:
    rows = read_objects(path, error=ResourceError, comments=True)  # a malformed line fails here, with its place
    numbers = [n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
               if line.strip() and not line.lstrip().startswith("//")]
    return list(zip(numbers, rows))
