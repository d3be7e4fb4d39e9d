"""Importers in bounded memory and time on big or hostile files: Twine 2 HTML's tags, and writing a big scenario.

What a trainer relies on: a story file of any shape within the size limit is imported or refused in one
line, in memory a small multiple of the file and in seconds, not gigabytes and minutes.
"""

from __future__ import annotations

import gc
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from tipcase.cli import main
from tipcase.format.yaml_writer import to_yaml
from tipcase.importers import ImportFailed, import_file, import_text
from tipcase.importers.html_scan import MAX_ATTRIBUTES

STORY = '<tw-storydata name="S" startnode="1">\n{passages}</tw-storydata>\n'


def _peak(work: Callable[[], Any]) -> int:
    tracemalloc.start()
    try:
        work()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_story_or_passage_tag_with_too_many_attributes_is_refused_naming_the_limit_and_place() -> None:
    attrs = " ".join(f"data-{i}=1" for i in range(MAX_ATTRIBUTES + 1))
    text = STORY.format(
        passages=f'<tw-passagedata pid="1" name="Start">x</tw-passagedata>\n  <tw-passagedata name="B" {attrs}>y</tw-passagedata>\n'
    )
    with pytest.raises(ImportFailed) as refused:
        import_text(text, "a.html")
    assert str(refused.value) == (
        f"a.html:3:3: a <tw-passagedata> tag with more than {MAX_ATTRIBUTES} attributes (the limit); refused (Twine writes at most 11)"
    )


def test_a_passage_with_extra_attributes_within_the_limit_is_imported() -> None:
    attrs = " ".join(f"data-{i}=1" for i in range(MAX_ATTRIBUTES - 3))
    text = STORY.format(passages=f'<tw-passagedata pid="1" name="Start" {attrs}>Hello</tw-passagedata>\n')
    assert import_text(text, "a.html").scenario["stages"]["start"]["text"] == "Hello"


@pytest.mark.parametrize(
    "inside",
    [
        "<b " + "a=1 " * 200_000 + ">",  # one tag of 200,000 attributes: 317 MB to match before
        "<b a=1 c='2' d=\"3\">" * 40_000,  # 160,000 attributes on tags whose attributes are never read
        "\n" * 400_000,  # line starts were a table of 36 bytes a line
    ],
    ids=["one-huge-tag", "many-tags", "blank-lines"],
)
def test_twine_html_is_read_in_memory_a_small_multiple_of_the_file(inside: str) -> None:
    text = STORY.format(passages=f'<tw-passagedata pid="1" name="Start">{inside}Hi</tw-passagedata>\n')
    peak = _peak(lambda: import_text(text, "m.html"))
    assert peak < 6 * len(text) + 4 * 2**20, (peak, len(text))


def test_positions_after_many_lines_are_right() -> None:
    text = STORY.format(
        passages="\n" * 100_000 + '  <tw-passagedata pid="1" name="Start">x</tw-passagedata>\n <tw-passagedata name="">y</tw-passagedata>\n'
    )
    notes = [(note.line, note.col, note.message) for note in import_text(text, "p.html").notes]
    assert notes == [(100_003, 2, "a passage with no name; left out")]


@pytest.mark.parametrize(
    "data",
    [
        {"a": "plain", "b": ["line\nbreaks\n"]},
        {
            "a": "x😊\ue000y🎉",
            "😊": ["\U0001f600 z" * 50, "line\n😊\nend"],
        },  # a stand-in never replaces a private-use character already there
        {"many": "".join(chr(0x1F300 + i) for i in range(100)) + "\n" + "".join(chr(0xE000 + i) for i in range(6_380))},
    ],
    ids=["ascii", "emoji", "more-emoji-than-stand-ins"],
)
def test_a_scenario_is_written_as_pyyaml_s_own_emitter_writes_it(data: dict[str, Any]) -> None:
    class PythonEmitter(yaml.SafeDumper):
        pass

    def blocks(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if "\n" in value else None)

    PythonEmitter.add_representer(str, blocks)
    written = to_yaml(data)
    assert written == yaml.dump(data, Dumper=PythonEmitter, sort_keys=False, allow_unicode=True, width=120, default_flow_style=False)
    assert yaml.safe_load(written) == data
    assert "\\U" not in written  # emoji are written as they are, never escaped


