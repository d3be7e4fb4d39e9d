"""The editor's document: every edit undoes and redoes exactly, renames follow every reference, bad edits change nothing."""

from __future__ import annotations

import contextlib
import copy
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tipcase import bundled
from tipcase.format import form_text
from tipcase.format.document import Edit, EditError, EditGroup, ScenarioDocument
from tipcase.format.document_check import CheckerProcess, LocalChecker, PlayReady, Sync, SyncTracker, encode
from tipcase.format.edits import (
    AddChoice,
    AddStage,
    DeleteChoice,
    DeleteStage,
    MoveChoice,
    MoveStage,
    RenameStage,
    SetCaseField,
    SetChoiceField,
    SetExhibit,
    SetStageField,
    SetStart,
)
from tipcase.format.layout_edits import PlaceStages
from tipcase.format.yaml_writer import to_yaml

CASE = bundled.bundled_dir() / "domestic-worker-debt.yaml"


def test_build_a_case_from_nothing_that_validates() -> None:
    document = ScenarioDocument.new("harbour", "Night shift at the harbour")
    assert document.validate().ok
    document.apply(SetStageField("start", "text", {"en": "Three women wait by the boat.", "id": "Tiga perempuan menunggu di dekat kapal."}))
    document.apply(AddStage("referred", {"text": {"en": "Referred to the PPA unit.", "id": "Dirujuk ke unit PPA."}, "end": "success"}))
    document.apply(AddChoice("start", {"label": {"en": "Separate them", "id": "Pisahkan mereka"}, "to": "referred"}))
    document.apply(SetChoiceField("start", 0, "score", {"identification": 2}))
    document.apply(SetChoiceField("start", 0, "feedback", {"en": "Right.", "id": "Benar."}))
    document.apply(RenameStage("start", "harbour"))
    checked = document.validate()
    assert [str(f) for f in checked.findings if f.is_error] == []
    assert document.data["start"] == "harbour"
    assert "end" not in document.stages["harbour"]  # adding a choice made it a stage that leads on
    assert checked.analysis is not None
    assert checked.analysis.max_total == 2


def test_rename_updates_every_choice_and_the_start_and_keeps_the_order() -> None:
    document = ScenarioDocument.load(CASE)
    order = list(document.stages)
    target = order[3]
    pointing = [(sid, i) for sid, s in document.stages.items() for i, c in enumerate(s.get("choices", [])) if c["to"] == target]
    assert pointing
    document.apply(RenameStage(target, "renamed-stage"))
    assert list(document.stages)[3] == "renamed-stage"
    assert all(document.stages[sid]["choices"][i]["to"] == "renamed-stage" for sid, i in pointing)
    assert document.validate().ok


def test_deleting_a_stage_removes_the_choices_into_it_and_undo_restores_them() -> None:
    document = ScenarioDocument.load(CASE)
    before = copy.deepcopy(document.data)
    victim = list(document.stages)[2]
    edit = document.apply(DeleteStage(victim))
    assert victim not in document.stages
    assert all(c["to"] != victim for s in document.stages.values() for c in s.get("choices", []))
    edit.undo(document)
    assert document.data == before
    assert list(document.stages) == list(before["stages"])


@pytest.mark.parametrize(
    "edit",
    [
        DeleteStage("missing"),
        AddStage("Bad Id!"),
        RenameStage("missing", "x"),
        SetStart("missing"),
        DeleteChoice("missing", 0),
        SetChoiceField("missing", 0, "label", "x"),
    ],
    ids=lambda e: type(e).__name__,
)
def test_an_edit_that_cannot_be_made_changes_nothing(edit: Edit) -> None:
    document = ScenarioDocument.load(CASE)
    before = copy.deepcopy(document.data)
    with pytest.raises(EditError):
        edit.redo(document)
    assert document.data == before


def test_the_start_stage_cannot_be_deleted_and_names_cannot_clash() -> None:
    document = ScenarioDocument.load(CASE)
    with pytest.raises(EditError, match="start stage cannot be deleted"):
        document.apply(DeleteStage(document.data["start"]))
    first, second = list(document.stages)[:2]
    with pytest.raises(EditError, match="already exists"):
        document.apply(RenameStage(first, second))


