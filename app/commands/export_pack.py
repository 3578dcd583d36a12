"""``export pack SLUG -o DIR``: the volunteer pack, ready to send from the organiser's own mail.

DIR gets one ``<alias>.eml`` draft per participant with an e-mail address and recorded consent
(To: that person only; their PDF and HTML sheets and calendar attached), ``<slug>.mbox`` with all
drafts, and ``summary.txt``. Prints the paths; lists on stderr who must be reached another way.
"""

from __future__ import annotations

import argparse

from app.i18n import _


def register(kinds) -> None:
    p = kinds.add_parser(
        "pack",
        help=_("the volunteer pack: one e-mail draft per person with their sheets and calendar"),
    )
    p.add_argument("slug", metavar="SLUG")
    p.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="DIR",
        help=_("the folder to write the drafts into"),
    )
    p.set_defaults(handler=cmd_export_pack)


def cmd_export_pack(args: argparse.Namespace, ctx) -> int:
    from app.exports.pack.drafts import plan_pack, write_pack
    from app.services.actions import action_by_slug

    store = ctx.store()
    with store.read() as session:
        plan = plan_pack(session, action_by_slug(session, args.slug).id)
    result = write_pack(plan, args.output)
    for path in result.drafts:
        ctx.print(str(path))
    if result.mbox is not None:
        ctx.print(str(result.mbox))
    ctx.print(str(result.summary))
    for person in plan.unreachable:
        ctx.warn(person.describe())
    if result.stale:
        from app.exports.pack.drafts import stale_warning

        ctx.warn(stale_warning(result.stale))
    return 0
