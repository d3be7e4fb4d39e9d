"""A case's competencies edited as the editor edits them: add, rename (in both languages, the id followed into
every score), remove when no choice scores it, each undone exactly; a case on the bundled framework gets
the framework as its own on its first competency edit, and the file validates after each step."""

from __future__ import annotations

import copy

import pytest

from tipcase import bundled
from tipcase.format.competency_edits import SetCompetency, declared_competencies, framework_entries, scored_by
from tipcase.format.document import EditError, ScenarioDocument
from tipcase.format.yaml_writer import to_yaml

CASE = bundled.bundled_dir() / "domestic-worker-debt.yaml"
NEW = {"title": {"en": "Working with interpreters", "id": "Bekerja dengan juru bahasa"}, "weight": 1}


def test_a_case_on_the_framework_gets_it_as_its_own_with_the_new_competency_and_undo_takes_it_back() -> None:
    document = ScenarioDocument.load(CASE)
    assert "competencies" not in document.data
    before = to_yaml(document.data)
    edit = document.apply(SetCompetency(None, "interpreting", NEW))
    own = document.data["competencies"]
    assert list(own) == [*framework_entries(), "interpreting"]  # the framework as it is, then the new one
    assert own["victim_care"] == framework_entries()["victim_care"]  # descriptions and sources kept
    assert list(document.data).index("competencies") < list(document.data).index("start")  # where the format puts it
    assert [str(f) for f in document.validate().findings if f.is_error] == []
    edit.undo(document)
    assert to_yaml(document.data) == before


def test_a_rename_follows_into_every_score_in_place_and_undo_puts_them_back() -> None:
    document = ScenarioDocument.load(CASE)
    scoring = scored_by(document, "victim_care")
    assert scoring
    stage, number = scoring[0]
    keys_before = list(document.stages[stage]["choices"][number - 1]["score"])
    before = to_yaml(document.data)
    value = {**framework_entries()["victim_care"], "title": {"en": "Safety and care", "id": "Keselamatan dan perawatan"}}
    edit = document.apply(SetCompetency("victim_care", "safety", value))
    assert "victim_care" not in document.data["competencies"]
    assert document.data["competencies"]["safety"]["title"] == {"en": "Safety and care", "id": "Keselamatan dan perawatan"}
    assert list(document.data["competencies"]).index("safety") == list(framework_entries()).index("victim_care")  # in its place
    assert scored_by(document, "victim_care") == []
    assert scored_by(document, "safety") == scoring
    renamed = list(document.stages[stage]["choices"][number - 1]["score"])
    assert renamed == ["safety" if key == "victim_care" else key for key in keys_before]
    assert [str(f) for f in document.validate().findings if f.is_error and "E005" not in str(f)] == []
    edit.undo(document)
    assert to_yaml(document.data) == before
    edit.redo(document)
    assert scored_by(document, "safety") == scoring


def test_a_competency_a_choice_scores_is_not_removed_and_the_refusal_names_the_choices() -> None:
    document = ScenarioDocument.load(CASE)
    before = to_yaml(document.data)
    stage, number = scored_by(document, "victim_care")[0]
    with pytest.raises(EditError) as refused:
        document.apply(SetCompetency("victim_care", None, None))
    assert f"{stage} #{number}" in str(refused.value)
    assert "change their scores first" in str(refused.value)
    assert to_yaml(document.data) == before  # nothing changed


def test_an_unused_competency_is_removed_and_undo_restores_it_in_its_place() -> None:
    document = ScenarioDocument.load(CASE)
    unused = [key for key in framework_entries() if not scored_by(document, key)]
    document.apply(SetCompetency(None, "interpreting", NEW))
    own = copy.deepcopy(document.data["competencies"])
    edit = document.apply(SetCompetency("interpreting", None, None))
    assert "interpreting" not in document.data["competencies"]
    edit.undo(document)
    assert document.data["competencies"] == own
    assert list(document.data["competencies"]) == list(own)
    for key in unused:  # the framework's own unused ones go too
        document.apply(SetCompetency(key, None, None))
        assert key not in declared_competencies(document)


@pytest.mark.parametrize(
    ("edit", "words"),
    [
        (SetCompetency(None, "Bad Id", NEW), "competency id 'Bad Id'"),
        (SetCompetency(None, "victim_care", NEW), "already exists"),
        (SetCompetency(None, "interpreting", {"title": {"en": "", "id": "Juru bahasa"}}), "needs its title in English"),
        (SetCompetency(None, "interpreting", {**NEW, "weight": -1}), "weight is a number of 0 or more"),
        (SetCompetency("nothing-here", "x", NEW), "no competency 'nothing-here'"),
    ],
)
def test_bad_competency_edits_change_nothing(edit: SetCompetency, words: str) -> None:
    document = ScenarioDocument.load(CASE)
    before = to_yaml(document.data)
    with pytest.raises(EditError) as refused:
        document.apply(edit)
    assert words in str(refused.value)
    assert to_yaml(document.data) == before


def test_the_last_competency_is_not_removed() -> None:
    document = ScenarioDocument.new("harbour", "Night shift at the harbour")
    document.apply(SetCompetency(None, "interpreting", NEW))
    for key in list(document.data["competencies"])[:-1]:
        document.apply(SetCompetency(key, None, None))
    with pytest.raises(EditError, match="at least one"):
        document.apply(SetCompetency("interpreting", None, None))
