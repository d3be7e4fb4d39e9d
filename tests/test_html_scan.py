"""The HTML tokenizer the importers read Twine 2 stories and H5P texts with: the same split however it is asked.

What a trainer relies on: a story file is read the same whatever markup it holds, and in seconds whatever its
size (8 million tags took 37 to 54 s): the fast way to the tags an importer wants gives exactly what walking
every tag gives.
"""

from __future__ import annotations

import os
import time

from hypothesis import given, settings
from hypothesis import strategies as st

from tipcase.importers import html_scan, import_text
from tipcase.importers.html_scan import tags

PIECES = [
    "x",
    " ",
    "\n",
    "é",
    "<",
    ">",
    "/",
    '"',
    "'",
    "=",
    "-",
    "!",
    "?",
    "--",
    "-->",
    "<!--",
    "<!-->",
    "<!--->",
    "<!",
    "<?",
    "</",
    "</é",
    "<é",
    "<a",
    "<b a='>'>",
    '<i t=">">',
    "</b>",
    "<p>",
    "</p>",
    "<br/>",
    "<div>",
    "</DIV>",
    "<script>",
    "</script>",
    "<SCRIPT ",
    "</Script\n",
    "<ſcript>",
    "<style>",
    "</style >",
    "<title>",
    "<textarea>",
    "<plaintext>",
    "<xmp>",
    "<tw-passagedata",
    "<tw-passagedata>",
    "</tw-passagedata>",
    "<TW-PASSAGEDATA name='a'>",
    "<tw-passagedatax>",
    "<tw-storydata>",
    "</tw-storydata",
    "&amp;",
    "<li>",
]
WANTED = [frozenset({"tw-passagedata", "tw-storydata", "script", "style"}), frozenset({"div"}), frozenset({"p", "br", "li", "div"})]


def _every_tag_then_filtered(text: str, wanted: frozenset[str]) -> list[tuple[str, str, int, int, bool, str, dict[str, str]]]:
    found, data = [], []
    for piece, tag in tags(text, wanted):
        data.append(piece)
        if tag.name in wanted or tag.name == "#end":
            found.append(("".join(data), tag.name, tag.start, tag.end, tag.closing, tag.raw_text, tag.attrs))
            data = []
    return found


@settings(max_examples=int(os.environ.get("TIPCASE_FUZZ_EXAMPLES", "300")), deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40), st.sampled_from(WANTED))
def test_the_wanted_tags_come_with_the_same_data_as_walking_every_tag(pieces: list[str], wanted: frozenset[str]) -> None:
    text = "".join(pieces)
    fast = [(data, t.name, t.start, t.end, t.closing, t.raw_text, t.attrs) for data, t in tags(text, wanted, wanted=wanted)]
    assert fast == _every_tag_then_filtered(text, wanted)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40), st.sampled_from(WANTED))
def test_a_stretch_read_a_few_constructs_at_a_time_gives_the_same(pieces: list[str], wanted: frozenset[str]) -> None:
    text = "".join(pieces)
    steps, html_scan._STEPS = html_scan._STEPS, 2  # what a file of millions of tags goes through
    html_scan._STRETCHES.clear()
    try:
        fast = [(data, t.name, t.start, t.end, t.closing, t.raw_text, t.attrs) for data, t in tags(text, wanted, wanted=wanted)]
    finally:
        html_scan._STEPS = steps
        html_scan._STRETCHES.clear()
    assert fast == _every_tag_then_filtered(text, wanted)


def test_an_end_tag_of_a_letter_beyond_ascii_is_a_bogus_comment_not_an_internal_error() -> None:
    assert [(data, tag.name) for data, tag in tags("a</é>b")] == [("a", "#comment"), ("b", "#end")]
    story = '<tw-storydata name="S" startnode="1"><tw-passagedata pid="1" name="Start">a</é>b</tw-passagedata></tw-storydata>'
    assert import_text(story, "s.html").scenario["stages"]["start"]["text"] == "ab"


def test_a_passage_of_many_tags_is_read_in_about_the_time_of_its_text() -> None:
    story = '<tw-storydata name="S" startnode="1"><tw-passagedata pid="1" name="Start">{}</tw-passagedata></tw-storydata>'
    tagged = story.format("<b>x" * 1_000_000)
    plain = story.format("x" * 4_000_000)
    timings = []
    for text in (plain, tagged):
        started = time.process_time()
        passages = [tag for _, tag in tags(text, wanted=frozenset({"tw-passagedata", "tw-storydata"}))]
        timings.append(time.process_time() - started)
        assert len(passages) == 5
    # a Python step for each tag: 1.3 s for a million (8 million took 37 to 54 s to import)
    assert timings[1] < 0.5, timings
