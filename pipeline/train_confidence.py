"""Fit the confidence model (``models/confidence.json``) on gold articles.

    python -m pipeline.train_confidence ../shared/dev/*.jsonl ../shared/dev2/*.jsonl corpus/articles.jsonl \\
        -o models/confidence.json

runs the rules on every gold article, describes each predicted event by the features of
:mod:`pipeline.confidence`, labels it right or wrong as the scorer would (event match), and fits a
scikit-learn logistic regression (``pip install -e '.[train]'``). The fitted weights are written as plain
JSON; extraction reads them with no scikit-learn installed.

``--check A.jsonl B.jsonl`` reports instead how the model does on text it was not fitted on: it fits on the
gold files plus A and scores B, then the other way round, and prints the precision by confidence band of
the hand-set confidence and of the model on each held-back half.
"""
from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import load, make_doc
from .calibration import Band, at_least, precision_by_band
from .components.assembly import FEATURES_KEY
from .confidence import ConfidenceModel
from .evaluate import is_coaching, matches, read_jsonl

REGULARISATION = 0.3  # scikit-learn's C: the inverse strength of the L2 penalty


@dataclass(frozen=True)
class Sample:
    doc_id: str
    features: Mapping[str, float]
    right: bool
    hand: float  # the hand-set confidence the rules gave the event


def collect(nlp: Any, gold_docs: Iterable[Mapping[str, Any]]) -> list[Sample]:
    """Every scored event the rules predict for the gold articles, with its features and whether it is right."""
    assembly = nlp.get_pipe("coaching_assembly")
    model, assembly.model = assembly.model, None  # label the hand-set confidence, whatever model is loaded
    samples = []
    try:
        for gold in gold_docs:
            doc = make_doc(nlp, gold["text"], gold.get("date"), doc_id=str(gold["id"]), title=gold.get("title"))
            pending = [(e.to_record(), f) for e, f in zip(doc._.events, doc.user_data.get(FEATURES_KEY, []))]
            pending = [(record, f) for record, f in pending if is_coaching(record)]
            right = set()
            for event in gold.get("events", []):
                hit = next((i for i, (record, _f) in enumerate(pending) if i not in right and matches(record, event)),
                           None)
                if hit is not None:
                    right.add(hit)
            samples += [Sample(str(gold["id"]), f, i in right, float(record["confidence"]))
                        for i, (record, f) in enumerate(pending)]
    finally:
        assembly.model = model
    return samples


FOLDS = 5  # out-of-fold predictions for the held-back rescaling, folds grouped by source


def source_of(doc_id: str) -> str:
    """The collection an article comes from, read off its id ("m2-007" -> "m2-", "c031" -> "c"): the
    held-back folds keep whole collections apart, so each is scored as text of another kind."""
    return re.sub(r"\d+$", "", doc_id) or doc_id


def _matrix(samples: list[Sample], names: list[str]) -> list[list[float]]:
    return [[s.features.get(name, 0.0) for name in names] for s in samples]


