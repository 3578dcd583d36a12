"""Date and time fields the user types into ("15/01/2027", "15 janvier", "9:30") instead of
spinning sections. Read in the UI language (app/domain/typed_dates.py); shown back formatted
with the month's name, so the user sees how the value was read. A value that cannot be read
keeps the last good one, and ``problem_changed`` carries the reason for the label beside it.

They keep the QDateEdit / QTimeEdit calls the forms use: ``date()``/``setDate()``,
``time()``/``setTime()`` (QDate / QTime), and ``editingFinished``.
"""

from __future__ import annotations

import functools
from datetime import date, time

from PySide6.QtCore import QDate, QEvent, QTime, Signal
from PySide6.QtWidgets import QLineEdit, QWidget

from app.domain.typed_dates import example_date, example_time, parse_date, parse_time
from app.formatting import field_date, field_time
from app.i18n import _, ui_language


def show_date(value: date) -> str:
    """CLDR's own order for the UI language ("Di., 28. Mai 2024"), never an English one."""
    return field_date(value)


def show_time(value: time) -> str:
    return field_time(value)


@functools.lru_cache(maxsize=16)
def _longest_date(lang: str) -> str:
    """The widest a date field's text gets in ``lang`` (every weekday and month once)."""
    days = [date(2027, month, 1 + (month * 3) % 7) for month in range(1, 13)]
    days += [date(2027, 9, 20 + n) for n in range(7)]
    return max((show_date(d) for d in days), key=len)


def _date_hint(field: QLineEdit, hint):
    """Wide enough for the longest date of the UI language ("Wed, Sep 22, 2027"): a squeezed
    form shows a scroll bar rather than half a date."""
    text = field.fontMetrics().horizontalAdvance(_longest_date(ui_language()) + "  ")
    hint.setWidth(max(hint.width(), text + field.textMargins().left() + 12))
    return hint


class _TypedField(QLineEdit):
    problem_changed = Signal(str)  # "" when the text is fine again

    def __init__(self, parent: QWidget | None, *, parse, show) -> None:
        super().__init__(parent)
        self._parse = parse  # (text, language) -> value, ValueError with the reason
        self._show = show  # value -> text
        self._problem = ""
        self._lang = ui_language()  # the language the text is written in
        self.editingFinished.connect(self._settle)
        self.textEdited.connect(lambda _t: self._set_problem(""))

    def problem(self) -> str:
        """Why the text cannot be read ("" when it can)."""
        try:
            self._parse(self.text(), ui_language())
        except ValueError as exc:
            return str(exc)
        return ""

    def _set_problem(self, text: str) -> None:
        if text != self._problem:
            self._problem = text
            self.setProperty("invalid", bool(text))
            self.setAccessibleDescription(text)
            self.problem_changed.emit(text)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    def retranslate(self) -> None:
        """The UI language changed: the hints in the new one, and the value written again in
        its order and month names (text that could not be read stays as typed)."""
        self._hints()
        old, self._lang = self._lang, ui_language()
        if old == self._lang or not self.text().strip():
            return
        try:
            value = self._parse(self.text(), old)
        except ValueError:
            return
        blocked = self.blockSignals(True)
        self.setText(self._show(value))
        self.blockSignals(blocked)

    def _hints(self) -> None:
        """Placeholder and tool tip in the UI language (subclasses)."""

    def _settle(self) -> None:
        try:
            value = self._parse(self.text(), ui_language())
        except ValueError as exc:
            self._set_problem(str(exc))
            return
        self._value = value
        self._set_problem("")
        shown = self._show(value)
        if shown != self.text():
            self.setText(shown)


