"""Cortège: no command opens the desktop app; a command runs the command line."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    from app.cli import is_gui_invocation

    if is_gui_invocation(argv):
        from ui.app import run_gui

        return run_gui(argv)
    from app.cli import main as cli_main

    return cli_main(argv)


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:  # Ctrl+C while the modules load: no traceback of the imports
        sys.stderr.write("interrupted\n")
        sys.exit(130)
