"""The editor's file session: open, save, save as, autosave and its restore, and publish.

The bundled cases are one click away (a menu on *Open…*); the library itself is kept as installed: a
bundled case changed in the editor is saved where the trainer chooses, and autosaved in the home folder.

A file is read the way the validator reads it (``ScenarioDocument.load``), so a file that is not YAML is
one line that says where (``PATH:LINE:COL: E001 ...``), never an exception. Saving and the autosave are
written by the checker process (``ui.editor.checking``), so the window never waits for the YAML emitter.
Unsaved work is written beside the file (``.NAME.autosave``) a few seconds after each change and offered
back when the file is opened again; saving or discarding removes it.
"""

from __future__ import annotations

import contextlib
import functools
import gc
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCollator, QElapsedTimer, QEventLoop, QLocale, QObject, Qt, QThread, QTimer
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox

from tipcase import bundled
from tipcase.format.document import EditError, ScenarioDocument
from tipcase.format.form_text import text_of
from tipcase.format.yaml_source import gc_paused

from ui import file_dialogs
from ui.errors import user_message
from ui.wording import sentence

if TYPE_CHECKING:
    from ui.editor.page import EditorPage

AUTOSAVE_MS = 3000


def in_library(path: Path) -> bool:
    """Whether a file is one of the bundled library's (kept as installed: a changed copy is saved elsewhere)."""
    try:
        return path.resolve().parent == bundled.bundled_dir().resolve()
    except OSError:
        return False


