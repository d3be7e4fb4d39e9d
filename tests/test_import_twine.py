"""The Twine importer: every link form, escapes, tags, metadata, byte-order marks, Twine 2 HTML, real stories.

What a trainer relies on: every passage of a story with a start passage arrives as a stage, every link as a
choice, the result validates with no error, and whatever could not be carried over is named in a warning.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tipcase.cli import main
from tipcase.format.validator import check_text
from tipcase.importers import ImportFailed, decode, import_file, import_text, read_story
from tipcase.importers.story import parse_link

TWINE_DIR = Path(__file__).resolve().parents[2] / "shared" / "testdata" / "twine"
REAL_STORIES = sorted(p.name for p in TWINE_DIR.glob("*") if p.name != "SOURCES.md") if TWINE_DIR.is_dir() else []


def errors_of(yaml_text: str) -> list[str]:
    return [str(f) for f in check_text(yaml_text, "out.yaml").findings if f.is_error]


def stage_by_title(scenario: dict, title: str) -> dict:
    return next(stage for stage in scenario["stages"].values() if stage["title"] == title)


LINK_FORMS = """\
:: StoryTitle
Every link form

:: StoryData
{"ifid": "D674C58C-DEFA-4F70-B7A2-27742230C0FC", "format": "SugarCube", "format-version": "2.37.3", "start": "Hub"}

