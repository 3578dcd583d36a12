"""Drive a sequence of modal dialogs the way a user answers them, one after the other."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget


def answer(steps: list[Callable[[QWidget], None]], trigger: Callable[[], object]) -> list[str]:
    """Run ``trigger``; each modal dialog that opens is given to the next step (which must close
    it or open the next one). Returns the objectNames of the dialogs seen."""
    pending = list(steps)
    seen: list[QWidget] = []
    names: list[str] = []  # read when seen: a closed dialog is deleted (ui.dialog_policy)
    errors: list[BaseException] = []

    def poll() -> None:
        if not pending:
            return
        dialog = QApplication.activeModalWidget()
        seen_before = any(d is dialog for d in seen)
        if dialog is None or seen_before or QApplication.activeWindow() is not dialog:
            QTimer.singleShot(10, poll)
            return
        seen.append(dialog)
        names.append(dialog.objectName())
        step = pending.pop(0)
        QTimer.singleShot(10, poll)
        try:
            step(dialog)
        except BaseException as exc:
            errors.append(exc)
            pending.clear()
            dialog.close()

    QTimer.singleShot(0, poll)
    trigger()
    if errors:
        raise errors[0]
    assert not pending, f"{len(pending)} dialogs did not open; saw {names}"
    return names


def click(dialog: QWidget, name: str) -> None:
    from PySide6.QtWidgets import QAbstractButton

    button = dialog.findChild(QAbstractButton, name)
    assert button is not None, f"no {name} in {dialog.objectName()}"
    button.click()


def ok(dialog: QWidget) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
