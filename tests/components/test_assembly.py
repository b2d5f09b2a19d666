"""Stage 6, coaching_assembly: surviving candidates → ``doc._.events``.

One event per transition per article, a stable event id, evidence that points
into the article, a confidence and the rule that fired, and the article's own
word for its head coaches when no role is stated. Every sentence here was
written for this test.
"""
from __future__ import annotations

import pytest

import pipeline
from pipeline.schema import Event, event_id

PUBLISHED = "2018-07-27"

REPEATED = (
    "Burnley have sacked manager Dean Whitlock after a run of nine games without a win.\n"
    "The club confirmed that Whitlock had been dismissed with immediate effect. "
    "Whitlock's sacking ends a three-year spell in charge."
)


def run(nlp, text: str, title: str | None = None, doc_id: str = "a1", date: str | None = PUBLISHED):
    return pipeline.make_doc(nlp, text, date, doc_id=doc_id, title=title)


def keys(doc) -> list[tuple[str, str, str]]:
    return sorted((e.type, e.coach, e.team) for e in doc._.events)


# -- one event per transition ----------------------------------------------------------------

@pytest.mark.parametrize(
    ("title", "text"),
    [
        pytest.param(None, REPEATED, id="three-sentences"),
        pytest.param("Burnley sack Whitlock", REPEATED, id="title-and-three-sentences"),
        pytest.param("Dean Whitlock sacked by Burnley",
                     "Burnley have sacked Dean Whitlock. Whitlock was dismissed on the morning after the defeat.",
                     id="headline-repeats-body"),
    ],
)
def test_one_event_per_transition(nlp, title, text):
    doc = run(nlp, text, title=title)
    triggers = [c for c in doc._.candidates if not c.vetoed and c.person == "Dean Whitlock"]
    assert len(triggers) > 1, "the case should repeat the transition"
    assert keys(doc) == [("departure", "Dean Whitlock", "Burnley")]


def test_a_hire_and_a_departure_of_one_person_are_two_events(nlp):
    doc = run(nlp, "Burnley have hired Barnsley manager Tom Hale.")
    assert keys(doc) == [("departure", "Tom Hale", "Barnsley"), ("hire", "Tom Hale", "Burnley")]


def test_the_best_manner_of_a_repeated_departure_is_kept(nlp):
    doc = run(nlp, REPEATED)
    assert [e.manner for e in doc._.events] == ["fired"]


# -- event ids -------------------------------------------------------------------------------

def test_event_id_is_stable_across_runs(nlp):
    first = run(nlp, REPEATED, doc_id="burnley-1")
    second = run(nlp, REPEATED, doc_id="burnley-1")
    assert [e.event_id for e in first._.events] == [e.event_id for e in second._.events]
    event = first._.events[0]
    assert event.event_id == event_id("burnley-1", "departure", "Dean Whitlock", "Burnley")
    assert len(event.event_id) == 16


def test_event_id_depends_on_the_article(nlp):
    one = run(nlp, REPEATED, doc_id="burnley-1")._.events[0]
    two = run(nlp, REPEATED, doc_id="burnley-2")._.events[0]
    assert one.event_id != two.event_id


def test_event_id_ignores_surface_differences_of_the_name():
    assert event_id("a", "hire", "Jérôme Lindell", "Arsenal") == event_id("a", "hire", "jerome  lindell", "ARSENAL")


def test_the_doc_id_is_carried(nlp):
    doc = run(nlp, REPEATED, doc_id="burnley-7")
    assert [e.doc_id for e in doc._.events] == ["burnley-7"]


# -- evidence --------------------------------------------------------------------------------

ARTICLES = [
    pytest.param(None, "Burnley have sacked Dean Whitlock.", id="one-sentence"),
    pytest.param(None, "After a long board meeting on Monday night, the decision came quickly.\n\n"
                       "Burnley sacked Dean Whitlock on Tuesday and appointed Tom Hale as manager on Thursday.",
                 id="second-paragraph"),
    pytest.param("Reds make their move", "Leeds United appointed Marcelo Bielsa in June. The Argentine signed a "
                 "two-year deal, and Burnley sacked Dean Whitlock a week later.", id="title-without-event"),
    pytest.param("Dean Whitlock sacked by Burnley", "The club thanked him for his three years in charge.",
                 id="event-in-title"),
]


@pytest.mark.parametrize(("title", "text"), ARTICLES)
def test_evidence_points_into_the_article(nlp, title, text):
    doc = run(nlp, text, title=title)
    assert doc._.events
    for event in doc._.events:
        ev = event.evidence
        source = title if ev.field == "title" else text
        assert ev.field in ("text", "title")
        assert 0 <= ev.start < ev.end <= len(source)
        assert ev.sentence
        assert ev.sentence in source[ev.start:ev.end]
        assert ev.trigger and ev.trigger in ev.sentence


