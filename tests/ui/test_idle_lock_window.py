"""The lock comes by itself: after idle minutes without input, when the laptop sleeps or the
screen locks (applicationStateChanged, and logind or the screensaver over a real, private D-Bus
daemon), and Preferences sets the minutes of this computer."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.test_lock_window import (
    PASS,
    make_encrypted_demo,
    open_encrypted_window,
    type_passphrase,
    use_cheap_kdf,
)


@pytest.fixture
def locked_window(qtbot, tmp_path, monkeypatch):
    use_cheap_kdf(monkeypatch)
    window = open_encrypted_window(qtbot, make_encrypted_demo(tmp_path))
    yield window
    window.close()


def test_the_idle_lock_fires_after_the_chosen_time_without_input(qtbot, locked_window):
    window = locked_window
    window.window_lock.idle.set_interval_ms(50)
    qtbot.waitUntil(lambda: window.window_lock.locked, timeout=10_000)
    assert window.centralWidget().objectName() == "lock_screen"
    assert window.header_title.text() == ""


def test_input_keeps_the_idle_lock_away(qtbot, locked_window):
    window = locked_window
    idle = window.window_lock.idle
    # 15 × 100 ms of typing: longer than the interval, never idle that long. The interval
    # leaves room for a loaded CI machine stalling a 100 ms wait (400 ms locked once there).
    idle.set_interval_ms(1000)
    for _ in range(15):
        qtbot.wait(100)
        qtbot.keyClick(window.actions_panel.view, Qt.Key.Key_Down)
    assert not window.window_lock.locked
    qtbot.waitUntil(lambda: window.window_lock.locked, timeout=10_000)


def test_zero_minutes_never_locks(qtbot, locked_window):
    from ui.idle_lock import idle_minutes, set_idle_minutes

    window = locked_window
    assert idle_minutes() == 10  # the default
    set_idle_minutes(0)
    assert idle_minutes() == 0 and not window.window_lock.idle.timer.isActive()
    qtbot.wait(100)
    assert not window.window_lock.locked


def test_sleep_and_session_lock_lock_the_window(qtbot, locked_window):
    window = locked_window
    sleep = window.window_lock.sleep
    assert "applicationStateChanged" in sleep.sources
    QApplication.instance().applicationStateChanged.emit(Qt.ApplicationState.ApplicationSuspended)
    assert window.window_lock.locked
    type_passphrase(qtbot, window, PASS)
    sleep.on_prepare_for_sleep(False)  # waking up does not lock
    assert not window.window_lock.locked
    sleep.on_prepare_for_sleep(True)
    assert window.window_lock.locked
    type_passphrase(qtbot, window, PASS)
    sleep.on_screensaver(True)
    assert window.window_lock.locked


def test_the_idle_lock_leaves_a_plain_database_open(qtbot, demo_db):
    from tests.ui.conftest import open_window

    window = open_window(qtbot, demo_db)
    window.window_lock.idle.set_interval_ms(30)
    qtbot.wait(150)
    assert not window.window_lock.locked and window.header_title.text()
    window.close()


def test_preferences_set_the_idle_minutes_of_this_computer(qtbot, locked_window):
    from PySide6.QtWidgets import QDialogButtonBox, QSpinBox

    from ui.idle_lock import idle_minutes

    window = locked_window
    window.a_prefs.trigger()
    dialog = window.preferences
    spin = dialog.findChild(QSpinBox, "idle_minutes")
    assert spin.value() == 10 and spin.isVisible()
    spin.clear()
    qtbot.keyClicks(spin, "3")
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert not dialog.isVisible()
    assert idle_minutes() == 3
    assert window.window_lock.idle.timer.interval() == 3 * 60_000
    window.a_prefs.trigger()
    spin = window.preferences.findChild(QSpinBox, "idle_minutes")
    spin.setValue(0)
    assert spin.text() == "never"


@pytest.fixture
def private_bus(tmp_path):
    """A D-Bus daemon of our own (no system or session bus is needed, none is touched)."""
    import shutil
    import subprocess

    if shutil.which("dbus-daemon") is None:
        pytest.skip("dbus-daemon is not installed")
    proc = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        text=True,
    )
    address = proc.stdout.readline().strip()
    yield address
    proc.terminate()
    proc.wait(5)


def test_the_screen_saver_starting_on_d_bus_locks_the_window(qtbot, locked_window, private_bus):
    from PySide6.QtDBus import QDBusConnection, QDBusMessage

    window = locked_window
    ours = QDBusConnection.connectToBus(private_bus, "lock-test-window")
    saver = QDBusConnection.connectToBus(private_bus, "lock-test-screensaver")
    try:
        assert ours.isConnected() and saver.isConnected()
        assert saver.registerService("org.freedesktop.ScreenSaver")
        sleep = window.window_lock.sleep
        sleep._listen_dbus(system=QDBusConnection("not-connected"), session=ours)
        assert "org.freedesktop.ScreenSaver.ActiveChanged" in sleep.sources
        signal = QDBusMessage.createSignal(
            "/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver", "ActiveChanged"
        )
        signal.setArguments([True])
        assert saver.send(signal)
        qtbot.waitUntil(lambda: window.window_lock.locked, timeout=10_000)
    finally:
        QDBusConnection.disconnectFromBus("lock-test-window")
        QDBusConnection.disconnectFromBus("lock-test-screensaver")


def test_logind_prepare_for_sleep_on_d_bus_locks_the_window(qtbot, locked_window, private_bus):
    from PySide6.QtDBus import QDBusConnection, QDBusMessage

    window = locked_window
    ours = QDBusConnection.connectToBus(private_bus, "lock-test-system")
    logind = QDBusConnection.connectToBus(private_bus, "lock-test-logind")
    try:
        sleep = window.window_lock.sleep
        sleep._listen_dbus(system=ours, session=QDBusConnection("not-connected"))
        assert "login1.PrepareForSleep" in sleep.sources
        assert logind.registerService("org.freedesktop.login1")
        signal = QDBusMessage.createSignal(
            "/org/freedesktop/login1", "org.freedesktop.login1.Manager", "PrepareForSleep"
        )
        signal.setArguments([True])
        assert logind.send(signal)
        qtbot.waitUntil(lambda: window.window_lock.locked, timeout=10_000)
    finally:
        QDBusConnection.disconnectFromBus("lock-test-system")
        QDBusConnection.disconnectFromBus("lock-test-logind")
