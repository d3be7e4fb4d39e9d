"""Windows that fit the screen they open on, at any scaling (WCAG 2.2 SC 1.4.10 Reflow, 1.4.4 Resize text).

At 200 % scaling a 1920x1080 screen offers 960x540 logical pixels: a window sized for 1366x768 would
open with its buttons off the screen. ``ScreenFitter`` fits every top-level window (the main window, each
dialog, message boxes) as it opens and whenever it is shown again: it shrinks it to the screen's available
area (less the window frame), then moves it inside; restored geometry from a larger screen is fitted the
same way. What lays
out a window keeps its minimum size under 960x540 (forms scroll, long choices wrap), so a fitted window
shows every control.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

if TYPE_CHECKING:
    from PySide6.QtGui import QScreen, QWindow  # annotations: their types load when Qt first hands one over, after the first paint

FRAME_ALLOWANCE = QSize(16, 40)  # a title bar and borders, before the window manager reports the real frame
SMALL_SCREEN = QSize(1440, 900)  # a work area smaller than this: the main window first opens filling it
FITTED = "tipcase_fitted_to_screen"  # a window's dynamic property, once the fitter has fitted it and follows its showing


def available_area(window: QWidget) -> QRect:
    """The logical area a window may take on its screen (work area: no task bar), in device-independent pixels."""
    screen: QScreen | None = window.screen()
    return (screen if screen is not None else QGuiApplication.primaryScreen()).availableGeometry()


def first_size(area: QSize) -> QSize:
    """The main window's size when it opens with no size remembered, on a screen whose work area is ``area``.

    1180x760 on a large screen; on a smaller one (a training centre's 1366x768 laptop) the whole work area
    less the window's frame, as a smaller window would cut the long Indonesian course and role titles.
    Logical pixels.
    """
    if area.width() >= SMALL_SCREEN.width() and area.height() >= SMALL_SCREEN.height():
        return QSize(1180, 760)
    return QSize(max(1, area.width() - FRAME_ALLOWANCE.width()), max(1, area.height() - FRAME_ALLOWANCE.height()))


def fit_to_screen(window: QWidget) -> None:
    """Shrink ``window`` (never below its minimum size) and move it so that its frame lies on the available area."""
    area = available_area(window)
    frame = window.frameGeometry()
    extra = frame.size() - window.geometry().size()
    if extra.width() <= 0 and extra.height() <= 0 and not window.isVisible():
        extra = FRAME_ALLOWANCE
    most = QSize(max(1, area.width() - extra.width()), max(1, area.height() - extra.height()))
    size = window.size()
    fitted = QSize(min(size.width(), most.width()), min(size.height(), most.height())).expandedTo(window.minimumSizeHint().boundedTo(most))
    if fitted != size:
        window.resize(fitted)
    frame = window.frameGeometry()
    x = min(max(frame.x(), area.x()), area.x() + area.width() - frame.width())
    y = min(max(frame.y(), area.y()), area.y() + area.height() - frame.height())
    if (x, y) != (frame.x(), frame.y()):
        window.move(max(area.x(), x), max(area.y(), y))


class ScreenFitter(QObject):
    """Fits each top-level window to its screen when it is first activated, and again whenever it is shown again.

    It hears windows through the application's ``focusWindowChanged`` (a window or dialog is activated as it
    opens), and then that window's own ``visibleChanged``: never through a filter on every event of the
    application, which put each event of every object through Python and made PySide6 build the Python
    types of some 150 Qt classes with their enums in the first second after the window painted (55 ms of
    CPU before a sign-in could complete, ``benchmarks/startup.py``). A window is activated once it is on
    the screen, so one opened larger than the screen may show there for a frame before it is fitted; a
    window that is never activated (a tool window shown without activation) is not fitted.
    """

    def activated(self, window: QWindow | None) -> None:
        """``window`` was activated: fit its widget the first time, and follow its showing from then on."""
        widget = _widget_of(window)
        if widget is None or widget.property(FITTED) or widget.windowType() in (Qt.WindowType.ToolTip, Qt.WindowType.Popup):
            return  # menus and tips place themselves
        widget.setProperty(FITTED, True)
        _fit_now_and_once_framed(widget)
        handle = widget.windowHandle()
        if handle is not None:
            handle.visibleChanged.connect(lambda visible, w=widget: _shown_again(w, visible))

    def install(self) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusWindowChanged.connect(self.activated)


def _widget_of(window: QWindow | None) -> QWidget | None:
    """The top-level widget whose native window is ``window`` (None for none, or a window that is not a widget's)."""
    if window is None:
        return None
    return next((w for w in QApplication.topLevelWidgets() if w.windowHandle() is window), None)


def _shown_again(window: QWidget, visible: bool) -> None:
    if visible and shiboken6.isValid(window):
        _fit_now_and_once_framed(window)


def _fit_now_and_once_framed(window: QWidget) -> None:
    fit_to_screen(window)
    QTimer.singleShot(0, lambda: _refit(window))  # again once the frame is known


def _refit(window: QWidget) -> None:
    if shiboken6.isValid(window) and window.isVisible():
        fit_to_screen(window)


_FITTER: ScreenFitter | None = None


def fit_every_window() -> ScreenFitter:
    """Install the one fitter of this application (idempotent)."""
    global _FITTER  # noqa: PLW0603 - one fitter per process
    if _FITTER is None:
        _FITTER = ScreenFitter()
        _FITTER.install()
    return _FITTER
