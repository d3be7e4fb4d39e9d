"""Import a Twine story or an H5P Branching Scenario from the app: the summary, every warning line, and saving the scenario file.

The import itself is the core's (``tipcase.importers``), run off the UI thread; this dialog only shows
what it produced and saves it where the trainer chooses (atomically, never over a file silently:
the save dialog asks before replacing).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QLabel, QMessageBox, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from ui.errors import core_text, user_message

translate = QCoreApplication.translate


def choose_story(parent: QWidget) -> Path | None:
    """Ask for a Twine story or an H5P package to import; None when the trainer cancels."""
    name, _ = QFileDialog.getOpenFileName(
        parent,
        translate("TwineImportDialog", "Import a Twine story or an H5P scenario"),
        "",
        translate(
            "TwineImportDialog",
            "Twine and H5P (*.twee *.tw *.txt *.html *.htm *.h5p *.json);;Twine stories (*.twee *.tw *.txt *.html *.htm);;"
            "H5P Branching Scenario (*.h5p *.json);;All files (*)",
        ),
    )
    return Path(name) if name else None


def read_story(path: Path) -> tuple[Any, list[str]]:
    """Off the UI thread: the core's import of ``path`` and the validator's errors on what it made (expected none).

    Raises what ``tipcase.importers.import_file`` raises for a file it cannot read (one line each).
    """
    from tipcase.format.validator import check_text  # noqa: PLC0415 - the validator loads when a story is imported
    from tipcase.importers import import_file  # noqa: PLC0415

    imported = import_file(path)
    errors = [str(f) for f in check_text(imported.yaml_text, f"{imported.scenario['id']}.yaml").findings if f.is_error]
    return imported, errors


class TwineImportDialog(QDialog):
    """What an import from Twine or H5P became (stages, choices, warnings), and saving it as a scenario file."""

    def __init__(self, imported: Any, errors: list[str], source: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.imported = imported
        self.source = source
        self.saved_to: Path | None = None
        self.setWindowTitle(self.tr("Imported from {name}").format(name=source.name))
        if getattr(imported, "kind", "twine") == "h5p":
            made_of = self.tr("%n H5P item(s)", "", imported.passages)
        else:
            made_of = self.tr("%n passage(s)", "", imported.passages)
        summary = self.tr("{source} became {stages} and {choices}.").format(
            source=made_of, stages=self.tr("%n stage(s)", "", imported.stages), choices=self.tr("%n choice(s)", "", imported.choices)
        )
        if errors:  # never expected: the importer's output is made to validate
            summary += " " + self.tr("The validator still finds %n error(s): {first}", "", len(errors)).format(first=errors[0])
        else:
            summary += " " + self.tr("The case validates with no error.")
        self.summary = QLabel(
            summary + " " + self.tr("Save it, then add scores, feedback, the pathway and the second language before publishing.")
        )
        self.summary.setWordWrap(True)
        self.notes_label = QLabel(self.tr("%n warning(s): what was changed or left out", "", len(imported.notes)))
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)  # Tab leaves the notes (no trap)
        self.notes.setReadOnly(True)
        self.notes.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.notes.setPlainText("\n".join(self.warning_line(note) for note in imported.notes) or self.tr("Nothing was left out."))
        self.notes.setAccessibleName(self.tr("Import warnings"))
        self.notes_label.setBuddy(self.notes)
        self.save_button = QPushButton(self.tr("&Save the scenario…"))
        self.save_button.clicked.connect(self.choose_target)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.notes_label)
        layout.addWidget(self.notes, 1)
        layout.addWidget(buttons)
        self.resize(820, 480)

    def warning_line(self, note: Any) -> str:
        """``PATH:LINE:COL: warning: ...`` in the interface language (the core's template translated), as one line."""
        from tipcase.importers.story import one_line  # noqa: PLC0415 - the importers load when a story is imported

        what = self.tr("warning: {message}").format(message=core_text(note.message))
        return one_line(f"{note.path}:{note.line}:{note.col}: {what}")

    def choose_target(self) -> None:
        suggested = str(self.source.with_name(f"{self.imported.scenario['id']}.yaml"))
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save the scenario"), suggested, self.tr("Scenario (*.yaml)"))
        if name:
            self.save(Path(name))

    def save(self, target: Path) -> None:
        from tipcase.importers import ImportFailed, save_imported  # noqa: PLC0415

        try:
            save_imported(self.imported, target)
        except (OSError, ImportFailed) as exc:
            QMessageBox.warning(self, self.windowTitle(), user_message(exc))
            return
        self.saved_to = target
        self.accept()
