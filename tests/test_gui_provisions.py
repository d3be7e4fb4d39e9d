"""The debrief shows what the cited provisions say, beside the decision, in the interface language."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from tests.gui import make_context, seeded_url
from tests.records import BEST, play_through
from tipcase.services import accounts, desktop
from tipcase.store.database import Database

from ui.models.decisions import PROVISIONS_ROLE, ProvisionNote
from ui.pages.debrief import DebriefPage


def _debrief(tmp_path: Path) -> tuple[str, desktop.Debrief]:
    url = seeded_url(tmp_path)
    db = Database(url)
    attempt_id = play_through(db, "demo-trainee", BEST)
    with db.reading() as session:
        account_id = accounts.get_user(session, "demo-trainee").id
    debrief = desktop.debrief(db, account_id, attempt_id)
    db.dispose()
    return url, debrief


def _row_citing(page: DebriefPage, citation: str) -> int:
    for row in range(page.decisions.rowCount()):
        notes: list[ProvisionNote] = page.decisions.index(row).data(PROVISIONS_ROLE)
        if any(n.citation == citation for n in notes):
            return row
    raise AssertionError(f"no decision cites {citation}")


def test_the_decision_shows_the_summary_of_what_it_cites_in_both_languages(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    url, debrief = _debrief(tmp_path)
    assert debrief.provisions, "the debrief service looks the refs up in the register"
    context = make_context(tmp_path, url)
    page = DebriefPage(context)
    qtbot.addWidget(page)
    page.load(debrief)
    row = _row_citing(page, "UU 21/2007 Art. 18")
    page.decision_list.setCurrentIndex(page.decisions.index(row))
    text = page.detail.toPlainText()
    assert "What the law says" in text
    assert "A victim who commits an offence because the trafficker forced them to is not to be punished." in text
    assert "Law 21/2007 on the Eradication of the Crime of Trafficking in Persons" in text
    tooltip = page.decisions.index(row).data(Qt.ItemDataRole.ToolTipRole)
    assert tooltip.startswith("UU 21/2007 Art. 18: A victim who commits an offence")

    context.set_language("id")
    page.decision_list.setCurrentIndex(page.decisions.index(row))
    text = page.detail.toPlainText()
    assert "Korban yang melakukan tindak pidana karena dipaksa pelaku perdagangan orang tidak dipidana." in text
    assert "UU 21/2007 tentang Pemberantasan Tindak Pidana Perdagangan Orang" in text
    assert "UU 21/2007 Pasal 18" in text, "the citation in the reader's own words"
    assert "Art. 18" not in text.split("Bunyi ketentuan hukumnya")[1]
