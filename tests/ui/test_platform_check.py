"""When Qt's display plugin lacks system libraries, the app names them in one sentence."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

from tests.conftest import ROOT


def test_ldd_on_a_plugin_whose_library_cannot_be_found_names_it(tmp_path):
    from ui.platform_check import missing_libraries, plugin_file

    real = plugin_file("xcb")
    assert missing_libraries(real) == []  # this machine has everything
    # Away from its folder the plugin's own Qt library (found through its RPATH) is missing:
    # the same ldd output a fresh machine gives for libxcb-cursor.
    copy = tmp_path / "platforms" / real.name
    copy.parent.mkdir()
    shutil.copy(real, copy)
    assert "libQt6XcbQpa.so.6" in missing_libraries(copy)


def test_the_app_prints_one_sentence_naming_the_missing_libraries_and_packages(tmp_path):
    fake_bin = tmp_path / "bin"
    fake_bin.mkdir()
    ldd = fake_bin / "ldd"  # what ldd prints on a bare Debian (FACTS.md)
    ldd.write_text(
        "#!/bin/sh\n"
        "echo '\tlibQt6XcbQpa.so.6 => /opt/qt/libQt6XcbQpa.so.6 (0x00007f)'\n"
        "echo '\tlibxcb-cursor.so.0 => not found'\n"
        "echo '\tlibxcb-icccm.so.4 => not found'\n"
        "echo '\tlibxcb-keysyms1.so.1 => /usr/lib/libxcb-keysyms1.so.1 (0x00007f)'\n"
        "echo '\tlibxcb-keysyms.so.1 => not found'\n"
    )
    ldd.chmod(0o755)
    path = f"{fake_bin}{os.pathsep}{os.environ['PATH']}"
    env = dict(os.environ, QT_QPA_PLATFORM="xcb", PATH=path)
    env["CORTEGE_DATA_DIR"] = str(tmp_path / "data")
    env.pop("WAYLAND_DISPLAY", None)
    proc = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--db", str(tmp_path / "x.sqlite3")],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert lines == [
        "Cortège cannot open its window: the system libraries libxcb-cursor.so.0, "
        "libxcb-icccm.so.4, libxcb-keysyms.so.1 are missing (Debian/Ubuntu: sudo apt install "
        "libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1; Fedora: sudo dnf install "
        "xcb-util-cursor xcb-util-wm xcb-util-keysyms)."
    ]
    assert not (tmp_path / "x.sqlite3").exists()


def test_other_platforms_are_not_checked(monkeypatch):
    from ui import platform_check

    assert platform_check.platform_plugin({"QT_QPA_PLATFORM": "offscreen"}) == "offscreen"
    assert platform_check.platform_plugin({"QT_QPA_PLATFORM": "xcb:foo=1"}) == "xcb"
    assert platform_check.platform_plugin({"WAYLAND_DISPLAY": "wayland-0"}) is None
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    monkeypatch.setattr(platform_check, "missing_libraries", lambda _p: ["libxcb-cursor.so.0"])
    assert platform_check.display_problem() is None


def test_the_freezer_refuses_a_build_machine_without_qts_xcb_libraries(monkeypatch):
    import importlib.util

    import pytest

    from ui import platform_check

    spec = importlib.util.spec_from_file_location("freeze", ROOT / "build" / "freeze.py")
    freeze = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(freeze)
    monkeypatch.setattr(platform_check, "missing_libraries", lambda _p: ["libxcb-icccm.so.4"])
    with pytest.raises(SystemExit) as refused:
        freeze.check_build_machine()
    assert str(refused.value) == (
        "Cannot build the download here. Cortège cannot open its window: the system libraries "
        "libxcb-icccm.so.4 are missing (Debian/Ubuntu: sudo apt install libxcb-icccm4; "
        "Fedora: sudo dnf install xcb-util-wm)."
    )
