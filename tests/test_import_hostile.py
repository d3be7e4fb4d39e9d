"""Importers on odd and hostile input: every construct converted or named in a warning, every refusal one line.

What a trainer relies on: a Twine or H5P file that is strange, damaged or built to hurt is either imported
into a scenario that validates, with a warning for whatever changed, or refused with one line that says
where and why (naming the limit when one is hit); never a traceback, never minutes or gigabytes.
"""

from __future__ import annotations

import io
import json
import struct
import time
import tracemalloc
import zipfile
from pathlib import Path
from typing import Any

import pytest

from tipcase.cli import main
from tipcase.importers import MAX_CHOICES, ImportFailed, h5p_package, import_file, import_h5p, import_text, read_story, save_imported
from tipcase.importers import convert as convert_module


def messages(imported: Any) -> list[str]:
    return [f"{note.line}:{note.col}: {note.message}" for note in imported.notes]


# -- Twee ------------------------------------------------------------------------------------------


def test_every_twee_escape_is_undone_in_names_tags_and_text() -> None:
    text = (
        ":: Start\n[[\\[x\\]]]\n[[ padded ]]\n\n"
        ":: \\[x\\] [a\\]b c\\\\d] \n\\::not a header\n\\:single colon\n\\\\::kept\n  \\:: indented, kept\n\n"
        ":: \\ padded\\  \nq\\uote kept in text\n\n"
        ":: back\\\\slash\\q\nx\n"
    )
    story = read_story(text, "esc.twee")
    assert [p.name for p in story.passages] == ["Start", "[x]", " padded ", "back\\slashq"]
    assert story.passages[1].tags == ["a]b", "c\\d"]
    assert story.passages[1].text == "::not a header\n:single colon\n\\\\::kept\n  \\:: indented, kept"
    assert story.passages[2].text == "q\\uote kept in text"


def test_a_start_named_with_escapes_is_found() -> None:
    text = ':: StoryData\n{"start": "a {b}"}\n\n:: a \\{b\\}\nHere.\n'
    assert import_text(text, "s.twee").scenario["start"] == "a-b"


@pytest.mark.parametrize(
    "link",
    ["[[label|]]", "[[|]]", "[[label->]]", "[[->]]", "[[<-label]]", "[[<-]]", "[[]]", "[[ ]]", "[[ | ]]", "[[label-> ]]", "[[|][$x to 1]]"],
)
def test_a_link_with_an_empty_target_in_any_form_is_a_warning_at_its_place(link: str) -> None:
    imported = import_text(f":: Start\nText.\n  {link}\n[[Go->End]]\n:: End\nDone.\n", "e.twee")
    found = [m for m in messages(imported) if "has an empty target" in m]
    assert found == [f"3:3: passage 'Start': the link {link} has an empty target; left out"]
    assert imported.scenario["stages"]["start"]["choices"] == [{"label": "Go", "to": "end"}]


def test_an_inline_link_with_an_empty_target_keeps_its_words() -> None:
    imported = import_text(":: Start\nAsk the [[officer|]] first.\n", "e.twee")
    assert imported.scenario["stages"]["start"]["text"] == "Ask the officer first."
    assert messages(imported) == ["2:9: passage 'Start': the link [[officer|]] has an empty target; left out"]


def test_setters_repeats_unclosed_links_and_tags_are_named() -> None:
    text = ":: Start [intro]\n[[Go|End][$met to true]]\n[[Go|End]]\nA [[broken link\n:: End [final]\nDone.\n"
    found = messages(import_text(text, "s.twee"))
    assert "2:1: passage 'Start': the setter '$met to true' of [[Go|End][$met to true]] was dropped (use the choice's set or add)" in found
    assert "3:1: passage 'Start': the link [[Go|End]] repeats an earlier one; one choice made" in found
    assert "4:3: passage 'Start': '[[' is never closed on its line; kept as text" in found
    assert "1:1: passage tags have no counterpart in a scenario and were left out: 'intro', 'final'" in found


