"""Stage 4, coaching_modality: no event from rumours, speculation, denials, negations,
conditionals, contract extensions or front-office posts.

Where a trigger fires, its candidate stays in ``doc._.candidates`` with the
reason in ``vetoed`` (for explain) and ``doc._.events`` is empty. Every
sentence here was written for this test.
"""
from __future__ import annotations

import pytest

import pipeline

PUBLISHED = "2018-07-27"


def run(nlp, text: str):
    return pipeline.make_doc(nlp, text, PUBLISHED)


VETOED = [
    # (text, the veto reason(s) accepted)
    pytest.param("Reports in Spain claim Real Madrid have sacked Marco Bellini.", {"rumour"},
                 id="rumour-reports-claim"),
    pytest.param("There is growing speculation that Everton will sack Gavin Trask this weekend.", {"rumour"},
                 id="rumour-speculation-that"),
    pytest.param("Craig Moffat is a candidate to replace Pedro Caixinha as Rangers manager.", {"rumour"},
                 id="rumour-candidate"),
    pytest.param("Everton manager Gavin Trask could be sacked before Christmas.", {"speculation"},
                 id="could-be-sacked"),
    pytest.param("Rangers might hire Craig Moffat as manager next week.", {"speculation"},
                 id="might-hire"),
    pytest.param("Brighton are expected to appoint Roberto De Zerbi as head coach.", {"speculation"},
                 id="expected-to-appoint"),
    pytest.param("Rangers are considering appointing Craig Moffat as their new manager.", {"speculation"},
                 id="considering"),
    pytest.param("Everton boss Gavin Trask will not be sacked, the club's owner insisted on Monday.", {"negation"},
                 id="will-not-be-sacked"),
    pytest.param("Everton will not sack manager Gavin Trask, the club said on Monday.", {"negation"},
                 id="will-not-sack"),
    pytest.param("Gavin Trask has no plans to resign as Everton manager.", {"negation"},
                 id="no-plans-to-resign"),
    pytest.param("Napoli president Aurelio De Laurentiis said Paolo Ferri would not leave.", {"negation"},
                 id="would-not-leave"),
    pytest.param("Tom Hale insisted he would not resign as Burnley manager.", {"negation", "hypothetical"},
                 id="would-not-resign"),
    pytest.param("Chelsea have ruled out sacking Neil Varney.", {"denial"},
                 id="ruled-out"),
    pytest.param("Tom Hale refused to resign as Burnley manager after the defeat.", {"denial"},
                 id="refused-to-resign"),
    pytest.param("Chelsea denied reports that they had sacked Neil Varney.", {"denial", "rumour"},
                 id="denied-reports"),
    pytest.param("If they lose to Fulham, Everton manager Gavin Trask will be fired.", {"conditional"},
                 id="if-clause-first"),
    pytest.param("Gavin Trask will be fired by Everton if they lose to Fulham.", {"conditional"},
                 id="if-clause-last"),
    pytest.param("Burnley will sack Tom Hale unless results improve quickly.", {"conditional"},
                 id="unless"),
    pytest.param("Everton manager Gavin Trask could be sacked if the team loses on Saturday.",
                 {"speculation", "conditional"}, id="could-and-if"),
    pytest.param("Everton manager Gavin Trask has signed a contract extension that runs until 2027.",
                 {"extension"}, id="contract-extension"),
    pytest.param("Kevin Thelwell was named general manager of Everton on Monday.", {"front_office"},
                 id="named-general-manager"),
    pytest.param("Everton have named Kevin Thelwell as general manager.", {"front_office"},
                 id="named-as-general-manager"),
    pytest.param("The Chicago Bears named Ryan Poles general manager.", {"front_office"},
                 id="bears-general-manager"),
    pytest.param("Burnley have appointed Tom Hale as sporting director.", {"front_office"},
                 id="appointed-sporting-director"),
    pytest.param("Should Everton lose on Saturday, manager Gavin Trask will be sacked.", {"conditional"},
                 id="should-inversion"),
    pytest.param("Had Burnley lost again, the club would have sacked Tom Hale.", {"conditional", "hypothetical"},
                 id="had-inversion"),
    pytest.param("The FA offered Tom Hale a deal under which he would first assist another coach and take over "
                 "later, the federation said.", {"hypothetical", "rumour"}, id="would-in-relative-clause"),
    pytest.param("Leeds release Mark Dunne to become Everton sporting director.", {"front_office"},
                 id="become-sporting-director"),
    pytest.param("Paul Greer returns to Arsenal as chief executive of football.", {"front_office"},
                 id="returns-as-chief-executive"),
    pytest.param("Everton have named Josh Reed club captain.", {"player", "front_office"}, id="named-captain"),
    pytest.param("Bob Reed joined Burnley from Wigan in 2019, after scoring 40 goals for the Latics.", {"player"},
                 id="player-scored-goals"),
    pytest.param("Offensive line coach Matt Kern, who had taken over the play-calling in November, "
                 "was told he would not be retained.", {"not_a_post", "negation", "hypothetical"},
                 id="took-over-play-calling"),
    pytest.param("Burnley boss Tom Hale was named manager of the month for October.", {"award"},
                 id="manager-of-the-month"),
    pytest.param("Tom Hale was named coach of the year by the league on Monday.", {"award"}, id="coach-of-the-year"),
    pytest.param("Burnley are set to appoint Tom Hale as their new manager.", {"speculation"}, id="set-to"),
    pytest.param("Tom Hale is poised to take over at Burnley.", {"speculation"}, id="poised-to"),
    pytest.param("Burnley are closing in on a deal to appoint Tom Hale.", {"speculation"}, id="closing-in"),
    pytest.param("Tom Hale emerged as the leading contender to replace Dean Whitlock at Burnley.", {"rumour"},
                 id="contender"),
    pytest.param("Tom Hale is next in line to replace Dean Whitlock at Burnley.", {"speculation"},
                 id="next-in-line"),
    pytest.param("Tom Hale will return as the Green Bay Packers head coach next season, the club confirmed.",
                 {"retention"}, id="return-next-season"),
    pytest.param("Burnley players lobbied for assistant Tom Hale to get the job.", {"speculation"},
                 id="lobbied-to-get-the-job"),
    pytest.param("Wales manager Gavin Trask left the tournament with his reputation enhanced.", {"competition_exit"},
                 id="left-the-tournament"),
    pytest.param("The defeat means Wales head coach Gavin Trask leaves the World Cup at the group stage.",
                 {"competition_exit"}, id="leaves-the-world-cup"),
    pytest.param("Harlow Town manager Gavin Trask's exit from the FA Cup came against Fulham on Saturday.",
                 {"competition_exit"}, id="exit-from-the-cup"),
    pytest.param("Harlow Town intend to identify a permanent appointment in the summer, and interim manager Tom "
                 "Dorsey is among the candidates.", {"speculation", "rumour"}, id="intend-to-identify-an-appointment"),
    pytest.param("Dean Whitlock will be sacked if Burnley lose, and the club will not wait until he has resigned.",
                 {"conditional", "negation"}, id="until-is-no-fact"),
]


