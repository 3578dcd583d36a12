"""``export KIND …``: each kind is registered by its own module."""

from __future__ import annotations

import argparse
import importlib

from app.i18n import _


def register(sub) -> None:
    p = sub.add_parser("export", help=_("export an action (bundle, run-sheets, press, calendar)"))
    kinds = p.add_subparsers(dest="kind", metavar="KIND", parser_class=type(p))
    from app.cli import command_modules

    # Every module app/commands/export_*.py registers one kind of export.
    for name in command_modules("export_"):
        importlib.import_module(name).register(kinds)
    p.set_defaults(handler=lambda args, ctx: _missing_kind(p, ctx))


def _missing_kind(parser: argparse.ArgumentParser, ctx) -> int:
    parser.print_usage(ctx.err)
    ctx.warn(_("error: say what to export"))
    return 2
