"""``checkin SLUG ALIAS``: mark a person attended at the meeting point (for scripts at the gate).

Every role the person has in the action is marked attended, with the time now. Somebody
already checked in is left as they are (the message says since when; exit 0). An alias that
is nobody's, or nobody of this action's, is exit 2.
"""

from __future__ import annotations

import argparse

from app.i18n import _


def register(sub) -> None:
    p = sub.add_parser("checkin", help=_("mark a person attended (check-in at the meeting point)"))
    p.add_argument("slug", metavar="SLUG")
    p.add_argument("alias", metavar="ALIAS")
    p.set_defaults(handler=cmd_checkin)


def cmd_checkin(args: argparse.Namespace, ctx) -> int:
    from app.exports.debrief.text import hm
    from app.i18n import ui
    from app.services import checkin
    from app.services.actions import action_by_slug

    tr = ui()
    with ctx.store().session() as session:
        action = action_by_slug(session, args.slug)
        person = checkin.find(session, action.id, args.alias)
        roles = tr.join(list(person.roles))
        if person.attended and person.attended_at is None:  # marked by hand, no time
            ctx.print(
                _("{alias} ({roles}) was already checked in; nothing changed").format(
                    alias=person.alias, roles=roles
                )
            )
            return 0
        if person.attended:
            ctx.print(
                _("{alias} ({roles}) was already checked in at {time}; nothing changed").format(
                    alias=person.alias,
                    roles=roles,
                    time=hm(tr, person.attended_at, action.timezone),
                )
            )
            return 0
        at = checkin.check_in(
            session, action_id=action.id, participant_id=person.participant_id
        ).result
        ctx.print(
            _("Checked in {alias} ({roles}) at {time}").format(
                alias=person.alias, roles=roles, time=hm(tr, at, action.timezone)
            )
        )
    return 0
