"""A bundle the window exports is one the desktop recognises as a Cortège bundle."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from tests.conftest import ROOT
from tests.ui.conftest import drive_modal

DETECT = """
import sys
from PySide6.QtCore import QCoreApplication, QMimeDatabase
app = QCoreApplication([])
for path in sys.argv[1:]:
    print(QMimeDatabase().mimeTypeForFile(path).name())
"""


def test_export_suggests_a_name_the_mime_type_matches_and_content_is_recognised(
    qtbot, main_window, tmp_path, monkeypatch
):
    suggested = []

    def save_as(_parent, _title, directory, _filter):
        suggested.append(Path(directory).name)
        return str(tmp_path / Path(directory).name), _filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    drive_modal(main_window.a_export_bundle.trigger, lambda dialog: dialog.accept())
    assert suggested == ["funeral-for-privacy.cortege.json"]
    exported = tmp_path / "funeral-for-privacy.cortege.json"
    assert exported.exists()

    # What a file manager sees once install.sh put the MIME type in ~/.local/share/mime.
    data_home = tmp_path / "share"
    (data_home / "mime" / "packages").mkdir(parents=True)
    source = ROOT / "build" / "linux" / "org.cortege.Cortege.mime.xml"
    (data_home / "mime" / "packages" / "org.cortege.Cortege.xml").write_bytes(source.read_bytes())
    renamed = tmp_path / "plan-from-a-friend"  # no extension: only the content tells
    renamed.write_bytes(exported.read_bytes())
    other = tmp_path / "settings.json"
    other.write_text('{"format": "something else"}')
    proc = subprocess.run(
        [sys.executable, "-c", DETECT, str(exported), str(renamed), str(other)],
        capture_output=True,
        text=True,
        env={"XDG_DATA_HOME": str(data_home), "PATH": "", "HOME": str(tmp_path)},
        timeout=60,
    )
    assert proc.stdout.split() == [
        "application/x-cortege-bundle",
        "application/x-cortege-bundle",
        "application/json",
    ], proc.stderr
