"""Readiness: every problem the readiness check finds, grouped by kind (the top of each group,
and a row to review the rest), each row opening the thing to fix; a clear "Ready" state when
none is left, "Nothing planned yet" for an empty plan; a countdown to the action.
Recomputed after every edit. The list is a model/view (``readiness_model``): no widget per row.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _, ngettext
from ui import style
from ui.icons import icon
from ui.tabs.base import ActionTab
from ui.tabs.readiness_model import AREA_ORDER, AREAS, ENTITY_ROLE, ReadinessModel
from ui.widgets.wrap_delegate import WrappingDelegate

CACHED_ACTIONS = 8

__all__ = ["AREAS", "AREA_ORDER", "ReadinessTab", "countdown", "read_readiness"]


def read_readiness(session, action_id: int, now: datetime):
    from app.services.readiness import assess

    return assess(session, action_id, now=now)


def countdown(start: datetime, now: datetime) -> str:
    """'in 9 days' / '3 hours ago', in the UI language."""
    from babel.dates import format_timedelta

    from app.i18n import ui_language

    return format_timedelta(start - now, add_direction=True, threshold=1.5, locale=ui_language())


HIDDEN_RECOUNT_MS = 1000  # colleagues' changes recount a hidden panel after this pause
#: A plan of this many people and cues or more is judged off the GUI thread once a burst of
#: changes has settled (MERGE_MS); a smaller one is judged at once, in the same event.
#: Measured on the shared build machine: 2,000 people and 200 cues ~300 ms, the demo ~75 ms
#: (mostly the fixed cost of reading the plan, about half when the machine is idle). A size,
#: not a measured time, so that the same plan behaves the same on a loaded machine.
BIG_PLAN = 600
MERGE_MS = 150


class ReadinessTab(ActionTab):
    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        from app.domain.timeutil import utcnow

        self._background = None  # a BackgroundQuery, made on the first hidden refresh
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.setInterval(HIDDEN_RECOUNT_MS)
        self._later.timeout.connect(self._recount_in_background)
        self._size: dict[int, tuple[int, str]] = {}  # action → (people and cues, title)
        # the store the cache and sizes belong to, weakly: a locked database's Store (and the
        # key in its connection factory) must be free to go
        self._cached_store = lambda: None
        self._generation = 0  # a judgement asked for later wins over one asked for before

        self.setObjectName("readiness_tab")
        self.now: Callable[[], datetime] = utcnow
        self.data = None  # the last Assessment
        # Assessments by action, until the next change: switching back and forth between two
        # big actions does not judge the same unchanged plan again (any change clears it).
        self._cache: dict[int, tuple[datetime, object]] = {}
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
        self.model = ReadinessModel(self)
        self.view = QTreeView(self)
        self.view.setObjectName("readiness_list")
        self.view.setModel(self.model)
        self.view.setRootIsDecorated(True)
        self.view.setUniformRowHeights(False)
        self.view.setWordWrap(True)
        self.view.setItemDelegate(WrappingDelegate(self.view))  # a long problem on 2 lines
        self.view.setStyleSheet("QTreeView::item { padding: 3px 2px; }")
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.header().setStretchLastSection(True)
        self.view.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.view.activated.connect(self._open)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.open_button = QPushButton(icon("go"), _("Open"), self)
        self.open_button.setObjectName("readiness_open")
        self.open_button.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(lambda: self._open(self.view.currentIndex()))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        self.declaration = QLabel(self)
        self.declaration.setObjectName("readiness_declaration")
        self.declaration.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(style.MARGIN, style.MARGIN, style.MARGIN, style.MARGIN)
        layout.setSpacing(style.GAP)
        layout.addLayout(head)
        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        layout.addWidget(line)
        layout.addWidget(self.ready)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.declaration)
        self.filler = QWidget(self)  # keeps the labels at the top when the list is hidden
        layout.addWidget(self.filler, 1)
        self.timer = QTimer(self)
        self.timer.setInterval(60_000)
        self.timer.timeout.connect(self._tick)
        self.timer.start()
        self.retranslate()

    def title(self) -> str:
        return _("Readiness")

    def retranslate(self) -> None:
        self._cache.clear()
        self.view.setAccessibleName(_("Problems to fix"))
        self.progress.setAccessibleName(_("Share of the plan that is ready"))
        self.reload()

    # --- data ----------------------------------------------------------------------------------
    def set_action(self, action_id: int | None) -> None:
        """Switching to an action judged in this minute, with no change since, shows that."""
        self.action_id = action_id
        self._load(cached=True)

    def reload(self) -> None:
        self._load(cached=False)

    def _load(self, *, cached: bool) -> None:
        if self.action_id is None or self.ctx.store is None:
            self.data = None
            self._show_empty()
            return
        from app.domain.errors import NotFoundError

        now = self.now()
        minute = now.replace(second=0, microsecond=0)
        if self._cached_store() is not self.ctx.store:  # another database: its own ids
            self._cache.clear()
            self._size.clear()
            store = self.ctx.store
            self._cached_store = weakref.ref(store) if store is not None else (lambda: None)
        kept = self._cache.get(self.action_id) if cached else None
        self._generation += 1
        self._later.stop()
        try:
            if kept is not None and kept[0] == minute:
                self.data = kept[1]
            elif self._slow():  # a big plan: judged in a pool thread, shown when it arrives
                self._show_checking()
                self._recount_in_background()
                return
            else:
                self.data = self.ctx.query(read_readiness, self.action_id, now)
                self._size[self.action_id] = (self.data.size, self.data.title)
                self._cache.pop(self.action_id, None)
                self._cache[self.action_id] = (minute, self.data)
                while len(self._cache) > CACHED_ACTIONS:
                    self._cache.pop(next(iter(self._cache)))
        except NotFoundError:
            self.data = None
            self._show_empty()
            return
        self._show()

    def forget_judgements(self) -> None:
        """Whatever changed may change any action's readiness: judge again when asked."""
        self._cache.clear()

    def on_changed(self, change) -> None:
        """A colleague's change while this panel is hidden: its badge is recomputed off the
        GUI thread, so a large action does not freeze the tab the user is working in."""
        self.forget_judgements()
        touches = change.entity == "*" or change.action_id in (None, self.action_id)
        if not touches:
            return
        remote_hidden = getattr(change, "remote", False) and not self.isVisible()
        if remote_hidden or self._slow():
            if self.action_id is not None and self.ctx.store is not None:
                # a burst of changes: one recount, once it has settled
                self._later.setInterval(HIDDEN_RECOUNT_MS if remote_hidden else MERGE_MS)
                self._later.start()
            return
        self.reload()

    def _slow(self) -> bool:
        """This action's plan is big enough for its check to freeze the window."""
        return self._size.get(self.action_id, (0, ""))[0] >= BIG_PLAN

    def _recount_in_background(self) -> None:
        from ui.background_query import BackgroundQuery

        if self.action_id is None or self.ctx.store is None:
            return
        if self._background is None:
            self._background = BackgroundQuery(self)
        action_id, generation = self.action_id, self._generation
        now = self.now()
        self._background.request(
            self.ctx.store,
            read_readiness,
            action_id,
            now,
            on_done=lambda result: self._arrived(action_id, generation, now, result),
        )

    def _arrived(self, action_id: int, generation: int, now: datetime, data) -> None:
        self._size[action_id] = (data.size, data.title)  # data: an Assessment
        if action_id != self.action_id or generation != self._generation:
            return  # another action is shown, or a newer judgement was asked for
        self.data = data
        self._cache.pop(action_id, None)
        self._cache[action_id] = (now.replace(second=0, microsecond=0), data)
        self._show()

    def _show_checking(self) -> None:
        """While a big plan is judged in the background: nothing of another action stays."""
        self.data = None
        self._fill_rows([])
        title = self._size.get(self.action_id, (0, ""))[1]
        self.headline.setText(_("Checking {name}…").format(name=title))
        self.countdown.clear()
        self.progress.setVisible(False)
        self.ready.setVisible(False)
        self.declaration.setVisible(False)
        self.badge_changed.emit("")

    def problems(self) -> list:
        return list(self.data.problems) if self.data else []

    def _show_empty(self) -> None:
        self._fill_rows([])
        self.headline.setText(_("No action selected"))
        self.countdown.setText(
            _("Choose an action in the list on the left, or create one with Action → New action.")
        )
        self.progress.setVisible(False)
        self.ready.setVisible(False)
        self.declaration.setVisible(False)
        for label in (self.ready, self.declaration):  # hidden, but nothing of the action stays
            label.clear()
            label.setAccessibleName("")
        self.badge_changed.emit("")

    def _when(self) -> str:
        from app.domain.timeutil import zone
        from app.i18n import ui

        local = self.data.starts_at.astimezone(zone(self.data.timezone))
        return ui().date_and_time(ui().date(local, "full"), ui().time(local))

    def _tick(self) -> None:
        if self.data is not None:
            self.countdown.setText(self._countdown_text())

    def _countdown_text(self) -> str:
        start, now = self.data.starts_at, self.now()
        text = countdown(start, now)
        if start > now:
            return _("Starts {countdown}").format(countdown=text)
        return _("Started {countdown}").format(countdown=text)

    def _show(self) -> None:
        from app.i18n import ui

        problems = self.problems()
        n = len(problems)
        share = self.data.share
        if not self.data.planned:
            self.headline.setText(_("Nothing planned yet for {when}").format(when=self._when()))
        elif n:
            self.headline.setText(
                ngettext(
                    "{n} thing to fix before {when}", "{n} things to fix before {when}", n
                ).format(n=ui().number(n), when=self._when())
            )
        else:
            self.headline.setText(_("Ready for {when}").format(when=self._when()))
        self.countdown.setText(self._countdown_text())
        self.progress.setVisible(share is not None)
        if share is not None:
            self.progress.setValue(round(share * 100))
            self.progress.setFormat(_("{percent} ready").format(percent=ui().percent(share)))
        if not self.data.planned:
            self.ready.setStyleSheet(f"color: {style.css(style.muted_color(self))};")
            self.ready.setText(
                _(
                    "Nothing to check yet — add roles on the People tab or cues on the "
                    "Schedule tab to see what is left to do."
                )
            )
        elif n == 0:
            self.ready.setStyleSheet(f"color: {style.css(style.success_color(self))};")
            self.ready.setText("✓ " + _("Ready: nothing is left to fix."))
        self.ready.setAccessibleName(self.ready.text())
        self.ready.setVisible(n == 0 or not self.data.planned)
        self._fill_rows(problems)
        self._show_declaration()
        self.badge_changed.emit(ui().number(n) if n else "")

    def _fill_rows(self, problems: list) -> None:
        self.model.warning = style.warning_color(self)
        self.model.muted = style.muted_color(self)
        self.model.set_problems(problems)
        self.view.expandAll()
        self.view.setVisible(bool(problems))
        self.open_button.setVisible(bool(problems))
        self.filler.setVisible(not problems)
        self._current_changed(self.view.currentIndex())

    def _current_changed(self, index: QModelIndex, _previous: QModelIndex | None = None) -> None:
        valid = index.isValid()
        self.open_button.setEnabled(valid)
        text = self.model.action_text(index) if valid else _("Open")
        self.open_button.setText(text)
        self.open_button.setAccessibleName(
            _("{action}: {problem}").format(
                action=text, problem=self.model.text(index.siblingAtColumn(1))
            )
            if valid
            else text
        )

    def _open(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        entity, entity_id = self.model.data(index, ENTITY_ROLE)
        self.navigate.emit(entity, entity_id)

    def _show_declaration(self) -> None:
        from app.i18n import ui

        decl = self.data.declaration
        if not decl.applies:
            self.declaration.setVisible(False)
            return
        day = lambda d: ui().skeleton(d, "MMMMd")  # noqa: E731
        window = (
            _("window {first} – {last}").format(first=day(decl.first_day), last=day(decl.last_day))
            if decl.first_day
            else _("window ending {last}").format(last=day(decl.last_day))
        )
        authority = self.data.authority
        flagged = any(p.kind.startswith("declaration-") for p in self.problems())
        if decl.ok:
            text = "✓ " + (
                # Translators: {authority} is a proper name ("Préfecture de police"): the
                # template names it after a colon, so no article or preposition has to agree.
                _("Declaration received {day} — authority: {authority} ({window})").format(
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
