"""Build Cortège for people without Python: ``python build/freeze.py``.

Makes the icons (build/make_icons.py), runs PyInstaller on build/cortege.spec, and gives:

- ``dist/Cortege/``: the app folder (``dist/Cortege/Cortege`` is both the desktop app and the
  command line; on Windows also ``cortege-cli.exe``; on macOS ``dist/Cortege.app`` too);
- on Linux, the desktop files in ``dist/Cortege/share/`` and ``install.sh`` beside the program;
- ``dist/Cortege-<version>-<system>-<machine>.tar.gz`` (``.zip`` on Windows and macOS), the
  download, with the folder ``Cortege/`` inside.

Run it with the Python that has Cortège and the build extras installed
(``pip install -e ".[build]"``); it prints the archive's path last. ``--no-archive`` stops after
the folder (the smoke test's quick rebuilds). PyInstaller's scratch files go to build/work/.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build"
WORK = BUILD / "work"
DIST = ROOT / "dist"
APP_ID = "org.cortege.Cortege"

sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(BUILD))


def system_tag() -> str:
    """``linux-x86_64``, ``windows-x86_64``, ``macos-arm64``: the download's name suffix."""
    name = {"win32": "windows", "darwin": "macos"}.get(sys.platform, sys.platform)
    machine = platform.machine().lower()
    machine = {"amd64": "x86_64", "aarch64": "arm64"}.get(machine, machine)
    return f"{name}-{machine}"


def archive_name(version: str) -> str:
    suffix = ".tar.gz" if sys.platform.startswith("linux") else ".zip"
    return f"Cortege-{version}-{system_tag()}{suffix}"


def check_build_machine() -> None:
    """The download carries Qt's xcb libraries from this machine: refuse to build one without
    them (it would fail on every machine that lacks them too, however the smoke test ran)."""
    if not sys.platform.startswith("linux"):
        return
    from ui.platform_check import explain, missing_libraries, plugin_file

    missing = missing_libraries(plugin_file("xcb"))
    if missing:
        raise SystemExit(f"Cannot build the download here. {explain(missing)}")


def run_pyinstaller() -> Path:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--workpath",
            str(WORK / "pyinstaller"),
            "--distpath",
            str(DIST),
            str(BUILD / "cortege.spec"),
        ],
        check=True,
        cwd=ROOT,
    )
    return DIST / "Cortege"


def add_linux_integration(app_dir: Path, icons: Path, version: str) -> None:
    """share/ (menu entry, icons, MIME type, AppStream) and install.sh, beside the program."""
    share = app_dir / "share"
    if share.exists():
        shutil.rmtree(share)
    linux = BUILD / "linux"
    (share / "applications").mkdir(parents=True)
    shutil.copy(linux / f"{APP_ID}.desktop", share / "applications")
    (share / "mime" / "packages").mkdir(parents=True)
    shutil.copy(linux / f"{APP_ID}.mime.xml", share / "mime" / "packages" / f"{APP_ID}.xml")
    (share / "metainfo").mkdir(parents=True)
    metainfo = (linux / f"{APP_ID}.metainfo.xml").read_text(encoding="utf-8")
    metainfo = metainfo.replace("@VERSION@", version)
    metainfo = metainfo.replace("@DATE@", _dt.date.today().isoformat())
    (share / "metainfo" / f"{APP_ID}.metainfo.xml").write_text(metainfo, encoding="utf-8")
    shutil.copytree(icons / "hicolor", share / "icons" / "hicolor")
    shutil.copy(linux / "install.sh", app_dir / "install.sh")
    os.chmod(app_dir / "install.sh", 0o755)


def make_archive(app_dir: Path, target: Path) -> Path:
    """Pack ``app_dir`` as ``Cortege/…`` (macOS: ``Cortege.app``), written beside and renamed,
    so a failed build never leaves half an archive under the final name."""
    partial = target.with_name(target.name + ".part")
    if sys.platform == "darwin":  # the .app, with its symlinks and permissions (ditto keeps them)
        bundle = app_dir.with_name("Cortege.app")
        subprocess.run(["ditto", "-c", "-k", "--keepParent", str(bundle), str(partial)], check=True)
    elif target.name.endswith(".tar.gz"):
        with tarfile.open(partial, "w:gz", compresslevel=6) as tar:
            tar.add(app_dir, arcname="Cortege")
    else:
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as zf:
            for path in sorted(app_dir.rglob("*")):
                zf.write(path, Path("Cortege") / path.relative_to(app_dir))
    os.replace(partial, target)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the Cortège download.")
    parser.add_argument("--no-archive", action="store_true", help="stop after dist/Cortege/")
    args = parser.parse_args(argv)
    from make_icons import make_icons

    from app.version import __version__

    check_build_machine()
    icons = WORK / "icons"
    make_icons(icons)
    app_dir = run_pyinstaller()
    shutil.copy(ROOT / "CHANGELOG.md", app_dir / "CHANGELOG.md")
    if sys.platform.startswith("linux"):
        add_linux_integration(app_dir, icons, __version__)
    print(f"folder\t{app_dir}")
    if not args.no_archive:
        archive = make_archive(app_dir, DIST / archive_name(__version__))
        print(f"archive\t{archive}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