class DateField(_TypedField):
    dateChanged = Signal(QDate)  # noqa: N815 - QDateEdit's name: the text now reads as a date

    def __init__(self, value: QDate | date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent, parse=parse_date, show=show_date)
        self._hints()
        self._value: date = date.today()
        self.setDate(value if value is not None else date.today())
        self.textChanged.connect(lambda _t: self.problem() or self.dateChanged.emit(self.date()))

    def _hints(self) -> None:
        example = example_date(ui_language())
        self.setPlaceholderText(_("e.g. {example}").format(example=example))
        self.setToolTip(
            _("Type a date: {example}, or with the month's name").format(example=example)
        )

    def sizeHint(self):  # noqa: N802 - Qt's name
        return _date_hint(self, QLineEdit.sizeHint(self))

    def minimumSizeHint(self):  # noqa: N802 - Qt's name
        return _date_hint(self, QLineEdit.minimumSizeHint(self))

    def setDate(self, value: QDate | date) -> None:  # noqa: N802 - QDateEdit's name
        self._value = value.toPython() if isinstance(value, QDate) else value
        self.setText(show_date(self._value))
        self._set_problem("")

    def date(self) -> QDate:
        """The date typed (read now), or the last good one while the text cannot be read."""
        try:
            value = self._parse(self.text(), ui_language())
        except ValueError:
            value = self._value
        return QDate(value.year, value.month, value.day)


class TimeField(_TypedField):
    timeChanged = Signal(QTime)  # noqa: N815 - QTimeEdit's name

    def __init__(self, value: QTime | time | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent, parse=parse_time, show=show_time)
        self._hints()
        self._value: time = time(10, 0)
        self.setTime(value if value is not None else time(10, 0))
        self.textChanged.connect(lambda _t: self.problem() or self.timeChanged.emit(self.time()))
        self.setMaximumWidth(self.fontMetrics().horizontalAdvance("00:00 AM") * 2)
        # never squeezed below its longest time ("12:59 PM", "23:59")
        self.setMinimumWidth(
            self.fontMetrics().horizontalAdvance(show_time(time(12, 59)) + "  ") + 12
        )

    def _hints(self) -> None:
        example = example_time(ui_language())
        self.setPlaceholderText(_("e.g. {example}").format(example=example))
        self.setToolTip(_("Type a time: {example}").format(example=example))

    def setTime(self, value: QTime | time) -> None:  # noqa: N802 - QTimeEdit's name
        self._value = value.toPython() if isinstance(value, QTime) else value
        self._value = self._value.replace(second=0, microsecond=0)
        self.setText(show_time(self._value))
        self._set_problem("")

    def time(self) -> QTime:
        try:
            value = self._parse(self.text(), ui_language())
        except ValueError:
            value = self._value
        return QTime(value.hour, value.minute)


class OptionalDateField(_TypedField):
    """A typed date that may be left empty: an empty field means "no date" (None), shown by the
    placeholder (``none_text``, an msgid marked with ``N_``: "Not sent"). Same reading as
    :class:`DateField`."""

    def __init__(self, parent: QWidget | None = None, *, none_text: str = "") -> None:
        super().__init__(parent, parse=self._read, show=lambda v: "" if v is None else show_date(v))
        self._none_msgid = none_text  # an msgid: shown in the UI language of the moment
        self._hints()
        self._value: date | None = None

    def _hints(self) -> None:
        example = example_date(ui_language())
        none_text = _(self._none_msgid) if self._none_msgid else ""
        self.setPlaceholderText(
            _("{none} (e.g. {example})").format(none=none_text, example=example)
            if none_text
            else _("e.g. {example}").format(example=example)
        )
        self.setToolTip(
            _("Type a date: {example}, or with the month's name; empty for none").format(
                example=example
            )
        )

    def sizeHint(self):  # noqa: N802 - Qt's name
        return _date_hint(self, QLineEdit.sizeHint(self))

    def minimumSizeHint(self):  # noqa: N802 - Qt's name
        return _date_hint(self, QLineEdit.minimumSizeHint(self))

    @staticmethod
    def _read(text: str, lang: str | None = None) -> date | None:
        return parse_date(text, lang or ui_language()) if text.strip() else None

    def read(self) -> date | None:
        """The date typed, None when empty; ValueError with the reason when it is no date (a
        form's OK: the reason goes beside the field and nothing is saved)."""
        return self._read(self.text())

    def value(self) -> date | None:
        """The date typed (read now), None when empty, the last good one while unreadable."""
        try:
            return self._read(self.text())
        except ValueError:
            return self._value

    def set_value(self, value: date | None) -> None:
        self._value = value
        self.setText("" if value is None else show_date(value))
        self.setModified(False)
        self._set_problem("")