class FileSession(QObject):
    """The file behind the editor's document: where it came from, where it goes, and its autosave."""

    def __init__(self, page: EditorPage) -> None:
        super().__init__(page)
        self.page = page
        self.autosave = QTimer(self)
        self.autosave.setSingleShot(True)
        self.autosave.setInterval(AUTOSAVE_MS)
        self.autosave.timeout.connect(self.write_autosave)
        self._epoch = 0  # counts saves and discards: an autosave written before the last one is stale
        self.saving = 0  # saves on their way to the file (``save_to``)
        self.save_failed = False  # the last save could not be written

    @property
    def document(self) -> ScenarioDocument:
        return self.page.document

    def changed(self) -> None:
        """The document changed: autosave a few seconds from now, unless it is as saved."""
        if not self.page.undo_stack.isClean():
            self.autosave.start()

    def confirm_discard(self) -> bool:
        """Before the document is replaced or the editor left: save, discard or stay. True to go on."""
        if not self.page.commit_form():
            return False
        if self.page.undo_stack.isClean():
            return True
        buttons = QMessageBox.StandardButton
        name = self.document.path.name if self.document.path else self.tr("the unsaved case")
        answer = QMessageBox.question(
            self.page,
            self.tr("Scenario editor"),
            self.tr("Save the changes to {name}?").format(name=name),
            buttons.Save | buttons.Discard | buttons.Cancel,
            buttons.Save,
        )
        if answer == buttons.Save:
            return self.save() and self.wait_for_saves()  # a save that fails keeps the case open, with the star
        if answer == buttons.Discard:
            self.forget_autosave()  # discarded: not offered back next time
            self.page.undo_stack.setClean()
            return True
        return False

    def choose_file(self) -> None:
        if not self.confirm_discard():
            return
        chosen = file_dialogs.open_file(self.page, "scenario", self.tr("Open a scenario"), self.tr("Scenario (*.yaml *.yml)"))
        if chosen is not None:
            self.open_file(chosen)

    def fill_bundled_menu(self, menu: QMenu) -> None:
        """The bundled cases by title (in the interface language), each opened with one click."""
        menu.clear()
        language = self.page.language()
        cases = []
        for path in bundled.bundled_scenarios():
            try:
                data = ScenarioDocument.load(path).data
            except (OSError, EditError):  # a broken install: the case is simply not offered
                continue
            cases.append((text_of(data.get("title"), language) or text_of(data.get("title"), "en") or path.stem, path))
        collator = QCollator(QLocale())  # in the order of the interface language's alphabet, as a reader looks one up
        for title, path in sorted(cases, key=lambda case: functools.cmp_to_key(collator.compare)(case[0])):
            action = menu.addAction(title)
            action.setToolTip(str(path))
            action.triggered.connect(lambda _checked=False, path=path: self.open_bundled(path))

    def open_bundled(self, path: Path) -> None:
        """Open a case of the bundled library (after asking about unsaved changes); saving it asks where."""
        if self.confirm_discard():
            self.open_file(path)

    def open_file(self, path: Path) -> None:
        """Open a scenario; when an autosave newer than the file is beside it, offer to restore it.

        Reading and drawing 5,000 stages takes a few seconds: meanwhile the busy cursor shows and the heading
        says what is opening (``_busy``). What the open case holds then (its data, the map's and the outline's
        items, a million objects at 5,000 stages) is frozen out of the cyclic collector (``gc.freeze``), as
        the checker process freezes its mirror: each of the collector's full passes read all of it, 0.13 s
        of the GUI thread at 5,000 stages, falling on whatever edit made the objects that set it off (an
        *Arrange automatically* lost a third of its time to one). What stays frozen is at most what was alive
        at the open (an object is still freed when its last reference goes; only a cycle among them that
        dies waits), and the next open unfreezes it first.
        """
        self.wait_for_saves()  # a file saved a moment ago is read as written
        gc.unfreeze()  # what the case open until now froze is read by the collector again (and freed when dead)
        try:
            with self._busy(path.name), gc_paused():  # the collector's passes over the new tree cost more than reading it
                document = ScenarioDocument.load(path)
        except (OSError, EditError) as exc:
            self.page.warn(user_message(exc))
            return
        autosaved = path.with_name(f".{path.name}.autosave")
        if in_library(path):
            from tipcase.home_folder import home  # noqa: PLC0415

            autosaved = home() / "autosave" / f"{document.data.get('id', 'case')}.yaml"
        restore = False
        if autosaved.exists() and autosaved.stat().st_mtime > path.stat().st_mtime:
            answer = QMessageBox.question(
                self.page,
                self.tr("Scenario editor"),
                self.tr("Changes to {name} that were never saved were kept automatically. Restore them?").format(name=path.name),
            )
            restore = answer == QMessageBox.StandardButton.Yes
        if restore:
            try:
                kept = ScenarioDocument.load(autosaved)
                document = ScenarioDocument(kept.data, path, source_text=kept.source_text)
            except (OSError, EditError) as exc:
                self.page.warn(user_message(exc))
                restore = False
        with self._busy(path.name):
            self.page.set_document(document)
        gc.collect()  # what died while drawing is not frozen with the rest
        gc.freeze()  # see ``open_file``'s docstring
        if restore:
            self.page.undo_stack.resetClean()  # restored work is not yet saved in the file
            self.page.show_title()

    @contextlib.contextmanager
    def _busy(self, name: str) -> Iterator[None]:
        """The busy cursor, and the heading saying which file is opening, painted before the work starts."""
        opening = self.tr("Opening {name}…").format(name=name)
        self.page.heading.setText(f"<h2>{opening}</h2>")
        self.page.heading.repaint()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            yield
        finally:
            QApplication.restoreOverrideCursor()
            self.page.show_title()

    def save(self) -> bool:
        """Save to the file the case came from; a new case, or one of the bundled library, asks where first."""
        if not self.page.commit_form():
            return False
        if self.document.path is None or in_library(self.document.path):
            return self.save_as()
        return self.save_to(self.document.path)

    def save_as(self) -> bool:
        if not self.page.commit_form():
            return False
        suggested = f"{self.document.data.get('id', 'case')}.yaml"
        if self.document.path is not None and not in_library(self.document.path):
            suggested = str(self.document.path)
        chosen = file_dialogs.save_file(self.page, "scenario", self.tr("Save the scenario"), suggested, self.tr("Scenario (*.yaml)"))
        return self.save_to(chosen) if chosen is not None else False

    def save_to(self, path: Path) -> bool:
        """Save the case to ``path``: the checker process writes it (``BackgroundCheck.write``), off the UI thread.

        The readable emitter takes seconds at 5,000 stages, so the window never waits for it: the title loses
        its star at once and the status bar says when the file is written; a write that fails puts the star
        back and says why (the autosave keeps the work meanwhile). In another folder the exhibits' files go
        with it once it is written (``media.carry``) and it is checked there. True once the write is on its
        way; ``wait_for_saves`` waits for it (before the file is read again, published or the editor closed).
        """
        before = self.document.path
        name = path.name
        self.forget_autosave()  # the one beside the old name, before the path changes
        self.document.path = path
        self.page.undo_stack.setClean()
        self.forget_autosave()
        self.page.show_title()
        self.saving += 1
        self.save_failed = False
        status = self.page.context.signals.status_message

        def written(_result: object) -> None:
            self.saving -= 1
            status.emit(self.tr("Saved {name}").format(name=name))
            self._carry(before, path)
            self.page.checking.check_now()  # the findings of the case where it now is (its pictures are looked for there)

        def failed(error: BaseException) -> None:
            self.saving -= 1
            self.save_failed = True
            if self.document.path == path:
                self.document.path = before  # the case is still the file it was (a failed Save as changes nothing)
                self.page.undo_stack.resetClean()  # not saved: the star again, and the autosave keeps the work
                self.page.show_title()
                self.changed()
            self.page.warn(self.tr("The case could not be saved to {path}: {detail}").format(path=path, detail=error))

        status.emit(self.tr("Saving {name}…").format(name=name))
        self.page.checking.write(str(path), written, failed)
        return True

    def wait_for_saves(self, timeout_s: float = 120.0) -> bool:
        """Wait (the busy cursor showing, the window painting) until every save on its way is written.

        True when they were and the last save did not fail; False after ``timeout_s`` seconds or a failed save.
        """
        if self.saving:
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            clock = QElapsedTimer()
            clock.start()
            try:
                while self.saving and clock.elapsed() < timeout_s * 1000:
                    QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents, 50)
                    QThread.msleep(5)
            finally:
                QApplication.restoreOverrideCursor()
        return not self.saving and not self.save_failed

    def _carry(self, before: Path | None, path: Path) -> None:
        """The exhibits' files copied beside a case saved in another folder (what is there already is kept, and said)."""
        from tipcase.format.media import carry, exhibit_files  # noqa: PLC0415

        try:
            kept = carry(exhibit_files(self.document.data), before.parent, path.parent) if before is not None else []
        except OSError as exc:  # the case is saved; the findings will name the files it lacks there
            kept = []
            self.page.warn(user_message(exc))
        if kept:
            self.page.warn(
                sentence(
                    self.tr("Not copied beside the case, because a different file of the same name is there already: {names}."),
                    names=", ".join(kept),
                )
            )

    def autosave_path(self) -> Path:
        """Beside the file (``.NAME.autosave``); in the home folder for a new case or one of the bundled library."""
        path = self.document.path
        if path is not None and not in_library(path):
            return path.with_name(f".{path.name}.autosave")
        from tipcase.home_folder import home  # noqa: PLC0415

        return home() / "autosave" / f"{self.document.data.get('id', 'case')}.yaml"

    def write_autosave(self) -> None:
        """Write the document as it stands beside its file, so a crash loses at most a few seconds.

        The checker process writes it (``ui.editor.checking``): the readable emitter never runs here. An
        autosave that lands after the case was saved or discarded is removed again.
        """
        target, epoch = self.autosave_path(), self._epoch

        def written(_result: object) -> None:
            if epoch != self._epoch:  # saved or discarded meanwhile: this copy is not wanted
                target.unlink(missing_ok=True)

        def failed(error: BaseException) -> None:
            self.page.context.signals.status_message.emit(self.tr("Autosave failed: {detail}").format(detail=error))

        self.page.checking.autosave(str(target), written, failed)

    def write_autosave_now(self) -> None:
        """Write the autosave in this process, at once (after an unexpected error: the checker may be what failed).

        Errors are reported in the status bar, never raised.
        """
        from tipcase.importers import save_text  # noqa: PLC0415 - only this path needs it

        target = self.autosave_path()
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            save_text(target, self.document.to_yaml())
        except OSError as exc:
            self.page.context.signals.status_message.emit(self.tr("Autosave failed: {detail}").format(detail=exc))

    def forget_autosave(self) -> None:
        """The case was saved or its changes discarded: no autosave is offered back, none still on its way counts."""
        self._epoch += 1
        self.autosave.stop()
        with contextlib.suppress(OSError):  # beside a path that cannot be a file (its folder is a file): none there
            self.autosave_path().unlink(missing_ok=True)

    def publish(self) -> None:
        """Save, then publish the saved file as the case's next version (off the UI thread).

        A case published already exactly as it is says so; one whose Version is taken by other content (or
        is older than the newest published) offers to raise the Version in Case details and publish again.
        """
        from tipcase.services.scenarios import VersionTaken  # noqa: PLC0415
        from tipcase.services.trainer_desktop import publish  # noqa: PLC0415

        if not self.save() or not self.wait_for_saves():  # the file is published as written
            return
        path = self.document.path
        context = self.page.context
        db, account = context.db, context.account
        if path is None or db is None or account is None:
            return

        title = context.text(self.document.data.get("title")) or ""

        def done(result: tuple[Any, bool]) -> None:
            item, new = result
            case = self.tr("“{title}” ({id})").format(title=title, id=item.scenario_id) if title else item.scenario_id  # by its title
            if new:
                said = self.tr("Published {case} version {version}").format(case=case, version=item.version)
                self.page.findings_model.set_publication(item.version, item.version)
            else:
                said = self.tr("{case} version {version} is published already, exactly as it is: nothing new to publish.").format(
                    case=case, version=item.version
                )
            context.signals.status_message.emit(said)
            if not new:
                QMessageBox.information(self.page, self.tr("Publish"), said)

        def failed(error: BaseException) -> None:
            if isinstance(error, VersionTaken):
                self.offer_next_version(error)
            else:
                self.page.warn(context.describe(error))

        context.tasks.run(lambda: publish(db, account.id, path), done, failed)

    def offer_next_version(self, taken: Any) -> None:
        """The case's Version is published with other content (or older): offer to raise it to the next free one and publish."""
        question = self.tr(
            "Version {number} of {id} is already published with other content, and a published version never changes. "
            "Publish this case as version {next}? (Its Version in Case details becomes {next}.)"
        ).format(number=taken.number, id=taken.case, next=taken.latest + 1)
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Publish"), question, QMessageBox.StandardButton.Cancel, self.page)
        raise_button = box.addButton(self.tr("Publish as version {next}").format(next=taken.latest + 1), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(raise_button)
        box.exec()
        if box.clickedButton() is not raise_button:
            return
        from tipcase.format.edits import SetCaseField  # noqa: PLC0415

        if self.page.push(SetCaseField("version", taken.latest + 1), self.tr("Change the case details")):
            self.publish()

    def check_publication(self) -> None:
        """Look up the newest published version of the case, for the findings' last row (off the UI thread, quietly)."""
        case, number = self.document.data.get("id"), self.document.data.get("version")
        model = self.page.findings_model
        if not isinstance(case, str) or not isinstance(number, int) or isinstance(number, bool) or self.page.context.db is None:
            model.set_publication(None, None)
            return
        from tipcase.services.trainer_desktop import latest_published  # noqa: PLC0415 - with records open, imported already

        self.page.context.run_quietly(
            lambda db, account: latest_published(db, account, case),
            lambda latest: model.set_publication(number, latest),
            lambda: None,
        )
