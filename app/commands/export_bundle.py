"""``export bundle SLUG -o FILE [--include-personal-data]``."""

from __future__ import annotations

import argparse

from app.i18n import _


def register(kinds) -> None:
    p = kinds.add_parser("bundle", help=_("the action as a bundle (JSON)"))
    p.add_argument("slug", metavar="SLUG")
    p.add_argument("-o", "--output", required=True, metavar="FILE")
    p.add_argument(
        "--include-personal-data",
        action="store_true",
        help=_("also write full names, phones, e-mails and media contacts"),
    )
    p.add_argument(
        "--encrypt",
        action="store_true",
        help=_(
            "seal the bundle with a passphrase (CORTEGE_FILE_PASSPHRASE, else "
            "CORTEGE_PASSPHRASE, else typed twice)"
        ),
    )
    p.set_defaults(handler=cmd_export_bundle)


def cmd_export_bundle(args: argparse.Namespace, ctx) -> int:
    from app.services.actions import action_by_slug
    from app.services.bundle_write import bundle_json
    from app.storage.files import atomic_write

    store = ctx.store()
    with store.read() as session:
        text = bundle_json(
            session,
            action_by_slug(session, args.slug).id,
            include_personal_data=args.include_personal_data,
        )
    data = text.encode("utf-8")
    if args.encrypt:
        from app.services.envelope import encrypt_with_prompt

        data = encrypt_with_prompt(data)
    atomic_write(args.output, data)
    ctx.print(args.output)
    return 0
