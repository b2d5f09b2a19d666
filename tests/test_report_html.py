"""The explain page: its structure, and what a real headless Chromium renders of it.

The browser checks run where Debian's ``chromium`` is installed (``.ci/run`` installs it)
and are skipped, with the reason, elsewhere.
"""
from __future__ import annotations

import os
import shutil
import struct
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from pipeline.explain import Explanation, explain, to_html

TITLE = "Harbour news: Burnley act & Leeds wait"
FACT = "Burnley sacked manager Gareth Pimlott on Monday."
SECOND = "Assistant Rhys Dale was put in temporary charge of Burnley on Tuesday."
RUMOUR = "Leeds United have been linked with sacking Daniel Farke."
TEXT = f"{FACT} {RUMOUR}\n{SECOND}\nFans held up a banner reading <Farke out> & sang for an hour."
DATE = "2024-03-06"
BROWSER_TIMEOUT = 120
WINDOW = (1200, 1600)


class Outline(HTMLParser):
    """The elements of a page, (tag, attributes) in order, and its text; for each
    <mark class="evidence"> the text inside it without displaCy's entity labels."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.evidence: list[str] = []
        self.open: list[tuple[str, set[str]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = {k: v or "" for k, v in attrs}
        self.elements.append((tag, attributes))
        classes = set(attributes.get("class", "").split())
        self.open.append((tag, classes))
        if tag == "mark" and "evidence" in classes:
            self.evidence.append("")

    def handle_endtag(self, tag):
        while self.open:
            if self.open.pop()[0] == tag:
                break

    def handle_data(self, data):
        self.text.append(data)
        tags = [t for t, _ in self.open]
        in_evidence = any(t == "mark" and "evidence" in c for t, c in self.open)
        in_label = "span" in tags and any(t == "mark" and "entity" in c for t, c in self.open)
        if in_evidence and not in_label:
            self.evidence[-1] += data

    def having(self, tag: str, cls: str) -> list[dict[str, str]]:
        return [a for t, a in self.elements if t == tag and cls in a.get("class", "").split()]


def outline(page: str) -> Outline:
    parser = Outline()
    parser.feed(page)
    parser.close()
    return parser


def squash(text: str) -> str:
    return " ".join(text.split())


def dense(text: str) -> str:
    return "".join(text.split())


@pytest.fixture(scope="module")
def explanation(nlp) -> Explanation:
    return explain(nlp, TEXT, DATE, title=TITLE, doc_id="h1")


@pytest.fixture(scope="module")
def page(explanation) -> str:
    return to_html(explanation)


def test_the_article_has_a_case_worth_showing(explanation):
    assert len(explanation.events) >= 2
    assert [c.reason for c in explanation.vetoed] == ["rumour"]


def test_entities_are_displacy_marks(explanation, page):
    tree = outline(page)
    marks = tree.having("mark", "entity")
    ents = [e for s in explanation.sentences for e in s.entities]
    assert len(marks) == len(ents) > 0
    assert 'class="entities"' in page  # displaCy's container
    text = squash(" ".join(tree.text))
    for label in {e.label for e in ents}:
        assert label in text
    # a mention's canonical name rides along as the entity's link (Leeds -> Leeds United in the title)
    assert "Leeds United" in text


def test_each_event_is_a_card(explanation, page):
    tree = outline(page)
    cards = tree.having("article", "event-card")
    assert len(cards) == len(explanation.events)
    assert [c["data-type"] for c in cards] == [e.type for e in explanation.events]
    assert [c["id"] for c in cards] == [f"event-{n}" for n in range(1, len(cards) + 1)]
    for event in explanation.events:
        assert f'<span class="coach">{event.coach}</span>' in page
        assert f'<dd class="field-team">{event.team}</dd>' in page
        assert f'<dd class="field-date">{event.date or "—"}</dd>' in page
    assert len(tree.having("blockquote", "evidence-sentence")) == len(cards)
    assert len(tree.having("b", "trigger")) == len(cards)


def test_evidence_is_marked_in_the_text(explanation, page):
    tree = outline(page)
    marks = tree.having("mark", "evidence")
    sentences = {explanation.text[a:b] for a, b in explanation.event_spans}
    assert len(marks) == len(sentences)
    # displaCy lays each entity out on lines of its own: compare without whitespace
    assert sorted(dense(t) for t in tree.evidence) == sorted(dense(s) for s in sentences)
    # the entities inside an evidence sentence stay highlighted: the marks nest
    assert any("Gareth Pimlott" in t for t in tree.evidence)
    ids = {m["id"] for m in marks}
    links = [a["href"][1:] for t, a in tree.elements if t == "a" and a.get("href", "").startswith("#evidence-")]
    assert links and set(links) <= ids
    # the rumour is not evidence of anything
    assert not any("linked with" in t for t in tree.evidence)


def test_vetoed_candidates_are_listed(page):
    tree = outline(page)
    rows = [a for t, a in tree.elements if t == "tr" and a.get("class") == "vetoed"]
    assert len(rows) == 1
    assert "rumour" in page


def test_the_page_is_self_contained_and_escaped(page):
    assert page.startswith("<!DOCTYPE html>")
    tree = outline(page)
    for tag, attributes in tree.elements:
        assert tag not in ("script", "link", "img", "iframe")
        for name in ("src", "href"):
            value = attributes.get(name, "")
            assert not value or value.startswith("#"), (tag, value)
    assert "<style>" in page and "@import" not in page and "url(" not in page
    assert "reading &lt;" in page and "out&gt; &amp; sang" in page and "<Farke" not in page
    assert "Burnley act &amp; Leeds wait" in page
    assert "\ue000" not in page and "\ue001" not in page


def test_an_article_without_events(nlp):
    page = to_html(explain(nlp, "It rained all afternoon.", None))
    tree = outline(page)
    assert tree.having("article", "event-card") == [] and tree.having("mark", "evidence") == []
    assert "No events." in page


# -- a real browser ----------------------------------------------------------------------------
def chromium() -> str:
    path = shutil.which("chromium")
    if path is None:
        pytest.skip("Debian's chromium is not installed (apt-get install chromium); .ci/run installs it")
    return path


def run_chromium(browser: str, profile: Path, *args: str) -> subprocess.CompletedProcess:
    command = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
               "--no-first-run", "--disable-background-networking", "--disable-component-update",
               "--disable-sync", f"--user-data-dir={profile}", *args]
    try:
        return subprocess.run(command, capture_output=True, timeout=BROWSER_TIMEOUT, check=False,
                              env={**os.environ, "HOME": str(profile)})
    except subprocess.TimeoutExpired:
        pytest.fail(f"chromium did not finish within {BROWSER_TIMEOUT}s")


@pytest.fixture(scope="module")
def page_file(page, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("page") / "explain.html"
    path.write_text(page, encoding="utf-8")
    return path


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    assert data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def test_chromium_screenshot(page_file, tmp_path):
    browser = chromium()
    shot = tmp_path / "shot.png"
    done = run_chromium(browser, tmp_path / "profile", f"--screenshot={shot}",
                        f"--window-size={WINDOW[0]},{WINDOW[1]}", page_file.as_uri())
    assert done.returncode == 0 and shot.is_file(), done.stderr.decode(errors="replace")[-2000:]
    data = shot.read_bytes()
    assert png_size(data) == WINDOW
    assert len(data) > 50_000  # a blank or error page compresses to a few kilobytes
    image = pytest.importorskip("matplotlib.image")
    pixels = (image.imread(str(shot))[..., :3] * 255).round().astype(int)

    def share(rgb: tuple[int, int, int]) -> float:
        return float((abs(pixels - rgb).sum(axis=-1) <= 6).mean())

    assert share((0xFF, 0xE5, 0x8A)) > 0.001, "no evidence highlight (#ffe58a) on screen"
    assert share((0xAA, 0x9C, 0xFC)) > 0.0005, "no PERSON entity (displaCy #aa9cfc) on screen"
    assert share((0x1B, 0x7F, 0x4B)) + share((0xB3, 0x26, 0x1E)) > 0.0005, "no event card edge or badge"


def test_chromium_rendered_dom(page_file, page, tmp_path):
    browser = chromium()
    done = run_chromium(browser, tmp_path / "profile", "--dump-dom", page_file.as_uri())
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-2000:]
    dom = outline(done.stdout.decode("utf-8"))
    source = outline(page)
    assert len(dom.having("mark", "entity")) == len(source.having("mark", "entity")) > 0
    assert len(dom.having("mark", "evidence")) == len(source.having("mark", "evidence")) > 0
    assert len(dom.having("article", "event-card")) == len(source.having("article", "event-card")) > 0
    assert [squash(t) for t in dom.evidence] == [squash(t) for t in source.evidence]
