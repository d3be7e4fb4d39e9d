"""Every importer and scenario file in ../shared/testdata/inputs/ gives the result its row of the README asks for.

Each file is the smallest input found for one kind of fault; the tests beside these (test_import_hostile,
test_import_fuzz, test_scenario_reading) try the rest of each kind.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tipcase.cli import main
from tipcase.format.validator import check_file
from tipcase.importers import ImportFailed, import_file

INPUTS = Path(__file__).resolve().parents[2] / "shared" / "testdata" / "inputs"
pytestmark = pytest.mark.skipif(not INPUTS.is_dir(), reason="../shared/testdata/inputs is not beside the project")


def warnings_of(path: Path) -> list[str]:
    return [f"{note.line}:{note.col}: {note.message}" for note in import_file(path).notes]


def test_twee_escapes_in_text_names_and_start_are_undone() -> None:
    imported = import_file(INPUTS / "twee-escaped-text.twee")
    [stage] = imported.scenario["stages"].values()
    assert stage["title"] == "[Hello] {world} \\\\"
    assert stage["text"] == ":: Extra header"
    assert imported.scenario["start"] == next(iter(imported.scenario["stages"]))  # StoryData's start names it
    assert imported.notes == []


def test_twee_links_with_empty_targets_are_each_a_warning() -> None:
    path = INPUTS / "twee-empty-link-targets.twee"
    assert warnings_of(path) == [
        "6:1: passage 'Start': the link [[link text|]] has an empty target; left out",
        "7:1: passage 'Start': the link [[|]] has an empty target; left out",
    ]
    assert import_file(path).scenario["stages"]["start"]["choices"] == [{"label": "Real choice", "to": "end"}]


def test_twee_unclosed_links_import_in_linear_time() -> None:
    text = (INPUTS / "twee-unclosed-links.twee").read_text(encoding="utf-8")
    started = time.perf_counter()
    imported = import_file(INPUTS / "twee-unclosed-links.twee")
    assert time.perf_counter() - started < 2.0  # was seconds at 10 KB, 24 s at 40 KB
    assert imported.scenario["stages"]["start"]["text"] == text.split("\n", 1)[1].strip()
    assert [note.message for note in imported.notes] == ["passage 'Start': '[[' is never closed on its line; kept as text"]


def test_twine_html_absurd_positions_and_a_bad_startnode_become_warnings_and_a_file_that_validates(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = INPUTS / "twine-html-infinite-position.html"
    assert warnings_of(source) == [
        "1:1: the story's startnode 'abc' is not a passage number",
        "1:40: passage 'Start': the position 'a,b' is not two numbers; the editor will place it",
        "1:118: passage 'Next': the position '1e400,-1e400' is outside +/-1,000,000; the editor will place it",
    ]
    out = tmp_path / "out.yaml"
    assert main(["import", str(source), "-o", str(out)]) == 0
    assert "3 warnings; written to" in capsys.readouterr().err
    checked = check_file(out)
    assert checked.ok, [str(f) for f in checked.findings]
    assert checked.scenario is not None
    assert all(stage.layout is None for stage in checked.scenario.stages.values())
    assert checked.scenario.start == "start"


def test_h5p_language_und_falls_back_to_the_default_language_with_a_warning(capsys: pytest.CaptureFixture[str]) -> None:
    source = INPUTS / "h5p-language-und.h5p"
    imported = import_file(source)
    assert imported.scenario["languages"] == ["de"]
    assert [str(note) for note in imported.notes] == [
        f"{source}/h5p.json:1:35: warning: h5p.json gives 'und'; imported as 'de', its defaultLanguage (choose another with --lang)"
    ]
    chosen = import_file(source, lang="pt-BR")
    assert chosen.scenario["languages"] == ["pt-BR"]
    assert chosen.notes == []  # the package names no language, so nothing contradicts --lang
    assert main(["import", str(source), "--lang", "pt_br"]) == 0
    assert "- pt-BR\n" in capsys.readouterr().out


def test_h5p_nan_is_refused_in_one_line_naming_the_member_and_position(capsys: pytest.CaptureFixture[str]) -> None:
    source = INPUTS / "h5p-content-nan.h5p"
    with pytest.raises(ImportFailed) as raised:
        import_file(source)
    assert str(raised.value) == f"{source}/content/content.json:1:54: NaN is not a JSON number"
    assert main(["import", str(source)]) == 1
    captured = capsys.readouterr()
    assert captured.err == f"tipcase: error: {source}/content/content.json:1:54: NaN is not a JSON number\n"
    assert captured.out == ""


def test_scenario_tag_that_does_not_construct_is_e001(capsys: pytest.CaptureFixture[str]) -> None:
    source = INPUTS / "scenario-bad-int-tag.yaml"
    assert main(["validate", str(source)]) == 1
    assert capsys.readouterr().out == f"{source}:10:5: E001 !!int 'abc' is not an integer\n1 error, no warnings\n"
