"""The trainee's app, driven through its widgets: sign-in, home, player, debrief, resume, languages."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from tests.gui import make_context, open_window, seeded_url
from tests.records import BEST, CASE, SENT_HOME, route

from ui.main_window import MainWindow
from ui.models.courses import CourseTreeModel
from ui.models.decisions import DecisionListModel
from ui.models.exhibits import ExhibitListModel
from ui.settings import LANGUAGE, LAST_USERNAME, Setting

pytestmark = pytest.mark.gui


@pytest.fixture
def url(tmp_path: Path) -> str:
    return seeded_url(tmp_path)


@pytest.fixture
def window(qtbot, tmp_path: Path, url: str) -> MainWindow:  # type: ignore[no-untyped-def]
    return open_window(qtbot, make_context(tmp_path, url))


def sign_in(qtbot, window: MainWindow, username: str = "demo-trainee", password: str = "demo-trainee") -> None:  # type: ignore[no-untyped-def]
    page = window.sign_in_page
    page.username.clear()
    qtbot.keyClicks(page.username, username)
    qtbot.keyClicks(page.password, password)
    qtbot.mouseClick(page.button, Qt.MouseButton.LeftButton)


def play_with_clicks(qtbot, window: MainWindow, numbers: list[int]) -> None:  # type: ignore[no-untyped-def]
    player = window.player_page()
    if player.warning.isVisible():
        qtbot.mouseClick(player.warning_continue, Qt.MouseButton.LeftButton)
    for number in numbers:
        if player.feedback.isVisible():  # a resumed case shows its last choice's feedback again first
            qtbot.mouseClick(player.feedback_continue, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(player._choice_buttons[number - 1], Qt.MouseButton.LeftButton)
        if player.feedback.isVisible():
            assert player.feedback_text.text().startswith("<p><b>You chose:</b>")
            qtbot.mouseClick(player.feedback_continue, Qt.MouseButton.LeftButton)


def test_a_whole_attempt_from_sign_in_to_debrief(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    assert not window.sign_in_page.button.isEnabled() or window.context.db is not None
    sign_in(qtbot, window)
    home = window.home_page()
    assert window.current_page() is home
    assert home.model.rowCount() == 1
    assert home.start_button.text() == "&Start"
    qtbot.mouseClick(home.start_button, Qt.MouseButton.LeftButton)
    player = window.player_page()
    assert window.current_page() is player
    assert player.warning.isVisible()
    assert not player.choices_box.isVisible()  # the content warning comes first
    play_with_clicks(qtbot, window, BEST)
    assert player.play is not None
    assert player.play.finished
    assert player.end_button.isVisible()
    qtbot.mouseClick(player.end_button, Qt.MouseButton.LeftButton)
    debrief = window.debrief_page()
    assert window.current_page() is debrief
    assert "Passed" in debrief.verdict.text()
    assert "Your score: 100 %" in debrief.verdict.text()
    assert debrief.decisions.rowCount() == len(BEST)
    debrief.decision_list.setCurrentIndex(debrief.decisions.index(2))
    assert "Reference" in debrief.detail.toPlainText()
    assert "UU 21/2007" in debrief.detail.toPlainText()
    assert debrief.route_map.node_ids()[0] == "arrival"
    qtbot.mouseClick(debrief.back, Qt.MouseButton.LeftButton)
    assert window.current_page() is home
    assert home.model.data(home.model.index(0, 1, home.model.index(0, 0))) == "Passed"
    assert home.debrief_button.isVisible()


def test_a_failed_attempt_says_why(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    sign_in(qtbot, window)
    qtbot.mouseClick(window.home_page().start_button, Qt.MouseButton.LeftButton)
    held = route(CASE, {"arrival": "Hand him to the airport police"})  # held overnight as a fraud suspect: a critical error
    play_with_clicks(qtbot, window, held)
    qtbot.mouseClick(window.player_page().end_button, Qt.MouseButton.LeftButton)
    verdict = window.debrief_page().verdict.text()
    assert "Not passed" in verdict
    assert "Critical error: Locking up a presumed trafficking victim" in verdict
    assert "Pathway rule broken: Safety and medical care are not optional" in verdict


def test_the_player_shows_what_the_service_recorded(qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """The feedback is the recorded decision's: its rating and the stage it was taken at come from the service, not the window."""
    from tipcase.play.ratings import Rating
    from tipcase.services import desktop

    decide = desktop.decide

    def recorded_as_critical(*args, **kwargs):  # type: ignore[no-untyped-def]
        return dataclasses.replace(decide(*args, **kwargs), rating=Rating.CRITICAL)

    monkeypatch.setattr(desktop, "decide", recorded_as_critical)
    sign_in(qtbot, window)
    qtbot.mouseClick(window.home_page().start_button, Qt.MouseButton.LeftButton)
    player = window.player_page()
    qtbot.mouseClick(player.warning_continue, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(player._choice_buttons[BEST[0] - 1], Qt.MouseButton.LeftButton)  # good practice, as the case rates it
    assert player.feedback.isVisible()
    assert "Critical error" in player.feedback_text.text()  # the rating the service returned is the one shown
    assert player.shown is not None
    assert player.shown.stage.id == "arrival"  # over the stage where the choice was taken, as recorded
    assert player.play is not None
    assert player.play.language == "en"  # the window never sets the attempt's language on the play


def test_wrong_password_and_lockout_messages(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    for _ in range(5):
        sign_in(qtbot, window, password="not-the-password")
        assert window.sign_in_page.status.text() == "Wrong username or password."
        window.sign_in_page.password.clear()
    sign_in(qtbot, window)
    assert window.sign_in_page.status.text().startswith("This account is locked after five failed sign-ins.")
    assert window.current_page() is window.sign_in_page


def test_resume_after_a_crash(qtbot, tmp_path: Path, url: str) -> None:  # type: ignore[no-untyped-def]
    first = open_window(qtbot, make_context(tmp_path, url))
    sign_in(qtbot, first)
    qtbot.mouseClick(first.home_page().start_button, Qt.MouseButton.LeftButton)
    play_with_clicks(qtbot, first, BEST[:3])
    # the workstation dies here: no clean close, nothing saved but what each decision committed
    (tmp_path / "restarted").mkdir()
    second = open_window(qtbot, make_context(tmp_path / "restarted", url))
    sign_in(qtbot, second)
    home = second.home_page()
    row = home.model.scenario_at(home.tree.currentIndex())
    assert row is not None
    assert (row.status, row.unfinished_attempt_id is not None) == ("in progress", True)
    assert home.start_button.text() == "&Resume"
    qtbot.mouseClick(home.start_button, Qt.MouseButton.LeftButton)
    player = second.player_page()
    assert player.play is not None
    assert player.play.route == ["arrival", "medical", "screening", "non-punishment"]
    assert not player.warning.isVisible()  # already accepted before the crash
    assert player.feedback.isVisible()  # the feedback on screen when the workstation died, again
    assert "Good practice" in player.feedback_text.text()
    assert "Record the indicators" in player.feedback_text.text()
    assert player.stage_title.text() == "<h3>Screening interview</h3>"  # over the stage where the choice was taken
    play_with_clicks(qtbot, second, BEST[3:])
    assert player.play.finished
    assert player.play.result().total_percent == 100.0


def test_language_switch_at_runtime_and_remembered(qtbot, tmp_path: Path, url: str, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    page = window.sign_in_page
    assert page.button.text() == "Sign in"
    page.language.setCurrentIndex(1)  # Bahasa Indonesia
    assert page.button.text() == "Masuk"
    assert window.file_menu.title() == "&Berkas"
    assert window.context.settings.get(LANGUAGE) == "id"
    sign_in(qtbot, window)
    home = window.home_page()
    assert home.model.data(home.model.index(0, 1, home.model.index(0, 0))) == "Belum dimulai"
    qtbot.mouseClick(home.start_button, Qt.MouseButton.LeftButton)
    player = window.player_page()
    assert "Terminal kedatangan" in player.stage_title.text()
    window.language_actions["en"].trigger()
    assert "Arrivals hall" in player.stage_title.text()
    assert player.choices_box.title() == "What do you do? (keys 1-9)"
    window.language_actions["id"].trigger()
    assert player.clock.text() == "Waktu kasus: 0 jam"
    again = make_context(tmp_path, url, language=window.context.settings.get(LANGUAGE))
    assert again.language == "id"


def test_keyboard_only_play(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    page = window.sign_in_page
    page.username.setFocus()
    qtbot.keyClicks(page.username, "demo-trainee")
    qtbot.keyClick(page.username, Qt.Key.Key_Return)  # moves to the password
    assert page.password.hasFocus() or window.focusWidget() is page.password
    qtbot.keyClicks(page.password, "demo-trainee")
    qtbot.keyClick(page.password, Qt.Key.Key_Return)
    home = window.home_page()
    assert window.current_page() is home
    qtbot.keyClick(home.tree, Qt.Key.Key_Return)  # Enter on the selected case starts it
    player = window.player_page()
    assert window.current_page() is player
    qtbot.keyClick(player.warning_continue, Qt.Key.Key_Space)
    for number in BEST:
        qtbot.keyClick(player, getattr(Qt.Key, f"Key_{number}"))
        if player.feedback.isVisible():
            qtbot.keyClick(player.feedback_continue, Qt.Key.Key_Space)
    assert player.play is not None
    assert player.play.finished
    qtbot.keyClick(player.end_button, Qt.Key.Key_Space)
    debrief = window.debrief_page()
    assert window.current_page() is debrief
    debrief.decision_list.setFocus()
    qtbot.keyClick(debrief.decision_list, Qt.Key.Key_Down)
    qtbot.keyClick(debrief.decision_list, Qt.Key.Key_Down)
    assert debrief.decision_list.currentIndex().row() == 2
    assert "You chose" in debrief.detail.toPlainText()


def test_every_interactive_widget_has_an_accessible_name(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    sign_in(qtbot, window)
    qtbot.mouseClick(window.home_page().start_button, Qt.MouseButton.LeftButton)
    player = window.player_page()
    qtbot.mouseClick(player.warning_continue, Qt.MouseButton.LeftButton)
    for widget in (player.text, player.choices_box, player.exhibit_list, player.trail_map, *player._choice_buttons):
        assert widget.accessibleName(), widget
    assert player._choice_buttons[BEST[0] - 1].accessibleName().startswith(f"{BEST[0]}. Take him to a quiet room")


def test_an_unreachable_database_is_a_message_not_a_crash(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: shown.append(args[2]) or QMessageBox.StandardButton.Close)
    window = open_window(qtbot, make_context(tmp_path, "postgresql://nobody@127.0.0.1:1/none"))
    assert window.sign_in_page.status.text().startswith("The records database cannot be reached (127.0.0.1:1/none): check that the server")
    assert shown
    assert not window.sign_in_page.button.isEnabled()


def test_geometry_remembered_but_never_who_signed_in(qtbot, tmp_path: Path, url: str) -> None:  # type: ignore[no-untyped-def]
    """On a shared workstation (walk D, finding 15) a new window or the next person never sees who signed in last."""
    make_context(tmp_path, url).settings.set(LAST_USERNAME, "demo-trainer")  # as an older version kept it
    window = open_window(qtbot, make_context(tmp_path, url))
    assert window.sign_in_page.username.text() == ""
    sign_in(qtbot, window)
    window.resize(700, 520)  # within the offscreen platform's 800 x 600 screen
    window.sign_out()
    assert window.sign_in_page.username.text() == ""
    window.close()
    context = make_context(tmp_path, url)
    assert context.settings.get(LAST_USERNAME) == ""
    again = open_window(qtbot, context)
    assert again.sign_in_page.username.text() == ""
    assert (again.width(), again.height()) == (700, 520)


def test_settings_refuse_undeclared_keys(tmp_path: Path, url: str) -> None:
    context = make_context(tmp_path, url)
    with pytest.raises(KeyError):
        context.settings.get(Setting("ui/colour", str, "", "not declared"))


def test_item_models_pass_the_model_tester(qtmodeltester, qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    sign_in(qtbot, window)
    home_model: CourseTreeModel = window.home_page().model
    qtmodeltester.check(home_model)
    qtbot.mouseClick(window.home_page().start_button, Qt.MouseButton.LeftButton)
    play_with_clicks(qtbot, window, BEST)
    exhibits: ExhibitListModel = window.player_page().exhibits
    qtmodeltester.check(exhibits)
    qtbot.mouseClick(window.player_page().end_button, Qt.MouseButton.LeftButton)
    decisions: DecisionListModel = window.debrief_page().decisions
    qtmodeltester.check(decisions)


def test_a_scheme_change_redraws_the_debrief(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    sign_in(qtbot, window)
    qtbot.mouseClick(window.home_page().start_button, Qt.MouseButton.LeftButton)
    play_with_clicks(qtbot, window, SENT_HOME)
    qtbot.mouseClick(window.player_page().end_button, Qt.MouseButton.LeftButton)
    debrief = window.debrief_page()
    before = debrief.route_map.scene().items()[0]
    window._scheme_changed(Qt.ColorScheme.Dark)
    assert debrief.route_map.scene().items()[0] is not before  # drawn anew with the scheme's colours


def test_the_graph_view_lays_out_a_big_case(qtbot) -> None:  # type: ignore[no-untyped-def]
    from ui.widgets.graph_view import EdgeSpec, GraphView, NodeSpec

    view = GraphView()
    qtbot.addWidget(view)
    nodes = [NodeSpec(f"s{n}", f"Stage {n}") for n in range(80)]
    edges = [EdgeSpec(f"s{n}", f"s{m}") for n in range(78) for m in (n + 1, n + 2)]
    view.set_graph(nodes, edges, "s0")
    rects = [item.sceneBoundingRect() for item in view._nodes.values()]
    assert len(rects) == 80
    assert not any(a.intersects(b) for i, a in enumerate(rects) for b in rects[i + 1 :])
    assert view.transform().m11() >= 0.55  # never shrunk past legibility; pan to see the rest


def test_two_windows_on_one_attempt_do_not_cross(qtbot, tmp_path: Path, url: str) -> None:  # type: ignore[no-untyped-def]
    first = open_window(qtbot, make_context(tmp_path, url))
    (tmp_path / "second").mkdir()
    second = open_window(qtbot, make_context(tmp_path / "second", url))
    for window in (first, second):
        sign_in(qtbot, window)
        qtbot.mouseClick(window.home_page().start_button, Qt.MouseButton.LeftButton)
        if window.player_page().warning.isVisible():  # the attempt begins past the content warning
            qtbot.mouseClick(window.player_page().warning_continue, Qt.MouseButton.LeftButton)
    assert first.player_page().attempt_id == second.player_page().attempt_id > 0  # one open attempt
    play_with_clicks(qtbot, first, BEST[:2])
    later = second.player_page()
    qtbot.mouseClick(later._choice_buttons[1], Qt.MouseButton.LeftButton)  # answers the first stage, which the case has left
    assert later.play is not None
    assert [d.number for d in later.play.decisions] == BEST[:2]  # where it stands now
    assert later.feedback.isVisible()
    assert "your last choice was not recorded" in later.feedback_text.text()
    qtbot.mouseClick(later.feedback_continue, Qt.MouseButton.LeftButton)
    assert later.choices_box.isVisible()


def test_staff_are_told_why_their_home_lists_no_course(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    sign_in(qtbot, window, "demo-trainer", "demo-trainer")
    qtbot.waitUntil(lambda: window.current_page() is window.cohorts_page(), timeout=5000)  # a trainer lands on their cohorts
    window.show_home()  # and My courses, opened, says why it lists nothing
    home = window.home_page()
    qtbot.waitUntil(lambda: home.detail.text().startswith("You take no course yourself"), timeout=5000)
    assert home.model.rowCount() == 0  # every course is theirs to run, none theirs to play: no Start button that would be refused
    assert not home.start_button.isVisible()
