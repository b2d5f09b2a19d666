"""An explanation as a self-contained HTML page: the article rendered by displaCy with the evidence
sentences marked, a card per event, and the rules that fired."""
from __future__ import annotations

import html
from typing import Any

from spacy import displacy

from ..schema import Event
from .model import Explanation

# private-use characters that stand for the evidence marks while displaCy renders the text
_OPEN = "\ue000"
_CLOSE = "\ue001"

CSS = """
:root { --ink: #1d2330; --muted: #5b6475; --line: #d9dee8; --hire: #1b7f4b; --departure: #b3261e;
        --veto: #b3261e; --evidence: #ffe58a; --evidence-edge: #d9a400; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif;
       color: var(--ink); background: #f5f6f9; }
header.page { padding: 20px 32px 12px; background: #fff; border-bottom: 1px solid var(--line); }
header.page h1 { margin: 0 0 4px; font-size: 22px; }
header.page p.meta { margin: 0; color: var(--muted); font-size: 14px; }
main { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 24px; padding: 24px 32px; }
@media (max-width: 900px) { main { grid-template-columns: minmax(0, 1fr); } }
section { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 16px 20px; }
section h2 { margin: 0 0 12px; font-size: 17px; }
#rules, #index { grid-column: 1 / -1; }
.entities { font-size: 15px; }
mark.evidence { background: var(--evidence); box-shadow: 0 0 0 2px var(--evidence-edge);
                border-radius: 3px; padding: 2px 0; color: inherit; }
mark.evidence:target { box-shadow: 0 0 0 3px #e07000; }
.evidence-tag { font-size: 11px; font-weight: 700; color: #7a5a00; margin-left: 4px; vertical-align: super;
                white-space: nowrap; }
.cards { display: flex; flex-direction: column; gap: 14px; }
.event-card { border: 1px solid var(--line); border-left: 6px solid var(--muted); border-radius: 6px;
              padding: 10px 14px; background: #fbfcfe; }
.event-card.hire { border-left-color: var(--hire); }
.event-card.departure { border-left-color: var(--departure); }
.event-card h3 { margin: 0; font-size: 16px; display: flex; align-items: center; gap: 8px; }
.badge { display: inline-block; font-size: 11px; font-weight: 700; letter-spacing: .04em; text-transform: uppercase;
         color: #fff; background: var(--muted); border-radius: 10px; padding: 1px 8px; }
.badge.hire { background: var(--hire); }
.badge.departure { background: var(--departure); }
.badge.vetoed { background: var(--veto); }
.badge.kept { background: var(--hire); }
.badge.dropped { background: #a06a00; }
.event-card dl { display: grid; grid-template-columns: max-content 1fr max-content 1fr; gap: 2px 10px;
                 margin: 8px 0; font-size: 14px; }
.event-card dt { color: var(--muted); }
.event-card dd { margin: 0; }
.event-card blockquote { margin: 6px 0 4px; padding: 6px 10px; border-left: 3px solid var(--evidence-edge);
                         background: #fffbea; font-size: 14px; }
.event-card a, .event-card p.rule { font-size: 13px; }
.event-card p.rule { margin: 2px 0; color: var(--muted); overflow-wrap: anywhere; }
b.trigger { text-decoration: underline; }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { color: var(--muted); font-weight: 600; }
tr.vetoed td { background: #fff3f2; }
p.empty { color: var(--muted); margin: 0; }
ul.index { margin: 0; padding-left: 20px; }
footer { padding: 0 32px 24px; color: var(--muted); font-size: 12px; }
"""


def _e(value: Any) -> str:
    return html.escape("" if value is None else str(value))


