"""Readiness: every problem the readiness check finds, grouped by area, each with a button that
jumps to the thing to fix; a clear "Ready" state when none is left; a countdown to the action.
Recomputed after every edit."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.i18n import N_, _, ngettext
from ui import style
from ui.icons import icon
from ui.tabs.base import ActionTab

AREAS: dict[str, str] = {
    "role-short": N_("Roles"),
    "double-booked": N_("People"),
    "consent-missing": N_("Privacy"),
    "purge-due": N_("Privacy"),
    "cue-outside": N_("Schedule"),
    "prop-not-ready": N_("Props"),
    "prop-uncarried": N_("Props"),
    "release-missing": N_("Press"),
    "release-unapproved": N_("Press"),
    "embargo-late": N_("Press"),
    "declaration-missing": N_("Declaration"),
    "declaration-late": N_("Declaration"),
    "declaration-early": N_("Declaration"),
    "task-overdue": N_("Tasks"),
}
AREA_ORDER = [
    N_("Roles"),
    N_("People"),
    N_("Schedule"),
    N_("Props"),
    N_("Press"),
    N_("Declaration"),
    N_("Tasks"),
    N_("Privacy"),
]


def read_readiness(session, action_id: int, now: datetime) -> dict:
    from app.services.edits import get
    from app.services.readiness import check, declaration_status

    problems = check(session, action_id, now=now)
    action = get(session, "action", action_id)  # check() loaded it with everything: no query
    decl = declaration_status(action)
    items = (
        len(action.roles)
        + len(action.cues)
        + len(action.props)
        + len(action.languages or [])
        + len(action.tasks)
        + (1 if decl.applies else 0)
    )
    return {
        "problems": problems,
        "declaration": decl,
        "authority": action.decl_authority,
        "items": items,
        "starts_at": action.starts_at,
        "timezone": action.timezone,
    }


def countdown(start: datetime, now: datetime) -> str:
    """'in 9 days' / '3 hours ago', in the UI language."""
    from babel.dates import format_timedelta

    from app.i18n import ui_language

    return format_timedelta(start - now, add_direction=True, threshold=1.5, locale=ui_language())


def ready_share(items: int, problems: list) -> float:
    if items <= 0:
        return 0.0 if problems else 1.0
    bad = len({(p.entity, p.entity_id, p.kind) for p in problems})
    return max(0.0, min(1.0, (items - bad) / items))


HIDDEN_RECOUNT_MS = 1000  # colleagues' changes recount a hidden panel after this pause


class ReadinessTab(ActionTab):
    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        from app.domain.timeutil import utcnow

        self._background = None  # a BackgroundQuery, made on the first hidden refresh
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.setInterval(HIDDEN_RECOUNT_MS)
        self._later.timeout.connect(self._recount_in_background)

        self.setObjectName("readiness_tab")
        self.now: Callable[[], datetime] = utcnow
        self.data: dict | None = None
        self.fix_buttons: list[QPushButton] = []
        self.headline = QLabel(self)
        self.headline.setObjectName("readiness_headline")
        self.headline.setWordWrap(True)
        self.headline.setFont(style.scaled_font(self, 1.25, bold=True))
        self.countdown = QLabel(self)
        self.countdown.setObjectName("readiness_countdown")
        self.progress = QProgressBar(self)
        self.progress.setObjectName("readiness_progress")
        self.progress.setRange(0, 100)
        self.progress.setMaximumWidth(260)
        self.progress.setMinimumWidth(180)
        head = QHBoxLayout()
        head.setSpacing(style.GAP)
        titles = QVBoxLayout()
        titles.setSpacing(2)
        titles.addWidget(self.headline)
        titles.addWidget(self.countdown)
        head.addLayout(titles, 1)
        head.addWidget(self.progress, 0, Qt.AlignmentFlag.AlignTop)
        self.ready = QLabel(self)
        self.ready.setObjectName("readiness_ready")
        self.ready.setWordWrap(True)
        self.ready.setFont(style.scaled_font(self, 1.1))
        self.list_widget = QWidget(self)
        self.list_widget.setObjectName("readiness_list")
        self.grid = QGridLayout(self.list_widget)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(style.GAP)
        self.grid.setVerticalSpacing(style.SPACING)
        self.grid.setColumnStretch(2, 1)
        self.declaration = QLabel(self)
        self.declaration.setObjectName("readiness_declaration")
        self.declaration.setWordWrap(True)
        body = QWidget(self)
        inner = QVBoxLayout(body)
        inner.setContentsMargins(style.MARGIN, style.MARGIN, style.MARGIN, style.MARGIN)
        inner.setSpacing(style.GAP)
        inner.addLayout(head)
        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        inner.addWidget(line)
        inner.addWidget(self.ready)
        inner.addWidget(self.list_widget)
        inner.addWidget(self.declaration)
        inner.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self.timer = QTimer(self)
        self.timer.setInterval(60_000)
        self.timer.timeout.connect(self._tick)
        self.timer.start()
        self.retranslate()

    def title(self) -> str:
        return _("Readiness")

    def retranslate(self) -> None:
        self.list_widget.setAccessibleName(_("Problems to fix"))
        self.progress.setAccessibleName(_("Share of the plan that is ready"))
        self.reload()

    # --- data ----------------------------------------------------------------------------------
    def reload(self) -> None:
        if self.action_id is None or self.ctx.store is None:
            self.data = None
            self._show_empty()
            return
        from app.domain.errors import NotFoundError

        try:
            self.data = self.ctx.query(read_readiness, self.action_id, self.now())
        except NotFoundError:
            self.data = None
            self._show_empty()
            return
        self._show()

    def on_changed(self, change) -> None:
        """A colleague's change while this panel is hidden: its badge is recomputed off the
        GUI thread, so a large action does not freeze the tab the user is working in."""
        touches = change.entity == "*" or change.action_id in (None, self.action_id)
        if getattr(change, "remote", False) and not self.isVisible() and touches:
            if self.action_id is not None and self.ctx.store is not None:
                self._later.start()  # a burst of changes: one recount, once it has settled
            return
        super().on_changed(change)

    def _recount_in_background(self) -> None:
        from ui.background_query import BackgroundQuery

        if self.action_id is None or self.ctx.store is None:
            return
        if self._background is None:
            self._background = BackgroundQuery(self)
        action_id = self.action_id
        self._background.request(
            self.ctx.store,
            read_readiness,
            action_id,
            self.now(),
            on_done=lambda data: self._arrived(action_id, data),
        )

    def _arrived(self, action_id: int, data: dict) -> None:
        if action_id == self.action_id:
            self.data = data
            self._show()

    def problems(self) -> list:
        return list(self.data["problems"]) if self.data else []

    def _show_empty(self) -> None:
        self._clear_rows()
        self.headline.setText(_("No action selected"))
        self.countdown.setText(_("Choose an action in the list to see what is left to do."))
        self.progress.setVisible(False)
        self.ready.setVisible(False)
        self.declaration.setVisible(False)
        self.badge_changed.emit("")

    def _when(self) -> str:
        from app.domain.timeutil import zone
        from app.i18n import ui

        local = self.data["starts_at"].astimezone(zone(self.data["timezone"]))
        return f"{ui().date(local, 'full')}, {ui().time(local)}"

    def _tick(self) -> None:
        if self.data is not None:
            self.countdown.setText(self._countdown_text())

    def _countdown_text(self) -> str:
        start, now = self.data["starts_at"], self.now()
        text = countdown(start, now)
        if start > now:
            return _("Starts {countdown}").format(countdown=text)
        return _("Started {countdown}").format(countdown=text)

    def _show(self) -> None:
        problems = self.problems()
        n = len(problems)
        if n:
            self.headline.setText(
                ngettext(
                    "{n} thing to fix before {when}", "{n} things to fix before {when}", n
                ).format(n=n, when=self._when())
            )
        else:
            self.headline.setText(_("Ready for {when}").format(when=self._when()))
        self.countdown.setText(self._countdown_text())
        share = ready_share(self.data["items"], problems)
        self.progress.setVisible(True)
        self.progress.setValue(round(share * 100))
        from babel.numbers import format_percent

        from app.i18n import ui_language

        self.progress.setFormat(
            _("{percent} ready").format(percent=format_percent(share, locale=ui_language()))
        )
        self.ready.setVisible(n == 0)
        if n == 0:
            self.ready.setStyleSheet(f"color: {style.css(style.success_color(self))};")
            self.ready.setText("✓ " + _("Ready: nothing is left to fix."))
            self.ready.setAccessibleName(self.ready.text())
        self._fill_rows(problems)
        self._show_declaration()
        self.badge_changed.emit(str(n) if n else "")

    def _clear_rows(self) -> None:
        self.fix_buttons = []
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget()
            if widget is not None:
                widget.hide()
                widget.deleteLater()

    def _fill_rows(self, problems: list) -> None:
        self._clear_rows()
        order = {area: i for i, area in enumerate(AREA_ORDER)}
        rows = sorted(
            enumerate(problems), key=lambda ip: (order.get(AREAS.get(ip[1].kind, ""), 99), ip[0])
        )
        colour = style.css(style.warning_color(self))
        muted = style.css(style.muted_color(self))
        for row, (_i, p) in enumerate(rows):
            area = _(AREAS.get(p.kind, N_("Other")))
            dot = QLabel("●", self.list_widget)
            dot.setStyleSheet(f"color: {colour};")
            dot.setAccessibleName(_("Problem"))
            area_label = QLabel(area, self.list_widget)
            area_label.setStyleSheet(f"color: {muted};")
            message = QLabel(p.message, self.list_widget)
            message.setWordWrap(True)
            message.setObjectName(f"problem_{row}")
            message.setProperty("kind", p.kind)
            message.setAccessibleName(f"{area}: {p.message}")
            text = _("Assign people") if p.kind == "role-short" else _("Open")
            button = QPushButton(icon("go"), text, self.list_widget)
            button.setObjectName(f"fix_{row}")
            button.setProperty("kind", p.kind)
            button.setAccessibleName(
                _("{action}: {problem}").format(action=text, problem=p.message)
            )
            button.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
            button.clicked.connect(
                lambda _c=False, e=p.entity, i=p.entity_id: self.navigate.emit(e, i)
            )
            self.fix_buttons.append(button)
            self.grid.addWidget(dot, row, 0)
            self.grid.addWidget(area_label, row, 1)
            self.grid.addWidget(message, row, 2)
            self.grid.addWidget(button, row, 3)
        self.list_widget.setVisible(bool(problems))

    def _show_declaration(self) -> None:
        from app.i18n import ui

        decl = self.data["declaration"]
        if not decl.applies:
            self.declaration.setVisible(False)
            return
        day = lambda d: ui().skeleton(d, "MMMMd")  # noqa: E731
        window = (
            _("window {first} – {last}").format(first=day(decl.first_day), last=day(decl.last_day))
            if decl.first_day
            else _("window ending {last}").format(last=day(decl.last_day))
        )
        authority = self.data["authority"]
        flagged = any(p.kind.startswith("declaration-") for p in self.problems())
        if decl.ok:
            text = "✓ " + (
                _("Declaration received {day} by {authority} ({window})").format(
                    day=day(decl.received_on), authority=authority, window=window
                )
                if authority
                else _("Declaration received {day} ({window})").format(
                    day=day(decl.received_on), window=window
                )
            )
            colour = style.success_color(self)
        elif decl.received_on is None:
            text = ("✗ " if flagged else "○ ") + _(
                "Declaration not received yet ({window})"
            ).format(window=window)
            colour = style.warning_color(self) if flagged else style.muted_color(self)
        else:
            text = "✗ " + _("Declaration received {day}: outside the {window}").format(
                day=day(decl.received_on), window=window
            )
            colour = style.warning_color(self)
        self.declaration.setStyleSheet(f"color: {style.css(colour)};")
        self.declaration.setText(text)
        self.declaration.setAccessibleName(text)
        self.declaration.setVisible(True)