def edits(document: ScenarioDocument, draw: st.DrawFn) -> Edit:
    stage_ids = list(document.stages)
    stage = draw(st.sampled_from(stage_ids))
    count = len(document.stages[stage].get("choices", []))
    kind = draw(st.integers(0, 13))
    exhibit_ids = list(document.data.get("exhibits") or {})
    if kind == 11 and exhibit_ids:
        old = draw(st.sampled_from([*exhibit_ids, None]))
        value = draw(st.sampled_from([None, {"kind": "document", "title": "Note", "text": "A note."}]))
        if old is None and value is None:
            value = {"kind": "photo", "title": "Photo"}
        return SetExhibit(old, draw(st.sampled_from(["note", "renamed", exhibit_ids[0]])), value)
    if kind == 10:
        key = draw(st.sampled_from(["title", "pathway", "variables", "pass_mark", "summary"]))
        return SetCaseField(key, draw(st.sampled_from([None, "x", {"trust": 0}, 80])) if key != "title" else "Another case")
    if kind == 0:
        return AddStage(document.free_id(draw(st.sampled_from(["new", "extra", "stage"]))))
    if kind == 1:
        return DeleteStage(stage)
    if kind == 2:
        return RenameStage(stage, draw(st.sampled_from(["renamed", "other", stage_ids[0]])))
    if kind == 3:
        return SetStart(stage)
    if kind == 4:
        return SetStageField(stage, draw(st.sampled_from(["text", "title", "end"])), draw(st.sampled_from([None, "x", "partial"])))
    if kind == 5 and draw(st.booleans()):  # a drag that pins stages, or an arrangement that forgets their places
        chosen = draw(st.lists(st.sampled_from(stage_ids), min_size=1, max_size=4, unique=True))
        return PlaceStages({stage_id: draw(st.sampled_from([None, (12.34, -5.0)])) for stage_id in chosen})
    if kind == 5:
        return MoveStage(stage, draw(st.floats(-500, 500)), draw(st.floats(-500, 500)))
    if kind == 12:
        return AddStage(document.free_id("copy"), copy.deepcopy(document.stages[stage]), after=stage)
    if kind == 13 and count > 1:
        return MoveChoice(stage, draw(st.integers(0, count - 1)), draw(st.integers(0, count - 1)))
    if kind == 6:
        return AddChoice(stage, {"label": "go", "to": draw(st.sampled_from(stage_ids))}, draw(st.sampled_from([None, 0])))
    if kind == 7 and count:
        return DeleteChoice(stage, draw(st.integers(0, count - 1)))
    if count:
        key, value = draw(st.sampled_from(["label", "score", "hours"])), draw(st.sampled_from([None, 1, "y"]))
        return SetChoiceField(stage, draw(st.integers(0, count - 1)), key, value)
    return SetStart(stage)


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_any_sequence_of_edits_undoes_to_the_original_and_redoes_to_the_result(data: st.DataObject) -> None:
    document = ScenarioDocument.load(CASE)
    original = copy.deepcopy(document.data)
    done: list[tuple[Edit, dict]] = []
    for _ in range(data.draw(st.integers(1, 25))):
        edit = edits(document, data.draw)
        before = copy.deepcopy(document.data)
        try:
            edit.redo(document)
        except EditError:
            assert document.data == before
            continue
        done.append((edit, copy.deepcopy(document.data)))
    final = copy.deepcopy(document.data)
    for edit, after in reversed(done):
        assert document.data == after
        edit.undo(document)
    assert document.data == original
    assert document.to_yaml() == ScenarioDocument(copy.deepcopy(original)).to_yaml()  # key order too
    for edit, after in done:
        edit.redo(document)
        assert document.data == after
    assert document.data == final


