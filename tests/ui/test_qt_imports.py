"""PySide6's check of later imports answers as before, from the file's bytes (ui.qt_imports)."""

from __future__ import annotations

import sys

import ui  # noqa: F401 - installs the check


def test_the_check_is_installed_and_gives_pyside6s_answer():
    import app.i18n
    import ui.main_window

    feature = sys.modules["shibokensupport.feature"]
    check = feature._mod_uses_pyside
    assert getattr(check, "cortege_fast", False)
    assert check(ui.main_window) is True  # imports PySide6: its feature default stays 0
    assert check(app.i18n) is False  # no PySide6 in it: ignored in feature switching
    assert check(sys) is False  # a built-in module, as PySide6 answers itself


def test_installing_it_twice_keeps_one_wrapper():
    from ui.qt_imports import speed_up_feature_check

    feature = sys.modules["shibokensupport.feature"]
    first = feature._mod_uses_pyside
    speed_up_feature_check()
    assert feature._mod_uses_pyside is first