def _evidence_marks(explanation: Explanation) -> list[tuple[int, int, list[int]]]:
    """Evidence spans in the text (one per sentence), widened over any entity they cut, with their events."""
    by_span: dict[tuple[int, int], list[int]] = {}
    for number, span in enumerate(explanation.event_spans):
        if span[1] > span[0]:
            by_span.setdefault(span, []).append(number)
    ents = [(e.start, e.end) for s in explanation.sentences for e in s.entities]
    marks = []
    for (start, end), numbers in sorted(by_span.items()):
        for a, b in ents:
            if a < start < b:
                start = a
            if a < end < b:
                end = b
        if marks and start < marks[-1][1]:  # overlapping evidence: merge into the mark before
            prev_start, prev_end, prev_numbers = marks[-1]
            marks[-1] = (prev_start, max(prev_end, end), prev_numbers + numbers)
            continue
        marks.append((start, end, numbers))
    return marks


def _displacy_article(explanation: Explanation) -> str:
    """The article rendered by displaCy's entity visualizer, evidence sentences wrapped in <mark class="evidence">."""
    text = explanation.text.replace(_OPEN, "\ufffd").replace(_CLOSE, "\ufffd")  # keep the sentinels ours
    marks = _evidence_marks(explanation)
    inserts: dict[int, str] = {}
    for start, end, _numbers in marks:
        inserts[end] = inserts.get(end, "") + _CLOSE
    for start, end, _numbers in marks:
        inserts[start] = inserts.get(start, "") + _OPEN
    pieces, new_index = [], []
    position = 0
    for i, char in enumerate(text):
        if i in inserts:
            pieces.append(inserts[i])
            position += len(inserts[i])
        new_index.append(position)
        pieces.append(char)
        position += 1
    pieces.append(inserts.get(len(text), ""))
    marked = "".join(pieces)
    mentions = {(m.start, m.end): m.canonical for s in explanation.sentences for m in s.mentions}
    ents = []
    for sentence in explanation.sentences:
        for ent in sentence.entities:
            canonical = ent.kb_id or mentions.get((ent.start, ent.end), "")
            ents.append({"start": new_index[ent.start], "end": new_index[ent.end - 1] + 1, "label": ent.label,
                         # displaCy puts kb_id into its markup as it is: escape it here
                         "kb_id": _e(canonical) if canonical and canonical != ent.text else "",
                         "kb_url": "#index"})
    rendered = displacy.render({"text": marked, "ents": ents, "title": None}, style="ent", page=False,
                               manual=True, jupyter=False)
    opening = iter(marks)

    def open_tag() -> str:
        _start, _end, numbers = next(opening)
        ids = " ".join(str(n + 1) for n in numbers)
        return (f'<mark class="evidence" id="evidence-{numbers[0] + 1}" data-events="{ids}" '
                f'title="evidence of event {ids}">')

    closing = iter(marks)

    def close_tag() -> str:
        _start, _end, numbers = next(closing)
        labels = ", ".join(str(n + 1) for n in numbers)
        return f'</mark><sup class="evidence-tag">event {labels}</sup>'

    out = []
    for char in rendered:
        if char == _OPEN:
            out.append(open_tag())
        elif char == _CLOSE:
            out.append(close_tag())
        else:
            out.append(char)
    return "".join(out)


def _evidence_quote(event: Event) -> str:
    sentence, trigger = event.evidence.sentence, event.evidence.trigger
    at = sentence.find(trigger) if trigger else -1
    if at < 0:
        return _e(sentence)
    return (_e(sentence[:at]) + f'<b class="trigger">{_e(trigger)}</b>' + _e(sentence[at + len(trigger):]))


def _card(number: int, event: Event, anchor: int) -> str:
    fields = [("team", event.team), ("role", event.role or "—"), ("interim", "yes" if event.interim else "no")]
    if event.type == "departure":
        fields.append(("manner", event.manner or "—"))
    fields += [("date", event.date or "—"), ("sport", event.sport or "—"),
               ("confidence", f"{event.confidence:.2f}")]
    rows = "".join(f'<dt>{_e(k)}</dt><dd class="field-{_e(k)}">{_e(v)}</dd>' for k, v in fields)
    return (f'<article class="event-card {_e(event.type)}" id="event-{number}" data-type="{_e(event.type)}">'
            f'<h3><span class="badge {_e(event.type)}">{_e(event.type)}</span>'
            f'<span class="coach">{_e(event.coach)}</span></h3>'
            f"<dl>{rows}</dl>"
            f'<blockquote class="evidence-sentence">{_evidence_quote(event)}</blockquote>'
            f'<p class="rule">rule <code>{_e(event.rule)}</code> · '
            f'<a href="#evidence-{anchor}">evidence in the text</a></p></article>')