:: Hub [start tagged] {"position":"100,200","size":"100,100"}
You are at the hub.
[[Plain]]
[[Pipe label|Pipe]]
[[Arrow label->Arrow]]
[[Back<-Reverse label]]
[[a->b->Right most]]
[[Left most<-c<-d]]
[[Setter label|Setter][$x to 1]]
[[]]
[[Website|https://example.org/]]
[[Mail us|mailto:someone@example.org]]
[[Nowhere]]
Walk on to the [[inline label->Inline]] passage.

:: Plain
A plain target.

:: Pipe
Reached by a pipe.

:: Arrow
Reached by an arrow.

:: Back
Reached by a reverse arrow.

:: Right most
Rightmost arrow wins.

:: Left most
Leftmost reverse arrow wins.

:: Setter
The setter was dropped.

:: Inline
Inline link.
"""


def test_parse_link_follows_twines_map_rules() -> None:
    assert parse_link("Target") == ("Target", "Target")
    assert parse_link("label|Target") == ("label", "Target")
    assert parse_link("a|b|Target") == ("a|b", "Target")
    assert parse_link("label->Target") == ("label", "Target")
    assert parse_link("a->b->Target") == ("a->b", "Target")
    assert parse_link("Target<-label") == ("label", "Target")
    assert parse_link("Target<-a<-b") == ("a<-b", "Target")
    assert parse_link("label|Target][$x to 1") == ("label", "Target")
    assert parse_link("->Target") == ("Target", "Target")
    assert parse_link("") is None
    assert parse_link("label->") is None


def test_every_link_form_becomes_a_choice() -> None:
    imported = import_text(LINK_FORMS, "forms.twee")
    scenario = imported.scenario
    assert scenario["title"] == "Every link form"
    assert scenario["start"] == "hub"
    hub = scenario["stages"]["hub"]
    assert [(c["label"], c["to"]) for c in hub["choices"]] == [
        ("Plain", "plain"),
        ("Pipe label", "pipe"),
        ("Arrow label", "arrow"),
        ("Reverse label", "back"),
        ("a->b", "right-most"),
        ("c<-d", "left-most"),
        ("Setter label", "setter"),
        ("inline label", "inline"),
    ]
    assert hub["layout"] == {"x": 200.0, "y": 160.0}  # Twine's 100,200 scaled to the editor's canvas
    # Link-only lines leave the text; an inline link keeps its words.
    assert hub["text"] == "You are at the hub.\nWalk on to the inline label passage."
    for stage in ("plain", "pipe", "arrow", "back", "right-most", "left-most", "setter", "inline"):
        assert scenario["stages"][stage]["end"] == "success"
    assert errors_of(imported.yaml_text) == []
    messages = [str(note) for note in imported.notes]
    assert any("forms.twee:17:1: warning: passage 'Hub': link out of the story to https://example.org/" in m for m in messages)
    assert any("link out of the story to mailto:someone@example.org" in m for m in messages)
    assert any("forms.twee:19:1: warning: passage 'Hub': broken link to 'Nowhere'" in m for m in messages)
    assert "D674C58C-DEFA-4F70-B7A2-27742230C0FC" in imported.yaml_text
    assert "SugarCube 2.37.3" in imported.yaml_text


def test_escapes_tags_and_metadata_in_headers() -> None:
    text = (
        ":: Start [intro  first-visit]\n"
        "Go [[on->A [draft] {note}]]\n\n"  # in links, names are written as they are
        ':: A \\[draft\\] \\{note\\} [draft] {"position":"10.5,-20"}\n'
        "Escaped name.\n\n"
        ":: Back\\\\slash {not json\n"
        "Bad metadata.\n"
    )
    story = read_story(text, "esc.twee")
    names = [p.name for p in story.passages]
    assert names == ["Start", "A [draft] {note}", "Back\\slash"]
    assert story.passages[0].tags == ["intro", "first-visit"]
    assert story.passages[1].tags == ["draft"]
    assert story.passages[1].position == (10.5, -20.0)
    assert story.passages[2].position is None
    assert any("esc.twee:7:" in str(n) and "metadata not valid JSON" in str(n) for n in story.notes)
    imported = import_text(text, "esc.twee")
    assert imported.scenario["stages"]["start"]["choices"] == [{"label": "on", "to": "a-draft-note"}]
    assert imported.scenario["stages"]["a-draft-note"]["title"] == "A [draft] {note}"
    assert errors_of(imported.yaml_text) == []


def test_byte_order_mark_twee2_headers_and_trailing_blank_lines() -> None:
    data = "\ufeff::Start [a b] <300,40>\nFirst.\n[[Next]]\n\n\n::Next \nLast.\n\n\n".encode()
    story = read_story(decode(data, "bom.tw"), "bom.tw")
    assert [p.name for p in story.passages] == ["Start", "Next"]
    assert story.passages[0].position == (300.0, 40.0)
    assert story.passages[0].tags == ["a", "b"]
    assert story.passages[1].text == "Last."


def test_duplicate_names_keep_the_first_and_special_passages_are_left_out() -> None:
    text = (
        ":: Start\nOne [[Twin]]\n\n:: Twin\nFirst twin.\n\n:: Twin\nSecond twin.\n\n"
        ":: Code [script]\nwindow.x = 1;\n\n:: Look [stylesheet]\nbody {}\n\n:: StoryInit\n<<set $x to 1>>\n"
    )
    imported = import_text(text, "dup.twee")
    assert imported.scenario["stages"]["twin"]["text"] == "First twin."
    messages = [str(n) for n in imported.notes]
    assert any(m == "dup.twee:7:1: warning: a second passage named 'Twin' (the first is at line 4); left out" for m in messages)
    assert any("'Code' is tagged script" in m for m in messages)
    assert any("'Look' is tagged stylesheet" in m for m in messages)
    assert any("'StoryInit' is a special passage" in m for m in messages)
    assert set(imported.scenario["stages"]) == {"start", "twin"}


def test_start_passage_order_storydata_then_start_then_first() -> None:
    assert import_text(":: One\n[[Start]]\n:: Start\nS\n", "a.twee").scenario["start"] == "start"
    first = import_text(":: One\n[[Two]]\n:: Two\nT\n", "b.twee")
    assert first.scenario["start"] == "one"
    assert any("names no start passage; starting at the first, 'One'" in str(n) for n in first.notes)
    chosen = import_text(":: One\n[[Two]]\n:: Two\nT\n", "b.twee", start="Two")
    assert chosen.scenario["start"] == "two"
    assert set(chosen.scenario["stages"]) == {"two"}
    with pytest.raises(ImportFailed, match="no passage named 'Three'"):
        import_text(":: One\nx\n", "c.twee", start="Three")


def test_unreachable_passages_are_named_and_loops_get_an_ending() -> None:
    text = ":: Start\n[[Loop A]]\n:: Loop A\n[[Loop B]]\n:: Loop B\n[[Loop A]]\n:: Orphan\nNobody links here.\n"
    imported = import_text(text, "loop.twee")
    stages = imported.scenario["stages"]
    assert "orphan" not in stages
    assert stages["loop-a"]["choices"][-1] == {"label": "End the case here", "to": "imported-end"}
    assert stages["imported-end"]["end"] == "partial"
    messages = [str(n) for n in imported.notes]
    assert any("1 passage no link reaches from the start was left out: 'Orphan'" in m for m in messages)
    assert any("'Loop A', 'Loop B' loop with no ending" in m for m in messages)
    assert errors_of(imported.yaml_text) == []


def test_macros_are_reported_as_dynamic_links_and_code() -> None:
    text = ':: Start\n<<set $met to true>>\n<<link "Go" "Room">><</link>>\n(link-goto: "Hall", "Hall")\n[[Room]]\n:: Room\nR\n'
    imported = import_text(text, "macro.twee")
    messages = [str(n) for n in imported.notes]
    assert any("unresolved dynamic links made by macros" in m and "<<link" in m and "(link-goto:" in m for m in messages)
    assert any("story-format code (<<set)" in m for m in messages)


TWINE_HTML = """<!DOCTYPE html><html><head><script>var s = "<tw-storydata name='fake'>";</script></head><body>
<tw-storydata name="Border &amp; back" startnode="2" creator="Twine" creator-version="2.6.2" format="Harlowe"
 format-version="3.3.8" ifid="1A2B3C4D-0000-4000-8000-000000000001" zoom="1" hidden>
<style role="stylesheet" id="twine-user-stylesheet" type="text/twine-css">body { color: red; }</style>
<script role="script" id="twine-user-script" type="text/twine-javascript">window.a = "<tw-passagedata>";</script>
<tw-passagedata pid="1" name="Intro" tags="" position="100,100" size="100,100">Not the start.</tw-passagedata>
<tw-passagedata pid="2" name="Arrival &quot;gate&quot;" tags="airport night" position="250.5,100"
 size="100,100">She says &lt;&lt;help&gt;&gt; &amp; waits.
[[Ask her name-&gt;Name]]
[[Call a supervisor|Supervisor]]</tw-passagedata>
<tw-passagedata pid="3" name="Name" tags="" position="400,100" size="100,100">Her name is Sri.</tw-passagedata>
<tw-passagedata pid="4" name="Supervisor" tags="" position="400,250" size="100,100">(link-goto: "Back", "Intro")</tw-passagedata>
</tw-storydata>
<tw-storydata name="Second" startnode="1" ifid="1A2B3C4D-0000-4000-8000-000000000002" format="Harlowe" format-version="3.3.8">
<tw-passagedata pid="1" name="Only" tags="" position="0,0" size="100,100">Alone.</tw-passagedata>
</tw-storydata></body></html>
"""


def test_twine_2_html_archive() -> None:
    imported = import_text(TWINE_HTML, "archive.html")
    scenario = imported.scenario
    assert scenario["title"] == "Border & back"
    assert scenario["start"] == "arrival-gate"
    arrival = scenario["stages"]["arrival-gate"]
    assert arrival["title"] == 'Arrival "gate"'
    assert arrival["text"] == "She says <<help>> & waits."
    assert arrival["layout"] == {"x": 501.0, "y": 80.0}
    assert arrival["choices"] == [{"label": "Ask her name", "to": "name"}, {"label": "Call a supervisor", "to": "supervisor"}]
    assert "intro" not in scenario["stages"]
    messages = [str(n) for n in imported.notes]
    assert any("holds 2 stories; imported the first" in m for m in messages)
    assert any("JavaScript was left out" in m for m in messages)
    assert any("stylesheet was left out" in m for m in messages)
    assert any("(link-goto:" in m for m in messages)
    assert errors_of(imported.yaml_text) == []
    second = import_text(TWINE_HTML, "archive.html", story_name="Second")
    assert second.scenario["title"] == "Second"
    assert list(second.scenario["stages"]) == ["only"]
    with pytest.raises(ImportFailed, match="no story named 'Third'"):
        import_text(TWINE_HTML, "archive.html", story_name="Third")


def test_files_that_are_not_stories_fail_with_one_line(tmp_path: Path) -> None:
    latin1 = tmp_path / "latin1.twee"
    latin1.write_bytes(b":: Start\nCaf\xe9\n")
    with pytest.raises(ImportFailed, match=r"latin1.twee:2:4: not UTF-8"):
        import_file(latin1)
    with pytest.raises(ImportFailed, match="not a Twine story"):
        import_text("just some notes\n", "notes.txt")
    with pytest.raises(ImportFailed, match="no Twine story in this HTML file"):
        import_text("<!DOCTYPE html><html><body>hello</body></html>", "page.html")


@pytest.mark.skipif(not TWINE_DIR.is_dir(), reason="../shared/testdata/twine is not beside the project")
@pytest.mark.parametrize("name", REAL_STORIES)
def test_real_stories_import_and_validate(name: str) -> None:
    path = TWINE_DIR / name
    text = decode(path.read_bytes(), name)
    story = read_story(text, name)
    if not name.endswith(".html"):
        headers = len(re.findall(r"^\ufeff?::", text, re.MULTILINE))
        special = sum(1 for p in ("StoryTitle", "StoryData") if re.search(rf"^\ufeff?:: ?{p}\b", text, re.MULTILINE))
        assert len(story.passages) == headers - special
        assert sum(len(p.links()) for p in story.passages) == len(re.findall(r"\[\[(.*?)\]\]", text))
    imported = import_file(path)
    assert errors_of(imported.yaml_text) == []
    stages = imported.scenario["stages"]
    assert imported.scenario["start"] in stages
    assert all(("end" in s) != bool(s.get("choices")) for s in stages.values())


@pytest.mark.skipif(not TWINE_DIR.is_dir(), reason="../shared/testdata/twine is not beside the project")
def test_real_story_figures_match_their_sources() -> None:
    """The counts SOURCES.md gives for each file, found again by the importer."""
    merchant = read_story(decode((TWINE_DIR / "samnyevr__Merchant-Mile__main.twee").read_bytes(), "m"), "m")
    assert sum(len(p.links()) for p in merchant.passages) == 159
    assert sum(1 for p in merchant.passages if p.position) == 100
    assert sum(1 for p in merchant.passages if p.tags) == 36
    assert merchant.story_format == "SugarCube 2.37.3"
    mud = read_story(decode((TWINE_DIR / "molleindustria__mudlike__story.tw").read_bytes(), "mud"), "mud")
    assert mud.passages[0].name == "nested"  # the byte-order mark is not part of the first name
    assert sum(len(p.links()) for p in mud.passages) == 65
    published = TWINE_DIR / "sgranade__sargent-chapbook-extensions__index.html"
    html_story = read_story(decode(published.read_bytes(), "i"), "i")
    assert len(html_story.passages) == 23  # the two <tw-storydata> strings in the player code are not stories
    assert html_story.title == "Sargent Chapbook Extensions Demo"
    assert html_story.start == "Start"
    flora = import_file(TWINE_DIR / "islemaster__safari-colas__flora.twee")
    assert any("broken link to 'Start'" in str(n) for n in flora.notes)
    assert flora.scenario["stages"]["flora-dining-beat-1"]["title"] == "Flora/Dining/Beat 1"


names = st.sampled_from(["Start", "Gate", "Shelter", "Police", "Court", "Home", "Ruang A", "x/y", "Hub"])


@st.composite
def twee_stories(draw: st.DrawFn) -> str:
    passages = draw(st.lists(names, min_size=1, max_size=8))
    if "Start" not in passages:
        passages.insert(0, "Start")
    chunks = []
    for name in passages:
        targets = draw(st.lists(st.one_of(names, st.just("Missing"), st.just("https://x.org")), max_size=4))
        forms = [draw(st.sampled_from(["[[{t}]]", "[[go|{t}]]", "[[go->{t}]]", "[[{t}<-go]]"])).format(t=t) for t in targets]
        chunks.append(f":: {name}\nText of {name}.\n" + "\n".join(forms) + "\n")
    return "\n".join(chunks)


@settings(max_examples=150, deadline=None)
@given(twee_stories())
def test_any_story_with_a_start_passage_imports_without_errors(text: str) -> None:
    imported = import_text(text, "random.twee")
    assert errors_of(imported.yaml_text) == []


def test_cli_writes_the_file_and_refuses_to_overwrite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "story.twee"
    source.write_text(LINK_FORMS, encoding="utf-8")
    out = tmp_path / "case.yaml"
    assert main(["import", str(source), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "broken link to 'Nowhere'" in err
    assert "imported 9 passages as 9 stages and 8 choices" in err
    assert main(["validate", str(out)]) == 0
    capsys.readouterr()
    before = out.read_text(encoding="utf-8")
    assert main(["import", str(source), "-o", str(out)]) == 2
    assert "exists; add --force" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == before
    assert main(["import", str(source), "-o", str(out), "--force", "--quiet", "--lang", "id"]) == 0
    assert "languages:\n- id" in out.read_text(encoding="utf-8")
    assert main(["import", str(source)]) == 0
    assert capsys.readouterr().out.startswith("# Imported from story.twee")
    bad = tmp_path / "bad.twee"
    bad.write_bytes(b"\xff\xfe")
    assert main(["import", str(bad)]) == 1
    assert capsys.readouterr().err.strip().count("\n") == 0
    assert main(["import", str(tmp_path / "missing.twee")]) == 2