def test_case_fields_are_checked_and_undo_restores_their_place() -> None:
    document = ScenarioDocument.load(CASE)
    original = copy.deepcopy(document.data)
    with pytest.raises(EditError, match="case id"):
        document.apply(SetCaseField("id", "Not An Id"))
    with pytest.raises(EditError, match="not a case field"):
        document.apply(SetCaseField("stages", {}))
    with pytest.raises(EditError, match="needs its title"):
        document.apply(SetCaseField("title", None))
    edit = document.apply(SetCaseField("variables", {**document.data["variables"], "informed": False}))
    assert document.validate().ok
    removed = document.apply(SetCaseField("pathway", None))
    edit_list = [edit, removed]
    for done in reversed(edit_list):
        done.undo(document)
    assert document.data == original
    assert list(document.data) == list(original)  # the file's key order too


DV_CASE = bundled.bundled_dir() / "returnee-domestic-violence.yaml"


def test_an_exhibit_renamed_or_deleted_follows_into_the_reveals_and_undoes_exactly() -> None:
    document = ScenarioDocument.load(DV_CASE)
    original = copy.deepcopy(document.data)
    revealing = next(stage_id for stage_id, stage in document.stages.items() if stage.get("reveal") == ["visum"])
    renamed = document.apply(SetExhibit("visum", "medical-report", {**document.data["exhibits"]["visum"], "kind": "document"}))
    assert "visum" not in document.data["exhibits"]
    assert next(iter(document.data["exhibits"])) == "medical-report"  # in the old one's place
    assert document.stages[revealing]["reveal"] == ["medical-report"]
    assert document.validate().ok
    deleted = document.apply(SetExhibit("medical-report", None, None))
    assert "reveal" not in document.stages[revealing]  # nothing left to reveal there
    assert document.validate().ok
    with pytest.raises(EditError, match="already exists"):
        document.apply(SetExhibit(None, "transfers", {"kind": "document", "title": "Again"}))
    with pytest.raises(EditError, match="exhibit id"):
        document.apply(SetExhibit(None, "Bad Id", {"kind": "document", "title": "x"}))
    deleted.undo(document)
    renamed.undo(document)
    assert document.data == original
    assert list(document.stages[revealing]) == list(original["stages"][revealing])


def test_keys_added_by_edits_go_where_the_format_puts_them() -> None:
    document = ScenarioDocument.new()
    document.apply(SetCaseField("variables", {"trust": 0}))
    document.apply(SetExhibit(None, "contract", {"kind": "document", "title": "Contract"}))
    document.apply(SetCaseField("pathway", "id-tip-referral"))
    assert list(document.data) == ["tipcase", "id", "version", "title", "languages", "pathway", "variables", "exhibits", "start", "stages"]
    document.apply(SetStageField("start", "reveal", ["contract"]))
    document.apply(SetStageField("start", "at", "first-contact"))
    assert list(document.stages["start"]) == ["at", "text", "reveal", "end"]
    document.apply(AddChoice("start", {"label": "Go", "to": "start"}))
    document.apply(SetChoiceField("start", 0, "ref", "UU 21/2007"))
    document.apply(SetChoiceField("start", 0, "score", {"identification": 1}))
    assert list(document.stages["start"]["choices"][0]) == ["label", "to", "score", "ref"]


def test_a_duplicate_sits_after_its_original_and_a_moved_choice_renumbers() -> None:
    document = ScenarioDocument.load(CASE)
    original = copy.deepcopy(document.data)
    first = next(iter(document.stages))
    duplicate = document.apply(AddStage("copy", copy.deepcopy(document.stages[first]), after=first))
    assert list(document.stages)[:2] == [first, "copy"]
    assert document.stages["copy"] == document.stages[first]
    labels = [c["label"] for c in document.stages[first]["choices"]]
    moved = document.apply(MoveChoice(first, 0, len(labels) - 1))
    assert [c["label"] for c in document.stages[first]["choices"]] == [*labels[1:], labels[0]]
    with pytest.raises(EditError, match="has no choice"):
        document.apply(MoveChoice(first, 0, 99))
    with pytest.raises(EditError, match="no stage"):
        document.apply(AddStage("other", {"text": "x", "end": "success"}, after="missing"))
    moved.undo(document)
    duplicate.undo(document)
    assert document.data == original


