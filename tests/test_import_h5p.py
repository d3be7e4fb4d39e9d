"""The H5P Branching Scenario importer: content.json and .h5p packages, both scoring shapes, endings, loops.

What a trainer relies on: every item reached from the start arrives as a stage, every alternative as a
choice with its feedback and score, H5P's endings as end stages, the result validates with no error,
and anything not carried over (media, unreached items, scores on loops) is named in a warning that
points at the item's line in the JSON.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tipcase.cli import main
from tipcase.format.validator import check_file, check_text
from tipcase.importers import ImportFailed, import_file, import_h5p, save_imported
from tipcase.importers.h5p import plain_text
from tipcase.services.scenarios import read_media

BOAT_PNG = b"\x89PNG\r\n\x1a\n"  # a PNG signature: publishing checks a picture's magic bytes


def errors_of(yaml_text: str) -> list[str]:
    return [str(f) for f in check_text(yaml_text, "out.yaml").findings if f.is_error]


def text_item(html: str, next_id: Any, title: str = "", feedback: dict[str, Any] | None = None) -> dict[str, Any]:
    item: dict[str, Any] = {
        "type": {
            "library": "H5P.AdvancedText 1.1",
            "params": {"text": html},
            "subContentId": "00000000-0000-0000-0000-000000000000",
            "metadata": {"contentType": "Text", "license": "U", "title": title or "Untitled Text"},
        },
        "showContentTitle": True,
        "nextContentId": next_id,
    }
    if feedback is not None:
        item["feedback"] = feedback
    return item


def question(html: str, alternatives: list[tuple[str, Any, dict[str, Any]]], title: str = "") -> dict[str, Any]:
    return {
        "type": {
            "library": "H5P.BranchingQuestion 1.0",
            "params": {
                "branchingQuestion": {
                    "question": html,
                    "alternatives": [{"text": text, "nextContentId": to, "feedback": fb} for text, to, fb in alternatives],
                }
            },
            "metadata": {"contentType": "Branching Question", "title": title or "Branching Question"},
        },
        "contentId": 0,
    }


def scenario_json(content: list[dict[str, Any]], *, scoring: str | None = "dynamic-score", old_shape: bool = False) -> dict[str, Any]:
    params: dict[str, Any] = {
        "title": "<p>Recruiter at the port</p>",
        "startScreen": {"startScreenTitle": "<p>Start</p>", "startScreenSubtitle": ""},
        "endScreens": [{"endScreenTitle": "<p>The case is closed</p>", "endScreenSubtitle": "", "contentId": -1, "endScreenScore": 1}],
        "content": content,
        "behaviour": {"enableBackwardsNavigation": True, "forceContentFinished": False},
    }
    if scoring is not None:
        if old_shape:
            params["scoringOption"] = scoring
        else:
            params["scoringOptionGroup"] = {"scoringOption": scoring, "includeInteractionsScores": True}
    return {"branchingScenario": params}


PORT = [
    text_item(
        "<p>Three women wait by the boat with a man who holds their passports.</p><p>It is 02:00 &amp; raining.</p>",
        1,
        title="At the harbour",
    ),
    question(
        "<p>What do you do <em>first</em>?</p>",
        [
            (
                "Separate them &amp; speak to each alone",
                2,
                {"title": "Good", "subtitle": "<p>Each can speak freely.</p>", "endScreenScore": 3},
            ),
            ("Question them together in front of him", 2, {"title": "", "subtitle": "<p>They cannot speak.</p>", "endScreenScore": -2}),
            ("Let the boat leave", -1, {"title": "Too late", "subtitle": "<p>They are gone.</p>", "endScreenScore": 0}),
        ],
        title="First move",
    ),
    question(
        "<p>One of them says she was promised work in a restaurant.</p>",
        [
            ("Refer her to the PPA unit", 3, {"endScreenScore": 2}),
            ("Send her home", -1, {}),
        ],
        title="The account",
    ),
    text_item(
        "<p>The PPA unit takes the case.</p>",
        -1,
        title="Referred",
        feedback={"title": "Well done", "subtitle": "<p>Referred with care.</p>"},
    ),
    text_item("<p>Nobody comes here.</p>", -1, title="Orphan"),
]


def write_json(tmp_path: Path, data: dict[str, Any], name: str = "content.json", *, indent: int | None = 2) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data, indent=indent), encoding="utf-8")
    return path


def package(tmp_path: Path, data: dict[str, Any], *, library: str = "H5P.BranchingScenario", language: str = "en") -> Path:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("h5p.json", json.dumps({"title": "Port case", "language": language, "mainLibrary": library}))
        archive.writestr("content/content.json", json.dumps(data))
        archive.writestr("content/images/boat.png", BOAT_PNG)
    path = tmp_path / "port.h5p"
    path.write_bytes(buffer.getvalue())
    return path


def test_items_become_stages_and_alternatives_choices_with_feedback_and_scores(tmp_path: Path) -> None:
    imported = import_file(write_json(tmp_path, scenario_json(PORT)))
    scenario = imported.scenario
    assert errors_of(imported.yaml_text) == []
    assert imported.kind == "h5p"
    assert imported.passages == 5
    assert scenario["title"] == "Recruiter at the port"
    assert scenario["id"] == "recruiter-at-the-port"
    assert scenario["start"] == "at-the-harbour"
    stages = scenario["stages"]
    harbour = stages["at-the-harbour"]
    assert harbour["text"] == "Three women wait by the boat with a man who holds their passports.\n\nIt is 02:00 & raining."
    assert harbour["choices"] == [{"label": "Continue", "to": "first-move"}]
    first = stages["first-move"]
    assert first["text"] == "What do you do first?"
    assert [c["label"] for c in first["choices"]] == [
        "Separate them & speak to each alone",
        "Question them together in front of him",
        "Let the boat leave",
    ]
    assert first["choices"][0]["score"] == {"score": 3}
    assert first["choices"][0]["feedback"] == "Good\n\nEach can speak freely."
    assert first["choices"][1]["score"] == {"score": -2}
    assert "score" not in first["choices"][2]  # dynamic-score: an edge that ends the case does not count
    assert stages[first["choices"][2]["to"]] == {"text": "Too late\n\nThey are gone.", "end": "success"}
    assert stages["the-account"]["choices"][1]["to"] == "end"  # no feedback: the default end screen
    assert stages["end"]["text"] == "The case is closed"
    assert stages[stages["referred"]["choices"][0]["to"]]["text"] == "Well done\n\nReferred with care."
    assert scenario["competencies"] == {"score": {"title": "Score (imported from H5P)", "weight": 1}}
    assert "orphan" not in stages
    assert any("1 item no edge reaches from the start was left out: content[4]" in str(n) for n in imported.notes)


def test_notes_point_at_the_item_in_the_json(tmp_path: Path) -> None:
    path = write_json(tmp_path, scenario_json(PORT))
    imported = import_file(path)
    note = next(n for n in imported.notes if "content[4]" in n.message)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[note.line - 1][note.col - 1] == "{"
    assert "Nobody comes here" in "\n".join(lines[note.line - 1 : note.line + 6])
    assert str(note).startswith(f"{path}:{note.line}:{note.col}: warning: ")


def test_static_end_score_puts_the_ending_score_on_the_choice_that_reaches_it(tmp_path: Path) -> None:
    imported = import_file(write_json(tmp_path, scenario_json(PORT, scoring="static-end-score", old_shape=True)))
    stages = imported.scenario["stages"]
    assert errors_of(imported.yaml_text) == []
    assert "score" not in stages["first-move"]["choices"][0]  # leads on: no ending, no score
    assert stages["first-move"]["choices"][2].get("score") is None  # its own ending scores 0
    assert stages["the-account"]["choices"][1]["score"] == {"score": 1}  # the default end screen's score
    assert stages["referred"]["choices"][0].get("score") is None


def test_no_score_imports_no_competency(tmp_path: Path) -> None:
    imported = import_file(write_json(tmp_path, scenario_json(PORT, scoring=None)))
    assert "competencies" not in imported.scenario
    assert all("score" not in c for s in imported.scenario["stages"].values() for c in s.get("choices", []))
    assert errors_of(imported.yaml_text) == []


def test_scores_on_loops_are_dropped_and_a_loop_without_exit_gets_one(tmp_path: Path) -> None:
    content = [
        question("<p>Hub</p>", [("Ask again", 1, {"endScreenScore": 2}), ("Leave", -1, {})], title="Hub"),
        question("<p>Again</p>", [("Back", 0, {"endScreenScore": 1}), ("On", 2, {"endScreenScore": 1})], title="Again"),
        question("<p>Circle A</p>", [("To B", 3, {}), ("Stay", 2, {})], title="Circle A"),
        question("<p>Circle B</p>", [("To A", 2, {}), ("Stay", 3, {})], title="Circle B"),
    ]
    imported = import_file(write_json(tmp_path, scenario_json(content)))
    stages = imported.scenario["stages"]
    assert errors_of(imported.yaml_text) == []
    assert "score" not in stages["hub"]["choices"][0]
    assert "score" not in stages["again"]["choices"][0]
    assert stages["again"]["choices"][1]["score"] == {"score": 1}  # leaves the loop: kept
    assert stages["circle-a"]["choices"][-1] == {"label": "End the case here", "to": "imported-end"}
    assert stages["imported-end"]["end"] == "partial"
    messages = [n.message for n in imported.notes]
    assert sum("a score on a loop was dropped" in m for m in messages) == 2
    assert any("content[2] is in a loop with no ending" in m for m in messages)


IMAGE_THEN_TEXT = [
    {
        "type": {"library": "H5P.Image 1.1", "params": {"alt": "The boat at the pier", "file": {"path": "images/boat.png"}}},
        "nextContentId": 1,
    },
    {"type": {"library": "H5P.Video 1.5", "params": {"title": "Harbour at night"}}, "nextContentId": 2},
    text_item("<p>Unit PPA menangani perkara ini.</p>", -1, title="Dirujuk"),
]


def test_a_package_is_read_with_its_language_and_its_pictures_become_exhibits(tmp_path: Path) -> None:
    path = package(tmp_path, scenario_json(IMAGE_THEN_TEXT), language="id")
    imported = import_file(path)
    assert errors_of(imported.yaml_text) == []
    scenario = imported.scenario
    assert scenario["languages"] == ["id"]
    stage = scenario["stages"]["step-0"]
    assert stage["text"] == "[Image: The boat at the pier]"
    assert stage["reveal"] == ["the-boat-at-the-pier"]
    assert stage["choices"][0]["label"] == "Lanjutkan"
    assert scenario["exhibits"] == {
        "the-boat-at-the-pier": {"kind": "photo", "title": "The boat at the pier", "file": "media/boat.png", "text": "The boat at the pier"}
    }
    assert list(scenario)[-3:] == ["exhibits", "start", "stages"]
    assert imported.media == {"media/boat.png": BOAT_PNG}
    [note] = [n for n in imported.notes if "H5P.Video" in n.message]  # a video has no place in the case file
    assert note.path == f"{path}/content/content.json"
    assert note.message.endswith("kept as a stage that describes it; media files are not copied")


def test_a_bare_content_json_says_where_the_pictures_are(tmp_path: Path) -> None:
    imported = import_file(write_json(tmp_path, scenario_json(IMAGE_THEN_TEXT)))
    assert "exhibits" not in imported.scenario
    assert any("the picture is not copied (it is in the .h5p package: import the package to bring it)" in n.message for n in imported.notes)


def test_saving_writes_the_pictures_beside_the_case_and_never_over_another(tmp_path: Path) -> None:
    imported = import_file(package(tmp_path, scenario_json(IMAGE_THEN_TEXT)))
    out = tmp_path / "cases" / "harbour.yaml"
    out.parent.mkdir()
    save_imported(imported, out)
    assert (out.parent / "media" / "boat.png").read_bytes() == BOAT_PNG
    checked = check_file(out)
    assert checked.ok
    assert checked.scenario is not None
    [media] = read_media(out, checked.scenario)  # found where the exhibit says: it can be published
    assert media.data == BOAT_PNG
    save_imported(imported, out)  # the same picture again: fine
    (out.parent / "media" / "boat.png").write_bytes(b"someone else's picture")
    out.unlink()
    with pytest.raises(ImportFailed, match=r"boat\.png: exists with other content"):
        save_imported(imported, out)
    assert not out.exists()  # nothing written
    save_imported(imported, out, force=True)
    assert (out.parent / "media" / "boat.png").read_bytes() == BOAT_PNG


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b'{"branchingScenario": {"content": [}}', "content.json:1:36: not valid JSON: Expecting value"),
        (b'{"branchingScenario": {"content": []}}', "content.json:1:23: not an H5P Branching Scenario (no content list)"),
        (b"[1, 2]", "content.json:1:1: not an H5P Branching Scenario (the JSON is not an object)"),
        (b'{"title": "\xff"}', "content.json:1:12: not UTF-8 text"),
        (b"PK\x03\x04 broken", "content.json: not a readable H5P package"),
    ],
)
def test_bad_files_are_one_line_that_says_where(data: bytes, expected: str) -> None:
    with pytest.raises(ImportFailed) as raised:
        import_h5p(data, "content.json")
    assert str(raised.value).startswith(expected)
    assert "\n" not in str(raised.value)


def test_a_package_of_another_content_type_or_without_content_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ImportFailed, match=r"port.h5p/h5p.json:1:1: the package holds H5P.MultiChoice, not H5P.BranchingScenario"):
        import_file(package(tmp_path, scenario_json(PORT), library="H5P.MultiChoice"))
    empty = tmp_path / "empty.h5p"
    with zipfile.ZipFile(empty, "w") as archive:
        archive.writestr("h5p.json", "{}")
    with pytest.raises(ImportFailed, match=r"empty.h5p: not an H5P package \(no content/content.json inside\)"):
        import_file(empty)


def test_php_escaped_slashes_entities_and_a_bom_are_read(tmp_path: Path) -> None:
    text = json.dumps(scenario_json([*PORT[:1], text_item("<p>Caf&eacute; &lt;3&gt; done</p>", -1)]), indent=None).replace("</", "<\\/")
    path = tmp_path / "content.json"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    imported = import_file(path)
    assert imported.scenario["stages"]["step-1"]["text"] == "Café <3> done"
    assert errors_of(imported.yaml_text) == []


def test_plain_text_of_html() -> None:
    assert plain_text("<ul><li>One</li><li>Two&nbsp;words</li></ul>") == "- One\n- Two words"
    assert plain_text("<p>a<br>b</p>\n\n\n<p>c</p>") == "a\nb\n\nc"
    assert plain_text(None) == ""


def test_the_command_line_imports_a_package(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "port.yaml"
    assert main(["import", str(package(tmp_path, scenario_json(PORT))), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "imported 5 items as" in err
    assert "content[4]" in err
    assert main(["validate", str(out)]) == 0
    pictures = tmp_path / "pictures"
    pictures.mkdir()
    assert main(["import", str(package(pictures, scenario_json(IMAGE_THEN_TEXT))), "-o", str(pictures / "boat.yaml")]) == 0
    assert "with 1 picture in media/" in capsys.readouterr().err
    assert (pictures / "media" / "boat.png").is_file()
    assert main(["import", str(pictures / "port.h5p")]) == 0  # to standard output: the picture cannot go anywhere
    assert "1 picture not written: give -o to write them beside the scenario" in capsys.readouterr().err
    assert main(["import", str(write_json(tmp_path, scenario_json(PORT))), "--start", "Hub"]) == 1
    assert "--start and --story are for Twine stories" in capsys.readouterr().err


@st.composite
def random_scenarios(draw: st.DrawFn) -> dict[str, Any]:
    size = draw(st.integers(1, 8))
    targets = st.one_of(st.integers(-2, size + 1), st.none(), st.integers(-2, size + 1).map(str))  # H5P reads ids with parseInt
    feedback = st.fixed_dictionaries(
        {},
        optional={"title": st.sampled_from(["", "Good", "Bad"]), "endScreenScore": st.integers(-3, 3), "subtitle": st.just("<p>Why</p>")},
    )
    content = []
    for index in range(size):
        if draw(st.booleans()):
            alternatives = draw(st.lists(st.tuples(st.sampled_from(["Yes", "No", ""]), targets, feedback), max_size=4))
            content.append(question(f"<p>Q{index}</p>", alternatives, title=draw(st.sampled_from(["", "Same", f"Q {index}"]))))
        else:
            content.append(text_item(f"<p>T{index}</p>", draw(targets), title=draw(st.sampled_from(["", "Same"])), feedback=draw(feedback)))
    return scenario_json(content, scoring=draw(st.sampled_from(["dynamic-score", "static-end-score", "no-score", None])))


@settings(max_examples=150, deadline=None)
@given(random_scenarios())
def test_any_branching_scenario_imports_with_no_validator_error(data: dict[str, Any]) -> None:
    imported = import_h5p(json.dumps(data).encode(), "content.json")
    assert errors_of(imported.yaml_text) == []


def test_a_value_from_the_package_cannot_forge_a_line_on_the_terminal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    forged = "en\nport.h5p:1:1: error: \x1b[31mforged"
    assert main(["import", str(package(tmp_path, scenario_json(PORT), language=forged)), "-o", str(tmp_path / "out.yaml")]) == 0
    err = capsys.readouterr().err
    assert "\x1b" not in err
    assert [line for line in err.splitlines() if "forged" in line] == [
        f"{tmp_path / 'port.h5p'}/h5p.json:1:36: warning: h5p.json gives 'en\\nport.h5p:1:1: error: \\x1b[31mforged'; "
        "imported as 'en' (choose with --lang)"
    ]
    bad = package(tmp_path, {"branchingScenario": "\x1b[2J"})
    assert main(["import", str(bad)]) == 1
    assert "\x1b" not in capsys.readouterr().err


@pytest.mark.parametrize(
    ("content", "holds"),
    [
        (b"<html><script>alert(1)</script></html>", "its content is no image TIPCase knows"),
        (b"GIF89a" + bytes(10), "it holds a GIF image"),
        (b"", "its content is no image TIPCase knows"),
    ],
)
def test_a_picture_that_is_not_what_its_name_says_is_left_out_naming_the_file(tmp_path: Path, content: bytes, holds: str) -> None:
    path = package(tmp_path, scenario_json(IMAGE_THEN_TEXT))
    with zipfile.ZipFile(path) as original:  # the same package with other bytes as the picture (a name twice is refused)
        members = {name: original.read(name) for name in original.namelist()}
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, content if name == "content/images/boat.png" else data)
    imported = import_file(path)
    assert imported.media == {}
    assert "exhibits" not in imported.scenario
    assert imported.scenario["stages"]["step-0"]["text"] == "[Image: The boat at the pier]"
    assert errors_of(imported.yaml_text) == []
    [note] = [str(n) for n in imported.notes if "step-0" not in str(n) and "images/boat.png" in str(n)]
    assert note.endswith(
        f"warning: content[0]: the picture content/images/boat.png is not a PNG image as its name says ({holds}); left out"
    )
    assert not any("H5P.Image" in str(n) for n in imported.notes)  # one warning for the picture, not two
