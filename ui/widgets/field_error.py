"""The message next to a field that refused a value: red (from the palette), wrapped, and
announced to screen readers through the field's accessible description."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from app.i18n import ui
from ui import style


class FieldError(QLabel):
    """Hidden while the field is fine; ``show_error(text)`` shows why a value was refused."""

    def __init__(self, field: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.setWordWrap(True)
        self.setVisible(False)
        self.setObjectName(f"{field.objectName() or 'field'}_error")
        self._description = field.accessibleDescription()
        self._message = ""
        self._refresh_colour()

    def _refresh_colour(self) -> None:
        self.setStyleSheet(f"color: {style.css(style.error_color(self.field))};")

    def show_error(self, message: str) -> None:
        self._refresh_colour()
        self._message = message
        self.setText(ui().sentence(message))  # "'xx' ليس رمز لغة": from the right all the same
        self.setAccessibleName(message)
        self.setVisible(True)
        self.field.setAccessibleDescription(message)
        self.field.setProperty("invalid", True)

    def clear_error(self) -> None:
        if not self.isVisibleTo(self.parentWidget()) and not self.text():
            return
        self._message = ""
        self.setText("")
        self.setVisible(False)
        self.field.setAccessibleDescription(self._description)
        self.field.setProperty("invalid", False)

    @property
    def message(self) -> str:
        return self._message


def problem_text(error: BaseException) -> str:
    """The user-facing message of a refused edit, without the field path when there is one."""
    err = getattr(error, "error", error)  # EditFailed wraps the service's error
    problems = getattr(err, "problems", None)
    if problems:
        return "\n".join(p.message for p in problems)
    return str(err)
