"""Errors a person can act on: one sentence on screen, the details in the log.

``user_message(error, where)`` turns any exception into one translated sentence: a database fault by
its kind (``tipcase.store.faults``: read-only, unreachable, locked, full, connection lost...), a file
that cannot be written by its reason, a service's refusal by its own line (``core_text``: the core's
template translated, ``tipcase.messages``), and anything else (a fault
in the program) as "something unexpected happened", with the log file's path. No SQL, stack trace or
internal name ever reaches the screen: they go to the rotating log (``tipcase.logs``).

``ErrorHandler`` is the one handler for what nobody caught: ``sys.excepthook`` (an exception in a Qt
slot or event handler ends there in PySide), ``threading.excepthook`` (threads outside Qt), the task
runner's unhandled failures, and Qt's own messages (``qInstallMessageHandler``: logged, never shown).
It first asks the window to keep the work (the editor writes its autosave at once), then shows the
sentence, one box at a time. The app installs it in ``ui.app.main``; tests leave pytest-qt's own.

This module imports nothing of the database layer at import time: start-up stays as fast as Qt's.
"""

from __future__ import annotations

import errno
import logging
import re
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QLocale, QObject, QtMsgType, Signal, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from tipcase.messages import Names, fill

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox, QWidget


log = logging.getLogger(__name__)

MAX_LINE = 300  # characters of a service's own message shown (its first line)


class ErrorMessages(QObject):
    """The sentences, translated (a QObject so that ``tr`` gives them their own translation context)."""

    def fault(self, kind: str, where: str) -> str:
        where = where or self.tr("the records database")
        sentences = {
            "read-only": self.tr(
                "The records database is read-only here, so nothing new can be saved: ask whoever looks after this "
                "workstation to give it write access to {where}."
            ),
            "unreachable": self.tr(
                "The records database cannot be reached ({where}): check that the server is running, or the drive is "
                "connected, then try again."
            ),
            "login refused": self.tr(
                "The records server ({where}) refused this workstation's database user or password: ask the administrator "
                "to check the database address."
            ),
            "locked": self.tr("The records are busy with other work, on another workstation or in another program: try again in a moment."),
            "full": self.tr("The disk that holds the records ({where}) is full: free some space, then try again; what was saved is safe."),
            "connection lost": self.tr(
                "The connection to the records ({where}) was lost: everything saved before is safe; try again once it is back."
            ),
            "damaged": self.tr("The records ({where}) are damaged or are not a TIPCase database: restore them from a backup."),
            "not permitted": self.tr(
                "This workstation's database user may not make this change ({where}): ask the database administrator."
            ),
            "refused": self.tr("The records refused this change because it would break one of their rules; nothing was saved."),
            "newer schema": self.tr("The records ({where}) were last used by a newer TIPCase: update TIPCase on this workstation."),
            "upgrade needed": self.tr(
                "The records ({where}) need an upgrade that this workstation's database user may not make: ask the database "
                "owner to run 'tipcase db upgrade'."
            ),
            "bad address": self.tr("The database address is not one TIPCase can use: it starts with sqlite:/// or postgresql://."),
        }
        text = sentences.get(kind) or self.tr("The records database ({where}) reported a fault; nothing was saved.")
        return text.format(where=where)

    def file(self, error: OSError) -> str:
        name = str(error.filename) if error.filename else self.tr("the file")
        if error.errno == errno.ENOSPC:
            return self.tr("The disk is full: {file} could not be written. Free some space, then try again.").format(file=name)
        if error.errno in (errno.EACCES, errno.EPERM):
            return self.tr("TIPCase may not use {file}: choose another folder or ask for access.").format(file=name)
        if error.errno == errno.EROFS:
            return self.tr("{file} is on a read-only drive: choose another folder.").format(file=name)
        if error.errno == errno.ENOENT:
            return self.tr("{file} does not exist (any more).").format(file=name)
        return self.tr("{file} could not be read or written ({reason}).").format(file=name, reason=error.strerror or "")

    def unexpected(self, log_file: Path | None) -> str:
        place = str(log_file) if log_file is not None else self.tr("the terminal that started TIPCase")
        return self.tr(
            "TIPCase met a problem it did not expect, and what you just asked for may not have been done. "
            "Nothing you did before is lost: decisions are saved the moment they are made, and the case editor keeps an "
            "autosave copy. The details for whoever supports TIPCase are in {log}."
        ).format(log=place)

    def title(self) -> str:
        return self.tr("TIPCase: something went wrong")


