"""The dialog that shows an error instead of a traceback, and the hooks that route every
uncaught exception (in a slot, in a thread) to the log and to that dialog."""

from __future__ import annotations

import logging
import sys
import threading
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.domain.errors import CortegeError
from app.i18n import _, ui

log = logging.getLogger("cortege.ui")
_open_dialogs: list[QMessageBox] = []


def _message_of(exc: BaseException) -> str:
    err = getattr(exc, "error", exc)
    problems = getattr(err, "problems", None)
    if problems:
        return "\n".join(str(p) for p in problems)
    return as_sentence(str(err)) or type(err).__name__


def as_sentence(text: str) -> str:
    """A service's message ("another organiser deleted this prop") as a message box's
    sentence: a capital letter first, a full stop at the end."""
    text = text.strip()
    if not text:
        return text
    if text[0].islower():
        text = text[0].upper() + text[1:]
    last = text.split()[-1]
    if text[-1] not in ".!?…:;)»”\"'" and "/" not in last and "\\" not in last:
        text += "."  # not after a path: a reader would copy the dot with it
    return text


def show_error(
    parent: QWidget | None, exc: BaseException, *, log_path: Path | None = None
) -> QMessageBox:
    """Show ``exc`` to the user (non-blocking, window-modal). Errors the user can fix show their
    message; anything else says that it was logged and where, never a traceback."""
    box = QMessageBox(parent)
    box.setObjectName("error_dialog")
    box.setWindowModality(Qt.WindowModality.WindowModal if parent else Qt.WindowModality.NonModal)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    err = getattr(exc, "error", exc)
    if isinstance(err, CortegeError):
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(_("Cortège"))
        box.setText(_message_of(err))
    else:
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(_("Something went wrong"))
        box.setText(
            _("Something went wrong: {error}").format(
                error=f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
            )
        )
        info = _(
            "Everything you changed before this is saved. You can go on working; if it "
            "happens again, please report it."
        )
        if log_path is not None:
            info += "\n\n" + _("The details were written to {path}").format(
                path=ui().isolated(str(log_path))
            )
        box.setInformativeText(info)
    box.setAccessibleName(box.windowTitle())
    box.setAccessibleDescription(box.text())
    box.setStandardButtons(QMessageBox.StandardButton.Close)
    _open_dialogs.append(box)
    box.finished.connect(lambda _r, b=box: _open_dialogs.remove(b) if b in _open_dialogs else None)
    # A dialog also goes with its window (closed without an answer): forget it then too.
    box.destroyed.connect(
        lambda *_a, b=box: _open_dialogs.remove(b) if b in _open_dialogs else None
    )
    box.open()
    return box


def open_error_dialogs() -> list[QMessageBox]:
    """The error dialogs on screen now (tests look at them)."""
    return list(_open_dialogs)


class _Relay(QObject):
    """Carries an exception from any thread to the GUI thread."""

    raised = Signal(object)


class ExceptionHooks:
    """Installed by ``install``: log every uncaught exception, then show it in a dialog."""

    def __init__(self) -> None:
        self.relay = _Relay()
        self.relay.raised.connect(self._show, Qt.ConnectionType.QueuedConnection)
        self._showing = False
        self.previous_sys = sys.excepthook
        self.previous_threading = threading.excepthook

    def _log(self, exc: BaseException) -> Path | None:
        try:
            from app.logs import log_exception

            return log_exception(exc)
        except Exception:  # logging must never raise from a hook
            return None

    def sys_hook(self, exc_type, exc, tb) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            QApplication.quit()
            return
        if exc is None:
            exc = exc_type()
        if exc.__traceback__ is None:
            exc = exc.with_traceback(tb)
        path = self._log(exc)
        self._deliver(exc, path)

    def thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None:
            return
        path = self._log(args.exc_value)
        self._deliver(args.exc_value, path)

    def _deliver(self, exc: BaseException, path: Path | None) -> None:
        app = QApplication.instance()
        if app is None:
            return
        if QThread.currentThread() is app.thread():
            self._show((exc, path))
        else:
            self.relay.raised.emit((exc, path))

    def _show(self, payload) -> None:
        exc, path = payload
        if self._showing:  # an error while showing an error: the log has it
            return
        self._showing = True
        try:
            app = QApplication.instance()
            parent = app.activeWindow() if app is not None else None
            show_error(parent, exc, log_path=path)
        except Exception:
            log.exception("could not show the error dialog")
        finally:
            self._showing = False

    def install(self) -> ExceptionHooks:
        sys.excepthook = self.sys_hook
        threading.excepthook = self.thread_hook
        return self

    def uninstall(self) -> None:
        sys.excepthook = self.previous_sys
        threading.excepthook = self.previous_threading


def install_exception_hooks() -> ExceptionHooks:
    """Route uncaught exceptions (``sys`` and ``threading``) to the log and an error dialog."""
    return ExceptionHooks().install()