@pytest.mark.parametrize(("text", "reasons"), VETOED)
def test_no_event_and_the_trigger_is_vetoed_with_its_reason(nlp, text, reasons):
    doc = run(nlp, text)
    assert doc._.events == []
    vetoed = [c for c in doc._.candidates if c.vetoed]
    assert vetoed, "a trigger should have fired and been vetoed"
    assert {c.vetoed for c in vetoed} <= reasons, [(c.person, c.rule, c.vetoed) for c in vetoed]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Everton have extended the contract of manager Gavin Trask until 2027.", id="extended-contract"),
        pytest.param("Craig Moffat has been linked with the vacant Rangers manager's job.", id="linked-with"),
        pytest.param("Roberto De Zerbi has been contacted by Brighton about their head coach vacancy.",
                     id="contacted-by"),
        pytest.param("Mexico's coach told reporters his players had given everything.", id="current-coach"),
        pytest.param("Peru still employ Ricardo Gareca as their head coach.", id="current-state"),
        pytest.param("Burnley have held talks with Tom Hale about their vacant manager's job.", id="talks"),
        pytest.param("Tom Hale is expected to be considered for the vacant Burnley job.", id="expected-considered"),
        pytest.param("Burnley have handed manager Tom Hale a new three-year contract.", id="new-contract"),
        pytest.param("Tom Hale, the Burnley manager, has agreed a contract extension until 2021.",
                     id="agreed-extension"),
    ],
)
def test_no_event_where_nothing_happened(nlp, text):
    doc = run(nlp, text)
    assert doc._.events == []
    assert all(c.vetoed for c in doc._.candidates)