def test_a_file_that_is_not_yaml_or_not_utf8_is_one_line_that_says_where(tmp_path) -> None:  # type: ignore[no-untyped-def]
    broken = tmp_path / "broken.yaml"
    broken.write_text("tipcase: 1\nid: x\nstages:\n  a: {text: [unclosed\n", encoding="utf-8")
    with pytest.raises(EditError, match=rf"^{broken}:5:1: E001 YAML syntax: "):
        ScenarioDocument.load(broken)
    broken.write_bytes(b"tipcase: 1\nid: \xff\n")
    with pytest.raises(EditError, match=rf"^{broken}:2:5: E001 not UTF-8"):
        ScenarioDocument.load(broken)
    broken.write_text("tipcase-pathway: 1\n", encoding="utf-8")
    with pytest.raises(EditError, match="not a scenario file"):
        ScenarioDocument.load(broken)
    broken.write_text("\ufefftipcase: 1\nid: x\nstages: {}\n", encoding="utf-8")  # a byte-order mark is fine
    assert ScenarioDocument.load(broken).data["id"] == "x"


def test_form_text_reads_effects_scores_hours_and_ids() -> None:
    assert form_text.parse_effects(" consent: TRUE, trust: -2 ,", booleans=True) == {"consent": True, "trust": -2}
    assert form_text.format_effects({"consent": True, "trust": -2}) == "consent: true, trust: -2"
    assert form_text.parse_scores("identification: 2, victim_care: -1") == {"identification": 2, "victim_care": -1}
    assert form_text.format_scores({"identification": 2}) == "identification: 2"
    assert form_text.parse_hours("1,5") == 1.5  # the Indonesian decimal comma
    assert form_text.parse_hours("2.0") == 2
    assert isinstance(form_text.parse_hours("2.0"), int)
    assert form_text.parse_hours("") is None
    assert form_text.parse_hours("0") is None
    assert form_text.format_hours(1.5) == "1.5"
    assert form_text.format_hours(True) == ""
    assert form_text.parse_ids(" chat-log,, contract ") == ["chat-log", "contract"]
    assert form_text.parse_ids(" ") is None


