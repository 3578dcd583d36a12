"""Locking by itself: after some idle minutes, and when the laptop sleeps or the session locks.

- **Idle**: an event filter on the QApplication restarts a single-shot timer on every key,
  mouse, wheel or touch input; when it fires, an open encrypted database is locked. The
  minutes are a setting of this computer (Preferences → *Lock after idle*, default 10,
  0 = never), not of the database: each laptop has its own risk.
- **Sleep and session lock**: ``QGuiApplication.applicationStateChanged`` to Suspended (where
  the platform reports it), and on Linux, when the D-Bus buses are reachable through QtDBus,
  logind's ``PrepareForSleep(true)`` (system bus), logind's ``Lock`` on this session, and the
  screensaver's ``ActiveChanged(true)`` (freedesktop, GNOME). Qt reports neither sleep nor a
  session lock on Windows and macOS, nor on a desktop without these buses: there the idle lock
  is the safety net (docs/encryption.md, "Locking").
"""

from __future__ import annotations

import logging
import os
import weakref

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Slot
from PySide6.QtGui import QGuiApplication

from ui import settings_store

log = logging.getLogger("cortege.ui")
SETTING = "lock/idle_minutes"
DEFAULT_MINUTES = 10
MAX_MINUTES = 24 * 60
INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
    }
)
_watchers: weakref.WeakSet = weakref.WeakSet()


def idle_minutes() -> int:
    """The chosen idle minutes before the lock (0: never)."""
    value = settings_store.text(SETTING)
    try:
        minutes = int(value) if value else DEFAULT_MINUTES
    except ValueError:
        return DEFAULT_MINUTES
    return max(0, min(minutes, MAX_MINUTES))


def set_idle_minutes(minutes: int) -> None:
    """Remember ``minutes`` and apply it to every open window at once."""
    minutes = max(0, min(int(minutes), MAX_MINUTES))
    settings_store.set_text(SETTING, str(minutes))
    from shiboken6 import isValid

    for watcher in list(_watchers):
        if isValid(watcher) and isValid(watcher.timer):  # not a closed window's
            watcher.set_interval_ms(minutes * 60_000)
        else:
            _watchers.discard(watcher)


class IdleLock(QObject):
    """Calls ``lock()`` after ``interval_ms`` without user input (0: never)."""

    def __init__(self, lock, parent: QObject, *, interval_ms: int | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("idle_lock")
        self._lock = lock  # the WindowLock
        self.interval_ms = 0
        self.timer = QTimer(self)
        self.timer.setObjectName("idle_lock_timer")
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._idle)
        from ui.event_hub import listen

        self._stop_listening = listen(INPUT_EVENTS, self._input, self)
        _watchers.add(self)
        self.set_interval_ms(idle_minutes() * 60_000 if interval_ms is None else interval_ms)

    def set_interval_ms(self, interval_ms: int) -> None:
        """Tests inject a short interval here; Preferences sets the minutes through it."""
        self.timer.stop()
        self.interval_ms = max(0, int(interval_ms))
        if self.interval_ms:
            self.timer.setInterval(self.interval_ms)
            self.timer.start()

    def _input(self, _watched, _event) -> bool:
        """Any input in the application (the event hub hands only input events)."""
        if self.interval_ms:
            self.timer.start()  # from now on
        return False

    def _idle(self) -> None:
        if self._lock.can_lock() and not self._lock.locked:
            log.info("locking the database after %d ms without input", self.interval_ms)
            self._lock.lock()
        if self.interval_ms:
            self.timer.start()  # a database opened later is watched too

    def stop(self) -> None:
        self.timer.stop()
        self._stop_listening()


class SleepWatch(QObject):
    """Locks when the system sleeps or the session locks, wherever that can be heard."""

    def __init__(self, lock, parent: QObject) -> None:
        super().__init__(parent)
        self.setObjectName("sleep_watch")
        self._lock = lock
        self.sources: list[str] = []  # what is listened to (logged; tests read it)
        app = QGuiApplication.instance()
        if app is not None:
            app.applicationStateChanged.connect(self.on_application_state)
            self.sources.append("applicationStateChanged")
        if os.environ.get("CORTEGE_NO_DBUS") != "1":
            self._listen_dbus()

    def _listen_dbus(self, *, system=None, session=None) -> None:
        """Listen on the system and session buses (tests pass buses of their own)."""
        try:
            from PySide6.QtDBus import QDBusConnection, QDBusInterface
        except ImportError:  # a Qt without the D-Bus module (Windows, macOS builds)
            return
        if system is None:
            system = QDBusConnection.systemBus()
        if session is None:
            session = QDBusConnection.sessionBus()
        if system.isConnected():
            if system.connect(
                "org.freedesktop.login1",
                "/org/freedesktop/login1",
                "org.freedesktop.login1.Manager",
                "PrepareForSleep",
                self,
                "1on_prepare_for_sleep(bool)",
            ):
                self.sources.append("login1.PrepareForSleep")
            try:
                manager = QDBusInterface(
                    "org.freedesktop.login1",
                    "/org/freedesktop/login1",
                    "org.freedesktop.login1.Manager",
                    system,
                )
                reply = manager.call("GetSessionByPID", os.getpid())
                args = reply.arguments()
                path = args[0].path() if args and hasattr(args[0], "path") else None
            except Exception:  # no logind, or not in a logind session
                path = None
            if path and system.connect(
                "org.freedesktop.login1",
                path,
                "org.freedesktop.login1.Session",
                "Lock",
                self,
                "1on_session_lock()",
            ):
                self.sources.append("login1.Session.Lock")
        if session.isConnected():
            for service, path in (
                ("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver"),
                ("org.gnome.ScreenSaver", "/org/gnome/ScreenSaver"),
            ):
                if session.connect(
                    service, path, service, "ActiveChanged", self, "1on_screensaver(bool)"
                ):
                    self.sources.append(f"{service}.ActiveChanged")
        log.debug("the lock listens to %s", ", ".join(self.sources) or "nothing")

    def _lock_now(self, why: str) -> None:
        if self._lock.can_lock() and not self._lock.locked:
            log.info("locking the database: %s", why)
            self._lock.lock()

    @Slot(Qt.ApplicationState)
    def on_application_state(self, state) -> None:
        if state == Qt.ApplicationState.ApplicationSuspended:
            self._lock_now("the application is suspended")

    @Slot(bool)
    def on_prepare_for_sleep(self, going: bool) -> None:
        if going:
            self._lock_now("the system is going to sleep")

    @Slot()
    def on_session_lock(self) -> None:
        self._lock_now("the session is locked")

    @Slot(bool)
    def on_screensaver(self, active: bool) -> None:
        if active:
            self._lock_now("the screen saver started")