@pytest.mark.parametrize("word", ["word", "kata 😊"])
def test_a_big_passage_is_written_in_linear_time(word: str) -> None:
    line = " ".join([word] * 150) + "\n"
    data = {"stages": {"start": {"text": line * (6_000_000 // len(line))}}}
    started = time.perf_counter()
    written = to_yaml(data)
    assert time.perf_counter() - started < 3.0  # PyYAML's Python emitter took 8 s for 6 MB (a 30 MB passage: 27 s to import)
    assert written.startswith("stages:\n  start:\n    text: |\n")


def test_warnings_alike_are_listed_100_times_then_counted_in_one(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    story = tmp_path / "many.twee"
    story.write_text(":: Start\n" + "[[Start]]\n" * 5_000 + "[[Nowhere]]\n", encoding="utf-8")
    imported = import_file(story)
    repeats = [note for note in imported.notes if "repeats an earlier one" in str(note)]
    assert len(repeats) == 101
    first_unlisted = "103:1: warning: 4,899 more warnings like this one are not listed: "  # at the 101st repeat, line 103
    assert str(repeats[-1]).endswith(first_unlisted + "passage 'Start': the link [[Start]] repeats an earlier one; one choice made")
    assert repeats[-1].more == 4_899
    assert any("broken link to 'Nowhere'" in str(note) for note in imported.notes)  # another kind is still listed
    assert main(["import", str(story), "-o", str(tmp_path / "out.yaml")]) == 0
    assert capsys.readouterr().err.splitlines()[-1].endswith("5,001 warnings; written to " + str(tmp_path / "out.yaml"))


def _prose(size: int, *, emoji: bool) -> str:
    words = ["kata", "saksi", "korban 😊" if emoji else "korban", "polisi", "laporan", "agen 🚢" if emoji else "agen", "paspor"]
    line = " ".join(words * 2) + "\n"
    return line * (size // len(line.encode("utf-8")))


@pytest.mark.parametrize("emoji", [False, True], ids=["ascii", "emoji"])
def test_a_twee_file_is_read_line_by_line_holding_its_bytes_and_each_passage_once(tmp_path: Path, emoji: bool) -> None:
    from tipcase.importers import read_story_file

    prose = _prose(1_500_000, emoji=emoji)
    data = (":: StoryTitle\nS\n\n:: Start\n" + prose + "\n\n:: End\n" + "\n" * 50_000 + "fin\n").encode("utf-8")
    stories = []
    peak = _peak(lambda: stories.append(read_story_file(data, "big.twee")))
    text = stories[0].passages[0].text
    assert text == prose.rstrip("\n")
    assert stories[0].passages[1].text == "\n" * 50_000 + "fin"
    # The passage's own str and a little: the whole text, its list of lines and their join were 3.5 to 5 times it
    assert peak < 1.6 * sys.getsizeof(text) + 2 * 2**20, (peak, sys.getsizeof(text))


def _story_with_metadata(passages: int) -> str:
    """A Twee 3 story as Twine writes it: StoryData, and each passage with its map position as JSON metadata."""
    lines = [':: StoryData\n{"ifid": "6B5E8C3A-0000-4000-8000-000000000000", "start": "P0"}']
    for index in range(passages):
        links = "".join(f"[[Go to {j}->P{j}]]" for j in (index + 1, index + 2) if j < passages)
        lines.append(f':: P{index} {{"position":"{index * 125},0","size":"100,100"}}\nThe officer meets person {index}.\n{links}')
    return "\n\n".join(lines) + "\n"


def test_an_import_runs_no_collector_pass_and_leaves_no_garbage_in_cycles(tmp_path: Path) -> None:
    """The collector's full passes over a growing story made an import of 8,000 passages cost 1.5 times its share.

    The import pauses it, and makes nothing it would have to free: the JSON metadata of every passage made 27
    objects in reference cycles (a decoder each), 216,000 for 8,000 passages, left until the collector ran.
    """
    story = tmp_path / "story.twee"
    story.write_text(_story_with_metadata(5), encoding="utf-8")
    import_file(story)  # what the first import loads and compiles once is not what is measured
    story.write_text(_story_with_metadata(2_000), encoding="utf-8")
    passes: list[int] = []

    def note_pass(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            passes.append(info["generation"])

    gc.collect()
    gc.callbacks.append(note_pass)
    try:
        imported = import_file(story)
        assert gc.isenabled()  # resumed after the import
        gc.disable()
        try:
            left = gc.collect()
        finally:
            gc.enable()
    finally:
        gc.callbacks.remove(note_pass)
    assert imported.stages == 2_000
    assert imported.scenario["stages"]["p1999"]["layout"] == {"x": 1999 * 125 * 2.0, "y": 0.0}
    # the test's own collection, and at most one pass of the young generation as the import resumes the collector
    assert passes in ([2], [0, 2]), passes
    assert left < 100, left  # the metadata of 2,000 passages left 54,000 objects in cycles


def test_a_big_passage_with_emoji_is_imported_in_a_few_copies_of_it(tmp_path: Path) -> None:
    prose = _prose(3_000_000, emoji=True)
    story = tmp_path / "emoji.twee"
    story.write_text(":: Start\nwarm 😊\n", encoding="utf-8")
    import_file(story)  # the modules an import loads the first time are not what is measured
    story.write_text(":: Start\n" + prose, encoding="utf-8")
    imported = []
    peak = _peak(lambda: imported.append(import_file(story)))
    assert imported[0].scenario["stages"]["start"]["text"] == prose.rstrip("\n")
    passage = sys.getsizeof(imported[0].scenario["stages"]["start"]["text"])  # 4 bytes a character: one emoji makes it so
    # The passage, the file written (UTF-8) and the passage read back to validate it (decoded, so twice for a moment)
    assert peak < 3.6 * passage, (peak, passage)  # main held 5.0 times it here


def test_line_ends_escapes_and_blank_lines_are_read_from_the_bytes_as_from_the_text() -> None:
    from tipcase.importers import read_story, read_story_file

    text = ":: Start [a b]\r\n\r\n  \r\nline 1\r\n\\:: not a header\r\n  kept  \r\n \t\r\n\r\n:: Next\rone\r\rtwo\r\n\r\n\\::x\n:: Empty\n"
    from_bytes = read_story_file(b"\xef\xbb\xbf" + text.encode("utf-8"), "s.twee")
    from_text = read_story(text, "s.twee")
    for story in (from_bytes, from_text):
        assert [(p.name, p.text, p.pos, p.tags) for p in story.passages] == [
            ("Start", "\n  \nline 1\n:: not a header\n  kept  ", (1, 1), ["a", "b"]),
            ("Next", "one\n\ntwo\n\n::x", (9, 1), []),
            ("Empty", "", (15, 1), []),
        ]


@pytest.mark.parametrize(
    ("name", "text", "where"),
    [
        ("many.twee", ":: StoryTitle\nS\n:: StoryData\n{}\n" + "".join(f":: P{i}\nx\n" for i in range(20_001)) + ":: Q\n", "40005:1"),
        ("many.html", '<tw-storydata name="S">\n' + '<tw-passagedata name="p">x</tw-passagedata>\n' * 20_001, "20002:1"),
        ("many1.html", '<html><div id="storeArea">\n' + '<div tiddler="p">x</div>\n' * 20_002, "20003:1"),
    ],
    ids=["twee", "twine-2", "twine-1"],
)
def test_a_story_past_the_passage_limit_is_refused_where_the_first_past_it_is_read_no_further(name: str, text: str, where: str) -> None:
    # 3 million passage headers (32 MB) took 1.3 GB and 16 s to read before the converter counted them
    with pytest.raises(ImportFailed) as refused:
        import_text(text + "x" * 10, name)
    assert str(refused.value) == f"{name}:{where}: the story has more than 20,000 passages; at most 20,000 are imported (split the story)"


def test_a_story_of_more_links_than_are_read_is_refused_at_the_first_past_the_limit() -> None:
    from tipcase.importers.convert import MAX_LINKS

    started = time.process_time()
    with pytest.raises(ImportFailed) as refused:
        import_text(":: Start\n" + "[[Start]]\n" * (MAX_LINKS + 5), "links.twee")
    assert (
        str(refused.value)
        == f"links.twee:{MAX_LINKS + 2}:1: the story has more than 200,000 links; at most 200,000 are read (split the story)"
    )
    assert time.process_time() - started < 10  # 5.6 million took minutes
