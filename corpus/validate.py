#!/usr/bin/env python3
"""Validate a gold corpus file (JSON Lines) against the event conventions.

Usage: python corpus/validate.py [corpus/articles.jsonl]

Checks that every line parses, that the article and event fields exist and
have the right types, that `type` is hire/departure, that `manner` is null for
hires and a valid value (or list of values) for departures, that dates use the
ISO precisions YYYY, YYYY-MM or YYYY-MM-DD, and that at least one accepted
event date is not later than the publication date (announced future moves are
allowed as long as the announcement date is among the accepted values).
It also warns when an event's coach or team (or one of their aliases) does not
occur in the article's title or text. Prints counts at the end. Exit status 1
on errors (warnings do not fail). Standard library only.
"""
import datetime
import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

ARTICLE_KEYS = {"id", "date", "title", "text", "events", "notes"}
REQUIRED_ARTICLE_KEYS = {"id", "title", "text", "events"}
EVENT_KEYS = {"type", "coach", "team", "role", "interim", "manner", "date"}
OPTIONAL_EVENT_KEYS = {"coach_aliases", "team_aliases"}
TYPES = {"hire", "departure"}
MANNERS = {"fired", "resigned", "mutual_consent", "contract_expired", "retired", "moved", "unknown"}
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def fold(text):
    text = unicodedata.normalize("NFKD", str(text))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("ø", "o").replace("Ø", "o").replace("æ", "ae").replace("ß", "ss")
    return " ".join("".join(c if c.isalnum() else " " for c in text.lower()).split())


def as_list(value):
    return value if isinstance(value, list) else [value]


def valid_iso(value):
    if not isinstance(value, str) or not DATE_RE.match(value):
        return False
    parts = [int(p) for p in value.split("-")]
    try:
        datetime.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return False
    return True


def precision(value):
    return {4: "year", 7: "month", 10: "day"}.get(len(value), "?")


