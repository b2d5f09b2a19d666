"""An explanation on a rich Console: sentence by sentence, then the events."""
from __future__ import annotations

from typing import Any

from .model import DROPPED, KEPT, VETOED, Explanation, SentenceView

LABEL_STYLES = {"PERSON": "bold magenta", "ORG": "bold cyan", "GPE": "cyan", "NORP": "cyan",
                "DATE": "green", "TIME": "green"}
STATUS_STYLES = {KEPT: "bold green", VETOED: "bold red", DROPPED: "yellow"}
TYPE_STYLES = {"hire": "green", "departure": "red"}


def _sentence_text(explanation: Explanation, sentence: SentenceView) -> Any:
    """The sentence with its entities coloured and its triggers underlined."""
    from rich.text import Text

    raw_start = sentence.start
    raw = explanation.text[sentence.start:sentence.end]
    lead = len(raw) - len(raw.lstrip())
    text = Text(raw.strip())
    base = raw_start + lead
    for ent in sentence.entities:
        text.stylize(LABEL_STYLES.get(ent.label, "bold"), ent.start - base, ent.end - base)
    for cand in sentence.candidates:
        text.stylize("underline", cand.trigger_start - base, cand.trigger_end - base)
    return text


def render(explanation: Explanation, console: Any, *, all_sentences: bool = False) -> None:
    """The explanation on a rich Console: sentence by sentence, then the events."""
    from rich.panel import Panel
    from rich.text import Text

    vetoes = explanation.veto_counts()
    head = Text()
    head.append(explanation.title or "(no title)", style="bold")
    head.append(f"\nid {explanation.doc_id or '-'}   published {explanation.date or '-'}   "
                f"home team {explanation.home_team or '-'}")
    head.append(f"\n{len(explanation.sentences)} sentences, {len(explanation.candidates)} candidates, "
                f"{len(explanation.vetoed)} vetoed"
                + (" (" + ", ".join(f"{k} {v}" for k, v in sorted(vetoes.items())) + ")" if vetoes else "")
                + f", {len(explanation.events)} events")
    console.print(Panel(head, title="explain", title_align="left"))
    for sentence in explanation.sentences:
        where = "title" if sentence.field == "title" else f"s{sentence.index}"
        if not (sentence.eventful or all_sentences):
            continue
        line = Text(f"[{where}] ", style="bold blue")
        line.append_text(_sentence_text(explanation, sentence))
        console.print(line)
        if sentence.entities:
            chips = Text("    entities  ", style="dim")
            for n, ent in enumerate(sentence.entities):
                if n:
                    chips.append("  ")
                chips.append(ent.text, style=LABEL_STYLES.get(ent.label, "bold"))
                chips.append(f" {ent.label}", style="dim")
            console.print(chips)
        linked = [m for m in sentence.mentions if m.text != m.canonical]
        if linked:
            links = Text("    mentions  ", style="dim")
            for n, mention in enumerate(linked):
                if n:
                    links.append("  ")
                links.append(f"{mention.text} → {mention.canonical}")
            console.print(links)
        for cand in sentence.candidates:
            row = Text("    ")
            row.append(f"{cand.status:<7}", style=STATUS_STYLES.get(cand.status, ""))
            if cand.reason:
                row.append(f" {cand.reason}", style=STATUS_STYLES.get(cand.status, ""))
            row.append(f"  {cand.type} ", style=TYPE_STYLES.get(cand.type, ""))
            row.append(f"{cand.person} / {cand.team or '?'}")
            if cand.role:
                row.append(f" ({cand.role}{', interim' if cand.interim else ''})")
            row.append(f"  rule {cand.rule}  trigger \"{cand.trigger}\"", style="dim")
            if cand.date:
                row.append(f"  date {cand.date}", style="dim")
            console.print(row)
        for number in sentence.events:
            event = explanation.events[number]
            row = Text(f"    → event {number + 1}: ", style="bold")
            row.append(event.type, style=TYPE_STYLES.get(event.type, ""))
            row.append(f" {event.coach} / {event.team}")
            console.print(row)
    console.print(Text(f"Events ({len(explanation.events)})", style="bold"))
    for number, event in enumerate(explanation.events, 1):
        row = Text(f"  {number:>2}  ")
        row.append(f"{event.type:<9}", style=TYPE_STYLES.get(event.type, ""))
        row.append(f"  {event.coach} / {event.team}", style="bold")
        details = [(event.role or "no role") + (", interim" if event.interim else "")]
        if event.type == "departure":
            details.append(event.manner or "manner unknown")
        details += [event.date or "undated", f"confidence {event.confidence:.2f}"]
        row.append("  " + " · ".join(details))
        console.print(row)