def test_metadata_storydata_and_positions_that_are_not_usable_are_warnings() -> None:
    deep = "[" * 5_000 + "]" * 5_000
    text = (
        f":: StoryData\n{deep}\n\n"
        ':: Start {"position":"NaN,5","size":"100,100","colour":"red"}\n[[B]]\n'
        ':: B {"position":"1e400,0"}\n[[C]]\n'
        ":: C <99999999999,3>\nEnd.\n"
        ':: StoryData\n{"start": "B"}\n'
    )
    imported = import_text(text, "m.twee")
    found = messages(imported)
    assert "2:101: StoryData nested more than 100 levels deep (the limit); left out" in found
    assert found[1:] == [
        "4:10: passage 'Start': the position 'NaN,5' is not two numbers; the editor will place it",
        "4:10: passage 'Start': metadata 'colour' has no counterpart in a scenario; left out",
        "6:6: passage 'B': the position '1e400,0' is outside +/-1,000,000; the editor will place it",
        "8:6: passage 'C': the position '99999999999,3' is outside +/-1,000,000; the editor will place it",
        "10:1: a second StoryData (the first is at line 1); left out",
    ]
    assert all("layout" not in stage for stage in imported.scenario["stages"].values())


def test_control_characters_are_removed_with_a_warning_and_header_lines_stay_one_line() -> None:
    text = ':: StoryData\n{"ifid": "A\\nstages: {}", "format": "X\\u0000Y"}\n:: Start\nNUL\x00 and bell\x07 here.\n'
    imported = import_text(text, "c.twee")
    assert imported.scenario["stages"]["start"]["text"] == "NUL and bell here."
    assert "3:1: passage 'Start': 2 control characters removed" in messages(imported)
    comments = [line for line in imported.yaml_text.splitlines() if line.startswith("#")]
    assert "# Twine IFID: A stages: {}" in comments
    assert all(line.startswith(("#", " ", "-")) or ":" in line for line in imported.yaml_text.splitlines())


def test_a_story_over_the_passage_limit_is_refused_naming_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(convert_module, "MAX_PASSAGES", 10)
    text = "".join(f":: P{i}\n[[P{i + 1}]]\n" for i in range(11))
    with pytest.raises(ImportFailed, match=r"^big.twee:1:1: the story has 11 passages; at most 10 are imported \(split the story\)$"):
        import_text(text, "big.twee")


