"""``i18n update`` / ``i18n check`` / ``i18n init LANG`` / ``i18n lint``: keep the translation
catalogues in step with the code (see docs/translations.md)."""

from __future__ import annotations

import argparse

from app.i18n import _, ngettext


def register(sub) -> None:
    p = sub.add_parser("i18n", help=_("maintain the translation catalogues"))
    isub = p.add_subparsers(dest="i18n_command", metavar="SUBCOMMAND")
    p.set_defaults(handler=lambda args, ctx: _usage(p, ctx))

    u = isub.add_parser(
        "update",
        help=_("re-extract the strings of app/ and ui/ and merge them into every catalogue"),
    )
    u.add_argument("--lang", action="append", metavar="LL", help=_("only this language"))
    u.set_defaults(handler=cmd_update)

    c = isub.add_parser(
        "check",
        help=_("fail when a string in the code is missing from a catalogue, untranslated or fuzzy"),
    )
    c.add_argument("--lang", action="append", metavar="LL", help=_("only this language"))
    c.set_defaults(handler=cmd_check)

    i = isub.add_parser("init", help=_("start the catalogue of a new language"))
    i.add_argument("lang", metavar="LL")
    i.set_defaults(handler=cmd_init)

    lint = isub.add_parser(
        "lint", help=_("list string literals shown to users without _() (a heuristic)")
    )
    lint.set_defaults(handler=cmd_lint)


def _usage(parser: argparse.ArgumentParser, ctx) -> int:
    ctx.print(parser.format_help().rstrip())
    return 2


def cmd_update(args: argparse.Namespace, ctx) -> int:
    from app.i18n_tools import ROOT, update

    for path in update(ROOT, langs=args.lang):
        ctx.print(_("updated {path}").format(path=path.relative_to(ROOT)))
    return 0


def cmd_check(args: argparse.Namespace, ctx) -> int:
    from app.i18n_tools import ROOT, catalogue_languages, check, describe

    langs = args.lang or catalogue_languages(ROOT)
    problems = check(ROOT, langs=langs)
    for problem in problems:
        ctx.warn(describe(problem))
    if problems:
        ctx.warn(
            ngettext(
                "{n} problem: run `python main.py i18n update`, then translate",
                "{n} problems: run `python main.py i18n update`, then translate",
                len(problems),
            ).format(n=len(problems))
        )
        return 1
    ctx.print(_("catalogues complete: {langs}").format(langs=", ".join(langs)))
    return 0


def cmd_init(args: argparse.Namespace, ctx) -> int:
    from app.i18n_tools import ROOT, init_language

    path = init_language(args.lang, root=ROOT)
    ctx.print(_("created {path}").format(path=path.relative_to(ROOT)))
    return 0


def cmd_lint(args: argparse.Namespace, ctx) -> int:
    from app.i18n_tools import ROOT, hardcoded_strings

    found = hardcoded_strings(ROOT)
    for path, line, text in found:
        ctx.print(f"{path}:{line}: {text!r}")
    return 1 if found else 0
