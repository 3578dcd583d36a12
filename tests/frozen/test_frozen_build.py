"""The download, used as a person without Python would (issue #18). Marked slow: it builds.

``python build/freeze.py`` makes the archive; we unpack it and run the program with a clean
environment: no virtualenv, ``PATH`` without Python, a fresh ``HOME``. Run with
``python -m pytest -m slow tests/frozen`` (``.ci/run`` does it once, apart from the suite).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.slow
SLUG = "funeral-for-privacy"


@pytest.fixture(scope="module")
def download(tmp_path_factory) -> Path:
    """The archive, freshly built."""
    if os.environ.get("CI"):  # CI must build: a missing freezer is a failure there, not a skip
        import PyInstaller  # noqa: F401
    else:
        pytest.importorskip("PyInstaller", reason='pip install -e ".[build]" first')
    proc = subprocess.run(
        [sys.executable, str(ROOT / "build" / "freeze.py")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=1200,
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    archive = Path(proc.stdout.strip().splitlines()[-1].split("\t")[1])
    return archive


WINDOWS = sys.platform == "win32"
MACOS = sys.platform == "darwin"
LINUX = sys.platform.startswith("linux")


def unpack(archive: Path, into: Path) -> Path:
    if archive.name.endswith(".tar.gz"):
        with tarfile.open(archive) as tar:
            tar.extractall(into, filter="tar")
    elif WINDOWS:
        with zipfile.ZipFile(archive) as zf:
            zf.extractall(into)
    else:  # macOS: Python's zipfile drops the executable bits; use the folder that was packed
        return archive.parent / "Cortege"
    return into / "Cortege"


def clean_environment(home: Path) -> tuple[dict, Path]:
    """What a double-click or a fresh terminal gives: no virtualenv, no Python on PATH, a new
    home. Returns the environment and where the app keeps its data there."""
    bare = home / "bare-bin"
    bare.mkdir()
    env = {"QT_QPA_PLATFORM": "offscreen", "CORTEGE_LANG": "en"}
    if WINDOWS:  # platformdirs asks Windows, not the environment: point the data folder
        data = home / "AppData" / "Local" / "Cortege"
        system_root = os.environ.get("SYSTEMROOT", r"C:\Windows")
        env.update(
            SYSTEMROOT=system_root,
            USERPROFILE=str(home),
            TEMP=str(home),
            TMP=str(home),
            PATH=str(Path(system_root) / "System32"),
            CORTEGE_DATA_DIR=str(data),
        )
        return env, data
    for tool in ("sh", "ldd", "sed", "ln", "cp", "mkdir", "rm", "find", "dirname"):
        found = shutil.which(tool)  # what install.sh needs, and the display check's ldd
        if found:
            (bare / tool).symlink_to(found)
    env.update(HOME=str(home), PATH=str(bare), LANG="C.UTF-8")
    if MACOS:
        return env, home / "Library" / "Application Support" / "Cortege"
    return env, home / ".local" / "share" / "Cortege"


@pytest.fixture(scope="module")
def user(download, tmp_path_factory):
    """A person who unpacked the download into a fresh home and runs it from a bare shell."""
    home = tmp_path_factory.mktemp("home")
    app = unpack(download, home / "Apps")
    env, data = clean_environment(home)
    assert shutil.which("python3", path=env["PATH"]) is None
    assert shutil.which("python", path=env["PATH"]) is None

    class User:
        def run(self, *args, extra: dict | None = None, timeout: int = 300):
            proc = subprocess.run(
                [str(self.program), *map(str, args)],
                capture_output=True,
                encoding="utf-8",
                errors="replace",
                env={**env, **(extra or {})},
                cwd=home,
                timeout=timeout,
            )
            assert "Traceback" not in proc.stderr, proc.stderr
            return proc

    person = User()
    person.home, person.env, person.app, person.data = home, env, app, data
    # Windows: the console twin, so that output reaches us; it opens the same window.
    person.program = app / ("cortege-cli.exe" if WINDOWS else "Cortege")
    return person


def test_the_archive_is_named_with_the_version_and_holds_what_the_app_needs(download, user):
    from app.version import __version__

    assert download.name.startswith(f"Cortege-{__version__}-")
    if LINUX and os.uname().machine == "x86_64":
        assert download.name == f"Cortege-{__version__}-linux-x86_64.tar.gz"
    inside = user.app / "_internal"
    assert (inside / "resources" / "fonts" / "DejaVuSans.ttf").exists()
    assert (inside / "translations" / "fr" / "LC_MESSAGES" / "messages.po").exists()
    assert list(inside.glob("PySide6/**/translations/qtbase_fr.qm"))
    assert list((inside / "sqlcipher3").glob("_sqlite3*"))
    assert list((inside / "uharfbuzz").glob("_harfbuzz*"))
    assert (inside / "app" / "storage" / "migrations" / "versions" / "0001_core_domain.py").exists()
    assert (user.app / "CHANGELOG.md").read_text(encoding="utf-8").startswith("# Changes")
    if LINUX:  # what a bare Debian lacks for Qt's xcb plugin (FACTS.md) travels with the app
        for lib in ("libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-keysyms.so.1"):
            assert (inside / lib).exists(), lib


def test_version_demo_and_list(user):
    from app.version import __version__

    proc = user.run("--version")
    assert (proc.returncode, proc.stdout.strip()) == (0, f"Cortège {__version__}")
    usage = user.run("--help").stdout
    assert usage.startswith(f"usage: {user.program.name} [-h] [--version]"), usage
    proc = user.run("demo")
    assert (proc.returncode, proc.stdout.strip()) == (0, SLUG), proc.stderr
    assert (user.data / "cortege.sqlite3").exists()  # the default database, in the fresh home
    listed = user.run("list").stdout
    assert listed.startswith(f"{SLUG}\t") and "Funeral for privacy" in listed


def test_run_sheets_for_each_volunteer_in_their_language(user, tmp_path):
    user.run("demo")
    out = tmp_path / "sheets"
    proc = user.run("export", "runsheet", SLUG, "-o", out, "--each")
    assert proc.returncode == 0, proc.stderr
    sheets = sorted(out.glob("*.pdf"))
    assert len(sheets) == len(proc.stdout.split()) >= 10
    french = tmp_path / "crow.pdf"
    assert user.run("export", "runsheet", SLUG, "-o", french, "--participant", "Crow",
                    "--lang", "fr").returncode == 0  # fmt: skip
    from pypdf import PdfReader

    page = PdfReader(str(french)).pages[0]
    text = page.extract_text()
    assert "Crow" in text and "Heure de rendez-vous" in text  # the catalogue is inside
    fonts = {str(f.get_object()["/BaseFont"]) for f in page["/Resources"]["/Font"].values()}
    assert any(name.endswith("+DejaVuSans") for name in fonts), fonts  # the bundled font


def test_five_hundred_run_sheets(user, tmp_path):
    """The issue's bar: a bundle with 500 volunteers imports and prints 500 sheets."""
    user.run("demo")
    bundle = tmp_path / "demo.json"
    assert user.run("export", "bundle", SLUG, "-o", bundle).returncode == 0
    data = json.loads(bundle.read_text(encoding="utf-8"))
    data["action"]["slug"] = "five-hundred"
    role = data["roles"][0]["key"]
    have = len(data["participants"])
    for i in range(500 - have):
        key = f"extra{i}"
        data["participants"].append({"key": key, "alias": f"Volunteer {i:03d}", "language": "fr"})
        data["assignments"].append({"participant": key, "role": role})
    bundle.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    proc = user.run("import", bundle)
    assert (proc.returncode, proc.stdout.strip()) == (0, "five-hundred"), proc.stderr
    out = tmp_path / "sheets"
    proc = user.run("export", "runsheet", "five-hundred", "-o", out, "--each", timeout=600)
    assert proc.returncode == 0, proc.stderr
    assert len(list(out.glob("*.pdf"))) == 500


