"""The command line: parse, call a service, print. Exit codes: 0 ok; 2 the user can fix it;
3 ``check`` found problems; 1 anything else. Never a traceback."""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from app.domain.errors import CortegeError, DomainError, StoreError
from app.i18n import _
from app.paths import program_name

log = logging.getLogger("cortege.cli")

# Every module app/commands/cmd_*.py has register(subparsers): it adds its commands with
# set_defaults(handler=...). Modules are found, not listed, so features add commands alone.


def command_modules(prefix: str) -> list[str]:
    import pkgutil

    import app.commands

    return sorted(
        f"app.commands.{info.name}"
        for info in pkgutil.iter_modules(app.commands.__path__)
        if info.name.startswith(prefix)
    )


def _default_help(dest: str) -> str | None:
    """What a command's usual argument means, when the command says nothing of it: `--help`
    listed SLUG, FILE and -o OUT with no word (CLI review)."""
    return {
        "slug": _("the action's slug, as `list` prints it"),
        "file": _("the file to read"),
        "output": _("the file to write: written whole or not at all"),
    }.get(dest)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # exit 2 with the usage, as argparse does, but translated
        self.print_usage(sys.stderr)
        self.exit(2, _("error: {message}").format(message=message) + "\n")

    def add_argument(self, *args, **kwargs):
        action = super().add_argument(*args, **kwargs)
        if action.help is None:
            action.help = _default_help(action.dest)
        return action


def shown(text: str, *, keep: str = "\t\n") -> str:
    """``text`` with control characters written as escapes (``\\x1b``): a title saved before
    they were refused, or in an older version, could still send a terminal escape or a bell
    to the organiser's terminal. ``keep``: the ones that are the output's own layout."""
    if not any(ch < " " or "\x7f" <= ch <= "\x9f" for ch in text):
        return text
    return "".join(
        f"\\x{ord(ch):02x}" if (ch < " " or "\x7f" <= ch <= "\x9f") and ch not in keep else ch
        for ch in text
    )


#: Commands that may create the database they are given; the others refuse a missing file (a
#: mistyped ``--db`` on ``list`` or ``check`` made a new, empty database and said nothing).
CREATING = frozenset({"init", "demo", "import", "upgrade"})


@dataclass
class Context:
    db: str | None
    out: TextIO = field(default_factory=lambda: sys.stdout)
    err: TextIO = field(default_factory=lambda: sys.stderr)
    _store: object = None
    command: str = ""

    @property
    def target(self) -> str:
        from app.paths import resolve_database

        if self.db is not None and not self.db.strip():
            # `--db "$DB"` with DB unset fell back to CORTEGE_DB or the user's own database
            raise DomainError(_("is empty: give a database file or URL"), field="--db")
        return resolve_database(self.db)

    def store(self, *, upgrade_schema: bool | None = None):
        if self._store is None:
            from app.storage.unlock import open_for_cli

            target = self.target
            if self.command not in CREATING:
                _refuse_missing(target)
            self._store = open_for_cli(target, err=self.err, upgrade_schema=upgrade_schema)
        return self._store

    def print(self, text: str = "") -> None:
        print(shown(text), file=self.out)

    def warn(self, text: str) -> None:
        print(shown(text), file=self.err)

    def close(self) -> None:
        if self._store is not None:
            self._store.close()


#: A field a service names, as the command line's user typed it (SLUG is the argument).
_TYPED = {"slug": "SLUG", "file": "FILE", "participant": "--participant", "lang": "--lang"}


def cli_field(path: str) -> str:
    """A problem's field on the command line: English whatever the UI language (DESIGN's
    contract: "paths and field names stay English"; French printed "Identifiant : …"), and
    the argument or option as typed where there is one."""
    from app.services.field_labels import FIELD_LABELS

    return _TYPED.get(path) or FIELD_LABELS.get(path) or path  # the English label, untranslated