def _rules_table(explanation: Explanation) -> str:
    rows = []
    for sentence in explanation.sentences:
        for cand in sentence.candidates:
            where = "title" if sentence.field == "title" else f"s{sentence.index}"
            role = (cand.role or "—") + (", interim" if cand.interim else "")
            rows.append(
                f'<tr class="{_e(cand.status)}"><td>{_e(where)}</td>'
                f'<td><span class="badge {_e(cand.status)}">{_e(cand.status)}</span>'
                f'{" " + _e(cand.reason) if cand.reason else ""}</td>'
                f"<td>{_e(cand.type)}</td><td>{_e(cand.person)}</td><td>{_e(cand.team or '—')}</td>"
                f"<td>{_e(role)}</td><td>“{_e(cand.trigger)}”</td><td><code>{_e(cand.rule)}</code></td></tr>")
    if not rows:
        return '<p class="empty">No rule fired.</p>'
    head = "".join(f"<th>{h}</th>" for h in ("where", "outcome", "type", "person", "team", "role", "trigger", "rule"))
    return f'<table class="candidates"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def to_html(explanation: Explanation) -> str:
    """A self-contained page (inline CSS, no external assets): the article, the events, the rules."""
    from .. import __version__

    anchors = {}
    for start, _end, numbers in _evidence_marks(explanation):
        for n in numbers:
            anchors[n] = numbers[0] + 1
    cards = "".join(_card(n + 1, e, anchors.get(n, n + 1)) for n, e in enumerate(explanation.events))
    if not cards:
        cards = '<p class="empty">No events.</p>'
    vetoes = explanation.veto_counts()
    veto_text = ", ".join(f"{k} {v}" for k, v in sorted(vetoes.items()))
    meta = [f"id {_e(explanation.doc_id)}" if explanation.doc_id else "",
            f"published {_e(explanation.date)}" if explanation.date else "",
            f"{len(explanation.events)} events",
            f"{len(explanation.candidates)} candidates, {len(explanation.vetoed)} vetoed"
            + (f" ({_e(veto_text)})" if veto_text else "")]
    people = "".join(f"<li>{_e(p)}</li>" for p in explanation.people) or "<li>—</li>"
    teams = "".join(f"<li>{_e(t)}{' (home team)' if t == explanation.home_team else ''}</li>"
                    for t in explanation.teams) or "<li>—</li>"
    title = explanation.title or (f"Article {explanation.doc_id}" if explanation.doc_id else "Article")
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="coaching-events {_e(__version__)}">
<title>explain: {_e(title)}</title>
<style>{CSS}</style>
</head>
<body>
<header class="page"><h1>{_e(title)}</h1><p class="meta">{" · ".join(m for m in meta if m)}</p></header>
<main>
<section id="article"><h2>Article</h2>
{_displacy_article(explanation)}
</section>
<section id="events"><h2>Events ({len(explanation.events)})</h2>
<div class="cards">{cards}</div>
</section>
<section id="rules"><h2>Rules that fired</h2>
{_rules_table(explanation)}
</section>
<section id="index"><h2>People and teams</h2>
<p><strong>People</strong></p><ul class="index people">{people}</ul>
<p><strong>Teams</strong></p><ul class="index teams">{teams}</ul>
</section>
</main>
<footer>coaching-events {_e(__version__)} · entities rendered with spaCy displaCy</footer>
</body>
</html>
"""
