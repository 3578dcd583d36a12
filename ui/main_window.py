"""The main window: the actions list on the left, the selected action in seven tabs on the right,
menus, toolbar and status bar. Tabs written by other modules are imported by name and skipped
(keeping the Ctrl+number of the others) while they do not exist yet."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QByteArray, QEvent, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _, ui
from ui import settings_store, style
from ui import window_files as files
from ui import window_menus as menus
from ui.actions_list import ActionsPanel, status_text
from ui.after_paint import AfterPaint
from ui.context import AppContext
from ui.icons import icon
from ui.lazy_tabs import LazyTabs
from ui.optional import optional
from ui.tab_specs import TAB_ICONS, TAB_SPECS
from ui.widgets import away_cover

log = logging.getLogger("cortege.ui")
PURGE_REMINDER_EVERY_MS = 180_000  # colleagues' changes recount the purge reminder this often
HEADER_ENTITIES = ("*", "action", "assignment", "cue", "prop")  # what the header shows


def read_header(session, action_id: int):
    """Read by ``app.services.window_views.header`` (imported late)."""
    from app.services.window_views import header

    return header(session, action_id)


class MainWindow(QMainWindow):
    def __init__(self, *, now: Callable[[], datetime] | None = None) -> None:
        super().__init__()
        from app.domain.timeutil import utcnow

        self.setObjectName("main_window")
        self.now = now or utcnow
        self.ctx = AppContext(None, self)
        self.action_id: int | None = None
        self.header_data: dict | None = None
        self._texts: list[tuple[object, str]] = []  # (QAction or QMenu, msgid) to retranslate
        self._stale: set[str] = set()  # tabs to load for the selected action when shown
        self._dirty: set[str] = set()  # hidden tabs an edit touched: reload when shown
        self._fresh: set[str] = set()  # tabs that loaded the action during this change
        self._headers_drawn = 0  # how often the header was drawn (once per change is enough)
        self._purge_timer = QTimer(self)  # colleagues' changes: the org-wide count now and then
        self._purge_timer.setSingleShot(True)
        self._purge_timer.setInterval(PURGE_REMINDER_EVERY_MS)
        self._purge_timer.timeout.connect(self._refresh_purge_reminder)
        self._in_undo = False
        self.later = AfterPaint(self)  # the start's readiness badge and purge count
        self.live_updates = None
        self.unavailable: set[QAction] = set()  # menu items whose module is not there yet
        self.setAcceptDrops(True)
        from ui import dialog_policy, garbage

        garbage.collect_between_events()  # never inside Qt's walk over the windows

        dialog_policy.install()  # focus, Tab order and accessible names in every dialog
        from ui.widgets import message_sides, text_sides

        text_sides.install()  # an Arabic note starts at the right of its field
        message_sides.install()  # an Arabic message that opens with a path, too
        self.setWindowIcon(icon("cortege"))
        self._build_tabs()
        self._build_central()
        from ui import read_only

        read_only.install_banner(self)
        self.tabs.currentChanged.connect(lambda _i: read_only.apply(self))
        from ui.lock import WindowLock

        self.window_lock = WindowLock(self)  # File → Lock; before the menus that call it
        menus.build_actions(self)
        menus.build_menus(self)
        menus.build_toolbar(self)
        from ui.text_undo import TextUndoFilter

        self.text_undo = TextUndoFilter(self)
        self._build_status()
        self.ctx.changed.connect(self._on_changed)  # first: the list moves before tabs reload
        self.ctx.changed.connect(self._route_change)  # to the tabs: hidden ones reload when shown
        self.ctx.error.connect(self._on_error)
        self.ctx.unsaved_changed.connect(self._refresh_header)
        watch = optional("ui.dialogs.conflict", "watch_conflicts")
        if watch is not None:
            watch(self, self.ctx)  # another organiser saved first: show both versions
        self.retranslate()
        self._restore_layout()
        self._show_action_view(False)
        self._sync_enabled()
        self.clock = QTimer(self)  # the countdown in the header moves on
        self.clock.setInterval(60_000)
        self.clock.timeout.connect(self._refresh_header)
        self.clock.start()

    # --- building ----------------------------------------------------------------------------
    def _build_tabs(self) -> None:
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("action_tabs")
        self.tabs.setDocumentMode(True)
        self.tab_badges: dict[str, str] = {}
        # Every title at once; a tab's widget is built when first shown or asked for.
        self.tab_widgets = LazyTabs(self, self.tabs, TAB_SPECS, TAB_ICONS)
        self.tabs.currentChanged.connect(self._tab_shown)

    def _tab_built(self, key: str, tab: QWidget) -> None:
        """``tab_widgets`` just built ``key``: connect it; it loads the action when shown."""
        if key == "readiness":
            tab.now = lambda: self.now()
        tab.navigate.connect(self.navigate)
        tab.badge_changed.connect(lambda text, k=key: self._set_badge(k, text))
        self._set_badge(key, self.tab_badges.get(key, ""))
        tab.action_id = self.action_id
        if self.action_id is not None:
            self._stale.add(key)
        from ui import read_only

        read_only.apply(self)  # a read-only database locks the new tab's controls too

    def _build_central(self) -> None:
        self.actions_panel = ActionsPanel(self.ctx, self)
        self.actions_panel.action_selected.connect(self._action_selected)
        self.actions_panel.new_requested.connect(self.new_action)
        self.actions_panel.duplicate_requested.connect(self.duplicate_action)
        self.header_title = QLabel(self)
        self.header_title.setObjectName("header_title")
        self.header_title.setFont(style.scaled_font(self, 1.45, bold=True))
        self.header_title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.header_state = QLabel(self)
        self.header_state.setObjectName("header_state")
        self.header_when = QLabel(self)
        self.header_when.setObjectName("header_when")
        self.header_when.setStyleSheet(f"color: {style.css(style.muted_color(self))};")
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, style.MARGIN, 0)
        top.addWidget(self.header_title, 1)
        top.addWidget(self.header_state, 0, Qt.AlignmentFlag.AlignRight)
        action_page = QWidget(self)
        page = QVBoxLayout(action_page)
        page.setContentsMargins(style.MARGIN, style.MARGIN, 0, 0)
        page.setSpacing(style.SPACING // 2)
        page.addLayout(top)
        page.addWidget(self.header_when)
        page.addSpacing(style.SPACING)
        page.addWidget(self.tabs, 1)
        empty_page = QWidget(self)
        empty = QVBoxLayout(empty_page)
        empty.addStretch(1)
        self.empty_title = QLabel(self)
        self.empty_title.setObjectName("empty_title")
        self.empty_title.setFont(style.scaled_font(self, 1.3, bold=True))
        self.empty_title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_text = QLabel(self)
        self.empty_text.setObjectName("empty_text")
        self.empty_text.setWordWrap(True)
        self.empty_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_text.setStyleSheet(f"color: {style.css(style.muted_color(self))};")
        self.empty_button = QPushButton(icon("add"), "", self)
        self.empty_button.setObjectName("empty_new_action")
        self.empty_button.clicked.connect(self.new_action)
        empty.addWidget(self.empty_title)
        empty.addWidget(self.empty_text)
        empty.addSpacing(style.GAP)
        empty.addWidget(self.empty_button, 0, Qt.AlignmentFlag.AlignCenter)
        empty.addStretch(2)
        self.right = QStackedWidget(self)
        self.right.addWidget(empty_page)
        self.right.addWidget(action_page)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("main_splitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.actions_panel)
        self.splitter.addWidget(self.right)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([300, 980])
        self.setCentralWidget(self.splitter)
        panel = self.actions_panel
        chain = [panel.filter_edit, panel.view, panel.new_button, panel.duplicate_button, self.tabs]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def _build_status(self) -> None:
        self.status_left = QLabel(self)
        self.status_left.setObjectName("status_summary")
        self.status_right = QLabel(self)
        self.status_right.setObjectName("status_locale")
        self.statusBar().addWidget(self.status_left, 1)
        # The purge reminder: visible while people are past their retention date. A button
        # rather than a pop-up, so it never interrupts work (or a test) at start.
        self.purge_button = QPushButton(self)
        self.purge_button.setObjectName("purge_reminder")
        self.purge_button.setFlat(True)
        self.purge_button.setVisible(False)
        self.purge_button.clicked.connect(lambda: self.a_purge.trigger())
        self.statusBar().addPermanentWidget(self.purge_button)
        self.statusBar().addPermanentWidget(self.status_right)

    def _refresh_purge_reminder(self) -> None:
        if self.later.hold(self._refresh_purge_reminder):
            self._purge_counted = True  # counted once, when the start has shown its action
            return
        n = 0
        if self.ctx.store is not None and self.a_purge.isEnabled():
            from app.services.purge import due_count

            n = self.ctx.query(due_count)
            self._purge_counted = True
        self._purge_due = n
        self._show_purge_reminder()

    def _show_purge_reminder(self) -> None:
        from app.i18n import ngettext

        n = getattr(self, "_purge_due", 0)
        self.purge_button.setVisible(bool(n))
        if n:
            text = ngettext(
                "Purge due: {n} person past their retention date…",
                "Purge due: {n} people past their retention date…",
                n,
            ).format(n=ui().number(n))
            self.purge_button.setText(text)
            self.purge_button.setAccessibleName(text)

    # --- language ------------------------------------------------------------------------------
    def retranslate(self) -> None:
        for obj, text in self._texts:
            if isinstance(obj, QMenu):
                obj.setTitle(_(text))
            else:
                obj.setText(_(text))
                menus.set_tooltip(obj, text, unavailable=obj in self.unavailable)
        for tab in self.tab_widgets.built().values():
            tab.retranslate()
        for key in self.tab_widgets:
            self._set_badge(key, self.tab_badges.get(key, ""))
        self.tabs.setAccessibleName(_("Parts of the action"))
        self.toolbar.setWindowTitle(_("Toolbar"))
        self.toolbar.setAccessibleName(_("Toolbar"))
        self.splitter.setAccessibleName(_("Actions and the selected action"))
        self.header_title.setAccessibleName(_("Action title"))
        self.empty_button.setText(_("&New action…"))
        self.empty_button.setAccessibleName(_("New action"))
        self.actions_panel.retranslate()
        for live in (getattr(self, "live_screen", None), getattr(self, "stage_display", None)):
            if live is not None:  # live mode's windows (ui/live_screen.py, ui/live_stage.py)
                live.retranslate()
        self.window_lock.retranslate()
        self._show_purge_reminder()
        self._update_undo()
        self._refresh_header()
        self._refresh_title()

    def apply_language(self, lang: str | None) -> None:
        """The user chose another UI language (None: the system's)."""
        from app.i18n import set_ui_language, ui_language

        before = ui_language()
        set_ui_language(lang)
        apply = optional("ui.i18n_qt", "apply_language")
        if apply is not None:
            apply(lang)
        self.ctx.retranslate_history(before, ui_language())  # "Undo …" in the new language
        sweep = optional("ui.i18n_qt", "retranslate_widgets")
        if sweep is not None:
            sweep(self, before, ui_language())  # texts set once, when a widget was built
        self.retranslate()
        self._reload_in_new_language()

    def _reload_in_new_language(self) -> None:
        """Values written by the tabs (numbers, dates, amounts) in the new locale: the shown
        tab and readiness reload now, the others when shown."""
        if self.action_id is None:
            return
        shown = self.tabs.currentWidget()
        for key, tab in self.tab_widgets.items():
            if key in self._stale:
                continue
            if tab is shown or key == "readiness":
                tab.reload()
            else:
                self._dirty.add(key)

    # --- database ------------------------------------------------------------------------------
    def open_database(self, target: str, *, add_demo: bool = False) -> bool:
        """Open ``target`` (a file path or a URL) in this window; False (with a message shown)
        when it cannot be opened. The team-mode dialogs call this too."""
        return files.open_database(self, target, add_demo=add_demo)

    def database_name(self) -> str:
        return self.ctx.store.display_name() if self.ctx.store is not None else ""

    def _refresh_title(self) -> None:
        name = self.database_name() or self.window_lock.locked_name()
        self.setWindowTitle(
            _("Cortège — {database}").format(database=name) if name else _("Cortège")
        )

    def attach_store(self, store) -> None:
        """Switch to an opened store (files.open_database calls this)."""
        from ui.view_reset import close_store_bound_dialogs

        self.window_lock.forget()  # another database opened while locked
        close_store_bound_dialogs(self)
        for tab in self.tab_widgets.built().values():
            tab.set_action(None)
        self.action_id = None
        old = self.ctx.store
        self._purge_counted = False  # the change "everything" below may count it already
        self.ctx.reset_store(store)
        if old is not None and old is not store:
            old.close()
        if self.live_updates is None:
            cls = optional("ui.live_updates", "LiveUpdates")
            if cls is not None:
                self.live_updates = cls(self.ctx, self)
                if hasattr(self.live_updates, "statusChanged"):
                    self.live_updates.statusChanged.connect(
                        lambda text: self.statusBar().showMessage(text, 15000)
                    )
        from ui import replaced_file

        replaced_file.watch(self, store)  # another program replacing the file is noticed
        self._refresh_title()
        if not self._purge_counted:
            self._refresh_purge_reminder()
        last = settings_store.last_action(store.display_name())
        if not self.actions_panel.select(last):
            self.actions_panel.select_first()
        self._sync_enabled()

    # --- selection and tabs --------------------------------------------------------------------
    def _action_selected(self, action_id: int) -> None:
        new = action_id or None
        if new == self.action_id:
            return
        self.action_id = new
        if self.ctx.store is not None:
            settings_store.set_last_action(self.database_name(), new)
        self.ctx.clear_unsaved()  # a refused save of the last action is not this one's
        for tab in self.tab_widgets.built().values():
            away_cover.uncover(tab)  # greyed when the server was away: the new action loads anew
        self._stale = set()
        self._dirty = set()
        if new is not None:  # the shown tab, and the readiness tab for its badge
            self.tab_widgets.get(self.tab_widgets.key_of(self.tabs.currentWidget()) or "")
            if not self.later.hold(self._judge_shown_action):
                self.tab_widgets.get("readiness")
            self._stale = set()  # the tabs just built load here, not once more when shown
        current = self.tabs.currentWidget()
        for key, tab in self.tab_widgets.built().items():
            if tab is current or key == "readiness":
                tab.set_action(new)
                self._fresh.add(key)  # a change selecting this action: no second load
            else:  # the others load when shown; their id is current for on_changed already
                tab.action_id = new
                self._stale.add(key)
        self._show_action_view(new is not None)
        self._refresh_header()
        self._sync_enabled()

    def _judge_shown_action(self) -> None:
        """The readiness badge of the action shown (the start judges it after its paint)."""
        if self.action_id is None:
            return
        built = "readiness" in self.tab_widgets.built()
        tab = self.tab_widgets.get("readiness")
        if tab is not None and (not built or "readiness" in self._stale):
            self._stale.discard("readiness")
            tab.set_action(self.action_id)

    def _tab_shown(self, _index: int) -> None:
        tab = self.tabs.currentWidget()
        if self.tab_widgets.is_placeholder(tab) and self.right.currentIndex() == 1:
            tab = self.tab_widgets.get(self.tab_widgets.key_of(tab))
        for key, widget in self.tab_widgets.built().items():
            if widget is tab and key in self._stale:
                self._stale.discard(key)
                self._load_tab(key, tab)
            elif widget is tab and key in self._dirty:
                self._dirty.discard(key)
                tab.reload()

    def _load_tab(self, key: str, tab) -> None:
        """Show the action in ``tab``. When the server cannot be reached, the tab is greyed and
        the status bar says why — first shown empty, it read as "no cues, no props" under the
        error — and it loads by itself with the next change (the reconnection brings one)."""
        from app.storage.server import ServerError

        try:
            tab.set_action(self.action_id)
        except ServerError as exc:
            self._stale.add(key)
            away_cover.cover(tab)  # says so on the tab, where its empty-state words were
            from ui.dialogs.error_dialog import show_error

            show_error(self, exc)
            return
        if away_cover.is_covered(tab):
            away_cover.uncover(tab)

    def _show_action_view(self, shown: bool) -> None:
        self.right.setCurrentIndex(1 if shown else 0)
        if not shown:
            if self.ctx.store is None:
                self.empty_title.setText(_("No database open"))
                self.empty_text.setText(_("Open a database with File → Open database… (Ctrl+O)."))
            elif self.actions_panel.model.rowCount() == 0:
                self.empty_title.setText(_("No action yet"))
                self.empty_text.setText(
                    _(
                        "Plan your first action: click New action below (or Action → New action), "
                        "give it a title, a date and a place, then add roles, a schedule and "
                        "props. Or drop a bundle (.json) here to import one."
                    )
                )
            else:
                self.empty_title.setText(_("No action selected"))
                self.empty_text.setText(
                    _("Choose an action in the list on the left, or press Ctrl+N for a new one.")
                )
            self.empty_button.setEnabled(self.ctx.store is not None)

    def _sync_enabled(self) -> None:
        has_db = self.ctx.store is not None
        for act in self.action_bound:
            act.setEnabled(self.action_id is not None and act not in self.unavailable)
        for act in self.db_bound:
            act.setEnabled(has_db and act not in self.unavailable)
        from ui import read_only

        read_only.apply(self)  # a read-only database keeps its edits off
        self.window_lock.sync_action()

    def show_tab(self, key: str) -> bool:
        if self.action_id is None or key not in self.tab_widgets:
            return False
        tab = self.tab_widgets.get(key)
        if tab is None:
            return False
        self.tabs.setCurrentWidget(tab)
        from ui.tabs._common import focus_in

        focus_in(tab)  # the tab's list or first field: keys work at once
        return True

    def navigate(self, entity: str, entity_id: int) -> bool:
        """Show the tab that holds ``entity`` ``entity_id`` (a readiness link was followed)."""
        order = list(self.tab_widgets)
        if entity == "action":
            order.sort(key=lambda k: k != "overview")
        for key in order:
            tab = self.tab_widgets.get(key)  # built on the way, only until one shows it
            if tab is None:
                continue
            if key in self._stale:
                self._stale.discard(key)
                tab.set_action(self.action_id)
            elif key in self._dirty:
                self._dirty.discard(key)
                tab.reload()
            if tab.focus_entity(entity, entity_id):
                self.tabs.setCurrentWidget(tab)
                return True
        self.statusBar().showMessage(_("Nothing here shows that item yet."), 5000)
        return False

    def _set_badge(self, key: str, text: str) -> None:
        self.tab_badges[key] = text
        tab = self.tab_widgets.page(key)
        index = self.tabs.indexOf(tab)
        built = self.tab_widgets.built().get(key)
        fallback = _(dict((k, t) for k, _m, _c, t in TAB_SPECS)[key])
        title = (built.title() if built else "") or fallback
        self.tabs.setTabText(index, f"{title} ({text})" if text else title)
        number = [s[0] for s in TAB_SPECS].index(key) + 1
        keys = QKeySequence(f"Ctrl+{number}").toString(QKeySequence.SequenceFormat.NativeText)
        self.tabs.setTabToolTip(index, f"{title} ({keys})")  # as the menus name keys: "Strg+2"

    # --- changes -------------------------------------------------------------------------------
    def _on_changed(self, change) -> None:
        self._fresh = set()
        readiness = self.tab_widgets.built().get("readiness")
        if readiness is not None:  # an action this change selects is judged after it, once
            readiness.forget_judgements()
        drawn = self._headers_drawn
        self.actions_panel.apply(change)
        if change.entity in ("*", "participant", "assignment", "action", "media_contact"):
            if getattr(change, "remote", False):  # org-wide work: at most every few minutes
                if not self._purge_timer.isActive():
                    self._purge_timer.start()
            else:
                self._refresh_purge_reminder()
        counts = change.entity in HEADER_ENTITIES and change.kind != "updated"  # added, removed
        selected = self._headers_drawn != drawn  # the list selected an action: drawn already
        ours = change.action_id in (None, self.action_id)
        if not selected and ours and (change.entity in ("*", "action") or counts):
            self._refresh_header()
        if self.action_id is None:
            self._show_action_view(False)

    def _route_change(self, change) -> None:
        """The shown tab (and the readiness badge) refresh now; a hidden tab the change
        touches only notes it and reloads when shown."""
        shown = self.tabs.currentWidget() if self.right.currentIndex() == 1 else None
        fresh, self._fresh = self._fresh, set()
        for key, tab in self.tab_widgets.built().items():
            if tab is shown and key in self._stale and not tab.isEnabled():
                self._stale.discard(key)  # could not be read when shown: try again now
                self._load_tab(key, tab)
                continue
            if key in self._stale or key in fresh:
                continue  # loads the whole action when shown anyway, or just loaded it
            if tab is shown or key == "readiness":
                tab.on_changed(change)
            elif change.entity == "*" or change.action_id in (None, tab.action_id):
                self._dirty.add(key)

    def _on_error(self, error) -> None:
        if self._in_undo or getattr(error, "during_history", False):
            from ui.dialogs.error_dialog import show_error

            show_error(self, error)
        else:
            from ui.widgets.field_error import problem_text

            self.statusBar().showMessage(
                _("Not saved: {reason}").format(reason=problem_text(error)), 8000
            )

    def _refresh_header(self) -> None:
        from app.i18n import ui_language

        self._headers_drawn += 1

        data = None
        if self.action_id is not None and self.ctx.store is not None:
            from app.domain.errors import NotFoundError

            try:
                data = self.ctx.query(read_header, self.action_id)
            except NotFoundError:
                data = None
        self.header_data = data
        if data is None:
            for label in (self.header_title, self.header_state, self.header_when):
                label.clear()  # nothing of the last action (or database) stays on screen
            self.status_left.setText(self._saved_text() if self.ctx.store else "")
            self.status_right.setText(ui_language())
            return
        from app.domain.timeutil import zone
        from app.i18n import ngettext, ui
        from ui.tabs.readiness import countdown

        tz = zone(data["timezone"])
        start, end = data["starts_at"].astimezone(tz), data["ends_at"].astimezone(tz)
        self.header_title.setText(data["title"])
        for label in (self.header_title, self.header_when):  # a Latin title in an Arabic window
            style.lead(label)  # starts at the right all the same
        self.header_state.setText(
            f"{status_text(data['status'])} · {countdown(data['starts_at'], self.now())}"
        )
        hours = ui().hours(start, end, ui().time, lambda day: ui().skeleton(day, "MMMEd"))
        when = f"{ui().date_and_time(ui().skeleton(start, 'yMMMEd'), hours)} ({data['timezone']})"
        if data["location"]:
            when += f" · {data['location']}"
        self.header_when.setText(when)
        parts = [
            self._saved_text(),
            ngettext("{n} participant", "{n} participants", data["participants"]).format(
                n=ui().number(data["participants"])
            ),
            ngettext("{n} cue", "{n} cues", data["cues"]).format(n=ui().number(data["cues"])),
            ngettext("{n} prop", "{n} props", data["props"]).format(n=ui().number(data["props"])),
        ]
        self.status_left.setText(" · ".join(parts))
        self.status_right.setText(f"{ui_language()} · {data['timezone']}")

    def _saved_text(self) -> str:
        """ "All changes saved", only when no field holds a refused save (the status bar said so
        beside a change the server had just refused)."""
        if self.ctx.unsaved:
            return _("A change is not saved: see the field marked in red")
        return _("All changes saved")

    # --- undo ----------------------------------------------------------------------------------
    def _update_undo(self) -> None:
        stack = self.ctx.undo_stack
        try:
            u, r = stack.undoText(), stack.redoText()
        except RuntimeError:  # the window is being destroyed with its stack
            return
        # A cue's title of 300 characters in the toolbar's Undo made the window wider than
        # the screen: the button and the menu say the start of it, the tooltip all of it.
        for action, what, label, alone in (
            (self.a_undo, u, _("&Undo {what}"), _("&Undo")),
            (self.a_redo, r, _("&Redo {what}"), _("&Redo")),
        ):
            if not what:
                action.setText(alone)
                action.setIconText(alone.replace("&", ""))
                menus.show_tooltip(action, alone)
                continue
            short = self._short(what)
            action.setText(label.format(what=short.replace("&", "&&")))  # "Tea & cake"
            # the toolbar's button drops a closing "…" from the text: its own says it
            action.setIconText(label.replace("&", "").format(what=short))
            menus.show_tooltip(action, label.format(what=what.replace("&", "&&")))
        self.a_undo.setEnabled(stack.canUndo())
        self.a_redo.setEnabled(stack.canRedo())
        self.window_lock.hide_undo_texts()  # locked: the texts name plan items

    def _short(self, what: str) -> str:
        """``what`` cut to about 60 characters' width, with "…" (whole letters and marks)."""
        metrics = self.fontMetrics()
        return metrics.elidedText(
            what, Qt.TextElideMode.ElideRight, metrics.averageCharWidth() * 60
        )

    def undo(self) -> None:
        self._in_undo = True
        try:
            self.ctx.undo_stack.undo()
        finally:
            self._in_undo = False

    def redo(self) -> None:
        self._in_undo = True
        try:
            self.ctx.undo_stack.redo()
        finally:
            self._in_undo = False

    # --- action commands -----------------------------------------------------------------------
    def new_action(self) -> None:
        files.new_action(self)

    def duplicate_action(self) -> None:
        files.duplicate_action(self)

    def move_action(self) -> None:
        files.move_action(self)

    def delete_action(self) -> None:
        files.delete_action(self)

    def focus_filter(self) -> None:
        if not self.actions_panel.isVisible():
            self.a_toggle_list.setChecked(True)
            self._toggle_list()
        self.actions_panel.filter_edit.setFocus()
        self.actions_panel.filter_edit.selectAll()

    def open_preferences(self) -> None:
        from ui.dialogs.preferences import open_dialog

        if self.ctx.store is not None:
            self.preferences = open_dialog(self, self.ctx, on_language=self.apply_language)

    def open_about(self) -> None:
        from ui.dialogs.about import open_dialog

        self.about = open_dialog(self, database=self.database_name())

    def _toggle_list(self) -> None:
        self.actions_panel.setVisible(self.a_toggle_list.isChecked())

    def _toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()
        self.a_fullscreen.setChecked(self.isFullScreen())

    # --- window state --------------------------------------------------------------------------
    def _restore_layout(self) -> None:
        geometry = settings_store.load_bytes("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 820)
        state = settings_store.load_bytes("window/state")
        if state is not None:
            self.restoreState(state)
        sizes = settings_store.load_sizes("window/splitter")
        if sizes and len(sizes) == 2 and all(s > 0 for s in sizes):
            self.splitter.setSizes(sizes)
        shown = settings_store.flag("window/actions_list", True)
        self.a_toggle_list.setChecked(shown)
        self.actions_panel.setVisible(shown)

    def save_layout(self) -> None:
        settings_store.save_bytes("window/geometry", QByteArray(self.saveGeometry()))
        settings_store.save_bytes("window/state", QByteArray(self.saveState()))
        settings_store.save_sizes("window/splitter", self.splitter.sizes())
        settings_store.set_flag("window/actions_list", self.a_toggle_list.isChecked())
        if self.ctx.store is not None:
            settings_store.set_last_action(self.database_name(), self.action_id)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        self.save_layout()
        self.clock.stop()
        from ui.window_file_ops import close_store

        close_store(self)
        super().closeEvent(event)

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # e.g. the desktop switched to dark
            self._repaint_theme()

    def _repaint_theme(self) -> None:
        from ui import icons

        icons.forget()
        for action in self.findChildren(QAction):
            name = action.property("icon_name")
            if name:
                action.setIcon(icon(str(name)))
        for index, key in enumerate(TAB_ICONS):
            if TAB_SPECS[index][0] in self.tab_widgets:
                page = self.tab_widgets.page(TAB_SPECS[index][0])
                self.tabs.setTabIcon(self.tabs.indexOf(page), icon(key))
        muted = f"color: {style.css(style.muted_color(self))};"
        for label in (self.header_when, self.empty_text, self.actions_panel.empty):
            label.setStyleSheet(muted)
        from ui import theme

        theme.refresh_window(self)  # the read-only banner, readiness colours

    # --- drag and drop -------------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        if files.dropped_paths(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        paths = files.dropped_paths(event.mimeData())
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        QTimer.singleShot(0, lambda: files.import_paths(self, paths))