def test_an_encrypted_database_and_an_encrypted_backup(user, tmp_path):
    db = tmp_path / "sealed.sqlite3"
    keys = {"CORTEGE_PASSPHRASE": "correct horse battery", "CORTEGE_FILE_PASSPHRASE": "staple 42!"}
    assert user.run("--db", db, "init", "--encrypted", extra=keys).returncode == 0
    assert not db.read_bytes().startswith(b"SQLite format 3")  # SQLCipher, not plain SQLite
    assert user.run("--db", db, "demo", extra=keys).returncode == 0
    backup = tmp_path / "backup.cortege"
    proc = user.run("--db", db, "backup", "-o", backup, "--encrypt", extra=keys)
    assert proc.returncode == 0, proc.stderr
    assert backup.read_bytes().startswith(b"CORTEGE1")
    wrong = user.run("--db", db, "list", extra={"CORTEGE_PASSPHRASE": "not it"})
    assert wrong.returncode == 2 and keys["CORTEGE_PASSPHRASE"] not in wrong.stderr


def test_the_window_opens_offscreen_and_shows_the_demo(user, tmp_path):
    user.run("demo")
    shot = tmp_path / "window.png"
    proc = user.run(
        extra={"CORTEGE_BENCH_STARTUP": "1", "CORTEGE_BENCH_SCREENSHOT": str(shot)}, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0].startswith("startup ")
    assert lines[1] == "showing Funeral for privacy at Père-Lachaise"
    assert shot.stat().st_size > 20_000  # a painted window, not an empty frame


@pytest.mark.skipif(not LINUX, reason="freedesktop menus and MIME types are Linux's")
def test_install_puts_it_in_the_menu_and_registers_bundles(user):
    proc = subprocess.run(
        [str(user.app / "install.sh")], capture_output=True, text=True, env=user.env, timeout=60
    )
    assert proc.returncode == 0, proc.stderr
    share = user.home / ".local" / "share"
    desktop = (share / "applications" / "org.cortege.Cortege.desktop").read_text(encoding="utf-8")
    assert f'Exec="{user.program}" %f' in desktop
    assert "MimeType=application/x-cortege-bundle;" in desktop
    assert (share / "mime" / "packages" / "org.cortege.Cortege.xml").exists()
    assert (share / "icons" / "hicolor" / "256x256" / "apps" / "org.cortege.Cortege.png").exists()
    assert (user.home / ".local" / "bin" / "cortege").resolve() == user.program.resolve()


def test_team_mode_on_a_postgresql_server(user, pg_url):
    """psycopg's binary and the revisions run on a server too (skipped without one)."""
    assert user.run("--db", pg_url, "upgrade").returncode == 0
    assert user.run("--db", pg_url, "demo").stdout.strip() == SLUG
    assert user.run("--db", pg_url, "list").stdout.startswith(f"{SLUG}\t")