@pytest.mark.parametrize(
    ("read", "text", "problem", "part"),
    [
        (lambda t: form_text.parse_effects(t, booleans=True), "consent", "variable-pair", "consent"),
        (lambda t: form_text.parse_effects(t, booleans=True), "consent: yes", "value", "consent: yes"),
        (lambda t: form_text.parse_effects(t, booleans=False), "trust: true", "number", "trust: true"),
        (form_text.parse_scores, "identification 2", "score-pair", "identification 2"),
        (form_text.parse_scores, "identification: two", "points", "identification: two"),
        (form_text.parse_hours, "an hour", "hours", "an hour"),
    ],
)
def test_form_text_that_stands_for_no_value_says_which_part(read, text: str, problem: str, part: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(form_text.FormTextError) as raised:
        read(text)
    assert (raised.value.problem, raised.value.part) == (problem, part)
    assert str(raised.value).startswith(f"'{part}': ")


def test_form_text_keeps_the_languages_a_form_does_not_show() -> None:
    original = {"en": "Wait", "id": "Tunggu", "ms": "Tunggu dulu"}
    assert form_text.bilingual(original, "Wait here", "Tunggu di sini") == {"en": "Wait here", "id": "Tunggu di sini", "ms": "Tunggu dulu"}
    assert form_text.bilingual("Wait", "Wait", "") == "Wait"  # a plain string left as it was stays plain
    assert form_text.bilingual("Wait", "Wait", "Tunggu") == {"en": "Wait", "id": "Tunggu"}
    assert form_text.bilingual(None, "", "") is None
    empty = {"en": "", "id": ""}
    assert form_text.bilingual(empty, "", "") is empty  # untouched, even when empty
    assert form_text.text_of("Wait", "id") == ""
    assert form_text.text_of(original, "ms") == "Tunggu dulu"
    assert form_text.edited_text(original, "Wait", "Wait") is original  # untouched: unchanged
    assert form_text.edited_text(original, "Wait", "Stop") == {**original, "en": "Stop"}
    assert form_text.edited_text(original, "Wait", "") is None
    assert form_text.edited_text("Wait", "Wait", "Stop") == "Stop"


def _mirror_follows(document: ScenarioDocument) -> tuple[SyncTracker, LocalChecker]:
    tracker, checker = SyncTracker(document), LocalChecker()
    checker.request(encode("check", tracker.take()))
    return tracker, checker


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_the_checkers_mirror_follows_any_sequence_of_edits_and_undos(data: st.DataObject) -> None:
    document = ScenarioDocument.load(CASE)
    tracker, checker = _mirror_follows(document)
    done: list[Edit] = []
    for _ in range(data.draw(st.integers(1, 12))):
        if done and data.draw(st.booleans()):
            done.pop().undo(document)
        else:
            edit = edits(document, data.draw)
            with contextlib.suppress(EditError):
                edit.redo(document)
                done.append(edit)
        if data.draw(st.booleans()):  # the editor syncs after some edits, not after each
            checker.request(encode("check", tracker.take()))
    checker.request(encode("check", tracker.take()))
    assert to_yaml(checker.mirror.data) == document.to_yaml()  # the same data, key order included


def test_moved_stages_reach_the_mirror_as_their_places_alone_key_order_and_undo_included() -> None:
    document = ScenarioDocument.load(CASE)
    first, second = list(document.stages)[:2]
    document.stages[first] = {"layout": {"x": 1.0, "y": 2.0}, **document.stages[first]}  # placed first, as a hand may write it
    document.source_text = None
    tracker, checker = _mirror_follows(document)
    moves = EditGroup([MoveStage(first, 10.0, 20.0), MoveStage(second, 30.0, 40.0)])
    document.apply(moves)
    sync = tracker.take()
    assert sync.stages == {}
    assert set(sync.layouts) == {first, second}
    checker.request(encode("check", sync))
    assert to_yaml(checker.mirror.data) == document.to_yaml()
    later = [
        document.apply(SetStageField(first, "title", {"en": "Moved", "id": "Dipindah"})),
        document.apply(SetStageField(first, "layout", None)),
    ]
    sync = tracker.take()
    assert set(sync.stages) == {first}
    assert sync.layouts == {}
    checker.request(encode("check", sync))
    for edit in [*reversed(later), moves]:  # the places taken back, each key where it was
        edit.undo(document)
    checker.request(encode("check", tracker.take()))
    assert to_yaml(checker.mirror.data) == document.to_yaml()


def test_placing_many_stages_is_one_edit_that_its_undo_takes_back_exactly() -> None:
    document = ScenarioDocument.load(CASE)
    first, second, third = list(document.stages)[:3]
    document.stages[first] = {"layout": {"x": 1.0, "y": 2.0}, **document.stages[first]}  # placed first, as a hand may write it
    before = copy.deepcopy(document.data)
    noticed: list[list] = []  # type: ignore[type-arg]
    document.subscribe(noticed.append)
    with pytest.raises(EditError):
        document.apply(PlaceStages({second: (5.0, 6.0), "ghost": None}))
    assert document.data == before
    placing = document.apply(PlaceStages({first: None, second: (10.04, 20.06), third: None}))
    assert "layout" not in document.stages[first]
    assert document.stages[second]["layout"] == {"x": 10.0, "y": 20.1}
    assert len(noticed) == 1  # one notice list for the whole arrangement
    assert {change.stage for change in noticed[0]} == {first, second, third}
    placing.undo(document)
    assert document.to_yaml() == to_yaml(before)  # every place back, key order included
    assert next(iter(document.stages[first])) == "layout"


def test_the_mirror_finds_what_the_validator_finds_in_the_documents_text() -> None:
    document = ScenarioDocument.load(bundled.bundled_dir() / "returnee-domestic-violence.yaml")
    tracker, checker = _mirror_follows(document)
    first = checker.request(encode("check", tracker.take()))
    assert first.findings == []
    assert "victim_care" in first.competencies
    assert first.pathway == "id-gbv-integrated-services"
    intake = next(iter(document.stages))
    document.apply(SetChoiceField(intake, 0, "feedback", None))  # W103
    document.apply(SetChoiceField(intake, 1, "to", "nowhere"))  # E003, and stages it reached become E006
    document.apply(SetStageField(intake, "text", {"en": "Only English"}))  # W101
    document.apply(AddStage("lonely", {"text": {"en": "x", "id": "y"}, "choices": [{"label": "z", "to": "lonely", "when": "mood"}]}))
    report = checker.request(encode("check", tracker.take()))

    def found(findings: list) -> set:  # type: ignore[type-arg]
        return {(f.code, f.message, f.location) for f in findings}

    assert found(report.findings) == found(document.validate().findings)  # lines and columns of changed parts are 1:1
    assert {"W103", "E003", "W101", "E009"} <= {f.code for f in report.findings}


def test_the_checker_process_checks_and_writes_the_autosave_and_starts_afresh_after_a_failure(tmp_path) -> None:  # type: ignore[no-untyped-def]
    document = ScenarioDocument.load(CASE)
    tracker, checker = SyncTracker(document), CheckerProcess()
    try:
        assert checker.request(encode("check", tracker.take())).findings == []
        document.apply(SetStageField(next(iter(document.stages)), "title", {"en": "Edited", "id": "Diubah"}))
        target = tmp_path / "autosave" / "case.yaml"
        assert checker.request(encode("write", tracker.take(), str(target))) is None
        assert ScenarioDocument.load(target).data == document.data
        with pytest.raises(RuntimeError, match="KeyError"):  # a sync that does not fit the mirror
            checker.request(encode("check", Sync("x.yaml", keys=["tipcase"], stage_order=["ghost"])))
        tracker.restart()
        assert checker.request(encode("check", tracker.take())).findings == []
    finally:
        checker.close()


def test_a_play_request_sends_back_the_case_as_it_stood_and_its_first_blocking_error() -> None:
    document = ScenarioDocument.load(CASE)
    tracker, checker = SyncTracker(document), CheckerProcess()
    try:
        first = next(iter(document.stages))
        document.apply(SetStageField(first, "title", {"en": "Edited", "id": "Diubah"}))
        ready = checker.request(encode("play", tracker.take()))
        assert isinstance(ready, PlayReady)
        assert ready.blocking is None
        assert ready.report.findings == []
        assert ready.report.scenario_loaded
        assert ready.scenario is not None
        assert ready.scenario.stages[first].title.values["en"] == "Edited"
        assert ready.pathway is not None
        assert ready.pathway.id == ready.report.pathway
        again = checker.request(encode("play", tracker.take()))  # nothing changed: the same check, sent again
        assert again.report.seconds == ready.report.seconds
        chooser = next(stage_id for stage_id, stage in document.stages.items() if stage.get("choices"))
        document.apply(SetChoiceField(chooser, 0, "when", "undeclared_thing >= 1"))  # E009 stops a play
        blocked = checker.request(encode("play", tracker.take()))
        assert blocked.blocking is not None
        assert blocked.blocking.code == "E009"
        assert blocked.scenario is None
        assert blocked.pathway is None
    finally:
        checker.close()


COLLECTING = """
import gc
from tipcase.format.document_check import Collector

class Part:
    pass

def cycles(count):
    made = []
    for _ in range(count):
        a, b = Part(), Part()
        a.other, b.other = b, a
        made.append(a)
    return made

collector = Collector()
collector.pause()
kept = cycles(5_000)
collector.between_requests()
first = gc.get_freeze_count()
for _ in range(40):  # each request leaves the last one's cycles as garbage, frozen by then
    kept = cycles(5_000)
    collector.between_requests()
    assert not gc.isenabled()  # never during a request
    assert gc.get_freeze_count() <= 2 * first + 20_000, (gc.get_freeze_count(), first)
"""


def test_the_checker_collects_between_requests_and_frees_old_cycles() -> None:
    """The checker's collector reads only new objects after each answer, yet frees cycles that became garbage once frozen."""
    subprocess.run([sys.executable, "-c", COLLECTING], check=True, cwd=Path(__file__).resolve().parents[1], timeout=120)