def _log_file() -> Path | None:
    from tipcase.logs import log_path  # noqa: PLC0415 - platformdirs only; cheap

    try:
        path = log_path()
    except OSError:
        return None
    return path if path.exists() else None


def _is_ours(error: BaseException) -> bool:
    """An error the core raises on purpose, whose message is a line for the user (not a Python built-in)."""
    module = type(error).__module__ or ""
    return module.startswith("tipcase.") and not isinstance(error, AssertionError)


def core_text(error: BaseException | str) -> str:
    """What the core said in ``error``, in the interface language; its English line when it has no template.

    The template (``tipcase.messages``) is translated in the context ``core`` and filled with its parameters, a
    figure written the language's way (``82,5`` in Bahasa Indonesia: ``ui.numbers``).
    """
    template = getattr(error, "template", None)
    if not isinstance(template, str) or not template:
        return str(error)
    language = "id" if QLocale().language() == QLocale.Language.Indonesian else "en"  # ui.i18n sets the default locale
    params = {
        name: core_text(value) if hasattr(value, "template") else _named(value, language)
        for name, value in (getattr(error, "params", None) or {}).items()
    }
    translated = QCoreApplication.translate("core", template)
    try:
        return _filled(translated, params) if params else translated
    except (KeyError, IndexError, ValueError, AttributeError):  # a translation that names a field the template has not
        log.warning("translation of %r does not fit its parameters", template)
        return str(error)


def _named(value: object, language: str) -> object:
    """A ``tipcase.messages.Names`` in ``language`` (else as it is: English); any other value unchanged."""
    if isinstance(value, Names):
        return value.values.get(language) or str(value)
    return value


def _filled(template: str, params: dict[str, Any]) -> str:
    """``tipcase.messages.fill(template, **params)``, a figure (a float) written the interface language's way whatever its spec.

    A mean formatted ``g`` reads ``72,5 %`` in Bahasa Indonesia; a share formatted ``.1f`` keeps its one decimal (``ui.numbers``).
    """
    from ui.numbers import number_text  # noqa: PLC0415 - its spin boxes and datetime are not on the first window's path

    rest = dict(params)
    for name, value in params.items():
        if not isinstance(value, float):
            continue

        def figure(match: re.Match[str], value: float = value) -> str:
            decimals = re.fullmatch(r".*\.(\d+)[fF%]?", match.group(1) or "")
            return number_text(value, int(decimals.group(1)) if decimals else None).replace("{", "{{").replace("}", "}}")

        template = re.sub(r"\{" + re.escape(name) + r"(?::([^{}!]*))?\}", figure, template)
        del rest[name]
    return fill(template, **rest)


def user_message(error: BaseException, where: str = "") -> str:
    """One translated sentence for ``error`` (see the module's docstring); logs what the sentence leaves out."""
    from tipcase.store.faults import classify  # noqa: PLC0415 - the database layer is loaded by now

    messages = ErrorMessages()
    kind = classify(error)
    if kind is not None:
        log.warning("database fault (%s)", kind.value, exc_info=error)
        return messages.fault(kind.value, getattr(error, "where", "") or where)
    if isinstance(error, OSError):
        log.warning("file error", exc_info=error)
        return messages.file(error)
    if _is_ours(error):
        line = _as_sentence((core_text(error).strip().splitlines() or [""])[0], getattr(error, "template", None))
        return line[:MAX_LINE] + ("…" if len(line) > MAX_LINE else "")
    log.error("unexpected error", exc_info=error)
    return messages.unexpected(_log_file())