@pytest.mark.parametrize(
    ("text", "type_", "person", "team"),
    [
        pytest.param("Everton manager Gavin Trask has been sacked.", "departure", "Gavin Trask", "Everton",
                     id="plain-sacking"),
        pytest.param("Everton confirmed that Gavin Trask would step down at the end of the season.",
                     "departure", "Gavin Trask", "Everton", id="confirmed-future-departure"),
        pytest.param("Fulham announced on Friday that Martin Kessler will leave the club at the end of the season.",
                     "departure", "Martin Kessler", "Fulham", id="announced-future-departure"),
        pytest.param("Brighton have appointed Roberto De Zerbi as head coach.", "hire", "Roberto De Zerbi",
                     "Brighton", id="plain-appointment"),
        pytest.param("Tom Hale is set to be unveiled as Burnley manager after signing a three-year deal.", "hire",
                     "Tom Hale", "Burnley", id="set-to-after-a-signed-deal"),
        pytest.param("Tom Hale becomes the seventh coach of Paris Saint-Germain since 2011.", "hire", "Tom Hale",
                     "Paris Saint-Germain", id="becomes-the-seventh-coach"),
        pytest.param("Burnley appointed Tom Hale as manager for the rest of the season.", "hire", "Tom Hale",
                     "Burnley", id="rest-of-the-season-is-no-award"),
        # a clause opened by since / after / even though states its own fact, whatever the main clause says
        pytest.param("Niele Ivey, the point guard on Mary McGrath's first title team, will succeed her. McGrath "
                     "retired from Notre Dame on Wednesday.", "departure", "Mary McGrath", "Notre Dame",
                     id="a-possessor-is-not-the-titled-player"),
        pytest.param("Harlow Town manager Gavin Trask left the club after the FA Cup defeat.", "departure",
                     "Gavin Trask", "Harlow Town", id="a-cup-defeat-is-no-competition-left"),
        pytest.param("Defensive coach Gary Lutz turned down a new contract in November and agreed to return to "
                     "Leinster as head coach from July.", "hire", "Gary Lutz", "Leinster",
                     id="a-conjoined-verb-is-no-governor"),
        pytest.param("Harlow Town sacked Tom Hale on Monday, a year after he was named manager of the year.",
                     "departure", "Tom Hale", "Harlow Town", id="award-in-a-presupposed-clause"),
        pytest.param("Dale Prentice has not coached since Harlow Town sacked him in March 2021.", "departure",
                     "Dale Prentice", "Harlow Town", id="not-since-sacked"),
        pytest.param("Fulham could only act once Burnley agreed to release Tom Hale from his contract.",
                     "departure", "Tom Hale", "Burnley", id="could-once-released"),
        pytest.param("The board might still change course, even though Burnley have appointed Tom Hale as manager.",
                     "hire", "Tom Hale", "Burnley", id="might-even-though-appointed"),
    ],
)
def test_facts_and_announcements_pass(nlp, text, type_, person, team):
    """Controls: the same kinds of sentence without a cue give their event."""
    doc = run(nlp, text)
    assert [(e.type, e.coach, e.team) for e in doc._.events] == [(type_, person, team)]
    assert not any(c.vetoed for c in doc._.candidates if c.person == person and c.type == type_)


def test_a_vetoed_candidate_gets_no_date(nlp):
    doc = run(nlp, "Everton boss Gavin Trask will not be sacked, the club's owner insisted on Monday.")
    assert all(c.date is None for c in doc._.candidates if c.vetoed)
