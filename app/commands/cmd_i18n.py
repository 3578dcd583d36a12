"""``i18n update`` / ``i18n check`` / ``i18n init LANG`` / ``i18n lint``: keep the translation
catalogues in step with the code (see docs/translations.md)."""

from __future__ import annotations

import argparse

from app.i18n import _, ngettext, ui


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
        help=_(
            "show how much of each catalogue is translated, and fail on a broken entry "
            "(placeholders, accelerators, plural forms)"
        ),
    )
    c.add_argument("--lang", action="append", metavar="LL", help=_("only this language"))
    c.add_argument(
        "--complete",
        action="store_true",
        help=_("also fail when a string is missing, untranslated or fuzzy"),
    )
    c.set_defaults(handler=cmd_check)

    i = isub.add_parser("init", help=_("start the catalogue of a new language"))
    i.add_argument("lang", metavar="LL")
    i.add_argument(
        "--force",
        action="store_true",
        help=_("replace a catalogue that already holds translations with an empty one"),
    )
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
    from app.i18n_tools import INCOMPLETE, ROOT, catalogue_languages, check, coverage, describe

    langs = args.lang or catalogue_languages(ROOT)
    problems = check(ROOT, langs=langs)
    failing = [p for p in problems if args.complete or p.kind not in INCOMPLETE]
    for problem in failing:
        ctx.warn(describe(problem))
    tr = ui()
    for lang, (done, total) in coverage(ROOT, langs=langs).items():
        ctx.print(
            _("{lang}: {percent} translated ({done} of {total})").format(
                lang=lang,
                percent=tr.percent(done / total if total else 1),
                done=tr.number(done),
                total=tr.number(total),
            )
        )
    if failing:
        ctx.warn(
            ngettext(
                "{n} problem: run `python main.py i18n update`, then translate",
                "{n} problems: run `python main.py i18n update`, then translate",
                len(failing),
            ).format(n=len(failing))
        )
        return 1
    if not any(p.kind in INCOMPLETE for p in problems):
        ctx.print(_("catalogues complete: {langs}").format(langs=", ".join(langs)))
    return 0


def cmd_init(args: argparse.Namespace, ctx) -> int:
    from app.i18n_tools import ROOT, init_language

    path = init_language(args.lang, root=ROOT, force=args.force)
    ctx.print(_("created {path}").format(path=path.relative_to(ROOT)))
    return 0


def cmd_lint(args: argparse.Namespace, ctx) -> int:
    from app.i18n_tools import ROOT, hardcoded_strings

    found = hardcoded_strings(ROOT)
    for path, line, text in found:
        ctx.print(f"{path}:{line}: {text!r}")
    return 1 if found else 0
