"""The relevance gate: a cheap lexical pass that decides which articles (and, in long ones, which lines) the
statistical model must parse.

Most of a sports feed (match reports, previews, transfer news) holds no coaching change, and the model is what
costs. Before it runs, the gate reads the article's sentences (split on punctuation; line breaks are sentence
boundaries for the pipeline too, see ``components/lines.py``) for a *coaching change*:

- a sentence holding every word of a strong trigger of ``models/triggers.jsonl`` (as the lemmas the model could
  give its words: the lemmatizer's own rule, exception and attribute-ruler tables, read backwards) and a coaching
  title of ``models/roles.jsonl`` ("coach", "manager", "caretaker", ...): "the club sacked its manager";
- a weak trigger ("named", "signed", "left") with a coaching title at most ``weak_distance`` words from it:
  "was named head coach", "confirmed X as their new head coach" (7 is the least that keeps every event the
  pipeline finds on shared/dev, dev2 and corpus/; a quoted coach tends to be further off: "head coach X
  admitted his side had run out of ideas" is 8 words from "run out");
- a table's header row naming the coaches' columns, or a table row with a change word, by the column and change
  words of ``models/rows.jsonl`` ("Team | Out | In", "Bears | X | fired"); a labelled line with a change word
  and a coaching title ("BEARS — Fired coach X");
- or a headline holding a trigger, in an article that names a coaching title anywhere;
- or, with no title at all, a strong one-word trigger with its person right at it: "Rovers sacked Okafor",
  "Okafor was fired by Rovers" (the pipeline takes such a person for the team's coach).

The words come from the loaded components' data (relations, rows, entities), never from a list of the gate's own.
An article with no such sentence is not parsed at all (no events). Any other is parsed whole, as without the
gate, unless it is longer than ``windows_above`` characters: then only the headline, the lead line and each line
that can hold a change (a trigger or change word next to a coaching title) with ``context`` lines either side are
parsed, and the events' offsets are mapped back into the whole article.

:class:`Gate` is built once per pipeline (``Gate.from_nlp(nlp)``); ``--no-gate`` turns it off.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace

from spacy.language import Language

from .components.row_lines import LABEL_SEPARATOR
from .normalize import clean
from .schema import Event

WORD = re.compile(r"['’]?[^\W\d_]+")
CELLS = re.compile(r"\||\t")
SENTENCE = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[\"“‘']?[A-Z0-9])")
POS_TABLES = ("verb", "noun", "adj", "adv")
PASSIVE_AUX = re.compile(r"\b(?:was|were|been|being|be|is|are|get|gets|got)\s+$", re.I)  # right before a trigger
BY_AGENT = re.compile(r"\s+by\b")  # right after a passive trigger: "was fired by Rovers"
NAME_NEXT = re.compile(r"\s+[A-Z][a-z]")  # right after an active trigger: "sacked Okafor" (not "fired home")


@dataclass(frozen=True)
class GateOptions:
    """weak_distance: words allowed between a weak trigger and a coaching title. windows_above: articles at least
    this long are parsed in windows; context: lines kept either side of a window's line; whole_share: parse the
    whole article all the same once the windows would hold this share of its characters."""

    context: int = 1
    whole_share: float = 0.5
    windows_above: int = 20_000
    weak_distance: int = 7


@dataclass(frozen=True)
class Segment:
    """A run of the article's body, kept: ``start`` in the reduced text, ``source`` in the article."""

    start: int
    source: int
    length: int


@dataclass(frozen=True)
class Selection:
    """What the gate keeps of one article: ``text`` (the kept lines, one ``\\n`` between runs) and where
    each run sits in the article. ``whole`` when nothing was left out."""

    text: str
    segments: tuple[Segment, ...]
    whole: bool

    def source_offset(self, offset: int, *, end: bool = False) -> int:
        """An offset into ``text`` as an offset into the article's body (an end offset stays in its run)."""
        if self.whole:
            return offset
        probe = offset - 1 if end and offset > 0 else offset
        index = max(bisect_right([s.start for s in self.segments], probe) - 1, 0)
        segment = self.segments[index]
        return segment.source + offset - segment.start

    def shift(self, event: Event) -> Event:
        """An event found in ``text`` with its evidence offsets moved into the whole article."""
        if self.whole or event.evidence.field == "title":
            return event
        evidence = replace(event.evidence, start=self.source_offset(event.evidence.start),
                           end=self.source_offset(event.evidence.end, end=True))
        return replace(event, evidence=evidence)


@dataclass(frozen=True)
class Trigger:
    """The lemmas a trigger needs, all of them, and whether it is a strong one."""

    lemmas: frozenset[str]
    strong: bool