def fit(samples: list[Sample], regularisation: float = REGULARISATION, source: str = "") -> ConfidenceModel:
    """A logistic regression of rightness on the features (scikit-learn, L2, lbfgs), rescaled on held-back text.

    A model fitted on the articles it scores is surer of itself than it should be on articles it has not
    seen. So its scores are rescaled (Platt) to what they predict out of fold: each fold of articles is
    scored by a model fitted on the other folds, and a one-feature logistic regression of rightness on those
    held-back scores gives the slope and offset applied to the final model's weights. The result is still
    one logistic model."""
    try:
        from sklearn.linear_model import LogisticRegression
        from sklearn.model_selection import GroupKFold
    except ImportError as error:  # pragma: no cover - depends on the environment
        raise SystemExit("training needs scikit-learn: pip install -e '.[train]'") from error
    names = sorted({name for s in samples for name in s.features})
    matrix = _matrix(samples, names)
    labels = [int(s.right) for s in samples]
    groups = [source_of(s.doc_id) for s in samples]
    if len(set(labels)) < 2:
        raise SystemExit("training needs both right and wrong events")

    def regression() -> Any:
        return LogisticRegression(C=regularisation, max_iter=2000)

    held_back = [0.0] * len(samples)
    folds = min(FOLDS, len(set(groups)))
    for train, test in GroupKFold(n_splits=folds).split(matrix, labels, groups):
        part = regression().fit([matrix[i] for i in train], [labels[i] for i in train])
        for i, score in zip(test, part.decision_function([matrix[i] for i in test])):
            held_back[i] = float(score)
    platt = LogisticRegression(C=1e6, max_iter=2000).fit([[z] for z in held_back], labels)
    slope, offset = float(platt.coef_[0][0]), float(platt.intercept_[0])
    full = regression().fit(matrix, labels)
    weights = {name: round(slope * float(w), 4) for name, w in zip(names, full.coef_[0])}
    info = {"trained_on": source, "events": len(samples), "right": sum(labels), "C": regularisation,
            "rescaled": {"slope": round(slope, 4), "offset": round(offset, 4), "folds": folds},
            "command": "python -m pipeline.train_confidence GOLD... -o models/confidence.json"}
    intercept = round(slope * float(full.intercept_[0]) + offset, 4)
    return ConfidenceModel(weights=weights, intercept=intercept, info=info)


def judged(samples: list[Sample], model: ConfidenceModel | None) -> list[tuple[float, bool]]:
    return [(model(s.features) if model else s.hand, s.right) for s in samples]


def table(title: str, judged_rows: list[tuple[float, bool]]) -> str:
    lines = [title]
    bands: list[Band] = precision_by_band(judged_rows)
    lines += [f"  {b.label():12} {b.events:5d} events  precision {b.precision:.3f}" for b in bands if b.events]
    top = at_least(judged_rows)
    lines.append(f"  >= {top.low:.1f}       {top.events:5d} events  precision {top.precision:.3f}")
    return "\n".join(lines)


def check(nlp: Any, base: list[dict[str, Any]], half_a: list[dict[str, Any]], half_b: list[dict[str, Any]],
          regularisation: float) -> str:
    """Fit on base + one half, report on the other, both ways round."""
    base_samples = collect(nlp, base)
    halves = {"A": collect(nlp, half_a), "B": collect(nlp, half_b)}
    out = []
    for train, test in (("A", "B"), ("B", "A")):
        model = fit(base_samples + halves[train], regularisation)
        out.append(table(f"half {test}, hand-set confidence", judged(halves[test], None)))
        out.append(table(f"half {test}, model fitted on the rest + half {train}", judged(halves[test], model)))
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline.train_confidence", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold", nargs="+", help="gold JSON Lines files (articles with their events)")
    parser.add_argument("-o", "--output", help="where to write the model (JSON)")
    parser.add_argument("--check", nargs=2, metavar=("A", "B"), help="held-back halves to rotate over")
    parser.add_argument("-C", dest="regularisation", type=float, default=REGULARISATION,
                        help=f"inverse L2 strength (default {REGULARISATION})")
    args = parser.parse_args(argv)
    nlp = load()
    base = [doc for path in args.gold for doc in read_jsonl(path)]
    if args.check:
        half_a, half_b = (read_jsonl(path) for path in args.check)
        held = {str(d["id"]) for d in half_a + half_b}
        print(check(nlp, [d for d in base if str(d["id"]) not in held], half_a, half_b, args.regularisation))
        return 0
    if not args.output:
        parser.error("give -o/--output, or --check A B")
    samples = collect(nlp, base)
    model = fit(samples, args.regularisation, source=" ".join(Path(p).name for p in args.gold))
    Path(args.output).write_text(model.to_json(), encoding="utf-8")
    print(table(f"{len(samples)} events (fitted on them: not a held-back figure)", judged(samples, model)),
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
