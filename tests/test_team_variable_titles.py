"""Walk G finding 12: a team case titles its variables in both languages, so an inject's condition is said in the
reader's language (the Bahasa control room showed the file's English ids, "saat “statement taken”"). The format
(``{initial, title}`` beside the plain initial value), the validator (E002 and W101 at line:col, W107 for a variable
an inject's condition reads without a title), the core's wording (``tipcase.team.condition_words``) and the bundled
case, every variable of which is titled in English and Bahasa Indonesia."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.teams import MINI_TEAM, write_team
from tests.test_team_format import where
from tipcase import bundled
from tipcase.cli import main
from tipcase.format.validator import check_file
from tipcase.team.condition_words import condition_words, trigger_words

# the mini team with the investigator's variables titled, and an inject that fires when the threat is known
TITLED = MINI_TEAM.replace(
    "    variables: {slips: false, threatened: false}\n",
    "    variables:\n"
    "      slips: {initial: false, title: {en: Wage slips copied, id: Slip gaji disalin}}\n"
    "      threatened: {initial: false, title: {en: The family threatened, id: Keluarga diancam}}\n",
).replace(
    "  - id: journalist\n    to: all\n    manual: true",
    "  - id: journalist\n    to: investigator\n    when: threatened and not slips or hours >= 30",
)


def test_titled_variables_read_and_a_file_without_titles_stays_valid(tmp_path: Path) -> None:
    checked = check_file(write_team(tmp_path, TITLED))
    assert checked.findings == []
    team = checked.team
    assert team is not None
    assert team.roles["investigator"].scenario.variables == {"slips": False, "threatened": False}  # the initial values
    assert team.variable_title("investigator", "threatened").get("id") == "Keluarga diancam"
    assert team.variable_title("inspector", "slips").get("en") == "Wage slips copied"  # one name, one meaning: titled once
    assert check_file(write_team(tmp_path)).findings == []  # the plain form, no title and no condition reading one


@pytest.mark.parametrize("language", ["en", "id"])
def test_a_condition_is_said_with_the_titles_in_the_language(tmp_path: Path, language: str) -> None:
    team = check_file(write_team(tmp_path, TITLED)).team
    assert team is not None
    [inject] = [i for i in team.injects if i.id == "journalist"]
    said = {
        "en": "when (The family threatened: yes and Wage slips copied: no) or its case clock at 30 h or later",
        "id": "saat (Keluarga diancam: ya dan Slip gaji disalin: tidak) atau waktu kasusnya menunjukkan 30 jam atau lebih",
    }
    assert trigger_words(team, inject, language) == said[language]
    copied = {"en": "Wage slips copied: yes", "id": "Slip gaji disalin: ya"}[language]
    assert condition_words(team, ["investigator"], "slips == true", language) == copied
    assert condition_words(team, ["investigator"], "unknown_thing", language).startswith("“unknown thing”")  # untitled: the id in words
    assert condition_words(team, ["investigator"], "slips and (", language) == "slips and ("  # E009's: as written


def test_an_inject_condition_reading_an_untitled_variable_is_w107_at_its_declaration(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    manual, conditional = (
        "  - id: journalist\n    to: all\n    manual: true",
        "  - id: journalist\n    to: investigator\n    when: threatened",
    )
    text = MINI_TEAM.replace(manual, conditional)
    findings = check_file(write_team(tmp_path, text)).findings
    assert [(f.code, f.line, f.col) for f in findings] == [("W107", *where(text, "threatened: false}"))]
    assert "variable 'threatened' has no title, and inject 'journalist' reads it" in findings[0].message
    assert findings[0].as_json()["role"] == "investigator"
    assert main(["validate", str(write_team(tmp_path, text))]) == 0  # a warning: the case still plays
    assert "W107" in capsys.readouterr().out


def test_a_titled_variable_without_its_initial_value_is_e002_and_a_title_missing_a_language_w101(tmp_path: Path) -> None:
    titled = "slips: {initial: false, title: {en: Wage slips copied, id: Slip gaji disalin}}"
    text = TITLED.replace(titled, "slips: {title: {en: Wage slips copied}}")
    findings = check_file(write_team(tmp_path, text)).findings
    codes = [(f.code, f.line, f.col) for f in findings]
    assert ("E002", *where(text, "{title: {en: Wage")) in codes
    assert ("W101", *where(text, "{en: Wage slips copied}")) in codes


def test_the_json_schema_describes_a_titled_variable(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["$defs"]["Variable"]["required"] == ["initial"]
    assert set(schema["$defs"]["Variable"]["properties"]) == {"initial", "title"}


def test_every_variable_of_the_bundled_team_cases_has_a_title_in_english_and_bahasa_indonesia() -> None:
    for path in bundled.bundled_team_cases():
        checked = check_file(path)
        assert not [f for f in checked.findings if f.code in ("W101", "W107")]
        team = checked.team
        assert team is not None
        for role, track in team.roles.items():
            for name in track.scenario.variables:
                title = track.variable_titles.get(name)
                assert title is not None, (role, name)
                assert title.values.get("en", "").strip(), (role, name)
                assert title.values.get("id", "").strip(), (role, name)
        [second] = [i for i in team.injects if i.id == "second-victim"]
        assert trigger_words(team, second, "id") == "saat Keterangan sudah diambil: ya"  # walk G 12: "saat “statement taken”"
        assert trigger_words(team, second, "en") == "when Statements taken: yes"
