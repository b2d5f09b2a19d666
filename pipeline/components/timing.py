"""Stage 5, dates: each candidate's DATE expression resolved against the publication date.

A candidate with no date expression of its own takes the publication date
when it is the article's news (told in the present perfect, present or
future, or in the headline), and none when it is a background fact.
"""
from __future__ import annotations

from typing import Any, Callable, Iterable

from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc

from .. import dates
from ..extensions import register_extensions

PAST_PERFECT = ("had",)


@Language.factory("coaching_timing", default_config={"news_default": True},
                  requires=["doc._.candidates"], assigns=["doc._.candidates"])
def make_timing(nlp: Language, name: str, news_default: bool) -> "Timing":
    return Timing(nlp, name, news_default=news_default)


class Timing(Pipe):
    def __init__(self, nlp: Language, name: str = "coaching_timing", *, news_default: bool = True) -> None:
        register_extensions()
        self.nlp = nlp
        self.name = name
        self.news_default = news_default

    def initialize(self, get_examples: Callable[[], Iterable[Any]] | None = None, *,
                   nlp: Language | None = None) -> None:
        return None

    def __call__(self, doc: Doc) -> Doc:
        error_handler = self.get_error_handler()
        try:
            for cand in doc._.candidates or []:
                if cand.vetoed:
                    continue
                cand.date = self.resolve(doc, cand)
        except Exception as error:
            error_handler(self.name, self, [doc], error)
        return doc

    def resolve(self, doc: Doc, cand) -> str | None:
        published = doc._.published
        if cand.date_text:
            value = dates.resolve(cand.date_text, published)
            if value:
                return value
        if not self.news_default or not published:
            return None
        span = doc.char_span(*cand.trigger, alignment_mode="expand")
        head = span.root
        auxes = [c.lower_ for c in head.children if c.dep_ in ("aux", "auxpass")]
        if any(a in PAST_PERFECT for a in auxes):
            return None
        return published