def test_headline_evidence_is_in_the_title_field(nlp):
    title = "Dean Whitlock sacked by Burnley"
    doc = run(nlp, "The club thanked him for his three years in charge.", title=title)
    [event] = doc._.events
    assert event.evidence.field == "title"
    assert title[event.evidence.start:event.evidence.end].strip() == title
    assert event.evidence.trigger == "sacked"


def test_body_evidence_offsets_do_not_count_the_title(nlp):
    text = "Burnley have sacked manager Dean Whitlock after a run of nine games without a win."
    doc = run(nlp, text, title="Whitlock era ends")
    [event] = doc._.events
    assert event.evidence.field == "text"
    assert (event.evidence.start, event.evidence.end) == (0, len(text))


def test_evidence_is_the_first_sentence_stating_the_transition(nlp):
    doc = run(nlp, REPEATED)
    [event] = doc._.events
    assert event.evidence.sentence == REPEATED.split("\n")[0]
    assert event.evidence.trigger == "sacked"


# -- confidence, rule, record ----------------------------------------------------------------

@pytest.mark.parametrize(("title", "text"), ARTICLES + [pytest.param(None, REPEATED, id="repeated")])
def test_confidence_and_rule(nlp, title, text):
    doc = run(nlp, text, title=title)
    for event in doc._.events:
        assert 0.0 < event.confidence <= 1.0
        assert isinstance(event.rule, str) and event.rule
        assert event.type in ("hire", "departure")
        assert (event.manner is None) == (event.type == "hire")


def test_a_strong_trigger_with_its_arguments_beats_a_fallback(nlp):
    doc = run(nlp, "Burnley sacked Dean Whitlock on Tuesday. Tom Hale was later appointed.")
    by_coach = {e.coach: e for e in doc._.events}
    assert by_coach["Dean Whitlock"].confidence > by_coach["Tom Hale"].confidence


def test_to_record_round_trip(nlp):
    doc = run(nlp, REPEATED, title="Burnley sack Whitlock")
    for event in doc._.events:
        record = event.to_record()
        assert list(record)[0] == "event_id"
        assert Event.from_record(record) == event


@pytest.mark.parametrize(
    ("text", "sport"),
    [
        pytest.param("The Dallas Cowboys fired head coach Brock Hensley.", "american football", id="nfl"),
        pytest.param("Everton sacked Marco Silva on Thursday.", "soccer", id="soccer"),
        pytest.param("Baylor fired head football coach Dale Brent after a 4-8 season.", "american football",
                     id="college-football"),
        pytest.param("Baylor fired basketball coach Dale Brent after a losing season.", "basketball",
                     id="college-basketball"),
        pytest.param("England sacked rugby head coach Dale Brent after the Six Nations.", "rugby union",
                     id="nation-rugby-side"),
        pytest.param("The Sydney Swans sacked senior coach Lachlan Drury after an AFL season of eleven losses.",
                     "australian rules football", id="afl-club"),
        pytest.param("The Saskatchewan Roughriders fired head coach Gil Archambault.", "american football",
                     id="cfl-club"),
        pytest.param("Sri Lanka sacked cricket head coach Dale Brent after the T20 series.", "cricket",
                     id="nation-cricket-side"),
        pytest.param("Papua New Guinea appointed Dale Brent as rugby league head coach before the Pacific Cup.",
                     "rugby league", id="nation-rugby-league-side"),
    ],
)
def test_sport_comes_from_the_gazetteer(nlp, text, sport):
    assert [e.sport for e in run(nlp, text)._.events] == [sport]


# -- roles -----------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "role"),
    [
        pytest.param("Burnley sacked Dean Whitlock on Tuesday. The manager had won two of his last fifteen games.",
                     "manager", id="article-says-manager"),
        pytest.param("The Cowboys fired Tom Hale on Tuesday. The head coach had won two of his last fifteen games.",
                     "head coach", id="article-says-head-coach"),
        pytest.param("Burnley sacked Dean Whitlock on Tuesday. Whitlock had won two of his last fifteen games.",
                     "manager", id="no-title-english-club-says-manager"),
        pytest.param("The Cowboys fired Tom Hale on Tuesday. Hale had won two of his last fifteen games.",
                     "head coach", id="no-title-nfl-says-head-coach"),
        pytest.param("The Boston Red Sox fired Tom Hale on Tuesday after a losing season.",
                     "manager", id="no-title-mlb-says-manager"),
        pytest.param("Burnley sacked Dean Whitlock on Tuesday. The head coach had won two of his last fifteen games.",
                     "head coach", id="article-word-beats-the-league-word"),
    ],
)
def test_role_defaults_to_the_articles_word_for_head_coach(nlp, text, role):
    doc = run(nlp, text)
    [event] = doc._.events
    assert event.role == role


def test_a_stated_role_beats_the_default(nlp):
    doc = run(nlp, "The Cincinnati Bengals fired defensive coordinator Lou Anarumo on Tuesday. Their head coach "
                   "stays in place, and the head coach will pick a successor.")
    assert [(e.coach, e.role) for e in doc._.events] == [("Lou Anarumo", "defensive coordinator")]


