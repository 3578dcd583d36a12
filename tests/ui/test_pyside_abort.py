"""Regression test for the PySide6 6.12.0 + Python 3.11 abort (``Fatal Python error:
none_dealloc`` after ~5,000 calls of Qt methods that return nothing; see DESIGN.md)."""

from __future__ import annotations

import os
import subprocess
import sys

CODE = """
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label = QLabel()
for i in range(20_000):
    label.setText(str(i))
print(label.text())
"""


def test_twenty_thousand_void_calls_do_not_abort():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run(
        [sys.executable, "-c", CODE], env=env, capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "19999"
