"""Before Qt loads its display plugin: when the plugin cannot load because system libraries are
missing, say which ones and how to install them, in one sentence, instead of Qt's message.

Qt aborts the process when its platform plugin fails (no exception to catch), and on a fresh
Debian its message names only the first of three missing packages (FACTS.md). ``ldd`` on the
plugin lists every library the loader cannot find; that costs one short subprocess, and only
when the xcb plugin is the one Qt will use.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

from app.i18n import _

# soname -> (Debian/Ubuntu package, Fedora package) for what Qt's xcb plugin needs.
PACKAGES: dict[str, tuple[str, str]] = {
    "libxcb-cursor.so.0": ("libxcb-cursor0", "xcb-util-cursor"),
    "libxcb-icccm.so.4": ("libxcb-icccm4", "xcb-util-wm"),
    "libxcb-keysyms.so.1": ("libxcb-keysyms1", "xcb-util-keysyms"),
    "libxcb-image.so.0": ("libxcb-image0", "xcb-util-image"),
    "libxcb-render-util.so.0": ("libxcb-render-util0", "xcb-util-renderutil"),
    "libxcb-util.so.1": ("libxcb-util1", "xcb-util"),
    "libxkbcommon-x11.so.0": ("libxkbcommon-x11-0", "libxkbcommon-x11"),
    "libxkbcommon.so.0": ("libxkbcommon0", "libxkbcommon"),
    "libX11-xcb.so.1": ("libx11-xcb1", "libX11-xcb"),
    "libX11.so.6": ("libx11-6", "libX11"),
    "libxcb.so.1": ("libxcb1", "libxcb"),
    "libxcb-randr.so.0": ("libxcb-randr0", "libxcb"),
    "libxcb-render.so.0": ("libxcb-render0", "libxcb"),
    "libxcb-shape.so.0": ("libxcb-shape0", "libxcb"),
    "libxcb-shm.so.0": ("libxcb-shm0", "libxcb"),
    "libxcb-sync.so.1": ("libxcb-sync1", "libxcb"),
    "libxcb-xfixes.so.0": ("libxcb-xfixes0", "libxcb"),
    "libxcb-xkb.so.1": ("libxcb-xkb1", "libxcb"),
    "libEGL.so.1": ("libegl1", "libglvnd-egl"),
    "libGL.so.1": ("libgl1", "libglvnd-glx"),
    "libOpenGL.so.0": ("libopengl0", "libglvnd-opengl"),
    "libfontconfig.so.1": ("libfontconfig1", "fontconfig"),
    "libdbus-1.so.3": ("libdbus-1-3", "dbus-libs"),
    "libglib-2.0.so.0": ("libglib2.0-0", "glib2"),
}
_NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found", re.MULTILINE)


def platform_plugin(env: Mapping[str, str] | None = None) -> str | None:
    """The platform plugin Qt will try first, or None where it is not ours to check."""
    env = os.environ if env is None else env
    explicit = env.get("QT_QPA_PLATFORM", "").strip()
    if explicit:
        return re.split(r"[;:]", explicit)[0]
    if not sys.platform.startswith("linux") or env.get("WAYLAND_DISPLAY"):
        return None
    return "xcb"


def plugin_file(name: str) -> Path:
    from PySide6.QtCore import QLibraryInfo

    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    return plugins / "platforms" / f"libq{name}.so"


def missing_libraries(plugin: Path) -> list[str]:
    """The libraries ``plugin`` needs that the loader cannot find (``ldd``); [] if unknown."""
    try:
        proc = subprocess.run(
            ["ldd", str(plugin)], capture_output=True, text=True, timeout=10, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return []
    return sorted(set(_NOT_FOUND.findall(proc.stdout)))


def explain(missing: list[str]) -> str:
    """One sentence: what is missing, and the install command on Debian/Ubuntu and Fedora."""
    debian = [PACKAGES[lib][0] for lib in missing if lib in PACKAGES]
    fedora = [PACKAGES[lib][1] for lib in missing if lib in PACKAGES]
    libraries = ", ".join(missing)
    if not debian:
        return _(
            "Cortège cannot open its window: the system libraries {libraries} are missing; "
            "install them with your system's package manager."
        ).format(libraries=libraries)
    return _(
        "Cortège cannot open its window: the system libraries {libraries} are missing "
        "(Debian/Ubuntu: sudo apt install {debian}; Fedora: sudo dnf install {fedora})."
    ).format(
        libraries=libraries,
        debian=" ".join(dict.fromkeys(debian)),
        fedora=" ".join(dict.fromkeys(fedora)),
    )


def display_problem() -> str | None:
    """The sentence to print instead of starting Qt, or None when the display plugin can load."""
    name = platform_plugin()
    if name != "xcb":
        return None
    plugin = plugin_file(name)
    if not plugin.exists():
        return None
    missing = missing_libraries(plugin)
    return explain(missing) if missing else None
