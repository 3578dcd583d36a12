"""``export debrief SLUG -o FILE.pdf [--lang LL] [--paper a4|letter]``: the debrief PDF.

In the action's main language unless ``--lang``; written to a temporary file and renamed.
"""

from __future__ import annotations

import argparse

from app.i18n import _


def register(kinds) -> None:
    p = kinds.add_parser(
        "debrief",
        help=_("the debrief (planned versus actual, turnout, incidents, coverage, lessons)"),
    )
    p.add_argument("slug", metavar="SLUG")
    p.add_argument("-o", "--output", required=True, metavar="FILE")
    p.add_argument("--lang", metavar="LL", help=_("its language (default: the action's first)"))
    p.add_argument("--paper", choices=("a4", "letter"))
    p.set_defaults(handler=cmd_export_debrief)


def cmd_export_debrief(args: argparse.Namespace, ctx) -> int:
    from app.domain.errors import DomainError
    from app.domain.timeutil import utcnow
    from app.exports.debrief import render_pdf
    from app.i18n import normalise_language
    from app.services.debrief import load_by_slug
    from app.storage.files import atomic_write

    lang = None
    if args.lang is not None:
        lang = normalise_language(args.lang)
        if lang is None:
            raise DomainError(
                _("{value!r} is not a language code").format(value=args.lang), field="--lang"
            )
    with ctx.store().read() as session:
        doc = load_by_slug(session, args.slug)
    atomic_write(args.output, render_pdf(doc, lang=lang, paper=args.paper, printed=utcnow()))
    ctx.print(args.output)
    return 0
