"""At 200 % (``QT_SCALE_FACTOR=2``) the demo window fits a 2560-pixel laptop screen (1,280
points), every tab shows its buttons and labels whole and its icons are drawn for the screen's
pixel ratio (tests/ui/scale_check.py, run in a fresh process because the factor must be set
before Qt starts)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

HERE = Path(__file__).resolve().parent


def _run(tmp_path, lang: str) -> list[str]:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        QT_SCALE_FACTOR="2",
        CORTEGE_DATA_DIR=str(tmp_path),
        CORTEGE_LANG=lang,
    )
    done = subprocess.run(
        [sys.executable, str(HERE / "scale_check.py")],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    lines = done.stdout.splitlines()
    assert done.returncode == 0, done.stderr[-2000:]
    assert lines[0] == "ratio 2.0" and lines[-1] == "checked 7", lines
    return lines[1:-1]


def test_every_tab_at_200_percent_is_whole_and_sharp(tmp_path):
    assert _run(tmp_path, "en") == []


@pytest.mark.parametrize("lang", ["de", "fr", "es", "it", "pt", "ar"])
def test_longer_languages_at_200_percent(tmp_path, lang):
    assert _run(tmp_path, lang) == []


def test_the_check_sees_a_clipped_button_and_label(qtbot):
    sys.path.insert(0, str(HERE))
    from scale_check import problems

    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    button = QPushButton("A button with a long text that cannot fit")
    button.setObjectName("squeezed")
    button.setFixedWidth(40)
    label = QLabel("A label with a long text that cannot fit either")
    label.setObjectName("cut")
    label.setFixedWidth(40)
    layout.addWidget(button)
    layout.addWidget(label)
    window.show()
    qtbot.waitExposed(window)
    found = problems(window)
    assert any("squeezed" in p for p in found) and any("cut" in p for p in found)
