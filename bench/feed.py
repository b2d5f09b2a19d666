"""A synthetic sports-news feed for the benchmark: coaching-change articles mixed with ordinary sports news.

    python bench/feed.py -n 1000 --relevant 0.1 -o /tmp/feed.jsonl

Relevant articles are the project's own corpus (``corpus/articles.jsonl``), cycled under new ids.
Irrelevant ones are built here from templates written for this benchmark, with invented people: match
reports that quote the coaches, previews, and transfer stories about players. They use the words a
real feed uses all the time (a player "returned", was "left out", "signed", "joined"; a shot was "fired"
home; a side chases "promotion"), so they exercise the relevance gate honestly. The feed is the same
for the same seed, and streamed: nothing holds the whole feed.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

FIRST = ["Tomas", "Reuben", "Callum", "Idris", "Mateo", "Jonah", "Kasper", "Arlo", "Dario", "Emeka", "Lukas",
         "Niall", "Oskar", "Rafael", "Soren", "Teo", "Yannick", "Bram", "Cormac", "Dmitri", "Felix", "Hugo",
         "Joaquin", "Kieran", "Leandro", "Milos", "Noel", "Pavel", "Quentin", "Ruben", "Silas", "Viktor"]
LAST = ["Hallbrook", "Ferrando", "Okonjo", "Vantree", "Castellan", "Marwick", "Delacroix-Poole", "Strand",
        "Ibarrola", "Kettering", "Lindqvist", "Mbeki-Shaw", "Novak", "Pellegrin", "Quarry", "Rossetti",
        "Sandoval", "Thornbury", "Ulloa", "Varga", "Whitlock", "Yardley", "Zeller", "Ashdown", "Brannigan",
        "Corliss", "Dunmore", "Esterhaus", "Fairclough", "Gallardo", "Holmgren", "Iverson-Tate"]
POSITIONS = ["striker", "midfielder", "winger", "defender", "goalkeeper", "full-back", "forward", "centre-back"]
DAYS = ["Saturday", "Sunday", "Tuesday", "Wednesday", "Friday"]
GROUNDS = ["the Riverside", "Kingsmead Park", "the Old Foundry", "Ashgate Road", "the Lantern Stadium"]

MATCH_LEAD = [
    "{team} beat {opp} {a}-{b} at {ground} on {day}, with {player} scoring twice.",
    "{team} came from behind to beat {opp} {a}-{b} on {day} as {player} struck in stoppage time.",
    "{opp} were held to a {b}-{b} draw by {team} on {day}, {player} missing a late penalty.",
]
MATCH_BODY = [
    "{player} fired home from the edge of the box in the {m}th minute after {p2} had won the ball back.",
    "{p2} returned from a hamstring injury and lasted an hour before making way for {p3}.",
    "{p3} was left out of the starting line-up after picking up a knock in training.",
    "{opp} had the better of the opening half, and {p2} hit the post after {m} minutes.",
    "The visitors went down to ten men when {p3} was shown a second yellow card, and his dismissal changed the game.",
    "{team} manager {coach} said: \"We were second best for half an hour, but the lads showed real character.\"",
    "\"I thought {player} was outstanding,\" {coach} told reporters. \"He has worked hard to get back into the side.\"",
    "{opp} head coach {coach2} admitted his side had run out of ideas. \"We have to be better than that,\" he said.",
    "The result moves {team} up to {pos}th in the table, three points off the promotion places.",
    "{coach2} picked an unchanged side and made his first change only after {m} minutes.",
    "The referee took charge of his first league game and booked five players.",
    "A crowd of {crowd} saw {p2} curl a free kick over the wall to double the lead.",
    "{team} have now won {n} of their last {n2} matches, and their cup exit last month looks a long time ago.",
    "{player} became the first {team} player to score in five straight games since the club joined the league.",
    "{coach} confirmed that {p3} would have a scan on Monday. \"It does not look good,\" he added.",
    "{opp} face {team2} next {day}, while {team} travel to {ground} in midweek.",
    "{p2} should have done better when he was put through on goal, but he shot straight at the keeper.",
    "After the break {opp} pressed higher, and {p3} headed against the bar from a corner.",
    "{team} defended deep for the last quarter of an hour and survived two goalmouth scrambles.",
    "Asked about the penalty decision, {coach2} said he had not seen it again and did not want to talk about the referee.",
    "{player} now has {n2} goals in all competitions this season, more than any other player in the division.",
    "The home fans booed at half-time, but the mood changed quickly once {p2} found the top corner.",
]
PREVIEW_LEAD = [
    "{team} host {opp} at {ground} on {day} looking for a third straight win.",
    "{opp} travel to {ground} on {day} without their captain {p2}.",
]
PREVIEW_BODY = [
    "{coach} has confirmed that {player} is available again after a month out with an ankle problem.",
    "{coach2} is expected to name the same side that drew with {team2} last weekend.",
    "{p2} will sit out the game through suspension, so {p3} is likely to return at left-back.",
    "\"They are a good side and we respect them, but we are at home and we want to take the game to them,\" {coach} said.",
    "The {opp} head coach said he would not take any risks with {p3}, who has only just returned to training.",
    "{team} have lost only once at home this season and have kept {n} clean sheets.",
    "The last meeting between the sides ended {a}-{b}, with {player} scoring the winner.",
    "{opp} sit {pos}th, two places and four points behind {team}, after a run of {n} games without a defeat.",
    "The game is a sell-out, and the club announced that extra trains will run after the final whistle.",
    "{coach2} said his players were tired after the trip but would be ready. \"We will pick the freshest legs,\" he said.",
    "{player} has scored in each of his last {n} appearances and will lead the line again.",
    "Both sides played in Europe in midweek, and {opp} only landed back home on Friday morning.",
    "Ticket prices for the away end were cut after a campaign by supporters' groups.",
    "{p2} trained alone on Thursday and will be assessed on the morning of the game.",
    "The pitch was relaid in the summer and has drawn complaints from several visiting teams.",
    "Forecasters expect heavy rain, which could suit {opp}'s direct style of play.",
]
TRANSFER_LEAD = [
    "{team} have signed {position} {player} from {opp} on a {n}-year deal for an undisclosed fee.",
    "{player} has joined {team} from {opp} after the clubs agreed a fee believed to be around £{fee} million.",
    "{opp} {position} {player} is set to complete his move to {team} once he passes a medical on {day}.",
]
TRANSFER_BODY = [
    "The {age}-year-old scored {n2} goals last season and becomes the club's {nth} signing of the summer.",
    "{team} manager {coach} said: \"{player} is exactly the kind of player we wanted. He can play across the front line.\"",
    "{player} leaves {opp} after {n} seasons in which he made more than {apps} appearances.",
    "\"It was a hard decision to leave, but the chance to play every week was too good to turn down,\" {player} said.",
    "{team} are also in talks to bring in {p2}, a {position} who is out of contract in the summer.",
    "{opp} have already lined up a replacement, with {p3} expected to arrive from {team2} next week.",
    "The deal includes a sell-on clause, {opp} confirmed in a statement on their website.",
    "{coach} has made no secret of wanting to strengthen his squad before the window closes.",
    "{p2} returned to {team2} on loan last month, and {p3} could follow him out of the club.",
    "The move lands {team} a {position} with Champions League experience at a fraction of his market value.",
    "{player} had been linked with a move abroad, but chose {team} after talks with {coach} and the sporting director.",
    "He will wear the number {n2} shirt and could make his debut against {team2} on {day}.",
    "Supporters had been frustrated by a quiet window until this week, with rivals spending heavily.",
    "{opp} signed {player} as a teenager from their academy and sold him for a profit, their accounts show.",
    "The fee could rise with add-ons linked to appearances and to the club staying in the division.",
    "{p2}, who came through the same youth system, said on social media that he was sad to see his friend go.",
]


def _teams() -> list[str]:
    names = []
    with (ROOT / "models" / "teams.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip() and not line.startswith("#"):
                row = json.loads(line)
                if row.get("kind") == "club" and row.get("sport") in ("soccer", "football"):  # "soccer" since main renamed it
                    names.append(row["name"])
    return names


def _relevant() -> list[dict]:
    with (ROOT / "corpus" / "articles.jsonl").open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


class Feed:
    """Articles of a feed with ``share`` of them relevant (coaching changes), deterministic for a seed."""

    def __init__(self, share: float, seed: int = 1) -> None:
        if not 0.0 <= share <= 1.0:
            raise ValueError(f"share must be between 0 and 1, got {share}")
        self.share = share
        self.seed = seed
        self.teams = _teams()
        self.corpus = _relevant()

    def _person(self, rng: random.Random) -> str:
        return f"{rng.choice(FIRST)} {rng.choice(LAST)}"

    def _slots(self, rng: random.Random) -> dict[str, object]:
        team, opp, team2 = rng.sample(self.teams, 3)
        return dict(team=team, opp=opp, team2=team2, player=self._person(rng), p2=self._person(rng),
                    p3=self._person(rng), coach=self._person(rng), coach2=self._person(rng),
                    a=rng.randint(1, 4), b=rng.randint(0, 1), m=rng.randint(5, 89), day=rng.choice(DAYS),
                    ground=rng.choice(GROUNDS), pos=rng.randint(4, 19), n=rng.randint(2, 5), n2=rng.randint(6, 20),
                    crowd=f"{rng.randint(8, 60)},{rng.randint(100, 999)}", position=rng.choice(POSITIONS),
                    fee=rng.randint(2, 40), age=rng.randint(19, 31), nth=rng.choice(["third", "fourth", "fifth"]),
                    apps=rng.randint(60, 200))

    def _story(self, rng: random.Random) -> tuple[str, str]:
        kind = rng.choice(("match", "match", "preview", "transfer"))
        lead, body = {"match": (MATCH_LEAD, MATCH_BODY), "preview": (PREVIEW_LEAD, PREVIEW_BODY),
                      "transfer": (TRANSFER_LEAD, TRANSFER_BODY)}[kind]
        slots = self._slots(rng)
        paragraphs = [rng.choice(lead)]
        chosen = rng.sample(body, min(len(body), rng.randint(10, 15)))
        while chosen:  # two sentences to a paragraph, sometimes one
            take = 1 if rng.random() < 0.3 else 2
            paragraphs.append(" ".join(chosen[:take]))
            chosen = chosen[take:]
        text = "\n".join(p.format(**slots) for p in paragraphs)
        title = {"match": "{team} {a}-{b} {opp}: {player} the difference",
                 "preview": "{team} v {opp}: team news and what to expect",
                 "transfer": "{team} complete deal for {opp} {position} {player}"}[kind].format(**slots)
        return title, text

    def articles(self, n: int) -> Iterator[dict]:
        rng = random.Random(self.seed)
        relevant = 0
        for number in range(n):
            # the relevant ones spread evenly through the feed: after k articles, round(k * share) of them
            if round((number + 1) * self.share) > relevant:
                source = self.corpus[relevant % len(self.corpus)]
                relevant += 1
                yield {"id": f"r{number:06d}", "date": source.get("date"), "title": source.get("title", ""),
                       "text": source["text"]}
            else:
                title, text = self._story(rng)
                yield {"id": f"x{number:06d}", "date": f"2023-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                       "title": title, "text": text}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--articles", type=int, default=1000)
    parser.add_argument("--relevant", type=float, default=0.1, help="share of coaching-change articles (0-1)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("-o", "--output", default="-")
    args = parser.parse_args()
    out = sys.stdout if args.output == "-" else open(args.output, "w", encoding="utf-8")
    with out:
        for article in Feed(args.relevant, args.seed).articles(args.articles):
            out.write(json.dumps(article, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