class Gate:
    """Decides, per article, what the statistical model must parse (see the module's doc)."""

    def __init__(self, *, triggers: list[Trigger], cue: re.Pattern[str] | None, roles: re.Pattern[str],
                 forms: dict[str, frozenset[str]], columns: dict[str, str],
                 options: GateOptions = GateOptions()) -> None:
        self.triggers = triggers
        self.cue = cue
        self.columns = columns  # table header words -> column (models/rows.jsonl)
        self.roles = roles
        self.forms = forms  # surface form (lower case) -> the trigger lemmas it may stand for
        self.options = options

    # -- building from the pipeline's own data --------------------------------
    NEEDS = ("coaching_entities", "coaching_relations", "coaching_rows")

    @classmethod
    def for_pipeline(cls, nlp: Language, options: GateOptions | None = None) -> Gate | None:
        """The gate of a coaching pipeline; None for a pipeline without the components it reads its words
        from (then every article is parsed whole)."""
        if not all(name in nlp.pipe_names for name in cls.NEEDS):
            return None
        return cls.from_nlp(nlp, options)

    @classmethod
    def from_nlp(cls, nlp: Language, options: GateOptions | None = None) -> Gate:
        relations = nlp.get_pipe("coaching_relations")
        rows = nlp.get_pipe("coaching_rows")
        entities = nlp.get_pipe("coaching_entities")
        options = options or GateOptions()
        triggers = []
        for row in relations.triggers:
            lemmas = frozenset(w for w in row["pattern"].split() if w not in ("*", "not") and w.isalpha())
            if lemmas:
                triggers.append(Trigger(lemmas, row["strength"] == "strong"))
        forms = _surface_forms(nlp, {w for trigger in triggers for w in trigger.lemmas})
        cues = [pattern.pattern for pattern, _type, _manner in rows.cues]
        cue = re.compile("|".join(f"(?:{c})" for c in cues), re.I) if cues else None
        words = sorted((w for w, row in entities.roles.items() if row["coaching"]), key=len, reverse=True)
        roles = re.compile(r"(?<![\w])(?:%s)(?:e?s)?(?![\w])" % "|".join(re.escape(w) for w in words), re.I)
        return cls(triggers=triggers, cue=cue, roles=roles, forms=forms, columns=dict(rows.columns),
                   options=options)

    # -- reading a sentence ------------------------------------------------
    def _words(self, text: str) -> list[tuple[int, frozenset[str]]]:
        """(start, trigger lemmas it may stand for) of each word of ``text`` that may be part of a trigger."""
        forms = self.forms
        out = []
        for match in WORD.finditer(text):
            lemmas = forms.get(match.group().lower().replace("’", "'"))
            if lemmas:
                out.append((match.start(), lemmas))
        return out

    def _found(self, words: list[tuple[int, frozenset[str]]]) -> list[Trigger]:
        lemmas = frozenset().union(*(found for _, found in words)) if words else frozenset()
        return [t for t in self.triggers if t.lemmas <= lemmas] if lemmas else []

    def _holds_change(self, text: str) -> bool:
        """A trigger, a change word or a table row anywhere in ``text`` (no title needed)."""
        if CELLS.search(text) or self._found(self._words(text)):
            return True
        return self.cue is not None and self.cue.search(text) is not None

    def _table_change(self, line: str) -> bool:
        """A table's header row naming the coaches' columns ("Team | Out | In"), or a row with a change word."""
        cells = [c.strip(" :").lower() for c in CELLS.split(line) if c.strip()]
        columns = [self.columns.get(c) for c in cells]
        if len(cells) >= 2 and all(columns) and {"out", "in", "person"} & set(columns):
            return True
        return self.cue is not None and self.cue.search(line) is not None

    def _coaching_change(self, sentence: str, line: str) -> bool:
        """Whether one sentence names a change of a coaching post (see the module's doc)."""
        if CELLS.search(line):
            return self._table_change(line)
        titles = [m.start() for m in self.roles.finditer(sentence)]
        if not titles:
            return self._named_object(sentence)
        if self.cue is not None and LABEL_SEPARATOR.search(line) and self.cue.search(sentence):
            return True
        words = self._words(sentence)
        found = self._found(words)
        if any(t.strong for t in found):
            return True
        if not found:
            return False
        # a weak trigger: one of its words close to a title, counted in words
        needed = frozenset().union(*(t.lemmas for t in found))
        starts = [m.start() for m in WORD.finditer(sentence)]
        position = {start: n for n, start in enumerate(starts)}
        near = self.options.weak_distance
        title_words = [bisect_right(starts, t) - 1 for t in titles]
        return any(abs(position[start] - t) - 1 <= near for start, lemmas in words if lemmas & needed
                   for t in title_words)

    def _named_object(self, sentence: str) -> bool:
        """A strong one-word trigger with a name right after it or a passive "by" phrase: "Rovers sacked
        Okafor", "Okafor was fired by Rovers" (no title needed; "fired home" is no such thing)."""
        words = self._words(sentence)
        strong = [t for t in self._found(words) if t.strong and len(t.lemmas) == 1]
        if not strong:
            return False
        needed = frozenset().union(*(t.lemmas for t in strong))
        for start, lemmas in words:
            if lemmas & needed:
                end = WORD.match(sentence, start).end()  # type: ignore[union-attr]
                if NAME_NEXT.match(sentence, end) or PASSIVE_AUX.search(sentence, 0, start) and BY_AGENT.match(sentence, end):
                    return True
        return False

    # -- the decision ------------------------------------------------------
    def relevant(self, title: str | None, text: str) -> bool:
        """Whether the article can hold an event (see the module's doc). The words are read as the model
        reads them, without invisible characters (:mod:`pipeline.normalize`): "sa\u00adcked" is "sacked"."""
        title = clean(title).text if title else title
        text = clean(text).text
        if title and self._holds_change(title) and (self.roles.search(title) or self.roles.search(text)):
            return True
        return any(self._coaching_change(sentence, line) for line in text.split("\n") if line.strip()
                   for sentence in SENTENCE.split(line))

    def select(self, title: str | None, text: str) -> Selection | None:
        """The part of the article to parse, or None when it holds no coaching change."""
        if not self.relevant(title, text):
            return None
        whole = Selection(text, (Segment(0, 0, len(text)),), whole=True)
        if len(text) < self.options.windows_above:
            return whole
        lines = text.split("\n")
        starts, position = [], 0
        for line in lines:
            starts.append(position)
            position += len(line) + 1
        units = [i for i, line in enumerate(lines) if line.strip()]  # blank lines are no neighbours
        seen = [clean(lines[i]).text for i in units]  # as the model reads them (see ``relevant``)
        coaching = [bool(self.roles.search(line)) for line in seen]
        candidates = [n for n, line in enumerate(seen)
                      if any(coaching[max(n - 1, 0):n + 2]) and self._holds_change(line)
                      or any(self._named_object(sentence) for sentence in SENTENCE.split(line))]
        keep = {units[0]} if units else set()  # the lead line
        for n in candidates:
            keep.update(units[max(n - self.options.context, 0):n + self.options.context + 1])
        if sum(len(lines[i]) + 1 for i in keep) >= self.options.whole_share * (len(text) + 1):
            return whole
        segments: list[Segment] = []
        pieces: list[str] = []
        reduced = 0
        for index in sorted(keep):
            if segments and segments[-1].source + segments[-1].length + 1 == starts[index]:
                last = segments[-1]  # the next line of the same run
                segments[-1] = Segment(last.start, last.source, last.length + 1 + len(lines[index]))
                pieces[-1] += "\n" + lines[index]
                reduced += 1 + len(lines[index])
                continue
            if segments:
                reduced += 1  # the line break that joins two runs
            segments.append(Segment(reduced, starts[index], len(lines[index])))
            pieces.append(lines[index])
            reduced += len(lines[index])
        return Selection("\n".join(pieces), tuple(segments), whole=False)


