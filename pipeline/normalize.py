"""Invisible characters out of the text the model sees, offsets back into the original.

A zero-width space, a soft hyphen, a byte-order mark or a NUL inside or next
to a name ("Arse\\u00adnal", "Chelsea\\u200b") splits or glues tokens, so the
gazetteer and the statistical model miss the name and the event is lost.
:func:`clean` deletes such characters (Unicode format characters, category
``Cf``, and control characters other than tab and line breaks) and turns the
vertical tab, form feed and the C1 next-line into a line break; it returns
the cleaned text and a :class:`OffsetMap` that takes offsets of the cleaned
text back to the original one.

    cleaned = clean("Arse\\u00adnal sacked him.")
    cleaned.text                      # "Arsenal sacked him."
    cleaned.span(0, 7)                # (0, 8): "Arse\\u00adnal" in the original
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

# Characters that have no width and no meaning for the model: deleted.
# Cf: soft hyphen, zero-width space/joiners, word joiner, BOM, bidi marks, ...
# Cc: C0/C1 controls except tab, line feed, carriage return (and the ones below).
_INVISIBLE = re.compile(
    "[\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f"
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e"
    "\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]+"
)
# Controls that break a line: one line break each (same length, offsets unchanged).
_LINE_BREAKS = str.maketrans({"\u000b": "\n", "\u000c": "\n", "\u0085": "\n"})


@dataclass(frozen=True)
class OffsetMap:
    """Offsets of a cleaned text back to its original.

    ``cuts[i]`` is an offset of the cleaned text before which ``removed[i]``
    characters in all (a running total) had been deleted; offsets at or after
    it move right by that many.
    """

    cuts: tuple[int, ...] = ()
    removed: tuple[int, ...] = ()

    @property
    def identity(self) -> bool:
        return not self.cuts

    def position(self, offset: int) -> int:
        """The original offset of the character at ``offset`` of the cleaned text."""
        at = bisect_right(self.cuts, offset)
        return offset + (self.removed[at - 1] if at else 0)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original (start, end) of the cleaned text's [start, end).

        The start moves past invisible characters just before it; the end stays
        right after the last character of the span (invisible characters that
        follow it are not part of it).
        """
        if self.identity:
            return start, end
        if end <= start:
            at = self.position(start)
            return at, at
        return self.position(start), self.position(end - 1) + 1


@dataclass(frozen=True)
class Cleaned:
    """A text as the model sees it, and how its offsets go back to ``original``.

    ``lead``: characters stripped from the start of the cleaned text (a title
    is stripped again once cleaned); offsets move right by it first.
    """

    text: str
    original: str
    offsets: OffsetMap = field(default_factory=OffsetMap)
    lead: int = 0

    @property
    def changed(self) -> bool:
        return self.text is not self.original

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original (start, end) of the cleaned text's [start, end)."""
        return self.offsets.span(start + self.lead, end + self.lead)

    def stripped(self) -> Cleaned:
        """The same with surrounding whitespace stripped from the cleaned text."""
        text = self.text.strip()
        if len(text) == len(self.text):
            return self
        lead = len(self.text) - len(self.text.lstrip())
        return Cleaned(text, self.original, self.offsets, self.lead + lead)


def clean(text: str) -> Cleaned:
    """``text`` without invisible characters, and the map of its offsets back (see the module doc).

    When nothing is to be cleaned, the result's ``text`` is ``text`` itself.
    """
    original = text
    text = text.translate(_LINE_BREAKS) if _has_line_break_controls(text) else text
    if not _INVISIBLE.search(text):
        return Cleaned(text, original)
    parts: list[str] = []
    cuts: list[int] = []
    removed: list[int] = []
    kept_until = 0  # original offset up to which text is copied
    total = 0
    length = 0  # length of the cleaned text so far
    for match in _INVISIBLE.finditer(text):
        parts.append(text[kept_until:match.start()])
        length += match.start() - kept_until
        total += match.end() - match.start()
        cuts.append(length)
        removed.append(total)
        kept_until = match.end()
    parts.append(text[kept_until:])
    return Cleaned("".join(parts), original, OffsetMap(tuple(cuts), tuple(removed)))


def _has_line_break_controls(text: str) -> bool:
    return "\u000b" in text or "\u000c" in text or "\u0085" in text