def _as_sentence(line: str, template: object) -> str:
    """A refusal as a sentence on its own: its first letter a capital.

    The core's lines start in lower case for the command line's ``tipcase: error: ...``. A line whose translation
    opens with a value (a username: ``demo-trainee's account ...``) stays as it is.
    """
    said = QCoreApplication.translate("core", template) if isinstance(template, str) and template else line
    return line if said.startswith("{") else line[:1].upper() + line[1:]


# Qt's messages that say nothing about TIPCase, logged at DEBUG (below the log file's level) rather than as warnings
# (qutebrowser keeps such a list, ``qutebrowser/utils/qtlog.py``). The offscreen platform (tests, benchmarks,
# QT_QPA_PLATFORM=offscreen) says this of every top-level window it shows; it would write the log file at each start.
HARMLESS_QT_MESSAGES = frozenset({"This plugin does not support propagateSizeHints()"})


class ErrorHandler(QObject):
    """The one handler of unexpected exceptions and Qt's messages (see the module's docstring)."""

    reported = Signal(object)  # an exception to show, from any thread; shown on the GUI thread

    def __init__(self, where: Callable[[], str] = str, keep_work: Callable[[], None] | None = None) -> None:
        super().__init__()
        self.where = where
        self.keep_work = keep_work
        self.box: QMessageBox | None = None
        self.shown: list[str] = []  # every sentence shown, for the tests and the log
        self.reported.connect(self.show)
        self._previous: tuple[Any, Any] = (sys.excepthook, threading.excepthook)

    def install(self) -> None:
        sys.excepthook = self._excepthook
        threading.excepthook = self._thread_excepthook
        qInstallMessageHandler(self._qt_message)

    def uninstall(self) -> None:
        sys.excepthook, threading.excepthook = self._previous
        qInstallMessageHandler(None)

    def _excepthook(self, kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        if error.__traceback__ is None and trace is not None:
            error = error.with_traceback(trace)
        self.reported.emit(error)

    def _thread_excepthook(self, hook: threading.ExceptHookArgs) -> None:
        if hook.exc_value is not None:
            self.reported.emit(hook.exc_value)

    @staticmethod
    def _qt_message(mode: QtMsgType, context: Any, message: str) -> None:
        if message in HARMLESS_QT_MESSAGES:
            logging.getLogger("qt").debug("%s", message)
            return
        level = {
            QtMsgType.QtDebugMsg: logging.DEBUG,
            QtMsgType.QtInfoMsg: logging.INFO,
            QtMsgType.QtWarningMsg: logging.WARNING,
            QtMsgType.QtCriticalMsg: logging.ERROR,
            QtMsgType.QtFatalMsg: logging.CRITICAL,
        }.get(mode, logging.WARNING)
        where = f" ({context.file}:{context.line})" if getattr(context, "file", None) else ""
        logging.getLogger("qt").log(level, "%s%s", message, where)

    def show(self, error: BaseException) -> None:
        """Keep the work, then say what happened in one sentence (one box at a time; the rest are logged)."""
        if self.keep_work is not None:
            try:
                self.keep_work()
            except Exception:  # keeping the work must never hide the first error
                log.exception("keeping the work failed")
        sentence = user_message(error, self.where())
        self.shown.append(sentence)
        if self.box is not None and self.box.isVisible():
            return
        from PySide6.QtWidgets import QMessageBox  # noqa: PLC0415 - loaded when first needed, not before the first window

        parent = QApplication.activeWindow()
        self.box = QMessageBox(QMessageBox.Icon.Warning, ErrorMessages().title(), sentence, QMessageBox.StandardButton.Ok, parent)
        self.box.setTextInteractionFlags(self.box.textInteractionFlags() | _selectable())
        self.box.open()


def _selectable() -> Any:
    from PySide6.QtCore import Qt  # noqa: PLC0415

    return Qt.TextInteractionFlag.TextSelectableByMouse


def message_box(parent: QWidget, title: str, error: BaseException, where: str = "") -> None:
    """A warning box with ``error``'s sentence (a page's failure handler)."""
    from PySide6.QtWidgets import QMessageBox  # noqa: PLC0415

    QMessageBox.warning(parent, title, user_message(error, where))
