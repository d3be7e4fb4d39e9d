"""Play from here names a choice's points by competency, in the interface language, as the debrief does
(it said 'identification +3', the case file's id)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.gui import make_context, open_window, seeded_url
from tipcase import bundled

pytestmark = pytest.mark.gui


@pytest.mark.parametrize(("language", "name"), [("en", "Victim identification"), ("id", "Identifikasi korban")])
def test_play_from_here_names_the_competencies_a_choice_scores(qtbot, tmp_path: Path, language: str, name: str) -> None:  # type: ignore[no-untyped-def]
    context = make_context(tmp_path, seeded_url(tmp_path), language)
    window = open_window(qtbot, context)
    window.sign_in("demo-trainer", "demo-trainer")
    window.show_editor(bundled.bundled_dir() / "fake-internship.yaml")
    page = window.editor_page()
    page.select("screening")
    page.edits.play_from_selected()
    dialog = page.edits.play_from_here
    qtbot.addWidget(dialog)
    scored = next(n for n, choice in enumerate(dialog.play.stage.choices, 1) if "identification" in choice.score)
    dialog.choose(scored)
    said = dialog.last.text()
    assert name in said
    assert "<br>identification" not in said  # never the id
    context.set_language("en")