def _refuse_missing(target: str) -> None:
    """A database file named on purpose (``--db``, ``CORTEGE_DB``) that is not there."""
    from app.paths import is_default_database
    from app.storage.engine import is_url

    if is_url(target):
        from sqlalchemy.engine import make_url
        from sqlalchemy.exc import ArgumentError

        try:
            url = make_url(target)
        except ArgumentError:
            return  # open_store says what is wrong with it
        if url.get_backend_name() != "sqlite" or not url.database:
            return
        path = Path(url.database)
    else:
        path = Path(target).expanduser()
    if not path.exists() and not is_default_database(str(path)):
        raise StoreError(
            _("{path}: no such database (check the name; 'init' creates a new one)").format(
                path=target
            )
        )


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog=program_name(), description=_("Cortège: plan symbolic protest actions."))
    from app.version import generator

    parser.add_argument("--version", action="version", version=generator())
    parser.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        help=_(
            "database file or SQLAlchemy URL (default: CORTEGE_DB, else the "
            "database in the user data folder)"
        ),
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in command_modules("cmd_"):
        importlib.import_module(name).register(sub)
    return parser


def run(argv: list[str], *, out: TextIO | None = None, err: TextIO | None = None) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    if not getattr(args, "handler", None):
        parser.print_help(out)
        return 0
    ctx = Context(db=args.db, out=out, err=err, command=args.command or "")
    from sqlalchemy.exc import DBAPIError, OperationalError

    try:
        return int(args.handler(args, ctx) or 0)
    except DomainError as exc:
        for problem in exc.problems:
            if problem.path:  # the contract: field names stay English, as scripts match them
                # Translators: a command-line error: a field, then what is wrong with it.
                line = _("{field}: {problem}").format(
                    field=cli_field(problem.path), problem=problem.message
                )
            else:
                line = problem.message
            print(line, file=err)
        return exc.exit_code
    except CortegeError as exc:
        print(str(exc), file=err)
        return exc.exit_code
    except DBAPIError as exc:
        sqlstate = getattr(exc.orig, "sqlstate", None)
        if sqlstate == "42501":
            print(_("permission denied: this database role may only read"), file=err)
            return 2
        if exc.connection_invalidated or isinstance(exc, OperationalError):
            print(
                _("the database is not available: {reason}").format(
                    reason=str(exc.orig).splitlines()[0] if exc.orig else exc
                ),
                file=err,
            )
            return 2
        return _internal_error(exc, err)
    except KeyboardInterrupt:
        print(_("interrupted"), file=err)
        return 130
    except BrokenPipeError:
        return _reader_gone()
    except OSError as exc:
        if exc.filename is None and out is sys.stdout:
            # /dev/full as stdout said ": No space left on device"
            print(_("could not write the output: {reason}").format(reason=exc.strerror), file=err)
            return 1
        print(
            _("{path}: {reason}").format(path=exc.filename or "", reason=exc.strerror or exc),
            file=err,
        )
        return 2 if exc.filename else 1
    except Exception as exc:  # the last line of defence: log it, never show a traceback
        return _internal_error(exc, err)
    finally:
        ctx.close()


def _internal_error(exc: BaseException, err: TextIO) -> int:
    """Log the traceback (no field values) and say where it is: never show it."""
    from app.logs import log_exception

    where = log_exception(exc)
    print(
        _("internal error: {error} (details in {log})").format(error=type(exc).__name__, log=where),
        file=err,
    )
    return 1


def _reader_gone() -> int:
    """stdout's reader went away (``list | head -1``): end quietly, as a killed pipe does."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # Python's last flush has nowhere to fail
    except (OSError, ValueError):
        pass
    return 141


def main(argv: list[str] | None = None) -> int:
    code = run(sys.argv[1:] if argv is None else argv)
    try:
        sys.stdout.flush()  # what is still buffered, while a closed pipe can be said quietly
    except BrokenPipeError:
        return _reader_gone()
    return code


def is_gui_invocation(argv: list[str]) -> bool:
    """No command (only ``--db``, and perhaps one bundle ``FILE.json`` to offer for import, as a
    double-click on a bundle gives): the desktop app."""
    rest = list(argv)
    files = 0
    while rest:
        head = rest.pop(0)
        if head == "--db" and rest:
            rest.pop(0)
        elif head.startswith("--db="):
            continue
        elif head.lower().endswith(".json") and not head.startswith("-") and not files:
            files += 1  # no command is called *.json
        else:
            return False
    return True