def test_interim_is_kept_for_hires(nlp):
    doc = run(nlp, "Dan Hollis took over as caretaker manager of Manchester United on Sunday.")
    assert [(e.type, e.role, e.interim) for e in doc._.events] == [("hire", "manager", True)]


def test_departures_are_never_interim(nlp):
    doc = run(nlp, "Burnley have sacked caretaker manager Tom Hale.")
    assert [(e.type, e.interim) for e in doc._.events] == [("departure", False)]


def test_a_title_near_the_name_does_not_split_one_promotion(nlp):
    """The headline's undated candidate and the dated one tell one story: one hire, dated."""
    doc = pipeline.make_doc(nlp, "Burnley promoted assistant coach Tom Hale on May 3.", PUBLISHED,
                            title="Burnley promote Hale")
    events = [(e.type, e.role, e.date) for e in doc._.events if e.coach == "Tom Hale"]
    assert events == [("hire", "manager", "2018-05-03")]


def test_a_post_a_trigger_names_is_a_transition_of_its_own(nlp):
    doc = run(nlp, "Burnley named Tom Hale assistant coach in 2016. Burnley promoted him to head coach on May 3.")
    assert sorted((e.role, e.date) for e in doc._.events) == [("assistant coach", "2016"), ("head coach", "2018-05-03")]


def test_an_interim_spell_and_the_permanent_job_are_two_hires(nlp):
    doc = run(nlp, "Tom Hale was named caretaker manager of Burnley in March. He was handed the job permanently "
                   "in June on a two-year deal.")
    assert sorted((e.type, e.coach, e.interim) for e in doc._.events) == [
        ("hire", "Tom Hale", False), ("hire", "Tom Hale", True)]


def test_an_interim_hire_repeated_without_permanence_stays_one_event(nlp):
    doc = run(nlp, "Tom Hale was named caretaker manager of Burnley on Monday. Hale takes charge of Burnley "
                   "for the first time on Saturday.")
    assert [(e.type, e.coach, e.interim) for e in doc._.events] == [("hire", "Tom Hale", True)]


def test_an_interim_spell_and_the_permanent_job_keep_apart_through_the_batch_path(nlp):
    records = [{"id": "b1", "date": "2018-07-27", "text": "Tom Hale was named caretaker manager of Burnley in March. "
                "In June the club gave him the job permanently."}]
    events = list(pipeline.extract(records, nlp))
    assert sorted(e.interim for e in events) == [False, True]
    assert len({e.event_id for e in events}) == 2


@pytest.mark.parametrize(
    ("text", "interim"),
    [
        pytest.param("Portland fired Gil Brandtmeyer on March 3, and assistant Tom Ashcroft took over on an interim "
                     "basis. Portland announced in June that Ashcroft would not return.", True,
                     id="the-interim-spell-told-first-then-its-end"),
        pytest.param("Portland fired Gil Brandtmeyer on March 3 and named Tom Ashcroft interim coach.", False,
                     id="the-interim-word-is-the-successors"),
        pytest.param("Tom Ashcroft left Portland in 2015. On Monday Portland brought him back as interim coach.",
                     False, id="a-departure-before-the-interim-spell"),
    ],
)
def test_a_departure_is_interim_when_it_ends_an_interim_spell(nlp, text, interim):
    """Class 5: the departure from an interim post is interim; the successor's title is not the one left."""
    doc = run(nlp, text)
    departures = {e.coach: e.interim for e in doc._.events if e.type == "departure"}
    leaving = "Tom Ashcroft" if "Ashcroft would not" in text or "left Portland" in text else "Gil Brandtmeyer"
    assert departures[leaving] is interim


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Burnley named Tom Hale interim manager on March 3. Burnley appointed Hale as manager on May 20.",
                     id="two-dated-appointments"),
        pytest.param("Tom Hale became caretaker manager of Burnley in February. Burnley hired Hale as their manager "
                     "in April.", id="two-dated-months"),
    ],
)
def test_a_later_dated_full_appointment_after_an_interim_spell_is_a_second_hire(nlp, text):
    """No word says the spell ended, but the text dates two appointments of the same person at the same team,
    the first one interim: two hires, each with its own date and interim flag (the event_id keys the flag)."""
    doc = run(nlp, text)
    hires = sorted((e.interim, e.date) for e in doc._.events if e.type == "hire")
    assert len(hires) == 2 and [interim for interim, _ in hires] == [False, True]
    assert hires[0][1] > hires[1][1]
    assert len({e.event_id for e in doc._.events}) == len(doc._.events)


def test_an_interim_spell_retold_on_the_same_day_stays_one_hire(nlp):
    doc = run(nlp, "Burnley named Tom Hale interim manager on March 3. Burnley appointed Hale on March 3 after "
                   "sacking Dean Whitlock.")
    assert [(e.coach, e.interim) for e in doc._.events if e.type == "hire"] == [("Tom Hale", True)]