def test_an_output_that_would_not_validate_is_never_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any) -> None:
    from tipcase import importers

    def broken(*args: Any, **kwargs: Any) -> tuple[dict[str, Any], list[Any]]:
        scenario = {"tipcase": 1, "id": "x", "version": 1, "title": "T", "start": "a", "stages": {"a": {"text": "t", "end": "maybe"}}}
        return scenario, []

    monkeypatch.setattr(importers, "story_to_scenario", broken)
    source = tmp_path / "s.twee"
    source.write_text(":: Start\nx\n", encoding="utf-8")
    out = tmp_path / "out.yaml"
    assert main(["import", str(source), "-o", str(out)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"tipcase: error: {source}: the imported scenario would not validate (E002 at ")
    assert err.endswith("; nothing written")
    assert "\n" not in err
    assert not out.exists()


def test_a_bad_lang_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "s.twee"
    source.write_text(":: Start\nx\n", encoding="utf-8")
    assert main(["import", str(source), "--lang", "English"]) == 2
    assert capsys.readouterr().err == "tipcase: error: --lang: 'English' is not a language code (a BCP 47 tag such as en, id or pt-BR)\n"
    assert main(["import", str(source), "--lang", "und"]) == 2
    with pytest.raises(ImportFailed, match="--lang: 'e n'"):
        import_text(":: Start\nx\n", "s.twee", lang="e n")


def test_a_twine_file_over_the_size_limit_is_refused_unread(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tipcase import importers

    monkeypatch.setattr(importers, "MAX_STORY_BYTES", 100)
    source = tmp_path / "s.twee"
    source.write_text(":: Start\n" + "x" * 200, encoding="utf-8")
    with pytest.raises(ImportFailed, match=r"s.twee: a Twine story file of 209 bytes; at most 100 bytes is imported$"):
        import_file(source)


# -- Twine 2 HTML ----------------------------------------------------------------------------------

STORY = (
    '<tw-storydata name="S" startnode="{start}" ifid="X">\n'
    '<style role="stylesheet" id="twine-user-stylesheet" type="text/twine-css">{css}</style>'
    '<script role="script" id="twine-user-script" type="text/twine-javascript">{js}</script>\n'
    '<tw-passagedata pid="1" name="One" tags="" position="100,100">[[Two]]</tw-passagedata>\n'
    '<tw-passagedata pid="2" name="Two" tags="" position="200,100">Done.</tw-passagedata>\n'
    "</tw-storydata>"
)


def test_empty_script_and_stylesheet_are_not_mentioned_and_real_ones_are_where_they_are() -> None:
    assert messages(import_text(STORY.format(start=1, css="", js="  \n"), "s.html")) == []
    found = messages(import_text(STORY.format(start=1, css="body {}", js="window.a = 1;"), "s.html"))
    assert found == [
        "2:1: the story's stylesheet was left out (a scenario has no story-format code)",
        "2:90: the story's JavaScript was left out (a scenario has no story-format code)",
    ]


def test_a_startnode_naming_no_passage_is_a_warning_as_in_twee() -> None:
    imported = import_text(STORY.format(start=7, css="", js=""), "s.html")
    assert messages(imported) == [
        "1:1: the story's startnode 7 names no passage",
        "3:1: the story names no start passage; starting at the first, 'One' (choose with --start)",
    ]
    assert imported.scenario["start"] == "one"


@pytest.mark.parametrize(
    "hostile",
    ["<a " * 40_000, "<!--" * 40_000, "</" * 40_000, "<![" * 40_000, "<" * 100_000, "<x y='" * 20_000, "&#" + "9" * 10_000 + ";"],
)
def test_hostile_html_is_read_in_linear_time(hostile: str) -> None:
    text = '<tw-storydata name="S"><tw-passagedata name="Start">' + hostile + "</tw-passagedata></tw-storydata>"
    started = time.perf_counter()
    imported = import_text(text, "h.html")
    assert time.perf_counter() - started < 3.0  # html.parser took 8 minutes on the first, 38 s on the second
    assert list(imported.scenario["stages"]) == ["start"]


def test_html_entities_and_markup_inside_passages() -> None:
    text = '<tw-storydata name="S"><tw-passagedata name="Start">Caf&eacute; <b>bold</b> &#128512; &#99999999999;<!-- x --></tw-passagedata>'
    assert import_text(text, "h.html").scenario["stages"]["start"]["text"] == "Café bold 😀 \ufffd"


# -- H5P -------------------------------------------------------------------------------------------


def content(items: list[Any] | None = None, **extra: Any) -> dict[str, Any]:
    body = (
        items
        if items is not None
        else [{"type": {"library": "H5P.AdvancedText 1.1", "params": {"text": "<p>Hi</p>"}}, "nextContentId": -1}]
    )
    return {"branchingScenario": {"content": body, **extra}}


def h5p(
    tmp_path: Path, data: Any, *, manifest: dict[str, Any] | None = None, method: int = zipfile.ZIP_DEFLATED, raw: str | None = None
) -> Path:
    path = tmp_path / "case.h5p"
    with zipfile.ZipFile(path, "w", compression=method) as archive:
        archive.writestr(
            "h5p.json", json.dumps(manifest if manifest is not None else {"title": "T", "mainLibrary": "H5P.BranchingScenario"})
        )
        archive.writestr("content/content.json", raw if raw is not None else json.dumps(data))
    return path


@pytest.mark.parametrize(
    ("manifest", "lang", "languages", "note"),
    [
        ({"language": "pt-br"}, None, ["pt-BR"], None),
        ({"language": "zh-hans"}, None, ["zh-Hans"], None),
        ({"language": "sr_latn_rs"}, None, ["sr-Latn-RS"], None),
        ({"language": "und", "defaultLanguage": "nb"}, None, ["nb"], "h5p.json gives 'und'; imported as 'nb', its defaultLanguage"),
        ({"language": "und"}, None, ["en"], "h5p.json gives 'und'; imported as 'en' (choose with --lang)"),
        ({}, None, ["en"], "h5p.json gives no language; imported as 'en' (choose with --lang)"),
        ({"language": "de"}, "id", ["id"], "h5p.json says the content is in 'de'; imported as 'id', as --lang asks"),
        ({"language": "und", "defaultLanguage": "de"}, "pt-BR", ["pt-BR"], None),
    ],
)
def test_h5p_languages(tmp_path: Path, manifest: dict[str, Any], lang: str | None, languages: list[str], note: str | None) -> None:
    path = h5p(tmp_path, content(), manifest={"mainLibrary": "H5P.BranchingScenario", **manifest})
    imported = import_file(path, lang=lang)
    assert imported.scenario["languages"] == languages
    about_language = [n.message for n in imported.notes if "h5p.json" in n.message]
    assert about_language == ([] if note is None else [pytest.approx(about_language[0])])
    if note is not None:
        assert about_language[0].startswith(note)


def test_a_bare_content_json_says_it_named_no_language(tmp_path: Path) -> None:
    imported = import_h5p(json.dumps(content()).encode(), "content.json")
    assert [str(n) for n in imported.notes] == [
        "content.json:1:1: warning: a bare content.json does not say its language; imported as 'en' (choose with --lang)"
    ]


@pytest.mark.parametrize(
    ("raw", "at", "expected"),
    [
        ('{"branchingScenario": {"content": [{"nextContentId": Infinity}]}}', "Infinity", "Infinity is not a JSON number"),
        ('{"branchingScenario": {"content": [{"nextContentId": -Infinity}]}}', "-Infinity", "-Infinity is not a JSON number"),
        ('{"branchingScenario": {"content": [{"nextContentId": 1e400}]}}', "1e400", "the number 1e400 is too large for a number"),
        (
            '{"branchingScenario": {"content": [{"nextContentId": 12345678901234567890}]}}',
            "1234",
            "the integer 12345678901234567890 is too large (at most 9,007,199,254,740,991 is read)",
        ),
        ('{"a": ' + "9" * 5000 + "}", "9", "the integer 99999999999999999999... (5,000 digits) is too large"),
        ("[" * 5000, "[" * 101, "nested more than 100 levels deep (the limit)"),
        ('{"branchingScenario": {"content": ["text"]}}', '"text"', "content[0] is a string, not an object"),
        ('{"branchingScenario": {"content": [{"type": []}]}}', "[]", "content[0].type is a list, not an object"),
        (
            '{"branchingScenario": {"content": [{"nextContentId": {"a": 1}}]}}',
            '{"a"',
            "content[0].nextContentId is {'a': 1}, not an item number",
        ),
        ('{"branchingScenario": {"content": [{"nextContentId": 1.5}]}}', "1.5", "content[0].nextContentId is 1.5, not an item number"),
        (
            '{"branchingScenario": {"content": [{"type": {"library": "H5P.AdvancedText", "params": {"text": 5}}}]}}',
            "5}",
            "content[0].type.params.text is a number, not a string",
        ),
        (
            '{"branchingScenario": {"content": [{"type": {"library": "H5P.BranchingQuestion", "params": '
            '{"branchingQuestion": {"alternatives": "x"}}}}]}}',
            '"x"',
            "content[0].type.params.branchingQuestion.alternatives is a string, not a list",
        ),
        (
            '{"branchingScenario": {"content": [{"feedback": {"endScreenScore": "3"}}]}}',
            '"3"',
            "content[0].feedback.endScreenScore is a string",
        ),
        ('{"branchingScenario": {"content": [{}], "endScreens": {}}}', "{}}", "endScreens is an object, not a list"),
        ('{"branchingScenario": {"content": [null]}}', "null", "content[0] is null, not an object"),  # found by hand after the fuzz
        (
            '{"branchingScenario": {"content": [{"type": {"library": "H5P.BranchingQuestion", "params": '
            '{"branchingQuestion": {"alternatives": [null]}}}}]}}',
            "null",
            "content[0].type.params.branchingQuestion.alternatives[0] is null, not an object",
        ),
    ],
)
def test_malformed_content_is_refused_in_one_line_naming_member_and_position(tmp_path: Path, raw: str, at: str, expected: str) -> None:
    path = h5p(tmp_path, None, raw=raw)
    with pytest.raises(ImportFailed) as raised:
        import_file(path)
    message = str(raised.value)
    column = raw.index(at) + 1 + (100 if at == "[" * 101 else 0)
    assert message.startswith(f"{path}/content/content.json:1:{column}: {expected}")
    assert "\n" not in message


def test_wrong_types_in_h5p_json_are_refused(tmp_path: Path) -> None:
    path = h5p(tmp_path, content(), manifest={"language": 5, "mainLibrary": "H5P.BranchingScenario"})
    with pytest.raises(ImportFailed, match=r"case.h5p/h5p.json:1:14: language is a number, not a string$"):
        import_file(path)


def test_numeric_string_ids_are_read_as_h5p_reads_them(tmp_path: Path) -> None:
    items = [{"nextContentId": "1"}, {"type": {"library": "H5P.AdvancedText", "params": {"text": "End"}}, "nextContentId": " -1 "}]
    imported = import_h5p(json.dumps(content(items)).encode(), "content.json")
    assert imported.scenario["stages"]["step-0"]["choices"] == [{"label": "Continue", "to": "step-1"}]


def test_a_zip_bomb_is_refused_naming_the_limit_in_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "bomb.h5p"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("h5p.json", "{}")
        archive.writestr("content/content.json", b" " * (64 * 2**20))  # 64 MiB of blanks: valid JSON so far, 64 KiB packed
    assert path.stat().st_size < 200_000
    tracemalloc.start()
    try:
        with pytest.raises(
            ImportFailed, match=r"bomb.h5p/content/content.json: decompresses to more than 16 MiB, the limit for content.json$"
        ):
            import_file(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 40 * 2**20


def test_a_package_declaring_too_many_files_is_refused_before_its_directory_is_read(tmp_path: Path) -> None:
    path = h5p(tmp_path, content())
    data = bytearray(path.read_bytes())
    end = data.rfind(b"PK\x05\x06")
    struct.pack_into("<HH", data, end + 8, 60_000, 60_000)  # the record claims 60,000 files
    path.write_bytes(bytes(data))
    with pytest.raises(ImportFailed, match=r"case.h5p: the package holds 60,000 files; at most 10,000 are read$"):
        import_file(path)


def test_a_package_with_more_files_than_the_limit_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(h5p_package, "MAX_MEMBERS", 2)
    path = tmp_path / "many.h5p"
    with zipfile.ZipFile(path, "w") as archive:
        for name in ("h5p.json", "content/content.json", "content/x.txt"):
            archive.writestr(name, "{}")
    with pytest.raises(ImportFailed, match=r"the package holds 3 files; at most 2 are read"):
        import_file(path)


def test_damaged_members_are_refused_naming_the_member(tmp_path: Path) -> None:
    path = h5p(tmp_path, content(), method=zipfile.ZIP_STORED)
    data = bytearray(path.read_bytes())
    at = data.find(b'"branchingScenario"')
    data[at + 1 : at + 2] = b"B"  # the bytes change, the CRC-32 does not
    path.write_bytes(bytes(data))
    with pytest.raises(ImportFailed, match=r"case.h5p/content/content.json: the file is damaged in the package \(Bad CRC-32"):
        import_file(path)
    deflated = h5p(tmp_path, content())
    data = bytearray(deflated.read_bytes())
    header = data.find(b"content/content.json") + len("content/content.json")
    data[header : header + 8] = b"\xff" * 8  # corrupt deflate data
    deflated.write_bytes(bytes(data))
    with pytest.raises(ImportFailed, match=r"case.h5p/content/content.json: the file is damaged in the package"):
        import_file(deflated)
    truncated = tmp_path / "cut.h5p"
    truncated.write_bytes(deflated.read_bytes()[:60])
    with pytest.raises(ImportFailed, match=r"cut.h5p: not a readable H5P package"):
        import_file(truncated)


def test_members_compressed_other_than_by_deflate_are_refused(tmp_path: Path) -> None:
    path = h5p(tmp_path, content(), method=zipfile.ZIP_BZIP2)
    with pytest.raises(ImportFailed, match=r"case.h5p/h5p.json: compressed with method 12; H5P packages are stored or deflated"):
        import_file(path)


def test_an_h5p_over_the_item_limit_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from tipcase.importers import h5p as h5p_module

    monkeypatch.setattr(h5p_module, "MAX_PASSAGES", 10)
    items = [{"nextContentId": i + 1} for i in range(11)]
    with pytest.raises(ImportFailed, match=r"^content.json:1:35: the content holds 11 items; at most 10 are imported$"):
        import_h5p(json.dumps(content(items)).encode(), "content.json")


def test_h5p_text_html_is_read_in_linear_time() -> None:
    for hostile in ("<p" * 50_000, "<!--" * 50_000, "</" * 50_000, "<a " * 50_000):
        items = [{"type": {"library": "H5P.AdvancedText", "params": {"text": hostile}}, "nextContentId": -1}]
        started = time.perf_counter()
        import_h5p(json.dumps(content(items)).encode(), "content.json")
        assert time.perf_counter() - started < 3.0


def test_lone_surrogates_become_replacement_characters_with_a_warning() -> None:
    items = [{"type": {"library": "H5P.AdvancedText", "params": {"text": "a\\ud800b"}}, "nextContentId": -1}]
    raw = json.dumps(content(items)).replace("\\\\ud800", "\\ud800").encode()
    imported = import_h5p(raw, "content.json")
    assert imported.scenario["stages"]["step-0"]["text"] == "a\ufffdb"
    assert any("1 unpaired surrogate in strings became U+FFFD" in n.message for n in imported.notes)


def test_an_unknown_scoring_option_is_a_warning() -> None:
    imported = import_h5p(json.dumps(content(scoringOptionGroup={"scoringOption": "everything"})).encode(), "content.json")
    assert any("the scoring option 'everything' is not one H5P has; no scores imported" in n.message for n in imported.notes)


def test_bytes_and_files_give_the_same_import(tmp_path: Path) -> None:
    path = h5p(tmp_path, content())
    assert import_h5p(path.read_bytes(), str(path)).yaml_text == import_file(path).yaml_text
    buffer = io.BytesIO(path.read_bytes())
    assert zipfile.is_zipfile(buffer)


TWINE_1 = (
    '<html><body><div id="storeArea" data-size="3" hidden>'
    '<div tiddler="StoryTitle" tags="" twine-position="10,10">Old case</div>'
    '<div tiddler="Start" tags="" modifier="twee" twine-position="100,10">'
    "She waits.\\n[[Ask her-&gt;Ask]]\\nA back\\sslash &amp; a\\ttab.</div>"
    '<div tiddler="Ask" tags="" twine-position="x,10">Done.</div>'
    "</div></body></html>"
)


def test_a_twine_1_file_is_read_from_its_store_area() -> None:
    imported = import_text(TWINE_1, "old.html")
    scenario = imported.scenario
    assert scenario["title"] == "Old case"
    assert scenario["start"] == "start"
    assert scenario["stages"]["start"]["text"] == "She waits.\nA back\\slash & a\ttab."
    assert scenario["stages"]["start"]["choices"] == [{"label": "Ask her", "to": "ask"}]
    assert scenario["stages"]["start"]["layout"] == {"x": 200.0, "y": 8.0}
    assert messages(imported) == ["1:260: passage 'Ask': the position 'x,10' is not two numbers; the editor will place it"]


def test_a_story_of_more_links_than_the_limit_is_refused_before_it_is_written(tmp_path: Path) -> None:
    links = "".join(f"[[{n}|B]]" for n in range(MAX_CHOICES + 1))  # 100,000 took 35 s and 485 MiB to write and check
    started = time.process_time()
    with pytest.raises(ImportFailed, match=r"^story.twee:1:1: the story has 60,001 choices; at most 60,000 are imported"):
        import_text(f":: Start\n{links}\n:: B\nend\n", "story.twee")
    assert time.process_time() - started < 10


def test_output_onto_something_that_is_not_a_file_is_refused(tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)  # as /dev/null: --force once replaced the machine's /dev/null with a regular file
    imported = import_text(":: Start\nhello\n", "story.twee")
    with pytest.raises(ImportFailed, match=r"pipe: exists and is not a regular file; nothing written"):
        save_imported(imported, fifo, force=True)
    assert fifo.is_fifo()
    with pytest.raises(ImportFailed, match="not a regular file"):
        save_imported(imported, tmp_path, force=True)


def test_a_long_json_string_is_scanned_in_flat_memory() -> None:
    from tipcase.importers.json_reading import nesting_depth

    for text in ('{"text": "' + "x" * 2_000_000 + '"}', '{"text": "' + "\\n" * 1_000_000 + '"}'):
        tracemalloc.start()
        assert nesting_depth(text) is None
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        assert peak < 8 * 2**20, peak  # a 15 MB text in content.json took 1.8 GB (a backtracking entry per character)


def test_a_twee_file_with_old_mac_line_ends_is_read_line_by_line() -> None:
    imported = import_text(":: StoryTitle\rOld Mac\r\r:: Start\rHello\r[[Go->End]]\r\r:: End\rDone.\r", "cr.twee")
    assert imported.scenario["title"] == "Old Mac"
    assert imported.scenario["stages"]["start"] == {"title": "Start", "text": "Hello", "choices": [{"label": "Go", "to": "end"}]}
    assert imported.notes == []