def main(argv):
    path = Path(argv[1]) if len(argv) > 1 else Path(__file__).with_name("articles.jsonl")
    errors, warnings = [], []
    articles, ids = [], set()
    counts = Counter()
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        where = f"line {lineno}"
        try:
            doc = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(f"{where}: not JSON ({exc})")
            continue
        if not isinstance(doc, dict):
            errors.append(f"{where}: not an object")
            continue
        where = f"line {lineno} ({doc.get('id')})"
        missing = REQUIRED_ARTICLE_KEYS - doc.keys()
        if missing:
            errors.append(f"{where}: missing {sorted(missing)}")
            continue
        unknown = doc.keys() - ARTICLE_KEYS
        if unknown:
            errors.append(f"{where}: unknown article keys {sorted(unknown)}")
        if not isinstance(doc["id"], str) or not doc["id"]:
            errors.append(f"{where}: id must be a non-empty string")
        elif doc["id"] in ids:
            errors.append(f"{where}: duplicate id")
        ids.add(doc["id"])
        pub = doc.get("date")
        if pub is not None and not (valid_iso(pub) and len(pub) == 10):
            errors.append(f"{where}: publication date must be YYYY-MM-DD, got {pub!r}")
            pub = None
        for key in ("title", "text"):
            if not isinstance(doc[key], str) or not doc[key].strip():
                errors.append(f"{where}: {key} must be a non-empty string")
        if "notes" in doc and not isinstance(doc["notes"], str):
            errors.append(f"{where}: notes must be a string")
        if not isinstance(doc["events"], list):
            errors.append(f"{where}: events must be a list")
            continue
        haystack = " " + fold(doc["title"] + " " + doc["text"]) + " "
        seen = set()
        for number, event in enumerate(doc["events"], 1):
            ew = f"{where} event {number}"
            if not isinstance(event, dict):
                errors.append(f"{ew}: not an object")
                continue
            missing = EVENT_KEYS - event.keys()
            if missing:
                errors.append(f"{ew}: missing {sorted(missing)}")
                continue
            unknown = event.keys() - EVENT_KEYS - OPTIONAL_EVENT_KEYS
            if unknown:
                errors.append(f"{ew}: unknown event keys {sorted(unknown)}")
            if event["type"] not in TYPES:
                errors.append(f"{ew}: type {event['type']!r} not in {sorted(TYPES)}")
            for key in ("coach", "team"):
                if not isinstance(event[key], str) or not event[key].strip():
                    errors.append(f"{ew}: {key} must be a non-empty string")
            for key in ("coach_aliases", "team_aliases"):
                if key in event and not (isinstance(event[key], list) and all(isinstance(a, str) and a for a in event[key])):
                    errors.append(f"{ew}: {key} must be a list of non-empty strings")
            roles = as_list(event["role"])
            if not roles or not all(isinstance(r, str) and r.strip() for r in roles):
                errors.append(f"{ew}: role must be a non-empty string or list of strings")
            elif any(r != r.lower() for r in roles):
                errors.append(f"{ew}: role must be lower case: {event['role']!r}")
            interims = as_list(event["interim"])
            if not interims or not all(isinstance(i, bool) for i in interims):
                errors.append(f"{ew}: interim must be a boolean or list of booleans")
            manner = event["manner"]
            if event["type"] == "hire" and manner is not None:
                errors.append(f"{ew}: manner must be null for a hire, got {manner!r}")
            if event["type"] == "departure":
                manners = as_list(manner)
                if not manners or not all(m in MANNERS for m in manners):
                    errors.append(f"{ew}: manner {manner!r} not in {sorted(MANNERS)}")
            dates = as_list(event["date"])
            if not dates:
                errors.append(f"{ew}: date list is empty")
            for value in dates:
                if value is not None and not valid_iso(value):
                    errors.append(f"{ew}: date {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
            concrete = [d for d in dates if isinstance(d, str) and valid_iso(d)]
            if pub and concrete and all(d[:len(pub)] > pub[:len(d)] for d in concrete):
                errors.append(f"{ew}: every accepted date {concrete} is after the publication date {pub}")
            names = [event["coach"], *event.get("coach_aliases", [])]
            if not any(f" {fold(n)} " in haystack for n in names if isinstance(n, str)):
                warnings.append(f"{ew}: coach {event['coach']!r} (or alias) not found in title/text")
            teams = [event["team"], *event.get("team_aliases", [])]
            if not any(f" {fold(n)} " in haystack for n in teams if isinstance(n, str)):
                warnings.append(f"{ew}: team {event['team']!r} (or alias) not found in title/text")
            signature = json.dumps({k: event[k] for k in sorted(EVENT_KEYS)}, sort_keys=True, ensure_ascii=False)
            if signature in seen:
                errors.append(f"{ew}: exact duplicate of an earlier event")
            seen.add(signature)
            # counts
            counts["events"] += 1
            counts[f"type:{event['type']}"] += 1
            if event["type"] == "departure":
                counts[f"manner:{as_list(manner)[0]}"] += 1
                if isinstance(manner, list):
                    counts["manner:ambiguous(list)"] += 1
            if True in interims:
                counts["interim:true"] += 1
            counts[f"role:{roles[0] if roles else None}"] += 1
            first = dates[0] if dates else None
            counts[f"date:{'null' if first is None else precision(first)}"] += 1
            if len(dates) > 1:
                counts["date:ambiguous(list)"] += 1
        articles.append(doc)
        counts["articles"] += 1
        if not doc["events"]:
            counts["articles:no_event"] += 1

    for message in warnings:
        print("WARNING", message)
    for message in errors:
        print("ERROR", message)
    print(f"\n{path}")
    print(f"articles: {counts['articles']}  (no-event: {counts['articles:no_event']})")
    print(f"events:   {counts['events']}  (hire: {counts['type:hire']}, departure: {counts['type:departure']}, interim: {counts['interim:true']})")
    for prefix in ("manner", "date", "role"):
        items = sorted(((k.split(':', 1)[1], v) for k, v in counts.items() if k.startswith(prefix + ":")), key=lambda kv: -kv[1])
        print(f"{prefix + ':':9} " + ", ".join(f"{k} {v}" for k, v in items))
    print(f"errors: {len(errors)}  warnings: {len(warnings)}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