def _surface_forms(nlp: Language, lemmas: set[str]) -> dict[str, frozenset[str]]:
    """Lower-case surface forms whose lemma may be one of ``lemmas``, read backwards from the model's own
    lemmatizer tables (suffix rules, irregular forms) and attribute-ruler lemmas ("'s" -> "be"), for
    every part of speech: a superset of what the tagged pipeline can produce."""
    found: dict[str, set[str]] = {lemma: {lemma} for lemma in lemmas}

    def add(form: str, lemma: str) -> None:
        found.setdefault(form.lower().replace("’", "'"), set()).add(lemma)

    if "lemmatizer" in nlp.pipe_names:
        lookups = nlp.get_pipe("lemmatizer").lookups
        rules = lookups.get_table("lemma_rules") if lookups.has_table("lemma_rules") else {}
        exceptions = lookups.get_table("lemma_exc") if lookups.has_table("lemma_exc") else {}
        for pos in POS_TABLES:
            for old, new in rules.get(pos, []):
                for lemma in lemmas:
                    if lemma.endswith(new):
                        add(lemma[:len(lemma) - len(new)] + old, lemma)
            for form, outputs in exceptions.get(pos, {}).items():
                for lemma in outputs:
                    if lemma in lemmas:
                        add(form, lemma)
    if "attribute_ruler" in nlp.pipe_names:
        for rule in nlp.get_pipe("attribute_ruler").patterns:
            lemma = rule["attrs"].get("LEMMA")
            if lemma not in lemmas:
                continue
            for pattern in rule["patterns"]:
                for token in pattern:
                    for key in ("LOWER", "ORTH", "TEXT", "NORM"):
                        value = token.get(key)
                        for form in [value] if isinstance(value, str) else \
                                value.get("IN", []) if isinstance(value, dict) else []:
                            add(form, lemma)
    return {form: frozenset(values) for form, values in found.items()}
